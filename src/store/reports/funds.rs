//! Money paid from funds, by category, source and fund, and the clients paid.

use rusqlite::types::Value as Sql;

use super::{Base, Scope, labelled, section, text};
use crate::domain::fund;
use crate::domain::report::{Figure, Rec, Section, Value};
use crate::error::Result;
use crate::i18n::Msg;

/// The sections of the report, added to `sections`; the months' counts for the chart.
pub(super) fn sections(s: &Scope, sections: &mut Vec<Section>) -> Result<Vec<(String, i64)>> {
    let (conn, period, lang) = (s.conn, s.period, s.lang);
    let (agency, _t0, _t1, d0, d1) =
        (s.agency.clone(), s.t0.clone(), s.t1.clone(), s.d0.clone(), s.d1.clone());
    let monthly = {
        let mut b = Base {
            rec: Rec::Payment,
            from: "payments_shown p JOIN funds f ON f.id = p.fund_id",
            id: "p.id",
            cond: "f.agency_id = ? AND p.status = 'approved' AND p.paid_on BETWEEN ? AND ?".into(),
            values: vec![agency, text(&d0), text(&d1)],
        };
        s.clients_in_area(&mut b, "p.client_id");
        if let Some(name) = &s.filter.fund {
            b.cond.push_str(" AND f.name = ?");
            b.values.push(text(name));
        }
        if let Some(group) = &s.filter.group {
            // A group that is not one matches no payment.
            let cats = fund::group_categories(group).unwrap_or(&[]);
            let marks = vec!["?"; cats.len()].join(", ");
            b.cond.push_str(&format!(" AND p.category IN ({marks})"));
            b.values.extend(cats.iter().map(|c| text(c)));
        }
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
        // A fund is named by its name (unique in the agency), never by its record id.
        let fund_name = |name: &str| name.to_string();
        sections.push(section("by_fund", Msg::RepPaidByFund, money("f.name", &fund_name)?));
        sections.push(section(
            "by_category",
            Msg::RepPaidByCategory,
            money("p.category", &labelled(fund::CATEGORIES, lang))?,
        ));
        let per_fund = paid_clients.breakdown(conn, "", "f.name", &fund_name)?;
        sections.push(section("clients_by_fund", Msg::RepClientsByFund, per_fund));
        let per_category =
            paid_clients.breakdown(conn, "", "p.category", &labelled(fund::CATEGORIES, lang))?;
        sections.push(section("clients_by_category", Msg::RepClientsByCategory, per_category));
        b.monthly(conn, &period, "p.paid_on", false)?
    };
    Ok(monthly)
}
