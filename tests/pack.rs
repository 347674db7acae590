//! The print pack on the bundled collection: page sizes per layout, contents
//! and cross-reference page numbers, QR codes that decode, text sizes, and
//! the refusals (unknown ids, handouts of several guides, invalid guides).

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use common::readback::Pdf;
use common::{bundled, bundled_guides as guides, root};
use guidepress::layout::pack::{layout_pack, Pack, PackLayout, PackOptions};
use guidepress::layout::{Document, Item, LinkDest, Mark, Placed};
use guidepress::model::{Block, Guide, Inline, LinkTarget, Loaded};
use guidepress::output::pack::{pack, PackJob};
use guidepress::output::Failure;
use guidepress::pdf::{write_pdf, PdfOptions};

fn laid(l: &Loaded, layout: PackLayout, large_print: bool, duplex: bool) -> Pack {
    let all = guides(l);
    let picked: Vec<&Guide> =
        if layout == PackLayout::Handout { vec![all[0]] } else { all };
    let opts = PackOptions { layout, large_print, duplex, fold_marks: true };
    layout_pack(&picked, &l.collection, Path::new("guides/collection.json"), &opts)
        .unwrap_or_else(|e| panic!("{layout:?}: {e}"))
}

/// Written with the default options: tagged and validated as PDF/UA-1.
fn written(doc: &Document) -> Vec<u8> {
    write_pdf(doc, &PdfOptions::default()).expect("the pack is valid PDF/UA-1")
}

/// Text without spaces, soft hyphens or hyphens, to compare across line breaks.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !['\u{ad}', '-', '\u{2010}'].contains(c))
        .collect()
}

fn plain(i: &Inline) -> String {
    i.plain_text().replace('\n', " ")
}

