//! Draws a [`Form`] as a box over the pane.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::centered;
use crate::i18n::Lang;
use crate::tui::form::{FieldId, Form, Input};
use crate::tui::theme::Theme;

const LABEL_W: usize = 20;

/// Draws the form centred in `area`; `footer` is a hint line at the bottom.
pub fn draw<F: FieldId>(
    frame: &mut Frame,
    area: Rect,
    form: &Form<F>,
    footer: &str,
    th: &Theme,
    lang: Lang,
) {
    // The width values, errors and notes get, known before the box is
    // placed, so a long error wraps and the box grows to hold it.
    let value_w = area.width.min(90).saturating_sub(2 + LABEL_W as u16 + 2);
    let notes = |f: &crate::tui::form::FormField<F>| {
        [
            (f.error.as_deref(), th.danger, "✗ "),
            (f.info.as_deref(), th.ok, ""),
            (f.hint.as_deref(), th.muted, ""),
        ]
        .into_iter()
        .filter_map(|(text, style, prefix)| {
            let text = text?;
            Some((
                wrap(&format!("{prefix}{text}"), usize::from(value_w)),
                style,
            ))
        })
        .collect::<Vec<_>>()
    };
    let lines_needed: u16 = form
        .fields
        .iter()
        .map(|f| {
            let n: usize = notes(f).iter().map(|(lines, _)| lines.len()).sum();
            1 + u16::try_from(n).unwrap_or(u16::MAX)
        })
        .fold(0u16, u16::saturating_add)
        .saturating_add(4);
    let r = centered(area, 90, lines_needed);
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(th.key)
        .title(Span::styled(
            format!(" {} ", form.title.get(lang)),
            th.title,
        ));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let value_x = inner.x + LABEL_W as u16 + 2;
    let value_w = inner.width.saturating_sub(LABEL_W as u16 + 2);
    let mut y = inner.y;
    let bottom = inner.y + inner.height.saturating_sub(1);
    // Taller than the window: a window of fields that holds the focused
    // one, with a line saying how many more lie above and below.
    let heights: Vec<usize> = form
        .fields
        .iter()
        .map(|f| 1 + notes(f).iter().map(|(l, _)| l.len()).sum::<usize>())
        .collect();
    let rows = usize::from(bottom.saturating_sub(inner.y));
    let (start, end) = field_window(&heights, form.focus, rows);
    let more = |frame: &mut Frame, text: String, y: u16| {
        frame.render_widget(
            Paragraph::new(Span::styled(text, th.muted)),
            Rect::new(value_x, y, value_w, 1),
        );
    };
    if start > 0 {
        more(
            frame,
            crate::i18n::shell::FORM_MORE_ABOVE.fill(lang, &[("n", &start)]),
            y,
        );
        y += 1;
    }
    let last_row = if end < form.fields.len() {
        bottom.saturating_sub(1)
    } else {
        bottom
    };
    for (i, f) in form.fields.iter().enumerate().take(end).skip(start) {
        if y >= last_row {
            break;
        }
        let focused = i == form.focus;
        let marker = if focused { "▶" } else { " " };
        let label_style = if focused { th.title } else { th.base };
        let label = format!("{marker}{:<w$}", f.label.get(lang), w = LABEL_W);
        frame.render_widget(
            Paragraph::new(Span::styled(label, label_style)),
            Rect::new(inner.x, y, (LABEL_W as u16 + 1).min(inner.width), 1),
        );
        let value_area = Rect::new(value_x, y, value_w, 1);
        match &f.input {
            Input::Text(t) if focused => frame.render_widget(t.textarea(), value_area),
            Input::Text(t) => match t.placeholder().filter(|_| t.is_empty()) {
                Some(p) => frame.render_widget(
                    Paragraph::new(Span::styled(p.to_string(), th.muted)),
                    value_area,
                ),
                None => {
                    let text = t.text().replace('\n', " ⏎ ");
                    frame.render_widget(Paragraph::new(text), value_area)
                }
            },
            Input::Choice { options, index } => {
                let labels: Vec<String> = options
                    .iter()
                    .enumerate()
                    .map(|(j, o)| {
                        let mark = if j == *index { "●" } else { "○" };
                        format!("{mark} {}", o.get(lang))
                    })
                    .collect();
                let widths: Vec<usize> = labels.iter().map(|l| l.chars().count() + 2).collect();
                let w = ChoiceWindow::new(&widths, *index, usize::from(value_w));
                let mut spans = Vec::new();
                if w.start > 0 {
                    spans.push(Span::styled("‹ ", th.muted));
                }
                for (j, label) in labels.into_iter().enumerate().take(w.end).skip(w.start) {
                    let style = if j == *index {
                        if focused { th.selected } else { th.title }
                    } else {
                        th.muted
                    };
                    spans.push(Span::styled(label, style));
                    spans.push(Span::raw("  "));
                }
                if w.end < options.len() {
                    spans.push(Span::styled("› ", th.muted));
                }
                if w.start > 0 || w.end < options.len() {
                    spans.push(Span::styled(
                        format!("{}/{}", index + 1, options.len()),
                        th.muted,
                    ));
                }
                frame.render_widget(Paragraph::new(Line::from(spans)), value_area);
            }
        }
        y += 1;
        for (lines, style) in notes(f) {
            for line in lines {
                if y >= last_row {
                    break;
                }
                frame.render_widget(
                    Paragraph::new(Span::styled(line, style)),
                    Rect::new(value_x, y, value_w, 1),
                );
                y += 1;
            }
        }
    }
    if end < form.fields.len() {
        more(
            frame,
            crate::i18n::shell::FORM_MORE_BELOW.fill(lang, &[("n", &(form.fields.len() - end))]),
            last_row,
        );
    }
    frame.render_widget(
        Paragraph::new(Span::styled(footer.to_string(), th.muted)),
        Rect::new(inner.x + 1, bottom, inner.width.saturating_sub(1), 1),
    );
}

