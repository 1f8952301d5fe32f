//! Clients and their case records: intake, status history, links, services, versioned case
//! notes and the timeline. Everything is per agency.

use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::client::{self, Client, ServiceEntry, StatusChange, initials_key, name_key};
use crate::domain::time;
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::store::{json_list as json, list_from_json as list_of};

pub fn insert(
    tx: &Transaction,
    agency_id: i64,
    user_id: i64,
    c: &Client,
    intake_on: Date,
    external_ref: Option<&str>,
    now: Timestamp,
) -> Result<i64> {
    let at = time::to_db(now);
    tx.execute(
        "INSERT INTO clients (agency_id, created_by, assigned_to, external_ref, chosen_name, name_key,
             initials_key, birth_date, age, age_range, legal_name, phone, address, gender, race,
             citizenship, disability, language, interpreter, area, trafficking_type, referral_source,
             danger, safety, needs, status, intake_on, last_activity, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
                 ?20, ?21, ?22, ?23, ?24, ?25, 'open', ?26, ?27, ?27, ?27)",
        params![
            agency_id, user_id, c.assigned_to, external_ref, c.chosen_name, name_key(&c.chosen_name),
            initials_key(&c.chosen_name), c.birth_date.map(|d| d.to_string()), c.age, c.age_range,
            c.legal_name, c.phone, c.address, c.gender, json(&c.race), c.citizenship, c.disability,
            c.language, c.interpreter, c.area, c.trafficking_type, c.referral_source, c.danger,
            json(&c.safety), json(&c.needs), intake_on.to_string(), at
        ],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute(
        "INSERT INTO client_status (client_id, status, on_date, changed_by, changed_at)
         VALUES (?1, 'open', ?2, ?3, ?4)",
        params![id, intake_on.to_string(), user_id, at],
    )?;
    Ok(id)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    pub id: i64,
    pub client: Client,
    pub status: String,
    pub intake_on: Date,
    pub edits: i64,
    /// Other records linked to this one as possibly the same person.
    pub links: Vec<i64>,
    pub assigned_name: Option<String>,
}

pub fn get(conn: &Connection, agency_id: i64, id: i64) -> Result<Option<Stored>> {
    let found = conn
        .query_row(
            "SELECT c.id, chosen_name, birth_date, age, age_range, legal_name, phone, address, gender,
                    race, citizenship, disability, language, interpreter, area, trafficking_type,
                    referral_source, danger, safety, needs, assigned_to, status, intake_on,
                    (SELECT count(*) FROM client_history h WHERE h.client_id = c.id), u.display_name
             FROM clients c LEFT JOIN users u ON u.id = c.assigned_to
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
                        danger: r.get(17)?,
                        safety: list_of(&r.get::<_, String>(18)?),
                        needs: list_of(&r.get::<_, String>(19)?),
                        assigned_to: r.get(20)?,
                    },
                    status: r.get(21)?,
                    intake_on: r.get::<_, String>(22)?.parse().unwrap_or_default(),
                    edits: r.get(23)?,
                    links: Vec::new(),
                    assigned_name: r.get(24)?,
                })
            },
        )
        .optional()?;
    let Some(mut s) = found else { return Ok(None) };
    let mut stmt = conn.prepare_cached(
        "SELECT CASE WHEN a = ?1 THEN b ELSE a END FROM client_links WHERE a = ?1 OR b = ?1 ORDER BY 1",
    )?;
    s.links = stmt.query_map(params![id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(Some(s))
}

/// Save an edit of the intake; the previous values go to the history. `keep_identity`: the
/// user's role does not see the legal name, phone and address, so the stored ones stay.
pub fn update(
    tx: &Transaction,
    agency_id: i64,
    id: i64,
    user_id: i64,
    c: &Client,
    keep_identity: bool,
    now: Timestamp,
) -> Result<()> {
    let before = get(tx, agency_id, id)?.ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
    let mut c = c.clone();
    if keep_identity {
        c.legal_name = before.client.legal_name.clone();
        c.phone = before.client.phone.clone();
        c.address = before.client.address.clone();
    }
    let previous = serde_json::to_string(&before.client.to_raw()).unwrap_or_else(|_| "{}".into());
    let at = time::to_db(now);
    tx.execute(
        "INSERT INTO client_history (client_id, changed_by, changed_at, previous) VALUES (?1, ?2, ?3, ?4)",
        params![id, user_id, at, previous],
    )?;
    tx.execute(
        "UPDATE clients SET assigned_to = ?1, chosen_name = ?2, name_key = ?3, initials_key = ?4,
             birth_date = ?5, age = ?6, age_range = ?7, legal_name = ?8, phone = ?9, address = ?10,
             gender = ?11, race = ?12, citizenship = ?13, disability = ?14, language = ?15,
             interpreter = ?16, area = ?17, trafficking_type = ?18, referral_source = ?19,
             danger = ?20, safety = ?21, needs = ?22, updated_at = ?23, last_activity = ?23
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
            agency_id
        ],
    )?;
    Ok(())
}

