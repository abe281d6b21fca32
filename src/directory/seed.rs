//! The starter directory: national Norwegian services, read from public
//! pages and news articles (shared/directory-seed.md), none dialled.
//! Every entry is imported as *not verified*, with where it was seen, so
//! the first screen says "verify before use" until a person has.

use super::{Hours, PhoneLine, Service, ids};

struct Seed {
    name: &'static str,
    alias: &'static str,
    phone: &'static str,
    description: &'static str,
    categories: &'static [&'static str],
    hours: &'static str,
    web: &'static str,
    chat: &'static str,
    source: &'static str,
    min_age: Option<u32>,
    max_age: Option<u32>,
    free_anonymous: bool,
    note: &'static str,
}

const SEEDS: &[Seed] = &[
    Seed {
        name: "Brann",
        alias: "Fire",
        phone: "110",
        description: "Brann og ulykker. Fire, emergencies.",
        categories: &["emergency"],
        hours: "24/7",
        web: "",
        chat: "",
        source: "nkom.no (nødnummer)",
        min_age: None,
        max_age: None,
        free_anonymous: false,
        note: "",
    },
    Seed {
        name: "Politi (nød)",
        alias: "Police, emergency",
        phone: "112",
        description: "Nødsituasjoner, fare nå. Emergencies, danger now.",
        categories: &["emergency"],
        hours: "24/7",
        web: "politiet.no",
        chat: "",
        source: "nkom.no (nødnummer)",
        min_age: None,
        max_age: None,
        free_anonymous: false,
        note: "",
    },
    Seed {
        name: "Medisinsk nødtelefon",
        alias: "Ambulance",
        phone: "113",
        description: "Medisinske nødsituasjoner. Medical emergencies.",
        categories: &["emergency", "health"],
        hours: "24/7",
        web: "",
        chat: "",
        source: "nkom.no (nødnummer)",
        min_age: None,
        max_age: None,
        free_anonymous: false,
        note: "",
    },
    Seed {
        name: "Nødmelding for hørselshemmede",
        alias: "Emergency relay for people with hearing loss",
        phone: "1412",
        description: "Nødmelding via tekst/formidling for hørselshemmede. Emergency text/relay for people with hearing loss.",
        categories: &["emergency"],
        hours: "24/7",
        web: "",
        chat: "",
        source: "nkom.no (nødnummer)",
        min_age: None,
        max_age: None,
        free_anonymous: false,
        note: "",
    },
    Seed {
        name: "Politiet, ikke-akutt",
        alias: "Police, non-emergency",
        phone: "02800",
        description: "Politisaker som ikke haster, anmeldelser. Police matters that are not acute, reporting.",
        categories: &["emergency", "legal_aid"],
        hours: "",
        web: "politiet.no",
        chat: "",
        source: "viken-nettskole.no; taushettarliv.no",
        min_age: None,
        max_age: None,
        free_anonymous: false,
        note: "",
    },
    Seed {
        name: "Legevakt",
        alias: "Out-of-hours doctor",
        phone: "116 117",
        description: "Legevakt utenom kontortid, setter over til lokal legevakt. Out-of-hours doctor, connects to the local legevakt.",
        categories: &["health"],
        hours: "24/7",
        web: "helsenorge.no",
        chat: "",
        source: "TV2 (2020); NRK (2021)",
        min_age: None,
        max_age: None,
        free_anonymous: false,
        note: "",
    },
    Seed {
        name: "Mental Helse Hjelpetelefonen",
        alias: "Hjelpetelefonen",
        phone: "116 123",
        description: "For alle som trenger noen å snakke med. Anyone who needs someone to talk to.",
        categories: &["mental_health", "crisis"],
        hours: "24/7",
        web: "mentalhelse.no",
        chat: "sidetmedord.no",
        source: "NRK (2021); TV2 (2020)",
        min_age: None,
        max_age: None,
        free_anonymous: false,
        note: "",
    },
    Seed {
        name: "Kirkens SOS",
        alias: "",
        phone: "22 40 00 40",
        description: "Krisetelefon, også ved selvmordstanker. Crisis line, including suicidal thoughts.",
        categories: &["crisis", "mental_health"],
        hours: "24/7",
        web: "kirkens-sos.no",
        chat: "",
        source: "NRK (2021, 2017); TV2 (2020)",
        min_age: None,
        max_age: None,
        free_anonymous: false,
        note: "",
    },
    Seed {
        name: "Alarmtelefonen for barn og unge",
        alias: "",
        phone: "116 111",
        description: "Barn som utsettes for vold, overgrep eller omsorgssvikt, og bekymrede voksne; barnevernet. Children exposed to violence, abuse or neglect, and worried adults.",
        categories: &["children_youth", "violence"],
        hours: "24/7",
        web: "116111.no",
        chat: "",
        source: "NRK (2021); Dagsavisen (2020)",
        min_age: None,
        max_age: None,
        free_anonymous: false,
        note: "Døgnåpent på telefon.",
    },
    Seed {
        name: "Vold- og overgrepslinjen",
        alias: "VO-linjen",
        phone: "116 006",
        description: "Vold eller overgrep i nære relasjoner; også pårørende og fagfolk. Violence or abuse in close relationships; also relatives and professionals.",
        categories: &["violence", "relatives"],
        hours: "24/7",
        web: "volinjen.no",
        chat: "",
        source: "krisesenter.com; Dagsavisen; Fredrikstad Avisa (2019)",
        min_age: Some(18),
        max_age: None,
        free_anonymous: true,
        note: "",
    },
    Seed {
        name: "Hjelpetelefonen for seksuelt misbrukte",
        alias: "",
        phone: "800 57 000",
        description: "Incest og seksuelle overgrep. Incest and sexual abuse.",
        categories: &["sexual_abuse"],
        hours: "24/7",
        web: "",
        chat: "",
        source: "ung.no; Aftenposten (2021); Bufdir via xstra.no (2020)",
        min_age: None,
        max_age: None,
        free_anonymous: true,
        note: "",
    },
    Seed {
        name: "Kors på halsen",
        alias: "Røde Kors",
        phone: "800 33 321",
        description: "For barn og unge under 18. Children and young people under 18.",
        categories: &["children_youth"],
        hours: "daily 14:00-22:00",
        web: "korspahalsen.no",
        chat: "",
        source: "framtida.no (2022); unconfirmed",
        min_age: None,
        max_age: Some(17),
        free_anonymous: false,
        note: "Åpningstid fra 2022, ikke bekreftet.",
    },
    Seed {
        name: "RUSinfo",
        alias: "RUStelefonen",
        phone: "915 08 588",
        description: "Alkohol, narkotika og pengespill, også for pårørende. Alcohol, drugs and gambling, also for relatives.",
        categories: &["substance_use", "relatives"],
        hours: "hverdager (åpningstid varierer mellom kilder)",
        web: "rusinfo.no",
        chat: "",
        source: "no.wikipedia \"Rusinfo\"; unconfirmed",
        min_age: None,
        max_age: None,
        free_anonymous: false,
        note: "",
    },
    Seed {
        name: "Krisesentre",
        alias: "43 lokale krisesentre",
        phone: "",
        description: "Beskyttelse og botilbud ved vold i nære relasjoner. Lokale numre; nasjonalt via VO-linjen. Protection and shelter from violence in close relationships.",
        categories: &["housing", "violence"],
        hours: "24/7",
        web: "dinutvei.no",
        chat: "",
        source: "bufdir.no",
        min_age: None,
        max_age: None,
        free_anonymous: false,
        note: "Lokale numre; nasjonalt via VO-linjen 116 006.",
    },
    Seed {
        name: "DIXI Ressurssenter mot voldtekt",
        alias: "",
        phone: "",
        description: "For dem som har vært utsatt for voldtekt, og pårørende. People who have been raped, and their relatives.",
        categories: &["sexual_abuse", "relatives"],
        hours: "",
        web: "dixi.no",
        chat: "",
        source: "dixi.no",
        min_age: None,
        max_age: None,
        free_anonymous: false,
        note: "Nummer ikke funnet.",
    },
    Seed {
        name: "Pårørendesenteret",
        alias: "",
        phone: "",
        description: "Pårørende til personer med sykdom eller rusproblemer. Relatives of people with illness or addiction.",
        categories: &["relatives"],
        hours: "",
        web: "parorendesenteret.no",
        chat: "",
        source: "dinutvei.no",
        min_age: None,
        max_age: None,
        free_anonymous: false,
        note: "To ulike numre funnet; ikke lagt inn.",
    },
    Seed {
        name: "Sex og samfunn",
        alias: "",
        phone: "",
        description: "Seksuell helse for unge. Sexual health for young people.",
        categories: &["health", "children_youth"],
        hours: "mon-thu 10:30-18:00",
        web: "sexogsamfunn.no",
        chat: "sexogsamfunn.no (chat)",
        source: "sexogsamfunn.no",
        min_age: None,
        max_age: None,
        free_anonymous: false,
        note: "Bare chat funnet; åpningstiden gjelder chat.",
    },
    Seed {
        name: "Fri rettshjelp (Statsforvalteren)",
        alias: "",
        phone: "",
        description: "Gratis rettshjelp, søkes gjennom Statsforvalteren. Free legal aid, applied for through the Statsforvalteren.",
        categories: &["legal_aid"],
        hours: "",
        web: "sivilrett.no",
        chat: "",
        source: "sivilrett.no",
        min_age: None,
        max_age: None,
        free_anonymous: false,
        note: "",
    },
    Seed {
        name: "Jussbuss",
        alias: "",
        phone: "22 84 29 00",
        description: "Gratis juridisk rådgivning, drevet av studenter. Free legal advice, student-run.",
        categories: &["legal_aid"],
        hours: "mon 17:00-20:00; tue 10:00-15:00",
        web: "jussbuss.no",
        chat: "",
        source: "unconfirmed",
        min_age: None,
        max_age: None,
        free_anonymous: false,
        note: "",
    },
];

