//! PNG pictures in the PDF: which ones go in as they are (their IDAT data
//! with a PNG predictor) and which ones krilla decodes and compresses again,
//! and that either way a PDF reader (hayro) shows the PNG's own colours.

use std::sync::Arc;

use hayro::hayro_interpret::InterpreterSettings;
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{render, PixmapSettings, RenderCache, RenderSettings};
use png::{BitDepth, ColorType};

use super::fixture;
use super::readback::Pdf;
use crate::layout::{Item, Rect};
use crate::model::{ImageData, ImageFormat};
use crate::pdf::{write_pdf, PdfOptions};

/// Picture size in pixels (7 wide: rows of 1, 2 and 4 bits end in padding
/// bits), and the points each pixel gets on the page.
const W: u32 = 7;
const H: u32 = 4;
const CELL: f32 = 8.0;
/// Where the picture sits on page 1 of the fixture sheet (top-left, points).
const AT: (f32, f32) = (56.0, 200.0);

/// A PNG kind, and whether it goes into the PDF as it is.
struct Case {
    name: &'static str,
    color: ColorType,
    depth: BitDepth,
    /// A tRNS chunk (every entry opaque: the colours stay comparable).
    trns: bool,
    /// Adam7 interlacing (the png crate does not write it: set by hand).
    interlaced: bool,
    as_is: bool,
}

const fn case(
    name: &'static str,
    color: ColorType,
    depth: BitDepth,
    as_is: bool,
) -> Case {
    Case { name, color, depth, trns: false, interlaced: false, as_is }
}

const CASES: &[Case] = &[
    case("grey 1 bit", ColorType::Grayscale, BitDepth::One, true),
    case("grey 2 bits", ColorType::Grayscale, BitDepth::Two, true),
    case("grey 4 bits", ColorType::Grayscale, BitDepth::Four, true),
    case("grey 8 bits", ColorType::Grayscale, BitDepth::Eight, true),
    case("palette 1 bit", ColorType::Indexed, BitDepth::One, true),
    case("palette 2 bits", ColorType::Indexed, BitDepth::Two, true),
    case("palette 4 bits", ColorType::Indexed, BitDepth::Four, true),
    case("palette 8 bits", ColorType::Indexed, BitDepth::Eight, true),
    case("RGB 8 bits", ColorType::Rgb, BitDepth::Eight, true),
    case("RGB 16 bits", ColorType::Rgb, BitDepth::Sixteen, false),
    case("grey 16 bits", ColorType::Grayscale, BitDepth::Sixteen, false),
    case("RGBA 8 bits", ColorType::Rgba, BitDepth::Eight, false),
    case("grey + alpha", ColorType::GrayscaleAlpha, BitDepth::Eight, false),
    Case {
        trns: true,
        ..case("palette + tRNS", ColorType::Indexed, BitDepth::Four, false)
    },
    Case {
        interlaced: true,
        ..case("RGB interlaced", ColorType::Rgb, BitDepth::Eight, false)
    },
];

/// Pixel `i`'s sample values (one per channel) for a PNG of `depth` bits:
/// every pixel differs from its neighbours, within what the depth can hold.
fn samples(c: &Case, i: u32) -> Vec<u16> {
    let max = (1u32 << bits(c.depth)) - 1;
    let v = |k: u32| ((i * 37 + k * 91) % (max + 1)) as u16;
    match c.color {
        ColorType::Grayscale => vec![v(0)],
        ColorType::Indexed => vec![(i % (max + 1).min(16)) as u16],
        ColorType::GrayscaleAlpha => vec![v(0), max as u16],
        ColorType::Rgb => vec![v(0), v(1), v(2)],
        ColorType::Rgba => vec![v(0), v(1), v(2), max as u16],
    }
}

fn bits(depth: BitDepth) -> u32 {
    match depth {
        BitDepth::One => 1,
        BitDepth::Two => 2,
        BitDepth::Four => 4,
        BitDepth::Eight => 8,
        BitDepth::Sixteen => 16,
    }
}

