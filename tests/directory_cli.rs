//! `vakt directory …` run as a real binary against a temporary database.

mod common;

use common::TestDb;
use predicates::prelude::*;

fn hsds_example() -> std::path::PathBuf {
    for p in [
        "../shared/hsds/examples/service_full.json",
        "/work/shared/hsds/examples/service_full.json",
    ] {
        if std::path::Path::new(p).exists() {
            return p.into();
        }
    }
    panic!("HSDS example not found");
}

#[test]
fn search_finds_folded_prefixes_in_text_and_json() {
    let db = TestDb::new();
    db.cmd()
        .args(["--lang", "nb", "directory", "search", "kirkens"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Kirkens SOS"))
        .stdout(predicate::str::contains("22 40 00 40"))
        .stdout(predicate::str::contains("ikke verifisert"));
    let out = db.output(&["directory", "search", "parorende", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .any(|s| s["name"] == "Pårørendesenteret")
    );
    assert!(v.as_array().unwrap().iter().all(|s| s["verified"] == false));
    db.cmd()
        .args(["--lang", "en", "directory", "search", "qqqqq"])
        .assert()
        .success()
        .stdout("Nothing found.\n");
}

#[test]
fn search_filters_and_unknown_category() {
    let db = TestDb::new();
    db.cmd()
        .args([
            "--lang",
            "en",
            "directory",
            "search",
            "",
            "--category",
            "Rus",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("RUSinfo"))
        .stdout(predicate::str::contains("Kirkens").not());
    db.cmd()
        .args([
            "--lang",
            "en",
            "directory",
            "search",
            "x",
            "--category",
            "astrology",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Unknown category"));
}

#[test]
fn import_hsds_example_then_export_round_trip_in_both_formats() {
    let db = TestDb::new();
    db.cmd()
        .args(["--lang", "en", "directory", "import"])
        .arg(hsds_example())
        .assert()
        .success()
        .stdout("1 added, 0 updated, 0 unchanged, 0 skipped.\n");
    let dir = db.dir.path();
    for (file, flag) in [
        ("all.json", None),
        ("all.csv", None),
        ("all.txt", Some("csv")),
    ] {
        let path = dir.join(file);
        let mut c = db.cmd();
        c.args(["--lang", "en", "directory", "export", "-o"])
            .arg(&path);
        if let Some(f) = flag {
            c.args(["--format", f]);
        }
        c.assert().success();
        // Importing the export into the same database changes nothing.
        let mut c = db.cmd();
        c.args(["--lang", "en", "directory", "import"]).arg(&path);
        if let Some(f) = flag {
            c.args(["--format", f]);
        }
        c.assert().success().stdout(format!(
            "0 added, 0 updated, {} unchanged, 0 skipped.\n",
            starter() + 1
        ));
        // And into an empty one it adds everything back.
        let fresh = TestDb::new();
        let mut c = fresh.cmd();
        c.args(["--lang", "en", "directory", "import"]).arg(&path);
        if let Some(f) = flag {
            c.args(["--format", f]);
        }
        c.assert().success().stdout(format!(
            "1 added, 0 updated, {} unchanged, 0 skipped.\n",
            starter()
        ));
    }
    let csv = std::fs::read_to_string(dir.join("all.csv")).unwrap();
    assert!(csv.starts_with("id,name,"));
    assert!(
        csv.contains("'+44"),
        "numbers are guarded from spreadsheet formulas"
    );
    // Export to stdout defaults to HSDS JSON.
    let out = db.output(&["directory", "export"]);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), starter() + 1);
}

#[test]
fn import_reports_skips_with_reasons() {
    let db = TestDb::new();
    let path = db.dir.path().join("in.csv");
    std::fs::write(
        &path,
        "name,phones,min_age,max_age\nNy linje,116 123,,\n,22 33 44 55,,\nFeil alder,,18,12\nNy linje,,,\nUklart nummer,abc,,\n",
    )
    .unwrap();
    db.cmd()
        .args(["--lang", "en", "directory", "import"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "2 added, 0 updated, 0 unchanged, 3 skipped.",
        ))
        .stdout(predicate::str::contains("has no name"))
        .stdout(predicate::str::contains(
            "the lowest age is above the highest",
        ))
        .stdout(predicate::str::contains("appears earlier in the file"))
        .stdout(predicate::str::contains(
            "phone number 1 was not understood",
        ));
}

#[test]
fn broken_files_change_nothing_and_exit_2() {
    let db = TestDb::new();
    let dir = db.dir.path();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "broken.json",
            b"[{\"name\": \"A\"},".to_vec(),
            "is not valid JSON",
        ),
        ("number.json", b"42".to_vec(), "holds no HSDS services"),
        (
            "binary.json",
            (0..=255u8).cycle().take(100_000).collect(),
            "is not UTF-8",
        ),
        (
            "noname.csv",
            b"foo,bar\n1,2\n".to_vec(),
            "no \"name\" column",
        ),
        ("empty.csv", Vec::new(), "no \"name\" column"),
    ];
    for (file, bytes, message) in cases {
        let path = dir.join(file);
        std::fs::write(&path, bytes).unwrap();
        db.cmd()
            .args(["--lang", "en", "directory", "import"])
            .arg(&path)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message))
            .stderr(predicate::str::contains("Nothing was changed."));
    }
    db.cmd()
        .args(["--lang", "nb", "directory", "import"])
        .arg(dir.join("missing.json"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Kan ikke lese"));
    db.cmd()
        .args(["--lang", "en", "directory", "export", "--format", "xml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Unknown format"));
    // Still only the starter list.
    let out = db.output(&["directory", "export"]);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), starter());
}

/// How many entries the starter list has: a new database holds exactly these.
fn starter() -> usize {
    vakt::directory::seed::starter_services().len()
}
