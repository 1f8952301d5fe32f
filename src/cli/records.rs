//! `intake contact …` and `intake tip …`: lists for scripts and imports of the spreadsheets the
//! task force has kept since 2013. Each runs as a named staff account, sees what that account
//! sees, and is audited.

use std::io::{self, Write};

use clap::{Subcommand, ValueEnum};

use crate::domain::fields::parse_date;
use crate::domain::text::fold_username;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg, fill};
use crate::store::tips::Scope;
use crate::store::users::{self, User};
use crate::store::{Store, contacts, tips};

use super::import::import;
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ListFormat {
    Table,
    Csv,
    Json,
}

#[derive(Subcommand, Debug)]
pub enum RecordCommand {
    /// List entries, newest first.
    List {
        /// The staff account whose view this is (its agency, its permissions).
        #[arg(long)]
        user: String,
        /// First day (YYYY-MM-DD, America/Denver).
        #[arg(long)]
        from: Option<String>,
        /// Last day, included.
        #[arg(long)]
        to: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: ListFormat,
    },
    /// Bring in a CSV file: every row valid, or nothing is written.
    Import {
        file: std::path::PathBuf,
        /// The staff account the entries are recorded by.
        #[arg(long)]
        user: String,
    },
}

/// Only imports, for records the console is where people read.
#[derive(Subcommand, Debug)]
pub enum ImportCommand {
    /// Bring in a CSV file: every row valid, or nothing is written.
    Import {
        file: std::path::PathBuf,
        /// The staff account the entries are recorded by (and whose agency holds them).
        #[arg(long)]
        user: String,
    },
}

pub fn run_import(store: &mut Store, kind: &str, cmd: &ImportCommand, lang: Lang) -> Result<()> {
    let ImportCommand::Import { file, user } = cmd;
    let u = staff(store, user)?;
    let n = import(store, kind, file, &u, lang)?;
    put!("{}", fill(Msg::CliImported.text(lang), &[&n.to_string()]));
    Ok(())
}

pub(crate) fn staff(store: &Store, username: &str) -> Result<User> {
    let u = users::find_by_username(store.conn(), &fold_username(username))?
        .map(|u| u.user)
        .ok_or_else(|| Error::user_with(Msg::ErrNoSuchUserNamed, &[&fold_username(username)]))?;
    if u.disabled {
        return Err(Error::user(Msg::LoginDisabled));
    }
    Ok(u)
}

fn day(arg: &Option<String>) -> Result<Option<jiff::civil::Date>> {
    match arg {
        None => Ok(None),
        Some(s) => {
            parse_date(s).map(Some).ok_or_else(|| Error::user_with(Msg::ErrBadDateArg, &[s]))
        }
    }
}

pub use crate::domain::text::csv_safe;

pub fn run(store: &mut Store, kind: &str, cmd: &RecordCommand, lang: Lang) -> Result<()> {
    match cmd {
        RecordCommand::List { user, from, to, format } => {
            let u = staff(store, user)?;
            let (from, to) = (day(from)?, day(to)?);
            let event = if kind == "contact" { "contact_list" } else { "tip_list" };
            crate::service::hotline::listed(
                store,
                crate::service::Who { user: &u, session_id: None },
                event,
            )?;
            if kind == "contact" {
                let f = contacts::Filter { from, to, ..Default::default() };
                list(*format, CONTACT_COLUMNS, |after, l| {
                    Ok(contacts::export_page(store.conn(), u.agency_id, &f, after, l)?
                        .into_iter()
                        .map(contact_cells)
                        .collect())
                })
            } else {
                let f = tips::Filter { from, to, ..Default::default() };
                list(*format, TIP_COLUMNS, |after, l| {
                    Ok(tips::export_page(store.conn(), Scope::of(&u), &f, after, l)?
                        .into_iter()
                        .map(tip_cells)
                        .collect())
                })
            }
        }
        RecordCommand::Import { file, user } => {
            let u = staff(store, user)?;
            let n = import(store, kind, file, &u, lang)?;
            put!("{}", fill(Msg::CliImported.text(lang), &[&n.to_string()]));
            Ok(())
        }
    }
}

const CONTACT_COLUMNS: &[&str] = &[
    "id",
    "started_at",
    "channel",
    "direction",
    "duration_min",
    "caller_type",
    "caller_last2",
    "language",
    "area",
    "trafficking_type",
    "minor",
    "outcomes",
    "reported_to",
    "follow_up_on",
];

fn contact_cells(r: contacts::Row) -> Vec<String> {
    vec![
        r.id.to_string(),
        r.started_at,
        r.channel,
        r.direction,
        r.duration_min.map(|d| d.to_string()).unwrap_or_default(),
        r.caller_type,
        r.caller_last2.map(|l| format!("..{l}")).unwrap_or_default(),
        r.language,
        r.area,
        r.trafficking_type,
        r.minor,
        r.outcomes.join(";"),
        r.reported_to.join(";"),
        r.follow_up_on.unwrap_or_default(),
    ]
}

const TIP_COLUMNS: &[&str] = &[
    "id",
    "received_at",
    "source",
    "reference",
    "category",
    "children",
    "area",
    "status",
    "assigned_to",
    "referred_to",
];

fn tip_cells(r: tips::Row) -> Vec<String> {
    vec![
        r.id.to_string(),
        r.received_at,
        r.source,
        r.reference.unwrap_or_default(),
        r.category,
        r.children.map(|c| c.to_string()).unwrap_or_default(),
        r.area,
        r.status,
        r.assigned_to.unwrap_or_default(),
        r.referred_to.unwrap_or_default(),
    ]
}

/// Print every row a page at a time, in record-number order, so a long log never sits in
/// memory whole. Each page is read after the last row printed (its id, in the first column):
/// keyset paging, so the last page costs what the first costs.
fn list(
    format: ListFormat,
    columns: &[&str],
    fetch: impl Fn(i64, i64) -> Result<Vec<Vec<String>>>,
) -> Result<()> {
    let csv_err = |e: csv::Error| Error::Io(io::Error::other(e.to_string()));
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut csv_out =
        matches!(format, ListFormat::Csv).then(|| csv::Writer::from_writer(io::stdout()));
    match (format, &mut csv_out) {
        (ListFormat::Csv, Some(w)) => w.write_record(columns).map_err(csv_err)?,
        (ListFormat::Json, _) => write!(out, "[")?,
        _ => writeln!(out, "{}", columns.join("\t"))?,
    }
    let mut after = 0;
    let mut first = true;
    loop {
        let rows = fetch(after, 500)?;
        let Some(last) = rows.last() else { break };
        after = last[0].parse().unwrap_or(i64::MAX);
        for row in rows {
            match (format, &mut csv_out) {
                (ListFormat::Csv, Some(w)) => {
                    w.write_record(row.iter().map(|c| csv_safe(c))).map_err(csv_err)?
                }
                (ListFormat::Json, _) => {
                    let obj: serde_json::Map<String, serde_json::Value> = columns
                        .iter()
                        .zip(row)
                        .map(|(k, v)| (k.to_string(), serde_json::Value::String(v)))
                        .collect();
                    write!(
                        out,
                        "{}{}",
                        if first { "" } else { "," },
                        serde_json::Value::Object(obj)
                    )?;
                    first = false;
                }
                _ => writeln!(out, "{}", row.join("\t"))?,
            }
        }
    }
    if matches!(format, ListFormat::Json) {
        writeln!(out, "]")?;
    }
    out.flush()?;
    drop(out);
    if let Some(mut w) = csv_out {
        w.flush()?;
    }
    Ok(())
}
