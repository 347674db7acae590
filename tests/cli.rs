//! The real binary on copies of the bundled project: exit codes, messages,
//! what is written and what is left alone.

mod common;

use std::path::Path;

use common::cli::{crc32, guidepress, noise, png_header_only};

/// The bundled guides, by id.
const IDS: [&str; 6] = [
    "aide-acces-icart",
    "bouclier-securite",
    "exception-securite",
    "mettre-a-jour-navigateur",
    "premiere-connexion",
    "vider-cache",
];

/// What stands in for a previous build's PDF in the build cases.
const SENTINEL: &[u8] = b"the PDF of a previous build";

/// One way to break (or bend) the project.
enum Step {
    /// Replace the only `from` with `to` in `guides/<guide>.json`.
    Edit { guide: &'static str, from: &'static str, to: &'static str },
    /// Write a file, relative to the project folder.
    Write { path: &'static str, bytes: fn() -> Vec<u8> },
    /// Rewrite the bytes of `guides/<guide>.json`.
    Encode { guide: &'static str, encode: fn(&str) -> Vec<u8> },
}

use Step::{Edit, Encode, Write};

/// A `guidepress build` on a broken copy of the project.
struct Case {
    name: &'static str,
    steps: &'static [Step],
    /// Expected exit code.
    code: i32,
    /// Expected on standard output.
    summary: &'static str,
    /// Expected in standard error; `{pos}` stands for the `line:col` of `at`.
    stderr: &'static [&'static str],
    /// Where the error points: text that occurs once in `guides/vider-cache.json`
    /// (after the edits, before any re-encoding).
    at: Option<&'static str>,
    /// Bundled guides that must fail (their previous PDF is left untouched);
    /// the others must be rebuilt.
    failed: &'static [&'static str],
    /// Files (relative to the project) that must not exist afterwards.
    absent: &'static [&'static str],
}

