//! Statistics computed from the hand-checked fixture in
//! `tests/common/stats_fixture.rs` (read its table first).

mod common;

use chrono::NaiveDate;
use common::TestDb;
use common::stats_fixture::{now, oslo, seed};
use vakt::domain::promise::Kind;
use vakt::stats::{Figures, Period, PeriodKind, Promise};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn promise(kept: u32, missed: u32, pending: u32, not_owed: u32) -> Promise {
    Promise {
        kept,
        missed,
        pending,
        not_owed,
    }
}

fn figures(db: &TestDb, period: Period) -> Figures {
    let store = db.store();
    let cal = store.calendar().unwrap();
    store
        .stats(&cal, period, now(), vakt::i18n::Lang::Nb)
        .unwrap()
}

fn this_year(db: &TestDb) -> Figures {
    figures(db, Period::named(PeriodKind::ThisYear, date(2026, 11, 2)))
}

#[test]
fn promises_kept_this_year() {
    let db = TestDb::new();
    seed(&mut db.store());
    let f = this_year(&db);
    assert_eq!(
        (f.period.from, f.period.to),
        (date(2026, 1, 1), date(2026, 11, 2))
    );
    // Voicemails: kept 4, 5, 11; missed 6 (late), 8 (never), 9 (late);
    // pending 12; not owed 2. Share 3 / 6 = 50 %.
    assert_eq!(f.voicemail, promise(3, 3, 1, 1));
    assert_eq!(f.voicemail.percent(), Some(50));
    // Complaints: kept 1, 3; missed 7; pending 10. Share 2 / 3 = 67 %.
    assert_eq!(f.complaints, promise(2, 1, 1, 0));
    assert_eq!(f.complaints.percent(), Some(67));
}

#[test]
fn missed_items_by_deadline_without_caller_data() {
    let db = TestDb::new();
    seed(&mut db.store());
    let f = this_year(&db);
    // Deadlines: 6 → 7 Apr, 8 → 15 May, 9 → 18 May, 7 → 26 May.
    let ids: Vec<i64> = f.missed.iter().map(|m| m.id).collect();
    assert_eq!(ids, [6, 8, 9, 7]);
    let m6 = &f.missed[0];
    assert_eq!(m6.kind, Kind::Voicemail);
    assert_eq!(m6.received_at, oslo(2026, 4, 1, 16, 0));
    assert_eq!(m6.deadline_at, oslo(2026, 4, 7, 15, 0));
    assert_eq!(m6.answered_at, Some(oslo(2026, 4, 8, 9, 15)));
    assert_eq!(f.missed[1].answered_at, None, "8 was never attempted");
    let m7 = &f.missed[3];
    assert_eq!(m7.kind, Kind::Complaint);
    assert_eq!(m7.deadline_at, oslo(2026, 5, 26, 15, 0));
    assert_eq!(m7.answered_at, Some(oslo(2026, 5, 27, 10, 0)));
}

#[test]
fn time_to_first_attempt_in_working_hours() {
    let db = TestDb::new();
    seed(&mut db.store());
    let f = this_year(&db);
    // Working minutes: 4 → 90, 5 → 600, 6 → 375, 9 → 360, 11 → 389.
    // Sorted 90, 360, 375, 389, 600: median rank 3 = 375 min,
    // 90th percentile rank ceil(4.5) = 5 = 600 min.
    assert_eq!(f.first_attempt.count, 5);
    assert_eq!(f.first_attempt.median, Some(375 * 60));
    assert_eq!(f.first_attempt.p90, Some(600 * 60));
}

