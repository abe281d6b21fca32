//! Tests that try to break the database: a writer killed with SIGKILL at
//! random points, two processes writing at once, two terminals watching one
//! file, a full disk, idle privacy. The child processes are this test
//! binary itself, re-run with `child_writer` selected and an environment
//! variable saying where to write.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration as StdDuration, Instant};

use chrono::Duration;
use common::queue_fixture::{store_voicemail, voicemail};
use common::{TestDb, monday_morning};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::i18n::Lang;
use vakt::store::Store;
use vakt::store::log::{Marks, NewNote};
use vakt::tui::App;
use vakt::tui::queue::Mode;

const CHILD_DB: &str = "VAKT_TEST_CHILD_DB";
const CHILD_TAG: &str = "VAKT_TEST_CHILD_TAG";
const CHILD_COUNT: &str = "VAKT_TEST_CHILD_COUNT";

/// Not a test on its own: when run as a child, appends notes in a loop and
/// prints "committed TAG N" after each commit returns.
#[test]
fn child_writer() {
    let Ok(db) = std::env::var(CHILD_DB) else {
        return;
    };
    let tag = std::env::var(CHILD_TAG).unwrap_or_default();
    let count: u64 = std::env::var(CHILD_COUNT)
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(u64::MAX);
    let mut store = Store::open(std::path::Path::new(&db)).unwrap();
    let mut i = 0;
    while i < count {
        store
            .add_note(
                &NewNote {
                    body: format!("entry {tag} {i}"),
                    callback_id: None,
                    marks: Marks::default(),
                    amends: None,
                },
                "TEST",
                monday_morning(),
            )
            .unwrap();
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        writeln!(out, "committed {tag} {i}").unwrap();
        out.flush().unwrap();
        i += 1;
    }
}

fn child(db: &std::path::Path, tag: &str, count: Option<u64>) -> std::process::Child {
    let mut c = Command::new(std::env::current_exe().unwrap());
    c.args([
        "--exact",
        "child_writer",
        "--nocapture",
        "--test-threads",
        "1",
    ])
    .env(CHILD_DB, db)
    .env(CHILD_TAG, tag)
    .stdout(Stdio::piped())
    .stderr(Stdio::null());
    if let Some(n) = count {
        c.env(CHILD_COUNT, n.to_string());
    }
    c.spawn().unwrap()
}

/// A small xorshift generator seeded from the clock: different kill points
/// on every run, printed so a failure can be reasoned about.
struct Rng(u64);
impl Rng {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

fn body_count(store: &Store, body: &str) -> i64 {
    store
        .conn()
        .query_row("SELECT count(*) FROM notes WHERE body = ?1", [body], |r| {
            r.get(0)
        })
        .unwrap()
}

#[test]
fn killed_writer_loses_nothing_it_reported_committed() {
    let db = TestDb::new();
    drop(db.store());
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("seed {seed}");
    let mut rng = Rng(seed);
    let mut reported: Vec<(String, u64)> = vec![];
    for round in 0..25 {
        let tag = format!("r{round}");
        let mut c = child(&db.path, &tag, None);
        let stdout = c.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        // Kill after a random number of commits, plus a random delay so
        // the kill lands anywhere inside the next write.
        let wait_for = rng.next(20);
        let mut last = None;
        for _ in 0..=wait_for {
            match lines.next() {
                Some(Ok(l)) => last = l.rsplit(' ').next().and_then(|n| n.parse::<u64>().ok()),
                _ => break,
            }
        }
        std::thread::sleep(StdDuration::from_micros(rng.next(3000)));
        c.kill().unwrap();
        c.wait().unwrap();
        // Lines printed before the kill also count as reported.
        for l in lines.map_while(Result::ok) {
            if let Some(n) = l.rsplit(' ').next().and_then(|n| n.parse().ok()) {
                last = Some(n);
            }
        }
        if let Some(n) = last {
            reported.push((tag, n));
        }
    }
    assert!(reported.len() > 10, "the children did write");
    let store = db.store();
    for (tag, n) in &reported {
        for i in 0..=*n {
            assert_eq!(
                body_count(&store, &format!("entry {tag} {i}")),
                1,
                "entry {tag} {i} reported committed but missing (seed {seed})"
            );
        }
    }
    let check: String = store
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

#[test]
fn two_processes_writing_at_once_never_see_database_is_locked() {
    let db = TestDb::new();
    drop(db.store());
    let a = child(&db.path, "a", Some(150));
    let b = child(&db.path, "b", Some(150));
    let ra = a.wait_with_output().unwrap();
    let rb = b.wait_with_output().unwrap();
    assert!(
        ra.status.success() && rb.status.success(),
        "a writer failed"
    );
    let n: i64 = db
        .store()
        .conn()
        .query_row("SELECT count(*) FROM notes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 300);
}

#[test]
fn another_terminals_change_shows_on_the_next_poll() {
    let db = TestDb::new();
    let mut app = db.app(Lang::Nb, monday_morning());
    app.resize(120, 30);
    assert_eq!(app.queue().counts.open, 0);
    let mut other = db.store();
    let started = Instant::now();
    let v = voicemail("+47 412 55 001", monday_morning());
    store_voicemail(&mut other, &v, monday_morning());
    // The run loop calls poll_db once a second.
    let fx = app.poll_db();
    assert_eq!(app.queue().counts.open, 1);
    assert!(fx.redraw);
    assert!(started.elapsed() < StdDuration::from_secs(1));
    // And the other way round.
    let v = voicemail("+47 412 55 002", monday_morning());
    store_voicemail(app.store_mut(), &v, monday_morning());
    let n: i64 = other
        .conn()
        .query_row(
            "SELECT count(*) FROM callbacks WHERE status = 'open'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 2);
}

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

#[test]
fn full_disk_keeps_the_form_and_a_retry_works_once_space_is_back() {
    let db = TestDb::new();
    let mut app = db.app(Lang::En, monday_morning());
    app.set_actor("KH");
    app.resize(120, 30);
    // SQLite's own size limit stands in for a full disk: no page may be
    // added, and the audit table's last page is filled with rows smaller
    // than the one a save writes, so the save cannot fit anywhere.
    let conn = app.store().conn();
    let pages: i64 = conn
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    conn.query_row(&format!("PRAGMA max_page_count = {pages}"), [], |_| Ok(()))
        .unwrap();
    while conn
        .execute(
            "INSERT INTO audit(at, actor, action, entity) VALUES ('2000-01-01T00:00:00Z', 'K', 'a', 'c')",
            [],
        )
        .is_ok()
    {}
    key(&mut app, KeyCode::Char('n'));
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "22334455");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "Typed before the disk filled up");
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.queue().mode, Mode::Form { .. }), "form kept");
    let s = vakt::tui::render_text(&app, 120, 30);
    assert!(s.contains("disk is full"), "{s}");
    assert!(s.contains("Typed before the disk filled up"), "{s}");
    // Space is back: the same Enter saves it.
    app.store()
        .conn()
        .query_row("PRAGMA max_page_count = 1000000", [], |_| Ok(()))
        .unwrap();
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.queue().mode, Mode::List));
    assert_eq!(app.queue().counts.open, 1);
}

