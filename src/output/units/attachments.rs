//! Local attachments of a guide in a site: where each file goes under
//! `files/`, and the web PDF's links to the copies there.

use crate::layout::{Document, GuideLinks, LinkDest};
use crate::model::{Block, Guide, LocalFile};

/// The site folder that holds attachments.
pub const FILES_DIR: &str = "files";

/// Where an attachment at `rel_path` (relative to the project) lives in the
/// site: under `files/`, keeping its path (a leading `files/` is not doubled).
pub fn site_path(rel_path: &str) -> String {
    let rest = rel_path.strip_prefix("files/").unwrap_or(rel_path);
    format!("{FILES_DIR}/{rest}")
}

/// The local attachments of `guide`, in reading order.
pub fn local_files(guide: &Guide) -> impl Iterator<Item = &LocalFile> {
    guide.body.iter().filter_map(|b| match &b.value {
        Block::Attachment { local: Some(f), .. } => Some(f),
        _ => None,
    })
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
