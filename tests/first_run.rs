//! The first start on an empty database, and `vakt demo`.

mod common;

use common::{TestDb, monday_morning};
use predicates::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::i18n::Lang;
use vakt::tui::App;
use vakt::tui::popup::PopupKind;
use vakt::tui::render_text;

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

#[test]
fn welcome_shows_hours_and_changes_them() {
    let db = TestDb::new();
    let mut app = db.app(Lang::Nb, monday_morning());
    app.show_welcome_if_new();
    let s = render_text(&app, 120, 30);
    assert!(s.contains("Velkommen til vakt"), "{s}");
    assert!(s.contains("mandag    09:00-15:00"));
    assert!(s.contains("lørdag    stengt"));
    // Started by cargo (as the tests are, and as the README starts it):
    // the hint names the command that works without vakt on the PATH.
    assert!(s.contains("cargo run --release -- demo"), "{s}");
    key(&mut app, KeyCode::Char('e'));
    let s = render_text(&app, 120, 30);
    assert!(s.contains("Åpningstider"), "{s}");
    // Friday: close at 14:00; Saturday: an impossible time first.
    for _ in 0..4 {
        key(&mut app, KeyCode::Tab);
    }
    for _ in 0..5 {
        key(&mut app, KeyCode::Backspace);
    }
    for c in "14:00".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Tab);
    for _ in 0..6 {
        key(&mut app, KeyCode::Backspace);
    }
    for c in "10-25".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Enter);
    let s = render_text(&app, 120, 30);
    assert!(s.contains("«10-25» er ikke en åpningstid"), "{s}");
    for _ in 0..2 {
        key(&mut app, KeyCode::Backspace);
    }
    for c in "14".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Enter);
    let s = render_text(&app, 120, 30);
    assert!(s.contains("Åpningstidene er lagret ✓"), "{s}");
    assert!(s.contains("fredag    09:00-14:00"), "{s}");
    assert!(s.contains("lørdag    10:00-14:00"), "{s}");
    let cal = db.store().calendar().unwrap();
    assert_eq!(
        cal.weekly[4].unwrap().close,
        chrono::NaiveTime::from_hms_opt(14, 0, 0).unwrap()
    );
    assert!(cal.weekly[5].is_some());
    key(&mut app, KeyCode::Enter);
    assert!(!app.has_popup(PopupKind::Welcome));
    // A database with work in it shows no welcome.
    let mut again = db.app(Lang::Nb, monday_morning());
    db.store()
        .add_withheld(monday_morning(), "T", monday_morning())
        .unwrap();
    db.store().start_shift("KH", monday_morning()).unwrap();
    again.show_welcome_if_new();
    assert!(!again.has_popup(PopupKind::Welcome));
}