/// The usual outcome: `vider-cache` is refused, its previous PDF kept,
/// the five other guides are built.
fn refused() -> Case {
    Case {
        name: "",
        steps: &[],
        code: 1,
        summary: "5 built, 1 failed",
        stderr: &[],
        at: None,
        failed: &["vider-cache"],
        absent: &[],
    }
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "unknown field, with a suggestion",
            steps: &[Edit { guide: "vider-cache", from: "\"updated\":", to: "\"upadted\":" }],
            stderr: &[
                "guides/vider-cache.json:{pos}: error: upadted: unknown field \"upadted\"",
                "help: did you mean \"updated\"?",
            ],
            at: Some("\"upadted\""),
            ..refused()
        },
        Case {
            name: "unknown field deep in a step's picture",
            steps: &[Edit {
                guide: "vider-cache",
                from: "\"width\": 0.6,",
                to: "\"widht\": 0.6,",
            }],
            stderr: &[
                "guides/vider-cache.json:{pos}: error: body[6].items[0].image.widht: unknown field \"widht\"",
                "did you mean \"width\"?",
            ],
            at: Some("\"widht\""),
            ..refused()
        },
        Case {
            name: "wrong type",
            steps: &[Edit {
                guide: "vider-cache",
                from: "\"level\": 1, \"text\": \"Essai rapide\"",
                to: "\"level\": \"1\", \"text\": \"Essai rapide\"",
            }],
            stderr: &["guides/vider-cache.json:{pos}: error: body[3].level: expected a number, found a string"],
            at: Some("\"1\""),
            ..refused()
        },
        Case {
            name: "missing required field",
            steps: &[Edit {
                guide: "vider-cache",
                from: "\"title\": \"Vider le cache de Firefox\",",
                to: "",
            }],
            stderr: &["guides/vider-cache.json:1:1: error: title: missing field \"title\""],
            ..refused()
        },
        Case {
            name: "impossible date",
            steps: &[Edit { guide: "vider-cache", from: "\"2014-02-15\"", to: "\"2014-02-30\"" }],
            stderr: &["guides/vider-cache.json:{pos}: error: published: \"2014-02-30\": month 2 of 2014 has 28 days"],
            at: Some("\"2014-02-30\""),
            ..refused()
        },
        Case {
            name: "updated before published",
            steps: &[Edit { guide: "vider-cache", from: "\"2022-03-13\"", to: "\"2013-03-13\"" }],
            stderr: &["guides/vider-cache.json:{pos}: error: updated: \"updated\" (2013-03-13) is before \"published\" (2014-02-15)"],
            at: Some("\"2013-03-13\""),
            ..refused()
        },
        Case {
            name: "unknown block type",
            steps: &[Edit { guide: "vider-cache", from: "\"type\": \"variants\"", to: "\"type\": \"variantes\"" }],
            stderr: &[
                "guides/vider-cache.json:{pos}: error: body[10].type: unknown block type \"variantes\"",
                "did you mean \"variants\"?",
            ],
            at: Some("\"variantes\""),
            ..refused()
        },
        Case {
            name: "bad callout kind",
            steps: &[Edit { guide: "vider-cache", from: "\"kind\": \"warning\"", to: "\"kind\": \"danger\"" }],
            stderr: &["guides/vider-cache.json:{pos}: error: body[7].kind: unknown callout kind \"danger\""],
            at: Some("\"danger\""),
            ..refused()
        },
        Case {
            name: "two variants with the same label",
            steps: &[Edit { guide: "vider-cache", from: "\"label\": \"Edge\"", to: "\"label\": \"chrome\"" }],
            stderr: &[
                "guides/vider-cache.json:{pos}: error: body[10].items[2].label: two variants are labelled \"chrome\"",
                "help: give each variant its own label (the other is body[10].items[1])",
            ],
            at: Some("\"chrome\""),
            ..refused()
        },
        Case {
            name: "reference to an unknown guide",
            steps: &[Edit { guide: "vider-cache", from: "(guide:bouclier-securite)", to: "(guide:bouclier-securiter)" }],
            stderr: &[
                "guides/vider-cache.json:{pos}: error: body[11].text: no guide has the id \"bouclier-securiter\"",
                "did you mean \"guide:bouclier-securite\"?",
            ],
            at: Some("guide:bouclier-securiter"),
            ..refused()
        },
        Case {
            name: "javascript: link",
            steps: &[Edit { guide: "vider-cache", from: "(guide:bouclier-securite)", to: "(javascript:void0)" }],
            stderr: &["guides/vider-cache.json:{pos}: error: body[11].text: links with the scheme \"javascript:\" are not allowed"],
            at: Some("javascript:"),
            ..refused()
        },
        Case {
            name: "missing image",
            steps: &[Edit { guide: "vider-cache", from: "\"firefox-menu.png\"", to: "\"firefox-menu-2020.png\"" }],
            stderr: &["guides/vider-cache.json:{pos}: error: body[6].items[0].image.src: image \"firefox-menu-2020.png\" not found"],
            at: Some("\"firefox-menu-2020.png\""),
            ..refused()
        },
        Case {
            name: "image path with ..",
            steps: &[Edit { guide: "vider-cache", from: "\"firefox-menu.png\"", to: "\"../images/firefox-menu.png\"" }],
            stderr: &["guides/vider-cache.json:{pos}: error: body[6].items[0].image.src: the image path \"../images/firefox-menu.png\" leaves the images folder"],
            at: Some("\"../images"),
            ..refused()
        },
        Case {
            name: "absolute image path",
            steps: &[Edit { guide: "vider-cache", from: "\"firefox-menu.png\"", to: "\"/etc/passwd\"" }],
            stderr: &["guides/vider-cache.json:{pos}: error: body[6].items[0].image.src: the image path \"/etc/passwd\" is absolute"],
            at: Some("\"/etc/passwd\""),
            ..refused()
        },
        Case {
            name: "corrupt image (random bytes named .png)",
            steps: &[
                Write { path: "images/broken.png", bytes: || noise(4096) },
                Edit { guide: "vider-cache", from: "\"firefox-menu.png\"", to: "\"broken.png\"" },
            ],
            stderr: &["guides/vider-cache.json:{pos}: error: body[6].items[0].image.src: \"broken.png\": not a PNG or JPEG (unknown format)"],
            at: Some("\"broken.png\""),
            ..refused()
        },
        Case {
            name: "PNG header claiming 60000×60000 pixels",
            steps: &[
                Write { path: "images/huge.png", bytes: || png_header_only(60_000, 60_000) },
                Edit { guide: "vider-cache", from: "\"firefox-menu.png\"", to: "\"huge.png\"" },
            ],
            stderr: &["guides/vider-cache.json:{pos}: error: body[6].items[0].image.src: \"huge.png\": image too large: 60000×60000 pixels, the limit is 20000×20000"],
            at: Some("\"huge.png\""),
            ..refused()
        },
        Case {
            name: "truncated PNG (valid header, no pixels)",
            steps: &[
                Write { path: "images/truncated.png", bytes: || png_header_only(640, 480) },
                Edit { guide: "vider-cache", from: "\"firefox-menu.png\"", to: "\"truncated.png\"" },
            ],
            stderr: &["guides/vider-cache.json:{pos}: error: body[6].items[0].image.src: \"truncated.png\": the PNG file is damaged or incomplete"],
            at: Some("\"truncated.png\""),
            ..refused()
        },
        Case {
            name: "file saved as Latin-1",
            steps: &[Encode { guide: "vider-cache", encode: windows_1252 }],
            stderr: &[
                "guides/vider-cache.json:{pos}: error: file is not valid UTF-8 (byte 0x92 at line {line}, column {col}); it looks like Latin-1/Windows-1252",
                "help: save it as UTF-8",
            ],
            at: Some("’i-Cart s’affiche"),
            ..refused()
        },
        Case {
            name: "BOM and CRLF line ends are accepted",
            steps: &[Encode { guide: "vider-cache", encode: bom_crlf }],
            code: 0,
            summary: "6 built, 0 failed",
            failed: &[],
            ..refused()
        },
        Case {
            name: "invalid JSON syntax",
            steps: &[Edit {
                guide: "vider-cache",
                from: "\"published\": \"2014-02-15\",",
                to: "\"published\": \"2014-02-15\"",
            }],
            stderr: &[
                "guides/vider-cache.json:{pos}: error: expected a comma or \"}\"",
                "a comma is probably missing at the end of the previous line",
            ],
            at: Some("\"updated\""),
            ..refused()
        },
        Case {
            name: "duplicate id refuses both guides",
            steps: &[Write {
                path: "guides/copie-vider-cache.json",
                bytes: || std::fs::read(common::root().join("guides/vider-cache.json")).unwrap(),
            }],
            summary: "5 built, 2 failed",
            stderr: &[
                "guides/copie-vider-cache.json:3:9: error: id: id \"vider-cache\" is also used by guides/vider-cache.json",
                "guides/vider-cache.json:3:9: error: id: id \"vider-cache\" is also used by guides/copie-vider-cache.json",
                "help: give each guide its own id",
            ],
            ..refused()
        },
        Case {
            name: "a new bad guide gets no PDF",
            steps: &[Write { path: "guides/nouvelle-fiche.json", bytes: || b"{ \"format\": 1,".to_vec() }],
            summary: "6 built, 1 failed",
            stderr: &[
                "guides/nouvelle-fiche.json:1:14: error: the file ends too early",
                "help: a guide is a JSON object",
            ],
            failed: &[],
            absent: &["out/pdf/nouvelle-fiche.pdf"],
            ..refused()
        },
    ]
}

