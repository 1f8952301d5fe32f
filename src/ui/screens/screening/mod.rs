//! Running a screening at the person's pace: a consent step, then one item at a time with
//! single-key answers, a list to jump anywhere, a note and the answer's source on any item,
//! pause and resume, answers from earlier screenings offered for confirmation, and the result
//! (never a score while the items are asked; never the word "victim"). A minor's positive
//! result needs the reporting step before the screening closes.

use std::collections::HashMap;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::domain::fields::FieldSpec;
use crate::domain::ids::{ClientId, ContactId, ScreeningId};
use crate::domain::record::{Raw, RuntimeOptions, Values, parse_all};
use crate::domain::screening::{Answer, Tool};
use crate::i18n::{Lang, Msg};
use crate::service::casework::{self, Consent};
use crate::store::screenings::{self, Given, Report, ReportSource};
use crate::ui::effect::{Done, Effect, Route};
use crate::ui::keymap::{self, Action, Binding};
use crate::ui::screen::{Ctx, Page};
use crate::ui::theme::Theme;
use crate::ui::widgets::form::Form;

mod forms;
mod view;

pub(super) use forms::lang_name;
use forms::{CONSENT, CONSENT_AGE_KNOWN, NOTE, REPORT};
pub use forms::{Person, answer_hint, question_lang};

pub enum SMode {
    /// The screening is being read from the store.
    Opening,
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

pub struct ScreeningScreen {
    /// None until the consent step is done.
    pub id: Option<ScreeningId>,
    pub tool: Option<Tool>,
    pub tools: Vec<Tool>,
    pub client_id: Option<ClientId>,
    pub contact_id: Option<ContactId>,
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
    /// A new screening of `p`: the consent step, once the tools on offer are read.
    pub fn starting(p: Person, lang: Lang) -> ScreeningScreen {
        let mut raw = Raw::new();
        raw.insert("language".into(), p.language.clone());
        raw.insert("interpreter".into(), p.interpreter.clone());
        raw.insert("minor".into(), p.minor.clone());
        let schema = if p.age_known { CONSENT_AGE_KNOWN } else { CONSENT };
        ScreeningScreen {
            id: None,
            tool: None,
            tools: Vec::new(),
            client_id: p.client_id,
            contact_id: p.contact_id,
            age: p.age,
            age_known: p.age_known,
            lang: question_lang(&p.language, lang),
            other_wording: false,
            report_note: None,
            minor: p.minor,
            answers: HashMap::new(),
            earlier: HashMap::new(),
            current: 0,
            show_help: false,
            mode: SMode::Consent(Form::from_schema(schema, &raw, &RuntimeOptions::new(), lang)),
        }
    }

