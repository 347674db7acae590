//! Pagination: chunks are distributed over pages, honouring keep-with-next,
//! forced breaks, repeated table headers and callout frames.

use super::chunk::{Chunk, FrameStyle};
use super::page::{Item, Mark, Placed, Rect, Rgb};

/// A chunk placed on a page.
#[derive(Debug, Clone)]
pub struct Slot {
    /// The chunk, already shifted to its final position.
    pub chunk: Chunk,
    /// Its top edge on the page.
    pub top: f32,
}

/// Content of one page before finishing touches (footer, numbers).
#[derive(Debug, Clone, Default)]
pub struct PageFlow {
    /// Chunks in order.
    pub slots: Vec<Slot>,
}

/// Vertical limits of the area chunks flow into.
#[derive(Debug, Clone, Copy)]
pub struct Area {
    /// Top of the body on the first page (below the sheet header).
    pub first_top: f32,
    /// Top of the body on later pages.
    pub top: f32,
    /// Bottom limit of the body.
    pub bottom: f32,
    /// Padding inside callout frames.
    pub pad: f32,
}

impl Area {
    /// The body area of `theme`'s page: between the margins, with its box padding.
    pub fn of(theme: &super::style::Theme) -> Area {
        Area {
            first_top: theme.margin.0,
            top: theme.margin.0,
            bottom: theme.page.1 - theme.margin.2,
            pad: theme.pad,
        }
    }
}

/// Distributes `chunks` over as many pages as needed.
pub fn paginate(chunks: Vec<Chunk>, headers: &[Chunk], area: Area) -> Vec<PageFlow> {
    let page_h = area.bottom - area.top - 2.0 * area.pad;
    let chunks: Vec<Chunk> = chunks
        .into_iter()
        .flat_map(|c| {
            let header =
                c.repeat_header.and_then(|h| headers.get(h)).map_or(0.0, |h| h.height);
            split_tall(c, page_h - header)
        })
        .collect();
    let n = chunks.len();
    let heights: Vec<f32> = chunks.iter().map(|c| c.height + c.space_before).collect();
    let keeps: Vec<bool> = chunks.iter().map(|c| c.keep_with_next).collect();
    let frame_ids: Vec<Option<usize>> =
        chunks.iter().map(|c| c.frame.map(|f| f.id)).collect();
    let page_h = area.bottom - area.top;

    let mut pages = vec![PageFlow::default()];
    let mut y = area.first_top;
    let mut at_top = true;
    let mut prev_frame: Option<usize> = None;

    for (i, mut chunk) in chunks.into_iter().enumerate() {
        if chunk.break_before && !at_top {
            pages.push(PageFlow::default());
            y = area.top;
            at_top = true;
            prev_frame = None;
        }
        if chunk.break_before && chunk.height == 0.0 && chunk.items.is_empty() {
            continue;
        }
        let fp = if chunk.frame.is_some() { area.pad } else { 0.0 };
        // The chain of chunks that must share this chunk's page.
        let mut group = chunk.height;
        let mut j = i;
        while keeps[j] && j + 1 < n {
            j += 1;
            group += heights[j];
        }
        // A frame that ends within the group needs its bottom padding too.
        let group_pad = if frame_ids[j].is_some() { area.pad } else { 0.0 };
        let header_h = chunk.repeat_header.map(|h| headers[h].height).unwrap_or(0.0);
        let entering = frame_ids[i].is_some() && frame_ids[i] != prev_frame;
        let before = if at_top { 0.0 } else { chunk.space_before }
            + if entering { fp } else { 0.0 };
        let group_fits = y + before + group + group_pad <= area.bottom + 0.01;
        let alone_fits = y + before + chunk.height + fp <= area.bottom + 0.01;
        let group_fits_a_page = group + header_h + 2.0 * fp <= page_h;
        if !at_top && (!alone_fits || (!group_fits && group_fits_a_page)) {
            pages.push(PageFlow::default());
            y = area.top;
            at_top = true;
            prev_frame = None;
        }
        let page = pages.last_mut().expect("at least one page");
        if at_top {
            y += fp;
            if let Some(h) = chunk.repeat_header {
                let mut copy = headers[h].clone();
                copy.shift(y);
                let top = y;
                y += copy.height;
                page.slots.push(Slot { chunk: copy, top });
            }
        } else {
            if prev_frame.is_some() && frame_ids[i] != prev_frame {
                y += area.pad; // bottom padding of the frame just closed
            }
            y += chunk.space_before + if entering { fp } else { 0.0 };
        }
        chunk.shift(y);
        let top = y;
        y += chunk.height;
        prev_frame = frame_ids[i];
        page.slots.push(Slot { chunk, top });
        at_top = false;
    }
    // A page break with nothing after it must not leave a blank last page.
    while pages.len() > 1 && pages.last().is_some_and(|p| p.slots.is_empty()) {
        pages.pop();
    }
    pages
}

