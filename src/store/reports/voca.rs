//! The VOCA Victim Assistance PMT, in its own order: individuals served, anonymous contacts,
//! new individuals (once per federal fiscal year: their first intake or service in it), the
//! new individuals' race/ethnicity, gender identity and age, victimization types and special
//! classifications of everyone served, then each service family: the individuals who received
//! its services and the times each service item was given. Where each intake code is counted
//! comes from data/voca-pmt.toml (domain::voca).

use std::collections::HashMap;

use rusqlite::types::Value as Sql;

use super::{Base, Dim, Scope, section, text};
use crate::domain::report::{Figure, Period, Rec, Section, Value};
use crate::domain::voca::{self, Mapping};
use crate::error::{Error, Result};
use crate::i18n::Msg;

/// A person's activity in the fiscal year up to the period's end: their intake and services.
const ACTIVITY: &str = "SELECT id AS c, intake_on AS d FROM clients_shown
        WHERE agency_id = ? AND intake_on BETWEEN ? AND ?
     UNION ALL SELECT client_id, delivered_on FROM services_shown
        WHERE agency_id = ? AND delivered_on BETWEEN ? AND ?";

/// The other victimizations a client has, and those their trafficking type stands for (the
/// `?` is the data file's trafficking section).
const VICTIMIZATIONS: &str = "SELECT value FROM json_each(coalesce(k.victimizations, '[]'))
     UNION SELECT t.value FROM json_each(?) m, json_each(m.value) t WHERE m.key = k.trafficking_type";

/// The federal fiscal year a VOCA report's period lies in: its first day. A period that
/// crosses 1 October is refused.
pub fn fiscal_start(period: &Period) -> Result<jiff::civil::Date> {
    period.federal_year_start().ok_or_else(|| {
        Error::user_with(Msg::ErrVocaOneYear, &[&period.from.to_string(), &period.to.to_string()])
    })
}

pub fn mapping() -> Result<&'static Mapping> {
    voca::mapping()
        .map_err(|p| Error::user_with(Msg::ErrVocaMapping, &[&p.section, &p.code, &p.line]))
}

