//! Keys and menu paths in running text: keycaps (padding around a key's
//! glyphs, a rounded frame around them), where a combination or a path may
//! break, and what each line of one reads as (`Ctrl+Maj+Suppr`, `Menu,
//! puis Aide`).
//!
//! A key combination is kept on one line; it breaks after a `+` only as a
//! last resort (when it does not fit on a line of its own). A menu path
//! breaks after a separator; inside a label only as a last resort. Neither
//! is ever hyphenated.

use std::ops::Range;

use super::breaks::{Break, BreakKind, Breaks};
use super::lines::{Fragment, KeyBox, Line};
use super::page::{rounded_rect, Item, Mark, Pen, Placed, Rect, Rgb};
use super::shape::Shaped;
use crate::model::{menu_then, Lang, TextStyle, Ui, UiPart};

/// Space inside a keycap on each side of the key's name, in ems.
const KEY_PAD: f32 = 0.28;
/// Space between a keycap's frame and the text beside it, in ems.
const KEY_GAP: f32 = 0.1;

/// Keycap frames: a light fill and a thin grey edge, readable in black and
/// white.
const KEY_FILL: Rgb = Rgb(0xf1, 0xf2, 0xf4);
const KEY_EDGE: Rgb = Rgb(0x55, 0x55, 0x5c);

/// One key combination or menu path of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Its byte range in the paragraph's text.
    pub range: Range<usize>,
    /// A key combination (else a menu path).
    pub keys: bool,
    /// Where the line may end: where its labels start after a separator,
    /// and, when that does not fit, before a separator (menu paths).
    pub label_starts: Vec<usize>,
    /// Where the line may end as a last resort: after a `+`, after a space
    /// inside a label.
    pub last_resort: Vec<usize>,
}

/// The groups of a paragraph whose spans are `spans` with byte ranges
/// `ranges` in its text.
pub fn groups(text: &str, spans: &[(Range<usize>, Option<Ui>)]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    let mut current: Option<u32> = None;
    for (range, ui) in spans {
        let Some(ui) = ui else {
            current = None;
            continue;
        };
        if current != Some(ui.group) || out.is_empty() {
            out.push(Group {
                range: range.clone(),
                keys: ui.part.is_key(),
                label_starts: Vec::new(),
                last_resort: Vec::new(),
            });
            current = Some(ui.group);
        }
        let Some(g) = out.last_mut() else { continue };
        g.range.end = range.end;
        match ui.part {
            UiPart::Plus => g.last_resort.push(range.end),
            UiPart::Separator => {
                // After the separator; else before it (the next line then
                // starts with "›"), rather than inside a label.
                let sep = &text[range.clone()];
                let lead = sep.len() - sep.trim_start_matches(' ').len();
                if lead > 0 {
                    g.label_starts.push(range.start + lead);
                }
                g.label_starts.push(range.end);
            }
            UiPart::Label => {
                let label = &text[range.clone()];
                for (i, c) in label.char_indices() {
                    let after = range.start + i + c.len_utf8();
                    if c == ' ' && after < range.end {
                        g.last_resort.push(after);
                    }
                }
            }
            UiPart::Key => {}
        }
    }
    out
}

/// Applies the rules of `groups` to a paragraph's break candidates: no
/// ordinary break and no hyphenation inside a group, a break after each
/// separator of a menu path. Returns the last-resort breaks, sorted.
pub fn apply(breaks: &mut Breaks, groups: &[Group]) -> Vec<usize> {
    if groups.is_empty() {
        return Vec::new();
    }
    let inside =
        |pos: usize| groups.iter().any(|g| g.range.start < pos && pos < g.range.end);
    breaks.normal.retain(|b| b.kind == BreakKind::Mandatory || !inside(b.pos));
    for g in groups {
        breaks.normal.extend(g.label_starts.iter().map(|&pos| Break {
            pos,
            kind: BreakKind::Normal,
            inside: None,
        }));
    }
    breaks.normal.sort_by_key(|b| (b.pos, b.kind as u8));
    breaks.normal.dedup_by_key(|b| b.pos);
    breaks.words.retain(|w| {
        !groups.iter().any(|g| w.start < g.range.end && g.range.start < w.end)
    });
    let mut last: Vec<usize> =
        groups.iter().flat_map(|g| g.last_resort.iter().copied()).collect();
    last.sort_unstable();
    last
}

/// The font style of a span: menu labels are bold.
pub fn style_of(style: TextStyle, ui: Option<Ui>) -> TextStyle {
    match ui.map(|u| u.part) {
        Some(UiPart::Label) => TextStyle { bold: true, ..style },
        _ => style,
    }
}

/// Pads the glyphs of every key (a run of part [`UiPart::Key`]) so that a
/// keycap fits around them: `glyph_run[i]` is the run of glyph `i`, `keys`
/// says which runs are keys and their font size.
pub fn pad_keys(glyphs: &mut [Shaped], glyph_run: &[usize], keys: &[Option<f32>]) {
    let mut i = 0;
    while i < glyphs.len() {
        let run = glyph_run[i];
        let mut j = i;
        while j < glyphs.len() && glyph_run[j] == run {
            j += 1;
        }
        if let Some(Some(size)) = keys.get(run) {
            let pad = KEY_PAD * size;
            glyphs[i].x_offset += pad;
            glyphs[i].advance += pad;
            glyphs[j - 1].advance += pad;
        }
        i = j;
    }
}

