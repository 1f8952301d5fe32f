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
    // An empty log after a trim goes on from its checkpoint.
    let last = match last {
        Some(l) => Some(l),
        None => tx
            .query_row(
                "SELECT through_id, last_hash FROM audit_checkpoints ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?,
    };
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
    APPENDED.with(|a| *a.borrow_mut() = Some(crate::store::anchor::Head { id, hash }));
    Ok(id)
}

/// The newest trim of the log, as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checkpoint {
    pub id: i64,
    pub through_id: i64,
    pub last_hash: String,
    pub last_at: String,
    pub rows: i64,
    pub made_at: String,
    pub signature: String,
}

/// The key checkpoints are signed with: derived from the database's own secret, so only a
/// program holding the database can make one, and it differs from the callers' key.
fn checkpoint_key(conn: &Connection) -> Result<zeroize::Zeroizing<Vec<u8>>> {
    derived_key(conn, b"intake audit checkpoint v1")
}

/// A key for `label`, derived from the database's own secret.
pub(crate) fn derived_key(conn: &Connection, label: &[u8]) -> Result<zeroize::Zeroizing<Vec<u8>>> {
    use hmac::{Hmac, Mac};
    let secret: zeroize::Zeroizing<Vec<u8>> = zeroize::Zeroizing::new(conn.query_row(
        "SELECT value FROM secrets WHERE name = 'caller_hmac'",
        [],
        |r| r.get(0),
    )?);
    // HMAC takes a key of any length: this never fails.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&secret) else {
        return Ok(zeroize::Zeroizing::new(Vec::new()));
    };
    mac.update(label);
    Ok(zeroize::Zeroizing::new(mac.finalize().into_bytes().to_vec()))
}

thread_local! {
    /// The newest row this thread appended in the transaction under way: once it commits, the
    /// anchor moves to it (`Store::write`).
    static APPENDED: std::cell::RefCell<Option<crate::store::anchor::Head>> =
        const { std::cell::RefCell::new(None) };
}

/// The row appended in the transaction just committed (or rolled back: then forgotten).
pub(crate) fn take_appended() -> Option<crate::store::anchor::Head> {
    APPENDED.with(|a| a.borrow_mut().take())
}

fn sign(
    key: &[u8],
    through_id: i64,
    last_hash: &str,
    last_at: &str,
    rows: i64,
    made_at: &str,
) -> String {
    use hmac::{Hmac, Mac};
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else { return String::new() };
    for field in [&through_id.to_string(), last_hash, last_at, &rows.to_string(), made_at] {
        mac.update(&(field.len() as u64).to_be_bytes());
        mac.update(field.as_bytes());
    }
    mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
}

pub fn latest_checkpoint(conn: &Connection) -> Result<Option<Checkpoint>> {
    Ok(conn
        .query_row(
            "SELECT id, through_id, last_hash, last_at, rows, made_at, signature
             FROM audit_checkpoints ORDER BY id DESC LIMIT 1",
            [],
            |r| {
                Ok(Checkpoint {
                    id: r.get(0)?,
                    through_id: r.get(1)?,
                    last_hash: r.get(2)?,
                    last_at: r.get(3)?,
                    rows: r.get(4)?,
                    made_at: r.get(5)?,
                    signature: r.get(6)?,
                })
            },
        )
        .optional()?)
}

/// Walk the chain in order, from the newest checkpoint when the log was trimmed (its signature
/// checked first); the id of the first row whose hash or link does not hold (the checkpoint's
/// last row when its signature does not).
pub fn first_broken(conn: &Connection) -> Result<Option<i64>> {
    let (mut expected_prev, mut expected_id) = (GENESIS.to_string(), 1i64);
    if let Some(cp) = latest_checkpoint(conn)? {
        let key = checkpoint_key(conn)?;
        let good = sign(&key, cp.through_id, &cp.last_hash, &cp.last_at, cp.rows, &cp.made_at);
        if good != cp.signature {
            return Ok(Some(cp.through_id));
        }
        (expected_prev, expected_id) = (cp.last_hash, cp.through_id + 1);
    }
    let mut stmt = conn.prepare(
        "SELECT id, at, user_id, session_id, source, event, record_id, outcome, prev_hash, hash
         FROM audit_log WHERE id >= ?1 ORDER BY id",
    )?;
    let mut rows = stmt.query([expected_id])?;
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

/// Rows removed from the log in one transaction: short, so no console waits on a trim.
const TRIM_BATCH: i64 = 5_000;

/// What a trim did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Trimmed {
    /// No row was older than the cutoff.
    Nothing,
    /// Rows up to `through_id` removed, behind checkpoint `checkpoint`.
    Removed { rows: i64, through_id: i64, checkpoint: i64 },
}

/// Remove the rows made before `before` (a stored time), behind a signed checkpoint: the
/// checkpoint first, in its own transaction, then the rows a batch at a time (the delete
/// trigger lets only rows behind a checkpoint go). Refused when the chain does not hold.
/// `before` is the first local day kept; it must be a year or more before `now` (the CJIS
/// Security Policy keeps audit records at least a year).
pub fn trim(
    store: &mut crate::store::Store,
    before: jiff::civil::Date,
    now: jiff::Timestamp,
) -> Result<Trimmed> {
    let latest = time::local_day(now).checked_sub(jiff::Span::new().years(1)).unwrap_or(before);
    if before > latest {
        return Err(crate::Error::user_with(
            crate::i18n::Msg::ErrAuditTrimTooRecent,
            &[&latest.to_string()],
        ));
    }
    let before = time::day_start(before);
    let before = before.as_str();
    if let Some(id) = first_broken(store.conn())? {
        return Err(crate::Error::user_with(
            crate::i18n::Msg::ErrAuditTrimBroken,
            &[&id.to_string()],
        ));
    }
    // The last row before the cutoff, in chain order (a clock set back never splits it).
    let last: Option<(i64, String, String)> = store
        .conn()
        .query_row(
            "SELECT id, hash, at FROM audit_log
             WHERE id < coalesce((SELECT min(id) FROM audit_log WHERE at >= ?1), 1 << 62)
             ORDER BY id DESC LIMIT 1",
            [before],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((through_id, last_hash, last_at)) = last else {
        return Ok(Trimmed::Nothing);
    };
    let rows: i64 = store.conn().query_row(
        "SELECT count(*) FROM audit_log WHERE id <= ?1",
        [through_id],
        |r| r.get(0),
    )?;
    let made_at = time::to_db(now);
    let checkpoint = store.write(|tx| {
        let key = checkpoint_key(tx)?;
        let signature = sign(&key, through_id, &last_hash, &last_at, rows, &made_at);
        tx.execute(
            "INSERT INTO audit_checkpoints (through_id, last_hash, last_at, rows, made_at, signature)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![through_id, last_hash, last_at, rows, made_at, signature],
        )?;
        Ok(tx.last_insert_rowid())
    })?;
    loop {
        let n = store.write(|tx| {
            Ok(tx.execute(
                "DELETE FROM audit_log WHERE id IN
                     (SELECT id FROM audit_log WHERE id <= ?1 ORDER BY id LIMIT ?2)",
                params![through_id, TRIM_BATCH],
            )?)
        })?;
        if (n as i64) < TRIM_BATCH {
            break;
        }
    }
    Ok(Trimmed::Removed { rows, through_id, checkpoint })
}
