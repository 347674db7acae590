//! The index page: every guide's card (title and thumbnail leading to its
//! page, a one-line summary, audience and date, then its PDF), narrowed by
//! audience without JavaScript (`:target`, see [`super::style`]) and found
//! by a word in a search box that a small inline script adds (without it,
//! the page lists everything).

use std::fmt::Write;

use super::document::{page, Shell};
use super::escape::html;
use super::guide::{capitalised, lang_attr, PdfFacts};
use super::inline::{inline, prose};
use super::paths;
use super::words;
use crate::model::labels;
use crate::model::values::slugify;
use crate::model::{Collection, Guide, Lang};

/// The search script, inlined at the end of the index page.
pub const SEARCH_JS: &str = include_str!("search.js");

/// Cards after this many load their thumbnail lazily.
const EAGER_THUMBS: usize = 3;

/// One guide on the index.
#[derive(Debug, Clone, Copy)]
pub struct Card<'a> {
    /// The guide.
    pub guide: &'a Guide,
    /// Its PDF.
    pub pdf: PdfFacts,
    /// The size of its thumbnail in pixels.
    pub thumb: (u32, u32),
}

/// An audience the index can be narrowed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Audience {
    /// As the first guide that names it writes it.
    pub name: String,
    /// Its slug: the filter's anchor is `pour-<slug>`, cards carry `a-<slug>`.
    pub slug: String,
    /// How many guides are for it.
    pub count: usize,
}

/// The audiences of `guides`, in order of first mention; audiences that
/// differ only by case or accents are one.
pub fn audiences(guides: &[&Guide]) -> Vec<Audience> {
    let mut out: Vec<Audience> = Vec::new();
    for g in guides {
        let mut seen = Vec::new();
        for a in &g.audience {
            let slug = slugify(a);
            if slug.is_empty() || seen.contains(&slug) {
                continue;
            }
            seen.push(slug.clone());
            match out.iter_mut().find(|x| x.slug == slug) {
                Some(x) => x.count += 1,
                None => out.push(Audience { name: a.clone(), slug, count: 1 }),
            }
        }
    }
    out
}

/// The id of the list of guides (the "all guides" link leads there).
const LIST_ID: &str = "fiches";

/// The index page of `collection` listing `cards` in that order.
pub fn index_page(collection: &Collection, cards: &[Card]) -> String {
    let lang = collection.lang;
    let title = labels::collection_title(collection);
    let guides: Vec<&Guide> = cards.iter().map(|c| c.guide).collect();
    let audiences = audiences(&guides);
    let mut m = String::new();
    let _ = write!(
        m,
        "<h1>{}</h1>\n<p class=\"intro\">{}</p>\n",
        html(&title),
        html(&words::guides_intro(cards.len(), lang))
    );
    if cards.len() > 1 {
        search_box(&mut m, lang);
    }
    // Narrowing is worth offering when it leaves some guides out.
    if audiences.iter().any(|a| a.count < cards.len()) {
        filters(&mut m, &audiences, lang);
    }
    if !cards.is_empty() {
        let _ = writeln!(m, "<ol class=\"guides\" id=\"{LIST_ID}\">");
        for (i, c) in cards.iter().enumerate() {
            card(&mut m, c, lang, i >= EAGER_THUMBS);
        }
        m.push_str("</ol>\n");
    }
    let shell = Shell {
        lang,
        title: &title,
        description: Some(words::guides_intro(cards.len(), lang)),
        keywords: &[],
        site: &title,
        organisation: collection.organisation.as_deref(),
        is_index: true,
    };
    let script = (cards.len() > 1).then_some(SEARCH_JS.trim());
    page(&shell, &m, script)
}

/// The search box: hidden until the script shows it (it does nothing
/// without the script). The script reads what to say from its attributes.
fn search_box(m: &mut String, lang: Lang) {
    let [one, many, none] = words::search_results(lang);
    let _ = write!(
        m,
        "<div class=\"find\" id=\"find\" role=\"search\" hidden data-one=\"{}\" \
         data-many=\"{}\" data-none=\"{}\">\n<label for=\"q\">{}</label>\n\
         <input type=\"search\" id=\"q\" autocomplete=\"off\" aria-describedby=\"q-hint\">\n\
         <p class=\"hint\" id=\"q-hint\">{}</p>\n<p class=\"count\" id=\"q-count\" \
         role=\"status\"></p>\n</div>\n",
        html(one),
        html(many),
        html(none),
        words::search(lang),
        html(words::search_hint(lang))
    );
}

