//! Output into a pipe that closes early (`vakt queue | head -1`) ends
//! quietly, as Unix tools do: no error message, nothing changed.

mod common;

use std::process::{Command, Stdio};

use common::TestDb;

fn closed_pipe(db: &TestDb, args: &[&str]) -> (std::process::ExitStatus, String) {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin!("vakt"));
    c.env_clear()
        .env("HOME", db.dir.path())
        .env("XDG_CONFIG_HOME", db.dir.path().join("config"))
        .env("XDG_DATA_HOME", db.dir.path().join("data"))
        .env("VAKT_DB", &db.path)
        .env("VAKT_AS", "TEST")
        .env("LANG", "nb_NO.UTF-8")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if cfg!(feature = "encryption") {
        c.env("VAKT_KEY_FILE", db.dir.path().join("test.key"));
    }
    let mut child = c.spawn().unwrap();
    // The reader goes away before vakt has written anything, as `head -1`
    // does after its first line.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    (
        out.status,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let db = TestDb::new();
    for n in ["+47 22 11 22 33", "+47 22 11 22 44"] {
        db.cmd()
            .args(["voicemail", "add", "--phone", n])
            .assert()
            .success();
    }
    for args in [
        &["queue"][..],
        &["queue", "--json"],
        &["directory", "export"],
        &["directory", "search", "hjelp"],
        &["stats"],
        &["man"],
        &["--help"],
        &["--version"],
    ] {
        let (status, stderr) = closed_pipe(&db, args);
        assert_eq!(stderr, "", "{args:?} printed an error into a closed pipe");
        assert!(status.success(), "{args:?}: {status:?}");
    }
}
