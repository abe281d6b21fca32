//! The selected callback is the same item (by what the detail box shows)
//! through resizes, another terminal's writes, reloads and paging: a
//! volunteer must never be shown another caller's full number.

mod common;

use chrono::{DateTime, Duration, Utc};
use common::queue_fixture::{store_voicemail, voicemail};
use common::{TestDb, monday_morning};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::domain::promise::Outcome;
use vakt::i18n::Lang;
use vakt::store::Store;
use vakt::store::callbacks::{NewVoicemail, Snapshots};
use vakt::tui::{App, render_text};

const ITEMS: usize = 40;

fn number(i: usize) -> String {
    format!("22 33 {:02} {:02}", 40 + i / 100, i % 100)
}

/// Item `i`: its own number, "Sak i".
fn add(store: &mut Store, i: usize, received: DateTime<Utc>) -> i64 {
    let v = NewVoicemail {
        summary: format!("Sak {i}"),
        ..voicemail(&number(i), received)
    };
    store_voicemail(store, &v, monday_morning())
}

/// `ITEMS` open items, item `i` received `ITEMS - i` half-days ago, so the
/// queue order is the order of `i`. Returns their ids.
fn seed(db: &TestDb) -> Vec<i64> {
    let mut s = db.store();
    (0..ITEMS)
        .map(|i| {
            let at = monday_morning() - Duration::hours(12 * (ITEMS - i) as i64);
            add(&mut s, i, at)
        })
        .collect()
}

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// Resizes the app and draws it at the new size, as the event loop does.
fn resize(app: &mut App, w: u16, h: u16) -> String {
    app.resize(w, h);
    render_text(app, w, h)
}

/// The item whose full number the screen shows (only the selected
/// item's number is shown unmasked).
fn shown(screen: &str, numbers: usize) -> usize {
    let full: Vec<usize> = (0..numbers)
        .filter(|&i| screen.contains(&number(i)))
        .collect();
    assert_eq!(
        full.len(),
        1,
        "exactly one full number on screen:\n{screen}"
    );
    full[0]
}

fn app(db: &TestDb, w: u16, h: u16) -> App {
    let mut app = db.app(Lang::Nb, monday_morning());
    app.set_actor("KH");
    app.resize(w, h);
    app
}

#[test]
fn resize_keeps_the_selected_item() {
    let db = TestDb::new();
    seed(&db);
    let mut app = app(&db, 120, 40);
    key(&mut app, KeyCode::Char('G'));
    let s = render_text(&app, 120, 40);
    assert_eq!(shown(&s, ITEMS), ITEMS - 1, "G selects the last item");
    let s = resize(&mut app, 100, 24);
    assert_eq!(shown(&s, ITEMS), ITEMS - 1, "after shrinking");
    let s = resize(&mut app, 120, 40);
    assert_eq!(shown(&s, ITEMS), ITEMS - 1, "after growing back");
    // In the middle of the list, scrolled, too.
    for _ in 0..7 {
        key(&mut app, KeyCode::Up);
    }
    let s = render_text(&app, 120, 40);
    let picked = shown(&s, ITEMS);
    assert_eq!(picked, ITEMS - 8);
    for (w, h) in [(100, 26), (80, 24), (120, 50), (100, 25), (120, 40)] {
        let s = resize(&mut app, w, h);
        assert_eq!(shown(&s, ITEMS), picked, "after resizing to {w}x{h}");
    }
}

#[test]
fn other_terminals_writes_and_reload_keep_the_selected_item() {
    let db = TestDb::new();
    let ids = seed(&db);
    let mut app = app(&db, 120, 40);
    key(&mut app, KeyCode::Char('G'));
    for _ in 0..3 {
        key(&mut app, KeyCode::Up);
    }
    let picked = ITEMS - 4;
    assert_eq!(shown(&render_text(&app, 120, 40), ITEMS), picked);

    // Another terminal adds items above it and closes one above it.
    let mut other = db.store();
    for j in 0..5 {
        let at = monday_morning() - Duration::days(40 + j);
        add(&mut other, ITEMS + j as usize, at);
    }
    other
        .close_callback(
            ids[2],
            Outcome::NotNeeded,
            3,
            &mut Snapshots::default(),
            "TEST",
            monday_morning(),
        )
        .unwrap();
    app.poll_db();
    let s = render_text(&app, 120, 40);
    assert_eq!(
        shown(&s, ITEMS + 5),
        picked,
        "after another terminal's writes"
    );
    app.poll_db();
    let s = render_text(&app, 120, 40);
    assert_eq!(shown(&s, ITEMS + 5), picked, "after a reload");
    let s = resize(&mut app, 100, 24);
    assert_eq!(shown(&s, ITEMS + 5), picked, "after resizing");
}

