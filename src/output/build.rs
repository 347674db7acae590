//! The `build` job: every guide becomes `out/pdf/<id>.pdf`, in parallel.

use crate::i18n::Msg;
use crate::msg;
use std::path::{Path, PathBuf};

use super::cache::hash::fonts_hash;
use super::cache::keys::{guide_key, hash_sources, scan_key};
use super::cache::{Cache, CacheStats};
use super::failure::Failure;
use super::fs::{check_output_dir, clean_debris, write_atomic, write_help};
use super::interrupt;
use super::lint;
use super::run::{each_guide, with_pool, Progress};
use super::units::PrintSheet;
use crate::model::{self, Diagnostic, LoadOptions};

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Folder of `*.json` guides.
    pub guides_dir: PathBuf,
    /// Folder of pictures.
    pub images_dir: PathBuf,
    /// Output root; PDFs go to `<out>/pdf/`.
    pub out_dir: PathBuf,
    /// Worker threads; `None` = all cores.
    pub jobs: Option<usize>,
}

/// One guide that was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    /// Guide id.
    pub id: String,
    /// The PDF written.
    pub path: PathBuf,
    /// Number of pages.
    pub pages: usize,
    /// File size.
    pub bytes: usize,
}

/// The outcome of a build.
#[derive(Debug, Default)]
pub struct BuildReport {
    /// Guides written, in collection order.
    pub built: Vec<Built>,
    /// Guides refused, with their problems (their old PDF is left untouched).
    pub failed: Vec<(String, Vec<Diagnostic>)>,
    /// Warnings of every guide and of the project.
    pub warnings: Vec<Diagnostic>,
    /// Sheets reused from the cache in `<out>/.guidepress.cache/` and sheets rendered.
    pub work: CacheStats,
}

impl BuildReport {
    /// "6 built, 0 failed, 2 warnings".
    pub fn summary(&self) -> Msg {
        msg!(
            "summary-build",
            built = self.built.len(),
            failed = self.failed.len(),
            warnings = self.warnings.len()
        )
    }
}

/// Writes a sheet atomically, unless the file already holds these bytes
/// (an unchanged sheet keeps its date).
fn write_unless_same(path: &Path, bytes: &[u8]) -> Result<(), Vec<Diagnostic>> {
    // Only a file is read back: reading a named pipe would wait forever.
    if path.is_file() && std::fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(());
    }
    write_atomic(path, bytes).map_err(|e| {
        vec![Diagnostic::error("write", path, msg!("write-pdf", reason = e.to_string()))
            .help(write_help(&e, msg!("write-help")))]
    })
}

