//! Entering and leaving the terminal's full-screen mode, also on panic.

use std::io;

use ratatui::DefaultTerminal;

use crate::i18n::{Lang, shell as s};

/// Installs a panic hook that prints only a generic message and the code
/// location — never the panic payload, which could quote caller data —
/// then enters the alternate screen. ratatui wraps this hook with one that
/// restores the terminal first.
pub fn init(lang: Lang) -> io::Result<DefaultTerminal> {
    install_panic_hook(lang);
    ratatui::try_init()
}

pub fn install_panic_hook(lang: Lang) {
    std::panic::set_hook(Box::new(move |info| {
        let place = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("{}{place}", s::PANIC.get(lang));
    }));
}

pub fn restore() {
    ratatui::restore();
}
