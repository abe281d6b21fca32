//! Finding the right service when the words are not quite right: typos,
//! compounds written apart or together, phone numbers in any spacing, a
//! place typed into the search, and choice lists that show where the
//! cursor is. Through the real binary and through the app's rendered
//! buffer. All data is synthetic (fictional places, numbers from the 9xx
//! mobile range that the starter list does not use).

mod common;

use common::{TestDb, monday_morning};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::directory::Service;
use vakt::i18n::Lang;
use vakt::tui::app::Pane;
use vakt::tui::{App, render_text};

fn local(name: &str, areas: &[&str], description: &str) -> Service {
    Service {
        name: name.into(),
        description: description.into(),
        areas: areas.iter().map(|a| (*a).to_string()).collect(),
        national: false,
        categories: vec!["violence".into()],
        ..Service::default()
    }
}

/// A database with the starter list and a few local entries.
fn db_with_locals() -> TestDb {
    let db = TestDb::new();
    let mut store = db.store();
    for s in [
        local("Krisesenteret i Nordvik", &["Nordvik"], "Døgnåpent tilbud."),
        local(
            "Samtale senter Sørvik",
            &["Sørvik"],
            "Samtaler for utsatte.",
        ),
        local("Tromsø testsenter", &["Tromsø"], "Lokalt tilbud i Tromsø."),
        local("Bodø testsenter", &["Bodø"], "Lokalt tilbud i Bodø."),
    ] {
        store.add_service(&s, "KH", monday_morning()).unwrap();
    }
    db
}

fn search(db: &TestDb, lang: &str, query: &str) -> String {
    String::from_utf8(db.output(&["--lang", lang, "directory", "search", query])).unwrap()
}

#[test]
fn a_typo_finds_the_nearest_word_and_says_so() {
    let db = db_with_locals();
    let out = search(&db, "en", "legvakt");
    assert!(out.contains("Legevakt"), "{out}");
    assert!(
        out.contains("Showing results for \"legevakt\""),
        "the correction is shown: {out}"
    );
    let out = search(&db, "nb", "Legvak");
    assert!(out.contains("Legevakt"), "while typing too: {out}");
    // A word that is nothing like any word of the index stays not found.
    db.cmd()
        .args(["--lang", "en", "directory", "search", "qqqqqq"])
        .assert()
        .success()
        .stdout("Nothing found.\n");
}

#[test]
fn compounds_match_written_apart_or_together() {
    let db = db_with_locals();
    let out = search(&db, "en", "krise senter");
    assert!(out.contains("Krisesenteret i Nordvik"), "{out}");
    // Written together where the entry writes it apart: read so when the
    // word as typed is found nowhere.
    let out = search(&db, "en", "samtalesenter");
    assert!(out.contains("Samtale senter Sørvik"), "{out}");
    assert!(
        out.contains("Showing results for \"samtale senter\""),
        "{out}"
    );
}

#[test]
fn phone_digits_in_any_spacing_find_the_service() {
    let db = db_with_locals();
    for q in [
        "116117",
        "116 117",
        "116 11",
        "+47 22 40 00 40",
        "22400040",
        "22 40",
    ] {
        let out = search(&db, "en", q);
        let want = if q.starts_with("11") {
            "Legevakt"
        } else {
            "Kirkens SOS"
        };
        assert!(out.contains(want), "{q:?} → {out}");
    }
    let out = search(&db, "en", "116");
    for want in ["Legevakt", "Mental Helse", "Alarmtelefonen"] {
        assert!(out.contains(want), "116 → {out}");
    }
    let v: serde_json::Value =
        serde_json::from_slice(&db.output(&["directory", "search", "116 117", "--json"])).unwrap();
    assert_eq!(v[0]["name"], "Legevakt");
}

#[test]
fn a_place_in_the_search_narrows_to_services_serving_it_national_included() {
    let db = db_with_locals();
    let out = search(&db, "en", "tromso");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].contains("Place: tromso"), "{out}");
    let at = |name: &str| lines.iter().position(|l| l.starts_with(name));
    let local = at("Tromsø testsenter").expect("the local one");
    let national = at("Kirkens SOS").expect("national ones too");
    assert!(local < national, "local first: {out}");
    // Named after the place though it lists only the county: local too.
    assert!(
        at("Krisesenteret for Tromsø og omegn").unwrap() < national,
        "{out}"
    );
    assert!(
        !out.contains("Bodø testsenter"),
        "not another place's: {out}"
    );
    // A place and a word: the word searched among those serving the place.
    let out = search(&db, "en", "kirkens tromsø");
    assert!(out.contains("Kirkens SOS"), "{out}");
    assert!(!out.contains("Tromsø testsenter"), "{out}");
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn directory_app(db: &TestDb, lang: Lang) -> App {
    let mut app = db.app(lang, monday_morning());
    app.set_actor("KH");
    app.on_key(key(KeyCode::Char('2')));
    assert_eq!(app.pane(), Pane::Directory);
    app
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.on_key(key(KeyCode::Char(c)));
    }
}

