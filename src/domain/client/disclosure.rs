//! A disclosure logged by hand: identifying data that left the agency without a release, under
//! an exception the law names (a court order or subpoena, a mandatory report made outside the
//! console, another statute), and whether the person was told. Also the small forms of the
//! disclosures screen: the person told, a case offered to another agency, a signed copy back.

use jiff::civil::Date;

use crate::domain::client::release::SCOPES;
use crate::domain::fields::{FieldError, FieldSpec, Kind, Options};
use crate::domain::record::{Raw, RuntimeOptions, Values, parse_all};
use crate::i18n::Msg;

/// What kind of disclosure it was (the log's kinds; those logged by hand first).
pub const KINDS: &[(&str, Msg)] = &[
    ("court_order", Msg::DiscCourtOrder),
    ("mandatory_report", Msg::DiscMandatoryReport),
    ("other", Msg::DiscOther),
    ("referral", Msg::DiscReferral),
    ("transfer", Msg::DiscTransfer),
    ("export", Msg::DiscExport),
];

/// The kinds a person logs by hand: the rest are written as they happen.
pub const BY_HAND: &[(&str, Msg)] = KINDS.split_at(3).0;

/// Who received it.
pub const RECIPIENTS: &[(&str, Msg)] = &[
    ("court", Msg::RecipCourt),
    ("law_enforcement", Msg::RecipLawEnforcement),
    ("child_welfare", Msg::RecipChildWelfare),
    ("tribal", Msg::RepTribal),
    ("service_provider", Msg::RecipServiceProvider),
    ("health", Msg::RecipHealth),
    ("the_person", Msg::RecipThePerson),
    ("other", Msg::RecipOther),
];

/// Under what it went.
pub const BASES: &[(&str, Msg)] = &[
    ("release", Msg::BasisRelease),
    ("statute", Msg::BasisStatute),
    ("court_order", Msg::BasisCourtOrder),
    ("own_request", Msg::BasisOwnRequest),
];

/// Whether the person was told.
pub const TOLD: &[(&str, Msg)] =
    &[("not_yet", Msg::ToldNotYet), ("yes", Msg::ToldYes), ("not_safe", Msg::ToldNotSafe)];

pub const FIELDS: &[FieldSpec] = &[
    FieldSpec::new("kind", Msg::FieldDiscKind, Kind::One(Options::Fixed(BY_HAND))).required(),
    FieldSpec::new("on", Msg::FieldDisclosedOn, Kind::Date).required(),
    FieldSpec::new(
        "recipient_kind",
        Msg::FieldRecipientKind,
        Kind::One(Options::Fixed(RECIPIENTS)),
    )
    .required(),
    FieldSpec::new("recipient", Msg::FieldRecipient, Kind::Line { max: 200 }),
    FieldSpec::new("what", Msg::FieldDiscWhat, Kind::Many(Options::Fixed(SCOPES))).required(),
    FieldSpec::new("basis_detail", Msg::FieldDiscLaw, Kind::Line { max: 300 }).required(),
    FieldSpec::new("told", Msg::FieldTold, Kind::One(Options::Fixed(TOLD))).required(),
    FieldSpec::new("told_on", Msg::FieldToldOn, Kind::Date),
];

pub const TOLD_FIELDS: &[FieldSpec] = &[
    FieldSpec::new("told", Msg::FieldTold, Kind::One(Options::Fixed(TOLD))).required(),
    FieldSpec::new("told_on", Msg::FieldToldOn, Kind::Date),
];

pub const OFFER_FIELDS: &[FieldSpec] = &[
    FieldSpec::new("release", Msg::FieldOfferRelease, Kind::One(Options::Runtime)).required(),
    FieldSpec::new("note", Msg::FieldOfferNote, Kind::Notes { max: 500 }),
];

pub const SIGNED_FIELDS: &[FieldSpec] =
    &[FieldSpec::new("on", Msg::FieldSignedCopyOn, Kind::Date).required()];

pub const DECLINE_FIELDS: &[FieldSpec] =
    &[FieldSpec::new("reason", Msg::FieldStatusReason, Kind::Line { max: 300 }).required()];

/// A disclosure as the form gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ByHand {
    pub kind: String,
    pub on: Date,
    pub recipient_kind: String,
    pub recipient: Option<String>,
    pub what: Vec<String>,
    /// The statute or the order, named.
    pub law: String,
    pub told: String,
    pub told_on: Option<Date>,
}

