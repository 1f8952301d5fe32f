//! The clients screens' use cases, as jobs the app runs.

use super::RecordView;
use super::rows::{filter_of, list_row, timeline_row};
use crate::domain::ids::ClientId;
use crate::domain::record::{Raw, RuntimeOptions};
use crate::i18n::{Msg, fill};
use crate::service::casework;
use crate::store::clients as store_clients;
use crate::ui::effect::{Done, Effect};
use crate::ui::screens::records::local_day;
use crate::ui::widgets::form::Form;
use crate::ui::widgets::pager::{Pager, Select, Spot};

/// A page of the agency's clients, through the filter (by offset: a search's matches come by
/// rank, and the whole list is read by searching, not by paging to the far end).
pub(super) fn load(filter: Raw, spot: Spot, select: Select) -> Effect {
    Effect::run(move |store, ctx| {
        let who = ctx.who()?;
        let agency = who.user.agency_id;
        let (mut f, today, lang, conn) =
            (filter_of(&filter), local_day(ctx.now), ctx.lang, store.conn());
        f.legal_names = who.user.role.sees_identity();
        let fetch = |s: &Spot, l| {
            Ok(store_clients::list(conn, agency, &f, s.offset, l)?
                .into_iter()
                .map(|r| list_row(r, today, lang))
                .collect())
        };
        Ok(Done::Clients(Pager::load_at(fetch, spot, select)?))
    })
}

/// The staff of the agency a client may be assigned to.
pub(super) fn options() -> Effect {
    Effect::run(|store, ctx| {
        let mut r = RuntimeOptions::new();
        r.insert("assigned_to", store_clients::staff_of(store.conn(), ctx.who()?.user.agency_id)?);
        Ok(Done::ClientOptions(r))
    })
}

/// A page of a client's timeline (one person's record: by offset).
pub(super) fn timeline(client: ClientId, spot: Spot, select: Select) -> Effect {
    Effect::run(move |store, ctx| {
        let (agency, lang, conn) = (ctx.who()?.user.agency_id, ctx.lang, store.conn());
        let today = crate::domain::time::local_day(ctx.now);
        let fetch = |s: &Spot, l| {
            Ok(store_clients::timeline(conn, agency, client, s.offset, l)?
                .into_iter()
                .map(|e| timeline_row(e, lang, today))
                .collect())
        };
        Ok(Done::Timeline(Pager::load_at(fetch, spot, select)?))
    })
}

/// A client's case record (audited), with the first page of its timeline.
pub(super) fn open_client(id: ClientId) -> Effect {
    Effect::run(move |store, ctx| {
        let who = ctx.who()?;
        let stored = casework::open_client(store, who, id)?;
        let (agency, lang, conn) = (who.user.agency_id, ctx.lang, store.conn());
        let today = crate::domain::time::local_day(ctx.now);
        let timeline = Pager::load(
            |s: &Spot, l| {
                Ok(store_clients::timeline(conn, agency, id, s.offset, l)?
                    .into_iter()
                    .map(|e| timeline_row(e, lang, today))
                    .collect())
            },
            Spot::top(),
        )?;
        Ok(Done::ClientRecord(Box::new(RecordView { stored, timeline, today })))
    })
}

/// Every version of a note, to read.
pub(super) fn note(note_id: i64) -> Effect {
    Effect::run(move |store, ctx| {
        let agency = ctx.who()?.user.agency_id;
        Ok(Done::NoteVersions(
            note_id,
            store_clients::note_versions(store.conn(), agency, note_id)?,
        ))
    })
}

/// A service line, in full.
pub(super) fn service_line(service_id: i64) -> Effect {
    Effect::run(move |store, ctx| {
        let agency = ctx.who()?.user.agency_id;
        let view = store_clients::service(store.conn(), agency, service_id)?
            .ok_or_else(|| crate::Error::user(Msg::ErrNoSuchRecord))?;
        Ok(Done::ServiceLine(Box::new(view)))
    })
}

/// The payment form, offering the agency's funds that are open and have money left.
pub(super) fn payment_form() -> Effect {
    Effect::run(|store, ctx| {
        let (agency, lang) = (ctx.who()?.user.agency_id, ctx.lang);
        let today = local_day(ctx.now);
        let open: Vec<(String, String)> = crate::store::funds::list(store.conn(), agency)?
            .iter()
            .filter(|f| f.remaining_cents() > 0 && f.to >= today)
            .map(|f| {
                let left = crate::domain::fields::format_cents(f.remaining_cents());
                (f.id.to_string(), fill(Msg::FundLeft.text(lang), &[&f.name, &left]))
            })
            .collect();
        if open.is_empty() {
            return Err(crate::Error::user(Msg::ErrNoOpenFund));
        }
        let mut raw = Raw::new();
        if let [(only, _)] = open.as_slice() {
            raw.insert("fund".into(), only.clone());
        }
        raw.insert("paid_on".into(), today.to_string());
        let mut runtime = RuntimeOptions::new();
        runtime.insert("fund", open);
        let form = Form::from_schema(crate::domain::fund::PAYMENT_FIELDS, &raw, &runtime, lang);
        Ok(Done::PaymentForm(Box::new(form)))
    })
}
