//! Outputs: the files users get. One room per job on top, shared pieces
//! below; a job imports shared pieces, never another job.
//!
//! Jobs: [`mod@build`] (print sheets), [`check`] (nothing written),
//! [`mod@pack`] (the print pack), [`site`] (the web folder), [`mod@bundle`]
//! (the release zip), [`watch`] (rebuild on save), [`new`] (a starter guide).
//!
//! Shared pieces: [`units`] (print sheet, web edition, pack: typed, cached),
//! [`cache`] (the store and every key), [`run`] (loading, the thread pool,
//! the loop over guides), [`fs`] (atomic writes, listings, where caches
//! live), [`failure`] (how an output fails), [`lint`] (warnings beyond
//! validity), [`diagnostics`] (diagnostics for tools), [`interrupt`]
//! (Ctrl+C).

pub mod build;
pub mod bundle;
pub mod cache;
pub mod check;
pub mod diagnostics;
pub mod failure;
pub mod fs;
pub mod interrupt;
pub mod lint;
pub mod new;
pub mod pack;
pub mod run;
pub mod site;
pub mod units;
pub mod watch;

pub use build::{build, BuildOptions, BuildReport, Built};
pub use failure::Failure;

/// Builds and writes the release bundle ([`bundle::bundle_with`]), its
/// `site/` folder made by the `site` job: the two jobs meet here, not in
/// each other.
pub fn bundle(opts: &bundle::BundleOptions) -> Result<bundle::BundleReport, Failure> {
    bundle::bundle_with(opts, site::entries)
}
