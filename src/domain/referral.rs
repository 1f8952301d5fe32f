//! Referrals to directory services: the form, the consent a referral rests on, and what of the
//! person it may carry to the receiving agency. Without consent it carries nothing identifying;
//! consent is time-limited, and after its last day nothing identifying is shared either.

use jiff::civil::Date;

use crate::domain::fields::{FieldError, FieldSpec, Kind, Options};
use crate::domain::record::{Raw, RuntimeOptions, Values, parse_all};
use crate::i18n::Msg;

pub const CONSENT: &[(&str, Msg)] =
    &[("none", Msg::ConsentNone), ("verbal", Msg::ConsentVerbal), ("written", Msg::ConsentWritten)];

/// What of the person a consent may let the referral carry.
pub const SHARE: &[(&str, Msg)] = &[
    ("name", Msg::ShareName),
    ("phone", Msg::SharePhone),
    ("birth_date", Msg::ShareBirthDate),
    ("address", Msg::ShareAddress),
    ("language", Msg::ShareLanguage),
];

pub const STATUSES: &[(&str, Msg)] = &[
    ("made", Msg::RefMade),
    ("accepted", Msg::RefAccepted),
    ("declined", Msg::RefDeclined),
    ("completed", Msg::RefCompleted),
];

pub const FIELDS: &[FieldSpec] = &[
    FieldSpec::new("referred_on", Msg::FieldReferredOn, Kind::Date).required(),
    FieldSpec::new("reason", Msg::FieldRefReason, Kind::Notes { max: 500 }).required(),
    FieldSpec::new("consent", Msg::FieldConsent, Kind::One(Options::Fixed(CONSENT))).required(),
    FieldSpec::new("share", Msg::FieldShare, Kind::Many(Options::Fixed(SHARE))),
    FieldSpec::new("consent_until", Msg::FieldConsentUntil, Kind::Date),
    FieldSpec::new("follow_up_on", Msg::FieldFollowUpOn, Kind::Date),
];

pub const STATUS_FIELDS: &[FieldSpec] = &[
    FieldSpec::new("status", Msg::FieldStatus, Kind::One(Options::Fixed(STATUSES))).required(),
    FieldSpec::new("on", Msg::FieldOnDate, Kind::Date).required(),
    FieldSpec::new("reason", Msg::FieldStatusReason, Kind::Line { max: 300 }),
    FieldSpec::new("follow_up_on", Msg::FieldFollowUpOn, Kind::Date),
];

/// A referral as the form gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Referral {
    pub referred_on: Date,
    pub reason: String,
    pub consent: String,
    pub share: Vec<String>,
    pub consent_until: Option<Date>,
    pub follow_up_on: Option<Date>,
}

/// The form's defaults: today, no consent, follow up in a week.
pub fn defaults(today: Date) -> Raw {
    let mut raw = Raw::new();
    raw.insert("referred_on".into(), today.to_string());
    raw.insert("consent".into(), "none".into());
    let week = today.checked_add(jiff::Span::new().days(7)).unwrap_or(today);
    raw.insert("follow_up_on".into(), week.to_string());
    raw
}

impl Referral {
    /// `to_law_enforcement`: the service is law enforcement, where only written consent lets
    /// anything identifying go.
    pub fn from_raw(raw: &Raw, to_law_enforcement: bool) -> Result<Referral, Vec<FieldError>> {
        let v = Values(parse_all(FIELDS, raw, &RuntimeOptions::new())?);
        let r = Referral {
            referred_on: v.date("referred_on").unwrap_or_default(),
            reason: v.one("reason"),
            consent: v.one("consent"),
            share: v.many("share"),
            consent_until: v.date("consent_until"),
            follow_up_on: v.date("follow_up_on"),
        };
        let mut errors = Vec::new();
        if !r.share.is_empty() {
            if r.consent == "none" {
                errors.push(FieldError::new("share", Msg::ErrShareNeedsConsent));
            } else if to_law_enforcement && r.consent != "written" {
                errors.push(FieldError::new("consent", Msg::ErrLawEnforcementWritten));
            }
            match r.consent_until {
                None => errors.push(FieldError::new("consent_until", Msg::ErrConsentUntil)),
                Some(d) if d < r.referred_on => {
                    errors.push(FieldError::new("consent_until", Msg::ErrConsentUntilPast))
                }
                _ => {}
            }
        }
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

/// What the consent lets the referral carry on `today`: nothing without consent, nothing after
/// its last day.
pub fn shareable(consent: &str, share: &[String], until: Option<Date>, today: Date) -> Vec<String> {
    match until {
        Some(u) if consent != "none" && today <= u => share.to_vec(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(pairs: &[(&str, &str)]) -> Raw {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn sharing_needs_consent_and_its_last_day() {
        let base = [("referred_on", "2026-11-28"), ("reason", "Needs a T visa consult")];
        let mut r = raw(&base);
        r.insert("consent".into(), "none".into());
        let ok = Referral::from_raw(&r, false).unwrap();
        assert!(ok.share.is_empty());
        r.insert("share".into(), "name;phone".into());
        let e = Referral::from_raw(&r, false).unwrap_err();
        let keys: Vec<_> = e.iter().map(|e| e.key).collect();
        assert_eq!(keys, vec!["share", "consent_until"]);
        r.insert("consent".into(), "verbal".into());
        r.insert("consent_until".into(), "2026-11-27".into());
        let e = Referral::from_raw(&r, false).unwrap_err();
        assert_eq!(e[0].msg, Msg::ErrConsentUntilPast);
        r.insert("consent_until".into(), "2027-02-28".into());
        assert_eq!(Referral::from_raw(&r, false).unwrap().share, vec!["name", "phone"]);
        // To law enforcement only written consent will do.
        let e = Referral::from_raw(&r, true).unwrap_err();
        assert_eq!(e[0].msg, Msg::ErrLawEnforcementWritten);
        r.insert("consent".into(), "written".into());
        assert!(Referral::from_raw(&r, true).is_ok());
    }

    #[test]
    fn nothing_identifying_without_consent_or_after_it_ends() {
        let share = vec!["name".to_string()];
        let until = Some(day("2026-12-31"));
        assert_eq!(shareable("written", &share, until, day("2026-12-31")), share);
        assert!(shareable("written", &share, until, day("2027-01-01")).is_empty());
        assert!(shareable("none", &share, until, day("2026-12-01")).is_empty());
        assert!(shareable("verbal", &share, None, day("2026-12-01")).is_empty());
    }

    #[test]
    fn a_declined_referral_needs_its_reason() {
        let r = raw(&[("status", "declined"), ("on", "2026-11-30")]);
        assert_eq!(StatusChange::from_raw(&r).unwrap_err()[0].msg, Msg::ErrDeclinedReason);
        let r = raw(&[("status", "accepted"), ("on", "2026-11-30")]);
        assert_eq!(StatusChange::from_raw(&r).unwrap().status, "accepted");
    }
}
