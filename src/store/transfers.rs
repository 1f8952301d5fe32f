//! Case transfers between agencies of the console. A case is offered under a release that
//! names the receiving agency and is in force; the receiving agency sees only what the release
//! covers; on acceptance it gets its own record, made from what the release covers and linked
//! by the transfer (never shared), and the sending agency logs the disclosure and keeps its
//! own record. A release revoked, or past its last day, stops an offer still pending.

use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::client::Client;
use crate::domain::ids::{AgencyId, ClientId, UserId};
use crate::domain::time;
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::store::clients::Intake;
use crate::store::referrals::Subject;
use crate::store::releases::{self, ReleaseLine};

/// What became of an offer.
pub const STATUSES: &[(&str, Msg)] = &[
    ("offered", Msg::TrOffered),
    ("accepted", Msg::TrAccepted),
    ("declined", Msg::TrDeclined),
    ("withdrawn", Msg::TrWithdrawn),
    ("stopped", Msg::TrStopped),
];

/// Offer a client's case to the agency a release names.
pub fn offer(
    tx: &Transaction,
    agency_id: AgencyId,
    client_id: ClientId,
    release_id: i64,
    note: Option<&str>,
    user_id: UserId,
    now: Timestamp,
) -> Result<(i64, AgencyId)> {
    crate::store::clients::writable(tx, agency_id, client_id)?;
    let r = releases::get(tx, agency_id, release_id)?
        .filter(|r| r.subject == Subject::Client(client_id))
        .ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
    let to = r.recipient_agency.ok_or_else(|| Error::user(Msg::ErrTransferNeedsAgency))?;
    if !r.in_force(time::local_day(now)) {
        return Err(Error::user(Msg::ErrTransferReleaseEnded));
    }
    let pending: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM case_transfers WHERE client_id = ?1 AND to_agency = ?2
             AND status IN ('offered', 'accepted'))",
        params![client_id, to],
        |r| r.get(0),
    )?;
    if pending {
        return Err(Error::user(Msg::ErrTransferPending));
    }
    tx.execute(
        "INSERT INTO case_transfers (client_id, from_agency, to_agency, release_id, note,
             offered_by, offered_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![client_id, agency_id, to, release_id, note, user_id, time::to_db(now)],
    )?;
    let id = tx.last_insert_rowid();
    crate::store::clients::touch(tx, client_id, now)?;
    Ok((id, to))
}

/// Offers still pending under a release that has just been revoked are stopped.
pub fn stop_under(tx: &Transaction, release_id: i64, now: Timestamp) -> Result<usize> {
    Ok(tx.execute(
        "UPDATE case_transfers SET status = 'stopped', decided_at = ?2
         WHERE release_id = ?1 AND status = 'offered'",
        params![release_id, time::to_db(now)],
    )?)
}

/// A pending offer, as the receiving agency's list shows it: no name, only who offers it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offered {
    pub id: i64,
    pub from: String,
    pub offered_on: Date,
    pub expires_on: Date,
}

