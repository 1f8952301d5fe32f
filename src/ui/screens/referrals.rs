//! Referrals on screen: the form (reached from a service's detail while referring someone),
//! a referral's view with its consent and dated history, its status changes, and the list of
//! referrals due for follow-up.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::domain::client::release::{self, Revocation};
use crate::domain::directory::label;
use crate::domain::ids::{ClientId, ContactId, ReferralId};
use crate::domain::record::{Raw, RuntimeOptions};
use crate::domain::referral::{self, SHARE, STATUSES, StatusChange, shareable};
use crate::i18n::{Lang, Msg, fill};
use crate::service::{casework, consent};
use crate::store::referrals::{self as store_referrals, Due, DueItem, Stored, Subject};
use crate::ui::effect::{Done, Effect, Route};
use crate::ui::keymap::{self, Action, Binding};
use crate::ui::screen::{Ctx, Page};
use crate::ui::screens::records::local_day;
use crate::ui::screens::{block, form_panel, list_footer, wrap};
use crate::ui::theme::Theme;
use crate::ui::widgets::form::Form;
use crate::ui::widgets::pager::{PageKey, Pager, Select, Spot};
use crate::ui::widgets::scroll::Scroll;

/// Where Esc leads from a referral opened outside the follow-up list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Back {
    FollowUps,
    Client(ClientId),
    Contact(ContactId),
}

pub struct ReferralScreen {
    /// The follow-up list (kept while a referral from it is open).
    pub list: Option<Pager<Due>>,
    pub view: Option<Box<Stored>>,
    /// Where the referral's view is scrolled to (a long reason reads in full).
    pub scroll: Scroll,
    pub status: Option<Form>,
    /// Revoking the release the referral rests on (a caller's has no case record to do it).
    pub revoke: Option<Form>,
    pub back: Back,
    /// The referral to open as the screen opens.
    opening: Option<ReferralId>,
    /// The local day, as of the last key (what may be shared depends on it).
    today: Option<jiff::civil::Date>,
}

/// "Client #12" or "Hotline contact #40": who a referral is for, by number only.
pub fn subject_text(s: Subject, lang: Lang) -> String {
    match s {
        Subject::Client(id) => fill(Msg::SubjectClient.text(lang), &[&id.to_string()]),
        Subject::Contact(id) => fill(Msg::SubjectContact.text(lang), &[&id.to_string()]),
    }
}

/// A page of the referrals due for follow-up (on the local day of `ctx`).
fn load_due(spot: Spot, select: Select) -> Effect {
    Effect::run(move |store, ctx| {
        let (agency, today) = (ctx.who()?.user.agency_id, local_day(ctx.now));
        let conn = store.conn();
        let fetch = |s: &Spot, l| store_referrals::due(conn, agency, today, s.offset, l);
        Ok(Done::Due(Pager::load_at(fetch, spot, select)?))
    })
}

/// What is due today and overdue: a short list, by offset.
impl PageKey for Due {}

/// One referral, opened (audited).
fn open(id: ReferralId) -> Effect {
    Effect::run(move |store, ctx| {
        Ok(Done::Referral(Box::new(casework::open_referral(store, ctx.who()?, id)?)))
    })
}

impl ReferralScreen {
    /// The referrals due for follow-up.
    pub fn follow_ups() -> ReferralScreen {
        ReferralScreen {
            list: Some(Pager::default()),
            view: None,
            scroll: Scroll::default(),
            status: None,
            revoke: None,
            back: Back::FollowUps,
            opening: None,
            today: None,
        }
    }

    /// One referral; `back` says where Esc goes (there is no list behind it).
    pub fn one(id: ReferralId, back: Back) -> ReferralScreen {
        ReferralScreen { list: None, opening: Some(id), back, ..ReferralScreen::follow_ups() }
    }

    /// Esc on a referral: back to the list it was opened from, or where it came from.
    fn leave(&mut self) -> Vec<Effect> {
        if let Some(list) = &self.list {
            self.view = None;
            let (spot, select) = list.here();
            return vec![load_due(spot, select)];
        }
        vec![Effect::Go(match self.back {
            Back::Client(id) => Route::Client(id),
            Back::Contact(id) => Route::Contact(id),
            Back::FollowUps => Route::Home,
        })]
    }

    /// The status form, with the next status and the dates filled in.
    fn status_form(view: &Stored, ctx: &Ctx) -> Form {
        let today = local_day(ctx.now);
        let mut raw = Raw::new();
        let next = if view.status == "made" { "accepted" } else { "completed" };
        raw.insert("status".into(), next.into());
        raw.insert("on".into(), today.to_string());
        if let Some(f) = view.follow_up_on {
            raw.insert("follow_up_on".into(), f.max(today).to_string());
        }
        Form::from_schema(referral::STATUS_FIELDS, &raw, &RuntimeOptions::new(), ctx.lang)
    }
}

