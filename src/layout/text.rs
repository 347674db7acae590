//! Inline layout: styled spans become lines of glyph runs (UAX #14 breaks,
//! hyphenation, French no-break spaces, emergency breaks for long words).

use super::breaks::{Break, BreakKind, Breaks};
pub use super::lines::{Fragment, Line, Lines};
use super::page::{FontId, Glyph, Rgb, TextRun};
use super::shape::{shape, Shaped};
use crate::model::{Inline, Lang, LinkTarget, Ui, UiPart};

/// How a piece of inline text is set before its own emphasis applies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BaseStyle {
    /// Font size in points.
    pub size: f32,
    /// Distance between baselines, in points.
    pub line_height: f32,
    /// Text colour.
    pub color: Rgb,
    /// Set everything in bold (headings).
    pub bold: bool,
    /// Set everything in italic.
    pub italic: bool,
    /// Colour of linked text.
    pub link_color: Rgb,
}

/// A style run of a paragraph: a byte range with one font, colour and link.
#[derive(Debug, Clone, PartialEq)]
struct Run {
    range: std::ops::Range<usize>,
    font: FontId,
    size: f32,
    color: Rgb,
    link: Option<usize>,
    code: bool,
    ui: Option<Ui>,
}

fn font_of(bold: bool, italic: bool, code: bool) -> FontId {
    match (code, bold, italic) {
        (true, _, _) => FontId::Mono,
        (false, true, true) => FontId::BoldItalic,
        (false, true, false) => FontId::Bold,
        (false, false, true) => FontId::Italic,
        (false, false, false) => FontId::Regular,
    }
}

/// Breaks `inline` into lines at most `width` points wide.
pub fn layout_inline(inline: &Inline, base: &BaseStyle, lang: Lang, width: f32) -> Lines {
    lay_out(inline, base, lang, width, |c, text, m, start, width| {
        c.near_line_end(text, m, start, width)
    })
}

/// A paragraph shaped, with its break candidates: what laying it out and
/// measuring it start from.
struct Prepared {
    text: String,
    runs: Vec<Run>,
    links: Vec<LinkTarget>,
    glyphs: Vec<Shaped>,
    /// The run of each glyph.
    glyph_run: Vec<usize>,
    missing: Vec<char>,
    breaks: Breaks,
    /// Its key combinations and menu paths.
    groups: Vec<super::ui::Group>,
    /// Breaks to use only when nothing else fits (inside those).
    last_resort: Vec<usize>,
}

fn prepare(inline: &Inline, base: &BaseStyle, lang: Lang) -> Prepared {
    let mut text = String::new();
    let mut runs = Vec::new();
    let mut links: Vec<LinkTarget> = Vec::new();
    for span in &inline.spans {
        let start = text.len();
        text.push_str(&span.text);
        let link = span.link.as_ref().map(|l| match links.iter().position(|x| x == l) {
            Some(i) if links.len() == i + 1 => i,
            _ => {
                links.push(l.clone());
                links.len() - 1
            }
        });
        let style = super::ui::style_of(span.style, span.ui);
        let code = style.code;
        // Code is set a little smaller: the mono face runs large.
        let size = if code { base.size * 0.92 } else { base.size };
        runs.push(Run {
            range: start..text.len(),
            font: font_of(base.bold || style.bold, base.italic || style.italic, code),
            size,
            color: if link.is_some() { base.link_color } else { base.color },
            link,
            code,
            ui: span.ui,
        });
    }

    let mut glyphs: Vec<Shaped> = Vec::new();
    let mut glyph_run: Vec<usize> = Vec::new();
    let mut missing = Vec::new();
    for (ri, run) in runs.iter().enumerate() {
        let before = glyphs.len();
        shape(
            &text[run.range.clone()],
            run.range.start,
            run.font,
            run.size,
            &mut glyphs,
            &mut missing,
        );
        glyph_run.extend(std::iter::repeat_n(ri, glyphs.len() - before));
    }

    let keys: Vec<Option<f32>> = runs
        .iter()
        .map(|r| (r.ui.map(|u| u.part) == Some(UiPart::Key)).then_some(r.size))
        .collect();
    super::ui::pad_keys(&mut glyphs, &glyph_run, &keys);

    let code_ranges: Vec<_> =
        runs.iter().filter(|r| r.code).map(|r| r.range.clone()).collect();
    let mut breaks = Breaks::new(&text, &code_ranges, lang);
    let spans: Vec<_> = runs.iter().map(|r| (r.range.clone(), r.ui)).collect();
    let groups = super::ui::groups(&text, &spans);
    let last_resort = super::ui::apply(&mut breaks, &groups);
    Prepared {
        text,
        runs,
        links,
        glyphs,
        glyph_run,
        missing,
        breaks,
        groups,
        last_resort,
    }
}

