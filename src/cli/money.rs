//! Funds, payments and reports on the command line.

use std::path::Path;

use clap::{Args, Subcommand, ValueEnum};
use jiff::Timestamp;

use crate::cli::import::Progress;
use crate::cli::records::{ListFormat, csv_safe, staff};
use crate::domain::fields::{FieldError, format_cents, parse_date};
use crate::domain::fund::{Fund, Payment, SOURCES};
use crate::domain::ids::{ClientId, FundId};
use crate::domain::record::{Raw, RuntimeOptions};
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg, fill};
use crate::service::Who;
use crate::service::reports::Period;
use crate::store::{Store, clients as store_clients, funds};

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FyKind {
    State,
    Federal,
}

/// Which days: a fiscal year (or a quarter of it), or a range.
#[derive(Args, Debug, Clone)]
pub struct PeriodArgs {
    /// Fiscal year, named by the year it ends (FY2026 = 2025-07-01 to 2026-06-30 for the state).
    #[arg(long)]
    pub fy: Option<i16>,
    /// state (the default) or federal (the default for the VOCA report).
    #[arg(long, value_enum)]
    pub fy_kind: Option<FyKind>,
    /// A quarter (1-4) of that fiscal year.
    #[arg(long)]
    pub quarter: Option<i8>,
    /// First day (YYYY-MM-DD, America/Denver), with --to.
    #[arg(long)]
    pub from: Option<String>,
    /// Last day, included.
    #[arg(long)]
    pub to: Option<String>,
}

impl PeriodArgs {
    pub fn period(&self) -> Result<Period> {
        self.period_or(FyKind::State)
    }

    /// The period, reading a fiscal year as `kind` unless --fy-kind says which.
    pub fn period_or(&self, kind: FyKind) -> Result<Period> {
        let date =
            |s: &str| parse_date(s).ok_or_else(|| Error::user_with(Msg::ErrBadDateArg, &[s]));
        let federal = matches!(self.fy_kind.unwrap_or(kind), FyKind::Federal);
        let p = match (self.fy, &self.from, &self.to) {
            (Some(y), None, None) => match self.quarter {
                Some(q) => Period::quarter(y, federal, q),
                None => Period::fiscal_year(y, federal),
            },
            (None, Some(f), Some(t)) if self.quarter.is_none() => Period::range(date(f)?, date(t)?),
            _ => None,
        };
        p.ok_or_else(|| Error::user(Msg::ErrPeriodArgs))
    }
}

#[derive(Subcommand, Debug)]
pub enum FundCommand {
    /// Add a fund (supervisors and administrators).
    Add {
        #[arg(long)]
        name: String,
        /// state, voca, federal_grant or private.
        #[arg(long)]
        source: String,
        #[command(flatten)]
        period: PeriodArgs,
        /// Dollars and cents, e.g. 25000 or 25000.00.
        #[arg(long)]
        amount: String,
        /// What it may pay for, comma-separated: crisis, rent, relocation, travel,
        /// pecuniary_loss, lost_wages, civil_legal.
        #[arg(long)]
        categories: String,
        #[arg(long)]
        user: String,
    },
    /// The agency's funds with what is paid, pending and left.
    List {
        #[arg(long)]
        user: String,
        #[arg(long, value_enum, default_value = "table")]
        format: ListFormat,
    },
}

#[derive(Subcommand, Debug)]
pub enum PaymentCommand {
    /// Past years' payments from a CSV file, recorded as approved by the importing administrator:
    /// every row valid and within its fund, or nothing is written.
    Import {
        file: std::path::PathBuf,
        #[arg(long)]
        user: String,
    },
}

