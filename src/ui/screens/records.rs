//! The hotline log and the tips: a paged list (newest first) with filters, and the record's
//! form for a new entry or an edit. Both kinds share this screen; what differs is their schema,
//! their columns and their store.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use crate::domain::contact::{self, Contact};
use crate::domain::fields::{FieldSpec, Kind, Options, option_list};
use crate::domain::record::{Raw, RuntimeOptions};
use crate::domain::time;
use crate::domain::tip::{self, Tip};
use crate::error::Result;
use crate::i18n::{Lang, Msg, fill};
use crate::service::hotline::{self, Who};
use crate::store::tips::Scope;
use crate::store::{Store, contacts, drafts, tips};
use crate::ui::app::{App, Screen};
use crate::ui::form::Form;
use crate::ui::keymap::{self, Action, Binding};
use crate::ui::pager::Pager;
use crate::ui::screens::{block, draw_form, form_panel, list_footer};
use crate::ui::theme::Theme;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordKind {
    Contact,
    Tip,
}

impl RecordKind {
    /// The name drafts are kept under.
    pub fn id(self) -> &'static str {
        match self {
            RecordKind::Contact => "contact",
            RecordKind::Tip => "tip",
        }
    }

    pub fn parse(s: &str) -> Option<RecordKind> {
        match s {
            "contact" => Some(RecordKind::Contact),
            "tip" => Some(RecordKind::Tip),
            _ => None,
        }
    }

    fn schema(self) -> &'static [FieldSpec] {
        match self {
            RecordKind::Contact => contact::FIELDS,
            RecordKind::Tip => tip::FIELDS,
        }
    }

    fn filter_schema(self) -> &'static [FieldSpec] {
        match self {
            RecordKind::Contact => CONTACT_FILTER,
            RecordKind::Tip => TIP_FILTER,
        }
    }
}

const ANY: &str = "";

const CONTACT_FILTER: &[FieldSpec] = &[
    FieldSpec::new("from", Msg::FieldFrom, Kind::Date),
    FieldSpec::new("to", Msg::FieldTo, Kind::Date),
    FieldSpec::new("channel", Msg::FieldChannel, Kind::One(Options::Fixed(contact::CHANNELS))),
    FieldSpec::new("outcome", Msg::FieldOutcomes, Kind::One(Options::Fixed(contact::OUTCOMES))),
    FieldSpec::new(
        "follow_up_due",
        Msg::FieldFollowUpDue,
        Kind::One(Options::Fixed(crate::domain::fields::YES_NO)),
    ),
];

const TIP_FILTER: &[FieldSpec] = &[
    FieldSpec::new("status", Msg::FieldStatus, Kind::One(Options::Fixed(tip::STATUSES))),
    FieldSpec::new("source", Msg::FieldSource, Kind::One(Options::Fixed(tip::SOURCES))),
    FieldSpec::new("category", Msg::FieldCategory, Kind::One(Options::Fixed(tip::CATEGORIES))),
    FieldSpec::new("from", Msg::FieldFrom, Kind::Date),
    FieldSpec::new("to", Msg::FieldTo, Kind::Date),
];

/// A list row, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListRow {
    pub id: i64,
    pub cells: Vec<String>,
}

pub enum Mode {
    List,
    /// Narrowing the list.
    Filter(Form),
    /// A new record (`id` None) or an edit; `note` says what is on file that the form does not
    /// show (the caller identifier's last two characters, the number of edits).
    Edit {
        form: Form,
        id: Option<i64>,
        note: Option<String>,
        /// The caller identifier a restored draft kept (hash and last two characters only).
        caller: Option<contacts::CallerMark>,
    },
    /// Linking a saved contact to a client of the agency.
    LinkClient {
        form: Form,
        contact_id: i64,
    },
}

const LINK_FIELDS: &[FieldSpec] =
    &[FieldSpec::new("client", Msg::FieldClientNumber, Kind::Whole { min: 1, max: 999_999_999 })
        .required()];