/// Links that narrow the list to one audience, and the line that says so
/// (shown only when its anchor is the page's target).
fn filters(m: &mut String, audiences: &[Audience], lang: Lang) {
    let _ = write!(
        m,
        "<nav class=\"audiences\" aria-label=\"{}\">\n<p>{}{}</p>\n<ul>\n",
        words::by_audience(lang),
        labels::audience(lang),
        labels::colon(lang)
    );
    for a in audiences {
        let _ = writeln!(
            m,
            "<li><a href=\"#pour-{}\">{} <span class=\"n\">({})</span></a></li>",
            a.slug,
            html(&a.name),
            a.count
        );
    }
    let _ = writeln!(
        m,
        "<li><a href=\"#{LIST_ID}\">{}</a></li>\n</ul>\n</nav>",
        words::all_guides(lang)
    );
    for a in audiences {
        let _ = writeln!(
            m,
            "<p class=\"filter\" id=\"pour-{}\" tabindex=\"-1\">{}{} <strong>{}</strong> \
             ({}) · <a href=\"#{LIST_ID}\">{}</a></p>",
            a.slug,
            words::for_audience(lang),
            labels::colon(lang),
            html(&a.name),
            html(&words::guide_count(a.count, lang)),
            words::all_guides(lang)
        );
    }
}

/// One guide's card, in the guide's language.
fn card(m: &mut String, c: &Card, page_lang: Lang, lazy: bool) {
    let g = c.guide;
    let lang = g.lang;
    let title = g.title.plain_text().replace('\n', " ");
    let page_url = html(&paths::page(&g.id));
    let classes: String = {
        let mut slugs: Vec<String> = g.audience.iter().map(|a| slugify(a)).collect();
        slugs.retain(|s| !s.is_empty());
        slugs.dedup();
        slugs.iter().map(|s| format!(" a-{s}")).collect()
    };
    let _ = write!(m, "<li class=\"card{classes}\"{}", lang_attr(lang, page_lang));
    if !g.keywords.is_empty() {
        let _ = write!(m, " data-keywords=\"{}\"", html(&g.keywords.join(" · ")));
    }
    let _ = write!(m, ">\n<h2><a href=\"{page_url}\">{}</a></h2>\n", prose(&title));
    if let Some(d) = &g.description {
        let _ = writeln!(m, "<p class=\"desc\">{}</p>", inline(d, lang));
    }
    let mut facts = Vec::new();
    if !g.audience.is_empty() {
        facts.push(format!(
            "{}{} {}",
            labels::audience(lang),
            labels::colon(lang),
            html(&g.audience.join(", "))
        ));
    }
    let dated =
        g.updated.map(|u| (None, Some(u))).or(g.published.map(|p| (Some(p), None)));
    if let Some(line) = dated.and_then(|(p, u)| labels::dates_line(p, u, lang)) {
        facts.push(html(&capitalised(&line)));
    }
    if !facts.is_empty() {
        let spans: Vec<String> =
            facts.iter().map(|f| format!("<span>{f}</span>")).collect();
        let _ = writeln!(m, "<p class=\"meta\">{}</p>", spans.join(" "));
    }
    let _ = writeln!(
        m,
        "<p class=\"pdf\"><a href=\"{}\">{}<span class=\"vh\">{} {}</span> \
         <span class=\"to\">({})</span></a></p>",
        html(&paths::pdf(&g.id)),
        words::pdf_link(lang),
        labels::colon(lang),
        html(&title),
        html(&words::pdf_facts(c.pdf.bytes, c.pdf.pages, lang))
    );
    // The thumbnail leads to the page too; the title link already names it.
    let _ = write!(
        m,
        "<a class=\"thumb\" href=\"{page_url}\" tabindex=\"-1\" aria-hidden=\"true\">\
         <img src=\"{}\" alt=\"\" width=\"{}\" height=\"{}\"{}></a>\n</li>\n",
        html(&paths::thumb(&g.id)),
        c.thumb.0,
        c.thumb.1,
        if lazy { " loading=\"lazy\"" } else { "" }
    );
}
