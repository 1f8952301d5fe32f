//! Finding a service while the person waits: search as you type (a short pause after the last
//! key, never a query per frame, the first page only), filters, a detail view, and the phone
//! number copied to the user's own clipboard with OSC 52 (which works over SSH). A shelter's
//! street address is never shown unless the place allows it.

use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use crate::domain::contact::LANGUAGES;
use crate::domain::directory::{CATEGORIES, POPULATIONS, label};
use crate::domain::fields::{FieldSpec, Kind, Options, YES_NO};
use crate::domain::record::{Raw, RuntimeOptions};
use crate::domain::referral;
use crate::i18n::{Lang, Msg, fill};
use crate::store::directory::{self, Detail, Filter, Hit};
use crate::store::referrals::Subject;
use crate::ui::app::{App, Screen};
use crate::ui::form::{Field, Form};
use crate::ui::keymap::{self, Action, Binding};
use crate::ui::screens::{block, draw_form, form_panel, wrap};
use crate::ui::theme::Theme;

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
        service_id: i64,
        service: String,
        to_law_enforcement: bool,
    },
    /// A new service (`id` None) or a change to one (supervisors and administrators).
    Edit {
        form: Form,
        id: Option<i64>,
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
}

impl DirectoryScreen {
    pub fn form(&self) -> Option<&Form> {
        match &self.mode {
            DMode::Search => Some(&self.search),
            DMode::Filters(f) | DMode::Refer { form: f, .. } | DMode::Edit { form: f, .. } => {
                Some(f)
            }
            DMode::Detail(_) => None,
        }
    }

    pub fn form_mut(&mut self) -> Option<&mut Form> {
        match &mut self.mode {
            DMode::Search => Some(&mut self.search),
            DMode::Filters(f) | DMode::Refer { form: f, .. } | DMode::Edit { form: f, .. } => {
                Some(f)
            }
            DMode::Detail(_) => None,
        }
    }

    pub fn keymap(&self) -> &'static [Binding] {
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

