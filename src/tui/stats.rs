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
use ratatui::crossterm::event::KeyCode;
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
    worker: Option<Receiver<Result<Figures, ()>>>,
}

impl StatsState {
    /// Whether figures are being computed.
    pub fn computing(&self) -> bool {
        self.worker.is_some()
    }

    /// Takes finished figures from the worker. Returns whether anything
    /// changed on screen.
    pub fn poll(&mut self) -> bool {
        let Some(rx) = &self.worker else {
            return false;
        };
        match rx.try_recv() {
            Ok(result) => {
                self.worker = None;
                self.apply(result);
                true
            }
            Err(TryRecvError::Empty) => false,
            Err(TryRecvError::Disconnected) => {
                self.worker = None;
                self.apply(Err(()));
                true
            }
        }
    }

    /// Waits for the worker (tests and benchmarks).
    pub fn wait(&mut self) {
        if let Some(rx) = self.worker.take() {
            self.apply(rx.recv().unwrap_or(Err(())));
        }
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
}

impl Component for StatsState {
    type Act = Act;

    fn scope(&self) -> Scope {
        Scope::Stats
    }

    fn update(&mut self, act: Act, env: &mut Env) -> Effect {
        self.kind = match act {
            Act::PrevPeriod => self.kind.prev(),
            Act::NextPeriod => self.kind.next(),
        };
        self.scroll = 0;
        self.reload(env);
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

    fn reload(&mut self, env: &mut Env) {
        let today = env.calendar.local_date(env.now);
        let period = Period::named(self.kind, today);
        if !self.background {
            let result = env.store.stats(env.calendar, period, env.now, env.lang);
            self.apply(result.map_err(|_| ()));
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let path = env.store.path().to_path_buf();
        let (cal, now, lang) = (env.calendar.clone(), env.now, env.lang);
        std::thread::spawn(move || {
            let result = crate::store::Store::open_reader(&path)
                .and_then(|s| s.stats(&cal, period, now, lang))
                .map_err(|_| ());
            // The pane may have asked for another period meanwhile.
            let _ = tx.send(result);
        });
        self.worker = Some(rx);
    }
}
