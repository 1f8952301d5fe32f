//! People served: new and continuing, by age at intake, gender, race, citizenship and more.

use rusqlite::types::Value as Sql;

use super::{Base, Cube, Dim, Scope, dim, labelled, section, text};
use crate::domain::client;
use crate::domain::report::{Figure, Rec, Section, Value};
use crate::error::Result;
use crate::i18n::Msg;

/// Adult or minor at intake: by birth date, else age, else age range.
pub(super) const AGE_AT_INTAKE: &str = "CASE WHEN k.birth_date IS NOT NULL THEN
        CASE WHEN date(k.birth_date, '+18 years') > k.intake_on THEN 'minor' ELSE 'adult' END
     WHEN k.age IS NOT NULL THEN CASE WHEN k.age < 18 THEN 'minor' ELSE 'adult' END
     WHEN k.age_range IN ('0_12', '13_17', 'under_12', '12_17') THEN 'minor'
     WHEN k.age_range IS NULL OR k.age_range IN ('declined', 'unknown') THEN 'not_reported'
     ELSE 'adult' END";

/// The ages' labels.
pub(super) const AGES: &[(&str, Msg)] =
    &[("adult", Msg::RepAdult), ("minor", Msg::RepMinor), ("not_reported", Msg::RepNotReported)];

/// People served in the period: taken in, or given a service, within it (each found by its
/// index, then only those clients read), in the filter's county or tribal nation if it names one.
pub(super) fn served(s: &Scope) -> Base {
    let (agency, d0, d1) = (&s.agency, &s.d0, &s.d1);
    let mut b = Base {
        rec: Rec::Client,
        from: "clients_shown k",
        id: "k.id",
        cond: "k.id IN (SELECT id FROM clients_shown WHERE agency_id = ? AND intake_on BETWEEN ? AND ?
               UNION SELECT client_id FROM services_shown WHERE agency_id = ? AND delivered_on BETWEEN ? AND ?)"
            .into(),
        values: vec![agency.clone(), text(d0), text(d1), agency.clone(), text(d0), text(d1)],
    };
    s.clients_in_area(&mut b, "k.id");
    b
}

/// The first dimension of a count of people served: new (taken in within the period) or
/// continuing.
pub(super) fn new_or_continuing<'a>(s: &Scope) -> Dim<'a> {
    let when = "CASE WHEN k.intake_on >= ? THEN 'new' ELSE 'continuing' END";
    let mut d = dim("new", Msg::RepTotals, when, |x: &str| x.to_string());
    d.params.push(text(&s.d0));
    d
}

/// Served, new and continuing, each opening to its clients, from a cube of `served` whose
/// first dimension is `new_or_continuing`.
pub(super) fn served_totals(s: &Scope, b: &Base, cube: &Cube) -> Vec<Figure> {
    let count = |which: &str| -> i64 {
        cube.rows.iter().filter(|(k, _)| k[0].as_deref() == Some(which)).map(|(_, n)| n).sum()
    };
    let figure = |key: &str, m: Msg, n: i64, extra: &str, values: Vec<Sql>| Figure {
        key: key.into(),
        label: m.text(s.lang).into(),
        value: Value::Count(n),
        n,
        drill: Some(b.drill("", extra, values)),
    };
    let d0 = || vec![text(&s.d0)];
    vec![
        figure("served", Msg::RepServed, cube.total, "", vec![]),
        figure("new", Msg::RepNew, count("new"), " AND k.intake_on >= ?", d0()),
        figure("continuing", Msg::RepContinuing, count("continuing"), " AND k.intake_on < ?", d0()),
    ]
}

/// New clients by month, from that cube; `dims` is how many dimensions it was counted by (the
/// month comes after them).
pub(super) fn new_by_month(cube: &Cube, dims: usize) -> Vec<(String, i64)> {
    let of_month = |m: usize| -> i64 {
        let m = m.to_string();
        cube.rows
            .iter()
            .filter(|(k, _)| k[0].as_deref() == Some("new") && k[dims].as_deref() == Some(&m))
            .map(|(_, n)| n)
            .sum()
    };
    cube.monthly.iter().enumerate().map(|(m, (label, _))| (label.clone(), of_month(m))).collect()
}

/// The sections of the report, added to `sections`; the months' counts for the chart.
pub(super) fn sections(s: &Scope, sections: &mut Vec<Section>) -> Result<Vec<(String, i64)>> {
    let (conn, period, lang) = (s.conn, s.period, s.lang);
    let monthly = {
        let b = served(s);
        let age = AGE_AT_INTAKE;
        let ages = AGES;
        let areas = |a: &str| {
            crate::domain::fields::option_list(crate::domain::fields::Options::Areas, lang)
                .into_iter()
                .find(|(id, _)| id == a)
                .map(|(_, l)| l)
                .unwrap_or_else(|| a.to_string())
        };
        let dims = [
            new_or_continuing(s),
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
        // Race is a list per client: counted in the same pass (a client once per race).
        let mut races: Vec<(String, i64)> = Vec::new();
        let cube = b.cube_with(
            conn,
            &dims,
            Some((&period, "k.intake_on", false)),
            &["k.race"],
            &mut |r, at| {
                if let rusqlite::types::ValueRef::Text(t) = r.get_ref(at)? {
                    let list = std::str::from_utf8(t).unwrap_or("");
                    let mut seen: Vec<&str> = Vec::new();
                    for race in list.trim_matches(['[', ']']).split(',') {
                        let race = race.trim().trim_matches('"');
                        if race.is_empty() || seen.contains(&race) {
                            continue;
                        }
                        seen.push(race);
                        match races.iter_mut().find(|(k, _)| k == race) {
                            Some((_, n)) => *n += 1,
                            None => races.push((race.to_string(), 1)),
                        }
                    }
                }
                Ok(())
            },
        )?;
        sections.push(section("totals", Msg::RepTotals, served_totals(s, &b, &cube)));
        // The chart: intakes (new clients) by month.
        let monthly = new_by_month(&cube, dims.len());
        let mut parts = cube.sections.into_iter().skip(1);
        sections.extend(parts.by_ref().take(4));
        races.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let label = labelled(client::RACES, lang);
        let race_figures = races
            .into_iter()
            .map(|(k, n)| {
                b.count_figure(", json_each(k.race) j", "j.value", &[], Some(k), n, &label)
            })
            .collect();
        sections.push(section("race", Msg::FieldRace, race_figures));
        sections.extend(parts);
        monthly
    };
    Ok(monthly)
}