pub struct RecordScreen {
    pub kind: RecordKind,
    pub mode: Mode,
    pub list: Pager<ListRow>,
    /// The filter as typed (raw texts by key).
    pub filter: Raw,
    /// The form revision last kept as a draft.
    pub draft_rev: u64,
}

impl RecordScreen {
    pub fn form(&self) -> Option<&Form> {
        match &self.mode {
            Mode::List => None,
            Mode::Filter(f) | Mode::Edit { form: f, .. } | Mode::LinkClient { form: f, .. } => {
                Some(f)
            }
        }
    }

    pub fn form_mut(&mut self) -> Option<&mut Form> {
        match &mut self.mode {
            Mode::List => None,
            Mode::Filter(f) | Mode::Edit { form: f, .. } | Mode::LinkClient { form: f, .. } => {
                Some(f)
            }
        }
    }

    pub fn keymap(&self) -> &'static [Binding] {
        match (&self.mode, self.kind) {
            (Mode::List, _) => keymap::RECORDS,
            (Mode::Edit { id: Some(_), .. }, RecordKind::Contact) => keymap::CONTACT_FORM,
            _ => keymap::FORM,
        }
    }

    pub fn title(&self) -> Msg {
        match (&self.mode, self.kind) {
            (Mode::List, RecordKind::Contact) => Msg::TitleHotlineLog,
            (Mode::List, RecordKind::Tip) => Msg::TitleTips,
            (Mode::Filter(_), _) => Msg::TitleFilter,
            (Mode::LinkClient { .. }, _) => Msg::TitleLinkClient,
            (Mode::Edit { id: None, .. }, RecordKind::Contact) => Msg::TitleNewContact,
            (Mode::Edit { .. }, RecordKind::Contact) => Msg::TitleContact,
            (Mode::Edit { id: None, .. }, RecordKind::Tip) => Msg::TitleNewTip,
            (Mode::Edit { .. }, RecordKind::Tip) => Msg::TitleTip,
        }
    }
}

/// A filter's typed values, read through its schema (a bad date is simply not applied).
fn filter_value(raw: &Raw, key: &str) -> Option<String> {
    raw.get(key).map(|s| s.trim().to_string()).filter(|s| !s.is_empty() && s != ANY)
}

fn contact_filter(raw: &Raw, today: jiff::civil::Date) -> contacts::Filter {
    let date = |k| filter_value(raw, k).and_then(|s| crate::domain::fields::parse_date(&s));
    contacts::Filter {
        from: date("from"),
        to: date("to"),
        channel: filter_value(raw, "channel"),
        outcome: filter_value(raw, "outcome"),
        follow_up_due_by: (filter_value(raw, "follow_up_due").as_deref() == Some("yes"))
            .then_some(today),
    }
}

fn tip_filter(raw: &Raw) -> tips::Filter {
    let date = |k| filter_value(raw, k).and_then(|s| crate::domain::fields::parse_date(&s));
    tips::Filter {
        status: filter_value(raw, "status"),
        source: filter_value(raw, "source"),
        category: filter_value(raw, "category"),
        from: date("from"),
        to: date("to"),
    }
}

/// The label of a stored option id.
fn label(list: &'static [(&'static str, Msg)], id: &str, lang: Lang) -> String {
    list.iter()
        .find(|(i, _)| *i == id)
        .map(|(_, m)| m.text(lang).to_string())
        .unwrap_or_else(|| id.to_string())
}

fn area_label(id: &str, lang: Lang) -> String {
    option_list(Options::Areas, lang)
        .into_iter()
        .find(|(i, _)| i == id)
        .map(|(_, l)| l)
        .unwrap_or_default()
}

pub use crate::domain::time::local_day;

/// One page of the list, as rows to show.
/// What a list shows: whose view, which kind, which filter, in which language, on which day.
pub struct ListView<'a> {
    pub user: &'a crate::store::users::User,
    pub kind: RecordKind,
    pub filter: &'a Raw,
    pub lang: Lang,
    pub today: jiff::civil::Date,
}

