//! `manifest.json`: what a CMS script or CI needs to know about each file of
//! the site, keyed by guide id in collection order, with stable key order.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use super::collect::SiteFile;
use super::guide::SiteGuide;
use crate::html::paths;
use crate::model::{Collection, Date};

/// Version of the manifest's layout; bumped when a field changes meaning.
pub const MANIFEST_FORMAT: u32 = 1;

/// The whole manifest. Field order is the order written.
#[derive(Debug, Serialize)]
pub struct Manifest {
    /// [`MANIFEST_FORMAT`].
    pub format: u32,
    /// `guidepress <version>`.
    pub generator: String,
    /// The collection's title.
    pub title: String,
    /// The organisation, if any.
    pub organisation: Option<String>,
    /// The collection's language code.
    pub lang: String,
    /// Where the site lives, if known; URLs below are relative to the site otherwise.
    pub base_url: Option<String>,
    /// The guides, by id, in collection order.
    #[serde(serialize_with = "in_order")]
    pub guides: Vec<(String, GuideEntry)>,
    /// Every attachment copied into the site, sorted by path.
    pub files: Vec<FileEntry>,
}

/// One guide's web PDF.
#[derive(Debug, Serialize)]
pub struct GuideEntry {
    /// Title, markup removed.
    pub title: String,
    /// Summary, markup removed.
    pub description: Option<String>,
    /// Language code.
    pub lang: String,
    /// First publication, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Last update, `YYYY-MM-DD`.
    pub updated: Option<String>,
    /// Page count.
    pub pages: usize,
    /// Size of the PDF.
    pub bytes: u64,
    /// SHA-256 of the PDF, lowercase hex.
    pub sha256: String,
    /// The PDF: `<base_url>pdf/<id>.pdf`, or `pdf/<id>.pdf`.
    pub url: String,
    /// The HTML page, same rule: `<base_url><id>.html`.
    pub html: String,
    /// The thumbnail, same rule.
    pub thumbnail: String,
    /// Site paths of the guide's attachments.
    pub attachments: Vec<String>,
}

/// One attachment.
#[derive(Debug, Serialize)]
pub struct FileEntry {
    /// Path in the site.
    pub path: String,
    /// Size.
    pub bytes: u64,
    /// SHA-256, lowercase hex.
    pub sha256: String,
    /// Full URL, or the path again without a base URL.
    pub url: String,
}

fn in_order<S: Serializer>(v: &[(String, GuideEntry)], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(v.len()))?;
    for (k, e) in v {
        map.serialize_entry(k, e)?;
    }
    map.end()
}

/// Builds the manifest; `files` pairs each attachment with its SHA-256.
pub fn manifest(
    collection: &Collection,
    base_url: Option<&str>,
    guides: &[SiteGuide],
    files: &[(SiteFile, String)],
) -> Manifest {
    let url = |path: String| match base_url {
        Some(b) => format!("{b}{path}"),
        None => path,
    };
    Manifest {
        format: MANIFEST_FORMAT,
        generator: format!("guidepress {}", env!("CARGO_PKG_VERSION")),
        title: collection.title.clone(),
        organisation: collection.organisation.clone(),
        lang: collection.lang.code().to_string(),
        base_url: base_url.map(str::to_string),
        guides: guides
            .iter()
            .map(|g| {
                let entry = GuideEntry {
                    title: g.title.clone(),
                    description: g.description.as_ref().map(|d| d.plain_text()),
                    lang: g.lang.code().to_string(),
                    published: g.published.map(Date::iso),
                    updated: g.updated.map(Date::iso),
                    pages: g.pages,
                    bytes: g.bytes,
                    sha256: g.sha256.clone(),
                    url: url(paths::pdf(&g.id)),
                    html: url(paths::page(&g.id)),
                    thumbnail: url(paths::thumb(&g.id)),
                    attachments: g.attachments.clone(),
                };
                (g.id.clone(), entry)
            })
            .collect(),
        files: files
            .iter()
            .map(|(f, sha)| FileEntry {
                path: f.path.clone(),
                bytes: f.bytes,
                sha256: sha.clone(),
                url: url(f.path.clone()),
            })
            .collect(),
    }
}

/// The manifest as pretty-printed JSON with a final newline.
pub fn to_json(m: &Manifest) -> String {
    let mut s = serde_json::to_string_pretty(m).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}
