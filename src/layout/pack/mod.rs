//! The print pack: a collection's guides in one file for the office printer,
//! with a cover, a table of contents and page numbers running through.
//!
//! Phases: `cover` and `contents` (front matter) → the guides, laid out in
//! passes until their page counts settle, so that "page N / M" and "(voir
//! p. 7)" are right → `merge` (one document) → `impose` (A5 pages onto A4
//! landscape sheets). Imposition only moves finished pages.

mod contents;
mod cover;
pub mod impose;
pub mod merge;

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use rayon::prelude::*;

use super::chunk::{Chunker, GuideLinks};
use super::page::{Document, Item, Meta, OutlineEntry, Page, Placed, Rect, StructTree};
use super::paginate::PageFlow;
use super::sheet::{layout_guide, LaidOut, LayoutOptions};
use super::style::Theme;
use crate::model::{labels, Collection, Date, Diagnostic, Guide, Lang, Paper};

pub use impose::{booklet_order, handout_order, impose, two_up_order, Marks, Side};
pub use merge::Merger;

/// Body text size of large print, in points.
pub const LARGE_PRINT_BODY: f32 = 16.0;
/// Smallest text size on imposed A5 pages, in points.
pub const MIN_IMPOSED_TEXT: f32 = 9.0;
/// Layout passes allowed for page counts to settle.
pub const MAX_PASSES: usize = 4;

/// How the pack's pages go onto paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum PackLayout {
    /// One page per sheet side, at the collection's paper size.
    #[default]
    Single,
    /// Two A5 pages side by side on A4 landscape.
    TwoUp,
    /// A5 saddle-stitched booklet on A4 landscape, printed double-sided.
    Booklet,
    /// One guide, two identical A5 copies per A4 landscape side.
    Handout,
}

impl PackLayout {
    /// Every layout.
    pub const ALL: [PackLayout; 4] =
        [PackLayout::Single, PackLayout::TwoUp, PackLayout::Booklet, PackLayout::Handout];

    /// The name used on the command line and in file names.
    pub fn name(self) -> &'static str {
        match self {
            PackLayout::Single => "single",
            PackLayout::TwoUp => "2up",
            PackLayout::Booklet => "booklet",
            PackLayout::Handout => "handout",
        }
    }

    /// Whether pages are laid out for A5 and imposed on A4 landscape sheets.
    pub fn imposed(self) -> bool {
        self != PackLayout::Single
    }

    /// The size pages are laid out for.
    pub fn paper(self, collection: &Collection) -> Paper {
        if self.imposed() {
            Paper::A5
        } else {
            collection.paper
        }
    }
}

/// Choices for a pack.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PackOptions {
    /// How pages go onto paper.
    pub layout: PackLayout,
    /// Every guide starts on a right-hand (odd) page; blank pages fill in.
    pub duplex: bool,
    /// Body text at least [`LARGE_PRINT_BODY`], re-laid out.
    pub large_print: bool,
    /// Fold marks in the middle of each sheet (2-up and booklet).
    pub fold_marks: bool,
}

/// A laid-out pack.
#[derive(Debug, Clone)]
pub struct Pack {
    /// The page description: sheets for imposed layouts.
    pub document: Document,
    /// Numbered pages before imposition (blank pages included).
    pub pages: usize,
    /// Each guide's id and the printed number of its first page.
    pub starts: Vec<(String, usize)>,
    /// The text scale used (1.0 = a normal sheet).
    pub scale: f32,
    /// Layout passes it took for page counts to settle.
    pub passes: usize,
    /// Warnings of the guides' layout and of the front matter.
    pub warnings: Vec<Diagnostic>,
}

/// Why a pack cannot be laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackError {
    /// No guide was given.
    NoGuides,
    /// The handout layout takes exactly one guide; this many were given.
    HandoutNeedsOneGuide(usize),
    /// Page counts still changed after [`MAX_PASSES`] passes.
    Unsettled(Vec<usize>),
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackError::NoGuides => write!(f, "the pack has no guide to print"),
            PackError::HandoutNeedsOneGuide(n) => {
                write!(f, "a handout prints exactly one guide, not {n}")
            }
            PackError::Unsettled(counts) => write!(
                f,
                "page numbers did not settle after {MAX_PASSES} layout passes \
                 (page counts {counts:?}); this is a bug in guidepress, please \
                 report it with the guides attached"
            ),
        }
    }
}

