//! What a saved contact starts: a new client's intake from it, a screening of the caller.

use crate::domain::ids::ContactId;
use crate::i18n::Msg;
use crate::store::contacts;
use crate::ui::effect::{Done, Effect, Route};

/// A new client's intake, filled from the contact.
pub(super) fn new_client(contact_id: ContactId) -> Effect {
    Effect::run(move |store, ctx| {
        let stored = contacts::get(store.conn(), ctx.who()?.user.agency_id, contact_id)?
            .ok_or_else(|| crate::Error::user(Msg::ErrNoSuchRecord))?;
        let raw = crate::domain::client::from_contact(&stored.contact);
        Ok(Done::Route(Route::NewClient(Box::new(raw), contact_id)))
    })
}

/// A screening of the person on the contact, who is not (yet) a client.
pub(super) fn screen(contact_id: ContactId) -> Effect {
    Effect::run(move |store, ctx| {
        let c = contacts::get(store.conn(), ctx.who()?.user.agency_id, contact_id)?
            .ok_or_else(|| crate::Error::user(Msg::ErrNoSuchRecord))?
            .contact;
        let minor = if c.minor == "yes" || c.minor == "no" { c.minor } else { "unknown".into() };
        let person = crate::ui::screens::screening::Person {
            client_id: None,
            contact_id: Some(contact_id),
            minor,
            age_known: false,
            language: c.language,
            interpreter: c.interpreter,
            age: None,
        };
        Ok(Done::Route(Route::NewScreening(Box::new(person))))
    })
}