    /// A stored screening: resumed where it stands, or read when closed.
    pub fn opening(id: ScreeningId, lang: Lang) -> ScreeningScreen {
        let person = Person {
            client_id: None,
            contact_id: None,
            minor: "unknown".into(),
            age_known: true,
            language: String::new(),
            interpreter: String::new(),
            age: None,
        };
        ScreeningScreen {
            id: Some(id),
            mode: SMode::Opening,
            ..ScreeningScreen::starting(person, lang)
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

    fn items(&self) -> usize {
        self.tool.as_ref().map_or(0, |t| t.items.len())
    }

    /// Leave (every answer is already saved) for where the screening was started from.
    fn leave(&self, msg: Option<Msg>) -> Vec<Effect> {
        let to = self.client_id.map_or(Route::Home, Route::Client);
        std::iter::once(Effect::Go(to)).chain(msg.map(Effect::Say)).collect()
    }

    /// The consent step done: the screening starts with the tool chosen.
    fn begin(&mut self, ctx: &Ctx) -> Vec<Effect> {
        let Some(raw) = self.form().map(Form::raw) else { return Vec::new() };
        let mut runtime = RuntimeOptions::new();
        runtime.insert("tool", self.tools.iter().map(|t| (t.id.clone(), String::new())).collect());
        let schema = self.consent_schema();
        let v = match parse_all(schema, &raw, &runtime) {
            Ok(v) => Values(v),
            Err(errors) => return vec![Effect::FormErrors(errors, schema)],
        };
        if v.one("explained") != "yes" {
            let e = crate::domain::fields::FieldError::new("explained", Msg::ErrExplainFirst);
            return vec![Effect::FormErrors(vec![e], schema)];
        }
        // The client record's age decides when it says; otherwise what was asked here.
        self.minor = if self.age_known { self.minor.clone() } else { v.one("minor") };
        self.lang = question_lang(&v.one("language"), ctx.lang);
        let (client_id, contact_id, minor) = (self.client_id, self.contact_id, self.minor.clone());
        let (tool_id, language, interpreter) =
            (v.one("tool"), v.one("language"), v.one("interpreter"));
        vec![Effect::run(move |store, ctx| {
            let who = ctx.who()?;
            let consent = Consent { language: &language, interpreter: &interpreter, minor: &minor };
            let (id, tool) = casework::start_screening(
                store, who, client_id, contact_id, &tool_id, &consent, ctx.now,
            )?;
            let earlier = match client_id {
                Some(c) => casework::earlier_answers(store, who, c, id, &tool)?,
                None => HashMap::new(),
            };
            Ok(Done::ScreeningStarted { id, tool: Box::new(tool), earlier })
        })]
    }

    /// Record `answer` to the question in front (said by the person unless `source` says).
    fn answer(&self, answer: Answer, source: &'static str, note: Option<String>) -> Vec<Effect> {
        let (Some(id), Some(item)) = (self.id, self.item_id()) else { return Vec::new() };
        let source = source.to_string();
        vec![Effect::run(move |store, ctx| {
            let given = Given { item: &item, answer, source: &source, note: note.as_deref() };
            casework::answer_item(store, ctx.who()?, id, &given, ctx.now)?;
            Ok(Done::Answered { item, answer, stay: note.is_some() })
        })]
    }

    fn item_update(&mut self, action: Action, ctx: &Ctx) -> Vec<Effect> {
        let n = self.items();
        let moved = |s: &mut ScreeningScreen| {
            s.show_help = false;
            s.other_wording = false;
        };
        match action {
            Action::AnswerYes => return self.answer(Answer::Yes, "said", None),
            Action::AnswerNo => return self.answer(Answer::No, "said", None),
            Action::AnswerDeclined => return self.answer(Answer::Declined, "said", None),
            Action::AnswerUnknown => return self.answer(Answer::Unknown, "said", None),
            Action::AnswerSkip => return self.answer(Answer::Skipped, "said", None),
            Action::AnswerNa => {
                let allowed = self
                    .tool
                    .as_ref()
                    .and_then(|t| t.items.get(self.current))
                    .is_some_and(|i| i.allows_na);
                return if allowed {
                    self.answer(Answer::NotApplicable, "said", None)
                } else {
                    vec![Effect::Fail(crate::Error::user(Msg::ErrNoNa))]
                };
            }
            // Keep an answer from an earlier screening: it came from the records.
            Action::Open => {
                if let Some(a) = self.item_id().and_then(|i| self.earlier.get(&i).copied()) {
                    return self.answer(a, "records", None);
                }
            }
            Action::PageUp => {
                self.current = self.current.saturating_sub(1);
                moved(self);
            }
            Action::PageDown => {
                self.current = (self.current + 1).min(n.saturating_sub(1));
                moved(self);
            }
            Action::ToggleItemHelp => self.show_help = !self.show_help,
            Action::OtherWording => self.other_wording = !self.other_wording,
            Action::ItemList => self.mode = SMode::List { selected: self.current },
            Action::NoteSource => {
                let raw = [("source".to_string(), "said".to_string())].into_iter().collect();
                self.mode =
                    SMode::Note(Form::from_schema(NOTE, &raw, &RuntimeOptions::new(), ctx.lang));
            }
            Action::Finish => self.mode = SMode::Result,
            Action::Back => return self.leave(Some(Msg::ScreeningPaused)),
            _ => {}
        }
        Vec::new()
    }

    /// The note and source of the question in front, kept with its answer.
    fn note_and_source(&self, raw: &Raw) -> Vec<Effect> {
        let Some(answer) = self.item_id().and_then(|i| self.answers.get(&i).copied()) else {
            let e = crate::domain::fields::FieldError::new("source", Msg::ErrAnswerFirst);
            return vec![Effect::FormErrors(vec![e], NOTE)];
        };
        let v = match parse_all(NOTE, raw, &RuntimeOptions::new()) {
            Ok(v) => Values(v),
            Err(errors) => return vec![Effect::FormErrors(errors, NOTE)],
        };
        let source = match v.one("source").as_str() {
            "observed" => "observed",
            "records" => "records",
            _ => "said",
        };
        self.answer(answer, source, Some(v.text("note").unwrap_or_default()))
    }

    /// Close with `report`: a minor with indicators needs it (or why not) first.
    fn finish(&self, report: Report) -> Vec<Effect> {
        let Some(id) = self.id else { return Vec::new() };
        vec![Effect::run(move |store, ctx| {
            match casework::close_screening(store, ctx.who()?, id, &report, ctx.now) {
                Ok(_) => Ok(Done::ScreeningClosed),
                Err(crate::Error::User(Msg::ErrReportRequired, _)) => Ok(Done::ReportRequired),
                Err(e) => Err(e),
            }
        })]
    }

    /// The reporting step, with a report about the same person already on record (the
    /// hotline contact that led here, or an earlier screening) offered for confirmation.
    fn report_step(&self) -> Effect {
        let (client_id, contact_id) = (self.client_id, self.contact_id);
        Effect::run(move |store, ctx| {
            let agency = ctx.who()?.user.agency_id;
            let earlier = screenings::earlier_report(store.conn(), agency, client_id, contact_id)?;
            Ok(Done::EarlierReport(earlier))
        })
    }

    fn show_report_step(&mut self, earlier: Option<(ReportSource, Report)>, lang: Lang) {
        let (note, form) = forms::report_form(earlier, lang);
        self.report_note = note;
        self.mode = SMode::Report(form);
    }
}

pub use crate::domain::screening::tool_title;

impl Page for ScreeningScreen {
    fn keymap(&self) -> &'static [Binding] {
        match self.mode {
            SMode::Item => keymap::SCREEN_ITEM,
            SMode::List { .. } => keymap::SCREEN_LIST,
            SMode::Result => keymap::SCREEN_RESULT,
            SMode::Closed | SMode::Opening => keymap::OVERLAY,
            _ => keymap::FORM,
        }
    }

    fn title(&self) -> Msg {
        match self.mode {
            SMode::Consent(_) => Msg::TitleConsent,
            SMode::Report(_) => Msg::TitleReportStep,
            SMode::Result | SMode::Closed => Msg::TitleScreeningResult,
            _ => Msg::TitleScreening,
        }
    }

    fn form(&self) -> Option<&Form> {
        match &self.mode {
            SMode::Consent(f) | SMode::Note(f) | SMode::Report(f) => Some(f),
            _ => None,
        }
    }

    fn form_mut(&mut self) -> Option<&mut Form> {
        match &mut self.mode {
            SMode::Consent(f) | SMode::Note(f) | SMode::Report(f) => Some(f),
            _ => None,
        }
    }

    /// A new screening reads the tools on offer (recording the shipped ones); a stored one
    /// is opened (audited) with the earlier answers to offer.
    fn enter(&mut self, _ctx: &Ctx) -> Vec<Effect> {
        match (&self.mode, self.id) {
            (SMode::Opening, Some(id)) => vec![Effect::run(move |store, ctx| {
                let who = ctx.who()?;
                let opened = casework::open_screening(store, who, id)?;
                let earlier = match (opened.closed, opened.client_id) {
                    (false, Some(c)) => casework::earlier_answers(store, who, c, id, &opened.tool)?,
                    _ => HashMap::new(),
                };
                Ok(Done::ScreeningOpened(Box::new(opened), earlier))
            })],
            _ => vec![Effect::run(|store, ctx| {
                Ok(Done::Tools(casework::screening_tools(store, ctx.now)?))
            })],
        }
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Vec<Effect> {
        match &self.mode {
            SMode::Opening => Vec::new(),
            SMode::Consent(_) => match action {
                Action::Submit => self.begin(ctx),
                Action::Back => vec![Effect::LeaveForm],
                _ => Vec::new(),
            },
            SMode::Item => self.item_update(action, ctx),
            SMode::List { selected } => {
                let (selected, n) = (*selected, self.items());
                match action {
                    Action::Up => self.mode = SMode::List { selected: selected.saturating_sub(1) },
                    Action::Down => {
                        self.mode =
                            SMode::List { selected: (selected + 1).min(n.saturating_sub(1)) }
                    }
                    Action::Open => {
                        self.current = selected;
                        self.other_wording = false;
                        self.mode = SMode::Item;
                    }
                    Action::Back => self.mode = SMode::Item,
                    _ => {}
                }
                Vec::new()
            }
            SMode::Note(form) => match action {
                Action::Submit => self.note_and_source(&form.raw()),
                Action::Back => vec![Effect::LeaveForm],
                _ => Vec::new(),
            },
            SMode::Result => match action {
                Action::CloseScreening => self.finish(Report::default()),
                Action::ReportStep => vec![self.report_step()],
                Action::BackToItems => {
                    self.mode = SMode::Item;
                    Vec::new()
                }
                Action::Back => self.leave(Some(Msg::ScreeningPaused)),
                _ => Vec::new(),
            },
            SMode::Report(form) => match action {
                Action::Submit => match parse_all(REPORT, &form.raw(), &RuntimeOptions::new()) {
                    Ok(v) => {
                        let v = Values(v);
                        self.finish(Report {
                            reported_to: v.many("reported_to"),
                            reported_at: v.time("reported_at"),
                            not_reported_reason: v.text("not_reported_reason"),
                        })
                    }
                    Err(errors) => vec![Effect::FormErrors(errors, REPORT)],
                },
                Action::Back => vec![Effect::LeaveForm],
                _ => Vec::new(),
            },
            SMode::Closed if action == Action::Back => self.leave(None),
            SMode::Closed => Vec::new(),
        }
    }

    fn on_done(&mut self, done: Done, ctx: &Ctx) -> Vec<Effect> {
        match done {
            Done::Tools(tools) => {
                let raw = self.form().map(Form::raw).unwrap_or_default();
                let mut runtime = RuntimeOptions::new();
                let titles =
                    tools.iter().map(|t| (t.id.clone(), t.title.get(ctx.lang).to_string()));
                runtime.insert("tool", titles.collect());
                let schema = self.consent_schema();
                self.mode = SMode::Consent(Form::from_schema(schema, &raw, &runtime, ctx.lang));
                self.tools = tools;
            }
            Done::ScreeningOpened(o, earlier) => {
                let first_open = o.tool.items.iter().position(|i| !o.answers.contains_key(&i.id));
                self.mode = match (o.closed, first_open) {
                    (true, _) => SMode::Closed,
                    (false, Some(_)) => SMode::Item,
                    (false, None) => SMode::Result,
                };
                self.current = first_open.unwrap_or(0);
                self.client_id = o.client_id;
                self.contact_id = o.contact_id;
                self.lang = question_lang(&o.language, ctx.lang);
                self.minor = o.minor;
                self.answers = o.answers;
                self.tool = Some(o.tool);
                self.earlier = earlier;
            }
            Done::ScreeningStarted { id, tool, earlier } => {
                self.id = Some(id);
                self.tool = Some(*tool);
                self.other_wording = false;
                self.earlier = earlier;
                self.current = 0;
                self.mode = SMode::Item;
            }
            Done::Answered { item, answer, stay } => {
                self.answers.insert(item.clone(), answer);
                self.earlier.remove(&item);
                self.show_help = false;
                self.other_wording = false;
                if stay {
                    // A note and source were added to an answer: back to the same question.
                    self.mode = SMode::Item;
                } else if self.current + 1 < self.items() {
                    self.current += 1;
                } else {
                    self.mode = SMode::Result;
                }
            }
            Done::ScreeningClosed => return self.leave(Some(Msg::ScreeningClosed)),
            Done::ReportRequired => {
                return vec![
                    self.report_step(),
                    Effect::Fail(crate::Error::user(Msg::ErrReportRequired)),
                ];
            }
            Done::EarlierReport(earlier) => self.show_report_step(earlier, ctx.lang),
            _ => {}
        }
        Vec::new()
    }

    fn discard(&mut self, _ctx: &Ctx) -> Vec<Effect> {
        match self.mode {
            SMode::Consent(_) => return self.leave(None),
            SMode::Note(_) => self.mode = SMode::Item,
            SMode::Report(_) => self.mode = SMode::Result,
            _ => {}
        }
        Vec::new()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, t: Theme, lang: Lang) {
        view::draw(frame, area, self, t, lang)
    }
}

#[cfg(test)]
mod tests;
