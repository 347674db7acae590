//! A picture's annotations on the web: an inline SVG laid over the picture
//! whose `viewBox` is the picture's own pixels, so markers, boxes and arrows
//! scale with it and stay where they belong at every width; drawn as in
//! print (red, with a white halo; a marker is a disc with its digit), sized
//! to stay legible on a phone. Screen readers get the same in words.

use std::fmt::Write;

use super::words;
use crate::model::{Annotation, Figure, Lang};

/// The narrowest a picture is shown, in CSS pixels: a 390 px phone less
/// the page's margins. Sizes below are given at that width.
const PHONE: f32 = 358.0;
/// A marker's disc, in CSS pixels on a phone (print: 4 to 6 mm): the
/// digit stays legible, the disc hides little of a scaled-down screenshot.
const DISC: f32 = 18.0;
/// A box's or an arrow's line, in CSS pixels on a phone.
const LINE: f32 = 2.5;

/// The red of the printed annotations (`layout::figures::MARK_RED`).
const RED: &str = "#c00000";

/// The `<svg>` drawn over `figure` shown at most `shown` CSS pixels wide,
/// or `None` when it has no annotations.
pub fn svg(figure: &Figure, shown: u32) -> Option<String> {
    if figure.annotations.is_empty() {
        return None;
    }
    let (w, h) = (figure.image.width.max(1) as f32, figure.image.height.max(1) as f32);
    // Picture pixels per CSS pixel at the narrowest the picture is shown.
    let u = w / (shown as f32).clamp(1.0, PHONE);
    let line = LINE * u;
    let halo = line * 0.8;
    let mut out = format!(
        "<svg class=\"marks\" viewBox=\"0 0 {} {}\" aria-hidden=\"true\" focusable=\"false\">",
        n(w),
        n(h)
    );
    for a in &figure.annotations {
        match *a {
            Annotation::Box { at, size } => {
                let m = line / 2.0 + halo * 0.5;
                let (x, y) = (at.0 - m, at.1 - m);
                let (bw, bh) = (size.0 + 2.0 * m, size.1 + 2.0 * m);
                let rect = format!(
                    "x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"none\"",
                    n(x),
                    n(y),
                    n(bw),
                    n(bh),
                    n(line)
                );
                let _ = write!(
                    out,
                    "<rect {rect} stroke=\"#fff\" stroke-width=\"{}\"/>\
                     <rect {rect} stroke=\"{RED}\" stroke-width=\"{}\"/>",
                    n(line + halo),
                    n(line)
                );
            }
            Annotation::Arrow { from, to } => {
                let len =
                    ((to.0 - from.0).powi(2) + (to.1 - from.1).powi(2)).sqrt().max(0.01);
                let (ux, uy) = ((to.0 - from.0) / len, (to.1 - from.1) / len);
                let head = (5.0 * line).min(len * 0.6);
                let half = head * 0.45;
                let (bx, by) = (to.0 - ux * head, to.1 - uy * head);
                let shaft = format!(
                    "M{} {}L{} {}",
                    n(from.0),
                    n(from.1),
                    n(bx + ux * 0.5),
                    n(by + uy * 0.5)
                );
                let tip = format!(
                    "M{} {}L{} {}L{} {}Z",
                    n(to.0),
                    n(to.1),
                    n(bx - uy * half),
                    n(by + ux * half),
                    n(bx + uy * half),
                    n(by - ux * half)
                );
                let _ = write!(
                    out,
                    "<path d=\"{shaft}{tip}\" fill=\"#fff\" stroke=\"#fff\" stroke-width=\"{}\" \
                     stroke-linejoin=\"round\"/><path d=\"{shaft}\" stroke=\"{RED}\" \
                     stroke-width=\"{}\"/><path d=\"{tip}\" fill=\"{RED}\"/>",
                    n(line + 2.0 * halo),
                    n(line)
                );
            }
            Annotation::Marker { n: digit, at } => {
                let r = DISC * u / 2.0;
                let ring = r + halo * 0.6;
                // The disc stays inside the picture, halo included.
                let inside = |v: f32, hi: f32| {
                    if hi < 2.0 * ring {
                        hi / 2.0
                    } else {
                        v.clamp(ring, hi - ring)
                    }
                };
                let (cx, cy) = (inside(at.0, w), inside(at.1, h));
                let _ = write!(
                    out,
                    "<circle cx=\"{x}\" cy=\"{y}\" r=\"{}\" fill=\"#fff\"/>\
                     <circle cx=\"{x}\" cy=\"{y}\" r=\"{}\" fill=\"{RED}\"/>\
                     <text x=\"{x}\" y=\"{}\" font-size=\"{}\">{digit}</text>",
                    n(ring),
                    n(r),
                    n(cy + r * 0.45),
                    n(r * 1.3),
                    x = n(cx),
                    y = n(cy),
                );
            }
        }
    }
    out.push_str("</svg>");
    Some(out)
}

