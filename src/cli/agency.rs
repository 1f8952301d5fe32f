//! `intake agency …`: the task force's member agencies, set up by script. Every change is an
//! administrator's, audited like the console's; a name that matches none is refused with the
//! close ones, so a typo never makes a second agency.

use std::io::{self, Write};

use jiff::Timestamp;

use crate::auth::Actor;
use crate::auth::accounts;
use crate::domain::ids::AgencyId;
use crate::domain::staff::AgencyKind;
use crate::domain::text::close_names;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg, fill};
use crate::store::{Store, users};

use super::{AgencyCommand, Format};

/// Every agency, a page at a time (a task force has dozens, not thousands).
fn all(store: &Store) -> Result<Vec<users::Agency>> {
    let mut out = Vec::new();
    loop {
        let page = users::agencies(store.conn(), out.len() as i64, 200)?;
        if page.is_empty() {
            return Ok(out);
        }
        out.extend(page);
    }
}

/// The agency named `name` exactly, or an error naming the close ones (and, for `user add`,
/// how to make a new one).
pub(crate) fn named(store: &Store, name: &str, adding_user: bool) -> Result<AgencyId> {
    if let Some(id) = users::agency_by_name(store.conn(), name.trim())? {
        return Ok(id);
    }
    let names: Vec<String> = all(store)?.into_iter().map(|a| a.name).collect();
    let close = close_names(name, &names, 5);
    // What was typed, cleaned of control characters and capped, as it is quoted back.
    let quoted: String = crate::domain::text::clean_line(name).chars().take(80).collect();
    let (none, some) = if adding_user {
        (Msg::ErrNoSuchAgency, Msg::ErrNoSuchAgencyClose)
    } else {
        (Msg::ErrAgencyUnknown, Msg::ErrAgencyUnknownClose)
    };
    if close.is_empty() {
        Err(Error::user_with(none, &[&quoted]))
    } else {
        Err(Error::user_with(some, &[&quoted, &close.join(", ")]))
    }
}

fn kind_of(text: &str) -> Result<AgencyKind> {
    AgencyKind::parse(text.trim()).ok_or_else(|| {
        let ids: Vec<&str> = AgencyKind::ALL.iter().map(|k| k.id()).collect();
        Error::user_with(Msg::ErrUnknownAgencyKind, &[text.trim(), &ids.join(", ")])
    })
}

pub fn agency_command(store: &mut Store, command: &AgencyCommand, lang: Lang) -> Result<()> {
    let actor = Actor::CLI;
    match command {
        AgencyCommand::Add { name, kind } => {
            let kind = kind_of(kind)?;
            accounts::add_agency(store, actor, name, kind, lang, Timestamp::now())?;
            put!("{}", fill(Msg::CliAgencyAdded.text(lang), &[name.trim()]));
        }
        AgencyCommand::List { format } => {
            accounts::session_event(store, actor, "agency_list")?;
            let mut out = io::stdout().lock();
            let agencies = all(store)?;
            match format {
                Format::Table => {
                    let (n, k, u) = (Msg::FieldAgency, Msg::FieldKind, Msg::FieldStaffCount);
                    writeln!(out, "{:<40} {:<22} {}", n.text(lang), k.text(lang), u.text(lang))?;
                    for a in &agencies {
                        let kind = a.kind.label().text(lang);
                        writeln!(out, "{:<40} {:<22} {}", a.name, kind, a.users)?;
                    }
                }
                Format::Json => {
                    let rows: Vec<serde_json::Value> = agencies
                        .iter()
                        .map(|a| {
                            serde_json::json!({ "name": a.name, "kind": a.kind.id(), "staff": a.users })
                        })
                        .collect();
                    writeln!(out, "{}", serde_json::Value::Array(rows))?;
                }
            }
        }
        AgencyCommand::Rename { name, new_name } => {
            let id = named(store, name, false)?;
            accounts::rename_agency(store, actor, id, new_name, lang)?;
            put!("{}", fill(Msg::CliAgencyRenamed.text(lang), &[name.trim(), new_name.trim()]));
        }
        AgencyCommand::SetKind { name, kind } => {
            let id = named(store, name, false)?;
            let kind = kind_of(kind)?;
            accounts::set_agency_kind(store, actor, id, kind)?;
            let label = kind.label().text(lang);
            put!("{}", fill(Msg::CliAgencyKindSet.text(lang), &[name.trim(), label]));
        }
    }
    Ok(())
}