fn owned(tx: &Connection, agency_id: i64, id: i64) -> Result<()> {
    let ok: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM clients WHERE id = ?1 AND agency_id = ?2)",
        params![id, agency_id],
        |r| r.get(0),
    )?;
    if ok { Ok(()) } else { Err(Error::user(Msg::ErrNoSuchRecord)) }
}

pub fn touch(tx: &Transaction, id: i64, now: Timestamp) -> Result<()> {
    tx.execute(
        "UPDATE clients SET last_activity = ?1 WHERE id = ?2",
        params![time::to_db(now), id],
    )?;
    Ok(())
}

/// Open, put on hold, close (with a reason) or reopen; every change is kept.
pub fn set_status(
    tx: &Transaction,
    agency_id: i64,
    id: i64,
    user_id: i64,
    change: &StatusChange,
    now: Timestamp,
) -> Result<()> {
    let (status, reason, on) = (change.status.as_str(), change.reason.as_deref(), change.on);
    owned(tx, agency_id, id)?;
    tx.execute("UPDATE clients SET status = ?1 WHERE id = ?2", params![status, id])?;
    tx.execute(
        "INSERT INTO client_status (client_id, status, reason, on_date, changed_by, changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, status, reason, on.to_string(), user_id, time::to_db(now)],
    )?;
    touch(tx, id, now)
}

pub fn link(
    tx: &Transaction,
    agency_id: i64,
    x: i64,
    y: i64,
    user_id: i64,
    now: Timestamp,
) -> Result<()> {
    owned(tx, agency_id, x)?;
    owned(tx, agency_id, y)?;
    if x == y {
        return Ok(());
    }
    tx.execute(
        "INSERT OR IGNORE INTO client_links (a, b, linked_by, linked_at) VALUES (?1, ?2, ?3, ?4)",
        params![x.min(y), x.max(y), user_id, time::to_db(now)],
    )?;
    Ok(())
}

/// A row of the client list. Never a legal name.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Row {
    pub id: i64,
    pub chosen_name: String,
    pub status: String,
    pub age: Option<i64>,
    pub age_range: Option<String>,
    pub birth_date: Option<String>,
    pub intake_on: String,
    pub last_activity: String,
    pub assigned: Option<String>,
    pub danger: bool,
}

fn row(r: &rusqlite::Row) -> rusqlite::Result<Row> {
    Ok(Row {
        id: r.get(0)?,
        chosen_name: r.get(1)?,
        status: r.get(2)?,
        age: r.get(3)?,
        age_range: r.get(4)?,
        birth_date: r.get(5)?,
        intake_on: r.get(6)?,
        last_activity: r.get(7)?,
        assigned: r.get(8)?,
        danger: r.get::<_, String>(9)? == "yes",
    })
}

const ROW_COLUMNS: &str =
    "c.id, c.chosen_name, c.status, c.age, c.age_range, c.birth_date, c.intake_on,
    c.last_activity, u.display_name, c.danger";

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub status: Option<String>,
    pub assigned_to: Option<i64>,
    /// A chosen name (or its start), initials, or a record number (with or without '#').
    pub search: Option<String>,
}

