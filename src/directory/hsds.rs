//! Open Referral HSDS 3.0 JSON: vakt's entries as service objects and back.
//!
//! Standard fields carry what HSDS has a place for (name, organisation,
//! phones, schedules, service areas, languages, eligibility, alert,
//! assured date). What only vakt has (categories, who verified, free /
//! anonymous, chat, address or "withheld", internal note, source, exact
//! status) travels as `attributes` with a `taxonomy_term` from the `vakt`
//! taxonomies, so a round trip keeps everything and the file still
//! validates against the HSDS service schema.

use chrono::NaiveDate;
use serde_json::{Map, Value, json};

use super::hours::{Hours, OnHolidays, Rule, clock};
use super::{
    DEFAULT_CATEGORIES, Note, Parsed, PhoneKind, PhoneLine, Service, Skip, Status, category_key,
    ids, normalise_web, parse_file_phone, valid_email, web_uri,
};

const BYDAY: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const CATEGORY_TAXONOMY: &str = "vakt-category";
const FIELD_TAXONOMY: &str = "vakt";
const NATIONAL_NAMES: &[&str] = &["norge", "norway", "national", "nasjonal", "hele landet"];

fn attr(uid: &str, code: &str, value: &str) -> Value {
    json!({
        "id": ids::derived_uuid(&[uid, "attr", code]),
        "link_entity": "service",
        "value": value,
        "taxonomy_term": {
            "id": ids::derived_uuid(&["vakt-field", code]),
            "code": code,
            "name": code,
            "description": "vakt field",
            "taxonomy": FIELD_TAXONOMY,
        }
    })
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// One service as an HSDS service object.
pub fn to_hsds(s: &Service) -> Value {
    let uid = s.uid.as_str();
    let mut o = Map::new();
    o.insert("id".into(), json!(uid));
    o.insert("name".into(), json!(s.name));
    if !s.alternate_name.is_empty() {
        o.insert("alternate_name".into(), json!(s.alternate_name));
    }
    o.insert("description".into(), json!(s.description));
    if let Some(u) = web_uri(&s.web) {
        o.insert("url".into(), json!(u));
    }
    if valid_email(&s.email) {
        o.insert("email".into(), json!(s.email));
    }
    let status = match s.status {
        Status::Active => "active",
        Status::DoNotRefer => "inactive",
        Status::Closed => "defunct",
    };
    o.insert("status".into(), json!(status));
    if !s.audience.is_empty() {
        o.insert("eligibility_description".into(), json!(s.audience));
    }
    if let Some(a) = s.min_age {
        o.insert("minimum_age".into(), json!(a));
    }
    if let Some(a) = s.max_age {
        o.insert("maximum_age".into(), json!(a));
    }
    if s.free == Some(true) {
        o.insert("fees_description".into(), json!("Gratis / free of charge"));
    }
    if !s.alert.is_empty() {
        o.insert("alert".into(), json!(s.alert));
    }
    if let Some(t) = s.last_verified_at {
        o.insert(
            "assured_date".into(),
            json!(t.format("%Y-%m-%d").to_string()),
        );
    }
    if !s.organization.is_empty() {
        o.insert(
            "organization".into(),
            json!({
                "id": ids::derived_uuid(&["organization", &super::fold::fold(&s.organization)]),
                "name": s.organization,
                "description": "",
            }),
        );
    }
    let phones: Vec<Value> = s
        .phones
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut v = json!({
                "id": ids::derived_uuid(&[uid, "phone", &i.to_string()]),
                "number": p.number.display(),
                "type": p.kind.key(),
            });
            if !p.note.is_empty() {
                v["description"] = json!(p.note);
            }
            v
        })
        .collect();
    o.insert("phones".into(), Value::Array(phones));
    o.insert("schedules".into(), Value::Array(schedules(uid, &s.hours)));
    let mut areas: Vec<Value> = Vec::new();
    if s.national {
        areas.push(json!({"id": ids::derived_uuid(&[uid, "area", "national"]), "name": "Norge"}));
    }
    for a in &s.areas {
        areas.push(json!({"id": ids::derived_uuid(&[uid, "area", a]), "name": a}));
    }
    o.insert("service_areas".into(), Value::Array(areas));
    let langs: Vec<Value> = s
        .languages
        .iter()
        .map(|l| {
            let mut v = json!({"id": ids::derived_uuid(&[uid, "language", l]), "name": l});
            if (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_lowercase()) {
                v["code"] = json!(l);
            }
            v
        })
        .collect();
    o.insert("languages".into(), Value::Array(langs));

    let mut attrs: Vec<Value> = s
        .categories
        .iter()
        .map(|c| {
            let (nb, en) = DEFAULT_CATEGORIES
                .iter()
                .find(|(k, _, _)| k == c)
                .map(|(_, nb, en)| (*nb, *en))
                .unwrap_or((c.as_str(), c.as_str()));
            json!({
                "id": ids::derived_uuid(&[uid, "category", c]),
                "link_entity": "service",
                "value": c,
                "taxonomy_term": {
                    "id": ids::derived_uuid(&["category", c]),
                    "code": c,
                    "name": en,
                    "description": nb,
                    "taxonomy": CATEGORY_TAXONOMY,
                }
            })
        })
        .collect();
    attrs.push(attr(uid, "status", s.status.key()));
    let mut put = |code: &str, v: &str| {
        if !v.is_empty() {
            attrs.push(attr(uid, code, v));
        }
    };
    put("chat", &s.chat);
    put("address", &s.address);
    if s.address_withheld {
        put("address_withheld", "yes");
    }
    if let Some(f) = s.free {
        put("free", yes_no(f));
    }
    if let Some(a) = s.anonymous {
        put("anonymous", yes_no(a));
    }
    if let Some(d) = s.alert_until {
        put("alert_until", &d.format("%Y-%m-%d").to_string());
    }
    if let Hours::Weekly(w) = &s.hours
        && let Some(h) = w.special_text()
    {
        put("special_hours", &h);
    }
    put("internal_note", &s.internal_note);
    if let Some(t) = s.last_verified_at {
        put("verified_at", &crate::timefmt::utc_text(t));
    }
    put("verified_by", &s.verified_by);
    put("source", &s.source);
    if web_uri(&s.web).map(|u| normalise_web(&u)) != Some(s.web.clone()) {
        put("web", &s.web);
    }
    if !s.email.is_empty() && !valid_email(&s.email) {
        put("email", &s.email);
    }
    o.insert("attributes".into(), Value::Array(attrs));
    Value::Object(o)
}

