//! Site chrome that must never reach a field: a multilingual list plus shapes.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use memchr::memmem::Finder;

use super::fold::{fold, fold_simple};
use super::spaces::{count_up_to, split_spaces};
use super::text::ends_sentence;

/// The lists, folded once so they match folded lines.
struct Lists {
    lines: Vec<String>,
    prefixes: Vec<String>,
    suffixes: Vec<String>,
    /// All social network names in one automaton: a line is searched once, not
    /// once per name.
    social: AhoCorasick,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let folded = |list: &[&str]| list.iter().map(|s| fold(s)).collect::<Vec<String>>();
    Lists {
        lines: folded(LINES),
        prefixes: folded(PREFIXES),
        suffixes: folded(SUFFIXES),
        social: AhoCorasick::new(folded(SOCIAL)).expect("a few short literals always build"),
    }
});

/// Whole lines (folded, punctuation trimmed) that are chrome in any article.
const LINES: &[&str] = &[
    "اظهر المزيد",
    "زر الذهاب الى الاعلى",
    "المزيد",
    "اقرا المزيد",
    "اقرا ايضا",
    "اقرا ايضاً",
    "شارك",
    "شارك الخبر",
    "طباعه",
    "تابعونا",
    "اعلان",
    "مواضيع ذات صله",
    "اخبار ذات صله",
    "read more",
    "read more »",
    "share",
    "share this",
    "share this article",
    "back to top",
    "advertisement",
    "advertisements",
    "sponsored",
    "click here",
    "subscribe",
    "sign up",
    "related",
    "related articles",
    "related stories",
    "comments",
    "print",
    "email",
    "tweet",
    "follow us",
    "continue reading",
    "show more",
    "lire aussi",
    "lire la suite",
    "partager",
    "publicité",
    "читать далее",
    "читайте также",
    "поделиться",
    "реклама",
    "подписаться",
    "続きを読む",
    "广告",
    "分享",
    "返回顶部",
    "阅读更多",
    "להמשך קריאה",
    "שתף",
];

/// Line beginnings that mark chrome.
const PREFIXES: &[&str] = &[
    "شارك من خلال",
    "شارك عبر",
    "share on",
    "follow us on",
    "للاشتراك",
    "اشترك في",
    "الوسوم",
    "كلمات دلاليه",
    "tags:",
    "copyright",
    "©",
    "all rights reserved",
    "جميع الحقوق محفوظه",
    "sign up for",
    "subscribe to",
    "click here",
    "اضغط هنا",
    "لمتابعه اخبار",
];

/// Line endings that mark chrome ("…المزيد" after a teaser).
const SUFFIXES: &[&str] = &["...المزيد", "…المزيد", "read more", "continue reading"];

const SOCIAL: &[&str] = &[
    "facebook",
    "twitter",
    "whatsapp",
    "telegram",
    "linkedin",
    "instagram",
    "فيسبوك",
    "فيس بوك",
    "تويتر",
    "واتساب",
    "تلغرام",
    "انستغرام",
    "يوتيوب",
    "youtube",
];

/// Is this line website chrome rather than article text?
pub fn is_boilerplate(line: &str) -> bool {
    if count_up_to(line, 13) > 12 {
        // Only the suffix and contact rules are for lines this long, up to 40 words;
        // a contact line of that length reads as an instruction, not a sentence.
        // The words are counted on only for a line either rule takes.
        return ((has_chrome_suffix(line)
            || (!ends_sentence(line) && may_be_contact(line) && is_contact_line(&fold(line))))
            && count_up_to(line, 41) <= 40)
            || !line.chars().any(char::is_alphanumeric);
    }
    let folded = fold(line);
    let trimmed = folded
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '©');
    if trimmed.is_empty() {
        return true;
    }
    let lists = &*LISTS;
    lists.lines.iter().any(|l| l == trimmed)
        || lists
            .prefixes
            .iter()
            .any(|p| trimmed.starts_with(p.as_str()))
        || has_chrome_suffix(line)
        || social_names(&lists.social, trimmed) >= 2
        || (may_be_contact(trimmed) && is_contact_line(trimmed))
}

