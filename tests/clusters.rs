//! Story clusters through the CLI: `list --clusters --json` and `show --json`.

use std::process::Command;

const STORY: &str = "Turkish and Russian military delegations met in Ankara on Friday for a second day of talks on restoring a ceasefire in Idlib province, where a week of shelling has forced more than 40,000 people from villages south of the highway.\n\nThe talks follow the deaths of four soldiers at an observation post on Sunday, an attack Ankara blamed on government forces. Russia has said the strikes were aimed at armed groups that launch drones at its air base.\n\nA Russian defence ministry official said Moscow wanted joint patrols on the highway restored before any new arrangement was discussed.\n\nAid agencies say camps near the border are already full and fuel for heating is running short across the northwest.\n";

fn desk() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).expect("inbox");
    std::fs::write(
        inbox.join("a-wire.txt"),
        format!("Turkey and Russia reopen Idlib talks\n\n{STORY}"),
    )
    .expect("write");
    let trimmed: Vec<&str> = STORY.split("\n\n").take(3).collect();
    std::fs::write(
        inbox.join("b-copy.txt"),
        format!(
            "Ankara, Moscow resume ceasefire talks\n\nBy Staff Writer\n\n{}\n",
            trimmed.join("\n\n")
        ),
    )
    .expect("write");
    std::fs::write(inbox.join("c-other.txt"), "Council passes the budget\n\nThe city council passed the budget on Tuesday night after a long debate about road repairs, school meals and the price of bus tickets for students and pensioners.\n").expect("write");
    std::fs::write(dir.path().join("config.toml"), "inbox = \"inbox\"\n").expect("config");
    dir
}

fn run(dir: &std::path::Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .args(["--config", "config.toml"])
        .args(args)
        .current_dir(dir)
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .env_remove("NEWSDESK_CONFIG")
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn copies_of_a_story_are_one_cluster_and_show_says_so() {
    let dir = desk();
    let lines: Vec<serde_json::Value> = run(dir.path(), &["list", "--clusters", "--json"])
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines[0]["size"], 2);
    let members: Vec<&str> = lines[0]["members"]
        .as_array()
        .expect("members")
        .iter()
        .filter_map(|m| m["path"].as_str())
        .collect();
    assert!(
        members.iter().any(|p| p.ends_with("a-wire.txt"))
            && members.iter().any(|p| p.ends_with("b-copy.txt")),
        "{members:?}"
    );
    let shown: serde_json::Value =
        serde_json::from_str(&run(dir.path(), &["show", "b-copy.txt", "--json"])).expect("json");
    assert_eq!(shown["cluster_size"], 2);
    assert_eq!(shown["cluster"], lines[0]["cluster"]);
    let other: serde_json::Value =
        serde_json::from_str(&run(dir.path(), &["show", "c-other.txt", "--json"])).expect("json");
    assert_eq!(other["cluster_size"], 1);
}
