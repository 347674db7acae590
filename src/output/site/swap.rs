//! All or nothing: a site is built in a staging folder next to its target,
//! then swapped in, so an existing site is replaced only by a complete one.

use crate::i18n::Msg;
use crate::msg;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The file that marks a folder as a site guidepress made (and may replace).
pub const MARKER: &str = "manifest.json";

/// Where the site for `target` is staged: `<parent>/.<name>-tmp-<pid>`.
pub fn staging_dir(target: &Path) -> PathBuf {
    sibling(target, "tmp")
}

fn sibling(target: &Path, what: &str) -> PathBuf {
    let parent = parent_of(target);
    let name = target.file_name().and_then(|n| n.to_str()).unwrap_or("site");
    parent.join(format!(".{name}-{what}-{}", std::process::id()))
}

fn parent_of(target: &Path) -> &Path {
    target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

/// Why a folder may not be replaced, or `None` when it may: it does not
/// exist, is empty, or holds a site (a [`MARKER`] file).
pub fn refuse_to_replace(target: &Path) -> Option<Msg> {
    let path = target.display().to_string();
    let meta = fs::symlink_metadata(target).ok()?;
    if !meta.is_dir() {
        return Some(msg!("out-not-folder", path = path));
    }
    let empty = fs::read_dir(target).map(|mut d| d.next().is_none()).unwrap_or(false);
    if empty || target.join(MARKER).is_file() {
        return None;
    }
    Some(msg!("out-not-site", path = path, marker = MARKER))
}

/// Runs `build` on a fresh staging folder, then moves the result to `target`.
///
/// If `build` fails, the staging folder is removed and `target` is left as it
/// was. The old site is renamed away, the new one renamed in (both renames in
/// the same folder, so no copy), then the old one deleted.
pub fn build_then_swap<T, E>(
    target: &Path,
    build: impl FnOnce(&Path) -> Result<T, E>,
    io_error: impl Fn(Msg) -> E,
) -> Result<T, E> {
    if let Some(why) = refuse_to_replace(target) {
        return Err(io_error(why));
    }
    let staging = staging_dir(target);
    let prepare = || -> io::Result<()> {
        if staging.exists() {
            fs::remove_dir_all(&staging)?;
        }
        fs::create_dir_all(&staging)
    };
    prepare().map_err(|e| {
        let path = staging.display().to_string();
        io_error(msg!("staging-create", path = path, reason = e.to_string()))
    })?;
    let result = build(&staging).and_then(|value| {
        swap_in(&staging, target).map_err(|e| {
            let path = target.display().to_string();
            io_error(msg!("site-move", path = path, reason = e.to_string()))
        })?;
        Ok(value)
    });
    if result.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    result
}

/// Replaces `target` (if any) by `staging`; on failure `target` is restored.
pub fn swap_in(staging: &Path, target: &Path) -> io::Result<()> {
    if fs::symlink_metadata(target).is_err() {
        return fs::rename(staging, target);
    }
    let old = sibling(target, "old");
    if old.exists() {
        fs::remove_dir_all(&old)?;
    }
    fs::rename(target, &old)?;
    if let Err(e) = fs::rename(staging, target) {
        let _ = fs::rename(&old, target);
        return Err(e);
    }
    // The new site is in place; a leftover old copy is only wasted space.
    let _ = fs::remove_dir_all(&old);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::temp_project::TempProject;

    fn temp(name: &str) -> TempProject {
        TempProject::new(&format!("swap-{name}"))
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    fn site(dir: &Path, text: &str) -> Result<(), String> {
        fs::write(dir.join(MARKER), text).map_err(|e| e.to_string())
    }

    #[test]
    fn a_successful_build_replaces_the_old_site() {
        let base = temp("ok");
        let target = base.join("site");
        build_then_swap(&target, |d| site(d, "one"), |m: Msg| m.en()).unwrap();
        build_then_swap(&target, |d| site(d, "two"), |m: Msg| m.en()).unwrap();
        assert_eq!(fs::read_to_string(target.join(MARKER)).unwrap(), "two");
        assert_eq!(names(&base), ["site"]);
    }

    #[test]
    fn a_failed_build_leaves_the_old_site_and_no_temp_folder() {
        let base = temp("fail");
        let target = base.join("site");
        build_then_swap(&target, |d| site(d, "old"), |m: Msg| m.en()).unwrap();
        let err = build_then_swap(
            &target,
            |d| {
                site(d, "half")?;
                Err::<(), _>("validation failed".to_string())
            },
            |m: Msg| m.en(),
        );
        assert_eq!(err.unwrap_err(), "validation failed");
        assert_eq!(fs::read_to_string(target.join(MARKER)).unwrap(), "old");
        assert_eq!(names(&base), ["site"]);
    }

    #[test]
    fn a_folder_that_is_not_a_site_is_never_replaced() {
        let base = temp("foreign");
        let target = base.join("documents");
        fs::create_dir_all(&target).unwrap();
        fs::write(target.join("thesis.odt"), "precious").unwrap();
        let err =
            build_then_swap(&target, |d| site(d, "x"), |m: Msg| m.en()).unwrap_err();
        assert!(err.contains("does not look like a site"), "{err}");
        assert_eq!(names(&target), ["thesis.odt"]);
        assert_eq!(names(&base), ["documents"]);
        // An empty folder is fine.
        let empty = base.join("empty");
        fs::create_dir_all(&empty).unwrap();
        build_then_swap(&empty, |d| site(d, "x"), |m: Msg| m.en()).unwrap();
        assert_eq!(names(&empty), [MARKER]);
    }
}
