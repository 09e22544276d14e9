//! Right-to-left on screen: visual order by grapheme (marks stay on their letter),
//! mirrored brackets, and joined Arabic letter forms for terminals that do not shape.

use std::borrow::Cow;
use std::sync::LazyLock;

use ar_reshaper::ArabicReshaper;
use ar_reshaper::prelude::LigatureNames;
use unicode_bidi::{BidiInfo, Level};
use unicode_segmentation::UnicodeSegmentation;

/// Is the paragraph this text starts right-to-left (its first strong letter)?
pub fn is_rtl(text: &str) -> bool {
    let info = BidiInfo::new(text, None);
    info.paragraphs.first().is_some_and(|p| p.level.is_rtl())
}

/// The graphemes of one display line in visual (left-to-right screen) order,
/// each with its byte offset in `text`. `rtl` sets the paragraph direction.
/// RTL runs are reversed grapheme by grapheme and their brackets mirrored.
pub fn visual(text: &str, rtl: bool) -> Vec<(usize, Cow<'_, str>)> {
    let graphemes: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
    let base = if rtl { Level::rtl() } else { Level::ltr() };
    let info = BidiInfo::new(text, Some(base));
    let Some(para) = info.paragraphs.first() else {
        return Vec::new();
    };
    if !info.has_rtl() {
        return graphemes
            .into_iter()
            .map(|(i, g)| (i, Cow::Borrowed(g)))
            .collect();
    }
    let levels = info.reordered_levels(para, para.range.clone());
    let grapheme_levels: Vec<Level> = graphemes.iter().map(|(i, _)| levels[*i]).collect();
    BidiInfo::reorder_visual(&grapheme_levels)
        .into_iter()
        .map(|k| {
            let (i, g) = graphemes[k];
            (
                i,
                if grapheme_levels[k].is_rtl() {
                    mirror(g)
                } else {
                    Cow::Borrowed(g)
                },
            )
        })
        .collect()
}

/// A bracket drawn in a right-to-left run faces the other way: `(` becomes `)`.
fn mirror(grapheme: &str) -> Cow<'_, str> {
    let mut chars = grapheme.chars();
    match (
        chars.next().and_then(unicode_bidi_mirroring::get_mirrored),
        chars.next(),
    ) {
        (Some(m), None) => Cow::Owned(m.to_string()),
        _ => Cow::Borrowed(grapheme),
    }
}

static RESHAPER: LazyLock<ArabicReshaper> = LazyLock::new(|| {
    let mut config = ar_reshaper::ReshaperConfig::default();
    // The Allah ligature is drawn wider than the one cell it is counted as.
    config.update_ligature(LigatureNames::ARABIC_LIGATURE_ALLAH, false);
    config.to_reshaper()
});

/// Arabic letters in their joined presentation forms (logical order kept), for
/// terminals that draw each letter isolated. Other text is unchanged.
pub fn shape(text: &str) -> Cow<'_, str> {
    if text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
        Cow::Owned(RESHAPER.reshape(text))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn screen(text: &str, rtl: bool) -> String {
        visual(text, rtl)
            .into_iter()
            .map(|(_, g)| g.into_owned())
            .collect()
    }

    #[test]
    fn arabic_is_reversed_by_grapheme_keeping_marks_on_their_letter() {
        assert_eq!(screen("سلام", true), "مالس");
        // Harakat stay after (on) their base letter.
        assert_eq!(screen("سَلام", true), "مالسَ");
    }

    #[test]
    fn latin_words_and_digits_inside_arabic_keep_their_order() {
        assert_eq!(
            screen("قال Joe Biden إن 2024 عام", true),
            "ماع 2024 نإ Joe Biden لاق"
        );
    }

    #[test]
    fn brackets_are_mirrored_in_rtl_runs() {
        assert_eq!(screen("(سلام)", true), "(مالس)");
        assert_eq!(screen("a (b) c", false), "a (b) c");
    }

    #[test]
    fn hebrew_and_ltr_paragraphs() {
        assert_eq!(screen("שלום", true), "םולש");
        assert_eq!(screen("news: سلام", false), "news: مالس");
        assert!(is_rtl("سلام world") && !is_rtl("world سلام"));
    }

    #[test]
    fn shaping_joins_letters_without_the_wide_allah_ligature() {
        let shaped = shape("سلام");
        assert_ne!(shaped, "سلام");
        assert!(
            shaped
                .chars()
                .all(|c| ('\u{FB50}'..='\u{FEFF}').contains(&c)),
            "{shaped:?}"
        );
        assert!(!shape("الله").contains('\u{FDF2}'));
        assert_eq!(shape("hello"), "hello");
    }
}
