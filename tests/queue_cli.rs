//! `vakt voicemail|complaint add`, `vakt queue`, `vakt callback …` as a real binary.

mod common;

use common::TestDb;
use predicates::prelude::*;
use serde_json::Value;

fn run_json(db: &TestDb, args: &[&str]) -> Value {
    let out = db
        .cmd()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).expect("JSON")
}

#[test]
fn voicemail_add_prints_id_and_deadline() {
    let db = TestDb::new();
    let v = run_json(
        &db,
        &[
            "voicemail",
            "add",
            "--phone",
            "+47 22 33 44 55",
            "--received",
            "2026-04-01 10:00",
            "--old",
            "--json",
        ],
    );
    assert_eq!(v["id"], 1);
    assert_eq!(v["joined"], false);
    assert_eq!(v["deadline"], "2026-04-07T15:00:00+02:00");
    // Same number again joins the open item.
    let v = run_json(
        &db,
        &[
            "voicemail",
            "add",
            "--phone",
            "0047 22334455",
            "--received",
            "2026-04-01 11:00",
            "--old",
            "--no-message",
            "--json",
        ],
    );
    assert_eq!(v["id"], 1);
    assert_eq!(v["joined"], true);
    db.cmd()
        .args([
            "--lang",
            "en",
            "voicemail",
            "add",
            "--phone",
            "22 33 44 66",
            "--received",
            "2026-04-02 09:00",
            "--old",
        ])
        .assert()
        .success()
        .stdout("Item 2: due 07.04.2026 15:00.\n");
}