/// Builds every guide; a bad guide does not stop the others. Sheets whose
/// inputs did not change are taken from the cache in `<out>/.guidepress.cache/`.
///
/// Guides are read one at a time, each just before its sheet is made, and
/// dropped once it is written: memory does not grow with the collection.
pub fn build(opts: &BuildOptions, progress: Progress) -> Result<BuildReport, Failure> {
    check_output_dir(&opts.out_dir, &[&opts.guides_dir, &opts.images_dir])
        .map_err(|m| Diagnostic::error("output-dir", &opts.out_dir, m))?;
    with_pool(opts.jobs, || {
        // Meanwhile another thread hashes the fonts (for cache keys). It
        // does not parse them: it must be free to decode the first sheet's
        // pictures as soon as that guide is read (the longest path of a
        // small build); the fonts are parsed on first use, during layout.
        rayon::spawn(|| {
            fonts_hash();
        });
        // Sources are hashed before loading: see `hash_sources`.
        let sources = hash_sources(&opts.guides_dir);
        let project = model::scan(&LoadOptions {
            guides_dir: opts.guides_dir.clone(),
            images_dir: opts.images_dir.clone(),
        })?;
        let cache = Cache::<PrintSheet>::open(&opts.out_dir);
        let context = scan_key(&project, &sources);
        let pdf_dir = opts.out_dir.join("pdf");
        prepare_folder(&pdf_dir)?;
        let total = project.entries.len();
        let results = each_guide(
            &project.entries,
            |e| &e.id,
            progress,
            |entry| {
                let outcome = project.load_guide(entry);
                let result = match &outcome.result {
                    Err(diags) => Err(diags.clone()),
                    Ok(guide) => {
                        let key = guide_key(&outcome, &context, &sources);
                        let collection = &project.collection;
                        PrintSheet::cached(&cache, key.as_deref(), guide, collection)
                            .map_err(Failure::into_diagnostics)
                            .and_then(|sheet| {
                                let path = pdf_dir.join(format!("{}.pdf", guide.id));
                                write_unless_same(&path, &sheet.pdf)?;
                                let (bytes, pages) = (sheet.pdf.len(), sheet.pages);
                                let id = guide.id.clone();
                                let warnings = sheet.warnings.restore(&guide.file);
                                Ok((Built { id, path, pages, bytes }, warnings))
                            })
                    }
                };
                // What the project-wide warnings need of it; the guide
                // itself is dropped here.
                let guide = outcome.result.as_ref().ok();
                let mut warnings = outcome.warnings;
                let drafts =
                    guide.map(|g| lint::placeholders(&g.file)).unwrap_or_default();
                // A draft is not judged stale, nor the reference (see stale_guides).
                let dated =
                    guide.filter(|_| drafts.is_empty()).and_then(lint::guide_date);
                warnings.extend(drafts);
                let pictures = lint::pictures_of(&outcome.file, guide);
                let dated = dated.map(|d| (outcome.file.clone(), d));
                Done { id: outcome.id, warnings, result, dated, pictures }
            },
        );
        cache.save();
        if interrupt::requested() {
            clean_debris(&pdf_dir);
            let written = results.iter().flatten().filter(|d| d.result.is_ok()).count();
            let kept = msg!("kept-pdfs", written = written, total = total);
            return Err(interrupt::stopped(&pdf_dir, kept).into());
        }
        let mut report = BuildReport {
            warnings: project.warnings.clone(),
            work: cache.stats(),
            ..BuildReport::default()
        };
        // Not interrupted: every guide was done.
        let mut dated = Vec::new();
        let mut pictures: Option<Vec<String>> = Some(Vec::new());
        for done in results.into_iter().flatten() {
            report.warnings.extend(done.warnings);
            dated.extend(done.dated);
            match (&mut pictures, done.pictures) {
                (Some(all), Some(p)) => all.extend(p),
                _ => pictures = None,
            }
            match done.result {
                Ok((built, warnings)) => {
                    report.warnings.extend(warnings);
                    report.built.push(built);
                }
                Err(diags) => report.failed.push((done.id, diags)),
            }
        }
        // The warnings `check` gives about the collection as a whole.
        let mut project_warnings = lint::stale_dates(&dated);
        if let Some(used) = &pictures {
            let logo = project.collection.logo.as_ref().map(|l| l.src.as_str());
            let used = used.iter().map(String::as_str).chain(logo);
            project_warnings.extend(lint::unused_among(used, &opts.images_dir));
        }
        lint::locate(&mut project_warnings);
        report.warnings.extend(project_warnings);
        Ok(report)
    })
}

/// Creates the PDF folder and removes temporary files an interrupted run left there.
fn prepare_folder(pdf_dir: &Path) -> Result<(), Box<Diagnostic>> {
    std::fs::create_dir_all(pdf_dir).map_err(|e| {
        Box::new(Diagnostic::error(
            "output-dir",
            pdf_dir,
            msg!("create-out-dir", reason = e.to_string()),
        ))
    })?;
    clean_debris(pdf_dir);
    Ok(())
}

/// What is kept of one guide once its sheet is written.
struct Done {
    id: String,
    /// The guide's own warnings.
    warnings: Vec<Diagnostic>,
    /// The sheet written and its warnings, or why there is none.
    result: Result<(Built, Vec<Diagnostic>), Vec<Diagnostic>>,
    /// When the guide was last touched, if it is valid and dated.
    dated: Option<lint::Dated>,
    /// The pictures it uses (`None`: its file could not be read).
    pictures: Option<Vec<String>>,
}
