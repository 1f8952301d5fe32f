//! Reports on screen (supervisors and administrators): one report at a time for a period, the
//! figures in a table, the months as bars with the running total as a sparkline, a shared view
//! that shows small counts as "<11", and every figure opening to the records behind it.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::domain::client::federal_fiscal_year;
use crate::domain::combined::Combined;
use crate::domain::fields::{FieldSpec, Kind as FieldKind, Options};
use crate::domain::ids::{ClientId, ContactId, ReferralId, ScreeningId, TipId};
use crate::domain::record::{Raw, RuntimeOptions, Values, parse_all};
use crate::i18n::{Lang, Msg};
use crate::service::reports::{self, Drill, Filter, Kind, Period, Rec, Report};
use crate::store::clients::{self as store_clients, OfClient};
use crate::ui::effect::{Done, Effect, Route};
use crate::ui::keymap::{self, Action, Binding};
use crate::ui::screen::{Ctx, Page};
use crate::ui::screens::records::local_day;
use crate::ui::screens::referrals::Back;
use crate::ui::theme::Theme;
use crate::ui::widgets::form::Form;
use crate::ui::widgets::pager::{Pager, Select, Spot};

mod view;

const PERIOD_KINDS: &[(&str, Msg)] = &[
    ("state", Msg::PeriodStateFy),
    ("federal", Msg::PeriodFederalFy),
    ("range", Msg::PeriodRange),
];

const QUARTERS: &[(&str, Msg)] =
    &[("1", Msg::Quarter1), ("2", Msg::Quarter2), ("3", Msg::Quarter3), ("4", Msg::Quarter4)];

pub(crate) const PERIOD_FIELDS: &[FieldSpec] = &[
    FieldSpec::new("kind", Msg::FieldPeriodKind, FieldKind::One(Options::Fixed(PERIOD_KINDS)))
        .required(),
    FieldSpec::new("year", Msg::FieldFiscalYear, FieldKind::Whole { min: 2000, max: 2100 }),
    FieldSpec::new("quarter", Msg::FieldQuarter, FieldKind::One(Options::Fixed(QUARTERS))),
    FieldSpec::new("from", Msg::FieldPeriodFrom, FieldKind::Date),
    FieldSpec::new("to", Msg::FieldPeriodTo, FieldKind::Date),
    // What a funder asks in one line: the reports that can be narrowed so are.
    FieldSpec::new("area", Msg::FieldArea, FieldKind::One(Options::Areas)),
    FieldSpec::new(
        "payments",
        Msg::FieldPayGroup,
        FieldKind::One(Options::Fixed(crate::domain::fund::CATEGORY_GROUPS_NAMED)),
    ),
];

/// The filter the period form asks for.
fn filter_of(raw: &Raw) -> Filter {
    let get = |k: &str| raw.get(k).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    Filter { area: get("area"), fund: None, group: get("payments") }
}

pub enum RMode {
    Figures,
    Period(Form),
    Records { title: String, rec: Rec, drill: Drill, pager: Pager<i64> },
}

