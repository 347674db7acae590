//! Why a piece of inline text was refused, or deserves a warning: what
//! the inline parser and its scanners report.

/// Why a piece of inline text was refused (or, for `unclosed-markup`, what
/// deserves a warning).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineError {
    /// `inline-markup` or `bad-link`; `unclosed-markup` for a warning.
    pub code: &'static str,
    /// What is wrong, lowercase.
    pub message: String,
    /// 0-based index (in characters) in the text where the problem starts.
    pub offset: usize,
    /// What to do about it.
    pub suggestion: Option<String>,
}
