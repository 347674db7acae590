//! Tests of the PDF writer: hand-built documents written, then read back with lopdf.

mod errors;
mod fixture;
mod pictures;
mod readback;

use super::*;
use fixture::HEADING;
use readback::Pdf;

use std::sync::Arc;

use crate::model::ImageData;

fn written() -> (Vec<u8>, Pdf) {
    let bytes = write_pdf(&fixture::sheet(), &PdfOptions::default())
        .expect("sheet is valid UA-1");
    let pdf = Pdf::load(&bytes);
    (bytes, pdf)
}

#[test]
fn pages_keep_their_count_and_size() {
    let (_, pdf) = written();
    let pages = pdf.pages();
    assert_eq!(pages.len(), 2);
    for id in pages {
        let page = pdf.doc.get_dictionary(id).unwrap();
        let media: Vec<f32> = pdf
            .get(page, b"MediaBox")
            .and_then(|o| o.as_array().ok())
            .unwrap()
            .iter()
            .map(|v| v.as_float().unwrap())
            .collect();
        assert_eq!(media, vec![0.0, 0.0, 595.276, 841.89]);
    }
}

#[test]
fn text_comes_back_with_its_accents() {
    let (_, pdf) = written();
    let page1 = pdf.page_text(1);
    let lines: Vec<&str> = page1.lines().collect();
    assert_eq!(
        lines,
        [HEADING, "Lire ", "la suite", "https://example.org/guide", "Page 1 / 2"]
    );
    let page2 = pdf.page_text(2);
    let lines: Vec<&str> = page2.lines().collect();
    assert_eq!(lines, ["Suite", "Deuxième page, en italique.", "Page 2 / 2"]);
}

#[test]
fn fonts_are_embedded_subsets_with_tounicode() {
    let (_, pdf) = written();
    let mut seen = 0;
    for id in pdf.pages() {
        for (_, font) in pdf.doc.get_page_fonts(id).unwrap() {
            seen += 1;
            let base = pdf.name(font, b"BaseFont").unwrap();
            let (tag, _) = base.split_once('+').expect("subset prefix");
            assert!(
                tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
                "{base}"
            );
            assert!(font.get(b"ToUnicode").is_ok(), "{base} has no /ToUnicode");
            let descendant =
                pdf.get(font, b"DescendantFonts").unwrap().as_array().unwrap();
            let cid = pdf.deref(&descendant[0]).as_dict().unwrap();
            let descriptor = pdf.dict(cid, b"FontDescriptor");
            assert!(descriptor.get(b"FontFile2").is_ok(), "{base} is not embedded");
        }
    }
    assert!(seen >= 4, "expected the four fonts used, got {seen}");
}

#[test]
fn links_carry_uri_dest_and_alt_text() {
    let (_, pdf) = written();
    let pages = pdf.pages();
    let annots = pdf.doc.get_page_annotations(pages[0]).unwrap();
    assert_eq!(annots.len(), 2);

    let internal = annots.iter().find(|a| a.get(b"Dest").is_ok()).expect("a /Dest link");
    let dest = pdf.get(internal, b"Dest").unwrap().as_array().unwrap();
    assert_eq!(dest[0].as_reference().unwrap(), pages[1], "links to page 2");
    assert_eq!(dest[1].as_name().unwrap(), b"XYZ");
    assert_eq!(pdf.text(internal.get(b"Contents").unwrap()), "Aller à la page 2");

    let external = annots.iter().find(|a| a.get(b"A").is_ok()).expect("a /URI link");
    let action = pdf.dict(external, b"A");
    assert_eq!(
        pdf.get(action, b"URI").unwrap().as_str().unwrap(),
        b"https://example.org/guide"
    );
    assert!(external.get(b"StructParent").is_ok(), "annotation is tagged");
}

#[test]
fn outline_nests_by_level() {
    let (_, pdf) = written();
    let outlines = pdf.dict(pdf.catalog(), b"Outlines");
    let first = pdf.dict(outlines, b"First");
    assert_eq!(pdf.text(first.get(b"Title").unwrap()), HEADING);
    assert!(first.get(b"Next").is_err(), "one top-level entry");
    let child = pdf.dict(first, b"First");
    assert_eq!(pdf.text(child.get(b"Title").unwrap()), "Suite");
    let dest = pdf.get(child, b"Dest").unwrap().as_array().unwrap();
    assert_eq!(dest[0].as_reference().unwrap(), pdf.pages()[1]);
}

#[test]
fn catalog_says_tagged_language_and_title() {
    let (_, pdf) = written();
    let catalog = pdf.catalog();
    assert_eq!(pdf.text(catalog.get(b"Lang").unwrap()), "fr");
    let mark = pdf.dict(catalog, b"MarkInfo");
    assert!(mark.get(b"Marked").unwrap().as_bool().unwrap());
    assert!(catalog.get(b"StructTreeRoot").is_ok());
    let prefs = pdf.dict(catalog, b"ViewerPreferences");
    assert!(prefs.get(b"DisplayDocTitle").unwrap().as_bool().unwrap());
}

