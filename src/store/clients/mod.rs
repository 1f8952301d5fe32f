//! Clients and their case records: intake, status history, links, services, versioned case
//! notes and the timeline. Everything is per agency.

use crate::store::Cached;
use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::client::{Client, StatusChange, initials_key, name_key};
use crate::domain::ids::{AgencyId, ClientId, ContactId, UserId};
use crate::domain::time;
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::store::{json_list as json, list_from_json as list_of};
mod case;
pub mod export;
mod list;

pub use case::{
    Event, NoteVersion, ServiceView, add_note, add_relief, add_service, edit_note, note_versions,
    service, timeline,
};
pub use list::{Filter, Row, duplicates, list};

/// Where a new record comes from: its day of intake, and for one from a file, the file's own
/// reference for it and the import (see `store::imports`).
#[derive(Clone, Copy, Debug)]
pub struct Intake<'a> {
    pub on: Date,
    pub external_ref: Option<&'a str>,
    pub import: Option<i64>,
}

impl Intake<'_> {
    /// A record typed in, taken in on `on`.
    pub fn typed(on: Date) -> Self {
        Intake { on, external_ref: None, import: None }
    }
}

pub fn insert(
    tx: &Transaction,
    agency_id: AgencyId,
    user_id: UserId,
    c: &Client,
    intake: Intake,
    now: Timestamp,
) -> Result<ClientId> {
    let at = time::to_db(now);
    let Intake { on: intake_on, external_ref, import } = intake;
    crate::store::exec(tx,
        "INSERT INTO clients (agency_id, created_by, assigned_to, external_ref, chosen_name, name_key,
             initials_key, birth_date, age, age_range, legal_name, phone, address, gender, race,
             citizenship, disability, language, interpreter, area, trafficking_type, referral_source,
             danger, safety, needs, status, intake_on, last_activity, created_at, updated_at,
             victimizations, classifications, family_served, import_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
                 ?20, ?21, ?22, ?23, ?24, ?25, 'open', ?26, ?27, ?27, ?27, ?28, ?29, ?30, ?31)",
        params![
            agency_id, user_id, c.assigned_to, external_ref, c.chosen_name, name_key(&c.chosen_name),
            initials_key(&c.chosen_name), c.birth_date.map(|d| d.to_string()), c.age, c.age_range,
            c.legal_name, c.phone, c.address, c.gender, json(&c.race), c.citizenship, c.disability,
            c.language, c.interpreter, c.area, c.trafficking_type, c.referral_source, c.danger,
            json(&c.safety), json(&c.needs), intake_on.to_string(), at,
            c.victimizations.as_deref().map(json), c.classifications.as_deref().map(json),
            c.family_served, import
        ],
    )?;
    let id = ClientId(tx.last_insert_rowid());
    crate::store::exec(
        tx,
        "INSERT INTO client_status (client_id, status, on_date, changed_by, changed_at)
         VALUES (?1, 'open', ?2, ?3, ?4)",
        params![id, intake_on.to_string(), user_id, at],
    )?;
    Ok(id)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    pub id: ClientId,
    pub client: Client,
    pub status: String,
    pub intake_on: Date,
    pub edits: i64,
    /// Other records linked to this one as possibly the same person.
    pub links: Vec<ClientId>,
    pub assigned_name: Option<String>,
    /// Why its identifying text was purged (store::retention): None while it is whole.
    pub purge_reason: Option<String>,
    /// Its releases of information, newest signed first.
    pub releases: Vec<crate::store::releases::ReleaseLine>,
}

