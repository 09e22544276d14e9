//! Matching-only normalisation (TEXT.md §4): never used for display.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds text for matching: NFKC, lower case, no combining marks (harakat),
/// no tatweel, one alef, and the light Arabic folds ى→ي and ة→ه.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfkc() {
        if is_combining_mark(c) || c == '\u{0640}' {
            continue;
        }
        match c {
            'إ' | 'أ' | 'آ' | 'ٱ' => out.push('ا'),
            'ى' => out.push('ي'),
            'ة' => out.push('ه'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Arabic clitic prefixes a word may carry (longest first): `بإدلب` is `إدلب`.
pub const ARABIC_PREFIXES: &[&str] = &[
    "وبال", "وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب", "ك", "ل",
];

/// The forms of a folded word with each known clitic prefix removed, keeping at
/// least three letters of stem.
pub fn without_prefixes(word: &str) -> impl Iterator<Item = &str> {
    ARABIC_PREFIXES.iter().filter_map(move |p| {
        let rest = word.strip_prefix(p)?;
        (rest.chars().count() >= 3).then_some(rest)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_alef_harakat_tatweel_and_case() {
        assert_eq!(fold("إدلب"), "ادلب");
        assert_eq!(fold("سُورِيَا"), "سوريا");
        assert_eq!(fold("عـــاجل"), "عاجل");
        assert_eq!(fold("Idlib"), "idlib");
        assert_eq!(fold("سورية"), "سوريه");
        assert_eq!(fold("ﻻ"), "لا");
    }

    #[test]
    fn strips_clitic_prefixes() {
        let forms: Vec<_> = without_prefixes("بادلب").collect();
        assert!(forms.contains(&"ادلب"));
        assert!(without_prefixes("في").next().is_none());
    }
}
