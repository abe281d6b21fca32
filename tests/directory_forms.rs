//! The directory pane's forms driven by keys: what a choice is moved to
//! is what is saved (the entry form's yes/no/unknown, status and
//! withheld address; the problem kind; the new status) and what the
//! filter narrows the results to. All data is synthetic.

mod common;

use common::{TestDb, monday_morning};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::directory::{Service, Status};
use vakt::i18n::Lang;
use vakt::store::directory::ProblemKind;
use vakt::tui::app::Pane;
use vakt::tui::{App, render_text};

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn keys(app: &mut App, code: KeyCode, times: usize) {
    for _ in 0..times {
        key(app, code);
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// A database with one made-up service of known answers, and the app on
/// the directory with that service selected.
fn with_test_service() -> (TestDb, App, i64) {
    let db = TestDb::new();
    let service = Service {
        name: "Prøvelinjen".into(),
        national: true,
        free: None,
        anonymous: Some(true),
        address_withheld: false,
        status: Status::Active,
        ..Service::default()
    };
    let id = db
        .store()
        .add_service(&service, "KH", monday_morning())
        .unwrap();
    let mut app = db.app(Lang::En, monday_morning());
    app.set_actor("KH");
    key(&mut app, KeyCode::Char('2'));
    assert_eq!(app.pane(), Pane::Directory);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "prøvelinjen");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.directory().selected_service().map(|s| s.id),
        Some(id),
        "{}",
        render_text(&app, 120, 30)
    );
    (db, app, id)
}

#[test]
fn the_entry_form_saves_the_choices_as_moved() {
    let (db, mut app, id) = with_test_service();
    key(&mut app, KeyCode::Char('e'));
    // Address withheld: no → yes.
    keys(&mut app, KeyCode::Tab, 13);
    key(&mut app, KeyCode::Right);
    // Free of charge: unknown → yes.
    keys(&mut app, KeyCode::Tab, 4);
    key(&mut app, KeyCode::Right);
    // Anonymous: yes → no → unknown.
    key(&mut app, KeyCode::Tab);
    keys(&mut app, KeyCode::Right, 2);
    // Status: active → do not refer.
    keys(&mut app, KeyCode::Tab, 3);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Enter);
    let screen = render_text(&app, 120, 30);
    assert!(screen.contains("Saved ✓"), "{screen}");
    let s = db.store().service(id).unwrap().unwrap();
    assert!(s.address_withheld);
    assert_eq!(s.free, Some(true));
    assert_eq!(s.anonymous, None);
    assert_eq!(s.status, Status::DoNotRefer);
    assert_eq!(s.name, "Prøvelinjen", "what was not touched stays");
}

#[test]
fn a_problem_is_saved_with_the_kind_chosen_and_the_note() {
    let (db, mut app, id) = with_test_service();
    key(&mut app, KeyCode::Char('p'));
    // Wrong number → closed down.
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Tab);
    typed(&mut app, "lagt ned i mai");
    key(&mut app, KeyCode::Enter);
    let screen = render_text(&app, 120, 30);
    assert!(screen.contains("Problem reported ✓"), "{screen}");
    let p = db.store().open_problem(id).unwrap().expect("a report");
    assert_eq!(p.kind, ProblemKind::Closed);
    assert_eq!(p.note, "lagt ned i mai");
}

#[test]
fn the_status_form_offers_deactivation_first_and_saves_the_one_chosen() {
    let (db, mut app, id) = with_test_service();
    // Deactivated → do not refer.
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Enter);
    let screen = render_text(&app, 120, 30);
    assert!(screen.contains("Saved ✓"), "{screen}");
    let status = |db: &TestDb| db.store().service(id).unwrap().unwrap().status;
    assert_eq!(status(&db), Status::DoNotRefer);
    // As offered: deactivated.
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Enter);
    let screen = render_text(&app, 120, 30);
    assert!(screen.contains("Deactivated ✓"), "{screen}");
    assert_eq!(status(&db), Status::Closed);
}

#[test]
fn the_filter_narrows_to_the_category_chosen_and_opens_as_it_was_left() {
    let db = TestDb::new();
    let mut app = db.app(Lang::En, monday_morning());
    key(&mut app, KeyCode::Char('2'));
    // "all", then the default categories in order: the 6th is Relatives.
    key(&mut app, KeyCode::Char('f'));
    keys(&mut app, KeyCode::Right, 6);
    key(&mut app, KeyCode::Enter);
    let rows = &app.directory().rows;
    assert!(!rows.is_empty(), "{}", render_text(&app, 120, 30));
    assert!(
        rows.iter()
            .all(|s| s.categories.iter().any(|c| c == "relatives")),
        "{:?}",
        rows.iter().map(|s| &s.categories).collect::<Vec<_>>()
    );
    assert_eq!(app.directory().filter_words(Lang::En), "Relatives");
    // The form opens on the filter in force; open now: no → yes.
    key(&mut app, KeyCode::Char('f'));
    let screen = render_text(&app, 120, 30);
    assert!(screen.contains("● Relatives"), "{screen}");
    keys(&mut app, KeyCode::Tab, 2);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.directory().filter_words(Lang::En),
        "Relatives · open now"
    );
    // Back to all categories, open now off again.
    key(&mut app, KeyCode::Char('f'));
    keys(&mut app, KeyCode::Left, 6);
    keys(&mut app, KeyCode::Tab, 2);
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.directory().filter_words(Lang::En), "");
}
