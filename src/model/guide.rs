//! Guide validation: one guide file read, checked field by field, defaults applied.

use crate::i18n::{Arg, Msg};
use crate::msg;
use std::path::{Path, PathBuf};

use serde_json::{Number, Value};

use super::blocks::block;
use super::chars::check_chars;
use super::check::{Checker, Env, GuideRef};
use super::diag::Diagnostic;
use super::input::read_input;
use super::raw::{from_value, json_kind, kind_msg, RawGuide, GUIDE_FIELDS};
use super::report::Report;
use super::source::{decode_text, read_source, report_duplicates, MAX_JSON};
use super::spans::join_index;
use super::types::{Collection, Date, Guide, Located};
use super::values::{
    is_date_shaped, is_slug, parse_date, parse_lang, slugify, suggest, MAX_ID_BYTES,
};

/// A guide file after reading, before the checks that need all guides.
#[derive(Debug)]
pub struct GuideDraft {
    /// The guide's id: its valid `id`, else the file stem.
    pub id: String,
    /// The file.
    pub file: PathBuf,
    /// The guide, or its errors.
    pub result: Result<Guide, Vec<Diagnostic>>,
    /// Warnings about this guide.
    pub warnings: Vec<Diagnostic>,
    /// Its `guide:` links.
    pub refs: Vec<GuideRef>,
    /// Where to report a duplicate id (at `id`, or the whole file).
    pub id_site: Diagnostic,
}

/// Checks a `format` field (required, must be 1).
pub fn check_format(c: &mut Checker<'_>, format: Option<&Number>, what: &Msg) {
    match format {
        None => {
            let d = c
                .report
                .error("missing-field", "format", msg!("field-missing", field = "format"))
                .help(msg!("format-missing-help", what = what.clone()));
            c.report.push(d);
        }
        Some(n) if n.as_f64() == Some(1.0) => {}
        Some(n) => c.fail(
            "unsupported-format",
            "format",
            msg!("unsupported-format", format = n.to_string()),
            Some(msg!("unsupported-format-help")),
        ),
    }
}

/// Reads and validates the guide in `file`, applying `collection`'s defaults.
pub fn load_guide(file: &Path, collection: &Collection, env: &Env<'_>) -> GuideDraft {
    let stem = file_stem(file);
    let bare = |result, id_site| GuideDraft {
        id: stem.clone(),
        file: file.to_path_buf(),
        result,
        warnings: Vec::new(),
        refs: Vec::new(),
        id_site,
    };
    let source = match read_source(file) {
        Ok(s) => s,
        Err(d) => {
            return bare(
                Err(vec![*d]),
                Diagnostic::error("duplicate-id", file, msg!("duplicate-id")),
            )
        }
    };
    let probed = id_of(&source.value, &stem);
    let mut c = Checker::new(Report::new(file, &source.text, &source.spans), env);
    report_duplicates(&mut c.report, &source.spans);
    check_chars(&mut c.report, &source.value, "");
    if !source.value.is_object() {
        let message =
            msg!("guide-not-object", found = kind_msg(json_kind(&source.value)));
        c.fail("wrong-type", "", message, None);
    }
    let (raw, problems) = if source.value.is_object() {
        from_value::<RawGuide>(&source.value, "")
    } else {
        (None, Vec::new())
    };
    for p in &problems {
        c.report.raw_problem(p, GUIDE_FIELDS);
    }
    let Some(raw) = raw else {
        let (errors, _) = c.report.finish();
        let site = Diagnostic::error("duplicate-id", file, msg!("duplicate-id"));
        let mut draft = bare(Err(errors), site);
        draft.id = probed;
        return draft;
    };
    let id_site = if raw.id.is_some() {
        c.report.error("duplicate-id", "id", msg!("duplicate-id"))
    } else {
        Diagnostic::error("duplicate-id", file, msg!("duplicate-id"))
    };
    let id = check_id(&mut c, raw.id.as_deref(), &stem);
    let guide = check_guide(&mut c, &raw, collection, file, id);
    let refs = std::mem::take(&mut c.refs);
    let (errors, warnings) = c.report.finish();
    let result = match guide {
        Some(g) if errors.is_empty() => Ok(g),
        _ => Err(errors),
    };
    GuideDraft { id: probed, file: file.to_path_buf(), result, warnings, refs, id_site }
}

