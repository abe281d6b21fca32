//! `vakt purge|audit|backup|restore|hold` and the start-up file checks, as
//! a real binary. All data is synthetic.

mod common;

use std::os::unix::fs::PermissionsExt;

use common::TestDb;
use predicates::prelude::*;
use serde_json::Value;

/// Every summary in the file, read directly (the CLI never prints them).
fn summaries(db: &TestDb) -> String {
    let c = rusqlite::Connection::open(&db.path).unwrap();
    let mut st = c
        .prepare("SELECT summary FROM callbacks ORDER BY id")
        .unwrap();
    let v: Vec<String> = st
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    v.join("|")
}

fn mode(p: &std::path::Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn purge_dry_run_then_real_with_counts_in_the_audit_log() {
    let db = TestDb::new();
    let a = db.add_voicemail("+47 412 77 001", "Planted summary A");
    let b = db.add_voicemail("+47 412 77 002", "Planted summary B");
    let held = db.add_voicemail("+47 412 77 003", "Held summary");
    db.close_not_needed(a);
    db.close_not_needed(held);
    db.cmd()
        .args(["hold", &held.to_string()])
        .assert()
        .success()
        .stdout(predicate::str::contains("beholdes"));
    // Default retention (30 days): nothing closed today goes.
    db.cmd()
        .args(["--lang", "en", "purge", "--dry-run"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Would erase caller data: 0 closed items",
        ));
    let out = db.output(&["purge", "--older-than", "0", "--dry-run", "--json"]);
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["callbacks"], 1);
    assert_eq!(v["exempt"], 1);
    assert_eq!(v["dry_run"], true);
    db.cmd()
        .args(["--lang", "en", "purge", "--older-than", "0"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Erased caller data: 1 closed items",
        ));
    // The open item and the held one keep their data.
    let text = summaries(&db);
    assert!(!text.contains("Planted summary A"), "{text}");
    assert!(text.contains("Held summary"));
    assert!(text.contains("Planted summary B"));
    let _ = b;

    let out = db.output(&["audit", "--json"]);
    let audit: Value = serde_json::from_slice(&out).unwrap();
    let entries = audit.as_array().unwrap();
    let purge = entries
        .iter()
        .find(|e| e["action"] == "purge")
        .expect("purge recorded");
    assert!(
        purge["detail"]
            .as_str()
            .unwrap()
            .contains("callbacks=1 attempt_notes=0")
    );
    assert!(entries.iter().any(|e| e["action"] == "hold"));
    let all = String::from_utf8(out).unwrap();
    for secret in ["Planted", "412 77", "4741277"] {
        assert!(!all.contains(secret), "caller data in the audit log");
    }
    // Text form and --since.
    db.cmd()
        .args(["--lang", "en", "audit", "--since", "2000-01-01"])
        .assert()
        .success()
        .stdout(predicate::str::contains("purge"));
    db.cmd()
        .args(["--lang", "en", "audit", "--since", "2999-01-01"])
        .assert()
        .success()
        .stdout(predicate::str::contains("no entries"));
    db.cmd()
        .args(["audit", "--since", "yesterday-ish"])
        .assert()
        .code(2);
    db.cmd().args(["hold", "999"]).assert().code(2);
    db.cmd()
        .args(["purge", "--older-than", "99999"])
        .assert()
        .code(2);
}

