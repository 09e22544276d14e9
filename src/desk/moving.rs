//! Moving a file into a folder without ever replacing one, even across filesystems.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rustix::fs::{CWD, RenameFlags, renameat_with};
use rustix::io::Errno;

/// Why a move did not happen.
#[derive(Debug, thiserror::Error)]
pub enum MoveError {
    /// The source was gone: someone else moved or deleted it first.
    #[error("the file is no longer there")]
    SourceGone,
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// Moves `src` into `dir` under its own name, or `name-2.ext`, `name-3.ext`… when
/// taken; never replaces a file. Durable: the folders are fsynced.
pub fn move_into(src: &Path, dir: &Path, tag: &str) -> Result<PathBuf, MoveError> {
    move_named(src, dir, &file_name(src)?, tag)
}

/// Like [`move_into`], under `name` (or a free variant of it) instead of the source's
/// own name: undo puts a file back under the name it had.
pub fn move_named(src: &Path, dir: &Path, name: &str, tag: &str) -> Result<PathBuf, MoveError> {
    let name = name.to_string();
    fs::create_dir_all(dir)?;
    for candidate in candidates(&name) {
        let dst = dir.join(&candidate);
        match rename_noreplace(src, &dst) {
            Ok(()) => {
                sync_dir(dir)?;
                sync_dir(src.parent().unwrap_or(Path::new(".")))?;
                return Ok(dst);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) if e.raw_os_error() == Some(Errno::XDEV.raw_os_error()) => {
                return move_across(src, dir, &name, tag);
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound && !exists(src) => {
                return Err(MoveError::SourceGone);
            }
            Err(e) => return Err(e.into()),
        }
    }
    Err(io::Error::other("no free name for the file").into())
}

fn file_name(path: &Path) -> io::Result<String> {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file path"))
}

fn exists(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

/// The name, then `stem-2.ext`, `stem-3.ext`, … (bounded).
pub(crate) fn candidates(name: &str) -> impl Iterator<Item = String> + '_ {
    let (stem, ext) = match name.rfind('.') {
        Some(i) if i > 0 => (&name[..i], &name[i..]),
        _ => (name, ""),
    };
    std::iter::once(name.to_string()).chain((2..10_000).map(move |n| format!("{stem}-{n}{ext}")))
}

/// `rename` that fails with `AlreadyExists` instead of replacing `dst`.
pub(crate) fn rename_noreplace(src: &Path, dst: &Path) -> io::Result<()> {
    match renameat_with(CWD, src, CWD, dst, RenameFlags::NOREPLACE) {
        Ok(()) => Ok(()),
        Err(Errno::INVAL | Errno::NOSYS | Errno::OPNOTSUPP) => link_then_unlink(src, dst),
        Err(e) => Err(e.into()),
    }
}

/// For filesystems without RENAME_NOREPLACE: `link` fails on an existing name.
fn link_then_unlink(src: &Path, dst: &Path) -> io::Result<()> {
    match fs::hard_link(src, dst) {
        Ok(()) => {}
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::PermissionDenied | io::ErrorKind::Unsupported
            ) =>
        {
            // No hard links either (FAT, some FUSE): a checked rename is the best left.
            if exists(dst) {
                return Err(io::ErrorKind::AlreadyExists.into());
            }
            return fs::rename(src, dst);
        }
        Err(e) => return Err(e),
    }
    match fs::remove_file(src) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            // Another process linked and unlinked first: its copy is the filed one.
            let _ = fs::remove_file(dst);
            Err(e)
        }
        other => other,
    }
}

/// Across filesystems: create the hidden temporary in `dir`, claim the source by
/// renaming it aside (atomic, so only one process wins), copy into the temporary, fsync,
/// rename it into place, then remove the claim. A kill leaves two copies at worst,
/// never none; [`super::recover`] tidies up after it. The temporary exists before the
/// claim and is renamed away before the claim goes, so a dead mover's claim with its
/// temporary still beside it was never copied into place.
fn move_across(src: &Path, dir: &Path, name: &str, tag: &str) -> Result<PathBuf, MoveError> {
    let tmp = tmp_path(dir, tag, name);
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)?;
    let claim = src.with_file_name(leftover_name(CLAIM_PREFIX, tag, name));
    if let Err(e) = rename_noreplace(src, &claim) {
        let _ = fs::remove_file(&tmp);
        return Err(match e.kind() {
            io::ErrorKind::NotFound => MoveError::SourceGone,
            _ => e.into(),
        });
    }
    match copy_into_place(&claim, &tmp, dir, name) {
        Ok(dst) => {
            fs::remove_file(&claim)?;
            sync_dir(src.parent().unwrap_or(Path::new(".")))?;
            Ok(dst)
        }
        Err(e) => {
            // The source back first: a claim alone would read as a finished move.
            restore(&claim, src)?;
            let _ = fs::remove_file(&tmp);
            Err(e.into())
        }
    }
}

