//! Per-user settings from a TOML file, and where vakt keeps its files.
//!
//! Settings that every terminal on one database must agree on (time zone,
//! opening hours, closed days) live in the database instead; this file only
//! holds what may differ between people and machines.

use std::path::{Path, PathBuf};

use directories::ProjectDirs;
use serde::Deserialize;

use crate::error::AppError;
use crate::i18n::Lang;

/// The settings file. Every key is optional; a missing file means defaults.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `nb` or `en`; otherwise the locale decides.
    pub lang: Option<String>,
    /// Database path; `--db` and `VAKT_DB` take precedence.
    pub db: Option<PathBuf>,
    /// `mono` forces the monochrome theme even without `NO_COLOR`.
    pub theme: Option<String>,
    /// Stops the clock in the status bar from redrawing every second.
    #[serde(default)]
    pub reduced_motion: bool,
    #[serde(default)]
    pub callbacks: CallbackConfig,
    #[serde(default)]
    pub directory: DirectoryConfig,
    #[serde(default)]
    pub privacy: PrivacyConfig,
    /// `[intake]`: voicemail e-mails from the switchboard (see
    /// [`crate::intake::settings`]).
    #[serde(default)]
    pub intake: crate::intake::settings::IntakeConfig,
}

/// `[callbacks]`: how the queue treats attempts.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
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

/// `[directory]`: the referral directory.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
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
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct PrivacyConfig {
    /// Days after an item is closed before its caller data is erased.
    pub closed_days: u32,
    /// Days after a log note is written before its text is erased.
    pub note_days: u32,
    /// Minutes without a key before caller data is hidden (0 = never).
    pub idle_minutes: u32,
    /// Daily backups kept in the backups folder next to the database.
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

    fn invalid_key(&self) -> Option<&'static str> {
        if self.closed_days > 36500 {
            Some("privacy.closed_days")
        } else if self.note_days > 36500 {
            Some("privacy.note_days")
        } else if self.idle_minutes > 24 * 60 {
            Some("privacy.idle_minutes")
        } else if self.backups_kept == 0 || self.backups_kept > 3650 {
            Some("privacy.backups_kept")
        } else {
            None
        }
    }
}

impl Config {
    /// Parses the settings text. Errors name the line, never echo values.
    pub fn parse(text: &str, path: &Path) -> Result<Config, AppError> {
        let cfg: Config = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            AppError::ConfigSyntax {
                path: path.to_path_buf(),
                line,
                detail: e.message().to_string(),
            }
        })?;
        if cfg.callbacks.max_attempts == 0 || cfg.callbacks.max_attempts > 50 {
            return Err(AppError::ConfigValue {
                path: path.to_path_buf(),
                key: "callbacks.max_attempts",
            });
        }
        if cfg.callbacks.retry_hours > 24 * 14 {
            return Err(AppError::ConfigValue {
                path: path.to_path_buf(),
                key: "callbacks.retry_hours",
            });
        }
        if let Some(key) = cfg.privacy.invalid_key() {
            return Err(AppError::ConfigValue {
                path: path.to_path_buf(),
                key,
            });
        }
        if let Some(code) = &cfg.lang
            && Lang::from_code(code).is_none()
        {
            return Err(AppError::ConfigValue {
                path: path.to_path_buf(),
                key: "lang",
            });
        }
        Ok(cfg)
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
        match std::fs::read_to_string(&path) {
            Ok(text) => Config::parse(&text, &path),
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

    #[test]
    fn parses_all_keys() {
        let c = Config::parse(
            "lang = \"en\"\ndb = \"/tmp/x.db\"\ntheme = \"mono\"\nreduced_motion = true\n",
            Path::new("c.toml"),
        )
        .unwrap();
        assert_eq!(c.lang(), Some(Lang::En));
        assert_eq!(c.db.as_deref(), Some(Path::new("/tmp/x.db")));
        assert!(c.reduced_motion);
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
        assert!(matches!(
            Config::parse("[callbacks]\nmax_attempts = 0\n", Path::new("c")),
            Err(AppError::ConfigValue {
                key: "callbacks.max_attempts",
                ..
            })
        ));
        assert!(Config::parse("[callbacks]\nmax_attempts = \"x\"\n", Path::new("c")).is_err());
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
        assert!(matches!(
            Config::parse("[privacy]\nbackups_kept = 0\n", Path::new("c")),
            Err(AppError::ConfigValue {
                key: "privacy.backups_kept",
                ..
            })
        ));
        assert!(Config::parse("[privacy]\nclosed_days = -1\n", Path::new("c")).is_err());
    }

    #[test]
    fn unknown_key_and_bad_lang_are_errors() {
        assert!(Config::parse("colour = 1\n", Path::new("c")).is_err());
        assert!(matches!(
            Config::parse("lang = \"xx\"\n", Path::new("c")),
            Err(AppError::ConfigValue { key: "lang", .. })
        ));
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
    fn lang_precedence() {
        let cfg = Config {
            lang: Some("en".into()),
            ..Config::default()
        };
        assert_eq!(resolve_lang(Some(Lang::Nb), &cfg), Lang::Nb);
        assert_eq!(resolve_lang(None, &cfg), Lang::En);
    }
}
