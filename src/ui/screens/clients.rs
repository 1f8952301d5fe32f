//! Clients and case records: the list (search by chosen name, initials or record number), the
//! intake form with its duplicate check, and the case record with its timeline, services,
//! versioned notes and status changes. Legal names never appear in a list.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use crate::domain::client::{self, Client, ServiceEntry, StatusChange};
use crate::domain::fields::{FieldSpec, Kind, Options};
use crate::domain::record::{Raw, RuntimeOptions};
use crate::domain::referral;
use crate::domain::time;
use crate::error::Result;
use crate::i18n::{Lang, Msg, fill};
use crate::service::Who;
use crate::service::casework::{self, Also};
use crate::store::clients::{self as store_clients, NoteVersion, Stored};
use crate::ui::app::{App, Screen, Status};
use crate::ui::form::Form;
use crate::ui::keymap::{self, Action, Binding};
use crate::ui::pager::Pager;
use crate::ui::screens::records::local_day;
use crate::ui::screens::{block, form_panel, wrap};
use crate::ui::scroll::Scroll;
use crate::ui::theme::Theme;

const FILTER: &[FieldSpec] = &[
    FieldSpec::new("search", Msg::FieldSearch, Kind::Line { max: 60 }),
    FieldSpec::new("status", Msg::FieldStatus, Kind::One(Options::Fixed(client::STATUSES))),
    FieldSpec::new("assigned_to", Msg::FieldAssignedTo, Kind::One(Options::Runtime)),
];

pub struct ListRow {
    pub id: i64,
    pub cells: Vec<String>,
    pub danger: bool,
}

pub struct TimelineRow {
    pub kind: String,
    pub ref_id: i64,
    pub cells: Vec<String>,
}

pub struct RecordView {
    pub stored: Stored,
    pub timeline: Pager<TimelineRow>,
}

pub enum ClientMode {
    List,
    Filter(Form),
    /// A new client (`id` None) or an edit of the intake.
    Intake {
        form: Form,
        id: Option<i64>,
        from_contact: Option<i64>,
    },
    /// Likely duplicates found before saving a new client.
    Duplicates {
        form: Form,
        from_contact: Option<i64>,
        candidates: Vec<store_clients::Row>,
        selected: usize,
    },
    Record,
    Service(Form),
    /// A new note, or a new version of note `note_id`.
    Note {
        form: Form,
        note_id: Option<i64>,
    },
    Status(Form),
    /// A payment asked for from a fund (another person approves it).
    Payment(Form),
    /// A note read in full: every version, wrapped, scrolled when longer than the window.
    NoteView {
        note_id: i64,
        versions: Vec<NoteVersion>,
        scroll: Scroll,
    },
    /// A service line of the timeline, in full.
    ServiceView(store_clients::ServiceView, Scroll),
}

pub struct ClientScreen {
    pub list: Pager<ListRow>,
    pub filter: Raw,
    pub record: Option<RecordView>,
    pub mode: ClientMode,
    pub draft_rev: u64,
}

impl ClientScreen {
    pub fn form(&self) -> Option<&Form> {
        match &self.mode {
            ClientMode::Filter(f)
            | ClientMode::Intake { form: f, .. }
            | ClientMode::Service(f)
            | ClientMode::Note { form: f, .. }
            | ClientMode::Status(f)
            | ClientMode::Payment(f) => Some(f),
            _ => None,
        }
    }

    pub fn form_mut(&mut self) -> Option<&mut Form> {
        match &mut self.mode {
            ClientMode::Filter(f)
            | ClientMode::Intake { form: f, .. }
            | ClientMode::Service(f)
            | ClientMode::Note { form: f, .. }
            | ClientMode::Status(f)
            | ClientMode::Payment(f) => Some(f),
            _ => None,
        }
    }

    pub fn keymap(&self) -> &'static [Binding] {
        match self.mode {
            ClientMode::List => keymap::CLIENTS,
            ClientMode::Record => keymap::CLIENT_RECORD,
            ClientMode::Duplicates { .. } => keymap::DUPLICATES,
            ClientMode::NoteView { .. } => keymap::NOTE_VIEW,
            ClientMode::ServiceView(..) => keymap::SERVICE_VIEW,
            _ => keymap::FORM,
        }
    }

    pub fn title(&self) -> Msg {
        match &self.mode {
            ClientMode::List => Msg::TitleClients,
            ClientMode::Filter(_) => Msg::TitleFilter,
            ClientMode::Intake { id: None, .. } => Msg::TitleNewClient,
            ClientMode::Intake { .. } => Msg::TitleEditIntake,
            ClientMode::Duplicates { .. } => Msg::TitleDuplicates,
            ClientMode::Record => Msg::TitleCaseRecord,
            ClientMode::Service(_) => Msg::TitleAddService,
            ClientMode::Note { .. } => Msg::TitleNote,
            ClientMode::Status(_) => Msg::TitleCaseStatus,
            ClientMode::Payment(_) => Msg::TitlePayment,
            ClientMode::NoteView { .. } => Msg::TitleNote,
            ClientMode::ServiceView(..) => Msg::TlService,
        }
    }

    /// The draft a form in front is kept under: (form, record id).
    fn draft_key(&self) -> Option<(&'static str, Option<i64>)> {
        let client = self.record.as_ref().map(|r| r.stored.id);
        match &self.mode {
            ClientMode::Intake { id, .. } => Some(("client", *id)),
            ClientMode::Service(_) => Some(("service", client)),
            ClientMode::Note { .. } => Some(("note", client)),
            _ => None,
        }
    }
}

