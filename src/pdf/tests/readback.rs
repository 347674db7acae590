//! Reading written PDFs back with lopdf, for assertions.

use std::collections::BTreeMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

/// A parsed PDF.
pub struct Pdf {
    /// The lopdf document.
    pub doc: Document,
}

impl Pdf {
    /// Parses `bytes`, panicking (in tests) if lopdf cannot.
    pub fn load(bytes: &[u8]) -> Pdf {
        Pdf { doc: Document::load_mem(bytes).expect("lopdf parses the output") }
    }

    /// Page object ids, in order.
    pub fn pages(&self) -> Vec<ObjectId> {
        self.doc.get_pages().into_values().collect()
    }

    /// Follows references.
    pub fn deref<'a>(&'a self, obj: &'a Object) -> &'a Object {
        self.doc.dereference(obj).map(|(_, o)| o).expect("dangling reference")
    }

    /// `dict[key]`, dereferenced.
    pub fn get<'a>(&'a self, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
        dict.get(key).ok().map(|o| self.deref(o))
    }

    /// `dict[key]` as a dictionary, dereferenced.
    pub fn dict<'a>(&'a self, dict: &'a Dictionary, key: &[u8]) -> &'a Dictionary {
        self.get(dict, key)
            .and_then(|o| o.as_dict().ok())
            .unwrap_or_else(|| panic!("no dictionary /{}", String::from_utf8_lossy(key)))
    }

    /// The catalog.
    pub fn catalog(&self) -> &Dictionary {
        self.doc.catalog().expect("catalog")
    }

    /// A text string (PDFDocEncoding or UTF-16BE), decoded.
    pub fn text(&self, obj: &Object) -> String {
        lopdf::decode_text_string(self.deref(obj)).expect("text string")
    }

    /// `/Name` value of `dict[key]`, as a string.
    pub fn name(&self, dict: &Dictionary, key: &[u8]) -> Option<String> {
        self.get(dict, key)
            .and_then(|o| o.as_name().ok())
            .map(|n| String::from_utf8_lossy(n).into_owned())
    }

    /// The text of page `n` (1-based): each text object (`BT`…`ET`) on its
    /// own line, glyph codes mapped through the fonts' `/ToUnicode` CMaps.
    /// (lopdf's own `extract_text` cannot parse krilla's CMaps.)
    pub fn page_text(&self, n: u32) -> String {
        let page = self.doc.get_pages()[&n];
        let fonts: BTreeMap<Vec<u8>, BTreeMap<u16, String>> = self
            .doc
            .get_page_fonts(page)
            .expect("fonts")
            .into_iter()
            .map(|(name, font)| {
                let stream =
                    self.get(font, b"ToUnicode").and_then(|o| o.as_stream().ok());
                let cmap = stream
                    .map(|s| {
                        parse_cmap(
                            &s.decompressed_content()
                                .unwrap_or_else(|_| s.content.clone()),
                        )
                    })
                    .unwrap_or_default();
                (name, cmap)
            })
            .collect();
        let content = Content::decode(&self.doc.get_page_content(page).expect("content"))
            .expect("ops");
        let empty = BTreeMap::new();
        let mut cmap = &empty;
        let mut out = String::new();
        let show = |bytes: &[u8], cmap: &BTreeMap<u16, String>, out: &mut String| {
            for pair in bytes.chunks(2) {
                let code = u16::from_be_bytes([pair[0], *pair.get(1).unwrap_or(&0)]);
                out.push_str(cmap.get(&code).map_or("\u{FFFD}", String::as_str));
            }
        };
        for op in &content.operations {
            match op.operator.as_str() {
                "Tf" => {
                    let name = op.operands[0].as_name().expect("font name");
                    cmap = fonts.get(name).unwrap_or(&empty);
                }
                "Tj" => show(op.operands[0].as_str().expect("string"), cmap, &mut out),
                "TJ" => {
                    for item in op.operands[0].as_array().expect("array") {
                        if let Ok(bytes) = item.as_str() {
                            show(bytes, cmap, &mut out);
                        }
                    }
                }
                "ET" => out.push('\n'),
                _ => {}
            }
        }
        out
    }

    /// The decompressed content stream of a page.
    pub fn content(&self, page: ObjectId) -> String {
        String::from_utf8_lossy(&self.doc.get_page_content(page).expect("content"))
            .into_owned()
    }

    /// Every object that is a stream with `/Subtype /Image`.
    pub fn image_count(&self) -> usize {
        self.doc
            .objects
            .values()
            .filter(|o| {
                o.as_stream().is_ok_and(|s| {
                    s.dict.get(b"Subtype").and_then(Object::as_name).ok()
                        == Some(b"Image")
                })
            })
            .count()
    }

    /// The structure element's role and its child elements.
    pub fn struct_kids<'a>(&'a self, elem: &'a Dictionary) -> Vec<&'a Dictionary> {
        let Some(k) = self.get(elem, b"K") else { return vec![] };
        let items: Vec<&Object> = match k {
            Object::Array(a) => a.iter().map(|o| self.deref(o)).collect(),
            other => vec![other],
        };
        items
            .into_iter()
            .filter_map(|o| o.as_dict().ok())
            .filter(|d| d.get(b"S").is_ok())
            .collect()
    }
}

/// Parses the `bfchar` and `bfrange` sections of a ToUnicode CMap (2-byte codes).
fn parse_cmap(data: &[u8]) -> BTreeMap<u16, String> {
    let text = String::from_utf8_lossy(data);
    let hex = |t: &str| -> Vec<u8> {
        let t = t.trim_matches(|c| c == '<' || c == '>');
        (0..t.len() / 2)
            .map(|i| u8::from_str_radix(&t[2 * i..2 * i + 2], 16).unwrap_or(0))
            .collect()
    };
    let code = |t: &str| {
        let b = hex(t);
        u16::from_be_bytes([b[0], *b.get(1).unwrap_or(&0)])
    };
    let utf16 = |b: Vec<u8>| {
        let units: Vec<u16> =
            b.chunks(2).map(|p| u16::from_be_bytes([p[0], p[1]])).collect();
        String::from_utf16_lossy(&units)
    };
    let mut map = BTreeMap::new();
    let mut section = "";
    for line in text.lines() {
        let line = line.trim();
        if line.ends_with("beginbfchar") || line.ends_with("beginbfrange") {
            section = if line.ends_with("beginbfchar") { "char" } else { "range" };
            continue;
        }
        if line.starts_with("end") {
            section = "";
            continue;
        }
        let tokens: Vec<&str> = line.split_whitespace().collect();
        match (section, tokens.as_slice()) {
            ("char", [c, u]) => {
                map.insert(code(c), utf16(hex(u)));
            }
            ("range", [lo, hi, u]) if u.starts_with('<') => {
                let base = hex(u);
                for (i, c) in (code(lo)..=code(hi)).enumerate() {
                    let mut b = base.clone();
                    let last = b.len() - 1;
                    b[last] = b[last].wrapping_add(i as u8);
                    map.insert(c, utf16(b));
                }
            }
            _ => {}
        }
    }
    map
}
