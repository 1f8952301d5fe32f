//! A hotline contact: a call, text, chat, email, walk-in or outreach, logged while the person
//! is still there.

use jiff::Timestamp;
use jiff::civil::Date;

use crate::domain::fields::{ANSWER, FieldError, FieldSpec, Kind, Options, YES_NO};
use crate::domain::record::{Raw, RuntimeOptions, Values, parse_all};
use crate::domain::reporting::{self, Report};
use crate::i18n::Msg;

pub const CHANNELS: &[(&str, Msg)] = &[
    ("call", Msg::ChCall),
    ("text", Msg::ChText),
    ("chat", Msg::ChChat),
    ("email", Msg::ChEmail),
    ("walk_in", Msg::ChWalkIn),
    ("outreach", Msg::ChOutreach),
];

pub const DIRECTIONS: &[(&str, Msg)] =
    &[("incoming", Msg::DirIncoming), ("outgoing", Msg::DirOutgoing)];

pub const CALLER_TYPES: &[(&str, Msg)] = &[
    ("possible_victim", Msg::CtPossibleVictim),
    ("family_friend", Msg::CtFamilyFriend),
    ("community", Msg::CtCommunity),
    ("professional", Msg::CtProfessional),
    ("anonymous", Msg::CtAnonymous),
    ("declined", Msg::OptDeclined),
    ("unknown", Msg::OptUnknown),
];

pub const LANGUAGES: &[(&str, Msg)] = &[
    ("english", Msg::LangEnglish),
    ("spanish", Msg::LangSpanish),
    ("navajo", Msg::LangNavajo),
    ("vietnamese", Msg::LangVietnamese),
    ("chinese", Msg::LangChinese),
    ("other", Msg::LangOther),
    ("declined", Msg::OptDeclined),
    ("unknown", Msg::OptUnknown),
];

pub const TOPICS: &[(&str, Msg)] = &[
    ("safety", Msg::TopicSafety),
    ("shelter", Msg::TopicShelter),
    ("legal", Msg::TopicLegal),
    ("immigration", Msg::TopicImmigration),
    ("labour", Msg::TopicLabour),
    ("sex_trafficking", Msg::TopicSexTrafficking),
    ("health", Msg::TopicHealth),
    ("transport", Msg::TopicTransport),
    ("basic_needs", Msg::TopicBasicNeeds),
    ("information", Msg::TopicInformation),
    ("other", Msg::LangOther),
];

pub const TRAFFICKING_TYPES: &[(&str, Msg)] = &[
    ("sex", Msg::TtSex),
    ("labour", Msg::TtLabour),
    ("both", Msg::TtBoth),
    ("none", Msg::TtNone),
    ("unknown", Msg::OptUnknown),
];

pub const OUTCOMES: &[(&str, Msg)] = &[
    ("information", Msg::OutInformation),
    ("referral", Msg::OutReferral),
    ("direct_help", Msg::OutDirectHelp),
    ("report_made", Msg::OutReportMade),
];

pub const REPORTED_TO: &[(&str, Msg)] = &[
    ("law_enforcement", Msg::RepLawEnforcement),
    ("cyfd", Msg::RepCyfd),
    ("tribal", Msg::RepTribal),
];

pub const NOTES_MAX: usize = 4000;

