//! Drawing the clients screens: the list, the case record with its timeline, the duplicate
//! check, a note and a service line read in full, and the forms.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use super::rows::{age_text, label};
use super::{ClientMode, ClientScreen};
use crate::domain::client;
use crate::domain::time;
use crate::i18n::{Lang, Msg};
use crate::store::clients::{self as store_clients, NoteVersion};
use crate::ui::keymap;
use crate::ui::screen::Page;
use crate::ui::screens::{block, form_panel, wrap};
use crate::ui::theme::Theme;
use crate::ui::widgets::scroll::Scroll;

pub(super) fn draw(frame: &mut Frame, area: Rect, c: &ClientScreen, t: Theme, lang: Lang) {
    match &c.mode {
        ClientMode::List => draw_list(frame, area, c, t, lang),
        ClientMode::Record => draw_record(frame, area, c, t, lang),
        ClientMode::Duplicates { candidates, selected, .. } => {
            draw_duplicates(frame, area, candidates, *selected, t, lang)
        }
        ClientMode::NoteView { versions, scroll, .. } => {
            draw_note(frame, area, versions, scroll, t, lang)
        }
        ClientMode::ServiceView(v, scroll) => {
            let row = |m: Msg, value: String| {
                Line::from(vec![
                    Span::styled(format!(" {:<22}", m.text(lang)), t.dim()),
                    Span::raw(value),
                ])
            };
            let mut lines = vec![
                row(Msg::FieldServiceType, label(client::SERVICES, &v.service_type, lang)),
                row(Msg::ColVocaFamily, label(client::VOCA_FAMILIES, &v.voca_family, lang)),
                row(Msg::FieldDeliveredOn, v.delivered_on.clone()),
                row(Msg::FieldDuration, v.minutes.map(|m| m.to_string()).unwrap_or_default()),
                row(Msg::ColBy, v.staff.clone()),
                Line::raw(""),
            ];
            let b = block(Msg::TlService, t, lang);
            let inner = b.inner(area);
            frame.render_widget(b, area);
            let width = inner.width.saturating_sub(2) as usize;
            lines.extend(wrap(&v.notes, width).into_iter().map(|l| Line::raw(format!(" {l}"))));
            scroll.draw(frame, inner, lines, t, lang);
        }
        _ => {
            let Some(form) = c.form() else { return };
            let about = match (&c.record, &c.mode) {
                (Some(rec), mode) if !matches!(mode, ClientMode::Filter(_)) => {
                    Some(format!("#{} {}", rec.stored.id, rec.stored.client.chosen_name))
                }
                _ => None,
            };
            form_panel(frame, area, c.title(), about.as_deref(), form, t, lang);
        }
    }
}

fn table<'a>(
    heads: &[Msg],
    rows: Vec<Row<'a>>,
    widths: Vec<Constraint>,
    title: Msg,
    t: Theme,
    lang: Lang,
) -> Table<'a> {
    let header = Row::new(heads.iter().map(|m| Cell::from(m.text(lang)))).style(t.title());
    Table::new(rows, widths).header(header).block(block(title, t, lang))
}

fn marked<'a>(i: usize, selected: usize, cells: &[String], t: Theme) -> Row<'a> {
    let mark = if i == selected { t.marker() } else { " " };
    let cells: Vec<Cell> = cells
        .iter()
        .enumerate()
        .map(|(j, c)| Cell::from(if j == 0 { format!("{mark}{c}") } else { c.clone() }))
        .collect();
    let row = Row::new(cells);
    if i == selected { row.style(t.focus()) } else { row }
}

fn draw_list(frame: &mut Frame, area: Rect, c: &ClientScreen, t: Theme, lang: Lang) {
    let rows: Vec<Row> = c
        .list
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut cells = r.cells.clone();
            if r.danger {
                cells[1] = format!("{} [{}]", cells[1], Msg::SafetyFlag.text(lang));
            }
            marked(i, c.list.selected, &cells, t)
        })
        .collect();
    let empty = rows.is_empty();
    let filtered = c.filter.values().any(|v| !v.trim().is_empty());
    let title = if filtered { Msg::ListFiltered } else { Msg::TitleClients };
    let widths = vec![
        Constraint::Length(7),
        Constraint::Fill(1),
        Constraint::Length(8),
        Constraint::Length(10),
        Constraint::Length(17),
        Constraint::Length(14),
    ];
    let heads = [
        Msg::ColRecord,
        Msg::ColName,
        Msg::FieldAge,
        Msg::FieldStatus,
        Msg::ColLastActivity,
        Msg::FieldAssignedTo,
    ];
    frame.render_widget(table(&heads, rows, widths, title, t, lang), area);
    if empty {
        let inner =
            Rect { x: area.x + 2, y: area.y + 3, width: area.width.saturating_sub(4), height: 1 };
        frame.render_widget(Paragraph::new(Msg::ListEmpty.text(lang)), inner);
    }
}

