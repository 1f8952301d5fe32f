//! Drawing the clients screens: the list, the case record with its timeline, the duplicate
//! check, a note and a service line read in full, and the forms.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Table};

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
use crate::ui::widgets::fit;
use crate::ui::widgets::scroll::Scroll;
use unicode_width::UnicodeWidthStr;

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
                // The release form says, every time, that a release is never a condition.
                (Some(rec), ClientMode::Release(r)) => Some(format!(
                    "#{} {}. {} {}",
                    rec.stored.id,
                    rec.stored.client.chosen_name,
                    Msg::ReleaseNotCondition.text(lang),
                    crate::ui::screens::consent::defaults_note(&r.defaults, lang)
                )),
                (Some(rec), mode) if !matches!(mode, ClientMode::Filter(_)) => {
                    Some(format!("#{} {}", rec.stored.id, rec.stored.client.chosen_name))
                }
                _ => None,
            };
            form_panel(frame, area, c.title(), about.as_deref(), form, t, lang);
        }
    }
}

/// A list of this screen: cells fitted to their columns, the selected row marked.
#[allow(clippy::too_many_arguments)]
fn table<'a>(
    area: Rect,
    heads: &[Msg],
    rows: &[Vec<String>],
    selected: usize,
    widths: Vec<Constraint>,
    title: Msg,
    t: Theme,
    lang: Lang,
) -> Table<'a> {
    let heads: Vec<String> = heads.iter().map(|m| m.text(lang).to_string()).collect();
    fit::table(area, &heads, rows, Some(selected), &widths, t, block(title, t, lang))
}

