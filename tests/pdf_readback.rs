//! The end of the pipe: the bundled guides are built through the library,
//! and every PDF is read back with lopdf and compared with the model.

mod common;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use common::readback::Pdf;
use common::{model, pdf};
use guidepress::model::{Block, Date, Guide, Loaded};

/// The bundled project, loaded, and its PDFs, built once for all tests.
struct Built {
    loaded: Loaded,
    /// `(guide id, PDF bytes)`, in collection order.
    pdfs: Vec<(String, Vec<u8>)>,
}

fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let out = common::temp_dir("readback");
        let report = common::build_bundled(&out, None);
        assert!(report.failed.is_empty(), "{:?}", report.failed);
        let loaded = common::bundled();
        let pdfs = loaded
            .guides
            .iter()
            .map(|g| {
                let path = out.join("pdf").join(format!("{}.pdf", g.id));
                let bytes = std::fs::read(&path)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                (g.id.clone(), bytes)
            })
            .collect();
        let _ = std::fs::remove_dir_all(&out);
        Built { loaded, pdfs }
    })
}

/// Runs `check` on every bundled guide with its PDF read back, and fails
/// with every problem found, not just the first.
fn each_guide(check: impl Fn(&Guide, &Pdf, &mut Vec<String>)) {
    let b = built();
    let guides = common::bundled_guides(&b.loaded);
    assert_eq!(guides.len(), 6, "the bundled collection has six guides");
    let mut problems = Vec::new();
    for (g, (id, bytes)) in guides.into_iter().zip(&b.pdfs) {
        assert_eq!(&g.id, id);
        let mut mine = Vec::new();
        check(g, &Pdf::load(bytes), &mut mine);
        problems.extend(mine.into_iter().map(|p| format!("{id}: {p}")));
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_text_of_the_model_is_in_the_pdf() {
    each_guide(|g, doc, problems| {
        let text = pdf::content_text(doc);
        if text.contains('\u{FFFD}') {
            problems.push("a glyph has no Unicode mapping (U+FFFD in the text)".into());
        }
        for (path, inline) in model::texts(g, &built().loaded.collection) {
            // A forced line break has no glyph: each line is looked for alone.
            // Keys and menu paths read back as their ActualText says.
            for line in inline.spoken_text(g.lang).split('\n') {
                let want = pdf::normalise(line);
                if !want.is_empty() && !text.contains(&want) {
                    problems.push(format!("{path}: {want:?} not found in the PDF text"));
                }
            }
        }
    });
}

#[test]
fn hyphenated_words_come_back_whole() {
    // The layout ends a hyphenated line with a hyphen glyph whose text is
    // U+00AD: the soft hyphen is the only trace of the break.
    each_guide(|_, doc, problems| {
        for n in 1..=doc.pages().len() as u32 {
            for (run, _) in pdf::page_runs(doc, n) {
                let inner = run.strip_suffix('\u{AD}').unwrap_or(&run);
                if inner.contains('\u{AD}') {
                    problems
                        .push(format!("page {n}: soft hyphen inside a line: {run:?}"));
                }
            }
        }
    });
}

#[test]
fn fonts_are_embedded_subsets_with_tounicode() {
    each_guide(|_, doc, problems| {
        let fonts = pdf::objects_of_type(doc, b"Font");
        if fonts.is_empty() {
            problems.push("no fonts".into());
        }
        for font in fonts {
            let subtype = doc.name(font, b"Subtype").unwrap_or_default();
            let base = doc.name(font, b"BaseFont").unwrap_or_default();
            if subtype.starts_with("CIDFontType") {
                continue; // checked through its parent Type0 font below
            }
            let tag = base.split_once('+').map(|(t, _)| t).unwrap_or("");
            if tag.len() != 6 || !tag.chars().all(|c| c.is_ascii_uppercase()) {
                problems.push(format!("{subtype} font {base:?} is not a subset"));
            }
            if font.get(b"ToUnicode").is_err() {
                problems.push(format!("{base} has no /ToUnicode"));
            }
            let descriptor = match subtype.as_str() {
                "Type0" => doc
                    .get(font, b"DescendantFonts")
                    .and_then(|d| d.as_array().ok())
                    .and_then(|d| doc.deref(&d[0]).as_dict().ok())
                    .map(|cid| doc.dict(cid, b"FontDescriptor")),
                _ => doc.get(font, b"FontDescriptor").and_then(|d| d.as_dict().ok()),
            };
            let embedded = descriptor.is_some_and(|d| {
                [&b"FontFile2"[..], b"FontFile3", b"FontFile"]
                    .iter()
                    .any(|k| d.get(k).is_ok())
            });
            if !embedded {
                problems.push(format!("{subtype} font {base} is not embedded"));
            }
        }
    });
}

/// How the PDF writer spells a URI: 7-bit ASCII, the rest percent-encoded.
fn ascii_uri(uri: &str) -> String {
    uri.bytes()
        .map(|b| {
            if b.is_ascii_graphic() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[test]
fn every_external_link_is_a_uri_annotation() {
    let collection = &built().loaded.collection;
    assert!(collection.base_url.is_some(), "guide: links need a base_url here");
    each_guide(|g, doc, problems| {
        let found: BTreeSet<String> = pdf::link_uris(doc).into_iter().collect();
        for uri in model::link_uris(g, collection) {
            if !found.contains(&ascii_uri(&uri)) {
                problems.push(format!("no /Link annotation with /URI {uri:?}"));
            }
        }
    });
    let all: Vec<String> = common::bundled_guides(&built().loaded)
        .into_iter()
        .flat_map(|g| model::link_uris(g, collection))
        .collect();
    for kind in ["https:", "mailto:", collection.base_url.as_deref().unwrap_or("")] {
        assert!(all.iter().any(|u| u.starts_with(kind)), "no {kind} link was tested");
    }
}

#[test]
fn every_uri_annotation_comes_from_the_guide() {
    let collection = &built().loaded.collection;
    each_guide(|g, doc, problems| {
        let mut known: BTreeSet<String> =
            model::link_uris(g, collection).iter().map(|u| ascii_uri(u)).collect();
        known.extend(g.source_url.iter().map(|u| ascii_uri(u)));
        for b in &g.body {
            match &b.value {
                Block::Attachment { href, local: None, .. } => {
                    known.insert(ascii_uri(href));
                }
                // A local file links to its web copy in the site's files/.
                Block::Attachment { local: Some(f), .. } => {
                    let base = collection.base_url.as_deref().unwrap_or("");
                    known.insert(ascii_uri(&format!("{base}{}", f.site_path())));
                }
                Block::Qr { url, .. } => {
                    known.insert(ascii_uri(url));
                }
                _ => {}
            }
        }
        for uri in pdf::link_uris(doc) {
            if !known.contains(&uri) {
                problems.push(format!("annotation /URI {uri:?} is not in the guide"));
            }
        }
    });
}

#[test]
fn bookmarks_are_the_level_1_headings_and_the_variant_labels() {
    each_guide(|g, doc, problems| {
        let got = pdf::outline(doc);
        let want = model::expected_bookmarks(g);
        if got != want {
            problems.push(format!("bookmarks {got:?}, expected {want:?}"));
        }
    });
}

/// A date as it appears in a PDF date string: `D:YYYYMMDD`.
fn pdf_date(d: Date) -> String {
    format!("D:{:04}{:02}{:02}", d.year, d.month, d.day)
}

#[test]
fn metadata_comes_from_the_guide() {
    let collection = &built().loaded.collection;
    each_guide(|g, doc, problems| {
        let mut expect = |key: &str, got: Option<String>, want: Option<String>| {
            if got != want {
                problems.push(format!("/{key} is {got:?}, expected {want:?}"));
            }
        };
        let info = |key: &str| pdf::info_text(doc, key.as_bytes());
        let title = g.title.plain_text();
        expect("Title", info("Title"), Some(title.clone()));
        expect(
            "Lang",
            doc.catalog().get(b"Lang").ok().map(|l| doc.text(l)),
            Some(g.lang.code().into()), // "fr" for every bundled guide
        );
        expect("Author", info("Author"), g.author.clone().or(collection.author.clone()));
        expect(
            "Subject",
            info("Subject"),
            g.description.as_ref().map(|d| d.plain_text()),
        );
        let keywords = info("Keywords").unwrap_or_default();
        for k in &g.keywords {
            if !keywords.split(',').any(|w| w.trim() == k) {
                problems.push(format!("/Keywords {keywords:?} lacks {k:?}"));
            }
        }
        // No clock: the dates are the guide's (the update, else the publication).
        let date =
            g.updated.or(g.published).map(pdf_date).expect("bundled guides are dated");
        for key in ["CreationDate", "ModDate"] {
            let got = info(key).unwrap_or_default();
            if !got.starts_with(&date) {
                problems.push(format!("/{key} is {got:?}, expected {date}…"));
            }
        }
        match pdf::xmp(doc) {
            Some(xmp) if !xmp.contains(&xml_escape(&title)) => {
                problems.push(format!("the XMP metadata lacks the title {title:?}"))
            }
            _ => {}
        }
    });
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[test]
fn documents_are_tagged_with_the_structure_of_the_guide() {
    each_guide(|g, doc, problems| {
        let catalog = doc.catalog();
        let flag = |dict: &[u8], key: &[u8]| {
            doc.get(catalog, dict)
                .and_then(|d| d.as_dict().ok())
                .and_then(|d| d.get(key).ok())
                .and_then(|v| v.as_bool().ok())
        };
        if flag(b"MarkInfo", b"Marked") != Some(true) {
            problems.push("/MarkInfo /Marked is not true".into());
        }
        if flag(b"ViewerPreferences", b"DisplayDocTitle") != Some(true) {
            problems.push("/ViewerPreferences /DisplayDocTitle is not true".into());
        }
        if catalog.get(b"StructTreeRoot").is_err() {
            problems.push("no /StructTreeRoot".into());
            return;
        }
        let elems = pdf::struct_elems(doc);
        let roles: BTreeSet<&str> = elems.iter().map(|e| e.role.as_str()).collect();
        let has = |f: fn(&Block) -> bool| model::has_block(g, f);
        let lists = has(|b| matches!(b, Block::List { .. } | Block::Steps { .. }));
        let wanted: [(&str, bool); 9] = [
            ("H1", true),
            ("P", has(|b| matches!(b, Block::Paragraph { .. }))),
            ("L", lists),
            ("LI", lists),
            ("Figure", !model::figures(g).is_empty()),
            ("Table", has(|b| matches!(b, Block::Table { .. }))),
            ("TH", has(|b| matches!(b, Block::Table { header: Some(_), .. }))),
            ("TD", has(|b| matches!(b, Block::Table { .. }))),
            ("Link", !model::link_uris(g, &built().loaded.collection).is_empty()),
        ];
        for (role, needed) in wanted {
            if needed && !roles.contains(role) {
                problems.push(format!("no {role} element (roles: {roles:?})"));
            }
        }
        // Every picture of the guide is a Figure with the author's alt text.
        let alts: Vec<String> = elems
            .iter()
            .filter(|e| e.role == "Figure")
            .filter_map(|e| e.alt.clone())
            .collect();
        for f in model::figures(g) {
            if !alts.contains(&f.alt) {
                problems.push(format!("no Figure with /Alt {:?}", f.alt));
            }
        }
        if let Some(e) = elems.iter().find(|e| e.role == "Figure" && e.alt.is_none()) {
            problems.push(format!("a Figure without /Alt: {e:?}"));
        }
    });
}
