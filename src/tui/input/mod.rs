//! A text field: ratatui-textarea underneath, with a length limit and
//! paste cleaning on top, so a 10 MB paste or a stray control character
//! never reaches the database or breaks the screen.
//!
//! The editing keys are the field's own table ([`BINDINGS`], in the one
//! key map, so `?` lists exactly what works) and its own pure logic
//! ([`plan`]), both in `editing.rs`: the keys people expect in a terminal
//! (Ctrl-U, Ctrl-K, Ctrl-W, Home/End, by word with Alt or Ctrl), by what
//! is seen as one character (a grapheme: an emoji with a skin tone, a
//! letter with a combining accent), with a word being what lies between
//! spaces.

mod editing;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::Effect;
use crate::i18n::{Lang, shell};
use ratatui::style::Style;
use ratatui_textarea::{CursorMove, TextArea};

pub use editing::{BINDINGS, EditOp, Plan, edit_op, plan};

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
        self.area.set_placeholder_style(PLACEHOLDER);
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

    /// A key for the field: an editing key from [`BINDINGS`], a character
    /// to insert, or (multi-line) Enter and ↑/↓. Anything else does
    /// nothing. Enter is left to the form in a single-line field.
    pub fn key(&mut self, ev: KeyEvent) -> Edit {
        if let Some(op) = edit_op(&ev) {
            return self.edit(op);
        }
        let plain = !ev
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match ev.code {
            KeyCode::Char(c) if plain && !c.is_control() => {
                if self.chars() >= self.max_chars {
                    return Edit::Truncated;
                }
                self.area.insert_char(c);
                Edit::Changed
            }
            KeyCode::Enter if self.multiline => {
                if self.chars() >= self.max_chars {
                    return Edit::Truncated;
                }
                self.area.insert_newline();
                Edit::Changed
            }
            KeyCode::Up if self.multiline => {
                self.area.move_cursor(CursorMove::Up);
                Edit::Unchanged
            }
            KeyCode::Down if self.multiline => {
                self.area.move_cursor(CursorMove::Down);
                Edit::Unchanged
            }
            _ => Edit::Unchanged,
        }
    }

    /// Carries out an editing key on the line the cursor is on.
    pub fn edit(&mut self, op: EditOp) -> Edit {
        if op == EditOp::Undo {
            return changed(self.area.undo());
        }
        let ratatui_textarea::DataCursor(row, col) = self.area.cursor();
        let line = self.area.lines()[row].as_str();
        let Some(p) = plan(line, col, op) else {
            // Past the line's start or end: a multi-line field moves to or
            // joins the line next to it, as the text area does.
            if !self.multiline {
                return Edit::Unchanged;
            }
            return match op {
                EditOp::Left | EditOp::WordLeft => {
                    self.area.move_cursor(CursorMove::Back);
                    Edit::Unchanged
                }
                EditOp::Right | EditOp::WordRight => {
                    self.area.move_cursor(CursorMove::Forward);
                    Edit::Unchanged
                }
                EditOp::Backspace | EditOp::DeleteWordBack => changed(self.area.delete_char()),
                EditOp::Delete | EditOp::DeleteWordForward => changed(self.area.delete_next_char()),
                _ => Edit::Unchanged,
            };
        };
        let mut edit = Edit::Unchanged;
        if !p.delete.is_empty() {
            self.jump(row, p.delete.start);
            edit = changed(self.area.delete_str(p.delete.len()));
        }
        self.jump(row, p.cursor);
        edit
    }

    /// Puts the cursor at char `col` of line `row`.
    fn jump(&mut self, row: usize, col: usize) {
        match (u16::try_from(row), u16::try_from(col)) {
            (Ok(r), Ok(c)) => self.area.move_cursor(CursorMove::Jump(r, c)),
            // A line longer than the jump reaches (text saved before a
            // limit existed): the rest one step at a time.
            (Ok(r), Err(_)) => {
                self.area.move_cursor(CursorMove::Jump(r, u16::MAX));
                for _ in usize::from(u16::MAX)..col {
                    self.area.move_cursor(CursorMove::Forward);
                }
            }
            _ => {}
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
        area.set_placeholder_style(PLACEHOLDER);
    }
    area
}

/// How a placeholder looks: dimmed, without a colour of its own (the text
/// area's default is dark grey, a colour even under NO_COLOR).
const PLACEHOLDER: Style = Style::new().add_modifier(ratatui::style::Modifier::DIM);

