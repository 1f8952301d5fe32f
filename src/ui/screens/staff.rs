//! Staff administration (admins): the list of accounts, and forms to add one, change its role
//! and agency, and set a temporary PIN. Disable, enable and unlock act on the selected row.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::auth::accounts::{self, DISPLAY_NAME_MAX, NewAccount, USERNAME_MAX};
use crate::domain::staff::Role;
use crate::i18n::{Lang, Msg};
use crate::store::users::{self, Agency, StaffRow, User};
use crate::ui::app::Confirm;
use crate::ui::effect::{Done, Effect, Route};
use crate::ui::keymap::{self, Action, Binding};
use crate::ui::screen::{Ctx, Page};
use crate::ui::screens::{block, draw_form, form_panel, list_footer};
use crate::ui::theme::Theme;
use crate::ui::widgets::fit;
use crate::ui::widgets::form::{Field, Form};
use crate::ui::widgets::pager::{PageKey, Pager, Select, Spot};

pub enum StaffMode {
    List,
    Add { form: Form, agencies: Vec<Agency> },
    Edit { form: Form, user: User, agencies: Vec<Agency> },
    ResetPin { form: Form, user: User },
}

pub struct StaffScreen {
    pub list: Pager<StaffRow>,
    pub mode: StaffMode,
    /// A form waiting for the agencies it offers: to add someone (None) or edit this person.
    opening: Option<Option<User>>,
}

impl Default for StaffScreen {
    fn default() -> StaffScreen {
        StaffScreen { list: Pager::default(), mode: StaffMode::List, opening: None }
    }
}

/// Agencies offered in a choice: enough for any task force; more are reached by typing.
const AGENCY_CHOICES: i64 = 500;

fn role_options(lang: Lang) -> Vec<String> {
    Role::ALL.iter().map(|r| r.label().text(lang).to_string()).collect()
}

/// Load the page of staff at `spot`, with `select` selected (a short list: by offset).
fn load(spot: Spot, select: Select) -> Effect {
    Effect::run(move |store, ctx| {
        let (conn, now) = (store.conn(), ctx.now);
        let fetch = |s: &Spot, l| users::list(conn, now, s.offset, l);
        Ok(Done::Staff(Pager::load_at(fetch, spot, select)?))
    })
}

impl PageKey for StaffRow {}

/// The agencies a staff form offers, read before it opens.
fn agency_choices() -> Effect {
    Effect::run(|store, _| {
        Ok(Done::AgencyChoices(users::agencies(store.conn(), 0, AGENCY_CHOICES)?))
    })
}

/// A use case on an account that ends in `msg` once done.
fn change(
    msg: Msg,
    f: impl FnOnce(&mut crate::store::Store, &Ctx) -> crate::Result<()> + 'static,
) -> Effect {
    Effect::run(move |store, ctx| f(store, ctx).map(|()| Done::Saved(msg)))
}

impl StaffScreen {
    fn reload(&self) -> Effect {
        let (spot, select) = self.list.here();
        load(spot, select)
    }

    /// The form in front, saved: one use case, and the PINs typed leave the form at once.
    fn submit(&mut self, lang: Lang) -> Vec<Effect> {
        let effect = match &mut self.mode {
            StaffMode::List => return Vec::new(),
            StaffMode::Add { form, agencies } => {
                if !form.check_required(lang) {
                    return Vec::new();
                }
                let v = form.values();
                let agency =
                    agencies.get(form.choice(3)).map(|a| a.name.clone()).unwrap_or_default();
                let role = Role::ALL[form.choice(2)];
                change(Msg::UserAdded, move |store, ctx| {
                    let account = NewAccount {
                        username: &v[0],
                        display_name: &v[1],
                        role,
                        agency: &agency,
                        pin: &v[4],
                        pin_again: &v[5],
                        temporary: true,
                        lang,
                    };
                    accounts::add_user(store, ctx.actor, ctx.cost, &account, ctx.now).map(|_| ())
                })
            }
            StaffMode::Edit { form, user, agencies } => {
                let role = Role::ALL[form.choice(0)];
                let agency = agencies.get(form.choice(1)).map(|a| a.id);
                let user = user.clone();
                change(Msg::UserUpdated, move |store, ctx| {
                    if role != user.role {
                        accounts::set_role(store, ctx.actor, user.id, role, ctx.now)?;
                    }
                    match agency {
                        Some(aid) if aid != user.agency_id => {
                            accounts::set_agency(store, ctx.actor, user.id, aid, ctx.now)
                        }
                        _ => Ok(()),
                    }
                })
            }
            StaffMode::ResetPin { form, user } => {
                let v = form.values();
                let uid = user.id;
                change(Msg::PinReset, move |store, ctx| {
                    accounts::reset_pin(store, ctx.actor, ctx.cost, uid, &v[0], &v[1], ctx.now)
                })
            }
        };
        if let Some(f) = self.form_mut() {
            f.clear_secrets();
        }
        vec![effect]
    }

