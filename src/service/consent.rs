//! Consent and disclosures: releases of information (recorded, revoked, their signed copy
//! noted), the disclosure log, and case transfers between agencies under a release. Each
//! change is one transaction with its audit row; a release is never a condition of service, so
//! nothing here is asked for by any other part of the console.

use jiff::Timestamp;
use jiff::civil::Date;

use crate::domain::client::release::{Release, Revocation};
use crate::domain::ids::{AgencyId, ClientId};
use crate::domain::time::local_day;
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::service::{Who, audited, on_record};
use crate::store::referrals::Subject;
use crate::store::{Store, disclosures, releases, transfers};

fn subject_id(s: Subject) -> i64 {
    match s {
        Subject::Client(c) => c.0,
        Subject::Contact(c) => c.0,
    }
}

/// Record a release of a client or of a hotline contact's person.
pub fn add_release(
    store: &mut Store,
    who: Who,
    subject: Subject,
    r: &Release,
    now: Timestamp,
) -> Result<i64> {
    if r.signed_on > local_day(now) {
        return Err(Error::user(Msg::ErrDateInFuture));
    }
    let u = who.user;
    audited(store, who, "release_add", |tx| {
        let id = releases::insert(tx, u.agency_id, subject, u.id, r, r.to_agency, now)?;
        Ok((id, id))
    })
}

/// Revoke a release from the day given: nothing more is shared under it, and an offer of the
/// case still pending under it is stopped.
pub fn revoke_release(
    store: &mut Store,
    who: Who,
    release_id: i64,
    r: &Revocation,
    now: Timestamp,
) -> Result<()> {
    if r.on > local_day(now) {
        return Err(Error::user(Msg::ErrDateInFuture));
    }
    let u = who.user;
    audited(store, who, "release_revoke", |tx| {
        releases::revoke(tx, u.agency_id, release_id, u.id, r, now)?;
        transfers::stop_under(tx, release_id, now)?;
        Ok(((), release_id))
    })
}

/// The person's signed copy of a printed release came back.
pub fn signed_copy(
    store: &mut Store,
    who: Who,
    release_id: i64,
    on: Date,
    now: Timestamp,
) -> Result<()> {
    if on > local_day(now) {
        return Err(Error::user(Msg::ErrDateInFuture));
    }
    let u = who.user;
    audited(store, who, "release_signed_copy", |tx| {
        releases::signed_copy(tx, u.agency_id, release_id, on, now)?;
        Ok(((), release_id))
    })
}

/// One release of the agency, read for printing (audited: it holds the person's name).
pub fn release_for_print(store: &mut Store, who: Who, id: i64) -> Result<releases::ReleaseLine> {
    let found = releases::get(store.conn(), who.user.agency_id, id)?;
    let outcome = if found.is_some() { "ok" } else { "denied" };
    on_record(store, who, "release_print", outcome, Some(id))?;
    found.ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))
}

/// An administrator sets how long a new release to `kind` runs by default.
pub fn set_release_default(store: &mut Store, who: Who, kind: &str, days: i64) -> Result<()> {
    if !who.user.role.administers() {
        return Err(Error::user(Msg::ErrAdminOnly));
    }
    audited(store, who, "release_default", |tx| {
        releases::set_default_days(tx, kind, days)?;
        Ok(((), days))
    })
}

/// A person's disclosure log (audited, as every view of a person's record).
pub fn disclosure_log(
    store: &mut Store,
    who: Who,
    subject: Subject,
) -> Result<Vec<disclosures::Line>> {
    let rows = disclosures::of(store.conn(), who.user.agency_id, subject)?;
    on_record(store, who, "disclosure_view", "ok", Some(subject_id(subject)))?;
    Ok(rows)
}

/// Log by hand a disclosure made without a release: a court order or subpoena, a mandatory
/// report made outside the console, another exception the law names.
pub fn log_disclosure(
    store: &mut Store,
    who: Who,
    d: &disclosures::New,
    now: Timestamp,
) -> Result<i64> {
    if d.on > local_day(now) || d.told_on.is_some_and(|t| t > local_day(now)) {
        return Err(Error::user(Msg::ErrDateInFuture));
    }
    if d.told_on.is_some_and(|t| t < d.on) {
        return Err(Error::user(Msg::ErrToldBeforeDisclosed));
    }
    let u = who.user;
    audited(store, who, "disclosure_add", |tx| {
        if let Some(c) = d.client {
            crate::store::clients::writable(tx, u.agency_id, c)?;
        }
        let id = disclosures::insert(tx, u.agency_id, u.id, d, now)?
            .ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
        if let Some(c) = d.client {
            crate::store::clients::touch(tx, c, now)?;
        }
        Ok((id, id))
    })
}

