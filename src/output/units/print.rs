//! The print sheet of a guide: laid out for paper and written as a PDF
//! validated as PDF/UA-1, with its page count and warnings.

use serde::{Deserialize, Serialize};

use crate::layout::{check_sheet_length, layout_guide, LayoutOptions};
use crate::model::{Collection, Guide};
use crate::output::cache::keys::print_key;
use crate::output::cache::warnings::StoredWarnings;
use crate::output::cache::{Cache, Unit};
use crate::output::failure::Failure;
use crate::output::lint::{figures, low_resolution};
use crate::pdf::{prepare_images, write_pdf, PdfOptions};

/// A guide's print sheet: what `build` writes to `pdf/<id>.pdf` and
/// `bundle` to `print/<id>.pdf`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintSheet {
    /// The PDF.
    #[serde(skip)]
    pub pdf: Vec<u8>,
    /// Its page count.
    pub pages: usize,
    /// Layout warnings and pictures printed below 150 dpi.
    pub warnings: StoredWarnings,
}

impl Unit for PrintSheet {
    const NAMESPACE: &'static str = "print";

    fn files(&mut self) -> Vec<&mut Vec<u8>> {
        vec![&mut self.pdf]
    }
}

impl PrintSheet {
    /// Lays out and writes the print sheet of `guide`.
    pub fn render(guide: &Guide, collection: &Collection) -> Result<Self, Failure> {
        // The pictures are decoded and compressed on another thread meanwhile.
        prepare_images(figures(guide).into_iter().map(|(f, _)| &f.image));
        let laid =
            layout_guide(guide, collection, &LayoutOptions::for_collection(collection));
        check_sheet_length(&laid.document, guide)?;
        let pdf = write_pdf(&laid.document, &PdfOptions::default())
            .map_err(|e| Failure::internal("pdf", &guide.file, e))?;
        let mut warnings = laid.warnings.clone();
        warnings.extend(low_resolution(guide, &laid.document));
        Ok(PrintSheet {
            pdf,
            pages: laid.document.pages.len(),
            warnings: StoredWarnings::store(&warnings, &guide.file),
        })
    }

    /// The print sheet of `guide` through `cache` (`guide_key` from
    /// [`crate::output::cache::keys::guide_key`]; `None`: not cacheable).
    /// `build` and `bundle` share their sheets this way.
    pub fn cached(
        cache: &Cache<Self>,
        guide_key: Option<&str>,
        guide: &Guide,
        collection: &Collection,
    ) -> Result<Self, Failure> {
        let key = guide_key.map(print_key);
        cache.get_or_compute(key.as_deref(), || Self::render(guide, collection))
    }
}
