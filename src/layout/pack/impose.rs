//! Imposition: finished A5 pages placed two by two on A4 landscape sheets.
//!
//! A5 is half of A4 landscape, so pages are only moved, never scaled: text
//! stays text and links stay links. Each printed side holds a left and a
//! right slot; the orders below say which logical page goes where.

use crate::layout::page::{
    Document, Item, Link, LinkDest, Mark, NodeId, Page, Placed, Rect, StructNode,
};
use crate::layout::style::{MM, RULE};
use crate::layout::text::{layout_inline, BaseStyle, Hyphens};
use crate::model::{Inline, Lang, Paper};

/// The logical pages (0-based) on one printed side, left then right; `None`
/// is a blank half.
pub type Side = [Option<usize>; 2];

/// 2-up: pages 1|2, 3|4, …; an odd last page has a blank right half.
pub fn two_up_order(pages: usize) -> Vec<Side> {
    (0..pages.div_ceil(2))
        .map(|s| [Some(2 * s), Some(2 * s + 1).filter(|&p| p < pages)])
        .collect()
}

/// Saddle-stitched booklet: `pages` padded with blanks at the end to a
/// multiple of 4, sides in printing order (sheet 1 front, sheet 1 back, …).
/// For 8 pages (1-based): 8|1, 2|7, 6|3, 4|5.
pub fn booklet_order(pages: usize) -> Vec<Side> {
    let n = pages.div_ceil(4).max(1) * 4;
    let page = |p: usize| Some(p - 1).filter(|&i| i < pages);
    (0..n / 4)
        .flat_map(|k| {
            let front = [page(n - 2 * k), page(2 * k + 1)];
            let back = [page(2 * k + 2), page(n - 2 * k - 1)];
            [front, back]
        })
        .collect()
}

/// Handout: every page twice, side by side (1|1, 2|2, …), so one sheet cut
/// in half gives two copies that stay in order when printed double-sided.
pub fn handout_order(pages: usize) -> Vec<Side> {
    (0..pages).map(|p| [Some(p), Some(p)]).collect()
}

/// What goes on the sheets besides the pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Marks {
    /// Short marks at the top and bottom of the middle line (fold or cut here).
    pub fold: bool,
    /// A dashed cut line down the middle, with scissors.
    pub cut: bool,
}

/// The size of the sheets pages are imposed on: A4 landscape.
pub fn sheet_size() -> (f32, f32) {
    let (w, h) = Paper::A4.size_pt();
    (h, w)
}

/// Places the pages of `doc` on sheets, side by side in the given order.
///
/// A page that appears twice on a side (handouts) is tagged once: the right
/// copy is an artifact without link areas. Links and bookmarks to a page go
/// to the first side that holds it.
pub fn impose(mut doc: Document, sides: &[Side], marks: Marks) -> Document {
    let (sw, sh) = sheet_size();
    let fold = sw / 2.0;
    // Where each logical page is drawn first: side and slot.
    let mut home: Vec<Option<(usize, usize)>> = vec![None; doc.pages.len()];
    for (s, side) in sides.iter().enumerate() {
        for (slot, p) in side.iter().enumerate() {
            if let Some(h) = p.and_then(|p| home.get_mut(p)).filter(|h| h.is_none()) {
                *h = Some((s, slot));
            }
        }
    }
    split_reversed_nodes(&mut doc, &home);
    let side_of = |p: usize| home.get(p).copied().flatten().map_or(0, |(s, _)| s);

    let mut sheets = Vec::with_capacity(sides.len());
    for (s, side) in sides.iter().enumerate() {
        let mut items = Vec::new();
        let mut links = Vec::new();
        for (slot, p) in side.iter().enumerate() {
            let Some(page) = p.and_then(|p| doc.pages.get(p)) else { continue };
            let dx = if slot == 0 { fold - page.width } else { fold };
            let dy = (sh - page.height) / 2.0;
            let copy = home[p.unwrap_or(0)] != Some((s, slot));
            for placed in &page.items {
                let mut item = placed.item.clone();
                translate(&mut item, dx, dy);
                let mark = if copy { Mark::Artifact } else { placed.mark };
                items.push(Placed { item, mark });
            }
            if copy {
                continue;
            }
            for link in &page.links {
                let mut rect = link.rect;
                rect.x += dx;
                rect.y += dy;
                let dest = match &link.dest {
                    LinkDest::Page { page, y } => {
                        LinkDest::Page { page: side_of(*page), y: *y + dy as i32 }
                    }
                    other => other.clone(),
                };
                links.push(Link { rect, dest, ..link.clone() });
            }
        }
        items.extend(sheet_marks(marks, sw, sh));
        sheets.push(Page {
            width: sw,
            height: sh,
            content_box: Rect { x: 0.0, y: 0.0, w: sw, h: sh },
            items,
            links,
        });
    }
    for entry in &mut doc.outline {
        entry.page = side_of(entry.page);
    }
    Document { pages: sheets, ..doc }
}