pub struct ReportScreen {
    /// The report on screen (None until the first is built).
    pub report: Option<Report>,
    /// Which report: the one shown, or the first to build.
    pub kind: Kind,
    /// How the period was chosen, as the period form holds it: every report is built for it.
    pub chosen: Raw,
    /// The period of the report on screen, as the form would hold it (the VOCA report shows
    /// the federal year of the period chosen; the others show the period chosen).
    pub period_raw: Raw,
    /// The selected figure, counted over all sections.
    pub selected: usize,
    pub shareable: bool,
    pub mode: RMode,
    /// The worker's language, for the period form.
    lang: Lang,
    /// The figure whose records are being read in: its label and query.
    drilling: Option<(String, Drill)>,
    /// An administrator, who may see the task force whole.
    admin: bool,
    /// The task force's figures for this report, every agency added up (shown instead).
    pub whole: Option<Combined>,
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

/// The period and filter `raw` describes for report `kind`. The VOCA report covers one
/// federal fiscal year at most: reached from a period that crosses 1 October, it shows the
/// federal year of the period's last day (or of today, when that is later). A report the
/// filter cannot narrow shows whole, and says so (`view`).
fn resolve(kind: Kind, mut raw: Raw, ctx: &Ctx) -> crate::Result<(Period, Filter, Raw)> {
    let mut period = period_of(&raw).map_err(|_| crate::Error::user(Msg::ErrPeriodRange))?;
    if kind == Kind::Voca && period.federal_year_start().is_none() {
        let year = federal_fiscal_year(period.to.min(local_day(ctx.now)));
        period = Period::fiscal_year(year, true)
            .ok_or_else(|| crate::Error::user(Msg::ErrPeriodRange))?;
        // The federal year, keeping the filter for the other reports.
        raw.retain(|k, _| k == "area" || k == "payments");
        raw.insert("kind".into(), "federal".into());
        raw.insert("year".into(), year.to_string());
    }
    let filter = Some(filter_of(&raw)).filter(|f| f.check(kind).is_ok()).unwrap_or_default();
    Ok((period, filter, raw))
}

/// Build report `kind` for the period `raw` describes.
fn build(kind: Kind, raw: Raw) -> Effect {
    Effect::run(move |store, ctx| {
        let (period, filter, shown) = resolve(kind, raw.clone(), ctx)?;
        let user = ctx.who()?.user;
        let report = reports::build_filtered(store.conn(), user, kind, period, &filter, ctx.lang)?;
        Ok(Done::Report(Box::new(report), raw, shown))
    })
}

/// The task force's figures for report `kind` over the same days: every agency's part added
/// up (administrators; the service refuses anyone else).
fn build_whole(kind: Kind, raw: Raw) -> Effect {
    Effect::run(move |store, ctx| {
        let (period, filter, _) = resolve(kind, raw, ctx)?;
        let user = ctx.who()?.user;
        let parts = reports::task_force_parts(store.conn(), user, kind, period, &filter, ctx.lang)?;
        let mut whole: Option<Combined> = None;
        for (agency, r) in parts {
            let part = Combined::of_report(&agency, &r, ctx.lang);
            match &mut whole {
                None => whole = Some(part),
                Some(w) => w.add(&agency, part, ctx.lang)?,
            }
        }
        let whole = whole.ok_or_else(|| crate::Error::user(Msg::ErrCombineNone))?;
        Ok(Done::TaskForce(Box::new(whole)))
    })
}

/// A page of the records behind a figure.
fn drill_page(drill: Drill, spot: Spot, select: Select) -> Effect {
    Effect::run(move |store, _| {
        let conn = store.conn();
        let fetch = |s: &Spot, l| reports::drill_from(conn, &drill, &s.start, l);
        Ok(Done::DrillPage(Pager::load_at(fetch, spot, select)?))
    })
}

/// Where a record behind a figure opens: contacts, tips, clients, screenings and referrals
/// themselves; a service or a payment through its client's record.
fn open_behind(rec: Rec, id: i64) -> Effect {
    let of = match rec {
        Rec::Contact => return Effect::Go(Route::Contact(ContactId(id))),
        Rec::Tip => return Effect::Go(Route::Tip(TipId(id))),
        Rec::Client => return Effect::Go(Route::Client(ClientId(id))),
        Rec::Screening => return Effect::Go(Route::Screening(ScreeningId(id))),
        Rec::Referral => return Effect::Go(Route::Referral(ReferralId(id), Back::FollowUps)),
        Rec::Service => OfClient::Service,
        Rec::Payment => OfClient::Payment,
    };
    Effect::run(move |store, ctx| {
        let agency = ctx.who()?.user.agency_id;
        let client = store_clients::client_of(store.conn(), agency, of, id)?
            .ok_or_else(|| crate::Error::user(Msg::ErrNoSuchRecord))?;
        Ok(Done::ClientOf(client))
    })
}

impl ReportScreen {
    /// The hotline report for the state fiscal year under way.
    pub fn new(ctx: &Ctx) -> ReportScreen {
        let today = local_day(ctx.now);
        let year = if today.month() >= 7 { today.year() + 1 } else { today.year() };
        let mut raw = Raw::new();
        raw.insert("kind".into(), "state".into());
        raw.insert("year".into(), year.to_string());
        ReportScreen {
            report: None,
            kind: Kind::Hotline,
            chosen: raw.clone(),
            period_raw: raw,
            selected: 0,
            shareable: false,
            mode: RMode::Figures,
            lang: ctx.lang,
            drilling: None,
            admin: ctx.user.as_ref().is_some_and(|u| u.role.administers()),
            whole: None,
        }
    }