fn label(list: &'static [(&'static str, Msg)], id: &str, lang: Lang) -> String {
    list.iter()
        .find(|(i, _)| *i == id)
        .map(|(_, m)| m.text(lang).to_string())
        .unwrap_or_else(|| id.into())
}

fn age_text(
    age: Option<i64>,
    range: Option<&str>,
    birth: Option<&str>,
    today: jiff::civil::Date,
    lang: Lang,
) -> String {
    let born = birth.and_then(|b| b.parse::<jiff::civil::Date>().ok());
    let c = Client { birth_date: born, age, ..Default::default() };
    match (c.age_on(today), range) {
        (Some(a), _) => a.to_string(),
        (None, Some(r)) => label(client::AGE_RANGES, r, lang),
        (None, None) => String::new(),
    }
}

fn list_row(r: store_clients::Row, today: jiff::civil::Date, lang: Lang) -> ListRow {
    ListRow {
        id: r.id,
        danger: r.danger,
        cells: vec![
            format!("#{}", r.id),
            r.chosen_name.clone(),
            age_text(r.age, r.age_range.as_deref(), r.birth_date.as_deref(), today, lang),
            label(client::STATUSES, &r.status, lang),
            time::show_db(&r.last_activity),
            r.assigned.unwrap_or_default(),
        ],
    }
}

fn filter_of(raw: &Raw) -> store_clients::Filter {
    let v = |k: &str| raw.get(k).map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    store_clients::Filter {
        status: v("status"),
        assigned_to: v("assigned_to").and_then(|s| s.parse().ok()),
        search: v("search"),
    }
}

fn timeline_row(e: store_clients::Event, lang: Lang) -> TimelineRow {
    let when = if e.at.len() == 10 { e.at.clone() } else { time::show_db(&e.at) };
    let (kind, what) = match e.kind.as_str() {
        "status" => {
            let s = label(client::STATUSES, &e.a, lang);
            (Msg::TlStatus, if e.b.is_empty() { s } else { format!("{s}: {}", e.b) })
        }
        "service" => {
            let s = label(client::SERVICES, &e.a, lang);
            (Msg::TlService, if e.b.is_empty() { s } else { format!("{s}, {} min", e.b) })
        }
        "note" => {
            let first = e.a.lines().next().unwrap_or("").to_string();
            let v = if e.b != "1" { format!(" (v{})", e.b) } else { String::new() };
            (Msg::TlNote, format!("{first}{v}"))
        }
        "payment" => {
            let (status, cents) = e.b.split_once(' ').unwrap_or((&e.b, "0"));
            let cents = cents.parse::<i64>().unwrap_or_default();
            (
                Msg::TlPayment,
                format!(
                    "{} ${}: {}",
                    label(crate::domain::fund::CATEGORIES, &e.a, lang),
                    crate::domain::fields::format_cents(cents),
                    label(crate::domain::fund::STATUSES, status, lang)
                ),
            )
        }
        "referral" => {
            (Msg::TlReferral, format!("{}: {}", label(referral::STATUSES, &e.b, lang), e.a))
        }
        "screening" => {
            let (tool, version) = e.a.split_once(' ').unwrap_or((&e.a, "1"));
            let status = super::screening::status_label(&e.b, lang);
            (
                Msg::TlScreening,
                format!("{status}: {} v{version}", super::screening::tool_title(tool, lang)),
            )
        }
        _ => (
            Msg::TlContact,
            format!(
                "{}, {}",
                label(crate::domain::contact::CHANNELS, &e.a, lang),
                label(crate::domain::contact::CALLER_TYPES, &e.b, lang)
            ),
        ),
    };
    TimelineRow {
        kind: e.kind,
        ref_id: e.ref_id,
        cells: vec![when, kind.text(lang).to_string(), what, e.by.unwrap_or_default()],
    }
}

impl App {
    fn client_runtime(&self) -> Result<RuntimeOptions> {
        let mut r = RuntimeOptions::new();
        if let Some(s) = &self.session {
            r.insert("assigned_to", store_clients::staff_of(self.store.conn(), s.user.agency_id)?);
        }
        Ok(r)
    }

    fn load_clients(&self, filter: &Raw, offset: i64) -> Result<Pager<ListRow>> {
        let Some(s) = &self.session else { return Pager::load(|_, _| Ok(Vec::new()), 0) };
        let (f, today, lang) = (filter_of(filter), local_day(self.now()), self.lang);
        Pager::load(
            |o, l| {
                Ok(store_clients::list(self.store.conn(), s.user.agency_id, &f, o, l)?
                    .into_iter()
                    .map(|r| list_row(r, today, lang))
                    .collect())
            },
            offset,
        )
    }

