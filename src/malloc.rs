//! Allocator settings for the command (and the benchmark, which includes this file).
//!
//! glibc hands the free memory at the top of a thread's heap back to the
//! system once it exceeds 128 KB, and serves blocks above a moving threshold
//! with mmap of their own. krilla compresses every stream of a PDF with a fresh
//! zlib state of a few hundred KB, so each worker thread mapped, faulted in
//! and released the same memory for every stream: with two threads, 9× the
//! page faults of one and 10–18 % of the build time. Keeping up to 8 MB free
//! per heap and serving blocks under 4 MB from the heap removes that; the
//! peak memory is unchanged (docs/performance.md).

/// Applies the settings. Call it first thing in `main`, before any thread starts.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
pub fn tune() {
    // SAFETY: `mallopt` only changes allocator parameters, and no other
    // thread exists yet. A refused value (it returns 0) leaves glibc's default.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 4 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 8 << 20);
    }
}

/// Other platforms keep their allocator's defaults.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn tune() {}
