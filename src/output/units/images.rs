//! Screen-resolution pictures: every image of a laid-out document is brought
//! down to at most [`WEB_DPI`] at the size it is printed, each source decoded
//! once per build.

use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Write};

use flate2::write::ZlibEncoder;
use flate2::Compression;
use std::sync::{Arc, Mutex, OnceLock};

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::imageops::FilterType;
use image::{DynamicImage, ImageEncoder, RgbaImage};

use crate::layout::{Document, Item, Rect};
use crate::model::{ImageData, ImageFormat};

/// Highest resolution of a picture in a web PDF, in dots per inch.
pub const WEB_DPI: f32 = 150.0;

/// Quality of re-encoded JPEG pictures (0–100).
pub const JPEG_QUALITY: u8 = 85;

/// The pixel size a `px`-sized picture printed in `rect` (points) should have
/// at `dpi`, or `None` when it is already small enough.
///
/// The aspect ratio is kept; a few pixels of rounding are tolerated so that a
/// picture laid out at its natural size is never resampled.
pub fn target_size(px: (u32, u32), rect: &Rect, dpi: f32) -> Option<(u32, u32)> {
    let (w, h) = px;
    if w == 0 || h == 0 || rect.w <= 0.0 || rect.h <= 0.0 {
        return None;
    }
    let max_w = (rect.w / 72.0 * dpi).ceil().max(1.0);
    let max_h = (rect.h / 72.0 * dpi).ceil().max(1.0);
    if w as f32 <= max_w + 1.0 && h as f32 <= max_h + 1.0 {
        return None;
    }
    let scale = (max_w / w as f32).min(max_h / h as f32);
    let tw = ((w as f32 * scale).round() as u32).clamp(1, w);
    let th = ((h as f32 * scale).round() as u32).clamp(1, h);
    Some((tw, th))
}

/// Resamples `image` to `width` × `height` pixels and re-encodes it in its
/// own format: lossless PNG for PNG sources (alpha kept), JPEG at
/// [`JPEG_QUALITY`] for JPEG sources.
pub fn resample(image: &ImageData, width: u32, height: u32) -> Result<ImageData, String> {
    let source = Source::decode(image)?;
    source.resample(image, width, height)
}

/// Most colours a picture may have to be treated as a flat-colour drawing
/// (a screenshot, a diagram) whose resampled copy keeps the same colours.
pub const MAX_PALETTE: usize = 256;

/// A decoded picture and, when it has few colours, those colours.
struct Source {
    image: DynamicImage,
    palette: Option<Vec<[u8; 4]>>,
    /// What the original costs in a PDF, computed on first need.
    cost: OnceLock<usize>,
}

impl Source {
    fn decode(image: &ImageData) -> Result<Source, String> {
        let format = match image.format {
            ImageFormat::Png => image::ImageFormat::Png,
            ImageFormat::Jpeg => image::ImageFormat::Jpeg,
        };
        let decoded = image::load_from_memory_with_format(&image.bytes, format)
            .map_err(|e| format!("cannot decode image `{}`: {e}", image.src))?;
        let palette = match image.format {
            ImageFormat::Png => palette(&decoded.to_rgba8(), MAX_PALETTE),
            ImageFormat::Jpeg => None,
        };
        Ok(Source { image: decoded, palette, cost: OnceLock::new() })
    }

