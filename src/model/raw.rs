//! Structural parsing: serde structs for each JSON object, read one object at a time.
//!
//! Every field is optional here; presence and meaning are checked in
//! validation, so that all problems of a file are reported together. Blocks
//! are one flat struct (not a tagged enum, which would lose paths); list
//! items, steps and step images stay [`Value`]s and are read on their own.
//! [`from_value`] keeps reading after a problem: it drops the offending
//! member and tries again, so one object yields all its unknown fields and
//! wrong types.

use crate::i18n::Msg;
use crate::msg;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{Number, Value};

use super::spans::{join_index, join_key};

/// Fields of `collection.json`.
pub const COLLECTION_FIELDS: &[&str] = &[
    "format",
    "title",
    "organisation",
    "lang",
    "author",
    "breadcrumb",
    "base_url",
    "disclaimer",
    "paper",
    "logo",
    "order",
    "hyphenation",
];

/// `collection.json`, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCollection {
    pub format: Option<Number>,
    pub title: Option<String>,
    pub organisation: Option<String>,
    pub lang: Option<String>,
    pub author: Option<String>,
    pub breadcrumb: Option<Vec<String>>,
    pub base_url: Option<String>,
    pub disclaimer: Option<String>,
    pub paper: Option<String>,
    pub logo: Option<String>,
    pub order: Option<Vec<String>>,
    pub hyphenation: Option<Value>,
}

/// Fields of a guide.
pub const GUIDE_FIELDS: &[&str] = &[
    "format",
    "id",
    "title",
    "description",
    "lang",
    "published",
    "updated",
    "author",
    "source_url",
    "breadcrumb",
    "audience",
    "keywords",
    "body",
];

/// A guide, as written; blocks are read one by one.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGuide {
    pub format: Option<Number>,
    pub id: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub lang: Option<String>,
    pub published: Option<String>,
    pub updated: Option<String>,
    pub author: Option<String>,
    pub source_url: Option<String>,
    pub breadcrumb: Option<Vec<String>>,
    pub audience: Option<Vec<String>>,
    pub keywords: Option<Vec<String>>,
    pub body: Option<Vec<Value>>,
}

/// Every field any block type has (each type allows only some of them).
pub const BLOCK_FIELDS: &[&str] = &[
    "type", "text", "level", "items", "ordered", "kind", "title", "src", "alt",
    "caption", "width", "header", "rows", "href", "label", "url",
];

/// A block, as written: `type` plus the fields of every type.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBlock {
    #[serde(rename = "type")]
    pub kind_name: Option<String>,
    pub text: Option<String>,
    pub level: Option<Number>,
    pub items: Option<Vec<Value>>,
    pub ordered: Option<bool>,
    pub kind: Option<String>,
    pub title: Option<String>,
    pub src: Option<String>,
    pub alt: Option<String>,
    pub caption: Option<String>,
    pub width: Option<Number>,
    pub header: Option<Vec<String>>,
    pub rows: Option<Vec<Vec<String>>>,
    pub href: Option<String>,
    pub label: Option<String>,
    pub url: Option<String>,
}

/// Fields of a list item written as an object.
pub const LIST_ITEM_FIELDS: &[&str] = &["text", "items"];

/// A list item with nested items.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawListItem {
    pub text: Option<String>,
    pub items: Option<Vec<Value>>,
}

/// Fields of a step.
pub const STEP_FIELDS: &[&str] = &["text", "image", "note"];

/// A step; its image is read on its own.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    pub text: Option<String>,
    pub image: Option<Value>,
    pub note: Option<String>,
}

/// Fields of an image inside a step (an image block has the same, plus `type`).
pub const IMAGE_FIELDS: &[&str] = &["src", "alt", "caption", "width"];

/// An image inside a step.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawImage {
    pub src: Option<String>,
    pub alt: Option<String>,
    pub caption: Option<String>,
    pub width: Option<Number>,
}

/// A structural problem found while reading one object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawProblem {
    /// A member the object does not have.
    UnknownField {
        /// Path of the member.
        path: String,
        /// Its key.
        key: String,
    },
    /// A value of the wrong JSON type.
    WrongType {
        /// Path of the value.
        path: String,
        /// What was expected, in plain words ("a string").
        expected: String,
        /// What was found ("a number").
        found: String,
    },
    /// Anything else serde reported.
    Other {
        /// Path of the value.
        path: String,
        /// serde's message.
        message: String,
    },
}

