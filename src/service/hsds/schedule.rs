//! Times in HSDS schedules. The files give a time of day as `HH:MM` or `HH:MM:SS`, with `Z` or
//! an offset (`16:00Z`, `09:00-07:00`) or a `timezone` column (hours from UTC). The directory
//! keeps local New Mexico time (America/Denver), so a time with an offset is turned into the
//! local time it is on the day of the import; a time with neither is taken as local (what a
//! 211 export without zones means). What is written carries Denver's offset on the day of the
//! export, in the column and on each time.

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::{Offset, TimeZone};

use crate::domain::directory::Span;
use crate::domain::time::denver;

/// A time of day from a file: minutes after midnight and the offset it was given in, if any.
pub(super) fn parse(cell: &str, column_offset: Option<i32>) -> Option<(u16, Option<i32>)> {
    let s = cell.trim();
    let (clock, zone) = if let Some(c) = s.strip_suffix(['Z', 'z']) {
        (c, Some(0))
    } else if let Some(p) = s.rfind(['+', '-']).filter(|p| *p >= 5) {
        let (c, z) = s.split_at(p);
        let sign = if z.starts_with('-') { -1 } else { 1 };
        let z = z[1..].replace(':', "");
        if z.len() != 4 || !z.chars().all(|ch| ch.is_ascii_digit()) {
            return None;
        }
        let (h, m): (i32, i32) = (z[..2].parse().ok()?, z[2..].parse().ok()?);
        if h > 14 || m > 59 {
            return None;
        }
        (c, Some(sign * (h * 60 + m)))
    } else {
        (s, column_offset.map(|h| h * 60))
    };
    let mut parts = clock.split(':');
    let (h, m) = (parts.next()?, parts.next()?);
    if let Some(sec) = parts.next() {
        let whole = sec.split('.').next().unwrap_or("");
        if whole.len() != 2 || !whole.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    if parts.next().is_some() || h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some((h * 60 + m, zone))
}

/// A time given with an offset as the local time it is on `day`, and how many days that moves
/// it (-1, 0 or 1). Without an offset, the time is local already; so is one with Mountain
/// Standard or Daylight time's offset (-07:00, -06:00), which is how a New Mexico source
/// stamps its local hours whatever the season.
pub(super) fn local(minute: u16, offset_minutes: Option<i32>, day: Date) -> (u16, i8) {
    let Some(off) = offset_minutes.filter(|o| *o != -420 && *o != -360) else {
        return (minute, 0);
    };
    let given = DateTime::from_parts(day, Time::midnight())
        .checked_add(jiff::Span::new().minutes(i64::from(minute)))
        .unwrap_or_else(|_| DateTime::from_parts(day, Time::midnight()));
    let zone = TimeZone::fixed(Offset::from_seconds(off * 60).unwrap_or(Offset::UTC));
    let Ok(instant) = zone.to_ambiguous_timestamp(given).compatible() else { return (minute, 0) };
    let here = instant.to_zoned_datetime(denver()).datetime();
    let shift = (here.date() - day).get_days().clamp(-1, 1) as i8;
    (here.hour() as u16 * 60 + here.minute() as u16, shift)
}

/// Weekly spans for `days` (1 Monday) from `opens` to `closes`, local, each opening moved by
/// `shift` days; a span past midnight becomes two. None when it opens and closes at once.
pub(super) fn spans(days: &[u8], opens: (u16, i8), closes: u16) -> Option<Vec<Span>> {
    let (o, shift) = opens;
    // The end of the day is written 23:59 and read back as midnight.
    let c = if closes == 1439 { 1440 } else { closes };
    if c == o {
        return None;
    }
    let mut out = Vec::new();
    for &d in days {
        let day = ((d as i16 - 1 + shift as i16).rem_euclid(7) + 1) as u8;
        if c > o {
            out.push(Span { weekday: day, opens: o, closes: c });
        } else {
            out.push(Span { weekday: day, opens: o, closes: 1440 });
            if c > 0 {
                out.push(Span { weekday: day % 7 + 1, opens: 0, closes: c });
            }
        }
    }
    Some(out)
}

/// Denver's offset from UTC on `day`, in hours.
pub(super) fn offset_hours(day: Date) -> i32 {
    let noon = DateTime::from_parts(day, Time::constant(12, 0, 0, 0));
    let tz = denver();
    tz.to_ambiguous_timestamp(noon)
        .compatible()
        .map(|ts| tz.to_offset(ts).seconds() / 3600)
        .unwrap_or(-7)
}

/// A local time as written: `HH:MM:SS` with the offset (`09:00:00-07:00`). HSDS has no 24:00:
/// the end of the day is written 23:59.
pub(super) fn write(minute: u16, offset_hours: i32) -> String {
    let m = minute.min(1439);
    let sign = if offset_hours < 0 { '-' } else { '+' };
    format!("{:02}:{:02}:00{sign}{:02}:00", m / 60, m % 60, offset_hours.abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn times_with_and_without_offsets() {
        assert_eq!(parse("09:00", None), Some((540, None)));
        assert_eq!(parse("09:00:00", None), Some((540, None)));
        assert_eq!(parse("16:00Z", None), Some((960, Some(0))));
        assert_eq!(parse("09:00-07:00", None), Some((540, Some(-420))));
        assert_eq!(parse("09:00:00+0530", None), Some((540, Some(330))));
        assert_eq!(parse("09:00", Some(-6)), Some((540, Some(-360))));
        for bad in ["9:00", "24:00", "09:60", "09:00-7", "nine", "09:00:0"] {
            assert_eq!(parse(bad, None), None, "{bad}");
        }
        // 16:00 UTC is 09:00 in a Denver winter and 10:00 in its summer.
        assert_eq!(local(960, Some(0), day("2026-12-01")), (540, 0));
        assert_eq!(local(960, Some(0), day("2026-07-01")), (600, 0));
        // 02:00 UTC on Tuesday is Monday evening here.
        assert_eq!(local(120, Some(0), day("2026-12-01")), (19 * 60, -1));
        assert_eq!(local(540, None, day("2026-12-01")), (540, 0));
        // Mountain time's own offsets are New Mexico's hours in either season.
        assert_eq!(local(540, Some(-420), day("2026-07-01")), (540, 0));
        assert_eq!(local(540, Some(-360), day("2026-12-01")), (540, 0));
        // Pacific time is an hour behind.
        assert_eq!(local(540, Some(-480), day("2026-12-01")), (600, 0));
        assert_eq!(offset_hours(day("2026-12-01")), -7);
        assert_eq!(offset_hours(day("2026-07-01")), -6);
        assert_eq!(write(540, -7), "09:00:00-07:00");
        assert_eq!(write(1440, -6), "23:59:00-06:00");
    }

    #[test]
    fn a_night_becomes_two_spans_and_a_shift_moves_the_day() {
        let s = spans(&[7], (19 * 60, 0), 7 * 60).unwrap();
        assert_eq!(
            s,
            vec![
                Span { weekday: 7, opens: 1140, closes: 1440 },
                Span { weekday: 1, opens: 0, closes: 420 }
            ]
        );
        assert_eq!(
            spans(&[1], (1140, -1), 1439).unwrap(),
            vec![Span { weekday: 7, opens: 1140, closes: 1440 }]
        );
        assert_eq!(spans(&[1], (540, 0), 540), None);
    }
}
