//! The application: its state, and the executor that carries out what screens ask for
//! (`run`) and opens the screen a route names (`go`). Input is dispatched in `input.rs`; the
//! session (login, lock, hide, quit) lives in `session.rs`.

mod input;
mod session;

use std::time::Duration;

use jiff::Timestamp;

use crate::auth::Actor;
use crate::auth::login::LoggedIn;
use crate::auth::pin::HashCost;
use crate::error::Error;
use crate::i18n::{Lang, Msg};
use crate::store::Store;
use crate::store::users;
use crate::ui::effect::{Effect, Route};
use crate::ui::keymap::{self, Binding};
use crate::ui::routes;
pub use crate::ui::screen::Screen;
use crate::ui::screen::{Ctx, Page};
use crate::ui::screens::auth::AuthScreen;
pub use crate::ui::status::Status;
use crate::ui::status::{Said, field_of};
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
        if matches!(route, Route::ResumeDraft) {
            if !self.resume_draft() {
                self.go(Route::Home);
            }
            return;
        }
        let ctx = self.ctx();
        let Some(screen) = routes::screen_for(route, &ctx) else { return };
        self.screen = screen;
        if let Some(page) = self.page_mut() {
            let effects = page.enter(&ctx);
            self.run(effects);
        }
    }

    pub fn go_home(&mut self) {
        self.go(Route::Home);
    }
}
