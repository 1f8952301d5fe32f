//! The resource directory: organisations, their services and locations, and search over them.
//! Search is FTS5 with accents folded; what a user types is turned into quoted prefix terms, so
//! no character they type can be read as query syntax.

use crate::domain::ids::ServiceId;
use crate::store::Cached;
use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::directory::Span;
use crate::domain::time;
use crate::error::Result;

mod form;
mod parts;
mod search;
mod seed;
mod staged;

pub use parts::{
    PHONE_KINDS, Phone, Rule, Term, locations, organization_phones, set_organization_phones,
};

pub use form::{SERVICE_FIELDS, ServiceInput, service_from_raw, service_to_raw};
pub use search::{Detail, Filter, Hit, categories, detail, fts_query, populations, search};
pub use seed::{SEED, seed_if_empty};
pub use staged::{
    ChangedPlaces, PARTS, Staged, add_staged, apply_places, fold_some, folds_left, staging,
    unchanged,
};

pub fn add_organization(
    tx: &Transaction,
    name: &str,
    description: &str,
    web: Option<&str>,
    confirmed: bool,
    last_verified: Option<Date>,
    now: Timestamp,
) -> Result<i64> {
    let at = time::to_db(now);
    crate::store::exec(tx,
        "INSERT INTO dir_organizations (name, description, web, status, last_verified, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![name, description, web, if confirmed { "confirmed" } else { "unverified" },
                last_verified.map(|d| d.to_string()), at],
    )?;
    Ok(tx.last_insert_rowid())
}

/// A place a service is offered at (HSDS location with its address). Places are shared: one
/// with the same exchange identifier is one place, whichever service names it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub name: Option<String>,
    pub city: Option<String>,
    pub zip: Option<String>,
    pub address: Option<String>,
    /// The place allows its street address to be shown (shelters are confidential by default).
    pub show_address: bool,
    /// Its identifier in an Open Referral (HSDS) exchange.
    pub hsds_id: Option<String>,
    /// The state, when not New Mexico ("TX"), and the country, when not the United States.
    pub state: Option<String>,
    pub country: Option<String>,
    pub phones: Vec<Phone>,
    pub rules: Vec<Rule>,
    /// The exchange identifier of the service's link to this place (HSDS service_at_location).
    pub link_id: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewService {
    pub organization_id: i64,
    pub name: String,
    pub description: String,
    pub phone: Option<String>,
    pub text_number: Option<String>,
    pub hours: Option<String>,
    pub open_24_7: bool,
    pub statewide: bool,
    pub eligibility: Option<String>,
    pub intake_steps: Option<String>,
    pub last_verified: Option<Date>,
    pub categories: Vec<String>,
    pub populations: Vec<String>,
    pub languages: Vec<String>,
    /// Counties and tribal nations served (ignored when statewide).
    pub areas: Vec<String>,
    pub locations: Vec<Location>,
    /// Opening hours (America/Denver), for "open now".
    pub schedule: Vec<Span>,
    /// HSDS status "temporarily closed".
    pub temporarily_closed: bool,
    /// Every phone of the service, of every type (`phone` and `text_number` are the numbers
    /// the console offers to call and to text).
    pub phones: Vec<Phone>,
    /// Schedules that are not plain weekly hours.
    pub rules: Vec<Rule>,
    /// Service areas as the files word them.
    pub area_names: Vec<String>,
    /// Other directories' taxonomy terms.
    pub terms: Vec<Term>,
}

/// Add a service with its tags, locations and search entry, in the caller's transaction.
pub fn add_service(tx: &Transaction, s: &NewService, now: Timestamp) -> Result<ServiceId> {
    let at = time::to_db(now);
    crate::store::exec(tx,
        "INSERT INTO dir_services (organization_id, name, description, phone, text_number, hours, open_24_7,
             statewide, eligibility, intake_steps, last_verified, created_at, updated_at, temporarily_closed)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?13)",
        params![s.organization_id, s.name, s.description, s.phone, s.text_number, s.hours, s.open_24_7, s.statewide,
                s.eligibility, s.intake_steps, s.last_verified.map(|d| d.to_string()), at, s.temporarily_closed],
    )?;
    let id = ServiceId(tx.last_insert_rowid());
    put_parts(tx, id, s, &mut parts::Places::Write)?;
    index(tx, id, s, None)?;
    Ok(id)
}

