//! Screening tools as data. A tool is one TOML file: its items (in English and Spanish), how it
//! is scored, and what each result level says and suggests. Checking a file names the line and
//! field of every problem. Scoring never counts "declined" or "don't know" as "no".

use std::sync::OnceLock;

use crate::i18n::{Lang, Msg};

mod file;
mod scoring;

pub use file::{MAX_ITEMS, MAX_LEVELS, MAX_TOOL_BYTES, Problem, check};
pub use scoring::{Answer, Completeness, Outcome};

/// The tools shipped inside the binary. Their wording is ours; none is a validated instrument.
pub const SHIPPED: &[&str] = &[
    include_str!("../screening_tools/youth-quick-4.toml"),
    include_str!("../screening_tools/adult-indicators-8.toml"),
    include_str!("../screening_tools/labour-checklist.toml"),
    include_str!("../screening_tools/child-sex-short-6.toml"),
];

pub const POPULATIONS: &[&str] = &["adult", "youth", "child"];
/// Answer scales: yes/no (with declined, don't know and skip always available), or the same
/// with "not applicable".
pub const SCALES: &[&str] = &["yes_no", "yes_no_na"];
/// How declines are treated. The only rule the task force allows: a declined item stays open
/// (the result can be incomplete); it never counts as "no".
pub const DECLINES: &[&str] = &["open"];
pub const MODES: &[&str] = &["interview", "observation"];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bilingual {
    pub en: String,
    pub es: String,
}

impl Bilingual {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Es => &self.es,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Positive on any yes.
    AnyYes,
    /// Positive on at least k yes.
    AtLeast(u32),
    /// The weights of the yes answers add up; bands (lowest total first) map totals to levels.
    Weighted(Vec<(i64, String)>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Level {
    pub id: String,
    /// Indicators present at this level.
    pub positive: bool,
    pub text: Bilingual,
    /// Suggested service categories (ids of the client service list).
    pub services: Vec<String>,
    /// Kept so that tool files written before the reporting rule moved still read. It decides
    /// nothing: every level that finds indicators needs the reporting step for a minor
    /// (`domain::reporting`), whatever the tool.
    pub minor_report: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    pub domain: String,
    pub text: Bilingual,
    pub help: Bilingual,
    pub weight: i64,
    /// "not applicable" is an answer this item takes.
    pub allows_na: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tool {
    pub id: String,
    pub version: i64,
    pub title: Bilingual,
    pub population: String,
    pub age_min: i64,
    pub age_max: i64,
    pub mode: String,
    /// Which published structure it follows; that its wording is ours; that it is not validated.
    pub source: String,
    /// How declined items count: always "open".
    pub declines: String,
    pub rule: Rule,
    pub levels: Vec<Level>,
    pub items: Vec<Item>,
}

/// The shipped tools, checked. A shipped tool that fails its check is a build mistake that the
/// tests catch; here it is left out rather than stopping the program.
pub fn shipped() -> Vec<Tool> {
    SHIPPED.iter().filter_map(|t| check(t).ok()).collect()
}

/// A shipped tool's title (a stored-only tool shows its id).
pub fn tool_title(tool_id: &str, lang: Lang) -> String {
    static TITLES: OnceLock<Vec<(String, Bilingual)>> = OnceLock::new();
    let titles = TITLES.get_or_init(|| shipped().into_iter().map(|t| (t.id, t.title)).collect());
    titles
        .iter()
        .find(|(id, _)| id == tool_id)
        .map(|(_, t)| t.get(lang).to_string())
        .unwrap_or_else(|| tool_id.into())
}

/// How a screening stands: open, or closed with one of three results. A tool names its own
/// levels; what a result says is only whether the level reached finds indicators, so a
/// weighted or imported tool's levels read the same as a shipped tool's. Never a score, never
/// "victim".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    InProgress,
    /// Closed at a level that finds indicators (complete or not): refer for assessment.
    Indicators,
    /// Closed, every item settled, at a level that finds none.
    NoIndicators,
    /// Closed with items open and no indicators found.
    Incomplete,
}

impl Status {
    pub const ALL: [Status; 4] =
        [Status::InProgress, Status::Indicators, Status::NoIndicators, Status::Incomplete];

    /// The result of a closed screening, from its tool and what the answers scored.
    pub fn of(tool: &Tool, outcome: &Outcome) -> Status {
        if tool.indicators(outcome) {
            Status::Indicators
        } else if outcome.completeness == Completeness::Complete {
            Status::NoIndicators
        } else {
            Status::Incomplete
        }
    }

    /// The word stored (`screenings.result`) and named in queries.
    pub fn id(self) -> &'static str {
        match self {
            Status::InProgress => "in_progress",
            Status::Indicators => "indicators",
            Status::NoIndicators => "none",
            Status::Incomplete => "incomplete",
        }
    }

    pub fn parse(id: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.id() == id)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Status::InProgress => Msg::ScrInProgress,
            Status::Indicators => Msg::ScrIndicators,
            Status::NoIndicators => Msg::ScrNone,
            Status::Incomplete => Msg::ScrIncomplete,
        }
        .text(lang)
    }
}

#[cfg(test)]
mod tests;
