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

/// Not only the attempt form: every label of every queue form (new item,
/// edit, attempt, close, plan) is whole, in both languages, at 80×24.
#[test]
fn every_queue_form_label_is_whole() {
    for lang in [Lang::Nb, Lang::En] {
        for open in [
            KeyCode::Char('n'),
            KeyCode::Char('e'),
            KeyCode::Enter,
            KeyCode::Char('c'),
            KeyCode::Char('p'),
        ] {
            let db = TestDb::new();
            careful_item(&db);
            let mut app = app_at(&db, lang, 80, 24);
            key(&mut app, open);
            let form = app
                .queue()
                .form()
                .unwrap_or_else(|| panic!("{open:?} opens no form"));
            let labels: Vec<&str> = form.labels().iter().map(|l| l.get(lang)).collect();
            let s = render_text(&app, 80, 24);
            for label in labels {
                assert!(
                    s.contains(&format!("│▶{label}")) || s.contains(&format!("│ {label}")),
                    "{lang:?} {open:?}: {label:?} not whole:\n{s}"
                );
            }
        }
    }
}
