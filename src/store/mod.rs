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
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, OpenOptionsExt, PermissionsExt};
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
pub mod stamp;
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
    #[error("no database at that path")]
    NoDatabase,
    #[error("not a file: {0:?}")]
    NotAFile(NotFile),
    #[error("another program's database")]
    Foreign,
    #[error("the file system is mounted read-only")]
    ReadOnlyFs,
    #[error("the disk is full and the log cannot be read")]
    NoRoomToRead,
    #[error("SQLite cannot open the file or the files beside it")]
    CannotOpen,
    #[error("read-only, and the log beside the file needs its owner")]
    ReaderWaits,
    #[error("a file beside the database cannot be written: {0:?}")]
    LeftBehind(PathBuf),
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
    #[error("the attempt's time cannot be right: {0:?}")]
    AttemptTime(crate::domain::callback::AttemptTimeError),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        if let Some(what) = stamp::bad_stored(&e) {
            return StoreError::BadData(what);
        }
        match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => StoreError::NotADatabase,
            Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt,
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly,
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            // Not "not found": SQLite says this for a folder it may not
            // write in, a read-only mount, or a -shm it cannot make.
            Some(ErrorCode::CannotOpen) => StoreError::CannotOpen,
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

/// See [`Store::open_file`].
#[cfg(feature = "encryption")]
static ENCRYPTED_OPEN: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Instants are stored as fixed-width UTC text (`2026-11-23T14:00:00Z`),
/// so string order is time order and indexes sort them correctly.
pub fn ts(t: chrono::DateTime<chrono::Utc>) -> String {
    crate::timefmt::utc_text(t)
}

/// Reads an instant written by [`ts`].
pub fn parse_ts(s: &str) -> Result<chrono::DateTime<chrono::Utc>> {
    crate::timefmt::parse_utc_text(s).ok_or(StoreError::BadData("timestamp"))
}

/// An open database. Opened once per process and passed down.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Set when the file could only be read (full disk, read-only mount).
    limit: Option<Limit>,
}

/// The mark vakt writes into the header of every database it makes
/// (`PRAGMA application_id`, bytes 68..72): "vakt" in ASCII. A file with
/// another program's mark, or without a mark and without vakt's tables,
/// is never written to.
pub const APPLICATION_ID: i32 = 0x7661_6b74;

/// What a database path names, looked at before SQLite sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// No file: a database can be created here (only on purpose).
    Nothing,
    /// An empty file and no write-ahead log beside it: nothing to lose.
    Empty,
    /// A file with something in it; opening tells whether it is vakt's.
    File,
}

/// What a database path names when it is not a file vakt may open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotFile {
    Folder,
    Device,
    /// A pipe, a socket or anything else that is not a plain file.
    Other,
    /// A symbolic link that leads nowhere.
    BrokenLink,
}

/// Why a store can read but never write: SQLite could not open it the
/// normal way (a snapshot of the file), or this user may not write it (a
/// read-only connection that creates nothing beside the file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// The disk is full: SQLite cannot make its shared-memory file.
    DiskFull,
    /// The file system is mounted read-only.
    ReadOnlyFs,
    /// The file's owner has taken away write access (mode `0400`, `0444`).
    ReadOnlyFile,
    /// The file belongs to another user, and this user may only read it.
    NotYours,
}

impl Limit {
    fn error(self) -> StoreError {
        match self {
            Limit::DiskFull => StoreError::DiskFull,
            Limit::ReadOnlyFs => StoreError::ReadOnlyFs,
            Limit::ReadOnlyFile | Limit::NotYours => StoreError::ReadOnly,
        }
    }
}

/// Why this user may only read the file at `path`, if so; None when it may
/// write it (or when there is no file). Asked without opening the file: the
/// owner's write bit (so a file made read-only stays read-only, for root
/// too), then the system's answer for this user (`faccessat`).
pub fn read_only_for_me(path: &Path) -> Option<Limit> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path).ok()?;
    if meta.mode() & 0o200 == 0 {
        return Some(Limit::ReadOnlyFile);
    }
    match may_write(path) {
        Ok(()) => None,
        Err(e) if e.kind() == ErrorKind::ReadOnlyFilesystem => None,
        Err(_) if meta.uid() == effective_uid() => Some(Limit::ReadOnlyFile),
        Err(_) => Some(Limit::NotYours),
    }
}

