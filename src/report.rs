//! The handover review as lines (for the screen), plain text (to read
//! aloud or print), Markdown (to paste) and JSON. Numbers are masked.

use serde_json::{Value, json};

use crate::handover::Review;
use crate::i18n::{Lang, log as m, plural as p};
use crate::store::callbacks::Item;
use crate::store::log::Note;
use crate::timefmt;

/// How a line of the review should look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Title,
    Heading,
    Urgent,
    Warning,
    Item,
    Muted,
    Blank,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportLine {
    pub kind: LineKind,
    pub text: String,
}

fn line(kind: LineKind, text: String) -> ReportLine {
    ReportLine { kind, text }
}

fn phone(item: &Item) -> String {
    item.phone
        .as_ref()
        .map(|p| p.masked())
        .unwrap_or_else(|| "–".into())
}

fn summary(item: &Item) -> String {
    // One line: a summary with line breaks would break a printed review.
    item.summary.replace(['\n', '\r'], " ")
}

fn note_body(n: &Note, lang: Lang) -> String {
    if n.purged {
        m::MARK_PURGED.get(lang).to_string()
    } else {
        n.body.replace(['\n', '\r'], " ")
    }
}

fn attempts(i: &Item, lang: Lang) -> String {
    crate::i18n::plural::ATTEMPTS.count(lang, u64::from(i.attempt_count))
}

/// What the next person needs on every open item: the safety
/// instructions, the next planned attempt, and the services referred.
fn item_detail(r: &Review, i: &Item, lang: Lang) -> String {
    let when = |t| timefmt::when_words(t, r.now, r.tz, lang);
    let mut parts = crate::i18n::queue::safety_words(&i.safety, lang);
    if let Some(planned) = i.planned_at {
        parts.push(crate::i18n::queue::REVIEW_PLANNED.fill(lang, &[("when", &when(planned))]));
    } else if let Some(next) = i.next_attempt_at.filter(|_| i.attempt_count > 0) {
        parts.push(m::REVIEW_NEXT_ATTEMPT.fill(lang, &[("when", &when(next))]));
    }
    if let Some(refs) = r.referrals.get(&i.id) {
        let list = refs
            .iter()
            .map(|x| format!("{} ({})", x.service, when(x.at)))
            .collect::<Vec<_>>()
            .join(", ");
        parts.push(m::REVIEW_REFERRED.fill(lang, &[("list", &list)]));
    }
    if let Some(u) = r.safe_unmet.get(&i.id) {
        parts.push(crate::i18n::queue::safe_unmet_words(*u, lang).to_string());
    }
    parts.join(" · ")
}

