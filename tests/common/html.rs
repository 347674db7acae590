//! Reading the site's HTML back in tests: attribute values, entities and
//! visible text; a copy of the bundled project with a guide that uses every
//! addition to the format (tests/web/toutes-additions.json).

use std::path::Path;

use guidepress::output::site::{build_site, SiteLinks, SiteOptions, SiteReport};

use super::{project_copy, TempProject};

/// Values of `attr="…"` in `html`, entities decoded.
pub fn attr_values(html: &str, attr: &str) -> Vec<String> {
    let needle = format!(" {attr}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&needle) {
        rest = &rest[i + needle.len()..];
        let end = rest.find('"').expect("closed attribute");
        out.push(decode(&rest[..end]));
        rest = &rest[end..];
    }
    out
}

/// `s` with the entities guidepress writes decoded.
pub fn decode(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// What a reader sees of `html`'s body: tags dropped (a `<br>` is a
/// space), the words links add to say where they go (`<span class="to">`)
/// and the words only screen readers get (`class="vh"`) left out,
/// entities decoded, white space collapsed.
pub fn visible_text(html: &str) -> String {
    let body = &html[html.find("<body>").expect("a body")..];
    let mut out = String::new();
    let mut rest = body;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with("<span class=\"vh\">") || rest.starts_with("<p class=\"vh\">")
        {
            let end = if rest.starts_with("<p") { "</p>" } else { "</span>" };
            rest = &rest[rest.find(end).unwrap() + end.len()..];
            continue;
        }
        if rest.starts_with("<span class=\"to\">") {
            // With the space before it.
            out.truncate(out.trim_end().len());
            rest = &rest[rest.find("</span>").unwrap() + "</span>".len()..];
            continue;
        }
        if rest.starts_with("<br") {
            out.push(' ');
        }
        rest = &rest[rest.find('>').unwrap() + 1..];
    }
    out.push_str(rest);
    normalise(&decode(&out))
}

pub fn normalise(s: &str) -> String {
    s.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The id of the guide of tests/web/toutes-additions.json.
pub const ADDITIONS: &str = "toutes-additions";

/// A copy of the bundled project with the guide [`ADDITIONS`] added.
pub fn with_additions(name: &str) -> TempProject {
    let project = project_copy(name);
    let guide = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/web/toutes-additions.json");
    std::fs::copy(guide, project.guides().join("toutes-additions.json")).unwrap();
    project
}

/// Builds the site of `project` into `out`.
pub fn build_site_in(project: &Path, out: &Path, links: SiteLinks) -> SiteReport {
    let opts = SiteOptions {
        out_dir: out.to_path_buf(),
        links,
        ..SiteOptions::new(project.join("guides"), project.join("images"))
    };
    build_site(&opts, &|_, _, _| {})
        .unwrap_or_else(|d| panic!("the site does not build: {d:#?}"))
}