/// Finishes a line holding keys or menu paths: notes where its keycaps go,
/// sets each key combination in one run (where its keys share a font)
/// that reads as `Ctrl+Maj+Suppr`, and makes each menu separator read as
/// ", puis " (", then ").
pub fn finish_line(line: &mut Line, lang: Lang) {
    let frags = &line.fragments;
    let mut i = 0;
    while i < frags.len() {
        let ui = frags[i].ui;
        let mut end = i + 1;
        if ui.map(|u| u.part) == Some(UiPart::Key) {
            // A key set in two fonts (a symbol) is two runs, one keycap.
            while end < frags.len() && frags[end].ui == ui {
                end += 1;
            }
            let last = &frags[end - 1].run;
            let first = &frags[i].run;
            line.keys.push(KeyBox {
                x: first.x,
                w: last.x + last.width - first.x,
                size: first.size,
            });
        }
        i = end;
    }
    let mut out: Vec<Fragment> = Vec::with_capacity(line.fragments.len());
    for mut frag in std::mem::take(&mut line.fragments) {
        let part = frag.ui.map(|u| u.part);
        if part == Some(UiPart::Separator) {
            // Like the " › " it stands for, with its space after (also at
            // the end of a line, as other runs keep theirs). A path broken
            // before a "›" leaves the separator's first space at the end of
            // the line above: that reads as nothing, so the comma follows
            // the label.
            frag.run.actual = Some(if frag.run.text.trim().is_empty() {
                String::new()
            } else {
                format!(", {} ", menu_then(lang))
            });
        }
        if part.is_some_and(UiPart::is_key) {
            if let Some(prev) = out.last_mut().filter(|p| joins(p, &frag)) {
                let at = prev.run.text.len();
                prev.run.glyphs.extend(frag.run.glyphs.into_iter().map(|mut g| {
                    g.range = g.range.start + at..g.range.end + at;
                    g
                }));
                prev.run.text.push_str(&frag.run.text);
                prev.run.width = frag.run.x + frag.run.width - prev.run.x;
                prev.run.actual = Some(prev.run.text.clone());
                continue;
            }
            frag.run.actual = Some(frag.run.text.clone());
        }
        out.push(frag);
    }
    line.fragments = out;
}

/// Whether `next` continues the key combination run `prev` in the same run:
/// same combination, font, size, colour and link, and right after it.
fn joins(prev: &Fragment, next: &Fragment) -> bool {
    let (a, b) = (&prev.run, &next.run);
    prev.ui.map(|u| u.group) == next.ui.map(|u| u.group)
        && prev.ui.is_some_and(|u| u.part.is_key())
        && a.font == b.font
        && a.size == b.size
        && a.color == b.color
        && prev.link == next.link
        && a.actual.is_some()
}

