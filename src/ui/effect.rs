//! What a screen asks of the console, and what comes back. A screen's `update` never touches
//! the store or the terminal: it returns effects, the app carries them out (`App::run`), and
//! the outcome of a use case comes back to the screen as `Done`.

use crate::domain::draft::DraftForm;
use crate::domain::fields::{FieldError, FieldSpec};
use crate::domain::ids::{
    ClientId, ContactId, FundId, ReferralId, ScreeningId, ServiceId, TipId, UserId,
};
use std::collections::HashMap;

use crate::auth::Actor;
use crate::auth::login::{LoggedIn, Outcome};
use crate::domain::record::{Raw, RuntimeOptions};
use crate::domain::screening::{Answer, Tool};
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::service::casework::Opened;
use crate::service::reports::Report;
use crate::store::Store;
use crate::store::clients::{NoteVersion, Row as ClientCandidate, ServiceView};
use crate::store::directory::{Detail, Hit};
use crate::store::funds::{FundRow, PaymentRow};
use crate::store::referrals::Subject;
use crate::store::referrals::{Due, Stored};
use crate::store::screenings::{Report as ScreeningReport, ReportSource};
use crate::store::users::{Agency, StaffRow};
use crate::ui::screen::Ctx;
use crate::ui::screens::clients::{
    ListRow as ClientRow, Pending as ClientPending, RecordView, TimelineRow,
};
use crate::ui::screens::directory::{DMode, Pending as DirPending};
use crate::ui::screens::funds::FundView;
use crate::ui::screens::records::{ListRow, Pending, RecordKind};
use crate::ui::screens::referrals::Back;
use crate::ui::screens::screening::Person;
use crate::ui::widgets::form::Form;
use crate::ui::widgets::pager::Pager;

/// Where the console can go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    /// The login form, with this user name filled in.
    Login(String),
    ChangePin,
    /// A new hotline contact's form, straight away.
    NewContact,
    HotlineLog,
    Tips,
    Clients,
    Directory,
    /// The user's latest unsaved form, where they left it (home when there is none).
    ResumeDraft,
    Settings,
    Agencies,
    Staff,
    /// The training and outreach log.
    Outreach,
    Funds,
    /// The referrals due for follow-up.
    FollowUps,
    /// One referral, and where Esc leads from it.
    Referral(ReferralId, Back),
    /// A client's case record.
    Client(ClientId),
    /// A saved hotline contact.
    Contact(ContactId),
    /// A tip.
    Tip(TipId),
    /// A screening (resumed, or read when closed).
    Screening(ScreeningId),
    /// A new screening of this person, from the consent step.
    NewScreening(Box<Person>),
    /// A client's (or a hotline contact's) releases and disclosures.
    Disclosures(crate::store::referrals::Subject),
    /// The cases other agencies offer this one.
    Offers,
    /// Reports for funders.
    Reports,
    /// A contact's or tip's form (new, opened, or restored from a draft), over its list.
    RecordForm(RecordKind, Box<Pending>),
    /// A new client's intake, filled from a hotline contact.
    NewClient(Box<Raw>, ContactId),
    /// Find a service, to refer someone.
    DirectoryFor(Subject),
    /// A clients form (an intake, or a draft brought back).
    ClientForm(Box<ClientPending>),
    /// Find a service with a form brought back from a draft (a referral or a service).
    DirectoryDraft(Option<Subject>, Box<DirPending>),
}

/// A use case to run against the store as the person in session.
pub type Job = Box<dyn FnOnce(&mut Store, &Ctx) -> Result<Done>>;

