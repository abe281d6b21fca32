//! Errors that reach the person, each with a plain message in their
//! language. Messages never contain caller data: at most a path, a line
//! number, or the date or clock time the person typed.

use std::io::ErrorKind;
use std::path::PathBuf;

use crate::calendar::CalendarError;
use crate::i18n::{Lang, opening as o, queue as q, shell as m};
use crate::store::{NotFile, StoreError};
use crate::when::WhenError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("config syntax")]
    ConfigSyntax {
        path: PathBuf,
        line: Option<usize>,
        detail: String,
    },
    #[error("config value")]
    ConfigValue { path: PathBuf, key: &'static str },
    /// A value that breaks its key's rule: the line and what is allowed.
    #[error("config setting")]
    ConfigSetting {
        path: PathBuf,
        bad: crate::config::BadSetting,
    },
    #[error("config read")]
    ConfigRead { path: PathBuf, kind: ErrorKind },
    #[error("database")]
    Db { path: PathBuf, err: StoreError },
    #[error("time input")]
    When(WhenError),
    #[error("year out of range")]
    YearOutOfRange(i32),
    #[error("bad weekday")]
    BadWeekday(String),
    #[error("bad hours")]
    BadHours(String),
    #[error("bad zone")]
    BadZone(String),
    #[error("calendar")]
    Calendar(CalendarError),
    #[error("no data directory")]
    NoDataDir,
    #[error("terminal")]
    Terminal(ErrorKind),
    #[error("output")]
    Output,
    /// The reader of our output went away (`vakt queue | head -1`): the
    /// command stops and exits quietly, as Unix tools do.
    #[error("output closed")]
    OutputClosed,
    /// Input the person can correct; the message says how.
    #[error("invalid input")]
    Invalid(crate::i18n::Msg),
    /// A phone number that could not be read (the number is not kept).
    #[error("invalid phone number")]
    Phone(crate::phone::PhoneError),
    #[error("no such item")]
    NotFound(i64),
    /// A message already in the user's language (exit code 2).
    #[error("message")]
    Message(String),
}

impl From<WhenError> for AppError {
    fn from(e: WhenError) -> Self {
        AppError::When(e)
    }
}

impl From<CalendarError> for AppError {
    fn from(e: CalendarError) -> Self {
        AppError::Calendar(e)
    }
}

