//! What the resource directory's services are tagged with, and how each tag reads.

use crate::i18n::Msg;

/// Service categories: the services New Mexico law lists for trafficking victims (NMSA 30-52-2),
/// and hotline, shelter, legal, transport, telehealth and law enforcement.
pub const CATEGORIES: &[(&str, Msg)] = &[
    ("case_management", Msg::SvcCaseManagement),
    ("emergency_housing", Msg::SvcHousing),
    ("health_care", Msg::SvcHealth),
    ("mental_health", Msg::SvcMental),
    ("addiction_treatment", Msg::SvcAddiction),
    ("interpretation", Msg::SvcInterpretation),
    ("job_training", Msg::SvcJobs),
    ("child_care", Msg::SvcChildCare),
    ("advocacy", Msg::SvcAdvocacy),
    ("cash_food", Msg::SvcCashFood),
    ("legal", Msg::TopicLegal),
    ("transport", Msg::TopicTransport),
    ("hotline", Msg::CatHotline),
    ("shelter", Msg::TopicShelter),
    ("telehealth", Msg::CatTelehealth),
    ("law_enforcement", Msg::RepLawEnforcement),
];

pub const POPULATIONS: &[(&str, Msg)] = &[
    ("youth", Msg::PopYouth),
    ("adults", Msg::PopAdults),
    ("women", Msg::PopWomen),
    ("men", Msg::PopMen),
    ("lgbtq", Msg::PopLgbtq),
    ("native_american", Msg::PopNative),
    ("immigrants", Msg::PopImmigrants),
    ("families", Msg::PopFamilies),
];

/// Languages a service works in.
pub const LANGUAGES: &[(&str, Msg)] = &[
    ("english", Msg::LangEnglish),
    ("spanish", Msg::LangSpanish),
    ("navajo", Msg::LangNavajo),
    ("vietnamese", Msg::LangVietnamese),
    ("chinese", Msg::LangChinese),
    ("other", Msg::LangOther),
];

pub fn label(list: &[(&str, Msg)], id: &str, lang: crate::i18n::Lang) -> String {
    list.iter()
        .find(|(i, _)| *i == id)
        .map(|(_, m)| m.text(lang).to_string())
        .unwrap_or_else(|| id.to_string())
}

/// One span of opening hours in America/Denver local time: weekday 1 (Monday) to 7 (Sunday),
/// minutes from local midnight, `opens < closes <= 1440`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    pub weekday: u8,
    pub opens: u16,
    pub closes: u16,
}

/// Two-letter day names, English then Spanish, Monday first.
const DAYS_EN: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
const DAYS_ES: [&str; 7] = ["Lu", "Ma", "Mi", "Ju", "Vi", "Sá", "Do"];

fn day_of(s: &str) -> Option<u8> {
    let s = crate::domain::text::fold(s);
    let s = s.get(..2)?;
    let find = |names: &[&str; 7]| {
        names.iter().position(|n| crate::domain::text::fold(n) == s).map(|i| i as u8 + 1)
    };
    find(&DAYS_EN).or_else(|| find(&DAYS_ES))
}

fn minutes_of(s: &str) -> Option<u16> {
    let (h, m) = s.split_once(':')?;
    let (h, m): (u16, u16) = (h.trim().parse().ok()?, m.trim().parse().ok()?);
    (h <= 24 && m < 60 && h * 60 + m <= 1440).then_some(h * 60 + m)
}

