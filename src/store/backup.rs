//! Backups and restore.
//!
//! A backup is `VACUUM INTO` a temporary name in the backup folder (created
//! empty with mode 0600 first, because SQLite would create it with the
//! umask's mode), then fsync and rename, then fsync of the folder: VACUUM
//! INTO itself does not fsync. It reads one consistent snapshot, so other
//! terminals may keep writing meanwhile.
//!
//! The temporary file is locked (`flock`) by the process writing it for as
//! long as it exists. A temporary file nobody holds a lock on was left by a
//! process that was killed mid-copy; [`remove_abandoned`] deletes it,
//! whatever its age or date. A hang-up stops every copy in progress
//! ([`stop_copies`], called from [`crate::hangup`]), and the copy's own
//! clean-up removes its file.
//!
//! Every backup vakt makes (the daily `vakt-DATE.db`, `before-restore-*`,
//! `damaged-*`) is deleted by [`prune`] once it is `backups_kept` days old.
//!
//! Restore checks the candidate (integrity_check, a vakt schema no newer
//! than this program), copies it aside and applies the retention purge to
//! that copy (and erases again what the live file had erased), keeps a
//! copy of what it replaces, then copies the purged candidate into the
//! live file with SQLite's backup API, which takes the proper locks so
//! other terminals see the restored data. A damaged live file is moved
//! aside instead of written to.

use std::fs::{DirBuilder, File, OpenOptions};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;
use rusqlite::{Connection, InterruptHandle, OpenFlags};

use super::privacy::{Erased, PurgeCounts, Retention};
use super::{Result, SCHEMA_VERSION, Store, StoreError, health};

/// `backups/` next to the database (kept in `health`, which knows where
/// vakt's files are; named here too for the callers of this module).
pub use super::health::backup_dir;

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

/// What SQLite may put next to a database file while writing it.
const SIDECARS: [&str; 3] = ["-journal", "-wal", "-shm"];

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

fn remove_with_sidecars(path: &Path) {
    let _ = std::fs::remove_file(path);
    for s in SIDECARS {
        let _ = std::fs::remove_file(with_suffix(path, s));
    }
}

/// Whether `name` is one of vakt's temporary files (`.NAME.tmp-…`, or
/// SQLite's journal next to one).
fn is_temporary(name: &str) -> bool {
    name.starts_with('.') && name.contains(".tmp-")
}

/// Removes the temporary files in `dir` whose name starts with `prefix`
/// (`"."`: all of them) that no running process is writing: a writer holds
/// a lock on its file until the file is renamed or removed, so an unlocked
/// one was left by a process that was killed. Their age and date do not
/// matter. Returns how many files were removed.
pub fn remove_abandoned(dir: &Path, prefix: &str) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if !is_temporary(&name) || !name.starts_with(prefix) {
            continue;
        }
        let base = SIDECARS
            .iter()
            .find_map(|s| name.strip_suffix(s))
            .unwrap_or(&name);
        let base = dir.join(base);
        match File::open(&base) {
            Ok(f) => {
                // Locked: another process (or thread) is writing it.
                if f.try_lock().is_err() {
                    continue;
                }
                if base.exists() {
                    removed += 1;
                }
                remove_with_sidecars(&base);
            }
            // A journal whose copy is gone.
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                if std::fs::remove_file(e.path()).is_ok() {
                    removed += 1;
                }
            }
            Err(_) => {}
        }
    }
    removed
}

/// Tells every copy being written in this process to stop (a hang-up). A
/// copy stopped this way fails, and removes its temporary file; no new copy
/// starts afterwards.
pub fn stop_copies() {
    STOPPED.store(true, Ordering::SeqCst);
    if let Ok(copies) = COPIES.lock() {
        for (_, h) in copies.iter() {
            h.interrupt();
        }
    }
}

static STOPPED: AtomicBool = AtomicBool::new(false);
static NEXT: AtomicU64 = AtomicU64::new(0);
static COPIES: Mutex<Vec<(u64, InterruptHandle)>> = Mutex::new(Vec::new());

/// A copy in progress, which [`stop_copies`] can interrupt.
struct Running(u64);

impl Running {
    fn start(conn: &Connection, path: &Path) -> Result<Running> {
        let id = NEXT.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut c) = COPIES.lock() {
            c.push((id, conn.get_interrupt_handle()));
        }
        let running = Running(id);
        if STOPPED.load(Ordering::SeqCst) {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                kind: std::io::ErrorKind::Interrupted,
            });
        }
        Ok(running)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Ok(mut c) = COPIES.lock() {
            c.retain(|(id, _)| *id != self.0);
        }
    }
}