/// The id a guide file goes by before it is read in full: its `id` when
/// that is a valid slug, else its file stem (also when the file cannot be
/// read or parsed). [`load_guide`] gives its draft the same id, so ids can
/// be checked across guides before any guide is validated.
pub fn probe_id(file: &Path) -> String {
    let stem = file_stem(file);
    let value = read_input(file, MAX_JSON)
        .ok()
        .and_then(|bytes| decode_text(file, bytes).ok())
        .and_then(|text| serde_json::from_str::<Value>(&text).ok());
    match value {
        Some(v) => id_of(&v, &stem),
        None => stem,
    }
}

/// `id` of the parsed guide `value` when it is a valid slug, else `stem`.
fn id_of(value: &Value, stem: &str) -> String {
    match value.get("id").and_then(Value::as_str) {
        Some(id) if is_slug(id) => id.to_string(),
        _ => stem.to_string(),
    }
}

fn file_stem(file: &Path) -> String {
    file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Ids a guide may not take: the web site's index page is `index.html`,
/// beside the guides' `<id>.html`.
pub const RESERVED_IDS: &[&str] = &["index"];

/// The guide's id: `id` if given, else the file stem; both must be slugs,
/// and not a [reserved](RESERVED_IDS) one.
fn check_id(c: &mut Checker<'_>, id: Option<&str>, stem: &str) -> Option<String> {
    let reserved = id.unwrap_or(stem);
    if RESERVED_IDS.contains(&reserved) {
        let (path, message, help) = match id {
            Some(_) => (
                "id",
                msg!("reserved-id", id = reserved),
                msg!("reserved-id-help", id = reserved),
            ),
            None => (
                "",
                msg!("reserved-file-name", id = reserved),
                msg!("reserved-file-name-help", id = reserved),
            ),
        };
        c.fail("bad-id", path, message, Some(help));
        return None;
    }
    let too_long = id.unwrap_or(stem);
    if is_slug(too_long) && too_long.len() > MAX_ID_BYTES {
        let (path, message, help) = match id {
            Some(_) => (
                "id",
                msg!("id-too-long", bytes = too_long.len(), max = MAX_ID_BYTES),
                msg!("id-too-long-help", max = MAX_ID_BYTES),
            ),
            None => (
                "",
                msg!("file-name-too-long", bytes = too_long.len(), max = MAX_ID_BYTES),
                msg!("file-name-too-long-help", max = MAX_ID_BYTES),
            ),
        };
        c.fail("bad-id", path, message, Some(help));
        return None;
    }
    match id {
        Some(id) if is_slug(id) => Some(id.to_string()),
        Some(id) => {
            let message = msg!("bad-id", id = id);
            c.fail("bad-id", "id", message, Some(slug_help(id)));
            None
        }
        None if is_slug(stem) => Some(stem.to_string()),
        None => {
            let slug = slugify(stem);
            let message = msg!("bad-file-name", stem = stem);
            let help = if slug.is_empty() {
                msg!("bad-file-name-help")
            } else {
                msg!("bad-file-name-slug-help", slug = slug)
            };
            c.fail("bad-id", "", message, Some(help));
            None
        }
    }
}

fn slug_help(s: &str) -> Msg {
    let slug = slugify(s);
    if slug.is_empty() {
        msg!("for-example", example = "vider-cache")
    } else {
        msg!("for-example", example = slug)
    }
}

/// A date field, reported as `bad-date` if malformed or not in the calendar.
pub fn check_date(
    c: &mut Checker<'_>,
    path: &str,
    date: Option<&String>,
) -> Option<Date> {
    match parse_date(date?) {
        Ok(d) => Some(d),
        Err(message) => {
            // A well-formed date whose day or month does not exist gets no
            // "write dates as YYYY-MM-DD" hint: it is written so.
            let help = (!is_date_shaped(date?)).then(|| msg!("date-help"));
            c.fail("bad-date", path, message, help);
            None
        }
    }
}

/// Checks every field but `id`; `None` when a required part is unusable.
fn check_guide(
    c: &mut Checker<'_>,
    raw: &RawGuide,
    collection: &Collection,
    file: &Path,
    id: Option<String>,
) -> Option<Guide> {
    check_format(c, raw.format.as_ref(), &msg!("what-guide"));
    let title = c.req_inline("", "title", raw.title.as_ref(), &msg!("what-guide"));
    let description = c.opt_inline("description", raw.description.as_ref());
    let lang = match raw.lang.as_deref() {
        None => collection.lang,
        Some(l) => match parse_lang(l) {
            Some(lang) => lang,
            None => {
                let message = msg!("unknown-lang", lang = l);
                c.fail("bad-value", "lang", message, Some(suggest(l, &["fr", "en"])));
                collection.lang
            }
        },
    };
    let published = check_date(c, "published", raw.published.as_ref());
    let updated = check_date(c, "updated", raw.updated.as_ref());
    if let (Some(p), Some(u)) = (published, updated) {
        if u < p {
            let message = msg!(
                "date-order",
                updated = Arg::Date(u.iso()),
                published = Arg::Date(p.iso())
            );
            c.fail("date-order", "updated", message, Some(msg!("date-order-help")));
        }
    }
    let author =
        c.opt_plain("author", raw.author.as_ref()).or_else(|| collection.author.clone());
    let source_url = raw
        .source_url
        .as_deref()
        .and_then(|u| c.url("source_url", u, &["https", "http"]));
    let breadcrumb = c
        .plain_list("breadcrumb", raw.breadcrumb.as_ref())
        .unwrap_or_else(|| collection.breadcrumb.clone());
    let audience = c.plain_list("audience", raw.audience.as_ref()).unwrap_or_default();
    let keywords = c.plain_list("keywords", raw.keywords.as_ref()).unwrap_or_default();
    let body = match &raw.body {
        None => {
            c.missing("", "body", &msg!("what-guide"));
            None
        }
        Some(blocks) if blocks.is_empty() => {
            c.fail("empty", "body", msg!("body-empty"), Some(msg!("body-empty-help")));
            None
        }
        Some(blocks) => {
            let mut out = Vec::new();
            for (i, v) in blocks.iter().enumerate() {
                let path = join_index("body", i);
                if let Some(value) = block(c, &path, v) {
                    out.push(Located { value, path });
                }
            }
            Some(out)
        }
    };
    Some(Guide {
        id: id?,
        file: file.to_path_buf(),
        title: title?,
        description,
        lang,
        published,
        updated,
        author,
        source_url,
        breadcrumb,
        audience,
        keywords,
        body: body?,
    })
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{brief, errors_of, find, load_project, test_project};
    use super::super::types::Lang;

    #[test]
    fn guide_errors_are_located() {
        // (file name, text, [(code, path, needle where the error points)])
        let body = r#""body": [{"type": "paragraph", "text": "x"}]"#;
        type Case<'a> = (&'a str, String, Vec<(&'a str, &'a str, &'a str)>);
        // Ids at and past the limit (MAX_ID_BYTES = 100), given or from the file name.
        let (id_100, id_101) = ("a".repeat(100), "b".repeat(101));
        let (file_100, file_101) = (format!("{id_100}.json"), format!("{id_101}.json"));
        let (stem_100, stem_101) =
            (format!("{}.json", "c".repeat(100)), format!("{}.json", "d".repeat(101)));
        let table: Vec<Case> = vec![
            ("g.json", format!("{{\"format\": 1, \"title\": \"T\", {body}}}"), vec![]),
            (&file_100, format!("{{\"format\": 1, \"id\": \"{id_100}\", \"title\": \"T\", {body}}}"), vec![]),
            (
                &file_101,
                format!("{{\"format\": 1, \"id\": \"{id_101}\", \"title\": \"T\", {body}}}"),
                vec![("bad-id", "id", "\"bbb")],
            ),
            (&stem_100, format!("{{\"format\": 1, \"title\": \"T\", {body}}}"), vec![]),
            (&stem_101, format!("{{\"format\": 1, \"title\": \"T\", {body}}}"), vec![("bad-id", "", "{")]),
            ("g.json", format!("{{\"title\": \"T\", {body}}}"), vec![("missing-field", "format", "{")]),
            (
                "g.json",
                format!("{{\"format\": 2, \"title\": \"T\", {body}}}"),
                vec![("unsupported-format", "format", "2")],
            ),
            (
                "g.json",
                format!("{{\"format\": 1,\n \"titel\": \"T\", {body}}}"),
                vec![("missing-field", "title", "{"), ("unknown-field", "titel", "\"titel\"")],
            ),
            (
                "g.json",
                format!("{{\"format\": 1, \"id\": \"Vider Cache\", \"title\": \"T\", {body}}}"),
                vec![("bad-id", "id", "\"Vider")],
            ),
            ("Vider Cache.json", format!("{{\"format\": 1, \"title\": \"T\", {body}}}"), vec![("bad-id", "", "{")]),
            ("index.json", format!("{{\"format\": 1, \"title\": \"T\", {body}}}"), vec![("bad-id", "", "{")]),
            (
                "index.json",
                format!("{{\"format\": 1, \"id\": \"index\", \"title\": \"T\", {body}}}"),
                vec![("bad-id", "id", "\"index")],
            ),
            (
                "g.json",
                format!("{{\"format\": 1, \"title\": \"T\", \"published\": \"2023-02-29\", {body}}}"),
                vec![("bad-date", "published", "\"2023")],
            ),
            (
                "g.json",
                format!("{{\"format\": 1, \"title\": \"T\", \"published\": \"2024-02-29\", \"updated\": \"2024-02-28\", {body}}}"),
                vec![("date-order", "updated", "\"2024-02-28")],
            ),
            (
                "g.json",
                format!("{{\"format\": 1, \"title\": \"T\", \"lang\": \"de\", {body}}}"),
                vec![("bad-value", "lang", "\"de\"")],
            ),
            (
                "g.json",
                format!("{{\"format\": 1, \"title\": \"T\", \"source_url\": \"www.x.org\", {body}}}"),
                vec![("bad-url", "source_url", "\"www")],
            ),
            (
                "g.json",
                format!("{{\"format\": 1, \"title\": \"T\", \"audience\": [\"a\", \"\"], {body}}}"),
                vec![("empty-text", "audience[1]", "\"\"")],
            ),
            ("g.json", "{\"format\": 1, \"title\": \"T\", \"body\": []}".into(), vec![("empty", "body", "[]")]),
            ("g.json", "{\"format\": 1, \"title\": \"T\"}".into(), vec![("missing-field", "body", "{")]),
            ("g.json", "[1, 2]".into(), vec![("wrong-type", "", "[")]),
            (
                "g.json",
                format!("{{\"format\": 1,\n  \"title\": \"T\",\n  \"title\": \"U\", {body}}}"),
                vec![("duplicate-field", "title", "\"title\": \"U\"")],
            ),
            (
                "g.json",
                "{\"format\": 1,\n  \"title\": \"T\",\n  \"body\": [\n    {\"type\": \"paragraph\", \"text\": \"x\"},\n  ]\n}".into(),
                vec![("json-syntax", "", ",\n  ]")],
            ),
            (
                "g.json",
                "{\"format\": \"1\", \"title\": [], \"body\": [{\"type\": \"heading\", \"text\": \"**a\", \"level\": 9}]}".into(),
                vec![
                    ("wrong-type", "format", "\"1\""),
                    ("wrong-type", "title", "[]"),
                    ("inline-markup", "body[0].text", "**a"),
                    ("out-of-range", "body[0].level", "9"),
                ],
            ),
        ];
        for (name, text, expect) in table {
            let project = test_project("guide-errors");
            project.guide(name, &text);
            let loaded = load_project(&project).expect("project loads");
            let id = name.trim_end_matches(".json");
            let got = brief(&errors_of(&loaded, id));
            let expect: Vec<_> = expect
                .iter()
                .map(|&(code, path, needle)| {
                    let (line, column) = find(&text, needle);
                    (code, path.to_string(), line, column)
                })
                .collect();
            assert_eq!(got, expect, "{text}");
        }
    }

    #[test]
    fn suggests_a_file_name_for_bad_stems() {
        let project = test_project("bad-stem");
        project.guide(
            "Vider Cache.json",
            "{\"format\": 1, \"title\": \"T\", \"body\": [{\"type\": \"page_break\"}]}",
        );
        let loaded = load_project(&project).unwrap();
        let e = &errors_of(&loaded, "Vider Cache")[0];
        assert!(
            e.message.en().contains("\"Vider Cache.json\" is not a valid guide id"),
            "{}",
            e.message
        );
        assert_eq!(
            e.suggestion.as_ref().map(|s| s.en()).as_deref(),
            Some(
                "rename the file to \"vider-cache.json\", or add \"id\": \"vider-cache\""
            )
        );
    }

    #[test]
    fn accepts_bom_and_crlf_and_refuses_latin1() {
        let project = test_project("encodings");
        project.guide(
            "win.json",
            b"\xEF\xBB\xBF{\r\n  \"format\": 1,\r\n  \"title\": \"\xC3\x89t\xC3\xA9\",\r\n  \"body\": [{\"type\": \"paragraph\", \"text\": \"a\\r\\nb\"}]\r\n}\r\n",
        );
        project.guide(
            "latin.json",
            b"{\"format\": 1,\n \"title\": \"\xC9t\xE9\", \"body\": []}",
        );
        let loaded = load_project(&project).unwrap();
        let win = loaded.guides.iter().find(|g| g.id == "win").unwrap();
        let guide = win.result.as_ref().expect("BOM + CRLF accepted");
        assert_eq!(guide.title.plain_text(), "Été");
        match &guide.body[0].value {
            super::super::types::Block::Paragraph { text } => {
                assert_eq!(text.plain_text(), "a\nb")
            }
            other => panic!("{other:?}"),
        }
        let errors = errors_of(&loaded, "latin");
        assert_eq!(brief(&errors), [("not-utf8", String::new(), 2, 12)]);
        assert_eq!(
            errors[0].message.en(),
            "file is not valid UTF-8 (byte 0xC9 at line 2, column 12); it looks like Latin-1/Windows-1252"
        );
        assert_eq!(errors[0].file, project.guide_path("latin.json"));
    }

    #[test]
    fn applies_collection_defaults() {
        let project = test_project("defaults");
        project.guide(
            "collection.json",
            r#"{"format": 1, "title": "C", "lang": "en", "author": "Bob", "breadcrumb": ["Home"]}"#,
        );
        project.guide(
            "a.json",
            r#"{"format": 1, "title": "A", "body": [{"type": "page_break"}]}"#,
        );
        project.guide(
            "b.json",
            r#"{"format": 1, "title": "B", "lang": "fr", "author": "Ann", "breadcrumb": [], "body": [{"type": "page_break"}]}"#,
        );
        let loaded = load_project(&project).unwrap();
        let get = |i: usize| loaded.guides[i].result.as_ref().unwrap();
        let (a, b) = (get(0), get(1));
        assert_eq!(
            (a.lang, a.author.as_deref(), a.breadcrumb.as_slice()),
            (Lang::En, Some("Bob"), &["Home".to_string()][..])
        );
        assert_eq!(
            (b.lang, b.author.as_deref(), b.breadcrumb.len()),
            (Lang::Fr, Some("Ann"), 0)
        );
    }
}
