//! Reading HSDS CSV files into a checked dataset, naming every problem by file, row and column.
//! A package of an older HSDS version is recognised and refused with the version named. All or
//! nothing is the default; a skipping read leaves out each row with a problem (and what hangs
//! off it) and lists them.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::dataset::{Check, Dataset, Problem, Reading, Table};
use super::gather::{Gathered, STEPS};
use super::spec;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};

/// Files only HSDS 1.x or 2.0 has (3.0 renamed or removed them).
const OLD_FILES: &[&str] = &[
    "services_at_location.csv",
    "physical_addresses.csv",
    "postal_addresses.csv",
    "regular_schedules.csv",
    "holiday_schedules.csv",
    "service_taxonomy.csv",
    "eligibility.csv",
    "payment_accepted.csv",
    "accessibility_for_disabilities.csv",
];

/// The version of an older package: from its datapackage.json, or "1.x or 2.0" from its files.
fn old_version(dir: &Path) -> Option<(String, String)> {
    let stated = crate::service::files::read_small(&dir.join("datapackage.json"), 1 << 20)
        .ok()
        .and_then(|t| serde_json::from_slice::<serde_json::Value>(&t).ok())
        .and_then(|v| v.get("version").and_then(|v| v.as_str()).map(str::to_string));
    let found = OLD_FILES.iter().find(|f| dir.join(f).exists());
    match (stated, found) {
        (Some(v), f) if v.starts_with("1.") || v.starts_with("2.") => {
            Some((v, f.map_or("datapackage.json".into(), |f| f.to_string())))
        }
        (_, Some(f)) => Some(("1.x / 2.0".into(), f.to_string())),
        _ => None,
    }
}

/// Read and check a directory of HSDS files, all or nothing: any problem refuses the lot.
pub fn read(dir: &Path, lang: Lang, progress: &mut dyn FnMut(usize, usize)) -> Result<Dataset> {
    let r = read_with(dir, lang, false, progress)?;
    if r.problems.is_empty() { Ok(r.dataset) } else { Err(refusal(&r.problems, lang)) }
}

/// The error that lists problems (the first 200).
pub fn refusal(problems: &[Problem], lang: Lang) -> Error {
    let shown: Vec<String> = problems.iter().take(200).map(|p| p.line(lang)).collect();
    Error::User(Msg::ErrCsvInvalid, vec![problems.len().to_string(), shown.join("\n")])
}

/// Read and check a directory of HSDS files. With `skip_invalid`, the rows with problems are
/// left out (and so is what refers to them) and the dataset holds the rest; problems with a
/// whole file are never skipped.
pub fn read_with(
    dir: &Path,
    lang: Lang,
    skip_invalid: bool,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Reading> {
    if let Some((version, why)) = old_version(dir) {
        return Err(Error::user_with(Msg::ErrHsdsOldVersion, &[&version, &why]));
    }
    let mut problems = Vec::new();
    let tables: Vec<Table> =
        spec::files().map(|f| Table::read(dir, f, &mut problems, lang)).collect();
    if !problems.is_empty() {
        return Ok(Reading { problems, ..Default::default() });
    }
    let total: usize = tables.iter().map(|t| t.rows.len()).sum();
    let mut skip: HashSet<(&str, usize)> = HashSet::new();
    let mut first = true;
    loop {
        let mut found = Vec::new();
        let g = gather(&tables, &skip, lang, &mut found, &mut |done| {
            if first {
                progress(done, total);
            }
        });
        first = false;
        let new: Vec<(&str, usize)> = found
            .iter()
            .filter_map(|p| {
                let file = tables.iter().find(|t| t.file == p.file)?.file;
                Some((file, p.row))
            })
            .filter(|k| !skip.contains(k))
            .collect();
        for p in found {
            if !problems.contains(&p) {
                problems.push(p);
            }
        }
        if !skip_invalid || problems.is_empty() || new.is_empty() {
            let skipped_rows = skip.len();
            let not_kept = tables
                .iter()
                .filter(|t| !t.rows.is_empty() && !STEPS.iter().any(|(f, _)| *f == t.file))
                .map(|t| (t.file, t.rows.len()))
                .collect();
            return Ok(Reading { dataset: g.finish(), problems, skipped_rows, not_kept });
        }
        skip.extend(new);
    }
}

fn gather(
    tables: &[Table],
    skip: &HashSet<(&str, usize)>,
    lang: Lang,
    problems: &mut Vec<Problem>,
    progress: &mut dyn FnMut(usize),
) -> Gathered {
    let mut g = Gathered::new();
    let mut done = 0;
    let none: &[(usize, HashMap<String, String>)] = &[];
    for (file, step) in STEPS {
        let rows = tables.iter().find(|t| t.file == *file).map_or(none, |t| &t.rows[..]);
        for (row, cells) in rows {
            done += 1;
            progress(done);
            if skip.contains(&(*file, *row)) {
                continue;
            }
            let mut c = Check { problems, lang, cells: Some(cells) };
            step(&mut g, &mut c, *row, cells);
        }
    }
    g
}
