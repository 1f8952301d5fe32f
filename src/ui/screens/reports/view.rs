//! Drawing a report: the figures beside the months as bars and the running total, the shared
//! view, the period's words, and the records behind a figure.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::symbols;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph, Sparkline};
use unicode_width::UnicodeWidthStr;

use crate::domain::record::Raw;
use crate::i18n::{Lang, Msg, fill};
use crate::service::reports::{self, Kind, Period, Rec, Report};
use crate::ui::screens::{block, form_panel, list_footer, titled};
use crate::ui::theme::Theme;
use crate::ui::widgets::pager::Pager;

use super::{RMode, ReportScreen};

/// "State FY2027", "Federal FY2026, quarter 2", or the days.
fn period_label(raw: &Raw, p: &Period, lang: Lang) -> String {
    let get = |k: &str| raw.get(k).map(String::as_str).unwrap_or("");
    let days = fill(Msg::RepPeriod.text(lang), &[&p.from.to_string(), &p.to.to_string()]);
    let fy = match get("kind") {
        "state" => Msg::PeriodStateFy,
        "federal" => Msg::PeriodFederalFy,
        _ => return days,
    };
    let mut s = format!("{} {}", fy.text(lang), get("year"));
    if !get("quarter").is_empty() {
        s.push_str(&format!(" Q{}", get("quarter")));
    }
    format!("{s} · {days}")
}

pub(super) fn draw(frame: &mut Frame, area: Rect, r: &ReportScreen, t: Theme, lang: Lang) {
    match &r.mode {
        RMode::Period(form) => form_panel(frame, area, Msg::TitlePeriod, None, form, t, lang),
        RMode::Records { title, rec, pager, .. } => {
            draw_records(frame, area, title, *rec, pager, t, lang)
        }
        RMode::Figures => {
            if let Some(report) = &r.report {
                draw_figures(frame, area, (r, report), t, lang)
            }
        }
    }
}

fn draw_figures(
    frame: &mut Frame,
    area: Rect,
    (r, report): (&ReportScreen, &Report),
    t: Theme,
    lang: Lang,
) {
    let mut top = vec![
        Span::styled(format!(" ◀ {} ▶ ", report.kind.title().text(lang)), t.title()),
        Span::raw(period_label(&r.period_raw, &report.period, lang)),
    ];
    // The shared view's mark on the period's line when it fits, else on a line of its own:
    // it is never cut off.
    let mut marker = None;
    if r.shareable || r.whole.is_some() {
        // The task force's figures are the shared view of every agency added up.
        let what = if r.whole.is_some() { Msg::RepTaskForce } else { Msg::SharedView };
        let mark = Span::styled(format!("  [{}]", what.text(lang)), t.error());
        let used: usize = top.iter().map(|s| s.content.width()).sum();
        if used + mark.content.width() <= area.width as usize {
            top.push(mark);
        } else {
            marker = Some(Line::from(mark));
        }
    }
    let tabs: Vec<String> = Kind::ALL
        .iter()
        .map(|k| {
            let name = k.title().text(lang);
            if *k == report.kind { format!("[{name}]") } else { name.to_string() }
        })
        .collect();
    // Every report's name, on as many lines as they take (Spanish names are longer).
    // A report's name is never split between lines.
    let room = area.width.saturating_sub(1) as usize;
    let mut packed: Vec<String> = Vec::new();
    for tab in &tabs {
        match packed.last_mut() {
            Some(l) if l.width() + 1 + tab.width() <= room => {
                l.push(' ');
                l.push_str(tab);
            }
            _ => packed.push(tab.clone()),
        }
    }
    let mut lines = vec![Line::from(top)];
    lines.extend(marker);
    // What the report is narrowed to; or, when the form asks for a filter this report cannot
    // apply, that it shows whole.
    let asked = super::filter_of(&r.chosen);
    if !report.filter.is_empty() {
        lines.push(Line::from(Span::styled(
            format!(" {}", report.filter.describe(lang)),
            t.title(),
        )));
    } else if !asked.is_empty() {
        let m = fill(Msg::RepNotNarrowed.text(lang), &[&asked.describe(lang)]);
        lines.push(Line::from(Span::styled(format!(" {m}"), t.dim())));
    }
    lines.extend(packed.iter().map(|l| Line::from(Span::styled(format!(" {l}"), t.dim()))));
    let [head, body] =
        Layout::vertical([Constraint::Length(lines.len() as u16), Constraint::Fill(1)]).areas(area);
    frame.render_widget(Paragraph::new(lines), head);
    // The task force's figures fill the width: the months are the agency's own.
    let chart = if r.whole.is_some() { 0 } else { 28 };
    let [left, right] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(chart)]).areas(body);
    // Each section's title and its figures as shown: this agency's report, or the task
    // force's sums (which print as the shared view always does).
    let rows: Vec<(String, Vec<(String, String)>)> = match &r.whole {
        Some(w) => {
            let by_agency = (Msg::RepByAgency.text(lang).to_string(), &w.agencies);
            w.sections
                .iter()
                .map(|s| (s.title.clone(), &s.lines))
                .chain(std::iter::once(by_agency))
                .map(|(title, lines)| {
                    let shown = lines.iter().map(|l| (l.label.clone(), l.cell.show())).collect();
                    (title, shown)
                })
                .collect()
        }
        None => report
            .sections
            .iter()
            .map(|s| {
                let shown =
                    s.figures.iter().map(|f| (f.label.clone(), reports::show(f, r.shareable)));
                (s.title.text(lang).to_string(), shown.collect())
            })
            .collect(),
    };
    // The figures, scrolled so the selected one shows.
    let b = block(Msg::RepFigures, t, lang);
    let inner = b.inner(left);
    frame.render_widget(b, left);
    let width = inner.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_line = 0;
    let mut n = 0;
    for (title, figures) in &rows {
        lines.push(Line::from(Span::styled(format!(" {title}"), t.title())));
        if figures.is_empty() {
            lines.push(Line::from(Span::styled(
                format!("   {}", Msg::RepNothing.text(lang)),
                t.dim(),
            )));
        }
        for (label, value) in figures {
            let room = width.saturating_sub(value.chars().count() + 4);
            // A long label (the PMT's words) wraps; its value stands on its last line.
            let mut parts = crate::ui::widgets::wrap::wrap(label, room.max(1));
            let label = parts.pop().unwrap_or_default();
            let style = if n == r.selected { t.focus() } else { ratatui::style::Style::default() };
            let marker = if n == r.selected { t.marker() } else { " " };
            if n == r.selected {
                selected_line = lines.len() + parts.len();
            }
            for (i, part) in parts.iter().enumerate() {
                let lead = if i == 0 { marker } else { " " };
                let pad = width.saturating_sub(part.chars().count() + 2);
                lines.push(Line::from(Span::styled(
                    format!("{lead} {part}{}", " ".repeat(pad)),
                    style,
                )));
            }
            let lead = if parts.is_empty() { marker } else { " " };
            let pad = room.saturating_sub(label.chars().count());
            let text = format!("{lead} {label}{} {value} ", " ".repeat(pad + 1));
            lines.push(Line::from(Span::styled(text, style)));
            n += 1;
        }
    }
    let height = inner.height as usize;
    let skip = selected_line.saturating_sub(height.saturating_sub(2));
    frame.render_widget(Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()), inner);
    if r.whole.is_none() {
        draw_chart(frame, right, (r, report), t, lang);
    }
}

