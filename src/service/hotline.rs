//! Saving and opening hotline contacts and tips. Each save is one transaction holding the
//! record, its history, the removal of its draft and its audit row; each opening is audited.

use crate::domain::ids::{ContactId, TipId};
use jiff::Timestamp;

use crate::domain::caller;
use crate::domain::contact::Contact;
use crate::domain::draft::DraftForm;
use crate::domain::record::RuntimeOptions;
use crate::domain::tip::Tip;
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::store::tips::Scope;
use crate::store::users::User;
use crate::store::{Store, contacts, drafts, tips};

pub use super::Who;
use super::staged::Staging;
use super::{Rows, audit_in, import_staged, on_record};
use crate::store::imports::Kind;
use rusqlite::Transaction;

/// Save a new contact (`id` None) or an edit. Returns the contact's id.
pub fn save_contact(
    store: &mut Store,
    who: Who,
    id: Option<ContactId>,
    c: &Contact,
    now: Timestamp,
) -> Result<ContactId> {
    save_contact_kept(store, who, id, c, None, now)
}

/// Save a contact whose caller identifier may already be protected: `kept` is the mark a
/// draft held (a draft never holds the identifier as typed), used when none was typed since.
pub fn save_contact_kept(
    store: &mut Store,
    who: Who,
    id: Option<ContactId>,
    c: &Contact,
    kept: Option<&contacts::CallerMark>,
    now: Timestamp,
) -> Result<ContactId> {
    let key = drafts::caller_key(store.conn())?;
    let mark =
        c.caller_id.as_deref().and_then(|raw| caller::protect(raw, &key)).or_else(|| kept.cloned());
    let source = store.source().to_string();
    let u = who.user;
    store.write(|tx| {
        let saved = match id {
            None => contacts::insert(tx, u.agency_id, u.id, c, mark.as_ref(), now, None)?,
            Some(id) => {
                contacts::update(tx, u.agency_id, id, u.id, c, mark.as_ref(), now)?;
                id
            }
        };
        drafts::delete(tx, u.id, who.session_id, DraftForm::Contact, id.map(i64::from))?;
        // A mandatory report recorded on the contact goes into the person's disclosure log.
        crate::store::disclosures::from_report(tx, u.agency_id, u.id, ("contact", saved.0), now)?;
        let event = if id.is_none() { "contact_add" } else { "contact_edit" };
        audit_in(tx, &source, who, event, saved)?;
        Ok(saved)
    })
}

/// Bring in many contacts at once, streamed from their file: all of them, or none, written a
/// batch at a time out of sight and shown at once (see `store::imports`).
pub fn import_contacts(
    store: &mut Store,
    who: Who,
    rows: Rows<Contact>,
    now: Timestamp,
    progress: &mut dyn FnMut(usize),
) -> Result<usize> {
    let key = drafts::caller_key(store.conn())?;
    let u = who.user;
    let how = Staging {
        kind: Kind::Contact,
        // An import's row names how many records came in.
        event: "contact_import",
        size: |c: &Contact| {
            256 + c.notes.len() + c.not_reported_reason.as_ref().map_or(0, String::len)
        },
        put: &mut |tx: &Transaction, import: i64, c: &Contact| {
            let mark = c.caller_id.as_deref().and_then(|raw| caller::protect(raw, &key));
            let id = contacts::insert(tx, u.agency_id, u.id, c, mark.as_ref(), now, import)?;
            // A mandatory report goes into the person's disclosure log when the rows appear.
            Ok((id.0, c.reported_at.is_some() && !c.reported_to.is_empty()))
        },
        // The report's counts of each batch wait for the import to end.
        batch: Some(crate::store::rollups::tally),
        last: &mut |tx, _, reported| {
            for id in reported {
                crate::store::disclosures::from_report(
                    tx,
                    u.agency_id,
                    u.id,
                    ("contact", *id),
                    now,
                )?;
            }
            Ok(())
        },
    };
    import_staged(store, who, how, rows, now, progress)
}

/// A contact form's fields as a draft may keep them: the caller identifier as typed is taken
/// out and only its keyed hash and last two characters stay (or the mark kept before, when
/// nothing was typed since). Returns the JSON payload.
pub fn contact_draft(
    store: &Store,
    focus: usize,
    mut fields: crate::domain::record::Raw,
    kept: Option<&contacts::CallerMark>,
) -> Result<String> {
    let typed = fields.remove("caller_id").filter(|v| !v.trim().is_empty());
    let mark = match typed {
        Some(raw) => caller::protect(&raw, &drafts::caller_key(store.conn())?),
        None => kept.cloned(),
    };
    let caller = mark.map(|(hash, last2)| serde_json::json!({ "hash": hash, "last2": last2 }));
    Ok(serde_json::json!({ "focus": focus, "fields": fields, "caller": caller }).to_string())
}

/// The protected caller identifier a contact draft kept, if any.
pub fn draft_caller(payload: &serde_json::Value) -> Option<contacts::CallerMark> {
    let c = &payload["caller"];
    Some((c["hash"].as_str()?.to_string(), c["last2"].as_str()?.to_string()))
}

/// Open a contact of the user's agency (audited).
pub fn open_contact(store: &mut Store, who: Who, id: ContactId) -> Result<contacts::Stored> {
    let found = contacts::get(store.conn(), who.user.agency_id, id)?
        .ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
    on_record(store, who, "contact_view", "ok", Some(id.into()))?;
    Ok(found)
}

