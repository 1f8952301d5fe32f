//! Drafts: a form's fields as typed, kept in the encrypted store so that a dropped link, a
//! closed terminal or a lock loses nothing. One draft per user, form and record.

use jiff::Timestamp;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ValueRef};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::draft::DraftForm;
use crate::domain::ids::UserId;
use crate::domain::time;
use crate::error::Result;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub form: DraftForm,
    pub record_id: Option<i64>,
    /// JSON: {"focus": n, "fields": {key: text}}.
    pub payload: String,
    pub updated_at: String,
}

pub fn save(
    tx: &Transaction,
    user_id: UserId,
    form: DraftForm,
    record_id: Option<i64>,
    payload: &str,
    now: Timestamp,
) -> Result<()> {
    delete(tx, user_id, form, record_id)?;
    tx.execute(
        "INSERT INTO drafts (user_id, form, record_id, payload, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![user_id, form.id(), record_id, payload, time::to_db(now)],
    )?;
    Ok(())
}

pub fn delete(
    tx: &Transaction,
    user_id: UserId,
    form: DraftForm,
    record_id: Option<i64>,
) -> Result<()> {
    tx.execute(
        "DELETE FROM drafts WHERE user_id = ?1 AND form = ?2
         AND coalesce(record_id, 0) = coalesce(?3, 0)",
        params![user_id, form.id(), record_id],
    )?;
    Ok(())
}

/// The user's most recent draft.
pub fn latest(conn: &Connection, user_id: UserId) -> Result<Option<Draft>> {
    Ok(conn
        .query_row(
            "SELECT form, record_id, payload, updated_at FROM drafts WHERE user_id = ?1
             ORDER BY updated_at DESC, id DESC LIMIT 1",
            params![user_id],
            |r| {
                Ok(Draft {
                    form: r.get(0)?,
                    record_id: r.get(1)?,
                    payload: r.get(2)?,
                    updated_at: r.get(3)?,
                })
            },
        )
        .optional()?)
}

/// A draft's form as stored; the schema admits no other name (see `drafts.form`'s CHECK).
impl FromSql for DraftForm {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        DraftForm::parse(value.as_str()?).ok_or(FromSqlError::InvalidType)
    }
}

pub fn count(conn: &Connection, user_id: UserId) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM drafts WHERE user_id = ?1", params![user_id], |r| {
        r.get(0)
    })?)
}

/// The key for caller identifiers, made with the database.
pub fn caller_key(conn: &Connection) -> Result<zeroize::Zeroizing<Vec<u8>>> {
    let key: Vec<u8> =
        conn.query_row("SELECT value FROM secrets WHERE name = 'caller_hmac'", [], |r| r.get(0))?;
    Ok(zeroize::Zeroizing::new(key))
}
