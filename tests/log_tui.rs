//! The shift log pane and the handover review, driven by keys.

mod common;

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::TestDb;
use common::queue_fixture::{store_voicemail_by, voicemail};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::calendar::CalendarSettings;
use vakt::domain::promise::AttemptResult;
use vakt::i18n::Lang;
use vakt::store::callbacks::{NewVoicemail, Snapshots};
use vakt::store::log::{Marks, NewNote};
use vakt::tui::App;
use vakt::tui::log::Mode;
use vakt::tui::popup::PopupKind;
use vakt::tui::render_text;

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn ctrl(app: &mut App, c: char) {
    app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn oslo(d: u32, h: u32, min: u32) -> DateTime<Utc> {
    chrono_tz::Europe::Oslo
        .with_ymd_and_hms(2026, 11, d, h, min, 0)
        .unwrap()
        .with_timezone(&Utc)
}

fn screen(app: &App) -> String {
    render_text(app, 120, 34)
}

/// A known day: Monday 23 November 2026, shift KH from 09:00.
fn known_day(db: &TestDb) {
    let mut s = db.store();
    let cal = CalendarSettings::default();
    let mut snaps = Snapshots::default();
    s.start_shift("KH", oslo(23, 9, 0)).unwrap();
    let vm = |phone: &str, at, summary: &str| NewVoicemail {
        summary: summary.into(),
        ..voicemail(phone, at)
    };
    // Due Friday 20th: overdue.
    let v = vm("22 33 44 01", oslo(19, 12, 0), "Ønsker samtale");
    store_voicemail_by(&mut s, &v, "KH", oslo(23, 9, 5));
    // Received Saturday: due today 15:00, still open at the end of the day.
    let v = vm("22 33 44 02", oslo(21, 10, 0), "Spør om gruppe");
    store_voicemail_by(&mut s, &v, "KH", oslo(23, 9, 10));
    // Received today, reached.
    let v = vm("22 33 44 03", oslo(23, 8, 30), "Ringte om kurs");
    let id = store_voicemail_by(&mut s, &v, "KH", oslo(23, 9, 15)).id;
    s.record_attempt(
        id,
        oslo(23, 10, 0),
        AttemptResult::Reached,
        "",
        &cal,
        Duration::hours(2),
        &mut snaps,
        "KH",
        oslo(23, 10, 0),
    )
    .unwrap();
    s.add_withheld(oslo(23, 11, 0), "KH", oslo(23, 11, 0))
        .unwrap();
    s.add_note(
        &NewNote {
            body: "Innringer beskrev trusler; politiet og koordinator er varslet.".into(),
            callback_id: Some(1),
            marks: Marks {
                escalation: true,
                ..Marks::default()
            },
            amends: None,
        },
        "KH",
        oslo(23, 11, 30),
    )
    .unwrap();
    s.add_note(
        &NewNote {
            body: "Sak #2 ønsker å bli ringt etter kl. 14.".into(),
            callback_id: Some(2),
            marks: Marks {
                handover: true,
                ..Marks::default()
            },
            amends: None,
        },
        "KH",
        oslo(23, 12, 0),
    )
    .unwrap();
    s.add_note(
        &NewNote {
            body: "Vanlig notat uten merke.".into(),
            callback_id: None,
            marks: Marks::default(),
            amends: None,
        },
        "KH",
        oslo(23, 12, 30),
    )
    .unwrap();
}

fn app(db: &TestDb, lang: Lang, now: DateTime<Utc>) -> App {
    let mut app = db.app(lang, now);
    app.set_on_duty("KH", false);
    app.resize(120, 34);
    key(&mut app, KeyCode::Char('3'));
    app
}

#[test]
fn handover_review_after_ending_the_shift() {
    let db = TestDb::new();
    known_day(&db);
    let mut a = app(&db, Lang::Nb, oslo(23, 14, 50));
    key(&mut a, KeyCode::Char('s'));
    assert!(screen(&a).contains("Avslutte vakten og vise overleveringen?"));
    key(&mut a, KeyCode::Char('j'));
    assert!(matches!(a.log().mode, Mode::Review { .. }));
    let s = screen(&a);
    let urgent = s.find("1. Haster nå").unwrap();
    let queue = s.find("2. Åpne tilbakeringinger").unwrap();
    let done = s.find("3. Gjort i perioden").unwrap();
    let notes = s.find("4. Til overlevering").unwrap();
    let ack = s.find("5. Kvittering").unwrap();
    assert!(
        urgent < queue && queue < done && done < notes && notes < ack,
        "{s}"
    );
    assert!(s.contains("FORFALT: sak #1"));
    assert!(s.contains("ESKALERING"));
    assert!(s.contains("forfaller før neste åpning"));
    assert!(s.contains("Ikke kvittert ennå."));
    assert!(
        !s.contains("22 33 44 0"),
        "numbers are masked in the review"
    );
    insta::assert_snapshot!("handover_review_nb", s);
    // KH gave it and cannot acknowledge it; the next person on duty does
    // (the name is the one on duty, not typed at the prompt).
    key(&mut a, KeyCode::Char('k'));
    key(&mut a, KeyCode::Enter);
    assert!(screen(&a).contains("KH ga selv overleveringen"));
    key(&mut a, KeyCode::Esc);
    a.set_on_duty("AB", false);
    key(&mut a, KeyCode::Char('k'));
    key(&mut a, KeyCode::Enter);
    assert!(screen(&a).contains("Overleveringen er kvittert av AB ✓"));
    let h = db.store().latest_handover(oslo(24, 0, 0)).unwrap().unwrap();
    assert_eq!(h.acknowledged_by.as_deref(), Some("AB"));
}

#[test]
fn unacknowledged_handover_is_a_banner_at_next_start() {
    let db = TestDb::new();
    known_day(&db);
    db.store().end_shift("KH", oslo(23, 15, 0)).unwrap();
    let mut a = db.app(Lang::En, oslo(24, 9, 0));
    a.resize(120, 34);
    let s = screen(&a);
    assert!(
        s.contains("Handover from KH (yesterday 15:00) is not acknowledged."),
        "{s}"
    );
    db.store()
        .acknowledge_handovers("NN", oslo(24, 9, 1))
        .unwrap();
    a.poll_db();
    assert!(!screen(&a).contains("is not acknowledged"));
}

/// The banner sends the next person to the log and `h`; there they read
/// the handover waiting for them, not their own empty morning.
#[test]
fn next_morning_h_shows_the_handover_waiting_and_k_acknowledges_it() {
    let db = TestDb::new();
    known_day(&db);
    db.store().end_shift("KH", oslo(23, 15, 0)).unwrap();
    let mut a = db.app(Lang::Nb, oslo(24, 9, 0));
    a.set_on_duty("AB", false);
    a.resize(120, 34);
    key(&mut a, KeyCode::Char('3'));
    key(&mut a, KeyCode::Char('h'));
    assert!(matches!(a.log().mode, Mode::Review { .. }));
    let s = screen(&a);
    assert!(
        s.contains("Overlevering man. 23.11.2026 · vakt 09:00–15:00 · KH"),
        "{s}"
    );
    assert!(s.contains("Sak #2 ønsker å bli ringt etter kl. 14."), "{s}");
    assert!(s.contains("Ikke kvittert ennå."), "{s}");
    key(&mut a, KeyCode::Char('k'));
    typ(&mut a, "AB");
    key(&mut a, KeyCode::Enter);
    assert!(screen(&a).contains("Overleveringen er kvittert av AB ✓"));
    assert!(db.store().pending_handovers().unwrap().is_empty());
    // Nothing waits any more: `h` shows today, where KH's note is not.
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Char('h'));
    let s = screen(&a);
    assert!(!s.contains("Sak #2 ønsker"), "{s}");
    assert!(!s.contains("vakt 09:00–15:00 · KH"), "{s}");
}

