//! What sits in the folders: named pipes, links to devices, huge sparse
//! files, link loops, oversized attachments and addresses, and a Ctrl+C that
//! the shell told the process to ignore. Every command must answer in
//! bounded time and memory, with the file and the reason, and build the
//! other guides. (Unix file-system shapes; the tests are skipped elsewhere.)
#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{ProjectExt, TempProject};

/// Generous bound for a command on a small project: a hang shows as a
/// failure, not as a stuck test run.
const BOUND: Duration = Duration::from_secs(120);

/// Runs `guidepress args…` in `dir`, killed after [`BOUND`]; (exit code,
/// standard error).
fn run_bounded(dir: &Path, args: &[&str]) -> (i32, String) {
    let child = Command::new(env!("CARGO_BIN_EXE_guidepress"))
        .args(args)
        .env("GUIDEPRESS_UI_LANG", "en")
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the guidepress binary runs");
    let (code, stderr) = wait_bounded(child, BOUND);
    let code =
        code.unwrap_or_else(|| panic!("guidepress {args:?} did not end in {BOUND:?}"));
    assert!(!stderr.contains("panicked"), "guidepress {args:?} panicked:\n{stderr}");
    (code, stderr)
}

/// Waits for `child` at most `bound`; `None` (and the child killed) if it
/// was still running.
fn wait_bounded(mut child: Child, bound: Duration) -> (Option<i32>, String) {
    let start = Instant::now();
    let code = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status.code().or(Some(-1));
        }
        if start.elapsed() > bound {
            let _ = child.kill();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr.take() {
        use std::io::Read;
        let _ = e.read_to_string(&mut stderr);
    }
    let _ = child.wait();
    (code, stderr)
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}

#[test]
fn pipes_devices_and_sparse_giants_are_refused_at_once_by_every_command() {
    let p = TempProject::bundled("fs-shapes");
    mkfifo(&p.guide_path("tuyau.json"));
    std::os::unix::fs::symlink("/dev/zero", p.guide_path("zero.json")).unwrap();
    let huge = std::fs::File::create(p.guide_path("enorme.json")).unwrap();
    huge.set_len(3 << 30).unwrap();
    let cases: [&[&str]; 5] = [
        &["check"],
        &["build"],
        &["pack", "--out", "out/pack.pdf"],
        &["site", "--out", "out/site"],
        &["bundle", "--out", "out"],
    ];
    for args in cases {
        let start = Instant::now();
        let (code, stderr) = run_bounded(&p, args);
        assert_eq!(code, 1, "{args:?}:\n{stderr}");
        for said in [
            "tuyau.json",
            "it is a named pipe, not a file",
            "zero.json",
            "it is a device, not a file",
            "enorme.json",
            "file too large: 3221225472 bytes",
        ] {
            assert!(stderr.contains(said), "{args:?} does not say {said:?}:\n{stderr}");
        }
        // Measured in seconds, not minutes: nothing was read in full.
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "{args:?}: {:?}",
            start.elapsed()
        );
    }
    // The six bundled guides were built all the same.
    let pdfs = std::fs::read_dir(p.join("out/pdf")).unwrap().count();
    assert_eq!(pdfs, 6);
}

#[test]
fn a_picture_that_is_a_pipe_is_refused_with_its_json_path() {
    let p = TempProject::bundled("fs-picture-pipe");
    mkfifo(&p.images().join("tuyau.png"));
    let guide = serde_json::json!({"format": 1, "id": "essai", "title": "Essai", "body": [
        {"type": "image", "src": "tuyau.png", "alt": "Un tuyau"}]});
    p.guide_json("essai", &guide);
    let errors = p.errors("essai");
    let found: Vec<_> = errors.iter().map(|d| (d.code, d.path.as_str())).collect();
    assert_eq!(found, [("bad-path", "body[0].src")], "{errors:?}");
    assert!(errors[0].message.en().contains("is a named pipe, not a file"), "{errors:?}");
}