/// The text as Windows-1252 bytes (what "Latin-1" editors write): `’` is 0x92.
fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '’' => 0x92,
            '…' => 0x85,
            '«' | '»' | 'à'..='ÿ' | 'À'..='ß' => c as u32 as u8,
            c if c.is_ascii() => c as u8,
            _ => b'?',
        })
        .collect()
}

/// The text with a byte-order mark and CRLF line ends, as Windows editors save it.
fn bom_crlf(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    bytes
}

/// 1-based line and column (in characters) of the only occurrence of `needle`.
fn position(text: &str, needle: &str) -> (usize, usize) {
    let mut found = text.match_indices(needle);
    let (at, _) = found.next().unwrap_or_else(|| panic!("{needle:?} not found"));
    assert!(found.next().is_none(), "{needle:?} occurs more than once");
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line, col)
}

/// Applies a case's steps to the project copy in `dir`; returns the `{…}` substitutions.
fn apply(dir: &Path, case: &Case) -> Vec<(&'static str, String)> {
    let guide_path = |g: &str| dir.join("guides").join(format!("{g}.json"));
    for step in case.steps {
        match step {
            Edit { guide, from, to } => {
                let text = std::fs::read_to_string(guide_path(guide)).unwrap();
                assert_eq!(text.matches(from).count(), 1, "{}: {from:?}", case.name);
                std::fs::write(guide_path(guide), text.replace(from, to)).unwrap();
            }
            Write { path, bytes } => std::fs::write(dir.join(path), bytes()).unwrap(),
            Encode { .. } => {}
        }
    }
    // Positions are taken from the text before it is re-encoded.
    let mut subst = Vec::new();
    if let Some(needle) = case.at {
        let text = std::fs::read_to_string(guide_path("vider-cache")).unwrap();
        let (line, col) = position(&text, needle);
        subst = vec![
            ("{pos}", format!("{line}:{col}")),
            ("{line}", line.to_string()),
            ("{col}", col.to_string()),
        ];
    }
    for step in case.steps {
        if let Encode { guide, encode } = step {
            let text = std::fs::read_to_string(guide_path(guide)).unwrap();
            std::fs::write(guide_path(guide), encode(&text)).unwrap();
        }
    }
    subst
}

