//! The headless CLI tested as a binary against a temporary copy of the sample inbox:
//! stdout, stderr and exit code of every subcommand.

#[path = "cli/harness.rs"]
mod harness;
#[path = "common/run.rs"]
mod run;

#[path = "cli/configs.rs"]
mod configs;
#[path = "cli/filing.rs"]
mod filing;
#[path = "cli/formats.rs"]
mod formats;
#[path = "cli/race.rs"]
mod race;
#[path = "cli/samples.rs"]
mod samples;
#[path = "cli/story.rs"]
mod story;

use harness::Desk;
use serde_json::Value;

/// The seed article (Arabic, Idlib) that ships with the repository.
const SEED: &str = "000_5e52a797893e5a0a.txt";
const IDLIB_EN: &str = "2026-11-28_reuters_idlib-talks.txt";
const BINARY: &str = "photo.png";
const HOSTILE: &str = "zz_hostile.txt";

/// The fields of `list --json` and `show --json` that scripts rely on.
const FIELDS: &[&str] = &[
    "id",
    "path",
    "format",
    "title",
    "lead",
    "summary",
    "lang",
    "dir",
    "subheadings",
    "quotes",
    "keywords",
    "words",
    "reading_minutes",
    "date",
    "source",
    "author",
    "url",
    "notes",
];

/// The items of the sample inbox once its feed files are split (`list` splits them).
fn files_in_sample_inbox() -> usize {
    let desk = Desk::sample();
    desk.run(&["split-feeds"]).expect(0);
    desk.names_in("inbox").len()
}

fn texts(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

#[test]
fn list_prints_one_line_per_item_and_warns_about_the_binary_file() {
    let desk = Desk::sample();
    let run = desk.run(&["list"]).expect(0);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), files_in_sample_inbox(), "{}", run.stdout);
    for line in &lines {
        let id = line.split_whitespace().next().unwrap_or("");
        assert!(
            id.len() == 12 && id.chars().all(|c| c.is_ascii_hexdigit()),
            "line starts with an id: {line}"
        );
    }
    assert!(
        lines.iter().any(|l| l.contains("ar rtl  سيرغي ريابكوف")),
        "{}",
        run.stdout
    );
    let warnings: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        warnings.len(),
        1,
        "one warning, for the binary file: {}",
        run.stderr
    );
    assert!(
        warnings[0].contains(BINARY) && warnings[0].contains("not a text file"),
        "{}",
        run.stderr
    );
}

#[test]
fn list_json_is_one_object_per_line_with_stable_field_names() {
    let desk = Desk::sample();
    let run = desk.run(&["list", "--json"]).expect(0);
    let items = run.json_lines();
    assert_eq!(items.len(), files_in_sample_inbox());
    for item in &items {
        for field in FIELDS.iter().chain(&["name", "size", "modified", "error"]) {
            assert!(item.get(field).is_some(), "{field} missing in {item}");
        }
    }
    let binary = items
        .iter()
        .find(|i| i["name"] == BINARY)
        .expect("the binary file is listed");
    assert_eq!(binary["format"], "binary");
    assert!(
        binary["error"]
            .as_str()
            .is_some_and(|e| e.contains("not a text file"))
    );
    assert!(run.stderr.contains(BINARY));
}

#[test]
fn show_json_of_the_seed_article() {
    let desk = Desk::sample();
    let a = desk.run(&["show", "--json", SEED]).expect(0).json();
    for field in FIELDS {
        assert!(a.get(field).is_some(), "{field} missing");
    }
    let first_line = std::fs::read_to_string(desk.inbox().join(SEED)).expect("read seed");
    assert_eq!(a["title"], first_line.lines().next().expect("a first line"));
    assert!(
        a["lead"]
            .as_str()
            .is_some_and(|l| l.starts_with("أعلنت موسكو")),
        "{}",
        a["lead"]
    );
    assert_eq!(
        (a["lang"].as_str(), a["dir"].as_str()),
        (Some("ar"), Some("rtl"))
    );
    let subheadings = texts(&a["subheadings"]);
    assert_eq!(subheadings.len(), 2, "{subheadings:?}");
    assert!(subheadings[0].starts_with("الكرملين: يجب التصدي"));
    assert!(subheadings[1].starts_with("بعد مقتل 5 جنود"));
    let quotes = a["quotes"].as_array().expect("quotes");
    assert!(quotes.len() >= 3, "{quotes:?}");
    let speaker = |i: usize| quotes[i]["speaker"].as_str().unwrap_or("").to_string();
    assert!(speaker(0).contains("ريابكوف"), "{}", speaker(0));
    assert!(speaker(1).contains("بيسكوف"), "{}", speaker(1));
    let keywords = texts(&a["keywords"]);
    assert!(
        keywords.iter().take(5).any(|k| *k == "إدلب"),
        "{keywords:?}"
    );
    let everything = a.to_string();
    for chrome in ["اظهر المزيد", "زر الذهاب إلى الأعلى"] {
        assert!(!everything.contains(chrome), "{chrome} leaked into a field");
    }
}

