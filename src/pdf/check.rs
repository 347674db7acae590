//! Checks a page description for everything that would make krilla panic.
//!
//! krilla asserts instead of returning errors for misuse (an identifier missing
//! from the tag tree, a link to a page that does not exist, a glyph range that
//! splits a character, a NaN coordinate…). Every such case is caught here, before
//! anything is drawn, and reported as a [`PdfError::Structure`](super::PdfError::Structure).

use crate::layout::fonts::FontBook;
use crate::layout::{
    Document, FontId, Item, LinkDest, Mark, NodeId, Rect, Role, StructTree,
};

use super::error::{structure, Result};

/// Deepest structure nesting accepted (the tag tree is built recursively).
pub(crate) const MAX_DEPTH: usize = 256;

/// Checks the whole document.
pub(crate) fn check(doc: &Document) -> Result<()> {
    let reachable = reachable_nodes(&doc.structure)?;
    let node_ok = |n: NodeId| reachable.get(n).copied().unwrap_or(false);
    let page_count = doc.pages.len();

    for (p, page) in doc.pages.iter().enumerate() {
        let at = || format!("page {}", p + 1);
        if !(finite_pos(page.width) && finite_pos(page.height)) {
            return Err(structure(format!(
                "{} has an invalid size {} × {}",
                at(),
                page.width,
                page.height
            )));
        }
        for (i, placed) in page.items.iter().enumerate() {
            let at = || format!("page {}, item {}", p + 1, i);
            if let Mark::Node(n) = placed.mark {
                if !node_ok(n) {
                    return Err(structure(format!(
                        "{} belongs to structure node {n}, which is not in the structure tree",
                        at()
                    )));
                }
            }
            check_item(&placed.item)
                .map_err(|msg| structure(format!("{}: {msg}", at())))?;
        }
        for (l, link) in page.links.iter().enumerate() {
            let at = || format!("page {}, link {}", p + 1, l);
            if !node_ok(link.node) {
                return Err(structure(format!(
                    "{} belongs to structure node {}, which is not in the structure tree",
                    at(),
                    link.node
                )));
            }
            if !finite_rect(&link.rect) {
                return Err(structure(format!("{} has an invalid area", at())));
            }
            if let LinkDest::Page { page: target, .. } = link.dest {
                if target >= page_count {
                    return Err(structure(format!(
                        "{} points to page {}, but the document has {page_count} pages",
                        at(),
                        target + 1
                    )));
                }
            }
        }
    }

    for entry in &doc.outline {
        if entry.page >= page_count || !entry.y.is_finite() {
            return Err(structure(format!(
                "bookmark `{}` points to page {} at y = {}, but the document has {page_count} pages",
                entry.title,
                entry.page + 1,
                entry.y
            )));
        }
    }
    Ok(())
}

/// Marks the nodes reachable from the root through `children`, rejecting
/// cycles, nodes listed twice and trees nested deeper than [`MAX_DEPTH`].
fn reachable_nodes(tree: &StructTree) -> Result<Vec<bool>> {
    let mut seen = vec![false; tree.nodes.len()];
    if tree.nodes.is_empty() {
        return Ok(seen);
    }
    // Explicit stack of (node, depth): no recursion, so no stack overflow.
    let mut stack = vec![(StructTree::ROOT, 0usize)];
    seen[StructTree::ROOT] = true;
    while let Some((n, depth)) = stack.pop() {
        if depth > MAX_DEPTH {
            return Err(structure(format!(
                "the structure tree is nested deeper than {MAX_DEPTH} levels"
            )));
        }
        for &child in tree.nodes[n].children.iter().rev() {
            match seen.get_mut(child) {
                None => {
                    return Err(structure(format!(
                        "structure node {n} lists child {child}, which does not exist"
                    )))
                }
                Some(true) => {
                    return Err(structure(format!(
                        "structure node {child} appears twice in the structure tree"
                    )))
                }
                Some(s) => *s = true,
            }
            stack.push((child, depth + 1));
        }
    }
    Ok(seen)
}

