//! Checks for small values: slugs, dates, URLs, enumerations, and "did you mean" suggestions.

use super::types::{Date, Lang, Paper};
use crate::i18n::Msg;
use crate::msg;

/// Whether `s` is a slug: `[a-z0-9]+(-[a-z0-9]+)*`.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// `s` with every byte that `keep` refuses written `%XX` (uppercase hex):
/// site paths in HTML and URIs in PDF keep different sets.
pub fn percent_encode(s: &str, keep: impl Fn(u8) -> bool) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if keep(b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Longest id a guide may have, in bytes (ids are ASCII): it names the
/// guide's files (`<id>.pdf`, `<id>.html`, thumbnails, the temporary
/// `.guidepress-<pid>-<id>.pdf.tmp`), and every such name must stay far
/// below the 255 bytes file systems allow.
pub const MAX_ID_BYTES: usize = 100;

/// Longest slug a file name takes from a text such as the collection title
/// (a pack's or a bundle's name), in bytes: longer slugs are cut at a word.
pub const MAX_NAME_SLUG: usize = 60;

/// The slug of `s` for a file name: [`slugify`], cut after at most
/// [`MAX_NAME_SLUG`] bytes at a dash (or in a word longer than that).
pub fn name_slug(s: &str) -> String {
    let slug = slugify(s);
    if slug.len() <= MAX_NAME_SLUG {
        return slug;
    }
    // A slug is ASCII: every byte index is a character boundary.
    let cut = &slug[..=MAX_NAME_SLUG];
    match cut.rfind('-') {
        Some(i) if i > 0 => cut[..i].to_string(),
        _ => cut[..MAX_NAME_SLUG].to_string(),
    }
}

/// A slug made from arbitrary text, for suggestions: `Vider le Cache` → `vider-le-cache`.
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = fold_accent(c);
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    out
}

/// The unaccented letter for common Latin accented letters.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        _ => c,
    }
}

/// Parses a `YYYY-MM-DD` calendar date, or says what is wrong with it.
pub fn parse_date(s: &str) -> Result<Date, Msg> {
    if !is_date_shaped(s) {
        return Err(msg!("date-not-iso", value = s));
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|t| t.parse::<u16>().ok());
    let (Some(year), Some(month), Some(day)) = (num(0..4), num(5..7), num(8..10)) else {
        return Err(msg!("date-not-iso", value = s));
    };
    if year == 0 {
        return Err(msg!("date-no-year-zero", value = s));
    }
    if !(1..=12).contains(&month) {
        return Err(msg!("date-no-such-month", value = s, month = month));
    }
    let days = days_in_month(year, month as u8);
    if day == 0 || day > u16::from(days) {
        return Err(msg!(
            "date-no-such-day",
            value = s,
            month = month,
            year = year,
            days = days
        ));
    }
    Ok(Date { year, month: month as u8, day: day as u8 })
}

