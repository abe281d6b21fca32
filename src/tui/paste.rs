//! Terminal events as they arrive, so that pasted text never acts as
//! keystrokes.
//!
//! With bracketed paste (switched on in [`super::terminal`]) a paste is one
//! [`Event::Paste`]. A terminal without it sends the pasted characters as
//! keys, all at once: events read in one go are a batch, and a batch with
//! several typed characters (or one right behind such a batch) is a burst,
//! faster than a person types. In a burst, characters that would go to a
//! text field go in as one paste (the same as typing them, in one edit),
//! and anywhere else they are swallowed with the same short message as a
//! paste there: they never run commands. Other keys (arrows, F2, Ctrl-C)
//! always act.

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::app::{App, Effects, Msg};
use super::keymap;

/// A batch read within this time after a burst was handled belongs to it
/// (a long paste arrives in several reads). No person types a command
/// this soon after a paste.
pub const BURST_TAIL: Duration = Duration::from_millis(25);

/// The character a key would type if it came from pasted text: a plain
/// or shifted character, Enter as a line break, Tab.
pub fn pasted_char(ev: &KeyEvent) -> Option<char> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    match ev.code {
        KeyCode::Char(c)
            if !ev
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER) =>
        {
            Some(c)
        }
        KeyCode::Enter if ev.modifiers.is_empty() => Some('\n'),
        KeyCode::Tab if ev.modifiers.is_empty() => Some('\t'),
        _ => None,
    }
}

/// Whether events that arrived together are a burst: at least two typed
/// characters, not all the same one (a held-down key repeats one
/// character, and a person may hold a key).
pub fn is_burst(events: &[Event]) -> bool {
    let mut typed = events.iter().filter_map(|e| match e {
        Event::Key(k) => pasted_char(k).filter(|c| *c != '\n' && *c != '\t'),
        _ => None,
    });
    let Some(first) = typed.next() else {
        return false;
    };
    let mut count = 1;
    let mut differ = false;
    for c in typed {
        count += 1;
        differ |= c != first;
    }
    count >= 2 && differ
}

/// Hands batches of terminal events to the app.
#[derive(Debug, Default)]
pub struct Dispatcher {
    /// Until when a new batch continues the last burst.
    burst_until: Option<Instant>,
}

impl Dispatcher {
    /// Hands `events`, read together at `now`, to the app. Returns what
    /// the terminal loop must do (draw, copy, quit).
    pub fn batch(&mut self, app: &mut App, events: Vec<Event>, now: Instant) -> Effects {
        let continues = self.burst_until.is_some_and(|t| now <= t)
            && events
                .iter()
                .any(|e| matches!(e, Event::Key(k) if pasted_char(k).is_some()));
        let burst = continues || is_burst(&events);
        self.burst_until = None;
        let mut fx = Effects::default();
        // Characters of a burst waiting to be handed over as one paste.
        let mut run = String::new();
        // Where typed characters go, worked out once until something acts
        // (a paste of thousands of keys asks the key table once per
        // distinct character, not once per key).
        let mut context: Option<Context> = None;
        for ev in events {
            // Nothing acts after the person has quit.
            if app.has_quit() {
                break;
            }
            if burst
                && let Event::Key(k) = &ev
                && let Some(c) = pasted_char(k)
                && context
                    .get_or_insert_with(|| Context::of(app))
                    .joins_run(c, k)
            {
                run.push(c);
                continue;
            }
            context = None;
            fx = fx.and(flush(app, &mut run));
            fx = fx.and(match ev {
                Event::Key(k) => app.update(Msg::Key(k)),
                Event::Resize(width, height) => app.update(Msg::Resize { width, height }),
                Event::Paste(text) => app.update(Msg::Paste(&text)),
                Event::FocusGained => Effects {
                    redraw: true,
                    ..Effects::default()
                },
                _ => Effects::default(),
            });
        }
        fx = fx.and(flush(app, &mut run));
        if burst {
            self.burst_until = Some(Instant::now() + BURST_TAIL);
        }
        fx
    }
}

