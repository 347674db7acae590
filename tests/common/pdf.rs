//! Questions asked of a written PDF: its text, fonts, links, bookmarks, tags.

use std::collections::BTreeMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Object};

use super::readback::Pdf;

/// Collapses every run of whitespace (no-break spaces included) to one
/// space and trims the ends.
pub fn normalise(s: &str) -> String {
    s.split(char::is_whitespace).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// The text objects (`BT`…`ET`) of page `n` (1-based), in content order,
/// each with whether it is an artifact (header, footer, decoration).
///
/// Glyph codes go through the fonts' `/ToUnicode` CMaps, as in
/// [`Pdf::page_text`], but a marked-content `/ActualText` replaces the
/// glyphs it covers, as text extractors do: krilla writes one when a glyph
/// stands for another text than its CMap entry (a hyphen that is a soft
/// hyphen, a full stop that carries a line-end space).
pub fn page_runs(pdf: &Pdf, n: u32) -> Vec<(String, bool)> {
    enum Marked {
        Artifact,
        ActualText(String),
        Other,
    }
    let page = pdf.doc.get_pages()[&n];
    let fonts: BTreeMap<Vec<u8>, BTreeMap<u16, String>> = pdf
        .doc
        .get_page_fonts(page)
        .unwrap()
        .into_iter()
        .map(|(name, font)| {
            let cmap = pdf.get(font, b"ToUnicode").and_then(|o| o.as_stream().ok());
            let cmap = cmap.map(|s| {
                parse_cmap(
                    &s.decompressed_content().unwrap_or_else(|_| s.content.clone()),
                )
            });
            (name, cmap.unwrap_or_default())
        })
        .collect();
    let content = Content::decode(&pdf.doc.get_page_content(page).unwrap()).unwrap();
    let empty = BTreeMap::new();
    let mut cmap = &empty;
    let mut open: Vec<Marked> = Vec::new();
    let mut run = String::new();
    let mut runs = Vec::new();
    for op in &content.operations {
        let replaced = open.iter().any(|m| matches!(m, Marked::ActualText(_)));
        let mut show = |bytes: &[u8]| {
            if !replaced {
                for pair in bytes.chunks(2) {
                    let code = u16::from_be_bytes([pair[0], *pair.get(1).unwrap_or(&0)]);
                    run.push_str(cmap.get(&code).map_or("\u{FFFD}", String::as_str));
                }
            }
        };
        match op.operator.as_str() {
            "BDC" | "BMC" => {
                let tag = op.operands.first().and_then(|o| o.as_name().ok());
                let props = op.operands.get(1).and_then(|o| o.as_dict().ok());
                let actual = props.and_then(|p| p.get(b"ActualText").ok());
                open.push(match (tag, actual) {
                    (Some(b"Artifact"), _) => Marked::Artifact,
                    (_, Some(t)) => Marked::ActualText(pdf.text(t)),
                    _ => Marked::Other,
                });
            }
            "EMC" => {
                if let Some(Marked::ActualText(t)) = open.pop() {
                    run.push_str(&t);
                }
            }
            "Tf" => cmap = fonts.get(op.operands[0].as_name().unwrap()).unwrap_or(&empty),
            "Tj" | "'" | "\"" => show(op.operands.last().unwrap().as_str().unwrap()),
            "TJ" => {
                for item in op.operands[0].as_array().unwrap() {
                    if let Ok(bytes) = item.as_str() {
                        show(bytes);
                    }
                }
            }
            "ET" => {
                let artifact = open.iter().any(|m| matches!(m, Marked::Artifact));
                runs.push((std::mem::take(&mut run), artifact));
            }
            _ => {}
        }
    }
    runs
}

/// The `bfchar` and `bfrange` entries of a ToUnicode CMap (2-byte codes).
fn parse_cmap(data: &[u8]) -> BTreeMap<u16, String> {
    let hex = |t: &str| -> Vec<u8> {
        let t = t.trim_matches(|c| c == '<' || c == '>');
        (0..t.len() / 2)
            .map(|i| u8::from_str_radix(&t[2 * i..2 * i + 2], 16).unwrap())
            .collect()
    };
    let code = |t: &str| {
        let b = hex(t);
        u16::from_be_bytes([b[0], *b.get(1).unwrap_or(&0)])
    };
    let utf16 = |b: &[u8]| {
        let units: Vec<u16> =
            b.chunks(2).map(|p| u16::from_be_bytes([p[0], p[1]])).collect();
        String::from_utf16_lossy(&units)
    };
    let mut map = BTreeMap::new();
    let mut section = "";
    for line in String::from_utf8_lossy(data).lines().map(str::trim) {
        if let Some(s) = ["bfchar", "bfrange"]
            .into_iter()
            .find(|s| line.ends_with(&format!("begin{s}")))
        {
            section = s;
            continue;
        }
        if line.starts_with("end") {
            section = "";
            continue;
        }
        match (section, line.split_whitespace().collect::<Vec<_>>().as_slice()) {
            ("bfchar", [c, u]) => {
                map.insert(code(c), utf16(&hex(u)));
            }
            ("bfrange", [lo, hi, u]) if u.starts_with('<') => {
                let base = hex(u);
                for (i, c) in (code(lo)..=code(hi)).enumerate() {
                    let mut b = base.clone();
                    let last = b.len() - 1;
                    b[last] = b[last].wrapping_add(i as u8);
                    map.insert(c, utf16(&b));
                }
            }
            _ => {}
        }
    }
    map
}

/// The real content's text (artifacts left out) of every page, as a reader
/// copying it would get it: text objects joined, a soft hyphen (U+00AD) that
/// ends a line removed, whitespace normalised.
pub fn content_text(pdf: &Pdf) -> String {
    let mut out = String::new();
    for n in 1..=pdf.pages().len() as u32 {
        for (run, artifact) in page_runs(pdf, n) {
            if !artifact {
                out.push_str(run.strip_suffix('\u{AD}').unwrap_or(&run));
            }
        }
    }
    normalise(&out)
}

/// The text of the artifacts of page `n` (1-based), one string per text object.
pub fn artifact_runs(pdf: &Pdf, n: u32) -> Vec<String> {
    page_runs(pdf, n).into_iter().filter(|(_, a)| *a).map(|(r, _)| r).collect()
}

/// Every object of the file that is a dictionary (streams included) with `/Type key`.
pub fn objects_of_type<'a>(pdf: &'a Pdf, kind: &[u8]) -> Vec<&'a Dictionary> {
    pdf.doc
        .objects
        .values()
        .filter_map(|o| match o {
            Object::Dictionary(d) => Some(d),
            Object::Stream(s) => Some(&s.dict),
            _ => None,
        })
        .filter(|d| d.get(b"Type").and_then(Object::as_name).ok() == Some(kind))
        .collect()
}