pub fn fetch(store: &Store, v: &ListView, offset: i64, limit: i64) -> Result<Vec<ListRow>> {
    let (who, filter, lang, today) = (v.user, v.filter, v.lang, v.today);
    Ok(match v.kind {
        RecordKind::Contact => contacts::list(
            store.conn(),
            who.agency_id,
            &contact_filter(filter, today),
            offset,
            limit,
        )?
        .into_iter()
        .map(|r| {
            let mut flags = String::new();
            if r.minor == "yes" {
                flags.push('M');
            }
            if matches!(r.trafficking_type.as_str(), "sex" | "labour" | "both") {
                flags.push('!');
            }
            let outcome =
                r.outcomes.first().map(|o| label(contact::OUTCOMES, o, lang)).unwrap_or_default();
            ListRow {
                id: r.id,
                cells: vec![
                    time::show_db(&r.started_at),
                    label(contact::CHANNELS, &r.channel, lang),
                    label(contact::CALLER_TYPES, &r.caller_type, lang),
                    outcome,
                    r.follow_up_on.unwrap_or_default(),
                    flags,
                ],
            }
        })
        .collect(),
        RecordKind::Tip => {
            tips::list(store.conn(), Scope::of(who), &tip_filter(filter), offset, limit)?
                .into_iter()
                .map(|r| ListRow {
                    id: r.id,
                    cells: vec![
                        time::show_db(&r.received_at),
                        label(tip::SOURCES, &r.source, lang),
                        label(tip::CATEGORIES, &r.category, lang),
                        label(tip::STATUSES, &r.status, lang),
                        r.assigned_to.unwrap_or_default(),
                        area_label(&r.area, lang),
                    ],
                })
                .collect()
        }
    })
}

fn columns(kind: RecordKind) -> (Vec<Msg>, Vec<Constraint>) {
    match kind {
        RecordKind::Contact => (
            vec![
                Msg::FieldStartedAt,
                Msg::FieldChannel,
                Msg::FieldCallerType,
                Msg::FieldOutcomes,
                Msg::FieldFollowUpOn,
                Msg::ColFlags,
            ],
            vec![
                Constraint::Length(17),
                Constraint::Length(9),
                Constraint::Length(18),
                Constraint::Fill(1),
                Constraint::Length(12),
                Constraint::Length(5),
            ],
        ),
        RecordKind::Tip => (
            vec![
                Msg::FieldReceivedAt,
                Msg::FieldSource,
                Msg::FieldCategory,
                Msg::FieldStatus,
                Msg::FieldAssignedTo,
                Msg::FieldArea,
            ],
            vec![
                Constraint::Length(17),
                Constraint::Length(12),
                Constraint::Fill(1),
                Constraint::Length(11),
                Constraint::Length(12),
                Constraint::Length(10),
            ],
        ),
    }
}

impl App {
    fn runtime_options(&self, kind: RecordKind) -> Result<RuntimeOptions> {
        match (kind, &self.session) {
            (RecordKind::Tip, Some(s)) => hotline::tip_options(&self.store, &s.user),
            _ => Ok(RuntimeOptions::new()),
        }
    }

    fn load_list(&self, kind: RecordKind, filter: &Raw, offset: i64) -> Result<Pager<ListRow>> {
        let Some(s) = &self.session else { return Pager::load(|_, _| Ok(Vec::new()), 0) };
        let view =
            ListView { user: &s.user, kind, filter, lang: self.lang, today: local_day(self.now()) };
        Pager::load(|o, l| fetch(&self.store, &view, o, l), offset)
    }

    /// Open the list of contacts or tips.
    pub(crate) fn open_records(&mut self, kind: RecordKind) {
        match self.load_list(kind, &Raw::new(), 0) {
            Ok(list) => {
                self.screen = Screen::Records(RecordScreen {
                    kind,
                    mode: Mode::List,
                    list,
                    filter: Raw::new(),
                    draft_rev: 0,
                })
            }
            Err(e) => self.fail(e),
        }
    }

