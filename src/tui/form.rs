//! A small form: labelled text fields and choices, one focused at a time,
//! with an error line per field. Panes build their dialogs from it; the
//! typed text stays in the form until it is saved or discarded.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::input::{Edit, Field};
use super::keymap::{Action, Binding, Scope, b, ctrl, k};
use crate::i18n::{Lang, Msg, queue as q, shell as s};

/// What the keys of every form do: the same four in each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FormAct {
    Save,
    Cancel,
    NextField,
    PrevField,
}

const fn a(act: FormAct) -> Action {
    Action::Form(act)
}

/// The keys of every form (new/edit callback, attempt, close, a service,
/// the opening hours), in one table.
pub const BINDINGS: &[Binding] = &[
    b(
        Scope::Form,
        &[k(KeyCode::Enter, "Enter"), ctrl('s', "Ctrl-S")],
        a(FormAct::Save),
        s::KEY_SAVE,
        true,
    ),
    b(
        Scope::Form,
        &[k(KeyCode::Esc, "Esc")],
        a(FormAct::Cancel),
        s::KEY_CANCEL,
        true,
    ),
    b(
        Scope::Form,
        &[k(KeyCode::Tab, "Tab"), k(KeyCode::Down, "↓")],
        a(FormAct::NextField),
        s::KEY_NEXT_FIELD,
        true,
    ),
    b(
        Scope::Form,
        &[k(KeyCode::BackTab, "Shift-Tab"), k(KeyCode::Up, "↑")],
        a(FormAct::PrevField),
        s::KEY_PREV_FIELD,
        false,
    ),
];

/// Keys a choice field takes itself (not in the key table, since they are
/// never looked up): shown in `?` help. A text field's keys are in
/// [`crate::tui::input::BINDINGS`].
pub const FIELD_KEYS: &[(&str, Msg)] = &[("Space / ← / →", s::FIELD_KEY_CHOICE)];

/// What a form key asks of whoever holds the form (see [`Form::step`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormStep {
    /// Save: the holder reads, checks and writes the form.
    Save,
    /// Close the form: nothing was typed, or Esc came twice.
    Close,
    /// Esc on typed text: say this, and keep the form open.
    AskAgain(String),
    /// The focus moved to another field.
    Moved,
}

/// "Esc twice": the first Esc on typed text asks again (the sentence to
/// show), the second (or the first on nothing typed) discards.
pub fn discard_asks(dirty: bool, armed: &mut bool, lang: Lang) -> Option<String> {
    if dirty && !*armed {
        *armed = true;
        return Some(s::DISCARD_AGAIN.get(lang).to_string());
    }
    None
}

/// The sentence for an edit cut short by a field's limit of `max`.
pub fn too_long(edit: Edit, max: usize, lang: Lang) -> Option<String> {
    (edit == Edit::Truncated).then(|| s::ERR_TOO_LONG_TEXT.fill(lang, &[("max", &max)]))
}

/// The values a choice field offers, in the order shown, each with its
/// label: a form reads back the value, never an index, so a reordered list
/// or a mistyped number cannot pick the wrong one.
pub trait Choice: Copy + PartialEq + 'static {
    /// Every value, in the order offered; the first is the default.
    const ALL: &'static [Self];
    fn label(self) -> Msg;
}

/// Unknown / yes / no, as the three-way choice offers it.
impl Choice for Option<bool> {
    const ALL: &'static [Self] = &[None, Some(true), Some(false)];
    fn label(self) -> Msg {
        match self {
            None => q::TRI_UNKNOWN,
            Some(true) => q::TRI_YES,
            Some(false) => q::TRI_NO,
        }
    }
}

/// No / yes, as a two-way choice offers it.
impl Choice for bool {
    const ALL: &'static [Self] = &[false, true];
    fn label(self) -> Msg {
        if self { q::TRI_YES } else { q::TRI_NO }
    }
}

#[derive(Debug, Clone)]
pub enum Input {
    Text(Box<Field>),
    /// One of a fixed list; ←/→ or space changes it.
    Choice {
        options: Vec<Msg>,
        index: usize,
    },
}

/// What names a field of a form: an enum per form (`QueueField::Phone`),
/// so a mistyped id does not compile. Plain `&'static str` ids remain for
/// forms not yet given their enum.
pub trait FieldId: Copy + PartialEq + std::fmt::Debug + 'static {}
impl<T: Copy + PartialEq + std::fmt::Debug + 'static> FieldId for T {}

#[derive(Debug, Clone)]
pub struct FormField<F: FieldId = &'static str> {
    pub id: F,
    pub label: Msg,
    pub input: Input,
    /// A quiet line under the field (examples, what empty means).
    pub hint: Option<String>,
    /// What is wrong with the value, in the user's language.
    pub error: Option<String>,
    /// A calm note that is not an error (e.g. a computed deadline).
    pub info: Option<String>,
}

