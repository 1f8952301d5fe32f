//! What hangs off a service beyond its row and tags, as Open Referral (HSDS) models it: the
//! places it is offered at (shared with other services), phones of every type, schedules that
//! are not plain weekly hours, service areas as worded, and other directories' taxonomy terms.

use crate::store::Cached;
use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::ids::ServiceId;
use crate::error::Result;

use super::{Location, NewService};

/// A phone number of a service, place or organisation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Phone {
    pub number: String,
    pub extension: Option<String>,
    /// voice, text, fax, textphone (TTY), cell, video or pager.
    pub kind: String,
    pub description: Option<String>,
    pub hsds_id: Option<String>,
}

/// The phone types HSDS draws from RFC 6350.
pub const PHONE_KINDS: &[&str] = &["voice", "text", "fax", "textphone", "cell", "video", "pager"];

impl Phone {
    /// A number a worker may call (a fax, pager or text-only line is not one).
    pub fn callable(&self) -> bool {
        matches!(self.kind.as_str(), "voice" | "cell")
    }
}

/// A schedule that is not a plain weekly span: monthly, every other week, or valid only
/// between two days. Times are local minutes (America/Denver).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rule {
    pub freq: Option<String>,
    pub interval: Option<u8>,
    pub byday: Option<String>,
    pub bymonthday: Option<String>,
    pub opens: Option<u16>,
    pub closes: Option<u16>,
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
    pub description: Option<String>,
    pub hsds_id: Option<String>,
}

impl Rule {
    /// Whether the rule holds on `day` (no longer once its last day has passed).
    pub fn current(&self, day: Date) -> bool {
        self.valid_to.is_none_or(|t| t >= day) && self.valid_from.is_none_or(|f| f <= day)
    }
}

/// A taxonomy term of another directory on a service (AIRS / 211 LA among them).
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Term {
    pub taxonomy: String,
    pub code: String,
    pub name: String,
    pub description: String,
}

enum Owner {
    Service(ServiceId),
    Place(i64),
    Organization(i64),
}

impl Owner {
    fn column(&self) -> (&'static str, i64) {
        match self {
            Owner::Service(s) => ("service_id", s.0),
            Owner::Place(p) => ("place_id", *p),
            Owner::Organization(o) => ("organization_id", *o),
        }
    }
}

/// The owner's phones, replaced by `phones`.
fn put_phones(tx: &Transaction, owner: Owner, phones: &[Phone]) -> Result<()> {
    let (col, id) = owner.column();
    crate::store::exec(tx, &format!("DELETE FROM dir_phones WHERE {col} = ?1"), params![id])?;
    let mut add = tx.prepare_cached(&format!(
        "INSERT INTO dir_phones ({col}, number, extension, kind, description, hsds_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
    ))?;
    for p in phones {
        add.execute(params![id, p.number, p.extension, p.kind, p.description, p.hsds_id])?;
    }
    Ok(())
}

fn put_rules(tx: &Transaction, owner: Owner, rules: &[Rule]) -> Result<()> {
    let (col, id) = owner.column();
    crate::store::exec(
        tx,
        &format!("DELETE FROM dir_schedule_rules WHERE {col} = ?1"),
        params![id],
    )?;
    let mut add = tx.prepare_cached(&format!(
        "INSERT INTO dir_schedule_rules ({col}, freq, interval, byday, bymonthday, opens, closes,
             valid_from, valid_to, description, hsds_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
    ))?;
    for r in rules {
        add.execute(params![
            id,
            r.freq,
            r.interval,
            r.byday,
            r.bymonthday,
            r.opens,
            r.closes,
            r.valid_from.map(|d| d.to_string()),
            r.valid_to.map(|d| d.to_string()),
            r.description,
            r.hsds_id
        ])?;
    }
    Ok(())
}

/// How a service's places are written: in place (a place with the same exchange identifier
/// is updated, shared or not), or for an import's service that is not shown yet (a place
/// already here is left as it is, and what the file changes of it is kept in `changed` for
/// the import's last step; a new place carries the import).
pub(crate) enum Places<'a> {
    Write,
    Stage { import: i64, changed: &'a mut Vec<(i64, Location)> },
}

/// A place as given: the one with its exchange identifier is updated (it may be shared),
/// otherwise a new one is made. Returns its id.
fn put_place(
    tx: &Transaction,
    l: &Location,
    organization_id: i64,
    how: &mut Places,
) -> Result<i64> {
    let found: Option<i64> = match &l.hsds_id {
        Some(h) => tx
            .one("SELECT id FROM dir_places WHERE hsds_id = ?1", params![h], |r| r.get(0))
            .optional()?,
        None => None,
    };
    let import = match how {
        Places::Write => None,
        Places::Stage { import, changed } => {
            if let Some(id) = found {
                let known = changed.iter().any(|(p, _)| *p == id);
                if !known && place(tx, id)?.as_ref() != Some(&unlinked(l)) {
                    changed.push((id, unlinked(l)));
                }
                return Ok(id);
            }
            Some(*import)
        }
    };
    if let Some(id) = found {
        update_place(tx, id, l)?;
        return Ok(id);
    }
    let state = l.state.clone().unwrap_or_else(|| "NM".into());
    let country = l.country.clone().unwrap_or_else(|| "US".into());
    crate::store::exec(
        tx,
        "INSERT INTO dir_places (organization_id, name, address, city, state, zip, country,
             show_address, hsds_id, import_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            organization_id,
            l.name,
            l.address,
            l.city,
            state,
            l.zip,
            country,
            l.show_address,
            l.hsds_id,
            import
        ],
    )?;
    let id = tx.last_insert_rowid();
    put_phones(tx, Owner::Place(id), &l.phones)?;
    put_rules(tx, Owner::Place(id), &l.rules)?;
    Ok(id)
}

