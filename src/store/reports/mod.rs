//! Counting reports in SQL over the covering indexes: every figure is a count (no record is
//! loaded to count it) and keeps the query that lists the records behind it. One file per
//! report; this one holds what they share: the rows a report counts, the one-pass counter by
//! several dimensions and by month, and the page of records behind a figure.

use rusqlite::Connection;
use rusqlite::types::Value as Sql;

use crate::domain::directory;
use crate::domain::report::{
    Drill, Figure, Filter, Kind, Param, Period, Rec, Report, Section, Value,
};
use crate::domain::time::day_start;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};
use crate::store::users::User;
use crate::store::{Key, Start};

mod clients;
mod funds;
mod hotline;
mod referrals;
mod screenings;
mod services;
mod tips;
mod trafficking;
pub mod voca;

/// What every report's queries are scoped by: the agency, the period (as stored instants and
/// as local days) and the language of its labels.
pub(super) struct Scope<'a> {
    pub(super) conn: &'a Connection,
    pub(super) user: &'a User,
    pub(super) period: Period,
    pub(super) lang: Lang,
    pub(super) agency: Sql,
    pub(super) t0: String,
    pub(super) t1: String,
    pub(super) d0: String,
    pub(super) d1: String,
    /// One agency's part of the task force's figures: tips by the agency that logged them
    /// (so that no tip counts twice when the parts are added).
    pub(super) part: bool,
    /// What the report is narrowed to.
    pub(super) filter: &'a Filter,
}

impl Scope<'_> {
    /// Narrow `b` to the clients of the filter's county or tribal nation; `client` is the
    /// column holding the client's id.
    pub(super) fn clients_in_area(&self, b: &mut Base, client: &str) {
        if let Some(area) = &self.filter.area {
            b.cond = format!(
                "{} AND {client} IN (SELECT id FROM clients_shown WHERE agency_id = ? AND area = ?)",
                b.cond
            );
            b.values.extend([self.agency.clone(), Sql::Text(area.clone())]);
        }
    }
}

/// A bound value as a report's query holds it.
fn param(v: &Sql) -> Option<Param> {
    match v {
        Sql::Integer(i) => Some(Param::Int(*i)),
        Sql::Text(t) => Some(Param::Text(t.clone())),
        _ => None,
    }
}

fn bound(p: &Param) -> Sql {
    match p {
        Param::Int(i) => Sql::Integer(*i),
        Param::Text(t) => Sql::Text(t.clone()),
    }
}

/// Count report `kind` for `period` over what `user` sees (their agency; for tips, their
/// scope), narrowed by `filter` (refused when the filter does not apply to it). Who may see
/// reports at all is the service's question.
pub fn build_filtered(
    conn: &Connection,
    user: &User,
    kind: Kind,
    period: Period,
    filter: &Filter,
    lang: Lang,
) -> Result<Report> {
    build_scoped(conn, user, (user.agency_id, false), kind, period, filter, lang)
}

/// Agency `agency`'s part of the task force's report (for adding up, never shown alone).
pub fn build_part(
    conn: &Connection,
    user: &User,
    agency: crate::domain::ids::AgencyId,
    kind: Kind,
    period: Period,
    filter: &Filter,
    lang: Lang,
) -> Result<Report> {
    build_scoped(conn, user, (agency, true), kind, period, filter, lang)
}

fn build_scoped(
    conn: &Connection,
    user: &User,
    (agency, part): (crate::domain::ids::AgencyId, bool),
    kind: Kind,
    period: Period,
    filter: &Filter,
    lang: Lang,
) -> Result<Report> {
    filter.check(kind).map_err(Error::user)?;
    let (t0, t1) = period.instants();
    let scope = Scope {
        conn,
        user,
        period,
        lang,
        agency: Sql::Integer(agency.0),
        t0,
        t1,
        d0: period.from.to_string(),
        d1: period.to.to_string(),
        part,
        filter,
    };
    let mut sections = Vec::new();
    let monthly = match kind {
        Kind::Hotline => hotline::sections(&scope, &mut sections)?,
        Kind::Clients => clients::sections(&scope, &mut sections)?,
        Kind::Services => services::sections(&scope, &mut sections)?,
        Kind::Screenings => screenings::sections(&scope, &mut sections)?,
        Kind::Referrals => referrals::sections(&scope, &mut sections)?,
        Kind::Tips => tips::sections(&scope, &mut sections)?,
        Kind::Funds => funds::sections(&scope, &mut sections)?,
        Kind::Voca => voca::sections(&scope, &mut sections)?,
        Kind::Trafficking => trafficking::sections(&scope, &mut sections)?,
    };
    // Reports that open a figure to records: only ever the agency's own.
    for s in &mut sections {
        for f in &mut s.figures {
            if f.label.is_empty() {
                f.label = Msg::RepNotReported.text(lang).into();
            }
        }
    }
    Ok(Report { kind, period, sections, filter: filter.clone(), monthly })
}

