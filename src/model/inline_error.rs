//! Why a piece of inline text was refused, or deserves a warning: what
//! the inline parser and its scanners report.

use crate::i18n::Msg;

/// Why a piece of inline text was refused (or, for `unclosed-markup`, what
/// deserves a warning).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineError {
    /// `inline-markup` or `bad-link`; `unclosed-markup` for a warning.
    pub code: &'static str,
    /// What is wrong, lowercase.
    pub message: Msg,
    /// 0-based index (in characters) in the text where the problem starts.
    pub offset: usize,
    /// What to do about it.
    pub suggestion: Option<Msg>,
}
