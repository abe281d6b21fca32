//! Reading one voicemail notification e-mail: pure, no I/O. The MIME work
//! (encoded words, quoted-printable, base64, charsets, multipart) is
//! mail-parser's; this module only applies a switchboard's rules to what it
//! decoded.

use chrono::{DateTime, Duration, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use mail_parser::{Message, MessageParser, MimeHeaders};

use super::settings::{Place, Rules, TimeRule};
use crate::phone::Phone;

/// E-mails larger than this are refused unread (a voicemail notification
/// with a long recording is a few megabytes).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The longest transcription kept as a summary, in characters: the
/// summary's own limit.
pub const MAX_TRANSCRIPTION: usize = crate::domain::text::MAX_SUMMARY;

/// Who called.
#[derive(Debug, Clone, PartialEq)]
pub enum Caller {
    Number(Phone),
    Withheld,
}

/// What a readable voicemail e-mail says.
#[derive(Debug, Clone, PartialEq)]
pub struct Voicemail {
    /// The switchboard whose rules read it.
    pub switchboard: String,
    pub message_id: Option<String>,
    /// The `From:` address, lower-case.
    pub sender: String,
    pub caller: Caller,
    /// When the message was left.
    pub at: DateTime<Utc>,
    /// A recording is attached (vakt does not keep it).
    pub recording: bool,
    pub seconds: Option<u32>,
    /// Only when the settings allow keeping it.
    pub transcription: Option<String>,
}

/// Why an e-mail could not be taken in. The key is stored; it never
/// carries anything from the e-mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Unreadable,
    TooLarge,
    Sender,
    NoNumber,
    BadNumber,
    NoTime,
    BadTime,
}

impl Reason {
    pub fn key(self) -> &'static str {
        match self {
            Reason::Unreadable => "unreadable",
            Reason::TooLarge => "too_large",
            Reason::Sender => "sender",
            Reason::NoNumber => "no_number",
            Reason::BadNumber => "bad_number",
            Reason::NoTime => "no_time",
            Reason::BadTime => "bad_time",
        }
    }
}

/// An e-mail that could not be taken in, with its Message-ID if one could
/// be read (so a repeat is counted once).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub reason: Reason,
    pub message_id: Option<String>,
}

fn refuse(reason: Reason, message_id: &Option<String>) -> Refusal {
    Refusal {
        reason,
        message_id: message_id.clone(),
    }
}

/// Reads `raw` with the first switchboard whose senders include its
/// `From:` address. `tz` is the configured zone (for times in the body);
/// a time more than five minutes after `now` is refused, one within them
/// is taken as `now` (clocks differ a little).
pub fn read(
    raw: &[u8],
    boards: &[Rules],
    tz: Tz,
    now: DateTime<Utc>,
) -> Result<Voicemail, Refusal> {
    if raw.len() as u64 > MAX_BYTES {
        return Err(refuse(Reason::TooLarge, &None));
    }
    let Some(msg) = MessageParser::default().parse(raw) else {
        return Err(refuse(Reason::Unreadable, &None));
    };
    let message_id = msg
        .message_id()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    // A message without a From: or Date: and without a subject is not an
    // e-mail (binary noise parses as a header block too).
    if msg.from().is_none() && msg.subject().is_none() && msg.date().is_none() {
        return Err(refuse(Reason::Unreadable, &message_id));
    }
    let sender = sole_sender(&msg).ok_or_else(|| refuse(Reason::Sender, &message_id))?;
    let rules = boards
        .iter()
        .find(|r| r.accepts(&sender))
        .ok_or_else(|| refuse(Reason::Sender, &message_id))?;
    let subject = msg.subject().unwrap_or("").to_string();
    let body = msg.body_text(0).map(|b| b.into_owned()).unwrap_or_default();
    let text = |place: Place| -> &str {
        match place {
            Place::Subject => &subject,
            Place::Body => &body,
        }
    };
    let field = rules
        .number
        .captures(text(rules.number_in))
        .and_then(|c| c.name("number"))
        .map(|m| m.as_str().to_string())
        .ok_or_else(|| refuse(Reason::NoNumber, &message_id))?;
    let caller = caller(&field, &rules.withheld).map_err(|r| refuse(r, &message_id))?;
    let at = match &rules.time {
        TimeRule::Date => header_time(&msg),
        TimeRule::Body { pattern, format } => body_time(&body, pattern, format, tz),
    }
    .ok_or_else(|| refuse(Reason::NoTime, &message_id))?;
    if at > now + Duration::minutes(5)
        || crate::when::check_range(at.date_naive(), now.date_naive()).is_err()
    {
        return Err(refuse(Reason::BadTime, &message_id));
    }
    let seconds = rules.duration.as_ref().and_then(|(place, re)| {
        re.captures(text(*place))
            .and_then(|c| c.name("duration"))
            .and_then(|m| duration_secs(m.as_str()))
    });
    let transcription = rules.transcription.as_ref().and_then(|re| {
        re.captures(&body)
            .and_then(|c| c.name("text"))
            .map(|m| clean_text(m.as_str()))
            .filter(|t| !t.is_empty())
    });
    Ok(Voicemail {
        switchboard: rules.name.clone(),
        message_id,
        sender,
        caller,
        at: at.min(now),
        recording: has_recording(&msg),
        seconds,
        transcription,
    })
}

