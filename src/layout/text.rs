//! Inline layout: styled spans become lines of glyph runs (UAX #14 breaks,
//! address and code rules, hyphenation, French no-break spaces, and breaks
//! without a hyphen as a last resort for what fits nowhere, reported).
//!
//! Linear in the paragraph's length: each line looks only at the break
//! candidates it can reach, and each word is hyphenated at most once.

use super::breaks::{Break, BreakKind, Breaks, Marked};
use super::hyphen::{Hyphenator, MIN_BEFORE};
pub use super::lines::{Fragment, Line, Lines};
use super::page::{FontId, Glyph, Rgb, TextRun};
use super::shape::{shape, Shaped};
use crate::model::{Inline, Lang, LinkTarget, Span, Ui, UiPart};

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
    /// Which words may be hyphenated.
    pub hyphens: Hyphens,
}

/// Which words of a text may be hyphenated (the word rules of
/// [`super::hyphen`] always apply).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Hyphens {
    /// Where a line would otherwise end short (running text).
    #[default]
    Auto,
    /// Only a word wider than the whole line (table cells).
    Overlong,
    /// Never (titles, headings, labels).
    Never,
}

/// Whether a span lets its words be hyphenated: `code`, keys and menu
/// paths never are.
fn span_hyphenates(span: &Span) -> bool {
    !span.style.code && span.ui.is_none()
}

