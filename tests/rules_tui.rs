//! The app keeps the same rules as the command line: the name on duty and
//! a complaint's summary, checked by the domain layer. Driven by keys, read
//! from the rendered screen. All data synthetic.

mod common;

use common::{TestDb, monday_morning};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::calendar::CalendarSettings;
use vakt::i18n::Lang;
use vakt::store::callbacks::NewComplaint;
use vakt::tui::App;
use vakt::tui::popup::PopupKind;
use vakt::tui::render_text;

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn screen(app: &App) -> String {
    render_text(app, 120, 30)
}

#[test]
fn the_name_on_duty_follows_the_name_rule() {
    let db = TestDb::new();
    let mut a = db.app(Lang::En, monday_morning());
    a.resize(120, 30);
    for bad in ["a/b", "<KH>", "ola_n", "..."] {
        a.ask_who(None);
        typ(&mut a, bad);
        key(&mut a, KeyCode::Enter);
        assert!(a.has_popup(PopupKind::Who), "{bad} was accepted");
        assert_eq!(a.on_duty(), None);
        let s = screen(&a);
        // Said in the question, wrapped to its width: read as one text.
        let text = s
            .replace(['│', '\n'], " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            text.contains("letters, digits, spaces, dots and hyphens"),
            "{bad}: {s}"
        );
    }
    assert!(db.store().open_shift("a/b").unwrap().is_none());
    // The field takes no more than the rule allows.
    a.ask_who(None);
    typ(&mut a, &"x".repeat(30));
    assert_eq!(a.who_text().unwrap().chars().count(), 20);
    a.ask_who(None);
    typ(&mut a, "Ørjan Å.");
    key(&mut a, KeyCode::Enter);
    assert!(!a.has_popup(PopupKind::Who));
    assert_eq!(a.on_duty(), Some("Ørjan Å."));
}

#[test]
fn a_complaint_keeps_its_summary_when_edited() {
    let db = TestDb::new();
    {
        let mut s = db.store();
        let c = NewComplaint::new(monday_morning(), "", "Brev om ventetid").unwrap();
        s.add_complaint(&c, &CalendarSettings::default(), "KH", monday_morning())
            .unwrap();
    }
    let mut a = db.app(Lang::En, monday_morning());
    a.set_actor("KH");
    a.resize(120, 30);
    key(&mut a, KeyCode::Char('e'));
    // Label, then summary: empty it.
    key(&mut a, KeyCode::Tab);
    for _ in 0.."Brev om ventetid".len() {
        key(&mut a, KeyCode::Backspace);
    }
    key(&mut a, KeyCode::Enter);
    let s = screen(&a);
    assert!(s.contains("Write a short summary of the complaint."), "{s}");
    let item = db.store().callback(1).unwrap().unwrap();
    assert_eq!(item.summary, "Brev om ventetid", "nothing saved");
}
