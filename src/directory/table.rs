//! The flat CSV a spreadsheet user can edit: one row per service, a header
//! row, UTF-8. Lists are separated by `;`; each phone is written
//! `number | type | note`.
//!
//! Cells that a spreadsheet would run as a formula (starting with `=`,
//! `+`, `-`, `@`) are written with a leading `'`, which import removes, so
//! "+47 22 33 44 55" stays a number and never becomes a formula.

use chrono::NaiveDate;

use super::{
    Hours, Note, Parsed, PhoneKind, PhoneLine, Service, Skip, Status, category_key, ids,
    normalise_web, parse_file_phone, split_list,
};

pub const HEADER: &[&str] = &[
    "id",
    "name",
    "alternate_name",
    "organization",
    "description",
    "audience",
    "min_age",
    "max_age",
    "categories",
    "phones",
    "chat",
    "web",
    "email",
    "address",
    "address_withheld",
    "national",
    "areas",
    "hours",
    "languages",
    "free",
    "anonymous",
    "alert",
    "alert_until",
    "status",
    "internal_note",
    "last_verified_at",
    "verified_by",
    "source",
];

fn guard(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@']) {
        format!("'{cell}")
    } else {
        cell
    }
}

fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => cell,
    }
}

fn tri(v: Option<bool>) -> String {
    match v {
        Some(true) => "yes".into(),
        Some(false) => "no".into(),
        None => String::new(),
    }
}

fn read_tri(s: &str, field: &'static str) -> Result<Option<bool>, Skip> {
    match s.trim().to_lowercase().as_str() {
        "" => Ok(None),
        "yes" | "ja" | "true" | "1" | "x" => Ok(Some(true)),
        "no" | "nei" | "false" | "0" => Ok(Some(false)),
        _ => Err(Skip::BadValue(field)),
    }
}

/// A note in a CSV phone cell cannot hold the separators.
fn clean_note(s: &str) -> String {
    s.replace([';', '|'], ",")
}

/// One service as a CSV row, in [`HEADER`] order.
pub fn to_row(s: &Service) -> Vec<String> {
    let phones = s
        .phones
        .iter()
        .map(|p| {
            if p.note.is_empty() && p.kind == PhoneKind::Voice {
                p.number.display()
            } else {
                format!(
                    "{} | {} | {}",
                    p.number.display(),
                    p.kind.key(),
                    clean_note(&p.note)
                )
            }
        })
        .collect::<Vec<_>>()
        .join("; ");
    let cells = vec![
        s.uid.clone(),
        s.name.clone(),
        s.alternate_name.clone(),
        s.organization.clone(),
        s.description.clone(),
        s.audience.clone(),
        s.min_age.map(|a| a.to_string()).unwrap_or_default(),
        s.max_age.map(|a| a.to_string()).unwrap_or_default(),
        s.categories.join("; "),
        phones,
        s.chat.clone(),
        s.web.clone(),
        s.email.clone(),
        s.address.clone(),
        tri(Some(s.address_withheld)),
        tri(Some(s.national)),
        s.areas.join("; "),
        s.hours.to_text(),
        s.languages.join("; "),
        tri(s.free),
        tri(s.anonymous),
        s.alert.clone(),
        s.alert_until
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        s.status.key().to_string(),
        s.internal_note.clone(),
        s.last_verified_at
            .map(crate::timefmt::utc_text)
            .unwrap_or_default(),
        s.verified_by.clone(),
        s.source.clone(),
    ];
    cells.into_iter().map(guard).collect()
}

