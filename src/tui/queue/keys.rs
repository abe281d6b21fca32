//! The queue pane's actions and its keys, in one table (the footer and
//! `?` help read the same table).

use ratatui::crossterm::event::KeyCode;

use crate::i18n::queue as q;
use crate::tui::form::FormAct;
use crate::tui::keymap::{Action, Binding, Scope, b, ch, k};

/// Actions of the queue pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Act {
    Attempt,
    New,
    Close,
    Edit,
    Copy,
    Undo,
    ToggleClosed,
    Hold,
    /// Plan a callback time (or remove the plan).
    Plan,
    /// Back from a question to the form under it.
    AskBack,
    /// The answer to a yes/no question (a message against the caller's
    /// wish).
    Answer(bool),
    /// Save, cancel, next or previous field in the form.
    Form(FormAct),
}

impl Act {
    /// Whether the action reads or changes the selected caller's item (it
    /// waits while caller data is hidden).
    pub fn touches_caller_data(self) -> bool {
        match self {
            Act::Attempt
            | Act::Close
            | Act::Edit
            | Act::Copy
            | Act::Undo
            | Act::Hold
            | Act::Plan
            // Saving an attempt or an edit the person was asked about.
            | Act::Answer(_) => true,
            Act::New | Act::ToggleClosed | Act::Form(_) | Act::AskBack => false,
        }
    }
}

const fn a(act: Act) -> Action {
    Action::Queue(act)
}

pub const BINDINGS: &[Binding] = &[
    b(
        Scope::Queue,
        &[k(KeyCode::Enter, "Enter")],
        a(Act::Attempt),
        q::KEY_CALL,
        true,
    ),
    b(Scope::Queue, &[ch('n', "n")], a(Act::New), q::KEY_NEW, true),
    b(
        Scope::Queue,
        &[ch('c', "c")],
        a(Act::Close),
        q::KEY_CLOSE,
        true,
    ),
    b(
        Scope::Queue,
        &[ch('e', "e")],
        a(Act::Edit),
        q::KEY_EDIT,
        false,
    ),
    b(
        Scope::Queue,
        &[ch('y', "y")],
        a(Act::Copy),
        q::KEY_COPY,
        false,
    ),
    b(
        Scope::Queue,
        &[ch('u', "u")],
        a(Act::Undo),
        q::KEY_UNDO,
        false,
    ),
    b(
        Scope::Queue,
        &[ch('d', "d")],
        a(Act::ToggleClosed),
        q::KEY_CLOSED_TODAY,
        false,
    ),
    b(
        Scope::Queue,
        &[ch('h', "h")],
        a(Act::Hold),
        q::KEY_HOLD,
        false,
    ),
    b(
        Scope::Queue,
        &[ch('p', "p")],
        a(Act::Plan),
        q::KEY_PLAN,
        false,
    ),
    // What was closed today: only the keys that act on a closed item (no
    // attempt, no closing, no edit, no plan), so the footer, the help and
    // the keys themselves agree.
    b(
        Scope::QueueClosed,
        &[ch('d', "d")],
        a(Act::ToggleClosed),
        q::KEY_OPEN_ITEMS,
        true,
    ),
    b(
        Scope::QueueClosed,
        &[ch('y', "y")],
        a(Act::Copy),
        q::KEY_COPY,
        true,
    ),
    b(
        Scope::QueueClosed,
        &[ch('n', "n")],
        a(Act::New),
        q::KEY_NEW,
        false,
    ),
    b(
        Scope::QueueClosed,
        &[ch('u', "u")],
        a(Act::Undo),
        q::KEY_UNDO,
        false,
    ),
    b(
        Scope::QueueClosed,
        &[ch('h', "h")],
        a(Act::Hold),
        q::KEY_HOLD,
        false,
    ),
    b(
        Scope::CallbackConfirm,
        &[ch('j', "j"), ch('y', "y"), ch('J', "J"), ch('Y', "Y")],
        a(Act::Answer(true)),
        crate::i18n::shell::KEY_YES,
        true,
    ),
    b(
        Scope::CallbackConfirm,
        &[ch('n', "n"), ch('N', "N")],
        a(Act::Answer(false)),
        crate::i18n::shell::KEY_NO,
        true,
    ),
    b(
        Scope::CallbackConfirm,
        &[k(KeyCode::Esc, "Esc")],
        a(Act::AskBack),
        crate::i18n::shell::KEY_BACK,
        true,
    ),
];
