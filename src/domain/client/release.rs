//! A client's release of information: who receives it, what of the client it covers, for what
//! purpose, how it was given and in which language it was explained, and until when. It ends
//! at the end of its last day (New Mexico time) and may be revoked at any time. A release is
//! never a condition of service: nothing a worker records for a client asks for one.

use jiff::civil::Date;

use crate::domain::fields::{FieldError, FieldSpec, Kind, Options};
use crate::domain::record::{Raw, RuntimeOptions, Values, parse_all};
use crate::i18n::Msg;

/// Who receives what a release covers.
pub const RECIPIENT_KINDS: &[(&str, Msg)] = &[
    ("service_provider", Msg::RecipServiceProvider),
    ("law_enforcement", Msg::RecipLawEnforcement),
    ("court", Msg::RecipCourt),
    ("health", Msg::RecipHealth),
    ("the_person", Msg::RecipThePerson),
    ("other", Msg::RecipOther),
];

/// The groups of a client's data a release may cover.
pub const SCOPES: &[(&str, Msg)] = &[
    ("contact_details", Msg::ScopeContact),
    ("date_of_birth", Msg::ScopeBirth),
    ("address", Msg::ScopeAddress),
    ("case_notes", Msg::ScopeNotes),
    ("screening_results", Msg::ScopeScreening),
    ("services", Msg::ScopeServices),
    ("payments", Msg::ScopePayments),
];

/// How the release was given.
pub const METHODS: &[(&str, Msg)] = &[
    ("written", Msg::MethodWritten),
    ("verbal_witnessed", Msg::MethodVerbalWitnessed),
    ("electronic", Msg::MethodElectronic),
];

/// The language the release was explained in.
pub const EXPLAINED_IN: &[(&str, Msg)] =
    &[("english", Msg::LangEnglish), ("spanish", Msg::LangSpanish), ("other", Msg::LangOther)];

/// The language a release is explained in, from the person's language on record.
pub fn explained_in_for(language: &str) -> &'static str {
    match language {
        "english" => "english",
        "spanish" => "spanish",
        _ => "other",
    }
}

/// How a revocation was given.
pub const REVOKED_HOW: &[(&str, Msg)] = &[
    ("written", Msg::MethodWrittenPlain),
    ("verbal", Msg::MethodVerbal),
    ("electronic", Msg::MethodElectronic),
];

pub const RELEASE_FIELDS: &[FieldSpec] = &[
    FieldSpec::new(
        "recipient_kind",
        Msg::FieldRecipientKind,
        Kind::One(Options::Fixed(RECIPIENT_KINDS)),
    )
    .required(),
    FieldSpec::new("recipient_agency", Msg::FieldRecipientAgency, Kind::One(Options::Runtime)),
    FieldSpec::new("recipient", Msg::FieldRecipient, Kind::Line { max: 200 }),
    FieldSpec::new("scope", Msg::FieldReleaseScope, Kind::Many(Options::Fixed(SCOPES))).required(),
    FieldSpec::new("purpose", Msg::FieldReleasePurpose, Kind::Line { max: 300 }).required(),
    FieldSpec::new("signed_on", Msg::FieldSignedOn, Kind::Date).required(),
    FieldSpec::new("method", Msg::FieldReleaseMethod, Kind::One(Options::Fixed(METHODS)))
        .required(),
    FieldSpec::new("witness", Msg::FieldWitness, Kind::Line { max: 100 }),
    FieldSpec::new("explained_in", Msg::FieldExplainedIn, Kind::One(Options::Fixed(EXPLAINED_IN)))
        .required(),
    FieldSpec::new("expires_on", Msg::FieldExpiresOn, Kind::Date),
];

/// How many days a release to each recipient kind runs when its last day is left blank.
pub type Defaults = [(String, i64)];