impl PackError {
    /// The error as a message for people.
    pub fn message(&self) -> crate::i18n::Msg {
        match self {
            PackError::NoGuides => crate::msg!("pack-no-guides"),
            PackError::HandoutNeedsOneGuide(n) => {
                crate::msg!("pack-handout-count", count = *n)
            }
            PackError::Unsettled(counts) => crate::msg!(
                "pack-unsettled",
                passes = MAX_PASSES,
                counts = format!("{counts:?}")
            ),
        }
    }
}

impl std::error::Error for PackError {}

/// Result of pack layout.
pub type Result<T> = std::result::Result<T, PackError>;

/// Lays out `guides` (in this order) as a pack. `collection_file` names the
/// file warnings about the cover's text point to.
pub fn layout_pack(
    guides: &[&Guide],
    collection: &Collection,
    collection_file: &Path,
    opts: &PackOptions,
) -> Result<Pack> {
    let mut pack = layout_pack_pages(guides, collection, collection_file, opts)?;
    let sides = match opts.layout {
        PackLayout::Single => return Ok(pack),
        PackLayout::TwoUp => two_up_order(pack.document.pages.len()),
        PackLayout::Booklet => booklet_order(pack.document.pages.len()),
        PackLayout::Handout => handout_order(pack.document.pages.len()),
    };
    let marks = Marks {
        fold: opts.fold_marks && opts.layout != PackLayout::Handout,
        cut: opts.layout == PackLayout::Handout,
    };
    pack.document = impose(pack.document, &sides, marks);
    Ok(pack)
}

/// The pack's numbered pages before imposition (A5 pages for the imposed
/// layouts): what [`layout_pack`] places on sheets, and what page rules are
/// checked on.
pub fn layout_pack_pages(
    guides: &[&Guide],
    collection: &Collection,
    collection_file: &Path,
    opts: &PackOptions,
) -> Result<Pack> {
    if guides.is_empty() {
        return Err(PackError::NoGuides);
    }
    if opts.layout == PackLayout::Handout && guides.len() != 1 {
        return Err(PackError::HandoutNeedsOneGuide(guides.len()));
    }
    let paper = opts.layout.paper(collection);
    let mut scale = text_scale(paper, opts);
    // The theme sets the sizes; this checks what was actually laid out
    // (e.g. `code` in a caption) and re-lays out a little larger if needed.
    let mut tries = 0;
    loop {
        let pack = match opts.layout {
            PackLayout::Handout => handout(guides[0], collection, paper, scale),
            _ => collected(guides, collection, collection_file, opts, paper, scale)?,
        };
        let smallest = smallest_text(&pack.document);
        tries += 1;
        if !opts.layout.imposed() || smallest >= MIN_IMPOSED_TEXT - 0.01 || tries == 3 {
            return Ok(pack);
        }
        scale *= MIN_IMPOSED_TEXT / smallest * 1.001;
    }
}

/// The text scale: 1, or large enough for large print's body size and for
/// the smallest text of imposed pages (the theme's small style).
pub fn text_scale(paper: Paper, opts: &PackOptions) -> f32 {
    let base = Theme::new(paper, 1.0);
    let mut scale: f32 = 1.0;
    if opts.large_print {
        scale = (LARGE_PRINT_BODY / base.body.size).max(1.6);
    }
    if opts.layout.imposed() {
        // The small style has a floor at scale 1: converge in a few steps.
        for _ in 0..4 {
            let small = Theme::new(paper, scale).small.size;
            if small >= MIN_IMPOSED_TEXT {
                break;
            }
            scale *= MIN_IMPOSED_TEXT / small;
        }
    }
    // A hair more, so that sizes computed in f32 do not land just below.
    scale * 1.0005
}

/// The editions a guide is printed in besides its own sheet, each with the
/// options its pages are laid out with: every pack layout prints the guide
/// at one of these sizes (with its link list). `check` lays them out too, so
/// that what only a narrow page shows (a word cut without a hyphen in a
/// large-print A5 column) is reported before anyone prints.
pub fn editions(collection: &Collection) -> Vec<(&'static str, LayoutOptions)> {
    let mut out = Vec::new();
    for (name, layout, large_print) in [
        ("the print pack", PackLayout::Single, false),
        ("the large-print pack", PackLayout::Single, true),
        ("the A5 packs (2up, booklet, handout)", PackLayout::TwoUp, false),
        ("the large-print A5 packs", PackLayout::TwoUp, true),
    ] {
        let opts = PackOptions { layout, large_print, ..PackOptions::default() };
        let paper = layout.paper(collection);
        out.push((
            name,
            LayoutOptions {
                paper,
                scale: text_scale(paper, &opts),
                link_notes: true,
                ..LayoutOptions::for_collection(collection)
            },
        ));
    }
    out
}

