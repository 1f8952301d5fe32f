//! Clients and case records: the list (search by chosen name, initials or record number), the
//! intake form with its duplicate check, and the case record with its timeline, services,
//! versioned notes and status changes. Legal names never appear in a list.

use crate::domain::ids::{ClientId, ContactId};
use ratatui::Frame;
use ratatui::layout::Rect;

use crate::domain::client::{self, EventKind};
use crate::domain::draft::DraftForm;
use crate::domain::fields::{FieldSpec, Kind, Options};
use crate::domain::record::{Raw, RuntimeOptions};
use crate::i18n::{Lang, Msg, fill};
use crate::store::clients::{self as store_clients, NoteVersion, Stored};
use crate::ui::effect::{Done, Effect};
use crate::ui::keymap::{self, Action, Binding};
use crate::ui::screen::{Ctx, Page};
use crate::ui::theme::Theme;
use crate::ui::widgets::form::Form;
use crate::ui::widgets::pager::{Pager, Select, Spot};
use crate::ui::widgets::scroll::Scroll;

mod forms;
mod jobs;
mod rows;
#[cfg(test)]
mod tests;
mod view;

use jobs::{load, open_client, options};

const FILTER: &[FieldSpec] = &[
    FieldSpec::new("search", Msg::FieldSearch, Kind::Line { max: 60 }),
    FieldSpec::new("status", Msg::FieldStatus, Kind::One(Options::Fixed(client::STATUSES))),
    FieldSpec::new("assigned_to", Msg::FieldAssignedTo, Kind::One(Options::Runtime)),
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListRow {
    pub id: ClientId,
    pub cells: Vec<String>,
    pub danger: bool,
}

pub struct TimelineRow {
    pub kind: EventKind,
    pub ref_id: i64,
    pub cells: Vec<String>,
}

impl crate::ui::widgets::pager::PageKey for ListRow {}
impl crate::ui::widgets::pager::PageKey for TimelineRow {}

pub struct RecordView {
    pub stored: Stored,
    pub timeline: Pager<TimelineRow>,
    /// The day it was read (New Mexico time): which releases are in force.
    pub today: jiff::civil::Date,
}

pub enum ClientMode {
    List,
    Filter(Form),
    /// A new client (`id` None) or an edit of the intake.
    Intake {
        form: Form,
        id: Option<ClientId>,
        from_contact: Option<ContactId>,
    },
    /// Likely duplicates found before saving a new client.
    Duplicates {
        form: Form,
        from_contact: Option<ContactId>,
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
    /// A step of immigration relief.
    Relief(Form),
    /// A release of information.
    Release(Box<crate::ui::screens::consent::ReleaseForm>),
    /// The revocation of release `id` (signed on `signed_on`).
    Revoke {
        form: Form,
        id: i64,
        signed_on: jiff::civil::Date,
    },
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
    /// The staff a form may assign a client to.
    runtime: Option<RuntimeOptions>,
    /// A form to open once what it needs is read.
    pending: Option<Pending>,
    /// A case record to open as the screen opens.
    open_id: Option<ClientId>,
}

/// A clients form to open once what it needs is read (the staff to assign, the record).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// An intake: new (`id` None, perhaps from a contact) or an edit.
    Intake { id: Option<ClientId>, raw: Raw, from_contact: Option<ContactId>, focus: Option<usize> },
    /// A service or note of client `client` brought back from a draft.
    CaseForm { form: DraftForm, client: ClientId, raw: Raw, focus: usize },
}

impl ClientScreen {
    /// The client list.
    pub fn list() -> ClientScreen {
        ClientScreen {
            list: Pager::default(),
            filter: Raw::new(),
            record: None,
            mode: ClientMode::List,
            draft_rev: 0,
            runtime: None,
            pending: None,
            open_id: None,
        }
    }

    /// A case record, over the list.
    pub fn showing(id: ClientId) -> ClientScreen {
        ClientScreen { open_id: Some(id), ..ClientScreen::list() }
    }

    /// A form (an intake, or a draft brought back), over the list.
    pub fn with_form(pending: Pending) -> ClientScreen {
        let open_id = match &pending {
            Pending::Intake { id, .. } => *id,
            Pending::CaseForm { client, .. } => Some(*client),
        };
        ClientScreen { pending: Some(pending), open_id, ..ClientScreen::list() }
    }

    fn client_id(&self) -> Option<ClientId> {
        self.record.as_ref().map(|r| r.stored.id)
    }

    fn reload(&self) -> Effect {
        let (spot, select) = self.list.here();
        load(self.filter.clone(), spot, select)
    }

    /// Back from a form or view: to the case record when one is open, else the list.
    fn back_to_record_or_list(&mut self) -> Vec<Effect> {
        match self.client_id() {
            Some(id) => vec![open_client(id)],
            None => {
                self.mode = ClientMode::List;
                vec![self.reload()]
            }
        }
    }

    /// Open a pending form once what it needs is here.
    fn open_pending(&mut self, ctx: &Ctx) {
        let ready = match &self.pending {
            Some(Pending::Intake { id: None, .. }) => self.runtime.is_some(),
            Some(_) => self.runtime.is_some() && self.record.is_some(),
            None => false,
        };
        if !ready {
            return;
        }
        let Some(p) = self.pending.take() else { return };
        let focus = match p {
            Pending::Intake { id, raw, from_contact, focus } => {
                self.intake(id, raw, from_contact, ctx);
                focus
            }
            Pending::CaseForm { form, raw, focus, .. } => {
                self.mode = forms::case_form(form, &raw, ctx.lang);
                Some(focus)
            }
        };
        if let Some(focus) = focus {
            if let Some(f) = self.form_mut() {
                f.focus_on(focus);
                f.dirty = true;
            }
            self.draft_rev = self.form().map_or(0, |f| f.revision);
        }
    }

    /// The intake form: new, from a contact, or the record's own to edit.
    fn intake(
        &mut self,
        id: Option<ClientId>,
        raw: Raw,
        from_contact: Option<ContactId>,
        ctx: &Ctx,
    ) {
        let Some(role) = ctx.user.as_ref().map(|u| u.role) else { return };
        let runtime = self.runtime.clone().unwrap_or_default();
        let form = Form::from_schema(&client::fields_for(role), &raw, &runtime, ctx.lang);
        self.mode = ClientMode::Intake { form, id, from_contact };
        self.draft_rev = 0;
    }

    /// The draft a form in front is kept under: (form, record id).
    fn draft_key(&self) -> Option<(DraftForm, Option<i64>)> {
        let client = self.record.as_ref().map(|r| r.stored.id.0);
        match &self.mode {
            ClientMode::Intake { id, .. } => Some((DraftForm::Client, id.map(|c| c.0))),
            ClientMode::Service(_) => Some((DraftForm::Service, client)),
            ClientMode::Note { .. } => Some((DraftForm::Note, client)),
            _ => None,
        }
    }
}

impl Page for ClientScreen {
    fn form(&self) -> Option<&Form> {
        match &self.mode {
            ClientMode::Filter(f)
            | ClientMode::Intake { form: f, .. }
            | ClientMode::Service(f)
            | ClientMode::Note { form: f, .. }
            | ClientMode::Status(f)
            | ClientMode::Relief(f)
            | ClientMode::Revoke { form: f, .. }
            | ClientMode::Payment(f) => Some(f),
            ClientMode::Release(r) => Some(&r.form),
            _ => None,
        }
    }

    fn form_mut(&mut self) -> Option<&mut Form> {
        match &mut self.mode {
            ClientMode::Filter(f)
            | ClientMode::Intake { form: f, .. }
            | ClientMode::Service(f)
            | ClientMode::Note { form: f, .. }
            | ClientMode::Status(f)
            | ClientMode::Relief(f)
            | ClientMode::Revoke { form: f, .. }
            | ClientMode::Payment(f) => Some(f),
            ClientMode::Release(r) => Some(&mut r.form),
            _ => None,
        }
    }

    fn keymap(&self) -> &'static [Binding] {
        match self.mode {
            ClientMode::List => keymap::CLIENTS,
            ClientMode::Record => keymap::CLIENT_RECORD,
            ClientMode::Duplicates { .. } => keymap::DUPLICATES,
            ClientMode::NoteView { .. } => keymap::NOTE_VIEW,
            ClientMode::ServiceView(..) => keymap::SERVICE_VIEW,
            _ => keymap::FORM,
        }
    }

    fn title(&self) -> Msg {
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
            ClientMode::Relief(_) => Msg::TitleRelief,
            ClientMode::Release(_) => Msg::TitleRelease,
            ClientMode::Revoke { .. } => Msg::TitleRevokeRelease,
            ClientMode::Payment(_) => Msg::TitlePayment,
            ClientMode::NoteView { .. } => Msg::TitleNote,
            ClientMode::ServiceView(..) => Msg::TlService,
        }
    }

    /// The list, the staff a form may assign, and a case record or form asked for.
    fn enter(&mut self, _ctx: &Ctx) -> Vec<Effect> {
        let first = [load(Raw::new(), Spot::top(), Select::First), options()];
        first.into_iter().chain(self.open_id.take().map(open_client)).collect()
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Vec<Effect> {
        match &self.mode {
            ClientMode::List => self.list_update(action, ctx),
            ClientMode::Filter(form) => match action {
                Action::Submit => {
                    self.filter = form.raw();
                    self.mode = ClientMode::List;
                    vec![load(self.filter.clone(), Spot::top(), Select::First)]
                }
                Action::Back => {
                    self.mode = ClientMode::List;
                    vec![self.reload()]
                }
                _ => Vec::new(),
            },
            ClientMode::Intake { .. } => match action {
                Action::Submit => self.save_intake(false, None, ctx),
                Action::Back => vec![Effect::LeaveForm],
                _ => Vec::new(),
            },
            ClientMode::Duplicates { .. } => self.duplicates_update(action, ctx),
            ClientMode::Record => self.record_update(action, ctx),
            ClientMode::Service(_)
            | ClientMode::Note { .. }
            | ClientMode::Status(_)
            | ClientMode::Relief(_)
            | ClientMode::Release(_)
            | ClientMode::Revoke { .. }
            | ClientMode::Payment(_) => match action {
                Action::Submit => self.save_case_form(ctx),
                Action::Back => vec![Effect::LeaveForm],
                _ => Vec::new(),
            },
            ClientMode::NoteView { note_id, versions, .. } => match action {
                Action::Edit => {
                    let body = versions.first().map(|v| v.body.clone()).unwrap_or_default();
                    let note_id = *note_id;
                    let mut raw = Raw::new();
                    raw.insert("body".into(), body);
                    let form = Form::from_schema(
                        client::NOTE_FIELDS,
                        &raw,
                        &RuntimeOptions::new(),
                        ctx.lang,
                    );
                    self.mode = ClientMode::Note { form, note_id: Some(note_id) };
                    self.draft_rev = 0;
                    Vec::new()
                }
                Action::Back => self.back_to_record_or_list(),
                other => {
                    if let ClientMode::NoteView { scroll, .. } = &mut self.mode {
                        scroll.act(other);
                    }
                    Vec::new()
                }
            },
            ClientMode::ServiceView(..) => {
                if action == Action::Back {
                    return self.back_to_record_or_list();
                }
                if let ClientMode::ServiceView(_, scroll) = &mut self.mode {
                    scroll.act(action);
                }
                Vec::new()
            }
        }
    }

    fn on_done(&mut self, done: Done, ctx: &Ctx) -> Vec<Effect> {
        match done {
            Done::Clients(list) => self.list = list,
            Done::ClientOptions(runtime) => {
                self.runtime = Some(runtime);
                self.open_pending(ctx);
            }
            Done::ClientRecord(view) => {
                self.record = Some(*view);
                self.mode = ClientMode::Record;
                self.open_pending(ctx);
            }
            Done::Timeline(timeline) => {
                if let Some(r) = &mut self.record {
                    r.timeline = timeline;
                }
            }
            Done::Duplicates(candidates) => {
                let old = std::mem::replace(&mut self.mode, ClientMode::List);
                if let ClientMode::Intake { form, from_contact, .. } = old {
                    self.mode =
                        ClientMode::Duplicates { form, from_contact, candidates, selected: 0 };
                }
            }
            Done::ClientSaved(id) => {
                let text = fill(Msg::ClientSaved.text(ctx.lang), &[&id.to_string()]);
                return vec![open_client(id), Effect::SayText(text)];
            }
            Done::Saved(msg) => {
                let reopen = self.client_id().map(open_client);
                return reopen.into_iter().chain([Effect::Say(msg)]).collect();
            }
            Done::NoteVersions(note_id, versions) => {
                self.mode = ClientMode::NoteView { note_id, versions, scroll: Scroll::default() }
            }
            Done::ServiceLine(view) => {
                self.mode = ClientMode::ServiceView(*view, Scroll::default())
            }
            Done::PaymentForm(form) => self.mode = ClientMode::Payment(*form),
            Done::ReleaseForm(form) => self.mode = ClientMode::Release(form),
            Done::DraftKept(rev) => self.draft_rev = rev,
            _ => {}
        }
        Vec::new()
    }

    /// Leave the form: its draft goes too; back to the record or the list.
    fn discard(&mut self, _ctx: &Ctx) -> Vec<Effect> {
        let dropped = self.draft_key().map(|(name, id)| Effect::drop_draft(name, id));
        dropped.into_iter().chain(self.back_to_record_or_list()).collect()
    }

    /// Keep the client, service or note form in front as a draft when it changed.
    fn draft(&mut self, _ctx: &Ctx) -> Vec<Effect> {
        let (Some((name, id)), Some(form)) = (self.draft_key(), self.form()) else {
            return Vec::new();
        };
        Effect::keep_draft(name, id, form, self.draft_rev, None).into_iter().collect()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, t: Theme, lang: Lang) {
        view::draw(frame, area, self, t, lang)
    }
}
