//! Text that must fit a width: what is cut ends in an ellipsis, so a reader knows there is more
//! (and where to find it), and a table's columns are measured as ratatui will lay them out.

use ratatui::layout::{Constraint, Layout, Rect};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text` in at most `width` columns; cut text ends in "…".
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// The widths a table's columns get inside `area` (a bordered block's inside), with ratatui's
/// default one column between them, so cells can be fitted before they are drawn.
pub fn column_widths(area: Rect, widths: &[Constraint]) -> Vec<usize> {
    let inner = Rect { width: area.width.saturating_sub(2), ..area };
    Layout::horizontal(widths.iter().copied())
        .flex(ratatui::layout::Flex::Start)
        .spacing(1)
        .split(inner)
        .iter()
        .map(|r| r.width as usize)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_cut_ends_in_an_ellipsis_and_never_overflows() {
        assert_eq!(fit("Shelter", 10), "Shelter");
        assert_eq!(fit("Emergency housing", 10), "Emergency…");
        assert_eq!(fit("Emergency housing", 10).width(), 10);
        assert_eq!(fit("Doña Ana County", 6), "Doña …");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(fit("日本語の文字", 5).width(), 5);
    }
}
