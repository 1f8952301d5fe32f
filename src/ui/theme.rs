//! Styles that stay readable without colour: focus and errors use reverse video, bold and a
//! marker character; colour, when allowed, is one of the 16 named ANSI colours only.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub ascii: bool,
}

/// Borders for PuTTY and the Linux console when the locale is not UTF-8.
pub const ASCII_BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

impl Theme {
    /// From the environment: NO_COLOR turns colour off; a non-UTF-8 locale (or `--ascii`) turns
    /// on ASCII borders.
    pub fn from_env(force_ascii: bool) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .unwrap_or_default()
            .to_ascii_lowercase();
        let utf8 = locale.contains("utf-8") || locale.contains("utf8");
        Theme { color: !no_color, ascii: force_ascii || !utf8 }
    }

    pub fn border(self) -> border::Set<'static> {
        if self.ascii { ASCII_BORDER } else { border::PLAIN }
    }

    /// The marker before the focused row or field.
    pub fn marker(self) -> &'static str {
        if self.ascii { ">" } else { "▶" }
    }

    /// Between the program's name and the screen's in the title bar.
    pub fn separator(self) -> &'static str {
        if self.ascii { "-" } else { "·" }
    }

    /// A masked PIN digit.
    pub fn bullet(self) -> &'static str {
        if self.ascii { "*" } else { "•" }
    }

    pub fn title(self) -> Style {
        let s = Style::default().add_modifier(Modifier::BOLD);
        if self.color { s.fg(Color::Cyan) } else { s }
    }

    pub fn focus(self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    pub fn error(self) -> Style {
        let s = Style::default().add_modifier(Modifier::BOLD);
        if self.color { s.fg(Color::Red) } else { s }
    }

    pub fn ok(self) -> Style {
        let s = Style::default().add_modifier(Modifier::BOLD);
        if self.color { s.fg(Color::Green) } else { s }
    }

    pub fn dim(self) -> Style {
        if self.color { Style::default().fg(Color::DarkGray) } else { Style::default() }
    }

    pub fn key(self) -> Style {
        let s = Style::default().add_modifier(Modifier::BOLD);
        if self.color { s.fg(Color::Yellow) } else { s }
    }

    pub fn bar(self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }
}
