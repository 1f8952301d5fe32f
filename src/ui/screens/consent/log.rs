//! A client's releases and disclosures: every release (Enter revokes one in force, g records
//! its signed copy back), every offer of the case to another agency and what came of it, and
//! every disclosure (Enter records that the person was told). a logs a disclosure made under
//! an exception the law names; o offers the case to the agency a release in force names.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::domain::client::disclosure::{self, BASES, ByHand, KINDS, RECIPIENTS, TOLD};
use crate::domain::client::release::{self, Revocation};
use crate::domain::directory::label;
use crate::domain::record::{Raw, RuntimeOptions};
use crate::domain::time::local_day;
use crate::i18n::{Lang, Msg, fill};
use crate::service::consent;
use crate::store::disclosures::{self, Line as Disclosed};
use crate::store::referrals::Subject;
use crate::store::releases::ReleaseLine;
use crate::store::transfers::Sent;
use crate::ui::effect::{Done, Effect, Route};
use crate::ui::keymap::{self, Action, Binding};
use crate::ui::screen::{Ctx, Page};
use crate::ui::screens::form_panel;
use crate::ui::theme::Theme;
use crate::ui::widgets::fit;
use crate::ui::widgets::form::Form;

/// One line of the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Row {
    Release(ReleaseLine),
    Offer(Sent),
    Disclosure(Disclosed),
}

/// Everything the screen shows of one client.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Held {
    pub rows: Vec<Row>,
}

pub enum LMode {
    List,
    Disclose(Form),
    Told { form: Form, id: i64 },
    Offer(Form),
    Revoke { form: Form, id: i64, signed_on: jiff::civil::Date },
    SignedCopy { form: Form, id: i64 },
}

pub struct LogScreen {
    /// A client, or the person of a hotline contact (whose case is never offered).
    pub subject: Subject,
    pub held: Held,
    pub selected: usize,
    pub mode: LMode,
    /// The local day as of the last key (whether a release is in force depends on it).
    today: Option<jiff::civil::Date>,
}

fn load(subject: Subject) -> Effect {
    Effect::run(move |store, ctx| {
        let who = ctx.who()?;
        // Only the agency's own client or contact: opening it is refused (and audited) otherwise.
        match subject {
            Subject::Client(c) => drop(crate::service::casework::open_client(store, who, c)?),
            Subject::Contact(c) => drop(crate::service::hotline::open_contact(store, who, c)?),
        }
        let mut rows: Vec<Row> = crate::store::releases::of(store.conn(), subject)?
            .into_iter()
            .map(Row::Release)
            .collect();
        if let Subject::Client(client) = subject {
            let sent = crate::store::transfers::sent(store.conn(), who.user.agency_id, client)?;
            rows.extend(sent.into_iter().map(Row::Offer));
        }
        let log = consent::disclosure_log(store, who, subject)?;
        rows.extend(log.into_iter().map(Row::Disclosure));
        Ok(Done::ConsentLog(Box::new(Held { rows })))
    })
}

impl LogScreen {
    pub fn new(subject: Subject) -> LogScreen {
        LogScreen { subject, held: Held::default(), selected: 0, mode: LMode::List, today: None }
    }

    fn current(&self) -> Option<&Row> {
        self.held.rows.get(self.selected)
    }

    fn form_of(schema: &'static [crate::domain::fields::FieldSpec], raw: &Raw, lang: Lang) -> Form {
        Form::from_schema(schema, raw, &RuntimeOptions::new(), lang)
    }

