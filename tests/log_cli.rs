//! `vakt log add`, `vakt shift start|end`, `vakt handover [ack]` as a real binary.

mod common;

use common::TestDb;
use predicates::prelude::*;
use serde_json::Value;

#[test]
fn a_whole_shift_from_the_command_line() {
    let db = TestDb::new();
    db.cmd()
        .args(["--lang", "en", "--as", "KH", "shift", "start"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Shift #1 for KH started"));
    db.cmd()
        .args([
            "voicemail",
            "add",
            "--phone",
            "22 33 44 55",
            "--summary",
            "Vil prate",
        ])
        .assert()
        .success();
    db.cmd()
        .args([
            "--lang",
            "en",
            "--as",
            "KH",
            "log",
            "add",
            "Call #1 after 16",
            "--handover",
            "--callback",
            "1",
        ])
        .assert()
        .success()
        .stdout("Note #1 saved.\n");
    db.cmd()
        .args([
            "--lang",
            "en",
            "--as",
            "KH",
            "log",
            "add",
            "Police informed",
            "--escalation",
        ])
        .assert()
        .success();
    db.cmd()
        .args([
            "--lang",
            "en",
            "--as",
            "KH",
            "log",
            "add",
            "x",
            "--callback",
            "77",
        ])
        .assert()
        .code(2)
        .stderr("vakt: No item 77.\n");
    db.cmd()
        .args(["--lang", "en", "--as", "KH", "log", "add", "   "])
        .assert()
        .code(2)
        .stderr("vakt: The note is empty.\n");
    db.cmd()
        .args(["--lang", "en", "--as", "KH", "shift", "end"])
        .assert()
        .success()
        .stdout("Shift #1 ended. The handover is waiting to be acknowledged.\n");
    db.cmd()
        .args(["--lang", "en", "--as", "KH", "shift", "end"])
        .assert()
        .code(2)
        .stderr("vakt: KH has no open shift.\n");

    let text = db.output(&["--lang", "en", "handover"]);
    let text = String::from_utf8(text).unwrap();
    assert!(text.contains("1. Urgent now"));
    assert!(text.contains("ESCALATION"));
    assert!(text.contains("Police informed"));
    assert!(text.contains("+47 •• •• •• 55"));
    assert!(!text.contains("22 33 44 55"));
    assert!(text.contains("Call #1 after 16"));
    assert!(text.contains("Not acknowledged yet."));

    let md = db.output(&["--lang", "en", "handover", "--format", "md"]);
    let md = String::from_utf8(md).unwrap();
    assert!(md.contains("## 1. Urgent now"));
    assert!(md.contains("- **ESCALATION"));
    assert!(md.contains("\\#1"), "markup characters are escaped");

    let js = db.output(&["handover", "--format", "json"]);
    let v: Value = serde_json::from_slice(&js).unwrap();
    assert_eq!(v["queue"]["open"], 1);
    assert_eq!(v["queue"]["items"][0]["phone"], "+47 •• •• •• 55");
    assert_eq!(v["urgent"]["escalations"][0]["text"], "Police informed");
    assert_eq!(v["handover_notes"][0]["text"], "Call #1 after 16");
    assert_eq!(v["done"]["notes"], 2);
    assert!(v["acknowledgement"]["acknowledged_by"].is_null());

    db.cmd()
        .env_remove("VAKT_AS")
        .args(["--lang", "en", "handover", "ack"])
        .assert()
        .code(2)
        .stderr("vakt: Say who with --as NAME.\n");
    db.cmd()
        .args(["--lang", "en", "--as", "AB", "handover", "ack"])
        .assert()
        .success()
        .stdout("1 handover acknowledged by AB.\n");
    let js = db.output(&["handover", "--format", "json"]);
    let v: Value = serde_json::from_slice(&js).unwrap();
    assert_eq!(v["acknowledgement"]["acknowledged_by"], "AB");
    db.cmd()
        .args(["--lang", "en", "--as", "AB", "handover", "ack"])
        .assert()
        .success()
        .stdout("No handover is waiting to be acknowledged.\n");
}

/// `vakt handover` without a date shows what `vakt handover ack` would
/// acknowledge, however long ago it was given; `--date` still picks a day.
#[test]
fn handover_without_date_shows_the_one_waiting() {
    let db = TestDb::new();
    let now = chrono::Utc::now();
    let ended = now - chrono::Duration::hours(30);
    let mut s = db.store();
    s.start_shift("KH", ended - chrono::Duration::hours(6))
        .unwrap();
    s.add_note(
        &vakt::store::log::NewNote {
            body: "Synthetic: call #1 after 16".into(),
            callback_id: None,
            marks: vakt::store::log::Marks {
                handover: true,
                ..Default::default()
            },
            amends: None,
        },
        "KH",
        ended - chrono::Duration::hours(1),
    )
    .unwrap();
    s.end_shift("KH", ended).unwrap();
    let text = String::from_utf8(db.output(&["--lang", "en", "handover"])).unwrap();
    assert!(text.contains("Synthetic: call #1 after 16"), "{text}");
    assert!(text.contains(" · KH\n"), "{text}");
    assert!(text.contains("Not acknowledged yet."), "{text}");
    let today = vakt::calendar::CalendarSettings::default()
        .local_date(now)
        .format("%Y-%m-%d")
        .to_string();
    let day =
        String::from_utf8(db.output(&["--lang", "en", "handover", "--date", &today])).unwrap();
    assert!(!day.contains("Synthetic: call #1"), "{day}");
    db.cmd()
        .args(["--lang", "en", "--as", "AB", "handover", "ack"])
        .assert()
        .success()
        .stdout("1 handover acknowledged by AB.\n");
    let after = String::from_utf8(db.output(&["--lang", "en", "handover"])).unwrap();
    assert!(!after.contains("Synthetic: call #1"), "{after}");
}

#[test]
fn handover_for_another_day_and_bad_dates() {
    let db = TestDb::new();
    db.cmd()
        .args(["--lang", "en", "handover", "--date", "2026-11-20"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Handover Fri 20.11.2026"));
    db.cmd()
        .args(["--lang", "en", "handover", "--date", "2026-02-30"])
        .assert()
        .code(2)
        .stderr("vakt: 2026-02-30 is not a date that exists.\n");
    for args in [
        vec!["log", "add", "--help"],
        vec!["shift", "start", "--help"],
        vec!["shift", "end", "--help"],
        vec!["handover", "--help"],
        vec!["handover", "ack", "--help"],
    ] {
        db.cmd()
            .args(["--lang", "en"])
            .args(&args)
            .assert()
            .success()
            .stdout(predicate::str::contains("Usage"));
        db.cmd()
            .args(["--lang", "nb"])
            .args(&args)
            .assert()
            .success()
            .stdout(predicate::str::contains("Bruk"));
    }
}

#[test]
fn an_item_without_a_summary_has_no_empty_part_in_its_review_line() {
    let db = TestDb::new();
    db.cmd()
        .args([
            "voicemail",
            "add",
            "--phone",
            "22 33 44 55",
            "--summary",
            "Vil prate",
        ])
        .assert()
        .success();
    db.cmd()
        .args(["voicemail", "add", "--phone", "41 22 33 44"])
        .assert()
        .success();
    let out = db.output(&["--lang", "en", "handover"]);
    let text = String::from_utf8(out).unwrap();
    let item2 = text
        .lines()
        .find(|l| l.contains("item #2"))
        .expect("item #2");
    // The safety instructions follow the attempts, with no empty part
    // where a summary would be.
    assert!(
        item2.contains("0 attempts · message not agreed"),
        "{item2:?}"
    );
    assert!(!item2.contains("·  ·") && !item2.trim_end().ends_with('·'));
    let item1 = text
        .lines()
        .find(|l| l.contains("item #1"))
        .expect("item #1");
    assert!(item1.contains("0 attempts · Vil prate"), "{item1:?}");
}
