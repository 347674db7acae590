//! 16-bit PNG pictures brought down to 8 bits per channel when read: paper
//! and screens show 8 bits, and 16-bit samples only double the picture's
//! weight in every PDF and web copy.

use std::io::Cursor;

use png::{BitDepth, Transformations};

/// `bytes` (a PNG already checked to decode) with 8 bits per channel, or
/// `None` when it has no 16-bit samples. Each sample keeps its high byte,
/// so the result depends only on the input; colour type, alpha (a tRNS
/// colour becomes an alpha channel), gamma and sRGB intent are kept.
pub fn to_8_bits(bytes: &[u8]) -> Option<Vec<u8>> {
    let probe = png::Decoder::new(Cursor::new(bytes)).read_info().ok()?;
    let info = probe.info();
    if info.bit_depth != BitDepth::Sixteen {
        return None;
    }
    let transparent_colour = info.trns.is_some();
    let mut decoder = png::Decoder::new(Cursor::new(bytes));
    decoder.set_transformations(if transparent_colour {
        Transformations::EXPAND | Transformations::STRIP_16
    } else {
        Transformations::STRIP_16
    });
    let mut reader = decoder.read_info().ok()?;
    let mut pixels = vec![0; reader.output_buffer_size()?];
    let frame = reader.next_frame(&mut pixels).ok()?;
    let (color, depth) = reader.output_color_type();
    let info = reader.info();
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, frame.width, frame.height);
    encoder.set_color(color);
    encoder.set_depth(depth);
    encoder.set_compression(png::Compression::High);
    if let Some(intent) = info.srgb {
        encoder.set_source_srgb(intent);
    } else if let Some(gamma) = info.source_gamma {
        encoder.set_source_gamma(gamma);
    }
    let mut writer = encoder.write_header().ok()?;
    writer.write_image_data(&pixels[..frame.buffer_size()]).ok()?;
    writer.finish().ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{DynamicImage, ImageBuffer, ImageFormat, Rgb};

    #[test]
    fn sixteen_bits_become_eight_the_same_way_every_time() {
        let deep = ImageBuffer::from_fn(64, 32, |x, y| {
            Rgb([(x * 1000) as u16, (y * 2000) as u16, 40_000u16 + x as u16])
        });
        let mut sixteen = std::io::Cursor::new(Vec::new());
        DynamicImage::ImageRgb16(deep.clone())
            .write_to(&mut sixteen, ImageFormat::Png)
            .unwrap();
        let sixteen = sixteen.into_inner();
        let eight = to_8_bits(&sixteen).unwrap();
        assert_eq!(to_8_bits(&sixteen), Some(eight.clone()), "deterministic");
        let reader = png::Decoder::new(Cursor::new(&eight)).read_info().unwrap();
        assert_eq!(reader.info().bit_depth, BitDepth::Eight);
        assert_eq!((reader.info().width, reader.info().height), (64, 32));
        // Each sample keeps its high byte.
        let got = image::load_from_memory(&eight).unwrap().to_rgb8();
        for (x, y, p) in deep.enumerate_pixels() {
            assert_eq!(got.get_pixel(x, y).0, p.0.map(|s| (s >> 8) as u8), "({x}, {y})");
        }
        assert!(eight.len() < sixteen.len());
        assert_eq!(to_8_bits(&eight), None, "an 8-bit picture is left as it is");
    }
}
