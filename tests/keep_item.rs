//! "Hold" kept an item from the retention purge but read as "snooze": the
//! action is called what it is (keep from erasing), kept items are marked
//! in the list, and `vakt hold` still works as `vakt keep`.

mod common;

use chrono::Duration;
use common::queue_fixture::add;
use common::{TestDb, monday_morning};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::domain::promise::Safety;
use vakt::i18n::Lang;
use vakt::tui::render_text;

fn seed(db: &TestDb) {
    let at = monday_morning() - Duration::hours(1);
    add(db, "22 33 44 87", at, "Spørsmål om kurs", Safety::default());
}

fn kept(db: &TestDb) -> bool {
    db.store().callback(1).unwrap().unwrap().on_hold
}

#[test]
fn the_key_says_keep_and_the_list_marks_kept_items() {
    for (lang, help, said, detail) in [
        (
            Lang::En,
            "Keep (don't erase) / release",
            "Item 1 is kept",
            "KEPT:",
        ),
        (
            Lang::Nb,
            "Behold (ikke slett) / frigi",
            "Sak 1 beholdes",
            "BEHOLDES:",
        ),
    ] {
        let db = TestDb::new();
        seed(&db);
        let mut app = db.app(lang, monday_morning());
        app.set_actor("KH");
        app.resize(120, 30);
        app.on_key(KeyEvent::new(KeyCode::Char('?'), KeyModifiers::NONE));
        let s = render_text(&app, 120, 30);
        assert!(s.contains(help), "{s}");
        assert!(!s.contains("Hold"), "{s}");
        assert!(!s.contains("på vent"), "{s}");
        app.on_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
        app.on_key(KeyEvent::new(KeyCode::Char('h'), KeyModifiers::NONE));
        assert!(kept(&db));
        let s = render_text(&app, 120, 30);
        assert!(s.contains(said), "{s}");
        assert!(s.contains(detail), "{s}");
        let row = s
            .lines()
            .find(|l| l.contains("Spørsmål om kurs") && l.contains('▶'))
            .expect("the row");
        assert!(row.contains('⚑'), "kept mark in the row: {row}");
    }
}

#[test]
fn keep_on_the_command_line_and_hold_still_works() {
    let db = TestDb::new();
    seed(&db);
    let out = db.output(&["--lang", "en", "keep", "1"]);
    assert!(
        String::from_utf8_lossy(&out).contains("Item 1 is kept"),
        "{}",
        String::from_utf8_lossy(&out)
    );
    assert!(kept(&db));
    db.output(&["keep", "1", "--release"]);
    assert!(!kept(&db));
    db.output(&["hold", "1"]);
    assert!(kept(&db));
    db.output(&["hold", "1", "--release"]);
    assert!(!kept(&db));
}
