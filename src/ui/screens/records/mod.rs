//! The hotline log and the tips: a paged list (newest first) with filters, and the record's
//! form for a new entry or an edit. Both kinds share this screen; what differs is their schema,
//! their columns and their store. A form is kept as a draft at every change; a contact's draft
//! never holds the caller identifier as typed.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::domain::contact::{self, Contact};
use crate::domain::fields::{FieldSpec, Kind};
use crate::domain::ids::{ClientId, ContactId, TipId};
use crate::domain::record::{Raw, RuntimeOptions};
use crate::domain::tip::{self, Tip};
use crate::i18n::{Lang, Msg, fill};
use crate::service::hotline;
use crate::store::contacts;
use crate::store::referrals::Subject;
use crate::store::tips::Scope;
use crate::ui::effect::{Done, Effect, Route};
use crate::ui::keymap::{self, Action, Binding};
use crate::ui::screen::{Ctx, Page};
use crate::ui::theme::Theme;
use crate::ui::widgets::form::Form;
use crate::ui::widgets::pager::{Pager, Select, Spot};

mod caller;
mod jobs;
mod kind;
mod list;
mod view;

use kind::ANY;
pub use kind::RecordKind;

pub use crate::domain::time::local_day;
pub use list::{ListRow, ListView, fetch};

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
        /// A new call's timer: the start the form opened with. Saved with that start and no
        /// duration, the call lasted from then to the save.
        timer: Option<String>,
    },
    /// Linking a saved contact to a client of the agency.
    LinkClient {
        form: Form,
        contact_id: ContactId,
    },
}

const LINK_FIELDS: &[FieldSpec] =
    &[FieldSpec::new("client", Msg::FieldClientNumber, Kind::Whole { min: 1, max: 999_999_999 })
        .required()];
/// A record form to open once the choices it offers are read: which record, what it holds,
/// what the panel says above it, the caller mark a draft kept, the field to start on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    pub id: Option<i64>,
    pub raw: Option<Raw>,
    pub note: Option<String>,
    pub caller: Option<contacts::CallerMark>,
    /// Restored from a draft: this field has the focus and the form counts as changed.
    pub draft_focus: Option<usize>,
}

pub struct RecordScreen {
    pub kind: RecordKind,
    pub mode: Mode,
    pub list: Pager<ListRow>,
    /// The filter as typed (raw texts by key).
    pub filter: Raw,
    /// The form revision last kept as a draft.
    pub draft_rev: u64,
    /// The choices a tip form offers (people to assign, agencies to refer to).
    runtime: Option<RuntimeOptions>,
    /// A form waiting for those choices.
    pending: Option<Pending>,
    /// A saved record to open as the screen opens.
    open_id: Option<i64>,
    /// What is known of the caller whose number is typed on a contact form.
    pub caller: Box<caller::Lookup>,
}

/// A page of the list, through the filter.
fn load(kind: RecordKind, filter: Raw, spot: Spot, select: Select) -> Effect {
    Effect::run(move |store, ctx| {
        let user = ctx.who()?.user;
        let today = local_day(ctx.now);
        let view = ListView { user, kind, filter: &filter, lang: ctx.lang, today };
        Ok(Done::Records(Pager::load_at(|s: &Spot, l| fetch(store, &view, s, l), spot, select)?))
    })
}

/// The choices a form of this kind offers (a tip's; a contact's need nothing read).
fn options(kind: RecordKind) -> Effect {
    Effect::run(move |store, ctx| match kind {
        RecordKind::Tip => Ok(Done::RecordOptions(hotline::tip_options(store, ctx.who()?.user)?)),
        RecordKind::Contact => Ok(Done::RecordOptions(RuntimeOptions::new())),
    })
}

impl RecordScreen {
    /// The list of contacts or tips.
    pub fn list(kind: RecordKind) -> RecordScreen {
        RecordScreen {
            kind,
            mode: Mode::List,
            list: Pager::default(),
            filter: Raw::new(),
            draft_rev: 0,
            runtime: None,
            pending: None,
            open_id: None,
            caller: Box::default(),
        }
    }

    /// The list, with a saved record opened on it.
    pub fn showing(kind: RecordKind, id: i64) -> RecordScreen {
        RecordScreen { open_id: Some(id), ..RecordScreen::list(kind) }
    }

    /// The list, with a record's form open on it.
    pub fn editing(kind: RecordKind, pending: Pending) -> RecordScreen {
        RecordScreen { pending: Some(pending), ..RecordScreen::list(kind) }
    }

