//! The `bundle` job: everything a release needs in one reproducible zip,
//! `out/bundle/<collection-slug>-<version>.zip`, with `print/` (one sheet
//! per guide), `pack/` (the pack in every layout), `site/` (the web folder),
//! `report.json` and `SHA256SUMS`.
//!
//! Phases: hash the sources, load and validate (any error: no zip), render
//! the units (print sheets, web editions, packs) in parallel through the
//! caches `build`, `site` and `pack` share, have the site's files made from
//! the web editions (by the [`SiteEntries`] it is given), then the
//! [`report`] and checksums, then the zip ([`archive`]), written atomically.
//! The zip's bytes depend only on the sources, the guidepress version and
//! the timestamp (`SOURCE_DATE_EPOCH`, else the newest guide date): not on
//! the folder, the thread count, the file-system order or the cache.

pub mod archive;
pub mod report;

use crate::msg;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Mutex;

use rayon::prelude::*;

use super::cache::hash::sha256_hex;
use super::cache::keys::{context_key, guide_key, hash_sources, pack_key, print_key};
use super::cache::{Cache, CacheStats, Unit};
use super::diagnostics::sort_diagnostics;
use super::failure::Failure;
use super::fs::{check_output_dir, clean_debris, write_atomic, write_help};
use super::interrupt;
use super::lint;
use super::run::{load, with_pool};
use super::units::images::Resampler;
use super::units::pack::file_name;
use super::units::{PackUnit, PrintSheet, SiteEntries, WebEdition, WebSettings};
use crate::layout::pack::{PackLayout, PackOptions};
use crate::model::values::name_slug;
use crate::model::{Collection, Date, Diagnostic, Guide};
use crate::pdf::PdfStandard;
use archive::{write_zip, Timestamp};

/// What to bundle and where.
#[derive(Debug, Clone)]
pub struct BundleOptions {
    /// Folder of `*.json` guides.
    pub guides_dir: PathBuf,
    /// Folder of pictures.
    pub images_dir: PathBuf,
    /// Output root: the zip goes to `<out>/bundle/`, the cache to `<out>/.guidepress.cache/bundle/`.
    pub out_dir: PathBuf,
    /// Version in the file name; default: the newest `updated` date.
    pub version: Option<String>,
    /// Timestamp of the zip's entries, in seconds since 1970 (`SOURCE_DATE_EPOCH`);
    /// default: midnight UTC of the newest guide date.
    pub source_date_epoch: Option<i64>,
    /// Worker threads; `None` = all cores.
    pub jobs: Option<usize>,
    /// Reuse unchanged work from the cache (off: rebuild everything, touch no cache).
    pub cache: bool,
}

/// How much of each kind of work was reused or redone.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Work {
    /// Print sheets.
    pub print: CacheStats,
    /// Web editions (PDF and thumbnail).
    pub web: CacheStats,
    /// Pack layouts (one per layout, one handout per guide).
    pub pack: CacheStats,
    /// Ids of the guides whose print sheet was rebuilt.
    pub rebuilt_guides: Vec<String>,
}

/// A bundle that was written.
#[derive(Debug, Clone)]
pub struct BundleReport {
    /// The zip.
    pub path: PathBuf,
    /// Its size.
    pub bytes: usize,
    /// What `report.json` in the zip says.
    pub report: report::Report,
    /// Warnings (they do not stop the bundle).
    pub warnings: Vec<Diagnostic>,
    /// Work reused and redone.
    pub work: Work,
}

/// The layouts every bundle holds; a handout (one guide) is added per guide.
pub const PACK_LAYOUTS: [PackLayout; 3] =
    [PackLayout::Single, PackLayout::TwoUp, PackLayout::Booklet];

/// The packs every bundle holds: each of [`PACK_LAYOUTS`], then the single
/// layout in large print.
pub fn bundle_packs() -> Vec<PackOptions> {
    let mut packs: Vec<PackOptions> = PACK_LAYOUTS
        .iter()
        .map(|l| PackOptions { layout: *l, ..PackOptions::default() })
        .collect();
    packs.push(PackOptions {
        layout: PackLayout::Single,
        large_print: true,
        ..PackOptions::default()
    });
    packs
}

/// The short hash of a bundle's entries (path and bytes of each, sorted by
/// path), without `report.json` and `SHA256SUMS`: the default version is the
/// newest date plus this, so a bundle whose content changed gets a new name.
pub fn content_hash(entries: &[(String, Vec<u8>)]) -> String {
    let mut lines: Vec<String> = entries
        .iter()
        .filter(|(p, _)| p != "report.json" && p != "SHA256SUMS")
        .map(|(p, b)| format!("{}  {p}\n", sha256_hex(b)))
        .collect();
    lines.sort();
    sha256_hex(lines.concat().as_bytes())[..8].to_string()
}

/// Whether `v` may be used as a version in a file name.
pub fn valid_version(v: &str) -> bool {
    !v.is_empty()
        && v.len() <= 64
        && v.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && v.chars().all(|c| c.is_ascii_alphanumeric() || ".-_+".contains(c))
}

