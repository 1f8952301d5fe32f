//! Running a screening at the person's pace: a consent step, then one item at a time with
//! single-key answers, a list to jump anywhere, a note and the answer's source on any item,
//! pause and resume, answers from earlier screenings offered for confirmation, and the result
//! (never a score while the items are asked; never the word "victim"). A minor's positive
//! result needs the reporting step before the screening closes.

use std::collections::HashMap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use crate::domain::contact::{LANGUAGES, REPORTED_TO};
use crate::domain::fields::format_local_datetime;
use crate::domain::fields::{ANSWER, FieldSpec, Kind, Options, YES_NO};
use crate::domain::record::{Raw, RuntimeOptions, Values, parse_all};
use crate::domain::screening::{Answer, Completeness, Tool};
use crate::i18n::{Lang, Msg, fill};
use crate::service::Who;
use crate::service::casework::{self, Consent};
use crate::store::screenings::{self, Given, Report, ReportSource};
use crate::ui::app::{App, Screen, Status};
use crate::ui::form::Form;
use crate::ui::keymap::{self, Action, Binding, Key};
use crate::ui::screens::{block, draw_form, wrap};
use crate::ui::theme::Theme;

const MINOR: &[(&str, Msg)] =
    &[("yes", Msg::OptYes), ("no", Msg::OptNo), ("unknown", Msg::OptUnknown)];

/// The step before the first item, when the person's age is not on a record: it is asked.
const CONSENT: &[FieldSpec] = &[
    FieldSpec::new("tool", Msg::FieldTool, Kind::One(Options::Runtime)).required(),
    FieldSpec::new("explained", Msg::FieldExplained, Kind::One(Options::Fixed(YES_NO))).required(),
    FieldSpec::new("language", Msg::FieldLanguage, Kind::One(Options::Fixed(LANGUAGES))).required(),
    FieldSpec::new("interpreter", Msg::FieldInterpreter, Kind::One(Options::Fixed(ANSWER)))
        .required(),
    FieldSpec::new("minor", Msg::FieldMinorPerson, Kind::One(Options::Fixed(MINOR))).required(),
];

/// The same step when the client record already says whether the person is a minor: the record
/// decides, and nobody can change it here.
const CONSENT_AGE_KNOWN: &[FieldSpec] = CONSENT.split_at(4).0;

/// The language the questions are asked in: the person's, where the tool has it (English or
/// Spanish); otherwise the worker's own, for the interpreter to put into the person's language.
pub fn question_lang(language: &str, interface: Lang) -> Lang {
    match language {
        "spanish" => Lang::Es,
        "english" => Lang::En,
        _ => interface,
    }
}

fn lang_name(l: Lang) -> Msg {
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
            Key::Left.label(),
            Key::Right.label(),
            Msg::ActMoveItems.text(lang)
        )))
        .collect()
}

const SOURCES: &[(&str, Msg)] =
    &[("said", Msg::SrcSaid), ("observed", Msg::SrcObserved), ("records", Msg::SrcRecords)];

const NOTE: &[FieldSpec] = &[
    FieldSpec::new("source", Msg::FieldAnswerSource, Kind::One(Options::Fixed(SOURCES))).required(),
    FieldSpec::new("note", Msg::FieldNote, Kind::Notes { max: 1000 }),
];

const REPORT: &[FieldSpec] = &[
    FieldSpec::new("reported_to", Msg::FieldReportedTo, Kind::Many(Options::Fixed(REPORTED_TO))),
    FieldSpec::new("reported_at", Msg::FieldReportedAt, Kind::DateTime),
    FieldSpec::new("not_reported_reason", Msg::FieldNotReportedReason, Kind::Line { max: 300 }),
];

pub enum SMode {
    Consent(Form),
    Item,
    List {
        selected: usize,
    },
    Note(Form),
    Result,
    Report(Form),
    /// A closed screening, read only.
    Closed,
}

