//! Imports of the task force's spreadsheets: every row checked against the form it fills, then
//! all rows written (out of sight, in short transactions) and shown at once, or none.

use std::collections::HashSet;
use std::io::{self, IsTerminal};
use std::path::Path;

use jiff::Timestamp;
use rusqlite::Connection;

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
fn staff_id(conn: &Connection, agency_id: AgencyId, username: &str) -> Option<UserId> {
    users::find_by_username(conn, &fold_username(username))
        .ok()
        .flatten()
        .filter(|u| u.user.agency_id == agency_id && !u.user.disabled)
        .map(|u| u.user.id)
}

/// A client row, checked. `seen` holds the references of the rows before it, on the first
/// pass, which checks them (each new, in the file and the database); the second pass, which
/// writes, passes None.
fn client_row(
    conn: &Connection,
    u: &User,
    ctx: &Context,
    file_raw: Raw,
    seen: Option<&mut HashSet<String>>,
) -> std::result::Result<ImportedClient, Vec<FieldError>> {
    // An old case list rarely has every column: what it leaves out is "don't know".
    let mut raw = client::defaults();
    raw.extend(file_raw.into_iter().filter(|(_, v)| !v.trim().is_empty()));
    let mut errors = Vec::new();
    let assignee = cell(&raw, "assigned_to").to_string();
    if !assignee.is_empty() {
        match staff_id(conn, u.agency_id, &assignee) {
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
    if let (Some(r), Some(seen)) = (&external_ref, seen) {
        let taken = !seen.insert(r.clone())
            || store_clients::by_external_ref(conn, u.agency_id, r).ok().flatten().is_some();
        if taken {
            errors.push(FieldError::new("external_ref", Msg::ErrRefTaken));
        }
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
    conn: &Connection,
    u: &User,
    raw: Raw,
) -> std::result::Result<ImportedService, Vec<FieldError>> {
    let mut errors = Vec::new();
    let by_ref = Some(cell(&raw, "client_ref")).filter(|r| !r.is_empty());
    let by_number = Some(cell(&raw, "client")).filter(|r| !r.is_empty());
    let client_id = match (by_ref, by_number) {
        (Some(r), _) => store_clients::by_external_ref(conn, u.agency_id, r).ok().flatten(),
        (None, Some(n)) => ClientId::typed(n)
            .filter(|id| store_clients::get(conn, u.agency_id, *id).ok().flatten().is_some()),
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
        name => staff_id(conn, u.agency_id, name).or_else(|| {
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

/// A file's reader, past its header row, and the header's column names (trimmed, lower case).
/// Opens the file afresh each time it is read (its header, the check, the write).
type Opener<'a> = &'a dyn Fn() -> io::Result<Box<dyn io::Read>>;

/// A file being read: its rows, and its header's names.
type Opened = (csv::Reader<Box<dyn io::Read>>, Vec<String>);

fn open(file: &Path, source: Opener) -> Result<Opened> {
    let input = source().map_err(|e| read_err(file, e.into()))?;
    let input: Box<dyn io::Read> = Box::new(crate::service::files::RowCap::new(input));
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(input);
    let headers = reader
        .headers()
        .map_err(|e| read_err(file, e))?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    Ok((reader, headers))
}

fn read_err(file: &Path, e: csv::Error) -> Error {
    crate::service::files::csv_error(&file.display().to_string(), &e)
}

/// Read the file's rows one at a time, each as its header's names and its cells.
fn each_raw(
    file: &Path,
    source: Opener,
    f: &mut dyn FnMut(usize, u64, Raw) -> Result<()>,
) -> Result<()> {
    let (mut reader, headers) = open(file, source)?;
    let mut rec = csv::StringRecord::new();
    let mut i = 0;
    while reader.read_record(&mut rec).map_err(|e| read_err(file, e))? {
        let raw: Raw = headers.iter().cloned().zip(rec.iter().map(str::to_string)).collect();
        f(i, reader.position().byte(), raw)?;
        i += 1;
    }
    Ok(())
}

/// Read, check every row, and write all of them (shown at once) — or none. The file is
/// read twice, a row at a time, so its size does not matter: first to check every row (only
/// the problems are kept), then, when there are none, to write them.
pub(super) fn import(
    store: &mut Store,
    kind: &str,
    file: &Path,
    u: &User,
    lang: Lang,
) -> Result<usize> {
    let source = || -> io::Result<Box<dyn io::Read>> { Ok(Box::new(std::fs::File::open(file)?)) };
    import_from(store, kind, file, &source, u, lang)
}

/// `import`, reading the file named `file` through `source`.
fn import_from(
    store: &mut Store,
    kind: &str,
    file: &Path,
    source: Opener,
    u: &User,
    lang: Lang,
) -> Result<usize> {
    let (_, headers) = open(file, source)?;
    let allowed = columns_for(kind);
    let mut problems: Vec<String> = Vec::new();
    let mut problem_count = 0;
    for h in &headers {
        if !allowed.contains(&h.as_str()) {
            problem_count += 1;
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
    let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0) as usize;
    let mut progress = Progress::new(size * 2);
    // First pass: check every row; keep only what is wrong (the first 200 to show).
    let mut seen_refs = HashSet::new();
    let mut rows = 0;
    let conn = store.conn();
    each_raw(file, source, &mut |i, at, raw| {
        progress.at(at as usize);
        rows += 1;
        let result = match kind {
            "contact" => Contact::from_raw(&raw).map(drop),
            "tip" => Tip::from_raw(&csv_tip_raw(raw, &ctx.runtime), &ctx.runtime).map(drop),
            "client" => client_row(conn, u, &ctx, raw, Some(&mut seen_refs)).map(drop),
            _ => service_row(conn, u, raw).map(drop),
        };
        for e in result.err().unwrap_or_default() {
            problem_count += 1;
            if problems.len() < 200 {
                let args: Vec<&str> = e.args.iter().map(String::as_str).collect();
                let what = fill(e.msg.text(lang), &args);
                problems
                    .push(fill(Msg::ErrCsvCell.text(lang), &[&(i + 2).to_string(), e.key, &what]));
            }
        }
        Ok(())
    })?;
    drop(seen_refs);
    if problem_count > 0 {
        progress.done();
        return Err(Error::User(
            Msg::ErrCsvInvalid,
            vec![problem_count.to_string(), problems.join("\n")],
        ));
    }
    // Second pass: the same rows, written as they are read, a batch per short transaction out of
    // sight (service::staged). A row that no longer passes, or another number of rows (the file
    // changed in between), stops it, and what was written is taken out again.
    let who = Who { user: u, session_id: None };
    let now = Timestamp::now();
    let changed = || Error::user_with(Msg::ErrCsvChanged, &[&file.display().to_string()]);
    let again = |f: &mut dyn FnMut(Raw) -> Result<()>| -> Result<()> {
        let mut n = 0;
        each_raw(file, source, &mut |_, _, raw| {
            n += 1;
            if n > rows { Err(changed()) } else { f(raw) }
        })?;
        if n == rows { Ok(()) } else { Err(changed()) }
    };
    let mut written = |n: usize| progress.at(size + size * n / rows.max(1));
    let n = match kind {
        "contact" => hotline::import_contacts(
            store,
            who,
            &mut |_, put| again(&mut |raw| put(Contact::from_raw(&raw).map_err(|_| changed())?)),
            now,
            &mut written,
        )?,
        "tip" => hotline::import_tips(
            store,
            who,
            &mut |_, put| {
                again(&mut |raw| {
                    let raw = csv_tip_raw(raw, &ctx.runtime);
                    put(Tip::from_raw(&raw, &ctx.runtime).map_err(|_| changed())?)
                })
            },
            now,
            &mut written,
        )?,
        "client" => casework::import_clients(
            store,
            who,
            &mut |conn, put| {
                again(&mut |raw| put(client_row(conn, u, &ctx, raw, None).map_err(|_| changed())?))
            },
            now,
            &mut written,
        )?,
        _ => casework::import_services(
            store,
            who,
            &mut |conn, put| {
                again(&mut |raw| put(service_row(conn, u, raw).map_err(|_| changed())?))
            },
            now,
            &mut written,
        )?,
    };
    progress.at(size * 2);
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

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;
    use crate::auth::{Actor, accounts, pin};
    use crate::domain::staff::Role;
    use crate::store::DbPaths;

    const HEADER: &str = "channel,direction,started_at,caller_type,language,interpreter,area,trafficking_type,minor,follow_up\n";
    const GOOD: &str =
        "call,incoming,2024-03-02 09:15,possible_victim,english,no,unknown,unknown,unknown,no\n";
    const BAD: &str =
        "fax,incoming,2024-03-02 09:15,possible_victim,english,no,unknown,unknown,unknown,no\n";

    /// Import `opened[i]` as the text of the file's i-th opening (header, check, write).
    fn import_versions(store: &mut Store, u: &User, opened: [String; 3]) -> Result<usize> {
        let n = Cell::new(0);
        let source = || -> io::Result<Box<dyn io::Read>> {
            let text = opened[n.get()].clone();
            n.set(n.get() + 1);
            Ok(Box::new(io::Cursor::new(text.into_bytes())))
        };
        let done = import_from(store, "contact", Path::new("calls.csv"), &source, u, Lang::En);
        assert_eq!(n.get(), 3, "opened for its header, the check and the write");
        done
    }

    #[test]
    fn a_file_changed_between_the_check_and_the_write_imports_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&DbPaths::new(dir.path().join("t.db"), None), true).unwrap();
        let account = accounts::NewAccount {
            username: "ana",
            display_name: "Ana",
            role: Role::Admin,
            agency: "Enlace",
            pin: "470193",
            pin_again: "470193",
            temporary: false,
            lang: Lang::En,
        };
        let cheap = pin::HashCost { m_kib: 64, t: 1, p: 1 };
        accounts::add_user(&mut store, Actor::CLI, cheap, &account, Timestamp::now()).unwrap();
        let u = accounts::find_user(&store, "ana").unwrap();
        let checked = format!("{HEADER}{GOOD}{GOOD}");
        let count = |s: &Store| -> i64 {
            s.conn().query_row("SELECT count(*) FROM contacts", [], |r| r.get(0)).unwrap()
        };
        for (what, written) in [
            ("a row that no longer passes", format!("{HEADER}{GOOD}{BAD}")),
            ("a row more", format!("{HEADER}{GOOD}{GOOD}{GOOD}")),
            ("a row fewer", format!("{HEADER}{GOOD}")),
        ] {
            let done = import_versions(&mut store, &u, [checked.clone(), checked.clone(), written]);
            match done {
                Err(Error::User(Msg::ErrCsvChanged, args)) => assert_eq!(args, ["calls.csv"]),
                other => panic!("{what}: {other:?}"),
            }
            assert_eq!(count(&store), 0, "{what}: nothing is written");
        }
        let same = import_versions(&mut store, &u, [checked.clone(), checked.clone(), checked]);
        assert_eq!(same.unwrap(), 2);
        assert_eq!(count(&store), 2);
    }
}
