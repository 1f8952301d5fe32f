//! The application: its state, the executor of what screens ask for (`run`, `go`), key input
//! (where a key goes is decided in `input.rs`) and the session steps (`session.rs`).

mod cover;
mod input;
mod options;
mod session;

use std::time::{Duration, Instant};

use jiff::Timestamp;

use crate::auth::{Actor, accounts::SessionEnd, login::LoggedIn};
use crate::error::Error;
use crate::i18n::{self, Lang, Msg};
use crate::store::{Store, drafts::Draft};
pub use crate::ui::effect::Confirm;
use crate::ui::effect::{Effect, Route};
use crate::ui::keymap::{Action, Binding, Key};
use crate::ui::routes;
use crate::ui::screen::Ctx;
pub use crate::ui::screen::Screen;
use crate::ui::screens::{self, auth::AuthScreen};
pub use crate::ui::status::Status;
use crate::ui::status::{self, Said, field_of};
use crate::ui::widgets::form::Form;
pub use cover::{Owed, QUICK, RETRY};
use input::Step;
pub use input::{Input, Overlay};
pub use options::Options;
pub use session::{Landing, Resume, Session};

pub struct App {
    pub store: Store,
    pub opts: Options,
    pub lang: Lang,
    pub screen: Screen,
    /// Who is in, and what a lock interrupted.
    pub session: Session,
    pub overlay: Option<Overlay>,
    pub status: Option<Status>,
    said: Option<Said>,
    /// Something changed since the last frame.
    pub redraw: bool,
    /// Clear the screen and the scrollback before the next frame.
    pub purge: bool,
    pub quit: bool,
    /// The loop is taking a burst of input (a paste, fast typing): drafts are kept once, after it.
    pub drafts_deferred: bool,
    /// Text for the user's own clipboard (OSC 52), taken by the loop.
    pub clipboard: Option<String>,
    /// What a hide or a lock still owes the database (written after the screen is blank).
    pub owed: Owed,
}

impl App {
    pub fn new(store: Store, opts: Options) -> crate::Result<App> {
        let lang = opts.lang;
        let mut session = Session::new(&store)?;
        session.key_user = opts.key_user.clone();
        let (screen, error) = session.lock_screen(&store);
        if let Some(e) = error {
            return Err(e);
        }
        Ok(App {
            store,
            opts,
            lang,
            screen,
            session,
            overlay: None,
            status: None,
            said: None,
            redraw: true,
            purge: false,
            quit: false,
            drafts_deferred: false,
            clipboard: None,
            owed: Owed::default(),
        })
    }

    pub fn actor(&self) -> Actor {
        self.session.actor()
    }

    pub fn now(&self) -> Timestamp {
        (self.opts.clock)()
    }

    /// How long without input before the session locks; None when nothing is open to lock.
    pub fn idle_timeout(&self) -> Option<Duration> {
        self.session.idle_timeout(matches!(self.screen, Screen::Locked(_) | Screen::Hidden))
    }

    /// Show the error of an action that may have failed.
    pub fn report(&mut self, result: crate::Result<()>) {
        result.unwrap_or_else(|e| self.fail(e));
    }

    pub fn say(&mut self, msg: Msg) {
        self.status = Some(Status::note(msg.text(self.lang).to_string()));
    }

    /// Show an error: on the field it is about when a form is in front, and in the status line.
    pub fn fail(&mut self, e: Error) {
        let text = e.message(self.lang);
        if let (Error::User(msg, _), Some(form)) = (&e, self.form_mut())
            && let Some(label) = field_of(*msg)
        {
            form.error_on(label, text.clone());
        }
        self.status = Some(Status::error(text));
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
        self.screen.unsaved() || self.session.suspended.as_ref().is_some_and(Screen::unsaved)
    }

