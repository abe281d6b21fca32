//! Checks on the database file before it is used: who may read it, whether
//! it is intact, and, when SQLite says "not a database", what it probably is.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::{Result, StoreError};

/// Files up to this size get a full `quick_check` at start (a few tens of
/// milliseconds); larger ones get their small tables checked at once and the
/// rest in the background.
pub const FULL_CHECK_LIMIT: u64 = 64 * 1024 * 1024;

/// The small tables checked first on a large file.
pub const SMALL_TABLES: &[&str] = &[
    "settings",
    "opening_hours",
    "closed_dates",
    "closing_overrides",
    "shifts",
    "handovers",
];

/// `backups/` next to the database.
pub fn backup_dir(db: &Path) -> PathBuf {
    db.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("backups")
}

/// The files next to the database that hold its data.
pub fn data_files(db: &Path) -> Vec<PathBuf> {
    let mut files = vec![db.to_path_buf()];
    for suffix in ["-wal", "-shm"] {
        let mut s = db.as_os_str().to_owned();
        s.push(suffix);
        files.push(PathBuf::from(s));
    }
    files
}

/// Whether a file in `backups/` is one vakt writes there: its daily
/// copies, the copies kept by restore, their -wal/-shm/-journal, and the
/// hidden temporary files of a copy being written.
pub fn is_own_backup_name(name: &str) -> bool {
    const PREFIXES: &[&str] = &["vakt-", "before-restore-", "damaged-", ".vakt-"];
    const ENDINGS: &[&str] = &[".db", ".db-wal", ".db-shm", ".db-journal"];
    PREFIXES.iter().any(|p| name.starts_with(p))
        && (ENDINGS.iter().any(|e| name.ends_with(e)) || name.contains(".db.tmp-"))
}

/// What the look at vakt's files did, or found it could not do. Paths
/// only: no content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileNote {
    /// Other users could read it; now only its owner can.
    MadePrivate(PathBuf),
    /// Other users can read it, and it belongs to another user, so this
    /// user cannot change that.
    CannotMakePrivate(PathBuf),
}

/// Makes the files vakt itself creates private to their owner: the
/// database, its -wal and -shm, its own `backups/` folder and its own
/// backup files there. It only ever takes permissions away, those of the
/// group and of others (`0644` becomes `0600`, `0444` becomes `0400`): a
/// file its owner made read-only stays read-only. Nothing else is touched:
/// not a folder, a device or a link, not another program's file in
/// `backups/`, and nothing at all unless `db` is a vakt database. Says
/// what it changed (checked on the file afterwards) and which files it
/// could not change because they belong to another user.
pub fn fix_permissions(db: &Path) -> Vec<FileNote> {
    let loose = |p: &Path, want_dir: bool| -> bool {
        std::fs::symlink_metadata(p).is_ok_and(|m| {
            let ft = m.file_type();
            (if want_dir { ft.is_dir() } else { ft.is_file() })
                && m.permissions().mode() & 0o077 != 0
        })
    };
    let dir = backup_dir(db);
    let collect = || {
        let mut todo: Vec<PathBuf> = vec![];
        for f in data_files(db) {
            if loose(&f, false) {
                todo.push(f);
            }
        }
        if loose(&dir, true) {
            todo.push(dir.clone());
        }
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let p = e.path();
            if is_own_backup_name(&e.file_name().to_string_lossy()) && loose(&p, false) {
                todo.push(p);
            }
        }
        todo
    };
    // Only a vakt database's files are vakt's to change. Looking may make
    // the -wal and -shm (with the database's mode, and only for a user who
    // may write it), so look again after; only what was there before is
    // reported.
    let before = collect();
    if before.is_empty() || !is_vakt_database(db) {
        return vec![];
    }
    let mut notes = vec![];
    for p in collect() {
        let Ok(meta) = std::fs::symlink_metadata(&p) else {
            continue;
        };
        let want = meta.permissions().mode() & 0o7700;
        let _ = std::fs::set_permissions(&p, std::fs::Permissions::from_mode(want));
        let now = std::fs::symlink_metadata(&p).map(|m| m.permissions().mode() & 0o7777);
        if !before.contains(&p) {
            continue;
        }
        if now.is_ok_and(|m| m == want) {
            notes.push(FileNote::MadePrivate(p));
        } else if !super::owned_by_me(&p) {
            notes.push(FileNote::CannotMakePrivate(p));
        }
    }
    notes
}

