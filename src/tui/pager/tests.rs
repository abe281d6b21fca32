//! The pager against a plain sorted `Vec`: random sequences of movements,
//! resizes, inserts, deletes and moves (with ties on the sort value, also
//! while scrolled); after every step the window on screen and the
//! selected id are the model's.

use super::{Move, Pager, Source};
use proptest::prelude::*;

type Row = (u8, i64);

/// The store: rows sorted by (sort value, id), read a few at a time.
struct Fake {
    rows: Vec<Row>,
    page: usize,
}

impl Fake {
    fn limit(&self, limit: usize) -> usize {
        assert!(
            limit <= (self.page + 1).max(3),
            "read {limit} rows for a page of {}",
            self.page
        );
        limit
    }
}

impl Source for Fake {
    type Row = Row;
    type Key = Row;
    type Err = ();

    fn key(&self, row: &Row) -> Row {
        *row
    }
    fn id(&self, row: &Row) -> i64 {
        row.1
    }
    fn from(&mut self, from: Option<&Row>, limit: usize) -> Result<Vec<Row>, ()> {
        let limit = self.limit(limit);
        Ok(self
            .rows
            .iter()
            .filter(|r| from.is_none_or(|k| *r >= k))
            .take(limit)
            .copied()
            .collect())
    }
    fn before(&mut self, key: &Row, limit: usize) -> Result<Vec<Row>, ()> {
        let limit = self.limit(limit);
        Ok(self
            .rows
            .iter()
            .rev()
            .filter(|r| *r < key)
            .take(limit)
            .copied()
            .collect())
    }
    fn last(&mut self, limit: usize) -> Result<Vec<Row>, ()> {
        let limit = self.limit(limit);
        Ok(self.rows.iter().rev().take(limit).copied().collect())
    }
    fn locate(&mut self, id: i64) -> Result<Option<Row>, ()> {
        Ok(self.rows.iter().find(|r| r.1 == id).copied())
    }
}

/// The plain model: the whole list and two indexes into it.
#[derive(Debug)]
struct Model {
    rows: Vec<Row>,
    top: usize,
    sel: Option<usize>,
    page: usize,
}

impl Model {
    fn n(&self) -> usize {
        self.rows.len()
    }

    /// The window holds the selection and is full where the list allows.
    fn settle(&mut self, top: usize, sel: usize) {
        let lo = (sel + 1).saturating_sub(self.page);
        let hi = sel.min(self.n().saturating_sub(self.page));
        self.top = top.clamp(lo, hi);
        self.sel = Some(sel);
    }

    fn step(&mut self, mv: Move) {
        let n = self.n();
        let Some(sel) = self.sel else { return };
        let (top, page) = (self.top, self.page);
        match mv {
            Move::Up => self.settle(top, sel.saturating_sub(1)),
            Move::Down => self.settle(top, (sel + 1).min(n - 1)),
            Move::PageUp => self.settle(top.saturating_sub(page), sel.saturating_sub(page)),
            Move::PageDown => self.settle(top + page, (sel + page).min(n - 1)),
            Move::Home => self.settle(0, 0),
            Move::End => self.settle(n, n - 1),
        }
    }

    fn resize(&mut self, page: usize) {
        self.page = page;
        if let Some(sel) = self.sel {
            let off = (sel - self.top).min(page - 1);
            self.settle(sel - off, sel);
        }
    }

    /// The list changed (another terminal wrote); the screen reloads.
    fn change(&mut self, rows: Vec<Row>) {
        let old = self.sel.map(|s| (self.rows[s], s - self.top));
        self.rows = rows;
        self.rows.sort();
        let n = self.n();
        if n == 0 {
            self.sel = None;
            self.top = 0;
            return;
        }
        match old {
            None => self.settle(0, 0),
            Some((was, off)) => {
                let sel = self
                    .rows
                    .iter()
                    .position(|r| r.1 == was.1)
                    .or_else(|| self.rows.iter().position(|r| *r > was))
                    .unwrap_or(n - 1);
                self.settle(sel.saturating_sub(off), sel);
            }
        }
    }

