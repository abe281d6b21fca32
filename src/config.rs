//! Per-user settings from a TOML file, and where vakt keeps its files.
//!
//! Settings that every terminal on one database must agree on (time zone,
//! opening hours, closed days) live in the database instead; this file only
//! holds what may differ between people and machines.

use std::path::{Path, PathBuf};

use directories::ProjectDirs;
use toml::de::{DeTable, DeValue};

use crate::error::AppError;
use crate::i18n::Lang;

/// The settings file. Every key is optional; a missing file means defaults.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// `nb` or `en`; otherwise the locale decides.
    pub lang: Option<String>,
    /// Database path; `--db` and `VAKT_DB` take precedence.
    pub db: Option<PathBuf>,
    /// `mono` forces the monochrome theme even without `NO_COLOR`; `color`
    /// is the default.
    pub theme: Option<String>,
    /// Stops the clock in the status bar from redrawing every second.
    pub reduced_motion: bool,
    pub callbacks: CallbackConfig,
    pub directory: DirectoryConfig,
    pub privacy: PrivacyConfig,
    pub handover: HandoverConfig,
    /// `[intake]`: voicemail e-mails from the switchboard (see
    /// [`crate::intake::settings`]).
    pub intake: crate::intake::settings::IntakeConfig,
    /// Keys vakt does not know, with their lines: said on stderr and in the
    /// app's status line, never silently dropped.
    pub warnings: Vec<Unknown>,
    /// The file the settings were read from, if any.
    pub source: Option<PathBuf>,
}

/// `[callbacks]`: how the queue treats attempts.
#[derive(Debug, Clone, PartialEq)]
pub struct CallbackConfig {
    /// Attempts without reaching the caller before "gave up" is allowed.
    pub max_attempts: u32,
    /// Hours between two attempts that did not reach the caller.
    pub retry_hours: u32,
    /// What to say when someone answers; never the organisation's name.
    /// Empty means the built-in neutral text in the user's language.
    pub script: String,
}

impl Default for CallbackConfig {
    fn default() -> Self {
        CallbackConfig {
            max_attempts: 3,
            retry_hours: 2,
            script: String::new(),
        }
    }
}

/// `[handover]`: who may acknowledge a handover.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HandoverConfig {
    /// Whoever gave a handover may acknowledge it too: for a centre where
    /// one volunteer is often alone on duty. Off by default: the next
    /// person acknowledges.
    pub self_acknowledge: bool,
}

/// `[directory]`: the referral directory.
#[derive(Debug, Clone, PartialEq)]
pub struct DirectoryConfig {
    /// An entry not verified for this many days is marked stale.
    pub stale_days: u32,
}

impl Default for DirectoryConfig {
    fn default() -> Self {
        DirectoryConfig { stale_days: 180 }
    }
}

/// `[privacy]`: how long caller data is kept, when the screen hides it,
/// and how many daily backups are kept.
#[derive(Debug, Clone, PartialEq)]
pub struct PrivacyConfig {
    /// Days after an item is closed before its caller data is erased.
    pub closed_days: u32,
    /// Days after a log note is written before its text is erased.
    pub note_days: u32,
    /// Minutes without a key before caller data is hidden (0 = never).
    pub idle_minutes: u32,
    /// Days a backup vakt made (any kind) is kept in the backups folder.
    pub backups_kept: u32,
}

impl Default for PrivacyConfig {
    fn default() -> Self {
        PrivacyConfig {
            closed_days: 30,
            note_days: 365,
            idle_minutes: 5,
            backups_kept: 14,
        }
    }
}

impl PrivacyConfig {
    pub fn retention(&self) -> crate::store::privacy::Retention {
        crate::store::privacy::Retention {
            closed_days: self.closed_days,
            note_days: self.note_days,
        }
    }
}

/// What a key takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Allowed {
    /// One of these words.
    OneOf(&'static [&'static str]),
    /// A whole number in this range (both ends included).
    Range {
        min: i64,
        max: i64,
    },
    Bool,
    /// Text in quotes, at most this many characters, no control characters.
    Text {
        max: usize,
    },
    /// A language: `nb` or `en` (also `no`, `english` …).
    Language,
}