/// Nobody acknowledged Monday's handover; Tuesday's shift ended too. On
/// Wednesday both are read together, and one acknowledgement covers both.
#[test]
fn handovers_from_several_days_are_read_together() {
    let db = TestDb::new();
    known_day(&db);
    let mut s = db.store();
    s.end_shift("KH", oslo(23, 15, 0)).unwrap();
    s.start_shift("AB", oslo(24, 9, 0)).unwrap();
    s.add_note(
        &NewNote {
            body: "Tirsdag: sak #1 er fortsatt ikke nådd.".into(),
            callback_id: None,
            marks: Marks {
                handover: true,
                ..Marks::default()
            },
            amends: None,
        },
        "AB",
        oslo(24, 11, 0),
    )
    .unwrap();
    s.end_shift("AB", oslo(24, 15, 0)).unwrap();
    let mut a = app(&db, Lang::Nb, oslo(25, 9, 0));
    key(&mut a, KeyCode::Char('h'));
    let text = screen(&a);
    assert!(
        text.contains("Overlevering man. 23.11.2026 09:00 – tir. 24.11.2026 15:00 · KH, AB"),
        "{text}"
    );
    assert!(
        text.contains("Sak #2 ønsker å bli ringt etter kl. 14."),
        "{text}"
    );
    assert!(
        text.contains("Tirsdag: sak #1 er fortsatt ikke nådd."),
        "{text}"
    );
    a.set_on_duty("CD", false);
    key(&mut a, KeyCode::Char('k'));
    key(&mut a, KeyCode::Enter);
    let s = db.store();
    assert!(s.pending_handovers().unwrap().is_empty());
    let h = s.latest_handover(oslo(24, 16, 0)).unwrap().unwrap();
    assert_eq!(h.acknowledged_by.as_deref(), Some("CD"));
}

