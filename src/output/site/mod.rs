//! The `site` job: a folder for the school's website with a page for every
//! guide (`<id>.html`, made by [`crate::html`]) and its screen PDF (`pdf/`),
//! thumbnails (`thumbs/`), web pictures (`images/`), attachments (`files/`),
//! `index.html`, `style.css`, `manifest.json` and, under a base URL,
//! `sitemap.xml`, built all or nothing.
//!
//! Phases: load, then per guide in parallel its web edition
//! ([`WebEdition`], through the cache shared with `bundle`), then the
//! collection-wide files ([`collect`], [`manifest`], put together with the
//! pages by [`assemble`]) in a staging folder that [`swap`] moves into place.

pub mod assemble;
pub mod collect;
pub mod guide;
pub mod manifest;
pub mod options;
pub mod swap;

use crate::i18n::Msg;
use crate::msg;
use std::fs;
use std::path::Path;

use super::cache::keys::{context_key, guide_key, hash_sources};
use super::cache::{Cache, CacheStats};
use super::failure::Failure;
use super::fs::{check_output_dir, web_cache_root};
use super::interrupt;
use super::run::{each_guide, load, with_pool, Progress};
use super::units::images::Resampler;
use super::units::{WebEdition, WebSettings};
use crate::model::{Collection, Diagnostic, Guide};

pub use assemble::entries;
pub use collect::SiteFile;
pub use guide::SiteGuide;
pub use options::{
    base_url, normalize_base_url, parse_standards, SiteLinks, SiteOptions,
};

/// The outcome of a successful site build.
#[derive(Debug, Default)]
pub struct SiteReport {
    /// The guides published, in collection order.
    pub guides: Vec<SiteGuide>,
    /// Attachments copied.
    pub files: Vec<SiteFile>,
    /// The base URL links use, if any.
    pub base_url: Option<String>,
    /// Warnings of every guide and of the project.
    pub warnings: Vec<Diagnostic>,
    /// Web editions reused from the cache (see [`web_cache_root`]) and rendered.
    pub work: CacheStats,
}

/// Builds the whole site, or nothing: on any error the old site (if any) stays.
/// Web editions whose inputs did not change are taken from the cache in
/// [`web_cache_root`]`/.guidepress.cache/web`, shared with `bundle`.
pub fn build_site(opts: &SiteOptions, progress: Progress) -> Result<SiteReport, Failure> {
    let out = &opts.out_dir;
    check_output_dir(out, &[&opts.guides_dir, &opts.images_dir])
        .map_err(|m| Diagnostic::error("output-dir", out, m))?;
    with_pool(opts.jobs, || {
        // Sources are hashed before loading: see `hash_sources`.
        let sources = hash_sources(&opts.guides_dir);
        let loaded = load(&opts.guides_dir, &opts.images_dir)?;
        let collection = &loaded.collection;
        let base = base_url(&opts.links, collection);
        let cache = Cache::<WebEdition>::open(web_cache_root(out));
        let context = context_key(&loaded, &sources);
        let resampler = Resampler::new();
        let settings = WebSettings {
            base: base.as_deref(),
            standards: &opts.standards,
            resampler: &resampler,
        };
        let results = each_guide(
            &loaded.guides,
            |g| &g.id,
            progress,
            |outcome| match &outcome.result {
                Err(diags) => Err(diags.clone()),
                Ok(guide) => {
                    let key = guide_key(outcome, &context, &sources);
                    WebEdition::cached(
                        &cache,
                        key.as_deref(),
                        guide,
                        collection,
                        settings,
                    )
                    .map_err(Failure::into_diagnostics)
                }
            },
        );

        cache.save();
        if interrupt::requested() {
            let kept = crate::msg!("kept-site");
            return Err(interrupt::stopped(out, kept).into());
        }
        let mut warnings = loaded.warnings.clone();
        let mut errors = Vec::new();
        let mut rendered = Vec::new();
        // Not interrupted: every guide was done.
        for (outcome, r) in loaded.guides.iter().zip(results.into_iter().flatten()) {
            warnings.extend(outcome.warnings.iter().cloned());
            match (r, &outcome.result) {
                (Ok(web), Ok(guide)) => {
                    warnings.extend(web.warnings.restore(&guide.file));
                    rendered.push((guide, web));
                }
                (Err(d), _) => errors.extend(d),
                (Ok(_), Err(d)) => errors.extend(d.iter().cloned()),
            }
        }
        let files = collect::collect(rendered.iter().map(|(g, _)| *g))
            .map_err(|m| vec![Diagnostic::error("attachment", out, m)]);
        if !errors.is_empty() || files.is_err() {
            errors.extend(files.err().unwrap_or_default());
            errors.extend(warnings);
            return Err(errors.into());
        }
        let files = files.unwrap_or_default();
        let editions: Vec<(&Guide, &WebEdition)> =
            rendered.iter().map(|(g, w)| (*g, w)).collect();
        let io = |m: Msg| vec![Diagnostic::error("write", out, m)];
        let report = swap::build_then_swap(
            out,
            |dir| {
                write_site(dir, collection, base.as_deref(), &editions, files).map_err(io)
            },
            io,
        )?;
        Ok(SiteReport { warnings, work: cache.stats(), ..report })
    })
}

/// Writes every file of the site into `dir`.
fn write_site(
    dir: &Path,
    collection: &Collection,
    base: Option<&str>,
    editions: &[(&Guide, &WebEdition)],
    files: Vec<SiteFile>,
) -> Result<SiteReport, Msg> {
    let site = assemble::assemble(collection, base, editions, files)?;
    for (rel, bytes) in &site.entries {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| {
                msg!(
                    "folder-create",
                    path = parent.display().to_string(),
                    reason = e.to_string()
                )
            })?;
        }
        fs::write(&path, bytes).map_err(|e| {
            msg!("file-write", path = path.display().to_string(), reason = e.to_string())
        })?;
    }
    Ok(SiteReport {
        guides: site.guides,
        files: site.files,
        base_url: base.map(str::to_string),
        warnings: Vec::new(),
        work: CacheStats::default(),
    })
}
