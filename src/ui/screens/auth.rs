//! First run, login, the lock screen and PIN changes.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::auth::accounts::{
    self, AGENCY_NAME_MAX, DISPLAY_NAME_MAX, NewAccount, PinChange, USERNAME_MAX,
};
use crate::auth::login::{self, LoggedIn, Login, Outcome};
use crate::domain::staff::Role;
use crate::domain::text::fold_username;
use crate::i18n::{Lang, Msg, fill};
use crate::ui::app::{App, Screen};
use crate::ui::form::{Field, Form};
use crate::ui::keymap::{Action, HIDE_KEY};
use crate::ui::screens::{block, centered, draw_form, form_height, wrap};
use crate::ui::theme::Theme;

pub fn first_run_form(_lang: Lang) -> Form {
    Form::new(vec![
        Field::text(Msg::FieldDisplayName, DISPLAY_NAME_MAX),
        Field::text(Msg::FieldUsername, USERNAME_MAX),
        Field::text(Msg::FieldAgency, AGENCY_NAME_MAX),
        Field::pin(Msg::FieldNewPin),
        Field::pin(Msg::FieldPinAgain),
    ])
}

/// User name and PIN; with a user name given, the PIN has the focus.
pub fn login_form(username: &str) -> Form {
    let mut f = Form::new(vec![
        Field::text(Msg::FieldUsername, 64).with_value(username),
        Field::pin(Msg::FieldPin),
    ]);
    if !username.is_empty() {
        f.focus_on(1);
    }
    f
}

pub fn locked_form(username: &str) -> Form {
    login_form(username)
}

pub fn change_pin_form(forced: bool) -> Form {
    let mut fields = Vec::new();
    if !forced {
        fields.push(Field::pin(Msg::FieldCurrentPin));
    }
    fields.push(Field::pin(Msg::FieldNewPin));
    fields.push(Field::pin(Msg::FieldPinAgain));
    Form::new(fields)
}

impl App {
    pub(crate) fn auth_action(&mut self, action: Action) {
        match action {
            Action::Language => {
                self.lang_chosen = true;
                self.set_language(self.lang.other());
            }
            Action::Submit => match &self.screen {
                Screen::FirstRun(_) => self.submit_first_run(),
                Screen::Login(_) => self.submit_login(),
                Screen::Locked(_) => self.submit_unlock(),
                Screen::ChangePin { .. } => self.submit_change_pin(),
                _ => {}
            },
            Action::Back => {
                if let Screen::ChangePin { forced, .. } = self.screen {
                    if forced {
                        self.logout();
                    } else {
                        self.back_or_confirm(App::go_home);
                    }
                }
            }
            _ => {}
        }
    }

    fn submit_first_run(&mut self) {
        let lang = self.lang;
        let Some(form) = self.form_mut() else { return };
        if !form.check_required(lang) {
            return;
        }
        let v = form.values();
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
        let now = self.now();
        match accounts::create_first_admin(&mut self.store, self.opts.cost, &account, now) {
            Ok(_) => {
                self.screen = Screen::Login(login_form(&fold_username(&v[1])));
                self.say(Msg::AdminCreated);
            }
            Err(e) => {
                if let Some(f) = self.form_mut() {
                    f.clear_secrets();
                }
                self.fail(e);
            }
        }
    }

    fn submit_login(&mut self) {
        let Some(form) = self.form_mut() else { return };
        let v = form.values();
        let now = self.now();
        let outcome =
            Login { store: &mut self.store, cost: self.opts.cost }.attempt(&v[0], &v[1], now);
        self.after_attempt(outcome, None);
    }

    fn submit_unlock(&mut self) {
        let Some(form) = self.form_mut() else { return };
        let v = form.values();
        let Some(current) = self.session.clone() else {
            return;
        };
        let now = self.now();
        if fold_username(&v[0]) == current.user.username {
            let outcome =
                login::unlock(&mut self.store, &current.user, current.session_id, &v[1], now);
            self.after_attempt(outcome, None);
        } else {
            // Another user logs in at the locked console: the locked session ends.
            let outcome =
                Login { store: &mut self.store, cost: self.opts.cost }.attempt(&v[0], &v[1], now);
            self.after_attempt(outcome, Some(current));
        }
    }

