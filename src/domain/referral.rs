//! Referrals to directory services: the form, the release a referral rests on, and what of the
//! person it carries to the receiving agency. Without a release it carries nothing
//! identifying; a release is time-limited and revocable, and after it ends nothing more is
//! shared under it. The form may record a new release there and then (a caller's consent on
//! the phone) or use one of the person's releases in force.

use jiff::civil::Date;

use crate::domain::client::release::{self, EXPLAINED_IN, METHODS, Release};
use crate::domain::fields::{FieldError, FieldSpec, Kind, Options};
use crate::domain::record::{Raw, RuntimeOptions, Values, parse_all};
use crate::i18n::Msg;

/// What of the person a referral may carry.
pub const SHARE: &[(&str, Msg)] = &[
    ("name", Msg::ShareName),
    ("phone", Msg::SharePhone),
    ("birth_date", Msg::ShareBirthDate),
    ("address", Msg::ShareAddress),
    ("language", Msg::ShareLanguage),
];

/// The groups of a release (release::SCOPES) that carrying `share` needs, each once.
pub fn groups(share: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in share {
        let g = group_of(s).to_string();
        if !out.contains(&g) {
            out.push(g);
        }
    }
    out
}

/// The group of a release (release::SCOPES) that lets a referral carry an item of SHARE.
pub fn group_of(item: &str) -> &'static str {
    match item {
        "birth_date" => "date_of_birth",
        "address" => "address",
        _ => "contact_details",
    }
}

pub const STATUSES: &[(&str, Msg)] = &[
    ("made", Msg::RefMade),
    ("accepted", Msg::RefAccepted),
    ("declined", Msg::RefDeclined),
    ("completed", Msg::RefCompleted),
];

/// The release choice's fixed options; the person's releases in force are added by id.
pub const NO_RELEASE: &str = "none";
pub const NEW_RELEASE: &str = "new";

pub const FIELDS: &[FieldSpec] = &[
    FieldSpec::new("referred_on", Msg::FieldReferredOn, Kind::Date).required(),
    FieldSpec::new("reason", Msg::FieldRefReason, Kind::Notes { max: 500 }).required(),
    FieldSpec::new("release", Msg::FieldRefRelease, Kind::One(Options::Runtime)).required(),
    FieldSpec::new("share", Msg::FieldShare, Kind::Many(Options::Fixed(SHARE))),
    FieldSpec::new("method", Msg::FieldReleaseMethod, Kind::One(Options::Fixed(METHODS))),
    FieldSpec::new("witness", Msg::FieldWitness, Kind::Line { max: 100 }),
    FieldSpec::new("explained_in", Msg::FieldExplainedIn, Kind::One(Options::Fixed(EXPLAINED_IN))),
    FieldSpec::new("consent_until", Msg::FieldExpiresOn, Kind::Date),
    FieldSpec::new("follow_up_on", Msg::FieldFollowUpOn, Kind::Date),
];

pub const STATUS_FIELDS: &[FieldSpec] = &[
    FieldSpec::new("status", Msg::FieldStatus, Kind::One(Options::Fixed(STATUSES))).required(),
    FieldSpec::new("on", Msg::FieldOnDate, Kind::Date).required(),
    FieldSpec::new("reason", Msg::FieldStatusReason, Kind::Line { max: 300 }),
    FieldSpec::new("follow_up_on", Msg::FieldFollowUpOn, Kind::Date),
];

/// The release a referral rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rests {
    /// None: the referral carries nothing identifying.
    Nothing,
    /// A release recorded with the referral.
    New(Release),
    /// One of the person's releases in force, by id.
    On(i64),
}

/// A referral as the form gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Referral {
    pub referred_on: Date,
    pub reason: String,
    pub rests: Rests,
    /// What it carries of the person (SHARE).
    pub share: Vec<String>,
    pub follow_up_on: Option<Date>,
}

/// One of the person's releases in force, as the form offers it: id, label, recipient kind
/// and what it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InForce {
    pub id: i64,
    pub label: String,
    pub recipient_kind: String,
    pub scope: Vec<String>,
}

/// Where the referral goes: the organisation's name, whether it is law enforcement, and the
/// default length of a new release to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct To {
    pub organization: String,
    pub law_enforcement: bool,
    pub default_days: i64,
}

/// The form's defaults: today, no release, follow up in a week.
pub fn defaults(today: Date, language: &str) -> Raw {
    let mut raw = Raw::new();
    raw.insert("referred_on".into(), today.to_string());
    raw.insert("release".into(), NO_RELEASE.into());
    raw.insert("method".into(), "verbal_witnessed".into());
    raw.insert("explained_in".into(), release::explained_in_for(language).into());
    let week = today.checked_add(jiff::Span::new().days(7)).unwrap_or(today);
    raw.insert("follow_up_on".into(), week.to_string());
    raw
}