/// The one `From:` address, lower-case. Several addresses, a group or
/// none: no sender.
fn sole_sender(msg: &Message) -> Option<String> {
    let from = msg.from()?;
    let mut all = from.iter();
    let first = all.next()?;
    if all.next().is_some() {
        return None;
    }
    let a = first.address()?.trim().to_lowercase();
    (a.contains('@') && !a.chars().any(char::is_whitespace)).then_some(a)
}

/// What the number field says: a withheld word, or a number.
/// `"Name" <22334455>` (Asterisk's caller ID) gives the part in brackets;
/// `sip:`/`tel:` and a host are dropped.
fn caller(field: &str, withheld: &[String]) -> Result<Caller, Reason> {
    let mut f = field.trim();
    if let (Some(a), Some(b)) = (f.rfind('<'), f.rfind('>'))
        && a < b
    {
        let inner = f[a + 1..b].trim();
        // `"Anonymous" <anonymous>`: the name may carry the word.
        let digits = inner.chars().filter(char::is_ascii_digit).count();
        if digits >= 3 || !is_withheld(f, withheld) {
            f = inner;
        }
    }
    let f = f
        .trim_start_matches("sip:")
        .trim_start_matches("tel:")
        .split('@')
        .next()
        .unwrap_or("")
        .trim();
    let digits = f.chars().filter(char::is_ascii_digit).count();
    if digits < 3 {
        if is_withheld(f, withheld) || is_withheld(field, withheld) {
            return Ok(Caller::Withheld);
        }
        if digits == 0 {
            return Err(Reason::NoNumber);
        }
    }
    // The number may stand among words ("+47 22 33 44 55 (søndag natt)").
    static NUMBER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\+?[0-9][0-9 ()./-]*[0-9]").expect("a valid pattern")
    });
    let f = NUMBER.find(f).map_or(f, |m| m.as_str());
    crate::domain::callback::callback_number(f)
        .map(Caller::Number)
        .map_err(|_| Reason::BadNumber)
}

fn is_withheld(text: &str, words: &[String]) -> bool {
    let t: String = text
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    !t.is_empty()
        && words.iter().any(|w| {
            let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
            !w.is_empty()
                && (t == w
                    || t.starts_with(&format!("{w} "))
                    || t.ends_with(&format!(" {w}"))
                    || t.contains(&format!(" {w} ")))
        })
}

/// The `Date:` header, else the newest `Received:` stamp (what the
/// receiving mail server saw).
fn header_time(msg: &Message) -> Option<DateTime<Utc>> {
    let valid = |d: &mail_parser::DateTime| {
        d.is_valid()
            .then(|| Utc.timestamp_opt(d.to_timestamp(), 0).single())
            .flatten()
    };
    if let Some(d) = msg.date().and_then(valid) {
        return Some(d);
    }
    msg.received_all()
        .filter_map(|r| r.date())
        .filter_map(|d| valid(&d))
        .max()
}

