//! The settings file through the real binary: every bad value names its
//! line and what the key takes; a file that is not UTF-8 names its line;
//! an unknown key is a warning with its line (and the key it most likely
//! meant), and the defaults stay in force.

mod common;

use common::TestDb;

fn with_config(db: &TestDb, bytes: &[u8]) -> assert_cmd::assert::Assert {
    let path = db.dir.path().join("config.toml");
    std::fs::write(&path, bytes).unwrap();
    db.cmd()
        .args(["--lang", "en", "--config"])
        .arg(&path)
        .args(["queue"])
        .assert()
}

fn stderr(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stderr.clone()).unwrap()
}

#[test]
fn a_theme_that_does_not_exist_is_refused_with_line_and_choices() {
    let db = TestDb::new();
    let a = with_config(&db, b"lang = \"en\"\ntheme = \"neon\"\n").code(2);
    let e = stderr(&a);
    assert!(e.contains("line 2"), "{e}");
    assert!(e.contains("\"mono\", \"color\""), "{e}");
    assert!(!e.contains("neon"), "the value is not echoed: {e}");
}

#[test]
fn a_value_out_of_range_names_its_line_and_range() {
    let db = TestDb::new();
    let a = with_config(&db, b"[privacy]\nclosed_days = 7\nidle_minutes = 5000\n").code(2);
    let e = stderr(&a);
    assert!(e.contains("line 3"), "{e}");
    assert!(e.contains("privacy.idle_minutes"), "{e}");
    assert!(e.contains("from 0 to 1440"), "{e}");
    let a = with_config(&db, b"[callbacks]\n\nmax_attempts = 0\n").code(2);
    let e = stderr(&a);
    assert!(e.contains("line 3") && e.contains("from 1 to 50"), "{e}");
}

#[test]
fn a_file_that_is_not_utf8_names_its_line() {
    let db = TestDb::new();
    let a = with_config(&db, b"lang = \"en\"\n# caf\xe9 notes\n").code(2);
    let e = stderr(&a);
    assert!(e.contains("line 2"), "{e}");
    assert!(e.contains("UTF-8"), "{e}");
    assert!(!e.contains("InvalidData"), "{e}");
}

#[test]
fn an_unknown_key_is_a_warning_and_the_defaults_stay() {
    let db = TestDb::new();
    let a = with_config(&db, b"lang = \"en\"\n[privacy]\nidle_minute = 0\n").success();
    let e = stderr(&a);
    assert!(e.contains("line 3"), "{e}");
    assert!(e.contains("privacy.idle_minute"), "{e}");
    assert!(e.contains("did you mean \"privacy.idle_minutes\""), "{e}");
    // The queue still printed.
    let out = String::from_utf8(a.get_output().stdout.clone()).unwrap();
    assert!(!out.trim().is_empty());
    // In Norwegian too.
    let path = db.dir.path().join("config.toml");
    let a = db
        .cmd()
        .args(["--lang", "nb", "--config"])
        .arg(&path)
        .arg("queue")
        .assert()
        .success();
    assert!(stderr(&a).contains("linje 3"), "{}", stderr(&a));
}

#[test]
fn the_app_says_the_warning_in_its_status_line() {
    use common::pty::Pty;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pty.db");
    let cfg = dir.path().join("c.toml");
    std::fs::write(&cfg, "[privacy]\nidle_minute = 0\n").unwrap();
    let cfg = cfg.to_string_lossy().to_string();
    let mut pty = Pty::start(
        &db,
        dir.path(),
        &["--lang", "en", "--as", "PT", "--config", &cfg],
        30,
        220,
    );
    pty.wait_for(&["line 2: unknown key \"privacy.idle_minute\""]);
    pty.send(b"\r");
    pty.send(b"q");
    assert!(pty.wait_exit(), "vakt did not exit with 0");
}
