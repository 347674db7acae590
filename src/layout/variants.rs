//! Variants: each variant's label becomes a heading drawn as a tab (white
//! on a dark band, a rule across the text width), one level below the
//! section it sits in, then the variant's blocks, their headings one level
//! below the label.

use super::blocks::keep_together;
use super::chunk::{Chunk, Chunker, Levels};
use super::page::{Item, Mark, NodeId, PathEl, Placed, Rect, Rgb, Role};
use super::style::ACCENT;
use super::text::BaseStyle;
use crate::model::{Inline, Variant};

impl Chunker<'_> {
    /// A `variants` block: its title, then every variant under its label.
    pub fn variants(
        &mut self,
        title: Option<&Inline>,
        items: &[Variant],
        parent: NodeId,
        x: f32,
        width: f32,
    ) -> Vec<Chunk> {
        let section = self.tree.add(parent, Role::Section);
        let mut chunks = Vec::new();
        if let Some(t) = title {
            let p = self.tree.add(section, Role::Paragraph);
            let style = BaseStyle { bold: true, ..self.theme.body };
            let mut c = self.text(t, &style, x, width, Some(p));
            keep_together(&mut c);
            if let Some(last) = c.last_mut() {
                last.keep_with_next = true;
            }
            chunks.extend(c);
        }
        // The label sits one level below the section the block is in; the
        // tag level below the last heading's.
        let outer = self.levels;
        let level = (outer.section + outer.shift + 1).min(3);
        let tag = (self.last_heading_tag() + 1).clamp(2, 6);
        for (i, v) in items.iter().enumerate() {
            let node = self.tree.add(section, Role::Section);
            let mut label = self.tab(&v.label, level, tag, node, x, width);
            if i > 0 || title.is_some() {
                label.space_before = self.theme.gap * 1.5;
            }
            chunks.push(label);
            self.levels = Levels { section: outer.section, shift: level };
            for (k, b) in v.body.iter().enumerate() {
                let mut c = self.block(&b.value, node, x, width);
                if k == 0 {
                    if let Some(first) = c.first_mut() {
                        first.space_before = self.theme.gap * 0.8;
                    }
                }
                chunks.extend(c);
            }
            self.levels = outer;
        }
        chunks
    }

    /// A variant's label: a heading (tagged at `tag`, bookmarked at
    /// `level`) drawn in white on a dark band, with a rule under it.
    fn tab(
        &mut self,
        label: &Inline,
        level: u8,
        tag: u8,
        parent: NodeId,
        x: f32,
        width: f32,
    ) -> Chunk {
        let node = self.tree.add(parent, Role::Heading(tag));
        let base = self.theme.headings[1];
        let style =
            BaseStyle { color: Rgb::WHITE, link_color: Rgb::WHITE, bold: true, ..base };
        let pad = self.theme.pad;
        let top = style.size * 0.3;
        let mut chunk = Chunk { keep_with_next: true, ..Chunk::default() };
        let mut y = top;
        let mut text_w: f32 = 0.0;
        for mut line in self.text(label, &style, x + pad, width - 2.0 * pad, Some(node)) {
            line.shift(y);
            y += line.height;
            for p in &line.items {
                if let Item::Text(run) = &p.item {
                    text_w = text_w.max(run.x + run.width - x - pad);
                }
            }
            chunk.items.extend(line.items);
            chunk.links.extend(line.links);
        }
        let band = Rect { x, y: 0.0, w: (text_w + 2.0 * pad).min(width), h: y + top };
        // A tab: rounded at the top, square where it meets the rule.
        let tab = Item::Path { path: tab(band, 3.0), fill: Some(ACCENT), stroke: None };
        chunk.items.insert(0, Placed { item: tab, mark: Mark::Artifact });
        chunk.items.push(Placed::rule(x, band.h + 0.75, width, 1.5, ACCENT));
        chunk.height = band.h + 1.5;
        chunk.bookmark = Some((label.plain_text().replace('\n', " "), level));
        chunk
    }
}

/// The outline of `r` with its top corners rounded to `radius`.
fn tab(r: Rect, radius: f32) -> Vec<PathEl> {
    let k = radius * (1.0 - 0.552_284_8);
    let (x0, y0, x1, y1) = (r.x, r.y, r.right(), r.bottom());
    vec![
        PathEl::Move(x0, y1),
        PathEl::Line(x0, y0 + radius),
        PathEl::Cubic(x0, y0 + k, x0 + k, y0, x0 + radius, y0),
        PathEl::Line(x1 - radius, y0),
        PathEl::Cubic(x1 - k, y0, x1, y0 + k, x1, y0 + radius),
        PathEl::Line(x1, y1),
        PathEl::Close,
    ]
}
