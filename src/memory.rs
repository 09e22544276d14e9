//! Giving freed memory back to the system after a burst of work.
//!
//! glibc's allocator keeps pages it freed on its arenas' free lists as long as
//! a live allocation sits above them, so a process stays resident at its peak
//! long after the peak is gone. Reading a big inbox is such a burst: batches of
//! whole articles read, matched and let go while the list's few bytes per item
//! stay. At 100,000 items that was a third of what the TUI kept resident.

/// Asks the allocator to return its free pages (glibc's `malloc_trim(0)`, which
/// since glibc 2.8 releases whole free pages in every arena); says whether
/// anything came back. Elsewhere it does nothing: other allocators return
/// memory themselves or have no such call. It locks each arena in turn, so it
/// belongs after a burst, not inside one.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
pub fn release() -> bool {
    unsafe extern "C" {
        fn malloc_trim(pad: usize) -> std::ffi::c_int;
    }
    // SAFETY: malloc_trim takes no pointers and has no preconditions; glibc
    // serialises it with every other allocator call (MT-Safe).
    unsafe { malloc_trim(0) == 1 }
}

/// Does nothing where the allocator is not glibc's.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn release() -> bool {
    false
}

/// Gives memory back once background work has been quiet for a moment: a burst
/// of reading, a statistics or journal load, a rescan. `worked` notes work,
/// `idle` (called often) releases when the last work is `QUIET` old.
#[derive(Debug, Default)]
pub struct AfterWork {
    last: Option<std::time::Instant>,
}

/// How long after the last background work memory is released.
pub const QUIET: std::time::Duration = std::time::Duration::from_secs(2);

impl AfterWork {
    /// Notes background work done now.
    pub fn worked(&mut self) {
        self.last = Some(std::time::Instant::now());
    }

    /// Releases memory if work was noted and has been quiet since; says whether it tried.
    pub fn idle(&mut self) -> bool {
        let quiet = self.last.is_some_and(|t| t.elapsed() >= QUIET);
        if quiet {
            self.last = None;
            let released = release();
            tracing::debug!(released, "memory released after background work");
        }
        quiet
    }
}

/// Caps glibc's malloc arenas at two per core (its default is eight per core).
/// Each thread that allocates gets an arena of its own until the cap, and the
/// TUI starts a thread per extraction, stats or journal load: with more arenas
/// more of them hold a few live blocks among freed pages. At 100,000 items the
/// settled RSS went from 134-150 to 112-118 MiB. Call before starting threads.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
pub fn limit_arenas() {
    const M_ARENA_MAX: std::ffi::c_int = -8;
    unsafe extern "C" {
        fn mallopt(param: std::ffi::c_int, value: std::ffi::c_int) -> std::ffi::c_int;
    }
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let arenas = std::ffi::c_int::try_from(2 * cores).unwrap_or(std::ffi::c_int::MAX);
    // SAFETY: mallopt takes two integers and no pointers; M_ARENA_MAX is one of
    // its documented parameters (glibc's malloc.h, value -8).
    unsafe {
        mallopt(M_ARENA_MAX, arenas);
    }
}

/// Does nothing where the allocator is not glibc's.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn limit_arenas() {}

#[cfg(test)]
mod tests {
    #[test]
    fn memory_freed_after_a_burst_can_be_released() {
        // Many small blocks, then all freed but one above them: glibc keeps the
        // pages below a live block until asked.
        let burst: Vec<Box<[u8; 512]>> = (0..40_000).map(|_| Box::new([1; 512])).collect();
        let keep = Box::new([2u8; 512]);
        drop(burst);
        let released = super::release();
        if cfg!(all(target_os = "linux", target_env = "gnu")) {
            assert!(released, "glibc gives back the burst's pages");
        }
        assert_eq!(keep[0], 2);
    }

    #[test]
    fn memory_is_released_once_work_has_been_quiet() {
        let mut after = super::AfterWork::default();
        assert!(!after.idle(), "no work, nothing to do");
        after.worked();
        assert!(!after.idle(), "work just now: not yet");
        after.last = after.last.map(|t| t - super::QUIET);
        assert!(after.idle(), "quiet long enough");
        assert!(!after.idle(), "once per burst");
    }
}
