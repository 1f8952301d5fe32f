//! Console settings kept in the database (admins): the idle-lock time.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::auth::accounts;
use crate::i18n::{Lang, Msg, fill};
use crate::store::users::IDLE_LOCK_MAX;
use crate::ui::app::{App, Screen};
use crate::ui::form::{Charset, Field, Form};
use crate::ui::keymap::Action;
use crate::ui::screens::{block, draw_form};
use crate::ui::theme::Theme;

fn form(minutes: u32) -> Form {
    Form::new(vec![
        Field::text(Msg::FieldIdleMinutes, 2)
            .with_value(&minutes.to_string())
            .with_charset(Charset::Digits),
    ])
}

impl App {
    pub(crate) fn open_settings(&mut self) {
        self.reload_settings();
        self.screen = Screen::Settings(form(self.idle_minutes));
    }

    pub(crate) fn settings_action(&mut self, action: Action) {
        let Screen::Settings(f) = &self.screen else {
            return;
        };
        match action {
            Action::Back => self.back_or_confirm(App::go_home),
            Action::Submit => {
                let minutes = f.text(0).parse::<u32>().unwrap_or(0);
                let actor = self.actor();
                match accounts::set_idle_lock(&mut self.store, actor, minutes) {
                    Ok(()) => {
                        self.idle_minutes = minutes;
                        self.go_home();
                        self.say(Msg::SettingsSaved);
                    }
                    Err(e) => self.fail(e),
                }
            }
            _ => {}
        }
    }
}

pub fn draw(frame: &mut Frame, area: Rect, f: &Form, t: Theme, lang: Lang) {
    let b = block(Msg::TitleSettings, t, lang);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let help = fill(Msg::IdleHelp.text(lang), &[&IDLE_LOCK_MAX.to_string()]);
    frame.render_widget(Paragraph::new(Line::raw(format!(" {help}"))), Rect { height: 1, ..inner });
    draw_form(
        frame,
        Rect { y: inner.y + 2, height: inner.height.saturating_sub(2), ..inner },
        f,
        t,
        lang,
    );
}
