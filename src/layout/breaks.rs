//! Where a line may break: UAX #14, French no-break rules, hyphenation,
//! and extra break points inside `code` (addresses).

use std::ops::Range;

use unicode_linebreak::{linebreaks, BreakOpportunity};

use crate::model::Lang;

/// What kind of break a candidate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BreakKind {
    /// A forced break (line feed, end of text).
    Mandatory,
    /// An ordinary break opportunity (after a space, a dash…).
    Normal,
    /// Inside a word: a hyphen is drawn at the end of the line.
    Hyphen,
}

/// A place where the line may end: the next line starts at byte `pos`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Break {
    /// Byte offset where the next line starts.
    pub pos: usize,
    /// Kind of break.
    pub kind: BreakKind,
}

/// Where the lines of a paragraph may end, with hyphenation left for later:
/// only the words near a line's end are ever hyphenated (most are not).
#[derive(Debug, Clone, PartialEq)]
pub struct Breaks {
    /// Mandatory and ordinary break candidates, sorted by position.
    pub normal: Vec<Break>,
    /// The words that may be hyphenated (letters only, at least six of
    /// them, outside `code`), in order.
    pub words: Vec<Range<usize>>,
    lang: Lang,
}

impl Breaks {
    /// The break candidates of `text` and its hyphenatable words. `code`
    /// ranges are never hyphenated but may break after `/ . - _ ? & = # @`.
    pub fn new(text: &str, code: &[Range<usize>], lang: Lang) -> Breaks {
        let in_code = |pos: usize| code.iter().any(|r| r.start < pos && pos < r.end);
        let mut normal: Vec<Break> = Vec::new();
        for (pos, op) in linebreaks(text) {
            let kind = match op {
                BreakOpportunity::Mandatory => BreakKind::Mandatory,
                BreakOpportunity::Allowed => BreakKind::Normal,
            };
            if kind == BreakKind::Normal && lang == Lang::Fr && french_no_break(text, pos)
            {
                continue;
            }
            normal.push(Break { pos, kind });
        }
        for r in code {
            for (i, c) in text[r.clone()].char_indices() {
                let pos = r.start + i + c.len_utf8();
                if matches!(c, '/' | '.' | '-' | '_' | '?' | '&' | '=' | '#' | '@')
                    && pos < r.end
                {
                    normal.push(Break { pos, kind: BreakKind::Normal });
                }
            }
        }
        normal.sort_by_key(|b| (b.pos, b.kind as u8));
        normal.dedup_by_key(|b| b.pos);
        let words = words(text).filter(|w| !in_code(w.start + 1)).collect();
        Breaks { normal, words, lang }
    }

    /// The hyphenation points of word `w` (an index into [`Breaks::words`]).
    pub fn hyphens(&self, text: &str, w: usize) -> Vec<Break> {
        let word = self.words[w].clone();
        hyphen_points(text, word, self.lang)
            .into_iter()
            .map(|pos| Break { pos, kind: BreakKind::Hyphen })
            .collect()
    }
}

/// All break candidates of `text`, hyphenation points included, sorted by
/// position (a hyphenation point where an ordinary break is gives way to it).
pub fn break_candidates(text: &str, code: &[Range<usize>], lang: Lang) -> Vec<Break> {
    let breaks = Breaks::new(text, code, lang);
    let mut out = breaks.normal.clone();
    for w in 0..breaks.words.len() {
        out.extend(breaks.hyphens(text, w));
    }
    out.sort_by_key(|b| (b.pos, b.kind as u8));
    out.dedup_by_key(|b| b.pos);
    out
}

/// French typography: the space an author types before `: ; ! ? »` and after
/// `«` binds the punctuation to its word.
fn french_no_break(text: &str, pos: usize) -> bool {
    let before = &text[..pos];
    let after = &text[pos..];
    let space_before = before.ends_with([' ', '\u{a0}', '\u{202f}']);
    if space_before && after.starts_with([':', ';', '!', '?', '»']) {
        return true;
    }
    let trimmed = before.trim_end_matches([' ', '\u{a0}', '\u{202f}']);
    space_before && trimmed.ends_with('«')
}

/// The runs of letters of `text` that are long enough to hyphenate.
fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut word_start: Option<usize> = None;
    let mut chars = text.char_indices().chain(std::iter::once((text.len(), ' ')));
    std::iter::from_fn(move || {
        for (i, c) in chars.by_ref() {
            if i < text.len() && c.is_alphabetic() {
                word_start.get_or_insert(i);
            } else if let Some(s) = word_start.take() {
                if text[s..i].chars().count() >= 6 {
                    return Some(s..i);
                }
            }
        }
        None
    })
}

/// Where `word` (a range of `text`) may be hyphenated: byte offsets where
/// the next line would start.
fn hyphen_points(text: &str, word: Range<usize>, lang: Lang) -> Vec<usize> {
    let hlang = match lang {
        Lang::Fr => hypher::Lang::French,
        Lang::En => hypher::Lang::English,
    };
    let start = word.start;
    let word = &text[word];
    let lower = word.to_lowercase();
    // Map syllable boundaries back by character count (lowercasing may
    // change byte lengths).
    let syllables: Vec<usize> =
        hypher::hyphenate(&lower, hlang).map(|s| s.chars().count()).collect();
    let offsets: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
    let mut chars_seen = 0;
    let mut out = Vec::new();
    for n in syllables.iter().take(syllables.len().saturating_sub(1)) {
        chars_seen += n;
        if let Some(&off) = offsets.get(chars_seen) {
            out.push(start + off);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normal_breaks(text: &str, lang: Lang) -> Vec<usize> {
        break_candidates(text, &[], lang)
            .into_iter()
            .filter(|b| b.kind == BreakKind::Normal)
            .map(|b| b.pos)
            .collect()
    }

    #[test]
    fn french_no_break_table() {
        // (text, lang, positions where a normal break is allowed)
        let cases: &[(&str, Lang, &[usize])] = &[
            ("a : b", Lang::Fr, &[4]),
            ("a ; b", Lang::Fr, &[4]),
            ("oui ! non ?", Lang::Fr, &[6]),
            ("« a »", Lang::Fr, &[]),
            ("a : b", Lang::En, &[4]),
            ("« a » b", Lang::En, &[3, 5, 8]),
            ("« a » b", Lang::Fr, &[8]),
        ];
        for (text, lang, expected) in cases {
            assert_eq!(&normal_breaks(text, *lang), expected, "{text:?}");
        }
    }

    #[test]
    fn hyphenation_follows_the_language() {
        let hy = |t: &str, l| {
            break_candidates(t, &[], l)
                .into_iter()
                .filter(|b| b.kind == BreakKind::Hyphen)
                .map(|b| b.pos)
                .collect::<Vec<_>>()
        };
        assert!(!hy("paramètres", Lang::Fr).is_empty());
        assert!(!hy("extensive", Lang::En).is_empty());
        assert!(hy("court", Lang::Fr).is_empty());
        // Capitalised words hyphenate too.
        assert!(!hy("Établissement", Lang::Fr).is_empty());
    }

    #[test]
    fn code_breaks_after_slashes_and_is_not_hyphenated() {
        let t = "https://ent.example.org/connexion";
        let code = std::slice::from_ref(&(0..t.len())).to_vec();
        let b = break_candidates(t, &code, Lang::Fr);
        assert!(b.iter().all(|b| b.kind != BreakKind::Hyphen));
        assert!(b.iter().any(|b| b.pos == 24)); // after "org/"
    }
}
