//! Tips received, by source, category and status.

use rusqlite::types::Value as Sql;

use super::{Base, Scope, dim, labelled, section, text};
use crate::domain::report::{Figure, Rec, Section, Value};
use crate::domain::tip;
use crate::error::Result;
use crate::i18n::Msg;
use crate::store::tips::Scope as TipScope;

/// The sections of the report, added to `sections`; the months' counts for the chart.
pub(super) fn sections(s: &Scope, sections: &mut Vec<Section>) -> Result<Vec<(String, i64)>> {
    let (conn, user, period, lang) = (s.conn, s.user, s.period, s.lang);
    let (_agency, t0, t1, _d0, _d1) =
        (s.agency.clone(), s.t0.clone(), s.t1.clone(), s.d0.clone(), s.d1.clone());
    let monthly = {
        let (scope, mut values) = match TipScope::of(user) {
            _ if s.part => ("t.agency_id = ?".to_string(), vec![s.agency.clone()]),
            // Law enforcement works every tip, but reports for its own agency: the tips it
            // logged and those referred to it.
            TipScope::All => (
                "(t.agency_id = ? OR t.referred_to = ?)".to_string(),
                vec![Sql::Integer(user.agency_id.0), Sql::Integer(user.agency_id.0)],
            ),
            TipScope::ReferredTo(a) => ("t.referred_to = ?".to_string(), vec![Sql::Integer(a.0)]),
        };
        values.extend([text(&t0), text(&t1)]);
        let mut b = Base {
            rec: Rec::Tip,
            from: "tips_shown t",
            id: "t.id",
            cond: format!("{scope} AND t.received_at >= ? AND t.received_at < ?"),
            values,
        };
        // A tip's own county or tribal nation (it names no client).
        if let Some(area) = &s.filter.area {
            b.cond.push_str(" AND t.area = ?");
            b.values.push(text(area));
        }
        // NCMEC's incident types: each category as NCMEC counts it (domain::tip::ncmec_type).
        let ncmec_case = format!(
            "CASE t.category {} ELSE 'not_ncmec' END",
            "WHEN ? THEN ? ".repeat(tip::CATEGORIES.len())
        );
        let ncmec_params: Vec<Sql> = tip::CATEGORIES
            .iter()
            .flat_map(|(id, _)| [text(id), text(tip::ncmec_type(id).unwrap_or("not_ncmec"))])
            .collect();
        let category = labelled(tip::CATEGORIES, lang);
        let ncmec_label = move |id: &str| {
            if id == "not_ncmec" { Msg::RepNotNcmec.text(lang).to_string() } else { category(id) }
        };
        let dims = [
            dim("source", Msg::FieldSource, "t.source", labelled(tip::SOURCES, lang)),
            dim("category", Msg::FieldCategory, "t.category", labelled(tip::CATEGORIES, lang)),
            super::Dim {
                key: "ncmec",
                title: Msg::RepNcmecTypes,
                expr: &ncmec_case,
                params: ncmec_params,
                label: Box::new(ncmec_label),
            },
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
        // Annotations beside the category: a tip with several counts once under each.
        let annotations = b.breakdown(
            conn,
            ", json_each(t.annotations) j",
            "j.value",
            &labelled(tip::ANNOTATIONS, lang),
        )?;
        sections.push(section("annotations", Msg::RepAnnotations, annotations));
        cube.monthly
    };
    Ok(monthly)
}