#[test]
fn the_pane_shows_how_the_query_was_read_and_no_filter_hint_without_a_filter() {
    let db = db_with_locals();
    let mut app = directory_app(&db, Lang::En);
    app.on_key(key(KeyCode::Char('/')));
    typed(&mut app, "legvakt");
    let screen = render_text(&app, 120, 30);
    assert!(screen.contains("Legevakt"), "{screen}");
    assert!(
        screen.contains("Showing results for \"legevakt\""),
        "{screen}"
    );
    for _ in 0.."legvakt".len() {
        app.on_key(key(KeyCode::Backspace));
    }
    typed(&mut app, "qqqqqq");
    let screen = render_text(&app, 120, 30);
    assert!(screen.contains("Nothing found"), "{screen}");
    assert!(
        !screen.contains("clear the filter"),
        "no filter is set, so none is suggested: {screen}"
    );
}

#[test]
fn the_category_choice_scrolls_and_shows_where_the_cursor_is() {
    let db = db_with_locals();
    let mut app = directory_app(&db, Lang::En);
    app.on_key(key(KeyCode::Char('f')));
    let screen = render_text(&app, 100, 30);
    assert!(screen.contains("● all"), "{screen}");
    assert!(screen.contains("1/13"), "position shown: {screen}");
    // Move to "Relatives" (the 7th of 13) and past it.
    for _ in 0..6 {
        app.on_key(key(KeyCode::Right));
    }
    let screen = render_text(&app, 100, 30);
    assert!(
        screen.contains("● Relatives"),
        "the chosen one is visible: {screen}"
    );
    assert!(screen.contains("7/13"), "{screen}");
    for _ in 0..6 {
        app.on_key(key(KeyCode::Right));
    }
    let screen = render_text(&app, 100, 30);
    assert!(
        screen.contains("● Other"),
        "the last one is visible: {screen}"
    );
    assert!(screen.contains("13/13"), "{screen}");
}

fn id_of(db: &TestDb, name: &str) -> i64 {
    db.store()
        .all_services()
        .unwrap()
        .into_iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("{name} not in the directory"))
        .id
}

#[test]
fn a_reported_problem_marks_the_entry_until_it_is_verified() {
    let db = db_with_locals();
    let id = id_of(&db, "Kirkens SOS");
    db.store()
        .report_problem(
            id,
            vakt::store::directory::ProblemKind::WrongNumber,
            "svarte ikke",
            "KH",
            monday_morning(),
        )
        .unwrap();
    let out = search(&db, "en", "kirkens");
    assert!(
        out.contains("⚠ Problem reported 23.11.2026: wrong number – svarte ikke"),
        "{out}"
    );
    let mut app = directory_app(&db, Lang::En);
    app.on_key(key(KeyCode::Char('/')));
    typed(&mut app, "kirkens");
    let screen = render_text(&app, 120, 30);
    assert!(screen.contains("⚠ Problem reported 23.11.2026"), "{screen}");
    // Verifying the entry afterwards answers the report.
    db.store()
        .verify_service(id, "KH", monday_morning() + chrono::Duration::hours(1))
        .unwrap();
    let out = search(&db, "en", "kirkens");
    assert!(!out.contains("Problem reported"), "{out}");
}

#[test]
fn the_starter_directory_has_regional_centres_unverified_and_sourced() {
    let db = TestDb::new();
    let all = db.store().all_services().unwrap();
    assert!(all.len() > 80, "{} entries", all.len());
    assert!(all.iter().all(|s| s.last_verified_at.is_none()));
    let midt = all
        .iter()
        .find(|s| s.name == "Krisesenteret i Midt-Troms")
        .unwrap();
    assert_eq!(midt.phones[0].number.display(), "+47 77 84 52 60");
    assert!(midt.source.contains("2020-03-17"), "{}", midt.source);
    let tromso = all
        .iter()
        .find(|s| s.name == "Krisesenteret for Tromsø og omegn")
        .unwrap();
    assert!(
        tromso.phones.is_empty(),
        "an undated source gives no number"
    );
    assert!(
        tromso.description.contains("tromsokrisesenter.no"),
        "{}",
        tromso.description
    );
    // Found by the place it serves, as the volunteer would look.
    let out = search(&db, "en", "krisesenter tromsø");
    assert!(out.contains("Krisesenteret for Tromsø og omegn"), "{out}");
}

/// On a new database (the starter list only, where no entry lists Tromsø
/// among its areas) `tromso` is still a place: a Norwegian municipality.
/// The services named for it come first, then the national ones; a
/// municipality nobody serves shows the national ones; and a common word
/// that is also a municipality's name ("time") stays a word.
#[test]
fn a_municipality_is_a_place_on_the_starter_list_too() {
    let db = TestDb::new();
    let out = search(&db, "en", "tromso");
    assert!(out.starts_with("Place: tromso"), "{out}");
    let lines: Vec<&str> = out.lines().skip(1).collect();
    assert!(lines[0].contains("Tromsø"), "{out}");
    assert!(out.contains("Kirkens SOS"), "national ones follow: {out}");
    let out = search(&db, "en", "tromsø vold");
    assert!(out.starts_with("Place: tromso"), "{out}");
    assert!(out.contains("Vold- og overgrepslinjen"), "{out}");
    let out = search(&db, "en", "balsfjord");
    assert!(out.starts_with("Place: balsfjord"), "{out}");
    assert!(out.contains("Kirkens SOS"), "{out}");
    let out = search(&db, "en", "time");
    assert!(!out.contains("Place:"), "{out}");
}
