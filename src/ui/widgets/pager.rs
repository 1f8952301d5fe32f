//! A list shown one page at a time: only the rows on screen are ever loaded. A list whose rows
//! carry their place in its order (`PageKey`) pages by that key (the next page is the rows
//! after the last one shown, the one before the rows before the first), so page k costs what
//! page 1 costs and a row added meanwhile neither repeats nor hides a row; other lists page by
//! offset.

use crate::error::Result;
pub use crate::store::{Key, Start};
use crate::ui::keymap::Action;

pub const PAGE: i64 = 14;

/// Which row of a page to select once it is loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Select {
    First,
    Last,
    /// The row at this index, or the last when there are fewer (a reload after a change).
    At(usize),
}

/// Where a page starts: the number of its first row (shown), and how the store finds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spot {
    pub offset: i64,
    pub start: Start,
}

impl Spot {
    /// The first page.
    pub fn top() -> Spot {
        Spot { offset: 0, start: Start::Offset(0) }
    }
}

/// A row's place in its list's order, for lists that page by key.
pub trait PageKey {
    fn page_key(&self) -> Option<Key> {
        None
    }
}

/// A record number in a list ordered by record number (the records behind a figure).
impl PageKey for i64 {
    fn page_key(&self) -> Option<Key> {
        Some(Key { at: String::new(), id: *self })
    }
}

/// What a list action did to a pager that loads nothing itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// It moved within the page (or had nowhere to go).
    Moved,
    /// The page at `spot` is wanted, with this row selected.
    Load { spot: Spot, select: Select },
    /// The action does not move in a list.
    NotAMove,
}

pub struct Pager<T> {
    pub rows: Vec<T>,
    /// The number of the page's first row, from 0.
    pub offset: i64,
    pub selected: usize,
    /// There are rows after this page.
    pub more: bool,
    /// There are rows before this page.
    pub earlier: bool,
    /// Where this page was loaded from (a reload loads it from there again).
    pub spot: Spot,
}

/// A page with nothing on it yet (a screen whose first page is still to be loaded).
impl<T> Default for Pager<T> {
    fn default() -> Pager<T> {
        Pager {
            rows: Vec::new(),
            offset: 0,
            selected: 0,
            more: false,
            earlier: false,
            spot: Spot::top(),
        }
    }
}

impl<T: PageKey> Pager<T> {
    /// Load the page at `spot`, asking for one row more to know if another follows (or, going
    /// back, if another comes before).
    pub fn load(fetch: impl Fn(&Spot, i64) -> Result<Vec<T>>, spot: Spot) -> Result<Pager<T>> {
        let mut rows = fetch(&spot, PAGE + 1)?;
        if let Start::Before(_) = spot.start {
            let earlier = rows.len() as i64 > PAGE;
            if !earlier {
                // Back at the top: the first page, whole (rows may have come or gone since).
                return Pager::load(fetch, Spot::top());
            }
            rows.drain(..rows.len() - PAGE as usize);
            let offset = spot.offset.max(1);
            return Ok(Pager { rows, offset, selected: 0, more: true, earlier, spot });
        }
        let more = rows.len() as i64 > PAGE;
        rows.truncate(PAGE as usize);
        let earlier = spot.offset > 0 || matches!(spot.start, Start::After(_));
        Ok(Pager { rows, offset: spot.offset, selected: 0, more, earlier, spot })
    }

    /// Load the page at `spot` with the row `select` selected (for `Step::Load`, or to reload
    /// the page in front after a change with `here`).
    pub fn load_at(
        fetch: impl Fn(&Spot, i64) -> Result<Vec<T>>,
        spot: Spot,
        select: Select,
    ) -> Result<Pager<T>> {
        let mut page = Pager::load(fetch, spot)?;
        let last = page.rows.len().saturating_sub(1);
        page.selected = match select {
            Select::First => 0,
            Select::Last => last,
            Select::At(i) => i.min(last),
        };
        Ok(page)
    }

    /// The page after this one: the rows after its last row.
    fn next(&self) -> Spot {
        let offset = self.offset + PAGE;
        let start = match self.rows.last().and_then(PageKey::page_key) {
            Some(k) => Start::After(k),
            None => Start::Offset(offset),
        };
        Spot { offset, start }
    }

