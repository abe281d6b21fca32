//! A text field: ratatui-textarea underneath, with a length limit and
//! paste cleaning on top, so a 10 MB paste or a stray control character
//! never reaches the database or breaks the screen.
//!
//! The editing keys are this module's own table ([`BINDINGS`], in the one
//! key map, so `?` lists exactly what works) and its own pure logic
//! ([`plan`]): the keys people expect in a terminal (Ctrl-U, Ctrl-K,
//! Ctrl-W, Home/End, by word with Alt or Ctrl), by what is seen as one
//! character (a grapheme: an emoji with a skin tone, a letter with a
//! combining accent), with a word being what lies between spaces.

use std::ops::Range;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_segmentation::UnicodeSegmentation;

use super::app::Effect;
use super::keymap::{Action, Binding, Key, Scope, b, ctrl, k};
use crate::i18n::{Lang, shell};
use ratatui::style::Style;
use ratatui_textarea::{CursorMove, TextArea};

/// An editing key inside a text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EditOp {
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
    Undo,
}

const fn alt(code: KeyCode, label: &'static str) -> Key {
    Key {
        code,
        mods: KeyModifiers::ALT,
        label,
        shown_in: None,
    }
}

const fn ctrl_key(code: KeyCode, label: &'static str) -> Key {
    Key {
        code,
        mods: KeyModifiers::CONTROL,
        label,
        shown_in: None,
    }
}

const fn e(keys: &'static [Key], op: EditOp, label: crate::i18n::Msg) -> Binding {
    b(Scope::Field, keys, Action::Edit(op), label, false)
}

/// The editing keys of every text field. A field looks its keys up here,
/// and `?` lists this table, so the two never disagree.
pub const BINDINGS: &[Binding] = &[
    e(&[k(KeyCode::Left, "←")], EditOp::Left, shell::EDIT_LEFT),
    e(&[k(KeyCode::Right, "→")], EditOp::Right, shell::EDIT_RIGHT),
    e(
        &[
            alt(KeyCode::Left, "Alt-←"),
            alt(KeyCode::Char('b'), "Alt-b"),
            ctrl_key(KeyCode::Left, "Ctrl-←"),
        ],
        EditOp::WordLeft,
        shell::EDIT_WORD_LEFT,
    ),
    e(
        &[
            alt(KeyCode::Right, "Alt-→"),
            alt(KeyCode::Char('f'), "Alt-f"),
            ctrl_key(KeyCode::Right, "Ctrl-→"),
        ],
        EditOp::WordRight,
        shell::EDIT_WORD_RIGHT,
    ),
    e(
        &[k(KeyCode::Home, "Home"), ctrl('a', "Ctrl-A")],
        EditOp::Home,
        shell::EDIT_HOME,
    ),
    e(
        &[k(KeyCode::End, "End"), ctrl('e', "Ctrl-E")],
        EditOp::End,
        shell::EDIT_END,
    ),
    // Ctrl-H is what some terminals send for Backspace.
    e(
        &[k(KeyCode::Backspace, "Backspace"), ctrl('h', "Ctrl-H")],
        EditOp::Backspace,
        shell::EDIT_BACKSPACE,
    ),
    e(
        &[k(KeyCode::Delete, "Delete"), ctrl('d', "Ctrl-D")],
        EditOp::Delete,
        shell::EDIT_DELETE,
    ),
    e(
        &[
            ctrl('w', "Ctrl-W"),
            alt(KeyCode::Backspace, "Alt-Backspace"),
        ],
        EditOp::DeleteWordBack,
        shell::EDIT_DELETE_WORD_BACK,
    ),
    e(
        &[
            alt(KeyCode::Char('d'), "Alt-d"),
            ctrl_key(KeyCode::Delete, "Ctrl-Delete"),
        ],
        EditOp::DeleteWordForward,
        shell::EDIT_DELETE_WORD_FORWARD,
    ),
    e(
        &[ctrl('u', "Ctrl-U")],
        EditOp::DeleteToStart,
        shell::EDIT_DELETE_TO_START,
    ),
    e(
        &[ctrl('k', "Ctrl-K")],
        EditOp::DeleteToEnd,
        shell::EDIT_DELETE_TO_END,
    ),
    e(&[ctrl('z', "Ctrl-Z")], EditOp::Undo, shell::EDIT_UNDO),
];

