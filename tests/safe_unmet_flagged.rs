//! An item whose safe time the line's opening hours never meet is flagged
//! in the list (⚠) and in the handover review (text and JSON), as the
//! detail already does; numbers stay masked. Default hours: weekdays
//! 09:00–15:00.

mod common;

use chrono::Duration;
use common::{TestDb, monday_morning, queue_fixture};
use vakt::domain::promise::Safety;
use vakt::i18n::Lang;
use vakt::tui::render_text;

/// An item received an hour ago, safe to call at `safe`.
fn add(db: &TestDb, phone: &str, summary: &str, safe: &str) {
    let safety = Safety {
        safe_times: safe.into(),
        ..Safety::default()
    };
    let at = monday_morning() - Duration::hours(1);
    queue_fixture::add(db, phone, at, summary, safety);
}

fn seed(db: &TestDb) {
    add(db, "22 33 44 11", "Aldri mulig", "after 18:00 only");
    add(db, "22 33 44 22", "Går fint", "etter kl. 13");
}

#[test]
fn the_list_marks_only_the_item_that_can_never_be_called_safely() {
    let db = TestDb::new();
    seed(&db);
    let mut app = db.app(Lang::En, monday_morning());
    app.set_actor("KH");
    app.resize(120, 30);
    let s = render_text(&app, 120, 30);
    let row = |needle: &str| {
        s.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle}: {s}"))
            .to_string()
    };
    assert!(row("Aldri mulig").contains('⚠'), "{s}");
    assert!(!row("Går fint").contains('⚠'), "{s}");
}

#[test]
fn the_handover_review_flags_it_in_text_and_json() {
    let db = TestDb::new();
    seed(&db);
    let out = db.output(&["--lang", "en", "handover"]);
    let text = String::from_utf8_lossy(&out);
    let line = text
        .lines()
        .find(|l| l.contains("The line is never open when the caller says it is safe"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        line.contains("after 18:00 only") || text.contains("after 18:00 only"),
        "{text}"
    );
    assert_eq!(
        text.matches("The line is never open when the caller says it is safe")
            .count(),
        1,
        "{text}"
    );
    assert!(!text.contains("22 33 44 11"), "masked: {text}");
    let json: serde_json::Value =
        serde_json::from_slice(&db.output(&["handover", "--format", "json"])).unwrap();
    let items = json["queue"]["items"].as_array().unwrap();
    let flag = |needle: &str| {
        items
            .iter()
            .find(|i| i["summary"] == needle)
            .map(|i| i["safe_time_unmet"].clone())
            .unwrap()
    };
    assert_eq!(flag("Aldri mulig"), "never_open");
    assert_eq!(flag("Går fint"), serde_json::Value::Null);
}

/// After "no answer" for a caller whose safe time the line never meets,
/// vakt does not propose a time to try again (it would be an unsafe one):
/// it says the coordinator must arrange the call. In the app and on the
/// command line.
#[test]
fn no_retry_time_is_proposed_when_no_time_is_safe() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let db = TestDb::new();
    add(&db, "22 33 44 11", "Aldri mulig", "after 18:00 only");
    let mut app = db.app(Lang::En, monday_morning());
    app.set_on_duty("KH", false);
    app.resize(120, 36);
    app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let s = render_text(&app, 120, 36);
    assert!(s.contains("Attempt saved"), "{s}");
    assert!(!s.contains("Try again"), "{s}");
    assert!(s.contains("coordinator"), "{s}");
    assert_eq!(db.store().attempts(1).unwrap().len(), 1);
    // The command line says the same after its attempt.
    db.cmd()
        .args([
            "--lang",
            "en",
            "callback",
            "attempt",
            "1",
            "--result",
            "no-answer",
        ])
        .assert()
        .success()
        .stdout(predicates::str::contains("coordinator"));
}

/// A message longer than the footer is shown whole (wrapped above it), not
/// cut mid-sentence: at 80×24 the coordinator sentence is all there, and
/// the emergency numbers stay.
#[test]
fn a_long_message_is_shown_whole_in_a_small_window() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    for lang in [Lang::En, Lang::Nb] {
        let db = TestDb::new();
        add(&db, "22 33 44 11", "Aldri mulig", "after 18:00 only");
        let mut app = db.app(lang, monday_morning());
        app.set_on_duty("KH", false);
        app.resize(80, 24);
        app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        let s = render_text(&app, 80, 24);
        let flowing = s
            .lines()
            .map(|l| l.trim_matches(|c: char| c == '│' || c.is_whitespace()))
            .collect::<Vec<_>>()
            .join(" ");
        let end = match lang {
            Lang::En => "the coordinator must arrange the call.",
            Lang::Nb => "koordinator må ordne oppringingen.",
        };
        assert!(flowing.contains(end), "{lang:?}\n{s}");
        assert!(s.lines().last().unwrap().contains("113"), "{s}");
    }
}
