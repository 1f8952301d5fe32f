//! Finding a service while the person waits: search as you type (a short pause after the last
//! key, never a query per frame, the first page only), filters, a detail view, and the phone
//! number copied to the user's own clipboard with OSC 52 (which works over SSH). A shelter's
//! street address is never shown unless the place allows it.

use crate::domain::ids::ServiceId;
use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::domain::contact::LANGUAGES;
use crate::domain::directory::{CATEGORIES, POPULATIONS};
use crate::domain::draft::DraftForm;
use crate::domain::fields::{FieldSpec, Kind, Options, YES_NO};
use crate::domain::record::{Raw, RuntimeOptions};
use crate::domain::referral;
use crate::i18n::{Lang, Msg};
use crate::service::{casework, resources};
use crate::store::directory::{self, Detail, Filter, Hit};
use crate::store::referrals::Subject;
use crate::ui::app::Confirm;
use crate::ui::effect::{Done, Effect, Route};
use crate::ui::keymap::{self, Action, Binding};
use crate::ui::screen::{Ctx, Page};
use crate::ui::theme::Theme;
use crate::ui::widgets::form::{Field, Form};

mod jobs;
mod view;

use jobs::{refer_form, search, service_form, show};

/// How long the search waits after the last key before it runs.
pub const DEBOUNCE: Duration = Duration::from_millis(150);
const PAGE: i64 = 15;

const FILTERS: &[FieldSpec] = &[
    FieldSpec::new("category", Msg::FieldCategory, Kind::One(Options::Fixed(CATEGORIES))),
    FieldSpec::new("area", Msg::FieldArea, Kind::One(Options::Areas)),
    FieldSpec::new("population", Msg::FieldPopulation, Kind::One(Options::Fixed(POPULATIONS))),
    FieldSpec::new("language", Msg::FieldLanguage, Kind::One(Options::Fixed(LANGUAGES))),
    FieldSpec::new("open_now", Msg::FieldOpenNow, Kind::One(Options::Fixed(YES_NO))),
    FieldSpec::new("open_24_7", Msg::FieldOpen247, Kind::One(Options::Fixed(YES_NO))),
];

pub enum DMode {
    Search,
    Filters(Form),
    Detail(Box<Detail>),
    /// The referral form for the person being referred, to this service.
    Refer {
        form: Form,
        service_id: ServiceId,
        service: String,
        to: referral::To,
        /// The person's releases in force, to rest the referral on.
        in_force: Vec<referral::InForce>,
    },
    /// A new service (`id` None) or a change to one (supervisors and administrators).
    Edit {
        form: Form,
        id: Option<ServiceId>,
    },
}

pub struct DirectoryScreen {
    /// The search box: one field.
    pub search: Form,
    pub filter: Raw,
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// When the search runs, after the last key.
    pub due: Option<Instant>,
    /// The search box's revision the results belong to.
    pub searched_rev: u64,
    pub mode: DMode,
    /// Who is being referred, when the directory was opened to refer someone.
    pub refer_for: Option<Subject>,
    /// The user may add, change and retire entries.
    pub may_edit: bool,
    /// The form revision last kept as a draft.
    pub draft_rev: u64,
    /// A form to open as the screen opens (a draft brought back).
    pending: Option<Pending>,
    /// The organisations a service form offers, as read for it.
    service_runtime: RuntimeOptions,
}

/// A directory form to open once what it needs is read, restored from a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// A service's form: new (None) or an edit.
    Service { id: Option<ServiceId>, raw: Raw, focus: usize },
    /// A referral to this service.
    Refer { service_id: ServiceId, raw: Raw, focus: usize },
}

impl DirectoryScreen {
    /// The directory, to refer `who` (a client or a hotline contact's person) when given.
    pub fn new(refer_for: Option<Subject>) -> DirectoryScreen {
        let mut search = Form::new(vec![Field::text(Msg::FieldSearchServices, 100)]);
        search.fields[0].required = false;
        DirectoryScreen {
            search,
            filter: Raw::new(),
            hits: Vec::new(),
            selected: 0,
            due: None,
            searched_rev: u64::MAX,
            mode: DMode::Search,
            refer_for,
            may_edit: false,
            draft_rev: 0,
            pending: None,
            service_runtime: RuntimeOptions::new(),
        }
    }

