//! The callback store: joins, attempts, closing, undo, order and paging.

mod common;

use chrono::{DateTime, Duration, Utc};
use common::queue_fixture::{oslo, voicemail};
use common::{TestDb, monday_morning};
use vakt::calendar::CalendarSettings;
use vakt::domain::promise::{AttemptResult, Outcome, Safety};
use vakt::store::StoreError;
use vakt::store::callbacks::{NewComplaint, NewVoicemail, Snapshots};

fn vm(phone: &str, at: DateTime<Utc>) -> NewVoicemail {
    NewVoicemail {
        summary: "Ønsker en prat".into(),
        ..voicemail(phone, at)
    }
}

#[test]
fn voicemail_gets_next_working_day_deadline_and_is_audited_without_caller_data() {
    let db = TestDb::new();
    let mut s = db.store();
    let cal = CalendarSettings::default();
    let mut snaps = Snapshots::default();
    let added = s
        .add_voicemail(
            &vm("+47 22 33 44 55", oslo(2026, 11, 20, 14, 0)),
            &cal,
            &mut snaps,
            "KH",
            monday_morning(),
        )
        .unwrap();
    assert!(!added.joined);
    assert_eq!(added.deadline, oslo(2026, 11, 23, 15, 0));
    let audit: Vec<(String, String, Option<String>)> = s
        .conn()
        .prepare("SELECT actor, action, detail FROM audit WHERE entity = 'callback'")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        audit,
        vec![("KH".into(), "add".into(), Some("voicemail".into()))]
    );
    let dump: String = s
        .conn()
        .query_row(
            "SELECT group_concat(coalesce(detail,'') || actor || action) FROM audit",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(!dump.contains("22334455"));
    assert!(!dump.contains("Ønsker"));
}

#[test]
fn second_voicemail_from_same_number_joins_and_keeps_every_no() {
    let db = TestDb::new();
    let mut s = db.store();
    let cal = CalendarSettings::default();
    let mut snaps = Snapshots::default();
    let mut first = vm("22334455", oslo(2026, 11, 23, 8, 0));
    first.safety.may_leave_message = Some(true);
    let a = s
        .add_voicemail(&first, &cal, &mut snaps, "KH", monday_morning())
        .unwrap();
    let mut second = vm("+47 22 33 44 55", oslo(2026, 11, 23, 9, 30));
    second.safety.may_leave_message = Some(false);
    second.summary = "Ringte igjen".into();
    let b = s
        .add_voicemail(&second, &cal, &mut snaps, "KH", monday_morning())
        .unwrap();
    assert!(b.joined);
    assert_eq!(a.id, b.id);
    let item = s.callback(a.id).unwrap().unwrap();
    assert_eq!(item.message_count, 2);
    assert_eq!(item.safety.may_leave_message, Some(false));
    assert_eq!(item.summary, "Ønsker en prat · Ringte igjen");
    assert_eq!(item.deadline_at, oslo(2026, 11, 24, 15, 0));
    // A different number is a new item.
    let c = s
        .add_voicemail(
            &vm("412 34 512", oslo(2026, 11, 23, 9, 0)),
            &cal,
            &mut snaps,
            "KH",
            monday_morning(),
        )
        .unwrap();
    assert!(!c.joined);
    let messages: i64 = s
        .conn()
        .query_row("SELECT count(*) FROM messages", [], |r| r.get(0))
        .unwrap();
    assert_eq!(messages, 3);
}

#[test]
fn attempts_plan_the_next_try_and_reaching_closes() {
    let db = TestDb::new();
    let mut s = db.store();
    let cal = CalendarSettings::default();
    let mut snaps = Snapshots::default();
    let now = monday_morning();
    let id = s
        .add_voicemail(
            &vm("22334455", oslo(2026, 11, 20, 10, 0)),
            &cal,
            &mut snaps,
            "KH",
            now,
        )
        .unwrap()
        .id;
    let (closed, _) = s
        .record_attempt(
            id,
            now,
            AttemptResult::NoAnswer,
            "",
            &cal,
            Duration::hours(2),
            &mut snaps,
            "KH",
            now,
        )
        .unwrap();
    assert!(!closed);
    let item = s.callback(id).unwrap().unwrap();
    assert_eq!(item.attempt_count, 1);
    assert_eq!(item.next_attempt_at, Some(now + Duration::hours(2)));
    // Late in the day the next try moves to the next opening.
    let late = oslo(2026, 11, 23, 14, 30);
    s.record_attempt(
        id,
        late,
        AttemptResult::Busy,
        "",
        &cal,
        Duration::hours(2),
        &mut snaps,
        "KH",
        late,
    )
    .unwrap();
    let item = s.callback(id).unwrap().unwrap();
    assert_eq!(item.next_attempt_at, Some(oslo(2026, 11, 24, 9, 0)));
    let (closed, _) = s
        .record_attempt(
            id,
            late,
            AttemptResult::Reached,
            "ok",
            &cal,
            Duration::hours(2),
            &mut snaps,
            "KH",
            late,
        )
        .unwrap();
    assert!(closed);
    let item = s.callback(id).unwrap().unwrap();
    assert!(!item.open);
    assert_eq!(item.outcome, Some(Outcome::Reached));
    assert_eq!(s.attempts(id).unwrap().len(), 3);
    assert!(matches!(
        s.record_attempt(
            id,
            late,
            AttemptResult::Busy,
            "",
            &cal,
            Duration::hours(2),
            &mut snaps,
            "KH",
            late
        ),
        Err(StoreError::Closed)
    ));
}

