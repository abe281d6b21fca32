//! While caller data is hidden (idle or F2), nothing that reads or changes a
//! caller's item acts; the key says what brings the data back, and the
//! footer offers "F2 Show".

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

fn seed(db: &TestDb) {
    let at = monday_morning() - Duration::hours(1);
    add(db, "22 33 44 87", at, "Spørsmål om kurs", Safety::default());
}

fn idle_app(db: &TestDb, lang: Lang) -> App {
    let t = monday_morning();
    let mut app = db.app(lang, t);
    app.set_actor("KH");
    app.resize(120, 30);
    app.tick(t + Duration::minutes(6));
    assert!(app.privacy());
    app
}

fn attempts(db: &TestDb) -> i64 {
    db.store()
        .conn()
        .query_row("SELECT count(*) FROM attempts", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn enter_twice_after_the_idle_hide_saves_no_attempt() {
    let db = TestDb::new();
    seed(&db);
    let mut app = idle_app(&db, Lang::En);
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.queue().mode, Mode::List), "no form opened");
    let s = render_text(&app, 120, 30);
    assert!(s.contains("Caller data is hidden: F2 shows it"), "{s}");
    key(&mut app, KeyCode::Enter);
    assert_eq!(attempts(&db), 0);
    let s = render_text(&app, 120, 30);
    assert!(!s.contains("Attempt saved"), "{s}");
}

#[test]
fn every_key_on_a_callers_item_waits_while_hidden() {
    let db = TestDb::new();
    seed(&db);
    let mut app = idle_app(&db, Lang::Nb);
    for c in ['c', 'e', 'y', 'h', 'p'] {
        let fx = app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        assert!(fx.copy.is_none(), "{c} copied the number");
        assert!(matches!(app.queue().mode, Mode::List), "{c} opened a form");
        let s = render_text(&app, 120, 30);
        assert!(s.contains("Innringerdata er skjult: F2 viser"), "{c}: {s}");
    }
    let item = db.store().callback(1).unwrap().unwrap();
    assert!(!item.on_hold);
}

#[test]
fn a_form_open_when_data_hides_does_not_save() {
    let db = TestDb::new();
    seed(&db);
    let t = monday_morning();
    let mut app = db.app(Lang::En, t);
    app.set_actor("KH");
    app.resize(120, 30);
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.queue().mode, Mode::Attempt { .. }));
    app.tick(t + Duration::minutes(6));
    assert!(app.privacy());
    key(&mut app, KeyCode::Enter);
    assert_eq!(attempts(&db), 0);
    // Shown again, the form is still there and saves.
    key(&mut app, KeyCode::F(2));
    key(&mut app, KeyCode::Enter);
    assert_eq!(attempts(&db), 1);
}

#[test]
fn the_footer_offers_show_while_hidden() {
    let db = TestDb::new();
    seed(&db);
    let mut app = idle_app(&db, Lang::En);
    let s = render_text(&app, 120, 30);
    assert!(s.contains("F2 Show"), "{s}");
    assert!(!s.contains("F2 Hide"), "{s}");
    key(&mut app, KeyCode::F(2));
    let s = render_text(&app, 120, 30);
    assert!(s.contains("F2 Hide"), "{s}");
    let mut app = idle_app(&db, Lang::Nb);
    key(&mut app, KeyCode::Down);
    let s = render_text(&app, 120, 30);
    assert!(s.contains("F2 Vis"), "{s}");
}

#[test]
fn a_referral_waits_while_the_callback_is_hidden() {
    let db = TestDb::new();
    seed(&db);
    let mut app = idle_app(&db, Lang::En);
    key(&mut app, KeyCode::Char('2'));
    assert!(
        app.directory().selected_service().is_some(),
        "seeded directory"
    );
    key(&mut app, KeyCode::Char('r'));
    let n: i64 = db
        .store()
        .conn()
        .query_row("SELECT count(*) FROM referrals", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
    let s = render_text(&app, 120, 30);
    assert!(s.contains("Caller data is hidden: F2 shows it"), "{s}");
}

#[test]
fn a_question_open_when_data_hides_is_not_answered() {
    let db = TestDb::new();
    seed(&db);
    let mut app = db.app(Lang::En, monday_morning());
    app.set_actor("KH");
    app.resize(120, 30);
    // "Left a message" for a caller who never said yes: vakt asks.
    key(&mut app, KeyCode::Enter);
    for _ in 0..3 {
        key(&mut app, KeyCode::Right);
    }
    key(&mut app, KeyCode::Enter);
    assert!(render_text(&app, 120, 30).contains("(y/n)"));
    key(&mut app, KeyCode::F(2));
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(attempts(&db), 0);
    assert!(render_text(&app, 120, 30).contains("Caller data is hidden: F2 shows it"));
    key(&mut app, KeyCode::F(2));
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(attempts(&db), 1);
}
