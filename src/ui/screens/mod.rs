//! Drawing: a pure function of the app's state. Each screen has its own file holding its state,
//! its actions and its drawing; this one lays out the frame around them.

pub mod agencies;
pub mod auth;
pub mod clients;
pub mod directory;
pub mod funds;
pub mod home;
pub mod records;
pub mod referrals;
pub mod reports;
pub mod screening;
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
use crate::ui::form::{Field, FieldKind, Form};
use crate::ui::theme::Theme;
pub use crate::ui::wrap::wrap;

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
    if let Some(page) = app.page() {
        page.draw(frame, body, t, app.lang);
    }

    status_line(frame, status, app);
    help_bar(frame, bar, app);
    match &app.overlay {
        Some(Overlay::Help) => help_overlay(frame, area, app),
        Some(Overlay::Confirm(c)) => confirm_overlay(frame, area, app, c),
        None => {}
    }
}

/// What the screen in front is, in the title bar's words.
pub fn screen_title(app: &App) -> Msg {
    app.page().map_or(Msg::AppName, |p| p.title())
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

/// A form in a bordered panel, with an optional dimmed line above it (what the form is about).
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
    let top = u16::from(note.is_some());
    if let Some(n) = note {
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {n}"), t.dim())),
            Rect { height: 1, ..inner },
        );
    }
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
    pager: &crate::ui::pager::Pager<T>,
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
        _ => app.screen_keymap().iter().collect(),
    };
    let entries: Vec<(String, &str)> = crate::ui::keymap::GLOBAL
        .iter()
        .chain(screen)
        .map(|b| {
            (
                b.keys.iter().map(|k| k.label()).collect::<Vec<_>>().join(" / "),
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
                let label: String = label.chars().take(col_w.saturating_sub(key_w + 2)).collect();
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
    lines.push(Line::from(Span::styled(format!(" {}", Msg::HelpClose.text(app.lang)), t.dim())));
    let h = (lines.len() as u16 + 2).min(area.height);
    let rect = centered(area, width, h);
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
        Confirm::Retire => Msg::ConfirmRetire,
    };
    let lines = vec![
        Line::raw(""),
        Line::raw(format!(" {}", question.text(app.lang))),
        Line::raw(""),
        Line::from(Span::styled(
            format!(" {}", crate::ui::keymap::hint(crate::ui::keymap::CONFIRM, app.lang)),
            t.key(),
        )),
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

/// Rows a field's value takes in a form `width` columns wide and `height` rows high: notes take
/// three, and while they are being typed or read (focused) they grow with their text, leaving
/// two rows of the form above them in view.
fn value_rows(f: &Field, focused: bool, (width, height): (u16, u16)) -> u16 {
    match &f.kind {
        FieldKind::Notes { value, .. } if focused => {
            let rows = crate::ui::wrap::rows(value, notes_text_width(width)).len() as u16;
            (rows + 1).clamp(NOTES_ROWS, height.saturating_sub(2).max(NOTES_ROWS))
        }
        FieldKind::Notes { .. } => NOTES_ROWS,
        _ => 1,
    }
}

const NOTES_ROWS: u16 = 3;

/// The columns notes wrap at, in a form `width` wide: the value column less its margin and one
/// column for the cursor after a full row.
fn notes_text_width(width: u16) -> usize {
    width.saturating_sub(LABEL_W + 2).saturating_sub(2).max(1) as usize
}
/// The label column; every form label fits in it, in both languages (a test checks).
pub const LABEL_W: u16 = 26;

/// Draw a form: a row a field (label, value), an error under a field that has one, the cursor
/// where the user types, and the list of a choice that is open. Long forms scroll to keep the
/// focused field in view.
pub fn draw_form(frame: &mut Frame, area: Rect, form: &Form, t: Theme, lang: Lang) {
    let heights: Vec<u16> = form
        .fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            value_rows(f, i == form.focus, (area.width, area.height))
                + f.error.as_deref().map_or(0, |e| error_lines(e, area.width).len()) as u16
        })
        .collect();
    // The first field shown: as early as possible while the focused one still fits.
    let mut first = 0;
    while first < form.focus && heights[first..=form.focus].iter().sum::<u16>() > area.height {
        first += 1;
    }
    let mut y = area.y;
    let mut popup_at = None;
    for (i, field) in form.fields.iter().enumerate().skip(first) {
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
            Rect { x: area.x, y, width: LABEL_W.min(area.width), height: 1 },
        );
        let vx = area.x + LABEL_W + 1;
        let vw = area.width.saturating_sub(LABEL_W + 2);
        let rows =
            value_rows(field, focused, (area.width, area.height)).min(area.y + area.height - y);
        let value_area = Rect { x: vx, y, width: vw, height: rows };
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
                    Rect { width: box_w + 2, height: 1, ..value_area },
                );
                if focused {
                    let before: String =
                        shown.chars().skip(skip as usize).take((cur - skip) as usize).collect();
                    frame.set_cursor_position(Position::new(vx + 1 + before.width() as u16, y));
                }
            }
            FieldKind::Notes { value, cursor, .. } => {
                let w = notes_text_width(area.width);
                if focused {
                    form.notes_width.set(w);
                }
                draw_notes(frame, value_area, (value, *cursor, w), focused, value_style, t);
            }
            FieldKind::Choice { options, selected, popup, .. } => {
                let text = match selected.and_then(|s| options.get(s)) {
                    Some(o) => o.1.clone(),
                    None if options.is_empty() => Msg::NoOptions.text(lang).to_string(),
                    None => Msg::ChooseOne.text(lang).to_string(),
                };
                let (l, r) = if t.ascii { ("<", ">") } else { ("◀", "▶") };
                frame.render_widget(
                    Paragraph::new(Span::styled(format!("{l} {text} {r}"), value_style)),
                    value_area,
                );
                if popup.is_some() {
                    popup_at = Some(y);
                }
            }
            FieldKind::Many { options, chosen, popup } => {
                let picked: Vec<&str> = options
                    .iter()
                    .zip(chosen)
                    .filter(|(_, c)| **c)
                    .map(|(o, _)| o.1.as_str())
                    .collect();
                let text = if picked.is_empty() {
                    Msg::ChooseAny.text(lang).to_string()
                } else {
                    picked.join(", ")
                };
                frame.render_widget(
                    Paragraph::new(Span::styled(format!("[{text}]"), value_style)),
                    value_area,
                );
                if popup.is_some() {
                    popup_at = Some(y);
                }
            }
        }
        y += rows;
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
    if let Some(fy) = popup_at {
        draw_popup(frame, area, fy, form.focused(), t, lang);
    }
}

