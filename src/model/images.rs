//! Pictures: read, sniffed and test-decoded once per path, shared across threads.

use std::collections::HashMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use super::input::{kind_msg, read_input, InputError};
use super::types::{ImageData, ImageFormat};
use crate::i18n::{Arg, Msg};
use crate::msg;

/// Largest width or height accepted, in pixels.
pub const MAX_SIDE: u32 = 20_000;
/// Most memory a decoder may use to check an image.
pub const MAX_ALLOC: u64 = 256 * 1024 * 1024;
/// Largest image file accepted, in bytes.
pub const MAX_FILE: u64 = 50 * 1024 * 1024;

/// Why an image was refused: a diagnostic code and a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageError {
    /// `bad-image`, `image-too-large` or `unreadable`.
    pub code: &'static str,
    /// What is wrong.
    pub message: Msg,
}

/// A checked picture, without the guide-specific `src`.
#[derive(Debug, Clone)]
struct Checked {
    bytes: Arc<Vec<u8>>,
    format: ImageFormat,
    width: u32,
    height: u32,
}

type Slot = Arc<OnceLock<Result<Checked, ImageError>>>;

/// Images already read, by canonical path. Shared by the parallel guide
/// loads, so a picture used by several guides is read and decoded once.
#[derive(Debug, Default)]
pub struct ImageCache {
    slots: Mutex<HashMap<PathBuf, Slot>>,
}

impl ImageCache {
    /// An empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    /// The image at `canonical` (an absolute, resolved path), named `src` in the guide.
    pub fn get(&self, canonical: &Path, src: &str) -> Result<ImageData, ImageError> {
        let slot = {
            // A poisoned lock only means another thread panicked; the map is still sound.
            let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
            slots.entry(canonical.to_path_buf()).or_default().clone()
        };
        // Other threads wanting the same image wait here instead of decoding it again.
        let checked = slot.get_or_init(|| read_image(canonical)).clone()?;
        Ok(ImageData {
            src: src.to_string(),
            bytes: checked.bytes,
            format: checked.format,
            width: checked.width,
            height: checked.height,
        })
    }
}

fn read_image(path: &Path) -> Result<Checked, ImageError> {
    let unreadable = |e: std::io::Error| ImageError {
        code: "unreadable",
        message: msg!("image-unreadable", reason = lower_first(&e.to_string())),
    };
    let bytes = match read_input(path, MAX_FILE) {
        Ok(bytes) => bytes,
        Err(InputError::TooLarge(size)) => {
            return Err(ImageError {
                code: "image-too-large",
                message: msg!(
                    "image-file-too-large",
                    size = Arg::Size(size),
                    limit = MAX_FILE / 1_000_000
                ),
            })
        }
        Err(InputError::NotAFile(kind)) => {
            return Err(ImageError {
                code: "unreadable",
                message: msg!("image-not-a-file", kind = kind_msg(kind)),
            })
        }
        Err(InputError::Io(e)) => return Err(unreadable(e)),
    };
    check_image(bytes)
}

/// Sniffs, measures and test-decodes image bytes.
fn check_image(bytes: Vec<u8>) -> Result<Checked, ImageError> {
    let format = sniff(&bytes).ok_or_else(|| ImageError {
        code: "bad-image",
        message: msg!("image-not-png-jpeg", what = describe_magic(&bytes)),
    })?;
    let (width, height) = measure(&bytes, format)?;
    decode(&bytes, format)?;
    let bytes = match format {
        ImageFormat::Png => super::png_depth::to_8_bits(&bytes).unwrap_or(bytes),
        ImageFormat::Jpeg => bytes,
    };
    Ok(Checked { bytes: Arc::new(bytes), format, width, height })
}

/// The format, from the file's first bytes.
pub fn sniff(bytes: &[u8]) -> Option<ImageFormat> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(ImageFormat::Png)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(ImageFormat::Jpeg)
    } else {
        None
    }
}