/// Moves an item right by `dx` and down by `dy`.
pub fn translate(item: &mut Item, dx: f32, dy: f32) {
    let mv = |r: &mut Rect| {
        r.x += dx;
        r.y += dy;
    };
    match item {
        Item::Text(t) => {
            t.x += dx;
            t.y += dy;
        }
        Item::Fill { rects, .. } => rects.iter_mut().for_each(mv),
        Item::Line { x1, y1, x2, y2, .. } => {
            *x1 += dx;
            *x2 += dx;
            *y1 += dy;
            *y2 += dy;
        }
        Item::Frame { rect, .. } | Item::Image { rect, .. } => mv(rect),
    }
}

/// Fold marks and the cut line, drawn as artifacts in the middle of a sheet.
/// They stay 4 mm from the paper's edge, where office printers can print.
fn sheet_marks(marks: Marks, sw: f32, sh: f32) -> Vec<Placed> {
    let x = sw / 2.0;
    let line = |y1: f32, y2: f32, dash: Option<f32>| Placed {
        item: Item::Line { x1: x, y1, x2: x, y2, width: 0.5, color: RULE, dash },
        mark: Mark::Artifact,
    };
    let mut out = Vec::new();
    let edge = 4.0 * MM;
    if marks.fold && !marks.cut {
        out.push(line(edge, edge + 6.0 * MM, None));
        out.push(line(sh - edge - 6.0 * MM, sh - edge, None));
    }
    if marks.cut {
        let size = 11.0;
        let style = BaseStyle {
            size,
            line_height: size,
            color: RULE,
            bold: false,
            italic: false,
            link_color: RULE,
            hyphens: Hyphens::Never,
        };
        let scissors = layout_inline(&Inline::plain("\u{2702}"), &style, Lang::Fr, 100.0);
        let top = edge + size + 2.0;
        for f in scissors.lines.iter().flat_map(|l| &l.fragments) {
            let mut run = f.run.clone();
            run.x = x - run.width / 2.0;
            run.y = edge + size * 0.8;
            out.push(Placed { item: Item::Text(run), mark: Mark::Artifact });
        }
        out.push(line(top, sh - edge, Some(3.0)));
    }
    out
}

