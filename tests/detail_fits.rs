//! The detail box under the queue sizes to what it says, so its last line
//! (the call script) is never silently dropped.

mod common;

use common::TestDb;
use common::queue_fixture::*;
use ratatui::crossterm::event::KeyCode;
use vakt::domain::promise::Safety;
use vakt::i18n::Lang;
use vakt::tui::render_text;

#[test]
fn the_call_script_stays_on_screen_after_an_attempt_in_norwegian() {
    for (w, h) in [(120, 36), (80, 24)] {
        let db = TestDb::new();
        careful_item(&db);
        let mut app = app_at(&db, Lang::Nb, w, h);
        key(&mut app, KeyCode::Enter);
        key(&mut app, KeyCode::Enter); // no answer, now
        assert_eq!(app.queue().attempts.len(), 1);
        let s = render_text(&app, w, h);
        assert!(s.contains("Manus:"), "{w}×{h}:\n{s}");
        assert!(s.contains("snakke nå?»"), "{w}×{h}:\n{s}");
        assert!(s.contains("ikke svar"), "{w}×{h}:\n{s}");
        // The list still shows the item.
        assert!(s.contains("+47 ••• •• •12"), "{w}×{h}:\n{s}");
        insta::assert_snapshot!(format!("detail_after_attempt_nb_{w}x{h}"), s);
    }
}

#[test]
fn a_detail_longer_than_the_window_says_there_is_more() {
    for (lang, more) in [
        (Lang::Nb, "↓ mer enn det er plass til – gjør vinduet høyere"),
        (
            Lang::En,
            "↓ more than there is room for – make the window taller",
        ),
    ] {
        let db = TestDb::new();
        // A summary and a safety note as long as the form allows.
        let long = "Ønsker å snakke om det som skjedde. ".repeat(14);
        add(
            &db,
            "+47 412 34 512",
            oslo(2026, 11, 19, 14, 5),
            &long,
            Safety {
                may_leave_message: Some(false),
                note: "Bor med eksen, ring aldri når barna er hjemme. ".repeat(20),
                ..Safety::default()
            },
        );
        let app = app_at(&db, lang, 80, 24);
        let s = render_text(&app, 80, 24);
        assert!(s.contains(more), "{lang:?}:\n{s}");
        // The list keeps its header and the selected row.
        assert!(s.contains("+47 ••• •• •12"), "{lang:?}:\n{s}");
    }
}
