//! The `check` job: validate, lay out and render every guide in memory, then
//! add the project-wide warnings; nothing is written. Its findings go to
//! people, or to tools as a versioned JSON report.

use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;

use super::diagnostics::{json_diagnostic_in, sort_diagnostics, JsonDiagnostic};
use super::failure::internal_error;
use super::interrupt;
use super::lint;
use super::run::{load, with_pool};
use crate::i18n::UiLang;
use crate::layout::pack::editions;
use crate::layout::{check_sheet_length, layout_guide, LayoutOptions};
use crate::model::{Collection, Diagnostic, Guide};
use crate::pdf::{write_pdf, PdfOptions};

/// What to check.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Folder of `*.json` guides.
    pub guides_dir: PathBuf,
    /// Folder of pictures.
    pub images_dir: PathBuf,
    /// Worker threads; `None` = all cores.
    pub jobs: Option<usize>,
}

/// Counts of a check, as the JSON report's `summary` gives them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CheckSummary {
    /// Guide files found.
    pub guides: usize,
    /// Guides with no error.
    pub ok: usize,
    /// Guides refused.
    pub failed: usize,
    /// Errors, all files together.
    pub errors: usize,
    /// Warnings, all files together.
    pub warnings: usize,
}

/// Everything a check found.
#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    /// Every problem, sorted: errors first, then by file, line, column, code.
    pub diagnostics: Vec<Diagnostic>,
    /// The counts.
    pub summary: CheckSummary,
}

impl CheckReport {
    /// A report of project-wide problems that stopped the check early.
    pub fn fatal(diagnostics: Vec<Diagnostic>) -> Self {
        CheckReport::new(diagnostics, 0, 0)
    }

    fn new(mut diagnostics: Vec<Diagnostic>, guides: usize, failed: usize) -> Self {
        sort_diagnostics(&mut diagnostics);
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        let summary = CheckSummary {
            guides,
            ok: guides - failed,
            failed,
            errors,
            warnings: diagnostics.len() - errors,
        };
        CheckReport { diagnostics, summary }
    }

    /// Whether the check passes: no error, and no warning when `deny_warnings`.
    pub fn passes(&self, deny_warnings: bool) -> bool {
        self.summary.errors == 0 && !(deny_warnings && self.summary.warnings > 0)
    }
}

/// Checks the project: every error and warning `build` would report, plus
/// pictures below 150 dpi at their printed size, stale guides and unused
/// pictures (see [`lint`]). Never writes a file.
pub fn check(opts: &CheckOptions) -> CheckReport {
    let loaded = match load(&opts.guides_dir, &opts.images_dir) {
        Ok(l) => l,
        Err(diags) => return CheckReport::fatal(diags),
    };
    let pdf = PdfOptions::default();
    // Each guide's diagnostics, and whether it fails (refused by the model,
    // or with an error only laying it out found: it would not build either).
    let per_guide: Vec<(Vec<Diagnostic>, bool)> = with_pool(opts.jobs, || {
        loaded
            .guides
            .par_iter()
            .map(|g| {
                if interrupt::requested() {
                    return (Vec::new(), false);
                }
                let mut d = g.warnings.clone();
                match &g.result {
                    Err(e) => d.extend(e.iter().cloned()),
                    Ok(guide) => d.extend(render_in_memory(guide, &loaded, &pdf)),
                }
                let failed = g.result.is_err() || d.iter().any(Diagnostic::is_error);
                (d, failed)
            })
            .collect()
    });
    if interrupt::requested() {
        // What was checked is not the whole: no report rather than a wrong one.
        return CheckReport::fatal(vec![interrupt::stopped(
            &opts.guides_dir,
            crate::msg!("kept-check"),
        )]);
    }
    let mut diags = loaded.warnings.clone();
    let failed = per_guide.iter().filter(|(_, failed)| *failed).count();
    diags.extend(per_guide.into_iter().flat_map(|(d, _)| d));
    let valid: Vec<&Guide> =
        loaded.guides.iter().filter_map(|g| g.result.as_ref().ok()).collect();
    for g in &valid {
        diags.extend(lint::placeholders(&g.file));
    }
    diags.extend(lint::stale_guides(&valid));
    diags.extend(lint::unused_images(&loaded, &opts.images_dir));
    lint::locate(&mut diags);
    CheckReport::new(diags, loaded.guides.len(), failed)
}

/// Words cut without a hyphen in the pack editions only (narrower pages,
/// larger text), each block reported once, for the first edition that cuts
/// it, unless the sheet's own warnings already name that block.
fn edition_warnings(
    guide: &Guide,
    c: &Collection,
    sheet: &[Diagnostic],
) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = Vec::new();
    for (edition, opts) in editions(c) {
        for mut w in layout_guide(guide, c, &opts).warnings {
            let seen =
                sheet.iter().chain(&out).any(|d| d.code == w.code && d.path == w.path);
            if w.code == "forced-break" && !seen {
                w.message =
                    crate::msg!("in-edition", edition = edition, message = w.message);
                out.push(w);
            }
        }
    }
    out
}

/// Lays out and renders one guide without writing it: catches what only
/// layout and the PDF validator see, and pictures printed too large.
fn render_in_memory(
    guide: &Guide,
    loaded: &crate::model::Loaded,
    pdf: &PdfOptions,
) -> Vec<Diagnostic> {
    let c = &loaded.collection;
    let laid = layout_guide(guide, c, &LayoutOptions::for_collection(c));
    let mut out = laid.warnings;
    out.extend(edition_warnings(guide, c, &out));
    out.extend(lint::low_resolution(guide, &laid.document));
    if let Err(d) = check_sheet_length(&laid.document, guide) {
        out.push(*d);
        return out;
    }
    if let Err(e) = write_pdf(&laid.document, pdf) {
        out.push(internal_error("pdf", &guide.file, e));
    }
    out
}

/// Version of the JSON diagnostics format.
pub const JSON_VERSION: u32 = 1;

/// The JSON report: `{"version": 1, "diagnostics": [...], "summary": {...}}`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct JsonReport {
    /// Always [`JSON_VERSION`].
    pub version: u32,
    /// Every problem, in reporting order.
    pub diagnostics: Vec<JsonDiagnostic>,
    /// The counts.
    pub summary: JsonSummary,
}

/// The counts of the JSON report.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct JsonSummary {
    /// Guide files found.
    pub guides: usize,
    /// Guides with no error.
    pub ok: usize,
    /// Guides refused.
    pub failed: usize,
    /// Errors, all files together.
    pub errors: usize,
    /// Warnings, all files together.
    pub warnings: usize,
}

impl From<CheckSummary> for JsonSummary {
    fn from(s: CheckSummary) -> Self {
        JsonSummary {
            guides: s.guides,
            ok: s.ok,
            failed: s.failed,
            errors: s.errors,
            warnings: s.warnings,
        }
    }
}

/// The JSON report of a check.
/// Each diagnostic also carries its message in `lang` (`message_local`).
pub fn json_report(report: &CheckReport, lang: UiLang) -> JsonReport {
    JsonReport {
        version: JSON_VERSION,
        diagnostics: report
            .diagnostics
            .iter()
            .map(|d| json_diagnostic_in(d, lang))
            .collect(),
        summary: report.summary.into(),
    }
}

/// The JSON report as pretty text with a final newline.
pub fn json_text(report: &CheckReport, lang: UiLang) -> String {
    let mut s = serde_json::to_string_pretty(&json_report(report, lang))
        .expect("the report always serialises");
    s.push('\n');
    s
}
