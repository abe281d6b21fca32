//! The referral directory pane (state and actions).

use super::app::{Effect, Env};
use super::component::Component;
use super::keymap::{Binding, Scope};

/// Actions of the directory pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Act {
    Search,
}

pub const BINDINGS: &[Binding] = &[super::keymap::b(
    Scope::Directory,
    &[super::keymap::ch('/', "/")],
    super::keymap::Action::Dir(Act::Search),
    crate::i18n::shell::KEY_SEARCH,
    true,
)];

#[derive(Debug, Default)]
pub struct DirectoryState {}

impl Component for DirectoryState {
    type Act = Act;

    fn scope(&self) -> Scope {
        Scope::Directory
    }

    fn update(&mut self, _act: Act, _env: &mut Env) -> Effect {
        Effect::None
    }

    fn reload(&mut self, _env: &mut Env) {}
}
