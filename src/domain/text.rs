//! Free text as people type or paste it, and as vakt prints it back.
//!
//! On the way in, a text is trimmed, a tab becomes a space, and a control
//! character (ESC, BEL, a bidirectional override …) is refused with a
//! message naming the field: such a character can rewrite a terminal or
//! disguise what a line says. Each field has a limit in characters.
//!
//! On the way out, [`escape`] makes every control character visible
//! (`\u{1b}`), so that text stored before these rules, or read from a
//! file, can never act on a terminal.

use std::borrow::Cow;

/// Which free-text field a rule speaks about (for the message).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextField {
    /// A name or alias the caller gave.
    Label,
    /// What the message or letter was about.
    Summary,
    /// When it is safe to call, in the caller's words.
    SafeTimes,
    /// Anything else that keeps the caller safe.
    SafetyNote,
    /// A note on one callback attempt.
    AttemptNote,
    /// A shift-log note.
    Note,
}

impl TextField {
    /// The most characters the field takes.
    pub fn max_chars(self) -> usize {
        match self {
            TextField::Label => MAX_LABEL,
            TextField::Summary => MAX_SUMMARY,
            TextField::SafeTimes => MAX_SAFE_TIMES,
            TextField::SafetyNote => MAX_SAFETY_NOTE,
            TextField::AttemptNote => MAX_ATTEMPT_NOTE,
            TextField::Note => MAX_NOTE,
        }
    }

    /// Whether line breaks belong in the field.
    pub fn multi_line(self) -> bool {
        matches!(self, TextField::Note)
    }
}

/// A caller's name or alias.
pub const MAX_LABEL: usize = 80;
/// What a voicemail or letter was about.
pub const MAX_SUMMARY: usize = 500;
/// When it is safe to call.
pub const MAX_SAFE_TIMES: usize = 120;
/// The safety note on an item.
pub const MAX_SAFETY_NOTE: usize = 1000;
/// The note on one attempt.
pub const MAX_ATTEMPT_NOTE: usize = 1000;
/// A shift-log note: a few paragraphs, not a file.
pub const MAX_NOTE: usize = 10_000;

/// What is wrong with a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextProblem {
    /// Empty where something is needed.
    Required,
    /// Longer than the field takes.
    TooLong { chars: usize, max: usize },
    /// Holds a control character.
    Control,
}

/// A text that breaks a rule: which field, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextError {
    pub field: TextField,
    pub problem: TextProblem,
}

/// A character that must never reach a terminal from input: the C0 and C1
/// controls and DEL, and the invisible marks that reorder text
/// (bidirectional embeddings, overrides and isolates).
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{061C}' | '\u{200E}' | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}')
}

/// Checks a free text for `field`: tabs become spaces, CR LF and CR become
/// line breaks (kept only where the field is multi-line), the ends are
/// trimmed; any other control character, or more than the field's limit,
/// is an error. An empty result is allowed: see [`required`].
pub fn clean(input: &str, field: TextField) -> Result<String, TextError> {
    let err = |problem| TextError { field, problem };
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        let c = match c {
            '\t' => ' ',
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                '\n'
            }
            c => c,
        };
        if (c == '\n' && !field.multi_line()) || (c != '\n' && is_unsafe(c)) {
            return Err(err(TextProblem::Control));
        }
        out.push(c);
    }
    let trimmed = out.trim();
    let chars = trimmed.chars().count();
    if chars > field.max_chars() {
        return Err(err(TextProblem::TooLong {
            chars,
            max: field.max_chars(),
        }));
    }
    Ok(trimmed.to_string())
}

/// Like [`clean`], and the result may not be empty.
pub fn required(input: &str, field: TextField) -> Result<String, TextError> {
    let text = clean(input, field)?;
    if text.is_empty() {
        return Err(TextError {
            field,
            problem: TextProblem::Required,
        });
    }
    Ok(text)
}

