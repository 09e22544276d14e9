//! The short summary: the first sentences of the running text (lead-k), capped.

use super::scan::{ByteSet, byte_set, next_in};

/// How many sentences a summary takes, at most.
pub const SENTENCES: usize = 3;
/// How many characters a summary takes, at most.
pub const MAX_CHARS: usize = 420;

/// Lead-k: the first sentences of the paragraphs, within the cap.
pub fn summarize<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (taken, sentence) in paragraphs
        .into_iter()
        .flat_map(sentence_iter)
        .take(SENTENCES)
        .enumerate()
    {
        let needed = out.chars().count() + sentence.chars().count() + 1;
        if taken > 0 && needed > MAX_CHARS {
            break;
        }
        // CJK sentences follow each other without a space.
        if !out.is_empty() && !out.ends_with(['。', '！', '？']) {
            out.push(' ');
        }
        out.push_str(sentence);
    }
    truncate_chars(&out, MAX_CHARS)
}

/// Splits text after sentence-final punctuation, keeping common abbreviations whole.
pub fn sentences(text: &str) -> Vec<&str> {
    sentence_iter(text).collect()
}

/// The sentences of `text` one at a time, so a summary reads no further than it takes.
fn sentence_iter(text: &str) -> impl Iterator<Item = &str> {
    let (mut start, mut from) = (0, 0);
    std::iter::from_fn(move || {
        while let Some((i, c)) = next_end(text, from) {
            let cjk_end = matches!(c, '。' | '！' | '？');
            // Let closing quotes and brackets stay with their sentence.
            let mut stop = i + c.len_utf8();
            let mut after = text[stop..].chars();
            let next = loop {
                match after.next() {
                    Some(q) if matches!(q, '”' | '»' | '"' | ')' | '’' | '」' | '.') => {
                        stop += q.len_utf8();
                    }
                    other => break other,
                }
            };
            from = stop;
            let at_space = next.is_none_or(char::is_whitespace);
            if (at_space || cjk_end) && !is_abbreviation(&text[start..i]) {
                let sentence = text[start..stop].trim();
                start = stop;
                if !sentence.is_empty() {
                    return Some(sentence);
                }
            }
        }
        let last = text[start..].trim();
        start = text.len();
        (!last.is_empty()).then_some(last)
    })
}

/// Bytes a sentence end can hold: `.` `!` `?`, the lead bytes of `…` `。` `！` `？`
/// (E2, E3, EF) and the second byte of `؟` (D8 9F); Arabic letters share its lead byte.
const END_BYTES: ByteSet = byte_set(&[
    (b'!', b'!'),
    (b'.', b'.'),
    (b'?', b'?'),
    (0x9F, 0x9F),
    (0xE2, 0xE3),
    (0xEF, 0xEF),
]);

/// The next sentence-final mark at or after byte `from` (a character boundary).
fn next_end(text: &str, from: usize) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut i = from;
    loop {
        i = next_in(bytes, i, &END_BYTES);
        if i >= bytes.len() {
            return None;
        }
        let at = if bytes[i] == 0x9F {
            i.saturating_sub(1).max(from)
        } else {
            i
        };
        // Not a boundary (0x9F inside a longer character) or not a mark: go on.
        match text.get(at..).and_then(|t| t.chars().next()) {
            Some(c @ ('.' | '!' | '?' | '؟' | '…' | '。' | '！' | '？')) => {
                return Some((at, c));
            }
            _ => i += 1,
        }
    }
}

fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    const ABBR: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Gov", "Sen", "Rep", "Prof", "vs", "etc",
        "No", "Inc", "Co", "U.S", "U.K", "U.N",
    ];
    ABBR.contains(&word) || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

/// Cuts `text` to `max` characters at a word boundary, ending with an ellipsis.
pub fn truncate_chars(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let at_word = cut
        .rfind(char::is_whitespace)
        .filter(|&i| i > cut.len() / 2)
        .unwrap_or(cut.len());
    format!("{}…", cut[..at_word].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences_in_several_scripts() {
        assert_eq!(
            sentences("Mr. Smith left. He returned! Why?"),
            ["Mr. Smith left.", "He returned!", "Why?"]
        );
        assert_eq!(
            sentences("قال الوزير إن العمل مستمر. وأضاف: «لن نتوقف». هل ينجح؟"),
            [
                "قال الوزير إن العمل مستمر.",
                "وأضاف: «لن نتوقف».",
                "هل ينجح؟"
            ]
        );
        assert_eq!(
            sentences("预算通过了。议会休会。"),
            ["预算通过了。", "议会休会。"]
        );
        assert_eq!(
            sentences("He said “Stop.” Then he left."),
            ["He said “Stop.”", "Then he left."]
        );
    }

    /// The splitter as first written, character by character: the reference.
    fn reference(text: &str) -> Vec<&str> {
        let (mut out, mut start) = (Vec::new(), 0);
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let cjk_end = matches!(c, '。' | '！' | '？');
            if !(matches!(c, '.' | '!' | '?' | '؟' | '…') || cjk_end) {
                continue;
            }
            let mut stop = i + c.len_utf8();
            while let Some(&(j, q)) = chars.peek() {
                if !matches!(q, '”' | '»' | '"' | ')' | '’' | '」' | '.') {
                    break;
                }
                stop = j + q.len_utf8();
                chars.next();
            }
            let at_space = chars.peek().is_none_or(|&(_, n)| n.is_whitespace());
            if (at_space || cjk_end) && !is_abbreviation(&text[start..i]) {
                let sentence = text[start..stop].trim();
                start = stop;
                if !sentence.is_empty() {
                    out.push(sentence);
                }
            }
        }
        let last = text[start..].trim();
        if !last.is_empty() {
            out.push(last);
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn the_byte_scan_splits_as_the_character_loop(
            picks in proptest::collection::vec(0..22usize, 0..80)
        ) {
            const PIECES: [&str; 22] = [
                "a", "قال", " ", "\n", ".", "!", "?", "؟", "…", "。", "！", "？", "”", "»",
                "\"", ")", "Mr", "U.S", "ٟ", "‟", "ڟ", "الوزير إن العمل مستمر ",
            ];
            let text: String = picks.iter().map(|&i| PIECES[i]).collect();
            proptest::prop_assert_eq!(sentences(&text), reference(&text));
        }
    }

    #[test]
    fn summary_takes_three_sentences_within_the_cap() {
        let s = summarize(["One two. Three four.", "Five six. Seven eight."]);
        assert_eq!(s, "One two. Three four. Five six.");
        let long = "word ".repeat(200);
        assert!(summarize([long.as_str()]).chars().count() <= MAX_CHARS);
    }
}
