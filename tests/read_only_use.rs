//! A database someone may only read: a file its owner made read-only, and a
//! second user on a shared server without write access. Reading works and
//! says why nothing can be saved; saving is refused; nothing is created,
//! copied or made writable; and the owner can always go on working. All
//! through the real binary.

mod common;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};

use common::TestDb;
use predicates::prelude::*;
use sha2::{Digest, Sha256};

/// The owner of the database in the shared-server tests, and a second
/// user who may only read it. Plain numbers: no account is needed to run a
/// process as a user.
const OWNER: u32 = 64_101;
const READER: u32 = 64_102;

fn mode(p: &Path) -> u32 {
    std::fs::symlink_metadata(p).unwrap().permissions().mode() & 0o777
}

fn chmod(p: &Path, m: u32) {
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    if dir.is_dir() && !dir.is_symlink() {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            out.extend(walk(&e.path()));
        }
    }
    out
}

/// Every file under `dir` (the database, its -wal and -shm, backups/ and
/// anything else) with its owner, mode and a hash of its content.
fn snapshot(dir: &Path) -> Vec<(String, u32, u32, String)> {
    let mut out: Vec<_> = walk(dir)
        .into_iter()
        .map(|p| {
            let m = std::fs::symlink_metadata(&p).unwrap();
            let hash = if m.is_file() {
                format!("{:x}", Sha256::digest(std::fs::read(&p).unwrap()))
            } else {
                String::new()
            };
            (p.display().to_string(), m.uid(), m.mode() & 0o777, hash)
        })
        .collect();
    out.sort();
    out
}

fn side_files(db: &Path) -> [PathBuf; 2] {
    ["-wal", "-shm"].map(|s| PathBuf::from(format!("{}{s}", db.display())))
}

fn is_root() -> bool {
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// The binary run as `uid` (no account needed), on `db`.
fn as_user(uid: u32, db: &Path, home: &Path) -> assert_cmd::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_vakt"));
    c.uid(uid).gid(uid);
    c.env_clear()
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("VAKT_DB", db)
        .env("VAKT_AS", "TEST");
    if cfg!(feature = "encryption") {
        c.env("VAKT_KEY_FILE", home.join("test.key"));
    }
    assert_cmd::Command::from_std(c)
}

fn add(db: &TestDb, phone: &str) {
    db.cmd()
        .args(["voicemail", "add", "--phone", phone])
        .assert()
        .success();
}

// ---- a file its owner made read-only (0444) ----