/// Opening hours as typed: entries split by ';', each "days times", where days are day names
/// or ranges split by ',' (Mo-Fr, Sa or, in Spanish, Lu-Vi) and times are HH:MM-HH:MM spans
/// What the search index holds of a service besides its name, organisation and description:
/// its categories, populations and languages by id and by name in both languages, and the
/// places it serves (counties and tribal nations, "statewide" in both languages, the cities of
/// its locations). Returns (the labels, the places).
pub fn search_terms(
    categories: &[String],
    populations: &[String],
    languages: &[String],
    areas: &[String],
    statewide: bool,
    cities: &[String],
) -> (String, String) {
    use crate::i18n::Lang;
    let mut labels = Vec::new();
    for (list, ids) in [(CATEGORIES, categories), (POPULATIONS, populations)] {
        for id in ids {
            labels.push(id.replace('_', " "));
            labels.push(label(list, id, Lang::En));
            labels.push(label(list, id, Lang::Es));
        }
    }
    // Any language by its names in both languages ("french", "francés" find "fr").
    for id in languages {
        labels.push(id.replace('_', " "));
        labels.push(crate::domain::languages::name(id, Lang::En));
        labels.push(crate::domain::languages::name(id, Lang::Es));
    }
    let mut places: Vec<String> = areas.to_vec();
    if statewide {
        places.push(crate::i18n::Msg::Statewide.text(Lang::En).into());
        places.push(crate::i18n::Msg::Statewide.text(Lang::Es).into());
        places.push("New Mexico Nuevo México".into());
    }
    places.extend(cities.iter().cloned());
    (labels.join(" "), places.join(" "))
}

/// A filter's token in the search index: letters and digits only, so the tokenizer keeps it
/// whole ("fcategorylegal", "fareadonaanacounty").
pub fn filter_token(kind: &str, value: &str) -> String {
    let folded = crate::domain::text::fold(value);
    let value: String = folded.chars().filter(char::is_ascii_alphanumeric).collect();
    format!("f{kind}{value}")
}

/// The token of a service open the whole of `hour` (0-23) on `weekday` (1 Monday).
pub fn open_token(weekday: u8, hour: u16) -> String {
    format!("fopen{weekday}h{hour}")
}

/// The token of a service open for part of `hour` on `weekday` (it opens or closes within it):
/// whether it is open at a given minute is then checked against its hours.
pub fn part_token(weekday: u8, hour: u16) -> String {
    format!("fpart{weekday}h{hour}")
}

/// The token of a service that serves the whole state.
pub const STATEWIDE_TOKEN: &str = "fstatewide";
/// The token of a service open around the clock.
pub const OPEN_24_7_TOKEN: &str = "fopen247";

/// Every filter token of a service, for its entry in the search index.
pub fn filter_terms(
    tags: &[(&str, &[String])],
    statewide: bool,
    open_24_7: bool,
    schedule: &[Span],
) -> String {
    let mut terms: Vec<String> =
        tags.iter().flat_map(|(kind, vs)| vs.iter().map(move |v| filter_token(kind, v))).collect();
    if statewide {
        terms.push(STATEWIDE_TOKEN.into());
    }
    if open_24_7 {
        terms.push(OPEN_24_7_TOKEN.into());
    }
    // The minutes open in each hour of each day, as bits: all sixty is the whole hour.
    let mut open = [[0u64; 24]; 8];
    for s in schedule.iter().filter(|s| s.closes > s.opens && (1..=7).contains(&s.weekday)) {
        for m in s.opens..s.closes.min(24 * 60) {
            open[usize::from(s.weekday)][usize::from(m / 60)] |= 1 << (m % 60);
        }
    }
    let whole = (1u64 << 60) - 1;
    for (day, hours) in open.iter().enumerate().skip(1) {
        for (hour, &bits) in hours.iter().enumerate() {
            let (d, h) = (day as u8, hour as u16);
            match bits {
                0 => {}
                b if b == whole => terms.push(open_token(d, h)),
                _ => terms.push(part_token(d, h)),
            }
        }
    }
    terms.sort();
    terms.dedup();
    terms.join(" ")
}

/// The words a search also tries for a word typed (`data/search-words.toml`), by the word folded
/// (lower case, accents aside).
pub fn search_synonyms(word: &str) -> &'static [String] {
    static WORDS: std::sync::OnceLock<std::collections::HashMap<String, Vec<String>>> =
        std::sync::OnceLock::new();
    #[derive(serde::Deserialize)]
    struct File {
        words: std::collections::HashMap<String, Vec<String>>,
    }
    let words = WORDS.get_or_init(|| {
        // A file checked by a test: one that does not read leaves searches without synonyms.
        toml::from_str::<File>(SEARCH_WORDS).map(|f| f.words).unwrap_or_default()
    });
    words.get(word).map_or(&[], Vec::as_slice)
}

