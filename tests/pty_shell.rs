//! End to end: the real binary in a pseudo-terminal.

mod common;

use common::pty::{Pty, TAB};

#[test]
fn starts_shows_three_panes_and_quits_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pty.db");
    let mut pty = Pty::start(&db, dir.path(), &["--lang", "nb", "--as", "PT"], 30, 120);
    pty.wait_for(&[
        "Tilbakeringinger",
        "Hjelpetilbud",
        "Vaktlogg",
        "Nød: 112",
        "Velkommen til vakt",
    ]);
    pty.send(b"\r");
    pty.send(TAB);
    pty.wait_for(&["▶2 Hjelpetilbud"]);
    pty.send(b"q");
    assert!(pty.wait_exit(), "vakt did not exit with 0");
    // The database was created private to the user.
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&db).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}
