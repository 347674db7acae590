//! The `pack` job: the collection's guides as one print-ready PDF,
//! `out/pack/<collection>-<layout>.pdf` by default.

use crate::i18n::Msg;
use crate::msg;
use std::path::{Path, PathBuf};

use super::cache::keys::{context_key, guide_key, hash_sources, pack_key};
use super::cache::{Cache, CacheStats};
use super::failure::Failure;
use super::fs::{check_output_file, pack_cache_root, write_atomic, write_help};
use super::run::{load, with_pool};
use super::units::pack::file_name;
use super::units::{PackUnit, PackUnitError};
use crate::layout::pack::{PackError, PackLayout, PackOptions};
use crate::model::values::closest;
use crate::model::{Collection, Diagnostic, Guide};

/// What to pack and where.
#[derive(Debug, Clone, Default)]
pub struct PackJob {
    /// Folder of `*.json` guides.
    pub guides_dir: PathBuf,
    /// Folder of pictures.
    pub images_dir: PathBuf,
    /// Output file; `None`: [`default_path`] under `out/`.
    pub out: Option<PathBuf>,
    /// Layout, duplex, large print, fold marks.
    pub options: PackOptions,
    /// Only these guide ids (in collection order); empty: every guide.
    pub only: Vec<String>,
    /// Worker threads; `None` = all cores.
    pub jobs: Option<usize>,
}

/// A pack that was written.
#[derive(Debug, Clone)]
pub struct PackReport {
    /// The PDF written.
    pub path: PathBuf,
    /// The layout it was made with.
    pub layout: PackLayout,
    /// Numbered pages (before imposition).
    pub pages: usize,
    /// Pages of the PDF (sheet sides for imposed layouts).
    pub sides: usize,
    /// File size.
    pub bytes: usize,
    /// Each guide and the page it starts on.
    pub starts: Vec<(String, usize)>,
    /// Warnings of the project and of the packed guides.
    pub warnings: Vec<Diagnostic>,
    /// Whether the pack was reused from the cache (see [`pack_cache_root`]) or made.
    pub work: CacheStats,
}

/// `out/pack/<collection-slug>-<layout>.pdf`; a handout adds the guide's id
/// and large print adds `-large`, so that packs do not overwrite each other.
pub fn default_path(
    out_root: &Path,
    collection: &Collection,
    opts: &PackOptions,
    only: &[&Guide],
) -> PathBuf {
    out_root.join("pack").join(file_name(collection, opts, only))
}

/// Builds the pack. A guide that fails validation stops it: a pack with a
/// missing guide would be misleading, so nothing is written. A pack whose
/// inputs did not change is taken from the cache (see [`pack_cache_root`]).
pub fn pack(job: &PackJob) -> Result<PackReport, Failure> {
    with_pool(job.jobs, || {
        // Sources are hashed before loading: see `hash_sources`.
        let sources = hash_sources(&job.guides_dir);
        let loaded = load(&job.guides_dir, &job.images_dir)?;
        let ids: Vec<&str> = loaded.guides.iter().map(|g| g.id.as_str()).collect();
        for id in &job.only {
            if !ids.contains(&id.as_str()) {
                return Err(Failure::Usage(unknown_id(id, &ids)));
            }
        }
        let selected: Vec<_> = loaded
            .guides
            .iter()
            .filter(|g| job.only.is_empty() || job.only.contains(&g.id))
            .collect();
        if job.options.layout == PackLayout::Handout && selected.len() != 1 {
            return Err(Failure::Usage(handout_usage(selected.len(), &ids)));
        }
        let mut warnings = loaded.warnings.clone();
        let mut errors = Vec::new();
        let mut guides = Vec::new();
        for g in &selected {
            warnings.extend(g.warnings.iter().cloned());
            match &g.result {
                Ok(guide) => guides.push(guide),
                Err(diags) => errors.extend(diags.iter().cloned()),
            }
        }
        if !errors.is_empty() {
            errors.extend(warnings);
            return Err(Failure::Refused(errors));
        }
        let collection = &loaded.collection;
        let collection_file = loaded
            .collection_file
            .clone()
            .unwrap_or_else(|| job.guides_dir.join("collection.json"));
        let path = job.out.clone().unwrap_or_else(|| {
            default_path(Path::new("out"), collection, &job.options, &guides)
        });
        check_output_file(&path, &[&job.guides_dir, &job.images_dir])
            .map_err(|m| Diagnostic::error("output-dir", &path, m))?;
        // A guide whose file changed during the run has no key: no caching.
        let context = context_key(&loaded, &sources);
        let keys: Option<Vec<String>> =
            selected.iter().map(|g| guide_key(g, &context, &sources)).collect();
        let cache = Cache::<PackUnit>::open(&pack_cache_root(&path));
        let key = keys.filter(|_| !guides.is_empty()).map(|ks| {
            let ks: Vec<&str> = ks.iter().map(String::as_str).collect();
            pack_key(&job.options, &context, &ks)
        });
        let compute =
            || PackUnit::render(&guides, collection, &collection_file, &job.options);
        let unit =
            cache.get_or_compute(key.as_deref(), compute).map_err(|e| match e {
                PackUnitError::Layout(PackError::HandoutNeedsOneGuide(n)) => {
                    Failure::Usage(handout_usage(n, &ids))
                }
                PackUnitError::Layout(PackError::NoGuides) => Diagnostic::error(
                    "no-guides",
                    &job.guides_dir,
                    msg!("no-guide-to-pack"),
                )
                .help(msg!("no-guide-to-pack-help"))
                .into(),
                PackUnitError::Layout(PackError::Unsettled(_)) => {
                    e.failure(&job.guides_dir)
                }
                PackUnitError::Pdf(_) => e.failure(&path),
            })?;
        warnings.extend(unit.warnings_for(&collection_file));
        if super::interrupt::requested() {
            let kept = msg!("kept-pack");
            let stopped = super::interrupt::stopped(&path, kept);
            return Err(stopped.into());
        }
        write_atomic(&path, &unit.pdf).map_err(|e| {
            Diagnostic::error("write", &path, msg!("write-pdf", reason = e.to_string()))
                .help(write_help(&e, msg!("write-help")))
        })?;
        cache.save();
        Ok(PackReport {
            path,
            layout: job.options.layout,
            pages: unit.pages,
            sides: unit.sides,
            bytes: unit.pdf.len(),
            starts: unit.starts,
            warnings,
            work: cache.stats(),
        })
    })
}

/// `unknown guide "vider-cahce" in --only; did you mean "vider-cache"?`
fn unknown_id(id: &str, ids: &[&str]) -> Msg {
    let hint = match closest(id, ids.iter().copied()) {
        Some(c) => msg!("did-you-mean", value = c),
        None => msg!("guides-are", list = ids.join(", ")),
    };
    msg!("unknown-only", id = id, hint = hint)
}

fn handout_usage(selected: usize, ids: &[&str]) -> Msg {
    let example = ids.first().copied().unwrap_or("ID");
    msg!("handout-one-guide", selected = selected, example = example)
}
