//! `hyphenation` in `collection.json`: words the collection hyphenates its
//! own way, as TeX's `\hyphenation` does (`"navigateur": "na-vi-ga-teur"`;
//! `"cookies": "cookies"` never breaks), and the word rules every
//! hyphenation follows.

use crate::msg;
use std::collections::BTreeMap;

use serde_json::Value;

use super::check::Checker;
use super::raw::{json_kind, kind_msg};
use super::spans::join_key;

/// Words of fewer letters are never hyphenated.
pub const MIN_WORD: usize = 6;
/// Letters a line keeps before a hyphen.
pub const MIN_BEFORE: usize = 2;
/// Letters the next line gets after a hyphen.
pub const MIN_AFTER: usize = 3;

/// Whether `c` may be part of a listed word: a letter or a combining mark.
fn is_letter(c: char) -> bool {
    c.is_alphabetic() || matches!(c as u32, 0x300..=0x36f)
}

/// Reads the `hyphenation` object: each word (in lowercase) with the
/// character offsets where it may break. Refuses entries that are not a
/// word with a pattern of its own letters; warns about hyphens the rules
/// will never use.
pub fn check_hyphenation(
    c: &mut Checker<'_>,
    value: &Value,
) -> BTreeMap<String, Vec<usize>> {
    let mut out = BTreeMap::new();
    let Value::Object(map) = value else {
        let message = msg!("hyphenation-not-object", found = kind_msg(json_kind(value)));
        let help = msg!("hyphenation-not-object-help");
        c.fail("wrong-type", "hyphenation", message, Some(help));
        return out;
    };
    for (word, pattern) in map {
        let path = join_key("hyphenation", word);
        if word.is_empty() || !word.chars().all(is_letter) {
            let d = c
                .report
                .key_error("bad-value", &path, msg!("hyphenation-not-word", word = word))
                .help(msg!("hyphenation-not-word-help"));
            c.report.push(d);
            continue;
        }
        let Value::String(pattern) = pattern else {
            let found = kind_msg(json_kind(pattern));
            let message = msg!("hyphenation-not-string", word = word, found = found);
            c.fail("wrong-type", &path, message, None);
            continue;
        };
        let Some(points) = pattern_points(c, &path, word, pattern) else { continue };
        let key = word.to_lowercase();
        if out.contains_key(&key) {
            let d = c
                .report
                .key_error("bad-value", &path, msg!("hyphenation-twice", word = word))
                .help(msg!("hyphenation-twice-help"));
            c.report.push(d);
            continue;
        }
        unused_points(c, &path, pattern, &points);
        out.insert(key, points);
    }
    out
}

/// The break points of `pattern` (offsets in characters of the word), or
/// `None` after reporting why it is not a hyphenation of `word`.
fn pattern_points(
    c: &mut Checker<'_>,
    path: &str,
    word: &str,
    pattern: &str,
) -> Option<Vec<usize>> {
    let help = msg!("hyphenation-pattern-help", word = word);
    if !pattern.chars().all(|ch| is_letter(ch) || ch == '-') {
        let message = msg!("hyphenation-bad-chars", pattern = pattern, word = word);
        c.fail("bad-value", path, message, Some(help));
        return None;
    }
    if pattern.starts_with('-') || pattern.ends_with('-') || pattern.contains("--") {
        let message = msg!("hyphenation-hyphen-place", pattern = pattern);
        c.fail("bad-value", path, message, Some(help));
        return None;
    }
    let letters: String = pattern.chars().filter(|&ch| ch != '-').collect();
    if letters.to_lowercase() != word.to_lowercase() {
        let message = msg!(
            "hyphenation-spells",
            pattern = pattern,
            letters = &letters,
            word = word
        );
        c.fail("bad-value", path, message, Some(help));
        return None;
    }
    let mut points = Vec::new();
    let mut at = 0;
    for ch in pattern.chars() {
        if ch == '-' {
            points.push(at);
        } else {
            at += 1;
        }
    }
    Some(points)
}

/// Warns about hyphens the word rules never use: in a word under
/// [`MIN_WORD`] letters, or too close to either end.
fn unused_points(c: &mut Checker<'_>, path: &str, pattern: &str, points: &[usize]) {
    let n = pattern.chars().filter(|&ch| ch != '-').count();
    let message = if !points.is_empty() && n < MIN_WORD {
        msg!("hyphen-short-word", pattern = pattern, min = MIN_WORD)
    } else if points.iter().any(|&p| p < MIN_BEFORE || p + MIN_AFTER > n) {
        msg!("hyphen-near-end", pattern = pattern, before = MIN_BEFORE, after = MIN_AFTER)
    } else {
        return;
    };
    let d = c
        .report
        .warning("hyphen-ignored", path, message)
        .help(msg!("hyphen-ignored-help"));
    c.report.push(d);
}