/// Who is about to be screened, and what is already known of them.
pub struct Person<'a> {
    pub client_id: Option<i64>,
    pub contact_id: Option<i64>,
    pub minor: &'a str,
    /// `minor` comes from the client record (its birth date, age or age range), not a guess.
    pub age_known: bool,
    pub language: &'a str,
    pub interpreter: &'a str,
    pub age: Option<i64>,
}

pub struct ScreeningScreen {
    /// None until the consent step is done.
    pub id: Option<i64>,
    pub tool: Option<Tool>,
    pub tools: Vec<Tool>,
    pub client_id: Option<i64>,
    pub contact_id: Option<i64>,
    /// yes, no or unknown: from the client record when it says, else asked on the consent step.
    pub minor: String,
    /// The client record decided `minor`: the consent step does not ask.
    pub age_known: bool,
    /// The person's age, when known: a tool meant for other ages is flagged on the consent step.
    pub age: Option<i64>,
    /// The language the questions are asked in (the person's).
    pub lang: Lang,
    /// The question in front is shown in the other language (one key; it resets on moving).
    pub other_wording: bool,
    /// On the reporting step: the report about this person already on record, if any.
    pub report_note: Option<String>,
    pub answers: HashMap<String, Answer>,
    /// Answers from earlier screenings, shown for confirmation until answered again.
    pub earlier: HashMap<String, Answer>,
    pub current: usize,
    pub show_help: bool,
    pub mode: SMode,
}

impl ScreeningScreen {
    pub fn form(&self) -> Option<&Form> {
        match &self.mode {
            SMode::Consent(f) | SMode::Note(f) | SMode::Report(f) => Some(f),
            _ => None,
        }
    }

    pub fn form_mut(&mut self) -> Option<&mut Form> {
        match &mut self.mode {
            SMode::Consent(f) | SMode::Note(f) | SMode::Report(f) => Some(f),
            _ => None,
        }
    }

    pub fn keymap(&self) -> &'static [Binding] {
        match self.mode {
            SMode::Item => keymap::SCREEN_ITEM,
            SMode::List { .. } => keymap::SCREEN_LIST,
            SMode::Result => keymap::SCREEN_RESULT,
            SMode::Closed => keymap::OVERLAY,
            _ => keymap::FORM,
        }
    }

    pub fn title(&self) -> Msg {
        match self.mode {
            SMode::Consent(_) => Msg::TitleConsent,
            SMode::Report(_) => Msg::TitleReportStep,
            SMode::Result | SMode::Closed => Msg::TitleScreeningResult,
            _ => Msg::TitleScreening,
        }
    }

    /// A question is in front, waiting for its answer key.
    pub fn asking(&self) -> bool {
        matches!(self.mode, SMode::Item)
    }

    /// The language the question in front is shown in.
    pub fn item_lang(&self) -> Lang {
        if self.other_wording { self.lang.other() } else { self.lang }
    }

    fn consent_schema(&self) -> &'static [FieldSpec] {
        if self.age_known { CONSENT_AGE_KNOWN } else { CONSENT }
    }

    fn item_id(&self) -> Option<String> {
        self.tool.as_ref().and_then(|t| t.items.get(self.current)).map(|i| i.id.clone())
    }
}

pub use crate::domain::screening::{status_label, tool_title};

fn answer_label(a: Answer) -> Msg {
    match a {
        Answer::Yes => Msg::OptYes,
        Answer::No => Msg::OptNo,
        Answer::Declined => Msg::OptDeclined,
        Answer::Unknown => Msg::OptUnknown,
        Answer::Skipped => Msg::AnsSkipped,
        Answer::NotApplicable => Msg::AnsNotApplicable,
    }
}

impl App {
    fn screening(&mut self) -> Option<&mut ScreeningScreen> {
        match &mut self.screen {
            Screen::Screening(s) => Some(s),
            _ => None,
        }
    }

    fn screening_who(&self) -> Option<(crate::store::users::User, Option<i64>)> {
        self.session.as_ref().map(|s| (s.user.clone(), Some(s.session_id)))
    }

