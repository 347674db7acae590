//! A project in two steps: list, identify and order the guide files
//! ([`scan`]), then read and validate each guide when it is needed
//! ([`Project::load_guide`]), giving a [`GuideOutcome`] each. `build` reads, renders and drops one guide at a
//! time this way, so its memory does not grow with the number of guides.

use crate::i18n::Msg;
use crate::msg;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use super::check::{Env, GuideRef};
use super::collection::{load_collection, CollectionDraft};
use super::diag::Diagnostic;
use super::guide::{load_guide, probe_id, GuideDraft};
use super::images::ImageCache;
use super::listing::{list_guides, order_entries, order_warnings, Entry};
use super::paths::Root;
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

/// A scanned project: its collection, and its guide files in collection
/// order, not yet read in full.
#[derive(Debug)]
pub struct Project {
    /// The folder holding the guides folder; attachments are relative to it.
    pub project_dir: PathBuf,
    /// The collection's settings (defaults when `collection.json` is absent).
    pub collection: Collection,
    /// `collection.json`, when there is one.
    pub collection_file: Option<PathBuf>,
    /// Every guide file, in collection order: `order` first, then the others by id.
    pub entries: Vec<Entry>,
    /// Project-level warnings (e.g. an `order` entry without a guide).
    pub warnings: Vec<Diagnostic>,
    images: Root,
    project: Root,
    cache: ImageCache,
    /// The files of each id that more than one guide has.
    shared_ids: HashMap<String, Vec<PathBuf>>,
    links: Mutex<Links>,
}

/// Lists the guide files of `opts`, reads `collection.json` and the id of
/// every guide, and orders them.
///
/// Fails only when nothing can be built: the guides folder cannot be read, or
/// `collection.json` is invalid.
pub fn scan(opts: &LoadOptions) -> Result<Project, Vec<Diagnostic>> {
    let guides_dir = &opts.guides_dir;
    let (collection_file, files) = list_guides(guides_dir)?;
    let canonical = guides_dir.canonicalize().unwrap_or_else(|_| guides_dir.clone());
    let project_dir =
        canonical.parent().map_or_else(|| canonical.clone(), Path::to_path_buf);
    let images = Root::new(&opts.images_dir, "images folder");
    let project = Root::new(&project_dir, "project folder");
    let cache = ImageCache::new();
    let col = match &collection_file {
        Some(file) => {
            let env = Env { images: &images, project: &project, cache: &cache };
            load_collection(file, &env)?
        }
        None => CollectionDraft {
            collection: Collection::default(),
            warnings: Vec::new(),
            refs: Vec::new(),
            order_sites: Vec::new(),
        },
    };
    let mut warnings = col.warnings.clone();
    if files.is_empty() {
        let message = msg!("no-guides", dir = guides_dir.display().to_string());
        warnings.push(Diagnostic::warning("no-guides", guides_dir, message));
    }

    let ids: Vec<String> = files.par_iter().map(|f| probe_id(f)).collect();
    let mut links = Links::new(ids.clone());
    let fatal = links.unknown(&col.refs);
    if !fatal.is_empty() {
        return Err(fatal);
    }
    let shared_ids = shared_ids(&ids, &files);
    warnings.extend(order_warnings(&col, &ids, collection_file.as_deref()));
    let mut entries: Vec<Entry> =
        ids.into_iter().zip(files).map(|(id, file)| Entry { id, file }).collect();
    order_entries(&mut entries, &col.collection.order);
    Ok(Project {
        project_dir,
        collection: col.collection,
        collection_file,
        entries,
        warnings,
        images,
        project,
        cache,
        shared_ids,
        links: Mutex::new(links),
    })
}

