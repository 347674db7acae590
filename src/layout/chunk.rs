//! Chunks: unbreakable slices of the flow (a line, a picture, a table row)
//! with the rules that tie them together, and the chunker that makes them.

use std::collections::BTreeMap;

use super::hyphen::Hyphenator;
use super::page::{Item, Link, LinkDest, Mark, NodeId, Placed, Rect, Role, StructTree};
use super::style::{Theme, MM};
use super::text::{layout_text, BaseStyle, Lines};
use crate::model::{Diagnostic, Inline, Lang, LinkTarget};
use crate::msg;

/// A callout box that frames a run of chunks, also across a page break.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FrameStyle {
    /// Which box (one id per callout).
    pub id: usize,
    /// Border and background style index (see `blocks::callout_look`).
    pub look: usize,
}

/// An unbreakable piece of the flow, positioned relative to its own top.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Chunk {
    /// Height of the content.
    pub height: f32,
    /// Space above, dropped at the top of a page.
    pub space_before: f32,
    /// Items; x is absolute on the page, y relative to the chunk's top.
    pub items: Vec<Placed>,
    /// Links, positioned like `items`.
    pub links: Vec<Link>,
    /// Must stay on the same page as the next chunk.
    pub keep_with_next: bool,
    /// Start a new page before this chunk.
    pub break_before: bool,
    /// The callout box this chunk is framed by.
    pub frame: Option<FrameStyle>,
    /// Index (into the flow's header store) of a table header to repeat above
    /// this chunk when it starts a page.
    pub repeat_header: Option<usize>,
    /// A bookmark to this chunk: title and level.
    pub bookmark: Option<(String, u8)>,
    /// A guide this chunk starts (pack cross-references land here).
    pub anchor: Option<String>,
    /// Lines of content it counts for in the rule that no page holds fewer
    /// than [`super::paginate::MIN_PAGE_LINES`]; `None`: its height in body
    /// lines (pictures, QR codes).
    pub lines: Option<u16>,
    /// A picture that may be drawn smaller, down to this height, so that a
    /// page is not left more than a third empty (see [`Chunk::scale_picture`]).
    pub min_height: Option<f32>,
}

impl Chunk {
    /// Moves everything down by `dy`.
    pub fn shift(&mut self, dy: f32) {
        for p in &mut self.items {
            shift_item(&mut p.item, dy);
        }
        for l in &mut self.links {
            l.rect.y += dy;
        }
    }

    /// Draws the chunk's picture and its frame at `scale` of their size,
    /// centred where they were; the chunk gets shorter by as much.
    pub fn scale_picture(&mut self, scale: f32) {
        for p in &mut self.items {
            if let Item::Image { rect, .. } | Item::Frame { rect, .. } = &mut p.item {
                let w = rect.w * scale;
                rect.x += (rect.w - w) / 2.0;
                rect.w = w;
                rect.y *= scale;
                rect.h *= scale;
            }
        }
        self.height *= scale;
    }
}

/// Moves an item down by `dy`.
pub fn shift_item(item: &mut Item, dy: f32) {
    match item {
        Item::Text(t) => t.y += dy,
        Item::Fill { rects, .. } => rects.iter_mut().for_each(|r| r.y += dy),
        Item::Line { y1, y2, .. } => {
            *y1 += dy;
            *y2 += dy;
        }
        Item::Frame { rect, .. } | Item::Image { rect, .. } => rect.y += dy,
    }
}

/// How `guide:` references become links.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum GuideLinks {
    /// `<id>.pdf` next to this file.
    #[default]
    Relative,
    /// `<base_url>pdf/<id>.pdf`, where `guidepress site` publishes it.
    Base(String),
    /// Inside the same document, to the page where that guide starts; the
    /// label is followed by the page number (print pack).
    Pages(std::collections::BTreeMap<String, (usize, usize)>),
}

/// Makes the chunks of one document: the state everything that lays out
/// its text and blocks shares.
pub struct Chunker<'a> {
    /// Sizes and colours.
    pub theme: &'a Theme,
    /// Language of the guide.
    pub lang: Lang,
    /// The structure tree being built.
    pub tree: StructTree,
    /// Warnings (characters no font has, …).
    pub warnings: Vec<Diagnostic>,
    /// The guide file, for warnings.
    pub file: std::path::PathBuf,
    /// How `guide:` links resolve.
    pub guide_links: &'a GuideLinks,
    /// Table headers to repeat after a page break (see [`Chunk::repeat_header`]).
    pub headers: Vec<Chunk>,
    /// When set, external links get a numbered note (printed editions):
    /// the distinct URLs in order of first use.
    pub notes: Option<Vec<String>>,
    /// Where the web copies live (the collection's `base_url`): the fallback
    /// for attachments and for guides outside a pack.
    pub base_url: Option<String>,
    /// The collection's own hyphenation of some words (see [`Hyphenator`]).
    pub hyphenation: &'a BTreeMap<String, Vec<usize>>,
    /// JSON path of what is being laid out (e.g. `body[3]`), for warnings.
    pub path: String,
    /// Words cut without a hyphen: the JSON path, the word, the narrowest
    /// line it met (see [`Writer::finish`]).
    pub forced: Vec<(String, String, f32)>,
}