    /// The step before the first item: limits of confidentiality, language, interpreter.
    pub(crate) fn consent_step(&mut self, p: Person) {
        let Person { client_id, contact_id, minor, age_known, language, interpreter, age } = p;
        let now = self.now();
        let tools = match casework::screening_tools(&mut self.store, now) {
            Ok(t) => t,
            Err(e) => return self.fail(e),
        };
        let lang = self.lang;
        let mut runtime = RuntimeOptions::new();
        runtime.insert(
            "tool",
            tools.iter().map(|t| (t.id.clone(), t.title.get(lang).to_string())).collect(),
        );
        let mut raw = Raw::new();
        raw.insert("language".into(), language.into());
        raw.insert("interpreter".into(), interpreter.into());
        raw.insert("minor".into(), minor.into());
        let schema = if age_known { CONSENT_AGE_KNOWN } else { CONSENT };
        let form = Form::from_schema(schema, &raw, &runtime, lang);
        self.screen = Screen::Screening(Box::new(ScreeningScreen {
            id: None,
            tool: None,
            tools,
            client_id,
            contact_id,
            age,
            age_known,
            lang: question_lang(language, lang),
            other_wording: false,
            report_note: None,
            minor: minor.into(),
            answers: HashMap::new(),
            earlier: HashMap::new(),
            current: 0,
            show_help: false,
            mode: SMode::Consent(form),
        }));
    }

    /// Open a stored screening: resume it where it stands, or read it when closed.
    pub(crate) fn open_screening(&mut self, id: i64) {
        let Some((user, sid)) = self.screening_who() else { return };
        let who = Who { user: &user, session_id: sid };
        match casework::open_screening(&mut self.store, who, id) {
            Ok(o) => {
                let first_open = o.tool.items.iter().position(|i| !o.answers.contains_key(&i.id));
                let earlier = match (o.closed, o.client_id) {
                    (false, Some(c)) => casework::earlier_answers(&self.store, who, c, id, &o.tool),
                    _ => Ok(HashMap::new()),
                };
                // Earlier answers only help: without them the screening still goes on.
                let earlier = earlier.unwrap_or_else(|e| {
                    self.fail(e);
                    HashMap::new()
                });
                let mode = if o.closed {
                    SMode::Closed
                } else if first_open.is_some() {
                    SMode::Item
                } else {
                    SMode::Result
                };
                self.screen = Screen::Screening(Box::new(ScreeningScreen {
                    id: Some(id),
                    current: first_open.unwrap_or(0),
                    tool: Some(o.tool),
                    tools: Vec::new(),
                    client_id: o.client_id,
                    contact_id: o.contact_id,
                    age: None,
                    age_known: true,
                    lang: question_lang(&o.language, self.lang),
                    other_wording: false,
                    report_note: None,
                    minor: o.minor,
                    answers: o.answers,
                    earlier,
                    show_help: false,
                    mode,
                }));
            }
            Err(e) => self.fail(e),
        }
    }

    /// Leave the screening (its answers are already saved) for where it was started from.
    fn leave_screening(&mut self, msg: Option<Msg>) {
        let client = match &self.screen {
            Screen::Screening(s) => s.client_id,
            _ => None,
        };
        match client {
            Some(id) => self.open_client(id),
            None => self.go_home(),
        }
        if let Some(m) = msg {
            self.say(m);
        }
    }

    pub(crate) fn screening_close_form(&mut self) {
        let Some(s) = self.screening() else { return };
        match s.mode {
            SMode::Consent(_) => self.leave_screening(None),
            SMode::Note(_) => s.mode = SMode::Item,
            SMode::Report(_) => s.mode = SMode::Result,
            _ => {}
        }
    }

