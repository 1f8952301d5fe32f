//! The home screen: who is logged in, and the actions that exist for them. The menu is the
//! home key table itself, filtered by role, so the menu, the help and the keys always agree.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::i18n::{Lang, Msg};
use crate::store::referrals::{self as store_referrals, Due};
use crate::store::users::User;
use crate::ui::effect::{Done, Effect, Route};
use crate::ui::keymap::{self, Action, Binding, HOME};
use crate::ui::screen::{Ctx, Page};
use crate::ui::screens::block;
use crate::ui::theme::Theme;

const ADMIN_ONLY: &[Action] = &[Action::Staff, Action::Agencies, Action::Settings];
/// Supervisors and administrators: funds and reports.
const SUPERVISORS: &[Action] = &[Action::Funds, Action::Reports];
const MENU: &[Action] = &[
    Action::ResumeDraft,
    Action::NewContact,
    Action::HotlineLog,
    Action::Tips,
    Action::Clients,
    Action::Directory,
    Action::FollowUps,
    Action::Offers,
    Action::Outreach,
    Action::Funds,
    Action::Reports,
    Action::Staff,
    Action::Agencies,
    Action::Settings,
    Action::ChangePin,
    Action::Language,
    Action::Lock,
    Action::Logout,
    Action::Quit,
];

/// How many referrals due the home panel lists (the count says how many in all).
const DUE_SHOWN: i64 = 8;

#[derive(Default)]
pub struct HomeScreen {
    pub selected: usize,
    /// How many unsaved forms this user has kept (read as home opens).
    pub drafts: i64,
    /// The first referrals due for follow-up, and how many are due in all.
    pub due: Vec<Due>,
    pub due_count: i64,
    /// Who is logged in (what the menu offers depends on the role).
    user: Option<User>,
}

impl HomeScreen {
    /// This user may use the home action `a` ("resume a draft" only when there is one).
    fn allowed(&self, a: Action) -> bool {
        let role = self.user.as_ref().map(|u| u.role);
        (role.is_some_and(|r| r.administers()) || !ADMIN_ONLY.contains(&a))
            && (role.is_some_and(|r| r.manages_funds()) || !SUPERVISORS.contains(&a))
            && (self.drafts > 0 || a != Action::ResumeDraft)
            && (role.is_some_and(|r| r.handles_transfers()) || a != Action::Offers)
    }

    /// The menu entries this user may use, in order.
    pub fn menu(&self) -> Vec<&'static Binding> {
        MENU.iter()
            .filter(|a| self.allowed(**a))
            .filter_map(|a| HOME.iter().find(|b| b.action == *a))
            .collect()
    }

    /// The home keys this user has, for the help (F1): moving, opening and their entries.
    pub fn keys(&self) -> Vec<&'static Binding> {
        HOME.iter().filter(|b| !MENU.contains(&b.action) || self.allowed(b.action)).collect()
    }

    fn open(&self, action: Action) -> Vec<Effect> {
        let refused = |m| vec![Effect::Fail(crate::Error::user(m))];
        let role = self.user.as_ref().map(|u| u.role);
        if ADMIN_ONLY.contains(&action) && !role.is_some_and(|r| r.administers()) {
            return refused(Msg::ErrAdminOnly);
        }
        if SUPERVISORS.contains(&action) && !role.is_some_and(|r| r.manages_funds()) {
            return refused(Msg::ErrFundsRole);
        }
        let route = match action {
            Action::Staff => Route::Staff,
            Action::Agencies => Route::Agencies,
            Action::Settings => Route::Settings,
            Action::ChangePin => Route::ChangePin,
            Action::NewContact => Route::NewContact,
            Action::HotlineLog => Route::HotlineLog,
            Action::Tips => Route::Tips,
            Action::Clients => Route::Clients,
            Action::Directory => Route::Directory,
            Action::FollowUps => Route::FollowUps,
            Action::Offers => Route::Offers,
            Action::Outreach => Route::Outreach,
            Action::Funds => Route::Funds,
            Action::Reports => Route::Reports,
            Action::ResumeDraft => Route::ResumeDraft,
            Action::Language => return vec![Effect::SwitchLanguage],
            Action::Lock => return vec![Effect::Lock],
            Action::Logout => return vec![Effect::Logout],
            Action::Quit => return vec![Effect::Quit],
            _ => return Vec::new(),
        };
        vec![Effect::Go(route)]
    }
}

