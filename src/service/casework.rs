//! Casework: clients, their status, services and notes, links to contacts and other records.
//! Each change is one transaction with its audit row; each opening of a record is audited.

use jiff::Timestamp;
use jiff::civil::Date;

use crate::domain::client::{Client, ServiceEntry, StatusChange};
use crate::domain::draft::DraftForm;
use crate::domain::ids::{ClientId, ContactId, ReferralId, ScreeningId, ServiceId, UserId};
use crate::domain::referral::{Referral, Rests, StatusChange as ReferralChange};
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::service::staged::Staging;
use crate::service::{Rows, Who, audit_in, audited, import_staged, on_record};
use crate::store::imports::Kind;
use crate::store::{Store, clients, drafts, referrals};
use rusqlite::Transaction;

/// What else to do when a new client is saved.
#[derive(Clone, Copy, Debug, Default)]
pub struct Also {
    /// Link the new record to this one (a likely duplicate kept apart).
    pub link_to: Option<ClientId>,
    /// The hotline contact this client was made from.
    pub from_contact: Option<ContactId>,
}

pub fn save_client(
    store: &mut Store,
    who: Who,
    id: Option<ClientId>,
    c: &Client,
    intake_on: Date,
    also: Also,
    now: Timestamp,
) -> Result<ClientId> {
    let source = store.source().to_string();
    let u = who.user;
    let keep_identity = !u.role.sees_identity();
    let mut c = c.clone();
    if keep_identity && id.is_none() {
        c.legal_name = None;
        c.phone = None;
        c.address = None;
    }
    store.write(|tx| {
        let saved = match id {
            None => {
                clients::insert(tx, u.agency_id, u.id, &c, clients::Intake::typed(intake_on), now)?
            }
            Some(id) => {
                clients::update(tx, u.agency_id, id, u.id, &c, keep_identity, now)?;
                id
            }
        };
        if let Some(other) = also.link_to {
            clients::link(tx, u.agency_id, saved, other, u.id, now)?;
            audit_in(tx, &source, who, "client_link", saved.0)?;
        }
        if let Some(contact) = also.from_contact {
            clients::link_contact(tx, u.agency_id, contact, saved, now)?;
            audit_in(tx, &source, who, "contact_link", contact)?;
        }
        drafts::delete(tx, u.id, who.session_id, DraftForm::Client, id.map(|c| c.0))?;
        audit_in(tx, &source, who, if id.is_none() { "client_add" } else { "client_edit" }, saved.0)
            .map(|_| saved)
    })
}

/// Erase a client's identifying text and narratives now (a supervisor, with the reason), as
/// the retention schedule would later: the counts stay. Audited with the reason in its event.
pub fn erase_client(
    store: &mut Store,
    who: Who,
    id: ClientId,
    why: crate::store::retention::Erasure,
    now: Timestamp,
) -> Result<()> {
    let u = who.user;
    if !u.role.erases_clients() {
        return Err(Error::user(Msg::ErrEraseRole));
    }
    let event = format!("client_erase_{}", why.id());
    audited(store, who, &event, |tx| {
        crate::store::retention::erase_client(tx, u.agency_id, id, why, now)?;
        Ok(((), id.0))
    })?;
    crate::store::retention::scrub(store.conn())?;
    Ok(())
}

/// Open a client's record: only within the owning agency, and always audited.
pub fn open_client(store: &mut Store, who: Who, id: ClientId) -> Result<clients::Stored> {
    let found = clients::get(store.conn(), who.user.agency_id, id)?;
    let outcome = if found.is_some() { "ok" } else { "denied" };
    on_record(store, who, "client_view", outcome, Some(id.into()))?;
    let mut s = found.ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
    if !who.user.role.sees_identity() {
        s.client.legal_name = None;
        s.client.phone = None;
        s.client.address = None;
    }
    Ok(s)
}

pub fn set_status(
    store: &mut Store,
    who: Who,
    id: ClientId,
    s: &StatusChange,
    now: Timestamp,
) -> Result<()> {
    let u = who.user;
    audited(store, who, "client_status", |tx| {
        clients::set_status(tx, u.agency_id, id, u.id, s, now)?;
        Ok(((), id.0))
    })
}

