//! What the clients screens do with a key: the list, the duplicate check, the case record, and
//! saving the intake and the case forms (each save one use case).

use super::jobs::{load, note, open_client, payment_form, service_line, timeline};
use super::{ClientMode, ClientScreen, FILTER};
use crate::domain::client::{self, Client, EventKind, ServiceEntry, StatusChange};
use crate::domain::draft::DraftForm;
use crate::domain::fields::{FieldError, clean_notes};
use crate::domain::ids::{ClientId, ContactId, ReferralId, ScreeningId};
use crate::domain::record::{Raw, RuntimeOptions};
use crate::i18n::{Lang, Msg};
use crate::service::casework::{self, Also};
use crate::store::clients as store_clients;
use crate::store::referrals::Subject;
use crate::ui::effect::{Done, Effect, Route};
use crate::ui::keymap::Action;
use crate::ui::screen::{Ctx, Page};
use crate::ui::screens::records::local_day;
use crate::ui::screens::referrals::Back;
use crate::ui::widgets::form::Form;
use crate::ui::widgets::pager::{Select, Spot};

/// A service or note form brought back from a draft.
pub(super) fn case_form(form: DraftForm, raw: &Raw, lang: Lang) -> ClientMode {
    if form == DraftForm::Service {
        ClientMode::Service(Form::from_schema(
            client::SERVICE_FIELDS,
            raw,
            &RuntimeOptions::new(),
            lang,
        ))
    } else {
        let form = Form::from_schema(client::NOTE_FIELDS, raw, &RuntimeOptions::new(), lang);
        ClientMode::Note { form, note_id: None }
    }
}

impl ClientScreen {
    pub(super) fn list_update(&mut self, action: Action, ctx: &Ctx) -> Vec<Effect> {
        let filter = self.filter.clone();
        if let Some(effects) = self.list.moved(action, |o, s| load(filter, o, s)) {
            return effects;
        }
        match action {
            Action::Back => vec![Effect::Go(Route::Home)],
            Action::New => {
                self.record = None;
                self.intake(None, client::defaults(), None, ctx);
                Vec::new()
            }
            Action::Filter => {
                let runtime = self.runtime.clone().unwrap_or_default();
                self.mode =
                    ClientMode::Filter(Form::from_schema(FILTER, &self.filter, &runtime, ctx.lang));
                Vec::new()
            }
            Action::ClearFilter => {
                self.filter = Raw::new();
                vec![load(Raw::new(), Spot::top(), Select::First)]
            }
            Action::Open => self.list.current().map(|r| open_client(r.id)).into_iter().collect(),
            _ => Vec::new(),
        }
    }

    /// Save the intake. A new client is first checked for likely duplicates unless `anyway`.
    pub(super) fn save_intake(
        &self,
        anyway: bool,
        link_to: Option<ClientId>,
        ctx: &Ctx,
    ) -> Vec<Effect> {
        let today = local_day(ctx.now);
        let runtime = self.runtime.clone().unwrap_or_default();
        let (raw, id, from_contact) = match &self.mode {
            ClientMode::Intake { form, id, from_contact } => (form.raw(), *id, *from_contact),
            ClientMode::Duplicates { form, from_contact, .. } => (form.raw(), None, *from_contact),
            _ => return Vec::new(),
        };
        let client = match Client::from_raw(&raw, &runtime, today) {
            Ok(c) => c,
            Err(errors) => return vec![Effect::FormErrors(errors, client::FIELDS)],
        };
        vec![Effect::run(move |store, ctx| {
            let who = ctx.who()?;
            if id.is_none() && !anyway {
                let candidates =
                    store_clients::duplicates(store.conn(), who.user.agency_id, &client, today)?;
                if !candidates.is_empty() {
                    return Ok(Done::Duplicates(candidates));
                }
            }
            let also = Also { link_to, from_contact };
            let saved = casework::save_client(store, who, id, &client, today, also, ctx.now)?;
            Ok(Done::ClientSaved(saved))
        })]
    }

    pub(super) fn duplicates_update(&mut self, action: Action, ctx: &Ctx) -> Vec<Effect> {
        let ClientMode::Duplicates { candidates, selected, .. } = &mut self.mode else {
            return Vec::new();
        };
        let chosen = candidates.get(*selected).map(|r| r.id);
        match action {
            Action::Up => *selected = selected.saturating_sub(1),
            Action::Down => *selected = (*selected + 1).min(candidates.len().saturating_sub(1)),
            // Open the existing record instead; what was typed is dropped.
            Action::Open => {
                if let Some(id) = chosen {
                    let mut effects = self.discard(ctx);
                    effects.push(open_client(id));
                    return effects;
                }
            }
            Action::Link => return self.save_intake(true, chosen, ctx),
            Action::Save => return self.save_intake(true, None, ctx),
            Action::Back => {
                let old = std::mem::replace(&mut self.mode, ClientMode::List);
                if let ClientMode::Duplicates { form, from_contact, .. } = old {
                    self.mode = ClientMode::Intake { form, id: None, from_contact };
                }
            }
            _ => {}
        }
        Vec::new()
    }

