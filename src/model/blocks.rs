//! Block validation: each block type's fields, lists, steps, tables and attachments.

use crate::i18n::Msg;
use crate::msg;
use serde_json::Value;

use super::check::Checker;
use super::paths::relative_to;
use super::raw::{
    from_value, json_kind, kind_msg, RawBlock, RawListItem, RawStep, BLOCK_FIELDS,
    LIST_ITEM_FIELDS, STEP_FIELDS,
};
use super::spans::{join_index, join_key};
use super::table::table;
use super::types::{Block, CalloutKind, ListItem, LocalFile, Step};
use super::values::{check_url, closest, quoted_list, scheme_of, suggest};
use super::variants::variants;

/// The block types of the spec.
pub const BLOCK_TYPES: &[&str] = &[
    "heading",
    "paragraph",
    "list",
    "steps",
    "callout",
    "image",
    "images",
    "variants",
    "table",
    "attachment",
    "qr",
    "page_break",
];

/// How deep lists may nest.
pub const MAX_LIST_DEPTH: usize = 3;

/// The callout kinds of the spec.
pub const CALLOUT_KINDS: &[&str] = &["note", "tip", "warning", "important"];

/// The fields a block type allows besides `type`, or `None` for an unknown type.
pub fn fields_of(block_type: &str) -> Option<&'static [&'static str]> {
    Some(match block_type {
        "heading" => &["text", "level"],
        "paragraph" => &["text"],
        "list" => &["items", "ordered"],
        "steps" => &["items"],
        "callout" => &["kind", "title", "text"],
        "image" => &["src", "alt", "caption", "width", "annotations"],
        "images" => &["items", "caption"],
        "variants" => &["title", "items"],
        "table" => &["header", "rows", "columns"],
        "attachment" => &["href", "label"],
        "qr" => &["url", "caption"],
        "page_break" => &[],
        _ => return None,
    })
}

