//! Drawing: a pure function of the app's state. Each screen has its own file holding its state,
//! its actions and its drawing; this one lays out the frame around them.

pub mod agencies;
pub mod auth;
pub mod clients;
pub mod consent;
pub mod directory;
pub mod funds;
pub mod home;
pub mod outreach;
pub mod records;
pub mod referrals;
pub mod reports;
pub mod screening;
pub mod settings;
pub mod staff;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::i18n::{Lang, Msg, fill};
use crate::ui::app::{App, Confirm, Overlay, Screen};
use crate::ui::keymap::{Action, Binding};
use crate::ui::theme::Theme;
use crate::ui::widgets::form::Form;
pub use crate::ui::widgets::form_view::{LABEL_W, draw_form, form_height};
pub use crate::ui::widgets::wrap::wrap;

pub const MIN_WIDTH: u16 = 80;
/// 80x22 works: screen or tmux with a status line inside an 80x24 PuTTY is what shelters use to
/// survive dropped links.
pub const MIN_HEIGHT: u16 = 22;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if matches!(app.screen, Screen::Hidden) {
        return;
    }
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = fill(
            Msg::TooSmall.text(app.lang),
            &[
                &MIN_WIDTH.to_string(),
                &MIN_HEIGHT.to_string(),
                &area.width.to_string(),
                &area.height.to_string(),
            ],
        );
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    // A status longer than the line takes a second one rather than being cut.
    let said = status_text(app);
    let status_h = said
        .as_ref()
        .map_or(1, |(text, _)| if text.width() + 3 > area.width as usize { 2 } else { 1 });
    let [top, body, status, bar] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(status_h),
        Constraint::Length(1),
    ])
    .areas(area);
    title_bar(frame, top, app);
    let t = app.opts.theme;
    if let Some(page) = app.screen.page() {
        page.draw(frame, body, t, app.lang);
    }

    status_line(frame, status, app, said);
    help_bar(frame, bar, app);
    match &app.overlay {
        Some(Overlay::Help) => help_overlay(frame, area, app),
        Some(Overlay::Confirm(c)) => confirm_overlay(frame, area, app, c),
        None => {}
    }
    if t.ascii {
        crate::ui::widgets::ascii::fold(frame.buffer_mut());
    }
}

/// What the screen in front is, in the title bar's words.
pub fn screen_title(app: &App) -> Msg {
    app.screen.page().map_or(Msg::AppName, |p| p.title())
}

fn title_bar(frame: &mut Frame, area: Rect, app: &App) {
    let t = app.opts.theme;
    let left = format!(
        " {} {} {}",
        Msg::AppName.text(app.lang),
        t.separator(),
        screen_title(app).text(app.lang)
    );
    let right = match &app.session.current {
        Some(s) if !matches!(app.screen, Screen::Locked(_)) => format!("{} ", s.user.display_name),
        _ => String::new(),
    };
    // A database `intake check` found damaged changes nothing: every screen says so.
    let badge = match app.store.damaged() {
        Some(_) => format!(" {} {}", t.separator(), Msg::ReadOnlyBadge.text(app.lang)),
        None => String::new(),
    };
    let pad = (area.width as usize).saturating_sub(left.width() + badge.width() + right.width());
    let line = Line::from(vec![
        Span::styled(left, t.title()),
        Span::styled(badge, t.error()),
        Span::raw(" ".repeat(pad)),
        Span::raw(right),
    ]);
    frame.render_widget(Paragraph::new(line).style(t.bar()), area);
}

