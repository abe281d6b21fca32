//! "Left a message" for a caller who said do NOT leave one (or never said)
//! asks first, naming the wish; the command line refuses without
//! `--against-wish`.

mod common;

use chrono::Duration;
use common::queue_fixture::add;
use common::{TestDb, monday_morning};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::domain::promise::Safety;
use vakt::i18n::Lang;
use vakt::tui::App;
use vakt::tui::queue::Mode;
use vakt::tui::render_text;

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn seed(db: &TestDb, msg: Option<bool>) {
    let safety = Safety {
        may_leave_message: msg,
        ..Safety::default()
    };
    add(
        db,
        "22 33 44 87",
        monday_morning() - Duration::hours(1),
        "",
        safety,
    );
}

fn attempts(db: &TestDb) -> i64 {
    db.store()
        .conn()
        .query_row("SELECT count(*) FROM attempts", [], |r| r.get(0))
        .unwrap()
}

fn app(db: &TestDb, lang: Lang) -> App {
    let mut app = db.app(lang, monday_morning());
    app.set_actor("KH");
    app.resize(120, 30);
    app
}

/// Opens the attempt form and chooses "left a message" (the fourth result).
fn choose_left_message(app: &mut App) {
    key(app, KeyCode::Enter);
    for _ in 0..3 {
        key(app, KeyCode::Right);
    }
}

#[test]
fn left_message_against_a_no_asks_and_names_the_wish() {
    let db = TestDb::new();
    seed(&db, Some(false));
    let mut app = app(&db, Lang::En);
    key(&mut app, KeyCode::Enter);
    let s = render_text(&app, 120, 30);
    assert!(
        !s.contains("said do NOT leave a message"),
        "no warning before the result is chosen: {s}"
    );
    for _ in 0..3 {
        key(&mut app, KeyCode::Right);
    }
    let s = render_text(&app, 120, 30);
    assert!(s.contains("The caller said do NOT leave a message"), "{s}");
    key(&mut app, KeyCode::Enter);
    assert_eq!(attempts(&db), 0, "not saved without a yes");
    let s = render_text(&app, 120, 30);
    assert!(s.contains("The caller said do NOT leave a message"), "{s}");
    assert!(s.contains("(y/n)"), "{s}");
    // No: back to the form, nothing lost.
    key(&mut app, KeyCode::Char('n'));
    assert!(matches!(app.queue().mode, Mode::Attempt { .. }));
    assert_eq!(attempts(&db), 0);
    // Yes: saved.
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(attempts(&db), 1);
    assert!(matches!(app.queue().mode, Mode::List));
}

#[test]
fn left_message_when_the_wish_is_unknown_asks_too() {
    let db = TestDb::new();
    seed(&db, None);
    let mut app = app(&db, Lang::Nb);
    choose_left_message(&mut app);
    key(&mut app, KeyCode::Enter);
    assert_eq!(attempts(&db), 0);
    let s = render_text(&app, 120, 30);
    assert!(
        s.contains("Innringeren har ikke sagt om det er greit"),
        "{s}"
    );
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(attempts(&db), 1);
}

#[test]
fn left_message_when_allowed_saves_at_once_without_a_hint() {
    let db = TestDb::new();
    seed(&db, Some(true));
    let mut app = app(&db, Lang::En);
    choose_left_message(&mut app);
    let s = render_text(&app, 120, 30);
    assert!(!s.contains("The caller"), "{s}");
    key(&mut app, KeyCode::Enter);
    assert_eq!(attempts(&db), 1);
}

#[test]
fn other_results_never_ask() {
    let db = TestDb::new();
    seed(&db, Some(false));
    let mut app = app(&db, Lang::En);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    assert_eq!(attempts(&db), 1, "no answer is saved at once");
}

#[test]
fn the_command_line_refuses_without_against_wish() {
    let db = TestDb::new();
    seed(&db, Some(false));
    let out = db
        .cmd()
        .args([
            "--lang",
            "en",
            "callback",
            "attempt",
            "1",
            "--result",
            "left-message",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("said do NOT leave a message"), "{err}");
    assert!(err.contains("--against-wish"), "{err}");
    assert_eq!(attempts(&db), 0);
    db.cmd()
        .args([
            "callback",
            "attempt",
            "1",
            "--result",
            "left-message",
            "--against-wish",
        ])
        .assert()
        .success();
    assert_eq!(attempts(&db), 1);
    // Any other result needs no flag.
    db.cmd()
        .args(["callback", "attempt", "1", "--result", "no-answer"])
        .assert()
        .success();
}

#[test]
fn the_command_line_asks_for_the_flag_when_the_wish_is_unknown() {
    let db = TestDb::new();
    seed(&db, None);
    let out = db
        .cmd()
        .args([
            "--lang",
            "nb",
            "callback",
            "attempt",
            "1",
            "--result",
            "left-message",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ikke sagt om det er greit"), "{err}");
    assert_eq!(attempts(&db), 0);
}