/// The problems of one build case (empty when it behaves).
fn run_case(case: &Case) -> Vec<String> {
    let dir = common::project_copy(&format!("cli-{}", slug(case.name)));
    let subst = apply(&dir, case);
    let pdf_dir = dir.join("out/pdf");
    std::fs::create_dir_all(&pdf_dir).unwrap();
    for id in IDS {
        std::fs::write(pdf_dir.join(format!("{id}.pdf")), SENTINEL).unwrap();
    }
    let run = guidepress(&dir, &["build", "guides", "--out", "out", "--jobs", "2"]);
    let mut problems = Vec::new();
    if run.code != case.code {
        problems.push(format!("exit code {}, expected {}", run.code, case.code));
    }
    for want in case.stderr {
        let want = subst.iter().fold(want.to_string(), |w, (k, v)| w.replace(k, v));
        if !run.stderr.contains(&want) {
            problems.push(format!("stderr lacks {want:?}"));
        }
    }
    if !run.stdout.contains(case.summary) {
        problems.push(format!("stdout lacks {:?}: {:?}", case.summary, run.stdout));
    }
    for id in IDS {
        let bytes = std::fs::read(pdf_dir.join(format!("{id}.pdf"))).unwrap_or_default();
        match (case.failed.contains(&id), bytes == SENTINEL) {
            (true, false) => {
                problems.push(format!("{id} failed but its previous PDF was replaced"))
            }
            (false, true) => problems.push(format!("{id} was not rebuilt")),
            (false, false) if !bytes.starts_with(b"%PDF-") => {
                problems.push(format!("out/pdf/{id}.pdf is not a PDF"))
            }
            _ => {}
        }
    }
    for path in case.absent {
        if dir.join(path).exists() {
            problems.push(format!("{path} exists"));
        }
    }
    problems.extend(
        temp_files(&pdf_dir).into_iter().map(|f| format!("temp file {f} left behind")),
    );
    if !problems.is_empty() {
        problems.push(format!("stderr was:\n{}", run.stderr));
    }
    let _ = std::fs::remove_dir_all(&dir);
    problems
}

fn slug(name: &str) -> String {
    name.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect()
}

/// Leftovers of atomic writes in a folder.
fn temp_files(dir: &Path) -> Vec<String> {
    common::files_in(dir)
        .into_iter()
        .map(|(n, _)| n)
        .filter(|n| n.starts_with(".guidepress-"))
        .collect()
}

#[test]
fn broken_projects_build_what_they_can_and_say_what_is_wrong() {
    let cases = cases();
    let failures: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> =
            cases.iter().map(|c| (c.name, s.spawn(move || run_case(c)))).collect();
        handles
            .into_iter()
            .flat_map(|(name, h)| {
                let problems =
                    h.join().unwrap_or_else(|_| vec!["the test panicked".into()]);
                problems.into_iter().map(move |p| format!("{name}: {p}"))
            })
            .collect()
    });
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn crc32_matches_the_reference_check_value() {
    // The check value of CRC-32/ISO-HDLC, the CRC of PNG chunks.
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
}

/// The lines `tests/bad/<case>.expected` (or `<case>.expected.fr`, the
/// French interface's) asks for: `code: …` lines (checked through the
/// library) and substrings of the output; `not: …` lines must be absent.
fn expected(case: &str) -> (Vec<String>, Vec<String>) {
    expected_file(&format!("{case}.expected"))
}

fn expected_file(name: &str) -> (Vec<String>, Vec<String>) {
    let path = common::root().join("tests/bad").join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let lines = text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
    let (codes, output): (Vec<&str>, Vec<&str>) =
        lines.partition(|l| l.starts_with("code: "));
    let codes = codes.iter().map(|l| l["code: ".len()..].trim().to_string()).collect();
    (codes, output.into_iter().map(String::from).collect())
}

/// The expected lines `output` does not meet.
fn unmet(lines: &[String], output: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for want in lines {
        match want.strip_prefix("not: ") {
            Some(absent) if output.contains(absent) => {
                problems.push(format!("output has {absent:?}"))
            }
            Some(_) => {}
            None if !output.contains(want.as_str()) => {
                problems.push(format!("output lacks {want:?}"))
            }
            None => {}
        }
    }
    problems
}

