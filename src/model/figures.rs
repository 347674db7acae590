//! Pictures in guides: a figure's fields, its annotations (markers, boxes,
//! arrows checked against the picture's size), and pictures written as
//! objects (a step's `image` and `images`, the items of an `images` block).

use serde_json::{Number, Value};

use super::check::{Checker, MIN_WIDTH};
use super::raw::{
    from_value, json_kind, kind_msg, RawAnnotation, RawImage, ANNOTATION_FIELDS,
    IMAGE_FIELDS,
};
use super::spans::{join_index, join_key};
use super::types::{Annotation, Figure, Located};
use super::values::{closest, quoted_list, suggest};
use crate::msg;

/// Most pictures in one row (`images`).
pub const MAX_ROW: usize = 3;

/// The annotation types of the format.
pub const ANNOTATION_TYPES: &[&str] = &["marker", "box", "arrow"];

/// The highest marker number.
pub const MAX_MARKER: u64 = 99;

/// The fields an annotation type takes besides `type`, or `None` for an
/// unknown type.
pub fn annotation_fields_of(kind: &str) -> Option<&'static [&'static str]> {
    Some(match kind {
        "marker" => &["n", "at"],
        "box" => &["at", "size"],
        "arrow" => &["from", "to"],
        _ => return None,
    })
}

/// A picture's size in pixels, for checking coordinates.
type Size = (u32, u32);