fn like_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// One page of an agency's clients, most recently active first.
pub fn list(
    conn: &Connection,
    agency_id: i64,
    f: &Filter,
    offset: i64,
    limit: i64,
) -> Result<Vec<Row>> {
    let search = f.search.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let number = search.and_then(|s| s.trim_start_matches('#').parse::<i64>().ok());
    let key = search.map(name_key);
    let prefix = key.as_deref().map(|k| format!("{}%", like_escape(k)));
    let inner = key.as_deref().map(|k| format!("% {}%", like_escape(k)));
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ROW_COLUMNS} FROM clients c LEFT JOIN users u ON u.id = c.assigned_to
         WHERE c.agency_id = ?1
           AND (?2 IS NULL OR c.status = ?2) AND (?3 IS NULL OR c.assigned_to = ?3)
           AND (?4 IS NULL OR c.id = ?5 OR c.name_key LIKE ?6 ESCAPE '\\'
                OR c.name_key LIKE ?7 ESCAPE '\\' OR c.initials_key = ?4)
         ORDER BY c.last_activity DESC, c.id DESC LIMIT ?8 OFFSET ?9"
    ))?;
    let rows = stmt
        .query_map(
            params![agency_id, f.status, f.assigned_to, key, number, prefix, inner, limit, offset],
            row,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Likely duplicates of a new client in the same agency: a similar chosen name or the same
/// initials (accents and case ignored), with the same birth date or age.
pub fn duplicates(conn: &Connection, agency_id: i64, c: &Client, today: Date) -> Result<Vec<Row>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ROW_COLUMNS} FROM clients c LEFT JOIN users u ON u.id = c.assigned_to
                  WHERE c.id IN (SELECT id FROM clients WHERE agency_id = ?1 AND name_key = ?2
                        UNION SELECT id FROM clients WHERE agency_id = ?1 AND initials_key = ?3)
         ORDER BY c.last_activity DESC LIMIT 50"
    ))?;
    let candidates = stmt
        .query_map(params![agency_id, name_key(&c.chosen_name), initials_key(&c.chosen_name)], row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let new_age = c.age_on(today);
    Ok(candidates
        .into_iter()
        .filter(|r| {
            let born: Option<Date> = r.birth_date.as_deref().and_then(|d| d.parse().ok());
            if let (Some(a), Some(b)) = (born, c.birth_date) {
                return a == b;
            }
            let intake: Option<Date> = r.intake_on.parse().ok();
            let their_age = match born {
                Some(b) => Some(Client { birth_date: Some(b), ..Default::default() }.age_on(today))
                    .flatten(),
                None => r.age.zip(intake).map(|(a, i)| a + (today.year() - i.year()) as i64),
            };
            matches!((their_age, new_age), (Some(x), Some(y)) if (x - y).abs() <= 1)
        })
        .collect())
}

pub fn add_service(
    tx: &Transaction,
    agency_id: i64,
    client_id: i64,
    staff_id: i64,
    s: &ServiceEntry,
    now: Timestamp,
) -> Result<i64> {
    let (service_type, on, minutes, notes) =
        (s.service_type.as_str(), s.delivered_on, s.minutes, s.notes.as_str());
    owned(tx, agency_id, client_id)?;
    tx.execute(
        "INSERT INTO services (client_id, agency_id, service_type, voca_family, delivered_on, staff_id,
             minutes, notes, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![client_id, agency_id, service_type, client::voca_family(service_type), on.to_string(),
                staff_id, minutes, notes, time::to_db(now)],
    )?;
    let id = tx.last_insert_rowid();
    touch(tx, client_id, now)?;
    Ok(id)
}

