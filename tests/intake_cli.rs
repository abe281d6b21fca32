//! `vakt voicemail intake` through the real binary: each preset's e-mail
//! and the broken ones, by `--mail` and by `--maildir`, checked on the
//! queue (`vakt queue --json`) and the database. All numbers synthetic.

mod common;
mod intake_support;

use common::TestDb;
use intake_support::{Intake, fixture, maildir};
use serde_json::Value;

fn by_phone<'a>(q: &'a [Value], phone: &str) -> &'a Value {
    q.iter()
        .find(|i| i["phone"].as_str() == Some(phone))
        .unwrap_or_else(|| panic!("no item for {phone} in {q:#?}"))
}

const GOOD: &[&str] = &[
    "asterisk.eml",
    "freepbx.eml",
    "sipxecs.eml",
    "generic-nb.eml",
    "generic-withheld.eml",
    "generic-no-message-id.eml",
    "body-time.eml",
];

const BROKEN: &[(&str, &str)] = &[
    ("broken-truncated.eml", "no_number"),
    ("broken-no-time.eml", "no_time"),
    ("broken-spoofed.eml", "sender"),
    ("broken-two-senders.eml", "sender"),
    ("broken-garbage.eml", "unreadable"),
    ("broken-bad-number.eml", "bad_number"),
];

/// What every good fixture must have put in the queue, however it came in.
fn check_queue(t: &Intake) {
    let q = t.queue();
    // Asterisk + the generic one from the same number joined: one item.
    assert_eq!(q.len(), 5, "{q:#?}");
    let a = by_phone(&q, "+47 22 33 44 55");
    assert_eq!(a["messages"], 2);
    assert_eq!(a["received"], "2026-11-23T10:42:07+01:00");
    // Asterisk's default body gives the length as M:SS.
    assert_eq!(a["recordings"][0]["seconds"], 42);
    assert_eq!(a["recordings"][0]["left"], "2026-11-23T10:42:07+01:00");
    // The generic one had no attachment: no recording listed for it.
    assert_eq!(a["recordings"].as_array().unwrap().len(), 1);
    assert_eq!(a["deadline"], "2026-11-24T15:00:00+01:00");
    // An e-mail says nothing of what the caller wants: not known, as in
    // the app's form, never "asked to be called back".
    assert_eq!(a["wants_callback"], Value::Null, "{a:#}");

    let f = by_phone(&q, "+47 412 34 512");
    assert_eq!(f["received"], "2026-11-23T14:15:40+01:00");
    assert_eq!(f["recordings"][0]["seconds"], 67);

    let s = by_phone(&q, "+47 22 33 44 66");
    assert_eq!(s["received"], "2026-11-24T07:55:02+01:00");
    assert_eq!(s["recordings"][0]["seconds"], 37);

    // Saturday night → due Monday at closing.
    let g = by_phone(&q, "+47 22 40 00 40");
    assert_eq!(g["received"], "2026-11-21T22:10:00+01:00");
    assert_eq!(g["deadline"], "2026-11-23T15:00:00+01:00");
    assert_eq!(g["recordings"][0]["seconds"], 65);

    // The time from the body, read in Oslo time (not the Date header).
    let b = by_phone(&q, "+47 22 33 44 77");
    assert_eq!(b["received"], "2026-11-24T23:30:00+01:00");
    assert!(b["recordings"].as_array().unwrap().is_empty());

    assert_eq!(
        t.count("SELECT count(*) FROM messages WHERE withheld = 1"),
        1
    );
    assert_eq!(
        t.count("SELECT count(*) FROM messages WHERE via = 'email'"),
        GOOD.len() as i64
    );
    // The transcription was allowed for this switchboard: it is the summary.
    let summary: String =
        t.db.store()
            .conn()
            .query_row(
                "SELECT summary FROM callbacks WHERE phone = '+4722400040'",
                [],
                |r| r.get(0),
            )
            .unwrap();
    assert_eq!(
        summary,
        "Hei, det er meg igjen. Ring helst etter klokka fem, takk."
    );
    // No other item got body text, and the caller-ID name was not kept.
    assert_eq!(
        t.count("SELECT count(*) FROM callbacks WHERE summary <> '' OR caller_label <> ''"),
        1
    );
    // The audit names the intake as the actor, as `voicemail add` would name a person.
    assert_eq!(
        t.count("SELECT count(*) FROM audit WHERE actor = 'TEST' AND action IN ('add', 'join')"),
        GOOD.len() as i64
    );
}

