//! Relative paths from guides: resolved inside their folder, never outside it.

use std::path::{Component, Path, PathBuf};

use super::input::kind_of;
use super::values::closest;

/// A folder that guide paths are relative to.
#[derive(Debug, Clone)]
pub struct Root {
    /// The folder as the user named it, for messages.
    pub shown: PathBuf,
    /// Its canonical path, or `None` when it does not exist.
    pub canonical: Option<PathBuf>,
    /// What the folder is called in messages: "images folder", "project folder".
    pub name: &'static str,
}

/// Why a path was refused: a diagnostic code, a message and maybe a suggestion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathError {
    /// `path-escapes`, `missing-file`, `bad-path` or `unreadable`.
    pub code: &'static str,
    /// What is wrong, lowercase.
    pub message: String,
    /// What to do.
    pub suggestion: Option<String>,
}

/// Most files listed when looking for a "did you mean" suggestion.
const MAX_LISTED: usize = 5_000;

impl Root {
    /// A root for `dir`, resolving it if it exists.
    pub fn new(dir: &Path, name: &'static str) -> Root {
        Root { shown: dir.to_path_buf(), canonical: dir.canonicalize().ok(), name }
    }

    /// Resolves `rel` (as written in a guide, `/`-separated) to the canonical
    /// path of an existing file inside this folder.
    pub fn resolve(&self, rel: &str, what: &str) -> Result<PathBuf, PathError> {
        let err = |code, message: String, suggestion: Option<String>| PathError {
            code,
            message,
            suggestion,
        };
        let name = self.name;
        if rel.trim().is_empty() {
            return Err(err("bad-path", format!("the {what} path is empty"), None));
        }
        if rel.contains('\\') {
            return Err(err(
                "bad-path",
                format!("the {what} path \"{rel}\" uses \"\\\" between folders"),
                Some(format!("write \"{}\"", rel.replace('\\', "/"))),
            ));
        }
        let path = Path::new(rel);
        let drive = rel.len() >= 2
            && rel.as_bytes()[0].is_ascii_alphabetic()
            && rel.as_bytes()[1] == b':';
        if path.has_root() || path.is_absolute() || drive {
            return Err(err(
                "path-escapes",
                format!("the {what} path \"{rel}\" is absolute: it leaves the {name}"),
                Some(format!(
                    "write the path relative to the {name} ({})",
                    self.shown.display()
                )),
            ));
        }
        if path.components().any(|c| matches!(c, Component::ParentDir)) {
            return Err(err(
                "path-escapes",
                format!("the {what} path \"{rel}\" leaves the {name} (it uses \"..\")"),
                Some(format!(
                    "put the file inside {} and write its path from there",
                    self.shown.display()
                )),
            ));
        }
        let Some(root) = &self.canonical else {
            return Err(err(
                "missing-file",
                format!(
                    "the {name} {} does not exist, so \"{rel}\" cannot be found",
                    self.shown.display()
                ),
                Some(format!("create {} and put the file there", self.shown.display())),
            ));
        };
        let full = root.join(path);
        let canonical = match full.canonicalize() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let suggestion = self
                    .closest_file(rel)
                    .map(|f| format!("did you mean \"{f}\"?"))
                    .or_else(|| {
                        Some(format!(
                            "check the name; it must be in {}",
                            self.shown.display()
                        ))
                    });
                return Err(err(
                    "missing-file",
                    format!(
                        "{what} \"{rel}\" not found in the {name} ({})",
                        self.shown.display()
                    ),
                    suggestion,
                ));
            }
            Err(e) => {
                return Err(err(
                    "unreadable",
                    format!(
                        "cannot open {what} \"{rel}\": {}",
                        super::images::lower_first(&e.to_string())
                    ),
                    None,
                ))
            }
        };
        if !canonical.starts_with(root) {
            return Err(err(
                "path-escapes",
                format!(
                    "the {what} path \"{rel}\" leaves the {name} (through a link to {})",
                    canonical.display()
                ),
                Some(format!(
                    "copy the file into {} instead of linking to it",
                    self.shown.display()
                )),
            ));
        }
        let kind = std::fs::metadata(&canonical).ok().and_then(|m| kind_of(&m));
        if let Some(kind) = kind {
            return Err(err(
                "bad-path",
                format!("{what} \"{rel}\" is {kind}, not a file"),
                None,
            ));
        }
        Ok(canonical)
    }

    /// The existing file whose relative path is closest to `rel`.
    fn closest_file(&self, rel: &str) -> Option<String> {
        let root = self.canonical.as_ref()?;
        let mut files = Vec::new();
        list_files(root, "", 0, &mut files);
        closest(rel, files.iter().map(String::as_str)).map(str::to_string)
    }
}

/// Lists files under `dir` as `/`-separated paths relative to the root.
fn list_files(dir: &Path, prefix: &str, depth: usize, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        if out.len() >= MAX_LISTED {
            return;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = if prefix.is_empty() { name } else { format!("{prefix}/{name}") };
        match entry.file_type() {
            Ok(t) if t.is_dir() && depth < 8 => {
                list_files(&entry.path(), &rel, depth + 1, out)
            }
            Ok(t) if !t.is_dir() => out.push(rel),
            _ => {}
        }
    }
}

/// Relative path from the root to a resolved file, `/`-separated.
pub fn relative_to(root: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(root).unwrap_or(file);
    let parts: Vec<String> =
        rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::temp_project::TempProject;

    #[test]
    fn resolves_inside_and_refuses_escapes() {
        let base = TempProject::new("paths");
        let images = base.join("images");
        std::fs::create_dir_all(images.join("firefox")).unwrap();
        std::fs::write(images.join("firefox/menu.png"), b"x").unwrap();
        std::fs::write(base.join("secret.png"), b"x").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(base.join("secret.png"), images.join("link.png"))
            .unwrap();
        let root = Root::new(&images, "images folder");
        assert!(root.resolve("firefox/menu.png", "image").is_ok());
        assert!(root.resolve("./firefox/menu.png", "image").is_ok());
        let mut table = vec![
            ("", "bad-path", "empty", None),
            (
                "firefox\\menu.png",
                "bad-path",
                "uses \"\\\"",
                Some("write \"firefox/menu.png\""),
            ),
            ("/etc/passwd", "path-escapes", "is absolute", None),
            ("C:/x.png", "path-escapes", "is absolute", None),
            ("../secret.png", "path-escapes", "(it uses \"..\")", None),
            (
                "firefox/../../secret.png",
                "path-escapes",
                "leaves the images folder",
                None,
            ),
            (
                "firefox/menu.PNG",
                "missing-file",
                "not found in the images folder",
                Some("did you mean \"firefox/menu.png\"?"),
            ),
            (
                "firefox/menuu.png",
                "missing-file",
                "not found",
                Some("did you mean \"firefox/menu.png\"?"),
            ),
            ("firefox", "bad-path", "is a folder", None),
        ];
        #[cfg(unix)]
        table.push(("link.png", "path-escapes", "through a link", None));
        for (rel, code, msg, help) in table {
            let err = root.resolve(rel, "image").expect_err(rel);
            assert_eq!(err.code, code, "{rel}: {err:?}");
            assert!(err.message.contains(msg), "{rel}: {}", err.message);
            if let Some(help) = help {
                assert_eq!(err.suggestion.as_deref(), Some(help), "{rel}");
            }
        }
        let missing = Root::new(&base.join("nope"), "images folder");
        let err = missing.resolve("a.png", "image").unwrap_err();
        assert!(err.message.contains("does not exist"), "{}", err.message);
    }
}
