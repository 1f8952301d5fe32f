//! A list shown one page at a time: only the rows on screen are ever loaded.

use crate::error::Result;
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

/// What a list action did to a pager that loads nothing itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// It moved within the page (or had nowhere to go).
    Moved,
    /// The page at `offset` is wanted, with this row selected.
    Load { offset: i64, select: Select },
    /// The action does not move in a list.
    NotAMove,
}

/// A page with nothing on it yet (a screen whose first page is still to be loaded).
impl<T> Default for Pager<T> {
    fn default() -> Pager<T> {
        Pager { rows: Vec::new(), offset: 0, selected: 0, more: false }
    }
}

pub struct Pager<T> {
    pub rows: Vec<T>,
    pub offset: i64,
    pub selected: usize,
    /// There are rows after this page.
    pub more: bool,
}

impl<T> Pager<T> {
    /// Load the page starting at `offset`, asking for one row more to know if another follows.
    pub fn load(fetch: impl Fn(i64, i64) -> Result<Vec<T>>, offset: i64) -> Result<Pager<T>> {
        let offset = offset.max(0);
        let mut rows = fetch(offset, PAGE + 1)?;
        let more = rows.len() as i64 > PAGE;
        rows.truncate(PAGE as usize);
        Ok(Pager { rows, offset, selected: 0, more })
    }

    /// Move by a list action (Up, Down, PageUp, PageDown); None when it is not one.
    pub fn navigate(
        &mut self,
        action: Action,
        fetch: impl Fn(i64, i64) -> Result<Vec<T>>,
    ) -> Option<Result<()>> {
        Some(match action {
            Action::Up => self.up(fetch),
            Action::Down => self.down(fetch),
            Action::PageUp => self.page_up(fetch),
            Action::PageDown => self.page_down(fetch),
            _ => return None,
        })
    }

