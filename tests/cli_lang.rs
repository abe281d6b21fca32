//! The command line speaks the user's language: `--help`, the messages
//! about a mistyped command line, and the manual page follow `--lang`, the
//! settings file and the locale like the rest of vakt.

mod common;

use common::TestDb;
use predicates::prelude::*;

fn stdout(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stdout.clone()).unwrap()
}

fn stderr(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stderr.clone()).unwrap()
}

#[test]
fn top_help_in_norwegian_has_norwegian_headings_and_texts() {
    let db = TestDb::new();
    let a = db.cmd().args(["--help", "--lang", "nb"]).assert().success();
    let out = stdout(&a);
    for needle in [
        "Bruk: vakt [VALG] [KOMMANDO]",
        "Kommandoer:",
        "Valg:",
        "Databasefil",
        "Vis hjelp",
        "Legg inn talemeldinger",
    ] {
        assert!(out.contains(needle), "lacks {needle:?}:\n{out}");
    }
    for english in [
        "Usage:",
        "Options:",
        "Commands:",
        "Print help",
        "Database file",
        "[default:",
        "[env:",
    ] {
        assert!(!out.contains(english), "English {english:?} in:\n{out}");
    }
    assert!(stderr(&a).is_empty());
}

#[test]
fn subcommand_help_follows_the_locale() {
    let db = TestDb::new();
    let a = db
        .cmd()
        .env("LANG", "en_US.UTF-8")
        .args(["voicemail", "add", "--help"])
        .assert()
        .success();
    let out = stdout(&a);
    assert!(out.contains("Usage: vakt voicemail add"), "{out}");
    assert!(out.contains("The caller's number"), "{out}");
    assert!(out.contains("Options:"), "{out}");
    assert!(!out.contains("Valg:"), "{out}");

    let a = db
        .cmd()
        .env("LANG", "nb_NO.UTF-8")
        .args(["voicemail", "add", "--help"])
        .assert()
        .success();
    let out = stdout(&a);
    assert!(out.contains("Bruk: vakt voicemail add"), "{out}");
    assert!(out.contains("Innringerens nummer"), "{out}");
}

#[test]
fn settings_file_language_is_used_for_help_even_when_the_file_has_a_mistake() {
    let db = TestDb::new();
    let cfg = db.dir.path().join("c.toml");
    std::fs::write(&cfg, "lang = \"nb\"\ntheme = \"neon\"\n").unwrap();
    let a = db
        .cmd()
        .env("LANG", "en_GB.UTF-8")
        .args(["--config", cfg.to_str().unwrap(), "queue", "--help"])
        .assert()
        .success();
    assert!(stdout(&a).contains("Bruk: vakt queue"), "{}", stdout(&a));
    // Not even TOML: the locale decides, and help still works.
    std::fs::write(&cfg, "this is not toml\n").unwrap();
    let a = db
        .cmd()
        .env("VAKT_CONFIG", &cfg)
        .env("LANG", "en_GB.UTF-8")
        .args(["queue", "--help"])
        .assert()
        .success();
    assert!(stdout(&a).contains("Usage: vakt queue"), "{}", stdout(&a));
}

#[test]
fn mistyped_option_is_told_in_norwegian_with_exit_2() {
    let db = TestDb::new();
    let a = db
        .cmd()
        .args(["--lang", "nb", "voicemail", "add", "--phnoe", "1"])
        .assert()
        .code(2);
    let err = stderr(&a);
    assert!(err.contains("«--phnoe»"), "{err}");
    assert!(err.contains("Mente du --phone?"), "{err}");
    assert!(err.contains("vakt voicemail add --help"), "{err}");
    assert!(!err.contains("unexpected argument"), "{err}");
    assert!(stdout(&a).is_empty());

    let a = db
        .cmd()
        .args(["--lang", "en", "voicemail", "add", "--phnoe", "1"])
        .assert()
        .code(2);
    let err = stderr(&a);
    assert!(err.contains("'--phnoe'"), "{err}");
    assert!(err.contains("Did you mean --phone?"), "{err}");
}

#[test]
fn other_mistakes_are_told_in_the_users_language() {
    let db = TestDb::new();
    // A value not among the possible ones: they are listed.
    db.cmd()
        .args(["--lang", "nb", "handover", "--format", "pdf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "«pdf» er ikke en gyldig verdi for --format",
        ))
        .stderr(predicate::str::contains("Mulige verdier: text, md, json."));
    // A required argument missing.
    db.cmd()
        .args([
            "--lang",
            "nb",
            "complaint",
            "add",
            "--received",
            "2026-11-23 10:00",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "vakt complaint add trenger --summary",
        ));
    // An unknown command.
    db.cmd()
        .args(["--lang", "nb", "qeueu"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "«qeueu» er ikke en kommando i vakt.",
        ));
    // Two that cannot go together.
    db.cmd()
        .args([
            "--lang",
            "en",
            "voicemail",
            "add",
            "--withheld",
            "--phone",
            "22334455",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be used with"));
    // A language the command line does not know: the locale speaks.
    db.cmd()
        .env("LANG", "en_GB.UTF-8")
        .args(["--lang", "de", "queue"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "'de' is not a valid value for --lang",
        ))
        .stderr(predicate::str::contains("Possible values: nb, en."));
}

#[test]
fn no_control_character_from_a_typed_argument_reaches_the_terminal() {
    let db = TestDb::new();
    let a = db
        .cmd()
        .args(["--lang", "nb", "queue", "--\u{1b}]0;x\u{7}"])
        .assert()
        .code(2);
    let err = stderr(&a);
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(err.contains("\\u{1b}"), "{err}");
}

#[test]
fn man_page_in_norwegian() {
    let db = TestDb::new();
    let a = db.cmd().args(["man", "--lang", "nb"]).assert().success();
    let page = stdout(&a);
    for needle in [
        ".SH NAVN",
        ".SH BESKRIVELSE",
        ".SH KOMMANDOER",
        ".SH MILJØVARIABLER",
        "Innringerens nummer",
        "vakt voicemail add",
    ] {
        assert!(page.contains(needle), "lacks {needle}");
    }
    for english in [
        ".SH NAME",
        ".SH OPTIONS",
        "The caller's number",
        "Print help",
    ] {
        assert!(
            !page.contains(english),
            "English {english} in the Norwegian page"
        );
    }
}
