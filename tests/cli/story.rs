//! Story fields through the binary: an item like one already filed says so in
//! `show --json` (`also_filed`) and matches `--query dup:filed`; `cluster:>1`
//! finds the copies of one story in the inbox.

use serde_json::Value;

use super::IDLIB_EN;
use super::harness::Desk;

const COPY: &str = "copy-of-idlib-talks.txt";

/// The Reuters Idlib story as another outlet runs it: new headline, a byline,
/// the last paragraph dropped.
fn add_copy(desk: &Desk) {
    let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("inbox");
    let original = std::fs::read_to_string(sample.join(IDLIB_EN)).expect("read");
    let mut paragraphs: Vec<&str> = original.split("\n\n").skip(1).collect();
    paragraphs.pop();
    let text = format!(
        "Idlib truce talks resume in Ankara\n\nBy Agency Staff\n\n{}\n",
        paragraphs.join("\n\n")
    );
    desk.add(COPY, &text);
}

fn names(desk: &Desk, query: &str) -> Vec<String> {
    let run = desk.run(&["list", "--json", "--query", query]).expect(0);
    let mut names: Vec<String> = run
        .json_lines()
        .iter()
        .filter_map(|i| i["name"].as_str().map(str::to_string))
        .collect();
    names.sort();
    names
}

fn also_filed(desk: &Desk, item: &str) -> Value {
    desk.run(&["show", "--json", item]).expect(0).json()["also_filed"].clone()
}

#[test]
fn a_copy_of_a_filed_item_says_where_it_went_until_the_filing_is_undone() {
    let desk = Desk::sample();
    assert!(names(&desk, "dup:filed").is_empty(), "nothing filed yet");
    desk.run(&["file", IDLIB_EN, "syria"]).expect(0);
    let records = desk.run(&["journal", "--json"]).expect(0).json_lines();
    assert!(
        records[0]["signature"]
            .as_str()
            .is_some_and(|s| s.len() > 300)
    );
    add_copy(&desk);

    let filed = also_filed(&desk, COPY);
    assert_eq!(filed["category"], "syria", "{filed}");
    assert_eq!(filed["name"], IDLIB_EN);
    assert!(
        filed["when"].as_str().is_some_and(|w| w.ends_with('Z')),
        "{filed}"
    );
    assert!(
        filed["similarity"].as_f64().is_some_and(|s| s >= 0.5),
        "{filed}"
    );
    let shown = desk.run(&["show", COPY]).expect(0).stdout;
    assert!(
        shown.contains("also filed: like an item filed → syria just now"),
        "{shown}"
    );
    assert!(names(&desk, "dup:filed").contains(&COPY.to_string()));
    assert!(
        !names(&desk, "dup:filed").contains(&"2026-11-27_ft_eurozone-inflation.txt".to_string())
    );
    assert_eq!(
        also_filed(&desk, "2026-11-27_ft_eurozone-inflation.txt"),
        Value::Null
    );

    desk.run(&["undo"]).expect(0);
    assert_eq!(also_filed(&desk, COPY), Value::Null, "undone: not filed");
    assert!(names(&desk, "dup:filed").is_empty());
}

#[test]
fn a_skipped_item_is_not_filed() {
    let desk = Desk::sample();
    desk.run(&["skip", IDLIB_EN]).expect(0);
    let records = desk.run(&["journal", "--json"]).expect(0).json_lines();
    assert!(records[0].get("signature").is_none(), "{}", records[0]);
    add_copy(&desk);
    assert_eq!(also_filed(&desk, COPY), Value::Null);
}

#[test]
fn cluster_finds_the_copies_of_the_idlib_story_in_the_sample_inbox() {
    let desk = Desk::sample();
    assert_eq!(
        names(&desk, "cluster:>1"),
        [
            "2026-11-28_dailysabah_idlib-ceasefire-talks.txt",
            IDLIB_EN,
            "2026-11-28_wire-en_idlib-second-day.txt",
        ]
    );
    assert!(names(&desk, "cluster:>3").is_empty());
    add_copy(&desk);
    assert_eq!(names(&desk, "cluster:>3").len(), 4);
    let lone = names(&desk, "cluster:1");
    assert!(
        lone.contains(&"2026-11-27_ft_eurozone-inflation.txt".to_string())
            && !lone.contains(&COPY.to_string())
    );
}