/// The smallest size of visible text in a document.
pub fn smallest_text(doc: &Document) -> f32 {
    doc.pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|p| match &p.item {
            Item::Text(t) if !t.text.trim().is_empty() => Some(t.size),
            _ => None,
        })
        .fold(f32::INFINITY, f32::min)
}

/// The most recent `updated` (else `published`) date of the guides.
pub fn latest_update(guides: &[&Guide]) -> Option<Date> {
    guides.iter().filter_map(|g| g.updated.or(g.published)).max()
}

/// Where everything goes, from the page counts of one pass.
#[derive(Debug, Clone, PartialEq)]
struct Plan {
    /// Blank pages before each guide (double-sided printing).
    blanks: Vec<usize>,
    /// Index of each guide's first page.
    starts: Vec<usize>,
    /// Pages in all.
    total: usize,
}

impl Plan {
    fn new(front: usize, counts: &[usize], duplex: bool) -> Plan {
        let mut page = front;
        let (mut blanks, mut starts) = (Vec::new(), Vec::new());
        for &count in counts {
            // An odd index is an even page number: a left-hand page.
            let blank = usize::from(duplex && page % 2 == 1);
            page += blank;
            blanks.push(blank);
            starts.push(page);
            page += count;
        }
        Plan { blanks, starts, total: page }
    }
}

/// Cover, contents and every guide, page numbers running through.
fn collected(
    guides: &[&Guide],
    collection: &Collection,
    collection_file: &Path,
    opts: &PackOptions,
    paper: Paper,
    scale: f32,
) -> Result<Pack> {
    let theme = Theme::new(paper, scale);
    let title = labels::collection_title(collection);
    let (cover, mut warnings) = cover::cover(collection, guides, &theme, collection_file);
    let cover_pages = cover.pages.len();
    // First guesses; each pass corrects them with what it laid out.
    let mut counts = vec![1; guides.len()];
    let mut contents_pages = 1;
    for pass in 1..=MAX_PASSES {
        let plan = Plan::new(cover_pages + contents_pages, &counts, opts.duplex);
        let map: BTreeMap<String, (usize, usize)> = guides
            .iter()
            .zip(&plan.starts)
            .map(|(g, &start)| (g.id.clone(), (start, start + 1)))
            .collect();
        let links = GuideLinks::Pages(map);
        let laid: Vec<LaidOut> = guides
            .par_iter()
            .zip(plan.starts.par_iter())
            .map(|(g, &start)| {
                let lo = LayoutOptions {
                    paper,
                    scale,
                    guide_links: links.clone(),
                    first_page_number: start + 1,
                    total_pages: Some(plan.total),
                    link_notes: true,
                };
                layout_guide(g, collection, &lo)
            })
            .collect();
        let entries: Vec<contents::Entry> = guides
            .iter()
            .zip(&laid)
            .zip(&plan.starts)
            .map(|((g, l), &start)| contents::Entry::new(g, &l.document, start))
            .collect();
        let front = contents::Front {
            theme: &theme,
            lang: collection.lang,
            file: collection_file,
            title: &title,
            first_page: cover_pages,
            total: plan.total,
        };
        let (contents, contents_warnings) = contents::contents(&entries, &front);
        let new_counts: Vec<usize> =
            laid.iter().map(|l| l.document.pages.len()).collect();
        if new_counts != counts || contents.pages.len() != contents_pages {
            counts = new_counts;
            contents_pages = contents.pages.len();
            continue;
        }
        warnings.extend(contents_warnings);
        let mut m = Merger::new(pack_meta(collection, guides));
        m.push(cover, Some(title.clone()), 0);
        m.push(contents, None, 0);
        let mut starts = Vec::new();
        for ((g, l), (&blank, &start)) in
            guides.iter().zip(laid).zip(plan.blanks.iter().zip(&plan.starts))
        {
            for _ in 0..blank {
                m.blank(theme.page.0, theme.page.1, content_box(&theme));
            }
            debug_assert_eq!(m.page_count(), start, "{} starts where planned", g.id);
            m.push(l.document, Some(plain_title(g)), 1);
            warnings.extend(l.warnings);
            starts.push((g.id.clone(), start + 1));
        }
        dedup_warnings(&mut warnings);
        let document = m.finish();
        return Ok(Pack {
            pages: document.pages.len(),
            document,
            starts,
            scale,
            passes: pass,
            warnings,
        });
    }
    Err(PackError::Unsettled(counts))
}

