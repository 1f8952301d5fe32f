//! Reports for funders and partners: hotline volume, people served, services, screenings,
//! referrals, tips and money paid, for a state or federal fiscal year, a quarter of either, or
//! any range of days. Every figure is counted in SQL over the indexes (no record is loaded to
//! count it) and keeps the query that lists the records behind it. Days are America/Denver days.

use jiff::civil::Date;
use rusqlite::Connection;
use rusqlite::types::Value as Sql;

use crate::domain::{client, contact, directory, fund, tip};
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg, fill};
use crate::store::contacts::day_start;
use crate::store::tips::Scope;
use crate::store::users::User;

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
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Hotline,
        Kind::Clients,
        Kind::Services,
        Kind::Screenings,
        Kind::Referrals,
        Kind::Tips,
        Kind::Funds,
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
        }
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

    pub fn range(from: Date, to: Date) -> Option<Period> {
        (from <= to).then_some(Period { from, to })
    }

    /// The stored (UTC) instants the period runs between: local midnight of its first day, and
    /// local midnight after its last.
    fn instants(&self) -> (String, String) {
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

/// The query listing the records behind a figure, with its bound values.
#[derive(Clone, Debug, PartialEq)]
pub struct Drill {
    pub rec: Rec,
    sql: String,
    values: Vec<Sql>,
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
    /// The report's main count by month, for the chart.
    pub monthly: Vec<(String, i64)>,
}

/// The rows a report counts: a table, its id column, and the conditions of scope and period.
struct Base {
    rec: Rec,
    from: &'static str,
    id: &'static str,
    cond: String,
    values: Vec<Sql>,
}

impl Base {
    fn count(&self, conn: &Connection, extra: &str, extra_values: &[Sql]) -> Result<i64> {
        let count = if self.from.contains(',') || self.id.ends_with("client_id") {
            format!("count(DISTINCT {})", self.id)
        } else {
            "count(*)".to_string()
        };
        let sql = format!("SELECT {count} FROM {} WHERE {}{extra}", self.from, self.cond);
        let values: Vec<Sql> = self.values.iter().chain(extra_values).cloned().collect();
        Ok(conn
            .prepare_cached(&sql)?
            .query_row(rusqlite::params_from_iter(values), |r| r.get(0))?)
    }

    fn drill(&self, join: &str, extra: &str, extra_values: Vec<Sql>) -> Drill {
        Drill {
            rec: self.rec,
            sql: format!(
                "SELECT DISTINCT {id} FROM {from}{join} WHERE {cond}{extra} ORDER BY {id}",
                id = self.id,
                from = self.from,
                cond = self.cond
            ),
            values: self.values.iter().cloned().chain(extra_values).collect(),
        }
    }

    /// A single figure: the rows matching `extra`.
    fn figure(
        &self,
        conn: &Connection,
        key: &str,
        label: String,
        extra: &str,
        values: Vec<Sql>,
    ) -> Result<Figure> {
        let n = self.count(conn, extra, &values)?;
        Ok(Figure {
            key: key.into(),
            label,
            value: Value::Count(n),
            n,
            drill: Some(self.drill("", extra, values)),
        })
    }

    /// Counts by the value of `key` (over `join`, for a JSON list), largest first.
    fn breakdown(
        &self,
        conn: &Connection,
        join: &str,
        key: &str,
        label: &dyn Fn(&str) -> String,
    ) -> Result<Vec<Figure>> {
        // A row counts once; only a join over a list could repeat it.
        let count = if join.is_empty() && !self.id.ends_with("client_id") {
            "count(*)".to_string()
        } else {
            format!("count(DISTINCT {})", self.id)
        };
        let sql = format!(
            "SELECT {key} AS k, {count} AS n FROM {from}{join} WHERE {cond}
             GROUP BY k ORDER BY n DESC, k",
            from = self.from,
            cond = self.cond
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows: Vec<(Option<String>, i64)> = stmt
            .query_map(rusqlite::params_from_iter(self.values.iter()), |r| {
                let k: Sql = r.get(0)?;
                let k = match k {
                    Sql::Null => None,
                    Sql::Integer(i) => Some(i.to_string()),
                    Sql::Text(t) => Some(t),
                    _ => None,
                };
                Ok((k, r.get(1)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows.into_iter().map(|(k, n)| self.count_figure(join, key, &[], k, n, label)).collect())
    }

    /// The figure for the rows whose `expr` (over `join`, with `params` for its `?`) is `k`:
    /// its count, its label, and the query for its records.
    fn count_figure(
        &self,
        join: &str,
        expr: &str,
        params: &[Sql],
        k: Option<String>,
        n: i64,
        label: &dyn Fn(&str) -> String,
    ) -> Figure {
        let mut values = params.to_vec();
        let cond = match &k {
            Some(v) => {
                values.push(Sql::Text(v.clone()));
                format!(" AND {expr} = ?")
            }
            None => format!(" AND {expr} IS NULL"),
        };
        Figure {
            label: k.as_deref().map(label).unwrap_or_default(),
            key: k.unwrap_or_else(|| "not_reported".into()),
            value: Value::Count(n),
            n,
            drill: Some(self.drill(join, &cond, values)),
        }
    }

    /// Counts by several dimensions (and by month, for the chart) in one pass over the rows:
    /// a section per dimension, each figure opening to its records.
    fn cube(
        &self,
        conn: &Connection,
        dims: &[Dim],
        months: Option<(&Period, &str, bool)>,
    ) -> Result<Cube> {
        self.cube_with(conn, dims, months, &[], &mut |_, _| Ok(()))
    }

    /// `cube`, reading `extra` columns too and handing each row to `each` (with the index of
    /// the first extra column). The rows are counted here rather than grouped by SQLite: one
    /// pass over the index, no sort.
    fn cube_with(
        &self,
        conn: &Connection,
        dims: &[Dim],
        months: Option<(&Period, &str, bool)>,
        extra: &[&str],
        each: &mut dyn FnMut(&rusqlite::Row, usize) -> rusqlite::Result<()>,
    ) -> Result<Cube> {
        let mut select: Vec<String> = dims.iter().map(|d| d.expr.to_string()).collect();
        let values: Vec<Sql> = dims
            .iter()
            .flat_map(|d| d.params.iter().cloned())
            .chain(self.values.iter().cloned())
            .collect();
        let month_list = months.map(|(p, _, _)| p.months()).unwrap_or_default();
        // The first instant (or day) after each month, as stored: a row's month is the first
        // bound above it.
        let bounds: Vec<String> = month_list
            .iter()
            .map(|(_, _, end)| {
                let next = end.tomorrow().unwrap_or(*end);
                if months.is_some_and(|m| m.2) { day_start(next) } else { next.to_string() }
            })
            .collect();
        if let Some((_, at, _)) = months {
            select.push(at.to_string());
        }
        let first_extra = select.len();
        select.extend(extra.iter().map(|e| e.to_string()));
        let sql = format!("SELECT {} FROM {} WHERE {}", select.join(", "), self.from, self.cond);
        let width = dims.len();
        // Each dimension's values seen so far; a row's key is their positions.
        let mut seen: Vec<Vec<Option<String>>> = vec![Vec::new(); width];
        // A row's key: each dimension's value position, then its month (no allocation per row).
        const MAX_DIMS: usize = 11;
        if width >= MAX_DIMS {
            return Err(Error::user(Msg::ErrNoSuchReport));
        }
        let mut counts: std::collections::HashMap<[u32; MAX_DIMS + 1], i64> =
            std::collections::HashMap::new();
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(values))?;
        while let Some(r) = rows.next()? {
            let mut key = [0u32; MAX_DIMS + 1];
            for (i, list) in seen.iter_mut().enumerate() {
                let text: Option<std::borrow::Cow<[u8]>> = match r.get_ref(i)? {
                    rusqlite::types::ValueRef::Text(t) => Some(t.into()),
                    rusqlite::types::ValueRef::Integer(n) => {
                        Some(n.to_string().into_bytes().into())
                    }
                    _ => None,
                };
                let found =
                    list.iter().position(|x| x.as_deref().map(str::as_bytes) == text.as_deref());
                let at = found.unwrap_or_else(|| {
                    list.push(text.map(|t| String::from_utf8_lossy(&t).into_owned()));
                    list.len() - 1
                });
                key[i] = at as u32;
            }
            if months.is_some() {
                let at = match r.get_ref(width)? {
                    rusqlite::types::ValueRef::Text(t) => std::str::from_utf8(t).unwrap_or(""),
                    _ => "",
                };
                key[width] = bounds.partition_point(|b| b.as_str() <= at) as u32;
            }
            *counts.entry(key).or_default() += 1;
            each(r, first_extra)?;
        }
        let rows: Vec<(Vec<Option<String>>, i64)> = counts
            .into_iter()
            .map(|(k, n)| {
                let mut keys: Vec<Option<String>> = k
                    .iter()
                    .take(width)
                    .enumerate()
                    .map(|(i, p)| seen[i][*p as usize].clone())
                    .collect();
                if months.is_some() {
                    keys.push(k.get(width).map(|m| m.to_string()));
                }
                (keys, n)
            })
            .collect();
        let width = if months.is_some() { width + 1 } else { width };
        let total = rows.iter().map(|(_, n)| n).sum();
        let mut sections = Vec::new();
        for (i, d) in dims.iter().enumerate() {
            let mut counts: Vec<(Option<String>, i64)> = Vec::new();
            for (keys, n) in &rows {
                match counts.iter_mut().find(|(k, _)| *k == keys[i]) {
                    Some((_, c)) => *c += n,
                    None => counts.push((keys[i].clone(), *n)),
                }
            }
            counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let figures = counts
                .into_iter()
                .map(|(k, n)| self.count_figure("", d.expr, &d.params, k, n, &d.label))
                .collect();
            sections.push(Section { key: d.key, title: d.title, figures });
        }
        let monthly = month_list
            .iter()
            .enumerate()
            .map(|(m, (label, _, _))| {
                let n = rows
                    .iter()
                    .filter(|(keys, _)| keys[width - 1].as_deref() == Some(m.to_string().as_str()))
                    .map(|(_, n)| n)
                    .sum();
                (label.clone(), n)
            })
            .collect();
        Ok(Cube { sections, total, monthly, rows })
    }

    /// Counts per month of `period`, by the local day or instant column `at`.
    fn monthly(
        &self,
        conn: &Connection,
        period: &Period,
        at: &str,
        instants: bool,
    ) -> Result<Vec<(String, i64)>> {
        Ok(self.cube(conn, &[], Some((period, at, instants)))?.monthly)
    }
}

/// One dimension of a one-pass count.
struct Dim<'a> {
    key: &'static str,
    title: Msg,
    expr: &'a str,
    /// Values for the `?` in `expr`.
    params: Vec<Sql>,
    label: Box<dyn Fn(&str) -> String + 'a>,
}

fn dim<'a>(
    key: &'static str,
    title: Msg,
    expr: &'a str,
    label: impl Fn(&str) -> String + 'a,
) -> Dim<'a> {
    Dim { key, title, expr, params: Vec::new(), label: Box::new(label) }
}

struct Cube {
    sections: Vec<Section>,
    total: i64,
    monthly: Vec<(String, i64)>,
    /// Each combination of the dimensions' values (and the month) with its count.
    rows: Vec<(Vec<Option<String>>, i64)>,
}

fn text(v: &str) -> Sql {
    Sql::Text(v.to_string())
}

fn labelled(list: &'static [(&'static str, Msg)], lang: Lang) -> impl Fn(&str) -> String {
    move |id: &str| directory::label(list, id, lang)
}