/// A service's tags, locations and opening hours (after its row is written).
fn put_parts(
    tx: &Transaction,
    id: ServiceId,
    s: &NewService,
    how: &mut parts::Places,
) -> Result<()> {
    let mut tag = tx.prepare_cached(
        "INSERT OR IGNORE INTO dir_service_tags (service_id, kind, value) VALUES (?1, ?2, ?3)",
    )?;
    for (kind, values) in [
        ("category", &s.categories),
        ("population", &s.populations),
        ("language", &s.languages),
        ("area", &s.areas),
    ] {
        for v in values {
            tag.execute(params![id, kind, v])?;
        }
    }
    parts::put(tx, id, s, how)?;
    let mut hours = tx.prepare_cached(
        "INSERT OR IGNORE INTO dir_schedules (service_id, weekday, opens, closes) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for h in &s.schedule {
        hours.execute(params![id, h.weekday, h.opens, h.closes])?;
    }
    Ok(())
}

/// A service's entry in the search index: its name, its organization (name and description,
/// which often says where it works: "the Las Cruces headquarters"), its description, its
/// categories, populations and languages named in both languages, and the places it serves.
/// The organisation's text is read from its row unless given (an import's, as its file has it).
fn index(
    tx: &Transaction,
    id: ServiceId,
    s: &NewService,
    organization: Option<&str>,
) -> Result<()> {
    let organization: String = match organization {
        Some(text) => text.to_string(),
        None => tx.one(
            "SELECT name || ' ' || description FROM dir_organizations WHERE id = ?1",
            params![s.organization_id],
            |r| r.get(0),
        )?,
    };
    // The places: each city and place name, and the service areas as worded.
    let cities: Vec<String> = s
        .locations
        .iter()
        .flat_map(|l| [l.city.clone(), l.name.clone()])
        .flatten()
        .chain(s.area_names.iter().cloned())
        .collect();
    let (labels, places) = crate::domain::directory::search_terms(
        &s.categories,
        &s.populations,
        &s.languages,
        &s.areas,
        s.statewide,
        &cities,
    );
    let filters = crate::domain::directory::filter_terms(
        &[
            ("category", &s.categories),
            ("population", &s.populations),
            ("language", &s.languages),
            ("area", &s.areas),
        ],
        s.statewide,
        s.open_24_7,
        &s.schedule,
    );
    crate::store::exec(tx,
        "INSERT INTO dir_search (rowid, name, organization, description, categories, places, filters)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![id, s.name, organization, s.description, labels, places, filters],
    )?;
    Ok(())
}

/// The search index made again for every service in use (after the index changed shape).
pub fn reindex(tx: &Transaction) -> Result<()> {
    crate::store::exec(tx, "DELETE FROM dir_search", [])?;
    let ids: Vec<ServiceId> = tx
        .prepare("SELECT id FROM dir_services WHERE retired_at IS NULL")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in ids {
        if let Some(s) = stored_service(tx, id, false)? {
            index(tx, id, &s, None)?;
        }
    }
    Ok(())
}

/// Change a service: its row, and its tags, locations, hours and search entry replaced. The
/// organisation keeps the service's id, so referrals made to it still point at it.
pub fn update_service(
    tx: &Transaction,
    id: ServiceId,
    s: &NewService,
    now: Timestamp,
) -> Result<()> {
    let n = crate::store::exec(tx,
        "UPDATE dir_services SET organization_id = ?1, name = ?2, description = ?3, phone = ?4, text_number = ?5,
             hours = ?6, open_24_7 = ?7, statewide = ?8, eligibility = ?9, intake_steps = ?10,
             last_verified = ?11, updated_at = ?12, temporarily_closed = ?14
         WHERE id = ?13 AND retired_at IS NULL",
        params![s.organization_id, s.name, s.description, s.phone, s.text_number, s.hours, s.open_24_7,
                s.statewide, s.eligibility, s.intake_steps, s.last_verified.map(|d| d.to_string()),
                time::to_db(now), id, s.temporarily_closed],
    )?;
    if n == 0 {
        return Err(crate::Error::user(crate::i18n::Msg::ErrNoSuchRecord));
    }
    for table in ["dir_service_tags", "dir_schedules"] {
        crate::store::exec(tx, &format!("DELETE FROM {table} WHERE service_id = ?1"), params![id])?;
    }
    parts::clear(tx, id)?;
    crate::store::exec(tx, "DELETE FROM dir_search WHERE rowid = ?1", params![id])?;
    put_parts(tx, id, s, &mut parts::Places::Write)?;
    index(tx, id, s, None)
}

