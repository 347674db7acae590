//! The JSON Schemas of the format: the committed copies are current, they
//! accept every bundled guide, they agree with the parser on what is
//! refused, and the format's reference (`docs/guide-format.md`) documents
//! every name they define and shows only examples the parser accepts.
//! Regenerate the copies with `UPDATE_SCHEMA=1 cargo test --test schema`.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use guidepress::model::blocks::{fields_of, BLOCK_TYPES};
use guidepress::model::raw::{
    COLLECTION_FIELDS, GUIDE_FIELDS, IMAGE_FIELDS, LIST_ITEM_FIELDS, STEP_FIELDS,
};
use guidepress::model::schema::{schema, schema_text, SchemaKind};
use guidepress::model::{load, LoadOptions};
use serde_json::{json, Value};

fn validator(kind: SchemaKind) -> jsonschema::Validator {
    jsonschema::validator_for(&schema(kind)).expect("the generated schema is valid")
}

fn schema_errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

#[test]
fn committed_schemas_are_current() {
    let dir = common::root().join("schema");
    let update = std::env::var_os("UPDATE_SCHEMA").is_some();
    let mut stale = Vec::new();
    for kind in SchemaKind::ALL {
        let path = dir.join(kind.file_name());
        let fresh = schema_text(kind);
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &fresh).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(fresh.as_str()) {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "{stale:?} differ from the types in src/model/schema.rs; \
         regenerate with `UPDATE_SCHEMA=1 cargo test --test schema` and commit them"
    );
}

#[test]
fn the_cli_prints_the_same_schemas() {
    let dir = common::temp_dir("schema-cli");
    for (arg, kind) in
        [("guide", SchemaKind::Guide), ("collection", SchemaKind::Collection)]
    {
        let run = common::cli::guidepress(&dir, &["schema", arg]);
        assert_eq!(run.code, 0);
        assert_eq!(run.stdout, schema_text(kind));
    }
    assert_eq!(
        common::cli::guidepress(&dir, &["schema"]).stdout,
        schema_text(SchemaKind::Guide)
    );
}

#[test]
fn schemas_accept_every_bundled_file() {
    let guide = validator(SchemaKind::Guide);
    let collection = validator(SchemaKind::Collection);
    let mut seen = 0;
    for e in std::fs::read_dir(common::root().join("guides")).unwrap().flatten() {
        let path = e.path();
        if path.extension().and_then(|x| x.to_str()) != Some("json") {
            continue;
        }
        let v: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let is_collection = path.file_name().unwrap() == "collection.json";
        let errors = schema_errors(if is_collection { &collection } else { &guide }, &v);
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        seen += 1;
    }
    assert_eq!(seen, 7);
}

/// The `properties` of the schema object `o`, as a set.
fn properties(o: &Value) -> BTreeSet<String> {
    o["properties"].as_object().expect("properties").keys().cloned().collect()
}

fn set(fields: &[&str]) -> BTreeSet<String> {
    fields.iter().map(|f| f.to_string()).collect()
}

#[test]
fn schema_fields_match_the_parser() {
    let g = schema(SchemaKind::Guide);
    let c = schema(SchemaKind::Collection);
    let defs = &g["definitions"];
    assert_eq!(properties(&g), set(GUIDE_FIELDS));
    assert_eq!(properties(&c), set(COLLECTION_FIELDS));
    assert_eq!(properties(&defs["Step"]), set(STEP_FIELDS));
    assert_eq!(properties(&defs["StepImage"]), set(IMAGE_FIELDS));
    assert_eq!(properties(&defs["NestedItem"]), set(LIST_ITEM_FIELDS));
    for o in [&g, &c, &defs["Step"], &defs["StepImage"], &defs["NestedItem"]] {
        assert_eq!(o["additionalProperties"], false, "{o:#}");
    }
    // One variant per block type of the spec, each with exactly its own fields.
    let variants = defs["Block"]["oneOf"].as_array().expect("Block is a oneOf");
    let mut types = Vec::new();
    for v in variants {
        let t =
            v["properties"]["type"]["const"].as_str().expect("a const type").to_string();
        let mut own: Vec<&str> = fields_of(&t).expect("a spec block type").to_vec();
        own.push("type");
        assert_eq!(properties(v), set(&own), "{t}");
        assert_eq!(v["additionalProperties"], false, "{t}");
        types.push(t);
    }
    assert_eq!(types, BLOCK_TYPES);
}

/// A guide file: `body` blocks inside a valid envelope.
fn guide(fields: &str, body: &str) -> String {
    format!("{{\"format\": 1, \"title\": \"T\", {fields}\"body\": [{body}]}}")
}

