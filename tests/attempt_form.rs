//! The attempt form's labels are whole at the usual sizes, in both languages.

mod common;

use common::TestDb;
use common::queue_fixture::*;
use ratatui::crossterm::event::KeyCode;
use vakt::i18n::Lang;
use vakt::tui::queue::Mode;
use vakt::tui::render_text;

#[test]
fn attempt_form_labels_are_whole_in_both_languages_and_sizes() {
    for (lang, label, title) in [
        (Lang::Nb, "Hva skjedde", "Forsøk – hva skjedde?"),
        (Lang::En, "What happened", "Attempt – what happened?"),
    ] {
        for (w, h) in [(80, 24), (120, 36)] {
            let db = TestDb::new();
            careful_item(&db);
            let mut app = app_at(&db, lang, w, h);
            key(&mut app, KeyCode::Enter);
            assert!(matches!(app.queue().mode, Mode::Attempt { .. }));
            let s = render_text(&app, w, h);
            assert!(s.contains(title), "{lang:?} {w}×{h}:\n{s}");
            let row = s
                .lines()
                .skip_while(|l| !l.contains(title))
                .find(|l| l.contains('▶'))
                .unwrap_or_else(|| panic!("no focused field:\n{s}"));
            assert!(
                row.contains(&format!("▶{label}")),
                "{lang:?} {w}×{h}: label cut in {row:?}\n{s}"
            );
            insta::assert_snapshot!(format!("attempt_form_{lang:?}_{w}x{h}"), s);
        }
    }
}
