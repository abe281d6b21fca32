//! "Overdue" is one rule (`vakt::domain::promise`): the queue's header,
//! its list, `vakt queue` as text and JSON, the handover review and the
//! statistics' missed items agree on a set of items around the deadline.

mod common;

use std::collections::BTreeSet;

use chrono::{Duration, Utc};
use common::TestDb;
use common::queue_fixture::{store_voicemail, voicemail};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde_json::Value;
use vakt::calendar::CalendarSettings;
use vakt::domain::promise::AttemptResult;
use vakt::i18n::Lang;
use vakt::store::callbacks::{NewVoicemail, Snapshots};
use vakt::tui::render_text;

/// Five items at the real now (the binary reads the clock): returns the
/// ids that are overdue by the promise's rule.
fn seed(db: &TestDb) -> BTreeSet<i64> {
    let mut s = db.store();
    let cal = CalendarSettings::default();
    let mut snaps = Snapshots::default();
    let now = Utc::now();
    let long_ago = now - Duration::days(20);
    let just_now = now - Duration::minutes(1);
    // (number, received, first attempt, overdue?)
    let items = [
        // Deadline long passed, nobody tried.
        ("22 33 44 01", long_ago, None, true),
        // Tried (no answer) well before the deadline: kept.
        (
            "22 33 44 02",
            long_ago,
            Some(long_ago + Duration::minutes(1)),
            false,
        ),
        // Tried once, after the deadline: the promise was missed.
        (
            "22 33 44 03",
            long_ago,
            Some(now - Duration::hours(1)),
            true,
        ),
        // Deadline to come, not tried.
        ("22 33 44 04", just_now, None, false),
        // Deadline to come, tried.
        (
            "22 33 44 05",
            just_now,
            Some(now - Duration::seconds(30)),
            false,
        ),
    ];
    let mut overdue = BTreeSet::new();
    for (phone, at, attempt, late) in items {
        let v = NewVoicemail {
            summary: "Syntetisk".into(),
            ..voicemail(phone, at)
        };
        let id = store_voicemail(&mut s, &v, at);
        if let Some(t) = attempt {
            s.record_attempt(
                id,
                t,
                AttemptResult::NoAnswer,
                "",
                &cal,
                Duration::hours(2),
                &mut snaps,
                "TEST",
                t,
            )
            .unwrap();
        }
        if late {
            overdue.insert(id);
        }
    }
    overdue
}

fn json(db: &TestDb, args: &[&str]) -> Value {
    serde_json::from_slice(&db.output(args)).expect("JSON")
}

#[test]
fn every_view_agrees_on_what_is_overdue() {
    let db = TestDb::new();
    let want = seed(&db);
    assert_eq!(want.len(), 2);

    // `vakt queue --json`
    let v = json(&db, &["queue", "--json"]);
    let got: BTreeSet<i64> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["overdue"] == Value::Bool(true))
        .map(|i| i["id"].as_i64().unwrap())
        .collect();
    assert_eq!(got, want, "queue --json");

    // `vakt queue` as text: OVERDUE on exactly those lines.
    let text = String::from_utf8(db.output(&["--lang", "en", "queue"])).unwrap();
    let got: BTreeSet<i64> = text
        .lines()
        .filter(|l| l.contains("OVERDUE"))
        .map(|l| l.split_whitespace().next().unwrap().parse().unwrap())
        .collect();
    assert_eq!(got, want, "queue text:\n{text}");

    // The handover review, as JSON: its urgent list, and each open item.
    let v = json(&db, &["handover", "--format", "json"]);
    let got: BTreeSet<i64> = v["urgent"]["overdue"]
        .as_array()
        .or_else(|| v["overdue"].as_array())
        .expect("overdue list in the review")
        .iter()
        .map(|i| i["id"].as_i64().unwrap())
        .collect();
    assert_eq!(got, want, "review: {v}");

    // The statistics: the open items they count as missed.
    let from = (Utc::now() - Duration::days(40))
        .format("%Y-%m-%d")
        .to_string();
    let to = (Utc::now() + Duration::days(1))
        .format("%Y-%m-%d")
        .to_string();
    let v = json(&db, &["stats", "--from", &from, "--to", &to, "--json"]);
    let got: BTreeSet<i64> = v["missed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_i64().unwrap())
        .collect();
    assert_eq!(got, want, "stats missed");

    // The app: the header's count and the list's OVERDUE cells.
    let mut app = db.app(Lang::En, Utc::now());
    app.set_actor("KH");
    app.resize(140, 30);
    let screen = render_text(&app, 140, 30);
    assert!(
        screen.contains(&format!("5 open · {} overdue", want.len())),
        "{screen}"
    );
    // One in each overdue row; the selected first row was tried in time,
    // so its detail does not say it.
    assert_eq!(screen.matches("OVERDUE").count(), want.len(), "{screen}");
    // The detail of each row says what its row says.
    for _ in 0..5 {
        let screen = render_text(&app, 140, 30);
        let row = screen.lines().find(|l| l.contains("│▶ ")).unwrap();
        let row = row.split('▶').nth(1).unwrap();
        let detail = screen.lines().find(|l| l.contains("· received ")).unwrap();
        assert_eq!(
            row.contains("OVERDUE"),
            detail.contains("OVERDUE"),
            "{row}\n{detail}"
        );
        app.on_key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE));
    }
}
