//! Referrals on screen: the form (reached from a service's detail while referring someone),
//! a referral's view with its consent and dated history, its status changes, and the list of
//! referrals due for follow-up.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use crate::domain::directory::label;
use crate::domain::record::{Raw, RuntimeOptions};
use crate::domain::referral::{self, CONSENT, SHARE, STATUSES, StatusChange, shareable};
use crate::i18n::{Lang, Msg, fill};
use crate::service::Who;
use crate::service::casework;
use crate::store::referrals::{self as store_referrals, Due, Stored, Subject};
use crate::ui::app::{App, Screen};
use crate::ui::form::Form;
use crate::ui::keymap::{self, Action, Binding};
use crate::ui::pager::Pager;
use crate::ui::screens::records::local_day;
use crate::ui::screens::{block, form_panel, list_footer, wrap};
use crate::ui::scroll::Scroll;
use crate::ui::theme::Theme;

/// Where Esc leads from a referral opened outside the follow-up list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Back {
    FollowUps,
    Client(i64),
    Contact(i64),
}

pub struct ReferralScreen {
    /// The follow-up list (kept while a referral from it is open).
    pub list: Option<Pager<Due>>,
    pub view: Option<Box<Stored>>,
    /// Where the referral's view is scrolled to (a long reason reads in full).
    pub scroll: Scroll,
    pub status: Option<Form>,
    pub back: Back,
}

impl ReferralScreen {
    pub fn form(&self) -> Option<&Form> {
        self.status.as_ref()
    }

    pub fn form_mut(&mut self) -> Option<&mut Form> {
        self.status.as_mut()
    }

    pub fn keymap(&self) -> &'static [Binding] {
        if self.status.is_some() {
            keymap::FORM
        } else if self.view.is_some() {
            keymap::REFERRAL_VIEW
        } else {
            keymap::FOLLOW_UPS
        }
    }

    pub fn title(&self) -> Msg {
        if self.status.is_some() {
            Msg::TitleReferralStatus
        } else if self.view.is_some() {
            Msg::TitleReferral
        } else {
            Msg::TitleFollowUps
        }
    }
}

/// "Client #12" or "Hotline contact #40": who a referral is for, by number only.
pub fn subject_text(s: Subject, lang: Lang) -> String {
    match s {
        Subject::Client(id) => fill(Msg::SubjectClient.text(lang), &[&id.to_string()]),
        Subject::Contact(id) => fill(Msg::SubjectContact.text(lang), &[&id.to_string()]),
    }
}

impl App {
    fn referrals_screen(&mut self) -> Option<&mut ReferralScreen> {
        match &mut self.screen {
            Screen::Referrals(r) => Some(r),
            _ => None,
        }
    }

    fn due_page(&self, offset: i64) -> crate::Result<Pager<Due>> {
        let Some(s) = &self.session else { return Err(crate::Error::user(Msg::ErrNoSuchRecord)) };
        let (agency, today, conn) = (s.user.agency_id, local_day(self.now()), self.store.conn());
        Pager::load(|o, l| store_referrals::due(conn, agency, today, o, l), offset)
    }

    /// The referrals due for follow-up.
    pub(crate) fn open_follow_ups(&mut self) {
        match self.due_page(0) {
            Ok(list) => {
                self.screen = Screen::Referrals(Box::new(ReferralScreen {
                    list: Some(list),
                    view: None,
                    scroll: Scroll::default(),
                    status: None,
                    back: Back::FollowUps,
                }))
            }
            Err(e) => self.fail(e),
        }
    }

    /// Open a referral; `back` says where Esc goes when there is no list behind it.
    pub(crate) fn open_referral(&mut self, id: i64, back: Back) {
        let Some(s) = self.session.clone() else { return };
        let who = Who { user: &s.user, session_id: Some(s.session_id) };
        match casework::open_referral(&mut self.store, who, id) {
            Ok(stored) => {
                if let Some(r) = self.referrals_screen() {
                    r.view = Some(Box::new(stored));
                    r.scroll = Scroll::default();
                    r.status = None;
                } else {
                    self.screen = Screen::Referrals(Box::new(ReferralScreen {
                        list: None,
                        view: Some(Box::new(stored)),
                        scroll: Scroll::default(),
                        status: None,
                        back,
                    }));
                }
            }
            Err(e) => self.fail(e),
        }
    }

    pub(crate) fn referrals_close_form(&mut self) {
        if let Some(r) = self.referrals_screen() {
            r.status = None;
        }
    }

    fn leave_referral(&mut self) {
        let Some(r) = self.referrals_screen() else { return };
        if r.list.is_some() {
            r.view = None;
            let offset = r.list.as_ref().map_or(0, |l| l.offset);
            match self.due_page(offset) {
                Ok(list) => {
                    if let Some(r) = self.referrals_screen() {
                        r.list = Some(list);
                    }
                }
                Err(e) => self.fail(e),
            }
            return;
        }
        match r.back {
            Back::Client(id) => {
                self.open_clients();
                self.open_client(id);
            }
            Back::Contact(id) => {
                self.open_records(super::records::RecordKind::Contact);
                self.open_record(super::records::RecordKind::Contact, id);
            }
            Back::FollowUps => self.go_home(),
        }
    }

