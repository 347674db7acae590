//! The web edition's HTML pages, read back from a built site: every text of
//! a guide is in its page, every picture has its alt text, every link
//! resolves inside the site or is one the guide wrote, pages stay light,
//! the index finds guides by their keywords and has a title without
//! `collection.json`, and the sitemap lists the pages under the base URL.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use common::html::{
    attr_values, build_site_in as build, normalise, visible_text, with_additions,
};
use common::model::{figures, texts};
use common::{bundled, bundled_guides, project_copy, root, temp_dir, ProjectExt};
use guidepress::model::labels::title_repeats_label;
use guidepress::model::{Block, Guide, LinkTarget};
use guidepress::output::site::SiteLinks;

const BASE: &str = "https://example.org/fiches/";

/// Every URL out of the site that `guide` writes: links, its source,
/// attachments and QR addresses.
fn external_urls(g: &Guide, l: &guidepress::model::Loaded) -> BTreeSet<String> {
    let mut urls: BTreeSet<String> = texts(g, &l.collection)
        .into_iter()
        .flat_map(|(_, t)| t.spans.iter())
        .filter_map(|s| match s.link.as_ref()? {
            LinkTarget::Url(u) | LinkTarget::Mail(u) => Some(u.clone()),
            LinkTarget::Guide(_) => None,
        })
        .collect();
    urls.extend(g.source_url.clone());
    for b in &g.body {
        match &b.value {
            Block::Attachment { href, local: None, .. } => {
                urls.insert(href.clone());
            }
            Block::Qr { url, .. } => {
                urls.insert(url.clone());
            }
            _ => {}
        }
    }
    urls
}

/// The ids of `html`'s elements.
fn ids(html: &str) -> BTreeSet<String> {
    attr_values(html, "id").into_iter().collect()
}

