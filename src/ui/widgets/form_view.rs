//! Drawing a form: a row a field (label, value), an error under a field that has one, the cursor
//! where the user types, notes wrapped and growing while in use, and the list of a choice.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::i18n::{Lang, Msg};
use crate::ui::screens::block;
use crate::ui::theme::Theme;
use crate::ui::widgets::fit::fit;
use crate::ui::widgets::form::{Field, FieldKind, Form};
use crate::ui::widgets::wrap::wrap;

/// Rows a field's value takes in a form `width` columns wide and `height` rows high: notes take
/// three, and while they are being typed or read (focused) they grow with their text, leaving
/// two rows of the form above them in view.
fn value_rows(f: &Field, focused: bool, (width, height): (u16, u16)) -> u16 {
    match &f.kind {
        FieldKind::Notes { value, .. } if focused => {
            let rows = crate::ui::widgets::wrap::rows(value, notes_text_width(width)).len() as u16;
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
                // Away from the cursor, a value longer than its box ends in "…".
                let visible: String = if focused {
                    shown.chars().skip(skip as usize).collect()
                } else {
                    crate::ui::widgets::fit::fit(&shown, box_w as usize)
                };
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
                let text = fit(&text, (value_area.width as usize).saturating_sub(4));
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
                let text = fit(&text, (value_area.width as usize).saturating_sub(2));
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
    let rows = crate::ui::widgets::wrap::rows(value, width);
    let (cur_row, _) = crate::ui::widgets::wrap::locate(&rows, cursor);
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
            let text = fit(&format!("{mark}{tick}{label}"), rect.width.saturating_sub(2) as usize);
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
