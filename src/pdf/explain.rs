//! Turns krilla's errors into readable sentences that point back at the page.
//!
//! Everything drawn carries a krilla `Location` encoding where it came from
//! ([`Loc`]); validation errors carry it back, so messages can name the page,
//! the text or the image involved.

use std::num::NonZeroU64;

use krilla::configure::{ValidationError, Validators};
use krilla::error::KrillaError;
use krilla::surface::Location;
use krilla::text::Font;

use crate::layout::{Document, Item, LinkDest, Mark, NodeId, Role};

use super::error::PdfError;
use super::fonts;

/// Where something drawn came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Loc {
    /// Item `item` of page `page` (both 0-based).
    Item { page: usize, item: usize },
    /// A structure node.
    Node(NodeId),
    /// Link `link` of page `page`.
    Link { page: usize, link: usize },
}

const KIND_SHIFT: u32 = 62;
const PAGE_SHIFT: u32 = 32;
const LOW: u64 = (1 << PAGE_SHIFT) - 1;
const PAGE_MASK: u64 = (1 << (KIND_SHIFT - PAGE_SHIFT)) - 1;

impl Loc {
    /// Packs the location into krilla's `Location` (kind in the top two bits).
    pub(crate) fn encode(self) -> Location {
        let (kind, hi, lo) = match self {
            Loc::Item { page, item } => (1u64, page, item),
            Loc::Node(n) => (2, 0, n),
            Loc::Link { page, link } => (3, page, link),
        };
        let hi = (hi as u64).min(PAGE_MASK);
        let lo = (lo as u64).min(LOW);
        NonZeroU64::new(kind << KIND_SHIFT | hi << PAGE_SHIFT | lo)
            .unwrap_or(NonZeroU64::MIN)
    }

    /// Unpacks a location made by [`Loc::encode`].
    pub(crate) fn decode(loc: Location) -> Option<Loc> {
        let v = loc.get();
        let hi = ((v >> PAGE_SHIFT) & PAGE_MASK) as usize;
        let lo = (v & LOW) as usize;
        match v >> KIND_SHIFT {
            1 => Some(Loc::Item { page: hi, item: lo }),
            2 => Some(Loc::Node(lo)),
            3 => Some(Loc::Link { page: hi, link: lo }),
            _ => None,
        }
    }
}

/// Explains a failed `Document::finish`.
pub(crate) fn explain(err: KrillaError, doc: &Document) -> PdfError {
    match err {
        KrillaError::Validation(errors) => PdfError::Validation(
            errors
                .iter()
                .map(|(e, v)| format!("{}: {}", standards(*v), sentence(e, doc)))
                .collect(),
        ),
        KrillaError::Image(_, loc, reason) => {
            let src = loc
                .and_then(Loc::decode)
                .and_then(|l| image_src(doc, l))
                .unwrap_or_else(|| "(unknown)".to_string());
            PdfError::Image { src, reason }
        }
        KrillaError::SixteenBitImage(_, loc) => PdfError::Image {
            src: loc
                .and_then(Loc::decode)
                .and_then(|l| image_src(doc, l))
                .unwrap_or_default(),
            reason: "16-bit images need PDF 1.5 or later".to_string(),
        },
        KrillaError::Font(font, reason) => {
            PdfError::Font { font: font_name(&font).to_string(), reason }
        }
        other => PdfError::Internal(other.to_string()),
    }
}

/// "PDF/UA-1", "PDF/A-2b and PDF/UA-1"…
fn standards(v: Validators) -> String {
    let names: Vec<&str> = v.into_iter().map(|v| v.as_str()).collect();
    if names.is_empty() {
        "PDF".to_string()
    } else {
        names.join(" and ")
    }
}

