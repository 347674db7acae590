//! `guidepress site`: the folder for the website, checked from the outside:
//! every link resolves, the manifest tells the truth about the files, web PDFs
//! are tagged and titled, thumbnails are real pictures, builds are
//! reproducible, and a failed build leaves the old site alone.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use common::cli::guidepress;
use common::html::attr_values;
use common::readback::Pdf;
use common::{project_copy, root, temp_dir, tree};
use guidepress::output::site::{build_site, SiteLinks, SiteOptions, SiteReport};
use lopdf::Object;
use sha2::{Digest, Sha256};

const BASE: &str = "https://example.org/fiches/";

fn site_options(project: &Path, out: &Path, links: SiteLinks) -> SiteOptions {
    SiteOptions {
        out_dir: out.to_path_buf(),
        links,
        ..SiteOptions::new(project.join("guides"), project.join("images"))
    }
}

fn build(project: &Path, out: &Path, links: SiteLinks) -> SiteReport {
    build_jobs(project, out, links, None)
}

fn build_jobs(
    project: &Path,
    out: &Path,
    links: SiteLinks,
    jobs: Option<usize>,
) -> SiteReport {
    let opts = SiteOptions { jobs, ..site_options(project, out, links) };
    build_site(&opts, &|_, _, _| {})
        .unwrap_or_else(|d| panic!("the site does not build: {d:#?}"))
}

/// Removes a test's temporary folder (what `temp_dir` made).
fn clean(dir: &Path) {
    let _ = fs::remove_dir_all(dir);
}

/// The text between `<tag` … `>` and `</tag>`, for each occurrence.
fn elements<'a>(html: &'a str, tag: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&open) {
        rest = &rest[i + open.len()..];
        if !rest.starts_with(['>', ' ']) {
            continue;
        }
        let start = rest.find('>').unwrap() + 1;
        let end = rest.find(&close).expect("closed element");
        out.push(&rest[start..end]);
        rest = &rest[end..];
    }
    out
}