    /// The add or edit form, with the agencies read for it.
    fn open_form(&mut self, agencies: Vec<Agency>, ctx: &Ctx) {
        let lang = ctx.lang;
        let names: Vec<String> = agencies.iter().map(|a| a.name.clone()).collect();
        self.mode = match self.opening.take() {
            Some(Some(user)) => {
                let role_at = Role::ALL.iter().position(|r| *r == user.role).unwrap_or(0);
                let at = agencies.iter().position(|a| a.id == user.agency_id).unwrap_or(0);
                let form = Form::new(vec![
                    Field::choice(Msg::FieldRole, role_options(lang), role_at),
                    Field::choice(Msg::FieldAgency, names, at),
                ]);
                StaffMode::Edit { form, user, agencies }
            }
            Some(None) => {
                let mine = ctx.user.as_ref().map(|u| u.agency_id);
                let at = agencies.iter().position(|a| Some(a.id) == mine).unwrap_or(0);
                let form = Form::new(vec![
                    Field::text(Msg::FieldUsername, USERNAME_MAX),
                    Field::text(Msg::FieldDisplayName, DISPLAY_NAME_MAX),
                    Field::choice(Msg::FieldRole, role_options(lang), 3),
                    Field::choice(Msg::FieldAgency, names, at),
                    Field::pin(Msg::FieldNewPin),
                    Field::pin(Msg::FieldPinAgain),
                ]);
                StaffMode::Add { form, agencies }
            }
            None => return,
        };
    }
}

