//! What the person on duty sees of the intake: the top line counts
//! e-mails that could not be read, new items appear in an open app, and the
//! handover review counts what arrived while the line was closed.

mod common;
mod intake_support;

use common::monday_morning;
use intake_support::Intake;
use serde_json::Value;
use vakt::i18n::Lang;
use vakt::tui::render_text;

#[test]
fn top_line_counts_unreadable_mail_and_new_items_show_live() {
    let t = Intake::setup();
    let mut app = t.db.app(Lang::En, monday_morning());
    let masked = vakt::phone::Phone::parse("22334455").unwrap().masked();
    assert!(!render_text(&app, 200, 30).contains(&masked));
    let top = |app: &vakt::tui::App| {
        render_text(app, 200, 30)
            .lines()
            .next()
            .unwrap()
            .to_string()
    };
    assert!(!top(&app).contains("could not be read"), "{}", top(&app));

    // Another process takes in one good e-mail and two it cannot read.
    t.mail("asterisk.eml");
    t.mail("broken-spoofed.eml");
    app.poll_db();
    assert!(
        top(&app).contains("1 voicemail e-mail could not be read"),
        "{}",
        top(&app)
    );
    t.mail("broken-truncated.eml");
    app.poll_db();
    let line = top(&app);
    assert!(
        line.contains("2 voicemail e-mails could not be read"),
        "{line}"
    );
    // No caller data in it.
    assert!(!line.contains("22334"), "{line}");
    // The item is in the open app's queue.
    let screen = render_text(&app, 200, 30);
    assert!(screen.contains(&masked), "{masked} not in\n{screen}");

    // Dismissed: the line is short again.
    t.cmd()
        .args(["voicemail", "intake", "--dismiss"])
        .assert()
        .success();
    app.poll_db();
    assert!(!top(&app).contains("could not be read"));

    // Norwegian too.
    t.mail("broken-garbage.eml");
    let app = t.db.app(Lang::Nb, monday_morning());
    let line = render_text(&app, 200, 30)
        .lines()
        .next()
        .unwrap()
        .to_string();
    assert!(
        line.contains("1 talemeldings-e-post kunne ikke leses"),
        "{line}"
    );
}

fn handover(t: &Intake, date: &str) -> Value {
    let out = t.db.output(&[
        "--lang", "en", "handover", "--date", date, "--format", "json",
    ]);
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn handover_counts_what_arrived_while_closed() {
    let t = Intake::setup();
    for f in [
        "generic-nb.eml",       // Saturday 22:10, closed, by e-mail
        "generic-withheld.eml", // Sunday 03:12, closed, withheld
        "asterisk.eml",         // Monday 10:42, open
        "freepbx.eml",          // Monday 14:15, open
        "broken-no-date.eml",   // Monday 18:05 (Received:), closed
    ] {
        t.mail(f);
    }
    // One typed in by hand on Sunday: counted, not by e-mail.
    t.db.output(&[
        "voicemail",
        "add",
        "--phone",
        "+47 22 33 44 66",
        "--received",
        "2026-11-22 12:00",
        "--old",
    ]);
    let sat = handover(&t, "2026-11-21");
    assert_eq!(
        sat["closed_arrivals"],
        serde_json::json!({"count": 1, "by_email": 1, "withheld": 0})
    );
    let sun = handover(&t, "2026-11-22");
    assert_eq!(
        sun["closed_arrivals"],
        serde_json::json!({"count": 2, "by_email": 1, "withheld": 1})
    );
    let mon = handover(&t, "2026-11-23");
    assert_eq!(
        mon["closed_arrivals"],
        serde_json::json!({"count": 1, "by_email": 1, "withheld": 0})
    );
    let text =
        String::from_utf8(t.db.output(&["--lang", "en", "handover", "--date", "2026-11-22"]))
            .unwrap();
    assert!(
        text.contains(
            "While the line was closed: 2 voicemails arrived (1 by e-mail, 1 from withheld numbers)."
        ),
        "{text}"
    );
    // A day with none says nothing about it.
    let none =
        String::from_utf8(t.db.output(&["--lang", "en", "handover", "--date", "2026-11-20"]))
            .unwrap();
    assert!(!none.contains("While the line was closed"), "{none}");
}