fn collection_order() -> Vec<String> {
    let l = common::bundled();
    l.guides.iter().map(|g| g.id.clone()).collect()
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// URIs of every link annotation of a PDF.
fn link_uris(pdf: &Pdf) -> Vec<String> {
    let mut out = Vec::new();
    for page in pdf.pages() {
        let page = pdf.doc.get_dictionary(page).unwrap();
        let Some(annots) = pdf.get(page, b"Annots").and_then(|a| a.as_array().ok())
        else {
            continue;
        };
        for a in annots {
            let a = pdf.deref(a).as_dict().unwrap();
            if let Some(action) = pdf.get(a, b"A").and_then(|o| o.as_dict().ok()) {
                if let Some(uri) = pdf.get(action, b"URI") {
                    let s = match uri {
                        Object::String(b, _) => String::from_utf8_lossy(b).into_owned(),
                        other => panic!("URI is {other:?}"),
                    };
                    out.push(s);
                }
            }
        }
    }
    out
}

#[test]
fn site_every_link_and_picture_of_the_index_resolves_in_the_site() {
    let dir = temp_dir("site-links");
    let out = dir.join("site");
    let report = build(&root(), &out, SiteLinks::Relative);
    let html = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"), "{}", &html[..60]);
    assert_eq!(elements(&html, "title"), ["Aide informatique"]);
    // One small inline script (the search box), nothing fetched from elsewhere.
    assert_eq!(html.matches("<script").count(), 1);
    assert!(!html.contains("<script src"), "scripts are inline");

    let refs: Vec<String> =
        attr_values(&html, "href").into_iter().chain(attr_values(&html, "src")).collect();
    assert!(refs.len() > 2 * report.guides.len(), "{refs:?}");
    for r in &refs {
        // `#…`: the skip link and the audience filters, within the page.
        if r.starts_with("https://") || r.starts_with("mailto:") || r.starts_with('#') {
            continue;
        }
        assert!(!r.starts_with('/') && !r.contains(".."), "{r} must stay in the site");
        assert!(
            out.join(r).is_file(),
            "index.html links to {r}, which is not in the site"
        );
    }

    // Headings in order: one h1, then one h2 per guide, in collection order.
    assert_eq!(elements(&html, "h1"), ["Aide informatique"]);
    let h2 = elements(&html, "h2");
    assert_eq!(h2.len(), report.guides.len());
    for (h, g) in h2.iter().zip(&report.guides) {
        assert!(h.contains(&format!("href=\"{}.html\"", g.id)), "{h}");
    }
    let order: Vec<&str> = report.guides.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(order, collection_order());

    // Every thumbnail has a size and an empty alt: it is a second link to
    // the page the title link already names, hidden from screen readers.
    for img in html.split("<img ").skip(1) {
        let tag = &img[..img.find('>').unwrap()];
        assert_eq!(attr_values(&format!(" {tag}"), "alt"), [""], "{tag}");
        assert!(tag.contains("width=\"200\"") && tag.contains("height=\""), "{tag}");
    }
    for id in &order {
        let links = attr_values(&html, "href");
        assert_eq!(
            links.iter().filter(|h| **h == format!("{id}.html")).count(),
            2,
            "{id}"
        );
        assert!(links.contains(&format!("pdf/{id}.pdf")), "{id}: the PDF, second link");
    }
    for a in elements(&html, "a") {
        assert!(!a.trim().is_empty(), "a link without text");
    }
    // Facts in the guide's language, sizes as the sheets print them.
    assert!(html.contains("Mis à jour le 13/03/2022"), "the update date");
    assert!(
        html.contains("Fiche PDF") && html.contains("\u{a0}ko, 3\u{a0}pages)"),
        "the size"
    );

    // The attachment is copied and linked from the PDF that uses it.
    assert!(out.join("files/ma-premiere-connexion.pdf").is_file());
    let aide = Pdf::load(&fs::read(out.join("pdf/aide-acces-icart.pdf")).unwrap());
    let uris = link_uris(&aide);
    assert!(uris.contains(&"../files/ma-premiere-connexion.pdf".to_string()), "{uris:?}");
    // guide: links go to the sibling web PDF, relative, and resolve.
    let pdf_dir = out.join("pdf");
    let relative: Vec<&String> = uris.iter().filter(|u| !u.contains(':')).collect();
    assert!(relative.iter().any(|u| u.as_str() == "premiere-connexion.pdf"), "{uris:?}");
    for u in relative {
        assert!(pdf_dir.join(u).is_file(), "a web PDF links to {u}, missing in the site");
    }
    clean(&dir);
}

#[test]
fn site_the_manifest_tells_the_truth_about_the_files() {
    let dir = temp_dir("site-manifest");
    let out = dir.join("site");
    build(&root(), &out, SiteLinks::Base(BASE.into()));
    let text = fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(text.ends_with("}\n"));
    let m: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(m["lang"], "fr");
    assert_eq!(m["base_url"], BASE);
    let guides = m["guides"].as_object().unwrap();
    // Keys in collection order, as written (the text, not the parsed map).
    let order = collection_order();
    let positions: Vec<usize> =
        order.iter().map(|id| text.find(&format!("\"{id}\": {{")).unwrap()).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "not in collection order");
    assert_eq!(guides.len(), order.len());

    let mut on_disk: BTreeSet<PathBuf> = tree(&out).into_iter().map(|(p, _)| p).collect();
    for id in &order {
        let g = &guides[id.as_str()];
        let keys: Vec<&str> = g.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        for k in
            ["title", "description", "lang", "updated", "pages", "bytes", "sha256", "url"]
        {
            assert!(keys.contains(&k), "{id}: no {k}");
        }
        let rel = format!("pdf/{id}.pdf");
        assert_eq!(g["url"], format!("{BASE}{rel}"));
        assert_eq!(g["html"], format!("{BASE}{id}.html"));
        on_disk.remove(&PathBuf::from(format!("{id}.html")));
        let bytes = fs::read(out.join(&rel)).unwrap();
        assert_eq!(g["bytes"], bytes.len(), "{id}");
        assert_eq!(g["sha256"], sha256(&bytes), "{id}");
        let pdf = Pdf::load(&bytes);
        assert_eq!(g["pages"], pdf.pages().len(), "{id}");
        assert_eq!(g["lang"], "fr");
        on_disk.remove(Path::new(&rel));
        on_disk.remove(&PathBuf::from(format!("thumbs/{id}.png")));

        // Web PDFs link to each other and to attachments under the base URL.
        for uri in link_uris(&pdf) {
            assert!(uri.contains(':'), "{id}: relative link {uri} with a base URL");
            if let Some(path) = uri.strip_prefix(BASE) {
                assert!(out.join(path).is_file(), "{id} links to {uri}, not in the site");
            }
        }
    }
    for f in m["files"].as_array().unwrap() {
        let path = f["path"].as_str().unwrap();
        let bytes = fs::read(out.join(path)).unwrap();
        assert_eq!(f["bytes"], bytes.len());
        assert_eq!(f["sha256"], sha256(&bytes));
        assert_eq!(f["url"], format!("{BASE}{path}"));
        on_disk.remove(Path::new(path));
    }
    for f in ["index.html", "manifest.json", "style.css", "sitemap.xml"] {
        on_disk.remove(Path::new(f));
    }
    // The web copies of the pictures the pages show (see tests/web_pages.rs).
    on_disk.retain(|p| !p.starts_with("images"));
    assert!(on_disk.is_empty(), "files the manifest does not know: {on_disk:?}");
    clean(&dir);
}

