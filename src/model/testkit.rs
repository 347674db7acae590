//! Test helpers: throwaway projects on disk, and compact views of diagnostics.

use std::path::PathBuf;

use super::diag::Diagnostic;
use super::images::tests::tiny_png;
use super::load::load;
use super::paths::tests::temp_dir;
use super::project::{LoadOptions, Loaded};

/// A project folder with `guides/`, `images/` (a few PNGs) and `files/`.
pub struct Project {
    /// The project folder.
    pub dir: PathBuf,
}

impl Project {
    /// A fresh project named after the test.
    pub fn new(name: &str) -> Project {
        let dir = temp_dir(name);
        for sub in ["guides", "images/firefox", "files"] {
            std::fs::create_dir_all(dir.join(sub)).expect("create folder");
        }
        std::fs::write(dir.join("images/a.png"), tiny_png()).expect("write image");
        std::fs::write(dir.join("images/firefox/menu.png"), tiny_png())
            .expect("write image");
        std::fs::write(dir.join("images/broken.png"), &tiny_png()[..30])
            .expect("write image");
        std::fs::write(dir.join("images/photo.gif"), b"GIF89a").expect("write image");
        std::fs::write(dir.join("files/charte.pdf"), vec![b'x'; 1234])
            .expect("write file");
        std::fs::write(dir.join("secret.txt"), b"x").expect("write file");
        Project { dir }
    }

    /// Writes `guides/<name>` with `text`.
    pub fn file(&self, name: &str, text: &str) -> &Self {
        self.bytes(name, text.as_bytes())
    }

    /// Writes `guides/<name>` with raw bytes.
    pub fn bytes(&self, name: &str, bytes: &[u8]) -> &Self {
        std::fs::write(self.dir.join("guides").join(name), bytes).expect("write guide");
        self
    }

    /// Loads the project.
    pub fn load(&self) -> Result<Loaded, Vec<Diagnostic>> {
        load(&LoadOptions {
            guides_dir: self.dir.join("guides"),
            images_dir: self.dir.join("images"),
        })
    }

    /// The path of `guides/<name>`.
    pub fn guide_path(&self, name: &str) -> PathBuf {
        self.dir.join("guides").join(name)
    }
}

impl Drop for Project {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
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
