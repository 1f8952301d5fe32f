//! The screen contract. A screen holds its own state and answers for its keys, its title, its
//! form, how it changes with an action (`update`, pure: it returns effects, never touches the
//! store) and how it is drawn (`draw`, a pure function of its state).
//!
//! The trait is called `Page` because `Screen` names the enum of every screen the console can
//! show (`ui::app::Screen`), which tests and the loop match on; each of its variants holds a
//! `Page` and `App::page` finds it in one place.

use std::time::Instant;

use jiff::Timestamp;
use ratatui::Frame;
use ratatui::layout::Rect;

use crate::auth::Actor;
use crate::auth::pin::HashCost;
use crate::i18n::{Lang, Msg};
use crate::store::users::User;
use crate::ui::app::Confirm;
use crate::ui::effect::{Done, Effect};
use crate::ui::keymap::{Action, Binding};
use crate::ui::screens::agencies::AgencyScreen;
use crate::ui::screens::auth::AuthScreen;
use crate::ui::screens::clients::ClientScreen;
use crate::ui::screens::directory::DirectoryScreen;
use crate::ui::screens::home::HomeScreen;
use crate::ui::screens::records::RecordScreen;
use crate::ui::screens::referrals::ReferralScreen;
use crate::ui::screens::screening::ScreeningScreen;
use crate::ui::screens::settings::SettingsScreen;
use crate::ui::screens::staff::StaffScreen;
use crate::ui::theme::Theme;
use crate::ui::widgets::form::Form;

/// What a screen may know of the session while it updates: read only.
#[derive(Clone, Debug)]
pub struct Ctx {
    pub lang: Lang,
    pub now: Timestamp,
    pub actor: Actor,
    /// The person logged in (None before a login).
    pub user: Option<User>,
    /// How hard PINs are hashed (tests use a cheap cost).
    pub cost: HashCost,
}

impl Ctx {
    /// The person acting, for a use case; none before a login.
    pub fn who(&self) -> crate::Result<crate::service::Who<'_>> {
        let user = self.user.as_ref().ok_or_else(|| crate::Error::user(Msg::ErrNoSession))?;
        Ok(crate::service::Who { user, session_id: self.actor.session_id })
    }
}

pub trait Page {
    /// The key table live on this screen now (besides the global keys).
    fn keymap(&self) -> &'static [Binding];
    /// The title bar's words for this screen now.
    fn title(&self) -> Msg;
    /// The form in front, when the screen shows one.
    fn form(&self) -> Option<&Form> {
        None
    }
    fn form_mut(&mut self) -> Option<&mut Form> {
        None
    }
    /// What the screen needs as it opens (say, its first page).
    fn enter(&mut self, _ctx: &Ctx) -> Vec<Effect> {
        Vec::new()
    }
    /// The screen's answer to an action.
    fn update(&mut self, action: Action, ctx: &Ctx) -> Vec<Effect>;
    /// The outcome of a use case the screen asked for.
    fn on_done(&mut self, done: Done, ctx: &Ctx) -> Vec<Effect>;
    /// A yes to a question the screen asked.
    fn on_confirm(&mut self, _confirm: Confirm, _ctx: &Ctx) -> Vec<Effect> {
        Vec::new()
    }
    /// Keep the form in front as a draft, when it changed since it was last kept.
    fn draft(&mut self, _ctx: &Ctx) -> Vec<Effect> {
        Vec::new()
    }
    /// Leave the form in front without saving (nothing typed, or the discard was confirmed).
    fn discard(&mut self, _ctx: &Ctx) -> Vec<Effect> {
        Vec::new()
    }
    /// After every key or paste (a search box schedules its search).
    fn after_input(&mut self, _now: Instant) {}
    /// Whether a key of the screen's table does something now (a service with no phone offers
    /// no copy): a key that does not is neither shown nor taken.
    fn offers(&self, _action: Action) -> bool {
        true
    }
    /// A note the help (F1) adds under the keys: what the screen's marks mean, what a key
    /// depends on.
    fn help_note(&self) -> Option<Msg> {
        None
    }
    /// When the screen next wants `tick` (None: it waits for keys only).
    fn due(&self) -> Option<Instant> {
        None
    }
    /// The moment `due` named has come.
    fn tick(&mut self, _now: Instant, _ctx: &Ctx) -> Vec<Effect> {
        Vec::new()
    }
    fn draw(&self, frame: &mut Frame, area: Rect, t: Theme, lang: Lang);
}

