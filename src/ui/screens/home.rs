//! The home screen: who is logged in, and the actions that exist for them. The menu is the
//! home key table itself, filtered by role, so the menu, the help and the keys always agree.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::i18n::Msg;
use crate::ui::app::{App, Screen};
use crate::ui::keymap::{Action, Binding, HOME};
use crate::ui::screens::block;
use crate::ui::screens::records::RecordKind;

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

/// This user may use the home action `a` ("resume a draft" only when there is one).
fn allowed(app: &App, a: Action) -> bool {
    let drafts = matches!(app.screen, Screen::Home { drafts, .. } if drafts > 0);
    (app.is_admin() || !ADMIN_ONLY.contains(&a))
        && (app.is_supervisor() || !SUPERVISORS.contains(&a))
        && (drafts || a != Action::ResumeDraft)
}

/// The menu entries this user may use, in order.
pub fn menu(app: &App) -> Vec<&'static Binding> {
    MENU.iter()
        .filter(|a| allowed(app, **a))
        .filter_map(|a| HOME.iter().find(|b| b.action == *a))
        .collect()
}

/// The home keys this user has, for the help (F1): moving, opening and their menu entries.
pub fn keys(app: &App) -> Vec<&'static Binding> {
    HOME.iter().filter(|b| !MENU.contains(&b.action) || allowed(app, b.action)).collect()
}

impl App {
    pub(crate) fn home_action(&mut self, action: Action) {
        let Screen::Home { selected, drafts } = self.screen else {
            return;
        };
        let items = menu(self);
        match action {
            Action::Up => {
                self.screen = Screen::Home { selected: selected.saturating_sub(1), drafts }
            }
            Action::Down => {
                let selected = (selected + 1).min(items.len() - 1);
                self.screen = Screen::Home { selected, drafts }
            }
            Action::Open => {
                if let Some(b) = items.get(selected) {
                    let a = b.action;
                    self.open(a);
                }
            }
            other => self.open(other),
        }
    }

    fn open(&mut self, action: Action) {
        if ADMIN_ONLY.contains(&action) && !self.is_admin() {
            self.fail(crate::Error::user(Msg::ErrAdminOnly));
            return;
        }
        if SUPERVISORS.contains(&action) && !self.is_supervisor() {
            self.fail(crate::Error::user(Msg::ErrFundsRole));
            return;
        }
        self.status = None;
        match action {
            Action::Staff => self.go(crate::ui::effect::Route::Staff),
            Action::Agencies => self.go(crate::ui::effect::Route::Agencies),
            Action::Settings => self.go(crate::ui::effect::Route::Settings),
            Action::ChangePin => {
                self.screen =
                    Screen::ChangePin { form: super::auth::change_pin_form(false), forced: false }
            }
            Action::Language => {
                self.set_language(self.lang.other());
                self.say(Msg::LanguageChanged);
            }
            Action::NewContact => self.new_record(RecordKind::Contact),
            Action::HotlineLog => self.open_records(RecordKind::Contact),
            Action::Tips => self.open_records(RecordKind::Tip),
            Action::Clients => self.open_clients(),
            Action::Directory => self.open_directory(),
            Action::FollowUps => self.go(crate::ui::effect::Route::FollowUps),
            Action::Funds => self.go(crate::ui::effect::Route::Funds),
            Action::Reports => self.go(crate::ui::effect::Route::Reports),
            Action::ResumeDraft if !self.resume_draft() => self.go_home(),
            Action::Lock => self.lock("lock"),
            Action::Logout => self.logout(),
            Action::Quit => self.request_quit(),
            _ => {}
        }
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, selected: usize) {
    let t = app.opts.theme;
    let lang = app.lang;
    let Some(s) = &app.session else { return };
    let [who, rest] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let [menu_a, due_a] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(34)]).areas(rest);
    let u = &s.user;
    let dim = |text: String| Span::styled(text, t.dim());
    // Who is logged in, on one line (the name is also in the title bar).
    let line = Line::from(vec![
        Span::raw(format!(" {}", u.display_name)),
        dim(format!(" ({}) · ", u.username)),
        Span::raw(u.role.label().text(lang).to_string()),
        dim(" · ".into()),
        Span::raw(u.agency_name.clone()),
        dim(format!(" ({})", u.agency_kind.label().text(lang))),
    ]);
    frame.render_widget(Paragraph::new(line), who);
    let items = menu(app);
    let menu_lines: Vec<Line> = items
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let key = b.keys[0].label();
            let text = format!(
                " {} {key:>2}  {}",
                if i == selected { t.marker() } else { " " },
                b.label.text(lang)
            );
            if i == selected { Line::from(Span::styled(text, t.focus())) } else { Line::raw(text) }
        })
        .collect();
    frame.render_widget(Paragraph::new(menu_lines).block(block(Msg::HomeActions, t, lang)), menu_a);
    super::referrals::draw_home_panel(frame, due_a, &app.home_due, app.home_due_count, t, lang);
}