/// One readable sentence for a validation error.
fn sentence(e: &ValidationError, doc: &Document) -> String {
    let at = |loc: &Option<Location>| where_(doc, *loc);
    match e {
        ValidationError::TooLongString => {
            "a text string is longer than 32767 bytes (shorten the title or keywords)"
                .into()
        }
        ValidationError::TooLongName => "a PDF name is longer than 127 bytes".into(),
        ValidationError::TooLongArray => "an array is longer than PDF 1.4 allows".into(),
        ValidationError::TooLongDictionary => {
            "a dictionary has more entries than PDF 1.4 allows".into()
        }
        ValidationError::TooLargeFloat => "a number is larger than PDF 1.4 allows".into(),
        ValidationError::TooManyIndirectObjects => {
            "the document has more than 8388607 objects".into()
        }
        ValidationError::TooHighQNestingLevel => {
            "graphics states are nested more than 28 levels deep".into()
        }
        ValidationError::ContainsPostScript(loc) => {
            format!("PostScript code is not allowed{}", at(loc))
        }
        ValidationError::MissingCMYKProfile => {
            "a CMYK colour is used without a CMYK colour profile".into()
        }
        ValidationError::InconsistentSeparationFallback(_) => {
            "a spot colour is used with different fallback colours".into()
        }
        ValidationError::ContainsNotDefGlyph(font, loc, text) => format!(
            "font {} lacks a glyph for {}{} (use a character the fonts have, or \
             report the missing symbol)",
            font_name(font),
            describe_chars(text),
            at(loc)
        ),
        ValidationError::NoCodepointMapping(font, gid, loc) => format!(
            "glyph {} of font {} stands for no text{}, so it cannot be read aloud",
            gid.to_u32(),
            font_name(font),
            at(loc)
        ),
        ValidationError::InvalidCodepointMapping(font, _, c, loc) => format!(
            "a glyph of font {} stands for the forbidden character {}{}",
            font_name(font),
            describe_chars(&c.to_string()),
            at(loc)
        ),
        ValidationError::UnicodePrivateArea(font, _, c, loc) => format!(
            "a glyph of font {} stands for the private-use character {}{}",
            font_name(font),
            describe_chars(&c.to_string()),
            at(loc)
        ),
        ValidationError::RestrictedLicense(font) => {
            format!("the licence of font {} forbids embedding it", font_name(font))
        }
        ValidationError::NoDocumentLanguage => "the document has no language".into(),
        ValidationError::NoDocumentTitle => "the document has no title".into(),
        ValidationError::MissingAltText(loc) => {
            format!("missing alt text for an image or figure{}", at(loc))
        }
        ValidationError::MissingHeadingTitle => "a heading has no text".into(),
        ValidationError::MissingDocumentOutline => {
            "the document has no outline (bookmarks)".into()
        }
        ValidationError::MissingAnnotationAltText(loc) => {
            format!("a link has no alternative text (its /Contents){}", at(loc))
        }
        ValidationError::MissingDocumentDate => {
            "the document has no date (give the guide a `published` or `updated` date)"
                .into()
        }
        ValidationError::Transparency(loc) => {
            format!("transparency is not allowed{}", at(loc))
        }
        ValidationError::ImageInterpolation(loc) => {
            format!("image interpolation is not allowed{}", at(loc))
        }
        ValidationError::EmbeddedFile(_, loc) => {
            format!("an embedded file is not allowed or lacks a description{}", at(loc))
        }
        ValidationError::MissingTagging => {
            "the document is not tagged (do not turn tagging off)".into()
        }
        ValidationError::EmbeddedPDF(loc) => {
            format!("an embedded PDF is not allowed{}", at(loc))
        }
        ValidationError::RequiresNewerPdfVersion(feature, loc) => {
            format!("{feature:?} needs a newer PDF version{}", at(loc))
        }
    }
}

/// `"é" (U+00E9)`, or several characters the same way.
pub(crate) fn describe_chars(text: &str) -> String {
    let codes: Vec<String> =
        text.chars().map(|c| format!("U+{:04X}", u32::from(c))).collect();
    format!("\"{text}\" ({})", codes.join(" "))
}

fn font_name(font: &Font) -> &'static str {
    fonts::font_id(font).map_or("(unknown)", fonts::name)
}

/// " on page 2 (in `text`)", " (figure \"alt\" on page 1)"… or "" if unknown.
fn where_(doc: &Document, loc: Option<Location>) -> String {
    let Some(loc) = loc.and_then(Loc::decode) else { return String::new() };
    match loc {
        Loc::Item { page, item } => {
            let what =
                doc.pages.get(page).and_then(|p| p.items.get(item)).map(|placed| {
                    match &placed.item {
                        Item::Text(run) => format!(" in \"{}\"", run.text),
                        Item::Image { image, .. } => format!(" in image `{}`", image.src),
                        _ => String::new(),
                    }
                });
            format!(" on page {}{}", page + 1, what.unwrap_or_default())
        }
        Loc::Link { page, link } => {
            let target = doc.pages.get(page).and_then(|p| p.links.get(link)).map(|l| {
                match &l.dest {
                    LinkDest::Uri(uri) => format!(" to {uri}"),
                    LinkDest::Page { page, .. } => format!(" to page {}", page + 1),
                }
            });
            format!(" (link on page {}{})", page + 1, target.unwrap_or_default())
        }
        Loc::Node(n) => {
            let role = doc.structure.nodes.get(n).map(|node| match &node.role {
                Role::Figure { .. } => "figure",
                Role::Heading(_) => "heading",
                _ => "element",
            });
            let page = first_page_of(doc, n).map(|p| format!(" on page {}", p + 1));
            format!(" ({} {n}{})", role.unwrap_or("element"), page.unwrap_or_default())
        }
    }
}

/// The first page with content of node `n`.
pub(crate) fn first_page_of(doc: &Document, n: NodeId) -> Option<usize> {
    doc.pages.iter().position(|p| p.items.iter().any(|i| i.mark == Mark::Node(n)))
}

/// The `src` of the image item at `loc`.
fn image_src(doc: &Document, loc: Loc) -> Option<String> {
    let Loc::Item { page, item } = loc else { return None };
    match &doc.pages.get(page)?.items.get(item)?.item {
        Item::Image { image, .. } => Some(image.src.clone()),
        _ => None,
    }
}
