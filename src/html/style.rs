//! The site's one stylesheet: `style.css` (hand-written, small screens
//! first, with print rules), followed by the rules that narrow the index to
//! one audience, which depend on the collection's audiences.

use std::fmt::Write;

use super::index::Audience;

/// The hand-written part.
pub const BASE: &str = include_str!("style.css");

/// The stylesheet of a site whose guides are for `audiences`.
pub fn stylesheet(audiences: &[Audience]) -> String {
    let mut css = BASE.to_string();
    if !audiences.is_empty() {
        css.push_str(
            "\n/* The index narrowed to one audience: the target of its link. */\n",
        );
    }
    for a in audiences {
        let _ = writeln!(
            css,
            "#pour-{0}:target ~ .guides > li:not(.a-{0}) {{ display: none; }}",
            a.slug
        );
    }
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value of a `--name: #hex;` custom property of the stylesheet.
    fn var(name: &str) -> &'static str {
        let at = BASE.find(&format!("--{name}:")).expect("variable defined");
        let rest = &BASE[at..];
        let hash = rest.find('#').expect("hex colour");
        let end = rest[hash..].find([';', ' ', '}']).unwrap_or(rest.len() - hash);
        &rest[hash..hash + end]
    }

    /// WCAG 2 relative luminance of `#rgb` or `#rrggbb`.
    fn luminance(hex: &str) -> f64 {
        let h = hex.trim_start_matches('#');
        let h: String = if h.len() == 3 {
            h.chars().flat_map(|c| [c, c]).collect()
        } else {
            h.into()
        };
        let c = |i: usize| {
            let v = u8::from_str_radix(&h[i..i + 2], 16).unwrap() as f64 / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * c(0) + 0.7152 * c(2) + 0.0722 * c(4)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    /// The first `property: #hex` inside the rule that starts with `selector {`.
    fn colour_in(selector: &str, property: &str) -> &'static str {
        let at = BASE.find(&format!("\n{selector} {{")).expect(selector);
        let rule = &BASE[at..at + BASE[at..].find('}').unwrap()];
        let p = rule.find(&format!("{property}:")).expect(property);
        let hash = rule[p..].find('#').unwrap() + p;
        let end = rule[hash..].find([';', ' ', '}']).unwrap() + hash;
        &BASE[at + hash..at + end]
    }

    #[test]
    fn text_colours_meet_wcag_aa_contrast() {
        let bg = |kind: &str| colour_in(&format!(".is-{kind}"), "background");
        // (text, background) pairs the pages use.
        let pairs = [
            (var("ink"), "#fff"),
            (var("muted"), "#fff"),
            (var("muted"), var("soft")),
            (var("link"), "#fff"),
            (var("link"), var("soft")),
            (var("ink"), var("soft")),
            ("#fff", var("accent")),
            (var("accent"), "#fff"),
            (colour_in(".is-tip .label", "color"), bg("tip")),
            (colour_in(".is-warning .label", "color"), bg("warning")),
            (colour_in(".is-important .label", "color"), bg("important")),
        ];
        let mut pairs = pairs.to_vec();
        for kind in ["note", "tip", "warning", "important"] {
            pairs.push((var("ink"), bg(kind)));
            pairs.push((var("link"), bg(kind)));
            pairs.push((var("muted"), bg(kind)));
        }
        for (fg, bg) in pairs {
            let r = contrast(fg, bg);
            assert!(r >= 4.5, "{fg} on {bg}: contrast {r:.2} < 4.5");
        }
        // Borders and keycaps against white: non-text contrast, 3:1.
        for border in [var("key"), colour_in(".is-note", "border"), var("muted")] {
            assert!(contrast(border, "#fff") >= 3.0, "{border}");
        }
    }

    #[test]
    fn each_audience_gets_its_narrowing_rule() {
        let a = |slug: &str| Audience { name: slug.into(), slug: slug.into(), count: 1 };
        let css = stylesheet(&[a("eleves"), a("responsables")]);
        assert!(css.starts_with(BASE));
        assert!(css.contains(
            "#pour-eleves:target ~ .guides > li:not(.a-eleves) { display: none; }"
        ));
        assert!(css.contains("#pour-responsables:target"));
        assert_eq!(stylesheet(&[]), BASE);
    }
}
