//! Casework: clients, their status, services and notes, links to contacts and other records.
//! Each change is one transaction with its audit row; each opening of a record is audited.

use jiff::Timestamp;
use jiff::civil::Date;

use crate::domain::client::{Client, ServiceEntry, StatusChange, sees_identity};
use crate::error::{Error, Result};
use crate::hotline::Who;
use crate::i18n::Msg;
use crate::store::audit::{self, Event};
use crate::store::{Store, clients, drafts};

fn audit_in(
    tx: &rusqlite::Transaction,
    source: &str,
    who: Who,
    event: &str,
    id: i64,
) -> Result<()> {
    audit::append(
        tx,
        source,
        &Event::new(event, "ok").by(Some(who.user.id), who.session_id).record(id),
    )?;
    Ok(())
}

/// What else to do when a new client is saved.
#[derive(Clone, Copy, Debug, Default)]
pub struct Also {
    /// Link the new record to this one (a likely duplicate kept apart).
    pub link_to: Option<i64>,
    /// The hotline contact this client was made from.
    pub from_contact: Option<i64>,
}

pub fn save_client(
    store: &mut Store,
    who: Who,
    id: Option<i64>,
    c: &Client,
    intake_on: Date,
    also: Also,
    now: Timestamp,
) -> Result<i64> {
    let source = store.source().to_string();
    let u = who.user;
    let keep_identity = !sees_identity(u.role);
    let mut c = c.clone();
    if keep_identity && id.is_none() {
        c.legal_name = None;
        c.phone = None;
        c.address = None;
    }
    store.write(|tx| {
        let saved = match id {
            None => clients::insert(tx, u.agency_id, u.id, &c, intake_on, None, now)?,
            Some(id) => {
                clients::update(tx, u.agency_id, id, u.id, &c, keep_identity, now)?;
                id
            }
        };
        if let Some(other) = also.link_to {
            clients::link(tx, u.agency_id, saved, other, u.id, now)?;
            audit_in(tx, &source, who, "client_link", saved)?;
        }
        if let Some(contact) = also.from_contact {
            clients::link_contact(tx, u.agency_id, contact, saved, now)?;
            audit_in(tx, &source, who, "contact_link", contact)?;
        }
        drafts::delete(tx, u.id, "client", id)?;
        audit_in(tx, &source, who, if id.is_none() { "client_add" } else { "client_edit" }, saved)
            .map(|_| saved)
    })
}

/// Open a client's record: only within the owning agency, and always audited.
pub fn open_client(store: &mut Store, who: Who, id: i64) -> Result<clients::Stored> {
    let found = clients::get(store.conn(), who.user.agency_id, id)?;
    let source = store.source().to_string();
    let outcome = if found.is_some() { "ok" } else { "denied" };
    store.write(|tx| {
        audit::append(
            tx,
            &source,
            &Event::new("client_view", outcome).by(Some(who.user.id), who.session_id).record(id),
        )
    })?;
    let mut s = found.ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
    if !sees_identity(who.user.role) {
        s.client.legal_name = None;
        s.client.phone = None;
        s.client.address = None;
    }
    Ok(s)
}

pub fn set_status(
    store: &mut Store,
    who: Who,
    id: i64,
    s: &StatusChange,
    now: Timestamp,
) -> Result<()> {
    let source = store.source().to_string();
    let u = who.user;
    store.write(|tx| {
        clients::set_status(tx, u.agency_id, id, u.id, s, now)?;
        audit_in(tx, &source, who, "client_status", id)
    })
}

pub fn add_service(
    store: &mut Store,
    who: Who,
    client_id: i64,
    s: &ServiceEntry,
    now: Timestamp,
) -> Result<i64> {
    let source = store.source().to_string();
    let u = who.user;
    store.write(|tx| {
        let id = clients::add_service(tx, u.agency_id, client_id, u.id, s, now)?;
        drafts::delete(tx, u.id, "service", Some(client_id))?;
        audit_in(tx, &source, who, "service_add", id).map(|_| id)
    })
}

pub fn add_note(
    store: &mut Store,
    who: Who,
    client_id: i64,
    body: &str,
    now: Timestamp,
) -> Result<i64> {
    let source = store.source().to_string();
    let u = who.user;
    store.write(|tx| {
        let id = clients::add_note(tx, u.agency_id, client_id, u.id, body, now)?;
        drafts::delete(tx, u.id, "note", Some(client_id))?;
        audit_in(tx, &source, who, "note_add", id).map(|_| id)
    })
}

pub fn edit_note(
    store: &mut Store,
    who: Who,
    client_id: i64,
    note_id: i64,
    body: &str,
    now: Timestamp,
) -> Result<i64> {
    let source = store.source().to_string();
    let u = who.user;
    store.write(|tx| {
        let v = clients::edit_note(tx, u.agency_id, note_id, u.id, body, now)?;
        drafts::delete(tx, u.id, "note", Some(client_id))?;
        audit_in(tx, &source, who, "note_edit", note_id).map(|_| v)
    })
}

pub fn link_contact(
    store: &mut Store,
    who: Who,
    contact_id: i64,
    client_id: i64,
    now: Timestamp,
) -> Result<()> {
    let source = store.source().to_string();
    let u = who.user;
    store.write(|tx| {
        clients::link_contact(tx, u.agency_id, contact_id, client_id, now)?;
        audit_in(tx, &source, who, "contact_link", contact_id)
    })
}

/// A client from a file, with the date of intake and the file's own reference for it.
pub struct ImportedClient {
    pub client: Client,
    pub intake_on: Date,
    pub external_ref: Option<String>,
}

pub fn import_clients(
    store: &mut Store,
    who: Who,
    rows: &[ImportedClient],
    now: Timestamp,
    progress: &mut dyn FnMut(usize),
) -> Result<usize> {
    let source = store.source().to_string();
    let u = who.user;
    store.write(|tx| {
        for (i, r) in rows.iter().enumerate() {
            clients::insert(
                tx,
                u.agency_id,
                u.id,
                &r.client,
                r.intake_on,
                r.external_ref.as_deref(),
                now,
            )?;
            progress(i + 1);
        }
        audit_in(tx, &source, who, "client_import", rows.len() as i64).map(|_| rows.len())
    })
}

/// A service from a file: the client's id, who delivered it, and the service.
pub struct ImportedService {
    pub client_id: i64,
    pub staff_id: i64,
    pub service: ServiceEntry,
}

pub fn import_services(
    store: &mut Store,
    who: Who,
    rows: &[ImportedService],
    now: Timestamp,
    progress: &mut dyn FnMut(usize),
) -> Result<usize> {
    let source = store.source().to_string();
    let u = who.user;
    store.write(|tx| {
        for (i, r) in rows.iter().enumerate() {
            clients::add_service(tx, u.agency_id, r.client_id, r.staff_id, &r.service, now)?;
            progress(i + 1);
        }
        audit_in(tx, &source, who, "service_import", rows.len() as i64).map(|_| rows.len())
    })
}
