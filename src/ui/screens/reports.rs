//! Reports on screen (supervisors and administrators): one report at a time for a period, the
//! figures in a table, the months as bars with the running total as a sparkline, a shared view
//! that shows small counts as "<11", and every figure opening to the records behind it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::symbols;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph, Sparkline};

use crate::domain::fields::{FieldSpec, Kind as FieldKind, Options};
use crate::domain::record::{Raw, RuntimeOptions, Values, parse_all};
use crate::i18n::{Lang, Msg, fill};
use crate::service::reports::{self, Drill, Kind, Period, Rec, Report};
use crate::ui::app::{App, Screen};
use crate::ui::form::Form;
use crate::ui::keymap::{self, Action, Binding};
use crate::ui::pager::Pager;
use crate::ui::screens::records::local_day;
use crate::ui::screens::{block, form_panel, list_footer, titled};
use crate::ui::theme::Theme;

const PERIOD_KINDS: &[(&str, Msg)] = &[
    ("state", Msg::PeriodStateFy),
    ("federal", Msg::PeriodFederalFy),
    ("range", Msg::PeriodRange),
];

const QUARTERS: &[(&str, Msg)] =
    &[("1", Msg::Quarter1), ("2", Msg::Quarter2), ("3", Msg::Quarter3), ("4", Msg::Quarter4)];

const PERIOD_FIELDS: &[FieldSpec] = &[
    FieldSpec::new("kind", Msg::FieldPeriodKind, FieldKind::One(Options::Fixed(PERIOD_KINDS)))
        .required(),
    FieldSpec::new("year", Msg::FieldFiscalYear, FieldKind::Whole { min: 2000, max: 2100 }),
    FieldSpec::new("quarter", Msg::FieldQuarter, FieldKind::One(Options::Fixed(QUARTERS))),
    FieldSpec::new("from", Msg::FieldPeriodFrom, FieldKind::Date),
    FieldSpec::new("to", Msg::FieldPeriodTo, FieldKind::Date),
];

pub enum RMode {
    Figures,
    Period(Form),
    Records { title: String, rec: Rec, drill: Drill, pager: Pager<i64> },
}

pub struct ReportScreen {
    pub report: Report,
    /// How the period was chosen, as the period form holds it.
    pub period_raw: Raw,
    /// The selected figure, counted over all sections.
    pub selected: usize,
    pub shareable: bool,
    pub mode: RMode,
}

impl ReportScreen {
    pub fn form(&self) -> Option<&Form> {
        match &self.mode {
            RMode::Period(f) => Some(f),
            _ => None,
        }
    }

    pub fn form_mut(&mut self) -> Option<&mut Form> {
        match &mut self.mode {
            RMode::Period(f) => Some(f),
            _ => None,
        }
    }

    pub fn keymap(&self) -> &'static [Binding] {
        match self.mode {
            RMode::Figures => keymap::REPORTS,
            RMode::Period(_) => keymap::FORM,
            RMode::Records { .. } => keymap::REPORT_RECORDS,
        }
    }

    pub fn title(&self) -> Msg {
        match self.mode {
            RMode::Period(_) => Msg::TitlePeriod,
            _ => self.report.kind.title(),
        }
    }

    fn figures(&self) -> impl Iterator<Item = &reports::Figure> {
        self.report.sections.iter().flat_map(|s| s.figures.iter())
    }
}

/// The period a form describes.
fn period_of(raw: &Raw) -> Result<Period, Vec<crate::domain::fields::FieldError>> {
    use crate::domain::fields::FieldError;
    let v = Values(parse_all(PERIOD_FIELDS, raw, &RuntimeOptions::new())?);
    let kind = v.one("kind");
    if kind == "range" {
        let (Some(from), Some(to)) = (v.date("from"), v.date("to")) else {
            return Err(vec![FieldError::new("from", Msg::ErrPeriodRange)]);
        };
        return Period::range(from, to)
            .ok_or_else(|| vec![FieldError::new("to", Msg::ErrPeriodOrder)]);
    }
    let Some(year) = v.number("year") else {
        return Err(vec![FieldError::new("year", Msg::ErrRequiredShort)]);
    };
    let federal = kind == "federal";
    let p = match v.text("quarter").and_then(|q| q.parse::<i8>().ok()) {
        Some(q) => Period::quarter(year as i16, federal, q),
        None => Period::fiscal_year(year as i16, federal),
    };
    p.ok_or_else(|| vec![FieldError::new("year", Msg::ErrRequiredShort)])
}

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

