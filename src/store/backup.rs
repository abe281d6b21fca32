//! Backups and restore.
//!
//! A backup is `VACUUM INTO` a temporary name in the backup folder (created
//! empty with mode 0600 first, because SQLite would create it with the
//! umask's mode), then fsync and rename, then fsync of the folder: VACUUM
//! INTO itself does not fsync. It reads one consistent snapshot, so other
//! terminals may keep writing meanwhile.
//!
//! Restore checks the candidate (integrity_check, a vakt schema no newer
//! than this program), keeps a copy of what it replaces, then copies the
//! candidate into the live file with SQLite's backup API, which takes the
//! proper locks so other terminals see the restored data. A damaged live
//! file is moved aside instead of written to.

use std::fs::{DirBuilder, OpenOptions};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OpenFlags};

use super::{Result, SCHEMA_VERSION, StoreError, health};

/// `backups/` next to the database.
pub fn backup_dir(db: &Path) -> PathBuf {
    db.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("backups")
}

/// The daily backup's file name for a date.
pub fn daily_name(date: NaiveDate) -> String {
    format!("vakt-{}.db", date.format("%Y-%m-%d"))
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> StoreError + '_ {
    move |e| StoreError::Io {
        path: path.to_path_buf(),
        kind: e.kind(),
    }
}

fn make_private_dir(dir: &Path) -> Result<()> {
    DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(io(dir))
}

fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

fn sql_quote(p: &Path) -> String {
    p.to_string_lossy().replace('\'', "''")
}

/// Removes half-written copies of `name` left by a program that stopped
/// while writing one (the app quits without waiting for its background
/// backup). A copy still being written by another running program is left
/// alone: it is younger than an hour.
fn remove_stale_temporaries(dir: &Path, name: &str) {
    let prefix = format!(".{name}.tmp-");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let stale = e.file_name().to_string_lossy().starts_with(&prefix)
            && e.metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > std::time::Duration::from_secs(3600));
        if stale {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Writes a consistent copy of the database that `conn` has open to
/// `dest`, atomically: either the old `dest` or the complete new copy.
pub fn write_copy(conn: &Connection, dest: &Path) -> Result<()> {
    let dir = dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !dir.exists() {
        make_private_dir(dir)?;
    }
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "vakt.db".into());
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    remove_stale_temporaries(dir, &name);
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&tmp)
        .map_err(io(&tmp))?;
    let result = (|| {
        match super::key::get() {
            // SQLCipher: a fresh connection keyed the same way pulls the
            // source in read-only (it may be a backup, or damaged) and
            // exports it; VACUUM INTO would not carry the key.
            Some(k) => {
                let src = conn.path().map(str::to_owned).unwrap_or_default();
                let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
                let out = super::key::open(
                    &tmp,
                    OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_URI,
                )?;
                let uri = format!(
                    "file:{}?mode=ro",
                    src.replace('?', "%3f").replace('#', "%23")
                );
                out.execute(
                    "ATTACH DATABASE ?1 AS vakt_src KEY ?2",
                    rusqlite::params![uri, k],
                )?;
                out.query_row(
                    "SELECT sqlcipher_export('main', 'vakt_src')",
                    [],
                    |_| Ok(()),
                )?;
                out.execute_batch(&format!(
                    "DETACH DATABASE vakt_src; PRAGMA main.user_version = {version};"
                ))?;
                drop(out);
            }
            None => {
                conn.execute(&format!("VACUUM INTO '{}'", sql_quote(&tmp)), [])?;
            }
        }
        let f = std::fs::File::open(&tmp).map_err(io(&tmp))?;
        f.sync_all().map_err(io(&tmp))?;
        std::fs::rename(&tmp, dest).map_err(io(dest))?;
        sync_dir(dir);
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// The daily backups (`vakt-YYYY-MM-DD.db`), newest first.
pub fn daily_backups(db: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(backup_dir(db))
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .and_then(|n| n.strip_prefix("vakt-"))
                        .and_then(|n| n.strip_suffix(".db"))
                        .is_some_and(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok())
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found.reverse();
    found
}

/// The newest daily backup that passes `quick_check`.
pub fn newest_good_backup(db: &Path) -> Option<PathBuf> {
    daily_backups(db)
        .into_iter()
        .find(|p| health::quick_check(p, None).is_ok())
}

impl super::Store {
    /// Writes today's backup unless it exists, then keeps the newest `keep`
    /// daily backups. Returns the new file, if one was written.
    pub fn daily_backup(&self, today: NaiveDate, keep: u32) -> Result<Option<PathBuf>> {
        let dest = backup_dir(self.path()).join(daily_name(today));
        if dest.exists() {
            return Ok(None);
        }
        write_copy(self.conn(), &dest)?;
        for old in daily_backups(self.path())
            .into_iter()
            .skip(keep.max(1) as usize)
        {
            let _ = std::fs::remove_file(old);
        }
        Ok(Some(dest))
    }

    /// Writes a backup to `dest` (replacing it atomically).
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        write_copy(self.conn(), dest)
    }
}

/// Why a file cannot be restored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Missing or unreadable.
    Unreadable,
    /// Not an SQLite database at all (or encrypted with another key).
    NotADatabase,
    /// An SQLite database that fails integrity_check.
    Corrupt,
    /// An SQLite database, but not vakt's.
    Foreign,
    /// Written by a newer vakt.
    Newer,
}

