//! The handover's counts add up, counted as the person on duty counts
//! (messages entered in the period), and every count reads with the right
//! singular or plural in both languages.

mod common;

use chrono::{Duration, Utc};
use common::TestDb;

#[test]
fn messages_entered_add_up_and_counts_have_real_plurals() {
    let db = TestDb::new();
    // Left yesterday evening, entered now: counts in this period.
    let yesterday = (Utc::now().with_timezone(&chrono_tz::Europe::Oslo) - Duration::days(1))
        .format("%Y-%m-%d 20:00")
        .to_string();
    let add = |phone: &str, received: Option<&str>| {
        let mut args = vec!["voicemail", "add", "--phone", phone];
        if let Some(r) = received {
            args.extend(["--received", r]);
        }
        db.cmd().args(&args).assert().success();
    };
    add("22 33 44 21", Some(&yesterday));
    add("22 33 44 22", None);
    add("22 33 44 23", None);
    // The same number again joins item 1.
    add("22 33 44 21", None);
    db.cmd()
        .args(["callback", "attempt", "2", "--result", "no-answer"])
        .assert()
        .success();

    let en = String::from_utf8(db.output(&["--lang", "en", "handover"])).unwrap();
    assert!(
        en.contains(
            "4 messages entered in this period: 3 new items, 1 added to an open item, \
             0 from withheld numbers · 1 attempt, 0 reached · 0 closed · 0 referrals · 0 notes"
        ),
        "{en}"
    );
    let item2 = en.lines().find(|l| l.contains("item #2 ")).unwrap();
    assert!(
        item2.contains(" 1 attempt ") || item2.contains(" 1 attempt,"),
        "{item2}"
    );
    assert!(!en.contains("1 attempts"), "{en}");
    let item3 = en.lines().find(|l| l.contains("item #3 ")).unwrap();
    assert!(item3.contains("0 attempts"), "{item3}");

    let nb = String::from_utf8(db.output(&["--lang", "nb", "handover"])).unwrap();
    assert!(
        nb.contains(
            "4 beskjeder registrert i perioden: 3 nye saker, 1 lagt til en åpen sak, \
             0 med skjult nummer · 1 forsøk, 0 nådd · 0 lukket · 0 henvisninger · 0 notater"
        ),
        "{nb}"
    );
}