#[test]
fn info_has_metadata_and_dates_from_meta() {
    let (bytes, pdf) = written();
    let info_ref = pdf.doc.trailer.get(b"Info").unwrap();
    let info = pdf.deref(info_ref).as_dict().unwrap();
    let field = |k: &[u8]| pdf.text(info.get(k).unwrap());
    assert_eq!(field(b"Title"), "Vérifier son poste");
    assert_eq!(field(b"Author"), "Équipe numérique");
    assert_eq!(field(b"Subject"), "Une fiche d'essai");
    assert_eq!(field(b"Keywords"), "essai, pdf");
    assert_eq!(field(b"Producer"), format!("guidepress {}", env!("CARGO_PKG_VERSION")));
    assert!(field(b"ModDate").starts_with("D:20230506"), "{}", field(b"ModDate"));
    assert!(field(b"CreationDate").starts_with("D:20230506"));
    // XMP carries the title too (UTF-8, uncompressed).
    let xmp = String::from_utf8_lossy(&bytes);
    assert!(xmp.contains("Vérifier son poste"), "title in XMP");
    assert!(xmp.contains("pdfuaid:part"), "PDF/UA identification in XMP");
}

#[test]
fn image_used_twice_is_embedded_once() {
    let (_, pdf) = written();
    assert_eq!(pdf.image_count(), 1);
}

#[test]
fn structure_tree_follows_roles_and_drops_empty_nodes() {
    let (_, pdf) = written();
    let root = pdf.dict(pdf.catalog(), b"StructTreeRoot");
    let document = pdf.struct_kids(root)[0];
    assert_eq!(pdf.name(document, b"S").unwrap(), "Document");
    let kids = pdf.struct_kids(document);
    let roles: Vec<String> = kids.iter().map(|k| pdf.name(k, b"S").unwrap()).collect();
    assert_eq!(roles, ["H1", "P", "P", "Figure", "Figure", "H2", "P", "Figure"]);
    assert_eq!(pdf.text(kids[0].get(b"T").unwrap()), HEADING);
    assert_eq!(pdf.text(kids[3].get(b"Alt").unwrap()), "Capture de l'écran d'accueil");
    let link = pdf.struct_kids(kids[1]);
    assert_eq!(pdf.name(link[0], b"S").unwrap(), "Link");
}

#[test]
fn artifacts_are_marked_as_header_footer_or_layout() {
    let (_, pdf) = written();
    let content = pdf.content(pdf.pages()[0]);
    assert!(content.contains("/Subtype/Footer"), "page number is a footer artifact");
    assert!(
        content.contains("/Subtype/Header"),
        "rule above the body is a header artifact"
    );
    assert!(content.contains("/Type/Layout"), "frame is a layout artifact");
}

#[test]
fn same_document_gives_same_bytes_on_any_thread() {
    let doc = fixture::sheet();
    let opts = PdfOptions::default();
    let a = write_pdf(&doc, &opts).unwrap();
    let b = write_pdf(&doc, &opts).unwrap();
    assert!(a == b, "two runs differ");
    let (c, d) = std::thread::scope(|s| {
        let c = s.spawn(|| write_pdf(&doc, &opts).unwrap());
        let d = s.spawn(|| write_pdf(&doc, &opts).unwrap());
        (c.join().unwrap(), d.join().unwrap())
    });
    assert!(a == c && a == d, "threads differ");
}

#[test]
fn archival_standards_combine_with_ua() {
    let doc = fixture::sheet();
    for standards in [
        vec![PdfStandard::A2b],
        vec![PdfStandard::A2u],
        vec![PdfStandard::A2a, PdfStandard::Ua1],
        vec![],
    ] {
        let opts = PdfOptions {
            standards: standards.clone(),
            tagged: true,
            ..PdfOptions::default()
        };
        let bytes =
            write_pdf(&doc, &opts).unwrap_or_else(|e| panic!("{standards:?}: {e}"));
        Pdf::load(&bytes);
    }
}

#[test]
fn small_compression_gives_a_smaller_file_with_the_same_content() {
    let doc = fixture::sheet();
    let write = |compression| {
        write_pdf(&doc, &PdfOptions { compression, ..PdfOptions::default() }).unwrap()
    };
    let (fast, small) = (write(Compression::Fast), write(Compression::Small));
    assert!(small.len() < fast.len(), "small {} vs fast {}", small.len(), fast.len());
    let (fast, small) = (Pdf::load(&fast), Pdf::load(&small));
    for page in 1..=2 {
        assert_eq!(fast.page_text(page), small.page_text(page), "page {page}");
        let content = |pdf: &Pdf| pdf.content(pdf.pages()[page as usize - 1]);
        assert_eq!(content(&fast), content(&small), "page {page}: content stream");
    }
}

