//! A temporary desk (a copy of the sample inbox and config.toml) and the binary run against it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

/// The newsdesk binary cargo built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_newsdesk");

/// The user most tests run as.
pub const ANA: &str = "ana";

pub use super::run::Run;

/// A desk in a temporary folder: `config.toml`, `inbox/`, and the category folders it makes.
pub struct Desk {
    dir: TempDir,
}

impl Desk {
    /// A copy of the repository's sample inbox and bundled config.
    pub fn sample() -> Desk {
        let desk = Desk::empty();
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        for entry in fs::read_dir(repo.join("inbox")).expect("read inbox/") {
            let entry = entry.expect("inbox entry");
            let name = entry.file_name();
            if entry.file_type().expect("file type").is_file()
                && !name.to_string_lossy().starts_with('.')
            {
                fs::copy(entry.path(), desk.inbox().join(&name)).expect("copy item");
            }
        }
        desk
    }

    /// The bundled config and an empty inbox.
    pub fn empty() -> Desk {
        let dir = tempfile::tempdir().expect("tempdir");
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        fs::copy(repo.join("config.toml"), dir.path().join("config.toml"))
            .expect("copy config.toml");
        fs::create_dir(dir.path().join("inbox")).expect("mkdir inbox");
        Desk { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn inbox(&self) -> PathBuf {
        self.root().join("inbox")
    }

    /// A path under the desk's folder.
    pub fn path(&self, relative: &str) -> PathBuf {
        self.root().join(relative)
    }

    /// Writes an item into the inbox.
    pub fn add(&self, name: &str, text: &str) {
        fs::write(self.inbox().join(name), text).expect("write item");
    }

    /// The binary, run as `user` in the desk's folder with its config, isolated from the
    /// caller's environment.
    pub fn command(&self, user: &str) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.current_dir(self.root())
            .arg("--config")
            .arg("config.toml")
            .env_remove("NEWSDESK_CONFIG")
            .env("USER", user)
            .env("LOGNAME", user)
            .env("HOME", self.root())
            .env("XDG_CONFIG_HOME", self.root().join(".config"))
            .env("NO_COLOR", "1");
        cmd
    }

    /// Runs `newsdesk --config config.toml ARGS…` as ana.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_as(ANA, args)
    }

    /// Runs `newsdesk --config config.toml ARGS…` as `user`.
    pub fn run_as(&self, user: &str, args: &[&str]) -> Run {
        Run::from(
            self.command(user)
                .args(args)
                .output()
                .expect("run newsdesk"),
        )
    }

    /// The names of the files directly in a folder of the desk, sorted.
    pub fn names_in(&self, relative: &str) -> Vec<String> {
        let Ok(dir) = fs::read_dir(self.path(relative)) else {
            return Vec::new();
        };
        let mut names: Vec<String> = dir
            .map(|e| e.expect("dir entry"))
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// The host name newsdesk writes into the journal (read back from a record).
    pub fn journal_host(&self) -> String {
        let records = self.run(&["journal", "--json"]).expect(0).json_lines();
        let host = records
            .first()
            .and_then(|r| r["host"].as_str())
            .expect("a journal record with a host");
        host.to_string()
    }
}
