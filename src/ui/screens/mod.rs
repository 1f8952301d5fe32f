//! Drawing: a pure function of the app's state. Each screen has its own file holding its state,
//! its actions and its drawing; this one lays out the frame around them.

pub mod agencies;
pub mod auth;
pub mod home;
pub mod settings;
pub mod staff;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::i18n::{Lang, Msg, fill};
use crate::ui::app::{App, Confirm, Overlay, Screen};
use crate::ui::form::{FieldKind, Form};
use crate::ui::theme::Theme;

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

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
    let [top, body, status, bar] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    title_bar(frame, top, app);
    let t = app.opts.theme;
    match &app.screen {
        Screen::FirstRun(f) => auth::draw_first_run(frame, body, f, t, app.lang),
        Screen::Login(f) => auth::draw_login(frame, body, f, t, app.lang),
        Screen::Locked(f) => auth::draw_locked(frame, body, f, t, app.lang),
        Screen::ChangePin { form, forced } => {
            auth::draw_change_pin(frame, body, form, *forced, t, app.lang)
        }
        Screen::Home { selected } => home::draw(frame, body, app, *selected),
        Screen::Staff(s) => staff::draw(frame, body, s, t, app.lang),
        Screen::Agencies(a) => agencies::draw(frame, body, a, t, app.lang),
        Screen::Settings(f) => settings::draw(frame, body, f, t, app.lang),
        Screen::Hidden => {}
    }
    status_line(frame, status, app);
    help_bar(frame, bar, app);
    match &app.overlay {
        Some(Overlay::Help) => help_overlay(frame, area, app),
        Some(Overlay::Confirm(c)) => confirm_overlay(frame, area, app, c),
        None => {}
    }
}

fn screen_title(app: &App) -> Msg {
    match &app.screen {
        Screen::FirstRun(_) => Msg::TitleFirstRun,
        Screen::Login(_) => Msg::TitleLogin,
        Screen::Locked(_) => Msg::TitleLocked,
        Screen::ChangePin { .. } => Msg::TitleChangePin,
        Screen::Home { .. } => Msg::TitleHome,
        Screen::Staff(s) => s.title(),
        Screen::Agencies(a) => a.title(),
        Screen::Settings(_) => Msg::TitleSettings,
        Screen::Hidden => Msg::AppName,
    }
}

fn title_bar(frame: &mut Frame, area: Rect, app: &App) {
    let t = app.opts.theme;
    let left = format!(
        " {} {} {}",
        Msg::AppName.text(app.lang),
        t.separator(),
        screen_title(app).text(app.lang)
    );
    let right = match &app.session {
        Some(s) if !matches!(app.screen, Screen::Locked(_)) => format!("{} ", s.user.display_name),
        _ => String::new(),
    };
    let pad = (area.width as usize).saturating_sub(left.width() + right.width());
    let line = Line::from(vec![
        Span::styled(left, t.title()),
        Span::raw(" ".repeat(pad)),
        Span::raw(right),
    ]);
    frame.render_widget(Paragraph::new(line).style(t.bar()), area);
}

