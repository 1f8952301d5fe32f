//! SQL functions the schema calls, registered on every connection before anything else runs.
//!
//! `intake_local_day(at)`: the America/Denver date (`YYYY-MM-DD`) of a stored UTC instant
//! (`YYYY-MM-DDTHH:MM:SSZ`). The report rollups are kept by local day in triggers, so the
//! triggers and the recount that checks them need the same rule as the Rust code
//! (`domain::time::local_day`). Text that is not an instant gives its first ten characters,
//! so a damaged row is counted somewhere visible rather than stopping a write.

use std::cell::RefCell;

use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;

use crate::domain::time;

// A local day depends only on the UTC date and hour (America/Denver's offsets are whole
// hours), so the last hour looked up is kept: a backfill in time order converts once an hour.
thread_local! {
    static LAST: RefCell<Option<([u8; 13], String)>> = const { RefCell::new(None) };
}

/// The America/Denver date of stored instant `at`.
pub fn local_day(at: &str) -> String {
    let hour: Option<[u8; 13]> = at.as_bytes().get(..13).and_then(|h| h.try_into().ok());
    if let Some(h) = hour {
        let cached =
            LAST.with(|l| l.borrow().as_ref().and_then(|(k, d)| (*k == h).then(|| d.clone())));
        if let Some(d) = cached {
            return d;
        }
    }
    let day = match time::from_db(at) {
        Some(ts) => time::local_day(ts).to_string(),
        None => at.chars().take(10).collect(),
    };
    if let Some(h) = hour {
        LAST.with(|l| *l.borrow_mut() = Some((h, day.clone())));
    }
    day
}

pub fn register(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        "intake_local_day",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let at = ctx.get_raw(0);
            Ok(match at {
                rusqlite::types::ValueRef::Text(t) => {
                    Some(local_day(std::str::from_utf8(t).unwrap_or("")))
                }
                _ => None,
            })
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_days_follow_mountain_time_and_its_changes() {
        // Winter: UTC-7; summer: UTC-6.
        assert_eq!(local_day("2026-01-15T06:59:59Z"), "2026-01-14");
        assert_eq!(local_day("2026-01-15T07:00:00Z"), "2026-01-15");
        assert_eq!(local_day("2026-07-15T05:59:59Z"), "2026-07-14");
        assert_eq!(local_day("2026-07-15T06:00:00Z"), "2026-07-15");
        // The same hour twice in a row, then another: the kept hour is not reused wrongly.
        assert_eq!(local_day("2026-07-15T05:10:00Z"), "2026-07-14");
        assert_eq!(local_day("2026-01-15T05:10:00Z"), "2026-01-14");
        assert_eq!(local_day("not a time"), "not a time");
    }

    #[test]
    fn sql_sees_denvers_day_across_daylight_changes() {
        let conn = Connection::open_in_memory().unwrap();
        register(&conn).unwrap();
        let start: jiff::Timestamp = "2025-01-01T00:30:00Z".parse().unwrap();
        // Every 37 minutes for two years: both changes each year, every hour of the day.
        for i in 0..(2 * 365 * 24 * 60 / 37) {
            let t = start + jiff::SignedDuration::from_mins(i * 37);
            let stored = time::to_db(t);
            let got: String =
                conn.query_row("SELECT intake_local_day(?1)", [&stored], |r| r.get(0)).unwrap();
            assert_eq!(got, time::local_day(t).to_string(), "{stored}");
        }
    }

    #[test]
    fn sql_sees_the_same_day() {
        let conn = Connection::open_in_memory().unwrap();
        register(&conn).unwrap();
        let d: String = conn
            .query_row("SELECT intake_local_day('2026-03-08T08:30:00Z')", [], |r| r.get(0))
            .unwrap();
        assert_eq!(d, "2026-03-08");
        let none: Option<String> =
            conn.query_row("SELECT intake_local_day(NULL)", [], |r| r.get(0)).unwrap();
        assert_eq!(none, None);
    }
}
