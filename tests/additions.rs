//! The format's additions for real help articles, end to end, on one guide
//! that uses them all: keys and menu paths, sub-steps, pictures side by
//! side, variants, annotated screenshots, table columns and the logo.
//! Laid out as a sheet, in A5, in large print and in every pack layout,
//! written as PDF/UA-1, read back with lopdf (text, tags, bookmarks) and
//! rendered with hayro (the annotations are where they belong).

mod common;

use std::path::Path;

use common::readback::Pdf;
use common::TempProject;
use guidepress::layout::pack::{layout_pack, PackLayout, PackOptions};
use guidepress::layout::{
    layout_guide, Document, Item, LaidOut, LayoutOptions, Mark, Rect,
};
use guidepress::model::{load, Guide, LoadOptions, Loaded};
use guidepress::pdf::{write_pdf, PdfOptions};
use image::{Rgb, RgbImage};

/// Pictures of the fixture: (file, width, height). `shot.png` is a white
/// screenshot-like picture, the others grey.
const PICTURES: &[(&str, u32, u32)] = &[
    ("shot.png", 900, 500),
    ("a.png", 600, 400),
    ("b.png", 600, 400),
    ("c.png", 600, 400),
    ("logo.png", 300, 120),
];

/// Where the fixture's one marker and box are, in `shot.png`'s pixels.
const MARKER: (f32, f32) = (700.0, 150.0);
const BOX: ((f32, f32), (f32, f32)) = ((100.0, 300.0), (300.0, 80.0));

fn guide_json() -> String {
    format!(
        r#"{{
  "format": 1,
  "title": "Toutes les additions",
  "body": [
    {{ "type": "paragraph", "text": "Appuyez sur [[Ctrl]]+[[Maj]]+[[Suppr]], puis ouvrez {{{{Menu > Paramètres > Vie privée et sécurité}}}}." }},
    {{ "type": "steps", "items": [
      {{ "text": "Dans la fenêtre qui s’ouvre :",
        "substeps": ["décochez *Cookies* ;", "cochez **Contenu web en cache** ;", "cliquez sur {{{{Effacer}}}}."],
        "image": {{ "src": "shot.png", "alt": "La fenêtre, le bouton porte le repère 1", "width": 0.8,
          "annotations": [
            {{ "type": "marker", "n": 1, "at": [{mx}, {my}] }},
            {{ "type": "box", "at": [{bx}, {by}], "size": [{bw}, {bh}] }},
            {{ "type": "arrow", "from": [450, 250], "to": [650, 170] }}
          ] }} }},
      {{ "text": "Comparez les trois écrans.",
        "images": [
          {{ "src": "a.png", "alt": "Écran A", "caption": "Avant" }},
          {{ "src": "b.png", "alt": "Écran B", "caption": "Pendant" }},
          {{ "src": "c.png", "alt": "Écran C", "caption": "Après" }} ] }}
    ] }},
    {{ "type": "images", "caption": "Trois écrans côte à côte.", "items": [
      {{ "src": "a.png", "alt": "Premier écran" }},
      {{ "src": "b.png", "alt": "Deuxième écran" }},
      {{ "src": "c.png", "alt": "Troisième écran" }} ] }},
    {{ "type": "heading", "level": 1, "text": "Selon le navigateur" }},
    {{ "type": "variants", "title": "Choisissez le vôtre :", "items": [
      {{ "label": "Firefox", "body": [
        {{ "type": "paragraph", "text": "Ouvrez {{{{☰ > Paramètres}}}}." }},
        {{ "type": "heading", "level": 1, "text": "Au clavier" }},
        {{ "type": "paragraph", "text": "Appuyez sur [[Ctrl]]+[[Maj]]+[[Suppr]]." }} ] }},
      {{ "label": "Chrome", "body": [
        {{ "type": "paragraph", "text": "Ouvrez {{{{⋮ > Paramètres > Confidentialité et sécurité}}}}." }} ] }},
      {{ "label": "Edge", "body": [
        {{ "type": "paragraph", "text": "Ouvrez {{{{… > Paramètres}}}}." }} ] }}
    ] }},
    {{ "type": "table", "header": ["Navigateur", "Version", "Raccourci"],
      "columns": [{{ "width": 0.5 }}, {{ "align": "right" }}, {{}}],
      "rows": [["Firefox", "128", "[[Ctrl]]+[[Maj]]+[[Suppr]]"], ["Chrome", "126", "[[Ctrl]]+[[Maj]]+[[Suppr]]"]] }}
  ]
}}"#,
        mx = MARKER.0,
        my = MARKER.1,
        bx = BOX.0 .0,
        by = BOX.0 .1,
        bw = BOX.1 .0,
        bh = BOX.1 .1,
    )
}

