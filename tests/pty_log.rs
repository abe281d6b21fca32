//! End to end: say who is on duty, write a note, end the shift, hand over.

mod common;

use common::pty::{ENTER, Pty, TAB};

#[test]
fn note_end_shift_and_acknowledge_in_a_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("log.db");
    let mut pty = Pty::start(&db, dir.path(), &["--lang", "en"], 34, 120);
    pty.wait_for(&["Who is on duty?"]);
    pty.send_text("KH");
    pty.send(ENTER);
    pty.wait_for(&["Shift started: KH ✓", "On duty: KH", "Welcome to vakt"]);
    pty.send(ENTER);
    pty.send(b"3");
    pty.wait_for(&["No notes yet."]);
    pty.send(b"n");
    pty.wait_for(&["New note"]);
    pty.send_text("Call back after 4 pm");
    pty.send(TAB);
    pty.send(b"o");
    pty.send(b"\x13"); // Ctrl-S
    pty.wait_for(&["Note saved ✓", "[HANDOVER] Call back after 4 pm"]);
    pty.send(b"s");
    pty.wait_for(&["End the shift and show the handover?"]);
    pty.send(b"y");
    pty.wait_for(&[
        "1. Urgent now",
        "4. For handover",
        "Call back after 4 pm",
        "Not acknowledged yet.",
    ]);
    // KH gave it: the one on duty is KH, so it is refused, typed names
    // change nothing.
    pty.send(b"k");
    pty.wait_for(&["Acknowledged by the person on duty"]);
    pty.send_text("AB");
    pty.send(ENTER);
    pty.wait_for(&["KH gave this handover and cannot acknowledge it"]);
    pty.send(b"\x1b");
    pty.wait_for(&["k acknowledge"]);
    pty.send(b"\x1b");
    pty.wait_for(&["h Handover"]);
    pty.send(b"q");
    assert!(pty.wait_exit());
    // No file keeps the name for the next person on this machine.
    assert!(!dir.path().join("data/vakt/on-duty").exists());
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (by, ack): (String, Option<String>) = conn
        .query_row("SELECT given_by, acknowledged_by FROM handovers", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((by.as_str(), ack), ("KH", None));
}
