//! Figures: a picture scaled to fit with its caption, pictures side by side
//! (in rows of fewer when the page is narrow), and the markers, boxes and
//! arrows drawn over pictures.

use super::chunk::{Chunk, Chunker};
use super::page::{circle, Item, Mark, NodeId, PathEl, Pen, Placed, Rect, Rgb, Role};
use super::style::{MM, RULE};
use super::text::{layout_inline, BaseStyle, Hyphens};
use crate::model::{Annotation, Figure, Inline, Located};

/// Red of annotations: dark enough to print as dark grey in black and white.
pub const MARK_RED: Rgb = Rgb(0xc0, 0x00, 0x00);

/// A picture in a row gets at least this fraction of the text width…
pub const MIN_ROW_SHARE: f32 = 0.30;
/// …and at least this width, times the text scale (large print).
pub const MIN_ROW_WIDTH: f32 = 45.0 * MM;

/// Markers are this many pixels of the picture wide, at its printed size…
const MARKER_PX: f32 = 28.0;
/// …but never less than this (times the text scale), with a digit of at
/// least 7 pt…
pub const MARKER_MIN: f32 = 4.0 * MM;
/// …nor more than this (times the text scale).
const MARKER_MAX: f32 = 6.0 * MM;
/// The smallest marker digit, in points.
pub const MARKER_DIGIT_MIN: f32 = 7.0;

