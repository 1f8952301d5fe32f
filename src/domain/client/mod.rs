//! A client: a person an agency serves. Pseudonymous by default (a chosen name or initials, an
//! age); legal name, phone and address are optional and shown only to roles that need them.

use crate::domain::ids::UserId;
use jiff::civil::Date;

use crate::domain::contact::LANGUAGES;
use crate::domain::fields::{ANSWER, FieldError, FieldSpec, Kind, Options};
use crate::domain::record::{Raw, RuntimeOptions, Values, parse_all};
use crate::domain::staff::Role;
use crate::i18n::Msg;

mod case;
pub mod disclosure;
pub mod release;

pub use case::{
    EventKind, NOTE_FIELDS, RELIEF_FIELDS, RELIEF_KINDS, ReliefStep, SERVICE_FIELDS, STATUS_FIELDS,
    ServiceEntry, StatusChange,
};

/// The age ranges asked when neither a birth date nor an age is given: the VOCA PMT's cut
/// points, so every range falls in one of its bands.
pub const AGE_RANGES: &[(&str, Msg)] = &[
    ("0_12", Msg::Age0To12),
    ("13_17", Msg::Age13To17),
    ("18_24", Msg::Age18To24),
    ("25_59", Msg::Age25To59),
    ("60_plus", Msg::Age60Plus),
    ("declined", Msg::OptDeclined),
    ("unknown", Msg::OptUnknown),
];

/// The ranges asked before: still shown on the records that have them, no longer offered.
pub const LEGACY_AGE_RANGES: &[(&str, Msg)] = &[
    ("under_12", Msg::AgeUnder12),
    ("12_17", Msg::Age12To17),
    ("25_34", Msg::Age25To34),
    ("35_49", Msg::Age35To49),
    ("50_plus", Msg::Age50Plus),
];

/// An age range's label, current or legacy.
pub fn age_range_label(id: &str, lang: crate::i18n::Lang) -> String {
    let list =
        if AGE_RANGES.iter().any(|(i, _)| *i == id) { AGE_RANGES } else { LEGACY_AGE_RANGES };
    crate::domain::directory::label(list, id, lang)
}

pub const GENDERS: &[(&str, Msg)] = &[
    ("woman", Msg::GenWoman),
    ("man", Msg::GenMan),
    ("transgender_woman", Msg::GenTransWoman),
    ("transgender_man", Msg::GenTransMan),
    ("nonbinary", Msg::GenNonbinary),
    ("other", Msg::LangOther),
    ("declined", Msg::OptDeclined),
    ("unknown", Msg::OptUnknown),
];

pub const RACES: &[(&str, Msg)] = &[
    ("american_indian", Msg::RaceAmericanIndian),
    ("asian", Msg::RaceAsian),
    ("black", Msg::RaceBlack),
    ("hispanic_latino", Msg::RaceHispanic),
    ("middle_eastern", Msg::RaceMiddleEastern),
    ("pacific_islander", Msg::RacePacific),
    ("white", Msg::RaceWhite),
    ("other", Msg::LangOther),
    ("declined", Msg::OptDeclined),
    ("unknown", Msg::OptUnknown),
];

pub const CITIZENSHIP: &[(&str, Msg)] = &[
    ("us_citizen", Msg::CitUs),
    ("lpr", Msg::CitLpr),
    ("foreign_national", Msg::CitForeign),
    ("declined", Msg::OptDeclined),
    ("unknown", Msg::OptUnknown),
];

pub const TRAFFICKING: &[(&str, Msg)] = &[
    ("sex", Msg::TtSex),
    ("labour", Msg::TtLabour),
    ("both", Msg::TtBoth),
    ("undetermined", Msg::TtUndetermined),
];

pub const REFERRAL_SOURCES: &[(&str, Msg)] = &[
    ("hotline", Msg::RefHotline),
    ("tip", Msg::RefTip),
    ("law_enforcement_federal", Msg::SrcLeFederal),
    ("law_enforcement_local", Msg::SrcLeLocal),
    ("law_enforcement", Msg::SrcLeUnknown),
    ("cyfd", Msg::RepCyfd),
    ("self", Msg::SrcSelf),
    ("other_agency", Msg::SrcOtherAgency),
    ("outreach", Msg::ChOutreach),
    ("declined", Msg::OptDeclined),
    ("unknown", Msg::OptUnknown),
];

