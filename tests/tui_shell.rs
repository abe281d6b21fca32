//! The app shell driven by key events, asserted on the rendered buffer.

mod common;

use common::{TestDb, monday_morning};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::i18n::Lang;
use vakt::tui::app::Pane;
use vakt::tui::popup::PopupKind;
use vakt::tui::render_text;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn first_screen_shows_panes_status_and_emergency_numbers() {
    let db = TestDb::new();
    let app = db.app(Lang::Nb, monday_morning());
    let screen = render_text(&app, 120, 30);
    for needle in [
        "1 Tilbakeringinger",
        // Every tab shows the key that opens it, at 120 columns too.
        "│ 2 Hjelpetilbud│",
        "│ 3 Vaktlogg│",
        "│ 4 Statistikk ",
        "man. 23. nov. 10:42 · ÅPEN til 15:00",
        "Nød: 112 · 113 · 110",
        "? Hjelp",
        "q Avslutt",
    ] {
        assert!(screen.contains(needle), "missing {needle:?} in\n{screen}");
    }
    insta::assert_snapshot!("shell_nb", screen);
}

#[test]
fn english_screen() {
    let db = TestDb::new();
    let app = db.app(Lang::En, monday_morning());
    let screen = render_text(&app, 120, 30);
    assert!(screen.contains("1 Callbacks"));
    assert!(screen.contains("Mon 23 Nov 10:42 · OPEN until 15:00"));
    assert!(screen.contains("Emergency: 112 · 113 · 110"));
    insta::assert_snapshot!("shell_en", screen);
}

#[test]
fn tab_and_number_keys_switch_panes() {
    let db = TestDb::new();
    let mut app = db.app(Lang::Nb, monday_morning());
    assert_eq!(app.pane(), Pane::Queue);
    app.on_key(key(KeyCode::Tab));
    assert_eq!(app.pane(), Pane::Directory);
    assert!(render_text(&app, 100, 30).contains("▶2 Hjelpetilbud"));
    app.on_key(key(KeyCode::Tab));
    assert_eq!(app.pane(), Pane::Log);
    app.on_key(key(KeyCode::Tab));
    assert_eq!(app.pane(), Pane::Stats);
    app.on_key(key(KeyCode::Tab));
    assert_eq!(app.pane(), Pane::Queue);
    app.on_key(key(KeyCode::BackTab));
    assert_eq!(app.pane(), Pane::Stats);
    app.on_key(key(KeyCode::BackTab));
    assert_eq!(app.pane(), Pane::Log);
    app.on_key(key(KeyCode::Char('4')));
    assert_eq!(app.pane(), Pane::Stats);
    app.on_key(key(KeyCode::Char('2')));
    assert_eq!(app.pane(), Pane::Directory);
    app.on_key(key(KeyCode::Char('1')));
    assert_eq!(app.pane(), Pane::Queue);
}

#[test]
fn help_overlay_lists_keys_from_the_table_and_esc_closes_it() {
    let db = TestDb::new();
    let mut app = db.app(Lang::En, monday_morning());
    app.on_key(key(KeyCode::Char('?')));
    assert_eq!(app.popup(), Some(PopupKind::Help));
    let screen = render_text(&app, 120, 30);
    assert!(screen.contains("Help – keys"), "{screen}");
    assert!(screen.contains("Tab"));
    // The global keys below the pane's: scroll down to F2.
    let mut screen = screen;
    for _ in 0..20 {
        if screen.contains("F2") {
            break;
        }
        app.on_key(key(KeyCode::Down));
        screen = render_text(&app, 120, 30);
    }
    assert!(screen.contains("F2"), "{screen}");
    assert!(screen.contains("Hide"), "{screen}");
    // Keys of the pane below do nothing while help is open.
    app.on_key(key(KeyCode::Tab));
    assert_eq!(app.pane(), Pane::Queue);
    app.on_key(key(KeyCode::Esc));
    assert_eq!(app.popup(), None);
    assert!(!app.has_quit());
    // q inside help closes help, it does not quit.
    app.on_key(key(KeyCode::Char('?')));
    app.on_key(key(KeyCode::Char('q')));
    assert_eq!(app.popup(), None);
    assert!(!app.has_quit());
}