/// One guide on its own, numbered from 1 (the handout).
fn handout(guide: &Guide, collection: &Collection, paper: Paper, scale: f32) -> Pack {
    let lo = LayoutOptions {
        paper,
        scale,
        link_notes: true,
        ..LayoutOptions::for_collection(collection)
    };
    let laid = layout_guide(guide, collection, &lo);
    Pack {
        pages: laid.document.pages.len(),
        document: laid.document,
        starts: vec![(guide.id.clone(), 1)],
        scale,
        passes: 1,
        warnings: laid.warnings,
    }
}

/// The pack's metadata, from the collection and its guides.
fn pack_meta(collection: &Collection, guides: &[&Guide]) -> Meta {
    let mut keywords: Vec<String> = Vec::new();
    for k in guides.iter().flat_map(|g| &g.keywords) {
        if !keywords.contains(k) {
            keywords.push(k.clone());
        }
    }
    Meta {
        title: labels::collection_title(collection),
        author: collection.author.clone().or_else(|| collection.organisation.clone()),
        subject: collection.organisation.clone(),
        keywords,
        lang: collection.lang,
        created: guides.iter().filter_map(|g| g.published.or(g.updated)).min(),
        modified: latest_update(guides),
    }
}

/// A guide's title on one line.
fn plain_title(g: &Guide) -> String {
    g.title.plain_text().replace('\n', " ")
}

/// The text area of a page in `theme`.
fn content_box(theme: &Theme) -> Rect {
    let (x, w) = theme.text_x();
    Rect { x, y: theme.margin.0, w, h: theme.page.1 - theme.margin.0 - theme.margin.2 }
}

/// A chunker for front-matter text (no cross-references, no link notes).
fn chunker<'a>(theme: &'a Theme, lang: Lang, file: &Path) -> Chunker<'a> {
    static NO_PAGES: GuideLinks = GuideLinks::Relative;
    static NO_WORDS: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    Chunker {
        theme,
        lang,
        tree: StructTree::default(),
        warnings: Vec::new(),
        file: file.to_path_buf(),
        guide_links: &NO_PAGES,
        headers: Vec::new(),
        notes: None,
        base_url: None,
        hyphenation: &NO_WORDS,
        path: String::new(),
        forced: Vec::new(),
    }
}

/// Front-matter pages from paginated flows, with a footer "title … page N / M"
/// when `footer` gives the title, the first page's number and the total.
fn front_pages(
    flows: Vec<PageFlow>,
    theme: &Theme,
    footer: Option<(&str, usize, usize)>,
) -> (Vec<Page>, Vec<OutlineEntry>) {
    let mut pages = Vec::new();
    let mut outline = Vec::new();
    for (i, flow) in flows.into_iter().enumerate() {
        let mut items: Vec<Placed> = Vec::new();
        let mut links = Vec::new();
        for slot in flow.slots {
            if let Some((title, level)) = slot.chunk.bookmark {
                outline.push(OutlineEntry { title, page: i, y: slot.top, level });
            }
            items.extend(slot.chunk.items);
            links.extend(slot.chunk.links);
        }
        if let Some((title, first, total)) = footer {
            items.extend(super::sheet::footer(theme, title, first + i, total));
        }
        let (width, height) = theme.page;
        pages.push(Page { width, height, content_box: content_box(theme), items, links });
    }
    (pages, outline)
}

/// Drops repeated warnings (a title with a missing glyph is laid out twice).
fn dedup_warnings(warnings: &mut Vec<Diagnostic>) {
    let mut seen = std::collections::HashSet::new();
    warnings.retain(|w| seen.insert((w.file.clone(), w.message.clone())));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplex_starts_guides_on_odd_pages() {
        let plan = Plan::new(2, &[3, 2, 1], true);
        assert_eq!(plan.starts, vec![2, 6, 8]); // printed pages 3, 7, 9
        assert_eq!(plan.blanks, vec![0, 1, 0]);
        assert_eq!(plan.total, 9);
        let plan = Plan::new(2, &[3, 2, 1], false);
        assert_eq!(plan.starts, vec![2, 5, 7]);
        assert_eq!(plan.total, 8);
    }

    #[test]
    fn text_scale_meets_the_sizes() {
        for layout in PackLayout::ALL {
            for large_print in [false, true] {
                let opts = PackOptions { layout, large_print, ..PackOptions::default() };
                let paper = layout.paper(&Collection::default());
                let theme = Theme::new(paper, text_scale(paper, &opts));
                if large_print {
                    assert!(theme.body.size >= LARGE_PRINT_BODY, "{layout:?}");
                }
                if layout.imposed() {
                    assert!(theme.small.size >= MIN_IMPOSED_TEXT, "{layout:?}");
                }
            }
        }
    }
}