    pub fn title(&self) -> Msg {
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

    /// The draft a form in front is kept under: (form, record id).
    pub fn draft_key(&self) -> Option<(&'static str, Option<i64>)> {
        match (&self.mode, self.refer_for) {
            (DMode::Refer { .. }, Some(Subject::Client(id))) => Some(("referral", Some(id))),
            (DMode::Refer { .. }, Some(Subject::Contact(id))) => {
                Some(("referral_contact", Some(id)))
            }
            (DMode::Edit { id, .. }, _) => Some(("dir_service", *id)),
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
}

impl App {
    fn directory(&mut self) -> Option<&mut DirectoryScreen> {
        match &mut self.screen {
            Screen::Directory(d) => Some(d),
            _ => None,
        }
    }

    pub(crate) fn open_directory(&mut self) {
        self.open_directory_for(None);
    }

    /// The directory, to refer `who` (a client or a hotline contact's person) when given.
    pub(crate) fn open_directory_for(&mut self, who: Option<Subject>) {
        let may_edit = self.session.as_ref().is_some_and(|s| s.user.role.edits_directory());
        let search = Form::new(vec![Field::text(Msg::FieldSearchServices, 100)]);
        let mut d = DirectoryScreen {
            search,
            filter: Raw::new(),
            hits: Vec::new(),
            selected: 0,
            due: None,
            searched_rev: u64::MAX,
            mode: DMode::Search,
            refer_for: who,
            may_edit,
            draft_rev: 0,
        };
        d.search.fields[0].required = false;
        self.screen = Screen::Directory(Box::new(d));
        self.run_search();
    }

    /// After a key: a changed search box schedules the search a moment later.
    pub(crate) fn schedule_search(&mut self, now: Instant) {
        if let Some(d) = self.directory()
            && matches!(d.mode, DMode::Search)
            && d.search.revision != d.searched_rev
            && d.due.is_none()
        {
            d.due = Some(now + DEBOUNCE);
        }
    }

    /// How long until a scheduled search is due (None: nothing scheduled).
    pub fn search_due_in(&self, now: Instant) -> Option<Duration> {
        match &self.screen {
            Screen::Directory(d) => d.due.map(|t| t.saturating_duration_since(now)),
            _ => None,
        }
    }

    /// Run the search if it is due (the loop calls this when its wait times out).
    pub fn on_timer(&mut self, now: Instant) {
        if self.directory().and_then(|d| d.due).is_some_and(|t| t <= now) {
            self.run_search();
        }
    }

    /// Search now: the first page for what the box says and the filters.
    pub fn run_search(&mut self) {
        let now = self.now();
        let today = crate::ui::screens::records::local_day(now);
        let Screen::Directory(d) = &mut self.screen else { return };
        let text = d.search.text(0).to_string();
        let rev = d.search.revision;
        let filter = d.filter(now);
        match directory::search(self.store.conn(), &text, &filter, today, 0, PAGE) {
            Ok(hits) => {
                d.hits = hits;
                d.selected = 0;
                d.due = None;
                d.searched_rev = rev;
                self.redraw = true;
            }
            Err(e) => self.fail(e),
        }
    }

    /// Put a service's phone number on the user's own clipboard (OSC 52, over SSH too).
    pub(crate) fn copy_phone(&mut self, phone: Option<String>) {
        match phone {
            Some(phone) => {
                self.say_text(fill(Msg::PhoneCopied.text(self.lang), &[&phone]));
                self.clipboard = Some(phone);
            }
            None => self.fail(crate::Error::user(Msg::NoPhone)),
        }
    }

    /// Leave a form: the referral and filter forms go back to the search, an edit to the
    /// service (or the search for a new one).
    pub(crate) fn directory_close_form(&mut self) {
        let Some(d) = self.directory() else { return };
        let back_to = match &d.mode {
            DMode::Refer { service_id, .. } => Some(*service_id),
            DMode::Edit { id, .. } => *id,
            _ => None,
        };
        d.mode = DMode::Search;
        if let Some(id) = back_to {
            self.show_service(id);
        }
    }

    /// Open a service's detail.
    fn show_service(&mut self, id: i64) {
        let today = crate::ui::screens::records::local_day(self.now());
        match directory::detail(self.store.conn(), id, today) {
            Ok(Some(detail)) => {
                if let Some(d) = self.directory() {
                    d.mode = DMode::Detail(Box::new(detail));
                }
            }
            Ok(None) => self.fail(crate::Error::user(Msg::ErrNoSuchRecord)),
            Err(e) => self.fail(e),
        }
    }

    fn service_runtime(&self) -> crate::Result<RuntimeOptions> {
        let mut rt = RuntimeOptions::new();
        let orgs = directory::organizations(self.store.conn())?;
        rt.insert("organization", orgs.into_iter().map(|(id, n)| (id.to_string(), n)).collect());
        Ok(rt)
    }

    /// The service form: empty for a new service, or the stored one.
    pub(crate) fn edit_service(&mut self, id: Option<i64>, raw: Option<Raw>) {
        let lang = self.lang;
        let runtime = match self.service_runtime() {
            Ok(rt) => rt,
            Err(e) => return self.fail(e),
        };
        let raw = match (raw, id) {
            (Some(raw), _) => raw,
            (None, None) => {
                let mut raw = Raw::new();
                for k in ["confirmed", "open_24_7", "statewide", "show_address"] {
                    raw.insert(k.into(), "no".into());
                }
                // Whoever adds an entry has just checked it.
                let today = crate::ui::screens::records::local_day(self.now());
                raw.insert("last_verified".into(), today.to_string());
                raw
            }
            (None, Some(id)) => {
                let conn = self.store.conn();
                let stored = directory::service_for_edit(conn, id).and_then(|s| {
                    let s = s.ok_or_else(|| crate::Error::user(Msg::ErrNoSuchRecord))?;
                    let confirmed = directory::organization_confirmed(conn, s.organization_id)?;
                    Ok(directory::service_to_raw(&s, confirmed))
                });
                match stored {
                    Ok(raw) => raw,
                    Err(e) => return self.fail(e),
                }
            }
        };
        let form = Form::from_schema(directory::SERVICE_FIELDS, &raw, &runtime, lang);
        if let Some(d) = self.directory() {
            d.mode = DMode::Edit { form, id };
            d.draft_rev = 0;
        }
    }

    /// The referral form for the person being referred, to the service in the detail view.
    pub(crate) fn refer_form(&mut self, service_id: i64, raw: Option<Raw>) {
        let lang = self.lang;
        let today = crate::ui::screens::records::local_day(self.now());
        let conn = self.store.conn();
        let to_le = match crate::store::referrals::service_is_law_enforcement(conn, service_id) {
            Ok(Some(le)) => le,
            Ok(None) => return self.fail(crate::Error::user(Msg::ErrNoSuchRecord)),
            Err(e) => return self.fail(e),
        };
        let service = match directory::detail(conn, service_id, today) {
            Ok(Some(d)) => d.hit.name,
            Ok(None) => return self.fail(crate::Error::user(Msg::ErrNoSuchRecord)),
            Err(e) => return self.fail(e),
        };
        let raw = raw.unwrap_or_else(|| referral::defaults(today));
        let form = Form::from_schema(referral::FIELDS, &raw, &RuntimeOptions::new(), lang);
        if let Some(d) = self.directory() {
            d.mode = DMode::Refer { form, service_id, service, to_law_enforcement: to_le };
            d.draft_rev = 0;
        }
    }

    /// Keep the referral or service form in front as a draft when it changed.
    pub(crate) fn keep_directory_draft(&mut self) {
        let Some(uid) = self.session.as_ref().map(|s| s.user.id) else { return };
        let now = self.now();
        let Screen::Directory(d) = &mut self.screen else { return };
        let (Some((form_name, id)), Some(form)) = (d.draft_key(), d.form()) else { return };
        if form.revision == d.draft_rev {
            return;
        }
        let service_id = match &d.mode {
            DMode::Refer { service_id, .. } => Some(*service_id),
            _ => None,
        };
        let payload =
            serde_json::json!({ "focus": form.focus, "fields": form.raw(), "service_id": service_id })
                .to_string();
        let rev = form.revision;
        match crate::service::hotline::save_draft(
            &mut self.store,
            uid,
            form_name,
            id,
            &payload,
            now,
        ) {
            Ok(()) => {
                if let Some(d) = self.directory() {
                    d.draft_rev = rev;
                }
            }
            Err(e) => self.fail(e),
        }
    }

    /// Bring back a referral or service draft.
    pub(crate) fn resume_directory_draft(
        &mut self,
        form_name: &str,
        record_id: Option<i64>,
        payload: &serde_json::Value,
        raw: Raw,
        focus: usize,
    ) {
        match (form_name, record_id) {
            ("dir_service", id) => {
                self.open_directory();
                self.edit_service(id, Some(raw));
            }
            (name, Some(id)) => {
                let Some(service_id) = payload["service_id"].as_i64() else { return };
                let who =
                    if name == "referral" { Subject::Client(id) } else { Subject::Contact(id) };
                self.open_directory_for(Some(who));
                self.refer_form(service_id, Some(raw));
            }
            _ => return,
        }
        if let Some(d) = self.directory() {
            if let Some(f) = d.form_mut() {
                f.focus_on(focus);
                f.dirty = true;
            }
            d.draft_rev = d.form().map_or(0, |f| f.revision);
        }
        self.say(Msg::DraftRestored);
    }

    /// Back from the directory: to the record of the person being referred, or home.
    fn leave_directory(&mut self) {
        match self.directory().and_then(|d| d.refer_for) {
            Some(Subject::Client(id)) => {
                self.open_clients();
                self.open_client(id);
            }
            Some(Subject::Contact(id)) => self.go(crate::ui::effect::Route::Contact(id)),
            None => self.go_home(),
        }
    }

    fn save_referral(&mut self, raw: &Raw, service_id: i64, to_le: bool) {
        let Some(s) = self.session.clone() else { return };
        let Some(subject) = self.directory().and_then(|d| d.refer_for) else { return };
        let (lang, now) = (self.lang, self.now());
        match referral::Referral::from_raw(raw, to_le) {
            Ok(r) => {
                let who = crate::service::Who { user: &s.user, session_id: Some(s.session_id) };
                match crate::service::casework::refer(
                    &mut self.store,
                    who,
                    subject,
                    service_id,
                    &r,
                    now,
                ) {
                    Ok(_) => {
                        self.leave_directory();
                        self.say_text(super::referrals::saved_text(&r, lang));
                    }
                    Err(e) => self.fail(e),
                }
            }
            Err(errors) => self.show_form_errors(&errors, referral::FIELDS),
        }
    }

    fn save_service(&mut self, raw: &Raw, id: Option<i64>) {
        let Some(s) = self.session.clone() else { return };
        let now = self.now();
        let runtime = match self.service_runtime() {
            Ok(rt) => rt,
            Err(e) => return self.fail(e),
        };
        match directory::service_from_raw(raw, &runtime) {
            Ok(input) => {
                let who = crate::service::Who { user: &s.user, session_id: Some(s.session_id) };
                match crate::service::resources::save_service(&mut self.store, who, id, &input, now)
                {
                    Ok(saved) => {
                        if let Some(d) = self.directory() {
                            d.mode = DMode::Search;
                            d.searched_rev = u64::MAX;
                        }
                        self.run_search();
                        self.show_service(saved);
                        self.say(Msg::ServiceSavedDir);
                    }
                    Err(e) => self.fail(e),
                }
            }
            Err(errors) => self.show_form_errors(&errors, directory::SERVICE_FIELDS),
        }
    }

    /// Retire the service in the detail view (after the user confirmed).
    pub(crate) fn retire_shown_service(&mut self) {
        let Some(s) = self.session.clone() else { return };
        let now = self.now();
        let Some(DMode::Detail(detail)) = self.directory().map(|d| &d.mode) else { return };
        let id = detail.hit.service_id;
        let who = crate::service::Who { user: &s.user, session_id: Some(s.session_id) };
        match crate::service::resources::retire_service(&mut self.store, who, id, now) {
            Ok(()) => {
                if let Some(d) = self.directory() {
                    d.mode = DMode::Search;
                }
                self.run_search();
                self.say(Msg::ServiceRetired);
            }
            Err(e) => self.fail(e),
        }
    }

    pub(crate) fn directory_action(&mut self, action: Action) {
        let lang = self.lang;
        let now = self.now();
        let today = crate::ui::screens::records::local_day(now);
        let Some(d) = self.directory() else { return };
        match &d.mode {
            DMode::Search => match action {
                Action::Up => d.selected = d.selected.saturating_sub(1),
                Action::Down => d.selected = (d.selected + 1).min(d.hits.len().saturating_sub(1)),
                Action::Open => {
                    if let Some(id) = d.hits.get(d.selected).map(|h| h.service_id) {
                        self.show_service(id);
                    }
                }
                Action::Filter => {
                    let form = Form::from_schema(FILTERS, &d.filter, &RuntimeOptions::new(), lang);
                    d.mode = DMode::Filters(form);
                }
                Action::ClearFilter => {
                    d.filter = Raw::new();
                    self.run_search();
                }
                Action::New if d.may_edit => self.edit_service(None, None),
                Action::Back => self.leave_directory(),
                _ => {}
            },
            DMode::Filters(form) => match action {
                Action::Submit => {
                    d.filter = form.raw();
                    d.mode = DMode::Search;
                    self.run_search();
                }
                Action::Back => d.mode = DMode::Search,
                _ => {}
            },
            DMode::Refer { form, service_id, to_law_enforcement, .. } => match action {
                Action::Submit => {
                    let (raw, id, le) = (form.raw(), *service_id, *to_law_enforcement);
                    self.save_referral(&raw, id, le);
                }
                Action::Back => self.back_or_confirm(App::directory_close_form),
                _ => {}
            },
            DMode::Edit { form, id } => match action {
                Action::Submit => {
                    let (raw, id) = (form.raw(), *id);
                    self.save_service(&raw, id);
                }
                Action::Back => self.back_or_confirm(App::directory_close_form),
                _ => {}
            },
            DMode::Detail(detail) => {
                let id = detail.hit.service_id;
                match action {
                    Action::CopyPhone => {
                        let phone = detail.hit.phone.clone();
                        self.copy_phone(phone)
                    }
                    Action::Refer if d.refer_for.is_some() => self.refer_form(id, None),
                    Action::Edit if d.may_edit => self.edit_service(Some(id), None),
                    Action::Verify if d.may_edit => {
                        let Some(s) = self.session.clone() else { return };
                        let who =
                            crate::service::Who { user: &s.user, session_id: Some(s.session_id) };
                        match crate::service::resources::verify_service(
                            &mut self.store,
                            who,
                            id,
                            today,
                            now,
                        ) {
                            Ok(()) => {
                                self.show_service(id);
                                self.say(Msg::ServiceVerified);
                            }
                            Err(e) => self.fail(e),
                        }
                    }
                    Action::Retire if d.may_edit => {
                        self.overlay =
                            Some(crate::ui::app::Overlay::Confirm(crate::ui::app::Confirm::Retire));
                    }
                    Action::Back => d.mode = DMode::Search,
                    _ => {}
                }
            }
        }
    }
}

fn area_of(h: &Hit, lang: Lang) -> String {
    if h.statewide { Msg::Statewide.text(lang).to_string() } else { h.areas.join(", ") }
}

pub fn draw(frame: &mut Frame, area: Rect, d: &DirectoryScreen, t: Theme, lang: Lang) {
    match &d.mode {
        DMode::Filters(form) => form_panel(
            frame,
            area,
            Msg::TitleFilter,
            Some(Msg::FilterHint.text(lang)),
            form,
            t,
            lang,
        ),
        DMode::Detail(detail) => draw_detail(frame, area, detail, t, lang),
        DMode::Refer { form, service, .. } => {
            let who = d.refer_for.map(|s| super::referrals::subject_text(s, lang));
            let note = format!("{service} · {}", who.unwrap_or_default());
            form_panel(frame, area, Msg::TitleRefer, Some(&note), form, t, lang)
        }
        DMode::Edit { form, id } => {
            let title = if id.is_some() { Msg::TitleEditService } else { Msg::TitleNewService };
            form_panel(frame, area, title, None, form, t, lang)
        }
        DMode::Search => {
            let [boxed, list] =
                Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(area);
            let b = match d.refer_for {
                Some(who) => crate::ui::screens::titled(
                    fill(
                        Msg::ReferringBanner.text(lang),
                        &[&super::referrals::subject_text(who, lang)],
                    ),
                    t,
                ),
                None => block(Msg::TitleDirectory, t, lang),
            };
            let inner = b.inner(boxed);
            frame.render_widget(b, boxed);
            draw_form(frame, inner, &d.search, t, lang);
            let rows: Vec<Row> = d
                .hits
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    let mark = if i == d.selected { t.marker() } else { " " };
                    let mut flags = String::new();
                    if h.unverified {
                        flags.push('?');
                    }
                    if h.stale {
                        flags.push('~');
                    }
                    let cats: Vec<String> =
                        h.categories.iter().map(|c| label(CATEGORIES, c, lang)).collect();
                    let row = Row::new(vec![
                        Cell::from(format!("{mark}{}", h.name)),
                        Cell::from(cats.join(", ")),
                        Cell::from(area_of(h, lang)),
                        Cell::from(h.phone.clone().unwrap_or_default()),
                        Cell::from(flags),
                    ]);
                    if i == d.selected { row.style(t.focus()) } else { row }
                })
                .collect();
            let heads =
                [Msg::ColName, Msg::FieldCategory, Msg::FieldArea, Msg::FieldPhone, Msg::ColFlags];
            let header = Row::new(heads.map(|m| Cell::from(m.text(lang)))).style(t.title());
            let widths = [
                Constraint::Fill(2),
                Constraint::Fill(1),
                Constraint::Length(14),
                Constraint::Length(15),
                Constraint::Length(5),
            ];
            let filtered = d.filter.values().any(|v| !v.trim().is_empty());
            let title = if filtered { Msg::ResultsFiltered } else { Msg::TitleResults };
            let empty = rows.is_empty();
            frame.render_widget(
                Table::new(rows, widths).header(header).block(block(title, t, lang)),
                list,
            );
            if empty {
                let r = Rect {
                    x: list.x + 2,
                    y: list.y + 2,
                    width: list.width.saturating_sub(4),
                    height: 1,
                };
                frame.render_widget(Paragraph::new(Msg::NoServicesFound.text(lang)), r);
            }
        }
    }
}

fn draw_detail(frame: &mut Frame, area: Rect, d: &Detail, t: Theme, lang: Lang) {
    let b = block(Msg::TitleService, t, lang);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let width = inner.width.saturating_sub(4) as usize;
    let h = &d.hit;
    let mut lines =
        vec![Line::from(Span::styled(format!(" {} · {}", h.name, h.organization), t.title()))];
    if h.unverified || h.stale {
        let m = if h.unverified { Msg::EntryUnverified } else { Msg::EntryStale };
        for l in wrap(m.text(lang), width) {
            lines.push(Line::from(Span::styled(format!(" {l}"), t.error())));
        }
    }
    for l in wrap(&d.description, width) {
        lines.push(Line::raw(format!(" {l}")));
    }
    let row = |m: Msg, v: String| {
        Line::from(vec![Span::styled(format!(" {:<25}", m.text(lang)), t.dim()), Span::raw(v)])
    };
    let join = |list: &[String], of: &[(&str, Msg)]| {
        list.iter().map(|c| label(of, c, lang)).collect::<Vec<_>>().join(", ")
    };
    lines.push(Line::raw(""));
    lines.push(row(Msg::FieldPhone, h.phone.clone().unwrap_or_default()));
    if let Some(tn) = &d.text_number {
        lines.push(row(Msg::FieldTextNumber, tn.clone()));
    }
    let hours = if d.open_24_7 { "24/7".to_string() } else { d.hours.clone().unwrap_or_default() };
    // Only what is on file: an empty row says nothing.
    for (label_msg, value) in [
        (Msg::FieldHours, hours),
        (Msg::FieldSchedule, crate::domain::directory::format_schedule(&d.schedule, lang)),
        (Msg::FieldCategory, join(&h.categories, CATEGORIES)),
        (Msg::FieldArea, area_of(h, lang)),
    ] {
        // A long value wraps under itself.
        for (i, part) in wrap(&value, width.saturating_sub(25).max(10)).into_iter().enumerate() {
            if i == 0 {
                lines.push(row(label_msg, part));
            } else {
                lines.push(Line::raw(format!(" {:<25}{part}", "")));
            }
        }
    }
    if !d.populations.is_empty() {
        lines.push(row(Msg::FieldPopulation, join(&d.populations, POPULATIONS)));
    }
    if !d.languages.is_empty() {
        lines.push(row(Msg::FieldLanguage, join(&d.languages, LANGUAGES)));
    }
    if let Some(e) = &d.eligibility {
        lines.push(row(Msg::FieldEligibility, e.clone()));
    }
    for p in &d.places {
        lines.push(row(Msg::FieldPlace, p.clone()));
    }
    if let Some(w) = &d.web {
        lines.push(row(Msg::FieldWeb, w.clone()));
    }
    let [body, keys] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    frame.render_widget(Paragraph::new(lines), body);
    // The key from the table, so the hint cannot drift from what the key does.
    let copy = keymap::DIRECTORY_DETAIL
        .iter()
        .find(|b| b.action == Action::CopyPhone)
        .map(|b| b.keys[0].label())
        .unwrap_or_default();
    frame.render_widget(
        Paragraph::new(Span::styled(
            format!(" {}", fill(Msg::CopyHint.text(lang), &[&copy])),
            t.key(),
        )),
        keys,
    );
}
