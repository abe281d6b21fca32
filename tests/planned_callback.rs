//! A planned callback time ("call Thursday after 12"): set in the app with
//! `p` or with `vakt callback plan`, checked against the opening hours and
//! the caller's safe window, it orders the item as the next planned
//! attempt does and shows in the list, the detail, `vakt queue` (text and
//! JSON) and the handover review.

mod common;

use chrono::{DateTime, Datelike, Duration, FixedOffset, Timelike, Utc, Weekday};
use common::queue_fixture::add;
use common::{TestDb, monday_morning};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::domain::promise::Safety;
use vakt::i18n::Lang;
use vakt::tui::App;
use vakt::tui::queue::Mode;
use vakt::tui::render_text;

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// Two items due tomorrow 15:00; "Torsdagssak" (safe after 12) is first.
fn seed(db: &TestDb) -> i64 {
    let ago = |hours| monday_morning() - Duration::hours(hours);
    let after_12 = Safety {
        safe_times: "etter kl. 12".into(),
        ..Safety::default()
    };
    let id = add(db, "22 33 44 11", ago(3), "Torsdagssak", after_12);
    add(db, "22 33 44 22", ago(2), "Annen sak", Safety::default());
    id
}

fn app(db: &TestDb, lang: Lang) -> App {
    let mut app = db.app(lang, monday_morning());
    app.set_actor("KH");
    app.resize(120, 30);
    app
}

fn plan(app: &mut App, text: &str) {
    key(app, KeyCode::Char('p'));
    assert!(matches!(app.queue().mode, Mode::Plan { .. }), "plan form");
    typ(app, text);
    key(app, KeyCode::Enter);
}

fn row_index(s: &str, needle: &str) -> usize {
    s.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle}: {s}"))
}

#[test]
fn a_planned_time_orders_the_item_and_shows_in_list_and_detail() {
    let db = TestDb::new();
    let id = seed(&db);
    let mut app = app(&db, Lang::En);
    let s = render_text(&app, 120, 30);
    assert!(
        row_index(&s, "Torsdagssak") < row_index(&s, "Annen sak"),
        "{s}"
    );
    plan(&mut app, "torsdag 13:00");
    assert!(
        matches!(app.queue().mode, Mode::List),
        "{}",
        render_text(&app, 120, 30)
    );
    let item = db.store().callback(id).unwrap().unwrap();
    let at = item
        .planned_at
        .expect("planned")
        .with_timezone(&chrono_tz::Europe::Oslo);
    assert_eq!(
        (at.weekday(), at.hour(), at.minute()),
        (Weekday::Thu, 13, 0)
    );
    let s = render_text(&app, 120, 30);
    // Thursday is after the item's deadline (tomorrow 15:00): saved, but
    // the person is told, the item keeps its place by the deadline and
    // the list shows the deadline, not the plan.
    assert!(s.contains("after the deadline"), "{s}");
    assert!(
        row_index(&s, "Torsdagssak") < row_index(&s, "Annen sak"),
        "{s}"
    );
    let row = &s.lines().nth(row_index(&s, "Torsdagssak")).unwrap();
    assert!(row.contains("tomorrow 15:00"), "{s}");
    // The detail of the planned item says it.
    let s = render_text(&app, 120, 30);
    assert!(s.contains("Planned callback: Thu 26.11.2026 13:00"), "{s}");
    // A plan before the deadline orders the item: the other one, planned
    // for tomorrow 10:00, goes first and shows the plan.
    key(&mut app, KeyCode::Down);
    plan(&mut app, "tomorrow 10:00");
    let s = render_text(&app, 120, 30);
    assert!(!s.contains("after the deadline"), "{s}");
    assert!(
        row_index(&s, "Annen sak") < row_index(&s, "Torsdagssak"),
        "{s}"
    );
    let row = &s.lines().nth(row_index(&s, "Annen sak")).unwrap();
    assert!(row.contains("planned tomorrow 10:00"), "{s}");
    // Back to the first item.
    while app.queue().selected_item().unwrap().id != id {
        key(&mut app, KeyCode::Down);
    }
    // Removing the plan (empty) puts it back.
    key(&mut app, KeyCode::Char('p'));
    for _ in 0..30 {
        key(&mut app, KeyCode::Backspace);
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(db.store().callback(id).unwrap().unwrap().planned_at, None);
    let s = render_text(&app, 120, 30);
    assert!(!s.contains("Planned callback: Thu"), "{s}");
}

#[test]
fn a_time_outside_the_hours_or_the_safe_window_is_refused_and_nothing_saved() {
    let db = TestDb::new();
    let id = seed(&db);
    let mut app = app(&db, Lang::Nb);
    for (text, says) in [
        ("torsdag 11:00", "utenfor tiden innringeren sa er trygg"),
        ("torsdag 16:00", "Linja er stengt da"),
        ("lørdag 13:00", "Linja er stengt da"),
        ("10:00", "Den tiden har vært"),
        ("snart", "snart er ikke et klokkeslett"),
    ] {
        plan(&mut app, text);
        let s = render_text(&app, 120, 30);
        assert!(matches!(app.queue().mode, Mode::Plan { .. }), "{text}: {s}");
        assert!(s.contains(says), "{text}: {s}");
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Esc);
        assert!(matches!(app.queue().mode, Mode::List), "{text}");
    }
    assert_eq!(db.store().callback(id).unwrap().unwrap().planned_at, None);
}

