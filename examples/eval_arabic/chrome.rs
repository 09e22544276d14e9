//! The evaluation's own idea of site chrome, kept apart from the library's list.

/// Phrases that make a whole line chrome wherever they stand in it; a field that
/// shows one of them shows chrome.
const PHRASES: &[&str] = &["...المزيد", "…المزيد", "للتواصل مع الكاتب", "تبدأ بالرمز"];

/// Line beginnings of share and navigation buttons.
const STARTS: &[&str] = &["شارك من خلال", "زر الذهاب إلى الأعلى"];

/// Markers of a trailer glued onto the last text line ("more by this writer" and
/// the titles of those pieces): the line is text up to the marker, chrome after it.
pub const TRAILERS: &[&str] = &["مقالات أخرى للكاتب"];

/// Splits an article's content lines into (chrome, text), cutting glued trailers off.
pub fn split(content: &str) -> (Vec<&str>, Vec<&str>) {
    let (mut chrome, mut text) = (Vec::new(), Vec::new());
    for line in content.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match TRAILERS.iter().find_map(|t| line.find(t)) {
            Some(at) => {
                text.extend(Some(line[..at].trim()).filter(|h| !h.is_empty()));
                chrome.push(&line[at..]);
            }
            None if is_chrome(line) => chrome.push(line),
            None => text.push(line),
        }
    }
    (chrome, text)
}

/// Mobile operators named in "send an SMS to …" subscription lines.
const OPERATORS: &[&str] = &["stc", "mobily", "zain", "موبايلي", "زين", "الاتصالات"];

/// Is this (trimmed) content line website chrome rather than article text?
fn is_chrome(line: &str) -> bool {
    let line = line.trim();
    let lower = line.to_lowercase();
    let words = line.split_whitespace().count();
    let digits = longest_digit_run(line);
    PHRASES.iter().any(|p| line.contains(p))
        || STARTS.iter().any(|p| line.starts_with(p))
        || (words <= 3 && line.trim_start_matches(['.', '…', ' ']) == "المزيد")
        || (lower.contains("sms")
            && (line.contains("للتواصل") || line.contains("أرسل") || line.contains("ارسل")))
        || line.starts_with("للتواصل")
        || (words <= 4 && line.contains('@'))
        || (digits >= 5 && words <= 12 && OPERATORS.iter().any(|o| lower.contains(o)))
}

/// A line without a letter in it ("***", a lone dash) carries no text.
pub fn has_letters(line: &str) -> bool {
    line.chars().any(char::is_alphabetic)
}

fn longest_digit_run(line: &str) -> usize {
    line.split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .max()
        .unwrap_or(0)
}

/// Does a field (title, lead, summary) carry any of the article's chrome?
pub fn leaks_into(field: &str, chrome: &[&str]) -> bool {
    !field.is_empty()
        && (chrome.iter().any(|c| field.contains(c))
            || PHRASES.iter().chain(TRAILERS).any(|p| field.contains(p)))
}

/// Keywords that occur only in the chrome lines of an article, never in its text.
pub fn chrome_keywords<'k>(
    keywords: &'k [String],
    chrome: &[&str],
    text: &[&str],
    title: &str,
) -> Vec<&'k str> {
    keywords
        .iter()
        .map(String::as_str)
        .filter(|k| {
            let k = k.to_lowercase();
            let in_chrome = chrome.iter().any(|c| c.to_lowercase().contains(&k));
            let in_text = title.to_lowercase().contains(&k)
                || text.iter().any(|t| t.to_lowercase().contains(&k));
            in_chrome && !in_text
        })
        .collect()
}
