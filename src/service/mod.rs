//! The use cases: each change is one transaction with its audit row, and each checks who may
//! make it. The console (`ui`) and the command line (`cli`) both call these; nothing here
//! names either of them (tests/layers.rs).

pub mod casework;
pub mod consent;
pub mod files;
pub mod hotline;
pub mod hsds;
pub mod ledger;
pub mod outreach;
pub mod reports;
pub mod resources;
pub mod ssh;
pub(crate) mod staged;
pub(crate) use staged::import_staged;

use rusqlite::Transaction;

use crate::auth::Actor;
use crate::domain::ids::SessionId;
use crate::error::Result;
use crate::store::Store;
use crate::store::audit::{self, Event};
use crate::store::users::User;

/// The rows of an import, read from their file as they are written, so a file of any size
/// takes the same memory. Called with the transaction's connection (for lookups a row needs)
/// and a function for each row, it reads the file from the start and hands every row, in
/// order, to that function, stopping at the first error. It may be called more than once: a
/// busy database starts the transaction again.
pub type Rows<'a, T> =
    &'a mut dyn FnMut(&rusqlite::Connection, &mut dyn FnMut(T) -> Result<()>) -> Result<()>;

/// The person acting, in their session (None on the command line): made once per session and
/// handed to every use case.
#[derive(Clone, Copy)]
pub struct Who<'a> {
    pub user: &'a User,
    pub session_id: Option<SessionId>,
}

impl Who<'_> {
    pub fn actor(&self) -> Actor {
        Actor { user_id: Some(self.user.id), session_id: self.session_id }
    }
}

/// Record that `who` did `event` to record `id`, inside the transaction making the change.
pub(crate) fn audit_in(
    tx: &Transaction,
    source: &str,
    who: Who,
    event: &str,
    id: impl Into<i64>,
) -> Result<()> {
    let a = who.actor();
    audit::append(
        tx,
        source,
        &Event::new(event, "ok").by(a.user_id, a.session_id).record(id.into()),
    )?;
    Ok(())
}

/// Record something that changes nothing but must be on record: a record opened (`ok`, or
/// `denied` when it is not the user's to open), a refusal. One short transaction of its own.
pub(crate) fn on_record(
    store: &mut Store,
    who: Who,
    event: &str,
    outcome: &str,
    id: Option<i64>,
) -> Result<()> {
    let source = store.source().to_string();
    let a = who.actor();
    let mut ev = Event::new(event, outcome).by(a.user_id, a.session_id);
    if let Some(id) = id {
        ev = ev.record(id);
    }
    store.write(|tx| audit::append(tx, &source, &ev))?;
    Ok(())
}

/// One change and its audit row in one transaction: `change` does the writing and gives back
/// what the caller gets and the id of the record the row names.
pub(crate) fn audited<T, Id: Into<i64>>(
    store: &mut Store,
    who: Who,
    event: &str,
    mut change: impl FnMut(&Transaction) -> Result<(T, Id)>,
) -> Result<T> {
    let source = store.source().to_string();
    let mut write = |tx: &Transaction| {
        let (out, id) = change(tx)?;
        audit_in(tx, &source, who, event, id)?;
        Ok(out)
    };
    store.write(&mut write)
}