/// What New Mexico law lists for trafficking victims (NMSA 30-52-2), plus legal help and
/// transport: the needs asked at intake.
pub const NEEDS: &[(&str, Msg)] = &[
    ("emergency_housing", Msg::SvcHousing),
    ("health_care", Msg::SvcHealth),
    ("mental_health", Msg::SvcMental),
    ("addiction_treatment", Msg::SvcAddiction),
    ("interpretation", Msg::SvcInterpretation),
    ("legal", Msg::TopicLegal),
    ("transport", Msg::TopicTransport),
    ("child_care", Msg::SvcChildCare),
    ("cash_food", Msg::SvcCashFood),
    ("job_training", Msg::SvcJobs),
    ("case_management", Msg::SvcCaseManagement),
    ("advocacy", Msg::SvcAdvocacy),
];

/// The services delivered: the needs above, then one for every VOCA PMT service item none of
/// them answers, in the PMT's order (data/voca-pmt.toml places each).
pub const SERVICES: &[(&str, Msg)] = &[
    ("emergency_housing", Msg::SvcHousing),
    ("health_care", Msg::SvcHealth),
    ("mental_health", Msg::SvcMental),
    ("addiction_treatment", Msg::SvcAddiction),
    ("interpretation", Msg::SvcInterpretation),
    ("legal", Msg::TopicLegal),
    ("transport", Msg::TopicTransport),
    ("child_care", Msg::SvcChildCare),
    ("cash_food", Msg::SvcCashFood),
    ("job_training", Msg::SvcJobs),
    ("case_management", Msg::SvcCaseManagement),
    ("advocacy", Msg::SvcAdvocacy),
    ("info_justice_process", Msg::PmtA1),
    ("info_victim_rights", Msg::PmtA2),
    ("referral_victim_programs", Msg::PmtA3),
    ("referral_other_services", Msg::PmtA4),
    ("forensic_exam_accompaniment", Msg::PmtB2),
    ("police_interview_accompaniment", Msg::SvcPoliceInterview),
    ("forensic_exam", Msg::PmtB5),
    ("immigration_help", Msg::SvcImmigrationHelp),
    ("employer_landlord_intervention", Msg::PmtB7),
    ("crisis_intervention", Msg::PmtC1),
    ("hotline_counseling", Msg::PmtC2),
    ("on_scene_response", Msg::PmtC3),
    ("support_group", Msg::PmtC5),
    ("other_therapy", Msg::PmtC6),
    ("transitional_housing", Msg::PmtD2),
    ("relocation", Msg::PmtD3),
    ("justice_notification", Msg::PmtE1),
    ("impact_statement", Msg::PmtE2),
    ("restitution", Msg::PmtE3),
    ("protection_order", Msg::PmtE4),
    ("family_law", Msg::PmtE5),
    ("other_justice_help", Msg::PmtE6),
    ("immigration_attorney", Msg::SvcImmigrationAttorney),
    ("prosecution_interview", Msg::PmtE8),
    ("police_interview_case", Msg::SvcPoliceInterviewCase),
    ("criminal_case_accompaniment", Msg::PmtE10),
];

/// The five VOCA victim-assistance service families.
pub const VOCA_FAMILIES: &[(&str, Msg)] = &[
    ("information_referral", Msg::VocaInformation),
    ("personal_advocacy", Msg::VocaAdvocacy),
    ("emotional_safety", Msg::VocaEmotional),
    ("shelter_housing", Msg::VocaShelter),
    ("justice_assistance", Msg::VocaJustice),
];

/// The VOCA service family a service counts under (data/voca-pmt.toml).
pub fn voca_family(service: &str) -> &'static str {
    crate::domain::voca::family_of(service)
}

pub const SAFETY: &[(&str, Msg)] = &[
    ("trafficker_contact", Msg::SafeTraffickerContact),
    ("threats", Msg::SafeThreats),
    ("no_safe_place", Msg::SafeNoPlace),
    ("documents_held", Msg::SafeDocuments),
    ("medical", Msg::SafeMedical),
    ("children_at_risk", Msg::SafeChildren),
];