pub fn add_relief(
    store: &mut Store,
    who: Who,
    client_id: ClientId,
    r: &crate::domain::client::ReliefStep,
    now: Timestamp,
) -> Result<i64> {
    let u = who.user;
    audited(store, who, "relief_add", |tx| {
        let id = clients::add_relief(tx, u.agency_id, client_id, u.id, r, now)?;
        Ok((id, id))
    })
}

pub fn add_service(
    store: &mut Store,
    who: Who,
    client_id: ClientId,
    s: &ServiceEntry,
    now: Timestamp,
) -> Result<i64> {
    let u = who.user;
    audited(store, who, "service_add", |tx| {
        let id = clients::add_service(tx, u.agency_id, client_id, u.id, s, now, None)?;
        drafts::delete(tx, u.id, who.session_id, DraftForm::Service, Some(client_id.0))?;
        Ok((id, id))
    })
}

pub fn add_note(
    store: &mut Store,
    who: Who,
    client_id: ClientId,
    body: &str,
    now: Timestamp,
) -> Result<i64> {
    let u = who.user;
    audited(store, who, "note_add", |tx| {
        let id = clients::add_note(tx, u.agency_id, client_id, u.id, body, now)?;
        drafts::delete(tx, u.id, who.session_id, DraftForm::Note, Some(client_id.0))?;
        Ok((id, id))
    })
}

pub fn edit_note(
    store: &mut Store,
    who: Who,
    client_id: ClientId,
    note_id: i64,
    body: &str,
    now: Timestamp,
) -> Result<i64> {
    let u = who.user;
    audited(store, who, "note_edit", |tx| {
        let v = clients::edit_note(tx, u.agency_id, note_id, u.id, body, now)?;
        drafts::delete(tx, u.id, who.session_id, DraftForm::Note, Some(client_id.0))?;
        Ok((v, note_id))
    })
}

pub fn link_contact(
    store: &mut Store,
    who: Who,
    contact_id: ContactId,
    client_id: ClientId,
    now: Timestamp,
) -> Result<()> {
    let u = who.user;
    audited(store, who, "contact_link", |tx| {
        clients::link_contact(tx, u.agency_id, contact_id, client_id, now)?;
        Ok(((), contact_id))
    })
}

/// A client from a file, with the date of intake and the file's own reference for it.
pub struct ImportedClient {
    pub client: Client,
    pub intake_on: Date,
    pub external_ref: Option<String>,
}

pub fn import_clients(
    store: &mut Store,
    who: Who,
    rows: Rows<ImportedClient>,
    now: Timestamp,
    progress: &mut dyn FnMut(usize),
) -> Result<usize> {
    let u = who.user;
    let how = Staging {
        kind: Kind::Client,
        event: "client_import",
        size: |r: &ImportedClient| {
            let c = &r.client;
            let text =
                [&c.legal_name, &c.phone, &c.address].map(|t| t.as_ref().map_or(0, String::len));
            512 + c.chosen_name.len() + text.iter().sum::<usize>()
        },
        put: &mut |tx: &Transaction, import: i64, r: &ImportedClient| {
            let external_ref = r.external_ref.as_deref();
            let intake = clients::Intake { on: r.intake_on, external_ref, import: Some(import) };
            let id = clients::insert(tx, u.agency_id, u.id, &r.client, intake, now)?;
            Ok((id.0, false))
        },
        batch: None,
        last: &mut |_, _, _| Ok(()),
    };
    import_staged(store, who, how, rows, now, progress)
}

/// A service from a file: the client's id, who delivered it, and the service.
#[derive(Clone, Debug)]
pub struct ImportedService {
    pub client_id: ClientId,
    pub staff_id: UserId,
    pub service: ServiceEntry,
}

