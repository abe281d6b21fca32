//! The statistics pane (state and actions): are the promises kept?
//!
//! Reads only figures (times, deadlines, outcomes and counts), never caller
//! data. ←/→ cycle this week / last month / this year; a custom period is
//! available from `vakt stats --from --to`.

use super::app::{Effect, Env};
use super::component::Component;
use super::keymap::{Action, Binding, Scope, b, ch, k};
use crate::i18n::stats as st;
use crate::stats::{Figures, Period, PeriodKind};
use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};

/// Actions of the statistics pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Act {
    PrevPeriod,
    NextPeriod,
}

pub const BINDINGS: &[Binding] = &[
    b(
        Scope::Stats,
        &[k(KeyCode::Left, "←"), ch('h', "h")],
        Action::Stats(Act::PrevPeriod),
        st::KEY_PREV_PERIOD,
        true,
    ),
    b(
        Scope::Stats,
        &[k(KeyCode::Right, "→"), ch('l', "l")],
        Action::Stats(Act::NextPeriod),
        st::KEY_NEXT_PERIOD,
        true,
    ),
];

#[derive(Debug, Default)]
pub struct StatsState {
    pub kind: PeriodKind,
    pub figures: Option<Figures>,
    /// The figures could not be read.
    pub error: bool,
    /// First missed item shown.
    pub scroll: usize,
    /// Compute on a worker thread with its own read-only connection, so a
    /// year of items never holds up a keystroke. The terminal app turns it
    /// on; tests leave it off and get the figures at once.
    pub background: bool,
    /// The figures being computed, if any.
    worker: Option<Worker>,
    /// Figures asked for while a worker was still busy: started when it
    /// has stopped, so at most one worker runs however fast → is pressed.
    queued: Option<Request>,
    /// What the figures on screen (or being computed) are for, when they
    /// were asked for and the database's change mark then: showing the pane
    /// again reuses them while the period is the same, nothing was saved
    /// (here or in another terminal: the mark moves) and they are fresh.
    loaded: Option<(Period, DateTime<Utc>, (i64, u64))>,
}

/// Figures being computed off the interface thread.
struct Worker {
    rx: Receiver<Result<Figures, ()>>,
    /// Stops the worker's query when its figures are no longer wanted, so
    /// holding → does not leave a year of reading running per keystroke.
    interrupt: rusqlite::InterruptHandle,
    /// Tells the worker to give up between its steps, for the same reason.
    stop: Arc<AtomicBool>,
}

/// What a worker needs to compute the figures.
#[derive(Debug)]
struct Request {
    path: std::path::PathBuf,
    calendar: crate::calendar::CalendarSettings,
    period: Period,
    now: DateTime<Utc>,
    lang: crate::i18n::Lang,
}

impl Worker {
    /// Asks the worker to stop; it ends without sending figures.
    fn cancel(&self) {
        self.stop.store(true, Ordering::Relaxed);
        // Harmless when the query has finished.
        self.interrupt.interrupt();
    }
}

impl std::fmt::Debug for Worker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Worker")
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.cancel();
    }
}

/// How long figures shown are reused when the pane is shown again. Time
/// alone changes them (deadlines pass), so not forever.
const FRESH_FOR: chrono::TimeDelta = chrono::TimeDelta::seconds(60);

impl StatsState {
    /// Whether figures are being computed.
    pub fn computing(&self) -> bool {
        self.worker.is_some() || self.queued.is_some()
    }

    /// Takes finished figures from the worker, or starts the one asked for
    /// meanwhile. Returns whether anything changed on screen.
    pub fn poll(&mut self) -> bool {
        let Some(w) = &self.worker else {
            return false;
        };
        let result = match w.rx.try_recv() {
            Ok(result) => result,
            Err(TryRecvError::Empty) => return false,
            Err(TryRecvError::Disconnected) => Err(()),
        };
        self.finished(result);
        true
    }

    /// Waits for the figures (tests and benchmarks).
    pub fn wait(&mut self) {
        while let Some(w) = &self.worker {
            let result = w.rx.recv().unwrap_or(Err(()));
            self.finished(result);
        }
    }

    /// The worker has ended: show its figures, unless others were asked
    /// for meanwhile.
    fn finished(&mut self, result: Result<Figures, ()>) {
        self.worker = None;
        match self.queued.take() {
            Some(next) => self.start(next),
            None => self.apply(result),
        }
    }

