//! A read that fails is said on screen, never shown as an empty list: with
//! a table gone from under an open app, each pane names the failure and
//! does not say "no callbacks" / "no notes" / "no services".

mod common;

use common::{TestDb, monday_morning};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::i18n::Lang;
use vakt::tui::{App, render_text};

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn screen(app: &App) -> String {
    render_text(app, 120, 30)
}

fn open(db: &TestDb, lang: Lang) -> App {
    let mut app = db.app(lang, monday_morning());
    app.set_actor("KH");
    app.resize(120, 30);
    app
}

/// Renames `table` from another connection, as a damaged or foreign file
/// would look to the app: every read of it fails.
fn hide_table(db: &TestDb, table: &str) {
    db.store()
        .conn()
        .execute_batch(&format!(
            "PRAGMA legacy_alter_table = ON; ALTER TABLE {table} RENAME TO {table}_away;"
        ))
        .unwrap();
}

fn restore_table(db: &TestDb, table: &str) {
    db.store()
        .conn()
        .execute_batch(&format!(
            "PRAGMA legacy_alter_table = ON; ALTER TABLE {table}_away RENAME TO {table};"
        ))
        .unwrap();
}

#[test]
fn queue_read_failure_is_shown_not_an_empty_queue() {
    let db = TestDb::new();
    let mut app = open(&db, Lang::Nb);
    assert!(screen(&app).contains("Ingen åpne tilbakeringinger"));

    hide_table(&db, "callbacks");
    app.poll_db();
    let s = screen(&app);
    assert!(s.contains("Kunne ikke lese databasen"), "{s}");
    assert!(!s.contains("Ingen åpne tilbakeringinger"), "{s}");

    // Moving in the list does not hide the failure.
    key(&mut app, KeyCode::Down);
    let s = screen(&app);
    assert!(s.contains("Kunne ikke lese databasen"), "{s}");
    assert!(!s.contains("Ingen åpne tilbakeringinger"), "{s}");

    // Once the file reads again, the queue is back.
    restore_table(&db, "callbacks");
    app.poll_db();
    let s = screen(&app);
    assert!(!s.contains("Kunne ikke lese databasen"), "{s}");
    assert!(s.contains("Ingen åpne tilbakeringinger"), "{s}");
}

#[test]
fn queue_read_failure_in_english() {
    let db = TestDb::new();
    let mut app = open(&db, Lang::En);
    hide_table(&db, "callbacks");
    app.poll_db();
    let s = screen(&app);
    assert!(s.contains("Could not read the database"), "{s}");
    assert!(!s.contains("No open callbacks"), "{s}");
    // Nor counts that were never read.
    assert!(!s.contains("0 open"), "{s}");
}

#[test]
fn log_read_failure_is_shown_not_an_empty_log() {
    let db = TestDb::new();
    let mut app = open(&db, Lang::En);
    hide_table(&db, "notes");
    key(&mut app, KeyCode::Char('3'));
    let s = screen(&app);
    assert!(s.contains("Could not read the database"), "{s}");
    assert!(!s.contains("No notes yet"), "{s}");
}

#[test]
fn directory_read_failure_is_shown_not_an_empty_directory() {
    let db = TestDb::new();
    let mut app = open(&db, Lang::En);
    hide_table(&db, "services");
    key(&mut app, KeyCode::Char('2'));
    let s = screen(&app);
    assert!(s.contains("Could not read the database"), "{s}");
}

#[test]
fn a_failed_handover_read_is_shown_not_hidden() {
    let db = TestDb::new();
    let mut app = open(&db, Lang::En);
    hide_table(&db, "handovers");
    app.poll_db();
    let s = screen(&app);
    assert!(s.contains("Could not read the database"), "{s}");
}