/// The narrowest and the widest `inline` can be set: its widest piece
/// that no ordinary break splits (a word, an address, a key combination;
/// hyphenation aside), and its widest line when only forced breaks end
/// lines. Tables share their width by these.
pub fn content_widths(inline: &Inline, base: &BaseStyle, lang: Lang) -> (f32, f32) {
    let p = prepare(inline, base, lang);
    let m = Measure::new(&p.glyphs, &p.text);
    let (mut min, mut max) = (0.0f32, 0.0f32);
    let (mut piece, mut line) = (0, 0);
    let end = Break { pos: p.text.len(), kind: BreakKind::Mandatory };
    for b in p.breaks.normal.iter().chain(std::iter::once(&end)) {
        if b.pos <= piece {
            continue;
        }
        min = min.max(m.width(piece, b.pos));
        piece = b.pos;
        if b.kind == BreakKind::Mandatory {
            max = max.max(m.width(line, b.pos));
            line = b.pos;
        }
    }
    (min, max.max(min))
}

/// Lays out `inline`, each line ending at one of the breaks `candidates_of`
/// gives for a line from `start`, `width` wide ([`Candidates::near_line_end`]:
/// only the words near a line's end are hyphenated).
fn lay_out(
    inline: &Inline,
    base: &BaseStyle,
    lang: Lang,
    width: f32,
    mut candidates_of: impl FnMut(&mut Candidates, &str, &Measure, usize, f32) -> Vec<Break>,
) -> Lines {
    let Prepared {
        text,
        runs,
        links,
        glyphs,
        glyph_run,
        missing,
        breaks,
        groups,
        last_resort,
    } = prepare(inline, base, lang);
    let measure = Measure::new(&glyphs, &text);
    // The width of a hyphen in each run, and the widest.
    let hyphens: Vec<f32> =
        runs.iter().map(|r| super::shape::measure("-", r.font, r.size)).collect();
    let hyphen_w = |at: usize| -> f32 {
        let ri = runs
            .iter()
            .position(|r| r.range.contains(&(at.saturating_sub(1))))
            .unwrap_or(0);
        hyphens.get(ri).copied().unwrap_or(0.0)
    };
    let mut candidates = Candidates {
        breaks: &breaks,
        hyphenated: vec![None; breaks.words.len()],
        widest_hyphen: hyphens.iter().copied().fold(0.0, f32::max),
    };

    let mut lines = Vec::new();
    let mut start = 0;
    let mut guard = 0;
    while start < text.len() && guard <= text.len() {
        guard += 1;
        let near = candidates_of(&mut candidates, &text, &measure, start, width);
        let (end, kind) =
            next_break(&text, &near, &last_resort, &measure, start, width, &hyphen_w);
        let mut line =
            build_line(&text, &runs, &glyphs, &glyph_run, &measure, start, end, kind);
        if !groups.is_empty() {
            super::ui::finish_line(&mut line, lang);
        }
        lines.push(line);
        start = end;
    }
    Lines { lines, links, missing }
}

/// Prefix sums of advances, for measuring any byte range in O(log n).
struct Measure<'a> {
    glyphs: &'a [Shaped],
    prefix: Vec<f32>,
    text: &'a str,
}

impl<'a> Measure<'a> {
    fn new(glyphs: &'a [Shaped], text: &'a str) -> Self {
        let mut prefix = Vec::with_capacity(glyphs.len() + 1);
        let mut acc = 0.0;
        prefix.push(0.0);
        for g in glyphs {
            acc += g.advance;
            prefix.push(acc);
        }
        Measure { glyphs, prefix, text }
    }

    fn index(&self, pos: usize) -> usize {
        self.glyphs.partition_point(|g| g.cluster < pos)
    }

    /// Visible width of `start..end`, trailing white space excluded.
    fn width(&self, start: usize, end: usize) -> f32 {
        let end = trim_end(self.text, start, end);
        self.prefix[self.index(end)] - self.prefix[self.index(start)]
    }

    fn is_cluster_start(&self, pos: usize) -> bool {
        let i = self.index(pos);
        i < self.glyphs.len() && self.glyphs[i].cluster == pos
    }
}

fn trim_end(text: &str, start: usize, end: usize) -> usize {
    start
        + text[start..end].trim_end_matches([' ', '\n', '\t', '\u{a0}', '\u{202f}']).len()
}