#[test]
fn volume_by_weekday_and_hour_with_withheld_calls() {
    let db = TestDb::new();
    seed(&mut db.store());
    let v = this_year(&db).volume;
    // 8 voicemails + 3 withheld calls; the 4 letters are not calls.
    assert_eq!(v.messages, 11);
    assert_eq!(v.withheld, 3);
    // Mon: 12. Tue: 2. Wed: 5, 6, 8. Fri: 4, 11. Sat: 9. Sun: 3 withheld.
    assert_eq!(v.by_weekday, [1, 1, 3, 0, 2, 1, 3]);
    let mut hours = [0u32; 24];
    hours[2] = 2; // both 02:30 on 25 October
    hours[3] = 1; // 03:30 CEST on 29 March
    hours[9] = 1; // 12
    hours[10] = 3; // 2, 5, 9
    hours[12] = 1; // 8
    hours[14] = 2; // 4, 11
    hours[16] = 1; // 6
    assert_eq!(v.by_hour, hours);
    assert_eq!(v.heat[6][2], 2);
    assert_eq!(v.heat[2][10], 1);
    assert_eq!(v.busiest(), 2);
    // Voicemail outcomes: reached 4, 5, 9, 11; not reached 6 (not in use);
    // not needed 2; open 8, 12.
    assert_eq!(
        (v.reached, v.not_reached, v.not_needed, v.open),
        (4, 1, 1, 2)
    );
}

#[test]
fn per_week_and_month() {
    let db = TestDb::new();
    seed(&mut db.store());
    let f = this_year(&db);
    // 1 Jan 2026 is a Thursday in W01; 2 Nov is Monday of W45.
    assert_eq!(f.weeks.len(), 45);
    assert_eq!(f.months.len(), 11);
    let week = |n: u32| f.weeks.iter().find(|b| b.number == n).unwrap();
    // W11 (9–15 Mar): complaints 1 and 3 kept; voicemail 2 not owed.
    assert_eq!(week(11).complaints, promise(2, 0, 0, 0));
    assert_eq!(week(11).voicemail, promise(0, 0, 0, 1));
    assert_eq!(week(11).voicemail.percent(), None);
    // W13 (23–29 Mar): 4 kept. W14 (30 Mar–5 Apr): 5 kept, 6 missed.
    assert_eq!(week(13).voicemail, promise(1, 0, 0, 0));
    assert_eq!(week(14).voicemail.percent(), Some(50));
    // W20 (11–17 May): 8 and 9 missed.
    assert_eq!(week(20).voicemail, promise(0, 2, 0, 0));
    let month = |n: u32| f.months.iter().find(|b| b.number == n).unwrap();
    assert_eq!(month(3).voicemail, promise(1, 0, 0, 1));
    assert_eq!(month(3).complaints.percent(), Some(100));
    assert_eq!(month(4).voicemail, promise(1, 1, 0, 0));
    assert_eq!(month(5).voicemail.percent(), Some(0));
    assert_eq!(month(5).complaints, promise(0, 1, 0, 0));
    assert_eq!(month(10).complaints, promise(0, 0, 1, 0));
    assert_eq!(month(11).voicemail, promise(0, 0, 1, 0));
    assert_eq!(month(1).voicemail.total(), 0);
}

#[test]
fn period_bounds_are_local_dates() {
    let db = TestDb::new();
    seed(&mut db.store());
    // 1 April only: 5 and 6 (16:00 is still 1 April).
    let f = figures(
        &db,
        Period::custom(date(2026, 4, 1), date(2026, 4, 1)).unwrap(),
    );
    assert_eq!(f.voicemail, promise(1, 1, 0, 0));
    assert_eq!(f.volume.messages, 2);
    // 25 October local: both withheld calls (00:30Z and 01:30Z are
    // 02:30 CEST and 02:30 CET).
    let f = figures(
        &db,
        Period::custom(date(2026, 10, 25), date(2026, 10, 25)).unwrap(),
    );
    assert_eq!((f.volume.messages, f.volume.withheld), (2, 2));
    // Last month as seen on 2 Nov is October: complaint 10 pending,
    // voicemail 11 kept.
    let f = figures(&db, Period::named(PeriodKind::LastMonth, date(2026, 11, 2)));
    assert_eq!(f.voicemail, promise(1, 0, 0, 0));
    assert_eq!(f.complaints, promise(0, 0, 1, 0));
    assert!(f.missed.is_empty());
}

#[test]
fn figures_survive_the_retention_purge() {
    let db = TestDb::new();
    seed(&mut db.store());
    let before = this_year(&db);
    let store = db.store();
    store
        .conn()
        .execute_batch(
            "UPDATE callbacks SET phone = NULL, caller_label = '', summary = '',
                 safe_times = '', safety_note = '' WHERE status = 'closed';
             UPDATE attempts SET note = '';",
        )
        .unwrap();
    drop(store);
    assert_eq!(this_year(&db), before);
}