/// Why a case closed (OVC's trafficking measures ask it coded).
pub const CLOSURE_REASONS: &[(&str, Msg)] = &[
    ("goals_met", Msg::CloGoalsMet),
    ("declined_services", Msg::CloDeclined),
    ("lost_contact", Msg::CloLostContact),
    ("moved_away", Msg::CloMoved),
    ("transferred", Msg::CloTransferred),
    ("returned_home_country", Msg::CloReturnedHome),
    ("deceased", Msg::CloDeceased),
    ("other", Msg::LangOther),
];

/// Where the person lives when the case closes.
pub const LIVING_SITUATIONS: &[(&str, Msg)] = &[
    ("own_housing", Msg::LivOwnHousing),
    ("family_friends", Msg::LivFamilyFriends),
    ("transitional_housing", Msg::LivTransitional),
    ("emergency_shelter", Msg::LivShelter),
    ("homeless", Msg::LivHomeless),
    ("detention", Msg::LivDetention),
    ("outside_us", Msg::LivOutsideUs),
    ("other", Msg::LangOther),
    ("unknown", Msg::OptUnknown),
];

pub const STATUSES: &[(&str, Msg)] =
    &[("open", Msg::StOpen), ("on_hold", Msg::StOnHold), ("closed", Msg::TipClosed)];

/// The fields only roles doing casework see: a legal name, a phone, an address.
pub const IDENTITY_KEYS: &[&str] = &["legal_name", "phone", "address"];

pub const FIELDS: &[FieldSpec] = &[
    FieldSpec::new("chosen_name", Msg::FieldChosenName, Kind::Line { max: 60 }).required(),
    FieldSpec::new("birth_date", Msg::FieldBirthDate, Kind::Date),
    FieldSpec::new("age", Msg::FieldAge, Kind::Whole { min: 0, max: 120 }),
    FieldSpec::new("age_range", Msg::FieldAgeRange, Kind::One(Options::Fixed(AGE_RANGES))),
    FieldSpec::new("legal_name", Msg::FieldLegalName, Kind::Line { max: 120 }),
    FieldSpec::new("phone", Msg::FieldPhone, Kind::Line { max: 32 }),
    FieldSpec::new("address", Msg::FieldAddress, Kind::Line { max: 200 }),
    FieldSpec::new("gender", Msg::FieldGender, Kind::One(Options::Fixed(GENDERS))).required(),
    FieldSpec::new("race", Msg::FieldRace, Kind::Many(Options::Fixed(RACES))),
    FieldSpec::new("citizenship", Msg::FieldCitizenship, Kind::One(Options::Fixed(CITIZENSHIP)))
        .required(),
    FieldSpec::new("disability", Msg::FieldDisability, Kind::One(Options::Fixed(ANSWER)))
        .required(),
    FieldSpec::new("language", Msg::FieldLanguage, Kind::One(Options::Fixed(LANGUAGES))).required(),
    FieldSpec::new("interpreter", Msg::FieldInterpreterNeed, Kind::One(Options::Fixed(ANSWER)))
        .required(),
    FieldSpec::new("area", Msg::FieldArea, Kind::One(Options::Areas)).required(),
    FieldSpec::new(
        "trafficking_type",
        Msg::FieldTraffickingType,
        Kind::One(Options::Fixed(TRAFFICKING)),
    )
    .required(),
    FieldSpec::new(
        "referral_source",
        Msg::FieldReferralSource,
        Kind::One(Options::Fixed(REFERRAL_SOURCES)),
    )
    .required(),
    FieldSpec::new("family_served", Msg::FieldFamilyServed, Kind::Whole { min: 0, max: 50 }),
    FieldSpec::new("danger", Msg::FieldDanger, Kind::One(Options::Fixed(ANSWER))).required(),
    FieldSpec::new("safety", Msg::FieldSafety, Kind::Many(Options::Fixed(SAFETY))),
    FieldSpec::new("needs", Msg::FieldNeeds, Kind::Many(Options::Fixed(NEEDS))),
    FieldSpec::new(
        "victimizations",
        Msg::FieldVictimizations,
        Kind::Many(Options::Fixed(crate::domain::voca::VICTIMIZATIONS_ASKED)),
    ),
    FieldSpec::new(
        "classifications",
        Msg::FieldClassifications,
        Kind::Many(Options::Fixed(crate::domain::voca::CLASSIFICATIONS)),
    ),
    FieldSpec::new("assigned_to", Msg::FieldAssignedTo, Kind::One(Options::Runtime)),
];

