//! Staff administration (admins): the list of accounts, and forms to add one, change its role
//! and agency, and set a temporary PIN. Disable, enable and unlock act on the selected row.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use crate::auth::accounts::{self, DISPLAY_NAME_MAX, NewAccount, USERNAME_MAX};
use crate::domain::staff::Role;
use crate::i18n::{Lang, Msg};
use crate::store::users::{self, Agency, StaffRow, User};
use crate::ui::app::{App, Confirm, Overlay, Screen};
use crate::ui::form::{Field, Form};
use crate::ui::keymap::{self, Action, Binding};
use crate::ui::pager::Pager;
use crate::ui::screens::{block, draw_form, list_footer};
use crate::ui::theme::Theme;

pub enum StaffMode {
    List,
    Add { form: Form, agencies: Vec<Agency> },
    Edit { form: Form, user: User, agencies: Vec<Agency> },
    ResetPin { form: Form, user: User },
}

pub struct StaffScreen {
    pub list: Pager<StaffRow>,
    pub mode: StaffMode,
}

/// Agencies offered in a choice: enough for any task force; more are reached by typing.
const AGENCY_CHOICES: i64 = 500;

impl StaffScreen {
    pub fn form(&self) -> Option<&Form> {
        match &self.mode {
            StaffMode::List => None,
            StaffMode::Add { form, .. }
            | StaffMode::Edit { form, .. }
            | StaffMode::ResetPin { form, .. } => Some(form),
        }
    }

    pub fn form_mut(&mut self) -> Option<&mut Form> {
        match &mut self.mode {
            StaffMode::List => None,
            StaffMode::Add { form, .. }
            | StaffMode::Edit { form, .. }
            | StaffMode::ResetPin { form, .. } => Some(form),
        }
    }

    pub fn keymap(&self) -> &'static [Binding] {
        match self.mode {
            StaffMode::List => keymap::STAFF,
            _ => keymap::FORM,
        }
    }

    pub fn title(&self) -> Msg {
        match self.mode {
            StaffMode::List => Msg::TitleStaff,
            StaffMode::Add { .. } => Msg::TitleAddUser,
            StaffMode::Edit { .. } => Msg::TitleEditUser,
            StaffMode::ResetPin { .. } => Msg::TitleResetPin,
        }
    }
}

fn role_options(lang: Lang) -> Vec<String> {
    Role::ALL.iter().map(|r| r.label().text(lang).to_string()).collect()
}

