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
    let lines_needed: u16 = form
        .fields
        .iter()
        .map(|f| {
            1 + u16::from(f.error.is_some())
                + u16::from(f.info.is_some())
                + u16::from(f.hint.is_some())
        })
        .sum::<u16>()
        + 4;
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
    for (i, f) in form.fields.iter().enumerate() {
        if y >= bottom {
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
            Input::Text(t) => {
                let text = t.text().replace('\n', " ⏎ ");
                frame.render_widget(Paragraph::new(text), value_area)
            }
            Input::Choice { options, index } => {
                let mut spans = Vec::new();
                for (j, o) in options.iter().enumerate() {
                    let style = if j == *index {
                        if focused { th.selected } else { th.title }
                    } else {
                        th.muted
                    };
                    let mark = if j == *index { "●" } else { "○" };
                    spans.push(Span::styled(format!("{mark} {}", o.get(lang)), style));
                    spans.push(Span::raw("  "));
                }
                frame.render_widget(Paragraph::new(Line::from(spans)), value_area);
            }
        }
        y += 1;
        for (text, style, prefix) in [
            (f.error.as_deref(), th.danger, "✗ "),
            (f.info.as_deref(), th.ok, ""),
            (f.hint.as_deref(), th.muted, ""),
        ] {
            if let Some(text) = text
                && y < bottom
            {
                frame.render_widget(
                    Paragraph::new(Span::styled(format!("{prefix}{text}"), style)),
                    Rect::new(value_x, y, value_w, 1),
                );
                y += 1;
            }
        }
    }
    frame.render_widget(
        Paragraph::new(Span::styled(footer.to_string(), th.muted)),
        Rect::new(inner.x + 1, bottom, inner.width.saturating_sub(1), 1),
    );
}