    /// Move by a list action without loading anything: within the page it is done here;
    /// across a page boundary the answer says which page to load (`Step::Load`), for a screen
    /// whose update never touches the store.
    pub fn step(&mut self, action: Action) -> Step {
        let last = self.rows.len().saturating_sub(1);
        match action {
            Action::Down if self.selected < last => self.selected += 1,
            Action::Down if self.more => {
                return Step::Load { offset: self.offset + PAGE, select: Select::First };
            }
            Action::Up if self.selected > 0 => self.selected -= 1,
            Action::Up if self.offset > 0 => {
                return Step::Load { offset: (self.offset - PAGE).max(0), select: Select::Last };
            }
            Action::PageDown if self.more => {
                return Step::Load { offset: self.offset + PAGE, select: Select::First };
            }
            Action::PageDown => self.selected = last,
            Action::PageUp if self.offset > 0 => {
                return Step::Load { offset: (self.offset - PAGE).max(0), select: Select::First };
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
        load: impl FnOnce(i64, Select) -> E,
    ) -> Option<Vec<E>> {
        match self.step(action) {
            Step::Load { offset, select } => Some(vec![load(offset, select)]),
            Step::Moved => Some(Vec::new()),
            Step::NotAMove => None,
        }
    }

    /// Load the page at `offset` with the row `select` selected (for `Step::Load`, or to
    /// reload the page in front after a change with `Select::At(selected)`).
    pub fn load_at(
        fetch: impl Fn(i64, i64) -> Result<Vec<T>>,
        offset: i64,
        select: Select,
    ) -> Result<Pager<T>> {
        let mut page = Pager::load(fetch, offset)?;
        let last = page.rows.len().saturating_sub(1);
        page.selected = match select {
            Select::First => 0,
            Select::Last => last,
            Select::At(i) => i.min(last),
        };
        Ok(page)
    }

    /// Where to reload this page from after a change: its offset and selected row.
    pub fn here(&self) -> (i64, Select) {
        (self.offset, Select::At(self.selected))
    }

    pub fn current(&self) -> Option<&T> {
        self.rows.get(self.selected)
    }

    /// Reload the same page (after a change), keeping the selection where it can.
    pub fn reload(&mut self, fetch: impl Fn(i64, i64) -> Result<Vec<T>>) -> Result<()> {
        let selected = self.selected;
        *self = Pager::load(fetch, self.offset)?;
        self.selected = selected.min(self.rows.len().saturating_sub(1));
        Ok(())
    }

    pub fn down(&mut self, fetch: impl Fn(i64, i64) -> Result<Vec<T>>) -> Result<()> {
        if self.selected + 1 < self.rows.len() {
            self.selected += 1;
        } else if self.more {
            *self = Pager::load(fetch, self.offset + PAGE)?;
        }
        Ok(())
    }

    pub fn up(&mut self, fetch: impl Fn(i64, i64) -> Result<Vec<T>>) -> Result<()> {
        if self.selected > 0 {
            self.selected -= 1;
        } else if self.offset > 0 {
            *self = Pager::load(fetch, self.offset - PAGE)?;
            self.selected = self.rows.len().saturating_sub(1);
        }
        Ok(())
    }

    pub fn page_down(&mut self, fetch: impl Fn(i64, i64) -> Result<Vec<T>>) -> Result<()> {
        if self.more {
            *self = Pager::load(fetch, self.offset + PAGE)?;
        } else {
            self.selected = self.rows.len().saturating_sub(1);
        }
        Ok(())
    }

    pub fn page_up(&mut self, fetch: impl Fn(i64, i64) -> Result<Vec<T>>) -> Result<()> {
        if self.offset > 0 {
            *self = Pager::load(fetch, self.offset - PAGE)?;
        } else {
            self.selected = 0;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(total: i64) -> impl Fn(i64, i64) -> Result<Vec<i64>> {
        move |offset, limit| Ok((offset..(offset + limit).min(total)).collect())
    }

    #[test]
    fn pages_load_only_what_is_shown_and_move_across_boundaries() {
        let f = numbers(30);
        let mut p = Pager::load(&f, 0).unwrap();
        assert_eq!(p.rows.len(), PAGE as usize);
        assert!(p.more);
        for _ in 0..PAGE {
            p.down(&f).unwrap();
        }
        assert_eq!(p.offset, PAGE);
        assert_eq!(p.current(), Some(&PAGE));
        p.up(&f).unwrap();
        assert_eq!(p.offset, 0);
        assert_eq!(p.current(), Some(&(PAGE - 1)));
        p.page_down(&f).unwrap();
        p.page_down(&f).unwrap();
        assert_eq!(p.offset, 2 * PAGE);
        assert!(!p.more);
        assert_eq!(p.rows, vec![28, 29]);
    }

    #[test]
    fn a_step_moves_within_the_page_and_asks_for_the_next() {
        let f = numbers(30);
        let mut p = Pager::load(&f, 0).unwrap();
        assert_eq!(p.step(Action::Up), Step::Moved);
        assert_eq!(p.step(Action::Down), Step::Moved);
        assert_eq!(p.selected, 1);
        assert_eq!(p.step(Action::PageDown), Step::Load { offset: PAGE, select: Select::First });
        p.selected = PAGE as usize - 1;
        assert_eq!(p.step(Action::Down), Step::Load { offset: PAGE, select: Select::First });
        let mut next = Pager::load_at(&f, PAGE, Select::First).unwrap();
        assert_eq!(next.step(Action::Up), Step::Load { offset: 0, select: Select::Last });
        assert_eq!(next.step(Action::Open), Step::NotAMove);
        let back = Pager::load_at(&f, 0, Select::Last).unwrap();
        assert_eq!(back.current(), Some(&(PAGE - 1)));
        let again = Pager::load_at(&f, 2 * PAGE, Select::At(9)).unwrap();
        assert_eq!(again.current(), Some(&29), "past the end: the last row");
    }
}
