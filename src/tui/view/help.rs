//! The `?` overlay, built from the keymap table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{centered, pane_title};
use crate::i18n::shell as s;
use crate::tui::app::App;
use crate::tui::keymap::{self, Scope};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: u16) {
    let th = &app.theme;
    let lang = app.lang;
    let r = centered(area, 70, area.height.saturating_sub(2));
    frame.render_widget(Clear, r);
    let mut lines: Vec<Line> = Vec::new();
    let scopes = app.pane_scopes();
    let sections = scopes.iter().map(|scope| match scope {
        Scope::Global | Scope::Typing => (s::HELP_GLOBAL.get(lang), *scope),
        _ => (pane_title(app.pane).get(lang), *scope),
    });
    for (title, scope) in sections {
        let bindings: Vec<_> = keymap::in_scope(scope).collect();
        if bindings.is_empty() {
            continue;
        }
        lines.push(Line::from(Span::styled(title.to_string(), th.title)));
        for b in bindings {
            let keys = b
                .keys
                .iter()
                .map(|k| k.label)
                .collect::<Vec<_>>()
                .join(" / ");
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<18}"), th.key),
                Span::raw(b.label.get(lang)),
            ]));
        }
        lines.push(Line::from(""));
    }
    lines.push(Line::from(Span::styled(s::HELP_CLOSE.get(lang), th.muted)));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(th.border)
        .title(Span::styled(
            format!(" {} ", s::HELP_TITLE.get(lang)),
            th.title,
        ));
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), r);
}
