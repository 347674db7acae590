//! Structure-aware fuzzing: whole guides generated as JSON (random block
//! mixes, hostile inline markup, odd values) and byte mutations of a bundled
//! guide, driven through parse → validate → layout → PDF for the sheet, the
//! pack and the site. No input may panic or hang; a refused guide gets
//! diagnostics, an accepted one a PDF.
//!
//! The default run is short (64 cases per generator). A longer run, and
//! how to replay a failure, are in `docs/fuzzing.md`:
//! `PROPTEST_CASES=5000 cargo test --release --test fuzz`.

mod common;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use common::TempProject;

use guidepress::layout::pack::{layout_pack, PackLayout, PackOptions};
use guidepress::layout::{layout_guide, LayoutOptions};
use guidepress::model::{load, Guide, LoadOptions, Loaded};
use guidepress::output::units::images::Resampler;
use guidepress::output::units::{WebEdition, WebSettings};
use guidepress::pdf::{write_pdf, PdfOptions, PdfStandard};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::{json, Map, Value};

/// Longest one case may take before it counts as a hang.
const DEADLINE: Duration = Duration::from_secs(60);

/// Marks a spot in a generated string that is replaced, after serialisation,
/// by raw JSON text that `serde_json::Value` cannot hold (lone surrogates,
/// numbers out of range).
const RAW: char = '\u{E0001}';

/// Raw JSON put in place of the markers `RAW n RAW`.
const RAW_TEXT: &[&str] = &[
    r"\ud800",
    r"\udfff",
    r"\ud83d\ude00",
    r"\ud800\u0041",
    r"\u0000",
    r"\u001b[31m",
    r"\u202e",
];

/// Raw JSON numbers put in place of `"RAW n RAW"` (quotes included).
const RAW_NUMBERS: &[&str] = &[
    "1e999",
    "-1e999",
    "1e-400",
    "-0",
    "18446744073709551616",
    "-9223372036854775809",
    "0.99999999999999999999",
    "1.0000000000000001",
    "123456789012345678901234567890",
];

fn raw_text() -> impl Strategy<Value = String> {
    (0..RAW_TEXT.len()).prop_map(|i| format!("{RAW}t{i}{RAW}"))
}

fn raw_number() -> impl Strategy<Value = Value> {
    (0..RAW_NUMBERS.len()).prop_map(|i| Value::String(format!("{RAW}n{i}{RAW}")))
}

/// Replaces the markers of [`raw_text`] and [`raw_number`] in serialised JSON.
fn splice_raw(json: &str) -> String {
    let mut out = json.to_string();
    for (i, n) in RAW_NUMBERS.iter().enumerate() {
        out = out.replace(&format!("\"{RAW}n{i}{RAW}\""), n);
    }
    for (i, t) in RAW_TEXT.iter().enumerate() {
        out = out.replace(&format!("{RAW}t{i}{RAW}"), t);
    }
    out
}

/// Pieces of inline text every guide may contain: words, balanced markup,
/// good links, escapes, odd scripts, text that looks like HTML or PDF syntax.
const CLEAN_PIECES: &[&str] = &[
    " ",
    " ",
    "  ",
    "\\*",
    "\\\\",
    "\\[",
    "\\`",
    "a [b] (c)",
    "5 * 3",
    "**gras**",
    "*italique*",
    "***les deux***",
    "**a *b* c**",
    "`code`",
    "`C:\\dossier`",
    "[lien](https://example.org/a_(b))",
    "[voir](guide:autre)",
    "[voir](guide:vider-cache)",
    "[m](mailto:a@b.fr)",
    "<https://x.org/p?q=1&r=2>",
    "[**a**](https://x.org)",
    "[`c`](https://x.org)",
    "\n",
    "\r\n",
    "\t",
    "\u{ad}",
    "\u{a0}",
    "\u{202f}",
    "\u{200b}",
    "\u{200d}",
    "\u{2060}",
    "\u{fffd}",
    "\u{e000}",
    "\u{301}\u{301}\u{301}",
    "e\u{301}",
    "👩‍👩‍👧",
    "🇫🇷",
    "漢字",
    "مرحبا بالعالم",
    "שלום",
    "ﷺ",
    "ǅ",
    "ß",
    "İ",
    "ﬃ",
    "« oui »",
    " : ",
    " ; ",
    " ! ",
    " ? ",
    "<script>alert('x')</script>",
    "\"quoted\"",
    "'",
    "&amp;",
    "%PDF-1.7",
    "(",
    ")",
    "{",
    "}",
    "/Type /Page",
    "%%EOF",
    "\\(",
    "\\)",
    "endobj",
    "<<",
    ">>",
    "--",
    "—",
    "…",
    "anticonstitutionnellement",
    "https://ent.example.org/un/chemin/tres/long?id=1",
];

