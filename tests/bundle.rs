//! `guidepress bundle`: reproducible to the byte, verifiable, incremental,
//! all or nothing.

mod common;

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::Path;
use std::sync::OnceLock;

use common::cli::guidepress;
use guidepress::output::bundle;
use guidepress::output::bundle::{parse_sums, BundleOptions};
use sha2::{Digest, Sha256};

/// The name of the bundled project's zip, up to its content hash.
const ZIP_PREFIX: &str = "aide-informatique-2022-03-13-";

/// The one zip in `<dir>/out/bundle/`, whose name is the collection, the
/// newest date and 8 hex digits of the content hash.
fn zip_in(dir: &Path) -> std::path::PathBuf {
    let zips: Vec<_> = std::fs::read_dir(dir.join("out/bundle"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "zip"))
        .collect();
    assert_eq!(zips.len(), 1, "{zips:?}");
    let name = zips[0].file_name().unwrap().to_string_lossy().into_owned();
    let hash = name.strip_prefix(ZIP_PREFIX).and_then(|r| r.strip_suffix(".zip"));
    assert!(
        hash.is_some_and(|h| h.len() == 8 && h.bytes().all(|b| b.is_ascii_hexdigit())),
        "{name}"
    );
    zips[0].clone()
}

/// The bundled project's bundle, built once by the binary in a copy.
fn reference() -> &'static (common::TempProject, Vec<u8>) {
    static REF: OnceLock<(common::TempProject, Vec<u8>)> = OnceLock::new();
    REF.get_or_init(|| {
        let dir = common::project_copy("bundle-reference");
        let run = guidepress(&dir, &["bundle", "--jobs", "1"]);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
        let zip = std::fs::read(zip_in(&dir)).expect("the zip is written");
        (dir, zip)
    })
}

/// Every entry of a zip: name → bytes, plus each entry's mode and timestamp.
fn entries(zip: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(zip)).expect("a zip");
    let mut out = BTreeMap::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        out.insert(f.name().unwrap().to_string(), bytes);
    }
    out
}

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Copies a folder tree, creating entries in reverse name order, so the
/// file system lists them differently from a plain copy.
fn copy_reversed(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    let mut names: Vec<_> =
        std::fs::read_dir(from).unwrap().flatten().map(|e| e.path()).collect();
    names.sort();
    names.reverse();
    for p in names {
        let dest = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_reversed(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).unwrap();
        }
    }
}

#[test]
fn bundles_are_identical_across_folders_threads_and_file_order() {
    let (_, reference) = reference();
    // Another folder, files created in reverse order, 2 threads, guides named
    // by an absolute path.
    let other_dir = common::temp_dir("bundle-elsewhere");
    let other = other_dir.join("deeper/project");
    for sub in ["images", "guides", "files"] {
        copy_reversed(&common::root().join(sub), &other.join(sub));
    }
    let guides = other.join("guides");
    let run = guidepress(&other, &["bundle", guides.to_str().unwrap(), "--jobs", "2"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let zip = std::fs::read(zip_in(&other)).unwrap();
    assert!(zip == *reference, "the two bundles differ");
}

#[test]
fn sha256sums_verify_and_entries_are_normalised() {
    let (_, zip) = reference();
    let files = entries(zip);
    let sums = parse_sums(std::str::from_utf8(&files["SHA256SUMS"]).unwrap());
    let listed: Vec<&String> = sums.keys().collect();
    let present: Vec<&String> = files.keys().filter(|n| *n != "SHA256SUMS").collect();
    assert_eq!(listed, present, "SHA256SUMS lists every other entry once");
    for (name, digest) in &sums {
        assert_eq!(&hex(&files[name]), digest, "{name}");
    }
    // sha256sum -c format: "<64 hex>  <path>\n", sorted.
    let text = String::from_utf8(files["SHA256SUMS"].clone()).unwrap();
    for line in text.lines() {
        let (h, p) = line.split_once("  ").unwrap();
        assert!(h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()), "{line}");
        assert!(!p.starts_with('/') && !p.contains(".."), "{line}");
    }
    let names: Vec<&String> = files.keys().collect();
    for prefix in
        ["print/vider-cache.pdf", "pack/aide-informatique-booklet.pdf", "site/index.html"]
    {
        assert!(names.iter().any(|n| *n == prefix), "{prefix} in {names:?}");
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(zip.as_slice())).unwrap();
    let mut order = Vec::new();
    for i in 0..archive.len() {
        let f = archive.by_index(i).unwrap();
        assert_eq!(
            f.unix_mode().map(|m| m & 0o777),
            Some(0o644),
            "{}",
            f.name().unwrap()
        );
        let t = f.last_modified().unwrap();
        assert_eq!(
            (t.year(), t.month(), t.day()),
            (2022, 3, 13),
            "the newest guide date"
        );
        order.push(f.name().unwrap().to_string());
    }
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted, "entries are sorted by path");

    let report: serde_json::Value =
        serde_json::from_slice(&files["report.json"]).unwrap();
    let version = report["version"].as_str().unwrap();
    assert!(version.starts_with("2022-03-13-") && version.len() == 19, "{version}");
    assert!(files.contains_key("pack/aide-informatique-single-large.pdf"), "large print");
    assert_eq!(report["guides"].as_array().unwrap().len(), 6);
    assert_eq!(report["generator"], format!("guidepress {}", env!("CARGO_PKG_VERSION")));
    assert_eq!(report["warnings"], serde_json::json!([]));
}

