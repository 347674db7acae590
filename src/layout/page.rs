//! The page description: laid-out pages of positioned items, free of any PDF backend.
//!
//! Coordinates are PostScript points, origin at the page's top-left corner,
//! y growing downwards. Imposition, thumbnails and the PDF writer all read this.

use crate::model::{ImageData, Lang};

/// An RGB colour, components 0–255.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Black.
    pub const BLACK: Rgb = Rgb(0, 0, 0);
    /// White.
    pub const WHITE: Rgb = Rgb(255, 255, 255);
}

/// An axis-aligned rectangle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width (≥ 0).
    pub w: f32,
    /// Height (≥ 0).
    pub h: f32,
}

impl Rect {
    /// Right edge.
    pub fn right(&self) -> f32 {
        self.x + self.w
    }
    /// Bottom edge.
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }
    /// Whether the two rectangles share some area (touching edges do not count).
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.right() - 0.01
            && o.x < self.right() - 0.01
            && self.y < o.bottom() - 0.01
            && o.y < self.bottom() - 0.01
    }
    /// Whether `o` lies inside this rectangle (with a small tolerance).
    pub fn contains(&self, o: &Rect) -> bool {
        o.x >= self.x - 0.01
            && o.y >= self.y - 0.01
            && o.right() <= self.right() + 0.01
            && o.bottom() <= self.bottom() + 0.01
    }
}

/// Which bundled font a run uses; index into [`crate::layout::fonts::FontBook`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FontId {
    /// Body regular.
    Regular,
    /// Body bold.
    Bold,
    /// Body italic.
    Italic,
    /// Body bold italic.
    BoldItalic,
    /// Monospace for `code`.
    Mono,
    /// Symbol fallback.
    Symbols,
}

impl FontId {
    /// Every font, in a fixed order.
    pub const ALL: [FontId; 6] = [
        FontId::Regular,
        FontId::Bold,
        FontId::Italic,
        FontId::BoldItalic,
        FontId::Mono,
        FontId::Symbols,
    ];
}

/// One positioned glyph of a text run.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Glyph id in the run's font.
    pub id: u16,
    /// Advance, in points at the run's size.
    pub x_advance: f32,
    /// Horizontal offset from the pen position, in points.
    pub x_offset: f32,
    /// Vertical offset (positive = up, as in fonts), in points.
    pub y_offset: f32,
    /// Byte range in the run's `text` this glyph stands for.
    pub range: std::ops::Range<usize>,
}

/// A run of glyphs in one font, size and colour, on one baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// Pen position at the start of the baseline.
    pub x: f32,
    /// Baseline.
    pub y: f32,
    /// The font.
    pub font: FontId,
    /// Size in points.
    pub size: f32,
    /// Fill colour.
    pub color: Rgb,
    /// The glyphs, in visual (= logical, left-to-right) order.
    pub glyphs: Vec<Glyph>,
    /// The text the glyphs stand for (what copy-paste and screen readers get).
    pub text: String,
    /// Total advance width.
    pub width: f32,
    /// What the run reads as, when text extraction and screen readers
    /// should get something else than its glyphs' text (the PDF's
    /// `ActualText`): a key combination drawn as keycaps reads
    /// `Ctrl+Maj+Suppr` without the gaps of the keycaps, a menu path's " › "
    /// reads ", puis ".
    pub actual: Option<String>,
}

/// One element of a vector outline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PathEl {
    /// Starts a new sub-path at a point.
    Move(f32, f32),
    /// A straight line to a point.
    Line(f32, f32),
    /// A cubic Bézier curve: two control points, then the end point.
    Cubic(f32, f32, f32, f32, f32, f32),
    /// Closes the sub-path.
    Close,
}

impl PathEl {
    /// The points of the element (end and control points).
    fn points(&self) -> Vec<(f32, f32)> {
        match *self {
            PathEl::Move(x, y) | PathEl::Line(x, y) => vec![(x, y)],
            PathEl::Cubic(a, b, c, d, e, f) => vec![(a, b), (c, d), (e, f)],
            PathEl::Close => vec![],
        }
    }

    /// The element moved by (`dx`, `dy`).
    pub fn moved(self, dx: f32, dy: f32) -> PathEl {
        match self {
            PathEl::Move(x, y) => PathEl::Move(x + dx, y + dy),
            PathEl::Line(x, y) => PathEl::Line(x + dx, y + dy),
            PathEl::Cubic(a, b, c, d, e, f) => {
                PathEl::Cubic(a + dx, b + dy, c + dx, d + dy, e + dx, f + dy)
            }
            PathEl::Close => PathEl::Close,
        }
    }
}

/// How a vector outline's edge is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pen {
    /// Line width in points.
    pub width: f32,
    /// Colour.
    pub color: Rgb,
}

