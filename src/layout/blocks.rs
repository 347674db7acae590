//! Blocks become chunks: headings, paragraphs, lists, steps, callouts,
//! figures, tables, attachments and QR codes.

use super::chunk::{Chunk, Chunker, FrameStyle};
use super::page::{Item, Mark, NodeId, Placed, Rect, Rgb, Role};
use super::style::{ACCENT, MM};
use super::text::{content_widths, BaseStyle, ContentWidths, Hyphens};
use crate::model::labels;
use crate::model::{
    Block, CalloutKind, Figure, Inline, LinkTarget, ListItem, Span, Step, TextStyle,
};

/// Chains chunks so they stay on one page (all but the last keep with the next).
pub fn keep_together(chunks: &mut [Chunk]) {
    let n = chunks.len();
    for c in chunks.iter_mut().take(n.saturating_sub(1)) {
        c.keep_with_next = true;
    }
}

/// No single line of a paragraph alone at the foot or head of a page.
fn widows_and_orphans(chunks: &mut [Chunk]) {
    let n = chunks.len();
    if n <= 3 {
        keep_together(chunks);
    } else {
        chunks[0].keep_with_next = true;
        chunks[n - 2].keep_with_next = true;
    }
}

impl Chunker<'_> {
    /// Lays out one block of the body under `parent`, at `x`, `width` wide.
    pub fn block(
        &mut self,
        block: &Block,
        parent: NodeId,
        x: f32,
        width: f32,
    ) -> Vec<Chunk> {
        let gap = self.theme.gap;
        let mut chunks = match block {
            Block::Heading { text, level } => {
                self.heading(text, *level, parent, x, width)
            }
            Block::Paragraph { text } => {
                let node = self.tree.add(parent, Role::Paragraph);
                let body = self.theme.body;
                let mut c = self.text(text, &body, x, width, Some(node));
                widows_and_orphans(&mut c);
                c
            }
            Block::List { items, ordered } => {
                self.list(items, *ordered, 0, parent, x, width)
            }
            Block::Steps { items } => self.steps(items, parent, x, width),
            Block::Callout { kind, title, text } => {
                self.callout(*kind, title.as_ref(), text, parent, x, width)
            }
            Block::Image(fig) => self.figure(fig, parent, x, width),
            Block::Table { header, rows } => {
                self.table(header.as_deref(), rows, parent, x, width)
            }
            Block::Attachment { href, label, local } => {
                let node = self.tree.add(parent, Role::Paragraph);
                let target = match local {
                    // The web copy when the collection has a base URL (a
                    // relative path is useless on paper), else the project path.
                    Some(f) => match (self.guide_links, &self.base_url) {
                        (super::chunk::GuideLinks::Base(b), _) => {
                            format!("{b}{}", f.site_path())
                        }
                        (super::chunk::GuideLinks::Relative, _) => f.rel_path.clone(),
                        (_, Some(b)) => format!("{b}{}", f.site_path()),
                        (_, None) => f.rel_path.clone(),
                    },
                    None => href.clone(),
                };
                let mut inline = Inline::plain("\u{2b07} ");
                for s in &label.spans {
                    inline.spans.push(Span {
                        link: Some(LinkTarget::Url(target.clone())),
                        ..s.clone()
                    });
                }
                if let Some(f) = local {
                    inline.spans.push(Span {
                        text: format!(
                            " {}",
                            labels::attachment(&f.kind, f.bytes, self.lang)
                        ),
                        style: TextStyle::default(),
                        link: None,
                    });
                }
                let body = self.theme.body;
                let mut c = self.text(&inline, &body, x, width, Some(node));
                keep_together(&mut c);
                c
            }
            Block::Qr { url, caption } => {
                self.qr(url, caption.as_ref(), parent, x, width)
            }
            Block::PageBreak => vec![Chunk { break_before: true, ..Chunk::default() }],
        };
        if let Some(first) = chunks.first_mut() {
            first.space_before = first.space_before.max(gap);
        }
        chunks
    }

    fn heading(
        &mut self,
        text: &Inline,
        level: u8,
        parent: NodeId,
        x: f32,
        width: f32,
    ) -> Vec<Chunk> {
        let lvl = level.clamp(1, 3);
        let style = self.theme.headings[usize::from(lvl - 1)];
        // The sheet title is H1; section headings start at H2. A heading that
        // skips a level (a level 3 right after the title) keeps its look but
        // is tagged one level below the previous heading, as PDF/UA requires.
        let previous = self
            .tree
            .nodes
            .iter()
            .rev()
            .find_map(|n| match n.role {
                Role::Heading(l) => Some(l),
                _ => None,
            })
            .unwrap_or(0);
        let node = self.tree.add(parent, Role::Heading((lvl + 1).min(previous + 1)));
        let mut chunks = self.text(text, &style, x, width, Some(node));
        for c in &mut chunks {
            c.keep_with_next = true;
        }
        if let Some(first) = chunks.first_mut() {
            first.space_before = self.theme.gap * if lvl == 1 { 1.9 } else { 1.4 };
            if lvl == 1 {
                first.bookmark = Some((text.plain_text().replace('\n', " "), 1));
            }
        }
        if lvl == 1 {
            // A rule under level-1 headings structures the sheet in grey scale too.
            if let Some(last) = chunks.last_mut() {
                let y = last.height + 1.5;
                last.items.push(Placed::rule(x, y, width, 0.8, ACCENT));
                last.height += 3.0;
            }
        }
        chunks
    }

    fn label_run(
        &mut self,
        label: &str,
        style: &BaseStyle,
        x: f32,
        node: NodeId,
    ) -> Placed {
        let lines =
            super::text::layout_inline(&Inline::plain(label), style, self.lang, 1000.0);
        let ascent = style.size * 0.78 + (style.line_height - style.size) / 2.0;
        let mut run = lines.lines[0].fragments[0].run.clone();
        run.x = x - run.width;
        run.y = ascent;
        Placed { item: Item::Text(run), mark: Mark::Node(node) }
    }

    fn list(
        &mut self,
        items: &[ListItem],
        ordered: bool,
        depth: usize,
        parent: NodeId,
        x: f32,
        width: f32,
    ) -> Vec<Chunk> {
        let list = self.tree.add(parent, Role::List { ordered });
        let indent = self.theme.indent;
        let body = self.theme.body;
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let li = self.tree.add(list, Role::ListItem);
            let lbl = self.tree.add(li, Role::Label);
            let label = if ordered {
                match depth {
                    0 => format!("{}.", i + 1),
                    1 => format!("{}.", char::from(b'a' + (i % 26) as u8)),
                    _ => format!("{}.", roman(i + 1)),
                }
            } else {
                ["•", "–", "◦"][depth.min(2)].to_string()
            };
            let label_item =
                self.label_run(&label, &body, x + indent - body.size * 0.45, lbl);
            let lbody = self.tree.add(li, Role::ListBody);
            let mut chunks =
                self.text(&item.text, &body, x + indent, width - indent, Some(lbody));
            widows_and_orphans(&mut chunks);
            if let Some(first) = chunks.first_mut() {
                first.items.insert(0, label_item);
                first.space_before = body.size * 0.3;
            }
            if !item.items.is_empty() {
                let nested = self.list(
                    &item.items,
                    ordered,
                    depth + 1,
                    lbody,
                    x + indent,
                    width - indent,
                );
                if let Some(last) = chunks.last_mut() {
                    last.keep_with_next = true;
                }
                chunks.extend(nested);
            }
            out.extend(chunks);
        }
        out
    }

    fn steps(
        &mut self,
        items: &[Step],
        parent: NodeId,
        x: f32,
        width: f32,
    ) -> Vec<Chunk> {
        let list = self.tree.add(parent, Role::List { ordered: true });
        let body = self.theme.body;
        let badge = body.size * 1.55;
        let indent = badge + body.size * 0.7;
        let mut out = Vec::new();
        for (i, step) in items.iter().enumerate() {
            let li = self.tree.add(list, Role::ListItem);
            let lbl = self.tree.add(li, Role::Label);
            let num_style = BaseStyle { bold: true, color: Rgb::WHITE, ..body };
            let mut num = self.label_run(&format!("{}", i + 1), &num_style, 0.0, lbl);
            let top = (body.line_height - badge) / 2.0;
            if let Item::Text(run) = &mut num.item {
                run.x = x + (badge - run.width) / 2.0;
                run.y = top + badge / 2.0 + body.size * 0.36;
            }
            let lbody = self.tree.add(li, Role::ListBody);
            let mut chunks =
                self.text(&step.text, &body, x + indent, width - indent, Some(lbody));
            if let Some(first) = chunks.first_mut() {
                first.items.insert(0, num);
                first.items.insert(
                    0,
                    Placed {
                        item: Item::Fill {
                            rects: vec![Rect { x, y: top, w: badge, h: badge }],
                            color: ACCENT,
                        },
                        mark: Mark::Artifact,
                    },
                );
                first.height = first.height.max(top + badge);
                first.space_before = body.size * 0.6;
            }
            widows_and_orphans(&mut chunks);
            if let Some(note) = &step.note {
                let style = BaseStyle {
                    italic: true,
                    size: body.size * 0.92,
                    line_height: body.line_height * 0.92,
                    ..body
                };
                let mut nc =
                    self.text(note, &style, x + indent, width - indent, Some(lbody));
                if let Some(last) = chunks.last_mut() {
                    last.keep_with_next = true;
                }
                if let Some(first) = nc.first_mut() {
                    first.space_before = body.size * 0.25;
                }
                widows_and_orphans(&mut nc);
                chunks.extend(nc);
            }
            if let Some(fig) = &step.image {
                // A step stays with its picture.
                if let Some(last) = chunks.last_mut() {
                    last.keep_with_next = true;
                }
                let mut fc = self.figure(fig, lbody, x + indent, width - indent);
                if let Some(first) = fc.first_mut() {
                    first.space_before = body.size * 0.5;
                }
                chunks.extend(fc);
            }
            out.extend(chunks);
        }
        out
    }

    fn callout(
        &mut self,
        kind: CalloutKind,
        title: Option<&Inline>,
        text: &Inline,
        parent: NodeId,
        x: f32,
        width: f32,
    ) -> Vec<Chunk> {
        let node = self.tree.add(parent, Role::Section);
        let pad = self.theme.pad;
        let bar = 4.0;
        let (ix, iw) = (x + pad + bar, width - 2.0 * pad - bar);
        let body = self.theme.body;
        let icon = labels::callout_icon(kind);
        let label = labels::callout(kind, self.lang);
        let mut head = Inline::plain(format!("{icon} {label}"));
        head.spans[0].style.bold = true;
        if let Some(t) = title {
            if !labels::title_repeats_label(&t.plain_text(), kind, self.lang) {
                let mut sep = labels::colon(self.lang).to_string();
                sep.push(' ');
                head.spans.push(Span {
                    text: sep,
                    style: TextStyle { bold: true, ..TextStyle::default() },
                    link: None,
                });
                for s in &t.spans {
                    let mut s = s.clone();
                    s.style.bold = true;
                    head.spans.push(s);
                }
                if let Some(last) = head.spans.last_mut() {
                    let kept =
                        last.text.trim_end().trim_end_matches(':').trim_end().len();
                    last.text.truncate(kept);
                }
            }
        }
        let p = self.tree.add(node, Role::Paragraph);
        let mut chunks = self.text(&head, &body, ix, iw, Some(p));
        keep_together(&mut chunks);
        let p2 = self.tree.add(node, Role::Paragraph);
        let mut rest = self.text(text, &body, ix, iw, Some(p2));
        widows_and_orphans(&mut rest);
        if let Some(last) = chunks.last_mut() {
            last.keep_with_next = true;
        }
        if let Some(first) = rest.first_mut() {
            first.space_before = body.size * 0.2;
        }
        chunks.extend(rest);
        let frame = FrameStyle { id: self.tree.nodes.len(), look: kind as usize };
        for c in &mut chunks {
            c.frame = Some(frame);
        }
        chunks
    }

    /// A figure: the picture (never split), scaled to fit, and its caption.
    pub fn figure(
        &mut self,
        fig: &Figure,
        parent: NodeId,
        x: f32,
        width: f32,
    ) -> Vec<Chunk> {
        let node = self.tree.add(parent, Role::Figure { alt: fig.alt.clone() });
        let (pw, ph) = (fig.image.width.max(1) as f32, fig.image.height.max(1) as f32);
        let natural = pw / 150.0 * 72.0;
        let mut w = match fig.width {
            Some(f) => width * f.clamp(0.01, 1.0),
            None => natural.min(width),
        };
        w *= self.theme.figure_scale;
        let max_h = self.max_figure_height();
        if w * ph / pw > max_h {
            w = max_h * pw / ph;
        }
        let h = w * ph / pw;
        let left = x + (width - w) / 2.0;
        let rect = Rect { x: left, y: 0.0, w, h };
        let min_height = Some(h * super::paginate::MIN_PICTURE_SCALE);
        let mut chunk = Chunk { height: h, min_height, ..Chunk::default() };
        chunk.items.push(Placed {
            item: Item::Image { rect, image: fig.image.clone() },
            mark: Mark::Node(node),
        });
        chunk.items.push(Placed {
            item: Item::Frame { rect, width: 0.5, color: super::style::RULE, dash: None },
            mark: Mark::Artifact,
        });
        let mut chunks = vec![chunk];
        if let Some(caption) = &fig.caption {
            let cap = self.tree.add(node, Role::Caption);
            let mut style = self.theme.small;
            style.italic = true;
            let cw = width.min(w.max(width * 0.6));
            let mut cc =
                self.text(caption, &style, x + (width - cw) / 2.0, cw, Some(cap));
            if let Some(first) = cc.first_mut() {
                first.space_before = style.size * 0.5;
            }
            chunks.extend(cc);
            keep_together(&mut chunks);
        }
        chunks
    }

    fn max_figure_height(&self) -> f32 {
        let t = self.theme;
        (t.page.1 - t.margin.0 - t.margin.2) * 0.62
    }

    fn qr(
        &mut self,
        url: &str,
        caption: Option<&Inline>,
        parent: NodeId,
        x: f32,
        width: f32,
    ) -> Vec<Chunk> {
        let alt = labels::qr_alt(url, self.lang);
        let node = self.tree.add(parent, Role::Figure { alt });
        let size = 30.0 * MM;
        let mut chunk = Chunk { height: size, ..Chunk::default() };
        chunk
            .items
            .push(Placed { item: qr_item(url, x, 0.0, size), mark: Mark::Node(node) });
        let tx = x + size + self.theme.pad;
        let tw = width - size - self.theme.pad;
        let mut inline = caption.cloned().unwrap_or_default();
        if !inline.spans.is_empty() {
            inline.spans.push(Span {
                text: "\n".into(),
                style: TextStyle::default(),
                link: None,
            });
        }
        inline.spans.push(Span {
            text: super::address::display_url(url),
            style: TextStyle { code: true, ..TextStyle::default() },
            link: Some(LinkTarget::Url(url.to_string())),
        });
        let cap = self.tree.add(node, Role::Caption);
        let body = self.theme.body;
        // The address is printed in full beside its own QR code: no note.
        let notes = self.notes.take();
        let lines = self.text(&inline, &body, tx, tw, Some(cap));
        self.notes = notes;
        let mut y = (size - lines.iter().map(|c| c.height).sum::<f32>()).max(0.0) / 2.0;
        for mut l in lines {
            l.shift(y);
            y += l.height;
            chunk.items.extend(l.items);
            chunk.links.extend(l.links);
        }
        chunk.height = chunk.height.max(y);
        vec![chunk]
    }

    fn table(
        &mut self,
        header: Option<&[Inline]>,
        rows: &[Vec<Inline>],
        parent: NodeId,
        x: f32,
        width: f32,
    ) -> Vec<Chunk> {
        let table = self.tree.add(parent, Role::Table);
        // In a cell, only a word wider than its column is hyphenated.
        let body = BaseStyle {
            size: self.theme.body.size * 0.95,
            line_height: self.theme.body.line_height * 0.95,
            hyphens: Hyphens::Overlong,
            ..self.theme.body
        };
        let ncols = header
            .map(|h| h.len())
            .or_else(|| rows.first().map(|r| r.len()))
            .unwrap_or(1)
            .max(1);
        let hy = self.hyphenator();
        let mut content = vec![ContentWidths::default(); ncols];
        let all = header
            .into_iter()
            .map(|h| (h, true))
            .chain(rows.iter().map(|r| (r.as_slice(), false)));
        for (row, bold) in all {
            let style = BaseStyle { bold, ..body };
            for (c, cell) in content.iter_mut().zip(row) {
                let w = content_widths(cell, &style, &hy);
                c.min = c.min.max(w.min);
                c.min_hyphenated = c.min_hyphenated.max(w.min_hyphenated);
                c.max = c.max.max(w.max);
            }
        }
        // Narrow tables give up some padding before their words break.
        let mut pad = body.size * 0.45;
        let least: f32 = content.iter().map(|c| c.min_hyphenated).sum();
        if least + 2.0 * pad * ncols as f32 > width {
            pad = body.size * 0.15;
        }
        // No column narrower than a wide letter: glyphs never overlap.
        let floor = body.size * 1.5 + 2.0 * pad;
        let widths = with_floor(column_widths(&content, width, 2.0 * pad), floor, width);
        let mut out: Vec<Chunk> = Vec::new();
        let mut header_index = None;
        if let Some(h) = header {
            let mut hs = body;
            hs.bold = true;
            let mut chunk = self.row(h, &widths, &hs, x, pad, table, true);
            chunk.items.insert(
                0,
                Placed {
                    item: Item::Fill {
                        rects: vec![Rect { x, y: 0.0, w: width, h: chunk.height }],
                        color: Rgb(0xe4, 0xea, 0xf2),
                    },
                    mark: Mark::Artifact,
                },
            );
            let y = chunk.height;
            chunk.items.push(Placed::rule(x, y, width, 1.0, ACCENT));
            chunk.keep_with_next = true;
            header_index = Some(out.len());
            out.push(chunk);
        }
        for row in rows {
            let mut chunk = self.row(row, &widths, &body, x, pad, table, false);
            let y = chunk.height;
            chunk.items.push(Placed::rule(x, y, width, 0.4, super::style::RULE));
            out.push(chunk);
        }
        // The header to repeat travels with the rows as a copy marked as artifact.
        if let Some(hi) = header_index {
            let mut copy = out[hi].clone();
            for p in &mut copy.items {
                p.mark = Mark::Artifact;
            }
            copy.links.clear();
            copy.keep_with_next = false;
            self.headers.push(copy);
            let id = self.headers.len() - 1;
            for c in out.iter_mut().skip(hi + 1) {
                c.repeat_header = Some(id);
            }
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn row(
        &mut self,
        cells: &[Inline],
        widths: &[f32],
        style: &BaseStyle,
        x: f32,
        pad: f32,
        table: NodeId,
        header: bool,
    ) -> Chunk {
        let tr = self.tree.add(table, Role::TableRow);
        let mut chunk = Chunk::default();
        let mut cx = x;
        let mut height: f32 = 0.0;
        let mut count = 0;
        for (cell, w) in cells.iter().zip(widths) {
            let td = self
                .tree
                .add(tr, if header { Role::TableHeader } else { Role::TableCell });
            let lines = self.text(cell, style, cx + pad, w - 2.0 * pad, Some(td));
            count = count.max(lines.len());
            let mut y = pad * 0.7;
            for mut l in lines {
                l.shift(y);
                y += l.height;
                chunk.items.extend(l.items);
                chunk.links.extend(l.links);
            }
            height = height.max(y + pad * 0.7);
            cx += w;
        }
        chunk.height = height;
        chunk.lines = Some(u16::try_from(count).unwrap_or(u16::MAX));
        chunk
    }
}

/// Column widths from their content, as browsers lay out tables: each
/// column gets its widest unbreakable piece, then the rest of the width goes
/// where lines would wrap most. When even the widest words do not fit, the
/// columns shrink towards their widest syllables (words get hyphenated), and
/// past that the widest columns shrink first (the last resort: words are cut).
fn column_widths(content: &[ContentWidths], width: f32, pad: f32) -> Vec<f32> {
    let min: Vec<f32> = content.iter().map(|c| c.min + pad).collect();
    let least: Vec<f32> = content.iter().map(|c| c.min_hyphenated + pad).collect();
    let max: Vec<f32> =
        content.iter().zip(&min).map(|(c, m)| (c.max + pad).max(*m)).collect();
    let sum = |v: &[f32]| v.iter().sum::<f32>();
    // Shares `spare` in proportion to how far each column is from its goal.
    let grow = |from: &[f32], to: &[f32], spare: f32| -> Vec<f32> {
        let want: f32 = from.iter().zip(to).map(|(a, b)| b - a).sum::<f32>().max(0.001);
        from.iter().zip(to).map(|(a, b)| a + (b - a) / want * spare).collect()
    };
    if sum(&max) <= width {
        let scale = width / sum(&max).max(0.001);
        max.iter().map(|m| m * scale).collect()
    } else if sum(&min) <= width {
        grow(&min, &max, width - sum(&min))
    } else if sum(&least) <= width {
        grow(&least, &min, width - sum(&least))
    } else {
        // The last resort: the widest columns give up width first, so that
        // words are cut in as few columns as possible.
        let (mut lo, mut hi) = (0.0f32, least.iter().copied().fold(0.0, f32::max));
        for _ in 0..40 {
            let level = (lo + hi) / 2.0;
            if least.iter().map(|l| l.min(level)).sum::<f32>() > width {
                hi = level;
            } else {
                lo = level;
            }
        }
        let capped: Vec<f32> = least.iter().map(|l| l.min(lo)).collect();
        let spare = (width - sum(&capped)) / capped.len().max(1) as f32;
        capped.iter().map(|c| c + spare).collect()
    }
}

/// `widths` (summing to `width`) with every column at least `floor` wide
/// (or an even share when that is too much), the width taken from the
/// wider columns in proportion to what they have above it.
fn with_floor(mut widths: Vec<f32>, floor: f32, width: f32) -> Vec<f32> {
    let floor = floor.min(width / widths.len().max(1) as f32);
    let lack: f32 = widths.iter().map(|w| (floor - w).max(0.0)).sum();
    let above: f32 = widths.iter().map(|w| (w - floor).max(0.0)).sum();
    if lack <= 0.0 || above <= 0.0 {
        return widths;
    }
    for w in &mut widths {
        *w = if *w < floor { floor } else { *w - (*w - floor) / above * lack };
    }
    widths
}

fn roman(n: usize) -> String {
    const R: [(usize, &str); 9] = [
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut n = n;
    let mut s = String::new();
    for (v, r) in R {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// The printed width of a QR code for `url`: at least `min`, and wide
/// enough that each module is 0.6 mm, which phone cameras and decoders read
/// reliably from paper (long addresses need more modules).
pub fn qr_size(url: &str, min: f32) -> f32 {
    let modules =
        qrcode::QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::M)
            .map(|c| c.width() + 4)
            .unwrap_or(25);
    min.max(modules as f32 * 0.6 * MM)
}

/// A QR code of `url` as vector modules, `size` wide, at (`x`, `y`).
pub fn qr_item(url: &str, x: f32, y: f32, size: f32) -> Item {
    let Ok(code) =
        qrcode::QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::M)
    else {
        return Item::Frame {
            rect: Rect { x, y, w: size, h: size },
            width: 1.0,
            color: Rgb::BLACK,
            dash: None,
        };
    };
    let n = code.width();
    let quiet = 2;
    let m = size / (n + 2 * quiet) as f32;
    let colors = code.to_colors();
    let mut rects = Vec::new();
    for row in 0..n {
        let mut col = 0;
        while col < n {
            if colors[row * n + col] == qrcode::Color::Dark {
                let start = col;
                while col < n && colors[row * n + col] == qrcode::Color::Dark {
                    col += 1;
                }
                rects.push(Rect {
                    x: x + (start + quiet) as f32 * m,
                    y: y + (row + quiet) as f32 * m,
                    w: (col - start) as f32 * m,
                    h: m,
                });
            } else {
                col += 1;
            }
        }
    }
    Item::Fill { rects, color: Rgb::BLACK }
}
