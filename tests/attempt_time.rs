//! An attempt cannot be dated before the message it answers: a typo in the
//! date must not turn an overdue item into a kept promise. Through the
//! binary (exit 2, nothing saved) and through the app (the time field says
//! what is wrong, the text stays).

mod common;

use chrono::Duration;
use common::queue_fixture::{store_voicemail_by, voicemail};
use common::{TestDb, monday_morning};
use predicates::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::i18n::Lang;
use vakt::tui::render_text;

fn stats_share(db: &TestDb) -> String {
    String::from_utf8(db.output(&["--lang", "en", "stats"])).unwrap()
}

#[test]
fn the_command_line_refuses_an_attempt_before_the_message() {
    let db = TestDb::new();
    db.cmd()
        .args(["voicemail", "add", "--phone", "22 33 44 55"])
        .args(["--received", "2026-12-02 10:00", "--old"])
        .assert()
        .success();
    let before = stats_share(&db);
    let queue_before = db.output(&["--lang", "en", "queue"]);
    db.cmd()
        .args([
            "--lang",
            "en",
            "callback",
            "attempt",
            "1",
            "--result",
            "no-answer",
        ])
        .args(["--at", "2026-12-01 10:00"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("before"))
        .stderr(predicate::str::contains("22 33").not());
    db.cmd()
        .args([
            "--lang",
            "nb",
            "callback",
            "attempt",
            "1",
            "--result",
            "no-answer",
        ])
        .args(["--at", "2026-12-01 10:00"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("før"));
    assert_eq!(db.output(&["--lang", "en", "queue"]), queue_before);
    assert_eq!(stats_share(&db), before);
    // The same day, after it came in, is fine; and an old item's attempt
    // needs no --old (the receipt bounds it).
    db.cmd()
        .args([
            "--lang",
            "en",
            "callback",
            "attempt",
            "1",
            "--result",
            "no-answer",
        ])
        .args(["--at", "2026-12-02 11:00"])
        .assert()
        .success();
}

#[test]
fn the_app_marks_the_time_field_and_keeps_the_form() {
    let db = TestDb::new();
    let now = monday_morning();
    let v = voicemail("+47 22 33 44 55", now - Duration::hours(1));
    store_voicemail_by(&mut db.store(), &v, "KH", now);
    let mut app = db.app(Lang::En, now);
    app.set_on_duty("KH", false);
    app.resize(120, 36);
    let key = |app: &mut vakt::tui::App, c: KeyCode| {
        app.on_key(KeyEvent::new(c, KeyModifiers::NONE));
    };
    key(&mut app, KeyCode::Enter);
    // The result, then the time: yesterday.
    key(&mut app, KeyCode::Tab);
    for c in "yesterday 10:00".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Enter);
    let s = render_text(&app, 120, 36);
    assert!(s.contains("before"), "{s}");
    assert!(!s.contains("Attempt saved"), "{s}");
    assert_eq!(db.store().attempts(1).unwrap().len(), 0);
}
