//! Hostile content: what a careless or malicious author can put in a guide.
//! Dangerous link schemes are refused, text that looks like HTML or PDF
//! syntax comes out as the same text, invisible control characters and
//! lone surrogates are refused with their place, links out of the images
//! folder are refused, no output is written into an input folder, and very
//! large inputs finish (or are refused with a stated limit).
//!
//! The large inputs print their times with `--nocapture`; 3000 guides run
//! with `cargo test --release --test hostile -- --ignored --nocapture`
//! (300 by default).

mod common;

use std::time::Instant;

use common::cli::guidepress;
use common::pdf::{info_text, link_uris, outline, xmp};
use common::readback::Pdf;
use common::{ProjectExt, TempProject};
use guidepress::layout::{layout_guide, LayoutOptions, MAX_SHEET_PAGES};
use guidepress::model::Diagnostic;
use guidepress::output::site::{build_site, SiteLinks, SiteOptions};
use guidepress::pdf::{write_pdf, PdfOptions};
use serde_json::{json, Value};

/// A small project in a temporary folder: one picture, one attachment;
/// guides (and a collection) are added by each test.
fn hostile_project(name: &str) -> TempProject {
    let root = common::root();
    let project = TempProject::new(&format!("hostile-{name}"));
    project
        .folders(&["guides"])
        .copy(&root.join("images/firefox-menu.png"), "images/menu.png")
        .copy(&root.join("files/ma-premiere-connexion.pdf"), "files/doc.pdf");
    project
}

/// A guide whose body is `blocks`.
fn guide_with(blocks: Value) -> Value {
    json!({"format": 1, "title": "Essai", "body": blocks})
}

fn paragraph(text: &str) -> Value {
    json!({"type": "paragraph", "text": text})
}

fn codes(diags: &[Diagnostic]) -> Vec<&'static str> {
    diags.iter().map(|d| d.code).collect()
}

/// Schemes no link may use, written as authors might (case, spaces, tabs).
const BAD_TARGETS: &[&str] = &[
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "file:///etc/passwd",
    "FILE://server/share/x.pdf",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "ftp://example.org/a.pdf",
    "about:blank",
    "blob:https://example.org/1234",
    "smb://server/share",
    "tel:+33123456789",
    "chrome://settings",
    "//evil.example.org/x",
    "\\\\server\\share\\x.pdf",
    "%6Aavascript:alert(1)",
];

