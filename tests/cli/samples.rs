//! The sample inbox read through the CLI: title, lead, language and chrome per item, and
//! the awkward files (windows-1256, front matter, empty, hostile escapes).

use serde_json::Value;

use super::harness::Desk;
use super::{HOSTILE, IDLIB_EN, texts};

/// Every escape sequence and bidi control in zz_hostile.txt is gone before output.
#[test]
fn hostile_title_never_reaches_the_terminal() {
    let desk = Desk::sample();
    let title = desk.run(&["show", "--json", HOSTILE]).expect(0).json()["title"].clone();
    assert_eq!(title, "Breaking: council evol budget vote delayed again");
    for args in [
        &["list"][..],
        &["list", "--json"],
        &["show", HOSTILE],
        &["show", "--json", HOSTILE],
        &["show", "--text", HOSTILE],
    ] {
        let run = desk.run(args).expect(0);
        for bad in ['\x1b', '\x07', '\u{202E}', '\u{202C}', '\u{9b}'] {
            assert!(!run.stdout.contains(bad), "{args:?} printed {:?}", bad);
        }
        for escaped in ["\\u001b", "\\u0007", "\\u202e", "\\u202c"] {
            assert!(
                !run.stdout.to_lowercase().contains(escaped),
                "{args:?} printed {escaped}"
            );
        }
    }
}

/// One row per sample item: file, lang, dir, start of the title, start of the lead.
const SAMPLES: &[(&str, &str, &str, &str, &str)] = &[
    (
        IDLIB_EN,
        "en",
        "ltr",
        "Turkey and Russia reopen talks on Idlib",
        "Turkish and Russian military delegations",
    ),
    (
        "2026-11-27_ft_eurozone-inflation.txt",
        "en",
        "ltr",
        "Eurozone inflation slows",
        "Consumer price inflation",
    ),
    (
        "2026-11-26_alhayat_morocco-drought.txt",
        "ar",
        "rtl",
        "المغرب يطلق خطة طارئة",
        "أعلنت الحكومة المغربية",
    ),
    (
        "2026-11-25_lemonde_greve-sncf.txt",
        "fr",
        "ltr",
        "Grève à la SNCF",
        "Les usagers du train",
    ),
    (
        "2026-11-24_ria_moskva-snow.txt",
        "ru",
        "ltr",
        "Москву накрыл первый",
        "Первый в этом сезоне",
    ),
    (
        "2026-11-23_xinhua_rail-link.txt",
        "zh",
        "ltr",
        "西部陆海新通道新线开通",
        "新华社重庆11月23日电",
    ),
    (
        "2026-11-22_arabnews_riyadh-startups.txt",
        "ar",
        "rtl",
        "شركات ناشئة سعودية",
        "شهدت الشركات الناشئة",
    ),
    (
        "2026-11-21_bbc_chip-export-rules.md",
        "en",
        "ltr",
        "Chipmakers warn new export rules",
        "Semiconductor companies have warned",
    ),
    (
        "2026-11-20_nna_lebanon-power-cp1256.txt",
        "ar",
        "rtl",
        "لبنان: ساعات التغذية",
        "أعلنت مؤسسة كهرباء لبنان",
    ),
    (
        "2026-11-18_haaretz_tel-aviv-rents.txt",
        "he",
        "rtl",
        "שכר הדירה בתל אביב",
        "שכר הדירה הממוצע",
    ),
];

/// The trailing site chrome the sample items carry, one line each.
const CHROME: &[&str] = &[
    "Read more",
    "Share",
    "Share this article",
    "اقرأ أيضا",
    "شارك الخبر",
    "اقرأ المزيد",
    "Lire aussi",
    "Partager",
    "Читайте также",
    "Поделиться",
    "返回顶部",
    "分享",
    "שתף",
];

#[test]
fn sample_inbox_extracts_title_lead_language_and_date() {
    let desk = Desk::sample();
    for (file, lang, dir, title, lead) in SAMPLES {
        let a = desk.run(&["show", "--json", file]).expect(0).json();
        assert_eq!(
            (a["lang"].as_str(), a["dir"].as_str()),
            (Some(*lang), Some(*dir)),
            "{file}"
        );
        assert!(
            a["title"].as_str().is_some_and(|t| t.starts_with(title)),
            "{file}: title {}",
            a["title"]
        );
        assert!(
            a["lead"].as_str().is_some_and(|l| l.starts_with(lead)),
            "{file}: lead {}",
            a["lead"]
        );
        assert_eq!(
            a["date"].as_str(),
            file.get(..10),
            "{file}: date from the file name"
        );
        let body = desk.run(&["show", "--text", file]).expect(0).stdout;
        for line in body.lines() {
            assert!(
                !CHROME.contains(&line.trim()),
                "{file}: chrome {line:?} in the body"
            );
        }
    }
}

#[test]
fn windows_1256_file_is_decoded_and_says_so() {
    let a = Desk::sample()
        .run(&["show", "--json", "2026-11-20_nna_lebanon-power-cp1256.txt"])
        .expect(0)
        .json();
    assert!(
        texts(&a["notes"]).contains(&"decoded from windows-1256"),
        "{}",
        a["notes"]
    );
    let quotes = a["quotes"].as_array().expect("quotes");
    assert_eq!(quotes[0]["speaker"], "وزير الطاقة والمياه");
}

#[test]
fn markdown_front_matter_fills_the_fields() {
    let a = Desk::sample()
        .run(&["show", "--json", "2026-11-21_bbc_chip-export-rules.md"])
        .expect(0)
        .json();
    assert_eq!(a["format"], "markdown");
    assert_eq!(a["source"], "BBC News");
    assert_eq!(a["author"], "Hannah Okafor");
    assert_eq!(
        a["url"],
        "https://www.bbc.example/news/technology-chip-export-rules"
    );
    assert_eq!(texts(&a["subheadings"]), ["What changes for manufacturers"]);
    assert_eq!(a["quotes"][0]["speaker"], "Martin Keller");
}

#[test]
fn english_quotes_name_their_speakers() {
    let a = Desk::sample()
        .run(&["show", "--json", IDLIB_EN])
        .expect(0)
        .json();
    let speakers: Vec<&str> = a["quotes"]
        .as_array()
        .expect("quotes")
        .iter()
        .filter_map(|q| q["speaker"].as_str())
        .collect();
    assert_eq!(speakers, ["Omer Celik", "Rania Haddad"]);
    assert!(texts(&a["keywords"]).contains(&"Idlib"));
}

#[test]
fn empty_file_is_listed_with_a_note() {
    let a = Desk::sample()
        .run(&["show", "--json", "2026-11-19_wire_empty.txt"])
        .expect(0)
        .json();
    assert_eq!(a["title"], "2026-11-19_wire_empty.txt");
    assert_eq!(a["words"], 0);
    assert_eq!(texts(&a["notes"]), ["empty file"]);
}

#[test]

fn empty_file_has_no_language() {
    let a = Desk::sample()
        .run(&["show", "--json", "2026-11-19_wire_empty.txt"])
        .expect(0)
        .json();
    assert_eq!(a["lang"], Value::Null);
}
