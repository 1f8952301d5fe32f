//! Screening tools as used, screenings and their answers. Tool versions and answers are never
//! changed in place: a screening is always scored with the exact tool it was done with, and an
//! answer changed later keeps the earlier one.

use std::collections::HashMap;

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::ids::{AgencyId, ClientId, ContactId, ScreeningId, UserId};
use crate::domain::screening::{self, Answer, Outcome, Status, Tool};
use crate::domain::time;
use crate::error::{Error, Result};
use crate::i18n::Msg;

/// The stored row of a tool version, adding it the first time it is used or imported.
pub fn ensure_tool(
    tx: &Transaction,
    definition: &str,
    shipped: bool,
    user: Option<UserId>,
    now: Timestamp,
) -> Result<i64> {
    let tool = screening::check(definition).map_err(|_| Error::user(Msg::ErrToolInvalid))?;
    let existing: Option<(i64, String)> = tx
        .query_row(
            "SELECT id, definition FROM screening_tools WHERE tool_id = ?1 AND version = ?2",
            params![tool.id, tool.version],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match existing {
        Some((id, text)) if text == definition => Ok(id),
        Some(_) => {
            Err(Error::user_with(Msg::ErrToolVersionTaken, &[&tool.id, &tool.version.to_string()]))
        }
        None => {
            tx.execute(
                "INSERT INTO screening_tools (tool_id, version, definition, shipped, added_by, added_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![tool.id, tool.version, definition, shipped, user, time::to_db(now)],
            )?;
            Ok(tx.last_insert_rowid())
        }
    }
}

/// A stored tool version, parsed.
pub fn tool(conn: &Connection, row_id: i64) -> Result<Tool> {
    let text: String = conn
        .query_row("SELECT definition FROM screening_tools WHERE id = ?1", params![row_id], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
    screening::check(&text).map_err(|_| Error::user(Msg::ErrToolInvalid))
}

/// The tools on offer: the newest version of each, shipped or imported.
pub fn available(conn: &Connection) -> Result<Vec<(String, i64, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.tool_id, t.version, t.definition FROM screening_tools t
         WHERE t.version = (SELECT max(version) FROM screening_tools x WHERE x.tool_id = t.tool_id)
         ORDER BY t.tool_id",
    )?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Who the screening is about, and what the consent step recorded.
pub struct Start<'a> {
    pub client_id: Option<ClientId>,
    pub contact_id: Option<ContactId>,
    pub tool_row: i64,
    pub language: &'a str,
    pub interpreter: &'a str,
    pub minor: &'a str,
}

pub fn start(
    tx: &Transaction,
    agency_id: AgencyId,
    user_id: UserId,
    s: &Start,
    now: Timestamp,
) -> Result<ScreeningId> {
    if let Some(client) = s.client_id {
        crate::store::clients::writable(tx, agency_id, client)?;
    }
    tx.execute(
        "INSERT INTO screenings (agency_id, client_id, contact_id, tool, screened_by, confidentiality,
             language, interpreter, minor, started_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7, ?8, ?9)",
        params![agency_id, s.client_id, s.contact_id, s.tool_row, user_id, s.language, s.interpreter, s.minor,
                time::to_db(now)],
    )?;
    Ok(ScreeningId(tx.last_insert_rowid()))
}

fn owned_open(tx: &Connection, agency_id: AgencyId, id: ScreeningId) -> Result<()> {
    let closed: Option<Option<String>> = tx
        .query_row(
            "SELECT closed_at FROM screenings WHERE id = ?1 AND agency_id = ?2",
            params![id, agency_id],
            |r| r.get(0),
        )
        .optional()?;
    match closed {
        None => Err(Error::user(Msg::ErrNoSuchRecord)),
        Some(Some(_)) => Err(Error::user(Msg::ErrScreeningClosed)),
        Some(None) => Ok(()),
    }
}

/// An answer as given: to which item, what, from where, with what note.
#[derive(Clone, Copy, Debug)]
pub struct Given<'a> {
    pub item: &'a str,
    pub answer: Answer,
    /// said, observed or records.
    pub source: &'a str,
    pub note: Option<&'a str>,
}