pub const REVOKE_FIELDS: &[FieldSpec] = &[
    FieldSpec::new("revoked_on", Msg::FieldRevokedOn, Kind::Date).required(),
    FieldSpec::new("revoked_how", Msg::FieldRevokedHow, Kind::One(Options::Fixed(REVOKED_HOW)))
        .required(),
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Release {
    pub recipient_kind: String,
    pub recipient: String,
    /// The agency of the console it names, if any (its name is then the recipient).
    pub to_agency: Option<crate::domain::ids::AgencyId>,
    pub scope: Vec<String>,
    pub purpose: String,
    pub signed_on: Date,
    pub method: String,
    pub witness: Option<String>,
    pub explained_in: String,
    pub expires_on: Date,
}

impl Release {
    /// A release from its form, checked: to an agency of the console (`agencies`: id, name
    /// and whether it is law enforcement) or a party named in words; signed no later than
    /// `today`; its last day, when blank, the default for its kind; ending no earlier than it
    /// was signed; a verbal one names its witness.
    pub fn from_raw(
        raw: &Raw,
        today: Date,
        agencies: &[(i64, String, bool)],
        defaults: &Defaults,
    ) -> Result<Release, Vec<FieldError>> {
        let mut runtime = RuntimeOptions::new();
        let listed = agencies.iter().map(|(id, name, _)| (id.to_string(), name.clone()));
        runtime.insert("recipient_agency", listed.collect());
        let v = Values(parse_all(RELEASE_FIELDS, raw, &runtime)?);
        let kind = v.one("recipient_kind");
        let agency = v.text("recipient_agency").and_then(|a| a.parse::<i64>().ok());
        let named = agency.and_then(|a| agencies.iter().find(|(id, _, _)| *id == a));
        let signed_on = v.date("signed_on").unwrap_or(today);
        let days = defaults.iter().find(|(k, _)| *k == kind).map_or(90, |(_, d)| *d);
        let r = Release {
            recipient: match (named, v.text("recipient")) {
                (_, Some(words)) => words,
                (Some((_, name, _)), None) => name.clone(),
                (None, None) => String::new(),
            },
            to_agency: named.map(|(id, _, _)| crate::domain::ids::AgencyId(*id)),
            recipient_kind: kind,
            scope: v.many("scope"),
            purpose: v.one("purpose"),
            signed_on,
            method: v.one("method"),
            witness: v.text("witness"),
            explained_in: v.one("explained_in"),
            expires_on: v.date("expires_on").unwrap_or_else(|| {
                signed_on.checked_add(jiff::Span::new().days(days)).unwrap_or(signed_on)
            }),
        };
        let mut errors = Vec::new();
        if r.recipient.is_empty() {
            errors.push(FieldError::new("recipient", Msg::ErrRequiredShort));
        }
        if named.is_some_and(|(_, _, le)| *le) && r.recipient_kind != "law_enforcement" {
            errors.push(FieldError::new("recipient_kind", Msg::ErrReleaseKindAgency));
        }
        if r.signed_on > today {
            errors.push(FieldError::new("signed_on", Msg::ErrDateInFuture));
        }
        if r.expires_on < r.signed_on {
            errors.push(FieldError::new("expires_on", Msg::ErrReleaseEndsBeforeSigned));
        }
        if r.method == "verbal_witnessed" && r.witness.is_none() {
            errors.push(FieldError::new("witness", Msg::ErrReleaseWitness));
        }
        if errors.is_empty() { Ok(r) } else { Err(errors) }
    }
}

/// A revocation: the day it was given (not after `today`, not before the release was signed)
/// and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Revocation {
    pub on: Date,
    pub how: String,
}

impl Revocation {
    pub fn from_raw(
        raw: &Raw,
        signed_on: Date,
        today: Date,
    ) -> Result<Revocation, Vec<FieldError>> {
        let v = Values(parse_all(REVOKE_FIELDS, raw, &RuntimeOptions::new())?);
        let on = v.date("revoked_on").unwrap_or(today);
        if on > today {
            return Err(vec![FieldError::new("revoked_on", Msg::ErrDateInFuture)]);
        }
        if on < signed_on {
            return Err(vec![FieldError::new("revoked_on", Msg::ErrRevokedBeforeSigned)]);
        }
        Ok(Revocation { on, how: v.one("revoked_how") })
    }
}

