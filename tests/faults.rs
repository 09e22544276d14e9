//! Fault injection against the real binary: kill -9, full disks, permissions, vanishing
//! files, other filesystems, a removed inbox, four racing filers. See RELIABILITY.md.

// The fault tests read exit codes and messages, not JSON.
#[allow(dead_code)]
#[path = "common/run.rs"]
mod run;
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