    /// The page before this one: the rows before its first row.
    fn previous(&self) -> Spot {
        let offset = (self.offset - PAGE).max(0);
        let start = match self.rows.first().and_then(PageKey::page_key) {
            Some(k) => Start::Before(k),
            None => Start::Offset(offset),
        };
        Spot { offset, start }
    }

    /// Move by a list action without loading anything: within the page it is done here;
    /// across a page boundary the answer says which page to load (`Step::Load`), for a screen
    /// whose update never touches the store.
    pub fn step(&mut self, action: Action) -> Step {
        let last = self.rows.len().saturating_sub(1);
        match action {
            Action::Down if self.selected < last => self.selected += 1,
            Action::Down if self.more => {
                return Step::Load { spot: self.next(), select: Select::First };
            }
            Action::Up if self.selected > 0 => self.selected -= 1,
            Action::Up if self.earlier => {
                return Step::Load { spot: self.previous(), select: Select::Last };
            }
            Action::PageDown if self.more => {
                return Step::Load { spot: self.next(), select: Select::First };
            }
            Action::PageDown => self.selected = last,
            Action::PageUp if self.earlier => {
                return Step::Load { spot: self.previous(), select: Select::First };
            }
            Action::PageUp => self.selected = 0,
            Action::Up | Action::Down => {}
            _ => return Step::NotAMove,
        }
        Step::Moved
    }

    /// A list key for a screen that loads nothing itself: None when `action` is not a move;
    /// otherwise what the move needs, nothing or the page `load` gives for `Step::Load`.
    pub fn moved<E>(
        &mut self,
        action: Action,
        load: impl FnOnce(Spot, Select) -> E,
    ) -> Option<Vec<E>> {
        match self.step(action) {
            Step::Load { spot, select } => Some(vec![load(spot, select)]),
            Step::Moved => Some(Vec::new()),
            Step::NotAMove => None,
        }
    }
}

impl<T> Pager<T> {
    /// Where to reload this page from after a change: where it was loaded from, and its
    /// selected row.
    pub fn here(&self) -> (Spot, Select) {
        (self.spot.clone(), Select::At(self.selected))
    }

