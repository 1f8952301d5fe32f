//! Directory search: accents, prefixes, filters, ranking, and queries that must not break.

mod common;

use common::*;
use intake::store::Store;
use intake::store::directory::{self, Filter, Location, NewService, fts_query};
use jiff::Timestamp;
use jiff::civil::Date;

fn now() -> Timestamp {
    "2026-11-28T20:00:00Z".parse().unwrap()
}

fn today() -> Date {
    "2026-11-28".parse().unwrap()
}

fn service(org: i64, name: &str, description: &str, categories: &[&str]) -> NewService {
    NewService {
        organization_id: org,
        name: name.into(),
        description: description.into(),
        categories: categories.iter().map(|c| c.to_string()).collect(),
        last_verified: Some("2026-06-01".parse().unwrap()),
        ..Default::default()
    }
}

fn seeded() -> (TestDb, Store) {
    let (db, mut store) = with_admin();
    store
        .write(|tx| {
            let law = directory::add_organization(
                tx,
                "Centro de Ayuda Legal José Martí",
                "Immigration law",
                None,
                true,
                Some("2026-01-10".parse().unwrap()),
                now(),
            )?;
            let mut visas = service(
                law,
                "T and U visa help",
                "Free legal representation for trafficking survivors",
                &["legal"],
            );
            visas.languages = vec!["spanish".into(), "english".into()];
            visas.areas = vec!["Doña Ana County".into()];
            visas.schedule =
                intake::domain::directory::parse_schedule("Mo-Fr 08:00-17:00").unwrap();
            directory::add_service(tx, &visas, now())?;
            let shelter = directory::add_organization(
                tx,
                "Youth Haven",
                "Shelter for young people",
                None,
                false,
                None,
                now(),
            )?;
            let mut beds = service(
                shelter,
                "Emergency shelter",
                "Beds for youth 12-24, legal advocacy on site",
                &["shelter"],
            );
            beds.populations = vec!["youth".into()];
            beds.open_24_7 = true;
            beds.statewide = true;
            beds.last_verified = None;
            beds.locations = vec![Location {
                city: Some("Albuquerque".into()),
                zip: Some("87102".into()),
                address: Some("confidential".into()),
                show_address: false,
                hsds_id: None,
                ..Default::default()
            }];
            directory::add_service(tx, &beds, now())?;
            let old =
                directory::add_organization(tx, "Closed Clinic", "", None, true, None, now())?;
            let gone = directory::add_service(
                tx,
                &service(old, "Legal clinic (closed)", "legal", &["legal"]),
                now(),
            )?;
            directory::retire_service(tx, gone, now())?;
            Ok(())
        })
        .unwrap();
    (db, store)
}

fn names(store: &Store, text: &str, f: &Filter) -> Vec<String> {
    directory::search(store.conn(), text, f, today(), 0, 20)
        .unwrap()
        .into_iter()
        .map(|h| h.name)
        .collect()
}

#[test]
fn accents_prefixes_and_ranking() {
    let (_db, store) = seeded();
    let none = Filter::default();
    assert_eq!(
        names(&store, "jose", &none),
        vec!["T and U visa help"],
        "an accent-free word finds José"
    );
    assert_eq!(names(&store, "MARTÍ", &none), vec!["T and U visa help"]);
    assert_eq!(names(&store, "shel", &none), vec!["Emergency shelter"], "a prefix is enough");
    // "legal" is in the visa service's categories and description, only in the shelter's
    // description: the visa service ranks first. The retired clinic never shows.
    assert_eq!(names(&store, "legal", &none), vec!["T and U visa help", "Emergency shelter"]);
    assert_eq!(
        names(&store, "", &none),
        vec!["Emergency shelter", "T and U visa help"],
        "empty lists by name"
    );
}

