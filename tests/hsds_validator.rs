//! What intake exports is a valid HSDS 3.0 package by the official validator (frictionless,
//! from PyPI) against the specification's own descriptor (tests/fixtures/hsds-3.0), and the
//! descriptor intake writes with it says the same. A round trip gives the same files.
//!
//! The validator is installed once into target/hsds-validator (a Python virtual environment)
//! when it is not there; `.ci/run` installs it before the tests. INTAKE_FRICTIONLESS may name
//! another frictionless executable. This test never passes without running it.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

use common::*;
use intake::auth::accounts;
use intake::domain::directory::parse_schedule;
use intake::i18n::Lang;
use intake::service::Who;
use intake::service::hsds;
use intake::store::Store;
use intake::store::directory::{self, Location, NewService};
use jiff::Timestamp;
use jiff::civil::Date;
use serde_json::Value;

const FRICTIONLESS: &str = "frictionless==5.21.0";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn today() -> Date {
    "2026-11-30".parse().unwrap()
}

/// The validator, installed when missing (once, whichever test asks first).
fn frictionless() -> PathBuf {
    static INSTALL: Mutex<()> = Mutex::new(());
    if let Ok(p) = std::env::var("INTAKE_FRICTIONLESS") {
        return p.into();
    }
    let venv = root().join("target/hsds-validator");
    let bin = venv.join("bin/frictionless");
    let _one = INSTALL.lock().unwrap_or_else(|e| e.into_inner());
    if !bin.exists() {
        let made = Command::new("python3").args(["-m", "venv"]).arg(&venv).status();
        assert!(
            made.is_ok_and(|s| s.success()),
            "python3 -m venv failed: install python3 and python3-venv (CI's .ci/run does)"
        );
        let pip = Command::new(venv.join("bin/pip"))
            .args(["install", "--quiet", "--disable-pip-version-check", FRICTIONLESS])
            .status();
        assert!(pip.is_ok_and(|s| s.success()), "pip could not install {FRICTIONLESS}");
    }
    bin
}

/// Validate a package; the validator's report when it is not valid.
fn validate(descriptor: &Path) -> std::result::Result<(), String> {
    let out = Command::new(frictionless())
        .args(["validate", "--json"])
        .arg(descriptor)
        .output()
        .expect("run frictionless");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| {
        panic!(
            "frictionless printed no report: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    if report["valid"] == Value::Bool(true) {
        return Ok(());
    }
    let mut errors = Vec::new();
    for task in report["tasks"].as_array().into_iter().flatten() {
        for e in task["errors"].as_array().into_iter().flatten() {
            errors.push(format!("{}: {}", task["name"], e["message"]));
        }
    }
    Err(errors.join("\n"))
}

fn import(store: &mut Store, dir: &Path) -> usize {
    let ds = hsds::read(dir, Lang::En, &mut |_, _| {}).unwrap();
    let ana = accounts::find_user(store, "ana").unwrap();
    hsds::write(store, Who { user: &ana, session_id: None }, &ds, Timestamp::now(), &mut |_| {})
        .unwrap()
}

/// The seed directory, the 211-shaped package, and a shelter made in the console with a
/// confidential street address, a night schedule and a web address typed without a scheme.
fn directory_of_every_kind() -> (TestDb, Store) {
    let (db, mut store) = with_admin();
    store.write(|tx| directory::seed_if_empty(tx, Timestamp::now()).map(|_| ())).unwrap();
    import(&mut store, &root().join("tests/fixtures/hsds-211"));
    store
        .write(|tx| {
            let org = directory::add_organization(
                tx,
                "Refugio",
                "",
                Some("refugio.example.org"),
                true,
                None,
                Timestamp::now(),
            )?;
            directory::add_service(
                tx,
                &NewService {
                    organization_id: org,
                    name: "Safe house".into(),
                    phone: Some("+1 505 555 0190".into()),
                    categories: vec!["shelter".into()],
                    languages: vec!["navajo".into()],
                    areas: vec!["San Juan County".into()],
                    locations: vec![Location {
                        city: Some("Farmington".into()),
                        zip: Some("87401".into()),
                        address: Some("9 Hidden Road".into()),
                        show_address: false,
                        ..Default::default()
                    }],
                    schedule: parse_schedule("Fr-Sa 20:00-08:00").unwrap(),
                    ..Default::default()
                },
                Timestamp::now(),
            )?;
            Ok(())
        })
        .unwrap();
    (db, store)
}

fn export(store: &mut Store) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    hsds::export(store, dir.path(), today(), &mut |_, _| {}).unwrap();
    dir
}

