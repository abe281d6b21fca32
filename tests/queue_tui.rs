//! The callback queue pane driven by key events, asserted on the screen.

mod common;

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::{TestDb, monday_morning};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::calendar::CalendarSettings;
use vakt::domain::promise::{Outcome, Safety};
use vakt::i18n::Lang;
use vakt::phone::Phone;
use vakt::store::callbacks::{NewVoicemail, Snapshots};
use vakt::tui::App;
use vakt::tui::popup::PopupKind;
use vakt::tui::queue::{ItemField, Mode, View};
use vakt::tui::render_text;

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn screen(app: &App) -> String {
    render_text(app, 120, 30)
}

fn oslo(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    chrono_tz::Europe::Oslo
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .unwrap()
        .with_timezone(&Utc)
}

fn app_with(db: &TestDb, lang: Lang) -> App {
    let mut app = db.app(lang, monday_morning());
    app.set_actor("KH");
    app.resize(120, 30);
    app
}

fn seed(db: &TestDb) {
    let mut s = db.store();
    let cal = CalendarSettings::default();
    let mut snaps = Snapshots::default();
    let now = monday_morning();
    let items = [
        (
            "+47 412 34 512",
            oslo(2026, 11, 19, 14, 5),
            "Ønsker å snakke om søster",
            Some(false),
            "etter kl. 16",
        ),
        (
            "22 33 44 87",
            oslo(2026, 11, 20, 16, 40),
            "Spørsmål om pårørendegruppe",
            Some(true),
            "",
        ),
        ("22 33 44 30", oslo(2026, 11, 21, 11, 2), "", None, ""),
        (
            "93 00 00 45",
            oslo(2026, 11, 23, 8, 12),
            "Ringte om kurs",
            Some(false),
            "",
        ),
    ];
    for (phone, at, summary, msg, times) in items {
        s.add_voicemail(
            &NewVoicemail {
                received_at: at,
                phone: Phone::parse(phone).unwrap(),
                label: String::new(),
                summary: summary.into(),
                safety: Safety {
                    may_leave_message: msg,
                    safe_times: times.into(),
                    ..Safety::default()
                },
            },
            &cal,
            &mut snaps,
            "TEST",
            now,
        )
        .unwrap();
    }
}

#[test]
fn queue_shows_most_urgent_first_with_masked_numbers() {
    let db = TestDb::new();
    seed(&db);
    let app = app_with(&db, Lang::Nb);
    let s = screen(&app);
    assert!(s.contains("4 åpne · 1 forfalt · 2 i dag"), "{s}");
    let overdue = s.find("FORFALT").expect("overdue shown in words");
    let today = s.find("i dag 15:00").unwrap();
    let tomorrow = s.find("i morgen 15:00").unwrap();
    assert!(overdue < today && today < tomorrow);
    assert!(s.contains("+47 ••• •• •12"), "{s}");
    // The selected (first) item shows its full number in the detail box.
    assert!(s.contains("+47 412 34 512"));
    assert!(s.contains("IKKE legg igjen beskjed"));
    assert!(s.contains("Manus: «Hei, du ringte oss tidligere"));
    // Other numbers stay masked.
    assert!(!s.contains("22 33 44 87"));
    insta::assert_snapshot!("queue_nb", s);
}

#[test]
fn english_queue_snapshot() {
    let db = TestDb::new();
    seed(&db);
    let app = app_with(&db, Lang::En);
    let s = screen(&app);
    assert!(s.contains("4 open · 1 overdue · 2 due today"), "{s}");
    insta::assert_snapshot!("queue_en", s);
}

