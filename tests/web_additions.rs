//! The format's additions in the web edition, read back from the page of a
//! guide that uses them all (tests/web/toutes-additions.json): keys as
//! `<kbd>`, menu paths read as the PDF's ActualText says, lettered
//! sub-steps, pictures side by side, variants as tabs without JavaScript
//! with every body in the page (and in print), annotations as an SVG in the
//! picture's pixels with words for screen readers, column widths as CSS.
//! The texts, alt texts, links and weight of that page are checked with the
//! bundled guides' in tests/web_pages.rs.

mod common;

use std::fs;

use common::html::{attr_values, build_site_in, visible_text, with_additions, ADDITIONS};
use common::ProjectExt;
use guidepress::model::Block;
use guidepress::output::site::SiteLinks;

/// The page of the additions guide, its stylesheet, and the guide, built
/// in a project of its own named `name`.
fn page(name: &str) -> (String, String, guidepress::model::Guide) {
    let project = with_additions(name);
    let out = project.join("site");
    build_site_in(&project, &out, SiteLinks::Relative);
    let html = fs::read_to_string(out.join(format!("{ADDITIONS}.html"))).unwrap();
    let css = fs::read_to_string(out.join("style.css")).unwrap();
    let loaded = project.load().unwrap();
    let guide = loaded
        .guides
        .into_iter()
        .find(|g| g.id == ADDITIONS)
        .and_then(|g| g.result.ok())
        .expect("the additions guide is valid");
    (html, css, guide)
}

/// The part of `html` from `start` to the first `end` after it.
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let a = html.find(start).unwrap_or_else(|| panic!("no {start}"));
    let from = a + start.len();
    let b =
        html[from..].find(end).unwrap_or_else(|| panic!("no {end} after {start}")) + from;
    &html[a..b + end.len()]
}

#[test]
fn web_additions_render_as_html() {
    let (html, css, guide) = page("web-additions-markup");
    // (what the page must hold, why)
    let table: &[(&str, &str)] = &[
        (
            "<kbd class=\"keys\"><kbd>Ctrl</kbd>+<wbr><kbd>Maj</kbd>+<wbr><kbd>Suppr</kbd></kbd>",
            "a combination: nested kbd",
        ),
        ("<kbd>F5</kbd> seule", "a single key"),
        (
            "<span class=\"menu\"><span class=\"ml\"><b>☰</b>\u{a0}<span aria-hidden=\"true\">›</span>\
             <span class=\"vh\">, puis</span></span> <span class=\"ml\"><b>Paramètres</b>",
            "a menu path: bold labels, › hidden, read as \"☰, puis Paramètres\"",
        ),
        (
            "<ol class=\"sub\" type=\"a\">\n<li>choisissez <strong>Paramètres</strong> ;</li>",
            "sub-steps: a lettered list under their step",
        ),
        ("<figure class=\"pics\">\n<div class=\"row\">", "a picture group: one row"),
        (
            "<figcaption>Trois écrans côte à côte, de gauche à droite.</figcaption>\n</figure>",
            "the group's caption",
        ),
        ("<legend>Selon votre navigateur :</legend>", "the variants' title names the tabs"),
        (
            "<input type=\"radio\" name=\"v1\" id=\"v1-1\" checked><label for=\"v1-1\">Firefox</label>",
            "the first tab is chosen",
        ),
        ("<label for=\"v1-3\">Edge</label>", "every tab"),
        (
            "<colgroup><col style=\"width:25%\"><col><col style=\"width:20%\"></colgroup>",
            "column widths",
        ),
        ("<th scope=\"col\" class=\"ar\">Version</th>", "column alignment"),
        ("<td class=\"ar\">128</td>", "column alignment in the rows"),
    ];
    for (want, why) in table {
        assert!(html.contains(want), "{why}: {want:?} not in the page");
    }
    // The step's pictures are in a row inside its list item, after the sub-steps.
    let step = between(&html, "<ol class=\"steps\">", "Le profil</figcaption>");
    assert!(step.find("class=\"sub\"") < step.find("<div class=\"row\">"), "{step}");
    assert_eq!(step.matches("<figure class=\"pic\">").count(), 2, "{step}");
    // Wide enough for three side by side, stacked on a phone (358 px of text).
    assert!(css.contains(".row > .pic { flex: 1 1 11rem;"), "rows wrap under 2 × 11rem");
    assert!(css.contains(".pic img { display: block; max-width: 100%; height: auto;"));
    // Sub-steps lettered a), b), c) as in print.
    assert!(css.contains(
        "@counter-style paren-alpha { system: extends lower-alpha; suffix: \") \"; }"
    ));
    assert_eq!(guide.id, ADDITIONS);
}