    pub(super) fn record_update(&mut self, action: Action, ctx: &Ctx) -> Vec<Effect> {
        let (lang, today) = (ctx.lang, local_day(ctx.now));
        let Some(rec) = &mut self.record else { return Vec::new() };
        let id = rec.stored.id;
        if let Some(effects) = rec.timeline.moved(action, |o, s| timeline(id, o, s)) {
            return effects;
        }
        let item = rec.timeline.current().map(|t| (t.kind, t.ref_id));
        let stored = rec.stored.clone();
        // A purged or erased record takes no new text (the store refuses it too): say so
        // before a form is filled in for nothing.
        let writes = matches!(
            action,
            Action::Edit
                | Action::AddService
                | Action::AddRelief
                | Action::AddRelease
                | Action::AddNote
                | Action::StartScreening
                | Action::Refer
                | Action::RequestPayment
        );
        if writes && stored.purge_reason.is_some() {
            let text =
                crate::i18n::fill(Msg::ErrClientPurgedNoEdit.text(lang), &[&id.0.to_string()]);
            return vec![Effect::SayText(text)];
        }
        match action {
            Action::Back => {
                self.record = None;
                self.mode = ClientMode::List;
                return vec![self.reload()];
            }
            Action::Edit => self.intake(Some(id), stored.client.to_raw(), None, ctx),
            Action::AddService => {
                let mut raw = Raw::new();
                raw.insert("delivered_on".into(), today.to_string());
                self.mode = case_form(DraftForm::Service, &raw, lang);
                self.draft_rev = 0;
            }
            Action::AddRelief => {
                let mut raw = Raw::new();
                raw.insert("on".into(), today.to_string());
                let form =
                    Form::from_schema(client::RELIEF_FIELDS, &raw, &RuntimeOptions::new(), lang);
                self.mode = ClientMode::Relief(form);
            }
            Action::AddRelease => {
                return vec![crate::ui::screens::consent::release_form(
                    stored.client.language.clone(),
                )];
            }
            Action::AddNote => {
                self.mode = case_form(DraftForm::Note, &Raw::new(), lang);
                self.draft_rev = 0;
            }
            Action::StartScreening => {
                let minor = match stored.client.minor_on(today) {
                    Some(true) => "yes",
                    Some(false) => "no",
                    None => "unknown",
                };
                let person = crate::ui::screens::screening::Person {
                    client_id: Some(id),
                    contact_id: None,
                    minor: minor.into(),
                    age_known: minor != "unknown",
                    language: stored.client.language.clone(),
                    interpreter: stored.client.interpreter.clone(),
                    age: stored.client.age_on(today),
                };
                return vec![Effect::Go(Route::NewScreening(Box::new(person)))];
            }
            Action::Refer => return vec![Effect::Go(Route::DirectoryFor(Subject::Client(id)))],
            Action::Disclosures => {
                return vec![Effect::Go(Route::Disclosures(Subject::Client(id)))];
            }
            Action::RequestPayment => return vec![payment_form()],
            Action::CaseStatus => {
                let mut raw = Raw::new();
                raw.insert("status".into(), stored.status.clone());
                raw.insert("on".into(), today.to_string());
                let form =
                    Form::from_schema(client::STATUS_FIELDS, &raw, &RuntimeOptions::new(), lang);
                self.mode = ClientMode::Status(form);
            }
            Action::Open => {
                return match item {
                    Some((EventKind::Note, n)) => vec![note(n)],
                    Some((EventKind::Service, s)) => vec![service_line(s)],
                    Some((EventKind::Screening, s)) => {
                        vec![Effect::Go(Route::Screening(ScreeningId(s)))]
                    }
                    Some((EventKind::Referral, r)) => {
                        vec![Effect::Go(Route::Referral(ReferralId(r), Back::Client(id)))]
                    }
                    Some((EventKind::Contact, c)) => vec![Effect::Go(Route::Contact(ContactId(c)))],
                    Some((EventKind::Release, r)) => {
                        let Some(line) = stored.releases.iter().find(|l| l.id == r) else {
                            return Vec::new();
                        };
                        if line.revoked_on.is_some() {
                            return vec![Effect::Say(Msg::ErrReleaseAlreadyRevoked)];
                        }
                        let mut raw = Raw::new();
                        raw.insert("revoked_on".into(), today.to_string());
                        raw.insert("revoked_how".into(), "written".into());
                        let form = Form::from_schema(
                            client::release::REVOKE_FIELDS,
                            &raw,
                            &RuntimeOptions::new(),
                            lang,
                        );
                        self.mode = ClientMode::Revoke { form, id: r, signed_on: line.signed_on };
                        return Vec::new();
                    }
                    // A status change, a relief step or a payment: the line says all there is.
                    Some((EventKind::Status | EventKind::Relief | EventKind::Payment, _))
                    | None => Vec::new(),
                };
            }
            _ => {}
        }
        Vec::new()
    }

