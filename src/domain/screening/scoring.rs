//! Scoring: answers, how complete a screening is, and the level it reaches.

use std::collections::HashMap;

use super::{Item, Level, Rule, Tool};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Answer {
    Yes,
    No,
    Declined,
    Unknown,
    Skipped,
    NotApplicable,
}

impl Answer {
    pub fn id(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::Declined => "declined",
            Answer::Unknown => "unknown",
            Answer::Skipped => "skipped",
            Answer::NotApplicable => "not_applicable",
        }
    }

    pub fn parse(s: &str) -> Option<Answer> {
        [
            Answer::Yes,
            Answer::No,
            Answer::Declined,
            Answer::Unknown,
            Answer::Skipped,
            Answer::NotApplicable,
        ]
        .into_iter()
        .find(|a| a.id() == s)
    }

    /// Settled: the question has an answer that scoring can use.
    fn settled(self) -> bool {
        matches!(self, Answer::Yes | Answer::No | Answer::NotApplicable)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Completeness {
    Complete,
    Incomplete,
    /// Enough is known to say indicators are present, though some items are open.
    IndicatorsIncomplete,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub completeness: Completeness,
    /// The level reached; None while incomplete with no indicators yet.
    pub level: Option<String>,
    pub yes: u32,
    /// Items not answered yes, no or not applicable (declined, don't know, skipped, not asked).
    pub open: u32,
}

impl Tool {
    pub fn level(&self, id: &str) -> Option<&Level> {
        self.levels.iter().find(|l| l.id == id)
    }

    /// The outcome found indicators (its level is a positive one).
    pub fn indicators(&self, outcome: &Outcome) -> bool {
        outcome.level.as_deref().and_then(|l| self.level(l)).is_some_and(|l| l.positive)
    }

    pub fn score(&self, answers: &HashMap<String, Answer>) -> Outcome {
        let answer = |it: &Item| answers.get(&it.id).copied();
        let yes_items: Vec<&Item> =
            self.items.iter().filter(|it| answer(it) == Some(Answer::Yes)).collect();
        let open =
            self.items.iter().filter(|it| !answer(it).is_some_and(Answer::settled)).count() as u32;
        let yes = yes_items.len() as u32;
        let first = |positive: bool| {
            self.levels.iter().find(|l| l.positive == positive).map(|l| l.id.clone())
        };
        let reached = match &self.rule {
            Rule::AnyYes => {
                if yes >= 1 {
                    first(true)
                } else {
                    first(false)
                }
            }
            Rule::AtLeast(k) => {
                if yes >= *k {
                    first(true)
                } else {
                    first(false)
                }
            }
            Rule::Weighted(bands) => {
                let total: i64 = yes_items.iter().map(|it| it.weight).sum();
                bands.iter().rev().find(|(min, _)| total >= *min).map(|(_, l)| l.clone())
            }
        };
        let positive = reached.as_deref().and_then(|l| self.level(l)).is_some_and(|l| l.positive);
        let (completeness, level) = match (positive, open) {
            (true, 0) => (Completeness::Complete, reached),
            (true, _) => (Completeness::IndicatorsIncomplete, reached),
            (false, 0) => (Completeness::Complete, reached),
            (false, _) => (Completeness::Incomplete, None),
        };
        Outcome { completeness, level, yes, open }
    }
}