/// The review in order, as lines.
pub fn lines(r: &Review, lang: Lang) -> Vec<ReportLine> {
    let tz = r.tz;
    let now = r.now;
    let when = |t| timefmt::when_words(t, now, tz, lang);
    let abs = |t| timefmt::absolute(t, tz);
    let mut out = Vec::new();
    // "man. 23.11.2026"
    let day_of = |t: chrono::DateTime<chrono_tz::Tz>| {
        format!(
            "{} {}",
            timefmt::weekday_short(t.date_naive(), lang),
            t.format("%d.%m.%Y")
        )
    };
    let local_from = r.from.with_timezone(&tz);
    let day = day_of(local_from);
    let local_to = r.to.with_timezone(&tz);
    let title = match &r.person {
        // Handovers from more than one day, read together.
        Some(who) if local_to.date_naive() > local_from.date_naive() => m::REVIEW_HEADER_SPAN.fill(
            lang,
            &[
                ("from", &format!("{day} {}", local_from.format("%H:%M"))),
                (
                    "to",
                    &format!("{} {}", day_of(local_to), local_to.format("%H:%M")),
                ),
                ("who", who),
            ],
        ),
        Some(who) => m::REVIEW_HEADER.fill(
            lang,
            &[
                ("day", &day),
                ("from", &local_from.format("%H:%M")),
                ("to", &r.to.with_timezone(&tz).format("%H:%M")),
                ("who", who),
            ],
        ),
        None => m::REVIEW_HEADER_DAY.fill(lang, &[("day", &day)]),
    };
    out.push(line(LineKind::Title, title));
    out.push(line(LineKind::Blank, String::new()));

    out.push(line(LineKind::Heading, m::REVIEW_URGENT.get(lang).into()));
    if r.overdue.is_empty() && r.retry_now.is_empty() && r.escalations.is_empty() {
        out.push(line(
            LineKind::Muted,
            m::REVIEW_NOTHING_URGENT.get(lang).into(),
        ));
    }
    let urgent = [
        (m::REVIEW_OVERDUE_ITEM, &r.overdue),
        (m::REVIEW_RETRY_ITEM, &r.retry_now),
    ];
    for (msg, items) in urgent {
        for i in items {
            let text = msg.fill(
                lang,
                &[
                    ("id", &i.id),
                    ("phone", &phone(i)),
                    ("deadline", &abs(i.deadline_at)),
                    ("attempts", &attempts(i, lang)),
                    ("summary", &summary(i)),
                ],
            );
            // An item with nothing summarised ends at its attempts.
            let mut text = text.trim_end().trim_end_matches('–').trim_end().to_string();
            text.push_str(" · ");
            text.push_str(&item_detail(r, i, lang));
            out.push(line(LineKind::Urgent, text));
        }
    }
    for n in &r.escalations {
        out.push(line(
            LineKind::Urgent,
            m::REVIEW_ESCALATION.fill(
                lang,
                &[
                    ("when", &when(n.at)),
                    ("by", &n.author),
                    ("body", &note_body(n, lang)),
                ],
            ),
        ));
    }
    out.push(line(LineKind::Blank, String::new()));

    out.push(line(LineKind::Heading, m::REVIEW_QUEUE.get(lang).into()));
    if r.open.is_empty() {
        out.push(line(
            LineKind::Muted,
            m::REVIEW_QUEUE_EMPTY.get(lang).into(),
        ));
    } else if r.open.iter().all(|i| r.is_urgent(i)) {
        out.push(line(
            LineKind::Muted,
            m::REVIEW_QUEUE_ALL_URGENT.get(lang).into(),
        ));
    }
    // Urgent items were listed under 1: once is enough.
    for i in r.open.iter().filter(|i| !r.is_urgent(i)) {
        let mut text = m::REVIEW_QUEUE_ITEM.fill(
            lang,
            &[
                ("id", &i.id),
                ("phone", &phone(i)),
                ("deadline", &abs(i.deadline_at)),
                ("attempts", &attempts(i, lang)),
            ],
        );
        // An item with nothing summarised ends at its attempts.
        let about = summary(i);
        if !about.trim().is_empty() {
            text.push_str(" · ");
            text.push_str(&about);
        }
        text.push_str(" · ");
        text.push_str(&item_detail(r, i, lang));
        let mut kind = LineKind::Item;
        if r.due_before_next_opening(i)
            && let Some(open) = r.next_opening
        {
            text.push_str(" · ");
            text.push_str(&m::REVIEW_DUE_BEFORE_OPENING.fill(lang, &[("opening", &when(open))]));
            kind = LineKind::Warning;
        }
        out.push(line(kind, text));
    }
    let unlisted = r.open_total.saturating_sub(r.open.len() as u64);
    if unlisted > 0 {
        out.push(line(
            LineKind::Muted,
            m::REVIEW_MORE.fill(lang, &[("n", &unlisted)]),
        ));
    }
    out.push(line(LineKind::Blank, String::new()));

    out.push(line(LineKind::Heading, m::REVIEW_DONE.get(lang).into()));
    let a = &r.activity;
    out.push(line(
        LineKind::Item,
        m::REVIEW_COUNTS.fill(
            lang,
            &[
                ("messages", &p::MESSAGES.count(lang, a.messages)),
                ("added", &p::NEW_ITEMS.count(lang, a.added)),
                ("joined", &p::JOINED.count(lang, a.joined)),
                ("withheld", &p::WITHHELD.count(lang, a.withheld)),
                ("attempts", &p::ATTEMPTS.count(lang, a.attempts)),
                ("reached", &p::REACHED.count(lang, a.reached)),
                ("closed", &p::CLOSED.count(lang, a.closed)),
                ("notes", &p::NOTES.count(lang, a.notes)),
                ("referrals", &p::REFERRALS.count(lang, a.referrals)),
            ],
        ),
    ));
    let c = &r.closed_arrivals;
    if c.count > 0 {
        out.push(line(
            LineKind::Item,
            crate::i18n::intake::REVIEW_CLOSED_ARRIVALS.fill(
                lang,
                &[
                    ("count", &c.count),
                    ("email", &c.by_email),
                    ("withheld", &c.withheld),
                ],
            ),
        ));
    }
    out.push(line(LineKind::Blank, String::new()));

    out.push(line(LineKind::Heading, m::REVIEW_NOTES.get(lang).into()));
    if r.handover_notes.is_empty() {
        out.push(line(LineKind::Muted, m::REVIEW_NO_NOTES.get(lang).into()));
    }
    for n in &r.handover_notes {
        out.push(line(
            LineKind::Item,
            m::REVIEW_NOTE.fill(
                lang,
                &[
                    ("when", &when(n.at)),
                    ("by", &n.author),
                    ("body", &note_body(n, lang)),
                ],
            ),
        ));
    }
    for p in &r.problems {
        let kind = crate::i18n::directory::problem_kind_msg(p.kind).get(lang);
        out.push(line(
            LineKind::Warning,
            m::REVIEW_PROBLEM.fill(
                lang,
                &[
                    ("service", &p.service_name),
                    ("kind", &kind),
                    ("note", &p.note.replace(['\n', '\r'], " ")),
                    ("by", &p.by),
                    ("when", &when(p.at)),
                ],
            ),
        ));
    }
    out.push(line(LineKind::Blank, String::new()));

    out.push(line(LineKind::Heading, m::REVIEW_ACK.get(lang).into()));
    let ack = match &r.handover {
        None => line(LineKind::Muted, m::REVIEW_NO_HANDOVER.get(lang).into()),
        Some(h) => match (&h.acknowledged_by, h.acknowledged_at) {
            (Some(by), Some(at)) => line(
                LineKind::Item,
                m::REVIEW_ACKED.fill(lang, &[("by", by), ("when", &when(at))]),
            ),
            _ => line(LineKind::Warning, m::REVIEW_NOT_ACKED.get(lang).into()),
        },
    };
    out.push(ack);
    out
}