#[test]
fn links_with_other_schemes_are_refused_everywhere() {
    let project = hostile_project("schemes");
    // Every place a link target can be written in a guide.
    type Place = (&'static str, Box<dyn Fn(&str) -> Value>);
    let places: Vec<Place> = vec![
        (
            "inline link",
            Box::new(|t| guide_with(json!([paragraph(&format!("[ici]({t})"))]))),
        ),
        (
            "autolink",
            Box::new(|t| guide_with(json!([paragraph(&format!("voir <{t}>"))]))),
        ),
        (
            "link in a title",
            Box::new(
                |t| json!({"format": 1, "title": format!("[t]({t})"), "body": [paragraph("x")]}),
            ),
        ),
        ("qr", Box::new(|t| guide_with(json!([{"type": "qr", "url": t}])))),
        (
            "attachment",
            Box::new(|t| {
                guide_with(json!([{"type": "attachment", "href": t, "label": "doc"}]))
            }),
        ),
        (
            "source_url",
            Box::new(
                |t| json!({"format": 1, "title": "T", "source_url": t, "body": [paragraph("x")]}),
            ),
        ),
    ];
    let mut n = 0;
    for target in BAD_TARGETS {
        for (place, make) in &places {
            // An autolink cannot hold spaces or tabs: those stay text, refused elsewhere.
            if *place == "autolink" && target.contains(char::is_whitespace) {
                continue;
            }
            n += 1;
            project.guide_json(&format!("g{n}"), &make(target));
        }
    }
    let loaded = project.load().unwrap();
    let mut accepted = Vec::new();
    for g in &loaded.guides {
        match &g.result {
            // `<//host>` or `<%6A…:…>` in text is no autolink: plain text is fine.
            Ok(guide) if !format!("{:?}", guide.body).contains("link: Some") => {}
            Ok(guide) => accepted.push(format!("{}: {:?}", g.id, guide.body)),
            Err(diags) => {
                assert!(
                    diags.iter().all(|d| !d.message.en().is_empty() && d.line.is_some()),
                    "{}: {diags:#?}",
                    g.id
                )
            }
        }
    }
    assert!(accepted.is_empty(), "accepted:\n{}", accepted.join("\n"));
    // The collection's base_url takes web addresses only.
    for target in BAD_TARGETS.iter().chain(&["mailto:a@b.fr", "guide:x"]) {
        project.guide_json(
            "collection",
            &json!({"format": 1, "title": "C", "base_url": target}),
        );
        let errors = project.load().expect_err(target);
        assert_eq!(codes(&errors), ["bad-url"], "{target}");
    }
}

#[test]
fn the_four_allowed_schemes_build() {
    let project = hostile_project("good-schemes");
    project.guide_json("autre", &guide_with(json!([paragraph("x")])));
    project.guide_json(
        "liens",
        &guide_with(json!([
            paragraph("[a](https://example.org/a_(b)?q=1&r=2#x) [b](http://example.org) [c](mailto:a@b.fr) [d](guide:autre) <HTTPS://EXAMPLE.ORG/É>"),
            {"type": "qr", "url": "https://example.org/qr"},
            {"type": "attachment", "href": "https://example.org/doc.pdf", "label": "doc"},
        ])),
    );
    let out = project.join("out");
    let report = project.build(&out);
    assert!(report.failed.is_empty(), "{:#?}", report.failed);
    let pdf = Pdf::load(&std::fs::read(out.join("pdf/liens.pdf")).unwrap());
    let uris = link_uris(&pdf);
    for want in [
        "https://example.org/a_(b)?q=1&r=2#x",
        "http://example.org",
        "mailto:a@b.fr",
        "autre.pdf",
        "HTTPS://EXAMPLE.ORG/%C3%89",
    ] {
        assert!(uris.iter().any(|u| u == want), "no link to {want}: {uris:?}");
    }
}

/// Text that looks like markup or PDF syntax, which must come out as written.
const TRICKY: &str = "<script>alert(\"x\")</script> & 'q' \\ (a) [b] {c} /Name %comment \
                      >> << endobj %%EOF \u{a0}« été » ✓";

#[test]
fn pdf_metadata_keeps_text_that_looks_like_syntax() {
    let project = hostile_project("metadata");
    // In inline text, `\` escapes markup: `\\` is one backslash, `\[` a bracket.
    let inline = TRICKY.replace('\\', "\\\\").replace('[', "\\[").replace(']', "\\]");
    project.guide_json(
        "meta",
        &json!({
            "format": 1,
            "title": inline,
            "description": format!("Résumé : {inline}"),
            "author": TRICKY,
            "keywords": [TRICKY, "a,b;c"],
            "body": [
                {"type": "heading", "level": 1, "text": inline},
                paragraph("x"),
            ],
        }),
    );
    let loaded = project.load().unwrap();
    let guide = loaded.guides[0].result.as_ref().expect("the guide is valid");
    assert_eq!(guide.title.plain_text(), TRICKY);
    let laid = layout_guide(
        guide,
        &loaded.collection,
        &LayoutOptions::for_collection(&loaded.collection),
    );
    let bytes =
        write_pdf(&laid.document, &PdfOptions::default()).expect("the PDF is written");
    let pdf = Pdf::load(&bytes);
    assert_eq!(info_text(&pdf, b"Title").as_deref(), Some(TRICKY));
    assert_eq!(info_text(&pdf, b"Author").as_deref(), Some(TRICKY));
    let subject = info_text(&pdf, b"Subject").unwrap_or_default();
    assert_eq!(subject, format!("Résumé : {TRICKY}"));
    let keywords = info_text(&pdf, b"Keywords").unwrap_or_default();
    assert!(keywords.contains(TRICKY), "{keywords:?}");
    assert_eq!(outline(&pdf), [(1, TRICKY.to_string())]);
    // The XMP packet is XML: the same text, escaped, and no live markup.
    let xmp = xmp(&pdf).expect("an XMP packet");
    assert!(!xmp.contains("<script>"), "{xmp}");
    assert!(xmp.contains("&lt;script&gt;alert("), "{xmp}");
    let unescaped = xmp
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    assert!(unescaped.contains(TRICKY), "the title is not in the XMP packet:\n{xmp}");
}

#[test]
fn site_html_and_json_keep_text_that_looks_like_syntax() {
    let project = hostile_project("site");
    let inline = TRICKY.replace('\\', "\\\\").replace('[', "\\[").replace(']', "\\]");
    project.guide_json(
        "collection",
        &json!({
            "format": 1,
            "title": format!("Collection {TRICKY}"),
            "organisation": TRICKY,
        }),
    );
    project.guide_json(
        "fiche",
        &json!({
            "format": 1,
            "title": inline,
            "description": format!("{inline} </p><script>alert(2)</script>"),
            "audience": [TRICKY],
            "keywords": ["</script><script>alert(3)</script>"],
            "body": [paragraph("x")],
        }),
    );
    let out = project.join("site");
    let opts = SiteOptions {
        out_dir: out.clone(),
        links: SiteLinks::Relative,
        ..SiteOptions::new(project.guides(), project.images())
    };
    build_site(&opts, &|_, _, _| {}).unwrap_or_else(|d| panic!("{d:#?}"));
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(!html.contains("<script"), "live markup in index.html:\n{html}");
    assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"), "{html}");
    assert!(html.contains("&lt;/p&gt;&lt;script&gt;alert(2)"), "{html}");
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("manifest.json")).unwrap(),
    )
    .expect("manifest.json is JSON");
    let text = manifest.to_string();
    assert!(text.contains(&serde_json::to_string(TRICKY).unwrap()), "{manifest:#}");
    let titles: Vec<&str> = find_all(&manifest, "title");
    assert!(titles.contains(&TRICKY), "{titles:?}");
}

