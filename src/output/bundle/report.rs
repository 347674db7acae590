//! `report.json` in the bundle: what it holds, for people and tools. Only
//! facts of the output: no timing, no cache counters, no absolute path, so it
//! is as reproducible as the rest of the zip.

use std::path::Path;

use serde::Serialize;

use super::archive::Timestamp;
use crate::model::{Collection, Date, Diagnostic, Guide};
use crate::output::diagnostics::{json_diagnostic, JsonDiagnostic};
use crate::output::fs::canon;

/// Version of the report's layout.
pub const REPORT_FORMAT: u32 = 1;

/// The report.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Report {
    /// [`REPORT_FORMAT`].
    pub format: u32,
    /// `guidepress <version>`.
    pub generator: String,
    /// The collection's title.
    pub collection: String,
    /// The slug in the file name.
    pub slug: String,
    /// The bundle's version.
    pub version: String,
    /// The timestamp of every entry, `YYYY-MM-DDTHH:MM:SSZ`.
    pub timestamp: String,
    /// The guides, in collection order.
    pub guides: Vec<GuideLine>,
    /// The packs, by file.
    pub packs: Vec<PackLine>,
    /// Totals.
    pub sizes: Sizes,
    /// Warnings, in the format of `check --format json`, paths relative to the project.
    pub warnings: Vec<JsonDiagnostic>,
}

/// One guide.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct GuideLine {
    /// Id.
    pub id: String,
    /// Title, markup removed.
    pub title: String,
    /// Last update, if given.
    pub updated: Option<String>,
    /// Pages of its print sheet.
    pub pages: u64,
    /// Size of its print sheet.
    pub bytes: u64,
}

/// One pack.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PackLine {
    /// Path in the zip.
    pub file: String,
    /// Layout name.
    pub layout: String,
    /// Numbered pages.
    pub pages: u64,
    /// PDF pages (sheet sides).
    pub sides: u64,
}

/// Sizes, in bytes, before compression.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, Default)]
pub struct Sizes {
    /// Everything under `print/`.
    pub print: u64,
    /// Everything under `pack/`.
    pub pack: u64,
    /// Everything under `site/`.
    pub site: u64,
    /// Files in the zip, `report.json` and `SHA256SUMS` aside.
    pub files: usize,
}

/// What the report is made from.
pub struct Inputs<'a> {
    /// The collection.
    pub collection: &'a Collection,
    /// The slug in the file name.
    pub slug: &'a str,
    /// The bundle's version.
    pub version: &'a str,
    /// The timestamp of every entry.
    pub timestamp: Timestamp,
    /// The guides, in collection order.
    pub guides: &'a [&'a Guide],
    /// The page count of each guide's print sheet.
    pub print_pages: &'a [u64],
    /// The packs, by file.
    pub packs: &'a [PackLine],
    /// Every entry of the zip so far.
    pub entries: &'a [(String, Vec<u8>)],
    /// Every warning.
    pub warnings: &'a [Diagnostic],
    /// The project folder, which warnings' files are made relative to.
    pub project_dir: &'a Path,
}

impl Report {
    /// Builds the report.
    pub fn new(i: Inputs) -> Report {
        let size_of = |path: &str| {
            i.entries.iter().find(|(p, _)| p == path).map_or(0, |(_, b)| b.len() as u64)
        };
        let total = |prefix: &str| {
            i.entries
                .iter()
                .filter(|(p, _)| p.starts_with(prefix))
                .map(|(_, b)| b.len() as u64)
                .sum()
        };
        let project = canon(i.project_dir);
        let warnings = i
            .warnings
            .iter()
            .map(|d| {
                let mut j = json_diagnostic(d);
                if let Ok(rel) = canon(&d.file).strip_prefix(&project) {
                    j.file = rel.to_string_lossy().replace('\\', "/");
                }
                j
            })
            .collect();
        let (d, (h, m, s)) = (i.timestamp.date, i.timestamp.time);
        Report {
            format: REPORT_FORMAT,
            generator: format!("guidepress {}", env!("CARGO_PKG_VERSION")),
            collection: i.collection.title.clone(),
            slug: i.slug.to_string(),
            version: i.version.to_string(),
            timestamp: format!("{}T{h:02}:{m:02}:{s:02}Z", d.iso()),
            guides: i
                .guides
                .iter()
                .zip(i.print_pages)
                .map(|(g, pages)| GuideLine {
                    id: g.id.clone(),
                    title: g.title.plain_text().replace('\n', " "),
                    updated: g.updated.map(Date::iso),
                    pages: *pages,
                    bytes: size_of(&format!("print/{}.pdf", g.id)),
                })
                .collect(),
            packs: i.packs.to_vec(),
            sizes: Sizes {
                print: total("print/"),
                pack: total("pack/"),
                site: total("site/"),
                files: i.entries.len(),
            },
            warnings,
        }
    }

    /// Pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut s =
            serde_json::to_string_pretty(self).expect("the report always serialises");
        s.push('\n');
        s
    }
}
