//! The directory's store: search relevance (with the folding cases from
//! the issue), writes, referrals, problem reports, import and export.
//! All data is synthetic.

mod common;

use chrono::{Duration, TimeZone, Utc};
use common::queue_fixture::{store_voicemail_by, voicemail};
use common::{TestDb, monday_morning};
use vakt::directory::{Hours, PhoneKind, PhoneLine, Service, Skip, Status, hsds};
use vakt::phone::Phone;
use vakt::store::Store;
use vakt::store::directory::{ProblemKind, SearchQuery};

fn svc(name: &str, description: &str) -> Service {
    Service {
        name: name.into(),
        description: description.into(),
        national: true,
        ..Service::default()
    }
}

fn names(store: &Store, text: &str) -> Vec<String> {
    store
        .search_services(&SearchQuery {
            text,
            limit: 50,
            ..SearchQuery::default()
        })
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect()
}

fn with_entries() -> (TestDb, Store) {
    let db = TestDb::new();
    let mut store = db.store();
    let now = monday_morning();
    for s in [
        Service {
            areas: vec!["Tromsø".into()],
            national: false,
            ..svc(
                "Krisesenteret i Tromsø",
                "Botilbud ved vold i nære relasjoner",
            )
        },
        svc("Barnevernvakten", "Akutt hjelp for barn"),
        svc(
            "Familievernkontoret",
            "Samtaler for familier; samarbeider med barnevernet",
        ),
        svc("Pårørendelinjen", "For deg som står nær noen som sliter"),
        svc("Aasane kommune", "Kommunale tjenester"),
        svc("Ærlig talt", "Samtalegruppe"),
    ] {
        store.add_service(&s, "T", now).unwrap();
    }
    (db, store)
}

#[test]
fn folding_cases_from_the_issue() {
    let (_db, store) = with_entries();
    // A place name: the services serving Tromsø first (this one and the
    // starter list's), then those serving its county, Troms (Harstad's
    // centre lists the county), then the national ones. However it is
    // spelt.
    let tromso = names(&store, "tromso");
    let local: Vec<&String> = tromso.iter().take_while(|n| n.contains("Tromsø")).collect();
    assert!(
        local.contains(&&"Krisesenteret i Tromsø".to_string()),
        "{tromso:?}"
    );
    let at = |name: &str| tromso.iter().position(|n| n.contains(name));
    let harstad = at("Harstad").unwrap_or_else(|| panic!("{tromso:?}"));
    let national = at("Barnevernvakten").unwrap_or_else(|| panic!("{tromso:?}"));
    assert!(local.len() <= harstad && harstad < national, "{tromso:?}");
    assert_eq!(names(&store, "TROMSØ"), tromso);
    assert_eq!(names(&store, "tromsø"), tromso);
    let pa = names(&store, "pårørende");
    assert_eq!(pa.first().map(String::as_str), Some("Pårørendelinjen"));
    assert_eq!(names(&store, "parorende"), pa);
    assert_eq!(
        names(&store, "paarorende"),
        pa,
        "aa is an old spelling of å"
    );
    assert_eq!(names(&store, "åsane"), vec!["Aasane kommune"]);
    assert_eq!(names(&store, "aerlig"), vec!["Ærlig talt"]);
    // A word that only appears as the start of a longer word.
    let bv = names(&store, "barnevern");
    assert!(bv.contains(&"Familievernkontoret".to_string()), "{bv:?}");
}

#[test]
fn name_hits_come_before_description_hits_and_prefixes_work_per_keystroke() {
    let (_db, store) = with_entries();
    let bv = names(&store, "barnevern");
    assert_eq!(bv[0], "Barnevernvakten", "the name hit is first: {bv:?}");
    assert!(
        bv[1..].contains(&"Familievernkontoret".to_string()),
        "{bv:?}"
    );
    // Each prefix as it is typed finds the name first.
    for prefix in ["b", "ba", "bar", "barn", "barne", "barnev"] {
        let got = names(&store, prefix);
        assert_eq!(
            got.first().map(String::as_str),
            Some("Barnevernvakten"),
            "{prefix}: {got:?}"
        );
    }
    // Two words, both prefixes, in any order.
    let tk = names(&store, "trom kris");
    assert!(tk.contains(&"Krisesenteret i Tromsø".to_string()), "{tk:?}");
    assert!(
        tk.iter().all(|n| n.to_lowercase().contains("krisesenter")),
        "only crisis centres: {tk:?}"
    );
    assert!(names(&store, "zzzz").is_empty());
    // Syntax that FTS5 would otherwise read is just text.
    assert_eq!(names(&store, "\"barn*\" NEAR("), names(&store, "barn near"));
    let _ = names(&store, &"x\"y*(".repeat(100_000));
}

