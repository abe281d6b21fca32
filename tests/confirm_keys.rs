//! Yes/no questions show the key of the person's own language first ("y
//! Yes" in English showed as "j Yes"), both keys still answer, and each
//! question has its own title (releasing an escalation was titled
//! "Handover").

mod common;

use common::{TestDb, monday_morning};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::i18n::Lang;
use vakt::store::log::{Marks, NewNote};
use vakt::tui::App;
use vakt::tui::log::Mode;
use vakt::tui::popup::PopupKind;
use vakt::tui::render_text;

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn footer(app: &App) -> String {
    let s = render_text(app, 120, 34);
    s.lines().last().unwrap().to_string()
}

/// A database with one open escalation; the app on the shift log.
fn log_app(db: &TestDb, lang: Lang) -> App {
    let mut s = db.store();
    s.add_note(
        &NewNote {
            body: "Bekymring meldt videre.".into(),
            callback_id: None,
            marks: Marks {
                escalation: true,
                ..Marks::default()
            },
            amends: None,
        },
        "KH",
        monday_morning(),
    )
    .unwrap();
    let mut app = db.app(lang, monday_morning());
    app.set_on_duty("KH", false);
    app.resize(120, 34);
    key(&mut app, KeyCode::Char('3'));
    app
}

#[test]
fn the_footer_shows_the_yes_key_of_the_language() {
    for (lang, yes, no, wrong) in [
        (Lang::En, "y Yes", "n No", "j Yes"),
        (Lang::Nb, "j Ja", "n Nei", "y Ja"),
    ] {
        let db = TestDb::new();
        let mut app = log_app(&db, lang);
        // A question in the log pane.
        key(&mut app, KeyCode::Char('l'));
        assert!(matches!(app.log().mode, Mode::Confirm(_)));
        let f = footer(&app);
        assert!(f.contains(&format!("{yes} · {no}")), "{lang:?}: {f}");
        assert!(!f.contains(wrong), "{lang:?}: {f}");
        // The quit question over typed text.
        key(&mut app, KeyCode::Char('n'));
        let mut app2 = log_app(&TestDb::new(), lang);
        key(&mut app2, KeyCode::Char('n'));
        for c in "utkast".chars() {
            key(&mut app2, KeyCode::Char(c));
        }
        app2.on_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
        assert_eq!(app2.popup(), Some(PopupKind::ConfirmQuit));
        let f = footer(&app2);
        assert!(f.contains(&format!("{yes} · {no}")), "{lang:?}: {f}");
        assert!(!f.contains(wrong), "{lang:?}: {f}");
    }
}

#[test]
fn both_yes_keys_answer_in_either_language() {
    for lang in [Lang::En, Lang::Nb] {
        for yes in ['y', 'j', 'Y', 'J'] {
            let db = TestDb::new();
            let mut app = log_app(&db, lang);
            key(&mut app, KeyCode::Char('l'));
            key(&mut app, KeyCode::Char(yes));
            assert!(
                matches!(app.log().mode, Mode::List),
                "{lang:?} {yes}: still asking"
            );
            let n = &app.log().rows()[0];
            assert!(n.released, "{lang:?} {yes}: not released");
        }
    }
}

#[test]
fn each_question_has_its_own_title() {
    for (lang, release, end, not) in [
        (
            Lang::En,
            "Release the escalation",
            "End the shift",
            " Handover ",
        ),
        (
            Lang::Nb,
            "Avslutte eskaleringen",
            "Avslutte vakten",
            " Overlevering ",
        ),
    ] {
        let db = TestDb::new();
        let mut app = log_app(&db, lang);
        key(&mut app, KeyCode::Char('l'));
        let s = render_text(&app, 120, 34);
        assert!(s.contains(&format!(" {release} ")), "{lang:?}:\n{s}");
        assert!(!s.contains(not), "{lang:?}:\n{s}");
        key(&mut app, KeyCode::Char('n'));
        key(&mut app, KeyCode::Char('s'));
        let s = render_text(&app, 120, 34);
        assert!(s.contains(&format!(" {end} ")), "{lang:?}:\n{s}");
        assert!(!s.contains(not), "{lang:?}:\n{s}");
    }
}