/// Does the line end like a teaser cut off by the site ("…المزيد", "Read more")?
/// Only the end of the line is folded.
fn has_chrome_suffix(line: &str) -> bool {
    let line = line.trim_end();
    // A line whose last character folds to itself or another single character
    // (most of them) ends its fold with that character: no suffix ends so, no fold.
    if let Some(last) = line
        .chars()
        .next_back()
        .and_then(|c| fold_simple(c).flatten())
        && !LISTS.suffixes.iter().any(|s| s.ends_with(last))
    {
        return false;
    }
    let mut start = line.len().saturating_sub(48);
    while !line.is_char_boundary(start) {
        start -= 1;
    }
    let tail = fold(&line[start..]);
    LISTS.suffixes.iter().any(|s| tail.ends_with(s.as_str()))
}

/// How many different social network names the line mentions.
fn social_names(social: &AhoCorasick, line: &str) -> u32 {
    let mut seen = 0u64;
    for found in social.find_overlapping_iter(line) {
        seen |= 1 << (found.pattern().as_usize() % 64);
    }
    seen.count_ones()
}

/// Words that say a number is for reaching someone (folded).
const CONTACT_WORDS: &[&str] = &[
    "sms",
    "للتواصل",
    "للاتصال",
    "ارسل",
    "رساله",
    "اتصل",
    "هاتف",
    "جوال",
    "واتساب",
    "فاكس",
    "whatsapp",
    "phone",
    "tel",
    "fax",
    "call",
    "text",
    "contact",
    "hotline",
];

/// A cheap test on the raw line before folding it: an `@` or five digits in a row.
/// Every contact line passes it, so it may stand before [`is_contact_line`]:
/// an e-mail address holds an `@`, and every other rule needs five digits.
/// Read from the bytes: ASCII digits are never part of a longer character.
fn may_be_contact(line: &str) -> bool {
    let bytes = line.as_bytes();
    if memchr::memchr(b'@', bytes).is_some() {
        return true;
    }
    let mut run = 0;
    bytes.iter().any(|b| {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        run >= 5
    })
}

fn digit_runs(line: &str) -> impl Iterator<Item = usize> {
    line.split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .filter(|&n| n > 0)
}

/// A (folded) line telling the reader how to reach the site or writer: an e-mail
/// address, a phone-length number (nine digits or more), two long numbers (a
/// list of short codes), or a five-digit number beside a contact word ("SMS
/// 88548"). A number alone is not enough: headlines carry counts like 22478.
fn is_contact_line(line: &str) -> bool {
    let has_email = split_spaces(line).any(|w| w.contains('@') && w.contains('.'));
    let long_runs: Vec<usize> = digit_runs(line).filter(|&n| n >= 5).collect();
    let contact_word = || {
        line.split(|c: char| !c.is_alphanumeric())
            .any(|w| CONTACT_WORDS.contains(&w))
    };
    has_email
        || long_runs.iter().any(|&n| n >= 9)
        || long_runs.len() >= 2
        || (!long_runs.is_empty() && contact_word())
}

/// Markers of "more by this writer" link lists that scrapers glue onto an
/// article's last sentence, written as they appear (matched ignoring ASCII case).
const TRAILERS: &[&str] = &[
    "مقالات أخرى للكاتب",
    "مقالات اخرى للكاتب",
    "مقالات أخرى للكاتبة",
    "More from this author",
    "More by this author",
    "More from the author",
];

static TRAILER_HINTS: LazyLock<[Finder<'static>; 3]> = LazyLock::new(|| {
    [
        Finder::new("مقالات"),
        Finder::new("ore from"),
        Finder::new("ore by"),
    ]
});

static TRAILER_SEARCH: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(TRAILERS)
        .expect("a few short literals always build")
});

/// Splits a line at a glued-on trailer into the text before it and the trailer:
/// where the text before it is empty or ends a sentence, or where the first
/// linked title is glued to the marker (`…للكاتبتوقيع`, `authorThe`). The phrase
/// inside running text is left alone.
pub fn split_trailer(line: &str) -> Option<(&str, &str)> {
    // Every marker holds one of these; the SIMD search for them rules out most
    // lines before the automaton runs.
    if !TRAILER_HINTS
        .iter()
        .any(|hint| hint.find(line.as_bytes()).is_some())
    {
        return None;
    }
    let found = TRAILER_SEARCH.find(line)?;
    let before = line[..found.start()].trim_end();
    let glued = line[found.end()..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() && !c.is_ascii_lowercase());
    (before.is_empty() || ends_sentence(before) || glued).then(|| (before, &line[found.start()..]))
}