#[test]
fn bad_numbers_and_times_say_what_is_wrong_without_echoing_the_number() {
    let db = TestDb::new();
    db.cmd()
        .args(["--lang", "en", "voicemail", "add", "--phone", "2233445"])
        .assert()
        .code(2)
        .stderr("vakt: The number is 1 digit short (Norwegian numbers have 8).\n");
    db.cmd()
        .args(["--lang", "nb", "voicemail", "add", "--phone", "22x33445"])
        .assert()
        .code(2)
        .stderr("vakt: Nummeret kan ikke inneholde «x».\n");
    db.cmd()
        .args([
            "--lang",
            "en",
            "voicemail",
            "add",
            "--phone",
            "22334455",
            "--received",
            "25:00",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("25:00 is not a clock time"));
    db.cmd()
        .args([
            "--lang",
            "en",
            "voicemail",
            "add",
            "--phone",
            "22334455",
            "--received",
            "2099-01-01 10:00",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("in the future"));
    let long = "9".repeat(100_000); // near the OS limit for one argument
    db.cmd()
        .args(["--lang", "en", "voicemail", "add", "--phone", &long])
        .assert()
        .code(2)
        .stderr("vakt: The number is too long.\n");
}

#[test]
fn complaint_add_and_withheld() {
    let db = TestDb::new();
    let v = run_json(
        &db,
        &[
            "complaint",
            "add",
            "--received",
            "2025-12-04 11:00",
            "--old",
            "--summary",
            "Brev om ventetid",
            "--json",
        ],
    );
    // 21 days later is Christmas Day; then Boxing Day and a weekend.
    assert_eq!(v["deadline"], "2025-12-29T15:00:00+01:00");
    db.cmd()
        .args([
            "--lang",
            "en",
            "complaint",
            "add",
            "--received",
            "2025-12-04 11:00",
            "--old",
            "--summary",
            "  ",
        ])
        .assert()
        .code(2);
    db.cmd()
        .args(["--lang", "en", "voicemail", "add", "--withheld"])
        .assert()
        .success()
        .stdout("Withheld number recorded.\n");
    let q = run_json(&db, &["queue", "--json"]);
    assert_eq!(
        q.as_array().unwrap().len(),
        1,
        "withheld calls are not callbacks"
    );
}

#[test]
fn queue_json_masks_unless_revealed_and_orders_by_urgency() {
    let db = TestDb::new();
    run_json(
        &db,
        &[
            "voicemail",
            "add",
            "--phone",
            "22 33 44 55",
            "--received",
            "2026-11-18 10:00",
            "--old",
            "--json",
        ],
    );
    run_json(
        &db,
        &[
            "voicemail",
            "add",
            "--phone",
            "412 34 512",
            "--received",
            "2026-11-16 10:00",
            "--old",
            "--json",
        ],
    );
    let q = run_json(&db, &["queue", "--json"]);
    let arr = q.as_array().unwrap();
    assert_eq!(arr.len(), 2);
    assert_eq!(arr[0]["id"], 2, "the older deadline comes first");
    assert_eq!(arr[0]["phone"], "+47 ••• •• •12");
    assert_eq!(arr[0]["overdue"], true);
    assert_eq!(arr[0]["status"], "open");
    assert_eq!(arr[0]["attempts"], 0);
    assert_eq!(arr[0]["kind"], "voicemail");
    assert!(
        arr[0]["received"]
            .as_str()
            .unwrap()
            .starts_with("2026-11-16T10:00:00+01:00")
    );
    assert_eq!(arr[0]["deadline"], "2026-11-17T15:00:00+01:00");
    let out = db.output(&["queue", "--json"]);
    assert!(!String::from_utf8_lossy(&out).contains("412 34 512"));
    let r = run_json(&db, &["queue", "--json", "--reveal"]);
    assert_eq!(r[0]["phone"], "+47 412 34 512");
    let c = rusqlite::Connection::open(&db.path).unwrap();
    let reveals: i64 = c
        .query_row(
            "SELECT count(*) FROM audit WHERE action = 'reveal'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(reveals, 1);
}

#[test]
fn attempt_and_close_from_the_command_line() {
    let db = TestDb::new();
    run_json(
        &db,
        &["voicemail", "add", "--phone", "22 33 44 55", "--json"],
    );
    db.cmd()
        .args([
            "--lang",
            "en",
            "callback",
            "attempt",
            "1",
            "--result",
            "no-answer",
            "--note",
            "tried",
        ])
        .assert()
        .success()
        .stdout("Attempt saved for item 1.\n");
    db.cmd()
        .args([
            "--lang",
            "en",
            "callback",
            "close",
            "1",
            "--outcome",
            "gave-up",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("needs 3 attempts; 1 made"));
    db.cmd()
        .args([
            "--lang", "en", "callback", "attempt", "1", "--result", "maybe",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Unknown result"));
    db.cmd()
        .args([
            "--lang", "en", "callback", "attempt", "99", "--result", "busy",
        ])
        .assert()
        .code(2)
        .stderr("vakt: No item 99.\n");
    db.cmd()
        .args([
            "--lang", "en", "callback", "attempt", "1", "--result", "reached",
        ])
        .assert()
        .success()
        .stdout("Attempt saved; item 1 reached and closed.\n");
    let q = run_json(&db, &["queue", "--json"]);
    assert!(q.as_array().unwrap().is_empty());
    let all = run_json(&db, &["queue", "--json", "--all"]);
    assert_eq!(all[0]["status"], "closed");
    assert_eq!(all[0]["outcome"], "reached");
    assert_eq!(all[0]["attempts"], 2);
    db.cmd()
        .args([
            "--lang",
            "en",
            "callback",
            "close",
            "1",
            "--outcome",
            "not-needed",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already closed"));
}

#[test]
fn every_queue_command_explains_itself() {
    let db = TestDb::new();
    for args in [
        vec!["voicemail", "add", "--help"],
        vec!["complaint", "add", "--help"],
        vec!["queue", "--help"],
        vec!["callback", "attempt", "--help"],
        vec!["callback", "close", "--help"],
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

/// A voicemail typed on the command line does not claim the caller asked
/// to be called back (the app's form says "not known" too); the flags say
/// what the caller did say.
#[test]
fn the_command_line_does_not_invent_a_wish_for_a_callback() {
    let db = TestDb::new();
    let wants = |args: &[&str]| {
        let mut all = vec!["voicemail", "add", "--json"];
        all.extend_from_slice(args);
        let v = run_json(&db, &all);
        let id = v["id"].as_i64().unwrap();
        db.store()
            .callback(id)
            .unwrap()
            .unwrap()
            .safety
            .wants_callback
    };
    assert_eq!(wants(&["--phone", "22 33 44 01"]), None);
    assert_eq!(
        wants(&["--phone", "22 33 44 02", "--wants-callback"]),
        Some(true)
    );
    assert_eq!(
        wants(&["--phone", "22 33 44 03", "--no-callback"]),
        Some(false)
    );
    db.cmd()
        .args(["voicemail", "add", "--phone", "22 33 44 04"])
        .args(["--wants-callback", "--no-callback"])
        .assert()
        .code(2);
}

/// A queue row holding a value this version cannot read (here a received
/// time that is not an instant) is an error that says what it was, never
/// an empty or shortened queue, and the file is left as it was.
#[test]
fn an_unreadable_stored_value_is_named_not_an_empty_queue() {
    let db = TestDb::new();
    for (phone, outcome) in [
        ("+47 22 33 44 55", None),
        ("+47 22 33 44 56", Some("purple")),
    ] {
        let v = run_json(
            &db,
            &[
                "voicemail",
                "add",
                "--phone",
                phone,
                "--received",
                "2026-04-01 10:00",
                "--old",
                "--json",
            ],
        );
        let id = v["id"].as_i64().unwrap();
        let c = rusqlite::Connection::open(&db.path).unwrap();
        match outcome {
            None => c
                .execute(
                    "UPDATE callbacks SET received_at = 'last tuesday' WHERE id = ?1",
                    [id],
                )
                .unwrap(),
            // As a newer version might write it: a key this one does not know.
            Some(o) => c
                .execute_batch("PRAGMA ignore_check_constraints = ON")
                .and_then(|()| {
                    c.execute(
                        "UPDATE callbacks SET outcome = ?2 WHERE id = ?1",
                        rusqlite::params![id, o],
                    )
                })
                .unwrap(),
        };
        let before = std::fs::read(&db.path).unwrap();
        let out = db
            .cmd()
            .args(["--lang", "en", "queue"])
            .assert()
            .failure()
            .get_output()
            .clone();
        let err = String::from_utf8_lossy(&out.stderr);
        let what = if outcome.is_none() {
            "timestamp"
        } else {
            "outcome"
        };
        assert!(err.contains(what), "{err}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(!stdout.contains("No open callbacks"), "{stdout}");
        assert_eq!(std::fs::read(&db.path).unwrap(), before);
        // Put the row right so the next round starts from a readable queue.
        c.execute(
            "UPDATE callbacks SET received_at = '2026-04-01T08:00:00Z', outcome = NULL \
             WHERE id = ?1",
            [id],
        )
        .unwrap();
    }
}
