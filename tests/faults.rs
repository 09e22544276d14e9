//! Fault injection against the real binary: kill -9, full disks, permissions, vanishing
//! files, other filesystems, a removed inbox, four racing filers. See RELIABILITY.md.

#[path = "faults/support.rs"]
mod support;

#[path = "faults/disk.rs"]
mod disk;
#[path = "faults/kill.rs"]
mod kill;
#[path = "faults/perms.rs"]
mod perms;
#[path = "faults/race.rs"]
mod race;
#[path = "faults/watch.rs"]
mod watch;