    /// The offer form: the releases in force that name an agency of the console.
    fn offer_form(&self, today: jiff::civil::Date, lang: Lang) -> Option<Form> {
        let options: Vec<(String, String)> = self
            .held
            .rows
            .iter()
            .filter_map(|r| match r {
                Row::Release(l) if l.recipient_agency.is_some() && l.in_force(today) => Some((
                    l.id.to_string(),
                    fill(Msg::ReleaseLine.text(lang), &[&l.recipient, &l.expires_on.to_string()]),
                )),
                _ => None,
            })
            .collect();
        if options.is_empty() {
            return None;
        }
        let mut raw = Raw::new();
        if let [(only, _)] = options.as_slice() {
            raw.insert("release".into(), only.clone());
        }
        let mut runtime = RuntimeOptions::new();
        runtime.insert("release", options);
        Some(Form::from_schema(disclosure::OFFER_FIELDS, &raw, &runtime, lang))
    }

    fn save(&self, ctx: &Ctx) -> Vec<Effect> {
        let today = local_day(ctx.now);
        let subject = self.subject;
        let (client, contact) = subject.ids();
        let errors = |e, schema| vec![Effect::FormErrors(e, schema)];
        match &self.mode {
            LMode::List => Vec::new(),
            LMode::Disclose(form) => match ByHand::from_raw(&form.raw(), today) {
                Err(e) => errors(e, disclosure::FIELDS),
                Ok(d) => vec![Effect::run(move |store, ctx| {
                    let new = disclosures::New {
                        client,
                        contact,
                        kind: d.kind.clone(),
                        on: d.on,
                        recipient_kind: d.recipient_kind.clone(),
                        recipient: d.recipient.clone(),
                        what: d.what.clone(),
                        basis: d.basis().into(),
                        release_id: None,
                        basis_detail: Some(d.law.clone()),
                        source: None,
                        told: d.told.clone(),
                        told_on: d.told_on,
                    };
                    consent::log_disclosure(store, ctx.who()?, &new, ctx.now)?;
                    Ok(Done::Saved(Msg::DisclosureSaved))
                })],
            },
            LMode::Told { form, id } => match disclosure::told_from_raw(&form.raw()) {
                Err(e) => errors(e, disclosure::TOLD_FIELDS),
                Ok((told, on)) => {
                    let id = *id;
                    vec![Effect::run(move |store, ctx| {
                        consent::set_told(store, ctx.who()?, id, &told, on, ctx.now)?;
                        Ok(Done::Saved(Msg::DisclosureToldSaved))
                    })]
                }
            },
            LMode::Offer(form) => {
                let runtime = RuntimeOptions::from([("release", form.runtime_options("release"))]);
                match disclosure::offer_from_raw(&form.raw(), &runtime) {
                    Err(e) => errors(e, disclosure::OFFER_FIELDS),
                    Ok((release, note)) => {
                        let Some(client) = client else { return Vec::new() };
                        vec![Effect::run(move |store, ctx| {
                            let (who, now) = (ctx.who()?, ctx.now);
                            consent::offer_transfer(
                                store,
                                who,
                                client,
                                release,
                                note.as_deref(),
                                now,
                            )?;
                            Ok(Done::Saved(Msg::TransferOffered))
                        })]
                    }
                }
            }
            LMode::Revoke { form, id, signed_on } => {
                match Revocation::from_raw(&form.raw(), *signed_on, today) {
                    Err(e) => errors(e, release::REVOKE_FIELDS),
                    Ok(r) => {
                        let id = *id;
                        vec![Effect::run(move |store, ctx| {
                            consent::revoke_release(store, ctx.who()?, id, &r, ctx.now)?;
                            Ok(Done::Saved(Msg::ReleaseRevoked))
                        })]
                    }
                }
            }
            LMode::SignedCopy { form, id } => match disclosure::signed_from_raw(&form.raw()) {
                Err(e) => errors(e, disclosure::SIGNED_FIELDS),
                Ok(on) => {
                    let id = *id;
                    vec![Effect::run(move |store, ctx| {
                        consent::signed_copy(store, ctx.who()?, id, on, ctx.now)?;
                        Ok(Done::Saved(Msg::SignedCopySaved))
                    })]
                }
            },
        }
    }
}