#[test]
fn web_every_variant_is_in_the_page_and_in_print() {
    let (html, css, guide) = page("web-additions-variants");
    let Some(Block::Variants { items, .. }) =
        guide.body.iter().map(|b| &b.value).find(|b| matches!(b, Block::Variants { .. }))
    else {
        panic!("the guide has variants")
    };
    let group = between(&html, "<div class=\"variants\">", "</section>\n</div>");
    assert_eq!(group.matches("<section class=\"panel\"").count(), items.len());
    assert_eq!(group.matches("type=\"radio\"").count(), items.len());
    // Each panel is headed by its label, one level below the enclosing h2;
    // a heading of its body one level below the label.
    for v in items {
        let label = v.label.plain_text();
        assert!(
            group.contains(&format!(
                "class=\"vl\" id=\"{}\">{label}</h3>",
                label.to_lowercase()
            )),
            "{label}"
        );
    }
    assert!(group.contains("<h4 id=\"dans-firefox\">Dans Firefox</h4>"), "{group}");
    // The bodies of the tabs not chosen are in the page too.
    let seen = visible_text(&format!("<body>{group}"));
    for text in [
        "Le texte propre à Firefox",
        "Le texte propre à Chrome : ⋮ › Historique.",
        "une sous-étape de Chrome.",
        "Une astuce propre à Edge.",
        "La légende dans Edge.",
    ] {
        assert!(seen.contains(text), "{text:?} not in {seen:?}");
    }
    // Without JavaScript: the stylesheet shows the chosen panel only where
    // the browser can tell which radio button is checked; print shows all.
    assert!(!html.contains("<script"), "a guide page has no script");
    assert!(css.contains(
        "@supports selector(:has(a)) {\n  .variants > .panel { display: none; }"
    ));
    for k in 1..=6 {
        assert!(css.contains(&format!(
            ".variants:has(input:nth-of-type({k}):checked) > .panel:nth-of-type({k})"
        )));
    }
    let print = &css[css.find("@media print").unwrap()..];
    assert!(print.contains(".variants > .panel { display: block !important;"));
    assert!(print.contains(".variants fieldset { display: none; }"));
}

#[test]
fn web_annotations_are_drawn_over_their_picture_and_said_in_words() {
    let (html, _, _) = page("web-additions-annotations");
    let first = between(&html, "<div class=\"shot\">", "</figure>");
    // The SVG covers the picture, in the picture's own pixels.
    let img = between(first, "<img ", ">");
    assert!(first.contains("<svg class=\"marks\" viewBox=\"0 0 "), "{first}");
    let view = between(first, "viewBox=\"0 0 ", "\"");
    let size: Vec<u32> = view["viewBox=\"0 0 ".len()..view.len() - 1]
        .split(' ')
        .map(|v| v.parse().unwrap())
        .collect();
    let (w, h): (u32, u32) = (
        attr_values(img, "width")[0].parse().unwrap(),
        attr_values(img, "height")[0].parse().unwrap(),
    );
    // The same proportions as the picture shown.
    let ratio = |a: u32, b: u32| a as f64 / b as f64;
    assert!((ratio(size[0], size[1]) - ratio(w, h)).abs() < 0.01, "{view} vs {w}×{h}");
    // A marker: a red disc with a white halo and its digit; a frame.
    assert!(first.contains("fill=\"#fff\"/><circle cx=\"60\" cy=\"60\""), "{first}");
    assert!(first.contains("fill=\"#c00000\"/><text x=\"60\""), "{first}");
    assert!(first.contains(">1</text>"), "{first}");
    assert!(first.contains("<rect "), "{first}");
    // For screen readers, what the picture carries.
    assert!(
        first.contains("<p class=\"vh\">Sur l’image\u{a0}: repère\u{a0}1, un cadre.</p>"),
        "{first}"
    );
    assert!(html.contains("<p class=\"vh\">Sur l’image\u{a0}: une flèche.</p>"));
    // Inside a variant too.
    assert!(html.contains("repère\u{a0}3."), "the Edge picture's marker");
}
