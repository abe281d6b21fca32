//! The editing keys of a text field: their table ([`BINDINGS`], in the
//! one key map, so `?` lists exactly what works) and what each does to a
//! line ([`plan`]), pure, by what is seen as one character (a grapheme)
//! and with a word being what lies between spaces. The field
//! (`input/mod.rs`) carries the plan out on its text area.

use std::ops::Range;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_segmentation::UnicodeSegmentation;

use crate::i18n::shell;
use crate::tui::keymap::{Action, Binding, Key, Scope, b, ctrl, k};

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
    match crate::tui::keymap::lookup(&[Scope::Field], ev)?.action {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
