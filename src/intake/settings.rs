//! `[intake]` in the settings file: one `[[intake.switchboard]]` table per
//! switchboard whose e-mails vakt takes in, each with the senders it
//! accepts and where in the e-mail the number, time and length are. A
//! preset fills in what a known switchboard's e-mail looks like; every key
//! set in the table wins over the preset's.
//!
//! ```toml
//! [[intake.switchboard]]
//! name = "sentralbord"
//! preset = "freepbx"
//! senders = ["voicemail@pbx.example.org"]
//! ```

use regex::Regex;
use serde::Deserialize;

use super::presets::{self, Preset};
use crate::i18n::{Lang, intake as m};

/// `[intake]`.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct IntakeConfig {
    pub switchboard: Vec<SwitchboardConfig>,
}

/// Where in the e-mail a pattern looks.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Place {
    Subject,
    Body,
}

/// Where the time the message was left comes from.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum TimeFrom {
    /// The e-mail's `Date:` header (else the newest `Received:` header).
    Date,
    /// `time_pattern` in the body, read with `time_format` in the
    /// configured time zone.
    Body,
}

/// One `[[intake.switchboard]]` table.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct SwitchboardConfig {
    /// A name for reports and error messages.
    pub name: String,
    /// asterisk, freepbx, sipxecs or generic (see docs/admin.md).
    pub preset: Option<String>,
    /// Accepted `From:` addresses; `@example.org` accepts a whole domain.
    pub senders: Vec<String>,
    pub number_in: Option<Place>,
    /// A pattern with the group `(?P<number>...)`.
    pub number_pattern: Option<String>,
    pub time_from: Option<TimeFrom>,
    /// A pattern with the group `(?P<time>...)`, for `time_from = "body"`.
    pub time_pattern: Option<String>,
    /// How that time is written (chrono's strftime), e.g. `%d.%m.%Y %H:%M`.
    pub time_format: Option<String>,
    pub duration_in: Option<Place>,
    /// A pattern with the group `(?P<duration>...)`: seconds, M:SS or H:MM:SS.
    pub duration_pattern: Option<String>,
    /// Words that mean the number was withheld (any case).
    pub withheld: Option<Vec<String>>,
    /// A pattern with the group `(?P<text>...)` for a transcription the
    /// switchboard puts in the body.
    pub transcription_pattern: Option<String>,
    /// Keep that transcription as the item's summary (off by default:
    /// nothing from the body is stored unless this is on).
    pub keep_transcription: bool,
}

/// The words that mean a withheld number when neither preset nor table
/// says otherwise.
pub const DEFAULT_WITHHELD: &[&str] = &[
    "skjult nummer",
    "hemmelig nummer",
    "ukjent",
    "ukjent nummer",
    "anonymous",
    "anonym",
    "private",
    "private number",
    "withheld",
    "unknown",
    "an unknown caller",
    "restricted",
];

/// A switchboard's settings, checked and compiled.
#[derive(Debug, Clone)]
pub struct Rules {
    pub name: String,
    /// Lower-case addresses, or `@domain` for a whole domain.
    pub senders: Vec<String>,
    pub number_in: Place,
    pub number: Regex,
    pub time: TimeRule,
    pub duration: Option<(Place, Regex)>,
    /// Lower-case.
    pub withheld: Vec<String>,
    /// Only when the settings allow keeping it.
    pub transcription: Option<Regex>,
}

#[derive(Debug, Clone)]
pub enum TimeRule {
    Date,
    Body { pattern: Regex, format: String },
}

impl Rules {
    /// Whether `address` (from the `From:` header) is one of this
    /// switchboard's senders.
    pub fn accepts(&self, address: &str) -> bool {
        let a = address.trim().to_lowercase();
        self.senders.iter().any(|s| {
            if s.starts_with('@') {
                a.ends_with(s.as_str()) && a.len() > s.len()
            } else {
                a == *s
            }
        })
    }
}

/// A settings error, in the user's language.
fn err(lang: Lang, name: &str, key: &str, why: String) -> String {
    m::ERR_SETTING.fill(lang, &[("name", &name), ("key", &key), ("why", &why)])
}

