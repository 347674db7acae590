//! The bundled fonts: loaded once per process and shared by every thread.

use std::sync::{Arc, OnceLock};

use super::page::FontId;

/// One bundled font: its bytes and the metrics layout needs.
pub struct FontData {
    /// Which font this is.
    pub id: FontId,
    /// The whole font file, shared (the PDF writer embeds a subset of it).
    pub bytes: Arc<Vec<u8>>,
    /// Font units per em.
    pub units_per_em: f32,
    /// Ascender, in em.
    pub ascender: f32,
    /// Descender (negative), in em.
    pub descender: f32,
    face: rustybuzz::Face<'static>,
    plan: rustybuzz::ShapePlan,
    /// Which characters below [`COVERAGE_END`] the font has, one bit each:
    /// layout asks for every character, the cmap look-up is slower.
    coverage: Box<[u64; COVERAGE_END as usize / 64]>,
}

/// Characters below this code point are answered from a bitmap (Latin,
/// Greek, Cyrillic, general punctuation: what help sheets use).
const COVERAGE_END: u32 = 0x2100;

impl FontData {
    fn load(id: FontId, bytes: &'static [u8]) -> FontData {
        // The bundled fonts are checked by the test suite; failing here is a packaging bug.
        let face = rustybuzz::Face::from_slice(bytes, 0)
            .unwrap_or_else(|| panic!("bundled font {id:?} is invalid (packaging bug)"));
        let upem = face.units_per_em() as f32;
        // Compiling a shaping plan is slow: do it once per font. Every run is
        // shaped as left-to-right Latin (symbols included), matching the plan.
        let plan = rustybuzz::ShapePlan::new(
            &face,
            rustybuzz::Direction::LeftToRight,
            Some(rustybuzz::script::LATIN),
            None,
            &[],
        );
        let coverage = coverage(&face);
        FontData {
            id,
            bytes: Arc::new(bytes.to_vec()),
            units_per_em: upem,
            ascender: face.ascender() as f32 / upem,
            descender: face.descender() as f32 / upem,
            face,
            plan,
            coverage,
        }
    }

    /// The shaping plan (left-to-right, Latin script).
    pub fn plan(&self) -> &rustybuzz::ShapePlan {
        &self.plan
    }

    /// The shaping face.
    pub fn face(&self) -> &rustybuzz::Face<'static> {
        &self.face
    }

    /// Whether the font has a glyph for `c`.
    pub fn has_char(&self, c: char) -> bool {
        let cp = c as u32;
        if cp < COVERAGE_END {
            self.coverage[(cp / 64) as usize] & (1 << (cp % 64)) != 0
        } else {
            self.face.glyph_index(c).is_some()
        }
    }
}

/// The coverage bitmap of `face`: the code points its Unicode cmap
/// subtables list, kept when the face maps them to a glyph (exactly what
/// `glyph_index` answers).
fn coverage(face: &rustybuzz::Face<'_>) -> Box<[u64; COVERAGE_END as usize / 64]> {
    let mut bits = Box::new([0u64; COVERAGE_END as usize / 64]);
    let Some(cmap) = face.tables().cmap else { return bits };
    for subtable in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
        subtable.codepoints(|cp| {
            let has = char::from_u32(cp).is_some_and(|c| face.glyph_index(c).is_some());
            if cp < COVERAGE_END && has {
                bits[(cp / 64) as usize] |= 1 << (cp % 64);
            }
        });
    }
    bits
}

/// All bundled fonts.
pub struct FontBook {
    fonts: Vec<FontData>,
}

static BOOK: OnceLock<FontBook> = OnceLock::new();

/// The bundled font files, in [`FontId`] order.
pub const FILES: [(FontId, &[u8]); FontId::ALL.len()] = [
    (
        FontId::Regular,
        include_bytes!("../../fonts/AtkinsonHyperlegibleNext_400Regular.ttf"),
    ),
    (FontId::Bold, include_bytes!("../../fonts/AtkinsonHyperlegibleNext_700Bold.ttf")),
    (
        FontId::Italic,
        include_bytes!("../../fonts/AtkinsonHyperlegibleNext_400Regular_Italic.ttf"),
    ),
    (
        FontId::BoldItalic,
        include_bytes!("../../fonts/AtkinsonHyperlegibleNext_700Bold_Italic.ttf"),
    ),
    (FontId::Mono, include_bytes!("../../fonts/AtkinsonHyperlegibleMono_400Regular.ttf")),
    (FontId::Symbols, include_bytes!("../../fonts/DejaVuSans-Symbols.ttf")),
];

impl FontBook {
    /// The process-wide font book (parsed on first use).
    pub fn get() -> &'static FontBook {
        BOOK.get_or_init(|| FontBook {
            fonts: FILES.iter().map(|&(id, bytes)| FontData::load(id, bytes)).collect(),
        })
    }

    /// The font with the given id.
    pub fn font(&self, id: FontId) -> &FontData {
        &self.fonts[id as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage_bitmap_agrees_with_the_cmap() {
        let book = FontBook::get();
        for id in FontId::ALL {
            let font = book.font(id);
            for cp in 0..COVERAGE_END + 64 {
                let Some(c) = char::from_u32(cp) else { continue };
                assert_eq!(
                    font.has_char(c),
                    font.face().glyph_index(c).is_some(),
                    "{id:?} U+{cp:04X}"
                );
            }
        }
    }
}