impl Checker<'_> {
    /// A figure: a picture with alt text, optional caption, width (at least
    /// [`MIN_WIDTH`]) and
    /// annotations; `owner` is the path of the object holding the fields.
    #[allow(clippy::too_many_arguments)]
    pub fn figure(
        &mut self,
        owner: &str,
        src: Option<&String>,
        alt: Option<&String>,
        caption: Option<&String>,
        width: Option<&Number>,
        annotations: Option<&Vec<Value>>,
    ) -> Option<Figure> {
        let image = match src {
            Some(src) => self.image(&join_key(owner, "src"), src),
            None => {
                self.missing(owner, "src", &msg!("what-image"));
                None
            }
        };
        let alt = match alt.map(|a| a.trim()) {
            Some(a) if !a.is_empty() => Some(a.to_string()),
            _ => {
                let message =
                    if alt.is_some() { msg!("alt-empty") } else { msg!("alt-missing") };
                let help = Some(msg!("alt-missing-help"));
                self.fail("missing-alt", &join_key(owner, "alt"), message, help);
                None
            }
        };
        let caption = self.opt_inline(&join_key(owner, "caption"), caption);
        let width = match width {
            None => None,
            Some(n) => {
                let w = n.as_f64().unwrap_or(f64::NAN);
                if (MIN_WIDTH..=1.0).contains(&w) {
                    Some(w as f32)
                } else {
                    self.fail(
                        "out-of-range",
                        &join_key(owner, "width"),
                        msg!(
                            "width-out-of-range",
                            width = n.to_string(),
                            min = MIN_WIDTH.to_string()
                        ),
                        Some(msg!("width-help")),
                    );
                    None
                }
            }
        };
        let size = image.as_ref().map(|i| (i.width, i.height));
        let annotations = match annotations {
            Some(list) => self.annotations(&join_key(owner, "annotations"), list, size),
            None => Vec::new(),
        };
        Some(Figure { image: image?, alt: alt?, caption, width, annotations })
    }

    /// A picture written as an object `{ "src": …, "alt": … }` at `path`.
    pub fn picture(&mut self, path: &str, value: &Value) -> Option<Located<Figure>> {
        if !value.is_object() {
            let message = msg!("step-image-type", found = kind_msg(json_kind(value)));
            self.fail("wrong-type", path, message, None);
            return None;
        }
        let (raw, problems) = from_value::<RawImage>(value, path);
        for p in &problems {
            self.report.raw_problem(p, IMAGE_FIELDS);
        }
        let r = raw?;
        let figure = self.figure(
            path,
            r.src.as_ref(),
            r.alt.as_ref(),
            r.caption.as_ref(),
            r.width.as_ref(),
            r.annotations.as_ref(),
        )?;
        Some(Located { value: figure, path: path.to_string() })
    }

    /// One to [`MAX_ROW`] pictures side by side: the list at `path`.
    pub fn pictures(&mut self, path: &str, values: &[Value]) -> Vec<Located<Figure>> {
        if values.is_empty() {
            let help = Some(msg!("pictures-empty-help"));
            self.fail("empty", path, msg!("pictures-empty"), help);
            return Vec::new();
        }
        if values.len() > MAX_ROW {
            let message = msg!("pictures-too-many", n = values.len(), max = MAX_ROW);
            let help = Some(msg!("pictures-too-many-help"));
            self.fail("bad-count", path, message, help);
        }
        values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| self.picture(&join_index(path, i), v))
            .collect()
    }

    /// The annotations at `path` of a picture of `size` (unknown when the
    /// picture itself was refused: then only their form is checked).
    fn annotations(
        &mut self,
        path: &str,
        values: &[Value],
        size: Option<Size>,
    ) -> Vec<Annotation> {
        let mut out = Vec::new();
        let mut markers: Vec<(u8, String)> = Vec::new();
        for (i, v) in values.iter().enumerate() {
            let at = join_index(path, i);
            let Some(a) = self.annotation(&at, v, size) else { continue };
            if let Annotation::Marker { n, .. } = a {
                if let Some((_, first)) = markers.iter().find(|(m, _)| *m == n) {
                    let message = msg!("marker-twice", n = n);
                    let help = msg!("marker-twice-help", n = n, first = first.as_str());
                    self.fail(
                        "duplicate-marker",
                        &join_key(&at, "n"),
                        message,
                        Some(help),
                    );
                    continue;
                }
                markers.push((n, at.clone()));
            }
            out.push(a);
        }
        out
    }

    /// One annotation at `path`.
    fn annotation(
        &mut self,
        path: &str,
        v: &Value,
        size: Option<Size>,
    ) -> Option<Annotation> {
        if !v.is_object() {
            let message = msg!("annotation-type", found = kind_msg(json_kind(v)));
            self.fail("wrong-type", path, message, None);
            return None;
        }
        let declared = v.get("type").and_then(Value::as_str);
        let allowed: Vec<&str> = match declared.and_then(annotation_fields_of) {
            Some(fields) => {
                std::iter::once("type").chain(fields.iter().copied()).collect()
            }
            None => ANNOTATION_FIELDS.to_vec(),
        };
        let (raw, problems) = from_value::<RawAnnotation>(v, path);
        for p in &problems {
            self.report.raw_problem(p, &allowed);
        }
        let raw = raw?;
        let type_path = join_key(path, "type");
        let Some(name) = raw.kind_name.as_deref() else {
            let d = self
                .report
                .error("missing-field", &type_path, msg!("annotation-no-type"))
                .help(msg!(
                    "annotation-no-type-help",
                    list = quoted_list(ANNOTATION_TYPES)
                ));
            self.report.push(d);
            return None;
        };
        let Some(fields) = annotation_fields_of(name) else {
            let message = msg!("annotation-unknown-type", name = name);
            self.fail(
                "bad-value",
                &type_path,
                message,
                Some(suggest(name, ANNOTATION_TYPES)),
            );
            return None;
        };
        for key in v.as_object().into_iter().flat_map(|o| o.keys()) {
            if key == "type"
                || fields.contains(&key.as_str())
                || !ANNOTATION_FIELDS.contains(&key.as_str())
            {
                continue;
            }
            let help = match closest(key, fields.iter().copied()) {
                Some(f) => msg!("did-you-mean", value = f),
                None => msg!("annotation-takes", name = name, list = quoted_list(fields)),
            };
            let message = msg!("annotation-field", key = key.as_str(), name = name);
            let d = self
                .report
                .key_error("unknown-field", &join_key(path, key), message)
                .help(help);
            self.report.push(d);
        }
        let what = msg!("what-annotation", name = name);
        let pair = |c: &mut Self, field: &str, value: &Option<Vec<Number>>| match value {
            Some(nums) => c.pair(&join_key(path, field), nums),
            None => {
                c.missing(path, field, &what);
                None
            }
        };
        match name {
            "marker" => {
                let n = match &raw.n {
                    None => {
                        self.missing(path, "n", &what);
                        None
                    }
                    Some(n) => match n.as_u64() {
                        Some(k @ 1..=MAX_MARKER) => Some(k as u8),
                        _ => {
                            let message = msg!(
                                "marker-number",
                                n = n.to_string(),
                                max = MAX_MARKER
                            );
                            let help = Some(msg!("marker-number-help"));
                            self.fail(
                                "out-of-range",
                                &join_key(path, "n"),
                                message,
                                help,
                            );
                            None
                        }
                    },
                };
                let at = pair(self, "at", &raw.at);
                let at = self.inside(&join_key(path, "at"), at, size)?;
                Some(Annotation::Marker { n: n?, at })
            }
            "box" => {
                let at = pair(self, "at", &raw.at);
                let dims = pair(self, "size", &raw.size);
                let at = self.inside(&join_key(path, "at"), at, size)?;
                let (w, h) = dims?;
                let size_path = join_key(path, "size");
                if w <= 0.0 || h <= 0.0 {
                    let message = msg!("box-no-area", w = num(w), h = num(h));
                    let help = Some(msg!("box-no-area-help"));
                    self.fail("out-of-range", &size_path, message, help);
                    return None;
                }
                let corner = (at.0 + w, at.1 + h);
                if let Some((pw, ph)) = size {
                    if corner.0 > pw as f32 || corner.1 > ph as f32 {
                        let message = msg!(
                            "box-outside",
                            from = point(at),
                            to = point(corner),
                            w = pw,
                            h = ph
                        );
                        let help = msg!("box-outside-help", w = pw, h = ph);
                        self.fail("outside-picture", &size_path, message, Some(help));
                        return None;
                    }
                }
                Some(Annotation::Box { at, size: (w, h) })
            }
            _ => {
                let from = pair(self, "from", &raw.from);
                let to = pair(self, "to", &raw.to);
                let from = self.inside(&join_key(path, "from"), from, size);
                let to = self.inside(&join_key(path, "to"), to, size);
                let (from, to) = (from?, to?);
                if from == to {
                    let message =
                        msg!("arrow-no-length", from = point(from), to = point(to));
                    let help = Some(msg!("arrow-no-length-help"));
                    self.fail("out-of-range", &join_key(path, "to"), message, help);
                    return None;
                }
                Some(Annotation::Arrow { from, to })
            }
        }
    }

    /// Two numbers `[x, y]` at `path`, not negative.
    fn pair(&mut self, path: &str, nums: &[Number]) -> Option<(f32, f32)> {
        let values: Vec<f64> = nums.iter().filter_map(Number::as_f64).collect();
        match values[..] {
            [x, y] if x >= 0.0 && y >= 0.0 && x.is_finite() && y.is_finite() => {
                Some((x as f32, y as f32))
            }
            [x, y] => {
                let message = msg!("point-negative", point = point((x as f32, y as f32)));
                let help = Some(msg!("point-negative-help"));
                self.fail("outside-picture", path, message, help);
                None
            }
            _ => {
                let message = msg!("point-type", n = nums.len());
                let help = Some(msg!("point-type-help"));
                self.fail("wrong-type", path, message, help);
                None
            }
        }
    }

    /// `p` (read at `path`) if it lies within a picture of `size`.
    fn inside(
        &mut self,
        path: &str,
        p: Option<(f32, f32)>,
        size: Option<Size>,
    ) -> Option<(f32, f32)> {
        let p = p?;
        let Some((w, h)) = size else { return Some(p) };
        if p.0 <= w as f32 && p.1 <= h as f32 {
            return Some(p);
        }
        let message = msg!("point-outside", point = point(p), w = w, h = h);
        let help = msg!("point-outside-help", w = w, h = h);
        self.fail("outside-picture", path, message, Some(help));
        None
    }
}

