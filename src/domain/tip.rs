//! A tip or referral received (NCMEC CyberTipline, the National Human Trafficking Hotline, CYFD,
//! the public, other agencies), worked by law enforcement and shared with a service agency by
//! referral.

use crate::domain::ids::{AgencyId, UserId};
use jiff::Timestamp;

use crate::domain::fields::{FieldError, FieldSpec, Kind, Options};
use crate::domain::record::{Raw, RuntimeOptions, Values, parse_all};
use crate::i18n::Msg;

pub const SOURCES: &[(&str, Msg)] = &[
    ("ncmec", Msg::SrcNcmec),
    ("nhth", Msg::SrcNhth),
    ("cyfd", Msg::RepCyfd),
    ("public", Msg::SrcPublic),
    ("law_enforcement", Msg::RepLawEnforcement),
    ("other_agency", Msg::SrcOtherAgency),
    ("self", Msg::SrcSelf),
];

/// The NCMEC CyberTipline categories, and adult trafficking.
pub const CATEGORIES: &[(&str, Msg)] = &[
    ("csam", Msg::CatCsam),
    ("enticement", Msg::CatEnticement),
    ("child_sex_trafficking", Msg::CatChildSexTrafficking),
    ("travel_to_meet_child", Msg::CatTravel),
    ("child_sex_tourism", Msg::CatTourism),
    ("obscene_material", Msg::CatObscene),
    ("misleading_domain", Msg::CatMisleading),
    ("misleading_words_images", Msg::CatMisleadingWords),
    ("child_sexual_molestation", Msg::CatMolestation),
    ("adult_sex_trafficking", Msg::CatAdultSex),
    ("adult_labour_trafficking", Msg::CatAdultLabour),
    ("other", Msg::LangOther),
];

/// The CyberTipline incident type a category is counted under in NCMEC's figures: travel to
/// meet a child is a kind of online enticement; the adult categories and "other" are none.
pub fn ncmec_type(category: &str) -> Option<&'static str> {
    match category {
        "travel_to_meet_child" => Some("enticement"),
        "adult_sex_trafficking" | "adult_labour_trafficking" | "other" => None,
        c => CATEGORIES.iter().map(|(id, _)| *id).find(|id| *id == c),
    }
}

/// Annotations NCMEC adds beside a report's incident type.
pub const ANNOTATIONS: &[(&str, Msg)] = &[
    ("sextortion", Msg::AnnSextortion),
    ("self_produced", Msg::AnnSelfProduced),
    ("planned_meeting", Msg::AnnPlannedMeeting),
    ("missing_child", Msg::AnnMissingChild),
    ("violence", Msg::AnnViolence),
    ("infant_toddler", Msg::AnnInfant),
    ("other", Msg::LangOther),
];

pub const STATUSES: &[(&str, Msg)] = &[
    ("new", Msg::TipNew),
    ("assigned", Msg::TipAssigned),
    ("in_progress", Msg::TipInProgress),
    ("closed", Msg::TipClosed),
];

pub const FIELDS: &[FieldSpec] = &[
    FieldSpec::new("source", Msg::FieldSource, Kind::One(Options::Fixed(SOURCES))).required(),
    FieldSpec::new("reference", Msg::FieldReference, Kind::Line { max: 64 }),
    FieldSpec::new("received_at", Msg::FieldReceivedAt, Kind::DateTime).required(),
    FieldSpec::new("category", Msg::FieldCategory, Kind::One(Options::Fixed(CATEGORIES)))
        .required(),
    FieldSpec::new("annotations", Msg::FieldAnnotations, Kind::Many(Options::Fixed(ANNOTATIONS))),
    FieldSpec::new("children", Msg::FieldChildren, Kind::Whole { min: 0, max: 999 }),
    FieldSpec::new("area", Msg::FieldArea, Kind::One(Options::Areas)).required(),
    FieldSpec::new("status", Msg::FieldStatus, Kind::One(Options::Fixed(STATUSES))).required(),
    FieldSpec::new("closed_reason", Msg::FieldClosedReason, Kind::Line { max: 300 }),
    FieldSpec::new("assigned_to", Msg::FieldAssignedTo, Kind::One(Options::Runtime)),
    FieldSpec::new("referred_to", Msg::FieldReferredTo, Kind::One(Options::Runtime)),
    FieldSpec::new("notes", Msg::FieldNotes, Kind::Notes { max: 4000 }),
];

