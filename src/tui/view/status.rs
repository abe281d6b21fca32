//! The top line (panes, clock, open state, who is on duty) and the footer
//! (the keys that work now, and the emergency numbers).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::pane_title;
use crate::calendar::OpenState;
use crate::i18n::shell as s;
use crate::timefmt;
use crate::tui::app::{App, Pane};
use crate::tui::keymap;

pub fn draw_top(frame: &mut Frame, area: Rect, app: &App) {
    let th = &app.theme;
    let mut tabs = vec![Span::styled(
        format!(" {} ", s::APP_NAME.get(app.lang)),
        th.title,
    )];
    let right = status_text(app);
    let right_w = right.chars().count() as u16 + 1;
    let [l, r] = Layout::horizontal([Constraint::Min(1), Constraint::Length(right_w)]).areas(area);
    // "Name (n)" for every pane when all fit; else the panes not on
    // screen lose "(n)", then their name (the help lists the keys).
    let label = |form: u8, i: usize, pane: Pane| {
        let name = pane_title(pane).get(app.lang);
        match form {
            _ if pane == app.pane => format!("{name} ({})", i + 1),
            0 => format!("{name} ({})", i + 1),
            1 => name.to_string(),
            _ => format!("{}", i + 1),
        }
    };
    let used = |form: u8| -> usize {
        Pane::ALL
            .iter()
            .enumerate()
            .map(|(i, p)| 2 + label(form, i, *p).chars().count())
            .sum::<usize>()
            + s::APP_NAME.get(app.lang).chars().count()
            + 2
    };
    let form = (0..2)
        .find(|f| used(*f) <= usize::from(l.width))
        .unwrap_or(2);
    for (i, pane) in Pane::ALL.iter().enumerate() {
        tabs.push(Span::styled("│", th.border));
        let style = if *pane == app.pane {
            th.tab_active
        } else {
            th.tab_inactive
        };
        let marker = if *pane == app.pane { "▶" } else { " " };
        tabs.push(Span::styled(
            format!("{marker}{}", label(form, i, *pane)),
            style,
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(tabs)), l);
    let mut spans = vec![];
    if app.privacy {
        spans.push(Span::styled(
            format!("{} · ", s::PRIVACY_ON.get(app.lang)),
            th.warning,
        ));
    }
    spans.push(Span::raw(right));
    frame.render_widget(Paragraph::new(Line::from(spans)).right_aligned(), r);
}

/// "man. 23. nov. 10:42 · ÅPEN til 15:00 · Vakt: KH"
pub fn status_text(app: &App) -> String {
    let tz = app.calendar.tz;
    let clock = timefmt::clock_line(app.now, tz, app.lang);
    let open = match app.calendar.open_state(app.now) {
        OpenState::OpenUntil(t) => {
            s::OPEN_UNTIL.fill(app.lang, &[("time", &t.with_timezone(&tz).format("%H:%M"))])
        }
        OpenState::ClosedUntil(Some(t)) => s::CLOSED_UNTIL.fill(
            app.lang,
            &[("when", &timefmt::when_words(t, app.now, tz, app.lang))],
        ),
        OpenState::ClosedUntil(None) => s::CLOSED_NO_OPENING.get(app.lang).to_string(),
    };
    let duty = match &app.on_duty {
        Some(name) => s::ON_DUTY.fill(app.lang, &[("name", name)]),
        None => s::NOBODY_ON_DUTY.get(app.lang).to_string(),
    };
    format!("{clock} · {open} · {duty}")
}

pub fn draw_footer(frame: &mut Frame, area: Rect, app: &App) {
    let th = &app.theme;
    let emergency = s::EMERGENCY.get(app.lang);
    let ew = emergency.chars().count() as u16 + 1;
    let [l, r] = Layout::horizontal([Constraint::Min(1), Constraint::Length(ew)]).areas(area);
    let mut spans = vec![Span::raw(" ")];
    if let Some(flash) = &app.flash {
        let style = if flash.error { th.danger } else { th.ok };
        spans.push(Span::styled(flash.text.clone(), style));
    } else {
        for (i, b) in keymap::footer(&app.scopes()).into_iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(" · ", th.muted));
            }
            let enabled = app.is_enabled(b.action);
            let key_style = if enabled { th.key } else { th.key_disabled };
            let label_style = if enabled { th.base } else { th.key_disabled };
            spans.push(Span::styled(b.keys[0].label, key_style));
            spans.push(Span::styled(
                format!(" {}", b.label.get(app.lang)),
                label_style,
            ));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), l);
    frame.render_widget(
        Paragraph::new(Span::styled(emergency, th.emergency)).right_aligned(),
        r,
    );
}