/// Validates the block `value` found at `path`.
pub fn block(c: &mut Checker<'_>, path: &str, value: &Value) -> Option<Block> {
    let declared = value.get("type").and_then(Value::as_str);
    let allowed: Vec<&str> = match declared.and_then(fields_of) {
        Some(fields) => std::iter::once("type").chain(fields.iter().copied()).collect(),
        None => BLOCK_FIELDS.to_vec(),
    };
    if !value.is_object() {
        let message = msg!("block-not-object", found = kind_msg(json_kind(value)));
        c.fail("wrong-type", path, message, None);
        return None;
    }
    let (raw, problems) = from_value::<RawBlock>(value, path);
    for p in &problems {
        c.report.raw_problem(p, &allowed);
    }
    let raw = raw?;
    let type_path = join_key(path, "type");
    let Some(name) = raw.kind_name.as_deref() else {
        let d = c
            .report
            .error("missing-field", &type_path, msg!("block-no-type"))
            .help(msg!("block-no-type-help", list = quoted_list(BLOCK_TYPES)));
        c.report.push(d);
        return None;
    };
    let Some(fields) = fields_of(name) else {
        let d = c
            .report
            .error(
                "unknown-block-type",
                &type_path,
                msg!("unknown-block-type", name = name),
            )
            .help(suggest(name, BLOCK_TYPES));
        c.report.push(d);
        return None;
    };
    if let Some(obj) = value.as_object() {
        for key in obj.keys() {
            if key == "type"
                || fields.contains(&key.as_str())
                || !BLOCK_FIELDS.contains(&key.as_str())
            {
                continue;
            }
            let help = match closest(key, fields.iter().copied()) {
                Some(f) => msg!("did-you-mean", value = f),
                None if fields.is_empty() => msg!("block-no-other-fields", block = name),
                None => msg!("block-takes", block = name, list = quoted_list(fields)),
            };
            let message = msg!("field-not-in-block", key = key, block = name);
            let d = c
                .report
                .key_error("unknown-field", &join_key(path, key), message)
                .help(help);
            c.report.push(d);
        }
    }
    let what = msg!("what-block", block = name);
    let text = |c: &mut Checker<'_>| c.req_inline(path, "text", raw.text.as_ref(), &what);
    Some(match name {
        "heading" => {
            let text = text(c);
            let level = match &raw.level {
                None => Some(1),
                // A whole number, written `2` or `2.0`, as for `format` (and
                // as JSON Schema's "integer" reads it).
                Some(n) => match n.as_f64().filter(|f| f.fract() == 0.0) {
                    Some(l) if (1.0..=3.0).contains(&l) => Some(l as u8),
                    _ => {
                        let message = msg!("heading-level", level = n.to_string());
                        let help = Some(msg!("heading-level-help"));
                        c.fail("out-of-range", &join_key(path, "level"), message, help);
                        None
                    }
                },
            };
            Block::Heading { text: text?, level: level? }
        }
        "paragraph" => Block::Paragraph { text: text(c)? },
        "list" => {
            let items = items_of(c, path, raw.items.as_deref(), &what)?;
            Block::List {
                items: list_items(c, &join_key(path, "items"), items, 1),
                ordered: raw.ordered.unwrap_or(false),
            }
        }
        "steps" => {
            let items = items_of(c, path, raw.items.as_deref(), &what)?;
            let items_path = join_key(path, "items");
            let steps: Vec<Step> = items
                .iter()
                .enumerate()
                .filter_map(|(i, v)| step(c, &join_index(&items_path, i), v))
                .collect();
            Block::Steps { items: steps }
        }
        "callout" => {
            let kind = match raw.kind.as_deref() {
                None => {
                    c.missing(path, "kind", &what);
                    None
                }
                Some(k) => {
                    let kind = callout_kind(k);
                    if kind.is_none() {
                        let message = msg!("unknown-callout-kind", kind = k);
                        c.fail(
                            "bad-value",
                            &join_key(path, "kind"),
                            message,
                            Some(suggest(k, CALLOUT_KINDS)),
                        );
                    }
                    kind
                }
            };
            let title = c.opt_inline(&join_key(path, "title"), raw.title.as_ref());
            let text = text(c);
            Block::Callout { kind: kind?, title, text: text? }
        }
        "image" => Block::Image(c.figure(
            path,
            raw.src.as_ref(),
            raw.alt.as_ref(),
            raw.caption.as_ref(),
            raw.width.as_ref(),
            raw.annotations.as_ref(),
        )?),
        "images" => {
            let caption = c.opt_inline(&join_key(path, "caption"), raw.caption.as_ref());
            let items = match raw.items.as_deref() {
                Some(values) => c.pictures(&join_key(path, "items"), values),
                None => {
                    c.missing(path, "items", &what);
                    return None;
                }
            };
            Block::Images { items, caption }
        }
        "variants" => variants(c, path, raw.title.as_ref(), raw.items.as_deref(), block)?,
        "table" => {
            table(c, path, raw.header.as_ref(), raw.rows.as_ref(), raw.columns.as_ref())?
        }
        "attachment" => {
            let label = c.req_inline(path, "label", raw.label.as_ref(), &what);
            let href = match raw.href.as_deref() {
                Some(h) => attachment(c, &join_key(path, "href"), h),
                None => {
                    c.missing(path, "href", &what);
                    None
                }
            };
            let (href, local) = href?;
            Block::Attachment { href, label: label?, local }
        }
        "qr" => {
            let url = match raw.url.as_deref() {
                Some(u) => c.url(&join_key(path, "url"), u, &["https", "http", "mailto"]),
                None => {
                    c.missing(path, "url", &what);
                    None
                }
            };
            let caption = c.opt_inline(&join_key(path, "caption"), raw.caption.as_ref());
            Block::Qr { url: url?, caption }
        }
        _ => Block::PageBreak,
    })
}

fn callout_kind(k: &str) -> Option<CalloutKind> {
    Some(match k {
        "note" => CalloutKind::Note,
        "tip" => CalloutKind::Tip,
        "warning" => CalloutKind::Warning,
        "important" => CalloutKind::Important,
        _ => return None,
    })
}