fn schedules(uid: &str, h: &Hours) -> Vec<Value> {
    match h {
        Hours::Unknown => Vec::new(),
        Hours::Always => vec![json!({
            "id": ids::derived_uuid(&[uid, "schedule", "always"]),
            "freq": "WEEKLY",
            "wkst": "MO",
            "byday": BYDAY.join(","),
            "opens_at": "00:00",
            "closes_at": "24:00",
            "description": "24/7",
        })],
        Hours::Text(t) => vec![json!({
            "id": ids::derived_uuid(&[uid, "schedule", "text"]),
            "description": t,
        })],
        Hours::Weekly(week) => {
            let notes = holiday_notes(week.holidays);
            let mut out: Vec<Value> = week
                .rules
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let days: Vec<&str> = (0..7).filter(|d| r.days[*d]).map(|d| BYDAY[d]).collect();
                    json!({
                        "id": ids::derived_uuid(&[uid, "schedule", &i.to_string()]),
                        "freq": "WEEKLY",
                        "wkst": "MO",
                        "byday": days.join(","),
                        "opens_at": clock(r.open),
                        "closes_at": clock(r.close),
                        "description": Hours::Weekly(vec![*r].into()).to_text(),
                        "notes": notes,
                    })
                })
                .collect();
            // A day of every year: HSDS 3.0 has no yearly recurrence
            // (freq is WEEKLY or MONTHLY), so the day is said in words;
            // the exact form travels in the `special_hours` attribute.
            for d in &week.days {
                let mut v = json!({
                    "id": ids::derived_uuid(&[uid, "schedule", &d.to_text()]),
                    "description": d.to_text(),
                    "notes": format!("Every year on {:02}.{:02}.", d.day, d.month),
                });
                if let Some((o, c)) = d.hours {
                    v["opens_at"] = json!(clock(o));
                    v["closes_at"] = json!(clock(c));
                }
                out.push(v);
            }
            out
        }
    }
}