/// The fields a role's form shows.
pub fn fields_for(role: Role) -> Vec<FieldSpec> {
    FIELDS
        .iter()
        .filter(|f| role.sees_identity() || !IDENTITY_KEYS.contains(&f.key))
        .copied()
        .collect()
}

pub fn defaults() -> Raw {
    let mut raw = Raw::new();
    for (k, v) in [
        ("gender", "unknown"),
        ("citizenship", "unknown"),
        ("disability", "unknown"),
        ("language", "english"),
        ("interpreter", "no"),
        ("area", "unknown"),
        ("trafficking_type", "undetermined"),
        ("referral_source", "unknown"),
        ("danger", "unknown"),
    ] {
        raw.insert(k.into(), v.into());
    }
    raw
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Client {
    pub chosen_name: String,
    pub birth_date: Option<Date>,
    pub age: Option<i64>,
    pub age_range: Option<String>,
    pub legal_name: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub gender: String,
    pub race: Vec<String>,
    pub citizenship: String,
    pub disability: String,
    pub language: String,
    pub interpreter: String,
    pub area: String,
    pub trafficking_type: String,
    pub referral_source: String,
    /// Family members served alongside the person (OVC's trafficking measures).
    pub family_served: Option<i64>,
    pub danger: String,
    pub safety: Vec<String>,
    pub needs: Vec<String>,
    /// Other victimizations than trafficking, in the VOCA PMT's types (None: never asked, as
    /// on a record older than the question or an imported list without the column).
    pub victimizations: Option<Vec<String>>,
    /// The VOCA PMT's special classifications the person reported (None: never asked).
    pub classifications: Option<Vec<String>>,
    pub assigned_to: Option<UserId>,
}

impl Client {
    pub fn from_raw(
        raw: &Raw,
        runtime: &RuntimeOptions,
        today: Date,
    ) -> Result<Client, Vec<FieldError>> {
        let v = Values(parse_all(FIELDS, raw, runtime)?);
        let c = Client {
            chosen_name: v.one("chosen_name"),
            birth_date: v.date("birth_date"),
            age: v.number("age"),
            age_range: v.text("age_range"),
            legal_name: v.text("legal_name"),
            phone: v.text("phone"),
            address: v.text("address"),
            gender: v.one("gender"),
            race: v.many("race"),
            citizenship: v.one("citizenship"),
            disability: v.one("disability"),
            language: v.one("language"),
            interpreter: v.one("interpreter"),
            area: v.one("area"),
            trafficking_type: v.one("trafficking_type"),
            referral_source: v.one("referral_source"),
            family_served: v.number("family_served"),
            danger: v.one("danger"),
            safety: v.many("safety"),
            needs: v.many("needs"),
            victimizations: raw.contains_key("victimizations").then(|| v.many("victimizations")),
            classifications: raw.contains_key("classifications").then(|| v.many("classifications")),
            assigned_to: v.text("assigned_to").and_then(|s| s.parse().ok()).map(UserId),
        };
        let mut e = Vec::new();
        if c.birth_date.is_none() && c.age.is_none() && c.age_range.is_none() {
            e.push(FieldError::new("age_range", Msg::ErrAgeNeeded));
        }
        if c.birth_date.is_some_and(|d| d > today) {
            e.push(FieldError::new("birth_date", Msg::ErrBirthFuture));
        }
        if e.is_empty() { Ok(c) } else { Err(e) }
    }

    /// Age at a date: from the birth date when known, else the age given.
    pub fn age_on(&self, day: Date) -> Option<i64> {
        match self.birth_date {
            Some(b) => {
                let mut years = (day.year() - b.year()) as i64;
                if (day.month(), day.day()) < (b.month(), b.day()) {
                    years -= 1;
                }
                Some(years.max(0))
            }
            None => self.age,
        }
    }

    /// A minor at intake: under 18 by birth date or age, or an age range under 18.
    pub fn minor_on(&self, day: Date) -> Option<bool> {
        match (self.age_on(day), self.age_range.as_deref()) {
            (Some(a), _) => Some(a < 18),
            (None, Some("0_12" | "13_17" | "under_12" | "12_17")) => Some(true),
            (None, Some("declined" | "unknown")) | (None, None) => None,
            (None, Some(_)) => Some(false),
        }
    }

    /// Someone said the person is in immediate danger: the record carries a visible flag.
    pub fn safety_flag(&self) -> bool {
        self.danger == "yes"
    }

    pub fn to_raw(&self) -> Raw {
        let mut r = Raw::new();
        let mut put = |k: &str, v: String| {
            r.insert(k.to_string(), v);
        };
        put("chosen_name", self.chosen_name.clone());
        put("birth_date", self.birth_date.map(|d| d.to_string()).unwrap_or_default());
        put("age", self.age.map(|a| a.to_string()).unwrap_or_default());
        put("age_range", self.age_range.clone().unwrap_or_default());
        put("legal_name", self.legal_name.clone().unwrap_or_default());
        put("phone", self.phone.clone().unwrap_or_default());
        put("address", self.address.clone().unwrap_or_default());
        put("gender", self.gender.clone());
        put("race", self.race.join(";"));
        put("citizenship", self.citizenship.clone());
        put("disability", self.disability.clone());
        put("language", self.language.clone());
        put("interpreter", self.interpreter.clone());
        put("area", self.area.clone());
        put("trafficking_type", self.trafficking_type.clone());
        put("referral_source", self.referral_source.clone());
        put("family_served", self.family_served.map(|n| n.to_string()).unwrap_or_default());
        put("danger", self.danger.clone());
        put("safety", self.safety.join(";"));
        put("needs", self.needs.join(";"));
        if let Some(list) = &self.victimizations {
            put("victimizations", list.join(";"));
        }
        if let Some(list) = &self.classifications {
            put("classifications", list.join(";"));
        }
        put("assigned_to", self.assigned_to.map(|a| a.to_string()).unwrap_or_default());
        r
    }
}

/// Lower case, Spanish accents folded, spaces squeezed: how names are compared and searched.
pub fn name_key(name: &str) -> String {
    crate::domain::text::fold(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The initials of a name ("María G." and "M.G." both give "mg").
pub fn initials_key(name: &str) -> String {
    let folded = crate::domain::text::fold(name);
    let words: Vec<&str> =
        folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    if words.len() == 1 && words[0].chars().count() <= 3 {
        // Already initials, like "MG".
        return words[0].to_string();
    }
    words.iter().filter_map(|w| w.chars().next()).collect()
}

/// New or continuing in the federal fiscal year `ffy` (1 October of the year before to
/// 30 September): new in the year of intake, continuing in later years it is still served.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearStatus {
    New,
    Continuing,
}

pub fn federal_fiscal_year(day: Date) -> i16 {
    if day.month() >= 10 { day.year() + 1 } else { day.year() }
}

pub fn year_status(intake: Date, ffy: i16) -> Option<YearStatus> {
    let first = federal_fiscal_year(intake);
    match ffy.cmp(&first) {
        std::cmp::Ordering::Equal => Some(YearStatus::New),
        std::cmp::Ordering::Greater => Some(YearStatus::Continuing),
        std::cmp::Ordering::Less => None,
    }
}

/// What a hotline contact tells a new client's intake.
pub fn from_contact(c: &crate::domain::contact::Contact) -> Raw {
    let mut raw = defaults();
    raw.insert("language".into(), c.language.clone());
    raw.insert("interpreter".into(), c.interpreter.clone());
    raw.insert("area".into(), c.area.clone());
    raw.insert("referral_source".into(), "hotline".into());
    let tt = match c.trafficking_type.as_str() {
        t @ ("sex" | "labour" | "both") => t,
        _ => "undetermined",
    };
    raw.insert("trafficking_type".into(), tt.into());
    if c.minor == "yes" {
        raw.insert("age_range".into(), "13_17".into());
    }
    raw
}

#[cfg(test)]
mod tests;