    /// A new record's form, straight away (a call is logged in seconds).
    pub(crate) fn new_record(&mut self, kind: RecordKind) {
        self.open_records(kind);
        self.edit_record(kind, None, None, None);
    }

    fn edit_record(
        &mut self,
        kind: RecordKind,
        id: Option<i64>,
        raw: Option<Raw>,
        note: Option<String>,
    ) {
        let raw = raw.unwrap_or_else(|| match kind {
            RecordKind::Contact => contact::defaults(self.now()),
            RecordKind::Tip => tip::defaults(self.now()),
        });
        let runtime = match self.runtime_options(kind) {
            Ok(r) => r,
            Err(e) => return self.fail(e),
        };
        let mut raw = raw;
        // Outside law enforcement a tip is always referred to the user's own agency: say so.
        if let (RecordKind::Tip, Some(s)) = (kind, &self.session)
            && let Scope::ReferredTo(own) = Scope::of(&s.user)
        {
            raw.insert("referred_to".into(), own.to_string());
        }
        let form = Form::from_schema(kind.schema(), &raw, &runtime, self.lang);
        if let Screen::Records(r) = &mut self.screen {
            r.mode = Mode::Edit { form, id, note, caller: None };
            r.draft_rev = 0;
        }
    }

    /// Resume the user's latest draft, where they left it.
    pub(crate) fn resume_draft(&mut self) -> bool {
        let Some(s) = &self.session else { return false };
        let draft = match drafts::latest(self.store.conn(), s.user.id) {
            Ok(Some(d)) => d,
            Ok(None) => return false,
            Err(e) => {
                self.fail(e);
                return false;
            }
        };
        let payload: serde_json::Value = serde_json::from_str(&draft.payload).unwrap_or_default();
        let raw: Raw = serde_json::from_value(payload["fields"].clone()).unwrap_or_default();
        let focus = payload["focus"].as_u64().unwrap_or(0) as usize;
        if draft.form.starts_with("referral") || draft.form == "dir_service" {
            self.resume_directory_draft(&draft.form, draft.record_id, &payload, raw, focus);
            return true;
        }
        let Some(kind) = RecordKind::parse(&draft.form) else {
            self.resume_client_draft(&draft.form, draft.record_id, raw, focus);
            return true;
        };
        self.open_records(kind);
        let caller = hotline::draft_caller(&payload);
        let note =
            caller.as_ref().map(|(_, last2)| fill(Msg::CallerKeptHashed.text(self.lang), &[last2]));
        self.edit_record(kind, draft.record_id, Some(raw), note);
        if let Screen::Records(r) = &mut self.screen
            && let Mode::Edit { caller: kept, .. } = &mut r.mode
        {
            *kept = caller;
        }
        if let Some(f) = self.form_mut() {
            f.focus_on(focus);
            f.dirty = true;
        }
        if let Screen::Records(r) = &mut self.screen {
            r.draft_rev = r.form().map_or(0, |f| f.revision);
        }
        self.say(Msg::DraftRestored);
        true
    }

    /// Keep the form in front as a draft when it changed since last kept.
    pub fn keep_draft(&mut self) {
        let Some(uid) = self.session.as_ref().map(|s| s.user.id) else { return };
        let Screen::Records(r) = &mut self.screen else { return };
        let Mode::Edit { form, id, caller, .. } = &r.mode else { return };
        if form.revision == r.draft_rev {
            return;
        }
        // A contact's draft never holds the caller identifier as typed.
        let payload = match r.kind {
            RecordKind::Contact => {
                match hotline::contact_draft(&self.store, form.focus, form.raw(), caller.as_ref()) {
                    Ok(p) => p,
                    Err(e) => return self.fail(e),
                }
            }
            RecordKind::Tip => {
                serde_json::json!({ "focus": form.focus, "fields": form.raw() }).to_string()
            }
        };
        let (kind, id, rev) = (r.kind, *id, form.revision);
        let now = self.now();
        match hotline::save_draft(&mut self.store, uid, kind.id(), id, &payload, now) {
            Ok(()) => {
                if let Screen::Records(r) = &mut self.screen {
                    r.draft_rev = rev;
                }
            }
            Err(e) => self.fail(e),
        }
    }

