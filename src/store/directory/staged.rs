//! The directory import in short transactions (migration 35). Each service of the file is
//! written as a new row carrying the import, with its tags, places, phones, schedules and search
//! entry; one that updates a service already here names it in `replaces`. A place already here
//! is left as it is (what the file changes of it waits for the last step, `apply_places`), a new
//! one carries the import. Readers read `dir_services_shown`: while the import is under way its
//! rows are left out; once its last step ended it, they are shown and the services they replace
//! are not, until each new row is folded into the service it replaces (`fold_some`), which keeps
//! its id and the referrals to it. An import cut off before its last step is taken out like any
//! other (`store::imports::discard_some`); one cut off while folding is folded by the next
//! intake to start.

use std::time::{Duration, Instant};

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::ids::ServiceId;
use crate::domain::time;
use crate::error::Result;
use crate::store::Cached;

use super::parts::{self, Places};
use super::{Location, NewService, index, put_parts, read_tags, stored_service};

/// The places an import changes, as its files give them: written in its last step.
pub type ChangedPlaces = Vec<(i64, Location)>;

/// An import's service as written out of sight.
pub struct Staged<'a> {
    pub import: i64,
    pub hsds_id: &'a str,
    /// The service already here with the same exchange identifier.
    pub replaces: Option<ServiceId>,
    pub retired: bool,
    /// Its organisation's name and description as the file gives them (the search entry's).
    pub organization: &'a str,
}

/// Write an import's service out of sight; a place already here that the file changes is added
/// to `changed` (once).
pub fn add_staged(
    tx: &Transaction,
    s: &NewService,
    st: &Staged,
    changed: &mut ChangedPlaces,
    now: Timestamp,
) -> Result<ServiceId> {
    crate::store::exec(
        tx,
        "INSERT INTO dir_services (organization_id, name, description, phone, text_number, hours,
             open_24_7, statewide, eligibility, intake_steps, last_verified, created_at, updated_at,
             temporarily_closed, hsds_id, import_id, replaces, retired_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?13, ?14, ?15, ?16,
                 CASE WHEN ?17 THEN ?12 END)",
        params![
            s.organization_id,
            s.name,
            s.description,
            s.phone,
            s.text_number,
            s.hours,
            s.open_24_7,
            s.statewide,
            s.eligibility,
            s.intake_steps,
            s.last_verified.map(|d| d.to_string()),
            time::to_db(now),
            s.temporarily_closed,
            st.hsds_id,
            st.import,
            st.replaces,
            st.retired
        ],
    )?;
    let id = ServiceId(tx.last_insert_rowid());
    put_parts(tx, id, s, &mut Places::Stage { import: st.import, changed })?;
    if !st.retired {
        index(tx, id, s, Some(st.organization))?;
    }
    Ok(id)
}

/// Whether service `id` holds what `s` gives already (retired or not as `retired` says): an
/// import then leaves it as it is.
pub fn unchanged(conn: &Connection, id: ServiceId, s: &NewService, retired: bool) -> Result<bool> {
    let was_retired: bool = conn.one(
        "SELECT retired_at IS NOT NULL FROM dir_services WHERE id = ?1",
        params![id],
        |r| r.get(0),
    )?;
    if was_retired != retired {
        return Ok(false);
    }
    let Some(stored) = stored_service(conn, id, true)? else { return Ok(false) };
    Ok(as_stored(stored) == as_stored(s.clone()))
}

/// A service's lists in the order (and without the repeats) the database keeps them.
fn as_stored(mut s: NewService) -> NewService {
    for list in
        [&mut s.categories, &mut s.populations, &mut s.languages, &mut s.areas, &mut s.area_names]
    {
        list.sort();
        list.dedup();
    }
    s.terms.sort();
    s.terms.dedup();
    s.schedule.sort_by_key(|h| (h.weekday, h.opens, h.closes));
    s.schedule.dedup_by_key(|h| (h.weekday, h.opens));
    s
}

/// The places an import changed, written in its last step.
pub fn apply_places(tx: &Transaction, changed: &ChangedPlaces) -> Result<()> {
    for (id, l) in changed {
        parts::update_place(tx, *id, l)?;
    }
    Ok(())
}