/// A place as stored, with its phones and schedules (without a service's link to it).
fn place(conn: &Connection, id: i64) -> Result<Option<Location>> {
    let found = conn
        .one(
            "SELECT name, address, city, state, zip, country, show_address, hsds_id
             FROM dir_places WHERE id = ?1",
            params![id],
            |r| {
                let state: String = r.get(3)?;
                let country: String = r.get(5)?;
                Ok(Location {
                    name: r.get(0)?,
                    address: r.get(1)?,
                    city: r.get(2)?,
                    state: (state != "NM").then_some(state),
                    zip: r.get(4)?,
                    country: (country != "US").then_some(country),
                    show_address: r.get(6)?,
                    hsds_id: r.get(7)?,
                    ..Default::default()
                })
            },
        )
        .optional()?;
    let Some(mut l) = found else { return Ok(None) };
    l.phones = phones(conn, Owner::Place(id))?;
    l.rules = rules(conn, "place_id", id)?;
    Ok(Some(l))
}

/// A location as a place holds it: without the service's link, state and country as stored.
fn unlinked(l: &Location) -> Location {
    let mut l = Location { link_id: None, ..l.clone() };
    l.state = l.state.filter(|s| s != "NM");
    l.country = l.country.filter(|c| c != "US");
    l
}

/// A place's details, phones and schedules replaced by `l`.
pub(crate) fn update_place(tx: &Transaction, id: i64, l: &Location) -> Result<()> {
    let state = l.state.clone().unwrap_or_else(|| "NM".into());
    let country = l.country.clone().unwrap_or_else(|| "US".into());
    crate::store::exec(
        tx,
        "UPDATE dir_places SET name = ?1, address = ?2, city = ?3, state = ?4, zip = ?5,
             country = ?6, show_address = ?7 WHERE id = ?8",
        params![l.name, l.address, l.city, state, l.zip, country, l.show_address, id],
    )?;
    put_phones(tx, Owner::Place(id), &l.phones)?;
    put_rules(tx, Owner::Place(id), &l.rules)
}

/// Everything of this module for a service whose row is written (and whose old parts are
/// gone: see `clear`).
pub(super) fn put(tx: &Transaction, id: ServiceId, s: &NewService, how: &mut Places) -> Result<()> {
    let mut link = tx.prepare_cached(
        "INSERT OR IGNORE INTO dir_service_places (service_id, place_id, position, hsds_id)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (n, l) in s.locations.iter().enumerate() {
        let place = put_place(tx, l, s.organization_id, how)?;
        link.execute(params![id, place, n as i64, l.link_id])?;
    }
    put_phones(tx, Owner::Service(id), &s.phones)?;
    put_rules(tx, Owner::Service(id), &s.rules)?;
    let mut area = tx.prepare_cached(
        "INSERT OR IGNORE INTO dir_service_areas (service_id, name) VALUES (?1, ?2)",
    )?;
    for a in &s.area_names {
        area.execute(params![id, a])?;
    }
    for t in &s.terms {
        crate::store::exec(
            tx,
            "INSERT INTO dir_taxonomies (name) VALUES (?1) ON CONFLICT (name) DO NOTHING",
            params![t.taxonomy],
        )?;
        let tax: i64 =
            tx.one("SELECT id FROM dir_taxonomies WHERE name = ?1", params![t.taxonomy], |r| {
                r.get(0)
            })?;
        crate::store::exec(
            tx,
            "INSERT INTO dir_terms (taxonomy_id, code, name, description) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (taxonomy_id, code) DO UPDATE SET name = excluded.name,
                 description = excluded.description",
            params![tax, t.code, t.name, t.description],
        )?;
        crate::store::exec(
            tx,
            "INSERT OR IGNORE INTO dir_service_terms (service_id, term_id)
             SELECT ?1, id FROM dir_terms WHERE taxonomy_id = ?2 AND code = ?3",
            params![id, tax, t.code],
        )?;
    }
    Ok(())
}