/// A temporary file (`.NAME.tmp-PID-N`), created empty and private, locked
/// while it exists, and removed with SQLite's journals when dropped unless
/// [`Temp::persist`]-ed.
struct Temp {
    path: PathBuf,
    file: File,
    done: bool,
}

impl Temp {
    fn create(dir: &Path, name: &str) -> Result<Temp> {
        remove_abandoned(dir, &format!(".{name}.tmp-"));
        let mut last = None;
        for _ in 0..3 {
            let n = NEXT.fetch_add(1, Ordering::SeqCst);
            let path = dir.join(format!(".{name}.tmp-{}-{n}", std::process::id()));
            let file = match OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&path)
            {
                Ok(f) => f,
                Err(e) => {
                    last = Some(io(&path)(e));
                    continue;
                }
            };
            if file.try_lock().is_err() {
                continue;
            }
            // Another process's clean-up may have removed it between
            // creating and locking: only a file still at its name counts.
            let same = match (file.metadata(), std::fs::metadata(&path)) {
                (Ok(a), Ok(b)) => a.ino() == b.ino() && a.dev() == b.dev(),
                _ => false,
            };
            if same {
                return Ok(Temp {
                    path,
                    file,
                    done: false,
                });
            }
        }
        Err(last.unwrap_or(StoreError::Io {
            path: dir.to_path_buf(),
            kind: std::io::ErrorKind::WouldBlock,
        }))
    }

    /// Syncs the file and renames it to `dest`.
    fn persist(mut self, dest: &Path) -> Result<()> {
        self.file.sync_all().map_err(io(&self.path))?;
        std::fs::rename(&self.path, dest).map_err(io(dest))?;
        self.done = true;
        for s in SIDECARS {
            let _ = std::fs::remove_file(with_suffix(&self.path, s));
        }
        if let Some(dir) = dest.parent() {
            sync_dir(if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            });
        }
        Ok(())
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if !self.done {
            // Removed while still locked, so no clean-up elsewhere races it.
            remove_with_sidecars(&self.path);
        }
    }
}

/// Copies the database `conn` has open into the empty temporary file.
fn fill(conn: &Connection, tmp: &Temp) -> Result<()> {
    let tmp = &tmp.path;
    match super::key::get() {
        // SQLCipher: a fresh connection keyed the same way pulls the
        // source in read-only (it may be a backup, or damaged) and
        // exports it; VACUUM INTO would not carry the key.
        Some(k) => {
            let src = conn.path().map(str::to_owned).unwrap_or_default();
            let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            let out = super::key::open(
                tmp,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_URI,
            )?;
            let _running = Running::start(&out, tmp)?;
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
        }
        None => {
            let _running = Running::start(conn, tmp)?;
            conn.execute(&format!("VACUUM INTO '{}'", sql_quote(tmp)), [])?;
        }
    }
    Ok(())
}

fn parent_dir(dest: &Path) -> &Path {
    dest.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

fn file_name(dest: &Path) -> String {
    dest.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "vakt.db".into())
}

/// Writes a consistent copy of the database that `conn` has open to
/// `dest`, atomically: either the old `dest` or the complete new copy.
pub fn write_copy(conn: &Connection, dest: &Path) -> Result<()> {
    let dir = parent_dir(dest);
    if !dir.exists() {
        make_private_dir(dir)?;
    }
    let tmp = Temp::create(dir, &file_name(dest))?;
    fill(conn, &tmp)?;
    tmp.persist(dest)
}

/// Like [`write_copy`], but the copy has the retention purge applied (and
/// what `erased` names erased again) before it gets its name. Returns what
/// was erased from the copy.
fn write_purged_copy(
    conn: &Connection,
    dest: &Path,
    purge: &Purge<'_>,
) -> Result<(PurgeCounts, u64)> {
    let dir = parent_dir(dest);
    if !dir.exists() {
        make_private_dir(dir)?;
    }
    let tmp = Temp::create(dir, &file_name(dest))?;
    fill(conn, &tmp)?;
    let erased = purge.apply(&tmp.path)?;
    tmp.persist(dest)?;
    Ok(erased)
}

/// The retention purge to apply to a copy.
pub struct Purge<'a> {
    pub keep: Retention,
    pub actor: &'a str,
    pub now: DateTime<Utc>,
    /// What the live database had erased (erased in the copy too).
    pub erased: Erased,
}