/// Whether an import's services are in the table (under way, or not yet folded): search then
/// leaves them out itself rather than trusting its index alone.
pub fn staging(conn: &Connection) -> Result<bool> {
    Ok(conn.one(
        "SELECT EXISTS (SELECT 1 FROM dir_services WHERE import_id IS NOT NULL)",
        [],
        |r| r.get(0),
    )?)
}

/// The services `dir_services_shown` leaves out, read on the partial indexes alone (a few
/// rows per service of an import, where reading the view would look at every service): an
/// import's rows while it is under way, and once it ended, the services its rows replace.
pub(super) const HIDDEN: &str = "SELECT id FROM dir_services
     WHERE import_id IS NOT NULL AND import_id IN (SELECT id FROM imports)
     UNION ALL SELECT replaces FROM dir_services
     WHERE replaces IS NOT NULL AND import_id NOT IN (SELECT id FROM imports)";

const ENDED: &str = "FROM dir_services WHERE import_id IS NOT NULL
     AND import_id NOT IN (SELECT id FROM imports)";

/// Whether an ended import's services wait to be folded.
pub fn folds_left(conn: &Connection) -> Result<bool> {
    Ok(conn.one(&format!("SELECT EXISTS (SELECT 1 {ENDED})"), [], |r| r.get(0))?)
}

/// Rows one fold transaction looks at, at most.
const FOLD_ROWS: i64 = 500;

/// Services folded by one statement per table (their ids given as a JSON list).
const CHUNK: usize = 32;

/// The pairs of a chunk, (new, old), for the statements below.
const PAIRS: &str = "WITH p(new, old) AS (SELECT json_extract(value, '$[0]'),
     json_extract(value, '$[1]') FROM json_each(?1)) ";