#[cfg(test)]
mod tests {
    use super::is_boilerplate;

    #[test]
    fn recognises_chrome_in_several_languages() {
        for line in [
            "اظهر المزيد",
            "زر الذهاب إلى الأعلى",
            "شارك من خلال تويتر فيسبوك واتساب",
            "وأكد الوزير أن العمل مستمر …المزيد",
            "Read more",
            "Share on Facebook",
            "Facebook Twitter WhatsApp",
            "Читать далее",
            "لمتابعة الأخبار أرسل SMS إلى 88888 أو 0551234567",
            "   ",
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
    }

    #[test]
    fn recognises_long_contact_and_subscription_lines() {
        for line in [
            "للاشتراك في الخدمة أرسل رسالة SMS تبدأ بالرقم 12 ثم مسافة ثم نص الرسالة إلى 90123 - شركة أ 45678",
            "writer@example.org To reach the columnist send an SMS starting with code 7 to 90123 on any network",
            "الشركة الأولى ,455321 الشركة الثانية, 766123",
            "للتواصل أرسل sms إلى 90123",
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
    }

    #[test]
    fn a_big_number_in_a_headline_is_not_contact_chrome() {
        for line in [
            "المتحدث: 31245 زائرا للمعرض في أسبوعه الأول",
            "Officials count 18250 homes still without power",
            "ونقلت الوزارة أن بإمكان السكان إرسال رسالة إلى الرقم 90123 للاستفسار عن مواعيد توزيع المياه في الأحياء الشرقية.",
        ] {
            assert!(!is_boilerplate(line), "{line}");
        }
    }

    /// [`has_chrome_suffix`] as first written: the tail folded every time.
    fn suffix_by_folding(line: &str) -> bool {
        let line = line.trim_end();
        let mut start = line.len().saturating_sub(48);
        while !line.is_char_boundary(start) {
            start -= 1;
        }
        let tail = super::fold(&line[start..]);
        super::LISTS
            .suffixes
            .iter()
            .any(|s| tail.ends_with(s.as_str()))
    }

    proptest::proptest! {
        #[test]
        fn the_suffix_test_skips_folding_only_where_folding_says_no(
            picks in proptest::collection::vec(0..20usize, 0..16)
        ) {
            const PIECES: [&str; 20] = [
                "المزيد", "…", "...", "read more", "READ MORE", " ", "\u{064E}", "ـ",
                "continue reading", "د", "e", "E", "g", "ﻻ", "\u{0654}", "é", "x", ".", "\u{A0}", "مقال",
            ];
            let line: String = picks.iter().map(|&i| PIECES[i]).collect();
            proptest::prop_assert_eq!(super::has_chrome_suffix(&line), suffix_by_folding(&line), "{:?}", line);
        }
    }

    proptest::proptest! {
        /// The byte test is the character one, and it holds for every contact line.
        #[test]
        fn the_contact_pretest_passes_every_contact_line(
            picks in proptest::collection::vec(0..12usize, 0..30)
        ) {
            const PIECES: [&str; 12] = [
                "1", "23", "456", "٧", "@", ".", " ", "sms", "هاتف", "a", "\u{ff11}", "x.y",
            ];
            let line: String = picks.iter().map(|&i| PIECES[i]).collect();
            let by_chars = line.contains('@') || super::digit_runs(&line).any(|n| n >= 5);
            proptest::prop_assert_eq!(super::may_be_contact(&line), by_chars);
            if super::is_contact_line(&line) {
                proptest::prop_assert!(super::may_be_contact(&line));
            }
        }
    }

    #[test]
    fn keeps_article_lines() {
        for line in [
            "أعلنت موسكو أن الاتصالات بين العسكريين الروس والأمريكيين مستمرة",
            "Officials said the share of voters rose to 60 per cent.",
            "الكرملين: يجب التصدي لأي نشاط إرهابي في إدلب",
        ] {
            assert!(!is_boilerplate(line), "{line}");
        }
    }
}
