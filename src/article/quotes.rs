//! Quoted statements and, where a speech verb names one, who said them.

use std::sync::LazyLock;

use regex::Regex;

use super::fold::fold;

/// A quoted statement and its speaker, when the text names one.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Quote {
    pub text: String,
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
    text.split_whitespace().count() >= 3
        || (text.chars().count() >= 6 && text.chars().any(super::lang::is_cjk))
}

/// Byte ranges of the text inside each outermost quote pair.
fn spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some((i, c)) = text[pos..]
        .char_indices()
        .find(|(_, c)| PAIRS.iter().any(|p| p.0 == *c))
    {
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

fn is_arabic_verb(folded_word: &str) -> bool {
    let w = folded_word.trim_matches(|c: char| !c.is_alphabetic());
    ARABIC_VERBS
        .iter()
        .any(|v| w == *v || w.strip_prefix(['و', 'ف']).is_some_and(|rest| rest == *v))
}

/// The speaker named before a quote: the nearest speech verb whose subject is a name.
fn speaker_before(text: &str) -> Option<String> {
    let sentence = text.rsplit(['.', '!', '?', '؟']).next().unwrap_or(text);
    english_before(sentence).or_else(|| arabic_before(sentence))
}

fn arabic_before(sentence: &str) -> Option<String> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    for (i, f) in folded.iter().enumerate().rev() {
        let bare = f.trim_matches(|c: char| !c.is_alphabetic());
        let attributes = ARABIC_ACCORDING.contains(&bare) || is_arabic_verb(f);
        if attributes && let Some(name) = arabic_subject(&words[i + 1..], &folded[i + 1..]) {
            return Some(name);
        }
    }
    None
}

/// The subject after a verb: up to a stop word or colon; where commas set off
/// an appositive ("deputy minister, Sergei Ryabkov,") the appositive is the name.
fn arabic_subject(words: &[&str], folded: &[String]) -> Option<String> {
    let mut segments: Vec<Vec<&str>> = vec![Vec::new()];
    for (word, f) in words.iter().zip(folded) {
        let bare = f.trim_matches(|c: char| !c.is_alphabetic());
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

fn english_before(sentence: &str) -> Option<String> {
    let caps = EN_BEFORE.captures(sentence)?;
    name_from(caps.get(1).or(caps.get(2))?.as_str())
}

fn english_after(text: &str) -> Option<String> {
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
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    let verb = folded.iter().take(2).position(|f| is_arabic_verb(f))?;
    arabic_subject(&words[verb + 1..], &folded[verb + 1..])
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
    fn japanese_brackets() {
        let q = quotes_in("首相は「経済対策を急ぐ必要がある」と述べた。");
        assert_eq!(q.len(), 1);
    }
}
