//! The shell every page shares: the document head (language, viewport,
//! title, the shared stylesheet), a link to skip to the content, the site's
//! top bar, the main landmark and the footer.

use std::fmt::Write;

use super::escape::html;
use super::paths;
use super::words;
use crate::model::Lang;

/// The id of every page's main content, where the skip link leads.
pub const MAIN_ID: &str = "main";

/// What a page's shell says.
pub struct Shell<'a> {
    /// The page's language.
    pub lang: Lang,
    /// The `<title>`, as a browser tab and a search result show it.
    pub title: &'a str,
    /// The page's summary for search results, markup removed.
    pub description: Option<String>,
    /// Words to find the page by.
    pub keywords: &'a [String],
    /// The top bar's name of the site (the collection's title); a link to
    /// the index unless the page is the index.
    pub site: &'a str,
    /// The organisation, beside the site's name.
    pub organisation: Option<&'a str>,
    /// Whether this is the index page.
    pub is_index: bool,
}

/// The generator named in every page: `guidepress <version>`.
pub fn generator() -> String {
    format!("guidepress {}", env!("CARGO_PKG_VERSION"))
}

/// A whole page: `main` inside the shell, then `script` (inline, if any)
/// at the end of the body.
pub fn page(shell: &Shell, main: &str, script: Option<&str>) -> String {
    let lang = shell.lang;
    let mut h = String::with_capacity(main.len() + 2048);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n",
        lang.code(),
        html(shell.title)
    );
    if let Some(d) = &shell.description {
        let _ = writeln!(h, "<meta name=\"description\" content=\"{}\">", html(d));
    }
    if !shell.keywords.is_empty() {
        let _ = writeln!(
            h,
            "<meta name=\"keywords\" content=\"{}\">",
            html(&shell.keywords.join(", "))
        );
    }
    let _ = write!(
        h,
        "<meta name=\"generator\" content=\"{}\">\n\
         <link rel=\"stylesheet\" href=\"{}\">\n</head>\n<body>\n\
         <a class=\"skip\" href=\"#{MAIN_ID}\">{}</a>\n\
         <header class=\"bar\">\n<div class=\"wrap\">\n",
        html(&generator()),
        paths::STYLE,
        words::skip(lang)
    );
    if shell.is_index {
        // The index's h1 is the site's name: the bar names the organisation.
        if shell.organisation.is_none() {
            let _ = writeln!(h, "<p class=\"site\">{}</p>", html(shell.site));
        }
    } else {
        let _ = writeln!(
            h,
            "<p class=\"site\"><a href=\"{}\">{}</a></p>",
            paths::INDEX,
            html(shell.site)
        );
    }
    if let Some(org) = shell.organisation {
        let _ = writeln!(h, "<p class=\"org\">{}</p>", html(org));
    }
    let _ = write!(
        h,
        "</div>\n</header>\n<main id=\"{MAIN_ID}\" class=\"wrap\">\n{main}</main>\n"
    );
    h.push_str("<footer class=\"foot\">\n<div class=\"wrap\">\n");
    if !shell.is_index {
        let _ = writeln!(
            h,
            "<p><a href=\"{}\">{}</a></p>",
            paths::INDEX,
            words::all_guides(lang)
        );
    }
    let _ = write!(
        h,
        "<p>{} {}</p>\n</div>\n</footer>\n",
        words::generated(lang),
        html(&generator())
    );
    if let Some(s) = script {
        let _ = writeln!(h, "<script>{s}</script>");
    }
    h.push_str("</body>\n</html>\n");
    h
}
