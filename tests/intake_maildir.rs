//! A Maildir under load: two intakes at once take each message exactly
//! once, and an intake killed halfway (SIGKILL) loses and duplicates
//! nothing when the next run finishes the job.

mod common;
mod intake_support;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use intake_support::{Intake, maildir};

/// `n` voicemail e-mails from distinct synthetic numbers.
fn fill(md: &Path, n: usize) {
    for i in 0..n {
        let mail = format!(
            "Date: Mon, 23 Nov 2026 10:{:02}:{:02} +0100\n\
             From: talepost@operator.example.no\n\
             To: vakt@helpline.example.org\n\
             Subject: New voicemail from 2250{i:04}\n\
             Message-ID: <load-{i}@operator.example.no>\n\
             Content-Type: text/plain\n\nLength: 0:{:02}\n",
            (i / 60) % 60,
            i % 60,
            i % 60,
        );
        // Written to tmp/ and renamed, as a delivery agent does.
        let name = format!("17000{i:05}.M{i}P1.mx");
        std::fs::write(md.join("tmp").join(&name), mail).unwrap();
        std::fs::rename(md.join("tmp").join(&name), md.join("new").join(&name)).unwrap();
    }
}

fn count(dir: &Path) -> usize {
    std::fs::read_dir(dir).map(|d| d.count()).unwrap_or(0)
}

fn intake_process(t: &Intake, md: &Path) -> Command {
    let home = t.db.dir.path();
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("vakt"));
    c.env_clear()
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("VAKT_DB", &t.db.path)
        .env("VAKT_AS", "TEST")
        .env("VAKT_CONFIG", &t.config)
        .args(["--lang", "en", "voicemail", "intake", "--json", "--maildir"])
        .arg(md)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

fn check_all_taken_once(t: &Intake, md: &Path, n: usize) {
    assert_eq!(count(&md.join("new")), 0);
    assert_eq!(count(&md.join("cur")), n);
    assert_eq!(count(&md.join(".failed/new")), 0);
    assert_eq!(t.count("SELECT count(*) FROM messages") as usize, n);
    assert_eq!(t.count("SELECT count(*) FROM callbacks") as usize, n);
    assert_eq!(
        t.count("SELECT count(DISTINCT phone) FROM callbacks") as usize,
        n
    );
    assert_eq!(t.count("SELECT count(*) FROM intake_taken") as usize, n);
    assert_eq!(t.count("SELECT count(*) FROM intake_failures"), 0);
}

#[test]
fn two_intakes_at_once_take_each_message_once() {
    let t = Intake::setup();
    let md = maildir(&t.db.dir.path().join("Maildir"));
    let n = 600;
    fill(&md, n);
    let a = intake_process(&t, &md).spawn().unwrap();
    let b = intake_process(&t, &md).spawn().unwrap();
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    let sa: serde_json::Value = serde_json::from_slice(&a.stdout).unwrap();
    let sb: serde_json::Value = serde_json::from_slice(&b.stdout).unwrap();
    // Between them they created each item once; what one saw the other
    // take is at most a duplicate, never a second item.
    assert_eq!(
        sa["new"].as_u64().unwrap() + sb["new"].as_u64().unwrap(),
        n as u64,
        "{sa} {sb}"
    );
    assert_eq!(sa["failed"], 0);
    assert_eq!(sb["failed"], 0);
    check_all_taken_once(&t, &md, n);
}

#[test]
fn sigkill_halfway_loses_and_duplicates_nothing() {
    let t = Intake::setup();
    let md = maildir(&t.db.dir.path().join("Maildir"));
    let n = 3000;
    fill(&md, n);
    let mut child = intake_process(&t, &md).spawn().unwrap();
    // Kill it as soon as the first batch has been committed and moved.
    let start = Instant::now();
    while count(&md.join("cur")) == 0 && start.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap(); // SIGKILL
    let status = child.wait().unwrap();
    assert!(!status.success(), "the run finished before it was killed");
    let (left, moved) = (count(&md.join("new")), count(&md.join("cur")));
    assert!(
        moved > 0 && left > 0,
        "not halfway: {moved} moved, {left} left"
    );
    // Nothing lost: every file is in new/ or cur/.
    assert_eq!(left + moved, n);
    // Everything moved is saved (a file moves only after its commit).
    assert!(t.count("SELECT count(*) FROM messages") as usize >= moved);
    // The next run (the timer's) finishes the job.
    let out = intake_process(&t, &md).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    check_all_taken_once(&t, &md, n);
}
