//! Thumbnails: the first page of a PDF, rasterised by hayro from the PDF
//! bytes themselves, so the picture shows exactly what readers will get.

use std::io::Cursor;

use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::Pdf;
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{render, PixmapSettings, RenderCache, RenderSettings};
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::imageops::FilterType;
use image::{ImageEncoder, RgbImage};

/// Width of a thumbnail in pixels.
pub const THUMB_WIDTH: u32 = 200;

/// How much larger than the thumbnail the page is rasterised before being
/// scaled down (smoother text than rasterising at the final size).
const OVERSAMPLE: f32 = 2.0;

/// A rendered thumbnail: PNG bytes and pixel size (serde writes the size:
/// the cache keeps the PNG as a file).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Thumbnail {
    /// The PNG file.
    #[serde(skip)]
    pub png: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// Renders the first page of `pdf` as a PNG `width` pixels wide, its height
/// following the page's aspect ratio. The same PDF always gives the same bytes.
pub fn thumbnail(pdf: &[u8], width: u32) -> Result<Thumbnail, String> {
    let pdf = Pdf::new(pdf.to_vec())
        .map_err(|e| format!("cannot read the PDF to draw its thumbnail: {e:?}"))?;
    let page = pdf.pages().first().ok_or("the PDF has no page to draw a thumbnail of")?;
    let (page_w, page_h) = page.render_dimensions();
    if page_w <= 0.0 || page_h <= 0.0 {
        return Err("the PDF's first page has no area".into());
    }
    let height = ((width as f32 * page_h / page_w).round() as u32).max(1);
    // A hair over the exact factor so truncation in hayro cannot lose a pixel.
    let scale = (width as f32 * OVERSAMPLE + 0.5) / page_w;
    let cache = RenderCache::new();
    let pixmap = render(
        page,
        &cache,
        &InterpreterSettings::default(),
        &RenderSettings::default(),
        &PixmapSettings { x_scale: scale, y_scale: scale, bg_color: WHITE },
    );
    let (pw, ph) = (u32::from(pixmap.width()), u32::from(pixmap.height()));
    // Premultiplied RGBA on an opaque white background: flatten onto white.
    let rgb: Vec<u8> = pixmap
        .data_as_u8_slice()
        .chunks_exact(4)
        .flat_map(|p| {
            let under = 255 - p[3];
            [
                p[0].saturating_add(under),
                p[1].saturating_add(under),
                p[2].saturating_add(under),
            ]
        })
        .collect();
    let big =
        RgbImage::from_raw(pw, ph, rgb).ok_or("the rendered page has a wrong size")?;
    let small = image::imageops::resize(&big, width, height, FilterType::Lanczos3);
    let mut png = Vec::new();
    PngEncoder::new_with_quality(
        Cursor::new(&mut png),
        CompressionType::Best,
        PngFilter::Adaptive,
    )
    .write_image(small.as_raw(), width, height, image::ExtendedColorType::Rgb8)
    .map_err(|e| format!("cannot encode the thumbnail: {e}"))?;
    Ok(Thumbnail { png, width, height })
}
