//! A year of synthetic callbacks for the statistics tests, with the
//! expected figures worked out by hand (default calendar: Monday–Friday
//! 09:00–15:00, Europe/Oslo). Times are Oslo local unless marked Z.
//!
//! | id | item | received | deadline | first attempt / answer | verdict |
//! |----|------|----------|----------|------------------------|---------|
//! | 1 | complaint | Mon 9 Mar 10:00 | +21 d = Mon 30 Mar 15:00 CEST | attempt Fri 27 Mar 10:00 (reached) | kept |
//! | 2 | voicemail | Tue 10 Mar 10:00 | Wed 11 Mar 15:00 | none; closed not needed Tue 12:00 | not owed |
//! | 3 | complaint | Thu 12 Mar 10:00 | +21 d = Thu 2 Apr (Maundy Thu), Good Fri, weekend, Easter Mon → Tue 7 Apr 15:00 | closed Tue 7 Apr 10:00 | kept (only thanks to Easter) |
//! | 4 | voicemail | Fri 27 Mar 14:00 CET | Mon 30 Mar 15:00 CEST (DST 29 Mar) | Mon 30 Mar 09:30 (reached) | kept; 1 h + 30 min = 90 min |
//! | 5 | voicemail | Wed 1 Apr 10:00 | Easter → Tue 7 Apr 15:00 | Tue 7 Apr 14:00 (no answer), then Wed 8 Apr reached | kept (first attempt counts); 5 h + 5 h = 600 min |
//! | 6 | voicemail | Wed 1 Apr 16:00 | Tue 7 Apr 15:00 | Wed 8 Apr 09:15 (wrong number), closed not in use | missed; 0 + 6 h + 15 min = 375 min |
//! | 7 | complaint | Mon 4 May 10:00 | +21 d = Mon 25 May (Whit Monday) → Tue 26 May 15:00 | attempt Wed 27 May 10:00 (reached) | missed |
//! | 8 | voicemail | Wed 13 May 12:00 | Thu 14 May is Ascension → Fri 15 May 15:00 | never | missed (open) |
//! | 9 | voicemail | Sat 16 May 10:00 | Sun 17 May (holiday) → Mon 18 May 15:00 | Mon 18 May 15:30 (reached) | missed; 6 h = 360 min |
//! | 10 | complaint | Mon 19 Oct 10:00 | Mon 9 Nov 15:00 | none yet | pending |
//! | 11 | voicemail | Fri 23 Oct 14:30 CEST | Mon 26 Oct 15:00 CET (DST 25 Oct) | Mon 26 Oct 14:59 (reached) | kept; 30 min + 5 h 59 = 389 min |
//! | 12 | voicemail | Mon 2 Nov 09:00 | Tue 3 Nov 15:00 | none yet | pending |
//!
//! Withheld calls (no item): 29 Mar 01:30Z (Sun 03:30 CEST), 25 Oct 00:30Z
//! and 01:30Z (both Sun 02:30 local: CEST, then CET).

use chrono::{DateTime, TimeZone, Utc};

use vakt::calendar::CalendarSettings;
use vakt::domain::promise::{AttemptResult, Outcome};
use vakt::store::Store;
use vakt::store::callbacks::{NewComplaint, NewVoicemail, Snapshots};

use super::queue_fixture::{store_voicemail, voicemail};

pub fn oslo(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    chrono_tz::Europe::Oslo
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .expect("unambiguous")
        .with_timezone(&Utc)
}

pub fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

/// The clock of the fixture: Monday 2 November 2026, 10:00 in Oslo.
pub fn now() -> DateTime<Utc> {
    oslo(2026, 11, 2, 10, 0)
}

struct Seed<'a> {
    s: &'a mut Store,
    cal: CalendarSettings,
    snaps: Snapshots,
    phone: u32,
}

