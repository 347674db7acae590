//! Outputs: the files users get (print sheets today; pack, site and bundle build on them).

pub mod build;
pub mod bundle;
pub mod cache;
pub mod check;
pub mod diagnostics;
pub mod failure;
pub mod fs;
pub mod interrupt;
pub mod lint;
pub mod pack;
pub mod run;
pub mod site;
pub mod starter;
pub mod watch;

pub use build::{build, BuildOptions, BuildReport, Built};
pub use failure::Failure;
