//! A callback item as it comes in: a new voicemail or complaint, the words
//! on an item (name, summary, safety instructions), and a note on an
//! attempt. The terminal app's forms, `vakt voicemail add`,
//! `vakt complaint add` and `vakt callback attempt` all build their values
//! here, so a limit or a required field is decided once.
//!
//! The instant a message was received is read (and its range checked) by
//! [`crate::when`]; the number by [`crate::phone`].

use chrono::{DateTime, Utc};

use super::text::{self, TextError, TextField};
use crate::callback::{AttemptResult, Kind, Safety};
use crate::phone::{Phone, PhoneError};

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