/// Keeps the reading order right when a page's content is drawn before the
/// page that precedes it (the second half of a booklet).
///
/// The tag tree orders a node's own content by drawing order, so a
/// paragraph that runs from page 6 onto page 7 of a booklet would read its
/// page-7 lines first (page 7 is printed on an earlier sheet side). Such a
/// node is split at the page break into siblings, one per page, which the
/// tag tree keeps in their declared order: what a reader would do.
fn split_reversed_nodes(doc: &mut Document, home: &[Option<(usize, usize)>]) {
    let order = |p: usize| home.get(p).copied().flatten();
    let n = doc.structure.nodes.len();
    // Logical pages on which each node has content of its own.
    let mut own: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (p, page) in doc.pages.iter().enumerate() {
        for placed in &page.items {
            if let Mark::Node(id) = placed.mark {
                own[id].push(p);
            }
        }
        for l in &page.links {
            own[l.node].push(p);
        }
    }
    for pages in &mut own {
        pages.dedup(); // pages were visited in order
    }
    // Children before parents, so a parent sees its children's final pieces.
    let mut post = Vec::with_capacity(n);
    let mut stack = vec![(0usize, false)];
    while let Some((id, done)) = stack.pop() {
        if done {
            post.push(id);
            continue;
        }
        stack.push((id, true));
        for &c in doc.structure.nodes[id].children.iter().rev() {
            stack.push((c, false));
        }
    }
    let mut first_page: Vec<Option<usize>> = vec![None; n];
    for id in post {
        let pages = own[id].clone();
        let reversed = pages.windows(2).any(|w| order(w[1]) < order(w[0]));
        let first_of =
            |first: &[Option<usize>], c: NodeId| first.get(c).copied().flatten();
        let parent = doc.structure.nodes[id].parent;
        if let (true, Some(parent)) = (reversed, parent) {
            // One sibling per further page, right after the node.
            let at = doc.structure.nodes[parent].children.iter().position(|&c| c == id);
            let mut pieces = vec![(pages[0], id)];
            for (k, &p) in pages.iter().enumerate().skip(1) {
                let clone = doc.structure.nodes.len();
                let role = doc.structure.nodes[id].role.clone();
                doc.structure.nodes.push(StructNode {
                    role,
                    parent: Some(parent),
                    children: Vec::new(),
                    lang: doc.structure.nodes[id].lang,
                });
                first_page.push(Some(p));
                let kids = &mut doc.structure.nodes[parent].children;
                kids.insert(at.map_or(kids.len(), |i| i + k), clone);
                pieces.push((p, clone));
            }
            let piece_for = |p: usize| {
                pieces.iter().rev().find(|(q, _)| *q <= p).map_or(id, |(_, n)| *n)
            };
            for &(p, target) in &pieces[1..] {
                let page = &mut doc.pages[p];
                for placed in &mut page.items {
                    if placed.mark == Mark::Node(id) {
                        placed.mark = Mark::Node(target);
                    }
                }
                for l in &mut page.links {
                    if l.node == id {
                        l.node = target;
                    }
                }
            }
            let children = std::mem::take(&mut doc.structure.nodes[id].children);
            for c in children {
                let target = first_of(&first_page, c).map_or(id, piece_for);
                doc.structure.nodes[c].parent = Some(target);
                doc.structure.nodes[target].children.push(c);
            }
        }
        let kids: Vec<usize> = doc.structure.nodes[id]
            .children
            .iter()
            .filter_map(|&c| first_of(&first_page, c))
            .collect();
        first_page[id] = own[id].first().copied().into_iter().chain(kids).min();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 1-based page numbers of a side, 0 for a blank half.
    fn numbers(sides: &[Side]) -> Vec<[usize; 2]> {
        sides.iter().map(|s| s.map(|p| p.map_or(0, |p| p + 1))).collect()
    }

    #[test]
    fn booklet_of_eight_pages_matches_the_printers_spreads() {
        assert_eq!(numbers(&booklet_order(8)), vec![[8, 1], [2, 7], [6, 3], [4, 5]]);
    }

    #[test]
    fn booklet_order_property_for_1_to_64_pages() {
        for pages in 1..=64 {
            let sides = booklet_order(pages);
            let n = pages.div_ceil(4) * 4;
            assert_eq!(sides.len(), n / 2, "{pages} pages: one side per 2 pages");
            // Every padded position once; real pages exactly once.
            let mut seen = vec![0; pages];
            let mut blanks = Vec::new();
            for (s, side) in sides.iter().enumerate() {
                let k = s / 2;
                // Positions (1-based, padded) that the formula puts on this side.
                let pos = if s % 2 == 0 {
                    [n - 2 * k, 2 * k + 1]
                } else {
                    [2 * k + 2, n - 2 * k - 1]
                };
                assert_eq!(pos[0] + pos[1], n + 1, "{pages} pages, side {s}");
                for (slot, p) in side.iter().enumerate() {
                    match p {
                        Some(p) => {
                            assert_eq!(p + 1, pos[slot]);
                            seen[*p] += 1;
                        }
                        None => blanks.push(pos[slot]),
                    }
                }
            }
            assert!(seen.iter().all(|&c| c == 1), "{pages} pages: {seen:?}");
            blanks.sort_unstable();
            let expected: Vec<usize> = (pages + 1..=n).collect();
            assert_eq!(blanks, expected, "{pages} pages: blanks only at the end");
        }
    }

    #[test]
    fn handout_keeps_both_copies_in_order() {
        assert_eq!(numbers(&handout_order(1)), vec![[1, 1]]);
        assert_eq!(numbers(&handout_order(3)), vec![[1, 1], [2, 2], [3, 3]]);
    }

    #[test]
    fn two_up_pairs_pages() {
        assert_eq!(numbers(&two_up_order(3)), vec![[1, 2], [3, 0]]);
        assert_eq!(numbers(&two_up_order(4)), vec![[1, 2], [3, 4]]);
    }

    #[test]
    fn a_paragraph_across_booklet_pages_is_read_in_page_order() {
        use crate::layout::page::{Meta, Rgb, Role, StructTree};
        let mut structure = StructTree::default();
        let p = structure.add(StructTree::ROOT, Role::Paragraph);
        // Page k holds one line of the paragraph, marked by its y = k.
        let pages = (0..8)
            .map(|k| Page {
                width: 419.528,
                height: 595.276,
                content_box: Rect { x: 0.0, y: 0.0, w: 419.528, h: 595.276 },
                items: vec![Placed {
                    item: Item::Fill {
                        rects: vec![Rect { x: 10.0, y: k as f32, w: 5.0, h: 0.5 }],
                        color: Rgb::BLACK,
                    },
                    mark: Mark::Node(p),
                }],
                links: Vec::new(),
            })
            .collect();
        let doc =
            Document { pages, structure, outline: Vec::new(), meta: Meta::default() };
        let sheets = impose(doc, &booklet_order(8), Marks::default());
        // Reading order: the root's children in order, each piece's content.
        let mut lines = Vec::new();
        for &piece in &sheets.structure.nodes[StructTree::ROOT].children {
            assert_eq!(sheets.structure.nodes[piece].role, Role::Paragraph);
            for page in &sheets.pages {
                for i in &page.items {
                    if let (Mark::Node(n), Item::Fill { rects, .. }) = (i.mark, &i.item) {
                        if n == piece {
                            lines.push(rects[0].y as usize);
                        }
                    }
                }
            }
        }
        assert_eq!(lines, (0..8).collect::<Vec<_>>());
    }
}
