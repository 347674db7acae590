//! Faults while writing (Linux): a full disk, a read-only or impossible
//! output folder, a file where a folder should be, a guide that is gone,
//! Ctrl+C in the middle of a build. Each must end with a clear message and
//! a non-zero exit code, leave no temporary or partial file under the
//! output folder, and leave earlier outputs as they were.
//!
//! The tests that mount a small tmpfs need root (as CI runs); where the
//! mount is refused they say so and skip.
#![cfg(target_os = "linux")]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::cli::{guidepress, Run};
use common::TempProject;

/// Every file under `dir` whose name marks it as a temporary file.
fn debris(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return out };
    for e in entries.flatten() {
        let p = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with(".guidepress-")
            || name.ends_with(".tmp")
            || name.contains("-tmp-")
        {
            out.push(p.clone());
        }
        if e.file_type().is_ok_and(|t| t.is_dir()) {
            out.extend(debris(&p));
        }
    }
    out
}

/// Whether `bytes` are a whole PDF (a truncated one has no trailer).
fn complete_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
        && bytes[bytes.len().saturating_sub(32)..].windows(5).any(|w| w == b"%%EOF")
        && lopdf::Document::load_mem(bytes).is_ok()
}

/// Asserts that every PDF under `dir` is whole and nothing temporary is left.
fn assert_clean(dir: &Path) {
    let left = debris(dir);
    assert!(left.is_empty(), "temporary files left: {left:?}");
    for (path, bytes) in common::tree(dir) {
        if path.extension().is_some_and(|e| e == "pdf") {
            assert!(complete_pdf(&bytes), "{} is not a whole PDF", path.display());
        }
    }
}

/// The said output of a run.
fn said(run: &Run) -> String {
    format!("{}{}", run.stderr, run.stdout)
}

/// A tmpfs of `size` mounted on a fresh folder; unmounted when dropped.
struct Tmpfs {
    dir: TempProject,
}

impl Tmpfs {
    /// `None` (and a message) where this machine does not allow the mount.
    fn mount(name: &str, options: &str) -> Option<Tmpfs> {
        let dir = common::temp_dir(name);
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "tmpfs"])
            .arg(dir.as_os_str())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("skipped: cannot mount a tmpfs here (needs root): {name}");
            return None;
        }
        Some(Tmpfs { dir })
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        // The folder itself goes when `dir` is dropped, after this.
        let _ = Command::new("umount").arg(self.dir.as_os_str()).status();
    }
}

/// Changes every bundled guide's title, so that every PDF must be rewritten.
fn touch_titles(project: &Path) {
    for (name, bytes) in common::files_in(&project.join("guides")) {
        if name == "collection.json" {
            continue;
        }
        let text = String::from_utf8(bytes).unwrap();
        let text = text.replacen("\"title\": \"", "\"title\": \"Nouveau : ", 1);
        std::fs::write(project.join("guides").join(name), text).unwrap();
    }
}

#[test]
fn a_full_disk_fails_clearly_and_keeps_the_earlier_pdfs() {
    let Some(disk) = Tmpfs::mount("faults-full", "size=3m") else { return };
    let project = common::project_copy("faults-full-project");
    let out = disk.dir.join("out");
    let out_arg = out.to_str().unwrap();
    let first = guidepress(&project, &["build", "guides", "--out", out_arg]);
    assert_eq!(first.code, 0, "{}", said(&first));
    let before = common::files_in(&out.join("pdf"));
    // Fill the disk, then leave room for less than one sheet.
    let filler = disk.dir.join("filler");
    let chunk = vec![0u8; 64 * 1024];
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&filler).unwrap();
        while f.write_all(&chunk).is_ok() {}
    }
    let len = std::fs::metadata(&filler).unwrap().len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&filler)
        .unwrap()
        .set_len(len.saturating_sub(20 * 1024))
        .unwrap();
    touch_titles(&project);
    let run = guidepress(&project, &["build", "guides", "--out", out_arg]);
    assert_eq!(run.code, 1, "{}", said(&run));
    assert!(said(&run).contains("cannot write the PDF"), "{}", said(&run));
    assert!(said(&run).contains("No space left on device"), "{}", said(&run));
    assert!(said(&run).contains("the disk is not full"), "{}", said(&run));
    // Every PDF is the earlier one or a whole new one.
    let after = common::files_in(&out.join("pdf"));
    assert_eq!(
        after.iter().map(|(n, _)| n).collect::<Vec<_>>(),
        before.iter().map(|(n, _)| n).collect::<Vec<_>>()
    );
    let kept = after.iter().filter(|f| before.contains(f)).count();
    assert!(kept > 0, "no earlier PDF was kept: was the disk really full?");
    let _ = std::fs::remove_file(&filler);
    assert_clean(&out);
    let _ = std::fs::remove_dir_all(&project);
}