pub fn fund(store: &mut Store, c: &FundCommand, lang: Lang) -> Result<()> {
    match c {
        FundCommand::Add { name, source, period, amount, categories, user } => {
            let u = staff(store, user)?;
            let p = period.period()?;
            let mut raw = Raw::new();
            raw.insert("name".into(), name.clone());
            raw.insert("source".into(), source.clone());
            raw.insert("period_from".into(), p.from.to_string());
            raw.insert("period_to".into(), p.to.to_string());
            raw.insert("amount".into(), amount.clone());
            raw.insert("categories".into(), categories.replace(',', ";"));
            let f = Fund::from_raw(&raw).map_err(|e| field_errors(&e, lang))?;
            let id = crate::service::ledger::add_fund(
                store,
                Who { user: &u, session_id: None },
                &f,
                Timestamp::now(),
            )?;
            put!("{}", fill(Msg::CliFundAdded.text(lang), &[&id.to_string(), &f.name]));
        }
        FundCommand::List { user, format } => {
            let u = staff(store, user)?;
            let rows = funds::list(store.conn(), u.agency_id)?;
            let source = |s: &str| crate::domain::directory::label(SOURCES, s, lang);
            match format {
                ListFormat::Json => {
                    let v: Vec<serde_json::Value> = rows
                        .iter()
                        .map(|f| {
                            serde_json::json!({
                                "id": f.id, "name": f.name, "source": f.source,
                                "from": f.from.to_string(), "to": f.to.to_string(),
                                "amount_cents": f.amount_cents, "paid_cents": f.paid_cents,
                                "pending_cents": f.pending_cents, "remaining_cents": f.remaining_cents(),
                                "categories": f.categories,
                            })
                        })
                        .collect();
                    put!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
                }
                ListFormat::Csv => {
                    let err =
                        |e: csv::Error| Error::user_with(Msg::ErrCsvRead, &["-", &e.to_string()]);
                    let mut w = csv::Writer::from_writer(std::io::stdout());
                    let head = [
                        "id",
                        "name",
                        "source",
                        "from",
                        "to",
                        "amount",
                        "paid",
                        "pending",
                        "remaining",
                    ];
                    w.write_record(head).map_err(err)?;
                    for f in &rows {
                        w.write_record([
                            f.id.to_string(),
                            csv_safe(&f.name),
                            f.source.clone(),
                            f.from.to_string(),
                            f.to.to_string(),
                            format_cents(f.amount_cents),
                            format_cents(f.paid_cents),
                            format_cents(f.pending_cents),
                            format_cents(f.remaining_cents()),
                        ])
                        .map_err(err)?;
                    }
                    w.flush()?;
                }
                ListFormat::Table => {
                    for f in &rows {
                        put!(
                            "{:>4}  {:<32} {:<20} {} .. {}  {:>13} {:>13} {:>13} {:>13}",
                            f.id,
                            f.name,
                            source(&f.source),
                            f.from,
                            f.to,
                            format_cents(f.amount_cents),
                            format_cents(f.paid_cents),
                            format_cents(f.pending_cents),
                            format_cents(f.remaining_cents())
                        );
                    }
                }
            }
        }
    }
    Ok(())
}

fn field_errors(errors: &[FieldError], lang: Lang) -> Error {
    let lines: Vec<String> = errors
        .iter()
        .map(|e| {
            let args: Vec<&str> = e.args.iter().map(String::as_str).collect();
            format!("{}: {}", e.key, fill(e.msg.text(lang), &args))
        })
        .collect();
    Error::User(Msg::ErrCsvInvalid, vec![errors.len().to_string(), lines.join("\n")])
}

const PAYMENT_COLUMNS: &[&str] =
    &["fund", "client", "category", "amount", "paid_on", "payee", "purpose"];

/// Read and check every row (its fund by name, its client by external reference or #number,
/// and that the fund can pay it, counting the rows before it), then write all in one
/// transaction.
pub fn payment(store: &mut Store, c: &PaymentCommand, lang: Lang) -> Result<()> {
    let PaymentCommand::Import { file, user } = c;
    let u = staff(store, user)?;
    let n = import_payments(store, &u, file, lang)?;
    put!("{}", fill(Msg::CliImported.text(lang), &[&n.to_string()]));
    Ok(())
}

