//! The hotline: contacts by channel, direction, caller, language, area, topic and outcome.

use super::{Base, Scope, dim, labelled, section, text};
use crate::domain::contact;
use crate::domain::report::{Figure, Rec, Section, Value};
use crate::error::Result;
use crate::i18n::Msg;

/// The sections of the report, added to `sections`; the months' counts for the chart.
pub(super) fn sections(s: &Scope, sections: &mut Vec<Section>) -> Result<Vec<(String, i64)>> {
    let (conn, period, lang) = (s.conn, s.period, s.lang);
    let (agency, t0, t1) = (s.agency.clone(), s.t0.clone(), s.t1.clone());
    let monthly = {
        let b = Base {
            rec: Rec::Contact,
            from: "contacts c",
            id: "c.id",
            cond: "c.agency_id = ? AND c.started_at >= ? AND c.started_at < ?".into(),
            values: vec![agency, text(&t0), text(&t1)],
        };
        let dims = [
            dim("channel", Msg::FieldChannel, "c.channel", labelled(contact::CHANNELS, lang)),
            dim(
                "direction",
                Msg::FieldDirection,
                "c.direction",
                labelled(contact::DIRECTIONS, lang),
            ),
            dim(
                "caller_type",
                Msg::FieldCallerType,
                "c.caller_type",
                labelled(contact::CALLER_TYPES, lang),
            ),
            dim(
                "language",
                Msg::FieldCallerLanguage,
                "c.language",
                labelled(contact::LANGUAGES, lang),
            ),
        ];
        // One pass over the report index: the dimensions, the outcomes (a list per contact)
        // and the distinct callers (their keyed hash is random, so 64 bits of it tell them
        // apart).
        let mut outcomes: Vec<(String, i64)> = Vec::new();
        let mut callers = std::collections::HashSet::new();
        let mut anonymous = 0i64;
        let cube = b.cube_with(
            conn,
            &dims,
            Some((&period, "c.started_at", true)),
            &["c.outcomes", "c.caller_hash"],
            &mut |r, at| {
                if let rusqlite::types::ValueRef::Text(t) = r.get_ref(at)? {
                    let list = std::str::from_utf8(t).unwrap_or("");
                    for o in list.trim_matches(['[', ']']).split(',') {
                        let o = o.trim().trim_matches('"');
                        if o.is_empty() {
                            continue;
                        }
                        match outcomes.iter_mut().find(|(k, _)| k == o) {
                            Some((_, n)) => *n += 1,
                            None => outcomes.push((o.to_string(), 1)),
                        }
                    }
                }
                match r.get_ref(at + 1)? {
                    rusqlite::types::ValueRef::Text(h) => {
                        let head = std::str::from_utf8(h.get(..16).unwrap_or(h)).unwrap_or("");
                        callers.insert(u64::from_str_radix(head, 16).unwrap_or_default());
                    }
                    _ => anonymous += 1,
                }
                Ok(())
            },
        )?;
        let unique = callers.len() as i64 + anonymous;
        let total = Figure {
            key: "contacts".into(),
            label: Msg::RepContacts.text(lang).into(),
            value: Value::Count(cube.total),
            n: cube.total,
            drill: Some(b.drill("", "", vec![])),
        };
        let unique = Figure {
            key: "unique_individuals".into(),
            label: Msg::RepUnique.text(lang).into(),
            value: Value::Count(unique),
            n: unique,
            drill: None,
        };
        // Incoming by channel, from the same pass.
        let incoming = |ch: &str, m: Msg| {
            let n: i64 = cube
                .rows
                .iter()
                .filter(|(k, _)| k[0].as_deref() == Some(ch) && k[1].as_deref() == Some("incoming"))
                .map(|(_, n)| n)
                .sum();
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
            total,
            unique,
            incoming("call", Msg::RepIncomingCalls),
            incoming("text", Msg::RepIncomingTexts),
            incoming("chat", Msg::RepIncomingChats),
        ];
        sections.push(section("totals", Msg::RepTotals, totals));
        let mut parts = cube.sections.into_iter();
        sections.extend(parts.by_ref().take(3));
        outcomes.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let label = labelled(contact::OUTCOMES, lang);
        let outcome_figures = outcomes
            .into_iter()
            .map(|(k, n)| {
                b.count_figure(", json_each(c.outcomes) j", "j.value", &[], Some(k), n, &label)
            })
            .collect();
        sections.push(section("outcome", Msg::FieldOutcomes, outcome_figures));
        sections.extend(parts);
        cube.monthly
    };
    Ok(monthly)
}
