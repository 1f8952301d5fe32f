use super::*;

#[test]
fn every_timeline_kind_reads_back_from_its_name() {
    let names: std::collections::HashSet<&str> = EventKind::ALL.iter().map(|k| k.id()).collect();
    assert_eq!(names.len(), EventKind::ALL.len(), "each kind its own name");
    for k in EventKind::ALL {
        assert_eq!(EventKind::parse(k.id()), Some(k));
    }
    assert_eq!(EventKind::parse("Note"), None);
}

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

#[test]
fn keys_ignore_accents_case_and_spacing() {
    assert_eq!(name_key("  María  José "), name_key("maria jose"));
    assert_eq!(initials_key("María G."), "mg");
    assert_eq!(initials_key("M.G."), "mg");
    assert_eq!(initials_key("MG"), "mg");
    assert_eq!(initials_key("Ñandú López"), "nl");
}

#[test]
fn ages_and_minors() {
    let c = Client { birth_date: Some(d("2008-12-01")), ..Default::default() };
    assert_eq!(c.age_on(d("2026-11-30")), Some(17));
    assert_eq!(c.minor_on(d("2026-11-30")), Some(true));
    assert_eq!(c.minor_on(d("2026-12-01")), Some(false));
    let r = Client { age_range: Some("12_17".into()), ..Default::default() };
    assert_eq!(r.minor_on(d("2026-01-01")), Some(true));
    let u = Client { age_range: Some("declined".into()), ..Default::default() };
    assert_eq!(u.minor_on(d("2026-01-01")), None);
}

#[test]
fn new_once_per_federal_fiscal_year() {
    assert_eq!(federal_fiscal_year(d("2025-09-30")), 2025);
    assert_eq!(federal_fiscal_year(d("2025-10-01")), 2026);
    assert_eq!(year_status(d("2025-10-01"), 2026), Some(YearStatus::New));
    assert_eq!(year_status(d("2025-09-30"), 2026), Some(YearStatus::Continuing));
    assert_eq!(year_status(d("2025-10-01"), 2025), None);
}

#[test]
fn an_age_is_needed_in_some_form() {
    let mut raw = defaults();
    raw.insert("chosen_name".into(), "MG".into());
    let e = Client::from_raw(&raw, &RuntimeOptions::new(), d("2026-11-28")).unwrap_err();
    assert_eq!(e[0].key, "age_range");
    raw.insert("age_range".into(), "declined".into());
    assert!(Client::from_raw(&raw, &RuntimeOptions::new(), d("2026-11-28")).is_ok());
    raw.insert("birth_date".into(), "2027-01-01".into());
    assert_eq!(
        Client::from_raw(&raw, &RuntimeOptions::new(), d("2026-11-28")).unwrap_err()[0].key,
        "birth_date"
    );
}
