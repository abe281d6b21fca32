//! The name of the person on duty, as given with `--as` or typed in "who is
//! on duty": it goes into the audit trail, the shift log and the handover,
//! and is printed back on screens other people read.
//!
//! A name a person would use: letters (any alphabet, æøå included),
//! digits, spaces, dots and hyphens, 1 to [`MAX_CHARS`] characters, with
//! at least one letter or digit. Nothing else: no control characters, no
//! punctuation that could pass for markup.

use std::fmt;

/// The longest name accepted.
pub const MAX_CHARS: usize = 20;

/// Why a name was refused. The name itself is not kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameError {
    Empty,
    TooLong {
        chars: usize,
    },
    /// A character that is not a letter, digit, space, dot or hyphen.
    BadChar,
}

/// A checked name of the person on duty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DutyName(String);

impl DutyName {
    /// Checks a typed name; spaces at the ends are dropped.
    pub fn parse(input: &str) -> Result<DutyName, NameError> {
        let name = input.trim();
        if name.is_empty() {
            return Err(NameError::Empty);
        }
        let mut prev_letter = false;
        for c in name.chars() {
            let ok = c.is_alphanumeric()
                || c == ' '
                || c == '.'
                || c == '-'
                // A combining accent typed after its letter (decomposed å).
                || (prev_letter && ('\u{300}'..='\u{36f}').contains(&c));
            if !ok {
                return Err(NameError::BadChar);
            }
            prev_letter = c.is_alphabetic() || ('\u{300}'..='\u{36f}').contains(&c);
        }
        if !name.chars().any(char::is_alphanumeric) {
            return Err(NameError::BadChar);
        }
        let chars = name.chars().count();
        if chars > MAX_CHARS {
            return Err(NameError::TooLong { chars });
        }
        Ok(DutyName(name.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for DutyName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn names_people_use() {
        for ok in [
            "KN",
            "Kari N.",
            "Ørjan Åsheim",
            "Anne-Lise",
            "Zoë",
            "Мария",
            "محمد",
            "Vakt 2",
            "  Kari  ",
            "a\u{30a}se",
            &"x".repeat(20),
        ] {
            assert!(DutyName::parse(ok).is_ok(), "{ok:?}");
        }
        assert_eq!(DutyName::parse("  Kari ").unwrap().as_str(), "Kari");
    }

    #[test]
    fn everything_else_is_refused() {
        assert_eq!(DutyName::parse(""), Err(NameError::Empty));
        assert_eq!(DutyName::parse("   "), Err(NameError::Empty));
        assert_eq!(
            DutyName::parse(&"x".repeat(21)),
            Err(NameError::TooLong { chars: 21 })
        );
        for bad in [
            "\u{1b}[31mX",
            "Kari\nNils",
            "a\tb",
            "<b>",
            "a/b",
            "ola_n",
            "K*",
            "a\u{202e}b",
            "...",
            "-",
            "\u{30a}a",
        ] {
            assert_eq!(DutyName::parse(bad), Err(NameError::BadChar), "{bad:?}");
        }
    }

    proptest! {
        #[test]
        fn an_accepted_name_is_plain(s in "\\PC{0,30}|[\\x00-\\x1fa-zæøå .\\-]{0,30}") {
            if let Ok(n) = DutyName::parse(&s) {
                let n = n.as_str();
                prop_assert!(!n.is_empty() && n.chars().count() <= MAX_CHARS);
                prop_assert!(!n.chars().any(crate::domain::text::is_unsafe));
                prop_assert_eq!(n, n.trim());
            }
        }
    }
}