#[test]
fn bad_guides_are_refused_with_precise_messages() {
    let bad = common::root().join("tests/bad");
    let mut cases: Vec<String> = common::files_in(&bad)
        .into_iter()
        .filter_map(|(name, _)| name.strip_suffix(".json").map(String::from))
        .collect();
    cases.sort();
    assert!(cases.len() >= 20, "the corpus lost cases: {cases:?}");
    let failures: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = cases
            .iter()
            .map(|case| (case, s.spawn(move || check_bad_guide(case))))
            .collect();
        handles
            .into_iter()
            .flat_map(|(case, h)| {
                let problems =
                    h.join().unwrap_or_else(|_| vec!["the test panicked".into()]);
                problems.into_iter().map(move |p| format!("tests/bad/{case}.json: {p}"))
            })
            .collect()
    });
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The problems of one corpus case (empty when it behaves).
fn check_bad_guide(case: &str) -> Vec<String> {
    let (codes, lines) = expected(case);
    let dir = common::project_copy(&format!("bad-{case}"));
    let file = format!("{case}.json");
    std::fs::copy(
        common::root().join("tests/bad").join(&file),
        dir.join("guides").join(&file),
    )
    .unwrap();
    let before = common::tree(&dir);
    let run = guidepress(&dir, &["check", "guides"]);
    let mut problems = Vec::new();
    if run.code != 1 {
        problems.push(format!("exit code {}, expected 1", run.code));
    }
    let output = format!("{}{}", run.stderr, run.stdout);
    problems.extend(unmet(&lines, &output));
    // The same case with the French interface.
    let (_, lines_fr) = expected_file(&format!("{case}.expected.fr"));
    let run_fr = common::cli::guidepress_in(&dir, &["check", "guides"], "fr");
    let output_fr = format!("{}{}", run_fr.stderr, run_fr.stdout);
    problems.extend(unmet(&lines_fr, &output_fr).into_iter().map(|p| format!("fr: {p}")));
    if run_fr.code != run.code {
        problems
            .push(format!("fr: exit code {}, English gave {}", run_fr.code, run.code));
    }
    if !problems.is_empty() {
        problems.push(format!("French output was:\n{output_fr}"));
    }
    if common::tree(&dir) != before {
        problems.push("check wrote or changed files".into());
    }
    // The codes, through the library: what tools reading diagnostics see.
    let loaded = guidepress::model::load(&guidepress::model::LoadOptions {
        guides_dir: dir.join("guides"),
        images_dir: dir.join("images"),
    });
    let got: Vec<&str> = match &loaded {
        Err(fatal) => fatal.iter().map(|d| d.code).collect(),
        Ok(l) => l
            .guides
            .iter()
            .filter(|g| g.file.ends_with(&file))
            .flat_map(|g| g.result.as_ref().err().into_iter().flatten())
            .map(|d| d.code)
            .collect(),
    };
    for code in &codes {
        if !got.contains(&code.as_str()) {
            problems.push(format!("no {code:?} error, got {got:?}"));
        }
    }
    if codes.is_empty() {
        problems.push("the .expected file names no code".into());
    }
    if !problems.is_empty() {
        problems.push(format!("output was:\n{output}"));
    }
    let _ = std::fs::remove_dir_all(&dir);
    problems
}