/// Every key the settings file knows: section ("" for the top), key, and
/// what it takes. The one list the parser, the warnings and the docs test
/// read.
pub const KEYS: &[(&str, &str, Allowed)] = &[
    ("", "lang", Allowed::Language),
    ("", "db", Allowed::Text { max: 4096 }),
    ("", "theme", Allowed::OneOf(&["mono", "color"])),
    ("", "reduced_motion", Allowed::Bool),
    (
        "callbacks",
        "max_attempts",
        Allowed::Range { min: 1, max: 50 },
    ),
    (
        "callbacks",
        "retry_hours",
        Allowed::Range { min: 0, max: 336 },
    ),
    ("callbacks", "script", Allowed::Text { max: 1000 }),
    ("handover", "self_acknowledge", Allowed::Bool),
    (
        "directory",
        "stale_days",
        Allowed::Range { min: 0, max: 36500 },
    ),
    (
        "privacy",
        "closed_days",
        Allowed::Range { min: 0, max: 36500 },
    ),
    (
        "privacy",
        "note_days",
        Allowed::Range { min: 0, max: 36500 },
    ),
    (
        "privacy",
        "idle_minutes",
        Allowed::Range { min: 0, max: 1440 },
    ),
    (
        "privacy",
        "backups_kept",
        Allowed::Range { min: 1, max: 3650 },
    ),
];

/// The sections of the settings file.
pub const SECTIONS: &[&str] = &["callbacks", "handover", "directory", "privacy"];

/// The keys known at the top (`""`, sections included) or in a section.
pub fn known_keys(section: &str) -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = KEYS
        .iter()
        .filter(|(s, _, _)| *s == section)
        .map(|(_, k, _)| *k)
        .collect();
    if section.is_empty() {
        keys.extend_from_slice(SECTIONS);
    }
    keys
}

/// A key vakt does not know, where it is, and the known key it is
/// closest to (a likely typo), if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unknown {
    pub line: usize,
    /// As written, with the section: `privacy.idle_minute`.
    pub key: String,
    pub hint: Option<String>,
}

impl Unknown {
    /// One sentence for stderr or the status line.
    pub fn message(&self, path: &Path, lang: Lang) -> String {
        use crate::i18n::rules as r;
        let path = path.display();
        match &self.hint {
            Some(hint) => r::CONFIG_WARNING_HINT.fill(
                lang,
                &[
                    ("path", &path),
                    ("line", &self.line),
                    ("key", &self.key),
                    ("hint", hint),
                ],
            ),
            None => r::CONFIG_WARNING.fill(
                lang,
                &[("path", &path), ("line", &self.line), ("key", &self.key)],
            ),
        }
    }
}

/// A value that breaks its key's rule, or a file that is not text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadSetting {
    pub line: usize,
    /// With the section: `privacy.idle_minutes`. Empty for a file that is
    /// not UTF-8.
    pub key: String,
    pub problem: SettingProblem,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingProblem {
    /// The value is not what the key takes.
    Value(Allowed),
    /// A section name used as a plain key.
    NotASection,
    /// The file is not UTF-8 from this line.
    NotUtf8,
}

