//! The statistics pane: the promise figures in words and numbers, a bar
//! per week for the trend, a weekday × hour table of when the line is
//! busiest, and the items that missed. Shapes and numbers carry the
//! meaning; colour only helps.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::i18n::{Lang, stats as st, time as t};
use crate::stats::Figures;
use crate::stats::text::{headline, missed_line, period_line};
use crate::tui::app::App;
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let th = &app.theme;
    let lang = app.lang;
    let Some(f) = &app.stats.figures else {
        if app.stats.computing() {
            frame.render_widget(
                Paragraph::new(st::COMPUTING.get(lang)).style(th.muted),
                area,
            );
        } else if app.stats.error {
            frame.render_widget(
                Paragraph::new(st::ERR_LOAD.get(lang)).style(th.danger),
                area,
            );
        }
        return;
    };
    let [top, body] = Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(area);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!("◀ {} ▶", period_line(&f.period, lang)), th.title),
            Span::styled(format!("   {}", st::PERIOD_HINT.get(lang)), th.muted),
            Span::styled(
                if app.stats.computing() {
                    format!("   {}", st::COMPUTING.get(lang))
                } else {
                    String::new()
                },
                th.warning,
            ),
        ])),
        top,
    );
    // The weekday × hour table needs 58 columns at two per hour.
    let right_w = if body.width >= 110 {
        58
    } else {
        body.width / 2
    };
    let [mut left, _, right] = Layout::horizontal([
        Constraint::Min(10),
        Constraint::Length(1),
        Constraint::Length(right_w),
    ])
    .areas(body);
    let lines: Vec<Line> = headline(f, lang)
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            // The two "not in the share" lines are secondary.
            let style = if i == 1 || i == 3 { th.muted } else { th.base };
            Line::styled(l, style)
        })
        .collect();
    let numbers_text = Paragraph::new(lines).wrap(Wrap { trim: false });
    // The numbers get every row they need once wrapped, and one to
    // breathe; the trend picture gets what is left (it steps aside when
    // that is too little). The figures are the truth, the picture a help.
    let rows = |width: u16| {
        u16::try_from(numbers_text.line_count(width))
            .unwrap_or(u16::MAX)
            .saturating_add(1)
    };
    if rows(left.width) > body.height {
        // Too narrow for the numbers beside the pictures: the numbers get
        // the whole width, the missed deadlines what is left below them,
        // and the pictures step aside.
        left = body;
        let [numbers, missed] =
            Layout::vertical([Constraint::Length(rows(left.width)), Constraint::Min(0)])
                .areas(left);
        frame.render_widget(numbers_text, numbers);
        if missed.height >= 2 {
            draw_missed(frame, missed, app, f);
        }
        return;
    }
    let [numbers, trend] =
        Layout::vertical([Constraint::Length(rows(left.width)), Constraint::Min(0)]).areas(left);
    frame.render_widget(numbers_text, numbers);
    draw_trend(frame, trend, f, th, lang);
    let [heat, missed] =
        Layout::vertical([Constraint::Length(11), Constraint::Min(2)]).areas(right);
    draw_heat(frame, heat, f, th, lang);
    draw_missed(frame, missed, app, f);
}