/// Reads one row. `header` is the file's header row: columns may come in
/// any order, unknown columns are ignored, missing ones are empty.
pub fn from_row(header: &[String], row: &[String]) -> Result<Parsed, Skip> {
    let get = |name: &str| -> &str {
        header
            .iter()
            .position(|h| {
                h.trim()
                    .trim_start_matches('\u{feff}')
                    .eq_ignore_ascii_case(name)
            })
            .and_then(|i| row.get(i))
            .map(|c| unguard(c.trim()))
            .unwrap_or("")
    };
    let name = get("name").trim().to_string();
    if name.is_empty() {
        return Err(Skip::NoName);
    }
    let age = |f: &'static str| -> Result<Option<u32>, Skip> {
        let t = get(f).trim();
        if t.is_empty() {
            Ok(None)
        } else {
            t.parse::<u32>()
                .ok()
                .filter(|a| *a <= 150)
                .map(Some)
                .ok_or(Skip::BadValue(f))
        }
    };
    let mut notes = Vec::new();
    let mut phones = Vec::new();
    for (i, cell) in get("phones")
        .split(';')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .enumerate()
    {
        let mut parts = cell.split('|').map(str::trim);
        let number = parts.next().unwrap_or("");
        let kind =
            PhoneKind::from_key(parts.next().unwrap_or("")).ok_or(Skip::BadValue("phones"))?;
        let note = parts.next().unwrap_or("").to_string();
        match parse_file_phone(number) {
            Some(number) => phones.push(PhoneLine { number, kind, note }),
            None => notes.push(Note::PhoneLeftOut(i + 1)),
        }
    }
    let status = match get("status").trim() {
        "" => Status::Active,
        s => Status::from_key(s).ok_or(Skip::BadValue("status"))?,
    };
    let alert_until = match get("alert_until").trim() {
        "" => None,
        d => Some(
            NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| Skip::BadValue("alert_until"))?,
        ),
    };
    let last_verified_at = match get("last_verified_at").trim() {
        "" => None,
        t => Some(match crate::timefmt::parse_utc_text(t) {
            Some(t) => t,
            None => NaiveDate::parse_from_str(t, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(12, 0, 0))
                .map(|d| d.and_utc())
                .ok_or(Skip::BadValue("last_verified_at"))?,
        }),
    };
    let uid = get("id").trim().to_ascii_lowercase();
    let s = Service {
        id: 0,
        uid: if ids::is_uuid(&uid) {
            uid
        } else {
            String::new()
        },
        name,
        alternate_name: get("alternate_name").to_string(),
        organization: get("organization").to_string(),
        description: get("description").to_string(),
        audience: get("audience").to_string(),
        min_age: age("min_age")?,
        max_age: age("max_age")?,
        categories: split_list(get("categories"))
            .iter()
            .map(|c| category_key(c))
            .filter(|c| !c.is_empty())
            .collect(),
        phones,
        chat: get("chat").to_string(),
        web: normalise_web(get("web")),
        email: get("email").to_string(),
        address: get("address").to_string(),
        address_withheld: read_tri(get("address_withheld"), "address_withheld")?.unwrap_or(false),
        national: read_tri(get("national"), "national")?.unwrap_or(false),
        areas: split_list(get("areas")),
        hours: Hours::parse(get("hours")),
        languages: split_list(get("languages")),
        free: read_tri(get("free"), "free")?,
        anonymous: read_tri(get("anonymous"), "anonymous")?,
        alert: get("alert").to_string(),
        alert_until,
        status,
        internal_note: get("internal_note").to_string(),
        last_verified_at,
        verified_by: get("verified_by").to_string(),
        source: get("source").to_string(),
    };
    s.check().map_err(Skip::Invalid)?;
    Ok(Parsed { service: s, notes })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> Vec<String> {
        HEADER.iter().map(|h| h.to_string()).collect()
    }

    #[test]
    fn round_trip_through_a_row() {
        let mut all = super::super::seed::starter_services();
        all[0].phones[0].note = "Nød; ring | straks".into();
        all[0].last_verified_at = Some(
            chrono::DateTime::parse_from_rfc3339("2026-11-01T10:00:00Z")
                .unwrap()
                .to_utc(),
        );
        all[0].verified_by = "KH".into();
        all[0].areas = vec!["Tromsø".into(), "Bergen".into()];
        all[0].free = Some(false);
        for s in &all {
            let back = from_row(&header(), &to_row(s)).unwrap().service;
            let mut expect = s.clone();
            for p in &mut expect.phones {
                p.note = clean_note(&p.note);
            }
            assert_eq!(back, expect);
        }
    }

    #[test]
    fn formulas_are_guarded_and_unguarded() {
        assert_eq!(guard("=1+1".into()), "'=1+1");
        assert_eq!(guard("+47 22".into()), "'+47 22");
        assert_eq!(unguard("'+47 22"), "+47 22");
        assert_eq!(unguard("'quoted"), "'quoted");
    }

    #[test]
    fn columns_in_any_order_and_bad_values() {
        let h: Vec<String> = ["Name", "phones", "status"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let r = from_row(
            &h,
            &["X".into(), "116 123 | sms | chat too; 12".into(), "".into()],
        )
        .unwrap();
        assert_eq!(r.service.phones.len(), 1);
        assert_eq!(r.service.phones[0].kind, PhoneKind::Text);
        assert_eq!(r.notes, vec![Note::PhoneLeftOut(2)]);
        assert_eq!(
            from_row(&h, &["X".into(), "".into(), "maybe".into()]).unwrap_err(),
            Skip::BadValue("status")
        );
        assert_eq!(from_row(&h, &["".into()]).unwrap_err(), Skip::NoName);
        assert_eq!(from_row(&h, &[]).unwrap_err(), Skip::NoName);
    }
}
