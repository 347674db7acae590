//! Pictures on the web: the copies a page offers of each picture (at most
//! two widths: the width it is shown at and twice that, never wider than
//! the source), and the `<figure>` that shows them with their alt text,
//! size (so the page does not jump while they load) and caption.

use std::fmt::Write;

use super::escape::{html, path_url};
use super::inline::inline;
use super::paths;
use crate::model::{Figure, ImageData, Lang};

/// The widest the text column gets, in CSS pixels (42rem): a picture with
/// `width: 1` is shown this wide on a large screen.
pub const COLUMN: f32 = 672.0;

/// A picture at natural size (`width` absent) is shown at 150 dpi, as
/// printed: 96 CSS pixels per inch.
const CSS_PX_PER_PIXEL: f32 = 96.0 / 150.0;

/// One file of a picture in the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PictureCopy {
    /// Path in the site (see [`paths::picture`]).
    pub path: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// The width `figure` is shown at on a large screen, in CSS pixels: its
/// share of the text column, or its natural size at 150 dpi (at most the
/// column).
pub fn shown_width(figure: &Figure) -> u32 {
    let w = match figure.width {
        Some(f) => f * COLUMN,
        None => (figure.image.width as f32 * CSS_PX_PER_PIXEL).min(COLUMN),
    };
    (w.round() as u32).max(1)
}

/// The copies the page offers of `figure`'s picture, narrowest first: the
/// width it is shown at and twice that (for high-density screens), both
/// at most the source's width. A copy as wide as the source is the source
/// itself.
pub fn copies(figure: &Figure) -> Vec<PictureCopy> {
    let image = &figure.image;
    let small = shown_width(figure).min(image.width).max(1);
    let large = small.saturating_mul(2).min(image.width);
    let mut widths = vec![small];
    if large > small {
        widths.push(large);
    }
    widths.into_iter().map(|w| copy(image, w)).collect()
}

fn copy(image: &ImageData, width: u32) -> PictureCopy {
    let height = if width == image.width {
        image.height
    } else {
        ((f64::from(image.height) * f64::from(width) / f64::from(image.width)).round()
            as u32)
            .max(1)
    };
    PictureCopy { path: paths::picture(image, width), width, height }
}

/// The `<figure>` of `figure`; `lazy`: below the first screen, loaded when
/// the reader scrolls near it.
pub fn figure_html(figure: &Figure, lazy: bool, lang: Lang) -> String {
    let mut out = String::from("<figure class=\"pic\">\n");
    out.push_str(&img(figure, lazy));
    if let Some(c) = &figure.caption {
        let _ = write!(out, "\n<figcaption>{}</figcaption>", inline(c, lang));
    }
    out.push_str("\n</figure>\n");
    out
}

/// The `<img>` of a figure: every copy in `srcset`, shown at
/// [`shown_width`] (less on a narrow screen), its height following.
fn img(figure: &Figure, lazy: bool) -> String {
    let copies = copies(figure);
    let shown = shown_width(figure);
    let ratio = f64::from(figure.image.height) / f64::from(figure.image.width.max(1));
    let height = ((f64::from(shown) * ratio).round() as u32).max(1);
    let mut out = format!("<img src=\"{}\"", html(&path_url(&copies[0].path)));
    if copies.len() > 1 {
        let set: Vec<String> = copies
            .iter()
            .map(|c| format!("{} {}w", path_url(&c.path), c.width))
            .collect();
        // Narrower than the picture plus the page's margins: the column's width.
        let _ = write!(
            out,
            " srcset=\"{}\" sizes=\"(max-width: {}px) calc(100vw - 2rem), {shown}px\"",
            html(&set.join(", ")),
            shown + 32
        );
    }
    let _ = write!(
        out,
        " width=\"{shown}\" height=\"{height}\" alt=\"{}\"",
        html(&figure.alt)
    );
    if lazy {
        out.push_str(" loading=\"lazy\"");
    }
    out.push_str(" decoding=\"async\">");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{parse_inline, ImageFormat};
    use std::sync::Arc;

    fn figure(w: u32, h: u32, width: Option<f32>) -> Figure {
        Figure {
            image: ImageData {
                src: "firefox/menu.png".into(),
                bytes: Arc::new(Vec::new()),
                format: ImageFormat::Png,
                width: w,
                height: h,
            },
            alt: "Le menu \"☰\" ouvert".into(),
            caption: Some(parse_inline("Le menu **☰**").unwrap()),
            width,
        }
    }

    #[test]
    fn at_most_two_widths_never_wider_than_the_source() {
        // (source size, width, shown width, copies)
        type Case = ((u32, u32), Option<f32>, u32, &'static [(u32, u32)]);
        let table: &[Case] = &[
            ((900, 500), Some(0.7), 470, &[(470, 261), (900, 500)]),
            ((900, 500), None, 576, &[(576, 320), (900, 500)]),
            ((2400, 1600), Some(0.5), 336, &[(336, 224), (672, 448)]),
            ((300, 200), Some(1.0), 672, &[(300, 200)]),
            ((200, 100), None, 128, &[(128, 64), (200, 100)]),
            ((4000, 10), None, 672, &[(672, 2), (1344, 3)]),
        ];
        for &((w, h), width, shown, want) in table {
            let f = figure(w, h, width);
            assert_eq!(shown_width(&f), shown, "{w}×{h} at {width:?}");
            let got: Vec<(u32, u32)> =
                copies(&f).iter().map(|c| (c.width, c.height)).collect();
            assert_eq!(got, want, "{w}×{h} at {width:?}");
        }
    }

    #[test]
    fn figures_have_alt_size_srcset_and_caption() {
        let html = figure_html(&figure(900, 500, Some(0.7)), true, Lang::Fr);
        assert_eq!(
            html,
            "<figure class=\"pic\">\n<img src=\"images/firefox/menu-470.png\" \
             srcset=\"images/firefox/menu-470.png 470w, images/firefox/menu-900.png 900w\" \
             sizes=\"(max-width: 502px) calc(100vw - 2rem), 470px\" width=\"470\" \
             height=\"261\" alt=\"Le menu &quot;☰&quot; ouvert\" loading=\"lazy\" \
             decoding=\"async\">\n<figcaption>Le menu <strong>☰</strong></figcaption>\n\
             </figure>\n"
        );
        let small = figure_html(&figure(300, 200, Some(1.0)), false, Lang::Fr);
        assert!(
            small.contains("<img src=\"images/firefox/menu-300.png\" width=\"672\""),
            "{small}"
        );
        assert!(!small.contains("srcset") && !small.contains("lazy"), "{small}");
    }
}