    /// Starts a worker with its own read-only connection.
    fn start(&mut self, req: Request) {
        let reader = match crate::store::Store::open_reader(&req.path) {
            Ok(r) => r,
            Err(_) => {
                self.apply(Err(()));
                return;
            }
        };
        let interrupt = reader.conn().get_interrupt_handle();
        let stop = Arc::new(AtomicBool::new(false));
        let (tx, rx) = std::sync::mpsc::channel();
        let stop_here = stop.clone();
        std::thread::spawn(move || {
            let Request {
                calendar,
                period,
                now,
                lang,
                ..
            } = req;
            match reader.stats_unless(&calendar, period, now, lang, &stop_here) {
                Ok(Some(figures)) => {
                    let _ = tx.send(Ok(figures));
                }
                // Stopped: the pane has moved on and ignores this worker.
                Ok(None) => {}
                Err(_) => {
                    let _ = tx.send(Err(()));
                }
            }
        });
        self.worker = Some(Worker {
            rx,
            interrupt,
            stop,
        });
    }

    fn apply(&mut self, result: Result<Figures, ()>) {
        match result {
            Ok(f) => {
                self.scroll = self.scroll.min(f.missed.len().saturating_sub(1));
                self.figures = Some(f);
                self.error = false;
            }
            Err(()) => {
                self.figures = None;
                self.error = true;
            }
        }
    }
}

impl StatsState {
    fn missed_len(&self) -> usize {
        self.figures.as_ref().map_or(0, |f| f.missed.len())
    }

    /// Whether the figures on screen (or being computed) can be shown again
    /// for `period` at `now`.
    fn reusable(&self, period: Period, now: DateTime<Utc>, mark: Option<(i64, u64)>) -> bool {
        (self.figures.is_some() || self.worker.is_some())
            && self.loaded.is_some_and(|(p, at, m)| {
                p == period && Some(m) == mark && now >= at && now - at < FRESH_FOR
            })
    }
}

impl StatsState {
    /// Reads the figures for the chosen period, on a worker thread when
    /// `background` is on. A worker still computing is stopped first, and
    /// the new one starts when it has.
    fn read(&mut self, env: &mut Env, mark: Option<(i64, u64)>) {
        let today = env.calendar.local_date(env.now);
        let period = Period::named(self.kind, today);
        self.loaded = mark.map(|mark| (period, env.now, mark));
        if !self.background {
            self.worker = None;
            self.queued = None;
            let result = env.store.stats(env.calendar, period, env.now, env.lang);
            self.apply(result.map_err(|_| ()));
            return;
        }
        let req = Request {
            path: env.store.path().to_path_buf(),
            calendar: env.calendar.clone(),
            period,
            now: env.now,
            lang: env.lang,
        };
        match &self.worker {
            Some(busy) => {
                busy.cancel();
                self.queued = Some(req);
            }
            None => self.start(req),
        }
    }
}

impl Component for StatsState {
    type Act = Act;

    fn act(action: Action) -> Option<Act> {
        match action {
            Action::Stats(a) => Some(a),
            _ => None,
        }
    }

    fn scope(&self) -> Scope {
        Scope::Stats
    }

    fn update(&mut self, act: Act, env: &mut Env) -> Effect {
        self.kind = match act {
            Act::PrevPeriod => self.kind.prev(),
            Act::NextPeriod => self.kind.next(),
        };
        self.scroll = 0;
        let mark = env.store.change_mark().ok();
        self.read(env, mark);
        Effect::None
    }

    fn navigate(&mut self, action: Action, _env: &mut Env) -> Effect {
        let last = self.missed_len().saturating_sub(1);
        self.scroll = match action {
            Action::Up => self.scroll.saturating_sub(1),
            Action::Down => (self.scroll + 1).min(last),
            Action::PageUp => self.scroll.saturating_sub(5),
            Action::PageDown => (self.scroll + 5).min(last),
            Action::Home => 0,
            Action::End => last,
            _ => self.scroll,
        };
        Effect::None
    }

    /// Shows the pane: figures still fresh for the same period are kept.
    fn reload(&mut self, env: &mut Env) {
        let period = Period::named(self.kind, env.calendar.local_date(env.now));
        let mark = env.store.change_mark().ok();
        if !self.reusable(period, env.now, mark) {
            self.read(env, mark);
        }
    }
}