impl BadSetting {
    pub fn message(&self, path: &Path, lang: Lang) -> String {
        use crate::i18n::rules as r;
        let path = path.display();
        let (line, key) = (&self.line, &self.key);
        let base: [(&str, &dyn std::fmt::Display); 3] =
            [("path", &path), ("line", line), ("key", key)];
        let one_of = |words: &[&str]| {
            let allowed = words
                .iter()
                .map(|w| format!("\"{w}\""))
                .collect::<Vec<_>>()
                .join(", ");
            r::ERR_CONFIG_ONE_OF.fill(
                lang,
                &[
                    ("path", &path),
                    ("line", line),
                    ("key", key),
                    ("allowed", &allowed),
                ],
            )
        };
        match self.problem {
            SettingProblem::NotUtf8 => r::ERR_CONFIG_UTF8.fill(lang, &base),
            SettingProblem::NotASection => r::ERR_CONFIG_TABLE.fill(lang, &base),
            SettingProblem::Value(Allowed::Language) => one_of(&["nb", "en"]),
            SettingProblem::Value(Allowed::OneOf(words)) => one_of(words),
            SettingProblem::Value(Allowed::Range { min, max }) => r::ERR_CONFIG_RANGE.fill(
                lang,
                &[
                    ("path", &path),
                    ("line", line),
                    ("key", key),
                    ("min", &min),
                    ("max", &max),
                ],
            ),
            SettingProblem::Value(Allowed::Bool) => r::ERR_CONFIG_BOOL.fill(lang, &base),
            SettingProblem::Value(Allowed::Text { max }) => r::ERR_CONFIG_TEXT.fill(
                lang,
                &[("path", &path), ("line", line), ("key", key), ("max", &max)],
            ),
        }
    }
}

/// The line (from 1) that byte `offset` of `text` is on.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    let end = (0..=end)
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    text[..end].matches('\n').count() + 1
}

/// A key from the file, made safe to print: control characters visible,
/// and cut short.
fn shown_key(section: &str, key: &str) -> String {
    let key: String = crate::domain::text::escape_line(key)
        .chars()
        .take(40)
        .collect();
    if section.is_empty() {
        key
    } else {
        format!("{section}.{key}")
    }
}

/// How many single-letter edits turn `a` into `b` (for "did you mean").
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The known key (in any section) a typo most likely meant.
fn closest(key: &str) -> Option<String> {
    if key.chars().count() > 40 {
        return None;
    }
    KEYS.iter()
        .map(|(s, k, _)| (*s, *k))
        .chain(SECTIONS.iter().map(|s| ("", *s)))
        .map(|(s, k)| (distance(key, k), s, k))
        .filter(|(d, _, _)| *d <= 2)
        .min_by_key(|(d, _, _)| *d)
        .map(|(_, s, k)| {
            if s.is_empty() {
                k.to_string()
            } else {
                format!("{s}.{k}")
            }
        })
}

/// A checked value.
enum Value {
    Int(u32),
    Bool(bool),
    Text(String),
}

fn check(value: &DeValue<'_>, allowed: Allowed) -> Option<Value> {
    match allowed {
        Allowed::OneOf(words) => {
            let s = value.as_str()?;
            words
                .iter()
                .find(|w| s.trim().eq_ignore_ascii_case(w))
                .map(|w| Value::Text(w.to_string()))
        }
        Allowed::Range { min, max } => {
            let i = value.as_integer()?;
            let n = i64::from_str_radix(i.as_str(), i.radix()).ok()?;
            if n < min || n > max {
                return None;
            }
            u32::try_from(n).ok().map(Value::Int)
        }
        Allowed::Bool => value.as_bool().map(Value::Bool),
        Allowed::Language => Lang::from_code(value.as_str()?).map(|l| Value::Text(l.code().into())),
        Allowed::Text { max } => {
            let s = value.as_str()?;
            if s.chars().count() > max || s.chars().any(crate::domain::text::is_unsafe) {
                return None;
            }
            Some(Value::Text(s.to_string()))
        }
    }
}

