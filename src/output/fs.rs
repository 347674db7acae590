//! File-system helpers every job shares: atomic writes (a temporary file in
//! the same folder, then a rename, so a reader never sees a half-written PDF
//! and a failure leaves the old one), resolved paths, folder listings, and
//! where each cache lives.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::i18n::Msg;
use crate::msg;

/// Prefix of temporary files; anything with it in an output folder is debris
/// of an interrupted run and may be removed.
pub const TEMP_PREFIX: &str = ".guidepress-";

/// Writes `bytes` to `path` atomically, creating parent folders.
///
/// Only a file (or a link, which is replaced, not followed) is replaced: a
/// folder, a device such as `/dev/full` or a named pipe at `path` is an
/// error, and is left alone.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Ok(meta) = fs::symlink_metadata(path) {
        let t = meta.file_type();
        if !t.is_file() && !t.is_symlink() {
            let what = if t.is_dir() { "a folder" } else { "not a regular file" };
            return Err(std::io::Error::other(format!(
                "{} is {what}, and only files are replaced",
                path.display()
            )));
        }
    }
    let dir =
        path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("out");
    let tmp = dir.join(format!("{TEMP_PREFIX}{}-{name}.tmp", std::process::id()));
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        // No fsync: the rename is what makes the write atomic for readers and
        // for interrupted runs; syncing each file cost more than laying it out.
        drop(f);
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// The hint for a failed write: `usual`, unless the system found a name too
/// long (then the limits that keep names short, not a full disk).
pub fn write_help(e: &std::io::Error, usual: Msg) -> Msg {
    if e.kind() == std::io::ErrorKind::InvalidFilename {
        msg!("write-name-too-long-help", max = crate::model::values::MAX_ID_BYTES)
    } else {
        usual
    }
}

/// Removes temporary files left in `dir` by an interrupted run.
pub fn clean_debris(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(TEMP_PREFIX) && name.ends_with(".tmp") {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// Refuses an output folder that is, contains or lies inside an input folder
/// (writing there could overwrite guides or pictures).
pub fn check_output_dir(out: &Path, inputs: &[&Path]) -> Result<(), Msg> {
    refuse_overlap(out, inputs, Msg::new("out-overlaps-input"))
}

/// Refuses an output file that would replace an input or a folder holding
/// one (`--out guides`, `--out .`) or lie inside an input folder
/// (`--out guides/pack.pdf`); a file beside the inputs (`--out pack.pdf` in
/// the project folder) overlaps nothing.
pub fn check_output_file(out: &Path, inputs: &[&Path]) -> Result<(), Msg> {
    refuse_overlap(out, inputs, Msg::new("output-file-overlaps"))
}

/// `message` with the output and the input it overlaps, if it does.
fn refuse_overlap(out: &Path, inputs: &[&Path], message: Msg) -> Result<(), Msg> {
    match overlapping(out, inputs) {
        Some(input) => Err(message
            .arg("out", out.display().to_string())
            .arg("input", input.display().to_string())),
        None => Ok(()),
    }
}

/// The first input that `out` is, contains or lies inside, links resolved.
fn overlapping<'a>(out: &Path, inputs: &[&'a Path]) -> Option<&'a Path> {
    let abs = |p: &Path| -> PathBuf {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        // Canonicalise the longest existing ancestor, keep the rest as is.
        let mut existing = p.clone();
        let mut rest = Vec::new();
        while !existing.exists() {
            match (existing.file_name().map(|n| n.to_os_string()), existing.parent()) {
                (Some(n), Some(parent)) => {
                    rest.push(n);
                    existing = parent.to_path_buf();
                }
                _ => break,
            }
        }
        let mut c = fs::canonicalize(&existing).unwrap_or(existing);
        for n in rest.into_iter().rev() {
            c.push(n);
        }
        c
    };
    let o = abs(out);
    inputs.iter().copied().find(|input| {
        let i = abs(input);
        o.starts_with(&i) || i.starts_with(&o)
    })
}

/// A path with its folder resolved (the file itself may no longer exist), so
/// paths from listings, guides and the file system compare equal.
pub fn canon(p: &Path) -> PathBuf {
    if let Ok(c) = p.canonicalize() {
        return c;
    }
    match (p.parent(), p.file_name()) {
        (Some(dir), Some(name)) => canon(dir).join(name),
        _ => p.to_path_buf(),
    }
}

/// Every regular file under `dir`, hidden files and folders excluded, in
/// the order the file system gives. Links to folders are followed, but each
/// real folder is read once: a link loop (`images/a -> .`) ends the walk
/// there instead of running forever.
pub fn list_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut seen = std::collections::HashSet::new();
    walk(dir, &mut seen, out);
}

fn walk(
    dir: &Path,
    seen: &mut std::collections::HashSet<PathBuf>,
    out: &mut Vec<PathBuf>,
) {
    let Ok(real) = fs::canonicalize(dir) else { return };
    if !seen.insert(real) {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        if e.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = e.path();
        if path.is_dir() {
            walk(&path, seen, out);
        } else if path.is_file() {
            out.push(path);
        }
    }
}

/// The `*.json` entries of a guides folder (any case, hidden ones aside),
/// `collection.json` included, in the order the file system gives.
pub fn json_files(guides_dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(guides_dir) else { return Vec::new() };
    entries
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().to_lowercase();
            name.ends_with(".json") && !name.starts_with('.')
        })
        .map(|e| e.path())
        .collect()
}

/// The folder of every cache guidepress keeps under an output root. Its
/// name is guidepress's own, so `--out ~/x.pdf` never touches `~/.cache`;
/// it does not start with [`TEMP_PREFIX`], which marks debris.
pub const CACHE_FOLDER: &str = ".guidepress.cache";