/// Every string value of `key` anywhere in `v`.
fn find_all<'a>(v: &'a Value, key: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if k == key {
                    out.extend(x.as_str());
                }
                out.extend(find_all(x, key));
            }
        }
        Value::Array(items) => items.iter().for_each(|x| out.extend(find_all(x, key))),
        _ => {}
    }
    out
}

#[test]
fn control_and_bidi_characters_are_refused_where_they_are() {
    let project = hostile_project("controls");
    let table: &[(&str, &str)] = &[
        ("\u{0}", "U+0000 (NUL)"),
        ("\u{7}", "U+0007 (bell)"),
        ("\u{1b}[31m", "U+001B (escape)"),
        ("\u{7f}", "U+007F (delete)"),
        ("\u{85}", "U+0085 (next line)"),
        ("\u{202e}", "U+202E (right-to-left override)"),
        ("\u{2066}", "U+2066 (left-to-right isolate)"),
        ("\u{feff}", "U+FEFF (zero-width no-break space)"),
        ("\u{fffe}", "U+FFFE"),
    ];
    for (i, (c, name)) in table.iter().enumerate() {
        let text = format!("ab{c}cd");
        // In a paragraph, an alt text, an author, a keyword and a key.
        let places = [
            ("body[0].text", guide_with(json!([paragraph(&text)]))),
            (
                "body[0].alt",
                guide_with(json!([{"type": "image", "src": "menu.png", "alt": text}])),
            ),
            (
                "author",
                json!({"format": 1, "title": "T", "author": text, "body": [paragraph("x")]}),
            ),
            (
                "keywords[1]",
                json!({"format": 1, "title": "T", "keywords": ["k", text], "body": [paragraph("x")]}),
            ),
        ];
        for (j, (path, value)) in places.iter().enumerate() {
            let id = format!("c{i}-{j}");
            project.guide_json(&id, value);
            let errors = project.errors(&id);
            let e = errors
                .iter()
                .find(|d| d.code == "control-character")
                .unwrap_or_else(|| panic!("{name} in {path} accepted: {errors:#?}"));
            assert_eq!(e.path, *path, "{name}");
            assert!(e.message.en().contains(name), "{}", e.message);
            assert!(e.message.en().contains("at character 3"), "{}", e.message);
            assert!(e.line.is_some() && e.column.is_some(), "{e:?}");
            assert!(
                e.suggestion
                    .as_ref()
                    .map(|s| s.en())
                    .unwrap_or_default()
                    .starts_with("delete it"),
                "{e:?}"
            );
            std::fs::remove_file(project.guides().join(format!("{id}.json"))).unwrap();
        }
    }
    // The same escaped (`\u0007`) is found at its place in the file.
    project.guide("escaped.json", "{\"format\": 1, \"title\": \"T\",\n \"body\": [{\"type\": \"paragraph\", \"text\": \"ab\\u0007\"}]}");
    let errors = project.errors("escaped");
    assert_eq!(codes(&errors), ["control-character"]);
    assert_eq!((errors[0].line, errors[0].column), (Some(2), Some(44)));
    // In collection.json the whole project is refused.
    project.guide_json("collection", &json!({"format": 1, "title": "C\u{202e}gpj.exe"}));
    let errors = project.load().unwrap_err();
    assert_eq!(codes(&errors), ["control-character"]);
}

