//! The next planned attempt respects the caller's safe time when the line's
//! hours allow it (issue: "after 18:00 only" was planned for 09:00 the next
//! day on a line that closes at 15:00). Through the real binary; default
//! opening hours (weekdays 09:00–15:00, Norwegian holidays closed).

mod common;

use chrono::{DateTime, Datelike, Duration, FixedOffset, Timelike, Utc, Weekday};
use chrono_tz::Europe::Oslo;
use common::TestDb;

fn json(db: &TestDb, args: &[&str]) -> serde_json::Value {
    serde_json::from_slice(&db.output(args)).expect("JSON")
}

/// An attempt an hour ago that did not reach the caller; returns the
/// planned next attempt in Oslo time.
fn planned_after_no_answer(safe: &str) -> DateTime<chrono_tz::Tz> {
    let db = TestDb::new();
    let received = (Utc::now() - Duration::hours(3)).with_timezone(&Oslo);
    let at = (Utc::now() - Duration::hours(1)).with_timezone(&Oslo);
    let fmt = |t: DateTime<chrono_tz::Tz>| t.format("%Y-%m-%d %H:%M").to_string();
    json(
        &db,
        &[
            "voicemail",
            "add",
            "--phone",
            "+47 22 33 44 55",
            "--received",
            &fmt(received),
            "--safe-times",
            safe,
            "--json",
        ],
    );
    db.output(&[
        "callback",
        "attempt",
        "1",
        "--result",
        "no-answer",
        "--at",
        &fmt(at),
    ]);
    let q = json(&db, &["queue", "--json"]);
    let next = q[0]["next_attempt"].as_str().expect("a planned attempt");
    let next: DateTime<FixedOffset> = DateTime::parse_from_rfc3339(next).unwrap();
    assert!(next > at, "planned after the attempt");
    next.with_timezone(&Oslo)
}

#[test]
fn a_weekday_wish_is_planned_on_that_weekday_at_opening() {
    let next = planned_after_no_answer("bare torsdag");
    assert_eq!(next.weekday(), Weekday::Thu, "{next}");
    assert_eq!((next.hour(), next.minute()), (9, 0), "{next}");
}

#[test]
fn an_afternoon_wish_is_planned_inside_it_and_inside_the_hours() {
    let next = planned_after_no_answer("etter kl. 13");
    let h = (next.hour(), next.minute());
    assert!(((13, 0)..(15, 0)).contains(&h), "{next}");
}

#[test]
fn a_wish_the_hours_never_meet_keeps_the_plan_inside_the_hours() {
    // The line closes at 15:00: the plan cannot be after 18, and stays at
    // an ordinary time the line is open.
    let next = planned_after_no_answer("after 18:00 only");
    let h = (next.hour(), next.minute());
    assert!(((9, 0)..(15, 0)).contains(&h), "{next}");
}