pub enum Effect {
    /// Run a use case; its outcome comes back to the screen in front through `on_done`.
    Run(Job),
    /// Open another screen.
    Go(Route),
    /// A notice in the status line.
    Say(Msg),
    /// A notice made with its arguments.
    SayText(String),
    /// An error in the status line (and on its field when a form is in front).
    Fail(Error),
    /// Ask first; a yes comes back to the screen through `on_confirm`.
    Confirm(Confirm),
    /// Leave a form: at once when nothing was typed, else after the discard question.
    LeaveForm,
    /// A login or unlock went through: start the session (ending the locked one it replaced).
    Start(Box<LoggedIn>, Option<Actor>),
    /// The language chosen on the login screen: it becomes the user's preference.
    ChooseLanguage,
    /// The user's own PIN was changed: nothing more to force.
    PinChanged,
    /// The idle-lock time is now this many minutes.
    IdleMinutes(u32),
    /// A phone number for the user's own clipboard (none: say there is none).
    Copy(Option<String>),
    /// The other language, kept as the user's preference.
    SwitchLanguage,
    /// Lock the console now.
    Lock,
    /// End the session.
    Logout,
    /// Leave the program (asking first when something typed is not saved).
    Quit,
    /// A form that did not pass its schema: each problem on its field, the first in the
    /// status line.
    FormErrors(Vec<FieldError>, &'static [FieldSpec]),
}

impl Effect {
    /// Run `job` (a shorthand that boxes it).
    pub fn run(job: impl FnOnce(&mut Store, &Ctx) -> Result<Done> + 'static) -> Effect {
        Effect::Run(Box::new(job))
    }

    /// Keep `form` as the draft `name` of record `id` when it changed since revision `kept`
    /// (its focus and fields; nothing else goes into such a draft).
    pub fn keep_draft(
        name: DraftForm,
        id: Option<i64>,
        form: &Form,
        kept: u64,
        extra: Option<(&str, serde_json::Value)>,
    ) -> Option<Effect> {
        if form.revision == kept {
            return None;
        }
        let mut payload = serde_json::json!({ "focus": form.focus, "fields": form.raw() });
        if let Some((key, value)) = extra {
            payload[key] = value;
        }
        let (payload, rev) = (payload.to_string(), form.revision);
        Some(Effect::run(move |store, ctx| {
            crate::service::hotline::save_draft(store, ctx.who()?, name, id, &payload, ctx.now)?;
            Ok(Done::DraftKept(rev))
        }))
    }