    fn window(&self) -> Vec<i64> {
        let end = (self.top + self.page).min(self.n());
        self.rows[self.top..end].iter().map(|r| r.1).collect()
    }
}

#[derive(Debug, Clone)]
enum Op {
    Move(Move),
    Resize(usize),
    Insert(u8),
    /// Deletes the row at this place (modulo the length).
    Delete(usize),
    DeleteSelected,
    /// Gives the row at this place a new sort value.
    Rekey(usize, u8),
    Reload,
}

fn moves() -> impl Strategy<Value = Move> {
    prop_oneof![
        Just(Move::Up),
        Just(Move::Down),
        Just(Move::PageUp),
        Just(Move::PageDown),
        Just(Move::Home),
        Just(Move::End),
    ]
}

fn ops() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => moves().prop_map(Op::Move),
        1 => (1usize..8).prop_map(Op::Resize),
        2 => (0u8..4).prop_map(Op::Insert),
        2 => any::<usize>().prop_map(Op::Delete),
        1 => Just(Op::DeleteSelected),
        1 => (any::<usize>(), 0u8..4).prop_map(|(i, s)| Op::Rekey(i, s)),
        1 => Just(Op::Reload),
    ]
}

fn check(pager: &Pager<Row, Row>, model: &Model) -> Result<(), TestCaseError> {
    let shown: Vec<i64> = pager.rows().iter().map(|r| r.1).collect();
    prop_assert_eq!(&shown, &model.window(), "window; model {:?}", model);
    let want = model.sel.map(|s| model.rows[s].1);
    prop_assert_eq!(pager.selected().map(|r| r.1), want, "selected row");
    prop_assert_eq!(pager.selected_id(), want, "followed id");
    prop_assert_eq!(
        pager.selected_index(),
        model.sel.map(|s| s - model.top),
        "place on screen"
    );
    prop_assert_eq!(
        pager.has_more(),
        model.top + model.page < model.n(),
        "more below"
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]
    #[test]
    fn pager_matches_a_sorted_vec(
        start in proptest::collection::vec(0u8..4, 0..30),
        page in 1usize..8,
        script in proptest::collection::vec(ops(), 0..60),
    ) {
        let mut rows: Vec<Row> = start.iter().enumerate().map(|(i, s)| (*s, i as i64 + 1)).collect();
        rows.sort();
        let mut next_id = rows.len() as i64 + 1;
        let mut fake = Fake { rows: rows.clone(), page };
        let mut pager: Pager<Row, Row> = Pager::new(page);
        let mut model = Model { rows: Vec::new(), top: 0, sel: None, page };
        model.change(rows);
        pager.reload(&mut fake).unwrap();
        check(&pager, &model)?;
        for op in script {
            let mut changed = None;
            match op {
                Op::Move(mv) => {
                    pager.step(&mut fake, mv).unwrap();
                    model.step(mv);
                }
                Op::Resize(p) => {
                    fake.page = p;
                    pager.set_page(p);
                    pager.reload(&mut fake).unwrap();
                    model.resize(p);
                }
                Op::Reload => pager.reload(&mut fake).unwrap(),
                Op::Insert(s) => {
                    let mut r = fake.rows.clone();
                    r.push((s, next_id));
                    next_id += 1;
                    changed = Some(r);
                }
                Op::Delete(i) if !fake.rows.is_empty() => {
                    let mut r = fake.rows.clone();
                    r.remove(i % r.len());
                    changed = Some(r);
                }
                Op::DeleteSelected => {
                    if let Some(id) = pager.selected_id() {
                        changed = Some(fake.rows.iter().copied().filter(|r| r.1 != id).collect());
                    }
                }
                Op::Rekey(i, s) if !fake.rows.is_empty() => {
                    let mut r = fake.rows.clone();
                    let i = i % r.len();
                    r[i].0 = s;
                    changed = Some(r);
                }
                Op::Delete(_) | Op::Rekey(..) => {}
            }
            if let Some(mut r) = changed {
                r.sort();
                fake.rows = r.clone();
                pager.reload(&mut fake).unwrap();
                model.change(r);
            }
            check(&pager, &model)?;
        }
    }
}
