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
        match env.store.stats(env.calendar, period, env.now, env.lang) {
            Ok(f) => {
                self.scroll = self.scroll.min(f.missed.len().saturating_sub(1));
                self.figures = Some(f);
                self.error = false;
            }
            Err(_) => {
                self.figures = None;
                self.error = true;
            }
        }
    }
}
