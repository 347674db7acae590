//! The web site inside the bundle, assembled in memory from web editions
//! (cached per guide) with the site module's own pieces: the same files
//! `guidepress site` writes (a test compares them byte for byte).

use crate::model::{Collection, Guide};
use crate::output::cache::Unit;
use crate::output::site::{files, site_entries as assemble, Published};

use super::units::fact;

/// Every file of the site, by path inside the site folder.
pub fn site_entries(
    collection: &Collection,
    base: Option<&str>,
    guides: &[&Guide],
    webs: &[&Unit],
) -> Result<Vec<(String, Vec<u8>)>, String> {
    let published: Vec<Published> = guides
        .iter()
        .zip(webs)
        .map(|(guide, web)| Published {
            guide,
            pdf: &web.files["pdf"],
            pages: fact(web, "pages") as usize,
            thumb: &web.files["thumb"],
            thumb_width: fact(web, "thumb_width") as u32,
            thumb_height: fact(web, "thumb_height") as u32,
        })
        .collect();
    let site_files = files::collect(guides.iter().copied())?;
    Ok(assemble(collection, base, &published, site_files)?.entries)
}
