//! What is done on a case: services delivered, case notes, status changes, and the kinds of
//! line a case's timeline shows.

use jiff::civil::Date;

use crate::domain::fields::{FieldError, FieldSpec, Kind, Options};
use crate::domain::record::{Raw, RuntimeOptions, Values, parse_all};
use crate::i18n::Msg;

use super::{CLOSURE_REASONS, LIVING_SITUATIONS, SERVICES, STATUSES};

/// What a line of a case's timeline is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventKind {
    Status,
    Relief,
    Release,
    Service,
    Note,
    Contact,
    Screening,
    Referral,
    Payment,
}

impl EventKind {
    pub const ALL: [EventKind; 9] = [
        EventKind::Status,
        EventKind::Relief,
        EventKind::Release,
        EventKind::Service,
        EventKind::Note,
        EventKind::Contact,
        EventKind::Screening,
        EventKind::Referral,
        EventKind::Payment,
    ];

    /// The name the timeline query gives it.
    pub fn id(self) -> &'static str {
        match self {
            EventKind::Status => "status",
            EventKind::Relief => "relief",
            EventKind::Release => "release",
            EventKind::Service => "service",
            EventKind::Note => "note",
            EventKind::Contact => "contact",
            EventKind::Screening => "screening",
            EventKind::Referral => "referral",
            EventKind::Payment => "payment",
        }
    }

    pub fn parse(id: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.id() == id)
    }
}

/// A service delivered to a client.
pub const SERVICE_FIELDS: &[FieldSpec] = &[
    FieldSpec::new("service_type", Msg::FieldServiceType, Kind::One(Options::Fixed(SERVICES)))
        .required(),
    FieldSpec::new("delivered_on", Msg::FieldDeliveredOn, Kind::Date).required(),
    FieldSpec::new("minutes", Msg::FieldDuration, Kind::Minutes),
    FieldSpec::new("notes", Msg::FieldNotes, Kind::Notes { max: 2000 }),
];

/// A case note (each edit becomes a new version).
pub const NOTE_FIELDS: &[FieldSpec] =
    &[FieldSpec::new("body", Msg::FieldNote, Kind::Notes { max: 4000 }).required()];

/// A change of a case's status.
pub const STATUS_FIELDS: &[FieldSpec] = &[
    FieldSpec::new("status", Msg::FieldStatus, Kind::One(Options::Fixed(STATUSES))).required(),
    FieldSpec::new(
        "closure_reason",
        Msg::FieldClosureReason,
        Kind::One(Options::Fixed(CLOSURE_REASONS)),
    ),
    FieldSpec::new(
        "living_situation",
        Msg::FieldLivingSituation,
        Kind::One(Options::Fixed(LIVING_SITUATIONS)),
    ),
    FieldSpec::new("reason", Msg::FieldStatusReason, Kind::Line { max: 300 }),
    FieldSpec::new("on", Msg::FieldOnDate, Kind::Date).required(),
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceEntry {
    pub service_type: String,
    pub delivered_on: Date,
    pub minutes: Option<i64>,
    pub notes: String,
}

impl ServiceEntry {
    pub fn from_raw(raw: &Raw) -> Result<ServiceEntry, Vec<FieldError>> {
        let v = Values(parse_all(SERVICE_FIELDS, raw, &RuntimeOptions::new())?);
        Ok(ServiceEntry {
            service_type: v.one("service_type"),
            delivered_on: v.date("delivered_on").unwrap_or_default(),
            minutes: v.number("minutes"),
            notes: v.text("notes").unwrap_or_default(),
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusChange {
    pub status: String,
    /// When closing: why, and where the person is living, coded.
    pub closure_reason: Option<String>,
    pub living_situation: Option<String>,
    pub reason: Option<String>,
    pub on: Date,
}

impl StatusChange {
    pub fn from_raw(raw: &Raw) -> Result<StatusChange, Vec<FieldError>> {
        let v = Values(parse_all(STATUS_FIELDS, raw, &RuntimeOptions::new())?);
        let closing = v.one("status") == "closed";
        let s = StatusChange {
            status: v.one("status"),
            closure_reason: v.text("closure_reason").filter(|_| closing),
            living_situation: v.text("living_situation").filter(|_| closing),
            reason: v.text("reason"),
            on: v.date("on").unwrap_or_default(),
        };
        let mut e = Vec::new();
        if closing && s.closure_reason.is_none() {
            e.push(FieldError::new("closure_reason", Msg::ErrClosureCoded));
        }
        if closing && s.living_situation.is_none() {
            e.push(FieldError::new("living_situation", Msg::ErrClosureCoded));
        }
        if e.is_empty() { Ok(s) } else { Err(e) }
    }
}

/// Immigration relief steps, recorded as dated case events.
pub const RELIEF_KINDS: &[(&str, Msg)] = &[
    ("cp_requested", Msg::RelCpRequested),
    ("cp_granted", Msg::RelCpGranted),
    ("t_visa_applied", Msg::RelTApplied),
    ("t_visa_granted", Msg::RelTGranted),
    ("hhs_eligibility", Msg::RelHhsEligibility),
    ("hhs_certification", Msg::RelHhsCertification),
];

/// A step of immigration relief and its day.
pub const RELIEF_FIELDS: &[FieldSpec] = &[
    FieldSpec::new("kind", Msg::FieldReliefKind, Kind::One(Options::Fixed(RELIEF_KINDS)))
        .required(),
    FieldSpec::new("on", Msg::FieldOnDate, Kind::Date).required(),
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReliefStep {
    pub kind: String,
    pub on: Date,
}

impl ReliefStep {
    pub fn from_raw(raw: &Raw) -> Result<ReliefStep, Vec<FieldError>> {
        let v = Values(parse_all(RELIEF_FIELDS, raw, &RuntimeOptions::new())?);
        Ok(ReliefStep { kind: v.one("kind"), on: v.date("on").unwrap_or_default() })
    }
}
