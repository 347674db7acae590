//! The guide files of a project: listed from the guides folder, each with
//! the id it goes by, put in the collection's `order`, and the warnings
//! about that `order`.

use crate::msg;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::collection::CollectionDraft;
use super::diag::Diagnostic;
use super::images::lower_first;
use super::values::closest;

/// A guide file of a project, with the id it goes by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The guide's id (its valid `id`, else its file stem).
    pub id: String,
    /// The file.
    pub file: PathBuf,
}

/// `collection.json` (if any) and the guide files, sorted by name.
pub(super) fn list_guides(
    dir: &Path,
) -> Result<(Option<PathBuf>, Vec<PathBuf>), Vec<Diagnostic>> {
    let folder_error = |e: std::io::Error| {
        let message = msg!(
            "no-guides-folder",
            dir = dir.display().to_string(),
            reason = lower_first(&e.to_string())
        );
        vec![Diagnostic::error("no-guides-folder", dir, message)
            .help(msg!("no-guides-folder-help"))]
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
        // Hidden files are editor leftovers (`.#x.json`), not guides. Every
        // other `*.json` entry is read as a guide, so that one that is not a
        // file (a folder, a named pipe, a link to a device or to nothing) is
        // reported with its reason instead of being skipped silently.
        if !lower.ends_with(".json") || name.starts_with('.') {
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
            d.message = msg!("order-unknown", id = id);
            d.suggestion = Some(match closest(id, ids.iter().map(String::as_str)) {
                Some(c) => msg!("did-you-mean", value = c),
                None => msg!("order-unknown-help"),
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
            let message = msg!("not-in-order", id = id);
            let mut d = Diagnostic::warning("not-in-order", file, message).at("order");
            if let Some(site) = col.order_sites.first() {
                d.line = site.line;
                d.column = site.column;
            }
            out.push(d.help(msg!("not-in-order-help", id = id)));
        }
    }
    out
}

/// Sorts entries: those in `order` first, in that order, then the rest by id.
pub(super) fn order_entries(entries: &mut [Entry], order: &[String]) {
    let rank: HashMap<&str, usize> =
        order.iter().enumerate().map(|(i, id)| (id.as_str(), i)).collect();
    entries.sort_by(|a, b| {
        let ka = (rank.get(a.id.as_str()).copied().unwrap_or(usize::MAX), &a.id, &a.file);
        let kb = (rank.get(b.id.as_str()).copied().unwrap_or(usize::MAX), &b.id, &b.file);
        ka.cmp(&kb)
    });
}