#[test]
fn giving_up_needs_the_configured_attempts() {
    let db = TestDb::new();
    let mut s = db.store();
    let cal = CalendarSettings::default();
    let mut snaps = Snapshots::default();
    let now = monday_morning();
    let id = s
        .add_voicemail(&vm("22334455", now), &cal, &mut snaps, "KH", now)
        .unwrap()
        .id;
    assert!(matches!(
        s.close_callback(id, Outcome::GaveUp, 3, &mut snaps, "KH", now),
        Err(StoreError::TooFewAttempts { made: 0, needed: 3 })
    ));
    for _ in 0..3 {
        s.record_attempt(
            id,
            now,
            AttemptResult::NoAnswer,
            "",
            &cal,
            Duration::hours(2),
            &mut snaps,
            "KH",
            now,
        )
        .unwrap();
    }
    s.close_callback(id, Outcome::GaveUp, 3, &mut snaps, "KH", now)
        .unwrap();
    assert_eq!(
        s.callback(id).unwrap().unwrap().outcome,
        Some(Outcome::GaveUp)
    );
}

#[test]
fn queue_order_is_overdue_first_then_deadline_then_retry_time() {
    let db = TestDb::new();
    let mut s = db.store();
    let cal = CalendarSettings::default();
    let mut snaps = Snapshots::default();
    let now = oslo(2026, 11, 24, 10, 0); // Tuesday
    // Due Monday 15:00 (overdue), due Wednesday 15:00, due Tuesday 15:00.
    let overdue = s
        .add_voicemail(
            &vm("22000001", oslo(2026, 11, 20, 12, 0)),
            &cal,
            &mut snaps,
            "A",
            now,
        )
        .unwrap()
        .id;
    let later = s
        .add_voicemail(
            &vm("22000002", oslo(2026, 11, 24, 9, 0)),
            &cal,
            &mut snaps,
            "A",
            now,
        )
        .unwrap()
        .id;
    let today = s
        .add_voicemail(
            &vm("22000003", oslo(2026, 11, 23, 12, 0)),
            &cal,
            &mut snaps,
            "A",
            now,
        )
        .unwrap()
        .id;
    // A tried item whose retry is at 12:00 today sorts before 15:00 today.
    let tried = s
        .add_voicemail(
            &vm("22000004", oslo(2026, 11, 23, 13, 0)),
            &cal,
            &mut snaps,
            "A",
            now,
        )
        .unwrap()
        .id;
    s.record_attempt(
        tried,
        now,
        AttemptResult::NoAnswer,
        "",
        &cal,
        Duration::hours(2),
        &mut snaps,
        "A",
        now,
    )
    .unwrap();
    let ids: Vec<i64> = s
        .queue_from(None, 10)
        .unwrap()
        .iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(ids, vec![overdue, tried, today, later]);
    let eod = oslo(2026, 11, 25, 0, 0);
    let counts = s.queue_counts(now, eod).unwrap();
    assert_eq!((counts.open, counts.overdue, counts.due_today), (4, 1, 1));
}

#[test]
fn keyset_pages_cover_every_item_once() {
    let db = TestDb::new();
    let mut s = db.store();
    let cal = CalendarSettings::default();
    let mut snaps = Snapshots::default();
    let base = oslo(2026, 11, 2, 9, 0);
    for i in 0..57 {
        let at = base + Duration::minutes(i * 37);
        s.add_voicemail(&vm(&format!("22{:06}", i), at), &cal, &mut snaps, "A", at)
            .unwrap();
    }
    let mut seen = Vec::new();
    let mut from = None;
    loop {
        let page = s.queue_from(from.as_ref(), 11).unwrap();
        let more = page.len() == 11;
        if more {
            seen.extend(page[..10].iter().map(|i| i.id));
            from = Some(page[10].key());
        } else {
            seen.extend(page.iter().map(|i| i.id));
            break;
        }
    }
    assert_eq!(seen.len(), 57);
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), 57);
    let last = s.queue_last(3).unwrap();
    assert_eq!(last[0].id, *seen.last().unwrap());
    let before = s.queue_before(&last[0].key(), 2).unwrap();
    assert_eq!(before[0].id, seen[seen.len() - 2]);
}

