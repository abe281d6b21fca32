//! Undo says what it took back, without caller data.

mod common;

use common::TestDb;
use common::queue_fixture::*;
use ratatui::crossterm::event::KeyCode;
use vakt::i18n::Lang;
use vakt::tui::render_text;

#[test]
fn undo_says_what_was_undone() {
    for (lang, attempt, close) in [
        (
            Lang::Nb,
            "Angret: forsøk på sak #{id} ✓",
            "Angret: lukking av sak #{id} ✓",
        ),
        (
            Lang::En,
            "Undone: attempt on item #{id} ✓",
            "Undone: closing of item #{id} ✓",
        ),
    ] {
        let db = TestDb::new();
        let id = careful_item(&db);
        let mut app = app_at(&db, lang, 120, 30);
        key(&mut app, KeyCode::Enter);
        key(&mut app, KeyCode::Enter); // no answer, now
        key(&mut app, KeyCode::Char('u'));
        let s = render_text(&app, 120, 30);
        let want = attempt.replace("{id}", &id.to_string());
        assert!(footer(&s).contains(&want), "{lang:?}: {}", footer(&s));
        // No caller data in the message.
        assert!(!footer(&s).contains("512"), "{}", footer(&s));
        key(&mut app, KeyCode::Char('c'));
        key(&mut app, KeyCode::Right);
        key(&mut app, KeyCode::Right);
        key(&mut app, KeyCode::Right);
        key(&mut app, KeyCode::Enter);
        key(&mut app, KeyCode::Char('u'));
        let s = render_text(&app, 120, 30);
        let want = close.replace("{id}", &id.to_string());
        assert!(footer(&s).contains(&want), "{lang:?}: {}", footer(&s));
        assert!(db.store().callback(id).unwrap().unwrap().open);
    }
}