    pub(crate) fn screening_action(&mut self, action: Action) {
        let Some(s) = self.screening() else { return };
        match &s.mode {
            SMode::Consent(_) => match action {
                Action::Submit => self.begin_screening(),
                Action::Back => self.screening_close_form(),
                _ => {}
            },
            SMode::Item => self.item_action(action),
            SMode::List { selected } => {
                let (selected, n) = (*selected, s.tool.as_ref().map_or(0, |t| t.items.len()));
                match action {
                    Action::Up => s.mode = SMode::List { selected: selected.saturating_sub(1) },
                    Action::Down => {
                        s.mode = SMode::List { selected: (selected + 1).min(n.saturating_sub(1)) }
                    }
                    Action::Open => {
                        s.current = selected;
                        s.other_wording = false;
                        s.mode = SMode::Item;
                    }
                    Action::Back => s.mode = SMode::Item,
                    _ => {}
                }
            }
            SMode::Note(form) => match action {
                Action::Submit => {
                    let raw = form.raw();
                    self.save_note_and_source(&raw);
                }
                Action::Back => self.screening_close_form(),
                _ => {}
            },
            SMode::Result => match action {
                Action::CloseScreening => self.finish_screening(&Report::default()),
                Action::ReportStep => self.open_report_step(),
                Action::BackToItems => s.mode = SMode::Item,
                Action::Back => self.leave_screening(Some(Msg::ScreeningPaused)),
                _ => {}
            },
            SMode::Report(form) => match action {
                Action::Submit => {
                    let raw = form.raw();
                    match parse_all(REPORT, &raw, &RuntimeOptions::new()) {
                        Ok(v) => {
                            let v = Values(v);
                            let report = Report {
                                reported_to: v.many("reported_to"),
                                reported_at: v.time("reported_at"),
                                not_reported_reason: v.text("not_reported_reason"),
                            };
                            self.finish_screening(&report);
                        }
                        Err(errors) => self.show_form_errors(&errors, REPORT),
                    }
                }
                Action::Back => self.screening_close_form(),
                _ => {}
            },
            SMode::Closed => {
                if action == Action::Back {
                    self.leave_screening(None);
                }
            }
        }
    }

    fn begin_screening(&mut self) {
        let Some((user, sid)) = self.screening_who() else { return };
        let (lang, now) = (self.lang, self.now());
        let Some(s) = self.screening() else { return };
        let Some(raw) = s.form().map(Form::raw) else { return };
        let (client_id, contact_id) = (s.client_id, s.contact_id);
        let mut runtime = RuntimeOptions::new();
        runtime.insert("tool", s.tools.iter().map(|t| (t.id.clone(), String::new())).collect());
        let schema = s.consent_schema();
        let v = match parse_all(schema, &raw, &runtime) {
            Ok(v) => Values(v),
            Err(errors) => return self.show_form_errors(&errors, schema),
        };
        if v.one("explained") != "yes" {
            let e = crate::domain::fields::FieldError::new("explained", Msg::ErrExplainFirst);
            return self.show_form_errors(&[e], schema);
        }
        // The client record's age decides when it says; otherwise what was asked here.
        let minor = if s.age_known { s.minor.clone() } else { v.one("minor") };
        let who = Who { user: &user, session_id: sid };
        let consent = Consent {
            language: &v.one("language"),
            interpreter: &v.one("interpreter"),
            minor: &minor,
        };
        match casework::start_screening(
            &mut self.store,
            who,
            client_id,
            contact_id,
            &v.one("tool"),
            &consent,
            now,
        ) {
            Ok((id, tool)) => {
                let earlier = client_id
                    .map(|c| casework::earlier_answers(&self.store, who, c, id, &tool))
                    .transpose()
                    .unwrap_or_else(|e| {
                        self.fail(e);
                        None
                    })
                    .unwrap_or_default();
                if let Some(s) = self.screening() {
                    s.id = Some(id);
                    s.tool = Some(tool);
                    s.minor = minor;
                    s.lang = question_lang(&v.one("language"), lang);
                    s.other_wording = false;
                    s.earlier = earlier;
                    s.current = 0;
                    s.mode = SMode::Item;
                }
            }
            Err(e) => self.fail(e),
        }
    }

