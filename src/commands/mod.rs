//! The subcommands for scripts and the coordinator. Each prints plain text
//! in the user's language, or JSON with `--json`.

use std::io::Write;
use std::path::PathBuf;

use chrono::{DateTime, Utc};

use crate::error::AppError;
use crate::i18n::Lang;
use crate::store::Store;

pub mod calendar;
pub mod callbacks;
pub mod demo;
pub mod directory;
pub mod intake;
pub mod log;
pub mod manual;
pub mod privacy;
pub mod stats;

/// What every command needs: language, database path, who acts, and now.
pub struct Ctx {
    pub lang: Lang,
    pub db_path: PathBuf,
    pub actor: String,
    pub now: DateTime<Utc>,
    pub config: crate::config::Config,
    /// The name given with `--as` (or `VAKT_AS`), if any.
    pub as_name: Option<String>,
}

impl Ctx {
    /// Fixes loose file permissions (said on stderr), checks the file is
    /// intact, then opens it.
    pub fn open_store(&self) -> Result<Store, AppError> {
        let (notices, _) = privacy::check_files(&self.db_path, self.lang)?;
        for n in notices {
            eprintln!("vakt: {n}");
        }
        Store::open(&self.db_path).map_err(AppError::db(&self.db_path))
    }

    pub fn db_err(&self) -> impl FnOnce(crate::store::StoreError) -> AppError + '_ {
        AppError::db(&self.db_path)
    }
}

/// Writes to stdout; a closed pipe is not a crash. Every control character
/// is made visible first (line breaks and tabs stay), so nothing stored can
/// act on the terminal. (JSON escapes its own.)
pub fn out(text: &str) -> Result<(), AppError> {
    let text = crate::domain::text::escape(text);
    let mut o = std::io::stdout().lock();
    o.write_all(text.as_bytes())
        .and_then(|_| {
            if text.ends_with('\n') {
                Ok(())
            } else {
                o.write_all(b"\n")
            }
        })
        .map_err(|_| AppError::Output)
}

pub fn out_json(value: &serde_json::Value) -> Result<(), AppError> {
    let text = serde_json::to_string_pretty(value).map_err(|_| AppError::Output)?;
    out(&text)
}