impl Purge<'_> {
    /// Opens the file at `path` (bringing its schema up to date), purges
    /// it, and closes it with its WAL emptied and removed.
    fn apply(&self, path: &Path) -> Result<(PurgeCounts, u64)> {
        let mut store = Store::open(path)?;
        let counts = store.purge(self.keep, false, self.actor, self.now)?;
        let again = store.erase_again(&self.erased, self.actor, self.now)?;
        store.checkpoint()?;
        drop(store);
        Ok((counts, again))
    }
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

/// The local date a backup vakt made was written on, read from its name:
/// `vakt-YYYY-MM-DD.db` (a local date), `before-restore-YYYYMMDD-HHMMSS.db`
/// and `damaged-YYYYMMDD-HHMMSS.db` (with `-wal`, `-shm`; UTC). `None` for
/// any other file, which is not vakt's to delete.
pub fn made_on(name: &str, tz: Tz) -> Option<NaiveDate> {
    if let Some(d) = name
        .strip_prefix("vakt-")
        .and_then(|n| n.strip_suffix(".db"))
    {
        return NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
    }
    let stamped = ["before-restore-", "damaged-"]
        .iter()
        .find_map(|p| name.strip_prefix(p))?;
    let stamp = ["", "-wal", "-shm"]
        .iter()
        .find_map(|s| stamped.strip_suffix(&format!(".db{s}")))?;
    let at = NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M%S").ok()?;
    Some(at.and_utc().with_timezone(&tz).date_naive())
}

/// Deletes every backup vakt made in the backup folder next to `db` once
/// it is `keep_days` days old (made on `today - keep_days` or earlier),
/// and every abandoned temporary file there and next to the database.
/// Files vakt did not name are left alone. Returns how many were removed.
pub fn prune(db: &Path, today: NaiveDate, tz: Tz, keep_days: u32) -> usize {
    let dir = backup_dir(db);
    let mut removed = remove_abandoned(&dir, ".");
    removed += remove_abandoned(parent_dir(db), &format!(".{}.tmp-", file_name(db)));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return removed;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let old = made_on(&name, tz)
            .is_some_and(|made| (today - made).num_days() >= i64::from(keep_days));
        if old && std::fs::remove_file(e.path()).is_ok() {
            removed += 1;
        }
    }
    if removed > 0 {
        sync_dir(&dir);
    }
    removed
}

impl super::Store {
    /// Writes today's backup unless it exists. Returns the new file, if one
    /// was written. (Old ones go by age: [`prune`].)
    pub fn daily_backup(&self, today: NaiveDate) -> Result<Option<PathBuf>> {
        self.may_copy()?;
        let dest = backup_dir(self.path()).join(daily_name(today));
        if dest.exists() {
            return Ok(None);
        }
        write_copy(self.conn(), &dest)?;
        Ok(Some(dest))
    }

    /// Writes a backup to `dest` (replacing it atomically).
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        self.may_copy()?;
        write_copy(self.conn(), dest)
    }

    /// A user who may only read the database makes no copy of it: the copy
    /// would hold every caller's data where the owner cannot erase it.
    pub fn may_copy(&self) -> Result<()> {
        match self.limit() {
            Some(super::Limit::ReadOnlyFile | super::Limit::NotYours) => Err(StoreError::ReadOnly),
            _ => Ok(()),
        }
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
    /// What the retention purge erased from the restored copy before it
    /// became live.
    pub purged: PurgeCounts,
    /// Items and notes the live database had erased that the copy still
    /// held, erased again.
    pub erased_again: u64,
}