    fn give_answer(&mut self, answer: Answer, source: &str, note: Option<&str>) {
        let Some((user, sid)) = self.screening_who() else { return };
        let now = self.now();
        let Some(s) = self.screening() else { return };
        let (Some(id), Some(item)) = (s.id, s.item_id()) else { return };
        let who = Who { user: &user, session_id: sid };
        let given = Given { item: &item, answer, source, note };
        if let Err(e) = casework::answer_item(&mut self.store, who, id, &given, now) {
            return self.fail(e);
        }
        let Some(s) = self.screening() else { return };
        s.answers.insert(item.clone(), answer);
        s.earlier.remove(&item);
        s.show_help = false;
        s.other_wording = false;
        let n = s.tool.as_ref().map_or(0, |t| t.items.len());
        if s.current + 1 < n {
            s.current += 1;
        } else {
            s.mode = SMode::Result;
        }
    }

    fn item_action(&mut self, action: Action) {
        let Some(s) = self.screening() else { return };
        let n = s.tool.as_ref().map_or(0, |t| t.items.len());
        match action {
            Action::AnswerYes => self.give_answer(Answer::Yes, "said", None),
            Action::AnswerNo => self.give_answer(Answer::No, "said", None),
            Action::AnswerDeclined => self.give_answer(Answer::Declined, "said", None),
            Action::AnswerUnknown => self.give_answer(Answer::Unknown, "said", None),
            Action::AnswerSkip => self.give_answer(Answer::Skipped, "said", None),
            Action::AnswerNa => {
                let allowed = s
                    .tool
                    .as_ref()
                    .and_then(|t| t.items.get(s.current))
                    .is_some_and(|i| i.allows_na);
                if allowed {
                    self.give_answer(Answer::NotApplicable, "said", None);
                } else {
                    self.fail(crate::Error::user(Msg::ErrNoNa));
                }
            }
            // Keep an answer from an earlier screening: it came from the records.
            Action::Open => {
                if let Some(a) = s.item_id().and_then(|i| s.earlier.get(&i).copied()) {
                    self.give_answer(a, "records", None);
                }
            }
            Action::PageUp => {
                s.current = s.current.saturating_sub(1);
                s.show_help = false;
                s.other_wording = false;
            }
            Action::PageDown => {
                s.current = (s.current + 1).min(n.saturating_sub(1));
                s.show_help = false;
                s.other_wording = false;
            }
            Action::ToggleItemHelp => s.show_help = !s.show_help,
            Action::OtherWording => s.other_wording = !s.other_wording,
            Action::ItemList => s.mode = SMode::List { selected: s.current },
            Action::NoteSource => {
                let form = Form::from_schema(
                    NOTE,
                    &[("source".to_string(), "said".to_string())].into_iter().collect(),
                    &RuntimeOptions::new(),
                    self.lang,
                );
                if let Some(s) = self.screening() {
                    s.mode = SMode::Note(form);
                }
            }
            Action::Finish => s.mode = SMode::Result,
            Action::Back => self.leave_screening(Some(Msg::ScreeningPaused)),
            _ => {}
        }
    }

    fn save_note_and_source(&mut self, raw: &Raw) {
        let Some(s) = self.screening() else { return };
        let Some(item) = s.item_id() else { return };
        let Some(answer) = s.answers.get(&item).copied() else {
            let e = crate::domain::fields::FieldError::new("source", Msg::ErrAnswerFirst);
            return self.show_form_errors(&[e], NOTE);
        };
        let current = s.current;
        let v = match parse_all(NOTE, raw, &RuntimeOptions::new()) {
            Ok(v) => Values(v),
            Err(errors) => return self.show_form_errors(&errors, NOTE),
        };
        self.give_answer(answer, &v.one("source"), v.text("note").as_deref());
        if let Some(s) = self.screening() {
            s.current = current;
            s.mode = SMode::Item;
        }
    }