/// The keycap frame of `key` on a line placed at `x` with its baseline at
/// `baseline`: a rounded frame, as decoration.
pub fn keycap(key: &KeyBox, x: f32, baseline: f32) -> Placed {
    let size = key.size;
    let gap = KEY_GAP * size;
    let rect = Rect {
        x: x + key.x + gap,
        y: baseline - size * 0.86,
        w: (key.w - 2.0 * gap).max(0.0),
        h: size * 1.12,
    };
    Placed {
        item: Item::Path {
            path: rounded_rect(rect, size * 0.22),
            fill: Some(KEY_FILL),
            stroke: Some(Pen { width: (size * 0.055).max(0.5), color: KEY_EDGE }),
        },
        mark: Mark::Artifact,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::text::tests::style;
    use crate::layout::text::{layout_inline, Lines};
    use crate::model::parse_inline;

    fn lay(text: &str, width: f32) -> Lines {
        layout_inline(&parse_inline(text).expect(text), &style(), Lang::Fr, width)
    }

    /// Each line's text, and the text each line's runs read as.
    fn texts(lines: &Lines) -> Vec<(String, String)> {
        lines
            .lines
            .iter()
            .map(|l| {
                let shown = l.fragments.iter().map(|f| f.run.text.as_str()).collect();
                let read = l
                    .fragments
                    .iter()
                    .map(|f| f.run.actual.clone().unwrap_or_else(|| f.run.text.clone()))
                    .collect();
                (shown, read)
            })
            .collect()
    }

    #[test]
    fn a_combination_stays_on_one_line() {
        let text =
            "Pour vider le cache, appuyez sur [[Ctrl]]+[[Maj]]+[[Suppr]] puis validez.";
        for w in (90..400).step_by(3) {
            let lines = lay(text, w as f32);
            let whole = texts(&lines).iter().any(|(s, _)| s.contains("Ctrl+Maj+Suppr"));
            assert!(whole, "width {w}: {:?}", texts(&lines));
            for l in &lines.lines {
                assert!(l.width <= w as f32 + 0.01, "width {w}");
            }
        }
    }

    #[test]
    fn a_combination_too_wide_for_a_line_breaks_after_a_plus() {
        let lines = lay("[[Ctrl]]+[[Maj]]+[[Suppr]]", 60.0);
        let shown: Vec<String> = texts(&lines).into_iter().map(|t| t.0).collect();
        assert!(shown.len() > 1, "{shown:?}");
        for s in &shown[..shown.len() - 1] {
            assert!(s.ends_with('+'), "{shown:?}");
        }
        assert_eq!(shown.concat(), "Ctrl+Maj+Suppr");
    }

    #[test]
    fn menu_paths_break_after_a_separator_and_are_never_hyphenated() {
        let text = "Ouvrez {{Menu > Paramètres > Confidentialité, recherche et services > Effacer les données de navigation}} ici.";
        let path = [
            "Menu",
            "Paramètres",
            "Confidentialité, recherche et services",
            "Effacer les données de navigation",
        ];
        for w in (120..500).step_by(7) {
            let lines = lay(text, w as f32);
            let shown: Vec<String> = texts(&lines).into_iter().map(|t| t.0).collect();
            assert!(!shown.concat().contains('\u{ad}'), "hyphenated at {w}: {shown:?}");
            for s in &shown[..shown.len() - 1] {
                let end = s.trim_end();
                // A line ends after a separator, or outside the path, or
                // inside a label too long for a whole line.
                let inside_label = path.iter().any(|p| {
                    (1..p.len()).any(|k| {
                        p.is_char_boundary(k)
                            && end.ends_with(&p[..k])
                            && !end.ends_with(p)
                    })
                });
                if inside_label {
                    let label = path
                        .iter()
                        .find(|p| {
                            (1..p.len())
                                .any(|k| p.is_char_boundary(k) && end.ends_with(&p[..k]))
                        })
                        .unwrap();
                    let lw = crate::layout::shape::measure(
                        label,
                        crate::layout::page::FontId::Bold,
                        10.0,
                    );
                    assert!(
                        lw > w as f32,
                        "width {w}: {label:?} fits a line but was broken: {shown:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn keys_and_paths_read_as_text() {
        let lines = lay("[[Ctrl]]+[[Maj]]+[[Suppr]], {{Menu > Paramètres}}.", 500.0);
        let (shown, read) = texts(&lines).remove(0);
        assert_eq!(shown, "Ctrl+Maj+Suppr, Menu \u{203a} Paramètres.");
        assert_eq!(read, "Ctrl+Maj+Suppr, Menu, puis Paramètres.");
        let l = &lines.lines[0];
        // One run for the whole combination, one keycap per key.
        assert_eq!(l.fragments[0].run.text, "Ctrl+Maj+Suppr");
        assert_eq!(l.keys.len(), 3);
        for pair in l.keys.windows(2) {
            assert!(pair[0].x + pair[0].w <= pair[1].x, "{:?}", l.keys);
        }
        // A separator at the end of a line reads with its space, as the
        // space ending any line does.
        let lines = lay("{{Paramètres > Vie privée et sécurité}}", 60.0);
        assert_eq!(
            lines.lines[0].fragments.last().unwrap().run.actual.as_deref(),
            Some(", puis ")
        );
        // Broken before a separator: its "›" reads once.
        for w in (40..200).step_by(5) {
            let lines = lay("{{Paramètres > Confidentialité et sécurité}}", w as f32);
            let read: String = texts(&lines).into_iter().map(|t| t.1).collect();
            assert_eq!(read.matches("puis").count(), 1, "width {w}: {read:?}");
        }
        let en = layout_inline(
            &parse_inline("{{Menu > Settings}}").unwrap(),
            &style(),
            Lang::En,
            500.0,
        );
        assert_eq!(en.lines[0].fragments[1].run.actual.as_deref(), Some(", then "));
    }

    fn ui(part: UiPart, group: u32) -> Option<Ui> {
        Some(Ui { part, group })
    }

    #[test]
    fn groups_know_their_breaks() {
        let text = "a Ctrl+C b Menu \u{203a} Vie privée";
        let spans = vec![
            (0..2, None),
            (2..6, ui(UiPart::Key, 0)),
            (6..7, ui(UiPart::Plus, 0)),
            (7..8, ui(UiPart::Key, 0)),
            (8..11, None),
            (11..15, ui(UiPart::Label, 1)),
            (15..20, ui(UiPart::Separator, 1)),
            (20..text.len(), ui(UiPart::Label, 1)),
        ];
        let g = groups(text, &spans);
        assert_eq!(g.len(), 2);
        assert_eq!((g[0].range.clone(), g[0].keys), (2..8, true));
        assert_eq!(g[0].last_resort, vec![7]);
        assert_eq!((g[1].range.clone(), g[1].keys), (11..text.len(), false));
        assert_eq!(g[1].label_starts, vec![16, 20]);
        assert_eq!(g[1].last_resort, vec![text.find("privée").unwrap()]);
    }
}
