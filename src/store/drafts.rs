//! Drafts: a form's fields as typed, kept in the encrypted store so that a dropped link, a
//! closed terminal or a lock loses nothing. One draft per user, form and record.

use jiff::Timestamp;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ValueRef};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::draft::DraftForm;
use crate::domain::ids::{SessionId, UserId};
use crate::domain::time;
use crate::error::{Error, Result};
use crate::i18n::Msg;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub id: i64,
    pub form: DraftForm,
    pub record_id: Option<i64>,
    /// JSON: {"focus": n, "fields": {key: text}}.
    pub payload: String,
    pub updated_at: String,
}

/// How long a session's form must sit unchanged before another session of the same person
/// may take it over while the first is still open (a link that hangs half-open).
pub const IDLE_BEFORE_TAKEOVER: jiff::SignedDuration = jiff::SignedDuration::from_secs(60);

/// Refuse when another session took this session's draft of the form over: the form here can
/// no longer be kept or saved (it would be saved twice).
fn refuse_if_taken(
    tx: &Transaction,
    user_id: UserId,
    session: Option<SessionId>,
    form: DraftForm,
    record_id: Option<i64>,
) -> Result<()> {
    let taken: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM drafts WHERE user_id = ?1 AND form = ?2
           AND coalesce(record_id, 0) = coalesce(?3, 0) AND coalesce(session_id, 0) = coalesce(?4, 0)
           AND taken_by IS NOT NULL)",
        params![user_id, form.id(), record_id, session],
        |r| r.get(0),
    )?;
    if taken { Err(Error::user(Msg::ErrDraftTakenOver)) } else { Ok(()) }
}

/// Keep a form as a draft of the session it is typed in (None: outside a session). Refused
/// when another session has taken the form over.
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

/// Drop the session's draft of a form as its record is saved; another session's stays. Refused
/// (and with it the save it is part of) when another session has taken the form over.
pub fn delete(
    tx: &Transaction,
    user_id: UserId,
    session: Option<SessionId>,
    form: DraftForm,
    record_id: Option<i64>,
) -> Result<()> {
    refuse_if_taken(tx, user_id, session, form, record_id)?;
    discard(tx, user_id, session, form, record_id)
}

/// Throw the session's draft of a form away (the form was left without saving), and with it
/// the mark of a takeover, if that is what it was.
pub fn discard(
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

/// Who has a draft, as the session asking sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Holder {
    /// The asking session itself (or no session: a draft kept outside one).
    Mine,
    /// A session that ended, or whose console is gone: started then.
    Left { started: String },
    /// A session still open whose form has not changed for `IDLE_BEFORE_TAKEOVER`.
    Idle { started: String },
    /// A session still open and in use: its form is not to be taken.
    Busy { started: String },
}

impl Holder {
    /// Whether the asking session may open the draft (taking it over unless it is its own).
    pub fn may_open(&self) -> bool {
        !matches!(self, Holder::Busy { .. })
    }
}

/// A draft of the user's, and who holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offered {
    pub draft: Draft,
    pub holder: Holder,
}

/// The user's drafts as session `me` sees them, newest first: its own, those of sessions that
/// ended or whose console is gone (`live` says which are still in use), and those of sessions
/// still open, idle or busy.
pub fn available(
    conn: &Connection,
    user_id: UserId,
    me: Option<SessionId>,
    live: impl Fn(SessionId, Option<i64>) -> bool,
    now: Timestamp,
) -> Result<Vec<Offered>> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.id, d.form, d.record_id, d.payload, d.updated_at, d.session_id, s.ended_at, s.pid,
                s.started_at
         FROM drafts d LEFT JOIN sessions s ON s.id = d.session_id
         WHERE d.user_id = ?1 AND d.taken_by IS NULL
         ORDER BY d.updated_at DESC, d.id DESC LIMIT 50",
    )?;
    let rows = stmt.query_map(params![user_id], |r| {
        let draft = Draft {
            id: r.get(0)?,
            form: r.get(1)?,
            record_id: r.get(2)?,
            payload: r.get(3)?,
            updated_at: r.get(4)?,
        };
        let session: Option<SessionId> = r.get(5)?;
        let ended: Option<String> = r.get(6)?;
        let pid: Option<i64> = r.get(7)?;
        let started: Option<String> = r.get(8)?;
        Ok((draft, session, ended.is_some(), pid, started.unwrap_or_default()))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (draft, session, ended, pid, started) = row?;
        let holder = match session {
            Some(s) if Some(s) != me => {
                if ended || !live(s, pid) {
                    Holder::Left { started }
                } else if time::from_db(&draft.updated_at)
                    .is_some_and(|t| now.duration_since(t) >= IDLE_BEFORE_TAKEOVER)
                {
                    Holder::Idle { started }
                } else {
                    Holder::Busy { started }
                }
            }
            _ => Holder::Mine,
        };
        out.push(Offered { draft, holder });
    }
    Ok(out)
}

/// Session `me` takes up draft `id`: its own already, or one of a session that ended, is gone
/// or sits idle (`live` says which sessions are still in use). It becomes this session's,
/// replacing any of its own for the same form and record; a session still in use keeps only a
/// mark that stops it saving the form again. Refused when the draft is no longer there (saved,
/// or taken by yet another session).
pub fn take_over(
    tx: &Transaction,
    user_id: UserId,
    me: Option<SessionId>,
    id: i64,
    live: impl Fn(SessionId, Option<i64>) -> bool,
) -> Result<()> {
    let row: Option<(Option<SessionId>, bool, Option<i64>)> = tx
        .query_row(
            "SELECT d.session_id, s.id IS NOT NULL AND s.ended_at IS NULL, s.pid
             FROM drafts d LEFT JOIN sessions s ON s.id = d.session_id
             WHERE d.id = ?1 AND d.user_id = ?2 AND d.taken_by IS NULL",
            params![id, user_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((from, open, pid)) = row else {
        return Err(Error::user(Msg::ErrDraftGone));
    };
    if from == me {
        return Ok(());
    }
    let still_open = open && from.is_some_and(|s| live(s, pid));
    tx.execute(
        "DELETE FROM drafts WHERE user_id = ?1 AND coalesce(session_id, 0) = coalesce(?2, 0)
           AND id <> ?3 AND (form, coalesce(record_id, 0)) =
               (SELECT form, coalesce(record_id, 0) FROM drafts WHERE id = ?3)",
        params![user_id, me, id],
    )?;
    if still_open {
        tx.execute(
            "INSERT INTO drafts (user_id, form, record_id, payload, updated_at, session_id)
             SELECT user_id, form, record_id, payload, updated_at, ?1 FROM drafts WHERE id = ?2",
            params![me, id],
        )?;
        tx.execute(
            "UPDATE drafts SET taken_by = ?1, payload = '{}' WHERE id = ?2",
            params![me, id],
        )?;
    } else {
        tx.execute("UPDATE drafts SET session_id = ?1 WHERE id = ?2", params![me, id])?;
    }
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
