//! Text matching on folded text: words, phrases, Arabic clitics, and regexes.

use memchr::memmem;
use regex::{Regex, RegexBuilder};

use crate::article::fold::{fold, without_prefixes};

/// The most bytes a compiled regex may take; bigger patterns are refused, not run.
pub const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// The most letters of the longest prefix in [`crate::article::fold::ARABIC_PREFIXES`].
const MAX_PREFIX_CHARS: usize = 4;

/// Folds text for matching (TEXT.md §4), drops invisible format characters (bidi
/// marks, zero-width joiners, soft hyphens) and collapses runs of whitespace to one
/// space, so phrases match across line breaks and double spaces.
pub fn fold_text(text: &str) -> String {
    let folded = fold(text);
    if is_tidy(&folded) {
        return folded;
    }
    let mut out = String::with_capacity(folded.len());
    let mut space = false;
    for c in folded.chars().filter(|c| !is_invisible(*c)) {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Whether [`fold_text`]'s clean-up would leave `text` as it is: no invisible
/// characters, no whitespace but single spaces between other characters. Read from
/// the bytes; only the lead bytes of the few blocks holding such characters are decoded.
fn is_tidy(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut space = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b' ' {
            if space {
                return false;
            }
            space = true;
            i += 1;
            continue;
        }
        space = false;
        if b < 0x80 {
            if b.is_ascii_whitespace() || b == 0x0B {
                return false;
            }
            i += 1;
            continue;
        }
        let len = match b {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        // U+0080–00BF (NEL, NBSP, soft hyphen), U+061C, U+1680–U+3000 and U+FEFF
        // live behind these lead bytes; every other sequence is a visible letter.
        let suspect = matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF)
            || (b == 0xD8 && bytes.get(i + 1) == Some(&0x9C));
        if suspect {
            let c = text[i..].chars().next().unwrap_or(' ');
            if c.is_whitespace() || is_invisible(c) {
                return false;
            }
        }
        i += len;
    }
    true
}

/// Format characters that change nothing a reader sees: pasted bidi marks and isolates,
/// zero-width (non-)joiners and spaces, word joiner, BOM, soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{061C}' | '\u{FEFF}')
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}')
}

/// A word or phrase, folded once, searched for in folded text.
#[derive(Debug, Clone)]
pub struct Needle {
    /// The folded text looked for.
    pub(super) text: String,
    /// Finds candidate positions fast (SIMD substring search).
    finder: memmem::Finder<'static>,
    pub(super) bounds: Bounds,
    /// Where a [`super::Prefilter`] records whether this needle matched an item.
    pub(super) slot: Option<usize>,
}

/// What must surround an occurrence for it to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct Bounds {
    /// The needle begins with a letter or digit, so needs a word start there.
    starts_alnum: bool,
    /// The match must end at a word end (phrases), not run into the word (words).
    whole: bool,
}

impl Bounds {
    /// Whether the occurrence at `start..end` of folded `text` counts: at a word start,
    /// or after an Arabic clitic prefix at a word start (`ادلب` in `بادلب`); and for a
    /// phrase, ending at a word end.
    pub(super) fn accept(self, text: &str, start: usize, end: usize) -> bool {
        let start_ok =
            !self.starts_alnum || at_word_start(text, start) || after_clitic(text, start);
        let end_ok = !self.whole || text[end..].chars().next().is_none_or(|c| !is_word_char(c));
        start_ok && end_ok
    }
}

impl Needle {
    /// A needle for the folded form of `text`; `None` if nothing is left to look for.
    pub fn new(text: &str, whole: bool) -> Option<Needle> {
        let folded = fold_text(text);
        let first = folded.chars().next()?;
        let last = folded.chars().next_back()?;
        Some(Needle {
            finder: memmem::Finder::new(folded.as_bytes()).into_owned(),
            text: folded,
            bounds: Bounds {
                starts_alnum: is_word_char(first),
                whole: whole && is_word_char(last),
            },
            slot: None,
        })
    }

    /// Whether the needle occurs in `text` (already folded) where [`Bounds::accept`] lets it.
    pub fn is_in(&self, text: &str) -> bool {
        self.find_in(text).is_some()
    }

    /// Where the needle first occurs in `text` (already folded), as [`Needle::is_in`] finds it.
    pub fn find_in(&self, text: &str) -> Option<std::ops::Range<usize>> {
        let mut from = 0;
        while let Some(i) = self.finder.find(&text.as_bytes()[from..]) {
            let (start, end) = (from + i, from + i + self.text.len());
            if self.bounds.accept(text, start, end) {
                return Some(start..end);
            }
            from = start + text[start..].chars().next().map_or(1, char::len_utf8);
        }
        None
    }
}

/// Letters and digits of any script make up words.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn at_word_start(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !is_word_char(c))
}

/// Whether `at` follows a clitic prefix that starts its word, leaving a stem that
/// [`without_prefixes`] accepts.
fn after_clitic(text: &str, at: usize) -> bool {
    let mut start = at;
    for (n, (i, c)) in text[..at].char_indices().rev().enumerate() {
        if !is_word_char(c) {
            break;
        }
        if n == MAX_PREFIX_CHARS {
            return false;
        }
        start = i;
    }
    if start == at {
        return false;
    }
    let end = text[at..]
        .find(|c: char| !is_word_char(c))
        .map_or(text.len(), |i| at + i);
    without_prefixes(&text[start..end]).any(|stem| stem.len() == end - at)
}

