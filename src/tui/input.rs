//! A text field: ratatui-textarea underneath, with a length limit and
//! paste cleaning on top, so a 10 MB paste or a stray control character
//! never reaches the database or breaks the screen.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::Effect;
use crate::i18n::{Lang, shell};
use ratatui::style::Style;
use ratatui_textarea::TextArea;

#[derive(Debug, Clone)]
pub struct Field {
    area: TextArea<'static>,
    max_chars: usize,
    multiline: bool,
    initial: String,
    /// Shown, muted, while the field is empty: a default that is not the
    /// field's text, so what is typed replaces it.
    placeholder: Option<String>,
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
        Field {
            area: area(Vec::new(), None),
            max_chars,
            multiline,
            initial: String::new(),
            placeholder: None,
        }
    }

    /// Starts with `text` (cleaned; text already saved is never cut).
    pub fn with_text(mut self, text: &str) -> Field {
        self.set_text(text);
        self.initial = self.text();
        self
    }

    /// Shows `text` while the field is empty (e.g. "closed" for a day
    /// with no hours): it is not the field's text, so the first character
    /// typed replaces it rather than being added to it.
    pub fn with_placeholder(mut self, text: &str) -> Field {
        let clean = clean_upto(text, false, usize::MAX).0;
        self.area.set_placeholder_text(clean.clone());
        self.placeholder = Some(clean);
        self
    }

    /// What is shown while the field is empty, if anything.
    pub fn placeholder(&self) -> Option<&str> {
        self.placeholder.as_deref()
    }

    /// Replaces the text (cleaned, as [`Field::with_text`]), cursor at
    /// the end; the field still counts as changed from where it started.
    pub fn set_text(&mut self, text: &str) {
        let clean = self.clean(text);
        let lines: Vec<String> = clean.split('\n').map(str::to_string).collect();
        self.area = area(lines, self.placeholder.as_deref());
        self.area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        self.area.move_cursor(ratatui_textarea::CursorMove::End);
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

    /// Inserts pasted text, cleaned and cut to what still fits, in one
    /// edit. Reads no more of `text` than the field can take: a 10 MB
    /// paste costs what the field's limit costs.
    pub fn paste(&mut self, text: &str) -> Edit {
        let room = self.max_chars.saturating_sub(self.chars());
        let (fits, truncated) = clean_upto(text, self.multiline, room);
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

    /// The whole of `text`, cleaned (text already saved is never cut).
    fn clean(&self, text: &str) -> String {
        clean_upto(text, self.multiline, usize::MAX).0
    }
}

/// A text area with the field's look: no cursor-line style, a short undo
/// history, and the placeholder if there is one.
fn area(lines: Vec<String>, placeholder: Option<&str>) -> TextArea<'static> {
    let mut area = if lines.is_empty() {
        TextArea::default()
    } else {
        TextArea::new(lines)
    };
    area.set_cursor_line_style(Style::default());
    area.set_max_histories(50);
    if let Some(p) = placeholder {
        area.set_placeholder_text(p.to_string());
    }
    area
}

/// What the footer says after a paste into a field of `max` characters:
/// a cut is said calmly, with the limit; otherwise nothing.
pub fn pasted(edit: Edit, max: usize, lang: Lang) -> Effect {
    match edit {
        Edit::Truncated => Effect::Note(shell::PASTE_CUT.fill(lang, &[("max", &max)])),
        Edit::Changed | Edit::Unchanged => Effect::None,
    }
}

/// How many input characters a paste may be looked through per character
/// that fits, so a paste of mostly control characters still costs only
/// what the field's limit costs.
const SCAN_PER_CHAR: usize = 8;

/// Cleans pasted text and cuts it to `room` characters; returns the text
/// and whether anything was left out. Control characters are dropped; a
/// line break is one of CR LF, LF or CR (terminals send CR for a pasted
/// line break), kept in a multi-line field (at most one empty line in a
/// row) and a space in a one-line field, as is a tab.
pub fn clean_upto(text: &str, multiline: bool, room: usize) -> (String, bool) {
    let mut out = String::with_capacity(room.min(text.len()));
    let mut kept = 0;
    let mut breaks = 0; // line breaks in a row at the end of `out`
    let mut after_cr = false;
    let budget = room.saturating_add(1).saturating_mul(SCAN_PER_CHAR);
    let mut chars = text.chars().enumerate();
    for (seen, c) in chars.by_ref() {
        if seen >= budget {
            return (out, true);
        }
        let was_cr = std::mem::replace(&mut after_cr, c == '\r');
        let c = match c {
            '\n' if was_cr => continue,
            '\n' | '\r' if multiline => '\n',
            '\n' | '\r' | '\t' => ' ',
            c if c.is_control() => continue,
            c => c,
        };
        if c == '\n' {
            breaks += 1;
            if breaks > 2 {
                continue;
            }
        } else {
            breaks = 0;
        }
        if kept == room {
            return (out, true);
        }
        out.push(c);
        kept += 1;
    }
    (out, false)
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
        assert_eq!(m.paste("a\r\nb"), Edit::Changed);
        assert_eq!(m.text(), "a\nb");
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

    #[test]
    fn line_breaks_from_any_system_are_one_break() {
        for (pasted, multi, single) in [
            ("a\r\nb", "a\nb", "a b"),
            ("a\rb", "a\nb", "a b"),
            ("a\nb", "a\nb", "a b"),
            ("a\r\n\r\nb", "a\n\nb", "a  b"),
            ("a\r\n\r\n\r\n\r\nb", "a\n\nb", "a    b"),
            ("a\n\rb", "a\n\nb", "a  b"),
            ("\r\n", "\n", " "),
            ("a\tb\u{1b}[31mc\u{7f}", "a b[31mc", "a b[31mc"),
        ] {
            assert_eq!(
                clean_upto(pasted, true, 100),
                (multi.to_string(), false),
                "{pasted:?}"
            );
            assert_eq!(
                clean_upto(pasted, false, 100),
                (single.to_string(), false),
                "{pasted:?}"
            );
        }
    }

    #[test]
    fn a_paste_is_cut_at_the_room_left() {
        assert_eq!(clean_upto("abcdef", false, 3), ("abc".into(), true));
        assert_eq!(clean_upto("abc", false, 3), ("abc".into(), false));
        assert_eq!(clean_upto("abc\u{7}", false, 3), ("abc".into(), false));
        assert_eq!(clean_upto("abcd", false, 0), (String::new(), true));
        assert_eq!(clean_upto("", false, 0), (String::new(), false));
        // Mostly control characters: looked through only so far, and said
        // to be cut rather than read to the end.
        let noise = format!("{}x", "\u{0}".repeat(1_000_000));
        assert_eq!(clean_upto(&noise, false, 10), (String::new(), true));
        let mut f = Field::single(5);
        f.paste("ab");
        assert_eq!(f.paste("cdefgh"), Edit::Truncated);
        assert_eq!(f.text(), "abcde");
        assert_eq!(f.paste("x"), Edit::Truncated);
        assert_eq!(f.paste("\u{7}"), Edit::Unchanged);
    }

    #[test]
    fn saved_text_is_never_cut_when_a_field_opens() {
        let long = "x".repeat(30);
        assert_eq!(Field::single(10).with_text(&long).text(), long);
    }
}
