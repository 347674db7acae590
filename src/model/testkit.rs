//! Test helpers: a project with a few pictures and a file, loading it, and
//! compact views of diagnostics.

use super::diag::Diagnostic;
use super::images::tests::{grey_png, tiny_png};
use super::load::load;
use super::project::{LoadOptions, Loaded};
pub use crate::temp_project::TempProject;

/// A fresh project named after the test: `guides/`, `images/` (a few PNGs,
/// `shot.png` 200×100 among them, one broken, one GIF), `files/charte.pdf` and a `secret.txt` outside them.
pub fn test_project(name: &str) -> TempProject {
    let p = TempProject::new(name);
    p.folders(&["guides", "images/firefox", "files"])
        .write("images/a.png", tiny_png())
        .write("images/shot.png", grey_png(200, 100))
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

/// A guide whose body is the one block `block`, on line 2.
pub fn guide_with(block: &str) -> String {
    format!("{{\"format\": 1, \"title\": \"T\", \"body\": [\n{block}\n]}}")
}

/// A block and the errors it must get: `(code, JSON path, text where the
/// error points)`, the text being looked up in the block.
pub type Case<'a> = (&'a str, &'a [(&'a str, &'a str, &'a str)]);

/// The errors a block must get, as [`Case`] lists them.
pub type Expected<'a> = Vec<(&'a str, &'a str, &'a str)>;

/// Checks each block of `table`, alone in a guide of a fresh project named
/// `name` (pictures: `a.png` 2×1, `shot.png` 200×100, `firefox/menu.png`).
pub fn assert_block_errors(name: &str, table: &[Case]) {
    let project = test_project(name);
    for &(block, expect) in table {
        project.guide("g.json", guide_with(block));
        let loaded = load_project(&project).expect("project loads");
        let got = brief(&errors_of(&loaded, "g"));
        let expect: Vec<_> = expect
            .iter()
            .map(|&(code, path, needle)| {
                // The block is on line 2, from column 1.
                let (line, column) = find(block, needle);
                (code, path.to_string(), line + 1, column)
            })
            .collect();
        assert_eq!(got, expect, "{block}");
    }
}

/// The message and suggestion of the first error of `block` (alone in a
/// guide) whose code is `code`.
pub fn first_error(name: &str, block: &str, code: &str) -> (String, Option<String>) {
    let project = test_project(name);
    project.guide("g.json", guide_with(block));
    let loaded = load_project(&project).expect("project loads");
    let errors = errors_of(&loaded, "g");
    let d = errors
        .iter()
        .find(|d| d.code == code)
        .unwrap_or_else(|| panic!("{block}: no {code} in {errors:#?}"));
    (d.message.en(), d.suggestion.as_ref().map(|s| s.en()))
}