fn body_time(body: &str, pattern: &regex::Regex, format: &str, tz: Tz) -> Option<DateTime<Utc>> {
    let text = pattern
        .captures(body)?
        .name("time")?
        .as_str()
        .trim()
        .to_string();
    let naive = NaiveDateTime::parse_from_str(&text, format).ok()?;
    crate::when::local_to_utc(tz, naive).ok()
}

/// "42", "0:42", "1:02:03" as seconds.
pub fn duration_secs(text: &str) -> Option<u32> {
    let parts: Vec<&str> = text.trim().split(':').collect();
    if parts.is_empty() || parts.len() > 3 || parts.iter().any(|p| p.is_empty() || p.len() > 5) {
        return None;
    }
    let mut total: u32 = 0;
    for (i, p) in parts.iter().enumerate() {
        let n: u32 = p.parse().ok()?;
        if i > 0 && n > 59 {
            return None;
        }
        total = total.checked_mul(60)?.checked_add(n)?;
    }
    Some(total)
}

fn has_recording(msg: &Message) -> bool {
    const AUDIO_NAMES: &[&str] = &[
        ".wav", ".mp3", ".gsm", ".ogg", ".opus", ".m4a", ".wma", ".amr",
    ];
    msg.attachments().any(|part| {
        let audio_type = part
            .content_type()
            .is_some_and(|c| c.ctype().eq_ignore_ascii_case("audio"));
        let audio_name = part.attachment_name().is_some_and(|n| {
            let n = n.to_ascii_lowercase();
            AUDIO_NAMES.iter().any(|ext| n.ends_with(ext))
        });
        audio_type || audio_name
    })
}

/// One line of plain text: no control characters, runs of white space
/// made one space, at most [`MAX_TRANSCRIPTION`] characters.
fn clean_text(s: &str) -> String {
    let spaced: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    spaced
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(MAX_TRANSCRIPTION)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> Vec<String> {
        super::super::settings::DEFAULT_WITHHELD
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    #[test]
    fn durations() {
        assert_eq!(duration_secs("42"), Some(42));
        assert_eq!(duration_secs("0:42"), Some(42));
        assert_eq!(duration_secs("2:05"), Some(125));
        assert_eq!(duration_secs("1:02:03"), Some(3723));
        assert_eq!(duration_secs("1:75"), None);
        assert_eq!(duration_secs(""), None);
        assert_eq!(duration_secs("1:2:3:4"), None);
        assert_eq!(duration_secs("x"), None);
        assert_eq!(duration_secs("999999999"), None);
    }

    #[test]
    fn caller_fields() {
        let w = words();
        let n = |s: &str| match caller(s, &w) {
            Ok(Caller::Number(p)) => Some(p.as_str().to_string()),
            _ => None,
        };
        assert_eq!(n("22334455"), n("+47 22 33 44 55"));
        assert!(n("\"Kari\" <22334455>").is_some());
        assert!(n("<sip:22334455@pbx.example.org>").is_some());
        assert!(n("tel:+4722334455").is_some());
        assert_eq!(n("+47 22 33 44 55 (søndag natt)"), n("22334455"));
        for w_ in [
            "Skjult nummer",
            "UKJENT",
            "Anonymous",
            "\"Anonymous\" <anonymous>",
            "an unknown caller",
            "Private",
            "\"Unknown\" <Unknown>",
        ] {
            assert_eq!(caller(w_, &w), Ok(Caller::Withheld), "{w_}");
        }
        assert_eq!(caller("Kari Nordmann", &w), Err(Reason::NoNumber));
        assert_eq!(caller("12", &w), Err(Reason::BadNumber));
        assert_eq!(caller("999999999999999999999", &w), Err(Reason::BadNumber));
        // A word inside another word is not a match.
        assert!(!is_withheld("privatesen", &w));
    }

    #[test]
    fn clean_text_strips_controls() {
        assert_eq!(clean_text("a\x1b[31mb\r\n  c\t"), "a [31mb c");
        assert_eq!(
            clean_text(&"x".repeat(5000)).chars().count(),
            MAX_TRANSCRIPTION
        );
    }
}
