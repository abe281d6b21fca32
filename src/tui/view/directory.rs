//! The referral directory pane: search box, results with open-now and
//! freshness, and the selected service in full.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, Wrap};

use crate::directory::ages::ages_text;
use crate::directory::{Freshness, Hours, Service, Status, freshness, hours};
use crate::i18n::{Lang, directory as d, time as tm};
use crate::tui::app::App;
use crate::tui::directory::Mode;
use crate::tui::form::{FieldId, Form};

/// Lines of the detail box under the list.
pub const DETAIL_HEIGHT: u16 = 8;

fn fresh(s: &Service, app: &App) -> Freshness {
    freshness(
        s.last_verified_at,
        app.now,
        app.calendar.tz,
        app.config.directory.stale_days,
    )
}

/// How many result rows fit in a terminal `height` lines tall: the top
/// line, the footer, the pane's borders, the search line, the banner, the
/// header row and the detail box.
pub fn list_rows(height: u16) -> usize {
    usize::from(height.saturating_sub(4 + 3 + DETAIL_HEIGHT)).max(1)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let [search, banner, list, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(2),
        Constraint::Length(DETAIL_HEIGHT),
    ])
    .areas(area);
    draw_search(frame, search, app);
    draw_banner(frame, banner, app);
    draw_list(frame, list, app);
    draw_detail(frame, detail, app);
    let st = &app.directory;
    let lang = app.lang;
    match &st.mode {
        Mode::List | Mode::Search => {}
        Mode::Form { form, .. } => draw_form_window(frame, area, form, app),
        Mode::Deactivate { form, .. } => super::form::draw(
            frame,
            area,
            form,
            d::DEACTIVATE_KEYS.get(lang),
            &app.theme,
            lang,
        ),
        Mode::ReferAsk {
            service, caller, ..
        } => super::draw_confirm(
            frame,
            area,
            app,
            d::REFER_ASK_TITLE.get(lang),
            &d::REFER_ASK.fill(
                lang,
                &[
                    ("service", &service.name),
                    ("number", &caller.number),
                    ("received", &caller.received),
                ],
            ),
        ),
        Mode::Problem { form, .. } => draw_form_window(frame, area, form, app),
        Mode::Filter { form } => draw_form_window(frame, area, form, app),
    }
}

/// A form of the pane with its hint: the entry, problem or filter form
/// (the entry form is taller than most windows: `form::draw` shows the
/// fields around the focused one and says how many more there are).
fn draw_form_window<F: FieldId>(frame: &mut Frame, area: Rect, form: &Form<F>, app: &App) {
    super::form::draw(
        frame,
        area,
        form,
        d::DIR_FORM_HINT.get(app.lang),
        &app.theme,
        app.lang,
    );
}

fn draw_search(frame: &mut Frame, area: Rect, app: &App) {
    let th = &app.theme;
    let lang = app.lang;
    let st = &app.directory;
    let label = format!("{} ", d::SEARCH_LABEL.get(lang));
    let lw = label.chars().count() as u16;
    let focused = matches!(st.mode, Mode::Search);
    frame.render_widget(
        Paragraph::new(Span::styled(
            label,
            if focused { th.title } else { th.base },
        )),
        Rect::new(area.x, area.y, lw.min(area.width), 1),
    );
    let count = if st.reading.more {
        d::TITLE_COUNT_MORE.fill(lang, &[("n", &st.rows.len())])
    } else {
        d::TITLE_COUNT.fill(lang, &[("n", &st.rows.len())])
    };
    let filters = st.filter_words(lang);
    let right = if filters.is_empty() {
        count
    } else {
        format!(
            "{} · {count}",
            d::FILTER_ON.fill(lang, &[("filters", &filters)])
        )
    };
    let rw = (right.chars().count() as u16 + 1).min(area.width / 2);
    let box_w = area.width.saturating_sub(lw + rw);
    let box_area = Rect::new(area.x + lw, area.y, box_w, 1);
    if focused {
        frame.render_widget(st.query.textarea(), box_area);
    } else if st.query.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(d::SEARCH_EMPTY_HINT.get(lang), th.muted)),
            box_area,
        );
    } else {
        frame.render_widget(Paragraph::new(st.query.text()), box_area);
    }
    frame.render_widget(
        Paragraph::new(Span::styled(right, th.muted)),
        Rect::new(area.x + area.width.saturating_sub(rw), area.y, rw, 1),
    );
}