/// The required, non-empty `items` of a list or steps block.
fn items_of<'v>(
    c: &mut Checker<'_>,
    path: &str,
    items: Option<&'v [Value]>,
    what: &Msg,
) -> Option<&'v [Value]> {
    match items {
        None => {
            c.missing(path, "items", what);
            None
        }
        Some([]) => {
            c.fail("empty", &join_key(path, "items"), msg!("list-empty"), None);
            None
        }
        Some(items) => Some(items),
    }
}

/// List items at `path` (the `items` array), nested `depth` levels deep (1 = top).
fn list_items(
    c: &mut Checker<'_>,
    path: &str,
    values: &[Value],
    depth: usize,
) -> Vec<ListItem> {
    let mut out = Vec::new();
    for (i, v) in values.iter().enumerate() {
        let item_path = join_index(path, i);
        match v {
            Value::String(s) => {
                if let Some(text) = c.inline(&item_path, s) {
                    out.push(ListItem { text, items: Vec::new() });
                }
            }
            Value::Object(_) => {
                let (raw, problems) = from_value::<RawListItem>(v, &item_path);
                for p in &problems {
                    c.report.raw_problem(p, LIST_ITEM_FIELDS);
                }
                let Some(raw) = raw else { continue };
                let text = c.req_inline(
                    &item_path,
                    "text",
                    raw.text.as_ref(),
                    &msg!("what-list-item"),
                );
                let nested_path = join_key(&item_path, "items");
                let nested = match raw.items.as_deref() {
                    Some(nested) if !nested.is_empty() && depth >= MAX_LIST_DEPTH => {
                        let message = msg!("list-too-deep", max = MAX_LIST_DEPTH);
                        let help = Some(msg!("list-too-deep-help"));
                        c.fail("too-deep", &nested_path, message, help);
                        Vec::new()
                    }
                    Some(nested) => list_items(c, &nested_path, nested, depth + 1),
                    None => Vec::new(),
                };
                if let Some(text) = text {
                    out.push(ListItem { text, items: nested });
                }
            }
            other => {
                let message = msg!("list-item-type", found = kind_msg(json_kind(other)));
                c.fail("wrong-type", &item_path, message, None);
            }
        }
    }
    out
}

/// One step at `path`.
fn step(c: &mut Checker<'_>, path: &str, v: &Value) -> Option<Step> {
    if !v.is_object() {
        let message = msg!("step-type", found = kind_msg(json_kind(v)));
        let help = v.is_string().then(|| msg!("step-type-help"));
        c.fail("wrong-type", path, message, help);
        return None;
    }
    let (raw, problems) = from_value::<RawStep>(v, path);
    for p in &problems {
        c.report.raw_problem(p, STEP_FIELDS);
    }
    let raw = raw?;
    let text = c.req_inline(path, "text", raw.text.as_ref(), &msg!("what-step"));
    let note = c.opt_inline(&join_key(path, "note"), raw.note.as_ref());
    let substeps = match &raw.substeps {
        None => Vec::new(),
        Some(list) if list.is_empty() => {
            let help = Some(msg!("substeps-empty-help"));
            let at = join_key(path, "substeps");
            c.fail("empty", &at, msg!("substeps-empty"), help);
            Vec::new()
        }
        Some(list) => {
            let at = join_key(path, "substeps");
            let items: Vec<_> = list
                .iter()
                .enumerate()
                .map(|(i, t)| c.inline(&join_index(&at, i), t))
                .collect();
            items.into_iter().flatten().collect()
        }
    };
    let images = match (&raw.image, &raw.images) {
        (Some(_), Some(_)) => {
            let message = msg!("step-image-and-images");
            let help = Some(msg!("step-image-and-images-help"));
            c.fail("conflicting-fields", &join_key(path, "images"), message, help);
            Vec::new()
        }
        (Some(one), None) => {
            c.picture(&join_key(path, "image"), one).into_iter().collect()
        }
        (None, Some(list)) => c.pictures(&join_key(path, "images"), list),
        (None, None) => Vec::new(),
    };
    Some(Step { text: text?, note, substeps, images })
}