/// One page of the records behind a figure: their ids, in record-number order.
pub fn drill_page(conn: &Connection, d: &Drill, offset: i64, limit: i64) -> Result<Vec<i64>> {
    drill_from(conn, d, &Start::Offset(offset), limit)
}

/// The page of the records behind a figure from `start`: after an offset, or after or before
/// a record number (found in the index, so the last page costs what the first costs).
pub fn drill_from(conn: &Connection, d: &Drill, start: &Start, limit: i64) -> Result<Vec<i64>> {
    let mut values: Vec<Sql> = d.values.iter().map(bound).collect();
    let sql = match start {
        Start::Offset(offset) => {
            values.extend([Sql::Integer(limit), Sql::Integer(*offset)]);
            format!("{} ORDER BY {col} LIMIT ? OFFSET ?", d.sql, col = d.id_col)
        }
        Start::AfterId(id) | Start::After(Key { id, .. }) => {
            values.extend([Sql::Integer(*id), Sql::Integer(limit)]);
            format!("{} AND {col} > ? ORDER BY {col} LIMIT ?", d.sql, col = d.id_col)
        }
        Start::Before(Key { id, .. }) => {
            values.extend([Sql::Integer(*id), Sql::Integer(limit)]);
            format!("{} AND {col} < ? ORDER BY {col} DESC LIMIT ?", d.sql, col = d.id_col)
        }
    };
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut ids: Vec<i64> = stmt
        .query_map(rusqlite::params_from_iter(values), |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if matches!(start, Start::Before(_)) {
        ids.reverse();
    }
    Ok(ids)
}

/// The rows a report counts: a table, its id column, and the conditions of scope and period.
pub(super) struct Base {
    pub(super) rec: Rec,
    pub(super) from: &'static str,
    pub(super) id: &'static str,
    pub(super) cond: String,
    pub(super) values: Vec<Sql>,
}

impl Base {
    pub(super) fn count(
        &self,
        conn: &Connection,
        extra: &str,
        extra_values: &[Sql],
    ) -> Result<i64> {
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

    pub(super) fn drill(&self, join: &str, extra: &str, extra_values: Vec<Sql>) -> Drill {
        let values: Vec<Sql> = self.values.iter().cloned().chain(extra_values).collect();
        Drill {
            rec: self.rec,
            sql: format!(
                "SELECT DISTINCT {id} AS id FROM {from}{join} WHERE {cond}{extra}",
                id = self.id,
                from = self.from,
                cond = self.cond
            ),
            id_col: self.id.to_string(),
            values: values.iter().filter_map(param).collect(),
        }
    }

    /// A single figure: the rows matching `extra`.
    pub(super) fn figure(
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
    pub(super) fn breakdown(
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
    pub(super) fn count_figure(
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
    pub(super) fn cube(
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
    pub(super) fn cube_with(
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
    pub(super) fn monthly(
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
pub(super) struct Dim<'a> {
    pub(super) key: &'static str,
    pub(super) title: Msg,
    pub(super) expr: &'a str,
    /// Values for the `?` in `expr`.
    pub(super) params: Vec<Sql>,
    pub(super) label: Box<dyn Fn(&str) -> String + 'a>,
}

pub(super) fn dim<'a>(
    key: &'static str,
    title: Msg,
    expr: &'a str,
    label: impl Fn(&str) -> String + 'a,
) -> Dim<'a> {
    Dim { key, title, expr, params: Vec::new(), label: Box::new(label) }
}

pub(super) struct Cube {
    pub(super) sections: Vec<Section>,
    pub(super) total: i64,
    pub(super) monthly: Vec<(String, i64)>,
    /// Each combination of the dimensions' values (and the month) with its count.
    pub(super) rows: Vec<(Vec<Option<String>>, i64)>,
}

pub(super) fn text(v: &str) -> Sql {
    Sql::Text(v.to_string())
}

pub(super) fn labelled(
    list: &'static [(&'static str, Msg)],
    lang: Lang,
) -> impl Fn(&str) -> String {
    move |id: &str| directory::label(list, id, lang)
}

pub(super) fn section(key: &'static str, title: Msg, figures: Vec<Figure>) -> Section {
    Section { key, title, figures }
}
