//! The string catalogue: every sentence the user sees, in Norwegian bokmål
//! and English.
//!
//! Each message is a `Msg` constant holding both languages, so a missing
//! translation is a compile error rather than a blank on screen. Messages
//! are grouped in one file per area of the app (`shell`, `calendar`, ...);
//! every group also exports `ALL`, which the tests walk to check that no
//! text is empty and that both languages use the same placeholders.

use std::fmt::Display;

pub mod calendar;
pub mod cli;
pub mod countries;
pub mod directory;
pub mod intake;
pub mod log;
pub mod opening;
pub mod plural;
pub mod privacy;
pub mod queue;
pub mod rules;
pub mod shell;
pub mod stats;
pub mod time;

/// The language the user interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Norwegian bokmål, the default.
    #[default]
    Nb,
    /// English.
    En,
}

impl Lang {
    /// Parses a language code as given on the command line or in config.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "nb" | "no" | "nn" | "nob" | "norsk" | "bokmål" | "bokmal" => Some(Lang::Nb),
            "en" | "eng" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the language from a POSIX locale string (`LC_ALL`, `LC_MESSAGES`,
    /// `LANG`), e.g. `nb_NO.UTF-8` or `en_GB.UTF-8`.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let base = locale.split(['_', '.', '@', '-']).next().unwrap_or("");
        match base {
            "C" | "POSIX" | "" => None,
            other => Lang::from_code(other),
        }
    }

    /// A whole number with its thousands grouped as the language writes
    /// them: 10 000 (with a no-break space) or 10,000.
    pub fn count(self, n: u64) -> String {
        let digits = n.to_string();
        let sep = match self {
            Lang::Nb => '\u{a0}',
            Lang::En => ',',
        };
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(c);
        }
        out
    }

    /// Reads the locale from the environment in POSIX precedence order.
    pub fn from_env() -> Option<Lang> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::from_locale(&v))
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::En => "en",
        }
    }
}

/// One catalogue entry in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Msg {
    pub key: &'static str,
    pub nb: &'static str,
    pub en: &'static str,
}

impl Msg {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nb => self.nb,
            Lang::En => self.en,
        }
    }

    /// Fills `{name}` placeholders. Unknown names are left as they are so a
    /// slip shows up in tests instead of silently vanishing.
    pub fn fill(&self, lang: Lang, args: &[(&str, &dyn Display)]) -> String {
        fill(self.get(lang), args)
    }
}

/// Replaces `{name}` placeholders in `template`.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(&v.to_string()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Declares catalogue constants and an `ALL` list of them.
macro_rules! catalogue {
    ($( $(#[$doc:meta])* $name:ident => $nb:expr, $en:expr; )*) => {
        $( $(#[$doc])* pub const $name: $crate::i18n::Msg =
            $crate::i18n::Msg { key: concat!(module_path!(), "::", stringify!($name)), nb: $nb, en: $en }; )*
        /// Every message of this group, for the catalogue tests.
        #[allow(dead_code)]
        pub const ALL: &[$crate::i18n::Msg] = &[$($name),*];
    };
}
pub(crate) use catalogue;

/// Every group's messages, for the completeness tests.
pub fn all_groups() -> Vec<&'static [Msg]> {
    vec![
        shell::ALL,
        calendar::ALL,
        time::ALL,
        queue::ALL,
        log::ALL,
        stats::ALL,
        directory::ALL,
        privacy::ALL,
        rules::ALL,
        opening::ALL,
        intake::ALL,
        cli::ALL,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn placeholders(s: &str) -> BTreeSet<String> {
        let mut set = BTreeSet::new();
        let mut rest = s;
        while let Some(i) = rest.find('{') {
            let after = &rest[i + 1..];
            if let Some(j) = after.find('}') {
                set.insert(after[..j].to_string());
                rest = &after[j + 1..];
            } else {
                break;
            }
        }
        set
    }

    #[test]
    fn every_message_has_both_languages_and_same_placeholders() {
        let mut keys = BTreeSet::new();
        for group in all_groups() {
            for m in group {
                assert!(!m.nb.trim().is_empty(), "{} has no bokmål text", m.key);
                assert!(!m.en.trim().is_empty(), "{} has no English text", m.key);
                assert_eq!(
                    placeholders(m.nb),
                    placeholders(m.en),
                    "{} uses different placeholders in nb and en",
                    m.key
                );
                assert!(keys.insert(m.key), "{} is declared twice", m.key);
            }
        }
        assert!(keys.len() > 20);
    }

    #[test]
    fn fill_replaces_known_and_keeps_unknown() {
        assert_eq!(fill("a {x} b {y}", &[("x", &1)]), "a 1 b {y}");
        assert_eq!(fill("open {", &[]), "open {");
        assert_eq!(fill("{x}{x}", &[("x", &"z")]), "zz");
    }

    #[test]
    fn counts_are_grouped_by_language() {
        for (n, nb, en) in [
            (0, "0", "0"),
            (999, "999", "999"),
            (1000, "1\u{a0}000", "1,000"),
            (10_000, "10\u{a0}000", "10,000"),
            (1_234_567, "1\u{a0}234\u{a0}567", "1,234,567"),
        ] {
            assert_eq!(Lang::Nb.count(n), nb);
            assert_eq!(Lang::En.count(n), en);
        }
    }

    #[test]
    fn locale_detection() {
        assert_eq!(Lang::from_locale("nb_NO.UTF-8"), Some(Lang::Nb));
        assert_eq!(Lang::from_locale("nn_NO"), Some(Lang::Nb));
        assert_eq!(Lang::from_locale("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_locale("C.UTF-8"), None);
        assert_eq!(Lang::from_locale("de_DE"), None);
        assert_eq!(Lang::from_code("EN"), Some(Lang::En));
        assert_eq!(Lang::from_code("xx"), None);
    }
}
