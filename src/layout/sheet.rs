//! A guide becomes a sheet: header, title, summary, body, disclaimer, then
//! pagination and the last pass that numbers pages and draws footers.

use super::chunk::{Chunk, Chunker, GuideLinks};
use super::page::{
    Document, Item, Link, Mark, Meta, OutlineEntry, Page, Placed, Rect, Role, StructTree,
};
use super::paginate::{frames, paginate, Area, PageFlow};
use super::style::{Theme, ACCENT, RULE};
use super::text::BaseStyle;
use crate::model::labels;
use crate::model::{
    Collection, Diagnostic, Guide, Inline, LinkTarget, Paper, Span, TextStyle,
};
use crate::msg;

/// Choices that change how a sheet is laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutOptions {
    /// Page size (defaults to the collection's).
    pub paper: Paper,
    /// Text scale: 1.0 normal, about 1.6 for large print.
    pub scale: f32,
    /// How `guide:` references resolve.
    pub guide_links: GuideLinks,
    /// Number added to page numbers (a sheet inside a pack starts later).
    pub first_page_number: usize,
    /// Total printed in "page N / M"; `None` means this document's page count.
    pub total_pages: Option<usize>,
    /// Number external links and list them with QR codes at the end of the
    /// sheet, so a printed sheet works without a screen.
    pub link_notes: bool,
}

impl LayoutOptions {
    /// Standalone sheet options for a collection.
    pub fn for_collection(c: &Collection) -> Self {
        LayoutOptions {
            paper: c.paper,
            scale: 1.0,
            guide_links: match &c.base_url {
                Some(b) => GuideLinks::Base(b.clone()),
                None => GuideLinks::Relative,
            },
            first_page_number: 1,
            total_pages: None,
            link_notes: false,
        }
    }
}

/// A laid-out guide and the warnings layout produced.
#[derive(Debug, Clone)]
pub struct LaidOut {
    /// The page description.
    pub document: Document,
    /// Warnings (characters no font has, …).
    pub warnings: Vec<Diagnostic>,
}

/// Most pages a standalone sheet may have. A longer one is almost surely a
/// mistake (a whole manual pasted in, a page break after every line), and
/// writing it would cost memory and time for nothing.
pub const MAX_SHEET_PAGES: usize = 500;

/// Refuses a laid-out sheet longer than [`MAX_SHEET_PAGES`]; outputs call it
/// before writing the PDF.
pub fn check_sheet_length(doc: &Document, guide: &Guide) -> Result<(), Box<Diagnostic>> {
    let pages = doc.pages.len();
    if pages <= MAX_SHEET_PAGES {
        return Ok(());
    }
    let message = msg!("too-long", id = &guide.id, pages = pages, max = MAX_SHEET_PAGES);
    Err(Box::new(
        Diagnostic::error("too-long", &guide.file, message).help(msg!("too-long-help")),
    ))
}

/// Lays out one guide as a sheet.
pub fn layout_guide(
    guide: &Guide,
    collection: &Collection,
    opts: &LayoutOptions,
) -> LaidOut {
    let theme = Theme::new(opts.paper, opts.scale);
    let laid = lay_out(guide, collection, opts, &theme);
    if laid.document.pages.len() < 2 || last_page_fill(&laid.document) > SPARE_LAST_PAGE {
        return laid;
    }
    // A last page holding a few lines wastes a sheet of paper: try again
    // with less space between blocks and slightly smaller pictures, and
    // keep that only if it saves the page.
    let tight = lay_out(guide, collection, opts, &theme.tightened());
    if tight.document.pages.len() < laid.document.pages.len() {
        tight
    } else {
        laid
    }
}

/// A last page filled to at most this fraction of its body height is worth
/// a second, tighter layout.
const SPARE_LAST_PAGE: f32 = 0.25;

