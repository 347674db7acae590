//! Tables: column widths (given, else shared by content as browsers do),
//! rows that never split, a header repeated on every page, and each
//! column's alignment.

use super::chunk::{shift_x, Chunk, Chunker};
use super::page::{Item, Mark, NodeId, Placed, Rect, Rgb, Role};
use super::style::{ACCENT, RULE};
use super::text::{content_widths, BaseStyle};
use crate::model::{Align, Column, Inline, Lang};

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
        let body = BaseStyle {
            size: self.theme.body.size * 0.95,
            line_height: self.theme.body.line_height * 0.95,
            ..self.theme.body
        };
        let ncols = header
            .map(|h| h.len())
            .or_else(|| rows.first().map(|r| r.len()))
            .unwrap_or(1)
            .max(1);
        let widths = column_widths(header, rows, columns, ncols, width, &body, self.lang);
        let total: f32 = widths.iter().sum();
        let aligns: Vec<Align> =
            (0..ncols).map(|i| columns.get(i).map_or(Align::Left, |c| c.align)).collect();
        let pad = body.size * 0.45;
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
        for ((cell, w), align) in cells.iter().zip(widths).zip(aligns) {
            let td = self
                .tree
                .add(tr, if header { Role::TableHeader } else { Role::TableCell });
            let inner = w - 2.0 * pad;
            let lines = self.text(cell, style, cx + pad, inner, Some(td));
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
/// `width`; the others share what is left by content, as browsers do:
/// each gets at least its widest unbreakable piece, the rest goes where
/// the text is longest. When every column has a width, the table is as
/// wide as they add up to.
pub fn column_widths(
    header: Option<&[Inline]>,
    rows: &[Vec<Inline>],
    columns: &[Column],
    n: usize,
    width: f32,
    style: &BaseStyle,
    lang: Lang,
) -> Vec<f32> {
    let given: Vec<Option<f32>> =
        (0..n).map(|i| columns.get(i).and_then(|c| c.width).map(|f| f * width)).collect();
    let open: Vec<usize> = (0..n).filter(|&i| given[i].is_none()).collect();
    let rest = (width - given.iter().flatten().sum::<f32>()).max(0.0);
    let mut out: Vec<f32> = given.iter().map(|g| g.unwrap_or(0.0)).collect();
    if open.is_empty() {
        return out;
    }
    let pad = style.size * 0.9;
    let mut min = vec![0.0f32; open.len()];
    let mut max = vec![0.0f32; open.len()];
    let all = header
        .into_iter()
        .map(|h| (h, true))
        .chain(rows.iter().map(|r| (r.as_slice(), false)));
    for (row, bold) in all {
        let cell_style = BaseStyle { bold: bold || style.bold, ..*style };
        for (k, &i) in open.iter().enumerate() {
            let Some(cell) = row.get(i) else { continue };
            let (lo, hi) = content_widths(cell, &cell_style, lang);
            min[k] = min[k].max(lo + pad);
            max[k] = max[k].max(hi + pad);
        }
    }
    for (k, w) in share(&min, &max, rest).into_iter().enumerate() {
        out[open[k]] = w;
    }
    out
}

/// `width` shared between columns whose content needs at least `min` and
/// at most `max` each.
fn share(min: &[f32], max: &[f32], width: f32) -> Vec<f32> {
    let n = min.len().max(1) as f32;
    let min_total: f32 = min.iter().sum();
    if min_total >= width {
        // Even the widest pieces do not fit: share in proportion (they break).
        if min_total <= 0.0 {
            return vec![width / n; min.len()];
        }
        return min.iter().map(|m| m / min_total * width).collect();
    }
    let max_total: f32 = max.iter().sum();
    if max_total <= width {
        let extra = (width - max_total) / n;
        return max.iter().map(|m| m + extra).collect();
    }
    let spare = width - min_total;
    let want: f32 = max.iter().zip(min).map(|(a, b)| a - b).sum::<f32>().max(0.001);
    min.iter().zip(max).map(|(lo, hi)| lo + (hi - lo) / want * spare).collect()
}