/// A paragraph's break candidates, hyphenating words only where a line may
/// end (each at most once).
struct Candidates<'b> {
    breaks: &'b Breaks,
    /// The hyphenation points of each word, once computed.
    hyphenated: Vec<Option<Vec<Break>>>,
    /// The widest hyphen of the paragraph's runs.
    widest_hyphen: f32,
}

impl Candidates<'_> {
    /// The candidates after `start` that [`next_break`] can reach or choose
    /// for the line starting there: the ordinary ones up to the first that
    /// does not fit, and the hyphenation points of the words that are not
    /// wholly before the last ordinary break that would still fit with a
    /// hyphen after it. A hyphenation point before that break fits (widths
    /// grow along the text) and loses to it, so leaving it out changes
    /// nothing: the lines are the ones all candidates would give.
    fn near_line_end(
        &mut self,
        text: &str,
        m: &Measure,
        start: usize,
        width: f32,
    ) -> Vec<Break> {
        let normal = &self.breaks.normal;
        let first = normal.partition_point(|b| b.pos <= start);
        let mut out = Vec::new();
        let mut safe = start;
        let mut over = usize::MAX;
        for b in &normal[first..] {
            out.push(*b);
            let w = m.width(start, b.pos);
            if w > width + 0.001 {
                over = b.pos;
                break;
            }
            if w + self.widest_hyphen <= width + 0.001 {
                safe = b.pos;
            }
        }
        let words = &self.breaks.words;
        let from = words.partition_point(|w| w.end <= safe);
        let reachable = words[from..].iter().take_while(|w| w.start < over).count();
        for i in from..from + reachable {
            let points =
                self.hyphenated[i].get_or_insert_with(|| self.breaks.hyphens(text, i));
            out.extend(points.iter().filter(|b| b.pos > start));
        }
        out.sort_by_key(|b| (b.pos, b.kind as u8));
        out.dedup_by_key(|b| b.pos);
        out
    }
}

/// Chooses where the line that starts at `start` ends, among `candidates`
/// (those after `start`, sorted), else among `last_resort` (sorted), else
/// between any two characters.
fn next_break(
    text: &str,
    candidates: &[Break],
    last_resort: &[usize],
    m: &Measure,
    start: usize,
    width: f32,
    hyphen_w: &dyn Fn(usize) -> f32,
) -> (usize, BreakKind) {
    let first = candidates.partition_point(|b| b.pos <= start);
    let mut best_normal: Option<usize> = None;
    let mut best_hyphen: Option<usize> = None;
    for b in &candidates[first..] {
        let extra = if b.kind == BreakKind::Hyphen { hyphen_w(b.pos) } else { 0.0 };
        if b.kind == BreakKind::Hyphen && !m.is_cluster_start(b.pos) {
            continue;
        }
        if m.width(start, b.pos) + extra > width + 0.001 {
            break;
        }
        match b.kind {
            BreakKind::Mandatory => return (b.pos, BreakKind::Mandatory),
            BreakKind::Normal => best_normal = Some(b.pos),
            BreakKind::Hyphen => best_hyphen = Some(b.pos),
        }
    }
    match (best_normal, best_hyphen) {
        // Ragged right: hyphenate only when the line would otherwise be short.
        (Some(n), Some(h)) if h > n && m.width(start, n) < 0.8 * width => {
            (h, BreakKind::Hyphen)
        }
        (Some(n), _) => (n, BreakKind::Normal),
        (None, Some(h)) => (h, BreakKind::Hyphen),
        (None, None) => {
            let fits = last_resort
                .iter()
                .filter(|&&p| p > start && m.width(start, p) <= width + 0.001)
                .max();
            match fits {
                Some(&p) => (p, BreakKind::Normal),
                None => (emergency_break(text, m, start, width), BreakKind::Normal),
            }
        }
    }
}

/// The longest prefix of the text at `start` that fits, cut between characters
/// (at least one character, so layout always advances).
fn emergency_break(text: &str, m: &Measure, start: usize, width: f32) -> usize {
    let mut best = None;
    for (i, c) in text[start..].char_indices() {
        let end = start + i + c.len_utf8();
        if m.is_cluster_start(end) || end == text.len() {
            if m.width(start, end) > width && best.is_some() {
                break;
            }
            best = Some(end);
        }
    }
    best.unwrap_or(text.len())
}

