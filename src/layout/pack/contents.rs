//! The table of contents: each guide and its sections with the page they
//! start on, each line a link to that page.

use std::path::Path;

use super::impose::translate;
use super::{chunker, front_pages};
use crate::layout::blocks::keep_together;
use crate::layout::chunk::{Chunk, Chunker};
use crate::layout::page::{
    Document, FontId, Item, Link, LinkDest, Mark, Meta, NodeId, Placed, Rect, Role,
    StructTree,
};
use crate::layout::paginate::{paginate, Area};
use crate::layout::shape::measure;
use crate::layout::style::{Theme, RULE};
use crate::layout::text::BaseStyle;
use crate::model::{Block, Diagnostic, Guide, Inline, Lang};

/// A line of the contents for one guide, with its level-1 sections.
pub(super) struct Entry<'a> {
    guide: &'a Guide,
    /// Index of the guide's first page in the pack.
    page: usize,
    /// Sections: title, page index in the pack, position on the page.
    sections: Vec<(String, usize, f32)>,
}

impl<'a> Entry<'a> {
    /// The entry of `guide`, laid out as `doc`, starting at page index `start`.
    pub(super) fn new(guide: &'a Guide, doc: &Document, start: usize) -> Self {
        let sections = doc
            .outline
            .iter()
            .filter(|e| e.level == 1)
            .map(|e| (e.title.clone(), start + e.page, e.y))
            .collect();
        Entry { guide, page: start, sections }
    }
}

/// What the contents pages need to know about the pack.
pub(super) struct Front<'a> {
    pub theme: &'a Theme,
    pub lang: Lang,
    /// The file warnings point to.
    pub file: &'a Path,
    /// The pack's title (in the footer).
    pub title: &'a str,
    /// Index of the first contents page.
    pub first_page: usize,
    /// Pages in the pack.
    pub total: usize,
}

/// Lays out the contents pages.
pub(super) fn contents(entries: &[Entry], f: &Front) -> (Document, Vec<Diagnostic>) {
    let theme = f.theme;
    let mut w = chunker(theme, f.lang, f.file);
    let (x, width) = theme.text_x();
    let root = StructTree::ROOT;
    let label = match f.lang {
        Lang::Fr => "Sommaire",
        Lang::En => "Contents",
    };
    let heading = Block::Heading { text: Inline::plain(label), level: 1 };
    let mut chunks = w.block(&heading, root, x, width);
    let list = w.tree.add(root, Role::List { ordered: false });
    let bold = BaseStyle { bold: true, ..theme.body };
    // Room for the widest page number, so titles wrap before it.
    let number_w = measure(&f.total.to_string(), FontId::Bold, bold.size);
    for e in entries {
        let li = w.tree.add(list, Role::ListItem);
        let body = w.tree.add(li, Role::ListBody);
        let link = w.tree.add(body, Role::Link);
        let mut title = e.guide.title.clone();
        title.spans.iter_mut().for_each(|s| s.style.bold = true);
        let dest = LinkDest::Page { page: e.page, y: 0 };
        let line = Line { style: &bold, x, width, number_w, page: e.page + 1 };
        // A guide's line and its sections stay on one page.
        let mut group = entry(&mut w, &title, &line, dest, link);
        if let Some(first) = group.first_mut() {
            first.space_before = theme.gap;
        }
        if !e.sections.is_empty() {
            let sub = w.tree.add(body, Role::List { ordered: false });
            let indent = theme.indent;
            for (text, page, y) in &e.sections {
                let li = w.tree.add(sub, Role::ListItem);
                let body = w.tree.add(li, Role::ListBody);
                let link = w.tree.add(body, Role::Link);
                let dest = LinkDest::Page { page: *page, y: *y as i32 };
                let line = Line {
                    style: &theme.body,
                    x: x + indent,
                    width: width - indent,
                    number_w,
                    page: page + 1,
                };
                let text = Inline::plain(text.as_str());
                group.extend(entry(&mut w, &text, &line, dest, link));
            }
        }
        keep_together(&mut group);
        chunks.extend(group);
    }
    let area = Area::of(theme);
    let flows = paginate(chunks, &w.headers, area);
    let footer = Some((f.title, f.first_page + 1, f.total));
    let (pages, outline) = front_pages(flows, theme, footer);
    let meta = Meta { lang: f.lang, ..Meta::default() };
    let warnings = w.finish();
    let doc = Document { pages, structure: w.tree, outline, meta };
    (doc, warnings)
}

/// How one contents line is set.
struct Line<'a> {
    style: &'a BaseStyle,
    x: f32,
    width: f32,
    /// Width reserved for the page number.
    number_w: f32,
    /// The printed page number.
    page: usize,
}

/// One entry: the text, dot leaders, the page number flush right, all
/// inside one `Link` node whose link area covers every line.
fn entry(
    w: &mut Chunker,
    text: &Inline,
    line: &Line,
    dest: LinkDest,
    node: NodeId,
) -> Vec<Chunk> {
    let style = line.style;
    let gap = style.size * 0.8;
    let right = line.x + line.width;
    let text_w = line.width - line.number_w - 2.0 * gap;
    let mut chunks = w.text(text, style, line.x, text_w, Some(node));
    let number =
        w.text(&Inline::plain(line.page.to_string()), style, line.x, 1000.0, Some(node));
    if let Some(last) = chunks.last_mut() {
        let (end, baseline) = last
            .items
            .iter()
            .filter_map(|p| match &p.item {
                Item::Text(t) => Some((t.x + t.width, t.y)),
                _ => None,
            })
            .fold((line.x, 0.0f32), |(e, _), (r, y)| (e.max(r), y));
        let number_items: Vec<Placed> =
            number.into_iter().flat_map(|c| c.items).collect();
        let number_end = number_items
            .iter()
            .filter_map(|p| match &p.item {
                Item::Text(t) => Some(t.x + t.width),
                _ => None,
            })
            .fold(line.x, f32::max);
        let dx = right - number_end;
        // Number runs start at `line.x`, so the number's left edge is there + dx.
        let (x1, x2) = (end + gap * 0.5, line.x + dx - gap * 0.5);
        if x2 - x1 > gap {
            last.items.push(Placed {
                item: Item::Line {
                    x1,
                    y1: baseline,
                    x2,
                    y2: baseline,
                    width: 0.9,
                    color: RULE,
                    dash: Some(0.9),
                },
                mark: Mark::Artifact,
            });
        }
        for mut p in number_items {
            translate(&mut p.item, dx, 0.0);
            last.items.push(p);
        }
    }
    let alt = format!("{}, page {}", text.plain_text().replace('\n', " "), line.page);
    for c in &mut chunks {
        let rect = Rect { x: line.x, y: 0.0, w: line.width, h: c.height };
        c.links.push(Link { rect, dest: dest.clone(), node, alt: alt.clone() });
    }
    chunks
}
