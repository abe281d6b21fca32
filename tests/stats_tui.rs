//! The statistics pane on screen, from the hand-checked fixture
//! (`tests/common/stats_fixture.rs`), with the clock fixed at
//! Monday 2 November 2026 10:00 in Oslo.

mod common;

use common::TestDb;
use common::stats_fixture::{now, seed};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::i18n::Lang;
use vakt::stats::PeriodKind;
use vakt::tui::App;
use vakt::tui::app::Pane;
use vakt::tui::render_text;

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn stats_app(db: &TestDb, lang: Lang) -> App {
    seed(&mut db.store());
    let mut app = db.app(lang, now());
    app.set_actor("KH");
    app.resize(120, 30);
    key(&mut app, KeyCode::Char('4'));
    assert_eq!(app.pane(), Pane::Stats);
    app
}

#[test]
fn pane_shows_the_year_in_numbers_and_pictures_nb() {
    let db = TestDb::new();
    let app = stats_app(&db, Lang::Nb);
    let s = render_text(&app, 120, 30);
    assert!(s.contains("I år: 1. jan. 2026 – 2. nov. 2026"), "{s}");
    assert!(s.contains("innen fristen: 50 % (3 av 6)"), "{s}");
    assert!(
        s.contains("Klager besvart innen 21 dager: 67 % (2 av 3)"),
        "{s}"
    );
    assert!(
        s.contains("Tid til første forsøk, i åpningstid (5 stk.):"),
        "{s}"
    );
    assert!(s.contains("median 6 t 15 min · 90 % innen 10 t"), "{s}");
    assert!(s.contains("Meldinger: 11 · skjult nummer: 3"), "{s}");
    assert!(s.contains("Frist ikke holdt (4)"), "{s}");
    assert!(s.contains("✗ #6 talebeskjed"), "{s}");
    // No caller data anywhere: the fixture's names and summaries.
    for secret in ["Kari", "Ola", "Hemmelig", "Klage på svartid", "22 33 44"] {
        assert!(!s.contains(secret), "{secret} on screen");
    }
    // The footer shows the period keys.
    assert!(s.contains("← Forrige periode"), "{s}");
    insta::assert_snapshot!("stats_nb", s);
}

#[test]
fn pane_in_english() {
    let db = TestDb::new();
    let app = stats_app(&db, Lang::En);
    let s = render_text(&app, 120, 30);
    assert!(
        s.contains("Voicemails called back by the deadline: 50 % (3 of 6)"),
        "{s}"
    );
    insta::assert_snapshot!("stats_en", s);
}

#[test]
fn arrows_cycle_the_period() {
    let db = TestDb::new();
    let mut app = stats_app(&db, Lang::En);
    assert_eq!(app.stats().kind, PeriodKind::ThisYear);
    key(&mut app, KeyCode::Right);
    assert_eq!(app.stats().kind, PeriodKind::ThisWeek);
    // This week (Mon 2 Nov): voicemail 12, pending.
    let s = render_text(&app, 120, 30);
    assert!(s.contains("This week: 2 Nov 2026 – 2 Nov 2026"), "{s}");
    assert!(s.contains("by the deadline: none yet "), "{s}");
    assert!(s.contains("1 pending"), "{s}");
    assert!(s.contains("No deadline missed in this period ✓"), "{s}");
    key(&mut app, KeyCode::Right);
    assert_eq!(app.stats().kind, PeriodKind::LastMonth);
    // October: voicemail 11 kept, complaint 10 pending.
    let s = render_text(&app, 120, 30);
    assert!(s.contains("Last month: 1 Oct 2026 – 31 Oct 2026"), "{s}");
    assert!(s.contains("by the deadline: 100 % (1 of 1)"), "{s}");
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Left);
    assert_eq!(app.stats().kind, PeriodKind::ThisYear);
}

#[test]
fn missed_list_scrolls_and_small_screens_do_not_panic() {
    let db = TestDb::new();
    let mut app = stats_app(&db, Lang::Nb);
    key(&mut app, KeyCode::Down);
    assert_eq!(app.stats().scroll, 1);
    let s = render_text(&app, 120, 30);
    assert!(!s.contains("#6 talebeskjed"), "{s}");
    key(&mut app, KeyCode::End);
    assert_eq!(app.stats().scroll, 3);
    key(&mut app, KeyCode::Home);
    assert_eq!(app.stats().scroll, 0);
    for (w, h) in [(80, 24), (100, 30), (200, 50), (40, 10)] {
        let _ = render_text(&app, w, h);
    }
    // F2 hides the pane like every other.
    key(&mut app, KeyCode::F(2));
    let s = render_text(&app, 120, 30);
    assert!(!s.contains("Frist ikke holdt"), "{s}");
}

