//! The session: quitting, quick hide and lock (on screen first, written after), login and
//! unlock, picking up where the user left off, logout and the user's language.

use crate::auth::Actor;
use crate::auth::accounts;
use crate::auth::login::LoggedIn;
use crate::i18n::{Lang, Msg};
use crate::store::users;
use crate::ui::screen::Screen;
use crate::ui::screens::auth::AuthScreen;

use super::{App, Confirm, Overlay};

impl App {
    pub fn request_quit(&mut self) {
        if self.has_unsaved_input() {
            self.overlay = Some(Overlay::Confirm(Confirm::Quit));
        } else {
            self.quit_now();
        }
    }

    pub fn quit_now(&mut self) {
        self.keep_drafts();
        if self.session.is_some() {
            let (actor, now) = (self.actor(), self.now());
            // The program ends either way; a failure to record it is shown on stderr by main.
            if let Err(e) = accounts::end_session(&mut self.store, actor, "quit", now) {
                self.fail(e);
            }
        }
        self.suspended = None;
        self.session = None;
        self.purge = true;
        self.quit = true;
    }

    /// Quick hide: nothing identifying stays on screen or in the scrollback; the session locks.
    pub fn hide(&mut self) {
        self.keep_drafts();
        let event = if self.session.is_some() { "hide" } else { "hide_login" };
        let actor = self.actor();
        if let Err(e) = accounts::session_event(&mut self.store, actor, event) {
            self.fail(e);
        }
        self.suspend_front();
        self.screen = Screen::Hidden;
        self.overlay = None;
        self.status = None;
        self.purge = true;
    }

    /// Lock now (by key or after the idle time): clear the screen and ask for the PIN.
    pub fn lock(&mut self, event: &str) {
        if self.session.is_none() || matches!(self.screen, Screen::Locked(_)) {
            return;
        }
        self.keep_drafts();
        let actor = self.actor();
        if let Err(e) = accounts::session_event(&mut self.store, actor, event) {
            self.fail(e);
        }
        self.suspend_front();
        self.overlay = None;
        self.status = None;
        self.purge = true;
        self.reveal_lock_screen();
        self.redraw = true;
    }

    /// Keep the screen in front so that unlocking returns to it (but a lock screen or login
    /// form is never kept: what was typed there is a PIN).
    fn suspend_front(&mut self) {
        let front = std::mem::replace(&mut self.screen, Screen::Hidden);
        match front {
            Screen::Hidden | Screen::Locked(_) | Screen::Login(_) | Screen::FirstRun(_) => {}
            other if self.session.is_some() => self.suspended = Some(other),
            _ => {}
        }
    }

    /// After a hide: the lock screen for the session's user, or the login screen.
    pub(super) fn reveal_lock_screen(&mut self) {
        let first_run = match &self.session {
            Some(_) => false,
            // A database that cannot be read is never taken for a new one: the login form
            // shows, with the error.
            None => users::count_users(self.store.conn()).map(|n| n == 0).unwrap_or_else(|e| {
                self.fail(e);
                false
            }),
        };
        self.screen = match &self.session {
            Some(s) => Screen::Locked(AuthScreen::locked(&s.user.username)),
            None if first_run => Screen::FirstRun(AuthScreen::first_run()),
            None => Screen::Login(AuthScreen::login("")),
        };
    }

    /// A login or unlock went through: the locked session it replaced ends, then the user's
    /// session starts.
    pub(super) fn after_login(&mut self, li: LoggedIn, replaced: Option<Actor>) {
        if let Some(old) = replaced {
            let now = self.now();
            if let Err(e) = accounts::end_session(&mut self.store, old, "switch_user", now) {
                self.fail(e);
            }
            self.suspended = None;
        }
        self.start(li);
    }

    /// A user is in: their language, then a forced PIN change or where they left off.
    fn start(&mut self, li: LoggedIn) {
        let chosen = std::mem::take(&mut self.lang_chosen).then_some(self.lang);
        self.lang = li.user.lang;
        self.status = None;
        let forced = li.must_change_pin;
        let same_session = self.session.as_ref().is_some_and(|s| s.session_id == li.session_id);
        self.session = Some(li);
        if let Some(lang) = chosen.filter(|l| *l != self.lang) {
            self.set_language(lang);
        }
        self.reload_settings();
        if forced {
            self.screen = Screen::ChangePin(AuthScreen::change_pin(true));
            self.say(Msg::MustChangePin);
        } else if let (true, Some(prev)) = (same_session, self.suspended.take()) {
            self.screen = prev;
        } else {
            self.suspended = None;
            // Whatever was being typed when the link dropped is back, exactly where it was.
            if !self.resume_draft() {
                self.go_home();
            }
        }
    }

    /// Bring back the user's latest unsaved form, where they left it (false: there is none).
    pub(crate) fn resume_draft(&mut self) -> bool {
        let Some(s) = &self.session else { return false };
        let draft = match crate::store::drafts::latest(self.store.conn(), s.user.id) {
            Ok(Some(d)) => d,
            Ok(None) => return false,
            Err(e) => {
                self.fail(e);
                return false;
            }
        };
        let Some(route) = crate::ui::drafts::route(&draft, self.lang) else { return false };
        self.go(route);
        let back = self.form().is_some_and(|f| f.dirty);
        if back {
            self.say(Msg::DraftRestored);
        }
        back
    }

    pub fn logout(&mut self) {
        let (actor, now) = (self.actor(), self.now());
        if let Err(e) = accounts::end_session(&mut self.store, actor, "logout", now) {
            self.fail(e);
        }
        self.session = None;
        self.suspended = None;
        self.overlay = None;
        self.purge = true;
        self.screen = Screen::Login(AuthScreen::login(""));
        self.say(Msg::LoggedOut);
    }

    /// Called by the loop when no input came for the idle time.
    pub fn on_idle(&mut self) {
        self.lock("lock_idle");
    }

    pub fn set_language(&mut self, lang: Lang) {
        self.lang = lang;
        let actor = self.actor();
        if let Some(s) = &mut self.session {
            s.user.lang = lang;
            let (uid, now) = (s.user.id, (self.opts.clock)());
            if let Err(e) = accounts::set_language(&mut self.store, actor, uid, lang, now) {
                self.fail(e);
            }
        }
    }

    /// The idle-lock setting may have changed in another process.
    pub fn reload_settings(&mut self) {
        if let Ok(m) = users::idle_lock_minutes(self.store.conn()) {
            self.idle_minutes = m;
        }
    }
}