fn draw_list(frame: &mut Frame, area: Rect, c: &ClientScreen, t: Theme, lang: Lang) {
    let rows: Vec<Vec<String>> = c
        .list
        .rows
        .iter()
        .map(|r| {
            let mut cells = r.cells.clone();
            // The safety flag goes first, so a long name never hides it.
            if r.danger {
                cells[1] = format!("[{}] {}", Msg::SafetyFlag.text(lang), cells[1]);
            }
            cells
        })
        .collect();
    let empty = rows.is_empty();
    let filtered = c.filter.values().any(|v| !v.trim().is_empty());
    let title = if filtered { Msg::ListFiltered } else { Msg::TitleClients };
    let widths = vec![
        // "#" and six digits, beside the selection mark.
        Constraint::Length(8),
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
    frame.render_widget(table(area, &heads, &rows, c.list.selected, widths, title, t, lang), area);
    if empty {
        let inner =
            Rect { x: area.x + 2, y: area.y + 3, width: area.width.saturating_sub(4), height: 1 };
        frame.render_widget(Paragraph::new(Msg::ListEmpty.text(lang)), inner);
    }
}

fn draw_record(frame: &mut Frame, area: Rect, c: &ClientScreen, t: Theme, lang: Lang) {
    let Some(rec) = &c.record else { return };
    let s = &rec.stored;
    let cl = &s.client;
    let minor = cl.minor_on(s.intake_on) == Some(true);
    let age = age_text(
        cl.age,
        cl.age_range.as_deref(),
        cl.birth_date.map(|d| d.to_string()).as_deref(),
        s.intake_on,
        lang,
    );
    let age = match (age.is_empty(), minor) {
        (true, _) => "-".into(),
        (false, true) => format!("{age} ({})", Msg::MinorAtIntake.text(lang)),
        (false, false) => age,
    };
    // What the record says, each "label: value" whole, packed into as many lines as it takes
    // (a long name or agency never pushes "Assigned to" off the edge).
    let pair = |m: Msg, v: &str| format!("{}: {v}", m.text(lang));
    let mut items = Vec::new();
    if let Some(why) = &s.purge_reason {
        items.push(crate::store::retention::purge_label(why).text(lang).to_string());
    }
    items.extend([
        pair(Msg::FieldStatus, &label(client::STATUSES, &s.status, lang)),
        pair(Msg::ColIntake, &s.intake_on.to_string()),
        pair(Msg::FieldAge, &age),
    ]);
    if let Some(a) = &s.assigned_name {
        items.push(pair(Msg::FieldAssignedTo, a));
    }
    items.push(pair(
        Msg::FieldTraffickingType,
        &label(client::TRAFFICKING, &cl.trafficking_type, lang),
    ));
    if let Some(l) = &cl.legal_name {
        items.push(pair(Msg::FieldLegalName, l));
    }
    // The releases in force today (to whom, until when), or that there is none.
    let today = rec.today;
    let in_force: Vec<String> = s
        .releases
        .iter()
        .filter(|r| r.in_force(today))
        .map(|r| format!("{} ({})", r.recipient, r.expires_on))
        .collect();
    let releases = if in_force.is_empty() {
        Msg::ReleaseNoneInForce.text(lang).to_string()
    } else {
        in_force.join("; ")
    };
    items.push(pair(Msg::ReleasesInForce, &releases));
    if !s.links.is_empty() {
        let ids: Vec<String> = s.links.iter().map(|i| format!("#{i}")).collect();
        items.push(pair(Msg::LinkedRecords, &ids.join(" ")));
    }
    let width = area.width.saturating_sub(4) as usize;
    let mut lines = Vec::new();
    // The safety flag first, on its own line when the name leaves no room for it.
    let name = format!("#{} {}", s.id, cl.chosen_name);
    let flag = cl.safety_flag().then(|| format!("[{}]", Msg::SafetyFlagLong.text(lang)));
    match flag {
        Some(f) if name.width() + 2 + f.width() <= width => lines.push(Line::from(vec![
            Span::styled(format!(" {name}"), t.title()),
            Span::styled(format!("  {f}"), t.error()),
        ])),
        Some(f) => {
            lines.push(Line::from(Span::styled(format!(" {}", fit::fit(&f, width)), t.error())));
            lines.push(Line::from(Span::styled(format!(" {}", fit::fit(&name, width)), t.title())));
        }
        None => {
            lines.push(Line::from(Span::styled(format!(" {}", fit::fit(&name, width)), t.title())))
        }
    }
    let packed = keymap::pack(&items, width);
    lines.extend(packed.iter().map(|l| Line::raw(format!(" {}", fit::fit(l, width)))));
    let head_h = (lines.len() as u16 + 2).clamp(5, 8);
    let [head, body] =
        Layout::vertical([Constraint::Length(head_h), Constraint::Fill(1)]).areas(area);
    frame.render_widget(Paragraph::new(lines).block(block(Msg::TitleCaseRecord, t, lang)), head);
    let rows: Vec<Vec<String>> = rec.timeline.rows.iter().map(|r| r.cells.clone()).collect();
    let empty = rows.is_empty();
    let widths = vec![
        Constraint::Length(17),
        Constraint::Length(9),
        Constraint::Fill(1),
        Constraint::Length(14),
    ];
    let heads = [Msg::ColWhen, Msg::ColWhat, Msg::ColDetail, Msg::ColBy];
    let selected = rec.timeline.selected;
    let list = table(body, &heads, &rows, selected, widths, Msg::TitleTimeline, t, lang);
    frame.render_widget(list, body);
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
    let rows: Vec<Vec<String>> = candidates
        .iter()
        .map(|r| {
            vec![
                format!("#{}", r.id),
                r.chosen_name.clone(),
                r.birth_date
                    .clone()
                    .unwrap_or_else(|| r.age.map(|a| a.to_string()).unwrap_or_default()),
                r.intake_on.clone(),
                label(client::STATUSES, &r.status, lang),
            ]
        })
        .collect();
    let widths = vec![
        // "#" and six digits, beside the selection mark.
        Constraint::Length(8),
        Constraint::Fill(1),
        Constraint::Length(12),
        Constraint::Length(12),
        Constraint::Length(10),
    ];
    let heads = [Msg::ColRecord, Msg::ColName, Msg::ColBornOrAge, Msg::ColIntake, Msg::FieldStatus];
    let found = table(list, &heads, &rows, selected, widths, Msg::TitleDuplicates, t, lang);
    frame.render_widget(found, list);
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
