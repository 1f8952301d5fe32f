//! The report rollups, held against a recount from the rows. Triggers keep them (schema.sql,
//! migration 18); this is how `intake check` and the tests know the triggers are right.

use std::collections::BTreeMap;

use rusqlite::{Connection, params};

use crate::error::Result;
use crate::store::functions;

/// Count an import's contacts after `after` (its batch just written) into its waiting
/// counts, `import_day_counts` and `import_day_callers`, by the same rule as the per-row
/// trigger and the view `contact_day_rows` (the tests hold the three together): one read of
/// the new rows, then one upsert per day and value, in key order.
pub fn tally(conn: &Connection, import: i64, after: i64) -> Result<()> {
    let mut counts: BTreeMap<Key, i64> = BTreeMap::new();
    let mut callers: BTreeMap<(i64, String, String), i64> = BTreeMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT agency_id, started_at, channel, direction, caller_type, language, outcomes,
                caller_hash, area, trafficking_type, minor, topics, reported_to
         FROM contacts WHERE import_id = ?1 AND id > ?2",
    )?;
    let mut rows = stmt.query(params![import, after])?;
    while let Some(r) = rows.next()? {
        if counts.len() + callers.len() >= FLUSH_AT {
            flush(conn, import, &mut counts, &mut callers)?;
        }
        let agency: i64 = r.get(0)?;
        let day = functions::local_day(&r.get::<_, String>(1)?);
        let text = |i: usize| -> rusqlite::Result<String> { r.get(i) };
        let (channel, direction) = (text(2)?, text(3)?);
        let mut add = |field: &'static str, value: String| {
            *counts.entry((agency, day.clone(), field, value)).or_default() += 1;
        };
        add("all", String::new());
        if direction == "incoming" {
            add("incoming", channel.clone());
        }
        add("channel", channel);
        add("direction", direction);
        add("caller_type", text(4)?);
        add("language", text(5)?);
        let outcomes: Vec<String> =
            serde_json::from_str(&r.get::<_, String>(6)?).unwrap_or_default();
        for o in outcomes {
            add("outcome", o);
        }
        add("area", text(8)?);
        add("trafficking_type", text(9)?);
        add("minor", text(10)?);
        for (field, i) in [("topic", 11), ("reported_to", 12)] {
            let values: Vec<String> =
                serde_json::from_str(&r.get::<_, String>(i)?).unwrap_or_default();
            for v in values {
                add(field, v);
            }
        }
        match r.get::<_, Option<String>>(7)? {
            Some(hash) => {
                let head = hash.get(..16).unwrap_or(&hash).to_string();
                *callers.entry((agency, day, head)).or_default() += 1;
            }
            None => add("anonymous", String::new()),
        }
    }
    flush(conn, import, &mut counts, &mut callers)
}

/// An import ends: its waiting counts go into the rollups (one upsert per day and value it
/// touched, however many rows it brought) and are forgotten.
pub fn merge(conn: &Connection, import: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO contact_day_counts (agency_id, day, field, value, n)
         SELECT agency_id, day, field, value, n FROM import_day_counts WHERE import_id = ?1
         ORDER BY agency_id, day, field, value
         ON CONFLICT (agency_id, day, field, value) DO UPDATE SET n = n + excluded.n",
        [import],
    )?;
    conn.execute(
        "INSERT INTO contact_day_callers (agency_id, day, caller, n)
         SELECT agency_id, day, caller, n FROM import_day_callers WHERE import_id = ?1
         ORDER BY agency_id, day, caller
         ON CONFLICT (agency_id, day, caller) DO UPDATE SET n = n + excluded.n",
        [import],
    )?;
    conn.execute("DELETE FROM import_day_counts WHERE import_id = ?1", [import])?;
    conn.execute("DELETE FROM import_day_callers WHERE import_id = ?1", [import])?;
    Ok(())
}

/// Counts held before they are written: an import's memory stays flat in its size.
const FLUSH_AT: usize = 20_000;

type Key = (i64, String, &'static str, String);

/// Add the counts held to the import's waiting counts (in key order) and forget them.
fn flush(
    conn: &Connection,
    import: i64,
    counts: &mut BTreeMap<Key, i64>,
    callers: &mut BTreeMap<(i64, String, String), i64>,
) -> Result<()> {
    let mut put = conn.prepare_cached(
        "INSERT INTO import_day_counts (import_id, agency_id, day, field, value, n)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (import_id, agency_id, day, field, value) DO UPDATE SET n = n + excluded.n",
    )?;
    for ((agency, day, field, value), n) in std::mem::take(counts) {
        put.execute(params![import, agency, day, field, value, n])?;
    }
    let mut put = conn.prepare_cached(
        "INSERT INTO import_day_callers (import_id, agency_id, day, caller, n)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (import_id, agency_id, day, caller) DO UPDATE SET n = n + excluded.n",
    )?;
    for ((agency, day, caller), n) in std::mem::take(callers) {
        put.execute(params![import, agency, day, caller, n])?;
    }
    Ok(())
}

/// The local days whose rollup rows differ from a recount of the contacts, in order: none
/// when the rollups are right; None when the database is older than the rollups. Reads every
/// contact, so it is for checks, not for reports.
pub fn differing_days(conn: &Connection) -> Result<Option<Vec<String>>> {
    let kept: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'view' AND name = 'contact_day_recount'",
        [],
        |r| r.get(0),
    )?;
    if kept == 0 {
        return Ok(None);
    }
    let mut stmt = conn.prepare(
        "SELECT DISTINCT day FROM (
             SELECT * FROM (SELECT agency_id, day, field, value, n FROM contact_day_recount
                            EXCEPT SELECT agency_id, day, field, value, n FROM contact_day_counts)
             UNION ALL
             SELECT * FROM (SELECT agency_id, day, field, value, n FROM contact_day_counts
                            EXCEPT SELECT agency_id, day, field, value, n FROM contact_day_recount)
             UNION ALL
             SELECT * FROM (SELECT agency_id, day, caller, '', n FROM contact_day_callers_recount
                            EXCEPT SELECT agency_id, day, caller, '', n FROM contact_day_callers)
             UNION ALL
             SELECT * FROM (SELECT agency_id, day, caller, '', n FROM contact_day_callers
                            EXCEPT SELECT agency_id, day, caller, '', n FROM contact_day_callers_recount)
         ) ORDER BY day",
    )?;
    let days = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(Some(days))
}
