//! The hotline: contacts by channel, direction, caller, language, outcome, county or tribal
//! nation, topic, trafficking type, minors and reports made, with the distinct callers.
//! Counted from the daily rollups (`contact_day_counts`, `contact_day_callers`) that
//! triggers keep with every write to contacts, so ten years read a few thousand days; each
//! figure still opens to its contacts through the same query over the rows.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use super::{Base, Scope, labelled, section, text};
use crate::domain::contact;
use crate::domain::report::{Figure, Rec, Section, Value};
use crate::error::Result;
use crate::i18n::Msg;

/// The fields of the rollup shown as sections, in the report's order, with the column each
/// one's records are found by.
const SECTIONS: [(&str, Msg, &str); 10] = [
    ("channel", Msg::FieldChannel, "c.channel"),
    ("direction", Msg::FieldDirection, "c.direction"),
    ("caller_type", Msg::FieldCallerType, "c.caller_type"),
    ("outcome", Msg::FieldOutcomes, "j.value"),
    ("language", Msg::FieldCallerLanguage, "c.language"),
    ("area", Msg::FieldArea, "c.area"),
    ("topic", Msg::FieldTopics, "j.value"),
    ("trafficking_type", Msg::FieldTraffickingType, "c.trafficking_type"),
    ("minor", Msg::FieldMinor, "c.minor"),
    ("reported_to", Msg::FieldReportedTo, "j.value"),
];

/// The JSON list a multi-valued field's records are found in, joined as `j`.
fn join_of(field: &str) -> &'static str {
    match field {
        "outcome" => ", json_each(c.outcomes) j",
        "topic" => ", json_each(c.topics) j",
        "reported_to" => ", json_each(c.reported_to) j",
        _ => "",
    }
}

/// The sections of the report, added to `sections`; the months' counts for the chart.
pub(super) fn sections(s: &Scope, sections: &mut Vec<Section>) -> Result<Vec<(String, i64)>> {
    let (conn, period, lang) = (s.conn, s.period, s.lang);
    let b = Base {
        rec: Rec::Contact,
        from: "contacts_shown c",
        id: "c.id",
        cond: "c.agency_id = ? AND c.started_at >= ? AND c.started_at < ?".into(),
        values: vec![s.agency.clone(), text(&s.t0), text(&s.t1)],
    };
    let months = period.months();
    let mut monthly = vec![0i64; months.len()];
    // Each month's last day as stored: a day's month is the first whose last day is not before it.
    let month_ends: Vec<String> = months.iter().map(|(_, _, end)| end.to_string()).collect();
    // (field, value) -> count over the period.
    let mut counts: HashMap<(String, String), i64> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT day, field, value, n FROM contact_day_counts
         WHERE agency_id = ? AND day BETWEEN ? AND ?",
    )?;
    let mut rows = stmt.query((&s.agency, &s.d0, &s.d1))?;
    while let Some(r) = rows.next()? {
        let (field, value, n): (String, String, i64) = (r.get(1)?, r.get(2)?, r.get(3)?);
        if field == "all" {
            let day = r.get_ref(0)?.as_str().unwrap_or("");
            let m = month_ends.partition_point(|end| end.as_str() < day);
            if let Some(c) = monthly.get_mut(m) {
                *c += n;
            }
        }
        *counts.entry((field, value)).or_default() += n;
    }
    let count = |field: &str, value: &str| {
        counts.get(&(field.to_string(), value.to_string())).copied().unwrap_or(0)
    };
    // Distinct callers: their keyed hash is random, so 64 bits of it tell them apart; each
    // contact without one is a caller of its own.
    let mut callers: HashSet<u64, BuildHasherDefault<Spread>> = HashSet::default();
    let mut stmt = conn.prepare_cached(
        "SELECT caller FROM contact_day_callers WHERE agency_id = ? AND day BETWEEN ? AND ?",
    )?;
    let mut rows = stmt.query((&s.agency, &s.d0, &s.d1))?;
    while let Some(r) = rows.next()? {
        let head = r.get_ref(0)?.as_str().unwrap_or("");
        callers.insert(u64::from_str_radix(head, 16).unwrap_or_default());
    }
    let total = count("all", "");
    let unique = callers.len() as i64 + count("anonymous", "");
    let incoming = |ch: &str, m: Msg| {
        let n = count("incoming", ch);
        Figure {
            key: format!("incoming_{ch}"),
            label: m.text(lang).into(),
            value: Value::Count(n),
            n,
            drill: Some(b.drill(
                "",
                " AND c.direction = 'incoming' AND c.channel = ?",
                vec![text(ch)],
            )),
        }
    };
    let totals = vec![
        Figure {
            key: "contacts".into(),
            label: Msg::RepContacts.text(lang).into(),
            value: Value::Count(total),
            n: total,
            drill: Some(b.drill("", "", vec![])),
        },
        Figure {
            key: "unique_individuals".into(),
            label: Msg::RepUnique.text(lang).into(),
            value: Value::Count(unique),
            n: unique,
            drill: None,
        },
        incoming("call", Msg::RepIncomingCalls),
        incoming("text", Msg::RepIncomingTexts),
        incoming("chat", Msg::RepIncomingChats),
    ];
    sections.push(section("totals", Msg::RepTotals, totals));
    for (field, title, column) in SECTIONS {
        let mut values: Vec<(&str, i64)> = counts
            .iter()
            .filter(|((f, _), n)| f == field && **n != 0)
            .map(|((_, v), n)| (v.as_str(), *n))
            .collect();
        values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let list = match field {
            "channel" => contact::CHANNELS,
            "direction" => contact::DIRECTIONS,
            "caller_type" => contact::CALLER_TYPES,
            "outcome" => contact::OUTCOMES,
            "topic" => contact::TOPICS,
            "trafficking_type" => contact::TRAFFICKING_TYPES,
            "minor" => crate::domain::fields::ANSWER,
            "reported_to" => contact::REPORTED_TO,
            _ => contact::LANGUAGES,
        };
        // Counties and tribal nations are their own names; the rest of the list is words.
        let areas = (field == "area").then(|| {
            crate::domain::fields::option_list(crate::domain::fields::Options::Areas, lang)
        });
        let fixed = labelled(list, lang);
        let label = |v: &str| match &areas {
            Some(all) => {
                all.iter().find(|(id, _)| id == v).map_or(v.to_string(), |(_, l)| l.clone())
            }
            None => fixed(v),
        };
        let join = join_of(field);
        let figures = values
            .into_iter()
            .map(|(v, n)| b.count_figure(join, column, &[], Some(v.to_string()), n, &label))
            .collect();
        sections.push(section(field, title, figures));
    }
    Ok(months.into_iter().zip(monthly).map(|((label, _, _), n)| (label, n)).collect())
}

/// A caller's key is already random (64 bits of a keyed hash), so it is its own hash: no need
/// to mix it again for each of hundreds of thousands of calls.
#[derive(Default)]
struct Spread(u64);

impl Hasher for Spread {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}
