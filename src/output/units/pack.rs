//! A pack in one layout: the collection's guides laid out together (cover,
//! contents, page numbers running through), imposed, written as one PDF.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::layout::pack::{layout_pack, PackError, PackLayout, PackOptions};
use crate::model::values::name_slug;
use crate::model::{Collection, Diagnostic, Guide};
use crate::output::cache::warnings::StoredWarnings;
use crate::output::cache::Unit;
use crate::output::failure::Failure;
use crate::pdf::{write_pdf, PdfError, PdfOptions};

/// A pack: what `pack` writes and `bundle` puts in `pack/`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackUnit {
    /// The PDF.
    #[serde(skip)]
    pub pdf: Vec<u8>,
    /// Numbered pages (before imposition).
    pub pages: usize,
    /// Pages of the PDF (sheet sides for imposed layouts).
    pub sides: usize,
    /// Each guide and the page it starts on.
    pub starts: Vec<(String, usize)>,
    /// The pack's own warnings (files under the collection file's folder
    /// are stored relative to it).
    pub warnings: StoredWarnings,
}

impl Unit for PackUnit {
    const NAMESPACE: &'static str = "pack";

    fn files(&mut self) -> Vec<&mut Vec<u8>> {
        vec![&mut self.pdf]
    }
}

/// Why a pack could not be made.
#[derive(Debug)]
pub enum PackUnitError {
    /// The layout refused the request.
    Layout(PackError),
    /// The PDF could not be written (a bug).
    Pdf(PdfError),
}

impl PackUnitError {
    /// The failure of a pack about `file`: a refused layout is an error of
    /// the pack, a PDF that cannot be written an internal error.
    pub fn failure(&self, file: &Path) -> Failure {
        match self {
            PackUnitError::Layout(e) => {
                Diagnostic::error("pack", file, e.message()).into()
            }
            PackUnitError::Pdf(e) => Failure::internal("pdf", file, e),
        }
    }
}

impl PackUnit {
    /// Lays out and writes a pack of `guides` with `options`.
    pub fn render(
        guides: &[&Guide],
        collection: &Collection,
        collection_file: &Path,
        options: &PackOptions,
    ) -> Result<Self, PackUnitError> {
        let pack = layout_pack(guides, collection, collection_file, options)
            .map_err(PackUnitError::Layout)?;
        let pdf = write_pdf(&pack.document, &PdfOptions::default())
            .map_err(PackUnitError::Pdf)?;
        let dir = collection_file.parent();
        Ok(PackUnit {
            pdf,
            pages: pack.pages,
            sides: pack.document.pages.len(),
            starts: pack.starts,
            warnings: StoredWarnings::store_in(&pack.warnings, collection_file, dir),
        })
    }

    /// The warnings of a pack made with `collection_file`, where the
    /// project now is.
    pub fn warnings_for(&self, collection_file: &Path) -> Vec<Diagnostic> {
        let dir = collection_file.parent().unwrap_or(Path::new(""));
        self.warnings.restore_in(collection_file, dir)
    }
}

/// `<collection-slug>-<layout>.pdf`, the name of a pack's file; a handout
/// adds the guide's id, duplex adds `-duplex` and large print `-large`, so
/// that packs made with other options do not overwrite each other.
pub fn file_name(collection: &Collection, opts: &PackOptions, only: &[&Guide]) -> String {
    let mut name = name_slug(&collection.title);
    if name.is_empty() {
        name.push_str("pack");
    }
    name.push('-');
    name.push_str(opts.layout.name());
    if let (PackLayout::Handout, [g]) = (opts.layout, only) {
        name.push('-');
        name.push_str(&g.id);
    }
    if opts.duplex {
        name.push_str("-duplex");
    }
    if opts.large_print {
        name.push_str("-large");
    }
    format!("{name}.pdf")
}