    /// Save the service, note, status or payment form in front of the case record.
    pub(super) fn save_case_form(&self, ctx: &Ctx) -> Vec<Effect> {
        let today = crate::domain::time::local_day(ctx.now);
        let Some(client_id) = self.client_id() else { return Vec::new() };
        let errors = |e: Vec<FieldError>, schema| vec![Effect::FormErrors(e, schema)];
        match &self.mode {
            ClientMode::Service(form) => match ServiceEntry::from_raw(&form.raw()) {
                Ok(s) => vec![Effect::run(move |store, ctx| {
                    casework::add_service(store, ctx.who()?, client_id, &s, ctx.now)?;
                    Ok(Done::Saved(Msg::ServiceSaved))
                })],
                Err(e) => errors(e, client::SERVICE_FIELDS),
            },
            ClientMode::Note { form, note_id } => {
                let raw = form.raw();
                let body = clean_notes(raw.get("body").map(String::as_str).unwrap_or(""));
                if body.is_empty() {
                    return errors(
                        vec![FieldError::new("body", Msg::ErrRequiredShort)],
                        client::NOTE_FIELDS,
                    );
                }
                if body.chars().count() > 4000 {
                    let e = FieldError::with("body", Msg::ErrMaxChars, &["4000"]);
                    return errors(vec![e], client::NOTE_FIELDS);
                }
                let note_id = *note_id;
                vec![Effect::run(move |store, ctx| {
                    let who = ctx.who()?;
                    match note_id {
                        None => {
                            casework::add_note(store, who, client_id, &body, ctx.now).map(|_| ())?
                        }
                        Some(n) => casework::edit_note(store, who, client_id, n, &body, ctx.now)
                            .map(|_| ())?,
                    }
                    Ok(Done::Saved(Msg::NoteSaved))
                })]
            }
            ClientMode::Relief(form) => match client::ReliefStep::from_raw(&form.raw()) {
                Ok(r) => vec![Effect::run(move |store, ctx| {
                    casework::add_relief(store, ctx.who()?, client_id, &r, ctx.now)?;
                    Ok(Done::Saved(Msg::ReliefSaved))
                })],
                Err(e) => errors(e, client::RELIEF_FIELDS),
            },
            ClientMode::Release(form) => match form.release(today) {
                Ok(r) => vec![Effect::run(move |store, ctx| {
                    let subject = Subject::Client(client_id);
                    crate::service::consent::add_release(store, ctx.who()?, subject, &r, ctx.now)?;
                    Ok(Done::Saved(Msg::ReleaseSaved))
                })],
                Err(e) => errors(e, client::release::RELEASE_FIELDS),
            },
            ClientMode::Revoke { form, id, signed_on } => {
                let id = *id;
                match client::release::Revocation::from_raw(&form.raw(), *signed_on, today) {
                    Ok(r) => vec![Effect::run(move |store, ctx| {
                        crate::service::consent::revoke_release(
                            store,
                            ctx.who()?,
                            id,
                            &r,
                            ctx.now,
                        )?;
                        Ok(Done::Saved(Msg::ReleaseRevoked))
                    })],
                    Err(e) => errors(e, client::release::REVOKE_FIELDS),
                }
            }
            ClientMode::Status(form) => match StatusChange::from_raw(&form.raw()) {
                Ok(s) => vec![Effect::run(move |store, ctx| {
                    casework::set_status(store, ctx.who()?, client_id, &s, ctx.now)?;
                    Ok(Done::Saved(Msg::StatusSaved))
                })],
                Err(e) => errors(e, client::STATUS_FIELDS),
            },
            ClientMode::Payment(form) => {
                let mut runtime = RuntimeOptions::new();
                runtime.insert("fund", form.runtime_options("fund"));
                match crate::domain::fund::Payment::from_raw(&form.raw(), &runtime) {
                    Ok(p) => vec![Effect::run(move |store, ctx| {
                        crate::service::ledger::request_payment(
                            store,
                            ctx.who()?,
                            client_id,
                            &p,
                            ctx.now,
                        )?;
                        Ok(Done::Saved(Msg::PaymentRequested))
                    })],
                    Err(e) => errors(e, crate::domain::fund::PAYMENT_FIELDS),
                }
            }
            _ => Vec::new(),
        }
    }
}
