//! The real binary in a real terminal (tmux): start, navigate, file, undo, quit.
//! Skipped with a notice where tmux is missing, except in CI where it must run.

mod big;
mod harness;

use harness::{Tmux, bin, desk, files};

#[test]
fn file_two_items_undo_one_and_quit_at_80x24() {
    let desk = desk();
    let Some(tmux) = Tmux::start("triage", 80, 24, desk.path()) else {
        return;
    };
    tmux.launch("USER=ana");
    // Sorted by title: Council…, Flood…, then the Arabic seed.
    tmux.wait_for("Inbox 3");
    tmux.wait_for("Council passes the budget");
    // In app mode the seed's title «سيرغي ريابكوف: …» is on screen in visual order.
    tmux.wait_for(":فوكباير يغريس");
    tmux.keys(&["1"]);
    tmux.wait_for("→ Syria");
    tmux.keys(&["2"]);
    tmux.wait_for("Inbox 1");
    let filed = desk.path().join("filed");
    assert_eq!(files(&filed.join("syria")), ["c-budget.txt"]);
    assert_eq!(files(&filed.join("world")), ["b-flood.txt"]);
    tmux.keys(&["u"]);
    tmux.wait_for("Inbox 2");
    tmux.wait_until("the undone item back in the inbox", || {
        files(&desk.path().join("inbox")) == ["a-seed.txt", "b-flood.txt"]
    });
    tmux.keys(&["q"]);
    tmux.wait_until("the shell prompt back", || {
        tmux.pane().lines().any(|l| l.trim_end() == "READY$")
    });
    tmux.wait_until("the alternate screen to close", || !tmux.alternate_screen());
    let pane = tmux.pane();
    assert!(!pane.contains("Inbox"), "terminal not restored:\n{pane}");
    assert_eq!(files(&filed.join("syria")), ["c-budget.txt"]);
    assert!(files(&filed.join("world")).is_empty());
}

#[test]
fn small_terminal_shows_the_list_and_then_the_too_small_message() {
    let desk = desk();
    let Some(tmux) = Tmux::start("small", 44, 12, desk.path()) else {
        return;
    };
    tmux.launch("");
    tmux.wait_for("Inbox 3");
    tmux.cmd(&["resize-window", "-t", "t", "-x", "30", "-y", "6"]);
    tmux.wait_for("too small");
    tmux.cmd(&["resize-window", "-t", "t", "-x", "44", "-y", "12"]);
    tmux.wait_for("Inbox 3");
    tmux.keys(&["q"]);
    tmux.wait_until("the alternate screen to close", || !tmux.alternate_screen());
}

#[test]
fn saving_the_config_reloads_it_and_a_broken_save_is_refused_with_its_place() {
    let desk = desk();
    let Some(tmux) = Tmux::start("reload", 100, 24, desk.path()) else {
        return;
    };
    tmux.launch("");
    tmux.wait_for("1 Syria");
    let config = desk.path().join("config.toml");
    let text = std::fs::read_to_string(&config)
        .expect("read")
        .replace("label = \"Syria\"", "label = \"Levant\"");
    std::fs::write(&config, &text).expect("write");
    tmux.wait_for("1 Levant");
    std::fs::write(&config, format!("{text}\nbogus = 1\n")).expect("write");
    let pane = tmux.wait_for("config not reloaded");
    assert!(pane.contains("config.toml:"), "{pane}");
    assert!(pane.contains("1 Levant"), "the old config stays: {pane}");
    tmux.keys(&["q"]);
    tmux.wait_until("the alternate screen to close", || !tmux.alternate_screen());
}