#[test]
fn demo_fills_a_new_database_and_never_an_existing_one() {
    let db = TestDb::new();
    db.cmd()
        .args(["--lang", "en", "demo", "--no-open", "--days", "20"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Done: 240 items"));
    let q = db.output(&["queue", "--json"]);
    let q: serde_json::Value = serde_json::from_slice(&q).unwrap();
    let items = q.as_array().unwrap();
    assert!(!items.is_empty());
    assert!(
        items.iter().any(|i| i["overdue"] == true),
        "some items are overdue"
    );
    assert!(items.iter().all(|i| i["status"] == "open"));
    db.cmd()
        .args(["--lang", "en", "demo", "--no-open"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already holds data"));
    let h = db.output(&["handover", "--format", "json"]);
    let h: serde_json::Value = serde_json::from_slice(&h).unwrap();
    assert!(h["done"]["notes"].as_u64().unwrap() > 0);
}

#[test]
fn demo_without_db_goes_to_its_own_file_not_the_real_one() {
    let db = TestDb::new();
    db.cmd()
        .env_remove("VAKT_DB")
        .args(["--lang", "en", "demo", "--no-open"])
        .assert()
        .success();
    assert!(db.dir.path().join("data/vakt/vakt-demo.db").exists());
    assert!(!db.dir.path().join("data/vakt/vakt.db").exists());
}

#[test]
fn a_demo_of_years_is_already_purged_as_daily_purges_would_leave_it() {
    let db = TestDb::new();
    let mut store = db.store();
    let now = monday_morning();
    let scale = vakt::demo::Scale {
        callbacks: 3000,
        notes: 3000,
        services: 0,
        days: 900,
    };
    vakt::demo::generate(&mut store, scale, now, 3).unwrap();
    let keep = vakt::config::Config::default().privacy.retention();
    // Nothing left for the first start's purge to do.
    let due = store.purge(keep, true, "TEST", now).unwrap();
    assert!(due.is_empty(), "{due:?}");
    let c = rusqlite::Connection::open(&db.path).unwrap();
    let n = |sql: &str| -> i64 { c.query_row(sql, [], |r| r.get(0)).unwrap() };
    // Old closed items have no caller data; recent ones still do.
    assert!(n("SELECT count(*) FROM callbacks WHERE purged_at IS NOT NULL") > 2000);
    assert_eq!(
        n("SELECT count(*) FROM callbacks WHERE purged_at IS NOT NULL
           AND (phone IS NOT NULL OR caller_label <> '' OR summary <> '')"),
        0
    );
    assert!(n("SELECT count(*) FROM callbacks WHERE purged_at IS NULL AND summary <> ''") > 0);
    // Notes older than a year are blank, newer ones are not.
    assert!(n("SELECT count(*) FROM notes WHERE purged_at IS NOT NULL AND body = ''") > 1000);
    assert_eq!(
        n("SELECT count(*) FROM notes WHERE purged_at IS NOT NULL AND body <> ''"),
        0
    );
    assert!(n("SELECT count(*) FROM notes WHERE purged_at IS NULL AND body <> ''") > 0);
}

/// Whenever the demo is made, it looks like a helpline at that moment:
/// every shift has notes, the last ended shift's handover waits for the
/// next opening, today's shift runs only until closing time, and some
/// items are overdue even after a weekend.
#[test]
fn a_demo_looks_like_its_moment_at_any_hour() {
    use chrono::TimeZone;
    let oslo = |y, m, d, h, min| {
        chrono_tz::Europe::Oslo
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .unwrap()
            .with_timezone(&chrono::Utc)
    };
    let cases = [
        // Monday evening, after closing: today's shift has ended.
        (oslo(2026, 11, 23, 18, 0), false),
        // Monday 10:00: today's shift is on.
        (oslo(2026, 11, 23, 10, 0), true),
        // Saturday: Friday's handover still waits.
        (oslo(2026, 11, 28, 12, 0), false),
        // Sunday night after the clocks went forward.
        (oslo(2027, 3, 28, 3, 30), false),
        // Thursday 31 December, just before midnight.
        (oslo(2026, 12, 31, 23, 59), false),
    ];
    for (now, shift_on) in cases {
        let db = TestDb::new();
        let mut store = db.store();
        vakt::demo::generate(&mut store, vakt::demo::Scale::small(), now, 7).unwrap();
        let c = rusqlite::Connection::open(&db.path).unwrap();
        let n = |sql: &str| -> i64 { c.query_row(sql, [], |r| r.get(0)).unwrap() };
        assert_eq!(
            n("SELECT count(*) FROM shifts s WHERE NOT EXISTS
               (SELECT 1 FROM notes n WHERE n.shift_id = s.id)"),
            0,
            "a shift without notes at {now}"
        );
        assert_eq!(
            n("SELECT count(*) FROM shifts WHERE ended_at IS NULL"),
            i64::from(shift_on),
            "open shifts at {now}"
        );
        let later: i64 = c
            .query_row(
                "SELECT count(*) FROM notes WHERE at > ?1",
                [vakt::store::ts(now)],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(later, 0, "notes after {now}");
        let pending = store.pending_handovers().unwrap();
        if shift_on {
            // Given at the last closing, acknowledged at today's opening.
            assert!(pending.is_empty(), "{now}: {pending:?}");
        } else {
            assert_eq!(pending.len(), 1, "{now}: {pending:?}");
            let review = vakt::handover::pending(&store, &store.calendar().unwrap(), now)
                .unwrap()
                .unwrap();
            assert!(review.activity.notes > 0, "{now}");
        }
        let overdue = store.queue_counts(now, now).unwrap().overdue;
        assert!(overdue > 0, "nothing overdue at {now}");
    }
}

fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// A closed day shows "closed" only as a placeholder: what is typed
/// replaces it, never appends to it. An error is shown whole (wrapped in
/// the box, also at 80×24) and goes as soon as the value is right.
#[test]
fn opening_hours_replace_the_placeholder_and_errors_fit_and_clear() {
    for (lang, closed, bad, fix_hint, form_hint) in [
        (
            Lang::En,
            "closed",
            "is not an opening time",
            "empty the field for closed",
            "empty field = closed",
        ),
        (
            Lang::Nb,
            "stengt",
            "er ikke en åpningstid",
            "tøm feltet for stengt",
            "tomt felt = stengt",
        ),
    ] {
        let db = TestDb::new();
        let mut app = db.app(lang, monday_morning());
        app.resize(80, 24);
        app.show_welcome_if_new();
        key(&mut app, KeyCode::Char('e'));
        // Saturday: closed, shown as the placeholder.
        for _ in 0..5 {
            key(&mut app, KeyCode::Tab);
        }
        let s = render_text(&app, 80, 24);
        assert!(s.contains(closed), "{s}");
        assert!(s.contains(form_hint), "{s}");
        typ(&mut app, "10-25");
        let s = render_text(&app, 80, 24);
        assert!(!s.contains(&format!("{closed}10")), "{s}");
        assert!(s.contains("10-25"), "{s}");
        key(&mut app, KeyCode::Enter);
        let s = render_text(&app, 80, 24);
        // The whole sentence, wrapped: its last words are on screen.
        assert!(s.contains(bad), "{s}");
        assert!(
            s.replace(['│', '\n'], " ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .contains(fix_hint),
            "{s}"
        );
        // Fixed: the error goes at once, before saving.
        key(&mut app, KeyCode::Backspace);
        key(&mut app, KeyCode::Backspace);
        typ(&mut app, "14");
        let s = render_text(&app, 80, 24);
        assert!(!s.contains(bad), "{s}");
        assert!(!s.contains('✗'), "{s}");
        // Sunday stays closed: its placeholder is read as closed.
        key(&mut app, KeyCode::Enter);
        let cal = db.store().calendar().unwrap();
        assert_eq!(
            cal.weekly[5].map(|h| h.close),
            chrono::NaiveTime::from_hms_opt(14, 0, 0)
        );
        assert_eq!(cal.weekly[6], None);
        let s = render_text(&app, 80, 24);
        assert!(s.contains("✓"), "{s}");
    }
}

/// The week's opening hours from the welcome are saved together or not at
/// all: a write that fails on one day (here Friday, refused by the file)
/// leaves every day as it was, and the person is told it was not saved.
#[test]
fn opening_hours_are_saved_as_one_week_or_not_at_all() {
    let db = TestDb::new();
    let mut app = db.app(Lang::En, monday_morning());
    app.show_welcome_if_new();
    let before = db.store().calendar().unwrap().weekly;
    key(&mut app, KeyCode::Char('e'));
    // Monday and Friday close at 14:00.
    for field in [0, 4] {
        for _ in 0..5 {
            key(&mut app, KeyCode::Backspace);
        }
        for c in "14:00".chars() {
            key(&mut app, KeyCode::Char(c));
        }
        let steps = if field == 0 { 4 } else { 0 };
        for _ in 0..steps {
            key(&mut app, KeyCode::Tab);
        }
    }
    let c = rusqlite::Connection::open(&db.path).unwrap();
    for ev in ["INSERT", "UPDATE"] {
        c.execute_batch(&format!(
            "CREATE TRIGGER refuse_friday_{ev} BEFORE {ev} ON opening_hours
             WHEN NEW.weekday = 4 BEGIN SELECT RAISE(ABORT, 'refused'); END;"
        ))
        .unwrap();
    }
    key(&mut app, KeyCode::Enter);
    let s = render_text(&app, 120, 30);
    assert!(!s.contains("hours are saved"), "{s}");
    assert_eq!(db.store().calendar().unwrap().weekly, before, "{s}");
    // Once the file takes it again, the same form saves the whole week.
    for ev in ["INSERT", "UPDATE"] {
        c.execute_batch(&format!("DROP TRIGGER refuse_friday_{ev}"))
            .unwrap();
    }
    key(&mut app, KeyCode::Enter);
    let s = render_text(&app, 120, 30);
    assert!(s.contains("The opening hours are saved"), "{s}");
    let week = db.store().calendar().unwrap().weekly;
    let two = chrono::NaiveTime::from_hms_opt(14, 0, 0).unwrap();
    assert_eq!((week[0].unwrap().close, week[4].unwrap().close), (two, two));
}