/// A style run of a paragraph: a byte range with one font, colour and link.
#[derive(Debug, Clone, PartialEq)]
struct Run {
    range: std::ops::Range<usize>,
    font: FontId,
    size: f32,
    color: Rgb,
    link: Option<usize>,
    /// The key combination or menu path part it sets, if any.
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

/// Breaks `inline` into lines at most `width` points wide, with the
/// language's hyphenation patterns alone.
pub fn layout_inline(inline: &Inline, base: &BaseStyle, lang: Lang, width: f32) -> Lines {
    layout_text(inline, base, &Hyphenator::plain(lang), width)
}

/// Breaks `inline` into lines at most `width` points wide, hyphenating as
/// `hy` says.
pub fn layout_text(
    inline: &Inline,
    base: &BaseStyle,
    hy: &Hyphenator,
    width: f32,
) -> Lines {
    lay_out(inline, base, hy, width, |_start, safe| safe)
}

/// Widths are compared with this tolerance, in points.
const EPS: f32 = 0.001;

/// A paragraph ready to break: its text, style runs, glyphs and break
/// candidates.
struct Prepared {
    text: String,
    runs: Vec<Run>,
    links: Vec<LinkTarget>,
    glyphs: Vec<Shaped>,
    /// The style run of each glyph.
    glyph_run: Vec<usize>,
    missing: Vec<char>,
    breaks: Breaks,
    /// Its key combinations and menu paths.
    groups: Vec<super::ui::Group>,
    /// Breaks to use only when nothing else fits (inside those).
    last_resort: Vec<usize>,
}

impl Prepared {
    fn new(inline: &Inline, base: &BaseStyle, lang: Lang) -> Prepared {
        let mut text = String::new();
        let mut runs = Vec::new();
        let mut marks = Vec::new();
        let mut links: Vec<LinkTarget> = Vec::new();
        for span in &inline.spans {
            let start = text.len();
            text.push_str(&span.text);
            let link = span.link.as_ref().map(|l| match links.last() {
                // Neighbouring spans of one link (bold inside a label) share it.
                Some(last) if last == l => links.len() - 1,
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
                ui: span.ui,
            });
            marks.push(Marked {
                range: start..text.len(),
                code,
                hyphenate: base.hyphens != Hyphens::Never && span_hyphenates(span),
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
        let mut breaks = Breaks::new(&text, &marks, lang);
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

    /// The width of a hyphen in each style run.
    fn hyphens(&self) -> Vec<f32> {
        self.runs.iter().map(|r| super::shape::measure("-", r.font, r.size)).collect()
    }
}

/// How wide a text is, as browsers size table columns: its widest piece
/// that no rule lets break, the same with hyphenation, and its width on one
/// line (per forced line).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ContentWidths {
    /// The widest word, address piece or whole `code` span.
    pub min: f32,
    /// The widest piece when words may be hyphenated (hyphen included).
    pub min_hyphenated: f32,
    /// The widest line when nothing wraps.
    pub max: f32,
}

/// The content widths of `inline` set in `base`.
pub fn content_widths(
    inline: &Inline,
    base: &BaseStyle,
    hy: &Hyphenator,
) -> ContentWidths {
    let p = Prepared::new(inline, base, hy.lang);
    let m = Measure::new(&p.glyphs, &p.text);
    let hyphen = p.hyphens().into_iter().fold(0.0, f32::max);
    let mut out = ContentWidths::default();
    // Code spans keep whole: a break inside one is not counted.
    let mut points: Vec<(usize, BreakKind)> = p
        .breaks
        .normal
        .iter()
        .filter(|b| b.inside.is_none_or(|i| !p.breaks.protected[i].code))
        .map(|b| (b.pos, b.kind))
        .collect();
    let normal = points.len();
    let (mut from, mut line) = (0, 0);
    for &(pos, kind) in &points {
        out.min = out.min.max(m.width(from, pos));
        from = pos;
        if kind == BreakKind::Mandatory {
            out.max = out.max.max(m.width(line, pos));
            line = pos;
        }
    }
    for i in 0..p.breaks.words.len() {
        points.extend(p.breaks.hyphens(&p.text, i, hy).iter().map(|b| (b.pos, b.kind)));
    }
    // A key combination or a menu path may break inside (after a "+", at a
    // label's spaces) before anything is cut: counted like hyphenation.
    points.extend(p.last_resort.iter().map(|&pos| (pos, BreakKind::Normal)));
    if points.len() > normal {
        points.sort_by_key(|&(pos, kind)| (pos, kind as u8));
    }
    from = 0;
    for &(pos, kind) in &points {
        let extra = if kind == BreakKind::Hyphen { hyphen } else { 0.0 };
        out.min_hyphenated = out.min_hyphenated.max(m.width(from, pos) + extra);
        from = pos;
    }
    out.min_hyphenated = out.min_hyphenated.min(out.min);
    out
}

fn lay_out(
    inline: &Inline,
    base: &BaseStyle,
    hy: &Hyphenator,
    width: f32,
    scan_from: fn(usize, usize) -> usize,
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
    } = Prepared::new(inline, base, hy.lang);
    let measure = Measure::new(&glyphs, &text);
    // A code span that fits on a line is never split.
    let splittable = breaks
        .protected
        .iter()
        .map(|p| !p.code || measure.width(p.range.start, p.range.end) > width + EPS)
        .collect();
    // In table cells, only a word wider than the column is hyphenated.
    let hyphenatable = breaks
        .words
        .iter()
        .map(|w| {
            base.hyphens != Hyphens::Overlong
                || measure.width(w.start, w.end) > width + EPS
        })
        .collect();
    let mut breaker = Breaker {
        text: &text,
        m: &measure,
        breaks: &breaks,
        splittable,
        hyphenatable,
        hyphenated: vec![None; breaks.words.len()],
        hy,
        run_starts: runs.iter().map(|r| r.range.start).collect(),
        hyphens: runs
            .iter()
            .map(|r| super::shape::measure("-", r.font, r.size))
            .collect(),
        width,
        scan_from,
    };

    let mut lines = Vec::new();
    let mut forced: Vec<String> = Vec::new();
    let mut start = 0;
    let mut first = 0;
    while start < text.len() {
        while first < breaks.normal.len() && breaks.normal[first].pos <= start {
            first += 1;
        }
        // Inside a key combination or a menu path, the breaks kept for
        // last (after a "+", at a label's spaces) come before a cut.
        let inner = || {
            last_resort
                .iter()
                .copied()
                .filter(|&p| p > start && measure.width(start, p) <= width + EPS)
                .max()
        };
        let (end, kind) = match breaker.line_end(start, first) {
            Some(found) => found,
            None if inner().is_some() => (inner().unwrap_or(start), BreakKind::Normal),
            None => {
                let end = breaker.last_resort(start);
                let word = word_at(&text, end);
                if !word.is_empty() && !forced.iter().any(|w| w == word) {
                    forced.push(word.to_string());
                }
                (end, BreakKind::Normal)
            }
        };
        let mut line =
            build_line(&text, &runs, &glyphs, &glyph_run, &measure, start, end, kind);
        if !groups.is_empty() {
            super::ui::finish_line(&mut line, hy.lang);
        }
        lines.push(line);
        start = end.max(start + 1);
    }
    Lines { lines, links, missing, forced }
}

/// The token (between white space) around byte `at`, without the
/// punctuation that ends a sentence.
fn word_at(text: &str, at: usize) -> &str {
    let space = |c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}';
    let start = text[..at]
        .rfind(space)
        .map_or(0, |i| i + text[i..].chars().next().map_or(1, char::len_utf8));
    let end = text[at..].find(space).map_or(text.len(), |i| at + i);
    text[start..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '»'])
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

/// Chooses where lines end, greedily: each line as long as fits.
struct Breaker<'b> {
    text: &'b str,
    m: &'b Measure<'b>,
    breaks: &'b Breaks,
    /// Per protected stretch: whether it may be split at all.
    splittable: Vec<bool>,
    /// Per word: whether the style lets it be hyphenated at this width.
    hyphenatable: Vec<bool>,
    /// The hyphenation points of each word, once computed.
    hyphenated: Vec<Option<Vec<Break>>>,
    hy: &'b Hyphenator<'b>,
    /// Where each style run starts, and the width of its hyphen.
    run_starts: Vec<usize>,
    hyphens: Vec<f32>,
    width: f32,
    /// Where, given a line's start and its last break that fits with a
    /// hyphen after it, the words to hyphenate are looked for: layout
    /// passes the latter (only words near the line's end); the tests'
    /// reference passes the former (every word of the line).
    scan_from: fn(usize, usize) -> usize,
}

impl Breaker<'_> {
    /// The width of the hyphen drawn at a break at `at`.
    fn hyphen_w(&self, at: usize) -> f32 {
        let ri = self.run_starts.partition_point(|&s| s < at).saturating_sub(1);
        self.hyphens.get(ri).copied().unwrap_or(0.0)
    }

