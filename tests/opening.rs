//! What vakt does with the path it is given: only a vakt database is ever
//! opened for writing, nothing is created by a command that reads or
//! changes data, and opening never waits for another terminal's write.
//! All through the real binary.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::TestDb;
use predicates::prelude::*;
use rusqlite::Connection;

fn mode(p: &Path) -> u32 {
    std::fs::symlink_metadata(p).unwrap().permissions().mode() & 0o777
}

fn chmod(p: &Path, m: u32) {
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
}

fn add_args(phone: &str) -> Vec<String> {
    ["--lang", "en", "voicemail", "add", "--phone", phone]
        .iter()
        .map(|s| s.to_string())
        .collect()
}

/// Every file in a folder with its mode and content, to show nothing moved.
fn snapshot(dir: &Path) -> Vec<(String, u32, Vec<u8>)> {
    let mut out = vec![];
    for e in walk(dir) {
        let m = mode(&e);
        let bytes = if e.is_file() {
            std::fs::read(&e).unwrap()
        } else {
            vec![]
        };
        out.push((e.display().to_string(), m, bytes));
    }
    out.sort();
    out
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    if dir.is_dir() && !dir.is_symlink() {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            out.extend(walk(&e.path()));
        }
    }
    out
}

// ---- 4: a folder, a device or a link to something else is refused ----

#[test]
fn a_folder_given_as_db_is_refused_and_left_as_it_was() {
    let db = TestDb::absent();
    let folder = db.dir.path().join("d");
    std::fs::create_dir(&folder).unwrap();
    chmod(&folder, 0o755);
    // Someone else's backups folder beside it, with a sub-folder.
    let backups = db.dir.path().join("backups");
    std::fs::create_dir_all(backups.join("photos")).unwrap();
    chmod(&backups, 0o755);
    chmod(&backups.join("photos"), 0o755);
    std::fs::write(backups.join("notes.txt"), "x").unwrap();
    chmod(&backups.join("notes.txt"), 0o644);
    let before = snapshot(db.dir.path());
    for args in [
        vec!["--lang", "en", "queue"],
        vec![
            "--lang",
            "en",
            "voicemail",
            "add",
            "--phone",
            "+47 412 77 001",
        ],
        vec!["--lang", "en", "init"],
        vec!["--lang", "en", "demo", "--no-open"],
        vec!["--lang", "en"],
    ] {
        db.cmd()
            .env("VAKT_DB", &folder)
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("is a folder, not a database"));
    }
    assert_eq!(mode(&folder), 0o755);
    assert_eq!(snapshot(db.dir.path()), before, "nothing was touched");
    // A link to the folder is the folder.
    let link = db.dir.path().join("link.db");
    std::os::unix::fs::symlink(&folder, &link).unwrap();
    db.cmd()
        .env("VAKT_DB", &link)
        .args(["--lang", "nb", "queue"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("er en mappe, ikke en database"));
    assert_eq!(mode(&folder), 0o755);
}

