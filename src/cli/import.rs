//! Imports of the task force's spreadsheets: every row checked against the form it fills, then
//! all rows written in one transaction, or none.

use std::io::{self, IsTerminal};
use std::path::Path;

use jiff::Timestamp;

use crate::domain::client::{self, Client, ServiceEntry};
use crate::domain::contact::{self, Contact};
use crate::domain::fields::{FieldError, parse_date};
use crate::domain::ids::{AgencyId, ClientId, UserId};
use crate::domain::record::{Raw, RuntimeOptions};
use crate::domain::text::fold_username;
use crate::domain::tip::{self, Tip};
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg, fill};
use crate::service::casework::{self, ImportedClient, ImportedService};
use crate::service::hotline::{self, Who};
use crate::store::users::{self, User};
use crate::store::{Store, clients as store_clients};

/// A bar on standard error, only when it is a terminal.
pub(crate) struct Progress {
    total: usize,
    shown: usize,
    on: bool,
}

impl Progress {
    pub(crate) fn new(total: usize) -> Progress {
        Progress { total, shown: usize::MAX, on: io::stderr().is_terminal() && total > 0 }
    }

    pub(crate) fn at(&mut self, done: usize) {
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

    pub(crate) fn done(&self) {
        if self.on {
            eprintln!();
        }
    }
}

/// The rows of a file, checked, ready to write.
enum Rows {
    Contacts(Vec<Contact>),
    Tips(Vec<Tip>),
    Clients(Vec<ImportedClient>),
    Services(Vec<ImportedService>),
}

/// The columns a file of this kind may have: the form's fields, and for clients and services
/// the references that tie them together.
fn columns_for(kind: &str) -> Vec<&'static str> {
    match kind {
        "contact" => contact::FIELDS.iter().map(|f| f.key).collect(),
        "tip" => tip::FIELDS.iter().map(|f| f.key).collect(),
        "client" => {
            client::FIELDS.iter().map(|f| f.key).chain(["intake_on", "external_ref"]).collect()
        }
        _ => client::SERVICE_FIELDS
            .iter()
            .map(|f| f.key)
            .chain(["client_ref", "client", "staff"])
            .collect(),
    }
}

/// What checking a row needs to know from the database.
struct Context {
    runtime: RuntimeOptions,
    today: jiff::civil::Date,
}

fn cell<'a>(raw: &'a Raw, key: &str) -> &'a str {
    raw.get(key).map(|s| s.trim()).unwrap_or("")
}

/// A user name of the agency's staff, as the id the schema takes.
fn staff_id(store: &Store, agency_id: AgencyId, username: &str) -> Option<UserId> {
    users::find_by_username(store.conn(), &fold_username(username))
        .ok()
        .flatten()
        .filter(|u| u.user.agency_id == agency_id && !u.user.disabled)
        .map(|u| u.user.id)
}

fn client_row(
    store: &Store,
    u: &User,
    ctx: &Context,
    file_raw: Raw,
    seen: &mut Vec<String>,
) -> std::result::Result<ImportedClient, Vec<FieldError>> {
    // An old case list rarely has every column: what it leaves out is "don't know".
    let mut raw = client::defaults();
    raw.extend(file_raw.into_iter().filter(|(_, v)| !v.trim().is_empty()));
    let mut errors = Vec::new();
    let assignee = cell(&raw, "assigned_to").to_string();
    if !assignee.is_empty() {
        match staff_id(store, u.agency_id, &assignee) {
            Some(id) => {
                raw.insert("assigned_to".into(), id.to_string());
            }
            None => errors.push(FieldError::new("assigned_to", Msg::ErrNotAnOption)),
        }
    }
    let intake_on = match cell(&raw, "intake_on") {
        "" => Some(ctx.today),
        d => parse_date(d).or_else(|| {
            errors.push(FieldError::new("intake_on", Msg::ErrDateForm));
            None
        }),
    };
    let external_ref = Some(cell(&raw, "external_ref").to_string()).filter(|r| !r.is_empty());
    if let Some(r) = &external_ref {
        let taken = seen.contains(r)
            || store_clients::by_external_ref(store.conn(), u.agency_id, r)
                .ok()
                .flatten()
                .is_some();
        if taken {
            errors.push(FieldError::new("external_ref", Msg::ErrRefTaken));
        }
        seen.push(r.clone());
    }
    match Client::from_raw(&raw, &ctx.runtime, ctx.today) {
        Ok(c) if errors.is_empty() => Ok(ImportedClient {
            client: c,
            intake_on: intake_on.unwrap_or(ctx.today),
            external_ref,
        }),
        Ok(_) => Err(errors),
        Err(e) => Err(errors.into_iter().chain(e).collect()),
    }
}

