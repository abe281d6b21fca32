//! Drawing: a pure function of the app state.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::app::{App, Pane};
use super::popup::Popup;
use crate::i18n::shell as s;

pub mod directory;
mod form;
pub mod help;
pub mod log;
pub mod queue;
mod stats;
mod status;
mod welcome;

/// Below this the layout cannot show a useful queue.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let th = &app.theme;
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = s::TOO_SMALL.fill(app.lang, &[("w", &MIN_WIDTH), ("h", &MIN_HEIGHT)]);
        // The emergency numbers stay on screen at any size: the last line,
        // in full when it fits, else the numbers alone.
        let [msg_area, sos_area] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
        frame.render_widget(
            Paragraph::new(msg)
                .style(th.warning)
                .wrap(Wrap { trim: true }),
            msg_area,
        );
        let full = s::EMERGENCY.get(app.lang);
        let sos = if ratatui::text::Line::from(full).width() <= usize::from(area.width) {
            full
        } else {
            s::EMERGENCY_SHORT.get(app.lang)
        };
        frame.render_widget(Paragraph::new(sos).style(th.danger), sos_area);
        return;
    }
    let banner_h = banner_height(app);
    let [top, banner, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(banner_h),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    status::draw_top(frame, top, app);
    if let Some(msg) = app.fault.message() {
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" ✗ {msg}"), th.danger)),
            banner,
        );
    } else if let Some(h) = app.pending_handover.as_ref().filter(|_| !app.privacy) {
        let text = crate::i18n::log::BANNER_PENDING.fill(
            app.lang,
            &[
                ("by", &h.given_by),
                (
                    "when",
                    &crate::timefmt::when_words(h.given_at, app.now, app.calendar.tz, app.lang),
                ),
            ],
        );
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" ▶ {text}"), th.danger)),
            banner,
        );
    }
    draw_pane(frame, body, app);
    status::draw_footer(frame, footer, app);
    // Only the overlay on top is drawn: two never cover each other.
    match app.top_popup() {
        Some(Popup::Help { scroll }) => help::draw(frame, body, app, *scroll),
        Some(Popup::ConfirmQuit) => draw_confirm(
            frame,
            body,
            app,
            s::CONFIRM_QUIT_TITLE.get(app.lang),
            s::CONFIRM_QUIT_UNSAVED.get(app.lang),
        ),
        Some(Popup::Welcome(w)) => welcome::draw(frame, body, app, w),
        Some(Popup::Who(field)) => draw_who(frame, body, app, field),
        None => {}
    }
}

/// The banner line under the top line: shown for a failed read or a
/// handover waiting (not while caller data is hidden).
fn banner_height(app: &App) -> u16 {
    u16::from(app.fault.is_set() || app.pending_handover.is_some() && !app.privacy)
}

/// The height of the pane area (between the top line, the banner and the
/// footer) in a terminal `height` lines tall.
pub fn body_height(app: &App, height: u16) -> u16 {
    height.saturating_sub(2 + banner_height(app))
}

fn draw_who(frame: &mut Frame, area: Rect, app: &App, field: &crate::tui::input::Field) {
    let th = &app.theme;
    let lang = app.lang;
    let r = centered(area, 50, 7);
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(th.key)
        .title(Span::styled(
            format!(" {} ", crate::i18n::log::WHO_TITLE.get(lang)),
            th.title,
        ));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    frame.render_widget(
        Paragraph::new(crate::i18n::log::WHO_PROMPT.get(lang)),
        Rect { height: 1, ..inner },
    );
    frame.render_widget(
        field.textarea(),
        Rect {
            y: inner.y + 2,
            height: 1,
            ..inner
        },
    );
    frame.render_widget(
        Paragraph::new(Span::styled(crate::i18n::log::WHO_HINT.get(lang), th.muted)),
        Rect {
            y: inner.y + inner.height.saturating_sub(1),
            height: 1,
            ..inner
        },
    );
}

pub fn pane_title(pane: Pane) -> crate::i18n::Msg {
    match pane {
        Pane::Callbacks => s::PANE_CALLBACKS,
        Pane::Directory => s::PANE_DIRECTORY,
        Pane::Log => s::PANE_LOG,
        Pane::Stats => s::PANE_STATS,
    }
}

fn draw_pane(frame: &mut Frame, area: Rect, app: &App) {
    let th = &app.theme;
    let mut title = vec![Span::styled(
        format!(" {} ", pane_title(app.pane).get(app.lang)),
        th.title,
    )];
    if app.pane == Pane::Callbacks && !app.privacy && !app.queue.fault.is_set() {
        title.push(Span::styled(format!("─ {} ", queue::title(app)), th.title));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(th.border)
        .title(Line::from(title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if app.privacy && app.pane != Pane::Directory {
        frame.render_widget(
            Paragraph::new(s::PRIVACY_SCREEN.get(app.lang)).style(th.muted),
            inner,
        );
        return;
    }
    match app.pane {
        Pane::Callbacks => queue::draw(frame, inner, app),
        Pane::Directory => directory::draw(frame, inner, app),
        Pane::Log => log::draw(frame, inner, app),
        Pane::Stats => stats::draw(frame, inner, app),
    }
}

/// What a list shows when it has no rows: the read that failed, if one
/// did (never "nothing here" then), else the sentence for an empty list.
pub fn draw_no_rows(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    fault: &crate::tui::fault::ReadFault,
    empty: crate::i18n::Msg,
) {
    let th = &app.theme;
    let Some(msg) = fault.message() else {
        frame.render_widget(Paragraph::new(empty.get(app.lang)).style(th.muted), area);
        return;
    };
    let text = Text::from(vec![
        Line::from(Span::styled(format!("✗ {msg}"), th.danger)),
        Line::from(Span::styled(s::READ_RETRY.get(app.lang), th.muted)),
    ]);
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

/// A centred box of at most `w`×`h`, clamped to `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

pub fn draw_confirm(frame: &mut Frame, area: Rect, app: &App, title: &str, text: &str) {
    let r = centered(area, 60, 6);
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.warning)
        .title(Span::styled(format!(" {title} "), app.theme.title));
    frame.render_widget(
        Paragraph::new(Line::from(text))
            .wrap(Wrap { trim: true })
            .block(block)
            .style(Style::new()),
        r,
    );
}

/// A list drawn as a table: the selected row marked with "▶" and the
/// theme's selection style (ratatui's own highlight, kept by `TableState`).
pub fn draw_list(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    table: ratatui::widgets::Table,
    selected: Option<usize>,
) {
    use ratatui::widgets::{HighlightSpacing, TableState};
    let table = table
        .column_spacing(1)
        .row_highlight_style(app.theme.selected)
        .highlight_symbol("▶ ")
        .highlight_spacing(HighlightSpacing::Always);
    let mut state = TableState::default().with_selected(selected);
    frame.render_stateful_widget(table, area, &mut state);
}