#[test]
fn the_starter_list_is_there_unverified_with_sources() {
    let db = TestDb::new();
    let store = db.store();
    let all = store.all_services().unwrap();
    let starter = vakt::directory::seed::starter_services().len();
    assert!(starter > 80, "national and regional entries: {starter}");
    assert_eq!(all.len(), starter);
    assert!(
        all.iter()
            .all(|s| s.last_verified_at.is_none() && !s.source.is_empty())
    );
    // Opening again does not import it twice.
    drop(store);
    assert_eq!(db.store().all_services().unwrap().len(), starter);
    assert_eq!(names(&db.store(), "kirkens"), vec!["Kirkens SOS"]);
}

#[test]
fn filters_category_municipality_open_now() {
    let (_db, mut store) = with_entries();
    let now = monday_morning();
    let mut weekday = svc("Dagtilbudet", "Rus og spill");
    weekday.categories = vec!["substance_use".into()];
    weekday.hours = Hours::parse("mon-fri 09:00-15:00");
    store.add_service(&weekday, "T", now).unwrap();
    let q = |text, cat, muni, open: bool| {
        store
            .search_services(&SearchQuery {
                text,
                category: cat,
                municipality: muni,
                open_at: open.then_some((now, chrono_tz::Europe::Oslo)),
                limit: 50,
                ..SearchQuery::default()
            })
            .unwrap()
            .into_iter()
            .map(|s| s.name)
            .collect::<Vec<_>>()
    };
    assert!(q("", Some("substance_use"), None, false).contains(&"Dagtilbudet".to_string()));
    assert!(!q("", Some("substance_use"), None, false).contains(&"Barnevernvakten".to_string()));
    // Tromsø's shelter serves Tromsø only; national services serve everyone.
    assert!(
        q("krise", None, Some("tromso"), false).contains(&"Krisesenteret i Tromsø".to_string())
    );
    assert!(
        !q("krise", None, Some("Bergen"), false).contains(&"Krisesenteret i Tromsø".to_string())
    );
    assert!(q("barnevern", None, Some("Bergen"), false).contains(&"Barnevernvakten".to_string()));
    // Monday 10:42: the weekday service is open; at 20:00 it is not.
    assert_eq!(q("dagtilbudet", None, None, true), vec!["Dagtilbudet"]);
    let evening = Utc.with_ymd_and_hms(2026, 11, 23, 19, 0, 0).unwrap();
    let closed = store
        .search_services(&SearchQuery {
            text: "dagtilbudet",
            open_at: Some((evening, chrono_tz::Europe::Oslo)),
            limit: 50,
            ..SearchQuery::default()
        })
        .unwrap();
    assert!(closed.is_empty());
}

