//! Word splitting: scripts, joiners, numbers, and the fast paths against the slow.

use super::*;

fn all(text: &str) -> Vec<&str> {
    words(text).collect()
}

#[test]
fn latin_words_keep_apostrophes_abbreviations_and_numbers() {
    assert_eq!(
        all("Don't stop, U.S. officials said: 3.5% of 1,000 (e-mail)."),
        [
            "Don't",
            "stop",
            "U.S",
            "officials",
            "said",
            "3.5",
            "of",
            "1,000",
            "e",
            "mail"
        ]
    );
}

#[test]
fn arabic_words_keep_harakat_and_drop_punctuation() {
    assert_eq!(
        all("قالَ الوزير، «نعم»؛ هل ينجح؟ ٣٫٥"),
        ["قالَ", "الوزير", "نعم", "هل", "ينجح", "٣٫٥"]
    );
}

#[test]
fn spans_are_byte_offsets() {
    let text = "قال: «نعم» ok";
    for (at, word) in words(text).spans() {
        assert_eq!(&text[at..at + word.len()], word);
    }
    assert_eq!(words(text).spans().last(), Some((text.len() - 2, "ok")));
}

#[test]
fn details_count_characters_and_digits() {
    let details: Vec<(usize, bool, bool)> = words("U.S قالَ 3.5 预")
        .detailed()
        .map(|w| (w.chars, w.digits, w.cjk))
        .collect();
    assert_eq!(
        details,
        [
            (3, false, false),
            (4, false, false),
            (3, true, false),
            (1, false, true)
        ]
    );
}

#[test]
fn arabic_runs_are_the_letters_class_at_reads() {
    // Every character of two UTF-8 bytes, and the bytes around the block.
    for code in 0x80u32..0x800 {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        let text = format!("{c}{c}x");
        let letter = class_at(&text, 0).0 == Class::Letter && (0x600..0x700).contains(&code);
        let mut same = true;
        let run = arabic_letters(text.as_bytes(), 0, &mut same);
        assert_eq!(run, if letter { 4 } else { 0 }, "U+{code:04X}");
        let folds = crate::article::fold::fold(&text[..run]) == text[..run];
        assert_eq!(same, run == 0 || folds, "U+{code:04X}");
    }
    let mut same = true;
    assert_eq!(arabic_letters("با".as_bytes(), 0, &mut same), 4);
    assert_eq!(arabic_letters(&"با".as_bytes()[..3], 0, &mut same), 2);
    assert_eq!(arabic_letters(b"", 0, &mut same), 0);
    assert!(same);
    assert_eq!(arabic_letters("بأ".as_bytes(), 0, &mut same), 4);
    assert!(!same);
}

proptest::proptest! {
    /// `Word::same` is what the fold's own test says of the whole word, and a
    /// word with it is its own fold.
    #[test]
    fn a_word_is_the_same_exactly_when_the_fold_sees_it_unchanged(
        picks in proptest::collection::vec(0..24usize, 0..40)
    ) {
        const PIECES: [&str; 24] = [
            "a", "B", "é", "إ", "ا", "ة", "ى", "ـ", "\u{064E}", "و", "\u{0654}", "中",
            " ", "'", ".", ",", "’", "٫", "\u{200c}", "_", "3", "٣", "ﻻ", "،",
        ];
        let text: String = picks.iter().map(|&i| PIECES[i]).collect();
        for word in words(&text).detailed() {
            let unchanged = crate::article::fold::unchanged_prefix(word.text) == word.text.len();
            proptest::prop_assert_eq!(word.same, unchanged, "{:?}", word.text);
            if word.same {
                proptest::prop_assert_eq!(crate::article::fold::fold(word.text), word.text);
            }
        }
    }
}

#[test]
fn cjk_characters_are_words_of_their_own() {
    assert_eq!(all("预算 ok"), ["预", "算", "ok"]);
    assert_eq!(count("市议会。Budget passes"), 5);
}

#[test]
fn latin1_and_general_punctuation() {
    assert_eq!(
        all("«Café» — naïve ½ ×2\u{a0}x"),
        ["Café", "naïve", "½", "2", "x"]
    );
    assert_eq!(all("می\u{200c}خواهم"), ["می\u{200c}خواهم"]);
    assert_eq!(
        all("للبرنامج\u{200e} و 4.\u{200f}95 a_b _ \u{200f}"),
        ["للبرنامج\u{200e}", "و", "4.\u{200f}95", "a_b"]
    );
}

#[test]
fn agrees_with_unicode_segmentation_on_plain_prose() {
    use unicode_segmentation::UnicodeSegmentation;
    for text in [
        "The council approved the budget on Tuesday after a long debate.",
        "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية.",
        "Le conseil a approuvé le budget mardi soir — après un long débat.",
        "Совет одобрил новый бюджет после долгих дебатов во вторник вечером.",
    ] {
        assert_eq!(
            all(text),
            text.unicode_words().collect::<Vec<_>>(),
            "{text}"
        );
    }
}