fn text_of_page(doc: &Document, page: usize) -> String {
    doc.pages[page]
        .items
        .iter()
        .filter_map(|p| match &p.item {
            Item::Text(t) => Some(t.text.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn pack_pages_have_the_size_and_orientation_of_their_layout() {
    let l = bundled();
    for layout in PackLayout::ALL {
        let bytes = written(&laid(&l, layout, false, false).document);
        let pdf = Pdf::load(&bytes);
        for id in pdf.pages() {
            let page = pdf.doc.get_dictionary(id).unwrap();
            let media: Vec<f32> = pdf
                .get(page, b"MediaBox")
                .and_then(|o| o.as_array().ok())
                .unwrap()
                .iter()
                .map(|v| v.as_float().unwrap())
                .collect();
            let expected = match layout {
                PackLayout::Single => [0.0, 0.0, 595.276, 841.89], // A4 portrait
                _ => [0.0, 0.0, 841.89, 595.276],                  // A4 landscape
            };
            assert_eq!(media, expected, "{layout:?}");
        }
    }
}

#[test]
fn pack_booklet_sides_are_a_multiple_of_four_pages_with_the_cover_first() {
    let l = bundled();
    let p = laid(&l, PackLayout::Booklet, false, false);
    let sides = p.document.pages.len();
    assert_eq!(sides * 2, p.pages.div_ceil(4) * 4);
    // Sheet 1 front: last page on the left, the cover on the right.
    let fold = p.document.pages[0].width / 2.0;
    let title = squash(&l.collection.title);
    let right: String = p.document.pages[0]
        .items
        .iter()
        .filter_map(|i| match &i.item {
            Item::Text(t) if t.x >= fold => Some(t.text.as_str()),
            _ => None,
        })
        .collect();
    assert!(squash(&right).contains(&title), "cover not on the right of side 1");
}

#[test]
fn pack_contents_page_numbers_are_the_pages_where_each_title_is_found() {
    let l = bundled();
    let p = laid(&l, PackLayout::Single, false, false);
    let pdf = Pdf::load(&written(&p.document));
    let texts: Vec<String> =
        (1..=p.document.pages.len() as u32).map(|n| pdf.page_text(n)).collect();
    // The contents follow the cover; each entry is the title, then its number.
    let contents: Vec<&str> = texts[1].lines().map(str::trim).collect();
    let first_guide_page = p.starts[0].1;
    for g in guides(&l) {
        let title = plain(&g.title);
        let at = contents
            .iter()
            .position(|line| squash(line) == squash(&title))
            .unwrap_or_else(|| panic!("{title:?} not in the contents:\n{}", texts[1]));
        let listed: usize = contents[at + 1..]
            .iter()
            .find_map(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("no page number after {title:?}"));
        // Where the guide starts: the first page whose footer ("page N / M"
        // then the sheet's title) names it, and which shows it as a heading too.
        let found = (first_guide_page..=texts.len())
            .find(|&n| {
                // Compared without spaces: the test decoder adds some.
                let lines: Vec<String> = texts[n - 1].lines().map(squash).collect();
                let t = squash(&title);
                let footer =
                    lines.windows(2).any(|w| w[0].starts_with("page") && w[1] == t);
                footer && lines.iter().filter(|l| **l == t).count() >= 2
            })
            .unwrap_or_else(|| {
                panic!("{title:?} is on no page; page {listed}:\n{}", texts[listed - 1])
            });
        assert_eq!(listed, found, "{title}");
        // The printed footer of that page says so too.
        assert!(texts[found - 1].contains(&format!("page {found} / {}", p.pages)));
    }
}

#[test]
fn pack_cross_references_give_the_page_their_link_goes_to() {
    let l = bundled();
    for (layout, large) in [(PackLayout::Single, false), (PackLayout::Single, true)] {
        let p = laid(&l, layout, large, true);
        let starts: BTreeSet<usize> = p.starts.iter().map(|(_, n)| n - 1).collect();
        let mut seen = 0;
        for (n, page) in p.document.pages.iter().enumerate().skip(p.starts[0].1 - 1) {
            // A link wrapped over two lines has one area per line: gather them.
            let mut links: Vec<(usize, usize, String)> = Vec::new();
            for link in &page.links {
                let LinkDest::Page { page: target, .. } = link.dest else { continue };
                assert!(starts.contains(&target), "page {}: link to {target}", n + 1);
                let text: String = page
                    .items
                    .iter()
                    .filter(|i| i.mark == Mark::Node(link.node))
                    .filter(|i| i.item.bbox().overlaps(&link.rect))
                    .filter_map(|i| match &i.item {
                        Item::Text(t) => Some(t.text.as_str()),
                        _ => None,
                    })
                    .collect();
                match links.iter_mut().find(|l| l.0 == link.node) {
                    Some(l) => l.2.push_str(&text),
                    None => links.push((link.node, target, text)),
                }
            }
            // The link's own text says where it goes: "… (voir p. N)".
            for (_, target, text) in links {
                let want = format!("(voir\u{a0}p.\u{a0}{})", target + 1);
                assert!(text.ends_with(&want), "page {}: {text:?} ≠ {want}", n + 1);
                seen += 1;
            }
        }
        assert!(seen >= 3, "only {seen} cross-references checked");
        // Duplex: every guide starts on a right-hand (odd) page.
        assert!(p.starts.iter().all(|(_, n)| n % 2 == 1), "{:?}", p.starts);
    }
}

#[test]
fn pack_imposed_links_land_on_the_sheet_side_that_holds_their_page() {
    let l = bundled();
    for layout in [PackLayout::TwoUp, PackLayout::Booklet] {
        let p = laid(&l, layout, false, false);
        let doc = &p.document;
        let mut checked = 0;
        for page in &doc.pages {
            for link in &page.links {
                let LinkDest::Page { page: target, .. } = link.dest else { continue };
                // Contents entries: "Title, page N"; the side shows that title.
                let Some((title, _)) = link.alt.rsplit_once(", page ") else { continue };
                assert!(
                    squash(&text_of_page(doc, target)).contains(&squash(title)),
                    "{layout:?}: {title:?} not on side {target}"
                );
                checked += 1;
            }
        }
        assert!(checked >= 6, "{layout:?}: {checked} links");
        for e in &doc.outline {
            assert!(e.page < doc.pages.len());
        }
    }
}

/// Every URL a guide links to in its body: what its notes list.
/// The URLs a printed guide links to; a local attachment is linked through
/// its web copy under `base`.
fn body_urls(g: &Guide, base: Option<&str>, out: &mut BTreeSet<String>) {
    fn inline(i: &Inline, out: &mut BTreeSet<String>) {
        for s in &i.spans {
            if let Some(LinkTarget::Url(u) | LinkTarget::Mail(u)) = &s.link {
                out.insert(u.clone());
            }
        }
    }
    fn items(list: &[guidepress::model::ListItem], out: &mut BTreeSet<String>) {
        for it in list {
            inline(&it.text, out);
            items(&it.items, out);
        }
    }
    for b in g.all_blocks() {
        match &b.value {
            Block::Heading { text, .. } | Block::Paragraph { text } => inline(text, out),
            Block::List { items: list, .. } => items(list, out),
            Block::Steps { items } => {
                for s in items {
                    inline(&s.text, out);
                    s.note.iter().for_each(|n| inline(n, out));
                    s.substeps.iter().for_each(|n| inline(n, out));
                    for f in &s.images {
                        f.value.caption.iter().for_each(|c| inline(c, out));
                    }
                }
            }
            Block::Callout { title, text, .. } => {
                title.iter().for_each(|t| inline(t, out));
                inline(text, out);
            }
            Block::Image(f) => f.caption.iter().for_each(|c| inline(c, out)),
            Block::Images { items, caption } => {
                for f in items {
                    f.value.caption.iter().for_each(|c| inline(c, out));
                }
                caption.iter().for_each(|c| inline(c, out));
            }
            Block::Variants { title, items } => {
                title.iter().for_each(|t| inline(t, out));
                items.iter().for_each(|v| inline(&v.label, out));
            }
            Block::Table { header, rows, .. } => header
                .iter()
                .flatten()
                .chain(rows.iter().flatten())
                .for_each(|c| inline(c, out)),
            Block::Attachment { href, local, .. } => {
                out.insert(match (local, base) {
                    (Some(f), Some(b)) => format!("{b}{}", f.site_path()),
                    (Some(f), None) => f.rel_path.clone(),
                    (None, _) => href.clone(),
                });
            }
            Block::Qr { url, caption } => {
                out.insert(url.clone());
                caption.iter().for_each(|c| inline(c, out));
            }
            Block::PageBreak => {}
        }
    }
}

/// The QR codes of a PDF page, rendered with hayro and decoded with rqrr,
/// each from its own part of the page: given a whole page with codes
/// stacked in a column, rqrr groups finder patterns of different codes
/// into grids that do not decode. The parts are those of `doc`'s drawn
/// codes; a code that does not decode is missing from the result.
fn decode_qr_codes(
    pdf: &hayro::hayro_syntax::Pdf,
    doc: &Document,
    page: usize,
    dpi: f32,
) -> Vec<String> {
    let scale = dpi / 72.0;
    let (w, h, data) = common::pdf::render_page(pdf, page, scale);
    let margin = 3.0 * 72.0 / 25.4;
    let mut out = Vec::new();
    for code in qr_items(doc, page) {
        let b = code.item.bbox();
        let px = |v: f32, max: usize| ((v * scale).max(0.0) as usize).min(max);
        let (x0, y0) = (px(b.x - margin, w), px(b.y - margin, h));
        let (x1, y1) = (px(b.x + b.w + margin, w), px(b.y + b.h + margin, h));
        let mut img =
            rqrr::PreparedImage::prepare_from_greyscale(x1 - x0, y1 - y0, |x, y| {
                let p = &data[((y0 + y) * w + x0 + x) * 4..][..4];
                // Premultiplied on white: the green channel plus what alpha leaves.
                p[1].saturating_add(255 - p[3])
            });
        out.extend(
            img.detect_grids()
                .into_iter()
                .filter_map(|g| g.decode().ok().map(|(_, s)| s)),
        );
    }
    out
}

/// The QR codes drawn on a page: each a figure drawn as one fill of many
/// module rectangles.
fn qr_items(doc: &Document, page: usize) -> impl Iterator<Item = &Placed> {
    doc.pages[page]
        .items
        .iter()
        .filter(|p| matches!(&p.item, Item::Fill { rects, .. } if rects.len() > 20))
}

fn qr_count(doc: &Document, page: usize) -> usize {
    qr_items(doc, page).count()
}

#[test]
fn pack_every_qr_code_decodes_to_its_url() {
    let l = bundled();
    let mut expected = BTreeSet::new();
    for g in guides(&l) {
        body_urls(g, l.collection.base_url.as_deref(), &mut expected);
    }
    expected.extend(l.collection.base_url.clone());
    for layout in [PackLayout::Single, PackLayout::TwoUp] {
        let p = laid(&l, layout, false, false);
        let bytes = written(&p.document);
        let pdf = hayro::hayro_syntax::Pdf::new(bytes).expect("hayro reads the pack");
        let mut decoded = BTreeSet::new();
        for n in 0..p.document.pages.len() {
            let codes = decode_qr_codes(&pdf, &p.document, n, 200.0);
            assert_eq!(
                codes.len(),
                qr_count(&p.document, n),
                "{layout:?} page {}",
                n + 1
            );
            decoded.extend(codes);
        }
        assert_eq!(decoded, expected, "{layout:?}");
    }
}

#[test]
fn pack_qr_codes_are_at_least_15_mm_wide() {
    let l = bundled();
    let p = laid(&l, PackLayout::Booklet, false, false);
    let mm = 72.0 / 25.4;
    for page in &p.document.pages {
        for i in &page.items {
            if let Item::Fill { rects, .. } = &i.item {
                if rects.len() > 20 {
                    assert!(i.item.bbox().w >= 15.0 * mm * 0.8, "{:?}", i.item.bbox());
                }
            }
        }
    }
}

/// The text size most characters are set in: the body's.
fn body_size(doc: &Document) -> f32 {
    let mut count: std::collections::BTreeMap<u32, usize> = Default::default();
    for p in doc.pages.iter().flat_map(|p| &p.items) {
        if let Item::Text(t) = &p.item {
            *count.entry((t.size * 100.0).round() as u32).or_default() +=
                t.text.chars().count();
        }
    }
    count.into_iter().max_by_key(|&(_, n)| n).map_or(0.0, |(s, _)| s as f32 / 100.0)
}

#[test]
fn pack_large_print_body_is_at_least_16_pt_in_every_layout() {
    let l = bundled();
    for layout in PackLayout::ALL {
        let normal = laid(&l, layout, false, false);
        let large = laid(&l, layout, true, false);
        let body = body_size(&large.document);
        assert!(body >= 16.0, "{layout:?}: body {body} pt");
        // Re-laid out, not scaled: more pages, pages of the same size.
        assert!(large.pages > normal.pages, "{layout:?}");
        assert_eq!(large.document.pages[0].width, normal.document.pages[0].width);
    }
}

#[test]
fn pack_imposed_a5_pages_keep_every_text_at_9_pt_or_more() {
    let l = bundled();
    for layout in [PackLayout::TwoUp, PackLayout::Booklet, PackLayout::Handout] {
        let p = laid(&l, layout, false, false);
        let smallest = guidepress::layout::pack::smallest_text(&p.document);
        assert!(smallest >= 9.0, "{layout:?}: {smallest} pt");
    }
}

#[test]
fn pack_handout_sides_hold_two_copies_of_the_same_page() {
    let l = bundled();
    let p = laid(&l, PackLayout::Handout, false, false);
    assert_eq!(p.document.pages.len(), p.pages);
    for page in &p.document.pages {
        let fold = page.width / 2.0;
        let half = |left: bool| -> Vec<String> {
            page.items
                .iter()
                .filter_map(|i| match &i.item {
                    Item::Text(t) if (t.x < fold) == left && t.text != "\u{2702}" => {
                        Some(t.text.clone())
                    }
                    _ => None,
                })
                .collect()
        };
        assert!(!half(true).is_empty());
        assert_eq!(half(true), half(false));
        // The right copy is not read twice, nor clickable twice.
        assert!(page
            .items
            .iter()
            .all(|i| i.item.bbox().x < fold || i.mark == Mark::Artifact));
        assert!(page.links.iter().all(|l| l.rect.x < fold));
        // The dashed cut line runs down the middle.
        assert!(page.items.iter().any(|i| matches!(i.item,
            Item::Line { x1, x2, dash: Some(_), .. } if x1 == fold && x2 == fold)));
    }
}

fn job(layout: PackLayout, only: &[&str], out: &Path) -> PackJob {
    PackJob {
        guides_dir: root().join("guides"),
        images_dir: root().join("images"),
        out: Some(out.to_path_buf()),
        options: PackOptions { layout, ..PackOptions::default() },
        only: only.iter().map(|s| s.to_string()).collect(),
        jobs: Some(2),
    }
}

#[test]
fn pack_bad_requests_are_refused_with_a_suggestion() {
    let out_dir = common::temp_dir("pack-usage");
    let out = out_dir.join("p.pdf");
    match pack(&job(PackLayout::Single, &["vider-cahce"], &out)) {
        Err(Failure::Usage(m)) => {
            assert!(m.en().contains("did you mean \"vider-cache\""), "{m}")
        }
        other => panic!("{other:?}"),
    }
    match pack(&job(PackLayout::Handout, &[], &out)) {
        Err(Failure::Usage(m)) => assert!(m.en().contains("--only"), "{m}"),
        other => panic!("{other:?}"),
    }
    assert!(!out.exists());
    let r = pack(&job(PackLayout::Handout, &["vider-cache"], &out)).expect("one guide");
    assert_eq!(r.starts, vec![("vider-cache".to_string(), 1)]);
    assert!(out.exists());
}

#[test]
fn an_invalid_guide_stops_the_pack_and_writes_nothing() {
    let dir = common::project_copy("pack-invalid");
    let bad = dir.join("guides/vider-cache.json");
    let text =
        std::fs::read_to_string(&bad).unwrap().replacen("\"title\"", "\"titel\"", 1);
    std::fs::write(&bad, text).unwrap();
    let out = dir.join("out/pack.pdf");
    let exe = env!("CARGO_BIN_EXE_guidepress");
    let run = |args: &[&str]| {
        Command::new(exe)
            .current_dir(&dir)
            .args(args)
            .env("GUIDEPRESS_UI_LANG", "en")
            .output()
            .expect("guidepress runs")
    };
    let o = run(&["pack", "guides", "--out", out.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("vider-cache.json") && stderr.contains("titel"), "{stderr}");
    assert!(!out.exists());
    // The same diagnostics as `build`.
    let b = run(&["build", "guides", "--out", dir.join("b").to_str().unwrap()]);
    let build_err = String::from_utf8_lossy(&b.stderr);
    let first = |s: &str| s.lines().find(|l| l.contains("titel")).map(str::to_string);
    assert_eq!(first(&stderr), first(&build_err));
    // Leaving the bad guide out is fine.
    let o = run(&[
        "pack",
        "guides",
        "--only",
        "aide-acces-icart,premiere-connexion",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(out.exists());
    // Usage errors exit with 2.
    for args in [
        &["pack", "guides", "--layout", "3up"][..],
        &["pack", "guides", "--only", "nope"],
        &["pack", "guides", "--layout", "handout"],
    ] {
        let o = run(args);
        assert_eq!(
            o.status.code(),
            Some(2),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn pack_booklet_content_of_each_tag_reads_in_page_order() {
    let l = bundled();
    for large_print in [false, true] {
        let p = laid(&l, PackLayout::Booklet, large_print, false);
        let sides = guidepress::layout::pack::booklet_order(p.pages);
        let mut last_page = vec![0usize; p.document.structure.nodes.len()];
        for (s, sheet) in p.document.pages.iter().enumerate() {
            let fold = sheet.width / 2.0;
            for i in &sheet.items {
                let Mark::Node(n) = i.mark else { continue };
                // The tag tree orders a node's own content as drawn: sheet by sheet.
                let slot = usize::from(i.item.bbox().x >= fold);
                let page = sides[s][slot].expect("content on a blank half");
                assert!(
                    page >= last_page[n],
                    "node {n}: page {} after {}",
                    page + 1,
                    last_page[n] + 1
                );
                last_page[n] = page;
            }
        }
    }
}

#[test]
fn pack_marks_a_guide_in_another_language_on_its_section() {
    let mut l = bundled();
    let all = guides(&l);
    assert!(all.iter().all(|g| g.lang == guidepress::model::Lang::Fr));
    let count = all.len();
    // The second guide, read as if it were written in English.
    let english = all[1].id.clone();
    for o in &mut l.guides {
        if let Ok(g) = &mut o.result {
            if g.id == english {
                g.lang = guidepress::model::Lang::En;
            }
        }
    }
    let pack = laid(&l, PackLayout::Single, false, false);
    let bytes = written(&pack.document);
    let pdf = Pdf::load(&bytes);
    let root = pdf.dict(pdf.catalog(), b"StructTreeRoot");
    let document = pdf.struct_kids(root)[0];
    let parts = pdf.struct_kids(document);
    let langs: Vec<Option<String>> =
        parts.iter().map(|p| p.get(b"Lang").ok().map(|o| pdf.text(o))).collect();
    // Cover, contents, then one section per guide: only the English one says so.
    assert_eq!(langs.len(), 2 + count, "{langs:?}");
    for (i, lang) in langs.iter().enumerate() {
        let expected = (i == 2 + 1).then(|| "en".to_string());
        assert_eq!(*lang, expected, "part {i}: {langs:?}");
    }
    assert_eq!(pdf.text(pdf.catalog().get(b"Lang").unwrap()), "fr");
}

#[test]
fn duplex_and_large_print_packs_have_their_own_file_names() {
    // Issue 12: `pack --duplex` overwrote the plain pack of the same name.
    let dir = common::project_copy("pack-names");
    let run = |args: &[&str]| common::cli::guidepress(&dir, args);
    for args in [
        &["pack"][..],
        &["pack", "--duplex"],
        &["pack", "--large-print"],
        &["pack", "--duplex", "--large-print"],
    ] {
        let r = run(args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    }
    let mut names: Vec<String> = std::fs::read_dir(dir.join("out/pack"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "aide-informatique-single-duplex-large.pdf",
            "aide-informatique-single-duplex.pdf",
            "aide-informatique-single-large.pdf",
            "aide-informatique-single.pdf",
        ]
    );
}
