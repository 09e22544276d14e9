//! Quoted statements and, where a speech verb names one, who said them.

use std::sync::LazyLock;

use foldhash::HashSet;
use regex::Regex;

use super::fold::fold_cow;

/// A quoted statement and its speaker, when the text names one.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Quote {
    #[serde(deserialize_with = "crate::fast_str::string")]
    pub text: String,
    #[serde(default, deserialize_with = "crate::fast_str::option")]
    pub speaker: Option<String>,
}

const PAIRS: &[(char, char)] = &[
    ('“', '”'),
    ('«', '»'),
    ('„', '“'),
    ('„', '”'),
    ('「', '」'),
    ('『', '』'),
    ('"', '"'),
];

/// The quotes in one paragraph, with speakers.
pub fn quotes_in(paragraph: &str) -> Vec<Quote> {
    spans(paragraph)
        .into_iter()
        .filter(|&(start, end)| is_statement(&paragraph[start..end]))
        .map(|(start, end)| {
            let text = paragraph[start..end].trim().to_string();
            let open = paragraph[..start]
                .char_indices()
                .next_back()
                .map_or(0, |(i, _)| i);
            let close = paragraph[end..]
                .chars()
                .next()
                .map_or(end, |c| end + c.len_utf8());
            let speaker =
                speaker_before(&paragraph[..open]).or_else(|| speaker_after(&paragraph[close..]));
            Quote { text, speaker }
        })
        .collect()
}

/// Long enough to be a statement rather than a scare-quoted term.
fn is_statement(text: &str) -> bool {
    super::spaces::split_spaces(text).nth(2).is_some()
        || (text.chars().count() >= 6 && text.chars().any(super::lang::is_cjk))
}

/// Byte ranges of the text inside each outermost quote pair.
fn spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some((i, c)) = next_opening(&text[pos..]) {
        let start = pos + i + c.len_utf8();
        let closes = PAIRS.iter().filter(|p| p.0 == c).map(|p| p.1);
        match closes.filter_map(|close| text[start..].find(close)).min() {
            Some(len) => {
                out.push((start, start + len));
                pos = start + len + text[start + len..].chars().next().map_or(0, char::len_utf8);
            }
            None => pos = start,
        }
    }
    out
}

/// The next opening quote mark and where it is. Every opening mark is `"` or
/// starts with one of the UTF-8 lead bytes C2 (`«`), E2 (`“ „`) or E3 (`「 『`), so
/// the search is for bytes: memchr's SIMD search for the first three, and a plain
/// scan only where CJK text (E3) is present at all.
fn next_opening(text: &str) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let cjk = memchr::memchr(0xE3, bytes).is_some();
    let mut from = 0;
    loop {
        let rest = &bytes[from..];
        let i = if cjk {
            rest.iter()
                .position(|b| matches!(b, b'"' | 0xC2 | 0xE2 | 0xE3))?
        } else {
            memchr::memchr3(b'"', 0xC2, 0xE2, rest)?
        };
        let at = from + i;
        let c = text[at..].chars().next()?;
        if PAIRS.iter().any(|p| p.0 == c) {
            return Some((at, c));
        }
        from = at + c.len_utf8();
    }
}

/// Speech verbs (folded), with the clitics و and ف allowed in front.
const ARABIC_VERBS: &[&str] = &[
    "قال",
    "يقول",
    "اكد",
    "يؤكد",
    "اعلن",
    "اضاف",
    "شدد",
    "اوضح",
    "دعا",
    "صرح",
    "تابع",
    "ذكر",
    "اشار",
    "لفت",
    "كشف",
    "اعتبر",
    "راي",
    "قالت",
    "اكدت",
    "اعلنت",
    "اضافت",
    "اوضحت",
    "مؤكدا",
    "مضيفا",
    "موضحا",
    "مشيرا",
    "مشددا",
    "معتبرا",
    "قايلا",
    "قائلا",
    "لافتا",
];

/// Words that end the subject of an Arabic speech verb.
const ARABIC_STOPS: &[&str] = &[
    "ان",
    "انه",
    "انها",
    "فان",
    "وان",
    "بان",
    "في",
    "خلال",
    "عن",
    "على",
    "الى",
    "امام",
    "ل",
    "لـ",
    "بان",
    "بانه",
    "اليوم",
    "امس",
    "مساء",
    "صباح",
    "عبر",
    "من",
    "الذي",
    "التي",
    "لوكاله",
    "لصحيفه",
    "لقناه",
    "حيث",
];

