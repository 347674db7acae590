//! Loading a project: list guide files, read them all in parallel (through
//! [`scan`]), and the checks of `order` against the guides.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::collection::CollectionDraft;
use super::diag::Diagnostic;
use super::images::lower_first;
use super::project::scan;
use super::types::{Collection, Guide};
use super::values::closest;

/// Where to find the guides and their pictures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadOptions {
    /// The folder holding `collection.json` and the guide files.
    pub guides_dir: PathBuf,
    /// The folder image paths are relative to (the CLI defaults it to `<guides_dir>/../images`).
    pub images_dir: PathBuf,
}

/// A loaded project: the collection and every guide's outcome.
#[derive(Debug)]
pub struct Loaded {
    /// The folder holding the guides folder; attachments are relative to it.
    pub project_dir: PathBuf,
    /// The collection's settings (defaults when `collection.json` is absent).
    pub collection: Collection,
    /// `collection.json`, when there is one.
    pub collection_file: Option<PathBuf>,
    /// Every guide file, in collection order: `order` first, then the others by id.
    pub guides: Vec<GuideOutcome>,
    /// Project-level warnings (e.g. an `order` entry without a guide).
    pub warnings: Vec<Diagnostic>,
}

/// One guide file: the validated guide or its errors.
#[derive(Debug)]
pub struct GuideOutcome {
    /// The guide's id (its file stem when the id could not be read).
    pub id: String,
    /// The file it was read from.
    pub file: PathBuf,
    /// The guide, or every problem that refused it.
    pub result: Result<Guide, Vec<Diagnostic>>,
    /// Warnings about this guide.
    pub warnings: Vec<Diagnostic>,
}

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

/// `collection.json` (if any) and the guide files, sorted by name.
pub(super) fn list_guides(
    dir: &Path,
) -> Result<(Option<PathBuf>, Vec<PathBuf>), Vec<Diagnostic>> {
    let folder_error = |e: std::io::Error| {
        let message = format!(
            "cannot read the guides folder {}: {}",
            dir.display(),
            lower_first(&e.to_string())
        );
        vec![Diagnostic::error("no-guides-folder", dir, message)
            .help("pass the folder that holds collection.json and the guide .json files")]
    };
    if !dir.is_dir() && dir.exists() {
        let e = std::io::Error::other("it is a file, not a folder");
        return Err(folder_error(e));
    }
    let entries = std::fs::read_dir(dir).map_err(folder_error)?;
    let mut collection = None;
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let lower = name.to_lowercase();
        let path = entry.path();
        // A link to a guide that is gone is reported, not skipped silently.
        let dangling = !path.exists() && entry.file_type().is_ok_and(|t| t.is_symlink());
        // Hidden files are editor leftovers (`.#x.json`), not guides.
        if !lower.ends_with(".json")
            || name.starts_with('.')
            || !(path.is_file() || dangling)
        {
            continue;
        }
        if lower == "collection.json" {
            collection = Some(path);
        } else {
            files.push(path);
        }
    }
    files.sort();
    Ok((collection, files))
}

