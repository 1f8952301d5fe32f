//! Referrals: made from a client record or a hotline contact of the agency, to a directory
//! service; each status change dated and kept; the list of those due for follow-up.

use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::ids::{AgencyId, ClientId, ContactId, ReferralId, ServiceId, UserId};
use crate::domain::referral::{Referral, StatusChange};
use crate::domain::time;
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::store::{json_list, list_from_json};

/// Who is referred: a client, or the person of a hotline contact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    Client(ClientId),
    Contact(ContactId),
}

impl Subject {
    /// The client, or the contact: one of the two, as the tables keep them.
    pub fn ids(self) -> (Option<ClientId>, Option<ContactId>) {
        match self {
            Subject::Client(id) => (Some(id), None),
            Subject::Contact(id) => (None, Some(id)),
        }
    }
}

/// The person is the agency's: its client, or the person of its hotline contact.
pub(crate) fn subject_owned(conn: &Connection, agency_id: AgencyId, s: Subject) -> Result<()> {
    let sql = match s {
        Subject::Client(_) => {
            "SELECT EXISTS (SELECT 1 FROM clients_shown WHERE id = ?1 AND agency_id = ?2)"
        }
        Subject::Contact(_) => {
            "SELECT EXISTS (SELECT 1 FROM contacts_shown WHERE id = ?1 AND agency_id = ?2)"
        }
    };
    let id = match s {
        Subject::Client(c) => c.0,
        Subject::Contact(id) => id.0,
    };
    let ok: bool = conn.query_row(sql, params![id, agency_id], |r| r.get(0))?;
    if ok { Ok(()) } else { Err(Error::user(Msg::ErrNoSuchRecord)) }
}

/// The language the person speaks, as their record or the contact says.
pub fn subject_language(conn: &Connection, s: Subject) -> Result<String> {
    let (sql, id) = match s {
        Subject::Client(c) => ("SELECT language FROM clients_shown WHERE id = ?1", c.0),
        Subject::Contact(c) => ("SELECT language FROM contacts_shown WHERE id = ?1", c.0),
    };
    Ok(conn.query_row(sql, params![id], |r| r.get(0)).optional()?.unwrap_or_default())
}

/// Whether a service is law enforcement (its categories say so). None: no such live service.
pub fn service_is_law_enforcement(
    conn: &Connection,
    service_id: ServiceId,
) -> Result<Option<bool>> {
    Ok(conn
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM dir_service_tags t WHERE t.service_id = s.id
                    AND t.kind = 'category' AND t.value = 'law_enforcement')
             FROM dir_services s WHERE s.id = ?1 AND s.retired_at IS NULL",
            params![service_id],
            |r| r.get(0),
        )
        .optional()?)
}

/// Record a referral, resting on `release_id` (a release of the same person, in force on
/// the referral's day and covering what it carries) or on none (then it carries nothing).
#[allow(clippy::too_many_arguments)]
pub fn insert(
    tx: &Transaction,
    agency_id: AgencyId,
    user_id: UserId,
    subject: Subject,
    service_id: ServiceId,
    r: &Referral,
    release_id: Option<i64>,
    now: Timestamp,
) -> Result<ReferralId> {
    subject_owned(tx, agency_id, subject)?;
    if let Subject::Client(client) = subject {
        crate::store::clients::writable(tx, agency_id, client)?;
    }
    let to_le = service_is_law_enforcement(tx, service_id)?
        .ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
    // The form checks this too; the store refuses whatever reaches it another way.
    let carries = match release_id {
        None if !r.share.is_empty() => return Err(Error::user(Msg::ErrShareNeedsConsent)),
        None => Vec::new(),
        Some(id) => {
            let rel = crate::store::releases::get(tx, agency_id, id)?
                .filter(|rel| rel.subject == subject)
                .ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
            if !rel.in_force(r.referred_on) {
                return Err(Error::user(Msg::ErrTransferReleaseEnded));
            }
            if to_le && rel.method == "verbal_witnessed" {
                return Err(Error::user(Msg::ErrLawEnforcementWritten));
            }
            if to_le && rel.recipient_kind != "law_enforcement" {
                return Err(Error::user(Msg::ErrLawEnforcementRelease));
            }
            let organization: String = tx.query_row(
                "SELECT o.name FROM dir_services s JOIN dir_organizations o
                     ON o.id = s.organization_id WHERE s.id = ?1",
                params![service_id],
                |row| row.get(0),
            )?;
            if !rel.recipient.eq_ignore_ascii_case(&organization) {
                return Err(Error::user(Msg::ErrReleaseOtherRecipient));
            }
            if r.share.iter().any(|s| !rel.covers(crate::domain::referral::group_of(s))) {
                return Err(Error::user(Msg::ErrShareOutsideRelease));
            }
            r.share.clone()
        }
    };
    let (client_id, contact_id) = subject.ids();
    let at = time::to_db(now);
    tx.execute(
        "INSERT INTO referrals (agency_id, client_id, contact_id, service_id, referred_on, referred_by,
             reason, consent, release_id, carries, follow_up_on, status, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'none', ?8, ?9, ?10, 'made', ?11)",
        params![agency_id, client_id, contact_id, service_id, r.referred_on.to_string(), user_id,
                r.reason, release_id, json_list(&carries),
                r.follow_up_on.map(|d| d.to_string()), at],
    )?;
    let id = ReferralId(tx.last_insert_rowid());
    tx.execute(
        "INSERT INTO referral_status (referral_id, status, on_date, changed_by, changed_at)
         VALUES (?1, 'made', ?2, ?3, ?4)",
        params![id, r.referred_on.to_string(), user_id, at],
    )?;
    if let Subject::Client(c) = subject {
        crate::store::clients::touch(tx, c, now)?;
    }
    Ok(id)
}

