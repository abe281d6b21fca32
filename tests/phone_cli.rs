//! Phone numbers through the real binary: a number is stored as the number
//! that reaches the caller, and a number that cannot be real is refused with
//! a specific message (exit 2). All numbers are synthetic.

mod common;

use common::TestDb;
use predicates::prelude::*;
use serde_json::Value;

fn add(db: &TestDb, phone: &str, received: &str) -> Value {
    let out = db.output(&[
        "voicemail",
        "add",
        "--phone",
        phone,
        "--received",
        received,
        // The fixed dates below are months back: said to be meant.
        "--old",
        "--json",
    ]);
    serde_json::from_slice(&out).expect("JSON")
}

fn stored_phone(db: &TestDb, id: i64) -> String {
    let item = db.store().callback(id).unwrap().unwrap();
    item.phone.expect("a number").as_str().to_owned()
}

#[test]
fn trunk_zero_after_the_country_code_is_dropped_and_the_same_caller_joins() {
    let db = TestDb::new();
    let first = add(&db, "+92 0300 1234567", "2026-04-01 10:00");
    assert_eq!(stored_phone(&db, 1), "+923001234567");
    // The same number written correctly joins the item.
    let second = add(&db, "+92 300 1234567", "2026-04-01 11:00");
    assert_eq!(second["id"], first["id"]);
    assert_eq!(second["joined"], true);
    for (i, (input, want)) in [
        ("+963 0944 567 890", "+963944567890"),
        ("+98 0912 345 6789", "+989123456789"),
        ("+234 0802 123 4567", "+2348021234567"),
        ("+91 098765 43210", "+919876543210"),
        ("+20 0100 123 4567", "+201001234567"),
    ]
    .iter()
    .enumerate()
    {
        add(&db, input, "2026-04-02 10:00");
        assert_eq!(stored_phone(&db, i as i64 + 2), *want, "{input}");
    }
}

#[test]
fn spellings_of_norwegian_numbers_people_use_are_accepted() {
    let db = TestDb::new();
    add(&db, "+47 02800", "2026-04-01 10:00");
    assert_eq!(stored_phone(&db, 1), "02800");
    // A short number, spelled with the country code (113, an emergency
    // number, is never a callback: tests/rules_cli.rs).
    add(&db, "0047 116 123", "2026-04-01 10:00");
    assert_eq!(stored_phone(&db, 2), "116123");
    add(&db, "tel:+47-22-33-44-55", "2026-04-01 10:00");
    assert_eq!(stored_phone(&db, 3), "+4722334455");
}

#[test]
fn numbers_that_cannot_be_real_are_refused_with_a_specific_message() {
    let db = TestDb::new();
    let cases = [
        (
            "en",
            "+46 70 123",
            "vakt: Sweden: a mobile number has 9 digits after +46 (this one has 5).\n",
        ),
        (
            "nb",
            "+46 70 123",
            "vakt: Sverige: et mobilnummer har 9 sifre etter +46 (dette har 5).\n",
        ),
        (
            "en",
            "+45 12 34 56 78",
            "vakt: Denmark (+45): no number in use starts like this. Check the digits.\n",
        ),
        (
            "en",
            "+44 7700 900123",
            "vakt: United Kingdom (+44): no number in use starts like this. Check the digits.\n",
        ),
        (
            "nb",
            "58 12 34 56",
            "vakt: Norge (+47): ingen nummer i bruk begynner slik. Sjekk sifrene.\n",
        ),
    ];
    for (lang, input, want) in cases {
        db.cmd()
            .args(["--lang", lang, "voicemail", "add", "--phone", input])
            .assert()
            .code(2)
            .stderr(want);
    }
    // Nothing was saved.
    assert!(db.store().callback(1).unwrap().is_none());
}

#[test]
fn a_control_character_in_a_number_is_described_not_echoed() {
    let db = TestDb::new();
    for lang in ["en", "nb"] {
        let out = db
            .cmd()
            .args([
                "--lang",
                lang,
                "voicemail",
                "add",
                "--phone",
                "22\u{1b}[2J334455",
            ])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("U+001B"))
            .get_output()
            .stderr
            .clone();
        let text = String::from_utf8(out).unwrap();
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?}"
        );
    }
}