/// Warnings about `order`: entries without a guide, guides left out.
pub(super) fn order_warnings(
    col: &CollectionDraft,
    ids: &[String],
    file: Option<&Path>,
) -> Vec<Diagnostic> {
    let order = &col.collection.order;
    let mut out = Vec::new();
    for (id, site) in order.iter().zip(&col.order_sites) {
        if !ids.contains(id) {
            let mut d = site.clone();
            d.message = format!("\"order\" lists \"{id}\", but no guide has that id");
            d.suggestion = Some(match closest(id, ids.iter().map(String::as_str)) {
                Some(c) => format!("did you mean \"{c}\"?"),
                None => "remove it, or add the guide file".into(),
            });
            out.push(d);
        }
    }
    if let (Some(file), false) = (file, order.is_empty()) {
        let listed: HashSet<&str> = order.iter().map(String::as_str).collect();
        let mut missing: Vec<&str> =
            ids.iter().map(String::as_str).filter(|id| !listed.contains(id)).collect();
        missing.sort_unstable();
        missing.dedup();
        for id in missing {
            let message = format!(
                "guide \"{id}\" is not in \"order\"; it comes after the listed ones"
            );
            let mut d = Diagnostic::warning("not-in-order", file, message).at("order");
            if let Some(site) = col.order_sites.first() {
                d.line = site.line;
                d.column = site.column;
            }
            out.push(d.help(format!("add \"{id}\" to \"order\" where it belongs")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{brief, errors_of, find, Project};
    use super::super::types::{Block, Paper};
    use super::*;
    use std::sync::Arc;

    const PAGE: &str = r#""body": [{"type": "page_break"}]"#;

    fn guide(extra: &str) -> String {
        format!("{{\"format\": 1, \"title\": \"T\", {extra}{PAGE}}}")
    }

    #[test]
    fn missing_guides_folder_is_fatal() {
        let project = Project::new("no-folder");
        let opts = LoadOptions {
            guides_dir: project.dir.join("guidez"),
            images_dir: project.dir.join("images"),
        };
        let errors = load(&opts).unwrap_err();
        assert_eq!(errors[0].code, "no-guides-folder");
        assert!(errors[0].message.contains("guidez"), "{}", errors[0].message);
        assert!(errors[0]
            .suggestion
            .as_deref()
            .unwrap_or("")
            .contains("pass the folder"));
        let file = LoadOptions { guides_dir: project.dir.join("secret.txt"), ..opts };
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
            let project = Project::new("bad-collection");
            project.file("collection.json", text).file("a.json", &guide(""));
            let errors = project.load().unwrap_err();
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
        let project = Project::new("collection");
        project.file(
            "collection.json",
            r#"{"format": 1, "title": "C", "organisation": "O", "lang": "en", "paper": "A5",
                "base_url": "https://x.org/guides", "disclaimer": "*d*", "logo": "a.png", "order": []}"#,
        );
        let loaded = project.load().unwrap();
        let c = &loaded.collection;
        assert_eq!(c.base_url.as_deref(), Some("https://x.org/guides/"));
        assert_eq!((c.paper, c.logo.as_ref().map(|l| l.width)), (Paper::A5, Some(2)));
        assert_eq!(loaded.collection_file, Some(project.guide_path("collection.json")));
        assert_eq!(loaded.project_dir, project.dir.canonicalize().unwrap());
        assert_eq!(brief(&loaded.warnings), [("no-guides", String::new(), 0, 0)]);
    }

    #[test]
    fn one_bad_guide_does_not_stop_the_others() {
        let project = Project::new("isolation");
        project
            .file("a.json", &guide(""))
            .file("b.json", "{ nope")
            .file("c.json", &guide(""));
        let loaded = project.load().unwrap();
        let ok: Vec<_> =
            loaded.guides.iter().map(|g| (g.id.as_str(), g.result.is_ok())).collect();
        assert_eq!(ok, [("a", true), ("b", false), ("c", true)]);
    }

    #[test]
    fn duplicate_ids_refuse_both() {
        let project = Project::new("dup-ids");
        let with_id = guide("\"id\": \"x\", ");
        project.file("a.json", &with_id).file("x.json", &guide(""));
        let loaded = project.load().unwrap();
        let a = loaded.guides.iter().find(|g| g.file.ends_with("a.json")).unwrap();
        let x = loaded.guides.iter().find(|g| g.file.ends_with("x.json")).unwrap();
        let (ea, ex) = (a.result.as_ref().unwrap_err(), x.result.as_ref().unwrap_err());
        let (line, column) = find(&with_id, "\"x\"");
        assert_eq!(brief(ea), [("duplicate-id", "id".to_string(), line, column)]);
        assert_eq!(brief(ex), [("duplicate-id", String::new(), 0, 0)]);
        assert!(ea[0].message.contains("x.json"), "{}", ea[0].message);
        assert!(ex[0].message.contains("a.json"), "{}", ex[0].message);
    }

    #[test]
    fn orders_guides_and_warns_about_order() {
        let project = Project::new("order");
        let col = r#"{"format": 1, "title": "C", "order": ["c", "zz", "a"]}"#;
        project.file("collection.json", col);
        for id in ["d", "c", "b", "a"] {
            project.file(&format!("{id}.json"), &guide(""));
        }
        let loaded = project.load().unwrap();
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
        assert!(loaded.warnings[2].message.contains("\"d\""));
    }

    #[test]
    fn unknown_guide_links_suggest_the_closest_id() {
        let project = Project::new("links");
        project
            .file("vider-cache.json", &guide(""))
            .file("b.json", r#"{"format": 1, "title": "see [c](guide:vider-cahce)", "body": [{"type": "page_break"}]}"#);
        let loaded = project.load().unwrap();
        let errors = errors_of(&loaded, "b");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code, "unknown-guide");
        assert_eq!(errors[0].column, Some(33));
        assert_eq!(
            errors[0].suggestion.as_deref(),
            Some("did you mean \"guide:vider-cache\"?")
        );
    }

    #[test]
    fn images_are_shared_between_guides() {
        let project = Project::new("shared-images");
        let block = r#"{"type": "image", "src": "a.png", "alt": "A"}"#;
        let text = format!("{{\"format\": 1, \"title\": \"T\", \"body\": [{block}]}}");
        for i in 0..8 {
            project.file(&format!("g{i}.json"), &text);
        }
        let loaded = project.load().unwrap();
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
    fn skips_hidden_and_non_json_files() {
        let project = Project::new("listing");
        project.file("a.json", &guide("")).file(".#a.json", "x").file("notes.txt", "x");
        std::fs::create_dir_all(project.dir.join("guides/sub.json")).unwrap();
        let loaded = project.load().unwrap();
        assert_eq!(loaded.guides.len(), 1);
    }
}
