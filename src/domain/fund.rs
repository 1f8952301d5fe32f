//! Assistance funds and payments: what a fund is, what a payment asks for, and the forms.

use crate::domain::ids::FundId;
use jiff::civil::Date;

use crate::domain::fields::{FieldError, FieldSpec, Kind, Options};
use crate::domain::record::{Raw, RuntimeOptions, Values, parse_all};
use crate::i18n::Msg;

pub const SOURCES: &[(&str, Msg)] = &[
    ("state", Msg::SrcState),
    ("voca", Msg::SrcVoca),
    ("federal_grant", Msg::SrcFederalGrant),
    ("private", Msg::SrcPrivate),
];

/// What New Mexico's crime-victim funds pay for.
pub const CATEGORIES: &[(&str, Msg)] = &[
    ("crisis", Msg::PayCrisis),
    ("rent", Msg::PayRent),
    ("relocation", Msg::PayRelocation),
    ("travel", Msg::PayTravel),
    ("pecuniary_loss", Msg::PayPecuniary),
    ("lost_wages", Msg::PayLostWages),
    ("civil_legal", Msg::PayCivilLegal),
];

/// The groups of categories funders ask about apart: the state fund reports direct
/// assistance to victims apart from civil legal help.
pub const CATEGORY_GROUPS: &[(&str, &[&str])] = &[
    (
        "direct_assistance",
        &["crisis", "rent", "relocation", "travel", "pecuniary_loss", "lost_wages"],
    ),
    ("civil_legal", &["civil_legal"]),
];

/// The groups' names.
pub const CATEGORY_GROUPS_NAMED: &[(&str, Msg)] =
    &[("direct_assistance", Msg::PayGroupDirect), ("civil_legal", Msg::PayCivilLegal)];

/// The categories of group `id`.
pub fn group_categories(id: &str) -> Option<&'static [&'static str]> {
    CATEGORY_GROUPS.iter().find(|(g, _)| *g == id).map(|(_, c)| *c)
}

pub const STATUSES: &[(&str, Msg)] =
    &[("requested", Msg::PayRequested), ("approved", Msg::PayApproved), ("void", Msg::PayVoid)];

pub const FUND_FIELDS: &[FieldSpec] = &[
    FieldSpec::new("name", Msg::FieldFundName, Kind::Line { max: 120 }).required(),
    FieldSpec::new("source", Msg::FieldFundSource, Kind::One(Options::Fixed(SOURCES))).required(),
    FieldSpec::new("period_from", Msg::FieldPeriodFrom, Kind::Date).required(),
    FieldSpec::new("period_to", Msg::FieldPeriodTo, Kind::Date).required(),
    FieldSpec::new("amount", Msg::FieldAmount, Kind::Money).required(),
    FieldSpec::new("categories", Msg::FieldPayCategories, Kind::Many(Options::Fixed(CATEGORIES)))
        .required(),
];

pub const PAYMENT_FIELDS: &[FieldSpec] = &[
    FieldSpec::new("fund", Msg::FieldFund, Kind::One(Options::Runtime)).required(),
    FieldSpec::new("category", Msg::FieldPayCategory, Kind::One(Options::Fixed(CATEGORIES)))
        .required(),
    FieldSpec::new("amount", Msg::FieldAmount, Kind::Money).required(),
    FieldSpec::new("paid_on", Msg::FieldPaidOn, Kind::Date).required(),
    FieldSpec::new("payee", Msg::FieldPayee, Kind::Line { max: 120 }).required(),
    FieldSpec::new("purpose", Msg::FieldPurpose, Kind::Line { max: 500 }),
];

pub const VOID_FIELDS: &[FieldSpec] =
    &[FieldSpec::new("reason", Msg::FieldVoidReason, Kind::Line { max: 300 }).required()];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fund {
    pub name: String,
    pub source: String,
    pub from: Date,
    pub to: Date,
    pub amount_cents: i64,
    pub categories: Vec<String>,
}