    fn resample(
        &self,
        image: &ImageData,
        width: u32,
        height: u32,
    ) -> Result<ImageData, String> {
        let fail =
            |e: image::ImageError| format!("cannot re-encode image `{}`: {e}", image.src);
        let resized = match &self.palette {
            // Flat-colour pictures (screenshots): averaging the covered area
            // does not ring, so snapping back to the palette keeps them flat.
            Some(_) => DynamicImage::ImageRgba8(area_average(
                &self.image.to_rgba8(),
                width,
                height,
            )),
            // Photos: Lanczos keeps them sharp.
            None => self.image.resize_exact(width, height, FilterType::Lanczos3),
        };
        let mut bytes = Vec::new();
        match image.format {
            ImageFormat::Png => {
                let mut rgba = resized.to_rgba8();
                // Back to the source's colours: flat areas stay flat, and the
                // copy can be a palette PNG like its source.
                if let Some(p) = &self.palette {
                    snap_to_palette(&mut rgba, p);
                }
                let opaque = |p: &Vec<[u8; 4]>| p.iter().all(|c| c[3] == 255);
                if let Some(p) = self.palette.as_ref().filter(|p| opaque(p)) {
                    bytes = indexed_png(&rgba, p).map_err(|e| {
                        format!("cannot re-encode image `{}`: {e}", image.src)
                    })?;
                    return Ok(ImageData {
                        src: image.src.clone(),
                        bytes: Arc::new(bytes),
                        format: image.format,
                        width,
                        height,
                    });
                }
                let rgba = DynamicImage::ImageRgba8(rgba);
                let out = if self.image.color().has_alpha() {
                    rgba
                } else if self.image.color().has_color() {
                    DynamicImage::ImageRgb8(rgba.to_rgb8())
                } else {
                    DynamicImage::ImageLuma8(rgba.to_luma8())
                };
                PngEncoder::new_with_quality(
                    Cursor::new(&mut bytes),
                    CompressionType::Best,
                    PngFilter::Adaptive,
                )
                .write_image(out.as_bytes(), width, height, out.color().into())
                .map_err(fail)?;
            }
            ImageFormat::Jpeg => {
                let out = if resized.color().has_color() {
                    DynamicImage::ImageRgb8(resized.to_rgb8())
                } else {
                    DynamicImage::ImageLuma8(resized.to_luma8())
                };
                JpegEncoder::new_with_quality(Cursor::new(&mut bytes), JPEG_QUALITY)
                    .write_image(out.as_bytes(), width, height, out.color().into())
                    .map_err(fail)?;
            }
        }
        Ok(ImageData {
            src: image.src.clone(),
            bytes: Arc::new(bytes),
            format: image.format,
            width,
            height,
        })
    }
}

/// About how many bytes `data` takes in a PDF: JPEG files and most PNG
/// files go in as they are (see [`png_as_is_size`]); other PNG pictures as
/// Flate-compressed samples without a predictor (colour and alpha in
/// separate streams).
fn pdf_cost(data: &ImageData, decoded: &DynamicImage) -> usize {
    match data.format {
        ImageFormat::Jpeg => data.bytes.len(),
        ImageFormat::Png => png_as_is_size(&data.bytes).unwrap_or_else(|| {
            let colour = if decoded.color().has_color() {
                flate_size(decoded.to_rgb8().as_raw())
            } else {
                flate_size(decoded.to_luma8().as_raw())
            };
            let alpha = if decoded.color().has_alpha() {
                let a: Vec<u8> = decoded.to_rgba8().pixels().map(|p| p.0[3]).collect();
                flate_size(&a)
            } else {
                0
            };
            colour + alpha
        }),
    }
}

/// The size of a PNG's image data if the PDF writer embeds it as it is: not
/// interlaced, no transparency, grey or palette samples of 1 to 8 bits or
/// 8-bit RGB, no unknown critical chunk (the rule of `png_idat` in
/// vendor/krilla/src/graphics/image.rs).
fn png_as_is_size(png: &[u8]) -> Option<usize> {
    let mut rest = png.strip_prefix(b"\x89PNG\r\n\x1a\n")?;
    let mut size = 0;
    loop {
        let len = u32::from_be_bytes(rest.get(..4)?.try_into().ok()?) as usize;
        let kind = rest.get(4..8)?;
        let body = rest.get(8..8usize.checked_add(len)?)?;
        rest = rest.get(len.checked_add(12)?..)?;
        match kind {
            b"IHDR" => {
                let (depth, colour, interlace) =
                    (*body.get(8)?, *body.get(9)?, *body.get(12)?);
                let samples_ok =
                    matches!((colour, depth), (0 | 3, 1 | 2 | 4 | 8) | (2, 8));
                if !samples_ok || interlace != 0 {
                    return None;
                }
            }
            b"IDAT" => size += len,
            b"IEND" => return Some(size),
            b"tRNS" => return None,
            b"PLTE" => {}
            _ if kind[0].is_ascii_uppercase() => return None,
            _ => {}
        }
    }
}

