//! Restoring an old backup never brings erased caller data back: the
//! retention purge runs on the restored copy before it becomes live (holds
//! respected), what the live file had erased is erased again, and none of
//! it is left in the files (db, -wal, -shm, backups/). The real binary.
//! All data is synthetic.

mod common;

use chrono::{Duration, Utc};
use common::TestDb;
use vakt::store::log::{Marks, NewNote};

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Files under the database's folder (backups/ included) that hold `needle`.
fn files_holding(db: &TestDb, needle: &str) -> Vec<String> {
    let mut found = vec![];
    let mut dirs = vec![db.dir.path().to_path_buf()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if contains(&std::fs::read(&p).unwrap_or_default(), needle.as_bytes()) {
                found.push(p.display().to_string());
            }
        }
    }
    found
}

/// Notes the search index finds by three pieces of the planted note's
/// text (trigrams: the index has no phrases).
fn indexed(c: &rusqlite::Connection) -> i64 {
    c.query_row(
        "SELECT count(*) FROM notes_fts WHERE notes_fts MATCH 'lan AND ted AND ote'",
        [],
        |r| r.get(0),
    )
    .unwrap()
}

const ERASED: [&str; 5] = [
    "Planted expired summary",
    "41288101",
    "Planted recent summary",
    "41288103",
    "Planted old note text",
];

#[test]
fn restoring_an_old_backup_purges_it_before_it_becomes_live() {
    let db = TestDb::new();
    // The old backup lives outside the database's folder.
    let elsewhere = tempfile::tempdir().unwrap();
    let outside = elsewhere.path().join("old.db");
    drop(db.store());
    let expired = db.add_voicemail("+47 412 88 101", "Planted expired summary");
    let held = db.add_voicemail("+47 412 88 102", "Planted held summary");
    let recent = db.add_voicemail("+47 412 88 103", "Planted recent summary");
    db.add_voicemail("+47 412 88 104", "Planted open summary");
    for id in [expired, held, recent] {
        db.close_not_needed(id);
    }
    db.cmd()
        .args(["hold", &held.to_string()])
        .assert()
        .success();
    {
        let mut s = db.store();
        s.add_note(
            &NewNote {
                body: "Planted old note text".into(),
                callback_id: None,
                marks: Marks::default(),
                amends: None,
            },
            "TEST",
            Utc::now() - Duration::days(400),
        )
        .unwrap();
        // Closed two months ago: past the 30 days.
        let old = vakt::store::ts(Utc::now() - Duration::days(60));
        s.conn()
            .execute(
                "UPDATE callbacks SET closed_at = ?1 WHERE id IN (?2, ?3)",
                rusqlite::params![old, expired, held],
            )
            .unwrap();
        // A backup from before the purges, holding all of it.
        s.backup_to(&outside).unwrap();
    }
    // The retention purge, and an early erasure of the recent item.
    db.output(&["purge"]);
    db.output(&["purge", "--older-than", "0"]);

    for (lang, said) in [
        (
            "en",
            "Before the copy was put to use, caller data past its retention period was erased from it: 1 closed items, 0 attempt notes, 1 log notes, and 1 already erased",
        ),
        (
            "nb",
            "Før kopien ble tatt i bruk, ble innringerdata over slettefristen slettet fra den: 1 avsluttede saker, 0 forsøksnotater, 1 loggnotater, og 1 som var slettet",
        ),
    ] {
        let out = db.output(&["--lang", lang, "restore", outside.to_str().unwrap()]);
        let out = String::from_utf8(out).unwrap();
        // The held and the open item are back whole; nothing erased is.
        let c = rusqlite::Connection::open(&db.path).unwrap();
        let summaries: Vec<String> = c
            .prepare("SELECT summary FROM callbacks ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        // Nor is the erased note's text in the search index.
        assert_eq!(indexed(&c), 0, "{lang}: the erased note is still indexed");
        drop(c);
        assert!(
            summaries.contains(&"Planted held summary".to_string()),
            "{summaries:?}"
        );
        assert!(
            summaries.contains(&"Planted open summary".to_string()),
            "{summaries:?}"
        );
        for secret in ERASED {
            assert!(
                files_holding(&db, secret).is_empty(),
                "{lang}: {secret:?} is back in {:?}",
                files_holding(&db, secret)
            );
        }
        // And it says so.
        assert!(out.contains(said), "{out}");
        assert!(
            out.contains("Exempt (kept or open escalation): 1.")
                || out.contains("Unntatt (beholdt eller åpen eskalering): 1."),
            "{out}"
        );
    }
    // The backup given stays as it was: it is the administrator's file
    // (and the index query above finds the note there).
    assert_eq!(
        indexed(
            &rusqlite::Connection::open_with_flags(
                &outside,
                rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
            )
            .unwrap()
        ),
        1
    );
    assert!(contains(
        &std::fs::read(&outside).unwrap(),
        b"Planted expired summary"
    ));
}

/// Erasing again goes by id and the time the item was received: in a copy
/// of another database, an item that merely shares the id is left alone.
#[test]
fn erasing_again_touches_only_the_same_item() {
    use vakt::store::privacy::Erased;
    let a = TestDb::new();
    drop(a.store());
    let id = a.add_voicemail("+47 412 88 201", "Planted erased in A");
    a.close_not_needed(id);
    a.output(&["purge", "--older-than", "0"]);
    let erased = Erased::read(a.store().conn()).unwrap();
    assert_eq!(erased.callbacks.len(), 1);

    let b = TestDb::new();
    drop(b.store());
    let same_id = b.add_voicemail("+47 412 88 202", "Planted other item in B");
    assert_eq!(same_id, id);
    b.close_not_needed(same_id);
    let mut store = b.store();
    store
        .conn()
        .execute(
            "UPDATE callbacks SET received_at = '2020-01-06T09:00:00Z' WHERE id = ?1",
            [same_id],
        )
        .unwrap();
    assert_eq!(store.erase_again(&erased, "TEST", Utc::now()).unwrap(), 0);
    let summary = |s: &vakt::store::Store| -> String {
        s.conn()
            .query_row(
                "SELECT summary FROM callbacks WHERE id = ?1",
                [same_id],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(summary(&store), "Planted other item in B");
    // The same item (same id, same time received) is erased.
    store
        .conn()
        .execute(
            "UPDATE callbacks SET received_at = ?2 WHERE id = ?1",
            rusqlite::params![same_id, erased.callbacks[0].1],
        )
        .unwrap();
    assert_eq!(store.erase_again(&erased, "TEST", Utc::now()).unwrap(), 1);
    assert_eq!(summary(&store), "");
}
