//! Language and writing direction: whatlang on the body, the script as tiebreak.

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

/// Arabic-only letters present and no Persian-only ones: whatlang mistakes
/// short Arabic for Persian or Urdu (TEXT.md §3).
fn looks_arabic(text: &str) -> bool {
    let arabic = text
        .chars()
        .any(|c| matches!(c, 'ة' | 'ى' | 'إ' | 'أ' | 'ي' | 'ك'));
    let persian = text
        .chars()
        .any(|c| matches!(c, 'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی' | 'ے' | 'ٹ'));
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
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{AC00}'..='\u{D7AF}')
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
    fn short_arabic_is_not_persian() {
        assert_eq!(detect("وزير الخارجية في إدلب").0.as_deref(), Some("ar"));
    }
}