/// Fetch the release behind an offer: the sending agency's, whoever reads it.
fn release_of(conn: &Connection, id: i64) -> Result<Option<(ReleaseLine, AgencyId)>> {
    let found: Option<(i64, AgencyId)> = conn
        .query_row(
            "SELECT release_id, from_agency FROM case_transfers WHERE id = ?1",
            params![id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((release, from)) = found else { return Ok(None) };
    Ok(releases::get(conn, from, release)?.map(|r| (r, from)))
}

/// The offers pending for `agency_id` whose release is still in force on `today`, oldest
/// first. An offer whose release has ended is not shown (and cannot be accepted).
pub fn pending(conn: &Connection, agency_id: AgencyId, today: Date) -> Result<Vec<Offered>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.id, a.name, t.offered_at, r.expires_on
         FROM case_transfers t JOIN agencies a ON a.id = t.from_agency
              JOIN releases r ON r.id = t.release_id
         WHERE t.to_agency = ?1 AND t.status = 'offered' AND r.revoked_on IS NULL
           AND r.expires_on >= ?2 AND r.signed_on <= ?2
         ORDER BY t.offered_at, t.id LIMIT 200",
    )?;
    let date = |s: String| s.parse::<Date>().unwrap_or_default();
    let rows = stmt
        .query_map(params![agency_id, today.to_string()], |r| {
            let at: String = r.get(2)?;
            Ok(Offered {
                id: r.get(0)?,
                from: r.get(1)?,
                offered_on: time::from_db(&at).map(time::local_day).unwrap_or_default(),
                expires_on: date(r.get(3)?),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// How many offers await the agency (the home screen's count).
pub fn pending_count(conn: &Connection, agency_id: AgencyId, today: Date) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM case_transfers t JOIN releases r ON r.id = t.release_id
         WHERE t.to_agency = ?1 AND t.status = 'offered' AND r.revoked_on IS NULL
           AND r.expires_on >= ?2 AND r.signed_on <= ?2",
        params![agency_id, today.to_string()],
        |r| r.get(0),
    )?)
}

/// What an offer shows the receiving agency: only the groups its release covers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Offer {
    pub id: i64,
    pub from: String,
    pub offered_by: String,
    pub offered_on: Date,
    pub note: Option<String>,
    pub scope: Vec<String>,
    pub purpose: String,
    pub expires_on: Date,
    pub chosen_name: String,
    pub language: String,
    pub interpreter: String,
    /// Contact details: legal name and phone.
    pub legal_name: Option<String>,
    pub phone: Option<String>,
    /// Date of birth (or the age recorded).
    pub birth_date: Option<Date>,
    pub age: Option<i64>,
    /// Address and area.
    pub address: Option<String>,
    pub area: Option<String>,
    /// Case notes, newest version of each, oldest first.
    pub notes: Vec<String>,
    /// Screenings closed: day, tool, result.
    pub screenings: Vec<(String, String, String)>,
    /// Services: day and type.
    pub services: Vec<(String, String)>,
    /// Payments approved: day, category, cents.
    pub payments: Vec<(String, String, i64)>,
}

/// An offer pending for `agency_id`, with what its release allows. None: no such offer for
/// this agency, or its release is no longer in force.
pub fn offer_for(
    conn: &Connection,
    agency_id: AgencyId,
    id: i64,
    today: Date,
) -> Result<Option<Offer>> {
    let head: Option<(ClientId, String, String, String, Option<String>)> = conn
        .query_row(
            "SELECT t.client_id, a.name, u.display_name, t.offered_at, t.note
             FROM case_transfers t JOIN agencies a ON a.id = t.from_agency
                  JOIN users u ON u.id = t.offered_by
             WHERE t.id = ?1 AND t.to_agency = ?2 AND t.status = 'offered'",
            params![id, agency_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let Some((client, from, by, at, note)) = head else { return Ok(None) };
    let Some((r, _)) = release_of(conn, id)? else { return Ok(None) };
    if !r.in_force(today) || r.recipient_agency != Some(agency_id) {
        return Ok(None);
    }
    let c = conn.query_row(
        "SELECT chosen_name, language, interpreter, legal_name, phone, birth_date, age, address, area
         FROM clients_shown WHERE id = ?1",
        params![client],
        |x| {
            Ok(Offer {
                chosen_name: x.get(0)?,
                language: x.get(1)?,
                interpreter: x.get(2)?,
                legal_name: if r.covers("contact_details") { x.get(3)? } else { None },
                phone: if r.covers("contact_details") { x.get(4)? } else { None },
                birth_date: if r.covers("date_of_birth") {
                    x.get::<_, Option<String>>(5)?.and_then(|d| d.parse().ok())
                } else {
                    None
                },
                age: if r.covers("date_of_birth") { x.get(6)? } else { None },
                address: if r.covers("address") { x.get(7)? } else { None },
                area: if r.covers("address") { x.get(8)? } else { None },
                ..Offer::default()
            })
        },
    )?;
    let mut o = Offer {
        id,
        from,
        offered_by: by,
        offered_on: time::from_db(&at).map(time::local_day).unwrap_or_default(),
        note,
        scope: r.scope.clone(),
        purpose: r.purpose.clone(),
        expires_on: r.expires_on,
        ..c
    };
    if r.covers("case_notes") {
        o.notes = column(
            conn,
            "SELECT (SELECT body FROM case_note_versions v WHERE v.note_id = n.id
                     ORDER BY v.version DESC LIMIT 1)
             FROM case_notes n WHERE n.client_id = ?1 ORDER BY n.id LIMIT 50",
            client,
            |r| r.get(0),
        )?;
    }
    if r.covers("screening_results") {
        o.screenings = column(
            conn,
            "SELECT substr(s.closed_at, 1, 10), t.tool_id, coalesce(s.result, 'incomplete')
             FROM screenings s JOIN screening_tools t ON t.id = s.tool
             WHERE s.client_id = ?1 AND s.closed_at IS NOT NULL ORDER BY s.id LIMIT 50",
            client,
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
    }
    if r.covers("services") {
        o.services = column(
            conn,
            "SELECT delivered_on, service_type FROM services_shown WHERE client_id = ?1
             ORDER BY delivered_on, id LIMIT 100",
            client,
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
    }
    if r.covers("payments") {
        o.payments = column(
            conn,
            "SELECT coalesce(paid_on, ''), category, amount_cents FROM payments_shown
             WHERE client_id = ?1 AND status = 'approved' ORDER BY paid_on, id LIMIT 100",
            client,
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
    }
    Ok(Some(o))
}

fn column<T>(
    conn: &Connection,
    sql: &str,
    client: ClientId,
    f: impl FnMut(&rusqlite::Row) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params![client], f)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Accept an offer: the receiving agency's own record, made from what the release covers, with
/// `summary` (the offer in words, for a first case note) ; the sending agency's disclosure row.
pub fn accept(
    tx: &Transaction,
    agency_id: AgencyId,
    id: i64,
    user_id: UserId,
    summary: &str,
    now: Timestamp,
) -> Result<ClientId> {
    let today = time::local_day(now);
    let Some(o) = offer_for(tx, agency_id, id, today)? else {
        return Err(Error::user(Msg::ErrTransferGone));
    };
    let c = Client {
        chosen_name: o.chosen_name.clone(),
        birth_date: o.birth_date,
        age: o.age,
        legal_name: o.legal_name.clone(),
        phone: o.phone.clone(),
        address: o.address.clone(),
        gender: "unknown".into(),
        citizenship: "unknown".into(),
        disability: "unknown".into(),
        language: o.language.clone(),
        interpreter: o.interpreter.clone(),
        area: o.area.clone().unwrap_or_else(|| "unknown".into()),
        trafficking_type: "undetermined".into(),
        referral_source: "other_agency".into(),
        danger: "unknown".into(),
        ..Client::default()
    };
    let new = crate::store::clients::insert(tx, agency_id, user_id, &c, Intake::typed(today), now)?;
    crate::store::clients::add_note(tx, agency_id, new, user_id, summary, now)?;
    tx.execute(
        "UPDATE case_transfers SET status = 'accepted', decided_by = ?1, decided_at = ?2,
             new_client_id = ?3 WHERE id = ?4",
        params![user_id, time::to_db(now), new, id],
    )?;
    let Some((r, from)) = release_of(tx, id)? else {
        return Err(Error::user(Msg::ErrTransferGone));
    };
    let Subject::Client(sent) = r.subject else { return Err(Error::user(Msg::ErrTransferGone)) };
    let d = crate::store::disclosures::New {
        client: Some(sent),
        contact: None,
        kind: "transfer".into(),
        on: today,
        recipient_kind: r.recipient_kind.clone(),
        recipient: Some(r.recipient.clone()),
        what: r.scope.clone(),
        basis: "release".into(),
        release_id: Some(r.id),
        basis_detail: None,
        source: Some(("transfer", id)),
        told: "yes".into(),
        told_on: Some(today),
    };
    let offered_by: UserId =
        tx.query_row("SELECT offered_by FROM case_transfers WHERE id = ?1", params![id], |r| {
            r.get(0)
        })?;
    crate::store::disclosures::insert(tx, from, offered_by, &d, now)?;
    Ok(new)
}

/// Decline an offer, with the reason.
pub fn decline(
    tx: &Transaction,
    agency_id: AgencyId,
    id: i64,
    user_id: UserId,
    reason: &str,
    now: Timestamp,
) -> Result<()> {
    let n = tx.execute(
        "UPDATE case_transfers SET status = 'declined', decided_by = ?1, decided_at = ?2,
             decline_reason = ?3 WHERE id = ?4 AND to_agency = ?5 AND status = 'offered'",
        params![user_id, time::to_db(now), reason, id, agency_id],
    )?;
    if n == 0 { Err(Error::user(Msg::ErrTransferGone)) } else { Ok(()) }
}

/// A client's transfers as its sending agency sees them: to whom, when, and what came of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sent {
    pub id: i64,
    pub to: String,
    pub offered_on: Date,
    pub status: String,
    pub reason: Option<String>,
    pub release_id: i64,
}

pub fn sent(conn: &Connection, agency_id: AgencyId, client_id: ClientId) -> Result<Vec<Sent>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.id, a.name, t.offered_at, t.status, t.decline_reason, t.release_id
         FROM case_transfers t JOIN agencies a ON a.id = t.to_agency
         WHERE t.client_id = ?1 AND t.from_agency = ?2 ORDER BY t.id DESC",
    )?;
    let rows = stmt
        .query_map(params![client_id, agency_id], |r| {
            let at: String = r.get(2)?;
            Ok(Sent {
                id: r.get(0)?,
                to: r.get(1)?,
                offered_on: time::from_db(&at).map(time::local_day).unwrap_or_default(),
                status: r.get(3)?,
                reason: r.get(4)?,
                release_id: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