/// The JSON type of a value, in plain words.
pub fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A JSON kind in plain words ([`json_kind`], or serde's, as made plain
/// here) as a message in the reader's language; other text as it is.
pub fn kind_msg(s: &str) -> Msg {
    match s {
        "null" => msg!("kind-null"),
        "true or false" => msg!("kind-bool"),
        "a number" => msg!("kind-number"),
        "a string" => msg!("kind-string"),
        "a list" => msg!("kind-list"),
        "a list [ … ]" => msg!("kind-list-brackets"),
        "an object" => msg!("kind-object"),
        "an object { … }" => msg!("kind-object-braces"),
        "a value" => msg!("kind-value"),
        _ => match s.strip_prefix("the value ") {
            Some(v) => msg!("kind-the-value", value = v),
            None => msg!("kind-other", kind = s),
        },
    }
}

/// How many problems one object may produce before reading stops.
const MAX_PROBLEMS: usize = 64;

/// Reads the object `value` (found at `base`) as a `T`, collecting every
/// structural problem. Returns `None` only when the value as a whole is unusable
/// (e.g. a number where an object is expected).
pub fn from_value<T: DeserializeOwned>(
    value: &Value,
    base: &str,
) -> (Option<T>, Vec<RawProblem>) {
    let mut problems = Vec::new();
    if !value.is_object() {
        // serde would read a list as a struct's fields in order; refuse it.
        let found = json_kind(value).to_string();
        let expected = "an object { … }".to_string();
        problems.push(RawProblem::WrongType { path: base.to_string(), expected, found });
        return (None, problems);
    }
    let mut owned: Option<Value> = None;
    loop {
        let current = owned.as_ref().unwrap_or(value);
        let err = match serde_path_to_error::deserialize::<_, T>(current) {
            Ok(t) => return (Some(t), problems),
            Err(err) => err,
        };
        let segments: Vec<Seg> = err
            .path()
            .iter()
            .map(|s| match s {
                serde_path_to_error::Segment::Seq { index } => Seg::Index(*index),
                serde_path_to_error::Segment::Map { key } => Seg::Key(key.clone()),
                _ => Seg::Other,
            })
            .collect();
        let path = segments.iter().fold(base.to_string(), |p, s| match s {
            Seg::Index(i) => join_index(&p, *i),
            Seg::Key(k) => join_key(&p, k),
            Seg::Other => p,
        });
        problems.push(classify(&err.inner().to_string(), path, &segments));
        let mut next = owned.take().unwrap_or_else(|| value.clone());
        if problems.len() >= MAX_PROBLEMS || !remove_member(&mut next, &segments) {
            return (None, problems);
        }
        owned = Some(next);
    }
}

/// A step of a serde path.
enum Seg {
    Index(usize),
    Key(String),
    Other,
}

/// Turns serde's message into a [`RawProblem`].
fn classify(message: &str, path: String, segments: &[Seg]) -> RawProblem {
    if message.starts_with("unknown field `") {
        if let Some(Seg::Key(key)) = segments.last() {
            return RawProblem::UnknownField { path, key: key.clone() };
        }
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.rsplit_once(", expected ") {
            return RawProblem::WrongType {
                path,
                expected: plain_expected(expected),
                found: plain_found(found),
            };
        }
    }
    RawProblem::Other { path, message: message.to_string() }
}

/// serde's name for what it wanted, in plain words.
fn plain_expected(s: &str) -> String {
    match s {
        "a string" => "a string".into(),
        "a boolean" => "true or false".into(),
        "a sequence" => "a list [ … ]".into(),
        "a JSON number" | "f64" | "f32" | "u64" | "u8" | "i64" => "a number".into(),
        "any valid JSON value" => "a value".into(),
        _ if s.starts_with("struct ") || s == "a map" => "an object { … }".into(),
        _ => s.to_string(),
    }
}

/// serde's description of what it found, in plain words.
fn plain_found(s: &str) -> String {
    let kind = s.split_whitespace().next().unwrap_or("");
    match kind {
        "integer" | "floating" => "a number".into(),
        "string" => "a string".into(),
        "boolean" => {
            format!("the value {}", s.trim_start_matches("boolean ").replace('`', ""))
        }
        "map" => "an object".into(),
        "sequence" => "a list".into(),
        "unit" | "null" => "null".into(),
        _ => s.to_string(),
    }
}

/// Removes the object member nearest to the end of `segments` (the member
/// holding the bad value), so reading can go on. False if there is none.
fn remove_member(value: &mut Value, segments: &[Seg]) -> bool {
    let Some(last_key) = segments.iter().rposition(|s| matches!(s, Seg::Key(_))) else {
        return false;
    };
    let mut cur = value;
    for seg in &segments[..last_key] {
        cur = match (seg, cur) {
            (Seg::Key(k), Value::Object(map)) => match map.get_mut(k) {
                Some(v) => v,
                None => return false,
            },
            (Seg::Index(i), Value::Array(items)) => match items.get_mut(*i) {
                Some(v) => v,
                None => return false,
            },
            _ => return false,
        };
    }
    match (&segments[last_key], cur) {
        (Seg::Key(k), Value::Object(map)) => map.remove(k).is_some(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems<T: DeserializeOwned>(json: &str) -> Vec<RawProblem> {
        let value: Value = serde_json::from_str(json).unwrap();
        from_value::<T>(&value, "body[1]").1
    }

    fn unknown(path: &str, key: &str) -> RawProblem {
        RawProblem::UnknownField { path: path.into(), key: key.into() }
    }

    fn wrong(path: &str, expected: &str, found: &str) -> RawProblem {
        RawProblem::WrongType {
            path: path.into(),
            expected: expected.into(),
            found: found.into(),
        }
    }

    #[test]
    fn collects_every_problem_of_an_object() {
        let table: &[(&str, Vec<RawProblem>)] = &[
            (r#"{"type": "paragraph", "text": "x"}"#, vec![]),
            (
                r#"{"type": "paragraph", "txet": "x", "colour": 1}"#,
                vec![
                    unknown("body[1].txet", "txet"),
                    unknown("body[1].colour", "colour"),
                ],
            ),
            (r#"{"text": 3}"#, vec![wrong("body[1].text", "a string", "a number")]),
            (
                r#"{"ordered": "yes"}"#,
                vec![wrong("body[1].ordered", "true or false", "a string")],
            ),
            (r#"{"level": "2"}"#, vec![wrong("body[1].level", "a number", "a string")]),
            (
                r#"{"items": {}}"#,
                vec![wrong("body[1].items", "a list [ … ]", "an object")],
            ),
            (
                r#"{"text": true}"#,
                vec![wrong("body[1].text", "a string", "the value true")],
            ),
            (
                r#"{"rows": [["a", "b"], ["c", 4]], "header": [null]}"#,
                vec![
                    wrong("body[1].rows[1][1]", "a string", "a number"),
                    wrong("body[1].header[0]", "a string", "null"),
                ],
            ),
            (r#"[1]"#, vec![wrong("body[1]", "an object { … }", "a list")]),
        ];
        for (json, expect) in table {
            // Members are read in key order (serde_json's map is sorted).
            let mut got = problems::<RawBlock>(json);
            let mut expect = expect.clone();
            got.sort_by_key(|p| format!("{p:?}"));
            expect.sort_by_key(|p| format!("{p:?}"));
            assert_eq!(got, expect, "{json}");
        }
    }

    #[test]
    fn field_lists_match_the_structs() {
        fn check<T: DeserializeOwned>(fields: &[&str]) {
            for f in fields {
                assert_eq!(problems::<T>(&format!("{{\"{f}\": null}}")), vec![], "{f}");
            }
            assert_eq!(
                problems::<T>("{\"zzz\": null}"),
                vec![unknown("body[1].zzz", "zzz")]
            );
        }
        check::<RawCollection>(COLLECTION_FIELDS);
        check::<RawGuide>(GUIDE_FIELDS);
        check::<RawBlock>(BLOCK_FIELDS);
        check::<RawListItem>(LIST_ITEM_FIELDS);
        check::<RawStep>(STEP_FIELDS);
        check::<RawImage>(IMAGE_FIELDS);
    }

    #[test]
    fn keeps_good_fields_after_bad_ones() {
        let value: Value =
            serde_json::from_str(r#"{"titel": "x", "title": "T", "body": 3}"#).unwrap();
        let (guide, problems) = from_value::<RawGuide>(&value, "");
        let guide = guide.unwrap();
        assert_eq!(guide.title.as_deref(), Some("T"));
        assert!(guide.body.is_none());
        // Members are read in key order: `body` before `titel`.
        assert_eq!(
            problems,
            vec![wrong("body", "a list [ … ]", "a number"), unknown("titel", "titel")]
        );
    }
}
