//! Inline text as HTML: emphasis, code, line breaks and links. A `guide:`
//! link goes to that guide's page; a link out of the site says where it
//! goes (its host, or the mail address) when its words do not.

use std::fmt::Write;

use super::escape::html;
use super::paths;
use super::words;
use crate::model::{Inline, Lang, LinkTarget, Span};

/// `inline` as HTML for a page in `lang`.
pub fn inline(inline: &Inline, lang: Lang) -> String {
    let mut out = String::new();
    let spans = &inline.spans;
    let mut i = 0;
    while i < spans.len() {
        // A run of spans with the same link (or none).
        let link = spans[i].link.as_ref();
        let end = (i..spans.len()).find(|&j| spans[j].link.as_ref() != link);
        let run = &spans[i..end.unwrap_or(spans.len())];
        match link {
            None => run.iter().for_each(|s| span(&mut out, s)),
            Some(target) => {
                let _ = write!(out, "<a href=\"{}\">", html(&href(target)));
                run.iter().for_each(|s| span(&mut out, s));
                let shown: String = run.iter().map(|s| s.text.as_str()).collect();
                if let Some(to) = destination(target, &shown, lang) {
                    let _ = write!(out, " <span class=\"to\">({})</span>", html(&to));
                }
                out.push_str("</a>");
            }
        }
        i += run.len();
    }
    out
}

/// Where a link points, as an `href`.
pub fn href(target: &LinkTarget) -> String {
    match target {
        LinkTarget::Url(u) | LinkTarget::Mail(u) => u.clone(),
        LinkTarget::Guide(id) => paths::page(id),
    }
}

/// What a link out of the site adds to its words so a reader knows where
/// it goes before following it: the host of a web address, the address of
/// a mail link; `None` when the words already say it, or for a guide.
pub fn destination(target: &LinkTarget, shown: &str, lang: Lang) -> Option<String> {
    let shown = shown.to_lowercase();
    match target {
        LinkTarget::Guide(_) => None,
        LinkTarget::Url(u) => {
            let host = host(u)?;
            (!shown.contains(&host.to_lowercase())).then(|| host.to_string())
        }
        LinkTarget::Mail(m) => {
            let address = m.get("mailto:".len()..)?.split('?').next()?;
            (!shown.contains(&address.to_lowercase()))
                .then(|| words::mail_to(address, lang))
        }
    }
}

/// The host of an `http(s)` address, without `www.`, user or port.
pub fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next()?,
        None => host.split(':').next()?,
    };
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

fn span(out: &mut String, s: &Span) {
    let mut text = if s.style.code {
        format!("<code>{}</code>", code(&s.text))
    } else {
        prose(&s.text)
    };
    if s.style.italic {
        text = format!("<em>{text}</em>");
    }
    if s.style.bold {
        text = format!("<strong>{text}</strong>");
    }
    out.push_str(&text);
}

/// Escaped code, `\n` as `<br>`, with a break opportunity (`<wbr>`) after
/// `/ : ? & =` when a word goes on (`chrome://` `settings/` `help`,
/// `about:` `preferences`): a narrow table cell breaks an address there,
/// not in the middle of a word.
fn code(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push_str("<br>"),
            c => out.push_str(&html(c.encode_utf8(&mut [0; 4]))),
        }
        let next = chars.peek().copied();
        if matches!(c, '/' | ':' | '?' | '&' | '=')
            && next.is_some_and(|n| n.is_alphanumeric() || n == '%')
        {
            out.push_str("<wbr>");
        }
    }
    out
}

/// Escaped prose, `\n` as `<br>`, and words joined by a hyphen to a short
/// part (`i-Cart`, `c’est-à-dire`, `Wi-Fi`) kept on one line: a line
/// ending in `i-` reads as a broken word.
pub fn prose(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |out: &mut String, word: &mut String| {
        if word.is_empty() {
            return;
        }
        if keep_whole(word) {
            let _ = write!(out, "<span class=\"nw\">{}</span>", html(word));
        } else {
            out.push_str(&html(word));
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_whitespace() {
            flush(&mut out, &mut word);
            if c == '\n' {
                out.push_str("<br>");
            } else {
                out.push(c);
            }
        } else {
            word.push(c);
        }
    }
    flush(&mut out, &mut word);
    out
}

/// Whether a word has a hyphen next to a part of at most 3 letters.
fn keep_whole(word: &str) -> bool {
    let letters = word.trim_matches(|c: char| !c.is_alphanumeric());
    if !letters.contains('-') || letters.contains(['/', '.', '@', ':']) {
        return false;
    }
    letters.split('-').any(|part| {
        let n = part.chars().filter(|c| c.is_alphanumeric()).count();
        (1..=3).contains(&n)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_inline;

    #[test]
    fn inline_markup_becomes_html() {
        let table = [
            ("**gras** et *italique*", "<strong>gras</strong> et <em>italique</em>"),
            ("tapez `a<b`", "tapez <code>a&lt;b</code>"),
            (
                "`chrome://settings/help` ou `about:preferences` ou `j.dupont12`",
                "<code>chrome://<wbr>settings/<wbr>help</code> ou <code>about:<wbr>preferences</code> ou <code>j.dupont12</code>",
            ),
            ("ligne\nsuivante", "ligne<br>suivante"),
            (
                "[ici](https://a.fr/?x=1&y=2)",
                "<a href=\"https://a.fr/?x=1&amp;y=2\">ici <span class=\"to\">(a.fr)</span></a>",
            ),
            (
                "<https://www.a.fr/b>",
                "<a href=\"https://www.a.fr/b\">https://www.a.fr/b</a>",
            ),
            (
                "voir [la fiche](guide:vider-cache)",
                "voir <a href=\"vider-cache.html\">la fiche</a>",
            ),
            (
                "[**un** lien](https://a.fr)",
                "<a href=\"https://a.fr\"><strong>un</strong> lien <span class=\"to\">(a.fr)</span></a>",
            ),
            (
                "[écrire](mailto:vie@college.fr?subject=Aide)",
                "<a href=\"mailto:vie@college.fr?subject=Aide\">écrire <span class=\"to\">(courriel à vie@college.fr)</span></a>",
            ),
            (
                "[vie@college.fr](mailto:vie@college.fr)",
                "<a href=\"mailto:vie@college.fr\">vie@college.fr</a>",
            ),
            ("l’ENT i-Cart, c’est-à-dire", "l’ENT <span class=\"nw\">i-Cart,</span> <span class=\"nw\">c’est-à-dire</span>"),
            ("peut-être mis-en-page", "peut-être <span class=\"nw\">mis-en-page</span>"),
            ("anti-virus", "anti-virus"),
        ];
        for (src, want) in table {
            let inline_text =
                parse_inline(src).unwrap_or_else(|e| panic!("{src}: {e:?}"));
            assert_eq!(inline(&inline_text, Lang::Fr), want, "{src}");
        }
    }

    #[test]
    fn hosts() {
        let table = [
            (
                "https://educonnect.education.gouv.fr/idp",
                Some("educonnect.education.gouv.fr"),
            ),
            ("http://www.a.fr:8080/x?y#z", Some("a.fr")),
            ("https://user@b.org", Some("b.org")),
            ("https://[::1]:80/", Some("::1")),
            ("mailto:a@b.fr", None),
        ];
        for (url, want) in table {
            assert_eq!(host(url), want, "{url}");
        }
    }
}
