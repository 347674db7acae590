//! The problem collector: builds located diagnostics for one file from JSON paths.

use std::path::Path;

use super::diag::{Diagnostic, Severity};
use super::inline::InlineError;
use super::raw::{kind_msg, RawProblem};
use super::spans::{pos_in_string, Pos, SpanIndex};
use super::values::suggest;
use crate::i18n::Msg;
use crate::msg;

/// Collects the problems of one file, locating each by its JSON path.
pub struct Report<'a> {
    /// The file, as named to the user.
    pub file: &'a Path,
    text: &'a str,
    spans: &'a SpanIndex,
    /// What was found so far, in the order found.
    pub diags: Vec<Diagnostic>,
}

impl<'a> Report<'a> {
    /// An empty report for `file`, whose text and span index are given.
    pub fn new(file: &'a Path, text: &'a str, spans: &'a SpanIndex) -> Self {
        Report { file, text, spans, diags: Vec::new() }
    }

    fn located(&self, mut d: Diagnostic, path: &str, pos: Option<Pos>) -> Diagnostic {
        d = d.at(path);
        match pos {
            Some(p) => d.pos(p.line, p.column),
            None => d,
        }
    }

    /// An error about the value at `path` (or the nearest enclosing value).
    pub fn error(&self, code: &'static str, path: &str, message: Msg) -> Diagnostic {
        let d = Diagnostic::error(code, self.file, message);
        self.located(d, path, self.spans.nearest(path))
    }

    /// An error about the key of the member at `path`.
    pub fn key_error(&self, code: &'static str, path: &str, message: Msg) -> Diagnostic {
        let pos = self.spans.key(path).or_else(|| self.spans.nearest(path));
        self.located(Diagnostic::error(code, self.file, message), path, pos)
    }

    /// A warning about the value at `path`.
    pub fn warning(&self, code: &'static str, path: &str, message: Msg) -> Diagnostic {
        let d = Diagnostic::warning(code, self.file, message);
        self.located(d, path, self.spans.nearest(path))
    }

    /// An error inside the string at `path`, at character `offset` of its text.
    pub fn error_in_string(
        &self,
        code: &'static str,
        path: &str,
        offset: usize,
        message: Msg,
    ) -> Diagnostic {
        let pos =
            self.spans.value(path).map(|start| pos_in_string(self.text, start, offset));
        let pos = pos.or_else(|| self.spans.nearest(path));
        self.located(Diagnostic::error(code, self.file, message), path, pos)
    }

    /// Records a diagnostic, unless an error is already recorded for the same
    /// path (a wrong-typed field is not also reported as missing), or, for a
    /// missing field, inside it (a list dropped for one bad element).
    pub fn push(&mut self, d: Diagnostic) {
        if d.is_error() && self.has_error_at(&d.path) {
            return;
        }
        if d.code == "missing-field" && self.has_error_inside(&d.path) {
            return;
        }
        self.diags.push(d);
    }

    /// Whether an error was recorded strictly inside the value at `path`.
    fn has_error_inside(&self, path: &str) -> bool {
        self.diags.iter().any(|d| {
            d.is_error()
                && d.path.strip_prefix(path).is_some_and(|rest| {
                    rest.starts_with('[') || (rest.starts_with('.') && !path.is_empty())
                })
        })
    }

    /// Whether the file has a value at `path` (possibly `null`).
    pub fn exists(&self, path: &str) -> bool {
        self.spans.value(path).is_some()
    }

    /// Whether an error was recorded at exactly `path`.
    pub fn has_error_at(&self, path: &str) -> bool {
        self.diags.iter().any(|d| d.is_error() && d.path == path)
    }

    /// Records a structural problem; `allowed` are the fields of the object
    /// it was found in, for "did you mean" suggestions.
    pub fn raw_problem(&mut self, problem: &RawProblem, allowed: &[&str]) {
        let d = match problem {
            RawProblem::UnknownField { path, key } => self
                .key_error("unknown-field", path, msg!("unknown-field", key = key))
                .help(suggest(key, allowed)),
            RawProblem::WrongType { path, expected, found } => {
                let message = msg!(
                    "wrong-type",
                    expected = kind_msg(expected),
                    found = kind_msg(found)
                );
                let d = self.error("wrong-type", path, message);
                // "width": "70%" is a fraction of the text width: 0.7.
                let last = path.rsplit(['.', '[']).next().unwrap_or("");
                if last == "width" && found == "a string" {
                    d.help(msg!("width-help"))
                } else {
                    d
                }
            }
            RawProblem::Other { path, message } => {
                self.error("wrong-type", path, msg!("value-invalid", reason = message))
            }
        };
        self.push(d);
    }

    /// Records an inline markup problem in the string at `path`.
    pub fn inline_problem(&mut self, path: &str, e: &InlineError) {
        let mut d = self.error_in_string(e.code, path, e.offset, e.message.clone());
        d.suggestion = e.suggestion.clone();
        self.push(d);
    }

    /// Errors and warnings sorted by position (unlocated last), split into
    /// (errors, warnings).
    pub fn finish(self) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
        let mut diags = self.diags;
        diags.sort_by_key(|d| (d.line.is_none(), d.line, d.column));
        diags.into_iter().partition(|d| d.severity == Severity::Error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_by_path_and_dedupes() {
        let text = "{\n  \"titel\": \"a **b\",\n  \"body\": [], \"title\": \"\\\"*\"\n}";
        let spans = SpanIndex::build(text);
        let file = Path::new("g.json");
        let mut r = Report::new(file, text, &spans);
        r.raw_problem(
            &RawProblem::UnknownField { path: "titel".into(), key: "titel".into() },
            &["title", "body"],
        );
        r.push(r.error("empty", "body", Msg::verbatim("the body is empty")));
        r.push(r.error("missing-field", "body", Msg::verbatim("dropped: same path")));
        r.push(r.error("missing-field", "body[0].text", Msg::verbatim("falls back")));
        r.inline_problem(
            "title",
            &InlineError {
                code: "inline-markup",
                message: Msg::verbatim("m"),
                offset: 1,
                suggestion: None,
            },
        );
        let (errors, warnings) = r.finish();
        assert!(warnings.is_empty());
        let got: Vec<_> = errors
            .iter()
            .map(|d| {
                (
                    d.code,
                    d.path.as_str(),
                    d.line,
                    d.column,
                    d.suggestion.clone().map(|s| s.en()),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "unknown-field",
                    "titel",
                    Some(2),
                    Some(3),
                    Some("did you mean \"title\"?".to_string())
                ),
                ("empty", "body", Some(3), Some(11), None),
                ("missing-field", "body[0].text", Some(3), Some(11), None),
                ("inline-markup", "title", Some(3), Some(27), None),
            ]
        );
    }
}
