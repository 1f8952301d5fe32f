//! The screening's forms (the consent step, a note and its source, the reporting step), the
//! language its questions are asked in, and the answer keys shown under a question.

use crate::domain::contact::{LANGUAGES, REPORTED_TO};
use crate::domain::fields::{ANSWER, FieldSpec, Kind, Options, YES_NO, format_local_datetime};
use crate::domain::ids::{ClientId, ContactId};
use crate::domain::record::{Raw, RuntimeOptions};
use crate::i18n::{Lang, Msg, fill};
use crate::store::screenings::{Report, ReportSource};
use crate::ui::keymap::{self, Action, Key};
use crate::ui::widgets::form::Form;

const MINOR: &[(&str, Msg)] =
    &[("yes", Msg::OptYes), ("no", Msg::OptNo), ("unknown", Msg::OptUnknown)];

/// The step before the first item, when the person's age is not on a record: it is asked.
pub(super) const CONSENT: &[FieldSpec] = &[
    FieldSpec::new("tool", Msg::FieldTool, Kind::One(Options::Runtime)).required(),
    FieldSpec::new("explained", Msg::FieldExplained, Kind::One(Options::Fixed(YES_NO))).required(),
    FieldSpec::new("language", Msg::FieldLanguage, Kind::One(Options::Fixed(LANGUAGES))).required(),
    FieldSpec::new("interpreter", Msg::FieldInterpreter, Kind::One(Options::Fixed(ANSWER)))
        .required(),
    FieldSpec::new("minor", Msg::FieldMinorPerson, Kind::One(Options::Fixed(MINOR))).required(),
];

/// The same step when the client record already says whether the person is a minor: the record
/// decides, and nobody can change it here.
pub(super) const CONSENT_AGE_KNOWN: &[FieldSpec] = CONSENT.split_at(4).0;

/// The language the questions are asked in: the person's, where the tool has it (English or
/// Spanish); otherwise the worker's own, for the interpreter to put into the person's language.
pub fn question_lang(language: &str, interface: Lang) -> Lang {
    match language {
        "spanish" => Lang::Es,
        "english" => Lang::En,
        _ => interface,
    }
}

pub(in crate::ui::screens) fn lang_name(l: Lang) -> Msg {
    match l {
        Lang::En => Msg::InLangEn,
        Lang::Es => Msg::InLangEs,
    }
}

/// The answer keys under a question, made from the key table: "y/s Yes", "n No", "r ..." and
/// the keys that move between questions.
pub fn answer_hint(lang: Lang, allows_na: bool) -> Vec<String> {
    keymap::SCREEN_ITEM
        .iter()
        .filter(|b| keymap::is_answer(b.action) && (allows_na || b.action != Action::AnswerNa))
        .flat_map(|b| keymap::hint_entries([b], lang))
        .chain(std::iter::once(format!(
            "{}/{} {}",
            Key::Left.label(lang),
            Key::Right.label(lang),
            Msg::ActMoveItems.text(lang)
        )))
        .collect()
}

const SOURCES: &[(&str, Msg)] =
    &[("said", Msg::SrcSaid), ("observed", Msg::SrcObserved), ("records", Msg::SrcRecords)];

pub(super) const NOTE: &[FieldSpec] = &[
    FieldSpec::new("source", Msg::FieldAnswerSource, Kind::One(Options::Fixed(SOURCES))).required(),
    FieldSpec::new("note", Msg::FieldNote, Kind::Notes { max: 1000 }),
];

pub(super) const REPORT: &[FieldSpec] = &[
    FieldSpec::new("reported_to", Msg::FieldReportedTo, Kind::Many(Options::Fixed(REPORTED_TO)))
        .stamps("reported_at"),
    FieldSpec::new("reported_at", Msg::FieldReportedAt, Kind::DateTime),
    FieldSpec::new("not_reported_reason", Msg::FieldNotReportedReason, Kind::Line { max: 300 }),
];

/// The reporting step's form, and what it says first: a report about the same person already
/// on record, filled in for confirmation.
pub(super) fn report_form(
    earlier: Option<(ReportSource, Report)>,
    lang: Lang,
) -> (Option<String>, Form) {
    let mut raw = Raw::new();
    let note = earlier.map(|(source, r)| {
        let to: Vec<&str> = r
            .reported_to
            .iter()
            .filter_map(|k| REPORTED_TO.iter().find(|(id, _)| id == k))
            .map(|(_, m)| m.text(lang))
            .collect();
        let at = r.reported_at.map(format_local_datetime).unwrap_or_default();
        let place = match source {
            ReportSource::Contact(id) => fill(Msg::OnContactN.text(lang), &[&id.to_string()]),
            ReportSource::Screening(id) => fill(Msg::OnScreeningN.text(lang), &[&id.to_string()]),
        };
        raw.insert("reported_to".into(), r.reported_to.join(";"));
        raw.insert("reported_at".into(), at.clone());
        fill(Msg::EarlierReport.text(lang), &[&place, &to.join(", "), &at])
    });
    (note, Form::from_schema(REPORT, &raw, &RuntimeOptions::new(), lang))
}

/// Who is about to be screened, and what is already known of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub client_id: Option<ClientId>,
    pub contact_id: Option<ContactId>,
    pub minor: String,
    /// `minor` comes from the client record (its birth date, age or age range), not a guess.
    pub age_known: bool,
    pub language: String,
    pub interpreter: String,
    pub age: Option<i64>,
}
