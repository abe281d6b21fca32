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

    #[test]
    fn encrypted_file_needs_its_key_and_a_wrong_key_is_named() {
        let db = TestDb::new();
        let k = key_file(&db, "correct horse battery staple");
        let kp = k.to_str().unwrap();
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
        // No key, or a wrong one: "looks encrypted", never SQLCipher's own log lines.
        db.cmd()
            .args(["--lang", "en", "queue"])
            .assert()
            .failure()
            .stderr(predicate::str::contains("looks encrypted"));
        let wrong = key_file(&db, "wrong");
        db.cmd()
            .args([
                "--lang",
                "en",
                "--key-file",
                wrong.to_str().unwrap(),
                "queue",
            ])
            .assert()
            .failure()
            .stderr(predicate::str::contains("looks encrypted"))
            .stderr(predicate::str::contains("ERROR").not());
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
            .success();
    }
}
