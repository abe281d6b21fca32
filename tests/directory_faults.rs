//! Faults found by hands-on testing of the directory, each reproduced
//! through the app (key events, rendered buffer) or the CLI against a
//! temporary database. All data is synthetic; the clock is fixed.

mod common;

use common::{TestDb, monday_morning};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::i18n::Lang;
use vakt::tui::app::Pane;
use vakt::tui::{App, render_text};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn directory_app(db: &TestDb, lang: Lang) -> App {
    let mut app = db.app(lang, monday_morning());
    app.set_actor("KH");
    app.on_key(key(KeyCode::Char('2')));
    assert_eq!(app.pane(), Pane::Directory);
    app
}

/// A sentence end followed directly by a capital letter: two texts run
/// together ("violence.Telefonnummer").
fn run_together(text: &str) -> Option<String> {
    let re = regex::Regex::new(r"\S*[.!?:;)][A-ZÆØÅ]\S*").unwrap();
    re.find(text).map(|m| m.as_str().to_string())
}

#[test]
fn every_starter_entry_reads_as_separate_sentences_in_the_detail() {
    let db = TestDb::new();
    let mut app = directory_app(&db, Lang::En);
    let n = app.directory().rows.len();
    assert_eq!(n, vakt::directory::seed::starter_services().len());
    let mut bad = Vec::new();
    for i in 0..n {
        let s = app.directory().selected_service().unwrap().clone();
        for part in s.description.lines() {
            if let Some(m) = run_together(part) {
                bad.push(format!("{}: stored {m:?}", s.name));
            }
        }
        let screen = render_text(&app, 200, 60);
        let detail: String = screen
            .lines()
            .skip_while(|l| !l.contains(s.name.chars().take(30).collect::<String>().as_str()))
            .collect::<Vec<_>>()
            .join("\n");
        if let Some(m) = run_together(&detail) {
            bad.push(format!("{}: shown {m:?}", s.name));
        }
        if i + 1 < n {
            app.on_key(key(KeyCode::Down));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