/// Record an answer (an earlier answer to the same item stays in the history).
pub fn answer(
    tx: &Transaction,
    agency_id: AgencyId,
    id: ScreeningId,
    g: &Given,
    user_id: UserId,
    now: Timestamp,
) -> Result<()> {
    owned_open(tx, agency_id, id)?;
    tx.execute(
        "INSERT INTO screening_answers (screening_id, item, answer, source, note, answered_by, answered_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![id, g.item, g.answer.id(), g.source, g.note, user_id, time::to_db(now)],
    )?;
    Ok(())
}

/// The answer now of every item answered.
pub fn answers(conn: &Connection, id: ScreeningId) -> Result<HashMap<String, Answer>> {
    let mut stmt = conn.prepare_cached(
        "SELECT item, answer FROM screening_answers a
         WHERE screening_id = ?1 AND id = (SELECT max(id) FROM screening_answers b
                                          WHERE b.screening_id = a.screening_id AND b.item = a.item)",
    )?;
    let rows = stmt
        .query_map(params![id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .filter_map(|r| r.ok())
        .filter_map(|(item, a)| Answer::parse(&a).map(|a| (item, a)))
        .collect();
    Ok(rows)
}

/// A screening as its row says: which tool version, whether it is closed, and who it is about.
pub struct Header {
    pub tool_row: i64,
    pub closed: bool,
    pub minor: String,
    pub client_id: Option<ClientId>,
    pub contact_id: Option<ContactId>,
    pub language: String,
}

/// A screening of the agency (None: there is none by that number there).
pub fn header(conn: &Connection, agency_id: AgencyId, id: ScreeningId) -> Result<Option<Header>> {
    Ok(conn
        .query_row(
            "SELECT tool, closed_at, minor, client_id, contact_id, language FROM screenings
             WHERE id = ?1 AND agency_id = ?2",
            params![id, agency_id],
            |r| {
                Ok(Header {
                    tool_row: r.get(0)?,
                    closed: r.get::<_, Option<String>>(1)?.is_some(),
                    minor: r.get(2)?,
                    client_id: r.get(3)?,
                    contact_id: r.get(4)?,
                    language: r.get(5)?,
                })
            },
        )
        .optional()?)
}

/// The client's ten most recent other screenings in the agency, newest first.
pub fn recent_of_client(
    conn: &Connection,
    agency_id: AgencyId,
    client_id: ClientId,
    except: ScreeningId,
) -> Result<Vec<ScreeningId>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM screenings WHERE client_id = ?1 AND agency_id = ?2 AND id <> ?3
         ORDER BY started_at DESC, id DESC LIMIT 10",
    )?;
    let ids = stmt
        .query_map(params![client_id, agency_id, except], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// Every answer an item has had, oldest first.
pub fn history(conn: &Connection, id: ScreeningId, item: &str) -> Result<Vec<Answer>> {
    let mut stmt = conn.prepare_cached(
        "SELECT answer FROM screening_answers WHERE screening_id = ?1 AND item = ?2 ORDER BY id",
    )?;
    let rows = stmt
        .query_map(params![id, item], |r| r.get::<_, String>(0))?
        .filter_map(|r| r.ok())
        .filter_map(|a| Answer::parse(&a))
        .collect();
    Ok(rows)
}

/// The report a minor's positive result needs before the screening closes.
pub use crate::domain::reporting::Report;

/// Close a screening with its outcome, scored from its own tool version. A minor with
/// indicators (any tool, any positive level) cannot be closed without the report (who, when)
/// or the reason it was not made: `domain::reporting` decides.
pub fn close(
    tx: &Transaction,
    agency_id: AgencyId,
    id: ScreeningId,
    report: &Report,
    now: Timestamp,
) -> Result<Outcome> {
    owned_open(tx, agency_id, id)?;
    let (tool_row, minor): (i64, String) =
        tx.query_row("SELECT tool, minor FROM screenings WHERE id = ?1", params![id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let tool = tool(tx, tool_row)?;
    let outcome = tool.score(&answers(tx, id)?);
    if crate::domain::reporting::missing(&minor, tool.indicators(&outcome), report) {
        return Err(Error::user(Msg::ErrReportRequired));
    }
    let result = Status::of(&tool, &outcome);
    let completeness = match outcome.completeness {
        screening::Completeness::Complete => "complete",
        screening::Completeness::Incomplete => "incomplete",
        screening::Completeness::IndicatorsIncomplete => "indicators_incomplete",
    };
    tx.execute(
        "UPDATE screenings SET closed_at = ?1, completeness = ?2, level = ?3, reported_to = ?4,
             reported_at = ?5, not_reported_reason = ?6, result = ?7
         WHERE id = ?8",
        params![
            time::to_db(now),
            completeness,
            outcome.level,
            crate::store::json_list(&report.reported_to),
            report.reported_at.map(time::to_db),
            report.not_reported_reason,
            result.id(),
            id
        ],
    )?;
    Ok(outcome)
}

/// Closed screenings with no result yet (closed at an imported tool's level before results
/// were kept): each is settled from its own tool version and the level it reached.
pub fn settle_results(tx: &Transaction) -> Result<()> {
    let mut stmt = tx.prepare(
        "SELECT s.id, s.tool, s.level, s.completeness FROM screenings s
         WHERE s.closed_at IS NOT NULL AND s.result IS NULL",
    )?;
    let open: Vec<(ScreeningId, i64, Option<String>, Option<String>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, tool_row, level, completeness) in open {
        let tool = tool(tx, tool_row)?;
        let positive = level.as_deref().and_then(|l| tool.level(l)).is_some_and(|l| l.positive);
        let result = match (positive, completeness.as_deref()) {
            (true, _) => Status::Indicators,
            (false, Some("complete")) => Status::NoIndicators,
            _ => Status::Incomplete,
        };
        tx.execute("UPDATE screenings SET result = ?1 WHERE id = ?2", params![result.id(), id])?;
    }
    Ok(())
}

/// Record the shipped tools' current versions (once each; earlier versions stay).
pub fn ensure_shipped(tx: &Transaction, now: Timestamp) -> Result<()> {
    for text in screening::SHIPPED {
        ensure_tool(tx, text, true, None, now)?;
    }
    Ok(())
}

/// Where a report about the same person was already recorded: a hotline contact (the one
/// screened, or one linked to the client) or an earlier closed screening of the client.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReportSource {
    Contact(ContactId),
    Screening(ScreeningId),
}

/// The newest report already made about this person (to whom and when; a reason for not
/// reporting is never carried over: new indicators may call for the report now).
pub fn earlier_report(
    conn: &Connection,
    agency_id: AgencyId,
    client_id: Option<ClientId>,
    contact_id: Option<ContactId>,
) -> Result<Option<(ReportSource, Report)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, id, reported_to, reported_at FROM (
             SELECT 'contact' AS kind, id, reported_to, reported_at FROM contacts_shown
             WHERE agency_id = ?1 AND (id = ?2 OR client_id = ?3)
               AND reported_to <> '[]' AND reported_at IS NOT NULL
             UNION ALL
             SELECT 'screening', id, reported_to, reported_at FROM screenings
             WHERE agency_id = ?1 AND client_id = ?3 AND closed_at IS NOT NULL
               AND reported_to <> '[]' AND reported_at IS NOT NULL)
         ORDER BY reported_at DESC, id DESC LIMIT 1",
    )?;
    let found = stmt
        .query_row(params![agency_id, contact_id, client_id], |r| {
            let kind: String = r.get(0)?;
            let id: i64 = r.get(1)?;
            let to: String = r.get(2)?;
            let at: Option<String> = r.get(3)?;
            Ok((kind, id, to, at))
        })
        .optional()?;
    Ok(found.map(|(kind, id, to, at)| {
        let source = if kind == "contact" {
            ReportSource::Contact(ContactId(id))
        } else {
            ReportSource::Screening(ScreeningId(id))
        };
        let report = Report {
            reported_to: serde_json::from_str(&to).unwrap_or_default(),
            reported_at: at.as_deref().and_then(time::from_db),
            not_reported_reason: None,
        };
        (source, report)
    }))
}

/// A screening's status as a query names it (`in_progress` while open, else its result); a
/// word no status has is an error, never a status shown wrong.
impl rusqlite::types::FromSql for Status {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        Status::parse(value.as_str()?).ok_or(rusqlite::types::FromSqlError::InvalidType)
    }
}