/// The person was told of a disclosure (on a day), or telling them is not safe.
pub fn set_told(
    store: &mut Store,
    who: Who,
    id: i64,
    told: &str,
    on: Option<Date>,
    now: Timestamp,
) -> Result<()> {
    if on.is_some_and(|d| d > local_day(now)) {
        return Err(Error::user(Msg::ErrDateInFuture));
    }
    let u = who.user;
    audited(store, who, "disclosure_told", |tx| {
        disclosures::set_told(tx, u.agency_id, id, told, on)?;
        Ok(((), id))
    })
}

fn may_transfer(who: Who) -> Result<()> {
    if who.user.role.handles_transfers() { Ok(()) } else { Err(Error::user(Msg::ErrTransferRole)) }
}

/// Offer a client's case to the agency a release in force names.
pub fn offer_transfer(
    store: &mut Store,
    who: Who,
    client_id: ClientId,
    release_id: i64,
    note: Option<&str>,
    now: Timestamp,
) -> Result<(i64, AgencyId)> {
    may_transfer(who)?;
    let u = who.user;
    audited(store, who, "transfer_offer", |tx| {
        let out = transfers::offer(tx, u.agency_id, client_id, release_id, note, u.id, now)?;
        Ok((out, out.0))
    })
}

/// The offers waiting for the agency.
pub fn offers(store: &Store, who: Who, now: Timestamp) -> Result<Vec<transfers::Offered>> {
    transfers::pending(store.conn(), who.user.agency_id, local_day(now))
}

/// One offer, opened (audited): only what its release covers.
pub fn open_offer(
    store: &mut Store,
    who: Who,
    id: i64,
    now: Timestamp,
) -> Result<transfers::Offer> {
    may_transfer(who)?;
    let found = transfers::offer_for(store.conn(), who.user.agency_id, id, local_day(now))?;
    let outcome = if found.is_some() { "ok" } else { "denied" };
    on_record(store, who, "transfer_view", outcome, Some(id))?;
    found.ok_or_else(|| Error::user(Msg::ErrTransferGone))
}

/// Accept an offer: the agency's own new record, with `summary` as its first case note.
pub fn accept_offer(
    store: &mut Store,
    who: Who,
    id: i64,
    summary: &str,
    now: Timestamp,
) -> Result<ClientId> {
    may_transfer(who)?;
    let u = who.user;
    audited(store, who, "transfer_accept", |tx| {
        let new = transfers::accept(tx, u.agency_id, id, u.id, summary, now)?;
        Ok((new, id))
    })
}

pub fn decline_offer(
    store: &mut Store,
    who: Who,
    id: i64,
    reason: &str,
    now: Timestamp,
) -> Result<()> {
    may_transfer(who)?;
    let u = who.user;
    audited(store, who, "transfer_decline", |tx| {
        transfers::decline(tx, u.agency_id, id, u.id, reason, now)?;
        Ok(((), id))
    })
}

/// Everything the agency holds about a client, for the person who asks: casework roles only,
/// within the agency, audited.
pub fn export_client(
    store: &mut Store,
    who: Who,
    id: ClientId,
    now: Timestamp,
) -> Result<Vec<crate::store::clients::export::Section>> {
    let u = who.user;
    if !u.role.sees_identity() {
        return Err(Error::user(Msg::ErrExportRole));
    }
    let sections = crate::store::clients::export::gather(store.conn(), u.agency_id, id)?
        .ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
    // Everything held about the person, given to them: their disclosure log says so.
    let d = crate::store::disclosures::New {
        client: Some(id),
        contact: None,
        kind: "export".into(),
        on: crate::domain::time::local_day(now),
        recipient_kind: "the_person".into(),
        recipient: None,
        what: crate::domain::client::release::SCOPES.iter().map(|(k, _)| k.to_string()).collect(),
        basis: "own_request".into(),
        release_id: None,
        basis_detail: None,
        source: Some(("export", id.0)),
        told: "yes".into(),
        told_on: Some(crate::domain::time::local_day(now)),
    };
    audited(store, who, "client_export", |tx| {
        crate::store::disclosures::insert(tx, u.agency_id, u.id, &d, now)?;
        Ok(((), id.0))
    })?;
    Ok(sections)
}
