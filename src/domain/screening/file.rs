//! A tool file as written, and the check that names the line and field of every problem.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::i18n::Msg;

use super::{Bilingual, DECLINES, Item, Level, MODES, POPULATIONS, Rule, SCALES, Tool};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TextFile {
    en: Option<String>,
    es: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BandFile {
    min: i64,
    level: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScoringFile {
    rule: Spanned<String>,
    k: Option<Spanned<i64>>,
    bands: Option<Spanned<Vec<BandFile>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LevelFile {
    id: Spanned<String>,
    positive: bool,
    text: Spanned<TextFile>,
    #[serde(default)]
    services: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    minor_report: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemFile {
    id: Spanned<String>,
    domain: Spanned<String>,
    text: Spanned<TextFile>,
    help: Spanned<TextFile>,
    weight: Option<Spanned<i64>>,
    scale: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ToolFile {
    id: Spanned<String>,
    version: Spanned<i64>,
    title: Spanned<TextFile>,
    population: Spanned<String>,
    age_min: Spanned<i64>,
    age_max: Spanned<i64>,
    mode: Spanned<String>,
    source: Spanned<String>,
    declines: Spanned<String>,
    scoring: Spanned<ScoringFile>,
    levels: Vec<Spanned<LevelFile>>,
    items: Vec<Spanned<ItemFile>>,
}

/// One problem in a tool file: where, which field, what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub field: String,
    pub msg: Msg,
    pub args: Vec<String>,
}

fn line_of(text: &str, span: &Range<usize>) -> usize {
    text[..span.start.min(text.len())].matches('\n').count() + 1
}

struct Checker<'a> {
    text: &'a str,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn at(&mut self, span: &Range<usize>, field: impl Into<String>, msg: Msg, args: &[&str]) {
        self.problems.push(Problem {
            line: line_of(self.text, span),
            field: field.into(),
            msg,
            args: args.iter().map(|a| a.to_string()).collect(),
        });
    }

    fn bilingual(&mut self, t: &Spanned<TextFile>, field: &str, max: usize) -> Bilingual {
        let span = t.span();
        let mut get = |v: &Option<String>, lang: &str| -> String {
            let s = v.as_deref().map(crate::domain::fields::clean_notes).unwrap_or_default();
            if s.is_empty() {
                self.at(&span, format!("{field}.{lang}"), Msg::ToolMissing, &[]);
            } else if s.chars().count() > max {
                self.at(&span, format!("{field}.{lang}"), Msg::ErrMaxChars, &[&max.to_string()]);
            }
            s
        };
        let t = t.get_ref();
        Bilingual { en: get(&t.en, "en"), es: get(&t.es, "es") }
    }

    fn one_of(&mut self, v: &Spanned<String>, field: &str, allowed: &[&str]) {
        if !allowed.contains(&v.get_ref().as_str()) {
            self.at(&v.span(), field, Msg::ToolNotOneOf, &[&allowed.join(", ")]);
        }
    }

    fn ident(&mut self, v: &Spanned<String>, field: &str) -> String {
        let s = v.get_ref();
        let ok = !s.is_empty()
            && s.len() <= 48
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if !ok {
            self.at(&v.span(), field, Msg::ToolBadId, &[]);
        }
        s.clone()
    }
}

/// The most a tool file may hold: a checklist read at a person's pace is a few dozen questions.
pub const MAX_TOOL_BYTES: usize = 256 * 1024;
pub const MAX_ITEMS: usize = 200;
pub const MAX_LEVELS: usize = 20;

/// Check a tool file; the tool, or every problem with its line and field.
pub fn check(text: &str) -> Result<Tool, Vec<Problem>> {
    let whole = |msg: Msg, args: Vec<String>| {
        Err(vec![Problem { line: 1, field: String::new(), msg, args }])
    };
    if text.len() > MAX_TOOL_BYTES {
        return whole(Msg::ToolTooBig, vec![(MAX_TOOL_BYTES / 1024).to_string()]);
    }
    let file: ToolFile = match toml::from_str(text) {
        Ok(f) => f,
        Err(e) => {
            let line = e.span().map(|s| line_of(text, &s)).unwrap_or(1);
            let message = e.message().lines().next().unwrap_or("").to_string();
            return Err(vec![Problem {
                line,
                field: String::new(),
                msg: Msg::ToolSyntax,
                args: vec![message],
            }]);
        }
    };
    if file.items.len() > MAX_ITEMS || file.levels.len() > MAX_LEVELS {
        let counts = [file.items.len(), MAX_ITEMS, file.levels.len(), MAX_LEVELS];
        return whole(Msg::ToolTooMany, counts.iter().map(|n| n.to_string()).collect());
    }
    let mut c = Checker { text, problems: Vec::new() };
    let id = c.ident(&file.id, "id");
    if *file.version.get_ref() < 1 {
        c.at(&file.version.span(), "version", Msg::ToolPositive, &[]);
    }
    let title = c.bilingual(&file.title, "title", 120);
    c.one_of(&file.population, "population", POPULATIONS);
    c.one_of(&file.mode, "mode", MODES);
    let (min, max) = (*file.age_min.get_ref(), *file.age_max.get_ref());
    if !(0..=120).contains(&min) || !(0..=120).contains(&max) || min > max {
        c.at(&file.age_max.span(), "age_max", Msg::ToolAgeRange, &[]);
    }
    let source = file.source.get_ref().trim().to_string();
    let lower = source.to_lowercase();
    if !(lower.contains("wording ours") && lower.contains("not a validated")) {
        c.at(&file.source.span(), "source", Msg::ToolSourceNote, &[]);
    }

    c.one_of(&file.declines, "declines", DECLINES);
    let services: Vec<&str> = crate::domain::client::SERVICES.iter().map(|(id, _)| *id).collect();
    let mut levels = Vec::new();
    for (i, l) in file.levels.iter().enumerate() {
        let span = l.span();
        let l = l.get_ref();
        let field = format!("levels[{i}]");
        let lid = c.ident(&l.id, &format!("{field}.id"));
        if levels.iter().any(|x: &Level| x.id == lid) {
            c.at(&l.id.span(), format!("{field}.id"), Msg::ToolDuplicate, &[&lid]);
        }
        let text = c.bilingual(&l.text, &format!("{field}.text"), 300);
        // A result speaks of indicators and referral, never of a "victim".
        if [&text.en, &text.es].iter().any(|t| {
            let t = t.to_lowercase();
            t.contains("victim") || t.contains("víctima")
        }) {
            c.at(&l.text.span(), format!("{field}.text"), Msg::ToolNoVictim, &[]);
        }
        let mut svc = Vec::new();
        if let Some(s) = &l.services {
            for name in s.get_ref() {
                if !services.contains(&name.as_str()) {
                    c.at(&s.span(), format!("{field}.services"), Msg::ToolUnknownService, &[name]);
                }
                svc.push(name.clone());
            }
        }
        let _ = span;
        levels.push(Level {
            id: lid,
            positive: l.positive,
            text,
            services: svc,
            minor_report: l.minor_report,
        });
    }
    if !levels.iter().any(|l| l.positive) || !levels.iter().any(|l| !l.positive) {
        c.at(&file.scoring.span(), "levels", Msg::ToolLevelsNeeded, &[]);
    }

    let mut items = Vec::new();
    for (i, it) in file.items.iter().enumerate() {
        let it = it.get_ref();
        let field = format!("items[{i}]");
        let iid = c.ident(&it.id, &format!("{field}.id"));
        if items.iter().any(|x: &Item| x.id == iid) {
            c.at(&it.id.span(), format!("{field}.id"), Msg::ToolDuplicate, &[&iid]);
        }
        let domain = c.ident(&it.domain, &format!("{field}.domain"));
        let text = c.bilingual(&it.text, &format!("{field}.text"), 400);
        let help = c.bilingual(&it.help, &format!("{field}.help"), 600);
        let weight = match &it.weight {
            Some(w) if *w.get_ref() < 0 => {
                c.at(&w.span(), format!("{field}.weight"), Msg::ToolPositive, &[]);
                0
            }
            Some(w) => *w.get_ref(),
            None => 1,
        };
        c.one_of(&it.scale, &format!("{field}.scale"), SCALES);
        let allows_na = it.scale.get_ref() == "yes_no_na";
        items.push(Item { id: iid, domain, text, help, weight, allows_na });
    }
    if items.is_empty() {
        c.at(&(0..0), "items", Msg::ToolMissing, &[]);
    }

    let s = file.scoring.get_ref();
    let rule = match s.rule.get_ref().as_str() {
        "any_yes" => Rule::AnyYes,
        "at_least" => match &s.k {
            Some(k) if *k.get_ref() >= 1 && (*k.get_ref() as usize) <= items.len() => {
                Rule::AtLeast(*k.get_ref() as u32)
            }
            Some(k) => {
                c.at(&k.span(), "scoring.k", Msg::ToolKRange, &[&items.len().to_string()]);
                Rule::AnyYes
            }
            None => {
                c.at(&s.rule.span(), "scoring.k", Msg::ToolMissing, &[]);
                Rule::AnyYes
            }
        },
        "weighted" => match &s.bands {
            Some(b) if !b.get_ref().is_empty() => {
                let mut bands: Vec<(i64, String)> =
                    b.get_ref().iter().map(|x| (x.min, x.level.clone())).collect();
                bands.sort_by_key(|x| x.0);
                for (_, lvl) in &bands {
                    if !levels.iter().any(|l| &l.id == lvl) {
                        c.at(&b.span(), "scoring.bands", Msg::ToolUnknownLevel, &[lvl]);
                    }
                }
                if bands[0].0 != 0 {
                    c.at(&b.span(), "scoring.bands", Msg::ToolBandsFromZero, &[]);
                }
                Rule::Weighted(bands)
            }
            _ => {
                c.at(&s.rule.span(), "scoring.bands", Msg::ToolMissing, &[]);
                Rule::AnyYes
            }
        },
        _ => {
            c.at(
                &s.rule.span(),
                "scoring.rule",
                Msg::ToolNotOneOf,
                &["any_yes, at_least, weighted"],
            );
            Rule::AnyYes
        }
    };
    if c.problems.is_empty() {
        Ok(Tool {
            id,
            version: *file.version.get_ref(),
            title,
            population: file.population.into_inner(),
            age_min: min,
            age_max: max,
            mode: file.mode.into_inner(),
            source,
            declines: file.declines.into_inner(),
            rule,
            levels,
            items,
        })
    } else {
        c.problems.sort_by_key(|p| p.line);
        Err(c.problems)
    }
}
