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

/// Whether a locale's text is UTF-8 ("C.UTF-8", "es_US.utf8").
pub fn utf8(locale: &str) -> bool {
    let l = locale.to_ascii_lowercase();
    l.contains("utf-8") || l.contains("utf8")
}

/// Whether a terminal type draws lines from UTF-8 text. The VT100 and VT220 families (and
/// their emulations set to those names) and a dumb terminal do not; xterm, screen, tmux, the
/// Linux console and PuTTY (`xterm`, `putty`) do. An unset TERM is taken as able.
pub fn line_drawing(term: &str) -> bool {
    let t = term.to_ascii_lowercase();
    !(t.starts_with("vt") || t == "dumb" || t == "ansi")
}

impl Theme {
    /// From the environment: NO_COLOR turns colour off; ASCII in place of line drawing comes
    /// with `--ascii`, a locale that is not UTF-8, or a terminal type without line drawing.
    pub fn from_env(force_ascii: bool) -> Theme {
        let var = |name: &str| std::env::var(name).unwrap_or_default();
        let no_color = !var("NO_COLOR").is_empty();
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].map(var).into_iter().find(|v| !v.is_empty());
        Theme {
            color: !no_color,
            ascii: force_ascii || !utf8(&locale.unwrap_or_default()) || !line_drawing(&var("TERM")),
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_drawing_follows_the_terminal_type_and_the_locale() {
        for term in ["xterm", "xterm-256color", "screen", "tmux-256color", "linux", "putty", ""] {
            assert!(line_drawing(term), "{term}");
        }
        for term in ["vt100", "vt220", "VT102", "dumb"] {
            assert!(!line_drawing(term), "{term}");
        }
        assert!(utf8("C.UTF-8") && utf8("es_US.utf8"));
        assert!(!utf8("C") && !utf8("en_US.ISO-8859-1") && !utf8(""));
    }
}
