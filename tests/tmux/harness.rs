//! The harness: a tmux server of our own, a desk to run on, the binary.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server of our own, killed when the test ends.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    pub fn start(name: &str, width: u16, height: u16, dir: &Path) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(std::env::var_os("CI").is_none(), "tmux is required in CI");
            eprintln!("tmux not installed: skipping {name}");
            return None;
        }
        let tmux = Tmux {
            socket: format!("newsdesk-{name}-{}", std::process::id()),
        };
        let (w, h) = (width.to_string(), height.to_string());
        let status = tmux.cmd(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            &w,
            "-y",
            &h,
            "-c",
            &dir.to_string_lossy(),
            "env",
            "PS1=READY$ ",
            "TERM=xterm-256color",
            "LANG=C.UTF-8",
            "sh",
        ]);
        assert!(
            status.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&status.stderr)
        );
        Some(tmux)
    }

    pub fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux")
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend(keys);
        self.cmd(&args);
    }

    /// Waits for the shell, then runs newsdesk on the desk's config, `env` (`VAR=value …`)
    /// in front.
    pub fn launch(&self, env: &str) {
        self.wait_for("READY$");
        let command = format!("{env} {} --config config.toml", bin().display());
        self.keys(&[command.trim_start(), "Enter"]);
    }

    pub fn pane(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    pub fn alternate_screen(&self) -> bool {
        String::from_utf8_lossy(
            &self
                .cmd(&["display", "-p", "-t", "t", "#{alternate_on}"])
                .stdout,
        )
        .trim()
            == "1"
    }

    /// Polls the pane until `text` shows, under a deadline; prints the pane on timeout.
    pub fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let pane = self.pane();
            if pane.contains(text) {
                return pane;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {text:?}; the pane:\n{pane}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Polls until a condition on the desk holds.
    pub fn wait_until(&self, what: &str, cond: impl Fn() -> bool) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while !cond() {
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; the pane:\n{}",
                self.pane()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.cmd(&["kill-server"]);
    }
}

/// A temporary desk: config.toml, an inbox with an Arabic and two English items.
pub fn desk() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).expect("inbox");
    let seed = include_str!("../fixtures/seed-ar.txt");
    std::fs::write(inbox.join("a-seed.txt"), seed).expect("write");
    std::fs::write(inbox.join("b-flood.txt"), "Flood waters rise in the valley\n\nFlood waters rose across the valley on Monday, forcing families from their homes.\n").expect("write");
    std::fs::write(inbox.join("c-budget.txt"), "Council passes the budget\n\nThe council passed the budget on Tuesday night after a long debate.\n").expect("write");
    let config = "inbox = \"inbox\"\n[display]\nsort = \"title\"\nbidi = \"app\"\narabic_shaping = \"off\"\n[[category]]\nname = \"syria\"\nkey = \"1\"\nfolder = \"filed/syria\"\nlabel = \"Syria\"\n[[category]]\nname = \"world\"\nkey = \"2\"\nfolder = \"filed/world\"\n";
    std::fs::write(dir.path().join("config.toml"), config).expect("config");
    dir
}

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_newsdesk"))
}

pub fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| !n.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}