    fn clients(&mut self) -> Option<&mut ClientScreen> {
        match &mut self.screen {
            Screen::Clients(c) => Some(c),
            _ => None,
        }
    }

    pub(crate) fn open_clients(&mut self) {
        match self.load_clients(&Raw::new(), 0) {
            Ok(list) => {
                self.screen = Screen::Clients(Box::new(ClientScreen {
                    list,
                    filter: Raw::new(),
                    record: None,
                    mode: ClientMode::List,
                    draft_rev: 0,
                }))
            }
            Err(e) => self.fail(e),
        }
    }

    fn reload_clients(&mut self) {
        let Screen::Clients(c) = &self.screen else { return };
        let (filter, offset, selected) = (c.filter.clone(), c.list.offset, c.list.selected);
        match self.load_clients(&filter, offset) {
            Ok(mut list) => {
                list.selected = selected.min(list.rows.len().saturating_sub(1));
                if let Some(c) = self.clients() {
                    c.list = list;
                    c.mode = ClientMode::List;
                    c.record = None;
                }
            }
            Err(e) => self.fail(e),
        }
    }

    /// The intake form for a new client; `raw` carries answers over (from a contact).
    pub(crate) fn new_client(&mut self, raw: Option<Raw>, from_contact: Option<i64>) {
        if !matches!(self.screen, Screen::Clients(_)) {
            self.open_clients();
        }
        self.client_intake(None, raw.unwrap_or_else(client::defaults), from_contact);
    }

    fn client_intake(&mut self, id: Option<i64>, raw: Raw, from_contact: Option<i64>) {
        let Some(role) = self.session.as_ref().map(|s| s.user.role) else { return };
        let runtime = match self.client_runtime() {
            Ok(r) => r,
            Err(e) => return self.fail(e),
        };
        let form = Form::from_schema(&client::fields_for(role), &raw, &runtime, self.lang);
        if let Some(c) = self.clients() {
            c.mode = ClientMode::Intake { form, id, from_contact };
            c.draft_rev = 0;
        }
    }

    /// Open a client's case record (audited).
    pub(crate) fn open_client(&mut self, id: i64) {
        let Some((user, sid)) = self.user_and_session() else { return };
        let who = Who { user: &user, session_id: sid };
        let opened = casework::open_client(&mut self.store, who, id);
        match opened {
            Ok(stored) => {
                let lang = self.lang;
                let conn = self.store.conn();
                let timeline = Pager::load(
                    |o, l| {
                        Ok(store_clients::timeline(conn, user.agency_id, id, o, l)?
                            .into_iter()
                            .map(|e| timeline_row(e, lang))
                            .collect())
                    },
                    0,
                );
                match timeline {
                    Ok(timeline) => {
                        if !matches!(self.screen, Screen::Clients(_)) {
                            self.open_clients();
                        }
                        if let Some(c) = self.clients() {
                            c.record = Some(RecordView { stored, timeline });
                            c.mode = ClientMode::Record;
                        }
                    }
                    Err(e) => self.fail(e),
                }
            }
            Err(e) => self.fail(e),
        }
    }

    pub(crate) fn clients_close_form(&mut self) {
        let Some(uid) = self.session.as_ref().map(|s| s.user.id) else { return };
        let Screen::Clients(c) = &self.screen else { return };
        if let Some((form, id)) = c.draft_key()
            && let Err(e) = crate::service::hotline::discard_draft(&mut self.store, uid, form, id)
        {
            self.fail(e);
        }
        self.back_to_record_or_list();
    }

    fn back_to_record_or_list(&mut self) {
        let record = match &self.screen {
            Screen::Clients(c) => c.record.as_ref().map(|r| r.stored.id),
            _ => None,
        };
        match record {
            Some(id) => self.open_client(id),
            None => self.reload_clients(),
        }
    }