#[test]
fn add_voicemail_through_the_form_validates_as_you_type() {
    let db = TestDb::new();
    let mut app = app_with(&db, Lang::Nb);
    key(&mut app, KeyCode::Char('n'));
    assert!(matches!(app.queue().mode, Mode::Form { .. }));
    let s = screen(&app);
    assert!(s.contains("Ny henvendelse"), "{s}");
    assert!(s.contains("Frist: i morgen 15:00"), "{s}");
    // Focus starts on "Mottatt": leave it empty (now), go to the number.
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "2233445");
    assert!(
        screen(&app).contains("Nummeret mangler 1 siffer"),
        "{}",
        screen(&app)
    );
    // Saving now keeps the form and everything typed.
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.queue().mode, Mode::Form { .. }));
    let s = screen(&app);
    assert!(s.contains("Rett feltet"), "{s}");
    assert!(s.contains("2233445"));
    typ(&mut app, "5");
    assert!(!screen(&app).contains("Nummeret mangler"));
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "Kari");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "Vil snakke om søvn");
    key(&mut app, KeyCode::Tab); // wants
    key(&mut app, KeyCode::Tab); // message
    key(&mut app, KeyCode::Right); // ja
    key(&mut app, KeyCode::Right); // nei
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.queue().mode, Mode::List));
    let s = screen(&app);
    assert!(s.contains("Lagret ✓ Frist i morgen 15:00"), "{s}");
    assert!(s.contains("+47 •• •• •• 55"));
    assert!(s.contains("+47 22 33 44 55"));
    assert!(s.contains("«Kari»"));
    assert!(s.contains("IKKE legg igjen beskjed"));
    assert_eq!(app.queue().counts.open, 1);
}

#[test]
fn attempt_close_undo_and_closed_today() {
    let db = TestDb::new();
    seed(&db);
    let mut app = app_with(&db, Lang::En);
    let first = app.queue().selected_item().unwrap().id;
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.queue().mode, Mode::Attempt { .. }));
    // The caller's wish about messages shows only when "left a message"
    // is chosen against it, not for "no answer".
    let s = screen(&app);
    assert!(!s.contains("whether a message is all right"), "{s}");
    key(&mut app, KeyCode::Enter); // no answer, now
    // Its safe time ("etter kl. 16") is never within the hours (to 15:00):
    // no retry time is proposed.
    assert!(
        screen(&app).contains("Attempt saved ✓ No time in opening hours is safe"),
        "{}",
        screen(&app)
    );
    let item = db.store().callback(first).unwrap().unwrap();
    assert_eq!(item.attempt_count, 1);
    // Undo takes the attempt back.
    key(&mut app, KeyCode::Char('u'));
    assert!(screen(&app).contains(&format!("Undone: attempt on item #{first} ✓")));
    assert_eq!(
        db.store().callback(first).unwrap().unwrap().attempt_count,
        0
    );
    // Close as "no longer needed".
    key(&mut app, KeyCode::Char('c'));
    assert!(matches!(app.queue().mode, Mode::Close { .. }));
    for _ in 0..3 {
        key(&mut app, KeyCode::Right);
    }
    key(&mut app, KeyCode::Enter);
    assert!(screen(&app).contains("Closed ✓"));
    assert!(!db.store().callback(first).unwrap().unwrap().open);
    assert_eq!(app.queue().counts.open, 3);
    key(&mut app, KeyCode::Char('d'));
    assert_eq!(app.queue().view, View::ClosedToday);
    let s = screen(&app);
    assert!(s.contains("Closed today (1)"), "{s}");
    assert!(s.contains("✓ no longer needed"));
}

#[test]
fn giving_up_is_refused_before_enough_attempts() {
    let db = TestDb::new();
    seed(&db);
    let mut app = app_with(&db, Lang::En);
    key(&mut app, KeyCode::Char('c'));
    key(&mut app, KeyCode::Right); // gave up
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.queue().mode, Mode::Close { .. }));
    assert!(
        screen(&app).contains("\"Gave up\" needs 3 attempts; 0 made."),
        "{}",
        screen(&app)
    );
}

#[test]
fn copy_puts_the_dial_string_on_the_clipboard() {
    let db = TestDb::new();
    seed(&db);
    let mut app = app_with(&db, Lang::Nb);
    let fx = app.on_key(KeyEvent::new(KeyCode::Char('y'), KeyModifiers::NONE));
    assert_eq!(fx.copy.as_deref(), Some("+4741234512"));
    assert!(screen(&app).contains("Nummeret er kopiert."));
}

