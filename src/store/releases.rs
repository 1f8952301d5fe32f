//! Releases of information, as stored: a client's, or the person's of a hotline contact;
//! recorded, revoked, their signed copy noted; read for the case record, a referral, a
//! transfer, the printable form and the follow-up list. Each administrator-set default length
//! by recipient kind lives here too.

use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::client::release::{Release, Revocation};
use crate::domain::ids::{AgencyId, ClientId, ContactId, UserId};
use crate::domain::time;
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::store::referrals::Subject;

/// A release as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReleaseLine {
    pub id: i64,
    pub subject: Subject,
    pub recipient_kind: String,
    pub recipient: String,
    /// The agency of the console it names, if it names one.
    pub recipient_agency: Option<AgencyId>,
    pub scope: Vec<String>,
    pub purpose: String,
    pub signed_on: Date,
    pub method: String,
    pub witness: Option<String>,
    pub explained_in: String,
    pub expires_on: Date,
    pub signed_copy_on: Option<Date>,
    pub revoked_on: Option<Date>,
    pub recorded_by: String,
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

    /// Whether it covers a group of the person's data (one of release::SCOPES).
    pub fn covers(&self, group: &str) -> bool {
        self.scope.iter().any(|s| s == group)
    }
}

const COLUMNS: &str = "r.id, r.client_id, r.contact_id, r.recipient_kind, r.recipient,
    r.recipient_agency_id, r.scope, r.purpose, r.signed_on, r.method, r.witness, r.explained_in,
    r.expires_on, r.signed_copy_on, r.revoked_on, u.display_name";

fn line(r: &rusqlite::Row) -> rusqlite::Result<ReleaseLine> {
    let date = |s: String| s.parse::<Date>().unwrap_or_default();
    let client: Option<ClientId> = r.get(1)?;
    let contact: Option<ContactId> = r.get(2)?;
    let scope: String = r.get(6)?;
    Ok(ReleaseLine {
        id: r.get(0)?,
        subject: match client {
            Some(c) => Subject::Client(c),
            None => Subject::Contact(contact.unwrap_or_default()),
        },
        recipient_kind: r.get(3)?,
        recipient: r.get(4)?,
        recipient_agency: r.get(5)?,
        scope: serde_json::from_str(&scope).unwrap_or_default(),
        purpose: r.get(7)?,
        signed_on: date(r.get(8)?),
        method: r.get(9)?,
        witness: r.get(10)?,
        explained_in: r.get(11)?,
        expires_on: date(r.get(12)?),
        signed_copy_on: r.get::<_, Option<String>>(13)?.map(date),
        revoked_on: r.get::<_, Option<String>>(14)?.map(date),
        recorded_by: r.get(15)?,
    })
}

/// The person the release is about is the agency's, and may take new records.
fn subject_writable(tx: &Connection, agency_id: AgencyId, s: Subject) -> Result<()> {
    match s {
        Subject::Client(c) => crate::store::clients::writable(tx, agency_id, c),
        Subject::Contact(_) => crate::store::referrals::subject_owned(tx, agency_id, s),
    }
}

fn touch(tx: &Transaction, s: Subject, now: Timestamp) -> Result<()> {
    if let Subject::Client(c) = s {
        crate::store::clients::touch(tx, c, now)?;
    }
    Ok(())
}

/// Record a release. `to_agency`: the agency of the console it names (not the agency itself).
pub fn insert(
    tx: &Transaction,
    agency_id: AgencyId,
    subject: Subject,
    user_id: UserId,
    r: &Release,
    to_agency: Option<AgencyId>,
    now: Timestamp,
) -> Result<i64> {
    subject_writable(tx, agency_id, subject)?;
    // Given on a day that has come (a referral dated ahead cannot carry a release from then).
    if r.signed_on > time::local_day(now) {
        return Err(Error::user(Msg::ErrDateInFuture));
    }
    if let Some(a) = to_agency {
        let kind: Option<String> = tx
            .query_row("SELECT kind FROM agencies WHERE id = ?1", params![a], |r| r.get(0))
            .optional()?;
        match kind.as_deref() {
            None => return Err(Error::user(Msg::ErrNoSuchRecord)),
            _ if a == agency_id => return Err(Error::user(Msg::ErrReleaseOwnAgency)),
            // A law-enforcement agency is named as such: nothing reaches it under a release
            // that says otherwise.
            Some("law_enforcement") if r.recipient_kind != "law_enforcement" => {
                return Err(Error::user(Msg::ErrReleaseKindAgency));
            }
            _ => {}
        }
    }
    let (client, contact) = subject.ids();
    let scope = serde_json::to_string(&r.scope).unwrap_or_else(|_| "[]".into());
    tx.execute(
        "INSERT INTO releases (agency_id, client_id, contact_id, recipient_kind, recipient,
             recipient_agency_id, scope, purpose, signed_on, method, witness, explained_in,
             expires_on, recorded_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        params![
            agency_id,
            client,
            contact,
            r.recipient_kind,
            r.recipient,
            to_agency,
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
    touch(tx, subject, now)?;
    Ok(id)
}

/// One release of the agency.
pub fn get(conn: &Connection, agency_id: AgencyId, id: i64) -> Result<Option<ReleaseLine>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM releases r JOIN users u ON u.id = r.recorded_by
         WHERE r.id = ?1 AND r.agency_id = ?2"
    );
    Ok(conn.prepare_cached(&sql)?.query_row(params![id, agency_id], line).optional()?)
}