    /// Keep the client, service or note form in front as a draft when it changed.
    pub(crate) fn keep_client_draft(&mut self) {
        let Some(uid) = self.session.as_ref().map(|s| s.user.id) else { return };
        let now = self.now();
        let Screen::Clients(c) = &mut self.screen else { return };
        let (Some((form_name, id)), Some(form)) = (c.draft_key(), c.form()) else { return };
        if form.revision == c.draft_rev {
            return;
        }
        let payload = serde_json::json!({ "focus": form.focus, "fields": form.raw() }).to_string();
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
                if let Some(c) = self.clients() {
                    c.draft_rev = rev;
                }
            }
            Err(e) => self.fail(e),
        }
    }

    /// Bring back a client, service or note draft.
    pub(crate) fn resume_client_draft(
        &mut self,
        form_name: &str,
        record_id: Option<i64>,
        raw: Raw,
        focus: usize,
    ) {
        self.open_clients();
        match (form_name, record_id) {
            ("client", None) => self.client_intake(None, raw, None),
            ("client", Some(id)) => {
                self.open_client(id);
                self.client_intake(Some(id), raw, None);
            }
            (name, Some(id)) => {
                self.open_client(id);
                let (schema, make): (&[FieldSpec], fn(Form) -> ClientMode) = if name == "service" {
                    (client::SERVICE_FIELDS, ClientMode::Service)
                } else {
                    (client::NOTE_FIELDS, |form| ClientMode::Note { form, note_id: None })
                };
                let form = Form::from_schema(schema, &raw, &RuntimeOptions::new(), self.lang);
                if let Some(c) = self.clients() {
                    c.mode = make(form);
                }
            }
            _ => return,
        }
        if let Some(c) = self.clients() {
            if let Some(f) = c.form_mut() {
                f.focus_on(focus);
                f.dirty = true;
            }
            c.draft_rev = c.form().map_or(0, |f| f.revision);
        }
        self.say(Msg::DraftRestored);
    }

    pub(crate) fn clients_action(&mut self, action: Action) {
        let Screen::Clients(c) = &self.screen else { return };
        match &c.mode {
            ClientMode::List => self.clients_list_action(action),
            ClientMode::Filter(form) => match action {
                Action::Submit => {
                    let raw = form.raw();
                    if let Some(c) = self.clients() {
                        c.filter = raw;
                        c.list.offset = 0;
                    }
                    self.reload_clients();
                }
                Action::Back => self.reload_clients(),
                _ => {}
            },
            ClientMode::Intake { .. } => match action {
                Action::Submit => self.save_intake(false, None),
                Action::Back => self.back_or_confirm(App::clients_close_form),
                _ => {}
            },
            ClientMode::Duplicates { .. } => self.duplicates_action(action),
            ClientMode::Record => self.record_action(action),
            ClientMode::Service(_)
            | ClientMode::Note { .. }
            | ClientMode::Status(_)
            | ClientMode::Payment(_) => match action {
                Action::Submit => self.save_case_form(),
                Action::Back => self.back_or_confirm(App::clients_close_form),
                _ => {}
            },
            ClientMode::NoteView { note_id, versions, .. } => match action {
                Action::Edit => {
                    let (note_id, body) =
                        (*note_id, versions.first().map(|v| v.body.clone()).unwrap_or_default());
                    let mut raw = Raw::new();
                    raw.insert("body".into(), body);
                    let form = Form::from_schema(
                        client::NOTE_FIELDS,
                        &raw,
                        &RuntimeOptions::new(),
                        self.lang,
                    );
                    if let Some(c) = self.clients() {
                        c.mode = ClientMode::Note { form, note_id: Some(note_id) };
                        c.draft_rev = 0;
                    }
                }
                Action::Back => self.back_to_record_or_list(),
                other => {
                    if let Some(c) = self.clients()
                        && let ClientMode::NoteView { scroll, .. } = &mut c.mode
                    {
                        scroll.act(other);
                    }
                }
            },
            ClientMode::ServiceView(..) => {
                if action == Action::Back {
                    self.back_to_record_or_list();
                } else if let Some(c) = self.clients()
                    && let ClientMode::ServiceView(_, scroll) = &mut c.mode
                {
                    scroll.act(action);
                }
            }
        }
    }

    fn clients_list_action(&mut self, action: Action) {
        let Some(agency) = self.session.as_ref().map(|s| s.user.agency_id) else { return };
        let (today, lang) = (local_day(self.now()), self.lang);
        let Screen::Clients(c) = &mut self.screen else { return };
        let f = filter_of(&c.filter);
        let conn = self.store.conn();
        let fetch = |o, l| {
            Ok(store_clients::list(conn, agency, &f, o, l)?
                .into_iter()
                .map(|r| list_row(r, today, lang))
                .collect())
        };
        let moved = c.list.navigate(action, fetch);
        if let Some(result) = moved {
            return self.report(result);
        }
        let current = c.list.current().map(|r| r.id);
        match action {
            Action::Back => self.go_home(),
            Action::New => self.new_client(None, None),
            Action::Filter => {
                let runtime = match self.client_runtime() {
                    Ok(r) => r,
                    Err(e) => return self.fail(e),
                };
                let Screen::Clients(c) = &mut self.screen else { return };
                c.mode = ClientMode::Filter(Form::from_schema(FILTER, &c.filter, &runtime, lang));
            }
            Action::ClearFilter => {
                c.filter = Raw::new();
                c.list.offset = 0;
                self.reload_clients();
            }
            Action::Open => {
                if let Some(id) = current {
                    self.open_client(id);
                }
            }
            _ => {}
        }
    }

    /// Save the intake. A new client is first checked for likely duplicates unless `anyway`.
    fn save_intake(&mut self, anyway: bool, link_to: Option<i64>) {
        let Some((user, sid)) = self.user_and_session() else { return };
        let (lang, now) = (self.lang, self.now());
        let today = local_day(now);
        let runtime = match self.client_runtime() {
            Ok(r) => r,
            Err(e) => return self.fail(e),
        };
        let Screen::Clients(c) = &self.screen else { return };
        let (raw, id, from_contact) = match &c.mode {
            ClientMode::Intake { form, id, from_contact } => (form.raw(), *id, *from_contact),
            ClientMode::Duplicates { form, from_contact, .. } => (form.raw(), None, *from_contact),
            _ => return,
        };
        let client = match Client::from_raw(&raw, &runtime, today) {
            Ok(c) => c,
            Err(errors) => return self.show_form_errors(&errors, client::FIELDS),
        };
        if id.is_none() && !anyway {
            match store_clients::duplicates(self.store.conn(), user.agency_id, &client, today) {
                Ok(candidates) if !candidates.is_empty() => {
                    if let Some(c) = self.clients() {
                        let old = std::mem::replace(&mut c.mode, ClientMode::List);
                        if let ClientMode::Intake { form, from_contact, .. } = old {
                            c.mode = ClientMode::Duplicates {
                                form,
                                from_contact,
                                candidates,
                                selected: 0,
                            };
                        }
                    }
                    return;
                }
                Ok(_) => {}
                Err(e) => return self.fail(e),
            }
        }
        let who = Who { user: &user, session_id: sid };
        match casework::save_client(
            &mut self.store,
            who,
            id,
            &client,
            today,
            Also { link_to, from_contact },
            now,
        ) {
            Ok(saved) => {
                self.open_client(saved);
                self.say_text(fill(Msg::ClientSaved.text(lang), &[&saved.to_string()]));
            }
            Err(e) => self.fail(e),
        }
    }

    fn duplicates_action(&mut self, action: Action) {
        let Some(c) = self.clients() else { return };
        let ClientMode::Duplicates { candidates, selected, .. } = &mut c.mode else { return };
        let chosen = candidates.get(*selected).map(|r| r.id);
        match action {
            Action::Up => *selected = selected.saturating_sub(1),
            Action::Down => *selected = (*selected + 1).min(candidates.len().saturating_sub(1)),
            // Open the existing record instead; what was typed is dropped.
            Action::Open => {
                if let Some(id) = chosen {
                    self.clients_close_form();
                    self.open_client(id);
                }
            }
            Action::Link => self.save_intake(true, chosen),
            Action::Save => self.save_intake(true, None),
            Action::Back => {
                let old = std::mem::replace(&mut c.mode, ClientMode::List);
                if let ClientMode::Duplicates { form, from_contact, .. } = old {
                    c.mode = ClientMode::Intake { form, id: None, from_contact };
                }
            }
            _ => {}
        }
    }

    fn record_action(&mut self, action: Action) {
        let Some((user, _)) = self.user_and_session() else { return };
        let lang = self.lang;
        let today = local_day(self.now());
        let Screen::Clients(c) = &mut self.screen else { return };
        let Some(rec) = &mut c.record else { return };
        let id = rec.stored.id;
        let conn = self.store.conn();
        let fetch = |o, l| {
            Ok(store_clients::timeline(conn, user.agency_id, id, o, l)?
                .into_iter()
                .map(|e| timeline_row(e, lang))
                .collect())
        };
        let moved = rec.timeline.navigate(action, fetch);
        if let Some(result) = moved {
            return self.report(result);
        }
        let item = rec.timeline.current().map(|t| (t.kind.clone(), t.ref_id));
        let raw_intake = rec.stored.client.to_raw();
        match action {
            Action::Back => self.reload_clients(),
            Action::Edit => self.client_intake(Some(id), raw_intake, None),
            Action::AddService => {
                let mut raw = Raw::new();
                raw.insert("delivered_on".into(), today.to_string());
                c.mode = ClientMode::Service(Form::from_schema(
                    client::SERVICE_FIELDS,
                    &raw,
                    &RuntimeOptions::new(),
                    lang,
                ));
                c.draft_rev = 0;
            }
            Action::AddNote => {
                c.mode = ClientMode::Note {
                    form: Form::from_schema(
                        client::NOTE_FIELDS,
                        &Raw::new(),
                        &RuntimeOptions::new(),
                        lang,
                    ),
                    note_id: None,
                };
                c.draft_rev = 0;
            }
            Action::StartScreening => {
                let minor = match rec.stored.client.minor_on(today) {
                    Some(true) => "yes",
                    Some(false) => "no",
                    None => "unknown",
                };
                let language = rec.stored.client.language.clone();
                let interpreter = rec.stored.client.interpreter.clone();
                let age = rec.stored.client.age_on(today);
                let person = super::screening::Person {
                    client_id: Some(id),
                    contact_id: None,
                    minor: minor.into(),
                    age_known: minor != "unknown",
                    language,
                    interpreter,
                    age,
                };
                self.go(crate::ui::effect::Route::NewScreening(Box::new(person)));
            }
            Action::Refer => self.go(crate::ui::effect::Route::DirectoryFor(
                crate::store::referrals::Subject::Client(id),
            )),
            Action::RequestPayment => {
                let funds = match crate::store::funds::list(self.store.conn(), user.agency_id) {
                    Ok(f) => f,
                    Err(e) => return self.fail(e),
                };
                let mut runtime = RuntimeOptions::new();
                let open: Vec<(String, String)> = funds
                    .iter()
                    .filter(|f| f.remaining_cents() > 0 && f.to >= today)
                    .map(|f| {
                        let left = crate::domain::fields::format_cents(f.remaining_cents());
                        (f.id.to_string(), fill(Msg::FundLeft.text(lang), &[&f.name, &left]))
                    })
                    .collect();
                if open.is_empty() {
                    return self.fail(crate::Error::user(Msg::ErrNoOpenFund));
                }
                let mut raw = Raw::new();
                if let [(only, _)] = open.as_slice() {
                    raw.insert("fund".into(), only.clone());
                }
                runtime.insert("fund", open);
                raw.insert("paid_on".into(), today.to_string());
                let form =
                    Form::from_schema(crate::domain::fund::PAYMENT_FIELDS, &raw, &runtime, lang);
                if let Some(c) = self.clients() {
                    c.mode = ClientMode::Payment(form);
                }
            }
            Action::CaseStatus => {
                let mut raw = Raw::new();
                raw.insert("status".into(), rec.stored.status.clone());
                raw.insert("on".into(), today.to_string());
                c.mode = ClientMode::Status(Form::from_schema(
                    client::STATUS_FIELDS,
                    &raw,
                    &RuntimeOptions::new(),
                    lang,
                ));
            }
            Action::Open => match item {
                Some((kind, note_id)) if kind == "note" => {
                    match store_clients::note_versions(self.store.conn(), user.agency_id, note_id) {
                        Ok(versions) => {
                            if let Some(c) = self.clients() {
                                let scroll = Scroll::default();
                                c.mode = ClientMode::NoteView { note_id, versions, scroll };
                            }
                        }
                        Err(e) => self.fail(e),
                    }
                }
                Some((kind, service_id)) if kind == "service" => {
                    match store_clients::service(self.store.conn(), user.agency_id, service_id) {
                        Ok(Some(v)) => {
                            if let Some(c) = self.clients() {
                                c.mode = ClientMode::ServiceView(v, Scroll::default());
                            }
                        }
                        Ok(None) => self.fail(crate::Error::user(Msg::ErrNoSuchRecord)),
                        Err(e) => self.fail(e),
                    }
                }
                Some((kind, screening_id)) if kind == "screening" => {
                    self.go(crate::ui::effect::Route::Screening(screening_id))
                }
                Some((kind, referral_id)) if kind == "referral" => {
                    self.go(crate::ui::effect::Route::Referral(
                        referral_id,
                        super::referrals::Back::Client(id),
                    ))
                }
                Some((kind, contact_id)) if kind == "contact" => {
                    self.go(crate::ui::effect::Route::Contact(contact_id))
                }
                _ => {}
            },
            _ => {}
        }
    }

    fn save_case_form(&mut self) {
        let Some((user, sid)) = self.user_and_session() else { return };
        let (lang, now) = (self.lang, self.now());
        let Screen::Clients(c) = &self.screen else { return };
        let Some(client_id) = c.record.as_ref().map(|r| r.stored.id) else { return };
        let who = Who { user: &user, session_id: sid };
        let result: std::result::Result<
            crate::Result<Msg>,
            Vec<crate::domain::fields::FieldError>,
        > = match &c.mode {
            ClientMode::Service(form) => ServiceEntry::from_raw(&form.raw()).map(|s| {
                casework::add_service(&mut self.store, who, client_id, &s, now)
                    .map(|_| Msg::ServiceSaved)
            }),
            ClientMode::Note { form, note_id } => {
                let raw = form.raw();
                let body = crate::domain::fields::clean_notes(
                    raw.get("body").map(String::as_str).unwrap_or(""),
                );
                if body.is_empty() {
                    Err(vec![crate::domain::fields::FieldError::new("body", Msg::ErrRequiredShort)])
                } else if body.chars().count() > 4000 {
                    Err(vec![crate::domain::fields::FieldError::with(
                        "body",
                        Msg::ErrMaxChars,
                        &["4000"],
                    )])
                } else {
                    Ok(match note_id {
                        None => casework::add_note(&mut self.store, who, client_id, &body, now)
                            .map(|_| Msg::NoteSaved),
                        Some(n) => {
                            casework::edit_note(&mut self.store, who, client_id, *n, &body, now)
                                .map(|_| Msg::NoteSaved)
                        }
                    })
                }
            }
            ClientMode::Status(form) => StatusChange::from_raw(&form.raw()).map(|s| {
                casework::set_status(&mut self.store, who, client_id, &s, now)
                    .map(|_| Msg::StatusSaved)
            }),
            ClientMode::Payment(form) => {
                let mut runtime = RuntimeOptions::new();
                runtime.insert("fund", form.runtime_options("fund"));
                crate::domain::fund::Payment::from_raw(&form.raw(), &runtime).map(|p| {
                    crate::service::ledger::request_payment(
                        &mut self.store,
                        who,
                        client_id,
                        &p,
                        now,
                    )
                    .map(|_| Msg::PaymentRequested)
                })
            }
            _ => return,
        };
        match result {
            Ok(Ok(msg)) => {
                self.open_client(client_id);
                self.say(msg);
            }
            Ok(Err(e)) => self.fail(e),
            Err(errors) => {
                if let Some(f) = self.form_mut() {
                    f.show_errors(&errors, lang);
                }
                self.status = Some(Status {
                    text: Msg::FormNeedsAttention.text(lang).to_string(),
                    error: true,
                });
            }
        }
    }
}

