//! `file`, `skip`, `undo` and `journal`: files move on disk and every move is journaled.

use std::fs;

use serde_json::Value;

use super::harness::{ANA, Desk};
use super::{IDLIB_EN, SEED};

const ECONOMY: &str = "2026-11-27_ft_eurozone-inflation.txt";
const FRENCH: &str = "2026-11-25_lemonde_greve-sncf.txt";

fn journal(desk: &Desk) -> Vec<Value> {
    desk.run(&["journal", "--json"]).expect(0).json_lines()
}

#[test]
fn file_moves_the_file_and_journals_the_move() {
    let desk = Desk::sample();
    let before = fs::read(desk.inbox().join(IDLIB_EN)).expect("read");
    let run = desk.run(&["file", IDLIB_EN, "syria"]).expect(0);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 1);
    assert!(
        run.stdout.contains(&format!("{ANA}@"))
            && run.stdout.contains(" file  ")
            && run.stdout.contains(IDLIB_EN),
        "{}",
        run.stdout
    );
    assert!(!desk.inbox().join(IDLIB_EN).exists());
    assert_eq!(
        fs::read(desk.path("filed/syria").join(IDLIB_EN)).expect("filed copy"),
        before
    );

    let journals = desk.names_in("inbox/.newsdesk/journal");
    assert_eq!(journals.len(), 1, "{journals:?}");
    assert!(journals[0].starts_with("ana@") && journals[0].ends_with(".jsonl"));
    let records = journal(&desk);
    assert_eq!(records.len(), 1);
    let r = &records[0];
    assert_eq!(
        (
            r["op"].as_str(),
            r["category"].as_str(),
            r["user"].as_str(),
            r["how"].as_str()
        ),
        (Some("file"), Some("syria"), Some(ANA), Some("cli"))
    );
    assert_eq!(r["name"], IDLIB_EN);
    assert_eq!(r["from"].as_str(), desk.inbox().join(IDLIB_EN).to_str());
    assert_eq!(
        r["to"].as_str(),
        desk.path("filed/syria").join(IDLIB_EN).to_str()
    );
    assert!(
        desk.run(&["list"])
            .expect(0)
            .stdout
            .lines()
            .all(|l| !l.contains("Turkey and Russia reopen"))
    );
}

#[test]
fn file_several_items_by_name_and_id_prefix() {
    let desk = Desk::sample();
    let id = desk.run(&["show", "--json", SEED]).expect(0).json()["id"]
        .as_str()
        .expect("id")
        .to_string();
    desk.run(&["file", &id[..5], IDLIB_EN, "syria"]).expect(0);
    assert_eq!(desk.names_in("filed/syria"), [SEED, IDLIB_EN]);
}

#[test]
fn file_into_an_unknown_category_fails_and_moves_nothing() {
    let desk = Desk::sample();
    let run = desk.run(&["file", IDLIB_EN, "sport"]).expect(1);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.contains(
            "no category named \"sport\"; categories: syria, mideast, world, economy, tech"
        ),
        "{}",
        run.stderr
    );
    assert!(desk.inbox().join(IDLIB_EN).exists());
    assert!(!desk.path("filed").exists());
}

#[test]
fn one_bad_item_fails_the_run_but_the_good_ones_are_filed() {
    let desk = Desk::sample();
    let run = desk
        .run(&["file", IDLIB_EN, "no-such-item.txt", "syria"])
        .expect(1);
    assert_eq!(run.stdout.lines().count(), 1);
    assert!(run.stderr.contains("no-such-item.txt"), "{}", run.stderr);
    assert_eq!(desk.names_in("filed/syria"), [IDLIB_EN]);
}

#[test]
fn an_item_already_filed_names_the_category_and_who_filed_it() {
    let desk = Desk::sample();
    desk.run_as("ana", &["file", IDLIB_EN, "syria"]).expect(0);
    let host = desk.journal_host();
    let run = desk.run_as("ben", &["file", IDLIB_EN, "world"]).expect(1);
    assert!(run.stdout.is_empty());
    let expected = format!("{IDLIB_EN}: already filed → syria by ana@{host}");
    assert!(
        run.stderr.contains(&expected),
        "want {expected:?} in {}",
        run.stderr
    );
    assert_eq!(desk.names_in("filed/syria"), [IDLIB_EN]);
    assert!(desk.names_in("filed/world").is_empty());
}

#[test]
fn skip_moves_to_the_skip_folder() {
    let desk = Desk::sample();
    desk.run(&["skip", FRENCH]).expect(0);
    assert_eq!(desk.names_in("skipped"), [FRENCH]);
    assert!(!desk.inbox().join(FRENCH).exists());
    let records = journal(&desk);
    assert_eq!(
        (records[0]["op"].as_str(), records[0]["category"].as_str()),
        (Some("skip"), Some("skip"))
    );
}

