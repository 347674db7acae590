//! One guide as the site publishes it: what the manifest and the command's
//! report say about it (where its files go: [`crate::html::paths`]).

use crate::model::{Date, Guide, Inline, Lang};
use crate::output::cache::hash::sha256_hex;
use crate::output::units::attachments::{local_files, site_path};
use crate::output::units::WebEdition;

/// One published guide: what the manifest says about it.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteGuide {
    /// Guide id.
    pub id: String,
    /// Title, markup removed, on one line.
    pub title: String,
    /// Summary.
    pub description: Option<Inline>,
    /// Language.
    pub lang: Lang,
    /// Who it is for.
    pub audience: Vec<String>,
    /// First publication.
    pub published: Option<Date>,
    /// Last update.
    pub updated: Option<Date>,
    /// Pages of the web PDF.
    pub pages: usize,
    /// Size of the web PDF.
    pub bytes: u64,
    /// SHA-256 of the web PDF, lowercase hex.
    pub sha256: String,
    /// Thumbnail width in pixels.
    pub thumb_width: u32,
    /// Thumbnail height in pixels.
    pub thumb_height: u32,
    /// Site paths of its attachments.
    pub attachments: Vec<String>,
}

impl SiteGuide {
    /// What the manifest says about `guide`, published as `web`.
    pub fn new(guide: &Guide, web: &WebEdition) -> Self {
        let mut attachments: Vec<String> =
            local_files(guide).map(|f| site_path(&f.rel_path)).collect();
        attachments.dedup();
        SiteGuide {
            id: guide.id.clone(),
            title: guide.title.plain_text().replace('\n', " "),
            description: guide.description.clone(),
            lang: guide.lang,
            audience: guide.audience.clone(),
            published: guide.published,
            updated: guide.updated,
            pages: web.pages,
            bytes: web.pdf.len() as u64,
            sha256: sha256_hex(&web.pdf),
            thumb_width: web.thumb.width,
            thumb_height: web.thumb.height,
            attachments,
        }
    }
}
