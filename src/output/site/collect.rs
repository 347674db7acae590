//! The attachments a site publishes: every local attachment of its guides,
//! once each, under `files/`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::i18n::Msg;
use crate::model::Guide;
use crate::msg;
use crate::output::units::attachments::{local_files, site_path};

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

/// Every local attachment of `guides`, once each, sorted by site path.
/// Two different files that would land on the same site path are an error.
pub fn collect<'a>(
    guides: impl IntoIterator<Item = &'a Guide>,
) -> Result<Vec<SiteFile>, Msg> {
    let mut by_path: BTreeMap<String, SiteFile> = BTreeMap::new();
    for guide in guides {
        for f in local_files(guide) {
            let path = site_path(&f.rel_path);
            match by_path.get(&path) {
                Some(other) if other.source != f.abs_path => {
                    return Err(msg!(
                        "attachments-clash",
                        first = other.source.display().to_string(),
                        second = f.abs_path.display().to_string(),
                        path = path
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