impl Page for StaffScreen {
    fn keymap(&self) -> &'static [Binding] {
        match self.mode {
            StaffMode::List => keymap::STAFF,
            _ => keymap::FORM,
        }
    }

    fn title(&self) -> Msg {
        match self.mode {
            StaffMode::List => Msg::TitleStaff,
            StaffMode::Add { .. } => Msg::TitleAddUser,
            StaffMode::Edit { .. } => Msg::TitleEditUser,
            StaffMode::ResetPin { .. } => Msg::TitleResetPin,
        }
    }

    fn form(&self) -> Option<&Form> {
        match &self.mode {
            StaffMode::List => None,
            StaffMode::Add { form, .. }
            | StaffMode::Edit { form, .. }
            | StaffMode::ResetPin { form, .. } => Some(form),
        }
    }

    fn form_mut(&mut self) -> Option<&mut Form> {
        match &mut self.mode {
            StaffMode::List => None,
            StaffMode::Add { form, .. }
            | StaffMode::Edit { form, .. }
            | StaffMode::ResetPin { form, .. } => Some(form),
        }
    }

    fn enter(&mut self, _ctx: &Ctx) -> Vec<Effect> {
        vec![load(Spot::top(), Select::First)]
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Vec<Effect> {
        if !matches!(self.mode, StaffMode::List) {
            return match action {
                Action::Submit => self.submit(ctx.lang),
                Action::Back => vec![Effect::LeaveForm],
                _ => Vec::new(),
            };
        }
        if let Some(effects) = self.list.moved(action, load) {
            return effects;
        }
        match (action, self.list.current().map(|r| r.user.clone())) {
            (Action::Back, _) => vec![Effect::Go(Route::Home)],
            (Action::Add, _) => {
                self.opening = Some(None);
                vec![agency_choices()]
            }
            (Action::Edit, Some(user)) => {
                self.opening = Some(Some(user));
                vec![agency_choices()]
            }
            (Action::ResetPin, Some(user)) => {
                let form =
                    Form::new(vec![Field::pin(Msg::FieldNewPin), Field::pin(Msg::FieldPinAgain)]);
                self.mode = StaffMode::ResetPin { form, user };
                Vec::new()
            }
            (Action::ToggleDisabled, Some(user)) => {
                vec![Effect::Confirm(Confirm::ToggleDisabled {
                    user_id: user.id,
                    disable: !user.disabled,
                })]
            }
            (Action::Unlock, Some(user)) => vec![change(Msg::UserUnlocked, move |store, ctx| {
                accounts::unlock(store, ctx.actor, user.id)
            })],
            _ => Vec::new(),
        }
    }

    fn on_done(&mut self, done: Done, ctx: &Ctx) -> Vec<Effect> {
        match done {
            Done::Saved(msg) => {
                self.mode = StaffMode::List;
                vec![self.reload(), Effect::Say(msg)]
            }
            Done::Staff(list) => {
                self.list = list;
                Vec::new()
            }
            Done::AgencyChoices(agencies) => {
                self.open_form(agencies, ctx);
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    fn on_confirm(&mut self, confirm: Confirm, _ctx: &Ctx) -> Vec<Effect> {
        let Confirm::ToggleDisabled { user_id, disable } = confirm else { return Vec::new() };
        let msg = if disable { Msg::UserDisabled } else { Msg::UserEnabled };
        vec![change(msg, move |store, ctx| {
            accounts::set_disabled(store, ctx.actor, user_id, disable, ctx.now)
        })]
    }

    fn discard(&mut self, _ctx: &Ctx) -> Vec<Effect> {
        self.mode = StaffMode::List;
        vec![self.reload()]
    }

    fn draw(&self, frame: &mut Frame, area: Rect, t: Theme, lang: Lang) {
        draw(frame, area, self, t, lang)
    }
}

fn draw(frame: &mut Frame, area: Rect, s: &StaffScreen, t: Theme, lang: Lang) {
    match &s.mode {
        StaffMode::List => draw_list(frame, area, s, t, lang),
        StaffMode::Add { form, .. } => {
            let intro = Some(Msg::AddUserIntro.text(lang));
            form_panel(frame, area, Msg::TitleAddUser, intro, form, t, lang);
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
    let heads: Vec<String> = [
        Msg::FieldUsername,
        Msg::FieldDisplayName,
        Msg::FieldRole,
        Msg::FieldAgency,
        Msg::FieldStatus,
    ]
    .iter()
    .map(|m| m.text(lang).to_string())
    .collect();
    let rows: Vec<Vec<String>> = s
        .list
        .rows
        .iter()
        .map(|r| {
            vec![
                r.user.username.clone(),
                r.user.display_name.clone(),
                r.user.role.label().text(lang).into(),
                r.user.agency_name.clone(),
                status_of(r).text(lang).into(),
            ]
        })
        .collect();
    // Roles and agencies get the room: a user name is short, a status one word or two.
    let widths = [
        Constraint::Length(10),
        Constraint::Fill(1),
        Constraint::Length(16),
        Constraint::Fill(2),
        Constraint::Length(13),
    ];
    let b = block(Msg::TitleStaff, t, lang);
    let table = fit::table(area, &heads, &rows, Some(s.list.selected), &widths, t, b);
    frame.render_widget(table, area);
    list_footer(frame, area, &s.list, t, lang);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{AgencyId, UserId};
    use crate::domain::staff::AgencyKind;

    fn person(id: i64, agency_id: AgencyId) -> User {
        User {
            id: UserId(id),
            username: format!("u{id}"),
            display_name: format!("User {id}"),
            role: Role::Advocate,
            agency_id,
            agency_name: "Enlace".into(),
            agency_kind: AgencyKind::ServiceProvider,
            disabled: false,
            pin_temporary: false,
            lang: Lang::En,
        }
    }

    fn ctx() -> Ctx {
        let mut me = crate::ui::screen::testing::person(1, Role::Admin);
        me.agency_id = AgencyId(2);
        crate::ui::screen::testing::ctx_at("2026-11-28T20:00:00Z", Some(me))
    }

    fn agency(id: i64) -> Agency {
        Agency {
            id: AgencyId(id),
            name: format!("Agency {id}"),
            kind: AgencyKind::ServiceProvider,
            users: 1,
        }
    }

    #[test]
    fn forms_wait_for_their_choices_and_pins_leave_the_form_when_saved() {
        let mut s = StaffScreen::default();
        let rows = vec![StaffRow { user: person(7, AgencyId(1)), locked: false }];
        s.on_done(Done::Staff(Pager { rows, ..Default::default() }), &ctx());
        // Adding someone reads the agencies first; the form then offers the user's own.
        assert!(matches!(s.update(Action::Add, &ctx())[..], [Effect::Run(_)]));
        assert_eq!(s.title(), Msg::TitleStaff, "no form before its choices");
        s.on_done(Done::AgencyChoices(vec![agency(1), agency(2)]), &ctx());
        assert_eq!(s.title(), Msg::TitleAddUser);
        assert_eq!(s.form().unwrap().choice(3), 1, "the adding person's agency");
        s.discard(&ctx());
        // Disabling asks first; the yes becomes one use case.
        let asked = s.update(Action::ToggleDisabled, &ctx());
        let [Effect::Confirm(c)] = &asked[..] else { panic!("a question") };
        assert_eq!(*c, Confirm::ToggleDisabled { user_id: UserId(7), disable: true });
        assert!(matches!(s.on_confirm(c.clone(), &ctx())[..], [Effect::Run(_)]));
        // A temporary PIN: typed, saved, and gone from the form at once.
        s.update(Action::ResetPin, &ctx());
        for c in "4827195".chars() {
            s.form_mut().unwrap().edit(crate::ui::keymap::Key::Char(c), Lang::En);
        }
        assert!(matches!(s.update(Action::Submit, &ctx())[..], [Effect::Run(_)]));
        assert_eq!(s.form().unwrap().text(0), "");
    }
}