impl App {
    fn reports_screen(&mut self) -> Option<&mut ReportScreen> {
        match &mut self.screen {
            Screen::Reports(r) => Some(r),
            _ => None,
        }
    }

    /// Reports open on the hotline for the state fiscal year under way.
    pub(crate) fn open_reports(&mut self) {
        let today = local_day(self.now());
        let year = if today.month() >= 7 { today.year() + 1 } else { today.year() };
        let mut raw = Raw::new();
        raw.insert("kind".into(), "state".into());
        raw.insert("year".into(), year.to_string());
        self.show_report(Kind::Hotline, raw, false);
    }

    fn show_report(&mut self, kind: Kind, period_raw: Raw, shareable: bool) {
        let Some(s) = self.session.clone() else { return };
        if !s.user.role.manages_funds() {
            return self.fail(crate::Error::user(Msg::ErrReportsRole));
        }
        let Ok(period) = period_of(&period_raw) else { return };
        match reports::build(self.store.conn(), &s.user, kind, period, self.lang) {
            Ok(report) => {
                self.screen = Screen::Reports(Box::new(ReportScreen {
                    report,
                    period_raw,
                    selected: 0,
                    shareable,
                    mode: RMode::Figures,
                }))
            }
            Err(e) => self.fail(e),
        }
    }

    pub(crate) fn reports_close_form(&mut self) {
        if let Some(r) = self.reports_screen() {
            r.mode = RMode::Figures;
        }
    }

    pub(crate) fn reports_action(&mut self, action: Action) {
        let lang = self.lang;
        let Screen::Reports(r) = &mut self.screen else { return };
        let kind = r.report.kind;
        let step = |k: Kind, by: isize| {
            let all = Kind::ALL;
            let at = all.iter().position(|x| *x == k).unwrap_or(0) as isize;
            all[(at + by).rem_euclid(all.len() as isize) as usize]
        };
        match &mut r.mode {
            RMode::Figures => {
                let count = r.figures().count();
                match action {
                    Action::Up => r.selected = r.selected.saturating_sub(1),
                    Action::Down => r.selected = (r.selected + 1).min(count.saturating_sub(1)),
                    Action::NextReport | Action::PrevReport => {
                        let by = if action == Action::NextReport { 1 } else { -1 };
                        let (raw, shared) = (r.period_raw.clone(), r.shareable);
                        self.show_report(step(kind, by), raw, shared);
                    }
                    Action::Shareable => r.shareable = !r.shareable,
                    Action::Period => {
                        let form = Form::from_schema(
                            PERIOD_FIELDS,
                            &r.period_raw,
                            &RuntimeOptions::new(),
                            lang,
                        );
                        r.mode = RMode::Period(form);
                    }
                    Action::Open => {
                        let Some(f) = r.figures().nth(r.selected).cloned() else { return };
                        if r.shareable {
                            return self.fail(crate::Error::user(Msg::ErrSharedNoRecords));
                        }
                        let Some(drill) = f.drill else {
                            return self.fail(crate::Error::user(Msg::ErrNoRecordsBehind));
                        };
                        let conn = self.store.conn();
                        match Pager::load(|o, l| reports::drill_page(conn, &drill, o, l), 0) {
                            Ok(pager) => {
                                if let Some(r) = self.reports_screen() {
                                    r.mode = RMode::Records {
                                        title: f.label.clone(),
                                        rec: drill.rec,
                                        drill,
                                        pager,
                                    };
                                }
                            }
                            Err(e) => self.fail(e),
                        }
                    }
                    Action::Back => self.go_home(),
                    _ => {}
                }
            }
            RMode::Period(form) => match action {
                Action::Submit => {
                    let raw = form.raw();
                    match period_of(&raw) {
                        Ok(_) => {
                            let shared = r.shareable;
                            self.show_report(kind, raw, shared);
                        }
                        Err(errors) => self.show_form_errors(&errors, PERIOD_FIELDS),
                    }
                }
                Action::Back => r.mode = RMode::Figures,
                _ => {}
            },
            RMode::Records { drill, pager, rec, .. } => {
                let conn = self.store.conn();
                let d = drill.clone();
                if let Some(result) =
                    pager.navigate(action, |o, l| reports::drill_page(conn, &d, o, l))
                {
                    return self.report(result);
                }
                let (rec, current) = (*rec, pager.current().copied());
                match (action, current) {
                    (Action::Open, Some(id)) => self.open_behind(rec, id),
                    (Action::Back, _) => r.mode = RMode::Figures,
                    _ => {}
                }
            }
        }
    }

