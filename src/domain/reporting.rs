//! The one rule for reporting a child: a minor with trafficking indicators needs a report (to
//! whom, when) or the reason none was made. Hotline contacts, screenings (any tool, any level
//! that finds indicators) and clients all ask this rule; none writes it again.
//!
//! In New Mexico everyone is a mandatory reporter of a child who may be abused or neglected
//! (../shared/data/reporting.md); the console cannot make the report, but it does not let a
//! record about such a child close without saying what was done.

use jiff::Timestamp;

/// Whether the person is a minor, as recorded: "yes", "no", or anything else (unknown,
/// declined), which does not trigger the rule by itself.
pub fn is_minor(minor: &str) -> bool {
    minor == "yes"
}

/// A report (or the reason there is none) is required.
pub fn report_required(minor: &str, indicators_present: bool) -> bool {
    is_minor(minor) && indicators_present
}

/// What was done about reporting: to whom and when, or why not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub reported_to: Vec<String>,
    pub reported_at: Option<Timestamp>,
    pub not_reported_reason: Option<String>,
}

impl Report {
    /// A report was made: to someone, at a time.
    pub fn made(&self) -> bool {
        !self.reported_to.is_empty() && self.reported_at.is_some()
    }

    /// The rule is satisfied: a report made, or the reason none was.
    pub fn answers_the_rule(&self) -> bool {
        self.made() || self.not_reported_reason.as_deref().is_some_and(|r| !r.trim().is_empty())
    }

    /// Nothing was recorded about reporting at all.
    pub fn is_empty(&self) -> bool {
        self.reported_to.is_empty()
            && self.reported_at.is_none()
            && self.not_reported_reason.is_none()
    }
}

/// The rule, whole: is anything missing?
pub fn missing(minor: &str, indicators_present: bool, report: &Report) -> bool {
    report_required(minor, indicators_present) && !report.answers_the_rule()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_minor_with_indicators_needs_a_report() {
        assert!(report_required("yes", true));
        assert!(!report_required("yes", false));
        assert!(!report_required("no", true));
        assert!(!report_required("unknown", true));
        assert!(!report_required("declined", true));
    }

    #[test]
    fn a_report_needs_whom_and_when_or_a_reason() {
        let mut r = Report::default();
        assert!(missing("yes", true, &r));
        r.reported_to = vec!["cyfd".into()];
        assert!(missing("yes", true, &r), "to whom without when is not a report");
        r.reported_at = Some("2026-11-28T20:00:00Z".parse().unwrap());
        assert!(!missing("yes", true, &r));
        let reason = Report { not_reported_reason: Some("Hung up".into()), ..Report::default() };
        assert!(!missing("yes", true, &reason));
        let blank = Report { not_reported_reason: Some("  ".into()), ..Report::default() };
        assert!(missing("yes", true, &blank));
        assert!(!missing("no", true, &Report::default()));
    }
}