/// The outline of a circle of radius `r` centred on (`cx`, `cy`).
pub fn circle(cx: f32, cy: f32, r: f32) -> Vec<PathEl> {
    // Four cubic arcs; 0.5523 puts their midpoints on the circle.
    let k = r * 0.552_284_8;
    vec![
        PathEl::Move(cx + r, cy),
        PathEl::Cubic(cx + r, cy + k, cx + k, cy + r, cx, cy + r),
        PathEl::Cubic(cx - k, cy + r, cx - r, cy + k, cx - r, cy),
        PathEl::Cubic(cx - r, cy - k, cx - k, cy - r, cx, cy - r),
        PathEl::Cubic(cx + k, cy - r, cx + r, cy - k, cx + r, cy),
        PathEl::Close,
    ]
}

/// The outline of `rect` with corners rounded to `radius`.
pub fn rounded_rect(rect: Rect, radius: f32) -> Vec<PathEl> {
    let r = radius.min(rect.w / 2.0).min(rect.h / 2.0).max(0.0);
    let k = r * (1.0 - 0.552_284_8);
    let (x0, y0, x1, y1) = (rect.x, rect.y, rect.right(), rect.bottom());
    vec![
        PathEl::Move(x0 + r, y0),
        PathEl::Line(x1 - r, y0),
        PathEl::Cubic(x1 - k, y0, x1, y0 + k, x1, y0 + r),
        PathEl::Line(x1, y1 - r),
        PathEl::Cubic(x1, y1 - k, x1 - k, y1, x1 - r, y1),
        PathEl::Line(x0 + r, y1),
        PathEl::Cubic(x0 + k, y1, x0, y1 - k, x0, y1 - r),
        PathEl::Line(x0, y0 + r),
        PathEl::Cubic(x0, y0 + k, x0 + k, y0, x0 + r, y0),
        PathEl::Close,
    ]
}

/// What a link points to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LinkDest {
    /// An external URL (`https:`, `http:`, `mailto:`).
    Uri(String),
    /// A position in this same document: page index (0-based) and y from top.
    Page { page: usize, y: i32 },
}

/// One thing drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Text.
    Text(TextRun),
    /// A filled rectangle, or a set of them (QR modules).
    Fill { rects: Vec<Rect>, color: Rgb },
    /// A stroked line segment.
    Line { x1: f32, y1: f32, x2: f32, y2: f32, width: f32, color: Rgb, dash: Option<f32> },
    /// A stroked rectangle outline.
    Frame { rect: Rect, width: f32, color: Rgb, dash: Option<f32> },
    /// A picture scaled into `rect`.
    Image { rect: Rect, image: ImageData },
    /// A vector outline, filled and/or stroked (keycaps, markers, arrows).
    Path { path: Vec<PathEl>, fill: Option<Rgb>, stroke: Option<Pen> },
}

impl Item {
    /// Moves the item right by `dx` and down by `dy`.
    pub fn translate(&mut self, dx: f32, dy: f32) {
        let mv = |r: &mut Rect| {
            r.x += dx;
            r.y += dy;
        };
        match self {
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
            Item::Path { path, .. } => path.iter_mut().for_each(|e| *e = e.moved(dx, dy)),
        }
    }

    /// The area the item covers.
    pub fn bbox(&self) -> Rect {
        match self {
            Item::Text(t) => {
                Rect { x: t.x, y: t.y - t.size * 0.8, w: t.width, h: t.size }
            }
            Item::Fill { rects, .. } => union(rects.iter().copied()),
            Item::Line { x1, y1, x2, y2, width, .. } => {
                let h = width / 2.0;
                Rect {
                    x: x1.min(*x2) - if y1 == y2 { 0.0 } else { h },
                    y: y1.min(*y2) - if x1 == x2 { 0.0 } else { h },
                    w: (x2 - x1).abs() + if y1 == y2 { 0.0 } else { *width },
                    h: (y2 - y1).abs() + if x1 == x2 { 0.0 } else { *width },
                }
            }
            Item::Frame { rect, .. } => *rect,
            Item::Image { rect, .. } => *rect,
            Item::Path { path, stroke, .. } => {
                let points = path.iter().flat_map(PathEl::points);
                let r = union(points.map(|(x, y)| Rect { x, y, w: 0.0, h: 0.0 }));
                let half = stroke.map_or(0.0, |p| p.width / 2.0);
                Rect {
                    x: r.x - half,
                    y: r.y - half,
                    w: r.w + 2.0 * half,
                    h: r.h + 2.0 * half,
                }
            }
        }
    }
}

/// The smallest rectangle containing all given ones.
pub fn union(rects: impl IntoIterator<Item = Rect>) -> Rect {
    let mut it = rects.into_iter();
    let Some(first) = it.next() else { return Rect { x: 0.0, y: 0.0, w: 0.0, h: 0.0 } };
    let (mut x0, mut y0, mut x1, mut y1) =
        (first.x, first.y, first.right(), first.bottom());
    for r in it {
        x0 = x0.min(r.x);
        y0 = y0.min(r.y);
        x1 = x1.max(r.right());
        y1 = y1.max(r.bottom());
    }
    Rect { x: x0, y: y0, w: x1 - x0, h: y1 - y0 }
}

