//! The funds ledger: funds managed by supervisors and administrators; payments requested by one
//! person and approved by another; wrong ones voided with a reason. Every step is one
//! transaction with its audit row.

use jiff::Timestamp;

use crate::domain::fund::{Fund, Payment};
use crate::domain::ids::{ClientId, FundId, PaymentId};
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::service::Who;
use crate::service::{audit_in, audited, on_record};
use crate::store::Store;
use crate::store::funds;

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
        let id = funds::request(tx, who.user.agency_id, who.user.id, client_id, p, false, now)?;
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
/// administrator.
pub fn import_payments(
    store: &mut Store,
    who: Who,
    rows: &[(ClientId, Payment)],
    now: Timestamp,
    progress: &mut dyn FnMut(usize),
) -> Result<usize> {
    if !who.user.role.administers() {
        refused(store, who, "payment_import", Msg::ErrAdminOnly)?;
    }
    let source = store.source().to_string();
    store.write(|tx| {
        for (n, (client_id, p)) in rows.iter().enumerate() {
            let id = funds::request(tx, who.user.agency_id, who.user.id, *client_id, p, true, now)?;
            audit_in(tx, &source, who, "payment_import", id)?;
            progress(n + 1);
        }
        Ok(rows.len())
    })
}