/// Packs samples into PNG rows (big-endian, sub-byte samples from the high bit).
fn rows(c: &Case) -> Vec<u8> {
    let b = bits(c.depth);
    let mut out = Vec::new();
    for y in 0..H {
        let mut acc: u32 = 0;
        let mut filled = 0;
        for x in 0..W {
            for s in samples(c, y * W + x) {
                if b == 16 {
                    out.extend_from_slice(&s.to_be_bytes());
                    continue;
                }
                acc = (acc << b) | u32::from(s);
                filled += b;
                if filled == 8 {
                    out.push(acc as u8);
                    (acc, filled) = (0, 0);
                }
            }
        }
        if filled > 0 {
            out.push((acc << (8 - filled)) as u8);
        }
    }
    out
}

fn encode(c: &Case) -> Vec<u8> {
    let mut bytes = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut bytes, W, H);
        enc.set_color(c.color);
        enc.set_depth(c.depth);
        if c.color == ColorType::Indexed {
            // 16 distinct colours; low depths use the first 2 or 4.
            let palette: Vec<u8> = (0..16u8)
                .flat_map(|i| [i * 16, 255 - i * 13, i.wrapping_mul(71)])
                .collect();
            enc.set_palette(palette);
        }
        if c.trns {
            enc.set_trns(vec![255u8; 16]);
        }
        let mut writer = enc.write_header().expect("png header");
        writer.write_image_data(&rows(c)).expect("png data");
    }
    if c.interlaced {
        set_interlaced(&mut bytes);
    }
    bytes
}

/// Marks the IHDR as Adam7 and re-encodes the image data for it. With
/// W × H = 7 × 4 the passes are small; the png decoder checks them.
fn set_interlaced(bytes: &mut Vec<u8>) {
    let c = &CASES.iter().find(|c| c.interlaced).expect("an interlaced case");
    let row = |y: u32, xs: &[u32]| -> Vec<u8> {
        let mut r = vec![0u8]; // filter: none
        for &x in xs {
            r.extend(samples(c, y * W + x).into_iter().map(|s| s as u8));
        }
        r
    };
    // Adam7 passes: (x0, y0, dx, dy).
    let passes = [
        (0, 0, 8, 8),
        (4, 0, 8, 8),
        (0, 4, 4, 8),
        (2, 0, 4, 4),
        (0, 2, 2, 4),
        (1, 0, 2, 2),
        (0, 1, 1, 2),
    ];
    let mut raw = Vec::new();
    for (x0, y0, dx, dy) in passes {
        let xs: Vec<u32> = (x0..W).step_by(dx).collect();
        if xs.is_empty() {
            continue;
        }
        for y in (y0..H).step_by(dy) {
            raw.extend(row(y, &xs));
        }
    }
    let mut z =
        flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut z, &raw).unwrap();
    let idat = z.finish().unwrap();
    let mut ihdr = bytes[16..29].to_vec();
    ihdr[12] = 1;
    let mut out = bytes[..8].to_vec();
    for (kind, body) in [(&b"IHDR"[..], &ihdr[..]), (b"IDAT", &idat), (b"IEND", &[])] {
        out.extend_from_slice(&(body.len() as u32).to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(body);
        out.extend_from_slice(kind);
        out.extend_from_slice(body);
        out.extend_from_slice(&crc.sum().to_be_bytes());
    }
    *bytes = out;
}

/// The fixture sheet with the PNG `png`, named `src`, as its picture (page 1
/// at [`AT`], page 2 too), written.
fn sheet_with(src: &str, png: Vec<u8>) -> crate::pdf::Result<Vec<u8>> {
    let data = ImageData {
        src: src.into(),
        bytes: Arc::new(png),
        format: ImageFormat::Png,
        width: W,
        height: H,
    };
    let mut doc = fixture::sheet();
    for page in &mut doc.pages {
        for placed in &mut page.items {
            if let Item::Image { rect, image } = &mut placed.item {
                *rect = Rect { x: AT.0, y: AT.1, w: W as f32 * CELL, h: H as f32 * CELL };
                *image = data.clone();
            }
        }
    }
    write_pdf(&doc, &PdfOptions::default())
}

