//! The directory pane driven by key events, asserted on the rendered
//! buffer. All data is synthetic; the clock is fixed.

mod common;

use chrono::Duration;
use common::queue_fixture::{store_voicemail_by, voicemail};
use common::{TestDb, monday_morning};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::config::Config;
use vakt::i18n::Lang;
use vakt::tui::app::Pane;
use vakt::tui::theme::Theme;
use vakt::tui::{App, render_text};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.on_key(key(KeyCode::Char(c)));
    }
}

fn directory_app(db: &TestDb, lang: Lang) -> App {
    let mut app = db.app(lang, monday_morning());
    app.set_actor("KH");
    app.on_key(key(KeyCode::Char('2')));
    assert_eq!(app.pane(), Pane::Directory);
    app
}

#[test]
fn first_screen_says_verify_before_use() {
    let db = TestDb::new();
    let app = directory_app(&db, Lang::Nb);
    let screen = render_text(&app, 120, 30);
    let unverified = format!(
        "{} av treffene er ikke verifisert – sjekk før bruk",
        vakt::directory::seed::starter_services().len()
    );
    for needle in [
        unverified.as_str(),
        "Aldri verifisert – sjekk før bruk.",
        "/ Søk",
        "y Kopier nr",
        "r Henvis",
        "q Avslutt",
    ] {
        assert!(screen.contains(needle), "missing {needle:?} in\n{screen}");
    }
    insta::assert_snapshot!("directory_first_nb", screen);
}

#[test]
fn typing_filters_on_every_key_and_esc_leaves_the_box() {
    let db = TestDb::new();
    let mut app = directory_app(&db, Lang::En);
    app.on_key(key(KeyCode::Char('/')));
    typed(&mut app, "kirk");
    let screen = render_text(&app, 120, 30);
    assert!(screen.contains("Kirkens SOS"), "{screen}");
    assert!(screen.contains("1 found"), "{screen}");
    assert!(screen.contains("OPEN"), "24/7 is open: {screen}");
    // 'q' typed in the box is text, not quit.
    typed(&mut app, "q");
    assert!(!app.has_quit());
    let screen = render_text(&app, 120, 30);
    assert!(screen.contains("kirkq"), "{screen}");
    app.on_key(key(KeyCode::Backspace));
    app.on_key(key(KeyCode::Esc));
    let fx = app.on_key(key(KeyCode::Char('y')));
    assert_eq!(fx.copy.as_deref(), Some("+4722400040"));
    let screen = render_text(&app, 120, 30);
    assert!(
        screen.contains("The number has been copied: +47 22 40 00 40"),
        "{screen}"
    );
    insta::assert_snapshot!("directory_search_en", screen);
}

#[test]
fn verify_marks_today_and_the_detail_says_by_whom() {
    let db = TestDb::new();
    let mut app = directory_app(&db, Lang::En);
    app.on_key(key(KeyCode::Char('/')));
    typed(&mut app, "jussbuss");
    app.on_key(key(KeyCode::Enter));
    app.on_key(key(KeyCode::Char('v')));
    let screen = render_text(&app, 120, 30);
    assert!(screen.contains("Marked as verified today ✓"), "{screen}");
    assert!(screen.contains("✓ today"), "{screen}");
    assert!(screen.contains("by KH"), "{screen}");
    // Monday 10:42: Jussbuss (Mon 17-20) is closed now.
    assert!(screen.contains("closed"), "{screen}");
    // Half a year later it is stale.
    app.tick(monday_morning() + Duration::days(200));
    let screen = render_text(&app, 120, 30);
    assert!(screen.contains("STALE 200 d"), "{screen}");
    // A shorter limit from the configuration marks it stale sooner.
    let mut cfg = Config::default();
    cfg.directory.stale_days = 10;
    let mut app = App::with_config(
        db.store(),
        Lang::En,
        Theme::mono(),
        monday_morning() + Duration::days(11),
        cfg,
    )
    .unwrap();
    app.on_key(key(KeyCode::Char('2')));
    app.on_key(key(KeyCode::Char('/')));
    typed(&mut app, "jussbuss");
    assert!(render_text(&app, 120, 30).contains("STALE 11 d"));
}

