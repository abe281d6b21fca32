//! `vakt completions SHELL` and `vakt man`, from the real binary.

mod common;

use common::TestDb;
use predicates::prelude::*;

#[test]
fn completions_for_each_shell() {
    let db = TestDb::absent();
    for (shell, marker) in [
        ("bash", "_vakt()"),
        ("zsh", "#compdef vakt"),
        ("fish", "complete -c vakt"),
        ("elvish", "edit:completion:arg-completer[vakt]"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        db.cmd()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains(marker))
            // Subcommands and their options are completed too.
            .stdout(predicate::str::contains("calendar"))
            .stdout(predicate::str::contains("reveal"));
    }
    // Nothing was opened or created.
    assert!(!db.path.exists());
}

#[test]
fn unknown_shell_is_refused_with_the_choices() {
    TestDb::new()
        .cmd()
        .args(["completions", "tcsh"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("bash"));
}

#[test]
fn man_page_is_roff_with_every_command() {
    let db = TestDb::new();
    let out = db
        .cmd()
        .args(["man", "--lang", "en"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let page = String::from_utf8(out).unwrap();
    assert!(page.contains("\n.TH VAKT 1 "), "{}", &page[..200]);
    assert_eq!(page.matches(".ds Aq").count(), 2, "one preamble");
    for needle in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH ENVIRONMENT",
        "vakt calendar hours",
        "vakt voicemail add",
        "vakt directory import",
        "vakt completions",
        "VAKT_DB",
    ] {
        assert!(page.contains(needle), "man page lacks {needle}");
    }
    assert_eq!(
        page.as_bytes(),
        vakt::commands::manual::man_page(vakt::i18n::Lang::En).as_slice()
    );
}

#[test]
fn generated_output_needs_no_settings_or_database() {
    // A broken settings file would stop any other command.
    let db = TestDb::absent();
    let cfg = db.dir.path().join("broken.toml");
    std::fs::write(&cfg, "this is not toml\n").unwrap();
    db.cmd()
        .env("VAKT_CONFIG", &cfg)
        .arg("man")
        .assert()
        .success();
    db.cmd()
        .env("VAKT_CONFIG", &cfg)
        .args(["completions", "bash"])
        .assert()
        .success();
    db.cmd()
        .env("VAKT_CONFIG", &cfg)
        .arg("queue")
        .assert()
        .failure();
    assert!(!db.path.exists());
}
