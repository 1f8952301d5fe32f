//! Field schemas. A record type (a contact, a tip) is a list of field specifications; the
//! console's forms, drafts, CSV import and validation all read the same list, so a value the
//! form accepts is exactly a value the import accepts.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};

use crate::domain::text::{Capped, clean_capped};
use crate::domain::time::denver;
use crate::i18n::{Lang, Msg};

/// Where a choice's options come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Options {
    /// A fixed list of (stored id, label).
    Fixed(&'static [(&'static str, Msg)]),
    /// New Mexico's counties and tribal nations, then outside NM / unknown / declined.
    Areas,
    /// Filled in when the form is built (staff, agencies).
    Runtime,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One line of text, at most `max` characters.
    Line { max: usize },
    /// Several lines of notes.
    Notes { max: usize },
    /// Exactly one of the options.
    One(Options),
    /// Any number of the options.
    Many(Options),
    /// A calendar date, YYYY-MM-DD.
    Date,
    /// A local (America/Denver) date and time, YYYY-MM-DD HH:MM, stored in UTC.
    DateTime,
    /// A duration in minutes ("25" or "1:05").
    Minutes,
    /// A whole number within bounds.
    Whole { min: i64, max: i64 },
    /// Money in dollars and cents, kept as integer cents.
    Money,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    pub key: &'static str,
    pub label: Msg,
    pub kind: Kind,
    pub required: bool,
    /// A time field that takes the time now when this field is first filled in (on a form), if
    /// it is still empty: "Report made at" when "Report made to" is chosen.
    pub stamps: Option<&'static str>,
}

impl FieldSpec {
    pub const fn new(key: &'static str, label: Msg, kind: Kind) -> Self {
        FieldSpec { key, label, kind, required: false, stamps: None }
    }
    pub const fn required(mut self) -> Self {
        self.required = true;
        self
    }
    pub const fn stamps(mut self, time_field: &'static str) -> Self {
        self.stamps = Some(time_field);
        self
    }
}

/// How far ahead of the clock a time may be (clocks of two machines differ a little).
const FUTURE_GRACE_SECS: i64 = 5 * 60;

/// Answers about a person always offer these two, distinct from "no".
pub const DECLINED: &str = "declined";
pub const UNKNOWN: &str = "unknown";
pub const OUTSIDE_NM: &str = "outside_nm";

/// Yes / no / declined / don't know.
pub const ANSWER: &[(&str, Msg)] = &[
    ("yes", Msg::OptYes),
    ("no", Msg::OptNo),
    (DECLINED, Msg::OptDeclined),
    (UNKNOWN, Msg::OptUnknown),
];

pub const YES_NO: &[(&str, Msg)] = &[("yes", Msg::OptYes), ("no", Msg::OptNo)];

/// The options of a choice as (id, label) in `lang`. Runtime options are supplied by the form.
pub fn option_list(o: Options, lang: Lang) -> Vec<(String, String)> {
    match o {
        Options::Fixed(list) => {
            list.iter().map(|(id, m)| (id.to_string(), m.text(lang).into())).collect()
        }
        Options::Areas => {
            let mut v: Vec<(String, String)> =
                super::areas::all().iter().map(|a| (a.clone(), a.clone())).collect();
            v.push((OUTSIDE_NM.into(), Msg::OptOutsideNm.text(lang).into()));
            v.push((UNKNOWN.into(), Msg::OptUnknown.text(lang).into()));
            v.push((DECLINED.into(), Msg::OptDeclined.text(lang).into()));
            v
        }
        Options::Runtime => Vec::new(),
    }
}

/// A parsed value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Empty,
    Text(String),
    One(String),
    Many(Vec<String>),
    Date(Date),
    DateTime(Timestamp),
    Minutes(i64),
    Whole(i64),
    Cents(i64),
}

impl Value {
    pub fn text(&self) -> Option<&str> {
        match self {
            Value::Text(s) | Value::One(s) => Some(s),
            _ => None,
        }
    }
}

/// What is wrong with one field: its key, the message, and the message's arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub key: &'static str,
    pub msg: Msg,
    pub args: Vec<String>,
}

impl FieldError {
    pub fn new(key: &'static str, msg: Msg) -> Self {
        FieldError { key, msg, args: Vec::new() }
    }
    pub fn with(key: &'static str, msg: Msg, args: &[&str]) -> Self {
        FieldError { key, msg, args: args.iter().map(|a| a.to_string()).collect() }
    }
}

/// Multi-valued fields travel as text joined with this (in drafts and CSV files).
pub const LIST_SEP: char = ';';

