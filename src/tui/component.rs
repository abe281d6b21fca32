//! The contract every pane keeps with the app.
//!
//! A pane implements [`Component`] with its own action type. The app holds
//! the pane on screen as `&mut dyn` [`AnyPane`] (the blanket impl below turns
//! any `Component` into one), so it dispatches in one place whatever the
//! pane: a trait object rather than an enum, because an enum would need a
//! new arm in every method for every pane, and the typed `Act` stays inside
//! the pane's own module.

use ratatui::crossterm::event::KeyEvent;

use super::app::{Effect, Env};
use super::keymap::{Action, Scope};

/// A pane: its own state, actions and key table (`BINDINGS` in its
/// module). The app routes keys and actions to the pane on screen and
/// applies the [`Effect`] it returns. Panes read the store through `Env`,
/// one page at a time, and never hold a whole table in memory.
pub trait Component {
    /// The pane's own actions, wrapped in [`Action`] by its key table.
    type Act: Copy;

    /// This pane's action in an [`Action`] (its own, or a form key when the
    /// pane has forms); `None` when the action is not for this pane.
    fn act(action: Action) -> Option<Self::Act>
    where
        Self: Sized;

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

    /// Why an action that cannot be used now cannot, said when its key is
    /// pressed anyway (`None`: the greyed key says enough).
    fn why_disabled(&self, _act: Self::Act) -> Option<crate::i18n::Msg> {
        None
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

/// A pane as the app sees it: any [`Component`], with its actions still
/// wrapped in [`Action`]. Object-safe, so the app can hold whichever pane
/// is on screen as one `&mut dyn AnyPane`.
pub trait AnyPane {
    fn scope(&self) -> Scope;
    fn is_typing(&self) -> bool;
    fn has_unsaved_input(&self) -> bool;
    /// Whether `action` is this pane's.
    fn owns(&self, action: Action) -> bool;
    /// Whether `action` is this pane's and can be used now.
    fn is_enabled(&self, action: Action) -> bool;
    /// Why this pane's `action` cannot be used now, if it says.
    fn why_disabled(&self, action: Action) -> Option<crate::i18n::Msg>;
    /// Handles one of this pane's actions (others do nothing).
    fn update(&mut self, action: Action, env: &mut Env) -> Effect;
    fn navigate(&mut self, action: Action, env: &mut Env) -> Effect;
    fn on_text_key(&mut self, ev: KeyEvent, env: &mut Env) -> Effect;
    fn on_paste(&mut self, text: &str, env: &mut Env) -> Effect;
    fn reload(&mut self, env: &mut Env);
}

impl<C: Component> AnyPane for C {
    fn scope(&self) -> Scope {
        Component::scope(self)
    }
    fn is_typing(&self) -> bool {
        Component::is_typing(self)
    }
    fn has_unsaved_input(&self) -> bool {
        Component::has_unsaved_input(self)
    }
    fn owns(&self, action: Action) -> bool {
        C::act(action).is_some()
    }
    fn is_enabled(&self, action: Action) -> bool {
        C::act(action).is_some_and(|a| Component::is_enabled(self, a))
    }
    fn why_disabled(&self, action: Action) -> Option<crate::i18n::Msg> {
        C::act(action).and_then(|a| Component::why_disabled(self, a))
    }
    fn update(&mut self, action: Action, env: &mut Env) -> Effect {
        match C::act(action) {
            Some(a) => Component::update(self, a, env),
            None => Effect::None,
        }
    }
    fn navigate(&mut self, action: Action, env: &mut Env) -> Effect {
        Component::navigate(self, action, env)
    }
    fn on_text_key(&mut self, ev: KeyEvent, env: &mut Env) -> Effect {
        Component::on_text_key(self, ev, env)
    }
    fn on_paste(&mut self, text: &str, env: &mut Env) -> Effect {
        Component::on_paste(self, text, env)
    }
    fn reload(&mut self, env: &mut Env) {
        Component::reload(self, env)
    }
}
