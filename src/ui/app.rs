//! Application state and the dispatch of input to the screen in front.

use std::time::Duration;

use jiff::Timestamp;

use crate::auth::Actor;
use crate::auth::accounts;
use crate::auth::login::LoggedIn;
use crate::auth::pin::HashCost;
use crate::error::Error;
use crate::i18n::{Lang, Msg};
use crate::store::Store;
use crate::store::users;
use crate::ui::effect::{Effect, Route};
use crate::ui::keymap::{self, Action, Binding, Key};
pub use crate::ui::screen::Screen;
use crate::ui::screen::{Ctx, Page};
use crate::ui::screens::agencies::AgencyScreen;
use crate::ui::screens::auth::AuthScreen;
use crate::ui::screens::clients::{ClientScreen, Pending as ClientPending};
use crate::ui::screens::directory::DirectoryScreen;
use crate::ui::screens::records::RecordScreen;
use crate::ui::screens::records::{Pending, RecordKind};
use crate::ui::screens::referrals::ReferralScreen;
use crate::ui::screens::screening::ScreeningScreen;
use crate::ui::screens::settings::SettingsScreen;
use crate::ui::screens::staff::StaffScreen;
pub use crate::ui::status::Status;
use crate::ui::status::{self, Said, field_of};
use crate::ui::theme::Theme;
use crate::ui::widgets::form::Form;

pub struct Options {
    pub cost: HashCost,
    pub theme: Theme,
    pub lang: Lang,
    /// The time now (tests give a fixed one).
    pub clock: fn() -> Timestamp,
}

/// What the loop hands the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Key(ratatui::crossterm::event::KeyEvent),
    Paste(String),
    Resize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Confirm {
    /// Leave the program although something typed is not saved.
    Quit,
    /// Throw away the changes on the form in front.
    Discard,
    /// Disable (or enable) the staff account with this id.
    ToggleDisabled { user_id: i64, disable: bool },
    /// Retire the directory service on screen.
    Retire,
}

pub enum Overlay {
    Help,
    Confirm(Confirm),
}

pub struct App {
    pub store: Store,
    pub opts: Options,
    pub lang: Lang,
    pub screen: Screen,
    /// The screen a lock or hide interrupted, restored when the same user unlocks.
    pub suspended: Option<Screen>,
    pub session: Option<LoggedIn>,
    pub overlay: Option<Overlay>,
    pub status: Option<Status>,
    said: Option<Said>,
    pub idle_minutes: u32,
    /// Something changed since the last frame.
    pub redraw: bool,
    /// Clear the screen and the scrollback before the next frame.
    pub purge: bool,
    pub quit: bool,
    /// The language was chosen on the login screen: it becomes the user's preference.
    pub lang_chosen: bool,
    /// The loop is taking a burst of input (a paste, fast typing): drafts are kept once, after it.
    pub drafts_deferred: bool,
    /// Text for the user's own clipboard (OSC 52), taken by the loop.
    pub clipboard: Option<String>,
}

impl App {
    pub fn new(store: Store, opts: Options) -> crate::Result<App> {
        let lang = opts.lang;
        let first_run = users::count_users(store.conn())? == 0;
        let idle_minutes = users::idle_lock_minutes(store.conn())?;
        let screen = if first_run {
            Screen::FirstRun(AuthScreen::first_run())
        } else {
            Screen::Login(AuthScreen::login(""))
        };
        Ok(App {
            store,
            opts,
            lang,
            screen,
            suspended: None,
            session: None,
            overlay: None,
            status: None,
            said: None,
            idle_minutes,
            redraw: true,
            purge: false,
            quit: false,
            lang_chosen: false,
            drafts_deferred: false,
            clipboard: None,
        })
    }

    pub fn actor(&self) -> Actor {
        self.session
            .as_ref()
            .map(|s| Actor { user_id: Some(s.user.id), session_id: Some(s.session_id) })
            .unwrap_or_default()
    }

    pub fn now(&self) -> Timestamp {
        (self.opts.clock)()
    }