#[test]
fn undo_reverses_your_last_moves_one_or_several_at_a_time() {
    let desk = Desk::sample();
    desk.run(&["file", IDLIB_EN, "syria"]).expect(0);
    desk.run(&["skip", FRENCH]).expect(0);
    desk.run(&["file", ECONOMY, "economy"]).expect(0);

    let run = desk.run(&["undo"]).expect(0);
    assert_eq!(run.stdout.lines().count(), 1);
    assert!(
        run.stdout.contains(" undo  ") && run.stdout.contains(ECONOMY),
        "{}",
        run.stdout
    );
    assert!(desk.inbox().join(ECONOMY).exists());
    assert!(desk.names_in("filed/economy").is_empty());

    let run = desk.run(&["undo", "2"]).expect(0);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(
        lines[0].contains(FRENCH) && lines[1].contains(IDLIB_EN),
        "newest first: {}",
        run.stdout
    );
    assert!(desk.inbox().join(FRENCH).exists() && desk.inbox().join(IDLIB_EN).exists());
    assert!(desk.names_in("skipped").is_empty() && desk.names_in("filed/syria").is_empty());

    let run = desk.run(&["undo"]).expect(1);
    assert!(run.stderr.contains("nothing to undo"), "{}", run.stderr);
}

#[test]
fn undo_only_reverses_your_own_moves() {
    let desk = Desk::sample();
    desk.run_as("ana", &["file", IDLIB_EN, "syria"]).expect(0);
    let run = desk.run_as("ben", &["undo"]).expect(1);
    assert!(run.stderr.contains("nothing to undo"), "{}", run.stderr);
    assert_eq!(desk.names_in("filed/syria"), [IDLIB_EN]);
}

#[test]
fn journal_lists_everyone_s_moves_oldest_first() {
    let desk = Desk::sample();
    desk.run_as("ana", &["file", IDLIB_EN, "syria"]).expect(0);
    desk.run_as("ben", &["skip", FRENCH]).expect(0);
    desk.run_as("ana", &["undo"]).expect(0);
    let records = journal(&desk);
    let ops: Vec<(&str, &str)> = records
        .iter()
        .map(|r| {
            (
                r["user"].as_str().unwrap_or(""),
                r["op"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(ops, [("ana", "file"), ("ben", "skip"), ("ana", "undo")]);
    let times: Vec<&str> = records.iter().filter_map(|r| r["time"].as_str()).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "{times:?}");
    for r in &records {
        let mut keys: Vec<&str> = r
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            // Optional fields: `arrived` (file and skip), `batch` (moves made together),
            // `signature` (filings, for near-duplicates arriving later).
            .filter(|k| !matches!(*k, "arrived" | "batch" | "signature"))
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "category", "from", "host", "how", "id", "name", "op", "time", "to", "user"
            ]
        );
    }
    let text = desk.run(&["journal"]).expect(0).stdout;
    assert_eq!(text.lines().count(), 3);
    assert!(
        text.lines()
            .nth(1)
            .is_some_and(|l| l.contains("ben@") && l.contains("skip") && l.contains(" → ")),
        "{text}"
    );
}

#[test]
fn journal_of_an_untouched_desk_is_empty() {
    let run = Desk::sample().run(&["journal", "--json"]).expect(0);
    assert!(run.stdout.is_empty() && run.stderr.is_empty());
}

#[test]
fn filing_onto_a_taken_name_never_overwrites() {
    let desk = Desk::sample();
    fs::create_dir_all(desk.path("filed/syria")).expect("mkdir");
    fs::write(desk.path("filed/syria").join(IDLIB_EN), "filed yesterday").expect("write");
    let ours = fs::read(desk.inbox().join(IDLIB_EN)).expect("read");
    desk.run(&["file", IDLIB_EN, "syria"]).expect(0);
    let suffixed = IDLIB_EN.replace(".txt", "-2.txt");
    assert_eq!(
        fs::read_to_string(desk.path("filed/syria").join(IDLIB_EN)).expect("read"),
        "filed yesterday"
    );
    assert_eq!(
        fs::read(desk.path("filed/syria").join(&suffixed)).expect("read"),
        ours
    );
    assert_eq!(
        journal(&desk)[0]["to"].as_str(),
        desk.path("filed/syria").join(&suffixed).to_str()
    );

    // The same name arriving again takes the next free suffix.
    desk.add(
        IDLIB_EN,
        "A later story\n\nWith a body of its own, filed on another day.\n",
    );
    desk.run(&["file", IDLIB_EN, "syria"]).expect(0);
    let mut want = [
        IDLIB_EN.to_string(),
        suffixed,
        IDLIB_EN.replace(".txt", "-3.txt"),
    ];
    want.sort();
    assert_eq!(desk.names_in("filed/syria"), want);
}

#[test]
fn undo_into_a_taken_inbox_name_never_overwrites() {
    let desk = Desk::sample();
    desk.run(&["file", IDLIB_EN, "syria"]).expect(0);
    desk.add(
        IDLIB_EN,
        "A new item that arrived under the same name\n\nIts body is different.\n",
    );
    desk.run(&["undo"]).expect(0);
    let back = IDLIB_EN.replace(".txt", "-2.txt");
    assert!(desk.inbox().join(&back).exists());
    assert!(
        fs::read_to_string(desk.inbox().join(IDLIB_EN))
            .expect("read")
            .starts_with("A new item")
    );
}

#[test]

fn the_inbox_flag_is_validated_like_the_config() {
    let desk = Desk::sample();
    desk.run(&["file", IDLIB_EN, "syria"]).expect(0);
    let run = desk.run(&["--inbox", "filed/syria", "config", "check"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stderr.contains("inside the inbox"), "{}", run.stderr);
}