    /// Open a record behind a figure: contacts, tips, clients, screenings and referrals
    /// themselves; a service or a payment through its client's record.
    fn open_behind(&mut self, rec: Rec, id: i64) {
        use super::records::RecordKind;
        let client_of = |table: &str| -> crate::Result<Option<i64>> {
            use rusqlite::OptionalExtension;
            Ok(self
                .store
                .conn()
                .query_row(&format!("SELECT client_id FROM {table} WHERE id = ?1"), [id], |r| {
                    r.get(0)
                })
                .optional()?)
        };
        match rec {
            Rec::Contact => {
                self.open_records(RecordKind::Contact);
                self.open_record(RecordKind::Contact, id);
            }
            Rec::Tip => {
                self.open_records(RecordKind::Tip);
                self.open_record(RecordKind::Tip, id);
            }
            Rec::Client => {
                self.open_clients();
                self.open_client(id);
            }
            Rec::Screening => self.open_screening(id),
            Rec::Referral => {
                self.go(crate::ui::effect::Route::Referral(id, super::referrals::Back::FollowUps))
            }
            Rec::Service | Rec::Payment => {
                let table = if rec == Rec::Service { "services" } else { "payments" };
                match client_of(table) {
                    Ok(Some(c)) => {
                        self.open_clients();
                        self.open_client(c);
                    }
                    Ok(None) => self.fail(crate::Error::user(Msg::ErrNoSuchRecord)),
                    Err(e) => self.fail(e),
                }
            }
        }
    }
}

pub fn draw(frame: &mut Frame, area: Rect, r: &ReportScreen, t: Theme, lang: Lang) {
    match &r.mode {
        RMode::Period(form) => form_panel(frame, area, Msg::TitlePeriod, None, form, t, lang),
        RMode::Records { title, rec, pager, .. } => {
            draw_records(frame, area, title, *rec, pager, t, lang)
        }
        RMode::Figures => draw_figures(frame, area, r, t, lang),
    }
}

fn draw_figures(frame: &mut Frame, area: Rect, r: &ReportScreen, t: Theme, lang: Lang) {
    let [head, body] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
    let mut top = vec![
        Span::styled(format!(" ◀ {} ▶ ", r.report.kind.title().text(lang)), t.title()),
        Span::raw(period_label(&r.period_raw, &r.report.period, lang)),
    ];
    if r.shareable {
        top.push(Span::styled(format!("  [{}]", Msg::SharedView.text(lang)), t.error()));
    }
    let tabs: Vec<String> = Kind::ALL
        .iter()
        .map(|k| {
            let name = k.title().text(lang);
            if *k == r.report.kind { format!("[{name}]") } else { name.to_string() }
        })
        .collect();
    let lines =
        vec![Line::from(top), Line::from(Span::styled(format!(" {}", tabs.join(" ")), t.dim()))];
    frame.render_widget(Paragraph::new(lines), head);
    let [left, right] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(28)]).areas(body);
    // The figures, scrolled so the selected one shows.
    let b = block(Msg::RepFigures, t, lang);
    let inner = b.inner(left);
    frame.render_widget(b, left);
    let width = inner.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_line = 0;
    let mut n = 0;
    for s in &r.report.sections {
        lines.push(Line::from(Span::styled(format!(" {}", s.title.text(lang)), t.title())));
        if s.figures.is_empty() {
            lines.push(Line::from(Span::styled(
                format!("   {}", Msg::RepNothing.text(lang)),
                t.dim(),
            )));
        }
        for f in &s.figures {
            let value = reports::show(f, r.shareable);
            let room = width.saturating_sub(value.chars().count() + 4);
            let label: String = f.label.chars().take(room).collect();
            let pad = room.saturating_sub(label.chars().count());
            let text = format!(
                "{} {label}{} {value} ",
                if n == r.selected { t.marker() } else { " " },
                " ".repeat(pad + 1)
            );
            if n == r.selected {
                selected_line = lines.len();
                lines.push(Line::from(Span::styled(text, t.focus())));
            } else {
                lines.push(Line::raw(text));
            }
            n += 1;
        }
    }
    let height = inner.height as usize;
    let skip = selected_line.saturating_sub(height.saturating_sub(2));
    frame.render_widget(Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()), inner);
    draw_chart(frame, right, r, t, lang);
}

/// The months as bars (grouped when there are more than twelve) and the running total as a
/// sparkline.
fn draw_chart(frame: &mut Frame, area: Rect, r: &ReportScreen, t: Theme, lang: Lang) {
    let b = block(Msg::RepByMonth, t, lang);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let months = &r.report.monthly;
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
    let data: Vec<Bar> = buckets.iter().map(|(_, n)| Bar::new(*n).text_value("")).collect();
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
