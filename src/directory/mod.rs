//! The referral directory's pure logic: what an entry holds, search text
//! folding, opening hours, freshness, HSDS JSON and CSV mapping, and the
//! starter list. No I/O: the store (`store::directory`) saves entries, the
//! pane (`tui::directory`) shows them, the commands read and write files.

use chrono::{DateTime, NaiveDate, Utc};

use crate::phone::Phone;

pub mod ages;
pub mod fold;
pub mod fresh;
pub mod hours;
pub mod hsds;
pub mod ids;
pub mod places;
pub mod problem;
pub mod seed;
pub mod seed_regional;
pub mod table;

pub use fresh::{Freshness, freshness};
pub use hours::Hours;

/// Limits on every text field, so no import or paste can fill the screen
/// or the disk.
pub const MAX_NAME: usize = 200;
pub const MAX_TEXT: usize = 4000;
pub const MAX_SHORT: usize = 500;
pub const MAX_LIST: usize = 200;
pub const MAX_PHONES: usize = 20;

/// Whether volunteers may give the service to callers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Status {
    #[default]
    Active,
    /// Still listed, but must not be given out (shown with a warning).
    DoNotRefer,
    /// Deactivated: no longer shown in search.
    Closed,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Active, Status::DoNotRefer, Status::Closed];

    pub fn key(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::DoNotRefer => "do_not_refer",
            Status::Closed => "closed",
        }
    }

    pub fn from_key(s: &str) -> Option<Status> {
        match s
            .trim()
            .to_ascii_lowercase()
            .replace(['-', ' '], "_")
            .as_str()
        {
            "active" | "aktiv" => Some(Status::Active),
            "do_not_refer" | "ikke_henvis" => Some(Status::DoNotRefer),
            "closed" | "stengt" | "inactive" => Some(Status::Closed),
            _ => None,
        }
    }
}

/// The kind of a phone line (RFC 6350 types, as HSDS uses them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum PhoneKind {
    #[default]
    Voice,
    /// SMS.
    Text,
    /// Text telephone / relay for people with hearing loss.
    Textphone,
    Video,
    Fax,
}

impl PhoneKind {
    pub const ALL: [PhoneKind; 5] = [
        PhoneKind::Voice,
        PhoneKind::Text,
        PhoneKind::Textphone,
        PhoneKind::Video,
        PhoneKind::Fax,
    ];

    pub fn key(self) -> &'static str {
        match self {
            PhoneKind::Voice => "voice",
            PhoneKind::Text => "text",
            PhoneKind::Textphone => "textphone",
            PhoneKind::Video => "video",
            PhoneKind::Fax => "fax",
        }
    }

    pub fn from_key(s: &str) -> Option<PhoneKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "" | "voice" | "cell" | "tale" | "mobil" => Some(PhoneKind::Voice),
            "text" | "sms" => Some(PhoneKind::Text),
            "textphone" | "teksttelefon" => Some(PhoneKind::Textphone),
            "video" => Some(PhoneKind::Video),
            "fax" | "faks" => Some(PhoneKind::Fax),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneLine {
    pub number: Phone,
    pub kind: PhoneKind,
    pub note: String,
}

impl PhoneLine {
    /// A voice line from a number as written, when it reads as one.
    pub fn voice(number: &str) -> Option<PhoneLine> {
        Phone::parse(number).ok().map(|number| PhoneLine {
            number,
            kind: PhoneKind::Voice,
            note: String::new(),
        })
    }
}

/// The default categories (key, bokmål, English). The list in the database
/// starts with these and can grow (an import may bring new ones).
pub const DEFAULT_CATEGORIES: &[(&str, &str, &str)] = &[
    ("violence", "Vold og overgrep", "Violence and abuse"),
    ("sexual_abuse", "Seksuelle overgrep", "Sexual abuse"),
    ("children_youth", "Barn og unge", "Children and youth"),
    ("mental_health", "Psykisk helse", "Mental health"),
    ("substance_use", "Rus", "Substance use"),
    ("relatives", "Pårørende", "Relatives"),
    ("crisis", "Krise / selvmord", "Crisis / suicide"),
    ("legal_aid", "Rettshjelp", "Legal aid"),
    ("emergency", "Politi og nød", "Police and emergency"),
    ("health", "Helse", "Health"),
    ("housing", "Bolig / krisesenter", "Housing / shelter"),
    ("other", "Annet", "Other"),
];

/// A category key from a name or key in either language ("Rus",
/// "substance use", "substance_use"), or a new key made from the text.
pub fn category_key(text: &str) -> String {
    let f = fold::fold(text);
    for (key, nb, en) in DEFAULT_CATEGORIES {
        if f == fold::fold(key) || f == fold::fold(nb) || f == fold::fold(en) {
            return (*key).to_string();
        }
    }
    f.replace(' ', "_").chars().take(60).collect()
}

