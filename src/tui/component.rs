//! The contract every pane keeps with the app.

use ratatui::crossterm::event::KeyEvent;

use super::app::{Effect, Env};
use super::keymap::{Action, Scope};

/// A pane: its own state, actions and key table (`BINDINGS` in its
/// module). The app routes keys and actions to the pane on screen and
/// applies the [`Effect`] it returns. Panes read the store through `Env`,
/// one page at a time, and never hold a whole table in memory.
pub trait Component {
    /// The pane's own actions, wrapped in [`Action`] by its key table.
    type Act;

    /// The scope whose bindings apply now (e.g. list, form, search box).
    fn scope(&self) -> Scope;

    /// Whether a text field takes the keys: unbound keys go to
    /// [`Component::on_text_key`] and global single-letter keys are off.
    fn is_typing(&self) -> bool {
        false
    }

    /// Whether quitting now would throw away typed text.
    fn has_unsaved_input(&self) -> bool {
        false
    }

    /// Whether an action can be used now (unavailable ones are greyed).
    fn is_enabled(&self, _act: Self::Act) -> bool {
        true
    }

    fn update(&mut self, act: Self::Act, env: &mut Env) -> Effect;

    /// Up, Down, PageUp, PageDown, Home, End.
    fn navigate(&mut self, _action: Action, _env: &mut Env) -> Effect {
        Effect::None
    }

    /// A key not bound in the current scope while typing.
    fn on_text_key(&mut self, _ev: KeyEvent, _env: &mut Env) -> Effect {
        Effect::None
    }

    /// Pasted text while typing.
    fn on_paste(&mut self, _text: &str, _env: &mut Env) -> Effect {
        Effect::None
    }

    /// Re-reads what is on screen (after a change here or elsewhere).
    fn reload(&mut self, env: &mut Env);
}
