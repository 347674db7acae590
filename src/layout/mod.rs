//! Layout: guides become pages of positioned items (the page description).
//!
//! Phases: `shape` (glyphs, fallback) → `breaks` (with `address` and
//! `hyphen`, the rules for addresses, codes and words) + `text` (lines) →
//! `chunk` + `blocks` (unbreakable pieces) → `paginate` (pages) → `sheet`
//! (header, footer, numbering: the last pass).

pub mod address;
pub mod blocks;
pub mod breaks;
pub mod chunk;
pub mod fonts;
pub mod hyphen;
pub mod pack;
pub mod page;
pub mod paginate;
pub mod shape;
pub mod sheet;
pub mod style;
pub mod text;

pub use chunk::GuideLinks;
pub use page::*;
pub use sheet::{
    check_sheet_length, layout_guide, LaidOut, LayoutOptions, MAX_SHEET_PAGES,
};
