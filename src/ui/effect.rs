//! What a screen asks of the console, and what comes back. A screen's `update` never touches
//! the store or the terminal: it returns effects, the app carries them out (`App::run`), and
//! the outcome of a use case comes back to the screen as `Done`.

use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::store::Store;
use crate::store::users::{Agency, StaffRow};
use crate::ui::app::Confirm;
use crate::ui::pager::Pager;
use crate::ui::screen::Ctx;

/// Where the console can go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Settings,
    Agencies,
    Staff,
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
    /// An error in the status line (and on its field when a form is in front).
    Fail(Error),
    /// Ask first; a yes comes back to the screen through `on_confirm`.
    Confirm(Confirm),
    /// Leave a form: at once when nothing was typed, else after the discard question.
    LeaveForm,
    /// The idle-lock time is now this many minutes.
    IdleMinutes(u32),
}

impl Effect {
    /// Run `job` (a shorthand that boxes it).
    pub fn run(job: impl FnOnce(&mut Store, &Ctx) -> Result<Done> + 'static) -> Effect {
        Effect::Run(Box::new(job))
    }
}

/// What a use case gave back.
pub enum Done {
    /// A change was made; this says so.
    Saved(Msg),
    /// A page of agencies.
    Agencies(Pager<Agency>),
    /// A page of staff accounts.
    Staff(Pager<StaffRow>),
    /// The agencies to offer on a staff form.
    AgencyChoices(Vec<Agency>),
    /// The idle-lock time, as stored.
    IdleMinutes(u32),
}