    /// Whether the rules let a line that starts at `start` end at `b`: a
    /// break inside an address or code needs a stretch that may split, and
    /// at least [`super::address::MIN_PIECE`] of its characters on the line.
    fn usable(&self, b: &Break, start: usize) -> bool {
        let Some(i) = b.inside else { return true };
        let p = &self.breaks.protected[i];
        self.splittable[i]
            && (start <= p.range.start
                || self.text[start..b.pos]
                    .chars()
                    .nth(super::address::MIN_PIECE - 1)
                    .is_some())
    }

    /// Where the line that starts at `start` ends, and how; `first` is the
    /// first ordinary candidate after `start`. `None`: nothing fits.
    ///
    /// The ordinary candidates are read up to the first that does not fit
    /// (or a forced break), then the hyphenation points of the words that
    /// are not wholly before the last ordinary break that would still fit
    /// with a hyphen after it: a point before that break fits too and loses
    /// to it, so leaving it out changes nothing.
    fn line_end(&mut self, start: usize, first: usize) -> Option<(usize, BreakKind)> {
        let widest_hyphen = self.hyphens.iter().copied().fold(0.0, f32::max);
        let mut best_normal = None;
        let mut safe = start;
        let mut over = usize::MAX;
        for b in &self.breaks.normal[first..] {
            let w = self.m.width(start, b.pos);
            if w > self.width + EPS {
                over = b.pos;
                break;
            }
            if !self.usable(b, start) {
                continue;
            }
            if b.kind == BreakKind::Mandatory {
                return Some((b.pos, BreakKind::Mandatory));
            }
            if w + widest_hyphen <= self.width + EPS {
                safe = b.pos;
            }
            best_normal = Some(b.pos);
        }
        if over == usize::MAX {
            // No candidate left (all were unusable): the rest fits.
            return Some((self.text.len(), BreakKind::Mandatory));
        }
        let from = (self.scan_from)(start, safe);
        let mut best_hyphen = None;
        let words = &self.breaks.words;
        let mut i = words.partition_point(|w| w.end <= from);
        'words: while i < words.len() && words[i].start < over {
            if self.hyphenatable[i] {
                if self.hyphenated[i].is_none() {
                    self.hyphenated[i] = Some(self.breaks.hyphens(self.text, i, self.hy));
                }
                // A line that starts inside the word (after a cut) keeps
                // enough of it before the hyphen too.
                let word_start = words[i].start.max(start);
                for b in self.hyphenated[i].iter().flatten() {
                    if b.pos <= start
                        || !self.m.is_cluster_start(b.pos)
                        || self.text[word_start..b.pos]
                            .chars()
                            .nth(MIN_BEFORE - 1)
                            .is_none()
                    {
                        continue;
                    }
                    if self.m.width(start, b.pos) + self.hyphen_w(b.pos)
                        > self.width + EPS
                    {
                        break 'words;
                    }
                    best_hyphen = Some(b.pos);
                }
            }
            i += 1;
        }
        match (best_normal, best_hyphen) {
            // Ragged right: hyphenate only when the line would otherwise be short.
            (Some(n), Some(h)) if h > n && self.m.width(start, n) < 0.8 * self.width => {
                Some((h, BreakKind::Hyphen))
            }
            (Some(n), _) => Some((n, BreakKind::Normal)),
            (None, Some(h)) => Some((h, BreakKind::Hyphen)),
            (None, None) => None,
        }
    }

    /// The longest prefix of the text at `start` that fits, cut between
    /// characters (at least one character, so layout always advances).
    fn last_resort(&self, start: usize) -> usize {
        let (text, m) = (self.text, self.m);
        let mut best = None;
        for (i, c) in text[start..].char_indices() {
            let end = start + i + c.len_utf8();
            if m.is_cluster_start(end) || end == text.len() {
                if m.width(start, end) > self.width && best.is_some() {
                    break;
                }
                best = Some(end);
            }
        }
        best.unwrap_or(text.len())
    }
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
pub(crate) mod tests {
    use super::*;
    use crate::model::TextStyle;

    /// A 10 pt black text style, hyphenating: the text tests' (and the
    /// keys' and menu paths' tests') usual style.
    pub(crate) fn style() -> BaseStyle {
        BaseStyle {
            size: 10.0,
            line_height: 13.0,
            color: Rgb::BLACK,
            bold: false,
            italic: false,
            link_color: Rgb(0, 0, 200),
            hyphens: Hyphens::Auto,
        }
    }

    fn texts(lines: &Lines) -> Vec<String> {
        lines
            .lines
            .iter()
            .map(|l| l.fragments.iter().map(|f| f.run.text.as_str()).collect::<String>())
            .collect()
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
                let hy = Hyphenator::plain(lang);
                let lazy = lay_out(&inline, &style(), &hy, width, |_, safe| safe);
                // Every word of the line hyphenated: the reference.
                let all = lay_out(&inline, &style(), &hy, width, |start, _| start);
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