#[test]
fn tabs_line_breaks_and_invisible_format_characters_build() {
    let project = hostile_project("whitespace");
    let text =
        "tab\there\r\nCRLF\rCR, soft\u{ad}hyphen, no\u{a0}break, zero\u{200b}width, \
                join\u{2060}er, marks\u{200e}\u{200f}, e\u{301}, 👩\u{200d}👩\u{200d}👧";
    project.guide_json(
        "blancs",
        &guide_with(
            json!([paragraph(text), {"type": "heading", "level": 1, "text": text}]),
        ),
    );
    let report = project.build(&project.join("out"));
    assert!(report.failed.is_empty(), "{:#?}", report.failed);
}

#[test]
fn lone_surrogates_are_refused_with_a_plain_message() {
    let project = hostile_project("surrogates");
    for (i, escape) in
        [r"\ud800", r"\udfff", r"\ud800\u0041", r"\udbff\udbff"].iter().enumerate()
    {
        let id = format!("s{i}");
        let text = format!("{{\"format\": 1, \"title\": \"a{escape}b\", \"body\": [{{\"type\": \"page_break\"}}]}}");
        project.guide(&format!("{id}.json"), &text);
        let errors = project.errors(&id);
        assert_eq!(codes(&errors), ["json-syntax"], "{escape}");
        let e = &errors[0];
        assert!(
            e.message.en().contains("is half of a character (a lone surrogate)"),
            "{escape}: {}",
            e.message
        );
        assert_eq!(
            (e.line, e.column),
            (Some(1), Some(26)),
            "{escape}: points at the escape"
        );
        assert!(
            e.suggestion
                .as_ref()
                .map(|s| s.en())
                .unwrap_or_default()
                .contains("come in pairs"),
            "{e:?}"
        );
    }
}

#[cfg(unix)]
#[test]
fn symbolic_links_out_of_the_images_folder_are_refused() {
    use std::os::unix::fs::symlink;
    let project = hostile_project("symlinks");
    let outside = project.join("secret");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::copy(project.images().join("menu.png"), outside.join("photo.png")).unwrap();
    let images = project.images();
    symlink(outside.join("photo.png"), images.join("lien.png")).unwrap();
    symlink(&outside, images.join("dossier")).unwrap();
    symlink("/etc/passwd", images.join("passwd.png")).unwrap();
    symlink(images.join("menu.png"), images.join("interne.png")).unwrap();
    symlink(images.join("absent.png"), images.join("casse.png")).unwrap();
    symlink(project.join("files/doc.pdf"), project.join("files/lien.pdf")).unwrap();
    symlink("/etc/passwd", project.join("files/hote.txt")).unwrap();
    let image =
        |src: &str| guide_with(json!([{"type": "image", "src": src, "alt": "a"}]));
    let table: &[(&str, Value, Option<&str>)] = &[
        ("lien", image("lien.png"), Some("path-escapes")),
        ("dossier", image("dossier/photo.png"), Some("path-escapes")),
        ("passwd", image("passwd.png"), Some("path-escapes")),
        ("casse", image("casse.png"), Some("missing-file")),
        ("interne", image("interne.png"), None),
        (
            "fichier-hors",
            guide_with(
                json!([{"type": "attachment", "href": "files/hote.txt", "label": "x"}]),
            ),
            Some("path-escapes"),
        ),
        (
            "fichier-lien",
            guide_with(
                json!([{"type": "attachment", "href": "files/lien.pdf", "label": "x"}]),
            ),
            None,
        ),
    ];
    for (id, value, _) in table {
        project.guide_json(id, value);
    }
    for (id, _, code) in table {
        let errors = project.errors(id);
        match code {
            None => assert!(errors.is_empty(), "{id}: {errors:#?}"),
            Some(code) => {
                assert_eq!(codes(&errors), [*code], "{id}: {errors:#?}");
                if *code == "path-escapes" {
                    assert!(
                        errors[0].message.en().contains("through a link"),
                        "{}",
                        errors[0].message
                    );
                }
            }
        }
    }
    // The collection's logo too.
    project.guide_json(
        "collection",
        &json!({"format": 1, "title": "C", "logo": "lien.png"}),
    );
    assert_eq!(codes(&project.load().unwrap_err()), ["path-escapes"]);
}

