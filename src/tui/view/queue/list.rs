//! The queue list: what each row's cells say (the due text in a wordy
//! and a compact form, the summary) and the table drawn from them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Cell, Row, Table};

use super::columns::Columns;
use super::marks::{MARK_CLOSED, MARK_JOINED, MARK_NEXT_TRY, MARK_NO_NUMBER, safety_marks};
use crate::domain::item::{Due, Item};
use crate::domain::promise::Kind;
use crate::i18n::{Lang, queue as q};
use crate::timefmt;
use crate::tui::app::App;
use crate::tui::queue::{View, end_of_today_at};

/// The "Frist" cell: overdue in capitals, a retry, or the deadline; in
/// its wordy form and its compact one, which keeps the time ("try again
/// tomorrow 09:00", "↻ tomorrow 09:00").
fn due_cell(item: &Item, app: &App) -> ([String; 2], Style) {
    let th = &app.theme;
    let (lang, tz, now) = (app.lang, app.calendar.tz, app.now);
    let same = |text: String| [text.clone(), text];
    if !item.open {
        let outcome = item
            .outcome
            .map(|o| crate::i18n::queue::outcome_name(o, lang))
            .unwrap_or_default();
        return (
            same(format!("{} {outcome}", MARK_CLOSED.sign.get(lang))),
            th.muted,
        );
    }
    let eod = end_of_today_at(&app.calendar, now);
    // What is due is the one rule `vakt queue` shows too; the list adds
    // how urgent it looks and a compact form for a next try.
    let due = item.due(now);
    let text = q::due_words(due, now, tz, lang);
    let style = match due {
        Due::Overdue(_) => th.danger,
        Due::RetryNow => th.warning,
        Due::Planned(at) if at < eod => th.warning,
        Due::NextTry(at) if at <= eod => th.warning,
        Due::Deadline(at) if item.attempt_count == 0 && at <= eod => th.warning,
        _ => th.base,
    };
    let short = match due {
        Due::NextTry(at) => format!(
            "{} {}",
            MARK_NEXT_TRY.sign.get(lang),
            timefmt::when_words(at, now, tz, lang)
        ),
        _ => text.clone(),
    };
    ([text, short], style)
}

fn summary_text(item: &Item, lang: Lang) -> String {
    let mut parts = Vec::new();
    if item.kind == Kind::Complaint {
        parts.push(format!("{}:", q::COMPLAINT_MARK.get(lang)));
    }
    if item.message_count > 1 {
        parts.push(MARK_JOINED.sign.fill(lang, &[("n", &item.message_count)]));
    }
    if !item.label.is_empty() {
        parts.push(format!("«{}»", item.label));
    }
    if item.summary.is_empty() {
        parts.push(q::NO_SUMMARY.get(lang).to_string());
    } else {
        parts.push(item.summary.clone());
    }
    parts.join(" ")
}

pub(super) fn draw_list(frame: &mut Frame, area: Rect, app: &App) {
    let th = &app.theme;
    let lang = app.lang;
    let st = &app.queue;
    if st.rows().is_empty() {
        let text = match st.view {
            View::Open => q::EMPTY_QUEUE,
            View::ClosedToday => q::EMPTY_CLOSED,
        };
        return crate::tui::view::draw_no_rows(frame, area, app, &st.fault, text);
    }
    let max_attempts = app.config.callbacks.max_attempts;
    struct Texts {
        due: [String; 2],
        due_style: Style,
        received: String,
        number: String,
        tries: String,
        safety: String,
        summary: String,
    }
    let texts: Vec<Texts> = st
        .rows()
        .iter()
        .map(|item| {
            let (due, due_style) = due_cell(item, app);
            Texts {
                due,
                due_style,
                received: timefmt::when_words(item.received_at, app.now, app.calendar.tz, lang),
                number: item
                    .phone
                    .as_ref()
                    .map(|p| p.masked())
                    .unwrap_or_else(|| MARK_NO_NUMBER.sign.get(lang).into()),
                tries: format!("{}/{max_attempts}", item.attempt_count),
                safety: safety_marks(item, st.never_open.contains(&item.id), lang),
                summary: summary_text(item, lang),
            }
        })
        .collect();
    let headers = [
        q::COL_DEADLINE,
        q::COL_RECEIVED,
        q::COL_NUMBER,
        q::COL_ATTEMPTS,
        q::COL_SAFETY,
        q::COL_SUMMARY,
    ]
    .map(|h| h.get(lang));
    // Each column as wide as its widest text on screen (and its header).
    let widest = |header: &str, cells: &mut dyn Iterator<Item = &String>| {
        cells
            .map(|c| crate::tui::view::width(c))
            .fold(crate::tui::view::width(header), usize::max)
    };
    let cols = Columns::size(
        crate::tui::view::list_room(area, 6),
        [
            widest(headers[0], &mut texts.iter().map(|t| &t.due[0])),
            widest(headers[0], &mut texts.iter().map(|t| &t.due[1])),
        ],
        widest(headers[1], &mut texts.iter().map(|t| &t.received)),
        widest(headers[2], &mut texts.iter().map(|t| &t.number)),
        widest(headers[3], &mut texts.iter().map(|t| &t.tries)),
        widest(headers[4], &mut texts.iter().map(|t| &t.safety)),
    );
    let w = cols.widths();
    let fit = |text: &str, i: usize| crate::tui::view::fit(text, w[i]).into_owned();
    let rows: Vec<Row> = texts
        .iter()
        .map(|t| {
            Row::new(vec![
                Cell::from(Span::styled(
                    crate::tui::view::fit_first(&t.due[cols.due_form..], w[0]),
                    t.due_style,
                )),
                Cell::from(fit(&t.received, 1)),
                Cell::from(fit(&t.number, 2)),
                Cell::from(fit(&t.tries, 3)),
                Cell::from(fit(&t.safety, 4)),
                Cell::from(fit(&t.summary, 5)),
            ])
        })
        .collect();
    let header = Row::new(
        headers
            .iter()
            .enumerate()
            .map(|(i, h)| Cell::from(fit(h, i)))
            .collect::<Vec<_>>(),
    )
    .style(th.title);
    let widths = w.map(|n| Constraint::Length(u16::try_from(n).unwrap_or(u16::MAX)));
    crate::tui::view::draw_list(
        frame,
        area,
        app,
        Table::new(rows, widths).header(header),
        st.list.selected_index(),
    );
}
