//! Who may acknowledge a handover: the person on duty (set with F3 or
//! `--as`, never typed at the prompt), and not the one who gave it, unless
//! `[handover] self_acknowledge` allows a lone volunteer to. The banner
//! goes at once after the acknowledgement, in every terminal.

mod common;

use chrono::{DateTime, TimeZone, Utc};
use common::TestDb;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::i18n::Lang;
use vakt::tui::{App, render_text};

fn oslo(d: u32, h: u32, min: u32) -> DateTime<Utc> {
    chrono_tz::Europe::Oslo
        .with_ymd_and_hms(2026, 11, d, h, min, 0)
        .unwrap()
        .with_timezone(&Utc)
}

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn screen(app: &App) -> String {
    render_text(app, 120, 34)
}

/// KH worked Monday and gave the handover.
fn given_by_kh() -> TestDb {
    let db = TestDb::new();
    let mut s = db.store();
    s.start_shift("KH", oslo(23, 9, 0)).unwrap();
    s.end_shift("KH", oslo(23, 15, 0)).unwrap();
    db
}

fn review_as(db: &TestDb, who: &str) -> App {
    let mut a = db.app(Lang::En, oslo(24, 9, 0));
    a.set_on_duty(who, false);
    a.resize(120, 34);
    key(&mut a, KeyCode::Char('3'));
    key(&mut a, KeyCode::Char('h'));
    a
}

#[test]
fn the_person_on_duty_acknowledges_whatever_is_typed() {
    let db = given_by_kh();
    let mut a = review_as(&db, "CD");
    key(&mut a, KeyCode::Char('k'));
    assert!(
        screen(&a).contains("CD"),
        "prefilled with the person on duty"
    );
    typ(&mut a, "AB");
    key(&mut a, KeyCode::Enter);
    let s = screen(&a);
    assert!(s.contains("Handover acknowledged by CD ✓"), "{s}");
    let h = db.store().latest_handover(oslo(24, 0, 0)).unwrap().unwrap();
    assert_eq!(h.acknowledged_by.as_deref(), Some("CD"));
    // The banner is gone at once, here and in another terminal.
    assert!(!s.contains("is not acknowledged"), "{s}");
}

#[test]
fn the_giver_cannot_acknowledge_their_own_handover() {
    let db = given_by_kh();
    let mut a = review_as(&db, "KH");
    key(&mut a, KeyCode::Char('k'));
    key(&mut a, KeyCode::Enter);
    let s = screen(&a);
    assert!(
        s.contains("KH gave this handover and cannot acknowledge it"),
        "{s}"
    );
    assert_eq!(db.store().pending_handovers().unwrap().len(), 1);

    db.cmd()
        .args(["--lang", "en", "--as", "KH", "handover", "ack"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "KH gave this handover and cannot acknowledge it",
        ));
    assert_eq!(db.store().pending_handovers().unwrap().len(), 1);

    // A lone volunteer may, where the coordinator allows it.
    let cfg = db.dir.path().join("config.toml");
    std::fs::write(&cfg, "[handover]\nself_acknowledge = true\n").unwrap();
    db.cmd()
        .args(["--lang", "en", "--as", "KH", "--config"])
        .arg(&cfg)
        .args(["handover", "ack"])
        .assert()
        .success()
        .stdout("1 handover acknowledged by KH.\n");
    assert!(db.store().pending_handovers().unwrap().is_empty());
}

#[test]
fn the_banner_goes_at_once_in_every_terminal() {
    let db = given_by_kh();
    let mut other = db.app(Lang::En, oslo(24, 9, 0));
    other.set_on_duty("EF", false);
    other.resize(120, 34);
    assert!(screen(&other).contains("is not acknowledged"));
    let mut a = review_as(&db, "CD");
    assert!(screen(&a).contains("is not acknowledged"));
    key(&mut a, KeyCode::Char('k'));
    key(&mut a, KeyCode::Enter);
    let s = screen(&a);
    assert!(s.contains("Handover acknowledged by CD ✓"), "{s}");
    assert!(!s.contains("is not acknowledged"), "here:\n{s}");
    other.poll_db();
    let s = screen(&other);
    assert!(!s.contains("is not acknowledged"), "there:\n{s}");
}