/// How far down its body area the last page of `doc` is filled, from 0 to 1.
fn last_page_fill(doc: &Document) -> f32 {
    let Some(page) = doc.pages.last() else { return 0.0 };
    let body = page.content_box;
    let bottom = page
        .items
        .iter()
        .map(|p| p.item.bbox())
        .filter(|b| b.y >= body.y - 0.5 && b.bottom() <= body.bottom() + 0.5)
        .map(|b| b.bottom())
        .fold(body.y, f32::max);
    if body.h <= 0.0 {
        return 1.0;
    }
    (bottom - body.y) / body.h
}

/// Lays out one guide with `theme`.
fn lay_out(
    guide: &Guide,
    collection: &Collection,
    opts: &LayoutOptions,
    theme: &Theme,
) -> LaidOut {
    let mut w = Chunker {
        theme,
        lang: guide.lang,
        tree: StructTree::default(),
        warnings: Vec::new(),
        file: guide.file.clone(),
        guide_links: &opts.guide_links,
        headers: Vec::new(),
        notes: None,
        base_url: collection.base_url.clone(),
        levels: Default::default(),
        hyphenation: &collection.hyphenation,
        path: String::new(),
        forced: Vec::new(),
    };
    let (x, width) = theme.text_x();
    let root = StructTree::ROOT;
    let mut chunks = header(&mut w, guide, collection, x, width, opts.link_notes);
    if opts.link_notes && w.notes.is_none() {
        w.notes = Some(Vec::new());
    }
    for block in &guide.body {
        w.path.clone_from(&block.path);
        chunks.extend(w.block(&block.value, root, x, width));
    }
    w.path.clear();
    if let Some(notes) = w.notes.take().filter(|n| !n.is_empty()) {
        // The link list never starts a page: it goes with the last line.
        if let Some(last) = chunks.last_mut() {
            last.keep_with_next = true;
        }
        chunks.extend(link_notes(&mut w, &notes, x, width));
    }
    if let Some(d) = &collection.disclaimer {
        // The disclaimer never starts a page alone: it goes with the last line.
        if let Some(last) = chunks.last_mut() {
            last.keep_with_next = true;
        }
        chunks.extend(disclaimer(&mut w, d, x, width));
    }
    if let Some(first) = chunks.first_mut() {
        first.anchor = Some(guide.id.clone());
    }
    let area = Area::of(theme);
    let headers = std::mem::take(&mut w.headers);
    let flows = paginate(chunks, &headers, area);
    let meta = Meta {
        title: guide.title.plain_text().replace('\n', " "),
        author: guide.author.clone(),
        subject: guide.description.as_ref().map(|d| d.plain_text().replace('\n', " ")),
        keywords: guide.keywords.clone(),
        lang: guide.lang,
        created: guide.published.or(guide.updated),
        modified: guide.updated.or(guide.published),
    };
    let warnings = w.finish();
    let document = finish(flows, theme, w.tree, meta, opts);
    LaidOut { document, warnings }
}

