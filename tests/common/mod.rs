//! Helpers shared by the integration tests: the bundled project, temp folders.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use guidepress::layout::{layout_guide, LaidOut, LayoutOptions};
use guidepress::model::{load, Guide, LoadOptions, Loaded};

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

/// A fresh, empty temporary folder unique to this test.
pub fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir()
        .join(format!("guidepress-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Copies a folder tree.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

/// A copy of the bundled project (guides, images, files) in a temp folder.
pub fn project_copy(name: &str) -> PathBuf {
    let d = temp_dir(name);
    for sub in ["guides", "images", "files"] {
        copy_dir(&root().join(sub), &d.join(sub));
    }
    d
}