#[test]
fn web_every_text_of_a_guide_is_in_its_page() {
    // The bundled guides and one that uses every addition to the format.
    let dir = with_additions("web-texts");
    let out = dir.join("site");
    build(&dir, &out, SiteLinks::Relative);
    let l = dir.load().unwrap();
    for g in bundled_guides(&l) {
        let html = fs::read_to_string(out.join(format!("{}.html", g.id))).unwrap();
        assert!(html
            .starts_with(&format!("<!DOCTYPE html>\n<html lang=\"{}\">", g.lang.code())));
        let seen = visible_text(&html);
        for (path, t) in texts(g, &l.collection) {
            let plain = t.plain_text();
            if path.ends_with(".title") {
                let kind = g.body.iter().find_map(|b| match &b.value {
                    Block::Callout { kind, title: Some(x), .. } if x == t => Some(*kind),
                    _ => None,
                });
                // A title that only repeats the callout's label is shown once, as the label.
                if kind.is_some_and(|k| title_repeats_label(&plain, k, g.lang)) {
                    continue;
                }
            }
            let want = normalise(&plain);
            assert!(seen.contains(&want), "{}: {path} {want:?} is not in the page", g.id);
        }
        for fact in g.audience.iter().chain(g.author.iter()) {
            assert!(seen.contains(fact.as_str()), "{}: {fact}", g.id);
        }
        // Exactly one h1, the title; one download link to the PDF, with its size.
        assert_eq!(html.matches("<h1>").count(), 1, "{}", g.id);
        assert!(
            html.contains(&format!("<a href=\"pdf/{}.pdf\">", g.id))
                && seen.contains("Télécharger la fiche PDF"),
            "{}",
            g.id
        );
        assert!(
            html.contains("\u{a0}ko, "),
            "{}: the PDF's size, no-break space before ko",
            g.id
        );
    }
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn web_every_picture_has_its_alt_text_and_size() {
    // The bundled guides and one that uses every addition to the format.
    let dir = with_additions("web-alts");
    let out = dir.join("site");
    build(&dir, &out, SiteLinks::Relative);
    let l = dir.load().unwrap();
    let mut lazy = 0;
    for g in bundled_guides(&l) {
        let html = fs::read_to_string(out.join(format!("{}.html", g.id))).unwrap();
        let tags: Vec<&str> =
            html.split("<img ").skip(1).map(|t| &t[..t.find('>').unwrap()]).collect();
        let alts: Vec<String> =
            tags.iter().map(|t| attr_values(&format!(" {t}"), "alt").remove(0)).collect();
        let want: Vec<String> = figures(g).iter().map(|f| f.alt.clone()).collect();
        assert_eq!(alts, want, "{}: every figure, with its alt text, in order", g.id);
        for t in &tags {
            let t = format!(" {t}");
            assert!(!attr_values(&t, "alt")[0].trim().is_empty(), "{}: {t}", g.id);
            let w: u32 = attr_values(&t, "width")[0].parse().unwrap();
            let h: u32 = attr_values(&t, "height")[0].parse().unwrap();
            assert!(w > 0 && h > 0, "{t}");
            // At most two widths, each a file of the site with the size it claims.
            let set = attr_values(&t, "srcset");
            let files: Vec<String> = match set.first() {
                Some(s) => s
                    .split(", ")
                    .map(|c| c.split(' ').next().unwrap().to_string())
                    .collect(),
                None => attr_values(&t, "src"),
            };
            assert!((1..=2).contains(&files.len()), "{t}");
            for f in files {
                let png =
                    image::open(out.join(&f)).unwrap_or_else(|e| panic!("{f}: {e}"));
                if let Some(s) = set.first() {
                    assert!(s.contains(&format!("{f} {}w", png.width())), "{f} in {s}");
                }
            }
            lazy += usize::from(t.contains("loading=\"lazy\""));
        }
        // The first picture loads at once, the others when the reader gets near.
        if let Some(first) = tags.first() {
            assert!(!first.contains("loading=\"lazy\""), "{}", g.id);
        }
    }
    assert!(lazy > 0);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn web_every_link_resolves_in_the_site_or_is_one_the_guide_wrote() {
    // The bundled guides and one that uses every addition to the format.
    let dir = with_additions("web-links");
    let out = dir.join("site");
    build(&dir, &out, SiteLinks::Relative);
    let l = dir.load().unwrap();
    let mut pages = vec![("index.html".to_string(), BTreeSet::new())];
    for g in bundled_guides(&l) {
        pages.push((format!("{}.html", g.id), external_urls(g, &l)));
    }
    let mut local = 0;
    for (page, allowed) in &pages {
        let html = fs::read_to_string(out.join(page)).unwrap();
        let refs =
            attr_values(&html, "href").into_iter().chain(attr_values(&html, "src"));
        for r in refs {
            if r.starts_with("https://")
                || r.starts_with("http://")
                || r.starts_with("mailto:")
            {
                assert!(allowed.contains(&r), "{page}: {r} is not a URL the guide wrote");
                continue;
            }
            assert!(
                !r.starts_with('/') && !r.contains(".."),
                "{page}: {r} leaves the site"
            );
            let (path, fragment) = r.split_once('#').unwrap_or((&r, ""));
            let target = if path.is_empty() { page.as_str() } else { path };
            let file = out.join(target.replace("%20", " "));
            assert!(file.is_file(), "{page} links to {r}, which is not in the site");
            if !fragment.is_empty() {
                let there = fs::read_to_string(&file).unwrap();
                assert!(
                    ids(&there).contains(fragment),
                    "{page}: no #{fragment} in {target}"
                );
            }
            local += 1;
        }
        // No outside requests: no stylesheet, script or font from elsewhere.
        assert!(!html.contains("<script src") && !html.contains("@import"), "{page}");
        assert_eq!(html.matches("<link ").count(), 1, "{page}: one stylesheet");
    }
    // guide: references lead to the other guide's page.
    let icart = fs::read_to_string(out.join("aide-acces-icart.html")).unwrap();
    assert!(icart.contains("href=\"premiere-connexion.html\""));
    let css = fs::read_to_string(out.join("style.css")).unwrap();
    assert!(
        !css.contains("url(") && !css.contains("@import"),
        "the stylesheet fetches nothing"
    );
    assert!(local > 50, "{local}");
    let _ = fs::remove_dir_all(&dir);
}

/// A guide of at least 4 printed pages: the bodies of two bundled guides
/// and of the guide that uses every addition, one after the other.
fn long_guide(project: &Path) {
    let read = |id: &str| -> serde_json::Value {
        serde_json::from_str(
            &fs::read_to_string(project.join(format!("guides/{id}.json"))).unwrap(),
        )
        .unwrap()
    };
    let mut g = read("premiere-connexion");
    let body = g["body"].as_array_mut().unwrap();
    body.extend(read("vider-cache")["body"].as_array().unwrap().iter().cloned());
    // And every addition to the format: keys, menu paths, sub-steps,
    // pictures side by side, variants, annotations, column widths.
    let additions = fs::read_to_string(root().join("tests/web/toutes-additions.json"));
    let additions: serde_json::Value = serde_json::from_str(&additions.unwrap()).unwrap();
    body.extend(additions["body"].as_array().unwrap().iter().cloned());
    g["id"] = "longue".into();
    g["title"] = "Une longue fiche".into();
    fs::write(project.join("guides/longue.json"), g.to_string()).unwrap();
}

#[test]
fn web_a_page_of_a_four_page_guide_weighs_under_40_kb() {
    let project = project_copy("web-weight");
    long_guide(&project);
    let out = project.join("site");
    let report = build(&project, &out, SiteLinks::Relative);
    let long = report.guides.iter().find(|g| g.id == "longue").unwrap();
    assert!(long.pages >= 4, "the long guide has {} pages", long.pages);
    let css = fs::metadata(out.join("style.css")).unwrap().len();
    for page in ["longue.html", "index.html"] {
        let markup = fs::metadata(out.join(page)).unwrap().len();
        // Markup, style and (inline) script; pictures aside.
        let weight = markup + css;
        assert!(weight < 40 * 1024, "{page}: {weight} bytes");
    }
    let _ = fs::remove_dir_all(&project);
}

#[test]
fn web_the_index_links_each_card_and_finds_guides_by_keywords() {
    let dir = temp_dir("web-index");
    let out = dir.join("site");
    build(&root(), &out, SiteLinks::Relative);
    let html = fs::read_to_string(out.join("index.html")).unwrap();
    let l = bundled();
    for g in bundled_guides(&l) {
        let card = html
            .split("<li class=\"card")
            .find(|c| c.contains(&format!("href=\"{}.html\"", g.id)))
            .unwrap_or_else(|| panic!("no card for {}", g.id));
        let card = &card[..card.find("</li>").unwrap()];
        // Title and thumbnail lead to the page; the PDF is the second link.
        assert_eq!(card.matches(&format!("href=\"{}.html\"", g.id)).count(), 2, "{card}");
        assert!(card.contains(&format!("href=\"pdf/{}.pdf\"", g.id)), "{card}");
        // The search reads the keywords from the card.
        let kw = attr_values(card, "data-keywords");
        for k in &g.keywords {
            assert!(kw.first().is_some_and(|v| v.contains(k.as_str())), "{}: {k}", g.id);
        }
    }
    // The search script reads the keywords; the search box is hidden without it.
    assert!(
        html.contains("data-keywords")
            && html.contains("getAttribute(\"data-keywords\")")
    );
    assert!(html.contains("role=\"search\" hidden"));
    // The machine-readable files are not offered to parents.
    assert!(!html.contains("manifest.json") && !html.contains("sitemap.xml"));
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn web_without_collection_json_the_index_is_titled_as_the_pack() {
    let project = project_copy("web-no-collection");
    fs::remove_file(project.join("guides/collection.json")).unwrap();
    let out = project.join("site");
    build(&project, &out, SiteLinks::Relative);
    let html = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(html.contains("<title>Fiches</title>"), "{}", &html[..400]);
    assert!(html.contains("<h1>Fiches</h1>"));
    let _ = fs::remove_dir_all(&project);
}

#[test]
fn web_the_sitemap_lists_the_pages_under_the_base_url_only_when_there_is_one() {
    let dir = temp_dir("web-sitemap");
    let (with, without) = (dir.join("with"), dir.join("without"));
    let report = build(&root(), &with, SiteLinks::Base(BASE.into()));
    build(&root(), &without, SiteLinks::Relative);
    assert!(!without.join("sitemap.xml").exists());
    let xml = fs::read_to_string(with.join("sitemap.xml")).unwrap();
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset"));
    let locs: Vec<&str> =
        xml.split("<loc>").skip(1).map(|s| &s[..s.find("</loc>").unwrap()]).collect();
    let mut want = vec![format!("{BASE}index.html")];
    want.extend(report.guides.iter().map(|g| format!("{BASE}{}.html", g.id)));
    assert_eq!(locs, want);
    assert!(xml.contains("<lastmod>2022-03-13</lastmod>"), "{xml}");
    // Pages link to each other relatively even under a base URL: the folder
    // works wherever it is copied.
    let page = fs::read_to_string(with.join("vider-cache.html")).unwrap();
    assert!(!page.contains(&format!("href=\"{BASE}")), "absolute link in a page");
    let _ = fs::remove_dir_all(&dir);
}
