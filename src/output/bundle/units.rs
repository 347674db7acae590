//! The bundle's units of work, each cacheable: a print sheet, a web edition
//! with its thumbnail, a pack layout. A unit carries its bytes and the facts
//! the report needs (pages, warnings), so a reused unit reports the same as a
//! fresh one.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Serialize};

use crate::layout::pack::{layout_pack, PackError, PackLayout, PackOptions};
use crate::layout::{check_sheet_length, layout_guide, LayoutOptions};
use crate::model::{Collection, Diagnostic, Guide, Severity};
use crate::output::cache::{Cache, Unit};
use crate::output::failure::Failure;
use crate::output::lint::{figures, low_resolution};
use crate::output::site::{render_web_pdf, Resampler, STANDARD_NAMES};
use crate::pdf::{prepare_images, write_pdf, PdfError, PdfOptions, PdfStandard};

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
    /// `file` is relative to the folder given when storing (packs).
    #[serde(default)]
    relative: bool,
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
fn put_warnings(unit: &mut Unit, guide_file: &Path, warnings: &[Diagnostic]) {
    put_warnings_in(unit, guide_file, None, warnings)
}

/// Stores `warnings` in the unit's facts: `guide_file` is written as `""`,
/// a file under `dir` relative to it, so a reused unit points at the
/// project's files wherever the project now is.
fn put_warnings_in(
    unit: &mut Unit,
    guide_file: &Path,
    dir: Option<&Path>,
    warnings: &[Diagnostic],
) {
    let stored: Vec<StoredDiagnostic> = warnings
        .iter()
        .map(|d| {
            let rel = dir.and_then(|dir| d.file.strip_prefix(dir).ok());
            let (file, relative) = if d.file == guide_file {
                (String::new(), false)
            } else if let Some(rel) = rel.filter(|r| !r.as_os_str().is_empty()) {
                (rel.to_string_lossy().into_owned(), true)
            } else {
                (d.file.display().to_string(), false)
            };
            StoredDiagnostic {
                error: d.is_error(),
                code: d.code.to_string(),
                file,
                line: d.line,
                column: d.column,
                path: d.path.clone(),
                message: d.message.clone(),
                suggestion: d.suggestion.clone(),
                relative,
            }
        })
        .collect();
    let text = serde_json::to_string(&stored).unwrap_or_else(|_| "[]".into());
    unit.facts.insert("warnings".into(), text);
}

/// The warnings stored in a unit, for `guide_file`.
pub fn warnings(unit: &Unit, guide_file: &Path) -> Vec<Diagnostic> {
    warnings_in(unit, guide_file, Path::new(""))
}