pub const SEARCH_WORDS: &str = include_str!("../../data/search-words.toml");

/// split by ','. A span past midnight continues on the next day. Empty text is no schedule.
pub fn parse_schedule(text: &str) -> Result<Vec<Span>, Msg> {
    let mut spans = Vec::new();
    for entry in text.split(';').map(str::trim).filter(|e| !e.is_empty()) {
        let (days_text, times_text) =
            entry.split_once(char::is_whitespace).ok_or(Msg::ErrScheduleFormat)?;
        let mut days = Vec::new();
        for part in days_text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (a, b) = part.split_once('-').unwrap_or((part, part));
            let (a, b) =
                (day_of(a).ok_or(Msg::ErrScheduleDay)?, day_of(b).ok_or(Msg::ErrScheduleDay)?);
            let mut d = a;
            loop {
                days.push(d);
                if d == b {
                    break;
                }
                d = d % 7 + 1;
            }
        }
        for span in times_text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (o, c) = span.split_once('-').ok_or(Msg::ErrScheduleFormat)?;
            let (o, c) = (
                minutes_of(o).ok_or(Msg::ErrScheduleTime)?,
                minutes_of(c).ok_or(Msg::ErrScheduleTime)?,
            );
            if o == c || o >= 1440 {
                return Err(Msg::ErrScheduleTime);
            }
            for &d in &days {
                if o < c {
                    spans.push(Span { weekday: d, opens: o, closes: c });
                } else {
                    spans.push(Span { weekday: d, opens: o, closes: 1440 });
                    if c > 0 {
                        spans.push(Span { weekday: d % 7 + 1, opens: 0, closes: c });
                    }
                }
            }
        }
    }
    spans.sort();
    spans.dedup_by(|b, a| a.weekday == b.weekday && a.opens == b.opens);
    Ok(spans)
}

fn hhmm(m: u16) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// The schedule in the form `parse_schedule` reads, days with the same hours run together:
/// "Mo-Fr 08:00-17:00; Sa 09:00-12:00" (day names in `lang`).
pub fn format_schedule(spans: &[Span], lang: crate::i18n::Lang) -> String {
    let names = match lang {
        crate::i18n::Lang::En => &DAYS_EN,
        crate::i18n::Lang::Es => &DAYS_ES,
    };
    // A span to midnight continued by one from midnight the next day reads as one night:
    // (weekday, opens, closes) with closes before opens.
    let mut shown: Vec<(u8, u16, u16)> = Vec::new();
    let mut taken = vec![false; spans.len()];
    for (i, a) in spans.iter().enumerate() {
        if a.closes != 1440 || a.opens == 0 {
            continue;
        }
        let next = a.weekday % 7 + 1;
        let follow = spans
            .iter()
            .enumerate()
            .position(|(j, b)| !taken[j] && b.weekday == next && b.opens == 0 && b.closes < 1440);
        if let Some(j) = follow {
            taken[i] = true;
            taken[j] = true;
            shown.push((a.weekday, a.opens, spans[j].closes));
        }
    }
    for (i, a) in spans.iter().enumerate() {
        if !taken[i] {
            shown.push((a.weekday, a.opens, a.closes));
        }
    }
    shown.sort();
    let times_of = |d: u8| -> String {
        shown
            .iter()
            .filter(|s| s.0 == d)
            .map(|s| format!("{}-{}", hhmm(s.1), hhmm(s.2)))
            .collect::<Vec<_>>()
            .join(",")
    };
    let mut out: Vec<String> = Vec::new();
    let mut d = 1;
    while d <= 7 {
        let t = times_of(d);
        let mut e = d;
        while e < 7 && !t.is_empty() && times_of(e + 1) == t {
            e += 1;
        }
        if !t.is_empty() {
            let days = if e == d {
                names[d as usize - 1].to_string()
            } else {
                format!("{}-{}", names[d as usize - 1], names[e as usize - 1])
            };
            out.push(format!("{days} {t}"));
        }
        d = e + 1;
    }
    out.join("; ")
}