    /// The reporting step. A report about the same person already on record (the hotline
    /// contact that led here, or an earlier screening) is offered for confirmation.
    fn open_report_step(&mut self) {
        let Some((user, _)) = self.screening_who() else { return };
        let lang = self.lang;
        let Some(s) = self.screening() else { return };
        let (client_id, contact_id) = (s.client_id, s.contact_id);
        let earlier =
            screenings::earlier_report(self.store.conn(), user.agency_id, client_id, contact_id);
        let mut raw = Raw::new();
        let mut note = None;
        match earlier {
            Ok(Some((source, r))) => {
                let to: Vec<&str> = r
                    .reported_to
                    .iter()
                    .filter_map(|k| REPORTED_TO.iter().find(|(id, _)| id == k))
                    .map(|(_, m)| m.text(lang))
                    .collect();
                let at = r.reported_at.map(format_local_datetime).unwrap_or_default();
                let place = match source {
                    ReportSource::Contact(id) => {
                        fill(Msg::OnContactN.text(lang), &[&id.to_string()])
                    }
                    ReportSource::Screening(id) => {
                        fill(Msg::OnScreeningN.text(lang), &[&id.to_string()])
                    }
                };
                note = Some(fill(Msg::EarlierReport.text(lang), &[&place, &to.join(", "), &at]));
                raw.insert("reported_to".into(), r.reported_to.join(";"));
                raw.insert("reported_at".into(), at);
            }
            Ok(None) => {}
            Err(e) => return self.fail(e),
        }
        let form = Form::from_schema(REPORT, &raw, &RuntimeOptions::new(), lang);
        if let Some(s) = self.screening() {
            s.report_note = note;
            s.mode = SMode::Report(form);
        }
    }

    fn finish_screening(&mut self, report: &Report) {
        let Some((user, sid)) = self.screening_who() else { return };
        let now = self.now();
        let Some(s) = self.screening() else { return };
        let Some(id) = s.id else { return };
        let who = Who { user: &user, session_id: sid };
        match casework::close_screening(&mut self.store, who, id, report, now) {
            Ok(_) => self.leave_screening(Some(Msg::ScreeningClosed)),
            Err(crate::Error::User(Msg::ErrReportRequired, _)) => {
                self.open_report_step();
                self.status = Some(Status {
                    text: Msg::ErrReportRequired.text(self.lang).into(),
                    error: true,
                });
            }
            Err(e) => self.fail(e),
        }
    }
}

pub fn draw(frame: &mut Frame, area: Rect, s: &ScreeningScreen, t: Theme, lang: Lang) {
    match &s.mode {
        SMode::Consent(form) => {
            let b = block(Msg::TitleConsent, t, lang);
            let inner = b.inner(area);
            frame.render_widget(b, area);
            let age = match (s.age_known, crate::domain::reporting::is_minor(&s.minor)) {
                (false, _) => None,
                (true, true) => Some(Msg::AgeRecordMinor),
                (true, false) => Some(Msg::AgeRecordAdult),
            };
            let intro: Vec<Line> = [Msg::ConsentIntro, Msg::InterpreterWarning]
                .iter()
                .chain(age.iter())
                .flat_map(|m| wrap(m.text(lang), inner.width.saturating_sub(2) as usize))
                .map(|l| Line::raw(format!(" {l}")))
                .collect();
            let mut intro = intro;
            let chosen = form.raw().get("tool").cloned().unwrap_or_default();
            if let (Some(age), Some(tool)) = (s.age, s.tools.iter().find(|t| t.id == chosen))
                && !(tool.age_min..=tool.age_max).contains(&age)
            {
                let args = [tool.age_min.to_string(), tool.age_max.to_string(), age.to_string()];
                let text = fill(Msg::ToolAgeWarning.text(lang), &[&args[0], &args[1], &args[2]]);
                intro.extend(
                    wrap(&text, inner.width.saturating_sub(2) as usize)
                        .into_iter()
                        .map(|l| Line::from(Span::styled(format!(" {l}"), t.error()))),
                );
            }
            let h = intro.len() as u16 + 1;
            frame.render_widget(Paragraph::new(intro), Rect { height: h, ..inner });
            draw_form(
                frame,
                Rect { y: inner.y + h, height: inner.height.saturating_sub(h), ..inner },
                form,
                t,
                lang,
            );
        }
        SMode::Note(form) | SMode::Report(form) => {
            let b = block(s.title(), t, lang);
            let inner = b.inner(area);
            frame.render_widget(b, area);
            let note = match (&s.mode, &s.report_note) {
                (SMode::Report(_), Some(n)) => wrap(n, inner.width.saturating_sub(2) as usize),
                _ => Vec::new(),
            };
            let h = note.len() as u16 + 1;
            let lines: Vec<Line> = note
                .into_iter()
                .map(|l| Line::from(Span::styled(format!(" {l}"), t.key())))
                .collect();
            frame.render_widget(Paragraph::new(lines), Rect { height: h, ..inner });
            draw_form(
                frame,
                Rect { y: inner.y + h, height: inner.height.saturating_sub(h), ..inner },
                form,
                t,
                lang,
            );
        }
        SMode::Item => draw_item(frame, area, s, t, lang),
        SMode::List { selected } => draw_list(frame, area, s, *selected, t, lang),
        SMode::Result | SMode::Closed => draw_result(frame, area, s, t, lang),
    }
}

