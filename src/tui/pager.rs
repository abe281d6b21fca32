//! One keyset pager for every list: the rows on screen, the selected item
//! (followed by its id through resizes, reloads and other terminals'
//! writes), and the six movements. The store does the sorting; the pager
//! asks a [`Source`] for a few rows after or before a position and never
//! holds more than a page.
//!
//! The conventions, the same in every list:
//! - Up/Down move the selection one row; the window scrolls only when the
//!   selection would leave it.
//! - PageUp/PageDown move the selection and the window one page; at the
//!   ends they stop at the first/last row.
//! - Home/End select the first/last row.
//! - The window is always full when the list has a page of rows.
//! - After a resize or a reload the selected item keeps its place on
//!   screen where it can; if it has left the list, its neighbour in list
//!   order (the next one, else the one before) is selected.

/// Where the rows come from: the store, sorted by a key.
///
/// `Key` is the row's whole position in list order (its sort value and,
/// to break ties, its id), so no two rows have the same key. The store
/// compares keys (in whichever direction the list runs); the pager only
/// tells them apart.
pub trait Source {
    type Row;
    type Key: PartialEq + Clone;
    type Err;

    fn key(&self, row: &Self::Row) -> Self::Key;
    fn id(&self, row: &Self::Row) -> i64;
    /// Up to `limit` rows from `from` (included), or from the first row,
    /// in list order.
    fn from(&mut self, from: Option<&Self::Key>, limit: usize)
    -> Result<Vec<Self::Row>, Self::Err>;
    /// Up to `limit` rows before `key` (excluded), nearest first.
    fn before(&mut self, key: &Self::Key, limit: usize) -> Result<Vec<Self::Row>, Self::Err>;
    /// The last `limit` rows, the very last first.
    fn last(&mut self, limit: usize) -> Result<Vec<Self::Row>, Self::Err>;
    /// Where the row with this id is now, if it is (still) in the list.
    /// A list whose rows never move may answer `None`: the place where
    /// the row was last seen is used, which finds it or its neighbour.
    fn locate(&mut self, id: i64) -> Result<Option<Self::Key>, Self::Err>;
}

/// One of the six movements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
}

impl Move {
    /// The movement an app action asks for, if it is one.
    pub fn of(action: super::keymap::Action) -> Option<Move> {
        use super::keymap::Action;
        Some(match action {
            Action::Up => Move::Up,
            Action::Down => Move::Down,
            Action::PageUp => Move::PageUp,
            Action::PageDown => Move::PageDown,
            Action::Home => Move::Home,
            Action::End => Move::End,
            _ => return None,
        })
    }
}

/// The page on screen and the selection in it.
#[derive(Debug, Clone)]
pub struct Pager<R, K> {
    rows: Vec<R>,
    selected: usize,
    /// The item followed: its id ...
    chosen: Option<i64>,
    /// ... and where it (or the row selected before it) was last seen.
    seen_at: Option<K>,
    page: usize,
    /// Whether rows follow the last one on screen.
    has_more: bool,
}

impl<R, K: PartialEq + Clone> Default for Pager<R, K> {
    fn default() -> Self {
        Pager::new(20)
    }
}

impl<R, K: PartialEq + Clone> Pager<R, K> {
    pub fn new(page: usize) -> Self {
        Pager {
            rows: Vec::new(),
            selected: 0,
            chosen: None,
            seen_at: None,
            page: page.max(1),
            has_more: false,
        }
    }

    /// The rows on screen, in list order.
    pub fn rows(&self) -> &[R] {
        &self.rows
    }

    /// The selected row's place among [`Pager::rows`].
    pub fn selected_index(&self) -> Option<usize> {
        (!self.rows.is_empty()).then_some(self.selected)
    }

    pub fn selected(&self) -> Option<&R> {
        self.rows.get(self.selected)
    }

    /// The id of the item the pager follows.
    pub fn selected_id(&self) -> Option<i64> {
        self.chosen
    }

    pub fn page(&self) -> usize {
        self.page
    }

    pub fn has_more(&self) -> bool {
        self.has_more
    }

    /// Forgets the rows (after a failed read: nothing may act on rows the
    /// screen no longer shows). The selected item is still followed.
    pub fn clear(&mut self) {
        self.rows.clear();
        self.selected = 0;
        self.has_more = false;
    }

    /// Forgets the selection: the next reload shows the first page.
    pub fn reset(&mut self) {
        self.clear();
        self.chosen = None;
        self.seen_at = None;
    }

    /// Follows this item from now on (e.g. one just saved); the next
    /// reload selects it.
    pub fn follow(&mut self, id: i64) {
        self.chosen = Some(id);
    }

    /// A new page height; the next reload reads as many rows.
    pub fn set_page(&mut self, page: usize) {
        self.page = page.max(1);
    }

    /// The selected row's place on screen, kept by resizes and reloads.
    fn offset(&self) -> usize {
        self.selected.min(self.page - 1)
    }