fn status_line(frame: &mut Frame, area: Rect, app: &App) {
    let t = app.opts.theme;
    let notice = app.form().and_then(|f| f.notice.clone());
    let (text, error) = match (notice, &app.status) {
        (Some(n), _) => (n, true),
        (None, Some(s)) => (s.text.clone(), s.error),
        (None, None) => return,
    };
    let line = if error {
        Line::from(Span::styled(format!(" ! {text}"), t.error()))
    } else {
        Line::from(Span::styled(format!(" {text}"), t.ok()))
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// The one-line help: the bindings of the screen in front that are marked for the bar.
fn help_bar(frame: &mut Frame, area: Rect, app: &App) {
    let t = app.opts.theme;
    let mut spans = Vec::new();
    let mut width = 0usize;
    for b in app.keymaps().iter().flat_map(|m| m.iter()).filter(|b| b.bar) {
        let key = b.keys[0].label();
        let label = b.label.text(app.lang);
        let w = key.width() + label.width() + 3;
        if width + w > area.width as usize {
            break;
        }
        width += w;
        spans.push(Span::styled(format!(" {key}"), t.key()));
        spans.push(Span::raw(format!(" {label} ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Break text into lines of at most `width` columns at spaces (a longer word is cut).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let sep = usize::from(!line.is_empty());
        if line.width() + sep + word.width() > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        while line.width() > width {
            let cut: String = line.chars().take(width).collect();
            line = line.chars().skip(cut.chars().count()).collect();
            lines.push(cut);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
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
    Block::default()
        .borders(Borders::ALL)
        .border_set(t.border())
        .title(Span::styled(format!(" {} ", title.text(lang)), t.title()))
}

fn help_overlay(frame: &mut Frame, area: Rect, app: &App) {
    let t = app.opts.theme;
    let mut lines = Vec::new();
    for b in crate::ui::keymap::GLOBAL.iter().chain(app.screen_keymap().iter()) {
        let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
        lines.push(Line::from(vec![
            Span::styled(format!(" {:<18}", keys.join(" / ")), t.key()),
            Span::raw(b.label.text(app.lang)),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(format!(" {}", Msg::HelpClose.text(app.lang)), t.dim())));
    let h = (lines.len() as u16 + 2).min(area.height);
    let rect = centered(area, 64, h);
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block(Msg::TitleHelp, t, app.lang)), rect);
}

fn confirm_overlay(frame: &mut Frame, area: Rect, app: &App, c: &Confirm) {
    let t = app.opts.theme;
    let question = match c {
        Confirm::Quit => Msg::ConfirmQuit,
        Confirm::Discard => Msg::ConfirmDiscard,
        Confirm::ToggleDisabled { disable: true, .. } => Msg::ConfirmDisable,
        Confirm::ToggleDisabled { disable: false, .. } => Msg::ConfirmEnable,
    };
    let lines = vec![
        Line::raw(""),
        Line::raw(format!(" {}", question.text(app.lang))),
        Line::raw(""),
        Line::from(Span::styled(format!(" {}", Msg::ConfirmKeys.text(app.lang)), t.key())),
    ];
    let rect = centered(area, 60, 7);
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

/// Draw a form: one row a field (label, value), an error row under a field that has one, and
/// the cursor where the user types.
pub fn draw_form(frame: &mut Frame, area: Rect, form: &Form, t: Theme, lang: Lang) {
    let label_w: u16 = 24;
    let mut y = area.y;
    for (i, field) in form.fields.iter().enumerate() {
        if y >= area.y + area.height {
            break;
        }
        let focused = i == form.focus;
        let marker = if focused { t.marker() } else { " " };
        let req = if field.required { "*" } else { " " };
        let label = format!("{marker}{req}{}", field.label.text(lang));
        let label_style =
            if focused { Style::default().add_modifier(Modifier::BOLD) } else { Style::default() };
        frame.render_widget(
            Paragraph::new(Span::styled(label, label_style)),
            Rect { x: area.x, y, width: label_w.min(area.width), height: 1 },
        );
        let vx = area.x + label_w + 1;
        let vw = area.width.saturating_sub(label_w + 2);
        let value_area = Rect { x: vx, y, width: vw, height: 1 };
        let value_style = if focused { t.focus() } else { Style::default() };
        match &field.kind {
            FieldKind::Text { value, cursor, masked, max, .. } => {
                let shown: String = if *masked {
                    t.bullet().repeat(value.chars().count())
                } else {
                    value.to_string()
                };
                let box_w = ((*max as u16) + 1).min(vw.saturating_sub(2)).max(1);
                // Keep the cursor in view: scroll long text to the left.
                let cur = *cursor as u16;
                let skip = cur.saturating_sub(box_w.saturating_sub(1));
                let visible: String = shown.chars().skip(skip as usize).collect();
                let pad = (box_w as usize).saturating_sub(visible.width());
                frame.render_widget(
                    Paragraph::new(Line::from(vec![
                        Span::raw("["),
                        Span::styled(format!("{visible}{}", " ".repeat(pad)), value_style),
                        Span::raw("]"),
                    ])),
                    Rect { width: box_w + 2, ..value_area },
                );
                if focused {
                    let before: String =
                        shown.chars().skip(skip as usize).take((cur - skip) as usize).collect();
                    frame.set_cursor_position(Position::new(vx + 1 + before.width() as u16, y));
                }
            }
            FieldKind::Choice { options, selected, .. } => {
                let text = options.get(*selected).cloned().unwrap_or_default();
                let (l, r) = if t.ascii { ("<", ">") } else { ("◀", "▶") };
                frame.render_widget(
                    Paragraph::new(Span::styled(format!("{l} {text} {r}"), value_style)),
                    value_area,
                );
            }
        }
        y += 1;
        for line in field.error.iter().flat_map(|e| error_lines(e, area.width)) {
            if y >= area.y + area.height {
                break;
            }
            frame.render_widget(
                Paragraph::new(Span::styled(line, t.error())),
                Rect { x: area.x, y, width: area.width, height: 1 },
            );
            y += 1;
        }
    }
}

/// A field's error, wrapped under it: "   ! " then the text, indented to match.
fn error_lines(error: &str, width: u16) -> Vec<String> {
    wrap(error, (width as usize).saturating_sub(6))
        .into_iter()
        .enumerate()
        .map(|(i, l)| format!("{}{l}", if i == 0 { "   ! " } else { "     " }))
        .collect()
}

/// Rows a form takes at this width: one per field and one per line of its error.
pub fn form_height(form: &Form, width: u16) -> u16 {
    form.fields
        .iter()
        .map(|f| 1 + f.error.as_deref().map_or(0, |e| error_lines(e, width).len()) as u16)
        .sum()
}
