//! The web site inside the bundle, assembled in memory from web editions
//! (cached per guide) with the site module's own pieces: the same files
//! `guidepress site` writes (a test compares them byte for byte).

use crate::model::{Collection, Guide};
use crate::output::cache::{sha256_hex, Unit};
use crate::output::site::files::{self, SiteFile};
use crate::output::site::{index, manifest, pdf_path, thumb_path, SiteGuide};

use super::units::fact;

/// Every file of the site, by path inside the site folder.
pub fn site_entries(
    collection: &Collection,
    base: Option<&str>,
    guides: &[&Guide],
    webs: &[&Unit],
) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut out = Vec::new();
    let mut site_guides = Vec::new();
    for (guide, web) in guides.iter().zip(webs) {
        let pdf = &web.files["pdf"];
        out.push((pdf_path(&guide.id), pdf.clone()));
        out.push((thumb_path(&guide.id), web.files["thumb"].clone()));
        let mut attachments: Vec<String> =
            files::local_files(guide).map(|f| files::site_path(&f.rel_path)).collect();
        attachments.dedup();
        site_guides.push(SiteGuide {
            id: guide.id.clone(),
            title: guide.title.plain_text().replace('\n', " "),
            description: guide.description.clone(),
            lang: guide.lang,
            audience: guide.audience.clone(),
            published: guide.published,
            updated: guide.updated,
            pages: fact(web, "pages") as usize,
            bytes: pdf.len() as u64,
            sha256: sha256_hex(pdf),
            thumb_width: fact(web, "thumb_width") as u32,
            thumb_height: fact(web, "thumb_height") as u32,
            attachments,
        });
    }
    let site_files = files::collect(guides.iter().copied())?;
    let mut with_sums: Vec<(SiteFile, String)> = Vec::new();
    for f in site_files {
        let bytes = std::fs::read(&f.source)
            .map_err(|e| format!("cannot read attachment {}: {e}", f.source.display()))?;
        with_sums.push((
            SiteFile { bytes: bytes.len() as u64, ..f.clone() },
            sha256_hex(&bytes),
        ));
        out.push((f.path.clone(), bytes));
    }
    let m = manifest::manifest(collection, base, &site_guides, &with_sums);
    out.push(("manifest.json".into(), manifest::to_json(&m).into_bytes()));
    out.push((
        "index.html".into(),
        index::index_html(collection, &site_guides).into_bytes(),
    ));
    Ok(out)
}