#[test]
fn a_device_or_a_dangling_link_is_refused() {
    let db = TestDb::absent();
    let null_mode = mode(Path::new("/dev/null"));
    db.cmd()
        .env("VAKT_DB", "/dev/null")
        .args(["--lang", "en", "queue"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a device"));
    assert_eq!(mode(Path::new("/dev/null")), null_mode);
    let link = db.dir.path().join("dangling.db");
    std::os::unix::fs::symlink(db.dir.path().join("nowhere/x.db"), &link).unwrap();
    db.cmd()
        .env("VAKT_DB", &link)
        .args(["--lang", "en", "init"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("symbolic link that leads nowhere"));
    assert!(!db.dir.path().join("nowhere").exists());
}

#[test]
fn permission_fixing_touches_only_vakts_own_files() {
    let db = TestDb::new();
    let backups = db.dir.path().join("backups");
    std::fs::create_dir_all(backups.join("sub")).unwrap();
    chmod(&backups.join("sub"), 0o755);
    std::fs::write(backups.join("notes.txt"), "not vakt's").unwrap();
    chmod(&backups.join("notes.txt"), 0o644);
    std::fs::copy(&db.path, backups.join("vakt-2026-11-20.db")).unwrap();
    chmod(&backups.join("vakt-2026-11-20.db"), 0o644);
    chmod(&backups, 0o755);
    chmod(&db.path, 0o644);
    db.cmd()
        .args(["--lang", "en", "queue"])
        .assert()
        .success()
        .stderr(predicate::str::contains("vakt-2026-11-20.db"));
    assert_eq!(mode(&db.path), 0o600);
    assert_eq!(mode(&backups), 0o700);
    assert_eq!(mode(&backups.join("vakt-2026-11-20.db")), 0o600);
    assert_eq!(
        mode(&backups.join("sub")),
        0o755,
        "a sub-folder is not vakt's"
    );
    assert_eq!(mode(&backups.join("notes.txt")), 0o644, "nor another file");
}

// ---- 5: another program's SQLite file is refused, byte for byte ----

fn foreign_file(path: &Path, user_version: i64, application_id: i64) {
    let c = Connection::open(path).unwrap();
    c.execute_batch(&format!(
        "CREATE TABLE moz_places(id INTEGER PRIMARY KEY, url TEXT);
         INSERT INTO moz_places(url) VALUES ('https://example.invalid/');
         PRAGMA user_version = {user_version};
         PRAGMA application_id = {application_id};"
    ))
    .unwrap();
}

#[test]
fn another_programs_sqlite_file_is_refused_untouched() {
    for (version, app_id) in [(0, 0), (-5, 0), (3, 0), (1, 0x4d504244)] {
        let db = TestDb::absent();
        foreign_file(&db.path, version, app_id);
        chmod(&db.path, 0o644);
        let before = snapshot(db.dir.path());
        for args in [
            add_args("+47 412 77 002"),
            vec!["--lang".into(), "en".into(), "queue".into()],
            vec!["--lang".into(), "en".into(), "init".into()],
            vec![
                "--lang".into(),
                "en".into(),
                "demo".into(),
                "--no-open".into(),
            ],
            vec!["--lang".into(), "en".into()],
        ] {
            db.cmd()
                .args(&args)
                .assert()
                .code(2)
                .stderr(predicate::str::contains("from another program"))
                .stderr(predicate::str::contains(db.path.to_str().unwrap()));
        }
        assert_eq!(
            snapshot(db.dir.path()),
            before,
            "user_version {version}: byte-identical, same mode, no -wal"
        );
    }
}

#[test]
fn an_older_vakt_file_without_the_mark_opens_and_gets_it() {
    let db = TestDb::new();
    db.output(
        &add_args("+47 412 77 003")
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    // A file from before the mark: vakt's tables, a schema version, no id.
    Connection::open(&db.path)
        .unwrap()
        .execute_batch("PRAGMA application_id = 0;")
        .unwrap();
    let q = db.output(&["queue", "--json"]);
    let q: serde_json::Value = serde_json::from_slice(&q).unwrap();
    assert_eq!(q.as_array().unwrap().len(), 1);
    let id: i32 = Connection::open(&db.path)
        .unwrap()
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(id, vakt::store::APPLICATION_ID);
}

#[test]
fn a_new_database_carries_the_mark_in_its_header() {
    let db = TestDb::absent();
    db.cmd().arg("init").assert().success();
    let head = std::fs::read(&db.path).unwrap();
    assert_eq!(&head[..16], b"SQLite format 3\0");
    assert_eq!(
        i32::from_be_bytes([head[68], head[69], head[70], head[71]]),
        vakt::store::APPLICATION_ID
    );
}

// ---- 6: a reader never waits for a writer ----

#[test]
fn reading_while_another_terminal_holds_a_write_does_not_wait() {
    let db = TestDb::new();
    db.output(
        &add_args("+47 412 77 004")
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    // Another terminal in the middle of a write transaction.
    let writer = Connection::open(&db.path).unwrap();
    writer
        .execute_batch(
            "BEGIN IMMEDIATE;
             INSERT INTO closed_dates(date, reason) VALUES ('2031-01-02', 'x');",
        )
        .unwrap();
    // (`queue --json` and `handover --format json` are exports, and an
    // export is written to the audit log: those are writes and wait.)
    db.cmd()
        .args(["--lang", "en", "queue"])
        .assert()
        .success()
        .stdout(predicate::str::contains("•04"));
    db.cmd()
        .args(["--lang", "en", "handover"])
        .assert()
        .success()
        .stdout(predicate::str::contains("•04"));
    db.output(&["stats"]);
    // The app starts and shows the queue.
    let mut pty = common::pty::Pty::start(&db.path, db.dir.path(), &["--lang", "en"], 30, 120);
    pty.wait_for(&["Emergency: 112", "1 open"]);
    pty.send(common::pty::ESC);
    writer.execute_batch("COMMIT;").unwrap();
}

// ---- 7: no command creates a database by accident ----

#[test]
fn a_mistyped_db_path_creates_nothing_and_says_so() {
    let db = TestDb::absent();
    let wrong = db.dir.path().join("nonexistent/dir/x.db");
    for args in [
        vec!["--lang", "en", "queue"],
        vec!["--lang", "en", "queue", "--json"],
        vec![
            "--lang",
            "en",
            "voicemail",
            "add",
            "--phone",
            "+47 412 77 005",
        ],
        vec!["--lang", "en", "handover"],
        vec!["--lang", "en", "purge"],
        vec!["--lang", "en", "backup"],
        // The app without a terminal to ask in.
        vec!["--lang", "en"],
    ] {
        db.cmd()
            .env("VAKT_DB", &wrong)
            .args(&args)
            .assert()
            .code(2)
            .stdout(predicate::str::is_empty())
            .stderr(predicate::str::contains("There is no vakt database at"))
            .stderr(predicate::str::contains("vakt init"));
    }
    assert!(!db.dir.path().join("nonexistent").exists());
    // An empty file is no database either, and is left as it is.
    std::fs::write(&db.path, b"").unwrap();
    db.cmd()
        .args(["--lang", "nb", "queue"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "Det finnes ingen vakt-database på",
        ));
    assert_eq!(std::fs::read(&db.path).unwrap(), b"");
    assert!(!Path::new(&format!("{}-wal", db.path.display())).exists());
}

#[test]
fn init_creates_a_private_database_once() {
    let db = TestDb::absent();
    let path = db.dir.path().join("new/deeper/vakt.db");
    db.cmd()
        .env("VAKT_DB", &path)
        .args(["--lang", "en", "init"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Created a new vakt database"));
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(path.parent().unwrap()), 0o700);
    db.cmd()
        .env("VAKT_DB", &path)
        .args(["--lang", "en", "queue"])
        .assert()
        .success();
    db.cmd()
        .env("VAKT_DB", &path)
        .args(["--lang", "en", "init"])
        .assert()
        .success()
        .stdout(predicate::str::contains("is already a vakt database"));
    // --db wins over VAKT_DB.
    let other = db.dir.path().join("other.db");
    db.cmd()
        .env("VAKT_DB", &path)
        .args(["--db", other.to_str().unwrap(), "init"])
        .assert()
        .success();
    assert!(other.exists());
}

#[test]
fn the_app_asks_before_creating_a_database_at_a_given_path() {
    use common::pty::{ENTER, Pty};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("asked/vakt.db");
    let mut pty = Pty::start_as_is(&db, dir.path(), &["--lang", "en", "--as", "KH"], 30, 120);
    pty.wait_for(&[
        "There is no vakt database at",
        "Create a new, empty database there?",
    ]);
    pty.send(b"n");
    pty.send(ENTER);
    assert!(!pty.wait_exit(), "no means no database and a failure");
    assert!(!dir.path().join("asked").exists());
    let mut pty = Pty::start_as_is(&db, dir.path(), &["--lang", "nb", "--as", "KH"], 30, 120);
    pty.wait_for(&["Lage en ny, tom database der? (j/N)"]);
    pty.send(b"j");
    pty.send(ENTER);
    pty.wait_for(&["Tilbakeringinger", "Nød: 112"]);
    pty.send(b"q");
    assert!(pty.wait_exit());
    assert_eq!(mode(&db), 0o600);
}

#[test]
fn the_apps_first_start_on_the_default_path_creates_it() {
    use common::pty::Pty;
    let home = tempfile::tempdir().unwrap();
    let mut cmd = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_vakt"));
    cmd.env_clear();
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", home.path());
    cmd.env("XDG_CONFIG_HOME", home.path().join("config"));
    cmd.env("XDG_DATA_HOME", home.path().join("data"));
    cmd.args(["--lang", "en", "--as", "KH"]);
    let mut pty = Pty::spawn(cmd, 30, 120);
    pty.wait_for(&["Callbacks", "Emergency: 112", "Welcome to vakt"]);
    pty.send(b"\r");
    pty.send(b"q");
    assert!(pty.wait_exit());
    let db = home.path().join("data/vakt/vakt.db");
    assert_eq!(mode(&db), 0o600);
}

// ---- 9: messages that say what is true and what to do ----

#[test]
fn a_garbage_header_points_to_the_newest_good_backup() {
    let db = TestDb::new();
    db.output(
        &add_args("+47 412 77 006")
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    db.output(&["backup"]);
    let backups: Vec<_> = std::fs::read_dir(db.dir.path().join("backups"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(backups.len(), 1);
    let mut bytes = std::fs::read(&db.path).unwrap();
    bytes[..16].copy_from_slice(b"garbage garbage!");
    std::fs::write(&db.path, &bytes).unwrap();
    db.cmd()
        .args(["--lang", "en", "queue"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "does not start like an SQLite file",
        ))
        .stderr(predicate::str::contains(format!(
            "vakt restore {}",
            backups[0].display()
        )))
        .stderr(predicate::str::contains("encrypted").not());
    assert_eq!(std::fs::read(&db.path).unwrap(), bytes, "not changed");
}

#[cfg(not(feature = "encryption"))]
#[test]
fn random_bytes_without_encryption_do_not_ask_for_a_passphrase() {
    let db = TestDb::absent();
    let mut x: u64 = 0x9E3779B97F4A7C15;
    let bytes: Vec<u8> = (0..16384)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    std::fs::write(&db.path, &bytes).unwrap();
    for (lang, built) in [
        ("en", "built without encryption"),
        ("nb", "bygd uten kryptering"),
    ] {
        db.cmd()
            .args(["--lang", lang, "queue"])
            .assert()
            .failure()
            .stderr(predicate::str::contains(built))
            .stderr(predicate::str::contains("passphrase").not())
            .stderr(predicate::str::contains("passord").not());
    }
    assert_eq!(std::fs::read(&db.path).unwrap(), bytes);
}

// ---- 8 and 9: a full disk, a read-only mount, a read-only spell ----

/// A small tmpfs mounted for one test (needs root); unmounted on drop.
struct Mount {
    dir: tempfile::TempDir,
}

impl Mount {
    fn new(size: &str) -> Option<Mount> {
        let dir = tempfile::tempdir().unwrap();
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size},mode=0700")])
            .arg("tmpfs")
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("skipped: cannot mount a tmpfs here (this test needs root)");
            return None;
        }
        Some(Mount { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn remount(&self, how: &str) {
        let ok = std::process::Command::new("mount")
            .args(["-o", &format!("remount,{how}")])
            .arg(self.path())
            .status()
            .unwrap()
            .success();
        assert!(ok, "remount {how}");
    }

    /// Fills the file system up to the last byte.
    fn fill(&self) -> std::path::PathBuf {
        use std::io::Write;
        let filler = self.path().join("filler");
        let mut f = std::fs::File::create(&filler).unwrap();
        let block = vec![0u8; 4096];
        while f.write_all(&block).and_then(|_| f.flush()).is_ok() {}
        while f.write_all(&[0u8]).is_ok() {}
        filler
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

fn side_files(db: &Path) -> Vec<bool> {
    ["-wal", "-shm"]
        .iter()
        .map(|s| Path::new(&format!("{}{s}", db.display())).exists())
        .collect()
}

/// Uses a real full file system (tmpfs), not SQLite's max_page_count: the
/// fault is SQLite failing to make its -shm file, which a page limit does
/// not reproduce.
#[test]
fn a_full_disk_still_reads_and_a_write_says_the_disk_is_full() {
    let Some(mnt) = Mount::new("2m") else {
        return;
    };
    let home = TestDb::absent();
    let db = mnt.path().join("vakt.db");
    drop(vakt::store::Store::create(&db).unwrap());
    let cmd = || {
        let mut c = common::vakt_cmd(&db, home.dir.path());
        c.args(["--lang", "en"]);
        c
    };
    cmd()
        .args(["voicemail", "add", "--phone", "+47 412 77 007"])
        .assert()
        .success();
    assert_eq!(side_files(&db), [false, false], "closed cleanly");
    let filler = mnt.fill();
    cmd()
        .arg("queue")
        .assert()
        .success()
        .stdout(predicate::str::contains("•07"));
    cmd()
        .args(["voicemail", "add", "--phone", "+47 412 77 008"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "The disk is full — nothing was saved, your text is still here",
        ));
    assert_eq!(side_files(&db), [false, false], "no empty -wal left behind");
    // The app shows the queue, read-only, and says why.
    let mut pty = common::pty::Pty::start(&db, home.dir.path(), &["--lang", "en"], 30, 120);
    pty.wait_for(&["1 open", "The disk is full: vakt shows what is saved"]);
    pty.send(common::pty::ESC);
    drop(pty);
    // Space again: saving works.
    std::fs::remove_file(filler).unwrap();
    cmd()
        .args(["voicemail", "add", "--phone", "+47 412 77 008"])
        .assert()
        .success();
    cmd()
        .arg("queue")
        .assert()
        .success()
        .stdout(predicate::str::contains("•08"));
}

#[test]
fn a_read_only_mount_reads_and_says_it_is_read_only() {
    let Some(mnt) = Mount::new("4m") else {
        return;
    };
    let home = TestDb::absent();
    let db = mnt.path().join("vakt.db");
    drop(vakt::store::Store::create(&db).unwrap());
    let cmd = |lang: &str| {
        let mut c = common::vakt_cmd(&db, home.dir.path());
        c.args(["--lang", lang]);
        c
    };
    cmd("en")
        .args(["voicemail", "add", "--phone", "+47 412 77 009"])
        .assert()
        .success();
    mnt.remount("ro");
    cmd("en")
        .arg("queue")
        .assert()
        .success()
        .stdout(predicate::str::contains("•09"));
    for (lang, says) in [
        ("en", "is on a file system mounted read-only"),
        (
            "nb",
            "ligger på et filsystem som er montert skrivebeskyttet",
        ),
    ] {
        cmd(lang)
            .args(["voicemail", "add", "--phone", "+47 412 77 010"])
            .assert()
            .failure()
            .stderr(predicate::str::contains(says))
            .stderr(predicate::str::contains("does not exist").not())
            .stderr(predicate::str::contains("finnes ikke").not());
    }
    mnt.remount("rw");
}

/// The binary run as the unprivileged user `nobody` (root ignores file
/// modes, so a read-only spell only shows as another user).
fn as_nobody(db: &TestDb) -> Option<assert_cmd::Command> {
    use std::os::unix::process::CommandExt;
    const NOBODY: u32 = 65534;
    for e in walk(db.dir.path()) {
        std::os::unix::fs::lchown(&e, Some(NOBODY), Some(NOBODY)).ok()?;
    }
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_vakt"));
    c.uid(NOBODY).gid(NOBODY);
    c.env_clear()
        .env("HOME", db.dir.path())
        .env("XDG_CONFIG_HOME", db.dir.path().join("config"))
        .env("XDG_DATA_HOME", db.dir.path().join("data"))
        .env("VAKT_DB", &db.path)
        .env("VAKT_AS", "TEST")
        .args(["--lang", "en"]);
    Some(assert_cmd::Command::from_std(c))
}

#[test]
fn after_a_read_only_spell_the_database_is_writable_again() {
    let db = TestDb::new();
    if as_nobody(&db).is_none() {
        eprintln!("skipped: cannot hand the files to another user (this test needs root)");
        return;
    }
    let run = |args: &[&str]| as_nobody(&db).unwrap().args(args).assert();
    run(&["voicemail", "add", "--phone", "+47 412 77 011"]).success();
    // A read-only spell: the person may read; nothing can be saved.
    chmod(&db.path, 0o400);
    run(&["queue"]);
    run(&["voicemail", "add", "--phone", "+47 412 77 012"])
        .failure()
        .stderr(predicate::str::contains("read-only"));
    // Write access is back: so is saving, on this run and the next.
    chmod(&db.path, 0o600);
    run(&["voicemail", "add", "--phone", "+47 412 77 012"]).success();
    run(&["voicemail", "add", "--phone", "+47 412 77 013"]).success();
    run(&["queue"])
        .success()
        .stdout(predicate::str::contains("•13"));
}