    /// The key table of the screen in front (without the global keys or an overlay's).
    pub fn screen_keymap(&self) -> &'static [Binding] {
        self.screen.page().map_or(&[], |p| p.keymap())
    }

    /// The key tables live now: the global keys, then the overlay's or the screen's.
    pub fn keymaps(&self) -> [&'static [Binding]; 2] {
        input::tables(self.overlay.as_ref(), self.screen_keymap())
    }

    /// What a screen may know of the session.
    pub fn ctx(&self) -> Ctx {
        Ctx {
            lang: self.lang,
            now: self.now(),
            actor: self.actor(),
            user: self.session.current.as_ref().map(|s| s.user.clone()),
            cost: self.opts.cost,
        }
    }

    /// Carry out what a screen asked for, in order; the outcome of a use case goes back to the
    /// screen in front, and whatever it asks then is carried out too.
    pub fn run(&mut self, effects: Vec<Effect>) {
        let mut queue: std::collections::VecDeque<Effect> = effects.into();
        while let Some(effect) = queue.pop_front() {
            match effect {
                Effect::Run(job) => {
                    let ctx = self.ctx();
                    match (job(&mut self.store, &ctx), self.screen.page_mut()) {
                        (Ok(done), Some(page)) => queue.extend(page.on_done(done, &ctx)),
                        (Ok(_), None) => {}
                        (Err(e), _) => self.fail(e),
                    }
                }
                Effect::Go(route) => self.go(route),
                Effect::Say(msg) => self.say(msg),
                Effect::SayText(text) => self.status = Some(Status::note(text)),
                Effect::Fail(e) => self.fail(e),
                Effect::Confirm(c) => self.overlay = Some(Overlay::Confirm(c)),
                Effect::LeaveForm if self.form().is_some_and(|f| f.dirty) => {
                    self.overlay = Some(Overlay::Confirm(Confirm::Discard));
                }
                Effect::LeaveForm => {
                    let ctx = self.ctx();
                    let page = self.screen.page_mut();
                    queue.extend(page.map(|p| p.discard(&ctx)).unwrap_or_default());
                }
                Effect::IdleMinutes(m) => self.session.idle_minutes = m,
                // The user's own clipboard (OSC 52, over SSH too).
                Effect::Copy(Some(phone)) => {
                    let text = i18n::fill(Msg::PhoneCopied.text(self.lang), &[&phone]);
                    self.status = Some(Status::note(text));
                    self.clipboard = Some(phone);
                }
                Effect::Copy(None) => self.fail(Error::user(Msg::NoPhone)),
                Effect::SwitchLanguage => {
                    self.set_language(self.lang.other());
                    self.say(Msg::LanguageChanged);
                }
                Effect::Lock => self.lock("lock"),
                Effect::Start(li, replaced) => self.after_login(*li, replaced),
                Effect::ChooseLanguage => {
                    self.session.lang_chosen = true;
                    self.set_language(self.lang.other());
                }
                Effect::PinChanged => self.session.pin_changed(),
                Effect::Logout => self.logout(),
                Effect::Quit => self.request_quit(),
                // Each problem on its field; the status line names the first and counts them.
                Effect::FormErrors(errors, schema) => {
                    let lang = self.lang;
                    if let Some(f) = self.form_mut() {
                        f.show_errors(&errors, lang);
                    }
                    self.status = Status::form_errors(&errors, schema, lang).or(self.status.take());
                }
            }
        }
    }

    /// Open the screen a route names, and what it needs as it opens.
    pub fn go(&mut self, route: Route) {
        if matches!(route, Route::ResumeDraft) {
            if !self.resume_draft(None) {
                self.go(Route::Home);
            }
            return;
        }
        let ctx = self.ctx();
        let Some(screen) = routes::screen_for(route, &ctx) else { return };
        self.screen = screen;
        if let Some(page) = self.screen.page_mut() {
            let effects = page.enter(&ctx);
            self.run(effects);
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
        // "now" typed in a time field, or a time a field stamps, is filled in at once.
        let now = self.now();
        self.form_mut().map(|f| f.fill_now(now));
        if !self.drafts_deferred {
            self.keep_drafts_within(Some(QUICK));
        }
        if let Some(page) = self.screen.page_mut() {
            page.after_input(std::time::Instant::now());
        }
        if typed {
            // Remember where a new status was said, or clear one that no longer holds.
            let now = Said {
                screen: (std::mem::discriminant(&self.screen), screens::screen_title(self)),
                form: self.form().map(|f| (f.revision, f.error_count())),
            };
            status::settle(&mut self.status, &mut self.said, before, now);
        }
    }

    pub fn on_key(&mut self, key: Key) {
        self.redraw = true;
        let front = input::Front {
            hidden: matches!(self.screen, Screen::Hidden),
            overlay: self.overlay.as_ref(),
            page: self.screen.page(),
        };
        let action = input::action(&front, self.screen_keymap(), key);
        let mut step = input::step(&front, key, action);
        if let (Step::NotesRow(then), Some(form)) = (&step, self.form_mut()) {
            step = input::notes_row(form, key, *then);
        }
        let lang = self.lang;
        match step {
            Step::Reveal => self.reveal_lock_screen(),
            Step::Hide => self.hide(),
            Step::Confirmed(c) => {
                self.overlay = None;
                self.confirmed(c);
            }
            Step::Close => self.overlay = None,
            Step::Help => self.overlay = Some(Overlay::Help),
            Step::Quit => {
                self.overlay = None;
                self.request_quit();
            }
            Step::Edit => {
                if let Some(form) = self.form_mut() {
                    form.edit(key, lang);
                }
            }
            Step::Act(a) => self.screen_action(a),
            Step::Unbound => {
                self.status = input::not_an_answer(&self.screen, key, lang).or(self.status.take())
            }
            Step::NotesRow(_) | Step::Ignore => {}
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
        if let Some(page) = self.screen.page_mut() {
            let effects = page.update(action, &ctx);
            self.run(effects);
        }
    }

    fn confirmed(&mut self, c: Confirm) {
        let ctx = self.ctx();
        if let Confirm::TakeOverDraft(o) = &c {
            self.resume_draft(Some(&o.draft));
        } else if c == Confirm::Quit {
            self.quit_now();
        } else if let Some(page) = self.screen.page_mut() {
            let effects =
                if c == Confirm::Discard { page.discard(&ctx) } else { page.on_confirm(c, &ctx) };
            self.run(effects);
        }
    }

    /// How long until the screen in front wants its tick (None: nothing scheduled).
    pub fn search_due_in(&self, now: Instant) -> Option<Duration> {
        self.screen.page().and_then(|p| p.due()).map(|t| t.saturating_duration_since(now))
    }

    /// The loop's wait timed out: the screen in front does what it scheduled, if it is due.
    pub fn on_timer(&mut self, now: Instant) {
        let ctx = self.ctx();
        if let Some(page) = self.screen.page_mut() {
            let effects = page.tick(now, &ctx);
            if !effects.is_empty() {
                self.redraw = true;
            }
            self.run(effects);
        }
    }

    pub fn request_quit(&mut self) {
        match self.has_unsaved_input() {
            true => self.overlay = Some(Overlay::Confirm(Confirm::Quit)),
            false => self.quit_now(),
        }
    }

    pub fn quit_now(&mut self) {
        self.pay_owed(None);
        self.keep_drafts_within(None);
        let now = self.now();
        // The program ends either way; a failure to record it is shown on stderr by main.
        let ended = self.session.end(&mut self.store, SessionEnd::Quit, now);
        self.report(ended);
        self.purge = true;
        self.quit = true;
    }

    /// Quick hide: a blank screen and scrollback at once, then what it owes (`cover.rs`).
    pub fn hide(&mut self) {
        self.cover();
        let event = if self.session.is_open() { "hide" } else { "hide_login" };
        self.owed.event(self.actor(), event);
    }

    /// Lock now (by key, `lock`, or after the idle time, `lock_idle`): ask for the PIN.
    pub fn lock(&mut self, event: &'static str) {
        if self.session.is_open() && !matches!(self.screen, Screen::Locked(_)) {
            self.cover();
            self.reveal_lock_screen();
            self.owed.event(self.actor(), event);
        }
    }

    /// Take everything off the screen, keeping the screen for the same user's unlock.
    fn cover(&mut self) {
        let front = std::mem::replace(&mut self.screen, Screen::Hidden);
        if front.page().is_some() && self.session.is_open() {
            self.owed.draft(self.ctx());
        }
        self.session.suspend(front);
        (self.overlay, self.status, self.purge, self.redraw) = (None, None, true, true);
    }

    /// Write what is owed, each write waiting at most `patience` (None: the usual 30 s).
    pub fn pay_owed(&mut self, patience: Option<Duration>) {
        let covered = self.session.suspended.as_mut().and_then(Screen::page_mut);
        let (effects, front) = self.owed.pay(&mut self.store, covered, patience);
        self.run(effects);
        front.then(|| self.keep_drafts_within(patience));
    }

    /// Keep the form in front as a draft if it changed since it was last kept, waiting at
    /// most `patience` (from the loop, QUICK: while busy it is kept a moment later).
    pub fn keep_drafts_within(&mut self, patience: Option<Duration>) {
        if patience.is_some() && !self.owed.front_may_try(Instant::now()) {
            return;
        }
        let ctx = self.ctx();
        let Some(page) = self.screen.page_mut() else { return };
        let effects = self.owed.keep_front(&mut self.store, page, &ctx, patience);
        self.run(effects);
    }

    /// After a hide: the lock screen for the session's user, or the login screen.
    fn reveal_lock_screen(&mut self) {
        let (screen, error) = self.session.lock_screen(&self.store);
        self.screen = screen;
        if let Some(e) = error {
            self.fail(e);
        }
    }

    /// A login or unlock went through: the locked session it replaced ends, then the user is
    /// in, in their language, on a forced PIN change or where they left off.
    fn after_login(&mut self, li: LoggedIn, replaced: Option<Actor>) {
        self.pay_owed(None); // What the lock owes first: its draft is the locked user's.
        let now = self.now();
        if let Some(old) = replaced {
            let ended = self.session.replaced(&mut self.store, old, now);
            self.report(ended);
        }
        self.status = None;
        let user_lang = li.user.lang;
        let (landing, chosen) = self.session.begin(li, self.lang);
        self.lang = user_lang;
        if let Some(lang) = chosen {
            self.set_language(lang);
        }
        self.session.reload(&self.store);
        match landing {
            Landing::ChangePin => {
                self.screen = Screen::ChangePin(AuthScreen::change_pin(true));
                self.say(Msg::MustChangePin);
            }
            Landing::Back(prev) => self.screen = *prev,
            // Home, with what was typed before the link dropped one key away (Enter, or r).
            Landing::Fresh => {
                self.go(Route::Home);
                self.session.has_draft(&self.store, now).then(|| self.say(Msg::DraftWaiting));
            }
        }
    }

    /// Bring back the user's latest unsaved form, where they left it, asking first when another
    /// session left it; `taken`: one the user agreed to take over (false: none came back).
    pub(crate) fn resume_draft(&mut self, taken: Option<&Draft>) -> bool {
        let (now, lang) = (self.now(), self.lang);
        let resume = match taken {
            Some(d) => self.session.take_draft(&mut self.store, d, lang).map(Resume::from),
            None => self.session.resume(&mut self.store, now, lang),
        };
        match resume {
            Ok(Resume::Open(route)) => self.go(route),
            Ok(Resume::Ask(c)) => (self.overlay, self.status) = (Some(Overlay::Confirm(c)), None),
            Ok(Resume::Say(text)) => self.status = Some(Status::note(text)),
            Ok(Resume::Nothing) => return false,
            Err(e) => self.fail(e),
        }
        // Asked, or said why not (or what failed): the user stays where they are.
        if self.form().is_none() {
            return true;
        }
        let back = self.form().is_some_and(|f| f.dirty);
        if back {
            self.say(Msg::DraftRestored);
        }
        back
    }

    pub fn logout(&mut self) {
        self.pay_owed(None);
        let ended = self.session.end(&mut self.store, SessionEnd::Logout, (self.opts.clock)());
        (self.overlay, self.purge) = (None, true);
        self.reveal_lock_screen();
        self.say(Msg::LoggedOut);
        self.report(ended);
    }

    pub fn set_language(&mut self, lang: Lang) {
        (self.lang, self.redraw) = (lang, true);
        let kept = self.session.set_lang(&mut self.store, lang, (self.opts.clock)());
        self.report(kept);
    }
}
