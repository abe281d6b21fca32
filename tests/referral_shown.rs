//! A referral made from the directory says which item it went to (as the
//! queue shows it), and the item's detail in the queue shows the services
//! referred and when.

mod common;

use chrono::Duration;
use common::queue_fixture::{store_voicemail_by, voicemail};
use common::{TestDb, monday_morning};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::i18n::Lang;
use vakt::tui::{App, render_text};

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

#[test]
fn the_referral_names_its_item_and_the_detail_shows_it() {
    let db = TestDb::new();
    let v = voicemail("+47 22 33 44 55", monday_morning() - Duration::hours(1));
    let cb = store_voicemail_by(&mut db.store(), &v, "KH", monday_morning()).id;
    let mut app = db.app(Lang::En, monday_morning());
    app.set_on_duty("KH", false);
    app.resize(120, 30);
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Char('/'));
    for c in "vo linjen".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Esc);
    let service = app.directory().selected_service().unwrap().name.clone();
    key(&mut app, KeyCode::Char('r'));
    key(&mut app, KeyCode::Char('y'));
    // The item as the queue shows it (the app shows no item numbers).
    let masked = v.phone.masked();
    let s = render_text(&app, 120, 30);
    assert!(
        s.contains(&format!(
            "Referral recorded for {masked} (received today 09:42): {service} ✓"
        )),
        "{s}"
    );
    assert!(!s.contains(&format!("#{cb}")), "{s}");
    key(&mut app, KeyCode::Char('1'));
    let s = render_text(&app, 120, 30);
    assert!(
        s.contains(&format!("referred: {service} (today 10:42)")),
        "{s}"
    );
}