/// Builds and writes the bundle, its `site/` files made by `site` (the
/// `site` job's `entries`, which [`crate::output::bundle`] passes). Any
/// refused guide stops it with every problem found; then no zip is written
/// and an older one is left as it was.
pub fn bundle_with(
    opts: &BundleOptions,
    site: SiteEntries,
) -> Result<BundleReport, Failure> {
    if let Some(v) = opts.version.as_deref().filter(|v| !valid_version(v)) {
        let message = msg!("bad-version", version = v);
        let help = msg!("bad-version-help");
        return Err(Diagnostic::error("bad-version", &opts.out_dir, message)
            .help(help)
            .into());
    }
    check_output_dir(&opts.out_dir, &[&opts.guides_dir, &opts.images_dir])
        .map_err(|m| Diagnostic::error("output-dir", &opts.out_dir, m))?;
    with_pool(opts.jobs, || run(opts, site))
}

/// The caches of a bundle: each unit's namespace in `--out`.
struct Caches {
    print: Cache<PrintSheet>,
    web: Cache<WebEdition>,
    pack: Cache<PackUnit>,
}

impl Caches {
    fn open(opts: &BundleOptions) -> Self {
        fn open<U: Unit>(opts: &BundleOptions) -> Cache<U> {
            if opts.cache {
                Cache::open(&opts.out_dir)
            } else {
                Cache::disabled()
            }
        }
        Caches { print: open(opts), web: open(opts), pack: open(opts) }
    }
}

/// What is made for each guide.
struct Rendered {
    print: PrintSheet,
    web: WebEdition,
    handout: PackUnit,
}

