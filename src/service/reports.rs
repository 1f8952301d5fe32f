//! Reports for funders and partners: hotline volume, people served, services, screenings,
//! referrals, tips and money paid, for a state or federal fiscal year, a quarter of either, or
//! any range of days. Every figure is counted in SQL over the indexes (no record is loaded to
//! count it) and keeps the query that lists the records behind it. Days are America/Denver days.

use rusqlite::Connection;

pub use crate::domain::report::{
    Drill, Figure, Filter, Kind, Param, Period, Rec, Report, SMALL, Section, Value, show,
};
use crate::error::Result;
use crate::i18n::{Lang, Msg};
pub use crate::store::reports::{drill_from, drill_page};
use crate::store::users::User;

/// Build a report of `kind` for `period`, over what `user` may see (their agency; for tips,
/// their scope). Only those the role policy lets see reports may.
pub fn build(
    conn: &Connection,
    user: &User,
    kind: Kind,
    period: Period,
    lang: Lang,
) -> Result<Report> {
    build_filtered(conn, user, kind, period, &Filter::default(), lang)
}

/// `build`, narrowed by `filter` to a county or tribal nation, a fund or a group of payment
/// categories (refused, with a message, for a report the filter cannot narrow).
pub fn build_filtered(
    conn: &Connection,
    user: &User,
    kind: Kind,
    period: Period,
    filter: &Filter,
    lang: Lang,
) -> Result<Report> {
    if !user.role.sees_reports() {
        return Err(crate::Error::user(Msg::ErrReportsRole));
    }
    crate::store::reports::build_filtered(conn, user, kind, period, filter, lang)
}

/// The task force's figures, agency by agency (each agency's part, to be added up and shown
/// only in the shared view): administrators only.
pub fn task_force_parts(
    conn: &Connection,
    user: &User,
    kind: Kind,
    period: Period,
    filter: &Filter,
    lang: Lang,
) -> Result<Vec<(String, Report)>> {
    if user.role != crate::domain::staff::Role::Admin {
        return Err(crate::Error::user(Msg::ErrTaskForceRole));
    }
    let mut parts = Vec::new();
    let mut offset = 0;
    loop {
        let page = crate::store::users::agencies(conn, offset, 200)?;
        if page.is_empty() {
            break;
        }
        offset += page.len() as i64;
        for a in page {
            let r =
                crate::store::reports::build_part(conn, user, a.id, kind, period, filter, lang)?;
            parts.push((a.name, r));
        }
    }
    Ok(parts)
}
