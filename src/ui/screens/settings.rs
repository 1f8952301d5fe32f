//! Console settings kept in the database (admins): the idle-lock time and the retention
//! policy (how long each kind of record keeps its identifying text).

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::auth::accounts;
use crate::i18n::{Lang, Msg, fill};
use crate::store::retention;
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
        let defaults: Vec<String> =
            retention::Kind::ALL.iter().map(|k| k.default_keep().text()).collect();
        SettingsScreen { form: form(0, &defaults) }
    }
}

/// The idle-lock time, then each kind's retention time (`retention::Kind::ALL` order).
fn form(minutes: u32, keeps: &[String]) -> Form {
    let mut fields = vec![
        Field::text(Msg::FieldIdleMinutes, 2)
            .with_value(&minutes.to_string())
            .with_charset(Charset::Digits),
    ];
    for (spec, keep) in retention::FIELDS.iter().zip(keeps) {
        let mut f = Field::text(spec.label, 6).with_value(keep);
        f.key = spec.key;
        fields.push(f);
    }
    Form::new(fields)
}

fn keeps_of(policy: &[(retention::Kind, retention::Keep, bool)]) -> Vec<String> {
    policy.iter().map(|(_, keep, _)| keep.text()).collect()
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
        vec![Effect::run(|store, _| {
            let minutes = users::idle_lock_minutes(store.conn())?;
            Ok(Done::Settings(minutes, keeps_of(&retention::policy(store.conn())?)))
        })]
    }

    fn update(&mut self, action: Action, _ctx: &Ctx) -> Vec<Effect> {
        match action {
            Action::Back => vec![Effect::LeaveForm],
            Action::Submit => {
                let minutes = self.form.text(0).parse::<u32>().unwrap_or(0);
                let texts: Vec<&str> =
                    (1..self.form.fields.len()).map(|i| self.form.text(i)).collect();
                let keeps = match retention::parse_form(&texts) {
                    Ok(k) => k,
                    Err(errors) => return vec![Effect::FormErrors(errors, retention::FIELDS)],
                };
                vec![Effect::run(move |store, ctx| {
                    accounts::save_settings(store, ctx.actor, minutes, &keeps, ctx.now)?;
                    let kept = keeps.iter().map(|(_, k)| k.text()).collect();
                    Ok(Done::Settings(minutes, kept))
                })]
            }
            _ => Vec::new(),
        }
    }

    fn on_done(&mut self, done: Done, _ctx: &Ctx) -> Vec<Effect> {
        match done {
            // Read as the screen opened: the form shows it.
            Done::Settings(m, keeps) if !self.form.dirty => {
                self.form = form(m, &keeps);
                vec![Effect::IdleMinutes(m)]
            }
            // Saved.
            Done::Settings(m, _) => {
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
        let help = format!(
            "{} {}",
            fill(Msg::IdleHelp.text(lang), &[&IDLE_LOCK_MAX.to_string()]),
            Msg::RetentionHelp.text(lang)
        );
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
        let keeps = vec!["5y".to_string(), "7y".into(), "6y".into(), "30d".into()];
        s.on_done(Done::Settings(7, keeps.clone()), &ctx());
        assert_eq!(s.form.text(0), "7");
        assert_eq!(s.form.text(3), "6y", "the closed cases' time");
        assert!(matches!(s.update(Action::Submit, &ctx())[..], [Effect::Run(_)]));
        s.form.dirty = true;
        let after = s.on_done(Done::Settings(9, keeps), &ctx());
        assert!(matches!(
            after[..],
            [Effect::IdleMinutes(9), Effect::Go(Route::Home), Effect::Say(Msg::SettingsSaved)]
        ));
        assert!(matches!(s.update(Action::Back, &ctx())[..], [Effect::LeaveForm]));
    }

    /// A time that is not one is named on its field, and nothing is saved.
    #[test]
    fn a_retention_time_that_is_not_one_is_refused_on_its_field() {
        let mut s = SettingsScreen::default();
        s.on_done(
            Done::Settings(15, vec!["7y".into(), "7y".into(), "7y".into(), "30d".into()]),
            &ctx(),
        );
        s.form.fields[2].error = None;
        if let crate::ui::widgets::form::FieldKind::Text { value, .. } = &mut s.form.fields[2].kind
        {
            **value = "forever".to_string();
        }
        match &s.update(Action::Submit, &ctx())[..] {
            [Effect::FormErrors(errors, _)] => {
                assert_eq!(errors.len(), 1);
                assert_eq!(errors[0].key, "keep_tip");
            }
            other => panic!("{}", other.len()),
        }
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
