//! Referrals and directory problems reach the statistics and the handover,
//! without caller data.

mod common;

use chrono::Utc;
use common::TestDb;
use common::queue_fixture::{store_voicemail_by, voicemail};
use serde_json::Value;
use vakt::store::callbacks::NewVoicemail;
use vakt::store::directory::ProblemKind;
use vakt::store::directory::SearchQuery;

fn json(db: &TestDb, args: &[&str]) -> Value {
    let out = db
        .cmd()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn referrals_are_counted_by_service_and_category_and_problems_reach_the_handover() {
    let db = TestDb::new();
    let now = Utc::now();
    let mut s = db.store();
    let v = NewVoicemail {
        label: "Kari".into(),
        summary: "Synthetic".into(),
        ..voicemail("22 33 44 55", now)
    };
    let id = store_voicemail_by(&mut s, &v, "KH", now).id;
    let find = |s: &vakt::store::Store, text: &str| {
        s.search_services(&SearchQuery {
            text,
            category: None,
            municipality: None,
            open_at: None,
            include_closed: false,
            limit: 5,
        })
        .unwrap()[0]
            .id
    };
    let vo = find(&s, "vold og overgrep");
    let sos = find(&s, "kirkens sos");
    s.refer(vo, Some(id), None, "KH", now).unwrap();
    s.refer(vo, Some(id), None, "KH", now).unwrap();
    s.refer(sos, Some(id), None, "KH", now).unwrap();
    s.report_problem(sos, ProblemKind::WrongNumber, "svarer ikke", "KH", now)
        .unwrap();

    let stats = json(&db, &["stats", "--json"]);
    let r = &stats["referrals"];
    assert_eq!(r["total"], 3);
    assert_eq!(r["by_service"][0]["service_id"], vo);
    assert_eq!(r["by_service"][0]["count"], 2);
    assert_eq!(r["by_service"][1]["count"], 1);
    assert!(!r["by_category"].as_array().unwrap().is_empty());
    let text = serde_json::to_string(&stats).unwrap();
    assert!(!text.contains("Kari") && !text.contains("22334455") && !text.contains("Synthetic"));

    let csv = db.output(&["stats", "--csv"]);
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.contains(&format!("referrals_service_{vo},")), "{csv}");

    let h = json(&db, &["handover", "--format", "json"]);
    assert_eq!(h["done"]["referrals"], 3);
    assert_eq!(h["directory_problems"][0]["kind"], "wrong_number");
    assert_eq!(h["directory_problems"][0]["note"], "svarer ikke");
    let text = db.output(&["--lang", "en", "handover"]);
    let text = String::from_utf8(text).unwrap();
    assert!(text.contains("3 referrals"), "{text}");
    assert!(text.contains("Directory: Kirkens SOS"), "{text}");
}
