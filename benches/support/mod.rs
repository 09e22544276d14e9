//! Realistic inboxes for benchmarks: the Arabic dev corpus when it is there
//! (`NEWSDESK_EVAL_DIR` or ../shared/eval/arabic-news-dev), else generated text.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// Article texts (title line, blank line, paragraphs), `n` of them, repeating the corpus.
pub fn texts(n: usize) -> Vec<String> {
    let base = corpus().unwrap_or_else(synthetic);
    (0..n).map(|i| base[i % base.len()].clone()).collect()
}

fn corpus() -> Option<Vec<String>> {
    let dir = std::env::var_os("NEWSDESK_EVAL_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/eval/arabic-news-dev"));
    let file = std::fs::read_dir(&dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))?;
    let items: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(file).ok()?).ok()?;
    let texts: Vec<String> = items
        .iter()
        .filter_map(|a| {
            Some(format!(
                "{}\n\n{}\n",
                a["title"].as_str()?,
                a["content"].as_str()?
            ))
        })
        .filter(|t| t.len() > 200)
        .collect();
    (!texts.is_empty()).then_some(texts)
}

fn synthetic() -> Vec<String> {
    let ar = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية، وقال الوزير إن «الخطة ستبدأ الشهر المقبل» في إدلب وحلب.";
    let en = "The council approved the new budget after a long debate on Tuesday night, and the mayor said the plan would start next month.";
    (0..200)
        .map(|i| {
            let (title, para) = if i % 2 == 0 {
                (format!("خبر رقم {i} عن الاقتصاد"), ar)
            } else {
                (format!("Story {i} about the economy"), en)
            };
            format!("{title}\n\n{}\n", [para; 6].join("\n\n"))
        })
        .collect()
}

/// Writes `n` items into a fresh folder under `root`, with mtimes spread over a day.
pub fn inbox(root: &Path, n: usize) -> PathBuf {
    let dir = root.join(format!("inbox-{n}"));
    std::fs::create_dir_all(&dir).expect("inbox");
    for (i, text) in texts(n).into_iter().enumerate() {
        std::fs::write(dir.join(format!("{i:06}.txt")), text).expect("write item");
    }
    dir
}