/// The running header of the first page (the collection's logo on the
/// right), the title and the summary. With `link_notes`, links from the
/// description on get numbered notes (the source address above is printed
/// in full already).
fn header(
    w: &mut Chunker,
    guide: &Guide,
    collection: &Collection,
    x: f32,
    full_width: f32,
    link_notes: bool,
) -> Vec<Chunk> {
    let theme = w.theme;
    let small = theme.small;
    let lang = guide.lang;
    let head = w.tree.add(StructTree::ROOT, Role::Section);
    let mut chunks = Vec::new();
    let logo = collection.logo.as_ref().map(|l| {
        let (lw, _) = super::logo::logo_size(l, super::logo::HEADER_LOGO);
        let org = collection.organisation.as_deref();
        let at = (x + full_width - lw, 0.0);
        w.logo(l, org, head, at, super::logo::HEADER_LOGO)
    });
    // The header's lines leave room for the logo.
    let width = match &logo {
        Some((_, r)) => full_width - r.w - theme.pad,
        None => full_width,
    };
    if !guide.breadcrumb.is_empty() {
        let p = w.tree.add(head, Role::Paragraph);
        let crumbs = Inline::plain(guide.breadcrumb.join(" \u{203a} "));
        chunks.extend(w.text(&crumbs, &small, x, width, Some(p)));
    }
    if let Some(line) = labels::dates_line(guide.published, guide.updated, lang) {
        let p = w.tree.add(head, Role::Paragraph);
        chunks.extend(w.text(&Inline::plain(line), &small, x, width, Some(p)));
    }
    let mut src = Inline::default();
    if let Some(url) = &guide.source_url {
        src.spans.push(Span {
            text: url.clone(),
            style: TextStyle::default(),
            link: Some(LinkTarget::Url(url.clone())),
            ui: None,
        });
    }
    if let Some(a) = &guide.author {
        let sep = if src.spans.is_empty() { "" } else { " - " };
        src.spans.push(Span {
            text: format!("{sep}{}{} {a}", labels::author(lang), labels::colon(lang)),
            style: TextStyle::default(),
            link: None,
            ui: None,
        });
    }
    if !src.spans.is_empty() {
        let p = w.tree.add(head, Role::Paragraph);
        chunks.extend(w.text(&src, &small, x, width, Some(p)));
    }
    if let Some((placed, rect)) = logo {
        // The logo hangs from the top of the header; the lines above the
        // rule are at least as tall as it.
        let lines: f32 = chunks.iter().map(|c| c.height).sum();
        if chunks.is_empty() {
            chunks.push(Chunk::default());
        }
        if let Some(last) = chunks.last_mut() {
            last.height += (rect.h - lines).max(0.0);
        }
        for c in &mut chunks {
            c.keep_with_next = true;
        }
        chunks[0].items.insert(0, placed);
    }
    if let Some(last) = chunks.last_mut() {
        let y = last.height + small.size * 0.4;
        last.items.push(Placed::rule(x, y, full_width, 0.5, RULE));
        last.height = y + 0.5;
    }
    let width = full_width;
    w.path = "title".into();
    let h1 = w.tree.add(StructTree::ROOT, Role::Heading(1));
    let title_style = theme.title;
    let mut title = w.text(&guide.title, &title_style, x, width, Some(h1));
    if let Some(first) = title.first_mut() {
        first.space_before = theme.gap * 1.6;
    }
    chunks.extend(title);
    if !guide.audience.is_empty() {
        w.path = "audience".into();
        let p = w.tree.add(StructTree::ROOT, Role::Paragraph);
        let mut line =
            Inline::plain(format!("{}{} ", labels::audience(lang), labels::colon(lang)));
        line.spans[0].style.bold = true;
        line.spans.push(Span {
            text: guide.audience.join(", "),
            style: TextStyle::default(),
            link: None,
            ui: None,
        });
        let style = BaseStyle { color: ACCENT, ..small };
        let mut c = w.text(&line, &style, x, width, Some(p));
        if let Some(first) = c.first_mut() {
            first.space_before = small.size * 0.4;
        }
        chunks.extend(c);
    }
    if link_notes {
        w.notes = Some(Vec::new());
    }
    if let Some(desc) = &guide.description {
        w.path = "description".into();
        let sec = w.tree.add(StructTree::ROOT, Role::Section);
        let p = w.tree.add(sec, Role::Paragraph);
        let mut inline =
            Inline::plain(format!("{}{} ", labels::summary(lang), labels::colon(lang)));
        inline.spans[0].style.bold = true;
        inline.spans.extend(desc.spans.iter().cloned());
        let body = theme.body;
        let bar = 3.0;
        let mut c =
            w.text(&inline, &body, x + bar + theme.pad, width - bar - theme.pad, Some(p));
        super::blocks::keep_together(&mut c);
        let total: f32 = c.iter().map(|c| c.height).sum();
        if let Some(first) = c.first_mut() {
            first.space_before = theme.gap * 1.2;
            first.items.insert(
                0,
                Placed {
                    item: Item::Fill {
                        rects: vec![Rect { x, y: 0.0, w: bar, h: total }],
                        color: ACCENT,
                    },
                    mark: Mark::Artifact,
                },
            );
        }
        chunks.extend(c);
    }
    chunks
}

