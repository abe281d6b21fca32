//! The documentation is checked against the program, so it cannot drift:
//!
//! - every screen in `docs/screens/` is rendered again from the real app
//!   (fixed clock, synthetic data) and must match, and each guide must
//!   embed the screens it names;
//! - the key tables in the guides are generated from the key map;
//! - every key in the settings reference in `docs/admin.md` parses, and
//!   every key vakt knows is in it;
//! - `docs/vakt.1` and `docs/vakt.nb.1` are the manual pages `vakt man
//!   --lang en` and `vakt man --lang nb` print.
//!
//! After a deliberate change, regenerate all of it with
//! `VAKT_UPDATE_SCREENS=1 cargo test --test docs` and review the diff.

mod common;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::queue_fixture::{store_voicemail_by, voicemail};
use common::{TestDb, monday_morning};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::calendar::CalendarSettings;
use vakt::config::Config;
use vakt::domain::promise::{AttemptResult, Safety};
use vakt::i18n::Lang;
use vakt::store::callbacks::{NewVoicemail, Snapshots};
use vakt::store::log::{Marks, NewNote};
use vakt::tui::keymap::{self, Scope};
use vakt::tui::{App, render_text};

const W: u16 = 120;
const H: u16 = 30;
const REGENERATE: &str = "VAKT_UPDATE_SCREENS=1 cargo test --test docs";

fn updating() -> bool {
    std::env::var("VAKT_UPDATE_SCREENS").is_ok_and(|v| v == "1")
}

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(repo(rel)).unwrap_or_else(|e| panic!("cannot read {rel}: {e}"))
}

/// Compares a generated file with the one in the repository, or writes it.
fn check_file(rel: &str, expected: &str, failures: &mut Vec<String>) {
    let path = repo(rel);
    let found = std::fs::read_to_string(&path).unwrap_or_default();
    if found == expected {
        return;
    }
    if updating() {
        std::fs::write(&path, expected).unwrap();
    } else {
        failures.push(format!(
            "{rel} no longer matches what vakt produces.\n--- expected ---\n{expected}"
        ));
    }
}

/// Replaces (or checks) the text between `<!-- BEGIN name -->` and
/// `<!-- END name -->` in a document.
fn check_block(rel: &str, name: &str, body: &str, failures: &mut Vec<String>) {
    let path = repo(rel);
    let doc = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let begin = format!("<!-- BEGIN {name} -->\n");
    let end = format!("<!-- END {name} -->");
    let (Some(b), Some(e)) = (doc.find(&begin), doc.find(&end)) else {
        failures.push(format!(
            "{rel} has no block {name}: add the lines `<!-- BEGIN {name} -->` and `<!-- END {name} -->`"
        ));
        return;
    };
    let start = b + begin.len();
    if &doc[start..e] == body {
        return;
    }
    if updating() {
        let new = format!("{}{}{}", &doc[..start], body, &doc[e..]);
        std::fs::write(&path, new).unwrap();
    } else {
        failures.push(format!(
            "{rel}: the block {name} no longer matches.\n--- expected ---\n{body}"
        ));
    }
}

fn finish(failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{}\n\nIf the change is intended, regenerate with:\n    {REGENERATE}\nand review the diff.",
        failures.join("\n\n")
    );
}

// ---------------------------------------------------------------- screens

