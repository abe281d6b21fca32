//! Draws "who is on duty?": the field and what is wrong with the name,
//! then the names recently on duty.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::centered;
use super::form::wrap;
use crate::i18n::log as l;
use crate::tui::app::App;
use crate::tui::who::Who;

/// The box's width, borders included.
const WIDTH: u16 = 50;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, who: &Who) {
    let th = &app.theme;
    let lang = app.lang;
    let text_w = usize::from(WIDTH.min(area.width).saturating_sub(2));
    // Below the field: the error, then the recent names (or why they
    // could not be read), each a list of (text, style) lines.
    let mut below: Vec<(String, Style)> = Vec::new();
    if let Some(e) = &who.error {
        below.extend(
            wrap(&format!("✗ {e}"), text_w)
                .into_iter()
                .map(|s| (s, th.danger)),
        );
    }
    below.push((String::new(), th.base));
    if let Some(why) = &who.fault {
        let text = l::WHO_RECENT_FAILED.fill(lang, &[("why", why)]);
        below.extend(
            wrap(&format!("✗ {text}"), text_w)
                .into_iter()
                .map(|s| (s, th.danger)),
        );
        below.push((String::new(), th.base));
    } else if !who.recent.is_empty() {
        below.push((l::WHO_RECENT.get(lang).to_string(), th.muted));
        let picked = who.picked();
        for (i, name) in who.recent.iter().enumerate() {
            below.push(if picked == Some(i) {
                (format!("▶ {name}"), th.selected)
            } else {
                (format!("  {name}"), th.base)
            });
        }
        below.push((String::new(), th.base));
    }
    // Prompt, blank, field, what is below, hint; and the borders.
    let height = 3 + u16::try_from(below.len()).unwrap_or(u16::MAX) + 1 + 2;
    let r = centered(area, WIDTH, height);
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(th.key)
        .title(Span::styled(
            format!(" {} ", l::WHO_TITLE.get(lang)),
            th.title,
        ));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let last = inner.height.saturating_sub(1);
    let row = |y: u16| Rect {
        y: inner.y + y.min(last),
        height: 1,
        ..inner
    };
    frame.render_widget(Paragraph::new(l::WHO_PROMPT.get(lang)), row(0));
    frame.render_widget(who.field.textarea(), row(2));
    for (i, (text, style)) in below.into_iter().enumerate() {
        let y = 3 + i as u16;
        if y >= last {
            break;
        }
        frame.render_widget(Paragraph::new(Span::styled(text, style)), row(y));
    }
    let hint = if who.recent.is_empty() {
        l::WHO_HINT.get(lang)
    } else {
        l::WHO_HINT_RECENT.get(lang)
    };
    frame.render_widget(Paragraph::new(Span::styled(hint, th.muted)), row(last));
}