    fn reload_records(&mut self) {
        let Screen::Records(r) = &self.screen else { return };
        let (kind, filter, offset, selected) =
            (r.kind, r.filter.clone(), r.list.offset, r.list.selected);
        match self.load_list(kind, &filter, offset) {
            Ok(mut list) => {
                list.selected = selected.min(list.rows.len().saturating_sub(1));
                if let Screen::Records(r) = &mut self.screen {
                    r.list = list;
                    r.mode = Mode::List;
                }
            }
            Err(e) => self.fail(e),
        }
    }

    /// Leave the form without saving: the draft goes too.
    pub(crate) fn records_close_form(&mut self) {
        let uid = self.session.as_ref().map(|s| s.user.id);
        if let (Screen::Records(r), Some(uid)) = (&self.screen, uid)
            && let Mode::Edit { id, .. } = &r.mode
        {
            let (kind, id) = (r.kind, *id);
            if let Err(e) = hotline::discard_draft(&mut self.store, uid, kind.id(), id) {
                self.fail(e);
            }
        }
        self.reload_records();
    }

    pub(crate) fn records_action(&mut self, action: Action) {
        let Screen::Records(r) = &self.screen else { return };
        let kind = r.kind;
        match &r.mode {
            Mode::Edit { id, .. } => match (action, *id) {
                (Action::Submit, _) => self.save_record(),
                (Action::Back, _) => self.back_or_confirm(App::records_close_form),
                (Action::LinkToClient, Some(contact_id)) => {
                    let form = Form::from_schema(
                        LINK_FIELDS,
                        &Raw::new(),
                        &RuntimeOptions::new(),
                        self.lang,
                    );
                    if let Screen::Records(r) = &mut self.screen {
                        r.mode = Mode::LinkClient { form, contact_id };
                    }
                }
                (Action::ClientFromContact, Some(contact_id)) => {
                    self.client_from_contact(contact_id)
                }
                (Action::ScreenContact, Some(contact_id)) => self.screen_contact(contact_id),
                (Action::Refer, Some(contact_id))
                    if kind == RecordKind::Contact && !r.form().is_some_and(|f| f.dirty) =>
                {
                    self.open_directory_for(Some(crate::store::referrals::Subject::Contact(
                        contact_id,
                    )))
                }
                (Action::Refer, _) if kind == RecordKind::Contact => {
                    self.fail(crate::Error::user(Msg::ErrSaveContactFirst))
                }
                _ => {}
            },
            Mode::LinkClient { form, contact_id } => match action {
                Action::Submit => {
                    let (contact_id, text) = (*contact_id, form.text(0).to_string());
                    self.link_contact_to(contact_id, &text);
                }
                Action::Back => self.reload_records(),
                _ => {}
            },
            Mode::Filter(form) => match action {
                Action::Submit => {
                    let raw = form.raw();
                    if let Screen::Records(r) = &mut self.screen {
                        r.filter = raw;
                        r.list.offset = 0;
                    }
                    self.reload_records();
                }
                Action::Back => self.reload_records(),
                _ => {}
            },
            Mode::List => self.records_list_action(kind, action),
        }
    }