/// Cuts a chunk taller than a page (a table row with a very long cell) into
/// pieces that fit, between items, so nothing runs off the paper.
fn split_tall(chunk: Chunk, limit: f32) -> Vec<Chunk> {
    if chunk.height <= limit || limit <= 0.0 {
        return vec![chunk];
    }
    let mut spans: Vec<(f32, f32)> = chunk
        .items
        .iter()
        .map(|p| {
            let b = p.item.bbox();
            (b.y.max(0.0), b.bottom())
        })
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Cut before the first item that would cross the bottom of the piece.
    let mut cuts = vec![0.0f32];
    for (top, bottom) in spans {
        let start = *cuts.last().unwrap_or(&0.0);
        if bottom - start > limit && top > start {
            cuts.push(top);
        }
    }
    if cuts.len() == 1 {
        return vec![chunk];
    }
    let mut pieces: Vec<Chunk> = Vec::with_capacity(cuts.len());
    for (i, &c) in cuts.iter().enumerate() {
        let end = cuts.get(i + 1).copied().unwrap_or(f32::INFINITY);
        let mut piece = Chunk {
            height: (end.min(chunk.height) - c).max(0.0),
            space_before: if i == 0 { chunk.space_before } else { 0.0 },
            frame: chunk.frame,
            repeat_header: chunk.repeat_header,
            bookmark: if i == 0 { chunk.bookmark.clone() } else { None },
            anchor: if i == 0 { chunk.anchor.clone() } else { None },
            break_before: i == 0 && chunk.break_before,
            keep_with_next: i + 1 == cuts.len() && chunk.keep_with_next,
            ..Chunk::default()
        };
        for p in &chunk.items {
            let y = p.item.bbox().y.max(0.0);
            if y >= c && y < end {
                let mut p = p.clone();
                super::chunk::shift_item(&mut p.item, -c);
                piece.items.push(p);
            }
        }
        for l in &chunk.links {
            if l.rect.y >= c && l.rect.y < end {
                let mut l = l.clone();
                l.rect.y -= c;
                piece.links.push(l);
            }
        }
        pieces.push(piece);
    }
    pieces
}

/// The frames (background, borders, bar) of callouts on one page, to be drawn
/// behind the text. A callout cut by a page break is framed on both pages.
pub fn frames(page: &PageFlow, x: f32, width: f32, pad: f32) -> Vec<Placed> {
    let mut out = Vec::new();
    let slots = &page.slots;
    let mut i = 0;
    while i < slots.len() {
        let Some(f) = slots[i].chunk.frame else {
            i += 1;
            continue;
        };
        let mut j = i;
        while j + 1 < slots.len() && slots[j + 1].chunk.frame.map(|g| g.id) == Some(f.id)
        {
            j += 1;
        }
        let top = slots[i].top - pad;
        let bottom = slots[j].top + slots[j].chunk.height + pad;
        out.extend(frame_items(f, Rect { x, y: top, w: width, h: bottom - top }));
        i = j + 1;
    }
    out
}

/// Background and borders per callout kind: distinguishable in black and white
/// by border style as well as by the printed label and icon.
fn frame_items(f: FrameStyle, r: Rect) -> Vec<Placed> {
    let (bg, border, width, dash) = match f.look {
        0 => (Rgb(0xf2, 0xf4, 0xf7), Rgb(0x55, 0x5f, 0x6d), 0.6, Some(2.5)), // note: dashed
        1 => (Rgb(0xee, 0xf7, 0xee), Rgb(0x2e, 0x6b, 0x30), 0.8, None), // tip: thin solid
        2 => (Rgb(0xff, 0xf4, 0xe5), Rgb(0x9a, 0x4d, 0x00), 1.2, None), // warning: solid
        _ => (Rgb(0xfd, 0xec, 0xec), Rgb(0x9b, 0x1c, 0x1c), 2.0, None), // important: heavy
    };
    let mut v = vec![
        Placed { item: Item::Fill { rects: vec![r], color: bg }, mark: Mark::Artifact },
        Placed {
            item: Item::Frame { rect: r, width, color: border, dash },
            mark: Mark::Artifact,
        },
    ];
    // A solid bar on the left for warnings and important notes.
    if f.look >= 2 {
        v.push(Placed {
            item: Item::Fill {
                rects: vec![Rect { x: r.x, y: r.y, w: 4.0, h: r.h }],
                color: border,
            },
            mark: Mark::Artifact,
        });
    }
    v
}