    /// After a login or unlock attempt. `replaced` is the locked session another user's
    /// successful login ends.
    fn after_attempt(&mut self, outcome: crate::Result<Outcome>, replaced: Option<LoggedIn>) {
        match outcome {
            Ok(Outcome::Ok(li)) => {
                if let Some(old) = replaced {
                    let actor = crate::auth::Actor {
                        user_id: Some(old.user.id),
                        session_id: Some(old.session_id),
                    };
                    let now = self.now();
                    if let Err(e) =
                        accounts::end_session(&mut self.store, actor, "switch_user", now)
                    {
                        self.fail(e);
                    }
                    self.suspended = None;
                }
                self.start(li);
            }
            Ok(Outcome::Denied(msg)) => {
                if let Some(f) = self.form_mut() {
                    f.clear_secrets();
                    f.focus_on(1);
                }
                self.status = Some(crate::ui::app::Status {
                    text: msg.text(self.lang).to_string(),
                    error: true,
                });
            }
            Err(e) => {
                if let Some(f) = self.form_mut() {
                    f.clear_secrets();
                }
                self.fail(e);
            }
        }
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
            self.screen = Screen::ChangePin { form: change_pin_form(true), forced: true };
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

    fn submit_change_pin(&mut self) {
        let Screen::ChangePin { form, forced } = &self.screen else {
            return;
        };
        let forced = *forced;
        let v = form.values();
        let Some(s) = self.session.clone() else {
            return;
        };
        let change = if forced {
            PinChange { current: None, new_pin: &v[0], again: &v[1] }
        } else {
            PinChange { current: Some(&v[0]), new_pin: &v[1], again: &v[2] }
        };
        let (actor, now, cost) = (self.actor(), self.now(), self.opts.cost);
        match accounts::change_own_pin(&mut self.store, actor, cost, &s.user, &change, now) {
            Ok(()) => {
                if let Some(sess) = &mut self.session {
                    sess.user.pin_temporary = false;
                    sess.must_change_pin = false;
                }
                self.go_home();
                self.say(Msg::PinChanged);
            }
            Err(e) => {
                if let Some(f) = self.form_mut() {
                    f.clear_secrets();
                }
                self.fail(e);
            }
        }
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
        self.screen = Screen::Login(login_form(""));
        self.say(Msg::LoggedOut);
    }
}

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
        fill(Msg::HintHide.text(lang), &[&HIDE_KEY.label()]),
        Msg::HintLanguage.text(lang).to_string(),
    ]
}

pub fn draw_first_run(frame: &mut Frame, area: Rect, form: &Form, t: Theme, lang: Lang) {
    let intro =
        vec![Msg::FirstRunIntro.text(lang).to_string(), Msg::PinRule.text(lang).to_string()];
    let p = Panel { title: Msg::TitleFirstRun, intro, form, hints: login_hints(lang) };
    panel(frame, area, p, t, lang);
}

pub fn draw_login(frame: &mut Frame, area: Rect, form: &Form, t: Theme, lang: Lang) {
    let intro = vec![Msg::TaskForce.text(lang).to_string()];
    let p = Panel { title: Msg::TitleLogin, intro, form, hints: login_hints(lang) };
    panel(frame, area, p, t, lang);
}

pub fn draw_locked(frame: &mut Frame, area: Rect, form: &Form, t: Theme, lang: Lang) {
    let intro = vec![Msg::LockedIntro.text(lang).to_string()];
    let p = Panel { title: Msg::TitleLocked, intro, form, hints: login_hints(lang) };
    panel(frame, area, p, t, lang);
}

pub fn draw_change_pin(
    frame: &mut Frame,
    area: Rect,
    form: &Form,
    forced: bool,
    t: Theme,
    lang: Lang,
) {
    let mut intro = Vec::new();
    if forced {
        intro.push(Msg::MustChangePin.text(lang).to_string());
    }
    intro.push(Msg::PinRule.text(lang).to_string());
    panel(frame, area, Panel { title: Msg::TitleChangePin, intro, form, hints: vec![] }, t, lang);
}