/// The warnings stored in a unit, for `guide_file`, relative files under `dir`.
pub fn warnings_in(unit: &Unit, guide_file: &Path, dir: &Path) -> Vec<Diagnostic> {
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
            } else if s.relative {
                dir.join(s.file)
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

/// The print sheet of `guide`: `pdf`, with `pages` and its warnings
/// (low-resolution pictures included).
pub fn print_sheet(guide: &Guide, collection: &Collection) -> Result<Unit, Failure> {
    // The pictures are decoded and compressed on another thread meanwhile.
    prepare_images(figures(guide).into_iter().map(|(f, _)| &f.image));
    let laid =
        layout_guide(guide, collection, &LayoutOptions::for_collection(collection));
    check_sheet_length(&laid.document, guide)?;
    let bytes = write_pdf(&laid.document, &PdfOptions::default())
        .map_err(|e| Failure::internal("pdf", &guide.file, e))?;
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
) -> Result<Unit, Failure> {
    let web = render_web_pdf(guide, collection, base, standards, resampler)?;
    let mut unit = Unit::default();
    unit.facts.insert("pages".into(), web.pages.to_string());
    unit.facts.insert("thumb_width".into(), web.thumbnail.width.to_string());
    unit.facts.insert("thumb_height".into(), web.thumbnail.height.to_string());
    put_warnings(&mut unit, &guide.file, &web.warnings);
    unit.files.insert("pdf".into(), web.bytes);
    unit.files.insert("thumb".into(), web.thumbnail.png);
    Ok(unit)
}

/// Why a pack unit could not be made.
#[derive(Debug)]
pub enum PackUnitError {
    /// The layout refused the request.
    Layout(PackError),
    /// The PDF could not be written (a bug).
    Pdf(PdfError),
}

/// A pack of `guides` with `options`: `pdf`, with `pages` (numbered pages),
/// `sides` (PDF pages), `starts` (JSON: each guide and its first page) and
/// the pack's own warnings (files under the collection file's folder are
/// stored relative to it). This is what `pack` writes, so `pack` and
/// `bundle` share their work.
pub fn pack_unit(
    guides: &[&Guide],
    collection: &Collection,
    collection_file: &Path,
    options: &PackOptions,
) -> Result<Unit, PackUnitError> {
    let pack = layout_pack(guides, collection, collection_file, options)
        .map_err(PackUnitError::Layout)?;
    let bytes =
        write_pdf(&pack.document, &PdfOptions::default()).map_err(PackUnitError::Pdf)?;
    let mut unit = Unit::default();
    unit.facts.insert("pages".into(), pack.pages.to_string());
    unit.facts.insert("sides".into(), pack.document.pages.len().to_string());
    let starts = serde_json::to_string(&pack.starts).unwrap_or_else(|_| "[]".into());
    unit.facts.insert("starts".into(), starts);
    put_warnings_in(&mut unit, collection_file, collection_file.parent(), &pack.warnings);
    unit.files.insert("pdf".into(), bytes);
    Ok(unit)
}

/// Each guide of a pack unit and the page it starts on.
pub fn pack_starts(unit: &Unit) -> Vec<(String, usize)> {
    unit.facts
        .get("starts")
        .and_then(|t| serde_json::from_str(t).ok())
        .unwrap_or_default()
}

/// The warnings of a pack unit made with `collection_file`.
pub fn pack_warnings(unit: &Unit, collection_file: &Path) -> Vec<Diagnostic> {
    let dir = collection_file.parent().unwrap_or(Path::new(""));
    warnings_in(unit, collection_file, dir)
}

impl PackUnitError {
    /// The failure of a pack about `file`: a refused layout is an error of
    /// the pack, a PDF that cannot be written an internal error.
    pub fn failure(&self, file: &Path) -> Failure {
        match self {
            PackUnitError::Layout(e) => {
                Diagnostic::error("pack", file, e.to_string()).into()
            }
            PackUnitError::Pdf(e) => Failure::internal("pdf", file, e),
        }
    }
}

/// [`pack_unit`] with its errors as a failure about the collection file (for the bundle).
pub fn pack(
    guides: &[&Guide],
    collection: &Collection,
    collection_file: &Path,
    options: &PackOptions,
) -> Result<Unit, Failure> {
    pack_unit(guides, collection, collection_file, options)
        .map_err(|e| e.failure(collection_file))
}

/// The options of a pack other than its layout, as a key part (`""` for
/// the defaults, so the bundle's packs keep their keys).
fn pack_extras(options: &PackOptions) -> String {
    if !(options.duplex || options.large_print || options.fold_marks) {
        return String::new();
    }
    format!(
        " duplex={} large-print={} fold-marks={}",
        options.duplex, options.large_print, options.fold_marks
    )
}

/// The cache key of a pack of the guides with `guide_keys` (from
/// [`super::keys::guide_key`], in pack order) within `context`; a handout's
/// key depends on its one guide only.
pub fn pack_key(options: &PackOptions, context: &str, guide_keys: &[&str]) -> String {
    let extras = pack_extras(options);
    if let (PackLayout::Handout, [k]) = (options.layout, guide_keys) {
        return super::keys::unit_key("handout", &[k, &extras]);
    }
    let name = format!("{}{extras}", options.layout.name());
    let mut parts: Vec<&str> = vec![&name, context];
    parts.extend(guide_keys.iter().copied());
    super::keys::unit_key("pack", &parts)
}

/// The cache key of a web edition of the guide with `guide_key`, linking to
/// `base`, meeting `standards`: `site` and `bundle` share their web editions.
pub fn web_key(guide_key: &str, base: Option<&str>, standards: &[PdfStandard]) -> String {
    let names: Vec<&str> = standards
        .iter()
        .map(|s| {
            STANDARD_NAMES.iter().find(|(_, x)| x == s).map(|(n, _)| *n).unwrap_or("?")
        })
        .collect();
    let opts = format!("{base:?} {}", names.join(","));
    super::keys::unit_key("web", &[guide_key, &opts])
}

/// The web edition of `guide` through `cache` (`key`: the guide's key from
/// [`super::keys::guide_key`]; `None`: not cacheable).
pub fn cached_web(
    cache: &Cache,
    key: Option<&str>,
    guide: &Guide,
    collection: &Collection,
    base: Option<&str>,
    standards: &[PdfStandard],
    resampler: &Resampler,
) -> Result<Unit, Failure> {
    let compute = || web_edition(guide, collection, base, standards, resampler);
    match key {
        Some(k) => cache.get_or_compute(&web_key(k, base, standards), compute),
        None => compute(),
    }
}

/// The cache key of the print sheet of the guide whose key is `guide_key`.
fn print_key(guide_key: &str) -> String {
    super::keys::unit_key("print", &[guide_key, "ua-1"])
}

/// The print sheet of `guide` through `cache` (`key` from
/// [`super::keys::guide_key`]; `None`: not cacheable): bytes, pages, warnings.
/// This is what `build` writes, so `build` and `bundle` share their work.
pub fn cached_sheet(
    cache: &Cache,
    key: Option<&str>,
    guide: &Guide,
    collection: &Collection,
) -> Result<(Vec<u8>, usize, Vec<Diagnostic>), Failure> {
    let compute = || print_sheet(guide, collection);
    let unit = match key {
        Some(k) => cache.get_or_compute(&print_key(k), compute),
        None => compute(),
    }?;
    let warnings = warnings(&unit, &guide.file);
    let pages = fact(&unit, "pages") as usize;
    let bytes = unit.files.into_values().next().unwrap_or_default();
    Ok((bytes, pages, warnings))
}