/// Whether a release is in force on `day`: signed by then, not past its last day, and not
/// revoked on or before it.
pub fn in_force(signed_on: Date, expires_on: Date, revoked_on: Option<Date>, day: Date) -> bool {
    signed_on <= day && day <= expires_on && revoked_on.is_none_or(|r| r > day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(pairs: &[(&str, &str)]) -> Raw {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn full() -> Raw {
        raw(&[
            ("recipient_kind", "service_provider"),
            ("recipient", "Casa de Paz shelter"),
            ("scope", "contact_details;services"),
            ("purpose", "Shelter placement"),
            ("signed_on", "2026-11-30"),
            ("method", "written"),
            ("explained_in", "spanish"),
            ("expires_on", "2026-12-30"),
        ])
    }

    #[test]
    fn a_release_is_specific_dated_and_witnessed_when_verbal() {
        let today: Date = "2026-11-30".parse().unwrap();
        let r = Release::from_raw(&full(), today, &[], &[]).unwrap();
        assert_eq!(r.scope, ["contact_details", "services"]);
        let from = |raw: &Raw| Release::from_raw(raw, today, &[], &[]);
        let keys = |e: Vec<FieldError>| e.into_iter().map(|e| e.key).collect::<Vec<_>>();
        let mut verbal = full();
        verbal.insert("method".into(), "verbal_witnessed".into());
        assert_eq!(keys(from(&verbal).unwrap_err()), ["witness"]);
        let mut back = full();
        back.insert("expires_on".into(), "2026-11-29".into());
        assert_eq!(keys(from(&back).unwrap_err()), ["expires_on"]);
        let mut later = full();
        later.insert("signed_on".into(), "2026-12-01".into());
        later.insert("expires_on".into(), "2026-12-31".into());
        assert_eq!(keys(from(&later).unwrap_err()), ["signed_on"]);
        let mut nothing = full();
        nothing.insert("scope".into(), String::new());
        assert_eq!(keys(from(&nothing).unwrap_err()), ["scope"]);
        let mut nobody = full();
        nobody.insert("recipient".into(), String::new());
        assert_eq!(keys(from(&nobody).unwrap_err()), ["recipient"]);
    }

    #[test]
    fn a_blank_last_day_is_the_default_for_its_kind_and_an_agency_is_named() {
        let today: Date = "2026-11-30".parse().unwrap();
        let defaults = [("law_enforcement".to_string(), 30), ("service_provider".to_string(), 365)];
        let agencies =
            [(4, "Las Cruces PD".to_string(), true), (5, "Casa de Paz".to_string(), false)];
        let mut r = full();
        r.remove("expires_on");
        r.remove("recipient");
        r.insert("recipient_agency".into(), "5".into());
        let got = Release::from_raw(&r, today, &agencies, &defaults).unwrap();
        assert_eq!(got.expires_on, "2027-11-30".parse::<Date>().unwrap());
        assert_eq!(
            (got.recipient.as_str(), got.to_agency),
            ("Casa de Paz", Some(crate::domain::ids::AgencyId(5)))
        );
        // A law-enforcement agency is only ever a law-enforcement recipient.
        r.insert("recipient_agency".into(), "4".into());
        let e = Release::from_raw(&r, today, &agencies, &defaults).unwrap_err();
        assert_eq!(e[0].msg, Msg::ErrReleaseKindAgency);
        r.insert("recipient_kind".into(), "law_enforcement".into());
        let got = Release::from_raw(&r, today, &agencies, &defaults).unwrap();
        assert_eq!(got.expires_on, "2026-12-30".parse::<Date>().unwrap());
    }

    #[test]
    fn a_release_is_in_force_through_its_last_day_until_revoked() {
        let d = |s: &str| -> Date { s.parse().unwrap() };
        let (signed, last) = (d("2026-11-01"), d("2026-11-30"));
        assert!(!in_force(signed, last, None, d("2026-10-31")));
        assert!(in_force(signed, last, None, d("2026-11-30")), "its whole last day");
        assert!(!in_force(signed, last, None, d("2026-12-01")));
        assert!(in_force(signed, last, Some(d("2026-11-15")), d("2026-11-14")));
        assert!(!in_force(signed, last, Some(d("2026-11-15")), d("2026-11-15")));
    }
}