/// The `/URI` of every link annotation, page by page.
pub fn link_uris(pdf: &Pdf) -> Vec<String> {
    let mut uris = Vec::new();
    for page in pdf.pages() {
        for annot in pdf.doc.get_page_annotations(page).unwrap_or_default() {
            if pdf.name(annot, b"Subtype").as_deref() != Some("Link") {
                continue;
            }
            let Some(action) = pdf.get(annot, b"A").and_then(|a| a.as_dict().ok()) else {
                continue;
            };
            if let Some(uri) = pdf.get(action, b"URI").and_then(|u| u.as_str().ok()) {
                uris.push(String::from_utf8_lossy(uri).into_owned());
            }
        }
    }
    uris
}

/// Bookmarks as (depth, title), depth-first; top-level entries have depth 1.
pub fn outline(pdf: &Pdf) -> Vec<(usize, String)> {
    fn walk(pdf: &Pdf, node: &Dictionary, depth: usize, out: &mut Vec<(usize, String)>) {
        let mut child = pdf.get(node, b"First").and_then(|o| o.as_dict().ok());
        while let Some(c) = child {
            out.push((depth, pdf.text(c.get(b"Title").unwrap())));
            walk(pdf, c, depth + 1, out);
            child = pdf.get(c, b"Next").and_then(|o| o.as_dict().ok());
        }
    }
    let mut out = Vec::new();
    if let Some(root) = pdf.get(pdf.catalog(), b"Outlines").and_then(|o| o.as_dict().ok())
    {
        walk(pdf, root, 1, &mut out);
    }
    out
}

