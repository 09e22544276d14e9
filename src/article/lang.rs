//! Language and writing direction: whatlang on the body, the script as tiebreak.

use std::sync::LazyLock;

use memchr::memmem::Finder;
use whatlang::{Lang, Script};

/// Writing direction of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dir {
    #[default]
    Ltr,
    Rtl,
}

/// Detects the ISO 639-1 language code and direction of a text.
pub fn detect(text: &str) -> (Option<String>, Dir) {
    let sample = sample(text, 4000);
    if is_plainly_arabic(sample) {
        return (Some("ar".to_string()), Dir::Rtl);
    }
    let Some(info) = whatlang::detect(sample) else {
        return (None, direction_of(sample));
    };
    let mut lang = info.lang();
    if matches!(lang, Lang::Pes | Lang::Urd) && looks_arabic(sample) {
        lang = Lang::Ara;
    }
    let code = iso639_1(lang);
    let dir = match info.script() {
        Script::Arabic | Script::Hebrew => Dir::Rtl,
        _ => direction_of(sample),
    };
    (
        code.map(str::to_string)
            .or_else(|| Some(lang.code().to_string())),
        dir,
    )
}

/// Arabic script is the absolute majority and [`looks_arabic`] holds: whatlang
/// would name the script Arabic, answer Arabic, Persian or Urdu, and the last two
/// become Arabic anyway — so its trigram pass is skipped.
///
/// Counted on bytes in loops the compiler vectorises: the lead bytes D8–DB start
/// the letters of the Arabic block; every other character is counted against it
/// (whatlang ignores ASCII punctuation and digits), so the test is conservative
/// and a text it turns down goes to whatlang.
fn is_plainly_arabic(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (mut arabic, mut leads, mut latin) = (0u32, 0u32, 0u32);
    // Branch-free byte counts in chunks small enough for u8 counters, so the
    // compiler can run the inner loop on vector lanes.
    for chunk in bytes.chunks(255) {
        let (mut a, mut l, mut t) = (0u8, 0u8, 0u8);
        for &b in chunk {
            a += u8::from(b.wrapping_sub(0xD8) < 4);
            l += u8::from(b >= 0xC0);
            t += u8::from((b | 0x20).wrapping_sub(b'a') < 26);
        }
        (arabic, leads, latin) = (
            arabic + u32::from(a),
            leads + u32::from(l),
            latin + u32::from(t),
        );
    }
    let other = latin + (leads - arabic);
    let has = |finders: &[Finder<'static>]| finders.iter().any(|f| f.find(bytes).is_some());
    arabic > other && has(&FINDERS.0) && !has_persian_only(bytes)
}

/// Does the text hold a letter of [`PERSIAN_ONLY`]? Two of them (ٹ پ) start
/// with the lead byte D9 and are searched for; the six others with DA or DB,
/// lead bytes Arabic text seldom uses, so one search finds every candidate
/// (instead of one search of the whole text per letter).
fn has_persian_only(bytes: &[u8]) -> bool {
    let at_da_db = memchr::memchr2_iter(0xDA, 0xDB, bytes).any(|i| {
        let pair = bytes.get(i..i + 2).unwrap_or_default();
        PERSIAN_DA_DB.iter().any(|c| c.as_bytes() == pair)
    });
    at_da_db || FINDERS.1.iter().any(|f| f.find(bytes).is_some())
}

/// [`PERSIAN_ONLY`] letters whose UTF-8 starts with DA or DB.
const PERSIAN_DA_DB: [&str; 6] = ["چ", "ژ", "گ", "ک", "ی", "ے"];

/// Searchers for [`ARABIC_ONLY`] and the [`PERSIAN_ONLY`] letters that start
/// with D9 (ٹ پ), built once.
static FINDERS: LazyLock<(Vec<Finder<'static>>, Vec<Finder<'static>>)> = LazyLock::new(|| {
    let finders = |letters: &[char]| {
        letters
            .iter()
            .map(|c| Finder::new(c.encode_utf8(&mut [0; 4]).as_bytes()).into_owned())
            .collect()
    };
    (finders(&ARABIC_ONLY), finders(&['پ', 'ٹ']))
});

/// Letters Arabic writes and Persian and Urdu do not, and the other way round.
const ARABIC_ONLY: [char; 6] = ['ة', 'ى', 'إ', 'أ', 'ي', 'ك'];
const PERSIAN_ONLY: [char; 8] = ['پ', 'چ', 'ژ', 'گ', 'ک', 'ی', 'ے', 'ٹ'];

/// Arabic-only letters present and no Persian-only ones: whatlang mistakes
/// short Arabic for Persian or Urdu (TEXT.md §3).
fn looks_arabic(text: &str) -> bool {
    let arabic = text.chars().any(|c| ARABIC_ONLY.contains(&c));
    let persian = text.chars().any(|c| PERSIAN_ONLY.contains(&c));
    arabic && !persian
}

/// The first `max` bytes of `text`, cut at a character boundary.
fn sample(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Direction by majority of strong letters: right-to-left if most are Arabic or Hebrew.
pub fn direction_of(text: &str) -> Dir {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if is_rtl_char(c) {
            rtl += 1;
        } else {
            ltr += 1;
        }
    }
    if rtl > ltr { Dir::Rtl } else { Dir::Ltr }
}

/// Letters of right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, NKo and their forms.
pub fn is_rtl_char(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Han, kana and hangul: scripts written without spaces between words.
pub fn is_cjk(c: char) -> bool {
    // Most text is far below the first CJK block: one comparison decides.
    (c as u32) >= 0x3040
        && matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{AC00}'..='\u{D7AF}')
}

fn iso639_1(lang: Lang) -> Option<&'static str> {
    use Lang::*;
    Some(match lang {
        Ara => "ar",
        Heb => "he",
        Pes => "fa",
        Urd => "ur",
        Eng => "en",
        Fra => "fr",
        Deu => "de",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Nld => "nl",
        Rus => "ru",
        Ukr => "uk",
        Bel => "be",
        Bul => "bg",
        Srp => "sr",
        Hrv => "hr",
        Pol => "pl",
        Ces => "cs",
        Slk => "sk",
        Slv => "sl",
        Ron => "ro",
        Hun => "hu",
        Fin => "fi",
        Swe => "sv",
        Dan => "da",
        Nob => "nb",
        Tur => "tr",
        Ell => "el",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Hin => "hi",
        Ben => "bn",
        Tha => "th",
        Vie => "vi",
        Ind => "id",
        Tgl => "tl",
        Aze => "az",
        Kat => "ka",
        Hye => "hy",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Epo => "eo",
        Afr => "af",
        Yid => "yi",
        Mar => "mr",
        Nep => "ne",
        Tam => "ta",
        Tel => "te",
        Kan => "kn",
        Mal => "ml",
        Guj => "gu",
        Pan => "pa",
        Amh => "am",
        Jav => "jv",
        Zul => "zu",
        Sna => "sn",
        Aka => "ak",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// One search for DA/DB and two for ٹ پ find what a search per letter finds.
        #[test]
        fn persian_letters_are_found_as_by_a_search_each(
            picks in proptest::collection::vec(0..16usize, 0..40)
        ) {
            const PIECES: [&str; 16] = [
                "پ", "چ", "ژ", "گ", "ک", "ی", "ے", "ٹ", "ڤ", "ۀ", "ي", "ك", "ع", " ", "a", "۔",
            ];
            let text: String = picks.iter().map(|&i| PIECES[i]).collect();
            let each = PERSIAN_ONLY.iter().any(|c| text.contains(*c));
            proptest::prop_assert_eq!(has_persian_only(text.as_bytes()), each);
        }
    }

    #[test]
    fn detects_languages_and_direction() {
        let cases = [
            (
                "أعلنت موسكو أن الاتصالات بين العسكريين الروس والأمريكيين حول سوريا مستمرة",
                "ar",
                Dir::Rtl,
            ),
            (
                "הממשלה אישרה הלילה את התקציב החדש לשנה הבאה אחרי דיון ארוך",
                "he",
                Dir::Rtl,
            ),
            (
                "The council approved the new budget after a long debate on Tuesday night",
                "en",
                Dir::Ltr,
            ),
            (
                "Le conseil a approuvé le nouveau budget après un long débat mardi soir",
                "fr",
                Dir::Ltr,
            ),
            (
                "Совет одобрил новый бюджет после долгих дебатов во вторник вечером",
                "ru",
                Dir::Ltr,
            ),
            (
                "市议会周二晚上经过长时间辩论后批准了新的预算方案",
                "zh",
                Dir::Ltr,
            ),
        ];
        for (text, code, dir) in cases {
            assert_eq!(detect(text), (Some(code.to_string()), dir), "{text}");
        }
    }

    #[test]
    fn arabic_shortcut_agrees_with_whatlang() {
        for text in [
            "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية",
            "قال الوزير: The council approved the budget on Tuesday night after a debate",
            "این یک متن فارسی است که برای آزمایش نوشته شده است",
            "وزير الخارجية في إدلب",
        ] {
            let full = whatlang::detect(text).map(|i| {
                let l = if matches!(i.lang(), Lang::Pes | Lang::Urd) && looks_arabic(text) {
                    Lang::Ara
                } else {
                    i.lang()
                };
                (i.script(), l)
            });
            if is_plainly_arabic(text) {
                assert_eq!(full, Some((Script::Arabic, Lang::Ara)), "{text}");
            }
        }
        assert!(is_plainly_arabic("أعلنت الحكومة اليوم عن خطة جديدة"));
        assert!(!is_plainly_arabic("این یک متن فارسی است"));
    }

    #[test]
    fn short_arabic_is_not_persian() {
        assert_eq!(detect("وزير الخارجية في إدلب").0.as_deref(), Some("ar"));
    }
}
