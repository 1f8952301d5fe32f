//! The agency's training and outreach log: add, change and remove an event, and read a page of
//! them, newest first. Only the agency's own events are ever read or changed.

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::ids::{AgencyId, UserId};
use crate::domain::outreach::Event;
use crate::domain::time;
use crate::error::{Error, Result};
use crate::i18n::Msg;

/// An event as the log lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Logged {
    pub id: i64,
    pub event: Event,
    pub logged_by: UserId,
    pub logged_by_name: String,
}

pub fn add(
    tx: &Transaction,
    agency: AgencyId,
    by: UserId,
    e: &Event,
    now: Timestamp,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO outreach_events (agency_id, day, kind, audience, reached, area, topic,
                                      logged_by, logged_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            agency,
            e.day.to_string(),
            e.kind,
            e.audience,
            e.reached,
            e.area,
            e.topic,
            by,
            time::to_db(now)
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Who logged event `id` of `agency`; an event of another agency, or one removed, is gone.
pub fn author(conn: &Connection, agency: AgencyId, id: i64) -> Result<UserId> {
    conn.query_row(
        "SELECT logged_by FROM outreach_events WHERE id = ?1 AND agency_id = ?2",
        params![id, agency],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| Error::user(Msg::ErrOutreachGone))
}

pub fn update(
    tx: &Transaction,
    agency: AgencyId,
    id: i64,
    by: UserId,
    e: &Event,
    now: Timestamp,
) -> Result<()> {
    let n = tx.execute(
        "UPDATE outreach_events SET day = ?3, kind = ?4, audience = ?5, reached = ?6, area = ?7,
                topic = ?8, updated_by = ?9, updated_at = ?10
         WHERE id = ?1 AND agency_id = ?2",
        params![
            id,
            agency,
            e.day.to_string(),
            e.kind,
            e.audience,
            e.reached,
            e.area,
            e.topic,
            by,
            time::to_db(now)
        ],
    )?;
    if n == 0 { Err(Error::user(Msg::ErrOutreachGone)) } else { Ok(()) }
}

pub fn remove(tx: &Transaction, agency: AgencyId, id: i64) -> Result<()> {
    let n = tx.execute(
        "DELETE FROM outreach_events WHERE id = ?1 AND agency_id = ?2",
        params![id, agency],
    )?;
    if n == 0 { Err(Error::user(Msg::ErrOutreachGone)) } else { Ok(()) }
}

/// A page of the agency's events, newest day first (the index's order).
pub fn page(conn: &Connection, agency: AgencyId, offset: i64, limit: i64) -> Result<Vec<Logged>> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, e.day, e.kind, e.audience, e.reached, e.area, e.topic, e.logged_by,
                coalesce(u.display_name, '')
         FROM outreach_events e LEFT JOIN users u ON u.id = e.logged_by
         WHERE e.agency_id = ?1 ORDER BY e.day DESC, e.id DESC LIMIT ?2 OFFSET ?3",
    )?;
    let rows = stmt
        .query_map(params![agency, limit, offset], |r| {
            let day: String = r.get(1)?;
            Ok(Logged {
                id: r.get(0)?,
                event: Event {
                    day: day.parse().unwrap_or_default(),
                    kind: r.get(2)?,
                    audience: r.get(3)?,
                    reached: r.get(4)?,
                    area: r.get(5)?,
                    topic: r.get(6)?,
                },
                logged_by: r.get(7)?,
                logged_by_name: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
