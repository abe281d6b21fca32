//! The one table of keys. Key handling, the footer hints and the help
//! overlay all read it, so what is shown can never drift from what works.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::{Lang, Msg, shell as s};
use crate::tui::panes::Pane;

/// Everything a key can ask the app to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    ForceQuit,
    Help,
    Back,
    NextPane,
    PrevPane,
    /// Show this pane (its number key).
    Go(crate::tui::panes::Pane),
    TogglePrivacy,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    Yes,
    No,
    /// Save who is on duty (the start-up question).
    WhoSave,
    /// Ask again who is on duty.
    WhoChange,
    /// Save, cancel or move between fields in whichever form is open.
    Form(crate::tui::form::FormAct),
    /// An action of the first-start welcome.
    Welcome(crate::tui::welcome::Act),
    /// An action of the callback queue pane.
    Queue(crate::tui::queue::Act),
    /// An action of the directory pane.
    Directory(crate::tui::directory::Act),
    /// An action of the shift log pane.
    Log(crate::tui::log::Act),
    /// An action of the statistics pane.
    Stats(crate::tui::stats::Act),
    /// An editing key inside a text field.
    Edit(crate::tui::input::EditOp),
}

/// Where a binding applies. Overlays are asked first, then the pane, then
/// the global bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Global,
    /// Keys that still work while typing in a text field.
    Typing,
    Help,
    Confirm,
    /// Any form: new/edit callback, attempt, close, a service, the
    /// opening hours.
    Form,
    /// The queue list.
    Queue,
    /// The list of items closed today (nothing there takes an attempt or
    /// closes).
    QueueClosed,
    /// The directory list.
    Directory,
    /// Typing in the directory search box.
    DirectorySearch,
    /// The shift log.
    Log,
    /// Writing a log note.
    LogEditor,
    /// Typing a search in the log.
    LogSearch,
    /// Reading the handover review.
    LogReview,
    /// Typing initials (acknowledging a handover).
    LogPrompt,
    /// A yes/no question in the log pane.
    LogConfirm,
    /// A yes/no question in the queue pane.
    CallbackConfirm,
    /// A yes/no question in the directory pane.
    DirectoryConfirm,
    /// Saying who is on duty.
    Who,
    /// The first-start welcome.
    Welcome,
    /// The statistics pane.
    Stats,
    /// Editing keys inside any text field, looked up by the field itself
    /// (never asked by the app, so they cannot shadow a pane's keys).
    Field,
}

/// One key: the code, its modifiers, and how it is written in hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
    pub label: &'static str,
    /// Shown in hints only in this language (it still works in every
    /// language): "y" for Yes in English, "j" for Ja in Norwegian.
    pub shown_in: Option<Lang>,
}

pub const fn k(code: KeyCode, label: &'static str) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
        label,
        shown_in: None,
    }
}

pub const fn ctrl(c: char, label: &'static str) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
        label,
        shown_in: None,
    }
}

/// `key`, shown in hints only to people using `lang`.
pub const fn shown_in(key: Key, lang: Lang) -> Key {
    Key {
        shown_in: Some(lang),
        ..key
    }
}

/// The keys that answer Yes to a question: each language's own letter is
/// the one shown ("y Yes", "j Ja"); both answer in either language.
pub const YES_KEYS: &[Key] = &[
    shown_in(ch('y', "y"), Lang::En),
    shown_in(ch('j', "j"), Lang::Nb),
    shown_in(ch('Y', "Y"), Lang::En),
    shown_in(ch('J', "J"), Lang::Nb),
];

/// The keys that answer No.
pub const NO_KEYS: &[Key] = &[ch('n', "n"), k(KeyCode::Esc, "Esc"), ch('N', "N")];

pub const fn ch(c: char, label: &'static str) -> Key {
    k(KeyCode::Char(c), label)
}

#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub scope: Scope,
    /// The first key shown in the person's language (see [`Key::shown_in`])
    /// is the one in hints; the rest are alternatives.
    pub keys: &'static [Key],
    pub action: Action,
    pub label: Msg,
    /// Shown in the footer (the 4–6 keys that matter most in this scope).
    pub footer: bool,
}

pub const fn b(
    scope: Scope,
    keys: &'static [Key],
    action: Action,
    label: Msg,
    footer: bool,
) -> Binding {
    Binding {
        scope,
        keys,
        action,
        label,
        footer,
    }
}

impl Binding {
    /// The key hints show for this binding in `lang`.
    pub fn shown_key(&self, lang: Lang) -> &'static Key {
        self.keys
            .iter()
            .find(|k| k.shown_in.is_none_or(|l| l == lang))
            .unwrap_or(&self.keys[0])
    }

    /// Every key of the binding, those of `lang` first, then the other
    /// language's (for help: "j J y Y" in Norwegian).
    pub fn keys_in(&self, lang: Lang) -> Vec<&'static Key> {
        let mut keys: Vec<&'static Key> = self.keys.iter().collect();
        keys.sort_by_key(|k| k.shown_in.is_some_and(|l| l != lang));
        keys
    }
}

