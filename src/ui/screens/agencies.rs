//! Agencies (admins): add, rename, and set the kind (service provider, law enforcement,
//! government). The kind decides, in later features, what an agency's staff may see.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Cell, Row, Table};

use crate::auth::accounts::{self, AGENCY_NAME_MAX};
use crate::domain::staff::AgencyKind;
use crate::i18n::{Lang, Msg};
use crate::store::users::{self, Agency};
use crate::ui::app::{App, Screen};
use crate::ui::form::{Field, Form};
use crate::ui::keymap::{self, Action, Binding};
use crate::ui::pager::Pager;
use crate::ui::screens::{block, draw_form};
use crate::ui::theme::Theme;

pub struct AgencyScreen {
    pub list: Pager<Agency>,
    /// The add or rename form, and the agency being renamed.
    pub form: Option<(Form, Option<Agency>)>,
}

impl AgencyScreen {
    pub fn form(&self) -> Option<&Form> {
        self.form.as_ref().map(|(f, _)| f)
    }
    pub fn form_mut(&mut self) -> Option<&mut Form> {
        self.form.as_mut().map(|(f, _)| f)
    }
    pub fn keymap(&self) -> &'static [Binding] {
        if self.form.is_some() { keymap::FORM } else { keymap::AGENCIES }
    }
    pub fn title(&self) -> Msg {
        match &self.form {
            None => Msg::TitleAgencies,
            Some((_, None)) => Msg::TitleAddAgency,
            Some((_, Some(_))) => Msg::TitleRenameAgency,
        }
    }
}

fn kind_options(lang: Lang) -> Vec<String> {
    AgencyKind::ALL.iter().map(|k| k.label().text(lang).to_string()).collect()
}

impl App {
    pub(crate) fn open_agencies(&mut self) {
        let conn = self.store.conn();
        match Pager::load(|o, l| users::agencies(conn, o, l), 0) {
            Ok(list) => self.screen = Screen::Agencies(AgencyScreen { list, form: None }),
            Err(e) => self.fail(e),
        }
    }

    fn agencies_reload(&mut self) {
        let Screen::Agencies(a) = &mut self.screen else {
            return;
        };
        let conn = self.store.conn();
        if let Err(e) = a.list.reload(|o, l| users::agencies(conn, o, l)) {
            self.fail(e);
        }
    }

    pub(crate) fn agencies_close_form(&mut self) {
        if let Screen::Agencies(a) = &mut self.screen {
            a.form = None;
        }
        self.agencies_reload();
    }

    pub(crate) fn agencies_action(&mut self, action: Action) {
        let (actor, now, lang) = (self.actor(), self.now(), self.lang);
        let Screen::Agencies(a) = &mut self.screen else {
            return;
        };
        if let Some((form, editing)) = &mut a.form {
            match action {
                Action::Submit => {
                    if !form.check_required(lang) {
                        return;
                    }
                    let name = form.values().remove(0);
                    let kind = AgencyKind::ALL[form.choice(1)];
                    let editing = editing.clone();
                    let r = match editing {
                        None => {
                            accounts::add_agency(&mut self.store, actor, &name, kind, lang, now)
                                .map(|_| Msg::AgencyAdded)
                        }
                        Some(ag) => {
                            accounts::rename_agency(&mut self.store, actor, ag.id, &name, lang)
                                .and_then(|_| {
                                    if kind != ag.kind {
                                        accounts::set_agency_kind(
                                            &mut self.store,
                                            actor,
                                            ag.id,
                                            kind,
                                        )
                                    } else {
                                        Ok(())
                                    }
                                })
                                .map(|_| Msg::AgencyUpdated)
                        }
                    };
                    match r {
                        Ok(msg) => {
                            self.agencies_close_form();
                            self.say(msg);
                        }
                        Err(e) => self.fail(e),
                    }
                }
                Action::Back => self.back_or_confirm(App::agencies_close_form),
                _ => {}
            }
            return;
        }
        let conn = self.store.conn();
        let fetch = |o, l| users::agencies(conn, o, l);
        let moved = a.list.navigate(action, fetch);
        if let Some(result) = moved {
            return self.report(result);
        }
        let current = a.list.current().cloned();
        match (action, current) {
            (Action::Back, _) => self.go_home(),
            (Action::Add, _) => {
                a.form = Some((
                    Form::new(vec![
                        Field::text(Msg::FieldAgency, AGENCY_NAME_MAX),
                        Field::choice(Msg::FieldKind, kind_options(lang), 0),
                    ]),
                    None,
                ));
            }
            (Action::Rename, Some(ag)) => {
                let at = AgencyKind::ALL.iter().position(|k| *k == ag.kind).unwrap_or(0);
                a.form = Some((
                    Form::new(vec![
                        Field::text(Msg::FieldAgency, AGENCY_NAME_MAX).with_value(&ag.name),
                        Field::choice(Msg::FieldKind, kind_options(lang), at),
                    ]),
                    Some(ag),
                ));
            }
            (Action::CycleKind, Some(ag)) => {
                let i = AgencyKind::ALL.iter().position(|k| *k == ag.kind).unwrap_or(0);
                let next = AgencyKind::ALL[(i + 1) % AgencyKind::ALL.len()];
                match accounts::set_agency_kind(&mut self.store, actor, ag.id, next) {
                    Ok(()) => {
                        self.agencies_reload();
                        self.say(Msg::AgencyUpdated);
                    }
                    Err(e) => self.fail(e),
                }
            }
            _ => {}
        }
    }
}

pub fn draw(frame: &mut Frame, area: Rect, a: &AgencyScreen, t: Theme, lang: Lang) {
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
    let header = Row::new(
        [Msg::FieldAgency, Msg::FieldKind, Msg::FieldStaffCount].map(|m| Cell::from(m.text(lang))),
    )
    .style(t.title());
    let rows: Vec<Row> = a
        .list
        .rows
        .iter()
        .enumerate()
        .map(|(i, ag)| {
            let mark = if i == a.list.selected { t.marker() } else { " " };
            let row = Row::new(vec![
                Cell::from(format!("{mark}{}", ag.name)),
                Cell::from(ag.kind.label().text(lang)),
                Cell::from(ag.users.to_string()),
            ]);
            if i == a.list.selected { row.style(t.focus()) } else { row }
        })
        .collect();
    let table =
        Table::new(rows, [Constraint::Fill(1), Constraint::Length(22), Constraint::Length(8)])
            .header(header)
            .block(block(Msg::TitleAgencies, t, lang));
    frame.render_widget(table, area);
}
