//! The disclosure log: each time identifying data about a person left the agency. Referrals
//! carrying identity, transfers and exports for the person write their row as they happen; a
//! mandatory report recorded on a hotline contact or a screening writes one per recipient,
//! once, however often the record is saved again; a court order or other exception is logged
//! by hand. Whether and when the person was told is kept, and can be filled in later.

use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::ids::{AgencyId, ClientId, ContactId, UserId};
use crate::domain::time;
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::store::referrals::Subject;

/// The statute a mandatory report of a child is made under (New Mexico's duty to report).
pub const CHILD_REPORT_STATUTE: &str = "NMSA 1978, 32A-4-3";

/// What the log holds of a mandatory report: who the person is and what was said of them.
pub const REPORT_CARRIES: &[&str] = &["contact_details", "case_notes"];

/// A disclosure to record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct New {
    pub client: Option<ClientId>,
    pub contact: Option<ContactId>,
    pub kind: String,
    pub on: Date,
    pub recipient_kind: String,
    pub recipient: Option<String>,
    pub what: Vec<String>,
    /// release, statute, court_order or own_request.
    pub basis: String,
    pub release_id: Option<i64>,
    pub basis_detail: Option<String>,
    /// The record it came from (referral, transfer, contact, screening, export) and its id.
    pub source: Option<(&'static str, i64)>,
    pub told: String,
    pub told_on: Option<Date>,
}

/// Record a disclosure. A mandatory report's row is written once per record and recipient:
/// saving the record again writes nothing more (the result says whether a row was written).
pub fn insert(
    tx: &Transaction,
    agency_id: AgencyId,
    user_id: UserId,
    d: &New,
    now: Timestamp,
) -> Result<Option<i64>> {
    let what = serde_json::to_string(&d.what).unwrap_or_else(|_| "[]".into());
    let n = tx.execute(
        "INSERT OR IGNORE INTO disclosures (agency_id, client_id, contact_id, kind, disclosed_on,
             recipient_kind, recipient, what, basis, release_id, basis_detail, source, source_id,
             done_by, told, told_on, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        params![
            agency_id,
            d.client,
            d.contact,
            d.kind,
            d.on.to_string(),
            d.recipient_kind,
            d.recipient,
            what,
            d.basis,
            d.release_id,
            d.basis_detail,
            d.source.map(|s| s.0),
            d.source.map(|s| s.1),
            user_id,
            d.told,
            d.told_on.map(|d| d.to_string()),
            time::to_db(now)
        ],
    )?;
    Ok((n == 1).then(|| tx.last_insert_rowid()))
}

/// Whom a mandatory report went to, as the log counts them.
fn report_recipient(code: &str) -> &'static str {
    match code {
        "law_enforcement" => "law_enforcement",
        "cyfd" => "child_welfare",
        "tribal" => "tribal",
        _ => "other",
    }
}

/// The mandatory report recorded on a hotline contact or a screening (`source`), if one was
/// made: a row for each recipient, under the reporting statute, the person not yet told.
pub fn from_report(
    tx: &Transaction,
    agency_id: AgencyId,
    user_id: UserId,
    source: (&'static str, i64),
    now: Timestamp,
) -> Result<usize> {
    // `source.0` is "contact" or "screening", chosen by the caller, never input.
    let sql = match source.0 {
        "contact" => {
            "SELECT client_id, id, reported_to, reported_at FROM contacts_shown
             WHERE id = ?1 AND agency_id = ?2"
        }
        _ => {
            "SELECT client_id, contact_id, reported_to, reported_at FROM screenings
             WHERE id = ?1 AND agency_id = ?2 AND closed_at IS NOT NULL"
        }
    };
    let found: Option<(ClientOrContact, String, Option<String>)> = tx
        .query_row(sql, params![source.1, agency_id], |r| {
            Ok(((r.get(0)?, r.get(1)?), r.get(2)?, r.get(3)?))
        })
        .optional()?;
    let Some(((client, contact), to, Some(at))) = found else { return Ok(0) };
    let Some(at) = time::from_db(&at) else { return Ok(0) };
    let mut written = 0;
    for code in crate::store::list_from_json(&to) {
        let d = New {
            client,
            contact,
            kind: "mandatory_report".into(),
            on: time::local_day(at),
            recipient_kind: report_recipient(&code).into(),
            recipient: None,
            what: REPORT_CARRIES.iter().map(|s| s.to_string()).collect(),
            basis: "statute".into(),
            release_id: None,
            basis_detail: Some(CHILD_REPORT_STATUTE.into()),
            source: Some(source),
            told: "not_yet".into(),
            told_on: None,
        };
        written += insert(tx, agency_id, user_id, &d, now)?.map_or(0, |_| 1);
    }
    Ok(written)
}

/// A line of a person's disclosure log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub id: i64,
    pub kind: String,
    pub on: Date,
    pub recipient_kind: String,
    pub recipient: Option<String>,
    pub what: Vec<String>,
    pub basis: String,
    pub release_id: Option<i64>,
    pub basis_detail: Option<String>,
    pub by: String,
    pub told: String,
    pub told_on: Option<Date>,
}

