//! The shift log's append-only rule, enforced by the database itself.

mod common;

use chrono::Duration;
use common::{TestDb, monday_morning};
use vakt::store::StoreError;
use vakt::store::log::{Marks, NewNote, NoteFilter};

fn note(body: &str) -> NewNote {
    NewNote {
        body: body.into(),
        callback_id: None,
        marks: Marks::default(),
        amends: None,
    }
}

#[test]
fn notes_cannot_be_changed_or_deleted_by_any_sql() {
    let db = TestDb::new();
    let mut s = db.store();
    let id = s
        .add_note(&note("Første notat"), "KH", monday_morning())
        .unwrap();
    let c = rusqlite::Connection::open(&db.path).unwrap();
    for sql in [
        "UPDATE notes SET body = 'endret' WHERE id = 1",
        "UPDATE notes SET author = 'XX' WHERE id = 1",
        "UPDATE notes SET escalation = 1 WHERE id = 1",
        "DELETE FROM notes WHERE id = 1",
        // Blanking the text while also changing something else is not a purge.
        "UPDATE notes SET body = '', purged_at = 'x', author = 'XX' WHERE id = 1",
    ] {
        let err = c.execute(sql, []).unwrap_err().to_string();
        assert!(err.contains("append-only"), "{sql}: {err}");
    }
    assert_eq!(s.note(id).unwrap().unwrap().body, "Første notat");
    // The retention purge may blank the text once, and nothing else.
    c.execute(
        "UPDATE notes SET body = '', purged_at = '2027-01-01T00:00:00Z' WHERE id = 1",
        [],
    )
    .unwrap();
    let n = s.note(id).unwrap().unwrap();
    assert!(n.purged);
    assert_eq!(n.body, "");
    assert!(
        c.execute(
            "UPDATE notes SET body = 'tilbake', purged_at = NULL WHERE id = 1",
            []
        )
        .is_err()
    );
    // The store has no path that changes a note: a correction is a new one.
    let fix = s
        .add_note(
            &NewNote {
                amends: Some(id),
                ..note("Rettelse")
            },
            "KH",
            monday_morning(),
        )
        .unwrap();
    assert_eq!(s.note(id).unwrap().unwrap().amended_by, vec![fix]);
    assert!(matches!(
        s.add_note(
            &NewNote {
                amends: Some(999),
                ..note("x")
            },
            "KH",
            monday_morning()
        ),
        Err(StoreError::NotFound)
    ));
}

