//! Outputs: the files users get (print sheets today; pack, site and bundle build on them).

pub mod build;
pub mod write;

pub use build::{build, BuildOptions, BuildReport, Built};
