//! Below 80×24 vakt asks for a larger window, and the emergency numbers
//! 112 · 113 · 110 stay on screen at any size (they disappeared).

mod common;

use common::{TestDb, monday_morning};
use vakt::i18n::Lang;
use vakt::tui::render_text;

#[test]
fn emergency_numbers_stay_at_any_size() {
    let db = TestDb::new();
    for lang in [Lang::En, Lang::Nb] {
        let app = db.app(lang, monday_morning());
        for (w, h) in [(60, 20), (79, 23), (40, 10), (20, 3), (16, 1)] {
            let s = render_text(&app, w, h);
            assert!(s.contains("112 · 113 · 110"), "{lang:?} {w}×{h}:\n{s}");
        }
        let s = render_text(&app, 60, 20);
        let larger = match lang {
            Lang::En => "Make the window larger",
            Lang::Nb => "Gjør vinduet større",
        };
        assert!(s.contains(larger), "{s}");
        assert!(s.lines().last().unwrap().contains("112 · 113 · 110"), "{s}");
    }
}