fn section(key: &'static str, title: Msg, figures: Vec<Figure>) -> Section {
    Section { key, title, figures }
}

/// Build a report of `kind` for `period`, over what `user` may see (their agency; for tips,
/// their scope).
pub fn build(
    conn: &Connection,
    user: &User,
    kind: Kind,
    period: Period,
    lang: Lang,
) -> Result<Report> {
    if !user.role.sees_reports() {
        return Err(crate::Error::user(Msg::ErrReportsRole));
    }
    let agency = Sql::Integer(user.agency_id);
    let (t0, t1) = period.instants();
    let (d0, d1) = (period.from.to_string(), period.to.to_string());
    let mut sections = Vec::new();
    let monthly = match kind {
        Kind::Hotline => {
            let b = Base {
                rec: Rec::Contact,
                from: "contacts c",
                id: "c.id",
                cond: "c.agency_id = ? AND c.started_at >= ? AND c.started_at < ?".into(),
                values: vec![agency, text(&t0), text(&t1)],
            };
            let dims = [
                dim("channel", Msg::FieldChannel, "c.channel", labelled(contact::CHANNELS, lang)),
                dim(
                    "direction",
                    Msg::FieldDirection,
                    "c.direction",
                    labelled(contact::DIRECTIONS, lang),
                ),
                dim(
                    "caller_type",
                    Msg::FieldCallerType,
                    "c.caller_type",
                    labelled(contact::CALLER_TYPES, lang),
                ),
                dim(
                    "language",
                    Msg::FieldCallerLanguage,
                    "c.language",
                    labelled(contact::LANGUAGES, lang),
                ),
            ];
            // One pass over the report index: the dimensions, the outcomes (a list per contact)
            // and the distinct callers (their keyed hash is random, so 64 bits of it tell them
            // apart).
            let mut outcomes: Vec<(String, i64)> = Vec::new();
            let mut callers = std::collections::HashSet::new();
            let mut anonymous = 0i64;
            let cube = b.cube_with(
                conn,
                &dims,
                Some((&period, "c.started_at", true)),
                &["c.outcomes", "c.caller_hash"],
                &mut |r, at| {
                    if let rusqlite::types::ValueRef::Text(t) = r.get_ref(at)? {
                        let list = std::str::from_utf8(t).unwrap_or("");
                        for o in list.trim_matches(['[', ']']).split(',') {
                            let o = o.trim().trim_matches('"');
                            if o.is_empty() {
                                continue;
                            }
                            match outcomes.iter_mut().find(|(k, _)| k == o) {
                                Some((_, n)) => *n += 1,
                                None => outcomes.push((o.to_string(), 1)),
                            }
                        }
                    }
                    match r.get_ref(at + 1)? {
                        rusqlite::types::ValueRef::Text(h) => {
                            let head = std::str::from_utf8(h.get(..16).unwrap_or(h)).unwrap_or("");
                            callers.insert(u64::from_str_radix(head, 16).unwrap_or_default());
                        }
                        _ => anonymous += 1,
                    }
                    Ok(())
                },
            )?;
            let unique = callers.len() as i64 + anonymous;
            let total = Figure {
                key: "contacts".into(),
                label: Msg::RepContacts.text(lang).into(),
                value: Value::Count(cube.total),
                n: cube.total,
                drill: Some(b.drill("", "", vec![])),
            };
            let unique = Figure {
                key: "unique_individuals".into(),
                label: Msg::RepUnique.text(lang).into(),
                value: Value::Count(unique),
                n: unique,
                drill: None,
            };
            // Incoming by channel, from the same pass.
            let incoming = |ch: &str, m: Msg| {
                let n: i64 = cube
                    .rows
                    .iter()
                    .filter(|(k, _)| {
                        k[0].as_deref() == Some(ch) && k[1].as_deref() == Some("incoming")
                    })
                    .map(|(_, n)| n)
                    .sum();
                Figure {
                    key: format!("incoming_{ch}"),
                    label: m.text(lang).into(),
                    value: Value::Count(n),
                    n,
                    drill: Some(b.drill(
                        "",
                        " AND c.direction = 'incoming' AND c.channel = ?",
                        vec![text(ch)],
                    )),
                }
            };
            let totals = vec![
                total,
                unique,
                incoming("call", Msg::RepIncomingCalls),
                incoming("text", Msg::RepIncomingTexts),
                incoming("chat", Msg::RepIncomingChats),
            ];
            sections.push(section("totals", Msg::RepTotals, totals));
            let mut parts = cube.sections.into_iter();
            sections.extend(parts.by_ref().take(3));
            outcomes.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let label = labelled(contact::OUTCOMES, lang);
            let outcome_figures = outcomes
                .into_iter()
                .map(|(k, n)| {
                    b.count_figure(", json_each(c.outcomes) j", "j.value", &[], Some(k), n, &label)
                })
                .collect();
            sections.push(section("outcome", Msg::FieldOutcomes, outcome_figures));
            sections.extend(parts);
            cube.monthly
        }
        Kind::Clients => {
            // Served in the period: taken in, or given a service, within it (each found by its
            // index, then only those clients read).
            let b = Base {
                rec: Rec::Client,
                from: "clients k",
                id: "k.id",
                cond: "k.id IN (SELECT id FROM clients WHERE agency_id = ? AND intake_on BETWEEN ? AND ?
                       UNION SELECT client_id FROM services WHERE agency_id = ? AND delivered_on BETWEEN ? AND ?)"
                    .into(),
                values: vec![agency.clone(), text(&d0), text(&d1), agency, text(&d0), text(&d1)],
            };
            let age = "CASE WHEN k.birth_date IS NOT NULL THEN
                    CASE WHEN date(k.birth_date, '+18 years') > k.intake_on THEN 'minor' ELSE 'adult' END
                 WHEN k.age IS NOT NULL THEN CASE WHEN k.age < 18 THEN 'minor' ELSE 'adult' END
                 WHEN k.age_range IN ('under_12', '12_17') THEN 'minor'
                 WHEN k.age_range IS NULL OR k.age_range IN ('declined', 'unknown') THEN 'not_reported'
                 ELSE 'adult' END";
            let ages: &'static [(&'static str, Msg)] = &[
                ("adult", Msg::RepAdult),
                ("minor", Msg::RepMinor),
                ("not_reported", Msg::RepNotReported),
            ];
            let areas = |a: &str| {
                crate::domain::fields::option_list(crate::domain::fields::Options::Areas, lang)
                    .into_iter()
                    .find(|(id, _)| id == a)
                    .map(|(_, l)| l)
                    .unwrap_or_else(|| a.to_string())
            };
            let mut new_dim = dim(
                "new",
                Msg::RepTotals,
                "CASE WHEN k.intake_on >= ? THEN 'new' ELSE 'continuing' END",
                |x: &str| x.to_string(),
            );
            new_dim.params.push(text(&d0));
            let dims = [
                new_dim,
                dim("age", Msg::RepAgeAtIntake, age, labelled(ages, lang)),
                dim("gender", Msg::FieldGender, "k.gender", labelled(client::GENDERS, lang)),
                dim(
                    "trafficking_type",
                    Msg::FieldTraffickingType,
                    "k.trafficking_type",
                    labelled(client::TRAFFICKING, lang),
                ),
                dim(
                    "citizenship",
                    Msg::FieldCitizenship,
                    "k.citizenship",
                    labelled(client::CITIZENSHIP, lang),
                ),
                dim("area", Msg::FieldArea, "k.area", areas),
                dim(
                    "referral_source",
                    Msg::FieldReferralSource,
                    "k.referral_source",
                    labelled(client::REFERRAL_SOURCES, lang),
                ),
            ];
            let cube = b.cube(conn, &dims, Some((&period, "k.intake_on", false)))?;
            let count = |which: &str| -> i64 {
                cube.rows
                    .iter()
                    .filter(|(k, _)| k[0].as_deref() == Some(which))
                    .map(|(_, n)| n)
                    .sum()
            };
            let (new, continuing) = (count("new"), count("continuing"));
            let figure = |key: &str, m: Msg, n: i64, extra: &str, values: Vec<Sql>| Figure {
                key: key.into(),
                label: m.text(lang).into(),
                value: Value::Count(n),
                n,
                drill: Some(b.drill("", extra, values)),
            };
            sections.push(section(
                "totals",
                Msg::RepTotals,
                vec![
                    figure("served", Msg::RepServed, cube.total, "", vec![]),
                    figure("new", Msg::RepNew, new, " AND k.intake_on >= ?", vec![text(&d0)]),
                    figure(
                        "continuing",
                        Msg::RepContinuing,
                        continuing,
                        " AND k.intake_on < ?",
                        vec![text(&d0)],
                    ),
                ],
            ));
            let mut parts = cube.sections.into_iter().skip(1);
            sections.extend(parts.by_ref().take(4));
            sections.push(section(
                "race",
                Msg::FieldRace,
                b.breakdown(
                    conn,
                    ", json_each(k.race) j",
                    "j.value",
                    &labelled(client::RACES, lang),
                )?,
            ));
            sections.extend(parts);
            // The chart: intakes (new clients) by month.
            let last = dims.len();
            cube.monthly
                .iter()
                .enumerate()
                .map(|(m, (label, _))| {
                    let n = cube
                        .rows
                        .iter()
                        .filter(|(k, _)| k[0].as_deref() == Some("new"))
                        .filter(|(k, _)| k[last].as_deref() == Some(m.to_string().as_str()))
                        .map(|(_, n)| n)
                        .sum();
                    (label.clone(), n)
                })
                .collect()
        }
        Kind::Services => {
            let b = Base {
                rec: Rec::Service,
                from: "services v",
                id: "v.id",
                cond: "v.agency_id = ? AND v.delivered_on BETWEEN ? AND ?".into(),
                values: vec![agency, text(&d0), text(&d1)],
            };
            let dims = [
                dim("type", Msg::RepByType, "v.service_type", labelled(client::SERVICES, lang)),
                dim(
                    "voca_family",
                    Msg::RepByVocaFamily,
                    "v.voca_family",
                    labelled(client::VOCA_FAMILIES, lang),
                ),
            ];
            let cube = b.cube(conn, &dims, Some((&period, "v.delivered_on", false)))?;
            let people: i64 = conn
                .prepare_cached(
                    "SELECT count(DISTINCT v.client_id) FROM services v
                     WHERE v.agency_id = ? AND v.delivered_on BETWEEN ? AND ?",
                )?
                .query_row(rusqlite::params_from_iter(b.values.iter()), |r| r.get(0))?;
            let total = Figure {
                key: "services".into(),
                label: Msg::RepServicesDelivered.text(lang).into(),
                value: Value::Count(cube.total),
                n: cube.total,
                drill: Some(b.drill("", "", vec![])),
            };
            let given = Base {
                rec: Rec::Client,
                from: "services v",
                id: "v.client_id",
                cond: b.cond.clone(),
                values: b.values.clone(),
            };
            let people = Figure {
                key: "clients".into(),
                label: Msg::RepPeopleGivenServices.text(lang).into(),
                value: Value::Count(people),
                n: people,
                drill: Some(given.drill("", "", vec![])),
            };
            sections.push(section("totals", Msg::RepTotals, vec![total, people]));
            sections.extend(cube.sections);
            cube.monthly
        }
        Kind::Screenings => {
            let b = Base {
                rec: Rec::Screening,
                from: "screenings s JOIN screening_tools t ON t.id = s.tool",
                id: "s.id",
                cond: "s.agency_id = ? AND s.started_at >= ? AND s.started_at < ?".into(),
                values: vec![agency, text(&t0), text(&t1)],
            };
            let total =
                b.figure(conn, "screenings", Msg::RepScreeningsDone.text(lang).into(), "", vec![])?;
            sections.push(section("totals", Msg::RepTotals, vec![total]));
            let tool = |id: &str| crate::domain::screening::tool_title(id, lang);
            sections.push(section(
                "tool",
                Msg::RepByTool,
                b.breakdown(conn, "", "t.tool_id", &tool)?,
            ));
            let result = "CASE WHEN s.closed_at IS NULL THEN 'in_progress' ELSE coalesce(s.level, s.completeness) END";
            let status = |id: &str| crate::domain::screening::status_label(id, lang);
            sections.push(section(
                "result",
                Msg::RepByResult,
                b.breakdown(conn, "", result, &status)?,
            ));
            b.monthly(conn, &period, "s.started_at", true)?
        }
        Kind::Referrals => {
            let b = Base {
                rec: Rec::Referral,
                from: "referrals r",
                id: "r.id",
                cond: "r.agency_id = ? AND r.referred_on BETWEEN ? AND ?".into(),
                values: vec![agency, text(&d0), text(&d1)],
            };
            let accepted = " AND EXISTS (SELECT 1 FROM referral_status h WHERE h.referral_id = r.id AND h.status = 'accepted')";
            let made = b.figure(conn, "made", Msg::RefMade.text(lang).into(), "", vec![])?;
            let acc =
                b.figure(conn, "accepted", Msg::RefAccepted.text(lang).into(), accepted, vec![])?;
            let done = b.figure(
                conn,
                "completed",
                Msg::RefCompleted.text(lang).into(),
                " AND r.status = 'completed'",
                vec![],
            )?;
            let declined = b.figure(
                conn,
                "declined",
                Msg::RefDeclined.text(lang).into(),
                " AND r.status = 'declined'",
                vec![],
            )?;
            // Median days from referral to acceptance.
            let mut stmt = conn.prepare_cached(
                "SELECT julianday(min(h.on_date)) - julianday(r.referred_on) FROM referrals r
                 JOIN referral_status h ON h.referral_id = r.id AND h.status = 'accepted'
                 WHERE r.agency_id = ? AND r.referred_on BETWEEN ? AND ? GROUP BY r.id",
            )?;
            let mut days: Vec<f64> = stmt
                .query_map(rusqlite::params_from_iter(b.values.iter()), |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            days.sort_by(f64::total_cmp);
            let median = match days.len() {
                0 => None,
                n if n % 2 == 1 => Some(days[n / 2]),
                n => Some((days[n / 2 - 1] + days[n / 2]) / 2.0),
            };
            let median = Figure {
                key: "median_days_to_acceptance".into(),
                label: Msg::RepMedianDays.text(lang).into(),
                value: Value::Days(median),
                n: days.len() as i64,
                drill: Some(b.drill("", accepted, vec![])),
            };
            sections.push(section(
                "totals",
                Msg::RepTotals,
                vec![made, acc, done, declined, median],
            ));
            let cat = ", dir_service_tags g";
            let category = |extra: &str| -> Result<Vec<Figure>> {
                let c = Base {
                    rec: Rec::Referral,
                    from: "referrals r",
                    id: "r.id",
                    cond: format!(
                        "{} AND g.service_id = r.service_id AND g.kind = 'category'{extra}",
                        b.cond
                    ),
                    values: b.values.clone(),
                };
                c.breakdown(conn, cat, "g.value", &labelled(directory::CATEGORIES, lang))
            };
            sections.push(section("made_by_category", Msg::RepMadeByCategory, category("")?));
            sections.push(section(
                "accepted_by_category",
                Msg::RepAcceptedByCategory,
                category(accepted)?,
            ));
            sections.push(section(
                "completed_by_category",
                Msg::RepCompletedByCategory,
                category(" AND r.status = 'completed'")?,
            ));
            b.monthly(conn, &period, "r.referred_on", false)?
        }
        Kind::Tips => {
            let (scope, mut values) = match Scope::of(user) {
                Scope::All => ("1 = 1".to_string(), vec![]),
                Scope::ReferredTo(a) => ("t.referred_to = ?".to_string(), vec![Sql::Integer(a)]),
            };
            values.extend([text(&t0), text(&t1)]);
            let b = Base {
                rec: Rec::Tip,
                from: "tips t",
                id: "t.id",
                cond: format!("{scope} AND t.received_at >= ? AND t.received_at < ?"),
                values,
            };
            let dims = [
                dim("source", Msg::FieldSource, "t.source", labelled(tip::SOURCES, lang)),
                dim("category", Msg::FieldCategory, "t.category", labelled(tip::CATEGORIES, lang)),
            ];
            let cube = b.cube(conn, &dims, Some((&period, "t.received_at", true)))?;
            let total = Figure {
                key: "tips".into(),
                label: Msg::RepTipsReceived.text(lang).into(),
                value: Value::Count(cube.total),
                n: cube.total,
                drill: Some(b.drill("", "", vec![])),
            };
            sections.push(section("totals", Msg::RepTotals, vec![total]));
            sections.extend(cube.sections);
            cube.monthly
        }
        Kind::Funds => {
            let b = Base {
                rec: Rec::Payment,
                from: "payments p JOIN funds f ON f.id = p.fund_id",
                id: "p.id",
                cond: "f.agency_id = ? AND p.status = 'approved' AND p.paid_on BETWEEN ? AND ?"
                    .into(),
                values: vec![agency, text(&d0), text(&d1)],
            };
            let money = |group: &str, label: &dyn Fn(&str) -> String| -> Result<Vec<Figure>> {
                let sql = format!(
                    "SELECT {group} AS k, sum(p.amount_cents), count(*) FROM {} WHERE {} GROUP BY k ORDER BY 2 DESC, k",
                    b.from, b.cond
                );
                let mut stmt = conn.prepare_cached(&sql)?;
                let rows: Vec<(String, i64, i64)> = stmt
                    .query_map(rusqlite::params_from_iter(b.values.iter()), |r| {
                        Ok((
                            r.get::<_, Sql>(0).map(|v| match v {
                                Sql::Text(t) => t,
                                Sql::Integer(i) => i.to_string(),
                                _ => String::new(),
                            })?,
                            r.get(1)?,
                            r.get(2)?,
                        ))
                    })?
                    .collect::<rusqlite::Result<_>>()?;
                Ok(rows
                    .into_iter()
                    .map(|(k, cents, n)| Figure {
                        label: label(&k),
                        drill: Some(b.drill("", &format!(" AND {group} = ?"), vec![text(&k)])),
                        key: k,
                        value: Value::Cents(cents),
                        n,
                    })
                    .collect())
            };
            // The clients paid: these figures open to the clients, not to the payments.
            let paid_clients = Base {
                rec: Rec::Client,
                from: b.from,
                id: "p.client_id",
                cond: b.cond.clone(),
                values: b.values.clone(),
            };
            let total: (i64, i64) = conn
                .prepare_cached(&format!(
                    "SELECT coalesce(sum(p.amount_cents), 0), count(*) FROM {} WHERE {}",
                    b.from, b.cond
                ))?
                .query_row(rusqlite::params_from_iter(b.values.iter()), |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?;
            let clients: i64 = conn
                .prepare_cached(&format!(
                    "SELECT count(DISTINCT p.client_id) FROM {} WHERE {}",
                    b.from, b.cond
                ))?
                .query_row(rusqlite::params_from_iter(b.values.iter()), |r| r.get(0))?;
            sections.push(section(
                "totals",
                Msg::RepTotals,
                vec![
                    Figure {
                        key: "paid".into(),
                        label: Msg::RepPaid.text(lang).into(),
                        value: Value::Cents(total.0),
                        n: total.1,
                        drill: Some(b.drill("", "", vec![])),
                    },
                    Figure {
                        key: "payments".into(),
                        label: Msg::RepPayments.text(lang).into(),
                        value: Value::Count(total.1),
                        n: total.1,
                        drill: Some(b.drill("", "", vec![])),
                    },
                    Figure {
                        key: "clients".into(),
                        label: Msg::RepClientsPaid.text(lang).into(),
                        value: Value::Count(clients),
                        n: clients,
                        drill: Some(paid_clients.drill("", "", vec![])),
                    },
                ],
            ));
            let names: Vec<(i64, String)> = conn
                .prepare_cached("SELECT id, name FROM funds WHERE agency_id = ?1")?
                .query_map([user.agency_id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let fund_name = |id: &str| {
                names
                    .iter()
                    .find(|(i, _)| i.to_string() == id)
                    .map(|(_, n)| n.clone())
                    .unwrap_or_default()
            };
            sections.push(section(
                "by_fund",
                Msg::RepPaidByFund,
                money("CAST(p.fund_id AS TEXT)", &fund_name)?,
            ));
            sections.push(section(
                "by_category",
                Msg::RepPaidByCategory,
                money("p.category", &labelled(fund::CATEGORIES, lang))?,
            ));
            let per_fund =
                paid_clients.breakdown(conn, "", "CAST(p.fund_id AS TEXT)", &fund_name)?;
            sections.push(section("clients_by_fund", Msg::RepClientsByFund, per_fund));
            let per_category = paid_clients.breakdown(
                conn,
                "",
                "p.category",
                &labelled(fund::CATEGORIES, lang),
            )?;
            sections.push(section("clients_by_category", Msg::RepClientsByCategory, per_category));
            b.monthly(conn, &period, "p.paid_on", false)?
        }
    };
    // Reports that open a figure to records: only ever the agency's own.
    for s in &mut sections {
        for f in &mut s.figures {
            if f.label.is_empty() {
                f.label = Msg::RepNotReported.text(lang).into();
            }
        }
    }
    Ok(Report { kind, period, sections, monthly })
}

/// One page of the records behind a figure: their ids.
pub fn drill_page(conn: &Connection, d: &Drill, offset: i64, limit: i64) -> Result<Vec<i64>> {
    let sql = format!("{} LIMIT ? OFFSET ?", d.sql);
    let values: Vec<Sql> =
        d.values.iter().cloned().chain([Sql::Integer(limit), Sql::Integer(offset)]).collect();
    let mut stmt = conn.prepare_cached(&sql)?;
    let ids = stmt
        .query_map(rusqlite::params_from_iter(values), |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Json,
}

/// The report as text: an aligned table, CSV (formula-safe) or JSON.
pub fn render(r: &Report, format: Format, shareable: bool, lang: Lang) -> Result<String> {
    let title = r.kind.title().text(lang);
    let period =
        fill(Msg::RepPeriod.text(lang), &[&r.period.from.to_string(), &r.period.to.to_string()]);
    match format {
        Format::Table => {
            let mut out = format!("{title}  {period}\n");
            for s in &r.sections {
                out.push_str(&format!("\n{}\n", s.title.text(lang)));
                if s.figures.is_empty() {
                    out.push_str(&format!("  {}\n", Msg::RepNothing.text(lang)));
                }
                for f in &s.figures {
                    out.push_str(&format!("  {:<44} {:>14}\n", f.label, show(f, shareable)));
                }
            }
            Ok(out)
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let err = |e: csv::Error| Error::user_with(Msg::ErrCsvRead, &["-", &e.to_string()]);
            w.write_record(["report", "from", "to", "section", "key", "label", "value"])
                .map_err(err)?;
            for s in &r.sections {
                for f in &s.figures {
                    let cells = [
                        r.kind.id().to_string(),
                        r.period.from.to_string(),
                        r.period.to.to_string(),
                        s.key.to_string(),
                        f.key.clone(),
                        f.label.clone(),
                        show(f, shareable),
                    ];
                    w.write_record(cells.iter().map(|c| crate::domain::text::csv_safe(c)))
                        .map_err(err)?;
                }
            }
            let bytes = w
                .into_inner()
                .map_err(|e| Error::user_with(Msg::ErrCsvRead, &["-", &e.to_string()]))?;
            Ok(String::from_utf8_lossy(&bytes).into_owned())
        }
        Format::Json => {
            let sections: Vec<serde_json::Value> = r
                .sections
                .iter()
                .map(|s| {
                    serde_json::json!({
                        "key": s.key,
                        "title": s.title.text(lang),
                        "figures": s.figures.iter().map(|f| serde_json::json!({
                            "key": f.key,
                            "label": f.label,
                            "value": match f.value {
                                _ if shareable && f.n > 0 && f.n < SMALL => serde_json::json!(format!("<{SMALL}")),
                                Value::Count(n) => serde_json::json!(n),
                                Value::Cents(c) => serde_json::json!({ "cents": c }),
                                Value::Days(d) => serde_json::json!(d),
                            },
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect();
            let v = serde_json::json!({
                "report": r.kind.id(),
                "title": title,
                "from": r.period.from.to_string(),
                "to": r.period.to.to_string(),
                "shareable": shareable,
                "sections": sections,
            });
            Ok(format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default()))
        }
    }
}
