//! `intake contact …` and `intake tip …`: lists for scripts and imports of the spreadsheets the
//! task force has kept since 2013. Each runs as a named staff account, sees what that account
//! sees, and is audited.

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use clap::{Subcommand, ValueEnum};
use jiff::Timestamp;

use crate::domain::contact::{self, Contact};
use crate::domain::fields::{FieldError, parse_date};
use crate::domain::record::{Raw, RuntimeOptions};
use crate::domain::text::fold_username;
use crate::domain::tip::{self, Tip};
use crate::error::{Error, Result};
use crate::hotline::{self, Who};
use crate::i18n::{Lang, Msg, fill};
use crate::store::audit::{self, Event};
use crate::store::tips::Scope;
use crate::store::users::{self, User};
use crate::store::{Store, contacts, tips};

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

fn staff(store: &Store, username: &str) -> Result<User> {
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

/// A spreadsheet cell that starts like a formula is written as text.
pub fn csv_safe(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

pub fn run(store: &mut Store, kind: &str, cmd: &RecordCommand, lang: Lang) -> Result<()> {
    match cmd {
        RecordCommand::List { user, from, to, format } => {
            let u = staff(store, user)?;
            let (from, to) = (day(from)?, day(to)?);
            let source = store.source().to_string();
            let event = if kind == "contact" { "contact_list" } else { "tip_list" };
            store.write(|tx| {
                audit::append(tx, &source, &Event::new(event, "ok").by(Some(u.id), None))
            })?;
            if kind == "contact" {
                let f = contacts::Filter { from, to, ..Default::default() };
                list(*format, CONTACT_COLUMNS, |o, l| {
                    Ok(contacts::list(store.conn(), u.agency_id, &f, o, l)?
                        .into_iter()
                        .map(contact_cells)
                        .collect())
                })
            } else {
                let f = tips::Filter { from, to, ..Default::default() };
                list(*format, TIP_COLUMNS, |o, l| {
                    Ok(tips::list(store.conn(), Scope::of(&u), &f, o, l)?
                        .into_iter()
                        .map(tip_cells)
                        .collect())
                })
            }
        }
        RecordCommand::Import { file, user } => {
            let u = staff(store, user)?;
            let n = import(store, kind, file, &u, lang)?;
            println!("{}", fill(Msg::CliImported.text(lang), &[&n.to_string()]));
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

/// Print every row a page at a time, so a long log never sits in memory whole.
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
    let mut offset = 0;
    let mut first = true;
    loop {
        let rows = fetch(offset, 500)?;
        if rows.is_empty() {
            break;
        }
        offset += rows.len() as i64;
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

/// A bar on standard error, only when it is a terminal.
struct Progress {
    total: usize,
    shown: usize,
    on: bool,
}

impl Progress {
    fn new(total: usize) -> Progress {
        Progress { total, shown: usize::MAX, on: io::stderr().is_terminal() && total > 0 }
    }

    fn at(&mut self, done: usize) {
        if !self.on {
            return;
        }
        let pct = done * 100 / self.total.max(1);
        if pct != self.shown {
            self.shown = pct;
            let bar = "#".repeat(pct / 4);
            eprint!("\r[{bar:<25}] {pct:>3}% {done}/{}", self.total);
        }
    }

    fn done(&self) {
        if self.on {
            eprintln!();
        }
    }
}

/// Read, check every row, and write all of them in one transaction — or none.
fn import(store: &mut Store, kind: &str, file: &Path, u: &User, lang: Lang) -> Result<usize> {
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_path(file).map_err(|e| {
        Error::user_with(Msg::ErrCsvRead, &[&file.display().to_string(), &e.to_string()])
    })?;
    let schema = if kind == "contact" { contact::FIELDS } else { tip::FIELDS };
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| {
            Error::user_with(Msg::ErrCsvRead, &[&file.display().to_string(), &e.to_string()])
        })?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let mut problems: Vec<String> = Vec::new();
    for h in &headers {
        if !schema.iter().any(|s| s.key == h) {
            problems.push(fill(Msg::ErrCsvColumn.text(lang), &["1", h]));
        }
    }
    let runtime = if kind == "tip" { csv_tip_options(store, u)? } else { RuntimeOptions::new() };
    let records: Vec<csv::StringRecord> =
        reader.records().collect::<std::result::Result<_, _>>().map_err(|e| {
            Error::user_with(Msg::ErrCsvRead, &[&file.display().to_string(), &e.to_string()])
        })?;
    let mut progress = Progress::new(records.len() * 2);
    let mut contacts_ok = Vec::new();
    let mut tips_ok = Vec::new();
    for (i, rec) in records.iter().enumerate() {
        progress.at(i);
        let raw: Raw = headers.iter().cloned().zip(rec.iter().map(str::to_string)).collect();
        let row = (i + 2).to_string();
        let report = |errors: Vec<FieldError>, problems: &mut Vec<String>| {
            for e in errors {
                let args: Vec<&str> = e.args.iter().map(String::as_str).collect();
                let what = fill(e.msg.text(lang), &args);
                problems.push(fill(Msg::ErrCsvCell.text(lang), &[&row, e.key, &what]));
            }
        };
        if kind == "contact" {
            match Contact::from_raw(&raw) {
                Ok(c) => contacts_ok.push(c),
                Err(e) => report(e, &mut problems),
            }
        } else {
            match Tip::from_raw(&csv_tip_raw(raw, &runtime), &runtime) {
                Ok(t) => tips_ok.push(t),
                Err(e) => report(e, &mut problems),
            }
        }
    }
    if !problems.is_empty() {
        progress.done();
        let shown = problems.iter().take(200).cloned().collect::<Vec<_>>().join("\n");
        return Err(Error::User(Msg::ErrCsvInvalid, vec![problems.len().to_string(), shown]));
    }
    let who = Who { user: u, session_id: None };
    let now = Timestamp::now();
    let checked = records.len();
    let mut written = |n: usize| progress.at(checked + n);
    let n = if kind == "contact" {
        hotline::import_contacts(store, who, &contacts_ok, now, &mut written)?
    } else {
        hotline::import_tips(store, who, &tips_ok, now, &mut written)?
    };
    progress.at(records.len() * 2);
    progress.done();
    Ok(n)
}

/// In a file, tips name their assignee by user name and their agency by name.
fn csv_tip_options(store: &Store, u: &User) -> Result<RuntimeOptions> {
    let mut r = hotline::tip_options(store, u)?;
    let mut names = Vec::new();
    for (id, _) in r.get("assigned_to").cloned().unwrap_or_default() {
        if let Ok(Some(user)) = users::get(store.conn(), id.parse().unwrap_or(0)) {
            names.push((id, user.username));
        }
    }
    r.insert("assigned_to", names);
    Ok(r)
}

fn csv_tip_raw(mut raw: Raw, runtime: &RuntimeOptions) -> Raw {
    for key in ["assigned_to", "referred_to"] {
        if let Some(v) = raw.get(key).cloned().filter(|v| !v.trim().is_empty()) {
            let found = runtime.get(key).and_then(|opts| {
                opts.iter().find(|(_, label)| label.eq_ignore_ascii_case(v.trim()))
            });
            if let Some((id, _)) = found {
                raw.insert(key.to_string(), id.clone());
            }
        }
    }
    raw
}
