//! OVC's performance measures for human-trafficking grantees: clients served (new and
//! continuing), adult or minor, type of trafficking, gender (transgender apart), U.S. citizen
//! or lawful permanent resident against foreign national, how they came (federal and local
//! law enforcement apart), family members served with them, services by type, and the cases
//! closed in the period by reason and by where the person lives then, and the steps of
//! immigration relief (Continued Presence, T visa, HHS letters) dated in the period; and the
//! training and outreach events held in it, with the people they reached, by audience.

use super::clients::{self, AGE_AT_INTAKE, AGES};
use super::{Base, Scope, dim, labelled, section, text};
use crate::domain::report::{Figure, Rec, Section, Value};
use crate::domain::{client, outreach};
use crate::error::Result;
use crate::i18n::Msg;

const CITIZEN_GROUPS: &[(&str, Msg)] = &[
    ("us_citizen_lpr", Msg::RepCitizenLpr),
    ("foreign_national", Msg::CitForeign),
    ("not_reported", Msg::RepNotReported),
];

/// The sections of the report, added to `sections`; new clients by month for the chart.
pub(super) fn sections(s: &Scope, sections: &mut Vec<Section>) -> Result<Vec<(String, i64)>> {
    let (conn, lang) = (s.conn, s.lang);
    let (agency, d0, d1) = (s.agency.clone(), s.d0.clone(), s.d1.clone());
    // Served: taken in or given a service in the period (as the people-served report).
    let served = clients::served(s);
    let citizen = "CASE WHEN k.citizenship IN ('us_citizen', 'lpr') THEN 'us_citizen_lpr'
                        WHEN k.citizenship = 'foreign_national' THEN 'foreign_national'
                        ELSE 'not_reported' END";
    let dims = [
        clients::new_or_continuing(s),
        dim("age", Msg::RepAgeAtIntake, AGE_AT_INTAKE, labelled(AGES, lang)),
        dim(
            "trafficking_type",
            Msg::FieldTraffickingType,
            "k.trafficking_type",
            labelled(client::TRAFFICKING, lang),
        ),
        dim("gender", Msg::FieldGender, "k.gender", labelled(client::GENDERS, lang)),
        dim("citizenship", Msg::RepCitizenGroup, citizen, labelled(CITIZEN_GROUPS, lang)),
        dim(
            "referral_source",
            Msg::FieldReferralSource,
            "k.referral_source",
            labelled(client::REFERRAL_SOURCES, lang),
        ),
    ];
    let mut family = 0i64;
    let cube = served.cube_with(
        conn,
        &dims,
        Some((&s.period, "k.intake_on", false)),
        &["k.family_served"],
        &mut |r, at| {
            family += r.get::<_, Option<i64>>(at)?.unwrap_or(0);
            Ok(())
        },
    )?;
    let mut totals = clients::served_totals(s, &served, &cube);
    // A sum of people, not of records: its records are the clients with any.
    totals.push(Figure {
        key: "family_served".into(),
        label: Msg::RepFamilyServed.text(lang).into(),
        value: Value::Count(family),
        n: family,
        drill: Some(served.drill("", " AND k.family_served > 0", vec![])),
    });
    sections.push(section("totals", Msg::RepTotals, totals));
    let monthly = clients::new_by_month(&cube, dims.len());
    sections.extend(cube.sections.into_iter().skip(1));
    // Services given in the period, by type.
    let mut given = Base {
        rec: Rec::Service,
        from: "services_shown v",
        id: "v.id",
        cond: "v.agency_id = ? AND v.delivered_on BETWEEN ? AND ?".into(),
        values: vec![agency.clone(), text(&d0), text(&d1)],
    };
    s.clients_in_area(&mut given, "v.client_id");
    let types = given.breakdown(conn, "", "v.service_type", &labelled(client::SERVICES, lang))?;
    sections.push(section("services", Msg::RepServicesByType, types));
    // Cases closed in the period: why, and where the person lives then (a closing recorded
    // before these were asked is "not reported").
    let mut closed = Base {
        rec: Rec::Client,
        from: "client_status s JOIN clients_shown k ON k.id = s.client_id",
        id: "s.client_id",
        cond: "k.agency_id = ? AND s.status = 'closed' AND s.on_date BETWEEN ? AND ?".into(),
        values: vec![agency.clone(), text(&d0), text(&d1)],
    };
    s.clients_in_area(&mut closed, "s.client_id");
    let not_reported = Msg::RepNotReported.text(lang).to_string();
    let reasons = labelled(client::CLOSURE_REASONS, lang);
    let living = labelled(client::LIVING_SITUATIONS, lang);
    let mut by_reason = closed.breakdown(conn, "", "s.closure_reason", &reasons)?;
    let mut by_living = closed.breakdown(conn, "", "s.living_situation", &living)?;
    for f in by_reason.iter_mut().chain(by_living.iter_mut()) {
        if f.label.is_empty() {
            f.label = not_reported.clone();
        }
    }
    sections.push(section("closure_reason", Msg::RepClosures, by_reason));
    sections.push(section("living_situation", Msg::RepLivingAtClosure, by_living));
    // Immigration relief steps dated in the period: the clients with each.
    let mut relief = Base {
        rec: Rec::Client,
        from: "client_relief r",
        id: "r.client_id",
        cond: "r.agency_id = ? AND r.on_date BETWEEN ? AND ?".into(),
        values: vec![agency, text(&d0), text(&d1)],
    };
    s.clients_in_area(&mut relief, "r.client_id");
    let kinds = labelled(client::RELIEF_KINDS, lang);
    let mut steps: Vec<Figure> = client::RELIEF_KINDS
        .iter()
        .map(|(id, _)| relief.count_figure("", "r.kind", &[], Some(id.to_string()), 0, &kinds))
        .collect();
    for f in relief.breakdown(conn, "", "r.kind", &kinds)? {
        if let Some(line) = steps.iter_mut().find(|x| x.key == f.key) {
            *line = f;
        }
    }
    sections.push(section("relief", Msg::RepRelief, steps));
    sections.extend(events(s)?);
    Ok(monthly)
}