/// Prepositions of attribution: "according to".
const ARABIC_ACCORDING: &[&str] = &["بحسب", "وبحسب", "حسب", "وحسب", "وفق", "وفقا"];

/// A word without the punctuation around it.
fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !is_letter(c))
}

/// `char::is_alphabetic`, answered without the Unicode tables for ASCII and Arabic letters.
fn is_letter(c: char) -> bool {
    match c as u32 {
        0x41..=0x5A | 0x61..=0x7A | 0x621..=0x64A => true,
        0..=0x7F => false,
        _ => c.is_alphabetic(),
    }
}

/// The verbs as a set: every word before a quote is looked up.
static VERBS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| ARABIC_VERBS.iter().copied().collect());

fn is_arabic_verb(folded_word: &str) -> bool {
    let w = bare(folded_word);
    VERBS.contains(w)
        || w.strip_prefix(['و', 'ف'])
            .is_some_and(|rest| VERBS.contains(rest))
}

/// The speaker named before a quote: the nearest speech verb whose subject is a name.
fn speaker_before(text: &str) -> Option<String> {
    let sentence = &text[sentence_start(text)..];
    english_before(sentence).or_else(|| arabic_before(sentence))
}

/// Where the last sentence of `text` starts: after its last `.`, `!`, `?` or `؟`
/// (`text.rsplit(['.', '!', '?', '؟']).next()`), found from the bytes.
fn sentence_start(text: &str) -> usize {
    let bytes = text.as_bytes();
    let ascii = memchr::memrchr3(b'.', b'!', b'?', bytes).map_or(0, |i| i + 1);
    // U+061F is D8 9F in UTF-8; D8 is a lead byte, so the pair is never inside another character.
    let arabic =
        memchr::memmem::rfind(&bytes[ascii..], "؟".as_bytes()).map_or(0, |i| ascii + i + 2);
    ascii.max(arabic)
}

fn arabic_before(sentence: &str) -> Option<String> {
    // Nearest first, folding each word only when it is reached; `after` holds the
    // words already passed, nearest last, for the subject.
    let mut after: Vec<&str> = Vec::new();
    for word in sentence.split_whitespace().rev() {
        let f = fold_cow(word);
        let attribution = ARABIC_ACCORDING.contains(&bare(&f)) || is_arabic_verb(&f);
        if attribution && let Some(name) = arabic_subject(after.iter().rev().copied()) {
            return Some(name);
        }
        after.push(word);
    }
    None
}

/// The subject after a verb: up to a stop word or colon; where commas set off
/// an appositive ("deputy minister, Sergei Ryabkov,") the appositive is the name.
fn arabic_subject<'a>(words: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut segments: Vec<Vec<&str>> = vec![Vec::new()];
    for word in words {
        let f = fold_cow(word);
        let bare = bare(&f);
        if ARABIC_STOPS.contains(&bare) || bare.is_empty() {
            break;
        }
        let clean = word.trim_end_matches(['،', ',', ':', '؛']);
        segments
            .last_mut()?
            .push(clean.trim_start_matches(['(', '“', '«']));
        if word.ends_with(':') {
            break;
        }
        if word.ends_with(['،', ',']) {
            segments.push(Vec::new());
        }
    }
    segments.retain(|s| !s.is_empty());
    let pick = match segments.as_slice() {
        [] => return None,
        [only] => only,
        [_, second, ..] if second.len() <= 4 => second,
        [first, ..] => first,
    };
    (pick.len() <= 6).then(|| pick.join(" "))
}

static EN_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\b(?:according to|told by)\s+((?:[A-Z][\w'.-]*\s*){1,4})|((?:[A-Z][\w'.-]*\s+){0,3}[A-Z][\w'.-]*)\s+(?:said|says|told|added|stated|wrote|explained|warned|declared|asked)\b)[^\x22“«]*$")
        .expect("valid regex")
});

static EN_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s,]*(?:(?:said|says|added|told \w+|stated|wrote|explained|warned|declared)\s+((?:[A-Z][\w'.-]*\s?){1,4})|((?:[A-Z][\w'.-]*\s){0,3}[A-Z][\w'.-]*)\s+(?:said|says|added|told|stated|wrote|explained|warned|declared)\b)")
        .expect("valid regex")
});

/// The English patterns all need a capitalised name: skip them on text without one.
fn has_ascii_capital(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_uppercase())
}

