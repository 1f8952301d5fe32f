//! What is done on a case: services delivered, versioned case notes and the timeline.

use crate::store::Cached;
use jiff::Timestamp;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ValueRef};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::client::{self, EventKind, ServiceEntry};
use crate::domain::ids::{AgencyId, ClientId, UserId};
use crate::domain::time;
use crate::error::{Error, Result};
use crate::i18n::Msg;

use super::{owned, touch, writable};

pub fn add_service(
    tx: &Transaction,
    agency_id: AgencyId,
    client_id: ClientId,
    staff_id: UserId,
    s: &ServiceEntry,
    now: Timestamp,
    import: Option<i64>,
) -> Result<i64> {
    let (service_type, on, minutes, notes) =
        (s.service_type.as_str(), s.delivered_on, s.minutes, s.notes.as_str());
    writable(tx, agency_id, client_id)?;
    crate::store::exec(tx,
        "INSERT INTO services (client_id, agency_id, service_type, voca_family, delivered_on, staff_id,
             minutes, notes, created_at, import_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![client_id, agency_id, service_type, client::voca_family(service_type), on.to_string(),
                staff_id, minutes, notes, time::to_db(now), import],
    )?;
    let id = tx.last_insert_rowid();
    // An import's services touch their clients when it ends (`touch_imported`).
    if import.is_none() {
        touch(tx, client_id, now)?;
    }
    Ok(id)
}

/// Record a step of immigration relief on a case.
pub fn add_relief(
    tx: &Transaction,
    agency_id: AgencyId,
    client_id: ClientId,
    staff_id: UserId,
    r: &client::ReliefStep,
    now: Timestamp,
) -> Result<i64> {
    writable(tx, agency_id, client_id)?;
    crate::store::exec(
        tx,
        "INSERT INTO client_relief (client_id, agency_id, kind, on_date, recorded_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![client_id, agency_id, r.kind, r.on.to_string(), staff_id, time::to_db(now)],
    )?;
    let id = tx.last_insert_rowid();
    touch(tx, client_id, now)?;
    Ok(id)
}

pub fn add_note(
    tx: &Transaction,
    agency_id: AgencyId,
    client_id: ClientId,
    user_id: UserId,
    body: &str,
    now: Timestamp,
) -> Result<i64> {
    writable(tx, agency_id, client_id)?;
    let at = time::to_db(now);
    crate::store::exec(
        tx,
        "INSERT INTO case_notes (client_id, agency_id, created_by, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![client_id, agency_id, user_id, at],
    )?;
    let id = tx.last_insert_rowid();
    crate::store::exec(
        tx,
        "INSERT INTO case_note_versions (note_id, version, body, written_by, written_at)
         VALUES (?1, 1, ?2, ?3, ?4)",
        params![id, body, user_id, at],
    )?;
    touch(tx, client_id, now)?;
    Ok(id)
}