#[test]
fn verify_deactivate_problems_and_referrals() {
    let db = TestDb::new();
    let mut store = db.store();
    let now = monday_morning();
    let id = store
        .add_service(&svc("Testlinjen", "x"), "T", now)
        .unwrap();
    store.verify_service(id, "KH", now).unwrap();
    let s = store.service(id).unwrap().unwrap();
    assert_eq!(s.last_verified_at, Some(now));
    assert_eq!(s.verified_by, "KH");
    // Editing keeps who verified it.
    let mut edited = s.clone();
    edited.description = "ny".into();
    store.update_service(id, &edited, "AB", now).unwrap();
    assert_eq!(store.service(id).unwrap().unwrap().verified_by, "KH");

    // A referral needs an open callback; the caller's number is not copied.
    assert!(store.refer(id, None, None, "KH", now).is_err());
    let v = voicemail("+47 22 33 44 55", now - Duration::hours(1));
    let cb = store_voicemail_by(&mut store, &v, "KH", now).id;
    store.refer(id, Some(cb), None, "KH", now).unwrap();
    assert_eq!(store.referrals_for_callback(cb).unwrap(), vec![(id, now)]);
    assert_eq!(store.referral_count(id).unwrap(), 1);
    let cols: Vec<String> = store
        .conn()
        .prepare("SELECT name FROM pragma_table_info('referrals')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!cols.iter().any(|c| c.contains("phone")));

    store
        .report_problem(id, ProblemKind::WrongNumber, "svarte ikke", "KH", now)
        .unwrap();
    let since = store.problems_since(now - Duration::minutes(1)).unwrap();
    assert_eq!(since.len(), 1);
    assert_eq!(since[0].service_name, "Testlinjen");
    assert_eq!(since[0].kind, ProblemKind::WrongNumber);
    assert!(
        store
            .problems_since(now + Duration::minutes(1))
            .unwrap()
            .is_empty()
    );

    store
        .set_service_status(id, Status::Closed, "KH", now)
        .unwrap();
    assert!(
        names(&store, "testlinjen").is_empty(),
        "deactivated entries leave search"
    );
    assert!(store.refer(id, Some(cb), None, "KH", now).is_err());

    let audited: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM audit WHERE entity IN ('service', 'referral') AND actor = 'KH'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(audited >= 4, "{audited}");
}

#[test]
fn import_reports_and_a_broken_batch_changes_nothing() {
    let db = TestDb::new();
    let mut store = db.store();
    let now = monday_morning();
    let text = std::fs::read_to_string("../shared/hsds/examples/service_full.json")
        .or_else(|_| std::fs::read_to_string("/work/shared/hsds/examples/service_full.json"))
        .expect("HSDS example");
    let items = hsds::services_in(&text).unwrap();
    let entries = items
        .iter()
        .enumerate()
        .map(|(i, v)| (i + 1, hsds::from_hsds(v).map_err(|e| (String::new(), e))))
        .collect();
    let r = store.import_services(entries, "T", now).unwrap();
    assert_eq!(r.added, 1);
    let s = &store
        .all_services()
        .unwrap()
        .into_iter()
        .find(|s| s.name == "Community Counselling")
        .unwrap();
    assert_eq!(s.uid, "ac148810-d857-441c-9679-408f346de14b");
    assert_eq!(
        s.phones.len(),
        1,
        "the quoted number in the example is read"
    );
    assert_eq!(s.phones[0].kind, PhoneKind::Voice);
    assert_eq!(s.organization, "Example Organization Inc.");
    assert_eq!((s.min_age, s.max_age), (Some(12), Some(100)));
    assert!(matches!(s.hours, Hours::Weekly(_)));

    // Duplicates and unnamed entries are skipped with reasons.
    let dup = svc("Dobbel", "");
    let r = store
        .import_services(
            vec![
                (
                    1,
                    Ok(vakt::directory::Parsed {
                        service: dup.clone(),
                        notes: vec![],
                    }),
                ),
                (
                    2,
                    Ok(vakt::directory::Parsed {
                        service: dup,
                        notes: vec![],
                    }),
                ),
                (3, Err((String::new(), Skip::NoName))),
            ],
            "T",
            now,
        )
        .unwrap();
    assert_eq!(r.added, 1);
    assert_eq!(r.skipped.len(), 2);
    assert_eq!(r.skipped[0].2, Skip::Duplicate);

    // A failing write rolls the whole import back.
    let before = store.all_services().unwrap().len();
    let mut bad = svc("Ny", "");
    bad.phones = vec![
        PhoneLine {
            number: Phone::parse("116 123").unwrap(),
            kind: PhoneKind::Voice,
            note: String::new(),
        };
        30
    ];
    let r = store.import_services(
        vec![
            (
                1,
                Ok(vakt::directory::Parsed {
                    service: svc("Først", ""),
                    notes: vec![],
                }),
            ),
            (
                2,
                Ok(vakt::directory::Parsed {
                    service: bad,
                    notes: vec![],
                }),
            ),
        ],
        "T",
        now,
    );
    assert!(r.is_err());
    assert_eq!(store.all_services().unwrap().len(), before);
}

#[test]
fn every_exported_service_validates_against_the_hsds_schema() {
    let schema_text = std::fs::read_to_string("../shared/hsds/schema/compiled/service.json")
        .or_else(|_| std::fs::read_to_string("/work/shared/hsds/schema/compiled/service.json"))
        .expect("HSDS schema");
    let schema: serde_json::Value = serde_json::from_str(&schema_text).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles");
    let (_db, mut store) = with_entries();
    let now = monday_morning();
    let mut full = svc("Alt utfylt", "Alle felt");
    full.alternate_name = "AU".into();
    full.organization = "Org".into();
    full.email = "post@example.no".into();
    full.web = "example.no/side".into();
    full.phones = vec![PhoneLine {
        number: Phone::parse("+47 22 33 44 55").unwrap(),
        kind: PhoneKind::Text,
        note: "sms".into(),
    }];
    full.hours =
        Hours::parse("mon-fri 09-15; sat 22-02; holidays 11-13; 24.12 09-12; 31.12 closed");
    full.min_age = Some(12);
    full.max_age = Some(18);
    full.languages = vec!["nb".into(), "Arabisk".into()];
    full.categories = vec!["relatives".into(), "gjeld".into()];
    full.alert = "Stengt i jula".into();
    full.alert_until = chrono::NaiveDate::from_ymd_opt(2026, 12, 31);
    full.address_withheld = true;
    full.status = Status::DoNotRefer;
    full.free = Some(true);
    full.anonymous = Some(false);
    let id = store.add_service(&full, "T", now).unwrap();
    store.verify_service(id, "KH", now).unwrap();
    let all = store.all_services().unwrap();
    assert!(all.len() > 20);
    for s in &all {
        let v = hsds::to_hsds(s);
        let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", s.name);
        // And it comes back the same.
        let back = hsds::from_hsds(&v).unwrap().service;
        assert_eq!(back, Service { id: 0, ..s.clone() }, "{}", s.name);
    }
}

#[test]
fn little_words_in_a_query_do_not_hide_an_entry() {
    let (_db, store) = with_entries();
    // "i" is in the name, "for" is not in this entry at all: both are
    // left out of the index query, so the entry is found either way.
    // (The starter list has more services in Tromsø; with "vold" the
    // national services against violence follow the local ones.)
    for q in ["krisesenteret i tromsø", "vold for tromsø"] {
        let got = names(&store, q);
        assert!(
            got.contains(&"Krisesenteret i Tromsø".to_string()),
            "{q}: {got:?}"
        );
        assert!(got[0].contains("Tromsø"), "{q}: {got:?}");
    }
    // A little word alone still searches.
    // (More than a page of entries say "for": look at all of them.)
    let all_for = store
        .search_services(&SearchQuery {
            text: "for",
            limit: 1000,
            ..SearchQuery::default()
        })
        .unwrap();
    assert!(all_for.iter().any(|s| s.name == "Pårørendelinjen"));
    // Real words still narrow.
    let both = names(&store, "tromsø barnevernvakten");
    assert!(
        !both.contains(&"Krisesenteret i Tromsø".to_string()),
        "{both:?}"
    );
    // Tromsø is a place: the national Barnevernvakten serves it.
    assert_eq!(both, vec!["Barnevernvakten"]);
}

/// A place is read one of two ways, by how many entries serve it (a few:
/// one set; many: row by row). Both say the same: the entries with the
/// place among their areas or as whole words of their name first, then
/// the national ones, and nothing from elsewhere.
#[test]
fn a_place_served_by_many_or_by_few_reads_the_same() {
    use vakt::store::directory::bulk_insert;
    let db = TestDb::new();
    let mut store = db.store();
    let now = monday_morning();
    let local = |name: String, area: &str| Service {
        areas: vec![area.into()],
        national: false,
        ..svc(&name, "Samtaler")
    };
    let mut all: Vec<Service> = (0..1200)
        .map(|i| local(format!("Tjeneste {i:04}"), "Testby"))
        .collect();
    all.extend((0..5).map(|i| local(format!("Tilbud {i}"), "Prøvested")));
    for place in ["Testby", "Prøvested"] {
        // Named for the place, listing only its county.
        all.push(local(format!("Senteret for {place} og omegn"), "Fylket"));
        // The place only inside a longer word: not the place.
        all.push(local(format!("{place}sk kafé"), "Fylket"));
    }
    all.push(local("Tilbud i Harstad".into(), "Harstad"));
    bulk_insert(&mut store, &all, "T", now).unwrap();
    let national = store
        .all_services()
        .unwrap()
        .iter()
        .filter(|s| s.national)
        .count();
    for (place, served) in [("testby", 1201), ("prøvested", 6)] {
        let got: Vec<Service> = store
            .search_services(&SearchQuery {
                text: place,
                limit: 1000,
                ..SearchQuery::default()
            })
            .unwrap();
        let local_n = got.iter().take_while(|s| !s.national).count();
        assert_eq!(local_n, served.min(1000), "{place}");
        assert!(got[local_n..].iter().all(|s| s.national), "{place}");
        let names: Vec<&str> = got.iter().map(|s| s.name.as_str()).collect();
        let cap = if place == "testby" {
            "Testby"
        } else {
            "Prøvested"
        };
        if served < 1000 {
            assert!(names.contains(&format!("Senteret for {cap} og omegn").as_str()));
            assert_eq!(got.len() - local_n, national, "{place}");
        } else {
            // A page of them; the named one sorts first among the local.
            assert!(
                names.contains(&format!("Senteret for {cap} og omegn").as_str()),
                "{place}"
            );
        }
        assert!(
            !names.contains(&format!("{cap}sk kafé").as_str()),
            "{place}"
        );
        assert!(!names.contains(&"Tilbud i Harstad"), "{place}");
    }
}

/// A page of results, or the items of a handover, read with one statement
/// answers what reading them one at a time answers.
#[test]
fn reading_many_at_once_answers_as_one_at_a_time() {
    let db = TestDb::new();
    let mut store = db.store();
    let now = monday_morning();
    let ids: Vec<i64> = ["Alfa", "Bravo", "Charlie"]
        .iter()
        .map(|n| store.add_service(&svc(n, ""), "KH", now).unwrap())
        .collect();
    let (a, b, c) = (ids[0], ids[1], ids[2]);
    // A problem on Alfa; one on Bravo, answered by a check after it.
    store
        .report_problem(a, ProblemKind::WrongNumber, "", "KH", now)
        .unwrap();
    store
        .report_problem(b, ProblemKind::Closed, "", "KH", now)
        .unwrap();
    store
        .verify_service(b, "KH", now + Duration::minutes(1))
        .unwrap();
    let among = store.open_problem_among(&[a, b, c, 999_999]).unwrap();
    assert_eq!(among, [a].into_iter().collect());
    for id in [a, b, c] {
        assert_eq!(
            among.contains(&id),
            store.open_problem(id).unwrap().is_some()
        );
    }
    assert!(store.open_problem_among(&[]).unwrap().is_empty());

    // Three callbacks: two services given to the first (the later one
    // first in time order), one to the second, none to the third.
    let cbs: Vec<i64> = ["+47 22 33 44 55", "+47 22 33 44 56", "+47 22 33 44 57"]
        .iter()
        .map(|p| {
            store_voicemail_by(
                &mut store,
                &voicemail(p, now - Duration::hours(1)),
                "KH",
                now,
            )
            .id
        })
        .collect();
    store
        .refer(c, Some(cbs[0]), None, "KH", now + Duration::minutes(5))
        .unwrap();
    store
        .refer(a, Some(cbs[0]), None, "KH", now + Duration::minutes(2))
        .unwrap();
    store
        .refer(c, Some(cbs[1]), None, "KH", now + Duration::minutes(3))
        .unwrap();
    let each = store.referrals_of_each(&cbs).unwrap();
    assert_eq!(each.len(), 2, "only callbacks with referrals: {each:?}");
    for cb in &cbs {
        let one = store.referrals_of(*cb).unwrap();
        assert_eq!(each.get(cb).cloned().unwrap_or_default(), one);
    }
    let first: Vec<&str> = each[&cbs[0]].iter().map(|r| r.service.as_str()).collect();
    assert_eq!(first, ["Alfa", "Charlie"]);
    assert!(store.referrals_of_each(&[]).unwrap().is_empty());
}

/// The count of times a service was given out is kept as referrals are
/// made and taken back, and a file from before the count is counted when
/// it is opened.
#[test]
fn the_referral_count_follows_referrals_and_older_files_are_counted() {
    let db = TestDb::new();
    let mut store = db.store();
    let now = monday_morning();
    let id = store.add_service(&svc("Alfa", ""), "KH", now).unwrap();
    let other = store.add_service(&svc("Bravo", ""), "KH", now).unwrap();
    let cb = store_voicemail_by(
        &mut store,
        &voicemail("+47 22 33 44 58", now - Duration::hours(1)),
        "KH",
        now,
    )
    .id;
    assert_eq!(store.referral_count(id).unwrap(), 0);
    let first = store.refer(id, Some(cb), None, "KH", now).unwrap();
    store.refer(id, Some(cb), None, "KH", now).unwrap();
    store.refer(other, Some(cb), None, "KH", now).unwrap();
    assert_eq!(store.referral_count(id).unwrap(), 2);
    store.undo_referral(first, "KH", now).unwrap();
    assert_eq!(store.referral_count(id).unwrap(), 1);
    assert_eq!(store.referral_count(other).unwrap(), 1);

    // The file as it was before the count (schema version 13).
    store
        .conn()
        .execute_batch(
            "DROP TRIGGER referral_counted; DROP TRIGGER referral_uncounted;
             DROP TRIGGER referral_moved; DROP TABLE service_referral_counts;
             PRAGMA user_version = 13;",
        )
        .unwrap();
    drop(store);
    let store = db.store();
    assert_eq!(store.referral_count(id).unwrap(), 1);
    assert_eq!(store.referral_count(other).unwrap(), 1);
}
