//! Entering and leaving the terminal's full-screen mode, also on panic.
//!
//! Bracketed paste is switched on, so a paste arrives as one event (text
//! for a field) and never as keystrokes that would run commands; it is
//! switched off again on every way out.

use std::io::{self, Write};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};

use crate::i18n::{Lang, shell as s};

/// Installs a panic hook that prints only a generic message and the code
/// location — never the panic payload, which could quote caller data —
/// then enters the alternate screen with bracketed paste on. ratatui wraps
/// this hook with one that restores the terminal first.
pub fn init(lang: Lang) -> io::Result<DefaultTerminal> {
    install_panic_hook(lang);
    let term = ratatui::try_init()?;
    if let Err(e) = ratatui::crossterm::execute!(io::stdout(), EnableBracketedPaste) {
        restore();
        return Err(e);
    }
    Ok(term)
}

pub fn install_panic_hook(lang: Lang) {
    std::panic::set_hook(Box::new(move |info| {
        // ratatui's hook has left raw mode and the alternate screen.
        disable_bracketed_paste();
        let place = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("{}{place}", s::PANIC.get(lang));
    }));
}

pub fn restore() {
    disable_bracketed_paste();
    ratatui::restore();
}

/// Best effort: there is nothing more to do if the terminal is gone.
fn disable_bracketed_paste() {
    let mut out = io::stdout();
    let _ = ratatui::crossterm::execute!(out, DisableBracketedPaste);
    let _ = out.flush();
}