fn spec() -> Value {
    let text = std::fs::read_to_string(root().join("tests/fixtures/hsds-3.0/datapackage.json"));
    serde_json::from_str(&text.unwrap()).unwrap()
}

/// A descriptor's resources as the validator reads them: names, files, fields with their
/// types and constraints, keys and references (titles, descriptions and examples aside).
fn shape(d: &Value) -> Vec<Value> {
    d["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let fields: Vec<Value> = r["schema"]["fields"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| serde_json::json!([f["name"], f["type"], f["format"], f["constraints"]]))
                .collect();
            serde_json::json!([
                r["name"],
                r["path"],
                fields,
                r["schema"]["primaryKey"],
                r["schema"]["foreignKeys"]
            ])
        })
        .collect()
}

#[test]
fn the_descriptor_written_with_an_export_is_the_specifications() {
    let (_db, mut store) = with_admin();
    let dir = export(&mut store);
    let ours: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("datapackage.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(ours["version"], "3.0.0");
    assert_eq!(ours["profile"], "tabular-data-package");
    assert_eq!(shape(&ours), shape(&spec()));
    // Every file is written, with the specification's columns in its order.
    for r in spec()["resources"].as_array().unwrap() {
        let path = dir.path().join(r["path"].as_str().unwrap());
        let header = csv::Reader::from_path(&path).unwrap().headers().unwrap().clone();
        let want: Vec<&str> = r["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert_eq!(header.iter().collect::<Vec<_>>(), want, "{}", path.display());
    }
}

#[test]
fn the_export_is_valid_hsds_3_0_by_the_official_validator() {
    let (_db, mut store) = directory_of_every_kind();
    let dir = export(&mut store);
    // With the descriptor intake wrote.
    if let Err(e) = validate(&dir.path().join("datapackage.json")) {
        panic!("the export does not validate:\n{e}");
    }
    // With the specification's own.
    std::fs::copy(
        root().join("tests/fixtures/hsds-3.0/datapackage.json"),
        dir.path().join("datapackage.json"),
    )
    .unwrap();
    if let Err(e) = validate(&dir.path().join("datapackage.json")) {
        panic!("the export does not validate against the specification's descriptor:\n{e}");
    }
    // The validator does find problems: a required cell emptied is one.
    let services = dir.path().join("services.csv");
    let text = std::fs::read_to_string(&services).unwrap();
    std::fs::write(&services, text.replacen(",active,", ",,", 1)).unwrap();
    assert!(validate(&dir.path().join("datapackage.json")).is_err());
}

#[test]
fn a_withheld_street_leaves_no_address_row_and_the_place_keeps_its_city() {
    let (_db, mut store) = directory_of_every_kind();
    let dir = export(&mut store);
    let all: String =
        hsds::spec::files().map(|f| std::fs::read_to_string(dir.path().join(f)).unwrap()).collect();
    assert!(!all.contains("Hidden Road"), "a confidential street never leaves");
    let locations = std::fs::read_to_string(dir.path().join("locations.csv")).unwrap();
    assert!(
        locations.contains("Street address withheld for safety; Farmington, NM 87401"),
        "{locations}"
    );
    let schedules = std::fs::read_to_string(dir.path().join("schedules.csv")).unwrap();
    assert!(schedules.contains("20:00:00-07:00"), "times carry Denver's offset: {schedules}");
    let organizations = std::fs::read_to_string(dir.path().join("organizations.csv")).unwrap();
    assert!(organizations.contains("https://refugio.example.org"));
    // A term has a name and a description people read, not its code three times.
    let mut terms = csv::Reader::from_path(dir.path().join("taxonomy_terms.csv")).unwrap();
    let legal = terms
        .records()
        .map(|r| r.unwrap())
        .find(|r| &r[1] == "legal")
        .expect("the legal category's term");
    assert!(&legal[2] != "legal" && !legal[2].is_empty(), "{legal:?}");
    let languages = std::fs::read_to_string(dir.path().join("languages.csv")).unwrap();
    assert!(
        languages.contains(",Navajo (Diné),nv,") && !languages.contains(",navajo,"),
        "{languages}"
    );
}

#[test]
fn export_import_export_gives_the_same_files() {
    let (_db, mut a) = directory_of_every_kind();
    let first = export(&mut a);
    let (_b, mut b) = with_admin();
    import(&mut b, first.path());
    let second = export(&mut b);
    for f in hsds::spec::files().chain(["datapackage.json"]) {
        let one = std::fs::read_to_string(first.path().join(f)).unwrap();
        let two = std::fs::read_to_string(second.path().join(f)).unwrap();
        assert_eq!(one, two, "{f}");
    }
}