/// Which fields to draw, `start..end`, in `rows` lines when the field `i`
/// is `heights[i]` lines tall: all when they fit; else a run that holds
/// `focus`, the fields after it first, with a line kept for "more above"
/// and one for "more below" where there are more.
fn field_window(heights: &[usize], focus: usize, rows: usize) -> (usize, usize) {
    let n = heights.len();
    if heights.iter().sum::<usize>() <= rows || n == 0 {
        return (0, n);
    }
    let focus = focus.min(n - 1);
    let room = rows.saturating_sub(2).max(1);
    let (mut start, mut end) = (focus, focus + 1);
    let mut used = heights[focus];
    while end < n && used + heights[end] <= room {
        used += heights[end];
        end += 1;
    }
    while start > 0 && used + heights[start - 1] <= room {
        start -= 1;
        used += heights[start];
    }
    (start, end)
}

/// `text` in lines of at most `width` columns, broken between words (a
/// word longer than a line is broken inside). Always at least one line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let w = |s: &str| Span::raw(s).width();
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let sep = usize::from(!line.is_empty());
        if !line.is_empty() && w(&line) + sep + w(word) <= width {
            line.push(' ');
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A word too long for a line: as many characters as fit, per line.
        for c in word.chars() {
            let mut buf = [0u8; 4];
            if !line.is_empty() && w(&line) + w(c.encode_utf8(&mut buf)) > width {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Which options of a choice list are drawn: a run around the chosen one
/// that fits, so the cursor is always in sight, however long the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ChoiceWindow {
    start: usize,
    end: usize,
}

impl ChoiceWindow {
    /// `widths` are each option's width with its gap; `avail` the width of
    /// the line. When not all fit, room is kept for the arrows and the
    /// "7/13" position.
    fn new(widths: &[usize], index: usize, avail: usize) -> ChoiceWindow {
        let n = widths.len();
        if widths.iter().sum::<usize>() <= avail || n == 0 {
            return ChoiceWindow { start: 0, end: n };
        }
        let index = index.min(n - 1);
        let counter = format!("{n}/{n}").len();
        let room = avail.saturating_sub(4 + counter);
        let (mut start, mut end) = (index, index + 1);
        let mut used = widths[index];
        loop {
            let mut grew = false;
            if end < n && used + widths[end] <= room {
                used += widths[end];
                end += 1;
                grew = true;
            }
            if start > 0 && used + widths[start - 1] <= room {
                start -= 1;
                used += widths[start];
                grew = true;
            }
            if !grew {
                break;
            }
        }
        ChoiceWindow { start, end }
    }
}

#[cfg(test)]
mod tests {
    use super::{ChoiceWindow, wrap};
    use proptest::prelude::*;

    #[test]
    fn wrap_breaks_between_words_and_inside_a_word_too_long() {
        assert_eq!(wrap("", 10), [""]);
        assert_eq!(wrap("ab cd ef", 5), ["ab cd", "ef"]);
        assert_eq!(wrap("ab  cd", 80), ["ab cd"]);
        assert_eq!(wrap("abcdefgh ij", 3), ["abc", "def", "gh", "ij"]);
        assert_eq!(wrap("æøå ÆØÅ", 3), ["æøå", "ÆØÅ"]);
        // Wide characters count two columns.
        assert_eq!(wrap("日本語", 4), ["日本", "語"]);
        assert_eq!(wrap("x", 0), ["x"]);
    }

    proptest! {
        /// Every word is kept, in order, and no line is wider than asked
        /// (unless one character alone is).
        #[test]
        fn wrap_keeps_every_word_and_fits(
            words in proptest::collection::vec("[a-zæøå日]{1,12}", 0..12),
            width in 1usize..30,
        ) {
            let text = words.join(" ");
            let lines = wrap(&text, width);
            prop_assert_eq!(lines.concat().replace(' ', ""), words.concat());
            for l in &lines {
                let w = ratatui::text::Span::raw(l.as_str()).width();
                prop_assert!(w <= width || l.chars().count() == 1, "{:?}", lines);
            }
        }
    }

    #[test]
    fn all_shown_when_they_fit() {
        assert_eq!(
            ChoiceWindow::new(&[5, 5, 5], 2, 15),
            ChoiceWindow { start: 0, end: 3 }
        );
        assert_eq!(
            ChoiceWindow::new(&[], 0, 10),
            ChoiceWindow { start: 0, end: 0 }
        );
    }

    #[test]
    fn the_window_follows_the_cursor() {
        let w = [10; 13];
        assert_eq!(
            ChoiceWindow::new(&w, 0, 60),
            ChoiceWindow { start: 0, end: 5 }
        );
        assert_eq!(
            ChoiceWindow::new(&w, 12, 60),
            ChoiceWindow { start: 8, end: 13 }
        );
        let mid = ChoiceWindow::new(&w, 6, 60);
        assert!(mid.start <= 6 && 6 < mid.end);
    }

    proptest! {
        /// The chosen option is always drawn, and what is drawn fits.
        #[test]
        fn the_chosen_one_is_always_in_sight(
            widths in proptest::collection::vec(1usize..30, 1..20),
            index in 0usize..20,
            avail in 0usize..120,
        ) {
            let index = index % widths.len();
            let w = ChoiceWindow::new(&widths, index, avail);
            prop_assert!(w.start <= index && index < w.end);
            if w.end - w.start > 1 {
                prop_assert!(widths[w.start..w.end].iter().sum::<usize>() <= avail);
            }
        }
    }
}

#[cfg(test)]
mod window_tests {
    use super::field_window;

    #[test]
    fn the_field_window_holds_the_focus() {
        let h = [1, 2, 1, 1, 3, 1, 1, 2, 1, 1];
        assert_eq!(field_window(&h, 4, 30), (0, 10), "all fit");
        for rows in 3..14 {
            for focus in 0..h.len() {
                let (s, e) = field_window(&h, focus, rows);
                assert!(s <= focus && focus < e, "{rows} {focus}: {s}..{e}");
                let marks = usize::from(s > 0) + usize::from(e < h.len());
                let used: usize = h[s..e].iter().sum();
                assert!(
                    used + marks <= rows.max(h[focus] + 2),
                    "{rows} {focus}: {s}..{e}"
                );
            }
        }
    }
}
