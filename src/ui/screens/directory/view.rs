//! Drawing the directory: the search with its results, the filters, a service's detail, the
//! referral and service forms.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use super::{DMode, DirectoryScreen};
use crate::domain::directory::{CATEGORIES, POPULATIONS, label};
use crate::i18n::{Lang, Msg, fill};
use crate::store::directory::{Detail, Hit};
use crate::ui::keymap::{self, Action};
use crate::ui::screens::{block, draw_form, form_panel, wrap};
use crate::ui::theme::Theme;
use crate::ui::widgets::fit;

fn area_of(h: &Hit, lang: Lang) -> String {
    if h.statewide { Msg::Statewide.text(lang).to_string() } else { h.areas.join(", ") }
}

pub(super) fn draw(frame: &mut Frame, area: Rect, d: &DirectoryScreen, t: Theme, lang: Lang) {
    match &d.mode {
        DMode::Filters(form) => form_panel(
            frame,
            area,
            Msg::TitleFilter,
            Some(Msg::FilterHint.text(lang)),
            form,
            t,
            lang,
        ),
        DMode::Detail(detail) => draw_detail(frame, area, detail, t, lang),
        DMode::Refer { form, service, to, .. } => {
            let who = d.refer_for.map(|s| crate::ui::screens::referrals::subject_text(s, lang));
            let days = to.default_days.to_string();
            let new = fill(Msg::RefReleaseNote.text(lang), &[&days]);
            let note = format!("{service} · {} · {new}", who.unwrap_or_default());
            form_panel(frame, area, Msg::TitleRefer, Some(&note), form, t, lang)
        }
        DMode::Edit { form, id } => {
            let title = if id.is_some() { Msg::TitleEditService } else { Msg::TitleNewService };
            form_panel(frame, area, title, None, form, t, lang)
        }
        DMode::Search => {
            let [boxed, list] =
                Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(area);
            let b = match d.refer_for {
                Some(who) => crate::ui::screens::titled(
                    fill(
                        Msg::ReferringBanner.text(lang),
                        &[&crate::ui::screens::referrals::subject_text(who, lang)],
                    ),
                    t,
                ),
                None => block(Msg::TitleDirectory, t, lang),
            };
            let inner = b.inner(boxed);
            frame.render_widget(b, boxed);
            draw_form(frame, inner, &d.search, t, lang);
            let widths = [
                Constraint::Fill(2),
                Constraint::Fill(1),
                Constraint::Length(14),
                Constraint::Length(15),
                Constraint::Length(5),
            ];
            let w = fit::column_widths(list, &widths);
            let rows: Vec<Row> = d
                .hits
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    let mark = if i == d.selected { t.marker() } else { " " };
                    let mut flags = String::new();
                    if h.closed {
                        flags.push('!');
                    }
                    if h.unverified {
                        flags.push('?');
                    }
                    if h.stale {
                        flags.push('~');
                    }
                    let cats: Vec<String> =
                        h.categories.iter().map(|c| label(CATEGORIES, c, lang)).collect();
                    let cells = [
                        format!("{mark}{}", h.name),
                        cats.join(", "),
                        area_of(h, lang),
                        h.phone.clone().unwrap_or_default(),
                        flags,
                    ];
                    let row =
                        Row::new(cells.iter().zip(&w).map(|(c, w)| Cell::from(fit::fit(c, *w))));
                    if i == d.selected { row.style(t.focus()) } else { row }
                })
                .collect();
            let heads =
                [Msg::ColName, Msg::FieldCategory, Msg::FieldArea, Msg::FieldPhone, Msg::ColFlags];
            let header =
                Row::new(heads.iter().zip(&w).map(|(m, w)| Cell::from(fit::fit(m.text(lang), *w))))
                    .style(t.title());
            let filtered = d.filter.values().any(|v| !v.trim().is_empty());
            let title = if filtered { Msg::ResultsFiltered } else { Msg::TitleResults };
            let empty = rows.is_empty();
            // The marks are explained where they are seen.
            let legend =
                Line::from(Span::styled(format!(" {} ", Msg::DirMarks.text(lang)), t.dim()));
            let b = block(title, t, lang).title_bottom(legend);
            frame.render_widget(Table::new(rows, widths).header(header).block(b), list);
            if empty {
                let r = Rect {
                    x: list.x + 2,
                    y: list.y + 2,
                    width: list.width.saturating_sub(4),
                    height: list.height.saturating_sub(3),
                };
                let text = Msg::NoServicesFound.text(lang);
                frame.render_widget(
                    Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: true }),
                    r,
                );
            }
        }
    }
}