    /// The lines of the task force's figures, as drawn: sections with their lines, then each
    /// agency's headline.
    pub fn whole_lines(&self) -> usize {
        self.whole.as_ref().map_or(0, |w| {
            w.sections.iter().map(|s| s.lines.len()).sum::<usize>() + w.agencies.len()
        })
    }

    fn figures(&self) -> impl Iterator<Item = &reports::Figure> {
        self.report.iter().flat_map(|r| r.sections.iter()).flat_map(|s| s.figures.iter())
    }

    fn figures_update(&mut self, action: Action) -> Vec<Effect> {
        let step = |k: Kind, by: isize| {
            let all = Kind::ALL;
            let at = all.iter().position(|x| *x == k).unwrap_or(0) as isize;
            all[(at + by).rem_euclid(all.len() as isize) as usize]
        };
        let count = if self.whole.is_some() { self.whole_lines() } else { self.figures().count() };
        match action {
            Action::TaskForce if self.admin => {
                if self.whole.take().is_none() {
                    return vec![build_whole(self.kind, self.chosen.clone())];
                }
                self.selected = 0;
            }
            Action::Open if self.whole.is_some() => {
                return vec![Effect::Fail(crate::Error::user(Msg::ErrTaskForceNoRecords))];
            }
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(count.saturating_sub(1)),
            Action::NextReport | Action::PrevReport => {
                let by = if action == Action::NextReport { 1 } else { -1 };
                return vec![build(step(self.kind, by), self.chosen.clone())];
            }
            Action::Shareable => self.shareable = !self.shareable,
            Action::Period => {
                let form = Form::from_schema(
                    PERIOD_FIELDS,
                    &self.period_raw,
                    &RuntimeOptions::new(),
                    self.lang,
                );
                self.mode = RMode::Period(form);
            }
            Action::Open => {
                let Some(f) = self.figures().nth(self.selected).cloned() else { return Vec::new() };
                if self.shareable {
                    return vec![Effect::Fail(crate::Error::user(Msg::ErrSharedNoRecords))];
                }
                let Some(drill) = f.drill else {
                    return vec![Effect::Fail(crate::Error::user(Msg::ErrNoRecordsBehind))];
                };
                self.drilling = Some((f.label.clone(), drill.clone()));
                return vec![drill_page(drill, Spot::top(), Select::First)];
            }
            Action::Back => return vec![Effect::Go(Route::Home)],
            _ => {}
        }
        Vec::new()
    }
}

impl Page for ReportScreen {
    fn keymap(&self) -> &'static [Binding] {
        match self.mode {
            RMode::Figures if self.admin => keymap::REPORTS_ADMIN,
            RMode::Figures => keymap::REPORTS,
            RMode::Period(_) => keymap::FORM,
            RMode::Records { .. } => keymap::REPORT_RECORDS,
        }
    }

    fn title(&self) -> Msg {
        match self.mode {
            RMode::Period(_) => Msg::TitlePeriod,
            _ => self.kind.title(),
        }
    }

    fn form(&self) -> Option<&Form> {
        match &self.mode {
            RMode::Period(f) => Some(f),
            _ => None,
        }
    }

    fn form_mut(&mut self) -> Option<&mut Form> {
        match &mut self.mode {
            RMode::Period(f) => Some(f),
            _ => None,
        }
    }