/// Whether this process may write `path`, as the system answers for its
/// effective user, without opening the file (closing any descriptor of a
/// file drops the locks SQLite holds on it in this process).
pub(crate) fn may_write(path: &Path) -> std::io::Result<()> {
    access(path, libc::W_OK)
}

/// `faccessat` for the effective user: may it read (`R_OK`) or write
/// (`W_OK`) `path`?
fn access(path: &Path, how: libc::c_int) -> std::io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes())
        .map_err(|_| std::io::Error::from(ErrorKind::InvalidInput))?;
    // SAFETY: a valid NUL-terminated path; faccessat only reads it.
    let rc = unsafe { libc::faccessat(libc::AT_FDCWD, c.as_ptr(), how, libc::AT_EACCESS) };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// The user this process acts as.
pub(crate) fn effective_uid() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

/// Whether the user running vakt owns the file at `path`: only the owner's
/// vakt writes backups beside it, so no copy lands where the owner cannot
/// erase it.
pub fn owned_by_me(path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).is_ok_and(|m| m.uid() == effective_uid())
}

/// Looks at `path` without opening, creating or changing anything.
pub fn inspect(path: &Path) -> Result<Found> {
    let io = |kind| StoreError::Io {
        path: path.to_path_buf(),
        kind,
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == ErrorKind::NotFound => {
            // A link to nothing: creating would make a file somewhere else.
            return match std::fs::symlink_metadata(path) {
                Ok(_) => Err(StoreError::NotAFile(NotFile::BrokenLink)),
                Err(_) => Ok(Found::Nothing),
            };
        }
        Err(e) if e.kind() == ErrorKind::NotADirectory => return Ok(Found::Nothing),
        Err(e) => return Err(io(e.kind())),
    };
    let ft = meta.file_type();
    if ft.is_dir() {
        return Err(StoreError::NotAFile(NotFile::Folder));
    }
    if ft.is_block_device() || ft.is_char_device() {
        return Err(StoreError::NotAFile(NotFile::Device));
    }
    if !ft.is_file() {
        return Err(StoreError::NotAFile(NotFile::Other));
    }
    let wal_len = std::fs::metadata(health::data_files(path)[1].as_path())
        .map(|m| m.len())
        .unwrap_or(0);
    if meta.len() == 0 && wal_len == 0 {
        Ok(Found::Empty)
    } else {
        Ok(Found::File)
    }
}

/// The application id in an SQLite header, read straight from the file,
/// or None when the file does not start with an SQLite header (too short,
/// encrypted, not SQLite).
pub(crate) fn header_application_id(path: &Path) -> Option<i32> {
    use std::io::Read;
    let mut head = [0u8; 100];
    std::fs::File::open(path).ok()?.read_exact(&mut head).ok()?;
    head.starts_with(b"SQLite format 3\0")
        .then(|| i32::from_be_bytes([head[68], head[69], head[70], head[71]]))
}

/// Whether the file system holding `path` refuses writing.
fn on_read_only_fs(path: &Path) -> bool {
    may_write(path).is_err_and(|e| e.kind() == ErrorKind::ReadOnlyFilesystem)
}

/// Whether the disk holding `path` has no room for SQLite's files: tries
/// to write 64 KiB beside it (removed again at once).
fn disk_is_full(path: &Path) -> bool {
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let probe = dir.join(format!(".vakt-space-{}", std::process::id()));
    let result = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&probe)
        .and_then(|mut f| {
            f.write_all(&[0u8; 64 * 1024])?;
            f.sync_all()
        });
    let _ = std::fs::remove_file(&probe);
    matches!(&result, Err(e) if matches!(e.kind(), ErrorKind::StorageFull | ErrorKind::QuotaExceeded))
}

/// The -wal and -shm files that do not exist yet, so that a failed open
/// can remove what SQLite created on the way (and nothing else).
fn absent_side_files(path: &Path) -> Vec<PathBuf> {
    health::data_files(path)
        .into_iter()
        .skip(1)
        .filter(|p| std::fs::symlink_metadata(p).is_err())
        .collect()
}

/// Opens a read-only connection on a snapshot of the file: no locks and no
/// -shm, so it works on a full disk or a read-only mount. Only correct when
/// the write-ahead log is empty (every commit is in the main file) and
/// nobody can write meanwhile, which is what a full disk or a read-only
/// mount mean; callers check the first.
fn open_snapshot(path: &Path) -> rusqlite::Result<Connection> {
    open_uri(path, "immutable=1")
}