/// Fold the services of ended imports into those they replace, for `budget` at most (a chunk
/// at a time); a new one simply stops carrying its import. Returns whether some are left.
pub fn fold_some(tx: &Transaction, budget: Duration) -> Result<bool> {
    let began = Instant::now();
    let rows: Vec<(ServiceId, Option<ServiceId>, Option<String>, bool)> = tx
        .prepare_cached(&format!(
            "SELECT id, replaces, hsds_id, retired_at IS NOT NULL {ENDED} LIMIT ?1"
        ))?
        .query_map(params![FOLD_ROWS], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let n = rows.len() as i64;
    let mut pairs: Vec<(ServiceId, ServiceId, bool)> = Vec::new();
    for (new, replaces, hsds_id, retired) in rows {
        // Two imports of one new service: the second is folded into the first.
        let target = match (replaces, hsds_id) {
            (Some(old), _) => Some(old),
            (None, Some(h)) => tx
                .one(
                    "SELECT id FROM dir_services WHERE hsds_id = ?1 AND import_id IS NULL",
                    params![h],
                    |r| r.get(0),
                )
                .optional()?,
            (None, None) => None,
        };
        match target {
            Some(old) => pairs.push((new, old, retired)),
            None => {
                crate::store::exec(
                    tx,
                    "UPDATE dir_services SET import_id = NULL, replaces = NULL WHERE id = ?1",
                    params![new],
                )?;
            }
        }
    }
    let mut left = n == FOLD_ROWS;
    let mut from = 0;
    while from < pairs.len() {
        // A service two rows replace (two imports' rows) is folded once per chunk.
        let mut chunk: Vec<(ServiceId, ServiceId, bool)> = Vec::with_capacity(CHUNK);
        for &pair in &pairs[from..] {
            if chunk.len() == CHUNK || chunk.iter().any(|c| c.1 == pair.1) {
                break;
            }
            chunk.push(pair);
        }
        from += chunk.len();
        fold(tx, &chunk)?;
        if began.elapsed() >= budget {
            left = left || from < pairs.len();
            break;
        }
    }
    Ok(left || from < pairs.len())
}

/// What hangs off a service by its id (besides its search entry).
pub const PARTS: [&str; 7] = [
    "dir_service_tags",
    "dir_schedules",
    "dir_service_places",
    "dir_phones",
    "dir_schedule_rules",
    "dir_service_areas",
    "dir_service_terms",
];

/// Each service `old` of the chunk takes what its `new` holds: its columns and parts (moved,
/// not written again), its search entry, and the referrals and edits made to `new` while it
/// was shown; `new` goes, and so do the places only `old` was offered at.
fn fold(tx: &Transaction, chunk: &[(ServiceId, ServiceId, bool)]) -> Result<()> {
    let pairs: Vec<[i64; 2]> = chunk.iter().map(|(new, old, _)| [new.0, old.0]).collect();
    let ids = serde_json::json!(pairs).to_string();
    // Every statement below reads the chunk's pairs as `p(new, old)`.
    let with = |sql: &str| format!("{PAIRS}{sql}");
    let run = |sql: &str| crate::store::exec(tx, &with(sql), params![ids]);
    let places: Vec<i64> = tx
        .prepare_cached(&with(
            "SELECT DISTINCT place_id FROM dir_service_places WHERE service_id IN (SELECT old FROM p)",
        ))?
        .query_map(params![ids], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for table in PARTS {
        run(&format!("DELETE FROM {table} WHERE service_id IN (SELECT old FROM p)"))?;
        run(&format!(
            "UPDATE {table} SET service_id = (SELECT old FROM p WHERE p.new = {table}.service_id)
             WHERE service_id IN (SELECT new FROM p)"
        ))?;
    }
    run("UPDATE dir_services SET (organization_id, name, description, phone, text_number, hours,
             open_24_7, statewide, eligibility, intake_steps, last_verified, temporarily_closed,
             retired_at, updated_at) =
             (SELECT n.organization_id, n.name, n.description, n.phone, n.text_number, n.hours,
                     n.open_24_7, n.statewide, n.eligibility, n.intake_steps, n.last_verified,
                     n.temporarily_closed,
                     CASE WHEN n.retired_at IS NOT NULL
                          THEN coalesce(dir_services.retired_at, n.retired_at) END,
                     n.updated_at
              FROM dir_services n
              WHERE n.id = (SELECT new FROM p WHERE p.old = dir_services.id))
         WHERE id IN (SELECT old FROM p)")?;
    run("DELETE FROM dir_search WHERE rowid IN (SELECT old FROM p UNION ALL SELECT new FROM p)")?;
    for &(_, old, retired) in chunk {
        if !retired {
            let v = search_source(tx, old)?;
            index(tx, old, &v, None)?;
        }
    }
    parts::drop_unused(tx, &places)?;
    run("UPDATE referrals SET service_id = (SELECT old FROM p WHERE p.new = referrals.service_id)
         WHERE service_id IN (SELECT new FROM p)")?;
    run(
        "UPDATE OR IGNORE drafts SET record_id = (SELECT old FROM p WHERE p.new = drafts.record_id)
         WHERE form = 'dir_service' AND record_id IN (SELECT new FROM p)",
    )?;
    run("DELETE FROM dir_services WHERE id IN (SELECT new FROM p)")?;
    Ok(())
}

/// What a service's search entry is made of (see `index`), read alone.
fn search_source(conn: &Connection, id: ServiceId) -> Result<NewService> {
    let mut s = conn.one(
        "SELECT organization_id, name, description, statewide, open_24_7 FROM dir_services
         WHERE id = ?1",
        params![id],
        |r| {
            Ok(NewService {
                organization_id: r.get(0)?,
                name: r.get(1)?,
                description: r.get(2)?,
                statewide: r.get(3)?,
                open_24_7: r.get(4)?,
                ..Default::default()
            })
        },
    )?;
    read_tags(conn, id, &mut s)?;
    let mut places = conn.prepare_cached(
        "SELECT p.city, p.name FROM dir_service_places l JOIN dir_places p ON p.id = l.place_id
         WHERE l.service_id = ?1 ORDER BY l.position, p.id",
    )?;
    s.locations = places
        .query_map(params![id], |r| {
            Ok(Location { city: r.get(0)?, name: r.get(1)?, ..Default::default() })
        })?
        .collect::<rusqlite::Result<_>>()?;
    s.area_names = conn
        .prepare_cached("SELECT name FROM dir_service_areas WHERE service_id = ?1 ORDER BY name")?
        .query_map(params![id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    s.schedule = super::schedule(conn, id)?;
    Ok(s)
}