fn draw_item(frame: &mut Frame, area: Rect, s: &ScreeningScreen, t: Theme, lang: Lang) {
    let Some(tool) = &s.tool else { return };
    let Some(item) = tool.items.get(s.current) else { return };
    let title = format!(
        " {} ",
        fill(
            Msg::ItemOf.text(lang),
            &[&(s.current + 1).to_string(), &tool.items.len().to_string()]
        )
    );
    let b = block(Msg::TitleScreening, t, lang).title(Span::styled(title, t.dim()));
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let width = inner.width.saturating_sub(4) as usize;
    // The question in the person's language (or, for this one, the other: to check an
    // interpreter); everything else in the worker's.
    let shown = s.item_lang();
    let where_ = if s.other_wording {
        fill(
            Msg::ScrOtherShown.text(lang),
            &[lang_name(shown).text(lang), lang_name(s.lang).text(lang)],
        )
    } else {
        fill(
            Msg::ScrAskedIn.text(lang),
            &[lang_name(s.lang).text(lang), lang_name(s.lang.other()).text(lang)],
        )
    };
    let mut lines = vec![Line::from(Span::styled(format!("  {where_}"), t.dim())), Line::raw("")];
    let big = Style::default().add_modifier(Modifier::BOLD);
    lines.extend(
        wrap(item.text.get(shown), width)
            .into_iter()
            .map(|l| Line::from(Span::styled(format!("  {l}"), big))),
    );
    lines.push(Line::raw(""));
    if s.show_help {
        lines.extend(
            wrap(item.help.get(shown), width)
                .into_iter()
                .map(|l| Line::from(Span::styled(format!("  {l}"), t.dim()))),
        );
        lines.push(Line::raw(""));
    }
    let answer = s
        .answers
        .get(&item.id)
        .map(|a| answer_label(*a).text(lang))
        .unwrap_or(Msg::NotAskedYet.text(lang));
    lines.push(Line::raw(format!("  {}: {answer}", Msg::FieldAnswer.text(lang))));
    if let Some(a) = s.earlier.get(&item.id) {
        let text = fill(Msg::EarlierAnswer.text(lang), &[answer_label(*a).text(lang)]);
        lines.push(Line::from(Span::styled(format!("  {text}"), t.key())));
    }
    let hint = answer_hint(lang, item.allows_na);
    let hint_lines: Vec<Line> = keymap::pack(&hint, inner.width.saturating_sub(2) as usize)
        .into_iter()
        .map(|l| Line::from(Span::styled(format!(" {l}"), t.key())))
        .collect();
    let [body, keys] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(hint_lines.len() as u16)])
            .areas(inner);
    frame.render_widget(Paragraph::new(lines), body);
    frame.render_widget(Paragraph::new(hint_lines), keys);
}

