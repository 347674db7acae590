//! Escaping: text and attribute values for HTML and XML, and site paths as
//! URLs.

use crate::model::values::percent_encode;

/// Escapes `s` for HTML (or XML) content and for attribute values in
/// double or single quotes.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A path inside the site (`/` separated, as written in the guides) as a
/// relative URL: every byte but unreserved characters and `/` is
/// percent-encoded, so spaces, accents, `#` and `?` in file names still
/// lead to the file. The result still needs [`html`] in an attribute.
pub fn path_url(path: &str) -> String {
    percent_encode(path, |b| {
        b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_defuses_markup_and_quotes() {
        let table = [
            ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
            ("Tom & Jerry", "Tom &amp; Jerry"),
            ("\"double\" 'single'", "&quot;double&quot; &#39;single&#39;"),
            ("déjà «\u{a0}vu\u{a0}»", "déjà «\u{a0}vu\u{a0}»"),
            ("&amp;", "&amp;amp;"),
        ];
        for (raw, want) in table {
            assert_eq!(html(raw), want);
        }
    }

    #[test]
    fn paths_become_urls_that_lead_to_the_file() {
        let table = [
            ("images/firefox/menu-640.png", "images/firefox/menu-640.png"),
            ("files/charte école.pdf", "files/charte%20%C3%A9cole.pdf"),
            ("files/a#b?c.pdf", "files/a%23b%3Fc.pdf"),
            ("files/100%.pdf", "files/100%25.pdf"),
            ("files/\"x\".pdf", "files/%22x%22.pdf"),
        ];
        for (path, want) in table {
            assert_eq!(path_url(path), want, "{path}");
        }
    }
}
