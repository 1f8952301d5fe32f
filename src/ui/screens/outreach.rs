//! The training and outreach log: the agency's events, newest first, a page at a time; n logs
//! one, Enter changes it, x twice removes it. Anyone logs events; the person who logged one,
//! a supervisor or an administrator changes it (the service checks).

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};

use crate::domain::directory::label;
use crate::domain::outreach::{self, Event};
use crate::domain::record::{Raw, RuntimeOptions};
use crate::domain::time::local_day;
use crate::i18n::{Lang, Msg};
use crate::service::outreach as log;
use crate::store::outreach::{self as stored, Logged};
use crate::ui::effect::{Done, Effect, Route};
use crate::ui::keymap::{self, Action, Binding};
use crate::ui::screen::{Ctx, Page};
use crate::ui::screens::{block, form_panel, list_footer};
use crate::ui::theme::Theme;
use crate::ui::widgets::fit;
use crate::ui::widgets::form::Form;
use crate::ui::widgets::pager::{PageKey, Pager, Select, Spot};

#[derive(Default)]
pub struct OutreachScreen {
    pub list: Pager<Logged>,
    /// The form, and the event it changes (None: a new one).
    pub form: Option<(Form, Option<i64>)>,
    /// The event x was pressed on once: a second x removes it.
    pub removing: Option<i64>,
}

impl PageKey for Logged {}

fn load(spot: Spot, select: Select) -> Effect {
    Effect::run(move |store, ctx| {
        let agency = ctx.who()?.user.agency_id;
        let fetch = |s: &Spot, l| stored::page(store.conn(), agency, s.offset, l);
        Ok(Done::Outreach(Pager::load_at(fetch, spot, select)?))
    })
}

impl OutreachScreen {
    fn reload(&self) -> Effect {
        let (spot, select) = self.list.here();
        load(spot, select)
    }

    fn open_form(&mut self, raw: &Raw, editing: Option<i64>, lang: Lang) {
        let form = Form::from_schema(outreach::FIELDS, raw, &RuntimeOptions::new(), lang);
        self.form = Some((form, editing));
    }

    fn save(form: &Form, editing: Option<i64>, ctx: &Ctx) -> Vec<Effect> {
        match Event::from_raw(&form.raw(), local_day(ctx.now)) {
            Err(errors) => vec![Effect::FormErrors(errors, outreach::FIELDS)],
            Ok(e) => vec![Effect::run(move |store, ctx| {
                let who = ctx.who()?;
                match editing {
                    None => log::add(store, who, &e, ctx.now).map(|_| Msg::OutreachSaved),
                    Some(id) => {
                        log::edit(store, who, id, &e, ctx.now).map(|_| Msg::OutreachUpdated)
                    }
                }
                .map(Done::Saved)
            })],
        }
    }
}

