//! Start-up and keystrokes on a large database, from key event to frame
//! rendered into a 160×48 off-screen terminal.
//!
//! Criterion reports its estimates per benchmark; each keystroke is also
//! timed one by one and the median and p99 printed at the end, because the
//! targets are about the tail (every keystroke under 4 ms p99).
//!
//! Run: `cargo bench --bench app` (VAKT_BENCH_SCALE=small|large|huge).

mod common;

use std::cell::RefCell;
use std::time::{Duration, Instant};

use chrono::Utc;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vakt::config::Config;
use vakt::i18n::Lang;
use vakt::store::Store;
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
    // As in the terminal app: statistics are computed on a worker thread.
    app.compute_off_thread(true);
    app.resize(W, H);
    app
}

fn press(app: &mut App, term: &mut Terminal<TestBackend>, code: KeyCode) {
    app.poll_background();
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
    term.draw(|f| view::draw(f, app)).expect("draw");
}

thread_local! {
    static SAMPLES: RefCell<Vec<(String, Vec<Duration>)>> = const { RefCell::new(Vec::new()) };
}

fn record(label: &str, d: Duration) {
    SAMPLES.with(|s| {
        let mut s = s.borrow_mut();
        match s.iter_mut().find(|(l, _)| l == label) {
            Some((_, v)) => v.push(d),
            None => s.push((label.to_string(), vec![d])),
        }
    });
}

/// Benchmarks one keystroke; `before` prepares the state (not timed).
fn key_bench(
    c: &mut Criterion,
    app: &mut App,
    term: &mut Terminal<TestBackend>,
    name: &str,
    mut before: impl FnMut(&mut App, &mut Terminal<TestBackend>),
    code: KeyCode,
) {
    key_bench_seq(c, app, term, name, |app, term| {
        before(app, term);
        code
    });
}

/// Benchmarks keystrokes; `next` prepares the state (not timed) and says
/// which key to press.
fn key_bench_seq(
    c: &mut Criterion,
    app: &mut App,
    term: &mut Terminal<TestBackend>,
    name: &str,
    mut next: impl FnMut(&mut App, &mut Terminal<TestBackend>) -> KeyCode,
) {
    c.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let code = next(app, term);
                let t = Instant::now();
                press(app, term, code);
                let d = t.elapsed();
                record(name, d);
                total += d;
            }
            total
        })
    });
}

fn benches(c: &mut Criterion) {
    let path = common::database();
    let mut term = Terminal::new(TestBackend::new(W, H)).expect("terminal");

    c.bench_function("startup_to_first_frame", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let t = Instant::now();
                let app = open_app(&path);
                term.draw(|f| view::draw(f, &app)).expect("draw");
                let d = t.elapsed();
                record("startup_to_first_frame", d);
                total += d;
            }
            total
        })
    });

    let mut app = open_app(&path);
    term.draw(|f| view::draw(f, &app)).expect("draw");

    // The queue: move down; at the end of what is open, back to the top.
    key_bench(
        c,
        &mut app,
        &mut term,
        "queue_down",
        |app, term| {
            if !app.queue().list.has_more()
                && app
                    .queue()
                    .list
                    .selected_index()
                    .is_none_or(|i| i + 1 >= app.queue().rows().len())
            {
                press(app, term, KeyCode::Home);
            }
        },
        KeyCode::Down,
    );
    key_bench(
        c,
        &mut app,
        &mut term,
        "queue_page_down",
        |app, term| {
            if !app.queue().list.has_more() {
                press(app, term, KeyCode::Home);
            }
        },
        KeyCode::PageDown,
    );
    key_bench(
        c,
        &mut app,
        &mut term,
        "queue_closed_today_toggle",
        |_, _| {},
        KeyCode::Char('d'),
    );
    // Switching pane with Tab, timed per pane switched to.
    c.bench_function("switch_pane", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let t = Instant::now();
                press(&mut app, &mut term, KeyCode::Tab);
                let d = t.elapsed();
                record(&format!("switch_pane_to_{:?}", app.pane()), d);
                total += d;
            }
            total
        })
    });
    while app.pane() != vakt::tui::app::Pane::Queue {
        press(&mut app, &mut term, KeyCode::Tab);
    }

    // The directory: each character typed into the search box, over the
    // starter list and 100 000 generated services.
    press(&mut app, &mut term, KeyCode::Char('2'));
    for (label, word) in [
        ("directory_search_tromso", "tromsø"),
        ("directory_search_two_words", "rus og"),
        ("directory_search_no_match", "qzxv"),
    ] {
        let chars: Vec<char> = word.chars().collect();
        let mut i = 0;
        key_bench_seq(c, &mut app, &mut term, label, |app, term| {
            if i == 0 {
                press(app, term, KeyCode::Char('/'));
            }
            // The box keeps its text when left: clear it (not timed).
            if i % chars.len() == 0 {
                for _ in 0..12 {
                    press(app, term, KeyCode::Backspace);
                }
            }
            i += 1;
            KeyCode::Char(chars[(i - 1) % chars.len()])
        });
        press(&mut app, &mut term, KeyCode::Esc);
    }

    // The log: page down deep into history, and a day back at a time.
    press(&mut app, &mut term, KeyCode::Char('3'));
    key_bench(
        c,
        &mut app,
        &mut term,
        "log_page_down",
        |app, term| {
            if !app.log().list.has_more() {
                press(app, term, KeyCode::Home);
            }
        },
        KeyCode::PageDown,
    );
    press(&mut app, &mut term, KeyCode::Home);
    let mut days = 0;
    key_bench(
        c,
        &mut app,
        &mut term,
        "log_previous_day",
        |app, term| {
            days += 1;
            if days % 365 == 0 {
                press(app, term, KeyCode::Char('t'));
            }
        },
        KeyCode::Left,
    );
    press(&mut app, &mut term, KeyCode::Char('t'));
    key_bench(
        c,
        &mut app,
        &mut term,
        "open_handover_review",
        |app, term| {
            if !matches!(app.log().mode, vakt::tui::log::Mode::List) {
                press(app, term, KeyCode::Esc);
            }
        },
        KeyCode::Char('h'),
    );
    press(&mut app, &mut term, KeyCode::Esc);

    // Log search is live: each character typed reads the matching notes.
    // A word in many notes, and one in none (the whole history searched).
    for (label, word) in [
        ("log_search_common_word", "samtale"),
        ("log_search_no_match", "qzxv"),
    ] {
        let chars: Vec<char> = word.chars().collect();
        let mut i = 0;
        key_bench_seq(c, &mut app, &mut term, label, |app, term| {
            if i % chars.len() == 0 {
                press(app, term, KeyCode::Esc);
                press(app, term, KeyCode::Char('/'));
            }
            i += 1;
            KeyCode::Char(chars[(i - 1) % chars.len()])
        });
        press(&mut app, &mut term, KeyCode::Esc);
    }

    // Statistics: switching period re-reads a year of items.
    press(&mut app, &mut term, KeyCode::Char('4'));
    key_bench(
        c,
        &mut app,
        &mut term,
        "stats_next_period",
        |_, _| {},
        KeyCode::Right,
    );

    println!("\nPer keystroke (each timed on its own):");
    SAMPLES.with(|s| {
        for (label, v) in s.borrow_mut().iter_mut() {
            common::summarize(label, v);
        }
    });
}

criterion_group! {
    name = group;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    targets = benches
}
criterion_main!(group);
