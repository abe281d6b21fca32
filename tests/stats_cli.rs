//! `vakt stats` as a real binary, on the hand-checked fixture
//! (`tests/common/stats_fixture.rs`). The period March–May 2026 lies wholly
//! in the past, so nothing in it is pending whatever today's date is.

mod common;

use common::TestDb;
use common::stats_fixture::seed;
use predicates::prelude::*;
use serde_json::{Value, json};

const SECRETS: [&str; 6] = ["Kari", "Ola", "Hemmelig", "Klage på", "22 33 44", "notat"];

fn seeded() -> TestDb {
    let db = TestDb::new();
    seed(&mut db.store());
    db
}

fn stdout(db: &TestDb, args: &[&str]) -> String {
    let out = db
        .cmd()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    for s in SECRETS {
        assert!(!text.contains(s), "caller data {s:?} in output");
    }
    text
}

const SPRING: [&str; 5] = ["stats", "--from", "2026-03-01", "--to", "2026-05-31"];

#[test]
fn json_has_the_hand_checked_figures() {
    let db = seeded();
    let mut args = SPRING.to_vec();
    args.push("--json");
    let v: Value = serde_json::from_str(&stdout(&db, &args)).unwrap();
    assert_eq!(v["period"]["kind"], "custom");
    assert_eq!(v["period"]["from"], "2026-03-01");
    assert_eq!(v["period"]["to"], "2026-05-31");
    assert_eq!(v["period"]["time_zone"], "Europe/Oslo");
    // Voicemails in March–May: 4 and 5 kept; 6, 8, 9 missed; 2 not owed.
    // 2 / 5 = 40 %.
    assert_eq!(
        v["voicemail"],
        json!({"kept": 2, "missed": 3, "pending": 0, "not_owed": 1, "kept_percent": 40})
    );
    // Complaints 1 and 3 kept, 7 missed: 2 / 3 = 67 %.
    assert_eq!(
        v["complaints"],
        json!({"kept": 2, "missed": 1, "pending": 0, "not_owed": 0, "kept_percent": 67})
    );
    // Working minutes 90 (4), 600 (5), 375 (6), 360 (9): sorted 90, 360,
    // 375, 600; median rank 2 = 360, 90th rank ceil(3.6) = 4 = 600.
    assert_eq!(
        v["first_attempt_working_minutes"],
        json!({"count": 4, "median": 360, "p90": 600})
    );
    // Six voicemails and the withheld call of 29 March (Sunday 03:30).
    assert_eq!(v["messages"]["total"], 7);
    assert_eq!(v["messages"]["withheld"], 1);
    assert_eq!(
        v["messages"]["by_weekday"],
        json!({"mon": 0, "tue": 1, "wed": 3, "thu": 0, "fri": 1, "sat": 1, "sun": 1})
    );
    assert_eq!(v["messages"]["by_hour"][3], 1);
    assert_eq!(v["messages"]["by_weekday_hour"][6][3], 1);
    assert_eq!(
        v["outcomes"],
        json!({"reached": 3, "not_reached": 1, "not_needed": 1, "open": 1})
    );
    let missed: Vec<i64> = v["missed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_i64().unwrap())
        .collect();
    assert_eq!(missed, [6, 8, 9, 7]);
    assert_eq!(
        v["missed"][0],
        json!({
            "id": 6,
            "kind": "voicemail",
            "received": "2026-04-01T16:00:00+02:00",
            "deadline": "2026-04-07T15:00:00+02:00",
            "answered": "2026-04-08T09:15:00+02:00",
        })
    );
    assert_eq!(v["missed"][1]["answered"], Value::Null);
    // 1 March 2026 is a Sunday (W09), 31 May a Sunday (W22).
    assert_eq!(v["weeks"].as_array().unwrap().len(), 14);
    assert_eq!(v["weeks"][0]["week"], "2026-W09");
    assert_eq!(v["months"][1]["month"], "2026-04");
    assert_eq!(v["months"][1]["voicemail"]["kept_percent"], 50);
    // The fixture gives no referrals: counted, and zero.
    assert_eq!(v["referrals"]["total"], 0);
    assert_eq!(v["referrals"]["by_service"], serde_json::json!([]));
}

#[test]
fn csv_is_one_table_of_metric_period_value() {
    let db = seeded();
    let mut args = SPRING.to_vec();
    args.push("--csv");
    let text = stdout(&db, &args);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("metric,period,value"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 3), "{text}");
    // 10 promise rows for the whole period, 14 weeks and 3 months; then 3
    // latency rows, 6 counts, 7 weekdays, 24 hours and the referral total.
    assert_eq!(rows.len(), 10 * 18 + 3 + 6 + 7 + 24 + 1);
    let has = |row: &str| text.lines().any(|l| l == row);
    let whole = "2026-03-01..2026-05-31";
    for row in [
        format!("voicemail_kept,{whole},2"),
        format!("voicemail_kept_percent,{whole},40"),
        format!("complaint_kept_percent,{whole},67"),
        "voicemail_kept_percent,2026-04,50".to_string(),
        "complaint_kept_percent,2026-05,0".to_string(),
        // Nothing was due in week 9: an empty value, not 0.
        "voicemail_kept_percent,2026-W09,".to_string(),
        format!("first_attempt_median_minutes,{whole},360"),
        format!("first_attempt_p90_minutes,{whole},600"),
        format!("messages,{whole},7"),
        format!("withheld,{whole},1"),
        format!("messages_wed,{whole},3"),
        format!("messages_h03,{whole},1"),
        format!("reached,{whole},3"),
    ] {
        assert!(has(&row), "missing {row:?} in\n{text}");
    }
}