#[test]
fn usage_errors_exit_with_2_and_write_nothing() {
    let table: &[(&[&str], i32, &str)] = &[
        (&["frobnicate"], 2, "unrecognized subcommand 'frobnicate'"),
        (&["build", "--jobs", "0"], 2, "--jobs"),
        (&["build", "--jobs", "many"], 2, "--jobs"),
        (&["build", "--frobnicate"], 2, "unexpected argument '--frobnicate'"),
        (&["check", "--out", "out"], 2, "unexpected argument '--out'"),
        (&["site", "--pdf-standard", "a-3z"], 2, "a-3z"),
        (&["site", "--base-url", "ftp://x"], 2, "--base-url"),
        (&["bundle", "--version", "../x"], 2, "cannot be used in a file name"),
        (&["pack", "--only", ",,,"], 2, "--only names no guide"),
        (&["pack", "--only", " , "], 2, "--only names no guide"),
        (&[], 2, "Usage:"),
        (&["--help"], 0, ""),
        (&["--version"], 0, ""),
    ];
    let dir = common::project_copy("usage");
    let before = common::tree(&dir);
    for &(args, code, stderr) in table {
        let run = guidepress(&dir, args);
        assert_eq!(run.code, code, "guidepress {args:?}: {}", run.stderr);
        assert!(run.stderr.contains(stderr), "guidepress {args:?}: {}", run.stderr);
        if code == 0 {
            assert!(run.stdout.contains("guidepress"), "{args:?}: {}", run.stdout);
        }
    }
    assert!(common::tree(&dir) == before, "a usage error wrote files");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn check_accepts_the_bundled_guides_and_writes_nothing() {
    let dir = common::project_copy("check-ok");
    let before = common::tree(&dir);
    let run = guidepress(&dir, &["check", "guides"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("6 guides checked: 6 ok, 0 with errors, 0 warnings"),
        "{}",
        run.stdout
    );
    assert_eq!(run.stderr, "");
    assert!(!dir.join("out").exists(), "check created out/");
    assert!(common::tree(&dir) == before, "check wrote files");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn build_writes_one_pdf_per_guide_and_nothing_else() {
    let dir = common::project_copy("build-ok");
    let run = guidepress(&dir, &["build", "guides", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("6 built, 0 failed"), "{}", run.stdout);
    let names: Vec<String> =
        common::files_in(&dir.join("out/pdf")).into_iter().map(|(n, _)| n).collect();
    let want: Vec<String> = IDS.iter().map(|id| format!("{id}.pdf")).collect();
    assert_eq!(names, want);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn leftover_temp_files_are_cleaned_up() {
    let dir = common::project_copy("debris");
    let pdf = dir.join("out/pdf");
    std::fs::create_dir_all(&pdf).unwrap();
    std::fs::write(pdf.join(".guidepress-12345-vider-cache.pdf.tmp"), b"half a PDF")
        .unwrap();
    let run = guidepress(&dir, &["build", "guides", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(temp_files(&pdf), Vec::<String>::new());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unusable_projects_and_outputs_are_refused_before_writing() {
    // (name, how to break the project, arguments, expected in stderr)
    type Break = fn(&Path);
    let table: &[(&str, Break, &[&str], &str)] = &[
        (
            "output is the guides folder",
            |_| {},
            &["build", "guides", "--out", "guides"],
            "overlaps the input folder",
        ),
        (
            "output inside the guides folder",
            |_| {},
            &["build", "guides", "--out", "guides/out"],
            "overlaps the input folder",
        ),
        (
            "output is the images folder",
            |_| {},
            &["build", "guides", "--out", "images"],
            "overlaps the input folder",
        ),
        (
            "output contains the inputs",
            |_| {},
            &["build", "guides", "--out", "."],
            "overlaps the input folder",
        ),
        (
            "no guides folder",
            |_| {},
            &["build", "guidez", "--out", "out"],
            "cannot read the guides folder guidez",
        ),
        (
            "no guides folder (check)",
            |_| {},
            &["check", "guidez"],
            "cannot read the guides folder guidez",
        ),
        (
            "invalid collection.json",
            |d| {
                std::fs::write(d.join("guides/collection.json"), "{\"format\": 1}")
                    .unwrap()
            },
            &["build", "guides", "--out", "out"],
            "guides/collection.json:1:1: error: title: missing field \"title\"",
        ),
    ];
    for &(name, breaks, args, stderr) in table {
        let dir = common::project_copy(&format!("refused-{}", slug(name)));
        breaks(&dir);
        let before = common::tree(&dir);
        let run = guidepress(&dir, args);
        assert_eq!(run.code, 1, "{name}: {}", run.stderr);
        assert!(run.stderr.contains(stderr), "{name}: {}", run.stderr);
        assert!(common::tree(&dir) == before, "{name}: files were written");
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn help_of_every_command_in_both_languages() {
    let dir = common::root();
    let commands = ["build", "check", "pack", "site", "bundle", "schema", "new", "watch"];
    for cmd in commands {
        let en = common::cli::guidepress_in(&dir, &[cmd, "--help"], "en");
        let fr = common::cli::guidepress_in(&dir, &[cmd, "--help"], "fr");
        assert_eq!((en.code, fr.code), (0, 0), "{cmd}");
        assert!(en.stdout.contains("Usage: guidepress"), "{cmd}: {}", en.stdout);
        assert!(en.stdout.contains("Print help"), "{cmd}: {}", en.stdout);
        assert!(
            fr.stdout.contains("Utilisation\u{a0}: guidepress"),
            "{cmd}: {}",
            fr.stdout
        );
        assert!(fr.stdout.contains("Afficher l’aide"), "{cmd}: {}", fr.stdout);
        assert_ne!(en.stdout, fr.stdout);
    }
    // The flag wins over the variable; the locale is used when neither is set.
    let flag =
        common::cli::guidepress_in(&dir, &["--ui-lang", "en", "check", "--help"], "fr");
    assert!(flag.stdout.contains("Usage:"), "{}", flag.stdout);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_guidepress"))
        .args(["pack", "--help"])
        .env_remove("GUIDEPRESS_UI_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("recto verso"));
}

#[test]
fn check_json_keeps_english_messages_and_adds_the_local_ones() {
    let dir = common::project_copy("json-local");
    std::fs::write(
        dir.join("guides/x.json"),
        r#"{"format": 1, "titel": "T", "title": "T", "body": [{"type": "paragraph", "text": "a"}]}"#,
    )
    .unwrap();
    let run = common::cli::guidepress_in(&dir, &["check", "--format", "json"], "fr");
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let d = &v["diagnostics"][0];
    assert_eq!(d["message"], "unknown field \"titel\"");
    assert_eq!(d["message_local"], "champ inconnu \"titel\"");
    assert_eq!(d["suggestion"], "did you mean \"title\"?");
    assert_eq!(d["suggestion_local"], "vouliez-vous dire \"title\"\u{202f}?");
    // Nothing of the language reaches the text without isolation marks.
    assert!(!run.stdout.contains(['\u{2068}', '\u{2069}']));
}

#[test]
fn build_reports_the_warnings_of_check_and_groups_identical_ones() {
    // Issue 12: `build` did not show stale guides, and printed a warning
    // shared by many guides once per guide.
    let dir = common::project_copy("build-warnings");
    for id in ["vieux-a", "vieux-b", "vieux-c", "vieux-d"] {
        std::fs::write(
            dir.join(format!("guides/{id}.json")),
            r#"{"format": 1, "title": "Ancienne fiche", "updated": "2010-01-01",
                "body": [{"type": "paragraph", "text": "Texte."}]}"#,
        )
        .unwrap();
    }
    std::fs::write(dir.join("images/inutile.png"), common::cli::png_header_only(4, 4))
        .unwrap();
    let check = guidepress(&dir, &["check"]);
    let build = guidepress(&dir, &["build"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    for code_text in
        ["more than 3 years before the newest guide", "no guide uses this picture"]
    {
        assert!(check.stderr.contains(code_text), "{}", check.stderr);
        assert!(build.stderr.contains(code_text), "{}", build.stderr);
    }
    let stale = build.stderr.matches("more than 3 years before").count();
    assert_eq!(stale, 1, "grouped: {}", build.stderr);
    assert!(
        build.stderr.contains("(the same warning for 3 other files)"),
        "{}",
        build.stderr
    );
    let fr = common::cli::guidepress_in(&dir, &["build"], "fr");
    assert!(
        fr.stderr.contains("(le même avertissement pour 3\u{a0}autres fichiers)"),
        "{}",
        fr.stderr
    );
    assert!(fr.stdout.contains("avertissements"), "{}", fr.stdout);
}

/// Messages of the output jobs, `new` and clap itself follow the interface
/// language: each command in French gives its French message, in English
/// its English one, with the same exit code (issue 12).
#[test]
fn job_new_and_command_line_errors_speak_the_interface_language() {
    let dir = common::project_copy("errors-in-french");
    let table: &[(&[&str], i32, &str, &str)] = &[
        (
            &["build", "--out", "guides/out"],
            1,
            "overlaps the input folder",
            "empiète sur le dossier source",
        ),
        (
            &["pack", "--only", "vider-cach"],
            2,
            "unknown guide \"vider-cach\" in --only; did you mean \"vider-cache\"?",
            "fiche inconnue \"vider-cach\" dans --only\u{202f}; vouliez-vous dire \"vider-cache\"\u{202f}?",
        ),
        (
            &["pack", "--layout", "handout"],
            2,
            "a handout prints exactly one guide, but 6 are selected",
            "la mise en page handout imprime une seule fiche, mais 6 sont sélectionnées",
        ),
        (
            &["new", "Ma Fiche"],
            2,
            "\"Ma Fiche\" is not a valid guide id",
            "\"Ma Fiche\" n’est pas un identifiant de fiche valide",
        ),
        (
            &["new", "vider-cache"],
            1,
            "already exists",
            "existe déjà",
        ),
        (
            &["site", "--pdf-standard", "a-9z"],
            2,
            "unknown PDF standard \"a-9z\"",
            "norme PDF inconnue \"a-9z\"\u{202f}; valeurs possibles\u{a0}:",
        ),
        (&["build", "--nope"], 2, "unexpected argument '--nope' found", "argument \"--nope\" inattendu"),
        (&["buld"], 2, "unrecognized subcommand 'buld'", "commande \"buld\" inconnue"),
        (
            &["pack", "--layout", "3up"],
            2,
            "invalid value '3up' for '--layout <LAYOUT>'",
            "valeur \"3up\" impossible pour --layout <LAYOUT>",
        ),
        (
            &["build", "--jobs", "many"],
            2,
            "invalid value 'many' for '--jobs <N>'",
            "valeur \"many\" impossible pour --jobs <N>\u{a0}:",
        ),
    ];
    for (args, code, en, fr) in table {
        let run = guidepress(&dir, args);
        assert_eq!(run.code, *code, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains(en),
            "{args:?}: English lacks {en:?}:\n{}",
            run.stderr
        );
        let run = common::cli::guidepress_in(&dir, args, "fr");
        assert_eq!(run.code, *code, "{args:?} in French: {}", run.stderr);
        assert!(
            run.stderr.contains(fr),
            "{args:?}: French lacks {fr:?}:\n{}",
            run.stderr
        );
        assert!(
            run.stderr.contains("erreur\u{a0}: "),
            "{args:?}: not a French error:\n{}",
            run.stderr
        );
    }
    // clap's usage line and pointer to --help, in French too.
    let run = common::cli::guidepress_in(&dir, &["build", "--nope"], "fr");
    assert!(run.stderr.contains("Utilisation\u{a0}: guidepress build"), "{}", run.stderr);
    assert!(run.stderr.contains("Pour plus d’informations, essayez \"--help\"."));
    assert!(!run.stderr.contains("Usage"), "{}", run.stderr);
}

/// A `w`×`h` RGB PNG, 16 or 8 bits per channel (png's default settings,
/// as an image editor writes them): a smooth gradient, like a photo.
fn gradient_png(w: u32, h: u32, sixteen: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut e = png::Encoder::new(&mut out, w, h);
    e.set_color(png::ColorType::Rgb);
    e.set_depth(if sixteen { png::BitDepth::Sixteen } else { png::BitDepth::Eight });
    let mut data = Vec::new();
    for (x, y) in (0..h).flat_map(|y| (0..w).map(move |x| (x, y))) {
        for s in [x * 65535 / w, y * 65535 / h, (x + y) * 97 % 65536] {
            let s = s as u16;
            match sixteen {
                true => data.extend(s.to_be_bytes()),
                false => data.push((s >> 8) as u8),
            }
        }
    }
    let mut wr = e.write_header().unwrap();
    wr.write_image_data(&data).unwrap();
    wr.finish().unwrap();
    out
}

/// A 16-bit PNG goes into the PDF with 8 bits per channel: its PDF is no
/// bigger than the one of the same picture saved with 8 bits, and the same
/// every time (issue 12: it added about 20 kB per PDF).
#[test]
fn a_16_bit_png_weighs_no_more_than_its_8_bit_twin() {
    let mut pdfs = Vec::new();
    for (name, sixteen) in [("8", false), ("16", true), ("16", true)] {
        let p = common::temp_dir(&format!("png-depth-{name}-{}", pdfs.len()));
        p.write("images/photo.png", gradient_png(400, 300, sixteen));
        p.guide(
            "photo.json",
            r#"{"format": 1, "title": "Photo", "body": [{"type": "image", "src": "photo.png", "alt": "Un dégradé"}]}"#,
        );
        let run = guidepress(&p, &["build", "guides", "--out", "out"]);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
        pdfs.push(std::fs::read(p.join("out/pdf/photo.pdf")).unwrap());
    }
    let (eight, sixteen) = (pdfs[0].len(), pdfs[1].len());
    eprintln!("16-bit picture: {sixteen} bytes of PDF, 8-bit: {eight} bytes");
    assert!(sixteen <= eight + 500, "16-bit: {sixteen} bytes, 8-bit: {eight} bytes");
    assert_eq!(pdfs[1], pdfs[2], "the same 16-bit picture gives the same PDF");
}

/// The fenced code blocks of `markdown`: (info string, text).
fn fenced_blocks(markdown: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut open: Option<(String, String)> = None;
    for line in markdown.lines() {
        match (line.strip_prefix("```"), open.take()) {
            (Some(info), None) => open = Some((info.to_string(), String::new())),
            (Some(_), Some(block)) => out.push(block),
            (None, Some((info, mut text))) => {
                text.push_str(line);
                text.push('\n');
                open = Some((info, text));
            }
            (None, None) => {}
        }
    }
    out
}

/// docs/guide-de-redaction.md shows what guidepress really prints: its
/// faulty sheet, checked in French, gives every line of the excerpt shown
/// after it; `new`'s answer is the one shown; its pictures exist; it points
/// to the reference, and the README's quick start points to it (issue 12).
#[test]
fn the_french_authoring_guide_shows_what_guidepress_prints() {
    let root = common::root();
    let doc = std::fs::read_to_string(root.join("docs/guide-de-redaction.md")).unwrap();
    let blocks = fenced_blocks(&doc);
    let at = blocks.iter().position(|(_, t)| t.contains("\"descrption\"")).unwrap();
    let dir = common::project_copy("guide-de-redaction");
    std::fs::write(dir.join("guides/mot-de-passe.json"), &blocks[at].1).unwrap();
    let run = common::cli::guidepress_in(&dir, &["check"], "fr");
    assert_eq!(run.code, 1);
    let output = format!("{}{}", run.stderr, run.stdout);
    for line in blocks[at + 1].1.lines() {
        assert!(
            output.contains(line),
            "the guide shows {line:?}; check prints:\n{output}"
        );
    }
    std::fs::remove_file(dir.join("guides/mot-de-passe.json")).unwrap();
    let new_args = ["new", "mot-de-passe", "--title", "Changer son mot de passe"];
    let run = common::cli::guidepress_in(&dir, &new_args, "fr");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let shown =
        blocks.iter().find(|(_, t)| t.starts_with("guides/mot-de-passe.json écrit"));
    assert_eq!(Some(run.stdout.as_str()), shown.map(|(_, t)| t.as_str()));
    let mut pictures = 0;
    for part in doc.split("](").skip(1) {
        let target = &part[..part.find(')').unwrap()];
        if target.ends_with(".png") {
            assert!(root.join("docs").join(target).is_file(), "{target} is missing");
            pictures += 1;
        }
    }
    assert!(pictures >= 3, "the guide shows {pictures} pictures");
    assert!(doc.contains("](guide-format.md)"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let quick_start = &readme[readme.find("Démarrage rapide").unwrap()..];
    let quick_start = &quick_start[..quick_start.find("\n## ").unwrap()];
    assert!(quick_start.contains("](docs/guide-de-redaction.md)"));
}
