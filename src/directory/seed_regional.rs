//! The regional part of the starter directory: crisis centres, centres
//! against incest and sexual abuse and sexual assault centres, read from
//! `data/norway-services.csv` (facts copied from archived public pages;
//! see its README in the shared reference data). Nothing there was
//! verified and many pages are old, so:
//!
//! * every entry is imported as *not verified*, with its source page and
//!   the date the page shows ("undated" when it shows none);
//! * hours are kept as the words the source used, never read as opening
//!   hours (an old "24/7" must not show OPEN);
//! * a phone number is included only when [`phone_is_trusted`] says so;
//!   otherwise the description says where to find the number.
//!
//! The national rows are left out (the starter list's national part is
//! its own table), and a combined "krise- og incestsenter" listed under
//! both kinds becomes one entry with both categories.

use super::{Hours, PhoneLine, Service, fold, ids};
use crate::phone::Phone;

const DATA: &str = include_str!("data/norway-services.csv");

/// The earliest year a source may show for its number to be included.
pub const PHONE_FROM_YEAR: i32 = 2020;

#[derive(Debug, serde::Deserialize)]
struct Row {
    kind: String,
    name: String,
    phone: String,
    phone_note: String,
    hours: String,
    municipalities: String,
    county: String,
    web: String,
    source_url: String,
    source_date: String,
    note: String,
}

/// The year a `source_date` shows ("2021-03", "c. 2020", "2021 statistics").
fn source_year(date: &str) -> Option<i32> {
    let digits: String = date
        .trim_start_matches("c.")
        .trim()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    (digits.len() == 4).then(|| digits.parse().ok()).flatten()
}

/// The rule for including a number from the reference data: the page is
/// dated [`PHONE_FROM_YEAR`] or later, the number was printed by that page
/// itself (not copied from an older list or shared with another service),
/// the compiler recorded no conflict or misprint, and it is one number
/// that reads as a Norwegian phone number. A note that only records how
/// the source spaced the digits does not count against it.
pub fn phone_is_trusted(phone: &str, phone_note: &str, source_date: &str) -> bool {
    let note = phone_note.to_lowercase();
    let only_spacing = note.starts_with("printed in source as");
    !phone.trim().is_empty()
        && !phone.contains(';')
        && source_year(source_date).is_some_and(|y| y >= PHONE_FROM_YEAR)
        && (note.is_empty() || only_spacing)
        && Phone::parse(phone).is_ok()
}

fn categories(kind: &str) -> Option<Vec<String>> {
    let keys: &[&str] = match kind {
        "krisesenter" => &["violence", "housing"],
        "incest-senter" => &["sexual_abuse"],
        "overgrepsmottak" => &["sexual_abuse", "health"],
        _ => return None,
    };
    Some(keys.iter().map(|k| (*k).to_string()).collect())
}

fn description(kind: &str) -> &'static str {
    match kind {
        "krisesenter" => {
            "Krisesenter: trygt botilbud, samtaler og dagtilbud for utsatte for vold i nære relasjoner. \
             Crisis centre: safe stay, talks and day services for people subjected to domestic violence."
        }
        "incest-senter" => {
            "Senter mot incest og seksuelle overgrep: samtaler og støtte for utsatte og pårørende. \
             Centre against incest and sexual abuse: talks and support for survivors and relatives."
        }
        _ => {
            "Overgrepsmottak: medisinsk hjelp og sporsikring etter voldtekt og seksuelle overgrep. \
             Sexual assault centre: medical care and forensic examination after rape or sexual assault."
        }
    }
}

/// Where to find the number when it is not included.
fn where_to_find(kind: &str, web: &str) -> String {
    let place = if !web.is_empty() {
        web.to_string()
    } else if kind == "krisesenter" {
        "dinutvei.no".to_string()
    } else {
        "kommunens nettside / the municipality's website".to_string()
    };
    format!(
        "Telefonnummer ikke tatt med (kilden er gammel eller usikker): finn det på {place}. \
         Phone number not included (old or uncertain source): find it at {place}."
    )
}

/// Municipality names from the data's list, leaving out descriptions in
/// words ("all Vestfold municipalities (not named)").
fn areas(municipalities: &str, county: &str) -> Vec<String> {
    let mut out: Vec<String> = municipalities
        .split(';')
        .map(str::trim)
        .filter(|m| {
            !m.is_empty()
                && !m.contains('(')
                && m.split_whitespace().count() <= 3
                && m.chars().next().is_some_and(char::is_uppercase)
        })
        .map(str::to_string)
        .collect();
    for c in county.split(';').map(str::trim).filter(|c| !c.is_empty()) {
        if !out.iter().any(|a| a == c) {
            out.push(c.to_string());
        }
    }
    out
}

