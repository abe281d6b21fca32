//! The callback queue: the most urgent promise on top, named in words.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, Wrap};

use crate::callback::{self, Kind, Urgency};
use crate::i18n::{Lang, Msg, queue as q};
use crate::store::callbacks::Item;
use crate::timefmt;
use crate::tui::app::App;
use crate::tui::queue::{Mode, View, end_of_today_at};
use crate::tui::theme::Theme;

/// Lines of the detail box under the list, at least: it grows to what it
/// says about the selected item (see [`detail_height`]).
pub const DETAIL_HEIGHT: u16 = 7;

/// Lines the list keeps however much the detail says: its header and two
/// rows.
const LIST_MIN: u16 = 3;

/// How many list rows fit in a terminal `height` lines tall: the top line,
/// the footer, the pane's borders, the header row and the detail box.
pub fn list_rows(height: u16) -> usize {
    usize::from(height.saturating_sub(4 + 1 + DETAIL_HEIGHT)).max(1)
}

/// The pane title with its counts.
pub fn title(app: &App) -> String {
    let lang = app.lang;
    let st = &app.queue;
    match st.view {
        View::Open => q::TITLE_COUNTS.fill(
            lang,
            &[
                ("open", &st.counts.open),
                ("overdue", &st.counts.overdue),
                ("today", &st.counts.due_today),
            ],
        ),
        View::ClosedToday => q::TITLE_CLOSED_TODAY.fill(lang, &[("n", &st.closed_today)]),
    }
}

/// A sign the list shows, and what it means. The cells below take their
/// signs from these, and the help's legend is [`MARKS`], so the two cannot
/// drift: a new sign in the list is a new entry here.
#[derive(Debug, Clone, Copy)]
pub struct ListMark {
    /// The sign; `{n}` is a count (the legend shows 2).
    pub sign: Msg,
    pub meaning: Msg,
}

impl ListMark {
    /// The sign as the legend shows it.
    pub fn shown(&self, lang: Lang) -> String {
        self.sign.fill(lang, &[("n", &2)])
    }
}

pub const MARK_MSG_YES: ListMark = ListMark {
    sign: q::SAFE_MSG_YES,
    meaning: q::DETAIL_MSG_YES,
};
pub const MARK_MSG_NO: ListMark = ListMark {
    sign: q::SAFE_MSG_NO,
    meaning: q::DETAIL_MSG_NO,
};
pub const MARK_MSG_UNKNOWN: ListMark = ListMark {
    sign: q::SAFE_MSG_UNKNOWN,
    meaning: q::DETAIL_MSG_UNKNOWN,
};
pub const MARK_SAFE_TIME: ListMark = ListMark {
    sign: q::SAFE_TIME,
    meaning: q::LEGEND_SAFE_TIME,
};
pub const MARK_JOINED: ListMark = ListMark {
    sign: q::JOINED,
    meaning: q::LEGEND_JOINED,
};
pub const MARK_NEXT_TRY: ListMark = ListMark {
    sign: q::NEXT_TRY_MARK,
    meaning: q::LEGEND_NEXT_TRY,
};
pub const MARK_CLOSED: ListMark = ListMark {
    sign: q::CLOSED_MARK,
    meaning: q::LEGEND_CLOSED,
};
pub const MARK_NO_NUMBER: ListMark = ListMark {
    sign: q::NO_NUMBER_MARK,
    meaning: q::LEGEND_NO_NUMBER,
};
pub const MARK_NO_CALLBACK: ListMark = ListMark {
    sign: q::NO_CALLBACK_MARK,
    meaning: q::LEGEND_NO_CALLBACK,
};
pub const MARK_KEPT: ListMark = ListMark {
    sign: q::MARK_KEPT,
    meaning: q::LEGEND_KEPT,
};
pub const MARK_UNMET: ListMark = ListMark {
    sign: q::MARK_UNMET,
    meaning: q::LEGEND_UNMET,
};

/// Every sign the list can show, in the order the legend lists them.
pub const MARKS: &[ListMark] = &[
    MARK_MSG_YES,
    MARK_MSG_NO,
    MARK_MSG_UNKNOWN,
    MARK_NO_CALLBACK,
    MARK_SAFE_TIME,
    MARK_JOINED,
    MARK_NEXT_TRY,
    MARK_CLOSED,
    MARK_NO_NUMBER,
    MARK_KEPT,
    MARK_UNMET,
];

