//! The retention policy and the purge it drives (confidentiality rule 9: collect the minimum,
//! purge on a schedule, narratives sooner than counts).
//!
//! A purge removes a record's identifying text and narrative and keeps the coded facts that
//! reports count: a purged hotline contact keeps its time, channel, direction, caller type,
//! language, area, topics, outcomes and whom it was reported to, and loses its notes, the
//! reason it was not reported, the caller number's last two characters, every earlier version
//! (its history) and any draft of it. A purged tip keeps its source, category, area, number of
//! children, status and agencies, and loses its notes, its closing reason, its outside
//! reference, its history and drafts. Drafts past their time go whole. The report counts
//! (including the hotline's daily rollups) never read what a purge removes, so every figure
//! for every past period stays the same.

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::fields::{FieldError, FieldSpec, Kind as FieldKind};
use crate::domain::ids::UserId;
use crate::domain::time;
use crate::error::Result;
use crate::i18n::Msg;

/// The kinds of record the policy covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Contact,
    Tip,
    /// A client's case, counted from the day it closed.
    Case,
    Draft,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Contact, Kind::Tip, Kind::Case, Kind::Draft];

    pub fn id(self) -> &'static str {
        match self {
            Kind::Contact => "contact",
            Kind::Tip => "tip",
            Kind::Case => "case",
            Kind::Draft => "draft",
        }
    }

    pub fn parse(text: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.id() == text.trim())
    }

    /// How long a record of this kind keeps its text when no administrator has said.
    ///
    /// Contacts and tips: 7 years. A federal award's records are kept 3 years from its final
    /// report (2 CFR 200.334) and an award runs up to 3 years, so a contact logged on an
    /// award's first day may be needed for about 6 years and a half. Cases: 7 years after they
    /// close, for the same reason (a case served under an award closes within it). Drafts: 30
    /// days; a draft is a form nobody saved, and the console offers it back long before.
    pub fn default_keep(self) -> Keep {
        match self {
            Kind::Contact | Kind::Tip | Kind::Case => Keep { n: 7, unit: Unit::Years },
            Kind::Draft => Keep { n: 30, unit: Unit::Days },
        }
    }

    pub fn label(self) -> Msg {
        match self {
            Kind::Contact => Msg::HeldContacts,
            Kind::Tip => Msg::HeldTips,
            Kind::Case => Msg::RetentionCases,
            Kind::Draft => Msg::RetentionDrafts,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Years,
    Months,
    Days,
}

/// A span of time: 7y, 18m, 30d.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Keep {
    pub n: u16,
    pub unit: Unit,
}

impl Keep {
    /// "7y", "18m", "30d": at least a day, at most 100 years.
    pub fn parse(text: &str) -> Option<Keep> {
        let t = text.trim().to_ascii_lowercase();
        let (digits, unit) = t.split_at(t.len().checked_sub(1)?);
        let unit = match unit {
            "y" => Unit::Years,
            "m" => Unit::Months,
            "d" => Unit::Days,
            _ => return None,
        };
        let n: u16 = digits.parse().ok()?;
        let days = match unit {
            Unit::Years => u32::from(n) * 366,
            Unit::Months => u32::from(n) * 31,
            Unit::Days => u32::from(n),
        };
        (n >= 1 && days <= 36_600).then_some(Keep { n, unit })
    }

    pub fn text(self) -> String {
        let u = match self.unit {
            Unit::Years => 'y',
            Unit::Months => 'm',
            Unit::Days => 'd',
        };
        format!("{}{u}", self.n)
    }

    /// The first moment whose records are still kept: the start (America/Denver) of the day
    /// this span before today. Records from before it are due.
    pub fn cutoff(self, now: Timestamp) -> String {
        time::day_start(self.cutoff_day(now))
    }

    /// The first local day whose records are still kept (for what is dated by day: the day a
    /// case closed).
    pub fn cutoff_day(self, now: Timestamp) -> jiff::civil::Date {
        let n = i64::from(self.n);
        let span = match self.unit {
            Unit::Years => jiff::Span::new().years(n),
            Unit::Months => jiff::Span::new().months(n),
            Unit::Days => jiff::Span::new().days(n),
        };
        let today = time::local_day(now);
        today.checked_sub(span).unwrap_or(today)
    }
}

impl Kind {
    /// The settings form's field for this kind's time.
    pub fn field(self) -> &'static FieldSpec {
        &FIELDS[Kind::ALL.iter().position(|k| *k == self).unwrap_or(0)]
    }
}

/// The settings form's fields, one per kind in `Kind::ALL` order: a time such as 7y.
pub const FIELDS: &[FieldSpec] = &[
    FieldSpec::new("keep_contact", Msg::FieldKeepContacts, FieldKind::Line { max: 6 }).required(),
    FieldSpec::new("keep_tip", Msg::FieldKeepTips, FieldKind::Line { max: 6 }).required(),
    FieldSpec::new("keep_case", Msg::FieldKeepCases, FieldKind::Line { max: 6 }).required(),
    FieldSpec::new("keep_draft", Msg::FieldKeepDrafts, FieldKind::Line { max: 6 }).required(),
];

/// Each kind's time as typed on the settings form (in `Kind::ALL` order), or each field whose
/// text is not a time.
pub fn parse_form(texts: &[&str]) -> std::result::Result<Vec<(Kind, Keep)>, Vec<FieldError>> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (kind, text) in Kind::ALL.into_iter().zip(texts) {
        match Keep::parse(text) {
            Some(keep) => out.push((kind, keep)),
            None => errors.push(FieldError::new(kind.field().key, Msg::ErrRetentionSpanField)),
        }
    }
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

/// The policy in force: each kind, how long it keeps, and whether that is the default.
pub fn policy(conn: &Connection) -> Result<Vec<(Kind, Keep, bool)>> {
    let mut out = Vec::new();
    let mut stmt = conn.prepare_cached("SELECT keep FROM retention WHERE kind = ?1")?;
    for kind in Kind::ALL {
        let set: Option<String> = stmt.query_row([kind.id()], |r| r.get(0)).optional()?;
        match set.as_deref().and_then(Keep::parse) {
            Some(keep) => out.push((kind, keep, false)),
            None => out.push((kind, kind.default_keep(), true)),
        }
    }
    Ok(out)
}

pub fn set(
    tx: &Transaction,
    kind: Kind,
    keep: Keep,
    by: Option<UserId>,
    now: Timestamp,
) -> Result<()> {
    tx.execute(
        "INSERT INTO retention (kind, keep, set_by, set_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (kind) DO UPDATE SET keep = excluded.keep, set_by = excluded.set_by,
             set_at = excluded.set_at",
        params![kind.id(), keep.text(), by, time::to_db(now)],
    )?;
    Ok(())
}

mod purge;
pub use purge::*;