fn compile(lang: Lang, name: &str, key: &str, text: &str, group: &str) -> Result<Regex, String> {
    let re =
        Regex::new(text).map_err(|_| err(lang, name, key, m::WHY_BAD_PATTERN.get(lang).into()))?;
    if !re.capture_names().flatten().any(|g| g == group) {
        return Err(err(
            lang,
            name,
            key,
            m::WHY_NO_GROUP.fill(lang, &[("group", &group)]),
        ));
    }
    Ok(re)
}

impl SwitchboardConfig {
    /// Checks the table against its preset and compiles the patterns.
    /// The error is a sentence in `lang` naming the key.
    pub fn rules(&self, index: usize, lang: Lang) -> Result<Rules, String> {
        let name = if self.name.trim().is_empty() {
            format!("#{}", index + 1)
        } else {
            self.name.trim().to_string()
        };
        let preset: Option<&Preset> = match &self.preset {
            None => None,
            Some(p) => Some(presets::find(p).ok_or_else(|| {
                err(
                    lang,
                    &name,
                    "preset",
                    m::WHY_UNKNOWN_PRESET.get(lang).into(),
                )
            })?),
        };
        let senders: Vec<String> = self
            .senders
            .iter()
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty())
            .collect();
        if senders.is_empty() {
            return Err(err(
                lang,
                &name,
                "senders",
                m::WHY_NO_SENDERS.get(lang).into(),
            ));
        }
        let number_in = self
            .number_in
            .or(preset.map(|p| p.number_in))
            .unwrap_or(Place::Subject);
        let number_text = self
            .number_pattern
            .as_deref()
            .or(preset.map(|p| p.number_pattern))
            .ok_or_else(|| {
                err(
                    lang,
                    &name,
                    "number_pattern",
                    m::WHY_MISSING.get(lang).into(),
                )
            })?;
        let number = compile(lang, &name, "number_pattern", number_text, "number")?;
        let time = match self.time_from.unwrap_or(TimeFrom::Date) {
            TimeFrom::Date => TimeRule::Date,
            TimeFrom::Body => {
                let text = self.time_pattern.as_deref().ok_or_else(|| {
                    err(lang, &name, "time_pattern", m::WHY_MISSING.get(lang).into())
                })?;
                let format = self
                    .time_format
                    .clone()
                    .filter(|f| !f.trim().is_empty())
                    .ok_or_else(|| {
                        err(
                            lang,
                            &name,
                            "time_format",
                            m::WHY_BAD_FORMAT.get(lang).into(),
                        )
                    })?;
                TimeRule::Body {
                    pattern: compile(lang, &name, "time_pattern", text, "time")?,
                    format,
                }
            }
        };
        let duration = match self
            .duration_pattern
            .as_deref()
            .or(preset.and_then(|p| p.duration_pattern))
        {
            None => None,
            Some(text) => Some((
                self.duration_in
                    .or(preset.map(|p| p.duration_in))
                    .unwrap_or(Place::Body),
                compile(lang, &name, "duration_pattern", text, "duration")?,
            )),
        };
        let withheld = match &self.withheld {
            Some(words) => words.iter().map(|w| w.trim().to_lowercase()).collect(),
            None => DEFAULT_WITHHELD.iter().map(|w| w.to_string()).collect(),
        };
        let transcription = match (
            self.keep_transcription,
            self.transcription_pattern
                .as_deref()
                .or(preset.and_then(|p| p.transcription_pattern)),
        ) {
            (true, Some(text)) => {
                Some(compile(lang, &name, "transcription_pattern", text, "text")?)
            }
            _ => None,
        };
        Ok(Rules {
            name,
            senders,
            number_in,
            number,
            time,
            duration,
            withheld,
            transcription,
        })
    }
}