fn service_row(
    store: &Store,
    u: &User,
    raw: Raw,
) -> std::result::Result<ImportedService, Vec<FieldError>> {
    let mut errors = Vec::new();
    let by_ref = Some(cell(&raw, "client_ref")).filter(|r| !r.is_empty());
    let by_number = Some(cell(&raw, "client")).filter(|r| !r.is_empty());
    let client_id = match (by_ref, by_number) {
        (Some(r), _) => store_clients::by_external_ref(store.conn(), u.agency_id, r).ok().flatten(),
        (None, Some(n)) => n.trim_start_matches('#').parse().ok().map(ClientId).filter(|id| {
            store_clients::get(store.conn(), u.agency_id, *id).ok().flatten().is_some()
        }),
        (None, None) => None,
    };
    if client_id.is_none() {
        errors.push(FieldError::new(
            if by_number.is_some() && by_ref.is_none() { "client" } else { "client_ref" },
            Msg::ErrNoSuchRecord,
        ));
    }
    let staff = match cell(&raw, "staff") {
        "" => Some(u.id),
        name => staff_id(store, u.agency_id, name).or_else(|| {
            errors.push(FieldError::new("staff", Msg::ErrNotAnOption));
            None
        }),
    };
    match ServiceEntry::from_raw(&raw) {
        Ok(service) if errors.is_empty() => Ok(ImportedService {
            client_id: client_id.unwrap_or_default(),
            staff_id: staff.unwrap_or(u.id),
            service,
        }),
        Ok(_) => Err(errors),
        Err(e) => Err(errors.into_iter().chain(e).collect()),
    }
}

/// Read, check every row, and write all of them in one transaction — or none.
pub(super) fn import(
    store: &mut Store,
    kind: &str,
    file: &Path,
    u: &User,
    lang: Lang,
) -> Result<usize> {
    let read_err = |e: csv::Error| {
        Error::user_with(Msg::ErrCsvRead, &[&file.display().to_string(), &e.to_string()])
    };
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_path(file).map_err(read_err)?;
    let allowed = columns_for(kind);
    let headers: Vec<String> =
        reader.headers().map_err(read_err)?.iter().map(|h| h.trim().to_ascii_lowercase()).collect();
    let mut problems: Vec<String> = Vec::new();
    for h in &headers {
        if !allowed.contains(&h.as_str()) {
            problems.push(fill(Msg::ErrCsvColumn.text(lang), &["1", h]));
        }
    }
    let runtime = match kind {
        "tip" => csv_tip_options(store, u)?,
        "client" => {
            let mut r = RuntimeOptions::new();
            r.insert("assigned_to", store_clients::staff_of(store.conn(), u.agency_id)?);
            r
        }
        _ => RuntimeOptions::new(),
    };
    let ctx = Context {
        runtime,
        today: Timestamp::now().to_zoned_datetime(crate::domain::time::denver()).date(),
    };
    let records: Vec<csv::StringRecord> =
        reader.records().collect::<std::result::Result<_, _>>().map_err(read_err)?;
    let mut progress = Progress::new(records.len() * 2);
    let mut rows = match kind {
        "contact" => Rows::Contacts(Vec::new()),
        "tip" => Rows::Tips(Vec::new()),
        "client" => Rows::Clients(Vec::new()),
        _ => Rows::Services(Vec::new()),
    };
    let mut seen_refs = Vec::new();
    for (i, rec) in records.iter().enumerate() {
        progress.at(i);
        let raw: Raw = headers.iter().cloned().zip(rec.iter().map(str::to_string)).collect();
        let row = (i + 2).to_string();
        let result = match &mut rows {
            Rows::Contacts(v) => Contact::from_raw(&raw).map(|c| v.push(c)),
            Rows::Tips(v) => {
                Tip::from_raw(&csv_tip_raw(raw, &ctx.runtime), &ctx.runtime).map(|t| v.push(t))
            }
            Rows::Clients(v) => client_row(store, u, &ctx, raw, &mut seen_refs).map(|c| v.push(c)),
            Rows::Services(v) => service_row(store, u, raw).map(|s| v.push(s)),
        };
        for e in result.err().unwrap_or_default() {
            let args: Vec<&str> = e.args.iter().map(String::as_str).collect();
            let what = fill(e.msg.text(lang), &args);
            problems.push(fill(Msg::ErrCsvCell.text(lang), &[&row, e.key, &what]));
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
    let n = match &rows {
        Rows::Contacts(v) => hotline::import_contacts(store, who, v, now, &mut written)?,
        Rows::Tips(v) => hotline::import_tips(store, who, v, now, &mut written)?,
        Rows::Clients(v) => casework::import_clients(store, who, v, now, &mut written)?,
        Rows::Services(v) => casework::import_services(store, who, v, now, &mut written)?,
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
        if let Ok(Some(user)) = users::get(store.conn(), UserId(id.parse().unwrap_or(0))) {
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