    fn reload(&self) -> Effect {
        let (spot, select) = self.list.here();
        load(self.kind, self.filter.clone(), spot, select)
    }

    /// Open the form `pending` describes, with the choices read.
    fn open_form(&mut self, p: Pending, ctx: &Ctx) {
        let runtime = self.runtime.clone().unwrap_or_default();
        let mut raw = p.raw.unwrap_or_else(|| match self.kind {
            RecordKind::Contact => contact::defaults(ctx.now),
            RecordKind::Tip => tip::defaults(ctx.now),
        });
        // Outside law enforcement a tip is always referred to the user's own agency: say so.
        if let (RecordKind::Tip, Some(u)) = (self.kind, &ctx.user)
            && let Scope::ReferredTo(own) = Scope::of(u)
        {
            raw.insert("referred_to".into(), own.to_string());
        }
        let mut form = Form::from_schema(self.kind.schema(), &raw, &runtime, ctx.lang);
        if let Some(focus) = p.draft_focus {
            form.focus_on(focus);
            form.dirty = true;
        }
        self.draft_rev = if p.draft_focus.is_some() { form.revision } else { 0 };
        let timer = (self.kind == RecordKind::Contact && p.id.is_none())
            .then(|| raw.get("started_at").cloned())
            .flatten();
        self.mode = Mode::Edit { form, id: p.id, note: p.note, caller: p.caller, timer };
        *self.caller = Default::default();
    }

    fn save(&self) -> Vec<Effect> {
        let Mode::Edit { form, id, caller, timer, .. } = &self.mode else { return Vec::new() };
        let (kind, id, raw, kept) = (self.kind, *id, form.raw(), caller.clone());
        let timed = timer.is_some() && raw.get("started_at") == timer.as_ref();
        let job = match kind {
            RecordKind::Contact => match Contact::from_raw(&raw) {
                Ok(mut c) => Effect::run(move |store, ctx| {
                    if timed && c.duration_min.is_none() {
                        c.duration_min = Some(contact::call_minutes(c.started_at, ctx.now));
                    }
                    let saved = hotline::save_contact_kept(
                        store,
                        ctx.who()?,
                        id.map(ContactId),
                        &c,
                        kept.as_ref(),
                        ctx.now,
                    )?;
                    Ok(Done::RecordSaved(saved.0))
                }),
                Err(errors) => return vec![Effect::FormErrors(errors, kind.schema())],
            },
            RecordKind::Tip => {
                let runtime = self.runtime.clone().unwrap_or_default();
                match Tip::from_raw(&raw, &runtime) {
                    Ok(t) => Effect::run(move |store, ctx| {
                        let saved =
                            hotline::save_tip(store, ctx.who()?, id.map(TipId), &t, ctx.now)?;
                        Ok(Done::RecordSaved(saved.0))
                    }),
                    Err(errors) => return vec![Effect::FormErrors(errors, kind.schema())],
                }
            }
        };
        vec![job]
    }

    fn edit_update(&mut self, action: Action, ctx: &Ctx) -> Vec<Effect> {
        let Mode::Edit { id, form, .. } = &self.mode else { return Vec::new() };
        // Only a contact's id is used below: the actions on it are a contact's.
        let (id, dirty, contact) =
            (id.map(ContactId), form.dirty, self.kind == RecordKind::Contact);
        match (action, id) {
            (Action::Submit, _) => self.save(),
            (Action::Back, _) => vec![Effect::LeaveForm],
            (Action::LinkToClient, Some(contact_id)) => {
                let form =
                    Form::from_schema(LINK_FIELDS, &Raw::new(), &RuntimeOptions::new(), ctx.lang);
                self.mode = Mode::LinkClient { form, contact_id };
                Vec::new()
            }
            (Action::ClientFromContact, Some(contact_id)) => vec![jobs::new_client(contact_id)],
            (Action::ScreenContact, Some(contact_id)) => vec![jobs::screen(contact_id)],
            (Action::Refer, Some(contact_id)) if contact && !dirty => {
                vec![Effect::Go(Route::DirectoryFor(Subject::Contact(contact_id)))]
            }
            (Action::Refer | Action::Disclosures, _) if contact && id.is_none() => {
                vec![Effect::Fail(crate::Error::user(Msg::ErrSaveContactFirst))]
            }
            (Action::Disclosures, Some(contact_id)) if contact => {
                vec![Effect::Go(Route::Disclosures(Subject::Contact(contact_id)))]
            }
            (Action::Refer, _) if contact => {
                vec![Effect::Fail(crate::Error::user(Msg::ErrSaveContactFirst))]
            }
            _ => Vec::new(),
        }
    }

