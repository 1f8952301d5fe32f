//! Funds and the payments made from them. Whether a payment fits in its fund is checked in the
//! same transaction that records it, so two requests at once can never overspend.

use crate::store::Cached;
use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::fields::format_cents;
use crate::domain::fund::{Fund, Payment};
use crate::domain::ids::{AgencyId, ClientId, FundId, PaymentId, UserId};
use crate::domain::time;
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::store::{json_list, list_from_json};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FundRow {
    pub id: FundId,
    pub name: String,
    pub source: String,
    pub from: Date,
    pub to: Date,
    pub amount_cents: i64,
    pub categories: Vec<String>,
    /// Approved payments.
    pub paid_cents: i64,
    /// Requested, not yet approved: already set aside.
    pub pending_cents: i64,
}

impl FundRow {
    pub fn remaining_cents(&self) -> i64 {
        self.amount_cents - self.paid_cents - self.pending_cents
    }
}

pub fn add(
    tx: &Transaction,
    agency_id: AgencyId,
    user_id: UserId,
    f: &Fund,
    now: Timestamp,
) -> Result<FundId> {
    let taken: bool = tx.one(
        "SELECT EXISTS (SELECT 1 FROM funds WHERE agency_id = ?1 AND name = ?2)",
        params![agency_id, f.name],
        |r| r.get(0),
    )?;
    if taken {
        return Err(Error::user(Msg::ErrFundExists));
    }
    crate::store::exec(tx,
        "INSERT INTO funds (agency_id, name, source, period_from, period_to, amount_cents, categories,
             created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![agency_id, f.name, f.source, f.from.to_string(), f.to.to_string(), f.amount_cents,
                json_list(&f.categories), user_id, time::to_db(now)],
    )?;
    Ok(FundId(tx.last_insert_rowid()))
}

const FUND_SELECT: &str = "SELECT f.id, f.name, f.source, f.period_from, f.period_to, f.amount_cents, f.categories,
        coalesce((SELECT sum(amount_cents) FROM payments_shown p WHERE p.fund_id = f.id AND p.status = 'approved'), 0),
        coalesce((SELECT sum(amount_cents) FROM payments_shown p WHERE p.fund_id = f.id AND p.status = 'requested'), 0)
     FROM funds f";

fn fund_row(r: &rusqlite::Row) -> rusqlite::Result<FundRow> {
    let date = |s: String| s.parse::<Date>().unwrap_or_default();
    Ok(FundRow {
        id: r.get(0)?,
        name: r.get(1)?,
        source: r.get(2)?,
        from: date(r.get(3)?),
        to: date(r.get(4)?),
        amount_cents: r.get(5)?,
        categories: list_from_json(&r.get::<_, String>(6)?),
        paid_cents: r.get(7)?,
        pending_cents: r.get(8)?,
    })
}

/// The agency's funds, newest period first.
pub fn list(conn: &Connection, agency_id: AgencyId) -> Result<Vec<FundRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{FUND_SELECT} WHERE f.agency_id = ?1 ORDER BY f.period_to DESC, f.name"
    ))?;
    let rows = stmt.query_map(params![agency_id], fund_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub fn get(conn: &Connection, agency_id: AgencyId, id: FundId) -> Result<Option<FundRow>> {
    let mut stmt =
        conn.prepare_cached(&format!("{FUND_SELECT} WHERE f.agency_id = ?1 AND f.id = ?2"))?;
    Ok(stmt.query_row(params![agency_id, id], fund_row).optional()?)
}

pub fn by_name(conn: &Connection, agency_id: AgencyId, name: &str) -> Result<Option<FundId>> {
    Ok(conn
        .query_row(
            "SELECT id FROM funds WHERE agency_id = ?1 AND name = ?2",
            params![agency_id, name],
            |r| r.get(0),
        )
        .optional()?)
}

/// Approved payments of a fund by category: (category, cents, payments, distinct clients).
pub fn by_category(conn: &Connection, fund_id: FundId) -> Result<Vec<(String, i64, i64, i64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT category, sum(amount_cents), count(*), count(DISTINCT client_id) FROM payments_shown
         WHERE fund_id = ?1 AND status = 'approved' GROUP BY category ORDER BY sum(amount_cents) DESC",
    )?;
    let rows = stmt
        .query_map(params![fund_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// How many different clients a fund has paid.
pub fn distinct_clients(conn: &Connection, fund_id: FundId) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(DISTINCT client_id) FROM payments_shown WHERE fund_id = ?1 AND status = 'approved'",
        params![fund_id],
        |r| r.get(0),
    )?)
}

/// Whether a payment fits its fund: a category it pays for, a date in its period, and no more
/// than it has left after `also` (cents of payments about to be added with it). On a problem,
/// the form field it is about.
pub fn check(
    fund: &FundRow,
    p: &Payment,
    also: i64,
) -> std::result::Result<(), (&'static str, Error)> {
    if !fund.categories.contains(&p.category) {
        return Err(("category", Error::user(Msg::ErrFundCategory)));
    }
    if p.paid_on < fund.from || p.paid_on > fund.to {
        return Err((
            "paid_on",
            Error::user_with(Msg::ErrFundPeriod, &[&fund.from.to_string(), &fund.to.to_string()]),
        ));
    }
    let left = fund.remaining_cents() - also;
    if p.amount_cents > left {
        return Err((
            "amount",
            Error::user_with(Msg::ErrFundOverspent, &[&format_cents(left.max(0))]),
        ));
    }
    Ok(())
}

/// A payment of an import of past years: the import, and the cents of its payments from the same
/// fund before this one (they are out of sight, so the fund's sums do not hold them yet).
#[derive(Clone, Copy, Debug)]
pub struct Imported {
    pub import: i64,
    pub set_aside: i64,
}

