//! The `?` overlay, built from the keymap table, with the legend of the
//! signs in the queue list. It scrolls within its text: never past the
//! end, whatever the window's size.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{centered, pane_title};
use crate::i18n::shell as s;
use crate::tui::app::{App, Pane};
use crate::tui::form;
use crate::tui::keymap::{self, Action, Scope};

/// The widest the help box is drawn.
const WIDTH: u16 = 70;

/// Everything the help says, top to bottom.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let th = &app.theme;
    let lang = app.lang;
    let mut lines: Vec<Line> = Vec::new();
    let scopes = app.pane_scopes();
    let sections = scopes.iter().map(|scope| match scope {
        Scope::Global | Scope::Typing => (s::HELP_GLOBAL.get(lang), *scope),
        _ => (pane_title(app.pane).get(lang), *scope),
    });
    let row = |keys: &str, label: &str| {
        // Keys longer than the column still leave a space before the label.
        let pad = 18.max(keys.chars().count() + 1);
        Line::from(vec![
            Span::styled(format!("  {keys:<pad$}"), th.key),
            Span::raw(label.to_string()),
        ])
    };
    let bindings_rows = |scope: Scope| {
        keymap::in_scope(scope)
            .map(|b| {
                let keys = b
                    .keys_in(lang)
                    .iter()
                    .map(|k| k.label)
                    .collect::<Vec<_>>()
                    .join(" / ");
                row(&keys, b.label.get(lang))
            })
            .collect::<Vec<_>>()
    };
    for (title, scope) in sections {
        let rows = bindings_rows(scope);
        if rows.is_empty() {
            continue;
        }
        lines.push(Line::from(Span::styled(title.to_string(), th.title)));
        lines.extend(rows);
        lines.push(Line::from(""));
    }
    // The keys of forms and of the fields themselves, which work while
    // typing (when `?` is a character like any other).
    lines.push(Line::from(Span::styled(
        s::FIELD_KEYS_TITLE.get(lang),
        th.title,
    )));
    lines.extend(bindings_rows(Scope::Form));
    lines.extend(bindings_rows(Scope::Field));
    if !scopes.contains(&Scope::Typing) {
        lines.extend(bindings_rows(Scope::Typing));
    }
    lines.extend(
        form::FIELD_KEYS
            .iter()
            .map(|(keys, label)| row(keys, label.get(lang))),
    );
    lines.push(Line::from(""));
    // The signs of the queue list, from the one table the list takes
    // them from.
    if app.pane == Pane::Queue {
        lines.push(Line::from(Span::styled(
            crate::i18n::queue::LEGEND_TITLE.get(lang),
            th.title,
        )));
        lines.extend(
            super::queue::MARKS
                .iter()
                .map(|m| row(&m.shown(lang), m.meaning.get(lang))),
        );
        lines.push(Line::from(""));
    }
    lines.push(Line::from(Span::styled(s::HELP_CLOSE.get(lang), th.muted)));
    lines
}

/// The box the help is drawn in, within the pane area `body`: as tall as
/// its `n` lines, at most the area less a line above and below.
fn frame_in(body: Rect, n: usize) -> Rect {
    let n = u16::try_from(n).unwrap_or(u16::MAX).saturating_add(2);
    centered(body, WIDTH, body.height.saturating_sub(2).min(n))
}

fn count(lines: &[Line]) -> u16 {
    u16::try_from(lines.len()).unwrap_or(u16::MAX)
}

/// How many lines of help show at once in a terminal `height` lines tall.
pub fn window(app: &App, height: u16) -> u16 {
    let n = lines(app).len();
    frame_in(Rect::new(0, 0, WIDTH, super::body_height(app, height)), n)
        .height
        .saturating_sub(2)
        .max(1)
}

/// The furthest the help scrolls: its last line at the bottom of the box.
pub fn max_scroll(app: &App, height: u16) -> u16 {
    count(&lines(app)).saturating_sub(window(app, height))
}

/// Where a movement key takes the scroll, kept within `0..=max`, with
/// `window` lines on screen: a page is the window less one, so the last
/// line of a page is the first of the next.
pub fn scrolled(scroll: u16, action: Action, max: u16, window: u16) -> u16 {
    let page = window.saturating_sub(1);
    let to = match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll.saturating_add(1),
        Action::PageUp => scroll.saturating_sub(page.max(1)),
        Action::PageDown => scroll.saturating_add(page.max(1)),
        Action::Home => 0,
        Action::End => max,
        _ => scroll,
    };
    to.min(max)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: u16) {
    let th = &app.theme;
    let lang = app.lang;
    let lines = lines(app);
    let r = frame_in(area, lines.len());
    frame.render_widget(Clear, r);
    // Drawn within the text even if the window changed since the last key.
    let max = count(&lines).saturating_sub(r.height.saturating_sub(2));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(th.border)
        .title(Span::styled(
            format!(" {} ", s::HELP_TITLE.get(lang)),
            th.title,
        ));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll.min(max), 0)),
        r,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scroll_stays_within_the_text() {
        for max in [0, 1, 5, 40] {
            for start in 0..=max {
                for a in [
                    Action::Up,
                    Action::Down,
                    Action::PageUp,
                    Action::PageDown,
                    Action::Home,
                    Action::End,
                ] {
                    let to = scrolled(start, a, max, 10);
                    assert!(to <= max, "{a:?} from {start} went to {to} > {max}");
                }
            }
            assert_eq!(scrolled(max, Action::End, max, 10), max);
            assert_eq!(scrolled(max, Action::Home, max, 10), 0);
            assert_eq!(scrolled(max, Action::Down, max, 10), max);
            assert_eq!(scrolled(0, Action::Up, max, 10), 0);
        }
        assert_eq!(scrolled(3, Action::PageDown, 40, 10), 12);
        assert_eq!(scrolled(12, Action::PageUp, 40, 10), 3);
        assert_eq!(scrolled(3, Action::PageDown, 40, 1), 4);
        assert_eq!(scrolled(40, Action::Down, 40, 0), 40);
    }
}
