//! The callback queue: the most urgent promise on top, named in words.
//!
//! This file lays out the pane (the list over the detail box) and draws
//! the form or question open on top; the list is in `list.rs` (its
//! columns sized in `columns.rs`, its signs in `marks.rs`), the detail in
//! `detail.rs`.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Paragraph, Wrap};

use crate::i18n::queue as q;
use crate::tui::app::App;
use crate::tui::queue::{Mode, View, shown_fields};

mod columns;
mod detail;
mod list;
mod marks;

pub use marks::*;

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
        let text =
            Paragraph::new(detail::detail_lines(item, app, &app.theme)).wrap(Wrap { trim: true });
        let lines = text.line_count(area.width);
        (text, lines)
    });
    let needed = detail_text.as_ref().map_or(0, |(_, n)| *n);
    let [list, detail] = Layout::vertical([
        Constraint::Min(2),
        Constraint::Length(detail_height(area, needed)),
    ])
    .areas(area);
    list::draw_list(frame, list, app);
    detail::draw_detail(frame, detail, app, detail_text);
    let th = &app.theme;
    let lang = app.lang;
    let hint = q::FORM_HINT.get(lang);
    match &app.queue.mode {
        Mode::List => {}
        Mode::Form { form, .. } => {
            let mut shown = form.clone();
            let visible = shown_fields(form);
            let focus_id = form.focused_id();
            shown.fields.retain(|f| visible.contains(&f.id));
            shown.focus = shown
                .fields
                .iter()
                .position(|f| Some(f.id) == focus_id)
                .unwrap_or(0);
            super::form::draw(frame, area, &shown, hint, th, lang);
        }
        Mode::JoinAsk { form, .. } => super::form::draw(frame, area, form, hint, th, lang),
        Mode::Attempt { form, .. } => super::form::draw(frame, area, form, hint, th, lang),
        Mode::Close { form, .. } => super::form::draw(frame, area, form, hint, th, lang),
        Mode::Plan { form, .. } => super::form::draw(frame, area, form, hint, th, lang),
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