fn status_line(frame: &mut Frame, area: Rect, app: &App, said: Option<(String, bool)>) {
    let t = app.opts.theme;
    let Some((text, error)) = said else { return };
    let (prefix, style) = if error { ("! ", t.error()) } else { ("", t.ok()) };
    let width = (area.width as usize).saturating_sub(prefix.width() + 2);
    let mut rows = wrap(&text, width);
    if rows.len() > area.height as usize {
        let last = area.height.saturating_sub(1) as usize;
        rows.truncate(last + 1);
        rows[last] = crate::ui::widgets::fit::fit(&format!("{} …", rows[last]), width);
    }
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let lead = if i == 0 { prefix } else { "  " };
            Line::from(Span::styled(format!(" {lead}{r}"), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// What the status line says: the form's notice about the last key, or the status.
fn status_text(app: &App) -> Option<(String, bool)> {
    let notice = app.form().and_then(|f| f.notice.clone());
    match (notice, &app.status) {
        (Some(n), _) => Some((n, true)),
        (None, Some(s)) => Some((s.text.clone(), s.error)),
        (None, None) => None,
    }
}

/// The one-line help: the bindings of the screen in front that are marked for the bar, as many
/// as fit. When a key of the screen (other than moving about) is not shown, the bar ends with
/// "F1 more" (in place of "F1 Help"), so no key is found only by chance. Home's keys are its
/// menu.
fn help_bar(frame: &mut Frame, area: Rect, app: &App) {
    let t = app.opts.theme;
    let lang = app.lang;
    let offered = |b: &&Binding| app.screen.page().is_none_or(|p| p.offers(b.action));
    let bar: Vec<&Binding> =
        app.keymaps().iter().flat_map(|m| m.iter()).filter(offered).filter(|b| b.bar).collect();
    let width_of = |b: &Binding| b.keys[0].label(lang).width() + b.label.text(lang).width() + 3;
    let room = area.width as usize;
    // The keys of what is in front: an overlay's, or the screen's.
    let front = app.keymaps()[1];
    let unlisted = front.iter().filter(offered).any(|b| !b.bar && !b.action.moves());
    let home = matches!(app.screen, Screen::Home(_));
    let more = !home && (unlisted || bar.iter().map(|b| width_of(b)).sum::<usize>() > room);
    let f1 = crate::ui::keymap::Key::F(1).label(lang);
    let more_label = Msg::HelpMore.text(lang);
    let reserve = if more { f1.width() + more_label.width() + 3 } else { 0 };
    let mut spans = Vec::new();
    let mut width = 0usize;
    for b in bar.iter().filter(|b| !(more && b.action == Action::Help)) {
        let w = width_of(b);
        if width + w + reserve > room {
            break;
        }
        width += w;
        spans.push(Span::styled(format!(" {}", b.keys[0].label(lang)), t.key()));
        spans.push(Span::raw(format!(" {} ", b.label.text(lang))));
    }
    if more {
        spans.push(Span::styled(format!(" {f1}"), t.key()));
        spans.push(Span::raw(format!(" {more_label} ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A form in a bordered panel, with an optional dimmed note above it (what the form is about),
/// wrapped to the panel so nothing of it is cut.
pub fn form_panel(
    frame: &mut Frame,
    area: Rect,
    title: Msg,
    note: Option<&str>,
    form: &Form,
    t: Theme,
    lang: Lang,
) {
    let b = block(title, t, lang);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let lines: Vec<Line> = note
        .map(|n| wrap(n, inner.width.saturating_sub(2) as usize))
        .unwrap_or_default()
        .into_iter()
        .map(|l| Line::from(Span::styled(format!(" {l}"), t.dim())))
        .collect();
    let top = (lines.len() as u16).min(inner.height);
    frame.render_widget(Paragraph::new(lines), Rect { height: top, ..inner });
    draw_form(
        frame,
        Rect { y: inner.y + top, height: inner.height.saturating_sub(top), ..inner },
        form,
        t,
        lang,
    );
}

/// Under a list's table: a notice when it is empty, and where this page starts.
pub fn list_footer<T>(
    frame: &mut Frame,
    area: Rect,
    pager: &crate::ui::widgets::pager::Pager<T>,
    t: Theme,
    lang: Lang,
) {
    if pager.rows.is_empty() {
        let inner =
            Rect { x: area.x + 2, y: area.y + 3, width: area.width.saturating_sub(4), height: 1 };
        frame.render_widget(Paragraph::new(Msg::ListEmpty.text(lang)), inner);
    }
    let more = if pager.more { " +" } else { "" };
    let page = format!(" {} {}{more} ", Msg::PageRows.text(lang), pager.offset + 1);
    let y = area.y + area.height.saturating_sub(1);
    frame.render_widget(
        Paragraph::new(Span::styled(page, t.dim())),
        Rect { x: area.x + 2, y, width: 24, height: 1 },
    );
}

pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

pub fn block(title: Msg, t: Theme, lang: Lang) -> Block<'static> {
    titled(title.text(lang).to_string(), t)
}

/// A bordered block with a title made at run time (from catalogue text).
pub fn titled(title: String, t: Theme) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_set(t.border())
        .title(Span::styled(format!(" {title} "), t.title()))
}

fn help_overlay(frame: &mut Frame, area: Rect, app: &App) {
    let t = app.opts.theme;
    // Home lists only what this user's role can open.
    let screen: Vec<&crate::ui::keymap::Binding> = match &app.screen {
        Screen::Home(h) => h.keys(),
        _ => {
            let page = app.screen.page();
            let offered = |b: &&Binding| page.is_none_or(|p| p.offers(b.action));
            app.screen_keymap().iter().filter(offered).collect()
        }
    };
    let entries: Vec<(String, &str)> = crate::ui::keymap::GLOBAL
        .iter()
        .chain(screen)
        .map(|b| {
            (
                b.keys.iter().map(|k| k.label(app.lang)).collect::<Vec<_>>().join(" / "),
                b.label.text(app.lang),
            )
        })
        .collect();
    // One column while it fits the screen, two when it does not.
    let room = area.height.saturating_sub(5) as usize;
    let (columns, width) = if entries.len() <= room { (1, 64u16) } else { (2, area.width) };
    let per_column = entries.len().div_ceil(columns);
    let col_w = (width.saturating_sub(2) / columns as u16) as usize;
    let key_w = if columns == 1 { 18 } else { 12 };
    let cell = |i: usize| -> Vec<Span> {
        match entries.get(i) {
            Some((keys, label)) => {
                let label = crate::ui::widgets::fit::fit(label, col_w.saturating_sub(key_w + 2));
                let pad = col_w.saturating_sub(key_w + 2 + label.width());
                vec![
                    Span::styled(format!(" {keys:<key_w$} "), t.key()),
                    Span::raw(format!("{label}{}", " ".repeat(pad))),
                ]
            }
            None => Vec::new(),
        }
    };
    let mut lines: Vec<Line> = (0..per_column)
        .map(|row| {
            let mut spans = cell(row);
            if columns == 2 {
                spans.extend(cell(row + per_column));
            }
            Line::from(spans)
        })
        .collect();
    lines.push(Line::raw(""));
    let note = app.screen.page().and_then(|p| p.help_note());
    for l in
        note.map(|m| wrap(m.text(app.lang), width.saturating_sub(4) as usize)).unwrap_or_default()
    {
        lines.push(Line::from(Span::styled(format!(" {l}"), t.dim())));
    }
    lines.push(Line::from(Span::styled(format!(" {}", Msg::HelpClose.text(app.lang)), t.dim())));
    let h = (lines.len() as u16 + 2).min(area.height);
    let rect = centered(area, width, h);
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block(Msg::TitleHelp, t, app.lang)), rect);
}

/// What taking over another session's form means, with when that session started and when the
/// form was last typed in (local time).
fn take_over_question(
    o: &crate::store::drafts::Offered,
    lang: Lang,
    now: jiff::Timestamp,
) -> String {
    use crate::store::drafts::Holder;
    let at = |t: &str| crate::domain::time::show_db_near(t, now);
    let (msg, started) = match &o.holder {
        Holder::Idle { started } => (Msg::DraftTakeIdle, started),
        Holder::Left { started } | Holder::Busy { started } => (Msg::DraftTakeLeft, started),
        Holder::Mine => (Msg::DraftTakeLeft, &o.draft.updated_at),
    };
    fill(msg.text(lang), &[&at(started), &at(&o.draft.updated_at)])
}

fn confirm_overlay(frame: &mut Frame, area: Rect, app: &App, c: &Confirm) {
    let t = app.opts.theme;
    let question = match c {
        Confirm::Quit => Msg::ConfirmQuit.text(app.lang).to_string(),
        Confirm::Discard => Msg::ConfirmDiscard.text(app.lang).to_string(),
        Confirm::ToggleDisabled { disable: true, .. } => Msg::ConfirmDisable.text(app.lang).into(),
        Confirm::ToggleDisabled { disable: false, .. } => Msg::ConfirmEnable.text(app.lang).into(),
        Confirm::Retire => Msg::ConfirmRetire.text(app.lang).to_string(),
        Confirm::TakeOverDraft(o) => take_over_question(o, app.lang, app.now()),
    };
    let width = 60u16.min(area.width);
    let mut lines = vec![Line::raw("")];
    for row in crate::ui::widgets::wrap::wrap(&question, width.saturating_sub(4) as usize) {
        lines.push(Line::raw(format!(" {row}")));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        format!(" {}", crate::ui::keymap::hint(crate::ui::keymap::CONFIRM, app.lang)),
        t.key(),
    )));
    let rect = centered(area, width, (lines.len() as u16 + 3).min(area.height));
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(block(
            Msg::TitleConfirm,
            t,
            app.lang,
        )),
        rect,
    );
}
