//! Norwegian place names a volunteer may type into the directory search:
//! every municipality (its Norwegian and Sámi or Kven names, from
//! Statistics Norway's classification of municipalities, 1 January 2026)
//! and every county. Facts, not entries: a place named here narrows the
//! search to the services that serve it even when no entry lists it
//! among its areas (the starter list names most places only in the
//! entry's name). Pure: no I/O.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::fold;

/// The municipalities: each one's number (its first two digits are its
/// county's number) and its official name, from Statistics Norway's
/// classification of municipalities (Klass 131) at 1 January 2026. A name
/// in several languages is written "Guovdageaidnu - Kautokeino"; two
/// municipalities of one name say their county in brackets ("Herøy
/// (Nordland)"). [`names`] splits them into the names a volunteer types.
const MUNICIPALITIES: &[(&str, &str)] = &[
    ("1820", "Alstahaug"),
    ("5601", "Alta"),
    ("3428", "Alvdal"),
    ("4631", "Alver"),
    ("1871", "Andøy"),
    ("3124", "Aremark"),
    ("4203", "Arendal"),
    ("3203", "Asker"),
    ("4645", "Askvoll"),
    ("4627", "Askøy"),
    ("1547", "Aukra"),
    ("1576", "Aure"),
    ("4641", "Aurland"),
    ("3226", "Aurskog-Høland"),
    ("4625", "Austevoll"),
    ("4632", "Austrheim"),
    ("1554", "Averøy"),
    ("5532", "Balsfjord"),
    ("4012", "Bamble"),
    ("5520", "Bardu"),
    ("1839", "Beiarn"),
    ("4601", "Bergen"),
    ("5630", "Berlevåg"),
    ("1811", "Bindal"),
    ("4216", "Birkenes"),
    ("1114", "Bjerkreim"),
    ("4624", "Bjørnafjorden"),
    ("1804", "Bodø"),
    ("1145", "Bokn"),
    ("4648", "Bremanger"),
    ("1813", "Brønnøy"),
    ("4220", "Bygland"),
    ("4222", "Bykle"),
    ("3201", "Bærum"),
    ("1867", "Bø"),
    ("4613", "Bømlo"),
    ("5632", "Båtsfjord"),
    ("5628", "Deatnu - Tana"),
    ("5512", "Dielddanuorri - Tjeldsund"),
    ("3431", "Dovre"),
    ("3301", "Drammen"),
    ("4016", "Drangedal"),
    ("5528", "Dyrøy"),
    ("1827", "Dønna"),
    ("4619", "Eidfjord"),
    ("3416", "Eidskog"),
    ("3240", "Eidsvoll"),
    ("1101", "Eigersund"),
    ("3420", "Elverum"),
    ("3220", "Enebakk"),
    ("3425", "Engerdal"),
    ("4611", "Etne"),
    ("3450", "Etnedal"),
    ("1853", "Evenes - Evenášši"),
    ("4219", "Evje og Hornnes"),
    ("4206", "Farsund"),
    ("1841", "Fauske - Fuossko"),
    ("4633", "Fedje"),
    ("4615", "Fitjar"),
    ("4646", "Fjaler"),
    ("1578", "Fjord"),
    ("1859", "Flakstad"),
    ("5049", "Flatanger"),
    ("4207", "Flekkefjord"),
    ("3334", "Flesberg"),
    ("3320", "Flå"),
    ("3429", "Folldal"),
    ("3107", "Fredrikstad"),
    ("3214", "Frogn"),
    ("4214", "Froland"),
    ("5036", "Frosta"),
    ("5014", "Frøya"),
    ("4032", "Fyresdal"),
    ("3911", "Færder"),
    ("5540", "Gáivuotna - Kåfjord - Kaivuono"),
    ("5626", "Gamvik"),
    ("3441", "Gausdal"),
    ("1838", "Gildeskål"),
    ("1532", "Giske"),
    ("1557", "Gjemnes"),
    ("3230", "Gjerdrum"),
    ("4211", "Gjerstad"),
    ("1122", "Gjesdal"),
    ("3407", "Gjøvik"),
    ("4650", "Gloppen"),
    ("3324", "Gol"),
    ("3446", "Gran"),
    ("1825", "Grane"),
    ("5516", "Gratangen - Rivtták"),
    ("4202", "Grimstad"),
    ("5045", "Grong"),
    ("3417", "Grue"),
    ("4635", "Gulen"),
    ("5612", "Guovdageaidnu - Kautokeino"),
    ("1875", "Hábmer - Hamarøy"),
    ("1866", "Hadsel"),
    ("3101", "Halden"),
    ("3403", "Hamar"),
    ("5603", "Hammerfest - Hámmerfeasta"),
    ("1580", "Haram"),
    ("1517", "Hareid"),
    ("5503", "Harstad - Hárstták"),
    ("5616", "Hasvik"),
    ("1106", "Haugesund"),
    ("5055", "Heim"),
    ("1832", "Hemnes"),
    ("3326", "Hemsedal"),
    ("1515", "Herøy (Møre og Romsdal)"),
    ("1818", "Herøy (Nordland)"),
    ("5056", "Hitra"),
    ("4024", "Hjartdal"),
    ("1133", "Hjelmeland"),
    ("3330", "Hol"),
    ("3310", "Hole"),
    ("3903", "Holmestrand"),
    ("5026", "Holtålen"),
    ("3901", "Horten"),
    ("3242", "Hurdal"),
    ("1579", "Hustadvika"),
    ("3110", "Hvaler"),
    ("4637", "Hyllestad"),
    ("4226", "Hægebostad"),
    ("4638", "Høyanger"),
    ("5046", "Høylandet"),
    ("1119", "Hå"),
    ("5514", "Ibestad"),
    ("5053", "Inderøy"),
    ("5054", "Indre Fosen"),
    ("3118", "Indre Østfold"),
    ("4218", "Iveland"),
    ("3236", "Jevnaker"),
    ("5610", "Kárášjohka - Karasjok"),
    ("5534", "Karlsøy"),
    ("1149", "Karmøy"),
    ("4602", "Kinn"),
    ("1120", "Klepp"),
    ("3303", "Kongsberg"),
    ("3401", "Kongsvinger"),
    ("4014", "Kragerø"),
    ("4204", "Kristiansand"),
    ("1505", "Kristiansund"),
    ("3318", "Krødsherad"),
    ("4622", "Kvam"),
    ("4227", "Kvinesdal"),
    ("4617", "Kvinnherad"),
    ("4028", "Kviteseid"),
    ("1144", "Kvitsøy"),
    ("5510", "Kvæfjord"),
    ("5546", "Kvænangen"),
    ("3909", "Larvik"),
    ("5624", "Lebesby"),
    ("1822", "Leirfjord"),
    ("5052", "Leka"),
    ("3432", "Lesja"),
    ("5037", "Levanger - Levangke"),
    ("3312", "Lier"),
    ("5042", "Lierne"),
    ("3405", "Lillehammer"),
    ("4215", "Lillesand"),
    ("3205", "Lillestrøm"),
    ("4205", "Lindesnes"),
    ("5518", "Loabák - Lavangen"),
    ("3434", "Lom"),
    ("5614", "Loppa"),
    ("1112", "Lund"),
    ("3234", "Lunner"),
    ("1834", "Lurøy"),
    ("4644", "Luster"),
    ("4225", "Lyngdal"),
    ("5536", "Lyngen - Ivgu - Yykeä"),
    ("4642", "Lærdal"),
    ("1851", "Lødingen"),
    ("3222", "Lørenskog"),
    ("3412", "Løten"),
    ("5031", "Malvik"),
    ("3122", "Marker"),
    ("4634", "Masfjorden"),
    ("5028", "Melhus"),
    ("1837", "Meløy"),
    ("5034", "Meråker"),
    ("4020", "Midt-Telemark"),
    ("5027", "Midtre Gauldal"),
    ("4629", "Modalen"),
    ("3316", "Modum"),
    ("1506", "Molde"),
    ("1874", "Moskenes"),
    ("3103", "Moss"),
    ("5524", "Målselv"),
    ("5618", "Måsøy"),
    ("5007", "Namsos - Nåavmesjenjaelmie"),
    ("5044", "Namsskogan"),
    ("3238", "Nannestad"),
    ("1806", "Narvik"),
    ("3228", "Nes"),
    ("3322", "Nesbyen"),
    ("1828", "Nesna"),
    ("3212", "Nesodden"),
    ("4030", "Nissedal"),
    ("3232", "Nittedal"),
    ("4018", "Nome"),
    ("3451", "Nord-Aurdal"),
    ("3436", "Nord-Fron"),
    ("3414", "Nord-Odal"),
    ("5620", "Nordkapp"),
    ("3207", "Nordre Follo"),
    ("3448", "Nordre Land"),
    ("5544", "Nordreisa - Ráisa - Raisi"),
    ("3338", "Nore og Uvdal"),
    ("4005", "Notodden"),
    ("5060", "Nærøysund"),
    ("5021", "Oppdal"),
    ("5059", "Orkland"),
    ("3430", "Os"),
    ("5020", "Osen"),
    ("0301", "Oslo - Oslove"),
    ("4630", "Osterøy"),
    ("5047", "Overhalla"),
    ("5622", "Porsanger - Porsángu - Porsanki"),
    ("4001", "Porsgrunn"),
    ("3120", "Rakkestad"),
    ("1833", "Rana - Raane"),
    ("1127", "Randaberg"),
    ("1539", "Rauma"),
    ("3424", "Rendalen"),
    ("5022", "Rennebu"),
    ("5061", "Rindal"),
    ("3439", "Ringebu"),
    ("3305", "Ringerike"),
    ("3411", "Ringsaker"),
    ("4201", "Risør"),
    ("3336", "Rollag"),
    ("3224", "Rælingen"),
    ("1836", "Rødøy"),
    ("5025", "Røros - Rosse"),
    ("1856", "Røst"),
    ("3112", "Råde"),
    ("5043", "Raarvihke - Røyrvik"),
    ("5522", "Salangen"),
    ("1840", "Saltdal"),
    ("4623", "Samnanger"),
    ("1514", "Sande"),
    ("3907", "Sandefjord"),
    ("1108", "Sandnes"),
    ("3105", "Sarpsborg"),
    ("1135", "Sauda"),
    ("3437", "Sel"),
    ("5032", "Selbu"),
    ("4022", "Seljord"),
    ("5530", "Senja"),
    ("3332", "Sigdal"),
    ("4010", "Siljan"),
    ("4228", "Sirdal"),
    ("5029", "Skaun"),
    ("4003", "Skien"),
    ("3116", "Skiptvet"),
    ("5542", "Skjervøy"),
    ("3433", "Skjåk"),
    ("1573", "Smøla"),
    ("5041", "Snåase - Snåsa"),
    ("4640", "Sogndal"),
    ("1111", "Sokndal"),
    ("1124", "Sola"),
    ("4636", "Solund"),
    ("1870", "Sortland - Suortá"),
    ("4649", "Stad"),
    ("3413", "Stange"),
    ("1103", "Stavanger"),
    ("1848", "Steigen"),
    ("5006", "Steinkjer - Stïentje"),
    ("5035", "Stjørdal"),
    ("3423", "Stor-Elvdal"),
    ("4614", "Stord"),
    ("5538", "Storfjord - Omasvuotna - Omasvuono"),
    ("1130", "Strand"),
    ("1525", "Stranda"),
    ("4651", "Stryn"),
    ("1531", "Sula"),
    ("1134", "Suldal"),
    ("1563", "Sunndal"),
    ("4647", "Sunnfjord"),
    ("1566", "Surnadal"),
    ("4612", "Sveio"),
    ("1528", "Sykkylven"),
    ("1812", "Sømna"),
    ("3447", "Søndre Land"),
    ("3449", "Sør-Aurdal"),
    ("3438", "Sør-Fron"),
    ("3415", "Sør-Odal"),
    ("5605", "Sør-Varanger"),
    ("1845", "Sørfold - Fuolldá"),
    ("5526", "Sørreisa"),
    ("1121", "Time"),
    ("1560", "Tingvoll"),
    ("4026", "Tinn"),
    ("4034", "Tokke"),
    ("3426", "Tolga"),
    ("5501", "Tromsø"),
    ("5001", "Trondheim - Tråante"),
    ("3421", "Trysil"),
    ("1835", "Træna"),
    ("4213", "Tvedestrand"),
    ("5033", "Tydal"),
    ("3427", "Tynset"),
    ("4616", "Tysnes"),
    ("1146", "Tysvær"),
    ("3905", "Tønsberg"),
    ("3209", "Ullensaker"),
    ("4618", "Ullensvang"),
    ("1516", "Ulstein"),
    ("4620", "Ulvik"),
    ("5636", "Unjárga - Nesseby"),
    ("1151", "Utsira"),
    ("5607", "Vadsø"),
    ("4628", "Vaksdal"),
    ("4221", "Valle"),
    ("3454", "Vang"),
    ("1511", "Vanylven"),
    ("5634", "Vardø"),
    ("1824", "Vefsn"),
    ("1815", "Vega"),
    ("4212", "Vegårshei"),
    ("4223", "Vennesla"),
    ("5038", "Verdal"),
    ("3216", "Vestby"),
    ("1535", "Vestnes"),
    ("3452", "Vestre Slidre"),
    ("3443", "Vestre Toten"),
    ("1860", "Vestvågøy"),
    ("1816", "Vevelstad"),
    ("4639", "Vik"),
    ("1160", "Vindafjord"),
    ("4036", "Vinje"),
    ("1577", "Volda"),
    ("4621", "Voss"),
    ("1857", "Værøy"),
    ("1865", "Vågan"),
    ("3435", "Vågå"),
    ("3419", "Våler (Innlandet)"),
    ("3114", "Våler (Østfold)"),
    ("1868", "Øksnes"),
    ("5057", "Ørland"),
    ("1520", "Ørsta"),
    ("3442", "Østre Toten"),
    ("3314", "Øvre Eiker"),
    ("3440", "Øyer"),
    ("4626", "Øygarden"),
    ("3453", "Øystre Slidre"),
    ("5058", "Åfjord"),
    ("3328", "Ål"),
    ("1508", "Ålesund"),
    ("4217", "Åmli"),
    ("3422", "Åmot"),
    ("1826", "Aarborte - Hattfjelldal"),
    ("4643", "Årdal"),
    ("3218", "Ås"),
    ("4224", "Åseral"),
    ("3418", "Åsnes"),
];

