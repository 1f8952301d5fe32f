//! The report rollups, held against a recount from the rows. Triggers keep them (schema.sql,
//! migration 18); this is how `intake check` and the tests know the triggers are right.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension};

use crate::error::Result;
use crate::store::functions;

/// A bulk write's hold on the per-row rollup trigger. `begin` drops the insert trigger inside
/// the write's transaction (remembering its text and the newest contact); `end` counts the
/// contacts added since into the rollups at once and creates the trigger again from that
/// text, before the transaction commits. Other consoles never see the trigger gone: they see
/// the transaction whole or not at all, and a write that fails rolls the drop back with the
/// rest. Edits and deletes keep their triggers throughout.
pub struct Bulk {
    trigger: Option<String>,
    after: i64,
}

impl Bulk {
    pub fn begin(conn: &Connection) -> Result<Bulk> {
        let after =
            conn.query_row("SELECT coalesce(max(id), 0) FROM contacts", [], |r| r.get(0))?;
        let trigger: Option<String> = conn
            .query_row(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'contacts_rollup_insert'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        if trigger.is_some() {
            conn.execute_batch("DROP TRIGGER contacts_rollup_insert")?;
        }
        Ok(Bulk { trigger, after })
    }

    pub fn end(self, conn: &Connection) -> Result<()> {
        if let Some(sql) = self.trigger {
            catch_up(conn, self.after)?;
            // The trigger's own text, as SQLite kept it from schema.sql or a migration.
            conn.execute_batch(&sql)?;
        }
        Ok(())
    }
}

/// Count the contacts after `after` into the rollups, as the per-row trigger would have done
/// for each of them (the same rule as the view `contact_day_rows`; the tests hold the two
/// together): one read of the new rows, then one upsert per day and value, in key order.
fn catch_up(conn: &Connection, after: i64) -> Result<()> {
    let mut counts: BTreeMap<Key, i64> = BTreeMap::new();
    let mut callers: BTreeMap<(i64, String, String), i64> = BTreeMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT agency_id, started_at, channel, direction, caller_type, language, outcomes,
                caller_hash, area, trafficking_type, minor, topics, reported_to
         FROM contacts WHERE id > ?1",
    )?;
    let mut rows = stmt.query([after])?;
    while let Some(r) = rows.next()? {
        if counts.len() + callers.len() >= FLUSH_AT {
            flush(conn, &mut counts, &mut callers)?;
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
    flush(conn, &mut counts, &mut callers)
}

/// Counts held before they are written: an import's memory stays flat in its size.
const FLUSH_AT: usize = 20_000;

type Key = (i64, String, &'static str, String);

/// Add the counts held to the rollups (in key order) and forget them.
fn flush(
    conn: &Connection,
    counts: &mut BTreeMap<Key, i64>,
    callers: &mut BTreeMap<(i64, String, String), i64>,
) -> Result<()> {
    let mut put = conn.prepare_cached(
        "INSERT INTO contact_day_counts (agency_id, day, field, value, n) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (agency_id, day, field, value) DO UPDATE SET n = n + excluded.n",
    )?;
    for ((agency, day, field, value), n) in std::mem::take(counts) {
        put.execute(rusqlite::params![agency, day, field, value, n])?;
    }
    let mut put = conn.prepare_cached(
        "INSERT INTO contact_day_callers (agency_id, day, caller, n) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (agency_id, day, caller) DO UPDATE SET n = n + excluded.n",
    )?;
    for ((agency, day, caller), n) in std::mem::take(callers) {
        put.execute(rusqlite::params![agency, day, caller, n])?;
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