    fn list_update(&mut self, action: Action, ctx: &Ctx) -> Vec<Effect> {
        let (kind, filter) = (self.kind, self.filter.clone());
        if let Some(effects) = self.list.moved(action, |o, s| load(kind, filter, o, s)) {
            return effects;
        }
        match action {
            Action::Back => vec![Effect::Go(Route::Home)],
            Action::New => {
                let p =
                    Pending { id: None, raw: None, note: None, caller: None, draft_focus: None };
                self.open_form(p, ctx);
                Vec::new()
            }
            Action::Filter => {
                let schema = self.kind.filter_schema();
                let form =
                    Form::from_schema(schema, &self.filter, &RuntimeOptions::new(), ctx.lang);
                self.mode = Mode::Filter(form);
                Vec::new()
            }
            Action::ClearFilter => {
                self.filter = Raw::new();
                vec![load(self.kind, Raw::new(), Spot::top(), Select::First)]
            }
            Action::Open => match self.list.current().map(|r| r.id) {
                Some(id) => vec![open(self.kind, id)],
                None => Vec::new(),
            },
            _ => Vec::new(),
        }
    }
}

/// A saved contact or tip, opened (audited) into its form.
fn open(kind: RecordKind, id: i64) -> Effect {
    Effect::run(move |store, ctx| {
        let (who, lang) = (ctx.who()?, ctx.lang);
        let (raw, note) = match kind {
            RecordKind::Contact => {
                let c = hotline::open_contact(store, who, ContactId(id))?;
                let mut note = fill(Msg::RecordEdits.text(lang), &[&c.edits.to_string()]);
                if let Some(l2) = c.caller_last2 {
                    note = format!("{}  {note}", fill(Msg::CallerOnFile.text(lang), &[&l2]));
                }
                (c.contact.to_raw(), note)
            }
            RecordKind::Tip => {
                let t = hotline::open_tip(store, who, TipId(id))?;
                (t.tip.to_raw(), fill(Msg::RecordEdits.text(lang), &[&t.edits.to_string()]))
            }
        };
        let pending = Pending {
            id: Some(id),
            raw: Some(raw),
            note: Some(note),
            caller: None,
            draft_focus: None,
        };
        Ok(Done::RecordOpened(Box::new(pending)))
    })
}