fn draw_banner(frame: &mut Frame, area: Rect, app: &App) {
    let n = app
        .directory
        .rows
        .iter()
        .filter(|s| fresh(s, app).needs_verifying())
        .count();
    let mut spans = Vec::new();
    if n > 0 {
        spans.push(Span::styled(
            format!("! {}", d::BANNER_UNVERIFIED.fill(app.lang, &[("n", &n)])),
            app.theme.warning,
        ));
    }
    // How the query was read, so a list narrowed to a place or found
    // through a corrected word never looks like what was typed.
    for line in d::search_reading(
        app.directory.reading.place_reading(),
        app.directory.reading.corrected.as_deref(),
        app.lang,
    ) {
        if !spans.is_empty() {
            spans.push(Span::raw(" · "));
        }
        spans.push(Span::styled(line, app.theme.title));
    }
    if !spans.is_empty() {
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
    }
}

/// "ÅPENT", "stengt" or "?" for a service now.
pub fn open_word(s: &Service, app: &App) -> (&'static str, bool) {
    match s.hours.open_at(app.now, app.calendar.tz) {
        Some(true) => (d::OPEN_NOW.get(app.lang), true),
        Some(false) => (d::CLOSED_NOW.get(app.lang), false),
        None => (d::OPEN_UNKNOWN.get(app.lang), false),
    }
}

fn name_cell(s: &Service, lang: Lang) -> String {
    let mut t = String::new();
    match s.status {
        Status::DoNotRefer => t.push_str(&format!("✗ {} ", d::STATUS_DO_NOT_REFER.get(lang))),
        Status::Closed => t.push_str(&format!("✗ {} ", d::STATUS_CLOSED.get(lang))),
        Status::Active => {}
    }
    t.push_str(&s.name);
    if !s.alternate_name.is_empty() {
        t.push_str(&format!(" ({})", s.alternate_name));
    }
    t
}

fn draw_list(frame: &mut Frame, area: Rect, app: &App) {
    let th = &app.theme;
    let lang = app.lang;
    let st = &app.directory;
    if st.rows.is_empty() {
        // Only a filter that is set is suggested to be cleared.
        let empty = if st.filter_words(lang).is_empty() {
            d::EMPTY_NO_FILTER
        } else {
            d::EMPTY
        };
        return super::draw_no_rows(frame, area, app, &st.fault, empty);
    }
    let widths = super::list_widths(
        area,
        &[
            Constraint::Min(24),
            Constraint::Length(15),
            Constraint::Length(7),
            Constraint::Length(16),
            Constraint::Percentage(25),
        ],
    );
    // Every cell is cut to its column with "…" (never silently).
    let fit = |text: &str, i: usize| super::fit(text, widths[i]).into_owned();
    let rows: Vec<Row> = st
        .list
        .rows()
        .iter()
        .map(|s| {
            let (open, is_open) = open_word(s, app);
            let f = fresh(s, app);
            // A problem reported since the last check: the detail's sign,
            // in the column that says when the entry was checked (a check
            // answers the report).
            let problem = st.problems.contains(&s.id);
            let fresh_style = match f {
                _ if problem => th.danger,
                Freshness::Fresh { .. } => th.ok,
                Freshness::Stale { .. } => th.danger,
                Freshness::Never => th.warning,
            };
            let fresh_text = if problem {
                format!("⚠ {}", d::freshness_short(f, lang))
            } else {
                d::freshness_short(f, lang)
            };
            let phone = s
                .main_phone()
                .map(|p| p.number.display())
                .unwrap_or_else(|| d::NO_PHONE.get(lang).to_string());
            let cats = s
                .categories
                .iter()
                .map(|c| d::category_name(c, lang))
                .collect::<Vec<_>>()
                .join(", ");
            Row::new(vec![
                Cell::from(fit(&name_cell(s, lang), 0)),
                Cell::from(fit(&phone, 1)),
                Cell::from(Span::styled(
                    fit(open, 2),
                    if is_open { th.ok } else { th.muted },
                )),
                Cell::from(Span::styled(fit(&fresh_text, 3), fresh_style)),
                Cell::from(fit(&cats, 4)),
            ])
        })
        .collect();
    let header = Row::new(vec![
        Cell::from(fit(d::COL_NAME.get(lang), 0)),
        Cell::from(fit(d::COL_PHONE.get(lang), 1)),
        Cell::from(fit(d::COL_OPEN.get(lang), 2)),
        Cell::from(fit(d::COL_FRESH.get(lang), 3)),
        Cell::from(fit(crate::i18n::directory::F_CATEGORIES.get(lang), 4)),
    ])
    .style(th.title);
    let widths = widths
        .iter()
        .map(|w| Constraint::Length(u16::try_from(*w).unwrap_or(u16::MAX)));
    let table = Table::new(rows, widths).header(header);
    super::draw_list(frame, area, app, table, st.list.selected_index());
}

