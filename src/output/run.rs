//! Running work over the guides of a project: loading it, a thread pool of
//! the asked size, and the one parallel loop over guides that stops when
//! asked to and reports progress.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::interrupt;
use crate::model::{self, Diagnostic, LoadOptions, Loaded};

/// Called once per finished guide with the count done, the total and the
/// guide's id (for progress bars).
pub type Progress<'a> = &'a (dyn Fn(usize, usize, &str) + Sync);

/// Runs `f` on a pool of `jobs` threads (all cores when `None`).
pub fn with_pool<T: Send>(jobs: Option<usize>, f: impl FnOnce() -> T + Send) -> T {
    match rayon::ThreadPoolBuilder::new().num_threads(jobs.unwrap_or(0)).build() {
        Ok(pool) => pool.install(f),
        Err(_) => f(),
    }
}

/// Loads the project, failing with diagnostics on project-wide problems.
pub fn load(guides_dir: &Path, images_dir: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    model::load(&LoadOptions {
        guides_dir: guides_dir.to_path_buf(),
        images_dir: images_dir.to_path_buf(),
    })
}

/// Runs `work` on every guide of `guides` in parallel (on the current pool)
/// and gives the results in the same order. A guide not started because a
/// stop was asked for ([`interrupt::requested`]) gives `None`; after each
/// finished guide, `progress` is told, with the id `id` gives.
pub fn each_guide<T: Sync, R: Send>(
    guides: &[T],
    id: impl Fn(&T) -> &str + Sync,
    progress: Progress,
    work: impl Fn(&T) -> R + Sync,
) -> Vec<Option<R>> {
    let total = guides.len();
    let done = AtomicUsize::new(0);
    guides
        .par_iter()
        .map(|guide| {
            if interrupt::requested() {
                return None;
            }
            let result = work(guide);
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            progress(n, total, id(guide));
            Some(result)
        })
        .collect()
}

/// A [`Progress`] that shows nothing.
pub fn no_progress(_: usize, _: usize, _: &str) {}
