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

pub fn label(list: &[(&str, Msg)], id: &str, lang: crate::i18n::Lang) -> String {
    list.iter()
        .find(|(i, _)| *i == id)
        .map(|(_, m)| m.text(lang).to_string())
        .unwrap_or_else(|| id.to_string())
}