/// Revoke a release: nothing more is shared under it from that day.
pub fn revoke(
    tx: &Transaction,
    agency_id: AgencyId,
    id: i64,
    user_id: UserId,
    r: &Revocation,
    now: Timestamp,
) -> Result<()> {
    let found = get(tx, agency_id, id)?.ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
    if found.revoked_on.is_some() {
        return Err(Error::user(Msg::ErrReleaseAlreadyRevoked));
    }
    if r.on < found.signed_on {
        return Err(Error::user(Msg::ErrRevokedBeforeSigned));
    }
    tx.execute(
        "UPDATE releases SET revoked_on = ?1, revoked_how = ?2, revoked_by = ?3
         WHERE id = ?4 AND agency_id = ?5 AND revoked_on IS NULL",
        params![r.on.to_string(), r.how, user_id, id, agency_id],
    )?;
    touch(tx, found.subject, now)
}

/// The signed copy came back on `on` (not before the release was recorded as given).
pub fn signed_copy(
    tx: &Transaction,
    agency_id: AgencyId,
    id: i64,
    on: Date,
    now: Timestamp,
) -> Result<()> {
    let found = get(tx, agency_id, id)?.ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
    if found.signed_copy_on.is_some() {
        return Err(Error::user(Msg::ErrSignedCopyAlready));
    }
    if on < found.signed_on {
        return Err(Error::user(Msg::ErrRevokedBeforeSigned));
    }
    tx.execute(
        "UPDATE releases SET signed_copy_on = ?1 WHERE id = ?2 AND agency_id = ?3",
        params![on.to_string(), id, agency_id],
    )?;
    touch(tx, found.subject, now)
}

/// A person's releases, newest signed first.
pub fn of(conn: &Connection, subject: Subject) -> Result<Vec<ReleaseLine>> {
    let (column, id) = match subject {
        Subject::Client(c) => ("client_id", c.0),
        Subject::Contact(c) => ("contact_id", c.0),
    };
    // `column` is one of two names above, never input.
    let sql = format!(
        "SELECT {COLUMNS} FROM releases r JOIN users u ON u.id = r.recorded_by
         WHERE r.{column} = ?1 ORDER BY r.signed_on DESC, r.id DESC"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![id], line)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// How many days a new release to `kind` runs when the form leaves its last day blank.
pub fn default_days(conn: &Connection, kind: &str) -> Result<i64> {
    Ok(conn
        .query_row(
            "SELECT days FROM release_defaults WHERE recipient_kind = ?1",
            params![kind],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(90))
}

/// Every recipient kind's default length, in the order of release::RECIPIENT_KINDS.
pub fn defaults(conn: &Connection) -> Result<Vec<(String, i64)>> {
    crate::domain::client::release::RECIPIENT_KINDS
        .iter()
        .map(|(k, _)| Ok((k.to_string(), default_days(conn, k)?)))
        .collect()
}

/// Set a recipient kind's default length (1 day to 10 years).
pub fn set_default_days(tx: &Transaction, kind: &str, days: i64) -> Result<()> {
    if !crate::domain::client::release::RECIPIENT_KINDS.iter().any(|(k, _)| *k == kind) {
        return Err(Error::user(Msg::ErrReleaseKindUnknown));
    }
    if !(1..=3650).contains(&days) {
        return Err(Error::user(Msg::ErrReleaseDays));
    }
    tx.execute(
        "INSERT INTO release_defaults (recipient_kind, days) VALUES (?1, ?2)
         ON CONFLICT (recipient_kind) DO UPDATE SET days = excluded.days",
        params![kind, days],
    )?;
    Ok(())
}

/// How many days ahead the follow-up list shows a release about to end.
pub const ENDING_WITHIN: i64 = 14;
