//! A paste, from the event to the frame drawn into a 160×48 off-screen
//! terminal: 10 MB into a note (cut to its 10 000 characters), into a
//! one-line field of a new callback, and into the directory search (which
//! searches once). Also 4 096 keys arriving together into a note, as a
//! terminal without bracketed paste sends a paste. Target: under one frame
//! (16 ms) each.
//!
//! Run: `cargo bench --bench paste` (VAKT_BENCH_SCALE=small|large|huge).

mod common;

use std::time::{Duration, Instant};

use chrono::Utc;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use vakt::config::Config;
use vakt::i18n::Lang;
use vakt::store::Store;
use vakt::tui::paste::Dispatcher;
use vakt::tui::{App, theme::Theme, view};

const W: u16 = 160;
const H: u16 = 48;

fn open_app(path: &std::path::Path) -> App {
    let store = Store::open(path).expect("open");
    let mut app = App::with_config(
        store,
        Lang::Nb,
        Theme::color(),
        Utc::now(),
        Config::default(),
    )
    .expect("app");
    app.set_actor("BENCH");
    app.resize(W, H);
    app
}

fn press(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// Times `act` plus drawing the frame; `before` prepares (not timed).
fn bench(
    c: &mut Criterion,
    name: &str,
    app: &mut App,
    term: &mut Terminal<TestBackend>,
    samples: &mut Vec<(String, Vec<Duration>)>,
    mut before: impl FnMut(&mut App),
    mut act: impl FnMut(&mut App),
) {
    let mut v = Vec::new();
    c.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                before(app);
                let t = Instant::now();
                act(app);
                term.draw(|f| view::draw(f, app)).expect("draw");
                let d = t.elapsed();
                v.push(d);
                total += d;
            }
            total
        })
    });
    samples.push((name.to_string(), v));
}

fn benches(c: &mut Criterion) {
    let path = common::database();
    let mut term = Terminal::new(TestBackend::new(W, H)).expect("terminal");
    let mut app = open_app(&path);
    let mut samples = Vec::new();
    // About 10 MB, with CR LF line breaks as terminals paste them.
    let big = "Samtale om kurs og pårørendegruppe, ring etter kl. 16.\r\n".repeat(180_000);
    assert!(big.len() > 10_000_000);

    // The shift log: a new note each time (the last one discarded).
    press(&mut app, KeyCode::Char('3'));
    let leave_editor = |app: &mut App| {
        while !matches!(app.log().mode, vakt::tui::log::Mode::List) {
            press(app, KeyCode::Esc);
        }
        press(app, KeyCode::Char('n'));
    };
    bench(
        c,
        "paste_10mb_into_note",
        &mut app,
        &mut term,
        &mut samples,
        leave_editor,
        |app| {
            app.on_paste(&big);
        },
    );
    let typed: Vec<Event> = big
        .chars()
        .take(4096)
        .map(|c| {
            let code = if c == '\r' || c == '\n' {
                KeyCode::Enter
            } else {
                KeyCode::Char(c)
            };
            Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
        })
        .collect();
    let mut d = Dispatcher::default();
    bench(
        c,
        "keys_4096_together_into_note",
        &mut app,
        &mut term,
        &mut samples,
        leave_editor,
        |app| {
            d.batch(app, typed.clone(), Instant::now());
        },
    );
    leave_editor(&mut app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);

    // A new callback: the summary field (500 characters).
    press(&mut app, KeyCode::Char('1'));
    bench(
        c,
        "paste_10mb_into_callback_summary",
        &mut app,
        &mut term,
        &mut samples,
        |app| {
            while !matches!(app.queue().mode, vakt::tui::queue::Mode::List) {
                press(app, KeyCode::Esc);
            }
            press(app, KeyCode::Char('n'));
            for _ in 0..3 {
                press(app, KeyCode::Tab);
            }
        },
        |app| {
            app.on_paste(&big);
        },
    );
    while !matches!(app.queue().mode, vakt::tui::queue::Mode::List) {
        press(&mut app, KeyCode::Esc);
    }

    // The directory search box, emptied before each paste.
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('/'));
    bench(
        c,
        "paste_10mb_into_directory_search",
        &mut app,
        &mut term,
        &mut samples,
        |app| {
            // Ctrl-U empties the box (the text field's "delete to the start
            // of the line"), as a person would.
            app.on_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
            assert!(
                app.directory().query.text().is_empty(),
                "search box emptied"
            );
        },
        |app| {
            app.on_paste(&big);
        },
    );

    println!("\nPer paste (each timed on its own):");
    for (label, v) in samples.iter_mut() {
        common::summarize(label, v);
    }
}

criterion_group! {
    name = group;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    targets = benches
}
criterion_main!(group);
