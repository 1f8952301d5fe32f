//! Agencies, staff accounts, sessions, shared login-failure counters and settings.

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::ids::{AgencyId, SessionId, UserId};
use crate::domain::staff::{AgencyKind, Role};
use crate::domain::time;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agency {
    pub id: AgencyId,
    pub name: String,
    pub kind: AgencyKind,
    pub users: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub id: UserId,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub agency_id: AgencyId,
    pub agency_name: String,
    pub agency_kind: AgencyKind,
    pub lang: Lang,
    pub disabled: bool,
    pub pin_temporary: bool,
}

/// A user together with the stored PIN hash, for verification only.
pub struct UserWithHash {
    pub user: User,
    pub pin_hash: String,
}

const USER_COLUMNS: &str = "u.id, u.username, u.display_name, u.role, u.agency_id, a.name, a.kind,
     u.lang, u.disabled, u.pin_temporary, u.pin_hash";

fn user_from_row(r: &rusqlite::Row) -> rusqlite::Result<UserWithHash> {
    let role: String = r.get(3)?;
    let kind: String = r.get(6)?;
    let lang: String = r.get(7)?;
    Ok(UserWithHash {
        user: User {
            id: r.get(0)?,
            username: r.get(1)?,
            display_name: r.get(2)?,
            role: Role::parse(&role).unwrap_or(Role::Intake),
            agency_id: r.get(4)?,
            agency_name: r.get(5)?,
            agency_kind: AgencyKind::parse(&kind).unwrap_or(AgencyKind::ServiceProvider),
            lang: Lang::parse(&lang).unwrap_or(Lang::En),
            disabled: r.get(8)?,
            pin_temporary: r.get(9)?,
        },
        pin_hash: r.get(10)?,
    })
}

pub fn count_users(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM users", [], |r| r.get(0))?)
}

pub fn find_by_username(conn: &Connection, username: &str) -> Result<Option<UserWithHash>> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {USER_COLUMNS} FROM users u JOIN agencies a ON a.id = u.agency_id
                 WHERE u.username = ?1"
            ),
            params![username],
            user_from_row,
        )
        .optional()?)
}

pub fn get(conn: &Connection, id: UserId) -> Result<Option<User>> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {USER_COLUMNS} FROM users u JOIN agencies a ON a.id = u.agency_id
                 WHERE u.id = ?1"
            ),
            params![id],
            user_from_row,
        )
        .optional()?
        .map(|u| u.user))
}

/// A row of the staff list: the account and whether failed PINs have locked it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaffRow {
    pub user: User,
    pub locked: bool,
}

/// One page of staff, ordered by user name.
pub fn list(conn: &Connection, now: Timestamp, offset: i64, limit: i64) -> Result<Vec<StaffRow>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {USER_COLUMNS},
                coalesce(f.consecutive >= ?3 OR f.locked_until > ?4, 0)
         FROM users u JOIN agencies a ON a.id = u.agency_id
         LEFT JOIN login_failures f ON f.username = u.username
         ORDER BY u.username LIMIT ?1 OFFSET ?2"
    ))?;
    let rows = stmt
        .query_map(
            params![limit, offset, crate::domain::staff::DISABLE_AFTER, time::to_db(now)],
            |r| Ok(StaffRow { user: user_from_row(r)?.user, locked: r.get(11)? }),
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub struct NewUser<'a> {
    pub username: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    pub agency_id: AgencyId,
    pub pin_hash: &'a str,
    pub pin_temporary: bool,
    pub lang: Lang,
}

pub fn insert(tx: &Transaction, u: &NewUser, now: Timestamp) -> Result<UserId> {
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM users WHERE username = ?1)",
        params![u.username],
        |r| r.get(0),
    )?;
    if exists {
        return Err(Error::user_with(Msg::ErrUsernameTaken, &[u.username]));
    }
    let at = time::to_db(now);
    tx.execute(
        "INSERT INTO users (agency_id, username, display_name, role, pin_hash, pin_temporary,
                            lang, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![
            u.agency_id,
            u.username,
            u.display_name,
            u.role.id(),
            u.pin_hash,
            u.pin_temporary,
            u.lang.id(),
            at
        ],
    )?;
    let id = tx.last_insert_rowid();
    // A new account starts with a clean slate, whatever was typed under its name before.
    clear_failures(tx, u.username)?;
    Ok(UserId(id))
}