/// Pieces only hostile guides contain: unbalanced markup, forbidden links,
/// control and bidi characters.
const HOSTILE_PIECES: &[&str] = &[
    "**",
    "*",
    "***",
    "`",
    "\\",
    "[",
    "]",
    "[]",
    "()",
    "[voir](guide:nope)",
    "[voir](guide:Bad_Id)",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](file:///etc/passwd)",
    "[x](data:text/html,<script>)",
    "[x](vbscript:x)",
    "[x](ftp://x.org)",
    "[x](//evil.org)",
    "[x](https://)",
    "[x](https://exa mple.org)",
    "[m](mailto:nobody)",
    "<https://x.org/p?q=1&r=<2>>",
    "<javascript:alert(1)>",
    "<guide:autre>",
    "[a [b](https://y.org)](https://x.org)",
    "[a](",
    "\r",
    "\u{0}",
    "\u{7}",
    "\u{8}",
    "\u{b}",
    "\u{c}",
    "\u{1b}",
    "\u{1f}",
    "\u{7f}",
    "\u{85}",
    "\u{9f}",
    "\u{200e}",
    "\u{202e}",
    "\u{2066}",
    "\u{feff}",
    "\u{fffe}",
    "\u{10ffff}",
];

/// Whether a generated guide aims to be valid (most of its parts follow
/// the spec, so layout and PDF get exercised) or hostile (anything goes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Clean,
    Hostile,
}

/// One piece of inline text.
fn piece(mode: Mode) -> BoxedStrategy<String> {
    let clean = prop_oneof![
        6 => "[a-zA-Zàéèêçôù0-9]{1,12}",
        4 => proptest::sample::select(CLEAN_PIECES).prop_map(String::from),
        1 => (1usize..3000, proptest::sample::select(vec!["a", "é", "W", "-", "/", " "]))
            .prop_map(|(n, s)| s.repeat(n)),
        1 => (1usize..400).prop_map(|n| format!("`{}`", "x/".repeat(n))),
    ];
    match mode {
        Mode::Clean => clean.boxed(),
        Mode::Hostile => prop_oneof![
            4 => clean,
            3 => proptest::sample::select(HOSTILE_PIECES).prop_map(String::from),
            1 => raw_text(),
            1 => any::<char>().prop_map(String::from),
        ]
        .boxed(),
    }
}

/// Inline text made of a few pieces (never blank when clean).
fn inline(mode: Mode) -> BoxedStrategy<String> {
    let text = proptest::collection::vec(piece(mode), 1..10).prop_map(|v| v.concat());
    match mode {
        Mode::Clean => text.prop_map(|t| format!("x{t}")).boxed(),
        Mode::Hostile => prop_oneof![
            8 => text,
            1 => Just(String::new()),
            1 => Just("   ".to_string()),
        ]
        .boxed(),
    }
}

/// Plain strings (author, alt text, breadcrumb, keywords).
fn plain(mode: Mode) -> BoxedStrategy<Value> {
    inline(mode).prop_map(Value::String).boxed()
}