/// The detail box's height in `area`: all it says about the selected item
/// (wrapped at the pane's width) and its top border, at least
/// [`DETAIL_HEIGHT`], at most what leaves the list [`LIST_MIN`] lines.
fn detail_height(area: Rect, needed: usize) -> u16 {
    let max = area.height.saturating_sub(LIST_MIN);
    u16::try_from(needed)
        .unwrap_or(u16::MAX)
        .saturating_add(1)
        .max(DETAIL_HEIGHT)
        .min(max)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    // The selected item's detail, wrapped at the pane's width: built and
    // measured once a frame.
    let detail_text = app.queue.selected_item().map(|item| {
        let text = Paragraph::new(detail_lines(item, app, &app.theme)).wrap(Wrap { trim: true });
        let lines = text.line_count(area.width);
        (text, lines)
    });
    let needed = detail_text.as_ref().map_or(0, |(_, n)| *n);
    let [list, detail] = Layout::vertical([
        Constraint::Min(2),
        Constraint::Length(detail_height(area, needed)),
    ])
    .areas(area);
    draw_list(frame, list, app);
    draw_detail(frame, detail, app, detail_text);
    let th = &app.theme;
    let lang = app.lang;
    match &app.queue.mode {
        Mode::List => {}
        Mode::Form { form, .. } => {
            let mut shown = form.clone();
            let visible = crate::tui::queue::QueueState::visible_fields(form);
            let focus_id = form.focused_id();
            shown.fields.retain(|f| visible.contains(&f.id));
            shown.focus = shown
                .fields
                .iter()
                .position(|f| Some(f.id) == focus_id)
                .unwrap_or(0);
            super::form::draw(frame, area, &shown, q::FORM_HINT.get(lang), th, lang);
        }
        Mode::Attempt { form, .. }
        | Mode::Close { form, .. }
        | Mode::Plan { form, .. }
        | Mode::JoinAsk { form, .. } => {
            super::form::draw(frame, area, form, q::FORM_HINT.get(lang), th, lang)
        }
    }
    if let Mode::JoinAsk { into, .. } = &app.queue.mode {
        super::draw_confirm(
            frame,
            area,
            app,
            q::CONFIRM_JOIN_TITLE.get(lang),
            &q::CONFIRM_JOIN.fill(lang, &[("id", into)]),
        );
    }
    if let Mode::Attempt {
        asking: Some(wish), ..
    } = &app.queue.mode
    {
        super::draw_confirm(
            frame,
            area,
            app,
            q::CONFIRM_MESSAGE_TITLE.get(lang),
            &q::CONFIRM_MESSAGE.fill(lang, &[("wish", &q::wish_words(*wish, lang))]),
        );
    }
}

/// The marks cell: kept from erasing (⚑), a safe time the line's hours
/// never meet (⚠), the message wish and the safe time.
fn safety_marks(item: &Item, never_open: bool, lang: Lang) -> String {
    let mut marks: Vec<&str> = Vec::new();
    if item.on_hold {
        marks.push(MARK_KEPT.sign.get(lang));
    }
    if never_open {
        marks.push(MARK_UNMET.sign.get(lang));
    }
    let own = wish_marks(item, lang);
    if !own.is_empty() {
        marks.push(&own);
    }
    marks.join(" ")
}

