//! Retention purge, holds and the audit trail at the store level. The
//! purge test plants distinctive synthetic data and greps the raw bytes of
//! the database and its WAL afterwards.

mod common;

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::TestDb;
use common::queue_fixture::{store_voicemail, voicemail};
use vakt::calendar::CalendarSettings;
use vakt::domain::promise::{AttemptResult, Outcome, Safety};
use vakt::store::Store;
use vakt::store::callbacks::{NewVoicemail, Snapshots};
use vakt::store::log::{Marks, NewNote};
use vakt::store::privacy::{PurgeCounts, Retention};

const PLANTED_PHONE: &str = "+47 919 87 654";
const PLANTED_DIGITS: &[u8] = b"91987654";
const PLANTED_TEXT: &str = "ZQXJplanted";

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 9, 1, 9, 0, 0).unwrap()
}

const KEEP: Retention = Retention {
    closed_days: 30,
    note_days: 365,
};

/// A voicemail whose every text is `text` and what it is.
fn add(s: &mut Store, phone: &str, text: &str, at: DateTime<Utc>) -> i64 {
    let v = NewVoicemail {
        label: format!("{text}-label"),
        summary: format!("{text}-summary"),
        safety: Safety {
            may_leave_message: Some(false),
            safe_times: format!("{text}-times"),
            note: format!("{text}-safety"),
            ..Safety::default()
        },
        ..voicemail(phone, at)
    };
    store_voicemail(s, &v, at)
}

fn attempt_and_close(s: &mut Store, id: i64, text: &str, at: DateTime<Utc>) {
    let cal = CalendarSettings::default();
    s.record_attempt(
        id,
        at,
        AttemptResult::NoAnswer,
        &format!("{text}-attempt"),
        &cal,
        Duration::hours(2),
        &mut Snapshots::default(),
        "TEST",
        at,
    )
    .unwrap();
    s.close_callback(
        id,
        Outcome::NotNeeded,
        3,
        &mut Snapshots::default(),
        "TEST",
        at,
    )
    .unwrap();
}