#[test]
fn a_hostile_item_leaves_screen_pane_title_and_clipboard_alone() {
    let desk = desk();
    let hostile = "Breaking\x1b[2J\x1b]52;c;cHduZWQ=\x07\x1b]0;OWNED\x07\u{202E}exe.txt news\n\nBody \x1b]52;c;aGk=\x07with \x1b]2;OWNED2\x1b\\ escapes and \u{202E}override text.\n";
    std::fs::write(desk.path().join("inbox/0-hostile.txt"), hostile).expect("write");
    let Some(tmux) = Tmux::start("hostile", 80, 24, desk.path()) else {
        return;
    };
    tmux.cmd(&["set-option", "-g", "set-clipboard", "on"]);
    tmux.cmd(&["set-option", "-g", "allow-rename", "on"]);
    tmux.wait_for("READY$");
    let title_before = String::from_utf8_lossy(
        &tmux
            .cmd(&["display", "-p", "-t", "t", "#{pane_title}"])
            .stdout,
    )
    .into_owned();
    tmux.keys(&[
        &format!("{} --config config.toml", bin().display()),
        "Enter",
    ]);
    tmux.wait_for("Breaking");
    // Sorted by title, the hostile item is first: open it in the reader too.
    tmux.keys(&["g", "Enter"]);
    tmux.wait_for("Reader");
    let pane = tmux.wait_for("override text");
    assert!(
        pane.contains("Inbox") || pane.contains("Reader"),
        "the screen was not cleared by the article: {pane}"
    );
    let title_after = String::from_utf8_lossy(
        &tmux
            .cmd(&["display", "-p", "-t", "t", "#{pane_title}"])
            .stdout,
    )
    .into_owned();
    assert_eq!(
        title_before, title_after,
        "the article changed the pane title"
    );
    assert!(!title_after.contains("OWNED"));
    let buffers = String::from_utf8_lossy(&tmux.cmd(&["list-buffers"]).stdout).into_owned();
    assert!(
        buffers.trim().is_empty(),
        "the article wrote to the clipboard: {buffers}"
    );
    // Escape and q sent together would read as alt-q.
    tmux.keys(&["Escape"]);
    tmux.wait_for("Inbox");
    tmux.keys(&["q"]);
    tmux.wait_until("the alternate screen to close", || !tmux.alternate_screen());
}

#[test]
fn runs_under_each_common_term_and_restores_the_terminal() {
    for term in [
        "xterm-256color",
        "screen-256color",
        "tmux-256color",
        "linux",
    ] {
        let desk = desk();
        let Some(tmux) = Tmux::start(&format!("term-{term}"), 80, 24, desk.path()) else {
            return;
        };
        tmux.launch(&format!("TERM={term}"));
        tmux.wait_for("Council passes the budget");
        tmux.keys(&["j"]);
        tmux.wait_for("Inbox 3");
        tmux.keys(&["q"]);
        tmux.wait_until(&format!("the prompt back under TERM={term}"), || {
            tmux.pane().lines().any(|l| l.trim_end() == "READY$")
        });
        assert!(!tmux.alternate_screen(), "TERM={term}");
    }
}

#[test]
fn the_pager_gets_the_terminal_and_gives_it_back() {
    let desk = desk();
    let pager = desk.path().join("pager.sh");
    std::fs::write(
        &pager,
        "#!/bin/sh\necho \"$1\" > \"$(dirname \"$0\")/paged\"\n",
    )
    .expect("write");
    std::process::Command::new("chmod")
        .arg("+x")
        .arg(&pager)
        .status()
        .expect("chmod");
    let Some(tmux) = Tmux::start("pager", 80, 24, desk.path()) else {
        return;
    };
    tmux.wait_for("READY$");
    tmux.keys(&[
        &format!(
            "PAGER={} {} --config config.toml",
            pager.display(),
            bin().display()
        ),
        "Enter",
    ]);
    tmux.wait_for("Council passes the budget");
    tmux.keys(&["o"]);
    let paged = desk.path().join("paged");
    tmux.wait_until("the pager to run", || paged.exists());
    let shown = std::fs::read_to_string(&paged).expect("read");
    assert!(shown.trim().ends_with("c-budget.txt"), "{shown}");
    tmux.wait_for("Inbox 3");
    tmux.keys(&["q"]);
    tmux.wait_until("the alternate screen to close", || !tmux.alternate_screen());
}