#[test]
fn write_a_note_with_marks_and_a_link() {
    let db = TestDb::new();
    known_day(&db);
    let mut a = app(&db, Lang::En, oslo(23, 13, 0));
    key(&mut a, KeyCode::Char('n'));
    assert!(matches!(a.log().mode, Mode::Editor(_)));
    typ(&mut a, "Line one");
    key(&mut a, KeyCode::Enter);
    typ(&mut a, "line two, q and 1 are text here");
    assert_eq!(a.pane(), vakt::tui::app::Pane::Log);
    key(&mut a, KeyCode::Tab);
    typ(&mut a, "o");
    typ(&mut a, "f");
    ctrl(&mut a, 's');
    assert!(matches!(a.log().mode, Mode::List));
    let s = screen(&a);
    assert!(s.contains("Note saved ✓"), "{s}");
    assert!(s.contains("[HANDOVER] [pinned] Line one"), "{s}");
    assert!(s.contains("line two, q and 1 are text here"));
    let n = db
        .store()
        .note(a.log().selected_note().unwrap().id)
        .unwrap()
        .unwrap();
    assert!(n.for_handover && n.pinned && !n.escalation);
    assert_eq!(n.body, "Line one\nline two, q and 1 are text here");
}

#[test]
fn an_empty_note_is_not_saved_and_typed_text_needs_two_escapes() {
    let db = TestDb::new();
    let mut a = app(&db, Lang::Nb, oslo(23, 13, 0));
    key(&mut a, KeyCode::Char('n'));
    ctrl(&mut a, 's');
    assert!(screen(&a).contains("Notatet er tomt."));
    typ(&mut a, "Noe viktig");
    key(&mut a, KeyCode::Esc);
    assert!(matches!(a.log().mode, Mode::Editor(_)));
    key(&mut a, KeyCode::Char('q'));
    assert!(!a.has_quit());
    a.on_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(!a.has_quit(), "Ctrl-C asks first when text would be lost");
    key(&mut a, KeyCode::Char('n'));
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Esc);
    assert!(matches!(a.log().mode, Mode::List));
}

