//! The first start on a blank database in a real terminal: one question
//! at a time, and a shared machine never offers the last person's name
//! as this one's.

mod common;

use common::pty::{ENTER, Pty};

/// Who is on duty is asked first, alone; the welcome follows once it is
/// answered. A key typed into the question never reaches the welcome
/// under it.
#[test]
fn first_start_asks_one_thing_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("first.db");
    let mut pty = Pty::start(&db, dir.path(), &["--lang", "en"], 30, 100);
    let s = pty.wait_for(&["Who is on duty?"]);
    assert!(!s.contains("Welcome to vakt"), "{s}");
    pty.send_text("e");
    pty.send_text("K");
    let s = pty.wait_for(&["eK"]);
    assert!(!s.contains("Opening hours"), "{s}");
    assert!(!s.contains("Welcome to vakt"), "{s}");
    pty.send(ENTER);
    let s = pty.wait_for(&["Shift started: eK ✓", "Welcome to vakt"]);
    assert!(!s.contains("Who is on duty?"), "{s}");
    pty.send(ENTER);
    pty.wait_for(&["No open callbacks"]);
    pty.send(b"q");
    assert!(pty.wait_exit());
    drop(pty);

    // The next volunteer on the same machine: nothing prefilled, so
    // Enter starts no shift under eK's name; eK is offered to pick.
    let mut pty = Pty::start(&db, dir.path(), &["--lang", "en"], 30, 100);
    let s = pty.wait_for(&["Who is on duty?", "eK"]);
    assert!(!s.contains("On duty: eK"), "{s}");
    pty.send(ENTER);
    let s = pty.wait_for(&["Write initials or a short name."]);
    assert!(s.contains("On duty: –"), "{s}");
    // The editing keys as a terminal sends them: Alt-b (ESC b), Ctrl-K,
    // Alt-← (CSI 1;3D), Ctrl-U, Ctrl-E.
    pty.send_text("Kari Nord");
    pty.send(b"\x1bb");
    pty.send(b"\x0b");
    pty.send_text("X");
    pty.wait_for(&["Kari X"]);
    pty.send(b"\x1b[1;3D");
    pty.send_text("[");
    pty.wait_for(&["Kari [X"]);
    pty.send(b"\x15");
    pty.send_text("Y");
    pty.wait_for(&["YX"]);
    // Backspace as some terminals send it (^H), and as most do (DEL); the
    // cursor is after the Y.
    pty.send_text("Zz");
    pty.wait_for(&["YZzX"]);
    pty.send(b"\x08");
    pty.wait_for(&["YZX "]);
    pty.send(b"\x7f");
    pty.wait_for(&["YX "]);
    pty.send(b"\x05");
    pty.send(b"\x15");
    pty.send_text("AB");
    pty.send(ENTER);
    pty.wait_for(&["Shift started: AB ✓", "On duty: AB"]);
    pty.send(b"q");
    assert!(pty.wait_exit());
    let conn = rusqlite::Connection::open(&db).unwrap();
    let people: Vec<String> = conn
        .prepare("SELECT person FROM shifts ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(people, ["eK", "AB"]);
}