    pub(crate) fn referrals_action(&mut self, action: Action) {
        let lang = self.lang;
        let today = local_day(self.now());
        let Some(r) = self.referrals_screen() else { return };
        if let Some(form) = &r.status {
            match action {
                Action::Submit | Action::Save => {
                    let raw = form.raw();
                    self.save_referral_status(&raw);
                }
                Action::Back => self.back_or_confirm(App::referrals_close_form),
                _ => {}
            }
            return;
        }
        if let Some(view) = &r.view {
            match action {
                Action::CaseStatus => {
                    let mut raw = Raw::new();
                    let next = if view.status == "made" { "accepted" } else { "completed" };
                    raw.insert("status".into(), next.into());
                    raw.insert("on".into(), today.to_string());
                    if let Some(f) = view.follow_up_on {
                        raw.insert("follow_up_on".into(), f.max(today).to_string());
                    }
                    r.status = Some(Form::from_schema(
                        referral::STATUS_FIELDS,
                        &raw,
                        &RuntimeOptions::new(),
                        lang,
                    ));
                }
                Action::CopyPhone => {
                    let phone = view.phone.clone();
                    self.copy_phone(phone)
                }
                Action::Back => self.leave_referral(),
                other if r.scroll.act(other) => {}
                _ => {}
            }
            return;
        }
        let Some(s) = self.session.clone() else { return };
        let conn = self.store.conn();
        let Some(Screen::Referrals(r)) = Some(&mut self.screen) else { return };
        let Some(list) = &mut r.list else { return };
        let fetch = |o, l| store_referrals::due(conn, s.user.agency_id, today, o, l);
        if let Some(result) = list.navigate(action, fetch) {
            return self.report(result);
        }
        match action {
            Action::Open => {
                if let Some(id) = list.current().map(|d| d.id) {
                    self.open_referral(id, Back::FollowUps);
                }
            }
            Action::Back => self.go_home(),
            _ => {}
        }
    }

    fn save_referral_status(&mut self, raw: &Raw) {
        let Some(s) = self.session.clone() else { return };
        let now = self.now();
        let Some(id) = self.referrals_screen().and_then(|r| r.view.as_ref().map(|v| v.id)) else {
            return;
        };
        match StatusChange::from_raw(raw) {
            Ok(change) => {
                let who = Who { user: &s.user, session_id: Some(s.session_id) };
                match casework::referral_status(&mut self.store, who, id, &change, now) {
                    Ok(()) => {
                        self.open_referral(id, Back::FollowUps);
                        self.say(Msg::ReferralStatusSaved);
                    }
                    Err(e) => self.fail(e),
                }
            }
            Err(errors) => self.show_form_errors(&errors, referral::STATUS_FIELDS),
        }
    }
}

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    r: &ReferralScreen,
    t: Theme,
    lang: Lang,
    today: jiff::civil::Date,
) {
    if let Some(form) = &r.status {
        let note =
            r.view.as_ref().map(|v| format!("{} · {}", v.service, subject_text(v.subject, lang)));
        return form_panel(frame, area, Msg::TitleReferralStatus, note.as_deref(), form, t, lang);
    }
    if let Some(v) = &r.view {
        return draw_view(frame, area, (v, &r.scroll), t, lang, today);
    }
    if let Some(list) = &r.list {
        draw_list(frame, area, list, t, lang);
    }
}

/// The follow-up table: due date, who (by number), service, status.
pub fn due_rows<'a>(rows: &[Due], selected: Option<usize>, t: Theme, lang: Lang) -> Vec<Row<'a>> {
    rows.iter()
        .enumerate()
        .map(|(i, d)| {
            let mark = if Some(i) == selected { t.marker() } else { " " };
            let row = Row::new(vec![
                Cell::from(format!("{mark}{}", d.follow_up_on)),
                Cell::from(subject_text(d.subject, lang)),
                Cell::from(d.service.clone()),
                Cell::from(label(STATUSES, &d.status, lang)),
            ]);
            if Some(i) == selected { row.style(t.focus()) } else { row }
        })
        .collect()
}

pub const DUE_WIDTHS: [Constraint; 4] =
    [Constraint::Length(13), Constraint::Length(20), Constraint::Fill(1), Constraint::Length(10)];

fn draw_list(frame: &mut Frame, area: Rect, list: &Pager<Due>, t: Theme, lang: Lang) {
    let heads = [Msg::FieldFollowUpOn, Msg::ColFor, Msg::ColService, Msg::FieldStatus];
    let header = Row::new(heads.map(|m| Cell::from(m.text(lang)))).style(t.title());
    frame.render_widget(
        Table::new(due_rows(&list.rows, Some(list.selected), t, lang), DUE_WIDTHS)
            .header(header)
            .block(block(Msg::TitleFollowUps, t, lang)),
        area,
    );
    list_footer(frame, area, list, t, lang);
}