/// A person's disclosures, newest first: a client's own and those of the hotline contacts
/// and screenings linked to them.
pub fn of(conn: &Connection, agency_id: AgencyId, subject: Subject) -> Result<Vec<Line>> {
    let (client, contact) = subject.ids();
    let mut stmt = conn.prepare_cached(
        "SELECT d.id, d.kind, d.disclosed_on, d.recipient_kind, d.recipient, d.what, d.basis,
                d.release_id, d.basis_detail, u.display_name, d.told, d.told_on
         FROM disclosures d JOIN users u ON u.id = d.done_by
         WHERE d.agency_id = ?1 AND (d.client_id = ?2 OR d.contact_id = ?3)
         ORDER BY d.disclosed_on DESC, d.id DESC",
    )?;
    let date = |s: String| s.parse::<Date>().unwrap_or_default();
    let rows = stmt
        .query_map(params![agency_id, client, contact], |r| {
            Ok(Line {
                id: r.get(0)?,
                kind: r.get(1)?,
                on: date(r.get(2)?),
                recipient_kind: r.get(3)?,
                recipient: r.get(4)?,
                what: serde_json::from_str(&r.get::<_, String>(5)?).unwrap_or_default(),
                basis: r.get(6)?,
                release_id: r.get(7)?,
                basis_detail: r.get(8)?,
                by: r.get(9)?,
                told: r.get(10)?,
                told_on: r.get::<_, Option<String>>(11)?.map(date),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Record that the person was told (on a day, not before the disclosure), or that telling them
/// is not safe.
pub fn set_told(
    tx: &Transaction,
    agency_id: AgencyId,
    id: i64,
    told: &str,
    on: Option<Date>,
) -> Result<ClientOrContact> {
    let found: Option<(String, Option<ClientId>, Option<ContactId>)> = tx
        .query_row(
            "SELECT disclosed_on, client_id, contact_id FROM disclosures
             WHERE id = ?1 AND agency_id = ?2",
            params![id, agency_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let (day, client, contact) = found.ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
    if on.is_some_and(|d| d.to_string() < day) {
        return Err(Error::user(Msg::ErrToldBeforeDisclosed));
    }
    tx.execute(
        "UPDATE disclosures SET told = ?1, told_on = ?2 WHERE id = ?3",
        params![told, if told == "yes" { on.map(|d| d.to_string()) } else { None }, id],
    )?;
    Ok((client, contact))
}

/// The client and the contact a disclosure is about.
pub type ClientOrContact = (Option<ClientId>, Option<ContactId>);

/// One count of the disclosure report: how many of a kind went to a kind of recipient (and,
/// in the agency's own view, to which recipient by name), and how many people were told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Count {
    pub kind: String,
    pub recipient_kind: String,
    /// None in the shared view, or when the row names no recipient in words.
    pub recipient: Option<String>,
    pub n: i64,
    pub told: i64,
    pub not_safe: i64,
}

/// The agency's disclosures from `from` to `to` (days, inclusive), counted by kind and
/// recipient kind, and by recipient's name unless `shared`.
pub fn counts(
    conn: &Connection,
    agency_id: Option<AgencyId>,
    from: Date,
    to: Date,
    shared: bool,
) -> Result<Vec<Count>> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, recipient_kind, CASE WHEN ?4 THEN NULL ELSE recipient END AS who, count(*),
                sum(told = 'yes'), sum(told = 'not_safe')
         FROM disclosures
         WHERE (?1 IS NULL OR agency_id = ?1) AND disclosed_on BETWEEN ?2 AND ?3
         GROUP BY kind, recipient_kind, who ORDER BY kind, recipient_kind, who",
    )?;
    let rows = stmt
        .query_map(params![agency_id, from.to_string(), to.to_string(), shared], |r| {
            Ok(Count {
                kind: r.get(0)?,
                recipient_kind: r.get(1)?,
                recipient: r.get(2)?,
                n: r.get(3)?,
                told: r.get(4)?,
                not_safe: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
