//! The PDF writer: turns a laid-out [`Document`] into tagged, validated PDF bytes with krilla.
//!
//! Phases: `check` rejects what would make krilla panic, `content` draws
//! each page inside its tags, `meta` adds links, bookmarks and metadata,
//! `tags` builds the tag tree, and `explain` turns krilla's validation
//! errors into sentences. The output depends only on the input: no clock, no
//! randomness, no thread-dependent order.

mod check;
mod content;
mod error;
mod explain;
mod fonts;
mod meta;
mod tags;

#[cfg(test)]
mod tests;

use krilla::configure::{Archival, ConfigurationBuilder, Validator};
use krilla::page::PageSettings;
use krilla::{Document as KDocument, SerializeSettings};

use crate::layout::Document;

pub use error::{PdfError, Result};

/// A standard the output must conform to (checked by krilla while writing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PdfStandard {
    /// PDF/UA-1: accessibility (tags, alt texts, title, language, outline).
    Ua1,
    /// PDF/A-2b: long-term archiving, visual appearance.
    A2b,
    /// PDF/A-2u: PDF/A-2b plus Unicode text for every glyph.
    A2u,
    /// PDF/A-2a: PDF/A-2u plus tagged structure.
    A2a,
}

impl PdfStandard {
    /// Every standard, in the order options list them.
    pub const ALL: [PdfStandard; 4] =
        [PdfStandard::Ua1, PdfStandard::A2b, PdfStandard::A2u, PdfStandard::A2a];

    /// The standard's name in options, e.g. `ua-1` (as Typst writes it).
    pub fn option_name(self) -> &'static str {
        match self {
            PdfStandard::Ua1 => "ua-1",
            PdfStandard::A2b => "a-2b",
            PdfStandard::A2u => "a-2u",
            PdfStandard::A2a => "a-2a",
        }
    }

    fn validator(self) -> Validator {
        match self {
            PdfStandard::Ua1 => Validator::Ua(krilla::configure::Accessibility::UA1),
            PdfStandard::A2b => Validator::A(Archival::A2_B),
            PdfStandard::A2u => Validator::A(Archival::A2_U),
            PdfStandard::A2a => Validator::A(Archival::A2_A),
        }
    }

    /// The standard's usual name, e.g. "PDF/UA-1".
    pub fn name(self) -> &'static str {
        self.validator().as_str()
    }
}

/// How to write the PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfOptions {
    /// Standards to validate against; at most one PDF/A level, which may be
    /// combined with PDF/UA-1. Empty: no validation. With PDF/UA-1 the viewer
    /// is also told to show the title instead of the file name
    /// (`/DisplayDocTitle`): krilla writes that flag for PDF/UA only.
    pub standards: Vec<PdfStandard>,
    /// Write the structure tree (tagged PDF). Forced on by PDF/UA-1 and PDF/A-2a.
    pub tagged: bool,
    /// How hard each document's own streams are compressed.
    pub compression: Compression,
}

impl Default for PdfOptions {
    /// Tagged and validated as PDF/UA-1, compressed for speed.
    fn default() -> Self {
        PdfOptions {
            standards: vec![PdfStandard::Ua1],
            tagged: true,
            compression: Compression::Fast,
        }
    }
}

/// How hard to compress a document's own streams: page contents, font
/// subsets, ToUnicode maps, attachments. Pictures are not affected: PNG and
/// JPEG files go in as they are, other pictures are compressed once per build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Compression {
    /// For print: zlib level 1. The reference sheet's PDF is written in 1.5 ms
    /// instead of 2.2 ms, and weighs 84 KB instead of 75 KB
    /// (docs/performance.md); nobody downloads a print sheet.
    Fast,
    /// For the web, where every download counts: zlib level 6 (level 9 saved
    /// a further 0.3 % on the bundled guides).
    Small,
}

impl Compression {
    /// The zlib level.
    fn deflate_level(self) -> u8 {
        match self {
            Compression::Fast => 1,
            Compression::Small => 6,
        }
    }
}

/// Starts decoding and compressing `images` in the background, so that the
/// work overlaps layout instead of waiting for the first PDF that shows
/// them. Optional: [`write_pdf`] prepares any picture it meets that was not
/// prepared. The work runs on threads of its own, at most one fewer than the
/// current rayon pool has (none with one thread). A picture krilla cannot
/// read is reported by `write_pdf`, not here.
pub fn prepare_images<'a>(images: impl IntoIterator<Item = &'a crate::model::ImageData>) {
    for image in images {
        content::prepare(image);
    }
}

/// Writes `doc` as PDF bytes. The same document always gives the same bytes.
pub fn write_pdf(doc: &Document, opts: &PdfOptions) -> Result<Vec<u8>> {
    check::check(doc)?;

    let settings = SerializeSettings {
        configuration: configuration(&opts.standards)?,
        enable_tagging: opts.tagged,
        deflate_level: opts.compression.deflate_level(),
        ..SerializeSettings::default()
    };
    let mut kdoc = KDocument::new_with(settings);
    let mut images = content::ImageCache::default();
    let mut tags = tags::TagCollector::new(doc.structure.nodes.len());

    for (index, page) in doc.pages.iter().enumerate() {
        let page_settings =
            PageSettings::from_wh(page.width, page.height).ok_or_else(|| {
                error::structure(format!("page {} has an invalid size", index + 1))
            })?;
        let mut kpage = kdoc.start_page_with(page_settings);
        let mut surface = kpage.surface();
        let drawn = content::draw_page(&mut surface, index, page, &mut images, &mut tags);
        surface.finish();
        drawn?;
        for (l, link) in page.links.iter().enumerate() {
            if let Some(annotation) = meta::annotation(link, index, l) {
                let id = kpage.add_tagged_annotation(annotation);
                tags.annotation(link.node, id);
            }
        }
        kpage.finish();
    }

    kdoc.set_outline(meta::outline(&doc.outline));
    kdoc.set_metadata(meta::metadata(&doc.meta));
    kdoc.set_tag_tree(tags.build(&doc.structure, doc.meta.lang.code())?);
    // krilla does not check heading levels; PDF/UA-1 does (clause 7.4.2).
    let mut problems: Vec<String> = if opts.standards.contains(&PdfStandard::Ua1) {
        let ua = PdfStandard::Ua1.name();
        check::heading_levels(doc).into_iter().map(|p| format!("{ua}: {p}")).collect()
    } else {
        Vec::new()
    };
    match kdoc.finish() {
        Ok(bytes) if problems.is_empty() => Ok(bytes),
        Ok(_) => Err(PdfError::Validation(problems)),
        Err(e) => match explain::explain(e, doc) {
            PdfError::Validation(more) => {
                problems.extend(more);
                Err(PdfError::Validation(problems))
            }
            other => Err(other),
        },
    }
}

/// krilla's configuration for the selected standards.
fn configuration(standards: &[PdfStandard]) -> Result<krilla::configure::Configuration> {
    let archival: Vec<_> = standards.iter().filter(|s| **s != PdfStandard::Ua1).collect();
    if archival.len() > 1 {
        let names: Vec<_> = archival.iter().map(|s| s.name()).collect();
        return Err(PdfError::Options(format!(
            "choose one PDF/A level, not {} (PDF/UA-1 can be added to it)",
            names.join(" and ")
        )));
    }
    standards
        .iter()
        .fold(ConfigurationBuilder::new(), |b, s| b.set_validator(s.validator()))
        .finish()
        .map_err(|e| PdfError::Options(format!("{e:?}")))
}
