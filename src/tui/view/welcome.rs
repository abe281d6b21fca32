//! The first-start welcome and its opening-hours form.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::centered;
use crate::calendar::WEEK;
use crate::i18n::{calendar as c, shell as s, time as t};
use crate::tui::app::App;
use crate::tui::welcome::{Welcome, hours_text};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, w: &Welcome) {
    let th = &app.theme;
    let lang = app.lang;
    if let Some(form) = &w.form {
        super::form::draw(frame, area, form, s::HOURS_FORM_HINT.get(lang), th, lang);
        return;
    }
    let r = centered(area, 84, 19);
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(th.key)
        .title(Span::styled(
            format!(" {} ", s::WELCOME_TITLE.get(lang)),
            th.title,
        ));
    let mut lines = vec![Line::from(s::WELCOME_INTRO.get(lang)), Line::from("")];
    let closed = c::SHOW_CLOSED_WEEKDAY.get(lang);
    for wd in WEEK {
        let i = wd.num_days_from_monday() as usize;
        lines.push(Line::from(format!(
            "  {:<9} {}",
            t::WEEKDAYS[i].get(lang),
            hours_text(app.calendar.weekly[i], closed)
        )));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        format!("e  {}", s::KEY_EDIT_HOURS.get(lang)),
        th.key,
    )));
    lines.push(Line::from(s::WELCOME_DEMO.get(lang)));
    // On a line of its own, so the command is never broken by the wrap.
    lines.push(Line::from(Span::styled(
        format!("  {}", w.demo_command),
        th.key,
    )));
    lines.push(Line::from(s::WELCOME_HELP.get(lang)));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        r,
    );
}
