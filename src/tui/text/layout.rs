//! Laying display text into lines: wrap and truncate in logical order, then shape,
//! reorder and right-align each line as the [`Rendering`] says.

use std::borrow::Cow;
use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

use super::detect::Rendering;
use super::{bidi, clean, truncate, width};

/// Highlighted byte ranges of a (shaped) text, drawn over the base style.
pub type Highlights = Vec<(Range<usize>, Style)>;

/// One line fitted to `cells`: cut with `…` at its logical end, in visual order,
/// right-aligned when it is right-to-left and newsdesk reorders.
pub fn line(text: &str, cells: usize, r: &Rendering, style: Style) -> Line<'static> {
    let text = clean(text);
    let shaped = shaped(&text, r);
    let cut = truncate(&shaped, cells);
    let rtl = bidi::is_rtl(&cut);
    build(&cut, 0..cut.len(), rtl, cells, r, style, &[])
}

/// Like [`line`], without the alignment: for text that follows other text on a row.
pub fn spans(text: &str, cells: usize, r: &Rendering, style: Style) -> Vec<Span<'static>> {
    let text = clean(text);
    let shaped = shaped(&text, r);
    let cut = truncate(&shaped, cells);
    let rtl = bidi::is_rtl(&cut);
    build(&cut, 0..cut.len(), rtl, 0, r, style, &[]).spans
}

/// A paragraph wrapped to `cells`, each line reordered with the paragraph's direction.
pub fn paragraph(
    text: &str,
    cells: usize,
    r: &Rendering,
    style: Style,
    highlight: &dyn Fn(&str) -> Highlights,
) -> Vec<Line<'static>> {
    let text = clean(text);
    let shaped = shaped(&text, r);
    let marks = highlight(&shaped);
    let rtl = bidi::is_rtl(&shaped);
    wrap(&shaped, cells)
        .into_iter()
        .map(|range| build(&shaped, range, rtl, cells, r, style, &marks))
        .collect()
}

fn shaped<'a>(text: &'a str, r: &Rendering) -> Cow<'a, str> {
    if r.shape {
        bidi::shape(text)
    } else {
        Cow::Borrowed(text)
    }
}

/// Spans for `text[range]` in screen order, styled per grapheme, padded on the
/// left to `cells` when right-aligned.
fn build(
    text: &str,
    range: Range<usize>,
    rtl: bool,
    cells: usize,
    r: &Rendering,
    style: Style,
    marks: &[(Range<usize>, Style)],
) -> Line<'static> {
    let slice = &text[range.clone()];
    let glyphs: Vec<(usize, Cow<str>)> = if r.reorder {
        bidi::visual(slice, rtl)
    } else {
        slice
            .grapheme_indices(true)
            .map(|(i, g)| (i, Cow::Borrowed(g)))
            .collect()
    };
    let style_at = |i: usize| {
        marks
            .iter()
            .find(|(m, _)| m.contains(&(range.start + i)))
            .map_or(style, |(_, s)| style.patch(*s))
    };
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut current: Option<(Style, String)> = None;
    for (i, g) in glyphs {
        let s = style_at(i);
        match &mut current {
            Some((cs, buf)) if *cs == s => buf.push_str(&g),
            _ => {
                if let Some((cs, buf)) = current.take() {
                    spans.push(Span::styled(buf, cs));
                }
                current = Some((s, g.into_owned()));
            }
        }
    }
    if let Some((cs, buf)) = current {
        spans.push(Span::styled(buf, cs));
    }
    if rtl && r.reorder && cells > 0 {
        let used = width(slice);
        spans.insert(0, Span::raw(" ".repeat(cells.saturating_sub(used))));
    }
    Line::from(spans)
}

/// Runs of white space and of everything else, with their offsets: a word keeps
/// its punctuation ("Sunday," never breaks before the comma). CJK text, written
/// without spaces, comes as long runs that [`wrap`] breaks between graphemes.
fn runs(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    std::iter::from_fn(move || {
        let rest = &text[start..];
        let first = rest.chars().next()?;
        let blank = first.is_whitespace();
        let len = rest
            .find(|c: char| c.is_whitespace() != blank)
            .unwrap_or(rest.len());
        let run = (start, &rest[..len]);
        start += len;
        Some(run)
    })
}