/// Notes, wrapped at word boundaries: from their start, or (focused) the rows around the
/// cursor. A ':' in the margin says more text lies above or below.
fn draw_notes(
    frame: &mut Frame,
    area: Rect,
    (value, cursor, width): (&str, usize, usize),
    focused: bool,
    style: Style,
    t: Theme,
) {
    let chars: Vec<char> = value.chars().collect();
    let rows = crate::ui::wrap::rows(value, width);
    let (cur_row, _) = crate::ui::wrap::locate(&rows, cursor);
    let h = area.height as usize;
    let first = if focused { (cur_row + 1).saturating_sub(h) } else { 0 };
    for row in 0..h {
        let i = first + row;
        let text: String =
            rows.get(i).map(|r| chars[r.clone()].iter().collect()).unwrap_or_default();
        let more = (row == 0 && first > 0) || (row + 1 == h && i + 1 < rows.len());
        let margin = if more { Span::styled(":", t.key()) } else { Span::raw("|") };
        let pad = (width + 1).saturating_sub(text.width());
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                margin,
                Span::styled(format!("{text}{}", " ".repeat(pad)), style),
            ])),
            Rect { x: area.x, y: area.y + row as u16, width: area.width, height: 1 },
        );
    }
    if focused {
        let start = rows.get(cur_row).map_or(0, |r| r.start);
        let before: String =
            chars[start.min(chars.len())..cursor.min(chars.len())].iter().collect();
        let col = before.width().min(width) as u16;
        frame.set_cursor_position(Position::new(
            area.x + 1 + col,
            area.y + cur_row.saturating_sub(first) as u16,
        ));
    }
}

/// The open list of a choice, under its field (or above when there is no room).
fn draw_popup(frame: &mut Frame, area: Rect, field_y: u16, field: &Field, t: Theme, lang: Lang) {
    // The options, the ticks of a many-of field, and the highlighted row.
    type Open<'a> = (&'a [(String, String)], Option<&'a [bool]>, usize);
    let (options, marks, highlight): Open = match &field.kind {
        FieldKind::Choice { options, popup: Some(p), .. } => (options, None, p.highlight),
        FieldKind::Many { options, chosen, popup: Some(p) } => (options, Some(chosen), p.highlight),
        _ => return,
    };
    let h = (options.len() as u16 + 2).min(12);
    let below = area.y + area.height - (field_y + 1);
    let y = if below >= h { field_y + 1 } else { field_y.saturating_sub(h).max(area.y) };
    let rect = Rect {
        x: area.x + LABEL_W,
        y,
        width: area.width.saturating_sub(LABEL_W).min(48),
        height: h,
    };
    let inner_h = h.saturating_sub(2) as usize;
    let first = (highlight + 1).saturating_sub(inner_h);
    let lines: Vec<Line> = options
        .iter()
        .enumerate()
        .skip(first)
        .take(inner_h)
        .map(|(i, (_, label))| {
            let tick = match marks {
                Some(m) if m.get(i).copied().unwrap_or(false) => "[x] ",
                Some(_) => "[ ] ",
                None => "",
            };
            let mark = if i == highlight { t.marker() } else { " " };
            let text = format!("{mark}{tick}{label}");
            if i == highlight { Line::from(Span::styled(text, t.focus())) } else { Line::raw(text) }
        })
        .collect();
    let title = if marks.is_some() { Msg::PopupMany } else { Msg::PopupOne };
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block(title, t, lang)), rect);
}

/// A field's error, wrapped under it: "   ! " then the text, indented to match.
fn error_lines(error: &str, width: u16) -> Vec<String> {
    wrap(error, (width as usize).saturating_sub(6))
        .into_iter()
        .enumerate()
        .map(|(i, l)| format!("{}{l}", if i == 0 { "   ! " } else { "     " }))
        .collect()
}

/// Rows a form takes at this width: its fields' rows and their errors' lines.
pub fn form_height(form: &Form, width: u16) -> u16 {
    form.fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            value_rows(f, i == form.focus, (width, NOTES_ROWS))
                + f.error.as_deref().map_or(0, |e| error_lines(e, width).len()) as u16
        })
        .sum()
}
