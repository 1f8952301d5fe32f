//! The use cases: each change is one transaction with its audit row, and each checks who may
//! make it. The console (`ui`) and the command line (`cli`) both call these; nothing here
//! names either of them (tests/layers.rs).

pub mod casework;
pub mod hotline;
pub mod hsds;
pub mod ledger;
pub mod reports;
pub mod resources;

use rusqlite::Transaction;

use crate::auth::Actor;
use crate::domain::ids::SessionId;
use crate::error::Result;
use crate::store::Store;
use crate::store::audit::{self, Event};
use crate::store::users::User;

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
    audit::append(
        tx,
        source,
        &Event::new(event, "ok").by(Some(who.user.id), who.session_id).record(id.into()),
    )?;
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
    store.write(|tx| {
        let (out, id) = change(tx)?;
        audit_in(tx, &source, who, event, id)?;
        Ok(out)
    })
}
