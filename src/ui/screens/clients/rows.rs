//! The rows a clients screen shows: the list's and the timeline's, in the user's language.

use super::{ListRow, TimelineRow};
use crate::domain::client::{self, Client, EventKind};
use crate::domain::record::Raw;
use crate::domain::referral;
use crate::domain::screening::Status;
use crate::domain::time;
use crate::i18n::{Lang, Msg};
use crate::store::clients as store_clients;

pub(super) fn label(list: &'static [(&'static str, Msg)], id: &str, lang: Lang) -> String {
    list.iter()
        .find(|(i, _)| *i == id)
        .map(|(_, m)| m.text(lang).to_string())
        .unwrap_or_else(|| id.into())
}

pub(super) fn age_text(
    age: Option<i64>,
    range: Option<&str>,
    birth: Option<&str>,
    today: jiff::civil::Date,
    lang: Lang,
) -> String {
    let born = birth.and_then(|b| b.parse::<jiff::civil::Date>().ok());
    let c = Client { birth_date: born, age, ..Default::default() };
    match (c.age_on(today), range) {
        (Some(a), _) => a.to_string(),
        (None, Some(r)) => client::age_range_label(r, lang),
        (None, None) => String::new(),
    }
}

pub(super) fn list_row(r: store_clients::Row, today: jiff::civil::Date, lang: Lang) -> ListRow {
    ListRow {
        id: r.id,
        danger: r.danger,
        cells: vec![
            format!("#{}", r.id),
            r.chosen_name.clone(),
            age_text(r.age, r.age_range.as_deref(), r.birth_date.as_deref(), today, lang),
            label(client::STATUSES, &r.status, lang),
            time::show_db(&r.last_activity),
            r.assigned.unwrap_or_default(),
        ],
    }
}

pub(super) fn filter_of(raw: &Raw) -> store_clients::Filter {
    let v = |k: &str| raw.get(k).map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    store_clients::Filter {
        status: v("status"),
        assigned_to: v("assigned_to").and_then(|s| s.parse().ok()),
        search: v("search"),
        // Set by the job that loads the list, from the searcher's role.
        legal_names: false,
    }
}

pub(super) fn timeline_row(
    e: store_clients::Event,
    lang: Lang,
    today: jiff::civil::Date,
) -> TimelineRow {
    let when = if e.at.len() == 10 { e.at.clone() } else { time::show_db(&e.at) };
    let (kind, what) = match e.kind {
        EventKind::Status => {
            // The coded reason for closing, then the words given (either may be empty).
            let s = label(client::STATUSES, &e.a, lang);
            let (code, words) = e.b.split_once('\u{1f}').unwrap_or(("", e.b.as_str()));
            let why: Vec<String> = [
                (!code.is_empty()).then(|| label(client::CLOSURE_REASONS, code, lang)),
                (!words.is_empty()).then(|| words.to_string()),
            ]
            .into_iter()
            .flatten()
            .collect();
            (Msg::TlStatus, if why.is_empty() { s } else { format!("{s}: {}", why.join(" · ")) })
        }
        EventKind::Relief => (Msg::TlRelief, label(client::RELIEF_KINDS, &e.a, lang)),
        EventKind::Release => {
            // To whom and until when; revoked, or ended, says so.
            let (to, until) = e.a.split_once('\u{1f}').unwrap_or((e.a.as_str(), ""));
            // The day first, so a narrow column never cuts it off.
            let today = today.to_string();
            let what = if !e.b.is_empty() {
                crate::i18n::fill(Msg::ReleaseRevokedOn.text(lang), &[&e.b, to])
            } else if until < today.as_str() {
                crate::i18n::fill(Msg::ReleaseEnded.text(lang), &[until, to])
            } else {
                crate::i18n::fill(Msg::ReleaseLine.text(lang), &[to, until])
            };
            (Msg::TlRelease, what)
        }
        EventKind::Service => {
            let s = label(client::SERVICES, &e.a, lang);
            (Msg::TlService, if e.b.is_empty() { s } else { format!("{s}, {} min", e.b) })
        }
        EventKind::Note => {
            let first = e.a.lines().next().unwrap_or("").to_string();
            let v = if e.b != "1" { format!(" (v{})", e.b) } else { String::new() };
            (Msg::TlNote, format!("{first}{v}"))
        }
        EventKind::Payment => {
            let (status, cents) = e.b.split_once(' ').unwrap_or((&e.b, "0"));
            let cents = cents.parse::<i64>().unwrap_or_default();
            (
                Msg::TlPayment,
                format!(
                    "{} ${}: {}",
                    label(crate::domain::fund::CATEGORIES, &e.a, lang),
                    crate::domain::fields::format_cents(cents),
                    label(crate::domain::fund::STATUSES, status, lang)
                ),
            )
        }
        EventKind::Referral => {
            (Msg::TlReferral, format!("{}: {}", label(referral::STATUSES, &e.b, lang), e.a))
        }
        EventKind::Screening => {
            let (tool, version) = e.a.split_once(' ').unwrap_or((&e.a, "1"));
            let status = Status::parse(&e.b).map_or(e.b.as_str(), |s| s.label(lang));
            (
                Msg::TlScreening,
                format!(
                    "{status}: {} v{version}",
                    crate::ui::screens::screening::tool_title(tool, lang)
                ),
            )
        }
        EventKind::Contact => (
            Msg::TlContact,
            format!(
                "{}, {}",
                label(crate::domain::contact::CHANNELS, &e.a, lang),
                label(crate::domain::contact::CALLER_TYPES, &e.b, lang)
            ),
        ),
    };
    TimelineRow {
        kind: e.kind,
        ref_id: e.ref_id,
        cells: vec![when, kind.text(lang).to_string(), what, e.by.unwrap_or_default()],
    }
}