#[test]
fn backup_and_restore_round_trip_keeping_the_replaced_copy() {
    let db = TestDb::new();
    db.add_voicemail("+47 412 77 010", "Before backup");
    let dest = db.dir.path().join("manual.db");
    db.cmd()
        .args(["--lang", "en", "backup", dest.to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::contains("Backup saved"));
    assert_eq!(mode(&dest), 0o600);
    // Default destination: backups/vakt-YYYY-MM-DD.db, private.
    db.cmd().args(["backup"]).assert().success();
    let dir = db.dir.path().join("backups");
    assert_eq!(mode(&dir), 0o700);
    let daily: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().collect();
    assert_eq!(daily.len(), 1);
    assert_eq!(mode(&daily[0].path()), 0o600);

    db.add_voicemail("+47 412 77 011", "After backup");
    db.cmd()
        .args(["--lang", "en", "restore", dest.to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::contains("restored from"))
        .stdout(predicate::str::contains("before-restore-"));
    let text = summaries(&db);
    assert!(text.contains("Before backup"));
    assert!(!text.contains("After backup"));
    // The replaced database was kept and holds the later item.
    let kept = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .find(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("before-restore-")
        })
        .unwrap()
        .path();
    let c = rusqlite::Connection::open(&kept).unwrap();
    let n: i64 = c
        .query_row("SELECT count(*) FROM callbacks", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 2);
}

#[test]
fn restore_refuses_corrupt_foreign_and_missing_files() {
    let db = TestDb::new();
    db.add_voicemail("+47 412 77 020", "Keep me");
    let before = std::fs::read(&db.path).unwrap();
    let junk = db.dir.path().join("junk.db");
    std::fs::write(&junk, b"hello, this is not a database at all".repeat(200)).unwrap();
    db.cmd()
        .args(["--lang", "en", "restore", junk.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a database"));
    let foreign = db.dir.path().join("foreign.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE recipes(name TEXT); INSERT INTO recipes VALUES ('soup');")
        .unwrap();
    db.cmd()
        .args(["--lang", "en", "restore", foreign.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a vakt one"));
    // A damaged copy of a real backup.
    let good = db.dir.path().join("good.db");
    db.cmd()
        .args(["backup", good.to_str().unwrap()])
        .assert()
        .success();
    let mut bytes = std::fs::read(&good).unwrap();
    let len = bytes.len();
    for b in &mut bytes[4096..len.min(4096 * 3)] {
        *b = 0xA5;
    }
    let bad = db.dir.path().join("bad.db");
    std::fs::write(&bad, &bytes).unwrap();
    db.cmd()
        .args(["--lang", "en", "restore", bad.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("damaged"));
    db.cmd()
        .args(["--lang", "en", "restore", "/nonexistent/x.db"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Cannot read"));
    // Nothing was changed (the WAL is checkpointed on close).
    assert_eq!(std::fs::read(&db.path).unwrap().len(), before.len());
    db.cmd().args(["queue"]).assert().success();
    assert!(summaries(&db).contains("Keep me"));
}

#[test]
fn loose_permissions_are_reported_on_stderr_and_fixed() {
    let db = TestDb::new();
    db.add_voicemail("+47 412 77 030", "x");
    std::fs::set_permissions(&db.path, std::fs::Permissions::from_mode(0o644)).unwrap();
    db.cmd()
        .args(["--lang", "en", "queue"])
        .assert()
        .success()
        .stderr(predicate::str::contains("was readable by other users"));
    assert_eq!(mode(&db.path), 0o600);
    db.cmd()
        .args(["queue"])
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
}

#[test]
fn damaged_file_names_the_newest_good_backup_and_is_not_written() {
    let db = TestDb::new();
    for i in 0..30 {
        db.add_voicemail(&format!("+47 412 78 {i:03}"), &"summary text ".repeat(20));
    }
    db.cmd().args(["backup"]).assert().success();
    let mut bytes = std::fs::read(&db.path).unwrap();
    assert!(bytes.len() > 4096 * 4);
    for b in &mut bytes[4096 * 2..4096 * 3] {
        *b = 0x5A;
    }
    std::fs::write(&db.path, &bytes).unwrap();
    let out = db
        .cmd()
        .args(["--lang", "en", "queue"])
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let msg = String::from_utf8(out).unwrap();
    assert!(msg.contains("is damaged"), "{msg}");
    assert!(msg.contains("vakt restore"), "{msg}");
    assert!(msg.contains("backups/vakt-"), "{msg}");
    assert!(!msg.contains("412 78"));
    assert_eq!(std::fs::read(&db.path).unwrap(), bytes, "file was written");
    // A read-only look may leave an empty WAL beside it, never content.
    let wal = std::fs::read(format!("{}-wal", db.path.display())).unwrap_or_default();
    assert!(wal.is_empty());
    // Restoring the named backup brings it back.
    let backup = msg
        .split("vakt restore ")
        .nth(1)
        .unwrap()
        .trim()
        .to_string();
    db.cmd().args(["restore", &backup]).assert().success();
    db.cmd().args(["queue"]).assert().success();
}

#[test]
fn random_bytes_are_reported_as_probably_encrypted() {
    let db = TestDb::new();
    let mut x: u64 = 0x2545F4914F6CDD1D;
    let bytes: Vec<u8> = (0..16384)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 16) as u8
        })
        .collect();
    std::fs::write(&db.path, &bytes).unwrap();
    std::fs::set_permissions(&db.path, std::fs::Permissions::from_mode(0o600)).unwrap();
    db.cmd()
        .args(["--lang", "en", "queue"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("looks encrypted"));
    assert_eq!(std::fs::read(&db.path).unwrap(), bytes);
    // Plain text is "not a vakt database".
    std::fs::write(&db.path, "name,phone\n".repeat(500)).unwrap();
    db.cmd()
        .args(["--lang", "en", "queue"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("is not a vakt database"));
}

#[test]
fn read_only_file_and_newer_schema_are_refused_with_a_message() {
    let db = TestDb::new();
    db.add_voicemail("+47 412 77 040", "x");
    std::fs::set_permissions(&db.path, std::fs::Permissions::from_mode(0o400)).unwrap();
    db.cmd()
        .args([
            "--lang",
            "en",
            "voicemail",
            "add",
            "--phone",
            "+47 412 77 041",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("read-only"));
    std::fs::set_permissions(&db.path, std::fs::Permissions::from_mode(0o600)).unwrap();
    // A read-only folder (the -wal file cannot be created): refused too.
    let folder = db.dir.path().join("ro");
    std::fs::create_dir(&folder).unwrap();
    let inner = folder.join("vakt.db");
    common::init_db(&inner, db.dir.path());
    common::vakt_cmd(&inner, db.dir.path())
        .args(["queue"])
        .assert()
        .success();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o500)).unwrap();
    common::vakt_cmd(&inner, db.dir.path())
        .args(["--lang", "en", "queue"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("read-only"));
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o700)).unwrap();
    rusqlite::Connection::open(&db.path)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99;")
        .unwrap();
    db.cmd()
        .args(["--lang", "en", "queue"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("newer vakt"));
}

#[test]
fn missing_folder_is_created_privately() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new/deeper/vakt.db");
    common::vakt_cmd(&path, dir.path())
        .args(["init"])
        .assert()
        .success();
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(path.parent().unwrap()), 0o700);
}

#[test]
fn exports_and_reveals_are_audited() {
    let db = TestDb::new();
    db.add_voicemail("+47 412 77 050", "x");
    db.cmd().args(["queue", "--json"]).assert().success();
    db.cmd().args(["queue", "--reveal"]).assert().success();
    db.cmd()
        .args(["handover", "--format", "md"])
        .assert()
        .success();
    let out = db.output(&["audit", "--json"]);
    let v: Value = serde_json::from_slice(&out).unwrap();
    let actions: Vec<(String, String)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap().to_string(),
                e["detail"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert!(
        actions.contains(&("export".into(), "queue_json 1".into())),
        "{actions:?}"
    );
    assert!(actions.contains(&("export".into(), "handover_md 1".into())));
    assert!(actions.iter().any(|(a, _)| a == "reveal"));
    assert!(actions.iter().all(|(_, d)| !d.contains("412")));
}