fn touch(
    tx: &Transaction,
    sql: &str,
    id: UserId,
    value: &dyn rusqlite::ToSql,
    now: Timestamp,
) -> Result<()> {
    let n = tx.execute(sql, params![value, time::to_db(now), id])?;
    if n == 0 {
        return Err(Error::user(Msg::ErrNoSuchUser));
    }
    Ok(())
}

pub fn set_disabled(tx: &Transaction, id: UserId, disabled: bool, now: Timestamp) -> Result<()> {
    touch(tx, "UPDATE users SET disabled = ?1, updated_at = ?2 WHERE id = ?3", id, &disabled, now)
}

pub fn set_role(tx: &Transaction, id: UserId, role: Role, now: Timestamp) -> Result<()> {
    touch(tx, "UPDATE users SET role = ?1, updated_at = ?2 WHERE id = ?3", id, &role.id(), now)
}

pub fn set_agency(tx: &Transaction, id: UserId, agency_id: AgencyId, now: Timestamp) -> Result<()> {
    touch(tx, "UPDATE users SET agency_id = ?1, updated_at = ?2 WHERE id = ?3", id, &agency_id, now)
}

pub fn set_lang(tx: &Transaction, id: UserId, lang: Lang, now: Timestamp) -> Result<()> {
    touch(tx, "UPDATE users SET lang = ?1, updated_at = ?2 WHERE id = ?3", id, &lang.id(), now)
}

pub fn set_pin(
    tx: &Transaction,
    id: UserId,
    hash: &str,
    temporary: bool,
    now: Timestamp,
) -> Result<()> {
    let n = tx.execute(
        "UPDATE users SET pin_hash = ?1, pin_temporary = ?2, updated_at = ?3 WHERE id = ?4",
        params![hash, temporary, time::to_db(now), id],
    )?;
    if n == 0 {
        return Err(Error::user(Msg::ErrNoSuchUser));
    }
    Ok(())
}

/// How many active admins there are; the last one may not be disabled or demoted.
pub fn active_admins(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM users WHERE role = 'admin' AND disabled = 0",
        [],
        |r| r.get(0),
    )?)
}

// ---- agencies ----

