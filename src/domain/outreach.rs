//! Training and outreach events: the agency's own log of trainings it gave and outreach it did
//! (OVC's trafficking measures ask for both: how many, for whom, how many people reached). An
//! event describes no client, so nothing in it identifies a person served.

use jiff::civil::Date;

use crate::domain::fields::{FieldError, FieldSpec, Kind, Options};
use crate::domain::record::{Raw, RuntimeOptions, Values, parse_all};
use crate::i18n::Msg;

/// A training teaches professionals to recognise and respond; outreach raises awareness.
pub const KINDS: &[(&str, Msg)] =
    &[("training", Msg::OutKindTraining), ("outreach", Msg::OutKindOutreach)];

/// Who was reached (the groups OVC's measures and the task force's summary name).
pub const AUDIENCES: &[(&str, Msg)] = &[
    ("law_enforcement", Msg::AudLawEnforcement),
    ("prosecutors_courts", Msg::AudProsecutorsCourts),
    ("victim_services", Msg::AudVictimServices),
    ("health_care", Msg::AudHealthCare),
    ("social_services", Msg::AudSocialServices),
    ("schools", Msg::AudSchools),
    ("youth", Msg::AudYouth),
    ("tribal", Msg::AudTribal),
    ("faith", Msg::AudFaith),
    ("business", Msg::AudBusiness),
    ("community", Msg::AudCommunity),
    ("other", Msg::LangOther),
];

/// The most people one event can reach (a stadium's worth; more is a typing slip).
pub const REACHED_MAX: i64 = 100_000;
pub const TOPIC_MAX: usize = 120;

/// An event as the form and the store read it.
pub const FIELDS: &[FieldSpec] = &[
    FieldSpec::new("day", Msg::FieldEventDay, Kind::Date).required(),
    FieldSpec::new("kind", Msg::FieldOutreachKind, Kind::One(Options::Fixed(KINDS))).required(),
    FieldSpec::new("audience", Msg::FieldAudience, Kind::One(Options::Fixed(AUDIENCES))).required(),
    FieldSpec::new("reached", Msg::FieldReached, Kind::Whole { min: 0, max: REACHED_MAX })
        .required(),
    FieldSpec::new("area", Msg::FieldArea, Kind::One(Options::Areas)),
    FieldSpec::new("topic", Msg::FieldTopic, Kind::Line { max: TOPIC_MAX }),
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub day: Date,
    pub kind: String,
    pub audience: String,
    pub reached: i64,
    pub area: Option<String>,
    pub topic: Option<String>,
}

impl Event {
    /// Read an event from its fields; one held after `today` (America/Denver) is refused: the
    /// log is of what was done.
    pub fn from_raw(raw: &Raw, today: Date) -> Result<Event, Vec<FieldError>> {
        let v = Values(parse_all(FIELDS, raw, &RuntimeOptions::new())?);
        let day = v.date("day").unwrap_or_default();
        if day > today {
            return Err(vec![FieldError::new("day", Msg::ErrDayInFuture)]);
        }
        Ok(Event {
            day,
            kind: v.one("kind"),
            audience: v.one("audience"),
            reached: v.number("reached").unwrap_or(0),
            area: v.text("area"),
            topic: v.text("topic"),
        })
    }

    /// The event as the form's raw texts (to edit it).
    pub fn to_raw(&self) -> Raw {
        let mut raw = Raw::new();
        raw.insert("day".into(), self.day.to_string());
        raw.insert("kind".into(), self.kind.clone());
        raw.insert("audience".into(), self.audience.clone());
        raw.insert("reached".into(), self.reached.to_string());
        raw.insert("area".into(), self.area.clone().unwrap_or_default());
        raw.insert("topic".into(), self.topic.clone().unwrap_or_default());
        raw
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn raw(pairs: &[(&str, &str)]) -> Raw {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn an_event_reads_back_as_written_and_bad_input_is_named() {
        let today = date(2026, 11, 30);
        let r = raw(&[
            ("day", "2026-11-12"),
            ("kind", "training"),
            ("audience", "health_care"),
            ("reached", "35"),
            ("area", "Bernalillo County"),
            ("topic", "Signs of labor trafficking\u{202e} in clinics"),
        ]);
        let e = Event::from_raw(&r, today).unwrap();
        assert_eq!((e.reached, e.kind.as_str()), (35, "training"));
        // Bidi controls are taken out on the way in.
        assert_eq!(e.topic.as_deref(), Some("Signs of labor trafficking in clinics"));
        assert_eq!(Event::from_raw(&e.to_raw(), today).unwrap(), e);
        // Tomorrow, a negative count, an audience not on the list: each on its field.
        let mut bad = r.clone();
        bad.insert("day".into(), "2026-12-01".into());
        bad.insert("reached".into(), "-3".into());
        let keys: Vec<&str> =
            Event::from_raw(&bad, today).unwrap_err().iter().map(|e| e.key).collect();
        assert_eq!(keys, ["reached"], "fields are checked before the day");
        bad.insert("reached".into(), "3".into());
        let keys: Vec<&str> =
            Event::from_raw(&bad, today).unwrap_err().iter().map(|e| e.key).collect();
        assert_eq!(keys, ["day"]);
        let mut bad = r;
        bad.insert("audience".into(), "everyone".into());
        assert!(Event::from_raw(&bad, today).is_err());
    }
}
