//! The panes, registered once. A pane is its module (state, key table,
//! [`Component`](super::component::Component) impl) and its drawing in
//! `view/`; this table says what the rest of the app needs to know of it:
//! its name, how it is drawn, whether it shows caller data (and so is
//! covered while caller data is hidden), and how many rows it reads at a
//! window height. The tabs, the frame, the help, the privacy screen and
//! resizing all go through [`Pane::spec`].

use ratatui::Frame;
use ratatui::layout::Rect;

use super::app::App;
use super::view;
use crate::i18n::{Msg, shell as s};

/// The panes, in the order of their tabs and go-to keys (1–4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Queue,
    Directory,
    Log,
    Stats,
}

/// What the app knows of a pane besides its [`Component`](super::component::Component).
pub struct PaneSpec {
    pub pane: Pane,
    /// The name on its tab and frame.
    pub name: Msg,
    /// Draws the pane inside its frame.
    pub draw: fn(&mut Frame, Rect, &App),
    /// A line after the name in the frame (counts), when caller data shows.
    pub subtitle: Option<fn(&App) -> Option<String>>,
    /// Whether it shows caller data (covered while caller data is hidden).
    pub shows_caller_data: bool,
    /// Tells the pane how many rows fit at a window height; true when it
    /// must read again.
    pub fit: fn(&mut App, u16) -> bool,
}

/// Every pane, in [`Pane::ALL`] order (a test checks).
const PANES: [PaneSpec; 4] = [
    PaneSpec {
        pane: Pane::Queue,
        name: s::PANE_QUEUE,
        draw: view::queue::draw,
        subtitle: Some(|app| (!app.queue.fault.is_set()).then(|| view::queue::title(app))),
        shows_caller_data: true,
        fit: |app, height| {
            let rows = view::queue::list_rows(height);
            let changed = rows != app.queue.page();
            app.queue.set_page(rows);
            changed
        },
    },
    PaneSpec {
        pane: Pane::Directory,
        name: s::PANE_DIRECTORY,
        draw: view::directory::draw,
        subtitle: None,
        shows_caller_data: false,
        fit: |app, height| {
            app.directory
                .list
                .set_page(view::directory::list_rows(height));
            false
        },
    },
    PaneSpec {
        pane: Pane::Log,
        name: s::PANE_LOG,
        draw: view::log::draw,
        subtitle: None,
        shows_caller_data: true,
        fit: |app, height| {
            let rows = view::log::list_rows(height);
            let changed = rows != app.log.page();
            app.log.set_page(rows);
            changed
        },
    },
    PaneSpec {
        pane: Pane::Stats,
        name: s::PANE_STATS,
        draw: view::stats::draw,
        subtitle: None,
        shows_caller_data: true,
        fit: |_, _| false,
    },
];

impl Pane {
    pub const ALL: [Pane; 4] = [Pane::Queue, Pane::Directory, Pane::Log, Pane::Stats];

    pub(super) fn index(self) -> usize {
        Pane::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    /// What the app knows of this pane.
    pub fn spec(self) -> &'static PaneSpec {
        &PANES[self.index()]
    }

    /// Its name on the tab and the frame.
    pub fn name(self) -> Msg {
        self.spec().name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pane_is_registered_in_its_place() {
        assert_eq!(PANES.len(), Pane::ALL.len());
        for (i, p) in Pane::ALL.iter().enumerate() {
            assert_eq!(PANES[i].pane, *p);
            assert_eq!(p.index(), i);
        }
    }
}
