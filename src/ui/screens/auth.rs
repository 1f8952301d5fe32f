//! First run, login, the lock screen and PIN changes. Each is a form whose submission is one
//! use case; starting and ending the session the console holds is the app's, asked for with
//! effects (`Effect::Start`, `Effect::Logout`).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::auth::Actor;
use crate::auth::accounts::{
    self, AGENCY_NAME_MAX, DISPLAY_NAME_MAX, NewAccount, PinChange, USERNAME_MAX,
};
use crate::auth::login::{self, Login, Outcome};
use crate::domain::staff::Role;
use crate::domain::text::fold_username;
use crate::i18n::{Lang, Msg, fill};
use crate::ui::effect::{Done, Effect, Route};
use crate::ui::keymap::{self, Action, Binding, HIDE_KEY};
use crate::ui::screen::{Ctx, Page};
use crate::ui::screens::{block, centered, draw_form, form_height, wrap};
use crate::ui::theme::Theme;
use crate::ui::widgets::form::{Field, Form};
use zeroize::Zeroizing;

/// Which door the screen is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gate {
    /// A new database: the first administrator is created.
    FirstRun,
    Login,
    /// The session is kept; its user (or another, which ends it) enters a PIN.
    Locked,
    /// A new PIN; `forced` when the one in use was set by an administrator.
    ChangePin {
        forced: bool,
    },
}

pub struct AuthScreen {
    pub gate: Gate,
    pub form: Form,
    /// Over SSH, the staff account the key belongs to: shown, never typed; the PIN is the
    /// second factor, and no one else logs in at this console.
    pub key_user: Option<String>,
}

impl AuthScreen {
    pub fn first_run() -> AuthScreen {
        let form = Form::new(vec![
            Field::text(Msg::FieldDisplayName, DISPLAY_NAME_MAX),
            Field::text(Msg::FieldUsername, USERNAME_MAX),
            Field::text(Msg::FieldAgency, AGENCY_NAME_MAX),
            Field::pin(Msg::FieldNewPin),
            Field::pin(Msg::FieldPinAgain),
        ]);
        AuthScreen { gate: Gate::FirstRun, form, key_user: None }
    }

    /// The login for a key's account (over SSH): the PIN alone, the user name shown.
    pub fn login_with_key(username: &str) -> AuthScreen {
        let form = Form::new(vec![Field::pin(Msg::FieldPin)]);
        AuthScreen { gate: Gate::Login, form, key_user: Some(username.to_string()) }
    }

    /// The lock screen of a key's session: the PIN of the key's account only.
    pub fn locked_with_key(username: &str) -> AuthScreen {
        AuthScreen { gate: Gate::Locked, ..AuthScreen::login_with_key(username) }
    }

    /// User name and PIN; with a user name given, the PIN has the focus.
    pub fn login(username: &str) -> AuthScreen {
        AuthScreen { gate: Gate::Login, form: login_form(username), key_user: None }
    }

    pub fn locked(username: &str) -> AuthScreen {
        AuthScreen { gate: Gate::Locked, form: login_form(username), key_user: None }
    }

    pub fn change_pin(forced: bool) -> AuthScreen {
        let mut fields = Vec::new();
        if !forced {
            fields.push(Field::pin(Msg::FieldCurrentPin));
        }
        fields.push(Field::pin(Msg::FieldNewPin));
        fields.push(Field::pin(Msg::FieldPinAgain));
        AuthScreen { gate: Gate::ChangePin { forced }, form: Form::new(fields), key_user: None }
    }

    /// The form handed to its use case: the PINs typed leave the form at once.
    /// The user name field holds only digits: a PIN typed before the user name.
    fn pin_in_user_name(&self) -> bool {
        if self.key_user.is_some() {
            return false;
        }
        let name = self.form.fields.first().map(|f| f.raw()).unwrap_or_default();
        !name.is_empty() && name.chars().all(|c| c.is_ascii_digit())
    }

