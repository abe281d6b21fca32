//! The shift log shows what it says: a correction (newer, so above the
//! note it corrects) is pointed to as above, not "see below"; a pinned
//! note stays at the top, as the guide says; Esc clears a search.

mod common;

use chrono::{DateTime, TimeZone, Utc};
use common::TestDb;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::i18n::Lang;
use vakt::store::log::{Marks, NewNote};
use vakt::tui::App;
use vakt::tui::render_text;

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
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

fn note(db: &TestDb, body: &str, pinned: bool, at: DateTime<Utc>) {
    db.store()
        .add_note(
            &NewNote {
                body: body.into(),
                callback_id: None,
                marks: Marks {
                    pinned,
                    ..Marks::default()
                },
                amends: None,
            },
            "KH",
            at,
        )
        .unwrap();
}

fn app(db: &TestDb, lang: Lang) -> App {
    let mut app = db.app(lang, oslo(23, 13, 0));
    app.set_on_duty("KH", false);
    app.resize(120, 34);
    key(&mut app, KeyCode::Char('3'));
    app
}

fn screen(app: &App) -> String {
    render_text(app, 120, 34)
}

/// The row of the screen holding `text`.
fn row_of(s: &str, text: &str) -> usize {
    s.lines()
        .position(|l| l.contains(text))
        .unwrap_or_else(|| panic!("{text} not on screen:\n{s}"))
}

#[test]
fn a_corrected_note_points_up_to_its_correction() {
    for (lang, mark, wrong) in [
        (Lang::En, "(corrected, see #2 above)", "see below"),
        (Lang::Nb, "(rettet, se #2 over)", "se under"),
    ] {
        let db = TestDb::new();
        note(&db, "Feil tekst", false, oslo(23, 10, 0));
        let mut a = app(&db, lang);
        key(&mut a, KeyCode::Char('r'));
        typ(&mut a, "Riktig tekst");
        a.on_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
        let s = screen(&a);
        assert!(!s.contains(wrong), "{lang:?}:\n{s}");
        let original = row_of(&s, "Feil tekst");
        let correction = row_of(&s, "Riktig tekst");
        // Newest first: the correction is above, and the original says so.
        assert!(correction < original, "{s}");
        let line = s.lines().nth(original).unwrap();
        assert!(line.contains(mark), "{lang:?}: {line}");
    }
}

#[test]
fn a_pinned_note_stays_at_the_top() {
    for (lang, pinned_head) in [(Lang::En, "── Pinned ──"), (Lang::Nb, "── Festet ──")]
    {
        let db = TestDb::new();
        note(&db, "Husk: ny rutine for eskalering", true, oslo(16, 9, 0));
        for (i, h) in (9..13).enumerate() {
            note(&db, &format!("Notat nummer {i}"), false, oslo(23, h, 0));
        }
        let mut a = app(&db, lang);
        let s = screen(&a);
        let pin = row_of(&s, "Husk: ny rutine");
        for i in 0..4 {
            assert!(pin < row_of(&s, &format!("Notat nummer {i}")), "{s}");
        }
        assert!(row_of(&s, pinned_head) < pin, "{s}");
        // It is selected first (Home), and a new note goes under it.
        assert!(a.log().selected_note().unwrap().pinned);
        key(&mut a, KeyCode::Char('n'));
        typ(&mut a, "Enda nyere");
        a.on_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
        let s = screen(&a);
        assert!(
            row_of(&s, "Husk: ny rutine") < row_of(&s, "Enda nyere"),
            "{s}"
        );
        // Moving down leaves the pinned note and walks the log newest
        // first; End reaches the oldest unpinned note, Home the pin.
        key(&mut a, KeyCode::Down);
        assert_eq!(a.log().selected_note().unwrap().body, "Enda nyere");
        key(&mut a, KeyCode::End);
        assert_eq!(a.log().selected_note().unwrap().body, "Notat nummer 0");
        key(&mut a, KeyCode::Home);
        assert!(a.log().selected_note().unwrap().pinned);
        // Unpinned, it goes back to its place in time (the oldest).
        key(&mut a, KeyCode::Char('p'));
        let s = screen(&a);
        assert!(!s.contains(pinned_head), "{s}");
        assert!(
            row_of(&s, "Notat nummer 0") < row_of(&s, "Husk: ny rutine"),
            "{s}"
        );
        // Pinned again: back at the top.
        key(&mut a, KeyCode::Char('p'));
        let s = screen(&a);
        assert!(
            row_of(&s, "Husk: ny rutine") < row_of(&s, "Enda nyere"),
            "{s}"
        );
    }
}

