//! The `site` job: a folder for the school's website with a screen edition
//! of every guide (`pdf/`), thumbnails (`thumbs/`), attachments (`files/`),
//! `index.html` and `manifest.json`, built all or nothing.
//!
//! Phases: load, then per guide in parallel [`render_web_pdf`] (layout,
//! [`images`] downsampling, PDF, [`thumbs`]), then the collection-wide
//! files ([`files`], [`manifest`], [`index`]) in a staging folder that
//! [`swap`] moves into place.

pub mod files;
pub mod images;
pub mod index;
pub mod manifest;
pub mod swap;
pub mod thumbs;

use std::fs;
use std::path::{Path, PathBuf};

use super::bundle::keys::{context_key, guide_key, hash_sources};
use super::bundle::units::{cached_web, fact, warnings as unit_warnings};
use super::cache::{sha256_hex, Cache, CacheStats, Unit};
use super::failure::Failure;
use super::fs::{check_output_dir, web_cache_root};
use super::run::{each_guide, load, with_pool, Progress};
use crate::layout::{check_sheet_length, layout_guide, GuideLinks, LayoutOptions};
use crate::model::values::check_url;
use crate::model::{Collection, Date, Diagnostic, Guide, Inline, Lang};
use crate::pdf::{write_pdf, Compression, PdfError, PdfOptions, PdfStandard};

pub use files::SiteFile;
pub use images::{Resampler, WEB_DPI};
pub use thumbs::{thumbnail, Thumbnail, THUMB_WIDTH};

/// Where links in the web PDFs and the manifest point.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SiteLinks {
    /// The collection's `base_url` if it has one, else relative links.
    #[default]
    Collection,
    /// This base URL (ends with `/`).
    Base(String),
    /// Relative links, whatever the collection says: the folder works anywhere.
    Relative,
}

/// What to publish and where.
#[derive(Debug, Clone)]
pub struct SiteOptions {
    /// Folder of `*.json` guides.
    pub guides_dir: PathBuf,
    /// Folder of pictures.
    pub images_dir: PathBuf,
    /// The site folder (replaced as a whole), e.g. `out/site`.
    pub out_dir: PathBuf,
    /// Where links point.
    pub links: SiteLinks,
    /// Standards every web PDF must meet (PDF/UA-1 by default).
    pub standards: Vec<PdfStandard>,
    /// Worker threads; `None` = all cores.
    pub jobs: Option<usize>,
}

impl SiteOptions {
    /// Default options for a project: PDF/UA-1, `out/site`.
    pub fn new(guides_dir: impl Into<PathBuf>, images_dir: impl Into<PathBuf>) -> Self {
        SiteOptions {
            guides_dir: guides_dir.into(),
            images_dir: images_dir.into(),
            out_dir: PathBuf::from("out/site"),
            links: SiteLinks::Collection,
            standards: vec![PdfStandard::Ua1],
            jobs: None,
        }
    }
}

/// One published guide: what the index and the manifest say about it.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteGuide {
    /// Guide id.
    pub id: String,
    /// Title, markup removed, on one line.
    pub title: String,
    /// Summary.
    pub description: Option<Inline>,
    /// Language.
    pub lang: Lang,
    /// Who it is for.
    pub audience: Vec<String>,
    /// First publication.
    pub published: Option<Date>,
    /// Last update.
    pub updated: Option<Date>,
    /// Pages of the web PDF.
    pub pages: usize,
    /// Size of the web PDF.
    pub bytes: u64,
    /// SHA-256 of the web PDF, lowercase hex.
    pub sha256: String,
    /// Thumbnail width in pixels.
    pub thumb_width: u32,
    /// Thumbnail height in pixels.
    pub thumb_height: u32,
    /// Site paths of its attachments.
    pub attachments: Vec<String>,
}

impl SiteGuide {
    /// What the index and manifest say about `guide`, whose web PDF is
    /// `pdf` (`pages` long) with a `thumb_width` × `thumb_height` thumbnail.
    pub fn new(
        guide: &Guide,
        pdf: &[u8],
        pages: usize,
        thumb_width: u32,
        thumb_height: u32,
    ) -> Self {
        let mut attachments: Vec<String> =
            files::local_files(guide).map(|f| files::site_path(&f.rel_path)).collect();
        attachments.dedup();
        SiteGuide {
            id: guide.id.clone(),
            title: guide.title.plain_text().replace('\n', " "),
            description: guide.description.clone(),
            lang: guide.lang,
            audience: guide.audience.clone(),
            published: guide.published,
            updated: guide.updated,
            pages,
            bytes: pdf.len() as u64,
            sha256: sha256_hex(pdf),
            thumb_width,
            thumb_height,
            attachments,
        }
    }
}

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