/// The release field's options: nothing identifying, a new release, the person's in force.
pub fn release_options(in_force: &[InForce], lang: crate::i18n::Lang) -> RuntimeOptions {
    let mut options = vec![
        (NO_RELEASE.to_string(), Msg::RefNoRelease.text(lang).to_string()),
        (NEW_RELEASE.to_string(), Msg::RefNewRelease.text(lang).to_string()),
    ];
    options.extend(in_force.iter().map(|r| (r.id.to_string(), r.label.clone())));
    let mut runtime = RuntimeOptions::new();
    runtime.insert("release", options);
    runtime
}

impl Referral {
    pub fn from_raw(
        raw: &Raw,
        in_force: &[InForce],
        to: &To,
        lang: crate::i18n::Lang,
    ) -> Result<Referral, Vec<FieldError>> {
        let v = Values(parse_all(FIELDS, raw, &release_options(in_force, lang))?);
        let referred_on = v.date("referred_on").unwrap_or_default();
        let share = v.many("share");
        let choice = v.one("release");
        let mut errors = Vec::new();
        let rests = match choice.as_str() {
            NO_RELEASE => {
                if !share.is_empty() {
                    errors.push(FieldError::new("share", Msg::ErrShareNeedsConsent));
                }
                Rests::Nothing
            }
            NEW_RELEASE => {
                let method = v.text("method").unwrap_or_default();
                if method.is_empty() {
                    errors.push(FieldError::new("method", Msg::ErrRequiredShort));
                } else if to.law_enforcement && method == "verbal_witnessed" {
                    errors.push(FieldError::new("method", Msg::ErrLawEnforcementWritten));
                }
                let witness = v.text("witness");
                if method == "verbal_witnessed" && witness.is_none() {
                    errors.push(FieldError::new("witness", Msg::ErrReleaseWitness));
                }
                if share.is_empty() {
                    errors.push(FieldError::new("share", Msg::ErrNewReleaseShare));
                }
                let until = v.date("consent_until").unwrap_or_else(|| {
                    let days = jiff::Span::new().days(to.default_days);
                    referred_on.checked_add(days).unwrap_or(referred_on)
                });
                if until < referred_on {
                    errors.push(FieldError::new("consent_until", Msg::ErrConsentUntilPast));
                }
                let scope = groups(&share);
                Rests::New(Release {
                    recipient_kind: if to.law_enforcement {
                        "law_enforcement".into()
                    } else {
                        "service_provider".into()
                    },
                    recipient: to.organization.chars().take(200).collect(),
                    to_agency: None,
                    scope,
                    purpose: v.one("reason").chars().take(300).collect(),
                    signed_on: referred_on,
                    method,
                    witness,
                    explained_in: v.text("explained_in").unwrap_or_else(|| "other".into()),
                    expires_on: until,
                })
            }
            id => {
                let found = in_force.iter().find(|r| r.id.to_string() == id);
                match found {
                    Some(r) => {
                        if to.law_enforcement && r.recipient_kind != "law_enforcement" {
                            errors.push(FieldError::new("release", Msg::ErrLawEnforcementRelease));
                        }
                        if share.iter().any(|s| !r.scope.iter().any(|g| g == group_of(s))) {
                            errors.push(FieldError::new("share", Msg::ErrShareOutsideRelease));
                        }
                        Rests::On(r.id)
                    }
                    None => {
                        errors.push(FieldError::new("release", Msg::ErrRequiredShort));
                        Rests::Nothing
                    }
                }
            }
        };
        let r = Referral {
            referred_on,
            reason: v.one("reason"),
            rests,
            share,
            follow_up_on: v.date("follow_up_on"),
        };
        if let Some(f) = r.follow_up_on
            && f < r.referred_on
        {
            errors.push(FieldError::new("follow_up_on", Msg::ErrFollowUpBefore));
        }
        if errors.is_empty() { Ok(r) } else { Err(errors) }
    }
}

/// A change of a referral's status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusChange {
    pub status: String,
    pub on: Date,
    pub reason: Option<String>,
    /// The next follow-up (none: no more follow-up).
    pub follow_up_on: Option<Date>,
}

impl StatusChange {
    pub fn from_raw(raw: &Raw) -> Result<StatusChange, Vec<FieldError>> {
        let v = Values(parse_all(STATUS_FIELDS, raw, &RuntimeOptions::new())?);
        let s = StatusChange {
            status: v.one("status"),
            on: v.date("on").unwrap_or_default(),
            reason: v.text("reason"),
            follow_up_on: v.date("follow_up_on"),
        };
        if s.status == "declined" && s.reason.is_none() {
            return Err(vec![FieldError::new("reason", Msg::ErrDeclinedReason)]);
        }
        Ok(s)
    }
}