#[test]
fn text_in_both_languages() {
    let db = seeded();
    let text = stdout(&db, &SPRING);
    assert!(
        text.contains("Valgt periode: 1. mar. 2026 – 31. mai 2026"),
        "{text}"
    );
    assert!(
        text.contains("Talebeskjeder ringt tilbake innen fristen: 40 % (2 av 5)"),
        "{text}"
    );
    assert!(text.contains("✗ #8 talebeskjed"), "{text}");
    let mut args = vec!["--lang", "en"];
    args.extend(SPRING);
    let text = stdout(&db, &args);
    assert!(
        text.contains("Complaints answered within 21 days: 67 % (2 of 3)"),
        "{text}"
    );
    assert!(text.contains("median 6 h · 90th percentile 10 h"), "{text}");
}

#[test]
fn default_period_is_this_year_so_far() {
    let db = seeded();
    let v: Value = serde_json::from_str(&stdout(&db, &["stats", "--json"])).unwrap();
    assert_eq!(v["period"]["kind"], "this_year");
    assert!(v["period"]["from"].as_str().unwrap().ends_with("-01-01"));
    // Only --to: from 1 January of that year.
    let v: Value =
        serde_json::from_str(&stdout(&db, &["stats", "--to", "2026-04-30", "--json"])).unwrap();
    assert_eq!(v["period"]["from"], "2026-01-01");
}

#[test]
fn bad_dates_are_explained() {
    let db = seeded();
    db.cmd()
        .args(["stats", "--from", "2026-13-01"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ÅÅÅÅ-MM-DD"));
    db.cmd()
        .args([
            "--lang",
            "en",
            "stats",
            "--from",
            "2026-05-01",
            "--to",
            "2026-04-01",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "The from date comes after the to date.",
        ));
    db.cmd().args(["stats", "--json", "--csv"]).assert().code(2);
}

#[test]
fn help_documents_the_csv_columns() {
    let db = TestDb::new();
    db.cmd()
        .args(["--lang", "en", "stats", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("metric  the figure's name"))
        .stdout(predicate::str::contains("first_attempt_median_minutes"));
    db.cmd()
        .args(["--lang", "nb", "stats", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("metric  tallets navn"))
        .stdout(predicate::str::contains("first_attempt_median_minutes"));
}
