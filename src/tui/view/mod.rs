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
pub mod stats;
mod status;
mod welcome;
mod who;

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
        let when = crate::timefmt::when_words(h.given_at, app.now, app.calendar.tz, app.lang);
        let args: [(&str, &dyn std::fmt::Display); 2] = [("by", &h.given_by), ("when", &when)];
        let full = crate::i18n::log::BANNER_PENDING.fill(app.lang, &args);
        let room = usize::from(banner.width).saturating_sub(3);
        // Narrow: the short sentence, and if even that is too long, its
        // start cut: where to go and the key to press stay whole.
        let text = if width(&full) <= room {
            full
        } else {
            fit_keep_end(
                &crate::i18n::log::BANNER_PENDING_SHORT.fill(app.lang, &args),
                crate::i18n::log::BANNER_PENDING_KEY.get(app.lang),
                room,
            )
        };
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
        Some(Popup::Who(w)) => who::draw(frame, body, app, w),
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

pub fn pane_title(pane: Pane) -> crate::i18n::Msg {
    pane.name()
}

fn draw_pane(frame: &mut Frame, area: Rect, app: &App) {
    let th = &app.theme;
    let mut title = vec![Span::styled(
        format!(" {} ", pane_title(app.pane).get(app.lang)),
        th.title,
    )];
    let spec = app.pane.spec();
    if !app.privacy
        && let Some(sub) = spec.subtitle.and_then(|f| f(app))
    {
        title.push(Span::styled(format!("─ {sub} "), th.title));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(th.border)
        .title(Line::from(title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if app.privacy && spec.shows_caller_data {
        frame.render_widget(
            Paragraph::new(s::PRIVACY_SCREEN.get(app.lang)).style(th.muted),
            inner,
        );
        return;
    }
    (spec.draw)(frame, inner, app);
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

/// How many columns `text` takes on a terminal.
pub fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// `text` in at most `max` columns: whole if it fits, else as many whole
/// characters as fit, then "…". Widths are the terminal's (a wide letter
/// takes two columns), and a character made of several code points (an
/// accent, a flag, a skin tone) is kept whole or left out, never split.
/// Every list cuts its cells with this, so a cut always shows.
pub fn fit(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    use unicode_segmentation::UnicodeSegmentation;
    if width(text) <= max {
        return std::borrow::Cow::Borrowed(text);
    }
    if max == 0 {
        return std::borrow::Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = width(g);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push_str(g);
    }
    // A space before the mark says nothing: "etter kl…" not "etter …".
    let kept = out.trim_end().len();
    out.truncate(kept);
    out.push('…');
    std::borrow::Cow::Owned(out)
}

/// The first of `forms` (most to least wordy) that fits in `max` columns;
/// if none does, the last, cut with "…".
pub fn fit_first(forms: &[String], max: usize) -> String {
    forms
        .iter()
        .find(|f| width(f) <= max)
        .cloned()
        .unwrap_or_else(|| fit(forms.last().map_or("", |f| f), max).into_owned())
}

/// `head` then `tail` in at most `max` columns, cutting `head` (with "…")
/// and never `tail` (the key to press, the time).
pub fn fit_keep_end(head: &str, tail: &str, max: usize) -> String {
    let room = max.saturating_sub(width(tail));
    format!("{}{tail}", fit(head, room))
}

/// The columns a list row has for its cells: its width less the "▶ "
/// selection mark and a space between each two of `columns` cells.
pub fn list_room(area: Rect, columns: u16) -> usize {
    usize::from(
        area.width
            .saturating_sub(2)
            .saturating_sub(columns.saturating_sub(1)),
    )
}

/// The widths `constraints` give a list's columns in `area` (after the
/// "▶ " mark, a space between columns), as whole numbers to cut cells to
/// with [`fit`] and to draw with as `Constraint::Length`.
pub fn list_widths(area: Rect, constraints: &[Constraint]) -> Vec<usize> {
    let row = Rect::new(0, 0, area.width.saturating_sub(2), 1);
    Layout::horizontal(constraints.iter().copied())
        .spacing(1)
        .split(row)
        .iter()
        .map(|r| usize::from(r.width))
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_with_an_ellipsis_by_terminal_width() {
        assert_eq!(fit("kort", 10), "kort");
        assert_eq!(fit("kort", 4), "kort");
        assert_eq!(fit("kortere", 4), "kor…");
        assert_eq!(fit("abc", 1), "…");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(fit("", 0), "");
        // A space is not left before the mark.
        assert_eq!(fit("etter kl. 16", 7), "etter…");
        // Wide letters take two columns: never half of one.
        assert_eq!(fit("日本語テキスト", 6), "日本…");
        assert_eq!(width(&fit("日本語テキスト", 5)), 5);
        assert_eq!(fit("日本語テキスト", 4), "日…");
        // A letter with a combining accent, a flag and a toned emoji are
        // each one character: kept whole or left out.
        let e = "e\u{301}e\u{301}e\u{301}";
        assert_eq!(fit(e, 3), e);
        assert_eq!(fit(e, 2), "e\u{301}…");
        let flags = "🇳🇴🇳🇴🇳🇴";
        assert_eq!(fit(flags, 5), "🇳🇴🇳🇴…");
        assert!(fit(flags, 4).starts_with("🇳🇴"));
        assert!(!fit(flags, 4).contains("🇳🇴🇳🇴"));
        let thumbs = "👍🏽👍🏽";
        assert_eq!(fit(thumbs, 3), "👍🏽…");
    }

    #[test]
    fn fit_never_exceeds_the_width() {
        let texts = [
            "nytt forsøk i morgen 09:00",
            "✉✗ ⏲ etter kl. 16",
            "日本語 and ascii 👍🏽 mixed",
            "«Kari» Ønsker å snakke om søster",
        ];
        for t in texts {
            for max in 0..40 {
                let f = fit(t, max);
                assert!(width(&f) <= max, "{t:?} in {max}: {f:?}");
                if width(t) > max && max > 0 {
                    assert!(f.ends_with('…'), "{t:?} in {max}: {f:?}");
                }
                assert!(t.starts_with(f.trim_end_matches('…')), "{t:?} {f:?}");
            }
        }
    }

    #[test]
    fn the_first_form_that_fits_and_the_end_kept() {
        let forms = [
            "try again tomorrow 09:00".to_string(),
            "↻ tomorrow 09:00".to_string(),
        ];
        assert_eq!(fit_first(&forms, 30), "try again tomorrow 09:00");
        assert_eq!(fit_first(&forms, 20), "↻ tomorrow 09:00");
        assert_eq!(fit_first(&forms, 10), "↻ tomorro…");
        assert_eq!(
            fit_keep_end("Handover from KH is not acknowledged. ", "Key h.", 30),
            "Handover from KH is not…Key h."
        );
        assert_eq!(fit_keep_end("abc", "Key h.", 4), "Key h.");
    }
}
