//! `intake report`: which report, which days, which filter, in which format; the task
//! force's figures added up, or the shareable files of agencies with their own database.

use clap::Args;

use super::money::{FyKind, PeriodArgs};
use crate::cli::records::staff;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};
use crate::service::reports::{self, Filter, Kind};
use crate::store::Store;
use crate::store::users::User;

/// How a report is printed: an aligned table, CSV for a spreadsheet, JSON, or one HTML page
/// with bars for printing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Table,
    Csv,
    Json,
    Html,
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// hotline, clients, services, screenings, referrals, tips, funds, voca, trafficking,
    /// disclosures, combine or all (voca
    /// only when the period lies within one federal fiscal year).
    pub report: String,
    #[command(flatten)]
    pub period: PeriodArgs,
    #[arg(long, value_enum, default_value = "table")]
    pub format: ReportFormat,
    /// Aggregate counts only, with counts under 11 shown as "<11".
    #[arg(long)]
    pub shareable: bool,
    /// The staff account whose view the report is (its agency).
    #[arg(long)]
    pub user: String,
    /// voca: print where each of intake's codes is counted (data/voca-pmt.toml) instead.
    #[arg(long)]
    pub explain: bool,
    /// Every agency's figures added up, always in the shared view (administrators).
    #[arg(long)]
    pub task_force: bool,
    /// Only the clients (and tips, and training events) of one county or tribal nation: its
    /// name as listed ("Bernalillo County", "Bernalillo", "Navajo Nation"), or outside_nm,
    /// unknown, declined.
    #[arg(long)]
    pub area: Option<String>,
    /// funds: only the payments from this fund (its name).
    #[arg(long)]
    pub fund: Option<String>,
    /// funds: only this group of payment categories: direct_assistance or civil_legal.
    #[arg(long)]
    pub payments: Option<String>,
    /// With --task-force: only this agency's part (still the shared view).
    #[arg(long)]
    pub agency: Option<String>,
    /// combine: the shareable JSON reports to add up into the task force's.
    pub files: Vec<std::path::PathBuf>,
}

/// The filter the command line asks for, each name checked (and quoted escaped when wrong).
fn filter_of(store: &Store, u: &User, a: &ReportArgs) -> Result<Filter> {
    use crate::domain::text::escaped;
    let mut f = Filter::default();
    if let Some(typed) = &a.area {
        let t = typed.trim();
        let areas =
            crate::domain::fields::option_list(crate::domain::fields::Options::Areas, Lang::En);
        let hit = areas
            .iter()
            .find(|(id, _)| {
                id.eq_ignore_ascii_case(t) || id.eq_ignore_ascii_case(&format!("{t} County"))
            })
            .ok_or_else(|| Error::user_with(Msg::ErrNoSuchArea, &[&escaped(t)]))?;
        f.area = Some(hit.0.clone());
    }
    if let Some(name) = &a.fund {
        let funds = crate::store::funds::list(store.conn(), u.agency_id)?;
        let hit = funds
            .iter()
            .find(|x| x.name == name.trim())
            .ok_or_else(|| Error::user_with(Msg::ErrNoSuchFund2, &[&escaped(name.trim())]))?;
        f.fund = Some(hit.name.clone());
    }
    if let Some(g) = &a.payments {
        let g = g.trim().to_ascii_lowercase();
        if crate::domain::fund::group_categories(&g).is_none() {
            return Err(Error::user_with(Msg::ErrNoSuchPayGroup, &[&escaped(&g)]));
        }
        f.group = Some(g);
    }
    Ok(f)
}