fn english_before(sentence: &str) -> Option<String> {
    if !has_ascii_capital(sentence) {
        return None;
    }
    let caps = EN_BEFORE.captures(sentence)?;
    name_from(caps.get(1).or(caps.get(2))?.as_str())
}

fn english_after(text: &str) -> Option<String> {
    // The pattern is anchored at the quote's end and spans a few words at most.
    let mut end = text.len().min(160);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let text = &text[..end];
    if !has_ascii_capital(text) {
        return None;
    }
    let caps = EN_AFTER.captures(text)?;
    name_from(caps.get(1).or(caps.get(2))?.as_str())
}

/// Pronouns and sentence-initial words are not names.
fn name_from(candidate: &str) -> Option<String> {
    let name = candidate.trim().trim_end_matches([',', '.']);
    let first = name.split_whitespace().next()?;
    const NOT_NAMES: &[&str] = &[
        "He", "She", "They", "It", "We", "I", "The", "This", "That", "But", "And",
    ];
    (!NOT_NAMES.contains(&first)).then(|| name.to_string())
}

/// The speaker named right after a quote: `”, said Jane Roe` or `”، قال بيسكوف`.
fn speaker_after(text: &str) -> Option<String> {
    if let Some(name) = english_after(text) {
        return Some(name);
    }
    let clause = text.split(['.', '!', '?', '؟']).next().unwrap_or("");
    let words: Vec<&str> = clause.split_whitespace().take(8).collect();
    let verb = words
        .iter()
        .take(2)
        .position(|w| is_arabic_verb(&fold_cow(w)))?;
    arabic_subject(words[verb + 1..].iter().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(p: &str) -> Quote {
        let q = quotes_in(p);
        assert_eq!(q.len(), 1, "{q:?}");
        q.into_iter().next().expect("one quote")
    }

    #[test]
    fn arabic_appositive_name_after_a_title() {
        let q = one(
            "وبصدد التطورات قال نائب وزير الخارجية الروسي، سيرغي ريابكوف، إن الاتصالات مستمرة، مؤكداً في تصريح صحفي، اليوم، أن “كل المسائل يتم نقاشها عن طريق قنوات عسكرية”.",
        );
        assert_eq!(q.text, "كل المسائل يتم نقاشها عن طريق قنوات عسكرية");
        assert_eq!(q.speaker.as_deref(), Some("سيرغي ريابكوف"));
    }

    #[test]
    fn arabic_name_right_after_the_verb() {
        let q = one("وقال بيسكوف في مؤتمر صحفي، اليوم: “نحن لا نخفي قلقنا من الوضع”.");
        assert_eq!(q.speaker.as_deref(), Some("بيسكوف"));
    }

    #[test]
    fn arabic_guillemets_and_according_to() {
        let q = one("وبحسب الوكالة فإن «الهجوم لن يمر دون رد» كما قيل.");
        assert_eq!(q.speaker.as_deref(), Some("الوكالة"));
    }

    #[test]
    fn english_speaker_before_and_after() {
        let q = one("Mayor Jane Roe said: \"We will rebuild every bridge.\"");
        assert_eq!(q.speaker.as_deref(), Some("Mayor Jane Roe"));
        let q = one("“The water is rising fast,” said John Smith, a resident.");
        assert_eq!(q.speaker.as_deref(), Some("John Smith"));
        let q = one("“The water is rising fast,” he said.");
        assert_eq!(q.speaker, None);
    }

    #[test]
    fn short_scare_quotes_are_not_statements() {
        assert!(quotes_in("The so-called “deal” failed.").is_empty());
    }

    #[test]
    fn every_opening_mark_is_found() {
        for (open, _) in PAIRS {
            let text = format!("… é {open}x");
            assert_eq!(next_opening(&text).map(|(_, c)| c), Some(*open), "{open}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_last_sentence_is_what_rsplit_gives(
            picks in proptest::collection::vec(0..8usize, 0..24)
        ) {
            const PIECES: [&str; 8] = ["قال", ".", "!", "?", "؟", " ", "ab", "ـ"];
            let text: String = picks.iter().map(|&i| PIECES[i]).collect();
            let wanted = text.rsplit(['.', '!', '?', '؟']).next().unwrap_or(&text);
            proptest::prop_assert_eq!(&text[sentence_start(&text)..], wanted);
        }
    }

    #[test]
    fn japanese_brackets() {
        let q = quotes_in("首相は「経済対策を急ぐ必要がある」と述べた。");
        assert_eq!(q.len(), 1);
    }
}
