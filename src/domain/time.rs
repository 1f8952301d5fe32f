//! Times are stored as UTC text and shown in America/Denver. The time-zone database is bundled
//! into the binary, so a machine without tzdata still shows Mountain time correctly.

use jiff::{Timestamp, tz::TimeZone};

/// The stored form: `YYYY-MM-DDTHH:MM:SSZ`, which sorts as text in time order.
pub fn to_db(ts: Timestamp) -> String {
    ts.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

pub fn from_db(s: &str) -> Option<Timestamp> {
    s.parse().ok()
}

pub fn denver() -> TimeZone {
    // The bundled database always has this zone; fall back to a fixed offset rather than panic.
    TimeZone::get("America/Denver").unwrap_or_else(|_| TimeZone::fixed(jiff::tz::offset(-7)))
}

/// A stored time as shown on screen: local date and time in America/Denver.
pub fn show(ts: Timestamp) -> String {
    ts.to_zoned_datetime(denver()).strftime("%Y-%m-%d %H:%M").to_string()
}

/// The stored instant of local (America/Denver) midnight starting day `d`.
pub fn day_start(d: jiff::civil::Date) -> String {
    let ts = denver()
        .to_ambiguous_timestamp(d.to_datetime(jiff::civil::Time::midnight()))
        .compatible()
        .unwrap_or_default();
    to_db(ts)
}

/// The local (America/Denver) day of a time.
pub fn local_day(now: Timestamp) -> jiff::civil::Date {
    now.to_zoned_datetime(denver()).date()
}

pub fn show_db(s: &str) -> String {
    from_db(s).map(show).unwrap_or_default()
}

/// A stored time as said in a sentence: the local time alone when it is today (America/Denver),
/// the date and time otherwise.
pub fn show_db_near(s: &str, now: Timestamp) -> String {
    match from_db(s) {
        Some(ts) if local_day(ts) == local_day(now) => {
            ts.to_zoned_datetime(denver()).strftime("%H:%M").to_string()
        }
        Some(ts) => show(ts),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_form_round_trips_and_shows_mountain_time() {
        let ts: Timestamp = "2026-07-01T05:30:00Z".parse().unwrap();
        assert_eq!(to_db(ts), "2026-07-01T05:30:00Z");
        assert_eq!(from_db(&to_db(ts)), Some(ts));
        // MDT is UTC-6 in July: still 30 June locally.
        assert_eq!(show(ts), "2026-06-30 23:30");
        // MST is UTC-7 in January.
        let winter: Timestamp = "2026-01-15T06:59:00Z".parse().unwrap();
        assert_eq!(show(winter), "2026-01-14 23:59");
    }

    #[test]
    fn a_time_today_is_said_without_its_date() {
        // 23:30 on 30 June in Denver; "now" is 23:59 that day, then the next morning.
        let now: Timestamp = "2026-07-01T05:59:00Z".parse().unwrap();
        assert_eq!(show_db_near("2026-07-01T05:30:00Z", now), "23:30");
        let next: Timestamp = "2026-07-01T14:00:00Z".parse().unwrap();
        assert_eq!(show_db_near("2026-07-01T05:30:00Z", next), "2026-06-30 23:30");
        assert_eq!(show_db_near("not a time", now), "");
    }
}