fn run(opts: &BundleOptions, site: SiteEntries) -> Result<BundleReport, Failure> {
    let sources = hash_sources(&opts.guides_dir);
    let loaded = load(&opts.guides_dir, &opts.images_dir)?;
    let mut warnings = loaded.warnings.clone();
    let mut errors = Vec::new();
    for g in &loaded.guides {
        warnings.extend(g.warnings.iter().cloned());
        if let Err(e) = &g.result {
            errors.extend(e.iter().cloned());
        }
    }
    if !errors.is_empty() {
        errors.extend(warnings);
        return Err(errors.into());
    }
    let guides: Vec<&Guide> =
        loaded.guides.iter().filter_map(|g| g.result.as_ref().ok()).collect();
    let collection = &loaded.collection;
    let collection_file = loaded
        .collection_file
        .clone()
        .unwrap_or_else(|| opts.guides_dir.join("collection.json"));
    let caches = Caches::open(opts);

    // Keys: a guide whose file changed during the run gets none and is not cached.
    let context = context_key(&loaded, &sources);
    let guide_keys: Vec<Option<String>> =
        loaded.guides.iter().map(|g| guide_key(g, &context, &sources)).collect();

    // Per guide: the print sheet, the web edition, the handout.
    let base = collection.base_url.clone();
    let standards = [PdfStandard::Ua1];
    let resampler = Resampler::new();
    let settings = WebSettings {
        base: base.as_deref(),
        standards: &standards,
        resampler: &resampler,
    };
    let handout = PackOptions { layout: PackLayout::Handout, ..PackOptions::default() };
    let rebuilt = Mutex::new(Vec::new());
    let per_guide: Vec<Result<Rendered, Failure>> = guides
        .par_iter()
        .zip(guide_keys.par_iter())
        .map(|(g, key)| {
            let print = caches.print.get_or_compute(
                key.as_deref().map(print_key).as_deref(),
                || {
                    rebuilt.lock().unwrap_or_else(|e| e.into_inner()).push(g.id.clone());
                    PrintSheet::render(g, collection)
                },
            )?;
            let web =
                WebEdition::cached(&caches.web, key.as_deref(), g, collection, settings)?;
            let hand_key =
                key.as_ref().map(|k| pack_key(&handout, &context, &[k.as_str()]));
            let handout = caches.pack.get_or_compute(hand_key.as_deref(), || {
                PackUnit::render(&[g], collection, &collection_file, &handout)
                    .map_err(|e| e.failure(&collection_file))
            })?;
            Ok(Rendered { print, web, handout })
        })
        .collect();
    // The packs of every guide: any guide change redoes them (page numbers move).
    let all_keys: Option<Vec<String>> = guide_keys.iter().cloned().collect();
    let pack_options = bundle_packs();
    let packs: Vec<Result<PackUnit, Failure>> = pack_options
        .par_iter()
        .map(|options| {
            let key = all_keys.as_ref().map(|ks| {
                let ks: Vec<&str> = ks.iter().map(String::as_str).collect();
                pack_key(options, &context, &ks)
            });
            caches.pack.get_or_compute(key.as_deref(), || {
                PackUnit::render(&guides, collection, &collection_file, options)
                    .map_err(|e| e.failure(&collection_file))
            })
        })
        .collect();

    let mut failures = Vec::new();
    let mut rendered = Vec::new();
    for r in per_guide {
        match r {
            Ok(u) => rendered.push(u),
            Err(f) => failures.extend(f.into_diagnostics()),
        }
    }
    let packs: Vec<PackUnit> = packs
        .into_iter()
        .filter_map(|r| r.map_err(|f| failures.extend(f.into_diagnostics())).ok())
        .collect();
    if !failures.is_empty() {
        failures.extend(warnings);
        return Err(failures.into());
    }

    // Entries of the zip.
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    let mut print_pages = Vec::new();
    let mut handout_lines = Vec::new();
    for (g, r) in guides.iter().zip(&rendered) {
        warnings.extend(r.print.warnings.restore(&g.file));
        print_pages.push(r.print.pages as u64);
        entries.push((format!("print/{}.pdf", g.id), r.print.pdf.clone()));
        let name = pack_entry(collection, &handout, &[g]);
        handout_lines.push(pack_line(&name, PackLayout::Handout, &r.handout));
        entries.push((name, r.handout.pdf.clone()));
    }
    let mut pack_lines = Vec::new();
    for (options, unit) in pack_options.iter().zip(&packs) {
        let name = pack_entry(collection, options, &guides);
        pack_lines.push(pack_line(&name, options.layout, unit));
        entries.push((name, unit.pdf.clone()));
    }
    pack_lines.extend(handout_lines);
    let editions: Vec<(&Guide, &WebEdition)> =
        guides.iter().zip(&rendered).map(|(g, r)| (*g, &r.web)).collect();
    let site_entries = site(collection, base.as_deref(), &editions)
        .map_err(|m| Diagnostic::error("attachment", &opts.out_dir, m))?;
    entries.extend(site_entries.into_iter().map(|(p, b)| (format!("site/{p}"), b)));

    for g in &guides {
        warnings.extend(lint::placeholders(&g.file));
    }
    warnings.extend(lint::stale_guides(&guides));
    warnings.extend(lint::unused_images(&loaded, &opts.images_dir));
    lint::locate(&mut warnings);
    sort_diagnostics(&mut warnings);

    // Version and timestamp.
    let newest = guides.iter().filter_map(|g| lint::guide_date(g)).map(|(d, _)| d).max();
    let timestamp = match opts.source_date_epoch {
        Some(secs) => Timestamp::from_epoch(secs),
        None => {
            Timestamp::midnight(newest.unwrap_or(Date { year: 1980, month: 1, day: 1 }))
        }
    };
    let version = opts.version.clone().unwrap_or_else(|| {
        format!("{}-{}", newest.unwrap_or(timestamp.date).iso(), content_hash(&entries))
    });
    let slug = Some(name_slug(&collection.title))
        .filter(|s| !s.is_empty())
        .unwrap_or("guides".into());
    let name = format!("{slug}-{version}");

    let project_dir = loaded.project_dir.clone();
    let report = report::Report::new(report::Inputs {
        collection,
        slug: &slug,
        version: &version,
        timestamp,
        guides: &guides,
        print_pages: &print_pages,
        packs: &pack_lines,
        entries: &entries,
        warnings: &warnings,
        project_dir: &project_dir,
    });
    entries.push(("report.json".into(), report.to_json().into_bytes()));
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let sums: String =
        entries.iter().map(|(p, b)| format!("{}  {p}\n", sha256_hex(b))).collect();
    entries.push(("SHA256SUMS".into(), sums.into_bytes()));

    let zip = write_zip(entries, timestamp).map_err(|e| {
        Failure::internal("zip", &opts.out_dir, format!("cannot make the zip: {e}"))
    })?;
    let dir = opts.out_dir.join("bundle");
    let path = dir.join(format!("{name}.zip"));
    clean_debris(&dir);
    if interrupt::requested() {
        let kept = msg!("kept-bundle");
        return Err(interrupt::stopped(&path, kept).into());
    }
    write_atomic(&path, &zip).map_err(|e| {
        Diagnostic::error("write", &path, msg!("write-bundle", reason = e.to_string()))
            .help(write_help(&e, msg!("write-bundle-help")))
    })?;
    caches.print.save();
    caches.web.save();
    caches.pack.save();
    let mut rebuilt_guides = rebuilt.into_inner().unwrap_or_else(|e| e.into_inner());
    rebuilt_guides.sort();
    let work = Work {
        print: caches.print.stats(),
        web: caches.web.stats(),
        pack: caches.pack.stats(),
        rebuilt_guides,
    };
    Ok(BundleReport { path, bytes: zip.len(), report, warnings, work })
}

/// `pack/<file name of the pack>`.
fn pack_entry(collection: &Collection, options: &PackOptions, only: &[&Guide]) -> String {
    format!("pack/{}", file_name(collection, options, only))
}

/// What the report says of a pack in the zip at `name`.
fn pack_line(name: &str, layout: PackLayout, unit: &PackUnit) -> report::PackLine {
    report::PackLine {
        file: name.to_string(),
        layout: layout.name().to_string(),
        pages: unit.pages as u64,
        sides: unit.sides as u64,
    }
}

/// Parses `SHA256SUMS` text: `(hex, path)` per line.
pub fn parse_sums(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .filter_map(|l| l.split_once("  "))
        .map(|(h, p)| (p.to_string(), h.to_string()))
        .collect()
}
