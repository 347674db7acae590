//! Rendering units: the pieces of output every job is made of, each a typed
//! struct the cache keeps (see [`crate::output::cache::Unit`]), so a reused
//! unit reports the same pages and warnings as a fresh one.
//!
//! - [`print`]: a guide's print sheet, what `build` writes;
//! - [`web`]: a guide's screen edition and thumbnail, what `site` publishes
//!   (with [`images`] downsampled, [`thumbs`] drawn and [`attachments`]
//!   relinked);
//! - [`pack`]: a pack in one layout, what `pack` writes.
//!
//! `bundle` is made of all three, from the same caches.

pub mod attachments;
pub mod images;
pub mod pack;
pub mod print;
pub mod thumbs;
pub mod web;

pub use pack::{PackUnit, PackUnitError};
pub use print::PrintSheet;
pub use web::{SiteEntries, WebEdition, WebPicture, WebSettings};
