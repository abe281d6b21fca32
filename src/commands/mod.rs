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
pub mod version;

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
        let store = Store::open(&self.db_path).map_err(AppError::db(&self.db_path))?;
        if let Some(limit) = store.limit() {
            eprintln!("vakt: {}", limit_notice(limit, self.lang));
        }
        Ok(store)
    }

    /// Creates the database if there is none yet (only for a deliberate
    /// start: `vakt init`, `vakt demo`, the app's first start), else opens
    /// it as [`Ctx::open_store`] does.
    pub fn create_store(&self) -> Result<Store, AppError> {
        let (notices, _) = privacy::check_files(&self.db_path, self.lang)?;
        for n in notices {
            eprintln!("vakt: {n}");
        }
        Store::create(&self.db_path).map_err(AppError::db(&self.db_path))
    }

    pub fn db_err(&self) -> impl FnOnce(crate::store::StoreError) -> AppError + '_ {
        AppError::db(&self.db_path)
    }
}

/// `vakt init`: creates the database, or says it is already there.
pub fn init(ctx: &Ctx) -> Result<(), AppError> {
    use crate::i18n::opening as o;
    let found = crate::store::inspect(&ctx.db_path).map_err(ctx.db_err())?;
    let store = ctx.create_store()?;
    let path = ctx.db_path.display();
    if found == crate::store::Found::File {
        let version = store.schema_version().map_err(ctx.db_err())?;
        out(&o::INIT_EXISTS.fill(ctx.lang, &[("path", &path), ("version", &version)]))
    } else {
        out(&o::INIT_CREATED.fill(ctx.lang, &[("path", &path)]))
    }
}

/// Before the app opens a database that is not there: the default path on
/// the first start is created; any other path only if the person says yes
/// at the terminal. Anything that is not a file is refused here.
pub fn ensure_database(ctx: &Ctx, default_path: bool) -> Result<(), AppError> {
    use crate::store::Found;
    match crate::store::inspect(&ctx.db_path).map_err(ctx.db_err())? {
        Found::File => Ok(()),
        Found::Nothing | Found::Empty => {
            if !default_path && !ask_create(ctx)? {
                return Err(ctx.db_err()(crate::store::StoreError::NoDatabase));
            }
            ctx.create_store().map(drop)
        }
    }
}

/// Says why the app can only read.
pub fn limit_notice(limit: crate::store::Limit, lang: Lang) -> String {
    use crate::i18n::opening as o;
    match limit {
        crate::store::Limit::DiskFull => o::LIMIT_DISK_FULL,
        crate::store::Limit::ReadOnlyFs => o::LIMIT_READ_ONLY_FS,
        crate::store::Limit::ReadOnlyFile => o::LIMIT_READ_ONLY_FILE,
        crate::store::Limit::NotYours => o::LIMIT_NOT_YOURS,
    }
    .get(lang)
    .to_string()
}

/// Asks on the terminal whether to create a database at the path; no
/// terminal means no.
fn ask_create(ctx: &Ctx) -> Result<bool, AppError> {
    use std::io::IsTerminal;
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return Ok(false);
    }
    eprint!(
        "{}",
        crate::i18n::opening::CREATE_ASK.fill(ctx.lang, &[("path", &ctx.db_path.display())])
    );
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    stdin
        .read_line(&mut answer)
        .map_err(|e| AppError::Terminal(e.kind()))?;
    Ok(matches!(
        answer.trim().to_lowercase().as_str(),
        "j" | "ja" | "y" | "yes"
    ))
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
        .and_then(|_| o.flush())
        .map_err(|e| AppError::output(&e))
}

pub fn out_json(value: &serde_json::Value) -> Result<(), AppError> {
    let text = serde_json::to_string_pretty(value).map_err(|_| AppError::Output)?;
    out(&text)
}
