//! Helpers shared by the integration tests: the bundled project, temporary projects.
#![allow(dead_code)]

pub mod cli;
pub mod html;
pub mod model;
pub mod pdf;

/// The PDF reader of the library's own unit tests (lopdf helpers), shared
/// rather than copied: it needs only `lopdf` and `std`. Its `page_text`
/// ignores `/ActualText`; [`pdf::page_runs`] is the one to read text with.
#[path = "../../src/pdf/tests/readback.rs"]
pub mod readback;

/// The temporary project folder of the library's own unit tests, shared
/// rather than copied (it needs only `std` and `serde_json`).
#[path = "../../src/temp_project.rs"]
pub mod temp_project;

pub use temp_project::TempProject;

use std::path::{Path, PathBuf};

use guidepress::layout::{layout_guide, LaidOut, LayoutOptions};
use guidepress::model::{load, Diagnostic, Guide, LoadOptions, Loaded};
use guidepress::output::{BuildOptions, BuildReport};

/// The repository's own project folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Loads the bundled guides.
pub fn bundled() -> Loaded {
    load(&LoadOptions {
        guides_dir: root().join("guides"),
        images_dir: root().join("images"),
    })
    .unwrap_or_else(|d| panic!("bundled guides do not load: {d:?}"))
}

/// Every bundled guide, validated.
pub fn bundled_guides(l: &Loaded) -> Vec<&Guide> {
    l.guides
        .iter()
        .map(|g| g.result.as_ref().unwrap_or_else(|e| panic!("{}: {e:?}", g.id)))
        .collect()
}

/// Lays out a guide as a standalone sheet.
pub fn sheet(l: &Loaded, g: &Guide) -> LaidOut {
    layout_guide(g, &l.collection, &LayoutOptions::for_collection(&l.collection))
}

/// A fresh, empty temporary folder unique to this test, removed when dropped.
pub fn temp_dir(name: &str) -> TempProject {
    TempProject::new(name)
}

/// A copy of the bundled project (guides, images, files) in a temporary
/// folder, removed when dropped.
pub fn project_copy(name: &str) -> TempProject {
    TempProject::bundled(name)
}

/// What the tests do with a temporary project (`guides/` and `images/`)
/// through the library.
pub trait ProjectExt {
    /// Loads the project.
    fn load(&self) -> Result<Loaded, Vec<Diagnostic>>;
    /// The errors of guide `id` (empty when it is accepted).
    fn errors(&self, id: &str) -> Vec<Diagnostic>;
    /// Builds the project into `<out>/pdf/`.
    fn build(&self, out: &Path) -> BuildReport;
}

impl ProjectExt for TempProject {
    fn load(&self) -> Result<Loaded, Vec<Diagnostic>> {
        load(&LoadOptions { guides_dir: self.guides(), images_dir: self.images() })
    }

    fn errors(&self, id: &str) -> Vec<Diagnostic> {
        let loaded = self.load().unwrap_or_else(|d| panic!("project refused: {d:#?}"));
        let g = loaded.guides.iter().find(|g| g.id == id).expect("the guide is listed");
        g.result.as_ref().err().cloned().unwrap_or_default()
    }

    fn build(&self, out: &Path) -> BuildReport {
        let opts = BuildOptions {
            guides_dir: self.guides(),
            images_dir: self.images(),
            out_dir: out.to_path_buf(),
            jobs: None,
        };
        guidepress::output::build(&opts, &|_, _, _| {})
            .unwrap_or_else(|d| panic!("nothing built: {d:#?}"))
    }
}

/// Builds the bundled guides into `<out>/pdf/` through the library.
pub fn build_bundled(out: &Path, jobs: Option<usize>) -> BuildReport {
    let opts = BuildOptions {
        guides_dir: root().join("guides"),
        images_dir: root().join("images"),
        out_dir: out.to_path_buf(),
        jobs,
    };
    guidepress::output::build(&opts, &|_, _, _| {})
        .unwrap_or_else(|d| panic!("the bundled project does not build: {d:?}"))
}

/// The files directly in a folder, by name, with their bytes, sorted by name.
pub fn files_in(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// Every file under `dir`, by path relative to it, with its bytes, sorted:
/// a snapshot to compare before and after a command that must write nothing.
pub fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                out.push((
                    p.strip_prefix(base).unwrap().to_path_buf(),
                    std::fs::read(&p).unwrap(),
                ));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}