    fn records_list_action(&mut self, kind: RecordKind, action: Action) {
        let Some(s) = self.session.clone() else { return };
        let lang = self.lang;
        let today = local_day(self.now());
        let Screen::Records(r) = &mut self.screen else { return };
        let filter = r.filter.clone();
        let store = &self.store;
        let view = ListView { user: &s.user, kind, filter: &filter, lang, today };
        let fetch = |o, l| fetch(store, &view, o, l);
        let moved = r.list.navigate(action, fetch);
        if let Some(result) = moved {
            return self.report(result);
        }
        let current = r.list.current().map(|row| row.id);
        match action {
            Action::Back => self.go_home(),
            Action::New => self.edit_record(kind, None, None, None),
            Action::Filter => {
                let form = Form::from_schema(
                    kind.filter_schema(),
                    &r.filter,
                    &RuntimeOptions::new(),
                    lang,
                );
                r.mode = Mode::Filter(form);
            }
            Action::ClearFilter => {
                r.filter = Raw::new();
                r.list.offset = 0;
                self.reload_records();
            }
            Action::Open => {
                if let Some(id) = current {
                    self.open_record(kind, id);
                }
            }
            _ => {}
        }
    }

    pub(crate) fn open_record(&mut self, kind: RecordKind, id: i64) {
        let Some(s) = self.session.clone() else { return };
        let who = Who { user: &s.user, session_id: Some(s.session_id) };
        let lang = self.lang;
        let opened = match kind {
            RecordKind::Contact => hotline::open_contact(&mut self.store, who, id).map(|c| {
                let mut note = fill(Msg::RecordEdits.text(lang), &[&c.edits.to_string()]);
                if let Some(l2) = c.caller_last2 {
                    note = format!("{}  {note}", fill(Msg::CallerOnFile.text(lang), &[&l2]));
                }
                (c.contact.to_raw(), note)
            }),
            RecordKind::Tip => hotline::open_tip(&mut self.store, who, id).map(|t| {
                (t.tip.to_raw(), fill(Msg::RecordEdits.text(lang), &[&t.edits.to_string()]))
            }),
        };
        match opened {
            Ok((raw, note)) => self.edit_record(kind, Some(id), Some(raw), Some(note)),
            Err(e) => self.fail(e),
        }
    }

    fn link_contact_to(&mut self, contact_id: i64, text: &str) {
        let Some(s) = self.session.clone() else { return };
        let lang = self.lang;
        let Ok(client_id) = text.trim().trim_start_matches('#').parse::<i64>() else { return };
        let who = Who { user: &s.user, session_id: Some(s.session_id) };
        let now = self.now();
        match crate::service::casework::link_contact(
            &mut self.store,
            who,
            contact_id,
            client_id,
            now,
        ) {
            Ok(()) => {
                self.reload_records();
                self.say_text(fill(
                    Msg::ContactLinked.text(lang),
                    &[&contact_id.to_string(), &client_id.to_string()],
                ));
            }
            Err(e) => self.fail(e),
        }
    }

    /// Screen the person on a contact who is not (yet) a client.
    fn screen_contact(&mut self, contact_id: i64) {
        let Some(s) = self.session.clone() else { return };
        match crate::store::contacts::get(self.store.conn(), s.user.agency_id, contact_id) {
            Ok(Some(stored)) => {
                let c = stored.contact;
                let minor =
                    if c.minor == "yes" || c.minor == "no" { c.minor.as_str() } else { "unknown" };
                let person = super::screening::Person {
                    client_id: None,
                    contact_id: Some(contact_id),
                    minor: minor.into(),
                    age_known: false,
                    language: c.language.clone(),
                    interpreter: c.interpreter.clone(),
                    age: None,
                };
                self.go(crate::ui::effect::Route::NewScreening(Box::new(person)));
            }
            Ok(None) => self.fail(crate::Error::user(Msg::ErrNoSuchRecord)),
            Err(e) => self.fail(e),
        }
    }

    /// Start a client's intake with what the contact already says.
    fn client_from_contact(&mut self, contact_id: i64) {
        let Some(s) = self.session.clone() else { return };
        match crate::store::contacts::get(self.store.conn(), s.user.agency_id, contact_id) {
            Ok(Some(stored)) => {
                let raw = crate::domain::client::from_contact(&stored.contact);
                self.open_clients();
                self.new_client(Some(raw), Some(contact_id));
            }
            Ok(None) => self.fail(crate::Error::user(Msg::ErrNoSuchRecord)),
            Err(e) => self.fail(e),
        }
    }