use Scope::*;

/// The app-wide bindings; each pane module has its own table.
pub const GLOBAL: &[Binding] = &[
    // Overlays.
    b(
        Help,
        &[k(KeyCode::Esc, "Esc"), ch('?', "?"), ch('q', "q")],
        Action::Back,
        s::KEY_BACK,
        true,
    ),
    b(
        Help,
        &[k(KeyCode::Up, "↑"), ch('k', "k")],
        Action::Up,
        s::KEY_UP,
        true,
    ),
    b(
        Help,
        &[k(KeyCode::Down, "↓"), ch('j', "j")],
        Action::Down,
        s::KEY_DOWN,
        true,
    ),
    b(
        Help,
        &[k(KeyCode::PageUp, "PgUp")],
        Action::PageUp,
        s::KEY_PAGE_UP,
        false,
    ),
    b(
        Help,
        &[k(KeyCode::PageDown, "PgDn")],
        Action::PageDown,
        s::KEY_PAGE_DOWN,
        false,
    ),
    b(
        Help,
        &[k(KeyCode::Home, "Home"), ch('g', "g")],
        Action::Home,
        s::KEY_HOME,
        false,
    ),
    b(
        Help,
        &[k(KeyCode::End, "End"), ch('G', "G")],
        Action::End,
        s::KEY_END,
        false,
    ),
    b(Confirm, YES_KEYS, Action::Yes, s::KEY_YES, true),
    b(Confirm, NO_KEYS, Action::No, s::KEY_NO, true),
    // Everywhere.
    b(
        Global,
        &[k(KeyCode::Tab, "Tab")],
        Action::NextPane,
        s::KEY_NEXT_PANE,
        false,
    ),
    b(
        Global,
        &[k(KeyCode::BackTab, "Shift-Tab")],
        Action::PrevPane,
        s::KEY_PREV_PANE,
        false,
    ),
    b(
        Global,
        &[ch('1', "1")],
        Action::Go(Pane::Queue),
        s::KEY_PANE_QUEUE,
        false,
    ),
    b(
        Global,
        &[ch('2', "2")],
        Action::Go(Pane::Directory),
        s::KEY_PANE_DIRECTORY,
        false,
    ),
    b(
        Global,
        &[ch('3', "3")],
        Action::Go(Pane::Log),
        s::KEY_PANE_LOG,
        false,
    ),
    b(
        Global,
        &[ch('4', "4")],
        Action::Go(Pane::Stats),
        s::KEY_PANE_STATS,
        false,
    ),
    b(
        Global,
        &[k(KeyCode::Up, "↑"), ch('k', "k")],
        Action::Up,
        s::KEY_UP,
        false,
    ),
    b(
        Global,
        &[k(KeyCode::Down, "↓"), ch('j', "j")],
        Action::Down,
        s::KEY_DOWN,
        false,
    ),
    b(
        Global,
        &[k(KeyCode::PageUp, "PgUp")],
        Action::PageUp,
        s::KEY_PAGE_UP,
        false,
    ),
    b(
        Global,
        &[k(KeyCode::PageDown, "PgDn")],
        Action::PageDown,
        s::KEY_PAGE_DOWN,
        false,
    ),
    b(
        Global,
        &[k(KeyCode::Home, "Home"), ch('g', "g")],
        Action::Home,
        s::KEY_HOME,
        false,
    ),
    b(
        Global,
        &[k(KeyCode::End, "End"), ch('G', "G")],
        Action::End,
        s::KEY_END,
        false,
    ),
    b(
        Global,
        &[k(KeyCode::F(2), "F2")],
        Action::TogglePrivacy,
        s::KEY_PRIVACY,
        true,
    ),
    b(Global, &[ch('?', "?")], Action::Help, s::KEY_HELP, true),
    b(Global, &[ch('q', "q")], Action::Quit, s::KEY_QUIT, true),
    b(
        Global,
        &[ctrl('c', "Ctrl-C")],
        Action::ForceQuit,
        s::KEY_QUIT,
        false,
    ),
    b(
        Who,
        &[k(KeyCode::Enter, "Enter")],
        Action::WhoSave,
        s::KEY_START_SHIFT,
        true,
    ),
    b(
        Who,
        &[k(KeyCode::Esc, "Esc")],
        Action::Back,
        s::KEY_LATER,
        true,
    ),
    b(
        Who,
        &[k(KeyCode::Down, "↓")],
        Action::Down,
        crate::i18n::log::KEY_WHO_NEXT,
        false,
    ),
    b(
        Who,
        &[k(KeyCode::Up, "↑")],
        Action::Up,
        crate::i18n::log::KEY_WHO_PREV,
        false,
    ),
    b(
        Global,
        &[k(KeyCode::F(3), "F3")],
        Action::WhoChange,
        s::KEY_WHO,
        false,
    ),
    b(
        Typing,
        &[k(KeyCode::F(2), "F2")],
        Action::TogglePrivacy,
        s::KEY_PRIVACY,
        false,
    ),
    b(
        Typing,
        &[ctrl('c', "Ctrl-C")],
        Action::ForceQuit,
        s::KEY_QUIT,
        false,
    ),
];

