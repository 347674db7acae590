//! Local attachments in the site: where each file goes under `files/`, the
//! copies, and the web PDFs' links to them.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::layout::{Document, GuideLinks, LinkDest};
use crate::model::{Block, Guide, LocalFile};

/// The site folder that holds attachments.
pub const FILES_DIR: &str = "files";

/// One attachment file copied into the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteFile {
    /// Path inside the site, `/` separated, e.g. `files/charte.pdf`.
    pub path: String,
    /// The file it is copied from.
    pub source: PathBuf,
    /// Size in bytes.
    pub bytes: u64,
}

/// Where an attachment at `rel_path` (relative to the project) lives in the
/// site: under `files/`, keeping its path (a leading `files/` is not doubled).
pub fn site_path(rel_path: &str) -> String {
    let rest = rel_path.strip_prefix("files/").unwrap_or(rel_path);
    format!("{FILES_DIR}/{rest}")
}

/// The local attachments of `guide`, in reading order.
pub fn local_files(guide: &Guide) -> impl Iterator<Item = &LocalFile> {
    guide.all_blocks().into_iter().filter_map(|b| match &b.value {
        Block::Attachment { local: Some(f), .. } => Some(f),
        _ => None,
    })
}

/// Every local attachment of `guides`, once each, sorted by site path.
/// Two different files that would land on the same site path are an error.
pub fn collect<'a>(
    guides: impl IntoIterator<Item = &'a Guide>,
) -> Result<Vec<SiteFile>, String> {
    let mut by_path: BTreeMap<String, SiteFile> = BTreeMap::new();
    for guide in guides {
        for f in local_files(guide) {
            let path = site_path(&f.rel_path);
            match by_path.get(&path) {
                Some(other) if other.source != f.abs_path => {
                    return Err(format!(
                        "attachments {} and {} would both be published as {path}; \
                         rename one of them",
                        other.source.display(),
                        f.abs_path.display()
                    ))
                }
                Some(_) => {}
                None => {
                    by_path.insert(
                        path.clone(),
                        SiteFile { path, source: f.abs_path.clone(), bytes: f.bytes },
                    );
                }
            }
        }
    }
    Ok(by_path.into_values().collect())
}

/// Points the attachment links of a web PDF (which lives in `pdf/`) at the
/// copies in `files/`: `../files/…`, or `<base>files/…` with a base URL.
///
/// Layout links a local attachment to its project path (`files/x.pdf`) when
/// there is no base URL, which is right for a sheet next to the project's
/// `files/` folder but not for a PDF inside the site's `pdf/`.
pub fn relink(doc: &mut Document, guide: &Guide, links: &GuideLinks, base: Option<&str>) {
    let fixes: Vec<(String, String)> = local_files(guide)
        .map(|f| {
            let laid = match links {
                GuideLinks::Base(b) => format!("{b}{}", f.site_path()),
                _ => f.rel_path.clone(),
            };
            let want = match base {
                Some(b) => format!("{b}{}", site_path(&f.rel_path)),
                None => format!("../{}", site_path(&f.rel_path)),
            };
            (laid, want)
        })
        .filter(|(laid, want)| laid != want)
        .collect();
    if fixes.is_empty() {
        return;
    }
    for link in doc.pages.iter_mut().flat_map(|p| p.links.iter_mut()) {
        let LinkDest::Uri(uri) = &mut link.dest else { continue };
        if let Some((laid, want)) = fixes.iter().find(|(laid, _)| laid == uri) {
            *uri = want.clone();
            link.alt = link.alt.replace(&format!("({laid})"), &format!("({want})"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attachments_land_under_files_once() {
        let table = [
            ("files/charte.pdf", "files/charte.pdf"),
            ("files/2024/plan.docx", "files/2024/plan.docx"),
            ("docs/charte.pdf", "files/docs/charte.pdf"),
            ("charte.pdf", "files/charte.pdf"),
        ];
        for (rel, want) in table {
            assert_eq!(site_path(rel), want, "{rel}");
        }
    }
}