#[test]
fn amend_filter_search_release_and_days() {
    let db = TestDb::new();
    known_day(&db);
    {
        let mut s = db.store();
        s.add_note(
            &NewNote {
                body: "Fra forrige uke".into(),
                callback_id: None,
                marks: Marks::default(),
                amends: None,
            },
            "AB",
            oslo(16, 10, 0),
        )
        .unwrap();
    }
    let mut a = app(&db, Lang::Nb, oslo(23, 13, 0));
    // Newest first: the plain note is selected; correct it.
    key(&mut a, KeyCode::Char('r'));
    typ(&mut a, "Riktig tekst");
    ctrl(&mut a, 's');
    let s = screen(&a);
    assert!(s.contains("Rettelse til notat #3: Riktig tekst"), "{s}");
    // Newest first: the correction is above the note it corrects.
    assert!(s.contains("(rettet, se #5 over)"), "{s}");
    // Filter cycles: handover, escalation.
    key(&mut a, KeyCode::Char('f'));
    assert!(screen(&a).contains("Vaktlogg – til overlevering"));
    key(&mut a, KeyCode::Char('f'));
    let s = screen(&a);
    assert!(s.contains("[ESKALERING]"));
    assert!(!s.contains("Vanlig notat"));
    key(&mut a, KeyCode::Char('l'));
    key(&mut a, KeyCode::Char('j'));
    assert!(screen(&a).contains("[eskalering avsluttet]"));
    key(&mut a, KeyCode::Char('f'));
    key(&mut a, KeyCode::Char('f'));
    // Search as you type.
    key(&mut a, KeyCode::Char('/'));
    typ(&mut a, "po");
    // Two characters search near the place in the log, and say so.
    let s = screen(&a);
    assert!(
        s.contains("1–2 tegn: søker i de 2\u{a0}000 nærmeste notatene"),
        "{s}"
    );
    typ(&mut a, "litiet");
    let s = screen(&a);
    assert!(!s.contains("1–2 tegn"), "{s}");
    assert!(s.contains("Innringer beskrev trusler"));
    assert!(!s.contains("Vanlig notat"));
    key(&mut a, KeyCode::Esc);
    assert!(screen(&a).contains("Vanlig notat"));
    // Previous day jumps back to last week's note.
    key(&mut a, KeyCode::Left);
    let s = screen(&a);
    assert!(s.contains("Fra forrige uke"), "{s}");
    key(&mut a, KeyCode::Char('t'));
    assert!(screen(&a).contains("Riktig tekst"));
}

#[test]
fn who_is_on_duty_is_asked() {
    let db = TestDb::new();
    let mut a = db.app(Lang::En, oslo(23, 9, 0));
    a.ask_who(Some("KH".into()));
    let s = render_text(&a, 120, 30);
    assert!(s.contains("Who is on duty?"), "{s}");
    // Keys go to the question, not the panes.
    key(&mut a, KeyCode::Backspace);
    key(&mut a, KeyCode::Backspace);
    key(&mut a, KeyCode::Enter);
    assert!(render_text(&a, 120, 30).contains("Write initials or a short name."));
    typ(&mut a, "MO");
    key(&mut a, KeyCode::Enter);
    assert!(!a.has_popup(PopupKind::Who));
    assert_eq!(a.on_duty(), Some("MO"));
    assert!(render_text(&a, 120, 30).contains("On duty: MO"));
    assert!(db.store().open_shift("MO").unwrap().is_some());
    // Locked (forced command): cannot change from inside.
    let mut b = db.app(Lang::En, oslo(23, 9, 0));
    b.set_on_duty("SSH", true);
    key(&mut b, KeyCode::F(3));
    assert!(!b.has_popup(PopupKind::Who));
    assert!(render_text(&b, 120, 30).contains("cannot be changed here"));
}

#[test]
fn scrolling_back_through_many_days_loads_pages() {
    let db = TestDb::new();
    {
        let mut s = db.store();
        for i in 0..300 {
            s.add_note(
                &NewNote {
                    body: format!("notat {i}"),
                    callback_id: None,
                    marks: Marks::default(),
                    amends: None,
                },
                "KH",
                oslo(1, 9, 0) + Duration::hours(2 * i),
            )
            .unwrap();
        }
    }
    let mut a = app(&db, Lang::Nb, oslo(30, 12, 0));
    assert!(a.log().rows().len() <= a.log().page());
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..320 {
        seen.insert(a.log().selected_note().unwrap().id);
        key(&mut a, KeyCode::Down);
    }
    assert_eq!(seen.len(), 300);
    assert!(screen(&a).contains("notat 0"));
    key(&mut a, KeyCode::Home);
    assert!(screen(&a).contains("notat 299"));
    key(&mut a, KeyCode::End);
    assert!(screen(&a).contains("notat 0"));
    key(&mut a, KeyCode::PageUp);
    key(&mut a, KeyCode::Up);
    assert!(a.log().rows().len() <= a.log().page());
}
