//! Pasting, driven through the app state: a paste is one event, goes into
//! the field being typed in, and never runs a command. Keys that arrive
//! together (a terminal without bracketed paste) are held to the same rule.

mod common;

use std::time::Instant;

use common::queue_fixture::add;
use common::{TestDb, monday_morning};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use vakt::domain::promise::Safety;
use vakt::i18n::Lang;
use vakt::tui::App;
use vakt::tui::app::Pane;
use vakt::tui::paste::Dispatcher;
use vakt::tui::popup::{Popup, PopupKind};
use vakt::tui::render_text;

const NOT_HERE: &str = "Pasting works only in a text field. Nothing was changed.";

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn ctrl(app: &mut App, c: char) {
    app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

/// Key events for `text`, as a terminal without bracketed paste sends a
/// paste (a line break is Enter).
fn keys(text: &str) -> Vec<Event> {
    text.chars()
        .map(|c| {
            let code = match c {
                '\n' | '\r' => KeyCode::Enter,
                '\t' => KeyCode::Tab,
                c => KeyCode::Char(c),
            };
            Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
        })
        .collect()
}

/// `text` arriving as keys all at once.
fn burst(app: &mut App, d: &mut Dispatcher, text: &str) {
    d.batch(app, keys(text), Instant::now());
}

fn screen(app: &App) -> String {
    render_text(app, 120, 30)
}

fn app_with_item(db: &TestDb) -> (App, i64) {
    let id = add(
        db,
        "22 33 44 55",
        monday_morning(),
        "Ringte om kurs",
        Safety::default(),
    );
    let mut app = db.app(Lang::En, monday_morning());
    app.set_actor("KH");
    app.resize(120, 30);
    (app, id)
}

fn audit_actions(db: &TestDb) -> Vec<String> {
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    conn.prepare("SELECT action FROM audit ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn a_paste_into_the_queue_list_changes_nothing_and_says_so() {
    let db = TestDb::new();
    let (mut app, id) = app_with_item(&db);
    let before = audit_actions(&db);
    app.on_paste("hello\nq");
    assert!(screen(&app).contains(NOT_HERE), "{}", screen(&app));
    assert!(!app.has_quit());
    assert_eq!(app.pane(), Pane::Queue);
    assert!(matches!(app.queue().mode, vakt::tui::queue::Mode::List));
    assert!(!db.store().on_hold(id).unwrap());
    assert_eq!(audit_actions(&db), before);
}

#[test]
fn keys_arriving_together_in_a_list_are_not_commands() {
    let db = TestDb::new();
    let (mut app, id) = app_with_item(&db);
    let mut d = Dispatcher::default();
    burst(&mut app, &mut d, "hello");
    assert!(screen(&app).contains(NOT_HERE));
    assert!(!db.store().on_hold(id).unwrap(), "h put the item on hold");
    burst(&mut app, &mut d, "2/q");
    assert_eq!(app.pane(), Pane::Queue);
    assert!(!app.has_quit());
    // The tail of a long paste that arrives in a read of its own belongs
    // to the burst before it.
    burst(&mut app, &mut d, "h");
    assert!(!db.store().on_hold(id).unwrap(), "tail of a burst ran h");
    // A key typed on its own still acts, and arrows and F2 always do.
    let mut d = Dispatcher::default();
    burst(&mut app, &mut d, "h");
    assert!(db.store().on_hold(id).unwrap(), "a single h is a command");
    let mixed = vec![
        Event::Key(KeyEvent::new(KeyCode::F(2), KeyModifiers::NONE)),
        Event::Key(KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE)),
        Event::Key(KeyEvent::new(KeyCode::Char('b'), KeyModifiers::NONE)),
    ];
    d.batch(&mut app, mixed, Instant::now());
    assert!(app.privacy(), "F2 inside a burst still hides caller data");
}

#[test]
fn a_paste_over_a_question_never_answers_it() {
    let db = TestDb::new();
    let (mut app, _) = app_with_item(&db);
    key(&mut app, KeyCode::Char('n'));
    app.on_paste("22 33 44 66");
    key(&mut app, KeyCode::Char('c'));
    ctrl(&mut app, 'c');
    assert_eq!(app.popup(), Some(PopupKind::ConfirmQuit));
    app.on_paste("y");
    assert!(!app.has_quit(), "a pasted y answered the question");
    let mut d = Dispatcher::default();
    burst(&mut app, &mut d, "yes");
    assert!(
        !app.has_quit(),
        "keys arriving together answered the question"
    );
    assert_eq!(app.popup(), Some(PopupKind::ConfirmQuit));
    key(&mut app, KeyCode::Char('n'));
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('?'));
    assert_eq!(app.popup(), Some(PopupKind::Help));
    app.on_paste("text");
    assert_eq!(app.popup(), Some(PopupKind::Help));
}

