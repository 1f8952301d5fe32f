//! Changes to the resource directory by supervisors and administrators, each one transaction
//! with its audit row.

use crate::domain::ids::ServiceId;
use jiff::Timestamp;
use jiff::civil::Date;

use crate::domain::draft::DraftForm;
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::service::Who;
use crate::service::{audit_in, audited};
use crate::store::directory::{self, ServiceInput};
use crate::store::{Store, drafts};

fn allowed(who: Who) -> Result<()> {
    if who.user.role.edits_directory() { Ok(()) } else { Err(Error::user(Msg::ErrSupervisorOnly)) }
}

/// Add (`id` None) or change a service, creating its organisation when the form names a new one.
pub fn save_service(
    store: &mut Store,
    who: Who,
    id: Option<ServiceId>,
    input: &ServiceInput,
    now: Timestamp,
) -> Result<ServiceId> {
    allowed(who)?;
    let source = store.source().to_string();
    store.write(|tx| {
        let mut s = input.service.clone();
        if let Some(name) = &input.new_organization {
            s.organization_id =
                directory::add_organization(tx, name, "", None, input.confirmed, None, now)?;
        } else {
            directory::set_organization_status(tx, s.organization_id, input.confirmed, now)?;
        }
        let saved = match id {
            None => directory::add_service(tx, &s, now)?,
            Some(id) => {
                // The form edits the first place; any others stay.
                let kept = directory::service_for_edit(tx, id)?
                    .ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?
                    .locations;
                let mut places = s.locations.clone();
                if let (Some(first), Some(was)) = (places.first_mut(), kept.first()) {
                    first.hsds_id = was.hsds_id.clone();
                }
                places.extend(kept.into_iter().skip(1));
                s.locations = places;
                directory::update_service(tx, id, &s, now)?;
                id
            }
        };
        drafts::delete(tx, who.user.id, who.session_id, DraftForm::DirService, id.map(i64::from))?;
        audit_in(
            tx,
            &source,
            who,
            if id.is_none() { "directory_add" } else { "directory_edit" },
            saved,
        )?;
        Ok(saved)
    })
}

pub fn verify_service(
    store: &mut Store,
    who: Who,
    id: ServiceId,
    today: Date,
    now: Timestamp,
) -> Result<()> {
    allowed(who)?;
    audited(store, who, "directory_verify", |tx| {
        directory::verify_service(tx, id, today, now)?;
        Ok(((), id))
    })
}

pub fn retire_service(store: &mut Store, who: Who, id: ServiceId, now: Timestamp) -> Result<()> {
    allowed(who)?;
    audited(store, who, "directory_retire", |tx| {
        directory::retire_service(tx, id, now)?;
        Ok(((), id))
    })
}