/// Compiles a user regex with a size cap. Folded: its non-ASCII letters are folded like
/// the text (ASCII is left alone so `\D`, `\W`, `\p{…}` keep their meaning) and it
/// ignores case; raw: exactly as written.
pub fn compile_regex(pattern: &str, raw: bool) -> Result<Regex, String> {
    let pattern = if raw {
        pattern.to_string()
    } else {
        fold_regex(pattern)
    };
    RegexBuilder::new(&pattern)
        .case_insensitive(!raw)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_SIZE_LIMIT)
        .build()
        .map_err(|err| match err {
            regex::Error::CompiledTooBig(limit) => {
                format!("regex too big (over {limit} bytes compiled)")
            }
            other => {
                let text = other.to_string();
                let last = text
                    .lines()
                    .rev()
                    .find(|l| !l.trim().is_empty())
                    .unwrap_or("invalid");
                format!("bad regex: {}", last.trim().trim_start_matches("error: "))
            }
        })
}

/// Folds each run of non-ASCII characters of a pattern (always literals there) and
/// escapes the result, in case folding produced ASCII punctuation (fullwidth `（`).
fn fold_regex(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut run = String::new();
    for c in pattern.chars() {
        if c.is_ascii() {
            if !run.is_empty() {
                out.push_str(&fold_run(&run));
                run.clear();
            }
            out.push(c);
        } else {
            run.push(c);
        }
    }
    if !run.is_empty() {
        out.push_str(&fold_run(&run));
    }
    out
}

/// A folded, escaped literal run of a pattern.
fn fold_run(run: &str) -> String {
    let folded: String = fold(run).chars().filter(|c| !is_invisible(*c)).collect();
    regex::escape(&folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Letters that fold, letters that do not, spaces of every kind, invisible marks.
    const ALPHABET: &[char] = &[
        'a', 'B', 'é', 'إ', 'ا', 'ة', 'ى', 'ـ', '\u{064E}', 'و', '\u{0654}', '中', '…', ' ',
        '\u{00A0}', '\n', '\t', '\u{3000}', '\u{200B}', '\u{200F}', '\u{061C}', '\u{FEFF}',
        '\u{00AD}', '“', '7', 'Ⅻ',
    ];

    /// The clean-up [`fold_text`] does, the plain way: the reference for its fast path.
    fn reference(text: &str) -> String {
        let folded = fold(text);
        let visible: String = folded.chars().filter(|c| !is_invisible(*c)).collect();
        visible.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    proptest::proptest! {
        #[test]
        fn fold_text_equals_the_plain_reference(
            picks in proptest::collection::vec(0..ALPHABET.len(), 0..40)
        ) {
            let text: String = picks.iter().map(|&i| ALPHABET[i]).collect();
            proptest::prop_assert_eq!(fold_text(&text), reference(&text));
        }
    }

    #[test]
    fn max_prefix_chars_matches_the_prefix_list() {
        let longest = crate::article::fold::ARABIC_PREFIXES
            .iter()
            .map(|p| p.chars().count())
            .max();
        assert_eq!(longest, Some(MAX_PREFIX_CHARS));
    }

    #[test]
    fn words_match_at_word_starts_and_after_clitics() {
        let idlib = Needle::new("ادلب", false).expect("needle");
        assert!(idlib.is_in(&fold_text("قصف في إدلب اليوم")));
        assert!(idlib.is_in(&fold_text("قصف بإدلب")));
        assert!(idlib.is_in(&fold_text("وبالإدلب")));
        assert!(idlib.is_in(&fold_text("الإدلبيون")));
        assert!(!idlib.is_in(&fold_text("مادلب")));
        let syria = Needle::new("Syria", false).expect("needle");
        assert!(syria.is_in(&fold_text("Syrian forces")));
        assert!(!syria.is_in(&fold_text("AsSyria")));
    }

    #[test]
    fn phrases_need_whole_words() {
        let phrase = Needle::new("في  إدلب", true).expect("needle");
        assert!(phrase.is_in(&fold_text("قصف في\nادلب.")));
        assert!(!phrase.is_in(&fold_text("قصف في ادلبي")));
        let word = Needle::new("ادلب", true).expect("needle");
        assert!(word.is_in(&fold_text("بإدلب")));
        assert!(Needle::new("\u{064E}", true).is_none());
        let joined = Needle::new("می\u{200C}خواهم", true).expect("needle");
        assert!(joined.is_in(&fold_text("\u{200F}میخواهم\u{200F}")));
    }

    #[test]
    fn regexes_fold_arabic_but_keep_ascii_escapes() {
        let re = compile_regex(r"إدلب\W+\d", false).expect("regex");
        assert!(re.is_match(&fold_text("ادلب: 5")));
        assert!(
            compile_regex("ادل\u{200F}ب", false)
                .expect("regex")
                .is_match("ادلب")
        );
        let raw = compile_regex("إدلب", true).expect("regex");
        assert!(!raw.is_match(&fold_text("إدلب")));
        assert!(compile_regex("(", false).is_err());
        assert!(
            compile_regex(r"\w{1000}\w{1000}", false)
                .expect_err("too big")
                .contains("too big")
        );
    }
}
