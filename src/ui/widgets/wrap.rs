//! Breaking text into rows at word boundaries, for typing and for reading. A row never cuts a
//! word unless the word alone is wider than the row; a newline always starts a new row.
//! `rows` gives character ranges, so a cursor (a character index) can be placed on its row.

use std::ops::Range;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The rows of `text` at `width` columns, as character ranges into it. The space a row breaks
/// at belongs to no row; an empty text (or line) is one empty row.
pub fn rows(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut line_start = 0;
    for (i, c) in chars.iter().chain(std::iter::once(&'\n')).enumerate() {
        if *c != '\n' {
            continue;
        }
        let end = i;
        let mut pos = line_start;
        if pos == end {
            out.push(pos..pos);
        }
        while pos < end {
            let (mut w, mut j, mut space) = (0, pos, None);
            while j < end {
                let cw = chars[j].width().unwrap_or(0);
                if w + cw > width {
                    break;
                }
                if chars[j] == ' ' {
                    space = Some(j);
                }
                w += cw;
                j += 1;
            }
            if j >= end {
                out.push(pos..end);
                break;
            }
            if chars[j] == ' ' {
                // The row is full exactly before a space: break there.
                out.push(pos..j);
                pos = j + 1;
            } else if let Some(sp) = space.filter(|&sp| sp > pos) {
                out.push(pos..sp);
                pos = sp + 1;
            } else {
                // One word wider than the row: it is cut.
                out.push(pos..j.max(pos + 1));
                pos = j.max(pos + 1);
            }
            if pos == end && chars.get(pos - 1) == Some(&' ') {
                // A space typed at the very end starts the next row (where the cursor goes).
                out.push(pos..pos);
            }
        }
        line_start = i + 1;
    }
    out
}

/// The row and column (in characters) of a cursor at character `cursor`.
pub fn locate(rows: &[Range<usize>], cursor: usize) -> (usize, usize) {
    let row = rows
        .iter()
        .position(|r| r.start <= cursor && cursor <= r.end)
        .or_else(|| rows.iter().rposition(|r| r.start <= cursor))
        .unwrap_or(0);
    let start = rows.get(row).map_or(0, |r| r.start);
    (row, cursor.saturating_sub(start))
}

/// Break text into lines of at most `width` columns at spaces (a longer word is cut). An empty
/// text is no lines at all.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    if text.is_empty() {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().collect();
    rows(text, width).into_iter().map(|r| chars[r].iter().collect()).collect()
}

/// The display width of a row's text.
pub fn width_of(text: &str) -> usize {
    text.width()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, width: usize) -> Vec<String> {
        wrap(text, width)
    }

    #[test]
    fn rows_break_at_spaces_and_keep_every_word() {
        let t = "She stays with her aunt in Las Cruces; the safety plan is in the file.";
        let rows = texts(t, 20);
        assert!(rows.iter().all(|r| r.width() <= 20), "{rows:?}");
        assert_eq!(rows.join(" "), t, "nothing is lost");
        assert_eq!(rows[0], "She stays with her");
    }

    #[test]
    fn newlines_start_rows_and_long_words_are_cut() {
        assert_eq!(texts("a\n\nb", 10), ["a", "", "b"]);
        assert_eq!(texts("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert!(texts("", 5).is_empty());
        assert_eq!(rows("", 5), vec![Range { start: 0, end: 0 }]);
    }

    #[test]
    fn the_cursor_finds_its_row_and_column() {
        let t = "one two three";
        let r = rows(t, 8);
        assert_eq!(texts(t, 8), ["one two", "three"]);
        assert_eq!(locate(&r, 0), (0, 0));
        assert_eq!(locate(&r, 7), (0, 7));
        assert_eq!(locate(&r, 8), (1, 0));
        assert_eq!(locate(&r, 13), (1, 5));
        // A space typed at the end moves the cursor to a new row.
        let r = rows("one two ", 7);
        assert_eq!(locate(&r, 8), (1, 0));
    }

    #[test]
    fn wide_characters_count_their_columns() {
        let rows = texts("日本語のテキスト", 6);
        assert!(rows.iter().all(|r| r.width() <= 6), "{rows:?}");
    }
}