/// The editing key `ev` stands for, from [`BINDINGS`].
pub fn edit_op(ev: &KeyEvent) -> Option<EditOp> {
    match super::keymap::lookup(&[Scope::Field], ev)?.action {
        Action::Edit(op) => Some(op),
        _ => None,
    }
}

/// What an editing key does to one line: the characters removed (counted
/// in chars, as the text area counts) and where the cursor ends up, in
/// the line after the removal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub delete: Range<usize>,
    pub cursor: usize,
}

/// Where what is seen as one character begins, as char offsets into
/// `line`, with the line's end last (`[0]` for an empty line).
fn boundaries(line: &str) -> Vec<usize> {
    let mut out = Vec::with_capacity(line.len() + 1);
    let mut chars = 0;
    for g in line.graphemes(true) {
        out.push(chars);
        chars += g.chars().count();
    }
    out.push(chars);
    out
}

/// What `op` does to `line` with the cursor at char `col`, or `None` when
/// it would go past the line's start or end (a multi-line field then
/// moves or joins lines; one line stays as it is). Pure: the text area
/// applies the plan.
pub fn plan(line: &str, col: usize, op: EditOp) -> Option<Plan> {
    let bounds = boundaries(line);
    let len = *bounds.last().unwrap_or(&0);
    let col = col.min(len);
    // The grapheme boundaries just before and just after the cursor (the
    // cursor itself may sit inside one, after a move between lines).
    let prev = bounds.iter().rev().find(|&&b| b < col).copied();
    let next = bounds.iter().find(|&&b| b > col).copied();
    // A cursor inside a grapheme deletes all of it, never a piece: the
    // ends of what is deleted are taken out to the grapheme's edges.
    let inside = bounds.binary_search(&col).is_err();
    let (from, to) = if inside {
        (prev.unwrap_or(0), next.unwrap_or(len))
    } else {
        (col, col)
    };
    let space: Vec<bool> = line
        .graphemes(true)
        .map(|g| g.chars().next().is_some_and(char::is_whitespace))
        .collect();
    // Index of the grapheme starting at boundary `b`.
    let at = |b: usize| bounds.partition_point(|&x| x < b);
    let word_left = || {
        // From inside a grapheme, `at` is the one after it: it counts as
        // before the cursor.
        let mut i = at(col);
        while i > 0 && space[i - 1] {
            i -= 1;
        }
        while i > 0 && !space[i - 1] {
            i -= 1;
        }
        bounds[i]
    };
    let word_right = || {
        let mut i = at(col);
        while i < space.len() && space[i] {
            i += 1;
        }
        while i < space.len() && !space[i] {
            i += 1;
        }
        bounds[i]
    };
    let go = |cursor: usize| Plan {
        delete: cursor..cursor,
        cursor,
    };
    let cut = |r: Range<usize>| Plan {
        cursor: r.start,
        delete: r,
    };
    Some(match op {
        EditOp::Left => go(prev?),
        EditOp::Right => go(next?),
        EditOp::WordLeft => {
            prev?;
            go(word_left())
        }
        EditOp::WordRight => {
            next?;
            go(word_right())
        }
        EditOp::Home => go(0),
        EditOp::End => go(len),
        EditOp::Backspace => cut(prev?..to),
        EditOp::Delete => cut(from..next?),
        EditOp::DeleteWordBack => {
            prev?;
            cut(word_left()..to)
        }
        EditOp::DeleteWordForward => {
            next?;
            cut(from..word_right())
        }
        EditOp::DeleteToStart => cut(0..to),
        EditOp::DeleteToEnd => cut(from..len),
        EditOp::Undo => return None,
    })
}

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

    // ---- editing keys: the pure plan, then the field against a model.

    use proptest::prelude::*;

    fn apply(line: &str, col: usize, op: EditOp) -> Option<(String, usize)> {
        let p = plan(line, col, op)?;
        let chars: Vec<char> = line.chars().collect();
        let mut out: String = chars[..p.delete.start].iter().collect();
        out.extend(&chars[p.delete.end..]);
        Some((out, p.cursor))
    }

    #[test]
    fn every_editing_key_on_one_line() {
        use EditOp::*;
        let line = "ab  cd ef";
        // (op, cursor before, text after, cursor after)
        type Case = (EditOp, usize, Option<(&'static str, usize)>);
        let cases: &[Case] = &[
            (Left, 3, Some((line, 2))),
            (Left, 0, None),
            (Right, 3, Some((line, 4))),
            (Right, 9, None),
            (WordLeft, 6, Some((line, 4))),
            (WordLeft, 4, Some((line, 0))),
            (WordLeft, 5, Some((line, 4))),
            (WordLeft, 0, None),
            (WordRight, 0, Some((line, 2))),
            (WordRight, 2, Some((line, 6))),
            (WordRight, 7, Some((line, 9))),
            (WordRight, 9, None),
            (Home, 5, Some((line, 0))),
            (Home, 0, Some((line, 0))),
            (End, 2, Some((line, 9))),
            (Backspace, 2, Some(("a  cd ef", 1))),
            (Backspace, 0, None),
            (Delete, 0, Some(("b  cd ef", 0))),
            (Delete, 9, None),
            (DeleteWordBack, 9, Some(("ab  cd ", 7))),
            (DeleteWordBack, 7, Some(("ab  ef", 4))),
            (DeleteWordBack, 4, Some(("cd ef", 0))),
            (DeleteWordBack, 0, None),
            (DeleteWordForward, 2, Some(("ab ef", 2))),
            (DeleteWordForward, 0, Some(("  cd ef", 0))),
            (DeleteWordForward, 9, None),
            (DeleteToStart, 4, Some(("cd ef", 0))),
            (DeleteToStart, 0, Some((line, 0))),
            (DeleteToEnd, 4, Some(("ab  ", 4))),
            (DeleteToEnd, 9, Some((line, 9))),
            (Undo, 3, None),
        ];
        for (op, col, want) in cases {
            let got = apply(line, *col, *op);
            let want = want.map(|(t, c)| (t.to_string(), c));
            assert_eq!(got, want, "{op:?} at {col}");
        }
        // An empty line: only the moves that stay put.
        assert_eq!(apply("", 0, Home), Some((String::new(), 0)));
        assert_eq!(apply("", 0, DeleteToEnd), Some((String::new(), 0)));
        assert_eq!(apply("", 0, Backspace), None);
        assert_eq!(apply("", 0, WordRight), None);
    }

    #[test]
    fn what_is_seen_as_one_character_moves_and_goes_as_one() {
        use EditOp::*;
        // æ ø å are one char each; e + combining acute and a thumb with a
        // skin tone are two chars each but one on screen.
        let line = "æø e\u{301}👍🏽";
        assert_eq!(line.chars().count(), 7);
        assert_eq!(apply(line, 7, Backspace), Some(("æø e\u{301}".into(), 5)));
        assert_eq!(apply(line, 5, Backspace), Some(("æø 👍🏽".into(), 3)));
        assert_eq!(apply(line, 3, Delete), Some(("æø 👍🏽".into(), 3)));
        assert_eq!(apply(line, 7, Left).map(|p| p.1), Some(5));
        assert_eq!(apply(line, 3, Right).map(|p| p.1), Some(5));
        assert_eq!(apply(line, 1, Backspace), Some(("ø e\u{301}👍🏽".into(), 0)));
        assert_eq!(apply(line, 7, DeleteWordBack), Some(("æø ".into(), 3)));
        // A cursor left inside a grapheme (after a move between lines)
        // still moves and deletes whole graphemes.
        assert_eq!(apply(line, 6, Right).map(|p| p.1), Some(7));
        assert_eq!(apply(line, 6, Left).map(|p| p.1), Some(5));
        assert_eq!(apply(line, 4, Backspace), Some(("æø 👍🏽".into(), 3)));
        assert_eq!(apply(line, 4, Delete), Some(("æø 👍🏽".into(), 3)));
        assert_eq!(apply(line, 6, DeleteToEnd), Some(("æø e\u{301}".into(), 5)));
        assert_eq!(apply(line, 6, DeleteToStart), Some((String::new(), 0)));
        assert_eq!(apply(line, 6, DeleteWordBack), Some(("æø ".into(), 3)));
        assert_eq!(apply(line, 6, WordLeft).map(|p| p.1), Some(3));
    }

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
