//! Where a line may break: UAX #14, French no-break rules, addresses and
//! codes (their own break points, see [`super::address`]) and the words
//! that may be hyphenated (see [`super::hyphen`]).

use std::ops::Range;

use unicode_linebreak::{linebreaks, BreakOpportunity};

use super::address::{self, Protected};
use super::hyphen::{self, Hyphenator};
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
    /// The address or code this break is inside (an index into
    /// [`Breaks::protected`]): usable only where the rules for it allow.
    pub inside: Option<usize>,
}

impl Break {
    fn new(pos: usize, kind: BreakKind) -> Break {
        Break { pos, kind, inside: None }
    }
}

/// A stretch of a paragraph with one way of breaking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    /// Byte range in the paragraph's text.
    pub range: Range<usize>,
    /// A `code` span: never hyphenated, split only when wider than a line.
    pub code: bool,
    /// Whether its words may be hyphenated (not in titles, headings…).
    pub hyphenate: bool,
}

/// Where the lines of a paragraph may end, with hyphenation left for later:
/// only the words near a line's end are ever hyphenated (most are not).
#[derive(Debug, Clone, PartialEq)]
pub struct Breaks {
    /// Mandatory and ordinary break candidates, sorted by position.
    pub normal: Vec<Break>,
    /// The addresses and codes, in order; breaks inside them point here.
    pub protected: Vec<Protected>,
    /// The words that may be hyphenated, in order.
    pub words: Vec<Range<usize>>,
}

impl Breaks {
    /// The break candidates of `text`, whose stretches are `marks` (in
    /// order, covering the text), and its hyphenatable words.
    pub fn new(text: &str, marks: &[Marked], lang: Lang) -> Breaks {
        let protected = protected(text, marks);
        let mut normal: Vec<Break> = Vec::new();
        let mut p = 0;
        for (pos, op) in linebreaks(text) {
            if op == BreakOpportunity::Mandatory {
                normal.push(Break::new(pos, BreakKind::Mandatory));
                continue;
            }
            while p < protected.len() && protected[p].range.end <= pos {
                p += 1;
            }
            let inside = protected.get(p).is_some_and(|r| r.range.start < pos);
            if inside || (lang == Lang::Fr && french_no_break(text, pos)) {
                continue;
            }
            normal.push(Break::new(pos, BreakKind::Normal));
        }
        for (i, r) in protected.iter().enumerate() {
            for pos in address::inner_breaks(text, r.range.clone(), r.code) {
                normal.push(Break { pos, kind: BreakKind::Normal, inside: Some(i) });
            }
        }
        normal.sort_by_key(|b| (b.pos, b.kind as u8));
        normal.dedup_by_key(|b| b.pos);

        // Stretches where no word is hyphenated, sorted and disjoint.
        let mut plain: Vec<Range<usize>> = Vec::new();
        let closed = marks
            .iter()
            .filter(|m| m.code || !m.hyphenate)
            .map(|m| m.range.clone())
            .chain(protected.iter().map(|p| p.range.clone()));
        let mut closed: Vec<Range<usize>> = closed.collect();
        closed.sort_by_key(|r| r.start);
        for r in closed {
            match plain.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => plain.push(r),
            }
        }
        let words = hyphen::words(text, |w| {
            let i = plain.partition_point(|r| r.end <= w.start);
            plain.get(i).is_none_or(|r| r.start >= w.end)
        });
        Breaks { normal, protected, words }
    }

    /// The hyphenation points of word `w` (an index into [`Breaks::words`]).
    pub fn hyphens(&self, text: &str, w: usize, hy: &Hyphenator) -> Vec<Break> {
        let word = self.words[w].clone();
        hy.points(&text[word.clone()])
            .into_iter()
            .map(|at| Break::new(word.start + at, BreakKind::Hyphen))
            .collect()
    }
}

/// The addresses and codes of `text`: its `code` spans (neighbouring code
/// stretches as one) and the addresses and codes written in plain text.
fn protected(text: &str, marks: &[Marked]) -> Vec<Protected> {
    let mut code: Vec<Protected> = Vec::new();
    for m in marks.iter().filter(|m| m.code && !m.range.is_empty()) {
        match code.last_mut() {
            Some(last) if last.range.end == m.range.start => last.range.end = m.range.end,
            _ => code.push(Protected { range: m.range.clone(), code: true }),
        }
    }
    let mut out: Vec<Protected> = address::find(text)
        .into_iter()
        .filter(|a| {
            let i = code.partition_point(|c| c.range.end <= a.range.start);
            code.get(i).is_none_or(|c| c.range.start >= a.range.end)
        })
        .collect();
    out.extend(code);
    out.sort_by_key(|p| p.range.start);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Vec<Marked> {
        vec![Marked { range: 0..text.len(), code: false, hyphenate: true }]
    }

    fn normal_breaks(text: &str, lang: Lang) -> Vec<usize> {
        Breaks::new(text, &plain(text), lang)
            .normal
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
    fn addresses_break_only_at_their_own_points() {
        let text = "voir https://ent.ac-poitiers.fr/login?service=x ou mot-de-passe";
        let b = Breaks::new(text, &plain(text), Lang::Fr);
        let inside: Vec<&str> = b
            .normal
            .iter()
            .filter(|b| b.inside.is_some())
            .map(|b| &text[b.pos..b.pos + 1])
            .collect();
        assert_eq!(inside, ["e", ".", "-", ".", "l", "?"]);
        // No ordinary break inside the address (UAX #14 allows one after
        // "ac-"); the compound word keeps its own.
        let at = |s: &str| text.find(s).unwrap();
        assert!(!b.normal.iter().any(|x| x.pos == at("poitiers") && x.inside.is_none()));
        assert!(b.normal.iter().any(|x| x.pos == at("de-passe")));
        // Neither the address nor its pieces are hyphenated.
        let words: Vec<&str> = b.words.iter().map(|w| &text[w.clone()]).collect();
        assert!(words.is_empty(), "{words:?}");
    }

    #[test]
    fn code_and_unhyphenated_stretches_have_no_words() {
        let text = "navigateur configuration paramètres";
        let marks = vec![
            Marked { range: 0..11, code: true, hyphenate: false },
            Marked { range: 11..25, code: false, hyphenate: false },
            Marked { range: 25..text.len(), code: false, hyphenate: true },
        ];
        let b = Breaks::new(text, &marks, Lang::Fr);
        let words: Vec<&str> = b.words.iter().map(|w| &text[w.clone()]).collect();
        assert_eq!(words, ["paramètres"]);
        assert_eq!(b.protected, vec![Protected { range: 0..11, code: true }]);
    }
}