/// The sections of the report, added to `sections`; services given by month for the chart.
pub(super) fn sections(s: &Scope, sections: &mut Vec<Section>) -> Result<Vec<(String, i64)>> {
    let (conn, lang) = (s.conn, s.lang);
    let m = mapping()?;
    let fy0 = fiscal_start(&s.period)?.to_string();
    let (agency, d0, d1) = (s.agency.clone(), s.d0.clone(), s.d1.clone());
    let activity = vec![
        agency.clone(),
        text(&fy0),
        text(&d1),
        agency.clone(),
        text(&fy0),
        text(&d1),
        text(&d0),
    ];
    // Served: some intake or service within the period. New: none earlier in the fiscal year.
    let people = |having: &str| Base {
        rec: Rec::Client,
        from: "clients_shown k",
        id: "k.id",
        cond: format!("k.id IN (SELECT c FROM ({ACTIVITY}) GROUP BY c HAVING {having} >= ?)"),
        values: activity.clone(),
    };
    let (served, new) = (people("max(d)"), people("min(d)"));
    let anonymous = Base {
        rec: Rec::Contact,
        from: "contacts_shown c",
        id: "c.id",
        cond: "c.agency_id = ? AND c.started_at >= ? AND c.started_at < ?
               AND c.direction = 'incoming' AND c.client_id IS NULL
               AND c.caller_type IN ('possible_victim', 'anonymous')"
            .into(),
        values: vec![agency.clone(), text(&s.t0), text(&s.t1)],
    };
    let label = |msg: Msg| msg.text(lang).to_string();
    let mut totals = vec![
        served.figure(conn, "served", label(Msg::RepVocaServed), "", vec![])?,
        anonymous.figure(conn, "anonymous", label(Msg::RepVocaAnonymous), "", vec![])?,
    ];
    // The new individuals' demographics, in one pass. Age: on the day the person was first
    // served in the fiscal year (`f`), from the birth date, else from the age given at intake
    // and the years since, else the age range given.
    let years = |from: &str| {
        format!(
            "(CAST(substr(f, 1, 4) AS INTEGER) - CAST(substr({from}, 1, 4) AS INTEGER)
              - (substr(f, 6, 5) < substr({from}, 6, 5)))"
        )
    };
    let age = format!(
        "CASE WHEN k.birth_date IS NULL AND k.age IS NULL
              THEN coalesce((SELECT value FROM json_each(?) WHERE key = k.age_range), 'not_reported')
         ELSE (SELECT CASE WHEN a < 13 THEN '0_12' WHEN a < 18 THEN '13_17'
                           WHEN a < 25 THEN '18_24' WHEN a < 60 THEN '25_59' ELSE '60_plus' END
               FROM (SELECT CASE WHEN k.birth_date IS NOT NULL THEN {born}
                                 ELSE k.age + max(0, {since}) END AS a
                     FROM (SELECT min(d) AS f FROM (
                              SELECT intake_on AS d FROM clients_shown
                              WHERE id = k.id AND intake_on BETWEEN ? AND ?
                              UNION ALL SELECT delivered_on FROM services_shown
                              WHERE client_id = k.id AND delivered_on BETWEEN ? AND ?))))
         END",
        born = years("k.birth_date"),
        since = years("k.intake_on"),
    );
    let age_params =
        vec![text(&voca::json_of(&m.age_range)), text(&fy0), text(&d1), text(&fy0), text(&d1)];
    let race_of = "FROM json_each(k.race) r JOIN json_each(?) m ON m.key = r.value
                   WHERE m.value <> 'not_reported'";
    let race = format!(
        "CASE (SELECT count(DISTINCT m.value) {race_of})
              WHEN 0 THEN 'not_reported' WHEN 1 THEN (SELECT m.value {race_of}) ELSE 'multiple' END"
    );
    let race_map = text(&voca::json_of(&m.race));
    let gender = "coalesce((SELECT value FROM json_each(?) WHERE key = k.gender), 'not_reported')";
    let dims = [
        Dim {
            key: "race",
            title: Msg::PmtSecRace,
            expr: &race,
            params: vec![race_map.clone(), race_map],
            label: Box::new(|x: &str| x.to_string()),
        },
        Dim {
            key: "gender",
            title: Msg::PmtSecGender,
            expr: gender,
            params: vec![text(&voca::json_of(&m.gender))],
            label: Box::new(|x: &str| x.to_string()),
        },
        Dim {
            key: "age",
            title: Msg::PmtSecAge,
            expr: &age,
            params: age_params,
            label: Box::new(|x: &str| x.to_string()),
        },
    ];
    let cube = new.cube(conn, &dims, None)?;
    totals.push(Figure {
        key: "new".into(),
        label: label(Msg::RepVocaNew),
        value: Value::Count(cube.total),
        n: cube.total,
        drill: Some(new.drill("", "", vec![])),
    });
    sections.push(section("totals", Msg::RepTotals, totals));
    for ((d, counted), lines) in
        dims.iter().zip(&cube.sections).zip([voca::RACE_LINES, voca::GENDER_LINES, voca::AGE_LINES])
    {
        let figures = lines
            .iter()
            .map(|(line, msg)| {
                let n = counted.figures.iter().find(|f| f.key == *line).map_or(0, |f| f.n);
                let mut f =
                    new.count_figure("", d.expr, &d.params, Some(line.to_string()), n, &|_| {
                        msg.text(lang).to_string()
                    });
                f.label = msg.text(lang).into();
                f
            })
            .collect();
        sections.push(section(d.key, d.title, figures));
    }
    victimizations(s, &served, m, sections)?;
    classifications(s, &served, m, sections)?;
    services(s, m, sections)
}