/// `rgba`, whose pixels all have a colour of the opaque `palette`, as a
/// palette PNG with as few bits per pixel as the colours need: the PDF
/// takes its data as it is, and that is the smallest form of a screenshot.
fn indexed_png(
    rgba: &RgbaImage,
    palette: &[[u8; 4]],
) -> Result<Vec<u8>, png::EncodingError> {
    let index: HashMap<[u8; 4], u8> =
        palette.iter().enumerate().map(|(i, c)| (*c, i as u8)).collect();
    let (depth, bits) = match palette.len() {
        0..=2 => (png::BitDepth::One, 1),
        3..=4 => (png::BitDepth::Two, 2),
        5..=16 => (png::BitDepth::Four, 4),
        _ => (png::BitDepth::Eight, 8),
    };
    let (width, height) = rgba.dimensions();
    let row_bytes = (width as usize * bits).div_ceil(8);
    let mut data = vec![0u8; row_bytes * height as usize];
    for (x, y, p) in rgba.enumerate_pixels() {
        let i = usize::from(index.get(&p.0).copied().unwrap_or(0));
        let bit = x as usize * bits;
        let byte = &mut data[y as usize * row_bytes + bit / 8];
        *byte |= (i << (8 - bits - bit % 8)) as u8;
    }
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Indexed);
    encoder.set_depth(depth);
    encoder
        .set_palette(palette.iter().flat_map(|c| [c[0], c[1], c[2]]).collect::<Vec<_>>());
    encoder.set_compression(png::Compression::High);
    encoder.set_filter(png::Filter::NoFilter);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&data)?;
    writer.finish()?;
    Ok(bytes)
}

/// Size of `bytes` after zlib at level 6, as krilla writes streams.
fn flate_size(bytes: &[u8]) -> usize {
    let mut e = ZlibEncoder::new(Vec::new(), Compression::new(6));
    let _ = e.write_all(bytes);
    e.finish().map(|v| v.len()).unwrap_or(usize::MAX)
}

/// The distinct colours of `img`, sorted, if there are at most `max`.
fn palette(img: &RgbaImage, max: usize) -> Option<Vec<[u8; 4]>> {
    let mut seen = HashSet::new();
    for p in img.pixels() {
        if seen.insert(p.0) && seen.len() > max {
            return None;
        }
    }
    let mut colours: Vec<[u8; 4]> = seen.into_iter().collect();
    colours.sort_unstable();
    Some(colours)
}

/// Which source pixels (index, weight) make up each of `to` output pixels
/// when `from` pixels are squeezed into them; weights sum to 1.
fn coverage(from: u32, to: u32) -> Vec<Vec<(usize, f32)>> {
    let step = from as f64 / to as f64;
    (0..to)
        .map(|i| {
            let (a, b) = (i as f64 * step, (i + 1) as f64 * step);
            let mut cells = Vec::new();
            let mut j = a.floor() as u32;
            while f64::from(j) < b && j < from {
                let lo = a.max(f64::from(j));
                let hi = b.min(f64::from(j + 1));
                if hi > lo {
                    cells.push((j as usize, ((hi - lo) / step) as f32));
                }
                j += 1;
            }
            cells
        })
        .collect()
}

/// Shrinks `img` to `width` × `height` by averaging the area each output
/// pixel covers (a box filter), colours weighted by their opacity.
pub fn area_average(img: &RgbaImage, width: u32, height: u32) -> RgbaImage {
    let (w, h) = img.dimensions();
    let xs = coverage(w, width);
    let ys = coverage(h, height);
    // Premultiplied rows, shrunk horizontally.
    let mut rows = vec![[0f32; 4]; width as usize * h as usize];
    for y in 0..h {
        for (ox, cells) in xs.iter().enumerate() {
            let mut acc = [0f32; 4];
            for &(sx, wt) in cells {
                let p = img.get_pixel(sx as u32, y).0;
                let a = f32::from(p[3]) / 255.0;
                for c in 0..3 {
                    acc[c] += f32::from(p[c]) * a * wt;
                }
                acc[3] += a * wt;
            }
            rows[y as usize * width as usize + ox] = acc;
        }
    }
    RgbaImage::from_fn(width, height, |ox, oy| {
        let mut acc = [0f32; 4];
        for &(sy, wt) in &ys[oy as usize] {
            let p = rows[sy * width as usize + ox as usize];
            for c in 0..4 {
                acc[c] += p[c] * wt;
            }
        }
        let a = acc[3];
        let un =
            |v: f32| if a > 0.0 { (v / a).round().clamp(0.0, 255.0) as u8 } else { 0 };
        image::Rgba([
            un(acc[0]),
            un(acc[1]),
            un(acc[2]),
            (a * 255.0).round().clamp(0.0, 255.0) as u8,
        ])
    })
}