#[test]
fn site_web_pdfs_are_tagged_titled_and_in_the_guides_language() {
    let dir = temp_dir("site-pdfs");
    let out = dir.join("site");
    let report = build(&root(), &out, SiteLinks::Collection);
    for g in &report.guides {
        let pdf = Pdf::load(&fs::read(out.join(format!("pdf/{}.pdf", g.id))).unwrap());
        let cat = pdf.catalog();
        let marked = pdf.dict(cat, b"MarkInfo").get(b"Marked").and_then(|o| o.as_bool());
        assert_eq!(marked.ok(), Some(true), "{}: /MarkInfo", g.id);
        assert!(pdf.get(cat, b"StructTreeRoot").is_some(), "{}: /StructTreeRoot", g.id);
        assert_eq!(pdf.text(cat.get(b"Lang").unwrap()), "fr", "{}: /Lang", g.id);
        let display = pdf
            .dict(cat, b"ViewerPreferences")
            .get(b"DisplayDocTitle")
            .and_then(|o| o.as_bool());
        assert_eq!(display.ok(), Some(true), "{}: /DisplayDocTitle", g.id);
        let info =
            pdf.doc.trailer.get(b"Info").ok().map(|o| pdf.deref(o).as_dict().unwrap());
        let title = info.and_then(|i| i.get(b"Title").ok()).map(|t| pdf.text(t));
        assert_eq!(title.as_deref(), Some(g.title.as_str()), "{}: /Title", g.id);
    }
    clean(&dir);
}

