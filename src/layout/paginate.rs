//! Pagination: chunks are distributed over pages, honouring keep-with-next,
//! forced breaks, repeated table headers and callout frames, then the pages
//! are evened out: no page holds fewer than [`MIN_PAGE_LINES`] lines, and
//! no page is left more than a third empty when shrinking a picture a
//! little lets the next block fit.
//!
//! Phases: `plan` (where each chunk goes, from heights alone) → `fix` (a
//! page too short takes lines from the page before; plan again) → `place`
//! (chunks moved to their positions).

use std::collections::BTreeSet;

use super::chunk::{Chunk, FrameStyle};
use super::page::{Item, Mark, Placed, Rect, Rgb};

/// The fewest lines of content a page holds (besides its header, footer
/// and the disclaimer) when lines can be moved onto it.
pub const MIN_PAGE_LINES: f32 = 4.0;

/// A picture may be drawn down to this fraction of its height so that it
/// fits on a page that would otherwise be left more than a third empty.
pub const MIN_PICTURE_SCALE: f32 = 0.8;

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
    /// The body's line height: what a "line" of a picture is.
    pub line: f32,
}

impl Area {
    /// The body area of `theme`'s page: between the margins, with its box padding.
    pub fn of(theme: &super::style::Theme) -> Area {
        Area {
            first_top: theme.margin.0,
            top: theme.margin.0,
            bottom: theme.page.1 - theme.margin.2,
            pad: theme.pad,
            line: theme.body.line_height,
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
    let planner = Planner { chunks: &chunks, headers, area };
    let mut forced = BTreeSet::new();
    let mut plan = planner.plan(&forced);
    // Each fix moves a page's first break earlier; a page that cannot be
    // helped is left as it is.
    let mut given_up = BTreeSet::new();
    for _ in 0..chunks.len().min(64) {
        let Some((page, m)) = planner.fix(&plan, &given_up) else { break };
        let mut tried = forced.clone();
        tried.insert(m);
        let next = planner.plan(&tried);
        if next.pages <= plan.pages && next.first.get(page) == Some(&m) {
            forced = tried;
            plan = next;
        } else {
            given_up.insert(plan.first[page]);
        }
    }
    place(chunks, headers, area, &plan)
}

/// Where chunks go: page, top and picture scale of each.
#[derive(Debug, Clone)]
struct Plan {
    /// Pages in all.
    pages: usize,
    /// Index of each page's first chunk.
    first: Vec<usize>,
    /// Per chunk: its page (`None`: a page break, not drawn), its top, and
    /// the scale of its picture.
    at: Vec<Option<(usize, f32)>>,
    scale: Vec<f32>,
    /// Per page: table headers repeated at its top, and where.
    repeated: Vec<Vec<(usize, f32)>>,
}

/// Plans pages from the chunks' heights and rules.
struct Planner<'a> {
    chunks: &'a [Chunk],
    headers: &'a [Chunk],
    area: Area,
}

impl Planner<'_> {
    /// Lines of content of chunk `i`: its own count, or its height in body
    /// lines (pictures, QR codes).
    fn lines(&self, i: usize) -> f32 {
        let c = &self.chunks[i];
        c.lines.map_or(c.height / self.area.line, f32::from)
    }

