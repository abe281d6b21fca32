//! The SQLite database: opening it safely, migrating its schema, and the
//! one way to write to it.
//!
//! Every write goes through [`Store::write`], which runs the closure in a
//! `BEGIN IMMEDIATE` transaction. A deferred transaction that reads and
//! then writes fails at once with SQLITE_BUSY_SNAPSHOT when another terminal
//! committed in between; taking the write lock up front makes the second
//! terminal wait (up to the busy timeout) instead of failing.

use std::fs::{DirBuilder, OpenOptions};
use std::io::ErrorKind;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, Transaction, TransactionBehavior};

pub mod audit;
pub mod backup;
pub mod calendar;
pub mod callbacks;
pub mod directory;
pub mod health;
pub mod key;
pub mod log;
mod migrations;
pub mod privacy;
mod renumber;
pub mod stats;

pub use migrations::SCHEMA_VERSION;

/// How long a write waits for another terminal's transaction to finish.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// What can go wrong with the database file. Never carries caller data.
#[derive(Debug, Clone, thiserror::Error)]
pub enum StoreError {
    #[error("database schema {found} is newer than this program ({known})")]
    NewerSchema { found: i64, known: i64 },
    #[error("not a database")]
    NotADatabase,
    #[error("database is damaged")]
    Corrupt,
    #[error("database is read-only")]
    ReadOnly,
    #[error("database is busy")]
    Busy,
    #[error("disk is full")]
    DiskFull,
    #[error("cannot open the database file: {kind:?}")]
    Io { path: PathBuf, kind: ErrorKind },
    #[error("no data directory")]
    NoDataDir,
    #[error("database error: {0}")]
    Sqlite(String),
    #[error("stored data is not valid: {0}")]
    BadData(&'static str),
    #[error("no such item")]
    NotFound,
    #[error("the item is closed")]
    Closed,
    #[error("too few attempts to give up")]
    TooFewAttempts { made: u32, needed: u32 },
    #[error("the item was changed meanwhile")]
    Changed,
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => StoreError::NotADatabase,
            Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt,
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly,
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(ErrorCode::CannotOpen) => StoreError::Io {
                path: PathBuf::new(),
                kind: ErrorKind::NotFound,
            },
            // The SQLite error code name and number only: messages from
            // constraint failures can quote row values.
            Some(code) => StoreError::Sqlite(format!("{code:?}")),
            None => StoreError::Sqlite(match e {
                rusqlite::Error::QueryReturnedNoRows => "no rows".into(),
                rusqlite::Error::InvalidColumnType(..) => "column type".into(),
                _ => "internal".into(),
            }),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Instants are stored as fixed-width UTC text (`2026-11-23T14:00:00Z`),
/// so string order is time order and indexes sort them correctly.
pub fn ts(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Reads an instant written by [`ts`].
pub fn parse_ts(s: &str) -> Result<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|_| StoreError::BadData("timestamp"))
}

/// An open database. Opened once per process and passed down.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// SQL functions vakt's queries use, on every connection it opens:
/// `vakt_contains(text, piece)`, the log search's literal match with
/// letters in either case (see [`crate::textsearch`]).
pub(crate) fn register_functions(conn: &Connection) -> rusqlite::Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        "vakt_contains",
        2,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let hay = ctx.get_raw(0).as_str().unwrap_or("");
            let piece = ctx.get_raw(1).as_str().unwrap_or("");
            Ok(crate::textsearch::contains_ignoring_case(hay, piece))
        },
    )
}

impl Store {
    /// Opens (creating if needed) the database at `path`, private to the
    /// user, and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        prepare_private_file(path)?;
        let conn = key::open(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )
        .map_err(|e| io_or(e, path))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;

        // Read the schema version before anything can write to the file: a
        // database from a newer vakt must be left exactly as it is.
        let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                found,
                known: SCHEMA_VERSION,
            });
        }

        let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Sqlite(format!("journal_mode {mode}")));
        }
        conn.execute_batch(
            "PRAGMA synchronous=FULL;
             PRAGMA foreign_keys=ON;
             PRAGMA secure_delete=ON;",
        )?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        migrations::migrate(&mut store.conn)?;
        directory::seed_if_pending(&mut store)?;
        Ok(store)
    }

    /// A second, read-only connection to a database another [`Store`] has
    /// already opened (and migrated), for work off the interface thread.
    pub fn open_reader(path: &Path) -> Result<Store> {
        // Keyed like the main connection when the file is encrypted.
        let conn = key::open(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| io_or(e, path))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Read access. Writes must go through [`Store::write`].
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one `BEGIN IMMEDIATE` transaction: all of it is saved or
    /// none of it is.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Changes whenever another connection commits; cheap to poll.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Changes whenever anything is committed, here or by another
    /// connection: `data_version` and this connection's change count.
    pub fn change_mark(&self) -> Result<(i64, u64)> {
        Ok((self.data_version()?, self.conn.total_changes()))
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }
}