impl Chunker<'_> {
    /// A figure: the picture (never split), scaled to fit, its annotations
    /// and its caption.
    pub fn figure(
        &mut self,
        fig: &Figure,
        parent: NodeId,
        x: f32,
        width: f32,
    ) -> Vec<Chunk> {
        let node = self.tree.add(parent, Role::Figure { alt: fig.alt.clone() });
        let natural = self.natural_width(fig, width);
        let w = fit_height(natural, aspect(fig), self.max_figure_height());
        let h = w * aspect(fig);
        let rect = Rect { x: x + (width - w) / 2.0, y: 0.0, w, h };
        // A picture may be drawn smaller so that a page is not left a third
        // empty (see Chunk::scale_picture), unless shapes are drawn over it.
        let min_height =
            fig.annotations.is_empty().then_some(h * super::paginate::MIN_PICTURE_SCALE);
        let mut chunk = Chunk { height: h, min_height, ..Chunk::default() };
        chunk.items.extend(self.picture_items(fig, rect, node));
        let mut chunks = vec![chunk];
        if let Some(caption) = &fig.caption {
            let cap = self.tree.add(node, Role::Caption);
            let style = self.caption_style();
            let cw = width.min(w.max(width * 0.6));
            let mut cc =
                self.text(caption, &style, x + (width - cw) / 2.0, cw, Some(cap));
            if let Some(first) = cc.first_mut() {
                first.space_before = style.size * 0.5;
            }
            chunks.extend(cc);
            super::blocks::keep_together(&mut chunks);
        }
        chunks
    }

    /// One to three pictures side by side, each with its caption, in rows
    /// of fewer when a picture would get less than [`MIN_ROW_SHARE`] of the
    /// text width or less than [`MIN_ROW_WIDTH`]; then `caption` under them
    /// all. A row is never split across pages.
    pub fn pictures(
        &mut self,
        figs: &[Located<Figure>],
        caption: Option<&Inline>,
        parent: NodeId,
        x: f32,
        width: f32,
    ) -> Vec<Chunk> {
        if let ([one], None) = (figs, caption) {
            return self.figure(&one.value, parent, x, width);
        }
        let gap = self.theme.pad * 1.2;
        let max_h = self.max_figure_height();
        let pics: Vec<(f32, f32)> = figs
            .iter()
            .map(|f| (self.natural_width(&f.value, width), aspect(&f.value)))
            .collect();
        let min =
            (width * MIN_ROW_SHARE).max(MIN_ROW_WIDTH * self.theme.scale).min(width);
        let mut chunks = Vec::new();
        let mut at = 0;
        for row in plan_rows(&pics, width, gap, max_h, min) {
            let widths = row_widths(&pics[at..at + row], width, gap, max_h);
            let total: f32 = widths.iter().sum::<f32>() + gap * (row - 1) as f32;
            let mut left = x + (width - total) / 2.0;
            let mut chunk = Chunk::default();
            for (fig, w) in figs[at..at + row].iter().map(|f| &f.value).zip(&widths) {
                let node = self.tree.add(parent, Role::Figure { alt: fig.alt.clone() });
                let h = w * aspect(fig);
                let rect = Rect { x: left, y: 0.0, w: *w, h };
                chunk.items.extend(self.picture_items(fig, rect, node));
                let mut bottom = h;
                if let Some(c) = &fig.caption {
                    let cap = self.tree.add(node, Role::Caption);
                    let style = self.caption_style();
                    let mut y = h + style.size * 0.5;
                    for mut line in self.text(c, &style, left, *w, Some(cap)) {
                        line.shift(y);
                        y += line.height;
                        chunk.items.extend(line.items);
                        chunk.links.extend(line.links);
                    }
                    bottom = y;
                }
                chunk.height = chunk.height.max(bottom);
                left += w + gap;
            }
            if at > 0 {
                chunk.space_before = gap;
            }
            chunks.push(chunk);
            at += row;
        }
        if let Some(c) = caption {
            let node = self.tree.add(parent, Role::Caption);
            let style = self.caption_style();
            let mut cc = self.text(c, &style, x, width, Some(node));
            if let Some(first) = cc.first_mut() {
                first.space_before = style.size * 0.5;
            }
            chunks.extend(cc);
        }
        super::blocks::keep_together(&mut chunks);
        chunks
    }

    /// The printed width a picture asks for: its `width`, else its size at
    /// 150 dpi, at most `width`; smaller in a tightened sheet.
    fn natural_width(&self, fig: &Figure, width: f32) -> f32 {
        let w = match fig.width {
            Some(f) => width * f.clamp(0.01, 1.0),
            None => (fig.image.width.max(1) as f32 / 150.0 * 72.0).min(width),
        };
        w * self.theme.figure_scale
    }

    /// The tallest a picture may be drawn: 62 % of the page's text area.
    pub fn max_figure_height(&self) -> f32 {
        let t = self.theme;
        (t.page.1 - t.margin.0 - t.margin.2) * 0.62
    }

    fn caption_style(&self) -> BaseStyle {
        BaseStyle { italic: true, ..self.theme.small }
    }

    /// The picture in `rect`, its annotations and its thin frame.
    fn picture_items(&self, fig: &Figure, rect: Rect, node: NodeId) -> Vec<Placed> {
        let mut out = vec![Placed {
            item: Item::Image { rect, image: fig.image.clone() },
            mark: Mark::Node(node),
        }];
        out.push(Placed {
            item: Item::Frame { rect, width: 0.5, color: RULE, dash: None },
            mark: Mark::Artifact,
        });
        let size = (fig.image.width.max(1) as f32, fig.image.height.max(1) as f32);
        for a in &fig.annotations {
            out.extend(self.annotation(a, rect, size, node));
        }
        out
    }

    /// The shapes of one annotation over a picture drawn in `rect`, whose
    /// size in pixels is `px`: part of the figure `node`.
    fn annotation(
        &self,
        a: &Annotation,
        rect: Rect,
        px: (f32, f32),
        node: NodeId,
    ) -> Vec<Placed> {
        let k = rect.w / px.0;
        let at = |(x, y): (f32, f32)| (rect.x + x * k, rect.y + y * (rect.h / px.1));
        let scale = self.theme.scale.max(1.0);
        let line = 1.6 * scale.sqrt();
        let halo = line * 0.9;
        let mut out = Vec::new();
        let mut push = |path: Vec<PathEl>, fill: Option<Rgb>, stroke: Option<Pen>| {
            out.push(Placed {
                item: Item::Path { path, fill, stroke },
                mark: Mark::Node(node),
            });
        };
        match *a {
            Annotation::Marker { n, at: p } => {
                let d = (MARKER_PX * k).clamp(MARKER_MIN * scale, MARKER_MAX * scale);
                let r = d / 2.0;
                // The disc stays inside the picture, halo included.
                let (cx, cy) = at(p);
                let inner = |v: f32, lo: f32, hi: f32| {
                    if hi - lo < 2.0 * (r + halo) {
                        (lo + hi) / 2.0
                    } else {
                        v.clamp(lo + r + halo, hi - r - halo)
                    }
                };
                let cx = inner(cx, rect.x, rect.right());
                let cy = inner(cy, rect.y, rect.bottom());
                push(circle(cx, cy, r + halo), Some(Rgb::WHITE), None);
                push(circle(cx, cy, r), Some(MARK_RED), None);
                let digit = BaseStyle {
                    size: (d * 0.62).max(MARKER_DIGIT_MIN),
                    line_height: d,
                    color: Rgb::WHITE,
                    bold: true,
                    italic: false,
                    link_color: Rgb::WHITE,
                    hyphens: Hyphens::Never,
                };
                let lines = layout_inline(
                    &Inline::plain(n.to_string()),
                    &digit,
                    self.lang,
                    1000.0,
                );
                for f in lines.lines.iter().flat_map(|l| &l.fragments) {
                    let mut run = f.run.clone();
                    run.x = cx - run.width / 2.0;
                    // Figures sit on the baseline and are about 0.7 em tall.
                    run.y = cy + digit.size * 0.35;
                    out.push(Placed { item: Item::Text(run), mark: Mark::Node(node) });
                }
            }
            Annotation::Box { at: p, size } => {
                let (x0, y0) = at(p);
                let (x1, y1) = at((p.0 + size.0, p.1 + size.1));
                // Around the area, halo included, so the frame does not hide
                // what it shows (a menu entry framed tightly stays legible);
                // a thinner halo than the markers', so that the labels
                // around the area stay legible too.
                let halo = line * 0.4;
                let m = line / 2.0 + halo;
                let r = Rect {
                    x: x0 - m,
                    y: y0 - m,
                    w: x1 - x0 + 2.0 * m,
                    h: y1 - y0 + 2.0 * m,
                };
                let outline = super::page::rounded_rect(r, line);
                push(
                    outline.clone(),
                    None,
                    Some(Pen { width: line + 2.0 * halo, color: Rgb::WHITE }),
                );
                push(outline, None, Some(Pen { width: line, color: MARK_RED }));
            }
            Annotation::Arrow { from, to } => {
                let (x0, y0) = at(from);
                let (x1, y1) = at(to);
                let len = ((x1 - x0).powi(2) + (y1 - y0).powi(2)).sqrt().max(0.01);
                let (ux, uy) = ((x1 - x0) / len, (y1 - y0) / len);
                let head = (3.0 * MM * scale).min(len * 0.6);
                let half = head * 0.45;
                let (bx, by) = (x1 - ux * head, y1 - uy * head);
                let shaft = vec![
                    PathEl::Move(x0, y0),
                    PathEl::Line(bx + ux * 0.5, by + uy * 0.5),
                ];
                let tip = vec![
                    PathEl::Move(x1, y1),
                    PathEl::Line(bx - uy * half, by + ux * half),
                    PathEl::Line(bx + uy * half, by - ux * half),
                    PathEl::Close,
                ];
                let white = Some(Pen { width: line + 2.0 * halo, color: Rgb::WHITE });
                push(shaft.clone(), None, white);
                push(
                    tip.clone(),
                    Some(Rgb::WHITE),
                    Some(Pen { width: 2.0 * halo, color: Rgb::WHITE }),
                );
                push(shaft, None, Some(Pen { width: line, color: MARK_RED }));
                push(tip, Some(MARK_RED), None);
            }
        }
        out
    }
}

