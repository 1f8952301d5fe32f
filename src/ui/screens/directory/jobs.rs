//! The directory's use cases, as jobs the app runs: a search, a service's detail, the service
//! and referral forms with what they need read first.

use super::{DMode, PAGE};
use crate::domain::ids::ServiceId;
use crate::domain::record::{Raw, RuntimeOptions};
use crate::domain::referral;
use crate::i18n::{Msg, fill};
use crate::store::directory::{self, Filter};
use crate::store::referrals::Subject;
use crate::ui::effect::{Done, Effect};
use crate::ui::widgets::form::Form;

/// The first page of services for what the box says and the filters, as of search box
/// revision `rev`.
pub(super) fn search(text: String, filter: Filter, rev: u64) -> Effect {
    Effect::run(move |store, ctx| {
        let today = crate::domain::time::local_day(ctx.now);
        let hits = directory::search(store.conn(), &text, &filter, today, 0, PAGE)?;
        Ok(Done::Hits(hits, rev))
    })
}

/// A service's detail.
pub(super) fn show(id: ServiceId) -> Effect {
    Effect::run(move |store, ctx| {
        let today = crate::domain::time::local_day(ctx.now);
        let detail = directory::detail(store.conn(), id, today)?
            .ok_or_else(|| crate::Error::user(Msg::ErrNoSuchRecord))?;
        Ok(Done::ServiceDetail(Box::new(detail)))
    })
}

/// The service form: empty for a new service, the stored one, or `raw` from a draft.
pub(super) fn service_form(
    id: Option<ServiceId>,
    raw: Option<Raw>,
    focus: Option<usize>,
) -> Effect {
    Effect::run(move |store, ctx| {
        let conn = store.conn();
        let mut runtime = RuntimeOptions::new();
        let orgs = directory::organizations(conn)?;
        runtime.insert("organization", orgs.into_iter().map(|(i, n)| (i.to_string(), n)).collect());
        let raw = match (raw, id) {
            (Some(raw), _) => raw,
            (None, None) => {
                let mut raw = Raw::new();
                for k in ["confirmed", "open_24_7", "statewide", "show_address"] {
                    raw.insert(k.into(), "no".into());
                }
                // Whoever adds an entry has just checked it.
                let today = crate::domain::time::local_day(ctx.now);
                raw.insert("last_verified".into(), today.to_string());
                raw
            }
            (None, Some(id)) => {
                let s = directory::service_for_edit(conn, id)?
                    .ok_or_else(|| crate::Error::user(Msg::ErrNoSuchRecord))?;
                let confirmed = directory::organization_confirmed(conn, s.organization_id)?;
                directory::service_to_raw(&s, confirmed)
            }
        };
        let form = Form::from_schema(directory::SERVICE_FIELDS, &raw, &runtime, ctx.lang);
        Ok(Done::ServiceForm(Box::new(form), id, focus, Box::new(runtime)))
    })
}

/// The referral form for the person being referred, to service `service_id`: the releases of
/// theirs in force to choose from, and what a new one to this service would be.
pub(super) fn refer_form(
    subject: Subject,
    service_id: ServiceId,
    raw: Option<Raw>,
    focus: Option<usize>,
) -> Effect {
    Effect::run(move |store, ctx| {
        let today = crate::domain::time::local_day(ctx.now);
        let conn = store.conn();
        let missing = || crate::Error::user(Msg::ErrNoSuchRecord);
        let to_le = crate::store::referrals::service_is_law_enforcement(conn, service_id)?
            .ok_or_else(missing)?;
        let hit = directory::detail(conn, service_id, today)?.ok_or_else(missing)?.hit;
        let kind = if to_le { "law_enforcement" } else { "service_provider" };
        let to = referral::To {
            organization: hit.organization.clone(),
            law_enforcement: to_le,
            default_days: crate::store::releases::default_days(conn, kind)?,
        };
        let in_force: Vec<referral::InForce> = crate::store::releases::of(conn, subject)?
            .into_iter()
            // Only a release to this organisation: a release names who receives.
            .filter(|r| r.in_force(today) && r.recipient.eq_ignore_ascii_case(&hit.organization))
            .map(|r| referral::InForce {
                label: fill(
                    Msg::ReleaseLine.text(ctx.lang),
                    &[&r.recipient, &r.expires_on.to_string()],
                ),
                id: r.id,
                recipient_kind: r.recipient_kind,
                scope: r.scope,
            })
            .collect();
        let language = crate::store::referrals::subject_language(conn, subject)?;
        let raw = raw.unwrap_or_else(|| referral::defaults(today, &language));
        let runtime = referral::release_options(&in_force, ctx.lang);
        let form = Form::from_schema(referral::FIELDS, &raw, &runtime, ctx.lang);
        let mode = DMode::Refer { form, service_id, service: hit.name, to, in_force };
        Ok(Done::ReferForm(Box::new(mode), focus))
    })
}