#[test]
fn a_read_only_output_folder_fails_clearly() {
    let Some(disk) = Tmpfs::mount("faults-ro", "ro,size=1m") else { return };
    let project = common::project_copy("faults-ro-project");
    let out = disk.dir.join("out");
    let run = guidepress(&project, &["build", "guides", "--out", out.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", said(&run));
    assert!(said(&run).contains("cannot create the output folder"), "{}", said(&run));
    assert!(said(&run).contains("Read-only file system"), "{}", said(&run));
    assert!(!out.exists());
    let _ = std::fs::remove_dir_all(&project);
}

/// Output paths where nothing can be written: a device, a folder under
/// `/proc`, a file where the output folder should be, a folder where a PDF
/// should be, a named pipe where the pack should be.
#[test]
fn impossible_output_paths_fail_clearly_and_touch_nothing() {
    let project = common::project_copy("faults-paths");
    std::fs::write(project.join("a-file"), "not a folder").unwrap();
    std::fs::create_dir_all(project.join("out2/pdf/vider-cache.pdf")).unwrap();
    std::fs::write(project.join("out2/pdf/vider-cache.pdf/keep"), "x").unwrap();
    // A named pipe, and a device like /dev/full (made here, so that a bug
    // could not replace the real one), outside the project: reading them
    // to compare trees would never end.
    let special = common::temp_dir("faults-special");
    let pipe = special.join("pipe.pdf");
    let made = Command::new("mkfifo").arg(&pipe).status().is_ok_and(|s| s.success());
    let full = special.join("full.pdf");
    let device = Command::new("mknod")
        .arg(&full)
        .args(["c", "1", "7"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let (pipe, full) = (pipe.to_str().unwrap(), full.to_str().unwrap());
    let mut table: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["build", "guides", "--out", "/dev/full"],
            "cannot create the output folder",
        ),
        (
            vec!["build", "guides", "--out", "/proc/guidepress-out"],
            "cannot create the output folder",
        ),
        (vec!["build", "guides", "--out", "a-file"], "cannot create the output folder"),
        (
            vec!["build", "guides", "--out", "out2"],
            "is a folder, and only files are replaced",
        ),
    ];
    if made {
        table.push((vec!["pack", "guides", "--out", pipe], "not a regular file"));
    }
    if device {
        table.push((vec!["pack", "guides", "--out", full], "not a regular file"));
    } else {
        eprintln!("skipped: cannot make a device node here (needs root)");
    }
    for (args, message) in table {
        let before = common::tree(&project);
        let run = guidepress(&project, &args);
        assert_eq!(run.code, 1, "{args:?}: {}", said(&run));
        assert!(said(&run).contains(message), "{args:?}: {}", said(&run));
        assert!(debris(&project).is_empty(), "{args:?}: {:?}", debris(&project));
        if args[3] != "out2" {
            assert_eq!(common::tree(&project), before, "{args:?} changed files");
        }
    }
    assert!(Path::new("/dev/full").exists());
    let kinds: Vec<bool> = std::fs::read_dir(&special)
        .unwrap()
        .flatten()
        .map(|e| e.file_type().unwrap().is_file())
        .collect();
    assert!(!kinds.contains(&true), "a special file was replaced by a file");
    let _ = std::fs::remove_dir_all(&special);
    // The other guides of the build with a folder in the way were written.
    assert!(project.join("out2/pdf/premiere-connexion.pdf").is_file());
    assert!(project.join("out2/pdf/vider-cache.pdf/keep").is_file());
    assert_clean(&project.join("out2"));
    let _ = std::fs::remove_dir_all(&project);
}

/// A guide deleted while the folder is read is a link to a file that is
/// gone: it is reported by name, the others are built.
#[test]
fn a_guide_that_is_gone_is_reported_and_the_others_built() {
    let project = common::project_copy("faults-gone");
    let ghost = project.join("guides/fantome.json");
    std::os::unix::fs::symlink(project.join("guides/deleted.json"), &ghost).unwrap();
    let run = guidepress(&project, &["build", "guides", "--out", "out"]);
    assert_eq!(run.code, 1, "{}", said(&run));
    let text = said(&run);
    assert!(
        text.contains("guides/fantome.json: error: cannot read the file: no such file"),
        "{text}"
    );
    assert!(text.contains("deleted or moved while guidepress was reading"), "{text}");
    assert!(text.contains("6 built, 1 failed"), "{text}");
    assert_clean(&project.join("out"));
    let _ = std::fs::remove_dir_all(&project);
}

/// A collection large enough that a build takes a few seconds.
fn large_collection(name: &str, n: usize) -> TempProject {
    let project = common::project_copy(name);
    let src = std::fs::read_to_string(project.join("guides/vider-cache.json")).unwrap();
    for i in 0..n {
        let text = src
            .replacen("\"id\": \"vider-cache\"", &format!("\"id\": \"copie-{i}\""), 1)
            .replacen("\"title\": \"", &format!("\"title\": \"{i} "), 1);
        std::fs::write(project.join(format!("guides/copie-{i}.json")), text).unwrap();
    }
    project
}

#[test]
fn ctrl_c_stops_a_build_cleanly() {
    let project = large_collection("faults-ctrl-c", 1500);
    let out = project.join("out");
    // Earlier outputs: a PDF of a guide, and a file of the user's.
    let pdf_dir = out.join("pdf");
    std::fs::create_dir_all(&pdf_dir).unwrap();
    let old = common::root().join("files/ma-premiere-connexion.pdf");
    std::fs::copy(&old, pdf_dir.join("ancienne-fiche.pdf")).unwrap();
    std::fs::write(out.join("notes.txt"), "à garder").unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_guidepress"))
        .env("GUIDEPRESS_UI_LANG", "en")
        .args(["build", "guides", "--out", "out"])
        .current_dir(&project)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Interrupt as soon as the first new PDF is there.
    let start = Instant::now();
    while common::files_in(&pdf_dir).len() < 2
        && start.elapsed() < Duration::from_secs(120)
    {
        std::thread::sleep(Duration::from_millis(20));
    }
    let sent = Command::new("kill").args(["-INT", &child.id().to_string()]).status();
    assert!(sent.is_ok_and(|s| s.success()), "kill -INT failed");
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("interrupted (Ctrl+C)"), "{stderr}");
    eprintln!("{}", stderr.trim());
    assert!(!stderr.contains("panicked"), "{stderr}");
    let written = common::files_in(&pdf_dir).len() - 1;
    assert!(written < 1506, "the build was not stopped: {written} PDFs");
    assert!(stderr.contains(&format!("{written} of 1506 PDFs written")), "{stderr}");
    assert_eq!(
        std::fs::read(pdf_dir.join("ancienne-fiche.pdf")).unwrap(),
        std::fs::read(&old).unwrap()
    );
    assert_eq!(std::fs::read_to_string(out.join("notes.txt")).unwrap(), "à garder");
    assert_clean(&out);
    let _ = std::fs::remove_dir_all(&project);
}

#[test]
fn ctrl_c_stops_watch_cleanly() {
    let project = large_collection("faults-watch-ctrl-c", 300);
    let out = project.join("out");
    let pdf_dir = out.join("pdf");
    let child = Command::new(env!("CARGO_BIN_EXE_guidepress"))
        .args(["watch", "guides", "--out", "out"])
        .current_dir(&project)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Interrupt during the first build, once a few PDFs are there.
    let pdfs = || std::fs::read_dir(&pdf_dir).map_or(0, |d| d.count());
    let start = Instant::now();
    while pdfs() < 3 && start.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let sent = Command::new("kill").args(["-INT", &child.id().to_string()]).status();
    assert!(sent.is_ok_and(|s| s.success()), "kill -INT failed");
    let output = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(130), "{stdout}{stderr}");
    assert!(stdout.contains("stopped watching"), "{stdout}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let written = common::files_in(&pdf_dir).len();
    assert!(written < 306, "the first build was not stopped: {written} PDFs");
    assert_clean(&out);
    let _ = std::fs::remove_dir_all(&project);
}

/// `watch` answers Ctrl+C at any moment (issue 12: once a Ctrl+C 1.5 s after
/// the start was missed): right after it was started, while it reads its
/// arguments, during the first build and while it waits for changes, it
/// ends with 130 within a bounded time.
#[test]
fn watch_answers_ctrl_c_at_any_moment() {
    use std::os::unix::process::ExitStatusExt;
    let project = large_collection("faults-watch-any-moment", 30);
    let pdf_dir = project.join("out/pdf");
    let pdfs = || std::fs::read_dir(&pdf_dir).map_or(0, |d| d.count());
    // When to send SIGINT, after the start.
    enum When {
        After(u64),
        FirstPdf,
        Idle,
    }
    let moments = [
        ("right after spawn", When::After(0)),
        ("while starting", When::After(150)),
        ("1.5 s in", When::After(1500)),
        ("during the first build", When::FirstPdf),
        ("while idle", When::Idle),
    ];
    for (name, when) in moments {
        let _ = std::fs::remove_dir_all(project.join("out"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_guidepress"))
            .env("GUIDEPRESS_UI_LANG", "en")
            .args(["watch", "guides", "--out", "out", "--poll-ms", "2000"])
            .current_dir(&project)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        let wait_for = |done: &dyn Fn() -> bool| {
            while !done() && start.elapsed() < Duration::from_secs(120) {
                std::thread::sleep(Duration::from_millis(10));
            }
        };
        match when {
            When::After(ms) => std::thread::sleep(Duration::from_millis(ms)),
            When::FirstPdf => wait_for(&|| pdfs() >= 1),
            // Every guide built, then a while with nothing to do.
            When::Idle => {
                wait_for(&|| pdfs() >= 36);
                std::thread::sleep(Duration::from_millis(700));
            }
        }
        let sent = Command::new("kill").args(["-INT", &child.id().to_string()]).status();
        assert!(sent.is_ok_and(|s| s.success()), "{name}: kill -INT failed");
        let sent_at = Instant::now();
        let status = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break s;
            }
            if sent_at.elapsed() > Duration::from_secs(10) {
                let _ = child.kill();
                panic!("{name}: watch still runs 10 s after Ctrl+C");
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        // Before `main` runs, the default action of SIGINT ends the process
        // (a shell shows 130 for both).
        let by_signal = status.signal() == Some(2) && matches!(when, When::After(0));
        assert!(status.code() == Some(130) || by_signal, "{name}: {status:?}");
        eprintln!("{name}: {status:?} in {:?}", sent_at.elapsed());
        if matches!(when, When::Idle) {
            // The wait between two looks at the files (--poll-ms 2000) is cut short.
            assert!(sent_at.elapsed() < Duration::from_millis(1500), "{name}: slow");
        }
    }
    assert_clean(&project.join("out"));
    let _ = std::fs::remove_dir_all(&project);
}