impl Page for OutreachScreen {
    fn keymap(&self) -> &'static [Binding] {
        if self.form.is_some() { keymap::FORM } else { keymap::OUTREACH }
    }

    fn title(&self) -> Msg {
        match &self.form {
            None => Msg::TitleOutreach,
            Some((_, None)) => Msg::TitleOutreachNew,
            Some((_, Some(_))) => Msg::TitleOutreachEdit,
        }
    }

    fn form(&self) -> Option<&Form> {
        self.form.as_ref().map(|(f, _)| f)
    }

    fn form_mut(&mut self) -> Option<&mut Form> {
        self.form.as_mut().map(|(f, _)| f)
    }

    fn enter(&mut self, _ctx: &Ctx) -> Vec<Effect> {
        vec![load(Spot::top(), Select::First)]
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Vec<Effect> {
        if let Some((form, editing)) = &self.form {
            return match action {
                Action::Submit => OutreachScreen::save(form, *editing, ctx),
                Action::Back => vec![Effect::LeaveForm],
                _ => Vec::new(),
            };
        }
        // A second x on the same event removes it; any other key keeps it.
        let armed = self.removing.take();
        if let Some(effects) = self.list.moved(action, load) {
            return effects;
        }
        let current = self.list.current().map(|l| l.id);
        // Refused before anything is typed (the service checks again as it writes).
        let mine = self.list.current().is_some_and(|l| {
            ctx.user.as_ref().is_some_and(|u| u.id == l.logged_by || u.role.corrects_outreach_log())
        });
        if matches!(action, Action::Edit | Action::Remove) && current.is_some() && !mine {
            return vec![Effect::Fail(crate::Error::user(Msg::ErrOutreachNotYours))];
        }
        match (action, current) {
            (Action::Back, _) => vec![Effect::Go(Route::Home)],
            (Action::New, _) => {
                let mut raw = Raw::new();
                raw.insert("day".into(), local_day(ctx.now).to_string());
                self.open_form(&raw, None, ctx.lang);
                Vec::new()
            }
            (Action::Edit, Some(id)) => {
                let raw = self.list.current().map(|l| l.event.to_raw()).unwrap_or_default();
                self.open_form(&raw, Some(id), ctx.lang);
                Vec::new()
            }
            (Action::Remove, Some(id)) if armed == Some(id) => {
                vec![Effect::run(move |store, ctx| {
                    log::remove(store, ctx.who()?, id)?;
                    Ok(Done::Saved(Msg::OutreachRemoved))
                })]
            }
            (Action::Remove, Some(id)) => {
                self.removing = Some(id);
                vec![Effect::Say(Msg::OutreachRemoveAgain)]
            }
            _ => Vec::new(),
        }
    }

    fn on_done(&mut self, done: Done, _ctx: &Ctx) -> Vec<Effect> {
        match done {
            Done::Saved(msg) => {
                self.form = None;
                vec![self.reload(), Effect::Say(msg)]
            }
            Done::Outreach(list) => {
                self.list = list;
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    fn discard(&mut self, _ctx: &Ctx) -> Vec<Effect> {
        self.form = None;
        vec![self.reload()]
    }

    fn draw(&self, frame: &mut Frame, area: Rect, t: Theme, lang: Lang) {
        draw(frame, area, self, t, lang)
    }
}

fn draw(frame: &mut Frame, area: Rect, o: &OutreachScreen, t: Theme, lang: Lang) {
    if let Some((form, _)) = &o.form {
        return form_panel(frame, area, o.title(), None, form, t, lang);
    }
    let heads: Vec<String> =
        [Msg::FieldEventDay, Msg::FieldOutreachKind, Msg::FieldAudience, Msg::ColReached]
            .iter()
            .chain([&Msg::FieldTopic])
            .map(|m| m.text(lang).to_string())
            .collect();
    let rows: Vec<Vec<String>> = o
        .list
        .rows
        .iter()
        .map(|l| {
            let e = &l.event;
            vec![
                e.day.to_string(),
                label(outreach::KINDS, &e.kind, lang),
                label(outreach::AUDIENCES, &e.audience, lang),
                e.reached.to_string(),
                e.topic.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let widths = [
        Constraint::Length(11),
        Constraint::Length(14),
        Constraint::Length(18),
        Constraint::Length(8),
        Constraint::Fill(1),
    ];
    let b = block(Msg::TitleOutreach, t, lang);
    let table = fit::table(area, &heads, &rows, Some(o.list.selected), &widths, t, b);
    frame.render_widget(table, area);
    list_footer(frame, area, &o.list, t, lang);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::staff::Role;
    use crate::ui::screen::testing::{ctx_at, person};
    use jiff::civil::date;

    /// The advocate who logged the events.
    fn ctx() -> Ctx {
        as_user(1, Role::Advocate)
    }

    fn as_user(id: i64, role: Role) -> Ctx {
        ctx_at("2026-11-30T18:00:00Z", Some(person(id, role)))
    }

    fn logged(id: i64) -> Logged {
        Logged {
            id,
            event: Event {
                day: date(2026, 11, 2),
                kind: "training".into(),
                audience: "schools".into(),
                reached: 40,
                area: None,
                topic: None,
            },
            logged_by: crate::domain::ids::UserId(1),
            logged_by_name: "Ana".into(),
        }
    }

    #[test]
    fn the_log_opens_forms_refuses_bad_input_and_removes_only_on_a_second_x() {
        let mut o = OutreachScreen::default();
        assert!(matches!(o.enter(&ctx())[..], [Effect::Run(_)]), "the first page is loaded");
        o.on_done(
            Done::Outreach(Pager { rows: vec![logged(7), logged(9)], ..Default::default() }),
            &ctx(),
        );
        // A new event starts on today; without its kind, audience and count nothing is asked
        // of the store.
        o.update(Action::New, &ctx());
        assert_eq!(o.title(), Msg::TitleOutreachNew);
        assert_eq!(o.form().unwrap().raw()["day"], local_day(ctx().now).to_string());
        assert!(matches!(o.update(Action::Submit, &ctx())[..], [Effect::FormErrors(..)]));
        o.discard(&ctx());
        // Editing fills the form with the event.
        o.update(Action::Down, &ctx());
        o.update(Action::Edit, &ctx());
        assert_eq!(o.title(), Msg::TitleOutreachEdit);
        assert_eq!(o.form().unwrap().raw()["reached"], "40");
        assert!(matches!(o.update(Action::Submit, &ctx())[..], [Effect::Run(_)]));
        o.on_done(Done::Saved(Msg::OutreachUpdated), &ctx());
        assert!(o.form().is_none());
        // x once asks; another key disarms it; x twice on the same event removes it.
        assert!(matches!(
            o.update(Action::Remove, &ctx())[..],
            [Effect::Say(Msg::OutreachRemoveAgain)]
        ));
        o.update(Action::Up, &ctx());
        assert!(matches!(o.update(Action::Remove, &ctx())[..], [Effect::Say(_)]));
        assert!(matches!(o.update(Action::Remove, &ctx())[..], [Effect::Run(_)]));
        assert!(matches!(o.update(Action::Back, &ctx())[..], [Effect::Go(Route::Home)]));
        // A colleague is refused before typing anything; a supervisor may correct it.
        for action in [Action::Edit, Action::Remove] {
            assert!(matches!(o.update(action, &as_user(2, Role::Advocate))[..], [Effect::Fail(_)]));
        }
        assert!(o.form().is_none());
        o.update(Action::Edit, &as_user(3, Role::Supervisor));
        assert_eq!(o.title(), Msg::TitleOutreachEdit);
    }
}