/// A coordinate as a reader wrote it: `12`, `12.5`.
fn num(v: f32) -> String {
    if v.fract() == 0.0 && v.abs() < 1e9 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn point(p: (f32, f32)) -> String {
    format!("({}, {})", num(p.0), num(p.1))
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{
        assert_block_errors, first_error, load_project, test_project, Case, Expected,
    };
    use super::super::types::{Annotation, Block};

    /// An image block of the 200×100 `shot.png` with `annotations`.
    fn shot(annotations: &str) -> String {
        format!(
            r#"{{"type": "image", "src": "shot.png", "alt": "A", "annotations": [{annotations}]}}"#
        )
    }

    #[test]
    fn annotation_errors_are_located() {
        let blocks: Vec<(String, Expected)> = vec![
            (shot(r#"{"type": "marker", "n": 1, "at": [200, 100]}, {"type": "box", "at": [0, 0], "size": [200, 100]}, {"type": "arrow", "from": [0, 0], "to": [10.5, 3]}"#), vec![]),
            (shot(r#"{"type": "marker", "n": 1, "at": [5000, 10]}"#), vec![("outside-picture", "body[0].annotations[0].at", "[5000")]),
            (shot(r#"{"type": "marker", "n": 1, "at": [-1, 10]}"#), vec![("outside-picture", "body[0].annotations[0].at", "[-1")]),
            (shot(r#"{"type": "marker", "n": 1, "at": [1, 2, 3]}"#), vec![("wrong-type", "body[0].annotations[0].at", "[1, 2, 3]")]),
            (shot(r#"{"type": "marker", "n": 2, "at": [1, 1]}, {"type": "marker", "n": 2, "at": [9, 9]}"#), vec![("duplicate-marker", "body[0].annotations[1].n", "2, \"at\": [9")]),
            (shot(r#"{"type": "marker", "n": 0, "at": [1, 1]}"#), vec![("out-of-range", "body[0].annotations[0].n", "0,")]),
            (shot(r#"{"type": "marker", "n": 1.5, "at": [1, 1]}"#), vec![("out-of-range", "body[0].annotations[0].n", "1.5")]),
            (shot(r#"{"type": "marker", "n": 100, "at": [1, 1]}"#), vec![("out-of-range", "body[0].annotations[0].n", "100")]),
            (shot(r#"{"type": "marker", "at": [1, 1]}"#), vec![("missing-field", "body[0].annotations[0].n", "{\"type\": \"marker\"")]),
            (shot(r#"{"type": "box", "at": [10, 10], "size": [0, 5]}"#), vec![("out-of-range", "body[0].annotations[0].size", "[0, 5]")]),
            (shot(r#"{"type": "box", "at": [150, 10], "size": [60, 5]}"#), vec![("outside-picture", "body[0].annotations[0].size", "[60, 5]")]),
            (shot(r#"{"type": "arrow", "from": [5, 5], "to": [5, 5]}"#), vec![("out-of-range", "body[0].annotations[0].to", "[5, 5]}")]),
            (shot(r#"{"type": "arrow", "from": [5, 500], "to": [5, 5]}"#), vec![("outside-picture", "body[0].annotations[0].from", "[5, 500]")]),
            (shot(r#"{"type": "circle", "at": [5, 5]}"#), vec![("bad-value", "body[0].annotations[0].type", "\"circle\"")]),
            (shot(r#"{"at": [5, 5]}"#), vec![("missing-field", "body[0].annotations[0].type", "{\"at\"")]),
            (shot(r#"{"type": "marker", "n": 1, "at": [5, 5], "size": [1, 1]}"#), vec![("unknown-field", "body[0].annotations[0].size", "\"size\"")]),
            (shot(r#"{"type": "marker", "n": 1, "at": [5, 5], "colour": "red"}"#), vec![("unknown-field", "body[0].annotations[0].colour", "\"colour\"")]),
            (shot(r#""repère 1""#), vec![("wrong-type", "body[0].annotations[0]", "\"repère")]),
            // A refused picture: the annotations' form is still checked.
            (r#"{"type": "image", "src": "nope.png", "alt": "A", "annotations": [{"type": "marker", "n": 1}]}"#.into(),
             vec![("missing-file", "body[0].src", "\"nope"), ("missing-field", "body[0].annotations[0].at", "{\"type\": \"marker\"")]),
        ];
        let table: Vec<Case> =
            blocks.iter().map(|(b, e)| (b.as_str(), e.as_slice())).collect();
        assert_block_errors("annotations", &table);
    }

    #[test]
    fn messages_name_the_picture_size() {
        let table = [
            (
                shot(r#"{"type": "marker", "n": 1, "at": [5000, 10]}"#),
                "outside-picture",
                "(5000, 10) is outside the 200×100 picture",
                "to (200, 100)",
            ),
            (
                shot(r#"{"type": "box", "at": [150, 10], "size": [60, 5]}"#),
                "outside-picture",
                "the box from (150, 10) to (210, 15) goes past the 200×100 picture",
                "within (200, 100)",
            ),
            (
                shot(
                    r#"{"type": "marker", "n": 2, "at": [1, 1]}, {"type": "marker", "n": 2, "at": [9, 9]}"#,
                ),
                "duplicate-marker",
                "marker 2 is used twice on this picture",
                "body[0].annotations[0]",
            ),
            (
                shot(r#"{"type": "box", "at": [1, 1], "size": [0, 5]}"#),
                "out-of-range",
                "a box of 0×5 pixels has no area",
                "a width and a height",
            ),
            (
                shot(r#"{"type": "arrow", "from": [5, 5.5], "to": [5, 5.5]}"#),
                "out-of-range",
                "the arrow from (5, 5.5) to (5, 5.5) has no length",
                "\"to\"",
            ),
        ];
        for (block, code, message, help) in table {
            let (m, h) = first_error("annotation-messages", &block, code);
            assert_eq!(m, message, "{block}");
            assert!(h.as_deref().is_some_and(|h| h.contains(help)), "{block}: {h:?}");
        }
    }

    #[test]
    fn pictures_in_rows_and_in_steps() {
        let pic = r#"{"src": "shot.png", "alt": "A"}"#;
        let four = [pic; 4].join(", ");
        let blocks: Vec<(String, Expected)> = vec![
            (format!(r#"{{"type": "images", "items": [{pic}, {pic}, {pic}], "caption": "c"}}"#), vec![]),
            (format!(r#"{{"type": "images", "items": [{four}]}}"#), vec![("bad-count", "body[0].items", "[{")]),
            (r#"{"type": "images", "items": []}"#.into(), vec![("empty", "body[0].items", "[]")]),
            (r#"{"type": "images", "items": ["a.png"]}"#.into(), vec![("wrong-type", "body[0].items[0]", "\"a.png\"")]),
            (r#"{"type": "images", "items": [{"src": "a.png"}]}"#.into(), vec![("missing-alt", "body[0].items[0].alt", "{\"src\"")]),
            (format!(r#"{{"type": "steps", "items": [{{"text": "t", "images": [{pic}, {pic}], "substeps": ["a", "b"]}}]}}"#), vec![]),
            (format!(r#"{{"type": "steps", "items": [{{"text": "t", "image": {pic}, "images": [{pic}]}}]}}"#), vec![("conflicting-fields", "body[0].items[0].images", "[{\"src\": \"shot.png\", \"alt\": \"A\"}]}]")]),
            (r#"{"type": "steps", "items": [{"text": "t", "substeps": []}]}"#.into(), vec![("empty", "body[0].items[0].substeps", "[]")]),
            (r#"{"type": "steps", "items": [{"text": "t", "substeps": ["a", " "]}]}"#.into(), vec![("empty-text", "body[0].items[0].substeps[1]", "\" \"")]),
            (r#"{"type": "steps", "items": [{"text": "t", "images": [{"src": "shot.png", "alt": "A", "annotations": [{"type": "marker", "n": 1, "at": [300, 1]}]}]}]}"#.into(),
             vec![("outside-picture", "body[0].items[0].images[0].annotations[0].at", "[300")]),
        ];
        let table: Vec<Case> =
            blocks.iter().map(|(b, e)| (b.as_str(), e.as_slice())).collect();
        assert_block_errors("picture-rows", &table);
    }

    #[test]
    fn builds_annotations_rows_and_substeps() {
        let project = test_project("figures-built");
        project.guide(
            "g.json",
            r#"{"format": 1, "title": "T", "body": [
  {"type": "images", "caption": "two", "items": [
    {"src": "shot.png", "alt": "A", "annotations": [{"type": "arrow", "from": [1, 2], "to": [30, 40]}, {"type": "marker", "n": 3, "at": [10, 20]}]},
    {"src": "a.png", "alt": "B", "caption": "b"}]},
  {"type": "steps", "items": [{"text": "s", "substeps": ["x", "**y**"], "image": {"src": "shot.png", "alt": "C", "annotations": [{"type": "box", "at": [1, 2], "size": [3, 4]}]}}]}
]}"#,
        );
        let loaded = load_project(&project).expect("loads");
        let guide = loaded.guides[0].result.as_ref().expect("builds");
        let Block::Images { items, caption } = &guide.body[0].value else { panic!() };
        assert_eq!(caption.as_ref().map(|c| c.plain_text()), Some("two".into()));
        assert_eq!(items[0].path, "body[0].items[0]");
        assert_eq!(
            items[0].value.annotations,
            [
                Annotation::Arrow { from: (1.0, 2.0), to: (30.0, 40.0) },
                Annotation::Marker { n: 3, at: (10.0, 20.0) }
            ]
        );
        assert_eq!(items[1].value.alt, "B");
        let Block::Steps { items } = &guide.body[1].value else { panic!() };
        assert_eq!(items[0].substeps.len(), 2);
        assert_eq!(items[0].images[0].path, "body[1].items[0].image");
        assert_eq!(
            items[0].images[0].value.annotations,
            [Annotation::Box { at: (1.0, 2.0), size: (3.0, 4.0) }]
        );
        let srcs: Vec<String> = guide.figures().into_iter().map(|(_, p)| p).collect();
        assert_eq!(
            srcs,
            [
                "body[0].items[0].src",
                "body[0].items[1].src",
                "body[1].items[0].image.src"
            ]
        );
    }
}
