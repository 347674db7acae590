//! A temporary project folder for tests: fresh, unique to the test and the
//! process, removed when dropped. The one helper of the library's unit tests
//! and of the integration tests (`tests/common` includes this file), so it
//! uses nothing but `std` and `serde_json`.

use std::fs;
use std::ops::Deref;
use std::path::{Path, PathBuf};

/// A folder in the system's temporary folder; it dereferences to its path.
#[derive(Debug)]
pub struct TempProject {
    dir: PathBuf,
}

impl TempProject {
    /// A fresh, empty folder named after the test (`name`).
    pub fn new(name: &str) -> Self {
        let dir = std::env::temp_dir()
            .join(format!("guidepress-test-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("create a temporary folder");
        TempProject { dir }
    }

    /// A copy of the repository's own project: `guides/`, `images/`, `files/`.
    pub fn bundled(name: &str) -> Self {
        let p = TempProject::new(name);
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for sub in ["guides", "images", "files"] {
            p.copy(&root.join(sub), sub);
        }
        p
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// `guides/`.
    pub fn guides(&self) -> PathBuf {
        self.dir.join("guides")
    }

    /// `images/`.
    pub fn images(&self) -> PathBuf {
        self.dir.join("images")
    }

    /// `guides/<file_name>`.
    pub fn guide_path(&self, file_name: &str) -> PathBuf {
        self.guides().join(file_name)
    }

    /// Writes the file `rel` (folders created as needed).
    pub fn write(&self, rel: impl AsRef<Path>, bytes: impl AsRef<[u8]>) -> &Self {
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create a folder");
        }
        fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        self
    }

    /// Writes `guides/<file_name>`.
    pub fn guide(&self, file_name: &str, text: impl AsRef<[u8]>) -> &Self {
        self.write(Path::new("guides").join(file_name), text)
    }

    /// Writes `guides/<id>.json` as pretty JSON.
    pub fn guide_json(&self, id: &str, value: &serde_json::Value) -> &Self {
        let text = serde_json::to_string_pretty(value).expect("JSON");
        self.guide(&format!("{id}.json"), text)
    }

    /// Creates the folders `rels`.
    pub fn folders(&self, rels: &[&str]) -> &Self {
        for rel in rels {
            fs::create_dir_all(self.dir.join(rel)).expect("create a folder");
        }
        self
    }

    /// Copies the file or folder tree `from` to `to` in the project.
    pub fn copy(&self, from: &Path, to: impl AsRef<Path>) -> &Self {
        copy_tree(from, &self.dir.join(to));
        self
    }
}

/// Copies a file, or a folder and everything in it.
fn copy_tree(from: &Path, to: &Path) {
    if from.is_dir() {
        fs::create_dir_all(to).expect("create a folder");
        for e in fs::read_dir(from).expect("read a folder").flatten() {
            copy_tree(&e.path(), &to.join(e.file_name()));
        }
    } else {
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent).expect("create a folder");
        }
        fs::copy(from, to).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
    }
}

impl Deref for TempProject {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.dir
    }
}

impl AsRef<Path> for TempProject {
    fn as_ref(&self) -> &Path {
        &self.dir
    }
}

impl Drop for TempProject {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}
