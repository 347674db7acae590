//! The look of a sheet: sizes, spacing and colours, scaled for large print.

use super::page::Rgb;
use super::text::{BaseStyle, Hyphens};
use crate::model::Paper;

/// Millimetres to points.
pub const MM: f32 = 72.0 / 25.4;

/// Dark blue of titles and headings (reads as near-black in grey scale).
pub const ACCENT: Rgb = Rgb(0x1a, 0x3d, 0x6d);
/// Body text colour.
pub const INK: Rgb = Rgb(0x11, 0x11, 0x11);
/// Secondary text (header, footer, captions): still 7:1 contrast on white.
pub const MUTED: Rgb = Rgb(0x44, 0x44, 0x44);
/// Link colour (underlined as well, so colour is not the only cue).
pub const LINK: Rgb = Rgb(0x0b, 0x4f, 0xa8);
/// Thin rules.
pub const RULE: Rgb = Rgb(0x88, 0x88, 0x88);

/// Every size the layout uses, for one page size and text scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// Page width and height.
    pub page: (f32, f32),
    /// Margins: top, right, bottom, left.
    pub margin: (f32, f32, f32, f32),
    /// Body text.
    pub body: BaseStyle,
    /// The sheet title.
    pub title: BaseStyle,
    /// Headings of level 1, 2, 3.
    pub headings: [BaseStyle; 3],
    /// Header, footer, captions.
    pub small: BaseStyle,
    /// Space between blocks.
    pub gap: f32,
    /// Indent per list level.
    pub indent: f32,
    /// Inner padding of boxes.
    pub pad: f32,
    /// Pictures are drawn at this fraction of their size (1 normally; less
    /// when a sheet is tightened to save a nearly empty last page).
    pub figure_scale: f32,
}

fn style(size: f32, lead: f32, color: Rgb, bold: bool) -> BaseStyle {
    BaseStyle {
        size,
        line_height: size * lead,
        color,
        bold,
        italic: false,
        link_color: LINK,
        hyphens: Hyphens::Auto,
    }
}

/// Titles and headings are never hyphenated.
fn display(size: f32, lead: f32, color: Rgb) -> BaseStyle {
    BaseStyle { hyphens: Hyphens::Never, ..style(size, lead, color, true) }
}

impl Theme {
    /// The theme for `paper`; `scale` 1.0 is the normal sheet, larger for large print.
    pub fn new(paper: Paper, scale: f32) -> Theme {
        let page = paper.size_pt();
        let small_page = page.0 < 500.0;
        let base = if small_page { 9.5 } else { 10.5 } * scale;
        let m = if small_page { 12.0 * MM } else { 18.0 * MM };
        Theme {
            page,
            margin: (m * 0.85, m, m, m),
            body: style(base, 1.38, INK, false),
            title: display(base * 2.0, 1.15, ACCENT),
            headings: [
                display(base * 1.4, 1.2, ACCENT),
                display(base * 1.18, 1.25, ACCENT),
                display(base * 1.05, 1.3, INK),
            ],
            small: style((base * 0.8).max(8.0 * scale.min(1.0)), 1.3, MUTED, false),
            gap: base * 0.75,
            indent: base * 1.6,
            pad: base * 0.8,
            figure_scale: 1.0,
        }
    }

    /// This theme with less space between blocks and pictures at 85 %, for a
    /// second try at a sheet whose last page would hold only a few lines.
    pub fn tightened(&self) -> Theme {
        Theme { gap: self.gap * 0.6, figure_scale: 0.85, ..self.clone() }
    }

    /// Left edge and width of the text area.
    pub fn text_x(&self) -> (f32, f32) {
        (self.margin.3, self.page.0 - self.margin.1 - self.margin.3)
    }
}
