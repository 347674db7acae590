//! Loading a project at once: [`scan`], then every guide read and validated
//! in parallel.

use rayon::prelude::*;

use super::diag::Diagnostic;
use super::project::{scan, LoadOptions, Loaded};

/// Loads and validates the project described by `opts`: [`scan`], then
/// every guide read in parallel.
///
/// Fails only when nothing can be built: the guides folder cannot be read, or
/// `collection.json` is invalid. A bad guide is reported in its own outcome.
pub fn load(opts: &LoadOptions) -> Result<Loaded, Vec<Diagnostic>> {
    let project = scan(opts)?;
    let guides = project.entries.par_iter().map(|e| project.load_guide(e)).collect();
    Ok(project.into_loaded(guides))
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{brief, errors_of, find, load_project, test_project};
    use super::super::types::{Block, Paper};
    use super::*;
    use std::sync::Arc;

    const PAGE: &str = r#""body": [{"type": "page_break"}]"#;

    fn guide(extra: &str) -> String {
        format!("{{\"format\": 1, \"title\": \"T\", {extra}{PAGE}}}")
    }

    #[test]
    fn missing_guides_folder_is_fatal() {
        let project = test_project("no-folder");
        let opts = LoadOptions {
            guides_dir: project.join("guidez"),
            images_dir: project.join("images"),
        };
        let errors = load(&opts).unwrap_err();
        assert_eq!(errors[0].code, "no-guides-folder");
        assert!(errors[0].message.en().contains("guidez"), "{}", errors[0].message);
        assert!(errors[0]
            .suggestion
            .as_ref()
            .map(|s| s.en())
            .as_deref()
            .unwrap_or("")
            .contains("pass the folder"));
        let file = LoadOptions { guides_dir: project.join("secret.txt"), ..opts };
        assert_eq!(load(&file).unwrap_err()[0].code, "no-guides-folder");
    }

    #[test]
    fn invalid_collection_is_fatal() {
        type Case<'a> = (&'a str, &'a [(&'a str, &'a str, &'a str)]);
        let table: &[Case] = &[
            (
                r#"{"format": 1, "titel": "C"}"#,
                &[
                    ("missing-field", "title", "{"),
                    ("unknown-field", "titel", "\"titel\""),
                ],
            ),
            (
                r#"{"format": 1, "title": "C", "paper": "a4"}"#,
                &[("bad-value", "paper", "\"a4\"")],
            ),
            (
                r#"{"format": 1, "title": "C", "base_url": "ftp://x"}"#,
                &[("bad-url", "base_url", "\"ftp")],
            ),
            (
                r#"{"format": 1, "title": "C", "logo": "nope.png"}"#,
                &[("missing-file", "logo", "\"nope")],
            ),
            (
                r#"{"format": 1, "title": "C", "order": ["A b"]}"#,
                &[("bad-id", "order[0]", "\"A b\"")],
            ),
            (
                r#"{"format": 1, "title": "C", "disclaimer": "[x](guide:nope)"}"#,
                &[("unknown-guide", "disclaimer", "guide:nope")],
            ),
            ("{\"format\": 1, \"title\": \"C\",}", &[("json-syntax", "", ",}")]),
        ];
        for &(text, expect) in table {
            let project = test_project("bad-collection");
            project.guide("collection.json", text).guide("a.json", guide(""));
            let errors = load_project(&project).unwrap_err();
            let expect: Vec<_> = expect
                .iter()
                .map(|&(code, path, needle)| {
                    let (line, column) = find(text, needle);
                    (code, path.to_string(), line, column)
                })
                .collect();
            assert_eq!(brief(&errors), expect, "{text}");
            assert!(errors.iter().all(|e| e.file.ends_with("collection.json")));
        }
    }

    #[test]
    fn reads_a_full_collection() {
        let project = test_project("collection");
        project.guide(
            "collection.json",
            r#"{"format": 1, "title": "C", "organisation": "O", "lang": "en", "paper": "A5",
                "base_url": "https://x.org/guides", "disclaimer": "*d*", "logo": "a.png", "order": []}"#,
        );
        let loaded = load_project(&project).unwrap();
        let c = &loaded.collection;
        assert_eq!(c.base_url.as_deref(), Some("https://x.org/guides/"));
        assert_eq!((c.paper, c.logo.as_ref().map(|l| l.width)), (Paper::A5, Some(2)));
        assert_eq!(loaded.collection_file, Some(project.guide_path("collection.json")));
        assert_eq!(loaded.project_dir, project.canonicalize().unwrap());
        assert_eq!(brief(&loaded.warnings), [("no-guides", String::new(), 0, 0)]);
    }

    #[test]
    fn one_bad_guide_does_not_stop_the_others() {
        let project = test_project("isolation");
        project
            .guide("a.json", guide(""))
            .guide("b.json", "{ nope")
            .guide("c.json", guide(""));
        let loaded = load_project(&project).unwrap();
        let ok: Vec<_> =
            loaded.guides.iter().map(|g| (g.id.as_str(), g.result.is_ok())).collect();
        assert_eq!(ok, [("a", true), ("b", false), ("c", true)]);
    }

    #[test]
    fn duplicate_ids_refuse_both() {
        let project = test_project("dup-ids");
        let with_id = guide("\"id\": \"x\", ");
        project.guide("a.json", &with_id).guide("x.json", guide(""));
        let loaded = load_project(&project).unwrap();
        let a = loaded.guides.iter().find(|g| g.file.ends_with("a.json")).unwrap();
        let x = loaded.guides.iter().find(|g| g.file.ends_with("x.json")).unwrap();
        let (ea, ex) = (a.result.as_ref().unwrap_err(), x.result.as_ref().unwrap_err());
        let (line, column) = find(&with_id, "\"x\"");
        assert_eq!(brief(ea), [("duplicate-id", "id".to_string(), line, column)]);
        assert_eq!(brief(ex), [("duplicate-id", String::new(), 0, 0)]);
        assert!(ea[0].message.en().contains("x.json"), "{}", ea[0].message);
        assert!(ex[0].message.en().contains("a.json"), "{}", ex[0].message);
    }

    #[test]
    fn orders_guides_and_warns_about_order() {
        let project = test_project("order");
        let col = r#"{"format": 1, "title": "C", "order": ["c", "zz", "a"]}"#;
        project.guide("collection.json", col);
        for id in ["d", "c", "b", "a"] {
            project.guide(&format!("{id}.json"), guide(""));
        }
        let loaded = load_project(&project).unwrap();
        let ids: Vec<_> = loaded.guides.iter().map(|g| g.id.as_str()).collect();
        assert_eq!(ids, ["c", "a", "b", "d"]);
        let (line, column) = find(col, "\"zz\"");
        let (ol, oc) = find(col, "\"c\"");
        assert_eq!(
            brief(&loaded.warnings),
            [
                ("unknown-guide", "order[1]".to_string(), line, column),
                ("not-in-order", "order".to_string(), ol, oc),
                ("not-in-order", "order".to_string(), ol, oc),
            ]
        );
        assert!(loaded.warnings[2].message.en().contains("\"d\""));
    }

    #[test]
    fn unknown_guide_links_suggest_the_closest_id() {
        let project = test_project("links");
        project
            .guide("vider-cache.json", guide(""))
            .guide("b.json", r#"{"format": 1, "title": "see [c](guide:vider-cahce)", "body": [{"type": "page_break"}]}"#);
        let loaded = load_project(&project).unwrap();
        let errors = errors_of(&loaded, "b");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code, "unknown-guide");
        assert_eq!(errors[0].column, Some(33));
        assert_eq!(
            errors[0].suggestion.as_ref().map(|s| s.en()).as_deref(),
            Some("did you mean \"guide:vider-cache\"?")
        );
    }

    #[test]
    fn images_are_shared_between_guides() {
        let project = test_project("shared-images");
        let block = r#"{"type": "image", "src": "a.png", "alt": "A"}"#;
        let text = format!("{{\"format\": 1, \"title\": \"T\", \"body\": [{block}]}}");
        for i in 0..8 {
            project.guide(&format!("g{i}.json"), &text);
        }
        let loaded = load_project(&project).unwrap();
        let images: Vec<_> = loaded
            .guides
            .iter()
            .map(|g| match &g.result.as_ref().unwrap().body[0].value {
                Block::Image(f) => f.image.bytes.clone(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert!(images.windows(2).all(|w| Arc::ptr_eq(&w[0], &w[1])));
    }

    #[test]
    fn skips_hidden_and_non_json_files_and_reports_a_json_that_is_not_a_file() {
        let project = test_project("listing");
        project.guide("a.json", guide("")).guide(".#a.json", "x").guide("notes.txt", "x");
        std::fs::create_dir_all(project.join("guides/sub.json")).unwrap();
        let loaded = load_project(&project).unwrap();
        assert_eq!(loaded.guides.len(), 2);
        let errors = errors_of(&loaded, "sub");
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].message.en(),
            "cannot read the file: it is a folder, not a file"
        );
    }
}