#[allow(clippy::too_many_arguments)]
fn build_line(
    text: &str,
    runs: &[Run],
    glyphs: &[Shaped],
    glyph_run: &[usize],
    m: &Measure,
    start: usize,
    end: usize,
    kind: BreakKind,
) -> Line {
    let (g0, g1) = (m.index(start), m.index(end));
    let visible_end = trim_end(text, start, end);
    let mut fragments: Vec<Fragment> = Vec::new();
    let mut x = 0.0;
    let mut width = 0.0;
    let mut i = g0;
    while i < g1 {
        let ri = glyph_run[i];
        let font = glyphs[i].font;
        let mut j = i;
        while j < g1 && glyph_run[j] == ri && glyphs[j].font == font {
            j += 1;
        }
        let run = &runs[ri];
        let t0 = glyphs[i].cluster;
        let t1 = if j < glyphs.len() { glyphs[j].cluster.min(end) } else { end };
        let t1 = t1.max(t0);
        let mut run_text = text[t0..t1].replace('\n', " ");
        let mut out = Vec::with_capacity(j - i);
        let mut w = 0.0;
        let mut visible = 0.0;
        // Every glyph of a cluster (a base and its marks, an emoji sequence
        // joined by U+200D) stands for the whole cluster's text: krilla
        // expects equal ranges there, and PDF/UA wants text for each glyph.
        let mut ends = vec![t1; j - i];
        for k in (i..j.saturating_sub(1)).rev() {
            ends[k - i] = if glyphs[k + 1].cluster != glyphs[k].cluster {
                glyphs[k + 1].cluster
            } else {
                ends[k + 1 - i]
            };
        }
        for k in i..j {
            let g = &glyphs[k];
            let next = ends[k - i];
            out.push(Glyph {
                id: g.id,
                x_advance: g.advance,
                x_offset: g.x_offset,
                y_offset: g.y_offset,
                range: (g.cluster - t0)..(next.max(g.cluster) - t0),
            });
            w += g.advance;
            if g.cluster < visible_end {
                visible = w;
            }
        }
        if kind == BreakKind::Hyphen && j == g1 {
            let mut hy = Vec::new();
            shape("-", 0, run.font, run.size, &mut hy, &mut Vec::new());
            let at = run_text.len();
            run_text.push('\u{ad}');
            for h in hy {
                out.push(Glyph {
                    id: h.id,
                    x_advance: h.advance,
                    x_offset: h.x_offset,
                    y_offset: h.y_offset,
                    range: at..run_text.len(),
                });
                w += h.advance;
                visible = w;
            }
        }
        if !out.is_empty() {
            if visible > 0.0 {
                width = x + visible;
            }
            fragments.push(Fragment {
                run: TextRun {
                    x,
                    y: 0.0,
                    font,
                    size: run.size,
                    color: run.color,
                    glyphs: out,
                    text: run_text,
                    width: visible,
                    actual: None,
                },
                link: run.link,
                ui: run.ui,
            });
        }
        x += w;
        i = j;
    }
    Line { fragments, width, keys: Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Span, TextStyle};

    fn style() -> BaseStyle {
        BaseStyle {
            size: 10.0,
            line_height: 13.0,
            color: Rgb::BLACK,
            bold: false,
            italic: false,
            link_color: Rgb(0, 0, 200),
        }
    }

    fn texts(lines: &Lines) -> Vec<String> {
        lines
            .lines
            .iter()
            .map(|l| l.fragments.iter().map(|f| f.run.text.as_str()).collect::<String>())
            .collect()
    }

    /// The byte ranges of `inline`'s code spans in its text.
    fn code_ranges(inline: &Inline) -> Vec<std::ops::Range<usize>> {
        let mut at = 0;
        let mut out = Vec::new();
        for span in &inline.spans {
            if span.style.code {
                out.push(at..at + span.text.len());
            }
            at += span.text.len();
        }
        out
    }

    #[test]
    fn lines_never_exceed_the_width() {
        let text = "Le cache garde une copie des pages déjà visitées pour les afficher plus vite. \
                    Videz-le quand une page s’affiche mal ou refuse de se mettre à jour.";
        for width in [60.0, 100.0, 150.0, 300.0] {
            let lines = layout_inline(&Inline::plain(text), &style(), Lang::Fr, width);
            for l in &lines.lines {
                assert!(l.width <= width + 0.01, "{} > {width}", l.width);
            }
            let joined: String = texts(&lines).concat().replace('\u{ad}', "");
            assert_eq!(joined.replace(' ', ""), text.replace(' ', ""));
        }
    }

    #[test]
    fn french_spaces_before_punctuation_do_not_break() {
        // Narrow enough that a plain UAX #14 break would put "?" alone.
        let text = "Vous êtes bloqué ? « Réessayez » : voilà !";
        // From the width of the longest unbreakable group ("« Réessayez » :") up.
        for width in 95..200 {
            let lines =
                layout_inline(&Inline::plain(text), &style(), Lang::Fr, width as f32);
            for t in texts(&lines) {
                let t = t.trim_start();
                assert!(
                    !t.starts_with(['?', ':', '!', ';', '»']),
                    "line starts with punctuation at width {width}: {t:?}"
                );
                assert!(!t.trim_end().ends_with('«'), "line ends with « at {width}");
            }
        }
    }

    #[test]
    fn long_code_breaks_instead_of_overflowing() {
        let inline = Inline {
            spans: vec![Span {
                text: "https://ent.example.org/un/chemin/tres/long/vers/une/page?id=123456789"
                    .into(),
                style: TextStyle { code: true, ..TextStyle::default() },
                link: None,
                ui: None,
            }],
        };
        let lines = layout_inline(&inline, &style(), Lang::Fr, 80.0);
        assert!(lines.lines.len() > 2);
        for l in &lines.lines {
            assert!(l.width <= 80.01);
        }
        assert!(!texts(&lines).concat().contains('\u{ad}'), "code is never hyphenated");
    }

    #[test]
    fn every_glyph_of_a_cluster_stands_for_its_text() {
        // A base with marks, and an emoji sequence joined by U+200D: shaping
        // puts several glyphs in one cluster.
        for text in ["x\u{301}\u{301}\u{301} y", "x👩\u{200d}👩\u{200d}👧 y"] {
            let lines = layout_inline(&Inline::plain(text), &style(), Lang::Fr, 500.0);
            for f in lines.lines.iter().flat_map(|l| &l.fragments) {
                for g in &f.run.glyphs {
                    assert!(!g.range.is_empty(), "{text:?}: glyph {} has no text", g.id);
                }
            }
        }
    }

    #[test]
    fn forced_line_break() {
        let lines = layout_inline(&Inline::plain("un\ndeux"), &style(), Lang::Fr, 500.0);
        assert_eq!(lines.lines.len(), 2);
    }

    /// Hyphenating only near line ends gives the lines hyphenating every
    /// word would: French and English paragraphs with bold and code runs,
    /// no-break punctuation and long words, at every width from narrow to wide.
    #[test]
    fn hyphenating_near_line_ends_gives_the_same_lines_as_hyphenating_all() {
        let words = [
            "le",
            "navigateur",
            "anticonstitutionnellement",
            "paramètres",
            "Établissement",
            "d’administration",
            "réinitialiser",
            "connexion",
            ":",
            "!",
            "«",
            "»",
            "l’ENT",
            "https://ent.example.org/connexion",
            "extensive",
            "configuration",
            "a",
            "sécurité",
            "mot-de-passe",
            "informatique",
            "?",
            "téléchargement",
            "x",
        ];
        let mut seed = 7u64;
        let mut next = || {
            seed =
                seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        let mut hyphenated = 0;
        for case in 0..120 {
            let mut spans = Vec::new();
            for _ in 0..(4 + next() % 30) {
                let w = words[next() % words.len()];
                let style = TextStyle {
                    bold: next() % 5 == 0,
                    code: w.starts_with("https") || next() % 17 == 0,
                    ..TextStyle::default()
                };
                spans.push(Span { text: format!("{w} "), style, link: None, ui: None });
            }
            let inline = Inline { spans };
            let lang = if case % 3 == 0 { Lang::En } else { Lang::Fr };
            for width in [40.0, 55.0, 73.5, 90.0, 120.0, 200.0, 400.0] {
                let lazy = layout_inline(&inline, &style(), lang, width);
                // Every word hyphenated first: the reference.
                let code = code_ranges(&inline);
                let every = |_: &mut Candidates, text: &str, _: &Measure, _, _| {
                    crate::layout::breaks::break_candidates(text, &code, lang)
                };
                let all = lay_out(&inline, &style(), lang, width, every);
                assert_eq!(lazy, all, "case {case} at width {width}: {:?}", texts(&all));
                hyphenated +=
                    texts(&all).iter().filter(|t| t.ends_with('\u{ad}')).count();
            }
        }
        assert!(hyphenated > 100, "the cases hardly hyphenate: {hyphenated} lines");
    }

    #[test]
    fn hyphenates_when_a_line_would_be_short() {
        let text = "anticonstitutionnellement anticonstitutionnellement";
        let lines = layout_inline(&Inline::plain(text), &style(), Lang::Fr, 90.0);
        assert!(
            texts(&lines).iter().any(|t| t.ends_with('\u{ad}')),
            "{:?}",
            texts(&lines)
        );
    }
}