fn draw_record(frame: &mut Frame, area: Rect, c: &ClientScreen, t: Theme, lang: Lang) {
    let Some(rec) = &c.record else { return };
    let s = &rec.stored;
    let [head, body] = Layout::vertical([Constraint::Length(5), Constraint::Fill(1)]).areas(area);
    let cl = &s.client;
    let mut first = vec![Span::styled(format!(" #{} {}", s.id, cl.chosen_name), t.title())];
    if cl.safety_flag() {
        first.push(Span::styled(format!("  [{}]", Msg::SafetyFlagLong.text(lang)), t.error()));
    }
    let minor = cl.minor_on(s.intake_on) == Some(true);
    let age = age_text(
        cl.age,
        cl.age_range.as_deref(),
        cl.birth_date.map(|d| d.to_string()).as_deref(),
        s.intake_on,
        lang,
    );
    let mut second = format!(
        " {}: {}   {}: {}   {}: {}",
        Msg::FieldStatus.text(lang),
        label(client::STATUSES, &s.status, lang),
        Msg::ColIntake.text(lang),
        s.intake_on,
        Msg::FieldAge.text(lang),
        match (age.is_empty(), minor) {
            (true, _) => "-".into(),
            (false, true) => format!("{age} ({})", Msg::MinorAtIntake.text(lang)),
            (false, false) => age,
        },
    );
    if let Some(a) = &s.assigned_name {
        second.push_str(&format!("   {}: {a}", Msg::FieldAssignedTo.text(lang)));
    }
    let mut third = format!(
        " {}: {}",
        Msg::FieldTraffickingType.text(lang),
        label(client::TRAFFICKING, &cl.trafficking_type, lang)
    );
    if let Some(l) = &cl.legal_name {
        third.push_str(&format!("   {}: {l}", Msg::FieldLegalName.text(lang)));
    }
    if !s.links.is_empty() {
        let ids: Vec<String> = s.links.iter().map(|i| format!("#{i}")).collect();
        third.push_str(&format!("   {}: {}", Msg::LinkedRecords.text(lang), ids.join(" ")));
    }
    let lines = vec![Line::from(first), Line::raw(second), Line::raw(third)];
    frame.render_widget(Paragraph::new(lines).block(block(Msg::TitleCaseRecord, t, lang)), head);
    let rows: Vec<Row> = rec
        .timeline
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| marked(i, rec.timeline.selected, &r.cells, t))
        .collect();
    let empty = rows.is_empty();
    let widths = vec![
        Constraint::Length(17),
        Constraint::Length(9),
        Constraint::Fill(1),
        Constraint::Length(14),
    ];
    let heads = [Msg::ColWhen, Msg::ColWhat, Msg::ColDetail, Msg::ColBy];
    frame.render_widget(table(&heads, rows, widths, Msg::TitleTimeline, t, lang), body);
    if empty {
        let inner =
            Rect { x: body.x + 2, y: body.y + 3, width: body.width.saturating_sub(4), height: 1 };
        frame.render_widget(Paragraph::new(Msg::ListEmpty.text(lang)), inner);
    }
}

fn draw_duplicates(
    frame: &mut Frame,
    area: Rect,
    candidates: &[store_clients::Row],
    selected: usize,
    t: Theme,
    lang: Lang,
) {
    let keys = keymap::hint_entries(keymap::DUPLICATES.iter().filter(|b| b.bar), lang);
    let mut lines = vec![Line::raw(format!(" {}", Msg::DuplicatesIntro.text(lang)))];
    lines.extend(
        keymap::pack(&keys, area.width.saturating_sub(2) as usize)
            .into_iter()
            .map(|l| Line::from(Span::styled(format!(" {l}"), t.key()))),
    );
    let h = lines.len() as u16 + 1;
    let [intro, list] = Layout::vertical([Constraint::Length(h), Constraint::Fill(1)]).areas(area);
    frame.render_widget(Paragraph::new(lines), intro);
    let rows: Vec<Row> = candidates
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let cells = vec![
                format!("#{}", r.id),
                r.chosen_name.clone(),
                r.birth_date
                    .clone()
                    .unwrap_or_else(|| r.age.map(|a| a.to_string()).unwrap_or_default()),
                r.intake_on.clone(),
                label(client::STATUSES, &r.status, lang),
            ];
            marked(i, selected, &cells, t)
        })
        .collect();
    let widths = vec![
        Constraint::Length(7),
        Constraint::Fill(1),
        Constraint::Length(12),
        Constraint::Length(12),
        Constraint::Length(10),
    ];
    let heads = [Msg::ColRecord, Msg::ColName, Msg::ColBornOrAge, Msg::ColIntake, Msg::FieldStatus];
    frame.render_widget(table(&heads, rows, widths, Msg::TitleDuplicates, t, lang), list);
}

/// Every version of a note, newest first, each wrapped at word boundaries and read in full.
fn draw_note(
    frame: &mut Frame,
    area: Rect,
    versions: &[NoteVersion],
    scroll: &Scroll,
    t: Theme,
    lang: Lang,
) {
    let b = block(Msg::TitleNote, t, lang);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let width = inner.width.saturating_sub(4) as usize;
    let mut lines = Vec::new();
    for v in versions {
        lines.push(Line::from(Span::styled(
            format!(" v{} · {} · {}", v.version, time::show_db(&v.written_at), v.author),
            t.title(),
        )));
        lines.extend(wrap(&v.body, width).into_iter().map(|l| Line::raw(format!("   {l}"))));
        lines.push(Line::raw(""));
    }
    scroll.draw(frame, inner, lines, t, lang);
}
