//! Rules through the real binary on a temp desk: check, test, explain, list --query,
//! apply (dry run, moves, undo), exec (fields, failure, timeout) and watch --apply.
//! Every wait polls under a deadline; none is a bare sleep.

mod watch_apply;

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

const IDLIB: &str =
    "قصف جديد على ريف إدلب\n\nقالت مصادر محلية إن الطائرات قصفت بلدات في ريف إدلب صباح اليوم.\n";
const MARKETS: &str =
    "Markets calm\n\nStocks were flat on Tuesday as traders waited for the bank.\n";

/// The rules of the test desk; `EXEC` is replaced by the idlib rule's command.
const CONFIG: &str = r#"
inbox = "inbox"
skip = "skipped"
exec_timeout_secs = 1

[[category]]
name = "syria"
folder = "filed/syria"

[[category]]
name = "economy"
folder = "filed/economy"

[aliases]
idlib = ["إدلب", "Idlib"]

[[rule]]
name = "idlib"
when = 'lang:ar and @idlib'
file = "syria"
tag = ["idlib"]
priority = 2
mode = "auto"
exec = EXEC

[[rule]]
name = "markets"
when = 'title:markets'
suggest = "economy"
tag = ["markets"]

[[view]]
name = "Syria"
query = '@idlib'

[[view]]
name = "Suggested economy"
query = 'category:economy'
"#;

/// A command writing its fields to `OUT/exec-ID.txt`: the title and rule from the
/// environment, the path and category as arguments after the script.
const WRITE_FIELDS: &str = r#"["sh", "-c", 'printf "%s\n%s\n%s\n%s\n" "$NEWSDESK_TITLE" "$NEWSDESK_RULE" "$2" "$3" > "$1"', "sh", "OUT/exec-{id}.txt", "{path}", "{category}"]"#;

struct Desk {
    dir: tempfile::TempDir,
}

impl Desk {
    fn new(exec: &str) -> Desk {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let config = CONFIG
            .replace("EXEC", exec)
            .replace("OUT", &root.display().to_string());
        fs::write(root.join("config.toml"), config).expect("config");
        fs::create_dir_all(root.join("inbox")).expect("inbox");
        fs::create_dir_all(root.join("cache")).expect("cache");
        fs::write(root.join("inbox/idlib-ar.txt"), IDLIB).expect("item");
        fs::write(root.join("inbox/markets.txt"), MARKETS).expect("item");
        Desk { dir }
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsdesk"));
        cmd.args(["--config", "config.toml"])
            .args(args)
            .current_dir(self.root())
            .env("USER", "tester")
            .env("XDG_CACHE_HOME", self.path("cache"))
            .env_remove("NEWSDESK_CONFIG");
        cmd
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let Output {
            status,
            stdout,
            stderr,
        } = self.command(args).output().expect("run newsdesk");
        (
            status.code().unwrap_or(-1),
            String::from_utf8_lossy(&stdout).into_owned(),
            String::from_utf8_lossy(&stderr).into_owned(),
        )
    }

    /// Every file under the desk (but the cache), for before/after comparisons.
    fn files(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut stack = vec![self.root().to_path_buf()];
        while let Some(dir) = stack.pop() {
            for entry in fs::read_dir(&dir).expect("read dir").flatten() {
                let path = entry.path();
                if path.is_dir() && !path.ends_with("cache") {
                    stack.push(path);
                } else if path.is_file() {
                    out.push(
                        path.strip_prefix(self.root())
                            .expect("inside")
                            .display()
                            .to_string(),
                    );
                }
            }
        }
        out.sort();
        out
    }

    fn set_config(&self, text: &str) {
        fs::write(self.path("config.toml"), text).expect("config");
    }
}

fn json_lines(stdout: &str) -> Vec<serde_json::Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect()
}