pub fn import_services(
    store: &mut Store,
    who: Who,
    rows: Rows<ImportedService>,
    now: Timestamp,
    progress: &mut dyn FnMut(usize),
) -> Result<usize> {
    let u = who.user;
    let how = Staging {
        kind: Kind::Service,
        event: "service_import",
        size: |r: &ImportedService| 256 + r.service.notes.len(),
        put: &mut |tx: &Transaction, import: i64, r: &ImportedService| {
            let (client, staff, s) = (r.client_id, r.staff_id, &r.service);
            let id = clients::add_service(tx, u.agency_id, client, staff, s, now, Some(import))?;
            Ok((id, false))
        },
        batch: None,
        // The clients served have had activity: their place in the list moves when it shows.
        last: &mut |tx, import, _| clients::touch_imported(tx, import, now),
    };
    import_staged(store, who, how, rows, now, progress)
}

// ---- screenings ----

use crate::domain::screening::{Answer, Outcome, Tool};
use crate::store::screenings::{self, Report, Start};

/// The tools on offer (newest version of each), recording the shipped ones first.
pub fn screening_tools(store: &mut Store, now: Timestamp) -> Result<Vec<Tool>> {
    store.write(|tx| screenings::ensure_shipped(tx, now))?;
    Ok(screenings::available(store.conn())?
        .into_iter()
        .filter_map(|(_, _, text)| crate::domain::screening::check(&text).ok())
        .collect())
}

/// What the step before the first item recorded.
pub struct Consent<'a> {
    pub language: &'a str,
    pub interpreter: &'a str,
    pub minor: &'a str,
}

/// Start a screening of a client or of the person on a contact, with the newest version of
/// the tool `tool_id`. Returns the screening's id and the tool version it uses.
pub fn start_screening(
    store: &mut Store,
    who: Who,
    client_id: Option<ClientId>,
    contact_id: Option<ContactId>,
    tool_id: &str,
    consent: &Consent,
    now: Timestamp,
) -> Result<(ScreeningId, Tool)> {
    let (_, _, text) = screenings::available(store.conn())?
        .into_iter()
        .find(|(id, _, _)| id == tool_id)
        .ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
    let tool =
        crate::domain::screening::check(&text).map_err(|_| Error::user(Msg::ErrToolInvalid))?;
    let source = store.source().to_string();
    let u = who.user;
    let id = store.write(|tx| {
        if let Some(c) = client_id {
            clients::get(tx, u.agency_id, c)?.ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
            clients::touch(tx, c, now)?;
        }
        let tool_row = screenings::ensure_tool(tx, &text, false, Some(u.id), now)?;
        let start = Start {
            client_id,
            contact_id,
            tool_row,
            language: consent.language,
            interpreter: consent.interpreter,
            minor: consent.minor,
        };
        let id = screenings::start(tx, u.agency_id, u.id, &start, now)?;
        audit_in(tx, &source, who, "screening_start", id).map(|_| id)
    })?;
    Ok((id, tool))
}

/// Add a screening tool version from its checked definition (administrators only).
pub fn import_tool(store: &mut Store, who: Who, definition: &str, now: Timestamp) -> Result<()> {
    if who.user.role != crate::domain::staff::Role::Admin {
        return Err(Error::user(Msg::ErrAdminOnly));
    }
    audited(store, who, "tool_import", |tx| {
        let id = screenings::ensure_tool(tx, definition, false, Some(who.user.id), now)?;
        Ok(((), id))
    })
}

pub fn answer_item(
    store: &mut Store,
    who: Who,
    id: ScreeningId,
    given: &screenings::Given,
    now: Timestamp,
) -> Result<()> {
    let u = who.user;
    store.write(|tx| screenings::answer(tx, u.agency_id, id, given, u.id, now))
}

pub fn close_screening(
    store: &mut Store,
    who: Who,
    id: ScreeningId,
    report: &Report,
    now: Timestamp,
) -> Result<Outcome> {
    let u = who.user;
    audited(store, who, "screening_close", |tx| {
        let out = screenings::close(tx, u.agency_id, id, report, now)?;
        // A mandatory report made from the screening goes into the person's disclosure log.
        crate::store::disclosures::from_report(tx, u.agency_id, u.id, ("screening", id.0), now)?;
        Ok((out.clone(), id))
    })
}

/// A screening as stored, opened (audited): its tool version, its answers, whether it is closed.
pub struct Opened {
    pub tool: Tool,
    pub answers: std::collections::HashMap<String, Answer>,
    pub closed: bool,
    pub minor: String,
    pub client_id: Option<ClientId>,
    pub contact_id: Option<ContactId>,
    /// The person's language, as recorded on the consent step.
    pub language: String,
}

