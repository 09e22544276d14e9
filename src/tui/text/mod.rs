//! Display text: sanitised, measured per grapheme, truncated without splitting one,
//! wrapped, and put in visual order for right-to-left scripts.

pub mod bidi;
pub mod detect;
pub mod layout;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Text safe for the terminal: no escape sequences, controls or bidi overrides.
pub fn clean(text: &str) -> String {
    let cleaned = crate::article::decode::sanitize(text);
    cleaned.replace('\n', " ")
}

/// Cells a string takes, as the buffer draws it: the sum over graphemes
/// (`Line::width` counts lam-alef as one cell; two are drawn).
pub fn width(text: &str) -> usize {
    text.graphemes(true).map(grapheme_width).sum()
}

fn grapheme_width(g: &str) -> usize {
    // A grapheme is drawn in one or two cells; zero-width ones still take a cell
    // when they begin a cluster (ratatui draws them on their base).
    g.width().clamp(
        if g.chars().next().is_some_and(char::is_control) {
            0
        } else {
            1
        },
        2,
    )
}

/// Cuts text to at most `max` cells, ending with `…` when cut; never splits a grapheme.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = grapheme_width(g);
        if used + w > max - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// Pads with spaces to exactly `cells` (truncating first if longer).
pub fn fit(text: &str, cells: usize) -> String {
    let mut out = truncate(text, cells);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_per_grapheme() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("سلام"), 4, "lam-alef is two cells");
        assert_eq!(width("日本"), 4);
        assert_eq!(width("👨‍👩‍👧"), 2);
        assert_eq!(width("e\u{301}"), 1);
    }

    #[test]
    fn truncation_never_splits_a_grapheme_at_any_width() {
        let samples = [
            "سَلامٌ عليكم يا أصدقاء",
            "日本語のニュース記事",
            "👨‍👩‍👧 family news 🇸🇾",
            "e\u{301}e\u{301}e\u{301} accents",
        ];
        for text in samples {
            let graphemes: Vec<&str> = text.graphemes(true).collect();
            for max in 1..=40 {
                let cut = truncate(text, max);
                assert!(width(&cut) <= max, "{text:?} at {max}: {cut:?}");
                let kept = cut.trim_end_matches('…');
                assert!(text.starts_with(kept));
                assert!(
                    kept.is_empty()
                        || graphemes
                            .iter()
                            .scan(0, |n, g| {
                                *n += g.len();
                                Some(*n)
                            })
                            .any(|n| n == kept.len()),
                    "split inside a grapheme: {cut:?}"
                );
            }
        }
    }

    #[test]
    fn clean_removes_escapes() {
        assert_eq!(clean("a\x1b[2Jb\u{202E}c\nd"), "abc d");
    }
}
