//! What known switchboards' voicemail e-mails look like. Each preset says
//! where it comes from; docs/admin.md shows an example of each.
//!
//! - `asterisk`: Asterisk's `app_voicemail` when `voicemail.conf` sets no
//!   `emailbody`: the built-in body "Dear NAME: Just wanted to let you know
//!   you were just left a M:SS long message (number N) in mailbox BOX from
//!   CALLER, on DATE so you might want to check it ...", subject
//!   "[PBX]: New message N in mailbox BOX". CALLER is the caller-ID name if
//!   there is one, else the number, else "an unknown caller".
//! - `freepbx`: FreePBX's Voicemail Admin default `emailbody`:
//!   "There is a new voicemail in mailbox BOX: From: CALLERID Length: M:SS
//!   seconds Date: DATE", subject "PBX Voicemail Notification", where
//!   CALLERID is `"Name" <number>` (Asterisk's `${VM_CALLERID}`).
//! - `sipxecs`: sipXecs/sipXcom voicemail notification (its
//!   `EmailFormats.properties`): subject "M:SS Voice Message from NUMBER
//!   (Name)".
//! - `generic`: the common "New voicemail from NUMBER" subject (also
//!   "Voice message from", Norwegian "Ny talemelding fra"), with an
//!   optional "Length:"/"Varighet:" line and "Transcription:" section in
//!   the body. Hosted switchboards whose template can be edited can be set
//!   to send this shape.

use super::settings::Place;

/// A known e-mail shape.
#[derive(Debug, Clone, Copy)]
pub struct Preset {
    pub key: &'static str,
    pub number_in: Place,
    pub number_pattern: &'static str,
    pub duration_in: Place,
    pub duration_pattern: Option<&'static str>,
    /// The switchboard can put a transcription in the body (kept only if
    /// the settings say `keep_transcription = true`).
    pub transcription_pattern: Option<&'static str>,
}

pub const ALL: &[Preset] = &[
    Preset {
        key: "asterisk",
        number_in: Place::Body,
        number_pattern: r"(?s)in mailbox \S+ from (?P<number>.+?), on ",
        duration_in: Place::Body,
        duration_pattern: Some(r"left a (?P<duration>\d+:\d{2}) long message"),
        transcription_pattern: None,
    },
    Preset {
        key: "freepbx",
        number_in: Place::Body,
        number_pattern: r"(?m)^\s*From:\s*(?P<number>.+?)\s*$",
        duration_in: Place::Body,
        duration_pattern: Some(r"(?m)^\s*Length:\s*(?P<duration>\d+:\d{2})"),
        transcription_pattern: None,
    },
    Preset {
        key: "sipxecs",
        number_in: Place::Subject,
        number_pattern: r"Voice Message from (?P<number>\S+)",
        duration_in: Place::Subject,
        duration_pattern: Some(r"^\s*(?P<duration>\d+:\d{2}) Voice Message"),
        transcription_pattern: None,
    },
    Preset {
        key: "generic",
        number_in: Place::Subject,
        number_pattern: r"(?i)(?:voice\s*mail|voice\s+message|talemelding|talepost(?:melding)?)\s+(?:from|fra)\s*:?\s*(?P<number>.+?)\s*$",
        duration_in: Place::Body,
        duration_pattern: Some(
            r"(?im)^\s*(?:length|duration|varighet|lengde)\s*:?\s*(?P<duration>\d+(?::\d{2}){0,2})",
        ),
        transcription_pattern: Some(
            r"(?is)(?:^|\n)\s*(?:transcription|transkripsjon)\s*:\s*(?P<text>.+?)\s*$",
        ),
    },
];

/// The preset called `key` (any case).
pub fn find(key: &str) -> Option<&'static Preset> {
    let k = key.trim().to_ascii_lowercase();
    ALL.iter().find(|p| p.key == k)
}