impl Chunker<'_> {
    /// Resolves an inline link target to a destination.
    pub fn dest(&self, target: &LinkTarget) -> LinkDest {
        match target {
            LinkTarget::Url(u) | LinkTarget::Mail(u) => LinkDest::Uri(u.clone()),
            LinkTarget::Guide(id) => match self.guide_links {
                GuideLinks::Relative => LinkDest::Uri(format!("{id}.pdf")),
                // Web copies live in `pdf/` under the base URL (see `guidepress site`).
                GuideLinks::Base(base) => LinkDest::Uri(format!("{base}pdf/{id}.pdf")),
                GuideLinks::Pages(map) => match (map.get(id), &self.base_url) {
                    (Some(&(page, _)), _) => LinkDest::Page { page, y: 0 },
                    // A guide left out of the pack: its web copy.
                    (None, Some(base)) => LinkDest::Uri(format!("{base}pdf/{id}.pdf")),
                    (None, None) => LinkDest::Uri(format!("{id}.pdf")),
                },
            },
        }
    }

    /// How this document's words are hyphenated.
    pub fn hyphenator(&self) -> Hyphenator<'_> {
        Hyphenator { lang: self.lang, exceptions: self.hyphenation }
    }

    /// Lays out `inline` as lines at `x`, `width` wide, one chunk per line,
    /// tagged under `node`. Links become `Link` nodes and underlined areas.
    pub fn text(
        &mut self,
        inline: &Inline,
        style: &BaseStyle,
        x: f32,
        width: f32,
        node: Option<NodeId>,
    ) -> Vec<Chunk> {
        let inline = self.with_note_marks(&self.with_page_refs(&mail_addresses(inline)));
        let hy = self.hyphenator();
        let lines = layout_text(&inline, style, &hy, width);
        self.report_missing(&lines);
        self.report_forced(&lines, width);
        let labels = link_labels(&inline);
        let link_nodes: Vec<Option<NodeId>> = lines
            .links
            .iter()
            .map(|_| node.map(|n| self.tree.add(n, Role::Link)))
            .collect();
        let ascent = style.size * 0.78 + (style.line_height - style.size) / 2.0;
        let mut chunks = Vec::new();
        for line in &lines.lines {
            let mut chunk =
                Chunk { height: style.line_height, lines: Some(1), ..Chunk::default() };
            let mut link_spans: Vec<(usize, f32, f32)> = Vec::new();
            for frag in &line.fragments {
                let mut run = frag.run.clone();
                run.x += x;
                run.y = ascent;
                let mark = match (frag.link.and_then(|l| link_nodes[l]), node) {
                    (Some(ln), _) => Mark::Node(ln),
                    (None, Some(n)) => Mark::Node(n),
                    (None, None) => Mark::Artifact,
                };
                if let Some(l) = frag.link {
                    let (x0, x1) = (run.x, run.x + run.width);
                    match link_spans.iter_mut().find(|s| s.0 == l) {
                        Some(s) => s.2 = x1.max(s.2),
                        None => link_spans.push((l, x0, x1)),
                    }
                }
                chunk.items.push(Placed { item: Item::Text(run), mark });
            }
            for (l, x0, x1) in link_spans {
                if x1 <= x0 {
                    continue;
                }
                let uy = ascent + style.size * 0.12;
                chunk.items.push(Placed {
                    item: Item::Line {
                        x1: x0,
                        y1: uy,
                        x2: x1,
                        y2: uy,
                        width: (style.size * 0.06).max(0.4),
                        color: style.link_color,
                        dash: None,
                    },
                    mark: Mark::Artifact,
                });
                if let Some(ln) = link_nodes[l] {
                    chunk.links.push(Link {
                        rect: Rect { x: x0, y: 0.0, w: x1 - x0, h: style.line_height },
                        dest: self.dest(&lines.links[l]),
                        node: ln,
                        alt: link_alt(&lines.links[l], &labels[l]),
                    });
                }
            }
            chunks.push(chunk);
        }
        chunks
    }

    /// In the print pack, a guide reference's label is followed by its page.
    fn with_page_refs(&self, inline: &Inline) -> Inline {
        let GuideLinks::Pages(map) = self.guide_links else { return inline.clone() };
        let mut out = Inline::default();
        for span in &inline.spans {
            out.spans.push(span.clone());
            if let Some(LinkTarget::Guide(id)) = &span.link {
                if let Some(&(_, number)) = map.get(id) {
                    let label = match self.lang {
                        Lang::Fr => format!("\u{a0}(voir\u{a0}p.\u{a0}{number})"),
                        Lang::En => format!("\u{a0}(see\u{a0}p.\u{a0}{number})"),
                    };
                    let mut s = span.clone();
                    s.text = label;
                    out.spans.push(s);
                }
            }
        }
        out
    }

    /// On paper, each external link is followed by the number of its note
    /// (`[1]`), which the "links of this sheet" box resolves with a QR code.
    fn with_note_marks(&mut self, inline: &Inline) -> Inline {
        let Some(notes) = self.notes.as_mut() else { return inline.clone() };
        let mut out = Inline::default();
        for (i, span) in inline.spans.iter().enumerate() {
            out.spans.push(span.clone());
            let url = match &span.link {
                Some(LinkTarget::Url(u)) | Some(LinkTarget::Mail(u)) => u,
                _ => continue,
            };
            if inline.spans.get(i + 1).is_some_and(|n| n.link == span.link) {
                continue; // mark once, after the link's last span
            }
            let n = match notes.iter().position(|x| x == url) {
                Some(p) => p + 1,
                None => {
                    notes.push(url.clone());
                    notes.len()
                }
            };
            let mut mark = span.clone();
            mark.text = format!("\u{a0}[{n}]");
            mark.style.code = false;
            out.spans.push(mark);
        }
        out
    }

    fn report_missing(&mut self, lines: &Lines) {
        for c in &lines.missing {
            let msg = msg!(
                "missing-glyph",
                char = format!("{c:?}"),
                code = format!("U+{:04X}", *c as u32)
            );
            if !self.warnings.iter().any(|w| w.message == msg) {
                self.warnings.push(
                    Diagnostic::warning("missing-glyph", &self.file, msg)
                        .help(msg!("missing-glyph-help")),
                );
            }
        }
    }

    /// Words wider than their line, cut without a hyphen: noted, to be
    /// reported once per block by [`Writer::finish`].
    fn report_forced(&mut self, lines: &Lines, width: f32) {
        for word in &lines.forced {
            match self.forced.iter_mut().find(|f| f.0 == self.path && &f.1 == word) {
                Some(f) => f.2 = f.2.min(width),
                None => self.forced.push((self.path.clone(), word.clone(), width)),
            }
        }
    }

    /// The warnings of everything written: missing characters, and for
    /// each block with words cut without a hyphen, one warning naming them.
    pub fn finish(&mut self) -> Vec<Diagnostic> {
        let mut out = std::mem::take(&mut self.warnings);
        let forced = std::mem::take(&mut self.forced);
        let mut paths: Vec<&str> = Vec::new();
        for (path, ..) in &forced {
            if !paths.contains(&path.as_str()) {
                paths.push(path);
            }
        }
        for path in paths {
            let here: Vec<&(String, String, f32)> =
                forced.iter().filter(|f| f.0 == path).collect();
            let narrowest = here.iter().map(|f| f.2).fold(f32::INFINITY, f32::min);
            let quote = |w: &str| {
                let shown: String = w.chars().take(40).collect();
                let more = if shown.len() < w.len() { "…" } else { "" };
                format!("\"{shown}{more}\"")
            };
            let words: Vec<String> = here.iter().take(4).map(|f| quote(&f.1)).collect();
            let message = msg!(
                "forced-break",
                count = here.len(),
                words = words.join(", "),
                more = here.len().saturating_sub(4),
                mm = format!("{:.0}", narrowest / MM)
            );
            out.push(
                Diagnostic::warning("forced-break", &self.file, message)
                    .at(path)
                    .help(msg!("forced-break-help")),
            );
        }
        out
    }
}