/// Parse one field's raw text. `ids` are the valid option ids of a choice.
pub fn parse(spec: &FieldSpec, raw: &str, ids: &[String]) -> Result<Value, FieldError> {
    let err = |m: Msg| FieldError::new(spec.key, m);
    let raw_t = raw.trim();
    if raw_t.is_empty() {
        return if spec.required { Err(err(Msg::ErrRequiredShort)) } else { Ok(Value::Empty) };
    }
    match spec.kind {
        Kind::Line { max } => match clean_capped(raw, max) {
            Capped::Fits(s) => Ok(Value::Text(s)),
            Capped::TooLong { max, .. } => {
                Err(FieldError::with(spec.key, Msg::ErrMaxChars, &[&max.to_string()]))
            }
        },
        Kind::Notes { max } => {
            let clean = clean_notes(raw);
            if clean.chars().count() > max {
                Err(FieldError::with(spec.key, Msg::ErrMaxChars, &[&max.to_string()]))
            } else {
                Ok(Value::Text(clean))
            }
        }
        Kind::One(_) => {
            let id = find_id(raw_t, ids).ok_or_else(|| err(Msg::ErrNotAnOption))?;
            Ok(Value::One(id))
        }
        Kind::Many(_) => {
            let mut out = Vec::new();
            for part in raw_t.split(LIST_SEP).map(str::trim).filter(|p| !p.is_empty()) {
                let id = find_id(part, ids).ok_or_else(|| err(Msg::ErrNotAnOption))?;
                if !out.contains(&id) {
                    out.push(id);
                }
            }
            if out.is_empty() && spec.required {
                return Err(err(Msg::ErrRequiredShort));
            }
            Ok(if out.is_empty() { Value::Empty } else { Value::Many(out) })
        }
        Kind::Date => parse_date(raw_t).map(Value::Date).ok_or_else(|| err(Msg::ErrDateForm)),
        Kind::DateTime => {
            let t = parse_local_datetime(raw_t).ok_or_else(|| err(Msg::ErrDateTimeForm))?;
            // What happened cannot have happened later than now.
            if t > Timestamp::now() + jiff::SignedDuration::from_secs(FUTURE_GRACE_SECS) {
                return Err(err(Msg::ErrTimeInFuture));
            }
            Ok(Value::DateTime(t))
        }
        Kind::Minutes => {
            parse_minutes(raw_t).map(Value::Minutes).ok_or_else(|| err(Msg::ErrMinutesForm))
        }
        Kind::Whole { min, max } => match raw_t.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Ok(Value::Whole(n)),
            _ => Err(FieldError::with(
                spec.key,
                Msg::ErrWholeRange,
                &[&min.to_string(), &max.to_string()],
            )),
        },
        Kind::Money => parse_cents(raw_t).map(Value::Cents).ok_or_else(|| err(Msg::ErrMoneyForm)),
    }
}

fn find_id(raw: &str, ids: &[String]) -> Option<String> {
    ids.iter().find(|id| id.eq_ignore_ascii_case(raw)).cloned()
}

/// Notes keep their line breaks; every other control and bidi character goes.
pub fn clean_notes(input: &str) -> String {
    let lines: Vec<String> = input
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .map(crate::domain::text::clean_line)
        .collect();
    lines.join("\n").trim().to_string()
}

pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if s.len() != 10 {
        return None;
    }
    s.parse::<Date>().ok()
}

/// "YYYY-MM-DD HH:MM" (or with a T, or seconds) as America/Denver time. A time that does not
/// exist or is ambiguous at a daylight-saving change takes the earlier instant.
pub fn parse_local_datetime(s: &str) -> Option<Timestamp> {
    // A time that carries its own zone or offset (as in an export) is taken as it says.
    if let Ok(ts) = s.trim().parse::<Timestamp>() {
        return Some(ts);
    }
    let s = s.trim().replacen(' ', "T", 1);
    if s.len() < 16 {
        return None;
    }
    let dt: DateTime = s.parse().ok()?;
    denver().to_ambiguous_timestamp(dt).compatible().ok()
}

/// Show a stored time for editing: local, to the minute.
pub fn format_local_datetime(ts: Timestamp) -> String {
    ts.to_zoned_datetime(denver()).strftime("%Y-%m-%d %H:%M").to_string()
}

/// "45", "1:05" (hours and minutes) → minutes, up to a day.
pub fn parse_minutes(s: &str) -> Option<i64> {
    let total = match s.split_once(':') {
        Some((h, m)) => {
            let (h, m) = (h.trim().parse::<i64>().ok()?, m.trim().parse::<i64>().ok()?);
            if !(0..60).contains(&m) || h < 0 {
                return None;
            }
            h * 60 + m
        }
        None => s.parse::<i64>().ok()?,
    };
    (0..=24 * 60).contains(&total).then_some(total)
}