/// A guide's screen edition, ready to be written.
#[derive(Debug, Clone)]
pub struct WebPdf {
    /// The PDF.
    pub bytes: Vec<u8>,
    /// Its page count.
    pub pages: usize,
    /// Its first page.
    pub thumbnail: Thumbnail,
    /// Layout warnings.
    pub warnings: Vec<Diagnostic>,
}

/// `pdf/<id>.pdf`: where a guide's PDF is in the site.
pub fn pdf_path(id: &str) -> String {
    format!("pdf/{id}.pdf")
}

/// `thumbs/<id>.png`: where a guide's thumbnail is in the site.
pub fn thumb_path(id: &str) -> String {
    format!("thumbs/{id}.png")
}

/// The names `--pdf-standard` accepts, with what they select.
pub const STANDARD_NAMES: [(&str, PdfStandard); 4] = [
    ("ua-1", PdfStandard::Ua1),
    ("a-2b", PdfStandard::A2b),
    ("a-2u", PdfStandard::A2u),
    ("a-2a", PdfStandard::A2a),
];

/// Parses a comma-separated list of standards such as `a-2a,ua-1`
/// (case-insensitive, spaces allowed; `pdf/` prefixes accepted).
pub fn parse_standards(list: &str) -> Result<Vec<PdfStandard>, String> {
    let valid = STANDARD_NAMES.map(|(n, _)| n).join(", ");
    let mut out = Vec::new();
    for raw in list.split(',').map(str::trim) {
        let name = raw.to_ascii_lowercase().replace(['/', '_'], "-");
        let name = name.strip_prefix("pdf-").unwrap_or(&name);
        let Some((_, s)) = STANDARD_NAMES.iter().find(|(n, _)| *n == name) else {
            return Err(format!(
                "unknown PDF standard \"{raw}\"; valid: {valid} (combine one PDF/A level \
                 with ua-1, e.g. a-2a,ua-1)"
            ));
        };
        if !out.contains(s) {
            out.push(*s);
        }
    }
    let archival: Vec<&str> =
        out.iter().filter(|s| **s != PdfStandard::Ua1).map(|s| s.name()).collect();
    if archival.len() > 1 {
        return Err(format!(
            "choose one PDF/A level, not {}; ua-1 can be added to it",
            archival.join(" and ")
        ));
    }
    Ok(out)
}

/// Checks a `--base-url` and gives it its final `/`.
pub fn normalize_base_url(url: &str) -> Result<String, String> {
    check_url(url, &["https", "http"]).map_err(|(msg, help)| format!("{msg}; {help}"))?;
    let mut url = url.to_string();
    if !url.ends_with('/') {
        url.push('/');
    }
    Ok(url)
}

/// The base URL that `links` selects for `collection`.
pub fn base_url(links: &SiteLinks, collection: &Collection) -> Option<String> {
    match links {
        SiteLinks::Collection => collection.base_url.clone(),
        SiteLinks::Base(b) => Some(b.clone()),
        SiteLinks::Relative => None,
    }
}

/// Lays out, downsamples, writes and draws the screen edition of `guide`.
/// `base` is the site's base URL (PDFs live under `pdf/`, attachments under `files/`).
pub fn render_web_pdf(
    guide: &Guide,
    collection: &Collection,
    base: Option<&str>,
    standards: &[PdfStandard],
    resampler: &Resampler,
) -> Result<WebPdf, Failure> {
    let guide_links = match base {
        // Layout links guides to <base>pdf/<id>.pdf, where the site puts them.
        Some(b) => GuideLinks::Base(b.to_string()),
        None => GuideLinks::Relative,
    };
    let opts = LayoutOptions { guide_links, ..LayoutOptions::for_collection(collection) };
    let mut laid = layout_guide(guide, collection, &opts);
    check_sheet_length(&laid.document, guide)?;
    files::relink(&mut laid.document, guide, &opts.guide_links, base);
    resampler
        .downsample(&mut laid.document, WEB_DPI)
        .map_err(|m| Diagnostic::error("image", &guide.file, m))?;
    let pdf = PdfOptions {
        standards: standards.to_vec(),
        tagged: true,
        compression: Compression::Small,
    };
    let bytes =
        write_pdf(&laid.document, &pdf).map_err(|e| pdf_error(guide, standards, e))?;
    let thumbnail = thumbnail(&bytes, THUMB_WIDTH)
        .map_err(|m| Failure::internal("thumbnail", &guide.file, m))?;
    Ok(WebPdf {
        pages: laid.document.pages.len(),
        bytes,
        thumbnail,
        warnings: laid.warnings,
    })
}