    /// Greedy placement: each chunk on the current page if it and the
    /// chunks kept with it fit, else on a new page; `forced` adds breaks.
    fn plan(&self, forced: &BTreeSet<usize>) -> Plan {
        let (chunks, area) = (self.chunks, self.area);
        let n = chunks.len();
        let page_h = area.bottom - area.top;
        let mut scale = vec![1.0f32; n];
        let mut plan = Plan {
            pages: 1,
            first: vec![0],
            at: vec![None; n],
            scale: Vec::new(),
            repeated: vec![Vec::new()],
        };
        let mut y = area.first_top;
        let mut at_top = true;
        let mut prev_frame: Option<usize> = None;
        let height = |k: usize, scale: &[f32]| chunks[k].height * scale[k];
        for i in 0..n {
            let chunk = &chunks[i];
            let new_page = |plan: &mut Plan, y: &mut f32, at_top: &mut bool| {
                plan.pages += 1;
                plan.first.push(i);
                plan.repeated.push(Vec::new());
                *y = area.top;
                *at_top = true;
            };
            if (chunk.break_before || forced.contains(&i)) && !at_top {
                new_page(&mut plan, &mut y, &mut at_top);
                prev_frame = None;
            }
            if chunk.break_before && chunk.height == 0.0 && chunk.items.is_empty() {
                continue;
            }
            let frame = chunk.frame.map(|f| f.id);
            let fp = if frame.is_some() { area.pad } else { 0.0 };
            // The chain of chunks that must share this chunk's page.
            let mut j = i;
            while chunks[j].keep_with_next && j + 1 < n {
                j += 1;
            }
            let group_of = |scale: &[f32]| {
                (i + 1..=j)
                    .map(|k| height(k, scale) + chunks[k].space_before)
                    .sum::<f32>()
                    + height(i, scale)
            };
            // A frame that ends within the group needs its bottom padding too.
            let group_pad = if chunks[j].frame.is_some() { area.pad } else { 0.0 };
            let header_h = chunk.repeat_header.map_or(0.0, |h| self.headers[h].height);
            let entering = frame.is_some() && frame != prev_frame;
            // The bottom padding of a frame this chunk closes counts too.
            let closing = !at_top && prev_frame.is_some() && frame != prev_frame;
            let before = if at_top { 0.0 } else { chunk.space_before }
                + if entering { fp } else { 0.0 }
                + if closing { area.pad } else { 0.0 };
            let mut group = group_of(&scale);
            let over = y + before + group + group_pad - area.bottom;
            // Rather than leave more than a third of the page empty, draw
            // the group's pictures a little smaller.
            if !at_top && over > 0.01 && area.bottom - y > page_h / 3.0 {
                let room: f32 = (i..=j)
                    .filter_map(|k| {
                        let min = chunks[k].min_height?;
                        Some((height(k, &scale) - min).max(0.0))
                    })
                    .sum();
                if room >= over {
                    let mut smaller = scale.clone();
                    for k in i..=j {
                        if let Some(min) = chunks[k].min_height {
                            let h = height(k, &scale);
                            smaller[k] =
                                (h - over * (h - min).max(0.0) / room) / chunks[k].height;
                        }
                    }
                    if y + before + group_of(&smaller) + group_pad <= area.bottom + 0.01 {
                        scale = smaller;
                        group = group_of(&scale);
                    }
                }
            }
            let group_fits = y + before + group + group_pad <= area.bottom + 0.01;
            let alone_fits = y + before + height(i, &scale) + fp <= area.bottom + 0.01;
            let group_fits_a_page = group + header_h + 2.0 * fp <= page_h;
            if !at_top && (!alone_fits || (!group_fits && group_fits_a_page)) {
                new_page(&mut plan, &mut y, &mut at_top);
            }
            if at_top {
                y += fp;
                if let Some(h) = chunk.repeat_header {
                    plan.repeated.last_mut().expect("a page").push((h, y));
                    y += self.headers[h].height;
                }
            } else {
                y += before;
            }
            plan.at[i] = Some((plan.pages - 1, y));
            y += height(i, &scale);
            prev_frame = frame;
            at_top = false;
        }
        // A page break with nothing after it must not leave a blank last page.
        while plan.pages > 1 && !plan.at.iter().flatten().any(|a| a.0 == plan.pages - 1) {
            plan.pages -= 1;
            plan.first.pop();
            plan.repeated.pop();
        }
        plan.scale = scale;
        plan
    }

    /// The first page after the first that holds fewer than
    /// [`MIN_PAGE_LINES`] lines, and the chunk to start it with instead so
    /// that it takes lines from the page before (which keeps enough).
    /// Pages an author's page break starts, and `given_up` ones, are left.
    fn fix(&self, plan: &Plan, given_up: &BTreeSet<usize>) -> Option<(usize, usize)> {
        let n = self.chunks.len();
        let on = |p: usize| (0..n).filter(move |&i| plan.at[i].is_some_and(|a| a.0 == p));
        for p in 1..plan.pages {
            let start = plan.first[p];
            let lines: f32 = on(p).map(|i| self.lines(i)).sum();
            if lines >= MIN_PAGE_LINES
                || given_up.contains(&start)
                || self.chunks[start].break_before
            {
                continue;
            }
            let prev_start = plan.first[p - 1];
            let mut moved = lines;
            for m in (prev_start + 1..start).rev() {
                moved += self.lines(m);
                let kept: f32 = (prev_start..m).map(|i| self.lines(i)).sum();
                if kept < MIN_PAGE_LINES && p - 1 > 0 {
                    break;
                }
                if self.chunks[m - 1].keep_with_next || plan.at[m].is_none() {
                    continue;
                }
                if moved >= MIN_PAGE_LINES {
                    return Some((p, m));
                }
            }
        }
        None
    }
}