/// The stream data of the PDF's picture if it carries a PNG predictor (it
/// went in as it is), else `None`.
fn as_is_data(bytes: &[u8]) -> Option<Vec<u8>> {
    let pdf = Pdf::load(bytes);
    let images: Vec<_> = pdf
        .doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| {
            s.dict.get(b"Subtype").and_then(|n| n.as_name()).ok() == Some(b"Image")
        })
        .collect();
    assert!(!images.is_empty(), "no picture in the PDF");
    let predictor = |s: &&lopdf::Stream| {
        s.dict
            .get(b"DecodeParms")
            .and_then(|p| p.as_dict())
            .and_then(|p| p.get(b"Predictor"))
            .and_then(|p| p.as_i64())
            .is_ok_and(|p| p == 15)
    };
    images.into_iter().find(predictor).map(|s| s.content.clone())
}

/// The data of a PNG's IDAT chunks, joined.
fn idat(png: &[u8]) -> Vec<u8> {
    let mut rest = &png[8..];
    let mut out = Vec::new();
    while rest.len() >= 12 {
        let len = u32::from_be_bytes(rest[..4].try_into().unwrap()) as usize;
        if &rest[4..8] == b"IDAT" {
            out.extend_from_slice(&rest[8..8 + len]);
        }
        rest = &rest[12 + len..];
    }
    out
}

/// The colour hayro shows at the centre of each picture pixel of page 1.
fn rendered(bytes: &[u8]) -> Vec<[u8; 3]> {
    let pdf = hayro::hayro_syntax::Pdf::new(bytes.to_vec()).expect("hayro reads it");
    let scale = 2.0;
    let pixmap = render(
        &pdf.pages()[0],
        &RenderCache::new(),
        &InterpreterSettings::default(),
        &RenderSettings::default(),
        &PixmapSettings { x_scale: scale, y_scale: scale, bg_color: WHITE },
    );
    let width = usize::from(pixmap.width());
    let data = pixmap.data_as_u8_slice();
    (0..W * H)
        .map(|i| {
            let x = ((AT.0 + (i % W) as f32 * CELL + CELL / 2.0) * scale) as usize;
            let y = ((AT.1 + (i / W) as f32 * CELL + CELL / 2.0) * scale) as usize;
            let p = &data[(y * width + x) * 4..][..3];
            [p[0], p[1], p[2]]
        })
        .collect()
}

#[test]
fn png_pictures_go_in_as_they_are_when_a_pdf_can_read_them_and_look_the_same() {
    let mut problems = Vec::new();
    for c in CASES {
        let png = encode(c);
        let expected: Vec<[u8; 3]> = image::load_from_memory(&png)
            .unwrap_or_else(|e| panic!("{}: the test PNG does not decode: {e}", c.name))
            .to_rgb8()
            .pixels()
            .map(|p| p.0)
            .collect();
        let source = idat(&png);
        let pdf = sheet_with("essai.png", png).expect("a sheet with a picture is valid");
        match (as_is_data(&pdf), c.as_is) {
            (Some(data), true) if data != source => {
                problems.push(format!("{}: the IDAT data changed on the way", c.name))
            }
            (Some(_), false) => problems.push(format!("{}: should be decoded", c.name)),
            (None, true) => problems.push(format!("{}: should go in as it is", c.name)),
            _ => {}
        }
        for (i, (got, want)) in rendered(&pdf).iter().zip(&expected).enumerate() {
            if got.iter().zip(want).any(|(g, w)| g.abs_diff(*w) > 2) {
                problems
                    .push(format!("{}: pixel {i}: {got:?}, expected {want:?}", c.name));
                break;
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn a_broken_png_is_refused_as_before() {
    let mut png = encode(&CASES[8]);
    let idat = png.windows(4).position(|w| w == b"IDAT").expect("an IDAT chunk");
    png[idat + 6] ^= 0x55; // inside the zlib data: its CRC no longer matches
    let err = sheet_with("cassee.png", png).expect_err("a broken PNG fails");
    assert!(err.to_string().contains("cassee.png"), "{err}");
}

#[test]
fn a_cut_or_changed_png_gives_an_error_or_a_pdf_never_a_panic() {
    let png = encode(&CASES[6]); // palette, 4 bits
    let mut variants: Vec<Vec<u8>> =
        (8..png.len()).map(|end| png[..end].to_vec()).collect();
    for at in 8..png.len() {
        let mut changed = png.clone();
        changed[at] ^= 0xA5;
        variants.push(changed);
    }
    for (i, bytes) in variants.into_iter().enumerate() {
        let result = std::panic::catch_unwind(|| sheet_with("abimee.png", bytes));
        assert!(result.is_ok(), "variant {i} panicked");
    }
}