#[test]
fn site_thumbnails_are_real_renderings_of_the_first_page() {
    let dir = temp_dir("site-thumbs");
    let out = dir.join("site");
    let report = build(&root(), &out, SiteLinks::Relative);
    for g in &report.guides {
        let png =
            image::open(out.join(format!("thumbs/{}.png", g.id))).unwrap().to_rgb8();
        assert_eq!(png.width(), 200, "{}", g.id);
        assert_eq!((g.thumb_width, g.thumb_height), png.dimensions());
        let pdf = Pdf::load(&fs::read(out.join(format!("pdf/{}.pdf", g.id))).unwrap());
        let page = pdf.doc.get_dictionary(pdf.pages()[0]).unwrap();
        let bx: Vec<f32> = pdf
            .get(page, b"MediaBox")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o.as_float().unwrap())
            .collect();
        let page_ratio = (bx[3] - bx[1]) / (bx[2] - bx[0]);
        let ratio = png.height() as f32 / png.width() as f32;
        assert!((ratio - page_ratio).abs() < 0.01, "{}: {ratio} vs {page_ratio}", g.id);
        // Not blank: many colours, a fair share of ink, and ink at the top
        // (the header) as well as lower down.
        let colours: BTreeSet<[u8; 3]> = png.pixels().map(|p| p.0).collect();
        assert!(colours.len() > 16, "{}: only {} colours", g.id, colours.len());
        let ink = png.pixels().filter(|p| p.0.iter().any(|c| *c < 200)).count();
        let share = ink as f32 / (png.width() * png.height()) as f32;
        assert!(share > 0.02 && share < 0.6, "{}: {share} of the pixels are ink", g.id);
        let dark_row = |y: u32| (0..png.width()).any(|x| png.get_pixel(x, y).0[0] < 128);
        let h = png.height();
        assert!((0..h / 4).any(dark_row) && (h / 4..h).any(dark_row), "{}", g.id);
    }
    clean(&dir);
}

