//! Voicemail intake: 10 000 e-mails in a Maildir taken in by one run, total
//! time and per message; and one e-mail through the binary with `--mail`
//! (process start, database open and the commit included), as a mail
//! filter runs it.
//!
//! Run: `cargo bench --bench intake`. The mix: Asterisk, FreePBX, sipXecs
//! and generic shapes with a small audio attachment, one in five from a
//! number already in the queue (joins), one in fifty that cannot be read.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::Utc;
use vakt::i18n::Lang;
use vakt::intake::{self, maildir::Maildir, settings::IntakeConfig};
use vakt::store::Store;

const MESSAGES: usize = 10_000;
const RUNS: usize = 3;
const MAIL_RUNS: usize = 50;

const SETTINGS: &str = r#"
[[switchboard]]
name = "asterisk"
preset = "asterisk"
senders = ["asterisk@pbx.example.org"]

[[switchboard]]
name = "freepbx"
preset = "freepbx"
senders = ["voicemail@freepbx.example.org"]

[[switchboard]]
name = "sipxecs"
preset = "sipxecs"
senders = ["@sipx.example.org"]

[[switchboard]]
name = "operator"
preset = "generic"
senders = ["talepost@operator.example.no"]
"#;

/// About 8 kB of base64: a short recording's size class.
fn attachment() -> String {
    let line = "UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAEAfAAABAAgAZGF0YQAAAAAAAAAAAAAAAAAAAAAA\n";
    line.repeat(110)
}

fn mail(i: usize, audio: &str) -> String {
    // One in five repeats an earlier number (joins its item).
    let n = if i % 5 == 4 { i - 4 } else { i };
    let number = format!("22{:06}", n % 1_000_000);
    let minute = i % 60;
    let date = format!(
        "Mon, 23 Nov 2026 0{}:{minute:02}:00 +0100",
        1 + (i / 60) % 8
    );
    if i % 50 == 49 {
        return format!(
            "Date: {date}\nFrom: someone@attacker.test\nSubject: New voicemail from {number}\n\
             Message-ID: <bad-{i}@attacker.test>\n\nhello\n"
        );
    }
    let (from, subject, body) = match i % 4 {
        0 => (
            "asterisk@pbx.example.org",
            "[PBX]: New message 1 in mailbox 100".to_string(),
            format!(
                "Dear Vakt:\n\n\tJust wanted to let you know you were just left a 0:{minute:02} long message (number 1)\n\
                 in mailbox 100 from {number}, on Monday so you might\nwant to check it.\n"
            ),
        ),
        1 => (
            "voicemail@freepbx.example.org",
            "PBX Voicemail Notification".to_string(),
            format!(
                "Vakt,\n\nThere is a new voicemail in mailbox 100:\n\n\tFrom:\t\"Kari\" <{number}>\n\tLength:\t0:{minute:02} seconds\n"
            ),
        ),
        2 => (
            "postmaster@sipx.example.org",
            format!("0:{minute:02} Voice Message from {number} (Ola)"),
            "Voice message.\n".to_string(),
        ),
        _ => (
            "talepost@operator.example.no",
            format!("New voicemail from {number}"),
            format!("Length: 0:{minute:02}\n"),
        ),
    };
    format!(
        "Date: {date}\nFrom: {from}\nTo: vakt@helpline.example.org\nSubject: {subject}\n\
         Message-ID: <bench-{i}@pbx.example.org>\nMIME-Version: 1.0\n\
         Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n\
         {body}\n--b\nContent-Type: audio/x-wav; name=\"msg.wav\"\nContent-Transfer-Encoding: base64\n\
         Content-Disposition: attachment; filename=\"msg.wav\"\n\n{audio}--b--\n"
    )
}

fn fill(md: &Path) {
    let audio = attachment();
    for sub in ["new", "cur", "tmp"] {
        std::fs::create_dir_all(md.join(sub)).unwrap();
    }
    for i in 0..MESSAGES {
        std::fs::write(
            md.join("new").join(format!("17000{i:05}.M{i}P1.bench")),
            mail(i, &audio),
        )
        .unwrap();
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let cfg: IntakeConfig = toml::from_str(SETTINGS).expect("settings");
    let boards = cfg.rules(Lang::En).expect("rules");
    let mut totals = Vec::new();
    for run in 0..RUNS {
        let dir = tempfile::tempdir().unwrap();
        let md = dir.path().join("Maildir");
        fill(&md);
        let mut store = Store::create(&dir.path().join("vakt.db")).unwrap();
        let cal = store.calendar().unwrap();
        let maildir = Maildir::open(&md).unwrap();
        let start = Instant::now();
        let s = intake::take_maildir(&mut store, &boards, &cal, &maildir, "BENCH", Utc::now())
            .expect("intake");
        let took = start.elapsed();
        assert_eq!(
            (s.new + s.joined + s.failed) as usize,
            MESSAGES,
            "every message handled"
        );
        println!(
            "run {}: {MESSAGES} messages in {:.2} s ({} new, {} joined, {} failed)",
            run + 1,
            took.as_secs_f64(),
            s.new,
            s.joined,
            s.failed
        );
        totals.push(took);
    }
    let m = median(totals);
    println!(
        "maildir: median {:.2} s for {MESSAGES} messages, {:.3} ms per message",
        m.as_secs_f64(),
        m.as_secs_f64() * 1000.0 / MESSAGES as f64
    );

    // --mail through the binary, one process per e-mail.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("vakt.db");
    drop(Store::create(&db).unwrap());
    let settings = dir.path().join("settings.toml");
    std::fs::write(
        &settings,
        SETTINGS.replace("[[switchboard]]", "[[intake.switchboard]]"),
    )
    .unwrap();
    let audio = attachment();
    let mut times = Vec::new();
    for i in 0..MAIL_RUNS {
        let file = dir.path().join("one.eml");
        std::fs::write(&file, mail(i * 4 + 3, &audio)).unwrap();
        let start = Instant::now();
        let out = Command::new(env!("CARGO_BIN_EXE_vakt"))
            .env_clear()
            .env("HOME", dir.path())
            .args([
                "--db",
                &db.display().to_string(),
                "--config",
                &settings.display().to_string(),
            ])
            .args([
                "--lang",
                "en",
                "voicemail",
                "intake",
                "--mail",
                &file.display().to_string(),
            ])
            .output()
            .unwrap();
        times.push(start.elapsed());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    times.sort();
    println!(
        "--mail: median {:.1} ms, p99 {:.1} ms per e-mail ({MAIL_RUNS} runs)",
        times[MAIL_RUNS / 2].as_secs_f64() * 1000.0,
        times[(MAIL_RUNS * 99 / 100).min(MAIL_RUNS - 1)].as_secs_f64() * 1000.0
    );
}
