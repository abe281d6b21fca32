//! End to end: a whole callback in the real binary, in a pseudo-terminal.

mod common;

use chrono::Utc;
use common::pty::{ENTER, Pty, TAB};
use vakt::calendar::{CalendarSettings, ItemKind};
use vakt::i18n::Lang;
use vakt::timefmt;

#[test]
fn add_voicemail_attempt_and_close_through_the_keyboard() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("q.db");
    let mut pty = Pty::start(&db, dir.path(), &["--lang", "en", "--as", "PT"], 30, 120);
    // A new database starts with the welcome (opening hours, demo, help).
    pty.wait_for(&["Welcome to vakt", "Monday    09:00-15:00"]);
    pty.send(ENTER);
    pty.wait_for(&["Callbacks", "0 open", "No open callbacks."]);
    let cal = CalendarSettings::default();
    let now = Utc::now();
    let due = cal.deadline(ItemKind::Voicemail, now).unwrap().at;
    let expected = timefmt::deadline_words(due, now, cal.tz, Lang::En);

    pty.send(b"n");
    pty.wait_for(&["New item"]);
    pty.send(TAB);
    pty.send_text("22 33 44 55");
    pty.send(TAB);
    pty.send_text("Kari");
    pty.send(ENTER);
    pty.wait_for(&[
        &format!("Saved ✓ Due {expected}"),
        "+47 •• •• •• 55",
        "1 open",
    ]);

    pty.send(ENTER);
    pty.wait_for(&["Attempt – what happened?"]);
    pty.send(ENTER); // no answer, now
    pty.wait_for(&["Attempt saved ✓", "1/3"]);

    pty.send(b"y");
    pty.wait_for(&["The number has been copied."]);
    let raw = String::from_utf8_lossy(&pty.raw.lock().unwrap()).to_string();
    // OSC 52 with base64 of "+4722334455".
    assert!(
        raw.contains("\x1b]52;c;KzQ3MjIzMzQ0NTU="),
        "no OSC 52 copy sequence"
    );

    pty.send(b"c");
    pty.wait_for(&["Close – outcome"]);
    pty.send(ENTER); // reached
    pty.wait_for(&["Closed ✓", "0 open"]);
    pty.send(b"q");
    assert!(pty.wait_exit());

    let conn = rusqlite::Connection::open(&db).unwrap();
    let (status, outcome, attempts, by): (String, String, i64, String) = conn
        .query_row(
            "SELECT status, outcome, attempt_count, created_by FROM callbacks",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(
        (status.as_str(), outcome.as_str(), attempts, by.as_str()),
        ("closed", "reached", 1, "PT")
    );
}
