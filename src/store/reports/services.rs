//! Services given, by kind and by VOCA service family.

use super::{Base, Scope, dim, labelled, section, text};
use crate::domain::client;
use crate::domain::report::{Figure, Rec, Section, Value};
use crate::error::Result;
use crate::i18n::Msg;

/// The sections of the report, added to `sections`; the months' counts for the chart.
pub(super) fn sections(s: &Scope, sections: &mut Vec<Section>) -> Result<Vec<(String, i64)>> {
    let (conn, period, lang) = (s.conn, s.period, s.lang);
    let (agency, d0, d1) = (s.agency.clone(), s.d0.clone(), s.d1.clone());
    let monthly = {
        let mut b = Base {
            rec: Rec::Service,
            from: "services_shown v",
            id: "v.id",
            cond: "v.agency_id = ? AND v.delivered_on BETWEEN ? AND ?".into(),
            values: vec![agency, text(&d0), text(&d1)],
        };
        s.clients_in_area(&mut b, "v.client_id");
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
            .prepare_cached(&format!(
                "SELECT count(DISTINCT v.client_id) FROM services_shown v WHERE {}",
                b.cond
            ))?
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
            from: "services_shown v",
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
    };
    Ok(monthly)
}