    fn submit(&mut self, ctx: &Ctx) -> Vec<Effect> {
        let lang = ctx.lang;
        // A PIN where the user name goes is wiped, never tried as a name (nor kept in view).
        if matches!(self.gate, Gate::Login | Gate::Locked) && self.pin_in_user_name() {
            self.form = login_form("");
            return vec![Effect::Fail(crate::Error::user(Msg::ErrPinInUserName))];
        }
        if self.gate == Gate::FirstRun && !self.form.check_required(lang) {
            return Vec::new();
        }
        let mut v = self.form.values();
        if let Some(user) = &self.key_user {
            // The key says who: the form holds the PIN alone.
            v.insert(0, Zeroizing::new(user.clone()));
        }
        self.form.clear_secrets();
        let job = match self.gate {
            Gate::FirstRun => Effect::run(move |store, ctx| {
                let account = NewAccount {
                    display_name: &v[0],
                    username: &v[1],
                    agency: &v[2],
                    pin: &v[3],
                    pin_again: &v[4],
                    role: Role::Admin,
                    temporary: false,
                    lang,
                };
                accounts::create_first_admin(store, ctx.cost, &account, ctx.now)?;
                Ok(Done::AdminCreated(fold_username(&v[1])))
            }),
            Gate::Login => Effect::run(move |store, ctx| {
                let outcome = Login { store, cost: ctx.cost }.attempt(&v[0], &v[1], ctx.now)?;
                Ok(Done::LoginOutcome(Box::new(outcome), None))
            }),
            Gate::Locked => Effect::run(move |store, ctx| {
                let current =
                    ctx.user.as_ref().ok_or_else(|| crate::Error::user(Msg::ErrNoSession))?;
                let session = ctx.actor.session_id.unwrap_or_default();
                if fold_username(&v[0]) == current.username {
                    let outcome = login::unlock(store, current, session, &v[1], ctx.now)?;
                    return Ok(Done::LoginOutcome(Box::new(outcome), None));
                }
                // Another user logs in at the locked console: the locked session ends.
                let outcome = Login { store, cost: ctx.cost }.attempt(&v[0], &v[1], ctx.now)?;
                Ok(Done::LoginOutcome(Box::new(outcome), Some(ctx.actor)))
            }),
            Gate::ChangePin { forced } => Effect::run(move |store, ctx| {
                let user =
                    ctx.user.as_ref().ok_or_else(|| crate::Error::user(Msg::ErrNoSession))?;
                let change = if forced {
                    PinChange { current: None, new_pin: &v[0], again: &v[1] }
                } else {
                    PinChange { current: Some(&v[0]), new_pin: &v[1], again: &v[2] }
                };
                accounts::change_own_pin(store, ctx.actor, ctx.cost, user, &change, ctx.now)?;
                Ok(Done::PinChanged)
            }),
        };
        vec![job]
    }
}

/// User name and PIN; with a user name given, the PIN has the focus.
fn login_form(username: &str) -> Form {
    let mut f = Form::new(vec![
        Field::text(Msg::FieldUsername, 64).with_value(username),
        Field::pin(Msg::FieldPin),
    ]);
    if !username.is_empty() {
        f.focus_on(1);
    }
    f
}