/// One entry of the referral directory.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Service {
    /// Database row id; 0 before it is saved.
    pub id: i64,
    /// The HSDS id (a UUID), kept across export and import.
    pub uid: String,
    pub name: String,
    pub alternate_name: String,
    pub organization: String,
    /// What it helps with.
    pub description: String,
    /// Who it is for, in words.
    pub audience: String,
    pub min_age: Option<u32>,
    pub max_age: Option<u32>,
    /// Category keys.
    pub categories: Vec<String>,
    pub phones: Vec<PhoneLine>,
    pub chat: String,
    pub web: String,
    pub email: String,
    pub address: String,
    /// The address must not be given out (shelters).
    pub address_withheld: bool,
    /// Serves everyone in the country.
    pub national: bool,
    /// Municipalities or regions served (when not national).
    pub areas: Vec<String>,
    pub hours: Hours,
    pub languages: Vec<String>,
    pub free: Option<bool>,
    pub anonymous: Option<bool>,
    pub alert: String,
    /// The alert is shown until the end of this date.
    pub alert_until: Option<NaiveDate>,
    pub status: Status,
    pub internal_note: String,
    pub last_verified_at: Option<DateTime<Utc>>,
    pub verified_by: String,
    /// Where the information was found.
    pub source: String,
}

/// What is wrong with an entry, field by field (keys are field names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    NoName,
    TooLong(&'static str),
    AgeOrder,
    BadEmail,
    TooMany(&'static str),
    /// A control character (ESC, a direction mark …) in this field; line
    /// breaks are allowed in the long texts only.
    Control(&'static str),
}

impl Service {
    /// The first phone line, the one `y` copies.
    pub fn main_phone(&self) -> Option<&PhoneLine> {
        self.phones
            .iter()
            .find(|p| p.kind == PhoneKind::Voice)
            .or(self.phones.first())
    }

    /// Whether the alert is in force on `today`.
    pub fn alert_active(&self, today: NaiveDate) -> bool {
        !self.alert.trim().is_empty() && self.alert_until.is_none_or(|d| d >= today)
    }

    /// Whether the service serves a municipality or region.
    pub fn serves(&self, place: &str) -> bool {
        let p = fold::fold(place);
        self.national || p.is_empty() || self.areas.iter().any(|a| fold::fold(a) == p)
    }

    /// Checks an entry before it is saved.
    pub fn check(&self) -> Result<(), Problem> {
        if self.name.trim().is_empty() {
            return Err(Problem::NoName);
        }
        self.check_controls()?;
        if self.name.chars().count() > MAX_NAME || self.alternate_name.chars().count() > MAX_NAME {
            return Err(Problem::TooLong("name"));
        }
        for (field, text) in [
            ("description", &self.description),
            ("internal_note", &self.internal_note),
            ("alert", &self.alert),
            ("address", &self.address),
            ("hours", &self.hours.to_text()),
        ] {
            if text.chars().count() > MAX_TEXT {
                return Err(Problem::TooLong(field));
            }
        }
        for (field, text) in [
            ("organization", &self.organization),
            ("audience", &self.audience),
            ("chat", &self.chat),
            ("web", &self.web),
            ("email", &self.email),
            ("source", &self.source),
            ("verified_by", &self.verified_by),
        ] {
            if text.chars().count() > MAX_SHORT {
                return Err(Problem::TooLong(field));
            }
        }
        if self.phones.len() > MAX_PHONES {
            return Err(Problem::TooMany("phones"));
        }
        for (field, list) in [
            ("categories", &self.categories),
            ("areas", &self.areas),
            ("languages", &self.languages),
        ] {
            if list.len() > MAX_LIST || list.iter().any(|s| s.chars().count() > MAX_NAME) {
                return Err(Problem::TooMany(field));
            }
        }
        if let (Some(a), Some(b)) = (self.min_age, self.max_age)
            && a > b
        {
            return Err(Problem::AgeOrder);
        }
        if !self.email.is_empty() && !valid_email(&self.email) {
            return Err(Problem::BadEmail);
        }
        Ok(())
    }

    /// No control character in any text (the rule of `crate::domain::text`):
    /// an imported entry must not be able to act on a terminal.
    fn check_controls(&self) -> Result<(), Problem> {
        use crate::domain::text::is_unsafe;
        let hours = self.hours.to_text();
        for (field, text) in [
            ("description", self.description.as_str()),
            ("internal_note", &self.internal_note),
            ("alert", &self.alert),
            ("address", &self.address),
            ("hours", &hours),
        ] {
            if text.chars().any(|c| c != '\n' && c != '\t' && is_unsafe(c)) {
                return Err(Problem::Control(field));
            }
        }
        let lists = self
            .categories
            .iter()
            .map(|t| ("categories", t))
            .chain(self.areas.iter().map(|t| ("areas", t)))
            .chain(self.languages.iter().map(|t| ("languages", t)))
            .chain(self.phones.iter().map(|p| ("phones", &p.note)));
        for (field, text) in [
            ("name", &self.name),
            ("alternate_name", &self.alternate_name),
            ("organization", &self.organization),
            ("audience", &self.audience),
            ("chat", &self.chat),
            ("web", &self.web),
            ("email", &self.email),
            ("source", &self.source),
            ("verified_by", &self.verified_by),
        ]
        .into_iter()
        .chain(lists)
        {
            if text.chars().any(is_unsafe) {
                return Err(Problem::Control(field));
            }
        }
        Ok(())
    }

    /// The folded name used for "name starts with" search and sorting.
    pub fn search_name(&self) -> String {
        fold::fold(&self.name)
    }

    /// Folded text of the name column of the search index.
    pub fn index_name(&self) -> String {
        fold::fold(&format!("{} {}", self.name, self.alternate_name))
    }

    /// Folded text of the other indexed column: description, organisation,
    /// audience, categories (key and both names), areas and phone digits.
    pub fn index_body(&self) -> String {
        let mut s = format!(
            "{} {} {}",
            self.description, self.organization, self.audience
        );
        for c in &self.categories {
            s.push(' ');
            s.push_str(c);
            if let Some((_, nb, en)) = DEFAULT_CATEGORIES.iter().find(|(k, _, _)| k == c) {
                s.push(' ');
                s.push_str(nb);
                s.push(' ');
                s.push_str(en);
            }
        }
        for a in &self.areas {
            s.push(' ');
            s.push_str(a);
        }
        if self.national {
            s.push_str(" nasjonal national norge norway");
        }
        for p in &self.phones {
            s.push(' ');
            s.push_str(&fold::phone_index_words(p.number.as_str()));
        }
        fold::fold(&s)
    }
}

/// A plain shape check: something@something.something, no spaces.
pub fn valid_email(s: &str) -> bool {
    let Some((user, domain)) = s.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        && !domain.contains('@')
}

/// Splits a list typed or stored as text ("Oslo; Bergen", "nb, en").
pub fn split_list(s: &str) -> Vec<String> {
    s.split([';', ',', '\n'])
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_keys_from_names_in_either_language() {
        assert_eq!(category_key("Rus"), "substance_use");
        assert_eq!(category_key("substance use"), "substance_use");
        assert_eq!(category_key("Pårørende"), "relatives");
        assert_eq!(category_key("Gjeld og økonomi"), "gjeld_og_okonomi");
    }

    #[test]
    fn checks() {
        let mut s = Service {
            name: "X".into(),
            ..Service::default()
        };
        assert_eq!(s.check(), Ok(()));
        s.min_age = Some(18);
        s.max_age = Some(12);
        assert_eq!(s.check(), Err(Problem::AgeOrder));
        s.max_age = None;
        s.email = "not an email".into();
        assert_eq!(s.check(), Err(Problem::BadEmail));
        s.email = "post@example.no".into();
        assert_eq!(s.check(), Ok(()));
        s.name = " ".into();
        assert_eq!(s.check(), Err(Problem::NoName));
    }

    #[test]
    fn serves_national_or_listed_areas() {
        let mut s = Service {
            areas: vec!["Tromsø".into()],
            ..Service::default()
        };
        assert!(s.serves("tromso"));
        assert!(!s.serves("Bergen"));
        s.national = true;
        assert!(s.serves("Bergen"));
    }
}

/// Why an entry in an import file was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    /// Not a service object / row.
    NotAnEntry,
    NoName,
    Invalid(Problem),
    /// A value that cannot be read (the field's name).
    BadValue(&'static str),
    /// The same id or name appears earlier in the file.
    Duplicate,
}

/// Something left out of an entry that was otherwise taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// A phone number that could not be understood (position, 1-based).
    PhoneLeftOut(usize),
}

/// One entry read from a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub service: Service,
    pub notes: Vec<Note>,
}

/// Reads a phone number as files write it: surrounding quotes and spaces
/// are dropped (the HSDS example quotes its numbers).
pub fn parse_file_phone(raw: &str) -> Option<Phone> {
    let t = raw.trim().trim_matches(|c| c == '"' || c == '\'').trim();
    Phone::parse(t).ok()
}

/// A web address as stored: without "https://", which export adds back.
pub fn normalise_web(url: &str) -> String {
    let t = url.trim();
    let rest = t.strip_prefix("https://").unwrap_or(t);
    if rest.contains("://") {
        t.to_string()
    } else {
        rest.trim_end_matches('/').to_string()
    }
}

/// A web address as a URI, for export.
pub fn web_uri(web: &str) -> Option<String> {
    let t = web.trim();
    if t.is_empty() || t.contains(char::is_whitespace) {
        None
    } else if t.contains("://") {
        Some(t.to_string())
    } else {
        Some(format!("https://{t}"))
    }
}
