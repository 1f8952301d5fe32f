//! The two kinds of record the hotline screen keeps, and the filters of their lists.

use crate::domain::contact;
use crate::domain::draft::DraftForm;
use crate::domain::fields::{FieldSpec, Kind, Options};
use crate::domain::tip;
use crate::i18n::Msg;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordKind {
    Contact,
    Tip,
}

impl RecordKind {
    /// The form its drafts are kept under.
    pub fn draft_form(self) -> DraftForm {
        match self {
            RecordKind::Contact => DraftForm::Contact,
            RecordKind::Tip => DraftForm::Tip,
        }
    }

    pub(super) fn schema(self) -> &'static [FieldSpec] {
        match self {
            RecordKind::Contact => contact::FIELDS,
            RecordKind::Tip => tip::FIELDS,
        }
    }

    pub(super) fn filter_schema(self) -> &'static [FieldSpec] {
        match self {
            RecordKind::Contact => CONTACT_FILTER,
            RecordKind::Tip => TIP_FILTER,
        }
    }
}

pub(super) const ANY: &str = "";

const CONTACT_FILTER: &[FieldSpec] = &[
    FieldSpec::new("from", Msg::FieldFrom, Kind::Date),
    FieldSpec::new("to", Msg::FieldTo, Kind::Date),
    FieldSpec::new("channel", Msg::FieldChannel, Kind::One(Options::Fixed(contact::CHANNELS))),
    FieldSpec::new("outcome", Msg::FieldOutcomes, Kind::One(Options::Fixed(contact::OUTCOMES))),
    FieldSpec::new(
        "follow_up_due",
        Msg::FieldFollowUpDue,
        Kind::One(Options::Fixed(crate::domain::fields::YES_NO)),
    ),
];

const TIP_FILTER: &[FieldSpec] = &[
    FieldSpec::new("status", Msg::FieldStatus, Kind::One(Options::Fixed(tip::STATUSES))),
    FieldSpec::new("source", Msg::FieldSource, Kind::One(Options::Fixed(tip::SOURCES))),
    FieldSpec::new("category", Msg::FieldCategory, Kind::One(Options::Fixed(tip::CATEGORIES))),
    FieldSpec::new("from", Msg::FieldFrom, Kind::Date),
    FieldSpec::new("to", Msg::FieldTo, Kind::Date),
];