fn changed(yes: bool) -> Edit {
    if yes { Edit::Changed } else { Edit::Unchanged }
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
    use crate::tui::keymap::Action;

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
    fn a_placeholder_is_shown_dimmed_without_colour_and_is_not_the_text() {
        use ratatui::style::{Color, Modifier};
        let mut f = Field::single(20).with_placeholder("closed");
        assert_eq!((f.text().as_str(), f.placeholder()), ("", Some("closed")));
        let mut buf = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 10, 1));
        ratatui::widgets::Widget::render(f.textarea(), buf.area, &mut buf);
        let d = (0..10)
            .find(|&x| buf[(x, 0)].symbol() == "d")
            .expect("drawn");
        assert_eq!(buf[(d, 0)].fg, Color::Reset);
        assert!(buf[(d, 0)].modifier.contains(Modifier::DIM));
        // Typing replaces it; emptying the field shows it again.
        f.key(key('9'));
        assert_eq!(f.text(), "9");
        f.set_text("");
        assert_eq!(f.placeholder(), Some("closed"));
        assert!(f.is_empty());
    }

    #[test]
    fn saved_text_is_never_cut_when_a_field_opens() {
        let long = "x".repeat(30);
        assert_eq!(Field::single(10).with_text(&long).text(), long);
    }

    // ---- the field against a model of the editing keys.

    use proptest::prelude::*;

    #[test]
    fn keys_reach_the_field_from_the_table() {
        let mut f = Field::single(40).with_text("Kari Nordmann");
        let k = |code, mods| KeyEvent::new(code, mods);
        assert_eq!(
            f.key(k(KeyCode::Char('w'), KeyModifiers::CONTROL)),
            Edit::Changed
        );
        assert_eq!(f.text(), "Kari ");
        assert_eq!(
            f.key(k(KeyCode::Char('u'), KeyModifiers::CONTROL)),
            Edit::Changed
        );
        assert_eq!(f.text(), "");
        assert_eq!(
            f.key(k(KeyCode::Char('z'), KeyModifiers::CONTROL)),
            Edit::Changed
        );
        assert_eq!(f.text(), "Kari ");
        // Ctrl-H is Backspace (some terminals send it), Ctrl-D Delete.
        assert_eq!(
            f.key(k(KeyCode::Char('h'), KeyModifiers::CONTROL)),
            Edit::Changed
        );
        assert_eq!(f.text(), "Kari");
        f.edit(EditOp::Home);
        assert_eq!(
            f.key(k(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            Edit::Changed
        );
        assert_eq!(f.text(), "ari");
        f.set_text("Kari ");
        // Keys the text area would have taken on its own do nothing.
        for c in ['y', 'r', 'x', 'v', 'j', 'm', 'b', 'f', 'n', 'p'] {
            assert_eq!(
                f.key(k(KeyCode::Char(c), KeyModifiers::CONTROL)),
                Edit::Unchanged
            );
        }
        assert_eq!(
            f.key(k(KeyCode::Char('x'), KeyModifiers::ALT)),
            Edit::Unchanged
        );
        assert_eq!(f.text(), "Kari ");
        // Shift only makes capitals.
        assert_eq!(
            f.key(k(KeyCode::Char('N'), KeyModifiers::SHIFT)),
            Edit::Changed
        );
        assert_eq!(f.text(), "Kari N");
    }

    #[test]
    fn a_multi_line_field_moves_and_joins_across_lines() {
        let mut m = Field::multi(100);
        m.paste("ab\ncd");
        m.edit(EditOp::Home);
        m.edit(EditOp::Backspace);
        assert_eq!(m.text(), "abcd");
        m.paste("\n");
        m.edit(EditOp::Left);
        assert_eq!(m.area.cursor(), ratatui_textarea::DataCursor(0, 2));
        m.edit(EditOp::Right);
        assert_eq!(m.area.cursor(), ratatui_textarea::DataCursor(1, 0));
        m.edit(EditOp::DeleteToEnd);
        assert_eq!(m.text(), "ab\n");
        m.key(KeyEvent::new(KeyCode::Up, KeyModifiers::NONE));
        m.edit(EditOp::End);
        m.edit(EditOp::Delete);
        assert_eq!(m.text(), "ab");
        // One line: past the ends nothing happens.
        let mut s = Field::single(10).with_text("x");
        assert_eq!(s.edit(EditOp::Delete), Edit::Unchanged);
        s.edit(EditOp::Home);
        assert_eq!(s.edit(EditOp::Backspace), Edit::Unchanged);
        assert_eq!(s.text(), "x");
    }

    /// A line as a list of graphemes and a cursor between them: the
    /// obvious model the field must agree with.
    #[derive(Debug, Clone)]
    struct Model {
        g: Vec<String>,
        cur: usize,
    }

    impl Model {
        fn space(&self, i: usize) -> bool {
            self.g[i].starts_with(char::is_whitespace)
        }
        fn word_left(&self) -> usize {
            let mut i = self.cur;
            while i > 0 && self.space(i - 1) {
                i -= 1;
            }
            while i > 0 && !self.space(i - 1) {
                i -= 1;
            }
            i
        }
        fn word_right(&self) -> usize {
            let mut i = self.cur;
            while i < self.g.len() && self.space(i) {
                i += 1;
            }
            while i < self.g.len() && !self.space(i) {
                i += 1;
            }
            i
        }
        fn op(&mut self, op: EditOp) {
            use EditOp::*;
            let n = self.g.len();
            match op {
                Left => self.cur = self.cur.saturating_sub(1),
                Right => self.cur = (self.cur + 1).min(n),
                WordLeft => self.cur = self.word_left(),
                WordRight => self.cur = self.word_right(),
                Home => self.cur = 0,
                End => self.cur = n,
                Backspace if self.cur > 0 => {
                    self.cur -= 1;
                    self.g.remove(self.cur);
                }
                Delete if self.cur < n => {
                    self.g.remove(self.cur);
                }
                DeleteWordBack => {
                    let from = self.word_left();
                    self.g.drain(from..self.cur);
                    self.cur = from;
                }
                DeleteWordForward => {
                    let to = self.word_right();
                    self.g.drain(self.cur..to);
                }
                DeleteToStart => {
                    self.g.drain(..self.cur);
                    self.cur = 0;
                }
                DeleteToEnd => {
                    self.g.truncate(self.cur);
                }
                Backspace | Delete | Undo => {}
            }
        }
        fn text(&self) -> String {
            self.g.concat()
        }
        fn col(&self) -> usize {
            self.g[..self.cur].iter().map(|g| g.chars().count()).sum()
        }
    }

    #[derive(Debug, Clone)]
    enum Step {
        Op(EditOp),
        Type(&'static str),
    }

    fn step() -> impl Strategy<Value = Step> {
        use EditOp::*;
        prop_oneof![
            proptest::sample::select(vec![
                Left,
                Right,
                WordLeft,
                WordRight,
                Home,
                End,
                Backspace,
                Delete,
                DeleteWordBack,
                DeleteWordForward,
                DeleteToStart,
                DeleteToEnd,
            ])
            .prop_map(Step::Op),
            // Each is one grapheme, typed as its chars, whatever is around.
            proptest::sample::select(vec!["a", "Å", "ø", " ", "  ", "e\u{301}", "👍🏽", "日", "-"])
                .prop_map(Step::Type),
        ]
    }

    fn key_of(op: EditOp) -> KeyEvent {
        let binding = BINDINGS
            .iter()
            .find(|b| b.action == Action::Edit(op))
            .expect("every op has a key");
        let key = binding.keys[0];
        KeyEvent::new(key.code, key.mods)
    }

    proptest! {
        /// Any run of editing keys and typing leaves the field's text and
        /// cursor where the model says, reached through the key table.
        #[test]
        fn the_field_agrees_with_the_model(steps in proptest::collection::vec(step(), 0..60)) {
            let mut f = Field::single(1000);
            let mut m = Model { g: Vec::new(), cur: 0 };
            for s in steps {
                match s {
                    Step::Op(op) => {
                        f.key(key_of(op));
                        m.op(op);
                    }
                    Step::Type(g) => {
                        for c in g.chars() {
                            f.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
                        }
                        if g == "  " {
                            m.g.insert(m.cur, " ".into());
                            m.g.insert(m.cur, " ".into());
                            m.cur += 2;
                        } else {
                            m.g.insert(m.cur, g.into());
                            m.cur += 1;
                        }
                    }
                }
                prop_assert_eq!(f.text(), m.text());
                let ratatui_textarea::DataCursor(row, col) = f.area.cursor();
                prop_assert_eq!((row, col), (0, m.col()));
            }
        }
    }
}