pub fn draw(frame: &mut Frame, area: Rect, c: &ClientScreen, t: Theme, lang: Lang) {
    match &c.mode {
        ClientMode::List => draw_list(frame, area, c, t, lang),
        ClientMode::Record => draw_record(frame, area, c, t, lang),
        ClientMode::Duplicates { candidates, selected, .. } => {
            draw_duplicates(frame, area, candidates, *selected, t, lang)
        }
        ClientMode::NoteView { versions, scroll, .. } => {
            draw_note(frame, area, versions, scroll, t, lang)
        }
        ClientMode::ServiceView(v, scroll) => {
            let row = |m: Msg, value: String| {
                Line::from(vec![
                    Span::styled(format!(" {:<22}", m.text(lang)), t.dim()),
                    Span::raw(value),
                ])
            };
            let mut lines = vec![
                row(Msg::FieldServiceType, label(client::SERVICES, &v.service_type, lang)),
                row(Msg::ColVocaFamily, label(client::VOCA_FAMILIES, &v.voca_family, lang)),
                row(Msg::FieldDeliveredOn, v.delivered_on.clone()),
                row(Msg::FieldDuration, v.minutes.map(|m| m.to_string()).unwrap_or_default()),
                row(Msg::ColBy, v.staff.clone()),
                Line::raw(""),
            ];
            let b = block(Msg::TlService, t, lang);
            let inner = b.inner(area);
            frame.render_widget(b, area);
            let width = inner.width.saturating_sub(2) as usize;
            lines.extend(wrap(&v.notes, width).into_iter().map(|l| Line::raw(format!(" {l}"))));
            scroll.draw(frame, inner, lines, t, lang);
        }
        _ => {
            let Some(form) = c.form() else { return };
            let about = match (&c.record, &c.mode) {
                (Some(rec), mode) if !matches!(mode, ClientMode::Filter(_)) => {
                    Some(format!("#{} {}", rec.stored.id, rec.stored.client.chosen_name))
                }
                _ => None,
            };
            form_panel(frame, area, c.title(), about.as_deref(), form, t, lang);
        }
    }
}