fn check_item(item: &Item) -> std::result::Result<(), String> {
    match item {
        Item::Text(run) => {
            if !(run.x.is_finite() && run.y.is_finite() && finite_pos(run.size)) {
                return Err(format!(
                    "text run at size {} has an invalid position",
                    run.size
                ));
            }
            let glyph_count = glyph_count(run.font);
            for g in &run.glyphs {
                let numbers = [g.x_advance, g.x_offset, g.y_offset];
                if numbers.iter().any(|v| !v.is_finite()) {
                    return Err(format!(
                        "glyph {} of `{}` has a non-finite offset",
                        g.id, run.text
                    ));
                }
                if u32::from(g.id) >= glyph_count {
                    return Err(format!(
                        "glyph {} does not exist in font {:?} (text `{}`)",
                        g.id, run.font, run.text
                    ));
                }
                let r = &g.range;
                if r.start > r.end || run.text.get(r.clone()).is_none() {
                    return Err(format!(
                        "glyph range {}..{} does not fit the text `{}`",
                        r.start, r.end, run.text
                    ));
                }
            }
            Ok(())
        }
        Item::Fill { rects, .. } => {
            if rects.iter().all(finite_rect) {
                Ok(())
            } else {
                Err("filled rectangles have invalid coordinates".into())
            }
        }
        Item::Line { x1, y1, x2, y2, width, dash, .. } => {
            let ok = [*x1, *y1, *x2, *y2].iter().all(|v| v.is_finite())
                && width.is_finite()
                && *width >= 0.0
                && dash.is_none_or(f32::is_finite);
            if ok {
                Ok(())
            } else {
                Err("line has invalid coordinates or width".into())
            }
        }
        Item::Frame { rect, width, dash, .. } => {
            if finite_rect(rect)
                && width.is_finite()
                && *width >= 0.0
                && dash.is_none_or(f32::is_finite)
            {
                Ok(())
            } else {
                Err("frame has invalid coordinates or width".into())
            }
        }
        Item::Image { rect, image } => {
            if finite_rect(rect) {
                Ok(())
            } else {
                Err(format!("image `{}` has an invalid area", image.src))
            }
        }
        Item::Path { path, stroke, .. } => {
            let b = item.bbox();
            let pen_ok = stroke.is_none_or(|p| p.width.is_finite() && p.width >= 0.0);
            if !path.is_empty() && finite_rect(&b) && pen_ok {
                Ok(())
            } else {
                Err("vector outline has invalid points or line width".into())
            }
        }
    }
}

fn glyph_count(font: FontId) -> u32 {
    u32::from(FontBook::get().font(font).face().number_of_glyphs())
}

fn finite_pos(v: f32) -> bool {
    v.is_finite() && v > 0.0
}

/// Whether the rectangle has finite coordinates and a non-negative size.
pub(crate) fn finite_rect(r: &Rect) -> bool {
    [r.x, r.y, r.w, r.h].iter().all(|v| v.is_finite()) && r.w >= 0.0 && r.h >= 0.0
}

/// PDF/UA-1 (clause 7.4.2) heading rules krilla does not check: the first
/// heading is level 1, and a heading is at most one level deeper than the
/// previous one. Returns one sentence per violation.
pub(crate) fn heading_levels(doc: &Document) -> Vec<String> {
    let tree = &doc.structure;
    let mut problems = Vec::new();
    if tree.nodes.is_empty() {
        return problems;
    }
    let mut prev: Option<u8> = None;
    // Pre-order walk = reading order; `check` has ruled out cycles.
    let mut stack = vec![StructTree::ROOT];
    while let Some(n) = stack.pop() {
        let node = &tree.nodes[n];
        stack.extend(node.children.iter().rev());
        let Role::Heading(level) = node.role else { continue };
        let page = super::explain::first_page_of(doc, n)
            .map(|p| format!(" on page {}", p + 1))
            .unwrap_or_default();
        match prev {
            None if level != 1 => problems.push(format!(
                "the first heading is level {level}, not 1 (heading {n}{page})"
            )),
            Some(p) if level > p.saturating_add(1) => problems.push(format!(
                "heading level {level} follows level {p}, skipping a level (heading {n}{page})"
            )),
            _ => {}
        }
        prev = Some(level);
    }
    problems
}