#[cfg(test)]
mod tests {
    use crate::model::testkit::{brief, find, load_project, test_project};

    fn collection(hyphenation: &str) -> String {
        format!("{{\"format\": 1, \"title\": \"C\",\n \"hyphenation\": {hyphenation}}}")
    }

    #[test]
    fn reads_words_and_their_break_points() {
        let project = test_project("hyphenation-ok");
        let text = collection(
            r#"{"cookies": "cookies", "Navigateur": "na-vi-ga-teur", "écran": "écran"}"#,
        );
        project.guide("collection.json", &text).guide("a.json", r#"{"format": 1, "title": "A", "body": [{"type": "paragraph", "text": "x"}]}"#);
        let loaded = load_project(&project).unwrap();
        let h = &loaded.collection.hyphenation;
        assert_eq!(h.get("cookies"), Some(&vec![]));
        assert_eq!(h.get("navigateur"), Some(&vec![2, 4, 6]));
        assert_eq!(h.get("écran"), Some(&vec![]));
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    }

    #[test]
    fn refuses_entries_that_are_not_a_word_and_its_hyphenation() {
        // (hyphenation, code, path, where the error points, words in the message)
        type Case<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str);
        let table: &[Case] = &[
            (r#"["cookies"]"#, "wrong-type", "hyphenation", "[", "an object"),
            (
                r#"{"e-mail": "e-mail"}"#,
                "bad-value",
                "hyphenation.e-mail",
                "\"e-mail\":",
                "not a word",
            ),
            (
                r#"{"mot passe": "mot"}"#,
                "bad-value",
                "hyphenation.mot passe",
                "\"mot passe\"",
                "not a word",
            ),
            (
                r#"{"cookies": 1}"#,
                "wrong-type",
                "hyphenation.cookies",
                "1}",
                "must be a string",
            ),
            (
                r#"{"navigateur": "na-vi-ga-tuer"}"#,
                "bad-value",
                "hyphenation.navigateur",
                "\"na-vi",
                "spells \"navigatuer\", not \"navigateur\"",
            ),
            (
                r#"{"navigateur": "navi"}"#,
                "bad-value",
                "hyphenation.navigateur",
                "\"navi\"",
                "spells \"navi\"",
            ),
            (
                r#"{"navigateur": "-navigateur"}"#,
                "bad-value",
                "hyphenation.navigateur",
                "\"-nav",
                "between two letters",
            ),
            (
                r#"{"navigateur": "navi--gateur"}"#,
                "bad-value",
                "hyphenation.navigateur",
                "\"navi--",
                "between two letters",
            ),
            (
                r#"{"navigateur": "navi_gateur"}"#,
                "bad-value",
                "hyphenation.navigateur",
                "\"navi_",
                "only the letters",
            ),
            (
                r#"{"cookies": "cookies", "Cookies": "coo-kies"}"#,
                "bad-value",
                "hyphenation.cookies",
                "\"cookies\":",
                "listed twice",
            ),
        ];
        for &(h, code, path, at, words) in table {
            let project = test_project("hyphenation-bad");
            let text = collection(h);
            project.guide("collection.json", &text);
            let errors = load_project(&project).unwrap_err();
            let (line, column) = find(&text, at);
            assert_eq!(brief(&errors), [(code, path.to_string(), line, column)], "{h}");
            assert!(errors[0].message.en().contains(words), "{h}: {}", errors[0].message);
        }
    }

    #[test]
    fn warns_about_hyphens_the_rules_never_use() {
        for (h, words) in [
            (r#"{"écran": "é-cran"}"#, "fewer than 6 letters"),
            (r#"{"sécurité": "sécuri-té"}"#, "3 after it"),
            (r#"{"navigateur": "n-avigateur"}"#, "2 letters before"),
        ] {
            let project = test_project("hyphenation-warn");
            project.guide("collection.json", collection(h));
            let loaded = load_project(&project).unwrap();
            let w: Vec<_> =
                loaded.warnings.iter().filter(|w| w.code == "hyphen-ignored").collect();
            assert_eq!(w.len(), 1, "{h}: {:?}", loaded.warnings);
            assert!(w[0].message.en().contains(words), "{h}: {}", w[0].message);
        }
    }
}