/// The prefix of a file claimed by a cross-filesystem move in progress:
/// `.newsdesk-claim.HOST.PID.NAME`, beside where the file was.
pub const CLAIM_PREFIX: &str = ".newsdesk-claim.";

/// The prefix of the copy a cross-filesystem move is writing:
/// `.newsdesk-tmp.HOST.PID.NAME`, in the folder it moves to.
pub const TMP_PREFIX: &str = ".newsdesk-tmp.";

/// This process's hidden temporary for `name` in `dir`.
pub(crate) fn tmp_path(dir: &Path, tag: &str, name: &str) -> PathBuf {
    dir.join(leftover_name(TMP_PREFIX, tag, name))
}

/// `PREFIX` `HOST.PID.NAME`: what [`super::recover`] parses back.
fn leftover_name(prefix: &str, tag: &str, name: &str) -> String {
    format!("{prefix}{tag}.{}.{name}", std::process::id())
}

fn copy_into_place(claim: &Path, tmp: &Path, dir: &Path, name: &str) -> io::Result<PathBuf> {
    fs::copy(claim, tmp)?;
    let file = fs::OpenOptions::new().write(true).open(tmp)?;
    if let Ok(modified) = fs::metadata(claim).and_then(|m| m.modified()) {
        file.set_modified(modified)?;
    }
    file.sync_all()?;
    for candidate in candidates(name) {
        let dst = dir.join(candidate);
        match rename_noreplace(tmp, &dst) {
            Ok(()) => {
                sync_dir(dir)?;
                return Ok(dst);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("no free name for the file"))
}

/// Puts a claimed file back under its name (or a free variant of it).
pub fn restore(claim: &Path, original: &Path) -> io::Result<PathBuf> {
    let dir = original.parent().unwrap_or(Path::new("."));
    for candidate in candidates(&file_name(original)?) {
        let dst = dir.join(candidate);
        match rename_noreplace(claim, &dst) {
            Ok(()) => return Ok(dst),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("no free name to restore the file"))
}

/// Makes a rename durable: fsync the folder.
fn sync_dir(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_keep_the_extension() {
        let names: Vec<String> = candidates("a.txt").take(3).collect();
        assert_eq!(names, ["a.txt", "a-2.txt", "a-3.txt"]);
        assert_eq!(candidates("README").nth(1).as_deref(), Some("README-2"));
        assert_eq!(candidates(".x").nth(1).as_deref(), Some(".x-2"));
    }

    #[test]
    fn never_replaces_an_existing_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (inbox, cat) = (dir.path().join("inbox"), dir.path().join("cat"));
        fs::create_dir_all(&inbox).expect("mkdir");
        fs::create_dir_all(&cat).expect("mkdir");
        fs::write(cat.join("a.txt"), "old").expect("write");
        fs::write(inbox.join("a.txt"), "new").expect("write");
        let dst = move_into(&inbox.join("a.txt"), &cat, "t").expect("move");
        assert_eq!(dst, cat.join("a-2.txt"));
        assert_eq!(fs::read_to_string(cat.join("a.txt")).expect("read"), "old");
        assert_eq!(fs::read_to_string(&dst).expect("read"), "new");
        assert!(matches!(
            move_into(&inbox.join("a.txt"), &cat, "t"),
            Err(MoveError::SourceGone)
        ));
    }

    #[test]
    fn link_fallback_refuses_to_replace() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        fs::write(&a, "a").expect("write");
        fs::write(&b, "b").expect("write");
        let err = link_then_unlink(&a, &b).expect_err("must refuse");
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&b).expect("read"), "b");
        link_then_unlink(&a, &dir.path().join("c")).expect("link");
        assert!(!a.exists());
    }

    #[test]
    fn cross_device_path_moves_and_keeps_mtime() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (inbox, cat) = (dir.path().join("inbox"), dir.path().join("cat"));
        fs::create_dir_all(&inbox).expect("mkdir");
        let src = inbox.join("a.txt");
        fs::write(&src, "body").expect("write");
        let before = fs::metadata(&src)
            .and_then(|m| m.modified())
            .expect("mtime");
        fs::create_dir_all(&cat).expect("mkdir");
        fs::write(cat.join("a.txt"), "taken").expect("write");
        let dst = move_across(&src, &cat, "a.txt", "t").expect("move");
        assert_eq!(dst, cat.join("a-2.txt"));
        assert_eq!(fs::read_to_string(&dst).expect("read"), "body");
        assert_eq!(
            fs::metadata(&dst)
                .and_then(|m| m.modified())
                .expect("mtime"),
            before
        );
        assert_eq!(
            fs::read_dir(&inbox).expect("ls").count(),
            0,
            "claim removed"
        );
        assert!(matches!(
            move_across(&src, &cat, "a.txt", "t"),
            Err(MoveError::SourceGone)
        ));
        let mut left: Vec<String> = fs::read_dir(&cat)
            .expect("ls")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["a-2.txt", "a.txt"], "no temporary left");
    }
}