/// Plain text, for reading aloud or printing.
pub fn text(r: &Review, lang: Lang) -> String {
    let mut s = String::new();
    for l in lines(r, lang) {
        match l.kind {
            LineKind::Item | LineKind::Urgent | LineKind::Warning | LineKind::Muted => {
                s.push_str("  ");
                s.push_str(&l.text);
            }
            _ => s.push_str(&l.text),
        }
        s.push('\n');
    }
    s
}

/// Markdown, for pasting into the organisation's own channel.
pub fn markdown(r: &Review, lang: Lang) -> String {
    let mut s = String::new();
    for l in lines(r, lang) {
        match l.kind {
            LineKind::Title => s.push_str(&format!("# {}", md_escape(&l.text))),
            LineKind::Heading => s.push_str(&format!("## {}", md_escape(&l.text))),
            LineKind::Urgent => s.push_str(&format!("- **{}**", md_escape(&l.text))),
            LineKind::Warning => s.push_str(&format!("- *{}*", md_escape(&l.text))),
            LineKind::Item | LineKind::Muted => s.push_str(&format!("- {}", md_escape(&l.text))),
            LineKind::Blank => {}
        }
        s.push('\n');
    }
    s
}

/// Keeps text from being read as Markdown markup.
fn md_escape(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        if matches!(c, '*' | '_' | '`' | '#' | '[' | ']' | '<' | '>' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn item_json(r: &Review, i: &Item) -> Value {
    let tz = r.tz;
    json!({
        "id": i.id,
        "kind": i.kind.key(),
        "phone": i.phone.as_ref().map(|p| p.masked()),
        "received": i.received_at.with_timezone(&tz).to_rfc3339(),
        "deadline": i.deadline_at.with_timezone(&tz).to_rfc3339(),
        "attempts": i.attempt_count,
        "next_attempt": i.next_attempt_at.map(|t| t.with_timezone(&tz).to_rfc3339()),
        "planned": i.planned_at.map(|t| t.with_timezone(&tz).to_rfc3339()),
        "overdue": i.is_overdue(r.now),
        "due_before_next_opening": r.due_before_next_opening(i),
        "may_leave_message": i.safety.may_leave_message,
        "may_say_who_we_are": i.safety.may_say_who_we_are,
        "safe_times": i.safety.safe_times,
        "safe_time_unmet": r.safe_unmet.get(&i.id).map(|u| u.key()),
        "referrals": r.referrals.get(&i.id).map(|v| v.iter().map(|x| json!({
            "service": x.service,
            "at": x.at.with_timezone(&tz).to_rfc3339(),
        })).collect::<Vec<_>>()).unwrap_or_default(),
        "summary": summary(i),
    })
}

fn note_json(r: &Review, n: &Note, lang: Lang) -> Value {
    json!({
        "id": n.id,
        "at": n.at.with_timezone(&r.tz).to_rfc3339(),
        "author": n.author,
        "text": note_body(n, lang),
        "escalation": n.escalation,
        "released": n.released,
    })
}

/// JSON with the same sections.
pub fn json(r: &Review, lang: Lang) -> Value {
    let tz = r.tz;
    json!({
        "from": r.from.with_timezone(&tz).to_rfc3339(),
        "to": r.to.with_timezone(&tz).to_rfc3339(),
        "person": r.person,
        "urgent": {
            "overdue": r.overdue.iter().map(|i| item_json(r, i)).collect::<Vec<_>>(),
            "retry_now": r.retry_now.iter().map(|i| item_json(r, i)).collect::<Vec<_>>(),
            "escalations": r.escalations.iter().map(|n| note_json(r, n, lang)).collect::<Vec<_>>(),
        },
        "queue": {
            "open": r.open_total,
            "items": r.open.iter().map(|i| item_json(r, i)).collect::<Vec<_>>(),
            "next_opening": r.next_opening.map(|t| t.with_timezone(&tz).to_rfc3339()),
        },
        "done": r.activity,
        "closed_arrivals": r.closed_arrivals,
        "handover_notes": r.handover_notes.iter().map(|n| note_json(r, n, lang)).collect::<Vec<_>>(),
        "directory_problems": r.problems.iter().map(|p| json!({
            "service_id": p.service_id,
            "service": p.service_name,
            "kind": p.kind.key(),
            "note": p.note,
            "by": p.by,
            "at": p.at.with_timezone(&tz).to_rfc3339(),
        })).collect::<Vec<_>>(),
        "acknowledgement": r.handover.as_ref().map(|h| json!({
            "given_by": h.given_by,
            "given_at": h.given_at.with_timezone(&tz).to_rfc3339(),
            "acknowledged_by": h.acknowledged_by,
            "acknowledged_at": h.acknowledged_at.map(|t| t.with_timezone(&tz).to_rfc3339()),
        })),
    })
}
