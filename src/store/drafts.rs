//! Drafts: a form's fields as typed, kept in the encrypted store so that a dropped link, a
//! closed terminal or a lock loses nothing. One draft per user, form and record.

use jiff::Timestamp;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ValueRef};
use rusqlite::{Connection, Transaction, params};

use crate::domain::draft::DraftForm;
use crate::domain::ids::{SessionId, UserId};
use crate::domain::time;
use crate::error::Result;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub id: i64,
    pub form: DraftForm,
    pub record_id: Option<i64>,
    /// JSON: {"focus": n, "fields": {key: text}}.
    pub payload: String,
    pub updated_at: String,
}

/// Keep a form as a draft of the session it is typed in (None: outside a session).
pub fn save(
    tx: &Transaction,
    user_id: UserId,
    session: Option<SessionId>,
    form: DraftForm,
    record_id: Option<i64>,
    payload: &str,
    now: Timestamp,
) -> Result<()> {
    delete(tx, user_id, session, form, record_id)?;
    tx.execute(
        "INSERT INTO drafts (user_id, form, record_id, payload, updated_at, session_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![user_id, form.id(), record_id, payload, time::to_db(now), session],
    )?;
    Ok(())
}

/// Drop the session's draft of a form (saved, or thrown away); another session's stays.
pub fn delete(
    tx: &Transaction,
    user_id: UserId,
    session: Option<SessionId>,
    form: DraftForm,
    record_id: Option<i64>,
) -> Result<()> {
    tx.execute(
        "DELETE FROM drafts WHERE user_id = ?1 AND form = ?2
         AND coalesce(record_id, 0) = coalesce(?3, 0) AND coalesce(session_id, 0) = coalesce(?4, 0)",
        params![user_id, form.id(), record_id, session],
    )?;
    Ok(())
}

/// The user's drafts that session `me` may open, newest first: its own, and those of sessions
/// that ended or whose console is gone (`live` says which are still in use). A draft another
/// live session is typing in is never offered.
pub fn available(
    conn: &Connection,
    user_id: UserId,
    me: Option<SessionId>,
    live: impl Fn(SessionId, Option<i64>) -> bool,
) -> Result<Vec<Draft>> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.id, d.form, d.record_id, d.payload, d.updated_at, d.session_id, s.ended_at, s.pid
         FROM drafts d LEFT JOIN sessions s ON s.id = d.session_id
         WHERE d.user_id = ?1 ORDER BY d.updated_at DESC, d.id DESC LIMIT 50",
    )?;
    let rows = stmt.query_map(params![user_id], |r| {
        let session: Option<SessionId> = r.get(5)?;
        let ended: Option<String> = r.get(6)?;
        let pid: Option<i64> = r.get(7)?;
        let draft = Draft {
            id: r.get(0)?,
            form: r.get(1)?,
            record_id: r.get(2)?,
            payload: r.get(3)?,
            updated_at: r.get(4)?,
        };
        Ok((draft, session, ended.is_some(), pid))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (draft, session, ended, pid) = row?;
        let open_elsewhere = match session {
            Some(s) if Some(s) != me => !ended && live(s, pid),
            _ => false,
        };
        if !open_elsewhere {
            out.push(draft);
        }
    }
    Ok(out)
}

/// Session `me` takes up draft `id` (of a session that ended or is gone): it is now its own,
/// replacing any draft of its own for the same form and record.
pub fn claim(tx: &Transaction, user_id: UserId, me: Option<SessionId>, id: i64) -> Result<()> {
    tx.execute(
        "DELETE FROM drafts WHERE user_id = ?1 AND coalesce(session_id, 0) = coalesce(?2, 0)
           AND id <> ?3 AND (form, coalesce(record_id, 0)) =
               (SELECT form, coalesce(record_id, 0) FROM drafts WHERE id = ?3)",
        params![user_id, me, id],
    )?;
    tx.execute(
        "UPDATE drafts SET session_id = ?1 WHERE id = ?2 AND user_id = ?3",
        params![me, id, user_id],
    )?;
    Ok(())
}

/// A draft's form as stored; the schema admits no other name (see `drafts.form`'s CHECK).
impl FromSql for DraftForm {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        DraftForm::parse(value.as_str()?).ok_or(FromSqlError::InvalidType)
    }
}

/// The key for caller identifiers, made with the database.
pub fn caller_key(conn: &Connection) -> Result<zeroize::Zeroizing<Vec<u8>>> {
    let key: Vec<u8> =
        conn.query_row("SELECT value FROM secrets WHERE name = 'caller_hmac'", [], |r| r.get(0))?;
    Ok(zeroize::Zeroizing::new(key))
}