impl Page for HomeScreen {
    fn keymap(&self) -> &'static [Binding] {
        keymap::HOME
    }

    fn title(&self) -> Msg {
        Msg::TitleHome
    }

    /// The drafts kept and the referrals due, read as home opens (never per frame).
    fn enter(&mut self, ctx: &Ctx) -> Vec<Effect> {
        self.user = ctx.user.clone();
        vec![Effect::run(|store, ctx| {
            let who = ctx.who()?;
            let conn = store.conn();
            let today = crate::domain::time::local_day(ctx.now);
            let agency = who.user.agency_id;
            Ok(Done::Home {
                idle_minutes: crate::store::users::idle_lock_minutes(conn)?,
                drafts: crate::service::hotline::drafts_for(store, who, ctx.now)?.len() as i64,
                due_count: store_referrals::due_count(conn, agency, today)?,
                due: store_referrals::due(conn, agency, today, 0, DUE_SHOWN)?,
            })
        })]
    }

    fn update(&mut self, action: Action, _ctx: &Ctx) -> Vec<Effect> {
        let items = self.menu();
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(items.len().saturating_sub(1)),
            Action::Open => {
                if let Some(b) = items.get(self.selected) {
                    return self.open(b.action);
                }
            }
            other => return self.open(other),
        }
        Vec::new()
    }

    fn on_done(&mut self, done: Done, _ctx: &Ctx) -> Vec<Effect> {
        if let Done::Home { drafts, due, due_count, idle_minutes } = done {
            self.drafts = drafts;
            self.due = due;
            self.due_count = due_count;
            // A changed idle-lock time reaches this session each time it comes home.
            return vec![Effect::IdleMinutes(idle_minutes)];
        }
        Vec::new()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, t: Theme, lang: Lang) {
        let Some(u) = &self.user else { return };
        let [who, rest] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        let [menu_a, due_a] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(34)]).areas(rest);
        let dim = |text: String| Span::styled(text, t.dim());
        // Who is logged in, on one line (the name is also in the title bar).
        // A long agency name gives way (ending in "…") so the line is never cut unmarked.
        let (name, user) = (format!(" {}", u.display_name), format!(" ({}) · ", u.username));
        let (role, kind) =
            (u.role.label().text(lang), format!(" ({})", u.agency_kind.label().text(lang)));
        let fixed = [name.as_str(), user.as_str(), role, " · ", kind.as_str()]
            .iter()
            .map(|s| unicode_width::UnicodeWidthStr::width(*s))
            .sum::<usize>();
        let room = (area.width as usize).saturating_sub(fixed);
        let line = Line::from(vec![
            Span::raw(crate::ui::widgets::fit::fit(&name, area.width as usize)),
            dim(user),
            Span::raw(role.to_string()),
            dim(" · ".into()),
            Span::raw(crate::ui::widgets::fit::fit(&u.agency_name, room)),
            dim(kind),
        ]);
        frame.render_widget(Paragraph::new(line), who);
        let menu_lines: Vec<Line> = self
            .menu()
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let key = b.keys[0].label(lang);
                let mark = if i == self.selected { t.marker() } else { " " };
                let text = format!(" {mark} {key:>2}  {}", b.label.text(lang));
                if i == self.selected {
                    Line::from(Span::styled(text, t.focus()))
                } else {
                    Line::raw(text)
                }
            })
            .collect();
        frame.render_widget(
            Paragraph::new(menu_lines).block(block(Msg::HomeActions, t, lang)),
            menu_a,
        );
        super::referrals::draw_home_panel(frame, due_a, &self.due, self.due_count, t, lang);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::staff::Role;

    fn ctx(role: Role) -> Ctx {
        let me = crate::ui::screen::testing::person(2, role);
        crate::ui::screen::testing::ctx_at("2026-11-28T20:00:00Z", Some(me))
    }

    #[test]
    fn the_menu_follows_the_role_and_the_drafts_and_opens_by_route() {
        let mut h = HomeScreen::default();
        assert!(matches!(h.enter(&ctx(Role::Advocate))[..], [Effect::Run(_)]));
        let labels: Vec<Action> = h.menu().iter().map(|b| b.action).collect();
        assert!(!labels.contains(&Action::Staff) && !labels.contains(&Action::Funds));
        assert!(!labels.contains(&Action::ResumeDraft), "no draft, no entry");
        let refused = h.update(Action::Staff, &ctx(Role::Advocate));
        assert!(matches!(&refused[..], [Effect::Fail(crate::Error::User(Msg::ErrAdminOnly, _))]));
        assert!(matches!(
            h.update(Action::Open, &ctx(Role::Advocate))[..],
            [Effect::Go(Route::NewContact)]
        ));
        let home = Done::Home { drafts: 1, due: Vec::new(), due_count: 0, idle_minutes: 7 };
        assert!(matches!(h.on_done(home, &ctx(Role::Advocate))[..], [Effect::IdleMinutes(7)]));
        assert_eq!(h.menu()[0].action, Action::ResumeDraft);
        assert!(matches!(
            h.update(Action::Open, &ctx(Role::Advocate))[..],
            [Effect::Go(Route::ResumeDraft)]
        ));
        assert!(matches!(h.update(Action::Lock, &ctx(Role::Advocate))[..], [Effect::Lock]));
        let mut admin = HomeScreen::default();
        admin.enter(&ctx(Role::Admin));
        assert!(matches!(
            admin.update(Action::Staff, &ctx(Role::Admin))[..],
            [Effect::Go(Route::Staff)]
        ));
    }
}