impl Config {
    /// Parses the settings text. Errors name the line and what the key
    /// takes, never echo values; unknown keys become [`Config::warnings`].
    pub fn parse(text: &str, path: &Path) -> Result<Config, AppError> {
        let doc = DeTable::parse(text).map_err(|e| AppError::ConfigSyntax {
            path: path.to_path_buf(),
            line: e.span().map(|s| line_of(text, s.start)),
            detail: e.message().to_string(),
        })?;
        let mut cfg = Config {
            source: Some(path.to_path_buf()),
            ..Config::default()
        };
        let bad = |line: usize, key: String, problem: SettingProblem| AppError::ConfigSetting {
            path: path.to_path_buf(),
            bad: BadSetting { line, key, problem },
        };
        let mut entries: Vec<(&str, &str, usize, &DeValue<'_>)> = Vec::new();
        for (k, v) in doc.get_ref().iter() {
            let key: &str = k.get_ref();
            let line = line_of(text, k.span().start);
            if key == "intake" {
                // Tables of patterns per switchboard: read whole, checked
                // key by key (an unknown key is an error naming it).
                cfg.intake = crate::intake::settings::IntakeConfig::from_settings(text).map_err(
                    |(at, detail)| AppError::ConfigSyntax {
                        path: path.to_path_buf(),
                        line: Some(at.map_or(line, |a| line_of(text, a))),
                        detail,
                    },
                )?;
                continue;
            }
            if SECTIONS.contains(&key) {
                let Some(table) = v.get_ref().as_table() else {
                    return Err(bad(line, key.to_string(), SettingProblem::NotASection));
                };
                for (sk, sv) in table.iter() {
                    entries.push((
                        key,
                        sk.get_ref(),
                        line_of(text, sk.span().start),
                        sv.get_ref(),
                    ));
                }
            } else {
                entries.push(("", key, line, v.get_ref()));
            }
        }
        entries.sort_by_key(|e| e.2);
        for (section, key, line, value) in entries {
            let Some(&(_, _, allowed)) = KEYS.iter().find(|(s, k, _)| *s == section && *k == key)
            else {
                cfg.warnings.push(Unknown {
                    line,
                    key: shown_key(section, key),
                    hint: closest(key),
                });
                continue;
            };
            let Some(v) = check(value, allowed) else {
                return Err(bad(
                    line,
                    shown_key(section, key),
                    SettingProblem::Value(allowed),
                ));
            };
            match (section, key, v) {
                ("", "lang", Value::Text(t)) => cfg.lang = Some(t),
                ("", "db", Value::Text(t)) => cfg.db = Some(PathBuf::from(t)),
                ("", "theme", Value::Text(t)) => cfg.theme = Some(t),
                ("", "reduced_motion", Value::Bool(b)) => cfg.reduced_motion = b,
                ("callbacks", "max_attempts", Value::Int(n)) => cfg.callbacks.max_attempts = n,
                ("callbacks", "retry_hours", Value::Int(n)) => cfg.callbacks.retry_hours = n,
                ("callbacks", "script", Value::Text(t)) => cfg.callbacks.script = t,
                ("handover", "self_acknowledge", Value::Bool(b)) => {
                    cfg.handover.self_acknowledge = b
                }
                ("directory", "stale_days", Value::Int(n)) => cfg.directory.stale_days = n,
                ("privacy", "closed_days", Value::Int(n)) => cfg.privacy.closed_days = n,
                ("privacy", "note_days", Value::Int(n)) => cfg.privacy.note_days = n,
                ("privacy", "idle_minutes", Value::Int(n)) => cfg.privacy.idle_minutes = n,
                ("privacy", "backups_kept", Value::Int(n)) => cfg.privacy.backups_kept = n,
                _ => {}
            }
        }
        Ok(cfg)
    }

    /// Reads the settings file's bytes: a file that is not UTF-8 is an
    /// error naming the first line that is not.
    pub fn parse_bytes(bytes: &[u8], path: &Path) -> Result<Config, AppError> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Config::parse(text, path),
            Err(e) => {
                let good = &bytes[..e.valid_up_to()];
                Err(AppError::ConfigSetting {
                    path: path.to_path_buf(),
                    bad: BadSetting {
                        line: good.iter().filter(|b| **b == b'\n').count() + 1,
                        key: String::new(),
                        problem: SettingProblem::NotUtf8,
                    },
                })
            }
        }
    }

    /// Loads the file at `explicit` (which must exist) or the default
    /// location (which may be missing).
    pub fn load(explicit: Option<&Path>) -> Result<Config, AppError> {
        let (path, required) = match explicit {
            Some(p) => (p.to_path_buf(), true),
            None => match default_config_path() {
                Some(p) => (p, false),
                None => return Ok(Config::default()),
            },
        };
        match std::fs::read(&path) {
            Ok(bytes) => Config::parse_bytes(&bytes, &path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => {
                Ok(Config::default())
            }
            Err(e) => Err(AppError::ConfigRead {
                path,
                kind: e.kind(),
            }),
        }
    }

    pub fn lang(&self) -> Option<Lang> {
        self.lang.as_deref().and_then(Lang::from_code)
    }

    /// The warnings about unknown keys, one sentence each.
    pub fn warning_messages(&self, lang: Lang) -> Vec<String> {
        let path = self.source.as_deref().unwrap_or(Path::new("config.toml"));
        self.warnings
            .iter()
            .map(|w| w.message(path, lang))
            .collect()
    }
}

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("no", "vakt", "vakt")
}