    fn save_record(&mut self) {
        let Some(s) = self.session.clone() else { return };
        let lang = self.lang;
        let Screen::Records(r) = &self.screen else { return };
        let Mode::Edit { form, id, caller, .. } = &r.mode else { return };
        let (kind, id, raw, kept) = (r.kind, *id, form.raw(), caller.clone());
        let who = Who { user: &s.user, session_id: Some(s.session_id) };
        let now = self.now();
        let saved = match kind {
            RecordKind::Contact => match Contact::from_raw(&raw) {
                Ok(c) => {
                    Ok(hotline::save_contact_kept(&mut self.store, who, id, &c, kept.as_ref(), now))
                }
                Err(errors) => Err(errors),
            },
            RecordKind::Tip => {
                let runtime = match self.runtime_options(kind) {
                    Ok(r) => r,
                    Err(e) => return self.fail(e),
                };
                match Tip::from_raw(&raw, &runtime) {
                    Ok(t) => Ok(hotline::save_tip(&mut self.store, who, id, &t, now)),
                    Err(errors) => Err(errors),
                }
            }
        };
        match saved {
            Ok(Ok(new_id)) => {
                self.reload_records();
                let msg =
                    if kind == RecordKind::Contact { Msg::ContactSaved } else { Msg::TipSaved };
                self.say_text(fill(msg.text(lang), &[&new_id.to_string()]));
            }
            Ok(Err(e)) => self.fail(e),
            Err(errors) => self.show_form_errors(&errors, kind.schema()),
        }
    }
}

pub fn draw(frame: &mut Frame, area: Rect, r: &RecordScreen, t: Theme, lang: Lang) {
    match &r.mode {
        Mode::List => draw_list(frame, area, r, t, lang),
        Mode::Filter(form) => {
            let b = block(Msg::TitleFilter, t, lang);
            let inner = b.inner(area);
            frame.render_widget(b, area);
            let hint = Paragraph::new(Line::raw(format!(" {}", Msg::FilterHint.text(lang))));
            frame.render_widget(hint, Rect { height: 1, ..inner });
            draw_form(
                frame,
                Rect { y: inner.y + 2, height: inner.height.saturating_sub(2), ..inner },
                form,
                t,
                lang,
            );
        }
        Mode::LinkClient { form, .. } => {
            let b = block(Msg::TitleLinkClient, t, lang);
            let inner = b.inner(area);
            frame.render_widget(b, area);
            let hint = Paragraph::new(Line::raw(format!(" {}", Msg::LinkClientHint.text(lang))));
            frame.render_widget(hint, Rect { height: 1, ..inner });
            draw_form(
                frame,
                Rect { y: inner.y + 2, height: inner.height.saturating_sub(2), ..inner },
                form,
                t,
                lang,
            );
        }
        Mode::Edit { form, note, .. } => {
            form_panel(frame, area, r.title(), note.as_deref(), form, t, lang)
        }
    }
}

fn draw_list(frame: &mut Frame, area: Rect, r: &RecordScreen, t: Theme, lang: Lang) {
    let (heads, widths) = columns(r.kind);
    let header = Row::new(heads.iter().map(|m| Cell::from(m.text(lang)))).style(t.title());
    let rows: Vec<Row> = r
        .list
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let mark = if i == r.list.selected { t.marker() } else { " " };
            let mut cells: Vec<Cell> = Vec::with_capacity(row.cells.len());
            for (j, c) in row.cells.iter().enumerate() {
                cells.push(Cell::from(if j == 0 { format!("{mark}{c}") } else { c.clone() }));
            }
            let row_w = Row::new(cells);
            if i == r.list.selected { row_w.style(t.focus()) } else { row_w }
        })
        .collect();
    let filtered = r.filter.values().any(|v| !v.trim().is_empty());
    let title = if filtered { Msg::ListFiltered } else { r.title() };
    frame.render_widget(Table::new(rows, widths).header(header).block(block(title, t, lang)), area);
    list_footer(frame, area, &r.list, t, lang);
}