fn cut(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// The entries, each once, in the file's order.
pub fn regional_services() -> Vec<Service> {
    let mut reader = csv::Reader::from_reader(DATA.as_bytes());
    let mut seen: Vec<String> = Vec::new();
    let mut out: Vec<Service> = Vec::new();
    for row in reader.deserialize::<Row>().flatten() {
        let Some(cats) = categories(&row.kind) else {
            continue;
        };
        // The same centre under both kinds, with or without "(IKS)".
        let key = fold::fold(row.name.split(" (").next().unwrap_or(&row.name));
        if let Some(i) = seen.iter().position(|k| *k == key) {
            // A combined krise- og incestsenter: one entry, both kinds.
            for c in cats {
                if !out[i].categories.contains(&c) {
                    out[i].categories.push(c);
                }
            }
            continue;
        }
        seen.push(key);
        let trusted = phone_is_trusted(&row.phone, &row.phone_note, &row.source_date);
        let phones: Vec<PhoneLine> = if trusted {
            PhoneLine::voice(&row.phone).into_iter().collect()
        } else {
            Vec::new()
        };
        let mut desc = description(&row.kind).to_string();
        if phones.is_empty() {
            // One paragraph: a line break inside a text is not shown as a
            // break everywhere the text is shown.
            desc.push(' ');
            desc.push_str(&where_to_find(&row.kind, &row.web));
        }
        let date = if row.source_date.trim().is_empty() {
            "udatert / undated"
        } else {
            row.source_date.trim()
        };
        let mut note =
            String::from("Fra referansedata, ikke verifisert. From reference data, not verified.");
        for extra in [&row.phone, &row.phone_note, &row.note] {
            if !extra.trim().is_empty() {
                note.push('\n');
                note.push_str(extra.trim());
            }
        }
        if !row.phone.trim().is_empty() && !trusted {
            note.push_str("\n(Nummeret over er ikke tatt med / The number above is not included.)");
        }
        out.push(Service {
            uid: ids::derived_uuid(&["seed-regional", &row.name]),
            name: cut(row.name.trim(), super::MAX_NAME),
            description: desc,
            categories: cats,
            phones,
            hours: if row.hours.trim().is_empty() {
                Hours::Unknown
            } else {
                Hours::Text(cut(row.hours.trim(), 400))
            },
            web: cut(&super::normalise_web(&row.web), super::MAX_SHORT),
            source: cut(
                &format!("{} ({date})", row.source_url.trim()),
                super::MAX_SHORT,
            ),
            areas: areas(&row.municipalities, &row.county),
            national: false,
            internal_note: cut(&note, super::MAX_TEXT),
            ..Service::default()
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_phone_rule() {
        assert!(phone_is_trusted(
            "77 84 52 60",
            "printed in source as '778 45 260'",
            "2020-03-17"
        ));
        assert!(phone_is_trusted("74 07 77 10", "", "c. 2021-12"));
        assert!(!phone_is_trusted("76 95 73 39", "", "c. 2017"), "old");
        assert!(!phone_is_trusted("77 61 10 60", "", ""), "undated");
        assert!(
            !phone_is_trusted(
                "75 55 58 90",
                "number from Fylkesmannen i Nordland list (c. 2017)",
                "c. 2022"
            ),
            "copied from an older list"
        );
        assert!(
            !phone_is_trusted("991 61 92; 902 62 515", "", "c. 2020"),
            "several / misprinted"
        );
        assert!(!phone_is_trusted("", "", "2024"));
        assert_eq!(source_year("2021 statistics"), Some(2021));
        assert_eq!(source_year("c. 2020"), Some(2020));
        assert_eq!(source_year(""), None);
    }

    #[test]
    fn every_row_becomes_one_valid_unverified_sourced_entry() {
        let all = regional_services();
        // 72 regional rows; four combined centres are listed under both
        // kinds by the same name (Alta's incest centre has its own name).
        assert_eq!(all.len(), 72 - 4);
        let mut uids = std::collections::HashSet::new();
        for s in &all {
            assert_eq!(s.check(), Ok(()), "{}", s.name);
            assert!(s.last_verified_at.is_none());
            assert!(
                s.source.contains("http") || s.source.contains("www"),
                "{}",
                s.source
            );
            assert!(s.source.ends_with(')'), "{}", s.source);
            assert!(uids.insert(s.uid.clone()), "{}", s.name);
            assert!(!s.national);
            assert!(!matches!(s.hours, Hours::Always | Hours::Weekly(_)));
            if s.phones.is_empty() {
                assert!(s.description.contains("finn det på"), "{}", s.name);
            }
        }
        let with_phone: Vec<&str> = all
            .iter()
            .filter(|s| !s.phones.is_empty())
            .map(|s| s.name.as_str())
            .collect();
        assert!(
            with_phone.contains(&"Krisesenteret i Midt-Troms"),
            "{with_phone:?}"
        );
        assert!(
            !with_phone.contains(&"Harstad krisesenter"),
            "{with_phone:?}"
        );
        let follo = all.iter().find(|s| s.name.contains("Follo")).unwrap();
        assert_eq!(follo.categories, ["violence", "housing", "sexual_abuse"]);
        let alta = all
            .iter()
            .find(|s| s.name.starts_with("Alta krisesenter"))
            .unwrap();
        assert_eq!(alta.areas, ["Alta", "Loppa", "Finnmark"]);
    }
}