impl IntakeConfig {
    /// Reads `[intake]` from the whole settings text (other sections are
    /// the settings parser's). The error gives the byte offset, if known,
    /// and the TOML parser's words.
    pub fn from_settings(text: &str) -> Result<IntakeConfig, (Option<usize>, String)> {
        #[derive(Deserialize)]
        struct Only {
            #[serde(default)]
            intake: IntakeConfig,
        }
        toml::from_str::<Only>(text)
            .map(|o| o.intake)
            .map_err(|e| (e.span().map(|s| s.start), e.message().to_string()))
    }

    /// Every switchboard's rules, or the first settings error.
    pub fn rules(&self, lang: Lang) -> Result<Vec<Rules>, String> {
        if self.switchboard.is_empty() {
            return Err(m::ERR_NO_SWITCHBOARD.get(lang).to_string());
        }
        self.switchboard
            .iter()
            .enumerate()
            .map(|(i, s)| s.rules(i, lang))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn board(toml_text: &str) -> SwitchboardConfig {
        toml::from_str(toml_text).unwrap()
    }

    #[test]
    fn every_preset_compiles() {
        for p in presets::ALL {
            let b = SwitchboardConfig {
                name: p.key.into(),
                preset: Some(p.key.into()),
                senders: vec!["pbx@example.org".into()],
                keep_transcription: true,
                ..Default::default()
            };
            let r = b.rules(0, Lang::En).unwrap();
            assert_eq!(r.number_in, p.number_in);
        }
    }

    #[test]
    fn table_keys_win_over_the_preset() {
        let b = board(
            "name = \"x\"\npreset = \"generic\"\nsenders = [\"A@Example.org\"]\nnumber_in = \"body\"\nnumber_pattern = 'Nr: (?P<number>\\d+)'\n",
        );
        let r = b.rules(0, Lang::En).unwrap();
        assert_eq!(r.number_in, Place::Body);
        assert!(r.number.is_match("Nr: 22334455"));
        assert!(r.accepts("a@example.org"));
        assert!(!r.accepts("b@example.org"));
    }

    #[test]
    fn domain_senders_match_only_that_domain() {
        let b = board("preset = \"generic\"\nsenders = [\"@pbx.example.org\"]\n");
        let r = b.rules(0, Lang::En).unwrap();
        assert!(r.accepts("vm@pbx.example.org"));
        assert!(!r.accepts("vm@evilpbx.example.org.test"));
        assert!(!r.accepts("@pbx.example.org"));
    }

    #[test]
    fn errors_name_the_key() {
        let cases = [
            ("preset = \"nokia\"\nsenders = [\"a@b\"]\n", "preset"),
            ("preset = \"generic\"\n", "senders"),
            ("senders = [\"a@b\"]\n", "number_pattern"),
            (
                "senders = [\"a@b\"]\nnumber_pattern = '(\\d+'\n",
                "number_pattern",
            ),
            (
                "senders = [\"a@b\"]\nnumber_pattern = '(\\d+)'\n",
                "number_pattern",
            ),
            (
                "preset = \"generic\"\nsenders = [\"a@b\"]\ntime_from = \"body\"\n",
                "time_pattern",
            ),
            (
                "preset = \"generic\"\nsenders = [\"a@b\"]\ntime_from = \"body\"\ntime_pattern = '(?P<time>.+)'\n",
                "time_format",
            ),
        ];
        for (text, key) in cases {
            let e = board(text).rules(0, Lang::En).unwrap_err();
            assert!(e.contains(key), "{text}: {e}");
        }
        assert!(IntakeConfig::default().rules(Lang::En).is_err());
    }

    #[test]
    fn transcription_only_when_allowed() {
        let off = board("preset = \"generic\"\nsenders = [\"a@b\"]\n");
        assert!(off.rules(0, Lang::En).unwrap().transcription.is_none());
        let on = board("preset = \"generic\"\nsenders = [\"a@b\"]\nkeep_transcription = true\n");
        assert!(on.rules(0, Lang::En).unwrap().transcription.is_some());
    }

    #[test]
    fn unknown_keys_are_refused() {
        assert!(toml::from_str::<SwitchboardConfig>("sender = [\"a@b\"]\n").is_err());
    }
}