/// One column per ISO week, or per month when the weeks do not fit (the
/// latest that fit): a bar as high as the share kept, the per cent under
/// it ("–" when nothing was due), and the week or month.
fn draw_trend(frame: &mut Frame, area: Rect, f: &Figures, th: &Theme, lang: Lang) {
    if area.height < 4 || area.width < 4 {
        return;
    }
    const COL: usize = 4;
    let n = (area.width as usize / COL).max(1);
    let by_week = f.weeks.len() <= n;
    let (all, title) = if by_week {
        (&f.weeks, st::TREND_WEEKS)
    } else {
        (&f.months, st::TREND_MONTHS)
    };
    let weeks = &all[all.len().saturating_sub(n)..];
    let bar_rows = area.height as usize - 3;
    let mut rows: Vec<String> = vec![String::new(); bar_rows];
    let mut values = String::new();
    let mut labels = String::new();
    const EIGHTHS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
    for w in weeks {
        let pct = w.voicemail.percent();
        // Eighths of a row, rounded, so 1 % still shows.
        let filled = pct.map_or(0, |p| {
            let e = (p as usize * bar_rows * 8).div_ceil(100);
            if p > 0 { e.max(1) } else { 0 }
        });
        for (r, row) in rows.iter_mut().enumerate() {
            let from_bottom = bar_rows - 1 - r;
            let here = filled.saturating_sub(from_bottom * 8).min(8);
            row.push_str(&EIGHTHS[here].repeat(3));
            row.push(' ');
        }
        let v = pct.map_or("–".to_string(), |p| p.to_string());
        values.push_str(&format!("{v:>3} "));
        let label = if by_week {
            st::WEEK_SHORT.fill(lang, &[("n", &w.number)])
        } else {
            let month = t::MONTHS_SHORT[(w.number as usize + 11) % 12].get(lang);
            month.trim_end_matches('.').chars().take(3).collect()
        };
        labels.push_str(&format!("{label:>3} "));
    }
    let mut lines = vec![Line::styled(title.get(lang), th.title)];
    lines.extend(rows.into_iter().map(|r| Line::styled(r, th.ok)));
    lines.push(Line::raw(values));
    lines.push(Line::styled(labels, th.muted));
    frame.render_widget(Paragraph::new(lines), area);
}

/// Weekday rows × hour columns, shaded by count, with the row total.
fn draw_heat(frame: &mut Frame, area: Rect, f: &Figures, th: &Theme, lang: Lang) {
    let v = &f.volume;
    let max = v.busiest();
    // Two characters per hour when there is room, else one.
    let cw = if area.width as usize >= 5 + 48 + 5 {
        2
    } else {
        1
    };
    let every = if cw == 2 { 3 } else { 6 };
    let mut header = String::from("     ");
    for h in (0..24).step_by(every) {
        header.push_str(&format!("{:<w$}", format!("{h:02}"), w = cw * every));
    }
    let mut lines = vec![
        Line::styled(st::HEAT_TITLE.get(lang), th.title),
        Line::styled(header, th.muted),
    ];
    for (d, row) in v.heat.iter().enumerate() {
        let mut spans = vec![Span::raw(format!("{:<5}", t::WEEKDAYS_SHORT[d].get(lang)))];
        for &n in row {
            let (sym, style) = match n {
                0 => ("·", th.muted),
                n => {
                    let level = (n * 4).div_ceil(max.max(1)).clamp(1, 4);
                    (["░", "▒", "▓", "█"][level as usize - 1], th.base)
                }
            };
            spans.push(Span::styled(sym.repeat(cw), style));
        }
        spans.push(Span::raw(format!(" {:>3}", v.by_weekday[d])));
        lines.push(Line::from(spans));
    }
    lines.push(Line::styled(
        st::HEAT_LEGEND.fill(lang, &[("max", &max)]),
        th.muted,
    ));
    frame.render_widget(Paragraph::new(lines), area);
}

fn draw_missed(frame: &mut Frame, area: Rect, app: &App, f: &Figures) {
    let th = &app.theme;
    let lang = app.lang;
    let mut lines = vec![Line::styled(
        st::MISSED_TITLE.fill(lang, &[("n", &f.missed.len())]),
        th.title,
    )];
    if f.missed.is_empty() {
        lines.push(Line::styled(st::MISSED_NONE.get(lang), th.ok));
    }
    let tz = app.calendar.tz;
    // Only what fits (a line takes at least one row): a year can have
    // thousands.
    let rows = usize::from(area.height);
    for m in f.missed.iter().skip(app.stats.scroll).take(rows) {
        lines.push(Line::styled(missed_line(m, tz, lang), th.danger));
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
        area,
    );
}
