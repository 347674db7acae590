//! Warnings as a cached unit keeps them: files named relative to the project,
//! so a reused unit points at the project's files wherever it now is, and a
//! reused unit reports the same as a fresh one.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Serialize};

use crate::i18n::Msg;
use crate::model::{Diagnostic, Severity};

/// The warnings of a unit, as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StoredWarnings(Vec<StoredDiagnostic>);

/// A diagnostic as a unit stores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct StoredDiagnostic {
    error: bool,
    code: String,
    /// `""` for the unit's own file (its guide, or the collection file).
    file: String,
    line: Option<usize>,
    column: Option<usize>,
    path: String,
    /// The message as id and arguments, rendered when shown.
    message: Msg,
    suggestion: Option<Msg>,
    /// `file` is relative to the folder given when storing (packs).
    #[serde(default)]
    relative: bool,
}

impl StoredWarnings {
    /// `warnings` of the unit made from `own_file`, which is written as `""`.
    pub fn store(warnings: &[Diagnostic], own_file: &Path) -> Self {
        StoredWarnings::store_in(warnings, own_file, None)
    }

    /// `warnings` of the unit made from `own_file`, which is written as
    /// `""`; a file under `dir` is written relative to it.
    pub fn store_in(
        warnings: &[Diagnostic],
        own_file: &Path,
        dir: Option<&Path>,
    ) -> Self {
        let stored = warnings.iter().map(|d| {
            let rel = dir.and_then(|dir| d.file.strip_prefix(dir).ok());
            let (file, relative) = if d.file == own_file {
                (String::new(), false)
            } else if let Some(rel) = rel.filter(|r| !r.as_os_str().is_empty()) {
                (rel.to_string_lossy().into_owned(), true)
            } else {
                (d.file.display().to_string(), false)
            };
            StoredDiagnostic {
                error: d.is_error(),
                code: d.code.to_string(),
                file,
                line: d.line,
                column: d.column,
                path: d.path.clone(),
                message: d.message.clone(),
                suggestion: d.suggestion.clone(),
                relative,
            }
        });
        StoredWarnings(stored.collect())
    }

    /// The warnings, for the unit's own file `own_file` now.
    pub fn restore(&self, own_file: &Path) -> Vec<Diagnostic> {
        self.restore_in(own_file, Path::new(""))
    }

    /// The warnings, for `own_file`, relative files under `dir`.
    pub fn restore_in(&self, own_file: &Path, dir: &Path) -> Vec<Diagnostic> {
        self.0
            .iter()
            .map(|s| Diagnostic {
                severity: if s.error { Severity::Error } else { Severity::Warning },
                code: intern(&s.code),
                file: if s.file.is_empty() {
                    own_file.to_path_buf()
                } else if s.relative {
                    dir.join(&s.file)
                } else {
                    PathBuf::from(&s.file)
                },
                line: s.line,
                column: s.column,
                path: s.path.clone(),
                message: s.message.clone(),
                suggestion: s.suggestion.clone(),
            })
            .collect()
    }
}

/// A `&'static str` for a code read back from the cache (codes are few).
fn intern(code: &str) -> &'static str {
    static CODES: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut set =
        CODES.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
    if let Some(c) = set.get(code) {
        return c;
    }
    let c: &'static str = Box::leak(code.to_string().into_boxed_str());
    set.insert(c);
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_warnings_follow_the_project() {
        let own = Path::new("/old/guides/a.json");
        let warnings = [
            Diagnostic::warning("low-resolution", own, Msg::verbatim("blurred"))
                .at("body[0]")
                .pos(3, 5),
            Diagnostic::warning("x", "/old/images/b.png", Msg::verbatim("other"))
                .help(Msg::verbatim("fix")),
        ];
        let stored = StoredWarnings::store_in(&warnings, own, Some(Path::new("/old")));
        let text = serde_json::to_string(&stored).unwrap();
        let back: StoredWarnings = serde_json::from_str(&text).unwrap();
        let now = back.restore_in(Path::new("/new/guides/a.json"), Path::new("/new"));
        assert_eq!(now[0].file, Path::new("/new/guides/a.json"));
        assert_eq!(
            (now[0].line, now[0].column, now[0].path.as_str()),
            (Some(3), Some(5), "body[0]")
        );
        assert_eq!(now[1].file, Path::new("/new/images/b.png"));
        assert_eq!(
            (now[1].code, now[1].suggestion.as_ref().map(|s| s.en()).as_deref()),
            ("x", Some("fix"))
        );
    }
}