fn wish_marks(item: &Item, lang: Lang) -> String {
    if item.kind == Kind::Complaint {
        return String::new();
    }
    let wish = match item.safety.may_leave_message {
        Some(true) => MARK_MSG_YES,
        Some(false) => MARK_MSG_NO,
        None => MARK_MSG_UNKNOWN,
    }
    .sign
    .get(lang);
    // Said they do not want a call back: first, before the message wish.
    let msg = if item.safety.wants_callback == Some(false) {
        format!("{} {wish}", MARK_NO_CALLBACK.sign.get(lang))
    } else {
        wish.to_string()
    };
    if item.safety.safe_times.is_empty() {
        msg
    } else {
        format!(
            "{msg} {} {}",
            MARK_SAFE_TIME.sign.get(lang),
            item.safety.safe_times
        )
    }
}

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
    // A time the person on duty planned, unless the promise is broken or
    // the plan lies after the deadline (then the deadline is what counts).
    let plan_shown = |p: &chrono::DateTime<chrono::Utc>| {
        !item.is_overdue(now)
            && !crate::domain::callback::plan_breaks_promise(
                *p,
                item.deadline_at,
                item.attempt_count,
            )
    };
    if let Some(planned) = item.planned_at.filter(plan_shown) {
        let style = if planned < eod { th.warning } else { th.base };
        return (
            same(q::PLANNED_CELL.fill(
                lang,
                &[("when", &timefmt::when_words(planned, now, tz, lang))],
            )),
            style,
        );
    }
    match callback::urgency(
        now,
        eod,
        item.deadline_at,
        item.attempt_count,
        item.first_attempt_at,
        item.next_attempt_at,
    ) {
        Urgency::Overdue => (
            same(timefmt::deadline_words(item.deadline_at, now, tz, lang)),
            th.danger,
        ),
        Urgency::RetryNow => (same(q::RETRY_NOW.get(lang).to_string()), th.warning),
        urgency => {
            let style = if urgency == Urgency::DueToday {
                th.warning
            } else {
                th.base
            };
            match (item.attempt_count, item.next_attempt_at) {
                (n, Some(next)) if n > 0 => {
                    let when = timefmt::when_words(next, now, tz, lang);
                    (
                        [
                            q::NEXT_TRY.fill(lang, &[("when", &when)]),
                            format!("{} {when}", MARK_NEXT_TRY.sign.get(lang)),
                        ],
                        style,
                    )
                }
                _ => (
                    same(timefmt::deadline_words(item.deadline_at, now, tz, lang)),
                    style,
                ),
            }
        }
    }
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

