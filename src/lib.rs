//! guidepress: structured JSON guide sheets in, print-quality accessible PDFs out.
//!
//! The pipeline runs one way: [`model`] (read and validate) → [`layout`]
//! (fonts, line breaking, pagination → a page description) → [`pdf`]
//! (krilla) → [`output`] (the files users get). The CLI in `main.rs` is glue.

#![forbid(unsafe_code)]

pub mod html;
pub mod i18n;
pub mod layout;
pub mod model;
pub mod output;
pub mod pdf;

/// Shared with `tests/common`, which uses other parts of it.
#[cfg(test)]
#[allow(dead_code)]
mod temp_project;
