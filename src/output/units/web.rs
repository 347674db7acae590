//! The screen edition of a guide: laid out with links for the web, pictures
//! downsampled, written as a PDF meeting the asked standards, with a
//! thumbnail of its first page and the web copies of its pictures that its
//! HTML page shows; and the hook through which `bundle` asks `site` for the
//! files of a site.

use crate::msg;
use serde::{Deserialize, Serialize};

use super::attachments::relink;
use super::images::{Resampler, WEB_DPI};
use super::thumbs::{thumbnail, Thumbnail, THUMB_WIDTH};
use crate::html;
use crate::layout::{check_sheet_length, layout_guide, GuideLinks, LayoutOptions};
use crate::model::{Collection, Diagnostic, Guide};
use crate::output::cache::keys::web_key;
use crate::output::cache::warnings::StoredWarnings;
use crate::output::cache::{Cache, Unit};
use crate::output::failure::Failure;
use crate::output::lint::figures;
use crate::pdf::{write_pdf, Compression, PdfError, PdfOptions, PdfStandard};

/// A guide's screen edition: what `site` publishes as `pdf/<id>.pdf`,
/// `thumbs/<id>.png` and, for its page, the pictures under `images/`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebEdition {
    /// The PDF.
    #[serde(skip)]
    pub pdf: Vec<u8>,
    /// Its page count.
    pub pages: usize,
    /// Its first page.
    pub thumb: Thumbnail,
    /// The files of its pictures that its page shows ([`html::copies`]),
    /// each once, in reading order.
    pub pictures: Vec<WebPicture>,
    /// Layout warnings.
    pub warnings: StoredWarnings,
}

/// One file of a picture for the web page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebPicture {
    /// Path in the site, e.g. `images/firefox-menu-470.png`.
    pub path: String,
    /// The file.
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

impl Unit for WebEdition {
    const NAMESPACE: &'static str = "web";

    fn files(&mut self) -> Vec<&mut Vec<u8>> {
        let mut files = vec![&mut self.pdf, &mut self.thumb.png];
        files.extend(self.pictures.iter_mut().map(|p| &mut p.bytes));
        files
    }
}

/// The files of a site made from the web editions of its guides (in
/// collection order), linking under a base URL: each path inside the site
/// folder with its bytes. The `site` job provides it (`site::entries`), and
/// `bundle` is given it to fill its `site/` folder: jobs do not import each
/// other.
pub type SiteEntries = fn(
    &Collection,
    Option<&str>,
    &[(&Guide, &WebEdition)],
) -> Result<Vec<(String, Vec<u8>)>, crate::i18n::Msg>;

/// How the web editions of a site are made.
#[derive(Clone, Copy)]
pub struct WebSettings<'a> {
    /// The site's base URL (PDFs live under `pdf/`, attachments under
    /// `files/`); `None`: relative links.
    pub base: Option<&'a str>,
    /// Standards every PDF must meet.
    pub standards: &'a [PdfStandard],
    /// Downsamples the pictures, each once for the whole site.
    pub resampler: &'a Resampler,
}

impl WebEdition {
    /// Lays out, downsamples, writes and draws the screen edition of `guide`.
    pub fn render(
        guide: &Guide,
        collection: &Collection,
        settings: WebSettings,
    ) -> Result<Self, Failure> {
        let WebSettings { base, standards, resampler } = settings;
        let guide_links = match base {
            // Layout links guides to <base>pdf/<id>.pdf, where the site puts them.
            Some(b) => GuideLinks::Base(b.to_string()),
            None => GuideLinks::Relative,
        };
        let opts =
            LayoutOptions { guide_links, ..LayoutOptions::for_collection(collection) };
        let mut laid = layout_guide(guide, collection, &opts);
        check_sheet_length(&laid.document, guide)?;
        relink(&mut laid.document, guide, &opts.guide_links, base);
        resampler
            .downsample(&mut laid.document, WEB_DPI)
            .map_err(|m| image_error(guide, m))?;
        let pdf = PdfOptions {
            standards: standards.to_vec(),
            tagged: true,
            compression: Compression::Small,
        };
        let pdf = write_pdf(&laid.document, &pdf)
            .map_err(|e| pdf_error(guide, standards, e))?;
        let thumb = thumbnail(&pdf, THUMB_WIDTH)
            .map_err(|m| Failure::internal("thumbnail", &guide.file, m))?;
        Ok(WebEdition {
            pages: laid.document.pages.len(),
            pdf,
            thumb,
            pictures: web_pictures(guide, resampler)?,
            warnings: StoredWarnings::store(&laid.warnings, &guide.file),
        })
    }

    /// The web edition of `guide` through `cache` (`guide_key` from
    /// [`crate::output::cache::keys::guide_key`]; `None`: not cacheable).
    /// `site` and `bundle` share their web editions this way.
    pub fn cached(
        cache: &Cache<Self>,
        guide_key: Option<&str>,
        guide: &Guide,
        collection: &Collection,
        settings: WebSettings,
    ) -> Result<Self, Failure> {
        let key = guide_key.map(|k| web_key(k, settings.base, settings.standards));
        cache.get_or_compute(key.as_deref(), || Self::render(guide, collection, settings))
    }
}

/// The files of every picture of `guide` at the widths its page offers.
fn web_pictures(
    guide: &Guide,
    resampler: &Resampler,
) -> Result<Vec<WebPicture>, Failure> {
    let mut out: Vec<WebPicture> = Vec::new();
    for (figure, path) in figures(guide) {
        for copy in html::copies(figure) {
            if out.iter().any(|p| p.path == copy.path) {
                continue;
            }
            let bytes = resampler
                .web_copy(&figure.image, copy.width, copy.height)
                .map_err(|m| image_error(guide, m).at(path.clone()))?;
            out.push(WebPicture { path: copy.path, bytes: bytes.to_vec() });
        }
    }
    Ok(out)
}

/// A picture of `guide` that could not be prepared for the web (`reason`,
/// the image library's own words).
fn image_error(guide: &Guide, reason: String) -> Diagnostic {
    Diagnostic::error("image", &guide.file, msg!("image-processing", reason = reason))
}

/// Why the web PDF of `guide` could not be written: a standard it cannot
/// meet, an impossible set of standards, or something else.
fn pdf_error(guide: &Guide, standards: &[PdfStandard], e: PdfError) -> Diagnostic {
    let names: Vec<&str> = standards.iter().map(|s| s.name()).collect();
    match e {
        PdfError::Validation(_) => Diagnostic::error(
            "pdf-standard",
            &guide.file,
            msg!(
                "pdf-standard",
                id = &guide.id,
                standards = names.join(" + "),
                reason = e.to_string()
            ),
        )
        .help(msg!("pdf-standard-help")),
        PdfError::Options(reason) => Diagnostic::error(
            "pdf-standard",
            &guide.file,
            msg!("pdf-options", reason = reason),
        )
        .help(msg!("pdf-standard-options-help")),
        other => Diagnostic::error(
            "pdf",
            &guide.file,
            msg!("guide-problem", id = &guide.id, problem = other.to_string()),
        ),
    }
}
