//! `sitemap.xml`: the pages of a site published at a base URL, with the
//! date each last changed, for search engines.

use std::fmt::Write;

use super::escape::html;
use super::paths;
use crate::model::Guide;

/// The sitemap of the index and the pages of `guides`, under `base` (which
/// ends with `/`).
pub fn sitemap(base: &str, guides: &[&Guide]) -> String {
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let newest = guides.iter().filter_map(|g| g.updated.or(g.published)).max();
    url(&mut x, &format!("{base}{}", paths::INDEX), newest.map(|d| d.iso()));
    for g in guides {
        let changed = g.updated.or(g.published).map(|d| d.iso());
        url(&mut x, &format!("{base}{}", paths::page(&g.id)), changed);
    }
    x.push_str("</urlset>\n");
    x
}

fn url(x: &mut String, loc: &str, lastmod: Option<String>) {
    let _ = write!(x, "<url><loc>{}</loc>", html(loc));
    if let Some(d) = lastmod {
        let _ = write!(x, "<lastmod>{d}</lastmod>");
    }
    x.push_str("</url>\n");
}