#[test]
fn empty_database_reads_calmly() {
    let db = TestDb::new();
    let mut app = db.app(Lang::Nb, now());
    key(&mut app, KeyCode::Char('4'));
    let s = render_text(&app, 120, 30);
    assert!(s.contains("innen fristen: ingen ennå "), "{s}");
    assert!(s.contains("median – · 90 % innen –"), "{s}");
    assert!(s.contains("Ingen frister oversittet i perioden ✓"), "{s}");
}

#[test]
fn figures_are_computed_off_the_interface_thread_in_the_app() {
    let db = TestDb::new();
    let mut app = db.app(vakt::i18n::Lang::En, chrono::Utc::now());
    app.compute_off_thread(true);
    app.on_key(ratatui::crossterm::event::KeyEvent::new(
        ratatui::crossterm::event::KeyCode::Char('4'),
        ratatui::crossterm::event::KeyModifiers::NONE,
    ));
    let start = std::time::Instant::now();
    while !app.poll_background().redraw {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "no figures"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(!app.has_background_work());
    assert!(app.stats().figures.is_some());
    assert!(vakt::tui::render_text(&app, 120, 34).contains("Voicemails called back"));
}

#[test]
fn showing_the_pane_again_reuses_figures_until_something_is_saved() {
    let db = TestDb::new();
    let mut app = stats_app(&db, Lang::Nb);
    let shown = |app: &App| render_text(app, 120, 30);
    assert!(shown(&app).contains("Meldinger: 11 · skjult nummer: 3"));

    // Nothing saved: back and forth reads nothing, even off the thread.
    app.compute_off_thread(true);
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Char('4'));
    assert!(!app.has_background_work(), "figures were read again");
    assert!(shown(&app).contains("Meldinger: 11 · skjult nummer: 3"));
    app.compute_off_thread(false);

    // Saved through this terminal's own connection.
    app.store_mut().add_withheld(now(), "KH", now()).unwrap();
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Char('4'));
    assert!(
        shown(&app).contains("Meldinger: 12 · skjult nummer: 4"),
        "{}",
        shown(&app)
    );

    // Saved by another terminal.
    db.store().add_withheld(now(), "XY", now()).unwrap();
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Char('4'));
    assert!(shown(&app).contains("Meldinger: 13 · skjult nummer: 5"));

    // Time alone changes the figures (deadlines pass): after a minute they
    // are read again.
    app.compute_off_thread(true);
    app.tick(now() + chrono::TimeDelta::seconds(61));
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Char('4'));
    assert!(app.has_background_work(), "stale figures kept");
    app.wait_for_figures();
    assert!(shown(&app).contains("Meldinger: 13 · skjult nummer: 5"));
}

#[test]
fn changing_period_while_computing_keeps_only_the_last() {
    let db = TestDb::new();
    let mut app = stats_app(&db, Lang::En);
    app.compute_off_thread(true);
    for _ in 0..7 {
        key(&mut app, KeyCode::Right);
    }
    app.wait_for_figures();
    // Three periods: seven steps right from "this year" is "this week".
    assert_eq!(app.stats().kind, PeriodKind::ThisWeek);
    let figures = app.stats().figures.as_ref().expect("figures");
    assert_eq!(figures.period.kind, PeriodKind::ThisWeek);
    assert!(!app.has_background_work());
}

/// The referrals line names the services referred to most, whole, at the
/// smallest full size and in Norwegian (it used to end "mest:" with the
/// names cut off the bottom of the box).
#[test]
fn the_most_referred_services_are_named_whole() {
    use common::queue_fixture::{store_voicemail_by, voicemail};
    use vakt::store::directory::SearchQuery;
    let db = TestDb::new();
    let mut store = db.store();
    seed(&mut store);
    let at = now() - chrono::Duration::hours(1);
    let v = voicemail("+47 22 33 44 99", at);
    let cb = store_voicemail_by(&mut store, &v, "KH", at).id;
    let mut referred = Vec::new();
    for q in ["mental helse", "kirkens", "alarmtelefonen"] {
        let s = store
            .search_services(&SearchQuery {
                text: q,
                limit: 1,
                ..SearchQuery::default()
            })
            .unwrap()
            .remove(0);
        store.refer(s.id, Some(cb), None, "KH", at).unwrap();
        referred.push(s.name);
    }
    drop(store);
    for (w, h) in [(80, 24), (120, 30)] {
        let mut app = db.app(Lang::Nb, now());
        app.set_actor("KH");
        app.resize(w, h);
        key(&mut app, KeyCode::Char('4'));
        let s = render_text(&app, w, h);
        assert!(s.contains("Henvisninger: 3"), "{w}×{h}\n{s}");
        // Each name is there whole (a long one may wrap between words).
        let flowing = s
            .lines()
            .map(|l| l.trim_matches(|c: char| c == '│' || c.is_whitespace()))
            .collect::<Vec<_>>()
            .join(" ");
        for name in &referred {
            assert!(flowing.contains(name.as_str()), "{name} at {w}×{h}\n{s}");
        }
    }
}
