//! The log's search box: the list follows each change to its text, Enter
//! keeps the search, Esc (there or in the list) shows every note again.

use super::{LogState, Mode};
use crate::tui::app::Env;
use crate::tui::input::Field;

/// The longest text the search box takes.
const MAX_SEARCH: usize = 100;

impl LogState {
    /// Opens the search box with the search shown now, if any.
    pub(super) fn open_search(&mut self) {
        let field = Field::single(MAX_SEARCH).with_text(self.search.as_deref().unwrap_or(""));
        self.mode = Mode::Search(Box::new(field));
    }

    /// The search box's text changed (typed or pasted): search again from
    /// the top.
    pub(super) fn search_changed(&mut self, env: &mut Env) {
        if let Mode::Search(field) = &self.mode {
            self.search = query(field);
            self.list.reset();
            self.fetch(env);
        }
    }

    /// Enter: back to the list, which shows what the search found.
    pub(super) fn keep_search(&mut self) {
        if let Mode::Search(field) = &self.mode {
            self.search = query(field);
            self.mode = Mode::List;
        }
    }

    /// Every note again, from the newest.
    pub(super) fn clear_search(&mut self, env: &mut Env) {
        self.search = None;
        self.list.reset();
        self.fetch(env);
    }
}

/// What the box searches for: its text without the spaces around it;
/// nothing when that is empty.
fn query(field: &Field) -> Option<String> {
    let q = field.text().trim().to_string();
    (!q.is_empty()).then_some(q)
}
