//! The top line (panes, clock, open state, who is on duty) and the footer
//! (the keys that work now, and the emergency numbers).

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::pane_title;
use crate::calendar::OpenState;
use crate::i18n::shell as s;
use crate::timefmt;
use crate::tui::app::{App, Pane};
use crate::tui::keymap::{self, Action};

pub fn draw_top(frame: &mut Frame, area: Rect, app: &App) {
    let th = &app.theme;
    let privacy = app
        .privacy
        .then(|| format!("{} · ", s::PRIVACY_ON.get(app.lang)));
    let privacy_w = privacy.as_ref().map_or(0, |p| super::width(p));
    let (form, right) = fit_top(app, usize::from(area.width), privacy_w);
    let right_w = (privacy_w + super::width(&right)) as u16 + 1;
    let [l, r] = Layout::horizontal([Constraint::Min(1), Constraint::Length(right_w)]).areas(area);
    let mut tabs = vec![Span::styled(
        format!(" {} ", s::APP_NAME.get(app.lang)),
        th.title,
    )];
    for (i, pane) in Pane::ALL.iter().enumerate() {
        tabs.push(Span::styled("│", th.border));
        let style = if *pane == app.pane {
            th.tab_active
        } else {
            th.tab_inactive
        };
        let marker = if *pane == app.pane { "▶" } else { " " };
        tabs.push(Span::styled(
            format!("{marker}{}", tab_label(app, form, i, *pane)),
            style,
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(tabs)), l);
    let mut spans = vec![];
    if let Some(p) = privacy {
        spans.push(Span::styled(p, th.warning));
    }
    spans.push(Span::raw(right));
    frame.render_widget(Paragraph::new(Line::from(spans)).right_aligned(), r);
}

/// How the top line fits in `width` columns: the tab form and the status
/// text. Room is given up in this order: the other panes' names (the
/// help lists the keys), the name of the pane on screen (its frame says
/// it), the weekday, the date (the time stays), then the time. The open
/// state and who is on duty are never dropped.
fn fit_top(app: &App, width: usize, privacy_w: usize) -> (u8, String) {
    let tabs_w = |form: u8| -> usize {
        Pane::ALL
            .iter()
            .enumerate()
            .map(|(i, p)| 2 + super::width(&tab_label(app, form, i, *p)))
            .sum::<usize>()
            + super::width(s::APP_NAME.get(app.lang))
            + 2
    };
    // The open state and who is on duty are worked out once; only the
    // clock in front of them varies.
    let tz = app.calendar.tz;
    let bare = status_text(app);
    let local = app.now.with_timezone(&tz);
    let date = crate::i18n::time::CLOCK_DATE.fill(
        app.lang,
        &[
            ("day", &local.day()),
            ("mon", &timefmt::month_short(local.date_naive(), app.lang)),
            ("time", &local.format("%H:%M")),
        ],
    );
    let full = format!("{} · {bare}", timefmt::clock_line(app.now, tz, app.lang));
    let medium = format!("{date} · {bare}");
    let short = format!("{} · {bare}", local.format("%H:%M"));
    let tries = [
        (0, &full),
        (2, &full),
        (3, &full),
        (3, &medium),
        (3, &short),
        (3, &bare),
    ];
    let (form, right) = tries
        .iter()
        .find(|(form, right)| tabs_w(*form) + privacy_w + super::width(right) < width)
        .unwrap_or(&tries[5]);
    (*form, (*right).clone())
}

/// "1 Callbacks": the key that opens the pane, then its name, on every tab
/// (form 0), so the number reads as a key, never as a count ("Name (1)"
/// did). With less room the other tabs show their key alone (form 2), and
/// then the pane on screen too (form 3: its frame names it).
fn tab_label(app: &App, form: u8, i: usize, pane: Pane) -> String {
    let name = pane_title(pane).get(app.lang);
    match form {
        0 => format!("{} {name}", i + 1),
        2 if pane == app.pane => format!("{} {name}", i + 1),
        _ => format!("{}", i + 1),
    }
}

/// "ÅPEN til 15:00 · Vakt: KH": the status without the clock, which
/// [`fit_top`] puts in front as room allows.
pub fn status_text(app: &App) -> String {
    let tz = app.calendar.tz;
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
    let intake = match app.intake_failures {
        0 => String::new(),
        1 => format!(
            " · {}",
            crate::i18n::intake::STATUS_FAILED_ONE.get(app.lang)
        ),
        n => format!(
            " · {}",
            crate::i18n::intake::STATUS_FAILED.fill(app.lang, &[("count", &n)])
        ),
    };
    format!("{open} · {duty}{intake}")
}

/// The footer: the keys that work now (or the last action's message) and
/// the emergency numbers. When the keys do not all fit, the numbers are
/// shown without their word, then keys are left out from the end, each
/// whole: a key is never shown cut.
pub fn draw_footer(frame: &mut Frame, area: Rect, app: &App) {
    let th = &app.theme;
    let lang = app.lang;
    let bindings = match &app.flash {
        Some(_) => Vec::new(),
        None => keymap::footer(&app.scopes()),
    };
    let hints: Vec<(&str, &str, bool)> = bindings
        .iter()
        .map(|b| {
            (
                b.shown_key(lang).label,
                keymap::label(b, app.privacy).get(lang),
                app.is_enabled(b.action),
            )
        })
        .collect();
    let hints_w = |shown: &[usize]| -> usize {
        1 + shown
            .iter()
            .map(|i| super::width(hints[*i].0) + 1 + super::width(hints[*i].1))
            .sum::<usize>()
            + 3 * shown.len().saturating_sub(1)
    };
    let all: Vec<usize> = (0..hints.len()).collect();
    let left_w = match &app.flash {
        Some(f) => 1 + super::width(&f.text),
        None => hints_w(&all),
    };
    let full = s::EMERGENCY.get(lang);
    let emergency = if left_w + super::width(full) < usize::from(area.width) {
        full
    } else {
        s::EMERGENCY_SHORT.get(lang)
    };
    let ew = super::width(emergency) as u16 + 1;
    let [l, r] = Layout::horizontal([Constraint::Min(1), Constraint::Length(ew)]).areas(area);
    frame.render_widget(
        Paragraph::new(Span::styled(emergency, th.emergency)).right_aligned(),
        r,
    );
    let room = usize::from(l.width);
    let mut spans = vec![Span::raw(" ")];
    if let Some(flash) = &app.flash {
        let style = if flash.error { th.danger } else { th.ok };
        if super::width(&flash.text) + 1 > room {
            // Too long for the line: wrapped upwards over the bottom of
            // the pane, whole (a message cut mid-sentence can drop the
            // part that matters), the emergency numbers still beside it.
            let text = Paragraph::new(Span::styled(flash.text.clone(), style))
                .wrap(ratatui::widgets::Wrap { trim: true });
            let width = l.width.saturating_sub(1).max(1);
            let rows = u16::try_from(text.line_count(width))
                .unwrap_or(u16::MAX)
                .clamp(1, area.y.saturating_add(1).min(4));
            let over = Rect {
                x: l.x,
                y: area.y + 1 - rows,
                width: l.width,
                height: rows,
            };
            frame.render_widget(ratatui::widgets::Clear, over);
            frame.render_widget(
                text,
                Rect {
                    x: over.x + 1,
                    width,
                    ..over
                },
            );
            return;
        }
        spans.push(Span::styled(flash.text.clone(), style));
    } else {
        // Kept first: help (it lists every key), then hiding the screen,
        // then the pane's keys in order, quitting last; shown in the
        // table's order.
        let rank = |i: &usize| match bindings[*i].action {
            Action::Help => 0,
            Action::TogglePrivacy => 1,
            Action::Quit => usize::MAX,
            _ => 2 + i,
        };
        let mut by_rank = all.clone();
        by_rank.sort_by_key(rank);
        let mut shown: Vec<usize> = Vec::new();
        for i in by_rank {
            let mut with = shown.clone();
            with.push(i);
            with.sort_unstable();
            if hints_w(&with) <= room {
                shown = with;
            }
        }
        for (n, (key, label, enabled)) in shown.iter().map(|i| hints[*i]).enumerate() {
            if n > 0 {
                spans.push(Span::styled(" · ", th.muted));
            }
            let key_style = if enabled { th.key } else { th.key_disabled };
            let label_style = if enabled { th.base } else { th.key_disabled };
            spans.push(Span::styled(key, key_style));
            spans.push(Span::styled(format!(" {label}"), label_style));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), l);
}
