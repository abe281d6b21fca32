//! End to end: the real binary in a pseudo-terminal.

mod common;

use common::pty::{Pty, TAB};

#[test]
fn starts_shows_three_panes_and_quits_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pty.db");
    let mut pty = Pty::start(&db, dir.path(), &["--lang", "nb", "--as", "PT"], 30, 120);
    // The other tabs show their key, and their name when the status
    // leaves room (it runs on the real clock: closed hours are longer).
    pty.wait_for(&[
        "▶1 Tilbakeringinger",
        "│ 2",
        "│ 3",
        "│ 4",
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