/// Victimization types of everyone served, counted in one pass; each figure opens to its
/// people by the same rule in SQL.
fn victimizations(
    s: &Scope,
    served: &Base,
    m: &Mapping,
    sections: &mut Vec<Section>,
) -> Result<()> {
    let lang = s.lang;
    let tmap = serde_json::to_string(&m.trafficking_type).unwrap_or_else(|_| "{}".into());
    let mut counts: HashMap<String, i64> = HashMap::new();
    let (mut multiple, mut none) = (0, 0);
    served.cube_with(
        s.conn,
        &[],
        None,
        &["k.victimizations", "k.trafficking_type"],
        &mut |r, at| {
            let mut types: Vec<String> =
                crate::store::list_from_json(&r.get::<_, Option<String>>(at)?.unwrap_or_default());
            let tt: String = r.get(at + 1)?;
            types.extend(m.trafficking_type.get(&tt).cloned().unwrap_or_default());
            types.sort();
            types.dedup();
            match types.len() {
                0 => none += 1,
                1 => {}
                _ => multiple += 1,
            }
            for t in types {
                *counts.entry(t).or_default() += 1;
            }
            Ok(())
        },
    )?;
    let figure = |key: &str, label: String, n: i64, extra: String, values: Vec<Sql>| Figure {
        key: key.into(),
        label,
        value: Value::Count(n),
        n,
        drill: Some(served.drill("", &extra, values)),
    };
    let mut figures: Vec<Figure> = voca::VICTIMIZATIONS
        .iter()
        .map(|(id, msg)| {
            figure(
                id,
                msg.text(lang).into(),
                counts.get(*id).copied().unwrap_or(0),
                format!(" AND EXISTS (SELECT 1 FROM ({VICTIMIZATIONS}) WHERE value = ?)"),
                vec![text(&tmap), text(id)],
            )
        })
        .collect();
    figures.push(figure(
        "multiple",
        Msg::PmtMultipleVictimizations.text(lang).into(),
        multiple,
        format!(" AND (SELECT count(*) FROM ({VICTIMIZATIONS})) > 1"),
        vec![text(&tmap)],
    ));
    figures.push(figure(
        "none",
        Msg::PmtNoVictimization.text(lang).into(),
        none,
        format!(" AND NOT EXISTS ({VICTIMIZATIONS})"),
        vec![text(&tmap)],
    ));
    sections.push(section("victimization", Msg::PmtSecVictimization, figures));
    Ok(())
}

/// Special classifications of everyone served: what the person reported, and a "yes" to the
/// questions the data file names.
fn classifications(
    s: &Scope,
    served: &Base,
    m: &Mapping,
    sections: &mut Vec<Section>,
) -> Result<()> {
    let lang = s.lang;
    // The form's yes/no questions the data file may name, by their column.
    let column = |key: &str| match key {
        "disability" => Some("k.disability"),
        "interpreter" => Some("k.interpreter"),
        _ => None,
    };
    let yes: Vec<(&str, &str)> = m
        .classification_yes
        .iter()
        .filter_map(|(k, line)| Some((column(k)?, line.as_str())))
        .collect();
    let mut counts: HashMap<String, i64> = HashMap::new();
    let (mut not_reported, mut not_tracked) = (0, 0);
    served.cube_with(
        s.conn,
        &[],
        None,
        &["k.classifications", "k.disability", "k.interpreter"],
        &mut |r, at| {
            let stored: Option<String> = r.get(at)?;
            let mut lines = match &stored {
                Some(t) => crate::store::list_from_json(t),
                None => {
                    not_tracked += 1;
                    Vec::new()
                }
            };
            if lines.iter().any(|l| l == "declined" || l == "unknown") {
                not_reported += 1;
            }
            for (col, line) in &yes {
                let i = if *col == "k.disability" { 1 } else { 2 };
                if r.get::<_, String>(at + i)? == "yes" {
                    lines.push(line.to_string());
                }
            }
            lines.sort();
            lines.dedup();
            for l in lines {
                *counts.entry(l).or_default() += 1;
            }
            Ok(())
        },
    )?;
    let figure = |key: &str, label: String, n: i64, extra: String, values: Vec<Sql>| Figure {
        key: key.into(),
        label,
        value: Value::Count(n),
        n,
        drill: Some(served.drill("", &extra, values)),
    };
    let mut figures: Vec<Figure> = voca::CLASSIFICATION_LINES
        .iter()
        .map(|(id, msg)| {
            let also: String = yes
                .iter()
                .filter(|(_, line)| line == id)
                .map(|(col, _)| format!(" OR {col} = 'yes'"))
                .collect();
            figure(
                id,
                msg.text(lang).into(),
                counts.get(*id).copied().unwrap_or(0),
                format!(
                    " AND (EXISTS (SELECT 1 FROM json_each(coalesce(k.classifications, '[]'))
                         WHERE value = ?){also})"
                ),
                vec![text(id)],
            )
        })
        .collect();
    figures.push(figure(
        "not_reported",
        Msg::RepNotReported.text(lang).into(),
        not_reported,
        " AND EXISTS (SELECT 1 FROM json_each(coalesce(k.classifications, '[]'))
              WHERE value IN ('declined', 'unknown'))"
            .into(),
        vec![],
    ));
    figures.push(figure(
        "not_tracked",
        Msg::PmtNotTracked.text(lang).into(),
        not_tracked,
        " AND k.classifications IS NULL".into(),
        vec![],
    ));
    sections.push(section("classification", Msg::PmtSecClassification, figures));
    Ok(())
}

