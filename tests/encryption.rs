//! Encryption at rest. Without the `encryption` feature a key is refused
//! with a message (PRAGMA key would be silently ignored); with it, the file
//! is unreadable without the key and a wrong key is told apart from a
//! file that is not a database. Run the second half with
//! `cargo test --features encryption --test encryption`.

mod common;

use common::TestDb;
use predicates::prelude::*;

fn key_file(db: &TestDb, text: &str) -> std::path::PathBuf {
    let p = db.dir.path().join(format!("key-{}", text.len()));
    std::fs::write(&p, format!("{text}\n")).unwrap();
    p
}

#[cfg(not(feature = "encryption"))]
#[test]
fn a_key_in_a_build_without_encryption_is_refused() {
    let db = TestDb::absent();
    let k = key_file(&db, "correct horse battery staple");
    db.cmd()
        .args(["--lang", "en", "--key-file", k.to_str().unwrap(), "queue"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("has no encryption"));
    assert!(!db.path.exists(), "nothing was created unencrypted");
    db.cmd()
        .env("VAKT_KEY_FILE", db.dir.path().join("missing"))
        .args(["--lang", "en", "queue"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Cannot read the key file"));
}

#[cfg(feature = "encryption")]
mod with_sqlcipher {
    use super::*;

    fn raw_contains(db: &TestDb, needle: &[u8]) -> bool {
        ["", "-wal"].iter().any(|s| {
            std::fs::read(format!("{}{}", db.path.display(), s))
                .map(|b| b.windows(needle.len()).any(|w| w == needle))
                .unwrap_or(false)
        })
    }

    #[test]
    fn fts5_works_under_sqlcipher() {
        let c = rusqlite::Connection::open_in_memory().unwrap();
        c.execute_batch("CREATE VIRTUAL TABLE t USING fts5(x); INSERT INTO t VALUES ('hjelp');")
            .unwrap();
        let n: i64 = c
            .query_row("SELECT count(*) FROM t WHERE t MATCH 'hjelp'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(n, 1);
    }

    fn files(db: &TestDb) -> Vec<Vec<u8>> {
        ["", "-wal", "-shm"]
            .iter()
            .map(|s| std::fs::read(format!("{}{}", db.path.display(), s)).unwrap_or_default())
            .collect()
    }

    #[test]
    fn encrypted_file_needs_its_key_and_a_wrong_key_is_named() {
        // Made with its own key through the binary: `vakt init` with a key.
        let db = TestDb::absent();
        let k = key_file(&db, "correct horse battery staple");
        let kp = k.to_str().unwrap();
        db.cmd().args(["--key-file", kp, "init"]).assert().success();
        db.cmd()
            .args([
                "--key-file",
                kp,
                "voicemail",
                "add",
                "--phone",
                "+47 919 11 222",
                "--summary",
                "QQXplanted",
            ])
            .assert()
            .success();
        let head = std::fs::read(&db.path).unwrap();
        assert!(!head.starts_with(b"SQLite format 3"));
        assert!(!raw_contains(&db, b"QQXplanted"));
        assert!(!raw_contains(&db, b"91911222"));
        db.cmd()
            .args(["--key-file", kp, "queue"])
            .assert()
            .success()
            .stdout(predicate::str::contains("22"));
        let before = files(&db);
        // No key, or a wrong one: "looks encrypted", never SQLCipher's own
        // log lines, and the file is left exactly as it was.
        db.cmd()
            .env_remove("VAKT_KEY_FILE")
            .args(["--lang", "en", "queue"])
            .assert()
            .failure()
            .stderr(predicate::str::contains("looks encrypted"));
        let wrong = key_file(&db, "wrong");
        for args in [
            vec!["queue"],
            vec!["voicemail", "add", "--phone", "+47 919 11 223"],
            vec!["init"],
        ] {
            db.cmd()
                .args(["--lang", "en", "--key-file", wrong.to_str().unwrap()])
                .args(&args)
                .assert()
                .failure()
                .stderr(predicate::str::contains("looks encrypted"))
                .stderr(predicate::str::contains("ERROR").not());
        }
        assert_eq!(files(&db), before, "a wrong key changed nothing");
        // Backups are encrypted too, and restore with the key.
        let b = db.dir.path().join("b.db");
        db.cmd()
            .args(["--key-file", kp, "backup", b.to_str().unwrap()])
            .assert()
            .success();
        let bytes = std::fs::read(&b).unwrap();
        assert!(!bytes.starts_with(b"SQLite format 3"));
        assert!(!bytes.windows(10).any(|w| w == b"QQXplanted"));
        db.cmd()
            .args(["--key-file", kp, "restore", b.to_str().unwrap()])
            .assert()
            .success();
        db.cmd()
            .args(["--key-file", kp, "queue"])
            .assert()
            .success()
            .stdout(predicate::str::contains("22"));
    }

    #[test]
    fn a_plain_database_with_a_key_given_says_it_is_not_encrypted() {
        let db = TestDb::absent();
        db.cmd()
            .env_remove("VAKT_KEY_FILE")
            .arg("init")
            .assert()
            .success();
        let before = files(&db);
        db.cmd()
            .args(["--lang", "en", "queue"])
            .assert()
            .failure()
            .stderr(predicate::str::contains(
                "is not encrypted, but a key was given",
            ));
        assert_eq!(files(&db), before);
    }

    #[test]
    fn purge_on_an_encrypted_file_erases_the_text_inside_it() {
        // TestDb makes an encrypted file in this build; the binary gets the key.
        let db = TestDb::new();
        let id = db.add_voicemail("+47 919 11 224", "QQXerased");
        db.close_not_needed(id);
        db.output(&["purge", "--older-than", "0"]);
        let s = db.store();
        let summary: String = s
            .conn()
            .query_row(
                "SELECT coalesce(summary, '') FROM callbacks WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap();
        assert!(!summary.contains("QQXerased"));
        drop(s);
        let b = db.dir.path().join("after.db");
        db.output(&["backup", b.to_str().unwrap()]);
        assert!(!std::fs::read(&b).unwrap().starts_with(b"SQLite format 3"));
    }
}