/// HSDS 3.0 has no holiday schedule (2.0's holiday_schedule is gone): the
/// rule is said in each weekly schedule's notes for other readers, and
/// travels exactly in the `special_hours` attribute.
fn holiday_notes(h: OnHolidays) -> String {
    match h {
        OnHolidays::Closed => "Closed on Norwegian public holidays.".into(),
        OnHolidays::AsUsual => "Open on Norwegian public holidays as on other days.".into(),
        OnHolidays::Hours { open, close } => format!(
            "Norwegian public holidays: {}-{}.",
            clock(open),
            clock(close)
        ),
    }
}

/// Why a whole file is not an HSDS document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocError {
    /// Not JSON; the line and column where reading stopped.
    Syntax { line: usize, column: usize },
    /// JSON, but neither a service, a list of services, a paged list
    /// (`contents`) nor an organisation with `services`.
    NotServices,
}

/// The service objects in an HSDS JSON document.
pub fn services_in(text: &str) -> Result<Vec<Value>, DocError> {
    let v: Value = serde_json::from_str(text).map_err(|e| DocError::Syntax {
        line: e.line(),
        column: e.column(),
    })?;
    match v {
        Value::Array(items) => Ok(items),
        Value::Object(mut o) => {
            if let Some(Value::Array(items)) = o.remove("contents") {
                return Ok(items);
            }
            if let Some(Value::Array(items)) = o.remove("services") {
                // An organisation with its services: each belongs to it.
                let org = o
                    .get("name")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string();
                return Ok(items
                    .into_iter()
                    .map(|mut s| {
                        if let Value::Object(m) = &mut s
                            && !m.contains_key("organization")
                            && !org.is_empty()
                        {
                            m.insert("organization".into(), json!({"name": org}));
                        }
                        s
                    })
                    .collect());
            }
            if o.contains_key("name") {
                Ok(vec![Value::Object(o)])
            } else {
                Err(DocError::NotServices)
            }
        }
        _ => Err(DocError::NotServices),
    }
}

fn text(v: &Value, key: &str) -> String {
    match v.get(key) {
        Some(Value::String(s)) => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

fn age(v: &Value, key: &str) -> Result<Option<u32>, Skip> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n
            .as_f64()
            .filter(|f| (0.0..=150.0).contains(f))
            .map(|f| Some(f as u32))
            .ok_or(Skip::BadValue("age")),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => s
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| Skip::BadValue("age")),
        _ => Err(Skip::BadValue("age")),
    }
}

fn array<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

fn clock_min(s: &str) -> Option<u16> {
    let mut it = s.trim().split(':');
    let h: u16 = it.next()?.parse().ok()?;
    let m: u16 = it.next().unwrap_or("0").parse().ok()?;
    (h <= 24 && m < 60 && (h < 24 || m == 0)).then_some(h * 60 + m)
}