/// Mark a service checked today.
pub fn verify_service(tx: &Transaction, id: ServiceId, today: Date, now: Timestamp) -> Result<()> {
    let n = crate::store::exec(
        tx,
        "UPDATE dir_services SET last_verified = ?1, updated_at = ?2 WHERE id = ?3 AND retired_at IS NULL",
        params![today.to_string(), time::to_db(now), id],
    )?;
    if n == 0 {
        return Err(crate::Error::user(crate::i18n::Msg::ErrNoSuchRecord));
    }
    Ok(())
}

/// A service as its edit form starts: everything stored, street address included (only
/// supervisors and administrators edit).
pub fn service_for_edit(conn: &Connection, id: ServiceId) -> Result<Option<NewService>> {
    stored_service(conn, id, false)
}

/// A service as stored, with its tags, places and hours; a retired one only if `retired_too`.
pub fn stored_service(
    conn: &Connection,
    id: ServiceId,
    retired_too: bool,
) -> Result<Option<NewService>> {
    let found = conn
        .one(
            "SELECT organization_id, name, description, phone, text_number, hours, open_24_7, statewide,
                    eligibility, intake_steps, last_verified, temporarily_closed
             FROM dir_services WHERE id = ?1 AND (retired_at IS NULL OR ?2)",
            params![id, retired_too],
            |r| {
                Ok(NewService {
                    organization_id: r.get(0)?,
                    name: r.get(1)?,
                    description: r.get(2)?,
                    phone: r.get(3)?,
                    text_number: r.get(4)?,
                    hours: r.get(5)?,
                    open_24_7: r.get(6)?,
                    statewide: r.get(7)?,
                    eligibility: r.get(8)?,
                    intake_steps: r.get(9)?,
                    last_verified: r.get::<_, Option<String>>(10)?.and_then(|d| d.parse().ok()),
                    temporarily_closed: r.get(11)?,
                    ..Default::default()
                })
            },
        )
        .optional()?;
    let Some(mut s) = found else { return Ok(None) };
    read_tags(conn, id, &mut s)?;
    parts::read(conn, id, &mut s)?;
    s.schedule = schedule(conn, id)?;
    Ok(Some(s))
}

/// A service's categories, populations, languages and areas, into `s`.
fn read_tags(conn: &Connection, id: ServiceId, s: &mut NewService) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, value FROM dir_service_tags WHERE service_id = ?1 ORDER BY kind, value",
    )?;
    for row in
        stmt.query_map(params![id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
    {
        let (kind, value) = row?;
        match kind.as_str() {
            "category" => s.categories.push(value),
            "population" => s.populations.push(value),
            "language" => s.languages.push(value),
            _ => s.areas.push(value),
        }
    }
    Ok(())
}

pub fn schedule(conn: &Connection, id: ServiceId) -> Result<Vec<Span>> {
    let mut stmt = conn.prepare_cached(
        "SELECT weekday, opens, closes FROM dir_schedules WHERE service_id = ?1 ORDER BY weekday, opens",
    )?;
    let rows = stmt
        .query_map(params![id], |r| {
            Ok(Span { weekday: r.get(0)?, opens: r.get(1)?, closes: r.get(2)? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The organisations, by name, for the service form's list.
pub fn organizations(conn: &Connection) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name FROM dir_organizations_shown WHERE retired_at IS NULL ORDER BY name, id",
    )?;
    let rows =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Retire a service: it stays for the referrals made to it, but leaves search (and the index).
pub fn retire_service(tx: &Transaction, id: ServiceId, now: Timestamp) -> Result<()> {
    crate::store::exec(
        tx,
        "UPDATE dir_services SET retired_at = ?1 WHERE id = ?2 AND retired_at IS NULL",
        params![time::to_db(now), id],
    )?;
    crate::store::exec(tx, "DELETE FROM dir_search WHERE rowid = ?1", params![id])?;
    Ok(())
}

/// Whether an organisation is confirmed.
pub fn organization_confirmed(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn
        .one("SELECT status = 'confirmed' FROM dir_organizations WHERE id = ?1", params![id], |r| {
            r.get(0)
        })
        .optional()?
        .unwrap_or(false))
}

pub fn set_organization_status(
    tx: &Transaction,
    id: i64,
    confirmed: bool,
    now: Timestamp,
) -> Result<()> {
    crate::store::exec(
        tx,
        "UPDATE dir_organizations SET status = ?1, updated_at = ?2 WHERE id = ?3",
        params![if confirmed { "confirmed" } else { "unverified" }, time::to_db(now), id],
    )?;
    Ok(())
}