/// The training and outreach events held in the period: how many, the people reached, and
/// those people by audience (every audience listed, zeros included). The figures count no
/// person served, so they carry no records and the shared view shows them whole.
fn events(s: &Scope) -> Result<Vec<Section>> {
    // Narrowed to a county or tribal nation, the events held there.
    let mut stmt = s.conn.prepare_cached(
        "SELECT kind, audience, count(*), sum(reached) FROM outreach_events
         WHERE agency_id = ?1 AND day BETWEEN ?2 AND ?3 AND (?4 IS NULL OR area = ?4)
         GROUP BY kind, audience",
    )?;
    let rows = stmt
        .query_map(rusqlite::params![s.agency, s.d0, s.d1, s.filter.area], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<Vec<(String, String, i64, i64)>>>()?;
    let figure = |key: &str, label: &str, n: i64| Figure {
        key: key.into(),
        label: label.into(),
        value: Value::Count(n),
        n: 0,
        drill: None,
    };
    let mut out = Vec::new();
    for (kind, title, by_audience) in [
        ("training", Msg::RepTrainingEvents, Msg::RepTrainedByAudience),
        ("outreach", Msg::RepOutreachEvents, Msg::RepReachedByAudience),
    ] {
        let of_kind = || rows.iter().filter(|r| r.0 == kind);
        out.push(section(
            kind,
            title,
            vec![
                figure("events", Msg::RepEventsHeld.text(s.lang), of_kind().map(|r| r.2).sum()),
                figure("reached", Msg::RepPeopleReached.text(s.lang), of_kind().map(|r| r.3).sum()),
            ],
        ));
        let audiences = outreach::AUDIENCES
            .iter()
            .map(|(id, m)| {
                let n = of_kind().filter(|r| r.1 == *id).map(|r| r.3).sum();
                figure(id, m.text(s.lang), n)
            })
            .collect();
        let key = if kind == "training" { "training_audience" } else { "outreach_audience" };
        out.push(section(key, by_audience, audiences));
    }
    Ok(out)
}