impl App {
    fn staff_fetch(&self) -> impl Fn(i64, i64) -> crate::Result<Vec<StaffRow>> + '_ {
        let now = self.now();
        move |offset, limit| users::list(self.store.conn(), now, offset, limit)
    }

    pub(crate) fn open_staff(&mut self) {
        match Pager::load(self.staff_fetch(), 0) {
            Ok(list) => self.screen = Screen::Staff(StaffScreen { list, mode: StaffMode::List }),
            Err(e) => self.fail(e),
        }
    }

    fn staff(&mut self) -> Option<&mut StaffScreen> {
        match &mut self.screen {
            Screen::Staff(s) => Some(s),
            _ => None,
        }
    }

    fn staff_reload(&mut self) {
        let now = self.now();
        let Screen::Staff(s) = &mut self.screen else {
            return;
        };
        let conn = self.store.conn();
        if let Err(e) = s.list.reload(|o, l| users::list(conn, now, o, l)) {
            self.fail(e);
        }
    }

    pub(crate) fn staff_close_form(&mut self) {
        if let Some(s) = self.staff() {
            s.mode = StaffMode::List;
        }
        self.staff_reload();
    }

    pub(crate) fn staff_action(&mut self, action: Action) {
        let Screen::Staff(s) = &self.screen else {
            return;
        };
        if !matches!(s.mode, StaffMode::List) {
            return match action {
                Action::Submit => self.staff_submit(),
                Action::Back => self.back_or_confirm(App::staff_close_form),
                _ => {}
            };
        }
        let selected = s.list.current().map(|r| r.user.clone());
        let now = self.now();
        let lang = self.lang;
        let moved = {
            let Screen::Staff(s) = &mut self.screen else {
                return;
            };
            let conn = self.store.conn();
            let fetch = |o, l| users::list(conn, now, o, l);
            s.list.navigate(action, fetch)
        };
        if let Some(result) = moved {
            return self.report(result);
        }
        match (action, selected) {
            (Action::Back, _) => self.go_home(),
            (Action::Add, _) => match users::agencies(self.store.conn(), 0, AGENCY_CHOICES) {
                Ok(agencies) => {
                    let mine = self.session.as_ref().map(|s| s.user.agency_id);
                    let at = agencies.iter().position(|a| Some(a.id) == mine).unwrap_or(0);
                    let names = agencies.iter().map(|a| a.name.clone()).collect();
                    let form = Form::new(vec![
                        Field::text(Msg::FieldUsername, USERNAME_MAX),
                        Field::text(Msg::FieldDisplayName, DISPLAY_NAME_MAX),
                        Field::choice(Msg::FieldRole, role_options(lang), 3),
                        Field::choice(Msg::FieldAgency, names, at),
                        Field::pin(Msg::FieldNewPin),
                        Field::pin(Msg::FieldPinAgain),
                    ]);
                    if let Some(s) = self.staff() {
                        s.mode = StaffMode::Add { form, agencies };
                    }
                }
                Err(e) => self.fail(e),
            },
            (Action::Edit, Some(user)) => {
                match users::agencies(self.store.conn(), 0, AGENCY_CHOICES) {
                    Ok(agencies) => {
                        let role_at = Role::ALL.iter().position(|r| *r == user.role).unwrap_or(0);
                        let at = agencies.iter().position(|a| a.id == user.agency_id).unwrap_or(0);
                        let names = agencies.iter().map(|a| a.name.clone()).collect();
                        let form = Form::new(vec![
                            Field::choice(Msg::FieldRole, role_options(lang), role_at),
                            Field::choice(Msg::FieldAgency, names, at),
                        ]);
                        if let Some(s) = self.staff() {
                            s.mode = StaffMode::Edit { form, user, agencies };
                        }
                    }
                    Err(e) => self.fail(e),
                }
            }
            (Action::ResetPin, Some(user)) => {
                let form =
                    Form::new(vec![Field::pin(Msg::FieldNewPin), Field::pin(Msg::FieldPinAgain)]);
                if let Some(s) = self.staff() {
                    s.mode = StaffMode::ResetPin { form, user };
                }
            }
            (Action::ToggleDisabled, Some(user)) => {
                self.overlay = Some(Overlay::Confirm(Confirm::ToggleDisabled {
                    user_id: user.id,
                    disable: !user.disabled,
                }));
            }
            (Action::Unlock, Some(user)) => {
                let actor = self.actor();
                match accounts::unlock(&mut self.store, actor, user.id) {
                    Ok(()) => {
                        self.staff_reload();
                        self.say(Msg::UserUnlocked);
                    }
                    Err(e) => self.fail(e),
                }
            }
            _ => {}
        }
    }

    pub(crate) fn toggle_disabled(&mut self, user_id: i64, disable: bool) {
        let (actor, now) = (self.actor(), self.now());
        match accounts::set_disabled(&mut self.store, actor, user_id, disable, now) {
            Ok(()) => {
                self.staff_reload();
                self.say(if disable { Msg::UserDisabled } else { Msg::UserEnabled });
            }
            Err(e) => self.fail(e),
        }
    }

    fn staff_submit(&mut self) {
        let (actor, now, cost, lang) = (self.actor(), self.now(), self.opts.cost, self.lang);
        let Screen::Staff(s) = &mut self.screen else {
            return;
        };
        let result = match &mut s.mode {
            StaffMode::List => return,
            StaffMode::Add { form, agencies } => {
                if !form.check_required(lang) {
                    return;
                }
                let v = form.values();
                let agency =
                    agencies.get(form.choice(3)).map(|a| a.name.clone()).unwrap_or_default();
                let account = NewAccount {
                    username: &v[0],
                    display_name: &v[1],
                    role: Role::ALL[form.choice(2)],
                    agency: &agency,
                    pin: &v[4],
                    pin_again: &v[5],
                    temporary: true,
                    lang,
                };
                accounts::add_user(&mut self.store, actor, cost, &account, now)
                    .map(|_| Msg::UserAdded)
            }
            StaffMode::Edit { form, user, agencies } => {
                let role = Role::ALL[form.choice(0)];
                let agency = agencies.get(form.choice(1)).map(|a| a.id);
                let uid = user.id;
                let mut r = Ok(());
                if role != user.role {
                    r = accounts::set_role(&mut self.store, actor, uid, role, now);
                }
                if let (Ok(()), Some(aid)) = (&r, agency)
                    && aid != user.agency_id
                {
                    r = accounts::set_agency(&mut self.store, actor, uid, aid, now);
                }
                r.map(|_| Msg::UserUpdated)
            }
            StaffMode::ResetPin { form, user } => {
                let v = form.values();
                accounts::reset_pin(&mut self.store, actor, cost, user.id, &v[0], &v[1], now)
                    .map(|_| Msg::PinReset)
            }
        };
        match result {
            Ok(msg) => {
                self.staff_close_form();
                self.say(msg);
            }
            Err(e) => {
                if let Some(f) = self.form_mut() {
                    f.clear_secrets();
                }
                self.fail(e);
            }
        }
    }
}

