//! Hotline contacts: stored per agency, listed a page at a time, edited with history.

use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::contact::Contact;
use crate::domain::ids::{AgencyId, ClientId, ContactId, UserId};
use crate::domain::time;
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::store::{Start, json_list as json, list_from_json as list_of};

/// The caller identifier as stored: its keyed hash and last two characters.
pub type CallerMark = (String, String);

/// A new row; `import` names the import under way that brings it (kept out of sight until the
/// import ends, see `store::imports`), None for one typed.
pub fn insert(
    tx: &Transaction,
    agency_id: AgencyId,
    user_id: UserId,
    c: &Contact,
    caller: Option<&CallerMark>,
    now: Timestamp,
    import: impl Into<Option<i64>>,
) -> Result<ContactId> {
    let at = time::to_db(now);
    // Cached: an import inserts many thousands in a row.
    tx.prepare_cached(
        "INSERT INTO contacts (agency_id, created_by, channel, direction, started_at, duration_min,
             caller_type, caller_hash, caller_last2, language, interpreter, area, topics,
             trafficking_type, minor, outcomes, reported_to, reported_at, not_reported_reason,
             follow_up, follow_up_on, notes, created_at, updated_at, import_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                 ?19, ?20, ?21, ?22, ?23, ?23, ?24)",
    )?
    .execute(rusqlite::params_from_iter(
        [agency_id.0.into(), user_id.0.into()]
            .into_iter()
            .chain(field_values(c, caller))
            .chain([at.into(), import.into().into()]),
    ))?;
    Ok(ContactId(tx.last_insert_rowid()))
}

/// A contact's fields, channel through notes, in the order the insert and the update both name
/// them.
fn field_values(c: &Contact, caller: Option<&CallerMark>) -> Vec<Value> {
    vec![
        c.channel.clone().into(),
        c.direction.clone().into(),
        time::to_db(c.started_at).into(),
        c.duration_min.into(),
        c.caller_type.clone().into(),
        caller.map(|m| m.0.clone()).into(),
        caller.map(|m| m.1.clone()).into(),
        c.language.clone().into(),
        c.interpreter.clone().into(),
        c.area.clone().into(),
        json(&c.topics).into(),
        c.trafficking_type.clone().into(),
        c.minor.clone().into(),
        json(&c.outcomes).into(),
        json(&c.reported_to).into(),
        c.reported_at.map(time::to_db).into(),
        c.not_reported_reason.clone().into(),
        c.follow_up.into(),
        c.follow_up_on.map(|d| d.to_string()).into(),
        c.notes.clone().into(),
    ]
}

/// A stored contact as its owner agency sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    pub id: ContactId,
    pub contact: Contact,
    pub caller_last2: Option<String>,
    pub edits: i64,
}

pub fn get(conn: &Connection, agency_id: AgencyId, id: ContactId) -> Result<Option<Stored>> {
    Ok(conn
        .query_row(
            "SELECT id, channel, direction, started_at, duration_min, caller_type, caller_last2,
                    language, interpreter, area, topics, trafficking_type, minor, outcomes,
                    reported_to, reported_at, not_reported_reason, follow_up, follow_up_on, notes,
                    (SELECT count(*) FROM contact_history h WHERE h.contact_id = c.id)
             FROM contacts_shown c WHERE id = ?1 AND agency_id = ?2",
            params![id, agency_id],
            |r| {
                let ts = |s: Option<String>| s.as_deref().and_then(time::from_db);
                Ok(Stored {
                    id: r.get(0)?,
                    contact: Contact {
                        channel: r.get(1)?,
                        direction: r.get(2)?,
                        started_at: ts(r.get(3)?).unwrap_or_default(),
                        duration_min: r.get(4)?,
                        caller_type: r.get(5)?,
                        caller_id: None,
                        language: r.get(7)?,
                        interpreter: r.get(8)?,
                        area: r.get(9)?,
                        topics: list_of(&r.get::<_, String>(10)?),
                        trafficking_type: r.get(11)?,
                        minor: r.get(12)?,
                        outcomes: list_of(&r.get::<_, String>(13)?),
                        reported_to: list_of(&r.get::<_, String>(14)?),
                        reported_at: ts(r.get(15)?),
                        not_reported_reason: r.get(16)?,
                        follow_up: r.get(17)?,
                        follow_up_on: r.get::<_, Option<String>>(18)?.and_then(|d| d.parse().ok()),
                        notes: r.get(19)?,
                    },
                    caller_last2: r.get(6)?,
                    edits: r.get(20)?,
                })
            },
        )
        .optional()?)
}

/// Save an edit: the previous values go to the history first. A new caller identifier replaces
/// the stored one; none keeps it.
pub fn update(
    tx: &Transaction,
    agency_id: AgencyId,
    id: ContactId,
    user_id: UserId,
    c: &Contact,
    caller: Option<&CallerMark>,
    now: Timestamp,
) -> Result<()> {
    let before = get(tx, agency_id, id)?.ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
    let previous = serde_json::to_string(&before.contact.to_raw()).unwrap_or_else(|_| "{}".into());
    tx.execute(
        "INSERT INTO contact_history (contact_id, changed_by, changed_at, previous)
         VALUES (?1, ?2, ?3, ?4)",
        params![id, user_id, time::to_db(now), previous],
    )?;
    tx.execute(
        "UPDATE contacts SET channel = ?1, direction = ?2, started_at = ?3, duration_min = ?4,
             caller_type = ?5, caller_hash = coalesce(?6, caller_hash),
             caller_last2 = coalesce(?7, caller_last2), language = ?8, interpreter = ?9,
             area = ?10, topics = ?11, trafficking_type = ?12, minor = ?13, outcomes = ?14,
             reported_to = ?15, reported_at = ?16, not_reported_reason = ?17, follow_up = ?18,
             follow_up_on = ?19, notes = ?20, updated_at = ?21
         WHERE id = ?22 AND agency_id = ?23 AND id IN (SELECT id FROM contacts_shown)",
        rusqlite::params_from_iter(field_values(c, caller).into_iter().chain([
            time::to_db(now).into(),
            id.0.into(),
            agency_id.0.into(),
        ])),
    )?;
    Ok(())
}