impl Project {
    /// Reads and validates the guide of `entry`, with the checks across
    /// guides: its id is its own, its `guide:` links lead to guides.
    pub fn load_guide(&self, entry: &Entry) -> GuideOutcome {
        let env =
            Env { images: &self.images, project: &self.project, cache: &self.cache };
        let mut draft = load_guide(&entry.file, &self.collection, &env);
        if draft.id != entry.id {
            // Edited since `scan`: the checks across guides (and the name
            // of its PDF) would not hold for the new id in this run.
            let message = msg!("changed-during-run", was = &entry.id, now = &draft.id);
            let d = Diagnostic::error("changed-during-run", &entry.file, message)
                .help(msg!("changed-during-run-help"));
            draft.id = entry.id.clone();
            add_error(&mut draft, d);
        } else if let Some(d) = self.duplicate(&draft) {
            add_error(&mut draft, d);
        }
        let refs = std::mem::take(&mut draft.refs);
        // A poisoned lock only means another thread panicked; the cache is still sound.
        let unknown = self.links.lock().unwrap_or_else(|e| e.into_inner()).unknown(&refs);
        for d in unknown {
            add_error(&mut draft, d);
        }
        GuideOutcome {
            id: draft.id,
            file: draft.file,
            result: draft.result,
            warnings: draft.warnings,
        }
    }

    /// The project with every guide read (`guides` in entry order).
    pub fn into_loaded(self, guides: Vec<GuideOutcome>) -> Loaded {
        Loaded {
            project_dir: self.project_dir,
            collection: self.collection,
            collection_file: self.collection_file,
            guides,
            warnings: self.warnings,
        }
    }

    /// The error of a guide whose id another guide also has.
    fn duplicate(&self, draft: &GuideDraft) -> Option<Diagnostic> {
        let files = self.shared_ids.get(&draft.id)?;
        let others: Vec<String> = files
            .iter()
            .filter(|f| **f != draft.file)
            .map(|f| f.display().to_string())
            .collect();
        if others.is_empty() {
            return None;
        }
        let mut d = draft.id_site.clone();
        d.message = msg!("duplicate-id", id = &draft.id, others = others.join(", "));
        d.suggestion = Some(msg!("duplicate-id-help"));
        Some(d)
    }
}

/// The ids that several files have, with those files (in listing order).
fn shared_ids(ids: &[String], files: &[PathBuf]) -> HashMap<String, Vec<PathBuf>> {
    let mut by_id: HashMap<String, Vec<PathBuf>> = HashMap::new();
    for (id, file) in ids.iter().zip(files) {
        by_id.entry(id.clone()).or_default().push(file.clone());
    }
    by_id.retain(|_, files| files.len() > 1);
    by_id
}

/// Appends an error to a draft, refusing its guide.
fn add_error(draft: &mut GuideDraft, d: Diagnostic) {
    match &mut draft.result {
        Ok(_) => draft.result = Err(vec![d]),
        Err(errors) => errors.push(d),
    }
}

/// Checks `guide:` links against the ids of a collection.
#[derive(Debug)]
struct Links {
    ids: Vec<String>,
    known: HashSet<String>,
    /// The suggestion for each unknown id seen so far: with thousands of
    /// guides linking to a renamed one, it is looked for once, not each time.
    help: HashMap<String, Msg>,
}

impl Links {
    fn new(ids: Vec<String>) -> Self {
        let known = ids.iter().cloned().collect();
        Links { ids, known, help: HashMap::new() }
    }