/// A project folder with the fixture guide, its pictures, and a collection
/// with an organisation, a logo and `paper`.
fn project(name: &str, paper: &str) -> TempProject {
    let dir = common::temp_dir(name);
    std::fs::create_dir_all(dir.join("guides")).unwrap();
    std::fs::create_dir_all(dir.join("images")).unwrap();
    for &(file, w, h) in PICTURES {
        let colour =
            if file == "shot.png" { Rgb([255, 255, 255]) } else { Rgb([200, 200, 200]) };
        RgbImage::from_pixel(w, h, colour).save(dir.join("images").join(file)).unwrap();
    }
    std::fs::write(dir.join("guides/additions.json"), guide_json()).unwrap();
    let collection = format!(
        r#"{{"format": 1, "title": "Essais", "organisation": "Collège d’essai", "logo": "logo.png", "paper": "{paper}"}}"#
    );
    std::fs::write(dir.join("guides/collection.json"), collection).unwrap();
    dir
}

fn loaded(dir: &Path) -> Loaded {
    let l = load(&LoadOptions {
        guides_dir: dir.join("guides"),
        images_dir: dir.join("images"),
    })
    .unwrap_or_else(|d| panic!("{d:?}"));
    for g in &l.guides {
        if let Err(e) = &g.result {
            panic!("{e:#?}");
        }
        assert!(g.warnings.is_empty(), "{:?}", g.warnings);
    }
    l
}

fn guide(l: &Loaded) -> &Guide {
    l.guides[0].result.as_ref().unwrap()
}

fn sheet(l: &Loaded, scale: f32) -> LaidOut {
    let opts = LayoutOptions { scale, ..LayoutOptions::for_collection(&l.collection) };
    layout_guide(guide(l), &l.collection, &opts)
}

fn pdf(doc: &Document) -> Vec<u8> {
    write_pdf(doc, &PdfOptions::default()).expect("valid PDF/UA-1")
}

/// The pictures of `doc` (logo aside) with their page and area, in order.
fn pictures(doc: &Document) -> Vec<(usize, String, Rect)> {
    let mut out = Vec::new();
    for (n, page) in doc.pages.iter().enumerate() {
        for p in &page.items {
            if let Item::Image { rect, image } = &p.item {
                if image.src != "logo.png" {
                    out.push((n, image.src.clone(), *rect));
                }
            }
        }
    }
    out
}

/// Every item not marked as decoration lies inside its page's text area.
fn assert_inside(doc: &Document, what: &str) {
    for (n, page) in doc.pages.iter().enumerate() {
        for p in &page.items {
            if p.mark == Mark::Artifact {
                continue;
            }
            let b = p.item.bbox();
            assert!(
                page.content_box.contains(&b),
                "{what} page {}: {:?} ({:?}) outside {:?}",
                n + 1,
                b,
                p.item,
                page.content_box
            );
        }
    }
}

/// The text runs of `doc`, in order.
fn runs(doc: &Document) -> Vec<(usize, &guidepress::layout::TextRun)> {
    doc.pages
        .iter()
        .enumerate()
        .flat_map(|(n, p)| {
            p.items.iter().filter_map(move |i| match &i.item {
                Item::Text(t) => Some((n, t)),
                _ => None,
            })
        })
        .collect()
}

