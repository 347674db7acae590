//! Diagnostics: one problem in one file, with where it is and what to do.

use std::fmt;
use std::path::PathBuf;

use crate::i18n::{Msg, UiLang};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The file is refused.
    Error,
    /// The file builds, but something deserves attention.
    Warning,
}

/// One problem, located as precisely as known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable, kebab-case code for tools, e.g. `unknown-field`.
    pub code: &'static str,
    /// The file the problem is in.
    pub file: PathBuf,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column (in characters), when known.
    pub column: Option<usize>,
    /// JSON path of the field, e.g. `body[3].items[1].image.src`; empty for the whole file.
    pub path: String,
    /// What is wrong (rendered: lowercase, without a final period).
    pub message: Msg,
    /// What to do about it, when we can tell.
    pub suggestion: Option<Msg>,
}

impl Diagnostic {
    /// An error with no position yet.
    pub fn error(code: &'static str, file: impl Into<PathBuf>, message: Msg) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            file: file.into(),
            line: None,
            column: None,
            path: String::new(),
            message,
            suggestion: None,
        }
    }

    /// A warning with no position yet.
    pub fn warning(code: &'static str, file: impl Into<PathBuf>, message: Msg) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, file, message)
        }
    }

    /// Sets the JSON path.
    pub fn at(mut self, path: impl Into<String>) -> Self {
        self.path = path.into();
        self
    }

    /// Sets line and column.
    pub fn pos(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// Sets the suggestion.
    pub fn help(mut self, suggestion: Msg) -> Self {
        self.suggestion = Some(suggestion);
        self
    }

    /// Whether this is an error (not a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Renders in English (see [`Diagnostic::render`]).
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(UiLang::En))
    }
}

impl Diagnostic {
    /// `file:line:col: error: path: message`, then `  help: suggestion` on a
    /// second line, in `lang`: the form editors and terminals make clickable.
    pub fn render(&self, lang: UiLang) -> String {
        let mut out = String::new();
        self.write(&mut out, lang).unwrap_or_default();
        out
    }

    fn write(&self, f: &mut impl fmt::Write, lang: UiLang) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        let sev = match self.severity {
            Severity::Error => crate::msg!("label-error"),
            Severity::Warning => crate::msg!("label-warning"),
        };
        // French sets a no-break space before a colon.
        let colon = if lang == UiLang::Fr { "\u{a0}: " } else { ": " };
        write!(f, ": {}{colon}", sev.in_lang(lang))?;
        if !self.path.is_empty() {
            write!(f, "{}{colon}", self.path)?;
        }
        write!(f, "{}", self.message.in_lang(lang))?;
        if let Some(s) = &self.suggestion {
            let help = crate::msg!("label-help").in_lang(lang);
            write!(f, "\n  {help}{colon}{}", s.in_lang(lang))?;
        }
        Ok(())
    }
}
