//! Merging: laid-out parts (cover, contents, guides) become one document.
//!
//! Each part keeps its pages and structure; its structure root becomes a
//! section under the pack's root, its node ids and bookmarks are shifted.
//! Page destinations of links are not shifted: parts are laid out knowing
//! where every guide starts, so they already point at pack pages.

use crate::layout::page::{
    Document, Mark, Meta, OutlineEntry, Page, Rect, Role, StructNode, StructTree,
};

/// Builds a pack document part by part.
#[derive(Debug)]
pub struct Merger {
    doc: Document,
}

impl Merger {
    /// An empty pack with its metadata.
    pub fn new(meta: Meta) -> Self {
        Merger {
            doc: Document {
                pages: Vec::new(),
                structure: StructTree::default(),
                outline: Vec::new(),
                meta,
            },
        }
    }

    /// Number of pages so far (the index the next part starts at).
    pub fn page_count(&self) -> usize {
        self.doc.pages.len()
    }

    /// Appends a part. With a `bookmark`, the part gets an outline entry of
    /// its own and its bookmarks nest one level under it; `heading_shift`
    /// moves its headings down (a guide's title becomes a level-2 heading
    /// under the pack's title).
    pub fn push(&mut self, part: Document, bookmark: Option<String>, heading_shift: u8) {
        let base = self.doc.structure.nodes.len();
        let first_page = self.doc.pages.len();
        let id = |n: usize| n + base;
        // A part in another language than the pack says so on its section.
        let part_lang = (part.meta.lang != self.doc.meta.lang).then_some(part.meta.lang);
        for (n, node) in part.structure.nodes.into_iter().enumerate() {
            let role = match node.role {
                Role::Document => Role::Section,
                Role::Heading(l) => Role::Heading(l.saturating_add(heading_shift).min(6)),
                other => other,
            };
            let parent = match node.parent {
                Some(p) => Some(id(p)),
                None if n == StructTree::ROOT => Some(StructTree::ROOT),
                None => None,
            };
            let children = node.children.into_iter().map(id).collect();
            let lang =
                if n == StructTree::ROOT { node.lang.or(part_lang) } else { node.lang };
            self.doc.structure.nodes.push(StructNode { role, parent, children, lang });
        }
        self.doc.structure.nodes[StructTree::ROOT].children.push(id(StructTree::ROOT));
        for mut page in part.pages {
            for p in &mut page.items {
                if let Mark::Node(n) = p.mark {
                    p.mark = Mark::Node(id(n));
                }
            }
            for l in &mut page.links {
                l.node = id(l.node);
            }
            self.doc.pages.push(page);
        }
        let nest = u8::from(bookmark.is_some());
        if let Some(title) = bookmark {
            self.doc.outline.push(OutlineEntry {
                title,
                page: first_page,
                y: 0.0,
                level: 1,
            });
        }
        self.doc.outline.extend(part.outline.into_iter().map(|e| OutlineEntry {
            page: e.page + first_page,
            level: e.level + nest,
            ..e
        }));
    }

    /// Appends an empty page (a guide then starts on a right-hand page).
    pub fn blank(&mut self, width: f32, height: f32, content_box: Rect) {
        let page =
            Page { width, height, content_box, items: Vec::new(), links: Vec::new() };
        self.doc.pages.push(page);
    }

    /// The merged document.
    pub fn finish(self) -> Document {
        self.doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::page::{Item, Link, LinkDest, Placed, Rgb};

    fn part(pages: usize) -> Document {
        let mut structure = StructTree::default();
        let h = structure.add(StructTree::ROOT, Role::Heading(1));
        let link = structure.add(h, Role::Link);
        let rect = Rect { x: 10.0, y: 10.0, w: 10.0, h: 10.0 };
        let page = Page {
            width: 100.0,
            height: 100.0,
            content_box: rect,
            items: vec![Placed {
                item: Item::Fill { rects: vec![rect], color: Rgb::BLACK },
                mark: Mark::Node(h),
            }],
            links: vec![Link {
                rect,
                dest: LinkDest::Page { page: 0, y: 0 },
                node: link,
                alt: "x".into(),
            }],
        };
        Document {
            pages: vec![page; pages],
            structure,
            outline: vec![OutlineEntry {
                title: "s".into(),
                page: pages - 1,
                y: 5.0,
                level: 1,
            }],
            meta: Meta::default(),
        }
    }

    #[test]
    fn parts_are_grafted_under_sections_with_shifted_ids_and_bookmarks() {
        let mut m = Merger::new(Meta::default());
        m.push(part(1), None, 0);
        m.blank(100.0, 100.0, Rect { x: 0.0, y: 0.0, w: 100.0, h: 100.0 });
        m.push(part(2), Some("guide".into()), 1);
        let doc = m.finish();
        let t = &doc.structure;
        assert_eq!(doc.pages.len(), 4);
        assert_eq!(t.nodes[0].children, vec![1, 4]);
        assert_eq!(t.nodes[4].role, Role::Section);
        assert_eq!(t.nodes[5].role, Role::Heading(2));
        assert_eq!(t.nodes[5].parent, Some(4));
        assert_eq!(t.nodes[6].parent, Some(5));
        assert_eq!(doc.pages[2].items[0].mark, Mark::Node(5));
        assert_eq!(doc.pages[3].links[0].node, 6);
        // Page destinations are pack-wide already: left alone.
        assert_eq!(doc.pages[3].links[0].dest, LinkDest::Page { page: 0, y: 0 });
        let outline: Vec<_> =
            doc.outline.iter().map(|e| (e.title.as_str(), e.page, e.level)).collect();
        assert_eq!(outline, vec![("s", 0, 1), ("guide", 2, 1), ("s", 3, 2)]);
    }
}
