//! A throwaway desk for fault injection: a config naming its folders, items, the binary
//! run against it, and a census of every file (hidden claims and temporaries included).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use newsdesk::desk::Record;
use newsdesk::desk::journal::undo_stack;
use tempfile::TempDir;

/// The newsdesk binary cargo built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_newsdesk");

/// Are we root (so mounts and running as another user are possible)?
/// Held by the test with a deadline (the watcher's) and by the ones that load the
/// machine most (kill loops, four racing processes), so a deadline never races a
/// disk full of copies on a 2-core machine.
pub fn heavy() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

pub fn is_root() -> bool {
    rustix::process::geteuid().is_root()
}

pub use super::run::Run;

/// A desk in a temporary folder whose categories may live anywhere (another filesystem).
pub struct Desk {
    dir: TempDir,
    pub categories: Vec<(String, PathBuf)>,
    /// Run the binary as `nobody` (so permissions bite even when the tests run as root).
    pub as_nobody: bool,
}

impl Desk {
    /// A desk with categories `syria` and `world` under its own folder.
    pub fn new() -> Desk {
        let dir = tempfile::tempdir().expect("tempdir");
        let cats = ["syria", "world"].map(|c| (c.to_string(), dir.path().join("filed").join(c)));
        Desk::with_categories(dir, cats.into())
    }

    /// A desk with one category, `far`, in `folder` (e.g. on a tmpfs), and `near` beside it.
    pub fn with_far_category(folder: &Path) -> Desk {
        let dir = tempfile::tempdir().expect("tempdir");
        let near = dir.path().join("filed").join("near");
        Desk::with_categories(
            dir,
            vec![("far".into(), folder.to_path_buf()), ("near".into(), near)],
        )
    }

