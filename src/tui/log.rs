//! The shift log pane (state and actions).

use super::app::{Effect, Env};
use super::component::Component;
use super::keymap::{Binding, Scope};

/// Actions of the shift log pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Act {
    NewNote,
}

pub const BINDINGS: &[Binding] = &[super::keymap::b(
    Scope::Log,
    &[super::keymap::ch('n', "n")],
    super::keymap::Action::Log(Act::NewNote),
    crate::i18n::shell::KEY_NEW_NOTE,
    true,
)];

#[derive(Debug, Default)]
pub struct LogState {}

impl Component for LogState {
    type Act = Act;

    fn scope(&self) -> Scope {
        Scope::Log
    }

    fn is_enabled(&self, _act: Act) -> bool {
        false
    }

    fn update(&mut self, _act: Act, _env: &mut Env) -> Effect {
        Effect::None
    }

    fn reload(&mut self, _env: &mut Env) {}
}
