//! Reports as plain data: which report, over which period, the figures in sections (each with
//! the query of the records behind it), and how a figure shows (small counts hidden when
//! shared). Counting them is the store's (store::reports); checking who may is the service's.

use jiff::civil::Date;

use crate::domain::fund;
use crate::domain::time::day_start;
use crate::i18n::Msg;

/// Cells under this are shown as "<11" in anything shared.
pub const SMALL: i64 = 11;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Hotline,
    Clients,
    Services,
    Screenings,
    Referrals,
    Tips,
    Funds,
    /// The VOCA Victim Assistance PMT.
    Voca,
    /// OVC's measures for human-trafficking grantees.
    Trafficking,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::Hotline,
        Kind::Clients,
        Kind::Services,
        Kind::Screenings,
        Kind::Referrals,
        Kind::Tips,
        Kind::Funds,
        Kind::Voca,
        Kind::Trafficking,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Kind::Hotline => "hotline",
            Kind::Clients => "clients",
            Kind::Services => "services",
            Kind::Screenings => "screenings",
            Kind::Referrals => "referrals",
            Kind::Tips => "tips",
            Kind::Funds => "funds",
            Kind::Voca => "voca",
            Kind::Trafficking => "trafficking",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.id() == s.trim().to_ascii_lowercase())
    }

    pub fn title(self) -> Msg {
        match self {
            Kind::Hotline => Msg::RepHotline,
            Kind::Clients => Msg::RepClients,
            Kind::Services => Msg::RepServices,
            Kind::Screenings => Msg::RepScreenings,
            Kind::Referrals => Msg::RepReferrals,
            Kind::Tips => Msg::RepTips,
            Kind::Funds => Msg::RepFunds,
            Kind::Voca => Msg::RepVoca,
            Kind::Trafficking => Msg::RepTrafficking,
        }
    }
}

/// What a funder asks in one line: one county or tribal nation (the client's, or the tip's),
/// one fund, one group of payment categories. Empty: everything the agency has.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub area: Option<String>,
    /// A fund of the agency, by its name.
    pub fund: Option<String>,
    /// A group of payment categories (`fund::CATEGORY_GROUPS`).
    pub group: Option<String>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.area.is_none() && self.fund.is_none() && self.group.is_none()
    }

    /// The reports the filter can narrow: by area, those that count clients, their services
    /// and payments, and tips; by fund or payment group, the money paid. Another is refused.
    pub fn check(&self, kind: Kind) -> Result<(), Msg> {
        let by_area = [Kind::Clients, Kind::Services, Kind::Trafficking, Kind::Funds, Kind::Tips];
        if self.area.is_some() && !by_area.contains(&kind) {
            return Err(Msg::ErrAreaFilterKinds);
        }
        if (self.fund.is_some() || self.group.is_some()) && kind != Kind::Funds {
            return Err(Msg::ErrFundFilterKinds);
        }
        Ok(())
    }

    /// The filter as a file holds it (ids, not words).
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({ "area": self.area, "fund": self.fund, "payments": self.group })
    }

    /// The filter a file names; text from the file is cleaned and capped.
    pub fn from_json(v: Option<&serde_json::Value>) -> Filter {
        let get = |k: &str| {
            v.and_then(|v| v.get(k))
                .and_then(|x| x.as_str())
                .map(|t| crate::domain::text::clean_line(t).chars().take(200).collect::<String>())
        };
        Filter { area: get("area"), fund: get("fund"), group: get("payments") }
    }

    /// The filter in words, for the report's heading ("" when there is none).
    pub fn describe(&self, lang: crate::i18n::Lang) -> String {
        let mut parts = Vec::new();
        if let Some(a) = &self.area {
            let areas =
                crate::domain::fields::option_list(crate::domain::fields::Options::Areas, lang);
            let name = areas.iter().find(|(id, _)| id == a).map_or(a.as_str(), |(_, l)| l);
            parts.push(format!("{}: {name}", Msg::FieldArea.text(lang)));
        }
        if let Some(f) = &self.fund {
            parts.push(format!("{}: {f}", Msg::FieldFund.text(lang)));
        }
        if let Some(g) = &self.group {
            let name = crate::domain::directory::label(super::fund::CATEGORY_GROUPS_NAMED, g, lang);
            parts.push(format!("{}: {name}", Msg::FieldPayGroup.text(lang)));
        }
        parts.join(" · ")
    }
}