/// The "links of this sheet" box: every external link with its number, its
/// address in full and a QR code at least 15 mm wide.
fn link_notes(w: &mut Chunker, notes: &[String], x: f32, width: f32) -> Vec<Chunk> {
    let sec = w.tree.add(StructTree::ROOT, Role::Section);
    let title = labels::links_title(w.lang);
    let h = w.tree.add(sec, Role::Heading(2));
    let style = w.theme.headings[1];
    let mut chunks = w.text(&Inline::plain(title), &style, x, width, Some(h));
    for c in &mut chunks {
        c.keep_with_next = true;
    }
    if let Some(first) = chunks.first_mut() {
        first.space_before = w.theme.gap * 1.6;
    }
    let list = w.tree.add(sec, Role::List { ordered: true });
    let body = w.theme.body;
    let qr_size = |url: &str| super::blocks::qr_size(url, 18.0 * super::style::MM);
    // Numbers and addresses line up beside the widest QR code.
    let column = notes.iter().map(|u| qr_size(u)).fold(0.0, f32::max);
    for (i, url) in notes.iter().enumerate() {
        let size = qr_size(url);
        let li = w.tree.add(list, Role::ListItem);
        let lbl = w.tree.add(li, Role::Label);
        let lbody = w.tree.add(li, Role::ListBody);
        let alt = labels::qr_alt(url, w.lang);
        let fig = w.tree.add(lbody, Role::Figure { alt });
        let mut chunk =
            Chunk { height: size, space_before: w.theme.gap * 0.5, ..Chunk::default() };
        let tx = x + column + w.theme.pad;
        let num = w.text(
            &Inline::plain(format!("[{}]", i + 1)),
            &BaseStyle { bold: true, ..body },
            tx,
            40.0,
            Some(lbl),
        );
        // A mail link shows its address, without `mailto:` and its query.
        let mut inline = Inline::default();
        inline.spans.push(Span {
            text: super::address::display_url(url),
            style: TextStyle { code: true, ..TextStyle::default() },
            link: Some(LinkTarget::Url(url.clone())),
            ui: None,
        });
        let saved = w.notes.take();
        let p = w.tree.add(lbody, Role::Paragraph);
        let indent = body.size * 2.6;
        let aw = width - column - w.theme.pad - indent;
        let addr = w.text(&inline, &body, tx + indent, aw, Some(p));
        w.notes = saved;
        chunk.lines = Some(u16::try_from(addr.len()).unwrap_or(u16::MAX));
        let mut y = 2.0;
        for (k, mut c) in addr.into_iter().enumerate() {
            c.shift(y);
            y += c.height;
            if k == 0 {
                for mut n in num.clone() {
                    n.shift(2.0);
                    chunk.items.extend(n.items);
                }
            }
            chunk.items.extend(c.items);
            chunk.links.extend(c.links);
        }
        // Drawn after the label so the reading order is "[n]", QR code, address.
        let qr = super::blocks::qr_item(url, x, 0.0, size);
        let at = chunk
            .items
            .iter()
            .position(|p| p.mark != Mark::Node(lbl) && p.mark != Mark::Artifact);
        chunk.items.insert(
            at.unwrap_or(chunk.items.len()),
            Placed { item: qr, mark: Mark::Node(fig) },
        );
        chunk.height = chunk.height.max(y);
        chunks.push(chunk);
    }
    chunks
}

