//! A backup that is interrupted (SIGKILL, a hang-up of `vakt backup` or of
//! the app) leaves no copy of caller data behind: a hang-up removes the
//! half-written file at once, and what a SIGKILL leaves is removed by the
//! next `vakt backup` or start, whatever its date. The real binary, on a
//! database large enough that the copy takes a moment. All data is
//! synthetic.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::TestDb;
use common::pty::Pty;

/// A fictional number planted in the database: any file holding it holds
/// caller data.
const PLANTED: &str = "+47 412 99 317";
const PLANTED_DIGITS: &[u8] = b"41299317";

/// A database with one planted voicemail and about `mb` MiB of filler, so
/// that copying it takes a moment.
fn big_db(mb: u32) -> TestDb {
    let db = TestDb::new();
    drop(db.store());
    db.cmd()
        .args([
            "voicemail",
            "add",
            "--phone",
            PLANTED,
            "--summary",
            "Planted interrupted-backup summary",
        ])
        .assert()
        .success();
    let c = rusqlite::Connection::open(&db.path).unwrap();
    c.execute_batch(&format!(
        "CREATE TABLE filler(b BLOB);
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {mb})
         INSERT INTO filler SELECT randomblob(1048576) FROM n;
         PRAGMA wal_checkpoint(TRUNCATE);"
    ))
    .unwrap();
    db
}

fn backups(db: &TestDb) -> PathBuf {
    db.dir.path().join("backups")
}

fn names(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// The first temporary copy that shows up in `dir`.
fn wait_for_temporary(dir: &Path) -> String {
    let start = Instant::now();
    loop {
        if let Some(n) = names(dir).into_iter().find(|n| n.contains(".tmp-")) {
            return n;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no temporary copy appeared in {dir:?}: {:?}",
            names(dir)
        );
        std::thread::sleep(Duration::from_millis(2));
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Every file in backups/ that holds the planted number (as stored, or as
/// the digits).
fn files_with_caller_data(db: &TestDb) -> Vec<String> {
    let mut found = vec![];
    for e in std::fs::read_dir(backups(db)).unwrap().flatten() {
        let bytes = std::fs::read(e.path()).unwrap_or_default();
        if contains(&bytes, PLANTED.as_bytes()) || contains(&bytes, PLANTED_DIGITS) {
            found.push(e.file_name().to_string_lossy().into_owned());
        }
    }
    found
}

fn today_name() -> String {
    let today = chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Oslo)
        .date_naive();
    vakt::store::backup::daily_name(today)
}

fn spawn_backup(db: &TestDb) -> Child {
    let home = db.dir.path();
    Command::new(env!("CARGO_BIN_EXE_vakt"))
        .env_clear()
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("VAKT_DB", &db.path)
        .env("VAKT_AS", "TEST")
        .arg("backup")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn signal(pid: u32, sig: &str) {
    let ok = Command::new("kill")
        .args([sig, &pid.to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill {sig} {pid}");
}

fn wait_exit(child: &mut Child) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(s) = child.try_wait().unwrap() {
            return s;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "did not exit");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn a_killed_backup_leaves_nothing_after_the_next_backup_whatever_its_date() {
    let db = big_db(160);
    let dir = backups(&db);
    let mut child = spawn_backup(&db);
    let tmp = wait_for_temporary(&dir);
    signal(child.id(), "-KILL");
    wait_exit(&mut child);
    assert!(
        dir.join(&tmp).exists(),
        "the copy finished before it was killed; the test needs a larger file"
    );
    // What an interruption on an earlier day left (the same half copy,
    // under that day's name and a process long gone).
    std::fs::copy(dir.join(&tmp), dir.join(".vakt-2026-01-05.db.tmp-4242")).unwrap();
    std::fs::write(dir.join(".vakt-2026-01-05.db.tmp-4242-journal"), b"j").unwrap();
    // Next to the database: a restore killed while replacing the file.
    std::fs::write(db.dir.path().join(".vakt.db.tmp-4343"), PLANTED).unwrap();

    db.cmd().arg("backup").assert().success();

    let left = names(&dir);
    assert!(
        left.iter().all(|n| !n.contains(".tmp-")),
        "temporary copies left: {left:?}"
    );
    assert!(!db.dir.path().join(".vakt.db.tmp-4343").exists());
    // Caller data is only in today's whole backup.
    assert_eq!(files_with_caller_data(&db), vec![today_name()]);
}

#[test]
fn a_hung_up_backup_removes_its_half_written_copy_at_once() {
    let db = big_db(160);
    let dir = backups(&db);
    for sig in ["-HUP", "-TERM"] {
        let mut child = spawn_backup(&db);
        let tmp = wait_for_temporary(&dir);
        signal(child.id(), sig);
        let status = wait_exit(&mut child);
        assert!(
            !status.success(),
            "{sig}: a stopped backup is not a success"
        );
        let left = names(&dir);
        assert!(
            left.iter().all(|n| !n.contains(".tmp-")),
            "{sig}: {tmp} or its journal left: {left:?}"
        );
        assert!(files_with_caller_data(&db).is_empty(), "{sig}: {left:?}");
    }
}

#[test]
fn hanging_up_the_app_while_it_writes_the_days_backup_leaves_no_copy_and_restores_the_terminal() {
    let db = big_db(160);
    let dir = backups(&db);
    let home = tempfile::tempdir().unwrap();
    let pty = Pty::start(&db.path, home.path(), &["--lang", "en"], 30, 100);
    let tmp = wait_for_temporary(&dir);
    // `.vakt-DATE.db.tmp-PID-N`: the app's own process.
    let pid: u32 = tmp
        .rsplit(".tmp-")
        .next()
        .and_then(|r| r.split('-').next())
        .and_then(|p| p.parse().ok())
        .unwrap();
    std::thread::sleep(Duration::from_millis(50));
    signal(pid, "-HUP");
    let start = Instant::now();
    while Path::new(&format!("/proc/{pid}")).exists()
        && std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .map(|s| !s.contains(") Z "))
            .unwrap_or(false)
    {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the app did not exit"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let left = names(&dir);
    assert!(
        left.iter().all(|n| !n.contains(".tmp-")),
        "{tmp} or its journal left: {left:?}"
    );
    assert!(files_with_caller_data(&db).is_empty(), "{left:?}");
    // The terminal was given back: the alternate screen left, the cursor shown.
    // The reader thread may still be draining the pty when the process is
    // gone: wait a moment for the last bytes rather than racing it.
    let seen = Instant::now();
    loop {
        let raw = pty.raw.lock().unwrap().clone();
        let tail = &raw[raw.len().saturating_sub(200)..];
        if contains(tail, b"\x1b[?1049l") {
            break;
        }
        assert!(
            seen.elapsed() < Duration::from_secs(10),
            "{:?}",
            String::from_utf8_lossy(tail)
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}