#[test]
fn show_by_id_prefix_and_by_path_agree() {
    let desk = Desk::sample();
    let by_name = desk.run(&["show", "--json", SEED]).expect(0).json();
    let id = by_name["id"].as_str().expect("id").to_string();
    let by_id = desk.run(&["show", "--json", &id[..6]]).expect(0).json();
    let by_path = desk
        .run(&["show", "--json", &format!("inbox/{SEED}")])
        .expect(0)
        .json();
    assert_eq!(by_id["title"], by_name["title"]);
    assert_eq!(by_path["title"], by_name["title"]);
}

#[test]
fn show_labelled_text_of_the_seed_article() {
    let run = Desk::sample().run(&["show", SEED]).expect(0);
    assert!(
        run.stdout.starts_with("title:     سيرغي ريابكوف"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("language:  ar (rtl)"));
    assert!(run.stdout.contains("— سيرغي ريابكوف"));
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn show_text_is_the_body_without_title_or_chrome() {
    let run = Desk::sample().run(&["show", "--text", SEED]).expect(0);
    assert!(run.stdout.starts_with("أعلنت موسكو"), "{}", run.stdout);
    assert!(
        run.stdout.contains("\n\nالكرملين: يجب التصدي"),
        "paragraphs separated by blank lines"
    );
    assert!(
        run.stdout.trim_end().ends_with("في إدلب."),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("اظهر المزيد") && !run.stdout.contains("زر الذهاب"));
}

#[test]
fn show_of_a_binary_file_fails_naming_it() {
    let run = Desk::sample().run(&["show", BINARY]).expect(1);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr.contains(BINARY) && run.stderr.contains("not a text file"),
        "{}",
        run.stderr
    );
}

#[test]
fn show_of_a_missing_item_fails() {
    let run = Desk::sample().run(&["show", "no-such-item.txt"]).expect(1);
    assert!(
        run.stderr
            .contains("no item in the inbox matches \"no-such-item.txt\""),
        "{}",
        run.stderr
    );
}

#[test]
fn usage_errors_exit_2() {
    let desk = Desk::sample();
    for args in [
        &["frobnicate"][..],
        &["file", IDLIB_EN],
        &["show"],
        &["show", "--json", "--text", SEED],
        &["undo", "many"],
        &["list", "--bogus"],
        &["config"],
    ] {
        let run = desk.run(args);
        assert_eq!(run.code, 2, "{args:?}\n{}", run.stderr);
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.stdout);
        assert!(
            run.stderr.contains("Usage:") || run.stderr.contains("error:"),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn config_check_and_path() {
    let desk = Desk::sample();
    let run = desk.run(&["config", "check"]).expect(0);
    let inbox = desk.inbox();
    assert_eq!(
        run.stdout.trim(),
        format!("config.toml: ok (5 categories, inbox {})", inbox.display())
    );
    assert!(run.stderr.is_empty());
    assert_eq!(
        desk.run(&["config", "path"]).expect(0).stdout,
        "config.toml\n"
    );
    // --config wins over $NEWSDESK_CONFIG, which wins over ./config.toml.
    let other = desk.path("other.toml");
    std::fs::copy(desk.path("config.toml"), &other).expect("copy");
    let out = desk
        .command(harness::ANA)
        .env("NEWSDESK_CONFIG", &other)
        .args(["config", "path"])
        .output()
        .expect("run");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "config.toml\n");
    let mut bare = std::process::Command::new(harness::BIN);
    bare.current_dir(desk.root())
        .env_remove("NEWSDESK_CONFIG")
        .env("XDG_CONFIG_HOME", desk.path(".config"));
    let out = bare.args(["config", "path"]).output().expect("run");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "config.toml\n");
    let out = bare.env("NEWSDESK_CONFIG", &other).output().expect("run");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        other.display().to_string()
    );
}

#[test]
fn the_inbox_flag_overrides_the_config() {
    let desk = Desk::sample();
    std::fs::create_dir(desk.path("other")).expect("mkdir");
    std::fs::write(
        desk.path("other/one.txt"),
        "One headline\n\nThe only story in this folder today.\n",
    )
    .expect("write");
    let run = desk.run(&["--inbox", "other", "list", "--json"]).expect(0);
    let items = run.json_lines();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["title"], "One headline");
}

#[test]
fn closed_stdout_is_not_an_error() {
    use std::io::{BufRead, BufReader};
    let desk = Desk::empty();
    // More output than a pipe buffer holds, so the writer is still writing when the reader leaves.
    let body = "A paragraph of running text that is long enough to count as one. ".repeat(8);
    for i in 0..400 {
        desk.add(
            &format!("item-{i:03}.txt"),
            &format!("Headline number {i}\n\n{body}\n"),
        );
    }
    let mut child = desk
        .command("ana")
        .args(["list", "--json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("read a line");
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
    assert!(out.status.success(), "{stderr}");
}