fn pdf_error(guide: &Guide, standards: &[PdfStandard], e: PdfError) -> Diagnostic {
    let names: Vec<&str> = standards.iter().map(|s| s.name()).collect();
    match e {
        PdfError::Validation(_) => Diagnostic::error(
            "pdf-standard",
            &guide.file,
            format!(
                "guide \"{}\" cannot be published as {}: {e}",
                guide.id,
                names.join(" + ")
            ),
        )
        .help("fix the content named above, or choose another --pdf-standard"),
        PdfError::Options(_) => {
            Diagnostic::error("pdf-standard", &guide.file, e.to_string())
                .help("use --pdf-standard with one PDF/A level, optionally with ua-1")
        }
        other => Diagnostic::error(
            "pdf",
            &guide.file,
            format!("guide \"{}\": {other}", guide.id),
        ),
    }
}

impl WebPdf {
    /// The web edition stored in a unit of [`crate::output::bundle::units::web_edition`].
    fn from_unit(mut unit: Unit, guide: &Guide) -> WebPdf {
        WebPdf {
            pages: fact(&unit, "pages") as usize,
            thumbnail: Thumbnail {
                width: fact(&unit, "thumb_width") as u32,
                height: fact(&unit, "thumb_height") as u32,
                png: unit.files.remove("thumb").unwrap_or_default(),
            },
            warnings: unit_warnings(&unit, &guide.file),
            bytes: unit.files.remove("pdf").unwrap_or_default(),
        }
    }
}

