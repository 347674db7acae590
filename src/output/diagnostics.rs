//! Diagnostics as reports give them: in a stable order, as JSON objects
//! (the versioned report of `check --format json`, the bundle's
//! `report.json`) and as GitHub workflow annotations.
//!
//! The JSON shape is a public contract, documented in `docs/diagnostics.md`
//! and `docs/diagnostics.schema.json`: fields are only ever added, and a
//! breaking change bumps the report's version (`JSON_VERSION` of `check`).

use std::path::Path;

use serde::Serialize;

use crate::i18n::{Msg, UiLang};
use crate::model::{Diagnostic, Severity};

/// One problem, as the JSON report gives it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct JsonDiagnostic {
    /// The file, relative to the current folder when inside it, `/`-separated.
    pub file: String,
    /// 1-based line, or `null`.
    pub line: Option<usize>,
    /// 1-based column in characters, or `null`.
    pub column: Option<usize>,
    /// JSON path of the field (`body[3].items[1].image.src`); `""` for the whole file.
    pub path: String,
    /// `"error"` or `"warning"`.
    pub severity: &'static str,
    /// Stable kebab-case code, e.g. `unknown-field`.
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
    /// What to do about it, or `null`.
    pub suggestion: Option<String>,
    /// `message` in the user's language (`check --format json` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_local: Option<String>,
    /// `suggestion` in the user's language (`check --format json` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion_local: Option<String>,
}

/// Sorts diagnostics into their stable reporting order: errors first, then
/// by file, line, column, code, path and message.
pub fn sort_diagnostics(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        let key = |d: &Diagnostic| {
            (
                d.severity != Severity::Error,
                d.file.clone(),
                d.line,
                d.column,
                d.code,
                d.path.clone(),
                d.message.en(),
            )
        };
        key(a).cmp(&key(b))
    });
}

/// `"error"` or `"warning"`.
pub fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A path as reports show it: relative to the current folder when inside it,
/// with `/` separators on every system.
pub fn display_path(p: &Path) -> String {
    let rel = std::env::current_dir()
        .ok()
        .and_then(|cwd| p.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .filter(|r| !r.as_os_str().is_empty())
        .unwrap_or_else(|| p.to_path_buf());
    let s = rel.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// One diagnostic in its JSON form.
pub fn json_diagnostic(d: &Diagnostic) -> JsonDiagnostic {
    JsonDiagnostic {
        file: display_path(&d.file),
        line: d.line,
        column: d.column,
        path: d.path.clone(),
        severity: severity_name(d.severity),
        code: d.code,
        message: d.message.en(),
        suggestion: d.suggestion.as_ref().map(Msg::en),
        message_local: None,
        suggestion_local: None,
    }
}

/// One diagnostic in its JSON form, with its message and suggestion also
/// in `lang` (`message_local`, `suggestion_local`).
pub fn json_diagnostic_in(d: &Diagnostic, lang: UiLang) -> JsonDiagnostic {
    JsonDiagnostic {
        message_local: Some(d.message.in_lang(lang)),
        suggestion_local: d.suggestion.as_ref().map(|s| s.in_lang(lang)),
        ..json_diagnostic(d)
    }
}

/// Escapes an annotation's message as GitHub requires: `%`, CR and LF.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes an annotation property value: as [`escape_data`], plus `:` and `,`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The GitHub workflow command for one diagnostic:
/// `::error file=…,line=…,col=…,title=<code>::<path>: <message>`, the
/// suggestion on a second line of the message.
pub fn github_annotation(d: &Diagnostic) -> String {
    let mut props = vec![format!("file={}", escape_property(&display_path(&d.file)))];
    if let Some(line) = d.line {
        props.push(format!("line={line}"));
        if let Some(col) = d.column {
            props.push(format!("col={col}"));
        }
    }
    props.push(format!("title={}", escape_property(d.code)));
    let mut message = String::new();
    if !d.path.is_empty() {
        message.push_str(&d.path);
        message.push_str(": ");
    }
    message.push_str(&d.message.en());
    if let Some(s) = &d.suggestion {
        message.push_str("\nhelp: ");
        message.push_str(&s.en());
    }
    format!(
        "::{} {}::{}",
        severity_name(d.severity),
        props.join(","),
        escape_data(&message)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotations_escape_what_github_requires() {
        let d = Diagnostic::error(
            "bad-value",
            "guides/a,b.json",
            Msg::verbatim("50% off: a\r\nb"),
        )
        .at("body[0].text")
        .pos(3, 7)
        .help(Msg::verbatim("fix it"));
        assert_eq!(
            github_annotation(&d),
            "::error file=guides/a%2Cb.json,line=3,col=7,title=bad-value::\
             body[0].text: 50%25 off: a%0D%0Ab%0Ahelp: fix it"
        );
        let w = Diagnostic::warning(
            "unused-image",
            "images/x:y.png",
            Msg::verbatim("no guide uses this picture"),
        );
        assert_eq!(
            github_annotation(&w),
            "::warning file=images/x%3Ay.png,title=unused-image::no guide uses this picture"
        );
    }

    #[test]
    fn json_diagnostic_keeps_every_field() {
        let d = Diagnostic::warning("stale-guide", "guides/a.json", Msg::verbatim("old"))
            .at("updated")
            .pos(2, 14);
        let v = serde_json::to_value(json_diagnostic(&d)).unwrap();
        assert_eq!(
            v,
            serde_json::json!({
                "file": "guides/a.json", "line": 2, "column": 14, "path": "updated",
                "severity": "warning", "code": "stale-guide", "message": "old",
                "suggestion": null
            })
        );
    }
}
