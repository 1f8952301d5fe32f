//! Console settings kept in the database (admins): the idle-lock time.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::auth::accounts;
use crate::i18n::{Lang, Msg, fill};
use crate::store::users::{self, IDLE_LOCK_MAX};
use crate::ui::effect::{Done, Effect, Route};
use crate::ui::keymap::{self, Action, Binding};
use crate::ui::screen::{Ctx, Page};
use crate::ui::screens::form_panel;
use crate::ui::theme::Theme;
use crate::ui::widgets::form::{Charset, Field, Form};

pub struct SettingsScreen {
    pub form: Form,
}

/// The form, filled in once the stored time is read.
impl Default for SettingsScreen {
    fn default() -> SettingsScreen {
        SettingsScreen { form: form(0) }
    }
}

fn form(minutes: u32) -> Form {
    Form::new(vec![
        Field::text(Msg::FieldIdleMinutes, 2)
            .with_value(&minutes.to_string())
            .with_charset(Charset::Digits),
    ])
}

impl Page for SettingsScreen {
    fn keymap(&self) -> &'static [Binding] {
        keymap::FORM
    }

    fn title(&self) -> Msg {
        Msg::TitleSettings
    }

    fn form(&self) -> Option<&Form> {
        Some(&self.form)
    }

    fn form_mut(&mut self) -> Option<&mut Form> {
        Some(&mut self.form)
    }

    /// The time as stored now: another console may have changed it.
    fn enter(&mut self, _ctx: &Ctx) -> Vec<Effect> {
        vec![Effect::run(|store, _| Ok(Done::IdleMinutes(users::idle_lock_minutes(store.conn())?)))]
    }

    fn update(&mut self, action: Action, _ctx: &Ctx) -> Vec<Effect> {
        match action {
            Action::Back => vec![Effect::LeaveForm],
            Action::Submit => {
                let minutes = self.form.text(0).parse::<u32>().unwrap_or(0);
                vec![Effect::run(move |store, ctx| {
                    accounts::set_idle_lock(store, ctx.actor, minutes)?;
                    Ok(Done::IdleMinutes(minutes))
                })]
            }
            _ => Vec::new(),
        }
    }

    fn on_done(&mut self, done: Done, _ctx: &Ctx) -> Vec<Effect> {
        match done {
            // Read as the screen opened: the form shows it.
            Done::IdleMinutes(m) if !self.form.dirty => {
                self.form = form(m);
                vec![Effect::IdleMinutes(m)]
            }
            // Saved.
            Done::IdleMinutes(m) => {
                vec![
                    Effect::IdleMinutes(m),
                    Effect::Go(Route::Home),
                    Effect::Say(Msg::SettingsSaved),
                ]
            }
            _ => Vec::new(),
        }
    }

    fn discard(&mut self, _ctx: &Ctx) -> Vec<Effect> {
        vec![Effect::Go(Route::Home)]
    }

    fn draw(&self, frame: &mut Frame, area: Rect, t: Theme, lang: Lang) {
        let help = fill(Msg::IdleHelp.text(lang), &[&IDLE_LOCK_MAX.to_string()]);
        form_panel(frame, area, Msg::TitleSettings, Some(&help), &self.form, t, lang);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::ui::screen::testing::ctx;

    #[test]
    fn the_stored_time_fills_the_form_and_a_save_goes_home_saying_so() {
        let mut s = SettingsScreen::default();
        assert_eq!(s.enter(&ctx()).len(), 1, "it asks for the stored time");
        s.on_done(Done::IdleMinutes(7), &ctx());
        assert_eq!(s.form.text(0), "7");
        assert!(matches!(s.update(Action::Submit, &ctx())[..], [Effect::Run(_)]));
        s.form.dirty = true;
        let after = s.on_done(Done::IdleMinutes(9), &ctx());
        assert!(matches!(
            after[..],
            [Effect::IdleMinutes(9), Effect::Go(Route::Home), Effect::Say(Msg::SettingsSaved)]
        ));
        assert!(matches!(s.update(Action::Back, &ctx())[..], [Effect::LeaveForm]));
    }

    /// At 80 columns the whole explanation shows, wrapped, in both languages.
    #[test]
    fn the_explanation_is_read_in_full_at_80_columns() {
        let s = SettingsScreen::default();
        for lang in [Lang::En, Lang::Es] {
            let backend = ratatui::backend::TestBackend::new(80, 24);
            let mut term = ratatui::Terminal::new(backend).unwrap();
            let theme = Theme { color: false, ascii: false };
            term.draw(|f| s.draw(f, f.area(), theme, lang)).unwrap();
            let buf = term.backend().buffer();
            let rows: Vec<String> = (0..24)
                .map(|y| (0..80).map(|x| buf[(x, y)].symbol()).collect::<String>())
                .collect();
            assert!(rows.iter().any(|r| r.contains("30).")), "{lang:?}: {rows:#?}");
        }
    }
}