/// "$1,234.5" → 123450 cents. At most two decimals; no negatives; under a billion dollars.
pub fn parse_cents(s: &str) -> Option<i64> {
    let s: String = s.trim().trim_start_matches('$').chars().filter(|&c| c != ',').collect();
    let (whole, frac) = s.split_once('.').unwrap_or((&s, ""));
    if whole.is_empty() && frac.is_empty() || frac.len() > 2 {
        return None;
    }
    if !whole.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let dollars: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let cents: i64 = format!("{frac:0<2}").parse().ok()?;
    (dollars < 1_000_000_000).then_some(dollars * 100 + cents)
}

/// Cents as dollars with thousands separators: 15000000 → "150,000.00" (read back by
/// `parse_cents`).
pub fn format_cents(c: i64) -> String {
    let digits = (c.abs() / 100).to_string();
    let mut grouped = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(d);
    }
    let sign = if c < 0 { "-" } else { "" };
    format!("{sign}{grouped}.{:02}", c.abs() % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(kind: Kind) -> FieldSpec {
        FieldSpec::new("f", Msg::FieldNotes, kind)
    }

    #[test]
    fn money_reads_back_as_it_is_shown() {
        assert_eq!(format_cents(15_000_000), "150,000.00");
        assert_eq!(format_cents(100_000), "1,000.00");
        assert_eq!(format_cents(99_999), "999.99");
        assert_eq!(format_cents(5), "0.05");
        assert_eq!(format_cents(-123_456), "-1,234.56");
        for c in [0, 5, 99_999, 100_000, 123_456_789] {
            assert_eq!(parse_cents(&format_cents(c)), Some(c));
        }
    }

    #[test]
    fn money_is_integer_cents() {
        assert_eq!(parse_cents("12"), Some(1200));
        assert_eq!(parse_cents("$1,234.5"), Some(123450));
        assert_eq!(parse_cents("0.07"), Some(7));
        assert_eq!(parse_cents(".5"), Some(50));
        assert_eq!(parse_cents("1.234"), None);
        assert_eq!(parse_cents("-3"), None);
        assert_eq!(parse_cents("."), None);
        assert_eq!(format_cents(123450), "1,234.50");
    }

    #[test]
    fn durations_and_dates() {
        assert_eq!(parse_minutes("25"), Some(25));
        assert_eq!(parse_minutes("1:05"), Some(65));
        assert_eq!(parse_minutes("1:75"), None);
        assert_eq!(parse_minutes("2000"), None);
        assert!(parse_date("2026-02-29").is_none());
        assert!(parse_date("2028-02-29").is_some());
        // 23:30 on 30 June in Denver (MDT, UTC-6) is 05:30 UTC on 1 July.
        let ts = parse_local_datetime("2026-06-30 23:30").unwrap();
        assert_eq!(crate::domain::time::to_db(ts), "2026-07-01T05:30:00Z");
        assert_eq!(format_local_datetime(ts), "2026-06-30 23:30");
        assert_eq!(parse_local_datetime("2026-07-01T05:30:00Z"), Some(ts));
    }

    #[test]
    fn choices_take_ids_and_keep_declined_apart_from_no() {
        let s = spec(Kind::One(Options::Fixed(ANSWER)));
        let ids: Vec<String> = ANSWER.iter().map(|(i, _)| i.to_string()).collect();
        assert_eq!(parse(&s, "No", &ids), Ok(Value::One("no".into())));
        assert_eq!(parse(&s, "declined", &ids), Ok(Value::One("declined".into())));
        assert_ne!(parse(&s, "declined", &ids), parse(&s, "no", &ids));
        assert_eq!(parse(&s, "maybe", &ids).unwrap_err().msg, Msg::ErrNotAnOption);
        let m = spec(Kind::Many(Options::Fixed(ANSWER)));
        assert_eq!(
            parse(&m, "yes; no;yes", &ids),
            Ok(Value::Many(vec!["yes".into(), "no".into()]))
        );
    }

    #[test]
    fn required_and_caps() {
        let s = spec(Kind::Line { max: 3 }).required();
        assert_eq!(parse(&s, "  ", &[]).unwrap_err().msg, Msg::ErrRequiredShort);
        assert_eq!(parse(&s, "abcd", &[]).unwrap_err().msg, Msg::ErrMaxChars);
        let n = spec(Kind::Notes { max: 20 });
        assert_eq!(parse(&n, "a\r\nb\u{202E}\u{7}c", &[]), Ok(Value::Text("a\nbc".into())));
    }
}
