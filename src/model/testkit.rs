//! Test helpers: a project with a few pictures and a file, loading it, and
//! compact views of diagnostics.

use super::diag::Diagnostic;
use super::images::tests::tiny_png;
use super::load::load;
use super::project::{LoadOptions, Loaded};
pub use crate::temp_project::TempProject;

/// A fresh project named after the test: `guides/`, `images/` (a few PNGs,
/// one broken, one GIF), `files/charte.pdf` and a `secret.txt` outside them.
pub fn test_project(name: &str) -> TempProject {
    let p = TempProject::new(name);
    p.folders(&["guides", "images/firefox", "files"])
        .write("images/a.png", tiny_png())
        .write("images/firefox/menu.png", tiny_png())
        .write("images/broken.png", &tiny_png()[..30])
        .write("images/photo.gif", b"GIF89a")
        .write("files/charte.pdf", vec![b'x'; 1234])
        .write("secret.txt", b"x");
    p
}

/// Loads `project` (`guides/` with `images/`).
pub fn load_project(project: &TempProject) -> Result<Loaded, Vec<Diagnostic>> {
    load(&LoadOptions { guides_dir: project.guides(), images_dir: project.images() })
}

/// A diagnostic as `(code, path, line, column)`.
pub type Brief = (&'static str, String, usize, usize);

/// The compact view of diagnostics.
pub fn brief(diags: &[Diagnostic]) -> Vec<Brief> {
    diags
        .iter()
        .map(|d| (d.code, d.path.clone(), d.line.unwrap_or(0), d.column.unwrap_or(0)))
        .collect()
}

/// 1-based (line, column) of the first `needle` in `text`, in characters.
pub fn find(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The errors of guide `id` (empty if it built).
pub fn errors_of(loaded: &Loaded, id: &str) -> Vec<Diagnostic> {
    let g = loaded
        .guides
        .iter()
        .find(|g| g.id == id)
        .unwrap_or_else(|| panic!("no guide {id}"));
    match &g.result {
        Ok(_) => Vec::new(),
        Err(e) => e.clone(),
    }
}