#[test]
fn privacy_key_hides_and_shows() {
    let db = TestDb::new();
    let mut app = db.app(Lang::Nb, monday_morning());
    app.on_key(key(KeyCode::F(2)));
    assert!(app.privacy());
    let screen = render_text(&app, 120, 30);
    assert!(screen.contains("Innringerdata er skjult"), "{screen}");
    assert!(screen.contains("SKJULT"));
    app.on_key(key(KeyCode::F(2)));
    assert!(!app.privacy());
    assert!(!render_text(&app, 120, 30).contains("SKJULT"));
}

#[test]
fn q_and_ctrl_c_quit() {
    let db = TestDb::new();
    let mut app = db.app(Lang::Nb, monday_morning());
    app.on_key(key(KeyCode::Char('q')));
    assert!(app.has_quit());
    let mut app = db.app(Lang::Nb, monday_morning());
    app.on_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(app.has_quit());
}

#[test]
fn too_small_window_says_so_and_never_panics() {
    let db = TestDb::new();
    let app = db.app(Lang::En, monday_morning());
    let screen = render_text(&app, 60, 20);
    assert!(
        screen.contains("Make the window larger (at least 80×24)."),
        "{screen}"
    );
    for (w, h) in [
        (1, 1),
        (0, 0),
        (80, 24),
        (79, 24),
        (80, 23),
        (300, 100),
        (2, 200),
    ] {
        let _ = render_text(&app, w, h);
    }
    let mut app = app;
    app.on_key(key(KeyCode::Char('?')));
    for (w, h) in [(80, 24), (81, 25), (200, 60)] {
        let _ = render_text(&app, w, h);
    }
}

#[test]
fn weekend_shows_closed_until_monday() {
    let db = TestDb::new();
    // Saturday 28 November 2026, 12:00 Oslo.
    let sat = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 28, 11, 0, 0).unwrap();
    let app = db.app(Lang::Nb, sat);
    let screen = render_text(&app, 120, 30);
    assert!(screen.contains("STENGT · åpner man. 09:00"), "{screen}");
}

#[test]
fn another_terminals_calendar_change_is_picked_up() {
    let db = TestDb::new();
    let mut app = db.app(Lang::Nb, monday_morning());
    let mut other = db.store();
    other
        .set_closing_override(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            chrono::NaiveTime::from_hms_opt(12, 0, 0),
            "B",
            monday_morning(),
        )
        .unwrap();
    app.poll_db();
    assert!(render_text(&app, 120, 30).contains("ÅPEN til 12:00"));
}

/// After closing the status is long ("STENGT · åpner i morgen 09:00");
/// the other panes' names give way before the date and the clock do (at
/// 80×24 the date and clock were lost), and the open state and who is on
/// duty stay whatever the width.
#[test]
fn long_status_drops_the_pane_names_before_the_date() {
    let db = TestDb::new();
    // Monday 23 November 2026, 15:02 Oslo: closed, opens tomorrow.
    let evening = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 23, 14, 2, 0).unwrap();
    let mut app = db.app(Lang::Nb, evening);
    app.set_on_duty("PT", false);
    let top_line =
        |app: &vakt::tui::App, w, h| render_text(app, w, h).lines().next().unwrap().to_string();
    let top = top_line(&app, 120, 30);
    for needle in [
        "▶1 Tilbakeringinger",
        "│ 2│ 3│ 4",
        "man. 23. nov. 15:02 · STENGT · åpner i morgen 09:00 · Vakt: PT",
    ] {
        assert!(top.contains(needle), "missing {needle:?} in\n{top}");
    }
    // Wide enough, the names are back.
    let wide = top_line(&app, 160, 30);
    assert!(wide.contains("│ 2 Hjelpetilbud│"), "{wide}");
    assert!(wide.contains("man. 23. nov. 15:02 · STENGT"), "{wide}");
    // Hidden caller data adds "SKJULT · " and still all of it fits.
    app.on_key(key(KeyCode::F(2)));
    let top = top_line(&app, 120, 30);
    assert!(
        top.contains("SKJULT · man. 23. nov. 15:02 · STENGT"),
        "{top}"
    );
    assert!(top.contains("Vakt: PT"), "{top}");
    // At the narrowest allowed width the names and the weekday go; the
    // date, the clock and the state stay.
    app.on_key(key(KeyCode::F(2)));
    let top = top_line(&app, 80, 24);
    assert!(top.contains("│▶1│ 2│ 3│ 4"), "{top}");
    assert!(
        top.contains("23. nov. 15:02 · STENGT · åpner i morgen 09:00 · Vakt: PT"),
        "{top}"
    );
}
