//! The bundled fonts as krilla fonts: made once per thread from bytes parsed once per process.

use std::cell::OnceCell;

use krilla::text::Font;

use crate::layout::fonts::FontBook;
use crate::layout::FontId;

use super::error::{PdfError, Result};

thread_local! {
    /// One slot per [`FontId`], filled on first use. Per thread, not per
    /// process: krilla clones its `Font` (an `Arc`) for every glyph drawn, and
    /// with one shared `Font` two threads fought over its reference count's
    /// cache line (PDF time per sheet was 25 % higher on two threads than on
    /// one; now it is the same). Each thread parses the metadata once (the
    /// font bytes themselves are shared).
    static FONTS: [OnceCell<Option<Font>>; FontId::ALL.len()] =
        const { [const { OnceCell::new() }; FontId::ALL.len()] };
}

/// The krilla font for `id`, built from the shared bytes of the [`FontBook`]
/// (krilla keeps the `Arc`, the font file is not copied).
pub(crate) fn font(id: FontId) -> Result<Font> {
    let slot = FONTS.with(|f| {
        f[id as usize]
            .get_or_init(|| {
                let bytes = FontBook::get().font(id).bytes.clone();
                Font::new(krilla::Data::from(bytes), 0)
            })
            .clone()
    });
    slot.ok_or_else(|| PdfError::Font {
        font: name(id).to_string(),
        reason: "krilla cannot read the font file".to_string(),
    })
}

/// The [`FontId`] a krilla font was made from, if it is one of ours.
pub(crate) fn font_id(font: &Font) -> Option<FontId> {
    FontId::ALL.into_iter().find(|id| {
        FONTS.with(|f| f[*id as usize].get().and_then(Option::as_ref) == Some(font))
    })
}

/// A readable name for a bundled font.
pub(crate) fn name(id: FontId) -> &'static str {
    match id {
        FontId::Regular => "Atkinson Hyperlegible Next Regular",
        FontId::Bold => "Atkinson Hyperlegible Next Bold",
        FontId::Italic => "Atkinson Hyperlegible Next Italic",
        FontId::BoldItalic => "Atkinson Hyperlegible Next Bold Italic",
        FontId::Mono => "Atkinson Hyperlegible Mono",
        FontId::Symbols => "DejaVu Sans (symbols)",
    }
}