/// The choices a tip form offers: law-enforcement staff to assign, agencies to refer to. A user
/// outside law enforcement refers only to their own agency and assigns to no one.
pub fn tip_options(store: &Store, user: &User) -> Result<RuntimeOptions> {
    let mut r = RuntimeOptions::new();
    match Scope::of(user) {
        Scope::All => {
            r.insert("assigned_to", tips::assignees(store.conn())?);
            r.insert("referred_to", tips::referral_agencies(store.conn())?);
        }
        Scope::ReferredTo(a) => {
            r.insert("assigned_to", Vec::new());
            r.insert("referred_to", vec![(a.to_string(), user.agency_name.clone())]);
        }
    }
    Ok(r)
}

/// Save a tip (new or edited). Outside law enforcement a tip is always referred to the user's
/// own agency, so they keep seeing what they logged.
pub fn save_tip(
    store: &mut Store,
    who: Who,
    id: Option<TipId>,
    t: &Tip,
    now: Timestamp,
) -> Result<TipId> {
    let scope = Scope::of(who.user);
    let mut t = t.clone();
    if let Scope::ReferredTo(a) = scope {
        t.referred_to = Some(a);
    }
    let source = store.source().to_string();
    let u = who.user;
    store.write(|tx| {
        let saved = match id {
            None => tips::insert(tx, u.agency_id, u.id, &t, now, None)?,
            Some(id) => {
                tips::update(tx, scope, id, u.id, &t, now)?;
                id
            }
        };
        drafts::delete(tx, u.id, who.session_id, DraftForm::Tip, id.map(i64::from))?;
        audit_in(tx, &source, who, if id.is_none() { "tip_add" } else { "tip_edit" }, saved)?;
        Ok(saved)
    })
}

/// Bring in many tips at once, as `import_contacts` does contacts.
pub fn import_tips(
    store: &mut Store,
    who: Who,
    rows: Rows<Tip>,
    now: Timestamp,
    progress: &mut dyn FnMut(usize),
) -> Result<usize> {
    let u = who.user;
    let own = match Scope::of(u) {
        Scope::All => None,
        Scope::ReferredTo(a) => Some(a),
    };
    let how = Staging {
        kind: Kind::Tip,
        event: "tip_import",
        size: |t: &Tip| 256 + t.notes.len(),
        put: &mut |tx: &Transaction, import: i64, t: &Tip| {
            let mut t = t.clone();
            if own.is_some() {
                t.referred_to = own;
            }
            Ok((tips::insert(tx, u.agency_id, u.id, &t, now, import)?.0, false))
        },
        batch: None,
        last: &mut |_, _, _| Ok(()),
    };
    import_staged(store, who, how, rows, now, progress)
}

pub fn open_tip(store: &mut Store, who: Who, id: TipId) -> Result<tips::Stored> {
    let found = tips::get(store.conn(), Scope::of(who.user), id)?
        .ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
    on_record(store, who, "tip_view", "ok", Some(id.into()))?;
    Ok(found)
}

/// What the console says of a caller while their number is typed: how many earlier contacts of
/// the agency came from them, and the newest of those.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallerHistory {
    pub count: i64,
    pub contacts: Vec<contacts::Prior>,
}

/// How many earlier contacts a caller history lists.
const HISTORY_SHOWN: i64 = 20;

/// The agency's earlier contacts from the caller whose number (or handle) is `typed`, leaving
/// out `except` (the contact being edited); None while what is typed is too short to be one
/// caller's (fewer than 7 characters) or nobody called from it before. The number is hashed in
/// memory and never written.
pub fn caller_history(
    store: &Store,
    who: Who,
    typed: &str,
    except: Option<ContactId>,
) -> Result<Option<CallerHistory>> {
    if caller::normalize(typed).chars().count() < 7 {
        return Ok(None);
    }
    let key = drafts::caller_key(store.conn())?;
    let Some((hash, _)) = caller::protect(typed, &key) else { return Ok(None) };
    let (count, contacts) =
        contacts::by_caller(store.conn(), who.user.agency_id, &hash, except, HISTORY_SHOWN)?;
    Ok((count > 0).then_some(CallerHistory { count, contacts }))
}

/// The list of a caller's earlier contacts was opened: on record.
pub fn caller_history_shown(store: &mut Store, who: Who) -> Result<()> {
    on_record(store, who, "caller_history", "ok", None)
}

/// A list of records was read out (on the command line): on record, with who read it.
pub fn listed(store: &mut Store, who: Who, event: &str) -> Result<()> {
    on_record(store, who, event, "ok", None)
}

/// Keep what is typed on a form as a draft of the session it is typed in.
pub fn save_draft(
    store: &mut Store,
    who: Who,
    form: DraftForm,
    record_id: Option<i64>,
    payload: &str,
    now: Timestamp,
) -> Result<()> {
    // A draft does not wait for the disk (see `Store::write_light`); a saved record does.
    store.write_light(|tx| {
        drafts::save(tx, who.user.id, who.session_id, form, record_id, payload, now)
    })
}

pub fn discard_draft(
    store: &mut Store,
    who: Who,
    form: DraftForm,
    record_id: Option<i64>,
) -> Result<()> {
    store.write(|tx| drafts::discard(tx, who.user.id, who.session_id, form, record_id))
}

/// The user's drafts as this session sees them, newest first, each with who holds it.
pub fn drafts_for(store: &Store, who: Who, now: Timestamp) -> Result<Vec<drafts::Offered>> {
    let db = store.db_path();
    let live = |s, pid| crate::auth::live::is_live(db, s, pid);
    drafts::available(store.conn(), who.user.id, who.session_id, live, now)
}

/// This session takes up a draft: its own, or (the user having agreed) one of a session that
/// ended, is gone, or sits idle, which can then no longer save it.
pub fn take_draft(store: &mut Store, who: Who, id: i64) -> Result<()> {
    let db = store.db_path().to_path_buf();
    let live = |s, pid| crate::auth::live::is_live(&db, s, pid);
    store.write(|tx| drafts::take_over(tx, who.user.id, who.session_id, id, live))
}