impl Page for RecordScreen {
    fn keymap(&self) -> &'static [Binding] {
        match (&self.mode, self.kind) {
            (Mode::List, _) => keymap::RECORDS,
            (Mode::Edit { .. }, RecordKind::Contact) if self.caller.shown => keymap::CALLER_HISTORY,
            (Mode::Edit { id: Some(_), .. }, RecordKind::Contact) => keymap::CONTACT_FORM,
            (Mode::Edit { id: None, .. }, RecordKind::Contact) => keymap::NEW_CONTACT,
            _ => keymap::FORM,
        }
    }

    fn help_note(&self) -> Option<Msg> {
        (matches!(self.mode, Mode::List) && self.kind == RecordKind::Contact)
            .then_some(Msg::LogFlags)
    }

    fn title(&self) -> Msg {
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

    fn form(&self) -> Option<&Form> {
        match &self.mode {
            Mode::List => None,
            // The caller's earlier contacts are over the form: keys are theirs.
            Mode::Edit { .. } if self.caller.shown => None,
            Mode::Filter(f) | Mode::Edit { form: f, .. } | Mode::LinkClient { form: f, .. } => {
                Some(f)
            }
        }
    }

    fn form_mut(&mut self) -> Option<&mut Form> {
        match &mut self.mode {
            Mode::List => None,
            Mode::Edit { .. } if self.caller.shown => None,
            Mode::Filter(f) | Mode::Edit { form: f, .. } | Mode::LinkClient { form: f, .. } => {
                Some(f)
            }
        }
    }

    /// The first page, and the choices a form offers.
    fn enter(&mut self, _ctx: &Ctx) -> Vec<Effect> {
        let first = [load(self.kind, Raw::new(), Spot::top(), Select::First), options(self.kind)];
        first.into_iter().chain(self.open_id.take().map(|id| open(self.kind, id))).collect()
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Vec<Effect> {
        match &self.mode {
            Mode::Edit { .. } => {
                self.caller_update(action).unwrap_or_else(|| self.edit_update(action, ctx))
            }
            Mode::LinkClient { form, contact_id } => match action {
                Action::Submit => {
                    let contact_id = *contact_id;
                    let Some(client_id) = ClientId::typed(form.text(0)) else { return Vec::new() };
                    vec![Effect::run(move |store, ctx| {
                        let who = ctx.who()?;
                        crate::service::casework::link_contact(
                            store, who, contact_id, client_id, ctx.now,
                        )?;
                        let text = fill(
                            Msg::ContactLinked.text(ctx.lang),
                            &[&contact_id.to_string(), &client_id.to_string()],
                        );
                        Ok(Done::Said(text))
                    })]
                }
                Action::Back => {
                    self.mode = Mode::List;
                    vec![self.reload()]
                }
                _ => Vec::new(),
            },
            Mode::Filter(form) => match action {
                Action::Submit => {
                    self.filter = form.raw();
                    self.mode = Mode::List;
                    vec![load(self.kind, self.filter.clone(), Spot::top(), Select::First)]
                }
                Action::Back => {
                    self.mode = Mode::List;
                    vec![self.reload()]
                }
                _ => Vec::new(),
            },
            Mode::List => self.list_update(action, ctx),
        }
    }

    fn on_done(&mut self, done: Done, ctx: &Ctx) -> Vec<Effect> {
        match done {
            Done::Records(list) => self.list = list,
            Done::RecordOptions(runtime) => {
                self.runtime = Some(runtime);
                if let Some(p) = self.pending.take() {
                    self.open_form(p, ctx);
                }
            }
            Done::RecordOpened(p) => self.open_form(*p, ctx),
            Done::RecordSaved(id) => {
                self.mode = Mode::List;
                let msg = match self.kind {
                    RecordKind::Contact => Msg::ContactSaved,
                    RecordKind::Tip => Msg::TipSaved,
                };
                let text = fill(msg.text(ctx.lang), &[&id.to_string()]);
                return vec![self.reload(), Effect::SayText(text)];
            }
            Done::Said(text) => {
                self.mode = Mode::List;
                return vec![self.reload(), Effect::SayText(text)];
            }
            Done::DraftKept(rev) => self.draft_rev = rev,
            Done::CallerHistory(found) => self.caller.history = found,
            Done::Route(route) => return vec![Effect::Go(route)],
            _ => {}
        }
        Vec::new()
    }

    /// Leave the form: its draft goes too.
    fn discard(&mut self, _ctx: &Ctx) -> Vec<Effect> {
        let dropped = match &self.mode {
            Mode::Edit { id, .. } => Some(Effect::drop_draft(self.kind.draft_form(), *id)),
            _ => None,
        };
        self.mode = Mode::List;
        dropped.into_iter().chain([self.reload()]).collect()
    }

    /// The form in front, kept as a draft when it changed since it was last kept.
    fn draft(&mut self, _ctx: &Ctx) -> Vec<Effect> {
        let Mode::Edit { form, id, caller, .. } = &self.mode else { return Vec::new() };
        if form.revision == self.draft_rev {
            return Vec::new();
        }
        let (kind, id, rev, focus, raw, caller) =
            (self.kind, *id, form.revision, form.focus, form.raw(), caller.clone());
        vec![Effect::run(move |store, ctx| {
            let who = ctx.who()?;
            // A contact's draft never holds the caller identifier as typed.
            let payload = match kind {
                RecordKind::Contact => hotline::contact_draft(store, focus, raw, caller.as_ref())?,
                RecordKind::Tip => serde_json::json!({ "focus": focus, "fields": raw }).to_string(),
            };
            hotline::save_draft(store, who, kind.draft_form(), id, &payload, ctx.now)?;
            Ok(Done::DraftKept(rev))
        })]
    }

    fn after_input(&mut self, now: std::time::Instant) {
        self.caller_after_input(now);
    }

    fn due(&self) -> Option<std::time::Instant> {
        self.caller.due()
    }

    fn tick(&mut self, now: std::time::Instant, _ctx: &Ctx) -> Vec<Effect> {
        self.caller_tick(now)
    }

    fn draw(&self, frame: &mut Frame, area: Rect, t: Theme, lang: Lang) {
        view::draw(frame, area, self, t, lang)
    }
}

#[cfg(test)]
mod tests;
