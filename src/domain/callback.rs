//! A callback item as it comes in: a new voicemail or complaint, the words
//! on an item (name, summary, safety instructions), and a note on an
//! attempt. The terminal app's forms, `vakt voicemail add`,
//! `vakt complaint add` and `vakt callback attempt` all build their values
//! here, so a limit or a required field is decided once.
//!
//! The instant a message was received is read (and its range checked) by
//! [`crate::when`]; the number by [`crate::phone`].

use chrono::{DateTime, Datelike, Utc};
use chrono_tz::Tz;

use super::safe_time;
use super::text::{self, TextError, TextField};
use crate::calendar::CalendarSettings;
use crate::domain::promise::{AttemptResult, Kind, Safety};
use crate::phone::{Phone, PhoneError};
use crate::when::{self, WhenError};

/// A voicemail as entered by the person on duty, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct NewVoicemail {
    pub received_at: DateTime<Utc>,
    pub phone: Phone,
    pub label: String,
    pub summary: String,
    pub safety: Safety,
}

/// A letter or e-mail that must be answered within 21 days, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct NewComplaint {
    pub received_at: DateTime<Utc>,
    pub label: String,
    pub summary: String,
}

/// The words on an item, checked: what a form edits.
#[derive(Debug, Clone, PartialEq)]
pub struct Details {
    pub label: String,
    pub summary: String,
    pub safety: Safety,
}

impl Details {
    /// Checks a name or alias, a summary and the safety instructions. A
    /// complaint needs a summary (the letter must be answered on what it
    /// says); a voicemail may have none.
    pub fn new(
        kind: Kind,
        label: &str,
        summary: &str,
        safety: &Safety,
    ) -> Result<Details, TextError> {
        let label = text::clean(label, TextField::Label)?;
        let summary = match kind {
            Kind::Complaint => text::required(summary, TextField::Summary)?,
            Kind::Voicemail => text::clean(summary, TextField::Summary)?,
        };
        Ok(Details {
            label,
            summary,
            safety: check_safety(safety)?,
        })
    }
}

/// Checks the free text in safety instructions (the choices need none).
pub fn check_safety(s: &Safety) -> Result<Safety, TextError> {
    Ok(Safety {
        safe_times: text::clean(&s.safe_times, TextField::SafeTimes)?,
        note: text::clean(&s.note, TextField::SafetyNote)?,
        ..s.clone()
    })
}

impl NewVoicemail {
    /// The one way a voicemail with a number is made, from the app and
    /// from every command.
    pub fn new(
        received_at: DateTime<Utc>,
        phone: Phone,
        label: &str,
        summary: &str,
        safety: &Safety,
    ) -> Result<NewVoicemail, TextError> {
        let d = Details::new(Kind::Voicemail, label, summary, safety)?;
        Ok(NewVoicemail {
            received_at,
            phone,
            label: d.label,
            summary: d.summary,
            safety: d.safety,
        })
    }
}

impl NewComplaint {
    /// The one way a complaint is made: it needs a summary.
    pub fn new(
        received_at: DateTime<Utc>,
        label: &str,
        summary: &str,
    ) -> Result<NewComplaint, TextError> {
        let d = Details::new(Kind::Complaint, label, summary, &Safety::default())?;
        Ok(NewComplaint {
            received_at,
            label: d.label,
            summary: d.summary,
        })
    }
}

/// The number of a caller to call back, as typed or as the switchboard
/// sent it: any number [`Phone::parse`] accepts except an emergency number
/// (110, 112, 113, 1412), which is never a callback.
pub fn callback_number(input: &str) -> Result<Phone, PhoneError> {
    let phone = Phone::parse(input)?;
    if phone.is_emergency() {
        return Err(PhoneError::Emergency {
            number: phone.as_str().to_string(),
        });
    }
    Ok(phone)
}

/// What the caller said about a message on their phone, when an attempt
/// says one was left against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageWish {
    /// The caller said do NOT leave a message.
    SaidNo,
    /// The caller never said a message is all right.
    NotSaid,
}

/// Whether recording `result` goes against what the caller said about
/// messages: "left a message" where the caller said no, or never said yes.
/// The app asks before saving such an attempt, naming the wish; the command
/// line wants `--against-wish`. Any other result never asks.
pub fn message_against_wish(result: AttemptResult, safety: &Safety) -> Option<MessageWish> {
    if result != AttemptResult::LeftMessage {
        return None;
    }
    match safety.may_leave_message {
        Some(true) => None,
        Some(false) => Some(MessageWish::SaidNo),
        None => Some(MessageWish::NotSaid),
    }
}

