//! Cache keys: a hash of every input that can change an output (guide file,
//! collection, pictures, attachments, the set of ids, fonts and guidepress
//! version, options), for each kind of unit.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::hash::{sha256_hex, KeyHasher};
use crate::layout::pack::{PackLayout, PackOptions};
use crate::model::input::read_input;
use crate::model::source::MAX_JSON;
use crate::model::{Block, Collection, GuideOutcome, Loaded, Project};
use crate::output::fs::{canon, json_files};
use crate::output::lint::figures;
use crate::pdf::PdfStandard;

/// SHA-256 of every `*.json` file of the guides folder, read *before* the
/// project is loaded: if a file changes during the run, its key then belongs
/// to the older text and the next run redoes the work, never the reverse.
pub fn hash_sources(guides_dir: &Path) -> BTreeMap<PathBuf, String> {
    let mut out = BTreeMap::new();
    for file in json_files(guides_dir) {
        // Within the guides' own limit: what is refused here is refused,
        // with its reason, when the project is loaded.
        if let Ok(bytes) = read_input(&file, MAX_JSON) {
            out.insert(canon(&file), sha256_hex(&bytes));
        }
    }
    out
}

/// The inputs every guide shares: the collection file, the logo, the ids.
pub fn context_key(loaded: &Loaded, sources: &BTreeMap<PathBuf, String>) -> String {
    let ids = loaded.guides.iter().map(|g| g.id.as_str());
    project_key(loaded.collection_file.as_deref(), &loaded.collection, ids, sources)
}

/// [`context_key`] of a project read one guide at a time (same key).
pub fn scan_key(project: &Project, sources: &BTreeMap<PathBuf, String>) -> String {
    let ids = project.entries.iter().map(|e| e.id.as_str());
    project_key(project.collection_file.as_deref(), &project.collection, ids, sources)
}

fn project_key<'a>(
    collection_file: Option<&Path>,
    collection: &Collection,
    ids: impl Iterator<Item = &'a str>,
    sources: &BTreeMap<PathBuf, String>,
) -> String {
    let mut h = KeyHasher::new("context");
    match collection_file {
        Some(f) => {
            h.str(sources.get(&canon(f)).map(String::as_str).unwrap_or("changing"))
        }
        None => h.str("no collection"),
    };
    if let Some(logo) = &collection.logo {
        h.str(&logo.src).str(&sha256_hex(&logo.bytes));
    }
    for id in ids {
        h.str(id);
    }
    h.finish()
}

/// The key of one guide's own inputs within `context`, or `None` when its
/// file was not there before loading (it is then rebuilt and not cached).
pub fn guide_key(
    outcome: &GuideOutcome,
    context: &str,
    sources: &BTreeMap<PathBuf, String>,
) -> Option<String> {
    let guide = outcome.result.as_ref().ok()?;
    let source = sources.get(&canon(&outcome.file))?;
    let mut h = KeyHasher::new("guide");
    h.str(context).str(source);
    for (f, _) in figures(guide) {
        h.str(&f.image.src).str(&sha256_hex(&f.image.bytes));
    }
    for b in &guide.body {
        if let Block::Attachment { local: Some(l), .. } = &b.value {
            h.str(&l.rel_path).str(&l.bytes.to_string()).str(&l.kind);
        }
    }
    Some(h.finish())
}

/// The key of a unit of `kind` made from `parts` (guide keys, options).
fn unit_key(kind: &str, parts: &[&str]) -> String {
    let mut h = KeyHasher::new(kind);
    for p in parts {
        h.str(p);
    }
    h.finish()
}

/// The key of the print sheet of the guide whose key is `guide_key`.
pub fn print_key(guide_key: &str) -> String {
    unit_key("print", &[guide_key, "ua-1"])
}

/// The key of a web edition of the guide with `guide_key`, linking to
/// `base`, meeting `standards`: `site` and `bundle` share their web editions.
pub fn web_key(guide_key: &str, base: Option<&str>, standards: &[PdfStandard]) -> String {
    let names: Vec<&str> = standards.iter().map(|s| s.option_name()).collect();
    let opts = format!("{base:?} {}", names.join(","));
    // 2: a web edition holds the pictures of its HTML page too.
    unit_key("web", &[guide_key, &opts, "2"])
}

/// The key of a pack of the guides with `guide_keys` (from [`guide_key`],
/// in pack order) within `context`; a handout's key depends on its one
/// guide only.
pub fn pack_key(options: &PackOptions, context: &str, guide_keys: &[&str]) -> String {
    let extras = pack_extras(options);
    if let (PackLayout::Handout, [k]) = (options.layout, guide_keys) {
        return unit_key("handout", &[k, &extras]);
    }
    let name = format!("{}{extras}", options.layout.name());
    let mut parts: Vec<&str> = vec![&name, context];
    parts.extend(guide_keys.iter().copied());
    unit_key("pack", &parts)
}

/// The options of a pack other than its layout, as a key part (`""` for
/// the defaults, so the bundle's packs keep their keys).
fn pack_extras(options: &PackOptions) -> String {
    if !(options.duplex || options.large_print || options.fold_marks) {
        return String::new();
    }
    format!(
        " duplex={} large-print={} fold-marks={}",
        options.duplex, options.large_print, options.fold_marks
    )
}
