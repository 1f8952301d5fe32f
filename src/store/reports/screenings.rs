//! Screenings done, by tool and by result.

use super::{Base, Scope, section, text};
use crate::domain::report::{Rec, Section};
use crate::domain::screening::Status;
use crate::error::Result;
use crate::i18n::Msg;

/// The sections of the report, added to `sections`; the months' counts for the chart.
pub(super) fn sections(s: &Scope, sections: &mut Vec<Section>) -> Result<Vec<(String, i64)>> {
    let (conn, period, lang) = (s.conn, s.period, s.lang);
    let (agency, t0, t1) = (s.agency.clone(), s.t0.clone(), s.t1.clone());
    let monthly = {
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
        sections.push(section("tool", Msg::RepByTool, b.breakdown(conn, "", "t.tool_id", &tool)?));
        let result = "CASE WHEN s.closed_at IS NULL THEN 'in_progress' ELSE s.result END";
        let status =
            |id: &str| Status::parse(id).map_or_else(|| id.into(), |s| s.label(lang).into());
        sections.push(section("result", Msg::RepByResult, b.breakdown(conn, "", result, &status)?));
        b.monthly(conn, &period, "s.started_at", true)?
    };
    Ok(monthly)
}