/// What the annotations show, for screen readers (the picture's alt text
/// says what they point at): `Sur l’image : repères 1 et 2, 2 cadres.`
pub fn described(figure: &Figure, lang: Lang) -> Option<String> {
    if figure.annotations.is_empty() {
        return None;
    }
    let mut markers = Vec::new();
    let (mut boxes, mut arrows) = (0, 0);
    for a in &figure.annotations {
        match a {
            Annotation::Marker { n, .. } => markers.push(*n),
            Annotation::Box { .. } => boxes += 1,
            Annotation::Arrow { .. } => arrows += 1,
        }
    }
    Some(words::annotations(&markers, boxes, arrows, lang))
}

/// A number for SVG: at most one decimal, no trailing `.0`.
fn n(v: f32) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ImageData, ImageFormat};
    use std::sync::Arc;

    fn figure(annotations: Vec<Annotation>) -> Figure {
        Figure {
            image: ImageData {
                src: "a.png".into(),
                bytes: Arc::new(Vec::new()),
                format: ImageFormat::Png,
                width: 716,
                height: 400,
            },
            alt: "A".into(),
            caption: None,
            width: None,
            annotations,
        }
    }

    #[test]
    fn the_svg_uses_the_pictures_pixels_and_keeps_markers_inside() {
        assert_eq!(svg(&figure(Vec::new()), 672), None);
        let f = figure(vec![
            Annotation::Box { at: (10.0, 20.0), size: (100.0, 30.0) },
            Annotation::Marker { n: 2, at: (0.0, 200.0) },
            Annotation::Arrow { from: (300.0, 300.0), to: (400.0, 300.0) },
        ]);
        // Shown 672 px wide at most, 358 px on a phone: 2 picture pixels
        // per CSS pixel there, an 18 px disc is 36 pixels of the picture.
        let s = svg(&f, 672).unwrap();
        assert!(
            s.starts_with(
                "<svg class=\"marks\" viewBox=\"0 0 716 400\" aria-hidden=\"true\""
            ),
            "{s}"
        );
        assert!(
            s.contains("<circle cx=\"20.4\" cy=\"200\" r=\"18\" fill=\"#c00000\"/>"),
            "{s}"
        );
        assert!(s.contains(">2</text>"), "{s}");
        assert!(s.contains("<path d=\"M300 300L375.5 300\" stroke=\"#c00000\""), "{s}");
        assert!(
            s.contains("<rect x=\"5.5\" y=\"15.5\" width=\"109\" height=\"39\""),
            "{s}"
        );
        assert_eq!(
            described(&f, Lang::Fr).unwrap(),
            "Sur l’image\u{a0}: repère\u{a0}2, un cadre, une flèche."
        );
        assert_eq!(
            described(&f, Lang::En).unwrap(),
            "On the picture: marker 2, a frame, an arrow."
        );
    }
}
