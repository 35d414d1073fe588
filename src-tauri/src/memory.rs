//! Memory freed after a listing goes back to the system. glibc's allocator keeps what the
//! app frees in its per-thread arenas for later use; after a listing of 10,000 trainings
//! (its pages, the kept copy written to disk) that is about 20 MB the app holds for
//! nothing (BENCHMARKS.md). The allocators of Windows and macOS give it back themselves.

/// Gives the free memory the allocator holds back to the system, where that needs asking
/// (Linux with glibc); elsewhere it does nothing. Takes a few milliseconds: call it off the
/// main thread, once a large piece of work has let go of its memory.
pub fn release_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    trim();
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn trim() {
    // SAFETY: `malloc_trim` takes no pointers and locks each arena while it trims it, so
    // any thread may call it at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}
