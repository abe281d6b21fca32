//! The closed-today view offers only keys that act there: footer, help and
//! dispatch read the same table.

mod common;

use common::TestDb;
use common::queue_fixture::*;
use ratatui::crossterm::event::KeyCode;
use vakt::domain::promise::Safety;
use vakt::i18n::Lang;
use vakt::tui::queue::{Mode, View};
use vakt::tui::render_text;

#[test]
fn closed_today_offers_only_keys_that_act_there() {
    for (lang, attempt, close, back) in [
        (Lang::Nb, "Enter Forsøk", "c Lukk", "d Åpne saker"),
        (Lang::En, "Enter Attempt", "c Close", "d Open items"),
    ] {
        let db = TestDb::new();
        let id = careful_item(&db);
        add(
            &db,
            "22 33 44 87",
            oslo(2026, 11, 20, 16, 40),
            "",
            Safety::default(),
        );
        let mut app = app_at(&db, lang, 120, 30);
        // Close the first item, then look at what was closed today.
        key(&mut app, KeyCode::Char('c'));
        for _ in 0..3 {
            key(&mut app, KeyCode::Right);
        }
        key(&mut app, KeyCode::Enter);
        assert!(!db.store().callback(id).unwrap().unwrap().open);
        key(&mut app, KeyCode::Char('d'));
        assert_eq!(app.queue().view, View::ClosedToday);
        let s = render_text(&app, 120, 30);
        let f = footer(&s);
        assert!(!f.contains(attempt), "{lang:?} footer: {f}");
        assert!(!f.contains(close), "{lang:?} footer: {f}");
        assert!(f.contains(back), "{lang:?} footer: {f}");
        // Enter and c do nothing here, and say nothing.
        key(&mut app, KeyCode::Enter);
        key(&mut app, KeyCode::Char('c'));
        assert!(matches!(app.queue().mode, Mode::List));
        // The help overlay lists the same keys as the footer.
        key(&mut app, KeyCode::Char('?'));
        let help = render_text(&app, 120, 30);
        let attempt_label = attempt.trim_start_matches("Enter ");
        assert!(
            !help
                .lines()
                .any(|l| l.contains("Enter") && l.contains(attempt_label)),
            "{lang:?} help:\n{help}"
        );
        assert!(help.contains(back.trim_start_matches("d ")), "{help}");
        key(&mut app, KeyCode::Esc);
        // Back in the open view, Enter records an attempt again.
        key(&mut app, KeyCode::Char('d'));
        assert_eq!(app.queue().view, View::Open);
        let f = footer(&render_text(&app, 120, 30));
        assert!(f.contains(attempt), "{lang:?} footer: {f}");
        key(&mut app, KeyCode::Enter);
        assert!(matches!(app.queue().mode, Mode::Attempt { .. }));
    }
}
