//! End to end: pasting in a real terminal never acts as keystrokes.

mod common;

use std::time::{Duration, Instant};

use common::pty::{ENTER, Pty, TAB};
use common::vakt_cmd;
use portable_pty::CommandBuilder;

const NOT_HERE: &str = "Pasting works only in a text field";

fn wait_gone(pty: &Pty, needle: &str) {
    let start = Instant::now();
    while pty.text().contains(needle) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "still on screen: {needle}"
        );
        std::thread::sleep(Duration::from_millis(40));
    }
}

#[test]
fn a_paste_goes_into_the_field_and_never_runs_a_command() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    vakt_cmd(&db, dir.path())
        .args(["voicemail", "add", "--phone", "22 33 44 55", "--no-message"])
        .assert()
        .success();
    let mut pty = Pty::start(&db, dir.path(), &["--lang", "en", "--as", "PT"], 30, 120);
    pty.wait_for(&["+47 •• •• •• 55", "1 open"]);
    let raw = String::from_utf8_lossy(&pty.raw.lock().unwrap()).to_string();
    assert!(
        raw.contains("\x1b[?2004h"),
        "bracketed paste not switched on"
    );

    // A bracketed paste into the list: h would put the item on hold.
    pty.send(b"\x1b[200~hello\x1b[201~");
    pty.wait_for(&[NOT_HERE]);
    // The same keys from a terminal without bracketed paste, arriving
    // together.
    pty.send(b"\x1b[B"); // Down: any key clears the message
    wait_gone(&pty, NOT_HERE);
    pty.send(b"hello");
    pty.wait_for(&[NOT_HERE, "1 open"]);

    // Into the fields of a new item: CR LF is one line break, which a
    // one-line field turns into a space.
    // A person reads the message before the next key; a key right behind
    // a burst is taken as the rest of it.
    std::thread::sleep(Duration::from_millis(200));
    pty.send(b"n");
    pty.wait_for(&["New item"]);
    pty.send(TAB);
    pty.send(b"\x1b[200~22 33 44 66\x1b[201~");
    pty.send(TAB);
    pty.send(TAB);
    pty.send(b"\x1b[200~Ring\r\nmeg\x1b[201~");
    pty.wait_for(&["Ring meg"]);
    pty.send(ENTER);
    pty.wait_for(&["Saved ✓", "2 open"]);
    pty.send(b"q");
    assert!(pty.wait_exit());
    let raw = String::from_utf8_lossy(&pty.raw.lock().unwrap()).to_string();
    let on = raw.rfind("\x1b[?2004h").unwrap();
    let off = raw
        .rfind("\x1b[?2004l")
        .expect("bracketed paste not switched off");
    assert!(off > on, "bracketed paste left on at exit");

    let conn = rusqlite::Connection::open(&db).unwrap();
    let holds: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit WHERE action IN ('hold', 'release_hold')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(holds, 0, "a paste put an item on hold");
    let rows: Vec<(String, String, i64)> = conn
        .prepare("SELECT phone, summary, on_hold FROM callbacks ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        rows,
        vec![
            ("+4722334455".to_string(), String::new(), 0),
            ("+4722334466".to_string(), "Ring meg".to_string(), 0),
        ]
    );
    let audit: Vec<String> = conn
        .prepare("SELECT action FROM audit ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    // The directory's starter list, the first item, the shift, the second
    // item: nothing else was done.
    assert_eq!(audit, ["seed", "add", "start", "add"]);
}

/// Run by the test below in its own pseudo-terminal: enters the app's
/// terminal mode and panics.
#[test]
fn panic_in_terminal_mode() {
    if std::env::var_os("VAKT_PANIC_CHILD").is_none() {
        return;
    }
    let _term = vakt::tui::terminal::init(vakt::i18n::Lang::En).unwrap();
    panic!("boom");
}

#[test]
fn bracketed_paste_is_switched_off_after_a_panic() {
    let mut cmd = CommandBuilder::new(std::env::current_exe().unwrap());
    cmd.args(["--exact", "panic_in_terminal_mode", "--nocapture"]);
    cmd.env("VAKT_PANIC_CHILD", "1");
    let mut pty = Pty::spawn(cmd, 24, 80);
    assert!(!pty.wait_exit(), "the child should have panicked");
    pty.wait_for(&["vakt stopped unexpectedly"]);
    let raw = String::from_utf8_lossy(&pty.raw.lock().unwrap()).to_string();
    let on = raw
        .find("\x1b[?2004h")
        .expect("bracketed paste not switched on");
    let off = raw
        .rfind("\x1b[?2004l")
        .expect("bracketed paste left on after a panic");
    assert!(off > on);
}