/// Output folders that are, hold or lie inside an input folder, for every
/// command that writes: each is refused before anything is written.
#[test]
fn output_folders_overlapping_the_inputs_are_refused() {
    let dir = common::project_copy("hostile-out");
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.join("guides"), dir.join("raccourci")).unwrap();
    let before = common::tree(&dir);
    let mut outs = vec!["guides", "guides/out", "images", "images/site", ".", "./"];
    if cfg!(unix) {
        outs.push("raccourci/out");
    }
    let mut failures = Vec::new();
    for out in outs {
        let commands: Vec<Vec<String>> = vec![
            vec!["build".into(), "guides".into(), "--out".into(), out.into()],
            vec!["site".into(), "guides".into(), "--out".into(), out.into()],
            vec!["bundle".into(), "guides".into(), "--out".into(), out.into()],
            // A pack is one file: beside the inputs is fine, replacing a
            // folder that holds them is not.
            vec![
                "pack".into(),
                "guides".into(),
                "--out".into(),
                if out.starts_with('.') { out.into() } else { format!("{out}/pack.pdf") },
            ],
            vec![
                "watch".into(),
                "guides".into(),
                "--out".into(),
                out.into(),
                "--exit-after".into(),
                "0".into(),
            ],
        ];
        for args in commands {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let run = guidepress(&dir, &args);
            let said = format!("{}{}", run.stderr, run.stdout);
            if run.code != 1 || !said.contains("the input folder") {
                failures.push(format!("{args:?}: exit {}, said:\n{said}", run.code));
            }
            if common::tree(&dir) != before {
                failures.push(format!("{args:?} wrote or changed files"));
                break;
            }
        }
    }
    // A pack written next to the inputs (issue 13, item 11) is no overlap.
    for out in ["pack.pdf", "./imprimer/pack.pdf", "guides.pdf"] {
        let run =
            guidepress(&dir, &["pack", "guides", "--out", out, "--only", "vider-cache"]);
        if run.code != 0 || !dir.join(out).is_file() {
            failures.push(format!(
                "pack --out {out}: exit {}, said:\n{}",
                run.code, run.stderr
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// `n` list items of a few words.
fn long_list(n: usize) -> Value {
    let items: Vec<String> = (0..n)
        .map(|i| format!("Élément {i} : une ligne de liste **assez** courte."))
        .collect();
    guide_with(json!([{"type": "list", "items": items}]))
}

/// A paragraph of `chars` characters: words, or one word without a space.
fn long_paragraph(chars: usize, spaces: bool) -> Value {
    let text: String = if spaces {
        "Le cache garde une copie des pages déjà visitées. "
            .chars()
            .cycle()
            .take(chars)
            .collect()
    } else {
        "a".repeat(chars)
    };
    guide_with(json!([paragraph(&text)]))
}

/// A guide of about `bytes` bytes of paragraphs.
fn big_guide(bytes: usize) -> Value {
    let p =
        "Pour afficher les pages plus vite, le navigateur garde une copie des images, \
             des mises en forme et des scripts des sites déjà visités : c’est le cache. "
            .repeat(6);
    let n = bytes / (p.len() + 40);
    guide_with(Value::Array((0..n).map(|_| paragraph(&p)).collect()))
}

/// Builds `value` as the only guide of a fresh project; its pages, or the
/// errors that refused it. Prints how long it took.
fn build_one(name: &str, value: &Value) -> Result<usize, Vec<Diagnostic>> {
    let project = hostile_project(name);
    project.guide_json("grand", value);
    let size = std::fs::metadata(project.guides().join("grand.json")).unwrap().len();
    let start = Instant::now();
    let mut report = project.build(&project.join("out"));
    eprintln!("{name}: {size} bytes, {:.2} s", start.elapsed().as_secs_f64());
    match report.built.pop() {
        Some(b) => Ok(b.pages),
        None => Err(report.failed.pop().map(|(_, d)| d).unwrap_or_default()),
    }
}

fn assert_builds(name: &str, value: &Value) -> usize {
    let pages = build_one(name, value).unwrap_or_else(|d| panic!("{name}: {d:#?}"));
    eprintln!("{name}: {pages} pages");
    assert!((1..=MAX_SHEET_PAGES).contains(&pages), "{name}: {pages} pages");
    pages
}

#[test]
fn a_200_000_character_paragraph_and_10_000_list_items_build() {
    assert_builds("paragraph-200k", &long_paragraph(200_000, true));
    assert_builds("word-200k", &long_paragraph(200_000, false));
    assert_builds("list-10000", &long_list(10_000));
}

#[test]
fn a_sheet_longer_than_the_limit_is_refused_with_the_limit() {
    // A page break after every line: one page each.
    let mut blocks = Vec::new();
    for i in 0..=MAX_SHEET_PAGES {
        if i > 0 {
            blocks.push(json!({"type": "page_break"}));
        }
        blocks.push(paragraph(&format!("Page {i}")));
    }
    let errors = build_one("page-breaks", &guide_with(Value::Array(blocks))).unwrap_err();
    assert_eq!(codes(&errors), ["too-long"]);
    let message = &errors[0].message.en();
    assert!(message.contains(&format!("the limit is {MAX_SHEET_PAGES}")), "{message}");
    assert!(
        message.contains(&format!("would need {} pages", MAX_SHEET_PAGES + 1)),
        "{message}"
    );
}

/// A page break at the end (or several in a row) once left a blank last
/// page, paper wasted at every print.
#[test]
fn trailing_page_breaks_leave_no_blank_page() {
    let page_break = json!({"type": "page_break"});
    let table = [
        (json!([paragraph("a"), page_break, page_break, page_break]), 1),
        (json!([paragraph("a"), page_break, paragraph("b"), page_break]), 2),
        (json!([page_break, paragraph("a")]), 2),
    ];
    for (i, (blocks, pages)) in table.into_iter().enumerate() {
        let got = build_one(&format!("breaks-{i}"), &guide_with(blocks));
        assert_eq!(got.as_ref().ok(), Some(&pages), "case {i}: {got:?}");
    }
}

#[test]
fn a_5_mb_guide_is_refused_with_the_page_limit() {
    let errors = build_one("five-mb", &big_guide(5_000_000)).unwrap_err();
    assert_eq!(codes(&errors), ["too-long"], "{errors:#?}");
    assert!(
        errors[0].message.en().contains("pages; the limit is"),
        "{}",
        errors[0].message
    );
}

#[test]
fn a_file_over_10_mb_is_refused_before_it_is_read() {
    let project = hostile_project("huge-file");
    let file = std::fs::File::create(project.guides().join("enorme.json")).unwrap();
    file.set_len(10 * 1024 * 1024 + 1).unwrap();
    let errors = project.errors("enorme");
    assert_eq!(codes(&errors), ["file-too-large"]);
    assert!(
        errors[0].message.en().contains("the limit is 10485760 bytes"),
        "{}",
        errors[0].message
    );
}

/// A project of `n` copies of a short guide linking to each other.
fn many_guides(name: &str, n: usize) -> TempProject {
    let project = hostile_project(name);
    for i in 0..n {
        let next = (i + 1) % n;
        project.guide_json(
            &format!("fiche-{i}"),
            &json!({
                "format": 1,
                "title": format!("Fiche {i}"),
                "body": [
                    {"type": "heading", "level": 1, "text": "Essai"},
                    paragraph(&format!("Voir [la suivante](guide:fiche-{next}).")),
                    {"type": "list", "items": ["un", "deux", "trois"]},
                    {"type": "image", "src": "menu.png", "alt": "Le menu"},
                ],
            }),
        );
    }
    project
}

fn assert_many_build(n: usize) {
    let project = many_guides(&format!("guides-{n}"), n);
    let start = Instant::now();
    let report = project.build(&project.join("out"));
    eprintln!("{n} guides: {:.2} s", start.elapsed().as_secs_f64());
    assert!(report.failed.is_empty(), "{:#?}", &report.failed[..1]);
    assert_eq!(report.built.len(), n);
    assert!(report.built.iter().all(|b| b.pages >= 1));
}

#[test]
fn three_hundred_guides_build() {
    assert_many_build(300);
}

#[test]
#[ignore = "large: 3000 guide files written, then built (a few seconds in release); run with --ignored"]
fn three_thousand_guides_build() {
    assert_many_build(3000);
}