/// Replaces each pixel by the nearest colour of `palette`.
fn snap_to_palette(img: &mut RgbaImage, palette: &[[u8; 4]]) {
    let mut memo: HashMap<[u8; 4], [u8; 4]> = HashMap::new();
    for p in img.pixels_mut() {
        p.0 = *memo.entry(p.0).or_insert_with(|| {
            let dist = |c: &[u8; 4]| -> u32 {
                (0..4).map(|i| (i32::from(c[i]) - i32::from(p.0[i])).pow(2) as u32).sum()
            };
            // Ties go to the first (smallest) colour: deterministic.
            palette.iter().copied().min_by_key(dist).unwrap_or(p.0)
        });
    }
}

type Slot<T> = Arc<OnceLock<Result<T, String>>>;

/// A picture's `src` and a target width and height.
type SizeKey = (String, u32, u32);

/// Downsampled pictures shared by every guide of a build: each source is
/// decoded once and each (source, size) pair resampled once, whichever
/// thread asks first.
#[derive(Default)]
pub struct Resampler {
    decoded: Mutex<HashMap<String, Slot<Arc<Source>>>>,
    resized: Mutex<HashMap<SizeKey, Slot<Option<ImageData>>>>,
    web: Mutex<HashMap<SizeKey, Slot<Arc<Vec<u8>>>>>,
}

impl Resampler {
    /// An empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    /// `image` at `width` × `height`, computed on first request; `None` when
    /// the resampled copy would not make the PDF smaller than the original
    /// (a flat screenshot can compress better at its full size).
    pub fn get(
        &self,
        image: &ImageData,
        width: u32,
        height: u32,
    ) -> Result<Option<ImageData>, String> {
        let key = (image.src.clone(), width, height);
        let resized = slot(&self.resized, key);
        resized
            .get_or_init(|| {
                let source = slot(&self.decoded, image.src.clone())
                    .get_or_init(|| Source::decode(image).map(Arc::new))
                    .clone()?;
                let small = source.resample(image, width, height)?;
                let before = *source.cost.get_or_init(|| pdf_cost(image, &source.image));
                let after = match image.format {
                    ImageFormat::Jpeg => small.bytes.len(),
                    ImageFormat::Png => {
                        let decoded = image::load_from_memory(&small.bytes)
                            .map_err(|e| format!("cannot decode `{}`: {e}", image.src))?;
                        pdf_cost(&small, &decoded)
                    }
                };
                Ok((after < before).then_some(small))
            })
            .clone()
    }

    /// The file of `image` at `width` × `height` for a web page: the source
    /// itself at its own size, else a resampled copy in the source's
    /// encoding (a flat screenshot stays a lossless palette PNG), each
    /// computed once per build.
    pub fn web_copy(
        &self,
        image: &ImageData,
        width: u32,
        height: u32,
    ) -> Result<Arc<Vec<u8>>, String> {
        if (width, height) == (image.width, image.height) {
            return Ok(image.bytes.clone());
        }
        slot(&self.web, (image.src.clone(), width, height))
            .get_or_init(|| {
                let source = slot(&self.decoded, image.src.clone())
                    .get_or_init(|| Source::decode(image).map(Arc::new))
                    .clone()?;
                Ok(source.resample(image, width, height)?.bytes)
            })
            .clone()
    }

    /// Replaces every picture of `doc` that exceeds `dpi` at its printed size
    /// by a resampled copy, unless that copy would weigh more. Returns how
    /// many placements were changed.
    pub fn downsample(&self, doc: &mut Document, dpi: f32) -> Result<usize, String> {
        let mut changed = 0;
        for page in &mut doc.pages {
            for placed in &mut page.items {
                let Item::Image { rect, image } = &mut placed.item else { continue };
                if let Some((w, h)) = target_size((image.width, image.height), rect, dpi)
                {
                    if let Some(small) = self.get(image, w, h)? {
                        *image = small;
                        changed += 1;
                    }
                }
            }
        }
        Ok(changed)
    }
}