impl Page for AuthScreen {
    fn keymap(&self) -> &'static [Binding] {
        match self.gate {
            Gate::FirstRun => keymap::FIRST_RUN,
            Gate::Login | Gate::Locked => keymap::LOGIN,
            Gate::ChangePin { .. } => keymap::FORM,
        }
    }

    fn title(&self) -> Msg {
        match self.gate {
            Gate::FirstRun => Msg::TitleFirstRun,
            Gate::Login => Msg::TitleLogin,
            Gate::Locked => Msg::TitleLocked,
            Gate::ChangePin { .. } => Msg::TitleChangePin,
        }
    }

    /// Digits alone in the user name are a PIN typed too soon: they show as bullets.
    fn after_input(&mut self, _now: std::time::Instant) {
        let digits = self.pin_in_user_name();
        if let Some(crate::ui::widgets::form::FieldKind::Text { masked, .. }) =
            self.form.fields.first_mut().map(|f| &mut f.kind)
            && matches!(self.gate, Gate::Login | Gate::Locked)
        {
            *masked = digits;
        }
    }

    fn form(&self) -> Option<&Form> {
        Some(&self.form)
    }

    fn form_mut(&mut self) -> Option<&mut Form> {
        Some(&mut self.form)
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Vec<Effect> {
        match (action, self.gate) {
            (Action::Language, _) => vec![Effect::ChooseLanguage],
            (Action::Submit, _) => self.submit(ctx),
            (Action::Back, Gate::ChangePin { forced: true }) => vec![Effect::Logout],
            (Action::Back, Gate::ChangePin { forced: false }) => vec![Effect::LeaveForm],
            _ => Vec::new(),
        }
    }

    fn on_done(&mut self, done: Done, _ctx: &Ctx) -> Vec<Effect> {
        match done {
            Done::AdminCreated(username) => {
                vec![Effect::Go(Route::Login(username)), Effect::Say(Msg::AdminCreated)]
            }
            Done::LoginOutcome(outcome, replaced) => match *outcome {
                Outcome::Ok(li) => vec![Effect::Start(Box::new(li), replaced)],
                Outcome::Denied(msg) => {
                    self.form.focus_on(1);
                    vec![Effect::Fail(crate::Error::user(msg))]
                }
            },
            Done::PinChanged => {
                vec![Effect::PinChanged, Effect::Go(Route::Home), Effect::Say(Msg::PinChanged)]
            }
            _ => Vec::new(),
        }
    }

    fn discard(&mut self, _ctx: &Ctx) -> Vec<Effect> {
        vec![Effect::Go(Route::Home)]
    }

    fn draw(&self, frame: &mut Frame, area: Rect, t: Theme, lang: Lang) {
        let (intro, hints) = match self.gate {
            Gate::FirstRun => (
                vec![
                    Msg::FirstRunIntro.text(lang).to_string(),
                    Msg::PinRule.text(lang).to_string(),
                ],
                login_hints(lang),
            ),
            Gate::Login | Gate::Locked if self.key_user.is_some() => {
                let who = self.key_user.as_deref().unwrap_or_default();
                let intro = vec![
                    Msg::TaskForce.text(lang).to_string(),
                    fill(Msg::KeyLoginIntro.text(lang), &[who]),
                ];
                (intro, login_hints(lang))
            }
            Gate::Login => (vec![Msg::TaskForce.text(lang).to_string()], login_hints(lang)),
            Gate::Locked => (vec![Msg::LockedIntro.text(lang).to_string()], login_hints(lang)),
            Gate::ChangePin { forced } => {
                let mut intro = Vec::new();
                if forced {
                    intro.push(Msg::MustChangePin.text(lang).to_string());
                }
                intro.push(Msg::PinRule.text(lang).to_string());
                (intro, Vec::new())
            }
        };
        panel(frame, area, Panel { title: self.title(), intro, form: &self.form, hints }, t, lang);
    }
}

/// The locked session another user's login ends, as the actor it was.
pub type Replaced = Option<Actor>;

/// What a panel shows: a title, an intro, a form and hints under it.
struct Panel<'a> {
    title: Msg,
    intro: Vec<String>,
    form: &'a Form,
    hints: Vec<String>,
}

/// A panel in the middle of the body.
fn panel(frame: &mut Frame, area: Rect, p: Panel, t: Theme, lang: Lang) {
    let Panel { title, intro, form, hints } = p;
    let width = 72u16.min(area.width);
    let intro: Vec<String> =
        intro.iter().flat_map(|s| wrap(s, width.saturating_sub(5) as usize)).collect();
    let form_h = form_height(form, width.saturating_sub(3));
    let h = intro.len() as u16 + form_h + hints.len() as u16 + 4;
    let rect = centered(area, width, h);
    let b = block(title, t, lang);
    let inner = b.inner(rect);
    frame.render_widget(b, rect);
    let [intro_a, form_a, hint_a] = Layout::vertical([
        Constraint::Length(intro.len() as u16 + 1),
        Constraint::Length(form_h + 1),
        Constraint::Fill(1),
    ])
    .areas(inner);
    let intro_lines: Vec<Line> = intro.iter().map(|s| Line::raw(format!(" {s}"))).collect();
    frame.render_widget(Paragraph::new(intro_lines), intro_a);
    draw_form(
        frame,
        Rect { x: form_a.x + 1, width: form_a.width.saturating_sub(1), ..form_a },
        form,
        t,
        lang,
    );
    let hint_lines: Vec<Line> =
        hints.iter().map(|s| Line::from(Span::styled(format!(" {s}"), t.dim()))).collect();
    frame.render_widget(Paragraph::new(hint_lines), hint_a);
}

fn login_hints(lang: Lang) -> Vec<String> {
    vec![
        fill(Msg::HintHide.text(lang), &[&HIDE_KEY.label(lang)]),
        Msg::HintLanguage.text(lang).to_string(),
    ]
}
