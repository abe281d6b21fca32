//! The shift log pane's actions and the keys that give them, mode by mode
//! (the list, the note editor, the search, the handover review, the
//! acknowledgement and the yes/no question).

use ratatui::crossterm::event::KeyCode;

use crate::i18n::log as m;
use crate::tui::keymap::{Action, Binding, Scope, b, ch, ctrl, k};

/// Actions of the shift log pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Act {
    NewNote,
    Amend,
    Pin,
    Filter,
    Search,
    Release,
    EndShift,
    Review,
    PrevDay,
    NextDay,
    Today,
    Save,
    Cancel,
    SwitchFocus,
    Acknowledge,
    Yes,
    No,
    /// Shows every note again after a search.
    ClearSearch,
}

const fn a(act: Act) -> Action {
    Action::Log(act)
}

pub const BINDINGS: &[Binding] = &[
    b(
        Scope::Log,
        &[ch('n', "n")],
        a(Act::NewNote),
        m::KEY_NEW,
        true,
    ),
    b(
        Scope::Log,
        &[ch('h', "h")],
        a(Act::Review),
        m::KEY_HANDOVER,
        true,
    ),
    b(
        Scope::Log,
        &[ch('s', "s")],
        a(Act::EndShift),
        m::KEY_END_SHIFT,
        true,
    ),
    b(
        Scope::Log,
        &[ch('r', "r")],
        a(Act::Amend),
        m::KEY_AMEND,
        false,
    ),
    b(Scope::Log, &[ch('p', "p")], a(Act::Pin), m::KEY_PIN, false),
    b(
        Scope::Log,
        &[ch('f', "f")],
        a(Act::Filter),
        m::KEY_FILTER,
        false,
    ),
    b(
        Scope::Log,
        &[ch('/', "/")],
        a(Act::Search),
        crate::i18n::shell::KEY_SEARCH,
        false,
    ),
    b(
        Scope::Log,
        &[ch('l', "l")],
        a(Act::Release),
        m::KEY_RELEASE,
        false,
    ),
    b(
        Scope::Log,
        &[k(KeyCode::Esc, "Esc")],
        a(Act::ClearSearch),
        m::KEY_CLEAR_SEARCH,
        false,
    ),
    b(
        Scope::Log,
        &[k(KeyCode::Left, "←")],
        a(Act::PrevDay),
        m::KEY_PREV_DAY,
        false,
    ),
    b(
        Scope::Log,
        &[k(KeyCode::Right, "→")],
        a(Act::NextDay),
        m::KEY_NEXT_DAY,
        false,
    ),
    b(
        Scope::Log,
        &[ch('t', "t")],
        a(Act::Today),
        m::KEY_TODAY,
        false,
    ),
    b(
        Scope::LogEditor,
        &[ctrl('s', "Ctrl-S")],
        a(Act::Save),
        crate::i18n::shell::KEY_SAVE,
        true,
    ),
    b(
        Scope::LogEditor,
        &[k(KeyCode::Tab, "Tab")],
        a(Act::SwitchFocus),
        crate::i18n::shell::KEY_NEXT_FIELD,
        true,
    ),
    b(
        Scope::LogEditor,
        &[k(KeyCode::Esc, "Esc")],
        a(Act::Cancel),
        crate::i18n::shell::KEY_CANCEL,
        true,
    ),
    b(
        Scope::LogSearch,
        &[k(KeyCode::Enter, "Enter")],
        a(Act::Save),
        crate::i18n::shell::KEY_SEARCH,
        true,
    ),
    b(
        Scope::LogSearch,
        &[k(KeyCode::Esc, "Esc")],
        a(Act::Cancel),
        crate::i18n::shell::KEY_CANCEL,
        true,
    ),
    b(
        Scope::LogReview,
        &[ch('k', "k")],
        a(Act::Acknowledge),
        m::KEY_ACK,
        true,
    ),
    b(
        Scope::LogReview,
        &[k(KeyCode::Up, "↑")],
        Action::Up,
        crate::i18n::shell::KEY_UP,
        false,
    ),
    b(
        Scope::LogReview,
        &[k(KeyCode::Down, "↓")],
        Action::Down,
        crate::i18n::shell::KEY_DOWN,
        false,
    ),
    b(
        Scope::LogReview,
        &[k(KeyCode::PageUp, "PgUp")],
        Action::PageUp,
        crate::i18n::shell::KEY_PAGE_UP,
        false,
    ),
    b(
        Scope::LogReview,
        &[k(KeyCode::PageDown, "PgDn")],
        Action::PageDown,
        crate::i18n::shell::KEY_PAGE_DOWN,
        false,
    ),
    b(
        Scope::LogReview,
        &[k(KeyCode::Esc, "Esc"), ch('q', "q")],
        a(Act::Cancel),
        crate::i18n::shell::KEY_BACK,
        true,
    ),
    b(
        Scope::LogPrompt,
        &[k(KeyCode::Enter, "Enter")],
        a(Act::Save),
        m::KEY_ACK,
        true,
    ),
    b(
        Scope::LogPrompt,
        &[k(KeyCode::Esc, "Esc")],
        a(Act::Cancel),
        crate::i18n::shell::KEY_CANCEL,
        true,
    ),
    b(
        Scope::LogConfirm,
        crate::tui::keymap::YES_KEYS,
        a(Act::Yes),
        crate::i18n::shell::KEY_YES,
        true,
    ),
    b(
        Scope::LogConfirm,
        crate::tui::keymap::NO_KEYS,
        a(Act::No),
        crate::i18n::shell::KEY_NO,
        true,
    ),
];