/// `inline` with every written-out `mailto:` link (`<mailto:…>`) shown as
/// the address a reader types, without the scheme and the query.
fn mail_addresses(inline: &Inline) -> Inline {
    let mut out = inline.clone();
    for s in &mut out.spans {
        if let Some(LinkTarget::Mail(url)) = &s.link {
            if &s.text == url {
                s.text = super::address::display_url(url);
            }
        }
    }
    out
}

/// The label of each link of `inline`, indexed as [`Lines::links`] is:
/// neighbouring spans of one link share it.
fn link_labels(inline: &Inline) -> Vec<String> {
    let mut labels: Vec<String> = Vec::new();
    let mut last: Option<&LinkTarget> = None;
    for s in &inline.spans {
        let Some(l) = &s.link else { continue };
        if last == Some(l) {
            if let Some(label) = labels.last_mut() {
                label.push_str(&s.text);
            }
        } else {
            labels.push(s.text.clone());
            last = Some(l);
        }
    }
    labels
}

/// The text a screen reader announces for a link: its label and where it goes.
fn link_alt(target: &LinkTarget, label: &str) -> String {
    let to = match target {
        LinkTarget::Url(u) | LinkTarget::Mail(u) => u.clone(),
        LinkTarget::Guide(id) => format!("guide {id}"),
    };
    if label.trim().is_empty() || label == to {
        to
    } else {
        format!("{} ({to})", label.trim())
    }
}