#[test]
fn moving_down_changes_the_detail_and_privacy_hides_everything() {
    let db = TestDb::new();
    seed(&db);
    let mut app = app_with(&db, Lang::Nb);
    key(&mut app, KeyCode::Down);
    let s = screen(&app);
    assert!(
        s.contains("+47 22 33 44 30") || s.contains("+47 22 33 44 87"),
        "{s}"
    );
    key(&mut app, KeyCode::F(2));
    let s = screen(&app);
    for secret in ["•• 30", "•• 87", "•12", "søster", "pårørende", "+47"] {
        assert!(
            !s.contains(secret),
            "{secret} visible with privacy on:\n{s}"
        );
    }
}

#[test]
fn typed_text_is_never_thrown_away_without_asking() {
    let db = TestDb::new();
    let mut app = app_with(&db, Lang::Nb);
    key(&mut app, KeyCode::Char('n'));
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "22334455");
    // q is text here, not quit.
    typ(&mut app, "q");
    assert!(!app.has_quit());
    // Esc once warns; the form stays.
    key(&mut app, KeyCode::Esc);
    assert!(matches!(app.queue().mode, Mode::Form { .. }));
    assert!(screen(&app).contains("Trykk Esc en gang til"));
    // Ctrl-C asks before quitting.
    app.on_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert_eq!(app.popup(), Some(PopupKind::ConfirmQuit));
    key(&mut app, KeyCode::Char('n'));
    assert!(!app.has_quit());
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    assert!(matches!(app.queue().mode, Mode::List));
}

#[test]
fn a_huge_paste_is_cut_to_the_field_limit() {
    let db = TestDb::new();
    let mut app = app_with(&db, Lang::En);
    key(&mut app, KeyCode::Char('n'));
    // From "Received": number, name, summary.
    for _ in 0..3 {
        key(&mut app, KeyCode::Tab);
    }
    let big = "abc ".repeat(2_600_000); // about 10 MB
    app.on_paste(&big);
    assert!(
        screen(&app).contains("The pasted text was cut at 500 characters"),
        "{}",
        screen(&app)
    );
    let form = match &app.queue().mode {
        Mode::Form { form, .. } => form,
        _ => panic!("form closed"),
    };
    assert_eq!(form.text(ItemField::Summary).chars().count(), 500);
}

#[test]
fn paging_through_a_long_queue_reaches_every_item() {
    let db = TestDb::new();
    {
        let mut s = db.store();
        let cal = CalendarSettings::default();
        let mut snaps = Snapshots::default();
        for i in 0..95 {
            let at = oslo(2026, 11, 2, 9, 0) + Duration::minutes(i * 53);
            let v = NewVoicemail {
                received_at: at,
                phone: Phone::parse(&format!("22{i:06}")).unwrap(),
                label: String::new(),
                summary: format!("sak {i}"),
                safety: Safety::default(),
            };
            s.add_voicemail(&v, &cal, &mut snaps, "T", at).unwrap();
        }
    }
    let mut app = app_with(&db, Lang::Nb);
    assert_eq!(app.queue().rows().len(), app.queue().page());
    let mut seen = std::collections::BTreeSet::new();
    seen.insert(app.queue().selected_item().unwrap().id);
    for _ in 0..120 {
        key(&mut app, KeyCode::Down);
        seen.insert(app.queue().selected_item().unwrap().id);
    }
    assert_eq!(seen.len(), 95);
    key(&mut app, KeyCode::Home);
    let first = app.queue().selected_item().unwrap().id;
    key(&mut app, KeyCode::End);
    assert_ne!(app.queue().selected_item().unwrap().id, first);
    assert!(screen(&app).contains("sak 94"));
    key(&mut app, KeyCode::PageUp);
    key(&mut app, KeyCode::PageUp);
    key(&mut app, KeyCode::PageDown);
    assert!(app.queue().rows().len() <= app.queue().page());
}