/// Where typed characters go now.
struct Context {
    to_field: bool,
    scopes: Vec<keymap::Scope>,
    /// Characters already looked up in the key table: whether bound.
    bound: Vec<(char, KeyModifiers, bool)>,
}

impl Context {
    fn of(app: &App) -> Context {
        Context {
            to_field: app.takes_text(),
            scopes: app.scopes(),
            bound: Vec::new(),
        }
    }

    /// Whether a typed character joins the run handed over as a paste.
    /// Outside a field everything does (it is swallowed); in a field,
    /// Enter, Tab and bound keys act as typed.
    fn joins_run(&mut self, c: char, k: &KeyEvent) -> bool {
        if !self.to_field {
            return true;
        }
        if matches!(c, '\n' | '\t') {
            return false;
        }
        let known = self
            .bound
            .iter()
            .find(|(b, m, _)| (*b, *m) == (c, k.modifiers));
        let bound = match known {
            Some((_, _, bound)) => *bound,
            None => {
                let bound = keymap::lookup(&self.scopes, k).is_some();
                self.bound.push((c, k.modifiers, bound));
                bound
            }
        };
        !bound
    }
}

fn flush(app: &mut App, run: &mut String) -> Effects {
    if run.is_empty() {
        return Effects::default();
    }
    let fx = app.update(Msg::Paste(run));
    run.clear();
    fx
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<Event> {
        text.chars()
            .map(|c| {
                let code = match c {
                    '\n' => KeyCode::Enter,
                    '\t' => KeyCode::Tab,
                    c => KeyCode::Char(c),
                };
                Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
            })
            .collect()
    }

    #[test]
    fn a_burst_is_several_different_typed_characters() {
        assert!(is_burst(&keys("hello")));
        assert!(is_burst(&keys("hi")));
        assert!(is_burst(&keys("h\ni")));
        assert!(!is_burst(&keys("h")));
        assert!(!is_burst(&keys("h\n")));
        assert!(!is_burst(&keys("\n\t\n")));
        // A held-down key.
        assert!(!is_burst(&keys("jjjj")));
        assert!(!is_burst(&[]));
        // Keys that are not typed text never make a burst.
        let arrows = vec![
            Event::Key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE)),
            Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Event::Key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::ALT)),
            Event::Key(KeyEvent::new(KeyCode::F(2), KeyModifiers::NONE)),
            Event::Key(KeyEvent::new(KeyCode::Char('h'), KeyModifiers::NONE)),
        ];
        assert!(!is_burst(&arrows));
        let shifted = vec![
            Event::Key(KeyEvent::new(KeyCode::Char('H'), KeyModifiers::SHIFT)),
            Event::Key(KeyEvent::new(KeyCode::Char('i'), KeyModifiers::NONE)),
        ];
        assert!(is_burst(&shifted));
    }

    #[test]
    fn pasted_characters_are_plain_keys_enter_and_tab() {
        let k = |code, m| KeyEvent::new(code, m);
        assert_eq!(
            pasted_char(&k(KeyCode::Char('å'), KeyModifiers::NONE)),
            Some('å')
        );
        assert_eq!(
            pasted_char(&k(KeyCode::Enter, KeyModifiers::NONE)),
            Some('\n')
        );
        assert_eq!(
            pasted_char(&k(KeyCode::Tab, KeyModifiers::NONE)),
            Some('\t')
        );
        assert_eq!(
            pasted_char(&k(KeyCode::Char('s'), KeyModifiers::CONTROL)),
            None
        );
        assert_eq!(pasted_char(&k(KeyCode::Esc, KeyModifiers::NONE)), None);
        assert_eq!(pasted_char(&k(KeyCode::BackTab, KeyModifiers::SHIFT)), None);
        let mut release = k(KeyCode::Char('a'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(pasted_char(&release), None);
    }
}
