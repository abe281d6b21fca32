//! The handover review tells the next person what they need on each open
//! item: an item past its deadline with a failed attempt is urgent, and
//! every open item shows its safety instructions, attempts, next attempt
//! and referrals, masked; an urgent item is listed once.

mod common;

use chrono::{Duration, Utc};
use common::TestDb;
use common::queue_fixture::{store_voicemail_by, voicemail};
use serde_json::Value;
use vakt::calendar::CalendarSettings;
use vakt::domain::promise::{AttemptResult, Safety};
use vakt::store::callbacks::{NewVoicemail, Snapshots};
use vakt::store::directory::SearchQuery;

#[test]
fn the_review_shows_safety_attempts_next_attempt_and_referrals() {
    let db = TestDb::new();
    let cal = CalendarSettings::default();
    let mut snaps = Snapshots::default();
    let now = Utc::now();
    let mut s = db.store();
    let long_ago = now - Duration::days(20);
    let careful = Safety {
        may_leave_message: Some(false),
        may_say_who_we_are: Some(false),
        safe_times: "etter kl. 16".into(),
        ..Safety::default()
    };
    // Past its deadline, one failed attempt (in time): the retry is due.
    let v = NewVoicemail {
        summary: "Syntetisk A".into(),
        safety: careful.clone(),
        ..voicemail("22 33 44 11", long_ago)
    };
    let tried = store_voicemail_by(&mut s, &v, "KH", long_ago).id;
    let t = long_ago + Duration::minutes(1);
    s.record_attempt(
        tried,
        t,
        AttemptResult::NoAnswer,
        "",
        &cal,
        Duration::hours(2),
        &mut snaps,
        "KH",
        t,
    )
    .unwrap();
    // Due later, never tried, with a referral.
    let v = NewVoicemail {
        summary: "Syntetisk B".into(),
        safety: careful,
        ..voicemail("22 33 44 12", now)
    };
    let later = store_voicemail_by(&mut s, &v, "KH", now).id;
    let sos = s
        .search_services(&SearchQuery {
            text: "kirkens sos",
            category: None,
            municipality: None,
            open_at: None,
            include_closed: false,
            limit: 5,
        })
        .unwrap()[0]
        .id;
    s.refer(sos, Some(later), None, "KH", now).unwrap();

    let text = String::from_utf8(db.output(&["--lang", "en", "handover"])).unwrap();
    let urgent = text.find("1. Urgent now").unwrap();
    let queue = text.find("2. Open callbacks").unwrap();
    let done = text.find("3. Done").unwrap();
    let a_lines: Vec<(usize, &str)> = text
        .match_indices(&format!("item #{tried} "))
        .map(|(i, _)| (i, text[i..].lines().next().unwrap()))
        .collect();
    assert_eq!(a_lines.len(), 1, "listed once:\n{text}");
    let (at, a) = a_lines[0];
    assert!(urgent < at && at < queue, "urgent:\n{text}");
    for want in [
        "1 attempt",
        "do NOT leave a message",
        "do NOT say who we are",
        "call: etter kl. 16",
        "next attempt",
    ] {
        assert!(a.contains(want), "{want:?} in {a}");
    }
    let at = text.find(&format!("item #{later} ")).unwrap();
    assert!(queue < at && at < done, "{text}");
    let b = text[at..].lines().next().unwrap();
    assert!(b.contains("do NOT leave a message"), "{b}");
    assert!(b.contains("referred: Kirkens SOS"), "{b}");
    assert!(!text.contains("22 33 44 1"), "numbers masked:\n{text}");

    let v: Value = serde_json::from_slice(&db.output(&["handover", "--format", "json"])).unwrap();
    let items = v["queue"]["items"].as_array().unwrap();
    let b = items.iter().find(|i| i["id"] == later).unwrap();
    assert_eq!(b["referrals"][0]["service"], "Kirkens SOS", "{b}");
    assert_eq!(b["may_leave_message"], false);
}
