//! A guide's page: the sheet's header facts (breadcrumb, title, audience,
//! dates, author, source), the "Descriptif", the link to the PDF, the body
//! and the disclaimer, in the guide's language.

use std::fmt::Write;

use super::blocks::Body;
use super::document::{page, Shell, MAIN_ID};
use super::escape::html;
use super::inline::{inline, prose};
use super::paths;
use super::words;
use crate::model::labels;
use crate::model::{Collection, Guide, Lang};

/// What the site knows of a guide's PDF: the page and the index announce it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PdfFacts {
    /// Its page count.
    pub pages: usize,
    /// Its size in bytes.
    pub bytes: u64,
}

/// The ids a guide page uses besides its headings'.
const PAGE_IDS: &[&str] = &[MAIN_ID, "download"];

/// The HTML page of `guide`, whose PDF is described by `pdf`.
pub fn guide_page(guide: &Guide, collection: &Collection, pdf: PdfFacts) -> String {
    let lang = guide.lang;
    let title = guide.title.plain_text().replace('\n', " ");
    let site = labels::collection_title(collection);
    let mut m = String::from("<article>\n<header class=\"sheet\">\n");
    if !guide.breadcrumb.is_empty() {
        let crumbs: Vec<String> = guide.breadcrumb.iter().map(|c| prose(c)).collect();
        let _ = writeln!(
            m,
            "<p class=\"crumbs\">{}</p>",
            crumbs.join(" <span aria-hidden=\"true\">›</span> ")
        );
    }
    let _ = writeln!(m, "<h1>{}</h1>", inline(&guide.title, lang));
    facts(&mut m, guide);
    if let Some(d) = &guide.description {
        let _ = writeln!(
            m,
            "<p class=\"summary\"><strong>{}{}</strong> {}</p>",
            labels::summary(lang),
            labels::colon(lang),
            inline(d, lang)
        );
    }
    let _ = write!(
        m,
        "<p class=\"download\" id=\"download\"><a href=\"{}\">\
         <span class=\"icon\" aria-hidden=\"true\">\u{2b07}\u{fe0e}</span> {} \
         <span class=\"to\">({})</span></a></p>\n</header>\n",
        html(&paths::pdf(&guide.id)),
        words::download(lang),
        html(&words::pdf_facts(pdf.bytes, pdf.pages, lang))
    );
    let mut body = Body::new(lang, PAGE_IDS);
    body.blocks(&guide.body);
    m.push_str(&body.finish());
    if let Some(d) = &collection.disclaimer {
        let _ = writeln!(
            m,
            "<footer class=\"disclaimer\">\n<p>{}</p>\n</footer>",
            inline(d, lang)
        );
    }
    m.push_str("</article>\n");
    let page_title = format!("{title} · {site}");
    let shell = Shell {
        lang,
        title: &page_title,
        description: guide
            .description
            .as_ref()
            .map(|d| d.plain_text().replace('\n', " ")),
        keywords: &guide.keywords,
        site: &site,
        organisation: collection.organisation.as_deref(),
        is_index: false,
    };
    page(&shell, &m, None)
}

/// The header's facts, one per line: audience, dates, author, source.
fn facts(m: &mut String, guide: &Guide) {
    let lang = guide.lang;
    let mut lines = Vec::new();
    let key = |k: &str| format!("<span class=\"k\">{k}{}</span>", labels::colon(lang));
    if !guide.audience.is_empty() {
        lines.push(format!(
            "{} {}",
            key(labels::audience(lang)),
            html(&guide.audience.join(", "))
        ));
    }
    if let Some(d) = labels::dates_line(guide.published, guide.updated, lang) {
        lines.push(html(&capitalised(&d)));
    }
    if let Some(a) = &guide.author {
        lines.push(format!("{} {}", key(labels::author(lang)), html(a)));
    }
    if let Some(url) = &guide.source_url {
        let shown = url.split_once("://").map_or(url.as_str(), |(_, rest)| rest);
        lines.push(format!(
            "{} <a class=\"url\" href=\"{}\">{}</a>",
            key(words::source(lang)),
            html(url),
            html(shown.trim_end_matches('/'))
        ));
    }
    if lines.is_empty() {
        return;
    }
    m.push_str("<ul class=\"facts\">\n");
    for l in lines {
        let _ = writeln!(m, "<li>{l}</li>");
    }
    m.push_str("</ul>\n");
}

/// `s` with its first letter in upper case (a date line starts a line).
pub fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The language a page in `page_lang` gives an element in `lang`: a
/// `lang` attribute when they differ.
pub fn lang_attr(lang: Lang, page_lang: Lang) -> String {
    if lang == page_lang {
        String::new()
    } else {
        format!(" lang=\"{}\"", lang.code())
    }
}