/// A JSON value of any shape (for fields of the wrong type, unknown fields).
fn wild() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| json!(f)),
        inline(Mode::Hostile).prop_map(Value::String),
        raw_number(),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map("[a-z]{1,6}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A required field: `good`, or (hostile) sometimes absent or of any shape.
fn field(mode: Mode, good: BoxedStrategy<Value>) -> BoxedStrategy<Option<Value>> {
    match mode {
        Mode::Clean => good.prop_map(Some).boxed(),
        Mode::Hostile => prop_oneof![
            8 => good.prop_map(Some),
            1 => Just(None),
            1 => wild().prop_map(Some),
        ]
        .boxed(),
    }
}

/// An optional field.
fn optional(good: BoxedStrategy<Value>) -> BoxedStrategy<Option<Value>> {
    proptest::option::of(good).boxed()
}

/// One of `good`, or (hostile) one of `bad` too.
fn pick(mode: Mode, good: &[&'static str], bad: &[&'static str]) -> BoxedStrategy<Value> {
    let mut all = good.to_vec();
    if mode == Mode::Hostile {
        all.extend_from_slice(bad);
    }
    proptest::sample::select(all).prop_map(|s| json!(s)).boxed()
}

fn text_value(mode: Mode) -> BoxedStrategy<Value> {
    inline(mode).prop_map(Value::String).boxed()
}

/// Widths: inside (0, 1], and when hostile on its edges and far outside.
fn width(mode: Mode) -> BoxedStrategy<Value> {
    let good = prop_oneof![
        4 => (0.001f64..=1.0).prop_map(|w| json!(w)),
        1 => proptest::sample::select(vec![json!(1), json!(1.0), json!(f64::MIN_POSITIVE)]),
    ];
    match mode {
        Mode::Clean => good.boxed(),
        Mode::Hostile => prop_oneof![
            2 => good,
            1 => proptest::sample::select(vec![
                json!(0), json!(-1), json!(0.0), json!(-0.5), json!(1.0000001), json!(1e308),
                json!(-1e308), json!(u64::MAX), json!(i64::MIN), json!("0.5"),
            ]),
            1 => raw_number(),
        ]
        .boxed(),
    }
}

/// Image paths: real pictures, and when hostile missing ones, escapes,
/// non-pictures and a link out of the folder.
fn src(mode: Mode) -> BoxedStrategy<Value> {
    pick(
        mode,
        &[
            "a.png",
            "b.jpg",
            "firefox-menu.png",
            "./a.png",
            "sub/../a.png",
            "grand.png",
            "haut.png",
            "large.png",
        ],
        &[
            "nope.png",
            "../secret.png",
            "/etc/passwd",
            "C:/x.png",
            "a\\b.png",
            "",
            " ",
            "sub",
            "not-an-image.png",
            "A.PNG",
            "a.png\u{0}",
            "lien-externe.png",
        ],
    )
}

fn url(mode: Mode) -> BoxedStrategy<Value> {
    let long = proptest::collection::vec("[a-zA-Z0-9/?=&#%:.-]{1,40}", 1..40)
        .prop_map(|v| json!(format!("https://example.org/{}", v.concat())));
    let fixed = pick(
        mode,
        &["https://example.org/page", "http://x.org", "HTTPS://X.ORG/é"],
        &[
            "javascript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,x",
            "https://",
            "mailto:a@b.fr",
            "www.x.org",
            "",
            "https://é.fr/\u{202e}",
            "https://x.org/\u{0}",
        ],
    );
    prop_oneof![3 => fixed, 1 => long].boxed()
}

/// An object from optional fields (absent ones left out).
fn object(fields: Vec<(&'static str, Option<Value>)>) -> Value {
    Value::Object(
        fields.into_iter().filter_map(|(k, v)| v.map(|v| (k.to_string(), v))).collect(),
    )
}

type Fields = Vec<(&'static str, Option<Value>)>;

fn figure_fields(mode: Mode) -> BoxedStrategy<Fields> {
    (
        field(mode, src(mode)),
        field(mode, plain(mode)),
        optional(text_value(mode)),
        optional(width(mode)),
    )
        .prop_map(|(s, alt, caption, w)| {
            vec![("src", s), ("alt", alt), ("caption", caption), ("width", w)]
        })
        .boxed()
}

/// A list item: inline text or `{ text, items }`, nested up to `depth`.
fn list_items(mode: Mode, depth: u32) -> BoxedStrategy<Value> {
    let min = if mode == Mode::Clean { 1 } else { 0 };
    let leaf = text_value(mode);
    if depth == 0 {
        return proptest::collection::vec(leaf, min..5).prop_map(Value::Array).boxed();
    }
    let nested = (field(mode, text_value(mode)), list_items(mode, depth - 1))
        .prop_map(|(t, items)| object(vec![("text", t), ("items", Some(items))]));
    proptest::collection::vec(prop_oneof![3 => leaf, 1 => nested], min..5)
        .prop_map(Value::Array)
        .boxed()
}

fn table(mode: Mode) -> BoxedStrategy<Value> {
    (1usize..9)
        .prop_flat_map(move |cols| {
            let cell = prop_oneof![4 => inline(mode), 1 => Just(String::new())];
            let row = match mode {
                Mode::Clean => {
                    proptest::collection::vec(cell.clone(), cols..=cols).boxed()
                }
                Mode::Hostile => prop_oneof![
                    3 => proptest::collection::vec(cell.clone(), cols..=cols),
                    1 => proptest::collection::vec(cell.clone(), 0..10), // ragged
                ]
                .boxed(),
            };
            let min = if mode == Mode::Clean { 1 } else { 0 };
            (
                proptest::option::of(proptest::collection::vec(cell, cols..=cols)),
                proptest::collection::vec(row, min..12),
            )
        })
        .prop_map(|(header, rows)| {
            object(vec![
                ("type", Some(json!("table"))),
                ("header", header.map(|h| json!(h))),
                ("rows", Some(json!(rows))),
            ])
        })
        .boxed()
}

/// One block of any type; hostile ones may have wrong or unknown fields.
fn block(mode: Mode) -> BoxedStrategy<Value> {
    let t = |name: &'static str| Some(json!(name));
    let levels = if mode == Mode::Clean { 1i64..4 } else { -2i64..6 };
    let heading = (field(mode, text_value(mode)), proptest::option::of(levels)).prop_map(
        move |(text, l)| {
            object(vec![
                ("type", t("heading")),
                ("text", text),
                ("level", l.map(|l| json!(l))),
            ])
        },
    );
    let paragraph = field(mode, text_value(mode))
        .prop_map(move |text| object(vec![("type", t("paragraph")), ("text", text)]));
    let depth = if mode == Mode::Clean { 2 } else { 5 };
    let list = (list_items(mode, depth), proptest::option::of(any::<bool>())).prop_map(
        move |(items, o)| {
            object(vec![
                ("type", t("list")),
                ("items", Some(items)),
                ("ordered", o.map(Value::Bool)),
            ])
        },
    );
    let step = (
        field(mode, text_value(mode)),
        proptest::option::of(figure_fields(mode)),
        optional(text_value(mode)),
    )
        .prop_map(|(text, img, note)| {
            object(vec![("text", text), ("image", img.map(object)), ("note", note)])
        });
    let min = if mode == Mode::Clean { 1 } else { 0 };
    let steps = proptest::collection::vec(step, min..5).prop_map(move |s| {
        object(vec![("type", t("steps")), ("items", Some(Value::Array(s)))])
    });
    let kinds = pick(mode, &["note", "tip", "warning", "important"], &["danger", ""]);
    let callout =
        (field(mode, kinds), optional(text_value(mode)), field(mode, text_value(mode)))
            .prop_map(move |(k, title, text)| {
                object(vec![
                    ("type", t("callout")),
                    ("kind", k),
                    ("title", title),
                    ("text", text),
                ])
            });
    let image = figure_fields(mode).prop_map(move |mut f| {
        f.insert(0, ("type", t("image")));
        object(f)
    });
    let hrefs = pick(
        mode,
        &["files/doc.pdf", "files/ma-premiere-connexion.pdf", "https://x.org/a.pdf"],
        &["files/nope.pdf", "../etc/passwd", "javascript:x", "/etc/passwd", "files", ""],
    );
    let attachment =
        (field(mode, hrefs), field(mode, text_value(mode))).prop_map(move |(h, l)| {
            object(vec![("type", t("attachment")), ("href", h), ("label", l)])
        });
    let qr =
        (field(mode, url(mode)), optional(text_value(mode))).prop_map(move |(u, c)| {
            object(vec![("type", t("qr")), ("url", u), ("caption", c)])
        });
    let typed = prop_oneof![
        3 => heading,
        4 => paragraph,
        2 => list,
        2 => steps,
        2 => callout,
        2 => image,
        2 => table(mode),
        1 => attachment,
        1 => qr,
        1 => Just(json!({"type": "page_break"})),
    ];
    match mode {
        Mode::Clean => typed.boxed(),
        Mode::Hostile => prop_oneof![
            20 => typed,
            1 => (wild(), "[a-z]{1,8}")
                .prop_map(|(v, k)| json!({"type": "paragraph", "text": "x", k: v})),
            1 => wild(),
        ]
        .boxed(),
    }
}

/// A whole guide.
fn guide_in(mode: Mode) -> BoxedStrategy<Value> {
    let strings = move || {
        proptest::collection::vec(plain(mode), 0..4).prop_map(Value::Array).boxed()
    };
    let date = move || {
        pick(
            mode,
            &["2014-02-15"],
            &["2024-02-29", "2023-02-29", "0000-01-01", "2014-2-15", ""],
        )
    };
    let ids = pick(mode, &["fuzz"], &["autre", "Bad Id", ""]);
    let langs = pick(mode, &["fr", "en"], &["de", "FR"]);
    let min = if mode == Mode::Clean { 1 } else { 0 };
    let body =
        proptest::collection::vec(block(mode), min..14).prop_map(Value::Array).boxed();
    let updated = pick(mode, &["2022-03-13"], &["2001-01-01", "9999-12-31"]);
    (
        (
            field(mode, Just(json!(1)).boxed()),
            optional(ids),
            field(mode, text_value(mode)),
            optional(text_value(mode)),
            optional(langs),
            optional(date()),
            optional(updated),
        ),
        (
            optional(plain(mode)),
            optional(url(mode)),
            optional(strings()),
            optional(strings()),
            optional(strings()),
            field(mode, body),
        ),
    )
        .prop_map(|((format, id, title, desc, lang, published, updated), rest)| {
            let (author, source, crumbs, audience, keywords, body) = rest;
            object(vec![
                ("format", format),
                ("id", id),
                ("title", title),
                ("description", desc),
                ("lang", lang),
                ("published", published),
                ("updated", updated),
                ("author", author),
                ("source_url", source),
                ("breadcrumb", crumbs),
                ("audience", audience),
                ("keywords", keywords),
                ("body", body),
            ])
        })
        .boxed()
}

/// Guides of both kinds: clean ones reach layout and PDF, hostile ones
/// exercise validation.
fn guide() -> impl Strategy<Value = Value> {
    prop_oneof![guide_in(Mode::Clean), guide_in(Mode::Hostile)]
}

/// Byte-level edits of a bundled guide.
#[derive(Debug, Clone)]
enum Edit {
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Duplicate(usize, usize),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let token = prop_oneof![
        proptest::collection::vec(any::<u8>(), 1..4),
        proptest::sample::select(vec![
            "\"",
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\\",
            "\\u",
            "\\ud800",
            "**",
            "`",
            "\n",
            "\u{202e}",
            "null",
            "1e999",
            "[x](javascript:y)",
            "\u{0}",
            "\u{feff}",
            "\r\n",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
    ];
    let edit = prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(p, b)| Edit::Flip(p, b)),
        (any::<usize>(), token).prop_map(|(p, t)| Edit::Insert(p, t)),
        (any::<usize>(), 1usize..40).prop_map(|(p, n)| Edit::Delete(p, n)),
        (any::<usize>(), 1usize..200).prop_map(|(p, n)| Edit::Duplicate(p, n)),
    ];
    proptest::collection::vec(edit, 1..6)
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        let len = bytes.len().max(1);
        match e {
            Edit::Flip(p, b) => {
                if !bytes.is_empty() {
                    bytes[p % len] ^= b | 1;
                }
            }
            Edit::Insert(p, t) => {
                let at = p % (bytes.len() + 1);
                bytes.splice(at..at, t.iter().copied());
            }
            Edit::Delete(p, n) => {
                let at = p % len;
                let end = (at + n).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            Edit::Duplicate(p, n) => {
                let at = p % len;
                let end = (at + n).min(bytes.len());
                let copy: Vec<u8> = bytes[at.min(end)..end].to_vec();
                bytes.splice(end..end, copy);
            }
        }
    }
    bytes
}

/// The ids of the bundled guides.
const BUNDLED: [&str; 6] = [
    "aide-acces-icart",
    "premiere-connexion",
    "exception-securite",
    "bouclier-securite",
    "vider-cache",
    "mettre-a-jour-navigateur",
];

/// A small project: a collection, a second guide to link to, two pictures,
/// a picture that is not one, a link out of the images folder, an attachment.
fn fuzz_project(name: &str) -> TempProject {
    let root = common::root();
    let project = TempProject::new(name);
    project
        .guide(
            "collection.json",
            r#"{"format": 1, "title": "Fuzz", "base_url": "https://example.org/g/",
                "disclaimer": "Texte *commun*."}"#,
        )
        .guide(
            "autre.json",
            r#"{"format": 1, "title": "Autre", "body": [{"type": "paragraph", "text": "x"}]}"#,
        )
        // The bundled pictures and attachment, and a stub for every bundled
        // guide, so mutated bundled guides find what they link to.
        .copy(&root.join("images"), "images")
        .copy(&root.join("files"), "files")
        .folders(&["images/sub"]);
    for id in BUNDLED {
        let stub = r#"{"format": 1, "title": "S", "body": [{"type": "page_break"}]}"#;
        project.guide(&format!("{id}.json"), stub);
    }
    let images = project.images();
    std::fs::copy(images.join("firefox-menu.png"), images.join("a.png")).unwrap();
    jpeg(&images.join("b.jpg"), 64, 40);
    jpeg(&images.join("grand.png").with_extension("jpg"), 1, 1);
    std::fs::rename(images.join("grand.jpg"), images.join("grand.png")).unwrap();
    image::GrayImage::from_pixel(12, 6000, image::Luma([80]))
        .save(images.join("haut.png"))
        .unwrap();
    image::GrayImage::from_pixel(3000, 2, image::Luma([80]))
        .save(images.join("large.png"))
        .unwrap();
    project
        .write("images/not-an-image.png", b"not a picture")
        .write("secret.png", b"secret")
        .copy(&root.join("files/ma-premiere-connexion.pdf"), "files/doc.pdf");
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        project.join("secret.png"),
        images.join("lien-externe.png"),
    )
    .unwrap();
    project
}

/// A small JPEG, so the JPEG path is fuzzed too.
fn jpeg(path: &Path, w: u32, h: u32) {
    let img =
        image::RgbImage::from_fn(w, h, |x, y| image::Rgb([x as u8 * 4, y as u8 * 6, 90]));
    img.save(path).unwrap();
}

/// Which outputs a case is driven through, besides the standalone sheet.
#[derive(Debug, Clone, Copy)]
enum Extra {
    None,
    Pack(PackLayout),
    Site,
}

fn extra() -> impl Strategy<Value = Extra> {
    prop_oneof![
        4 => Just(Extra::None),
        1 => Just(Extra::Pack(PackLayout::Single)),
        1 => Just(Extra::Pack(PackLayout::Booklet)),
        1 => Just(Extra::Pack(PackLayout::Handout)),
        1 => Just(Extra::Site),
    ]
}

/// What one input led to.
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    /// The project was refused as a whole (e.g. a fatal collection problem).
    ProjectRefused,
    /// The guide was refused with diagnostics.
    Refused(Vec<&'static str>),
    /// The guide was accepted and written: its page count.
    Built(usize),
}

/// Writes `bytes` as the project's guide and drives it through every stage.
/// `Err` is a broken invariant (not a panic: those unwind to the caller).
fn drive(dir: &Path, file: &Path, bytes: &[u8], extra: Extra) -> Result<Outcome, String> {
    std::fs::write(file, bytes).map_err(|e| e.to_string())?;
    let loaded = match load(&LoadOptions {
        guides_dir: dir.join("guides"),
        images_dir: dir.join("images"),
    }) {
        Err(diags) if diags.is_empty() => {
            return Err("load failed without a diagnostic".into())
        }
        Err(_) => return Ok(Outcome::ProjectRefused),
        Ok(l) => l,
    };
    let Some(outcome) = loaded.guides.iter().find(|g| g.file == file) else {
        return Err("the guide file was not listed".into());
    };
    let guide = match &outcome.result {
        Err(diags) => {
            if diags.is_empty() || diags.iter().any(|d| d.message.en().is_empty()) {
                return Err(format!("refused without a clear message: {diags:?}"));
            }
            return Ok(Outcome::Refused(diags.iter().map(|d| d.code).collect()));
        }
        Ok(g) => g,
    };
    let pages = sheet(&loaded, guide)?;
    match extra {
        Extra::None => {}
        Extra::Pack(layout) => pack(&loaded, guide, layout)?,
        Extra::Site => site(&loaded, guide)?,
    }
    Ok(Outcome::Built(pages))
}

fn sheet(loaded: &Loaded, guide: &Guide) -> Result<usize, String> {
    let opts = LayoutOptions::for_collection(&loaded.collection);
    let laid = layout_guide(guide, &loaded.collection, &opts);
    let doc = &laid.document;
    if doc.pages.is_empty() {
        return Err("an accepted guide was laid out on no page".into());
    }
    for (n, page) in doc.pages.iter().enumerate() {
        for p in &page.items {
            let b = p.item.bbox();
            if ![b.x, b.y, b.w, b.h].iter().all(|v| v.is_finite()) {
                return Err(format!(
                    "page {}: an item has a non-finite position {b:?}",
                    n + 1
                ));
            }
        }
    }
    let bytes = write_pdf(doc, &PdfOptions::default())
        .map_err(|e| format!("an accepted guide failed to render: {e}"))?;
    if !bytes.starts_with(b"%PDF-") {
        return Err("the PDF does not start with %PDF-".into());
    }
    Ok(doc.pages.len())
}

fn pack(loaded: &Loaded, guide: &Guide, layout: PackLayout) -> Result<(), String> {
    let opts = PackOptions { layout, duplex: true, large_print: false, fold_marks: true };
    let file = loaded.collection_file.clone().unwrap_or_default();
    let pack = layout_pack(&[guide], &loaded.collection, &file, &opts)
        .map_err(|e| format!("pack ({}): {e}", layout.name()))?;
    write_pdf(&pack.document, &PdfOptions::default())
        .map_err(|e| format!("pack ({}) failed to render: {e}", layout.name()))?;
    Ok(())
}

fn site(loaded: &Loaded, guide: &Guide) -> Result<(), String> {
    let settings = WebSettings {
        base: Some("https://example.org/site/"),
        standards: &[PdfStandard::Ua1],
        resampler: &Resampler::new(),
    };
    WebEdition::render(guide, &loaded.collection, settings)
        .map_err(|d| format!("site: {d}"))?;
    Ok(())
}

/// Runs [`drive`] on a worker thread: a panic or a run past [`DEADLINE`]
/// becomes a failure that shows the input.
fn guarded(
    project: &TempProject,
    bytes: Vec<u8>,
    extra: Extra,
) -> Result<Outcome, TestCaseError> {
    let (dir, file) = (project.to_path_buf(), project.guide_path("fuzz.json"));
    let shown = String::from_utf8_lossy(&bytes).into_owned();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let r = std::panic::catch_unwind(|| drive(&dir, &file, &bytes, extra));
        let _ = tx.send(r);
    });
    let fail = |what: String| {
        TestCaseError::fail(format!("{what}\n(output {extra:?}) input:\n{shown}"))
    };
    match rx.recv_timeout(DEADLINE) {
        Err(_) => Err(fail(format!("no result after {} s: a hang", DEADLINE.as_secs()))),
        Ok(Err(panic)) => {
            let msg = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            Err(fail(format!("panicked: {msg}")))
        }
        Ok(Ok(Err(broken))) => Err(fail(broken)),
        Ok(Ok(Ok(outcome))) => Ok(outcome),
    }
}