#[test]
fn idle_time_engages_the_privacy_screen_and_a_key_does_not_reset_it() {
    let db = TestDb::new();
    let t = monday_morning();
    let mut app = db.app(Lang::Nb, t);
    // Default: 5 minutes.
    app.tick(t + Duration::minutes(4));
    assert!(!app.privacy());
    key(&mut app, KeyCode::Down);
    app.tick(t + Duration::minutes(8));
    assert!(!app.privacy(), "a key 4 minutes ago keeps it open");
    app.tick(t + Duration::minutes(9) + Duration::seconds(1));
    assert!(app.privacy());
    let s = vakt::tui::render_text(&app, 120, 30);
    assert!(s.contains("SKJULT"), "{s}");
    // F2 shows it again.
    app.on_key(KeyEvent::new(KeyCode::F(2), KeyModifiers::NONE));
    assert!(!app.privacy());

    // idle_minutes = 0 turns it off.
    let mut cfg = vakt::config::Config::default();
    cfg.privacy.idle_minutes = 0;
    let mut app = App::with_config(
        db.store(),
        Lang::Nb,
        vakt::tui::theme::Theme::mono(),
        t,
        cfg,
    )
    .unwrap();
    app.tick(t + Duration::hours(3));
    assert!(!app.privacy());
}