/// A hint at what the file is instead.
fn describe_magic(bytes: &[u8]) -> Msg {
    let starts = |m: &[u8]| bytes.starts_with(m);
    if bytes.is_empty() {
        msg!("magic-empty")
    } else if starts(b"GIF8") {
        msg!("magic-gif")
    } else if starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        msg!("magic-webp")
    } else if starts(b"<svg") || starts(b"<?xml") {
        msg!("magic-svg")
    } else if starts(b"%PDF") {
        msg!("magic-pdf")
    } else if starts(b"BM") {
        msg!("magic-bmp")
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        msg!("magic-tiff")
    } else if bytes.get(4..12).is_some_and(|b| b.starts_with(b"ftyp")) {
        msg!("magic-heic")
    } else {
        msg!("magic-unknown")
    }
}

fn image_format(format: ImageFormat) -> image::ImageFormat {
    match format {
        ImageFormat::Png => image::ImageFormat::Png,
        ImageFormat::Jpeg => image::ImageFormat::Jpeg,
    }
}

fn format_name(format: ImageFormat) -> &'static str {
    match format {
        ImageFormat::Png => "PNG",
        ImageFormat::Jpeg => "JPEG",
    }
}

/// The size a PNG's IHDR chunk claims, read directly so that absurd sizes
/// are refused before any decoder runs.
fn png_header_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.get(12..16)? != b"IHDR" {
        return None;
    }
    let word =
        |r: std::ops::Range<usize>| bytes.get(r)?.try_into().ok().map(u32::from_be_bytes);
    Some((word(16..20)?, word(20..24)?))
}

fn too_large(width: u32, height: u32) -> ImageError {
    ImageError {
        code: "image-too-large",
        message: msg!(
            "image-too-many-pixels",
            width = width,
            height = height,
            max = MAX_SIDE
        ),
    }
}

/// Reads the pixel size from the header only, and refuses oversized images.
fn measure(bytes: &[u8], format: ImageFormat) -> Result<(u32, u32), ImageError> {
    if let Some((width, height)) =
        png_header_size(bytes).filter(|_| format == ImageFormat::Png)
    {
        if width > MAX_SIDE || height > MAX_SIDE {
            return Err(too_large(width, height));
        }
    }
    let mut reader =
        image::ImageReader::with_format(Cursor::new(bytes), image_format(format));
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let (width, height) = reader.into_dimensions().map_err(|e| corrupt(format, &e))?;
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(too_large(width, height));
    }
    if width == 0 || height == 0 {
        return Err(ImageError {
            code: "bad-image",
            message: msg!(
                "image-no-pixels",
                format = format_name(format),
                width = width,
                height = height
            ),
        });
    }
    Ok((width, height))
}

/// Decodes the whole image once, under memory limits, to catch corrupt files.
fn decode(bytes: &[u8], format: ImageFormat) -> Result<(), ImageError> {
    if format == ImageFormat::Png {
        return decode_png(bytes);
    }
    if !jpeg_is_whole(bytes) {
        // The JPEG decoder fills what is missing with grey and says nothing.
        return Err(ImageError { code: "bad-image", message: msg!("image-jpeg-cut") });
    }
    let mut reader =
        image::ImageReader::with_format(Cursor::new(bytes), image_format(format));
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    reader.decode().map(drop).map_err(|e| match e {
        image::ImageError::Limits(_) => over_memory(),
        other => corrupt(format, &other),
    })
}

fn over_memory() -> ImageError {
    ImageError {
        code: "image-too-large",
        message: msg!("image-over-memory", mib = MAX_ALLOC / (1024 * 1024)),
    }
}

/// Whether a JPEG's picture data runs to its end marker (EOI, `FF D9`).
/// The segments before the first scan are skipped by their lengths (an
/// EXIF thumbnail inside them has scans and an end of its own); inside and
/// after the scans, `FF D9` can only be the end marker, since a scan writes
/// a data byte `FF` as `FF 00`.
fn jpeg_is_whole(bytes: &[u8]) -> bool {
    let mut at = 2; // after SOI
    loop {
        // Fill bytes (FF) may pad before a marker.
        while bytes.get(at) == Some(&0xFF) && bytes.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        let (Some(&0xFF), Some(&marker)) = (bytes.get(at), bytes.get(at + 1)) else {
            return false;
        };
        if marker == 0xDA {
            break; // start of scan
        }
        if marker == 0xD9 {
            return false; // ends before any picture data
        }
        let Some(len) =
            bytes.get(at + 2..at + 4).map(|l| u16::from_be_bytes([l[0], l[1]]))
        else {
            return false;
        };
        at += 2 + len as usize;
    }
    bytes[at..].windows(2).any(|w| w == [0xFF, 0xD9])
}