/// What the contact list can be narrowed to. Dates are local (America/Denver) days, inclusive.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub channel: Option<String>,
    pub outcome: Option<String>,
    /// Only contacts whose follow-up is due on or before this day.
    pub follow_up_due_by: Option<Date>,
}

pub use crate::domain::time::day_start;

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Row {
    pub id: ContactId,
    pub started_at: String,
    pub channel: String,
    pub direction: String,
    pub duration_min: Option<i64>,
    pub caller_type: String,
    pub caller_last2: Option<String>,
    pub language: String,
    pub area: String,
    pub trafficking_type: String,
    pub minor: String,
    pub outcomes: Vec<String>,
    pub reported_to: Vec<String>,
    pub follow_up_on: Option<String>,
}

/// One page of an agency's contacts, newest first.
pub fn list(
    conn: &Connection,
    agency_id: AgencyId,
    f: &Filter,
    offset: i64,
    limit: i64,
) -> Result<Vec<Row>> {
    page(conn, agency_id, f, Start::Offset(offset), limit)
}

/// A page of the log as an export reads it: in record-number order, after `start`.
pub fn export_page(
    conn: &Connection,
    agency_id: AgencyId,
    f: &Filter,
    after_id: i64,
    limit: i64,
) -> Result<Vec<Row>> {
    page(conn, agency_id, f, Start::AfterId(after_id), limit)
}

/// One page of an agency's contacts from `start` (newest first, or by record number for
/// `Start::AfterId`).
pub fn page(
    conn: &Connection,
    agency_id: AgencyId,
    f: &Filter,
    start: Start,
    limit: i64,
) -> Result<Vec<Row>> {
    let mut q = crate::store::Query::new(
        "SELECT id, started_at, channel, direction, duration_min, caller_type, caller_last2,
                language, area, trafficking_type, minor, outcomes, reported_to,
                CASE WHEN follow_up = 1 THEN follow_up_on END
         FROM contacts_shown c",
    );
    // An export walks the table in record-number order: "+" keeps the planner off the
    // agency's indexes (which would read every row, then sort).
    q.and(if start.by_id() { "+agency_id = ?" } else { "agency_id = ?" }, agency_id);
    if let Some(d) = f.from {
        q.and("started_at >= ?", day_start(d));
    }
    if let Some(d) = f.to.and_then(|d| d.tomorrow().ok()) {
        q.and("started_at < ?", day_start(d));
    }
    if let Some(ch) = &f.channel {
        q.and("channel = ?", ch.clone());
    }
    if let Some(o) = &f.outcome {
        q.and("EXISTS (SELECT 1 FROM json_each(c.outcomes) WHERE value = ?)", o.clone());
    }
    if let Some(d) = f.follow_up_due_by {
        q.and("follow_up = 1 AND follow_up_on <= ?", d.to_string());
    }
    let q = q.page_from("started_at", "id", start, limit);
    let (sql, values, reversed) = (q.sql, q.values, q.reversed);
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map(rusqlite::params_from_iter(values), |r| {
            Ok(Row {
                id: r.get(0)?,
                started_at: r.get(1)?,
                channel: r.get(2)?,
                direction: r.get(3)?,
                duration_min: r.get(4)?,
                caller_type: r.get(5)?,
                caller_last2: r.get(6)?,
                language: r.get(7)?,
                area: r.get(8)?,
                trafficking_type: r.get(9)?,
                minor: r.get(10)?,
                outcomes: list_of(&r.get::<_, String>(11)?),
                reported_to: list_of(&r.get::<_, String>(12)?),
                follow_up_on: r.get(13)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(if reversed { rows.into_iter().rev().collect() } else { rows })
}

/// An earlier contact from the same caller: what the hotline log shows of it, and the client
/// it is linked to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prior {
    pub id: ContactId,
    pub started_at: String,
    pub channel: String,
    pub caller_type: String,
    pub client_id: Option<ClientId>,
}

/// The contacts of the agency from the caller whose keyed hash is `hash`, leaving out `except`
/// (the contact being edited): how many, and the newest `limit` of them, newest first.
pub fn by_caller(
    conn: &Connection,
    agency_id: AgencyId,
    hash: &str,
    except: Option<ContactId>,
    limit: i64,
) -> Result<(i64, Vec<Prior>)> {
    let except = except.map_or(0, i64::from);
    let count: i64 = conn.query_row(
        "SELECT count(*) FROM contacts_shown WHERE agency_id = ?1 AND caller_hash = ?2 AND id <> ?3",
        params![agency_id, hash, except],
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, started_at, channel, caller_type, client_id FROM contacts_shown
         WHERE agency_id = ?1 AND caller_hash = ?2 AND id <> ?3
         ORDER BY started_at DESC, id DESC LIMIT ?4",
    )?;
    let rows = stmt
        .query_map(params![agency_id, hash, except, limit], |r| {
            Ok(Prior {
                id: r.get(0)?,
                started_at: r.get(1)?,
                channel: r.get(2)?,
                caller_type: r.get(3)?,
                client_id: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok((count, rows))
}
