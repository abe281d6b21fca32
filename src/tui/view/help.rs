//! The `?` overlay, built from the keymap table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{centered, pane_title};
use crate::i18n::shell as s;
use crate::tui::app::App;
use crate::tui::form;
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
    let row = |keys: &str, label: &str| {
        Line::from(vec![
            Span::styled(format!("  {keys:<18}"), th.key),
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
    if !scopes.contains(&Scope::Typing) {
        lines.extend(bindings_rows(Scope::Typing));
    }
    lines.extend(
        form::FIELD_KEYS
            .iter()
            .map(|(keys, label)| row(keys, label.get(lang))),
    );
    lines.push(Line::from(""));
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
