//! The append-only, hash-chained audit log. A row records who did what kind of thing to which
//! record, from where, and how it ended; never the content of a record.

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use sha2::{Digest, Sha256};

use crate::domain::ids::{SessionId, UserId};
use crate::domain::time;
use crate::error::Result;

pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One event to record. `event` and `outcome` are fixed identifiers from the code, never text
/// typed by a user.
#[derive(Clone, Debug, Default)]
pub struct Event<'a> {
    pub user_id: Option<UserId>,
    pub session_id: Option<SessionId>,
    pub event: &'a str,
    pub record_id: Option<String>,
    pub outcome: &'a str,
}

impl<'a> Event<'a> {
    pub fn new(event: &'a str, outcome: &'a str) -> Self {
        Event { event, outcome, ..Default::default() }
    }
    pub fn by(mut self, user_id: Option<UserId>, session_id: Option<SessionId>) -> Self {
        self.user_id = user_id;
        self.session_id = session_id;
        self
    }
    pub fn record(mut self, id: impl ToString) -> Self {
        self.record_id = Some(id.to_string());
        self
    }
}

/// The fields of a row as hashed: each length-prefixed so that no two rows encode alike.
#[allow(clippy::too_many_arguments)]
fn row_hash(
    prev: &str,
    id: i64,
    at: &str,
    user_id: Option<i64>,
    session_id: Option<i64>,
    source: &str,
    event: &str,
    record_id: Option<&str>,
    outcome: &str,
) -> String {
    let mut h = Sha256::new();
    let opt = |v: Option<i64>| v.map(|x| x.to_string()).unwrap_or_default();
    for field in [
        prev,
        &id.to_string(),
        at,
        &opt(user_id),
        &opt(session_id),
        source,
        event,
        record_id.unwrap_or("\u{0}"),
        outcome,
    ] {
        h.update((field.len() as u64).to_be_bytes());
        h.update(field.as_bytes());
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Append one row inside the caller's write transaction.
pub fn append(tx: &Transaction, source: &str, ev: &Event) -> Result<i64> {
    let last: Option<(i64, String)> = tx
        .query_row("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let (id, prev) = match last {
        Some((id, hash)) => (id + 1, hash),
        None => (1, GENESIS.to_string()),
    };
    let at = time::to_db(jiff::Timestamp::now());
    let hash = row_hash(
        &prev,
        id,
        &at,
        ev.user_id.map(i64::from),
        ev.session_id.map(i64::from),
        source,
        ev.event,
        ev.record_id.as_deref(),
        ev.outcome,
    );
    tx.execute(
        "INSERT INTO audit_log (id, at, user_id, session_id, source, event, record_id, outcome,
                                prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            id,
            at,
            ev.user_id,
            ev.session_id,
            source,
            ev.event,
            ev.record_id,
            ev.outcome,
            prev,
            hash
        ],
    )?;
    Ok(id)
}

/// Walk the chain in order; the id of the first row whose hash or link does not hold.
pub fn first_broken(conn: &Connection) -> Result<Option<i64>> {
    let mut stmt = conn.prepare(
        "SELECT id, at, user_id, session_id, source, event, record_id, outcome, prev_hash, hash
         FROM audit_log ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    let mut expected_prev = GENESIS.to_string();
    let mut expected_id = 1i64;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let prev: String = r.get(8)?;
        let hash: String = r.get(9)?;
        let computed = row_hash(
            &prev,
            id,
            &r.get::<_, String>(1)?,
            r.get(2)?,
            r.get(3)?,
            &r.get::<_, String>(4)?,
            &r.get::<_, String>(5)?,
            r.get::<_, Option<String>>(6)?.as_deref(),
            &r.get::<_, String>(7)?,
        );
        if id != expected_id || prev != expected_prev || computed != hash {
            return Ok(Some(id));
        }
        expected_prev = hash;
        expected_id = id + 1;
    }
    Ok(None)
}

/// A row as an administrator reads it (no record content is ever in it).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Row {
    pub id: i64,
    pub at: String,
    pub user_id: Option<UserId>,
    pub session_id: Option<SessionId>,
    pub source: String,
    pub event: String,
    pub record_id: Option<String>,
    pub outcome: String,
}

/// The newest rows first, one page at a time.
pub fn page(conn: &Connection, before_id: Option<i64>, limit: i64) -> Result<Vec<Row>> {
    let mut stmt = conn.prepare(
        "SELECT id, at, user_id, session_id, source, event, record_id, outcome FROM audit_log
         WHERE id < ?1 ORDER BY id DESC LIMIT ?2",
    )?;
    let rows = stmt
        .query_map(params![before_id.unwrap_or(i64::MAX), limit], |r| {
            Ok(Row {
                id: r.get(0)?,
                at: r.get(1)?,
                user_id: r.get(2)?,
                session_id: r.get(3)?,
                source: r.get(4)?,
                event: r.get(5)?,
                record_id: r.get(6)?,
                outcome: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