impl<F: FieldId> FormField<F> {
    pub fn text(id: F, label: Msg, field: Field) -> FormField<F> {
        FormField {
            id,
            label,
            input: Input::Text(Box::new(field)),
            hint: None,
            error: None,
            info: None,
        }
    }

    pub fn choice(id: F, label: Msg, options: Vec<Msg>, index: usize) -> FormField<F> {
        FormField {
            id,
            label,
            input: Input::Choice { options, index },
            hint: None,
            error: None,
            info: None,
        }
    }

    /// A choice among the values of `C`, `current` chosen.
    pub fn pick<C: Choice>(id: F, label: Msg, current: C) -> FormField<F> {
        let index = C::ALL.iter().position(|c| *c == current).unwrap_or(0);
        let options = C::ALL.iter().map(|c| c.label()).collect();
        FormField::choice(id, label, options, index)
    }

    pub fn with_hint(mut self, hint: String) -> FormField<F> {
        self.hint = Some(hint);
        self
    }
}

#[derive(Debug, Clone)]
pub struct Form<F: FieldId = &'static str> {
    pub title: Msg,
    pub fields: Vec<FormField<F>>,
    pub focus: usize,
    /// Esc was pressed once on a form with typed text.
    pub discard_armed: bool,
}

impl<F: FieldId> Form<F> {
    pub fn new(title: Msg, fields: Vec<FormField<F>>) -> Form<F> {
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

    pub fn focused_id(&self) -> Option<F> {
        self.fields.get(self.focus).map(|f| f.id)
    }

    /// The character limit of the focused field, if it is a text field.
    pub fn focused_max_chars(&self) -> Option<usize> {
        match &self.fields.get(self.focus)?.input {
            Input::Text(t) => Some(t.max_chars()),
            Input::Choice { .. } => None,
        }
    }

    pub fn focus_on(&mut self, id: F) {
        if let Some(i) = self.fields.iter().position(|f| f.id == id) {
            self.focus = i;
        }
    }

    fn field(&self, id: F) -> Option<&FormField<F>> {
        self.fields.iter().find(|f| f.id == id)
    }

    pub fn field_mut(&mut self, id: F) -> Option<&mut FormField<F>> {
        self.fields.iter_mut().find(|f| f.id == id)
    }

    /// The text of a text field ("" if there is none).
    pub fn text(&self, id: F) -> String {
        match self.field(id).map(|f| &f.input) {
            Some(Input::Text(f)) => f.text(),
            _ => String::new(),
        }
    }

    /// The index chosen in a choice field (0 if there is none).
    pub fn choice(&self, id: F) -> usize {
        match self.field(id).map(|f| &f.input) {
            Some(Input::Choice { index, .. }) => *index,
            _ => 0,
        }
    }

    /// The value chosen in a choice field built with [`FormField::pick`]
    /// (the first of `C` if there is no such field).
    pub fn picked<C: Choice>(&self, id: F) -> C {
        let i = self.choice(id).min(C::ALL.len().saturating_sub(1));
        C::ALL[i]
    }

    pub fn set_error(&mut self, id: F, error: Option<String>) {
        if let Some(f) = self.field_mut(id) {
            f.error = error;
        }
    }

    pub fn set_info(&mut self, id: F, info: Option<String>) {
        if let Some(f) = self.field_mut(id) {
            f.info = info;
        }
    }

    pub fn first_error(&self) -> Option<F> {
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

    /// The one handling of the four form keys: moves the focus, or says
    /// whether to save, close or ask again before discarding.
    pub fn step(&mut self, act: FormAct, lang: Lang) -> FormStep {
        match act {
            FormAct::Save => FormStep::Save,
            FormAct::Cancel => match self.cancel(lang) {
                Some(again) => FormStep::AskAgain(again),
                None => FormStep::Close,
            },
            FormAct::NextField => {
                self.next();
                FormStep::Moved
            }
            FormAct::PrevField => {
                self.prev();
                FormStep::Moved
            }
        }
    }

    /// Esc on this form: the sentence asking to press it again, or `None`
    /// when the form may close (see [`discard_asks`]).
    pub fn cancel(&mut self, lang: Lang) -> Option<String> {
        let dirty = self.is_dirty();
        discard_asks(dirty, &mut self.discard_armed, lang)
    }

    /// The too-long sentence for an edit of the focused field.
    pub fn too_long(&self, edit: Edit, lang: Lang) -> Option<String> {
        too_long(edit, self.focused_max_chars().unwrap_or(0), lang)
    }

    pub fn paste(&mut self, text: &str) -> Edit {
        self.discard_armed = false;
        match self.fields.get_mut(self.focus).map(|f| &mut f.input) {
            Some(Input::Text(t)) => t.paste(text),
            _ => Edit::Unchanged,
        }
    }
}

/// Whichever form a pane has open, whatever its field ids: what the
/// form keys, typing and pasting do to it, without knowing which form it is.
pub trait AnyForm {
    fn next(&mut self);
    fn prev(&mut self);
    fn key(&mut self, ev: KeyEvent) -> Edit;
    fn paste(&mut self, text: &str) -> Edit;
    fn cancel(&mut self, lang: Lang) -> Option<String>;
    fn is_dirty(&self) -> bool;
    fn focused_max_chars(&self) -> Option<usize>;
    /// The fields' labels, in order.
    fn labels(&self) -> Vec<Msg>;
    /// A form key: see [`Form::step`].
    fn step(&mut self, act: FormAct, lang: Lang) -> FormStep;
}

impl<F: FieldId> AnyForm for Form<F> {
    fn next(&mut self) {
        Form::next(self)
    }
    fn prev(&mut self) {
        Form::prev(self)
    }
    fn key(&mut self, ev: KeyEvent) -> Edit {
        Form::key(self, ev)
    }
    fn paste(&mut self, text: &str) -> Edit {
        Form::paste(self, text)
    }
    fn cancel(&mut self, lang: Lang) -> Option<String> {
        Form::cancel(self, lang)
    }
    fn is_dirty(&self) -> bool {
        Form::is_dirty(self)
    }
    fn focused_max_chars(&self) -> Option<usize> {
        Form::focused_max_chars(self)
    }
    fn labels(&self) -> Vec<Msg> {
        self.fields.iter().map(|f| f.label).collect()
    }
    fn step(&mut self, act: FormAct, lang: Lang) -> FormStep {
        Form::step(self, act, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pick_reads_back_the_value_not_the_index() {
        for v in <Option<bool> as Choice>::ALL {
            let mut f = Form::new(s::KEY_SAVE, vec![FormField::pick("t", s::KEY_SAVE, *v)]);
            assert_eq!(f.picked::<Option<bool>>("t"), *v);
            f.key(KeyEvent::from(KeyCode::Right));
            assert_ne!(f.picked::<Option<bool>>("t"), *v);
        }
    }

    #[test]
    fn esc_twice_discards_typed_text_once_asked() {
        let mut f = Form::new(
            s::KEY_SAVE,
            vec![FormField::text("x", s::KEY_SAVE, Field::single(5))],
        );
        // Nothing typed: closes at once.
        assert_eq!(f.cancel(Lang::En), None);
        f.key(KeyEvent::from(KeyCode::Char('a')));
        assert!(f.cancel(Lang::En).is_some());
        assert_eq!(f.cancel(Lang::En), None);
        // Typing again asks again.
        f.key(KeyEvent::from(KeyCode::Char('b')));
        assert!(f.cancel(Lang::En).is_some());
    }

    #[test]
    fn a_form_key_steps_once_for_every_holder() {
        let mut f = Form::new(
            s::KEY_SAVE,
            vec![
                FormField::text("a", s::KEY_SAVE, Field::single(5)),
                FormField::text("b", s::KEY_SAVE, Field::single(5)),
            ],
        );
        assert_eq!(f.step(FormAct::NextField, Lang::En), FormStep::Moved);
        assert_eq!(f.focused_id(), Some("b"));
        assert_eq!(f.step(FormAct::PrevField, Lang::En), FormStep::Moved);
        assert_eq!(f.focused_id(), Some("a"));
        assert_eq!(f.step(FormAct::Save, Lang::En), FormStep::Save);
        assert_eq!(f.step(FormAct::Cancel, Lang::En), FormStep::Close);
        f.key(KeyEvent::from(KeyCode::Char('x')));
        assert!(matches!(
            f.step(FormAct::Cancel, Lang::En),
            FormStep::AskAgain(_)
        ));
        assert_eq!(f.step(FormAct::Cancel, Lang::En), FormStep::Close);
    }

    #[test]
    fn too_long_only_when_cut() {
        let mut f = Form::new(
            s::KEY_SAVE,
            vec![FormField::text("x", s::KEY_SAVE, Field::single(2))],
        );
        let e = f.paste("abc");
        assert_eq!(
            f.too_long(e, Lang::En).as_deref(),
            Some("The text is too long (at most 2 characters). The rest was cut off.")
        );
        assert_eq!(f.too_long(Edit::Changed, Lang::En), None);
    }
}
