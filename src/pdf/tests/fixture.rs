//! Small hand-built documents for the PDF writer's tests.

use std::sync::Arc;

use crate::layout::fonts::FontBook;
use crate::layout::{
    Document, FontId, Glyph, Item, Link, LinkDest, Mark, Meta, OutlineEntry, Page,
    Placed, Rect, Rgb, Role, StructTree, TextRun,
};
use crate::model::{Date, ImageData, ImageFormat, Lang};

/// The heading text: accents, a non-breaking-space-free French colon.
pub const HEADING: &str = "Éléments à vérifier : déjà";

/// Shapes `text` with rustybuzz into a run at (`x`, `y`).
pub fn run(text: &str, font: FontId, size: f32, x: f32, y: f32) -> TextRun {
    let data = FontBook::get().font(font);
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    let shaped = rustybuzz::shape(data.face(), &[], buffer);
    let scale = size / data.units_per_em;
    let infos = shaped.glyph_infos();
    let positions = shaped.glyph_positions();
    let mut glyphs = Vec::with_capacity(infos.len());
    let mut width = 0.0;
    for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
        let start = info.cluster as usize;
        let end = infos[i + 1..]
            .iter()
            .map(|g| g.cluster as usize)
            .find(|&c| c > start)
            .unwrap_or(text.len());
        let x_advance = pos.x_advance as f32 * scale;
        width += x_advance;
        glyphs.push(Glyph {
            id: info.glyph_id as u16,
            x_advance,
            x_offset: pos.x_offset as f32 * scale,
            y_offset: pos.y_offset as f32 * scale,
            range: start..end,
        });
    }
    TextRun {
        x,
        y,
        font,
        size,
        color: Rgb(0x20, 0x20, 0x20),
        glyphs,
        text: text.into(),
        width,
        actual: None,
    }
}

/// A 6 × 4 PNG encoded with the `image` crate.
pub fn png(src: &str) -> ImageData {
    png_seeded(src, 200)
}

/// A 6 × 4 PNG whose blue channel is `seed`: distinct seeds, distinct bytes.
pub fn png_seeded(src: &str, seed: u8) -> ImageData {
    let img = image::RgbImage::from_fn(6, 4, |x, y| {
        image::Rgb([x as u8 * 40, y as u8 * 60, seed])
    });
    let mut bytes = Vec::new();
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png)
        .expect("encode png");
    ImageData {
        src: src.into(),
        bytes: Arc::new(bytes),
        format: ImageFormat::Png,
        width: 6,
        height: 4,
    }
}

fn text(run: TextRun, node: usize) -> Placed {
    Placed { item: Item::Text(run), mark: Mark::Node(node) }
}

fn page(items: Vec<Placed>, links: Vec<Link>) -> Page {
    Page {
        width: 595.276,
        height: 841.89,
        content_box: Rect { x: 56.0, y: 70.0, w: 483.0, h: 700.0 },
        items,
        links,
    }
}