/// Makes every unsafe character in `text` visible as `\u{..}`, keeping
/// line breaks and tabs. Everything vakt prints goes through this once.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c) && c != '\n' && c != '\t') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe(c) && c != '\n' && c != '\t' {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Like [`escape`], for a text that must stay on one line (a name in a
/// table): line breaks and tabs are made visible too.
pub fn escape_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn trims_and_turns_tabs_into_spaces() {
        assert_eq!(
            clean("  etter\tkl. 16 ", TextField::SafeTimes).unwrap(),
            "etter kl. 16"
        );
        assert_eq!(clean("", TextField::Label).unwrap(), "");
    }

    #[test]
    fn refuses_control_characters_and_direction_marks() {
        for bad in [
            "\u{1b}[31mX",
            "a\u{7}b",
            "a\u{7f}",
            "a\u{9b}b",
            "a\u{202e}b",
            "a\u{2066}b",
            "a\u{0}b",
        ] {
            assert_eq!(
                clean(bad, TextField::Summary),
                Err(TextError {
                    field: TextField::Summary,
                    problem: TextProblem::Control
                }),
                "{bad:?}"
            );
        }
        // A line break belongs in a note, not in a summary.
        assert_eq!(
            clean("a\nb", TextField::Summary).unwrap_err().problem,
            TextProblem::Control
        );
        assert_eq!(clean("a\r\nb\rc", TextField::Note).unwrap(), "a\nb\nc");
        // Letters from anywhere, emoji with joiners: fine.
        assert_eq!(clean("Åse 👩‍👧 ǅ", TextField::Label).unwrap(), "Åse 👩‍👧 ǅ");
    }

    #[test]
    fn limits_count_characters_not_bytes() {
        assert!(clean(&"ø".repeat(80), TextField::Label).is_ok());
        assert_eq!(
            clean(&"ø".repeat(81), TextField::Label)
                .unwrap_err()
                .problem,
            TextProblem::TooLong { chars: 81, max: 80 }
        );
        assert_eq!(
            clean(&"x".repeat(64_000), TextField::Summary)
                .unwrap_err()
                .problem,
            TextProblem::TooLong {
                chars: 64_000,
                max: 500
            }
        );
        // Spaces around the text do not count.
        assert!(clean(&format!("  {}  ", "x".repeat(500)), TextField::Summary).is_ok());
        assert_eq!(
            required("   ", TextField::Summary).unwrap_err().problem,
            TextProblem::Required
        );
    }

    #[test]
    fn every_field_has_its_limit() {
        for (f, max) in [
            (TextField::Label, 80),
            (TextField::Summary, 500),
            (TextField::SafeTimes, 120),
            (TextField::SafetyNote, 1000),
            (TextField::AttemptNote, 1000),
            (TextField::Note, 10_000),
        ] {
            assert_eq!(f.max_chars(), max);
            assert!(clean(&"a".repeat(max), f).is_ok());
            assert!(clean(&"a".repeat(max + 1), f).is_err());
        }
    }

    #[test]
    fn escape_makes_controls_visible() {
        assert_eq!(escape("plain æøå\nline"), "plain æøå\nline");
        assert!(matches!(escape("plain"), Cow::Borrowed(_)));
        assert_eq!(escape("\u{1b}[31mX"), "\\u{1b}[31mX");
        assert_eq!(escape("a\u{202e}b"), "a\\u{202e}b");
        assert_eq!(escape_line("a\nb\tc"), "a\\u{a}b\\u{9}c");
    }

    proptest! {
        #[test]
        fn nothing_unsafe_survives(s in "\\PC{0,40}|[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{202a}-\\u{202e}a-z]{0,40}") {
            if let Ok(t) = clean(&s, TextField::Note) {
                prop_assert!(!t.chars().any(|c| is_unsafe(c) && c != '\n'));
            }
            if let Ok(t) = clean(&s, TextField::Summary) {
                prop_assert!(!t.chars().any(is_unsafe));
            }
            prop_assert!(!escape(&s).chars().any(|c| is_unsafe(c) && c != '\n' && c != '\t'));
            prop_assert!(!escape_line(&s).chars().any(is_unsafe));
        }
    }
}
