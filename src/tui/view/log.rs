//! The shift log: the duty book newest first, the selected note in full,
//! the note editor, and the handover review.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Clear, Paragraph, Row, Table, Wrap};

use super::centered;
use crate::i18n::{Lang, log as m};
use crate::report::{LineKind, ReportLine};
use crate::store::log::{Note, NoteFilter};
use crate::timefmt;
use crate::tui::app::App;
use crate::tui::log::{Editor, Mode, Question};
use crate::tui::theme::Theme;

/// Lines of the box showing the selected note in full.
pub const DETAIL_HEIGHT: u16 = 8;

/// How many notes fit in a terminal `height` lines tall.
pub fn list_rows(height: u16) -> usize {
    usize::from(height.saturating_sub(4 + 1 + DETAIL_HEIGHT)).max(1)
}

fn filter_name(f: NoteFilter, lang: Lang) -> &'static str {
    match f {
        NoteFilter::All => m::TITLE_FILTER_ALL,
        NoteFilter::Handover => m::TITLE_FILTER_HANDOVER,
        NoteFilter::Escalation => m::TITLE_FILTER_ESCALATION,
        NoteFilter::Pinned => m::TITLE_FILTER_PINNED,
    }
    .get(lang)
}

fn marks(n: &Note, lang: Lang, th: &Theme) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    if n.escalation {
        if n.released {
            out.push(Span::styled(m::MARK_ESCALATION_DONE.get(lang), th.muted));
        } else {
            out.push(Span::styled(m::MARK_ESCALATION.get(lang), th.danger));
        }
    }
    if n.for_handover {
        out.push(Span::styled(m::MARK_HANDOVER.get(lang), th.warning));
    }
    if n.pinned {
        out.push(Span::styled(m::MARK_PINNED.get(lang), th.key));
    }
    if let Some(last) = n.amended_by.iter().max() {
        out.push(Span::styled(
            m::MARK_AMENDED.fill(lang, &[("id", last)]),
            th.muted,
        ));
    }
    out
}