    /// How long without input before the session locks; None when nothing is open to lock.
    pub fn idle_timeout(&self) -> Option<Duration> {
        let open =
            self.session.is_some() && !matches!(self.screen, Screen::Locked(_) | Screen::Hidden);
        open.then(|| Duration::from_secs(u64::from(self.idle_minutes) * 60))
    }

    /// A form that did not pass its schema: each problem on its field, and the status line
    /// naming the first field in trouble and what is wrong with it.
    pub fn show_form_errors(
        &mut self,
        errors: &[crate::domain::fields::FieldError],
        schema: &[crate::domain::fields::FieldSpec],
    ) {
        let lang = self.lang;
        if let Some(f) = self.form_mut() {
            f.show_errors(errors, lang);
        }
        let Some(first) = errors.first() else { return };
        let field = schema.iter().find(|s| s.key == first.key).map(|s| s.label.text(lang));
        let args: Vec<&str> = first.args.iter().map(String::as_str).collect();
        let what = crate::i18n::fill(first.msg.text(lang), &args);
        let text = crate::i18n::fill(
            Msg::FormHasErrors.text(lang),
            &[field.unwrap_or(first.key), &what, &errors.len().to_string()],
        );
        self.status = Some(Status { text, error: true });
    }

    /// Show the error of an action that may have failed.
    pub fn report(&mut self, result: crate::Result<()>) {
        if let Err(e) = result {
            self.fail(e);
        }
    }

    pub fn say(&mut self, msg: Msg) {
        self.status = Some(Status { text: msg.text(self.lang).to_string(), error: false });
    }

    pub fn say_text(&mut self, text: String) {
        self.status = Some(Status { text, error: false });
    }

    /// Show an error: on the field it is about when a form is in front, and in the status line.
    pub fn fail(&mut self, e: Error) {
        let text = e.message(self.lang);
        if let (Error::User(msg, _), Some(form)) = (&e, self.form_mut())
            && let Some(label) = field_of(*msg)
        {
            form.error_on(label, text.clone());
        }
        self.status = Some(Status { text, error: true });
    }

    /// The form in front, if the screen in front is one.
    pub fn form_mut(&mut self) -> Option<&mut Form> {
        self.screen.page_mut().and_then(|p| p.form_mut())
    }

    pub fn form(&self) -> Option<&Form> {
        self.screen.form()
    }

    /// Unsaved input anywhere: on the form in front or on one a lock interrupted. What is typed
    /// on a login or lock screen is a PIN, never kept.
    pub fn has_unsaved_input(&self) -> bool {
        let dirty = |s: &Screen| {
            !matches!(s, Screen::Login(_) | Screen::Locked(_)) && s.form().is_some_and(|f| f.dirty)
        };
        dirty(&self.screen) || self.suspended.as_ref().is_some_and(dirty)
    }

