//! Variants: content that differs by browser (or system, or profile), one
//! labelled body per variant, 2 to 6 of them with distinct labels.

use serde_json::Value;

use super::check::Checker;
use super::raw::{from_value, json_kind, kind_msg, RawVariant, VARIANT_FIELDS};
use super::spans::{join_index, join_key};
use super::types::{Block, Located, Variant};
use crate::i18n::Msg;
use crate::msg;

/// Fewest variants in a block.
pub const MIN_VARIANTS: usize = 2;
/// Most variants in a block.
pub const MAX_VARIANTS: usize = 6;

/// Reads one block of a body: what `blocks::block` does (passed in, so
/// this file does not import the file that imports it).
pub type ReadBlock = fn(&mut Checker<'_>, &str, &Value) -> Option<Block>;

/// A `variants` block at `path`.
pub fn variants(
    c: &mut Checker<'_>,
    path: &str,
    title: Option<&String>,
    items: Option<&[Value]>,
    read: ReadBlock,
) -> Option<Block> {
    let title = c.opt_inline(&join_key(path, "title"), title);
    let items_path = join_key(path, "items");
    let items = match items {
        None => {
            c.missing(path, "items", &msg!("what-block", block = "variants"));
            return None;
        }
        Some([]) => {
            c.fail("empty", &items_path, msg!("variants-empty"), Some(example()));
            return None;
        }
        Some(items) => items,
    };
    if items.len() < MIN_VARIANTS || items.len() > MAX_VARIANTS {
        let message = msg!(
            "variants-count",
            n = items.len(),
            min = MIN_VARIANTS,
            max = MAX_VARIANTS
        );
        let help = if items.len() < MIN_VARIANTS {
            msg!("variants-too-few-help")
        } else {
            msg!("variants-too-many-help")
        };
        c.fail("bad-count", &items_path, message, Some(help));
    }
    let mut out = Vec::new();
    let mut seen: Vec<(String, String)> = Vec::new();
    for (i, v) in items.iter().enumerate() {
        let at = join_index(&items_path, i);
        let Some(variant) = variant(c, &at, v, read) else { continue };
        let key = variant.label.plain_text().trim().to_lowercase();
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
            let message = msg!(
                "variants-duplicate-label",
                label = variant.label.plain_text().trim()
            );
            let help = msg!("variants-duplicate-label-help", first = first.as_str());
            c.fail("duplicate-label", &join_key(&at, "label"), message, Some(help));
            continue;
        }
        seen.push((key, at));
        out.push(variant);
    }
    Some(Block::Variants { title, items: out })
}

fn example() -> Msg {
    msg!("variants-example")
}

