//! The new-item form's kind, chosen with the keys: a complaint and a
//! withheld call show only the fields they use, are checked by their own
//! rules, and are saved as what was chosen; typed text in a hidden field
//! is kept.

mod common;

use common::TestDb;
use common::queue_fixture::{app_at, key};
use ratatui::crossterm::event::KeyCode;
use vakt::domain::promise::Kind;
use vakt::i18n::Lang;
use vakt::tui::App;
use vakt::tui::queue::{ItemField, Mode, NewKind};
use vakt::tui::render_text;

fn typ(app: &mut App, text: &str) {
    text.chars().for_each(|c| key(app, KeyCode::Char(c)));
}

fn app(db: &TestDb) -> App {
    app_at(db, Lang::En, 120, 30)
}

/// The new-item form with `rights` presses of → on its kind; focus back
/// on the time received.
fn new_form(app: &mut App, rights: usize) {
    key(app, KeyCode::Char('n'));
    key(app, KeyCode::BackTab);
    for _ in 0..rights {
        key(app, KeyCode::Right);
    }
    key(app, KeyCode::Tab);
}

fn form_of(app: &App) -> &vakt::tui::form::Form<ItemField> {
    match &app.queue().mode {
        Mode::Form { form, .. } => form,
        _ => panic!("the form closed:\n{}", render_text(app, 120, 30)),
    }
}

fn withheld_count(db: &TestDb) -> i64 {
    db.store()
        .conn()
        .query_row(
            "SELECT count(*) FROM messages WHERE withheld = 1 AND callback_id IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn a_complaint_needs_a_summary_and_is_saved_as_a_complaint() {
    let db = TestDb::new();
    let mut app = app(&db);
    new_form(&mut app, 1);
    assert_eq!(
        form_of(&app).picked::<NewKind>(ItemField::Kind),
        NewKind::Complaint
    );
    let s = render_text(&app, 120, 30);
    assert!(s.contains("Written complaint"), "{s}");
    assert!(!s.contains("Number"), "a complaint has no number:\n{s}");
    assert!(!s.contains("Safe to call"), "{s}");
    // Received → name → summary: the hidden number is skipped.
    key(&mut app, KeyCode::Tab);
    assert_eq!(form_of(&app).focused_id(), Some(ItemField::Label));
    typ(&mut app, "Ola");
    key(&mut app, KeyCode::Enter);
    let s = render_text(&app, 120, 30);
    assert!(
        s.contains("Write a short summary of the complaint."),
        "an empty summary is refused:\n{s}"
    );
    assert_eq!(form_of(&app).focused_id(), Some(ItemField::Summary));
    assert_eq!(form_of(&app).text(ItemField::Label), "Ola");
    typ(&mut app, "Brev om ventetid");
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.queue().mode, Mode::List));
    let items = db.store().queue_from(None, 10).unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].kind, Kind::Complaint);
    assert_eq!(items[0].summary, "Brev om ventetid");
    assert_eq!(items[0].phone, None);
    assert_eq!(withheld_count(&db), 0);
}

#[test]
fn a_withheld_call_is_counted_not_queued() {
    let db = TestDb::new();
    let mut app = app(&db);
    new_form(&mut app, 2);
    assert_eq!(
        form_of(&app).picked::<NewKind>(ItemField::Kind),
        NewKind::Withheld
    );
    let s = render_text(&app, 120, 30);
    assert!(!s.contains("Name/alias"), "{s}");
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.queue().mode, Mode::List));
    let s = render_text(&app, 120, 30);
    assert!(s.contains("Withheld number recorded."), "{s}");
    assert_eq!(withheld_count(&db), 1);
    assert!(db.store().queue_from(None, 10).unwrap().is_empty());
}

#[test]
fn a_number_typed_before_switching_kind_is_kept() {
    let db = TestDb::new();
    let mut app = app(&db);
    key(&mut app, KeyCode::Char('n'));
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "22 33 44 55");
    // Back to the kind: complaint, then round to a voicemail again.
    while form_of(&app).focused_id() != Some(ItemField::Kind) {
        key(&mut app, KeyCode::BackTab);
    }
    key(&mut app, KeyCode::Right);
    assert!(!render_text(&app, 120, 30).contains("22 33 44 55"));
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Right);
    assert_eq!(
        form_of(&app).picked::<NewKind>(ItemField::Kind),
        NewKind::Voicemail
    );
    assert!(render_text(&app, 120, 30).contains("22 33 44 55"));
    key(&mut app, KeyCode::Enter);
    let items = db.store().queue_from(None, 10).unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].kind, Kind::Voicemail);
    assert_eq!(
        items[0].phone.as_ref().map(|p| p.display()).as_deref(),
        Some("+47 22 33 44 55")
    );
}
