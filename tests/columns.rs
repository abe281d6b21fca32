//! Columns keep what matters: the due column read "try again tomorrow
//! 09:" (the time was lost), safety and summary were cut without "…",
//! and at 80×24 the top line lost the date and the banner lost "key h".
//! Snapshots of the queue at 120×36, 80×24 and 60×20 in both languages.

mod common;

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::TestDb;
use common::queue_fixture::{store_voicemail_by, voicemail};
use vakt::calendar::CalendarSettings;
use vakt::domain::promise::{AttemptResult, Safety};
use vakt::i18n::Lang;
use vakt::store::callbacks::{NewVoicemail, Snapshots};
use vakt::tui::App;
use vakt::tui::render_text;

fn oslo(d: u32, h: u32, min: u32) -> DateTime<Utc> {
    chrono_tz::Europe::Oslo
        .with_ymd_and_hms(2026, 11, d, h, min, 0)
        .unwrap()
        .with_timezone(&Utc)
}

/// Monday 23 November 2026, 14:40: one item waits for a try tomorrow
/// 09:00, one has a long safe-time note, one a long summary.
fn seed(db: &TestDb) {
    let mut s = db.store();
    let cal = CalendarSettings::default();
    let mut snaps = Snapshots::default();
    let items = [
        (
            "+47 412 34 512",
            oslo(19, 14, 5),
            "Ønsker å snakke om søster og om hvordan det går med henne etter flyttingen",
            Some(false),
            "etter kl. 16 på hverdager, ikke i helgene når samboeren er hjemme",
        ),
        (
            "22 33 44 87",
            oslo(20, 16, 40),
            "Spørsmål om pårørendegruppe",
            Some(true),
            "",
        ),
        ("22 33 44 30", oslo(23, 8, 2), "", None, ""),
    ];
    for (phone, at, summary, msg, times) in items {
        let v = NewVoicemail {
            summary: summary.into(),
            safety: Safety {
                may_leave_message: msg,
                safe_times: times.into(),
                ..Safety::default()
            },
            ..voicemail(phone, at)
        };
        store_voicemail_by(&mut s, &v, "KH", oslo(23, 9, 5));
    }
    s.record_attempt(
        3,
        oslo(23, 14, 30),
        AttemptResult::NoAnswer,
        "",
        &cal,
        Duration::hours(2),
        &mut snaps,
        "KH",
        oslo(23, 14, 30),
    )
    .unwrap();
}

fn app(db: &TestDb, lang: Lang, w: u16, h: u16) -> App {
    let mut app = db.app(lang, oslo(23, 14, 40));
    app.set_actor("KH");
    app.resize(w, h);
    app
}

/// The list row showing `text`.
fn row<'a>(s: &'a str, text: &str) -> &'a str {
    s.lines()
        .find(|l| l.contains(text))
        .unwrap_or_else(|| panic!("{text} not on screen:\n{s}"))
}

#[test]
fn the_due_column_keeps_the_time_and_cuts_show_an_ellipsis() {
    for lang in [Lang::En, Lang::Nb] {
        let db = TestDb::new();
        seed(&db);
        for (w, h) in [(120, 36), (80, 24), (100, 30)] {
            let a = app(&db, lang, w, h);
            let s = render_text(&a, w, h);
            // The item waiting for its next try: the time is whole.
            let retry = row(&s, "•• 30");
            assert!(retry.contains("09:00"), "{lang:?} {w}×{h}: {retry}\n{s}");
            // The long safe-time note and summary are cut with "…".
            let long = row(&s, "•12");
            assert!(long.contains("⏲"), "{lang:?} {w}×{h}: {long}");
            assert!(long.contains('…'), "{lang:?} {w}×{h}: {long}");
            assert!(!long.contains("samboeren"), "{lang:?} {w}×{h}: {long}");
            // No cell runs into the next one: the safety cell ends with
            // "…" and a space before the summary.
            assert!(long.contains("… "), "{lang:?} {w}×{h}: {long}");
        }
        // Wide enough, the due column says it in words.
        let s = render_text(&app(&db, lang, 120, 36), 120, 36);
        let words = match lang {
            Lang::En => "try again tomorrow 09:00",
            Lang::Nb => "nytt forsøk i morgen 09:00",
        };
        assert!(row(&s, "•• 30").contains(words), "{s}");
    }
}

#[test]
fn queue_screens_at_three_sizes() {
    for lang in [Lang::En, Lang::Nb] {
        let db = TestDb::new();
        seed(&db);
        for (w, h) in [(120, 36), (80, 24), (60, 20)] {
            let s = render_text(&app(&db, lang, w, h), w, h);
            insta::assert_snapshot!(format!("queue_{}_{w}x{h}", lang.code()), s);
        }
    }
}