impl Page for LogScreen {
    fn keymap(&self) -> &'static [Binding] {
        match self.mode {
            LMode::List => keymap::DISCLOSURES,
            _ => keymap::FORM,
        }
    }

    fn title(&self) -> Msg {
        match self.mode {
            LMode::List => Msg::TitleDisclosures,
            LMode::Disclose(_) => Msg::TitleLogDisclosure,
            LMode::Told { .. } => Msg::TitleTold,
            LMode::Offer(_) => Msg::TitleOfferCase,
            LMode::Revoke { .. } => Msg::TitleRevokeRelease,
            LMode::SignedCopy { .. } => Msg::TitleSignedCopy,
        }
    }

    fn form(&self) -> Option<&Form> {
        match &self.mode {
            LMode::List => None,
            LMode::Disclose(f) | LMode::Offer(f) => Some(f),
            LMode::Told { form, .. }
            | LMode::Revoke { form, .. }
            | LMode::SignedCopy { form, .. } => Some(form),
        }
    }

    fn form_mut(&mut self) -> Option<&mut Form> {
        match &mut self.mode {
            LMode::List => None,
            LMode::Disclose(f) | LMode::Offer(f) => Some(f),
            LMode::Told { form, .. }
            | LMode::Revoke { form, .. }
            | LMode::SignedCopy { form, .. } => Some(form),
        }
    }

    fn enter(&mut self, ctx: &Ctx) -> Vec<Effect> {
        self.today = Some(local_day(ctx.now));
        vec![load(self.subject)]
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Vec<Effect> {
        let (today, lang) = (local_day(ctx.now), ctx.lang);
        self.today = Some(today);
        if !matches!(self.mode, LMode::List) {
            return match action {
                Action::Submit | Action::Save => self.save(ctx),
                Action::Back => vec![Effect::LeaveForm],
                _ => Vec::new(),
            };
        }
        let mut raw = Raw::new();
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => {
                self.selected = (self.selected + 1).min(self.held.rows.len().saturating_sub(1))
            }
            Action::Back => {
                return vec![Effect::Go(match self.subject {
                    Subject::Client(c) => Route::Client(c),
                    Subject::Contact(c) => Route::Contact(c),
                })];
            }
            Action::New => {
                raw.insert("on".into(), today.to_string());
                raw.insert("told".into(), "not_yet".into());
                self.mode = LMode::Disclose(LogScreen::form_of(disclosure::FIELDS, &raw, lang));
            }
            Action::OfferCase if matches!(self.subject, Subject::Contact(_)) => {
                return vec![Effect::Say(Msg::OfferNeedsClient)];
            }
            Action::OfferCase => match self.offer_form(today, lang) {
                Some(form) => self.mode = LMode::Offer(form),
                None => return vec![Effect::Say(Msg::ErrTransferNeedsAgency)],
            },
            Action::SignedCopy => match self.current() {
                Some(Row::Release(l)) if l.signed_copy_on.is_some() => {
                    return vec![Effect::Say(Msg::ErrSignedCopyAlready)];
                }
                Some(Row::Release(l)) => {
                    let id = l.id;
                    raw.insert("on".into(), today.to_string());
                    let form = LogScreen::form_of(disclosure::SIGNED_FIELDS, &raw, lang);
                    self.mode = LMode::SignedCopy { form, id };
                }
                _ => return vec![Effect::Say(Msg::ChooseARelease)],
            },
            Action::Open => match self.current() {
                Some(Row::Release(l)) if l.revoked_on.is_some() => {
                    return vec![Effect::Say(Msg::ErrReleaseAlreadyRevoked)];
                }
                Some(Row::Release(l)) => {
                    let (id, signed_on) = (l.id, l.signed_on);
                    raw.insert("revoked_on".into(), today.to_string());
                    raw.insert("revoked_how".into(), "written".into());
                    let form = LogScreen::form_of(release::REVOKE_FIELDS, &raw, lang);
                    self.mode = LMode::Revoke { form, id, signed_on };
                }
                Some(Row::Disclosure(d)) => {
                    let id = d.id;
                    raw.insert("told".into(), "yes".into());
                    raw.insert("told_on".into(), today.to_string());
                    let form = LogScreen::form_of(disclosure::TOLD_FIELDS, &raw, lang);
                    self.mode = LMode::Told { form, id };
                }
                _ => {}
            },
            _ => {}
        }
        Vec::new()
    }

    fn on_done(&mut self, done: Done, _ctx: &Ctx) -> Vec<Effect> {
        match done {
            Done::ConsentLog(held) => {
                self.held = *held;
                self.selected = self.selected.min(self.held.rows.len().saturating_sub(1));
                Vec::new()
            }
            Done::Saved(msg) => {
                self.mode = LMode::List;
                vec![load(self.subject), Effect::Say(msg)]
            }
            _ => Vec::new(),
        }
    }

    fn discard(&mut self, _ctx: &Ctx) -> Vec<Effect> {
        self.mode = LMode::List;
        Vec::new()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, t: Theme, lang: Lang) {
        let today = self.today.unwrap_or_else(|| local_day(jiff::Timestamp::now()));
        draw(frame, area, self, t, lang, today)
    }
}