pub fn add_note(
    tx: &Transaction,
    agency_id: i64,
    client_id: i64,
    user_id: i64,
    body: &str,
    now: Timestamp,
) -> Result<i64> {
    owned(tx, agency_id, client_id)?;
    let at = time::to_db(now);
    tx.execute(
        "INSERT INTO case_notes (client_id, agency_id, created_by, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![client_id, agency_id, user_id, at],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute(
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
    agency_id: i64,
    note_id: i64,
    user_id: i64,
    body: &str,
    now: Timestamp,
) -> Result<i64> {
    let client_id: i64 = tx
        .query_row(
            "SELECT client_id FROM case_notes WHERE id = ?1 AND agency_id = ?2",
            params![note_id, agency_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
    tx.execute(
        "INSERT INTO case_note_versions (note_id, version, body, written_by, written_at)
         SELECT ?1, max(version) + 1, ?2, ?3, ?4 FROM case_note_versions WHERE note_id = ?1",
        params![note_id, body, user_id, time::to_db(now)],
    )?;
    touch(tx, client_id, now)?;
    Ok(tx.query_row(
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
pub fn note_versions(conn: &Connection, agency_id: i64, note_id: i64) -> Result<Vec<NoteVersion>> {
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
    /// status, service, note or contact.
    pub kind: String,
    pub ref_id: i64,
    pub a: String,
    pub b: String,
    pub by: Option<String>,
}

/// The case's events, newest first, a page at a time.
pub fn timeline(
    conn: &Connection,
    agency_id: i64,
    client_id: i64,
    offset: i64,
    limit: i64,
) -> Result<Vec<Event>> {
    owned(conn, agency_id, client_id)?;
    let mut stmt = conn.prepare_cached(
                "SELECT at, kind, ref_id, a, b, by FROM (
             SELECT s.changed_at AS at, s.changed_at AS sort, 'status' AS kind, s.id AS ref_id,
                    s.status AS a, coalesce(s.reason, '') AS b, u.display_name AS by
               FROM client_status s JOIN users u ON u.id = s.changed_by WHERE s.client_id = ?1
             UNION ALL
             SELECT v.delivered_on, v.delivered_on || 'T23:59:59Z', 'service', v.id, v.service_type,
                    coalesce(v.minutes, ''), u.display_name
               FROM services v JOIN users u ON u.id = v.staff_id WHERE v.client_id = ?1
             UNION ALL
             SELECT n.created_at, n.created_at, 'note', n.id,
                    (SELECT body FROM case_note_versions x WHERE x.note_id = n.id ORDER BY version DESC LIMIT 1),
                    (SELECT max(version) FROM case_note_versions x WHERE x.note_id = n.id), u.display_name
               FROM case_notes n JOIN users u ON u.id = n.created_by WHERE n.client_id = ?1
             UNION ALL
                                       SELECT c.started_at, c.started_at, 'contact', c.id, c.channel, c.caller_type, u.display_name
               FROM contacts c JOIN users u ON u.id = c.created_by WHERE c.client_id = ?1
             UNION ALL
                          SELECT s.started_at, s.started_at, 'screening', s.id, t.tool_id || ' ' || t.version,
                    CASE WHEN s.closed_at IS NULL THEN 'in_progress'
                         ELSE coalesce(s.level, s.completeness) END, u.display_name
               FROM screenings s JOIN screening_tools t ON t.id = s.tool
                    JOIN users u ON u.id = s.screened_by WHERE s.client_id = ?1
             UNION ALL
             SELECT r.referred_on, r.created_at, 'referral', r.id, d.name, r.status, u.display_name
               FROM referrals r JOIN dir_services d ON d.id = r.service_id
                    JOIN users u ON u.id = r.referred_by WHERE r.client_id = ?1
             UNION ALL
             SELECT p.paid_on, p.requested_at, 'payment', p.id, p.category, p.status || ' ' || p.amount_cents,
                    u.display_name
               FROM payments p JOIN users u ON u.id = p.requested_by WHERE p.client_id = ?1
                  ) ORDER BY sort DESC, kind <> 'status' DESC, ref_id DESC LIMIT ?2 OFFSET ?3",
    )?;
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

/// Link a hotline contact of the agency to one of its clients.
pub fn link_contact(
    tx: &Transaction,
    agency_id: i64,
    contact_id: i64,
    client_id: i64,
    now: Timestamp,
) -> Result<()> {
    owned(tx, agency_id, client_id)?;
    let n = tx.execute(
        "UPDATE contacts SET client_id = ?1 WHERE id = ?2 AND agency_id = ?3",
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
    agency_id: i64,
    external_ref: &str,
) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM clients WHERE agency_id = ?1 AND external_ref = ?2",
            params![agency_id, external_ref],
            |r| r.get(0),
        )
        .optional()?)
}

/// Staff of an agency a client may be assigned to.
pub fn staff_of(conn: &Connection, agency_id: i64) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, display_name FROM users WHERE agency_id = ?1 AND disabled = 0
         ORDER BY display_name LIMIT 500",
    )?;
    let rows = stmt
        .query_map(params![agency_id], |r| Ok((r.get::<_, i64>(0)?.to_string(), r.get(1)?)))?
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

pub fn service(conn: &Connection, agency_id: i64, id: i64) -> Result<Option<ServiceView>> {
    Ok(conn
        .query_row(
            "SELECT s.service_type, s.voca_family, s.delivered_on, s.minutes, u.display_name, s.notes
             FROM services s JOIN users u ON u.id = s.staff_id WHERE s.id = ?1 AND s.agency_id = ?2",
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

/// A record that belongs to a client, for finding that client.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OfClient {
    Service,
    Payment,
}

/// The client a service or a payment of the agency belongs to (None: no such record here).
pub fn client_of(conn: &Connection, agency_id: i64, of: OfClient, id: i64) -> Result<Option<i64>> {
    let sql = match of {
        OfClient::Service => {
            "SELECT s.client_id FROM services s JOIN clients c ON c.id = s.client_id
             WHERE s.id = ?1 AND c.agency_id = ?2"
        }
        OfClient::Payment => {
            "SELECT p.client_id FROM payments p JOIN clients c ON c.id = p.client_id
             WHERE p.id = ?1 AND c.agency_id = ?2"
        }
    };
    Ok(conn.query_row(sql, params![id, agency_id], |r| r.get(0)).optional()?)
}