#[test]
fn the_top_line_keeps_the_clock_and_date_and_the_banner_its_key_at_80() {
    for (lang, date, key) in [
        (Lang::En, "23 Nov 14:40", "key h."),
        (Lang::Nb, "23. nov. 14:40", "tast h."),
    ] {
        let db = TestDb::new();
        seed(&db);
        {
            let mut s = db.store();
            s.start_shift("AB", oslo(23, 9, 0)).unwrap();
            s.end_shift("AB", oslo(23, 14, 35)).unwrap();
        }
        for (w, h) in [(80, 24), (100, 30), (120, 36)] {
            let a = app(&db, lang, w, h);
            let s = render_text(&a, w, h);
            let mut lines = s.lines();
            let top = lines.next().unwrap();
            assert!(top.contains(date), "{lang:?} {w}×{h}: {top}");
            let banner = lines.next().unwrap();
            assert!(banner.contains("AB"), "{lang:?} {w}×{h}: {banner}");
            assert!(
                banner.trim_end().ends_with(key),
                "{lang:?} {w}×{h}: {banner}"
            );
        }
        // Closed (after 15:00): the longer open state still leaves the
        // date and the clock.
        let mut a = db.app(lang, oslo(23, 15, 30));
        a.set_actor("KH");
        a.resize(80, 24);
        let s = render_text(&a, 80, 24);
        let top = s.lines().next().unwrap();
        let date = date.replace("14:40", "15:30");
        assert!(top.contains(&date), "{lang:?}: {top}");
    }
}

/// When the footer's keys do not all fit, help and hiding the screen are
/// the last to go (at 80×24 the log's footer lost "? Help").
#[test]
fn the_footer_keeps_help_and_hide_when_keys_must_go() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    for (lang, help, hide) in [
        (Lang::En, "? Help", "F2 Hide"),
        (Lang::Nb, "? Hjelp", "F2 Skjul"),
    ] {
        let db = TestDb::new();
        seed(&db);
        for pane in ['1', '2', '3', '4'] {
            let mut a = app(&db, lang, 80, 24);
            a.on_key(KeyEvent::new(KeyCode::Char(pane), KeyModifiers::NONE));
            let s = render_text(&a, 80, 24);
            let footer = s.lines().last().unwrap();
            assert!(footer.contains(help), "{lang:?} pane {pane}: {footer}");
            assert!(footer.contains(hide), "{lang:?} pane {pane}: {footer}");
            assert!(footer.ends_with("112 · 113 · 110"), "{footer}");
        }
    }
}

/// The masked number is never what is cut: its last digits are the only
/// ones shown, so a cut would show the wrong ones. A foreign number (the
/// widest masked form) at 80×24, with a long safe time beside it.
#[test]
fn the_masked_number_is_never_cut() {
    for lang in [Lang::En, Lang::Nb] {
        let db = TestDb::new();
        seed(&db);
        let masked = {
            let v = NewVoicemail {
                summary: "Ringer fra utlandet".into(),
                safety: Safety {
                    safe_times: "etter kl. 12 på hverdager, ikke i helgene".into(),
                    ..Safety::default()
                },
                ..voicemail("+44 20 7946 0958", oslo(23, 10, 0))
            };
            store_voicemail_by(&mut db.store(), &v, "KH", oslo(23, 10, 0));
            v.phone.masked()
        };
        for (w, h) in [(80, 24), (120, 36)] {
            let app = app(&db, lang, w, h);
            let s = render_text(&app, w, h);
            assert!(
                row(&s, "Ringer fra").contains(&masked),
                "{masked} at {w}×{h}\n{s}"
            );
        }
    }
}

/// A caller who said they do not want to be called back is marked in the
/// list (and the legend explains the sign), not only in the detail.
#[test]
fn a_caller_who_wants_no_callback_is_marked_in_the_list() {
    for lang in [Lang::En, Lang::Nb] {
        let db = TestDb::new();
        seed(&db);
        let v = NewVoicemail {
            summary: "Ville bare fortelle".into(),
            safety: Safety {
                wants_callback: Some(false),
                ..Safety::default()
            },
            ..voicemail("22 33 44 99", oslo(23, 10, 0))
        };
        store_voicemail_by(&mut db.store(), &v, "KH", oslo(23, 10, 0));
        let app = app(&db, lang, 120, 36);
        let s = render_text(&app, 120, 36);
        let sign = vakt::tui::view::queue::MARK_NO_CALLBACK.sign.get(lang);
        assert!(row(&s, "Ville bare").contains(sign), "{s}");
        assert!(!row(&s, "Spørsmål om").contains(sign), "{s}");
    }
}
