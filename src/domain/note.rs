//! A shift-log note: some text (line breaks allowed), at most
//! [`MAX_CHARS`] characters, never empty. The log is append-only, so this
//! is the only moment a note can be checked.

use super::text::{self, TextError, TextField};

/// The longest note accepted (a few paragraphs, not a file).
pub const MAX_CHARS: usize = text::MAX_NOTE;

/// Checks a note's text: trimmed, line breaks kept (CR LF as one), no
/// other control character, not empty, not too long.
pub fn body(input: &str) -> Result<String, TextError> {
    text::required(input, TextField::Note)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::text::TextProblem;

    #[test]
    fn a_note_is_checked_once_for_both_fronts() {
        assert_eq!(
            body("  Ringte 113.\r\nAlt ok. ").unwrap(),
            "Ringte 113.\nAlt ok."
        );
        assert_eq!(body(" \n ").unwrap_err().problem, TextProblem::Required);
        assert_eq!(
            body(&"x".repeat(MAX_CHARS + 1)).unwrap_err().problem,
            TextProblem::TooLong {
                chars: MAX_CHARS + 1,
                max: MAX_CHARS
            }
        );
        assert_eq!(
            body("a\u{1b}]0;x\u{7}").unwrap_err().problem,
            TextProblem::Control
        );
    }
}