impl Page for ReferralScreen {
    fn keymap(&self) -> &'static [Binding] {
        if self.status.is_some() || self.revoke.is_some() {
            keymap::FORM
        } else if self.view.is_some() {
            keymap::REFERRAL_VIEW
        } else {
            keymap::FOLLOW_UPS
        }
    }

    fn title(&self) -> Msg {
        if self.revoke.is_some() {
            Msg::TitleRevokeRelease
        } else if self.status.is_some() {
            Msg::TitleReferralStatus
        } else if self.view.is_some() {
            Msg::TitleReferral
        } else {
            Msg::TitleFollowUps
        }
    }

    fn form(&self) -> Option<&Form> {
        self.revoke.as_ref().or(self.status.as_ref())
    }

    fn form_mut(&mut self) -> Option<&mut Form> {
        match &mut self.revoke {
            Some(f) => Some(f),
            None => self.status.as_mut(),
        }
    }

    fn enter(&mut self, ctx: &Ctx) -> Vec<Effect> {
        self.today = Some(local_day(ctx.now));
        let mut effects = Vec::new();
        if self.list.is_some() {
            effects.push(load_due(Spot::top(), Select::First));
        }
        effects.extend(self.opening.take().map(open));
        effects
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Vec<Effect> {
        self.today = Some(local_day(ctx.now));
        if let (Some(form), Some(rel)) =
            (&self.revoke, self.view.as_ref().and_then(|v| v.release.clone()))
        {
            let today = local_day(ctx.now);
            return match action {
                Action::Submit | Action::Save => {
                    match Revocation::from_raw(&form.raw(), rel.signed_on, today) {
                        Ok(r) => vec![Effect::run(move |store, ctx| {
                            consent::revoke_release(store, ctx.who()?, rel.id, &r, ctx.now)?;
                            Ok(Done::Saved(Msg::ReleaseRevoked))
                        })],
                        Err(errors) => vec![Effect::FormErrors(errors, release::REVOKE_FIELDS)],
                    }
                }
                Action::Back => vec![Effect::LeaveForm],
                _ => Vec::new(),
            };
        }
        if let Some(form) = &self.status {
            return match action {
                Action::Submit | Action::Save => match StatusChange::from_raw(&form.raw()) {
                    Ok(change) => {
                        let Some(id) = self.view.as_ref().map(|v| v.id) else { return Vec::new() };
                        vec![Effect::run(move |store, ctx| {
                            casework::referral_status(store, ctx.who()?, id, &change, ctx.now)?;
                            Ok(Done::Saved(Msg::ReferralStatusSaved))
                        })]
                    }
                    Err(errors) => vec![Effect::FormErrors(errors, referral::STATUS_FIELDS)],
                },
                Action::Back => vec![Effect::LeaveForm],
                _ => Vec::new(),
            };
        }
        if let Some(view) = &self.view {
            return match action {
                Action::CaseStatus => {
                    self.status = Some(ReferralScreen::status_form(view, ctx));
                    Vec::new()
                }
                Action::CopyPhone => vec![Effect::Copy(view.phone.clone())],
                Action::RevokeRelease => match &view.release {
                    None => vec![Effect::Say(Msg::RefNoReleaseToRevoke)],
                    Some(r) if r.revoked_on.is_some() => {
                        vec![Effect::Say(Msg::ErrReleaseAlreadyRevoked)]
                    }
                    Some(_) => {
                        let mut raw = Raw::new();
                        raw.insert("revoked_on".into(), local_day(ctx.now).to_string());
                        raw.insert("revoked_how".into(), "verbal".into());
                        let none = RuntimeOptions::new();
                        self.revoke =
                            Some(Form::from_schema(release::REVOKE_FIELDS, &raw, &none, ctx.lang));
                        Vec::new()
                    }
                },
                Action::Back => self.leave(),
                other => {
                    self.scroll.act(other);
                    Vec::new()
                }
            };
        }
        let Some(list) = &mut self.list else { return Vec::new() };
        if let Some(effects) = list.moved(action, load_due) {
            return effects;
        }
        match action {
            Action::Open => match list.current().map(|d| d.item) {
                Some(DueItem::Referral(id)) => vec![open(id)],
                // A callback is the contact itself: its follow-up is cleared by editing it.
                Some(DueItem::Callback(id)) => vec![Effect::Go(Route::Contact(id))],
                // A release about to end: the person's releases, to renew it with them.
                Some(DueItem::ReleaseEnding(_)) => match list.current().map(|d| d.subject) {
                    Some(who) => vec![Effect::Go(Route::Disclosures(who))],
                    None => Vec::new(),
                },
                None => Vec::new(),
            },
            Action::Back => vec![Effect::Go(Route::Home)],
            _ => Vec::new(),
        }
    }

    fn on_done(&mut self, done: Done, _ctx: &Ctx) -> Vec<Effect> {
        match done {
            Done::Due(list) => self.list = Some(list),
            Done::Referral(stored) => {
                self.view = Some(stored);
                self.scroll = Scroll::default();
                self.status = None;
                self.revoke = None;
            }
            Done::Saved(msg) => {
                let reopen = self.view.as_ref().map(|v| open(v.id));
                return reopen.into_iter().chain([Effect::Say(msg)]).collect();
            }
            _ => {}
        }
        Vec::new()
    }

    fn discard(&mut self, _ctx: &Ctx) -> Vec<Effect> {
        self.status = None;
        self.revoke = None;
        Vec::new()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, t: Theme, lang: Lang) {
        let today = self.today.unwrap_or_else(|| local_day(jiff::Timestamp::now()));
        draw(frame, area, self, t, lang, today)
    }
}