/// Decodes a PNG's rows as they are stored (palette indices are not turned
/// into colours): every chunk, the zlib data and the row filters are checked,
/// at a fraction of the cost of a full decode to RGB.
///
/// The PDF writer reads PNGs with the `png` crate's default limits (64 MiB
/// for chunks such as text and colour profiles, the pixels aside) and needs
/// a palette for indexed colours; both are checked here the same way, so a
/// picture the model accepts never fails inside the writer.
fn decode_png(bytes: &[u8]) -> Result<(), ImageError> {
    if png_lacks_palette(bytes) {
        return Err(ImageError { code: "bad-image", message: msg!("png-no-palette") });
    }
    let fail = |e: png::DecodingError, rows: bool| match e {
        png::DecodingError::LimitsExceeded if !rows => ImageError {
            code: "image-too-large",
            message: msg!(
                "png-chunks-too-large",
                max = Arg::Size(WRITER_CHUNK_LIMIT as u64)
            ),
        },
        png::DecodingError::LimitsExceeded => over_memory(),
        other => ImageError {
            code: "bad-image",
            message: msg!(
                "image-damaged",
                format = "PNG",
                reason = lower_first(&other.to_string())
            ),
        },
    };
    let limits = png::Limits { bytes: WRITER_CHUNK_LIMIT };
    let mut decoder = png::Decoder::new_with_limits(Cursor::new(bytes), limits);
    decoder.set_transformations(png::Transformations::IDENTITY);
    let mut reader = decoder.read_info().map_err(|e| fail(e, false))?;
    let size = reader.output_buffer_size().filter(|n| *n as u64 <= MAX_ALLOC);
    let mut rows = vec![0; size.ok_or_else(over_memory)?];
    reader.next_frame(&mut rows).map_err(|e| fail(e, true))?;
    // Chunks after the pixels (text is often there) are read to the end too.
    reader.finish().map_err(|e| fail(e, false))
}

/// The limit the PDF writer's PNG reader puts on chunk memory (the `png`
/// crate's default).
const WRITER_CHUNK_LIMIT: usize = 64 * 1024 * 1024;

/// Whether `bytes` is an indexed-colour PNG (colour type 3) with no palette
/// (`PLTE`) before its pixel data: its colours are unknown.
fn png_lacks_palette(bytes: &[u8]) -> bool {
    let mut rest = &bytes[8.min(bytes.len())..];
    let mut indexed = false;
    while let (Some(len), Some(kind)) = (rest.get(..4), rest.get(4..8)) {
        let len = u32::from_be_bytes([len[0], len[1], len[2], len[3]]) as usize;
        match kind {
            b"IHDR" => indexed = rest.get(8 + 9) == Some(&3),
            b"PLTE" => return false,
            b"IDAT" | b"IEND" => return indexed,
            _ => {}
        }
        let Some(next) = len.checked_add(12).and_then(|n| rest.get(n..)) else {
            return false;
        };
        rest = next;
    }
    false
}

fn corrupt(format: ImageFormat, e: &image::ImageError) -> ImageError {
    ImageError {
        code: "bad-image",
        message: msg!(
            "image-damaged",
            format = format_name(format),
            reason = lower_first(&e.to_string())
        ),
    }
}