/// The counties by number (Statistics Norway's classification 104, from
/// 2024).
const COUNTY_NUMBERS: &[(&str, &str)] = &[
    ("03", "Oslo"),
    ("11", "Rogaland"),
    ("15", "Møre og Romsdal"),
    ("18", "Nordland"),
    ("31", "Østfold"),
    ("32", "Akershus"),
    ("33", "Buskerud"),
    ("34", "Innlandet"),
    ("39", "Vestfold"),
    ("40", "Telemark"),
    ("42", "Agder"),
    ("46", "Vestland"),
    ("50", "Trøndelag"),
    ("55", "Troms"),
    ("56", "Finnmark"),
];

/// The names of an official municipality name, each on its own:
/// "Guovdageaidnu - Kautokeino" is Guovdageaidnu and Kautokeino, "Herøy
/// (Nordland)" is Herøy.
fn names(official: &str) -> impl Iterator<Item = &str> {
    let bare = official.split(" (").next().unwrap_or(official);
    bare.split(" - ").map(str::trim)
}

/// The county a municipality number belongs to.
fn county_of_number(number: &str) -> Option<&'static str> {
    COUNTY_NUMBERS
        .iter()
        .find(|(n, _)| number.get(..2) == Some(*n))
        .map(|(_, c)| *c)
}