/// Each service family: the individuals who received its services, then the times each of
/// its items was given. The chart: services given by month.
fn services(s: &Scope, m: &Mapping, sections: &mut Vec<Section>) -> Result<Vec<(String, i64)>> {
    let lang = s.lang;
    let cond = "v.agency_id = ? AND v.delivered_on BETWEEN ? AND ?".to_string();
    let values = vec![s.agency.clone(), text(&s.d0), text(&s.d1)];
    let given = Base {
        rec: Rec::Service,
        from: "services_shown v",
        id: "v.id",
        cond: cond.clone(),
        values,
    };
    let people = Base {
        rec: Rec::Client,
        from: "services_shown v",
        id: "v.client_id",
        cond,
        values: given.values.clone(),
    };
    let item = "coalesce((SELECT value FROM json_each(?) WHERE key = v.service_type), '')";
    let smap = text(&voca::json_of(&m.services));
    let dims = [Dim {
        key: "item",
        title: Msg::FieldServicesGiven,
        expr: item,
        params: vec![smap.clone()],
        label: Box::new(|x: &str| x.to_string()),
    }];
    let cube = given.cube(s.conn, &dims, Some((&s.period, "v.delivered_on", false)))?;
    for (letter, _, title) in voca::FAMILIES {
        let prefix = letter.to_string();
        let key = match letter {
            'A' => "family_a",
            'B' => "family_b",
            'C' => "family_c",
            'D' => "family_d",
            _ => "family_e",
        };
        // An item's family is its letter: "B1" and "B10" are B's, never A's.
        let in_family = format!(" AND substr({item}, 1, 1) = ?");
        let mut figures = vec![people.figure(
            s.conn,
            "individuals",
            Msg::PmtFamilyIndividuals.text(lang).into(),
            &in_family,
            vec![smap.clone(), text(&prefix)],
        )?];
        for (id, msg) in voca::ITEMS.iter().filter(|(i, _)| i.starts_with(*letter)) {
            let n = cube.sections[0].figures.iter().find(|f| f.key == *id).map_or(0, |f| f.n);
            let mut f =
                given.count_figure("", item, &dims[0].params, Some(id.to_string()), n, &|x| {
                    x.to_string()
                });
            f.label = format!("{id} {}", msg.text(lang));
            figures.push(f);
        }
        sections.push(section(key, *title, figures));
    }
    Ok(cube.monthly)
}