/// Byte ranges of `text` broken into lines of at most `cells`, at spaces where
/// possible, inside a word (between graphemes) where it is longer than a line.
pub fn wrap(text: &str, cells: usize) -> Vec<Range<usize>> {
    let cells = cells.max(1);
    let mut lines = Vec::new();
    let (mut start, mut end, mut used) = (0usize, 0usize, 0usize);
    for (i, word) in runs(text) {
        let w = width(word);
        let blank = word.trim().is_empty();
        if used + w <= cells || (blank && used > 0) {
            if !(blank && used == 0) {
                used += w;
                end = if blank { end } else { i + word.len() };
            }
            if used == w && !blank {
                start = i;
            }
            continue;
        }
        if used > 0 {
            lines.push(start..end);
        }
        if blank {
            used = 0;
            continue;
        }
        // A word longer than a line is cut between graphemes.
        start = i;
        used = 0;
        for (j, g) in word.grapheme_indices(true) {
            let gw = width(g);
            if used + gw > cells && used > 0 {
                lines.push(start..i + j);
                start = i + j;
                used = 0;
            }
            used += gw;
        }
        end = i + word.len();
    }
    if used > 0 {
        lines.push(start..end);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> Rendering {
        Rendering {
            reorder: true,
            shape: false,
            switch_off_terminal_bidi: true,
            summary: String::new(),
            links: false,
            links_auto: false,
        }
    }

    fn text(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn wraps_at_spaces_and_inside_long_words() {
        let t = "the quick brown fox";
        let lines: Vec<&str> = wrap(t, 10).into_iter().map(|r| &t[r]).collect();
        assert_eq!(lines, ["the quick", "brown fox"]);
        let t = "on Sunday, an attack";
        let lines: Vec<&str> = wrap(t, 9).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            lines,
            ["on", "Sunday,", "an attack"],
            "punctuation stays with its word"
        );
        let t = "abcdefghij xy";
        let lines: Vec<&str> = wrap(t, 4).into_iter().map(|r| &t[r]).collect();
        assert_eq!(lines, ["abcd", "efgh", "ij", "xy"]);
        for r in wrap("日本語のニュース記事です", 5) {
            assert!(width(&"日本語のニュース記事です"[r]) <= 5);
        }
    }

    #[test]
    fn rtl_lines_are_reordered_and_right_aligned() {
        let l = line("سلام world", 14, &app(), Style::new());
        assert_eq!(text(&l), "    world مالس");
        let l = line("hello", 10, &app(), Style::new());
        assert_eq!(text(&l), "hello");
    }

    #[test]
    fn truncated_rtl_puts_the_ellipsis_at_the_visual_left() {
        let l = line("سلام عليكم يا أصدقاء", 8, &app(), Style::new());
        let shown = text(&l);
        assert!(shown.starts_with('…'), "{shown:?}");
        assert_eq!(width(&shown), 8);
    }

    #[test]
    fn paragraph_lines_of_an_arabic_paragraph_keep_its_direction() {
        let lines = paragraph(
            "قال Joe إن العمل مستمر",
            12,
            &app(),
            Style::new(),
            &|_| Vec::new(),
        );
        let shown: Vec<String> = lines.iter().map(text).collect();
        assert_eq!(shown.len(), 2);
        assert!(shown.iter().all(|l| width(l) == 12), "{shown:?}");
        assert!(shown[0].ends_with("لاق"), "{shown:?}");
    }

    #[test]
    fn highlights_follow_their_graphemes_into_visual_order() {
        let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let lines = paragraph("قال «نعم» ثم", 20, &app(), Style::new(), &|t| {
            let start = t.find('«').unwrap_or(0);
            let end = t.find('»').map_or(0, |i| i + '»'.len_utf8());
            vec![(start..end, bold)]
        });
        let bolded: String = lines[0]
            .spans
            .iter()
            .filter(|s| s.style == bold)
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(bolded, "«معن»");
    }
}
