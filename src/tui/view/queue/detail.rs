//! The detail box under the queue list: all it says about the selected
//! item (the caller's wishes, the deadline, attempts, referrals,
//! recordings, the call script).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::domain::promise::Kind;
use crate::i18n::queue as q;
use crate::store::callbacks::Item;
use crate::timefmt;
use crate::tui::app::App;
use crate::tui::theme::Theme;

/// Draws the detail box; `text` is the selected item's detail and its
/// height wrapped at the box's width.
pub(super) fn draw_detail(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    text: Option<(Paragraph, usize)>,
) {
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

pub(super) fn detail_lines<'a>(item: &Item, app: &App, th: &Theme) -> Vec<Line<'a>> {
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
        Some(crate::domain::promise::SafeTimeUnmet::Unread) => lines.push(Line::from(
            Span::styled(q::SAFE_TIME_UNREAD.get(lang), th.warning),
        )),
        Some(crate::domain::promise::SafeTimeUnmet::NeverOpen) => lines.push(Line::from(
            Span::styled(q::SAFE_TIME_NEVER_OPEN.get(lang), th.danger),
        )),
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
