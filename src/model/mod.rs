//! The model layer: reads guide sheets and `collection.json`, validates them
//! against the format spec, and produces the [`Guide`]s the layout reads.
//!
//! Phases: [`source`] (bytes → JSON with positions), [`raw`] (JSON → serde
//! structs), then validation ([`guide`], [`blocks`], [`collection`], with
//! [`inline`] markup, [`paths`] and [`images`]), and across guides: [`mod@project`]
//! ([`listing`] of the files, ids, order, links; one guide at a time) and
//! [`mod@load`] (all at once).

pub mod blocks;
pub mod chars;
pub mod check;
pub mod collection;
pub mod diag;
pub mod guide;
pub mod hyphenation;
pub mod images;
pub mod inline;
pub mod input;
pub mod labels;
pub mod listing;
pub mod load;
pub mod paths;
pub mod png_depth;
pub mod project;
pub mod raw;
pub mod report;
pub mod schema;
pub mod source;
pub mod spans;
pub mod types;
pub mod values;

pub use diag::*;
pub use images::ImageCache;
pub use inline::{parse_inline, InlineError};
pub use listing::Entry;
pub use load::load;
pub use project::{scan, GuideOutcome, LoadOptions, Loaded, Project};
pub use types::*;

#[cfg(test)]
mod testkit;
