//! Drawing the hotline log and the tips: the list, the filter, the record's form.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::list::columns;
use super::{Mode, RecordScreen};
use crate::i18n::{Lang, Msg};
use crate::ui::screen::Page;
use crate::ui::screens::{block, form_panel, list_footer};
use crate::ui::theme::Theme;
use crate::ui::widgets::fit;

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
    let heads: Vec<String> = heads.iter().map(|m| m.text(lang).to_string()).collect();
    let rows: Vec<Vec<String>> = r.list.rows.iter().map(|row| row.cells.clone()).collect();
    let filtered = r.filter.values().any(|v| !v.trim().is_empty());
    let title = if filtered { Msg::ListFiltered } else { r.title() };
    let mut b = block(title, t, lang);
    // The hotline log's flags are explained where they are seen.
    if r.kind == super::RecordKind::Contact {
        let legend = format!(" {} ", Msg::LogFlags.text(lang));
        b = b.title_bottom(ratatui::text::Line::styled(legend, t.dim()).right_aligned());
    }
    let table = fit::table(area, &heads, &rows, Some(r.list.selected), &widths, t, b);
    frame.render_widget(table, area);
    list_footer(frame, area, &r.list, t, lang);
}
