//! The shift log's search on a log longer than the search window: what the
//! index finds must be exactly what reading every note finds, page by
//! page, in both directions.

mod common;

use chrono::{Duration, TimeZone, Utc};
use common::TestDb;
use vakt::store::Store;
use vakt::store::log::{Note, NoteFilter, NoteKey, SEARCH_WINDOW, searches_whole_log};

const BODIES: [&str; 6] = [
    "Samtale om bekymring; henvist videre.",
    "Ringte tilbake, ingen svar.",
    "Kort samtale, takket for hjelpen.",
    "Telefonsvareren tømt.",
    "Avtalt ny samtale neste uke.",
    "Notat uten noe spesielt.",
];

/// `n` synthetic notes in one transaction (through the triggers, as the
/// store writes them), with a few rare ones placed far back and some out
/// of time order relative to their ids.
fn fill(db: &TestDb, n: usize) -> Vec<(i64, String, String, bool)> {
    drop(db.store()); // creates the file at the current schema
    let c = rusqlite::Connection::open(&db.path).unwrap();
    c.execute_batch("BEGIN").unwrap();
    let t0 = Utc.with_ymd_and_hms(2020, 1, 6, 8, 0, 0).unwrap();
    let mut out = Vec::new();
    for i in 0..n {
        let body = match i {
            5 | 17 => "Henvist til Støttesenteret 50% rabatt_x".to_string(),
            40 => "ØRJAN ringte om Ålesund".to_string(),
            _ if i % 997 == 0 => format!("sjelden hendelse nr {i}"),
            _ => BODIES[i % BODIES.len()].to_string(),
        };
        // Every 50th note is written a little before the one before it.
        let skew = if i % 50 == 0 { -90 } else { 0 };
        let at = (t0 + Duration::minutes(i as i64) + Duration::seconds(skew))
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string();
        let handover = i % 3 == 0;
        c.execute(
            "INSERT INTO notes(at, author, body, for_handover) VALUES (?1, 'TS', ?2, ?3)",
            rusqlite::params![at, body, handover],
        )
        .unwrap();
        out.push((c.last_insert_rowid(), at, body, handover));
    }
    c.execute_batch("COMMIT").unwrap();
    out
}

/// Letters match in either case, æ, ø and å too.
fn contains(body: &str, text: &str) -> bool {
    body.to_lowercase().contains(&text.to_lowercase())
}

fn ids(notes: &[Note]) -> Vec<i64> {
    notes.iter().map(|n| n.id).collect()
}

/// Every match, by paging newest first until the end.
fn page_all_older(s: &Store, filter: NoteFilter, text: &str) -> Vec<i64> {
    let mut out = Vec::new();
    let mut cursor: Option<NoteKey> = None;
    loop {
        let page = s
            .notes_before(cursor.as_ref(), filter, Some(text), 37)
            .unwrap();
        out.extend(ids(&page));
        match page.last() {
            Some(last) if page.len() == 37 => cursor = Some(last.key()),
            _ => return out,
        }
    }
}

/// Every match, by paging oldest first from the beginning.
fn page_all_newer(s: &Store, filter: NoteFilter, text: &str) -> Vec<i64> {
    let mut out = Vec::new();
    let mut from = NoteKey {
        at: String::new(),
        id: 0,
    };
    loop {
        let page = s.notes_from(&from, filter, Some(text), 41).unwrap();
        out.extend(ids(&page));
        match page.last() {
            Some(last) if page.len() == 41 => {
                from = NoteKey {
                    at: last.key().at,
                    id: last.id + 1,
                }
            }
            _ => return out,
        }
    }
}

#[test]
fn search_beyond_the_window_finds_exactly_what_reading_every_note_finds() {
    let db = TestDb::new();
    let n = SEARCH_WINDOW * 2 + 500;
    let notes = fill(&db, n);
    let s = db.store();
    let mut newest_first = notes.clone();
    newest_first.sort_by(|a, b| (&b.1, b.0).cmp(&(&a.1, a.0)));
    for text in [
        "samtale",          // in most notes
        "støttesenteret",   // two notes at the very start: index, with ø
        "50% rabatt_x",     // % and _ are literal
        "50% rabatt-x",     // ... so this matches nothing
        "sjelden hendelse", // spread thinly over the whole log
        "ØRJAN",            // capitals as written
        "ørjan",            // and in small letters
        "ålesund",          // Å folds too
        "sier \"nei\"",     // quotes are text, not query syntax
        "qzx",              // nowhere
    ] {
        assert!(searches_whole_log(text));
        for filter in [NoteFilter::All, NoteFilter::Handover] {
            let want: Vec<i64> = newest_first
                .iter()
                .filter(|(_, _, body, h)| contains(body, text) && (filter == NoteFilter::All || *h))
                .map(|(id, ..)| *id)
                .collect();
            assert_eq!(
                page_all_older(&s, filter, text),
                want,
                "{text:?} {filter:?}"
            );
            let mut oldest_first = want.clone();
            oldest_first.reverse();
            assert_eq!(
                page_all_newer(&s, filter, text),
                oldest_first,
                "{text:?} {filter:?}"
            );
        }
    }
    // Rare text far back is found from the newest page.
    let first = s
        .notes_before(None, NoteFilter::All, Some("Støttesenteret"), 10)
        .unwrap();
    assert_eq!(ids(&first), vec![notes[17].0, notes[5].0]);
}

#[test]
fn short_text_searches_only_the_nearest_notes() {
    let db = TestDb::new();
    let notes = fill(&db, SEARCH_WINDOW + 200);
    let s = db.store();
    assert!(!searches_whole_log("50"));
    // "50" is only in notes 5 and 17, beyond the window from the newest.
    assert!(
        s.notes_before(None, NoteFilter::All, Some("50"), 10)
            .unwrap()
            .is_empty()
    );
    // From a place near them, it is found.
    let near = NoteKey {
        at: notes[100].1.clone(),
        id: notes[100].0,
    };
    assert_eq!(
        ids(&s
            .notes_before(Some(&near), NoteFilter::All, Some("50"), 10)
            .unwrap()),
        vec![notes[17].0, notes[5].0]
    );
}

#[test]
fn purged_text_leaves_the_search_index() {
    let db = TestDb::new();
    let notes = fill(&db, 300);
    let c = rusqlite::Connection::open(&db.path).unwrap();
    // How many notes the index itself holds "t_x" for (a trigram only the
    // two "Støttesenteret" notes have), read from the index's vocabulary
    // rather than through a search that would check the text.
    c.execute_batch("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, notes_fts, row)")
        .unwrap();
    let in_index = |c: &rusqlite::Connection| -> i64 {
        c.query_row(
            "SELECT coalesce(sum(doc), 0) FROM temp.vocab WHERE term = 't_x'",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert_eq!(in_index(&c), 2);
    c.execute(
        "UPDATE notes SET body = '', purged_at = '2026-01-01T00:00:00Z' WHERE id = ?1",
        [notes[5].0],
    )
    .unwrap();
    assert_eq!(in_index(&c), 1);
    let s = db.store();
    assert_eq!(
        ids(&s
            .notes_before(None, NoteFilter::All, Some("Støttesenteret"), 10)
            .unwrap()),
        vec![notes[17].0]
    );
    // The index stays consistent with the notes.
    c.execute(
        "INSERT INTO notes_fts(notes_fts, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .unwrap();
}