/// The document information dictionary.
pub fn info(pdf: &Pdf) -> &Dictionary {
    let info = pdf.doc.trailer.get(b"Info").expect("an /Info dictionary");
    pdf.deref(info).as_dict().expect("/Info is a dictionary")
}

/// A text entry of the information dictionary, decoded.
pub fn info_text(pdf: &Pdf, key: &[u8]) -> Option<String> {
    info(pdf).get(key).ok().map(|o| pdf.text(o))
}

/// The XMP metadata packet, if the catalog has one.
pub fn xmp(pdf: &Pdf) -> Option<String> {
    let stream = pdf.get(pdf.catalog(), b"Metadata")?.as_stream().ok()?;
    let bytes = stream.decompressed_content().unwrap_or_else(|_| stream.content.clone());
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// One element of the structure tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Elem {
    /// The structure type (`/S`), through the `/RoleMap` when there is one.
    pub role: String,
    /// `/Alt`, decoded.
    pub alt: Option<String>,
    /// The `/ListNumbering` of a list's attributes (`/A`), e.g. `LowerAlpha`.
    pub numbering: Option<String>,
}

/// Every element of the structure tree, depth-first in reading order.
pub fn struct_elems(pdf: &Pdf) -> Vec<Elem> {
    fn walk(pdf: &Pdf, e: &Dictionary, map: Option<&Dictionary>, out: &mut Vec<Elem>) {
        for kid in pdf.struct_kids(e) {
            let mut role = pdf.name(kid, b"S").unwrap();
            if let Some(mapped) = map.and_then(|m| pdf.name(m, role.as_bytes())) {
                role = mapped;
            }
            let alt = kid.get(b"Alt").ok().map(|a| pdf.text(a));
            let attrs = pdf.get(kid, b"A").map(|a| match a {
                Object::Array(list) => list.iter().map(|o| pdf.deref(o)).collect(),
                other => vec![other],
            });
            let numbering = attrs
                .into_iter()
                .flatten()
                .filter_map(|a| a.as_dict().ok())
                .find_map(|a| pdf.name(a, b"ListNumbering"));
            out.push(Elem { role, alt, numbering });
            walk(pdf, kid, map, out);
        }
    }
    let root = pdf.dict(pdf.catalog(), b"StructTreeRoot");
    let map = pdf.get(root, b"RoleMap").and_then(|o| o.as_dict().ok());
    let mut out = Vec::new();
    walk(pdf, root, map, &mut out);
    out
}

/// Page `page` (0-based) of `pdf` as hayro draws it on white, at `scale`
/// pixels per point: its width, height and RGBA bytes (premultiplied).
pub fn render_page(
    pdf: &hayro::hayro_syntax::Pdf,
    page: usize,
    scale: f32,
) -> (usize, usize, Vec<u8>) {
    use hayro::hayro_interpret::InterpreterSettings;
    use hayro::vello_cpu::color::palette::css::WHITE;
    use hayro::{render, PixmapSettings, RenderCache, RenderSettings};
    let pixmap = render(
        &pdf.pages()[page],
        &RenderCache::new(),
        &InterpreterSettings::default(),
        &RenderSettings::default(),
        &PixmapSettings { x_scale: scale, y_scale: scale, bg_color: WHITE },
    );
    let (w, h) = (usize::from(pixmap.width()), usize::from(pixmap.height()));
    (w, h, pixmap.data_as_u8_slice().to_vec())
}
