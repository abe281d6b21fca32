//! "Open now" on Norwegian public holidays: weekly hours are closed on a
//! holiday unless the hours say otherwise; the CLI (text, JSON,
//! --open-now), the app's list and detail, CSV and HSDS all agree.

mod common;

use std::collections::BTreeMap;

use chrono::{DateTime, TimeZone, Utc};
use common::TestDb;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde_json::Value;
use vakt::i18n::Lang;
use vakt::tui::render_text;

const CSV: &str = "name,phones,hours,status\n\
Testlinjen Ukedag,22 33 44 01,man-fre 09-15,active\n\
Testlinjen Jul,22 33 44 02,man-fre 08-16; 24.12. 9-12; 31.12 stengt,active\n\
Testlinjen Helligdag,22 33 44 03,daglig 10-22; helligdager 12-16,active\n\
Testlinjen Døgn,22 33 44 04,24/7,active\n";

fn with_services() -> TestDb {
    let db = TestDb::new();
    let path = db.dir.path().join("t.csv");
    std::fs::write(&path, CSV).unwrap();
    db.cmd()
        .args(["--lang", "en", "directory", "import"])
        .arg(&path)
        .assert()
        .success()
        .stdout("4 added, 0 updated, 0 unchanged, 0 skipped.\n");
    db
}

/// Name → open_now from `directory search --json --at WHEN`.
fn open_at(db: &TestDb, when: &str, only_open: bool) -> BTreeMap<String, Value> {
    let mut args = vec!["directory", "search", "testlinjen", "--json", "--at", when];
    if only_open {
        args.push("--open-now");
    }
    let v: Value = serde_json::from_slice(&db.output(&args)).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let name = s["name"]
                .as_str()
                .unwrap()
                .trim_start_matches("Testlinjen ");
            (name.to_string(), s["open_now"].clone())
        })
        .collect()
}

fn open_names(db: &TestDb, when: &str) -> Vec<String> {
    let all = open_at(db, when, false);
    let mut open: Vec<String> = all
        .iter()
        .filter(|(_, v)| **v == Value::Bool(true))
        .map(|(k, _)| k.clone())
        .collect();
    open.sort();
    // --open-now lists exactly those.
    let mut filtered: Vec<String> = open_at(db, when, true).into_keys().collect();
    filtered.sort();
    assert_eq!(open, filtered, "--open-now and open_now disagree at {when}");
    open
}

#[test]
fn open_now_follows_the_holidays_through_the_cli() {
    let db = with_services();
    let all = ["Døgn", "Helligdag", "Jul", "Ukedag"];
    // An ordinary Monday.
    assert_eq!(open_names(&db, "2026-11-23 10:00"), all);
    // 17 May 2027 (a Monday, and Whit Monday too).
    assert_eq!(open_names(&db, "2027-05-17 10:00"), ["Døgn"]);
    assert_eq!(open_names(&db, "2027-05-17 13:00"), ["Døgn", "Helligdag"]);
    // Easter 2027: Maundy Thursday, Good Friday, Easter Monday.
    for day in ["2027-03-25", "2027-03-26", "2027-03-29"] {
        assert_eq!(open_names(&db, &format!("{day} 10:00")), ["Døgn"], "{day}");
        assert_eq!(
            open_names(&db, &format!("{day} 13:00")),
            ["Døgn", "Helligdag"],
            "{day}"
        );
    }
    // The Wednesday before Easter is an ordinary day.
    assert_eq!(open_names(&db, "2027-03-24 10:00"), all);
    // Christmas Eve (a Thursday) is not a public holiday; the one service
    // with a half day closes at noon.
    assert_eq!(open_names(&db, "2026-12-24 11:00"), all);
    assert_eq!(
        open_names(&db, "2026-12-24 13:00"),
        ["Døgn", "Helligdag", "Ukedag"]
    );
    assert_eq!(open_names(&db, "2026-12-25 11:00"), ["Døgn"]);
    assert_eq!(
        open_names(&db, "2026-12-31 11:00"),
        ["Døgn", "Helligdag", "Ukedag"]
    );
    // The text output says the same.
    let out = db.output(&[
        "--lang",
        "en",
        "directory",
        "search",
        "ukedag",
        "--at",
        "2027-05-17 10:00",
    ]);
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("Testlinjen Ukedag") && out.contains("closed"),
        "{out}"
    );
    // A time that is not a time is a clear error, exit 2.
    db.cmd()
        .args(["--lang", "en", "directory", "search", "x", "--at", "17 mai"])
        .assert()
        .code(2);
}