    /// The directory with a form brought back from a draft.
    pub fn resuming(refer_for: Option<Subject>, pending: Pending) -> DirectoryScreen {
        DirectoryScreen { pending: Some(pending), ..DirectoryScreen::new(refer_for) }
    }

    /// Search now, for what the box says and the filters.
    pub fn search_now(&self, now: jiff::Timestamp) -> Effect {
        search(self.search.text(0).to_string(), self.filter(now), self.search.revision)
    }

    /// The draft a form in front is kept under: (form, record id).
    pub fn draft_key(&self) -> Option<(DraftForm, Option<i64>)> {
        match (&self.mode, self.refer_for) {
            (DMode::Refer { .. }, Some(Subject::Client(id))) => {
                Some((DraftForm::Referral, Some(id.0)))
            }
            (DMode::Refer { .. }, Some(Subject::Contact(id))) => {
                Some((DraftForm::ReferralContact, Some(id.0)))
            }
            (DMode::Edit { id, .. }, _) => Some((DraftForm::DirService, id.map(i64::from))),
            _ => None,
        }
    }

    fn filter(&self, now: jiff::Timestamp) -> Filter {
        let v =
            |k: &str| self.filter.get(k).map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        Filter {
            category: v("category"),
            area: v("area"),
            population: v("population"),
            language: v("language"),
            open_24_7: v("open_24_7").as_deref() == Some("yes"),
            open_now: (v("open_now").as_deref() == Some("yes"))
                .then(|| crate::domain::directory::local_week_minute(now)),
        }
    }

    /// Back from the directory: to the record of the person being referred, or home.
    fn leave(&self) -> Effect {
        Effect::Go(match self.refer_for {
            Some(Subject::Client(id)) => Route::Client(id),
            Some(Subject::Contact(id)) => Route::Contact(id),
            None => Route::Home,
        })
    }

    fn search_update(&mut self, action: Action, ctx: &Ctx) -> Vec<Effect> {
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => {
                self.selected = (self.selected + 1).min(self.hits.len().saturating_sub(1))
            }
            Action::Open => {
                return self
                    .hits
                    .get(self.selected)
                    .map(|h| show(h.service_id))
                    .into_iter()
                    .collect();
            }
            Action::Filter => {
                let form =
                    Form::from_schema(FILTERS, &self.filter, &RuntimeOptions::new(), ctx.lang);
                self.mode = DMode::Filters(form);
            }
            Action::ClearFilter => {
                self.filter = Raw::new();
                return vec![self.search_now(ctx.now)];
            }
            Action::New if self.may_edit => return vec![service_form(None, None, None)],
            Action::Back => return vec![self.leave()],
            _ => {}
        }
        Vec::new()
    }

    fn detail_update(&mut self, action: Action, detail: &Detail, ctx: &Ctx) -> Vec<Effect> {
        let id = detail.hit.service_id;
        match action {
            Action::CopyPhone => vec![Effect::Copy(detail.hit.phone.clone())],
            Action::Refer => match self.refer_for {
                Some(who) => vec![refer_form(who, id, None, None)],
                None => Vec::new(),
            },
            Action::Edit if self.may_edit => vec![service_form(Some(id), None, None)],
            Action::Verify if self.may_edit => vec![Effect::run(move |store, ctx| {
                let today = crate::domain::time::local_day(ctx.now);
                resources::verify_service(store, ctx.who()?, id, today, ctx.now)?;
                Ok(Done::ServiceVerified(id))
            })],
            Action::Retire if self.may_edit => vec![Effect::Confirm(Confirm::Retire)],
            Action::Back => {
                self.mode = DMode::Search;
                Vec::new()
            }
            _ => {
                let _ = ctx;
                Vec::new()
            }
        }
    }
}