#[test]
fn a_link_loop_among_the_pictures_ends() {
    let p = TempProject::bundled("fs-loop");
    std::os::unix::fs::symlink(".", p.images().join("a")).unwrap();
    std::os::unix::fs::symlink(".", p.images().join("b")).unwrap();
    std::os::unix::fs::symlink("../images", p.images().join("c")).unwrap();
    for args in [&["check"][..], &["bundle", "--out", "out"]] {
        let (code, stderr) = run_bounded(&p, args);
        assert_eq!(code, 0, "{args:?}:\n{stderr}");
    }
}

#[test]
fn an_attachment_over_the_limit_is_refused_before_it_is_copied() {
    let p = TempProject::bundled("fs-attachment");
    let big = std::fs::File::create(p.join("files/video.mp4")).unwrap();
    big.set_len(60 << 20).unwrap();
    let guide = serde_json::json!({"format": 1, "id": "essai", "title": "Essai", "body": [
        {"type": "attachment", "href": "files/video.mp4", "label": "La vidéo"}]});
    p.guide_json("essai", &guide);
    let errors = p.errors("essai");
    let found: Vec<_> = errors.iter().map(|d| (d.code, d.path.as_str())).collect();
    assert_eq!(found, [("file-too-large", "body[0].href")], "{errors:?}");
    assert!(errors[0].message.en().contains("the limit is 52428800 bytes"), "{errors:?}");
}

#[test]
fn an_address_longer_than_a_qr_code_holds_is_refused_and_the_longest_prints() {
    let p = TempProject::bundled("fs-qr");
    let address = |len: usize| {
        let head = "https://example.org/?q=";
        format!("{head}{}", "a".repeat(len - head.len()))
    };
    let guide = |url: String| {
        serde_json::json!({"format": 1, "id": "essai", "title": "Essai", "body": [
            {"type": "qr", "url": url},
            {"type": "paragraph", "text": "Voir [la page](https://example.org/)."}]})
    };
    p.guide_json("essai", &guide(address(2332)));
    let errors = p.errors("essai");
    let found: Vec<_> = errors.iter().map(|d| (d.code, d.path.as_str())).collect();
    assert_eq!(found, [("bad-url", "body[0].url")], "{errors:?}");
    assert!(errors[0].message.en().contains("at most 2331 bytes"), "{errors:?}");

    p.guide_json("essai", &guide(address(2331)));
    assert!(p.errors("essai").is_empty());
    let (code, stderr) = run_bounded(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
}

/// `check` started by a script in the background inherits SIGINT as
/// ignored; it must still stop on Ctrl+C (exit 130), like `build`.
#[test]
fn check_stops_on_ctrl_c_even_when_started_with_sigint_ignored() {
    let p = TempProject::bundled("fs-sigint");
    let text = std::fs::read_to_string(p.guide_path("vider-cache.json")).unwrap();
    let mut guides = 300;
    loop {
        for i in 0..guides {
            let id = format!("copie-{i:04}");
            p.guide(
                &format!("{id}.json"),
                text.replace("\"vider-cache\"", &format!("\"{id}\"")),
            );
        }
        let child = Command::new("sh")
            .arg("-c")
            .arg("trap '' INT; exec \"$0\" check")
            .arg(env!("CARGO_BIN_EXE_guidepress"))
            .env("GUIDEPRESS_UI_LANG", "en")
            .current_dir(&p)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(700));
        let mut child = child;
        if child.try_wait().unwrap().is_some() && guides < 2400 {
            // It finished before the signal came (a fast machine): more work.
            guides *= 2;
            continue;
        }
        let sent = Command::new("kill").args(["-INT", &child.id().to_string()]).status();
        assert!(sent.unwrap().success(), "kill -INT failed");
        let (code, stderr) = wait_bounded(child, BOUND);
        let code = code.expect("check ended after Ctrl+C");
        assert_eq!(code, 130, "{stderr}");
        assert!(stderr.contains("interrupted"), "{stderr}");
        break;
    }
}
