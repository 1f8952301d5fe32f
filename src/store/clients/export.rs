//! Everything an agency holds about one client, for the person who asks what is held about
//! them: the record and every earlier version of it, the case's statuses, services, case notes
//! with every version, linked hotline contacts, screenings with every answer, referrals with
//! their statuses, and payments. Read as rows of (column, value), each section by one query.

use rusqlite::types::Value;
use rusqlite::{Connection, params};

use crate::domain::ids::{AgencyId, ClientId};
use crate::error::Result;

/// One section: its key and its rows, each a list of (column, value) in the query's order.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub key: &'static str,
    pub rows: Vec<Vec<(String, Value)>>,
}

/// The record itself, only within the agency that holds it.
const RECORD: &str =
    "SELECT id AS record, chosen_name, legal_name, birth_date, age, age_range, phone,
        address, gender, race, citizenship, disability, language, interpreter, area,
        trafficking_type, referral_source, family_served, danger, safety, needs, victimizations,
        classifications, status, intake_on, external_ref, created_at AS entered
     FROM clients_shown WHERE id = ?1 AND agency_id = ?2";

/// The other sections; each reads only what belongs to the client `?1`.
const SECTIONS: &[(&str, &str)] = &[
    (
        "versions",
        "SELECT h.changed_at AS at, u.display_name AS who, h.previous AS previous
         FROM client_history h JOIN users u ON u.id = h.changed_by
         WHERE h.client_id = ?1 ORDER BY h.id",
    ),
    (
        "status",
        "SELECT s.on_date AS day, s.status, s.closure_reason, s.living_situation, s.reason,
                u.display_name AS who
         FROM client_status s JOIN users u ON u.id = s.changed_by
         WHERE s.client_id = ?1 ORDER BY s.id",
    ),
    (
        "relief",
        "SELECT r.on_date AS \"on\", r.kind, u.display_name AS who
         FROM client_relief r JOIN users u ON u.id = r.recorded_by
         WHERE r.client_id = ?1 ORDER BY r.on_date, r.id",
    ),
    (
        "releases",
        "SELECT r.signed_on, r.recipient_kind, r.recipient,
                (SELECT group_concat(value, ';') FROM json_each(r.scope)) AS scope, r.purpose, r.method,
                r.witness, r.explained_in, r.expires_on, r.revoked_on, r.revoked_how,
                u.display_name AS who
         FROM releases r JOIN users u ON u.id = r.recorded_by
         WHERE r.client_id = ?1 ORDER BY r.signed_on, r.id",
    ),
    (
        "services",
        "SELECT v.delivered_on, v.service_type, v.minutes, v.notes, u.display_name AS who
         FROM services_shown v JOIN users u ON u.id = v.staff_id
         WHERE v.client_id = ?1 ORDER BY v.delivered_on, v.id",
    ),
    (
        "notes",
        "SELECT n.id AS note, v.version, v.written_at AS at, u.display_name AS who, v.body
         FROM case_note_versions v JOIN case_notes n ON n.id = v.note_id
              JOIN users u ON u.id = v.written_by
         WHERE n.client_id = ?1 ORDER BY n.id, v.version",
    ),
    (
        "contacts",
        "SELECT id AS record, started_at, channel, direction, duration_min, caller_type, language,
                interpreter, area, topics, minor, outcomes, reported_to, reported_at,
                not_reported_reason, notes
         FROM contacts_shown WHERE client_id = ?1 ORDER BY started_at, id",
    ),
    (
        "screenings",
        "SELECT s.id AS record, t.tool_id AS tool, s.started_at AS started, s.closed_at AS closed,
                s.level, s.result, s.reported_to, s.reported_at, s.not_reported_reason
         FROM screenings s JOIN screening_tools t ON t.id = s.tool
         WHERE s.client_id = ?1 ORDER BY s.id",
    ),
    (
        "answers",
        "SELECT a.screening_id AS record, a.item, a.answer, a.source, a.note AS comment,
                a.answered_at AS at
         FROM screening_answers a JOIN screenings s ON s.id = a.screening_id
         WHERE s.client_id = ?1 ORDER BY a.screening_id, a.id",
    ),
    (
        "referrals",
        "SELECT r.id AS record, r.referred_on, d.name AS service, r.reason,
                r.release_id AS release, (SELECT group_concat(value, ';') FROM json_each(r.carries))
                AS share, r.status
         FROM referrals r JOIN dir_services d ON d.id = r.service_id
         WHERE r.client_id = ?1 ORDER BY r.id",
    ),
    (
        "referral_status",
        "SELECT r.id AS record, s.on_date AS day, s.status, s.reason
         FROM referral_status s JOIN referrals r ON r.id = s.referral_id
         WHERE r.client_id = ?1 ORDER BY s.id",
    ),
    (
        "payments",
        "SELECT p.id AS record, f.name AS fund, p.category, p.amount_cents AS amount, p.paid_on,
                p.payee, p.purpose, p.status, p.void_reason AS reason
         FROM payments_shown p JOIN funds f ON f.id = p.fund_id
         WHERE p.client_id = ?1 ORDER BY p.id",
    ),
];

fn rows(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<Vec<(String, Value)>>> {
    let mut stmt = conn.prepare(sql)?;
    let names: Vec<String> = stmt.column_names().map(str::to_string).collect();
    let mut out = Vec::new();
    let mut found = stmt.query(params)?;
    while let Some(r) = found.next()? {
        let mut row = Vec::with_capacity(names.len());
        for (i, name) in names.iter().enumerate() {
            row.push((name.clone(), r.get::<_, Value>(i)?));
        }
        out.push(row);
    }
    Ok(out)
}

/// Every section about client `id` of `agency_id`; None when the agency holds no such client.
pub fn gather(
    conn: &Connection,
    agency_id: AgencyId,
    id: ClientId,
) -> Result<Option<Vec<Section>>> {
    let record = rows(conn, RECORD, params![id, agency_id])?;
    if record.is_empty() {
        return Ok(None);
    }
    let mut out = vec![Section { key: "record", rows: record }];
    for (key, sql) in SECTIONS {
        out.push(Section { key, rows: rows(conn, sql, params![id])? });
    }
    Ok(Some(out))
}

/// Every section's columns, as the queries name them (for the export's labels to be checked).
pub fn columns(conn: &Connection) -> Result<Vec<(&'static str, Vec<String>)>> {
    let mut out =
        vec![("record", conn.prepare(RECORD)?.column_names().map(str::to_string).collect())];
    for (key, sql) in SECTIONS {
        out.push((*key, conn.prepare(sql)?.column_names().map(str::to_string).collect()));
    }
    Ok(out)
}
