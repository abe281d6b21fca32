//! The editing keys people expect in a terminal work in every text field
//! (one-line and multi-line), on multi-byte text, and `?` lists them.

mod common;

use common::{TestDb, monday_morning};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::i18n::Lang;
use vakt::tui::{App, render_text};

fn press(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    app.on_key(KeyEvent::new(code, mods));
}

fn key(app: &mut App, code: KeyCode) {
    press(app, code, KeyModifiers::NONE);
}

fn ctrl(app: &mut App, c: char) {
    press(app, KeyCode::Char(c), KeyModifiers::CONTROL);
}

fn alt(app: &mut App, code: KeyCode) {
    press(app, code, KeyModifiers::ALT);
}

fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn who(app: &App) -> String {
    app.who_text().expect("who is on duty is open")
}

#[test]
fn line_keys_in_a_one_line_field() {
    let db = TestDb::new();
    let mut app = db.app(Lang::En, monday_morning());
    app.resize(120, 30);
    app.ask_who(None);
    typ(&mut app, "Kari Nordmann");
    // Ctrl-U deletes to the start of the line, not one character.
    ctrl(&mut app, 'u');
    assert_eq!(who(&app), "");
    typ(&mut app, "Kari Nordmann");
    // Ctrl-W: the word before the cursor.
    ctrl(&mut app, 'w');
    assert_eq!(who(&app), "Kari ");
    typ(&mut app, "N.");
    // Home / Ctrl-A, End / Ctrl-E, Ctrl-K.
    key(&mut app, KeyCode::Home);
    typ(&mut app, "[");
    ctrl(&mut app, 'e');
    typ(&mut app, "]");
    assert_eq!(who(&app), "[Kari N.]");
    ctrl(&mut app, 'a');
    key(&mut app, KeyCode::Delete);
    key(&mut app, KeyCode::End);
    key(&mut app, KeyCode::Backspace);
    assert_eq!(who(&app), "Kari N.");
    // By word: Alt-← / Alt-b back, Alt-→ / Alt-f forward, Ctrl-← / Ctrl-→.
    alt(&mut app, KeyCode::Left);
    ctrl(&mut app, 'k');
    assert_eq!(who(&app), "Kari ");
    typ(&mut app, "Ola N.");
    alt(&mut app, KeyCode::Char('b'));
    alt(&mut app, KeyCode::Char('b'));
    alt(&mut app, KeyCode::Char('f'));
    typ(&mut app, "-Kari");
    assert_eq!(who(&app), "Kari Ola-Kari N.");
    press(&mut app, KeyCode::Left, KeyModifiers::CONTROL);
    press(&mut app, KeyCode::Right, KeyModifiers::CONTROL);
    alt(&mut app, KeyCode::Right);
    ctrl(&mut app, 'u');
    assert_eq!(who(&app), "");
    let s = render_text(&app, 120, 30);
    assert!(!s.contains("Kari"), "{s}");
}

#[test]
fn multi_byte_text_is_edited_by_what_you_see() {
    let db = TestDb::new();
    let mut app = db.app(Lang::En, monday_morning());
    app.ask_who(None);
    // An accent typed after its letter, and an emoji with a skin tone,
    // are one character on screen each.
    app.on_paste("Åse Bjørnå ");
    typ(&mut app, "e\u{301}👍🏽");
    key(&mut app, KeyCode::Backspace);
    assert_eq!(who(&app), "Åse Bjørnå e\u{301}");
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Delete);
    assert_eq!(who(&app), "Åse Bjørnå ");
    alt(&mut app, KeyCode::Backspace);
    assert_eq!(who(&app), "Åse ");
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Left);
    ctrl(&mut app, 'k');
    assert_eq!(who(&app), "Ås");
    ctrl(&mut app, 'u');
    assert_eq!(who(&app), "");
}

#[test]
fn line_keys_and_undo_in_a_note() {
    let db = TestDb::new();
    let mut app = db.app(Lang::En, monday_morning());
    app.set_on_duty("KH", false);
    app.resize(120, 30);
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('n'));
    typ(&mut app, "Første linje");
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "andre linje her");
    ctrl(&mut app, 'w');
    let s = render_text(&app, 120, 30);
    assert!(s.contains("andre linje") && !s.contains("linje her"), "{s}");
    // Ctrl-U: this line only.
    ctrl(&mut app, 'u');
    let s = render_text(&app, 120, 30);
    assert!(s.contains("Første linje") && !s.contains("andre"), "{s}");
    // Ctrl-Z brings it back.
    ctrl(&mut app, 'z');
    let s = render_text(&app, 120, 30);
    assert!(s.contains("andre linje"), "{s}");
}

#[test]
fn help_lists_the_editing_keys() {
    for (lang, title, keys) in [
        (
            Lang::En,
            "In a field",
            ["Delete to the start of the line", "Back one word", "Undo"],
        ),
        (
            Lang::Nb,
            "I et felt",
            ["Slett til starten av linjen", "Ett ord tilbake", "Angre"],
        ),
    ] {
        let db = TestDb::new();
        let mut app = db.app(lang, monday_morning());
        app.resize(120, 80);
        key(&mut app, KeyCode::Char('?'));
        let s = render_text(&app, 120, 80);
        assert!(s.contains(title), "{s}");
        assert!(s.contains("Ctrl-U"), "{s}");
        assert!(s.contains("Alt-← / Alt-b / Ctrl-←"), "{s}");
        for k in keys {
            assert!(s.contains(k), "{k}: {s}");
        }
    }
}
