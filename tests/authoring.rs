//! Authoring aids run as a user would: `guidepress new` and `guidepress watch`.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, SystemTime};

use common::cli::guidepress;

#[test]
fn new_writes_a_guide_that_check_accepts() {
    let dir = common::project_copy("new-guide");
    let run =
        guidepress(&dir, &["new", "imprimer-une-fiche", "--title", "Imprimer une fiche"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text =
        std::fs::read_to_string(dir.join("guides/imprimer-une-fiche.json")).unwrap();
    assert!(text.contains("\"title\": \"Imprimer une fiche\""), "{text}");
    assert!(text.contains("\"lang\": \"fr\""), "the collection's language: {text}");

    let check = guidepress(&dir, &["check", "--format", "json"]);
    assert_eq!(check.code, 0, "{}", check.stdout);
    let v: serde_json::Value = serde_json::from_str(&check.stdout).unwrap();
    assert_eq!(v["summary"]["errors"], 0);
    assert_eq!(v["summary"]["guides"], 7);
    // Issue 12: the new guide, dated today, does not make the bundled ones
    // (2022) stale: a guide holding the starter's text is a draft.
    let codes: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(!codes.contains(&"stale-guide"), "{codes:?}");
    // The reminder to list it in `order`, and its placeholders until replaced.
    let about_new: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            d["file"].as_str().unwrap().contains("imprimer-une-fiche")
                || d["message"].as_str().unwrap().contains("imprimer-une-fiche")
        })
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(about_new, ["not-in-order", "placeholder", "placeholder", "placeholder"]);

    // The schema accepts it too.
    let schema =
        guidepress::model::schema::schema(guidepress::model::schema::SchemaKind::Guide);
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(validator.is_valid(&serde_json::from_str(&text).unwrap()));

    let again = guidepress(&dir, &["new", "imprimer-une-fiche"]);
    assert_eq!(again.code, 1, "an existing guide is never overwritten");
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.join("guides/imprimer-une-fiche.json")).unwrap(),
        text
    );
    let bad = guidepress(&dir, &["new", "Imprimer_Une_Fiche"]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.contains("did you mean \"imprimer-une-fiche\"?"),
        "{}",
        bad.stderr
    );
    // Inputs that would give a guide `check` refuses: usage errors, nothing written.
    let before = common::tree(&dir);
    let long = "a".repeat(101);
    let refused: &[&[&str]] = &[
        &["new", "collection"],
        &["new", &long],
        &["new", "x", "--title", ""],
        &["new", "x", "--title", "  "],
        &["new", "x", "--title", "a\u{7}b"],
    ];
    for args in refused {
        let run = guidepress(&dir, args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("error"), "{args:?}: {}", run.stderr);
    }
    assert!(common::tree(&dir) == before, "nothing written");
}

#[test]
fn new_in_an_english_collection_writes_english() {
    let dir = common::temp_dir("new-english");
    std::fs::create_dir_all(dir.join("guides")).unwrap();
    std::fs::write(
        dir.join("guides/collection.json"),
        r#"{"format": 1, "title": "Help", "lang": "en"}"#,
    )
    .unwrap();
    assert_eq!(guidepress(&dir, &["new", "print-a-sheet"]).code, 0);
    let text = std::fs::read_to_string(dir.join("guides/print-a-sheet.json")).unwrap();
    assert!(
        text.contains("\"lang\": \"en\"") && text.contains("Before you start"),
        "{text}"
    );
    // Its placeholders are warnings until replaced.
    let check = guidepress(&dir, &["check", "--deny-warnings"]);
    assert_eq!(check.code, 1, "{}{}", check.stdout, check.stderr);
    assert_eq!(check.stderr.matches("warning: ").count(), 4, "{}", check.stderr);
    assert!(check.stderr.contains("the starter text \"address-to-replace@example.org\""));
    let mut filled = text.clone();
    for (from, to) in [
        ("Title of the sheet", "Print a sheet"),
        ("One or two sentences", "Two sentences"),
        ("Say here what readers need to know", "You need"),
        ("address-to-replace@example.org", "help@school.example"),
    ] {
        filled = filled.replace(from, to);
    }
    std::fs::write(dir.join("guides/print-a-sheet.json"), filled).unwrap();
    let check = guidepress(&dir, &["check", "--deny-warnings"]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
}

fn mtimes(dir: &Path) -> Vec<(String, SystemTime)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, e.metadata().unwrap().modified().unwrap())
        })
        .collect();
    v.sort();
    v
}