/// Whether `s` has the shape `NNNN-NN-NN` (the day may still not exist).
pub fn is_date_shaped(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Days in a month of the Gregorian calendar.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    let leap =
        (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Parses a language code.
pub fn parse_lang(s: &str) -> Option<Lang> {
    match s {
        "fr" => Some(Lang::Fr),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// Parses a paper size name.
pub fn parse_paper(s: &str) -> Option<Paper> {
    match s {
        "A4" => Some(Paper::A4),
        "A5" => Some(Paper::A5),
        "Letter" => Some(Paper::Letter),
        _ => None,
    }
}

/// The scheme of a URL-like string (`https` in `https://…`), lowercased, if it has one.
///
/// A scheme is a letter followed by letters, digits, `+`, `-` or `.`, then `:`.
/// One letter is not enough (`C:` is a Windows drive).
pub fn scheme_of(s: &str) -> Option<String> {
    let (scheme, _) = s.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    let ok = first.is_ascii_alphabetic()
        && scheme.len() >= 2
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    ok.then(|| scheme.to_ascii_lowercase())
}

/// Longest address accepted, in bytes: what the largest QR code holds at
/// error correction level M (version 40, byte mode), since every printed
/// link gets one.
pub const MAX_URL: usize = 2331;

/// Checks a URL whose scheme is one of `allowed` (lowercase names, e.g. `["https", "http"]`).
///
/// Minimal on purpose: at most [`MAX_URL`] bytes, a known scheme, no spaces,
/// a host for `http(s)`, an `@` for `mailto`. On failure returns a message
/// and a suggestion.
pub fn check_url(s: &str, allowed: &[&str]) -> Result<(), (Msg, Msg)> {
    if s.len() > MAX_URL {
        return Err((
            msg!("url-too-long", bytes = s.len(), max = MAX_URL),
            msg!("url-too-long-help"),
        ));
    }
    let allowed_list =
        allowed.iter().map(|a| format!("{a}:")).collect::<Vec<_>>().join(", ");
    let Some(scheme) = scheme_of(s) else {
        let example = if s.contains('@') && !s.contains('/') {
            format!("mailto:{s}")
        } else {
            format!("https://{}", s.trim_start_matches('/'))
        };
        return Err((
            msg!("url-no-scheme", url = s),
            msg!("url-no-scheme-help", example = example),
        ));
    };
    if !allowed.contains(&scheme.as_str()) {
        return Err((
            msg!("url-scheme-not-allowed", scheme = scheme),
            msg!("url-scheme-not-allowed-help", allowed = allowed_list),
        ));
    }
    if s.chars().any(char::is_whitespace) {
        return Err((msg!("url-space", url = s), msg!("url-space-help")));
    }
    let rest = &s[scheme.len() + 1..];
    match scheme.as_str() {
        "http" | "https" => {
            let Some(after) = rest.strip_prefix("//") else {
                return Err((
                    msg!("url-no-slashes", url = s, scheme = &scheme),
                    msg!("url-no-slashes-help", scheme = &scheme),
                ));
            };
            let host = after.split(['/', '?', '#']).next().unwrap_or("");
            let host = host.rsplit('@').next().unwrap_or("");
            if host.is_empty() || host.starts_with(':') {
                return Err((
                    msg!("url-no-host", url = s),
                    msg!("url-no-host-help", scheme = &scheme),
                ));
            }
        }
        "mailto" => {
            let addr = rest.split('?').next().unwrap_or("");
            let ok =
                addr.split_once('@').is_some_and(|(u, d)| !u.is_empty() && !d.is_empty());
            if !ok {
                return Err((msg!("url-not-mail", url = s), msg!("url-not-mail-help")));
            }
        }
        _ => {}
    }
    Ok(())
}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn closest<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let lower = word.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for cand in candidates {
        let c = cand.to_lowercase();
        let mut dist = strsim::damerau_levenshtein(&lower, &c);
        if lower.chars().count() >= 3 && (c.starts_with(&lower) || lower.starts_with(&c))
        {
            dist = dist.min(1);
        }
        if best.is_none_or(|(d, _)| dist < d) {
            best = Some((dist, cand));
        }
    }
    let (dist, cand) = best?;
    let limit = (word.chars().count() / 3).max(2);
    (dist <= limit && dist < word.chars().count().max(1) + 1).then_some(cand)
}

/// `did you mean "x"?` for the closest candidate, else `expected one of: "a", "b"`.
pub fn suggest(word: &str, candidates: &[&str]) -> Msg {
    match closest(word, candidates.iter().copied()) {
        Some(c) => msg!("did-you-mean", value = c),
        None => msg!("expected-one-of", list = quoted_list(candidates)),
    }
}

/// `"a", "b", "c"`.
pub fn quoted_list(items: &[&str]) -> String {
    items.iter().map(|i| format!("\"{i}\"")).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        let table = [
            ("vider-cache", true),
            ("a1-b2-3", true),
            ("", false),
            ("-a", false),
            ("a-", false),
            ("a--b", false),
            ("Vider", false),
            ("é", false),
            ("a_b", false),
        ];
        for (s, ok) in table {
            assert_eq!(is_slug(s), ok, "{s:?}");
        }
    }

    #[test]
    fn name_slugs_are_bounded_and_cut_at_a_word() {
        let cases: &[(&str, &str)] =
            &[("Aide informatique", "aide-informatique"), ("", "")];
        for (text, slug) in cases {
            assert_eq!(name_slug(text), *slug);
        }
        let long = "Aide informatique du collège ".repeat(30);
        let slug = name_slug(&long);
        assert!(slug.len() <= MAX_NAME_SLUG && is_slug(&slug), "{slug}");
        assert!(slug.ends_with("college") || slug.ends_with("du"), "{slug}");
        // Exactly at the limit, the last word is kept.
        let exact = format!("{}-b", "a".repeat(MAX_NAME_SLUG - 2));
        assert_eq!(name_slug(&exact), exact);
        assert_eq!(name_slug(&"x".repeat(640)), "x".repeat(MAX_NAME_SLUG));
    }

    #[test]
    fn slugify_makes_slugs() {
        let table = [
            ("Vider le Cache", "vider-le-cache"),
            ("Élèves & ça", "eleves-ca"),
            ("--x--", "x"),
            ("mettre_à_jour firefox", "mettre-a-jour-firefox"),
        ];
        for (s, slug) in table {
            assert_eq!(slugify(s), slug);
            assert!(is_slug(slug));
        }
    }

    #[test]
    fn dates() {
        let ok = [
            ("2014-02-15", (2014, 2, 15)),
            ("2024-02-29", (2024, 2, 29)),
            ("2000-02-29", (2000, 2, 29)),
        ];
        for (s, (year, month, day)) in ok {
            assert_eq!(parse_date(s), Ok(Date { year, month, day }));
        }
        let bad = [
            ("2023-02-29", "month 2 of 2023 has 28 days"),
            ("1900-02-29", "has 28 days"),
            ("2023-13-01", "no month 13"),
            ("2023-04-31", "has 30 days"),
            ("2023-01-00", "has 31 days"),
            ("15/02/2014", "YYYY-MM-DD"),
            ("2014-2-15", "YYYY-MM-DD"),
            ("2014-02-15T10:00", "YYYY-MM-DD"),
            ("0000-01-01", "no year"),
            ("２０１４-02-15", "YYYY-MM-DD"),
        ];
        for (s, msg) in bad {
            let err = parse_date(s).expect_err(s);
            assert!(err.en().contains(msg), "{s}: {err}");
        }
    }

    #[test]
    fn urls() {
        let web = &["https", "http"];
        let table: &[(&str, &[&str], Option<&str>)] = &[
            ("https://example.org/a?b#c", web, None),
            ("HTTP://example.org", web, None),
            ("https://user@host:8080/", web, None),
            ("mailto:a@b.fr", &["mailto"], None),
            ("mailto:a@b.fr?subject=x", &["mailto"], None),
            ("www.example.org", web, Some("no scheme")),
            ("https:example.org", web, Some("lacks \"//\"")),
            ("https://", web, Some("no host")),
            ("https:///path", web, Some("no host")),
            ("https://exa mple.org", web, Some("contains a space")),
            ("javascript:alert(1)", web, Some("\"javascript:\" are not allowed")),
            ("ftp://x.org", web, Some("\"ftp:\" are not allowed")),
            ("mailto:nobody", &["mailto"], Some("not a mail address")),
            ("C:/files/a.pdf", web, Some("no scheme")),
        ];
        for &(url, allowed, expect) in table {
            let got = check_url(url, allowed);
            match expect {
                None => assert!(got.is_ok(), "{url}: {got:?}"),
                Some(msg) => {
                    let (m, _) = got.expect_err(url);
                    assert!(m.en().contains(msg), "{url}: {m}");
                }
            }
        }
    }

    #[test]
    fn closest_candidates() {
        let fields = ["format", "id", "title", "description", "lang", "body"];
        let table = [
            ("titel", Some("title")),
            ("Title", Some("title")),
            ("desc", Some("description")),
            ("bdy", Some("body")),
            ("langue", Some("lang")),
            ("zzzzzz", None),
            ("", None),
        ];
        for (word, expect) in table {
            assert_eq!(closest(word, fields), expect, "{word}");
        }
        assert_eq!(closest("a4", ["A4", "A5", "Letter"]), Some("A4"));
        assert_eq!(
            closest("warn", ["note", "tip", "warning", "important"]),
            Some("warning")
        );
    }
}