pub const FIELDS: &[FieldSpec] = &[
    FieldSpec::new("channel", Msg::FieldChannel, Kind::One(Options::Fixed(CHANNELS))).required(),
    FieldSpec::new("direction", Msg::FieldDirection, Kind::One(Options::Fixed(DIRECTIONS)))
        .required(),
    FieldSpec::new("started_at", Msg::FieldStartedAt, Kind::DateTime).required(),
    FieldSpec::new("duration_min", Msg::FieldDuration, Kind::Minutes),
    FieldSpec::new("caller_type", Msg::FieldCallerType, Kind::One(Options::Fixed(CALLER_TYPES)))
        .required(),
    FieldSpec::new("caller_id", Msg::FieldCallerId, Kind::Line { max: 64 }),
    FieldSpec::new("language", Msg::FieldCallerLanguage, Kind::One(Options::Fixed(LANGUAGES)))
        .required(),
    FieldSpec::new("interpreter", Msg::FieldInterpreter, Kind::One(Options::Fixed(ANSWER)))
        .required(),
    FieldSpec::new("area", Msg::FieldArea, Kind::One(Options::Areas)).required(),
    FieldSpec::new("topics", Msg::FieldTopics, Kind::Many(Options::Fixed(TOPICS))),
    FieldSpec::new(
        "trafficking_type",
        Msg::FieldTraffickingType,
        Kind::One(Options::Fixed(TRAFFICKING_TYPES)),
    )
    .required(),
    FieldSpec::new("minor", Msg::FieldMinor, Kind::One(Options::Fixed(ANSWER))).required(),
    FieldSpec::new("outcomes", Msg::FieldOutcomes, Kind::Many(Options::Fixed(OUTCOMES))),
    FieldSpec::new("reported_to", Msg::FieldReportedTo, Kind::Many(Options::Fixed(REPORTED_TO)))
        .stamps("reported_at"),
    FieldSpec::new("reported_at", Msg::FieldReportedAt, Kind::DateTime),
    FieldSpec::new("not_reported_reason", Msg::FieldNotReportedReason, Kind::Line { max: 300 }),
    FieldSpec::new("follow_up", Msg::FieldFollowUp, Kind::One(Options::Fixed(YES_NO))).required(),
    FieldSpec::new("follow_up_on", Msg::FieldFollowUpOn, Kind::Date),
    FieldSpec::new("notes", Msg::FieldNotes, Kind::Notes { max: NOTES_MAX }),
];

/// How long a call lasted, from its start to `end`, in whole minutes (at least one, at most a
/// day, as the field allows).
pub fn call_minutes(start: Timestamp, end: Timestamp) -> i64 {
    let secs = end.as_second() - start.as_second();
    ((secs + 30) / 60).clamp(1, 1440)
}

/// The values a new contact form starts with: a call, coming in, now.
pub fn defaults(now: Timestamp) -> Raw {
    let mut raw = Raw::new();
    for (k, v) in [
        ("channel", "call"),
        ("direction", "incoming"),
        ("language", "english"),
        ("interpreter", "no"),
        ("area", "unknown"),
        ("trafficking_type", "unknown"),
        ("minor", "unknown"),
        ("follow_up", "no"),
    ] {
        raw.insert(k.into(), v.into());
    }
    raw.insert("started_at".into(), crate::domain::fields::format_local_datetime(now));
    raw
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    pub channel: String,
    pub direction: String,
    pub started_at: Timestamp,
    pub duration_min: Option<i64>,
    pub caller_type: String,
    /// Typed in the form or a file; only ever hashed, never stored. Empty keeps what is on file.
    pub caller_id: Option<String>,
    pub language: String,
    pub interpreter: String,
    pub area: String,
    pub topics: Vec<String>,
    pub trafficking_type: String,
    pub minor: String,
    pub outcomes: Vec<String>,
    pub reported_to: Vec<String>,
    pub reported_at: Option<Timestamp>,
    pub not_reported_reason: Option<String>,
    pub follow_up: bool,
    pub follow_up_on: Option<Date>,
    pub notes: String,
}

impl Contact {
    /// Trafficking indicators are present: a type other than none or unknown was noted.
    pub fn indicators_present(&self) -> bool {
        matches!(self.trafficking_type.as_str(), "sex" | "labour" | "both")
    }

    /// A minor with indicators: the report (who, when) or the reason it was not made is required.
    pub fn needs_report(&self) -> bool {
        reporting::report_required(&self.minor, self.indicators_present())
    }

    /// What the contact records about reporting.
    pub fn report(&self) -> Report {
        Report {
            reported_to: self.reported_to.clone(),
            reported_at: self.reported_at,
            not_reported_reason: self.not_reported_reason.clone(),
        }
    }

    pub fn from_raw(raw: &Raw) -> Result<Contact, Vec<FieldError>> {
        let v = Values(parse_all(FIELDS, raw, &RuntimeOptions::new())?);
        let c = Contact {
            channel: v.one("channel"),
            direction: v.one("direction"),
            started_at: v.time("started_at").unwrap_or_default(),
            duration_min: v.number("duration_min"),
            caller_type: v.one("caller_type"),
            caller_id: v.text("caller_id"),
            language: v.one("language"),
            interpreter: v.one("interpreter"),
            area: v.one("area"),
            topics: v.many("topics"),
            trafficking_type: v.one("trafficking_type"),
            minor: v.one("minor"),
            outcomes: v.many("outcomes"),
            reported_to: v.many("reported_to"),
            reported_at: v.time("reported_at"),
            not_reported_reason: v.text("not_reported_reason"),
            follow_up: v.one("follow_up") == "yes",
            follow_up_on: v.date("follow_up_on"),
            notes: v.text("notes").unwrap_or_default(),
        };
        let errors = c.rule_errors();
        if errors.is_empty() { Ok(c) } else { Err(errors) }
    }