#[test]
fn planning_waits_while_caller_data_is_hidden() {
    let db = TestDb::new();
    seed(&db);
    let mut app = app(&db, Lang::En);
    key(&mut app, KeyCode::F(2));
    key(&mut app, KeyCode::Char('p'));
    assert!(matches!(app.queue().mode, Mode::List));
}

fn json(db: &TestDb, args: &[&str]) -> serde_json::Value {
    serde_json::from_slice(&db.output(args)).expect("JSON")
}

#[test]
fn the_command_line_plans_checks_and_shows_it() {
    let db = TestDb::new();
    // Received now (the binary's clock), so not overdue.
    let added = json(
        &db,
        &[
            "voicemail",
            "add",
            "--phone",
            "22 33 44 11",
            "--safe-times",
            "etter kl. 12",
            "--json",
        ],
    );
    let id = added["id"].as_i64().unwrap();
    let id_s = id.to_string();
    // Outside the safe window: exit 2, nothing saved.
    let out = db
        .cmd()
        .args([
            "--lang",
            "en",
            "callback",
            "plan",
            &id_s,
            "--at",
            "thursday 10:00",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("outside the time the caller said is safe"),
        "{err}"
    );
    assert!(
        !err.contains("etter kl. 12"),
        "no caller data in errors: {err}"
    );
    let q = json(&db, &["queue", "--json"]);
    assert!(q.as_array().unwrap().iter().all(|i| i["planned"].is_null()));

    let out = db.output(&[
        "--lang",
        "en",
        "callback",
        "plan",
        &id_s,
        "--at",
        "thursday 13:00",
    ]);
    assert!(
        String::from_utf8_lossy(&out).contains("planned"),
        "{}",
        String::from_utf8_lossy(&out)
    );
    let q = json(&db, &["queue", "--json"]);
    let item = q
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap();
    let at: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339(item["planned"].as_str().expect("planned")).unwrap();
    let at = at.with_timezone(&chrono_tz::Europe::Oslo);
    assert_eq!(
        (at.weekday(), at.hour(), at.minute()),
        (Weekday::Thu, 13, 0)
    );
    assert!(at > Utc::now());
    // The list shows the plan when it keeps the promise; a plan after the
    // deadline of an untried item shows the deadline (which day today is
    // decides which).
    let deadline: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339(item["deadline"].as_str().expect("deadline")).unwrap();
    let text = String::from_utf8_lossy(&db.output(&["--lang", "en", "queue"])).to_string();
    assert_eq!(text.contains("planned Thu 13:00"), at <= deadline, "{text}");
    let review = String::from_utf8_lossy(&db.output(&["--lang", "en", "handover"])).to_string();
    assert!(review.contains("planned callback"), "{review}");
    // --clear removes it.
    db.output(&["callback", "plan", &id_s, "--clear"]);
    let q = json(&db, &["queue", "--json"]);
    assert!(q.as_array().unwrap().iter().all(|i| i["planned"].is_null()));
}

#[test]
fn an_attempt_uses_the_plan_up_and_undo_brings_it_back() {
    let db = TestDb::new();
    let id = seed(&db);
    let mut app = app(&db, Lang::En);
    plan(&mut app, "thursday 13:00");
    assert!(
        db.store()
            .callback(id)
            .unwrap()
            .unwrap()
            .planned_at
            .is_some()
    );
    // The planned item keeps its place by its deadline (the plan is after
    // it); try it (no answer).
    assert_eq!(app.queue().selected_item().unwrap().id, id);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    let item = db.store().callback(id).unwrap().unwrap();
    assert_eq!(item.attempt_count, 1);
    assert_eq!(item.planned_at, None, "the attempt used the plan up");
    key(&mut app, KeyCode::Char('u'));
    let item = db.store().callback(id).unwrap().unwrap();
    assert_eq!(item.attempt_count, 0);
    assert!(item.planned_at.is_some(), "undo brings the plan back");
}

/// A plan never hides a broken promise: an overdue item stays at the top
/// of the queue with a plan, and a plan after the deadline of an item not
/// yet tried says that the promise will not be kept. Through the binary,
/// on the real clock.
#[test]
fn an_overdue_item_with_a_plan_stays_on_top_and_a_late_plan_says_so() {
    let db = TestDb::new();
    let oslo = chrono_tz::Europe::Oslo;
    let old = (Utc::now() - Duration::days(10)).with_timezone(&oslo);
    let received = format!("{} 10:00", old.format("%Y-%m-%d"));
    db.cmd()
        .args([
            "voicemail",
            "add",
            "--phone",
            "22 33 44 55",
            "--received",
            &received,
        ])
        .assert()
        .success();
    db.cmd()
        .args(["voicemail", "add", "--phone", "22 33 44 66"])
        .assert()
        .success();
    // A plan on the overdue item, on the first weekday it is accepted.
    let mut planned = None;
    for day in ["mon", "tue", "wed", "thu", "fri"] {
        let out = db
            .cmd()
            .args([
                "--lang",
                "en",
                "callback",
                "plan",
                "1",
                "--at",
                &format!("{day} 10:00"),
            ])
            .output()
            .unwrap();
        if out.status.success() {
            planned = Some(String::from_utf8(out.stdout).unwrap());
            break;
        }
    }
    let said = planned.expect("some weekday at 10:00 is open");
    assert!(said.contains("deadline"), "a late plan says so: {said}");
    let q: serde_json::Value = serde_json::from_slice(&db.output(&["queue", "--json"])).unwrap();
    let first = &q.as_array().unwrap()[0];
    assert_eq!(first["id"], 1, "{q:#}");
    assert_eq!(first["overdue"], true, "{q:#}");
}

/// "yesterday 10:00" is a time that has passed, and vakt says so, rather
/// than how to write a time.
#[test]
fn a_plan_for_yesterday_says_it_has_passed() {
    let db = TestDb::new();
    db.cmd()
        .args(["voicemail", "add", "--phone", "22 33 44 55"])
        .assert()
        .success();
    for (lang, text, said) in [
        ("en", "yesterday 10:00", "passed"),
        ("nb", "i går 10:00", "har vært"),
    ] {
        let out = db
            .cmd()
            .args(["--lang", lang, "callback", "plan", "1", "--at", text])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(said), "{lang}: {err}");
    }
}

