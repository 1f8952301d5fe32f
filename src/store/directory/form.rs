//! The service form: its fields, and a service to and from the form's text.

use crate::domain::directory::{
    CATEGORIES, LANGUAGES as DIR_LANGUAGES, POPULATIONS, format_schedule, parse_schedule,
};
use crate::domain::fields::{FieldError, FieldSpec, Kind, Options, YES_NO};
use crate::domain::record::{Raw, RuntimeOptions, Values, parse_all};
use crate::i18n::Msg;

use super::{Location, NewService};

/// The service form's fields (supervisors and administrators).
pub const SERVICE_FIELDS: &[FieldSpec] = &[
    FieldSpec::new("organization", Msg::FieldOrganization, Kind::One(Options::Runtime)),
    FieldSpec::new("new_organization", Msg::FieldNewOrganization, Kind::Line { max: 200 }),
    FieldSpec::new("confirmed", Msg::FieldConfirmed, Kind::One(Options::Fixed(YES_NO))).required(),
    FieldSpec::new("name", Msg::FieldServiceName, Kind::Line { max: 200 }).required(),
    FieldSpec::new("description", Msg::FieldDescription, Kind::Notes { max: 2000 }),
    FieldSpec::new("categories", Msg::FieldCategories, Kind::Many(Options::Fixed(CATEGORIES)))
        .required(),
    FieldSpec::new("phone", Msg::FieldPhone, Kind::Line { max: 40 }),
    FieldSpec::new("text_number", Msg::FieldTextNumber, Kind::Line { max: 40 }),
    FieldSpec::new("schedule", Msg::FieldSchedule, Kind::Line { max: 200 }),
    FieldSpec::new("open_24_7", Msg::FieldOpen247, Kind::One(Options::Fixed(YES_NO))).required(),
    FieldSpec::new("hours", Msg::FieldHours, Kind::Line { max: 200 }),
    FieldSpec::new("statewide", Msg::FieldStatewide, Kind::One(Options::Fixed(YES_NO))).required(),
    FieldSpec::new("areas", Msg::FieldAreas, Kind::Many(Options::Areas)),
    FieldSpec::new("populations", Msg::FieldPopulations, Kind::Many(Options::Fixed(POPULATIONS))),
    FieldSpec::new("languages", Msg::FieldLanguages, Kind::Many(Options::Fixed(DIR_LANGUAGES))),
    FieldSpec::new("eligibility", Msg::FieldEligibility, Kind::Line { max: 1000 }),
    FieldSpec::new("intake_steps", Msg::FieldIntakeSteps, Kind::Line { max: 1000 }),
    FieldSpec::new("city", Msg::FieldCity, Kind::Line { max: 80 }),
    FieldSpec::new("zip", Msg::FieldZip, Kind::Line { max: 10 }),
    FieldSpec::new("address", Msg::FieldStreet, Kind::Line { max: 200 }),
    FieldSpec::new("show_address", Msg::FieldShowAddress, Kind::One(Options::Fixed(YES_NO)))
        .required(),
    FieldSpec::new("last_verified", Msg::FieldLastVerified, Kind::Date),
];

/// What the service form gives: the service, a new organisation's name (instead of a chosen
/// one) and whether the organisation is confirmed.
pub struct ServiceInput {
    pub service: NewService,
    pub new_organization: Option<String>,
    pub confirmed: bool,
}

pub fn service_from_raw(
    raw: &Raw,
    runtime: &RuntimeOptions,
) -> std::result::Result<ServiceInput, Vec<FieldError>> {
    let v = Values(parse_all(SERVICE_FIELDS, raw, runtime)?);
    let mut errors = Vec::new();
    let new_organization = v.text("new_organization");
    let organization_id = v.text("organization").and_then(|o| o.parse::<i64>().ok());
    if new_organization.is_none() && organization_id.is_none() {
        errors.push(FieldError::new("organization", Msg::ErrOrganizationNeeded));
    }
    let schedule = match parse_schedule(&v.one("schedule")) {
        Ok(s) => s,
        Err(m) => {
            errors.push(FieldError::new("schedule", m));
            Vec::new()
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let yes = |k: &str| v.one(k) == "yes";
    let location = Location {
        city: v.text("city"),
        zip: v.text("zip"),
        address: v.text("address"),
        show_address: yes("show_address"),
        hsds_id: None,
        ..Default::default()
    };
    let has_location =
        location.city.is_some() || location.zip.is_some() || location.address.is_some();
    Ok(ServiceInput {
        service: NewService {
            organization_id: organization_id.unwrap_or_default(),
            name: v.one("name"),
            description: v.text("description").unwrap_or_default(),
            phone: v.text("phone"),
            text_number: v.text("text_number"),
            hours: v.text("hours"),
            open_24_7: yes("open_24_7"),
            statewide: yes("statewide"),
            eligibility: v.text("eligibility"),
            intake_steps: v.text("intake_steps"),
            last_verified: v.date("last_verified"),
            categories: v.many("categories"),
            populations: v.many("populations"),
            languages: v.many("languages"),
            areas: v.many("areas"),
            locations: if has_location { vec![location] } else { Vec::new() },
            schedule,
            ..Default::default()
        },
        new_organization,
        confirmed: yes("confirmed"),
    })
}

/// A stored service as the form's fields (the first location; others are kept on save).
pub fn service_to_raw(s: &NewService, confirmed: bool) -> Raw {
    let mut raw = Raw::new();
    let yn = |b: bool| if b { "yes" } else { "no" }.to_string();
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    raw.insert("organization".into(), s.organization_id.to_string());
    raw.insert("confirmed".into(), yn(confirmed));
    raw.insert("name".into(), s.name.clone());
    raw.insert("description".into(), s.description.clone());
    raw.insert("categories".into(), s.categories.join(";"));
    raw.insert("phone".into(), opt(&s.phone));
    raw.insert("text_number".into(), opt(&s.text_number));
    raw.insert("schedule".into(), format_schedule(&s.schedule, crate::i18n::Lang::En));
    raw.insert("open_24_7".into(), yn(s.open_24_7));
    raw.insert("hours".into(), opt(&s.hours));
    raw.insert("statewide".into(), yn(s.statewide));
    raw.insert("areas".into(), s.areas.join(";"));
    raw.insert("populations".into(), s.populations.join(";"));
    // Only the languages the form lists: an edit keeps the others (see save_service).
    let listed: Vec<&str> = s
        .languages
        .iter()
        .map(String::as_str)
        .filter(|l| crate::domain::directory::LANGUAGES.iter().any(|(id, _)| id == l))
        .collect();
    raw.insert("languages".into(), listed.join(";"));
    raw.insert("eligibility".into(), opt(&s.eligibility));
    raw.insert("intake_steps".into(), opt(&s.intake_steps));
    let first = s.locations.first().cloned().unwrap_or_default();
    raw.insert("city".into(), opt(&first.city));
    raw.insert("zip".into(), opt(&first.zip));
    raw.insert("address".into(), opt(&first.address));
    raw.insert("show_address".into(), yn(first.show_address));
    raw.insert("last_verified".into(), s.last_verified.map(|d| d.to_string()).unwrap_or_default());
    raw
}