/// Accepted, declined (with its reason) or completed. A declined or completed referral is
/// final; a change is never dated before the referral.
pub fn set_status(
    tx: &Transaction,
    agency_id: AgencyId,
    id: ReferralId,
    user_id: UserId,
    s: &StatusChange,
    now: Timestamp,
) -> Result<()> {
    let (current, referred_on): (String, String) = tx
        .query_row(
            "SELECT status, referred_on FROM referrals WHERE id = ?1 AND agency_id = ?2",
            params![id, agency_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
    if matches!(current.as_str(), "declined" | "completed") {
        return Err(Error::user(Msg::ErrReferralFinal));
    }
    if s.status == "made" || s.status == current {
        return Err(Error::user(Msg::ErrReferralSameStatus));
    }
    if s.on.to_string() < referred_on {
        return Err(Error::user(Msg::ErrFollowUpBefore));
    }
    let follow_up = match s.status.as_str() {
        "declined" | "completed" => None,
        _ => s.follow_up_on.map(|d| d.to_string()),
    };
    tx.execute(
        "UPDATE referrals SET status = ?1, follow_up_on = ?2 WHERE id = ?3",
        params![s.status, follow_up, id],
    )?;
    tx.execute(
        "INSERT INTO referral_status (referral_id, status, reason, on_date, changed_by, changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, s.status, s.reason, s.on.to_string(), user_id, time::to_db(now)],
    )?;
    Ok(())
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct History {
    pub status: String,
    pub on: String,
    pub reason: Option<String>,
    pub by: String,
}

/// A referral in full, as its view shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    pub id: ReferralId,
    pub subject: Subject,
    pub service_id: ServiceId,
    pub service: String,
    pub organization: String,
    pub phone: Option<String>,
    pub referred_on: Date,
    pub referred_by: String,
    pub reason: String,
    /// What it carries of the person, chosen when it was made.
    pub share: Vec<String>,
    /// The release it rests on: id, recipient, signed, last day, revoked.
    pub release: Option<RestsOn>,
    pub follow_up_on: Option<Date>,
    pub status: String,
    pub history: Vec<History>,
}

/// The release a referral rests on, as its view shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RestsOn {
    pub id: i64,
    pub recipient: String,
    pub signed_on: Date,
    pub expires_on: Date,
    pub revoked_on: Option<Date>,
}

pub fn get(conn: &Connection, agency_id: AgencyId, id: ReferralId) -> Result<Option<Stored>> {
    let date = |s: Option<String>| s.and_then(|s| s.parse::<Date>().ok());
    let found = conn
        .query_row(
            "SELECT r.id, r.client_id, r.contact_id, r.service_id, s.name, o.name, s.phone, r.referred_on,
                    u.display_name, r.reason, r.release_id, r.carries, l.recipient, l.signed_on,
                    l.expires_on, l.revoked_on, r.follow_up_on, r.status
             FROM referrals r JOIN dir_services s ON s.id = r.service_id
                  JOIN dir_organizations o ON o.id = s.organization_id
                  JOIN users u ON u.id = r.referred_by
                  LEFT JOIN releases l ON l.id = r.release_id
             WHERE r.id = ?1 AND r.agency_id = ?2",
            params![id, agency_id],
            |r| {
                let client: Option<ClientId> = r.get(1)?;
                let contact: Option<ContactId> = r.get(2)?;
                Ok(Stored {
                    id: r.get(0)?,
                    subject: match client {
                        Some(c) => Subject::Client(c),
                        None => Subject::Contact(contact.unwrap_or_default()),
                    },
                    service_id: r.get(3)?,
                    service: r.get(4)?,
                    organization: r.get(5)?,
                    phone: r.get(6)?,
                    referred_on: date(r.get(7)?).unwrap_or_default(),
                    referred_by: r.get(8)?,
                    reason: r.get(9)?,
                    share: list_from_json(&r.get::<_, String>(11)?),
                    release: match r.get::<_, Option<i64>>(10)? {
                        Some(id) => Some(RestsOn {
                            id,
                            recipient: r.get(12)?,
                            signed_on: date(r.get(13)?).unwrap_or_default(),
                            expires_on: date(r.get(14)?).unwrap_or_default(),
                            revoked_on: date(r.get(15)?),
                        }),
                        None => None,
                    },
                    follow_up_on: date(r.get(16)?),
                    status: r.get(17)?,
                    history: Vec::new(),
                })
            },
        )
        .optional()?;
    let Some(mut stored) = found else { return Ok(None) };
    let mut stmt = conn.prepare_cached(
        "SELECT h.status, h.on_date, h.reason, u.display_name FROM referral_status h
         JOIN users u ON u.id = h.changed_by WHERE h.referral_id = ?1 ORDER BY h.id",
    )?;
    stored.history = stmt
        .query_map(params![id], |r| {
            Ok(History { status: r.get(0)?, on: r.get(1)?, reason: r.get(2)?, by: r.get(3)? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(stored))
}

/// What is due: a referral to follow up, or a hotline caller to call back (a contact saved
/// with "follow-up needed" and a date).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DueItem {
    Referral(ReferralId),
    Callback(ContactId),
    /// A release in force whose last day is near (within releases::ENDING_WITHIN days).
    ReleaseEnding(i64),
}

/// A line of the follow-up list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Due {
    pub item: DueItem,
    pub follow_up_on: String,
    pub subject: Subject,
    /// The service referred to (empty for a callback; the recipient of a release ending).
    pub service: String,
    /// The referral's status (empty for a callback).
    pub status: String,
}

/// The last day of the window in which a release about to end is due (as text).
fn ending(today: Date) -> String {
    let days = jiff::Span::new().days(crate::store::releases::ENDING_WITHIN);
    today.checked_add(days).unwrap_or(today).to_string()
}

/// What of the agency is due on `today` or overdue: referrals still open (made or accepted),
/// callbacks, and releases in force whose last day comes within ENDING_WITHIN days (to renew
/// with the person, or let end); oldest first (the overdue before today's), a page at a time.
pub fn due(
    conn: &Connection,
    agency_id: AgencyId,
    today: Date,
    offset: i64,
    limit: i64,
) -> Result<Vec<Due>> {
    let mut stmt = conn.prepare_cached(
        "SELECT 'referral', r.id, r.follow_up_on, r.client_id, r.contact_id, s.name, r.status
           FROM referrals r JOIN dir_services s ON s.id = r.service_id
          WHERE r.agency_id = ?1 AND r.status IN ('made', 'accepted') AND r.follow_up_on <= ?2
         UNION ALL
         SELECT 'callback', c.id, c.follow_up_on, NULL, c.id, '', ''
           FROM contacts_shown c
          WHERE c.agency_id = ?1 AND c.follow_up = 1 AND c.follow_up_on <= ?2
         UNION ALL
         SELECT 'release', l.id, l.expires_on, l.client_id, l.contact_id, l.recipient, ''
           FROM releases l
          WHERE l.agency_id = ?1 AND l.revoked_on IS NULL AND l.expires_on BETWEEN ?2 AND ?5
         ORDER BY 3, 1 DESC, 2 LIMIT ?3 OFFSET ?4",
    )?;
    let rows = stmt
        .query_map(params![agency_id, today.to_string(), limit, offset, ending(today)], |r| {
            let kind: String = r.get(0)?;
            let id: i64 = r.get(1)?;
            let client: Option<ClientId> = r.get(3)?;
            let contact: Option<ContactId> = r.get(4)?;
            Ok(Due {
                item: match kind.as_str() {
                    "callback" => DueItem::Callback(ContactId(id)),
                    "release" => DueItem::ReleaseEnding(id),
                    _ => DueItem::Referral(ReferralId(id)),
                },
                follow_up_on: r.get(2)?,
                subject: match client {
                    Some(c) => Subject::Client(c),
                    None => Subject::Contact(contact.unwrap_or_default()),
                },
                service: r.get(5)?,
                status: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// How many referrals and callbacks are due (the home screen's count).
pub fn due_count(conn: &Connection, agency_id: AgencyId, today: Date) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT (SELECT count(*) FROM referrals WHERE agency_id = ?1
                    AND status IN ('made', 'accepted') AND follow_up_on <= ?2)
              + (SELECT count(*) FROM contacts_shown WHERE agency_id = ?1
                    AND follow_up = 1 AND follow_up_on <= ?2)
              + (SELECT count(*) FROM releases WHERE agency_id = ?1 AND revoked_on IS NULL
                    AND expires_on BETWEEN ?2 AND ?3)",
        params![agency_id, today.to_string(), ending(today)],
        |r| r.get(0),
    )?)
}