impl Fund {
    pub fn from_raw(raw: &Raw) -> Result<Fund, Vec<FieldError>> {
        let v = Values(parse_all(FUND_FIELDS, raw, &RuntimeOptions::new())?);
        let f = Fund {
            name: v.one("name"),
            source: v.one("source"),
            from: v.date("period_from").unwrap_or_default(),
            to: v.date("period_to").unwrap_or_default(),
            amount_cents: v.number("amount").unwrap_or_default(),
            categories: v.many("categories"),
        };
        let mut e = Vec::new();
        if f.to < f.from {
            e.push(FieldError::new("period_to", Msg::ErrPeriodOrder));
        }
        if f.amount_cents <= 0 {
            e.push(FieldError::new("amount", Msg::ErrAmountPositive));
        }
        if e.is_empty() { Ok(f) } else { Err(e) }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Payment {
    pub fund_id: FundId,
    pub category: String,
    pub amount_cents: i64,
    pub paid_on: Date,
    pub payee: String,
    pub purpose: String,
}

impl Payment {
    /// `runtime` lists the funds (by id) the form offers.
    pub fn from_raw(raw: &Raw, runtime: &RuntimeOptions) -> Result<Payment, Vec<FieldError>> {
        let v = Values(parse_all(PAYMENT_FIELDS, raw, runtime)?);
        let p = Payment {
            fund_id: v.one("fund").parse().unwrap_or_default(),
            category: v.one("category"),
            amount_cents: v.number("amount").unwrap_or_default(),
            paid_on: v.date("paid_on").unwrap_or_default(),
            payee: v.one("payee"),
            purpose: v.text("purpose").unwrap_or_default(),
        };
        if p.amount_cents <= 0 {
            return Err(vec![FieldError::new("amount", Msg::ErrAmountPositive)]);
        }
        Ok(p)
    }
}

/// The first and last day of a fiscal year named by the year it ends: the state's runs July to
/// June, the federal October to September.
pub fn fiscal_year(year: i16, federal: bool) -> Option<(Date, Date)> {
    let (m, last) = if federal { (10, (9, 30)) } else { (7, (6, 30)) };
    let from = Date::new(year - 1, m, 1).ok()?;
    let to = Date::new(year, last.0, last.1).ok()?;
    Some((from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_payment_category_is_in_exactly_one_group() {
        for (c, _) in CATEGORIES {
            let n = CATEGORY_GROUPS.iter().filter(|(_, cats)| cats.contains(c)).count();
            assert_eq!(n, 1, "{c}");
        }
        assert_eq!(CATEGORY_GROUPS.len(), CATEGORY_GROUPS_NAMED.len());
        assert!(group_categories("bonuses").is_none());
    }

    #[test]
    fn fiscal_years_are_named_by_the_year_they_end() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(fiscal_year(2020, false), Some((d("2019-07-01"), d("2020-06-30"))));
        assert_eq!(fiscal_year(2020, true), Some((d("2019-10-01"), d("2020-09-30"))));
    }

    #[test]
    fn a_payment_is_whole_cents_above_zero() {
        let mut runtime = RuntimeOptions::new();
        runtime.insert("fund", vec![("3".into(), "State FY27".into())]);
        let raw: Raw = [
            ("fund", "3"),
            ("category", "rent"),
            ("amount", "$1,250.5"),
            ("paid_on", "2026-11-28"),
            ("payee", "Landlord LLC"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let p = Payment::from_raw(&raw, &runtime).unwrap();
        assert_eq!((p.fund_id, p.amount_cents), (FundId(3), 125_050));
        let mut zero = raw.clone();
        zero.insert("amount".into(), "0".into());
        assert_eq!(Payment::from_raw(&zero, &runtime).unwrap_err()[0].msg, Msg::ErrAmountPositive);
        let mut bad = raw;
        bad.insert("amount".into(), "12.345".into());
        assert_eq!(Payment::from_raw(&bad, &runtime).unwrap_err()[0].key, "amount");
    }
}