#[test]
fn h_keeps_the_selected_item_from_erasing_and_releases_it() {
    let db = TestDb::new();
    seed(&db);
    let mut app = app_with(&db, Lang::En);
    let id = app.queue().selected_item().unwrap().id;
    assert!(!db.store().on_hold(id).unwrap());
    key(&mut app, KeyCode::Char('h'));
    let s = screen(&app);
    assert!(s.contains(&format!("Item {id} is kept")), "{s}");
    assert!(s.contains("KEPT: not erased"), "{s}");
    assert!(db.store().on_hold(id).unwrap());
    // Audited without caller data.
    let audit = db.store().audit_entries(None).unwrap();
    assert!(
        audit
            .iter()
            .any(|e| e.action == "hold" && e.ref_id == Some(id))
    );
    key(&mut app, KeyCode::Char('h'));
    let s = screen(&app);
    assert!(s.contains(&format!("Item {id} is released")), "{s}");
    assert!(!s.contains("KEPT"), "{s}");
    assert!(!db.store().on_hold(id).unwrap());
}

/// "Closed today" reads one page at a time too, newest first, and every
/// item closed today is reached; the title counts them all.
#[test]
fn closed_today_pages_through_every_item_newest_first() {
    let db = TestDb::new();
    let mut expected = Vec::new();
    {
        let mut s = db.store();
        let cal = CalendarSettings::default();
        let mut snaps = Snapshots::default();
        for i in 0..67i64 {
            let at = oslo(2026, 11, 20, 9, 0) + Duration::minutes(i);
            let v = NewVoicemail {
                received_at: at,
                phone: Phone::parse(&format!("23{i:06}")).unwrap(),
                label: String::new(),
                summary: format!("lukket {i}"),
                safety: Safety::default(),
            };
            let id = s.add_voicemail(&v, &cal, &mut snaps, "T", at).unwrap().id;
            // Three were closed on Sunday; the rest today, two by two at
            // the same minute (the id breaks the tie).
            let closed = if i < 3 {
                oslo(2026, 11, 22, 20, 0)
            } else {
                oslo(2026, 11, 23, 0, 5) + Duration::minutes(9 * ((i - 3) / 2))
            };
            s.close_callback(id, Outcome::NotNeeded, 3, &mut snaps, "T", closed)
                .unwrap();
            if i >= 3 {
                expected.push((closed, id));
            }
        }
    }
    expected.sort();
    expected.reverse();
    let expected: Vec<i64> = expected.into_iter().map(|(_, id)| id).collect();
    let mut app = app_with(&db, Lang::Nb);
    key(&mut app, KeyCode::Char('d'));
    assert_eq!(app.queue().view, View::ClosedToday);
    assert!(app.queue().rows().len() <= app.queue().page());
    assert!(app.queue().page() < expected.len(), "more than one page");
    assert!(screen(&app).contains("Lukket i dag (64)"));
    let mut seen = vec![app.queue().selected_item().unwrap().id];
    for _ in 0..80 {
        key(&mut app, KeyCode::Down);
        let id = app.queue().selected_item().unwrap().id;
        if seen.last() != Some(&id) {
            seen.push(id);
        }
        assert!(app.queue().rows().len() <= app.queue().page());
    }
    assert_eq!(seen, expected);
    // Up again to the newest, one row at a time.
    for _ in 0..80 {
        key(&mut app, KeyCode::Up);
    }
    assert_eq!(app.queue().selected_item().unwrap().id, expected[0]);
    key(&mut app, KeyCode::End);
    assert_eq!(app.queue().selected_item().unwrap().id, expected[63]);
    key(&mut app, KeyCode::PageUp);
    assert_eq!(
        app.queue().rows()[0].id,
        expected[64 - 2 * app.queue().page()]
    );
    key(&mut app, KeyCode::PageDown);
    assert_eq!(app.queue().rows()[0].id, expected[64 - app.queue().page()]);
    key(&mut app, KeyCode::Home);
    assert_eq!(app.queue().selected_item().unwrap().id, expected[0]);
    // Back to the open queue: nothing is open.
    key(&mut app, KeyCode::Char('d'));
    assert_eq!(app.queue().view, View::Open);
    assert!(app.queue().rows().is_empty());
}
