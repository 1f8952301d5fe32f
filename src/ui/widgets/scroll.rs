//! A view longer than its window (a note, a referral): its rows from `top`, moved a row or a
//! window at a time. The last row of the window then says which rows show, so nothing below
//! the edge goes unseen.

use std::cell::Cell;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::i18n::{Lang, Msg, fill};
use crate::ui::keymap::Action;
use crate::ui::theme::Theme;

#[derive(Debug, Default)]
pub struct Scroll {
    pub top: usize,
    /// The greatest `top` and the rows a window shows, as last drawn (the view's width, and so
    /// its rows, are known only when it is drawn).
    max: Cell<usize>,
    window: Cell<usize>,
}

impl Scroll {
    /// Move for Up, Down, PgUp or PgDn; false for any other action.
    pub fn act(&mut self, action: Action) -> bool {
        let (max, page) = (self.max.get(), self.window.get().saturating_sub(1).max(1));
        self.top = match action {
            Action::Up => self.top.saturating_sub(1),
            Action::Down => (self.top + 1).min(max),
            Action::PageUp => self.top.saturating_sub(page),
            Action::PageDown => (self.top + page).min(max),
            _ => return false,
        };
        true
    }

    /// Draw `lines` in `area` from the row on top.
    pub fn draw(&self, frame: &mut Frame, area: Rect, lines: Vec<Line>, t: Theme, lang: Lang) {
        let (h, n) = (area.height as usize, lines.len());
        if n <= h {
            self.max.set(0);
            self.window.set(h);
            frame.render_widget(Paragraph::new(lines), area);
            return;
        }
        let window = h.saturating_sub(1).max(1);
        let max = n - window;
        self.max.set(max);
        self.window.set(window);
        let top = self.top.min(max);
        let shown: Vec<Line> = lines.into_iter().skip(top).take(window).collect();
        frame.render_widget(Paragraph::new(shown), Rect { height: window as u16, ..area });
        let at = fill(
            Msg::ScrollRows.text(lang),
            &[&(top + 1).to_string(), &(top + window).to_string(), &n.to_string()],
        );
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {at}"), t.key())),
            Rect { y: area.y + window as u16, height: 1, ..area },
        );
    }
}