fn draw_view(
    frame: &mut Frame,
    area: Rect,
    (v, scroll): (&Stored, &Scroll),
    t: Theme,
    lang: Lang,
    today: jiff::civil::Date,
) {
    let b = block(Msg::TitleReferral, t, lang);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let width = inner.width.saturating_sub(28) as usize;
    let row = |m: Msg, v: String| {
        Line::from(vec![Span::styled(format!(" {:<25}", m.text(lang)), t.dim()), Span::raw(v)])
    };
    let mut lines = vec![
        Line::from(Span::styled(format!(" {} · {}", v.service, v.organization), t.title())),
        row(Msg::ColFor, subject_text(v.subject, lang)),
    ];
    if let Some(phone) = &v.phone {
        lines.push(row(Msg::FieldPhone, phone.clone()));
    }
    lines.push(row(Msg::FieldReferredOn, format!("{} · {}", v.referred_on, v.referred_by)));
    for (i, l) in wrap(&v.reason, width.max(10)).into_iter().enumerate() {
        if i == 0 {
            lines.push(row(Msg::FieldRefReason, l));
        } else {
            lines.push(Line::raw(format!(" {:<25}{l}", "")));
        }
    }
    let consent = match v.consent_until {
        Some(u) if v.consent != "none" => format!(
            "{}, {}",
            label(CONSENT, &v.consent, lang),
            fill(Msg::UntilDate.text(lang), &[&u.to_string()])
        ),
        _ => label(CONSENT, &v.consent, lang),
    };
    lines.push(row(Msg::FieldConsent, consent));
    // What may go to the receiving agency today: nothing identifying without consent, or after it.
    let now_shared = shareable(&v.consent, &v.share, v.consent_until, today);
    let shared = if now_shared.is_empty() {
        let m = if !v.share.is_empty() { Msg::ConsentEnded } else { Msg::NothingIdentifying };
        Span::styled(m.text(lang).to_string(), t.error())
    } else {
        Span::raw(now_shared.iter().map(|s| label(SHARE, s, lang)).collect::<Vec<_>>().join(", "))
    };
    lines.push(Line::from(vec![
        Span::styled(format!(" {:<25}", Msg::FieldShare.text(lang)), t.dim()),
        shared,
    ]));
    lines.push(row(
        Msg::FieldFollowUpOn,
        v.follow_up_on.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
    ));
    lines.push(Line::raw(""));
    lines
        .push(Line::from(Span::styled(format!(" {}", Msg::ReferralHistory.text(lang)), t.title())));
    for h in &v.history {
        let mut text = format!(" {}  {:<10} {}", h.on, label(STATUSES, &h.status, lang), h.by);
        if let Some(reason) = &h.reason {
            text.push_str(&format!(" · {reason}"));
        }
        let wrapped = wrap(&text, inner.width.saturating_sub(4) as usize);
        lines.extend(wrapped.into_iter().enumerate().map(|(i, l)| {
            Line::raw(if i == 0 { format!(" {}", l.trim_start()) } else { format!("   {l}") })
        }));
    }
    scroll.draw(frame, inner, lines, t, lang);
}

/// The home screen's panel: the first referrals due, and how many in all.
pub fn draw_home_panel(
    frame: &mut Frame,
    area: Rect,
    rows: &[Due],
    total: i64,
    t: Theme,
    lang: Lang,
) {
    let b = block(Msg::TitleFollowUps, t, lang);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let mut lines: Vec<Line> = Vec::new();
    if rows.is_empty() {
        lines.push(Line::from(Span::styled(format!(" {}", Msg::NoFollowUps.text(lang)), t.dim())));
    } else {
        lines.push(Line::from(Span::styled(
            format!(" {}", fill(Msg::FollowUpsDue.text(lang), &[&total.to_string()])),
            t.title(),
        )));
        let w = inner.width.saturating_sub(2) as usize;
        for d in rows.iter().take(inner.height.saturating_sub(2) as usize / 2) {
            let date = d.follow_up_on.get(5..).unwrap_or(&d.follow_up_on);
            let first = format!(" {date} {}", subject_text(d.subject, lang));
            lines.push(Line::raw(first.chars().take(w + 1).collect::<String>()));
            let second = format!("   {}", d.service);
            lines.push(Line::from(Span::styled(
                second.chars().take(w + 1).collect::<String>(),
                t.dim(),
            )));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The status line after a referral is saved, naming what it carries.
pub fn saved_text(r: &referral::Referral, lang: Lang) -> String {
    if r.share.is_empty() {
        Msg::ReferralSavedAnonymous.text(lang).to_string()
    } else {
        Msg::ReferralSaved.text(lang).to_string()
    }
}
