//! How an output fails: one type for every job and rendering unit, and the
//! one diagnostic of an internal error (a bug in guidepress, not in a guide).

use crate::i18n::Msg;
use crate::msg;
use std::fmt;
use std::path::Path;

use crate::model::Diagnostic;

/// Why an output was not made.
#[derive(Debug, Clone)]
pub enum Failure {
    /// The request itself is wrong (an unknown id in `--only`, a handout of
    /// several guides): the command line reports it as a usage error.
    Usage(Msg),
    /// Some input was refused or some file could not be made or written:
    /// every problem found, each with its file and what to do.
    Refused(Vec<Diagnostic>),
}

impl Failure {
    /// An internal error about `file` (code `code`): guidepress could not
    /// use something it made itself. See [`internal_error`].
    pub fn internal(code: &'static str, file: &Path, error: impl fmt::Display) -> Self {
        Failure::Refused(vec![internal_error(code, file, error)])
    }

    /// The failure as diagnostics, for a report that goes on with other
    /// work (a usage failure becomes one error that names no file).
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        match self {
            Failure::Usage(m) => vec![Diagnostic::error("usage", "", m)],
            Failure::Refused(diags) => diags,
        }
    }
}

/// The diagnostic of an internal error: `error` as the message, and a help
/// asking for a bug report.
pub fn internal_error(
    code: &'static str,
    file: &Path,
    error: impl fmt::Display,
) -> Diagnostic {
    let message = msg!("internal-error", reason = error.to_string());
    Diagnostic::error(code, file, message).help(msg!("bug-help"))
}

impl From<Diagnostic> for Failure {
    fn from(d: Diagnostic) -> Self {
        Failure::Refused(vec![d])
    }
}

impl From<Box<Diagnostic>> for Failure {
    fn from(d: Box<Diagnostic>) -> Self {
        Failure::Refused(vec![*d])
    }
}

impl From<Vec<Diagnostic>> for Failure {
    fn from(diags: Vec<Diagnostic>) -> Self {
        Failure::Refused(diags)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Usage(m) => write!(f, "{m}"),
            Failure::Refused(diags) => {
                for (i, d) in diags.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{d}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for Failure {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_ask_for_a_bug_report() {
        let d = internal_error("pdf", Path::new("guides/a.json"), "no page");
        assert_eq!((d.code, d.message.en().as_str()), ("pdf", "internal error: no page"));
        let fr = d.message.in_lang(crate::i18n::UiLang::Fr);
        assert_eq!(fr, "erreur interne\u{a0}: no page");
        assert!(d
            .suggestion
            .as_ref()
            .map(|s| s.en())
            .as_deref()
            .is_some_and(|s| s.contains("bug in guidepress")));
        let f = Failure::internal("zip", Path::new("out"), "full");
        assert_eq!(f.into_diagnostics()[0].suggestion, d.suggestion);
    }
}