/// Opens `path` read-only as a URI with `params` (`immutable=1`, ...).
fn open_uri(path: &Path, params: &str) -> rusqlite::Result<Connection> {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut uri = String::from("file:");
    for b in abs.as_os_str().as_encoded_bytes() {
        match *b {
            b'%' | b'?' | b'#' => uri.push_str(&format!("%{b:02X}")),
            b if b.is_ascii() => uri.push(b as char),
            b => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri.push('?');
    uri.push_str(params);
    key::open(
        Path::new(&uri),
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI,
    )
}

/// Whether the write-ahead log beside `path` holds nothing.
fn wal_is_empty(path: &Path) -> bool {
    std::fs::metadata(health::data_files(path)[1].as_path()).map_or(true, |m| m.len() == 0)
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
    /// Opens the vakt database at `path`. Never creates one: a missing or
    /// empty file is [`StoreError::NoDatabase`]. Refuses, without writing
    /// to it, anything that is not a plain file holding a vakt database.
    /// Takes the write lock only when the schema must be brought up to
    /// date (or an older vakt file gets its mark), so opening never waits
    /// for another terminal's write.
    pub fn open(path: &Path) -> Result<Store> {
        match inspect(path)? {
            Found::Nothing | Found::Empty => Err(StoreError::NoDatabase),
            Found::File => Store::open_file(path),
        }
    }

    /// Creates a new database at `path` (folder 0700, file 0600), or opens
    /// the vakt database already there. Only for a deliberate start: `vakt
    /// init`, `vakt demo`, the app's first start.
    pub fn create(path: &Path) -> Result<Store> {
        if inspect(path)? != Found::File {
            make_new_file(path)?;
        }
        Store::open_file(path)
    }

    fn open_file(path: &Path) -> Result<Store> {
        // SQLCipher: two connections set up at the same moment in one
        // process were seen to fail now and then with a bare SQLITE_ERROR
        // (tests opening databases on parallel threads); opening is rare
        // and short, so it is done one at a time.
        #[cfg(feature = "encryption")]
        let _one_at_a_time = ENCRYPTED_OPEN
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // Another program's mark is seen without SQLite opening the file.
        if header_application_id(path).is_some_and(|id| id != 0 && id != APPLICATION_ID) {
            return Err(StoreError::Foreign);
        }
        if read_only_for_me(path).is_none() {
            check_writable(path)?;
        }
        let (conn, limit) = connect(path, true)?;
        let (id, found) = classify(&conn)?;
        if let Some(limit) = limit {
            // Read-only: only a file that needs no migration can be read.
            if found < SCHEMA_VERSION {
                return Err(limit.error());
            }
            return Ok(Store {
                conn,
                path: path.to_path_buf(),
                limit: Some(limit),
            });
        }
        let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(StoreError::Sqlite(format!("journal_mode {mode}")));
            }
        }
        conn.execute_batch(
            "PRAGMA synchronous=FULL;
             PRAGMA foreign_keys=ON;
             PRAGMA secure_delete=ON;",
        )?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            limit: None,
        };
        if found < SCHEMA_VERSION || id != i64::from(APPLICATION_ID) {
            migrations::migrate(&mut store.conn)?;
        }
        directory::seed_if_pending(&mut store)?;
        Ok(store)
    }

    /// A second, read-only connection to a database another [`Store`] has
    /// already opened (and migrated), for work off the interface thread.
    pub fn open_reader(path: &Path) -> Result<Store> {
        // Keyed like the main connection when the file is encrypted.
        let (conn, limit) = connect(path, false)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            limit,
        })
    }

    /// Why this store can only read, if it can only read.
    pub fn limit(&self) -> Option<Limit> {
        self.limit
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
        if let Some(limit) = self.limit {
            return Err(limit.error());
        }
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
    io_or_store(StoreError::from(e), path)
}

/// Whether the file `conn` has open is a vakt database this program can
/// use, read without writing: vakt's mark, or (older vakt files, made
/// before the mark) vakt's foundation tables and a schema version. Returns
/// the mark and the schema version.
fn classify(conn: &Connection) -> Result<(i64, i64)> {
    let read = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0));
    let id = read("PRAGMA application_id")?;
    let found = read("PRAGMA user_version")?;
    let tables = read(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table'
         AND name IN ('settings', 'audit')",
    )?;
    let ours = id == i64::from(APPLICATION_ID) || (id == 0 && found >= 1 && tables == 2);
    if !ours {
        return Err(StoreError::Foreign);
    }
    // A database from a newer vakt must be left exactly as it is.
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            found,
            known: SCHEMA_VERSION,
        });
    }
    Ok((id, found))
}

