//! Draws "who is on duty?": the field, then the names recently on duty.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::centered;
use crate::i18n::log as l;
use crate::tui::app::App;
use crate::tui::who::Who;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, who: &Who) {
    let th = &app.theme;
    let lang = app.lang;
    let extra = if who.fault.is_some() {
        3
    } else if who.recent.is_empty() {
        0
    } else {
        2 + who.recent.len() as u16
    };
    let r = centered(area, 50, 7 + extra);
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
    let row = |y: u16| Rect {
        y: inner.y + y,
        height: 1,
        ..inner
    };
    frame.render_widget(Paragraph::new(l::WHO_PROMPT.get(lang)), row(0));
    frame.render_widget(who.field.textarea(), row(2));
    if let Some(why) = &who.fault {
        let text = l::WHO_RECENT_FAILED.fill(lang, &[("why", why)]);
        frame.render_widget(
            Paragraph::new(Span::styled(format!("✗ {text}"), th.danger)).wrap(Wrap { trim: true }),
            Rect {
                y: inner.y + 4,
                height: 2,
                ..inner
            },
        );
    } else if !who.recent.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(l::WHO_RECENT.get(lang), th.muted)),
            row(4),
        );
        let picked = who.picked();
        for (i, name) in who.recent.iter().enumerate() {
            let line = if picked == Some(i) {
                Line::from(Span::styled(format!("▶ {name}"), th.selected))
            } else {
                Line::from(format!("  {name}"))
            };
            frame.render_widget(Paragraph::new(line), row(5 + i as u16));
        }
    }
    let hint = if who.recent.is_empty() {
        l::WHO_HINT.get(lang)
    } else {
        l::WHO_HINT_RECENT.get(lang)
    };
    frame.render_widget(
        Paragraph::new(Span::styled(hint, th.muted)),
        row(inner.height.saturating_sub(1)),
    );
}
