//! Items due at the same time are ordered by the time they were received,
//! then by id: in the store's keyset queries and in the app.

mod common;

use common::TestDb;
use common::queue_fixture::*;
use ratatui::crossterm::event::KeyCode;
use vakt::domain::promise::Safety;
use vakt::i18n::Lang;
use vakt::tui::render_text;

/// Two items due at the same time, the later-received one entered first
/// (a voicemail typed in after a later one was).
fn tied(db: &TestDb) -> (i64, i64) {
    let later = add(
        db,
        "22 33 44 87",
        oslo(2026, 11, 21, 11, 2),
        "Senere",
        Safety::default(),
    );
    let earlier = add(
        db,
        "22 33 44 30",
        oslo(2026, 11, 20, 17, 30),
        "Tidligere",
        Safety::default(),
    );
    let s = db.store();
    let (a, b) = (
        s.callback(later).unwrap().unwrap(),
        s.callback(earlier).unwrap().unwrap(),
    );
    assert_eq!(a.deadline_at, b.deadline_at, "the test needs a tie");
    assert!(later < earlier);
    (earlier, later)
}

#[test]
fn same_deadline_is_ordered_by_time_received_in_the_store() {
    let db = TestDb::new();
    let (earlier, later) = tied(&db);
    let s = db.store();
    let ids: Vec<i64> = s
        .queue_from(None, 10)
        .unwrap()
        .iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(ids, [earlier, later]);
    // Every way of paging agrees: from a key, before a key, the last page.
    let first = s.queue_from(None, 1).unwrap().remove(0);
    let next: Vec<i64> = s
        .queue_from(Some(&first.key()), 10)
        .unwrap()
        .iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(next, [earlier, later]);
    let second = s.callback(later).unwrap().unwrap();
    let before: Vec<i64> = s
        .queue_before(&second.key(), 10)
        .unwrap()
        .iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(before, [earlier]);
    let last: Vec<i64> = s.queue_last(10).unwrap().iter().map(|i| i.id).collect();
    assert_eq!(last, [later, earlier]);
}

#[test]
fn same_deadline_is_ordered_by_time_received_in_the_app() {
    let db = TestDb::new();
    let (earlier, later) = tied(&db);
    let mut app = app_at(&db, Lang::Nb, 120, 30);
    let ids: Vec<i64> = app.queue().rows().iter().map(|i| i.id).collect();
    assert_eq!(ids, [earlier, later]);
    assert_eq!(app.queue().selected_item().map(|i| i.id), Some(earlier));
    key(&mut app, KeyCode::Down);
    assert_eq!(app.queue().selected_item().map(|i| i.id), Some(later));
    let s = render_text(&app, 120, 30);
    assert!(
        s.find("Tidligere").unwrap() < s.find("Senere").unwrap(),
        "{s}"
    );
}