/// Checks, reading only, that `path` is a file holding a vakt database
/// this program can use; the error says what it is instead.
pub fn identify(path: &Path) -> Result<()> {
    identified(path).map(drop)
}

/// [`identify`], returning the read-only connection it used.
pub(crate) fn identified(path: &Path) -> Result<Connection> {
    match inspect(path)? {
        Found::Nothing | Found::Empty => return Err(StoreError::NoDatabase),
        Found::File => {}
    }
    if header_application_id(path).is_some_and(|id| id != 0 && id != APPLICATION_ID) {
        return Err(StoreError::Foreign);
    }
    let (conn, _) = connect(path, false)?;
    classify(&conn)?;
    Ok(conn)
}

/// Opens a connection (read-write or read-only) and makes its first read,
/// which is where SQLite opens the log and its shared memory. When that
/// fails because the disk is full or the mount is read-only, and every
/// commit is in the main file, opens a read-only snapshot instead and says
/// why; files SQLite made on the failed way are removed again.
pub(crate) fn connect(path: &Path, write: bool) -> Result<(Connection, Option<Limit>)> {
    let snapshot = |limit: Limit| -> Result<(Connection, Option<Limit>)> {
        let conn = open_snapshot(path).map_err(|e| io_or(e, path))?;
        conn.query_row("PRAGMA application_id", [], |_| Ok(()))?;
        Ok((conn, Some(limit)))
    };
    if on_read_only_fs(path) {
        return if wal_is_empty(path) {
            snapshot(Limit::ReadOnlyFs)
        } else {
            Err(StoreError::ReadOnlyFs)
        };
    }
    if let Some(limit) = read_only_for_me(path) {
        return connect_reader(path, limit);
    }
    let absent = absent_side_files(path);
    let flags = if write {
        OpenFlags::SQLITE_OPEN_READ_WRITE
    } else {
        OpenFlags::SQLITE_OPEN_READ_ONLY
    } | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = key::open(path, flags).map_err(|e| io_or(e, path))?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    match conn.query_row("PRAGMA application_id", [], |_| Ok(())) {
        Ok(()) => Ok((conn, None)),
        Err(e)
            if matches!(
                e.sqlite_error_code(),
                Some(ErrorCode::SystemIoFailure | ErrorCode::CannotOpen | ErrorCode::DiskFull)
            ) =>
        {
            drop(conn);
            if !disk_is_full(path) {
                return Err(io_or(e, path));
            }
            for f in absent {
                let _ = std::fs::remove_file(f);
            }
            if wal_is_empty(path) {
                snapshot(Limit::DiskFull)
            } else {
                Err(StoreError::NoRoomToRead)
            }
        }
        Err(e) => Err(io_or(e, path)),
    }
}

/// A connection for a user who may only read the file, which creates
/// nothing beside it: such a user's -wal or -shm would belong to them, and
/// the owner could not open the database any more. When the write-ahead
/// log is empty or absent, every commit is in the file itself: a snapshot
/// (`immutable=1`: no locks, no -shm). When it holds commits not yet
/// copied into the file (someone is working), SQLite reads it through the
/// -wal and -shm already there (`readonly_shm=1`: the -shm is never
/// created, and a read-only one is read into private memory); without
/// them, or when they cannot be read, it cannot be read safely now.
fn connect_reader(path: &Path, limit: Limit) -> Result<(Connection, Option<Limit>)> {
    // Not even readable: say so, not "SQLite cannot open".
    access(path, libc::R_OK).map_err(|e| StoreError::Io {
        path: path.to_path_buf(),
        kind: e.kind(),
    })?;
    let snapshot = || -> Result<(Connection, Option<Limit>)> {
        let conn = open_snapshot(path).map_err(|e| io_or(e, path))?;
        conn.query_row("PRAGMA application_id", [], |_| Ok(()))?;
        Ok((conn, Some(limit)))
    };
    if wal_is_empty(path) {
        return snapshot();
    }
    let absent = absent_side_files(path);
    if !absent.is_empty() {
        return Err(StoreError::ReaderWaits);
    }
    let live = open_uri(path, "readonly_shm=1").and_then(|conn| {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.query_row("PRAGMA application_id", [], |_| Ok(()))?;
        Ok(conn)
    });
    // The owner may have closed the last connection (removing the -wal and
    // -shm) between the look and the open, and SQLite then makes a new
    // -wal: a file of this user's beside another user's database. It is
    // removed again, and the file read as it is.
    let made = made_beside_anothers(path, limit);
    match live {
        Ok(conn) if made.is_empty() => Ok((conn, Some(limit))),
        Ok(conn) => {
            drop(conn);
            remove_made(&made);
            if wal_is_empty(path) {
                snapshot()
            } else {
                Err(StoreError::ReaderWaits)
            }
        }
        Err(e) => {
            remove_made(&made);
            match StoreError::from(e) {
                StoreError::CannotOpen | StoreError::Sqlite(_) => Err(StoreError::ReaderWaits),
                other => Err(io_or_store(other, path)),
            }
        }
    }
}

