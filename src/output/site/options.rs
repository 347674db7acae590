//! What a site is built with: where its links point, which standards its
//! PDFs meet, and how the command line's words for them are read.

use std::path::PathBuf;

use crate::i18n::Msg;
use crate::model::values::check_url;
use crate::model::Collection;
use crate::msg;
use crate::pdf::PdfStandard;

/// Where links in the web PDFs and the manifest point.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SiteLinks {
    /// The collection's `base_url` if it has one, else relative links.
    #[default]
    Collection,
    /// This base URL (ends with `/`).
    Base(String),
    /// Relative links, whatever the collection says: the folder works anywhere.
    Relative,
}

/// What to publish and where.
#[derive(Debug, Clone)]
pub struct SiteOptions {
    /// Folder of `*.json` guides.
    pub guides_dir: PathBuf,
    /// Folder of pictures.
    pub images_dir: PathBuf,
    /// The site folder (replaced as a whole), e.g. `out/site`.
    pub out_dir: PathBuf,
    /// Where links point.
    pub links: SiteLinks,
    /// Standards every web PDF must meet (PDF/UA-1 by default).
    pub standards: Vec<PdfStandard>,
    /// Worker threads; `None` = all cores.
    pub jobs: Option<usize>,
}

impl SiteOptions {
    /// Default options for a project: PDF/UA-1, `out/site`.
    pub fn new(guides_dir: impl Into<PathBuf>, images_dir: impl Into<PathBuf>) -> Self {
        SiteOptions {
            guides_dir: guides_dir.into(),
            images_dir: images_dir.into(),
            out_dir: PathBuf::from("out/site"),
            links: SiteLinks::Collection,
            standards: vec![PdfStandard::Ua1],
            jobs: None,
        }
    }
}

/// Parses a comma-separated list of standards such as `a-2a,ua-1`
/// (case-insensitive, spaces allowed; `pdf/` prefixes accepted).
pub fn parse_standards(list: &str) -> Result<Vec<PdfStandard>, Msg> {
    let valid = PdfStandard::ALL.map(|s| s.option_name()).join(", ");
    let mut out = Vec::new();
    for raw in list.split(',').map(str::trim) {
        let name = raw.to_ascii_lowercase().replace(['/', '_'], "-");
        let name = name.strip_prefix("pdf-").unwrap_or(&name);
        let Some(s) = PdfStandard::ALL.into_iter().find(|s| s.option_name() == name)
        else {
            return Err(msg!("unknown-standard", name = raw, valid = &valid));
        };
        if !out.contains(&s) {
            out.push(s);
        }
    }
    let archival: Vec<&str> =
        out.iter().filter(|s| **s != PdfStandard::Ua1).map(|s| s.name()).collect();
    if archival.len() > 1 {
        return Err(msg!("one-pdfa-level", levels = archival.join(", ")));
    }
    Ok(out)
}

/// Checks a `--base-url` and gives it its final `/`.
pub fn normalize_base_url(url: &str) -> Result<String, Msg> {
    check_url(url, &["https", "http"]).map_err(|(problem, help)| {
        msg!("base-url-bad", problem = problem, help = help)
    })?;
    let mut url = url.to_string();
    if !url.ends_with('/') {
        url.push('/');
    }
    Ok(url)
}

/// The base URL that `links` selects for `collection`.
pub fn base_url(links: &SiteLinks, collection: &Collection) -> Option<String> {
    match links {
        SiteLinks::Collection => collection.base_url.clone(),
        SiteLinks::Base(b) => Some(b.clone()),
        SiteLinks::Relative => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standards_lists_parse_like_typst() {
        use PdfStandard::*;
        let table: &[(&str, Result<Vec<PdfStandard>, &str>)] = &[
            ("ua-1", Ok(vec![Ua1])),
            ("a-2b", Ok(vec![A2b])),
            ("a-2a,ua-1", Ok(vec![A2a, Ua1])),
            (" A-2U , UA-1 ", Ok(vec![A2u, Ua1])),
            ("pdf/a-2b", Ok(vec![A2b])),
            ("ua-1,ua-1", Ok(vec![Ua1])),
            ("a-3b", Err("unknown PDF standard \"a-3b\"; valid: ua-1, a-2b, a-2u, a-2a")),
            ("", Err("unknown PDF standard \"\"")),
            ("a-2a,a-2b", Err("choose one PDF/A level")),
        ];
        for (list, want) in table {
            match (parse_standards(list), want) {
                (Ok(got), Ok(want)) => assert_eq!(&got, want, "{list}"),
                (Err(got), Err(want)) => {
                    assert!(got.en().starts_with(want), "{list}: {got}")
                }
                (got, want) => panic!("{list}: got {got:?}, want {want:?}"),
            }
        }
    }

    #[test]
    fn base_urls_are_checked_and_end_with_a_slash() {
        assert_eq!(
            normalize_base_url("https://a.fr/fiches").unwrap(),
            "https://a.fr/fiches/"
        );
        assert_eq!(normalize_base_url("https://a.fr/").unwrap(), "https://a.fr/");
        assert!(normalize_base_url("a.fr/fiches").is_err());
        assert!(normalize_base_url("ftp://a.fr/").is_err());
    }
}