/// The counties of the municipalities called `folded` (as `fold::fold`
/// writes it), by name and in the list's order: one for most, two for
/// Herøy and Våler, none for a name that is not a municipality.
pub fn counties_of(folded: &str) -> Vec<&'static str> {
    static BY_NAME: OnceLock<HashMap<String, Vec<&'static str>>> = OnceLock::new();
    let by_name = BY_NAME.get_or_init(|| {
        let mut map: HashMap<String, Vec<&'static str>> = HashMap::new();
        for (number, official) in MUNICIPALITIES {
            let Some(county) = county_of_number(number) else {
                continue;
            };
            for name in names(official) {
                let counties = map.entry(fold::fold(name)).or_default();
                if !counties.contains(&county) {
                    counties.push(county);
                }
            }
        }
        for counties in map.values_mut() {
            counties.sort_unstable();
        }
        map
    });
    by_name.get(folded).cloned().unwrap_or_default()
}

/// The counties (from 2024), and Svalbard.
const COUNTIES: &[&str] = &[
    "Agder",
    "Akershus",
    "Buskerud",
    "Finnmark",
    "Innlandet",
    "Møre og Romsdal",
    "Nordland",
    "Oslo",
    "Rogaland",
    "Telemark",
    "Troms",
    "Trøndelag",
    "Vestfold",
    "Vestland",
    "Østfold",
    "Svalbard",
];

