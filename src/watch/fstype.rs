//! Which filesystem a folder is on: network mounts send no events for remote changes.

use std::path::Path;

/// The kind of network or FUSE filesystem `path` is on, or `None` for a local one.
pub fn network_kind(path: &Path) -> Option<&'static str> {
    let stat = rustix::fs::statfs(path).ok()?;
    // Magic numbers from statfs(2); f_type's integer type differs by platform.
    #[allow(clippy::unnecessary_cast)]
    let magic = stat.f_type as i64 & 0xFFFF_FFFF;
    match magic {
        0x6969 => Some("NFS"),
        0x517B => Some("SMB"),
        0xFF53_4D42 => Some("CIFS"),
        0xFE53_4D42 => Some("SMB2"),
        0x6573_5546 => Some("a FUSE mount (SSHFS or similar)"),
        0x0102_1997 => Some("9P"),
        0x5346_414F => Some("AFS"),
        0x0BD0_0BD0 => Some("Lustre"),
        0x4750_4653 => Some("GPFS"),
        0x00C3_6400 => Some("CephFS"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_temporary_folder_is_local() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert_eq!(super::network_kind(dir.path()), None);
    }
}