#[test]
fn an_item_closed_elsewhere_hands_the_selection_to_its_neighbour() {
    let db = TestDb::new();
    let ids = seed(&db);
    let mut app = app(&db, 120, 26);
    // Scrolled well down the list.
    for _ in 0..15 {
        key(&mut app, KeyCode::Down);
    }
    assert_eq!(shown(&render_text(&app, 120, 26), ITEMS), 15);
    let mut other = db.store();
    other
        .close_callback(
            ids[15],
            Outcome::NotNeeded,
            3,
            &mut Snapshots::default(),
            "TEST",
            monday_morning(),
        )
        .unwrap();
    app.poll_db();
    let s = render_text(&app, 120, 26);
    assert_eq!(shown(&s, ITEMS), 16, "the next item in queue order");
    // The last item closed: the one before it.
    key(&mut app, KeyCode::Char('G'));
    other
        .close_callback(
            ids[ITEMS - 1],
            Outcome::NotNeeded,
            3,
            &mut Snapshots::default(),
            "TEST",
            monday_morning(),
        )
        .unwrap();
    app.poll_db();
    let s = render_text(&app, 120, 26);
    assert_eq!(shown(&s, ITEMS), ITEMS - 2);
}

/// The directory's results page through the same pager: the selected
/// service stays selected through resizes and paging.
#[test]
fn directory_selection_follows_the_service_through_resize() {
    let db = TestDb::new();
    let mut app = app(&db, 120, 40);
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Char('G'));
    let last = app.directory().selected_service().map(|s| s.id);
    assert!(last.is_some());
    assert_eq!(app.directory().rows.last().map(|s| s.id), last);
    for _ in 0..4 {
        key(&mut app, KeyCode::Up);
    }
    let picked = app.directory().selected_service().map(|s| s.id);
    assert_ne!(picked, last);
    for (w, h) in [(80, 24), (120, 26), (120, 40)] {
        let s = resize(&mut app, w, h);
        assert_eq!(app.directory().selected_service().map(|s| s.id), picked);
        assert!(app.directory().list.rows().len() <= app.directory().list.page());
        let name = &app.directory().selected_service().unwrap().name;
        assert!(
            s.contains(name.as_str()),
            "{name} on screen after {w}x{h}:\n{s}"
        );
    }
    key(&mut app, KeyCode::PageUp);
    key(&mut app, KeyCode::PageDown);
    key(&mut app, KeyCode::End);
    assert_eq!(app.directory().selected_service().map(|s| s.id), last);
    key(&mut app, KeyCode::Home);
    assert_eq!(
        app.directory().selected_service().map(|s| s.id),
        app.directory().rows.first().map(|s| s.id)
    );
}

mod random {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Op {
        Key(KeyCode),
        Resize(u16),
        /// Another terminal adds an item received this many hours ago.
        Insert(u16),
        /// Another terminal closes the open item at this place (never the
        /// selected one).
        Close(usize),
        Reload,
    }

    fn ops() -> impl Strategy<Value = Op> {
        prop_oneof![
            4 => prop_oneof![
                Just(KeyCode::Up),
                Just(KeyCode::Down),
                Just(KeyCode::PageUp),
                Just(KeyCode::PageDown),
                Just(KeyCode::Home),
                Just(KeyCode::End),
            ]
            .prop_map(Op::Key),
            2 => (24u16..50).prop_map(Op::Resize),
            1 => (1u16..600).prop_map(Op::Insert),
            1 => any::<usize>().prop_map(Op::Close),
            1 => Just(Op::Reload),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(12))]
        /// Whatever happens between them, a resize, a reload or another
        /// terminal's write never changes which item is selected.
        #[test]
        fn only_a_movement_changes_the_selected_item(script in proptest::collection::vec(ops(), 1..30)) {
            let db = TestDb::new();
            seed(&db);
            let mut other = db.store();
            let mut app = app(&db, 120, 40);
            let mut h = 40;
            let mut n = ITEMS;
            for op in script {
                let before = app.queue().selected_item().map(|i| i.id);
                match op {
                    Op::Key(code) => {
                        key(&mut app, code);
                        continue;
                    }
                    Op::Resize(to) => {
                        h = to;
                        app.resize(120, h);
                    }
                    Op::Insert(hours) => {
                        add(&mut other, n, monday_morning() - Duration::hours(i64::from(hours)));
                        n += 1;
                        app.poll_db();
                    }
                    Op::Close(i) => {
                        let open: Vec<i64> = other
                            .queue_from(None, 1000)
                            .unwrap()
                            .into_iter()
                            .map(|i| i.id)
                            .filter(|id| Some(*id) != before)
                            .collect();
                        if open.is_empty() {
                            continue;
                        }
                        other
                            .close_callback(
                                open[i % open.len()],
                                Outcome::NotNeeded,
                                3,
                                &mut Snapshots::default(),
                                "TEST",
                                monday_morning(),
                            )
                            .unwrap();
                        app.poll_db();
                    }
                    Op::Reload => {
                        app.poll_db();
                    }
                }
                let s = render_text(&app, 120, h);
                prop_assert_eq!(app.queue().selected_item().map(|i| i.id), before);
                if let Some(item) = app.queue().selected_item() {
                    let number = item.phone.as_ref().unwrap().display();
                    prop_assert!(s.contains(&number), "{} shown in full:\n{}", number, s);
                }
            }
        }
    }
}