#[test]
fn source_date_epoch_sets_the_timestamps() {
    let dir = common::project_copy("bundle-epoch");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_guidepress"))
        .env("GUIDEPRESS_UI_LANG", "en")
        .args(["bundle", "--version", "v1.2"])
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let zip = std::fs::read(dir.join("out/bundle/aide-informatique-v1.2.zip")).unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(zip)).unwrap();
    let t = archive.by_index(0).unwrap().last_modified().unwrap();
    assert_eq!(
        (t.year(), t.month(), t.day(), t.hour(), t.minute()),
        (2023, 11, 14, 22, 13)
    );
    let bad = guidepress(&dir, &["bundle", "--version", "../x"]);
    assert_eq!(bad.code, 2, "a usage error");
    assert!(bad.stderr.contains("cannot be used in a file name"), "{}", bad.stderr);
    // Outside what a zip stores: refused, not clamped silently.
    for epoch in ["-5", "99999999999", "315532799"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_guidepress"))
            .env("GUIDEPRESS_UI_LANG", "en")
            .args(["bundle", "--version", "v9", "--no-cache"])
            .env("SOURCE_DATE_EPOCH", epoch)
            .current_dir(&dir)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{epoch}: {stderr}");
        assert!(stderr.contains("outside what a zip can store"), "{stderr}");
    }
    assert!(!dir.join("out/bundle/aide-informatique-v9.zip").exists());
}

fn options(dir: &Path, out: &str, jobs: usize) -> BundleOptions {
    BundleOptions {
        guides_dir: dir.join("guides"),
        images_dir: dir.join("images"),
        out_dir: dir.join(out),
        version: None,
        source_date_epoch: None,
        jobs: Some(jobs),
        cache: true,
    }
}

#[test]
fn an_incremental_rebuild_redoes_only_what_changed_and_matches_a_clean_build() {
    let dir = common::project_copy("bundle-incremental");
    let cold = bundle(&options(&dir, "out", 2)).expect("bundle");
    assert_eq!(
        (cold.work.print.rebuilt, cold.work.web.rebuilt, cold.work.pack.rebuilt),
        (6, 6, 10)
    );
    let first = std::fs::read(&cold.path).unwrap();

    let noop = bundle(&options(&dir, "out", 1)).expect("bundle");
    assert_eq!(
        (noop.work.print.reused, noop.work.web.reused, noop.work.pack.reused),
        (6, 6, 10)
    );
    assert_eq!(
        noop.work.print.rebuilt + noop.work.web.rebuilt + noop.work.pack.rebuilt,
        0
    );
    assert!(
        std::fs::read(&noop.path).unwrap() == first,
        "a no-op rebuild gives the same zip"
    );

    // Touch one guide: its sheet, web edition and handout, and the four packs
    // (three layouts and large print).
    let file = dir.join("guides/vider-cache.json");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replacen("Vider le cache de Firefox", "Vider le cache", 1),
    )
    .unwrap();
    let inc = bundle(&options(&dir, "out", 2)).expect("bundle");
    assert_eq!(inc.work.rebuilt_guides, ["vider-cache"]);
    assert_eq!((inc.work.print.rebuilt, inc.work.print.reused), (1, 5));
    assert_eq!((inc.work.web.rebuilt, inc.work.web.reused), (1, 5));
    assert_eq!((inc.work.pack.rebuilt, inc.work.pack.reused), (5, 5));
    let incremental = std::fs::read(&inc.path).unwrap();
    assert!(incremental != first);

    let clean =
        bundle(&BundleOptions { cache: false, ..options(&dir, "clean", 1) }).unwrap();
    assert!(std::fs::read(&clean.path).unwrap() == incremental, "incremental = clean");
    assert!(!dir.join("clean/.guidepress.cache").exists(), "--no-cache touches no cache");

    // A damaged cache is detected and ignored.
    std::fs::write(dir.join("out/.guidepress.cache/print/index.json"), b"{ garbage")
        .unwrap();
    let blobs = dir.join("out/.guidepress.cache/web/blobs");
    for e in std::fs::read_dir(&blobs).unwrap().flatten().take(2) {
        std::fs::write(e.path(), b"damaged").unwrap();
    }
    let repaired = bundle(&options(&dir, "out", 2)).expect("bundle");
    assert_eq!(repaired.work.print.rebuilt, 6);
    assert!(repaired.work.web.damaged >= 1, "{:?}", repaired.work.web);
    assert!(std::fs::read(&repaired.path).unwrap() == incremental, "repaired = clean");
}