#[test]
fn site_built_twice_is_byte_identical() {
    let base = temp_dir("site-twice");
    let (a, b) = (base.join("a"), base.join("b"));
    // One thread, then all cores: the order of work must not matter.
    build_jobs(&root(), &a, SiteLinks::Collection, Some(1));
    build_jobs(&root(), &b, SiteLinks::Collection, None);
    let (ta, tb) = (tree(&a), tree(&b));
    assert_eq!(
        ta.iter().map(|(p, _)| p).collect::<Vec<_>>(),
        tb.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
    for ((p, x), (_, y)) in ta.iter().zip(&tb) {
        assert!(x == y, "{} differs between two builds", p.display());
    }
    // Rebuilding in place replaces the site with the same bytes.
    build(&root(), &a, SiteLinks::Collection);
    assert!(tree(&a) == ta, "a rebuild in place changed the site");
    let leftovers: Vec<_> = fs::read_dir(&base)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        // `.guidepress.cache` is the incremental cache, kept next to the site on purpose.
        .filter(|n| n.starts_with('.') && n != ".guidepress.cache")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    clean(&base);
}

/// A deterministic photo-like picture: smooth gradients with fine noise.
#[test]
fn site_web_pdfs_weigh_less_than_print_pdfs_and_keep_their_pictures_as_they_are() {
    let dir = temp_dir("site-weight");
    let print = dir.join("print");
    let report = common::build_bundled(&print, None);
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    let site = dir.join("site");
    build(&root(), &site, SiteLinks::Collection);
    for id in collection_order() {
        let size = |folder: &Path| {
            fs::metadata(folder.join(format!("pdf/{id}.pdf"))).unwrap().len()
        };
        let (web, paper) = (size(&site), size(&print));
        // Web PDFs are compressed harder (pdf::Compression::Small).
        assert!(web < paper, "{id}: web {web} bytes, print {paper} bytes");
        // The bundled screenshots are palette PNGs: in both, their data goes
        // in as it is (an indexed image with a PNG predictor).
        for folder in [&site, &print] {
            let pdf = Pdf::load(&fs::read(folder.join(format!("pdf/{id}.pdf"))).unwrap());
            for s in pdf.doc.objects.values().filter_map(|o| o.as_stream().ok()) {
                if s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() != Some(b"Image")
                {
                    continue;
                }
                let space = s.dict.get(b"ColorSpace").and_then(|c| c.as_array());
                let indexed =
                    space.is_ok_and(|a| a[0].as_name().ok() == Some(b"Indexed"));
                let predictor = s.dict.get(b"DecodeParms").is_ok();
                assert!(
                    indexed && predictor,
                    "{id} in {}: {:?}",
                    folder.display(),
                    s.dict
                );
            }
        }
    }
    clean(&dir);
}

fn photo(width: u32, height: u32) -> image::RgbImage {
    let mut x = 0x2545_F491u32;
    image::RgbImage::from_fn(width, height, |px, py| {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        let n = (x >> 28) as u8;
        image::Rgb([
            (px * 255 / width) as u8 ^ n,
            (py * 255 / height) as u8 ^ n,
            ((px + py) * 127 / (width + height)) as u8 + n,
        ])
    })
}

#[test]
fn site_big_pictures_are_downsampled_in_web_pdfs_only() {
    let project = temp_dir("site-photo");
    fs::create_dir_all(project.join("guides")).unwrap();
    fs::create_dir_all(project.join("images")).unwrap();
    let img = photo(2400, 1600);
    img.save(project.join("images/photo.png")).unwrap();
    image::DynamicImage::ImageRgb8(img).save(project.join("images/photo.jpg")).unwrap();
    fs::write(
        project.join("guides/photo.json"),
        r#"{ "format": 1, "title": "Une grande photo", "updated": "2024-05-01",
             "body": [
               { "type": "paragraph", "text": "Deux photos bien trop fines pour l'écran." },
               { "type": "image", "src": "photo.png", "alt": "Un dégradé", "width": 0.5 },
               { "type": "image", "src": "photo.jpg", "alt": "Le même en JPEG", "width": 0.5 }
             ] }"#,
    )
    .unwrap();
    let print = project.join("out");
    let r = guidepress(&project, &["build", "--out", print.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let site = project.join("site");
    build(&project, &site, SiteLinks::Relative);
    let print_size = fs::metadata(print.join("pdf/photo.pdf")).unwrap().len();
    let web_size = fs::metadata(site.join("pdf/photo.pdf")).unwrap().len();
    assert!(
        web_size * 3 < print_size,
        "web PDF {web_size} bytes, print PDF {print_size} bytes"
    );
    // Both pictures are in the web PDF, at screen size.
    let pdf = Pdf::load(&fs::read(site.join("pdf/photo.pdf")).unwrap());
    let widths: Vec<i64> = pdf
        .doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| {
            s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Image")
        })
        .map(|s| s.dict.get(b"Width").unwrap().as_i64().unwrap())
        .collect();
    assert_eq!(widths.len(), 2, "{widths:?}");
    // Half the text width of an A4 sheet is well under 4 inches: ≤ 600 px at 150 dpi.
    assert!(widths.iter().all(|w| *w <= 600), "{widths:?}");
    clean(&project);
}

#[test]
fn site_an_unknown_pdf_standard_fails_with_its_name_and_the_valid_ones() {
    let project = project_copy("site-standard");
    let r = guidepress(&project, &["site", "--pdf-standard", "a-3z"]);
    assert_eq!(r.code, 2, "a usage error: {}", r.stderr);
    assert!(r.stderr.contains("a-3z") && r.stderr.contains("a-2b"), "{}", r.stderr);
    let r = guidepress(&project, &["site", "--pdf-standard", "a-2a,a-2b"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        !project.join("out").exists(),
        "nothing is written when the options are refused"
    );
    clean(&project);
}

#[test]
fn site_a_guide_that_fails_validation_leaves_the_old_site_intact() {
    let project = project_copy("site-fail");
    let args = ["site", "--pdf-standard", "a-2b"];
    let r = guidepress(&project, &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let before = tree(&project.join("out/site"));
    // PDF/A-2b requires a document date; this guide has none.
    fs::write(
        project.join("guides/undated.json"),
        r#"{ "format": 1, "title": "Sans date", "body": [
             { "type": "paragraph", "text": "Une fiche sans date." } ] }"#,
    )
    .unwrap();
    let r = guidepress(&project, &args);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("\"undated\"") && r.stderr.contains("PDF/A-2b"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("date"), "{}", r.stderr);
    assert!(tree(&project.join("out/site")) == before, "the old site changed");
    let names: Vec<_> = fs::read_dir(project.join("out"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        // `.guidepress.cache` is the incremental cache, kept next to the site on purpose.
        .filter(|n| n != ".guidepress.cache")
        .collect();
    assert_eq!(names, ["site"], "temporary folders left behind");
    clean(&project);
}