fn oslo(d: u32, h: u32, min: u32) -> DateTime<Utc> {
    chrono_tz::Europe::Oslo
        .with_ymd_and_hms(2026, 11, d, h, min, 0)
        .unwrap()
        .with_timezone(&Utc)
}

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// A made-up Monday, 23 November 2026: four voicemails (one overdue, one
/// tried once), a withheld call, three notes, a verified service.
fn seed(db: &TestDb) {
    let mut s = db.store();
    let cal = CalendarSettings::default();
    let mut snaps = Snapshots::default();
    s.start_shift("KH", oslo(23, 9, 0)).unwrap();
    let items = [
        (
            "+47 412 34 512",
            oslo(19, 14, 5),
            "Kari",
            "Ønsker å snakke om søster",
            Some(false),
            "etter kl. 16",
        ),
        (
            "22 33 44 87",
            oslo(20, 16, 40),
            "",
            "Spørsmål om pårørendegruppe",
            Some(true),
            "",
        ),
        ("22 33 44 30", oslo(21, 11, 2), "", "", None, ""),
        (
            "93 00 00 45",
            oslo(23, 8, 12),
            "",
            "Ringte om kurs",
            Some(false),
            "",
        ),
    ];
    for (phone, at, label, summary, msg, times) in items {
        let v = NewVoicemail {
            label: label.into(),
            summary: summary.into(),
            safety: Safety {
                may_leave_message: msg,
                safe_times: times.into(),
                ..Safety::default()
            },
            ..voicemail(phone, at)
        };
        store_voicemail_by(&mut s, &v, "KH", oslo(23, 9, 5));
    }
    s.record_attempt(
        3,
        oslo(23, 9, 20),
        AttemptResult::NoAnswer,
        "",
        &cal,
        Duration::hours(2),
        &mut snaps,
        "KH",
        oslo(23, 9, 20),
    )
    .unwrap();
    s.add_withheld(oslo(23, 9, 30), "KH", oslo(23, 9, 30))
        .unwrap();
    let notes = [
        (
            "Innringer beskrev trusler; politiet og koordinator er varslet.",
            Some(1),
            Marks {
                escalation: true,
                ..Marks::default()
            },
            oslo(23, 9, 35),
        ),
        (
            "Sak #2 ønsker å bli ringt etter kl. 14.",
            Some(2),
            Marks {
                handover: true,
                ..Marks::default()
            },
            oslo(23, 10, 0),
        ),
        (
            "Telefonsvareren ble tømt kl. 09:05.",
            None,
            Marks::default(),
            oslo(23, 10, 5),
        ),
    ];
    for (body, callback_id, marks, at) in notes {
        s.add_note(
            &NewNote {
                body: body.into(),
                callback_id,
                marks,
                amends: None,
            },
            "KH",
            at,
        )
        .unwrap();
    }
    let first = s.all_services().unwrap()[0].id;
    s.verify_service(first, "KH", oslo(23, 9, 10)).unwrap();
}

fn app(db: &TestDb, lang: Lang, now: DateTime<Utc>) -> App {
    let mut app = db.app(lang, now);
    app.set_on_duty("KH", false);
    app.resize(W, H);
    app
}

/// Every screen in the guides: a name and how to reach it.
type Setup = fn(Lang) -> (TestDb, App);

const SCREENS: &[(&str, Setup)] = &[
    ("welcome", |lang| {
        let db = TestDb::new();
        let mut a = db.app(lang, monday_morning());
        a.show_welcome_if_new();
        a.resize(W, H);
        (db, a)
    }),
    ("who", |lang| {
        let db = TestDb::new();
        seed(&db);
        let mut a = db.app(lang, monday_morning());
        a.resize(W, H);
        a.ask_who(None);
        (db, a)
    }),
    ("queue", |lang| {
        let db = TestDb::new();
        seed(&db);
        let a = app(&db, lang, monday_morning());
        (db, a)
    }),
    ("new-item", |lang| {
        let db = TestDb::new();
        seed(&db);
        let mut a = app(&db, lang, monday_morning());
        key(&mut a, KeyCode::Char('n'));
        key(&mut a, KeyCode::Tab);
        typ(&mut a, "22 33 44 5");
        (db, a)
    }),
    ("attempt", |lang| {
        let db = TestDb::new();
        seed(&db);
        let mut a = app(&db, lang, monday_morning());
        key(&mut a, KeyCode::Enter);
        // "Left a message", for a caller who said not to: the wish shows.
        for _ in 0..3 {
            key(&mut a, KeyCode::Right);
        }
        (db, a)
    }),
    ("directory", |lang| {
        let db = TestDb::new();
        seed(&db);
        let mut a = app(&db, lang, monday_morning());
        key(&mut a, KeyCode::Char('2'));
        (db, a)
    }),
    ("log", |lang| {
        let db = TestDb::new();
        seed(&db);
        let mut a = app(&db, lang, monday_morning());
        key(&mut a, KeyCode::Char('3'));
        (db, a)
    }),
    ("handover", |lang| {
        let db = TestDb::new();
        seed(&db);
        let mut a = app(&db, lang, oslo(23, 14, 50));
        key(&mut a, KeyCode::Char('3'));
        key(&mut a, KeyCode::Char('s'));
        key(&mut a, KeyCode::Char('j'));
        (db, a)
    }),
    ("help", |lang| {
        let db = TestDb::new();
        seed(&db);
        let mut a = app(&db, lang, monday_morning());
        key(&mut a, KeyCode::Char('?'));
        (db, a)
    }),
    ("hidden", |lang| {
        let db = TestDb::new();
        seed(&db);
        let mut a = app(&db, lang, monday_morning());
        key(&mut a, KeyCode::F(2));
        (db, a)
    }),
];