#[test]
fn undo_takes_back_add_attempt_close_and_join_but_not_after_another_change() {
    let db = TestDb::new();
    let mut s = db.store();
    let cal = CalendarSettings::default();
    let mut snaps = Snapshots::default();
    let now = monday_morning();
    let added = s
        .add_voicemail(&vm("22334455", now), &cal, &mut snaps, "A", now)
        .unwrap();
    s.undo(added.undo, &mut snaps, "A", now).unwrap();
    assert!(s.callback(added.id).unwrap().is_none());

    let added = s
        .add_voicemail(&vm("22334455", now), &cal, &mut snaps, "A", now)
        .unwrap();
    let joined = s
        .add_voicemail(&vm("22334455", now), &cal, &mut snaps, "A", now)
        .unwrap();
    s.undo(joined.undo, &mut snaps, "A", now).unwrap();
    assert_eq!(s.callback(added.id).unwrap().unwrap().message_count, 1);

    let (_, undo) = s
        .record_attempt(
            added.id,
            now,
            AttemptResult::Reached,
            "",
            &cal,
            Duration::hours(2),
            &mut snaps,
            "A",
            now,
        )
        .unwrap();
    assert!(!s.callback(added.id).unwrap().unwrap().open);
    s.undo(undo, &mut snaps, "A", now).unwrap();
    let item = s.callback(added.id).unwrap().unwrap();
    assert!(item.open);
    assert_eq!(item.attempt_count, 0);
    assert!(s.attempts(added.id).unwrap().is_empty());

    let undo = s
        .close_callback(added.id, Outcome::NotNeeded, 3, &mut snaps, "A", now)
        .unwrap();
    // Someone else reopens-and-edits meanwhile: undo must refuse.
    s.undo(undo, &mut snaps, "A", now).unwrap();
    let edit = s
        .edit_callback(
            added.id,
            "Kari",
            "ny tekst",
            &Safety::default(),
            &mut snaps,
            "A",
            now,
        )
        .unwrap();
    s.edit_callback(
        added.id,
        "Kari",
        "enda nyere",
        &Safety::default(),
        &mut snaps,
        "B",
        now,
    )
    .unwrap();
    assert!(matches!(
        s.undo(edit, &mut snaps, "A", now),
        Err(StoreError::Changed)
    ));
    assert_eq!(s.callback(added.id).unwrap().unwrap().summary, "enda nyere");
}

#[test]
fn complaint_deadline_and_withheld_counted_not_queued() {
    let db = TestDb::new();
    let mut s = db.store();
    let cal = CalendarSettings::default();
    let now = monday_morning();
    let c = s
        .add_complaint(
            &NewComplaint {
                received_at: oslo(2026, 12, 4, 11, 0),
                label: String::new(),
                summary: "Brev".into(),
            },
            &cal,
            "A",
            now,
        )
        .unwrap();
    assert_eq!(c.deadline, oslo(2026, 12, 28, 15, 0));
    s.add_withheld(now, "A", now).unwrap();
    let withheld: i64 = s
        .conn()
        .query_row(
            "SELECT count(*) FROM messages WHERE withheld = 1 AND callback_id IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(withheld, 1);
    assert_eq!(s.queue_from(None, 10).unwrap().len(), 1);
}

#[test]
fn calendar_change_recomputes_open_deadlines() {
    let db = TestDb::new();
    let mut s = db.store();
    let cal = CalendarSettings::default();
    let mut snaps = Snapshots::default();
    let now = monday_morning();
    let id = s
        .add_voicemail(&vm("22334455", now), &cal, &mut snaps, "A", now)
        .unwrap()
        .id;
    assert_eq!(
        s.callback(id).unwrap().unwrap().deadline_at,
        oslo(2026, 11, 24, 15, 0)
    );
    s.close_date(
        chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
        "Kurs",
        "A",
        now,
    )
    .unwrap();
    assert_eq!(
        s.callback(id).unwrap().unwrap().deadline_at,
        oslo(2026, 11, 25, 15, 0)
    );
    assert_eq!(
        s.queue_from(None, 1).unwrap()[0].sort_at,
        "2026-11-25T14:00:00Z"
    );
}
