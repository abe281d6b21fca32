//! `vakt calendar …` run as a real binary against a temporary database.

mod common;

use common::TestDb;
use predicates::prelude::*;
use serde_json::Value;

fn json(out: &[u8]) -> Value {
    serde_json::from_slice(out).expect("valid JSON")
}

#[test]
fn holidays_2027_as_json_lists_coinciding_days_twice() {
    let db = TestDb::new();
    let out = db.output(&["--lang", "nb", "calendar", "holidays", "2027", "--json"]);
    let v = json(&out);
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 12);
    let may17: Vec<_> = arr.iter().filter(|e| e["date"] == "2027-05-17").collect();
    assert_eq!(may17.len(), 2);
    let names: Vec<_> = may17.iter().map(|e| e["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"Grunnlovsdag"));
    assert!(names.contains(&"2. pinsedag"));
    assert!(
        arr.iter()
            .any(|e| e["date"] == "2027-03-28" && e["name"] == "1. påskedag")
    );
}

#[test]
fn holidays_in_english_text() {
    let db = TestDb::new();
    db.cmd()
        .args(["--lang", "en", "calendar", "holidays", "2026"])
        .assert()
        .success()
        .stdout(predicate::str::contains("2026-04-06  Mon   Easter Monday"))
        .stdout(predicate::str::contains("2026-12-26  Sat   Boxing Day"));
}

#[test]
fn year_out_of_range_is_exit_2_with_one_line() {
    let db = TestDb::new();
    db.cmd()
        .args(["--lang", "en", "calendar", "holidays", "2201"])
        .assert()
        .code(2)
        .stderr("vakt: The year 2201 is outside 1900–2200.\n");
}

#[test]
fn deadline_before_easter_json() {
    let db = TestDb::new();
    let out = db.output(&["calendar", "deadline", "2026-04-01 10:00", "--json"]);
    let v = json(&out);
    assert_eq!(v["received"], "2026-04-01T10:00:00+02:00");
    assert_eq!(v["deadline"], "2026-04-07T15:00:00+02:00");
    assert_eq!(v["working_day"], "2026-04-07");
}

#[test]
fn deadline_from_rfc3339_and_complaint() {
    let db = TestDb::new();
    let out = db.output(&["calendar", "deadline", "2026-11-20T13:00:00Z", "--json"]);
    let v = json(&out);
    assert_eq!(v["deadline"], "2026-11-23T15:00:00+01:00");
    // 21 days after Friday 4 December 2026 is Friday 25 December (holiday),
    // then Saturday, Sunday: Monday 28 December.
    let out = db.output(&[
        "calendar",
        "deadline",
        "2026-12-04 11:00",
        "--kind",
        "complaint",
        "--json",
    ]);
    assert_eq!(json(&out)["working_day"], "2026-12-28");
}

#[test]
fn bad_times_name_the_problem_with_exit_2() {
    let db = TestDb::new();
    db.cmd()
        .args(["--lang", "en", "calendar", "deadline", "2026-02-30 10:00"])
        .assert()
        .code(2)
        .stderr("vakt: 2026-02-30 is not a date that exists.\n");
    db.cmd()
        .args(["--lang", "en", "calendar", "deadline", "2026-02-03 25:00"])
        .assert()
        .code(2)
        .stderr("vakt: 25:00 is not a clock time (00:00–23:59).\n");
    db.cmd()
        .args(["--lang", "nb", "calendar", "zone", "Europe/Atlantis"])
        .assert()
        .code(2)
        .stderr("vakt: «Europe/Atlantis» er ikke en kjent tidssone (for eksempel Europe/Oslo).\n");
    db.cmd()
        .args([
            "--lang",
            "en",
            "calendar",
            "hours",
            "caturday",
            "10:00-12:00",
        ])
        .assert()
        .code(2);
    db.cmd()
        .args(["--lang", "en", "calendar", "hours", "sat", "14:00-10:00"])
        .assert()
        .code(2);
}

#[test]
fn closed_days_and_hours_change_deadlines() {
    let db = TestDb::new();
    // Monday 23 Nov 10:00 → Tuesday 24 Nov normally.
    let due = |db: &TestDb| {
        let out = db.output(&["calendar", "deadline", "2026-11-23 10:00", "--json"]);
        json(&out)["deadline"].as_str().unwrap().to_string()
    };
    assert_eq!(due(&db), "2026-11-24T15:00:00+01:00");
    db.cmd()
        .args(["calendar", "close", "2026-11-24", "--reason", "Kurs"])
        .assert()
        .success();
    assert_eq!(due(&db), "2026-11-25T15:00:00+01:00");
    db.cmd()
        .args(["calendar", "closing", "2026-11-25", "12:00"])
        .assert()
        .success();
    assert_eq!(due(&db), "2026-11-25T12:00:00+01:00");
    db.cmd()
        .args(["calendar", "reopen", "2026-11-24"])
        .assert()
        .success();
    db.cmd()
        .args(["calendar", "hours", "tue", "closed"])
        .assert()
        .success();
    assert_eq!(due(&db), "2026-11-25T12:00:00+01:00");
    let out = db.output(&["calendar", "show", "--json"]);
    let v = json(&out);
    assert_eq!(v["time_zone"], "Europe/Oslo");
    assert!(v["hours"]["tuesday"].is_null());
    assert_eq!(v["hours"]["monday"]["close"], "15:00");
    assert_eq!(v["closing_overrides"][0]["date"], "2026-11-25");
}

#[test]
fn help_explains_every_command() {
    let db = TestDb::new();
    db.cmd()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("--db"))
        .stdout(predicate::str::contains("--lang"))
        .stdout(predicate::str::contains("--config"))
        .stdout(predicate::str::contains("calendar"));
    for sub in [
        "holidays", "deadline", "show", "close", "reopen", "hours", "closing", "zone",
    ] {
        db.cmd()
            .args(["--lang", "en", "calendar", sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Usage"));
        db.cmd()
            .args(["--lang", "nb", "calendar", sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Bruk"));
    }
}

#[test]
fn broken_config_names_the_line() {
    let db = TestDb::new();
    let cfg = db.dir.path().join("c.toml");
    std::fs::write(&cfg, "lang = \"en\"\nthis is = = broken\n").unwrap();
    db.cmd()
        .args([
            "--config",
            cfg.to_str().unwrap(),
            "--lang",
            "en",
            "calendar",
            "show",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("line 2"));
}

#[test]
fn newer_database_is_refused_untouched() {
    let db = TestDb::new();
    {
        let c = rusqlite::Connection::open(&db.path).unwrap();
        c.execute_batch("PRAGMA user_version = 9999;").unwrap();
    }
    let before = std::fs::read(&db.path).unwrap();
    db.cmd()
        .args(["--lang", "en", "calendar", "show"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("newer vakt"));
    assert_eq!(std::fs::read(&db.path).unwrap(), before);
}
