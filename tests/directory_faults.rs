//! Faults found by hands-on testing of the directory, each reproduced
//! through the app (key events, rendered buffer) or the CLI against a
//! temporary database. All data is synthetic; the clock is fixed.

mod common;

use common::{TestDb, monday_morning};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::i18n::Lang;
use vakt::tui::app::Pane;
use vakt::tui::{App, render_text};

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

/// A sentence end followed directly by a capital letter: two texts run
/// together ("violence.Telefonnummer").
fn run_together(text: &str) -> Option<String> {
    let re = regex::Regex::new(r"\S*[.!?:;)][A-ZÆØÅ]\S*").unwrap();
    re.find(text).map(|m| m.as_str().to_string())
}

#[test]
fn every_starter_entry_reads_as_separate_sentences_in_the_detail() {
    let db = TestDb::new();
    let mut app = directory_app(&db, Lang::En);
    let n = app.directory().rows.len();
    assert_eq!(n, vakt::directory::seed::starter_services().len());
    let mut bad = Vec::new();
    for i in 0..n {
        let s = app.directory().selected_service().unwrap().clone();
        for part in s.description.lines() {
            if let Some(m) = run_together(part) {
                bad.push(format!("{}: stored {m:?}", s.name));
            }
        }
        let screen = render_text(&app, 200, 60);
        let detail: String = screen
            .lines()
            .skip_while(|l| !l.contains(s.name.chars().take(30).collect::<String>().as_str()))
            .collect::<Vec<_>>()
            .join("\n");
        if let Some(m) = run_together(&detail) {
            bad.push(format!("{}: shown {m:?}", s.name));
        }
        if i + 1 < n {
            app.on_key(key(KeyCode::Down));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// What `vakt directory search` printed: (stdout lines, stderr).
fn cli_search(db: &TestDb, lang: &str, extra: &[&str]) -> (Vec<String>, String) {
    let mut args = vec!["--lang", lang, "directory", "search"];
    args.extend_from_slice(extra);
    let out = db.cmd().args(&args).assert().success().get_output().clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    (
        stdout.lines().map(str::to_string).collect(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_cut_search_says_how_many_were_found_and_how_to_see_more() {
    let db = TestDb::new();
    let all = vakt::directory::seed::starter_services().len();
    assert!(all > 50, "{all}");
    let (lines, err) = cli_search(&db, "en", &[""]);
    assert_eq!(lines.len(), 50, "{lines:?}");
    assert!(
        err.contains(&format!("50 of {all} shown; --limit N for more")),
        "{err:?}"
    );
    let (_, err) = cli_search(&db, "nb", &[""]);
    assert!(
        err.contains(&format!("50 av {all} vist; --limit N for flere")),
        "{err:?}"
    );
    // With room for all: every entry, and no note.
    let (lines, err) = cli_search(&db, "en", &["", "--limit", "200"]);
    assert_eq!(lines.len(), all, "{lines:?}");
    assert!(!err.contains("shown"), "{err:?}");
    let (lines, err) = cli_search(&db, "en", &["", "--limit", "3"]);
    assert_eq!(lines.len(), 3);
    assert!(err.contains(&format!("3 of {all} shown")), "{err:?}");
    // JSON keeps standard output a clean array; the note goes beside it.
    let out = db
        .cmd()
        .args(["--lang", "en", "directory", "search", "", "--json"])
        .assert()
        .success()
        .get_output()
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 50);
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("50 of {all} shown")));
    // A limit that is not a count is refused.
    db.cmd()
        .args(["directory", "search", "", "--limit", "0"])
        .assert()
        .code(2);
}

#[test]
fn the_app_count_is_true_when_more_match_than_it_shows() {
    let db = TestDb::new();
    {
        let mut store = db.store();
        let extra: Vec<vakt::directory::Service> = (0..120)
            .map(|i| vakt::directory::Service {
                name: format!("Testtjeneste {i:03}"),
                national: true,
                ..vakt::directory::Service::default()
            })
            .collect();
        vakt::store::directory::bulk_insert(&mut store, &extra, "TEST", monday_morning()).unwrap();
    }
    let app = directory_app(&db, Lang::En);
    let screen = render_text(&app, 120, 30);
    let limit = vakt::tui::directory::RESULT_LIMIT;
    assert_eq!(app.directory().rows.len(), limit);
    assert!(
        screen.contains(&format!("{limit}+ found")),
        "the title must not claim exactly {limit}:\n{screen}"
    );
}

fn search_for(app: &mut App, text: &str) {
    app.on_key(key(KeyCode::Char('/')));
    for c in text.chars() {
        app.on_key(key(KeyCode::Char(c)));
    }
    app.on_key(key(KeyCode::Esc));
}

/// The rendered list row that names `name`.
fn row_of(screen: &str, name: &str) -> String {
    screen
        .lines()
        .find(|l| l.contains(name) && !l.contains("·"))
        .unwrap_or_else(|| panic!("no row for {name} in\n{screen}"))
        .to_string()
}

#[test]
fn a_reported_problem_shows_on_the_list_row_until_verified() {
    let db = TestDb::new();
    let mut app = directory_app(&db, Lang::En);
    search_for(&mut app, "kirkens");
    let before = render_text(&app, 120, 30);
    assert!(!row_of(&before, "Kirkens SOS").contains('⚠'), "{before}");
    // Report a problem the way the volunteer does: p, then save.
    app.on_key(key(KeyCode::Char('p')));
    app.on_key(KeyCode::Enter.into());
    let after = render_text(&app, 120, 30);
    assert!(after.contains("⚠ Problem reported"), "detail:\n{after}");
    let row = row_of(&after, "Kirkens SOS");
    assert!(row.contains('⚠'), "row without the sign: {row:?}\n{after}");
    // Other rows are not marked.
    assert_eq!(after.matches('⚠').count(), 2, "{after}");
    // Verifying answers the report: the sign goes.
    app.on_key(key(KeyCode::Char('v')));
    let verified = render_text(&app, 120, 30);
    assert!(
        !row_of(&verified, "Kirkens SOS").contains('⚠'),
        "{verified}"
    );
}

/// The line over the list and the names, in order.
fn place_search(db: &TestDb, lang: &str, text: &str) -> (String, Vec<String>) {
    let (lines, _) = cli_search(db, lang, &[text, "--limit", "200"]);
    let head = lines.first().cloned().unwrap_or_default();
    let names = lines
        .iter()
        .skip(1)
        .map(|l| l.split("  ·  ").next().unwrap_or("").to_string())
        .collect();
    (head, names)
}

fn served_by(db: &TestDb, name: &str) -> (bool, Vec<String>) {
    let store = db.store();
    let s = store
        .all_services()
        .unwrap()
        .into_iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no {name}"));
    (s.national, s.areas)
}

#[test]
fn a_municipality_gets_its_county_services_before_the_national_ones() {
    let db = TestDb::new();
    let (head, names) = place_search(&db, "en", "kautokeino");
    assert_eq!(
        head,
        "Place: kautokeino – no local service found; Finnmark first, then national"
    );
    // Every starter entry for Finnmark comes before every national one.
    let county: Vec<&String> = names.iter().take_while(|n| !served_by(&db, n).0).collect();
    assert!(county.len() >= 4, "{names:?}");
    for n in &county {
        let (_, areas) = served_by(&db, n);
        assert!(areas.iter().any(|a| a == "Finnmark"), "{n}: {areas:?}");
    }
    assert!(county.iter().any(|n| n.contains("Karasjok")), "{county:?}");
    assert!(
        names[county.len()..].iter().all(|n| served_by(&db, n).0),
        "{names:?}"
    );
    // By its Sámi name too, and in Norwegian.
    let (head, sami) = place_search(&db, "nb", "guovdageaidnu");
    assert_eq!(
        head,
        "Sted: guovdageaidnu – ingen lokale tilbud funnet; Finnmark først, så nasjonale"
    );
    assert_eq!(sami, names);

    // A service of the municipality itself comes first, then the county's.
    {
        let mut store = db.store();
        let local = vakt::directory::Service {
            name: "Testsenter Kautokeino-fjellet".into(),
            areas: vec!["Kautokeino".into()],
            ..vakt::directory::Service::default()
        };
        store.add_service(&local, "TEST", monday_morning()).unwrap();
    }
    let (head, names) = place_search(&db, "en", "kautokeino");
    assert_eq!(
        head,
        "Place: kautokeino – local first, then Finnmark, then national"
    );
    assert_eq!(names[0], "Testsenter Kautokeino-fjellet");
    let (_, areas) = served_by(&db, &names[1]);
    assert!(areas.iter().any(|a| a == "Finnmark"), "{names:?}");

    // Two municipalities of one name (a starter entry serves Herøy in
    // Nordland): both counties.
    let (head, _) = place_search(&db, "en", "herøy");
    assert_eq!(
        head,
        "Place: heroy – local first, then Møre og Romsdal, Nordland, then national"
    );
    // A county typed is the place itself: no county line.
    let (head, _) = place_search(&db, "en", "finnmark");
    assert_eq!(head, "Place: finnmark – local first, then national");
}

#[test]
fn a_referral_names_the_caller_asks_first_and_can_be_undone() {
    use chrono::Duration;
    use common::queue_fixture::{store_voicemail_by, voicemail};
    let db = TestDb::new();
    let received = monday_morning() - Duration::hours(1);
    let v = voicemail("+47 22 33 44 55", received);
    let cb = store_voicemail_by(&mut db.store(), &v, "KH", monday_morning()).id;
    let tz = db.store().calendar().unwrap().tz;
    let when = vakt::timefmt::when_words(received, monday_morning(), tz, Lang::En);
    let masked = v.phone.masked();
    for lang in [Lang::En, Lang::Nb] {
        let mut app = db.app(lang, monday_morning());
        app.set_actor("KH");
        app.on_key(key(KeyCode::Char('2')));
        search_for(&mut app, "vo linjen");
        app.on_key(key(KeyCode::Char('r')));
        let asked = render_text(&app, 120, 30);
        // The item as the queue shows it, never as an id.
        assert!(asked.contains(&masked), "{asked}");
        assert!(!asked.contains(&format!("#{cb}")), "{asked}");
        assert!(
            db.store().referrals_for_callback(cb).unwrap().is_empty(),
            "recorded before the answer"
        );
        // No: nothing recorded.
        app.on_key(key(KeyCode::Char('n')));
        assert!(db.store().referrals_for_callback(cb).unwrap().is_empty());
        let screen = render_text(&app, 120, 30);
        assert!(
            !screen.contains(&masked) || !screen.contains('?'),
            "{screen}"
        );
    }
    let mut app = db.app(Lang::En, monday_morning());
    app.set_actor("KH");
    app.on_key(key(KeyCode::Char('2')));
    search_for(&mut app, "vo linjen");
    app.on_key(key(KeyCode::Char('r')));
    let asked = render_text(&app, 120, 30);
    assert!(
        asked.contains(&when),
        "received {when:?} not shown:\n{asked}"
    );
    app.on_key(key(KeyCode::Char('y')));
    let done = render_text(&app, 120, 30);
    assert_eq!(db.store().referrals_for_callback(cb).unwrap().len(), 1);
    assert!(done.contains(&masked), "{done}");
    assert!(done.contains("u undoes"), "{done}");
    // u takes it back, once.
    app.on_key(key(KeyCode::Char('u')));
    assert!(db.store().referrals_for_callback(cb).unwrap().is_empty());
    assert!(render_text(&app, 120, 30).contains("Referral undone"));
    // A second u has nothing to take back (the key is off, as in the
    // queue), and a new referral is asked for again.
    assert!(!app.is_enabled(vakt::tui::keymap::Action::Directory(
        vakt::tui::directory::Act::Undo
    )));
    app.on_key(key(KeyCode::Char('r')));
    app.on_key(key(KeyCode::Esc));
    assert!(db.store().referrals_for_callback(cb).unwrap().is_empty());
}