/// Hours in the user's words: "døgnåpent", "man.–fre. 09:00–15:00".
pub fn hours_words(h: &Hours, lang: Lang) -> String {
    match h {
        Hours::Unknown => d::HOURS_UNKNOWN.get(lang).to_string(),
        Hours::Always => d::HOURS_ALWAYS.get(lang).to_string(),
        Hours::Text(t) => t.clone(),
        Hours::Weekly(week) => {
            let names: [&str; 7] = std::array::from_fn(|i| tm::WEEKDAYS_SHORT[i].get(lang));
            let span = |o: u16, c: u16| format!("{}–{}", hours::clock(o), hours::clock(c));
            let mut parts: Vec<String> = week
                .iter()
                .map(|r| {
                    format!(
                        "{} {}",
                        hours::days_text(&r.days, &names).replace('-', "–"),
                        span(r.open, r.close)
                    )
                })
                .collect();
            parts.push(match week.holidays {
                hours::OnHolidays::Closed => d::HOURS_HOLIDAYS_CLOSED.get(lang).to_string(),
                hours::OnHolidays::AsUsual => d::HOURS_HOLIDAYS_USUAL.get(lang).to_string(),
                hours::OnHolidays::Hours { open, close } => {
                    d::HOURS_HOLIDAYS_AT.fill(lang, &[("hours", &span(open, close))])
                }
            });
            for day in &week.days {
                let date = format!("{:02}.{:02}.", day.day, day.month);
                parts.push(match day.hours {
                    Some((o, c)) => format!("{date} {}", span(o, c)),
                    None => d::HOURS_DAY_CLOSED.fill(lang, &[("day", &date)]),
                });
            }
            parts.join("; ")
        }
    }
}