/// A plan after the deadline of an item nobody has tried yet does not
/// stand in for the deadline: `vakt queue` shows the deadline, as the
/// list in the app does (one rule for both).
#[test]
fn a_plan_after_the_deadline_shows_the_deadline_in_the_command_line_queue() {
    let db = TestDb::new();
    db.cmd()
        .args(["voicemail", "add", "--phone", "22 33 44 77"])
        .assert()
        .success();
    let oslo = chrono_tz::Europe::Oslo;
    let mut planned = false;
    for days in 8..16 {
        let day = (Utc::now() + Duration::days(days)).with_timezone(&oslo);
        let at = format!("{} 12:00", day.format("%Y-%m-%d"));
        let ok = db
            .cmd()
            .args(["--lang", "en", "callback", "plan", "1", "--at", &at])
            .output()
            .unwrap()
            .status
            .success();
        if ok {
            planned = true;
            break;
        }
    }
    assert!(planned, "some day in the second week is open at 12:00");
    let q: serde_json::Value = serde_json::from_slice(&db.output(&["queue", "--json"])).unwrap();
    assert!(!q[0]["planned"].is_null(), "the plan is kept: {q:#}");
    let text = String::from_utf8_lossy(&db.output(&["--lang", "en", "queue"])).to_string();
    assert!(!text.contains("planned"), "{text}");
}