pub enum Screen {
    FirstRun(AuthScreen),
    Login(AuthScreen),
    /// The session is kept; its user (or another, which ends it) must enter a PIN.
    Locked(AuthScreen),
    ChangePin(AuthScreen),
    Home(Box<HomeScreen>),
    Staff(StaffScreen),
    Agencies(AgencyScreen),
    /// The training and outreach log.
    Outreach(Box<crate::ui::screens::outreach::OutreachScreen>),
    Settings(SettingsScreen),
    /// The hotline log or the tips.
    Records(RecordScreen),
    /// Clients and their case records.
    Clients(Box<ClientScreen>),
    /// A screening being run (or read).
    Screening(Box<ScreeningScreen>),
    /// The resource directory.
    Directory(Box<DirectoryScreen>),
    /// Referrals: the follow-up list, one referral, its status.
    Referrals(Box<ReferralScreen>),
    /// Funds and their payments.
    Funds(Box<crate::ui::screens::funds::FundScreen>),
    /// A client's releases and disclosures.
    Disclosures(Box<crate::ui::screens::consent::log::LogScreen>),
    /// The cases other agencies offer this one.
    Offers(Box<crate::ui::screens::consent::offers::OffersScreen>),
    /// Reports for funders.
    Reports(Box<crate::ui::screens::reports::ReportScreen>),
    /// Nothing on screen at all (quick hide).
    Hidden,
}

impl Screen {
    /// The screen as its `Page` (nothing is on screen after a quick hide).
    pub fn page(&self) -> Option<&dyn Page> {
        Some(match self {
            Screen::FirstRun(a) | Screen::Login(a) | Screen::Locked(a) | Screen::ChangePin(a) => a,
            Screen::Home(h) => h.as_ref(),
            Screen::Settings(s) => s,
            Screen::Agencies(a) => a,
            Screen::Outreach(o) => o.as_ref(),
            Screen::Staff(s) => s,
            Screen::Funds(f) => f.as_ref(),
            Screen::Referrals(r) => r.as_ref(),
            Screen::Reports(r) => r.as_ref(),
            Screen::Disclosures(d) => d.as_ref(),
            Screen::Offers(o) => o.as_ref(),
            Screen::Screening(s) => s.as_ref(),
            Screen::Records(r) => r,
            Screen::Directory(d) => d.as_ref(),
            Screen::Clients(c) => c.as_ref(),
            Screen::Hidden => return None,
        })
    }

    pub fn page_mut(&mut self) -> Option<&mut dyn Page> {
        Some(match self {
            Screen::FirstRun(a) | Screen::Login(a) | Screen::Locked(a) | Screen::ChangePin(a) => a,
            Screen::Home(h) => h.as_mut(),
            Screen::Settings(s) => s,
            Screen::Agencies(a) => a,
            Screen::Outreach(o) => o.as_mut(),
            Screen::Staff(s) => s,
            Screen::Funds(f) => f.as_mut(),
            Screen::Referrals(r) => r.as_mut(),
            Screen::Reports(r) => r.as_mut(),
            Screen::Disclosures(d) => d.as_mut(),
            Screen::Offers(o) => o.as_mut(),
            Screen::Screening(s) => s.as_mut(),
            Screen::Records(r) => r,
            Screen::Directory(d) => d.as_mut(),
            Screen::Clients(c) => c.as_mut(),
            Screen::Hidden => return None,
        })
    }

    /// The form this screen shows, if it shows one.
    pub fn form(&self) -> Option<&Form> {
        self.page().and_then(|p| p.form())
    }

    /// Something typed here is not saved. What is typed on a login or lock screen is a PIN,
    /// never kept, so it never counts.
    pub fn unsaved(&self) -> bool {
        !matches!(self, Screen::Login(_) | Screen::Locked(_))
            && self.form().is_some_and(|f| f.dirty)
    }
}

/// What the screens' state tests share: a context with or without a person logged in.
#[cfg(test)]
pub mod testing {
    use super::*;
    use crate::domain::staff::{AgencyKind, Role};

    /// Someone of agency 1 in `role`.
    pub fn person(id: i64, role: Role) -> User {
        User {
            id: crate::domain::ids::UserId(id),
            username: format!("u{id}"),
            display_name: format!("User {id}"),
            role,
            agency_id: crate::domain::ids::AgencyId(1),
            agency_name: "Enlace".into(),
            agency_kind: AgencyKind::ServiceProvider,
            lang: Lang::En,
            disabled: false,
            pin_temporary: false,
        }
    }

    /// A context at `now` (UTC) for `user`, in English, with a cheap PIN cost.
    pub fn ctx_at(now: &str, user: Option<User>) -> Ctx {
        Ctx {
            lang: Lang::En,
            now: now.parse().unwrap_or(Timestamp::UNIX_EPOCH),
            actor: Actor::default(),
            user,
            cost: HashCost { m_kib: 64, t: 1, p: 1 },
        }
    }

    /// A context with nobody logged in.
    pub fn ctx() -> Ctx {
        ctx_at("1970-01-01T00:00:00Z", None)
    }
}