fn draw_list(frame: &mut Frame, area: Rect, app: &App) {
    let th = &app.theme;
    let lang = app.lang;
    let st = &app.queue;
    if st.rows().is_empty() {
        let text = match st.view {
            View::Open => q::EMPTY_QUEUE,
            View::ClosedToday => q::EMPTY_CLOSED,
        };
        return super::draw_no_rows(frame, area, app, &st.fault, text);
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
            .map(|c| super::width(c))
            .fold(super::width(header), usize::max)
    };
    let cols = Columns::size(
        super::list_room(area, 6),
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
    let fit = |text: &str, i: usize| super::fit(text, w[i]).into_owned();
    let rows: Vec<Row> = texts
        .iter()
        .map(|t| {
            Row::new(vec![
                Cell::from(Span::styled(
                    super::fit_first(&t.due[cols.due_form..], w[0]),
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
    super::draw_list(
        frame,
        area,
        app,
        Table::new(rows, widths).header(header),
        st.list.selected_index(),
    );
}

/// The widths of the queue's six columns in a row of `room` columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Columns {
    /// Which form of the due text: 0 wordy, 1 compact.
    due_form: usize,
    due: usize,
    received: usize,
    number: usize,
    tries: usize,
    safety: usize,
    summary: usize,
}

/// The summary never gets less than this while other columns have room
/// to give; the safety column gives way down to this.
const SUMMARY_MIN: usize = 14;
const SAFETY_MIN: usize = 8;
/// The due column never takes more than this.
const DUE_MAX: usize = 30;

impl Columns {
    /// Sizes the columns from their widest text: received, number and
    /// tries whole; the due text wordy if that leaves the summary and the
    /// safety marks their room, else compact (the time always whole); the
    /// safety marks as wide as they need, up to two fifths of what is
    /// left; the summary the rest.
    fn size(
        room: usize,
        due: [usize; 2],
        received: usize,
        number: usize,
        tries: usize,
        safety: usize,
    ) -> Columns {
        let fixed = received + number + tries;
        let safety_min = safety.min(SAFETY_MIN);
        let due_form = usize::from(fixed + due[0].min(DUE_MAX) + safety_min + SUMMARY_MIN > room);
        let due = due[due_form].min(DUE_MAX);
        let left = room.saturating_sub(fixed + due);
        // The safe-time words are in full in the detail box: the summary
        // keeps at least three fifths of what is left.
        let share = (left * 2 / 5).max(SAFETY_MIN);
        let safety = safety
            .min(share)
            .min(left.saturating_sub(SUMMARY_MIN))
            .max(safety_min.min(left));
        Columns {
            due_form,
            due,
            received,
            number,
            tries,
            safety,
            summary: left.saturating_sub(safety),
        }
    }

    fn widths(&self) -> [usize; 6] {
        [
            self.due,
            self.received,
            self.number,
            self.tries,
            self.safety,
            self.summary,
        ]
    }
}

/// Draws the detail box; `text` is the selected item's detail and its
/// height wrapped at the box's width.
fn draw_detail(frame: &mut Frame, area: Rect, app: &App, text: Option<(Paragraph, usize)>) {
    let th = &app.theme;
    let lang = app.lang;
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(th.border)
        .title(Span::styled(
            format!(" {} ", q::DETAIL_TITLE.get(lang)),
            th.title,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some((text, lines)) = text else {
        return;
    };
    let fits = lines <= usize::from(inner.height);
    if fits || inner.height < 2 {
        frame.render_widget(text, inner);
        return;
    }
    // More than the window has room for: the last line says so, rather
    // than the call script vanishing without a word.
    let [shown, more] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    frame.render_widget(text, shown);
    frame.render_widget(
        Paragraph::new(Span::styled(q::DETAIL_MORE.get(lang), th.warning)),
        more,
    );
}

fn detail_lines<'a>(item: &Item, app: &App, th: &Theme) -> Vec<Line<'a>> {
    let lang = app.lang;
    let tz = app.calendar.tz;
    let s = &item.safety;
    // The item's number first: messages and the review name items by it.
    let mut first: Vec<Span> = vec![Span::styled(format!("#{} ", item.id), th.muted)];
    if item.kind == Kind::Voicemail {
        let number = item
            .phone
            .as_ref()
            .map(|p| p.display())
            .unwrap_or_else(|| q::DETAIL_HIDDEN_NUMBER.get(lang).to_string());
        first.push(Span::styled(number, th.title));
    } else {
        first.push(Span::styled(q::KIND_COMPLAINT.get(lang), th.title));
    }
    if !item.label.is_empty() {
        first.push(Span::raw(format!(" · «{}»", item.label)));
    }
    if item.kind == Kind::Voicemail {
        let (msg, msg_style) = match s.may_leave_message {
            Some(true) => (q::DETAIL_MSG_YES, th.ok),
            Some(false) => (q::DETAIL_MSG_NO, th.danger),
            None => (q::DETAIL_MSG_UNKNOWN, th.warning),
        };
        let (who, who_style) = match s.may_say_who_we_are {
            Some(true) => (q::DETAIL_WHO_YES, th.ok),
            Some(false) => (q::DETAIL_WHO_NO, th.danger),
            None => (q::DETAIL_WHO_UNKNOWN, th.warning),
        };
        first.push(Span::raw(" · "));
        first.push(Span::styled(msg.get(lang), msg_style));
        first.push(Span::raw(" · "));
        first.push(Span::styled(who.get(lang), who_style));
        if !s.safe_times.is_empty() {
            first.push(Span::raw(" · "));
            first.push(Span::styled(
                q::DETAIL_SAFE_TIMES.fill(lang, &[("text", &s.safe_times)]),
                th.warning,
            ));
        }
        match s.wants_callback {
            Some(false) => {
                first.push(Span::raw(" · "));
                first.push(Span::styled(q::DETAIL_WANTS_NO.get(lang), th.danger));
            }
            Some(true) => first.push(Span::raw(format!(" · {}", q::DETAIL_WANTS_YES.get(lang)))),
            None => {}
        }
        if !s.note.is_empty() {
            first.push(Span::raw(format!(" · {}", s.note)));
        }
    }
    if item.on_hold {
        first.push(Span::raw(" · "));
        first.push(Span::styled(q::DETAIL_ON_HOLD.get(lang), th.warning));
    }
    let mut lines = vec![Line::from(first)];
    if let Some(planned) = item.planned_at.filter(|_| item.open) {
        lines.push(Line::from(Span::styled(
            q::DETAIL_PLANNED.fill(lang, &[("when", &q::planned_words(planned, tz, lang))]),
            th.warning,
        )));
    }
    let mut due = Vec::new();
    if item.is_overdue(app.now) {
        due.push(Span::styled(
            timefmt::deadline_words(item.deadline_at, app.now, tz, lang),
            th.danger,
        ));
        due.push(Span::raw(" · "));
    }
    due.push(Span::styled(
        q::DETAIL_DEADLINE.fill(
            lang,
            &[
                ("abs", &timefmt::absolute(item.deadline_at, tz)),
                ("received", &timefmt::absolute(item.received_at, tz)),
                (
                    "messages",
                    &crate::i18n::plural::MESSAGES.count(lang, u64::from(item.message_count)),
                ),
            ],
        ),
        th.muted,
    ));
    lines.push(Line::from(due));
    if !item.summary.is_empty() {
        lines.push(Line::from(item.summary.clone()));
    }
    let attempts: Vec<String> = app
        .queue
        .attempts
        .iter()
        .rev()
        .take(3)
        .map(|a| {
            let mut t = q::DETAIL_ATTEMPT.fill(
                lang,
                &[
                    ("when", &timefmt::when_words(a.at, app.now, tz, lang)),
                    ("by", &a.by),
                    ("result", &crate::i18n::queue::result_name(a.result, lang)),
                ],
            );
            if !a.note.is_empty() {
                t.push_str(&format!(" – {}", a.note));
            }
            t
        })
        .collect();
    if !attempts.is_empty() {
        lines.push(Line::from(attempts.join(" · ")));
    }
    if !app.queue.referrals.is_empty() {
        let list = app
            .queue
            .referrals
            .iter()
            .map(|r| {
                format!(
                    "{} ({})",
                    r.service,
                    timefmt::when_words(r.at, app.now, tz, lang)
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        lines.push(Line::from(
            crate::i18n::log::REVIEW_REFERRED.fill(lang, &[("list", &list)]),
        ));
    }
    match app.queue.safe_unmet {
        Some(crate::callback::SafeTimeUnmet::Unread) => lines.push(Line::from(Span::styled(
            q::SAFE_TIME_UNREAD.get(lang),
            th.warning,
        ))),
        Some(crate::callback::SafeTimeUnmet::NeverOpen) => lines.push(Line::from(Span::styled(
            q::SAFE_TIME_NEVER_OPEN.get(lang),
            th.danger,
        ))),
        None => {}
    }
    if !app.queue.recordings.is_empty() {
        let list = app
            .queue
            .recordings
            .iter()
            .map(|(at, secs)| {
                let when = timefmt::when_words(*at, app.now, tz, lang);
                match secs {
                    Some(s) => format!("{when} ({}:{:02})", s / 60, s % 60),
                    None => when,
                }
            })
            .collect::<Vec<_>>()
            .join(", ");
        lines.push(Line::from(
            q::DETAIL_RECORDINGS.fill(lang, &[("list", &list)]),
        ));
    }
    if item.kind == Kind::Voicemail && item.open {
        let configured = app.config.callbacks.script.trim();
        let script = if configured.is_empty() {
            q::DEFAULT_SCRIPT.get(lang)
        } else {
            configured
        };
        lines.push(Line::from(Span::styled(
            q::DETAIL_SCRIPT.fill(lang, &[("script", &script)]),
            th.key,
        )));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fill_the_row_and_give_way_in_order() {
        // 120 wide: the wordy due text, the safety marks whole.
        let c = Columns::size(111, [26, 16], 11, 15, 6, 17);
        assert_eq!((c.due_form, c.due, c.safety), (0, 26, 17));
        assert_eq!(c.widths().iter().sum::<usize>(), 111);
        // Long safe-time words take at most two fifths of what is left.
        let c = Columns::size(111, [26, 16], 11, 15, 6, 60);
        assert_eq!(c.safety, (111 - 26 - 11 - 15 - 6) * 2 / 5);
        // 80 wide: the compact due text, the safety marks cut.
        let c = Columns::size(71, [26, 16], 11, 15, 6, 40);
        assert_eq!((c.due_form, c.due), (1, 16));
        assert_eq!(c.safety, (71 - 16 - 11 - 15 - 6) * 2 / 5);
        assert_eq!(c.summary, 71 - 16 - 11 - 15 - 6 - c.safety);
        assert_eq!(c.widths().iter().sum::<usize>(), 71);
        // Short texts: the summary takes the rest.
        let c = Columns::size(71, [11, 11], 11, 15, 6, 3);
        assert_eq!(
            (c.due_form, c.safety, c.summary),
            (0, 3, 71 - 11 - 11 - 15 - 6 - 3)
        );
        // Never more than the row, however little room there is.
        for room in 0..140 {
            let c = Columns::size(room, [26, 16], 11, 15, 6, 40);
            let sum: usize = c.widths().iter().sum();
            assert!(sum <= room.max(11 + 15 + 6 + 16), "{room}: {c:?}");
        }
    }
}