/// Largest local attachment, in bytes (50 MiB): the site and the bundle
/// copy it, and parents download it on their phones.
pub const MAX_ATTACHMENT: u64 = 50 * 1024 * 1024;

/// An attachment `href`: a URL, or a file inside the project folder.
fn attachment(
    c: &mut Checker<'_>,
    path: &str,
    href: &str,
) -> Option<(String, Option<LocalFile>)> {
    if href.trim().is_empty() {
        c.fail(
            "empty-text",
            path,
            msg!("attachment-no-href"),
            Some(msg!("attachment-no-href-help")),
        );
        return None;
    }
    if scheme_of(href).is_some() {
        return match check_url(href, &["https", "http"]) {
            Ok(()) => Some((href.to_string(), None)),
            Err((message, help)) => {
                c.fail("bad-url", path, message, Some(help));
                None
            }
        };
    }
    let canonical = match c.env.project.resolve(href, "attachment") {
        Ok(p) => p,
        Err(e) => {
            c.path_error(path, e);
            return None;
        }
    };
    let bytes = match std::fs::metadata(&canonical) {
        Ok(m) => m.len(),
        Err(e) => {
            c.fail(
                "unreadable",
                path,
                msg!("attachment-unreadable", href = href, reason = e.to_string()),
                None,
            );
            return None;
        }
    };
    if bytes > MAX_ATTACHMENT {
        c.fail(
            "file-too-large",
            path,
            msg!(
                "attachment-too-large",
                href = href,
                bytes = bytes,
                limit = MAX_ATTACHMENT
            ),
            Some(msg!("attachment-too-large-help")),
        );
        return None;
    }
    let root = c.env.project.canonical.clone().unwrap_or_default();
    let kind = canonical
        .extension()
        .map(|e| e.to_string_lossy().to_uppercase())
        .unwrap_or_default();
    let local = LocalFile {
        rel_path: relative_to(&root, &canonical),
        abs_path: canonical,
        bytes,
        kind,
    };
    Some((href.to_string(), Some(local)))
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{
        assert_block_errors, errors_of, guide_with, load_project, test_project, Case,
    };
    use super::super::types::LinkTarget;
    use super::*;

    #[test]
    fn block_errors_are_located() {
        let table: &[Case] = &[
            (r#"{"type": "paragraph", "text": "ok **bold** [a](guide:g)"}"#, &[]),
            (r#""just text""#, &[("wrong-type", "body[0]", "\"just")]),
            (
                r#"{"type": "paragraf", "text": "x"}"#,
                &[("unknown-block-type", "body[0].type", "\"paragraf\"")],
            ),
            (r#"{"text": "x"}"#, &[("missing-field", "body[0].type", "{")]),
            (r#"{"type": 2, "text": "x"}"#, &[("wrong-type", "body[0].type", "2")]),
            (
                r#"{"type": "paragraph", "text": "x", "ordered": true}"#,
                &[("unknown-field", "body[0].ordered", "\"ordered\"")],
            ),
            (
                r#"{"type": "paragraph", "txt": "x"}"#,
                &[
                    ("missing-field", "body[0].text", "{"),
                    ("unknown-field", "body[0].txt", "\"txt\""),
                ],
            ),
            (
                r#"{"type": "paragraph", "text": 3}"#,
                &[("wrong-type", "body[0].text", "3")],
            ),
            (
                r#"{"type": "paragraph", "text": "  "}"#,
                &[("empty-text", "body[0].text", "\"  \"")],
            ),
            (
                r#"{"type": "paragraph", "text": "a **b"}"#,
                &[("inline-markup", "body[0].text", "**b")],
            ),
            (
                r#"{"type": "paragraph", "text": "[x](javascript:alert(1))"}"#,
                &[("bad-link", "body[0].text", "javascript")],
            ),
            (
                r#"{"type": "paragraph", "text": "see [x](guide:nope)"}"#,
                &[("unknown-guide", "body[0].text", "guide:nope")],
            ),
            (
                r#"{"type": "paragraph", "text": "a", "text": "b"}"#,
                &[("duplicate-field", "body[0].text", "\"text\": \"b\"")],
            ),
            (
                r#"{"type": "heading", "text": "H", "level": 4}"#,
                &[("out-of-range", "body[0].level", "4")],
            ),
            (r#"{"type": "heading", "text": "H", "level": 2}"#, &[]),
            (r#"{"type": "heading", "text": "H", "level": 2.0}"#, &[]),
            (
                r#"{"type": "heading", "text": "H", "level": 1.5}"#,
                &[("out-of-range", "body[0].level", "1.5")],
            ),
            (r#"{"type": "list", "items": []}"#, &[("empty", "body[0].items", "[]")]),
            (
                r#"{"type": "list", "items": ["a", 5]}"#,
                &[("wrong-type", "body[0].items[1]", "5")],
            ),
            (
                r#"{"type": "list", "items": [{"text": "1", "items": [{"text": "2", "items": [{"text": "3", "items": ["4"]}]}]}]}"#,
                &[("too-deep", "body[0].items[0].items[0].items[0].items", "[\"4\"]")],
            ),
            (
                r#"{"type": "list", "items": [{"txt": "a"}]}"#,
                &[
                    ("missing-field", "body[0].items[0].text", "{\"txt\""),
                    ("unknown-field", "body[0].items[0].txt", "\"txt\""),
                ],
            ),
            (
                r#"{"type": "steps", "items": ["do it"]}"#,
                &[("wrong-type", "body[0].items[0]", "\"do it\"")],
            ),
            (
                r#"{"type": "steps", "items": [{"text": "t", "image": {"src": "a.png"}}]}"#,
                &[("missing-alt", "body[0].items[0].image.alt", "{\"src\"")],
            ),
            (
                r#"{"type": "steps", "items": [{"text": "t", "image": {"type": "image", "src": "a.png", "alt": "A"}}]}"#,
                &[(
                    "unknown-field",
                    "body[0].items[0].image.type",
                    "\"type\": \"image\"",
                )],
            ),
            (
                r#"{"type": "callout", "kind": "warn", "text": "x"}"#,
                &[("bad-value", "body[0].kind", "\"warn\"")],
            ),
            (
                r#"{"type": "callout", "text": "x"}"#,
                &[("missing-field", "body[0].kind", "{")],
            ),
            (r#"{"type": "image", "src": "a.png", "alt": "A", "width": 0.5}"#, &[]),
            (r#"{"type": "image", "src": "a.png", "alt": "A", "width": 0.05}"#, &[]),
            (
                r#"{"type": "image", "src": "a.png", "alt": "A", "width": 1e-300}"#,
                &[("out-of-range", "body[0].width", "1e-300")],
            ),
            (
                r#"{"type": "image", "src": "../secret.txt", "alt": "A"}"#,
                &[("path-escapes", "body[0].src", "\"../")],
            ),
            (
                r#"{"type": "image", "src": "/etc/passwd", "alt": "A"}"#,
                &[("path-escapes", "body[0].src", "\"/etc")],
            ),
            (
                r#"{"type": "image", "src": "firefox/menuu.png", "alt": "A"}"#,
                &[("missing-file", "body[0].src", "\"firefox")],
            ),
            (
                r#"{"type": "image", "src": "photo.gif", "alt": "A"}"#,
                &[("bad-image", "body[0].src", "\"photo")],
            ),
            (
                r#"{"type": "image", "src": "broken.png", "alt": "A"}"#,
                &[("bad-image", "body[0].src", "\"broken")],
            ),
            (
                r#"{"type": "image", "src": "a.png", "alt": "A", "width": 1.5}"#,
                &[("out-of-range", "body[0].width", "1.5")],
            ),
            (
                r#"{"type": "image", "src": "a.png", "alt": " "}"#,
                &[("missing-alt", "body[0].alt", "\" \"")],
            ),
            (
                r#"{"type": "table", "header": ["a", "b"], "rows": [["1", "2"], ["3"]]}"#,
                &[("table-shape", "body[0].rows[1]", "[\"3\"]")],
            ),
            (
                r#"{"type": "table", "rows": [["1", ""], ["3", "4", "5"]]}"#,
                &[("table-shape", "body[0].rows[1]", "[\"3\"")],
            ),
            (r#"{"type": "table", "rows": []}"#, &[("empty", "body[0].rows", "[]")]),
            (
                r#"{"type": "table", "rows": [["1","2","3","4","5","6","7","8","9","10","11","12","13"]]}"#,
                &[("too-many-columns", "body[0].rows[0]", "[\"1\"")],
            ),
            (
                r#"{"type": "table", "header": ["1","2","3","4","5","6","7","8","9","10","11","12","13"], "rows": [["1"]]}"#,
                &[("too-many-columns", "body[0].header", "[\"1\"")],
            ),
            (
                r#"{"type": "table", "rows": [["a", 3]]}"#,
                &[("wrong-type", "body[0].rows[0][1]", "3")],
            ),
            (
                r#"{"type": "paragraph", "text": null}"#,
                &[("missing-field", "body[0].text", "null")],
            ),
            (
                r#"{"type": "attachment", "href": "files/charte.pdf", "label": "Charte"}"#,
                &[],
            ),
            (
                r#"{"type": "attachment", "href": "https://x.org/a.pdf", "label": "A"}"#,
                &[],
            ),
            (
                r#"{"type": "attachment", "href": "../x.pdf", "label": "A"}"#,
                &[("path-escapes", "body[0].href", "\"../")],
            ),
            (
                r#"{"type": "attachment", "href": "files/chart.pdf", "label": "A"}"#,
                &[("missing-file", "body[0].href", "\"files")],
            ),
            (
                r#"{"type": "attachment", "href": "ftp://x.org/a", "label": "A"}"#,
                &[("bad-url", "body[0].href", "\"ftp")],
            ),
            (r#"{"type": "qr", "url": "mailto:a@b.fr"}"#, &[]),
            (
                r#"{"type": "qr", "url": "javascript:x"}"#,
                &[("bad-url", "body[0].url", "\"javascript")],
            ),
            (
                r#"{"type": "page_break", "text": "x"}"#,
                &[("unknown-field", "body[0].text", "\"text\"")],
            ),
        ];
        assert_block_errors("blocks", table);
    }

    #[test]
    fn messages_and_suggestions() {
        let table: &[(&str, &str, Option<&str>)] = &[
            (
                r#"{"type": "paragraf", "text": "x"}"#,
                "unknown block type \"paragraf\"",
                Some("did you mean \"paragraph\"?"),
            ),
            (
                r#"{"type": "paragraph", "text": "x", "ordered": true}"#,
                "field \"ordered\" does not belong to a \"paragraph\" block",
                Some("a \"paragraph\" block takes \"text\""),
            ),
            (
                r#"{"type": "image", "scr": "a.png", "alt": "A"}"#,
                "unknown field \"scr\"",
                Some("did you mean \"src\"?"),
            ),
            (
                r#"{"type": "callout", "kind": "warn", "text": "x"}"#,
                "unknown callout kind \"warn\"",
                Some("did you mean \"warning\"?"),
            ),
            (
                r#"{"type": "image", "src": "../secret.txt", "alt": "A"}"#,
                "the image path \"../secret.txt\" leaves the images folder",
                None,
            ),
            (
                r#"{"type": "image", "src": "firefox/menuu.png", "alt": "A"}"#,
                "image \"firefox/menuu.png\" not found",
                Some("did you mean \"firefox/menu.png\"?"),
            ),
            (
                r#"{"type": "image", "src": "photo.gif", "alt": "A"}"#,
                "not a PNG or JPEG (it is a GIF)",
                None,
            ),
            (
                r#"{"type": "table", "header": ["a", "b"], "rows": [["1", "2"], ["3"]]}"#,
                "row 2 has 1 cells but the header has 2",
                None,
            ),
            (
                r#"{"type": "paragraph", "text": 3}"#,
                "expected a string, found a number",
                None,
            ),
            (
                r#"{"type": "paragraph", "text": "[a](guide:g-2)"}"#,
                "no guide has the id \"g-2\"",
                Some("did you mean \"guide:g\"?"),
            ),
        ];
        let project = test_project("block-messages");
        for &(block, message, help) in table {
            project.guide("g.json", guide_with(block));
            let loaded = load_project(&project).expect("project loads");
            let errors = errors_of(&loaded, "g");
            let first = errors
                .iter()
                .find(|d| d.message.en().contains(message))
                .unwrap_or_else(|| panic!("{block}: no {message:?} in {errors:#?}"));
            if let Some(help) = help {
                assert_eq!(
                    first.suggestion.as_ref().map(|s| s.en()).as_deref(),
                    Some(help),
                    "{block}"
                );
            }
        }
    }

    #[test]
    fn builds_every_block_type() {
        let body = r#"[
  {"type": "heading", "text": "H"},
  {"type": "paragraph", "text": "p [a](guide:g)"},
  {"type": "list", "ordered": true, "items": ["a", {"text": "b", "items": ["c"]}]},
  {"type": "steps", "items": [{"text": "s", "note": "n", "image": {"src": "firefox/menu.png", "alt": "M", "width": 1}}]},
  {"type": "callout", "kind": "tip", "title": "T", "text": "c"},
  {"type": "image", "src": "a.png", "alt": "A", "caption": "cap"},
  {"type": "table", "header": ["x", "y"], "rows": [["1", ""]]},
  {"type": "attachment", "href": "files/charte.pdf", "label": "Charte"},
  {"type": "qr", "url": "https://x.org", "caption": "q"},
  {"type": "page_break"}
]"#;
        let project = test_project("all-blocks");
        project.guide(
            "g.json",
            format!("{{\"format\": 1, \"title\": \"T\", \"body\": {body}}}"),
        );
        let loaded = load_project(&project).expect("loads");
        let guide = loaded.guides[0].result.as_ref().expect("guide builds");
        let paths: Vec<&str> = guide.body.iter().map(|b| b.path.as_str()).collect();
        assert_eq!(paths.len(), 10);
        assert_eq!(paths[9], "body[9]");
        match &guide.body[0].value {
            Block::Heading { level, .. } => assert_eq!(*level, 1),
            other => panic!("{other:?}"),
        }
        match &guide.body[1].value {
            Block::Paragraph { text } => {
                assert_eq!(text.spans[1].link, Some(LinkTarget::Guide("g".into())))
            }
            other => panic!("{other:?}"),
        }
        match &guide.body[2].value {
            Block::List { items, ordered } => {
                assert!(ordered);
                assert_eq!(items[1].items[0].text.plain_text(), "c");
            }
            other => panic!("{other:?}"),
        }
        match &guide.body[3].value {
            Block::Steps { items } => {
                let fig = &items[0].images[0].value;
                assert_eq!(
                    (fig.image.src.as_str(), fig.image.width, fig.width),
                    ("firefox/menu.png", 2, Some(1.0))
                );
            }
            other => panic!("{other:?}"),
        }
        match &guide.body[6].value {
            Block::Table { header, rows, columns } => {
                assert!(columns.is_empty());
                assert_eq!(header.as_ref().map(Vec::len), Some(2));
                assert!(rows[0][1].spans.is_empty());
            }
            other => panic!("{other:?}"),
        }
        match &guide.body[7].value {
            Block::Attachment { local: Some(f), .. } => {
                assert_eq!(
                    (f.rel_path.as_str(), f.bytes, f.kind.as_str()),
                    ("files/charte.pdf", 1234, "PDF")
                );
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(guide.body[9].value, Block::PageBreak);
    }
}