pub fn defaults(now: Timestamp) -> Raw {
    let mut raw = Raw::new();
    raw.insert("status".into(), "new".into());
    raw.insert("area".into(), "unknown".into());
    raw.insert("received_at".into(), crate::domain::fields::format_local_datetime(now));
    raw
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tip {
    pub source: String,
    pub reference: Option<String>,
    pub received_at: Timestamp,
    pub category: String,
    /// NCMEC's annotations beside the category (sextortion, ...).
    pub annotations: Vec<String>,
    pub children: Option<i64>,
    pub area: String,
    pub status: String,
    pub closed_reason: Option<String>,
    /// A user id.
    pub assigned_to: Option<UserId>,
    /// The service agency the tip is referred to (an agency id).
    pub referred_to: Option<AgencyId>,
    pub notes: String,
}

impl Tip {
    /// `runtime` holds the valid "assigned_to" (user ids) and "referred_to" (agency ids).
    pub fn from_raw(raw: &Raw, runtime: &RuntimeOptions) -> Result<Tip, Vec<FieldError>> {
        let v = Values(parse_all(FIELDS, raw, runtime)?);
        let id = |k: &str| v.text(k).and_then(|s| s.parse::<i64>().ok());
        let t = Tip {
            source: v.one("source"),
            reference: v.text("reference"),
            received_at: v.time("received_at").unwrap_or_default(),
            category: v.one("category"),
            annotations: v.many("annotations"),
            children: v.number("children"),
            area: v.one("area"),
            status: v.one("status"),
            closed_reason: v.text("closed_reason"),
            assigned_to: id("assigned_to").map(UserId),
            referred_to: id("referred_to").map(AgencyId),
            notes: v.text("notes").unwrap_or_default(),
        };
        let mut e = Vec::new();
        if t.status == "closed" && t.closed_reason.is_none() {
            e.push(FieldError::new("closed_reason", Msg::ErrClosedReason));
        }
        if matches!(t.status.as_str(), "assigned" | "in_progress") && t.assigned_to.is_none() {
            e.push(FieldError::new("assigned_to", Msg::ErrAssignee));
        }
        if e.is_empty() { Ok(t) } else { Err(e) }
    }

    pub fn to_raw(&self) -> Raw {
        let mut r = Raw::new();
        let mut put = |k: &str, v: String| {
            r.insert(k.to_string(), v);
        };
        put("source", self.source.clone());
        put("reference", self.reference.clone().unwrap_or_default());
        put("received_at", crate::domain::fields::format_local_datetime(self.received_at));
        put("category", self.category.clone());
        put("annotations", self.annotations.join(";"));
        put("children", self.children.map(|n| n.to_string()).unwrap_or_default());
        put("area", self.area.clone());
        put("status", self.status.clone());
        put("closed_reason", self.closed_reason.clone().unwrap_or_default());
        put("assigned_to", self.assigned_to.map(|n| n.to_string()).unwrap_or_default());
        put("referred_to", self.referred_to.map(|n| n.to_string()).unwrap_or_default());
        put("notes", self.notes.clone());
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runtime() -> RuntimeOptions {
        let mut r = RuntimeOptions::new();
        r.insert("assigned_to", vec![("7".into(), "Det. Ruiz".into())]);
        r.insert("referred_to", vec![("3".into(), "Enlace".into())]);
        r
    }

    #[test]
    fn status_rules_and_runtime_options() {
        let mut raw = defaults("2026-11-28T20:00:00Z".parse().unwrap());
        raw.insert("source".into(), "ncmec".into());
        raw.insert("category".into(), "enticement".into());
        let t = Tip::from_raw(&raw, &runtime()).unwrap();
        assert_eq!(Tip::from_raw(&t.to_raw(), &runtime()).unwrap(), t);
        raw.insert("status".into(), "assigned".into());
        assert_eq!(Tip::from_raw(&raw, &runtime()).unwrap_err()[0].key, "assigned_to");
        raw.insert("assigned_to".into(), "8".into());
        assert_eq!(Tip::from_raw(&raw, &runtime()).unwrap_err()[0].msg, Msg::ErrNotAnOption);
        raw.insert("assigned_to".into(), "7".into());
        raw.insert("status".into(), "closed".into());
        assert_eq!(Tip::from_raw(&raw, &runtime()).unwrap_err()[0].key, "closed_reason");
    }
}
