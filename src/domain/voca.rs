//! The VOCA Victim Assistance Performance Measurement Tool (PMT): its lines in its own order,
//! and where each of intake's codes is counted, read from one data file
//! (data/voca-pmt.toml) that `intake report voca --explain` prints for a program manager.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::i18n::Msg;

/// The five service families, by the letter the PMT gives them, with intake's id for each.
pub const FAMILIES: &[(char, &str, Msg)] = &[
    ('A', "information_referral", Msg::VocaInformation),
    ('B', "personal_advocacy", Msg::VocaAdvocacy),
    ('C', "emotional_safety", Msg::VocaEmotional),
    ('D', "shelter_housing", Msg::VocaShelter),
    ('E', "justice_assistance", Msg::VocaJustice),
];

/// Every PMT service item, in the PMT's order (the first letter is its family).
pub const ITEMS: &[(&str, Msg)] = &[
    ("A1", Msg::PmtA1),
    ("A2", Msg::PmtA2),
    ("A3", Msg::PmtA3),
    ("A4", Msg::PmtA4),
    ("B1", Msg::PmtB1),
    ("B2", Msg::PmtB2),
    ("B3", Msg::PmtB3),
    ("B4", Msg::PmtB4),
    ("B5", Msg::PmtB5),
    ("B6", Msg::PmtB6),
    ("B7", Msg::PmtB7),
    ("B8", Msg::PmtB8),
    ("B9", Msg::PmtB9),
    ("B10", Msg::PmtB10),
    ("C1", Msg::PmtC1),
    ("C2", Msg::PmtC2),
    ("C3", Msg::PmtC3),
    ("C4", Msg::PmtC4),
    ("C5", Msg::PmtC5),
    ("C6", Msg::PmtC6),
    ("C7", Msg::PmtC7),
    ("D1", Msg::PmtD1),
    ("D2", Msg::PmtD2),
    ("D3", Msg::PmtD3),
    ("E1", Msg::PmtE1),
    ("E2", Msg::PmtE2),
    ("E3", Msg::PmtE3),
    ("E4", Msg::PmtE4),
    ("E5", Msg::PmtE5),
    ("E6", Msg::PmtE6),
    ("E7", Msg::PmtE7),
    ("E8", Msg::PmtE8),
    ("E9", Msg::PmtE9),
    ("E10", Msg::PmtE10),
    ("E11", Msg::PmtE11),
];

/// The PMT's victimization types, in its order. The client form asks all but the two
/// trafficking types, which come from the client's trafficking type.
pub const VICTIMIZATIONS: &[(&str, Msg)] = &[
    ("adult_physical_assault", Msg::VicAdultPhysical),
    ("adult_sexual_assault", Msg::VicAdultSexual),
    ("adult_abused_as_child", Msg::VicAbusedAsChild),
    ("arson", Msg::VicArson),
    ("bullying", Msg::VicBullying),
    ("burglary", Msg::VicBurglary),
    ("child_physical_abuse", Msg::VicChildPhysical),
    ("child_pornography", Msg::VicChildPornography),
    ("child_sexual_abuse", Msg::VicChildSexual),
    ("domestic_family_violence", Msg::VicDomestic),
    ("dui_dwi", Msg::VicDui),
    ("elder_abuse", Msg::VicElder),
    ("hate_crime", Msg::VicHate),
    ("trafficking_labor", Msg::VicTraffickingLabor),
    ("trafficking_sex", Msg::VicTraffickingSex),
    ("identity_theft_fraud", Msg::VicIdentityTheft),
    ("kidnapping_noncustodial", Msg::VicKidnapNoncustodial),
    ("kidnapping_custodial", Msg::VicKidnapCustodial),
    ("mass_violence", Msg::VicMassViolence),
    ("other_vehicular", Msg::VicVehicular),
    ("robbery", Msg::VicRobbery),
    ("stalking_harassment", Msg::VicStalking),
    ("homicide_survivor", Msg::VicHomicide),
    ("teen_dating", Msg::VicTeenDating),
    ("terrorism", Msg::VicTerrorism),
    ("other", Msg::LangOther),
];