    pub fn current(&self) -> Option<&T> {
        self.rows.get(self.selected)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A list by offset only.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    struct N(i64);
    impl PageKey for N {}

    fn numbers(total: i64) -> impl Fn(&Spot, i64) -> Result<Vec<N>> {
        move |spot, limit| Ok((spot.offset..(spot.offset + limit).min(total)).map(N).collect())
    }

    /// A list by key: record numbers `ids` in order, read the way the store reads them.
    fn keyed(ids: Vec<i64>) -> impl Fn(&Spot, i64) -> Result<Vec<i64>> {
        move |spot, limit| {
            let limit = limit as usize;
            Ok(match &spot.start {
                Start::Offset(o) => ids.iter().copied().skip(*o as usize).take(limit).collect(),
                Start::After(k) => ids.iter().copied().filter(|i| *i > k.id).take(limit).collect(),
                Start::Before(k) => {
                    let before: Vec<i64> = ids.iter().copied().filter(|i| *i < k.id).collect();
                    before[before.len().saturating_sub(limit)..].to_vec()
                }
                Start::AfterId(_) => unreachable!("only exports read by record number"),
            })
        }
    }

    /// Carry out `action`, loading what it asks for.
    fn press<T: PageKey>(
        p: &mut Pager<T>,
        f: &impl Fn(&Spot, i64) -> Result<Vec<T>>,
        action: Action,
    ) {
        if let Step::Load { spot, select } = p.step(action) {
            *p = Pager::load_at(f, spot, select).unwrap();
        }
    }

    #[test]
    fn pages_by_offset_move_across_boundaries() {
        let f = numbers(30);
        let mut p = Pager::load(&f, Spot::top()).unwrap();
        assert_eq!(p.rows.len(), PAGE as usize);
        assert!(p.more && !p.earlier);
        for _ in 0..PAGE {
            press(&mut p, &f, Action::Down);
        }
        assert_eq!(p.offset, PAGE);
        assert_eq!(p.current(), Some(&N(PAGE)));
        press(&mut p, &f, Action::Up);
        assert_eq!(p.offset, 0);
        assert_eq!(p.current(), Some(&N(PAGE - 1)));
        press(&mut p, &f, Action::PageDown);
        press(&mut p, &f, Action::PageDown);
        assert_eq!(p.offset, 2 * PAGE);
        assert!(!p.more);
        assert_eq!(p.rows, vec![N(28), N(29)]);
    }

    #[test]
    fn a_step_moves_within_the_page_and_asks_for_the_next() {
        let f = numbers(30);
        let mut p = Pager::load(&f, Spot::top()).unwrap();
        assert_eq!(p.step(Action::Up), Step::Moved);
        assert_eq!(p.step(Action::Down), Step::Moved);
        assert_eq!(p.selected, 1);
        let second = Spot { offset: PAGE, start: Start::Offset(PAGE) };
        assert_eq!(
            p.step(Action::PageDown),
            Step::Load { spot: second.clone(), select: Select::First }
        );
        p.selected = PAGE as usize - 1;
        assert_eq!(
            p.step(Action::Down),
            Step::Load { spot: second.clone(), select: Select::First }
        );
        let mut next = Pager::load_at(&f, second, Select::First).unwrap();
        assert_eq!(next.step(Action::Up), Step::Load { spot: Spot::top(), select: Select::Last });
        assert_eq!(next.step(Action::Open), Step::NotAMove);
        let back = Pager::load_at(&f, Spot::top(), Select::Last).unwrap();
        assert_eq!(back.current(), Some(&N(PAGE - 1)));
        let third = Spot { offset: 2 * PAGE, start: Start::Offset(2 * PAGE) };
        let again = Pager::load_at(&f, third, Select::At(9)).unwrap();
        assert_eq!(again.current(), Some(&N(29)), "past the end: the last row");
    }

    #[test]
    fn keyset_paging_shows_every_row_once_down_and_back_up() {
        // Record numbers with gaps, as a filtered list has them.
        let ids: Vec<i64> = (1..=100).filter(|i| i % 7 != 0).collect();
        let f = keyed(ids.clone());
        let mut p = Pager::load(&f, Spot::top()).unwrap();
        let mut seen = vec![*p.current().unwrap()];
        while p.more || p.selected + 1 < p.rows.len() {
            press(&mut p, &f, Action::Down);
            seen.push(*p.current().unwrap());
        }
        assert_eq!(seen, ids, "down one row at a time: every row once, in order");
        assert!(matches!(p.here().0.start, Start::After(_)), "pages after the first go by key");
        let mut back = vec![*p.current().unwrap()];
        while p.earlier || p.selected > 0 {
            press(&mut p, &f, Action::Up);
            back.push(*p.current().unwrap());
        }
        back.reverse();
        assert_eq!(back, ids, "and back up the same way");
        assert_eq!(p.offset, 0);
        // By pages: every row once, and a page added to at the top meanwhile does not repeat.
        let mut p = Pager::load(&f, Spot::top()).unwrap();
        let mut paged = p.rows.clone();
        while p.more {
            press(&mut p, &f, Action::PageDown);
            paged.extend(p.rows.iter().copied());
        }
        assert_eq!(paged, ids);
    }

    #[test]
    fn going_back_to_a_top_that_changed_shows_the_first_page_whole() {
        let f = keyed((1..=40).collect());
        let second = Spot { offset: PAGE, start: Start::After(Key { at: String::new(), id: 20 }) };
        let mut p = Pager::load_at(&f, second, Select::First).unwrap();
        assert_eq!(p.rows.first(), Some(&21));
        // Only 20 rows come before it now, not 14 more than a page: Up then PageUp land on the
        // first page, whole.
        press(&mut p, &f, Action::PageUp);
        assert_eq!(p.rows.first(), Some(&7));
        press(&mut p, &f, Action::PageUp);
        assert_eq!((p.offset, p.rows.first(), p.rows.len()), (0, Some(&1), PAGE as usize));
        assert!(!p.earlier);
    }
}
