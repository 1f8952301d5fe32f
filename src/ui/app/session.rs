//! The session: who is logged in, the screen a lock or hide interrupted, and the settings read
//! at login. What a session does to the database (its events, its end, the user's language)
//! is written here; which screen shows is the app's to decide.

use jiff::Timestamp;

use crate::auth::Actor;
use crate::auth::login::LoggedIn;
use crate::auth::{accounts, live};
use crate::i18n::{Lang, Msg, fill};
use crate::service::{Who, hotline};
use crate::store::Store;
use crate::store::drafts::{Draft, Holder};
use crate::store::users;
use crate::ui::effect::{Confirm, Route};
use crate::ui::screen::Screen;
use crate::ui::screens::auth::AuthScreen;

#[derive(Default)]
pub struct Session {
    /// The user in, or None at the login screen.
    pub current: Option<LoggedIn>,
    /// The screen a lock or hide interrupted, restored when the same user unlocks.
    pub suspended: Option<Screen>,
    /// How long without input before the session locks.
    pub idle_minutes: u32,
    /// The language was chosen on the login screen: it becomes the user's preference.
    pub lang_chosen: bool,
    /// The database file, which with the session id names the session in this process.
    db: std::path::PathBuf,
    /// Over SSH, the account of the key that opened the connection (the login asks its PIN).
    pub key_user: Option<String>,
}

/// What bringing back the latest unsaved form comes to.
pub enum Resume {
    /// There is none.
    Nothing,
    /// This session's own: its screen.
    Open(Route),
    /// Another session left it: ask before taking it over.
    Ask(Confirm),
    /// It is in use in another session: this, to say so.
    Say(String),
}

impl From<Option<Route>> for Resume {
    fn from(route: Option<Route>) -> Resume {
        route.map_or(Resume::Nothing, Resume::Open)
    }
}

/// Where a user lands when their login goes through.
pub enum Landing {
    /// Their PIN is temporary or expired: they change it first.
    ChangePin,
    /// The screen their lock interrupted.
    Back(Box<Screen>),
    /// Their latest draft, or home.
    Fresh,
}

impl Session {
    pub fn new(store: &Store) -> crate::Result<Session> {
        let mut s = Session::default();
        s.idle_minutes = users::idle_lock_minutes(store.conn())?;
        s.db = store.db_path().to_path_buf();
        Ok(s)
    }

    pub fn is_open(&self) -> bool {
        self.current.is_some()
    }

    pub fn actor(&self) -> Actor {
        self.current
            .as_ref()
            .map(|s| Actor { user_id: Some(s.user.id), session_id: Some(s.session_id) })
            .unwrap_or_default()
    }

    /// How long without input before the session locks; None when nothing is open to lock
    /// (no one is in, or the screen is already locked or hidden).
    pub fn idle_timeout(&self, covered: bool) -> Option<std::time::Duration> {
        let open = self.is_open() && !covered;
        open.then(|| std::time::Duration::from_secs(u64::from(self.idle_minutes) * 60))
    }

    /// Record something the session did (a hide, a lock), whether or not anyone is in.
    pub fn record(&self, store: &mut Store, event: &str) -> crate::Result<()> {
        accounts::session_event(store, self.actor(), event)
    }

    /// End the session (quit, logout): nothing of it stays, and the end is recorded.
    pub fn end(
        &mut self,
        store: &mut Store,
        how: accounts::SessionEnd,
        now: Timestamp,
    ) -> crate::Result<()> {
        let actor = self.actor();
        let was_open =
            self.current.take().inspect(|s| live::release(&self.db, s.session_id)).is_some();
        self.suspended = None;
        if was_open { accounts::end_session(store, actor, how, now) } else { Ok(()) }
    }

    /// Keep the screen in front so that unlocking returns to it (but a lock screen or login
    /// form is never kept: what was typed there is a PIN).
    pub fn suspend(&mut self, front: Screen) {
        match front {
            Screen::Hidden | Screen::Locked(_) | Screen::Login(_) | Screen::FirstRun(_) => {}
            other if self.is_open() => self.suspended = Some(other),
            _ => {}
        }
    }

    /// What shows after a hide: the lock screen for the session's user, the first-run form on
    /// a database with no users, or the login form. A database that cannot be read is never
    /// taken for a new one: the login form shows, with the error.
    pub fn lock_screen(&self, store: &Store) -> (Screen, Option<crate::Error>) {
        if self.current.is_some()
            && let Some(user) = &self.key_user
        {
            return (Screen::Locked(AuthScreen::locked_with_key(user)), None);
        }
        if let Some(s) = &self.current {
            return (Screen::Locked(AuthScreen::locked(&s.user.username)), None);
        }
        if let Some(user) = &self.key_user {
            return (Screen::Login(AuthScreen::login_with_key(user)), None);
        }
        match users::count_users(store.conn()) {
            Ok(0) => (Screen::FirstRun(AuthScreen::first_run()), None),
            Ok(_) => (Screen::Login(AuthScreen::login("")), None),
            Err(e) => (Screen::Login(AuthScreen::login("")), Some(e)),
        }
    }

