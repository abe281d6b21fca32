//! An empty summary is named as one, not as "no message" (which reads like
//! "do not leave a message").

mod common;

use common::TestDb;
use common::queue_fixture::*;
use vakt::domain::promise::Safety;
use vakt::i18n::Lang;
use vakt::tui::render_text;

#[test]
fn an_empty_summary_cannot_be_read_as_an_instruction() {
    for (lang, placeholder, old) in [
        (Lang::Nb, "(ingen sammendrag)", "(ingen beskjed)"),
        (Lang::En, "(no summary)", "(no message)"),
    ] {
        let db = TestDb::new();
        add(
            &db,
            "22 33 44 30",
            oslo(2026, 11, 21, 11, 2),
            "",
            Safety::default(),
        );
        let app = app_at(&db, lang, 120, 30);
        let s = render_text(&app, 120, 30);
        assert!(s.contains(placeholder), "{lang:?}:\n{s}");
        assert!(!s.contains(old), "{lang:?}:\n{s}");
    }
}