fn note(s: &mut Store, body: &str, escalation: bool, cb: Option<i64>, at: DateTime<Utc>) -> i64 {
    s.add_note(
        &NewNote {
            body: body.into(),
            callback_id: cb,
            marks: Marks {
                escalation,
                ..Marks::default()
            },
            amends: None,
        },
        "TEST",
        at,
    )
    .unwrap()
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn raw_files(db: &TestDb) -> Vec<(String, Vec<u8>)> {
    ["", "-wal", "-shm"]
        .iter()
        .filter_map(|suffix| {
            let p = format!("{}{}", db.path.display(), suffix);
            std::fs::read(&p).ok().map(|b| (p, b))
        })
        .collect()
}

#[test]
fn purge_erases_planted_data_from_the_file_and_its_wal() {
    let db = TestDb::new();
    let mut s = db.store();
    let id = add(&mut s, PLANTED_PHONE, PLANTED_TEXT, t0());
    attempt_and_close(&mut s, id, PLANTED_TEXT, t0() + Duration::hours(1));
    note(
        &mut s,
        &format!("{PLANTED_TEXT}-note"),
        false,
        Some(id),
        t0(),
    );
    // Plenty of other traffic so pages move between WAL and file.
    for i in 0..200 {
        add(&mut s, &format!("+47 4{:07}", i), "other", t0());
    }
    // Before: the planted data is somewhere in the files.
    let before = raw_files(&db);
    assert!(
        before
            .iter()
            .any(|(_, b)| contains(b, PLANTED_TEXT.as_bytes()))
    );
    assert!(before.iter().any(|(_, b)| contains(b, PLANTED_DIGITS)));

    // Notes are kept a year: purge well after both limits.
    let later = t0() + Duration::days(400);
    let c = s.purge(KEEP, false, "TEST", later).unwrap();
    assert_eq!(
        c,
        PurgeCounts {
            callbacks: 1,
            attempt_notes: 1,
            notes: 1,
            exempt: 0
        }
    );
    // Statistics survive: the item, its times, outcome and counts.
    let item = s.callback(id).unwrap().unwrap();
    assert!(item.phone.is_none());
    assert_eq!(item.summary, "");
    assert_eq!(item.attempt_count, 1);
    assert!(!item.open);
    assert_eq!(s.attempts(id).unwrap()[0].note, "");

    // Grep while the app is still open (closing the last connection would
    // checkpoint by itself and hide a missing checkpoint), and once more
    // after it closed.
    for (path, bytes) in raw_files(&db) {
        assert!(
            !contains(&bytes, PLANTED_TEXT.as_bytes()),
            "planted text still in {path} while open"
        );
        assert!(
            !contains(&bytes, PLANTED_DIGITS),
            "planted number still in {path} while open"
        );
    }
    drop(s);

    for (path, bytes) in raw_files(&db) {
        assert!(
            !contains(&bytes, PLANTED_TEXT.as_bytes()),
            "planted text still in {path}"
        );
        assert!(
            !contains(&bytes, PLANTED_DIGITS),
            "planted number still in {path}"
        );
    }
    // A second purge finds nothing more.
    let mut s = db.store();
    assert!(s.purge(KEEP, false, "TEST", later).unwrap().is_empty());
}

#[test]
fn holds_escalations_and_recent_items_are_kept() {
    let db = TestDb::new();
    let mut s = db.store();
    let old = add(&mut s, "+47 412 00 001", "old", t0());
    attempt_and_close(&mut s, old, "old", t0());
    let held = add(&mut s, "+47 412 00 002", "held", t0());
    attempt_and_close(&mut s, held, "held", t0());
    s.set_on_hold(held, true, "TEST", t0()).unwrap();
    assert!(s.on_hold(held).unwrap());
    let escalated = add(&mut s, "+47 412 00 003", "esc", t0());
    attempt_and_close(&mut s, escalated, "esc", t0());
    let esc_note = note(&mut s, "escalated concern", true, Some(escalated), t0());
    let open = add(&mut s, "+47 412 00 004", "open", t0());
    let recent_at = t0() + Duration::days(20);
    let recent = add(&mut s, "+47 412 00 005", "recent", recent_at);
    attempt_and_close(&mut s, recent, "recent", recent_at);

    let when = t0() + Duration::days(40);
    let dry = s.purge(KEEP, true, "TEST", when).unwrap();
    assert_eq!(dry.callbacks, 1);
    assert_eq!(dry.exempt, 2);
    // A dry run changes nothing.
    assert!(s.callback(old).unwrap().unwrap().phone.is_some());

    let c = s.purge(KEEP, false, "TEST", when).unwrap();
    assert_eq!(c.callbacks, 1);
    assert!(s.callback(old).unwrap().unwrap().phone.is_none());
    for id in [held, escalated, open, recent] {
        assert!(s.callback(id).unwrap().unwrap().phone.is_some(), "{id}");
    }
    // Releasing makes them eligible.
    s.set_on_hold(held, false, "TEST", when).unwrap();
    s.release_escalation(esc_note, "TEST", when).unwrap();
    let c = s.purge(KEEP, false, "TEST", when).unwrap();
    assert_eq!(c.callbacks, 2);
    // --older-than 0: every closed item, but never an open one.
    let c = s.purge(
        Retention {
            closed_days: 0,
            note_days: 0,
        },
        false,
        "TEST",
        when,
    );
    let c = c.unwrap();
    assert_eq!(c.callbacks, 1);
    assert!(c.notes >= 1);
    assert!(s.callback(open).unwrap().unwrap().phone.is_some());

    // The audit trail has the counts and never the content.
    let audit = s.audit_entries(None).unwrap();
    let purges: Vec<_> = audit.iter().filter(|e| e.action == "purge").collect();
    assert_eq!(purges.len(), 3);
    assert!(purges[0].detail.as_deref().unwrap().contains("callbacks=1"));
    for e in &audit {
        let text = format!("{e:?}");
        for secret in ["412 00", "41200", "-summary", "-label", "escalated concern"] {
            assert!(!text.contains(secret), "{text}");
        }
    }
    assert!(
        audit
            .iter()
            .any(|e| e.action == "hold" && e.ref_id == Some(held))
    );
}

#[test]
fn open_escalation_notes_are_not_blanked() {
    let db = TestDb::new();
    let mut s = db.store();
    let esc = note(&mut s, "keep me", true, None, t0());
    let plain = note(&mut s, "old plain note", false, None, t0());
    let c = s
        .purge(KEEP, false, "TEST", t0() + Duration::days(366))
        .unwrap();
    assert_eq!(c.notes, 1);
    assert_eq!(s.note(esc).unwrap().unwrap().body, "keep me");
    assert_eq!(s.note(plain).unwrap().unwrap().body, "");
}

/// Guard for an FTS5 index that might one day hold caller data: with
/// FTS5's own 'secure-delete' option, a row deleted (or updated) in the
/// same transaction as the purge leaves no token in the file after the
/// checkpoint. Without the option FTS5 keeps old tokens in its segments
/// until they are merged; an FTS table that holds caller data must set it.
#[test]
fn an_fts5_index_with_secure_delete_keeps_no_trace_after_purge() {
    let db = TestDb::new();
    let s = db.store();
    let c = s.conn();
    c.execute_batch(
        "CREATE VIRTUAL TABLE scratch_fts USING fts5(body);
         INSERT INTO scratch_fts(scratch_fts, rank) VALUES ('secure-delete', 1);",
    )
    .unwrap();
    for i in 0..50 {
        c.execute(
            "INSERT INTO scratch_fts(rowid, body) VALUES (?1, ?2)",
            rusqlite::params![i, format!("ordinary words {i}")],
        )
        .unwrap();
    }
    c.execute(
        "INSERT INTO scratch_fts(rowid, body) VALUES (1000, 'zqxjfts planted')",
        [],
    )
    .unwrap();
    assert!(raw_files(&db).iter().any(|(_, b)| contains(b, b"zqxjfts")));
    c.execute("UPDATE scratch_fts SET body = '' WHERE rowid = 1000", [])
        .unwrap();
    assert!(s.checkpoint().unwrap());
    for (path, bytes) in raw_files(&db) {
        assert!(!contains(&bytes, b"zqxjfts"), "FTS token still in {path}");
    }
}