fn import_payments(
    store: &mut Store,
    u: &crate::store::users::User,
    file: &Path,
    lang: Lang,
) -> Result<usize> {
    let read_err =
        |e: csv::Error| crate::service::files::csv_error(&file.display().to_string(), &e);
    let mut reader = crate::service::files::csv_reader(file).map_err(|e| read_err(e.into()))?;
    let headers: Vec<String> =
        reader.headers().map_err(read_err)?.iter().map(|h| h.trim().to_ascii_lowercase()).collect();
    let mut problems = Vec::new();
    for h in &headers {
        if !PAYMENT_COLUMNS.contains(&h.as_str()) {
            problems.push(fill(Msg::ErrCsvColumn.text(lang), &["1", h]));
        }
    }
    let records: Vec<csv::StringRecord> =
        reader.records().collect::<std::result::Result<_, _>>().map_err(read_err)?;
    let all_funds = funds::list(store.conn(), u.agency_id)?;
    let mut runtime = RuntimeOptions::new();
    runtime.insert("fund", all_funds.iter().map(|f| (f.id.to_string(), f.name.clone())).collect());
    let mut progress = Progress::new(records.len() * 2);
    let mut rows: Vec<(ClientId, Payment)> = Vec::new();
    let mut set_aside: std::collections::HashMap<FundId, i64> = std::collections::HashMap::new();
    for (i, rec) in records.iter().enumerate() {
        progress.at(i);
        let row = (i + 2).to_string();
        let mut raw: Raw = headers.iter().cloned().zip(rec.iter().map(str::to_string)).collect();
        let mut bad = |col: &str, e: &Error| {
            problems.push(fill(Msg::ErrCsvCell.text(lang), &[&row, col, &e.message(lang)]))
        };
        let fund_name = raw.get("fund").map(|s| s.trim().to_string()).unwrap_or_default();
        match all_funds.iter().find(|f| f.name == fund_name) {
            Some(f) => {
                raw.insert("fund".into(), f.id.to_string());
            }
            None => {
                bad("fund", &Error::user(Msg::ErrNoSuchFund));
                continue;
            }
        }
        let who = raw.get("client").map(|s| s.trim().to_string()).unwrap_or_default();
        let client = match who.strip_prefix('#').map(str::parse::<i64>) {
            Some(Ok(id)) => {
                store_clients::get(store.conn(), u.agency_id, ClientId(id))?.map(|_| ClientId(id))
            }
            _ => store_clients::by_external_ref(store.conn(), u.agency_id, &who)?,
        };
        let Some(client) = client else {
            bad("client", &Error::user(Msg::ErrNoSuchRecord));
            continue;
        };
        match Payment::from_raw(&raw, &runtime) {
            Ok(p) => {
                let fund = all_funds.iter().find(|f| f.id == p.fund_id).cloned();
                let also = set_aside.get(&p.fund_id).copied().unwrap_or(0);
                match fund.map(|f| funds::check(&f, &p, also)) {
                    Some(Ok(())) => {
                        *set_aside.entry(p.fund_id).or_default() += p.amount_cents;
                        rows.push((client, p));
                    }
                    Some(Err((col, e))) => bad(col, &e),
                    None => bad("fund", &Error::user(Msg::ErrNoSuchFund)),
                }
            }
            Err(errors) => {
                for e in errors {
                    let args: Vec<&str> = e.args.iter().map(String::as_str).collect();
                    problems.push(fill(
                        Msg::ErrCsvCell.text(lang),
                        &[&row, e.key, &fill(e.msg.text(lang), &args)],
                    ));
                }
            }
        }
    }
    if !problems.is_empty() {
        progress.done();
        let shown = problems.iter().take(200).cloned().collect::<Vec<_>>().join("\n");
        return Err(Error::User(Msg::ErrCsvInvalid, vec![problems.len().to_string(), shown]));
    }
    let checked = records.len();
    let n = crate::service::ledger::import_payments(
        store,
        Who { user: u, session_id: None },
        &rows,
        Timestamp::now(),
        &mut |n| progress.at(checked + n),
    )?;
    progress.done();
    Ok(n)
}
