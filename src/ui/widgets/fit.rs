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
    // "Servicios para…", not "Servicios para …".
    out.truncate(out.trim_end().len());
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

/// Texts as cells fitted to the widths `w` (from `column_widths`).
pub fn cells<'a>(texts: &[String], w: &[usize]) -> Vec<ratatui::widgets::Cell<'a>> {
    texts.iter().zip(w).map(|(c, w)| ratatui::widgets::Cell::from(fit(c, *w))).collect()
}

/// A table whose cells are fitted to their columns (cut text ends in "…"), the selected row
/// marked and in the focus style, the header in the title style.
pub fn table<'a>(
    area: Rect,
    heads: &[String],
    rows: &[Vec<String>],
    selected: Option<usize>,
    widths: &[Constraint],
    t: crate::ui::theme::Theme,
    block: ratatui::widgets::Block<'a>,
) -> ratatui::widgets::Table<'a> {
    use ratatui::widgets::{Cell, Row, Table};
    let w = column_widths(area, widths);
    let cells = |texts: &[String]| -> Vec<Cell<'a>> {
        texts.iter().zip(&w).map(|(c, w)| Cell::from(fit(c, *w))).collect()
    };
    let header = Row::new(cells(heads)).style(t.title());
    let body: Vec<Row> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let on = Some(i) == selected;
            let mut texts = r.clone();
            if let Some(first) = texts.first_mut() {
                *first = format!("{}{first}", if on { t.marker() } else { " " });
            }
            let row = Row::new(cells(&texts));
            if on { row.style(t.focus()) } else { row }
        })
        .collect();
    Table::new(body, widths.to_vec()).header(header).block(block)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_cut_ends_in_an_ellipsis_and_never_overflows() {
        assert_eq!(fit("Shelter", 10), "Shelter");
        assert_eq!(fit("Emergency housing", 10), "Emergency…");
        assert_eq!(fit("Emergency housing", 10).width(), 10);
        assert_eq!(fit("Doña Ana County", 6), "Doña…");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(fit("日本語の文字", 5).width(), 5);
    }
}