/// One page of agencies, by name.
pub fn agencies(conn: &Connection, offset: i64, limit: i64) -> Result<Vec<Agency>> {
    let mut stmt = conn.prepare(
        "SELECT a.id, a.name, a.kind, (SELECT count(*) FROM users u WHERE u.agency_id = a.id)
         FROM agencies a ORDER BY a.name COLLATE NOCASE LIMIT ?1 OFFSET ?2",
    )?;
    let rows = stmt
        .query_map(params![limit, offset], |r| {
            let kind: String = r.get(2)?;
            Ok(Agency {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: AgencyKind::parse(&kind).unwrap_or(AgencyKind::ServiceProvider),
                users: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn agency_by_name(conn: &Connection, name: &str) -> Result<Option<AgencyId>> {
    Ok(conn
        .query_row("SELECT id FROM agencies WHERE name = ?1", params![name], |r| r.get(0))
        .optional()?)
}

pub fn add_agency(
    tx: &Transaction,
    name: &str,
    kind: AgencyKind,
    now: Timestamp,
) -> Result<AgencyId> {
    if agency_by_name(tx, name)?.is_some() {
        return Err(Error::user_with(Msg::ErrAgencyExists, &[name]));
    }
    tx.execute(
        "INSERT INTO agencies (name, kind, created_at) VALUES (?1, ?2, ?3)",
        params![name, kind.id(), time::to_db(now)],
    )?;
    Ok(AgencyId(tx.last_insert_rowid()))
}

/// The agency's id, creating it (as a service provider) when named for the first time.
pub fn agency_find_or_add(
    tx: &Transaction,
    name: &str,
    now: Timestamp,
) -> Result<(AgencyId, bool)> {
    match agency_by_name(tx, name)? {
        Some(id) => Ok((id, false)),
        None => Ok((add_agency(tx, name, AgencyKind::ServiceProvider, now)?, true)),
    }
}

pub fn rename_agency(tx: &Transaction, id: AgencyId, name: &str) -> Result<()> {
    if let Some(other) = agency_by_name(tx, name)?
        && other != id
    {
        return Err(Error::user_with(Msg::ErrAgencyExists, &[name]));
    }
    tx.execute("UPDATE agencies SET name = ?1 WHERE id = ?2", params![name, id])?;
    Ok(())
}

pub fn set_agency_kind(tx: &Transaction, id: AgencyId, kind: AgencyKind) -> Result<()> {
    tx.execute("UPDATE agencies SET kind = ?1 WHERE id = ?2", params![kind.id(), id])?;
    Ok(())
}

// ---- failed logins, shared by every process ----

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Failures {
    pub consecutive: i64,
    pub locked_until: Option<Timestamp>,
}

pub fn failures(conn: &Connection, username: &str) -> Result<Failures> {
    Ok(conn
        .query_row(
            "SELECT consecutive, locked_until FROM login_failures WHERE username = ?1",
            params![username],
            |r| {
                let until: Option<String> = r.get(1)?;
                Ok(Failures {
                    consecutive: r.get(0)?,
                    locked_until: until.as_deref().and_then(time::from_db),
                })
            },
        )
        .optional()?
        .unwrap_or_default())
}

/// Count one more failure; returns the new state. Runs in the caller's write transaction, so
/// concurrent failures from several processes are all counted.
pub fn record_failure(
    tx: &Transaction,
    username: &str,
    now: Timestamp,
    lock_every: i64,
    lock_for: jiff::SignedDuration,
) -> Result<Failures> {
    let mut f = failures(tx, username)?;
    f.consecutive += 1;
    if f.consecutive % lock_every == 0 {
        f.locked_until = Some(now + lock_for);
    }
    tx.execute(
        "INSERT INTO login_failures (username, consecutive, locked_until, last_failure)
         VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (username) DO UPDATE SET consecutive = excluded.consecutive,
             locked_until = excluded.locked_until, last_failure = excluded.last_failure",
        params![username, f.consecutive, f.locked_until.map(time::to_db), time::to_db(now)],
    )?;
    Ok(f)
}

pub fn clear_failures(tx: &Transaction, username: &str) -> Result<()> {
    tx.execute("DELETE FROM login_failures WHERE username = ?1", params![username])?;
    Ok(())
}

// ---- sessions ----

pub fn start_session(
    tx: &Transaction,
    user_id: UserId,
    source: &str,
    now: Timestamp,
) -> Result<SessionId> {
    tx.execute(
        "INSERT INTO sessions (user_id, source, started_at, pid) VALUES (?1, ?2, ?3, ?4)",
        params![user_id, source, time::to_db(now), std::process::id()],
    )?;
    Ok(SessionId(tx.last_insert_rowid()))
}

/// The processes that have sessions open (by the partial index on open sessions).
pub fn open_session_pids(conn: &Connection) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT pid FROM sessions WHERE ended_at IS NULL AND pid IS NOT NULL",
    )?;
    let rows = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The sessions process `pid` has open, as (session, user).
pub fn open_sessions_of(conn: &Connection, pid: i64) -> Result<Vec<(SessionId, UserId)>> {
    let mut stmt = conn
        .prepare_cached("SELECT id, user_id FROM sessions WHERE pid = ?1 AND ended_at IS NULL")?;
    let rows = stmt
        .query_map(params![pid], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub fn end_session(tx: &Transaction, id: SessionId, reason: &str, now: Timestamp) -> Result<()> {
    tx.execute(
        "UPDATE sessions SET ended_at = ?1, end_reason = ?2 WHERE id = ?3 AND ended_at IS NULL",
        params![time::to_db(now), reason, id],
    )?;
    // The marks of drafts another session took from this one have done their work.
    tx.execute("DELETE FROM drafts WHERE session_id = ?1 AND taken_by IS NOT NULL", params![id])?;
    Ok(())
}

// ---- settings ----

pub const IDLE_LOCK_DEFAULT: u32 = 5;
/// CJIS: a session locks after at most 30 minutes idle.
pub const IDLE_LOCK_MAX: u32 = 30;

pub fn idle_lock_minutes(conn: &Connection) -> Result<u32> {
    let v: Option<String> = conn
        .query_row("SELECT value FROM settings WHERE key = 'idle_lock_minutes'", [], |r| r.get(0))
        .optional()?;
    Ok(v.and_then(|s| s.parse().ok())
        .filter(|m| (1..=IDLE_LOCK_MAX).contains(m))
        .unwrap_or(IDLE_LOCK_DEFAULT))
}

pub fn set_idle_lock_minutes(tx: &Transaction, minutes: u32) -> Result<()> {
    if !(1..=IDLE_LOCK_MAX).contains(&minutes) {
        return Err(Error::user_with(Msg::ErrIdleRange, &[&IDLE_LOCK_MAX.to_string()]));
    }
    tx.execute(
        "INSERT INTO settings (key, value) VALUES ('idle_lock_minutes', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![minutes.to_string()],
    )?;
    Ok(())
}
