//! A mistyped number can be corrected in the edit form: checked by the
//! intake's rules, audited without the number, and a number that matches
//! another open item asks whether to join them.

mod common;

use chrono::Duration;
use common::{TestDb, monday_morning};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::calendar::CalendarSettings;
use vakt::domain::promise::{AttemptResult, Safety};
use vakt::i18n::Lang;
use vakt::phone::Phone;
use vakt::store::callbacks::{NewVoicemail, Snapshots};
use vakt::tui::App;
use vakt::tui::queue::{ItemField, Mode};
use vakt::tui::render_text;

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// Two open items: 22 33 44 87 (older, listed first) and 93 00 00 45.
fn seed(db: &TestDb) -> (i64, i64) {
    let mut s = db.store();
    let mut ids = Vec::new();
    for (phone, hours, msg) in [
        ("22 33 44 87", 30, Some(true)),
        ("93 00 00 45", 2, Some(false)),
    ] {
        let added = s
            .add_voicemail(
                &NewVoicemail {
                    received_at: monday_morning() - Duration::hours(hours),
                    phone: Phone::parse(phone).unwrap(),
                    label: String::new(),
                    summary: format!("sak {phone}"),
                    safety: Safety {
                        may_leave_message: msg,
                        ..Safety::default()
                    },
                },
                &CalendarSettings::default(),
                &mut Snapshots::default(),
                "TEST",
                monday_morning(),
            )
            .unwrap();
        ids.push(added.id);
    }
    s.record_attempt(
        ids[0],
        monday_morning() - Duration::hours(1),
        AttemptResult::NoAnswer,
        "",
        &CalendarSettings::default(),
        Duration::hours(2),
        &mut Snapshots::default(),
        "TEST",
        monday_morning(),
    )
    .unwrap();
    (ids[0], ids[1])
}

fn app(db: &TestDb, lang: Lang) -> App {
    let mut app = db.app(lang, monday_morning());
    app.set_actor("KH");
    app.resize(120, 30);
    app
}

/// Opens the edit form on the selected item and types `number` over the
/// number.
fn retype_number(app: &mut App, number: &str) {
    key(app, KeyCode::Char('e'));
    let Mode::Form { form, .. } = &app.queue().mode else {
        panic!("edit form");
    };
    assert!(
        form.fields.iter().any(|f| f.id == ItemField::Phone),
        "the number can be edited"
    );
    while !matches!(
        &app.queue().mode,
        Mode::Form { form, .. } if form.focused_id() == Some(ItemField::Phone)
    ) {
        key(app, KeyCode::Tab);
    }
    for _ in 0..20 {
        key(app, KeyCode::Backspace);
    }
    typ(app, number);
}

fn phone_of(db: &TestDb, id: i64) -> Option<String> {
    db.store()
        .callback(id)
        .unwrap()
        .and_then(|i| i.phone.map(|p| p.as_str().to_string()))
}

#[test]
fn a_mistyped_number_is_corrected_and_audited_without_the_number() {
    let db = TestDb::new();
    let (first, _) = seed(&db);
    let mut app = app(&db, Lang::En);
    assert_eq!(app.queue().selected_item().unwrap().id, first);
    retype_number(&mut app, "22 33 44 88");
    key(&mut app, KeyCode::Enter);
    assert!(
        matches!(app.queue().mode, Mode::List),
        "{}",
        render_text(&app, 120, 30)
    );
    assert_eq!(
        phone_of(&db, first).as_deref(),
        Some(Phone::parse("22 33 44 88").unwrap().as_str())
    );
    let s = render_text(&app, 120, 30);
    assert!(s.contains("+47 22 33 44 88"), "{s}");
    let rows: Vec<(String, Option<String>)> = db
        .store()
        .conn()
        .prepare("SELECT action, detail FROM audit WHERE entity = 'callback' AND ref_id = ?1")
        .unwrap()
        .query_map([first], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(
        rows.iter()
            .any(|(a, d)| a == "edit" && d.as_deref() == Some("number")),
        "{rows:?}"
    );
    let all: String = db
        .store()
        .conn()
        .query_row(
            "SELECT group_concat(coalesce(detail, '') || actor || action, '|') FROM audit",
            [],
            |r| r.get(0),
        )
        .unwrap();
    for digits in ["22334487", "22334488", "4487", "4488"] {
        assert!(!all.contains(digits), "number in the audit: {all}");
    }
    // Undo brings the old number back.
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(
        phone_of(&db, first).as_deref(),
        Some(Phone::parse("22 33 44 87").unwrap().as_str())
    );
}

#[test]
fn a_bad_number_is_refused_with_the_intakes_message() {
    let db = TestDb::new();
    let (first, _) = seed(&db);
    let mut app = app(&db, Lang::Nb);
    retype_number(&mut app, "112");
    let s = render_text(&app, 120, 30);
    assert!(s.contains("112 er et nødnummer"), "{s}");
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.queue().mode, Mode::Form { .. }));
    assert_eq!(
        phone_of(&db, first).as_deref(),
        Some(Phone::parse("22 33 44 87").unwrap().as_str())
    );
}

#[test]
fn the_number_of_another_open_item_asks_and_keep_separate_keeps_both() {
    let db = TestDb::new();
    let (first, second) = seed(&db);
    let mut app = app(&db, Lang::En);
    retype_number(&mut app, "93 00 00 45");
    let s = render_text(&app, 120, 30);
    assert!(s.contains("Same number as open item"), "{s}");
    key(&mut app, KeyCode::Enter);
    let s = render_text(&app, 120, 30);
    assert!(
        s.contains(&format!("Same number as open item #{second}")),
        "{s}"
    );
    assert!(s.contains("join"), "{s}");
    // Nothing saved while asking.
    assert_eq!(
        phone_of(&db, first).as_deref(),
        Some(Phone::parse("22 33 44 87").unwrap().as_str())
    );
    // Esc goes back to the form.
    key(&mut app, KeyCode::Esc);
    assert!(matches!(app.queue().mode, Mode::Form { .. }));
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('n'));
    assert!(matches!(app.queue().mode, Mode::List));
    assert_eq!(phone_of(&db, first), phone_of(&db, second));
    assert!(db.store().callback(first).unwrap().unwrap().open);
    assert!(db.store().callback(second).unwrap().unwrap().open);
}

#[test]
fn join_makes_one_item_that_keeps_every_message_attempt_and_no() {
    let db = TestDb::new();
    let (first, second) = seed(&db);
    let mut app = app(&db, Lang::En);
    retype_number(&mut app, "93 00 00 45");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('y'));
    assert!(matches!(app.queue().mode, Mode::List));
    let s = render_text(&app, 120, 30);
    assert!(s.contains(&format!("#{second}")), "{s}");
    assert!(db.store().callback(first).unwrap().is_none());
    let joined = db.store().callback(second).unwrap().unwrap();
    assert_eq!(joined.message_count, 2);
    assert_eq!(joined.attempt_count, 1);
    assert_eq!(db.store().attempts(second).unwrap().len(), 1);
    // The earliest deadline stands; a "no" wins.
    assert!(joined.received_at <= monday_morning() - Duration::hours(30));
    assert_eq!(joined.safety.may_leave_message, Some(false));
    assert!(joined.summary.contains("sak 22 33 44 87"));
    assert_eq!(app.queue().counts.open, 1);
    // The command line, asked about the joined item, says where it went.
    let out = db
        .cmd()
        .args(["--lang", "en", "callback", "attempt", &first.to_string()])
        .args(["--result", "no-answer"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("Item {first} was joined into item {second}")),
        "{err}"
    );
}