/// The marker in [`CACHE_FOLDER`]: the standard cache directory tag (backup
/// tools skip the folder), whose comment also tells guidepress the folder is
/// its own, so it only ever prunes files in a folder that carries it.
pub const CACHE_TAG: &str = "Signature: 8a477f597d28d172789f06886806bc55\n\
# This file is a cache directory tag created by guidepress.\n\
# For information about cache directory tags see https://bford.info/cachedir/\n";

/// Where the cache namespace `namespace` (`print`, `web`, `pack`) of the
/// output folder `root` lives: `<root>/.guidepress.cache/<namespace>`.
/// `build` and `bundle` use their `--out`; `pack` and `site` the roots below.
pub fn cache_dir(root: &Path, namespace: &str) -> PathBuf {
    root.join(CACHE_FOLDER).join(namespace)
}

/// Whether the cache folder around the namespace folder `dir` carries
/// guidepress's tag (then guidepress may remove its own blobs there).
pub fn cache_is_ours(dir: &Path) -> bool {
    dir.parent()
        .and_then(|root| fs::read_to_string(root.join("CACHEDIR.TAG")).ok())
        .is_some_and(|tag| tag == CACHE_TAG)
}

/// Tags the cache folder around the namespace folder `dir` (see
/// [`CACHE_TAG`]) when it has no tag yet. A folder with another tag is left
/// as it is, and then never pruned.
pub fn tag_cache(dir: &Path) -> std::io::Result<()> {
    let Some(root) = dir.parent() else { return Ok(()) };
    let tag = root.join("CACHEDIR.TAG");
    if fs::symlink_metadata(&tag).is_ok() {
        return Ok(());
    }
    write_atomic(&tag, CACHE_TAG.as_bytes())
}

/// The folder whose `.guidepress.cache/pack` holds the packs of the PDF at `path`:
/// the output root above `pack/` when the PDF is in a `pack` folder (the
/// default `out/pack/…`, so `pack` and `bundle --out out` share their
/// work), else the PDF's own folder.
pub fn pack_cache_root(path: &Path) -> PathBuf {
    let dir =
        path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    match (dir.file_name(), dir.parent()) {
        (Some(n), Some(up)) if n == "pack" => {
            if up.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                up.to_path_buf()
            }
        }
        _ => dir.to_path_buf(),
    }
}

/// The folder whose `.guidepress.cache/web` holds the web editions of the site at
/// `site`: the folder around it (never the site folder, which is replaced as
/// a whole), so `site --out out/site` and `bundle --out out` share their work.
pub fn web_cache_root(site: &Path) -> &Path {
    site.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::temp_project::TempProject;

    #[test]
    fn overlapping_output_folders_are_refused() {
        let base = TempProject::new("write");
        let guides = base.join("guides");
        fs::create_dir_all(&guides).unwrap();
        let cases = [
            (guides.clone(), false),
            (guides.join("out"), false),
            (base.to_path_buf(), false),
            (base.join("out"), true),
        ];
        for (out, ok) in cases {
            assert_eq!(
                check_output_dir(&out, &[&guides]).is_ok(),
                ok,
                "{}",
                out.display()
            );
        }
    }

    #[test]
    fn an_output_file_beside_the_inputs_is_allowed() {
        let base = TempProject::new("write-file");
        let guides = base.join("guides");
        let images = base.join("images");
        fs::create_dir_all(&guides).unwrap();
        fs::create_dir_all(&images).unwrap();
        let inputs = [guides.as_path(), images.as_path()];
        let cases = [
            (base.join("pack.pdf"), true),
            (base.join("out/pack.pdf"), true),
            (base.join("guides.pdf"), true),
            (guides.clone(), false),
            (guides.join("collection.json"), false),
            (guides.join("pack.pdf"), false),
            (images.join("a/pack.pdf"), false),
            (base.to_path_buf(), false),
        ];
        for (out, ok) in cases {
            assert_eq!(check_output_file(&out, &inputs).is_ok(), ok, "{}", out.display());
        }
    }

    #[test]
    fn atomic_write_never_replaces_folders_or_devices() {
        let dir = TempProject::new("special");
        fs::create_dir_all(dir.join("a.pdf")).unwrap();
        let err = write_atomic(&dir.join("a.pdf"), b"x").unwrap_err();
        assert!(err.to_string().ends_with("is a folder, and only files are replaced"));
        assert!(dir.join("a.pdf").is_dir());
        #[cfg(unix)]
        {
            // A socket stands for devices and pipes: not a regular file.
            let socket = dir.join("socket.pdf");
            let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
            let err = write_atomic(&socket, b"x").unwrap_err();
            assert!(err.to_string().contains("not a regular file"), "{err}");
            // A link is replaced, not followed.
            std::os::unix::fs::symlink(&socket, dir.join("link.pdf")).unwrap();
            write_atomic(&dir.join("link.pdf"), b"x").unwrap();
            assert_eq!(fs::read(dir.join("link.pdf")).unwrap(), b"x");
            assert!(fs::symlink_metadata(&socket).is_ok_and(|m| !m.is_file()));
        }
        let names: Vec<_> =
            fs::read_dir(&dir).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(names.len(), if cfg!(unix) { 3 } else { 1 }, "{names:?}");
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp() {
        let dir = TempProject::new("atomic");
        let f = dir.join("a.pdf");
        write_atomic(&f, b"one").unwrap();
        write_atomic(&f, b"two").unwrap();
        assert_eq!(fs::read(&f).unwrap(), b"two");
        let names: Vec<_> =
            fs::read_dir(&dir).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(names.len(), 1);
    }
}
