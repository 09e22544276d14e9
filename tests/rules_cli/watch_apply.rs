//! `rules watch --apply` (and `apply`) over an inbox that changes while it runs.

use super::*;

/// Lines of a child's pipe, read on a thread.
fn lines_of(pipe: impl std::io::Read + Send + 'static) -> Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(pipe).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// Reads lines until one satisfies `want`, under a deadline; returns it.
fn wait_for(
    rx: &Receiver<String>,
    seen: &mut Vec<String>,
    what: &str,
    want: impl Fn(&str) -> bool,
) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left.min(Duration::from_millis(100))) {
            Ok(line) => {
                seen.push(line.clone());
                if want(&line) {
                    return line;
                }
            }
            Err(_) if Instant::now() < deadline => {}
            Err(_) => panic!("timed out waiting for {what}; saw {seen:#?}"),
        }
    }
}

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `watch --apply` on the desk and waits until it says it applies auto rules;
/// its stdout lines, and the process (killed when dropped).
fn watch_apply(desk: &Desk) -> (Receiver<String>, Killed) {
    let mut child = desk
        .command(&["watch", "--apply"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start watch");
    let out = lines_of(child.stdout.take().expect("stdout"));
    let err = lines_of(child.stderr.take().expect("stderr"));
    let child = Killed(child);
    wait_for(&err, &mut Vec::new(), "the watcher to start", |l| {
        l.contains("applying auto rules")
    });
    (out, child)
}

#[test]
fn watch_apply_files_what_is_there_and_what_arrives() {
    let desk = Desk::new(WRITE_FIELDS);
    let (out, _child) = watch_apply(&desk);
    let mut seen = Vec::new();
    // The item already in the inbox is filed first.
    wait_for(&out, &mut seen, "the startup filing", |l| {
        l.contains("\"action\":\"file\"") && l.contains("idlib-ar.txt")
    });

    let incoming = desk.path("inbox/.incoming");
    fs::write(&incoming, IDLIB.replace("قصف جديد", "غارات")).expect("write");
    fs::rename(&incoming, desk.path("inbox/idlib-2.txt")).expect("rename in");
    let line = wait_for(&out, &mut seen, "the arrival filed", |l| {
        l.contains("\"action\":\"file\"") && l.contains("idlib-2.txt")
    });
    let action: serde_json::Value = serde_json::from_str(&line).expect("json");
    assert_eq!(action["rule"], "idlib");
    assert_eq!(action["category"], "syria");
    wait_for(&out, &mut seen, "its command", |l| {
        l.contains("\"action\":\"exec\"") && l.contains("idlib-2.txt")
    });
    assert!(desk.path("filed/syria/idlib-2.txt").is_file());
    assert!(!desk.path("inbox/idlib-2.txt").exists());
    assert!(
        desk.path("inbox/markets.txt").is_file(),
        "suggest-mode rules never move"
    );
    assert!(
        seen.iter()
            .all(|l| serde_json::from_str::<serde_json::Value>(l).is_ok()),
        "{seen:#?}"
    );
}

/// One wire story and the copy another outlet ran (new headline, byline, last paragraph dropped).
const WIRE: &str = "Turkish and Russian military delegations met in Ankara on Friday for a second day of talks on restoring a ceasefire in Idlib province, where a week of shelling has forced more than 40,000 people from villages south of the highway.\n\nThe talks follow the deaths of four soldiers at an observation post on Sunday, an attack Ankara blamed on government forces.\n\nA Russian defence ministry official said Moscow wanted joint patrols on the highway restored before any new arrangement was discussed.\n\nAid agencies say camps near the border are already full and fuel for heating is running short.\n";

/// An auto rule skipping copies of filed items, then one filing Idlib items `WHEN`.
const COPY_RULES: &str = r#"
inbox = "inbox"
skip = "skipped"

[[category]]
name = "syria"
folder = "filed/syria"

[[rule]]
name = "copy"
when = 'dup:filed'
skip = true
mode = "auto"

[[rule]]
name = "idlib"
when = 'WHEN'
file = "syria"
mode = "auto"
"#;

fn wire_copy() -> String {
    let trimmed: Vec<&str> = WIRE.split("\n\n").take(3).collect();
    format!(
        "Second day of Idlib talks\n\nBy Staff Writer\n\n{}\n",
        trimmed.join("\n\n")
    )
}

#[test]
fn watch_apply_skips_a_copy_of_what_it_filed_earlier() {
    let desk = Desk::new("[]");
    desk.set_config(&COPY_RULES.replace("WHEN", "title:idlib"));
    fs::remove_file(desk.path("inbox/idlib-ar.txt")).expect("rm");
    let (out, _child) = watch_apply(&desk);
    let mut seen = Vec::new();
    let arrive = |name: &str, text: &str| {
        let incoming = desk.path("inbox/.incoming");
        fs::write(&incoming, text).expect("write");
        fs::rename(&incoming, desk.path("inbox").join(name)).expect("rename in");
    };
    arrive("a-wire.txt", &format!("Idlib talks resume\n\n{WIRE}"));
    wait_for(&out, &mut seen, "the story filed", |l| {
        l.contains("\"action\":\"file\"") && l.contains("a-wire.txt")
    });
    arrive("b-copy.txt", &wire_copy());
    let line = wait_for(&out, &mut seen, "the copy skipped", |l| {
        l.contains("\"action\":") && l.contains("b-copy.txt")
    });
    let action: serde_json::Value = serde_json::from_str(&line).expect("json");
    assert_eq!(
        (&action["action"], &action["rule"]),
        (&"skip".into(), &"copy".into()),
        "{line}"
    );

    // Filed by someone else meanwhile: the next arrival's rules see it too.
    let budget = "The city council passed the budget on Tuesday night after a long debate about road repairs, school meals and the price of bus tickets for students and pensioners.\n";
    arrive(
        "c-budget.txt",
        &format!("Council passes the budget\n\n{budget}"),
    );
    wait_for(&out, &mut seen, "the budget reported", |l| {
        l.contains("\"event\":\"arrived\"") && l.contains("c-budget.txt")
    });
    let (code, _, err) = desk.run(&["file", "c-budget.txt", "syria"]);
    assert_eq!(code, 0, "{err}");
    arrive("d-budget.txt", &format!("Budget approved\n\n{budget}"));
    let line = wait_for(&out, &mut seen, "the second budget skipped", |l| {
        l.contains("\"action\":") && l.contains("d-budget.txt")
    });
    assert!(line.contains("\"rule\":\"copy\""), "{line}");
}

#[test]
fn rules_see_a_copy_of_a_filed_item_and_apply_skips_the_copy_of_what_it_just_filed() {
    let desk = Desk::new("[]");
    desk.set_config(&COPY_RULES.replace("WHEN", "title:idlib cluster:2"));
    fs::remove_file(desk.path("inbox/idlib-ar.txt")).expect("rm");
    fs::write(
        desk.path("inbox/a-wire.txt"),
        format!("Idlib talks resume\n\n{WIRE}"),
    )
    .expect("item");
    fs::write(desk.path("inbox/b-copy.txt"), wire_copy()).expect("item");

    let (code, _, err) = desk.run(&["file", "a-wire.txt", "syria"]);
    assert_eq!(code, 0, "{err}");
    let (_, explained, _) = desk.run(&["rules", "explain", "b-copy.txt"]);
    assert!(
        explained.contains("✓ dup:filed  in dup \"filed → syria\""),
        "{explained}"
    );
    let (code, _, err) = desk.run(&["undo"]);
    assert_eq!(code, 0, "{err}");

    let (code, out, err) = desk.run(&["apply", "--json"]);
    assert_eq!(code, 0, "{err}");
    let actions: Vec<(String, String)> = json_lines(&out)
        .iter()
        .map(|l| {
            (
                l["name"].as_str().unwrap_or("").into(),
                l["rule"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    assert_eq!(
        actions,
        [
            ("a-wire.txt".into(), "idlib".into()),
            ("b-copy.txt".into(), "copy".into())
        ],
        "the first copy is filed (a story of two), the second is then a copy of a filed item"
    );
    assert!(desk.path("filed/syria/a-wire.txt").is_file());
    assert!(desk.path("skipped/b-copy.txt").is_file());
}