/// Reads a planned callback time as the person types it, in zone `tz`,
/// from `now`: a weekday and a clock time (`torsdag 12`, `thu 12:30`: the
/// next such day, today included while the time is still ahead), `i morgen
/// 13:00` / `tomorrow 13:00`, `i dag 14` / `today 14`, a clock time alone
/// (today), `YYYY-MM-DD HH:MM`, or RFC 3339. `kl.` / `at` before the time
/// may be written. The hour alone (`12`) is a whole hour.
pub fn parse_planned(input: &str, now: DateTime<Utc>, tz: Tz) -> Result<DateTime<Utc>, WhenError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(WhenError::Empty);
    }
    if s.chars().count() > 64 {
        return Err(WhenError::TooLong);
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        let today = now.with_timezone(&tz).date_naive();
        when::check_range(t.with_timezone(&tz).date_naive(), today)?;
        return Ok(t.with_timezone(&Utc));
    }
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower
        .split_whitespace()
        .filter(|w| !matches!(*w, "kl." | "kl" | "at" | "klokka" | "klokken"))
        .collect();
    let local_now = now.with_timezone(&tz);
    let today = local_now.date_naive();
    let clock =
        |t: &str| crate::calendar::parse_clock(t).ok_or_else(|| WhenError::BadTime(t.to_string()));
    let (date, time) = match words.as_slice() {
        [t] => (today, clock(t)?),
        ["i", "dag", t] | ["idag", t] | ["today", t] => (today, clock(t)?),
        ["i", "morgen", t] | ["imorgen", t] | ["tomorrow", t] => {
            (today.succ_opt().ok_or(WhenError::Format)?, clock(t)?)
        }
        // Read, so that the answer is that it has passed, not how to write it.
        ["i", "går", t] | ["igår", t] | ["yesterday", t] => {
            (today.pred_opt().ok_or(WhenError::Format)?, clock(t)?)
        }
        [d, t] => {
            let time = clock(t)?;
            match crate::calendar::parse_weekday(d) {
                Some(wd) => {
                    let ahead = (7 + wd.num_days_from_monday()
                        - today.weekday().num_days_from_monday())
                        % 7;
                    let mut date = today + chrono::Duration::days(i64::from(ahead));
                    // Today's weekday with a time already past: next week.
                    if ahead == 0 && time <= local_now.time() {
                        date += chrono::Duration::days(7);
                    }
                    (date, time)
                }
                None => (when::parse_day(d, today)?, time),
            }
        }
        _ => return Err(WhenError::Format),
    };
    when::check_range(date, today)?;
    when::local_to_utc(tz, date.and_time(time))
}

/// Why a planned callback time cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanError {
    /// The time could not be read.
    When(WhenError),
    /// It has passed.
    Past,
    /// The line is closed then.
    Closed,
    /// Outside the window the caller said is safe.
    Unsafe,
}