#[test]
fn filters_narrow_the_results() {
    let (_db, store) = seeded();
    let f =
        |c: Option<&str>, a: Option<&str>, p: Option<&str>, l: Option<&str>, open: bool| Filter {
            category: c.map(Into::into),
            area: a.map(Into::into),
            population: p.map(Into::into),
            language: l.map(Into::into),
            open_24_7: open,
            open_now: None,
        };
    assert_eq!(
        names(&store, "", &f(Some("legal"), None, None, None, false)),
        vec!["T and U visa help"]
    );
    // A statewide service is in every area.
    assert_eq!(
        names(&store, "", &f(None, Some("Doña Ana County"), None, None, false)),
        vec!["Emergency shelter", "T and U visa help"]
    );
    assert_eq!(
        names(&store, "", &f(None, Some("Taos County"), None, None, false)),
        vec!["Emergency shelter"]
    );
    assert_eq!(
        names(&store, "", &f(None, None, Some("youth"), None, false)),
        vec!["Emergency shelter"]
    );
    assert_eq!(
        names(
            &store,
            "help",
            &f(Some("legal"), Some("Doña Ana County"), None, Some("spanish"), false)
        ),
        vec!["T and U visa help"]
    );
    assert_eq!(names(&store, "", &f(None, None, None, None, true)), vec!["Emergency shelter"]);
}

#[test]
fn open_now_follows_the_schedule_in_denver_time() {
    let (_db, store) = seeded();
    let at = |t: &str| Filter {
        open_now: Some(intake::domain::directory::local_week_minute(t.parse().unwrap())),
        ..Default::default()
    };
    // Saturday 13:00 in Denver: only the shelter (around the clock).
    assert_eq!(names(&store, "", &at("2026-11-28T20:00:00Z")), vec!["Emergency shelter"]);
    // Monday 10:00 (17:00Z) and 16:59 (23:59Z) the legal service is open; at 17:00 it has closed.
    assert_eq!(names(&store, "", &at("2026-11-30T17:00:00Z")).len(), 2);
    assert_eq!(names(&store, "", &at("2026-11-30T23:59:00Z")).len(), 2);
    assert_eq!(names(&store, "", &at("2026-12-01T00:00:00Z")), vec!["Emergency shelter"]);
    // With words too.
    assert_eq!(names(&store, "visa", &at("2026-11-28T20:00:00Z")), Vec::<String>::new());
}

#[test]
fn an_edit_replaces_tags_hours_and_search_entry_and_keeps_the_id() {
    let (_db, mut store) = seeded();
    let id = directory::search(store.conn(), "visa", &Filter::default(), today(), 0, 5).unwrap()[0]
        .service_id;
    let mut s = directory::service_for_edit(store.conn(), id).unwrap().unwrap();
    assert_eq!(s.areas, vec!["Doña Ana County"]);
    assert_eq!(s.schedule.len(), 5);
    s.name = "Visa clinic".into();
    s.categories = vec!["legal".into(), "advocacy".into()];
    s.schedule = vec![];
    store.write(|tx| directory::update_service(tx, id, &s, now())).unwrap();
    assert_eq!(names(&store, "visa", &Filter::default()), vec!["Visa clinic"]);
    assert!(names(&store, "T and U", &Filter::default()).is_empty(), "the old name left the index");
    let advocacy = Filter { category: Some("advocacy".into()), ..Default::default() };
    assert_eq!(names(&store, "", &advocacy), vec!["Visa clinic"]);
    let d = directory::detail(store.conn(), id, today()).unwrap().unwrap();
    assert!(d.schedule.is_empty());
    // Re-verifying makes a stale entry current.
    let later: Date = "2027-08-01".parse().unwrap();
    assert!(directory::detail(store.conn(), id, later).unwrap().unwrap().hit.stale);
    store.write(|tx| directory::verify_service(tx, id, later, now())).unwrap();
    assert!(!directory::detail(store.conn(), id, later).unwrap().unwrap().hit.stale);
}

#[test]
fn unverified_and_stale_entries_say_so() {
    let (_db, store) = seeded();
    let hits = directory::search(store.conn(), "", &Filter::default(), today(), 0, 20).unwrap();
    let shelter = hits.iter().find(|h| h.name == "Emergency shelter").unwrap();
    assert!(shelter.unverified && shelter.stale && shelter.statewide);
    let visas = hits.iter().find(|h| h.name == "T and U visa help").unwrap();
    assert!(!visas.unverified && !visas.stale);
    assert_eq!(visas.categories, vec!["legal"]);
    assert_eq!(visas.areas, vec!["Doña Ana County"]);
}

