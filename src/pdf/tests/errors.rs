//! Broken inputs: each must give a typed, readable error and never a panic.

use std::sync::Arc;

use crate::layout::{FontId, Glyph, Item, LinkDest, Mark, Placed, Role, StructTree};
use crate::pdf::{write_pdf, PdfError, PdfOptions, PdfStandard};

use super::fixture;

fn problems(doc: &crate::layout::Document, opts: &PdfOptions) -> Vec<String> {
    match write_pdf(doc, opts) {
        Err(PdfError::Validation(problems)) => problems,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn structure_error(doc: &crate::layout::Document) -> String {
    match write_pdf(doc, &PdfOptions::default()) {
        Err(e @ PdfError::Structure(_)) => e.to_string(),
        other => panic!("expected a structure error, got {other:?}"),
    }
}

/// Sets the alt text of the first figure.
fn set_first_alt(doc: &mut crate::layout::Document, alt: &str) {
    for node in &mut doc.structure.nodes {
        if let Role::Figure { alt: a } = &mut node.role {
            *a = alt.into();
            return;
        }
    }
}

#[test]
fn figure_without_alt_fails_ua() {
    let mut doc = fixture::sheet();
    set_first_alt(&mut doc, "  ");
    let problems = problems(&doc, &PdfOptions::default());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("PDF/UA-1: missing alt text"), "{problems:?}");
    assert!(problems[0].contains("page 1"), "{problems:?}");
    // Without a standard it is only a weaker PDF.
    let opts = PdfOptions { standards: vec![], tagged: true, ..PdfOptions::default() };
    assert!(write_pdf(&doc, &opts).is_ok());
}

#[test]
fn missing_glyph_names_the_character() {
    let mut doc = fixture::sheet();
    let mut run = fixture::run("x", FontId::Regular, 11.0, 56.0, 400.0);
    run.text = "☃".into();
    run.glyphs =
        vec![Glyph { id: 0, x_advance: 6.0, x_offset: 0.0, y_offset: 0.0, range: 0..3 }];
    let node = doc.structure.add(StructTree::ROOT, Role::Paragraph);
    doc.pages[0].items.push(Placed { item: Item::Text(run), mark: Mark::Node(node) });
    let problems = problems(&doc, &PdfOptions::default());
    assert!(
        problems.iter().any(|p| p.contains("U+2603")
            && p.contains("Atkinson Hyperlegible Next Regular")
            && p.contains("page 1")),
        "{problems:?}"
    );
}

#[test]
fn link_without_alt_text_is_reported() {
    let mut doc = fixture::sheet();
    doc.pages[0].links[1].alt = String::new();
    let problems = problems(&doc, &PdfOptions::default());
    assert!(
        problems.iter().any(|p| p.contains("link has no alternative text")
            && p.contains("https://example.org/guide")),
        "{problems:?}"
    );
}

#[test]
fn missing_title_and_date_are_reported_per_standard() {
    let mut doc = fixture::sheet();
    doc.meta.title = String::new();
    doc.meta.created = None;
    doc.meta.modified = None;
    let opts = PdfOptions {
        standards: vec![PdfStandard::A2b, PdfStandard::Ua1],
        tagged: true,
        ..PdfOptions::default()
    };
    let problems = problems(&doc, &opts);
    assert!(
        problems.contains(&"PDF/UA-1: the document has no title".to_string()),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.starts_with("PDF/A-2b: the document has no date")),
        "{problems:?}"
    );
}

#[test]
fn undecodable_image_names_its_src() {
    let mut doc = fixture::sheet();
    for page in &mut doc.pages {
        for placed in &mut page.items {
            if let Item::Image { image, .. } = &mut placed.item {
                image.src = "captures/cassee.png".into();
                image.bytes = Arc::new(b"\x89PNG\r\n\x1a\nnot really".to_vec());
            }
        }
    }
    match write_pdf(&doc, &PdfOptions::default()) {
        Err(PdfError::Image { src, reason }) => {
            assert_eq!(src, "captures/cassee.png");
            assert!(!reason.is_empty());
        }
        other => panic!("expected an image error, got {other:?}"),
    }
}

#[test]
fn inconsistent_page_descriptions_are_errors_not_panics() {
    let mut doc = fixture::sheet();
    doc.pages[0].items[1].mark = Mark::Node(999);
    assert!(structure_error(&doc).contains("structure node 999"));

    let mut doc = fixture::sheet();
    doc.pages[0].links[0].dest = LinkDest::Page { page: 7, y: 0 };
    assert!(structure_error(&doc).contains("points to page 8"));

    let mut doc = fixture::sheet();
    doc.outline[1].page = 2;
    assert!(structure_error(&doc).contains("bookmark `Suite`"));

    // A node that exists but is nobody's child.
    let mut doc = fixture::sheet();
    doc.structure.nodes.push(crate::layout::StructNode {
        role: Role::Paragraph,
        parent: Some(0),
        children: vec![],
        lang: None,
    });
    doc.pages[1].items[1].mark = Mark::Node(doc.structure.nodes.len() - 1);
    assert!(structure_error(&doc).contains("not in the structure tree"));

    // A cycle.
    let mut doc = fixture::sheet();
    doc.structure.nodes[1].children.push(0);
    assert!(structure_error(&doc).contains("appears twice"));

    // A glyph range that splits "É".
    let mut doc = fixture::sheet();
    if let Item::Text(run) = &mut doc.pages[0].items[1].item {
        run.glyphs[0].range = 0..1;
    }
    assert!(structure_error(&doc).contains("does not fit the text"));

    let mut doc = fixture::sheet();
    if let Item::Text(run) = &mut doc.pages[0].items[1].item {
        run.y = f32::NAN;
    }
    assert!(structure_error(&doc).contains("invalid position"));

    let mut doc = fixture::sheet();
    doc.pages[1].width = 0.0;
    assert!(structure_error(&doc).contains("page 2 has an invalid size"));
}

#[test]
fn two_archival_levels_are_refused() {
    let opts = PdfOptions {
        standards: vec![PdfStandard::A2b, PdfStandard::A2u],
        tagged: true,
        ..PdfOptions::default()
    };
    match write_pdf(&fixture::sheet(), &opts) {
        Err(e @ PdfError::Options(_)) => {
            assert!(e.to_string().contains("choose one PDF/A level"))
        }
        other => panic!("expected an options error, got {other:?}"),
    }
}

#[test]
fn error_messages_are_lowercase_sentences() {
    let e = PdfError::Validation(vec!["PDF/UA-1: the document has no title".into()]);
    assert_eq!(
        e.to_string(),
        "the PDF fails validation (1 problem):\n  - PDF/UA-1: the document has no title"
    );
}

#[test]
fn skipped_heading_level_fails_ua() {
    let mut doc = fixture::sheet();
    for node in &mut doc.structure.nodes {
        if node.role == Role::Heading(2) {
            node.role = Role::Heading(3);
        }
    }
    let problems = problems(&doc, &PdfOptions::default());
    assert_eq!(
        problems,
        ["PDF/UA-1: heading level 3 follows level 1, skipping a level (heading 8 on page 2)"]
    );
    let opts = PdfOptions {
        standards: vec![PdfStandard::A2b],
        tagged: true,
        ..PdfOptions::default()
    };
    assert!(write_pdf(&doc, &opts).is_ok());
}