fn hours_from(schedules: &[Value]) -> Hours {
    let mut rules = Vec::new();
    let mut descriptions = Vec::new();
    for s in schedules {
        let byday = text(s, "byday");
        let freq = text(s, "freq");
        let opens = clock_min(&text(s, "opens_at"));
        let closes = clock_min(&text(s, "closes_at"));
        let mut days = [false; 7];
        for d in byday.split(',') {
            if let Some(i) = BYDAY.iter().position(|b| b.eq_ignore_ascii_case(d.trim())) {
                days[i] = true;
            }
        }
        match (opens, closes) {
            (Some(open), Some(close))
                if days.iter().any(|d| *d)
                    && (freq.is_empty() || freq.eq_ignore_ascii_case("WEEKLY"))
                    && open < 1440
                    && open != close =>
            {
                rules.push(Rule { days, open, close })
            }
            _ => {
                let d = text(s, "description");
                if !d.is_empty() {
                    descriptions.push(d);
                }
            }
        }
    }
    if !rules.is_empty() {
        if rules
            .iter()
            .any(|r| r.days == [true; 7] && r.open == 0 && r.close == 1440)
        {
            return Hours::Always;
        }
        return Hours::Weekly(rules.into());
    }
    Hours::parse(&descriptions.join("; "))
}

