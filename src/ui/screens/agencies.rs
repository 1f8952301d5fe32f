//! Agencies (admins): add, rename, and set the kind (service provider, law enforcement,
//! government). The kind decides, in later features, what an agency's staff may see.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};

use crate::auth::accounts::{self, AGENCY_NAME_MAX};
use crate::domain::staff::AgencyKind;
use crate::i18n::{Lang, Msg};
use crate::store::users::{self, Agency};
use crate::ui::effect::{Done, Effect, Route};
use crate::ui::keymap::{self, Action, Binding};
use crate::ui::screen::{Ctx, Page};
use crate::ui::screens::{block, draw_form};
use crate::ui::theme::Theme;
use crate::ui::widgets::fit;
use crate::ui::widgets::form::{Field, Form};
use crate::ui::widgets::pager::{PageKey, Pager, Select, Spot};

#[derive(Default)]
pub struct AgencyScreen {
    pub list: Pager<Agency>,
    /// The add or rename form, and the agency being renamed.
    pub form: Option<(Form, Option<Agency>)>,
}

fn kind_options(lang: Lang) -> Vec<String> {
    AgencyKind::ALL.iter().map(|k| k.label().text(lang).to_string()).collect()
}

/// Load the page of agencies at `spot`, with `select` selected (a short list: by offset).
fn load(spot: Spot, select: Select) -> Effect {
    Effect::run(move |store, _| {
        let conn = store.conn();
        let fetch = |s: &Spot, l| users::agencies(conn, s.offset, l);
        Ok(Done::Agencies(Pager::load_at(fetch, spot, select)?))
    })
}

impl PageKey for Agency {}

impl AgencyScreen {
    fn reload(&self) -> Effect {
        let (spot, select) = self.list.here();
        load(spot, select)
    }

    /// Add (`editing` None) or rename and re-kind an agency, from the form.
    fn save(form: &mut Form, editing: Option<Agency>, lang: Lang) -> Vec<Effect> {
        if !form.check_required(lang) {
            return Vec::new();
        }
        let name = form.values().remove(0);
        let kind = AgencyKind::ALL[form.choice(1)];
        vec![Effect::run(move |store, ctx| {
            let (actor, now) = (ctx.actor, ctx.now);
            match editing {
                None => {
                    accounts::add_agency(store, actor, &name, kind, lang, now)?;
                    Ok(Done::Saved(Msg::AgencyAdded))
                }
                Some(ag) => {
                    accounts::rename_agency(store, actor, ag.id, &name, lang)?;
                    if kind != ag.kind {
                        accounts::set_agency_kind(store, actor, ag.id, kind)?;
                    }
                    Ok(Done::Saved(Msg::AgencyUpdated))
                }
            }
        })]
    }
}

