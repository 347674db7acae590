//! Addresses and codes in running text: which stretches break by their own
//! rules (web and e-mail addresses, domain names, codes such as
//! `A1B2-C3D4`), and where they may break so that a reader can tell the
//! break from the address: after `/` or `//` (or `\` in a Windows path),
//! before `. ? & = - _ # %`,
//! never leaving fewer than [`MIN_PIECE`] characters on a line.

use std::ops::Range;

/// The fewest characters of an address or code a line may hold on either
/// side of a break inside it.
pub const MIN_PIECE: usize = 3;

/// A stretch of text that is never hyphenated and breaks only at the
/// points [`inner_breaks`] gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Protected {
    /// Byte range in the paragraph's text.
    pub range: Range<usize>,
    /// A `code` span or a code written in plain text: it is split only when
    /// it is wider than a whole line (an address in plain text may break at
    /// its break points anywhere).
    pub code: bool,
}

/// Characters a line may start with inside an address: the break goes
/// before them, so the next line visibly continues the address.
const CARRIED: &[char] = &['.', '?', '&', '=', '-', '_', '#', '%'];

/// White space that separates tokens.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}'
}

/// The addresses and codes written in `text`, in order, not overlapping:
/// `http(s)://…`, `ftp://…`, `mailto:…`, `www.…`, e-mail addresses, domain
/// names (`ent.ac-poitiers.fr`) and codes mixing digits and separators
/// (`A1B2-C3D4`, `15/02/2014`), each without the punctuation that ends its
/// sentence.
pub fn find(text: &str) -> Vec<Protected> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (start, i == text.len() || is_space(c)) {
            (None, false) => start = Some(i),
            (Some(s), true) => {
                start = None;
                if let Some(p) = classify(text, s..i) {
                    out.push(p);
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether the token `text[range]` is an address or a code, and which part.
fn classify(text: &str, range: Range<usize>) -> Option<Protected> {
    let token = &text[range.clone()];
    // Most tokens are words: nothing that an address or a code needs.
    if !token
        .bytes()
        .any(|b| matches!(b, b'.' | b'@' | b':' | b'/' | b'\\') || b.is_ascii_digit())
    {
        return None;
    }
    // Opening and closing punctuation around the token is not part of it.
    let lead = token.len()
        - token.trim_start_matches(['(', '[', '«', '“', '"', '‘', '\'']).len();
    let mut body = &token[lead..];
    loop {
        let trimmed = body.trim_end_matches([
            '.', ',', ';', ':', '!', '?', '»', '”', '"', '’', '\'', '…',
        ]);
        let trimmed = match trimmed.strip_suffix(')') {
            Some(t) if !t.contains('(') => t,
            _ => match trimmed.strip_suffix(']') {
                Some(t) if !t.contains('[') => t,
                _ => trimmed,
            },
        };
        if trimmed.len() == body.len() {
            break;
        }
        body = trimmed;
    }
    let start = range.start + lead;
    let range = start..start + body.len();
    if is_address(body) {
        Some(Protected { range, code: false })
    } else if is_code(body) {
        Some(Protected { range, code: true })
    } else {
        None
    }
}

/// A web or e-mail address, or a domain name.
pub fn is_address(s: &str) -> bool {
    for scheme in ["http://", "https://", "ftp://", "mailto:", "www."] {
        let head = s.get(..scheme.len());
        if head.is_some_and(|h| h.eq_ignore_ascii_case(scheme)) {
            return s[scheme.len()..].chars().any(char::is_alphanumeric);
        }
    }
    if let Some((user, domain)) = s.split_once('@') {
        return !user.is_empty() && !domain.contains('@') && is_domain(domain);
    }
    is_domain(s.split('/').next().unwrap_or(s))
}

/// `label.label…tld`: labels of letters, digits and dashes, the last of
/// 2 to 24 letters.
fn is_domain(s: &str) -> bool {
    let labels: Vec<&str> = s.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && labels.last().is_some_and(|t| {
            (2..=24).contains(&t.chars().count()) && t.chars().all(char::is_alphabetic)
        })
}

/// A code to type: digits mixed with letters or separators, e.g.
/// `A1B2-C3D4`, `15/02/2014`, `05-49-00-00-00`.
fn is_code(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
        && s.chars().any(|c| matches!(c, '-' | '_' | '/' | '.' | ':' | '#'))
        && s.chars().all(|c| !is_space(c))
        && s.chars().filter(|c| c.is_alphanumeric()).count() >= 4
}

/// Where `text[range]` may break: byte offsets where the next line would
/// start, after a run of `/` (or `\`) and before `. ? & = - _ # %`, each leaving at
/// least [`MIN_PIECE`] characters before and after it inside the range.
/// In a `code` span, also after white space.
pub fn inner_breaks(text: &str, range: Range<usize>, code: bool) -> Vec<usize> {
    let s = &text[range.clone()];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let n = chars.len();
    let mut out = Vec::new();
    for k in 1..n {
        let (at, c) = chars[k];
        let prev = chars[k - 1].1;
        let point = (matches!(prev, '/' | '\\') && !matches!(c, '/' | '\\'))
            || (CARRIED.contains(&c)
                && !CARRIED.contains(&prev)
                && !matches!(prev, '/' | '\\'))
            || (code && is_space(prev) && !is_space(c));
        if point && k >= MIN_PIECE && n - k >= MIN_PIECE {
            out.push(range.start + at);
        }
    }
    out
}

/// The address as a reader needs it, for a `mailto:` URL: the recipients
/// without the scheme and the query (`?subject=…`), with `%xx` escapes
/// decoded and commas followed by a space. Other URLs are returned as they are.
pub fn display_url(url: &str) -> String {
    let Some(rest) = url.strip_prefix("mailto:").or_else(|| url.strip_prefix("MAILTO:"))
    else {
        return url.to_string();
    };
    let to = rest.split('?').next().unwrap_or("");
    if to.is_empty() {
        return url.to_string();
    }
    let decoded = percent_decode(to);
    decoded
        .split(',')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Decodes `%xx` escapes (left as they are when they do not form UTF-8).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, bool)> {
        find(text).into_iter().map(|p| (&text[p.range], p.code)).collect()
    }

    #[test]
    fn addresses_and_codes_in_plain_text() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            (
                "voir https://ent.ac-poitiers.fr/login?service=x.",
                &[("https://ent.ac-poitiers.fr/login?service=x", false)],
            ),
            ("(www.example.org)", &[("www.example.org", false)]),
            (
                "écrivez à secretariat@example.org !",
                &[("secretariat@example.org", false)],
            ),
            ("« ent.ac-poitiers.fr »", &[("ent.ac-poitiers.fr", false)]),
            (
                "mailto:a@b.fr?subject=Mot%20de%20passe",
                &[("mailto:a@b.fr?subject=Mot%20de%20passe", false)],
            ),
            ("le code A1B2-C3D4-E5F6-G7H8, puis", &[("A1B2-C3D4-E5F6-G7H8", true)]),
            ("le 15/02/2014.", &[("15/02/2014", true)]),
            // Not addresses: words, numbers, abbreviations, compounds.
            ("mot-de-passe, etc. version 115 p. 7", &[]),
            ("Louise-Michel l’ENT 3.5 a.b", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(&found(text), want, "{text:?}");
        }
    }

    fn pieces(s: &str, code: bool) -> Vec<&str> {
        let mut last = 0;
        let mut out = Vec::new();
        for p in inner_breaks(s, 0..s.len(), code) {
            out.push(&s[last..p]);
            last = p;
        }
        out.push(&s[last..]);
        out
    }

    #[test]
    fn breaks_after_slashes_and_before_carried_characters() {
        let cases: &[(&str, bool, &[&str])] = &[
            (
                "https://ent.ac-poitiers.fr",
                false,
                &["https://", "ent", ".ac", "-poitiers", ".fr"],
            ),
            (
                "https://x.fr/login?service=abc&lang=fr",
                false,
                &["https://", "x", ".fr/", "login", "?service", "=abc", "&lang", "=fr"],
            ),
            ("secretariat@example.org", false, &["secretariat@example", ".org"]),
            // Fewer than three characters would be left: no break.
            ("a.b.cd/e", false, &["a.b", ".cd/e"]),
            ("ab/c", false, &["ab/c"]),
            ("A1B2-C3D4-E5F6-G7H8", true, &["A1B2", "-C3D4", "-E5F6", "-G7H8"]),
            ("git log --all", true, &["git ", "log ", "--all"]),
            ("abc%20def", false, &["abc", "%20def"]),
            (
                "C:\\Users\\eleve\\AppData",
                true,
                &["C:\\", "Users\\", "eleve\\", "AppData"],
            ),
        ];
        for (s, code, want) in cases {
            assert_eq!(&pieces(s, *code), want, "{s:?}");
        }
    }

    #[test]
    fn mailto_links_show_the_address() {
        let cases = [
            (
                "mailto:secretariat@example.org?subject=Mot%20de%20passe",
                "secretariat@example.org",
            ),
            ("mailto:a@x.fr,b@y.fr", "a@x.fr, b@y.fr"),
            ("mailto:pr%C3%A9nom@x.fr", "prénom@x.fr"),
            ("https://x.fr/?a=%20", "https://x.fr/?a=%20"),
            ("mailto:?subject=x", "mailto:?subject=x"),
        ];
        for (url, want) in cases {
            assert_eq!(display_url(url), want, "{url}");
        }
    }
}