fn owner_made_read_only(run: &dyn Fn() -> assert_cmd::Command, db: &TestDb) {
    chmod(&db.path, 0o444);
    // `vakt queue` reads and says why it cannot save; the privacy fix takes
    // away what others may do (0444 -> 0400) and never adds a permission.
    let before = std::fs::read(&db.path).unwrap();
    for (lang, says) in [("en", "read-only"), ("nb", "kan bare leses")] {
        run()
            .args(["--lang", lang, "queue"])
            .assert()
            .success()
            .stdout(predicate::str::contains("•07"))
            .stderr(predicate::str::contains(says));
    }
    assert_eq!(
        mode(&db.path),
        0o400,
        "no write bit added, others' bits gone"
    );
    for f in side_files(&db.path) {
        assert!(!f.exists(), "{} created by a read", f.display());
    }
    assert!(!db.dir.path().join("backups").exists(), "no copy made");
    let files = snapshot(db.dir.path());
    // A write is refused with the read-only message, exit 2, and nothing
    // about the files changes.
    for (lang, says) in [("en", "The database"), ("nb", "Databasen")] {
        run()
            .args([
                "--lang",
                lang,
                "voicemail",
                "add",
                "--phone",
                "+47 412 77 008",
            ])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(says))
            .stderr(predicate::str::contains("private to you").not())
            .stderr(predicate::str::contains("bare din").not());
    }
    run()
        .args([
            "--lang",
            "en",
            "voicemail",
            "add",
            "--phone",
            "+47 412 77 008",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is read-only"));
    assert_eq!(
        snapshot(db.dir.path()),
        files,
        "files changed by a refused write"
    );
    assert_eq!(std::fs::read(&db.path).unwrap(), before);
    // The owner gives write access back: saving works again.
    chmod(&db.path, 0o600);
    run()
        .args(["voicemail", "add", "--phone", "+47 412 77 008"])
        .assert()
        .success();
}

#[test]
fn a_database_its_owner_made_read_only_stays_read_only() {
    let db = TestDb::new();
    add(&db, "+47 412 77 007");
    owner_made_read_only(&|| db.cmd(), &db);
}

#[test]
fn a_read_only_database_stays_read_only_for_an_ordinary_owner() {
    if !is_root() {
        eprintln!("skipped: running as another user needs root");
        return;
    }
    let db = TestDb::new();
    add(&db, "+47 412 77 007");
    for p in walk(db.dir.path()) {
        std::os::unix::fs::lchown(&p, Some(OWNER), Some(OWNER)).unwrap();
    }
    owner_made_read_only(&|| as_user(OWNER, &db.path, db.dir.path()), &db);
}

// ---- a second user who may only read ----

#[test]
fn a_second_user_who_may_only_read_leaves_nothing_and_never_locks_the_owner_out() {
    if !is_root() {
        eprintln!("skipped: running as a second user needs root");
        return;
    }
    let db = TestDb::new();
    add(&db, "+47 412 77 007");
    let dir = db.dir.path();
    for p in walk(dir) {
        std::os::unix::fs::lchown(&p, Some(OWNER), Some(OWNER)).unwrap();
    }
    // A folder anyone may write in: the second user could create files.
    chmod(dir, 0o777);
    let owner = || as_user(OWNER, &db.path, dir);
    let reader = || as_user(READER, &db.path, dir);
    owner().arg("queue").assert().success();
    // The owner lets others read the file.
    chmod(&db.path, 0o644);
    let files = snapshot(dir);

    for (lang, says, why) in [
        ("en", "read-only", "belongs to another user"),
        ("nb", "kan bare leses", "tilhører en annen bruker"),
    ] {
        reader()
            .args(["--lang", lang, "queue"])
            .assert()
            .success()
            .stdout(predicate::str::contains("•07"))
            .stderr(predicate::str::contains(says))
            .stderr(predicate::str::contains(why))
            .stderr(predicate::str::contains("private to you").not())
            .stderr(predicate::str::contains("Nå er den bare din").not());
    }
    assert_eq!(snapshot(dir), files, "a read left files behind");
    reader()
        .args([
            "--lang",
            "en",
            "voicemail",
            "add",
            "--phone",
            "+47 412 77 008",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is read-only"));
    reader()
        .args(["--lang", "en", "backup"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "The database {} is read-only",
            db.path.display()
        )));
    assert_eq!(snapshot(dir), files, "a refused write left files behind");

    // The app: it shows the queue and says it is read-only, and why.
    let Some(setpriv) = ["/usr/bin/setpriv", "/bin/setpriv"]
        .into_iter()
        .find(|p| Path::new(p).exists())
    else {
        eprintln!("the app part skipped: no setpriv to start it as a second user");
        return;
    };
    let mut cmd = portable_pty::CommandBuilder::new(setpriv);
    cmd.args([
        &format!("--reuid={READER}"),
        &format!("--regid={READER}"),
        "--clear-groups",
        env!("CARGO_BIN_EXE_vakt"),
        "--lang",
        "en",
        "--as",
        "RO",
    ]);
    cmd.env_clear();
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", dir);
    cmd.env("XDG_CONFIG_HOME", dir.join("config"));
    cmd.env("XDG_DATA_HOME", dir.join("data"));
    cmd.env("VAKT_DB", &db.path);
    if cfg!(feature = "encryption") {
        cmd.env("VAKT_KEY_FILE", dir.join("test.key"));
    }
    let mut pty = common::pty::Pty::spawn(cmd, 30, 120);
    pty.wait_for(&["1 open", "belongs to another user"]);
    pty.send(common::pty::ESC);
    drop(pty);
    assert_eq!(snapshot(dir), files, "the app left files behind");

    // The owner works on as before.
    owner().args(["--lang", "en", "queue"]).assert().success();
    owner()
        .args(["voicemail", "add", "--phone", "+47 412 77 008"])
        .assert()
        .success();
    owner()
        .arg("queue")
        .assert()
        .success()
        .stdout(predicate::str::contains("•08"));
    assert!(
        walk(dir)
            .iter()
            .all(|p| std::fs::metadata(p).unwrap().uid() != READER),
        "a file of the second user's is left"
    );
    // Private again (the owner's start made it 0600): the second user is
    // told so plainly, and still leaves nothing.
    assert_eq!(mode(&db.path), 0o600);
    let files = snapshot(dir);
    reader()
        .args(["--lang", "en", "queue"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("permission denied"))
        .stderr(predicate::str::contains("SQLite cannot open").not());
    assert_eq!(snapshot(dir), files);
}

/// What an older vakt run by a second user left: an empty -wal and a -shm
/// the owner may not open. The owner's next start is not locked out.
#[test]
fn what_a_reader_left_before_does_not_lock_the_owner_out() {
    if !is_root() {
        eprintln!("skipped: running as a second user needs root");
        return;
    }
    let db = TestDb::new();
    add(&db, "+47 412 77 007");
    let dir = db.dir.path();
    for p in walk(dir) {
        std::os::unix::fs::lchown(&p, Some(OWNER), Some(OWNER)).unwrap();
    }
    chmod(dir, 0o777);
    let [wal, shm] = side_files(&db.path);
    std::fs::write(&wal, b"").unwrap();
    chmod(&wal, 0o644);
    std::fs::write(&shm, vec![0u8; 32 * 1024]).unwrap();
    chmod(&shm, 0o600);
    for f in [&wal, &shm] {
        std::os::unix::fs::lchown(f, Some(READER), Some(READER)).unwrap();
    }
    as_user(OWNER, &db.path, dir)
        .args(["--lang", "en", "queue"])
        .assert()
        .success()
        .stdout(predicate::str::contains("•07"));
    as_user(OWNER, &db.path, dir)
        .args(["voicemail", "add", "--phone", "+47 412 77 008"])
        .assert()
        .success();
}

/// While someone else is working (saved changes still in the -wal), a
/// second user who may read the files sees them too, through the -wal and
/// -shm already there, and creates nothing.
#[test]
fn a_second_user_reads_what_waits_in_the_log_and_creates_nothing() {
    if !is_root() {
        eprintln!("skipped: running as a second user needs root");
        return;
    }
    let db = TestDb::new();
    add(&db, "+47 412 77 007");
    let dir = db.dir.path();
    for p in walk(dir) {
        std::os::unix::fs::lchown(&p, Some(OWNER), Some(OWNER)).unwrap();
    }
    chmod(dir, 0o777);
    // Another connection stays open, so the owner's save stays in the log.
    let held = rusqlite::Connection::open(&db.path).unwrap();
    if cfg!(feature = "encryption") {
        held.pragma_update(None, "key", common::TEST_KEY).unwrap();
    }
    held.execute_batch("BEGIN; SELECT count(*) FROM sqlite_schema;")
        .unwrap();
    as_user(OWNER, &db.path, dir)
        .args(["voicemail", "add", "--phone", "+47 412 77 008"])
        .assert()
        .success();
    let [wal, shm] = side_files(&db.path);
    assert!(
        std::fs::metadata(&wal).unwrap().len() > 0,
        "the save waits in the log"
    );
    for f in [&db.path, &wal, &shm] {
        chmod(f, 0o644);
    }
    let files = snapshot(dir);
    as_user(READER, &db.path, dir)
        .args(["--lang", "en", "queue"])
        .assert()
        .success()
        .stdout(predicate::str::contains("•08"))
        .stderr(predicate::str::contains("read-only for you"));
    assert_eq!(snapshot(dir), files, "a read changed or left files");
    // Without a -shm to read, it would have to make one: it says so instead.
    // (Closing the last connection folds the log into the file and removes
    // both; a log with content and no -shm is what a crash can leave.)
    drop(held);
    std::fs::write(&wal, b"not empty").unwrap();
    let _ = std::fs::remove_file(&shm);
    let files = snapshot(dir);
    as_user(READER, &db.path, dir)
        .args(["--lang", "en", "queue"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "only the file's owner can bring into it",
        ));
    assert_eq!(snapshot(dir), files);
}

/// A -wal the owner may not write that holds something is never removed:
/// it is named, with what to do, and nothing changes.
#[test]
fn a_log_with_content_the_owner_cannot_write_is_named_not_removed() {
    if !is_root() {
        eprintln!("skipped: running as a second user needs root");
        return;
    }
    let db = TestDb::new();
    add(&db, "+47 412 77 007");
    let dir = db.dir.path();
    for p in walk(dir) {
        std::os::unix::fs::lchown(&p, Some(OWNER), Some(OWNER)).unwrap();
    }
    chmod(dir, 0o777);
    let [wal, _] = side_files(&db.path);
    std::fs::write(&wal, b"something").unwrap();
    chmod(&wal, 0o644);
    std::os::unix::fs::lchown(&wal, Some(READER), Some(READER)).unwrap();
    let files = snapshot(dir);
    for (lang, says) in [
        ("en", "which lies beside the database"),
        ("nb", "som ligger ved siden av databasen"),
    ] {
        as_user(OWNER, &db.path, dir)
            .args(["--lang", lang, "queue"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(wal.display().to_string()))
            .stderr(predicate::str::contains(says));
    }
    assert_eq!(snapshot(dir), files);
}

/// The app on a file its owner made read-only: it shows the queue, says
/// why nothing can be saved, and changes nothing (no -wal, no backup).
#[test]
fn the_app_on_a_read_only_database_says_so_and_changes_nothing() {
    let db = TestDb::new();
    add(&db, "+47 412 77 007");
    chmod(&db.path, 0o400);
    let files = snapshot(db.dir.path());
    for (lang, says) in [
        ("en", "The database is read-only: its owner has taken away"),
        ("nb", "Databasen kan bare leses: eieren har tatt bort"),
    ] {
        let key = db.dir.path().join("test.key").display().to_string();
        let mut args = vec!["--lang", lang, "--as", "RO"];
        if cfg!(feature = "encryption") {
            args.extend(["--key-file", key.as_str()]);
        }
        let mut pty = common::pty::Pty::start(&db.path, db.dir.path(), &args, 30, 120);
        pty.wait_for(&["•07", says]);
        pty.send(common::pty::ESC);
        drop(pty);
        assert_eq!(snapshot(db.dir.path()), files, "{lang}");
    }
}
