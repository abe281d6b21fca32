//! Faults found by using the app by hand, each fixed and kept fixed: a
//! pasted log search that did not search, a greyed key that opened a form
//! only to refuse it, keys that did nothing and said nothing.

mod common;

use chrono::{TimeZone, Utc};
use common::TestDb;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::i18n::Lang;
use vakt::store::log::{Marks, NewNote};
use vakt::tui::render_text;

/// A word pasted into the log's search (or typed so fast over a slow link
/// that it arrives as one burst) searches, as typing it does.
#[test]
fn a_pasted_search_narrows_the_log() {
    let db = TestDb::new();
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap();
    {
        let mut s = db.store();
        for body in [
            "Caller from ireland asked about groups",
            "Evening shift was quiet",
            "Remember the handover folder",
        ] {
            s.add_note(
                &NewNote {
                    body: body.into(),
                    callback_id: None,
                    marks: Marks::default(),
                    amends: None,
                },
                "KH",
                now,
            )
            .unwrap();
        }
    }
    let mut app = db.app(Lang::En, now);
    app.set_on_duty("KH", false);
    app.resize(120, 30);
    app.on_key(KeyEvent::new(KeyCode::Char('3'), KeyModifiers::NONE));
    app.on_key(KeyEvent::new(KeyCode::Char('/'), KeyModifiers::NONE));
    app.on_paste("ireland");
    let s = render_text(&app, 120, 30);
    assert!(s.contains("Caller from ireland"), "{s}");
    assert!(!s.contains("Evening shift"), "{s}");
    assert!(!s.contains("handover folder"), "{s}");
}

/// `k` in the review before any handover waits does not open the
/// acknowledgement (which then said there was nothing to acknowledge): it
/// is shown as not available, and pressing it says why at once.
#[test]
fn k_without_a_handover_waiting_does_not_open_the_acknowledgement() {
    let db = TestDb::new();
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap();
    let mut app = db.app(Lang::En, now);
    app.set_on_duty("KH", false);
    app.resize(120, 30);
    for c in ['3', 'h', 'k'] {
        app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    let s = render_text(&app, 120, 30);
    assert!(
        matches!(app.log().mode, vakt::tui::log::Mode::Review { .. }),
        "{s}"
    );
    assert!(s.contains("No handover is waiting"), "{s}");
}

/// `u` with nothing to undo says so (it used to do nothing, silently, also
/// right after a join, which cannot be undone).
#[test]
fn u_with_nothing_to_undo_says_so() {
    let db = TestDb::new();
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap();
    let mut app = db.app(Lang::En, now);
    app.set_on_duty("KH", false);
    app.resize(120, 30);
    app.on_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::NONE));
    let s = render_text(&app, 120, 30);
    assert!(s.contains("Nothing to undo."), "{s}");
}

/// A form taller than the window keeps the field being typed in on
/// screen and says that more fields lie above or below (the directory's
/// new-service form at 80×24 drew its last fields nowhere, and typing went
/// into a field nobody could see).
#[test]
fn a_tall_form_keeps_the_focused_field_on_screen() {
    let db = TestDb::new();
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap();
    for lang in [Lang::En, Lang::Nb] {
        let mut app = db.app(lang, now);
        app.set_on_duty("KH", false);
        app.resize(80, 24);
        for c in ['2', 'n'] {
            app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
        let s = render_text(&app, 80, 24);
        let more = match lang {
            Lang::En => "more below",
            Lang::Nb => "flere under",
        };
        assert!(s.contains(more), "{lang:?}\n{s}");
        // Back-tab from the first field to the last one, and type there.
        app.on_key(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
        for c in "kildeQ".chars() {
            app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
        let s = render_text(&app, 80, 24);
        assert!(s.contains("kildeQ"), "{lang:?}\n{s}");
        let above = match lang {
            Lang::En => "more above",
            Lang::Nb => "flere over",
        };
        assert!(s.contains(above), "{lang:?}\n{s}");
    }
}

/// Messages name items by number ("Undone: attempt on item #1", the
/// review's "item #1", a note "Linked to item #1"): the detail of the
/// selected item shows its number, so the volunteer can check which one.
#[test]
fn the_detail_shows_the_items_number() {
    use common::queue_fixture::{store_voicemail_by, voicemail};
    let db = TestDb::new();
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap();
    let v = voicemail("22 33 44 55", now - chrono::Duration::hours(1));
    let id = store_voicemail_by(&mut db.store(), &v, "KH", now).id;
    for lang in [Lang::En, Lang::Nb] {
        let mut app = db.app(lang, now);
        app.set_on_duty("KH", false);
        app.resize(120, 30);
        let screen = render_text(&app, 120, 30);
        let line = screen
            .lines()
            .find(|l| l.contains("+47 22 33 44 55"))
            .unwrap_or_else(|| panic!("{screen}"));
        assert!(line.contains(&format!("#{id}")), "{lang:?}: {line}");
    }
}