/// What an import's payments take from each fund: (fund, cents), to check in its last step.
pub fn imported_by_fund(tx: &Connection, import: i64) -> Result<Vec<(FundId, i64)>> {
    let mut stmt = tx.prepare_cached(
        "SELECT fund_id, sum(amount_cents) FROM payments WHERE import_id = ?1 GROUP BY fund_id",
    )?;
    let rows = stmt.query_map([import], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Record a payment request — or, for an import of past years, an approved payment. The fund's
/// remaining amount is read and checked in this same transaction.
pub fn request(
    tx: &Transaction,
    agency_id: AgencyId,
    user_id: UserId,
    client_id: ClientId,
    p: &Payment,
    imported: Option<Imported>,
    now: Timestamp,
) -> Result<PaymentId> {
    let owned: bool = tx.one(
        "SELECT EXISTS (SELECT 1 FROM clients_shown WHERE id = ?1 AND agency_id = ?2)",
        params![client_id, agency_id],
        |r| r.get(0),
    )?;
    let Some(fund) = get(tx, agency_id, p.fund_id)?.filter(|_| owned) else {
        return Err(Error::user(Msg::ErrNoSuchRecord));
    };
    crate::store::clients::writable(tx, agency_id, client_id)?;
    check(&fund, p, imported.map_or(0, |i| i.set_aside)).map_err(|(_, e)| e)?;
    let at = time::to_db(now);
    let (status, approved_by, approved_at) = if imported.is_some() {
        ("approved", Some(user_id), Some(at.clone()))
    } else {
        ("requested", None, None)
    };
    crate::store::exec(tx,
        "INSERT INTO payments (fund_id, client_id, category, amount_cents, paid_on, payee, purpose, status,
             requested_by, requested_at, approved_by, approved_at, imported, import_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![p.fund_id, client_id, p.category, p.amount_cents, p.paid_on.to_string(), p.payee,
                p.purpose, status, user_id, at, approved_by, approved_at, imported.is_some(),
                imported.map(|i| i.import)],
    )?;
    Ok(PaymentId(tx.last_insert_rowid()))
}

/// (status, requested_by) of a payment of the agency.
fn payment_state(tx: &Connection, agency_id: AgencyId, id: PaymentId) -> Result<(String, UserId)> {
    tx.one(
        "SELECT p.status, p.requested_by FROM payments_shown p JOIN funds f ON f.id = p.fund_id
         WHERE p.id = ?1 AND f.agency_id = ?2",
        params![id, agency_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()?
    .ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))
}

/// Approve a requested payment: never by the person who asked for it.
pub fn approve(
    tx: &Transaction,
    agency_id: AgencyId,
    user_id: UserId,
    id: PaymentId,
    now: Timestamp,
) -> Result<()> {
    let (status, requested_by) = payment_state(tx, agency_id, id)?;
    if status != "requested" {
        return Err(Error::user(Msg::ErrPaymentState));
    }
    if requested_by == user_id {
        return Err(Error::user(Msg::ErrSelfApproval));
    }
    crate::store::exec(
        tx,
        "UPDATE payments SET status = 'approved', approved_by = ?1, approved_at = ?2 WHERE id = ?3",
        params![user_id, time::to_db(now), id],
    )?;
    Ok(())
}

/// Void a requested or approved payment, with the reason; the row stays.
pub fn void(
    tx: &Transaction,
    agency_id: AgencyId,
    user_id: UserId,
    id: PaymentId,
    reason: &str,
    now: Timestamp,
) -> Result<()> {
    let (status, _) = payment_state(tx, agency_id, id)?;
    if status == "void" {
        return Err(Error::user(Msg::ErrPaymentState));
    }
    crate::store::exec(
        tx,
        "UPDATE payments SET status = 'void', voided_by = ?1, voided_at = ?2, void_reason = ?3 WHERE id = ?4",
        params![user_id, time::to_db(now), reason, id],
    )?;
    Ok(())
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaymentRow {
    pub id: PaymentId,
    pub client_id: ClientId,
    pub category: String,
    pub amount_cents: i64,
    pub paid_on: String,
    pub payee: String,
    pub status: String,
    pub requested_by: String,
    pub void_reason: Option<String>,
    pub purpose: String,
    /// Who asked for it (the account), and when (UTC, as stored).
    pub requested_by_id: UserId,
    pub requested_at: String,
}

/// A fund's payments, those awaiting approval first, a page at a time.
pub fn payments(
    conn: &Connection,
    agency_id: AgencyId,
    fund_id: FundId,
    offset: i64,
    limit: i64,
) -> Result<Vec<PaymentRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.client_id, p.category, p.amount_cents, p.paid_on, p.payee, p.status, u.display_name,
                p.void_reason, p.purpose, p.requested_by, p.requested_at
         FROM payments_shown p JOIN funds f ON f.id = p.fund_id JOIN users u ON u.id = p.requested_by
         WHERE p.fund_id = ?1 AND f.agency_id = ?2
         ORDER BY p.status = 'requested' DESC, p.paid_on DESC, p.id DESC LIMIT ?3 OFFSET ?4",
    )?;
    let rows = stmt
        .query_map(params![fund_id, agency_id, limit, offset], |r| {
            Ok(PaymentRow {
                id: r.get(0)?,
                client_id: r.get(1)?,
                category: r.get(2)?,
                amount_cents: r.get(3)?,
                paid_on: r.get(4)?,
                payee: r.get(5)?,
                status: r.get(6)?,
                requested_by: r.get(7)?,
                void_reason: r.get(8)?,
                purpose: r.get(9)?,
                requested_by_id: r.get(10)?,
                requested_at: r.get(11)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