/// Moves the chunks to where `plan` puts them.
fn place(
    chunks: Vec<Chunk>,
    headers: &[Chunk],
    area: Area,
    plan: &Plan,
) -> Vec<PageFlow> {
    let mut pages: Vec<PageFlow> = (0..plan.pages).map(|_| PageFlow::default()).collect();
    for (p, repeated) in plan.repeated.iter().enumerate() {
        for &(h, y) in repeated {
            let mut copy = headers[h].clone();
            copy.shift(y);
            pages[p].slots.push(Slot { chunk: copy, top: y });
        }
    }
    // Headers go before the chunks of their page: keep each page's order.
    let mut order: Vec<Vec<Slot>> = (0..plan.pages).map(|_| Vec::new()).collect();
    for (i, mut chunk) in chunks.into_iter().enumerate() {
        let Some((page, top)) = plan.at[i] else { continue };
        if page >= plan.pages {
            continue;
        }
        if plan.scale[i] < 1.0 {
            chunk.scale_picture(plan.scale[i]);
        }
        chunk.shift(top);
        order[page].push(Slot { chunk, top });
    }
    let _ = area;
    for (page, slots) in pages.iter_mut().zip(order) {
        page.slots.extend(slots);
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

#[cfg(test)]
mod tests {
    use super::*;

    const LINE: f32 = 10.0;

    fn area() -> Area {
        Area { first_top: 0.0, top: 0.0, bottom: 300.0, pad: 5.0, line: LINE }
    }

    fn line() -> Chunk {
        Chunk { height: LINE, lines: Some(1), ..Chunk::default() }
    }

    /// A picture `h` high (with its image item, so it can be scaled).
    fn picture(h: f32) -> Chunk {
        let rect = Rect { x: 0.0, y: 0.0, w: 2.0 * h, h };
        let item = Item::Frame { rect, width: 1.0, color: Rgb::BLACK, dash: None };
        Chunk {
            height: h,
            min_height: Some(h * MIN_PICTURE_SCALE),
            items: vec![Placed { item, mark: Mark::Artifact }],
            ..Chunk::default()
        }
    }

    fn lines_per_page(pages: &[PageFlow]) -> Vec<usize> {
        pages
            .iter()
            .map(|p| p.slots.iter().filter(|s| s.chunk.lines == Some(1)).count())
            .collect()
    }

    #[test]
    fn a_short_last_page_takes_lines_from_the_page_before() {
        // (lines, lines per page wanted): 30 fit a page.
        let cases: &[(usize, &[usize])] = &[
            (30, &[30]),
            (31, &[27, 4]),
            (33, &[29, 4]),
            (34, &[30, 4]),
            (45, &[30, 15]),
        ];
        for &(n, want) in cases {
            let pages = paginate(vec![line(); n], &[], area());
            assert_eq!(lines_per_page(&pages), want, "{n} lines");
        }
    }

    #[test]
    fn kept_lines_move_together_and_author_breaks_stay() {
        // The last 5 lines before the break keep together: they all move.
        let mut chunks = vec![line(); 31];
        for c in &mut chunks[24..29] {
            c.keep_with_next = true;
        }
        let pages = paginate(chunks, &[], area());
        assert_eq!(lines_per_page(&pages), [24, 7]);
        // A page an author's page break starts keeps its two lines.
        let mut chunks = vec![line(); 3];
        chunks.push(Chunk { break_before: true, ..Chunk::default() });
        chunks.extend(vec![line(); 2]);
        let pages = paginate(chunks, &[], area());
        assert_eq!(lines_per_page(&pages), [3, 2]);
    }

    #[test]
    fn a_picture_shrinks_rather_than_leave_a_third_of_the_page_empty() {
        // (lines before, picture height) → (page of the picture, height drawn)
        let cases: &[(usize, f32, usize, f32)] = &[
            (10, 150.0, 0, 150.0), // fits as it is
            (10, 210.0, 0, 200.0), // 200 left: a little smaller
            (10, 260.0, 1, 260.0), // would need more than 20 % less
            (22, 90.0, 1, 90.0),   // less than a third left: next page
        ];
        for &(n, h, page_want, drawn) in cases {
            let mut chunks = vec![line(); n];
            chunks.push(picture(h));
            chunks.extend(vec![line(); 4]);
            let pages = paginate(chunks, &[], area());
            let (page, pic) = pages
                .iter()
                .enumerate()
                .find_map(|(i, p)| {
                    p.slots.iter().find(|s| s.chunk.lines.is_none()).map(|s| (i, s))
                })
                .expect("the picture");
            assert_eq!(page, page_want, "{n} lines, picture {h}");
            assert!(
                (pic.chunk.height - drawn).abs() < 0.01,
                "{n}, {h}: {}",
                pic.chunk.height
            );
            let Item::Frame { rect, .. } = pic.chunk.items[0].item else {
                unreachable!()
            };
            assert!((rect.h - drawn).abs() < 0.01 && (rect.w - 2.0 * drawn).abs() < 0.02);
            assert!((rect.x + rect.w / 2.0 - h).abs() < 0.01, "stays centred");
        }
    }

    #[test]
    fn a_heading_after_a_box_does_not_end_a_page() {
        // A framed line, then a heading kept with two lines: with the
        // frame's bottom padding, they do not fit below it.
        let framed = Chunk {
            height: 258.0,
            frame: Some(FrameStyle { id: 1, look: 0 }),
            ..Chunk::default()
        };
        let heading = Chunk { keep_with_next: true, space_before: 5.0, ..line() };
        let second = Chunk { keep_with_next: true, ..line() };
        let pages = paginate(vec![framed, heading, second, line()], &[], area());
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[1].slots.len(), 3, "the heading starts the second page");
    }
}
