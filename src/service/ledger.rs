//! The funds ledger: funds managed by supervisors and administrators; payments requested by one
//! person and approved by another; wrong ones voided with a reason. Every step is one
//! transaction with its audit row.

use jiff::Timestamp;

use crate::domain::fields::format_cents;
use crate::domain::fund::{Fund, Payment};
use crate::domain::ids::{ClientId, FundId, PaymentId};
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::service::Who;
use crate::service::staged::Staging;
use crate::service::{audit_in, audited, import_staged, on_record};
use crate::store::Store;
use crate::store::funds;
use crate::store::imports::Kind;
use rusqlite::Transaction;
use std::collections::HashMap;

fn refused(store: &mut Store, who: Who, event: &str, msg: Msg) -> Result<()> {
    on_record(store, who, event, "denied", None)?;
    Err(Error::user(msg))
}

pub fn add_fund(store: &mut Store, who: Who, f: &Fund, now: Timestamp) -> Result<FundId> {
    if !who.user.role.manages_funds() {
        refused(store, who, "fund_add", Msg::ErrFundsRole)?;
    }
    audited(store, who, "fund_add", |tx| {
        let id = funds::add(tx, who.user.agency_id, who.user.id, f, now)?;
        Ok((id, id))
    })
}

pub fn request_payment(
    store: &mut Store,
    who: Who,
    client_id: ClientId,
    p: &Payment,
    now: Timestamp,
) -> Result<PaymentId> {
    if !who.user.role.requests_payments() {
        refused(store, who, "payment_request", Msg::ErrPaymentRole)?;
    }
    audited(store, who, "payment_request", |tx| {
        let id = funds::request(tx, who.user.agency_id, who.user.id, client_id, p, None, now)?;
        Ok((id, id))
    })
}

pub fn approve_payment(store: &mut Store, who: Who, id: PaymentId, now: Timestamp) -> Result<()> {
    if !who.user.role.manages_funds() {
        refused(store, who, "payment_approve", Msg::ErrFundsRole)?;
    }
    audited(store, who, "payment_approve", |tx| {
        funds::approve(tx, who.user.agency_id, who.user.id, id, now)?;
        Ok(((), id))
    })
}

pub fn void_payment(
    store: &mut Store,
    who: Who,
    id: PaymentId,
    reason: &str,
    now: Timestamp,
) -> Result<()> {
    if !who.user.role.manages_funds() {
        refused(store, who, "payment_void", Msg::ErrFundsRole)?;
    }
    audited(store, who, "payment_void", |tx| {
        funds::void(tx, who.user.agency_id, who.user.id, id, reason, now)?;
        Ok(((), id))
    })
}

/// Past years' payments, all at once or none, recorded as approved by the importing
/// administrator: written in short transactions out of sight (`import_staged`), each payment
/// audited and every fund checked again when they appear.
pub fn import_payments(
    store: &mut Store,
    who: Who,
    rows: &[(ClientId, Payment)],
    now: Timestamp,
    progress: &mut dyn FnMut(usize),
) -> Result<usize> {
    let u = who.user;
    if !u.role.administers() {
        refused(store, who, "payment_import", Msg::ErrAdminOnly)?;
    }
    let source = store.source().to_string();
    let mut set_aside: HashMap<FundId, i64> = HashMap::new();
    let how = Staging {
        kind: Kind::Payment,
        // The file's row names how many came in; each payment has its own row too.
        event: "payments_imported",
        size: |(_, p): &(ClientId, Payment)| 256 + p.payee.len() + p.purpose.len(),
        put: &mut |tx: &Transaction, import: i64, (client, p): &(ClientId, Payment)| {
            let before = set_aside.entry(p.fund_id).or_default();
            let imported = funds::Imported { import, set_aside: *before };
            let id = funds::request(tx, u.agency_id, u.id, *client, p, Some(imported), now)?;
            *before += p.amount_cents;
            Ok((id.0, true))
        },
        batch: None,
        last: &mut |tx, import, ids| {
            // Payments requested meanwhile count too: the funds must still hold them all.
            for (fund, cents) in funds::imported_by_fund(tx, import)? {
                let row =
                    funds::get(tx, u.agency_id, fund)?.ok_or(Error::user(Msg::ErrNoSuchFund))?;
                if row.remaining_cents() < 0 {
                    // What the fund had left for the import's payments from it.
                    let left = (row.remaining_cents() + cents).max(0);
                    return Err(Error::user_with(Msg::ErrFundOverspent, &[&format_cents(left)]));
                }
            }
            for id in ids {
                audit_in(tx, &source, who, "payment_import", PaymentId(*id))?;
            }
            Ok(())
        },
    };
    let mut rows_of =
        |_: &rusqlite::Connection, put: &mut dyn FnMut((ClientId, Payment)) -> Result<()>| {
            rows.iter().try_for_each(|r| put(r.clone()))
        };
    import_staged(store, who, how, &mut rows_of, now, progress)
}
