//! The error type of the PDF writer.

use std::fmt::{self, Display, Formatter};

/// What can go wrong while writing a PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// A picture could not be read or decoded.
    Image {
        /// The image's `src`, as written in the guide.
        src: String,
        /// What the decoder said.
        reason: String,
    },
    /// The document breaks a rule of a selected standard (PDF/UA-1, PDF/A-2…).
    /// Each entry is one readable sentence, prefixed with the standard(s) it breaks.
    Validation(Vec<String>),
    /// The requested combination of standards cannot be produced.
    Options(String),
    /// The page description is inconsistent (a layout bug, not a user error).
    Structure(String),
    /// A bundled font could not be embedded.
    Font {
        /// Which font.
        font: String,
        /// What failed.
        reason: String,
    },
    /// krilla failed in a way guidepress does not expect.
    Internal(String),
}

/// Result of the PDF writer.
pub type Result<T, E = PdfError> = std::result::Result<T, E>;

impl Display for PdfError {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            PdfError::Image { src, reason } => {
                write!(
                    f,
                    "cannot embed image `{src}`: {reason} (re-export it as PNG or JPEG)"
                )
            }
            PdfError::Validation(problems) => {
                let n = problems.len();
                write!(f, "the PDF fails validation ({n} problem{}):", plural(n))?;
                for problem in problems {
                    write!(f, "\n  - {problem}")?;
                }
                Ok(())
            }
            PdfError::Options(msg) => write!(f, "invalid PDF options: {msg}"),
            PdfError::Structure(msg) => write!(
                f,
                "inconsistent page description: {msg} (this is a bug in guidepress's \
                 layout, please report it)"
            ),
            PdfError::Font { font, reason } => write!(
                f,
                "cannot embed font {font}: {reason} (this is a bug in guidepress, \
                 please report it)"
            ),
            PdfError::Internal(msg) => write!(
                f,
                "internal error while writing the PDF: {msg} (this is a bug in \
                 guidepress, please report it)"
            ),
        }
    }
}

impl std::error::Error for PdfError {}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Shorthand for a [`PdfError::Structure`].
pub(crate) fn structure(msg: impl Into<String>) -> PdfError {
    PdfError::Structure(msg.into())
}