/// Writes each case into a copy of the bundled project, loads it with the
/// real parser, and returns each case's verdict (true = accepted).
fn parser_verdicts(name: &str, cases: &[(&str, String)]) -> Vec<bool> {
    let dir = common::project_copy(name);
    for (i, (_, text)) in cases.iter().enumerate() {
        std::fs::write(dir.join(format!("guides/case-{i:02}.json")), text).unwrap();
    }
    let loaded = load(&LoadOptions {
        guides_dir: dir.join("guides"),
        images_dir: dir.join("images"),
    })
    .expect("the project loads");
    (0..cases.len())
        .map(|i| {
            let file = format!("case-{i:02}.json");
            let g = loaded
                .guides
                .iter()
                .find(|g| g.file.file_name().unwrap() == Path::new(&file))
                .expect("the case was read");
            g.result.is_ok()
        })
        .collect()
}

#[test]
fn schema_and_parser_refuse_the_spec_bad_cases() {
    let img = r#"{"type": "image", "src": "firefox-menu.png", "alt": "A"}"#;
    let cases: Vec<(&str, String)> = vec![
        ("unknown field", guide("\"titel\": \"x\", ", img)),
        (
            "unknown block field",
            guide("", r#"{"type": "paragraph", "text": "x", "colour": 1}"#),
        ),
        (
            "field of another block type",
            guide("", r#"{"type": "paragraph", "text": "x", "level": 1}"#),
        ),
        ("wrong type", guide("\"keywords\": \"a, b\", ", img)),
        ("wrong type in a block", guide("", r#"{"type": "list", "items": "x"}"#)),
        ("missing title", r#"{"format": 1, "body": [{"type": "page_break"}]}"#.into()),
        ("missing body", r#"{"format": 1, "title": "T"}"#.into()),
        ("empty body", guide("", "")),
        ("missing format", r#"{"title": "T", "body": [{"type": "page_break"}]}"#.into()),
        (
            "format 2",
            r#"{"format": 2, "title": "T", "body": [{"type": "page_break"}]}"#.into(),
        ),
        ("bad block type", guide("", r#"{"type": "video", "src": "x.mp4"}"#)),
        ("block without type", guide("", r#"{"text": "x"}"#)),
        ("missing block field", guide("", r#"{"type": "paragraph"}"#)),
        (
            "bad callout kind",
            guide("", r#"{"type": "callout", "kind": "danger", "text": "x"}"#),
        ),
        ("heading level 4", guide("", r#"{"type": "heading", "text": "x", "level": 4}"#)),
        (
            "width 0",
            guide(
                "",
                r#"{"type": "image", "src": "firefox-menu.png", "alt": "A", "width": 0}"#,
            ),
        ),
        (
            "width 1.5",
            guide(
                "",
                r#"{"type": "image", "src": "firefox-menu.png", "alt": "A", "width": 1.5}"#,
            ),
        ),
        (
            "empty alt",
            guide("", r#"{"type": "image", "src": "firefox-menu.png", "alt": "  "}"#),
        ),
        ("bad lang", guide("\"lang\": \"de\", ", img)),
        ("bad id", guide("\"id\": \"Vider Cache\", ", img)),
        ("bad date", guide("\"updated\": \"13/03/2022\", ", img)),
        ("bad source url", guide("\"source_url\": \"ftp://x.org\", ", img)),
        ("bad qr url", guide("", r#"{"type": "qr", "url": "javascript:alert(1)"}"#)),
        (
            "unknown step field",
            guide("", r#"{"type": "steps", "items": [{"text": "x", "picture": "y"}]}"#),
        ),
        (
            "unknown step image field",
            guide(
                "",
                r#"{"type": "steps", "items": [{"text": "x", "image": {"src": "firefox-menu.png", "alt": "A", "type": "image"}}]}"#,
            ),
        ),
        (
            "nested item without text",
            guide("", r#"{"type": "list", "items": [{"items": ["x"]}]}"#),
        ),
        ("table cell not text", guide("", r#"{"type": "table", "rows": [["a", 1]]}"#)),
    ];
    let v = validator(SchemaKind::Guide);
    let parser = parser_verdicts("schema-bad", &cases);
    for ((name, text), parsed) in cases.iter().zip(parser) {
        let instance: Value = serde_json::from_str(text).expect(name);
        assert!(!parsed, "{name}: the parser should refuse it");
        assert!(!v.is_valid(&instance), "{name}: the schema should refuse it:\n{text}");
    }
}

#[test]
fn schema_and_parser_accept_the_same_edge_cases() {
    let cases: Vec<(&str, String)> = vec![
        ("optional fields set to null", guide("\"author\": null, \"lang\": null, ", r#"{"type": "heading", "text": "x", "level": null}"#)),
        ("every block type", guide(
            "\"id\": \"every-block\", \"lang\": \"en\", \"published\": \"2020-01-01\", \"updated\": \"2021-02-03\", ",
            r#"{"type": "heading", "text": "H", "level": 3},
               {"type": "paragraph", "text": "**b** *i* `c` [l](guide:vider-cache)"},
               {"type": "list", "ordered": true, "items": ["a", {"text": "b", "items": ["c", {"text": "d", "items": ["e"]}]}]},
               {"type": "steps", "items": [{"text": "s", "note": "n", "image": {"src": "firefox-menu.png", "alt": "A", "caption": "c", "width": 0.5}}]},
               {"type": "callout", "kind": "important", "title": "t", "text": "x"},
               {"type": "image", "src": "firefox-menu.png", "alt": "A", "width": 1},
               {"type": "table", "header": ["a", "b"], "rows": [["1", "2"]]},
               {"type": "attachment", "href": "files/ma-premiere-connexion.pdf", "label": "l"},
               {"type": "qr", "url": "mailto:a@b.fr", "caption": "c"},
               {"type": "page_break"}"#,
        )),
        ("format 1.0", r#"{"format": 1.0, "title": "T", "body": [{"type": "page_break"}]}"#.into()),
    ];
    let v = validator(SchemaKind::Guide);
    let parser = parser_verdicts("schema-good", &cases);
    for ((name, text), parsed) in cases.iter().zip(parser) {
        let instance: Value = serde_json::from_str(text).expect(name);
        assert!(parsed, "{name}: the parser should accept it");
        let errors = schema_errors(&v, &instance);
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

#[test]
fn collection_schema_refuses_what_the_parser_refuses() {
    let v = validator(SchemaKind::Collection);
    let bad = [
        json!({"format": 1}),
        json!({"format": 1, "title": "C", "titel": "C"}),
        json!({"format": 1, "title": "C", "paper": "a4"}),
        json!({"format": 1, "title": "C", "base_url": "ftp://x"}),
        json!({"format": 1, "title": "C", "order": ["A b"]}),
        json!({"format": 1, "title": "C", "lang": "de"}),
        json!({"format": 1, "title": "C", "hyphenation": ["cookies"]}),
        json!({"format": 1, "title": "C", "hyphenation": {"e-mail": "e-mail"}}),
        json!({"format": 1, "title": "C", "hyphenation": {"cookies": 1}}),
        json!({"format": 1, "title": "C", "hyphenation": {"cookies": "-cookies"}}),
        json!({"format": 1, "title": "C", "hyphenation": {"cookies": "coo--kies"}}),
    ];
    for b in bad {
        assert!(!v.is_valid(&b), "{b}");
    }
    assert!(
        v.is_valid(&json!({"format": 1, "title": "C", "paper": "Letter", "order": []}))
    );
    let words =
        json!({"cookies": "cookies", "navigateur": "na-vi-ga-teur", "écran": "é-cran"});
    assert!(v.is_valid(&json!({"format": 1, "title": "C", "hyphenation": words})));
}

/// The format's reference, `docs/guide-format.md`.
fn reference() -> String {
    let path = common::root().join("docs/guide-format.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The contents of the inline code spans of `markdown`, outside fenced code
/// blocks: what is written between matching runs of backquotes, with one
/// space of padding trimmed on each side as CommonMark does.
fn code_spans(markdown: &str) -> BTreeSet<String> {
    let mut fenced = false;
    let mut prose = String::new();
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced {
            prose.push_str(line);
            prose.push(' ');
        }
    }
    let chars: Vec<char> = prose.chars().collect();
    let run_at = |i: usize| chars[i..].iter().take_while(|&&c| c == '`').count();
    let mut spans = BTreeSet::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '`' {
            i += 1;
            continue;
        }
        let open = run_at(i);
        let start = i + open;
        let mut j = start;
        let close = loop {
            if j >= chars.len() {
                break None;
            }
            if chars[j] == '`' {
                let run = run_at(j);
                if run == open {
                    break Some(j);
                }
                j += run;
            } else {
                j += 1;
            }
        };
        let Some(end) = close else {
            i = start; // an unmatched run is literal text
            continue;
        };
        let content: String = chars[start..end].iter().collect();
        let trimmed = match content.strip_prefix(' ').and_then(|c| c.strip_suffix(' ')) {
            Some(inner) if !inner.trim().is_empty() => inner.to_string(),
            _ => content,
        };
        spans.insert(trimmed);
        i = end + open;
    }
    spans
}

/// Every name the schema `v` defines, with where: property names at any
/// depth, and the string values of `const` and `enum` (block types, callout
/// kinds, languages, paper sizes).
fn schema_names(v: &Value, at: &str, out: &mut BTreeMap<String, String>) {
    match v {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get("properties") {
                for key in props.keys() {
                    out.entry(key.clone()).or_insert_with(|| format!("{at}/properties"));
                }
            }
            if let Some(Value::String(c)) = map.get("const") {
                out.entry(c.clone()).or_insert_with(|| format!("{at}/const"));
            }
            if let Some(Value::Array(values)) = map.get("enum") {
                for e in values.iter().filter_map(Value::as_str) {
                    out.entry(e.to_string()).or_insert_with(|| format!("{at}/enum"));
                }
            }
            for (k, child) in map {
                schema_names(child, &format!("{at}/{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                schema_names(child, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn code_spans_are_read_as_markdown_writes_them() {
    let md = "a `title` and `` `code` `` and ``a`b`` then `\\`\n```json\n`hidden`\n```\n`lang\nx` `\"fr\"` `unclosed";
    let got: Vec<String> = code_spans(md).into_iter().collect();
    assert_eq!(got, ["\"fr\"", "\\", "`code`", "a`b", "lang x", "title"]);
}

#[test]
fn the_reference_documents_every_schema_name() {
    let spans = code_spans(&reference());
    let mut missing = Vec::new();
    for kind in SchemaKind::ALL {
        let mut names = BTreeMap::new();
        schema_names(&schema(kind), "#", &mut names);
        assert!(names.contains_key("body") || names.contains_key("order"), "{names:?}");
        for (name, at) in names {
            let quoted = format!("\"{name}\"");
            if !spans.contains(&name) && !spans.contains(&quoted) {
                missing.push(format!("{name} ({} {at})", kind.file_name()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "docs/guide-format.md does not mention these schema names in backquotes \
         (write `name`, or `\"value\"` for a value): {missing:#?}"
    );
}

#[test]
fn every_example_of_the_reference_is_accepted() {
    let doc = reference();
    let mut examples = Vec::new();
    let mut current: Option<String> = None;
    for line in doc.lines() {
        match (&mut current, line.trim_start()) {
            (None, "```json") => current = Some(String::new()),
            (Some(text), "```") => {
                examples.push(std::mem::take(text));
                current = None;
            }
            (Some(text), _) => {
                text.push_str(line);
                text.push('\n');
            }
            (None, _) => {}
        }
    }
    let dir = common::project_copy("reference-examples");
    let guides = dir.join("guides");
    let (mut blocks, mut sheets, mut collections) = (Vec::new(), 0, 0);
    for (i, text) in examples.iter().enumerate() {
        let v: Value = serde_json::from_str(text)
            .unwrap_or_else(|e| panic!("example {} is not JSON: {e}\n{text}", i + 1));
        if v.get("type").is_some() {
            blocks.push(v);
        } else if v.get("body").is_some() {
            // An example guide replaces the bundled guide with its id.
            let id = v["id"].as_str().map_or(format!("example-{i}"), str::to_string);
            std::fs::write(guides.join(format!("{id}.json")), text).unwrap();
            sheets += 1;
        } else {
            std::fs::write(guides.join("collection.json"), text).unwrap();
            collections += 1;
        }
    }
    let types: BTreeSet<&str> =
        blocks.iter().filter_map(|b| b["type"].as_str()).collect();
    assert_eq!(
        types,
        BLOCK_TYPES.iter().copied().collect(),
        "one example per block type"
    );
    assert!(
        sheets >= 1 && collections == 1,
        "{sheets} guides, {collections} collections"
    );
    let guide = json!({"format": 1, "title": "Every block", "body": blocks});
    std::fs::write(guides.join("reference-blocks.json"), guide.to_string()).unwrap();
    let loaded =
        load(&LoadOptions { guides_dir: guides, images_dir: dir.join("images") })
            .unwrap_or_else(|d| panic!("the example collection is refused: {d:#?}"));
    for g in &loaded.guides {
        if let Err(errors) = &g.result {
            let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("{}: {shown:#?}", g.file.display());
        }
    }
    assert!(loaded.guides.iter().any(|g| g.id == "reference-blocks"));
}