fn draw(
    frame: &mut Frame,
    area: Rect,
    r: &ReferralScreen,
    t: Theme,
    lang: Lang,
    today: jiff::civil::Date,
) {
    if let Some(form) = &r.revoke {
        let note =
            r.view.as_ref().and_then(|v| v.release.as_ref()).map(|l| {
                fill(Msg::ReleaseLine.text(lang), &[&l.recipient, &l.expires_on.to_string()])
            });
        return form_panel(frame, area, Msg::TitleRevokeRelease, note.as_deref(), form, t, lang);
    }
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

/// What is due: the service referred to, or the callback.
fn due_what(d: &Due, lang: Lang) -> String {
    match d.item {
        DueItem::Referral(_) => d.service.clone(),
        DueItem::Callback(_) => Msg::DueCallBack.text(lang).to_string(),
        DueItem::ReleaseEnding(_) => fill(Msg::DueReleaseEnds.text(lang), &[&d.service]),
    }
}

pub const DUE_WIDTHS: [Constraint; 4] =
    [Constraint::Length(13), Constraint::Length(20), Constraint::Fill(1), Constraint::Length(10)];

fn draw_list(frame: &mut Frame, area: Rect, list: &Pager<Due>, t: Theme, lang: Lang) {
    let heads: Vec<String> = [Msg::FieldFollowUpOn, Msg::ColFor, Msg::ColService, Msg::FieldStatus]
        .iter()
        .map(|m| m.text(lang).to_string())
        .collect();
    let rows: Vec<Vec<String>> = list
        .rows
        .iter()
        .map(|d| {
            vec![
                d.follow_up_on.clone(),
                subject_text(d.subject, lang),
                due_what(d, lang),
                label(STATUSES, &d.status, lang),
            ]
        })
        .collect();
    let b = block(Msg::TitleFollowUps, t, lang);
    let table =
        crate::ui::widgets::fit::table(area, &heads, &rows, Some(list.selected), &DUE_WIDTHS, t, b);
    frame.render_widget(table, area);
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
    // The release it rests on, and what it carries today: nothing identifying without one,
    // nothing more after it ends or is revoked (what went before is listed).
    let release = match &v.release {
        None => Msg::RefNoRelease.text(lang).to_string(),
        Some(r) => match r.revoked_on {
            Some(d) => fill(Msg::ReleaseRevokedOn.text(lang), &[&d.to_string(), &r.recipient]),
            None if r.expires_on < today => {
                fill(Msg::ReleaseEnded.text(lang), &[&r.expires_on.to_string(), &r.recipient])
            }
            None => fill(Msg::ReleaseLine.text(lang), &[&r.recipient, &r.expires_on.to_string()]),
        },
    };
    lines.push(row(Msg::FieldRefRelease, release));
    let held = v.release.as_ref().map(|r| (r.signed_on, r.expires_on, r.revoked_on));
    let now_shared = shareable(&v.share, held, today);
    let items =
        |list: &[String]| list.iter().map(|s| label(SHARE, s, lang)).collect::<Vec<_>>().join(", ");
    let shared = if now_shared.is_empty() {
        let m = if !v.share.is_empty() { Msg::ConsentEnded } else { Msg::NothingIdentifying };
        Span::styled(m.text(lang).to_string(), t.error())
    } else {
        Span::raw(items(&now_shared))
    };
    lines.push(Line::from(vec![
        Span::styled(format!(" {:<25}", Msg::FieldShare.text(lang)), t.dim()),
        shared,
    ]));
    if now_shared.is_empty() && !v.share.is_empty() {
        lines.push(row(Msg::SharedBefore, items(&v.share)));
    }
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
            let second = format!("   {}", due_what(d, lang));
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

#[cfg(test)]
#[path = "referrals_tests.rs"]
mod tests;
