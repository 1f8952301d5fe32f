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
                let kept = directory::service_for_edit(tx, id)?
                    .ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
                keep_what_the_form_does_not_show(&mut s, kept);
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

/// What an edit keeps that the form does not show: the places after the first (and the
/// first's name, state, phones and schedules), other phones, schedules that are not weekly
/// hours, service areas as worded, other taxonomies' terms, languages the form does not list,
/// and a temporary closure. A phone or text number the form changed takes the old one's
/// entry with it.
fn keep_what_the_form_does_not_show(s: &mut directory::NewService, kept: directory::NewService) {
    let mut places = s.locations.clone();
    if let (Some(first), Some(was)) = (places.first_mut(), kept.locations.first()) {
        first.hsds_id = was.hsds_id.clone();
        first.link_id = was.link_id.clone();
        first.name = was.name.clone();
        first.state = was.state.clone();
        first.country = was.country.clone();
        first.phones = was.phones.clone();
        first.rules = was.rules.clone();
    }
    places.extend(kept.locations.into_iter().skip(1));
    s.locations = places;
    let listed = |l: &String| crate::domain::directory::LANGUAGES.iter().any(|(id, _)| id == l);
    s.languages.extend(kept.languages.into_iter().filter(|l| !listed(l)));
    let (old_call, old_text) = (kept.phone, kept.text_number);
    s.phones = kept
        .phones
        .into_iter()
        .filter(|p| {
            let gone_call =
                p.callable() && old_call.as_ref() == Some(&p.number) && s.phone != old_call;
            let gone_text = p.kind == "text"
                && old_text.as_ref() == Some(&p.number)
                && s.text_number != old_text;
            !gone_call && !gone_text
        })
        .collect();
    s.rules = kept.rules;
    s.area_names = kept.area_names;
    s.terms = kept.terms;
    s.temporarily_closed = kept.temporarily_closed;
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