pub fn report(store: &Store, a: &ReportArgs, lang: Lang) -> Result<()> {
    let u = staff(store, &a.user)?;
    if !u.role.manages_funds() {
        return Err(Error::user(Msg::ErrReportsRole));
    }
    let format = match a.format {
        ReportFormat::Table => crate::cli::report::Format::Table,
        ReportFormat::Csv => crate::cli::report::Format::Csv,
        ReportFormat::Json => crate::cli::report::Format::Json,
        ReportFormat::Html => crate::cli::report::Format::Html,
    };
    if a.report.trim().eq_ignore_ascii_case("combine") {
        let c = crate::cli::combine::files(&a.files, lang)?;
        put!("{}", c.render(format, lang)?.trim_end());
        return Ok(());
    }
    if !a.files.is_empty() {
        return Err(Error::user(Msg::ErrFilesOnlyCombine));
    }
    if a.report.trim().eq_ignore_ascii_case("disclosures") {
        if a.area.is_some() || a.fund.is_some() || a.payments.is_some() || a.agency.is_some() {
            return Err(Error::user(Msg::ErrDisclosuresFilter));
        }
        let period = a.period.period_or(FyKind::State)?;
        let rows = crate::cli::disclosures::counts(store, &u, period, a.shareable, a.task_force)?;
        let shared = a.shareable || a.task_force;
        let text = crate::cli::disclosures::render(&rows, period, shared, format, lang);
        put!("{}", text.trim_end());
        return Ok(());
    }
    let voca = a.report.trim().eq_ignore_ascii_case("voca");
    if a.explain {
        if !voca {
            return Err(Error::user(Msg::ErrExplainVocaOnly));
        }
        put!("{}", crate::cli::voca::explain(lang)?.trim_end());
        return Ok(());
    }
    let period = a.period.period_or(if voca { FyKind::Federal } else { FyKind::State })?;
    let filter = filter_of(store, &u, a)?;
    let kinds: Vec<Kind> = if a.report == "all" {
        // The VOCA report covers one federal fiscal year or part of one; a filter leaves out
        // the reports it cannot narrow.
        let fits = crate::store::reports::voca::fiscal_start(&period).is_ok();
        Kind::ALL
            .into_iter()
            .filter(|k| *k != Kind::Voca || fits)
            .filter(|k| filter.check(*k).is_ok())
            .collect()
    } else {
        vec![
            Kind::parse(&a.report)
                .ok_or_else(|| Error::user_with(Msg::ErrNoSuchReport, &[&a.report]))?,
        ]
    };
    if a.agency.is_some() && !a.task_force {
        return Err(Error::user(Msg::ErrAgencyWithTaskForce));
    }
    if a.task_force {
        let only = a.agency.as_deref().map(str::trim);
        if let Some(name) = only
            && crate::store::users::agency_by_name(store.conn(), name)?.is_none()
        {
            let shown = crate::domain::text::escaped(name);
            return Err(Error::user_with(Msg::ErrAgencyUnknown, &[&shown]));
        }
        for (i, k) in kinds.into_iter().enumerate() {
            let mut total: Option<crate::cli::combine::Combined> = None;
            let parts = reports::task_force_parts(store.conn(), &u, k, period, &filter, lang)?;
            for (agency, r) in parts.into_iter().filter(|(n, _)| only.is_none_or(|o| o == n)) {
                let part = crate::cli::combine::Combined::of_report(&agency, &r, lang);
                match &mut total {
                    None => total = Some(part),
                    Some(t) => t.add(&agency, part, lang)?,
                }
            }
            if let Some(t) = total {
                if i > 0 {
                    put!("");
                }
                put!("{}", t.render(format, lang)?.trim_end());
            }
        }
        return Ok(());
    }
    // Several reports as HTML are one page, a sheet each.
    if matches!(format, crate::cli::report::Format::Html) {
        let mut all = Vec::with_capacity(kinds.len());
        for k in kinds {
            all.push(reports::build_filtered(store.conn(), &u, k, period, &filter, lang)?);
        }
        put!("{}", crate::cli::report_html::page(&all, a.shareable, lang).trim_end());
        return Ok(());
    }
    // Several reports as JSON are one document: an array of them.
    if kinds.len() > 1 && matches!(format, crate::cli::report::Format::Json) {
        let mut all = Vec::with_capacity(kinds.len());
        for k in kinds {
            let r = reports::build_filtered(store.conn(), &u, k, period, &filter, lang)?;
            let mut v = crate::cli::report::json(&r, a.shareable, lang);
            v["agency"] = serde_json::json!(u.agency_name);
            all.push(v);
        }
        let text = serde_json::to_string_pretty(&serde_json::Value::Array(all)).unwrap_or_default();
        put!("{text}");
        return Ok(());
    }
    for (i, k) in kinds.into_iter().enumerate() {
        let r = reports::build_filtered(store.conn(), &u, k, period, &filter, lang)?;
        let mut text = if matches!(format, crate::cli::report::Format::Json) {
            // Named by its agency, so the task force's combined report can say whose it is.
            let mut v = crate::cli::report::json(&r, a.shareable, lang);
            v["agency"] = serde_json::json!(u.agency_name);
            format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default())
        } else {
            crate::cli::report::render(&r, format, a.shareable, lang)?
        };
        if i > 0 && matches!(format, crate::cli::report::Format::Csv) {
            // One header for the whole file.
            text = text.split_once('\n').map(|(_, rest)| rest.to_string()).unwrap_or_default();
        } else if i > 0 {
            put!("");
        }
        put!("{}", text.trim_end_matches('\n'));
    }
    Ok(())
}
