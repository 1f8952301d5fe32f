//! Cleaning of text typed or pasted by users: control and bidirectional-override characters
//! are removed on the way in, and every text has a length cap.

/// Characters that change text direction or hide text: removed from every input.
fn is_bidi_control(c: char) -> bool {
    matches!(c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Zero-width and other invisible format characters that can disguise text.
fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// True when a character may be kept in single-line text.
pub fn allowed_char(c: char) -> bool {
    !c.is_control() && !is_bidi_control(c) && !is_invisible_format(c)
}

/// Clean one line of text: drop control, bidi and invisible characters (tabs and newlines become
/// spaces), trim the ends.
pub fn clean_line(input: &str) -> String {
    // Most text is printable ASCII, which has nothing to drop: only the ends are trimmed.
    if input.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return input.trim().to_string();
    }
    let mapped: String = input
        .chars()
        .map(|c| if c == '\t' || c == '\n' || c == '\r' { ' ' } else { c })
        .filter(|&c| allowed_char(c))
        .collect();
    mapped.trim().to_string()
}

/// The result of capping a text at `max` characters.
#[derive(Debug, PartialEq, Eq)]
pub enum Capped {
    Fits(String),
    TooLong { kept: String, max: usize },
}

/// Clean a line and apply its cap; a text over the cap is reported, not silently cut.
pub fn clean_capped(input: &str, max: usize) -> Capped {
    let clean = clean_line(input);
    if clean.chars().count() > max {
        Capped::TooLong { kept: clean.chars().take(max).collect(), max }
    } else {
        Capped::Fits(clean)
    }
}

/// Fold a user name to its stored form: lower case, no surrounding space.
pub fn fold_username(input: &str) -> String {
    clean_line(input).to_lowercase()
}

/// Lower case without Spanish accents, so "dona" finds "Doña Ana".
pub fn fold(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            other => other,
        })
        .collect()
}

/// The names in `names` close to `typed` (case and accents aside): one holds the other, or they
/// differ by a few letters. For "did you mean" messages; at most `max`, closest first.
pub fn close_names<'a>(typed: &str, names: &'a [String], max: usize) -> Vec<&'a str> {
    let t = fold(typed.trim());
    let mut scored: Vec<(usize, &str)> = names
        .iter()
        .filter_map(|n| {
            let f = fold(n);
            let d = edit_distance(&t, &f);
            let near = d <= (t.chars().count() / 3).max(2);
            (near || (!t.is_empty() && (f.contains(&t) || t.contains(&f))))
                .then_some((d, n.as_str()))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(max).map(|(_, n)| n).collect()
}

/// How many single-letter changes turn `a` into `b`.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(here + 1);
            prev = here;
        }
    }
    row[b.len()]
}

/// Text from a user or a file as a message quotes it: control and invisible characters shown
/// escaped (`\u{1b}`), so nothing quoted can act on the terminal.
pub fn escaped(s: &str) -> String {
    s.chars().flat_map(char::escape_debug).collect()
}

pub use crate::i18n::visible;

/// A spreadsheet cell that starts like a formula is written as text (a leading `'`), so no
/// spreadsheet runs what a file carries.
pub fn csv_safe(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_reaches_a_terminal_raw() {
        let hostile = "a\u{1b}]0;pwned\u{7}b\u{1b}]52;c;aGk=\u{7}\r\u{202e}x\ty\nz";
        let shown = visible(hostile);
        assert_eq!(shown, "a\\u{1b}]0;pwned\\u{7}b\\u{1b}]52;c;aGk=\\u{7}\\u{d}\\u{202e}x\ty\nz");
        assert!(!shown.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
        assert_eq!(visible("Doña Ana\tCounty\n"), "Doña Ana\tCounty\n");
    }

    #[test]
    fn close_names_catch_a_typo_an_accent_or_a_part() {
        let names: Vec<String> =
            ["Enlace Comunitario", "Albuquerque Police", "Las Cruces Police", "CYFD"]
                .map(String::from)
                .to_vec();
        assert_eq!(close_names("Enlace Comunitaro", &names, 3), ["Enlace Comunitario"]);
        assert_eq!(close_names("enlace", &names, 3), ["Enlace Comunitario"]);
        assert_eq!(close_names("Police", &names, 3).len(), 2);
        assert!(close_names("Haven House", &names, 3).is_empty());
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn removes_controls_and_bidi_overrides() {
        assert_eq!(clean_line("ab\u{202E}cd\u{1b}[31m\u{2066}e"), "abcd[31me");
        assert_eq!(clean_line("  two\twords\r\n"), "two words");
        assert_eq!(clean_line("zero\u{200B}width"), "zerowidth");
        assert_eq!(clean_line("José Ñandú"), "José Ñandú");
    }

    #[test]
    fn caps_count_characters_not_bytes() {
        assert_eq!(clean_capped("ñññ", 3), Capped::Fits("ñññ".into()));
        assert_eq!(clean_capped("abcd", 3), Capped::TooLong { kept: "abc".into(), max: 3 });
    }
}