#[test]
fn each_preset_by_mail_lands_in_the_queue() {
    let t = Intake::setup();
    let results: Vec<String> = GOOD
        .iter()
        .map(|f| t.mail(f)["result"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        results,
        ["new", "new", "new", "new", "withheld", "joined", "new"]
    );
    check_queue(&t);
}

#[test]
fn each_preset_by_maildir_lands_in_the_queue() {
    let t = Intake::setup();
    let md = maildir(&t.db.dir.path().join("Maildir"));
    for (i, f) in GOOD.iter().enumerate() {
        std::fs::copy(fixture(f), md.join(format!("new/17000000{i:02}.M1P1.mx"))).unwrap();
    }
    let out = t
        .cmd()
        .args(["voicemail", "intake", "--json", "--maildir"])
        .arg(&md)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let s: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(s["new"], 5);
    assert_eq!(s["joined"], 1);
    assert_eq!(s["withheld"], 1);
    assert_eq!(s["failed"], 0);
    check_queue(&t);
    // Each moved to cur/ with the seen flag; new/ is empty.
    assert_eq!(std::fs::read_dir(md.join("new")).unwrap().count(), 0);
    let cur: Vec<String> = std::fs::read_dir(md.join("cur"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(cur.len(), GOOD.len());
    assert!(cur.iter().all(|n| n.ends_with(":2,S")), "{cur:?}");
    // A second run finds nothing new and changes nothing.
    t.cmd()
        .args(["voicemail", "intake", "--maildir"])
        .arg(&md)
        .assert()
        .success()
        .stdout(predicates::str::contains("0 new items"));
    check_queue(&t);
}

#[test]
fn broken_mail_is_counted_never_queued() {
    let t = Intake::setup();
    for (f, reason) in BROKEN {
        let v = t.mail(f);
        assert_eq!(v["result"], "failed", "{f}");
        assert_eq!(v["reason"], *reason, "{f}");
    }
    assert!(t.queue().is_empty());
    assert_eq!(t.count("SELECT count(*) FROM messages"), 0);
    let r = t.report();
    assert_eq!(r["failed"], BROKEN.len());
    // The report holds no caller data: no number, sender or subject.
    let text = r.to_string();
    for needle in ["22334", "attacker", "operator.example", "voicemail"] {
        assert!(!text.contains(needle), "{needle} in {text}");
    }
    // The same broken e-mail again is still one failure.
    t.mail("broken-spoofed.eml");
    assert_eq!(t.report()["failed"], BROKEN.len());
    // Human words, in English.
    t.cmd()
        .args(["voicemail", "intake", "--report"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "6 voicemail e-mails could not be read",
        ))
        .stdout(predicates::str::contains("sender not accepted"));
    // Dismissed after someone looked.
    t.cmd()
        .args(["voicemail", "intake", "--dismiss"])
        .assert()
        .success();
    assert_eq!(t.report()["failed"], 0);
}

#[test]
fn broken_mail_in_a_maildir_goes_to_failed() {
    let t = Intake::setup();
    let md = maildir(&t.db.dir.path().join("Maildir"));
    for (i, (f, _)) in BROKEN.iter().enumerate() {
        std::fs::copy(fixture(f), md.join(format!("new/17100000{i:02}.M1P1.mx"))).unwrap();
    }
    std::fs::copy(fixture("asterisk.eml"), md.join("new/1720000000.M1P1.mx")).unwrap();
    let out = t
        .cmd()
        .args(["voicemail", "intake", "--json", "--maildir"])
        .arg(&md)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let s: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(s["failed"], BROKEN.len());
    assert_eq!(s["new"], 1);
    assert_eq!(std::fs::read_dir(md.join("new")).unwrap().count(), 0);
    assert_eq!(
        std::fs::read_dir(md.join(".failed/new")).unwrap().count(),
        BROKEN.len()
    );
    assert_eq!(t.queue().len(), 1);
    let r = t.report();
    assert_eq!(r["failed"], BROKEN.len());
    assert!(
        r["failures"].as_array().unwrap().iter().all(
            |f| f["source"] == "maildir" && f["file"].as_str().unwrap().starts_with("17100000")
        )
    );
}

#[test]
fn the_same_message_id_twice_creates_nothing_more() {
    let t = Intake::setup();
    assert_eq!(t.mail("asterisk.eml")["result"], "new");
    // The same notification delivered again (another Received: line).
    assert_eq!(t.mail("broken-duplicate.eml")["result"], "duplicate");
    assert_eq!(t.mail("asterisk.eml")["result"], "duplicate");
    // Without a Message-ID: sender, number and time make the key.
    assert_eq!(t.mail("generic-no-message-id.eml")["result"], "joined");
    assert_eq!(t.mail("generic-no-message-id.eml")["result"], "duplicate");
    let q = t.queue();
    assert_eq!(q.len(), 1);
    assert_eq!(q[0]["messages"], 2);
    // The keys are salted hashes: no Message-ID, number or sender in them.
    let store = t.db.store();
    let keys: Vec<String> = store
        .conn()
        .prepare("SELECT key FROM intake_taken")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(keys.len(), 2);
    assert!(
        keys.iter()
            .all(|k| k.len() == 64 && k.chars().all(|c| c.is_ascii_hexdigit()))
    );
}

#[test]
fn odd_but_readable_mail_is_taken_in() {
    let t = Intake::setup();
    // A charset nobody knows and raw 8-bit bytes in the subject: the
    // number is still there to read.
    assert_eq!(t.mail("broken-charset.eml")["result"], "new");
    // No Date: header: the receiving server's Received: stamp.
    assert_eq!(t.mail("broken-no-date.eml")["result"], "new");
    let q = t.queue();
    assert_eq!(
        by_phone(&q, "+47 412 34 512")["received"],
        "2026-11-23T16:20:00+01:00"
    );
    assert_eq!(
        by_phone(&q, "+47 22 33 44 88")["received"],
        "2026-11-23T18:05:00+01:00"
    );
}

#[test]
fn a_20_mb_recording_is_taken_in_from_stdin() {
    let t = Intake::setup();
    let mut mail = String::from(
        "Date: Mon, 23 Nov 2026 09:30:00 +0100\n\
         From: talepost@operator.example.no\n\
         To: vakt@helpline.example.org\n\
         Subject: New voicemail from 22334411\n\
         Message-ID: <big-1@operator.example.no>\n\
         MIME-Version: 1.0\n\
         Content-Type: multipart/mixed; boundary=\"big\"\n\n\
         --big\nContent-Type: text/plain\n\nLength: 59:59\n\n\
         --big\nContent-Type: audio/wav\nContent-Transfer-Encoding: base64\n\
         Content-Disposition: attachment; filename=\"long.wav\"\n\n",
    );
    // 20 MB of base64 in 76-character lines.
    let line = "UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAEAfAAABAAgAZGF0YQAAAAAAAAAAAAAAAAAAAAAA\n";
    let lines = 20 * 1024 * 1024 / line.len() + 1;
    mail.reserve(lines * line.len() + 16);
    for _ in 0..lines {
        mail.push_str(line);
    }
    mail.push_str("--big--\n");
    assert!(mail.len() > 20 * 1024 * 1024);
    let out = t
        .cmd()
        .args(["voicemail", "intake", "--json", "--mail", "-"])
        .write_stdin(mail)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["result"], "new");
    let q = t.queue();
    assert_eq!(q[0]["recordings"][0]["seconds"], 3599);
}

#[test]
fn without_settings_it_says_what_to_do() {
    let db = TestDb::new();
    drop(db.store());
    db.cmd()
        .args(["--lang", "en", "voicemail", "intake", "--mail"])
        .arg(fixture("asterisk.eml"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "No switchboard is set up under [intake]",
        ));
    let t = Intake::setup();
    std::fs::write(
        &t.config,
        "[[intake.switchboard]]\nname = \"pbx\"\nsenders = [\"a@b\"]\nnumber_pattern = '(\\d+)'\n",
    )
    .unwrap();
    t.cmd()
        .args(["voicemail", "intake", "--mail"])
        .arg(fixture("asterisk.eml"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "\"pbx\": number_pattern lacks the group (?P<number>...)",
        ));
    t.cmd()
        .args(["voicemail", "intake", "--maildir"])
        .arg(t.db.dir.path())
        .assert()
        .code(2);
    assert_eq!(t.count("SELECT count(*) FROM messages"), 0);
}

#[test]
fn the_retention_purge_forgets_taken_keys() {
    let t = Intake::setup();
    t.mail("asterisk.eml");
    t.mail("broken-spoofed.eml");
    assert_eq!(t.count("SELECT count(*) FROM intake_taken"), 1);
    t.cmd()
        .args(["purge", "--older-than", "0"])
        .assert()
        .success();
    assert_eq!(t.count("SELECT count(*) FROM intake_taken"), 0);
    assert_eq!(t.count("SELECT count(*) FROM intake_failures"), 0);
}

#[test]
fn a_file_name_cannot_reach_the_terminal_raw() {
    let t = Intake::setup();
    let md = maildir(&t.db.dir.path().join("Maildir"));
    std::fs::copy(
        fixture("broken-garbage.eml"),
        md.join("new/1730000000.M1P1.mx\x1b[2J"),
    )
    .unwrap();
    t.cmd()
        .args(["voicemail", "intake", "--maildir"])
        .arg(&md)
        .assert()
        .success();
    let out = t
        .cmd()
        .args(["voicemail", "intake", "--report"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(!text.contains('\x1b'), "{text:?}");
    assert!(text.contains("1730000000.M1P1.mx\\u{1b}[2J"), "{text}");
}