#[test]
fn untagged_output_has_no_structure() {
    let opts = PdfOptions { standards: vec![], tagged: false, ..PdfOptions::default() };
    let bytes = write_pdf(&fixture::sheet(), &opts).unwrap();
    let pdf = Pdf::load(&bytes);
    assert!(pdf.catalog().get(b"StructTreeRoot").is_err());
    assert!(pdf.page_text(1).contains(HEADING));
}

#[test]
fn heading_title_joins_its_lines() {
    let mut doc = fixture::sheet();
    // Split the heading over two lines, hyphenated with a soft hyphen.
    let line1 = fixture::run("Élé\u{AD}", crate::layout::FontId::Bold, 20.0, 56.0, 100.0);
    let line2 = fixture::run(
        "ments à vérifier : déjà",
        crate::layout::FontId::Bold,
        20.0,
        56.0,
        124.0,
    );
    let items = &mut doc.pages[0].items;
    let at = items
        .iter()
        .position(
            |p| matches!(&p.item, crate::layout::Item::Text(r) if r.text == HEADING),
        )
        .unwrap();
    let mark = items[at].mark;
    items[at] = crate::layout::Placed { item: crate::layout::Item::Text(line1), mark };
    items.insert(
        at + 1,
        crate::layout::Placed { item: crate::layout::Item::Text(line2), mark },
    );
    let pdf = Pdf::load(&write_pdf(&doc, &PdfOptions::default()).unwrap());
    let root = pdf.dict(pdf.catalog(), b"StructTreeRoot");
    let h1 = pdf.struct_kids(pdf.struct_kids(root)[0])[0];
    assert_eq!(pdf.text(h1.get(b"T").unwrap()), HEADING);
}

#[test]
fn empty_document_does_not_panic() {
    let doc = crate::layout::Document {
        pages: vec![],
        structure: Default::default(),
        outline: vec![],
        meta: Default::default(),
    };
    // UA-1 wants a title: an error, not a panic.
    assert!(matches!(
        write_pdf(&doc, &PdfOptions::default()),
        Err(PdfError::Validation(_))
    ));
    let opts = PdfOptions { standards: vec![], tagged: true, ..PdfOptions::default() };
    assert!(write_pdf(&doc, &opts).is_ok());
}

#[test]
fn writes_a_sheet_for_manual_inspection() {
    // Not an assertion: leaves a file for `qpdf --check`, `pdffonts`, `pdftotext`.
    let (bytes, _) = written();
    let path = std::env::temp_dir().join("guidepress-pdf-test.pdf");
    std::fs::write(path, bytes).unwrap();
}

/// `doc` with every picture replaced by `image`.
fn with_image(
    mut doc: crate::layout::Document,
    image: &ImageData,
) -> crate::layout::Document {
    for placed in doc.pages.iter_mut().flat_map(|p| &mut p.items) {
        if let crate::layout::Item::Image { image: i, .. } = &mut placed.item {
            *i = image.clone();
        }
    }
    doc
}

#[test]
fn prepared_pictures_give_the_same_bytes_as_unprepared_ones() {
    // Two pictures no other test uses: one is prepared ahead on a pool of
    // two threads, the other made when the PDF needs it.
    let (a, b) = (fixture::png_seeded("a.png", 17), fixture::png_seeded("a.png", 18));
    let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
    let opts = PdfOptions::default();
    let (prepared, again) = pool.install(|| {
        prepare_images([&a, &a]);
        let doc = with_image(fixture::sheet(), &a);
        rayon::join(
            || write_pdf(&doc, &opts).unwrap(),
            || write_pdf(&doc, &opts).unwrap(),
        )
    });
    assert!(prepared == again, "concurrent writes of a prepared picture differ");
    // Same layout, other pixels: only the picture's stream may differ in size.
    let unprepared = write_pdf(&with_image(fixture::sheet(), &b), &opts).unwrap();
    assert_eq!(Pdf::load(&prepared).image_count(), Pdf::load(&unprepared).image_count());
}

#[test]
fn a_prepared_picture_that_cannot_be_read_is_reported_by_the_writer() {
    let mut bad = fixture::png("broken-prepared.png");
    bad.bytes = Arc::new(b"\x89PNG\r\n\x1a\nprepared but broken".to_vec());
    prepare_images([&bad]);
    match write_pdf(&with_image(fixture::sheet(), &bad), &PdfOptions::default()) {
        Err(PdfError::Image { src, .. }) => assert_eq!(src, "broken-prepared.png"),
        other => panic!("expected an image error, got {other:?}"),
    }
}
