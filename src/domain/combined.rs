//! The task force's report as it adds up from its parts (one per agency, or one per file an
//! agency with its own database sends). Only ever shown in the shared view: counts under 11 as
//! "<11", money resting on fewer than 11 payments hidden, no records; a sum with a hidden part
//! is never shown exactly ("<11" when it is certainly under 11, else at least what is known).

use crate::domain::report::{Filter, Report, SMALL, Value};
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};

/// A figure's value as it adds up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell {
    /// A count, exact.
    Count(i64),
    /// Money in cents, exact, with the number of payments it rests on.
    Cents(i64, i64),
    /// A sum with `hidden` parts known only to be 1 to 10 (or money on few payments), plus
    /// the `known` rest.
    Hidden { known: i64, hidden: i64, money: bool },
    /// A median or another figure that does not add up.
    Apart,
    /// A count that stands for no person served (training events, people reached), shown
    /// whole however small, as the agency's own shared view shows it.
    Open(i64),
}

impl Cell {
    pub fn plus(self, other: Cell) -> Cell {
        use Cell::*;
        match (self, other) {
            (Open(a), Open(b)) => Open(a + b),
            // Beside a count of people (never expected), it adds up as one.
            (Open(a), y) => Count(a).plus(y),
            (x, Open(b)) => x.plus(Count(b)),
            (Count(a), Count(b)) => Count(a + b),
            (Cents(a, n), Cents(b, m)) => Cents(a + b, n + m),
            (Apart, _) | (_, Apart) => Apart,
            (x, y) => {
                let part = |c: Cell| match c {
                    Count(v) | Cents(v, _) => (v, 0, matches!(c, Cents(..))),
                    Hidden { known, hidden, money } => (known, hidden, money),
                    Apart | Open(_) => (0, 0, false),
                };
                let (a, b) = (part(x), part(y));
                Hidden { known: a.0 + b.0, hidden: a.1 + b.1, money: a.2 || b.2 }
            }
        }
    }

    /// As the shared view shows it.
    pub fn show(self) -> String {
        let small = |n: i64| n > 0 && n < SMALL;
        let dollars = |c: i64| format!("${}", crate::domain::fields::format_cents(c));
        match self {
            Cell::Count(n) if small(n) => format!("<{SMALL}"),
            Cell::Count(n) | Cell::Open(n) => n.to_string(),
            Cell::Cents(_, n) if small(n) => format!("<{SMALL}"),
            Cell::Cents(c, _) => dollars(c),
            Cell::Hidden { known, hidden, money: false }
                if known + hidden * (SMALL - 1) < SMALL =>
            {
                format!("<{SMALL}")
            }
            Cell::Hidden { known, hidden, money: false } => format!(">={}", known + hidden),
            Cell::Hidden { known, money: true, .. } if known > 0 => format!(">={}", dollars(known)),
            Cell::Hidden { money: true, .. } => format!("<{SMALL}"),
            Cell::Apart => "-".into(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub key: String,
    pub label: String,
    pub cell: Cell,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    pub key: String,
    pub title: String,
    pub lines: Vec<Line>,
}

/// A report being added up: its kind and period, its sections, and each part's headline.
#[derive(Clone, Debug, PartialEq)]
pub struct Combined {
    pub report: String,
    pub title: String,
    pub from: String,
    pub to: String,
    pub sections: Vec<Part>,
    pub agencies: Vec<Line>,
    /// What every part was narrowed to (the same for all).
    pub filter: Filter,
}

impl Combined {
    /// One agency's report, exact, as a part.
    pub fn of_report(agency: &str, r: &Report, lang: Lang) -> Combined {
        let sections: Vec<Part> = r
            .sections
            .iter()
            .map(|s| Part {
                key: s.key.to_string(),
                title: s.title.text(lang).to_string(),
                lines: s
                    .figures
                    .iter()
                    .map(|f| Line {
                        key: f.key.clone(),
                        label: f.label.clone(),
                        cell: match f.value {
                            Value::Count(n) if f.counts_no_one() => Cell::Open(n),
                            Value::Count(n) => Cell::Count(n),
                            Value::Cents(c) => Cell::Cents(c, f.n),
                            Value::Days(_) => Cell::Apart,
                        },
                    })
                    .collect(),
            })
            .collect();
        Combined {
            report: r.kind.id().into(),
            title: r.kind.title().text(lang).into(),
            from: r.period.from.to_string(),
            to: r.period.to.to_string(),
            agencies: headline(agency, &sections),
            sections,
            filter: r.filter.clone(),
        }
    }

    /// A shareable report file as a part; `name` is how messages call it.
    /// Add another part: the same kind of report over the same days, or a message naming it.
    pub fn add(&mut self, name: &str, other: Combined, lang: Lang) -> Result<()> {
        if (&other.report, &other.from, &other.to) != (&self.report, &self.from, &self.to) {
            return Err(Error::user_with(
                Msg::ErrCombineMismatch,
                &[name, &other.report, &other.from, &other.to, &self.report, &self.from, &self.to],
            ));
        }
        if other.filter != self.filter {
            let none = Msg::RepFilterNone.text(lang);
            let say = |f: &Filter| {
                let d = f.describe(lang);
                if d.is_empty() { none.to_string() } else { d }
            };
            return Err(Error::user_with(
                Msg::ErrCombineFilter,
                &[name, &say(&other.filter), &say(&self.filter)],
            ));
        }
        for s in other.sections {
            let at = match self.sections.iter().position(|x| x.key == s.key) {
                Some(i) => i,
                None => {
                    self.sections.push(Part { key: s.key, title: s.title, lines: Vec::new() });
                    self.sections.len() - 1
                }
            };
            let into = &mut self.sections[at];
            for l in s.lines {
                match into.lines.iter_mut().find(|x| x.key == l.key) {
                    Some(x) => x.cell = x.cell.plus(l.cell),
                    None => into.lines.push(l),
                }
            }
        }
        self.agencies.extend(other.agencies);
        Ok(())
    }
}

/// A part's headline for the by-agency section: its first figure.
pub(crate) fn headline(agency: &str, sections: &[Part]) -> Vec<Line> {
    let first = sections.first().and_then(|s| s.lines.first());
    first
        .map(|l| Line { key: agency.to_string(), label: agency.to_string(), cell: l.cell })
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::Cell::*;

    #[test]
    fn sums_show_what_is_known_and_never_a_hidden_part() {
        let hidden = Hidden { known: 0, hidden: 1, money: false };
        assert_eq!(hidden.show(), "<11");
        assert_eq!(Count(3).plus(Count(4)).show(), "<11", "exact but small");
        assert_eq!(Count(6).plus(Count(5)).show(), "11");
        assert_eq!(Count(12).plus(hidden).show(), ">=13");
        assert_eq!(hidden.plus(hidden).show(), ">=2", "two hidden parts may pass 10");
        assert_eq!(Count(0).plus(hidden).show(), "<11");
        let money = Hidden { known: 0, hidden: 1, money: true };
        assert_eq!(Cents(150_000, 11).plus(money).show(), ">=$1,500.00");
        assert_eq!(Cents(150_000, 4).plus(Cents(100, 3)).show(), "<11", "on 7 payments");
        assert_eq!(Apart.plus(Count(3)).show(), "-");
        // Training events and people reached stand for no one: whole, however small.
        assert_eq!(Open(3).plus(Open(4)).show(), "7");
        assert_eq!(Open(3).plus(Count(4)).show(), "<11", "beside people, counted as people");
    }
}
