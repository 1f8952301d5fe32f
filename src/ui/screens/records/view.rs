//! Drawing the hotline log and the tips: the list, the filter, the record's form.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Cell, Row, Table};

use super::list::columns;
use super::{Mode, RecordScreen};
use crate::i18n::{Lang, Msg};
use crate::ui::screen::Page;
use crate::ui::screens::{block, form_panel, list_footer};
use crate::ui::theme::Theme;

pub(super) fn draw(frame: &mut Frame, area: Rect, r: &RecordScreen, t: Theme, lang: Lang) {
    match &r.mode {
        Mode::List => draw_list(frame, area, r, t, lang),
        Mode::Filter(form) => {
            let hint = Some(Msg::FilterHint.text(lang));
            form_panel(frame, area, Msg::TitleFilter, hint, form, t, lang);
        }
        Mode::LinkClient { form, .. } => {
            let hint = Some(Msg::LinkClientHint.text(lang));
            form_panel(frame, area, Msg::TitleLinkClient, hint, form, t, lang);
        }
        Mode::Edit { form, note, .. } => {
            // What is on file that the form does not show, and what is known of the caller.
            let seen = r.caller.history.as_ref().map(|h| super::caller::note(h, lang));
            let note = match (note, seen) {
                (Some(n), Some(s)) => Some(format!("{n} {s}")),
                (n, s) => n.clone().or(s),
            };
            form_panel(frame, area, r.title(), note.as_deref(), form, t, lang);
            if let (true, Some(h)) = (r.caller.shown, &r.caller.history) {
                super::caller::draw(frame, area, h, t, lang);
            }
        }
    }
}

fn draw_list(frame: &mut Frame, area: Rect, r: &RecordScreen, t: Theme, lang: Lang) {
    let (heads, widths) = columns(r.kind);
    let header = Row::new(heads.iter().map(|m| Cell::from(m.text(lang)))).style(t.title());
    let rows: Vec<Row> = r
        .list
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let mark = if i == r.list.selected { t.marker() } else { " " };
            let mut cells: Vec<Cell> = Vec::with_capacity(row.cells.len());
            for (j, c) in row.cells.iter().enumerate() {
                cells.push(Cell::from(if j == 0 { format!("{mark}{c}") } else { c.clone() }));
            }
            let row_w = Row::new(cells);
            if i == r.list.selected { row_w.style(t.focus()) } else { row_w }
        })
        .collect();
    let filtered = r.filter.values().any(|v| !v.trim().is_empty());
    let title = if filtered { Msg::ListFiltered } else { r.title() };
    frame.render_widget(Table::new(rows, widths).header(header).block(block(title, t, lang)), area);
    list_footer(frame, area, &r.list, t, lang);
}
