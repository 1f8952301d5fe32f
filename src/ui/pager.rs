//! A list shown one page at a time: only the rows on screen are ever loaded.

use crate::error::Result;
use crate::ui::keymap::Action;

pub const PAGE: i64 = 14;

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
}
