//! The directory pane's actions and the keys that give them, in one table.

use ratatui::crossterm::event::KeyCode;

use crate::i18n::{directory as d, shell};
use crate::tui::form::FormAct;
use crate::tui::keymap::{Action, Binding, NO_KEYS, Scope, YES_KEYS, b, ch, k};

/// Actions of the directory pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Act {
    Search,
    LeaveSearch,
    Copy,
    Refer,
    Verify,
    Problem,
    New,
    Edit,
    Deactivate,
    Filter,
    /// Take back the referral just recorded.
    Undo,
    /// Yes or no to the question on screen.
    Answer(bool),
    /// Save, cancel, next or previous field in the form.
    Form(FormAct),
}

const fn a(act: Act) -> Action {
    Action::Directory(act)
}

pub const BINDINGS: &[Binding] = &[
    b(
        Scope::Directory,
        &[ch('/', "/")],
        a(Act::Search),
        shell::KEY_SEARCH,
        true,
    ),
    b(
        Scope::Directory,
        &[ch('y', "y")],
        a(Act::Copy),
        d::DIR_KEY_COPY,
        true,
    ),
    b(
        Scope::Directory,
        &[ch('r', "r")],
        a(Act::Refer),
        d::KEY_REFER,
        true,
    ),
    b(
        Scope::Directory,
        &[ch('v', "v")],
        a(Act::Verify),
        d::KEY_VERIFY,
        false,
    ),
    b(
        Scope::Directory,
        &[ch('p', "p")],
        a(Act::Problem),
        d::KEY_PROBLEM,
        false,
    ),
    b(
        Scope::Directory,
        &[ch('n', "n")],
        a(Act::New),
        d::DIR_KEY_NEW,
        false,
    ),
    b(
        Scope::Directory,
        &[ch('e', "e")],
        a(Act::Edit),
        d::DIR_KEY_EDIT,
        false,
    ),
    b(
        Scope::Directory,
        &[ch('x', "x")],
        a(Act::Deactivate),
        d::KEY_DEACTIVATE,
        false,
    ),
    b(
        Scope::Directory,
        &[ch('f', "f")],
        a(Act::Filter),
        d::KEY_FILTER,
        false,
    ),
    b(
        Scope::Directory,
        &[ch('u', "u")],
        a(Act::Undo),
        d::DIR_KEY_UNDO,
        false,
    ),
    b(
        Scope::DirectoryConfirm,
        YES_KEYS,
        a(Act::Answer(true)),
        shell::KEY_YES,
        true,
    ),
    b(
        Scope::DirectoryConfirm,
        NO_KEYS,
        a(Act::Answer(false)),
        shell::KEY_NO,
        true,
    ),
    b(
        Scope::DirectorySearch,
        &[k(KeyCode::Esc, "Esc"), k(KeyCode::Enter, "Enter")],
        a(Act::LeaveSearch),
        d::KEY_DONE,
        true,
    ),
    b(
        Scope::DirectorySearch,
        &[k(KeyCode::Up, "↑")],
        Action::Up,
        shell::KEY_UP,
        true,
    ),
    b(
        Scope::DirectorySearch,
        &[k(KeyCode::Down, "↓")],
        Action::Down,
        shell::KEY_DOWN,
        true,
    ),
    b(
        Scope::DirectorySearch,
        &[k(KeyCode::PageUp, "PgUp")],
        Action::PageUp,
        shell::KEY_PAGE_UP,
        false,
    ),
    b(
        Scope::DirectorySearch,
        &[k(KeyCode::PageDown, "PgDn")],
        Action::PageDown,
        shell::KEY_PAGE_DOWN,
        false,
    ),
];
