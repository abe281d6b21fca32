//! Keys and pastes: which scopes are asked, whether an action may act now
//! (greyed keys, what waits while caller data is hidden), and carrying it
//! out, in the overlay on top or the pane on screen.

use ratatui::crossterm::event::{KeyEvent, KeyEventKind};

use super::{App, Flash, Pane};
use crate::tui::keymap::{self, Action, Scope};
use crate::tui::popup::{Popup, PopupKind, TextIn};

impl App {
    /// The scopes asked for a key, most specific first.
    pub fn scopes(&self) -> Vec<Scope> {
        match self.popups.top() {
            Some(popup) => popup.scopes(),
            None => self.pane_scopes(),
        }
    }

    /// The scopes of the pane on screen, ignoring overlays.
    pub fn pane_scopes(&self) -> Vec<Scope> {
        let pane = self.current().scope();
        if self.is_typing() {
            vec![pane, Scope::Typing]
        } else {
            vec![pane, Scope::Global]
        }
    }

    /// Whether a text field on screen takes the keys.
    pub fn is_typing(&self) -> bool {
        self.current().is_typing()
    }

    /// Whether typed text would be lost by quitting now (in any pane).
    pub fn has_unsaved_input(&self) -> bool {
        Pane::ALL
            .iter()
            .any(|p| self.pane_ref(*p).has_unsaved_input())
    }

    /// Whether an action can be used in the current state (unavailable
    /// keys are greyed in the footer, not hidden). A pane's actions come
    /// from its own key table, asked only while it is on screen, so they
    /// are the pane on screen's; a form key is the welcome's while it is on
    /// top.
    pub fn is_enabled(&self, action: Action) -> bool {
        if self.waits_while_hidden(action) {
            return false;
        }
        match (self.popups.top_kind(), action) {
            (Some(PopupKind::Welcome), Action::Form(_)) => true,
            (Some(_), Action::Form(_)) => false,
            _ if self.current().owns(action) => self.current().is_enabled(action),
            // Another pane's action, or app-wide.
            _ => !Pane::ALL.iter().any(|p| self.pane_ref(*p).owns(action)),
        }
    }

    /// Whether the pane on screen is covered because caller data is hidden.
    pub fn pane_hidden(&self) -> bool {
        self.privacy && self.pane.spec().shows_caller_data
    }

    /// Whether `action` must wait while caller data is hidden: it reads or
    /// changes a caller's item, or it is a form key in a pane the hidden
    /// screen covers (a half-filled form is kept, but nothing is saved
    /// that the person cannot see).
    pub(super) fn waits_while_hidden(&self, action: Action) -> bool {
        if !self.privacy || self.popups.top().is_some() {
            return false;
        }
        keymap::touches_caller_data(action)
            || (self.pane_hidden() && self.current().owns(action) && self.is_typing())
    }

    /// The calm answer to a key that waits while caller data is hidden.
    pub(super) fn say_hidden(&mut self) {
        self.flash = Some(Flash {
            text: crate::i18n::shell::HIDDEN_WAIT.get(self.lang).to_string(),
            error: false,
        });
    }

    pub(super) fn key(&mut self, ev: KeyEvent) {
        if ev.kind == KeyEventKind::Release {
            return;
        }
        self.last_input = self.now;
        if let Some(b) = keymap::lookup(&self.scopes(), &ev) {
            if self.waits_while_hidden(b.action) {
                self.say_hidden();
            } else if self.is_enabled(b.action) {
                self.act(b.action);
            } else if let Some(why) = self.current().why_disabled(b.action) {
                self.flash = Some(Flash {
                    text: why.get(self.lang).to_string(),
                    error: true,
                });
            }
            return;
        }
        if self.popups.top().is_none() && self.is_typing() && self.pane_hidden() {
            self.say_hidden();
        } else if self.popups.top().is_some() || self.is_typing() {
            self.text_in(TextIn::Key(ev));
        }
    }

    /// Text (a key no binding claimed, or a paste) into the overlay on top
    /// if there is one (only it takes text), else the pane on screen.
    pub(super) fn text_in(&mut self, input: TextIn) {
        let lang = self.lang;
        let effect = match self.popups.top_mut() {
            Some(popup) => popup.text_in(input, lang),
            None => {
                self.flash = None;
                let (pane, mut env) = self.active();
                match input {
                    TextIn::Key(ev) => pane.on_text_key(ev, &mut env),
                    TextIn::Paste(text) => pane.on_paste(text, &mut env),
                }
            }
        };
        self.apply(effect);
    }