fn slot<K: std::hash::Hash + Eq, T>(map: &Mutex<HashMap<K, Slot<T>>>, key: K) -> Slot<T> {
    let mut map = map.lock().unwrap_or_else(|e| e.into_inner());
    map.entry(key).or_default().clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(w: f32, h: f32) -> Rect {
        Rect { x: 0.0, y: 0.0, w, h }
    }

    /// `img` as an RGB PNG named `src`.
    fn encoded(src: &str, img: &image::RgbImage) -> ImageData {
        let (width, height) = img.dimensions();
        let mut bytes = Vec::new();
        PngEncoder::new(Cursor::new(&mut bytes))
            .write_image(img.as_raw(), width, height, image::ExtendedColorType::Rgb8)
            .unwrap();
        ImageData {
            src: src.into(),
            bytes: Arc::new(bytes),
            format: ImageFormat::Png,
            width,
            height,
        }
    }

    fn png(width: u32, height: u32) -> ImageData {
        let img = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x * 7 % 256) as u8, (y * 5 % 256) as u8, ((x ^ y) % 256) as u8])
        });
        encoded("test.png", &img)
    }

    #[test]
    fn target_sizes_cap_resolution_at_the_printed_size() {
        // 432 pt = 6 in: 900 px at 150 dpi fits.
        let table = [
            ((900, 500), rect(432.0, 240.0), None),
            ((3000, 1500), rect(432.0, 216.0), Some((900, 450))),
            ((1200, 600), rect(144.0, 72.0), Some((300, 150))),
            // A rounding pixel is tolerated.
            ((301, 151), rect(144.0, 72.0), None),
            ((10, 10), rect(0.0, 0.0), None),
        ];
        for (px, r, want) in table {
            assert_eq!(target_size(px, &r, WEB_DPI), want, "{px:?} in {r:?}");
        }
    }

    #[test]
    fn resampled_pictures_keep_format_and_get_the_target_size() {
        let big = png(1200, 600);
        let small = resample(&big, 300, 150).unwrap();
        assert_eq!(
            (small.width, small.height, small.format),
            (300, 150, ImageFormat::Png)
        );
        let decoded = image::load_from_memory(&small.bytes).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (300, 150));
        assert!(small.bytes.len() < big.bytes.len());

        let rgb = image::load_from_memory(&big.bytes).unwrap().to_rgb8();
        let mut jpeg = Vec::new();
        JpegEncoder::new_with_quality(Cursor::new(&mut jpeg), 95)
            .write_image(rgb.as_raw(), 1200, 600, image::ExtendedColorType::Rgb8)
            .unwrap();
        let big_jpeg =
            ImageData { bytes: Arc::new(jpeg), format: ImageFormat::Jpeg, ..big };
        let small_jpeg = resample(&big_jpeg, 300, 150).unwrap();
        assert_eq!(&small_jpeg.bytes[..2], &[0xFF, 0xD8]);
        assert!(small_jpeg.bytes.len() < big_jpeg.bytes.len());
    }

    #[test]
    fn area_averaging_mixes_covered_pixels_and_keeps_flat_areas_flat() {
        // 4 × 1: black, white, black, white → 2 × 1 greys; 3 → 2 splits the middle.
        let stripes = RgbaImage::from_fn(4, 1, |x, _| {
            let v = if x % 2 == 0 { 0 } else { 255 };
            image::Rgba([v, v, v, 255])
        });
        let half = area_average(&stripes, 2, 1);
        assert_eq!(half.get_pixel(0, 0).0, [128, 128, 128, 255]);
        let flat = RgbaImage::from_pixel(9, 7, image::Rgba([10, 20, 30, 255]));
        let small = area_average(&flat, 4, 3);
        assert!(small.pixels().all(|p| p.0 == [10, 20, 30, 255]));
        // A transparent pixel does not darken its opaque neighbour.
        let mut edge = RgbaImage::from_pixel(2, 1, image::Rgba([0, 0, 0, 0]));
        edge.put_pixel(1, 0, image::Rgba([200, 100, 50, 255]));
        assert_eq!(area_average(&edge, 1, 1).get_pixel(0, 0).0, [200, 100, 50, 128]);
        for (from, to) in [(900, 734), (500, 408), (7, 3)] {
            for cells in coverage(from, to) {
                let sum: f32 = cells.iter().map(|c| c.1).sum();
                assert!((sum - 1.0).abs() < 1e-4, "{from}→{to}: {sum}");
            }
        }
    }

    #[test]
    fn the_cache_resamples_each_size_once() {
        let big = png(600, 300);
        let r = Resampler::new();
        let a = r.get(&big, 150, 75).unwrap().expect("a noisy picture shrinks");
        let b = r.get(&big, 150, 75).unwrap().unwrap();
        assert!(Arc::ptr_eq(&a.bytes, &b.bytes));
        assert_eq!(r.decoded.lock().unwrap().len(), 1);
        let c = r.get(&big, 100, 50).unwrap().unwrap();
        assert_eq!((c.width, c.height), (100, 50));
        assert_eq!(r.decoded.lock().unwrap().len(), 1);
    }

    /// A flat picture of `colours` opaque colours in bands, as an RGB PNG.
    fn flat_png(colours: u8, width: u32, height: u32) -> ImageData {
        let img = image::RgbImage::from_fn(width, height, |x, _| {
            let c = (x * u32::from(colours) / width) as u8;
            image::Rgb([c, 255 - c, c.wrapping_mul(37)])
        });
        encoded("plat.png", &img)
    }

    #[test]
    fn flat_pictures_are_resampled_to_palette_pngs_with_the_fewest_bits() {
        // (colours, bits per pixel of the resampled PNG)
        let table = [(2u8, 1u8), (4, 2), (9, 4), (16, 4), (17, 8), (200, 8)];
        for (colours, bits) in table {
            let big = flat_png(colours, 400, 60);
            let small = resample(&big, 200, 30).unwrap();
            let header = &small.bytes[16..29];
            assert_eq!(
                (header[8], header[9]),
                (bits, 3),
                "{colours} colours: depth, type"
            );
            assert!(png_as_is_size(&small.bytes).is_some(), "{colours} colours");
            // Every pixel is one of the source's colours.
            let source: HashSet<[u8; 3]> = image::load_from_memory(&big.bytes)
                .unwrap()
                .to_rgb8()
                .pixels()
                .map(|p| p.0)
                .collect();
            let out = image::load_from_memory(&small.bytes).unwrap().to_rgb8();
            assert_eq!((out.width(), out.height()), (200, 30));
            assert!(out.pixels().all(|p| source.contains(&p.0)), "{colours} colours");
        }
    }

    #[test]
    fn the_size_a_png_takes_in_a_pdf_is_its_data_when_it_goes_in_as_it_is() {
        let rgb = png(40, 20);
        let idat = rgb.bytes.len() - 8 - (12 + 13) - 12 - 12;
        assert_eq!(png_as_is_size(&rgb.bytes), Some(idat));
        let mut rgba = Vec::new();
        PngEncoder::new(Cursor::new(&mut rgba))
            .write_image(&[9u8; 40 * 20 * 4], 40, 20, image::ExtendedColorType::Rgba8)
            .unwrap();
        assert_eq!(png_as_is_size(&rgba), None, "alpha");
        let mut interlaced = rgb.bytes.to_vec();
        interlaced[28] = 1;
        assert_eq!(png_as_is_size(&interlaced), None, "interlaced");
        assert_eq!(png_as_is_size(b"GIF89a"), None);
        assert_eq!(png_as_is_size(&rgb.bytes[..40]), None, "cut short");
        // Cut anywhere or with any byte changed, it answers without panicking.
        for end in 0..rgb.bytes.len() {
            assert_eq!(png_as_is_size(&rgb.bytes[..end]), None, "cut at {end}");
        }
        for at in 8..rgb.bytes.len() {
            for flip in [0x01u8, 0x80, 0xFF] {
                let mut bytes = rgb.bytes.to_vec();
                bytes[at] ^= flip;
                let _ = png_as_is_size(&bytes);
            }
        }
    }
}