pub fn draw(frame: &mut Frame, area: Rect, s: &StaffScreen, t: Theme, lang: Lang) {
    match &s.mode {
        StaffMode::List => draw_list(frame, area, s, t, lang),
        StaffMode::Add { form, .. } => {
            let b = block(Msg::TitleAddUser, t, lang);
            let inner = b.inner(area);
            frame.render_widget(b, area);
            let intro = Paragraph::new(Line::raw(format!(" {}", Msg::AddUserIntro.text(lang))));
            frame.render_widget(intro, Rect { height: 2, ..inner });
            draw_form(
                frame,
                Rect { y: inner.y + 2, height: inner.height.saturating_sub(2), ..inner },
                form,
                t,
                lang,
            );
        }
        StaffMode::Edit { form, user, .. } | StaffMode::ResetPin { form, user } => {
            let title = s.title();
            let b = block(title, t, lang);
            let inner = b.inner(area);
            frame.render_widget(b, area);
            let who = Line::from(vec![
                Span::styled(format!(" {}: ", Msg::FieldUsername.text(lang)), t.dim()),
                Span::raw(format!("{} ({})", user.username, user.display_name)),
            ]);
            frame.render_widget(Paragraph::new(who), Rect { height: 1, ..inner });
            draw_form(
                frame,
                Rect { y: inner.y + 2, height: inner.height.saturating_sub(2), ..inner },
                form,
                t,
                lang,
            );
        }
    }
}

fn status_of(r: &StaffRow) -> Msg {
    if r.user.disabled {
        Msg::StatusDisabled
    } else if r.locked {
        Msg::StatusLocked
    } else if r.user.pin_temporary {
        Msg::StatusTemporaryPin
    } else {
        Msg::StatusActive
    }
}

fn draw_list(frame: &mut Frame, area: Rect, s: &StaffScreen, t: Theme, lang: Lang) {
    let header = Row::new(
        [
            Msg::FieldUsername,
            Msg::FieldDisplayName,
            Msg::FieldRole,
            Msg::FieldAgency,
            Msg::FieldStatus,
        ]
        .map(|m| Cell::from(m.text(lang))),
    )
    .style(t.title());
    let rows: Vec<Row> = s
        .list
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mark = if i == s.list.selected { t.marker() } else { " " };
            let row = Row::new(vec![
                Cell::from(format!("{mark}{}", r.user.username)),
                Cell::from(r.user.display_name.clone()),
                Cell::from(r.user.role.label().text(lang)),
                Cell::from(r.user.agency_name.clone()),
                Cell::from(status_of(r).text(lang)),
            ]);
            if i == s.list.selected { row.style(t.focus()) } else { row }
        })
        .collect();
    let table = Table::new(
        rows,
        [
            Constraint::Length(14),
            Constraint::Length(20),
            Constraint::Length(15),
            Constraint::Fill(1),
            Constraint::Length(12),
        ],
    )
    .header(header)
    .block(block(Msg::TitleStaff, t, lang));
    frame.render_widget(table, area);
    list_footer(frame, area, &s.list, t, lang);
}