impl ByHand {
    /// Checked: not in the future, the person told on a day (not before it) when told.
    pub fn from_raw(raw: &Raw, today: Date) -> Result<ByHand, Vec<FieldError>> {
        let v = Values(parse_all(FIELDS, raw, &RuntimeOptions::new())?);
        let (told, told_on) = told(&v)?;
        let d = ByHand {
            kind: v.one("kind"),
            on: v.date("on").unwrap_or(today),
            recipient_kind: v.one("recipient_kind"),
            recipient: v.text("recipient"),
            what: v.many("what"),
            law: v.one("basis_detail"),
            told,
            told_on,
        };
        if d.on > today {
            return Err(vec![FieldError::new("on", Msg::ErrDateInFuture)]);
        }
        if d.told_on.is_some_and(|t| t < d.on) {
            return Err(vec![FieldError::new("told_on", Msg::ErrToldBeforeDisclosed)]);
        }
        Ok(d)
    }

    /// The basis the log records: a court order for one, the statute otherwise.
    pub fn basis(&self) -> &'static str {
        if self.kind == "court_order" { "court_order" } else { "statute" }
    }
}

fn told(v: &Values) -> Result<(String, Option<Date>), Vec<FieldError>> {
    let told = v.one("told");
    let on = v.date("told_on");
    match (told.as_str(), on) {
        ("yes", None) => Err(vec![FieldError::new("told_on", Msg::ErrToldOn)]),
        ("yes", Some(d)) => Ok((told, Some(d))),
        _ => Ok((told, None)),
    }
}

/// The person told (on a day), or telling them is not safe.
pub fn told_from_raw(raw: &Raw) -> Result<(String, Option<Date>), Vec<FieldError>> {
    told(&Values(parse_all(TOLD_FIELDS, raw, &RuntimeOptions::new())?))
}

/// The offer form: the release chosen (one of `runtime`'s) and the note, if any.
pub fn offer_from_raw(
    raw: &Raw,
    runtime: &RuntimeOptions,
) -> Result<(i64, Option<String>), Vec<FieldError>> {
    let v = Values(parse_all(OFFER_FIELDS, raw, runtime)?);
    let release = v.one("release").parse::<i64>();
    let release = release.map_err(|_| vec![FieldError::new("release", Msg::ErrRequiredShort)])?;
    Ok((release, v.text("note")))
}

/// The day a signed copy came back.
pub fn signed_from_raw(raw: &Raw) -> Result<Date, Vec<FieldError>> {
    let v = Values(parse_all(SIGNED_FIELDS, raw, &RuntimeOptions::new())?);
    v.date("on").ok_or_else(|| vec![FieldError::new("on", Msg::ErrRequiredShort)])
}

/// Why an offered case is declined.
pub fn decline_from_raw(raw: &Raw) -> Result<String, Vec<FieldError>> {
    Ok(Values(parse_all(DECLINE_FIELDS, raw, &RuntimeOptions::new())?).one("reason"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(pairs: &[(&str, &str)]) -> Raw {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn a_disclosure_by_hand_names_its_law_and_when_the_person_was_told() {
        let today: Date = "2026-11-30".parse().unwrap();
        let mut r = raw(&[
            ("kind", "court_order"),
            ("on", "2026-11-20"),
            ("recipient_kind", "court"),
            ("what", "case_notes"),
            ("told", "yes"),
        ]);
        let e = ByHand::from_raw(&r, today).unwrap_err();
        assert_eq!(e[0].key, "basis_detail");
        r.insert("basis_detail".into(), "Subpoena D-202-CV-2026-01234".into());
        assert_eq!(ByHand::from_raw(&r, today).unwrap_err()[0].msg, Msg::ErrToldOn);
        r.insert("told_on".into(), "2026-11-19".into());
        assert_eq!(ByHand::from_raw(&r, today).unwrap_err()[0].msg, Msg::ErrToldBeforeDisclosed);
        r.insert("told_on".into(), "2026-11-21".into());
        let d = ByHand::from_raw(&r, today).unwrap();
        assert_eq!((d.basis(), d.told_on), ("court_order", Some("2026-11-21".parse().unwrap())));
        r.insert("told".into(), "not_safe".into());
        assert_eq!(ByHand::from_raw(&r, today).unwrap().told_on, None);
        r.insert("on".into(), "2026-12-01".into());
        assert_eq!(ByHand::from_raw(&r, today).unwrap_err()[0].msg, Msg::ErrDateInFuture);
    }
}