#[test]
fn refer_needs_a_selected_callback_and_records_only_the_link() {
    let db = TestDb::new();
    let mut app = directory_app(&db, Lang::En);
    app.on_key(key(KeyCode::Char('r')));
    let screen = render_text(&app, 120, 30);
    assert!(screen.contains("No open callback is selected"), "{screen}");

    // With an open callback selected in the queue, the referral is saved.
    let v = voicemail("+47 22 33 44 55", monday_morning() - Duration::hours(1));
    let cb = store_voicemail_by(&mut db.store(), &v, "KH", monday_morning()).id;
    let mut app = db.app(Lang::En, monday_morning());
    app.on_key(key(KeyCode::Char('2')));
    app.on_key(key(KeyCode::Char('/')));
    typed(&mut app, "vo linjen");
    app.on_key(key(KeyCode::Esc));
    app.on_key(key(KeyCode::Char('r')));
    // Asked first (with the caller as the queue shows it), then saved.
    assert!(render_text(&app, 120, 30).contains("Record the referral?"));
    app.on_key(key(KeyCode::Char('y')));
    assert!(render_text(&app, 120, 30).contains("Referral recorded for "));
    let refs = db.store().referrals_for_callback(cb).unwrap();
    assert_eq!(refs.len(), 1);
}

#[test]
fn add_form_validates_and_deactivate_asks_first() {
    let db = TestDb::new();
    let mut app = directory_app(&db, Lang::En);
    app.on_key(key(KeyCode::Char('n')));
    // Saving an empty form keeps it open and says what to fix.
    app.on_key(key(KeyCode::Enter));
    let screen = render_text(&app, 120, 30);
    assert!(screen.contains("The service needs a name."), "{screen}");
    typed(&mut app, "Testlinjen");
    for _ in 0..7 {
        app.on_key(key(KeyCode::Tab));
    }
    typed(&mut app, "12");
    app.on_key(key(KeyCode::Enter));
    let screen = render_text(&app, 120, 30);
    assert!(
        screen.contains("✗"),
        "a bad phone number is marked: {screen}"
    );
    for _ in 0..2 {
        app.on_key(key(KeyCode::Backspace));
    }
    typed(&mut app, "22 33 44 55");
    app.on_key(key(KeyCode::Enter));
    let screen = render_text(&app, 120, 30);
    assert!(screen.contains("Saved ✓"), "{screen}");
    assert!(screen.contains("Testlinjen"), "{screen}");

    app.on_key(key(KeyCode::Char('x')));
    let screen = render_text(&app, 120, 30);
    assert!(screen.contains("Deactivate this service?"), "{screen}");
    assert!(screen.contains("no longer shown in search"), "{screen}");
    app.on_key(key(KeyCode::Enter));
    let screen = render_text(&app, 120, 30);
    assert!(screen.contains("Deactivated ✓"), "{screen}");
    assert!(!screen.contains("Testlinjen"), "{screen}");
}

#[test]
fn a_huge_paste_is_cut_and_nothing_panics() {
    let db = TestDb::new();
    let mut app = directory_app(&db, Lang::Nb);
    app.on_key(key(KeyCode::Char('/')));
    app.on_paste(&"å\u{0}\"*(".repeat(2_000_000));
    let screen = render_text(&app, 80, 24);
    assert!(screen.contains("kuttet"), "{screen}");
    for (w, h) in [(80, 24), (200, 60), (20, 5)] {
        let _ = render_text(&app, w, h);
    }
}

/// With nothing typed, the national lines come first (they serve every
/// caller and most have a number), then the local services by name.
#[test]
fn nothing_typed_shows_the_national_lines_first() {
    let db = TestDb::new();
    let store = db.store();
    let all = store
        .search_services(&vakt::store::directory::SearchQuery {
            text: "",
            limit: 1000,
            ..Default::default()
        })
        .unwrap();
    let national = all.iter().take_while(|s| s.national).count();
    assert!(national >= 15, "{national}");
    assert!(all[national..].iter().all(|s| !s.national));
    assert!(all.len() > national, "the regional entries follow");
    let app = directory_app(&db, Lang::En);
    let screen = render_text(&app, 120, 30);
    assert!(screen.contains("Kirkens SOS"), "{screen}");
    assert!(!screen.contains("Alta krisesenter"), "{screen}");
}
