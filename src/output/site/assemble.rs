//! The whole site in memory: every file by its path inside the site folder,
//! and what the index and the manifest say about each guide. `site` writes
//! these files to a folder, `bundle` puts them in its zip (through
//! [`entries`]), so both are identical.

use super::collect::{collect, SiteFile};
use super::guide::{pdf_path, thumb_path, SiteGuide};
use super::{index, manifest};
use crate::model::blocks::MAX_ATTACHMENT;
use crate::model::input::read_input;
use crate::model::{Collection, Guide};
use crate::output::cache::hash::sha256_hex;
use crate::output::units::WebEdition;

/// The site in memory.
pub struct Site {
    /// `(path, bytes)`, PDFs and thumbnails first, then attachments, manifest, index.
    pub entries: Vec<(String, Vec<u8>)>,
    /// The guides, in collection order.
    pub guides: Vec<SiteGuide>,
    /// The attachments, with their sizes.
    pub files: Vec<SiteFile>,
}

/// Assembles every file of the site from the web editions of its guides (in
/// collection order) and its attachments `files`, linking under `base`.
pub fn assemble(
    collection: &Collection,
    base: Option<&str>,
    editions: &[(&Guide, &WebEdition)],
    files: Vec<SiteFile>,
) -> Result<Site, String> {
    let mut entries = Vec::new();
    let mut guides = Vec::new();
    for (guide, web) in editions {
        entries.push((pdf_path(&guide.id), web.pdf.clone()));
        entries.push((thumb_path(&guide.id), web.thumb.png.clone()));
        guides.push(SiteGuide::new(guide, web));
    }
    let mut with_sums: Vec<(SiteFile, String)> = Vec::new();
    for f in files {
        let bytes = read_input(&f.source, MAX_ATTACHMENT)
            .map_err(|e| format!("cannot read attachment {}: {e}", f.source.display()))?;
        with_sums.push((
            SiteFile { bytes: bytes.len() as u64, ..f.clone() },
            sha256_hex(&bytes),
        ));
        entries.push((f.path, bytes));
    }
    let m = manifest::manifest(collection, base, &guides, &with_sums);
    entries.push(("manifest.json".into(), manifest::to_json(&m).into_bytes()));
    entries
        .push(("index.html".into(), index::index_html(collection, &guides).into_bytes()));
    Ok(Site { entries, guides, files: with_sums.into_iter().map(|(f, _)| f).collect() })
}

/// Every file of the site of `editions`, attachments collected: what
/// `bundle` puts under `site/` (a [`crate::output::units::SiteEntries`]).
pub fn entries(
    collection: &Collection,
    base: Option<&str>,
    editions: &[(&Guide, &WebEdition)],
) -> Result<Vec<(String, Vec<u8>)>, String> {
    let files = collect(editions.iter().map(|(g, _)| *g))?;
    Ok(assemble(collection, base, editions, files)?.entries)
}