/// Height over width of a picture.
fn aspect(fig: &Figure) -> f32 {
    fig.image.height.max(1) as f32 / fig.image.width.max(1) as f32
}

/// `w`, made narrower if a picture of aspect `aspect` would be taller than `max_h`.
fn fit_height(w: f32, aspect: f32, max_h: f32) -> f32 {
    if w * aspect > max_h {
        max_h / aspect
    } else {
        w
    }
}

/// The widths of pictures side by side in one row: each its `(width,
/// aspect)` as asked, all shrunk together to fit `width` with `gap`
/// between them, each then kept within `max_h`.
pub fn row_widths(pics: &[(f32, f32)], width: f32, gap: f32, max_h: f32) -> Vec<f32> {
    let room = width - gap * pics.len().saturating_sub(1) as f32;
    let asked: f32 = pics.iter().map(|p| p.0).sum();
    let k = if asked > room { room / asked } else { 1.0 };
    pics.iter().map(|&(w, a)| fit_height(w * k, a, max_h)).collect()
}

/// How many pictures go in each row: as many as possible in one row, such
/// that every picture of a row of several gets at least `min`.
pub fn plan_rows(
    pics: &[(f32, f32)],
    width: f32,
    gap: f32,
    max_h: f32,
    min: f32,
) -> Vec<usize> {
    let n = pics.len();
    for per_row in (2..=n).rev() {
        let rows: Vec<usize> = pics.chunks(per_row).map(<[_]>::len).collect();
        let mut at = 0;
        let ok = rows.iter().all(|&len| {
            let row = &pics[at..at + len];
            at += len;
            len == 1
                || row_widths(row, width, gap, max_h).iter().all(|&w| w + 0.01 >= min)
        });
        if ok {
            return rows;
        }
    }
    vec![1; n]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_shrink_then_wrap() {
        // Three 900×500 screenshots (natural 432 pt wide at 150 dpi).
        let shot = (432.0, 500.0 / 900.0);
        let three = [shot; 3];
        let gap = 10.0;
        // A4 text width: one row of three, each about a third.
        let a4 = 482.0;
        let min = (a4 * MIN_ROW_SHARE).max(MIN_ROW_WIDTH);
        assert_eq!(plan_rows(&three, a4, gap, 500.0, min), vec![3]);
        let w = row_widths(&three, a4, gap, 500.0);
        assert!((w.iter().sum::<f32>() + 2.0 * gap - a4).abs() < 0.01, "{w:?}");
        // A5 text width: each would be under 45 mm, so two rows.
        let a5 = 351.0;
        let min = (a5 * MIN_ROW_SHARE).max(MIN_ROW_WIDTH);
        assert_eq!(plan_rows(&three, a5, gap, 500.0, min), vec![2, 1]);
        // Large print on A4: 72 mm each at least.
        let min = (a4 * MIN_ROW_SHARE).max(MIN_ROW_WIDTH * 1.6);
        assert_eq!(plan_rows(&three, a4, gap, 500.0, min), vec![2, 1]);
        // Small pictures keep their natural size.
        let small = [(80.0, 1.0), (80.0, 1.0)];
        assert_eq!(row_widths(&small, a4, gap, 500.0), vec![80.0, 80.0]);
        // A tall picture is kept under the height limit.
        let tall = [(300.0, 3.0), (100.0, 1.0)];
        let w = row_widths(&tall, a4, gap, 600.0);
        assert!(w[0] * 3.0 <= 600.01, "{w:?}");
    }
}
