//! The note editor: the text, the marks row (handover, escalation, pin,
//! a link to the selected item) and saving the note, a new one or one that
//! amends the selected note.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::{LogState, MAX_NOTE, Mode};
use crate::i18n::{Lang, log as m};
use crate::store::log::{Marks, NewNote, Note};
use crate::tui::app::{Effect, Env};
use crate::tui::input::Field;

/// A note being written.
#[derive(Debug, Clone)]
pub struct Editor {
    pub text: Field,
    /// Focus on the marks row instead of the text.
    pub on_marks: bool,
    pub marks: Marks,
    pub link: Option<i64>,
    pub amends: Option<i64>,
    discard_armed: bool,
}

impl Editor {
    /// An empty note; one that amends `amended` keeps its link to an item.
    pub(super) fn new(amended: Option<&Note>) -> Self {
        Editor {
            text: Field::multi(MAX_NOTE),
            on_marks: false,
            marks: Marks::default(),
            link: amended.and_then(|n| n.callback_id),
            amends: amended.map(|n| n.id),
            discard_armed: false,
        }
    }

    /// A key typed in the editor: on the marks row a letter toggles its
    /// mark (`k` links the item selected in the queue, or unlinks), else
    /// it edits the text.
    pub(super) fn key(
        &mut self,
        ev: KeyEvent,
        selected_callback: Option<i64>,
        lang: Lang,
    ) -> Effect {
        self.discard_armed = false;
        if self.on_marks {
            match ev.code {
                KeyCode::Char('o') | KeyCode::Char('O') => {
                    self.marks.handover = !self.marks.handover
                }
                KeyCode::Char('e') | KeyCode::Char('E') => {
                    self.marks.escalation = !self.marks.escalation
                }
                KeyCode::Char('f') | KeyCode::Char('F') => self.marks.pinned = !self.marks.pinned,
                KeyCode::Char('k') | KeyCode::Char('K') => {
                    self.link = match self.link {
                        Some(_) => None,
                        None => selected_callback,
                    }
                }
                _ => {}
            }
            return Effect::None;
        }
        let edit = self.text.key(ev);
        crate::tui::form::too_long(edit, MAX_NOTE, lang).map_or(Effect::None, Effect::Error)
    }

    /// Esc in the editor: on typed text the first asks again (the
    /// sentence to show); `None` when the editor may close.
    pub(super) fn leave(&mut self, lang: Lang) -> Option<String> {
        let dirty = self.text.is_dirty();
        crate::tui::form::discard_asks(dirty, &mut self.discard_armed, lang)
    }
}

impl LogState {
    pub(super) fn save_note(&mut self, env: &mut Env) -> Effect {
        let Mode::Editor(ed) = &mut self.mode else {
            return Effect::None;
        };
        let body = match crate::domain::note::body(&ed.text.text()) {
            Ok(body) => body,
            Err(e) if e.problem == crate::domain::text::TextProblem::Required => {
                return Effect::Error(m::EDITOR_EMPTY.get(env.lang).to_string());
            }
            Err(e) => return Effect::Error(crate::i18n::rules::text_error(&e, env.lang)),
        };
        let note = NewNote {
            body,
            callback_id: ed.link,
            marks: ed.marks,
            amends: ed.amends,
        };
        match env.store.add_note(&note, env.actor, env.now) {
            Ok(_) => {
                self.mode = Mode::List;
                self.list.reset();
                self.fetch(env);
                Effect::Saved(m::NOTE_SAVED.get(env.lang).to_string())
            }
            // The editor stays open with the text: nothing typed is lost.
            Err(e) => Effect::Error(crate::tui::queue::store_error(&e, env)),
        }
    }
}