/// Names that are also everyday words ("time" is an hour, "heim" a home,
/// "fjord" a fjord): a place only when some entry names it, so that a
/// volunteer who types the word is not given a place filter instead.
const ALSO_WORDS: &[&str] = &[
    "time", "heim", "fjord", "stad", "strand", "marker", "vik", "sel", "hol", "hole", "lom", "nes",
    "gol", "gran", "vang", "lund", "sande", "vega", "nome", "grue", "leka", "sula", "valle",
    "kinn", "tinn", "moss", "lier", "aure", "osen", "rana", "sola", "stord", "volda",
];

/// What a folded run of query words is, as a place name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceName {
    /// A municipality or county: a place.
    Place,
    /// A municipality's name that is also an everyday word: a place only
    /// if an entry names it.
    AlsoWord,
    /// Not a place this list knows.
    Unknown,
}

/// Looks up a folded name (as `fold::fold` writes it).
pub fn place_name(folded: &str) -> PlaceName {
    static KNOWN: OnceLock<HashSet<String>> = OnceLock::new();
    let known = KNOWN.get_or_init(|| {
        MUNICIPALITIES
            .iter()
            .flat_map(|(_, official)| names(official))
            .chain(COUNTIES.iter().copied())
            .map(fold::fold)
            .collect()
    });
    if !known.contains(folded) {
        PlaceName::Unknown
    } else if ALSO_WORDS.contains(&folded) {
        PlaceName::AlsoWord
    } else {
        PlaceName::Place
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_found_however_they_are_spelt() {
        for name in [
            "tromso",
            "tromsø",
            "Tromsø",
            "MO I RANA",
            "kautokeino",
            "guovdageaidnu",
        ] {
            let f = fold::fold(name);
            if f == "mo i rana" {
                // A town, not a municipality: the entries' areas decide.
                assert_eq!(place_name(&f), PlaceName::Unknown);
                continue;
            }
            assert_eq!(place_name(&f), PlaceName::Place, "{name}");
        }
        assert_eq!(place_name(&fold::fold("Møre og Romsdal")), PlaceName::Place);
        assert_eq!(place_name("time"), PlaceName::AlsoWord);
        assert_eq!(place_name("krisesenter"), PlaceName::Unknown);
    }

    #[test]
    fn every_everyday_word_is_a_known_name_and_every_name_folds_to_itself() {
        for w in ALSO_WORDS {
            assert_ne!(place_name(w), PlaceName::Unknown, "{w}");
        }
        let all = MUNICIPALITIES
            .iter()
            .flat_map(|(_, official)| names(official))
            .chain(COUNTIES.iter().copied());
        for n in all {
            let f = fold::fold(n);
            assert_eq!(fold::fold(&f), f, "{n}");
            assert!(!f.is_empty(), "{n}");
        }
    }

    #[test]
    fn every_municipality_has_one_number_and_a_county_of_the_list() {
        // 357 municipalities from 1 January 2024 (and still in 2026).
        assert_eq!(MUNICIPALITIES.len(), 357);
        let numbers: HashSet<&str> = MUNICIPALITIES.iter().map(|(n, _)| *n).collect();
        assert_eq!(numbers.len(), MUNICIPALITIES.len(), "a number twice");
        for (number, official) in MUNICIPALITIES {
            assert!(
                number.len() == 4 && number.bytes().all(|b| b.is_ascii_digit()),
                "{number}"
            );
            let county = county_of_number(number).unwrap_or_else(|| panic!("{number} {official}"));
            assert!(COUNTIES.contains(&county), "{county}");
        }
        // Every county but Svalbard has municipalities.
        for c in COUNTIES.iter().filter(|c| **c != "Svalbard") {
            assert!(
                MUNICIPALITIES
                    .iter()
                    .any(|(n, _)| county_of_number(n) == Some(*c)),
                "{c}"
            );
        }
    }

    #[test]
    fn a_municipality_knows_its_county_by_any_of_its_names() {
        for (name, county) in [
            ("kautokeino", "Finnmark"),
            ("guovdageaidnu", "Finnmark"),
            ("tromso", "Troms"),
            ("alta", "Finnmark"),
            ("bergen", "Vestland"),
            ("oslo", "Oslo"),
            ("trondheim", "Trøndelag"),
            ("traante", "Trøndelag"),
            ("aurskog-holand", "Akershus"),
            ("evje og hornnes", "Agder"),
            ("hattfjelldal", "Nordland"),
            ("kafjord", "Troms"),
            ("jevnaker", "Akershus"),
            ("stavanger", "Rogaland"),
        ] {
            assert_eq!(counties_of(&fold::fold(name)), [county], "{name}");
        }
        // One name, two municipalities: both counties.
        assert_eq!(counties_of("heroy"), ["Møre og Romsdal", "Nordland"]);
        assert_eq!(counties_of("valer"), ["Innlandet", "Østfold"]);
        // Not a municipality.
        assert!(counties_of("finnmark").is_empty());
        assert!(counties_of("mo i rana").is_empty());
        assert!(counties_of("krisesenter").is_empty());
    }
}
