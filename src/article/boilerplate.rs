//! Site chrome that must never reach a field: a multilingual list plus shapes.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::fold::fold;
use super::words::split_spaces;

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
    let words = split_spaces(line).take(41).count();
    if words > 12 {
        // Only the suffix rule is for lines this long, and only up to 40 words.
        return (words <= 40 && has_chrome_suffix(line))
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
        || is_contact_line(trimmed)
}

/// Does the line end like a teaser cut off by the site ("…المزيد", "Read more")?
/// Only the end of the line is folded.
fn has_chrome_suffix(line: &str) -> bool {
    let line = line.trim_end();
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

/// A short line carrying a phone number or an e-mail address: "SMS 1234567 to subscribe".
fn is_contact_line(line: &str) -> bool {
    let has_email = line
        .split_whitespace()
        .any(|w| w.contains('@') && w.contains('.'));
    let longest_digits = line
        .split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .max()
        .unwrap_or(0);
    has_email || longest_digits >= 5
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