fn io_or(e: rusqlite::Error, path: &Path) -> StoreError {
    match StoreError::from(e) {
        StoreError::Io { kind, .. } => StoreError::Io {
            path: path.to_path_buf(),
            kind,
        },
        other => other,
    }
}

/// Creates the folder (0700) and an empty file (0600) before SQLite sees
/// the path, so the database is never readable by others, not even for a
/// moment. SQLite gives its -wal and -shm files the main file's mode.
fn prepare_private_file(path: &Path) -> Result<()> {
    let io = |kind| StoreError::Io {
        path: path.to_path_buf(),
        kind,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.exists()
    {
        DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| io(e.kind()))?;
    }
    match OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
    {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {
            let meta = std::fs::metadata(path).map_err(|e| io(e.kind()))?;
            if meta.is_dir() {
                return Err(io(ErrorKind::IsADirectory));
            }
            if meta.permissions().readonly() || meta.permissions().mode() & 0o200 == 0 {
                return Err(StoreError::ReadOnly);
            }
            // SQLite must create the -wal and -shm files beside it.
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
                && std::fs::metadata(dir).is_ok_and(|m| m.permissions().mode() & 0o200 == 0)
            {
                return Err(StoreError::ReadOnly);
            }
            Ok(())
        }
        Err(e) if e.kind() == ErrorKind::PermissionDenied => Err(StoreError::ReadOnly),
        Err(e) => Err(io(e.kind())),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn temp_store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.db")).unwrap();
        (dir, store)
    }

    #[test]
    fn creates_private_file_and_folder_with_wal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/dir/vakt.db");
        let store = Store::open(&path).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let dmode = std::fs::metadata(path.parent().unwrap())
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(dmode, 0o700);
        let jm: String = store
            .conn()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(jm, "wal");
        let sync: i64 = store
            .conn()
            .query_row("PRAGMA synchronous", [], |r| r.get(0))
            .unwrap();
        assert_eq!(sync, 2, "synchronous=FULL");
        let fk: i64 = store
            .conn()
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    }

    #[test]
    fn reopening_is_idempotent() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.db");
        drop(Store::open(&path).unwrap());
        let s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    }

    #[test]
    fn newer_schema_is_refused_and_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.db");
        {
            let c = Connection::open(&path).unwrap();
            c.execute_batch("CREATE TABLE x(a); PRAGMA user_version = 999;")
                .unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        match Store::open(&path) {
            Err(StoreError::NewerSchema { found: 999, known }) => {
                assert_eq!(known, SCHEMA_VERSION)
            }
            Err(e) => panic!("unexpected error {e:?}"),
            Ok(_) => panic!("newer schema was accepted"),
        }
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert!(!dir.path().join("new.db-wal").exists());
    }

    #[test]
    fn not_a_database_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("junk.db");
        std::fs::write(&path, vec![b'x'; 4096]).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert!(matches!(Store::open(&path), Err(StoreError::NotADatabase)));
        assert_eq!(std::fs::read(&path).unwrap(), vec![b'x'; 4096]);
    }

    #[test]
    fn read_only_file_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ro.db");
        drop(Store::open(&path).unwrap());
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400)).unwrap();
        // root ignores file modes; the check is on the mode bits, so it
        // holds for every user.
        assert!(matches!(Store::open(&path), Err(StoreError::ReadOnly)));
    }

    #[test]
    fn failed_write_rolls_back() {
        let (_d, mut s) = temp_store();
        let r: Result<()> = s.write(|tx| {
            tx.execute(
                "INSERT INTO closed_dates(date, reason) VALUES ('2030-01-02', 'x')",
                [],
            )?;
            Err(StoreError::BadData("forced"))
        });
        assert!(r.is_err());
        let n: i64 = s
            .conn()
            .query_row("SELECT count(*) FROM closed_dates", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0);
    }

    #[test]
    fn second_writer_waits_instead_of_failing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("two.db");
        let mut a = Store::open(&path).unwrap();
        let p2 = path.clone();
        let (tx_ready, rx_ready) = std::sync::mpsc::channel();
        let t = std::thread::spawn(move || {
            let mut b = Store::open(&p2).unwrap();
            tx_ready.send(()).unwrap();
            b.write(|tx| {
                tx.execute(
                    "INSERT INTO closed_dates(date, reason) VALUES ('2031-01-02', 'b')",
                    [],
                )?;
                Ok(())
            })
        });
        rx_ready.recv().unwrap();
        a.write(|tx| {
            tx.execute(
                "INSERT INTO closed_dates(date, reason) VALUES ('2031-01-03', 'a')",
                [],
            )?;
            std::thread::sleep(Duration::from_millis(300));
            Ok(())
        })
        .unwrap();
        t.join().unwrap().unwrap();
        let n: i64 = a
            .conn()
            .query_row("SELECT count(*) FROM closed_dates", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 2);
    }
}