pub fn get(conn: &Connection, agency_id: AgencyId, id: ClientId) -> Result<Option<Stored>> {
    let found = conn
        .query_row(
            "SELECT c.id, chosen_name, birth_date, age, age_range, legal_name, phone, address, gender,
                    race, citizenship, disability, language, interpreter, area, trafficking_type,
                    referral_source, danger, safety, needs, assigned_to, status, intake_on,
                    (SELECT count(*) FROM client_history h WHERE h.client_id = c.id), u.display_name,
                    c.purge_reason, c.victimizations, c.classifications, c.family_served
             FROM clients_shown c LEFT JOIN users u ON u.id = c.assigned_to
             WHERE c.id = ?1 AND c.agency_id = ?2",
            params![id, agency_id],
            |r| {
                Ok(Stored {
                    id: r.get(0)?,
                    client: Client {
                        chosen_name: r.get(1)?,
                        birth_date: r.get::<_, Option<String>>(2)?.and_then(|d| d.parse().ok()),
                        age: r.get(3)?,
                        age_range: r.get(4)?,
                        legal_name: r.get(5)?,
                        phone: r.get(6)?,
                        address: r.get(7)?,
                        gender: r.get(8)?,
                        race: list_of(&r.get::<_, String>(9)?),
                        citizenship: r.get(10)?,
                        disability: r.get(11)?,
                        language: r.get(12)?,
                        interpreter: r.get(13)?,
                        area: r.get(14)?,
                        trafficking_type: r.get(15)?,
                        referral_source: r.get(16)?,
                        family_served: r.get(28)?,
                        danger: r.get(17)?,
                        safety: list_of(&r.get::<_, String>(18)?),
                        needs: list_of(&r.get::<_, String>(19)?),
                        victimizations: r.get::<_, Option<String>>(26)?.map(|t| list_of(&t)),
                        classifications: r.get::<_, Option<String>>(27)?.map(|t| list_of(&t)),
                        assigned_to: r.get(20)?,
                    },
                    status: r.get(21)?,
                    intake_on: r.get::<_, String>(22)?.parse().unwrap_or_default(),
                    edits: r.get(23)?,
                    links: Vec::new(),
                    assigned_name: r.get(24)?,
                    purge_reason: r.get(25)?,
                    releases: Vec::new(),
                })
            },
        )
        .optional()?;
    let Some(mut s) = found else { return Ok(None) };
    let mut stmt = conn.prepare_cached(
        "SELECT CASE WHEN a = ?1 THEN b ELSE a END FROM client_links WHERE a = ?1 OR b = ?1 ORDER BY 1",
    )?;
    s.links = stmt.query_map(params![id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    s.releases = crate::store::releases::of(conn, crate::store::referrals::Subject::Client(id))?;
    Ok(Some(s))
}

/// Save an edit of the intake; the previous values go to the history. `keep_identity`: the
/// user's role does not see the legal name, phone and address, so the stored ones stay.
pub fn update(
    tx: &Transaction,
    agency_id: AgencyId,
    id: ClientId,
    user_id: UserId,
    c: &Client,
    keep_identity: bool,
    now: Timestamp,
) -> Result<()> {
    let before = get(tx, agency_id, id)?.ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
    not_purged(tx, id)?;
    let mut c = c.clone();
    if keep_identity {
        c.legal_name = before.client.legal_name.clone();
        c.phone = before.client.phone.clone();
        c.address = before.client.address.clone();
    }
    let previous = serde_json::to_string(&before.client.to_raw()).unwrap_or_else(|_| "{}".into());
    let at = time::to_db(now);
    crate::store::exec(
        tx,
        "INSERT INTO client_history (client_id, changed_by, changed_at, previous) VALUES (?1, ?2, ?3, ?4)",
        params![id, user_id, at, previous],
    )?;
    crate::store::exec(
        tx,
        "UPDATE clients SET assigned_to = ?1, chosen_name = ?2, name_key = ?3, initials_key = ?4,
             birth_date = ?5, age = ?6, age_range = ?7, legal_name = ?8, phone = ?9, address = ?10,
             gender = ?11, race = ?12, citizenship = ?13, disability = ?14, language = ?15,
             interpreter = ?16, area = ?17, trafficking_type = ?18, referral_source = ?19,
             danger = ?20, safety = ?21, needs = ?22, updated_at = ?23, last_activity = ?23,
             victimizations = ?26, classifications = ?27, family_served = ?28
         WHERE id = ?24 AND agency_id = ?25",
        params![
            c.assigned_to,
            c.chosen_name,
            name_key(&c.chosen_name),
            initials_key(&c.chosen_name),
            c.birth_date.map(|d| d.to_string()),
            c.age,
            c.age_range,
            c.legal_name,
            c.phone,
            c.address,
            c.gender,
            json(&c.race),
            c.citizenship,
            c.disability,
            c.language,
            c.interpreter,
            c.area,
            c.trafficking_type,
            c.referral_source,
            c.danger,
            json(&c.safety),
            json(&c.needs),
            at,
            id,
            agency_id,
            c.victimizations.as_deref().map(json),
            c.classifications.as_deref().map(json),
            c.family_served
        ],
    )?;
    Ok(())
}

fn owned(tx: &Connection, agency_id: AgencyId, id: ClientId) -> Result<()> {
    let ok: bool = tx.one(
        "SELECT EXISTS (SELECT 1 FROM clients_shown WHERE id = ?1 AND agency_id = ?2)",
        params![id, agency_id],
        |r| r.get(0),
    )?;
    if ok { Ok(()) } else { Err(Error::user(Msg::ErrNoSuchRecord)) }
}

/// Refuse to write new text into a record whose text a purge or an erasure removed: a person
/// who comes back gets a new record.
fn not_purged(tx: &Connection, id: ClientId) -> Result<()> {
    let purged: bool = tx.one(
        "SELECT purged_at IS NOT NULL FROM clients_shown WHERE id = ?1",
        params![id],
        |r| r.get(0),
    )?;
    if purged {
        return Err(Error::user_with(Msg::ErrClientPurgedNoEdit, &[&id.0.to_string()]));
    }
    Ok(())
}

/// The record is the agency's and still whole: it may take new text.
pub(crate) fn writable(tx: &Connection, agency_id: AgencyId, id: ClientId) -> Result<()> {
    owned(tx, agency_id, id)?;
    not_purged(tx, id)
}

pub fn touch(tx: &Transaction, id: ClientId, now: Timestamp) -> Result<()> {
    crate::store::exec(
        tx,
        "UPDATE clients SET last_activity = ?1 WHERE id = ?2",
        params![time::to_db(now), id],
    )?;
    Ok(())
}

/// The clients an import's services are for have had activity now: in the import's last step.
pub fn touch_imported(tx: &Transaction, import: i64, now: Timestamp) -> Result<()> {
    crate::store::exec(
        tx,
        "UPDATE clients SET last_activity = ?1
         WHERE id IN (SELECT client_id FROM services WHERE import_id = ?2)",
        params![time::to_db(now), import],
    )?;
    Ok(())
}

/// Open, put on hold, close (with a reason) or reopen; every change is kept.
pub fn set_status(
    tx: &Transaction,
    agency_id: AgencyId,
    id: ClientId,
    user_id: UserId,
    change: &StatusChange,
    now: Timestamp,
) -> Result<()> {
    let (status, reason, on) = (change.status.as_str(), change.reason.as_deref(), change.on);
    owned(tx, agency_id, id)?;
    crate::store::exec(tx, "UPDATE clients SET status = ?1 WHERE id = ?2", params![status, id])?;
    crate::store::exec(
        tx,
        "INSERT INTO client_status (client_id, status, reason, on_date, changed_by, changed_at,
             closure_reason, living_situation)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            id,
            status,
            reason,
            on.to_string(),
            user_id,
            time::to_db(now),
            change.closure_reason,
            change.living_situation
        ],
    )?;
    touch(tx, id, now)
}