    /// Whether typed text goes into a text field now (and not to commands).
    pub fn takes_text(&self) -> bool {
        self.scopes().contains(&Scope::Typing)
    }

    /// Pasted text (one bracketed paste, or keys that arrived as a burst)
    /// goes into the field being typed in, at once; anywhere else it does
    /// nothing but say so: a paste never runs a command.
    pub(super) fn paste(&mut self, text: &str) {
        self.last_input = self.now;
        if self.popups.top().is_none() && self.pane_hidden() && self.takes_text() {
            self.say_hidden();
            return;
        }
        if !self.takes_text() {
            self.flash = Some(Flash {
                text: crate::i18n::shell::PASTE_NOT_HERE
                    .get(self.lang)
                    .to_string(),
                error: false,
            });
            return;
        }
        self.text_in(TextIn::Paste(text));
    }

    /// Carries out an action from the key table.
    pub(super) fn act(&mut self, action: Action) {
        self.flash = None;
        // Help and the quit question take only their own actions; the
        // welcome and the who-is-on-duty question let global keys through
        // (their scopes decide which).
        let top = self.popups.top_kind();
        match (top, action) {
            (_, Action::TogglePrivacy) => self.privacy = !self.privacy,
            (Some(PopupKind::Help), Action::Back) => {
                self.popups.pop();
            }
            (
                Some(PopupKind::Help),
                Action::Down
                | Action::Up
                | Action::PageUp
                | Action::PageDown
                | Action::Home
                | Action::End,
            ) => self.scroll_help(action),
            (Some(PopupKind::ConfirmQuit), Action::Yes) => self.quit = true,
            (Some(PopupKind::ConfirmQuit), Action::No) => {
                self.popups.pop();
            }
            (Some(PopupKind::Help | PopupKind::ConfirmQuit), _) => {}
            (_, Action::Quit | Action::ForceQuit) => {
                if self.has_unsaved_input() {
                    self.popups.push(Popup::ConfirmQuit);
                } else {
                    self.quit = true;
                }
            }
            (_, Action::WhoSave) => self.save_who(),
            (_, Action::WhoChange) => {
                if self.duty_locked {
                    self.flash = Some(Flash {
                        text: crate::i18n::log::WHO_LOCKED.get(self.lang).to_string(),
                        error: true,
                    });
                } else {
                    self.ask_who(self.on_duty.clone());
                }
            }
            (Some(PopupKind::Who), Action::Back) => {
                self.popups.pop();
            }
            (Some(PopupKind::Who), Action::Up | Action::Down) => {
                if let Some(Popup::Who(who)) = self.popups.top_mut() {
                    who.pick(action == Action::Down);
                }
            }
            (_, Action::Welcome(a)) => self.welcome_action(a),
            (Some(PopupKind::Welcome), Action::Form(f)) => {
                self.welcome_action(crate::tui::welcome::Act::Form(f))
            }
            (Some(_), Action::Form(_)) => {}
            (_, Action::Help) => self.popups.push(Popup::Help { scroll: 0 }),
            (_, Action::NextPane) => {
                self.goto(Pane::ALL[(self.pane.index() + 1) % Pane::ALL.len()])
            }
            (_, Action::PrevPane) => {
                self.goto(Pane::ALL[(self.pane.index() + Pane::ALL.len() - 1) % Pane::ALL.len()])
            }
            (_, Action::Go(pane)) => self.goto(pane),
            (
                _,
                a @ (Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::Home
                | Action::End),
            ) => {
                let (pane, mut env) = self.active();
                let effect = pane.navigate(a, &mut env);
                self.apply(effect);
            }
            // The pane on screen's own actions and form keys (anything
            // else, e.g. a stray Back, is no pane's and does nothing).
            (_, a) => {
                let (pane, mut env) = self.active();
                let effect = pane.update(a, &mut env);
                self.apply(effect);
            }
        }
    }

    /// Moves the help's text, never past its last line at this size (a
    /// movement that is not one keeps it within the text, after a resize).
    pub(super) fn scroll_help(&mut self, action: Action) {
        use crate::tui::view::help;
        let height = self.size.1;
        let (max, page) = (help::max_scroll(self, height), help::window(self, height));
        if let Some(Popup::Help { scroll }) = self.popups.top_mut() {
            *scroll = help::scrolled(*scroll, action, max, page);
        }
    }
}
