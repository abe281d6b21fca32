//! One set of rules for what the command line accepts and prints: the same
//! limits as the app's forms, a checked `--as`, times in a sane range, and
//! no control character from input ever printed raw. Through the real
//! binary; all data synthetic.

mod common;

use common::TestDb;
use predicates::prelude::*;

const ESC: &str = "\u{1b}";

fn en(db: &TestDb) -> assert_cmd::Command {
    let mut c = db.cmd();
    c.args(["--lang", "en"]);
    c
}

fn stderr_of(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stderr.clone()).unwrap()
}

fn stdout_of(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stdout.clone()).unwrap()
}

fn voicemail(db: &TestDb, extra: &[&str]) -> assert_cmd::assert::Assert {
    let mut args = vec![
        "voicemail",
        "add",
        "--phone",
        "+47 22 33 44 55",
        "--received",
        "2026-04-01 10:00",
        "--old",
    ];
    args.extend_from_slice(extra);
    en(db).args(&args).assert()
}

fn nothing_stored(db: &TestDb) {
    let out = stdout_of(&en(db).args(["queue", "--json"]).assert().success());
    assert_eq!(out.trim(), "[]", "nothing may be saved: {out}");
}

#[test]
fn the_cli_has_the_apps_limits() {
    let db = TestDb::new();
    for (flag, max) in [("--name", 80), ("--summary", 500), ("--safe-times", 120)] {
        let too_long = "x".repeat(max + 1);
        let a = voicemail(&db, &[flag, &too_long]).code(2);
        let err = stderr_of(&a);
        assert!(err.contains(&format!("at most {max}")), "{flag}: {err}");
        assert!(!err.contains(&too_long), "the text is not echoed: {err}");
        // Exactly the limit is fine.
        let at_limit = "y".repeat(max);
        voicemail(&db, &[flag, &at_limit]).success();
    }
    // 64 000 characters, as the command line allowed before.
    let huge = "z".repeat(64_000);
    voicemail(&db, &["--summary", &huge]).code(2);
    en(&db)
        .args([
            "complaint",
            "add",
            "--received",
            "2026-04-01 10:00",
            "--old",
            "--summary",
            &huge,
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("at most 500"));
    en(&db)
        .args([
            "complaint",
            "add",
            "--received",
            "2026-04-01 10:00",
            "--old",
            "--summary",
            "brev",
            "--name",
            &"n".repeat(81),
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("at most 80"));
}

#[test]
fn an_attempt_note_has_the_apps_limit() {
    let db = TestDb::new();
    voicemail(&db, &[]).success();
    let a = en(&db)
        .args([
            "callback",
            "attempt",
            "1",
            "--result",
            "no_answer",
            "--note",
            &"x".repeat(1001),
        ])
        .assert()
        .code(2);
    assert!(stderr_of(&a).contains("at most 1000"), "{}", stderr_of(&a));
    let out = stdout_of(&en(&db).args(["queue", "--json"]).assert().success());
    assert!(out.contains("\"attempts\": 0"), "no attempt saved: {out}");
    en(&db)
        .args([
            "callback",
            "attempt",
            "1",
            "--result",
            "no_answer",
            "--note",
            &"x".repeat(1000),
        ])
        .assert()
        .success();
}

#[test]
fn control_characters_in_input_are_refused() {
    let db = TestDb::new();
    let bad = format!("{ESC}[2J{ESC}]0;owned\u{7}");
    for flag in ["--name", "--summary", "--safe-times"] {
        let a = voicemail(&db, &[flag, &bad]).code(2);
        let err = stderr_of(&a);
        assert!(err.contains("control character"), "{flag}: {err}");
        assert!(!err.contains(ESC), "{flag}: {err:?}");
    }
    // A direction override can make a line read differently.
    voicemail(&db, &["--summary", "ring \u{202e}ikke"]).code(2);
    nothing_stored(&db);
    en(&db)
        .args(["log", "add", &format!("note {ESC}[31mred")])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("control character"));
    // A note keeps its line breaks.
    en(&db)
        .args(["log", "add", "first line\r\nsecond line"])
        .assert()
        .success();
}

#[test]
fn a_complaint_needs_a_summary_in_one_place() {
    let db = TestDb::new();
    en(&db)
        .args([
            "complaint",
            "add",
            "--received",
            "2026-04-01 10:00",
            "--old",
            "--summary",
            "  ",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("summary"));
    nothing_stored(&db);
}

#[test]
fn as_takes_a_name_a_person_would_use() {
    let db = TestDb::new();
    for bad in [
        format!("{ESC}[31mEVIL{ESC}[0m"),
        "x".repeat(21),
        "a/b".into(),
        "<script>".into(),
        "Kari\nNils".into(),
        "".into(),
        "   ".into(),
    ] {
        let a = en(&db)
            .args([
                "--as",
                &bad,
                "voicemail",
                "add",
                "--phone",
                "+47 22 33 44 55",
            ])
            .assert()
            .code(2);
        let err = stderr_of(&a);
        assert!(err.contains("--as"), "{bad:?}: {err}");
        assert!(err.contains("letters"), "{bad:?}: {err}");
        assert!(!err.contains(ESC), "{err:?}");
    }
    nothing_stored(&db);
    let out = stdout_of(&en(&db).args(["audit"]).assert().success());
    assert!(!out.contains("EVIL"), "{out}");
    for good in ["Kari N.", "Ørjan Åsheim", "Anne-Lise 2", "KN"] {
        en(&db)
            .args(["--as", good, "shift", "start"])
            .assert()
            .success();
    }
}

#[test]
fn an_empty_as_is_refused_for_a_note() {
    let db = TestDb::new();
    for empty in ["", " "] {
        en(&db)
            .args(["--as", empty, "log", "add", "a note"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--as"));
    }
    // Without --as and without a usable login name: say who.
    db.cmd()
        .env_remove("VAKT_AS")
        .env_remove("USER")
        .args(["--lang", "en", "log", "add", "a note"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--as"));
    let out = stdout_of(
        &en(&db)
            .args(["handover", "--format", "json"])
            .assert()
            .success(),
    );
    assert!(!out.contains("a note"), "no note was saved: {out}");
}

#[test]
fn stored_control_characters_are_printed_escaped() {
    // Text written before these rules (or by another tool) may hold
    // escape sequences: whatever vakt prints makes them visible.
    let db = TestDb::new();
    let evil = format!("{ESC}[31mEVIL{ESC}]0;title\u{7}");
    {
        use vakt::store::log::{Marks, NewNote};
        let mut s = db.store();
        let note = NewNote {
            body: format!("handover {evil}"),
            callback_id: None,
            marks: Marks {
                handover: true,
                escalation: false,
                pinned: false,
            },
            amends: None,
        };
        s.add_note(&note, &evil, common::monday_morning()).unwrap();
        s.start_shift(&evil, common::monday_morning()).unwrap();
    }
    for args in [
        vec!["audit"],
        vec!["handover", "--date", "2026-11-23"],
        vec!["handover", "--date", "2026-11-23", "--format", "md"],
        vec!["handover", "--date", "2026-11-23", "--format", "json"],
    ] {
        let a = en(&db).args(&args).assert().success();
        let out = stdout_of(&a);
        assert!(out.contains("EVIL"), "{args:?} shows the text: {out}");
        assert!(!out.contains(ESC), "{args:?} printed a raw ESC: {out:?}");
        assert!(
            !out.contains('\u{7}'),
            "{args:?} printed a raw BEL: {out:?}"
        );
    }
}

#[test]
fn times_outside_1970_to_100_years_ahead_are_input_errors() {
    let db = TestDb::new();
    for received in ["0000-01-01 10:00", "0001-01-01 10:00", "1969-12-31 23:00"] {
        let a = en(&db)
            .args([
                "voicemail",
                "add",
                "--phone",
                "+47 22 33 44 56",
                "--received",
                received,
            ])
            .assert()
            .code(2);
        let err = stderr_of(&a);
        assert!(err.contains("1970"), "{received}: {err}");
        assert!(!err.contains("database"), "{received}: {err}");
    }
    for received in ["9999-12-31 10:00", "2200-01-01 10:00", "0001-01-01 10:00"] {
        let a = en(&db)
            .args(["calendar", "deadline", received])
            .assert()
            .code(2);
        let err = stderr_of(&a);
        assert!(err.contains("1970"), "{received}: {err}");
        assert!(!err.contains("database"), "{received}: {err}");
    }
    en(&db)
        .args(["calendar", "deadline", "2099-06-01 10:00"])
        .assert()
        .success();
    en(&db)
        .args(["handover", "--date", "0001-01-01"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("1970"));
}

#[test]
fn a_closed_days_reason_follows_the_text_rules() {
    let db = TestDb::new();
    for bad in [format!("Jul{ESC}[2J"), "x".repeat(201)] {
        let a = en(&db)
            .args(["calendar", "close", "2026-12-24", "--reason", &bad])
            .assert()
            .code(2);
        assert!(stderr_of(&a).contains("reason"), "{}", stderr_of(&a));
    }
    let out = stdout_of(
        &en(&db)
            .args(["calendar", "show", "--json"])
            .assert()
            .success(),
    );
    assert!(!out.contains("2026-12-24"), "nothing saved: {out}");
    en(&db)
        .args(["calendar", "close", "2026-12-24", "--reason", " Julaften "])
        .assert()
        .success();
    let out = stdout_of(
        &en(&db)
            .args(["calendar", "show", "--json"])
            .assert()
            .success(),
    );
    assert!(out.contains("2026-12-24"), "{out}");
}

#[test]
fn an_imported_service_with_control_characters_is_skipped() {
    let db = TestDb::new();
    let path = db.dir.path().join("in.csv");
    std::fs::write(
        &path,
        format!(
            "name,description\nTrygt senter,Åpent hver dag\n\"Ond{ESC}]0;x\u{7}\",tekst\nGodt navn,\"ser \u{202e}rart ut\"\n"
        ),
    )
    .unwrap();
    let a = en(&db)
        .args(["directory", "import"])
        .arg(&path)
        .assert()
        .success();
    let out = stdout_of(&a);
    assert!(out.contains("1 added"), "{out}");
    assert!(out.contains("2 skipped"), "{out}");
    assert!(
        out.contains("the field \"name\" contains a control character"),
        "{out}"
    );
    assert!(
        out.contains("the field \"description\" contains a control character"),
        "{out}"
    );
    assert!(!out.contains(ESC) && !out.contains('\u{202e}'), "{out:?}");
    let list = stdout_of(
        &en(&db)
            .args(["directory", "export", "--format", "csv"])
            .assert()
            .success(),
    );
    assert!(
        !list.contains("Ond") && !list.contains("Godt navn"),
        "{list}"
    );
}

#[test]
fn an_emergency_number_is_never_a_callback() {
    let db = TestDb::new();
    for n in ["113", "112", "110", "+47 113", "1412"] {
        let a = en(&db)
            .args(["voicemail", "add", "--phone", n])
            .assert()
            .code(2);
        let err = stderr_of(&a);
        assert!(err.contains("emergency number"), "{n}: {err}");
    }
    nothing_stored(&db);
    // A service number that is not an emergency number still is one.
    en(&db)
        .args(["voicemail", "add", "--phone", "116123"])
        .assert()
        .success();
}

#[test]
fn a_receipt_years_ago_is_refused_as_a_typo() {
    let db = TestDb::new();
    let a = en(&db)
        .args([
            "voicemail",
            "add",
            "--phone",
            "+47 22 33 44 55",
            "--received",
            "2020-01-01 10:00",
        ])
        .assert()
        .code(2);
    let err = stderr_of(&a);
    assert!(err.contains("more than 60"), "{err}");
    nothing_stored(&db);
    let a = en(&db)
        .args([
            "complaint",
            "add",
            "--summary",
            "rude",
            "--received",
            "2020-01-01 10:00",
        ])
        .assert()
        .code(2);
    assert!(stderr_of(&a).contains("more than 60"));
    nothing_stored(&db);
    // A week back is an ordinary backlog after a holiday.
    let week_ago = (chrono::Utc::now() - chrono::Duration::days(7))
        .with_timezone(&chrono_tz::Europe::Oslo)
        .format("%Y-%m-%d %H:%M")
        .to_string();
    en(&db)
        .args([
            "voicemail",
            "add",
            "--phone",
            "+47 22 33 44 55",
            "--received",
            &week_ago,
        ])
        .assert()
        .success();
}