impl AppError {
    pub fn db(path: &std::path::Path) -> impl FnOnce(StoreError) -> AppError + '_ {
        move |err| AppError::Db {
            path: path.to_path_buf(),
            err,
        }
    }

    /// 2 for input the person can correct, 1 for everything else.
    /// A failed write to standard output: a closed pipe is not an error.
    pub fn output(e: &std::io::Error) -> AppError {
        if e.kind() == ErrorKind::BrokenPipe {
            AppError::OutputClosed
        } else {
            AppError::Output
        }
    }

    pub fn exit_code(&self) -> i32 {
        match self {
            AppError::When(_)
            | AppError::YearOutOfRange(_)
            | AppError::BadWeekday(_)
            | AppError::BadHours(_)
            | AppError::BadZone(_)
            | AppError::ConfigSyntax { .. }
            | AppError::ConfigValue { .. }
            | AppError::ConfigSetting { .. }
            | AppError::Invalid(_)
            | AppError::Phone(_)
            | AppError::NotFound(_)
            | AppError::Message(_) => 2,
            AppError::Db {
                err:
                    StoreError::Closed
                    | StoreError::TooFewAttempts { .. }
                    | StoreError::AttemptTime(_)
                    | StoreError::NoDatabase
                    | StoreError::NotAFile(_)
                    | StoreError::Foreign
                    | StoreError::ReadOnly
                    | StoreError::ReaderWaits
                    | StoreError::LeftBehind(_),
                ..
            } => 2,
            _ => 1,
        }
    }

    /// One plain sentence (or two) saying what is wrong and what to do.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            AppError::ConfigSyntax { path, line, detail } => match line {
                Some(line) => m::ERR_CONFIG_SYNTAX_LINE.fill(
                    lang,
                    &[
                        ("path", &path.display()),
                        ("line", line),
                        ("detail", detail),
                    ],
                ),
                None => m::ERR_CONFIG_SYNTAX
                    .fill(lang, &[("path", &path.display()), ("detail", detail)]),
            },
            AppError::ConfigValue { path, key } => {
                m::ERR_CONFIG_VALUE.fill(lang, &[("path", &path.display()), ("key", key)])
            }
            AppError::ConfigSetting { path, bad } => bad.message(path, lang),
            AppError::ConfigRead { path, kind } => m::ERR_CONFIG_READ.fill(
                lang,
                &[("path", &path.display()), ("why", &io_words(*kind, lang))],
            ),
            AppError::Db { path, err } => store_message(path, err, lang),
            AppError::When(w) => crate::i18n::rules::when_message(w, lang),
            AppError::YearOutOfRange(y) => m::ERR_YEAR_RANGE.fill(lang, &[("year", y)]),
            AppError::BadWeekday(s) => m::ERR_WEEKDAY.fill(lang, &[("input", s)]),
            AppError::BadHours(s) => m::ERR_HOURS.fill(lang, &[("input", s)]),
            AppError::BadZone(s) => m::ERR_ZONE.fill(lang, &[("input", s)]),
            AppError::Calendar(CalendarError::NoWorkingDay) => {
                m::ERR_NO_WORKING_DAY.get(lang).to_string()
            }
            AppError::Calendar(CalendarError::OutOfRange) => {
                m::ERR_DATE_RANGE.get(lang).to_string()
            }
            AppError::NoDataDir => m::ERR_NO_DATA_DIR.get(lang).to_string(),
            AppError::Terminal(kind) => {
                m::ERR_TERMINAL.fill(lang, &[("why", &io_words(*kind, lang))])
            }
            AppError::Output | AppError::OutputClosed => m::ERR_OUTPUT.get(lang).to_string(),
            AppError::Invalid(msg) => msg.get(lang).to_string(),
            AppError::Phone(e) => q::phone_error(e, lang),
            AppError::NotFound(id) => q::ERR_NOT_FOUND.fill(lang, &[("id", id)]),
            AppError::Message(text) => text.clone(),
        }
    }
}

/// A plain phrase for an I/O error kind.
pub fn io_words(kind: ErrorKind, lang: Lang) -> String {
    match kind {
        ErrorKind::NotFound => m::IO_NOT_FOUND.get(lang).to_string(),
        ErrorKind::PermissionDenied => m::IO_PERMISSION.get(lang).to_string(),
        ErrorKind::IsADirectory => m::IO_IS_DIR.get(lang).to_string(),
        other => m::IO_OTHER.fill(lang, &[("kind", &format!("{other:?}"))]),
    }
}

/// SQLite says "not a database": say what the file most likely is, and
/// what to do about it.
fn not_a_database(path: &std::path::Path, lang: Lang) -> String {
    use crate::store::health::{NotDbGuess, guess_not_db};
    let p = path.display();
    let sqlite_header = std::fs::File::open(path)
        .and_then(|mut f| {
            let mut head = [0u8; 16];
            std::io::Read::read_exact(&mut f, &mut head).map(|()| head)
        })
        .is_ok_and(|h| &h == b"SQLite format 3\0");
    if sqlite_header && crate::store::key::is_set() {
        return o::ERR_PLAIN_WITH_KEY.fill(lang, &[("path", &p)]);
    }
    if sqlite_header {
        // An SQLite file whose first page SQLite cannot read: damaged.
        return store_message(path, &StoreError::Corrupt, lang);
    }
    match guess_not_db(path) {
        NotDbGuess::ProbablyEncrypted if crate::store::key::AVAILABLE => {
            crate::i18n::privacy::ERR_DB_ENCRYPTED.fill(lang, &[("path", &p)])
        }
        NotDbGuess::ProbablyEncrypted => o::ERR_RANDOM_NO_ENCRYPTION.fill(lang, &[("path", &p)]),
        NotDbGuess::NotADatabase => match crate::store::backup::newest_good_backup(path) {
            Some(b) => o::ERR_GARBAGE_BACKUP.fill(lang, &[("path", &p), ("backup", &b.display())]),
            None => o::ERR_GARBAGE_NONE.fill(lang, &[("path", &p)]),
        },
    }
}