/// The weekday (1 Monday … 7 Sunday) and minute of the day in America/Denver at `now`.
pub fn local_week_minute(now: jiff::Timestamp) -> (u8, u16) {
    let dt = now.to_zoned_datetime(crate::domain::time::denver()).datetime();
    (dt.weekday().to_monday_one_offset() as u8, dt.hour() as u16 * 60 + dt.minute() as u16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schedules_parse_in_english_and_spanish_and_wrap_past_midnight() {
        let s = parse_schedule("Mo-Fr 08:00-12:00, 13:00-17:00; Sa 09:00-12:00").unwrap();
        assert_eq!(s.len(), 11);
        assert_eq!(
            format_schedule(&s, crate::i18n::Lang::En),
            "Mo-Fr 08:00-12:00,13:00-17:00; Sa 09:00-12:00"
        );
        assert_eq!(
            format_schedule(&s, crate::i18n::Lang::Es),
            "Lu-Vi 08:00-12:00,13:00-17:00; Sá 09:00-12:00"
        );
        assert_eq!(
            parse_schedule("lu-vi 08:00-17:00").unwrap(),
            parse_schedule("Mo-Fr 08:00-17:00").unwrap()
        );
        let night = parse_schedule("Su 22:00-06:00").unwrap();
        assert_eq!(
            night,
            vec![
                Span { weekday: 1, opens: 0, closes: 360 },
                Span { weekday: 7, opens: 1320, closes: 1440 }
            ]
        );
        assert_eq!(format_schedule(&night, crate::i18n::Lang::En), "Su 22:00-06:00");
        let nights = parse_schedule("Mo-Fr 19:00-07:00").unwrap();
        assert_eq!(format_schedule(&nights, crate::i18n::Lang::En), "Mo-Fr 19:00-07:00");
        assert_eq!(
            parse_schedule(&format_schedule(&nights, crate::i18n::Lang::Es)).unwrap(),
            nights
        );
        let always = parse_schedule("Mo-Su 00:00-24:00").unwrap();
        assert_eq!(format_schedule(&always, crate::i18n::Lang::En), "Mo-Su 00:00-24:00");
        assert_eq!(parse_schedule("Fr-Mo 10:00-11:00").unwrap().len(), 4);
        assert_eq!(parse_schedule("").unwrap(), vec![]);
    }

    #[test]
    fn bad_schedules_say_what_is_wrong() {
        assert_eq!(parse_schedule("Xx 08:00-17:00"), Err(Msg::ErrScheduleDay));
        assert_eq!(parse_schedule("Mo 8-17"), Err(Msg::ErrScheduleTime));
        assert_eq!(parse_schedule("Mo 08:00"), Err(Msg::ErrScheduleFormat));
        assert_eq!(parse_schedule("Mo 25:00-26:00"), Err(Msg::ErrScheduleTime));
        assert_eq!(parse_schedule("Mo 08:00-08:00"), Err(Msg::ErrScheduleTime));
        assert_eq!(parse_schedule("Monday"), Err(Msg::ErrScheduleFormat));
    }

    #[test]
    fn the_local_week_minute_is_denver_time() {
        // 2026-11-28 is a Saturday; 20:00Z is 13:00 in Denver (MST).
        let t: jiff::Timestamp = "2026-11-28T20:00:00Z".parse().unwrap();
        assert_eq!(local_week_minute(t), (6, 13 * 60));
        let t: jiff::Timestamp = "2026-11-29T03:30:00Z".parse().unwrap();
        assert_eq!(local_week_minute(t), (6, 20 * 60 + 30));
    }
}