/// Checks that `path` is an intact vakt database this program can read.
pub fn check_candidate(path: &Path) -> Result<(), Refusal> {
    let meta = std::fs::metadata(path).map_err(|_| Refusal::Unreadable)?;
    if !meta.is_file() || meta.len() == 0 {
        return Err(Refusal::Unreadable);
    }
    std::fs::File::open(path).map_err(|_| Refusal::Unreadable)?;
    let conn = super::key::open(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|_| Refusal::Unreadable)?;
    let classify = |e: rusqlite::Error| match StoreError::from(e) {
        StoreError::NotADatabase => Refusal::NotADatabase,
        StoreError::Corrupt => Refusal::Corrupt,
        _ => Refusal::Unreadable,
    };
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(classify)?;
    let rows: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut s| {
            s.query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()
        })
        .map_err(classify)?;
    if rows != ["ok"] {
        return Err(Refusal::Corrupt);
    }
    let tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table'
             AND name IN ('settings', 'opening_hours', 'audit', 'callbacks')",
            [],
            |r| r.get(0),
        )
        .map_err(classify)?;
    if version < 1 || tables < 1 {
        return Err(Refusal::Foreign);
    }
    if version > SCHEMA_VERSION {
        return Err(Refusal::Newer);
    }
    Ok(())
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// Where the replaced database was kept.
    pub kept: Option<PathBuf>,
}

/// Replaces the database at `db` with the checked file `from`. The database
/// it replaces is kept in the backup folder first.
pub fn restore(db: &Path, from: &Path, now: DateTime<Utc>) -> Result<Restored, RestoreError> {
    check_candidate(from).map_err(RestoreError::Refused)?;
    let dir = backup_dir(db);
    make_private_dir(&dir)?;
    let stamp = now.format("%Y%m%d-%H%M%S");
    let exists = std::fs::metadata(db).map(|m| m.len() > 0).unwrap_or(false);
    let healthy = exists && health::quick_check(db, None).is_ok();
    let mut kept = None;
    if healthy {
        let keep = dir.join(format!("before-restore-{stamp}.db"));
        let conn = health::open_read_only(db)?;
        write_copy(&conn, &keep)?;
        drop(conn);
        kept = Some(keep);
        let src = health::open_read_only(from)?;
        if super::key::is_set() {
            // SQLCipher's backup API does not copy between encrypted
            // databases: replace the file (other terminals must be closed;
            // docs/privacy.md says so).
            for f in health::data_files(db).into_iter().skip(1) {
                let _ = std::fs::remove_file(f);
            }
            write_copy(&src, db)?;
            return Ok(Restored { kept });
        }
        let mut dst = super::key::open(
            db,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(StoreError::from)?;
        dst.busy_timeout(super::BUSY_TIMEOUT)
            .map_err(StoreError::from)?;
        let backup = rusqlite::backup::Backup::new(&src, &mut dst).map_err(StoreError::from)?;
        backup
            .run_to_completion(256, std::time::Duration::from_millis(10), None)
            .map_err(StoreError::from)?;
        drop(backup);
        let _ = dst.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
    } else {
        if exists {
            // Damaged: move it aside untouched (with its WAL), never write to it.
            let keep = dir.join(format!("damaged-{stamp}.db"));
            for (src, suffix) in health::data_files(db).into_iter().zip(["", "-wal", "-shm"]) {
                if src.exists() {
                    let mut d = keep.as_os_str().to_owned();
                    d.push(suffix);
                    std::fs::rename(&src, PathBuf::from(d)).map_err(io(&src))?;
                }
            }
            kept = Some(keep);
        }
        let src = health::open_read_only(from)?;
        write_copy(&src, db)?;
    }
    Ok(Restored { kept })
}

/// A restore that did not happen.
#[derive(Debug, Clone, thiserror::Error)]
pub enum RestoreError {
    #[error("refused")]
    Refused(Refusal),
    #[error("store: {0}")]
    Store(#[from] StoreError),
}