fn table<'a>(
    heads: &[Msg],
    rows: Vec<Row<'a>>,
    widths: Vec<Constraint>,
    title: Msg,
    t: Theme,
    lang: Lang,
) -> Table<'a> {
    let header = Row::new(heads.iter().map(|m| Cell::from(m.text(lang)))).style(t.title());
    Table::new(rows, widths).header(header).block(block(title, t, lang))
}

fn marked<'a>(i: usize, selected: usize, cells: &[String], t: Theme) -> Row<'a> {
    let mark = if i == selected { t.marker() } else { " " };
    let cells: Vec<Cell> = cells
        .iter()
        .enumerate()
        .map(|(j, c)| Cell::from(if j == 0 { format!("{mark}{c}") } else { c.clone() }))
        .collect();
    let row = Row::new(cells);
    if i == selected { row.style(t.focus()) } else { row }
}

fn draw_list(frame: &mut Frame, area: Rect, c: &ClientScreen, t: Theme, lang: Lang) {
    let rows: Vec<Row> = c
        .list
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut cells = r.cells.clone();
            if r.danger {
                cells[1] = format!("{} [{}]", cells[1], Msg::SafetyFlag.text(lang));
            }
            marked(i, c.list.selected, &cells, t)
        })
        .collect();
    let empty = rows.is_empty();
    let filtered = c.filter.values().any(|v| !v.trim().is_empty());
    let title = if filtered { Msg::ListFiltered } else { Msg::TitleClients };
    let widths = vec![
        Constraint::Length(7),
        Constraint::Fill(1),
        Constraint::Length(8),
        Constraint::Length(10),
        Constraint::Length(17),
        Constraint::Length(14),
    ];
    let heads = [
        Msg::ColRecord,
        Msg::ColName,
        Msg::FieldAge,
        Msg::FieldStatus,
        Msg::ColLastActivity,
        Msg::FieldAssignedTo,
    ];
    frame.render_widget(table(&heads, rows, widths, title, t, lang), area);
    if empty {
        let inner =
            Rect { x: area.x + 2, y: area.y + 3, width: area.width.saturating_sub(4), height: 1 };
        frame.render_widget(Paragraph::new(Msg::ListEmpty.text(lang)), inner);
    }
}