#[test]
fn holiday_hours_survive_csv_and_hsds_round_trips() {
    let db = with_services();
    let hours_of = |db: &TestDb| -> BTreeMap<String, String> {
        let v: Value =
            serde_json::from_slice(&db.output(&["directory", "search", "testlinjen", "--json"]))
                .unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| {
                (
                    s["name"].as_str().unwrap().to_string(),
                    s["hours"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let before = hours_of(&db);
    assert_eq!(
        before["Testlinjen Jul"],
        "mon-fri 08:00-16:00; 24.12 09:00-12:00; 31.12 closed"
    );
    assert_eq!(
        before["Testlinjen Helligdag"],
        "mon-sun 10:00-22:00; holidays 12:00-16:00"
    );
    for file in ["all.csv", "all.json"] {
        let path = db.dir.path().join(file);
        db.cmd()
            .args(["directory", "export", "-o"])
            .arg(&path)
            .assert()
            .success();
        let fresh = TestDb::new();
        fresh
            .cmd()
            .args(["directory", "import"])
            .arg(&path)
            .assert()
            .success();
        assert_eq!(hours_of(&fresh), before, "{file}");
        assert_eq!(
            open_names(&fresh, "2027-05-17 13:00"),
            ["Døgn", "Helligdag"],
            "{file}"
        );
    }
    // Other HSDS readers see the day of the year and the holiday rule in
    // words (HSDS 3.0 has neither a holiday schedule nor a yearly rule).
    let json = std::fs::read_to_string(db.dir.path().join("all.json")).unwrap();
    let v: Value = serde_json::from_str(&json).unwrap();
    let jul = v
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Testlinjen Jul")
        .unwrap();
    let schedules = jul["schedules"].as_array().unwrap();
    assert!(
        schedules
            .iter()
            .any(|s| s["description"] == "24.12 09:00-12:00"
                && s["notes"] == "Every year on 24.12."
                && s["opens_at"] == "09:00"
                && s["closes_at"] == "12:00")
    );
    assert_eq!(
        schedules[0]["notes"],
        "Closed on Norwegian public holidays."
    );
}

fn oslo(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    chrono_tz::Europe::Oslo
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .unwrap()
        .with_timezone(&Utc)
}

#[test]
fn the_app_list_and_detail_agree_with_the_cli() {
    let db = with_services();
    for (at, open) in [
        (oslo(2026, 11, 23, 10, 0), true),
        (oslo(2027, 5, 17, 10, 0), false),
        (oslo(2027, 3, 26, 10, 0), false),
    ] {
        let mut app = db.app(Lang::En, at);
        app.set_actor("KH");
        app.on_key(KeyEvent::new(KeyCode::Char('2'), KeyModifiers::NONE));
        app.on_key(KeyEvent::new(KeyCode::Char('/'), KeyModifiers::NONE));
        app.on_paste("ukedag");
        let s = render_text(&app, 120, 30);
        let row = s
            .lines()
            .find(|l| l.contains("Testlinjen Ukedag") && l.contains("22 33 44 01"))
            .unwrap_or_else(|| panic!("{s}"));
        let word = if open { "OPEN" } else { "closed" };
        assert!(row.contains(word), "{at}: {row}");
        let detail = s.lines().find(|l| l.contains("Hours:")).unwrap();
        assert!(detail.contains(word), "{at}: {detail}");
        assert!(detail.contains("closed on public holidays"), "{detail}");
    }
}