/// The months as bars (grouped when there are more than twelve) and the running total as a
/// sparkline.
fn draw_chart(
    frame: &mut Frame,
    area: Rect,
    (r, report): (&ReportScreen, &Report),
    t: Theme,
    lang: Lang,
) {
    let b = block(Msg::RepByMonth, t, lang);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let months = &report.monthly;
    if months.is_empty() {
        return;
    }
    let per = months.len().div_ceil(12);
    let buckets: Vec<(String, u64)> = months
        .chunks(per)
        .map(|c| (c[0].0.clone(), c.iter().map(|(_, n)| (*n).max(0) as u64).sum()))
        .collect();
    let [bars, axis, spark_label, spark] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(3),
    ])
    .areas(inner);
    let set = if t.ascii {
        symbols::bar::Set {
            full: "#",
            seven_eighths: "#",
            three_quarters: "#",
            five_eighths: "=",
            half: "=",
            three_eighths: "-",
            one_quarter: "-",
            one_eighth: ".",
            empty: " ",
        }
    } else {
        symbols::bar::NINE_LEVELS
    };
    // Shared, a month under 11 is drawn pale at the height of 11, so no bar's length tells
    // a hidden count; and the running total (whose steps would tell it) is left out.
    let small = |n: u64| r.shareable && n > 0 && n < reports::SMALL as u64;
    let hidden = buckets.iter().any(|(_, n)| small(*n));
    let data: Vec<Bar> = buckets
        .iter()
        .map(|(_, n)| {
            let bar = Bar::new(if small(*n) { reports::SMALL as u64 } else { *n }).text_value("");
            if small(*n) { bar.style(t.dim()) } else { bar }
        })
        .collect();
    let chart = BarChart::default()
        .data(BarGroup::default().bars(&data))
        .bar_width(1)
        .bar_gap(1)
        .bar_set(set.clone())
        .bar_style(t.title());
    frame.render_widget(chart, bars);
    let first = buckets.first().map(|b| b.0.clone()).unwrap_or_default();
    let last = buckets.last().map(|b| b.0.clone()).unwrap_or_default();
    let max = buckets.iter().map(|b| b.1).max().unwrap_or(0);
    let max_text = fill(Msg::RepMax.text(lang), &[&max.to_string()]);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!("{first}..{last} "), t.dim()),
            Span::raw(if r.shareable { String::new() } else { max_text }),
        ])),
        axis,
    );
    if hidden {
        frame.render_widget(
            Paragraph::new(Span::styled(Msg::RepPaleBars.text(lang), t.dim())),
            spark_label,
        );
        return;
    }
    let mut running = 0u64;
    let totals: Vec<u64> = buckets
        .iter()
        .map(|(_, n)| {
            running += n;
            running
        })
        .collect();
    frame.render_widget(
        Paragraph::new(Span::styled(
            Msg::RepRunningTotal.text(lang),
            t.dim().add_modifier(Modifier::ITALIC),
        )),
        spark_label,
    );
    frame.render_widget(Sparkline::default().data(&totals).bar_set(set).style(t.title()), spark);
}

fn draw_records(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    rec: Rec,
    pager: &Pager<i64>,
    t: Theme,
    lang: Lang,
) {
    let what = match rec {
        Rec::Contact => Msg::TlContact,
        Rec::Client => Msg::ColClient,
        Rec::Service => Msg::TlService,
        Rec::Screening => Msg::TlScreening,
        Rec::Referral => Msg::TlReferral,
        Rec::Tip => Msg::RepTips,
        Rec::Payment => Msg::TlPayment,
    };
    let b = titled(fill(Msg::RecordsBehind.text(lang), &[title]), t);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let lines: Vec<Line> = pager
        .rows
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let text = format!(
                "{} {} #{id}",
                if i == pager.selected { t.marker() } else { " " },
                what.text(lang)
            );
            if i == pager.selected {
                Line::from(Span::styled(text, t.focus()))
            } else {
                Line::raw(text)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    list_footer(frame, area, pager, t, lang);
}
