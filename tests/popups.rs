//! Overlays sit on one stack: only the top one is drawn and takes keys.

mod common;

use common::{TestDb, monday_morning};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::i18n::Lang;
use vakt::tui::{App, render_text};

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// A first start opens the welcome and asks who is on duty. The question
/// is asked first, alone; the welcome with its opening hours follows.
#[test]
fn first_start_asks_who_then_welcomes_never_both_at_once() {
    let db = TestDb::new();
    let mut app = db.app(Lang::En, monday_morning());
    app.resize(120, 30);
    app.show_welcome_if_new();
    app.ask_who(None);
    let s = render_text(&app, 120, 30);
    assert!(s.contains("Who is on duty?"), "{s}");
    assert!(!s.contains("Welcome to vakt"), "{s}");
    // Keys go to the question on top, not to the welcome under it: 'e'
    // is typed, it does not open the welcome's opening-hours form.
    key(&mut app, KeyCode::Char('e'));
    key(&mut app, KeyCode::Char('K'));
    let s = render_text(&app, 120, 30);
    assert!(!s.contains("Opening hours"), "{s}");
    key(&mut app, KeyCode::Enter);
    let s = render_text(&app, 120, 30);
    assert!(!s.contains("Who is on duty?"), "{s}");
    assert!(s.contains("Welcome to vakt"), "{s}");
    assert!(s.contains("Monday    09:00-15:00"), "{s}");
    assert!(s.contains("On duty: eK"), "{s}");
    // Help goes over the welcome and Esc comes back to it.
    key(&mut app, KeyCode::Char('?'));
    let s = render_text(&app, 120, 30);
    assert!(!s.contains("Welcome to vakt"), "{s}");
    key(&mut app, KeyCode::Esc);
    let s = render_text(&app, 120, 30);
    assert!(s.contains("Welcome to vakt"), "{s}");
    key(&mut app, KeyCode::Enter);
    let s = render_text(&app, 120, 30);
    assert!(!s.contains("Welcome to vakt"), "{s}");
    assert!(s.contains("No open callbacks"), "{s}");
}

/// `?` lists the keys that work inside forms and fields too, from the
/// same tables that handle them.
#[test]
fn help_lists_form_and_field_keys() {
    let db = TestDb::new();
    let mut app = db.app(Lang::En, monday_morning());
    app.resize(120, 80);
    key(&mut app, KeyCode::Char('?'));
    let s = render_text(&app, 120, 80);
    assert!(s.contains("In a field"), "{s}");
    assert!(s.contains("Enter / Ctrl-S"), "{s}");
    assert!(s.contains("Next field"), "{s}");
    assert!(s.contains("Move the cursor"), "{s}");
    assert!(s.contains("Change the choice"), "{s}");
}

/// Esc on typed text asks once more in every form, the welcome's opening
/// hours included.
#[test]
fn every_form_asks_before_discarding_typed_text() {
    let db = TestDb::new();
    let mut app = db.app(Lang::En, monday_morning());
    app.resize(120, 30);
    app.show_welcome_if_new();
    key(&mut app, KeyCode::Char('e'));
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Esc);
    let s = render_text(&app, 120, 30);
    assert!(s.contains("Press Esc once more to discard it"), "{s}");
    assert!(s.contains("Opening hours"), "{s}");
    key(&mut app, KeyCode::Esc);
    let s = render_text(&app, 120, 30);
    assert!(s.contains("Welcome to vakt"), "{s}");
    assert!(s.contains("Monday    09:00-15:00"), "{s}");
}
