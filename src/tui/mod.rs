//! The terminal app: state (`app`), keys (`keymap`), drawing (`view`), and
//! the loop that ties them to a real terminal.

use std::time::{Duration, Instant};

use chrono::Utc;
use ratatui::crossterm::event;

use crate::error::AppError;

pub mod app;
pub mod component;
pub mod directory;
pub mod fault;
pub mod form;
pub mod input;
pub mod keymap;
pub mod log;
pub mod pager;
pub mod panes;
pub mod paste;
pub mod popup;
pub mod queue;
pub mod stats;
pub mod terminal;
pub mod theme;
mod upkeep;
pub mod view;
pub mod welcome;
pub mod who;

pub use app::{App, Effects, Msg};

/// How often the clock and the database are checked.
const TICK: Duration = Duration::from_secs(1);

/// At most this many events are handled between two frames.
const MAX_BATCH: usize = 4096;

/// Runs the app until the person quits. The terminal is restored on every
/// way out, including errors and panics.
pub fn run(mut app: App, reduced_motion: bool) -> Result<(), AppError> {
    // Heavy figures are computed on a worker thread in the real terminal.
    app.compute_off_thread(true);
    let mut term = terminal::init(app.lang()).map_err(|e| AppError::Terminal(e.kind()))?;
    crate::hangup::watch_terminal();
    let result = event_loop(&mut term, &mut app, reduced_motion);
    terminal::restore();
    // A half-written backup is not left behind on disk.
    app.stop_background_backup();
    crate::hangup::left();
    // Hung up (SIGHUP, SIGTERM): the terminal is restored and the backup
    // stopped; end as the signal asked.
    crate::hangup::finish();
    result
}

fn event_loop(
    term: &mut ratatui::DefaultTerminal,
    app: &mut App,
    reduced_motion: bool,
) -> Result<(), AppError> {
    let terr = |e: std::io::Error| AppError::Terminal(e.kind());
    let mut last_tick = Instant::now();
    let mut dirty = true;
    let mut events = paste::Dispatcher::default();
    if let Ok(size) = term.size() {
        app.update(Msg::Resize {
            width: size.width,
            height: size.height,
        });
    }
    let mut quit = false;
    while !quit && crate::hangup::received().is_none() {
        if dirty {
            term.draw(|f| view::draw(f, app)).map_err(terr)?;
            dirty = false;
        }
        let mut timeout = TICK.saturating_sub(last_tick.elapsed());
        if app.has_background_work() {
            timeout = timeout.min(Duration::from_millis(30));
        }
        if event::poll(timeout).map_err(terr)? {
            // Everything already waiting is one batch, handled before the
            // next frame is drawn (a paste without bracketed paste arrives
            // as many keys at once).
            let mut batch = vec![event::read().map_err(terr)?];
            while batch.len() < MAX_BATCH && event::poll(Duration::ZERO).map_err(terr)? {
                batch.push(event::read().map_err(terr)?);
            }
            let fx = events.batch(app, batch, Instant::now());
            dirty |= carry_out(fx, &mut quit);
        }
        dirty |= carry_out(app.update(Msg::Background), &mut quit);
        if last_tick.elapsed() >= TICK {
            last_tick = Instant::now();
            let before = app.now();
            let fx = app
                .update(Msg::Tick(Utc::now()))
                .and(app.update(Msg::DbChanged));
            dirty |= carry_out(fx, &mut quit);
            // With reduced motion the clock redraws once a minute.
            let minute_changed = before.timestamp() / 60 != app.now().timestamp() / 60;
            if !reduced_motion || minute_changed {
                dirty = true;
            }
        }
    }
    Ok(())
}

/// Does what the app asked for; returns whether to draw.
fn carry_out(fx: Effects, quit: &mut bool) -> bool {
    if let Some(text) = &fx.copy {
        copy_to_clipboard(text);
    }
    *quit |= fx.quit;
    fx.redraw
}

/// Puts text on the clipboard with OSC 52, which terminals honour also
/// over SSH. Failure is silent: the number is still on screen.
fn copy_to_clipboard(text: &str) {
    let _ = crossterm::execute!(
        std::io::stdout(),
        crossterm::clipboard::CopyToClipboard::to_clipboard_from(text)
    );
}

/// Renders the app into an off-screen buffer and returns its text, one line
/// per row (trailing spaces trimmed). Used by tests, benchmarks and the
/// screens in the guides, so they show exactly what the app draws.
pub fn render_text(app: &App, width: u16, height: u16) -> String {
    let buf = render_buffer(app, width, height);
    let mut out = String::new();
    for y in 0..height {
        let mut line = String::new();
        for x in 0..width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Renders the app into an off-screen buffer.
pub fn render_buffer(app: &App, width: u16, height: u16) -> ratatui::buffer::Buffer {
    let backend = ratatui::backend::TestBackend::new(width, height);
    let mut term = ratatui::Terminal::new(backend).expect("test backend never fails");
    term.draw(|f| view::draw(f, app))
        .expect("test backend never fails");
    term.backend().buffer().clone()
}