#[test]
fn the_sheet_lays_out_every_addition() {
    let dir = project("additions-sheet", "A4");
    let l = loaded(&dir);
    let laid = sheet(&l, 1.0);
    let doc = &laid.document;
    assert_inside(doc, "A4");
    let all = runs(doc);
    // Keys: one run per combination on a line, reading without the keycaps' gaps.
    let combos: Vec<_> = all.iter().filter(|(_, r)| r.text == "Ctrl+Maj+Suppr").collect();
    assert_eq!(combos.len(), 4, "each combination stays whole on its line");
    assert!(combos.iter().all(|(_, r)| r.actual.as_deref() == Some("Ctrl+Maj+Suppr")));
    let keycaps = doc.pages[0]
        .items
        .iter()
        .filter(|p| p.mark == Mark::Artifact && matches!(p.item, Item::Path { .. }))
        .count();
    assert!(keycaps >= 3, "three keycaps around the first combination: {keycaps}");
    // Menu paths: bold labels, "›" reading ", puis ".
    let seps: Vec<_> = all.iter().filter(|(_, r)| r.text.contains('\u{203a}')).collect();
    assert!(seps
        .iter()
        .all(|(_, r)| r.actual.as_deref().is_some_and(|a| a.starts_with(", puis"))));
    // Sub-steps: lettered a) b) c), left of their text, in order.
    let labels: Vec<&str> = all
        .iter()
        .map(|(_, r)| r.text.as_str())
        .filter(|t| ["a)", "b)", "c)"].contains(t))
        .collect();
    assert_eq!(labels, ["a)", "b)", "c)"]);
    // Pictures: the annotated one, then two rows of three on A4, side by side.
    let pics = pictures(doc);
    assert_eq!(pics.len(), 7, "{pics:?}");
    for row in [&pics[1..4], &pics[4..7]] {
        let (page, y) = (row[0].0, row[0].2.y);
        assert!(row.iter().all(|p| p.0 == page && (p.2.y - y).abs() < 0.01), "{row:?}");
        for pair in row.windows(2) {
            assert!(pair[0].2.right() < pair[1].2.x, "side by side: {pair:?}");
        }
    }
    // The table's first column is half the table; the second is right-aligned.
    let table_runs: Vec<_> = all
        .iter()
        .filter(|(_, r)| ["Navigateur", "Version", "128"].contains(&r.text.as_str()))
        .map(|(_, r)| *r)
        .collect();
    let (x, width) = (doc.pages[0].content_box.x, doc.pages[0].content_box.w);
    let version = table_runs.iter().find(|r| r.text == "Version").unwrap();
    let v128 = table_runs.iter().find(|r| r.text == "128").unwrap();
    assert!(version.x > x + width * 0.5, "column 2 starts at half the table");
    assert!(
        (version.x + version.width - (v128.x + v128.width)).abs() < 0.5,
        "right-aligned: {} vs {}",
        version.x + version.width,
        v128.x + v128.width
    );
    // Variants: three labels as headings one level below "Selon le
    // navigateur" (tagged H2), each with a bookmark under it.
    let tree = &doc.structure;
    let levels: Vec<u8> = tree
        .nodes
        .iter()
        .filter_map(|n| match n.role {
            guidepress::layout::Role::Heading(l) => Some(l),
            _ => None,
        })
        .collect();
    // Title, "Selon le navigateur", Firefox, "Au clavier", Chrome, Edge.
    assert_eq!(levels, [1, 2, 3, 4, 3, 3]);
    let bookmarks: Vec<(String, u8)> =
        doc.outline.iter().map(|o| (o.title.clone(), o.level)).collect();
    assert_eq!(
        bookmarks,
        [
            ("Selon le navigateur".to_string(), 1),
            ("Firefox".to_string(), 2),
            ("Chrome".to_string(), 2),
            ("Edge".to_string(), 2)
        ]
    );
    // The logo, at the top right of the header, named after the organisation.
    let logo = doc.pages[0]
        .items
        .iter()
        .find(|p| matches!(&p.item, Item::Image { image, .. } if image.src == "logo.png"))
        .expect("the logo is drawn");
    let r = logo.item.bbox();
    assert!(
        (r.right() - (x + width)).abs() < 0.01
            && r.y <= doc.pages[0].content_box.y + 0.01
    );
    let Mark::Node(n) = logo.mark else { panic!("the logo is a figure") };
    assert_eq!(
        tree.nodes[n].role,
        guidepress::layout::Role::Figure { alt: "Logo\u{a0}: Collège d’essai".into() }
    );
}

