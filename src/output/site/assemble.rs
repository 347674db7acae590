//! The whole site in memory: every file by its path inside the site folder,
//! and what the manifest says about each guide. `site` writes these files
//! to a folder, `bundle` puts them in its zip (through [`entries`]), so both
//! are identical.

use std::collections::BTreeMap;

use super::collect::{collect, SiteFile};
use super::guide::SiteGuide;
use super::manifest;
use crate::html::{self, paths, Card, PdfFacts};
use crate::i18n::Msg;
use crate::model::blocks::MAX_ATTACHMENT;
use crate::model::input::read_input;
use crate::model::{Collection, Guide};
use crate::msg;
use crate::output::cache::hash::sha256_hex;
use crate::output::units::WebEdition;

/// The site in memory.
pub struct Site {
    /// `(path, bytes)`: per guide its PDF, thumbnail and page, then the
    /// pictures, the stylesheet, the attachments, the manifest, the index
    /// and the sitemap.
    pub entries: Vec<(String, Vec<u8>)>,
    /// The guides, in collection order.
    pub guides: Vec<SiteGuide>,
    /// The attachments, with their sizes.
    pub files: Vec<SiteFile>,
}

/// What a guide's page and card say about its PDF.
fn pdf_facts(web: &WebEdition) -> PdfFacts {
    PdfFacts { pages: web.pages, bytes: web.pdf.len() as u64 }
}

/// Assembles every file of the site from the web editions of its guides (in
/// collection order) and its attachments `files`, linking under `base`.
pub fn assemble(
    collection: &Collection,
    base: Option<&str>,
    editions: &[(&Guide, &WebEdition)],
    files: Vec<SiteFile>,
) -> Result<Site, Msg> {
    let mut entries = Vec::new();
    let mut guides = Vec::new();
    for (guide, web) in editions {
        entries.push((paths::pdf(&guide.id), web.pdf.clone()));
        entries.push((paths::thumb(&guide.id), web.thumb.png.clone()));
        let page = html::guide_page(guide, collection, pdf_facts(web));
        entries.push((paths::page(&guide.id), page.into_bytes()));
        guides.push(SiteGuide::new(guide, web));
    }
    // A picture two guides show is one file.
    let mut pictures: BTreeMap<&str, &[u8]> = BTreeMap::new();
    for (_, web) in editions {
        for p in &web.pictures {
            match pictures.insert(&p.path, &p.bytes) {
                Some(other) if other != p.bytes.as_slice() => {
                    return Err(msg!("pictures-clash", path = &p.path))
                }
                _ => {}
            }
        }
    }
    entries.extend(pictures.into_iter().map(|(p, b)| (p.to_string(), b.to_vec())));
    let all: Vec<&Guide> = editions.iter().map(|(g, _)| *g).collect();
    let css = html::stylesheet(&html::audiences(&all));
    entries.push((paths::STYLE.into(), css.into_bytes()));
    let mut with_sums: Vec<(SiteFile, String)> = Vec::new();
    for f in files {
        let bytes = read_input(&f.source, MAX_ATTACHMENT).map_err(|e| {
            let href = f.source.display().to_string();
            msg!("attachment-unreadable", href = href, reason = e.to_string())
        })?;
        with_sums.push((
            SiteFile { bytes: bytes.len() as u64, ..f.clone() },
            sha256_hex(&bytes),
        ));
        entries.push((f.path, bytes));
    }
    let m = manifest::manifest(collection, base, &guides, &with_sums);
    entries.push(("manifest.json".into(), manifest::to_json(&m).into_bytes()));
    let cards: Vec<Card> = editions
        .iter()
        .map(|(g, w)| Card {
            guide: g,
            pdf: pdf_facts(w),
            thumb: (w.thumb.width, w.thumb.height),
        })
        .collect();
    entries
        .push((paths::INDEX.into(), html::index_page(collection, &cards).into_bytes()));
    if let Some(b) = base {
        entries.push((paths::SITEMAP.into(), html::sitemap(b, &all).into_bytes()));
    }
    Ok(Site { entries, guides, files: with_sums.into_iter().map(|(f, _)| f).collect() })
}

/// Every file of the site of `editions`, attachments collected: what
/// `bundle` puts under `site/` (a [`crate::output::units::SiteEntries`]).
pub fn entries(
    collection: &Collection,
    base: Option<&str>,
    editions: &[(&Guide, &WebEdition)],
) -> Result<Vec<(String, Vec<u8>)>, Msg> {
    let files = collect(editions.iter().map(|(g, _)| *g))?;
    Ok(assemble(collection, base, editions, files)?.entries)
}
