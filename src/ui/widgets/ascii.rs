//! For a terminal without line drawing (a VT100 or VT220, or any terminal when the locale is not
//! UTF-8): after a frame is drawn, each cell whose symbol such a terminal cannot show is given
//! the ASCII character nearest in meaning. Every symbol replaced is one column wide and so is
//! its replacement, so every screen keeps its layout; letters (Spanish ones too) are left alone.
//! The stand-ins never take a meaning the console gives a character of its own (the directory
//! marks a service not reviewed in a year with "~", so a cut word ends in ".").

use ratatui::buffer::Buffer;

/// The ASCII stand-in for a drawing symbol, or None when `symbol` is not one.
pub fn plain(symbol: &str) -> Option<&'static str> {
    let mut chars = symbol.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else { return None };
    Some(match c {
        // Box drawing: light, heavy, double and rounded lines, corners and joins.
        '─' | '━' | '═' | '╌' | '┄' => "-",
        '│' | '┃' | '║' | '╎' | '┆' => "|",
        '┌' | '┐' | '└' | '┘' | '╭' | '╮' | '╯' | '╰' | '┏' | '┓' | '┗' | '┛' | '╔' | '╗' | '╚'
        | '╝' | '├' | '┤' | '┬' | '┴' | '┼' | '┣' | '┫' | '┳' | '┻' | '╋' | '╠' | '╣' | '╦'
        | '╩' | '╬' => "+",
        // Bars and blocks (the reports' charts, scroll bars).
        '█' | '▉' | '▊' | '▋' | '▌' | '▍' | '▎' | '▏' | '▇' | '▆' | '▅' | '▄' | '▀' | '▐' => {
            "#"
        }
        '▃' | '▂' | '▁' => "_",
        '░' | '▒' | '▓' => ":",
        // Markers, arrows and punctuation of the console's own.
        '▶' | '►' | '▸' | '→' | '»' => ">",
        '◀' | '◄' | '◂' | '←' | '«' => "<",
        '▲' | '↑' => "^",
        '▼' | '↓' => "v",
        '•' | '●' | '·' => "*",
        // A cut word reads as an abbreviation ("Línea de ayu."); "~" is the directory's mark.
        '…' => ".",
        '–' | '—' => "-",
        '“' | '”' => "\"",
        '‘' | '’' => "'",
        '✓' | '✔' => "v",
        _ => return None,
    })
}

/// Replace, in the whole frame, what a terminal without line drawing cannot show.
pub fn fold(buf: &mut Buffer) {
    for cell in &mut buf.content {
        if let Some(p) = plain(cell.symbol()) {
            cell.set_symbol(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn drawing_symbols_become_ascii_of_the_same_width_and_letters_stay() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        buf.set_string(0, 0, "┌─▶ Niño…·│", ratatui::style::Style::default());
        fold(&mut buf);
        let row: String = buf.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(row, "+-> Niño.*| ");
        for s in ["─", "╭", "█", "▁", "◀", "•", "…", "↓", "—"] {
            let p = plain(s).unwrap();
            assert!(p.is_ascii() && p.width() == s.width(), "{s} -> {p}");
        }
        assert_eq!(plain("ñ"), None);
        assert_eq!(plain("ab"), None);
    }
}
