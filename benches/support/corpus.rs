//! Bench inputs: the Arabic eval corpus when present, else synthetic Arabic and English.

use std::path::PathBuf;

/// Texts shaped like inbox files, and where they came from.
pub struct Corpus {
    pub origin: String,
    pub texts: Vec<String>,
}

impl Corpus {
    /// Total bytes of text, for throughput.
    pub fn bytes(&self) -> u64 {
        self.texts.iter().map(|t| t.len() as u64).sum()
    }
}

#[derive(serde::Deserialize)]
struct Record {
    #[serde(default)]
    title: String,
    #[serde(default)]
    content: String,
}

/// `NEWSDESK_EVAL_DIR`, else `../shared/eval/arabic-news-dev`; synthetic text when
/// neither holds a readable corpus.
pub fn load() -> Corpus {
    let dir = std::env::var_os("NEWSDESK_EVAL_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/eval/arabic-news-dev"));
    match read_dir(&dir) {
        Some(texts) if !texts.is_empty() => Corpus {
            origin: dir.display().to_string(),
            texts,
        },
        _ => Corpus {
            origin: "synthetic Arabic + English".into(),
            texts: synthetic(600),
        },
    }
}

fn read_dir(dir: &std::path::Path) -> Option<Vec<String>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut texts = Vec::new();
    for file in files {
        let records: Vec<Record> = serde_json::from_slice(&std::fs::read(file).ok()?).ok()?;
        texts.extend(
            records
                .into_iter()
                .map(|r| format!("{}\n\n{}\n", r.title, r.content)),
        );
    }
    Some(texts)
}

const AR: &[&str] = &[
    "أعلنت",
    "الحكومة",
    "اليوم",
    "عن",
    "خطة",
    "جديدة",
    "لدعم",
    "المزارعين",
    "في",
    "المناطق",
    "الريفية",
    "وقال",
    "الوزير",
    "إن",
    "المشروع",
    "سيبدأ",
    "خلال",
    "الأسابيع",
    "المقبلة",
    "بمشاركة",
    "الشركات",
    "المحلية",
    "والبلديات",
    "وأكد",
    "المتحدث",
    "الرسمي",
    "أن",
    "الميزانية",
    "تكفي",
    "لعامين",
    "بإدلب",
    "إدلب",
    "الرياض",
    "المدينة",
    "المنورة",
    "مجلس",
    "الوزراء",
    "الأمن",
    "الاقتصاد",
    "التعليم",
];

const EN: &[&str] = &[
    "the",
    "council",
    "approved",
    "a",
    "new",
    "budget",
    "on",
    "Tuesday",
    "after",
    "long",
    "debate",
    "about",
    "roads",
    "schools",
    "and",
    "water",
    "officials",
    "said",
    "that",
    "spending",
    "would",
    "rise",
    "by",
    "tenth",
    "next",
    "year",
    "while",
    "residents",
    "asked",
    "for",
    "more",
    "parks",
];

/// Deterministic pseudo-random articles, half Arabic and half English, each with a
/// dateline, paragraphs, a subheading, a quote and trailing chrome.
pub fn synthetic(count: usize) -> Vec<String> {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    (0..count)
        .map(|i| {
            let (words, stop, open, close, chrome) = if i % 2 == 0 {
                (
                    AR,
                    ".",
                    "«",
                    "»",
                    "اظهر المزيد\nشارك من خلال تويتر فيسبوك واتساب",
                )
            } else {
                (EN, ".", "“", "”", "Read more\nShare on Facebook")
            };
            let mut sentence = |n: usize| -> String {
                (0..n)
                    .map(|_| words[next(words.len())])
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let title = sentence(8);
            let mut body = format!("{title}\n\n{} - {}\n\n", sentence(1), sentence(1));
            for p in 0..6 {
                if p == 3 {
                    body.push_str(&format!("{}\n\n", sentence(5)));
                }
                let quote = format!("{} {open}{}{close}{stop}", sentence(6), sentence(9));
                body.push_str(&format!(
                    "{}{stop} {}{stop} {quote}\n\n",
                    sentence(22),
                    sentence(17)
                ));
            }
            body.push_str(chrome);
            body.push('\n');
            body
        })
        .collect()
}