pub fn open_screening(store: &mut Store, who: Who, id: ScreeningId) -> Result<Opened> {
    let h = screenings::header(store.conn(), who.user.agency_id, id)?
        .ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
    audited(store, who, "screening_view", |_| Ok(((), id)))?;
    Ok(Opened {
        tool: screenings::tool(store.conn(), h.tool_row)?,
        answers: screenings::answers(store.conn(), id)?,
        closed: h.closed,
        minor: h.minor,
        client_id: h.client_id,
        contact_id: h.contact_id,
        language: h.language,
    })
}

/// Answers this person gave in earlier screenings, newest first, for items `tool` shares.
pub fn earlier_answers(
    store: &Store,
    who: Who,
    client_id: ClientId,
    except: ScreeningId,
    tool: &Tool,
) -> Result<std::collections::HashMap<String, Answer>> {
    let ids = screenings::recent_of_client(store.conn(), who.user.agency_id, client_id, except)?;
    let mut found = std::collections::HashMap::new();
    for sid in ids {
        for (item, a) in screenings::answers(store.conn(), sid)? {
            if tool.items.iter().any(|i| i.id == item) {
                found.entry(item).or_insert(a);
            }
        }
    }
    Ok(found)
}

/// Refer a client or a hotline contact's person to a directory service.
pub fn refer(
    store: &mut Store,
    who: Who,
    subject: referrals::Subject,
    service_id: ServiceId,
    r: &Referral,
    now: Timestamp,
) -> Result<ReferralId> {
    let source = store.source().to_string();
    let u = who.user;
    let draft_of = match subject {
        referrals::Subject::Client(id) => (DraftForm::Referral, Some(id.0)),
        referrals::Subject::Contact(id) => (DraftForm::ReferralContact, Some(id.0)),
    };
    store.write(|tx| {
        let release_id = match &r.rests {
            Rests::Nothing => None,
            Rests::On(id) => Some(*id),
            Rests::New(rel) => {
                let id =
                    crate::store::releases::insert(tx, u.agency_id, subject, u.id, rel, None, now)?;
                audit_in(tx, &source, who, "release_add", id)?;
                Some(id)
            }
        };
        let id = referrals::insert(tx, u.agency_id, u.id, subject, service_id, r, release_id, now)?;
        // What identifies the person and leaves with the referral goes into their log.
        if let (Some(rid), false) = (release_id, r.share.is_empty()) {
            let rel = crate::store::releases::get(tx, u.agency_id, rid)?
                .ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
            let what = crate::domain::referral::groups(&r.share);
            let (client, contact) = subject.ids();
            let d = crate::store::disclosures::New {
                client,
                contact,
                kind: "referral".into(),
                on: r.referred_on,
                recipient_kind: rel.recipient_kind.clone(),
                recipient: Some(rel.recipient.clone()),
                what,
                basis: "release".into(),
                release_id: Some(rid),
                basis_detail: None,
                source: Some(("referral", id.0)),
                told: "yes".into(),
                told_on: Some(r.referred_on),
            };
            crate::store::disclosures::insert(tx, u.agency_id, u.id, &d, now)?;
        }
        drafts::delete(tx, u.id, who.session_id, draft_of.0, draft_of.1)?;
        audit_in(tx, &source, who, "referral_add", id).map(|_| id)
    })
}

pub fn referral_status(
    store: &mut Store,
    who: Who,
    id: ReferralId,
    s: &ReferralChange,
    now: Timestamp,
) -> Result<()> {
    let u = who.user;
    audited(store, who, "referral_status", |tx| {
        referrals::set_status(tx, u.agency_id, id, u.id, s, now)?;
        Ok(((), id))
    })
}

/// Open a referral: only within the agency, and audited.
pub fn open_referral(store: &mut Store, who: Who, id: ReferralId) -> Result<referrals::Stored> {
    let found = referrals::get(store.conn(), who.user.agency_id, id)?;
    let outcome = if found.is_some() { "ok" } else { "denied" };
    on_record(store, who, "referral_view", outcome, Some(id.into()))?;
    found.ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))
}