/// Builds the whole site, or nothing: on any error the old site (if any) stays.
/// Web editions whose inputs did not change are taken from the cache in
/// [`web_cache_root`]`/.cache/web`, shared with `bundle`.
pub fn build_site(opts: &SiteOptions, progress: Progress) -> Result<SiteReport, Failure> {
    let out = &opts.out_dir;
    check_output_dir(out, &[&opts.guides_dir, &opts.images_dir])
        .map_err(|m| Diagnostic::error("output-dir", out, m))?;
    with_pool(opts.jobs, || {
        // Sources are hashed before loading: see `bundle::keys::hash_sources`.
        let sources = hash_sources(&opts.guides_dir);
        let loaded = load(&opts.guides_dir, &opts.images_dir)?;
        let collection = &loaded.collection;
        let base = base_url(&opts.links, collection);
        let cache = Cache::open(web_cache_root(out), "web");
        let context = context_key(&loaded, &sources);
        let resampler = Resampler::new();
        let results = each_guide(
            &loaded.guides,
            |g| &g.id,
            progress,
            |outcome| match &outcome.result {
                Err(diags) => Err(diags.clone()),
                Ok(guide) => {
                    let key = guide_key(outcome, &context, &sources);
                    cached_web(
                        &cache,
                        key.as_deref(),
                        guide,
                        collection,
                        base.as_deref(),
                        &opts.standards,
                        &resampler,
                    )
                    .map(|unit| WebPdf::from_unit(unit, guide))
                    .map_err(Failure::into_diagnostics)
                }
            },
        );

        cache.save();
        if super::interrupt::requested() {
            let kept = "the site was left as it was";
            return Err(super::interrupt::stopped(out, kept).into());
        }
        let mut warnings = loaded.warnings.clone();
        let mut errors = Vec::new();
        let mut rendered = Vec::new();
        // Not interrupted: every guide was done.
        for (outcome, r) in loaded.guides.iter().zip(results.into_iter().flatten()) {
            warnings.extend(outcome.warnings.iter().cloned());
            match (r, &outcome.result) {
                (Ok(web), Ok(guide)) => {
                    warnings.extend(web.warnings.iter().cloned());
                    rendered.push((guide, web));
                }
                (Err(d), _) => errors.extend(d),
                (Ok(_), Err(d)) => errors.extend(d.iter().cloned()),
            }
        }
        let files = files::collect(rendered.iter().map(|(g, _)| *g))
            .map_err(|m| vec![Diagnostic::error("attachment", out, m)]);
        if !errors.is_empty() || files.is_err() {
            errors.extend(files.err().unwrap_or_default());
            errors.extend(warnings);
            return Err(errors.into());
        }
        let files = files.unwrap_or_default();
        let io = |m: String| vec![Diagnostic::error("write", out, m)];
        let report = swap::build_then_swap(
            out,
            |dir| {
                write_site(dir, collection, base.as_deref(), &rendered, files).map_err(io)
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
    rendered: &[(&Guide, WebPdf)],
    files: Vec<SiteFile>,
) -> Result<SiteReport, String> {
    let published: Vec<Published> = rendered
        .iter()
        .map(|(guide, web)| Published {
            guide,
            pdf: &web.bytes,
            pages: web.pages,
            thumb: &web.thumbnail.png,
            thumb_width: web.thumbnail.width,
            thumb_height: web.thumbnail.height,
        })
        .collect();
    let site = site_entries(collection, base, &published, files)?;
    for (rel, bytes) in &site.entries {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        fs::write(&path, bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(SiteReport {
        guides: site.guides,
        files: site.files,
        base_url: base.map(str::to_string),
        warnings: Vec::new(),
        work: CacheStats::default(),
    })
}

/// A guide's published pieces, whether rendered now or taken from a cache.
pub struct Published<'a> {
    /// The guide.
    pub guide: &'a Guide,
    /// Its web PDF.
    pub pdf: &'a [u8],
    /// The PDF's page count.
    pub pages: usize,
    /// The thumbnail PNG.
    pub thumb: &'a [u8],
    /// Thumbnail width in pixels.
    pub thumb_width: u32,
    /// Thumbnail height in pixels.
    pub thumb_height: u32,
}

/// The whole site in memory: every file by its path inside the site folder,
/// and what the index and the manifest say about guides and attachments.
pub struct SiteEntries {
    /// `(path, bytes)`, PDFs and thumbnails first, then attachments, manifest, index.
    pub entries: Vec<(String, Vec<u8>)>,
    /// The guides, in collection order.
    pub guides: Vec<SiteGuide>,
    /// The attachments, with their sizes.
    pub files: Vec<SiteFile>,
}

/// Assembles every file of the site; `guidepress site` writes them to a
/// folder, `guidepress bundle` puts them in its zip, so both are identical.
pub fn site_entries(
    collection: &Collection,
    base: Option<&str>,
    published: &[Published],
    files: Vec<SiteFile>,
) -> Result<SiteEntries, String> {
    let mut entries = Vec::new();
    let mut guides = Vec::new();
    for p in published {
        entries.push((pdf_path(&p.guide.id), p.pdf.to_vec()));
        entries.push((thumb_path(&p.guide.id), p.thumb.to_vec()));
        guides.push(SiteGuide::new(
            p.guide,
            p.pdf,
            p.pages,
            p.thumb_width,
            p.thumb_height,
        ));
    }
    let mut with_sums: Vec<(SiteFile, String)> = Vec::new();
    for f in files {
        let bytes = fs::read(&f.source)
            .map_err(|e| format!("cannot read attachment {}: {e}", f.source.display()))?;
        with_sums.push((
            SiteFile { bytes: bytes.len() as u64, ..f.clone() },
            sha256_hex(&bytes),
        ));
        entries.push((f.path, bytes));
    }
    let m = manifest::manifest(collection, base, &guides, &with_sums);
    entries.push(("manifest.json".into(), manifest::to_json(&m).into_bytes()));
    entries
        .push(("index.html".into(), index::index_html(collection, &guides).into_bytes()));
    Ok(SiteEntries {
        entries,
        guides,
        files: with_sums.into_iter().map(|(f, _)| f).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standards_lists_parse_like_typst() {
        use PdfStandard::*;
        let table: &[(&str, Result<Vec<PdfStandard>, &str>)] = &[
            ("ua-1", Ok(vec![Ua1])),
            ("a-2b", Ok(vec![A2b])),
            ("a-2a,ua-1", Ok(vec![A2a, Ua1])),
            (" A-2U , UA-1 ", Ok(vec![A2u, Ua1])),
            ("pdf/a-2b", Ok(vec![A2b])),
            ("ua-1,ua-1", Ok(vec![Ua1])),
            ("a-3b", Err("unknown PDF standard \"a-3b\"; valid: ua-1, a-2b, a-2u, a-2a")),
            ("", Err("unknown PDF standard \"\"")),
            ("a-2a,a-2b", Err("choose one PDF/A level")),
        ];
        for (list, want) in table {
            match (parse_standards(list), want) {
                (Ok(got), Ok(want)) => assert_eq!(&got, want, "{list}"),
                (Err(got), Err(want)) => assert!(got.starts_with(want), "{list}: {got}"),
                (got, want) => panic!("{list}: got {got:?}, want {want:?}"),
            }
        }
    }

    #[test]
    fn base_urls_are_checked_and_end_with_a_slash() {
        assert_eq!(
            normalize_base_url("https://a.fr/fiches").unwrap(),
            "https://a.fr/fiches/"
        );
        assert_eq!(normalize_base_url("https://a.fr/").unwrap(), "https://a.fr/");
        assert!(normalize_base_url("a.fr/fiches").is_err());
        assert!(normalize_base_url("ftp://a.fr/").is_err());
    }
}