fn store_message(path: &std::path::Path, err: &StoreError, lang: Lang) -> String {
    let p = path.display();
    match err {
        StoreError::NewerSchema { found, known } => {
            m::ERR_DB_NEWER.fill(lang, &[("path", &p), ("found", found), ("known", known)])
        }
        StoreError::NotADatabase => not_a_database(path, lang),
        StoreError::Corrupt => match crate::store::backup::newest_good_backup(path) {
            Some(b) => crate::i18n::privacy::ERR_DB_DAMAGED_BACKUP
                .fill(lang, &[("path", &p), ("backup", &b.display())]),
            None => crate::i18n::privacy::ERR_DB_DAMAGED_NONE.fill(lang, &[("path", &p)]),
        },
        StoreError::ReadOnly => m::ERR_DB_READ_ONLY.fill(lang, &[("path", &p)]),
        StoreError::Busy => m::ERR_DB_BUSY.fill(lang, &[("path", &p)]),
        StoreError::DiskFull => m::ERR_DB_DISK_FULL.fill(lang, &[("path", &p)]),
        StoreError::Io { kind, .. } => {
            m::ERR_DB_OPEN.fill(lang, &[("path", &p), ("why", &io_words(*kind, lang))])
        }
        StoreError::NoDataDir => m::ERR_NO_DATA_DIR.get(lang).to_string(),
        StoreError::NoDatabase => o::ERR_NO_DATABASE.fill(lang, &[("path", &p)]),
        StoreError::NotAFile(what) => match what {
            NotFile::Folder => o::ERR_IS_FOLDER,
            NotFile::Device => o::ERR_IS_DEVICE,
            NotFile::Other => o::ERR_NOT_PLAIN_FILE,
            NotFile::BrokenLink => o::ERR_BROKEN_LINK,
        }
        .fill(lang, &[("path", &p)]),
        StoreError::Foreign => o::ERR_FOREIGN.fill(lang, &[("path", &p)]),
        StoreError::ReadOnlyFs => o::ERR_READ_ONLY_FS.fill(lang, &[("path", &p)]),
        StoreError::NoRoomToRead => o::ERR_NO_ROOM_TO_READ.fill(
            lang,
            &[
                ("path", &p),
                ("backups", &crate::store::backup::backup_dir(path).display()),
            ],
        ),
        StoreError::CannotOpen => o::ERR_CANNOT_OPEN.fill(lang, &[("path", &p)]),
        StoreError::ReaderWaits => o::ERR_READER_WAITS.fill(lang, &[("path", &p)]),
        StoreError::LeftBehind(f) => o::ERR_LEFT_BEHIND.fill(lang, &[("path", &f.display())]),
        StoreError::Sqlite(code) => m::ERR_DB_OTHER.fill(lang, &[("path", &p), ("code", code)]),
        StoreError::BadData(what) => m::ERR_DB_BAD_DATA.fill(lang, &[("path", &p), ("what", what)]),
        StoreError::NotFound => q::ERR_NOT_FOUND.fill(lang, &[("id", &"?")]),
        StoreError::Closed => q::ERR_CLOSED.get(lang).to_string(),
        StoreError::TooFewAttempts { made, needed } => {
            q::ERR_TOO_FEW.fill(lang, &[("made", made), ("needed", needed)])
        }
        StoreError::Changed => q::ERR_CHANGED.get(lang).to_string(),
        StoreError::AttemptTime(e) => q::attempt_time_error(*e, lang).to_string(),
    }
}
