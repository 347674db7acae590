//! The `build` job: every guide becomes `out/pdf/<id>.pdf`, in parallel.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::bundle::keys::guide_key;
use super::bundle::units::{cached_sheet, print_key};
use super::interrupt;
use super::lint::figures;
use super::write::{check_output_dir, clean_debris, write_atomic};
use crate::layout::{check_sheet_length, layout_guide, LayoutOptions};
use crate::model::{self, Collection, Diagnostic, Guide, LoadOptions, Loaded};
use crate::pdf::{prepare_images, write_pdf, PdfOptions};

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
    /// Sheets reused from the cache in `<out>/.cache/` and sheets rendered.
    pub work: super::cache::CacheStats,
}

impl BuildReport {
    /// "6 built, 0 failed, 2 warnings".
    pub fn summary(&self) -> String {
        let w = self.warnings.len();
        format!(
            "{} built, {} failed{}",
            self.built.len(),
            self.failed.len(),
            if w > 0 {
                format!(", {w} warning{}", if w > 1 { "s" } else { "" })
            } else {
                String::new()
            }
        )
    }
}

/// Called once per finished guide (for progress bars).
pub type Progress<'a> = &'a (dyn Fn(usize, usize, &str) + Sync);

/// Runs `f` on a pool of `jobs` threads (all cores when `None`).
pub fn with_pool<T: Send>(jobs: Option<usize>, f: impl FnOnce() -> T + Send) -> T {
    match rayon::ThreadPoolBuilder::new().num_threads(jobs.unwrap_or(0)).build() {
        Ok(pool) => pool.install(f),
        Err(_) => f(),
    }
}

/// Loads the project, failing with diagnostics on project-wide problems.
pub fn load(guides_dir: &Path, images_dir: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    model::load(&LoadOptions {
        guides_dir: guides_dir.to_path_buf(),
        images_dir: images_dir.to_path_buf(),
    })
}

/// Lays out and renders one guide as a standalone print sheet.
pub fn render_sheet(
    guide: &Guide,
    collection: &Collection,
    pdf: &PdfOptions,
) -> Result<(Vec<u8>, usize, Vec<Diagnostic>), Diagnostic> {
    let laid =
        layout_guide(guide, collection, &LayoutOptions::for_collection(collection));
    let pages = laid.document.pages.len();
    check_sheet_length(&laid.document, guide).map_err(|d| *d)?;
    let bytes = write_pdf(&laid.document, pdf).map_err(|e| {
        Diagnostic::error("pdf", &guide.file, e.to_string())
            .help("this is probably a bug in guidepress; please report it with the guide attached")
    })?;
    Ok((bytes, pages, laid.warnings))
}

/// Writes a sheet atomically, unless the file already holds these bytes
/// (an unchanged sheet keeps its date).
fn write_unless_same(path: &Path, bytes: &[u8]) -> Result<(), Vec<Diagnostic>> {
    // Only a file is read back: reading a named pipe would wait forever.
    if path.is_file() && std::fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(());
    }
    write_atomic(path, bytes).map_err(|e| {
        vec![Diagnostic::error("write", path, format!("cannot write the PDF: {e}"))
            .help("check that the output folder is writable and the disk is not full")]
    })
}

/// Builds every guide; a bad guide does not stop the others. Sheets whose
/// inputs did not change are taken from the cache in `<out>/.cache/`.
pub fn build(
    opts: &BuildOptions,
    progress: Progress,
) -> Result<BuildReport, Vec<Diagnostic>> {
    check_output_dir(&opts.out_dir, &[&opts.guides_dir, &opts.images_dir])
        .map_err(|m| vec![Diagnostic::error("output-dir", &opts.out_dir, m)])?;
    with_pool(opts.jobs, || {
        crate::pdf::warm_up_fonts();
        // Sources are hashed before loading: see `bundle::keys::hash_sources`.
        let sources = super::bundle::keys::hash_sources(&opts.guides_dir);
        let loaded = load(&opts.guides_dir, &opts.images_dir)?;
        let cache = super::cache::Cache::open(&opts.out_dir, "print");
        let context = super::bundle::keys::context_key(&loaded, &sources);
        let keys: Vec<Option<String>> =
            loaded.guides.iter().map(|o| guide_key(o, &context, &sources)).collect();
        // The pictures of the sheets to render are decoded and compressed on
        // other threads while the output folder is prepared and the first
        // sheets are laid out.
        let to_render =
            loaded.guides.iter().zip(&keys).filter(|(_, key)| {
                !key.as_deref().is_some_and(|k| cache.has(&print_key(k)))
            });
        let guides = to_render.filter_map(|(o, _)| o.result.as_ref().ok());
        prepare_images(guides.flat_map(figures).map(|(f, _)| &f.image));
        let pdf_dir = opts.out_dir.join("pdf");
        std::fs::create_dir_all(&pdf_dir).map_err(|e| {
            vec![Diagnostic::error(
                "output-dir",
                &pdf_dir,
                format!("cannot create the output folder: {e}"),
            )]
        })?;
        clean_debris(&pdf_dir);
        let total = loaded.guides.len();
        let done = AtomicUsize::new(0);
        let results: Vec<_> = loaded
            .guides
            .par_iter()
            .zip(&keys)
            .map(|(outcome, key)| {
                if interrupt::requested() {
                    return (outcome, Err(Vec::new()));
                }
                let r = match &outcome.result {
                    Err(diags) => Err(diags.clone()),
                    Ok(guide) => {
                        cached_sheet(&cache, key.as_deref(), guide, &loaded.collection)
                            .map_err(|d| vec![d])
                            .and_then(|(bytes, pages, warnings)| {
                                let path = pdf_dir.join(format!("{}.pdf", guide.id));
                                write_unless_same(&path, &bytes)?;
                                let bytes = bytes.len();
                                let id = guide.id.clone();
                                Ok((Built { id, path, pages, bytes }, warnings))
                            })
                    }
                };
                let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                progress(n, total, &outcome.id);
                (outcome, r)
            })
            .collect();
        cache.save();
        if interrupt::requested() {
            clean_debris(&pdf_dir);
            let written = results.iter().filter(|(_, r)| r.is_ok()).count();
            let kept = format!(
                "{written} of {total} PDFs written, the others left as they were"
            );
            return Err(vec![interrupt::stopped(&pdf_dir, &kept)]);
        }
        let mut report = BuildReport {
            warnings: loaded.warnings.clone(),
            work: cache.stats(),
            ..BuildReport::default()
        };
        for (outcome, r) in results {
            report.warnings.extend(outcome.warnings.iter().cloned());
            match r {
                Ok((built, warnings)) => {
                    report.warnings.extend(warnings);
                    report.built.push(built);
                }
                Err(diags) => report.failed.push((outcome.id.clone(), diags)),
            }
        }
        Ok(report)
    })
}