impl Seed<'_> {
    fn voicemail(&mut self, at: DateTime<Utc>) -> i64 {
        self.phone += 1;
        let v = NewVoicemail {
            label: "Kari".into(),
            summary: "Hemmelig sammendrag".into(),
            ..voicemail(&format!("22 33 44 {:02}", self.phone), at)
        };
        store_voicemail(self.s, &v, at)
    }

    fn complaint(&mut self, at: DateTime<Utc>) -> i64 {
        let c = NewComplaint {
            received_at: at,
            label: "Ola".into(),
            summary: "Klage på svartid".into(),
        };
        self.s.add_complaint(&c, &self.cal, "TEST", at).unwrap().id
    }

    fn attempt(&mut self, id: i64, at: DateTime<Utc>, result: AttemptResult) {
        self.s
            .record_attempt(
                id,
                at,
                result,
                "notat",
                &self.cal,
                chrono::Duration::hours(2),
                &mut self.snaps,
                "TEST",
                at,
            )
            .unwrap();
    }

    fn close(&mut self, id: i64, outcome: Outcome, at: DateTime<Utc>) {
        self.s
            .close_callback(id, outcome, 3, &mut self.snaps, "TEST", at)
            .unwrap();
    }
}

/// Fills `store` with the items in the table above.
pub fn seed(store: &mut Store) {
    let mut f = Seed {
        s: store,
        cal: CalendarSettings::default(),
        snaps: Snapshots::default(),
        phone: 0,
    };
    let c1 = f.complaint(oslo(2026, 3, 9, 10, 0));
    let v7 = f.voicemail(oslo(2026, 3, 10, 10, 0));
    let c2 = f.complaint(oslo(2026, 3, 12, 10, 0));
    let v1 = f.voicemail(oslo(2026, 3, 27, 14, 0));
    let v2 = f.voicemail(oslo(2026, 4, 1, 10, 0));
    let v3 = f.voicemail(oslo(2026, 4, 1, 16, 0));
    let c3 = f.complaint(oslo(2026, 5, 4, 10, 0));
    let _v4 = f.voicemail(oslo(2026, 5, 13, 12, 0));
    let v4b = f.voicemail(oslo(2026, 5, 16, 10, 0));
    let _c4 = f.complaint(oslo(2026, 10, 19, 10, 0));
    let v5 = f.voicemail(oslo(2026, 10, 23, 14, 30));
    let _v6 = f.voicemail(oslo(2026, 11, 2, 9, 0));
    assert_eq!((c1, v7, c2, v1, v5), (1, 2, 3, 4, 11));

    f.attempt(c1, oslo(2026, 3, 27, 10, 0), AttemptResult::Reached);
    f.close(v7, Outcome::NotNeeded, oslo(2026, 3, 10, 12, 0));
    f.close(c2, Outcome::Reached, oslo(2026, 4, 7, 10, 0));
    f.attempt(v1, oslo(2026, 3, 30, 9, 30), AttemptResult::Reached);
    f.attempt(v2, oslo(2026, 4, 7, 14, 0), AttemptResult::NoAnswer);
    f.attempt(v2, oslo(2026, 4, 8, 10, 0), AttemptResult::Reached);
    f.attempt(v3, oslo(2026, 4, 8, 9, 15), AttemptResult::WrongNumber);
    f.close(v3, Outcome::NotInUse, oslo(2026, 4, 8, 9, 20));
    f.attempt(c3, oslo(2026, 5, 27, 10, 0), AttemptResult::Reached);
    f.attempt(v4b, oslo(2026, 5, 18, 15, 30), AttemptResult::Reached);
    f.attempt(v5, oslo(2026, 10, 26, 14, 59), AttemptResult::Reached);

    for at in [
        utc(2026, 3, 29, 1, 30),
        utc(2026, 10, 25, 0, 30),
        utc(2026, 10, 25, 1, 30),
    ] {
        f.s.add_withheld(at, "TEST", at).unwrap();
    }
}