    fn remember<S: Source<Row = R, Key = K>>(&mut self, src: &S) {
        self.chosen = self.selected().map(|r| src.id(r));
        self.seen_at = self.selected().map(|r| src.key(r));
    }

    /// Reads the page again around the selected item: it stays selected,
    /// at the same place on screen where the page allows, wherever it
    /// has moved in the list; if it is gone, its neighbour is selected.
    pub fn reload<S: Source<Row = R, Key = K>>(&mut self, src: &mut S) -> Result<(), S::Err> {
        let off = self.offset();
        let at = match self.chosen {
            Some(id) => src.locate(id)?.or_else(|| self.seen_at.clone()),
            None => None,
        };
        match at {
            Some(at) => self.anchor(src, &at, off),
            None => self.first(src),
        }
    }

    /// Selects the first row at or after `key` (else the last row), at
    /// the top of the screen.
    pub fn seek<S: Source<Row = R, Key = K>>(
        &mut self,
        src: &mut S,
        key: &K,
    ) -> Result<(), S::Err> {
        self.anchor(src, key, 0)
    }

    /// One movement.
    pub fn step<S: Source<Row = R, Key = K>>(
        &mut self,
        src: &mut S,
        mv: Move,
    ) -> Result<(), S::Err> {
        let off = self.offset();
        match mv {
            Move::Home => return self.first(src),
            Move::End => {
                let mut rows = src.last(self.page)?;
                rows.reverse();
                self.show(src, rows, false, usize::MAX);
                return Ok(());
            }
            Move::Down if self.selected + 1 < self.rows.len() => self.selected += 1,
            Move::Up if self.selected > 0 => self.selected -= 1,
            Move::Down | Move::PageDown => {
                let Some(last) = self.rows.last().map(|r| src.key(r)) else {
                    return self.first(src);
                };
                // Down reads two past the last row: the next, and whether more follow.
                let want = if mv == Move::Down { 2 } else { self.page };
                let mut after = src.from(Some(&last), want + 1)?;
                if after.first().is_some_and(|r| src.key(r) == last) {
                    after.remove(0);
                }
                if mv == Move::Down && !after.is_empty() {
                    // One row on: no need to read the page again.
                    self.has_more = after.len() > 1;
                    self.rows.push(after.remove(0));
                    if self.rows.len() > self.page {
                        self.rows.remove(0);
                    }
                    self.selected = self.rows.len() - 1;
                } else if let Some(row) = after.get(off).or(after.last()) {
                    let to = src.key(row);
                    return self.anchor(src, &to, off);
                } else {
                    self.selected = self.rows.len().saturating_sub(1);
                }
            }
            Move::Up | Move::PageUp => {
                let Some(first) = self.rows.first().map(|r| src.key(r)) else {
                    return self.first(src);
                };
                let want = if mv == Move::Up { 1 } else { self.page };
                let mut before = src.before(&first, want)?;
                before.reverse();
                if before.is_empty() {
                    self.selected = 0;
                } else if mv == Move::Up {
                    // One row back: no need to read the page again.
                    self.rows.insert(0, before.remove(0));
                    if self.rows.len() > self.page {
                        self.rows.pop();
                        self.has_more = true;
                    }
                    self.selected = 0;
                } else {
                    // The row a page above the selection, or the first.
                    let i = (before.len() + off).saturating_sub(self.page);
                    let to = src.key(&before[i]);
                    return self.anchor(src, &to, i);
                }
            }
        }
        self.remember(src);
        Ok(())
    }

    /// The first page, its first row selected.
    fn first<S: Source<Row = R, Key = K>>(&mut self, src: &mut S) -> Result<(), S::Err> {
        let mut rows = src.from(None, self.page + 1)?;
        let more = rows.len() > self.page;
        rows.truncate(self.page);
        self.show(src, rows, more, 0);
        Ok(())
    }

    /// A full page with the first row at or after `key` selected, `off`
    /// rows from the top where the list allows (fewer near the start;
    /// more near the end, so the page stays full). Past the end of the
    /// list the last row is selected.
    fn anchor<S: Source<Row = R, Key = K>>(
        &mut self,
        src: &mut S,
        key: &K,
        off: usize,
    ) -> Result<(), S::Err> {
        let page = self.page;
        let after = src.from(Some(key), page + 1)?;
        if after.is_empty() {
            let mut rows = src.before(key, page)?;
            rows.reverse();
            self.show(src, rows, false, usize::MAX);
            return Ok(());
        }
        let above = off.max(page.saturating_sub(after.len())).min(page - 1);
        let mut rows = src.before(key, above)?;
        rows.reverse();
        let sel = rows.len();
        let room = page - sel;
        let more = after.len() > room;
        rows.extend(after.into_iter().take(room));
        self.show(src, rows, more, sel);
        Ok(())
    }

    fn show<S: Source<Row = R, Key = K>>(&mut self, src: &S, rows: Vec<R>, more: bool, sel: usize) {
        self.rows = rows;
        self.has_more = more;
        self.selected = sel.min(self.rows.len().saturating_sub(1));
        self.remember(src);
    }
}

#[cfg(test)]
mod tests;