/// One variant at `path`.
fn variant(
    c: &mut Checker<'_>,
    path: &str,
    v: &Value,
    read: ReadBlock,
) -> Option<Variant> {
    if !v.is_object() {
        let message = msg!("variant-type", found = kind_msg(json_kind(v)));
        c.fail("wrong-type", path, message, Some(example()));
        return None;
    }
    let (raw, problems) = from_value::<RawVariant>(v, path);
    for p in &problems {
        c.report.raw_problem(p, VARIANT_FIELDS);
    }
    let raw = raw?;
    let label = c.req_inline(path, "label", raw.label.as_ref(), &msg!("what-variant"));
    let body_path = join_key(path, "body");
    let body = match raw.body.as_deref() {
        None => {
            c.missing(path, "body", &msg!("what-variant"));
            None
        }
        Some([]) => {
            let help = Some(msg!("variant-empty-help"));
            c.fail("empty", &body_path, msg!("variant-empty"), help);
            None
        }
        Some(blocks) => {
            let mut out = Vec::new();
            for (j, b) in blocks.iter().enumerate() {
                let at = join_index(&body_path, j);
                let kind = b.get("type").and_then(Value::as_str);
                if let Some(kind @ ("variants" | "page_break")) = kind {
                    let (message, help) = if kind == "variants" {
                        (msg!("variant-nested"), msg!("variant-nested-help"))
                    } else {
                        (msg!("variant-page-break"), msg!("variant-page-break-help"))
                    };
                    c.fail(
                        "not-allowed-here",
                        &join_key(&at, "type"),
                        message,
                        Some(help),
                    );
                    continue;
                }
                if let Some(value) = read(c, &at, b) {
                    out.push(Located { value, path: at });
                }
            }
            Some(out)
        }
    };
    Some(Variant { label: label?, body: body? })
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{
        assert_block_errors, first_error, load_project, test_project, Case, Expected,
    };
    use super::super::types::Block;

    fn variant(label: &str) -> String {
        format!(
            r#"{{"label": "{label}", "body": [{{"type": "paragraph", "text": "x"}}]}}"#
        )
    }

    #[test]
    fn variant_errors_are_located() {
        let two = format!("{}, {}", variant("Firefox"), variant("Chrome"));
        let seven: Vec<String> = (0..7).map(|i| variant(&format!("V{i}"))).collect();
        let blocks: Vec<(String, Expected)> = vec![
            (format!(r#"{{"type": "variants", "title": "Selon le navigateur", "items": [{two}]}}"#), vec![]),
            (format!(r#"{{"type": "variants", "items": [{}]}}"#, variant("Firefox")), vec![("bad-count", "body[0].items", "[{")]),
            (format!(r#"{{"type": "variants", "items": [{}]}}"#, seven.join(", ")), vec![("bad-count", "body[0].items", "[{")]),
            (r#"{"type": "variants", "items": []}"#.into(), vec![("empty", "body[0].items", "[]")]),
            (format!(r#"{{"type": "variants", "items": [{}, {}]}}"#, variant("Edge"), variant(" edge")), vec![("duplicate-label", "body[0].items[1].label", "\" edge\"")]),
            (format!(r#"{{"type": "variants", "items": [{two}, {{"label": "Edge", "body": [{{"type": "variants", "items": [{two}]}}]}}]}}"#),
             vec![("not-allowed-here", "body[0].items[2].body[0].type", "\"variants\", \"items\": [{\"label\": \"Firefox\", \"body\": [{\"type\": \"paragraph\", \"text\": \"x\"}]}, {\"label\": \"Chrome\", \"body\": [{\"type\": \"paragraph\", \"text\": \"x\"}]}]}]}")]),
            (format!(r#"{{"type": "variants", "items": [{two}, {{"label": "Edge", "body": [{{"type": "page_break"}}]}}]}}"#), vec![("not-allowed-here", "body[0].items[2].body[0].type", "\"page_break\"")]),
            (format!(r#"{{"type": "variants", "items": [{two}, {{"label": "Edge"}}]}}"#), vec![("missing-field", "body[0].items[2].body", "{\"label\": \"Edge\"}")]),
            (format!(r#"{{"type": "variants", "items": [{two}, {{"label": "Edge", "body": []}}]}}"#), vec![("empty", "body[0].items[2].body", "[]}")]),
            (format!(r#"{{"type": "variants", "items": [{two}, {{"label": "Edge", "body": [{{"type": "paragraph"}}]}}]}}"#), vec![("missing-field", "body[0].items[2].body[0].text", "{\"type\": \"paragraph\"}")]),
            (format!(r#"{{"type": "variants", "items": [{two}, {{"label": "", "body": []}}]}}"#), vec![("empty-text", "body[0].items[2].label", "\"\""), ("empty", "body[0].items[2].body", "[]}")]),
            (r#"{"type": "variants", "items": ["Firefox", "Chrome"]}"#.into(), vec![("wrong-type", "body[0].items[0]", "\"Firefox\""), ("wrong-type", "body[0].items[1]", "\"Chrome\"")]),
        ];
        let table: Vec<Case> =
            blocks.iter().map(|(b, e)| (b.as_str(), e.as_slice())).collect();
        assert_block_errors("variants", &table);
    }

    #[test]
    fn messages_say_what_to_do() {
        let one = format!(r#"{{"type": "variants", "items": [{}]}}"#, variant("Firefox"));
        let (m, h) = first_error("variant-messages", &one, "bad-count");
        assert_eq!(m, "1 variant: a \"variants\" block has 2 to 6");
        assert!(h.unwrap().contains("directly in the body"));
        let dup = format!(
            r#"{{"type": "variants", "items": [{}, {}]}}"#,
            variant("Edge"),
            variant("EDGE")
        );
        let (m, h) = first_error("variant-messages", &dup, "duplicate-label");
        assert_eq!(m, "two variants are labelled \"EDGE\"");
        assert!(h.unwrap().contains("body[0].items[0]"));
    }

    #[test]
    fn builds_variants_with_their_paths() {
        let project = test_project("variants-built");
        project.guide(
            "g.json",
            format!(
                r#"{{"format": 1, "title": "T", "body": [{{"type": "variants", "items": [{}, {{"label": "**Chrome**", "body": [{{"type": "heading", "text": "H"}}, {{"type": "image", "src": "a.png", "alt": "A"}}]}}]}}]}}"#,
                variant("Firefox")
            ),
        );
        let loaded = load_project(&project).expect("loads");
        let guide = loaded.guides[0].result.as_ref().expect("builds");
        let Block::Variants { title, items } = &guide.body[0].value else { panic!() };
        assert!(title.is_none());
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].label.plain_text(), "Chrome");
        assert_eq!(items[1].body[1].path, "body[0].items[1].body[1]");
        let paths: Vec<&str> =
            guide.all_blocks().iter().map(|b| b.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "body[0]",
                "body[0].items[0].body[0]",
                "body[0].items[1].body[0]",
                "body[0].items[1].body[1]"
            ]
        );
        assert_eq!(guide.figures()[0].1, "body[0].items[1].body[1].src");
    }
}
