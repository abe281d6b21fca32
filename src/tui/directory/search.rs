//! Searching the directory: what is typed and the filters, read from the
//! store into the results the pager pages through, and what is known
//! about the selected service.

use super::forms::Category;
use super::{DirectoryState, RESULT_LIMIT};
use crate::directory::Service;
use crate::store::StoreError;
use crate::store::directory::{SearchQuery, SearchResult};
use crate::tui::app::Env;
use crate::tui::fault::ReadFault;
use crate::tui::pager::Source;

impl DirectoryState {
    /// Runs the search for what is typed and the filters. The text is
    /// never logged.
    pub(super) fn search(&mut self, env: &mut Env) {
        let text = self.query.text();
        let q = SearchQuery {
            text: &text,
            category: self.filter.category.map(Category::key),
            municipality: Some(self.filter.municipality.as_str()).filter(|m| !m.trim().is_empty()),
            open_at: self.filter.open_now.then_some((env.now, env.calendar.tz)),
            include_closed: false,
            limit: RESULT_LIMIT,
        };
        let select = self.select_after_reload.take();
        let found = env.store.search_directory(&q).and_then(|found| {
            let ids: Vec<i64> = found.services.iter().map(|s| s.id).collect();
            Ok((found, env.store.open_problem_among(&ids)?))
        });
        match found {
            Ok((mut found, problems)) => {
                self.problems = problems;
                self.rows = std::mem::take(&mut found.services);
                self.reading = found;
                self.fault = ReadFault::default();
            }
            Err(e) => {
                self.read_failed(&e, env);
                return;
            }
        }
        if let Some(id) = select {
            self.list.follow(id);
        }
        let Ok(()) = self.list.reload(&mut Results(&self.rows));
        self.load_selected(env);
    }

    /// Records a failed read and drops the results, so no action works on
    /// a service the screen no longer shows.
    pub(super) fn read_failed(&mut self, e: &StoreError, env: &Env) {
        self.fault.fail(e, env);
        self.rows.clear();
        self.reading = SearchResult::default();
        self.list.clear();
        self.referrals = 0;
        self.problem = None;
        self.problems.clear();
    }

    /// Reads what the detail shows about the selected service: an open
    /// problem report and how often it has been given out.
    pub(super) fn load_selected(&mut self, env: &mut Env) {
        let Some(id) = self.selected_service().map(|s| s.id) else {
            self.problem = None;
            self.referrals = 0;
            return;
        };
        let read = env
            .store
            .open_problem(id)
            .and_then(|p| Ok((p, env.store.referral_count(id)?)));
        match read {
            Ok((problem, referrals)) => {
                self.problem = problem;
                self.referrals = referrals;
            }
            Err(e) => self.read_failed(&e, env),
        }
    }
}

/// The results of a search, ranked by the store: the pager reads its
/// page from them (the position in the ranking is the key).
pub(super) struct Results<'r>(pub(super) &'r [Service]);

impl Source for Results<'_> {
    type Row = Service;
    type Key = usize;
    type Err = std::convert::Infallible;

    fn key(&self, s: &Service) -> usize {
        self.0
            .iter()
            .position(|r| r.id == s.id)
            .unwrap_or(self.0.len())
    }

    fn id(&self, s: &Service) -> i64 {
        s.id
    }

    fn from(&mut self, from: Option<&usize>, limit: usize) -> Result<Vec<Service>, Self::Err> {
        let at = from.copied().unwrap_or(0).min(self.0.len());
        Ok(self.0[at..].iter().take(limit).cloned().collect())
    }

    fn before(&mut self, key: &usize, limit: usize) -> Result<Vec<Service>, Self::Err> {
        let at = (*key).min(self.0.len());
        Ok(self.0[..at].iter().rev().take(limit).cloned().collect())
    }

    fn last(&mut self, limit: usize) -> Result<Vec<Service>, Self::Err> {
        Ok(self.0.iter().rev().take(limit).cloned().collect())
    }

    fn locate(&mut self, id: i64) -> Result<Option<usize>, Self::Err> {
        Ok(self.0.iter().position(|r| r.id == id))
    }
}
