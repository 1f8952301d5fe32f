//! The training and outreach log: anyone logs an event for their agency; the person who
//! logged it, a supervisor or an administrator changes or removes it. Each change is one
//! transaction with its audit row.

use jiff::Timestamp;

use super::{Who, audited};
use crate::domain::outreach::Event;
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::store::Store;
use crate::store::outreach as log;

pub fn add(store: &mut Store, who: Who, e: &Event, now: Timestamp) -> Result<i64> {
    let u = who.user;
    audited(store, who, "outreach_add", |tx| {
        let id = log::add(tx, u.agency_id, u.id, e, now)?;
        Ok((id, id))
    })
}

/// The event is still the agency's, and `who` may change it (checked in the transaction).
fn may_change(tx: &rusqlite::Transaction, who: Who, id: i64) -> Result<()> {
    let author = log::author(tx, who.user.agency_id, id)?;
    if author == who.user.id || who.user.role.corrects_outreach_log() {
        Ok(())
    } else {
        Err(Error::user(Msg::ErrOutreachNotYours))
    }
}

pub fn edit(store: &mut Store, who: Who, id: i64, e: &Event, now: Timestamp) -> Result<()> {
    audited(store, who, "outreach_edit", |tx| {
        may_change(tx, who, id)?;
        log::update(tx, who.user.agency_id, id, who.user.id, e, now)?;
        Ok(((), id))
    })
}

pub fn remove(store: &mut Store, who: Who, id: i64) -> Result<()> {
    audited(store, who, "outreach_remove", |tx| {
        may_change(tx, who, id)?;
        log::remove(tx, who.user.agency_id, id)?;
        Ok(((), id))
    })
}