/// A 2-page sheet: heading, paragraphs with an internal and an external link,
/// a picture used on both pages, a QR-like fill, a footer, two bookmarks.
pub fn sheet() -> Document {
    let mut st = StructTree::default();
    let root = StructTree::ROOT;
    let h1 = st.add(root, Role::Heading(1));
    let p1 = st.add(root, Role::Paragraph);
    let link_internal = st.add(p1, Role::Link);
    let p2 = st.add(root, Role::Paragraph);
    let link_url = st.add(p2, Role::Link);
    let fig = st.add(root, Role::Figure { alt: "Capture de l'écran d'accueil".into() });
    let qr =
        st.add(root, Role::Figure { alt: "Code QR vers https://example.org".into() });
    let h2 = st.add(root, Role::Heading(2));
    let p3 = st.add(root, Role::Paragraph);
    let fig2 = st.add(root, Role::Figure { alt: "La même capture".into() });
    let empty = st.add(root, Role::Section);
    let _ = empty;

    let image = png("captures/accueil.png");
    let before = run("Lire ", FontId::Regular, 11.0, 56.0, 140.0);
    let linked = run("la suite", FontId::Bold, 11.0, 56.0 + before.width, 140.0);
    let linked_rect = Rect { x: linked.x, y: 130.0, w: linked.width, h: 13.0 };
    let url = run("https://example.org/guide", FontId::Mono, 10.0, 56.0, 160.0);
    let url_rect = Rect { x: 56.0, y: 150.0, w: url.width, h: 13.0 };
    let qr_rects: Vec<Rect> = (0..5)
        .flat_map(|r| (0..5).map(move |c| (r, c)))
        .filter(|(r, c)| (r + c) % 2 == 0 || *r == 0)
        .map(|(r, c)| Rect {
            x: 400.0 + c as f32 * 4.0,
            y: 300.0 + r as f32 * 4.0,
            w: 4.0,
            h: 4.0,
        })
        .collect();

    let page1 = page(
        vec![
            Placed {
                item: Item::Line {
                    x1: 56.0,
                    y1: 60.0,
                    x2: 539.0,
                    y2: 60.0,
                    width: 0.5,
                    color: Rgb(0x80, 0x80, 0x80),
                    dash: Some(2.0),
                },
                mark: Mark::Artifact,
            },
            text(run(HEADING, FontId::Bold, 20.0, 56.0, 100.0), h1),
            text(before, p1),
            text(linked, link_internal),
            text(url, link_url),
            Placed {
                item: Item::Image {
                    rect: Rect { x: 56.0, y: 200.0, w: 120.0, h: 80.0 },
                    image: image.clone(),
                },
                mark: Mark::Node(fig),
            },
            Placed {
                item: Item::Fill { rects: qr_rects, color: Rgb::BLACK },
                mark: Mark::Node(qr),
            },
            Placed {
                item: Item::Frame {
                    rect: Rect { x: 50.0, y: 190.0, w: 300.0, h: 100.0 },
                    width: 1.0,
                    color: Rgb(0, 0x60, 0xA0),
                    dash: None,
                },
                mark: Mark::Artifact,
            },
            Placed {
                item: Item::Text(run("Page 1 / 2", FontId::Regular, 8.0, 500.0, 800.0)),
                mark: Mark::Artifact,
            },
        ],
        vec![
            Link {
                rect: linked_rect,
                dest: LinkDest::Page { page: 1, y: 90 },
                node: link_internal,
                alt: "Aller à la page 2".into(),
            },
            Link {
                rect: url_rect,
                dest: LinkDest::Uri("https://example.org/guide".into()),
                node: link_url,
                alt: "https://example.org/guide".into(),
            },
        ],
    );
    let page2 = page(
        vec![
            text(run("Suite", FontId::Bold, 16.0, 56.0, 100.0), h2),
            text(
                run("Deuxième page, en italique.", FontId::Italic, 11.0, 56.0, 130.0),
                p3,
            ),
            Placed {
                item: Item::Image {
                    rect: Rect { x: 56.0, y: 200.0, w: 60.0, h: 40.0 },
                    image,
                },
                mark: Mark::Node(fig2),
            },
            Placed {
                item: Item::Text(run("Page 2 / 2", FontId::Regular, 8.0, 500.0, 800.0)),
                mark: Mark::Artifact,
            },
        ],
        vec![],
    );

    Document {
        pages: vec![page1, page2],
        structure: st,
        outline: vec![
            OutlineEntry { title: HEADING.into(), page: 0, y: 80.0, level: 1 },
            OutlineEntry { title: "Suite".into(), page: 1, y: 84.0, level: 2 },
        ],
        meta: Meta {
            title: "Vérifier son poste".into(),
            author: Some("Équipe numérique".into()),
            subject: Some("Une fiche d'essai".into()),
            keywords: vec!["essai".into(), "pdf".into()],
            lang: Lang::Fr,
            created: Some(Date { year: 2022, month: 3, day: 4 }),
            modified: Some(Date { year: 2023, month: 5, day: 6 }),
        },
    }
}