#[test]
fn rules_check_passes_a_good_config_and_the_bundled_one() {
    let desk = Desk::new(WRITE_FIELDS);
    let (code, out, err) = desk.run(&["rules", "check"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("ok (2 rules, 1 aliases, 0 warnings)"), "{out}");
    assert!(err.is_empty(), "{err}");
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("config.toml");
    desk.set_config(&fs::read_to_string(bundled).expect("bundled config"));
    let (code, out, err) = desk.run(&["rules", "check"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("0 warnings"), "bundled config warns: {err}");
}

#[test]
fn rules_check_warns_but_exits_zero() {
    let desk = Desk::new(WRITE_FIELDS);
    let text = fs::read_to_string(desk.path("config.toml")).expect("config");
    desk.set_config(&format!(
        "{text}\n[[rule]]\nname = \"all\"\nwhen = \"\"\nstop = true\n\n[[rule]]\nname = \"late\"\nwhen = \"x\"\ntag = [\"x\"]\n\n[[rule]]\nname = \"idle\"\nwhen = \"x\"\n"
    ));
    let (code, out, err) = desk.run(&["rules", "check"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("3 warnings"), "{out}");
    assert!(
        err.contains(":46: warning: rule \"late\": unreachable: rule \"all\" (line 41)"),
        "{err}"
    );
    assert!(
        err.contains("warning: rule \"idle\": does nothing"),
        "{err}"
    );
}

#[test]
fn rules_check_refuses_a_bad_rule_with_its_name_and_place() {
    let desk = Desk::new(WRITE_FIELDS);
    let text = fs::read_to_string(desk.path("config.toml")).expect("config");
    desk.set_config(&text.replace("'lang:ar and @idlib'", "'lang:ar and @idleb'"));
    let (code, out, err) = desk.run(&["rules", "check"]);
    assert_eq!(code, 1);
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains(
            "config.toml:19:21: rule \"idlib\": when: unknown alias '@idleb'; aliases are @idlib"
        ),
        "{err}"
    );
    desk.set_config(&text.replace("file = \"syria\"", "file = \"syira\""));
    let (code, _, err) = desk.run(&["apply"]);
    assert_eq!(code, 1, "no command runs on a refused config");
    assert!(
        err.contains("config.toml:20:8: rule \"idlib\": file: no category named \"syira\""),
        "{err}"
    );
}

#[test]
fn rules_test_says_what_would_happen_and_moves_nothing() {
    let desk = Desk::new(WRITE_FIELDS);
    let before = desk.files();
    let (code, out, err) = desk.run(&["rules", "test", "inbox/idlib-ar.txt", "markets.txt"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("idlib-ar.txt  قصف جديد على ريف إدلب\n  file → syria  by rule idlib (auto: apply moves it)\n"), "{out}");
    assert!(
        out.contains("  tags: idlib\n  priority: 2\n  exec: sh -c"),
        "{out}"
    );
    assert!(
        out.contains(
            "markets.txt  Markets calm\n  suggest economy  by rule markets\n  tags: markets\n"
        ),
        "{out}"
    );
    assert_eq!(desk.files(), before);
    let (_, out, _) = desk.run(&["rules", "test", "--json", "markets.txt"]);
    let json = &json_lines(&out)[0];
    assert_eq!(json["suggestions"][0]["category"], "economy");
    assert_eq!(json["file"], serde_json::Value::Null);
    let (code, _, err) = desk.run(&["rules", "test", "nothing-here.txt"]);
    assert_eq!(code, 1);
    assert!(err.contains("nothing-here.txt"), "{err}");
}

#[test]
fn rules_explain_traces_rules_and_terms() {
    let desk = Desk::new(WRITE_FIELDS);
    let (code, out, err) = desk.run(&["rules", "explain", "idlib-ar.txt"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("rule idlib (line 18): matched\n  ✓ lang:ar  in lang \"ar\"\n  ✓ @idlib  in title \"إدلب\", lead \"إدلب\", body \"إدلب\"\n  → file → syria (auto: apply moves it)\n"), "{out}");
    assert!(
        out.contains("rule markets (line 27): no match\n  ✗ title:markets\n"),
        "{out}"
    );
    assert!(
        out.contains("result:\n  file → syria  by rule idlib"),
        "{out}"
    );
}

#[test]
fn list_query_filters_with_aliases_and_rule_tags() {
    let desk = Desk::new(WRITE_FIELDS);
    let (code, out, err) = desk.run(&["list", "--query", "lang:ar"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("قصف جديد على ريف إدلب"), "{out}");
    let (_, out, _) = desk.run(&["list", "--json", "--query", "tag:markets or category:syria"]);
    let names: Vec<String> = json_lines(&out)
        .iter()
        .map(|j| j["name"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(names.len(), 2, "{out}");
    let (code, out, err) = desk.run(&["list", "--query", "title:(إدلب"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("--query: unclosed '(' at column 7"), "{err}");
}

#[test]
fn list_view_lists_a_saved_view_and_combines_with_query() {
    let desk = Desk::new(WRITE_FIELDS);
    let (code, out, err) = desk.run(&["list", "--view", "Syria"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("قصف جديد على ريف إدلب"), "{out}");
    let (_, out, _) = desk.run(&["list", "--view", "Suggested economy"]);
    assert!(
        out.contains("Markets calm") && out.lines().count() == 1,
        "{out}"
    );
    let (code, out, _) = desk.run(&["list", "--view", "Syria", "--query", "lang:en"]);
    assert_eq!((code, out.as_str()), (0, ""), "both must match");
    let (code, out, err) = desk.run(&["list", "--view", "Nope"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("--view: no view named \"Nope\"")
            && err.contains("views: Syria, Suggested economy"),
        "{err}"
    );
}

#[test]
fn apply_dry_run_changes_nothing_and_apply_moves_runs_and_undoes() {
    let desk = Desk::new(WRITE_FIELDS);
    let before = desk.files();
    let (code, dry, err) = desk.run(&["apply", "--dry-run"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        dry.starts_with(
            "file  idlib-ar.txt  → syria  rule:idlib\nexec  idlib-ar.txt  rule:idlib  sh -c"
        ),
        "{dry}"
    );
    assert!(err.contains("dry run: nothing changed"), "{err}");
    assert_eq!(desk.files(), before, "a dry run moves and runs nothing");

    let (code, out, err) = desk.run(&["apply", "--json"]);
    assert_eq!(code, 0, "{err}");
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2, "{out}");
    assert_eq!(lines[0]["action"], "file");
    assert_eq!(lines[0]["rule"], "idlib");
    assert_eq!(lines[0]["category"], "syria");
    assert_eq!(lines[1]["action"], "exec");
    assert_eq!(lines[1]["status"], 0);
    let moved = desk.path("filed/syria/idlib-ar.txt");
    assert!(moved.is_file() && !desk.path("inbox/idlib-ar.txt").exists());
    assert!(
        desk.path("inbox/markets.txt").is_file(),
        "a suggestion never moves"
    );
    let id = lines[0]["id"].as_str().expect("id");
    let written = fs::read_to_string(desk.path(&format!("exec-{id}.txt"))).expect("exec output");
    assert_eq!(
        written,
        format!("قصف جديد على ريف إدلب\nidlib\n{}\nsyria\n", moved.display())
    );
    let (_, journal, _) = desk.run(&["journal", "--json"]);
    assert_eq!(json_lines(&journal)[0]["how"], "rule:idlib");

    let (code, _, err) = desk.run(&["undo"]);
    assert_eq!(code, 0, "{err}");
    assert!(desk.path("inbox/idlib-ar.txt").is_file() && !moved.exists());
}

#[test]
fn a_failing_command_is_reported_and_never_undoes_the_move() {
    let desk = Desk::new(r#"["sh", "-c", "echo oops >&2; exit 7"]"#);
    let (code, out, err) = desk.run(&["apply", "--json"]);
    assert_eq!(code, 1, "a failed command fails the run");
    let lines = json_lines(&out);
    assert_eq!(lines[1]["status"], 7);
    assert_eq!(lines[1]["error"], "exit status 7");
    assert!(
        err.contains("oops")
            && err.contains("command failed (exit status 7); the item is unaffected"),
        "{err}"
    );
    assert!(desk.path("filed/syria/idlib-ar.txt").is_file());

    let missing = Desk::new(r#"["/no/such/notifier", "{title}"]"#);
    let (code, out, _) = missing.run(&["apply"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("failed: cannot run /no/such/notifier"),
        "{out}"
    );
    assert!(missing.path("filed/syria/idlib-ar.txt").is_file());
}

#[test]
fn a_hanging_command_is_killed_at_the_timeout() {
    let desk = Desk::new(r#"["sh", "-c", "sleep 60 & sleep 60"]"#);
    let started = Instant::now();
    let (code, out, _) = desk.run(&["apply", "--json"]);
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "the command was not killed"
    );
    assert_eq!(code, 1);
    let lines = json_lines(&out);
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap_or("")
            .starts_with("timed out after 1s"),
        "{out}"
    );
    assert!(desk.path("filed/syria/idlib-ar.txt").is_file());
}