#[test]
fn any_text_is_a_safe_query() {
    let (_db, store) = seeded();
    for text in [
        "\"",
        "*",
        "(",
        ")",
        "NEAR(",
        "-",
        "^",
        "a OR",
        "\"unclosed",
        ":",
        "{x}",
        "AND",
        "'; DROP TABLE x;--",
    ] {
        directory::search(store.conn(), text, &Filter::default(), today(), 0, 20)
            .unwrap_or_else(|e| panic!("{text:?}: {e}"));
    }
    assert_eq!(fts_query("*** ((( )))"), None, "symbols alone search nothing");
    let huge = "visa ".repeat(5000);
    assert_eq!(fts_query(&huge).unwrap().matches('"').count(), 16, "at most eight terms");
    assert_eq!(names(&store, &huge, &Filter::default()), vec!["T and U visa help"]);
    assert_eq!(fts_query("Doña-Ana"), Some("\"dona\"* AND \"ana\"*".into()));
    // A word with words of its own on the list, after another word: still a query FTS5 takes
    // (an implicit AND before a parenthesis is a syntax error to it).
    for text in ["youth shelter", "legal tvisa", "dv refugio shelter"] {
        directory::search(store.conn(), text, &Filter::default(), today(), 0, 20)
            .unwrap_or_else(|e| panic!("{text:?}: {e}"));
    }
}

#[test]
fn the_seed_directory_loads_once_with_its_status_and_known_tags() {
    let (_db, mut store) = with_admin();
    let added = store.write(|tx| directory::seed_if_empty(tx, now())).unwrap();
    assert!(added >= 14, "{added}");
    assert_eq!(
        store.write(|tx| directory::seed_if_empty(tx, now())).unwrap(),
        0,
        "only into an empty directory"
    );
    let hits =
        directory::search(store.conn(), "national hotline", &Filter::default(), today(), 0, 20)
            .unwrap();
    assert_eq!(hits[0].phone.as_deref(), Some("1-888-373-7888"));
    assert!(!hits[0].unverified);
    let get_free =
        directory::search(store.conn(), "get free", &Filter::default(), today(), 0, 20).unwrap();
    assert!(get_free[0].unverified, "an unverified number says so");
    // Doña Ana County, legal help, Spanish: the immigrant law centre has no area, so not it;
    // what the seed offers there is found by category and area.
    let f = Filter { area: Some("Doña Ana County".into()), ..Default::default() };
    let there: Vec<String> = directory::search(store.conn(), "", &f, today(), 0, 50)
        .unwrap()
        .into_iter()
        .map(|h| h.name)
        .collect();
    assert!(there.contains(&"Sexual assault and child abuse services".to_string()), "{there:?}");
    // Every tag is one the directory knows; no street address was seeded.
    let mut stmt = store.conn().prepare("SELECT kind, value FROM dir_service_tags").unwrap();
    let tags: Vec<(String, String)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(|r| r.unwrap()).collect();
    let areas = intake::domain::areas::all();
    for (kind, value) in tags {
        let known = match kind.as_str() {
            "category" => directory::categories().contains(&value.as_str()),
            "population" => directory::populations().contains(&value.as_str()),
            "language" => intake::domain::contact::LANGUAGES.iter().any(|(id, _)| *id == value),
            _ => areas.contains(&value),
        };
        assert!(known, "{kind}={value}");
    }
    let addresses: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM dir_places WHERE address IS NOT NULL", [], |r| r.get(0))
        .unwrap();
    assert_eq!(addresses, 0);
}

/// The names found for `text` in the directory a new database starts with.
fn in_seed(store: &Store, text: &str) -> Vec<String> {
    names(store, text, &Filter::default())
}