#[test]
fn keys_arriving_together_in_a_form_are_typed_and_enter_still_saves() {
    let db = TestDb::new();
    let (mut app, id) = app_with_item(&db);
    let mut d = Dispatcher::default();
    key(&mut app, KeyCode::Char('n'));
    key(&mut app, KeyCode::Tab);
    burst(&mut app, &mut d, "22 33 44 66");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    // A line break saves the form as Enter does when typed; what follows
    // lands in the list, where it must not act.
    burst(&mut app, &mut d, "Ring meg\nhq");
    let s = screen(&app);
    assert!(s.contains("Saved ✓") || s.contains(NOT_HERE), "{s}");
    assert!(s.contains("2 open"), "{s}");
    assert!(!app.has_quit());
    let store = db.store();
    let items = store
        .queue_from(None, 10)
        .unwrap()
        .into_iter()
        .map(|i| (i.summary, i.on_hold))
        .collect::<Vec<_>>();
    assert!(
        items.contains(&("Ring meg".to_string(), false)),
        "{items:?}"
    );
    assert!(!store.on_hold(id).unwrap());
}

#[test]
fn fast_typing_in_a_field_is_the_same_as_slow_typing() {
    let db = TestDb::new();
    let words = "rus og psykisk helse";
    let mut slow = db.app(Lang::En, monday_morning());
    key(&mut slow, KeyCode::Char('2'));
    key(&mut slow, KeyCode::Char('/'));
    for c in words.chars() {
        key(&mut slow, KeyCode::Char(c));
    }
    let mut fast = db.app(Lang::En, monday_morning());
    key(&mut fast, KeyCode::Char('2'));
    key(&mut fast, KeyCode::Char('/'));
    let mut d = Dispatcher::default();
    burst(&mut fast, &mut d, words);
    assert_eq!(fast.directory().query.text(), words);
    assert_eq!(render_text(&fast, 120, 30), render_text(&slow, 120, 30));
}

#[test]
fn crlf_pastes_as_one_line_break_in_a_note() {
    let db = TestDb::new();
    let mut app = db.app(Lang::En, monday_morning());
    app.set_on_duty("KH", false);
    app.resize(120, 34);
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('n'));
    app.on_paste("Linje en\r\nlinje to\rlinje tre\r\n\r\n\r\n\r\nslutt");
    ctrl(&mut app, 's');
    let s = render_text(&app, 120, 34);
    assert!(s.contains("Note saved ✓"), "{s}");
    let id = app.log().selected_note().unwrap().id;
    let note = db.store().note(id).unwrap().unwrap();
    assert_eq!(note.body, "Linje en\nlinje to\nlinje tre\n\nslutt");
}

#[test]
fn a_10_mb_paste_into_a_note_is_cut_at_the_limit_at_once() {
    let db = TestDb::new();
    let mut app = db.app(Lang::En, monday_morning());
    app.set_on_duty("KH", false);
    app.resize(120, 34);
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('n'));
    let big = "Samtale om kurs.\r\n".repeat(600_000); // about 10 MB
    app.on_paste(&big);
    let s = render_text(&app, 120, 34);
    assert!(
        s.contains("The pasted text was cut at 10000 characters"),
        "{s}"
    );
    ctrl(&mut app, 's');
    let id = app.log().selected_note().unwrap().id;
    let note = db.store().note(id).unwrap().unwrap();
    assert_eq!(note.body.chars().count(), 10_000);
    assert!(note.body.starts_with("Samtale om kurs.\nSamtale"));
}

#[test]
fn a_paste_into_who_is_on_duty_goes_into_the_name() {
    let db = TestDb::new();
    let mut app = db.app(Lang::En, monday_morning());
    app.ask_who(None);
    app.on_paste("KH\r\n");
    let Some(Popup::Who(who)) = app.top_popup() else {
        panic!("the question is not on top");
    };
    assert_eq!(who.field.text(), "KH ");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.on_duty(), Some("KH"));
}

#[test]
fn a_cut_paste_names_the_limit_of_the_field_it_went_into() {
    let db = TestDb::new();
    let mut app = db.app(Lang::En, monday_morning());
    app.set_on_duty("KH", false);
    app.resize(120, 34);
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('/'));
    app.on_paste(&"samtale ".repeat(100));
    let s = render_text(&app, 120, 34);
    // The search box takes 100 characters, not a note's 10 000.
    assert!(
        s.contains("The pasted text was cut at 100 characters"),
        "{s}"
    );
    let flash = app.flash().unwrap();
    assert!(!flash.error, "a cut paste is said calmly, not as an error");
}
