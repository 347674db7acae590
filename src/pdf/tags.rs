//! Builds krilla's tag tree from the layout's structure tree and the identifiers
//! collected while drawing.
//!
//! Every identifier krilla hands out must appear exactly once in the tag tree
//! (krilla panics otherwise). The [`TagCollector`] records each one under its
//! node, and [`TagCollector::build`] places every recorded identifier: nodes
//! are only dropped when nothing was recorded in their whole subtree.

use std::num::NonZeroU16;

use krilla::geom::Rect as KRect;
use krilla::tagging::{
    BBox, Identifier, ListNumbering, Node, TableHeaderScope, Tag, TagGroup, TagKind,
    TagTree,
};

use crate::layout::{NodeId, Rect, Role, StructTree};

use super::check::MAX_DEPTH;
use super::error::{structure, Result};
use super::explain::Loc;

/// One piece of tagged content: a marked-content sequence or an annotation.
struct Leaf<'a> {
    /// Position in reading order, over the whole document.
    seq: usize,
    /// What krilla returned for it.
    id: Identifier,
    /// The page it is on.
    page: usize,
    /// The area it covers.
    bbox: Rect,
    /// Its text and baseline, for text runs.
    text: Option<(&'a str, f32)>,
}

/// Collects the identifiers of tagged content, per structure node.
pub(crate) struct TagCollector<'a> {
    /// Content leaves per node, in reading order.
    content: Vec<Vec<Leaf<'a>>>,
    /// Annotation identifiers per node, in reading order.
    annots: Vec<Vec<(usize, Identifier)>>,
    /// Next sequence number.
    seq: usize,
}

impl<'a> TagCollector<'a> {
    /// A collector for a tree of `nodes` nodes.
    pub(crate) fn new(nodes: usize) -> Self {
        TagCollector {
            content: (0..nodes).map(|_| Vec::new()).collect(),
            annots: (0..nodes).map(|_| Vec::new()).collect(),
            seq: 0,
        }
    }

    /// Records drawn content of `node`. `text` is the run's text and baseline.
    pub(crate) fn content(
        &mut self,
        node: NodeId,
        id: Identifier,
        page: usize,
        bbox: Rect,
        text: Option<(&'a str, f32)>,
    ) {
        let seq = self.next_seq();
        if let Some(leaves) = self.content.get_mut(node) {
            leaves.push(Leaf { seq, id, page, bbox, text });
        }
    }

    /// Records a link annotation belonging to `node`.
    pub(crate) fn annotation(&mut self, node: NodeId, id: Identifier) {
        let seq = self.next_seq();
        if let Some(annots) = self.annots.get_mut(node) {
            annots.push((seq, id));
        }
    }

    fn next_seq(&mut self) -> usize {
        self.seq += 1;
        self.seq
    }

    /// Builds the tag tree. The root node becomes krilla's implicit `Document`.
    pub(crate) fn build(self, tree: &StructTree, lang: &str) -> Result<TagTree> {
        let mut first = vec![None; tree.nodes.len()];
        if !tree.nodes.is_empty() {
            first_seq(tree, &self, StructTree::ROOT, 0, &mut first)?;
        }
        let builder = Builder { tree, leaves: &self, first: &first };
        let mut root = TagTree::new().with_lang(Some(lang.to_string()));
        if !tree.nodes.is_empty() {
            for child in builder.children(StructTree::ROOT, 0)? {
                root.push(child);
            }
        }
        Ok(root)
    }
}

/// Computes, for every node, the first sequence number in its subtree.
fn first_seq(
    tree: &StructTree,
    leaves: &TagCollector<'_>,
    n: NodeId,
    depth: usize,
    first: &mut [Option<usize>],
) -> Result<Option<usize>> {
    if depth > MAX_DEPTH {
        return Err(structure("the structure tree is nested too deeply"));
    }
    let own = leaves.content[n].first().map(|l| l.seq);
    let annot = leaves.annots[n].first().map(|a| a.0);
    let mut min = [own, annot].into_iter().flatten().min();
    for &child in &tree.nodes[n].children {
        if let Some(s) = first_seq(tree, leaves, child, depth + 1, first)? {
            min = Some(min.map_or(s, |m| m.min(s)));
        }
    }
    first[n] = min;
    Ok(min)
}

struct Builder<'t, 'a> {
    tree: &'t StructTree,
    leaves: &'t TagCollector<'a>,
    first: &'t [Option<usize>],
}

impl Builder<'_, '_> {
    /// Whether node `n` (a child of `parent`) gets a group.
    fn kept(&self, n: NodeId) -> bool {
        // Empty table cells stay, so rows keep their columns.
        self.first[n].is_some()
            || matches!(self.tree.nodes[n].role, Role::TableCell | Role::TableHeader)
    }

