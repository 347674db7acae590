//! Relative paths from guides: resolved inside their folder, never outside it.

use crate::i18n::Msg;
use crate::msg;
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
    pub message: Msg,
    /// What to do.
    pub suggestion: Option<Msg>,
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
        let err = |code, message: Msg, suggestion: Option<Msg>| PathError {
            code,
            message,
            suggestion,
        };
        let (name, what) = (noun(self.name), noun(what));
        let shown = self.shown.display().to_string();
        if rel.trim().is_empty() {
            return Err(err("bad-path", msg!("path-empty", what = what), None));
        }
        if rel.contains('\\') {
            return Err(err(
                "bad-path",
                msg!("path-backslash", what = what, path = rel),
                Some(msg!("path-backslash-help", path = rel.replace('\\', "/"))),
            ));
        }
        let path = Path::new(rel);
        let drive = rel.len() >= 2
            && rel.as_bytes()[0].is_ascii_alphabetic()
            && rel.as_bytes()[1] == b':';
        if path.has_root() || path.is_absolute() || drive {
            return Err(err(
                "path-escapes",
                msg!("path-absolute", what = what, path = rel, folder = name.clone()),
                Some(msg!("path-absolute-help", folder = name, dir = shown)),
            ));
        }
        if path.components().any(|c| matches!(c, Component::ParentDir)) {
            return Err(err(
                "path-escapes",
                msg!("path-parent", what = what, path = rel, folder = name),
                Some(msg!("path-parent-help", dir = shown)),
            ));
        }
        let Some(root) = &self.canonical else {
            return Err(err(
                "missing-file",
                msg!("path-no-folder", folder = name, dir = &shown, path = rel),
                Some(msg!("path-no-folder-help", dir = shown)),
            ));
        };
        let full = root.join(path);
        let canonical = match full.canonicalize() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if let Ok(target) = std::fs::read_link(&full) {
                    return Err(err(
                        "missing-file",
                        msg!(
                            "path-dangling-link",
                            what = what,
                            path = rel,
                            target = target.display().to_string()
                        ),
                        Some(msg!("path-dangling-link-help")),
                    ));
                }
                let suggestion = match self.closest_file(rel) {
                    Some(f) if same_text(&f, rel) => {
                        Some(msg!("path-other-encoding-help", file = f))
                    }
                    Some(f) => Some(msg!("did-you-mean", value = f)),
                    None => Some(msg!("path-not-found-help", dir = &shown)),
                };
                return Err(err(
                    "missing-file",
                    msg!(
                        "path-not-found",
                        what = what,
                        path = rel,
                        folder = name,
                        dir = shown
                    ),
                    suggestion,
                ));
            }
            Err(e) => {
                return Err(err(
                    "unreadable",
                    msg!(
                        "path-unreadable",
                        what = what,
                        path = rel,
                        reason = super::images::lower_first(&e.to_string())
                    ),
                    None,
                ))
            }
        };
        if !canonical.starts_with(root) {
            return Err(err(
                "path-escapes",
                msg!(
                    "path-link-escapes",
                    what = what,
                    path = rel,
                    folder = name,
                    target = canonical.display().to_string()
                ),
                Some(msg!("path-link-escapes-help", dir = shown)),
            ));
        }
        let kind = std::fs::metadata(&canonical).ok().and_then(|m| kind_of(&m));
        if let Some(kind) = kind {
            return Err(err(
                "bad-path",
                msg!(
                    "path-not-a-file",
                    what = what,
                    path = rel,
                    kind = super::input::kind_msg(kind)
                ),
                None,
            ));
        }
        Ok(canonical)
    }

    /// The existing file of the same kind (extension) whose relative path is
    /// closest to `rel`: a missing PDF is never "meant" to be a guide's JSON.
    fn closest_file(&self, rel: &str) -> Option<String> {
        let root = self.canonical.as_ref()?;
        let mut files = Vec::new();
        list_files(root, "", 0, &mut files);
        let ext = |p: &str| Path::new(p).extension().map(|e| e.to_ascii_lowercase());
        let same_kind = files.iter().filter(|f| ext(f) == ext(rel) && f.as_str() != rel);
        closest(rel, same_kind.map(String::as_str)).map(str::to_string)
    }
}

/// Whether two names are the same text written with different code points
/// (an accent composed, "é", or added to its letter, "e" + U+0301, as macOS
/// and some zip tools write file names): the file system sees two names.
fn same_text(a: &str, b: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    a != b && a.nfc().eq(b.nfc())
}

/// What a path or folder is called, in the reader's language.
fn noun(name: &str) -> Msg {
    match name {
        "image" => msg!("noun-image"),
        "attachment" => msg!("noun-attachment"),
        "images folder" => msg!("noun-images-folder"),
        "project folder" => msg!("noun-project-folder"),
        _ => msg!("noun-file"),
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
        // "café.png" on disk with the accent added to its letter (NFD), as
        // a Mac writes it; the guide writes it composed (NFC).
        std::fs::write(images.join("cafe\u{301}.png"), b"x").unwrap();
        table.push((
            "caf\u{e9}.png",
            "missing-file",
            "not found",
            Some(
                "a file \"cafe\u{301}.png\" exists, but its name writes the same letters with \
                 other Unicode characters (an accent added to its letter, as macOS does): \
                 rename the file, typing its name again",
            ),
        ));
        #[cfg(unix)]
        {
            table.push(("link.png", "path-escapes", "through a link", None));
            // A link whose target is gone is named as such, not "meant" to
            // be itself.
            std::os::unix::fs::symlink(
                base.join("gone.png"),
                images.join("dangling.png"),
            )
            .unwrap();
            table.push((
                "dangling.png",
                "missing-file",
                "is a link to",
                Some("point the link at an existing file, or put the file itself in its place"),
            ));
        }
        for (rel, code, msg, help) in table {
            let err = root.resolve(rel, "image").expect_err(rel);
            assert_eq!(err.code, code, "{rel}: {err:?}");
            assert!(err.message.en().contains(msg), "{rel}: {}", err.message);
            if let Some(help) = help {
                assert_eq!(
                    err.suggestion.map(|s| s.en()).as_deref(),
                    Some(help),
                    "{rel}"
                );
            }
        }
        let missing = Root::new(&base.join("nope"), "images folder");
        let err = missing.resolve("a.png", "image").unwrap_err();
        assert!(err.message.en().contains("does not exist"), "{}", err.message);
    }
}