    /// The key table of the screen in front (without the global keys or an overlay's).
    pub fn screen_keymap(&self) -> &'static [Binding] {
        self.page().map_or(&[], |p| p.keymap())
    }

    /// The key tables live now: the global keys, then the overlay's or the screen's.
    pub fn keymaps(&self) -> Vec<&'static [Binding]> {
        if matches!(self.overlay, Some(Overlay::Confirm(_))) {
            vec![keymap::GLOBAL, keymap::CONFIRM]
        } else if self.overlay.is_some() {
            vec![keymap::GLOBAL, keymap::OVERLAY]
        } else {
            vec![keymap::GLOBAL, self.screen_keymap()]
        }
    }

    pub fn handle(&mut self, input: Input) {
        self.redraw = true;
        let before = self.status.clone();
        let typed = !matches!(input, Input::Resize);
        match input {
            Input::Key(ev) => {
                if let Some(key) = Key::from_event(&ev) {
                    self.on_key(key);
                }
            }
            Input::Paste(text) => {
                let lang = self.lang;
                if self.overlay.is_none()
                    && let Some(form) = self.form_mut()
                {
                    form.paste(&text, lang);
                }
            }
            Input::Resize => {}
        }
        if !self.drafts_deferred {
            self.keep_drafts();
        }
        if let Some(page) = self.page_mut() {
            page.after_input(std::time::Instant::now());
        }
        if typed {
            self.settle_status(before);
        }
    }

    /// The screen in front, as the status line's text is tied to it.
    fn screen_key(&self) -> (std::mem::Discriminant<Screen>, Msg) {
        (std::mem::discriminant(&self.screen), crate::ui::screens::screen_title(self))
    }

    /// After a key: remember where a new status was said, or clear one that no longer holds.
    fn settle_status(&mut self, before: Option<Status>) {
        let now = Said {
            screen: self.screen_key(),
            form: self.form().map(|f| (f.revision, f.error_count())),
        };
        status::settle(&mut self.status, &mut self.said, before, now);
    }

    /// Keep whatever form is in front as a draft, if it changed since it was last kept.
    pub fn keep_drafts(&mut self) {
        let ctx = self.ctx();
        if let Some(page) = self.page_mut() {
            let effects = page.draft(&ctx);
            self.run(effects);
        }
    }

    pub fn on_key(&mut self, key: Key) {
        self.redraw = true;
        if matches!(self.screen, Screen::Hidden) {
            self.reveal_lock_screen();
            return;
        }
        if key == keymap::HIDE_KEY {
            self.hide();
            return;
        }
        if let Some(Overlay::Confirm(c)) = &self.overlay {
            let c = c.clone();
            match keymap::lookup(&[keymap::CONFIRM], key, false) {
                Some(Action::Submit) => {
                    self.overlay = None;
                    self.confirmed(c);
                }
                Some(Action::Back) => self.overlay = None,
                _ => {}
            }
            return;
        }
        let typing = self.form().is_some();
        let action = keymap::lookup(&self.keymaps(), key, typing);
        // An open list takes every key but the global ones; Enter belongs to notes (a new line)
        // and to a choice (it opens the list).
        let lang = self.lang;
        if self.overlay.is_none()
            && !matches!(action, Some(Action::Hide | Action::Help | Action::Quit | Action::Save))
            && let Some(form) = self.form_mut()
        {
            let field = form.focused();
            let takes_key =
                form.popup_open() || (key == Key::Enter && (field.is_notes() || field.is_choice()));
            if takes_key {
                form.edit(key, lang);
                return;
            }
            // Up and Down move through the rows of notes; past the first or last row they move
            // between fields (Tab always does).
            if field.is_notes()
                && matches!(key, Key::Up | Key::Down)
                && form.notes_row(key == Key::Down)
            {
                return;
            }
        }
        if matches!(self.overlay, Some(Overlay::Help)) {
            if matches!(action, Some(Action::Back | Action::Help)) {
                self.overlay = None;
            } else if action == Some(Action::Quit) {
                self.overlay = None;
                self.request_quit();
            }
            return;
        }
        match action {
            Some(Action::Help) => self.overlay = Some(Overlay::Help),
            Some(Action::Quit) => self.request_quit(),
            Some(Action::Hide) => self.hide(),
            Some(a) => self.screen_action(a),
            None => {
                let lang = self.lang;
                if let Some(form) = self.form_mut() {
                    form.edit(key, lang);
                } else if let (Screen::Screening(s), Key::Char(c)) = (&self.screen, key)
                    && s.asking()
                {
                    // A letter that answers nothing: say so, rather than let it pass unseen.
                    let text =
                        crate::i18n::fill(Msg::ErrNotAnswerKey.text(lang), &[&c.to_string()]);
                    self.status = Some(Status { text, error: true });
                }
            }
        }
    }

    fn screen_action(&mut self, action: Action) {
        if let Some(form) = self.form_mut() {
            match action {
                Action::NextField => return form.next(),
                Action::PrevField => return form.prev(),
                Action::Submit if !form.is_last() => return form.next(),
                _ => {}
            }
        }
        // Ctrl+S saves from any field: the same as Enter on the last one.
        let action =
            if action == Action::Save && self.form().is_some() { Action::Submit } else { action };
        let ctx = self.ctx();
        if let Some(page) = self.page_mut() {
            let effects = page.update(action, &ctx);
            self.run(effects);
        }
    }

    /// Esc on a form: leave at once when nothing was typed, otherwise ask first.
    pub fn back_or_confirm(&mut self, leave: impl FnOnce(&mut App)) {
        if self.form().is_some_and(|f| f.dirty) {
            self.overlay = Some(Overlay::Confirm(Confirm::Discard));
        } else {
            leave(self);
        }
    }

    fn confirmed(&mut self, c: Confirm) {
        if c == Confirm::Quit {
            return self.quit_now();
        }
        let ctx = self.ctx();
        if let Some(page) = self.page_mut() {
            let effects =
                if c == Confirm::Discard { page.discard(&ctx) } else { page.on_confirm(c, &ctx) };
            self.run(effects);
        }
    }

    /// How long until the screen in front wants its tick (None: nothing scheduled).
    pub fn search_due_in(&self, now: std::time::Instant) -> Option<std::time::Duration> {
        self.page().and_then(|p| p.due()).map(|t| t.saturating_duration_since(now))
    }

    /// The loop's wait timed out: the screen in front does what it scheduled, if it is due.
    pub fn on_timer(&mut self, now: std::time::Instant) {
        let ctx = self.ctx();
        if let Some(page) = self.page_mut() {
            let effects = page.tick(now, &ctx);
            if !effects.is_empty() {
                self.redraw = true;
            }
            self.run(effects);
        }
    }

    /// Search the directory now, for what its box says (tests and the loop's timer).
    pub fn run_search(&mut self) {
        let now = self.now();
        if let Screen::Directory(d) = &self.screen {
            let search = d.search_now(now);
            self.run(vec![search]);
        }
    }

    /// Put a phone number on the user's own clipboard (OSC 52, over SSH too).
    pub(crate) fn copy_phone(&mut self, phone: Option<String>) {
        match phone {
            Some(phone) => {
                self.say_text(crate::i18n::fill(Msg::PhoneCopied.text(self.lang), &[&phone]));
                self.clipboard = Some(phone);
            }
            None => self.fail(Error::user(Msg::NoPhone)),
        }
    }

    /// What a screen may know of the session.
    pub fn ctx(&self) -> Ctx {
        Ctx {
            lang: self.lang,
            now: self.now(),
            actor: self.actor(),
            user: self.session.as_ref().map(|s| s.user.clone()),
            cost: self.opts.cost,
        }
    }

    /// The screen in front, as its `Page`.
    pub fn page(&self) -> Option<&dyn Page> {
        self.screen.page()
    }

    pub fn page_mut(&mut self) -> Option<&mut dyn Page> {
        self.screen.page_mut()
    }

    /// Carry out what a screen asked for, in order; the outcome of a use case goes back to the
    /// screen in front, and whatever it asks then is carried out too.
    pub fn run(&mut self, effects: Vec<Effect>) {
        let mut queue: std::collections::VecDeque<Effect> = effects.into();
        while let Some(effect) = queue.pop_front() {
            match effect {
                Effect::Run(job) => {
                    let ctx = self.ctx();
                    match job(&mut self.store, &ctx) {
                        Ok(done) => {
                            if let Some(page) = self.page_mut() {
                                queue.extend(page.on_done(done, &ctx));
                            }
                        }
                        Err(e) => self.fail(e),
                    }
                }
                Effect::Go(route) => self.go(route),
                Effect::Say(msg) => self.say(msg),
                Effect::SayText(text) => self.say_text(text),
                Effect::Fail(e) => self.fail(e),
                Effect::Confirm(c) => self.overlay = Some(Overlay::Confirm(c)),
                Effect::LeaveForm => {
                    if self.form().is_some_and(|f| f.dirty) {
                        self.overlay = Some(Overlay::Confirm(Confirm::Discard));
                    } else {
                        let ctx = self.ctx();
                        if let Some(page) = self.page_mut() {
                            queue.extend(page.discard(&ctx));
                        }
                    }
                }
                Effect::IdleMinutes(m) => self.idle_minutes = m,
                Effect::Copy(phone) => self.copy_phone(phone),
                Effect::SwitchLanguage => {
                    self.set_language(self.lang.other());
                    self.say(Msg::LanguageChanged);
                }
                Effect::Lock => self.lock("lock"),
                Effect::Start(li, replaced) => self.after_login(*li, replaced),
                Effect::ChooseLanguage => {
                    self.lang_chosen = true;
                    self.set_language(self.lang.other());
                }
                Effect::PinChanged => {
                    if let Some(s) = &mut self.session {
                        s.user.pin_temporary = false;
                        s.must_change_pin = false;
                    }
                }
                Effect::Logout => self.logout(),
                Effect::Quit => self.request_quit(),
                Effect::FormErrors(errors, schema) => self.show_form_errors(&errors, schema),
            }
        }
    }

    /// Open the screen a route names, and what it needs as it opens.
    pub fn go(&mut self, route: Route) {
        self.screen = match route {
            Route::Home => Screen::Home(Box::default()),
            Route::ChangePin => Screen::ChangePin(AuthScreen::change_pin(false)),
            Route::Login(username) => Screen::Login(AuthScreen::login(&username)),
            Route::NewContact => Screen::Records(RecordScreen::editing(
                RecordKind::Contact,
                Pending { id: None, raw: None, note: None, caller: None, draft_focus: None },
            )),
            Route::HotlineLog => Screen::Records(RecordScreen::list(RecordKind::Contact)),
            Route::Tips => Screen::Records(RecordScreen::list(RecordKind::Tip)),
            Route::RecordForm(kind, pending) => {
                Screen::Records(RecordScreen::editing(kind, *pending))
            }
            Route::NewClient(raw, contact_id) => {
                let pending = ClientPending::Intake {
                    id: None,
                    raw: *raw,
                    from_contact: Some(contact_id),
                    focus: None,
                };
                Screen::Clients(Box::new(ClientScreen::with_form(pending)))
            }
            Route::DirectoryFor(subject) => {
                Screen::Directory(Box::new(DirectoryScreen::new(Some(subject))))
            }
            Route::DirectoryDraft(who, pending) => {
                Screen::Directory(Box::new(DirectoryScreen::resuming(who, *pending)))
            }
            Route::Clients => Screen::Clients(Box::new(ClientScreen::list())),
            Route::ClientForm(pending) => {
                Screen::Clients(Box::new(ClientScreen::with_form(*pending)))
            }
            Route::Directory => Screen::Directory(Box::new(DirectoryScreen::new(None))),
            Route::ResumeDraft => {
                if !self.resume_draft() {
                    self.go(Route::Home);
                }
                return;
            }
            Route::Settings => Screen::Settings(SettingsScreen::default()),
            Route::Agencies => Screen::Agencies(AgencyScreen::default()),
            Route::Staff => Screen::Staff(StaffScreen::default()),
            Route::Funds => Screen::Funds(Box::default()),
            Route::FollowUps => Screen::Referrals(Box::new(ReferralScreen::follow_ups())),
            Route::Referral(id, back) => Screen::Referrals(Box::new(ReferralScreen::one(id, back))),
            // Screens not yet on the Page contract open the way they always did.
            Route::Client(id) => Screen::Clients(Box::new(ClientScreen::showing(id))),
            Route::Contact(id) => Screen::Records(RecordScreen::showing(RecordKind::Contact, id)),
            Route::Tip(id) => Screen::Records(RecordScreen::showing(RecordKind::Tip, id)),
            Route::Screening(id) => {
                Screen::Screening(Box::new(ScreeningScreen::opening(id, self.lang)))
            }
            Route::NewScreening(p) => {
                Screen::Screening(Box::new(ScreeningScreen::starting(*p, self.lang)))
            }
            Route::Reports => Screen::Reports(Box::new(
                crate::ui::screens::reports::ReportScreen::new(&self.ctx()),
            )),
        };
        let ctx = self.ctx();
        if let Some(page) = self.page_mut() {
            let effects = page.enter(&ctx);
            self.run(effects);
        }
    }

    pub fn go_home(&mut self) {
        self.go(Route::Home);
    }

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
    fn reveal_lock_screen(&mut self) {
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
    fn after_login(&mut self, li: LoggedIn, replaced: Option<Actor>) {
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