    /// Errors for the links in `refs` to ids no guide has.
    fn unknown(&mut self, refs: &[GuideRef]) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for r in refs.iter().filter(|r| !self.known.contains(&r.id)) {
            let ids = &self.ids;
            let help = self.help.entry(r.id.clone()).or_insert_with(|| {
                match closest(&r.id, ids.iter().map(String::as_str)) {
                    Some(c) => msg!("did-you-mean", value = format!("guide:{c}")),
                    None => msg!("unknown-guide-help"),
                }
            });
            let mut d = r.error.clone();
            d.message = msg!("unknown-guide", id = &r.id);
            d.suggestion = Some(help.clone());
            out.push(d);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{load_project, test_project};
    use super::*;

    /// The id a file goes by before it is read (`probe_id`) is the id its
    /// outcome gets once it is read in full, whatever is wrong with it.
    #[test]
    fn probed_ids_are_the_ids_of_the_loaded_guides() {
        let many_problems: String = (0..70).map(|i| format!("\"x{i}\": 1, ")).collect();
        let table: &[(&str, &str, &str)] = &[
            (
                "a.json",
                r#"{"format": 1, "id": "vider-cache", "title": "T", "body": []}"#,
                "vider-cache",
            ),
            (
                "b.json",
                r#"{"format": 1, "id": "Vider Cache", "title": "T", "body": []}"#,
                "b",
            ),
            ("c.json", r#"{"format": 1, "id": 3, "title": "T", "body": []}"#, "c"),
            ("Bad Name.json", r#"{"format": 1, "title": "T", "body": []}"#, "Bad Name"),
            ("d.json", r#"{"format": 1, "id": "dd", "title": "#, "d"),
            ("e.json", r#"["e-id", 1]"#, "e"),
            (
                "f.json",
                "\u{feff}{\"format\": 1, \"id\": \"ff\", \"title\": \"T\", \"body\": []}",
                "ff",
            ),
            ("g.json", &format!("{{{many_problems}\"id\": \"gg\"}}"), "gg"),
        ];
        for (name, text, id) in table {
            let project = test_project("probe");
            project.guide(name, text);
            let file = project.guide_path(name);
            assert_eq!(probe_id(&file), *id, "{name}");
            let loaded = load_project(&project).unwrap();
            assert_eq!(loaded.guides[0].id, *id, "{name}");
        }
    }

    #[test]
    fn a_guide_whose_id_changes_after_the_scan_is_refused_for_this_run() {
        let project = test_project("id-changed");
        project.guide(
            "a.json",
            r#"{"format": 1, "title": "A", "body": [{"type": "page_break"}]}"#,
        );
        project.guide(
            "b.json",
            r#"{"format": 1, "title": "B", "body": [{"type": "page_break"}]}"#,
        );
        let scanned = scan(&LoadOptions {
            guides_dir: project.join("guides"),
            images_dir: project.join("images"),
        })
        .unwrap();
        // Someone saves b.json with a's id while the build runs.
        project.guide(
            "b.json",
            r#"{"format": 1, "id": "a", "title": "B", "body": [{"type": "page_break"}]}"#,
        );
        let b = scanned.load_guide(&scanned.entries[1]);
        assert_eq!(b.id, "b");
        let errors = b.result.unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].code, "changed-during-run");
        assert!(errors[0].message.en().contains("\"a\""), "{}", errors[0].message);
        assert!(scanned.load_guide(&scanned.entries[0]).result.is_ok());
    }

    #[test]
    fn guides_read_one_at_a_time_match_a_full_load() {
        let project = test_project("one-at-a-time");
        let col = r#"{"format": 1, "title": "C", "order": ["b"]}"#;
        project
            .guide("collection.json", col)
            .guide("a.json", r#"{"format": 1, "title": "A [b](guide:b)", "body": []}"#)
            .guide("b.json", r#"{"format": 1, "title": "B [z](guide:zz)", "body": []}"#)
            .guide("c.json", r#"{"format": 1, "id": "a", "title": "C", "body": []}"#);
        let loaded = load_project(&project).unwrap();
        let scanned = scan(&LoadOptions {
            guides_dir: project.join("guides"),
            images_dir: project.join("images"),
        })
        .unwrap();
        let ids: Vec<&str> = scanned.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["b", "a", "a"]);
        for (entry, full) in scanned.entries.iter().rev().zip(loaded.guides.iter().rev())
        {
            let one = scanned.load_guide(entry);
            assert_eq!((&one.id, &one.file), (&full.id, &full.file));
            let codes = |o: &GuideOutcome| -> Vec<String> {
                o.result
                    .as_ref()
                    .err()
                    .into_iter()
                    .flatten()
                    .map(|d| d.message.en())
                    .collect()
            };
            assert_eq!(codes(&one), codes(full), "{}", entry.file.display());
        }
        assert!(
            loaded.guides.iter().all(|g| g.result.is_err()),
            "b has a bad link, a and c share an id"
        );
    }
}
