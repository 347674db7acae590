//! Layout rules on synthetic guides: pictures of every kind, tables that
//! split, nested lists, callouts across pages, missing characters.

mod common;

use std::path::Path;

use guidepress::layout::{layout_guide, Item, LaidOut, LayoutOptions};
use guidepress::model::{load, LoadOptions};
use guidepress::pdf::{write_pdf, PdfOptions};
use serde_json::{json, Value};

/// Writes a one-guide project (`body` as given) and lays it out.
fn lay_out(name: &str, body: Value, setup: impl FnOnce(&Path)) -> LaidOut {
    let dir = common::temp_dir(name);
    std::fs::create_dir_all(dir.join("guides")).unwrap();
    std::fs::create_dir_all(dir.join("images")).unwrap();
    setup(&dir.join("images"));
    let guide = json!({ "format": 1, "title": "Essai", "lang": "fr", "body": body });
    std::fs::write(dir.join("guides/essai.json"), guide.to_string()).unwrap();
    let loaded = load(&LoadOptions {
        guides_dir: dir.join("guides"),
        images_dir: dir.join("images"),
    })
    .expect("project loads");
    let g = loaded.guides[0].result.as_ref().unwrap_or_else(|e| panic!("{e:?}"));
    let laid = layout_guide(
        g,
        &loaded.collection,
        &LayoutOptions::for_collection(&loaded.collection),
    );
    // Every synthetic document must also make a valid PDF/UA-1 file.
    write_pdf(&laid.document, &PdfOptions::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    laid
}

fn texts_on(laid: &LaidOut, page: usize) -> Vec<String> {
    laid.document.pages[page]
        .items
        .iter()
        .filter_map(|p| match &p.item {
            Item::Text(t) => Some(t.text.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn every_kind_of_picture_is_placed_scaled_and_embedded() {
    use image::{ImageBuffer, Luma, Rgb, Rgba};
    type Writer = Box<dyn Fn(&Path)>;
    let cases: Vec<(&str, Writer)> = vec![
        (
            "rgb8.png",
            Box::new(|p: &Path| {
                ImageBuffer::from_fn(300, 200, |x, _| Rgb([x as u8, 0, 0]))
                    .save(p)
                    .unwrap()
            }),
        ),
        (
            "rgba8.png",
            Box::new(|p: &Path| {
                ImageBuffer::from_fn(300, 200, |x, y| Rgba([x as u8, y as u8, 0, 128]))
                    .save(p)
                    .unwrap()
            }),
        ),
        (
            "gray8.png",
            Box::new(|p: &Path| {
                ImageBuffer::from_fn(300, 200, |x, _| Luma([x as u8])).save(p).unwrap()
            }),
        ),
        (
            "rgb16.png",
            Box::new(|p: &Path| {
                ImageBuffer::<Rgb<u16>, Vec<u16>>::from_fn(300, 200, |x, _| {
                    Rgb([x as u16 * 200, 0, 1000])
                })
                .save(p)
                .unwrap()
            }),
        ),
        (
            "rgba16.png",
            Box::new(|p: &Path| {
                ImageBuffer::<Rgba<u16>, Vec<u16>>::from_fn(300, 200, |x, _| {
                    Rgba([x as u16 * 200, 0, 9, 30000])
                })
                .save(p)
                .unwrap()
            }),
        ),
        (
            "photo.jpg",
            Box::new(|p: &Path| {
                ImageBuffer::from_fn(300, 200, |x, y| Rgb([x as u8, y as u8, 90]))
                    .save(p)
                    .unwrap()
            }),
        ),
        // Far larger than the page: must be scaled down, keeping proportions.
        (
            "huge.png",
            Box::new(|p: &Path| {
                ImageBuffer::from_fn(6000, 1500, |_, _| Luma([200u8])).save(p).unwrap()
            }),
        ),
        (
            "tall.png",
            Box::new(|p: &Path| {
                ImageBuffer::from_fn(400, 4000, |_, _| Luma([90u8])).save(p).unwrap()
            }),
        ),
    ];
    for (name, make) in cases {
        let body = json!([{ "type": "image", "src": name, "alt": "une image d’essai" }]);
        let laid = lay_out(&format!("img-{name}"), body, |dir| make(&dir.join(name)));
        let page = &laid.document.pages[0];
        let (rect, image) = page
            .items
            .iter()
            .find_map(|p| match &p.item {
                Item::Image { rect, image } => Some((*rect, image.clone())),
                _ => None,
            })
            .unwrap_or_else(|| panic!("{name}: no picture placed"));
        assert!(page.content_box.contains(&rect), "{name}: {rect:?} overflows");
        let ratio = image.width as f32 / image.height as f32;
        assert!(
            (rect.w / rect.h - ratio).abs() / ratio < 0.01,
            "{name}: proportions changed"
        );
    }
}

#[test]
fn a_long_table_splits_by_rows_and_repeats_its_header() {
    let rows: Vec<Value> =
        (1..=80).map(|i| json!([format!("ligne {i}"), "une cellule"])).collect();
    let body =
        json!([{ "type": "table", "header": ["Colonne A", "Colonne B"], "rows": rows }]);
    let laid = lay_out("table", body, |_| {});
    assert!(laid.document.pages.len() >= 2, "80 rows fit on one page?");
    for page in 0..laid.document.pages.len() {
        let t = texts_on(&laid, page);
        assert!(
            t.iter().any(|s| s == "Colonne A"),
            "page {} lacks the header: {t:?}",
            page + 1
        );
    }
    // Every row is printed exactly once.
    let all: Vec<String> =
        (0..laid.document.pages.len()).flat_map(|p| texts_on(&laid, p)).collect();
    for i in 1..=80 {
        let row = format!("ligne {i}");
        assert_eq!(all.iter().filter(|s| s.trim() == row).count(), 1, "{row}");
    }
}

#[test]
fn nested_lists_indent_each_level() {
    let body = json!([{ "type": "list", "items": [
        { "text": "niveau un", "items": [ { "text": "niveau deux", "items": ["niveau trois"] } ] }
    ] }]);
    let laid = lay_out("nested", body, |_| {});
    let x_of = |needle: &str| {
        laid.document.pages[0]
            .items
            .iter()
            .find_map(|p| match &p.item {
                Item::Text(t) if t.text.contains(needle) => Some(t.x),
                _ => None,
            })
            .unwrap()
    };
    let (a, b, c) = (x_of("un"), x_of("deux"), x_of("trois"));
    assert!(a < b && b < c, "{a} {b} {c}");
}

#[test]
fn a_callout_across_a_page_break_is_framed_on_both_pages() {
    let long =
        "Ceci est une longue remarque qui doit passer d’une page à l’autre. ".repeat(60);
    let mut body = vec![json!({ "type": "paragraph", "text": "Début." })];
    for _ in 0..6 {
        body.push(json!({ "type": "paragraph", "text": "Du texte avant l’encadré pour remplir la page. ".repeat(8) }));
    }
    body.push(json!({ "type": "callout", "kind": "warning", "text": long }));
    let laid = lay_out("callout", Value::Array(body), |_| {});
    let mut framed_pages = 0;
    for page in &laid.document.pages {
        let frames: Vec<_> = page
            .items
            .iter()
            .filter_map(|p| match &p.item {
                Item::Frame { rect, .. } if rect.w > page.content_box.w * 0.9 => {
                    Some(*rect)
                }
                _ => None,
            })
            .collect();
        let callout_text: Vec<_> = page
            .items
            .iter()
            .filter_map(|p| match &p.item {
                Item::Text(t) if t.text.contains("longue remarque") => {
                    Some(p.item.bbox())
                }
                _ => None,
            })
            .collect();
        if callout_text.is_empty() {
            continue;
        }
        framed_pages += 1;
        for b in callout_text {
            assert!(
                frames.iter().any(|f| f.contains(&b)),
                "callout text {b:?} outside its frame"
            );
        }
    }
    assert!(framed_pages >= 2, "the callout should cross a page break");
}

#[test]
fn a_character_no_font_has_is_reported_not_dropped() {
    let body = json!([{ "type": "paragraph", "text": "Bonne journée 🙂 → ✓" }]);
    let laid = lay_out("missing", body, |_| {});
    assert_eq!(laid.warnings.len(), 1, "{:?}", laid.warnings);
    let w = &laid.warnings[0];
    assert_eq!(w.code, "missing-glyph");
    assert!(w.message.en().contains("U+1F642"), "{}", w.message);
    assert!(w.file.ends_with("essai.json"));
}

#[test]
fn a_heading_is_never_alone_at_the_bottom_of_a_page() {
    // Push a heading towards the bottom with filler of varying length.
    for n in 20..40 {
        let mut body: Vec<Value> =
            (0..n).map(|i| json!({ "type": "paragraph", "text": format!("Ligne de remplissage {i}.") })).collect();
        body.push(json!({ "type": "heading", "text": "Un titre de section" }));
        body.push(json!({ "type": "paragraph", "text": "Le texte qui suit le titre." }));
        let laid = lay_out(&format!("heading-{n}"), Value::Array(body), |_| {});
        for p in 0..laid.document.pages.len() {
            let t = texts_on(&laid, p);
            if let Some(i) = t.iter().position(|s| s.contains("Un titre de section")) {
                assert!(
                    t[i + 1..].iter().any(|s| s.contains("Le texte qui suit")),
                    "n={n}: heading separated from its text"
                );
            }
        }
    }
}

/// A sheet whose last page would hold only a few lines is laid out again
/// with less space between blocks, when that saves the page; otherwise the
/// usual spacing stays.
#[test]
fn a_nearly_empty_last_page_is_saved_by_tighter_spacing() {
    let spacing_and_pages = |n: usize| {
        let body: Vec<Value> = (0..n)
            .map(|i| json!({"type": "paragraph", "text": format!("Ligne {i}.")}))
            .collect();
        let laid = lay_out("tighten", Value::Array(body), |_| {});
        let ys: Vec<f32> = laid.document.pages[0]
            .items
            .iter()
            .filter_map(|p| match &p.item {
                Item::Text(t) if t.text.starts_with("Ligne") => Some(t.y),
                _ => None,
            })
            .collect();
        (ys[1] - ys[0], laid.document.pages.len())
    };
    let (usual, _) = spacing_and_pages(3);
    let mut saved = None;
    let mut last_pages = 1;
    for n in (20..90).step_by(2) {
        let (spacing, pages) = spacing_and_pages(n);
        assert!(
            pages >= last_pages,
            "{n} paragraphs: fewer pages than with fewer paragraphs"
        );
        last_pages = pages;
        if pages == 2 {
            // The first two-page sheet could not be saved: usual spacing.
            assert!((spacing - usual).abs() < 0.01, "{n}: {spacing} vs {usual}");
            break;
        }
        if spacing < usual - 0.5 {
            saved.get_or_insert(n);
        }
    }
    let n = saved.expect("some sheet was tightened onto one page");
    // Just below, the usual spacing fits on one page.
    let (spacing, pages) = spacing_and_pages(n - 8);
    assert_eq!((pages, (spacing - usual).abs() < 0.01), (1, true));
}