/// Replaces the database at `db` with the checked file `from`. The copy is
/// purged first: the retention purge `keep` (holds and open escalations
/// respected, as in the live purge), and whatever the live database had
/// already erased is erased in the copy too, so a restore never brings
/// erased caller data back. The database it replaces is kept in the backup
/// folder (purged the same way).
pub fn restore(
    db: &Path,
    from: &Path,
    keep: Retention,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Restored, RestoreError> {
    // Nothing is copied or created for a user who may not write the
    // database.
    if super::read_only_for_me(db).is_some() {
        return Err(StoreError::ReadOnly.into());
    }
    check_candidate(from).map_err(RestoreError::Refused)?;
    let dir = backup_dir(db);
    make_private_dir(&dir)?;
    let stamp = now.format("%Y%m%d-%H%M%S");
    let exists = std::fs::metadata(db).map(|m| m.len() > 0).unwrap_or(false);
    let healthy = exists && health::quick_check(db, None).is_ok();
    // What the live database has erased stays erased.
    let erased = if healthy {
        Erased::read(&health::open_read_only(db)?)?
    } else {
        Erased::default()
    };
    let purge = Purge {
        keep,
        actor,
        now,
        erased,
    };
    // The candidate, copied aside and purged before it becomes live.
    let staged = Temp::create(&dir, &format!("restore-{stamp}.db"))?;
    fill(&health::open_read_only(from)?, &staged)?;
    let (purged, erased_again) = purge.apply(&staged.path)?;
    let mut kept = None;
    if healthy {
        let keep = dir.join(format!("before-restore-{stamp}.db"));
        let conn = health::open_read_only(db)?;
        write_purged_copy(&conn, &keep, &purge)?;
        drop(conn);
        kept = Some(keep);
        let src = health::open_read_only(&staged.path)?;
        if super::key::is_set() {
            // SQLCipher's backup API does not copy between encrypted
            // databases: replace the file (other terminals must be closed;
            // docs/privacy.md says so).
            for f in health::data_files(db).into_iter().skip(1) {
                let _ = std::fs::remove_file(f);
            }
            write_copy(&src, db)?;
        } else {
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
        }
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
        let src = health::open_read_only(&staged.path)?;
        write_copy(&src, db)?;
    }
    drop(staged);
    Ok(Restored {
        kept,
        purged,
        erased_again,
    })
}

/// A restore that did not happen.
#[derive(Debug, Clone, thiserror::Error)]
pub enum RestoreError {
    #[error("refused")]
    Refused(Refusal),
    #[error("store: {0}")]
    Store(#[from] StoreError),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn made_on_reads_the_date_from_the_names_vakt_gives() {
        let oslo = chrono_tz::Europe::Oslo;
        assert_eq!(made_on("vakt-2026-11-23.db", oslo), d(2026, 11, 23));
        // Stamps are UTC: 23:30 UTC on 5 December is 6 December in Oslo.
        assert_eq!(
            made_on("before-restore-20261205-233000.db", oslo),
            d(2026, 12, 6)
        );
        assert_eq!(
            made_on("before-restore-20261205-223000.db", oslo),
            d(2026, 12, 5)
        );
        for suffix in ["", "-wal", "-shm"] {
            assert_eq!(
                made_on(&format!("damaged-20260101-000000.db{suffix}"), oslo),
                d(2026, 1, 1)
            );
        }
        // Not vakt's names, or not whole: never deleted.
        for name in [
            "my-copy.db",
            "vakt-2026-11-23.db.bak",
            "vakt-2026-13-01.db",
            "vakt-latest.db",
            "before-restore-2026.db",
            "damaged-20260101-000000.db-journal",
            ".vakt-2026-11-23.db.tmp-42-0",
            "vakt-2026-11-23.db-wal",
        ] {
            assert_eq!(made_on(name, oslo), None, "{name}");
        }
    }

    #[test]
    fn temporaries_are_the_hidden_tmp_files_and_their_journals() {
        assert!(is_temporary(".vakt-2026-11-23.db.tmp-42-0"));
        assert!(is_temporary(".vakt-2026-11-23.db.tmp-42-0-journal"));
        assert!(is_temporary(".restore-20261123-094200.db.tmp-7-1-wal"));
        assert!(!is_temporary("vakt-2026-11-23.db"));
        assert!(!is_temporary("notes.tmp-1"));
    }

    #[test]
    fn an_unlocked_temporary_goes_and_a_locked_one_stays() {
        let dir = tempfile::tempdir().unwrap();
        let held = Temp::create(dir.path(), "vakt-2026-11-23.db").unwrap();
        std::fs::write(with_suffix(&held.path, "-journal"), b"j").unwrap();
        let left = dir.path().join(".vakt-2026-01-02.db.tmp-4242");
        std::fs::write(&left, b"half").unwrap();
        std::fs::write(with_suffix(&left, "-journal"), b"j").unwrap();
        let orphan = dir.path().join(".vakt-2026-01-03.db.tmp-4343-journal");
        std::fs::write(&orphan, b"j").unwrap();
        assert_eq!(remove_abandoned(dir.path(), "."), 2);
        assert!(!left.exists() && !with_suffix(&left, "-journal").exists());
        assert!(!orphan.exists());
        assert!(held.path.exists() && with_suffix(&held.path, "-journal").exists());
        let path = held.path.clone();
        drop(held);
        assert!(!path.exists() && !with_suffix(&path, "-journal").exists());
    }
}
