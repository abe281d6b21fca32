//! A text field: ratatui-textarea underneath, with a length limit and
//! paste cleaning on top, so a 10 MB paste or a stray control character
//! never reaches the database or breaks the screen.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Style;
use ratatui_textarea::TextArea;

#[derive(Debug, Clone)]
pub struct Field {
    area: TextArea<'static>,
    max_chars: usize,
    multiline: bool,
    initial: String,
}

/// Whether the last edit was cut short by the length limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Unchanged,
    Changed,
    Truncated,
}

impl Field {
    pub fn single(max_chars: usize) -> Field {
        Field::new(max_chars, false)
    }

    pub fn multi(max_chars: usize) -> Field {
        Field::new(max_chars, true)
    }

    fn new(max_chars: usize, multiline: bool) -> Field {
        let mut area = TextArea::default();
        area.set_cursor_line_style(Style::default());
        area.set_max_histories(50);
        Field {
            area,
            max_chars,
            multiline,
            initial: String::new(),
        }
    }

    /// Starts with `text` (cleaned and cut to the limit).
    pub fn with_text(mut self, text: &str) -> Field {
        let clean = self.clean(text);
        let lines: Vec<String> = clean.split('\n').map(str::to_string).collect();
        let mut area = TextArea::new(lines);
        area.set_cursor_line_style(Style::default());
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        self.area = area;
        self.initial = self.text();
        self
    }

    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn is_empty(&self) -> bool {
        self.area.lines().iter().all(|l| l.is_empty())
    }

    /// Whether the text differs from what the field started with.
    pub fn is_dirty(&self) -> bool {
        self.text() != self.initial
    }

    pub fn chars(&self) -> usize {
        self.area
            .lines()
            .iter()
            .map(|l| l.chars().count())
            .sum::<usize>()
            + self.area.lines().len().saturating_sub(1)
    }

    pub fn max_chars(&self) -> usize {
        self.max_chars
    }

    pub fn textarea(&self) -> &TextArea<'static> {
        &self.area
    }

    /// An editing key. Enter is left to the form in a single-line field.
    pub fn key(&mut self, ev: KeyEvent) -> Edit {
        let inserts = match ev.code {
            KeyCode::Char(_) => !ev.modifiers.contains(KeyModifiers::CONTROL),
            KeyCode::Enter => self.multiline,
            KeyCode::Tab => false,
            _ => false,
        };
        if matches!(ev.code, KeyCode::Enter) && !self.multiline {
            return Edit::Unchanged;
        }
        if matches!(ev.code, KeyCode::Tab | KeyCode::BackTab) {
            return Edit::Unchanged;
        }
        if inserts && self.chars() >= self.max_chars {
            return Edit::Truncated;
        }
        if self.area.input(ev) {
            Edit::Changed
        } else {
            Edit::Unchanged
        }
    }

    /// Inserts pasted text, cleaned and cut to what still fits.
    pub fn paste(&mut self, text: &str) -> Edit {
        let room = self.max_chars.saturating_sub(self.chars());
        // Look at no more than needed: a huge paste is cut before cleaning.
        let head: String = text.chars().take(room.saturating_add(1) * 2).collect();
        let clean = self.clean(&head);
        let fits: String = clean.chars().take(room).collect();
        let truncated = fits.chars().count() < clean.chars().count();
        if fits.is_empty() {
            return if truncated {
                Edit::Truncated
            } else {
                Edit::Unchanged
            };
        }
        self.area.insert_str(&fits);
        if truncated {
            Edit::Truncated
        } else {
            Edit::Changed
        }
    }

    /// Drops control characters; in a single-line field line breaks and
    /// tabs become spaces.
    fn clean(&self, text: &str) -> String {
        text.chars()
            .filter_map(|c| match c {
                '\n' | '\r' if self.multiline => Some('\n'),
                '\n' | '\r' | '\t' => Some(' '),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect::<String>()
            .replace("\n\n\n", "\n\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn typing_and_limit() {
        let mut f = Field::single(3);
        assert_eq!(f.key(key('a')), Edit::Changed);
        f.key(key('b'));
        f.key(key('c'));
        assert_eq!(f.key(key('d')), Edit::Truncated);
        assert_eq!(f.text(), "abc");
        assert_eq!(
            f.key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE)),
            Edit::Changed
        );
        assert_eq!(f.text(), "ab");
        assert_eq!(
            f.key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
            Edit::Unchanged
        );
    }

    #[test]
    fn huge_paste_is_cut_and_cleaned() {
        let mut f = Field::single(100);
        let big = "x\u{7}\ny".repeat(3_000_000); // about 12 MB
        assert_eq!(f.paste(&big), Edit::Truncated);
        assert_eq!(f.chars(), 100);
        assert!(!f.text().contains('\n'));
        assert!(!f.text().contains('\u{7}'));
        let mut m = Field::multi(10);
        m.paste("a\r\nb");
        assert_eq!(m.text().lines().count(), 3);
    }

    #[test]
    fn dirty_tracks_changes_from_the_start() {
        let mut f = Field::single(20).with_text("hei");
        assert!(!f.is_dirty());
        assert_eq!(f.text(), "hei");
        f.key(key('!'));
        assert!(f.is_dirty());
        assert_eq!(f.text(), "hei!");
    }
}