/// A span of local days, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: Date,
    pub to: Date,
}

impl Period {
    /// A fiscal year named by the year it ends (state: July-June; federal: October-September).
    pub fn fiscal_year(year: i16, federal: bool) -> Option<Period> {
        fund::fiscal_year(year, federal).map(|(from, to)| Period { from, to })
    }

    /// Quarter 1 to 4 of a fiscal year.
    pub fn quarter(year: i16, federal: bool, q: i8) -> Option<Period> {
        let fy = Period::fiscal_year(year, federal)?;
        if !(1..=4).contains(&q) {
            return None;
        }
        let from = fy.from.checked_add(jiff::Span::new().months(3 * (q as i64 - 1))).ok()?;
        let to = from.checked_add(jiff::Span::new().months(3)).ok()?.yesterday().ok()?;
        Some(Period { from, to })
    }

    /// The first day of the federal fiscal year the period lies in, if it lies in one (a
    /// VOCA report covers one at most).
    pub fn federal_year_start(&self) -> Option<Date> {
        let year = crate::domain::client::federal_fiscal_year(self.from);
        let fy = Period::fiscal_year(year, true)?;
        (self.to <= fy.to).then_some(fy.from)
    }

    pub fn range(from: Date, to: Date) -> Option<Period> {
        (from <= to).then_some(Period { from, to })
    }

    /// The stored (UTC) instants the period runs between: local midnight of its first day, and
    /// local midnight after its last.
    pub fn instants(&self) -> (String, String) {
        (day_start(self.from), day_start(self.to.tomorrow().unwrap_or(self.to)))
    }

    /// The months it touches: (label, first day, last day), the first and last cut to the period.
    pub fn months(&self) -> Vec<(String, Date, Date)> {
        let mut out = Vec::new();
        let mut start = self.from;
        while start <= self.to {
            let next =
                start.first_of_month().checked_add(jiff::Span::new().months(1)).unwrap_or(self.to);
            let end = next.yesterday().unwrap_or(next).min(self.to);
            out.push((start.strftime("%Y-%m").to_string(), start, end));
            start = next;
        }
        out
    }
}

/// What kind of record a figure counts (and its drill-down lists).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rec {
    Contact,
    Client,
    Service,
    Screening,
    Referral,
    Tip,
    Payment,
}

/// A value bound to a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Param {
    Int(i64),
    Text(String),
}

/// The query listing the records behind a figure, with its bound values: `sql` selects their
/// ids (as `id`) and ends with its WHERE clause, so a page adds its own bound and order by
/// the id column `id_col`.
#[derive(Clone, Debug, PartialEq)]
pub struct Drill {
    pub rec: Rec,
    pub sql: String,
    pub id_col: String,
    pub values: Vec<Param>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    Count(i64),
    Cents(i64),
    /// Days, as a median (None: nothing to take it of).
    Days(Option<f64>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// A stable key (an option id) for files; the label is in the user's language.
    pub key: String,
    pub label: String,
    pub value: Value,
    /// How many records stand behind it (what decides suppression when shared).
    pub n: i64,
    pub drill: Option<Drill>,
}

impl Figure {
    /// A count that stands for no person served and no record (training events, people
    /// reached): the shared view shows it whole.
    pub fn counts_no_one(&self) -> bool {
        self.n == 0 && self.drill.is_none() && matches!(self.value, Value::Count(v) if v > 0)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub key: &'static str,
    pub title: Msg,
    pub figures: Vec<Figure>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub kind: Kind,
    pub period: Period,
    pub sections: Vec<Section>,
    /// What it was narrowed to (nothing: all the agency's).
    pub filter: Filter,
    /// The report's main count by month, for the chart.
    pub monthly: Vec<(String, i64)>,
}

/// A value as shown: counts as numbers, money in dollars, days to one decimal. Shared output
/// shows counts from 1 to 10 (and money resting on so few payments) as "<11".
pub fn show(f: &Figure, shareable: bool) -> String {
    let small = shareable && f.n > 0 && f.n < SMALL;
    match f.value {
        Value::Count(_) | Value::Cents(_) if small => format!("<{SMALL}"),
        Value::Count(n) => n.to_string(),
        Value::Cents(c) => format!("${}", crate::domain::fields::format_cents(c)),
        Value::Days(Some(d)) => format!("{d:.1}"),
        Value::Days(None) => "-".into(),
    }
}