    /// A login or unlock went through. The locked session it replaced (another user's) has
    /// ended; the user's language becomes the console's, unless one was chosen at login (then
    /// that is returned, to become theirs).
    pub fn begin(&mut self, li: LoggedIn, lang_now: Lang) -> (Landing, Option<Lang>) {
        let chosen = std::mem::take(&mut self.lang_chosen)
            .then_some(lang_now)
            .filter(|l| *l != li.user.lang);
        let forced = li.must_change_pin;
        let same = self.current.as_ref().is_some_and(|s| s.session_id == li.session_id);
        // This process holds the session: its drafts are not another session's to open.
        live::hold(&self.db, li.session_id);
        self.current = Some(li);
        let landing = if forced {
            Landing::ChangePin
        } else if let (true, Some(prev)) = (same, self.suspended.take()) {
            Landing::Back(Box::new(prev))
        } else {
            self.suspended = None;
            Landing::Fresh
        };
        (landing, chosen)
    }

    /// The locked session another user's login replaced ends.
    pub fn replaced(&mut self, store: &mut Store, old: Actor, now: Timestamp) -> crate::Result<()> {
        self.suspended = None;
        if let Some(sid) = old.session_id {
            live::release(&self.db, sid);
        }
        accounts::end_session(store, old, accounts::SessionEnd::SwitchUser, now)
    }

    /// Whether the user has an unsaved form this session may open (its own, or one another
    /// session left or leaves idle).
    pub fn has_draft(&self, store: &Store, now: Timestamp) -> bool {
        let Some(s) = &self.current else { return false };
        let who = Who { user: &s.user, session_id: Some(s.session_id) };
        hotline::drafts_for(store, who, now).is_ok_and(|d| d.iter().any(|o| o.holder.may_open()))
    }

    /// What bringing back the user's latest unsaved form does: open this session's own; ask
    /// before taking over one another session left (ended, gone, or idle a minute); say so
    /// when the only one is in use in another session.
    pub fn resume(&self, store: &mut Store, now: Timestamp, lang: Lang) -> crate::Result<Resume> {
        let Some(s) = &self.current else { return Ok(Resume::Nothing) };
        let who = Who { user: &s.user, session_id: Some(s.session_id) };
        let offered = hotline::drafts_for(store, who, now)?;
        let Some(first) = offered.iter().find(|o| o.holder.may_open()).or(offered.first()) else {
            return Ok(Resume::Nothing);
        };
        let at = |t: &str| crate::domain::time::show_db_near(t, now);
        Ok(match &first.holder {
            Holder::Mine => match self.take_draft(store, &first.draft, lang)? {
                Some(route) => Resume::Open(route),
                None => Resume::Nothing,
            },
            Holder::Busy { started } => {
                Resume::Say(fill(Msg::DraftBusy.text(lang), &[&at(started)]))
            }
            Holder::Left { .. } | Holder::Idle { .. } => {
                Resume::Ask(Confirm::TakeOverDraft(Box::new(first.clone())))
            }
        })
    }

    /// The route back to `draft`, which becomes this session's (the user agreed to take it
    /// over when another session left it).
    pub fn take_draft(
        &self,
        store: &mut Store,
        draft: &Draft,
        lang: Lang,
    ) -> crate::Result<Option<Route>> {
        let Some(s) = &self.current else { return Ok(None) };
        let who = Who { user: &s.user, session_id: Some(s.session_id) };
        hotline::take_draft(store, who, draft.id)?;
        Ok(crate::ui::drafts::route(draft, lang))
    }

    /// The user's language changed: it is theirs from now on.
    pub fn set_lang(&mut self, store: &mut Store, lang: Lang, now: Timestamp) -> crate::Result<()> {
        let actor = self.actor();
        let Some(s) = &mut self.current else { return Ok(()) };
        s.user.lang = lang;
        accounts::set_language(store, actor, s.user.id, lang, now)
    }

    /// The user's new PIN is theirs: nothing more to change.
    pub fn pin_changed(&mut self) {
        if let Some(s) = &mut self.current {
            s.user.pin_temporary = false;
            s.must_change_pin = false;
        }
    }

    /// The idle-lock setting may have changed in another process.
    pub fn reload(&mut self, store: &Store) {
        if let Ok(m) = users::idle_lock_minutes(store.conn()) {
            self.idle_minutes = m;
        }
    }
}

/// A console that goes away (its link dropped, the process ends) no longer holds its session.
impl Drop for Session {
    fn drop(&mut self) {
        if let Some(s) = &self.current {
            live::release(&self.db, s.session_id);
        }
    }
}
