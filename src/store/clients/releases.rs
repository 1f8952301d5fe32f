//! A client's releases of information, as stored: recorded, revoked, and read for the case
//! record's header and timeline.

use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::client::release::{Release, Revocation};
use crate::domain::ids::{AgencyId, ClientId, UserId};
use crate::domain::time;
use crate::error::{Error, Result};
use crate::i18n::Msg;

use super::{owned, touch, writable};

/// A release as the case record shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReleaseLine {
    pub id: i64,
    pub recipient_kind: String,
    pub recipient: String,
    pub scope: Vec<String>,
    pub signed_on: Date,
    pub expires_on: Date,
    pub revoked_on: Option<Date>,
}

impl ReleaseLine {
    pub fn in_force(&self, day: Date) -> bool {
        crate::domain::client::release::in_force(
            self.signed_on,
            self.expires_on,
            self.revoked_on,
            day,
        )
    }
}

pub fn add_release(
    tx: &Transaction,
    agency_id: AgencyId,
    client_id: ClientId,
    user_id: UserId,
    r: &Release,
    now: Timestamp,
) -> Result<i64> {
    writable(tx, agency_id, client_id)?;
    let scope = serde_json::to_string(&r.scope).unwrap_or_else(|_| "[]".into());
    tx.execute(
        "INSERT INTO client_releases (client_id, agency_id, recipient_kind, recipient, scope, purpose,
             signed_on, method, witness, explained_in, expires_on, recorded_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            client_id,
            agency_id,
            r.recipient_kind,
            r.recipient,
            scope,
            r.purpose,
            r.signed_on.to_string(),
            r.method,
            r.witness,
            r.explained_in,
            r.expires_on.to_string(),
            user_id,
            time::to_db(now)
        ],
    )?;
    let id = tx.last_insert_rowid();
    touch(tx, client_id, now)?;
    Ok(id)
}

/// The day a release of this agency's client was signed and whether it is revoked.
pub fn signed_and_revoked(
    conn: &Connection,
    agency_id: AgencyId,
    client_id: ClientId,
    id: i64,
) -> Result<Option<(Date, bool)>> {
    let found: Option<(String, bool)> = conn
        .query_row(
            "SELECT signed_on, revoked_on IS NOT NULL FROM client_releases
             WHERE id = ?1 AND client_id = ?2 AND agency_id = ?3",
            params![id, client_id, agency_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(found.and_then(|(d, r)| d.parse().ok().map(|d| (d, r))))
}

/// Revoke a release: nothing more is shared under it from that day.
pub fn revoke_release(
    tx: &Transaction,
    agency_id: AgencyId,
    client_id: ClientId,
    id: i64,
    user_id: UserId,
    r: &Revocation,
    now: Timestamp,
) -> Result<()> {
    owned(tx, agency_id, client_id)?;
    let n = tx.execute(
        "UPDATE client_releases SET revoked_on = ?1, revoked_how = ?2, revoked_by = ?3
         WHERE id = ?4 AND client_id = ?5 AND agency_id = ?6 AND revoked_on IS NULL",
        params![r.on.to_string(), r.how, user_id, id, client_id, agency_id],
    )?;
    if n == 0 {
        return Err(Error::user(Msg::ErrReleaseAlreadyRevoked));
    }
    touch(tx, client_id, now)?;
    Ok(())
}

/// A client's releases, newest signed first.
pub fn releases(conn: &Connection, client_id: ClientId) -> Result<Vec<ReleaseLine>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, recipient_kind, recipient, scope, signed_on, expires_on, revoked_on
         FROM client_releases WHERE client_id = ?1 ORDER BY signed_on DESC, id DESC",
    )?;
    let date = |s: String| s.parse::<Date>().unwrap_or_default();
    let rows = stmt
        .query_map(params![client_id], |r| {
            let scope: String = r.get(3)?;
            Ok(ReleaseLine {
                id: r.get(0)?,
                recipient_kind: r.get(1)?,
                recipient: r.get(2)?,
                scope: serde_json::from_str(&scope).unwrap_or_default(),
                signed_on: date(r.get(4)?),
                expires_on: date(r.get(5)?),
                revoked_on: r.get::<_, Option<String>>(6)?.map(date),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
