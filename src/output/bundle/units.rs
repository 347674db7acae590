//! The bundle's units of work, each cacheable: a print sheet, a web edition
//! with its thumbnail, a pack layout. A unit carries its bytes and the facts
//! the report needs (pages, warnings), so a reused unit reports the same as a
//! fresh one.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Serialize};

use crate::layout::pack::{layout_pack, PackOptions};
use crate::layout::{check_sheet_length, layout_guide, LayoutOptions};
use crate::model::{Collection, Diagnostic, Guide, Severity};
use crate::output::cache::Unit;
use crate::output::lint::low_resolution;
use crate::output::site::{render_web_pdf, Resampler};
use crate::pdf::{write_pdf, PdfOptions, PdfStandard};

/// A diagnostic as a unit stores it. The guide's own file is written as
/// `""` so a reused unit points at the guide wherever the project now is.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct StoredDiagnostic {
    error: bool,
    code: String,
    file: String,
    line: Option<usize>,
    column: Option<usize>,
    path: String,
    message: String,
    suggestion: Option<String>,
}

/// A `&'static str` for a code read back from the cache (codes are few).
fn intern(code: &str) -> &'static str {
    static CODES: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut set =
        CODES.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
    if let Some(c) = set.get(code) {
        return c;
    }
    let c: &'static str = Box::leak(code.to_string().into_boxed_str());
    set.insert(c);
    c
}

/// Stores `warnings` of `guide` in the unit's facts.
fn put_warnings(unit: &mut Unit, guide_file: &std::path::Path, warnings: &[Diagnostic]) {
    let stored: Vec<StoredDiagnostic> = warnings
        .iter()
        .map(|d| StoredDiagnostic {
            error: d.is_error(),
            code: d.code.to_string(),
            file: if d.file == guide_file {
                String::new()
            } else {
                d.file.display().to_string()
            },
            line: d.line,
            column: d.column,
            path: d.path.clone(),
            message: d.message.clone(),
            suggestion: d.suggestion.clone(),
        })
        .collect();
    let text = serde_json::to_string(&stored).unwrap_or_else(|_| "[]".into());
    unit.facts.insert("warnings".into(), text);
}

/// The warnings stored in a unit, for `guide_file`.
pub fn warnings(unit: &Unit, guide_file: &std::path::Path) -> Vec<Diagnostic> {
    let stored: Vec<StoredDiagnostic> = unit
        .facts
        .get("warnings")
        .and_then(|t| serde_json::from_str(t).ok())
        .unwrap_or_default();
    stored
        .into_iter()
        .map(|s| Diagnostic {
            severity: if s.error { Severity::Error } else { Severity::Warning },
            code: intern(&s.code),
            file: if s.file.is_empty() {
                guide_file.to_path_buf()
            } else {
                PathBuf::from(s.file)
            },
            line: s.line,
            column: s.column,
            path: s.path,
            message: s.message,
            suggestion: s.suggestion,
        })
        .collect()
}

/// A number fact of a unit (0 when absent).
pub fn fact(unit: &Unit, name: &str) -> u64 {
    unit.facts.get(name).and_then(|v| v.parse().ok()).unwrap_or(0)
}

fn pdf_bug(file: &std::path::Path, e: impl std::fmt::Display) -> Diagnostic {
    Diagnostic::error("pdf", file, e.to_string()).help(
        "this is probably a bug in guidepress; please report it with the guide attached",
    )
}

/// The print sheet of `guide`: `pdf`, with `pages` and its warnings
/// (low-resolution pictures included).
pub fn print_sheet(
    guide: &Guide,
    collection: &Collection,
) -> Result<Unit, Box<Diagnostic>> {
    let laid =
        layout_guide(guide, collection, &LayoutOptions::for_collection(collection));
    check_sheet_length(&laid.document, guide)?;
    let bytes = write_pdf(&laid.document, &PdfOptions::default())
        .map_err(|e| Box::new(pdf_bug(&guide.file, e)))?;
    let mut warnings = laid.warnings.clone();
    warnings.extend(low_resolution(guide, &laid.document));
    let mut unit = Unit::default();
    unit.facts.insert("pages".into(), laid.document.pages.len().to_string());
    put_warnings(&mut unit, &guide.file, &warnings);
    unit.files.insert("pdf".into(), bytes);
    Ok(unit)
}

/// The web edition of `guide`: `pdf` and `thumb` (PNG), with `pages`,
/// `thumb_width`, `thumb_height` and its warnings.
pub fn web_edition(
    guide: &Guide,
    collection: &Collection,
    base: Option<&str>,
    standards: &[PdfStandard],
    resampler: &Resampler,
) -> Result<Unit, Box<Diagnostic>> {
    let web = render_web_pdf(guide, collection, base, standards, resampler)
        .map_err(Box::new)?;
    let mut unit = Unit::default();
    unit.facts.insert("pages".into(), web.pages.to_string());
    unit.facts.insert("thumb_width".into(), web.thumbnail.width.to_string());
    unit.facts.insert("thumb_height".into(), web.thumbnail.height.to_string());
    put_warnings(&mut unit, &guide.file, &web.warnings);
    unit.files.insert("pdf".into(), web.bytes);
    unit.files.insert("thumb".into(), web.thumbnail.png);
    Ok(unit)
}

/// A pack of `guides` with `options`: `pdf`, with `pages` (numbered pages)
/// and `sides` (PDF pages). Warnings of the pack are those of its guides'
/// sheets plus its front matter's, which the report takes from the sheets.
pub fn pack(
    guides: &[&Guide],
    collection: &Collection,
    collection_file: &std::path::Path,
    options: &PackOptions,
) -> Result<Unit, Box<Diagnostic>> {
    let pack =
        layout_pack(guides, collection, collection_file, options).map_err(|e| {
            Box::new(Diagnostic::error("pack", collection_file, e.to_string()))
        })?;
    let bytes = write_pdf(&pack.document, &PdfOptions::default())
        .map_err(|e| Box::new(pdf_bug(collection_file, e)))?;
    let mut unit = Unit::default();
    unit.facts.insert("pages".into(), pack.pages.to_string());
    unit.facts.insert("sides".into(), pack.document.pages.len().to_string());
    unit.files.insert("pdf".into(), bytes);
    Ok(unit)
}

/// The print sheet of `guide` through `cache` (`key` from
/// [`super::keys::guide_key`]; `None`: not cacheable): bytes, pages, warnings.
/// This is what `build` writes, so `build` and `bundle` share their work.
pub fn cached_sheet(
    cache: &crate::output::cache::Cache,
    key: Option<&str>,
    guide: &Guide,
    collection: &Collection,
) -> Result<(Vec<u8>, usize, Vec<Diagnostic>), Diagnostic> {
    let compute = || print_sheet(guide, collection);
    let unit = match key {
        Some(k) => {
            cache.get_or_compute(&super::keys::unit_key("print", &[k, "ua-1"]), compute)
        }
        None => compute(),
    }
    .map_err(|d| *d)?;
    let warnings = warnings(&unit, &guide.file);
    let pages = fact(&unit, "pages") as usize;
    let bytes = unit.files.into_values().next().unwrap_or_default();
    Ok((bytes, pages, warnings))
}