/// The -wal and -shm beside another user's database that belong to this
/// user: only SQLite, on a reader's open, can have made them.
fn made_beside_anothers(path: &Path, limit: Limit) -> Vec<PathBuf> {
    use std::os::unix::fs::MetadataExt;
    if limit != Limit::NotYours {
        return vec![];
    }
    health::data_files(path)
        .into_iter()
        .skip(1)
        .filter(|p| {
            std::fs::symlink_metadata(p).is_ok_and(|m| m.is_file() && m.uid() == effective_uid())
        })
        .collect()
}

fn remove_made(files: &[PathBuf]) {
    for f in files {
        let _ = std::fs::remove_file(f);
    }
}

fn io_or_store(e: StoreError, path: &Path) -> StoreError {
    match e {
        StoreError::Io { kind, .. } => StoreError::Io {
            path: path.to_path_buf(),
            kind,
        },
        other => other,
    }
}

/// The database file and its folder must be writable by their owner:
/// checked on the mode bits, so the answer is the same for every user.
fn check_writable(path: &Path) -> Result<()> {
    let meta = std::fs::metadata(path).map_err(|e| StoreError::Io {
        path: path.to_path_buf(),
        kind: e.kind(),
    })?;
    if meta.permissions().mode() & 0o200 == 0 {
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

/// Makes a new, empty database file and puts vakt's mark in it before
/// anything else is written, so even a creation that stops half-way
/// leaves a file vakt knows as its own.
fn make_new_file(path: &Path) -> Result<()> {
    prepare_private_file(path)?;
    let conn = key::open(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| io_or(e, path))?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let pages: i64 = conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
    if pages == 0 {
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    }
    Ok(())
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
        // Another terminal made it a moment ago: opening checks it.
        Ok(_) => Ok(()),
        Err(e) if e.kind() == ErrorKind::AlreadyExists => check_writable(path),
        Err(e) if e.kind() == ErrorKind::PermissionDenied => Err(StoreError::ReadOnly),
        Err(e) if e.kind() == ErrorKind::ReadOnlyFilesystem => Err(StoreError::ReadOnlyFs),
        Err(e) => Err(io(e.kind())),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn temp_store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::create(&dir.path().join("t.db")).unwrap();
        (dir, store)
    }

    #[test]
    fn creates_private_file_and_folder_with_wal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/dir/vakt.db");
        let store = Store::create(&path).unwrap();
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
        drop(Store::create(&path).unwrap());
        let s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    }

    #[test]
    fn newer_schema_is_refused_and_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.db");
        {
            let c = Connection::open(&path).unwrap();
            c.execute_batch(&format!(
                "PRAGMA application_id = {APPLICATION_ID}; CREATE TABLE x(a); PRAGMA user_version = 999;"
            ))
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
        drop(Store::create(&path).unwrap());
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400)).unwrap();
        // root ignores file modes; the check is on the mode bits, so it
        // holds for every user. The file can be read, never written.
        let mut s = Store::open(&path).unwrap();
        assert_eq!(s.limit(), Some(Limit::ReadOnlyFile));
        assert!(matches!(s.write(|_| Ok(())), Err(StoreError::ReadOnly)));
        assert!(!dir.path().join("ro.db-wal").exists());
        assert!(!dir.path().join("ro.db-shm").exists());
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
        let mut a = Store::create(&path).unwrap();
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