    /// The children of node `n`'s group: own leaves and kept child groups,
    /// merged in reading order (child groups keep their declared order).
    fn children(&self, n: NodeId, depth: usize) -> Result<Vec<Node>> {
        let mut out: Vec<Node> =
            self.leaves.annots[n].iter().map(|(_, id)| Node::Leaf(*id)).collect();
        let own = &self.leaves.content[n];
        let mut i = 0;
        for &child in &self.tree.nodes[n].children {
            if !self.kept(child) {
                continue;
            }
            let key = self.first[child].unwrap_or(usize::MAX);
            while i < own.len() && own[i].seq < key {
                out.push(Node::Leaf(own[i].id));
                i += 1;
            }
            out.push(Node::Group(self.group(child, depth + 1)?));
        }
        out.extend(own[i..].iter().map(|l| Node::Leaf(l.id)));
        Ok(out)
    }

    fn group(&self, n: NodeId, depth: usize) -> Result<TagGroup> {
        if depth > MAX_DEPTH {
            return Err(structure("the structure tree is nested too deeply"));
        }
        let children = self.children(n, depth)?;
        Ok(TagGroup::with_children(self.tag(n), children))
    }

    /// The krilla tag for node `n`.
    fn tag(&self, n: NodeId) -> TagKind {
        let loc = Some(Loc::Node(n).encode());
        let kind: TagKind = match &self.tree.nodes[n].role {
            Role::Document => Tag::Part.into(),
            Role::Heading(level) => {
                let level =
                    NonZeroU16::new(u16::from(*level).max(1)).unwrap_or(NonZeroU16::MIN);
                Tag::Hn(level, Some(self.title(n))).into()
            }
            Role::Paragraph => Tag::P.into(),
            Role::List { ordered } => {
                let numbering =
                    if *ordered { ListNumbering::Decimal } else { ListNumbering::Disc };
                Tag::L(numbering).into()
            }
            Role::LetteredList => Tag::L(ListNumbering::LowerAlpha).into(),
            Role::ListItem => Tag::LI.into(),
            Role::Label => Tag::Lbl.into(),
            Role::ListBody => Tag::LBody.into(),
            Role::Figure { alt } => {
                let alt = (!alt.trim().is_empty()).then(|| alt.clone());
                Tag::Figure(alt).with_bbox(self.bbox(n)).into()
            }
            Role::Caption => Tag::Caption.into(),
            Role::Table => Tag::Table.into(),
            Role::TableRow => Tag::TR.into(),
            Role::TableHeader => Tag::TH(TableHeaderScope::Column).into(),
            Role::TableCell => Tag::TD.into(),
            Role::Link => Tag::Link.into(),
            Role::Section => Tag::Section.into(),
            Role::Note => Tag::Note.into(),
        };
        let lang = self.tree.nodes[n].lang.map(|l| l.code().to_string());
        kind.with_location(loc).with_lang(lang)
    }

    /// Visits the content leaves of `n`'s subtree.
    fn subtree_leaves<'s>(
        &'s self,
        n: NodeId,
        depth: usize,
        out: &mut Vec<&'s Leaf<'s>>,
    ) {
        if depth > MAX_DEPTH {
            return;
        }
        out.extend(self.leaves.content[n].iter());
        for &child in &self.tree.nodes[n].children {
            self.subtree_leaves(child, depth + 1, out);
        }
    }

    /// The text of a heading, joined from its runs (lines joined by a space,
    /// soft hyphens at line ends removed).
    fn title(&self, n: NodeId) -> String {
        let mut leaves = Vec::new();
        self.subtree_leaves(n, 0, &mut leaves);
        leaves.sort_by_key(|l| l.seq);
        let mut title = String::new();
        let mut prev: Option<(usize, f32)> = None;
        for leaf in leaves {
            let Some((text, baseline)) = leaf.text else { continue };
            let same_line =
                prev.is_some_and(|(p, y)| p == leaf.page && (y - baseline).abs() < 0.5);
            if prev.is_some() && !same_line {
                if title.ends_with('\u{AD}') {
                    title.pop();
                } else if !title.ends_with(['-', ' ']) && !text.starts_with(' ') {
                    title.push(' ');
                }
            }
            title.push_str(text);
            prev = Some((leaf.page, baseline));
        }
        title.retain(|c| c != '\u{AD}');
        title.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The bounding box of a figure, when all its content is on one page.
    fn bbox(&self, n: NodeId) -> Option<BBox> {
        let mut leaves = Vec::new();
        self.subtree_leaves(n, 0, &mut leaves);
        let page = leaves.first()?.page;
        if leaves.iter().any(|l| l.page != page) {
            return None;
        }
        let r = crate::layout::union(leaves.iter().map(|l| l.bbox));
        KRect::from_xywh(r.x, r.y, r.w, r.h).map(|rect| BBox::new(page, rect))
    }
}