/// A line of the table: day, what, to whom, under what, and its state; and the same in full
/// for the panel below the table.
fn cells(row: &Row, lang: Lang, today: jiff::civil::Date) -> (Vec<String>, String) {
    let scopes = |list: &[String]| {
        list.iter().map(|s| label(release::SCOPES, s, lang)).collect::<Vec<_>>().join(", ")
    };
    match row {
        Row::Release(l) => {
            let state = match (l.revoked_on, l.in_force(today)) {
                (Some(d), _) => fill(Msg::StateRevoked.text(lang), &[&d.to_string()]),
                (None, true) => fill(Msg::StateInForce.text(lang), &[&l.expires_on.to_string()]),
                (None, false) => fill(Msg::StateEnded.text(lang), &[&l.expires_on.to_string()]),
            };
            let copy = match l.signed_copy_on {
                Some(d) => fill(Msg::SignedCopyOn.text(lang), &[&d.to_string()]),
                None => Msg::SignedCopyNone.text(lang).to_string(),
            };
            let full = format!(
                "{} #{} · {} ({}) · {} · {}: {} · {} · {}",
                Msg::BasisRelease.text(lang),
                l.id,
                l.recipient,
                label(release::RECIPIENT_KINDS, &l.recipient_kind, lang),
                scopes(&l.scope),
                Msg::FieldReleasePurpose.text(lang),
                l.purpose,
                state,
                copy
            );
            let what = Msg::BasisRelease.text(lang).to_string();
            (
                vec![l.signed_on.to_string(), what, l.recipient.clone(), scopes(&l.scope), state],
                full,
            )
        }
        Row::Offer(o) => {
            let under = fill(Msg::BasisReleaseN.text(lang), &[&o.release_id.to_string()]);
            let status = label(crate::store::transfers::STATUSES, &o.status, lang);
            let mut full = format!("{} · {} · {under} · {status}", Msg::DiscOffer.text(lang), o.to);
            if let Some(r) = &o.reason {
                full.push_str(&format!(" · {r}"));
            }
            let what = Msg::DiscOffer.text(lang).to_string();
            (vec![o.offered_on.to_string(), what, o.to.clone(), under, status], full)
        }
        Row::Disclosure(d) => {
            let kind = label(RECIPIENTS, &d.recipient_kind, lang);
            let to = d.recipient.clone().unwrap_or_else(|| kind.clone());
            let basis = match (&d.basis_detail, d.release_id) {
                (Some(law), _) => law.clone(),
                (None, Some(id)) => fill(Msg::BasisReleaseN.text(lang), &[&id.to_string()]),
                (None, None) => label(BASES, &d.basis, lang),
            };
            let told = match d.told_on {
                Some(on) => format!("{} {on}", label(TOLD, &d.told, lang)),
                None => label(TOLD, &d.told, lang),
            };
            let full = format!(
                "{} · {to} ({kind}) · {}: {} · {basis} · {}: {told} · {}",
                label(KINDS, &d.kind, lang),
                Msg::FieldDiscWhat.text(lang),
                scopes(&d.what),
                Msg::FieldTold.text(lang),
                d.by
            );
            (vec![d.on.to_string(), label(KINDS, &d.kind, lang), to, basis, told], full)
        }
    }
}

