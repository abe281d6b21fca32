//! Overlays sit on one stack: only the top one is drawn and takes keys.

mod common;

use common::{TestDb, monday_morning};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::i18n::Lang;
use vakt::tui::popup::PopupKind;
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
    app.open(None);
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
    // The hours are changed under the name just given.
    key(&mut app, KeyCode::Char('e'));
    key(&mut app, KeyCode::Enter);
    assert!(render_text(&app, 120, 30).contains("The opening hours are saved ✓"));
    assert_eq!(hours_changed_by(&db), ["eK"]);
    key(&mut app, KeyCode::Enter);
    let s = render_text(&app, 120, 30);
    assert!(!s.contains("Welcome to vakt"), "{s}");
    assert!(s.contains("No open callbacks"), "{s}");
}

/// Who the audit says changed the opening hours.
fn hours_changed_by(db: &TestDb) -> Vec<String> {
    let c = rusqlite::Connection::open(&db.path).unwrap();
    c.prepare("SELECT DISTINCT actor FROM audit WHERE action = 'set_hours'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// With `--as` nothing is asked: the welcome is the one overlay, its keys
/// are its own, and the hours are changed under the name given.
#[test]
fn first_start_with_a_name_given_shows_only_the_welcome() {
    let db = TestDb::new();
    let mut app = db.app(Lang::En, monday_morning());
    app.resize(120, 30);
    app.open(Some("KH"));
    let s = render_text(&app, 120, 30);
    assert!(s.contains("Welcome to vakt"), "{s}");
    assert!(!s.contains("Who is on duty?"), "{s}");
    assert!(s.contains("On duty: KH"), "{s}");
    key(&mut app, KeyCode::Char('e'));
    let s = render_text(&app, 120, 30);
    assert!(s.contains("Opening hours"), "{s}");
    key(&mut app, KeyCode::Enter);
    assert_eq!(hours_changed_by(&db), ["KH"]);
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
    assert!(s.contains("Back one character"), "{s}");
    assert!(s.contains("Ctrl-U"), "{s}");
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

/// On a shared machine the next volunteer is not offered the last one's
/// name as their own: the field starts empty, Enter on it starts no shift,
/// and the names recently on duty are there to pick with the arrows.
#[test]
fn who_is_on_duty_offers_recent_names_and_prefills_none() {
    let db = TestDb::new();
    let mut store = db.store();
    let t = monday_morning();
    for (i, name) in ["AB", "KH", "AB", "Ørjan Å."].into_iter().enumerate() {
        store
            .start_shift(name, t - chrono::Duration::hours(10 - i as i64))
            .unwrap();
        store
            .end_shift(name, t - chrono::Duration::hours(9 - i as i64))
            .unwrap();
    }
    let mut app = db.app(Lang::En, t);
    app.resize(120, 30);
    app.notify(vec!["A start-up notice.".into()]);
    app.ask_who(None);
    assert_eq!(app.who_text().as_deref(), Some(""));
    // Typing a name does not take away what start-up had to say.
    key(&mut app, KeyCode::Char('x'));
    app.on_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    let s = render_text(&app, 120, 30);
    assert!(
        s.lines().nth(29).unwrap().contains("A start-up notice."),
        "{s}"
    );
    let s = render_text(&app, 120, 30);
    // Newest first, each once.
    let list = &s[s.find("Recently on duty here:").expect(&s)..];
    let (o, a, k) = (
        list.find("Ørjan Å.").expect(&s),
        list.find("AB").expect(&s),
        list.find("KH").expect(&s),
    );
    assert!(o < a && a < k, "{s}");
    assert_eq!(list.matches("AB").count(), 1, "{s}");
    assert!(s.contains("↑↓ pick a name"), "{s}");
    // Enter on nothing typed starts no shift under anyone's name.
    key(&mut app, KeyCode::Enter);
    assert!(app.has_popup(PopupKind::Who));
    assert_eq!(app.on_duty(), None);
    // Said in the question itself, next to the name.
    let s = render_text(&app, 120, 30);
    let box_line = s.lines().find(|l| l.contains("Write initials")).expect(&s);
    assert!(
        box_line.contains("│✗ Write initials or a short name."),
        "{s}"
    );
    // Typing takes the complaint away; Ctrl-U empties the field again.
    key(&mut app, KeyCode::Char('x'));
    let s = render_text(&app, 120, 30);
    assert!(!s.contains("Write initials"), "{s}");
    app.on_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    assert_eq!(app.who_text().as_deref(), Some(""));
    // Down picks the newest, again the next; up goes back.
    key(&mut app, KeyCode::Down);
    assert_eq!(app.who_text().as_deref(), Some("Ørjan Å."));
    key(&mut app, KeyCode::Down);
    assert_eq!(app.who_text().as_deref(), Some("AB"));
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    assert_eq!(app.who_text().as_deref(), Some("KH"));
    assert!(render_text(&app, 120, 30).contains("▶ KH"));
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Up);
    assert_eq!(app.who_text().as_deref(), Some("Ørjan Å."));
    key(&mut app, KeyCode::Up);
    assert_eq!(app.who_text().as_deref(), Some(""));
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.on_duty(), Some("AB"));
    // F3 later: the current person's own name is prefilled.
    key(&mut app, KeyCode::F(3));
    assert_eq!(app.who_text().as_deref(), Some("AB"));
    // In Norwegian too.
    let mut nb = db.app(Lang::Nb, t);
    nb.ask_who(None);
    let s = render_text(&nb, 120, 30);
    assert!(s.contains("Nylig på vakt her"), "{s}");
}

/// When the names recently on duty cannot be read, the question says so
/// rather than showing no names, and a name can still be typed.
#[test]
fn who_is_on_duty_says_when_recent_names_cannot_be_read() {
    let db = TestDb::new();
    db.store().start_shift("AB", monday_morning()).unwrap();
    db.store()
        .conn()
        .execute_batch("PRAGMA legacy_alter_table = ON; ALTER TABLE shifts RENAME TO shifts_away;")
        .unwrap();
    let mut app = db.app(Lang::En, monday_morning());
    app.ask_who(None);
    let s = render_text(&app, 120, 30);
    let text = s
        .replace(['│', '\n'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("✗ Could not read who was recently on duty:"),
        "{s}"
    );
    assert!(!s.contains("Recently on duty here"), "{s}");
    key(&mut app, KeyCode::Char('K'));
    assert_eq!(app.who_text().as_deref(), Some("K"));
}