#[test]
fn a5_and_large_print_wrap_three_pictures_and_nothing_overflows() {
    for (paper, scale) in [("A5", 1.0), ("A4", 1.6), ("A5", 1.6)] {
        let dir = project(&format!("additions-{paper}-{scale}"), paper);
        let l = loaded(&dir);
        let laid = sheet(&l, scale);
        let what = format!("{paper} ×{scale}");
        assert_inside(&laid.document, &what);
        let pics = pictures(&laid.document);
        for row in [&pics[1..4], &pics[4..7]] {
            let tops: std::collections::BTreeSet<i64> = row
                .iter()
                .map(|p| (p.2.y * 100.0) as i64 + p.0 as i64 * 1_000_000)
                .collect();
            assert!(tops.len() >= 2, "{what}: three pictures in one row: {row:?}");
        }
        let min = (laid.document.pages[0].content_box.w * 0.3)
            .max(45.0 * 72.0 / 25.4 * if scale > 1.0 { 1.6 } else { 1.0 });
        for p in &pics[1..] {
            assert!(
                p.2.w + 0.01 >= min.min(laid.document.pages[0].content_box.w),
                "{what}: {p:?}"
            );
        }
        pdf(&laid.document);
    }
}

#[test]
fn every_pack_layout_handles_the_additions() {
    let dir = project("additions-pack", "A4");
    let l = loaded(&dir);
    let g = vec![guide(&l)];
    for layout in
        [PackLayout::Single, PackLayout::TwoUp, PackLayout::Booklet, PackLayout::Handout]
    {
        for large_print in [false, true] {
            let opts =
                PackOptions { layout, large_print, duplex: false, fold_marks: true };
            let pack = layout_pack(
                &g,
                &l.collection,
                Path::new("guides/collection.json"),
                &opts,
            )
            .unwrap_or_else(|e| panic!("{layout:?}: {e}"));
            let bytes = pdf(&pack.document);
            let read = Pdf::load(&bytes);
            let text = common::pdf::content_text(&read);
            for want in [
                "Ctrl+Maj+Suppr",
                "Menu, puis Paramètres, puis Vie privée et sécurité",
                "Firefox",
                "Trois écrans côte à côte.",
            ] {
                assert!(
                    text.contains(want),
                    "{layout:?} {large_print}: no {want:?} in {text}"
                );
            }
            // The cover shows the logo.
            let first = &pack.document.pages[0];
            assert!(
                first.items.iter().any(|p| matches!(&p.item, Item::Image { image, .. } if image.src == "logo.png")),
                "{layout:?}: no logo on the first side"
            );
        }
    }
}

#[test]
fn the_pdf_reads_back_keys_menus_and_the_tag_tree() {
    let dir = project("additions-readback", "A4");
    let l = loaded(&dir);
    let bytes = pdf(&sheet(&l, 1.0).document);
    let read = Pdf::load(&bytes);
    let text = common::pdf::content_text(&read);
    for want in [
        "Appuyez sur Ctrl+Maj+Suppr, puis ouvrez Menu, puis Paramètres, puis Vie privée et sécurité.",
        "a)décochez Cookies ;b)cochez Contenu web en cache ;c)cliquez sur Effacer.",
        "Ouvrez ⋮, puis Paramètres, puis Confidentialité et sécurité.",
        "Trois écrans côte à côte.",
    ] {
        assert!(text.contains(want), "{want:?} not in {text:?}");
    }
    let elems = common::pdf::struct_elems(&read);
    let alts: Vec<&str> = elems
        .iter()
        .filter(|e| e.role == "Figure")
        .filter_map(|e| e.alt.as_deref())
        .collect();
    assert_eq!(
        alts,
        [
            "Logo\u{a0}: Collège d’essai",
            "La fenêtre, le bouton porte le repère 1",
            "Écran A",
            "Écran B",
            "Écran C",
            "Premier écran",
            "Deuxième écran",
            "Troisième écran"
        ],
        "every figure keeps its alt text"
    );
    let roles: Vec<&str> = elems.iter().map(|e| e.role.as_str()).collect();
    assert_eq!(
        roles.iter().filter(|r| **r == "H3").count(),
        3,
        "three variant labels: {roles:?}"
    );
    assert_eq!(roles.iter().filter(|r| **r == "Caption").count(), 4, "{roles:?}");
    let lettered =
        elems.iter().filter(|e| e.numbering.as_deref() == Some("LowerAlpha")).count();
    assert_eq!(lettered, 1, "the sub-steps are a lettered list");
    let outline = common::pdf::outline(&read);
    assert_eq!(
        outline,
        [
            (1, "Selon le navigateur".to_string()),
            (2, "Firefox".to_string()),
            (2, "Chrome".to_string()),
            (2, "Edge".to_string())
        ]
    );
}