fn guide(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "docs/guide.nb.md",
        Lang::En => "docs/guide.en.md",
    }
}

#[test]
fn captured_screens_match_the_app() {
    let mut failures = Vec::new();
    for lang in [Lang::Nb, Lang::En] {
        for (name, setup) in SCREENS {
            let (_db, app) = setup(lang);
            let text = render_text(&app, W, H);
            let file = format!("docs/screens/{name}.{}.txt", lang.code());
            check_file(&file, &text, &mut failures);
            let block = format!("```text\n{text}```\n");
            check_block(
                guide(lang),
                &format!("screen {name}"),
                &block,
                &mut failures,
            );
        }
    }
    finish(failures);
}

// ---------------------------------------------------------------- keys

/// Where each scope is described in the guides. A new scope is a compile
/// error here until it has a heading.
fn scope_title(scope: Scope, lang: Lang) -> &'static str {
    let (nb, en) = match scope {
        Scope::Global => ("Overalt", "Everywhere"),
        Scope::Typing => ("Mens du skriver i et felt", "While typing in a field"),
        Scope::Field => ("Redigering i et tekstfelt", "Editing in a text field"),
        Scope::Help => ("I hjelpen (?)", "In the help (?)"),
        Scope::Confirm => ("Når vakt spør ja eller nei", "When vakt asks yes or no"),
        Scope::Form => (
            "I et skjema (ny sak, forsøk, lukk, endre, hjelpetilbud, åpningstider)",
            "In a form (new item, attempt, close, edit, service, opening hours)",
        ),
        Scope::Who => ("«Hvem har vakt?»", "\"Who is on duty?\""),
        Scope::Welcome => ("Velkomsten (ny database)", "The welcome (new database)"),
        Scope::Queue => ("Tilbakeringinger (1)", "Callbacks (1)"),
        Scope::QueueClosed => (
            "Lukket i dag (d i tilbakeringinger)",
            "Closed today (d in the callbacks)",
        ),
        Scope::Directory => ("Hjelpetilbud (2)", "Directory (2)"),
        Scope::DirectorySearch => ("Søkefeltet i hjelpetilbud", "The directory search box"),
        Scope::Log => ("Vaktlogg (3)", "Shift log (3)"),
        Scope::LogEditor => ("Når du skriver et notat", "Writing a note"),
        Scope::LogSearch => ("Søk i vaktloggen", "Searching the log"),
        Scope::LogReview => ("Overleveringen", "The handover review"),
        Scope::LogPrompt => (
            "Kvittering (skriv initialer)",
            "Acknowledging (typing initials)",
        ),
        Scope::LogConfirm => ("Spørsmål i vaktloggen", "Questions in the log"),
        Scope::CallbackConfirm => ("Spørsmål i tilbakeringingene", "Questions in the callbacks"),
        Scope::DirectoryConfirm => ("Spørsmål i hjelpetilbud", "Questions in the directory"),
        Scope::Stats => ("Statistikk (4)", "Statistics (4)"),
    };
    match lang {
        Lang::Nb => nb,
        Lang::En => en,
    }
}

const SCOPE_ORDER: &[Scope] = &[
    Scope::Global,
    Scope::Typing,
    Scope::Field,
    Scope::Help,
    Scope::Confirm,
    Scope::Form,
    Scope::Who,
    Scope::Welcome,
    Scope::Queue,
    Scope::QueueClosed,
    Scope::CallbackConfirm,
    Scope::Directory,
    Scope::DirectorySearch,
    Scope::DirectoryConfirm,
    Scope::Log,
    Scope::LogEditor,
    Scope::LogSearch,
    Scope::LogReview,
    Scope::LogPrompt,
    Scope::LogConfirm,
    Scope::Stats,
];

