//! The layers of ../shared/DESIGN.md, held: arrows only point down,
//! cli and ui → service → auth → store → domain → i18n (error sits with i18n at the bottom).
//! A file may name its own layer and the layers below it, never one above, and the two top
//! layers never name each other.

use std::path::{Path, PathBuf};

/// Each layer, what it may name besides itself.
const LAYERS: &[(&str, &[&str])] = &[
    ("i18n", &[]),
    ("error", &["i18n"]),
    ("domain", &["i18n", "error"]),
    ("store", &["domain", "i18n", "error"]),
    ("auth", &["store", "domain", "i18n", "error"]),
    ("service", &["auth", "store", "domain", "i18n", "error"]),
    ("cli", &["service", "auth", "store", "domain", "i18n", "error"]),
    ("ui", &["service", "auth", "store", "domain", "i18n", "error"]),
];

fn sources(root: &Path, layer: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let file = root.join(format!("{layer}.rs"));
    if file.exists() {
        out.push(file);
    }
    let mut dirs = vec![root.join(layer)];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out
}

/// The top-level modules a source file names: `crate::x` paths and `use crate::{x, y::z}`.
fn named(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for part in group[..end].split(',') {
                let name: String =
                    part.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                out.push(name);
            }
        } else {
            out.push(rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect());
        }
    }
    out.retain(|n| !n.is_empty() && n != "self");
    out
}

#[test]
fn no_layer_names_one_above_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut crossings = Vec::new();
    let mut checked = 0;
    for (layer, below) in LAYERS {
        for file in sources(&root, layer) {
            checked += 1;
            let text = std::fs::read_to_string(&file).unwrap();
            for name in named(&text) {
                let allowed = name == *layer
                    || below.contains(&name.as_str())
                    || !LAYERS.iter().any(|(l, _)| *l == name);
                if !allowed {
                    crossings.push(format!("{} names {name}", file.display()));
                }
            }
        }
    }
    assert!(checked > 50, "the sources were found ({checked} files)");
    crossings.sort();
    crossings.dedup();
    assert!(crossings.is_empty(), "layers crossed upward:\n{}", crossings.join("\n"));
}

#[test]
fn every_module_of_the_crate_has_a_layer() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(root.join("lib.rs")).unwrap();
    for line in lib.lines().filter_map(|l| l.trim().strip_prefix("pub mod ")) {
        let name = line.trim_end_matches(';');
        assert!(LAYERS.iter().any(|(l, _)| *l == name), "{name} belongs to no layer");
    }
}

#[test]
fn the_reader_finds_crossings() {
    let found = named("use crate::{ui::app, store};\nlet x = crate::cli::run();");
    assert_eq!(found, ["ui", "store", "cli"]);
}

/// Every Rust source of the crate, with its path relative to `src/`.
fn all_sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let rel = p.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
                out.push((rel, std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    assert!(out.len() > 50, "the sources were found ({} files)", out.len());
    out
}

/// Screens are `Page`s: they ask for things with effects and never extend the application.
/// The application has one `impl App`, in `ui/app/mod.rs`; what it delegates (where a key goes,
/// the session) are types of their own.
#[test]
fn only_the_app_extends_the_app() {
    let impls: Vec<String> = all_sources()
        .into_iter()
        .flat_map(|(path, text)| {
            let n = text.lines().filter(|l| l.starts_with("impl App")).count();
            std::iter::repeat_n(path, n)
        })
        .collect();
    assert_eq!(impls, ["ui/app/mod.rs"], "`impl App` blocks");
}

/// A screen reaches the database only through a job the executor runs (`Effect::Run`).
#[test]
fn no_screen_holds_the_store() {
    let holding: Vec<String> = all_sources()
        .into_iter()
        .filter(|(path, text)| path.starts_with("ui/screens/") && text.contains("self.store"))
        .map(|(path, _)| path)
        .collect();
    assert!(holding.is_empty(), "screens using self.store: {holding:?}");
}

/// A file a newcomer can read in one sitting: none over 500 lines, the message catalogue aside.
#[test]
fn no_source_file_is_over_500_lines() {
    let long: Vec<String> = all_sources()
        .into_iter()
        .filter(|(path, _)| path != "i18n.rs" && !path.starts_with("i18n/"))
        .filter(|(_, text)| text.lines().count() > 500)
        .map(|(path, text)| format!("{path}: {}", text.lines().count()))
        .collect();
    assert!(long.is_empty(), "files over 500 lines: {long:?}");
}
