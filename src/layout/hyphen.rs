//! Hyphenation rules: which words may be hyphenated, and where.
//!
//! A word is hyphenated only if it has at least [`MIN_WORD`] letters, no
//! digit, and no capital other than the first letter of a sentence (names
//! such as Firefox, Pronote, EduConnect keep whole); the break leaves at
//! least [`MIN_BEFORE`] letters before the hyphen and [`MIN_AFTER`] after.
//! The collection's `hyphenation` list decides where its words break (or
//! that they never do); other words follow the language's patterns.
//! Text set without hyphenation (titles, headings, `code`, addresses) never
//! reaches these rules.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::model::Lang;

pub use crate::model::hyphenation::{MIN_AFTER, MIN_BEFORE, MIN_WORD};

/// Where words break: the language's patterns and the collection's list.
#[derive(Debug, Clone, Copy)]
pub struct Hyphenator<'a> {
    /// The text's language.
    pub lang: Lang,
    /// The collection's words (lowercase) and the character offsets where
    /// each may break (none: never).
    pub exceptions: &'a BTreeMap<String, Vec<usize>>,
}

/// No exceptions.
static NONE: BTreeMap<String, Vec<usize>> = BTreeMap::new();

impl Hyphenator<'static> {
    /// The language's patterns alone.
    pub fn plain(lang: Lang) -> Self {
        Hyphenator { lang, exceptions: &NONE }
    }
}

impl Hyphenator<'_> {
    /// Byte offsets inside `word` (a word [`words`] found) where the next
    /// line may start after a hyphen.
    pub fn points(&self, word: &str) -> Vec<usize> {
        let offsets: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
        let n = offsets.len();
        let chars: Vec<usize> = match self.exceptions.get(&word.to_lowercase()) {
            Some(points) => points.clone(),
            None => {
                let hlang = match self.lang {
                    Lang::Fr => hypher::Lang::French,
                    Lang::En => hypher::Lang::English,
                };
                let mut at = 0;
                let syllables: Vec<usize> =
                    hypher::hyphenate_bounded(word, hlang, MIN_BEFORE, MIN_AFTER)
                        .map(|s| s.chars().count())
                        .collect();
                syllables[..syllables.len().saturating_sub(1)]
                    .iter()
                    .map(|len| {
                        at += len;
                        at
                    })
                    .collect()
            }
        };
        chars
            .into_iter()
            .filter(|&c| c >= MIN_BEFORE && c + MIN_AFTER <= n)
            .filter_map(|c| offsets.get(c).copied())
            .collect()
    }
}

/// Whether `c` continues a word: a letter, a digit or a combining mark.
fn in_word(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c as u32, 0x300..=0x36f | 0x1ab0..=0x1aff | 0x1dc0..=0x1dff | 0x20d0..=0x20ff | 0xfe20..=0xfe2f)
}

/// Whether the word at `start` begins a sentence: nothing but white space
/// and opening punctuation since the start of the text, a line break, or
/// the end of a sentence.
fn starts_sentence(text: &str, start: usize) -> bool {
    for c in text[..start].chars().rev() {
        match c {
            '\n' | '.' | '!' | '?' | '…' => return true,
            c if c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}' => {}
            '«' | '“' | '"' | '‘' | '(' | '[' | '—' | '–' => {}
            _ => return false,
        }
    }
    true
}

/// The words of `text` the rules allow to hyphenate, in order: runs of
/// letters of at least [`MIN_WORD`] letters, without digits, with no
/// capital but the first letter of a sentence, lying wholly where
/// `allowed` says hyphenation may happen.
pub fn words(text: &str, allowed: impl Fn(&Range<usize>) -> bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        if i < text.len() && in_word(c) {
            start.get_or_insert(i);
            continue;
        }
        let Some(s) = start.take() else { continue };
        let word = &text[s..i];
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters < MIN_WORD || word.chars().any(char::is_numeric) {
            continue;
        }
        let mut chars = word.chars();
        let first_upper = chars.next().is_some_and(char::is_uppercase);
        if chars.any(char::is_uppercase) || (first_upper && !starts_sentence(text, s)) {
            continue;
        }
        let range = s..i;
        if allowed(&range) {
            out.push(range);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hyphenated(
        text: &str,
        lang: Lang,
        exceptions: &BTreeMap<String, Vec<usize>>,
    ) -> Vec<String> {
        let h = Hyphenator { lang, exceptions };
        words(text, |_| true)
            .into_iter()
            .map(|r| {
                let w = &text[r];
                let mut out = String::new();
                let mut last = 0;
                for p in h.points(w) {
                    out.push_str(&w[last..p]);
                    out.push('-');
                    last = p;
                }
                out.push_str(&w[last..]);
                out
            })
            .collect()
    }

    #[test]
    fn which_words_may_be_hyphenated() {
        let cases: &[(&str, &[&str])] = &[
            // Names inside a sentence, capitals, digits, short words: never.
            ("ouvrez Firefox ou Pronote avec EduConnect", &["ouvrez"]),
            ("Windows10 installation", &["installation"]),
            ("la sécurité du navigateur", &["sécurité", "navigateur"]),
            ("ACTIVÉE puis désactivée", &["désactivée"]),
            // A capital that starts a sentence is not a name.
            (
                "Établissement fermé. Paramètres avancés",
                &["Établissement", "Paramètres", "avancés"],
            ),
            ("« Paramètres » ouvert", &["Paramètres", "ouvert"]),
            ("le menu Paramètres", &[]),
            ("l’établissement", &["établissement"]),
        ];
        let none = BTreeMap::new();
        for (text, want) in cases {
            let found: Vec<&str> =
                words(text, |_| true).into_iter().map(|r| &text[r]).collect();
            assert_eq!(&found, want, "{text:?}");
        }
        // `allowed` can rule a word out (headings, code).
        assert!(words("navigateur", |_| false).is_empty());
        let _ = hyphenated("", Lang::Fr, &none);
    }

    #[test]
    fn two_letters_before_three_after() {
        let none = BTreeMap::new();
        for (text, lang) in [
            ("sécurité navigateur anticonstitutionnellement paramètres", Lang::Fr),
            ("extensive configuration understanding", Lang::En),
        ] {
            for w in hyphenated(text, lang, &none) {
                let parts: Vec<&str> = w.split('-').collect();
                assert!(parts.len() > 1 || w.chars().count() < 7, "{w} not hyphenated");
                assert!(parts[0].chars().count() >= MIN_BEFORE, "{w}");
                assert!(parts.last().unwrap().chars().count() >= MIN_AFTER, "{w}");
            }
        }
        // The pattern's "sécuri-té" leaves two letters: not allowed.
        assert_eq!(hyphenated("sécurité", Lang::Fr, &none), vec!["sé-cu-rité"]);
    }

    #[test]
    fn the_collection_list_decides() {
        let mut ex = BTreeMap::new();
        ex.insert("cookies".to_string(), vec![]);
        ex.insert("navigateur".to_string(), vec![2, 4, 6]);
        // A point too close to an end is dropped.
        ex.insert("paramètres".to_string(), vec![1, 4, 8]);
        assert_eq!(
            hyphenated("les cookies du navigateur, paramètres", Lang::Fr, &ex),
            vec!["cookies", "na-vi-ga-teur", "para-mètres"]
        );
        // Matched in lowercase, at the start of a sentence too.
        assert_eq!(hyphenated("Cookies.", Lang::Fr, &ex), vec!["Cookies"]);
    }
}