/// The colour hayro draws at page point (`x`, `y`) of page `page`.
fn colour_at(bytes: &[u8], page: usize, points: &[(f32, f32)]) -> Vec<[u8; 3]> {
    let pdf = hayro::hayro_syntax::Pdf::new(bytes.to_vec()).expect("hayro reads it");
    let scale = 3.0;
    let (width, _, data) = common::pdf::render_page(&pdf, page, scale);
    points
        .iter()
        .map(|&(x, y)| {
            let i = ((y * scale) as usize * width + (x * scale) as usize) * 4;
            [data[i], data[i + 1], data[i + 2]]
        })
        .collect()
}

fn red(c: [u8; 3]) -> bool {
    c[0] > 150 && c[1] < 60 && c[2] < 60
}

#[test]
fn annotations_are_drawn_where_they_belong() {
    for (paper, scale) in [("A4", 1.0), ("A5", 1.6)] {
        let dir = project(&format!("additions-hayro-{paper}"), paper);
        let l = loaded(&dir);
        let laid = sheet(&l, scale);
        let bytes = pdf(&laid.document);
        let (page, _, rect) = pictures(&laid.document)[0].clone();
        let k = rect.w / 900.0;
        let at = |(x, y): (f32, f32)| (rect.x + x * k, rect.y + y * k);
        // The marker: red all around its centre (the digit, in white, sits in
        // the middle), at least 2 mm across.
        let (cx, cy) = at(MARKER);
        let r = 2.0 * 72.0 / 25.4 * 0.8;
        let ring: Vec<(f32, f32)> = (0..12)
            .map(|i| {
                let a = i as f32 * std::f32::consts::TAU / 12.0;
                (cx + r * a.cos(), cy + r * a.sin())
            })
            .collect();
        let colours = colour_at(&bytes, page, &ring);
        let reds = colours.iter().filter(|c| red(**c)).count();
        assert!(
            reds >= 10,
            "{paper}: the marker is not red around {cx},{cy}: {colours:?}"
        );
        // The box: red on its edges, the picture's white inside.
        let (x0, y0) = at(BOX.0);
        let (x1, y1) = at((BOX.0 .0 + BOX.1 .0, BOX.0 .1 + BOX.1 .1));
        let mid = (y0 + y1) / 2.0;
        // The frame's line (1.6 pt, more in large print) runs just outside
        // its white halo, which runs just outside the area.
        let line = 1.6 * f32::sqrt(scale);
        let d = line * 0.5 + line * 0.4;
        let c = colour_at(
            &bytes,
            page,
            &[(x0 - d, mid), (x1 + d, mid), ((x0 + x1) / 2.0, mid), (x0 + 0.3, mid)],
        );
        assert!(red(c[0]) && red(c[1]), "{paper}: the box's edges: {c:?}");
        assert_eq!(c[2], [255, 255, 255], "{paper}: inside the box, the picture");
        assert!(!red(c[3]), "{paper}: the frame covers the area's edge: {c:?}");
        // Far from every annotation, the picture is untouched.
        let c = colour_at(&bytes, page, &[at((50.0, 50.0))]);
        assert_eq!(c[0], [255, 255, 255], "{paper}");
    }
}

#[test]
fn the_commands_build_and_check_the_additions() {
    let dir = project("additions-cli", "A4");
    let run = common::cli::guidepress(&dir, &["build"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let run = common::cli::guidepress(&dir, &["site", "--relative"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let run = common::cli::guidepress(&dir, &["check", "--deny-warnings"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}