/// Reads one HSDS service object.
pub fn from_hsds(v: &Value) -> Result<Parsed, Skip> {
    if !v.is_object() {
        return Err(Skip::NotAnEntry);
    }
    let name = text(v, "name");
    if name.is_empty() {
        return Err(Skip::NoName);
    }
    let mut notes = Vec::new();
    let mut s = Service {
        uid: Some(text(v, "id"))
            .filter(|i| ids::is_uuid(i))
            .map(|i| i.to_ascii_lowercase())
            .unwrap_or_default(),
        name,
        alternate_name: text(v, "alternate_name"),
        description: text(v, "description"),
        web: normalise_web(&text(v, "url")),
        email: text(v, "email"),
        audience: text(v, "eligibility_description"),
        min_age: age(v, "minimum_age")?,
        max_age: age(v, "maximum_age")?,
        alert: text(v, "alert"),
        ..Service::default()
    };
    s.status = match text(v, "status").to_ascii_lowercase().as_str() {
        "" | "active" => Status::Active,
        "inactive" | "temporarily closed" => Status::DoNotRefer,
        "defunct" => Status::Closed,
        _ => return Err(Skip::BadValue("status")),
    };
    if let Some(org) = v.get("organization") {
        s.organization = text(org, "name");
    }
    if let Ok(d) = NaiveDate::parse_from_str(&text(v, "assured_date"), "%Y-%m-%d") {
        s.last_verified_at = d.and_hms_opt(12, 0, 0).map(|t| t.and_utc());
    }
    for (i, p) in array(v, "phones").iter().enumerate() {
        match parse_file_phone(&text(p, "number")) {
            Some(number) => s.phones.push(PhoneLine {
                number,
                kind: PhoneKind::from_key(&text(p, "type")).unwrap_or_default(),
                note: text(p, "description"),
            }),
            None => notes.push(Note::PhoneLeftOut(i + 1)),
        }
    }
    s.hours = hours_from(array(v, "schedules"));
    for a in array(v, "service_areas") {
        let n = text(a, "name");
        if NATIONAL_NAMES.contains(&super::fold::fold(&n).as_str()) {
            s.national = true;
        } else if !n.is_empty() {
            s.areas.push(n);
        }
    }
    for l in array(v, "languages") {
        let n = text(l, "name");
        let n = if n.is_empty() { text(l, "code") } else { n };
        if !n.is_empty() {
            s.languages.push(n);
        }
    }
    // Address from the first physical location, if any.
    for sal in array(v, "service_at_locations") {
        if let Some(loc) = sal.get("location") {
            if let Some(a) = array(loc, "addresses").first() {
                let parts: Vec<String> =
                    ["address_1", "address_2", "postal_code", "city", "country"]
                        .iter()
                        .map(|k| text(a, k))
                        .filter(|t| !t.is_empty())
                        .collect();
                s.address = parts.join(", ");
            }
            break;
        }
    }
    if !text(v, "fees_description").is_empty()
        && super::fold::fold(&text(v, "fees_description")).contains("gratis")
    {
        s.free = Some(true);
    }
    for a in array(v, "attributes") {
        let Some(term) = a.get("taxonomy_term") else {
            continue;
        };
        let taxonomy = text(term, "taxonomy");
        let code = text(term, "code");
        let value = text(a, "value");
        if taxonomy == CATEGORY_TAXONOMY {
            let key = if code.is_empty() {
                category_key(&text(term, "name"))
            } else {
                category_key(&code)
            };
            if !key.is_empty() && !s.categories.contains(&key) {
                s.categories.push(key);
            }
            continue;
        }
        if taxonomy != FIELD_TAXONOMY {
            // A term from another taxonomy that names one of our categories.
            let key = category_key(&text(term, "name"));
            if DEFAULT_CATEGORIES.iter().any(|(k, _, _)| *k == key) && !s.categories.contains(&key)
            {
                s.categories.push(key);
            }
            continue;
        }
        let flag = |v: &str| match v.to_ascii_lowercase().as_str() {
            "yes" | "ja" | "true" => Some(true),
            "no" | "nei" | "false" => Some(false),
            _ => None,
        };
        match code.as_str() {
            "status" => s.status = Status::from_key(&value).ok_or(Skip::BadValue("status"))?,
            "chat" => s.chat = value,
            "address" => s.address = value,
            "address_withheld" => s.address_withheld = flag(&value).unwrap_or(false),
            "free" => s.free = flag(&value),
            "anonymous" => s.anonymous = flag(&value),
            "alert_until" => {
                s.alert_until = Some(
                    NaiveDate::parse_from_str(&value, "%Y-%m-%d")
                        .map_err(|_| Skip::BadValue("alert_until"))?,
                )
            }
            "special_hours" => {
                if let Hours::Weekly(w) = &mut s.hours {
                    w.set_special(&value)
                        .ok_or(Skip::BadValue("special_hours"))?;
                }
            }
            "internal_note" => s.internal_note = value,
            "verified_at" => {
                s.last_verified_at = Some(
                    crate::timefmt::parse_utc_text(&value).ok_or(Skip::BadValue("verified_at"))?,
                )
            }
            "verified_by" => s.verified_by = value,
            "source" => s.source = value,
            "web" => s.web = value,
            "email" => s.email = value,
            _ => {}
        }
    }
    s.check().map_err(Skip::Invalid)?;
    Ok(Parsed { service: s, notes })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_keeps_every_field() {
        for s in super::super::seed::starter_services() {
            let back = from_hsds(&to_hsds(&s)).unwrap();
            assert_eq!(back.service, s);
            assert!(back.notes.is_empty());
        }
    }

    #[test]
    fn documents_in_every_shape() {
        assert_eq!(services_in("[]").unwrap().len(), 0);
        assert_eq!(
            services_in(r#"{"contents":[{"name":"a"}]}"#).unwrap().len(),
            1
        );
        assert_eq!(services_in(r#"{"name":"a"}"#).unwrap().len(), 1);
        assert_eq!(services_in("42"), Err(DocError::NotServices));
        assert!(matches!(
            services_in("[{"),
            Err(DocError::Syntax { line: 1, .. })
        ));
        let deep = "[".repeat(100_000);
        assert!(services_in(&deep).is_err());
    }

    #[test]
    fn odd_values_are_skipped_with_a_reason() {
        assert_eq!(from_hsds(&json!(3)).unwrap_err(), Skip::NotAnEntry);
        assert_eq!(from_hsds(&json!({"name": " "})).unwrap_err(), Skip::NoName);
        assert_eq!(
            from_hsds(&json!({"name": "x", "status": "weird"})).unwrap_err(),
            Skip::BadValue("status")
        );
        assert_eq!(
            from_hsds(&json!({"name": "x", "minimum_age": "old"})).unwrap_err(),
            Skip::BadValue("age")
        );
        let p = from_hsds(&json!({"name": "x", "phones": [{"number": "abc"}]})).unwrap();
        assert_eq!(p.notes, vec![Note::PhoneLeftOut(1)]);
    }
}