fn draw_list(
    frame: &mut Frame,
    area: Rect,
    s: &ScreeningScreen,
    selected: usize,
    t: Theme,
    lang: Lang,
) {
    let Some(tool) = &s.tool else { return };
    let rows: Vec<Row> = tool
        .items
        .iter()
        .enumerate()
        .map(|(i, it)| {
            let mark = if i == selected { t.marker() } else { " " };
            let answer = s.answers.get(&it.id).map(|a| answer_label(*a).text(lang)).unwrap_or("");
            let row = Row::new(vec![
                Cell::from(format!("{mark}{}", i + 1)),
                Cell::from(it.text.get(lang).to_string()),
                Cell::from(answer),
            ]);
            if i == selected { row.style(t.focus()) } else { row }
        })
        .collect();
    let header = Row::new(
        [Msg::ColNumber, Msg::ColQuestion, Msg::FieldAnswer].map(|m| Cell::from(m.text(lang))),
    )
    .style(t.title());
    let widths = [Constraint::Length(4), Constraint::Fill(1), Constraint::Length(16)];
    frame.render_widget(
        Table::new(rows, widths).header(header).block(block(Msg::TitleItemList, t, lang)),
        area,
    );
}

fn draw_result(frame: &mut Frame, area: Rect, s: &ScreeningScreen, t: Theme, lang: Lang) {
    let Some(tool) = &s.tool else { return };
    let outcome = tool.score(&s.answers);
    let b = block(Msg::TitleScreeningResult, t, lang);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let width = inner.width.saturating_sub(4) as usize;
    let state = match outcome.completeness {
        Completeness::Complete => Msg::ScrComplete,
        Completeness::Incomplete => Msg::ScrIncompleteLong,
        Completeness::IndicatorsIncomplete => Msg::ScrIndicatorsIncomplete,
    };
    let mut lines = vec![
        Line::from(Span::styled(format!(" {}", tool.title.get(lang)), t.title())),
        Line::raw(format!(" {}", state.text(lang))),
        Line::raw(""),
    ];
    if let Some(level) = outcome.level.as_deref().and_then(|l| tool.level(l)) {
        let style = if level.positive { t.error() } else { Style::default() };
        lines.extend(
            wrap(level.text.get(lang), width)
                .into_iter()
                .map(|l| Line::from(Span::styled(format!(" {l}"), style))),
        );
        if !level.services.is_empty() {
            let names: Vec<String> = level
                .services
                .iter()
                .map(|id| {
                    crate::domain::client::SERVICES
                        .iter()
                        .find(|(i, _)| i == id)
                        .map(|(_, m)| m.text(lang).to_string())
                        .unwrap_or_else(|| id.clone())
                })
                .collect();
            lines.push(Line::raw(""));
            let text = format!("{}: {}", Msg::SuggestedServices.text(lang), names.join(", "));
            lines.extend(wrap(&text, width).into_iter().map(|l| Line::raw(format!(" {l}"))));
        }
        if crate::domain::reporting::report_required(&s.minor, level.positive) {
            lines.push(Line::raw(""));
            lines.extend(
                wrap(Msg::ReportNeeded.text(lang), width)
                    .into_iter()
                    .map(|l| Line::from(Span::styled(format!(" {l}"), t.error()))),
            );
        }
    }
    if matches!(s.mode, SMode::Closed) {
        lines.push(Line::raw(""));
        for it in &tool.items {
            let a = s
                .answers
                .get(&it.id)
                .map(|a| answer_label(*a).text(lang))
                .unwrap_or(Msg::NotAskedYet.text(lang));
            let q: String = it.text.get(lang).chars().take(width.saturating_sub(20)).collect();
            lines.push(Line::raw(format!(" {a:<14} {q}")));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
