//! The rows of the hotline log and the tips list, a page at a time, through a filter.

use ratatui::layout::Constraint;

use super::{ANY, RecordKind};
use crate::domain::contact;
use crate::domain::fields::{Options, option_list};
use crate::domain::record::Raw;
use crate::domain::time;
use crate::domain::tip;
use crate::error::Result;
use crate::i18n::{Lang, Msg};
use crate::store::tips::Scope;
use crate::store::{Store, contacts, tips};
use crate::ui::widgets::pager::{Key, PageKey, Spot};

/// A list row, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListRow {
    pub id: i64,
    /// The time the list is kept in order by (a contact's start, a tip's receipt), as stored.
    pub at: String,
    pub cells: Vec<String>,
}

/// The log and the tips page by (time, record number): page k costs what page 1 costs.
impl PageKey for ListRow {
    fn page_key(&self) -> Option<Key> {
        Some(Key { at: self.at.clone(), id: self.id })
    }
}

/// A filter's typed values, read through its schema (a bad date is simply not applied).
fn filter_value(raw: &Raw, key: &str) -> Option<String> {
    raw.get(key).map(|s| s.trim().to_string()).filter(|s| !s.is_empty() && s != ANY)
}

fn contact_filter(raw: &Raw, today: jiff::civil::Date) -> contacts::Filter {
    let date = |k| filter_value(raw, k).and_then(|s| crate::domain::fields::parse_date(&s));
    contacts::Filter {
        from: date("from"),
        to: date("to"),
        channel: filter_value(raw, "channel"),
        outcome: filter_value(raw, "outcome"),
        follow_up_due_by: (filter_value(raw, "follow_up_due").as_deref() == Some("yes"))
            .then_some(today),
    }
}

fn tip_filter(raw: &Raw) -> tips::Filter {
    let date = |k| filter_value(raw, k).and_then(|s| crate::domain::fields::parse_date(&s));
    tips::Filter {
        status: filter_value(raw, "status"),
        source: filter_value(raw, "source"),
        category: filter_value(raw, "category"),
        from: date("from"),
        to: date("to"),
    }
}

/// The label of a stored option id.
pub(super) fn label(list: &'static [(&'static str, Msg)], id: &str, lang: Lang) -> String {
    list.iter()
        .find(|(i, _)| *i == id)
        .map(|(_, m)| m.text(lang).to_string())
        .unwrap_or_else(|| id.to_string())
}

fn area_label(id: &str, lang: Lang) -> String {
    option_list(Options::Areas, lang)
        .into_iter()
        .find(|(i, _)| i == id)
        .map(|(_, l)| l)
        .unwrap_or_default()
}

/// One page of the list, as rows to show.
/// What a list shows: whose view, which kind, which filter, in which language, on which day.
pub struct ListView<'a> {
    pub user: &'a crate::store::users::User,
    pub kind: RecordKind,
    pub filter: &'a Raw,
    pub lang: Lang,
    pub today: jiff::civil::Date,
}

pub fn fetch(store: &Store, v: &ListView, spot: &Spot, limit: i64) -> Result<Vec<ListRow>> {
    let (who, filter, lang, today) = (v.user, v.filter, v.lang, v.today);
    let start = spot.start.clone();
    Ok(match v.kind {
        RecordKind::Contact => contacts::page(
            store.conn(),
            who.agency_id,
            &contact_filter(filter, today),
            start,
            limit,
        )?
        .into_iter()
        .map(|r| {
            let mut flags = String::new();
            if r.minor == "yes" {
                flags.push('M');
            }
            if matches!(r.trafficking_type.as_str(), "sex" | "labour" | "both") {
                flags.push('!');
            }
            let outcome =
                r.outcomes.first().map(|o| label(contact::OUTCOMES, o, lang)).unwrap_or_default();
            ListRow {
                id: r.id.into(),
                at: r.started_at.clone(),
                cells: vec![
                    time::show_db(&r.started_at),
                    label(contact::CHANNELS, &r.channel, lang),
                    label(contact::CALLER_TYPES, &r.caller_type, lang),
                    outcome,
                    r.follow_up_on.unwrap_or_default(),
                    flags,
                ],
            }
        })
        .collect(),
        RecordKind::Tip => {
            tips::page(store.conn(), Scope::of(who), &tip_filter(filter), start, limit)?
                .into_iter()
                .map(|r| ListRow {
                    id: r.id.into(),
                    at: r.received_at.clone(),
                    cells: vec![
                        time::show_db(&r.received_at),
                        label(tip::SOURCES, &r.source, lang),
                        label(tip::CATEGORIES, &r.category, lang),
                        label(tip::STATUSES, &r.status, lang),
                        r.assigned_to.unwrap_or_default(),
                        area_label(&r.area, lang),
                    ],
                })
                .collect()
        }
    })
}

pub(super) fn columns(kind: RecordKind) -> (Vec<Msg>, Vec<Constraint>) {
    match kind {
        RecordKind::Contact => (
            vec![
                Msg::FieldStartedAt,
                Msg::FieldChannel,
                Msg::FieldCallerType,
                Msg::FieldOutcomes,
                Msg::FieldFollowUpOn,
                Msg::ColFlags,
            ],
            vec![
                Constraint::Length(17),
                Constraint::Length(9),
                Constraint::Length(18),
                Constraint::Fill(1),
                Constraint::Length(12),
                Constraint::Length(5),
            ],
        ),
        RecordKind::Tip => (
            vec![
                Msg::FieldReceivedAt,
                Msg::FieldSource,
                Msg::FieldCategory,
                Msg::FieldStatus,
                Msg::FieldAssignedTo,
                Msg::FieldArea,
            ],
            vec![
                Constraint::Length(17),
                Constraint::Length(12),
                Constraint::Fill(1),
                Constraint::Length(11),
                Constraint::Length(12),
                Constraint::Length(10),
            ],
        ),
    }
}
