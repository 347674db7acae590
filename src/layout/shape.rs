//! Shaping: styled text becomes positioned glyphs, with symbol-font fallback.

use super::fonts::FontBook;
use super::page::FontId;

/// A shaped glyph, positioned in points, pointing back at its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Shaped {
    /// Glyph id in `font`.
    pub id: u16,
    /// The font it comes from (may be the fallback).
    pub font: FontId,
    /// Advance in points.
    pub advance: f32,
    /// Horizontal offset in points.
    pub x_offset: f32,
    /// Vertical offset in points, positive up.
    pub y_offset: f32,
    /// Byte offset of the glyph's cluster in the paragraph text.
    pub cluster: usize,
}

/// Which font covers `c`, given the style's own font. `None`: no bundled font has it.
pub fn font_for(c: char, primary: FontId) -> Option<FontId> {
    let book = FontBook::get();
    if c.is_whitespace() || c.is_control() || book.font(primary).has_char(c) {
        Some(primary)
    } else if book.font(FontId::Symbols).has_char(c) {
        Some(FontId::Symbols)
    } else if primary == FontId::Mono && book.font(FontId::Regular).has_char(c) {
        Some(FontId::Regular)
    } else {
        None
    }
}

/// Shapes `text` (which starts at byte `base` of the paragraph) in `primary`
/// at `size`, falling back per character. Characters no font has are
/// pushed to `missing` and drawn with the primary font's `.notdef`.
/// Line feeds produce no glyph.
pub fn shape(
    text: &str,
    base: usize,
    primary: FontId,
    size: f32,
    out: &mut Vec<Shaped>,
    missing: &mut Vec<char>,
) {
    let mut run_start = 0;
    let mut run_font: Option<FontId> = None;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            if let Some(f) = run_font.take() {
                shape_run(&text[run_start..i], base + run_start, f, size, out);
            }
            run_start = i + c.len_utf8();
            continue;
        }
        let f = font_for(c, primary).unwrap_or_else(|| {
            missing.push(c);
            primary
        });
        match run_font {
            Some(rf) if rf == f => {}
            Some(rf) => {
                shape_run(&text[run_start..i], base + run_start, rf, size, out);
                run_start = i;
                run_font = Some(f);
            }
            None => {
                run_start = i;
                run_font = Some(f);
            }
        }
    }
    if let Some(f) = run_font {
        shape_run(&text[run_start..], base + run_start, f, size, out);
    }
}

/// A glyph as shaped in font units, relative to the start of its word.
#[derive(Clone, Copy)]
struct UnitGlyph {
    id: u16,
    advance: i32,
    x_offset: i32,
    y_offset: i32,
    cluster: u32,
}

/// Words shaped so far on this thread, in font units (size-independent).
/// Help sheets repeat their words a lot; shaping is the costliest part of
/// layout. Bounded: cleared when it grows past `WORD_CACHE_MAX`.
type WordCache = std::collections::HashMap<(FontId, Box<str>), Box<[UnitGlyph]>>;

const WORD_CACHE_MAX: usize = 20_000;

thread_local! {
    static WORDS: std::cell::RefCell<WordCache> = std::cell::RefCell::new(WordCache::new());
}

/// Shapes `text` word by word (a word keeps its trailing spaces; kerning
/// never applies across a space), reusing earlier results.
fn shape_run(text: &str, base: usize, font: FontId, size: f32, out: &mut Vec<Shaped>) {
    if text.is_empty() {
        return;
    }
    let data = FontBook::get().font(font);
    let scale = size / data.units_per_em;
    WORDS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() > WORD_CACHE_MAX {
            cache.clear();
        }
        let mut start = 0;
        for (end, _) in text
            .match_indices(' ')
            .map(|(i, _)| (i + 1, ()))
            .filter(|(i, _)| !text[*i..].starts_with(' '))
            .chain(std::iter::once((text.len(), ())))
        {
            if end <= start {
                continue;
            }
            let word = &text[start..end];
            let key = (font, Box::<str>::from(word));
            let glyphs = match cache.get(&key) {
                Some(g) => g,
                None => {
                    let g = shape_word(word, font);
                    cache.entry(key).or_insert(g)
                }
            };
            for g in glyphs.iter() {
                out.push(Shaped {
                    id: g.id,
                    font,
                    advance: g.advance as f32 * scale,
                    x_offset: g.x_offset as f32 * scale,
                    y_offset: g.y_offset as f32 * scale,
                    cluster: base + start + g.cluster as usize,
                });
            }
            start = end;
        }
    });
}

fn shape_word(text: &str, font: FontId) -> Box<[UnitGlyph]> {
    let data = FontBook::get().font(font);
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.set_direction(rustybuzz::Direction::LeftToRight);
    buffer.set_script(rustybuzz::script::LATIN);
    let shaped = rustybuzz::shape_with_plan(data.face(), data.plan(), buffer);
    // A character no font has is drawn as "?" (never an empty .notdef box);
    // the caller reports it.
    let question = data.face().glyph_index('?').map(|g| g.0);
    let q_advance = question
        .and_then(|g| data.face().glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(g)))
        .unwrap_or(0) as i32;
    shaped
        .glyph_infos()
        .iter()
        .zip(shaped.glyph_positions())
        .map(|(info, pos)| {
            let (id, advance) = match (info.glyph_id, question) {
                (0, Some(q)) => (q, q_advance),
                (g, _) => (g as u16, pos.x_advance),
            };
            UnitGlyph {
                id,
                advance,
                x_offset: pos.x_offset,
                y_offset: pos.y_offset,
                cluster: info.cluster,
            }
        })
        .collect()
}

/// Width in points of `text` set in `font` at `size` (with fallback).
pub fn measure(text: &str, font: FontId, size: f32) -> f32 {
    let mut out = Vec::new();
    shape(text, 0, font, size, &mut out, &mut Vec::new());
    out.iter().map(|g| g.advance).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_fall_back_to_dejavu() {
        for (c, font) in [
            ('a', Some(FontId::Regular)),
            ('é', Some(FontId::Regular)),
            ('→', Some(FontId::Symbols)),
            ('✓', Some(FontId::Symbols)),
            ('⚠', Some(FontId::Symbols)),
            ('☰', Some(FontId::Symbols)),
            ('\u{1F600}', None),
        ] {
            assert_eq!(font_for(c, FontId::Regular), font, "{c}");
        }
    }

    #[test]
    fn line_feed_has_no_glyph_and_clusters_are_offsets() {
        let mut out = Vec::new();
        let mut missing = Vec::new();
        shape("a\nb→", 10, FontId::Regular, 10.0, &mut out, &mut missing);
        let clusters: Vec<usize> = out.iter().map(|g| g.cluster).collect();
        assert_eq!(clusters, vec![10, 12, 13]);
        assert_eq!(out[2].font, FontId::Symbols);
        assert!(missing.is_empty());
    }

    #[test]
    fn missing_characters_are_reported() {
        let mut missing = Vec::new();
        shape("x\u{1F600}", 0, FontId::Regular, 10.0, &mut Vec::new(), &mut missing);
        assert_eq!(missing, vec!['\u{1F600}']);
    }
}