fn draw_detail(frame: &mut Frame, area: Rect, app: &App) {
    let th = &app.theme;
    let lang = app.lang;
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(th.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(s) = app.directory.selected_service() else {
        return;
    };
    let mut lines: Vec<Line> = Vec::new();
    let mut first = vec![Span::styled(name_cell(s, lang), th.title)];
    if !s.organization.is_empty() {
        first.push(Span::raw(format!(" · {}", s.organization)));
    }
    for p in &s.phones {
        first.push(Span::raw(" · "));
        first.push(Span::styled(p.number.display(), th.title));
        if !p.note.is_empty() {
            first.push(Span::raw(format!(" ({})", p.note)));
        }
    }
    lines.push(Line::from(first));
    let f = fresh(s, app);
    match f {
        Freshness::Never => lines.push(Line::from(Span::styled(
            format!("! {}", d::NEVER_VERIFIED_LONG.get(lang)),
            th.warning,
        ))),
        Freshness::Stale { days } => lines.push(Line::from(Span::styled(
            format!("! {}", d::STALE_LONG.fill(lang, &[("n", &days)])),
            th.danger,
        ))),
        Freshness::Fresh { .. } => {}
    }
    if let Some(p) = &app.directory.problem {
        lines.push(Line::from(Span::styled(
            d::problem_mark(p, app.calendar.tz, lang),
            th.danger,
        )));
    }
    let today = app.calendar.local_date(app.now);
    if s.alert_active(today) {
        lines.push(Line::from(Span::styled(
            d::DETAIL_ALERT.fill(lang, &[("alert", &s.alert)]),
            th.warning,
        )));
    }
    // Each line of a text its own line: a break inside one `Line` is
    // dropped and runs the sentences together.
    for part in s.description.lines().filter(|l| !l.trim().is_empty()) {
        lines.push(Line::from(part.to_string()));
    }
    let (open, _) = open_word(s, app);
    lines.push(Line::from(format!(
        "{} · {open}",
        d::DETAIL_HOURS.fill(lang, &[("hours", &hours_words(&s.hours, lang))])
    )));
    let mut who: Vec<String> = Vec::new();
    if !s.audience.is_empty() {
        who.push(d::DETAIL_FOR.fill(lang, &[("text", &s.audience)]));
    }
    let ages = ages_text(s.min_age, s.max_age);
    if !ages.is_empty() {
        who.push(d::DETAIL_AGES.fill(lang, &[("ages", &ages)]));
    }
    let areas = if s.national {
        d::NATIONAL.get(lang).to_string()
    } else {
        s.areas.join(", ")
    };
    who.push(d::DETAIL_AREAS.fill(lang, &[("areas", &areas)]));
    if s.free == Some(true) {
        who.push(d::FREE.get(lang).to_string());
    }
    if s.anonymous == Some(true) {
        who.push(d::ANONYMOUS.get(lang).to_string());
    }
    if !s.languages.is_empty() {
        who.push(d::DETAIL_LANGS.fill(lang, &[("langs", &s.languages.join(", "))]));
    }
    lines.push(Line::from(who.join(" · ")));
    let mut reach: Vec<String> = Vec::new();
    if !s.web.is_empty() {
        reach.push(d::DETAIL_WEB.fill(lang, &[("web", &s.web)]));
    }
    if !s.chat.is_empty() {
        reach.push(d::DETAIL_CHAT.fill(lang, &[("chat", &s.chat)]));
    }
    if !s.email.is_empty() {
        reach.push(d::DETAIL_EMAIL.fill(lang, &[("email", &s.email)]));
    }
    if s.address_withheld {
        reach.push(d::ADDRESS_WITHHELD.get(lang).to_string());
    } else if !s.address.is_empty() {
        reach.push(d::DETAIL_ADDRESS.fill(lang, &[("address", &s.address)]));
    }
    if !reach.is_empty() {
        lines.push(Line::from(reach.join(" · ")));
    }
    let mut meta: Vec<String> = Vec::new();
    if let Some(t) = s.last_verified_at {
        meta.push(d::DETAIL_VERIFIED.fill(
            lang,
            &[
                ("date", &crate::timefmt::absolute(t, app.calendar.tz)),
                ("by", &s.verified_by),
            ],
        ));
    }
    if !s.source.is_empty() {
        meta.push(d::DETAIL_SOURCE.fill(lang, &[("source", &s.source)]));
    }
    meta.push(crate::i18n::plural::TIMES_REFERRED.count(lang, app.directory.referrals));
    if !s.internal_note.is_empty() {
        let note: Vec<&str> = s.internal_note.lines().map(str::trim).collect();
        meta.push(d::DETAIL_NOTE.fill(lang, &[("note", &note.join(" "))]));
    }
    lines.push(Line::from(Span::styled(meta.join(" · "), th.muted)));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}