/// `"Format error"` → `"format error"`, for messages in the house style.
pub fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    /// CRC-32 (IEEE) as PNG chunks use it.
    fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in data {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }

    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let start = out.len();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        let crc = crc32(&out[start..]);
        out.extend_from_slice(&crc.to_be_bytes());
    }

    /// A PNG signature and IHDR claiming `w`×`h` 8-bit grey pixels, plus
    /// `idat` as image data (possibly garbage) and an IEND.
    pub fn png_bytes(w: u32, h: u32, idat: Option<&[u8]>) -> Vec<u8> {
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut ihdr = Vec::new();
        ihdr.extend_from_slice(&w.to_be_bytes());
        ihdr.extend_from_slice(&h.to_be_bytes());
        ihdr.extend_from_slice(&[8, 0, 0, 0, 0]);
        chunk(&mut out, b"IHDR", &ihdr);
        if let Some(data) = idat {
            chunk(&mut out, b"IDAT", data);
        }
        chunk(&mut out, b"IEND", &[]);
        out
    }

    /// A valid 2×1 grey PNG, encoded by the `image` crate.
    pub fn tiny_png() -> Vec<u8> {
        let img = image::GrayImage::from_raw(2, 1, vec![0, 255]).expect("2×1 buffer");
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png).expect("encode png");
        out.into_inner()
    }

    /// A valid `w`×`h` grey PNG (a gradient), encoded by the `image` crate.
    pub fn grey_png(w: u32, h: u32) -> Vec<u8> {
        let img = image::GrayImage::from_fn(w, h, |x, _| image::Luma([(x % 256) as u8]));
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png).expect("encode png");
        out.into_inner()
    }

    /// `png`'s chunks, with `edit` applied to each `(kind, body)` and
    /// `extra` chunks inserted after IHDR.
    fn rechunk(
        png: &[u8],
        edit: impl Fn(&[u8], &mut Vec<u8>),
        extra: &[(&[u8; 4], Vec<u8>)],
    ) -> Vec<u8> {
        let mut out = png[..8].to_vec();
        let mut rest = &png[8..];
        while rest.len() >= 12 {
            let len = u32::from_be_bytes(rest[..4].try_into().unwrap()) as usize;
            let kind: [u8; 4] = rest[4..8].try_into().unwrap();
            let mut body = rest[8..8 + len].to_vec();
            edit(&kind, &mut body);
            chunk(&mut out, &kind, &body);
            if &kind == b"IHDR" {
                for (k, b) in extra {
                    chunk(&mut out, k, b);
                }
            }
            rest = &rest[12 + len..];
        }
        out
    }

    /// Pictures the PDF writer could not read are refused when the guides
    /// are read, with what is wrong (issue 13, item 12).
    #[test]
    fn pictures_the_pdf_writer_cannot_read_are_refused_in_the_model() {
        let grey_to_indexed = |kind: &[u8], body: &mut Vec<u8>| {
            if kind == b"IHDR" {
                body[9] = 3;
            }
        };
        let keep = |_: &[u8], _: &mut Vec<u8>| {};
        let mut text = b"Comment\0".to_vec();
        text.resize(45_000_000, b'x');
        // (name, bytes, code, in the message)
        type Case<'a> = (&'a str, Vec<u8>, Option<(&'a str, &'a str)>);
        let table: Vec<Case> = vec![
            ("grey", tiny_png(), None),
            (
                "indexed, palette",
                rechunk(&tiny_png(), grey_to_indexed, &[(b"PLTE", vec![0; 768])]),
                None,
            ),
            (
                "indexed, no palette",
                rechunk(&tiny_png(), grey_to_indexed, &[]),
                Some(("bad-image", "no palette")),
            ),
            (
                "small text",
                rechunk(&tiny_png(), keep, &[(b"tEXt", b"Comment\0hello".to_vec())]),
                None,
            ),
            (
                "45 MB of text",
                rechunk(&tiny_png(), keep, &[(b"tEXt", text)]),
                Some(("image-too-large", "67.1 MB")),
            ),
        ];
        for (name, bytes, expect) in table {
            match (check_image(bytes), expect) {
                (Ok(_), None) => {}
                (Err(e), Some((code, said))) => {
                    assert_eq!(e.code, code, "{name}");
                    assert!(e.message.en().contains(said), "{name}: {}", e.message);
                }
                (got, _) => panic!("{name}: {got:?}"),
            }
        }
    }

    #[test]
    fn crc_matches_the_reference() {
        assert_eq!(crc32(b"IEND"), 0xAE42_6082);
    }

    #[test]
    fn accepts_a_valid_png() {
        let checked = check_image(tiny_png()).expect("valid png");
        assert_eq!(
            (checked.format, checked.width, checked.height),
            (ImageFormat::Png, 2, 1)
        );
    }

    #[test]
    fn refuses_bad_images() {
        let table: Vec<(&str, Vec<u8>, &str, &str)> = vec![
            (
                "gif",
                b"GIF89a....".to_vec(),
                "bad-image",
                "not a PNG or JPEG (it is a GIF)",
            ),
            ("empty", vec![], "bad-image", "the file is empty"),
            ("text", b"hello".to_vec(), "bad-image", "unknown format"),
            (
                "huge header with data",
                png_bytes(
                    60_000,
                    60_000,
                    Some(&[0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]),
                ),
                "image-too-large",
                "image too large: 60000×60000 pixels, the limit is 20000×20000",
            ),
            (
                "huge header",
                png_bytes(60_000, 60_000, None),
                "image-too-large",
                "image too large: 60000×60000 pixels, the limit is 20000×20000",
            ),
            ("wide", png_bytes(20_001, 1, None), "image-too-large", "20001×1"),
            (
                "within the sides, over the memory",
                png_bytes(
                    20_000,
                    20_000,
                    Some(&[0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]),
                ),
                "image-too-large",
                "too large to decode within 256 MiB",
            ),
            (
                "truncated",
                tiny_png()[..40].to_vec(),
                "bad-image",
                "damaged or incomplete",
            ),
            ("garbage data", png_bytes(4, 4, Some(b"not zlib")), "bad-image", "damaged"),
            ("jpeg magic only", vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 0], "bad-image", "JPEG"),
        ];
        for (name, bytes, code, msg) in table {
            let start = Instant::now();
            let err = check_image(bytes).expect_err(name);
            assert!(start.elapsed() < Duration::from_secs(2), "{name} took too long");
            assert_eq!(err.code, code, "{name}: {err:?}");
            assert!(err.message.en().contains(msg), "{name}: {}", err.message);
        }
    }

    /// A 64×48 JPEG with a gradient, encoded by the `image` crate.
    fn jpeg() -> Vec<u8> {
        let img = image::RgbImage::from_fn(64, 48, |x, y| {
            image::Rgb([x as u8 * 4, y as u8 * 5, 90])
        });
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Jpeg).expect("encode jpeg");
        out.into_inner()
    }

    #[test]
    fn a_jpeg_cut_short_is_refused_and_a_whole_one_accepted() {
        let whole = jpeg();
        // An APP1 segment (as EXIF) that holds a thumbnail's own end marker.
        let mut with_app = whole[..2].to_vec();
        with_app
            .extend_from_slice(&[0xFF, 0xE1, 0x00, 0x08, b'E', b'x', 0xFF, 0xD9, 0, 0]);
        with_app.extend_from_slice(&whole[2..]);
        // Bytes after the end marker (some cameras add them) are harmless.
        let mut trailing = whole.clone();
        trailing.extend_from_slice(b"trailing");
        for (name, bytes) in
            [("whole", &whole), ("app segment", &with_app), ("trailing", &trailing)]
        {
            assert!(check_image(bytes.clone()).is_ok(), "{name}");
        }
        let table: [(&str, Vec<u8>); 3] = [
            ("cut in the picture data", whole[..whole.len() - 40].to_vec()),
            ("cut after the end marker is lost", whole[..whole.len() - 2].to_vec()),
            ("cut with an app segment", with_app[..with_app.len() - 30].to_vec()),
        ];
        for (name, bytes) in table {
            let err = check_image(bytes).expect_err(name);
            assert_eq!(err.code, "bad-image", "{name}");
            assert!(err.message.en().contains("cut short"), "{name}: {}", err.message);
        }
    }

    #[test]
    fn cache_shares_bytes() {
        let dir = crate::temp_project::TempProject::new("image-cache");
        let path = dir.join("a.png");
        std::fs::write(&path, tiny_png()).unwrap();
        let cache = ImageCache::new();
        let a = cache.get(&path, "a.png").unwrap();
        let b = cache.get(&path, "x/../a.png").unwrap();
        assert!(Arc::ptr_eq(&a.bytes, &b.bytes));
        assert_eq!(b.src, "x/../a.png");
    }
}