    /// The rules between fields.
    fn rule_errors(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        let reported = !self.reported_to.is_empty();
        if !reported && reporting::missing(&self.minor, self.indicators_present(), &self.report()) {
            e.push(FieldError::new("reported_to", Msg::ErrReportRequired));
        }
        if reported && self.reported_at.is_none() {
            e.push(FieldError::new("reported_at", Msg::ErrReportTimeRequired));
        }
        if self.outcomes.iter().any(|o| o == "report_made") && !reported {
            e.push(FieldError::new("reported_to", Msg::ErrReportWhom));
        }
        if self.follow_up && self.follow_up_on.is_none() {
            e.push(FieldError::new("follow_up_on", Msg::ErrFollowUpDate));
        }
        e
    }

    /// The raw texts that rebuild a form showing this contact (the caller identifier is never
    /// shown again: only its last two characters, elsewhere).
    pub fn to_raw(&self) -> Raw {
        use crate::domain::fields::format_local_datetime as t;
        let mut r = Raw::new();
        let mut put = |k: &str, v: String| {
            r.insert(k.to_string(), v);
        };
        put("channel", self.channel.clone());
        put("direction", self.direction.clone());
        put("started_at", t(self.started_at));
        put("duration_min", self.duration_min.map(|d| d.to_string()).unwrap_or_default());
        put("caller_type", self.caller_type.clone());
        put("language", self.language.clone());
        put("interpreter", self.interpreter.clone());
        put("area", self.area.clone());
        put("topics", self.topics.join(";"));
        put("trafficking_type", self.trafficking_type.clone());
        put("minor", self.minor.clone());
        put("outcomes", self.outcomes.join(";"));
        put("reported_to", self.reported_to.join(";"));
        put("reported_at", self.reported_at.map(t).unwrap_or_default());
        put("not_reported_reason", self.not_reported_reason.clone().unwrap_or_default());
        put("follow_up", if self.follow_up { "yes" } else { "no" }.into());
        put("follow_up_on", self.follow_up_on.map(|d| d.to_string()).unwrap_or_default());
        put("notes", self.notes.clone());
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Raw {
        let mut r = defaults("2026-11-28T20:00:00Z".parse().unwrap());
        r.insert("caller_type".into(), "possible_victim".into());
        r
    }

    fn keys(e: Vec<FieldError>) -> Vec<&'static str> {
        e.into_iter().map(|e| e.key).collect()
    }

    #[test]
    fn defaults_plus_a_caller_type_make_a_contact() {
        let c = Contact::from_raw(&base()).unwrap();
        assert_eq!(c.channel, "call");
        assert!(!c.needs_report());
        assert_eq!(Contact::from_raw(&c.to_raw()).unwrap(), c);
    }

    #[test]
    fn a_minor_with_indicators_needs_the_report_or_a_reason() {
        let mut r = base();
        r.insert("minor".into(), "yes".into());
        r.insert("trafficking_type".into(), "labour".into());
        assert_eq!(keys(Contact::from_raw(&r).unwrap_err()), vec!["reported_to"]);
        r.insert("reported_to".into(), "cyfd".into());
        assert_eq!(keys(Contact::from_raw(&r).unwrap_err()), vec!["reported_at"]);
        r.insert("reported_at".into(), "2026-11-28 13:10".into());
        assert!(Contact::from_raw(&r).is_ok());
        r.remove("reported_to");
        r.remove("reported_at");
        r.insert("not_reported_reason".into(), "Caller hung up before details".into());
        assert!(Contact::from_raw(&r).is_ok());
        // "declined" about the minor question does not trigger the rule.
        let mut d = base();
        d.insert("minor".into(), "declined".into());
        d.insert("trafficking_type".into(), "sex".into());
        assert!(Contact::from_raw(&d).is_ok());
    }

    #[test]
    fn every_problem_is_reported_with_its_field() {
        let mut r = Raw::new();
        r.insert("started_at".into(), "yesterday".into());
        r.insert("duration_min".into(), "forever".into());
        let k = keys(Contact::from_raw(&r).unwrap_err());
        for want in ["channel", "started_at", "duration_min", "caller_type", "follow_up"] {
            assert!(k.contains(&want), "{want} in {k:?}");
        }
    }
}