/// The victimizations the client form asks: the PMT's, less the two trafficking types (the
/// client's trafficking type says those).
pub const VICTIMIZATIONS_ASKED: &[(&str, Msg)] = &[
    ("adult_physical_assault", Msg::VicAdultPhysical),
    ("adult_sexual_assault", Msg::VicAdultSexual),
    ("adult_abused_as_child", Msg::VicAbusedAsChild),
    ("arson", Msg::VicArson),
    ("bullying", Msg::VicBullying),
    ("burglary", Msg::VicBurglary),
    ("child_physical_abuse", Msg::VicChildPhysical),
    ("child_pornography", Msg::VicChildPornography),
    ("child_sexual_abuse", Msg::VicChildSexual),
    ("domestic_family_violence", Msg::VicDomestic),
    ("dui_dwi", Msg::VicDui),
    ("elder_abuse", Msg::VicElder),
    ("hate_crime", Msg::VicHate),
    ("identity_theft_fraud", Msg::VicIdentityTheft),
    ("kidnapping_noncustodial", Msg::VicKidnapNoncustodial),
    ("kidnapping_custodial", Msg::VicKidnapCustodial),
    ("mass_violence", Msg::VicMassViolence),
    ("other_vehicular", Msg::VicVehicular),
    ("robbery", Msg::VicRobbery),
    ("stalking_harassment", Msg::VicStalking),
    ("homicide_survivor", Msg::VicHomicide),
    ("teen_dating", Msg::VicTeenDating),
    ("terrorism", Msg::VicTerrorism),
    ("other", Msg::LangOther),
];

/// The special classifications the client form asks (disability and limited English come
/// from their own questions too: `[classification_yes]` in the data file).
pub const CLASSIFICATIONS: &[(&str, Msg)] = &[
    ("deaf_hard_of_hearing", Msg::ClsDeaf),
    ("homeless", Msg::ClsHomeless),
    ("immigrant_refugee_asylum", Msg::ClsImmigrant),
    ("lgbtq", Msg::ClsLgbtq),
    ("veteran", Msg::ClsVeteran),
    ("limited_english", Msg::ClsLimitedEnglish),
    ("other", Msg::LangOther),
    ("declined", Msg::OptDeclined),
    ("unknown", Msg::OptUnknown),
];

/// The PMT's special classification lines, in its order.
pub const CLASSIFICATION_LINES: &[(&str, Msg)] = &[
    ("deaf_hard_of_hearing", Msg::ClsDeaf),
    ("homeless", Msg::ClsHomeless),
    ("immigrant_refugee_asylum", Msg::ClsImmigrant),
    ("lgbtq", Msg::ClsLgbtq),
    ("veteran", Msg::ClsVeteran),
    ("disability", Msg::ClsDisability),
    ("limited_english", Msg::ClsLimitedEnglish),
    ("other", Msg::LangOther),
];

/// The PMT's race and ethnicity lines.
pub const RACE_LINES: &[(&str, Msg)] = &[
    ("american_indian", Msg::RaceAmericanIndian),
    ("asian", Msg::RaceAsian),
    ("black", Msg::RaceBlack),
    ("hispanic_latino", Msg::RaceHispanic),
    ("pacific_islander", Msg::RacePacific),
    ("white", Msg::RaceWhite),
    ("other", Msg::PmtOtherRace),
    ("multiple", Msg::PmtMultipleRaces),
    ("not_reported", Msg::RepNotReported),
    ("not_tracked", Msg::PmtNotTracked),
];

/// The PMT's gender identity lines.
pub const GENDER_LINES: &[(&str, Msg)] = &[
    ("male", Msg::PmtMale),
    ("female", Msg::PmtFemale),
    ("other", Msg::LangOther),
    ("not_reported", Msg::RepNotReported),
    ("not_tracked", Msg::PmtNotTracked),
];

/// The PMT's age bands (age on the day the person was first served in the fiscal year).
pub const AGE_LINES: &[(&str, Msg)] = &[
    ("0_12", Msg::Age0To12),
    ("13_17", Msg::Age13To17),
    ("18_24", Msg::Age18To24),
    ("25_59", Msg::Age25To59),
    ("60_plus", Msg::Age60Plus),
    ("not_reported", Msg::RepNotReported),
    ("not_tracked", Msg::PmtNotTracked),
];

/// The data file as read: each section, intake code to PMT line(s).
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    pub services: BTreeMap<String, String>,
    pub race: BTreeMap<String, String>,
    pub gender: BTreeMap<String, String>,
    pub age_range: BTreeMap<String, String>,
    pub trafficking_type: BTreeMap<String, Vec<String>>,
    pub classification_yes: BTreeMap<String, String>,
}

pub const FILE: &str = include_str!("../../data/voca-pmt.toml");

/// What is wrong with the mapping: the section, the code and the line it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub section: String,
    pub code: String,
    pub line: String,
}

/// One section to check: its name, intake's codes, the file's pairs, the PMT's lines.
type Check<'a> = (&'a str, Vec<&'a str>, Vec<(&'a String, Vec<&'a String>)>, Vec<String>);