impl Page for DirectoryScreen {
    fn keymap(&self) -> &'static [Binding] {
        match (&self.mode, self.may_edit, self.refer_for.is_some()) {
            (DMode::Search, false, _) => keymap::DIRECTORY,
            (DMode::Search, true, _) => keymap::DIRECTORY_ADMIN,
            (DMode::Detail(_), false, false) => keymap::DIRECTORY_DETAIL,
            (DMode::Detail(_), false, true) => keymap::DIRECTORY_DETAIL_REFER,
            (DMode::Detail(_), true, false) => keymap::DIRECTORY_DETAIL_ADMIN,
            (DMode::Detail(_), true, true) => keymap::DIRECTORY_DETAIL_ADMIN_REFER,
            _ => keymap::FORM,
        }
    }

    fn help_note(&self) -> Option<Msg> {
        match self.mode {
            DMode::Search => Some(Msg::DirMarksHelp),
            DMode::Detail(_) => Some(Msg::ClipboardHelp),
            _ => None,
        }
    }

    /// A service with no phone offers no copy.
    fn offers(&self, action: Action) -> bool {
        match (&self.mode, action) {
            (DMode::Detail(d), Action::CopyPhone) => d.hit.phone.is_some(),
            _ => true,
        }
    }

    fn title(&self) -> Msg {
        match self.mode {
            DMode::Search if self.refer_for.is_some() => Msg::TitleRefer,
            DMode::Search => Msg::TitleDirectory,
            DMode::Filters(_) => Msg::TitleFilter,
            DMode::Detail(_) => Msg::TitleService,
            DMode::Refer { .. } => Msg::TitleRefer,
            DMode::Edit { id: None, .. } => Msg::TitleNewService,
            DMode::Edit { .. } => Msg::TitleEditService,
        }
    }

    fn form(&self) -> Option<&Form> {
        match &self.mode {
            DMode::Search => Some(&self.search),
            DMode::Filters(f) | DMode::Refer { form: f, .. } | DMode::Edit { form: f, .. } => {
                Some(f)
            }
            DMode::Detail(_) => None,
        }
    }

    fn form_mut(&mut self) -> Option<&mut Form> {
        match &mut self.mode {
            DMode::Search => Some(&mut self.search),
            DMode::Filters(f) | DMode::Refer { form: f, .. } | DMode::Edit { form: f, .. } => {
                Some(f)
            }
            DMode::Detail(_) => None,
        }
    }

    /// The first page of services, and a form brought back from a draft.
    fn enter(&mut self, ctx: &Ctx) -> Vec<Effect> {
        self.may_edit = ctx.user.as_ref().is_some_and(|u| u.role.edits_directory());
        let pending = match self.pending.take() {
            Some(Pending::Service { id, raw, focus }) => {
                Some(service_form(id, Some(raw), Some(focus)))
            }
            Some(Pending::Refer { service_id, raw, focus }) => {
                self.refer_for.map(|who| refer_form(who, service_id, Some(raw), Some(focus)))
            }
            None => None,
        };
        std::iter::once(self.search_now(ctx.now)).chain(pending).collect()
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Vec<Effect> {
        match &self.mode {
            DMode::Search => self.search_update(action, ctx),
            DMode::Filters(form) => match action {
                Action::Submit => {
                    self.filter = form.raw();
                    self.mode = DMode::Search;
                    vec![self.search_now(ctx.now)]
                }
                Action::Back => {
                    self.mode = DMode::Search;
                    Vec::new()
                }
                _ => Vec::new(),
            },
            DMode::Refer { form, service_id, to, in_force, .. } => match action {
                Action::Submit => {
                    let (Some(subject), service_id) = (self.refer_for, *service_id) else {
                        return Vec::new();
                    };
                    match referral::Referral::from_raw(&form.raw(), in_force, to, ctx.lang) {
                        Ok(r) => vec![Effect::run(move |store, ctx| {
                            casework::refer(store, ctx.who()?, subject, service_id, &r, ctx.now)?;
                            Ok(Done::Said(crate::ui::screens::referrals::saved_text(&r, ctx.lang)))
                        })],
                        Err(errors) => vec![Effect::FormErrors(errors, referral::FIELDS)],
                    }
                }
                Action::Back => vec![Effect::LeaveForm],
                _ => Vec::new(),
            },
            DMode::Edit { form, id } => match action {
                Action::Submit => {
                    let (raw, id, runtime) = (form.raw(), *id, self.service_runtime.clone());
                    match directory::service_from_raw(&raw, &runtime) {
                        Ok(input) => vec![Effect::run(move |store, ctx| {
                            let saved =
                                resources::save_service(store, ctx.who()?, id, &input, ctx.now)?;
                            Ok(Done::ServiceSaved(saved))
                        })],
                        Err(errors) => vec![Effect::FormErrors(errors, directory::SERVICE_FIELDS)],
                    }
                }
                Action::Back => vec![Effect::LeaveForm],
                _ => Vec::new(),
            },
            DMode::Detail(detail) => {
                let detail = detail.clone();
                self.detail_update(action, &detail, ctx)
            }
        }
    }

    fn on_done(&mut self, done: Done, ctx: &Ctx) -> Vec<Effect> {
        match done {
            Done::Hits(hits, rev) => {
                self.hits = hits;
                self.selected = 0;
                self.due = None;
                self.searched_rev = rev;
            }
            Done::ServiceDetail(detail) => self.mode = DMode::Detail(detail),
            Done::ServiceForm(form, id, focus, runtime) => {
                self.service_runtime = *runtime;
                self.mode = DMode::Edit { form: *form, id };
                self.restored(focus);
            }
            Done::ReferForm(mode, focus) => {
                self.mode = *mode;
                self.restored(focus);
            }
            Done::Said(text) => return vec![self.leave(), Effect::SayText(text)],
            Done::ServiceSaved(id) => {
                self.mode = DMode::Search;
                self.searched_rev = u64::MAX;
                return vec![self.search_now(ctx.now), show(id), Effect::Say(Msg::ServiceSavedDir)];
            }
            Done::ServiceVerified(id) => return vec![show(id), Effect::Say(Msg::ServiceVerified)],
            Done::Saved(msg) => {
                self.mode = DMode::Search;
                return vec![self.search_now(ctx.now), Effect::Say(msg)];
            }
            Done::DraftKept(rev) => self.draft_rev = rev,
            _ => {}
        }
        Vec::new()
    }

    /// Retire the service in the detail view (the user said yes).
    fn on_confirm(&mut self, confirm: Confirm, _ctx: &Ctx) -> Vec<Effect> {
        let (Confirm::Retire, DMode::Detail(detail)) = (confirm, &self.mode) else {
            return Vec::new();
        };
        let id = detail.hit.service_id;
        vec![Effect::run(move |store, ctx| {
            resources::retire_service(store, ctx.who()?, id, ctx.now)?;
            Ok(Done::Saved(Msg::ServiceRetired))
        })]
    }

    /// Leave a form: the referral and filter forms go back to the search, an edit to the
    /// service (or the search for a new one).
    fn discard(&mut self, _ctx: &Ctx) -> Vec<Effect> {
        let back_to = match &self.mode {
            DMode::Refer { service_id, .. } => Some(*service_id),
            DMode::Edit { id, .. } => *id,
            _ => None,
        };
        self.mode = DMode::Search;
        back_to.map(show).into_iter().collect()
    }

    /// Keep the referral or service form in front as a draft when it changed.
    fn draft(&mut self, _ctx: &Ctx) -> Vec<Effect> {
        let (Some((name, id)), Some(form)) = (self.draft_key(), self.form()) else {
            return Vec::new();
        };
        let service_id = match &self.mode {
            DMode::Refer { service_id, .. } => Some(*service_id),
            _ => None,
        };
        let extra = Some(("service_id", serde_json::json!(service_id)));
        Effect::keep_draft(name, id, form, self.draft_rev, extra).into_iter().collect()
    }

    /// After a key: a changed search box schedules the search a moment later.
    fn after_input(&mut self, now: Instant) {
        if matches!(self.mode, DMode::Search)
            && self.search.revision != self.searched_rev
            && self.due.is_none()
        {
            self.due = Some(now + DEBOUNCE);
        }
    }

    fn due(&self) -> Option<Instant> {
        self.due
    }

    /// The search, once its moment has come.
    fn tick(&mut self, now: Instant, ctx: &Ctx) -> Vec<Effect> {
        match self.due {
            Some(t) if t <= now => vec![self.search_now(ctx.now)],
            _ => Vec::new(),
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, t: Theme, lang: Lang) {
        view::draw(frame, area, self, t, lang)
    }
}

impl DirectoryScreen {
    /// A form brought back from a draft: its field in focus, and changed.
    fn restored(&mut self, focus: Option<usize>) {
        let Some(focus) = focus else {
            self.draft_rev = 0;
            return;
        };
        if let Some(f) = self.form_mut() {
            f.focus_on(focus);
            f.dirty = true;
        }
        self.draft_rev = self.form().map_or(0, |f| f.revision);
    }
}

#[cfg(test)]
mod tests;