/// Every table, in lookup order within a scope.
pub const TABLES: &[&[Binding]] = &[
    GLOBAL,
    crate::tui::form::BINDINGS,
    crate::tui::queue::BINDINGS,
    crate::tui::directory::BINDINGS,
    crate::tui::log::BINDINGS,
    crate::tui::welcome::BINDINGS,
    crate::tui::stats::BINDINGS,
    crate::tui::input::BINDINGS,
];

fn all() -> impl Iterator<Item = &'static Binding> {
    TABLES.iter().flat_map(|t| t.iter())
}

impl Key {
    fn matches(&self, ev: &KeyEvent) -> bool {
        // Shift is part of the character for letters and symbols, so only
        // Control and Alt must match exactly.
        let relevant = KeyModifiers::CONTROL | KeyModifiers::ALT;
        self.code == ev.code && (self.mods & relevant) == (ev.modifiers & relevant)
    }
}

/// The binding for a key in the given scopes, asked in order.
pub fn lookup(scopes: &[Scope], ev: &KeyEvent) -> Option<&'static Binding> {
    scopes
        .iter()
        .find_map(|scope| all().find(|b| b.scope == *scope && b.keys.iter().any(|k| k.matches(ev))))
}

/// The footer bindings for the given scopes, in table order, without
/// repeating an action already shown.
pub fn footer(scopes: &[Scope]) -> Vec<&'static Binding> {
    let mut out: Vec<&'static Binding> = Vec::new();
    for scope in scopes {
        for b in all().filter(|b| b.scope == *scope && b.footer) {
            if !out.iter().any(|o| o.action == b.action) {
                out.push(b);
            }
        }
    }
    out
}

/// Whether an action reads or changes a caller's item: it waits while
/// caller data is hidden (the app says what brings the data back).
pub fn touches_caller_data(action: Action) -> bool {
    match action {
        Action::Queue(a) => a.touches_caller_data(),
        // Records a referral on the selected callback.
        Action::Directory(crate::tui::directory::Act::Refer) => true,
        _ => false,
    }
}

/// What a binding is called now: F2 hides caller data, or shows it again
/// while it is hidden.
pub fn label(b: &Binding, hidden: bool) -> Msg {
    if hidden && b.action == Action::TogglePrivacy {
        s::KEY_PRIVACY_SHOW
    } else {
        b.label
    }
}

/// All bindings of a scope, for the help overlay.
pub fn in_scope(scope: Scope) -> impl Iterator<Item = &'static Binding> {
    all().filter(move |b| b.scope == scope)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn no_key_is_bound_twice_in_one_scope() {
        let every: Vec<_> = all().collect();
        for (i, a) in every.iter().enumerate() {
            for bnd in &every[i + 1..] {
                if a.scope != bnd.scope {
                    continue;
                }
                for ka in a.keys {
                    assert!(
                        !bnd.keys
                            .iter()
                            .any(|kb| kb.code == ka.code && kb.mods == ka.mods),
                        "{} bound twice in {:?}",
                        ka.label,
                        a.scope
                    );
                }
            }
        }
    }

    #[test]
    fn yes_shows_the_letter_of_each_language_and_every_key_is_in_help() {
        let yes = all().find(|b| b.scope == Scope::Confirm && b.action == Action::Yes);
        let yes = yes.expect("a Yes binding");
        assert_eq!(yes.shown_key(Lang::En).label, "y");
        assert_eq!(yes.shown_key(Lang::Nb).label, "j");
        for b in all() {
            for lang in [Lang::Nb, Lang::En] {
                let keys = b.keys_in(lang);
                assert_eq!(keys.len(), b.keys.len(), "{:?}", b.action);
                assert_eq!(keys[0], b.shown_key(lang));
            }
        }
    }

    #[test]
    fn footers_show_four_to_six_keys() {
        for scopes in [
            &[Scope::Queue, Scope::Global][..],
            &[Scope::QueueClosed, Scope::Global][..],
            &[Scope::Directory, Scope::Global][..],
            &[Scope::Log, Scope::Global][..],
            &[Scope::Stats, Scope::Global][..],
        ] {
            let n = footer(scopes).len();
            assert!((4..=6).contains(&n), "{scopes:?} has {n} footer keys");
        }
    }

    #[test]
    fn overlay_scope_wins_over_global() {
        let q = ev(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(
            lookup(&[Scope::Help, Scope::Global], &q).map(|b| b.action),
            Some(Action::Back)
        );
        assert_eq!(
            lookup(&[Scope::Global], &q).map(|b| b.action),
            Some(Action::Quit)
        );
        let cc = ev(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(
            lookup(&[Scope::Global], &cc).map(|b| b.action),
            Some(Action::ForceQuit)
        );
        let shift_g = ev(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(
            lookup(&[Scope::Global], &shift_g).map(|b| b.action),
            Some(Action::End)
        );
    }
}