/// The key tables, one per scope, exactly as the key map has them.
fn key_tables(lang: Lang) -> String {
    let (k, what) = match lang {
        Lang::Nb => ("Tast", "Hva den gjør"),
        Lang::En => ("Key", "What it does"),
    };
    let mut out = String::new();
    for scope in SCOPE_ORDER {
        let rows: Vec<_> = keymap::in_scope(*scope).collect();
        if rows.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\n#### {}\n\n| {k} | {what} |\n|---|---|\n",
            scope_title(*scope, lang)
        ));
        for b in rows {
            let keys: Vec<String> = b
                .keys_in(lang)
                .iter()
                .map(|k| format!("`{}`", k.label.replace('|', "\\|")))
                .collect();
            out.push_str(&format!(
                "| {} | {} |\n",
                keys.join(" "),
                b.label.get(lang).replace('|', "\\|")
            ));
        }
    }
    out.push('\n');
    out
}

#[test]
fn every_scope_has_a_place_in_the_guides() {
    for table in keymap::TABLES {
        for b in *table {
            assert!(
                SCOPE_ORDER.contains(&b.scope),
                "{:?} is missing from SCOPE_ORDER",
                b.scope
            );
        }
    }
}

#[test]
fn key_tables_in_the_guides_match_the_key_map() {
    let mut failures = Vec::new();
    for lang in [Lang::Nb, Lang::En] {
        check_block(guide(lang), "keys", &key_tables(lang), &mut failures);
    }
    finish(failures);
}

// ---------------------------------------------------------------- settings

/// The keys a settings table accepts ("" for the top level), from the
/// settings parser's own list.
fn known_keys(prefix: &str) -> Vec<String> {
    let section = prefix.trim().trim_start_matches('[').trim_end_matches(']');
    vakt::config::known_keys(section)
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// The ```toml blocks of a document.
fn toml_blocks(doc: &str) -> Vec<String> {
    doc.split("```toml\n")
        .skip(1)
        .map(|rest| rest.split("```").next().unwrap().to_string())
        .collect()
}

#[test]
fn settings_reference_covers_every_key_and_parses() {
    let doc = read("docs/admin.md");
    let reference = {
        let b = doc
            .find("<!-- BEGIN settings -->")
            .expect("admin.md has the settings block");
        let e = doc.find("<!-- END settings -->").unwrap();
        toml_blocks(&doc[b..e]).join("\n")
    };
    let mut table: toml::Table = reference.parse().expect("the reference is TOML");
    let top = known_keys("");
    // `[privacy]` is documented ahead of the code that reads it; once vakt
    // knows the section, it is checked like the rest.
    if !top.iter().any(|k| k == "privacy") && table.remove("privacy").is_some() {
        eprintln!("note: this vakt does not know [privacy] yet; that section was not checked");
    }
    let text = toml::to_string(&table).unwrap();
    let cfg = Config::parse(&text, Path::new("docs/admin.md"))
        .unwrap_or_else(|e| panic!("the settings reference does not parse: {e:?}"));
    assert!(
        cfg.warnings.is_empty(),
        "the settings reference has keys vakt does not know: {:?}",
        cfg.warnings
    );
    for key in &top {
        let value = table
            .get(key)
            .unwrap_or_else(|| panic!("docs/admin.md does not document `{key}`"));
        if value.is_table() {
            for sub in known_keys(&format!("[{key}]\n")) {
                assert!(
                    value.get(&sub).is_some(),
                    "docs/admin.md does not document `[{key}] {sub}`"
                );
            }
        }
    }
    // The sections show their defaults.
    let defaults = Config::default();
    assert_eq!(cfg.callbacks, defaults.callbacks, "[callbacks] defaults");
    assert_eq!(cfg.directory, defaults.directory, "[directory] defaults");
    assert_eq!(cfg.reduced_motion, defaults.reduced_motion);
    // Every other settings example in the admin guide parses too.
    for block in toml_blocks(&doc) {
        let mut t: toml::Table = block.parse().expect("example is TOML");
        if !top.iter().any(|k| k == "privacy") {
            t.remove("privacy");
        }
        Config::parse(&toml::to_string(&t).unwrap(), Path::new("docs/admin.md"))
            .unwrap_or_else(|e| panic!("example does not parse: {e:?}\n{block}"));
    }
}

// ---------------------------------------------------------------- man page

#[test]
fn man_page_in_docs_is_current() {
    let mut failures = Vec::new();
    for (file, lang) in [
        ("docs/vakt.1", vakt::i18n::Lang::En),
        ("docs/vakt.nb.1", vakt::i18n::Lang::Nb),
    ] {
        let page = String::from_utf8(vakt::commands::manual::man_page(lang)).unwrap();
        check_file(file, &page, &mut failures);
    }
    finish(failures);
}