/// The starter entries, not verified, each with its source.
pub fn starter_services() -> Vec<Service> {
    let mut all = national_services();
    all.extend(super::seed_regional::regional_services());
    all
}

/// The national services of the table above.
fn national_services() -> Vec<Service> {
    SEEDS
        .iter()
        .map(|s| Service {
            uid: ids::derived_uuid(&["seed", s.name]),
            name: s.name.into(),
            alternate_name: s.alias.into(),
            description: s.description.into(),
            categories: s.categories.iter().map(|c| (*c).to_string()).collect(),
            phones: PhoneLine::voice(s.phone).into_iter().collect(),
            hours: Hours::parse(s.hours),
            web: s.web.into(),
            chat: s.chat.into(),
            source: s.source.into(),
            min_age: s.min_age,
            max_age: s.max_age,
            free: s.free_anonymous.then_some(true),
            anonymous: s.free_anonymous.then_some(true),
            national: true,
            internal_note: s.note.into(),
            ..Service::default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seed_is_valid_unverified_and_sourced() {
        let all = national_services();
        assert_eq!(all.len(), 19);
        for s in &all {
            assert_eq!(s.check(), Ok(()), "{}", s.name);
            assert!(s.last_verified_at.is_none());
            assert!(!s.source.is_empty());
            assert!(ids::is_uuid(&s.uid));
        }
        // Every number in the table was understood.
        let with_phone = SEEDS.iter().filter(|s| !s.phone.is_empty()).count();
        assert_eq!(
            all.iter().filter(|s| !s.phones.is_empty()).count(),
            with_phone
        );
        let kors = all.iter().find(|s| s.name == "Kors på halsen").unwrap();
        assert!(matches!(kors.hours, Hours::Weekly(_)));
        let rus = all.iter().find(|s| s.name == "RUSinfo").unwrap();
        assert!(matches!(rus.hours, Hours::Text(_)));
    }
}