pub fn default_config_path() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().join("config.toml"))
}

/// The platform data directory, e.g. `~/.local/share/vakt` on Linux.
pub fn data_dir() -> Option<PathBuf> {
    project_dirs().map(|d| d.data_dir().to_path_buf())
}

pub fn default_db_path() -> Option<PathBuf> {
    data_dir().map(|d| d.join("vakt.db"))
}

/// Chooses the language: command line, then config, then locale, then nb.
pub fn resolve_lang(cli: Option<Lang>, cfg: &Config) -> Lang {
    cli.or_else(|| cfg.lang())
        .or_else(Lang::from_env)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bad(text: &str) -> BadSetting {
        match Config::parse(text, Path::new("c.toml")) {
            Err(AppError::ConfigSetting { bad, .. }) => bad,
            other => panic!("expected a bad setting for {text:?}, got {other:?}"),
        }
    }

    #[test]
    fn parses_all_keys() {
        let c = Config::parse(
            "lang = \"en\"\ndb = \"/tmp/x.db\"\ntheme = \"mono\"\nreduced_motion = true\n",
            Path::new("c.toml"),
        )
        .unwrap();
        assert_eq!(c.lang(), Some(Lang::En));
        assert_eq!(c.db.as_deref(), Some(Path::new("/tmp/x.db")));
        assert_eq!(c.theme.as_deref(), Some("mono"));
        assert!(c.reduced_motion);
        assert!(c.warnings.is_empty());
        // Language aliases still work.
        let c = Config::parse("lang = \"english\"\n", Path::new("c")).unwrap();
        assert_eq!(c.lang(), Some(Lang::En));
    }

    #[test]
    fn syntax_error_names_the_line() {
        let err =
            Config::parse("lang = \"nb\"\n\nthis is not toml\n", Path::new("c.toml")).unwrap_err();
        match err {
            AppError::ConfigSyntax { line, .. } => assert_eq!(line, Some(3)),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn sections_have_defaults_and_are_checked() {
        let c = Config::parse("[callbacks]\nmax_attempts = 5\n", Path::new("c")).unwrap();
        assert_eq!(c.callbacks.max_attempts, 5);
        assert_eq!(c.callbacks.retry_hours, 2);
        assert_eq!(c.directory.stale_days, 180);
        let b = bad("\n[callbacks]\nmax_attempts = 0\n");
        assert_eq!((b.line, b.key.as_str()), (3, "callbacks.max_attempts"));
        assert_eq!(
            b.problem,
            SettingProblem::Value(Allowed::Range { min: 1, max: 50 })
        );
        assert_eq!(bad("[callbacks]\nmax_attempts = \"x\"\n").line, 2);
    }

    #[test]
    fn every_bad_value_names_its_line_and_what_is_allowed() {
        let b = bad("lang = \"nb\"\ntheme = \"neon\"\n");
        assert_eq!((b.line, b.key.as_str()), (2, "theme"));
        let m = b.message(Path::new("c.toml"), Lang::En);
        assert!(
            m.contains("line 2") && m.contains("\"mono\", \"color\""),
            "{m}"
        );
        let m = bad("lang = \"xx\"\n").message(Path::new("c.toml"), Lang::Nb);
        assert!(m.contains("linje 1") && m.contains("\"nb\", \"en\""), "{m}");
        let m = bad("[privacy]\n\nidle_minutes = 5000\n").message(Path::new("c"), Lang::En);
        assert!(m.contains("line 3") && m.contains("from 0 to 1440"), "{m}");
        assert!(!m.contains("5000"), "the value is not echoed: {m}");
        let m = bad("reduced_motion = \"yes\"\n").message(Path::new("c"), Lang::En);
        assert!(m.contains("true or false"), "{m}");
        let m = bad("[callbacks]\nscript = \"\\u001b[2J\"\n").message(Path::new("c"), Lang::En);
        assert!(
            m.contains("line 2") && m.contains("control characters"),
            "{m}"
        );
        assert_eq!(bad("privacy = 3\n").problem, SettingProblem::NotASection);
        assert_eq!(bad("[privacy]\nclosed_days = -1\n").line, 2);
        assert_eq!(
            bad("[privacy]\nbackups_kept = 0\n").key,
            "privacy.backups_kept"
        );
    }

    #[test]
    fn privacy_section_defaults_and_limits() {
        let c = Config::parse("", Path::new("c")).unwrap();
        assert_eq!(c.privacy, PrivacyConfig::default());
        assert_eq!(c.privacy.closed_days, 30);
        assert_eq!(c.privacy.note_days, 365);
        assert_eq!(c.privacy.backups_kept, 14);
        let c = Config::parse(
            "[privacy]\nclosed_days = 7\nidle_minutes = 0\n",
            Path::new("c"),
        )
        .unwrap();
        assert_eq!(c.privacy.closed_days, 7);
        assert_eq!(c.privacy.idle_minutes, 0);
    }

    #[test]
    fn unknown_keys_are_warnings_with_line_and_likely_key() {
        let c = Config::parse(
            "colour = 1\n[privacy]\nidle_minute = 0\n[privcy]\nx = 1\n",
            Path::new("c"),
        )
        .unwrap();
        // The typo does not switch idle privacy off: the default stays.
        assert_eq!(c.privacy.idle_minutes, 5);
        let w: Vec<(usize, &str, Option<&str>)> = c
            .warnings
            .iter()
            .map(|w| (w.line, w.key.as_str(), w.hint.as_deref()))
            .collect();
        assert_eq!(
            w,
            vec![
                (1, "colour", None),
                (3, "privacy.idle_minute", Some("privacy.idle_minutes")),
                (4, "privcy", Some("privacy")),
            ]
        );
        let m = c.warnings[1].message(Path::new("c.toml"), Lang::En);
        assert!(
            m.contains("line 3") && m.contains("privacy.idle_minutes"),
            "{m}"
        );
    }

    #[test]
    fn a_file_that_is_not_utf8_names_its_line() {
        let e =
            Config::parse_bytes(b"lang = \"nb\"\n\n# caf\xe9\n", Path::new("c.toml")).unwrap_err();
        let m = e.message(Lang::En);
        assert!(m.contains("line 3") && m.contains("UTF-8"), "{m}");
        assert_eq!(e.exit_code(), 2);
    }

    #[test]
    fn missing_explicit_file_is_an_error_default_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("nope.toml");
        assert!(matches!(
            Config::load(Some(&p)),
            Err(AppError::ConfigRead { .. })
        ));
    }

    #[test]
    fn known_keys_list_every_section() {
        assert!(known_keys("").contains(&"privacy"));
        assert_eq!(
            known_keys("privacy"),
            vec!["closed_days", "note_days", "idle_minutes", "backups_kept"]
        );
    }

    #[test]
    fn lang_precedence() {
        let cfg = Config {
            lang: Some("en".into()),
            ..Config::default()
        };
        assert_eq!(resolve_lang(Some(Lang::Nb), &cfg), Lang::Nb);
        assert_eq!(resolve_lang(None, &cfg), Lang::En);
    }
}