/// An edit of a note adds a version; the earlier ones stay.
pub fn edit_note(
    tx: &Transaction,
    agency_id: AgencyId,
    note_id: i64,
    user_id: UserId,
    body: &str,
    now: Timestamp,
) -> Result<i64> {
    let client_id: ClientId = tx
        .query_row(
            "SELECT client_id FROM case_notes WHERE id = ?1 AND agency_id = ?2",
            params![note_id, agency_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
    crate::store::exec(
        tx,
        "INSERT INTO case_note_versions (note_id, version, body, written_by, written_at)
         SELECT ?1, max(version) + 1, ?2, ?3, ?4 FROM case_note_versions WHERE note_id = ?1",
        params![note_id, body, user_id, time::to_db(now)],
    )?;
    touch(tx, client_id, now)?;
    Ok(tx.one(
        "SELECT max(version) FROM case_note_versions WHERE note_id = ?1",
        params![note_id],
        |r| r.get(0),
    )?)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoteVersion {
    pub version: i64,
    pub body: String,
    pub author: String,
    pub written_at: String,
}

/// Every version of a note, newest first.
pub fn note_versions(
    conn: &Connection,
    agency_id: AgencyId,
    note_id: i64,
) -> Result<Vec<NoteVersion>> {
    let mut stmt = conn.prepare_cached(
        "SELECT v.version, v.body, u.display_name, v.written_at FROM case_note_versions v
         JOIN case_notes n ON n.id = v.note_id JOIN users u ON u.id = v.written_by
         WHERE v.note_id = ?1 AND n.agency_id = ?2 ORDER BY v.version DESC",
    )?;
    let rows = stmt
        .query_map(params![note_id, agency_id], |r| {
            Ok(NoteVersion {
                version: r.get(0)?,
                body: r.get(1)?,
                author: r.get(2)?,
                written_at: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// One line of a case's timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// A stored time (…Z) or a date (YYYY-MM-DD); both sort as text.
    pub at: String,
    pub kind: EventKind,
    pub ref_id: i64,
    pub a: String,
    pub b: String,
    pub by: Option<String>,
}

/// The case's events, newest first, a page at a time.
pub fn timeline(
    conn: &Connection,
    agency_id: AgencyId,
    client_id: ClientId,
    offset: i64,
    limit: i64,
) -> Result<Vec<Event>> {
    owned(conn, agency_id, client_id)?;
    // Each line has the day it is about (local) and when it was entered: newest day first, and
    // on one day the line entered last first. A referral or payment dated earlier than it was
    // entered goes under its own date.
    // The local day of a stored instant: the function every connection registers.
    let day = |col: &str| format!("intake_local_day({col})");
    let sql = format!(
        "SELECT at, kind, ref_id, a, b, by FROM (
             SELECT s.changed_at AS at, {status_day} AS day, s.changed_at AS entered,
                    'status' AS kind, s.id AS ref_id, s.status AS a,
                    coalesce(s.closure_reason, '') || char(31) || coalesce(s.reason, '') AS b,
                    u.display_name AS by
               FROM client_status s JOIN users u ON u.id = s.changed_by WHERE s.client_id = ?1
             UNION ALL
             SELECT r.on_date, r.on_date, r.created_at, 'relief', r.id, r.kind, '', u.display_name
               FROM client_relief r JOIN users u ON u.id = r.recorded_by WHERE r.client_id = ?1
             UNION ALL
             SELECT r.signed_on, r.signed_on, r.created_at, 'release', r.id,
                    r.recipient || char(31) || r.expires_on, coalesce(r.revoked_on, ''), u.display_name
               FROM releases r JOIN users u ON u.id = r.recorded_by WHERE r.client_id = ?1
             UNION ALL
             SELECT v.delivered_on, v.delivered_on, v.created_at, 'service', v.id, v.service_type,
                    coalesce(v.minutes, ''), u.display_name
               FROM services_shown v JOIN users u ON u.id = v.staff_id WHERE v.client_id = ?1
             UNION ALL
             SELECT n.created_at, {note_day}, n.created_at, 'note', n.id,
                    (SELECT body FROM case_note_versions x WHERE x.note_id = n.id ORDER BY version DESC LIMIT 1),
                    (SELECT max(version) FROM case_note_versions x WHERE x.note_id = n.id), u.display_name
               FROM case_notes n JOIN users u ON u.id = n.created_by WHERE n.client_id = ?1
             UNION ALL
             SELECT c.started_at, {contact_day}, c.created_at, 'contact', c.id, c.channel,
                    c.caller_type, u.display_name
               FROM contacts_shown c JOIN users u ON u.id = c.created_by WHERE c.client_id = ?1
             UNION ALL
             SELECT s.started_at, {screening_day}, s.started_at, 'screening', s.id,
                    t.tool_id || ' ' || t.version,
                    CASE WHEN s.closed_at IS NULL THEN 'in_progress' ELSE coalesce(s.result, 'incomplete') END,
                    u.display_name
               FROM screenings s JOIN screening_tools t ON t.id = s.tool
                    JOIN users u ON u.id = s.screened_by WHERE s.client_id = ?1
             UNION ALL
             SELECT r.referred_on, r.referred_on, r.created_at, 'referral', r.id, d.name, r.status,
                    u.display_name
               FROM referrals r JOIN dir_services d ON d.id = r.service_id
                    JOIN users u ON u.id = r.referred_by WHERE r.client_id = ?1
             UNION ALL
             SELECT p.paid_on, p.paid_on, p.requested_at, 'payment', p.id, p.category,
                    p.status || ' ' || p.amount_cents, u.display_name
               FROM payments_shown p JOIN users u ON u.id = p.requested_by WHERE p.client_id = ?1
                  ) ORDER BY day DESC, entered DESC, kind <> 'status' DESC, ref_id DESC
                    LIMIT ?2 OFFSET ?3",
        status_day = day("s.changed_at"),
        note_day = day("n.created_at"),
        contact_day = day("c.started_at"),
        screening_day = day("s.started_at"),
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map(params![client_id, limit, offset], |r| {
            Ok(Event {
                at: r.get(0)?,
                kind: r.get(1)?,
                ref_id: r.get(2)?,
                a: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
                b: r.get::<_, rusqlite::types::Value>(4).map(|v| match v {
                    rusqlite::types::Value::Integer(n) => n.to_string(),
                    rusqlite::types::Value::Text(t) => t,
                    _ => String::new(),
                })?,
                by: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// A service as delivered, to show in full.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceView {
    pub service_type: String,
    pub voca_family: String,
    pub delivered_on: String,
    pub minutes: Option<i64>,
    pub staff: String,
    pub notes: String,
}

pub fn service(conn: &Connection, agency_id: AgencyId, id: i64) -> Result<Option<ServiceView>> {
    Ok(conn
        .query_row(
            "SELECT s.service_type, s.voca_family, s.delivered_on, s.minutes, u.display_name, s.notes
             FROM services_shown s JOIN users u ON u.id = s.staff_id WHERE s.id = ?1 AND s.agency_id = ?2",
            params![id, agency_id],
            |r| {
                Ok(ServiceView {
                    service_type: r.get(0)?,
                    voca_family: r.get(1)?,
                    delivered_on: r.get(2)?,
                    minutes: r.get(3)?,
                    staff: r.get(4)?,
                    notes: r.get(5)?,
                })
            },
        )
        .optional()?)
}

/// A timeline line's kind, as the query names it; a name no kind has is an error, never a
/// line of the wrong kind.
impl FromSql for EventKind {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        EventKind::parse(value.as_str()?).ok_or(FromSqlError::InvalidType)
    }
}
