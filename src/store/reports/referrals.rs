//! Referrals made, accepted, completed and declined, and the days to acceptance.

use super::{Base, Scope, labelled, section, text};
use crate::domain::directory;
use crate::domain::report::{Figure, Rec, Section, Value};
use crate::error::Result;
use crate::i18n::Msg;

/// The sections of the report, added to `sections`; the months' counts for the chart.
pub(super) fn sections(s: &Scope, sections: &mut Vec<Section>) -> Result<Vec<(String, i64)>> {
    let (conn, period, lang) = (s.conn, s.period, s.lang);
    let (agency, d0, d1) = (s.agency.clone(), s.d0.clone(), s.d1.clone());
    let monthly = {
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
        sections.push(section("totals", Msg::RepTotals, vec![made, acc, done, declined, median]));
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
    };
    Ok(monthly)
}