#[test]
fn the_seed_directory_is_found_the_way_people_ask_in_both_languages() {
    let (_db, mut store) = with_admin();
    store.write(|tx| directory::seed_if_empty(tx, now())).unwrap();
    let legal = "T visas, U visas and VAWA self-petitions";
    let la_pinon = "Sexual assault and child abuse services";
    // Category and population names in both languages.
    assert!(in_seed(&store, "ayuda legal").contains(&legal.to_string()), "ayuda legal");
    assert!(in_seed(&store, "inmigrantes").contains(&legal.to_string()), "inmigrantes");
    assert!(!in_seed(&store, "vivienda").is_empty(), "vivienda finds emergency housing");
    assert!(!in_seed(&store, "refugio").is_empty(), "refugio finds the shelters");
    // Places: a county without its accent, a city of a location.
    assert!(in_seed(&store, "dona ana").contains(&la_pinon.to_string()), "dona ana");
    assert!(in_seed(&store, "sunland park").contains(&la_pinon.to_string()), "sunland park");
    assert!(in_seed(&store, "las cruces").contains(&la_pinon.to_string()), "las cruces");
    // Word forms and the field's words.
    assert!(in_seed(&store, "immigration").contains(&legal.to_string()), "immigration");
    assert!(in_seed(&store, "T-visa").contains(&legal.to_string()), "T-visa");
    assert!(in_seed(&store, "tvisa").contains(&legal.to_string()), "tvisa");
    assert!(in_seed(&store, "asilo").contains(&legal.to_string()), "asilo");
}

#[test]
fn the_search_words_file_reads_and_every_word_is_folded() {
    #[derive(serde::Deserialize)]
    struct File {
        words: std::collections::HashMap<String, Vec<String>>,
    }
    let f: File = toml::from_str(intake::domain::directory::SEARCH_WORDS).expect("search words");
    assert!(f.words.len() >= 10);
    for (w, also) in &f.words {
        assert_eq!(w, &intake::domain::text::fold(w), "{w} is looked up folded");
        assert!(!also.is_empty(), "{w}");
    }
}

/// Words with filters are answered by the index (the filters are tokens in it, "open now" by
/// the hour and then the minute): the same services as the words alone, kept only where the
/// filters alone (checked on the services' own rows) keep them, for the seed directory and the
/// test one, at several hours.
#[test]
fn words_with_filters_find_what_words_and_filters_each_find() {
    use std::collections::BTreeSet;
    for (_db, mut store) in [seeded(), with_admin()] {
        store.write(|tx| directory::seed_if_empty(tx, now())).unwrap();
        // Short hours, so "open now" at an hour's edge tells the hour right from wrong.
        store
            .write(|tx| {
                let org = directory::add_organization(tx, "Pop-up", "", None, true, None, now())?;
                let mut s = service(org, "Legal help pop-up", "legal help and visa", &["legal"]);
                s.schedule =
                    intake::domain::directory::parse_schedule("Mo 09:00-09:30; We 13:00-14:00")
                        .unwrap();
                directory::add_service(tx, &s, now())
            })
            .unwrap();
        let ids = |text: &str, f: &Filter| -> BTreeSet<i64> {
            directory::search(store.conn(), text, f, today(), 0, 1000)
                .unwrap()
                .into_iter()
                .map(|h| h.service_id.0)
                .collect()
        };
        let filters = [
            Filter { category: Some("legal".into()), ..Default::default() },
            Filter { area: Some("Doña Ana County".into()), ..Default::default() },
            Filter { area: Some("Bernalillo County".into()), ..Default::default() },
            Filter { language: Some("es".into()), ..Default::default() },
            Filter { population: Some("youth".into()), ..Default::default() },
            Filter { open_24_7: true, ..Default::default() },
            Filter { open_now: Some((1, 600)), ..Default::default() },
            Filter { open_now: Some((1, 9 * 60 + 15)), ..Default::default() },
            Filter { open_now: Some((1, 9 * 60 + 45)), ..Default::default() },
            Filter { open_now: Some((3, 13 * 60 + 59)), ..Default::default() },
            Filter { open_now: Some((1, 9 * 60 + 59)), ..Default::default() },
            Filter { open_now: Some((6, 23 * 60)), ..Default::default() },
            Filter {
                category: Some("legal".into()),
                open_now: Some((3, 13 * 60 + 30)),
                ..Default::default()
            },
        ];
        let mut seen_some = false;
        for text in ["legal", "visa", "shelter", "youth", "trafficking", "line", "help"] {
            let words = ids(text, &Filter::default());
            for f in &filters {
                let want: BTreeSet<i64> = words.intersection(&ids("", f)).copied().collect();
                seen_some |= !want.is_empty();
                assert_eq!(ids(text, f), want, "{text:?} with {f:?}");
            }
        }
        assert!(seen_some, "the test finds something to compare");
    }
}
