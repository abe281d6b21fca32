//! Overlays on one stack: the welcome, "who is on duty?", help and the
//! quit question. Only the one on top is drawn and takes keys, so two
//! never cover each other by accident; closing it shows the one below.

use ratatui::crossterm::event::KeyEvent;

use super::app::Effect;
use super::keymap::Scope;
use super::welcome::Welcome;
use super::who::Who;
use crate::i18n::Lang;

/// Text for whatever takes it: a key no binding claimed, or a paste.
#[derive(Debug, Clone, Copy)]
pub enum TextIn<'a> {
    Key(KeyEvent),
    Paste(&'a str),
}

/// One overlay and its state.
#[derive(Debug, Clone)]
pub enum Popup {
    /// The first-start welcome (and its opening-hours form).
    Welcome(Welcome),
    /// "Who is on duty?", with the name being typed and recent names.
    Who(Box<Who>),
    /// The `?` key list.
    Help { scroll: u16 },
    /// "Quit and discard what is typed?"
    ConfirmQuit,
}

/// Which overlay, without its state (for tests and checks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PopupKind {
    Welcome,
    Who,
    Help,
    ConfirmQuit,
}

impl Popup {
    pub fn kind(&self) -> PopupKind {
        match self {
            Popup::Welcome(_) => PopupKind::Welcome,
            Popup::Who(_) => PopupKind::Who,
            Popup::Help { .. } => PopupKind::Help,
            Popup::ConfirmQuit => PopupKind::ConfirmQuit,
        }
    }

    /// The scopes asked for a key while this overlay is on top, most
    /// specific first.
    pub fn scopes(&self) -> Vec<Scope> {
        match self {
            Popup::Who(_) => vec![Scope::Who, Scope::Typing],
            Popup::Welcome(w) => match w.form {
                Some(_) => vec![Scope::Form, Scope::Typing],
                None => vec![Scope::Welcome, Scope::Global],
            },
            Popup::Help { .. } => vec![Scope::Help],
            Popup::ConfirmQuit => vec![Scope::Confirm],
        }
    }

    /// Text into this overlay's field, if it has one open (keys and
    /// pastes take the same path; a paste too long is cut and said so).
    pub fn text_in(&mut self, input: TextIn, lang: Lang) -> Effect {
        match (self, input) {
            (Popup::Who(who), TextIn::Key(ev)) => {
                who.key(ev);
                Effect::None
            }
            (Popup::Who(who), TextIn::Paste(text)) => {
                super::input::pasted(who.paste(text), who.field.max_chars(), lang)
            }
            (Popup::Welcome(w), input) => match (&mut w.form, input) {
                (Some(form), TextIn::Key(ev)) => {
                    form.key(ev);
                    Welcome::recheck(form, lang);
                    Effect::None
                }
                (Some(form), TextIn::Paste(text)) => {
                    let max = form.focused_max_chars().unwrap_or(0);
                    let edit = form.paste(text);
                    Welcome::recheck(form, lang);
                    super::input::pasted(edit, max, lang)
                }
                (None, _) => Effect::None,
            },
            (Popup::Help { .. } | Popup::ConfirmQuit, _) => Effect::None,
        }
    }
}

/// The overlays open, the top one last.
#[derive(Debug, Clone, Default)]
pub struct PopupStack(Vec<Popup>);

impl PopupStack {
    /// Puts `popup` on top. One of a kind: an older one of the same kind
    /// is taken out first.
    pub fn push(&mut self, popup: Popup) {
        self.remove(popup.kind());
        self.0.push(popup);
    }

    /// Takes the top overlay away.
    pub fn pop(&mut self) -> Option<Popup> {
        self.0.pop()
    }

    /// Takes the overlay of `kind` away, wherever it is.
    pub fn remove(&mut self, kind: PopupKind) -> Option<Popup> {
        let i = self.0.iter().position(|p| p.kind() == kind)?;
        Some(self.0.remove(i))
    }

    pub fn top(&self) -> Option<&Popup> {
        self.0.last()
    }

    pub fn top_mut(&mut self) -> Option<&mut Popup> {
        self.0.last_mut()
    }

    pub fn top_kind(&self) -> Option<PopupKind> {
        self.top().map(Popup::kind)
    }

    pub fn contains(&self, kind: PopupKind) -> bool {
        self.0.iter().any(|p| p.kind() == kind)
    }

    /// The overlays, bottom first.
    pub fn iter(&self) -> impl Iterator<Item = &Popup> {
        self.0.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_top_is_on_top_and_one_of_a_kind() {
        let mut s = PopupStack::default();
        assert!(s.is_empty());
        s.push(Popup::Welcome(Welcome::default()));
        s.push(Popup::Who(Box::new(Who::new(None, Ok(Vec::new())))));
        assert_eq!(s.top_kind(), Some(PopupKind::Who));
        s.push(Popup::Help { scroll: 0 });
        s.push(Popup::Help { scroll: 3 });
        assert_eq!(s.top_kind(), Some(PopupKind::Help));
        assert!(matches!(s.top(), Some(Popup::Help { scroll: 3 })));
        assert_eq!(s.pop().map(|p| p.kind()), Some(PopupKind::Help));
        assert_eq!(s.top_kind(), Some(PopupKind::Who));
        assert!(s.remove(PopupKind::Welcome).is_some());
        assert!(!s.contains(PopupKind::Welcome));
        assert_eq!(s.top_kind(), Some(PopupKind::Who));
        s.pop();
        assert!(s.is_empty());
        assert!(s.pop().is_none());
    }
}