    /// Throw the draft `name` of record `id` away (its form was left without saving).
    pub fn drop_draft(name: DraftForm, id: Option<i64>) -> Effect {
        Effect::run(move |store, ctx| {
            crate::service::hotline::discard_draft(store, ctx.who()?, name, id)?;
            Ok(Done::DraftKept(0))
        })
    }
}

/// What a use case gave back.
pub enum Done {
    /// A change was made; this says so.
    Saved(Msg),
    /// A page of agencies.
    Agencies(Pager<Agency>),
    /// A page of the training and outreach log.
    Outreach(Pager<crate::store::outreach::Logged>),
    /// A page of staff accounts.
    Staff(Pager<StaffRow>),
    /// The agencies to offer on a staff form.
    AgencyChoices(Vec<Agency>),
    /// The settings as stored: the idle-lock time and each kind's retention time.
    Settings(u32, Vec<String>),
    /// A fund was made: its id, and what to say.
    FundCreated(FundId, Msg),
    /// The agency's funds.
    Funds(Vec<FundRow>),
    /// One fund with its figures and first page of payments.
    Fund(Box<FundView>),
    /// A page of a fund's payments.
    Payments(Pager<PaymentRow>),
    /// A page of the referrals due for follow-up.
    Due(Pager<Due>),
    /// One referral, opened.
    Referral(Box<Stored>),
    /// A report built, and the period form's values it was built for.
    /// A report built, the period as chosen, and as shown (the VOCA report's federal year).
    Report(Box<Report>, Raw, Raw),
    /// The task force's figures for the report on screen, every agency added up.
    TaskForce(Box<crate::domain::combined::Combined>),
    /// A page of the records behind a figure.
    DrillPage(Pager<i64>),
    /// The client a record belongs to.
    ClientOf(ClientId),
    /// What home shows as it opens: drafts kept, and the referrals due.
    Home {
        drafts: i64,
        due: Vec<Due>,
        due_count: i64,
        /// The idle-lock time as it is now (an administrator may have changed it).
        idle_minutes: u32,
    },
    /// The screening tools on offer.
    Tools(Vec<Tool>),
    /// A stored screening, opened, with the earlier answers to offer.
    ScreeningOpened(Box<Opened>, HashMap<String, Answer>),
    /// A screening started with this tool version.
    ScreeningStarted {
        id: ScreeningId,
        tool: Box<Tool>,
        earlier: HashMap<String, Answer>,
    },
    /// An answer recorded; `stay` on the same question (a note or source was added).
    Answered {
        item: String,
        answer: Answer,
        stay: bool,
    },
    ScreeningClosed,
    /// A minor's indicators call for the reporting step first.
    ReportRequired,
    /// The report already on record about the person, if any.
    EarlierReport(Option<(ReportSource, ScreeningReport)>),
    /// A page of the hotline log or the tips.
    Records(Pager<ListRow>),
    /// The choices a record form offers.
    RecordOptions(RuntimeOptions),
    /// A saved record, opened into its form.
    RecordOpened(Box<Pending>),
    /// A contact or tip saved: its number.
    RecordSaved(i64),
    /// A change made, and the words that say so.
    Said(String),
    /// A form kept as a draft at this revision.
    DraftKept(u64),
    /// What the console knows of the caller whose number is being typed.
    CallerHistory(Option<crate::service::hotline::CallerHistory>),
    /// Something shown was put on record; nothing to change.
    Shown,
    /// Somewhere to go, found by reading the store.
    Route(Route),
    /// The first page of services, for the search box at this revision.
    Hits(Vec<Hit>, u64),
    /// A service's detail.
    ServiceDetail(Box<Detail>),
    /// A service's form (with the field to focus when it is a draft) and its choices.
    ServiceForm(Box<Form>, Option<ServiceId>, Option<usize>, Box<RuntimeOptions>),
    /// A referral's form, ready (with the field to focus when it is a draft).
    ReferForm(Box<DMode>, Option<usize>),
    /// A service saved: its id.
    ServiceSaved(ServiceId),
    /// A service marked verified today.
    ServiceVerified(ServiceId),
    /// The first administrator was created: their user name.
    AdminCreated(String),
    /// What a login or unlock attempt found, and the locked session it would replace.
    LoginOutcome(Box<Outcome>, Option<Actor>),
    /// The user's own PIN changed.
    PinChanged,
    /// A page of the agency's clients.
    Clients(Pager<ClientRow>),
    /// The staff a client may be assigned to.
    ClientOptions(RuntimeOptions),
    /// A case record, opened.
    ClientRecord(Box<RecordView>),
    /// A page of a case record's timeline.
    Timeline(Pager<TimelineRow>),
    /// Likely duplicates of a new client, found before saving.
    Duplicates(Vec<ClientCandidate>),
    /// A client saved: the record's number.
    ClientSaved(ClientId),
    /// Every version of a note.
    NoteVersions(i64, Vec<NoteVersion>),
    /// A service line in full.
    ServiceLine(Box<ServiceView>),
    /// The payment form, with the open funds to choose from.
    PaymentForm(Box<Form>),
    /// A client's releases, offers and disclosures.
    ConsentLog(Box<crate::ui::screens::consent::log::Held>),
    /// The cases offered to the agency, and one offer read.
    Offers(Vec<crate::store::transfers::Offered>),
    Offer(Box<crate::store::transfers::Offer>),
    /// The release form, with the agencies it may name and the default lengths.
    ReleaseForm(Box<crate::ui::screens::consent::ReleaseForm>),
}

/// What the confirm overlay asks before it is done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Confirm {
    /// Leave the program although something typed is not saved.
    Quit,
    /// Throw away the changes on the form in front.
    Discard,
    /// Disable (or enable) the staff account with this id.
    ToggleDisabled { user_id: UserId, disable: bool },
    /// Retire the directory service on screen.
    Retire,
    /// Take over a form another session of the user's left unsaved (it ended, its console is
    /// gone, or it sits idle): that session can then no longer save it.
    TakeOverDraft(Box<crate::store::drafts::Offered>),
}