fn draw_record(frame: &mut Frame, area: Rect, c: &ClientScreen, t: Theme, lang: Lang) {
    let Some(rec) = &c.record else { return };
    let s = &rec.stored;
    let [head, body] = Layout::vertical([Constraint::Length(5), Constraint::Fill(1)]).areas(area);
    let cl = &s.client;
    let mut first = vec![Span::styled(format!(" #{} {}", s.id, cl.chosen_name), t.title())];
    if cl.safety_flag() {
        first.push(Span::styled(format!("  [{}]", Msg::SafetyFlagLong.text(lang)), t.error()));
    }
    let minor = cl.minor_on(s.intake_on) == Some(true);
    let age = age_text(
        cl.age,
        cl.age_range.as_deref(),
        cl.birth_date.map(|d| d.to_string()).as_deref(),
        s.intake_on,
        lang,
    );
    let mut second = format!(
        " {}: {}   {}: {}   {}: {}",
        Msg::FieldStatus.text(lang),
        label(client::STATUSES, &s.status, lang),
        Msg::ColIntake.text(lang),
        s.intake_on,
        Msg::FieldAge.text(lang),
        match (age.is_empty(), minor) {
            (true, _) => "-".into(),
            (false, true) => format!("{age} ({})", Msg::MinorAtIntake.text(lang)),
            (false, false) => age,
        },
    );
    if let Some(a) = &s.assigned_name {
        second.push_str(&format!("   {}: {a}", Msg::FieldAssignedTo.text(lang)));
    }
    let mut third = format!(
        " {}: {}",
        Msg::FieldTraffickingType.text(lang),
        label(client::TRAFFICKING, &cl.trafficking_type, lang)
    );
    if let Some(l) = &cl.legal_name {
        third.push_str(&format!("   {}: {l}", Msg::FieldLegalName.text(lang)));
    }
    if !s.links.is_empty() {
        let ids: Vec<String> = s.links.iter().map(|i| format!("#{i}")).collect();
        third.push_str(&format!("   {}: {}", Msg::LinkedRecords.text(lang), ids.join(" ")));
    }
    let lines = vec![Line::from(first), Line::raw(second), Line::raw(third)];
    frame.render_widget(Paragraph::new(lines).block(block(Msg::TitleCaseRecord, t, lang)), head);
    let rows: Vec<Row> = rec
        .timeline
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| marked(i, rec.timeline.selected, &r.cells, t))
        .collect();
    let empty = rows.is_empty();
    let widths = vec![
        Constraint::Length(17),
        Constraint::Length(9),
        Constraint::Fill(1),
        Constraint::Length(14),
    ];
    let heads = [Msg::ColWhen, Msg::ColWhat, Msg::ColDetail, Msg::ColBy];
    frame.render_widget(table(&heads, rows, widths, Msg::TitleTimeline, t, lang), body);
    if empty {
        let inner =
            Rect { x: body.x + 2, y: body.y + 3, width: body.width.saturating_sub(4), height: 1 };
        frame.render_widget(Paragraph::new(Msg::ListEmpty.text(lang)), inner);
    }
}