    fn enter(&mut self, ctx: &Ctx) -> Vec<Effect> {
        self.lang = ctx.lang;
        vec![build(self.kind, self.chosen.clone())]
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Vec<Effect> {
        self.lang = ctx.lang;
        match &mut self.mode {
            RMode::Figures => self.figures_update(action),
            RMode::Period(form) => match action {
                Action::Submit => {
                    let raw = form.raw();
                    match period_of(&raw) {
                        Ok(_) => vec![build(self.kind, raw)],
                        Err(errors) => vec![Effect::FormErrors(errors, PERIOD_FIELDS)],
                    }
                }
                Action::Back => {
                    self.mode = RMode::Figures;
                    Vec::new()
                }
                _ => Vec::new(),
            },
            RMode::Records { drill, pager, rec, .. } => {
                if let Some(effects) = pager.moved(action, |o, s| drill_page(drill.clone(), o, s)) {
                    return effects;
                }
                match (action, pager.current().copied()) {
                    (Action::Open, Some(id)) => vec![open_behind(*rec, id)],
                    (Action::Back, _) => {
                        self.mode = RMode::Figures;
                        Vec::new()
                    }
                    _ => Vec::new(),
                }
            }
        }
    }

    fn on_done(&mut self, done: Done, _ctx: &Ctx) -> Vec<Effect> {
        match done {
            Done::Report(report, raw, shown) => {
                self.kind = report.kind;
                self.report = Some(*report);
                self.chosen = raw.clone();
                self.period_raw = shown;
                self.selected = 0;
                self.mode = RMode::Figures;
                // The task force's figures follow the report and the period chosen.
                if self.whole.is_some() {
                    return vec![build_whole(self.kind, raw)];
                }
            }
            Done::TaskForce(whole) => {
                self.whole = Some(*whole);
                self.selected = 0;
            }
            Done::DrillPage(pager) => match (&mut self.mode, self.drilling.take()) {
                (RMode::Records { pager: p, .. }, _) => *p = pager,
                (_, Some((title, drill))) => {
                    self.mode = RMode::Records { title, rec: drill.rec, drill, pager }
                }
                _ => {}
            },
            Done::ClientOf(id) => return vec![Effect::Go(Route::Client(id))],
            _ => {}
        }
        Vec::new()
    }

    fn discard(&mut self, _ctx: &Ctx) -> Vec<Effect> {
        self.mode = RMode::Figures;
        Vec::new()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, t: Theme, lang: Lang) {
        view::draw(frame, area, self, t, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::reports::{Figure, Section, Value};

    fn ctx() -> Ctx {
        crate::ui::screen::testing::ctx_at("2026-11-28T20:00:00Z", None)
    }

    fn report() -> Report {
        let figure = |key: &str| Figure {
            key: key.into(),
            label: key.into(),
            value: Value::Count(3),
            n: 3,
            drill: None,
        };
        Report {
            kind: Kind::Hotline,
            period: Period::fiscal_year(2027, false).unwrap(),
            sections: vec![Section {
                key: "contacts",
                title: Msg::RepFigures,
                figures: vec![figure("calls"), figure("texts")],
            }],
            filter: Default::default(),
            monthly: Vec::new(),
        }
    }

    #[test]
    fn reports_are_built_through_effects_and_a_figure_without_records_says_so() {
        let mut r = ReportScreen::new(&ctx());
        assert_eq!(r.period_raw["year"], "2027", "the state fiscal year under way");
        assert!(matches!(r.enter(&ctx())[..], [Effect::Run(_)]));
        let raw = r.period_raw.clone();
        r.on_done(Done::Report(Box::new(report()), raw.clone(), raw), &ctx());
        assert!(r.update(Action::Down, &ctx()).is_empty());
        assert_eq!(r.selected, 1);
        let open = r.update(Action::Open, &ctx());
        assert!(matches!(
            &open[..],
            [Effect::Fail(crate::Error::User(Msg::ErrNoRecordsBehind, _))]
        ));
        r.update(Action::Shareable, &ctx());
        let shared = r.update(Action::Open, &ctx());
        assert!(matches!(
            &shared[..],
            [Effect::Fail(crate::Error::User(Msg::ErrSharedNoRecords, _))]
        ));
        assert!(matches!(r.update(Action::NextReport, &ctx())[..], [Effect::Run(_)]));
        assert_eq!(r.kind, Kind::Hotline, "the kind changes once the next report is built");
        // A bad period is refused on its fields; nothing is built.
        r.update(Action::Period, &ctx());
        r.form_mut().unwrap().fields[1] =
            crate::ui::widgets::form::Field::text(Msg::FieldFiscalYear, 4);
        assert!(matches!(r.update(Action::Submit, &ctx())[..], [Effect::FormErrors(..)]));
    }
}