impl Page for AgencyScreen {
    fn keymap(&self) -> &'static [Binding] {
        if self.form.is_some() { keymap::FORM } else { keymap::AGENCIES }
    }

    fn title(&self) -> Msg {
        match &self.form {
            None => Msg::TitleAgencies,
            Some((_, None)) => Msg::TitleAddAgency,
            Some((_, Some(_))) => Msg::TitleRenameAgency,
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
        let lang = ctx.lang;
        if let Some((form, editing)) = &mut self.form {
            return match action {
                Action::Submit => {
                    let editing = editing.clone();
                    AgencyScreen::save(form, editing, lang)
                }
                Action::Back => vec![Effect::LeaveForm],
                _ => Vec::new(),
            };
        }
        if let Some(effects) = self.list.moved(action, load) {
            return effects;
        }
        match (action, self.list.current().cloned()) {
            (Action::Back, _) => vec![Effect::Go(Route::Home)],
            (Action::Add, _) => {
                self.form = Some((
                    Form::new(vec![
                        Field::text(Msg::FieldAgency, AGENCY_NAME_MAX),
                        Field::choice(Msg::FieldKind, kind_options(lang), 0),
                    ]),
                    None,
                ));
                Vec::new()
            }
            (Action::Rename, Some(ag)) => {
                let at = AgencyKind::ALL.iter().position(|k| *k == ag.kind).unwrap_or(0);
                self.form = Some((
                    Form::new(vec![
                        Field::text(Msg::FieldAgency, AGENCY_NAME_MAX).with_value(&ag.name),
                        Field::choice(Msg::FieldKind, kind_options(lang), at),
                    ]),
                    Some(ag),
                ));
                Vec::new()
            }
            (Action::CycleKind, Some(ag)) => {
                let i = AgencyKind::ALL.iter().position(|k| *k == ag.kind).unwrap_or(0);
                let next = AgencyKind::ALL[(i + 1) % AgencyKind::ALL.len()];
                vec![Effect::run(move |store, ctx| {
                    accounts::set_agency_kind(store, ctx.actor, ag.id, next)?;
                    Ok(Done::Saved(Msg::AgencyUpdated))
                })]
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
            Done::Agencies(list) => {
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

fn draw(frame: &mut Frame, area: Rect, a: &AgencyScreen, t: Theme, lang: Lang) {
    if let Some((form, _)) = &a.form {
        let b = block(a.title(), t, lang);
        let inner = b.inner(area);
        frame.render_widget(b, area);
        draw_form(
            frame,
            Rect { y: inner.y + 1, height: inner.height.saturating_sub(1), ..inner },
            form,
            t,
            lang,
        );
        return;
    }
    let heads: Vec<String> = [Msg::FieldAgency, Msg::FieldKind, Msg::FieldStaffCount]
        .iter()
        .map(|m| m.text(lang).to_string())
        .collect();
    let rows: Vec<Vec<String>> = a
        .list
        .rows
        .iter()
        .map(|ag| vec![ag.name.clone(), ag.kind.label().text(lang).into(), ag.users.to_string()])
        .collect();
    let widths = [Constraint::Fill(1), Constraint::Length(22), Constraint::Length(8)];
    let b = block(Msg::TitleAgencies, t, lang);
    let table = fit::table(area, &heads, &rows, Some(a.list.selected), &widths, t, b);
    frame.render_widget(table, area);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::AgencyId;
    use crate::domain::staff::AgencyKind;

    use crate::ui::screen::testing::ctx;

    fn agency(id: i64, name: &str) -> Agency {
        Agency { id: AgencyId(id), name: name.into(), kind: AgencyKind::ServiceProvider, users: 0 }
    }

    #[test]
    fn the_list_opens_forms_and_asks_the_store_only_through_effects() {
        let mut a = AgencyScreen::default();
        assert!(matches!(a.enter(&ctx())[..], [Effect::Run(_)]), "the first page is loaded");
        a.on_done(
            Done::Agencies(Pager {
                rows: vec![agency(1, "Enlace"), agency(2, "APD")],
                ..Default::default()
            }),
            &ctx(),
        );
        assert!(a.update(Action::Down, &ctx()).is_empty());
        assert_eq!(a.list.current().map(|x| x.id), Some(AgencyId(2)));
        // An empty name is refused on the form; nothing is asked of the store.
        a.update(Action::Add, &ctx());
        assert_eq!(a.title(), Msg::TitleAddAgency);
        assert!(a.update(Action::Submit, &ctx()).is_empty());
        assert!(a.form().unwrap().error_count() > 0);
        assert!(matches!(a.update(Action::Back, &ctx())[..], [Effect::LeaveForm]));
        a.discard(&ctx());
        // Renaming fills the form; a save closes it, reloads the page and says so.
        a.update(Action::Rename, &ctx());
        assert_eq!(a.form().unwrap().text(0), "APD");
        let after = a.on_done(Done::Saved(Msg::AgencyUpdated), &ctx());
        assert!(a.form().is_none());
        assert!(matches!(after[..], [Effect::Run(_), Effect::Say(Msg::AgencyUpdated)]));
        assert!(matches!(a.update(Action::Back, &ctx())[..], [Effect::Go(Route::Home)]));
    }
}
