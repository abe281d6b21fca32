//! The `?` help: it scrolled past its end into an empty box, Home (End,
//! PgUp/PgDn, g/G) did nothing, and it had no legend for the signs in the
//! queue list (✉✓ ✉✗ ✉? ⏲ ×2).

mod common;

use common::{TestDb, monday_morning};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::i18n::Lang;
use vakt::tui::App;
use vakt::tui::popup::PopupKind;
use vakt::tui::render_text;
use vakt::tui::view::queue::MARKS;

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn help_app(lang: Lang, w: u16, h: u16) -> (TestDb, App) {
    let db = TestDb::new();
    let mut app = db.app(lang, monday_morning());
    app.set_actor("KH");
    app.resize(w, h);
    key(&mut app, KeyCode::Char('?'));
    assert_eq!(app.popup(), Some(PopupKind::Help));
    (db, app)
}

/// The lines inside the help box, between its borders (the box is the
/// one whose top border carries the help title).
fn box_lines(screen: &str, title: &str) -> Vec<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let top = lines
        .iter()
        .position(|l| l.contains(title))
        .unwrap_or_else(|| panic!("no help box:\n{screen}"));
    // Columns, not bytes: the frame is drawn with multi-byte characters.
    let col = lines[top]
        .chars()
        .position(|c| c == '┌')
        .expect("box corner");
    let width = lines[top]
        .chars()
        .skip(col)
        .take_while(|c| *c != '┐')
        .count()
        + 1;
    let mut out = Vec::new();
    for l in &lines[top + 1..] {
        let rest: Vec<char> = l.chars().skip(col).take(width).collect();
        if rest.first() == Some(&'└') {
            break;
        }
        let inner: String = rest[1..rest.len().saturating_sub(1)].iter().collect();
        out.push(inner.trim_end().to_string());
    }
    out
}

const TITLE: [(Lang, &str, &str); 2] = [
    (Lang::En, "Help – keys", "Esc or ? closes help."),
    (Lang::Nb, "Hjelp – taster", "Esc eller ? lukker hjelpen."),
];

#[test]
fn help_never_scrolls_past_its_end() {
    for (lang, title, last) in TITLE {
        for (w, h) in [(80, 24), (120, 36)] {
            let (_db, mut app) = help_app(lang, w, h);
            for _ in 0..300 {
                key(&mut app, KeyCode::Down);
            }
            let s = render_text(&app, w, h);
            let inner = box_lines(&s, title);
            assert!(
                inner.last().unwrap().contains(last),
                "{lang:?} {w}×{h}: the end is not at the bottom:\n{s}"
            );
            assert!(!inner[0].is_empty() || !inner[1].is_empty(), "{s}");
            // One step up moves at once (the scroll did not run on past
            // the end).
            key(&mut app, KeyCode::Up);
            let up = render_text(&app, w, h);
            assert_ne!(up, s, "{lang:?} {w}×{h}: Up did nothing after the end");
            assert!(!box_lines(&up, title).last().unwrap().contains(last));
        }
    }
}

#[test]
fn home_end_pages_and_g_move_in_help() {
    for (lang, title, last) in TITLE {
        let (_db, mut app) = help_app(lang, 80, 24);
        let first = render_text(&app, 80, 24);
        assert!(!box_lines(&first, title).last().unwrap().contains(last));
        for end in [KeyCode::End, KeyCode::Char('G')] {
            key(&mut app, end);
            let s = render_text(&app, 80, 24);
            assert!(
                box_lines(&s, title).last().unwrap().contains(last),
                "{lang:?} {end:?}:\n{s}"
            );
            for home in [KeyCode::Home, KeyCode::Char('g')] {
                key(&mut app, home);
                assert_eq!(render_text(&app, 80, 24), first, "{lang:?} {home:?}");
                key(&mut app, end);
            }
        }
        key(&mut app, KeyCode::Home);
        key(&mut app, KeyCode::PageDown);
        let paged = render_text(&app, 80, 24);
        let shown = box_lines(&first, title);
        let after = box_lines(&paged, title);
        // A page on: the line that was at the bottom is now at the top.
        assert_eq!(after[0], *shown.last().unwrap(), "{lang:?}:\n{paged}");
        key(&mut app, KeyCode::PageUp);
        assert_eq!(render_text(&app, 80, 24), first, "{lang:?} PgUp");
        // PgUp at the top and PgDn past the end stay inside.
        key(&mut app, KeyCode::PageUp);
        assert_eq!(render_text(&app, 80, 24), first);
        for _ in 0..20 {
            key(&mut app, KeyCode::PageDown);
        }
        let s = render_text(&app, 80, 24);
        assert!(box_lines(&s, title).last().unwrap().contains(last), "{s}");
    }
}

#[test]
fn a_resize_keeps_help_within_its_text() {
    for (lang, title, last) in TITLE {
        let (_db, mut app) = help_app(lang, 80, 24);
        key(&mut app, KeyCode::End);
        // Taller: the end is still the last line shown, with no empty box
        // under it, and one step up moves at once (the scroll was brought
        // back within the text, not only drawn so).
        app.resize(100, 30);
        let s = render_text(&app, 100, 30);
        assert!(box_lines(&s, title).last().unwrap().contains(last), "{s}");
        key(&mut app, KeyCode::Up);
        let up = render_text(&app, 100, 30);
        assert_ne!(up, s, "{lang:?}: Up did nothing after a resize");
        assert!(!box_lines(&up, title).last().unwrap().contains(last));
        // Tall enough for all of it: the box is as tall as the text, from
        // its first line to its last.
        app.resize(120, 80);
        let s = render_text(&app, 120, 80);
        let inner = box_lines(&s, title);
        assert!(inner.last().unwrap().contains(last), "{s}");
        assert!(!inner[0].is_empty(), "{s}");
    }
}

#[test]
fn help_explains_every_sign_of_the_queue_list() {
    for lang in [Lang::En, Lang::Nb] {
        let (_db, mut app) = help_app(lang, 120, 36);
        let mut seen = String::new();
        for _ in 0..100 {
            seen.push_str(&render_text(&app, 120, 36));
            key(&mut app, KeyCode::Down);
        }
        for m in MARKS {
            let sign = m.shown(lang);
            let line = seen
                .lines()
                .find(|l| l.contains(&sign) && l.contains(m.meaning.get(lang)));
            assert!(
                line.is_some(),
                "{lang:?}: no legend line for {sign} ({})",
                m.meaning.get(lang)
            );
        }
        for sign in ["✉✓", "✉✗", "✉?", "⏲", "×2"] {
            assert!(
                MARKS.iter().any(|m| m.shown(lang) == sign),
                "{sign} is not in the legend"
            );
        }
    }
}

#[test]
fn a_long_key_name_keeps_a_space_before_what_it_does() {
    for lang in [Lang::En, Lang::Nb] {
        let (_db, mut app) = help_app(lang, 120, 36);
        let mut seen = String::new();
        for _ in 0..100 {
            seen.push_str(&render_text(&app, 120, 36));
            key(&mut app, KeyCode::Down);
        }
        let line = seen
            .lines()
            .find(|l| l.contains("Alt-Backspace"))
            .expect("the field keys are listed");
        assert!(line.contains("Alt-Backspace "), "{lang:?}: {line}");
    }
}