/// The number of cases: `PROPTEST_CASES`, else `default`.
fn config(default: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(default);
    Config {
        cases,
        failure_persistence: None,
        max_shrink_iters: 200,
        max_shrink_time: 60_000,
        ..Config::default()
    }
}

#[test]
fn generated_guides_never_panic_or_hang() {
    let project = fuzz_project("fuzz-generated");
    let mut runner = TestRunner::new(config(64));
    let built = std::sync::atomic::AtomicUsize::new(0);
    let result = runner.run(&(guide(), extra()), |(g, extra)| {
        let text = splice_raw(&serde_json::to_string_pretty(&g).unwrap());
        if let Outcome::Built(_) = guarded(&project, text.into_bytes(), extra)? {
            built.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    eprintln!("{} of the generated guides were accepted and built", built.into_inner());
}

#[test]
fn mutated_bundled_guides_never_panic_or_hang() {
    let project = fuzz_project("fuzz-mutated");
    let seeds: Vec<Vec<u8>> = BUNDLED
        .iter()
        .map(|id| {
            let file = common::root().join(format!("guides/{id}.json"));
            let text = std::fs::read_to_string(file).unwrap();
            // The project has a stub under the bundled id.
            text.replace(&format!("\"id\": \"{id}\""), "\"id\": \"fuzz\"").into_bytes()
        })
        .collect();
    let mut runner = TestRunner::new(config(64));
    let built = std::sync::atomic::AtomicUsize::new(0);
    let result =
        runner.run(&(0..seeds.len(), edits(), extra()), |(seed, edits, extra)| {
            let bytes = apply(seeds[seed].clone(), &edits);
            if let Outcome::Built(_) = guarded(&project, bytes, extra)? {
                built.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            Ok(())
        });
    if let Err(e) = result {
        panic!("{e}");
    }
    eprintln!("{} of the mutated guides were accepted and built", built.into_inner());
}

/// Every input that once broke an invariant, kept in `tests/regressions/`
/// (one JSON file each, named after the bug), must now be built or refused.
#[test]
fn fuzz_regressions_are_built_or_refused() {
    let dir = common::root().join("tests/regressions");
    let project = fuzz_project("fuzz-regressions");
    let mut failures = Vec::new();
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    cases.retain(|p: &PathBuf| p.extension().is_some_and(|e| e == "json"));
    cases.sort();
    for case in &cases {
        let bytes = std::fs::read(case).unwrap();
        for extra in [Extra::None, Extra::Pack(PackLayout::Booklet), Extra::Site] {
            if let Err(e) = guarded(&project, bytes.clone(), extra) {
                failures.push(format!("{}: {e}", case.display()));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}