#[test]
fn a_url_goes_out_as_an_osc_8_hyperlink_and_the_screen_stays_aligned() {
    let desk = desk();
    let item = "---\ntitle: Aardvarks return to the valley\nurl: https://news.example/aardvarks?id=7\n---\n\nAardvarks were seen in the valley on Monday for the first time in years.\n";
    std::fs::write(desk.path().join("inbox/0-aardvarks.md"), item).expect("write");
    let config = desk.path().join("config.toml");
    let text = std::fs::read_to_string(&config).expect("read");
    let text = text.replace(
        "[display]\n",
        "[display]\nhyperlinks = \"on\"\nlayout = \"side\"\n",
    );
    std::fs::write(&config, text).expect("write");
    let Some(tmux) = Tmux::start("links", 110, 24, desk.path()) else {
        return;
    };
    let raw = desk.path().join("raw-output");
    tmux.wait_for("READY$");
    tmux.cmd(&[
        "pipe-pane",
        "-O",
        "-t",
        "t",
        &format!("cat >> '{}'", raw.display()),
    ]);
    tmux.keys(&[
        &format!("{} --config config.toml", bin().display()),
        "Enter",
    ]);
    // Sorted by title, the aardvarks come first and are selected.
    let pane = tmux.wait_for("https://news.example/aardvarks?id=7");
    let row = pane
        .lines()
        .find(|l| l.contains("https://news.example/aardvarks?id=7"))
        .expect("the URL row");
    assert!(
        row.trim_end().ends_with('│'),
        "the border stays in place: {row}"
    );
    assert!(
        !pane.contains("8;;"),
        "no sequence printed as text:\n{pane}"
    );
    tmux.wait_until("the link in the program's output", || {
        let bytes = std::fs::read(&raw).unwrap_or_default();
        String::from_utf8_lossy(&bytes)
            .contains("\x1b]8;;https://news.example/aardvarks?id=7\x1b\\h\x1b]8;;\x1b\\")
    });
    tmux.keys(&["Enter"]);
    let pane = tmux.wait_for("Reader");
    assert!(
        pane.contains("https://news.example/aardvarks?id=7"),
        "{pane}"
    );
    tmux.keys(&["q", "q"]);
    tmux.wait_until("the alternate screen to close", || !tmux.alternate_screen());
}

#[test]
fn tab_shows_a_saved_view_with_arabic_on_screen() {
    let desk = desk();
    let config = desk.path().join("config.toml");
    let text = std::fs::read_to_string(&config).expect("read");
    let views = "\n[[view]]\nname = \"Arabic\"\nquery = 'lang:ar'\n\n[[view]]\nname = \"Floods\"\nquery = 'flood'\nkey = \"F\"\n";
    std::fs::write(&config, text + views).expect("write");
    let Some(tmux) = Tmux::start("views", 80, 24, desk.path()) else {
        return;
    };
    tmux.launch("");
    tmux.wait_for("Inbox 3");
    tmux.keys(&["Tab"]);
    let pane = tmux.wait_for("Inbox › Arabic 1");
    assert!(pane.contains(":فوكباير يغريس"), "{pane}");
    assert!(!pane.contains("Council passes"), "{pane}");
    tmux.keys(&["F"]);
    let pane = tmux.wait_for("Inbox › Floods 1");
    assert!(pane.contains("Flood waters rise"), "{pane}");
    tmux.keys(&["F"]);
    tmux.wait_for("Inbox 3");
    tmux.keys(&["BTab"]);
    tmux.wait_for("Inbox › Floods 1");
    tmux.keys(&["q"]);
    tmux.wait_until("the alternate screen to close", || !tmux.alternate_screen());
}