/// A service's parts removed before they are written again; a place no service is offered
/// at any more goes with its phones and schedules.
pub(super) fn clear(tx: &Transaction, id: ServiceId) -> Result<()> {
    let places: Vec<i64> = tx
        .prepare_cached("SELECT place_id FROM dir_service_places WHERE service_id = ?1")?
        .query_map(params![id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for table in [
        "dir_service_places",
        "dir_phones",
        "dir_schedule_rules",
        "dir_service_areas",
        "dir_service_terms",
    ] {
        crate::store::exec(tx, &format!("DELETE FROM {table} WHERE service_id = ?1"), params![id])?;
    }
    drop_unused(tx, &places)
}

/// Those of `places` no service is offered at any more, with their phones and schedules.
pub(super) fn drop_unused(tx: &Transaction, places: &[i64]) -> Result<()> {
    for &p in places {
        let used: bool = tx.one(
            "SELECT EXISTS (SELECT 1 FROM dir_service_places WHERE place_id = ?1)",
            params![p],
            |r| r.get(0),
        )?;
        if !used {
            crate::store::exec(tx, "DELETE FROM dir_phones WHERE place_id = ?1", params![p])?;
            crate::store::exec(
                tx,
                "DELETE FROM dir_schedule_rules WHERE place_id = ?1",
                params![p],
            )?;
            crate::store::exec(tx, "DELETE FROM dir_places WHERE id = ?1", params![p])?;
        }
    }
    Ok(())
}

fn phones(conn: &Connection, owner: Owner) -> Result<Vec<Phone>> {
    let (col, id) = owner.column();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT number, extension, kind, description, hsds_id FROM dir_phones
         WHERE {col} = ?1 ORDER BY id"
    ))?;
    let rows = stmt
        .query_map(params![id], |r| {
            Ok(Phone {
                number: r.get(0)?,
                extension: r.get(1)?,
                kind: r.get(2)?,
                description: r.get(3)?,
                hsds_id: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn rules(conn: &Connection, col: &str, id: i64) -> Result<Vec<Rule>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT freq, interval, byday, bymonthday, opens, closes, valid_from, valid_to,
                description, hsds_id
         FROM dir_schedule_rules WHERE {col} = ?1 ORDER BY id"
    ))?;
    let date = |v: Option<String>| v.and_then(|d| d.parse().ok());
    let rows = stmt
        .query_map(params![id], |r| {
            Ok(Rule {
                freq: r.get(0)?,
                interval: r.get(1)?,
                byday: r.get(2)?,
                bymonthday: r.get(3)?,
                opens: r.get(4)?,
                closes: r.get(5)?,
                valid_from: date(r.get(6)?),
                valid_to: date(r.get(7)?),
                description: r.get(8)?,
                hsds_id: r.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// A service's places, in the order they were given, each with its phones and schedules.
pub fn locations(conn: &Connection, id: ServiceId) -> Result<Vec<Location>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.name, p.address, p.city, p.state, p.zip, p.country, p.show_address,
                p.hsds_id, l.hsds_id
         FROM dir_service_places l JOIN dir_places p ON p.id = l.place_id
         WHERE l.service_id = ?1 ORDER BY l.position, p.id",
    )?;
    let found: Vec<(i64, Location)> = stmt
        .query_map(params![id], |r| {
            let state: String = r.get(4)?;
            let country: String = r.get(6)?;
            Ok((
                r.get(0)?,
                Location {
                    name: r.get(1)?,
                    address: r.get(2)?,
                    city: r.get(3)?,
                    state: (state != "NM").then_some(state),
                    zip: r.get(5)?,
                    country: (country != "US").then_some(country),
                    show_address: r.get(7)?,
                    hsds_id: r.get(8)?,
                    link_id: r.get(9)?,
                    ..Default::default()
                },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::with_capacity(found.len());
    for (pid, mut l) in found {
        l.phones = phones(conn, Owner::Place(pid))?;
        l.rules = rules(conn, "place_id", pid)?;
        out.push(l);
    }
    Ok(out)
}

/// Fill in what this module keeps of a stored service.
pub(crate) fn read(conn: &Connection, id: ServiceId, s: &mut NewService) -> Result<()> {
    s.locations = locations(conn, id)?;
    s.phones = phones(conn, Owner::Service(id))?;
    s.rules = rules(conn, "service_id", id.0)?;
    s.area_names = conn
        .prepare_cached("SELECT name FROM dir_service_areas WHERE service_id = ?1 ORDER BY name")?
        .query_map(params![id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    s.terms = conn
        .prepare_cached(
            "SELECT x.name, t.code, t.name, t.description FROM dir_service_terms st
             JOIN dir_terms t ON t.id = st.term_id JOIN dir_taxonomies x ON x.id = t.taxonomy_id
             WHERE st.service_id = ?1 ORDER BY x.name, t.code",
        )?
        .query_map(params![id], |r| {
            Ok(Term {
                taxonomy: r.get(0)?,
                code: r.get(1)?,
                name: r.get(2)?,
                description: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(())
}

/// An organisation's own phones.
pub fn organization_phones(conn: &Connection, id: i64) -> Result<Vec<Phone>> {
    phones(conn, Owner::Organization(id))
}

/// An organisation's phones, replaced by `phones`.
pub fn set_organization_phones(tx: &Transaction, id: i64, phones: &[Phone]) -> Result<()> {
    put_phones(tx, Owner::Organization(id), phones)
}