fn draw_duplicates(
    frame: &mut Frame,
    area: Rect,
    candidates: &[store_clients::Row],
    selected: usize,
    t: Theme,
    lang: Lang,
) {
    let keys = keymap::hint_entries(keymap::DUPLICATES.iter().filter(|b| b.bar), lang);
    let mut lines = vec![Line::raw(format!(" {}", Msg::DuplicatesIntro.text(lang)))];
    lines.extend(
        keymap::pack(&keys, area.width.saturating_sub(2) as usize)
            .into_iter()
            .map(|l| Line::from(Span::styled(format!(" {l}"), t.key()))),
    );
    let h = lines.len() as u16 + 1;
    let [intro, list] = Layout::vertical([Constraint::Length(h), Constraint::Fill(1)]).areas(area);
    frame.render_widget(Paragraph::new(lines), intro);
    let rows: Vec<Row> = candidates
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let cells = vec![
                format!("#{}", r.id),
                r.chosen_name.clone(),
                r.birth_date
                    .clone()
                    .unwrap_or_else(|| r.age.map(|a| a.to_string()).unwrap_or_default()),
                r.intake_on.clone(),
                label(client::STATUSES, &r.status, lang),
            ];
            marked(i, selected, &cells, t)
        })
        .collect();
    let widths = vec![
        Constraint::Length(7),
        Constraint::Fill(1),
        Constraint::Length(12),
        Constraint::Length(12),
        Constraint::Length(10),
    ];
    let heads = [Msg::ColRecord, Msg::ColName, Msg::ColBornOrAge, Msg::ColIntake, Msg::FieldStatus];
    frame.render_widget(table(&heads, rows, widths, Msg::TitleDuplicates, t, lang), list);
}

/// Every version of a note, newest first, each wrapped at word boundaries and read in full.
fn draw_note(
    frame: &mut Frame,
    area: Rect,
    versions: &[NoteVersion],
    scroll: &Scroll,
    t: Theme,
    lang: Lang,
) {
    let b = block(Msg::TitleNote, t, lang);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let width = inner.width.saturating_sub(4) as usize;
    let mut lines = Vec::new();
    for v in versions {
        lines.push(Line::from(Span::styled(
            format!(" v{} · {} · {}", v.version, time::show_db(&v.written_at), v.author),
            t.title(),
        )));
        lines.extend(wrap(&v.body, width).into_iter().map(|l| Line::raw(format!("   {l}"))));
        lines.push(Line::raw(""));
    }
    scroll.draw(frame, inner, lines, t, lang);
}