fn draw_detail(frame: &mut Frame, area: Rect, d: &Detail, t: Theme, lang: Lang) {
    let b = block(Msg::TitleService, t, lang);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let width = inner.width.saturating_sub(4) as usize;
    let h = &d.hit;
    let mut lines =
        vec![Line::from(Span::styled(format!(" {} · {}", h.name, h.organization), t.title()))];
    if h.unverified || h.stale {
        let m = if h.unverified { Msg::EntryUnverified } else { Msg::EntryStale };
        for l in wrap(m.text(lang), width) {
            lines.push(Line::from(Span::styled(format!(" {l}"), t.error())));
        }
    }
    if h.closed {
        for l in wrap(Msg::EntryTemporarilyClosed.text(lang), width) {
            lines.push(Line::from(Span::styled(format!(" {l}"), t.error())));
        }
    }
    for l in wrap(&d.description, width) {
        lines.push(Line::raw(format!(" {l}")));
    }
    let row = |m: Msg, v: String| {
        Line::from(vec![Span::styled(format!(" {:<25}", m.text(lang)), t.dim()), Span::raw(v)])
    };
    let join = |list: &[String], of: &[(&str, Msg)]| {
        list.iter().map(|c| label(of, c, lang)).collect::<Vec<_>>().join(", ")
    };
    lines.push(Line::raw(""));
    if let Some(p) = &h.phone {
        lines.push(row(Msg::FieldPhone, p.clone()));
    }
    if let Some(tn) = &d.text_number {
        lines.push(row(Msg::FieldTextNumber, tn.clone()));
    }
    // Every other number, with its type: a fax is never shown as a number to call.
    for p in &d.phones {
        let shown = (p.callable() && h.phone.as_ref() == Some(&p.number))
            || (p.kind == "text" && d.text_number.as_ref() == Some(&p.number));
        if !shown {
            lines.push(row(phone_kind(&p.kind), phone_line(p)));
        }
    }
    let hours = if d.open_24_7 { "24/7".to_string() } else { d.hours.clone().unwrap_or_default() };
    let mut rows = vec![
        (Msg::FieldHours, hours),
        (Msg::FieldSchedule, crate::domain::directory::format_schedule(&d.schedule, lang)),
        (Msg::FieldCategory, join(&h.categories, CATEGORIES)),
        (Msg::FieldArea, area_of(h, lang)),
        (Msg::FieldAreaListed, d.area_names.join("; ")),
        (
            Msg::FieldOtherHours,
            d.rules.iter().map(|r| rule_text(r, d.today, lang)).collect::<Vec<_>>().join("; "),
        ),
        (Msg::FieldPopulation, join(&d.populations, POPULATIONS)),
        (
            Msg::FieldLanguage,
            d.languages
                .iter()
                .map(|l| crate::domain::languages::name(l, lang))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (Msg::FieldEligibility, d.eligibility.clone().unwrap_or_default()),
    ];
    for (p, phones) in &d.places {
        rows.push((Msg::FieldPlace, p.clone()));
        rows.extend(phones.iter().map(|ph| (phone_kind(&ph.kind), phone_line(ph))));
    }
    rows.push((Msg::FieldWeb, d.web.clone().unwrap_or_default()));
    // Only what is on file: an empty row says nothing. A long value wraps under itself.
    for (label_msg, value) in rows {
        for (i, part) in wrap(&value, width.saturating_sub(25).max(10)).into_iter().enumerate() {
            if i == 0 {
                lines.push(row(label_msg, part));
            } else {
                lines.push(Line::raw(format!(" {:<25}{part}", "")));
            }
        }
    }
    let [body, keys] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    frame.render_widget(Paragraph::new(lines), body);
    // The key from the table, so the hint cannot drift from what the key does; only when
    // there is a number to copy (the key bar leaves the key out then too).
    if h.phone.is_none() {
        return;
    }
    let copy = keymap::DIRECTORY_DETAIL
        .iter()
        .find(|b| b.action == Action::CopyPhone)
        .map(|b| b.keys[0].label(lang))
        .unwrap_or_default();
    frame.render_widget(
        Paragraph::new(Span::styled(
            format!(" {}", fill(Msg::CopyHint.text(lang), &[&copy])),
            t.key(),
        )),
        keys,
    );
}

/// The label of a phone's type.
fn phone_kind(kind: &str) -> Msg {
    match kind {
        "text" => Msg::PhoneKindText,
        "fax" => Msg::PhoneKindFax,
        "textphone" => Msg::PhoneKindTextphone,
        "cell" => Msg::PhoneKindCell,
        "video" => Msg::PhoneKindVideo,
        "pager" => Msg::PhoneKindPager,
        _ => Msg::PhoneKindVoice,
    }
}

/// A number with its extension and what the source says of it.
fn phone_line(p: &crate::store::directory::Phone) -> String {
    let mut s = p.number.clone();
    if let Some(x) = &p.extension {
        s.push_str(&format!(" x{x}"));
    }
    if let Some(d) = &p.description {
        s.push_str(&format!(" ({d})"));
    }
    s
}

/// A schedule that is not plain weekly hours, in words: how often, which days, the hours,
/// the days it holds between, and whether it has ended.
fn rule_text(r: &crate::store::directory::Rule, today: jiff::civil::Date, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    match r.freq.as_deref() {
        Some("MONTHLY") => parts.push(Msg::RuleMonthly.text(lang).into()),
        Some(_) => parts.push(Msg::RuleWeekly.text(lang).into()),
        None => {}
    }
    if let Some(i) = r.interval.filter(|i| *i > 1) {
        parts.push(fill(Msg::RuleEvery.text(lang), &[&i.to_string()]));
    }
    if let Some(d) = &r.byday {
        parts.push(d.clone());
    }
    if let Some(d) = &r.bymonthday {
        parts.push(fill(Msg::RuleMonthDays.text(lang), &[d]));
    }
    let hm = |m: u16| format!("{:02}:{:02}", m / 60, m % 60);
    match (r.opens, r.closes) {
        (Some(o), Some(c)) => parts.push(format!("{}-{}", hm(o), hm(c))),
        (Some(o), None) => parts.push(hm(o)),
        _ => {}
    }
    if let Some(d) = &r.description {
        parts.push(d.clone());
    }
    if let Some(f) = r.valid_from {
        parts.push(fill(Msg::RuleFrom.text(lang), &[&f.to_string()]));
    }
    if let Some(t) = r.valid_to {
        parts.push(fill(Msg::RuleUntil.text(lang), &[&t.to_string()]));
    }
    if r.valid_to.is_some_and(|t| t < today) {
        parts.push(Msg::RuleEnded.text(lang).into());
    } else if r.valid_from.is_some_and(|f| f > today) {
        parts.push(Msg::RuleNotYet.text(lang).into());
    }
    parts.join(" ")
}