/// What a referral carries on `today`: what was chosen, while its release is in force (signed,
/// not past its last day, not revoked); nothing otherwise.
pub fn shareable(
    share: &[String],
    release: Option<(Date, Date, Option<Date>)>,
    today: Date,
) -> Vec<String> {
    match release {
        Some((signed, last, revoked)) if release::in_force(signed, last, revoked, today) => {
            share.to_vec()
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn raw(pairs: &[(&str, &str)]) -> Raw {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn to(le: bool) -> To {
        To { organization: "Frontera Legal".into(), law_enforcement: le, default_days: 30 }
    }

    #[test]
    fn sharing_needs_a_release_and_a_new_one_is_specific() {
        let base = [("referred_on", "2026-11-28"), ("reason", "Needs a T visa consult")];
        let mut r = raw(&base);
        r.insert("release".into(), "none".into());
        let ok = Referral::from_raw(&r, &[], &to(false), Lang::En).unwrap();
        assert_eq!(ok.rests, Rests::Nothing);
        r.insert("share".into(), "name;phone".into());
        let e = Referral::from_raw(&r, &[], &to(false), Lang::En).unwrap_err();
        assert_eq!(e[0].msg, Msg::ErrShareNeedsConsent);
        // A new verbal release names its witness; its last day defaults to the kind's length.
        r.insert("release".into(), "new".into());
        r.insert("method".into(), "verbal_witnessed".into());
        let e = Referral::from_raw(&r, &[], &to(false), Lang::En).unwrap_err();
        assert_eq!(e[0].key, "witness");
        r.insert("witness".into(), "Bea Ortiz".into());
        let got = Referral::from_raw(&r, &[], &to(false), Lang::En).unwrap();
        let Rests::New(rel) = &got.rests else { panic!("{got:?}") };
        assert_eq!(rel.scope, ["contact_details"]);
        assert_eq!(rel.expires_on, day("2026-12-28"));
        assert_eq!(
            (rel.recipient.as_str(), rel.recipient_kind.as_str()),
            ("Frontera Legal", "service_provider")
        );
        // To law enforcement a spoken release will not do.
        let e = Referral::from_raw(&r, &[], &to(true), Lang::En).unwrap_err();
        assert_eq!(e[0].msg, Msg::ErrLawEnforcementWritten);
        r.insert("consent_until".into(), "2026-11-27".into());
        let e = Referral::from_raw(&r, &[], &to(false), Lang::En).unwrap_err();
        assert_eq!(e[0].msg, Msg::ErrConsentUntilPast);
    }

    #[test]
    fn a_release_in_force_covers_what_the_referral_carries() {
        let held = InForce {
            id: 7,
            label: "Until 2026-12-31: Casa".into(),
            recipient_kind: "service_provider".into(),
            scope: vec!["contact_details".into()],
        };
        let mut r = raw(&[("referred_on", "2026-11-28"), ("reason", "Shelter"), ("release", "7")]);
        r.insert("share".into(), "name;birth_date".into());
        let e =
            Referral::from_raw(&r, std::slice::from_ref(&held), &to(false), Lang::En).unwrap_err();
        assert_eq!(e[0].msg, Msg::ErrShareOutsideRelease);
        r.insert("share".into(), "name;phone".into());
        let got =
            Referral::from_raw(&r, std::slice::from_ref(&held), &to(false), Lang::En).unwrap();
        assert_eq!(got.rests, Rests::On(7));
        // Law enforcement receives only under a release naming law enforcement.
        let e = Referral::from_raw(&r, &[held], &to(true), Lang::En).unwrap_err();
        assert_eq!(e[0].msg, Msg::ErrLawEnforcementRelease);
    }

    #[test]
    fn nothing_identifying_without_a_release_in_force() {
        let share = vec!["name".to_string()];
        let rel = Some((day("2026-11-01"), day("2026-12-31"), None));
        assert_eq!(shareable(&share, rel, day("2026-12-31")), share);
        assert!(shareable(&share, rel, day("2027-01-01")).is_empty());
        assert!(shareable(&share, None, day("2026-12-01")).is_empty());
        let revoked = Some((day("2026-11-01"), day("2026-12-31"), Some(day("2026-12-10"))));
        assert_eq!(shareable(&share, revoked, day("2026-12-09")), share);
        assert!(shareable(&share, revoked, day("2026-12-10")).is_empty());
    }

    #[test]
    fn a_declined_referral_needs_its_reason() {
        let r = raw(&[("status", "declined"), ("on", "2026-11-30")]);
        assert_eq!(StatusChange::from_raw(&r).unwrap_err()[0].msg, Msg::ErrDeclinedReason);
        let r = raw(&[("status", "accepted"), ("on", "2026-11-30")]);
        assert_eq!(StatusChange::from_raw(&r).unwrap().status, "accepted");
    }
}