/// Checks a planned callback: ahead of `now`, while the line is open that
/// day (opening inclusive, closing exclusive), and inside the caller's safe
/// window when the words could be read (words that could not be read are
/// left to the person, who has them in front of them). The app and
/// `vakt callback plan` both come here.
pub fn check_planned(
    cal: &CalendarSettings,
    safety: &Safety,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, PlanError> {
    if at <= now {
        return Err(PlanError::Past);
    }
    let local = at.with_timezone(&cal.tz);
    let open = cal
        .hours_on(local.date_naive())
        .is_some_and(|h| h.open <= local.time() && local.time() < h.close);
    if !open {
        return Err(PlanError::Closed);
    }
    match safe_time::read(&safety.safe_times) {
        w @ safe_time::SafeTimes::Windows(_) if !w.allows(local.weekday(), local.time()) => {
            Err(PlanError::Unsafe)
        }
        _ => Ok(at),
    }
}

/// Whether a planned time lets a promise break: the item has not been
/// tried and the plan lies after its deadline. Allowed (the caller's safe
/// time may demand it), but the person planning it is told.
pub fn plan_breaks_promise(at: DateTime<Utc>, deadline: DateTime<Utc>, attempts: u32) -> bool {
    attempts == 0 && at > deadline
}

/// Reads and checks a planned callback time in one step.
pub fn plan_callback(
    input: &str,
    cal: &CalendarSettings,
    safety: &Safety,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, PlanError> {
    let at = parse_planned(input, now, cal.tz).map_err(PlanError::When)?;
    check_planned(cal, safety, at, now)
}

/// Why the time given for an attempt cannot be right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttemptTimeError {
    /// Before the item was received: a callback cannot come before the
    /// call it answers (almost always a typo in the date), and it would
    /// count a missed deadline as kept.
    BeforeReceived,
    /// Later than now.
    InFuture,
}

/// Checks when an attempt was made: not before the item was received, not
/// after now. The store applies it to every attempt, from the app and the
/// command line alike.
pub fn check_attempt_time(
    at: DateTime<Utc>,
    received_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), AttemptTimeError> {
    if at < received_at {
        Err(AttemptTimeError::BeforeReceived)
    } else if at > now {
        Err(AttemptTimeError::InFuture)
    } else {
        Ok(())
    }
}

/// Checks the note on one callback attempt (may be empty).
pub fn attempt_note(input: &str) -> Result<String, TextError> {
    text::clean(input, TextField::AttemptNote)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::text::TextProblem;
    use chrono::TimeZone;

    fn at() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 9, 42, 0).unwrap()
    }

    fn phone() -> Phone {
        Phone::parse("+47 22 33 44 55").unwrap()
    }

    #[test]
    fn a_voicemail_is_trimmed_and_limited() {
        let s = Safety {
            safe_times: " etter 16 ".into(),
            ..Safety::default()
        };
        let v = NewVoicemail::new(at(), phone(), " Kari ", " ring ", &s).unwrap();
        assert_eq!((v.label.as_str(), v.summary.as_str()), ("Kari", "ring"));
        assert_eq!(v.safety.safe_times, "etter 16");
        let e = NewVoicemail::new(at(), phone(), &"x".repeat(81), "", &s).unwrap_err();
        assert_eq!(e.field, TextField::Label);
        let e = NewVoicemail::new(at(), phone(), "", &"x".repeat(501), &s).unwrap_err();
        assert_eq!(e.field, TextField::Summary);
        let long = Safety {
            safe_times: "x".repeat(121),
            ..Safety::default()
        };
        let e = NewVoicemail::new(at(), phone(), "", "", &long).unwrap_err();
        assert_eq!(e.field, TextField::SafeTimes);
        let ctl = Safety {
            note: "\u{1b}[2J".into(),
            ..Safety::default()
        };
        let e = NewVoicemail::new(at(), phone(), "", "", &ctl).unwrap_err();
        assert_eq!(
            (e.field, e.problem),
            (TextField::SafetyNote, TextProblem::Control)
        );
        // A voicemail needs no summary.
        assert!(NewVoicemail::new(at(), phone(), "", "", &Safety::default()).is_ok());
    }

    #[test]
    fn a_complaint_needs_a_summary() {
        let e = NewComplaint::new(at(), "Kari", "  ").unwrap_err();
        assert_eq!(
            (e.field, e.problem),
            (TextField::Summary, TextProblem::Required)
        );
        assert_eq!(
            NewComplaint::new(at(), "", " brev ").unwrap().summary,
            "brev"
        );
        let e = Details::new(Kind::Complaint, "", "", &Safety::default()).unwrap_err();
        assert_eq!(e.problem, TextProblem::Required);
    }

    #[test]
    fn an_attempt_lies_between_the_receipt_and_now() {
        let received = at();
        let now = at() + chrono::Duration::hours(5);
        let ok = |t| check_attempt_time(t, received, now);
        assert_eq!(ok(received), Ok(()));
        assert_eq!(ok(now), Ok(()));
        assert_eq!(
            ok(received - chrono::Duration::seconds(1)),
            Err(AttemptTimeError::BeforeReceived)
        );
        assert_eq!(
            ok(now + chrono::Duration::seconds(1)),
            Err(AttemptTimeError::InFuture)
        );
    }

    #[test]
    fn attempt_notes_are_limited() {
        assert_eq!(attempt_note(" svarte ikke ").unwrap(), "svarte ikke");
        assert!(attempt_note(&"x".repeat(1000)).is_ok());
        assert_eq!(
            attempt_note(&"x".repeat(64_000)).unwrap_err().problem,
            TextProblem::TooLong {
                chars: 64_000,
                max: 1000
            }
        );
    }

    fn oslo(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        use chrono::TimeZone;
        chrono_tz::Europe::Oslo
            .with_ymd_and_hms(2026, 11, d, h, m, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn planned_times_are_read_as_people_say_them() {
        // Monday 23 November 2026, 10:42 in Oslo.
        let now = oslo(23, 10, 42);
        let tz = chrono_tz::Europe::Oslo;
        let p = |s: &str| parse_planned(s, now, tz);
        assert_eq!(p("torsdag 12"), Ok(oslo(26, 12, 0)));
        assert_eq!(p("Thu 12:30"), Ok(oslo(26, 12, 30)));
        assert_eq!(p("tor. kl. 13.15"), Ok(oslo(26, 13, 15)));
        assert_eq!(p("i morgen 13:00"), Ok(oslo(24, 13, 0)));
        assert_eq!(p("tomorrow at 9"), Ok(oslo(24, 9, 0)));
        assert_eq!(p("14:00"), Ok(oslo(23, 14, 0)));
        assert_eq!(p("i dag 14"), Ok(oslo(23, 14, 0)));
        assert_eq!(p("2026-11-27 10:00"), Ok(oslo(27, 10, 0)));
        // Monday already past 10:00: next Monday; still ahead today: today.
        assert_eq!(p("mandag 10:00"), Ok(oslo(30, 10, 0)));
        assert_eq!(p("mandag 11:00"), Ok(oslo(23, 11, 0)));
        assert_eq!(p(""), Err(WhenError::Empty));
        assert_eq!(p("snart"), Err(WhenError::BadTime("snart".into())));
        assert_eq!(p("torsdag 25:00"), Err(WhenError::BadTime("25:00".into())));
        assert_eq!(p("på torsdag etter 12"), Err(WhenError::Format));
    }

    #[test]
    fn a_plan_is_ahead_inside_the_hours_and_the_safe_window() {
        let cal = CalendarSettings::default();
        let now = oslo(23, 10, 42);
        let after_12 = Safety {
            safe_times: "etter kl. 12".into(),
            ..Safety::default()
        };
        let plan = |s: &str, safety: &Safety| plan_callback(s, &cal, safety, now);
        assert_eq!(plan("torsdag 12:00", &after_12), Ok(oslo(26, 12, 0)));
        assert_eq!(plan("torsdag 11:00", &after_12), Err(PlanError::Unsafe));
        assert_eq!(plan("torsdag 08:00", &after_12), Err(PlanError::Closed));
        // Closing is exclusive; Saturday is closed.
        assert_eq!(
            plan("torsdag 15:00", &Safety::default()),
            Err(PlanError::Closed)
        );
        assert_eq!(
            plan("lørdag 12:00", &Safety::default()),
            Err(PlanError::Closed)
        );
        assert_eq!(plan("10:00", &Safety::default()), Err(PlanError::Past));
        // Words that could not be read are left to the person.
        let unread = Safety {
            safe_times: "spør mora først".into(),
            ..Safety::default()
        };
        assert_eq!(plan("torsdag 10:00", &unread), Ok(oslo(26, 10, 0)));
        assert!(matches!(plan("x", &unread), Err(PlanError::When(_))));
    }

    #[test]
    fn only_a_message_left_against_the_wish_asks() {
        let with = |m| Safety {
            may_leave_message: m,
            ..Safety::default()
        };
        let left = AttemptResult::LeftMessage;
        assert_eq!(
            message_against_wish(left, &with(Some(false))),
            Some(MessageWish::SaidNo)
        );
        assert_eq!(
            message_against_wish(left, &with(None)),
            Some(MessageWish::NotSaid)
        );
        assert_eq!(message_against_wish(left, &with(Some(true))), None);
        for r in [
            AttemptResult::Reached,
            AttemptResult::NoAnswer,
            AttemptResult::Busy,
            AttemptResult::WrongNumber,
        ] {
            for m in [None, Some(false), Some(true)] {
                assert_eq!(message_against_wish(r, &with(m)), None, "{r:?} {m:?}");
            }
        }
    }

    #[test]
    fn an_emergency_number_is_never_a_callback() {
        for n in ["110", "112", "113", "1412", "+47 113", "0047 112"] {
            assert!(
                matches!(callback_number(n), Err(PhoneError::Emergency { .. })),
                "{n}"
            );
        }
        assert_eq!(
            callback_number("116 123").unwrap().as_str(),
            Phone::parse("116123").unwrap().as_str()
        );
        assert!(callback_number("+47 22 33 44 55").is_ok());
        assert_eq!(callback_number(""), Err(PhoneError::Empty));
    }
}