fn draw(
    frame: &mut Frame,
    area: Rect,
    s: &LogScreen,
    t: Theme,
    lang: Lang,
    today: jiff::civil::Date,
) {
    if let Some(form) = s.form() {
        let who = crate::ui::screens::referrals::subject_text(s.subject, lang);
        let release = |id: i64| {
            s.held.rows.iter().find_map(|r| match r {
                Row::Release(l) if l.id == id => Some(fill(
                    Msg::ReleaseLine.text(lang),
                    &[&l.recipient, &l.expires_on.to_string()],
                )),
                _ => None,
            })
        };
        let note = match s.mode {
            LMode::Disclose(_) => format!("{who} · {}", Msg::DisclosureFormNote.text(lang)),
            LMode::Offer(_) => format!("{who} · {}", Msg::OfferFormNote.text(lang)),
            // Which release is revoked, or came back signed.
            LMode::Revoke { id, .. } | LMode::SignedCopy { id, .. } => {
                format!("{who} · {}", release(id).unwrap_or_default())
            }
            _ => who,
        };
        return form_panel(frame, area, s.title(), Some(&note), form, t, lang);
    }
    let who = crate::ui::screens::referrals::subject_text(s.subject, lang);
    let title = fill(Msg::DisclosuresOf.text(lang), &[&who]);
    let b = crate::ui::screens::titled(title, t);
    if s.held.rows.is_empty() {
        let inner = b.inner(area);
        frame.render_widget(b, area);
        let text = crate::ui::screens::wrap(
            Msg::NothingDisclosed.text(lang),
            inner.width.saturating_sub(2) as usize,
        );
        let lines: Vec<Line> = text.into_iter().map(|l| Line::raw(format!(" {l}"))).collect();
        frame.render_widget(Paragraph::new(lines).style(t.dim()), inner);
        return;
    }
    let [top, bottom] = Layout::vertical([Constraint::Fill(1), Constraint::Length(5)]).areas(area);
    let heads: Vec<String> =
        [Msg::ColWhen, Msg::FieldDiscKind, Msg::ColTo, Msg::ColUnder, Msg::ColState]
            .iter()
            .map(|m| m.text(lang).to_string())
            .collect();
    let all: Vec<(Vec<String>, String)> =
        s.held.rows.iter().map(|r| cells(r, lang, today)).collect();
    let rows: Vec<Vec<String>> = all.iter().map(|(c, _)| c.clone()).collect();
    let widths = [
        Constraint::Length(11),
        Constraint::Length(16),
        Constraint::Fill(1),
        Constraint::Fill(1),
        Constraint::Length(20),
    ];
    let table = fit::table(top, &heads, &rows, Some(s.selected), &widths, t, b);
    frame.render_widget(table, top);
    // The line chosen, in full.
    let b = crate::ui::screens::block(Msg::TitleChosenLine, t, lang);
    let inner = b.inner(bottom);
    frame.render_widget(b, bottom);
    let full = all.get(s.selected).map(|(_, f)| f.as_str()).unwrap_or("");
    let lines: Vec<Line> = crate::ui::screens::wrap(full, inner.width.saturating_sub(2) as usize)
        .into_iter()
        .map(|l| Line::raw(format!(" {l}")))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
