//! Tidying up after a cross-filesystem move (or a feed split) that was killed: claims
//! are put back or, when the copy had already been renamed into place, removed; partial
//! copies are deleted. Only leftovers of this host whose process is gone are touched,
//! so a move still running (here or on another host sharing the desk) is left alone.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::moving::{CLAIM_PREFIX, TMP_PREFIX, candidates, restore};

/// What a dead move left: a claim (the source renamed aside) or a temporary copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Claim,
    Tmp,
}

/// One hidden file left by a move of this host: `PREFIX` `HOST.PID.NAME`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leftover {
    pub kind: Kind,
    pub path: PathBuf,
    pub pid: i32,
    /// The item's name, as it was to be filed.
    pub name: String,
}

/// What [`recover`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Recovered {
    /// Claims put back under their item's name.
    pub restored: Vec<PathBuf>,
    /// Claims removed because the move had finished (its copy is in place).
    pub finished: Vec<PathBuf>,
    /// Partial copies removed.
    pub removed: Vec<PathBuf>,
}

/// Parses a file name as a leftover of host `tag`.
pub fn parse(dir: &Path, file_name: &str, tag: &str) -> Option<Leftover> {
    let (kind, rest) = if let Some(rest) = file_name.strip_prefix(CLAIM_PREFIX) {
        (Kind::Claim, rest)
    } else {
        (Kind::Tmp, file_name.strip_prefix(TMP_PREFIX)?)
    };
    let (pid, name) = rest.strip_prefix(tag)?.strip_prefix('.')?.split_once('.')?;
    Some(Leftover {
        kind,
        path: dir.join(file_name),
        pid: pid.parse().ok()?,
        name: name.to_string(),
    })
}

/// Is process `pid` running? `EPERM` means it is, under another user.
pub fn alive(pid: i32) -> bool {
    use rustix::io::Errno;
    let Some(pid) = rustix::process::Pid::from_raw(pid) else {
        return false;
    };
    match rustix::process::test_kill_process(pid) {
        Ok(()) | Err(Errno::PERM) => true,
        Err(_) => false,
    }
}

/// The leftovers of dead processes of host `tag` in `folders`.
fn dead_leftovers(folders: &[PathBuf], tag: &str) -> Vec<Leftover> {
    let mut found = Vec::new();
    for folder in folders {
        let Ok(dir) = fs::read_dir(folder) else {
            continue;
        };
        for entry in dir.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(left) = parse(folder, &name, tag).filter(|l| !alive(l.pid)) {
                found.push(left);
            }
        }
    }
    found
}

/// Cleans up after dead moves of host `tag` in the desk's `folders` (inbox, skip folder,
/// categories). A dead claim whose temporary is still there was never copied into place:
/// it is put back. A dead claim without one is removed only if an identical copy (same
/// length, modification time and bytes) sits under its name in another folder, else put
/// back too: two copies at worst, never none. Then the dead temporaries go.
pub fn recover(folders: &[PathBuf], tag: &str) -> Recovered {
    let left = dead_leftovers(folders, tag);
    let tmps: Vec<&Leftover> = left.iter().filter(|l| l.kind == Kind::Tmp).collect();
    let mut done = Recovered::default();
    for claim in left.iter().filter(|l| l.kind == Kind::Claim) {
        let copying = tmps
            .iter()
            .any(|t| t.pid == claim.pid && t.name == claim.name);
        if !copying && copy_in_place(claim, folders) {
            if fs::remove_file(&claim.path).is_ok() {
                done.finished.push(claim.path.clone());
            }
        } else if let Ok(back) = restore(&claim.path, &sibling(&claim.path, &claim.name)) {
            done.restored.push(back);
        }
    }
    for tmp in tmps {
        if fs::remove_file(&tmp.path).is_ok() {
            done.removed.push(tmp.path.clone());
        }
    }
    done
}

/// `name` in the folder of `path`.
fn sibling(path: &Path, name: &str) -> PathBuf {
    path.with_file_name(name)
}

/// Is the claimed file already in another folder under its name (or `name-2`…, the
/// names a move picks in turn, up to the first free one)?
fn copy_in_place(claim: &Leftover, folders: &[PathBuf]) -> bool {
    let home = claim.path.parent();
    folders
        .iter()
        .filter(|f| Some(f.as_path()) != home)
        .any(|folder| {
            candidates(&claim.name)
                .map(|n| folder.join(n))
                .take_while(|p| p.exists())
                .any(|p| same_file_contents(&claim.path, &p).unwrap_or(false))
        })
}

/// Same length, modification time and bytes (a move copies the time too).
fn same_file_contents(a: &Path, b: &Path) -> io::Result<bool> {
    let (ma, mb) = (fs::metadata(a)?, fs::metadata(b)?);
    if ma.len() != mb.len() || ma.modified()? != mb.modified()? {
        return Ok(false);
    }
    let (mut fa, mut fb) = (fs::File::open(a)?, fs::File::open(b)?);
    let (mut ba, mut bb) = (vec![0u8; 64 * 1024], vec![0u8; 64 * 1024]);
    loop {
        let n = read_full(&mut fa, &mut ba)?;
        if n != read_full(&mut fb, &mut bb)? || ba[..n] != bb[..n] {
            return Ok(false);
        }
        if n == 0 {
            return Ok(true);
        }
    }
}

/// Reads until `buf` is full or the file ends.
fn read_full(file: &mut fs::File, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

#[cfg(test)]
mod tests;