/// Index of a node in a document's [`StructTree`].
pub type NodeId = usize;

/// How an item takes part in the logical structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    /// Decoration or running header/footer: not read aloud.
    Artifact,
    /// Content of the given structure node.
    Node(NodeId),
}

/// A positioned item with its place in the structure.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// What to draw.
    pub item: Item,
    /// Its structure node, or artifact.
    pub mark: Mark,
}

impl Placed {
    /// A horizontal rule from (`x`, `y`), `length` long: a decoration,
    /// marked as artifact.
    pub fn rule(x: f32, y: f32, length: f32, width: f32, color: Rgb) -> Placed {
        Placed {
            item: Item::Line {
                x1: x,
                y1: y,
                x2: x + length,
                y2: y,
                width,
                color,
                dash: None,
            },
            mark: Mark::Artifact,
        }
    }
}

/// A clickable area.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// The area (one per line when a link wraps).
    pub rect: Rect,
    /// Where it goes.
    pub dest: LinkDest,
    /// The `Link` structure node this annotation belongs to.
    pub node: NodeId,
    /// Text describing the link (for the annotation's `/Contents`).
    pub alt: String,
}

/// One laid-out page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// The area body content must stay inside (margins excluded).
    pub content_box: Rect,
    /// Items in drawing (and reading) order.
    pub items: Vec<Placed>,
    /// Link annotations.
    pub links: Vec<Link>,
}

/// Role of a structure node (maps to PDF structure types).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Role {
    /// The whole document body.
    Document,
    /// A heading, level 1–6 (the title is level 1, sections shift down one).
    Heading(u8),
    /// A paragraph.
    Paragraph,
    /// A list (`ordered` picks numbering).
    List { ordered: bool },
    /// A list numbered with letters: a step's sub-steps.
    LetteredList,
    /// A list item.
    ListItem,
    /// The bullet or number of a list item.
    Label,
    /// The content of a list item.
    ListBody,
    /// A figure with its alternative text.
    Figure { alt: String },
    /// A caption.
    Caption,
    /// A table.
    Table,
    /// A table row.
    TableRow,
    /// A header cell.
    TableHeader,
    /// A data cell.
    TableCell,
    /// A link (holds text and the annotation).
    Link,
    /// A section or boxed group (callout, header block).
    Section,
    /// A note or aside.
    Note,
}

/// One node of the logical structure tree.
#[derive(Debug, Clone, PartialEq)]
pub struct StructNode {
    /// What it is.
    pub role: Role,
    /// Parent node; `None` only for the root.
    pub parent: Option<NodeId>,
    /// Child nodes, in reading order.
    pub children: Vec<NodeId>,
    /// The language of this subtree when it differs from its parent's
    /// (a guide in English inside a French pack); `None`: inherited.
    pub lang: Option<Lang>,
}

/// The logical structure of a document: node 0 is the root.
#[derive(Debug, Clone, PartialEq)]
pub struct StructTree {
    /// All nodes; index = [`NodeId`].
    pub nodes: Vec<StructNode>,
}

impl Default for StructTree {
    fn default() -> Self {
        StructTree {
            nodes: vec![StructNode {
                role: Role::Document,
                parent: None,
                children: vec![],
                lang: None,
            }],
        }
    }
}

impl StructTree {
    /// The root node's id.
    pub const ROOT: NodeId = 0;

    /// Adds a child node under `parent` and returns its id.
    pub fn add(&mut self, parent: NodeId, role: Role) -> NodeId {
        let id = self.nodes.len();
        let node =
            StructNode { role, parent: Some(parent), children: vec![], lang: None };
        self.nodes.push(node);
        self.nodes[parent].children.push(id);
        id
    }
}

/// A bookmark.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    /// Shown in the viewer's sidebar.
    pub title: String,
    /// Page index (0-based).
    pub page: usize,
    /// Position from the top of that page.
    pub y: f32,
    /// Nesting level, 1-based.
    pub level: u8,
}

/// Document-level metadata.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    /// Title (shown in the viewer's title bar).
    pub title: String,
    /// Author.
    pub author: Option<String>,
    /// Subject (the description).
    pub subject: Option<String>,
    /// Keywords.
    pub keywords: Vec<String>,
    /// Language.
    pub lang: Lang,
    /// Creation date (from `published`, else `updated`).
    pub created: Option<crate::model::Date>,
    /// Modification date (from `updated`, else `published`).
    pub modified: Option<crate::model::Date>,
}

/// A laid-out document: what the PDF writer turns into bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The pages.
    pub pages: Vec<Page>,
    /// Logical structure (for tagged PDF).
    pub structure: StructTree,
    /// Bookmarks.
    pub outline: Vec<OutlineEntry>,
    /// Metadata.
    pub meta: Meta,
}