pub fn link(
    tx: &Transaction,
    agency_id: AgencyId,
    x: ClientId,
    y: ClientId,
    user_id: UserId,
    now: Timestamp,
) -> Result<()> {
    owned(tx, agency_id, x)?;
    owned(tx, agency_id, y)?;
    if x == y {
        return Ok(());
    }
    crate::store::exec(
        tx,
        "INSERT OR IGNORE INTO client_links (a, b, linked_by, linked_at) VALUES (?1, ?2, ?3, ?4)",
        params![x.min(y), x.max(y), user_id, time::to_db(now)],
    )?;
    Ok(())
}

/// Link a hotline contact of the agency to one of its clients.
pub fn link_contact(
    tx: &Transaction,
    agency_id: AgencyId,
    contact_id: ContactId,
    client_id: ClientId,
    now: Timestamp,
) -> Result<()> {
    owned(tx, agency_id, client_id)?;
    let n = crate::store::exec(
        tx,
        "UPDATE contacts SET client_id = ?1
         WHERE id = ?2 AND agency_id = ?3 AND id IN (SELECT id FROM contacts_shown)",
        params![client_id, contact_id, agency_id],
    )?;
    if n == 0 {
        return Err(Error::user(Msg::ErrNoSuchRecord));
    }
    touch(tx, client_id, now)
}

/// The client created from an external reference (imports of services point at clients so).
pub fn by_external_ref(
    conn: &Connection,
    agency_id: AgencyId,
    external_ref: &str,
) -> Result<Option<ClientId>> {
    Ok(conn
        .query_row(
            "SELECT id FROM clients_shown WHERE agency_id = ?1 AND external_ref = ?2",
            params![agency_id, external_ref],
            |r| r.get(0),
        )
        .optional()?)
}

/// Staff of an agency a client may be assigned to.
pub fn staff_of(conn: &Connection, agency_id: AgencyId) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, display_name FROM users WHERE agency_id = ?1 AND disabled = 0
         ORDER BY display_name LIMIT 500",
    )?;
    let rows = stmt
        .query_map(params![agency_id], |r| Ok((r.get::<_, i64>(0)?.to_string(), r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// A record that belongs to a client, for finding that client.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OfClient {
    Service,
    Payment,
}

/// The client a service or a payment of the agency belongs to (None: no such record here).
pub fn client_of(
    conn: &Connection,
    agency_id: AgencyId,
    of: OfClient,
    id: i64,
) -> Result<Option<ClientId>> {
    let sql = match of {
        OfClient::Service => {
            "SELECT s.client_id FROM services_shown s JOIN clients_shown c ON c.id = s.client_id
             WHERE s.id = ?1 AND c.agency_id = ?2"
        }
        OfClient::Payment => {
            "SELECT p.client_id FROM payments_shown p JOIN clients_shown c ON c.id = p.client_id
             WHERE p.id = ?1 AND c.agency_id = ?2"
        }
    };
    Ok(conn.query_row(sql, params![id, agency_id], |r| r.get(0)).optional()?)
}
