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
/// was. The new site then takes the old one's place in one exchange where
/// the system can (see [`swap_in`]); debris of killed runs is cleaned first.
pub fn build_then_swap<T, E>(
    target: &Path,
    build: impl FnOnce(&Path) -> Result<T, E>,
    io_error: impl Fn(Msg) -> E,
) -> Result<T, E> {
    clean_stale(target);
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
///
/// Where the system can (Linux), the two folders are exchanged in one
/// `renameat2(RENAME_EXCHANGE)`: at every moment a whole site is at
/// `target`, even if the process is killed. Elsewhere (or on a file system
/// without it) the old site is renamed away and the new one renamed in; a
/// kill between the two leaves `.<name>-old-<pid>`, which the next run puts
/// back or removes (see [`clean_stale`]).
pub fn swap_in(staging: &Path, target: &Path) -> io::Result<()> {
    if fs::symlink_metadata(target).is_err() {
        return fs::rename(staging, target);
    }
    if exchange(staging, target)? {
        // `staging` now holds the old site: only wasted space if left.
        let _ = fs::remove_dir_all(staging);
        return Ok(());
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

/// Exchanges the folders `a` and `b` atomically; `Ok(false)` when the
/// system or file system cannot (then nothing changed).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use nix::errno::Errno;
    use nix::fcntl::{renameat2, RenameFlags, AT_FDCWD};
    match renameat2(AT_FDCWD, a, AT_FDCWD, b, RenameFlags::RENAME_EXCHANGE) {
        Ok(()) => Ok(true),
        Err(Errno::EINVAL | Errno::ENOSYS | Errno::EOPNOTSUPP) => Ok(false),
        Err(e) => Err(io::Error::from(e)),
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn exchange(_: &Path, _: &Path) -> io::Result<bool> {
    Ok(false)
}

/// Cleans what killed runs left beside `target`: staging folders
/// (`.<name>-tmp-<pid>`) are removed, and so are old sites
/// (`.<name>-old-<pid>`), except that an old site is put back when `target`
/// itself is missing (a kill between the two renames). Only folders whose
/// process is gone are touched: another run may be building its own.
pub fn clean_stale(target: &Path) {
    let name = target.file_name().and_then(|n| n.to_str()).unwrap_or("site");
    let Ok(entries) = fs::read_dir(parent_of(target)) else { return };
    for e in entries.flatten() {
        let file = e.file_name();
        let Some(rest) = file.to_str().and_then(|f| f.strip_prefix(&format!(".{name}-")))
        else {
            continue;
        };
        let (what, pid) = match rest.split_once('-') {
            Some((w @ ("tmp" | "old"), pid)) => (w, pid),
            _ => continue,
        };
        let Ok(pid) = pid.parse::<u32>() else { continue };
        if pid == std::process::id() || process_alive(pid) {
            continue;
        }
        let path = e.path();
        if what == "old" && fs::symlink_metadata(target).is_err() {
            let _ = fs::rename(&path, target);
        } else {
            let _ = fs::remove_dir_all(&path);
        }
    }
}

/// Whether process `pid` exists (when unknown, it is taken as alive, so its
/// folders are kept).
fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
            || !Path::new("/proc/self").exists()
    } else {
        true
    }
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

    /// A pid no process has: a child that has exited and been waited for.
    fn dead_pid() -> u32 {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        pid
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn debris_of_killed_runs_is_cleaned_and_a_live_run_s_kept() {
        let base = temp("stale");
        let target = base.join("site");
        build_then_swap(&target, |d| site(d, "one"), |m| m.en()).unwrap();
        let dead = dead_pid();
        // pid 1 is always alive: its folders belong to a run in progress.
        for n in [
            format!(".site-tmp-{dead}"),
            format!(".site-old-{dead}"),
            ".site-tmp-1".into(),
        ] {
            fs::create_dir_all(base.join(&n).join("deep")).unwrap();
        }
        build_then_swap(&target, |d| site(d, "two"), |m| m.en()).unwrap();
        assert_eq!(names(&base), [".site-tmp-1", "site"]);
        assert_eq!(fs::read_to_string(target.join(MARKER)).unwrap(), "two");

        // Killed between the two renames: the old site is put back first.
        fs::rename(&target, base.join(format!(".site-old-{dead}"))).unwrap();
        clean_stale(&target);
        assert_eq!(fs::read_to_string(target.join(MARKER)).unwrap(), "two");
        assert_eq!(names(&base), [".site-tmp-1", "site"]);
    }

    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[test]
    fn the_swap_is_one_exchange() {
        let base = temp("exchange");
        let (a, b) = (base.join("a"), base.join("b"));
        fs::create_dir_all(&a).unwrap();
        fs::create_dir_all(&b).unwrap();
        fs::write(a.join("x"), "a").unwrap();
        fs::write(b.join("x"), "b").unwrap();
        assert!(
            exchange(&a, &b).unwrap(),
            "the temporary folder's file system exchanges"
        );
        assert_eq!(fs::read_to_string(b.join("x")).unwrap(), "a");
        assert_eq!(fs::read_to_string(a.join("x")).unwrap(), "b");
    }
}