#[test]
fn a_refused_guide_fails_the_bundle_and_keeps_the_previous_zip() {
    let dir = common::project_copy("bundle-refused");
    assert_eq!(guidepress(&dir, &["bundle"]).code, 0);
    let before = std::fs::read(zip_in(&dir)).unwrap();
    let file = dir.join("guides/bouclier-securite.json");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("\"title\":", "\"titel\":", 1)).unwrap();
    let run = guidepress(&dir, &["bundle"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("bouclier-securite.json:"), "{}", run.stderr);
    assert!(run.stderr.contains("unknown field \"titel\""), "{}", run.stderr);
    assert!(run.stderr.contains("no bundle written"), "{}", run.stderr);
    assert!(std::fs::read(zip_in(&dir)).unwrap() == before, "the old zip is intact");
    let names: Vec<_> =
        std::fs::read_dir(dir.join("out/bundle")).unwrap().flatten().collect();
    assert_eq!(names.len(), 1, "no temporary file is left");
}

#[test]
fn the_bundled_site_is_what_guidepress_site_writes() {
    let (dir, zip) = reference();
    let files = entries(zip);
    let site_tmp = common::temp_dir("bundle-site");
    let site_dir = site_tmp.join("site");
    let mut opts = guidepress::output::site::SiteOptions::new(
        dir.join("guides"),
        dir.join("images"),
    );
    opts.out_dir = site_dir.clone();
    guidepress::output::site::build_site(&opts, &|_, _, _| {}).expect("site builds");
    let mut on_disk = BTreeMap::new();
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel =
                    p.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
                out.insert(format!("site/{rel}"), std::fs::read(&p).unwrap());
            }
        }
    }
    walk(&site_dir, &site_dir, &mut on_disk);
    let in_zip: BTreeMap<String, Vec<u8>> =
        files.into_iter().filter(|(n, _)| n.starts_with("site/")).collect();
    assert_eq!(in_zip.keys().collect::<Vec<_>>(), on_disk.keys().collect::<Vec<_>>());
    for (name, bytes) in &in_zip {
        assert!(on_disk[name] == *bytes, "{name} differs from `guidepress site`");
    }
}

#[test]
fn an_unwritable_output_folder_is_a_clear_error() {
    let dir = common::project_copy("bundle-unwritable");
    std::fs::write(dir.join("not-a-folder"), b"x").unwrap();
    let run = guidepress(&dir, &["bundle", "--out", "not-a-folder"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("cannot write the bundle"), "{}", run.stderr);
    assert!(run.stderr.contains("no bundle written"), "{}", run.stderr);
    assert_eq!(std::fs::read(dir.join("not-a-folder")).unwrap(), b"x", "nothing lost");
}

#[test]
fn build_reuses_unchanged_sheets_and_matches_a_clean_build() {
    let dir = common::project_copy("build-incremental");
    let opts = |out: &str| guidepress::output::BuildOptions {
        guides_dir: dir.join("guides"),
        images_dir: dir.join("images"),
        out_dir: dir.join(out),
        jobs: Some(2),
    };
    let build = |out: &str| guidepress::output::build(&opts(out), &|_, _, _| {}).unwrap();
    assert_eq!(build("out").work.rebuilt, 6);
    let again = build("out");
    assert_eq!((again.work.reused, again.work.rebuilt), (6, 0));
    let file = dir.join("guides/premiere-connexion.json");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("i-Cart", "i-Cart (ENT)", 1)).unwrap();
    let inc = build("out");
    assert_eq!((inc.work.reused, inc.work.rebuilt), (5, 1));
    build("clean");
    assert_eq!(
        common::files_in(&dir.join("out/pdf")),
        common::files_in(&dir.join("clean/pdf"))
    );
}

#[test]
fn the_bundle_name_changes_with_its_content_and_holds_large_print() {
    // Issue 12: editing a guide without changing "updated" used to give
    // another zip under the same name.
    let dir = common::project_copy("bundle-name");
    assert_eq!(guidepress(&dir, &["bundle"]).code, 0);
    let first = zip_in(&dir);
    let names = entries(&std::fs::read(&first).unwrap());
    assert!(names.contains_key("pack/aide-informatique-single-large.pdf"));
    // The same sources again: the same name and bytes.
    assert_eq!(guidepress(&dir, &["bundle", "--no-cache"]).code, 0);
    assert_eq!(zip_in(&dir), first);
    let file = dir.join("guides/vider-cache.json");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("Firefox", "Mozilla Firefox", 1)).unwrap();
    assert_eq!(guidepress(&dir, &["bundle"]).code, 0);
    let bundles: Vec<_> =
        std::fs::read_dir(dir.join("out/bundle")).unwrap().flatten().collect();
    assert_eq!(bundles.len(), 2, "a new name, the old zip untouched");
}
