//! A small form: labelled text fields and choices, one focused at a time,
//! with an error line per field. Panes build their dialogs from it; the
//! typed text stays in the form until it is saved or discarded.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::input::{Edit, Field};
use crate::i18n::Msg;

#[derive(Debug, Clone)]
pub enum Input {
    Text(Box<Field>),
    /// One of a fixed list; ←/→ or space changes it.
    Choice {
        options: Vec<Msg>,
        index: usize,
    },
}

#[derive(Debug, Clone)]
pub struct FormField {
    pub id: &'static str,
    pub label: Msg,
    pub input: Input,
    /// A quiet line under the field (examples, what empty means).
    pub hint: Option<String>,
    /// What is wrong with the value, in the user's language.
    pub error: Option<String>,
    /// A calm note that is not an error (e.g. a computed deadline).
    pub info: Option<String>,
}

impl FormField {
    pub fn text(id: &'static str, label: Msg, field: Field) -> FormField {
        FormField {
            id,
            label,
            input: Input::Text(Box::new(field)),
            hint: None,
            error: None,
            info: None,
        }
    }

    pub fn choice(id: &'static str, label: Msg, options: Vec<Msg>, index: usize) -> FormField {
        FormField {
            id,
            label,
            input: Input::Choice { options, index },
            hint: None,
            error: None,
            info: None,
        }
    }

    pub fn with_hint(mut self, hint: String) -> FormField {
        self.hint = Some(hint);
        self
    }
}

#[derive(Debug, Clone)]
pub struct Form {
    pub title: Msg,
    pub fields: Vec<FormField>,
    pub focus: usize,
    /// Esc was pressed once on a form with typed text.
    pub discard_armed: bool,
}

impl Form {
    pub fn new(title: Msg, fields: Vec<FormField>) -> Form {
        Form {
            title,
            fields,
            focus: 0,
            discard_armed: false,
        }
    }

    pub fn next(&mut self) {
        if !self.fields.is_empty() {
            self.focus = (self.focus + 1) % self.fields.len();
        }
    }

    pub fn prev(&mut self) {
        if !self.fields.is_empty() {
            self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
        }
    }

    pub fn focused_id(&self) -> Option<&'static str> {
        self.fields.get(self.focus).map(|f| f.id)
    }

    /// The character limit of the focused field, if it is a text field.
    pub fn focused_max_chars(&self) -> Option<usize> {
        match &self.fields.get(self.focus)?.input {
            Input::Text(t) => Some(t.max_chars()),
            Input::Choice { .. } => None,
        }
    }

    pub fn focus_on(&mut self, id: &str) {
        if let Some(i) = self.fields.iter().position(|f| f.id == id) {
            self.focus = i;
        }
    }

    fn field(&self, id: &str) -> Option<&FormField> {
        self.fields.iter().find(|f| f.id == id)
    }

    pub fn field_mut(&mut self, id: &str) -> Option<&mut FormField> {
        self.fields.iter_mut().find(|f| f.id == id)
    }

    /// The text of a text field ("" if there is none).
    pub fn text(&self, id: &str) -> String {
        match self.field(id).map(|f| &f.input) {
            Some(Input::Text(f)) => f.text(),
            _ => String::new(),
        }
    }

    /// The index chosen in a choice field (0 if there is none).
    pub fn choice(&self, id: &str) -> usize {
        match self.field(id).map(|f| &f.input) {
            Some(Input::Choice { index, .. }) => *index,
            _ => 0,
        }
    }

    pub fn set_error(&mut self, id: &str, error: Option<String>) {
        if let Some(f) = self.field_mut(id) {
            f.error = error;
        }
    }

    pub fn set_info(&mut self, id: &str, info: Option<String>) {
        if let Some(f) = self.field_mut(id) {
            f.info = info;
        }
    }

    pub fn first_error(&self) -> Option<&'static str> {
        self.fields.iter().find(|f| f.error.is_some()).map(|f| f.id)
    }

    /// Whether anything was typed or changed.
    pub fn is_dirty(&self) -> bool {
        self.fields.iter().any(|f| match &f.input {
            Input::Text(t) => t.is_dirty(),
            Input::Choice { .. } => false,
        })
    }

    /// A key for the focused field. Returns what changed.
    pub fn key(&mut self, ev: KeyEvent) -> Edit {
        self.discard_armed = false;
        let Some(field) = self.fields.get_mut(self.focus) else {
            return Edit::Unchanged;
        };
        match &mut field.input {
            Input::Text(t) => t.key(ev),
            Input::Choice { options, index } => {
                let n = options.len().max(1);
                match ev.code {
                    KeyCode::Right | KeyCode::Char(' ') => *index = (*index + 1) % n,
                    KeyCode::Left => *index = (*index + n - 1) % n,
                    _ => return Edit::Unchanged,
                }
                Edit::Changed
            }
        }
    }

    pub fn paste(&mut self, text: &str) -> Edit {
        self.discard_armed = false;
        match self.fields.get_mut(self.focus).map(|f| &mut f.input) {
            Some(Input::Text(t)) => t.paste(text),
            _ => Edit::Unchanged,
        }
    }
}