fn body_first_line(n: &Note, lang: Lang) -> String {
    let text = if n.purged {
        m::MARK_PURGED.get(lang).to_string()
    } else {
        n.body.lines().next().unwrap_or("").to_string()
    };
    match n.amends {
        Some(id) => format!("{} {text}", m::MARK_AMENDS.fill(lang, &[("id", &id)])),
        None => text,
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let th = &app.theme;
    let lang = app.lang;
    let st = &app.log;
    if let Mode::Review { lines, scroll, .. } | Mode::Ack { lines, scroll, .. } = &st.mode {
        draw_review(frame, area, lines, *scroll, app);
        if let Mode::Ack { field, .. } = &st.mode {
            let r = centered(area, 50, 5);
            frame.render_widget(Clear, r);
            let block = Block::default()
                .borders(Borders::ALL)
                .border_style(th.key)
                .title(Span::styled(
                    format!(" {} ", m::ACK_TITLE.get(lang)),
                    th.title,
                ));
            let inner = block.inner(r);
            frame.render_widget(block, r);
            frame.render_widget(
                Paragraph::new(m::ACK_PROMPT.get(lang)),
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
        }
        return;
    }
    let [head, list, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(DETAIL_HEIGHT),
    ])
    .areas(area);
    let mut title = m::TITLE.fill(lang, &[("filter", &filter_name(st.filter, lang))]);
    // Text too short for the index only searches near the place in the log.
    let short = st
        .search
        .as_deref()
        .filter(|q| !crate::store::log::searches_whole_log(q))
        .map(|_| {
            let n = lang.count(crate::store::log::SEARCH_WINDOW as u64);
            m::SEARCH_SHORT.fill(lang, &[("n", &n)])
        });
    if let Some(q) = &st.search {
        title.push_str(" · ");
        title.push_str(&m::TITLE_SEARCH.fill(lang, &[("q", q)]));
        if let Some(hint) = &short {
            title.push_str(" · ");
            title.push_str(hint);
        }
    }
    if let Mode::Search(field) = &st.mode {
        let hint = short.unwrap_or_default();
        let [l, r, h] = Layout::horizontal([
            Constraint::Length(m::SEARCH_PROMPT.get(lang).chars().count() as u16),
            Constraint::Min(12),
            Constraint::Length(hint.chars().count() as u16),
        ])
        .areas(head);
        frame.render_widget(
            Paragraph::new(Span::styled(m::SEARCH_PROMPT.get(lang), th.key)),
            l,
        );
        frame.render_widget(field.textarea(), r);
        frame.render_widget(Paragraph::new(Span::styled(hint, th.muted)), h);
    } else {
        frame.render_widget(Paragraph::new(Span::styled(title, th.muted)), head);
    }
    draw_list(frame, list, app);
    draw_detail(frame, detail, app);
    match &st.mode {
        Mode::Editor(ed) => draw_editor(frame, area, ed, app),
        Mode::Confirm(q) => {
            let (title, text) = match q {
                Question::Release(_) => (m::CONFIRM_RELEASE_TITLE, m::CONFIRM_RELEASE),
                Question::EndShift => (m::CONFIRM_END_SHIFT_TITLE, m::CONFIRM_END_SHIFT),
            };
            super::draw_confirm(frame, area, app, title.get(lang), text.get(lang));
        }
        _ => {}
    }
}

fn draw_list(frame: &mut Frame, area: Rect, app: &App) {
    let th = &app.theme;
    let lang = app.lang;
    let st = &app.log;
    if st.rows().is_empty() {
        let text = if st.search.is_some() || st.filter != NoteFilter::All {
            m::EMPTY_FILTER
        } else {
            m::EMPTY_LOG
        };
        return super::draw_no_rows(frame, area, app, &st.fault, text);
    }
    let tz = app.calendar.tz;
    let mut lines: Vec<Row> = Vec::new();
    let mut selected_line = None;
    let mut last_day = None;
    let selected = st.list.selected_index();
    // Pinned notes come first (see `tui::log::notes`), under their own
    // heading; the days start again under them.
    let mut in_pinned = false;
    for (i, n) in st.rows().iter().enumerate() {
        let local = n.at.with_timezone(&tz);
        let day = local.date_naive();
        if n.pinned != in_pinned && (n.pinned || i > 0) {
            in_pinned = n.pinned;
            last_day = None;
            if n.pinned {
                lines.push(Row::new([Cell::from(Span::styled(
                    format!("── {} ──", m::PINNED_HEAD.get(lang)),
                    th.key,
                ))]));
            }
        }
        if last_day != Some(day) {
            last_day = Some(day);
            let today = app.calendar.local_date(app.now);
            lines.push(Row::new([Cell::from(Span::styled(
                format!(
                    "── {} {} ──",
                    timefmt::day_words(day, today, lang),
                    local.format("%d.%m.%Y")
                ),
                th.title,
            ))]));
        }
        if selected == Some(i) {
            selected_line = Some(lines.len());
        }
        let mut spans = vec![Span::styled(
            format!("{} {:<4} ", local.format("%H:%M"), n.author),
            th.muted,
        )];
        for mk in marks(n, lang, th) {
            spans.push(mk);
            spans.push(Span::raw(" "));
        }
        // The text gets what the time, the author and the marks leave, cut
        // with "…" (the note is whole in the box below).
        let used: usize = spans.iter().map(|sp| super::width(&sp.content)).sum();
        let room = super::list_room(area, 1).saturating_sub(used);
        let body = body_first_line(n, lang);
        spans.push(Span::raw(super::fit(&body, room).into_owned()));
        lines.push(Row::new([Cell::from(Line::from(spans))]));
    }
    let table = Table::new(lines, [Constraint::Min(0)]);
    super::draw_list(frame, area, app, table, selected_line);
}

fn draw_detail(frame: &mut Frame, area: Rect, app: &App) {
    let th = &app.theme;
    let lang = app.lang;
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(th.border)
        .title(Span::styled(
            format!(" {} ", crate::i18n::queue::DETAIL_TITLE.get(lang)),
            th.title,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(n) = app.log.selected_note() else {
        return;
    };
    let tz = app.calendar.tz;
    let mut head = vec![Span::styled(
        format!("#{} {} {} ", n.id, timefmt::absolute(n.at, tz), n.author),
        th.title,
    )];
    head.extend(marks(n, lang, th));
    if let Some(cb) = n.callback_id {
        head.push(Span::raw(format!(
            " {}",
            m::MARK_CALLBACK.fill(lang, &[("id", &cb)])
        )));
    }
    let mut lines = vec![Line::from(head)];
    if let Some(id) = n.amends {
        lines.push(Line::from(Span::styled(
            m::MARK_AMENDS.fill(lang, &[("id", &id)]),
            th.muted,
        )));
    }
    if n.purged {
        lines.push(Line::from(Span::styled(m::MARK_PURGED.get(lang), th.muted)));
    } else {
        lines.extend(n.body.lines().map(|l| Line::from(l.to_string())));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

fn draw_editor(frame: &mut Frame, area: Rect, ed: &Editor, app: &App) {
    let th = &app.theme;
    let lang = app.lang;
    let r = centered(area, 90, 16);
    frame.render_widget(Clear, r);
    let title = match ed.amends {
        Some(id) => m::EDITOR_AMEND_TITLE.fill(lang, &[("id", &id)]),
        None => m::EDITOR_TITLE.get(lang).to_string(),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(th.key)
        .title(Span::styled(format!(" {title} "), th.title));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let [text, marks_area, link, hint] = Layout::vertical([
        Constraint::Min(3),
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let text_style = if ed.on_marks { th.muted } else { Style::new() };
    if ed.on_marks {
        frame.render_widget(
            Paragraph::new(ed.text.text())
                .style(text_style)
                .wrap(Wrap { trim: false }),
            text,
        );
    } else {
        frame.render_widget(ed.text.textarea(), text);
    }
    let toggle = |on: bool, label: &'static str| {
        let mark = if on { "[✓]" } else { "[ ]" };
        let style = if on { th.title } else { th.muted };
        Span::styled(format!("{mark} {label}  "), style)
    };
    let marks_style = if ed.on_marks { th.selected } else { th.muted };
    let marks_lines = vec![
        Line::from(Span::styled(m::EDITOR_MARKS.get(lang), marks_style)),
        Line::from(vec![
            toggle(ed.marks.handover, m::EDITOR_MARK_HANDOVER.get(lang)),
            toggle(ed.marks.escalation, m::EDITOR_MARK_ESCALATION.get(lang)),
            toggle(ed.marks.pinned, m::EDITOR_MARK_PINNED.get(lang)),
        ]),
    ];
    frame.render_widget(Paragraph::new(marks_lines), marks_area);
    let link_text = match ed.link {
        Some(id) => m::EDITOR_LINK.fill(lang, &[("id", &id)]),
        None => m::EDITOR_LINK_NONE.get(lang).to_string(),
    };
    let link_line = if ed.marks.escalation {
        Line::from(Span::styled(
            m::EDITOR_ESCALATION_HELP.get(lang),
            th.warning,
        ))
    } else {
        Line::from(vec![
            Span::raw(link_text),
            Span::styled(format!(" · {}", m::EDITOR_LINK_HINT.get(lang)), th.muted),
        ])
    };
    frame.render_widget(Paragraph::new(link_line), link);
    frame.render_widget(
        Paragraph::new(Span::styled(m::EDITOR_HINT.get(lang), th.muted)),
        hint,
    );
}

fn draw_review(frame: &mut Frame, area: Rect, lines: &[ReportLine], scroll: u16, app: &App) {
    let th = &app.theme;
    let lang = app.lang;
    let [body, hint] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    let styled: Vec<Line> = lines
        .iter()
        .map(|l| {
            let style = match l.kind {
                LineKind::Title => th.title,
                LineKind::Heading => th.key,
                LineKind::Urgent => th.danger,
                LineKind::Warning => th.warning,
                LineKind::Muted => th.muted,
                LineKind::Item | LineKind::Blank => th.base,
            };
            let indent = match l.kind {
                LineKind::Title | LineKind::Heading | LineKind::Blank => "",
                _ => "  ",
            };
            Line::from(Span::styled(format!("{indent}{}", l.text), style))
        })
        .collect();
    frame.render_widget(
        Paragraph::new(styled)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        body,
    );
    frame.render_widget(
        Paragraph::new(Span::styled(m::REVIEW_HINT.get(lang), th.muted)),
        hint,
    );
}