/// Read and check a mapping: every code of intake's lists mapped, every line one of the PMT's.
pub fn parse(text: &str) -> Result<Mapping, Problem> {
    let m: Mapping = toml::from_str(text).map_err(|e| Problem {
        section: String::new(),
        code: String::new(),
        line: e.message().to_string(),
    })?;
    let ids = |l: &[(&str, Msg)]| l.iter().map(|(i, _)| i.to_string()).collect::<Vec<_>>();
    let codes = |l: &[(&'static str, Msg)]| l.iter().map(|(i, _)| *i).collect::<Vec<_>>();
    let checks: [Check; 6] = [
        (
            "services",
            codes(crate::domain::client::SERVICES),
            m.services.iter().map(|(k, v)| (k, vec![v])).collect(),
            ids(ITEMS),
        ),
        (
            "race",
            codes(crate::domain::client::RACES),
            m.race.iter().map(|(k, v)| (k, vec![v])).collect(),
            ids(RACE_LINES),
        ),
        (
            "gender",
            codes(crate::domain::client::GENDERS),
            m.gender.iter().map(|(k, v)| (k, vec![v])).collect(),
            ids(GENDER_LINES),
        ),
        (
            "age_range",
            codes(crate::domain::client::AGE_RANGES)
                .into_iter()
                .chain(codes(crate::domain::client::LEGACY_AGE_RANGES))
                .collect(),
            m.age_range.iter().map(|(k, v)| (k, vec![v])).collect(),
            ids(AGE_LINES),
        ),
        (
            "trafficking_type",
            codes(crate::domain::client::TRAFFICKING),
            m.trafficking_type.iter().map(|(k, v)| (k, v.iter().collect())).collect(),
            ids(VICTIMIZATIONS),
        ),
        (
            "classification_yes",
            vec!["disability", "interpreter"],
            m.classification_yes.iter().map(|(k, v)| (k, vec![v])).collect(),
            ids(CLASSIFICATION_LINES),
        ),
    ];
    for (section, codes, pairs, lines) in checks {
        let problem = |code: &str, line: &str| Problem {
            section: section.into(),
            code: code.into(),
            line: line.into(),
        };
        for code in &codes {
            if !pairs.iter().any(|(k, _)| k.as_str() == *code) {
                return Err(problem(code, ""));
            }
        }
        for (code, targets) in &pairs {
            if !codes.contains(&code.as_str()) {
                return Err(problem(code, ""));
            }
            if let Some(t) = targets.iter().find(|t| !lines.contains(t)) {
                return Err(problem(code, t));
            }
        }
    }
    Ok(m)
}

/// The shipped mapping (checked by the tests; a problem is reported, never a panic).
pub fn mapping() -> Result<&'static Mapping, Problem> {
    static M: OnceLock<Result<Mapping, Problem>> = OnceLock::new();
    M.get_or_init(|| parse(FILE)).as_ref().map_err(Clone::clone)
}

/// The PMT item a service is counted under.
pub fn item_of(service: &str) -> Option<&'static str> {
    let m = mapping().ok()?;
    let item = m.services.get(service)?;
    ITEMS.iter().map(|(i, _)| *i).find(|i| i == item)
}

/// The family (intake's id) a service counts under; information and referral when unmapped.
pub fn family_of(service: &str) -> &'static str {
    let letter = item_of(service).and_then(|i| i.chars().next()).unwrap_or('A');
    FAMILIES.iter().find(|(l, _, _)| *l == letter).map(|(_, id, _)| *id).unwrap_or(FAMILIES[0].1)
}

/// A section of the mapping as a JSON object (code to line), for binding into a query.
pub fn json_of(section: &BTreeMap<String, String>) -> String {
    serde_json::to_string(section).unwrap_or_else(|_| "{}".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_asks_every_victimization_but_the_two_trafficking_types_in_the_pmts_order() {
        // The list is written twice (a form's options are a constant slice); they must agree.
        let asked: Vec<_> =
            VICTIMIZATIONS.iter().filter(|(id, _)| !id.starts_with("trafficking_")).collect();
        assert_eq!(asked, VICTIMIZATIONS_ASKED.iter().collect::<Vec<_>>());
    }

    #[test]
    fn the_shipped_mapping_places_every_code_and_gives_every_item_a_home() {
        let m = parse(FILE).unwrap();
        for (item, _) in ITEMS {
            assert!(m.services.values().any(|v| v == item), "no service counts under {item}");
        }
        assert_eq!(family_of("cash_food"), "emotional_safety");
        assert_eq!(family_of("case_management"), "personal_advocacy");
        assert_eq!(family_of("legal"), "justice_assistance");
        assert_eq!(item_of("immigration_help"), Some("B6"));
    }

    #[test]
    fn a_mapping_missing_a_code_or_naming_a_line_the_pmt_lacks_is_refused() {
        let missing = FILE.replace("cash_food = \"C7\"\n", "");
        assert_eq!(parse(&missing).unwrap_err().code, "cash_food");
        let wrong = FILE.replace("cash_food = \"C7\"", "cash_food = \"C9\"");
        let p = parse(&wrong).unwrap_err();
        assert_eq!((p.section.as_str(), p.line.as_str()), ("services", "C9"));
        let unknown = FILE.replace("[race]\n", "[race]\nmartian = \"other\"\n");
        assert_eq!(parse(&unknown).unwrap_err().code, "martian");
    }
}