#[test]
fn a_pinned_note_stays_at_the_top_of_many_pages() {
    let db = TestDb::new();
    note(&db, "Festet gammelt notat", true, oslo(2, 9, 0));
    for d in 3..23 {
        for h in [9, 11, 13] {
            note(&db, &format!("Notat {d}.{h}"), false, oslo(d, h, 0));
        }
    }
    let mut a = app(&db, Lang::Nb);
    assert_eq!(a.log().rows()[0].body, "Festet gammelt notat");
    // Down through every note: each once, the pin first, then newest
    // first; Up back again to the pin.
    let mut seen = vec![a.log().selected_note().unwrap().body.clone()];
    for _ in 0..70 {
        key(&mut a, KeyCode::Down);
        let b = a.log().selected_note().unwrap().body.clone();
        if seen.last() != Some(&b) {
            seen.push(b);
        }
    }
    assert_eq!(seen.len(), 61, "{seen:?}");
    assert_eq!(seen[1], "Notat 22.13");
    assert_eq!(seen[60], "Notat 3.9");
    for _ in 0..70 {
        key(&mut a, KeyCode::Up);
    }
    assert_eq!(
        a.log().selected_note().unwrap().body,
        "Festet gammelt notat"
    );
    key(&mut a, KeyCode::PageDown);
    key(&mut a, KeyCode::PageUp);
    assert_eq!(
        a.log().selected_note().unwrap().body,
        "Festet gammelt notat"
    );
}

#[test]
fn esc_clears_a_search_and_shows_all() {
    for lang in [Lang::En, Lang::Nb] {
        let db = TestDb::new();
        note(&db, "Om politiet", false, oslo(23, 9, 0));
        note(&db, "Om kurset", false, oslo(23, 10, 0));
        let mut a = app(&db, lang);
        key(&mut a, KeyCode::Char('/'));
        typ(&mut a, "politi");
        key(&mut a, KeyCode::Enter);
        let s = screen(&a);
        assert!(!s.contains("Om kurset"), "{s}");
        assert!(a.log().search.is_some());
        // The search is kept after Enter; the first Esc clears it.
        key(&mut a, KeyCode::Esc);
        let s = screen(&a);
        assert!(a.log().search.is_none(), "{lang:?}: Esc kept the search");
        assert!(s.contains("Om kurset") && s.contains("Om politiet"), "{s}");
    }
}

#[test]
fn pinned_notes_are_searched_and_filtered_like_the_rest() {
    let db = TestDb::new();
    note(&db, "Husk: ny rutine", true, oslo(16, 9, 0));
    note(&db, "Husk ikke dette", false, oslo(20, 9, 0));
    note(&db, "Annet festet", true, oslo(21, 9, 0));
    let mut a = app(&db, Lang::Nb);
    key(&mut a, KeyCode::Char('/'));
    typ(&mut a, "Husk");
    let bodies: Vec<&str> = a.log().rows().iter().map(|n| n.body.as_str()).collect();
    assert_eq!(bodies, ["Husk: ny rutine", "Husk ikke dette"]);
    key(&mut a, KeyCode::Esc);
    let bodies: Vec<&str> = a.log().rows().iter().map(|n| n.body.as_str()).collect();
    assert_eq!(
        bodies,
        ["Annet festet", "Husk: ny rutine", "Husk ikke dette"]
    );
    // The pinned filter: only the pins, newest first.
    for _ in 0..3 {
        key(&mut a, KeyCode::Char('f'));
    }
    let bodies: Vec<&str> = a.log().rows().iter().map(|n| n.body.as_str()).collect();
    assert_eq!(bodies, ["Annet festet", "Husk: ny rutine"]);
}
