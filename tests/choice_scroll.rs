//! Every choice list scrolls and shows where the cursor is: the category
//! filter showed 4 of its 13 categories, and past the 4th nothing was
//! marked, so a volunteer picked "Relatives" unseen.

mod common;

use common::{TestDb, monday_morning};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::i18n::Lang;
use vakt::tui::app::Pane;
use vakt::tui::render_text;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn the_category_choice_scrolls_and_shows_where_the_cursor_is() {
    let db = TestDb::new();
    let mut app = db.app(Lang::En, monday_morning());
    app.set_actor("KH");
    app.on_key(key(KeyCode::Char('2')));
    assert_eq!(app.pane(), Pane::Directory);
    app.on_key(key(KeyCode::Char('f')));
    let screen = render_text(&app, 100, 30);
    assert!(screen.contains("● all"), "{screen}");
    assert!(screen.contains("1/13"), "position shown: {screen}");
    // Move to "Relatives" (the 7th of 13) and past it.
    for _ in 0..6 {
        app.on_key(key(KeyCode::Right));
    }
    let screen = render_text(&app, 100, 30);
    assert!(
        screen.contains("● Relatives"),
        "the chosen one is visible: {screen}"
    );
    assert!(screen.contains("7/13"), "{screen}");
    for _ in 0..6 {
        app.on_key(key(KeyCode::Right));
    }
    let screen = render_text(&app, 100, 30);
    assert!(
        screen.contains("● Other"),
        "the last one is visible: {screen}"
    );
    assert!(screen.contains("13/13"), "{screen}");
}