    fn with_categories(dir: TempDir, categories: Vec<(String, PathBuf)>) -> Desk {
        let mut config = String::from("inbox = \"inbox\"\nskip = \"skipped\"\n");
        for (name, folder) in &categories {
            config.push_str(&format!(
                "[[category]]\nname = \"{name}\"\nfolder = \"{}\"\n",
                folder.display()
            ));
        }
        fs::write(dir.path().join("config.toml"), config).expect("write config");
        fs::create_dir(dir.path().join("inbox")).expect("mkdir inbox");
        Desk {
            dir,
            categories,
            as_nobody: false,
        }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn inbox(&self) -> PathBuf {
        self.root().join("inbox")
    }

    /// The folder of a category.
    pub fn folder(&self, category: &str) -> &Path {
        &self
            .categories
            .iter()
            .find(|(c, _)| c == category)
            .expect("known category")
            .1
    }

    /// Writes `n` items named [`item`] into the inbox.
    pub fn add_items(&self, n: usize) -> Vec<String> {
        let names: Vec<String> = (0..n).map(item).collect();
        for name in &names {
            fs::write(
                self.inbox().join(name),
                format!("{name} headline\n\nThe body of {name}, filed exactly once.\n"),
            )
            .expect("write item");
        }
        names
    }

    /// The binary as user `ana`, isolated from the caller's environment.
    pub fn command(&self) -> Command {
        let mut cmd = if self.as_nobody && is_root() {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", BIN]);
            c
        } else {
            Command::new(BIN)
        };
        cmd.current_dir(self.root())
            .arg("--config")
            .arg("config.toml")
            .env_remove("NEWSDESK_CONFIG")
            .env("USER", "ana")
            .env("LOGNAME", "ana")
            .env("HOME", self.root())
            .env("XDG_CONFIG_HOME", self.root().join(".config"))
            .env("XDG_CACHE_HOME", self.root().join(".cache"))
            .env("NO_COLOR", "1");
        cmd
    }

    /// Runs `newsdesk --config config.toml ARGS…` to the end.
    pub fn run(&self, args: &[&str]) -> Run {
        self.command()
            .args(args)
            .output()
            .expect("run newsdesk")
            .into()
    }

    /// Starts `newsdesk ARGS…` with its output discarded (it is about to be killed).
    pub fn spawn(&self, args: &[String]) -> Child {
        self.command()
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn newsdesk")
    }

    /// Every folder an item can be in: inbox, skip and the categories.
    pub fn folders(&self) -> Vec<PathBuf> {
        let mut all = vec![self.inbox(), self.root().join("skipped")];
        all.extend(self.categories.iter().map(|(_, f)| f.clone()));
        all
    }

    /// Item name → every file holding it, hidden claims and temporaries counted as
    /// copies of the item they name. Panics on a file that is no item at all.
    pub fn census(&self) -> BTreeMap<String, Vec<PathBuf>> {
        let mut found: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
        for folder in self.folders() {
            let Ok(dir) = fs::read_dir(&folder) else {
                continue;
            };
            for entry in dir {
                let entry = entry.expect("dir entry");
                if !entry.file_type().is_ok_and(|t| t.is_file()) {
                    continue; // .newsdesk/ (the journal)
                }
                let name = entry.file_name().to_string_lossy().into_owned();
                found.entry(item_of(&name)).or_default().push(entry.path());
            }
        }
        found
    }

    /// Asserts that each of `names` is in exactly one place, as a visible file,
    /// and nothing else is there.
    pub fn assert_each_exactly_once(&self, names: &[String], context: &str) {
        let census = self.census();
        for name in names {
            let places = census.get(name).map_or(&[][..], Vec::as_slice);
            assert_eq!(places.len(), 1, "{context}: {name} is in {places:?}");
            assert!(
                places[0].file_name().is_some_and(|n| n == name.as_str()),
                "{context}: {name} is under another name: {places:?}"
            );
        }
        let extra: Vec<_> = census.keys().filter(|k| !names.contains(k)).collect();
        assert!(extra.is_empty(), "{context}: unknown files {extra:?}");
    }

    /// The journal as `newsdesk journal --json` reads it back after a restart.
    pub fn journal(&self) -> Vec<Record> {
        let run = self.run(&["journal", "--json"]).expect(0);
        run.stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not a record ({e}): {l}")))
            .collect()
    }

    /// Checks the journal against the files: every move not undone points at its file,
    /// except at most `in_flight` (moved back by a killed undo that died before journaling,
    /// in which case the file is at the record's `from`). Returns the live moves.
    pub fn assert_journal_agrees(&self, in_flight: usize, context: &str) -> Vec<Record> {
        let records = self.journal();
        let live = undo_stack(&records);
        let stale: Vec<&Record> = live.iter().filter(|r| !r.to.exists()).collect();
        assert!(
            stale.len() <= in_flight,
            "{context}: journaled moves whose file is gone: {stale:#?}"
        );
        for r in stale {
            assert!(r.from.exists(), "{context}: {} is nowhere: {r:#?}", r.name);
        }
        live
    }
}

/// The name of the `i`th test item.
pub fn item(i: usize) -> String {
    format!("item-{i:04}.txt")
}

/// The item a file name stands for: claims and temporaries carry it after a prefix
/// and `HOST.PID.` (host names have no dots there).
pub fn item_of(name: &str) -> String {
    [".newsdesk-claim.", ".newsdesk-tmp."]
        .iter()
        .find_map(|prefix| name.strip_prefix(prefix))
        .and_then(|rest| rest.splitn(3, '.').nth(2))
        .unwrap_or(name)
        .to_string()
}

/// A small tmpfs mounted for one test, unmounted when dropped. `None` (with a printed
/// notice) where mounting is not permitted.
pub struct Tmpfs {
    _dir: TempDir,
    pub path: PathBuf,
}

impl Tmpfs {
    pub fn mount(size: &str, test: &str) -> Option<Tmpfs> {
        if !is_root() {
            eprintln!("SKIPPED {test}: mounting a tmpfs needs root");
            return None;
        }
        let dir = tempfile::tempdir().expect("tempdir");
        let status = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0777"),
                "tmpfs",
            ])
            .arg(dir.path())
            .status();
        if !status.is_ok_and(|s| s.success()) {
            eprintln!("SKIPPED {test}: mount -t tmpfs is not permitted here");
            return None;
        }
        let path = dir.path().to_path_buf();
        Some(Tmpfs { _dir: dir, path })
    }

    /// Fills the filesystem until writes fail with ENOSPC.
    pub fn fill(&self) {
        let mut f = fs::File::create(self.path.join("ballast")).expect("create ballast");
        let block = vec![0u8; 4096];
        loop {
            if let Err(e) = std::io::Write::write_all(&mut f, &block) {
                assert_eq!(e.raw_os_error(), Some(28), "ENOSPC, got {e}");
                break;
            }
        }
        // Small files may still fit in a partly used page: use it up too.
        for i in 0.. {
            if fs::write(self.path.join(format!("ballast-{i}")), [0u8; 1]).is_err() {
                break;
            }
        }
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.path).status();
    }
}