/// Removes a -wal and -shm beside the database that this user may not
/// write although it may write the database: left by another user's
/// read-only look, or by a read-only spell, in an older vakt. SQLite
/// cannot open the database while they are there. They are removed only
/// when the -wal holds nothing (so neither holds data) and `db` carries
/// vakt's mark; a -wal with content is named in an error instead. Returns
/// the paths removed. A user who may only read changes nothing here.
pub fn clear_left_behind(db: &Path) -> Result<Vec<PathBuf>> {
    if super::read_only_for_me(db).is_some()
        || super::header_application_id(db) != Some(super::APPLICATION_ID)
    {
        return Ok(vec![]);
    }
    let present: Vec<PathBuf> = data_files(db)
        .into_iter()
        .skip(1)
        .filter(|p| std::fs::symlink_metadata(p).is_ok_and(|m| m.is_file()))
        .collect();
    let stuck = present.iter().find(|p| {
        super::may_write(p).is_err_and(|e| e.kind() != std::io::ErrorKind::ReadOnlyFilesystem)
            || std::fs::metadata(p).is_ok_and(|m| m.permissions().mode() & 0o200 == 0)
    });
    let Some(stuck) = stuck else {
        return Ok(vec![]);
    };
    let wal = &data_files(db)[1];
    if std::fs::metadata(wal).is_ok_and(|m| m.len() > 0) {
        return Err(StoreError::LeftBehind(stuck.clone()));
    }
    for p in &present {
        std::fs::remove_file(p).map_err(|_| StoreError::LeftBehind(p.clone()))?;
    }
    Ok(present)
}

/// Whether `db` is a plain file holding a vakt database (read-only look).
pub fn is_vakt_database(db: &Path) -> bool {
    super::identify(db).is_ok()
}

/// What the start-up check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checked {
    /// The whole file was checked and is intact (or does not exist yet).
    Whole,
    /// The small tables are intact; the file is large, so the rest should be
    /// checked in the background with [`quick_check`].
    SmallTablesOnly,
}

/// Opens a file read-only, without creating it or touching its contents.
/// On a full disk or a read-only mount, a snapshot of the file (see
/// [`super::connect`]).
pub fn open_read_only(path: &Path) -> Result<Connection> {
    super::connect(path, false).map(|(conn, _)| conn)
}

/// `PRAGMA quick_check` on the whole file (`tables` = None) or on some
/// tables. Read-only: a damaged file is never written to.
pub fn quick_check(path: &Path, tables: Option<&[&str]>) -> Result<()> {
    let conn = open_read_only(path)?;
    quick_check_conn(&conn, tables)
}

pub(crate) fn quick_check_conn(conn: &Connection, tables: Option<&[&str]>) -> Result<()> {
    let run = |sql: &str| -> Result<()> {
        let mut stmt = conn.prepare(sql)?;
        let rows: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if rows.len() == 1 && rows[0] == "ok" {
            Ok(())
        } else {
            Err(StoreError::Corrupt)
        }
    };
    match tables {
        None => run("PRAGMA quick_check"),
        Some(tables) => {
            let present: Vec<String> = conn
                .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for t in tables.iter().filter(|t| present.iter().any(|p| p == *t)) {
                run(&format!("PRAGMA quick_check(\"{t}\")"))?;
            }
            Ok(())
        }
    }
}

/// The start-up check: the whole file if it is small, else its small
/// tables. A missing or empty file passes (opening says there is no
/// database); a file that is not a vakt database is refused here, before
/// anything reads further.
pub fn startup_check(path: &Path) -> Result<Checked> {
    // One read-only connection for the look and the check.
    let conn = match super::identified(path) {
        Err(StoreError::NoDatabase) => return Ok(Checked::Whole),
        Err(e) => return Err(e),
        Ok(conn) => conn,
    };
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size <= FULL_CHECK_LIMIT {
        quick_check_conn(&conn, None)?;
        Ok(Checked::Whole)
    } else {
        quick_check_conn(&conn, Some(SMALL_TABLES))?;
        Ok(Checked::SmallTablesOnly)
    }
}