#[test]
fn a_new_day_while_open_makes_a_backup_and_purges() {
    let db = TestDb::new();
    let t = monday_morning();
    let mut app = db.app(Lang::Nb, t);
    app.tick(t + Duration::hours(1));
    assert!(!app.is_backing_up());
    assert!(!db.dir.path().join("backups").exists());
    // Half-written copies: one left by a program that was killed while
    // writing (no lock, however fresh, and of another day), and one still
    // being written by a running program (it holds a lock, however old).
    let dir = db.dir.path().join("backups");
    std::fs::create_dir_all(&dir).unwrap();
    let stale = dir.join(".vakt-2026-11-20.db.tmp-4242");
    let stale_journal = dir.join(".vakt-2026-11-20.db.tmp-4242-journal");
    let fresh = dir.join(".vakt-2026-11-24.db.tmp-4343");
    std::fs::write(&stale, b"half").unwrap();
    std::fs::write(&stale_journal, b"half").unwrap();
    std::fs::write(&fresh, b"half").unwrap();
    let writer = std::fs::File::open(&fresh).unwrap();
    writer.lock().unwrap();
    writer
        .set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(7200))
        .unwrap();
    app.tick(t + Duration::days(1));
    // Written in the background: the app does not wait for it.
    assert!(app.is_backing_up());
    app.wait_for_backup();
    assert!(!stale.exists());
    assert!(!stale_journal.exists());
    assert!(fresh.exists(), "a copy being written is left alone");
    drop(writer);
    std::fs::remove_file(&fresh).unwrap();
    let backups: Vec<_> = std::fs::read_dir(db.dir.path().join("backups"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(backups, vec!["vakt-2026-11-24.db".to_string()]);
    // Keeps each for the configured number of days (14): after 20 days,
    // the 14 newest.
    for d in 2..20 {
        app.tick(t + Duration::days(d));
        app.wait_for_backup();
    }
    let n = std::fs::read_dir(db.dir.path().join("backups"))
        .unwrap()
        .count();
    assert_eq!(n, 14);
}

#[test]
fn copying_a_number_in_the_app_is_audited_without_the_number() {
    let db = TestDb::new();
    let v = voicemail("+47 412 55 009", monday_morning());
    store_voicemail(&mut db.store(), &v, monday_morning());
    let mut app = db.app(Lang::Nb, monday_morning());
    app.set_actor("KH");
    app.resize(120, 30);
    let fx = app.on_key(KeyEvent::new(KeyCode::Char('y'), KeyModifiers::NONE));
    assert!(fx.copy.is_some());
    let audit = app.store().audit_entries(None).unwrap();
    let copy = audit.iter().find(|e| e.action == "export").unwrap();
    assert_eq!(copy.actor, "KH");
    assert_eq!(copy.detail.as_deref(), Some("clipboard"));
    assert!(!format!("{audit:?}").contains("41255"));
}

#[test]
fn app_start_reports_loose_permissions_in_the_footer_and_makes_todays_backup() {
    use std::os::unix::fs::PermissionsExt;
    let db = TestDb::new();
    drop(db.store());
    std::fs::set_permissions(&db.path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let ctx = app_ctx(&db);
    let start = vakt::commands::privacy::open_for_app(&ctx).unwrap();
    assert!(
        start.background_check.is_none(),
        "small file: checked whole"
    );
    let mut app = App::new(
        start.store,
        Lang::En,
        vakt::tui::theme::Theme::mono(),
        monday_morning(),
    )
    .unwrap();
    app.notify(start.notices);
    let s = vakt::tui::render_text(&app, 200, 30);
    assert!(s.contains("was readable by other users"), "{s}");
    let mode = std::fs::metadata(&db.path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    // Today's backup is written in the background; it reports no problem.
    assert_eq!(
        start.background_backup.done.recv().unwrap(),
        Vec::<String>::new()
    );
    assert!(db.dir.path().join("backups/vakt-2026-11-23.db").exists());
}

#[test]
fn a_failed_background_check_says_so_on_screen() {
    let db = TestDb::new();
    let mut app = db.app(Lang::En, monday_morning());
    let (tx, rx) = std::sync::mpsc::channel();
    app.run_in_background(Some(rx), None);
    app.tick(monday_morning());
    assert!(app.flash().is_none());
    tx.send(false).unwrap();
    app.tick(monday_morning());
    let s = vakt::tui::render_text(&app, 200, 30);
    assert!(s.contains("found damage"), "{s}");
    assert!(!app.is_checking());
}

#[test]
fn quitting_while_the_backup_is_written_leaves_no_half_copy() {
    let db = TestDb::new();
    {
        // Enough data that the copy takes a moment.
        let mut s = db.store();
        let scale = vakt::demo::Scale {
            callbacks: 20_000,
            notes: 20_000,
            services: 0,
            days: 400,
        };
        vakt::demo::generate(&mut s, scale, monday_morning(), 5).unwrap();
    }
    let ctx = app_ctx(&db);
    let start = vakt::commands::privacy::open_for_app(&ctx).unwrap();
    // Quit at once: the copy is stopped (or has just finished).
    start.background_backup.stop();
    let dir = db.dir.path().join("backups");
    for e in std::fs::read_dir(&dir).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        assert!(!name.contains(".tmp-"), "half-written copy left: {name}");
        // Whatever is there is a whole backup.
        vakt::store::backup::check_candidate(&e.path()).unwrap();
    }
    // The next start writes it.
    let again = vakt::commands::privacy::open_for_app(&ctx).unwrap();
    assert!(again.background_backup.done.recv().unwrap().is_empty());
    assert!(dir.join("vakt-2026-11-23.db").exists());
}

/// What `vakt` (the terminal app) starts with, in English, on `db`.
fn app_ctx(db: &TestDb) -> vakt::commands::Ctx {
    vakt::commands::Ctx {
        lang: Lang::En,
        db_path: db.path.clone(),
        actor: "TEST".into(),
        now: monday_morning(),
        config: vakt::config::Config::default(),
        as_name: None,
    }
}