fn disclaimer(w: &mut Chunker, text: &Inline, x: f32, width: f32) -> Vec<Chunk> {
    let p = w.tree.add(StructTree::ROOT, Role::Paragraph);
    let style = BaseStyle { italic: true, ..w.theme.small };
    let mut c = w.text(text, &style, x, width, Some(p));
    super::blocks::keep_together(&mut c);
    // Not content: a page needs its own lines besides the disclaimer.
    for chunk in &mut c {
        chunk.lines = Some(0);
    }
    if let Some(first) = c.first_mut() {
        let gap = w.theme.gap * 2.0;
        first.space_before = gap;
        first.items.push(Placed::rule(x, -gap / 2.0, width * 0.3, 0.5, RULE));
    }
    c
}

/// Last pass: pages get their frames, footers and numbers; bookmarks and
/// links are collected.
fn finish(
    flows: Vec<PageFlow>,
    theme: &Theme,
    tree: StructTree,
    meta: Meta,
    opts: &LayoutOptions,
) -> Document {
    let (x, width) = theme.text_x();
    let total = opts.total_pages.unwrap_or(flows.len() + opts.first_page_number - 1);
    let content_box = Rect {
        x,
        y: theme.margin.0,
        w: width,
        h: theme.page.1 - theme.margin.0 - theme.margin.2,
    };
    let mut pages = Vec::new();
    let mut outline = Vec::new();
    for (i, flow) in flows.iter().enumerate() {
        let mut items: Vec<Placed> = frames(flow, x, width, theme.pad);
        let mut links: Vec<Link> = Vec::new();
        for slot in &flow.slots {
            if let Some((title, level)) = &slot.chunk.bookmark {
                outline.push(OutlineEntry {
                    title: title.clone(),
                    page: i,
                    y: slot.top,
                    level: *level,
                });
            }
            items.extend(slot.chunk.items.iter().cloned());
            links.extend(slot.chunk.links.iter().cloned());
        }
        items.extend(footer(theme, &meta.title, i + opts.first_page_number, total));
        pages.push(Page {
            width: theme.page.0,
            height: theme.page.1,
            content_box,
            items,
            links,
        });
    }
    Document { pages, structure: tree, outline, meta }
}

/// "page N / M" on the right, the sheet's title on the left, as artifacts.
pub(crate) fn footer(theme: &Theme, title: &str, n: usize, total: usize) -> Vec<Placed> {
    let (x, width) = theme.text_x();
    let small = theme.small;
    let y = theme.page.1 - theme.margin.2 * 0.45;
    let num = labels::page_of(n, total);
    let lines = super::text::layout_inline(
        &Inline::plain(num),
        &small,
        crate::model::Lang::Fr,
        width,
    );
    let mut out = Vec::new();
    let mut num_w = 0.0;
    if let Some(line) = lines.lines.first() {
        num_w = line.width;
        for f in &line.fragments {
            let mut run = f.run.clone();
            run.x += x + width - line.width;
            run.y = y;
            out.push(Placed { item: Item::Text(run), mark: Mark::Artifact });
        }
    }
    let room = width - num_w - small.size * 2.0;
    let t = super::text::layout_inline(
        &Inline::plain(title),
        &small,
        crate::model::Lang::Fr,
        room,
    );
    if let Some(line) = t.lines.first() {
        let more = t.lines.len() > 1;
        for f in &line.fragments {
            let mut run = f.run.clone();
            run.x += x;
            run.y = y;
            out.push(Placed { item: Item::Text(run), mark: Mark::Artifact });
        }
        if more {
            let ell = super::text::layout_inline(
                &Inline::plain("…"),
                &small,
                crate::model::Lang::Fr,
                100.0,
            );
            if let Some(f) = ell.lines.first().and_then(|l| l.fragments.first()) {
                let mut run = f.run.clone();
                run.x = x + line.width + 1.0;
                run.y = y;
                out.push(Placed { item: Item::Text(run), mark: Mark::Artifact });
            }
        }
    }
    let ry = y - small.size * 1.2;
    out.push(Placed::rule(x, ry, width, 0.4, RULE));
    out
}
