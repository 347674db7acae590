//! Tables: column widths (given, else shared by content as browsers do),
//! rows that never split, a header repeated on every page, and each
//! column's alignment.

use super::chunk::{shift_x, Chunk, Chunker};
use super::page::{Item, Mark, NodeId, Placed, Rect, Rgb, Role};
use super::style::{ACCENT, RULE};
use super::text::{content_widths, BaseStyle, ContentWidths, Hyphens};
use crate::model::{Align, Column, Inline};

impl Chunker<'_> {
    /// A table: its header (repeated after a page break) and rows, in
    /// columns sized by `columns` and by content.
    pub fn table(
        &mut self,
        header: Option<&[Inline]>,
        rows: &[Vec<Inline>],
        columns: &[Column],
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
        let widths = given_and_content_widths(columns, &content, width, pad, body.size);
        let total: f32 = widths.iter().sum();
        let aligns: Vec<Align> =
            (0..ncols).map(|i| columns.get(i).map_or(Align::Left, |c| c.align)).collect();
        let mut out: Vec<Chunk> = Vec::new();
        let mut header_index = None;
        if let Some(h) = header {
            let hs = BaseStyle { bold: true, ..body };
            let mut chunk = self.row(h, &widths, &aligns, &hs, x, pad, table, true);
            chunk.items.insert(
                0,
                Placed {
                    item: Item::Fill {
                        rects: vec![Rect { x, y: 0.0, w: total, h: chunk.height }],
                        color: Rgb(0xe4, 0xea, 0xf2),
                    },
                    mark: Mark::Artifact,
                },
            );
            let y = chunk.height;
            chunk.items.push(Placed::rule(x, y, total, 1.0, ACCENT));
            chunk.keep_with_next = true;
            header_index = Some(out.len());
            out.push(chunk);
        }
        for row in rows {
            let mut chunk = self.row(row, &widths, &aligns, &body, x, pad, table, false);
            let y = chunk.height;
            chunk.items.push(Placed::rule(x, y, total, 0.4, RULE));
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

    /// One row: each cell's lines in its column, aligned as the column says.
    #[allow(clippy::too_many_arguments)]
    fn row(
        &mut self,
        cells: &[Inline],
        widths: &[f32],
        aligns: &[Align],
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
        for ((cell, w), align) in cells.iter().zip(widths).zip(aligns) {
            let td = self
                .tree
                .add(tr, if header { Role::TableHeader } else { Role::TableCell });
            let inner = w - 2.0 * pad;
            let lines = self.text(cell, style, cx + pad, inner, Some(td));
            count = count.max(lines.len());
            let mut y = pad * 0.7;
            for mut l in lines {
                let used = line_width(&l, cx + pad);
                let dx = match align {
                    Align::Left => 0.0,
                    Align::Center => (inner - used) / 2.0,
                    Align::Right => inner - used,
                };
                shift_x(&mut l, dx.max(0.0));
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

/// How far right of `left` the text of a laid-out line reaches.
fn line_width(line: &Chunk, left: f32) -> f32 {
    line.items
        .iter()
        .filter_map(|p| match &p.item {
            Item::Text(run) => Some(run.x + run.width - left),
            _ => None,
        })
        .fold(0.0, f32::max)
}

/// The columns' widths. A column with a `width` gets that fraction of
/// `width`; the others share what is left by their content, as browsers
/// lay out tables ([`column_widths`]), no narrower than a wide letter.
/// When every column has a width, the table is as wide as they add up to.
fn given_and_content_widths(
    columns: &[Column],
    content: &[ContentWidths],
    width: f32,
    pad: f32,
    size: f32,
) -> Vec<f32> {
    let n = content.len();
    let given: Vec<Option<f32>> =
        (0..n).map(|i| columns.get(i).and_then(|c| c.width).map(|f| f * width)).collect();
    let open: Vec<usize> = (0..n).filter(|&i| given[i].is_none()).collect();
    let rest = (width - given.iter().flatten().sum::<f32>()).max(0.0);
    let mut out: Vec<f32> = given.iter().map(|g| g.unwrap_or(0.0)).collect();
    if open.is_empty() {
        return out;
    }
    let open_content: Vec<ContentWidths> = open.iter().map(|&i| content[i]).collect();
    // No column narrower than a wide letter: glyphs never overlap.
    let floor = size * 1.5 + 2.0 * pad;
    let shared = with_floor(column_widths(&open_content, rest, 2.0 * pad), floor, rest);
    for (k, w) in shared.into_iter().enumerate() {
        out[open[k]] = w;
    }
    out
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
