//! "Who is on duty?": the name being typed, and the names recently on duty
//! to pick with the arrows. Nothing is prefilled but the current person's
//! own name (when they change it with F3): on a shared machine the last
//! volunteer's name is offered, never put in the field as this one's.

use super::input::{Edit, Field};
use crate::domain::name;

/// How many recent names are offered.
pub const RECENT: usize = 5;

#[derive(Debug, Clone)]
pub struct Who {
    pub field: Field,
    /// Names recently on duty, newest first, each once.
    pub recent: Vec<String>,
    /// Why the recent names could not be read, if they could not.
    pub fault: Option<String>,
    /// What is wrong with the name given, until it is changed.
    pub error: Option<String>,
}

impl Who {
    /// The question with `current` (the person now on duty, if any) in
    /// the field and `recent` names to pick from.
    pub fn new(current: Option<&str>, recent: Result<Vec<String>, String>) -> Who {
        let (recent, fault) = match recent {
            Ok(names) => (names, None),
            Err(why) => (Vec::new(), Some(why)),
        };
        Who {
            field: Field::single(name::MAX_CHARS).with_text(current.unwrap_or("")),
            recent,
            fault,
            error: None,
        }
    }

    /// A key for the name; an edit takes the error away.
    pub fn key(&mut self, ev: ratatui::crossterm::event::KeyEvent) -> Edit {
        let edit = self.field.key(ev);
        if edit != Edit::Unchanged {
            self.error = None;
        }
        edit
    }

    /// A paste into the name; an edit takes the error away.
    pub fn paste(&mut self, text: &str) -> Edit {
        let edit = self.field.paste(text);
        if edit != Edit::Unchanged {
            self.error = None;
        }
        edit
    }

    /// The recent name the field holds now, if it holds one.
    pub fn picked(&self) -> Option<usize> {
        let text = self.field.text();
        self.recent.iter().position(|n| *n == text)
    }

    /// ↓ puts the next recent name in the field (the first when none is
    /// picked); ↑ the one before, and from the first back to an empty
    /// field.
    pub fn pick(&mut self, down: bool) {
        if self.recent.is_empty() {
            return;
        }
        let last = self.recent.len() - 1;
        let next = match (self.picked(), down) {
            (None, true) => Some(0),
            (Some(i), true) => Some((i + 1).min(last)),
            (None | Some(0), false) => None,
            (Some(i), false) => Some(i - 1),
        };
        let text = next.map_or("", |i| self.recent[i].as_str()).to_string();
        self.field.set_text(&text);
        self.error = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who(names: &[&str]) -> Who {
        Who::new(None, Ok(names.iter().map(|s| s.to_string()).collect()))
    }

    #[test]
    fn arrows_walk_the_names_and_back_to_empty() {
        let mut w = who(&["A", "B"]);
        assert_eq!(w.field.text(), "");
        w.pick(false);
        assert_eq!(w.field.text(), "");
        w.pick(true);
        assert_eq!((w.field.text().as_str(), w.picked()), ("A", Some(0)));
        w.pick(true);
        w.pick(true);
        assert_eq!(w.field.text(), "B");
        w.pick(false);
        w.pick(false);
        assert_eq!((w.field.text().as_str(), w.picked()), ("", None));
        let mut none = who(&[]);
        none.pick(true);
        assert_eq!(none.field.text(), "");
    }

    #[test]
    fn an_error_goes_when_the_name_changes() {
        use ratatui::crossterm::event::{KeyCode, KeyEvent};
        let mut w = who(&["A"]);
        w.error = Some("x".into());
        assert_eq!(w.key(KeyEvent::from(KeyCode::Left)), Edit::Unchanged);
        assert!(w.error.is_some());
        w.key(KeyEvent::from(KeyCode::Char('k')));
        assert!(w.error.is_none());
        w.error = Some("x".into());
        w.paste("\u{7}");
        assert!(w.error.is_some());
        w.paste("H");
        assert!(w.error.is_none());
        w.error = Some("x".into());
        w.pick(true);
        assert!(w.error.is_none());
    }

    #[test]
    fn the_current_person_is_prefilled_and_a_failed_read_is_said() {
        let w = Who::new(Some("KH"), Err("disk".into()));
        assert_eq!(w.field.text(), "KH");
        assert_eq!(w.fault.as_deref(), Some("disk"));
        assert!(w.recent.is_empty());
    }
}