/// What a file that SQLite refuses as "not a database" most likely is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotDbGuess {
    /// No SQLite header and the bytes look random: an encrypted database
    /// opened with a wrong or missing key.
    ProbablyEncrypted,
    /// Something else (text, another program's file, damaged header).
    NotADatabase,
}

/// Looks at the first bytes of a file SQLite refused.
pub fn guess_not_db(path: &Path) -> NotDbGuess {
    use std::io::Read;
    let mut head = vec![0u8; 4096];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    head.truncate(n);
    if head.starts_with(b"SQLite format 3\0") || head.len() < 512 {
        return NotDbGuess::NotADatabase;
    }
    if entropy(&head) > 7.0 {
        NotDbGuess::ProbablyEncrypted
    } else {
        NotDbGuess::NotADatabase
    }
}

/// Shannon entropy in bits per byte (8.0 = indistinguishable from random).
pub fn entropy(bytes: &[u8]) -> f64 {
    if bytes.is_empty() {
        return 0.0;
    }
    let mut freq = [0usize; 256];
    for b in bytes {
        freq[*b as usize] += 1;
    }
    let n = bytes.len() as f64;
    freq.iter()
        .filter(|c| **c > 0)
        .map(|c| {
            let p = *c as f64 / n;
            -p * p.log2()
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_bytes_look_encrypted_text_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let enc = dir.path().join("enc.db");
        // A simple xorshift stream stands in for ciphertext.
        let mut x: u64 = 0x9E3779B97F4A7C15;
        let bytes: Vec<u8> = (0..8192)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 24) as u8
            })
            .collect();
        std::fs::write(&enc, &bytes).unwrap();
        assert_eq!(guess_not_db(&enc), NotDbGuess::ProbablyEncrypted);
        let txt = dir.path().join("notes.txt");
        std::fs::write(&txt, "just some text\n".repeat(400)).unwrap();
        assert_eq!(guess_not_db(&txt), NotDbGuess::NotADatabase);
    }

    #[test]
    fn small_tables_check_runs_and_skips_missing_tables() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("q.db");
        drop(super::super::Store::create(&db).unwrap());
        quick_check(&db, Some(SMALL_TABLES)).unwrap();
        quick_check(&db, Some(&["no_such_table"])).unwrap();
        quick_check(&db, None).unwrap();
        assert_eq!(startup_check(&db).unwrap(), Checked::Whole);
        assert_eq!(
            startup_check(&dir.path().join("missing.db")).unwrap(),
            Checked::Whole
        );
    }

    #[test]
    fn loose_permissions_are_fixed() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("p.db");
        drop(super::super::Store::create(&db).unwrap());
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
        let fixed = fix_permissions(&db);
        assert_eq!(fixed, vec![FileNote::MadePrivate(db.clone())]);
        let mode = std::fs::metadata(&db).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert!(fix_permissions(&db).is_empty());
    }

    #[test]
    fn the_privacy_fix_only_takes_permissions_away() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("p.db");
        drop(super::super::Store::create(&db).unwrap());
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        for (from, to) in [
            (0o444, 0o400),
            (0o644, 0o600),
            (0o640, 0o600),
            (0o604, 0o600),
            (0o666, 0o600),
            (0o440, 0o400),
            (0o404, 0o400),
        ] {
            std::fs::set_permissions(&db, std::fs::Permissions::from_mode(from)).unwrap();
            assert_eq!(
                fix_permissions(&db),
                vec![FileNote::MadePrivate(db.clone())]
            );
            assert_eq!(mode(&db), to, "{from:o}");
        }
        // Already private, or read-only and private: nothing to do.
        for m in [0o600, 0o400, 0o200] {
            std::fs::set_permissions(&db, std::fs::Permissions::from_mode(m)).unwrap();
            assert!(fix_permissions(&db).is_empty(), "{m:o}");
            assert_eq!(mode(&db), m);
        }
        let backups = backup_dir(&db);
        std::fs::create_dir(&backups).unwrap();
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o600)).unwrap();
        std::fs::set_permissions(&backups, std::fs::Permissions::from_mode(0o555)).unwrap();
        assert_eq!(
            fix_permissions(&db),
            vec![FileNote::MadePrivate(backups.clone())]
        );
        assert_eq!(mode(&backups), 0o500, "no write bit added to the folder");
    }
}