#[test]
fn shifts_handover_and_acknowledgement() {
    let db = TestDb::new();
    let mut s = db.store();
    let t0 = monday_morning();
    let a = s.start_shift("KH", t0).unwrap();
    // Starting again resumes the open shift.
    assert_eq!(
        s.start_shift("KH", t0 + Duration::minutes(5)).unwrap().id,
        a.id
    );
    // A second person on duty at the same time has their own shift.
    let b = s.start_shift("AB", t0).unwrap();
    assert_ne!(a.id, b.id);
    let nid = s.add_note(&note("Skrevet i vakta"), "KH", t0).unwrap();
    let shift_of_note: i64 = s
        .conn()
        .query_row("SELECT shift_id FROM notes WHERE id = ?1", [nid], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(shift_of_note, a.id);
    assert!(s.pending_handover().unwrap().is_none());
    let (ended, _) = s.end_shift("KH", t0 + Duration::hours(5)).unwrap();
    assert_eq!(ended.ended_at, Some(t0 + Duration::hours(5)));
    assert!(matches!(s.end_shift("KH", t0), Err(StoreError::NotFound)));
    let pending = s.pending_handover().unwrap().unwrap();
    assert_eq!(pending.given_by, "KH");
    assert_eq!(
        s.acknowledge_handovers("NN", t0 + Duration::hours(6))
            .unwrap(),
        1
    );
    assert!(s.pending_handover().unwrap().is_none());
    assert_eq!(s.acknowledge_handovers("NN", t0).unwrap(), 0);
}

#[test]
fn pins_escalations_filters_search_and_paging() {
    let db = TestDb::new();
    let mut s = db.store();
    let t0 = monday_morning() - Duration::days(3);
    let mut ids = Vec::new();
    for i in 0..30 {
        let marks = Marks {
            handover: i % 3 == 0,
            escalation: i == 7,
            pinned: false,
        };
        ids.push(
            s.add_note(
                &NewNote {
                    marks,
                    ..note(&format!("notat {i} om 50% og _under_"))
                },
                "KH",
                t0 + Duration::hours(i),
            )
            .unwrap(),
        );
    }
    assert!(s.toggle_pin(ids[4], "KH", t0).unwrap());
    assert!(!s.toggle_pin(ids[4], "KH", t0).unwrap());
    assert!(s.toggle_pin(ids[5], "KH", t0).unwrap());
    let pinned = s.notes_before(None, NoteFilter::Pinned, None, 10).unwrap();
    assert_eq!(
        pinned.iter().map(|n| n.id).collect::<Vec<_>>(),
        vec![ids[5]]
    );
    let handover = s
        .notes_before(None, NoteFilter::Handover, None, 100)
        .unwrap();
    assert_eq!(handover.len(), 10);
    assert_eq!(s.open_escalations().unwrap().len(), 1);
    s.release_escalation(ids[7], "KH", t0).unwrap();
    assert!(s.open_escalations().unwrap().is_empty());
    assert!(matches!(
        s.release_escalation(ids[8], "KH", t0),
        Err(StoreError::NotFound)
    ));
    // Search is literal: % and _ are not wildcards.
    assert_eq!(
        s.notes_before(None, NoteFilter::All, Some("50%"), 100)
            .unwrap()
            .len(),
        30
    );
    assert_eq!(
        s.notes_before(None, NoteFilter::All, Some("notat 2 om"), 100)
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        s.notes_before(None, NoteFilter::All, Some("5_%"), 100)
            .unwrap()
            .len(),
        0
    );
    // Newest first, in pages that meet exactly.
    let first = s.notes_before(None, NoteFilter::All, None, 12).unwrap();
    assert_eq!(first[0].id, ids[29]);
    let second = s
        .notes_before(Some(&first[11].key()), NoteFilter::All, None, 12)
        .unwrap();
    assert_eq!(second[0].id, ids[17]);
    let back = s
        .notes_from(&second[0].key(), NoteFilter::All, None, 2)
        .unwrap();
    assert_eq!(back[1].id, ids[18]);
}

#[test]
fn open_escalations_written_before_their_table_existed_are_found() {
    let db = TestDb::new();
    let mut s = db.store();
    let t0 = monday_morning() - Duration::days(2);
    let mut ids = Vec::new();
    for i in 0..4 {
        let marks = Marks {
            escalation: true,
            ..Marks::default()
        };
        ids.push(
            s.add_note(
                &NewNote {
                    marks,
                    ..note("eskalert")
                },
                "KH",
                t0 + Duration::hours(i),
            )
            .unwrap(),
        );
    }
    s.release_escalation(ids[1], "KH", t0).unwrap();
    drop(s);
    // The file as it was before migration 6 (and those that follow it).
    let c = rusqlite::Connection::open(&db.path).unwrap();
    c.execute_batch(
        "DROP TRIGGER notes_escalation_opened; DROP TRIGGER escalation_released;
         DROP TABLE open_escalations;
         DROP TRIGGER notes_fts_added; DROP TRIGGER notes_fts_purged; DROP TABLE notes_fts;
         DROP TABLE intake_failures; DROP TABLE intake_taken; DROP TABLE intake_salt;
         ALTER TABLE messages DROP COLUMN via; ALTER TABLE messages DROP COLUMN recording;
         ALTER TABLE messages DROP COLUMN recording_secs;
         DROP INDEX messages_entered; ALTER TABLE messages DROP COLUMN entered_at;
         DROP INDEX services_national; DROP TABLE services_vocab;
         ALTER TABLE callbacks DROP COLUMN planned_at;
         PRAGMA user_version = 5;",
    )
    .unwrap();
    drop(c);
    let mut s = db.store();
    let open: Vec<i64> = s.open_escalations().unwrap().iter().map(|n| n.id).collect();
    assert_eq!(open, vec![ids[0], ids[2], ids[3]]);
    // And the triggers keep it in step from then on.
    s.release_escalation(ids[2], "KH", t0).unwrap();
    let open: Vec<i64> = s.open_escalations().unwrap().iter().map(|n| n.id).collect();
    assert_eq!(open, vec![ids[0], ids[3]]);
}

/// An instant the program cannot read, in a note, a shift or a handover,
/// is an error that names it: never a note left out, an empty log or a
/// made-up time.
#[test]
fn an_unreadable_time_in_the_log_is_an_error_not_an_answer() {
    let db = TestDb::new();
    let mut s = db.store();
    let t0 = monday_morning();
    let good = s.add_note(&note("Lesbart notat"), "KH", t0).unwrap();
    let shift = s.start_shift("KH", t0).unwrap();
    s.end_shift("KH", t0 + Duration::hours(5)).unwrap();
    s.conn()
        .execute(
            "INSERT INTO notes(at, author, body) VALUES ('2026-11-22 kveld', 'KH', 'Uleselig tid')",
            [],
        )
        .unwrap();
    let bad = s.conn().last_insert_rowid();
    let bad_time = |r: Result<_, StoreError>| matches!(r, Err(StoreError::BadData("timestamp")));
    assert!(bad_time(s.note(bad).map(|_| ())));
    assert_eq!(s.note(good).unwrap().unwrap().body, "Lesbart notat");
    assert!(bad_time(
        s.notes_before(None, NoteFilter::All, None, 10).map(|_| ())
    ));
    assert!(bad_time(
        s.notes_before(None, NoteFilter::All, Some("tid"), 10)
            .map(|_| ())
    ));
    s.toggle_pin(bad, "KH", t0).unwrap();
    assert!(bad_time(
        s.notes_before_in(None, NoteFilter::All, Some(true), None, 10)
            .map(|_| ())
    ));
    // Shifts: when one started, and when one ended.
    s.conn()
        .execute(
            "INSERT INTO shifts(person, started_at) VALUES ('AB', 'i morgen')",
            [],
        )
        .unwrap();
    assert!(bad_time(s.open_shift("AB").map(|_| ())));
    assert!(bad_time(s.start_shift("AB", t0).map(|_| ())));
    assert!(bad_time(s.end_shift("AB", t0).map(|_| ())));
    s.conn()
        .execute(
            "UPDATE shifts SET ended_at = 'snart' WHERE id = ?1",
            [shift.id],
        )
        .unwrap();
    assert!(bad_time(s.shift(shift.id).map(|_| ())));
    // Handovers: when one was given.
    s.conn()
        .execute("UPDATE handovers SET given_at = 'i går'", [])
        .unwrap();
    assert!(bad_time(s.pending_handover().map(|_| ())));
    assert!(bad_time(s.pending_handovers().map(|_| ())));
}