/// Waits for a line of the child's output containing `needle`; returns the
/// lines read meanwhile.
fn wait_for(lines: &mpsc::Receiver<String>, needle: &str, seen: &mut Vec<String>) {
    if seen.iter().any(|l| l.contains(needle)) {
        return;
    }
    loop {
        match lines.recv_timeout(Duration::from_secs(120)) {
            Ok(line) => {
                seen.push(line.clone());
                if line.contains(needle) {
                    return;
                }
            }
            Err(_) => panic!(
                "no line with {needle:?} in time; output so far:\n{}",
                seen.join("\n")
            ),
        }
    }
}

#[test]
fn watch_rebuilds_only_the_changed_guide_and_survives_errors() {
    let dir = common::project_copy("watch");
    let mut child = Command::new(env!("CARGO_BIN_EXE_guidepress"))
        .env("GUIDEPRESS_UI_LANG", "en")
        .args(["watch", "--exit-after", "2", "--debounce-ms", "150", "--poll-ms", "20"])
        .current_dir(&dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("guidepress runs");
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let tx2 = tx.clone();
    std::thread::spawn(move || {
        for l in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(l);
        }
    });
    std::thread::spawn(move || {
        for l in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx2.send(format!("stderr: {l}"));
        }
    });
    let mut seen = Vec::new();
    wait_for(&rx, "rebuilt 6 guides (6 built, 0 failed)", &mut seen);
    let before = mtimes(&dir.join("out/pdf"));

    // A broken save: the error is printed and watching goes on.
    let file = dir.join("guides/vider-cache.json");
    let good = std::fs::read_to_string(&file).unwrap();
    std::thread::sleep(Duration::from_millis(50));
    std::fs::write(&file, good.replacen("\"title\":", "\"titel\":", 1)).unwrap();
    wait_for(&rx, "(0 built, 1 failed)", &mut seen);
    wait_for(&rx, "unknown field", &mut seen); // standard error may come later
    let text = seen.join("\n");
    assert!(text.contains("changed: guides/vider-cache.json"), "{text}");
    assert!(text.contains("error: titel: unknown field \"titel\""), "{text}");
    assert!(
        text.contains("(0 built, 1 failed)"),
        "only the changed guide is tried: {text}"
    );
    assert_eq!(mtimes(&dir.join("out/pdf")), before, "a refused guide keeps its old PDF");

    // The fix: only that guide is rebuilt.
    std::fs::write(&file, good.replacen("Vider le cache", "Vider le cache (bis)", 1))
        .unwrap();
    wait_for(&rx, "rebuilt vider-cache (1 built, 0 failed)", &mut seen);
    let status = child.wait().expect("watch exits after two rebuilds");
    assert!(status.success(), "{}", seen.join("\n"));
    let after = mtimes(&dir.join("out/pdf"));
    let changed: Vec<&str> = after
        .iter()
        .zip(&before)
        .filter(|(a, b)| a != b)
        .map(|(a, _)| a.0.as_str())
        .collect();
    assert_eq!(changed, ["vider-cache.pdf"], "{}", seen.join("\n"));
}

/// The text of the first ```json block after `heading` in the README.
fn readme_json_after(heading: &str) -> String {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let from = readme.find(heading).unwrap_or_else(|| panic!("no {heading:?}"));
    let rest = &readme[from..];
    let start = rest.find("```json\n").expect("a json block") + "```json\n".len();
    let len = rest[start..].find("```").expect("the block's end");
    rest[start..start + len].to_string()
}

#[test]
fn the_readme_example_is_the_example_guide_and_it_builds_cleanly() {
    let file = common::root().join("docs/example/guides/parametres-navigateur.json");
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(readme_json_after("## Writing a guide"), text, "README and file differ");
    for markup in [
        "[[Ctrl]]+[[Maj]]+[[R]]",
        "{{☰ > Paramètres}}",
        "\"variants\"",
        "\"annotations\"",
    ] {
        assert!(text.contains(markup), "the example shows {markup}");
    }
    // Built as the README says, with the bundled picture it shows.
    let dir = common::temp_dir("readme-example");
    std::fs::create_dir_all(dir.join("guides")).unwrap();
    std::fs::create_dir_all(dir.join("images")).unwrap();
    std::fs::copy(&file, dir.join("guides/parametres-navigateur.json")).unwrap();
    std::fs::copy(
        common::root().join("images/firefox-menu.png"),
        dir.join("images/firefox-menu.png"),
    )
    .unwrap();
    let check = guidepress(&dir, &["check", "--deny-warnings"]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    let build = guidepress(&dir, &["build", "guides", "--out", "out"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    let pdf = std::fs::read(dir.join("out/pdf/parametres-navigateur.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let _ = std::fs::remove_dir_all(&dir);
}
