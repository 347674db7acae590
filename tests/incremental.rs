//! `pack` and `site` skip unchanged work through the cache that `build` and
//! `bundle` use: a second run with nothing changed reuses everything and
//! writes the same bytes; touching one guide redoes only what depends on it.

mod common;

use std::path::Path;

use guidepress::layout::pack::{PackLayout, PackOptions};
use guidepress::output::fs::pack_cache_root;
use guidepress::output::pack::{pack, PackJob, PackReport};
use guidepress::output::site::{build_site, SiteOptions, SiteReport};

fn pack_job(dir: &Path, layout: PackLayout, only: &[&str], out: &Path) -> PackJob {
    PackJob {
        guides_dir: dir.join("guides"),
        images_dir: dir.join("images"),
        out: Some(out.to_path_buf()),
        options: PackOptions { layout, ..PackOptions::default() },
        only: only.iter().map(|s| s.to_string()).collect(),
        jobs: Some(2),
    }
}

fn run_pack(job: &PackJob) -> PackReport {
    pack(job).unwrap_or_else(|e| panic!("the pack does not build: {e:?}"))
}

fn run_site(dir: &Path, out: &Path, jobs: Option<usize>) -> SiteReport {
    let opts = SiteOptions {
        out_dir: out.to_path_buf(),
        jobs,
        ..SiteOptions::new(dir.join("guides"), dir.join("images"))
    };
    build_site(&opts, &|_, _, _| {}).unwrap_or_else(|d| panic!("no site: {d:#?}"))
}

fn touch_one_guide(dir: &Path) {
    let file = dir.join("guides/vider-cache.json");
    let text = std::fs::read_to_string(&file).unwrap();
    let changed = text.replacen("Vider le cache de Firefox", "Vider le cache", 1);
    assert_ne!(text, changed);
    std::fs::write(&file, changed).unwrap();
}

#[test]
fn pack_cache_goes_next_to_the_pack_folder() {
    assert_eq!(pack_cache_root(Path::new("out/pack/a.pdf")), Path::new("out"));
    assert_eq!(pack_cache_root(Path::new("pack/a.pdf")), Path::new("."));
    assert_eq!(pack_cache_root(Path::new("x/a.pdf")), Path::new("x"));
    assert_eq!(pack_cache_root(Path::new("a.pdf")), Path::new("."));
}

#[test]
fn a_second_pack_reuses_the_first_and_a_change_redoes_it() {
    let dir = common::project_copy("incremental-pack");
    let out = dir.join("out/pack/p.pdf");
    for (layout, only) in
        [(PackLayout::Booklet, &[][..]), (PackLayout::Handout, &["vider-cache"][..])]
    {
        let job = pack_job(&dir, layout, only, &out);
        let cold = run_pack(&job);
        assert_eq!((cold.work.rebuilt, cold.work.reused), (1, 0), "{layout:?}");
        let first = std::fs::read(&out).unwrap();

        let warm = run_pack(&job);
        assert_eq!((warm.work.rebuilt, warm.work.reused), (0, 1), "{layout:?}");
        assert!(std::fs::read(&out).unwrap() == first, "same bytes, {layout:?}");
        assert_eq!(
            (warm.pages, warm.sides, warm.bytes, &warm.starts),
            (cold.pages, cold.sides, cold.bytes, &cold.starts)
        );
        assert_eq!(warm.warnings.len(), cold.warnings.len());

        // Other options are another pack.
        let large = PackJob {
            options: PackOptions { large_print: true, ..job.options.clone() },
            ..job.clone()
        };
        assert_eq!(run_pack(&large).work.rebuilt, 1, "{layout:?}");
    }
    assert!(dir.join("out/.guidepress.cache/pack/index.json").is_file());

    // A changed guide redoes the pack, the same as a pack made without cache.
    touch_one_guide(&dir);
    let job = pack_job(&dir, PackLayout::Booklet, &[], &out);
    let inc = run_pack(&job);
    assert_eq!((inc.work.rebuilt, inc.work.reused), (1, 0));
    let incremental = std::fs::read(&out).unwrap();
    let clean_out_dir = common::temp_dir("incremental-pack-clean");
    let clean_out = clean_out_dir.join("p.pdf");
    run_pack(&PackJob { out: Some(clean_out.clone()), ..job });
    assert!(std::fs::read(&clean_out).unwrap() == incremental, "incremental = clean");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn pack_and_site_leave_a_folder_s_own_cache_alone() {
    // `--out ~/x.pdf` once kept its cache in `~/.cache/pack/blobs` and pruned
    // files there it had not written.
    let dir = common::project_copy("incremental-own-cache");
    let home = common::temp_dir("incremental-own-cache-home");
    let theirs: Vec<_> = ["pack", "web"]
        .iter()
        .map(|ns| home.join(".cache").join(ns).join("blobs").join("0".repeat(64)))
        .collect();
    for f in &theirs {
        std::fs::create_dir_all(f.parent().unwrap()).unwrap();
        std::fs::write(f, b"the user's own").unwrap();
    }
    let out = home.join("x.pdf");
    for _ in 0..2 {
        run_pack(&pack_job(&dir, PackLayout::Booklet, &["vider-cache"], &out));
        run_site(&dir, &home.join("site"), Some(1));
    }
    for f in &theirs {
        assert_eq!(std::fs::read(f).unwrap(), b"the user's own", "{}", f.display());
    }
    let ours = home.join(".guidepress.cache");
    assert!(
        ours.join("pack/index.json").is_file() && ours.join("web/index.json").is_file()
    );
    let tag = std::fs::read_to_string(ours.join("CACHEDIR.TAG")).unwrap();
    assert!(tag.starts_with("Signature: 8a477f597d28d172789f06886806bc55\n"), "{tag}");
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn a_second_site_reuses_every_web_edition_and_one_change_redoes_one() {
    let dir = common::project_copy("incremental-site");
    let site = dir.join("out/site");
    let cold = run_site(&dir, &site, Some(2));
    let n = cold.guides.len();
    assert!(n > 1);
    assert_eq!((cold.work.rebuilt, cold.work.reused), (n, 0));
    assert!(dir.join("out/.guidepress.cache/web/index.json").is_file());
    assert!(!site.join(".guidepress.cache").exists(), "the cache is not in the site");
    let first = common::tree(&site);

    let warm = run_site(&dir, &site, Some(1));
    assert_eq!((warm.work.rebuilt, warm.work.reused), (0, n));
    assert!(common::tree(&site) == first, "a no-op rebuild gives the same site");
    assert_eq!(warm.guides, cold.guides);
    assert_eq!(warm.warnings.len(), cold.warnings.len());

    touch_one_guide(&dir);
    let inc = run_site(&dir, &site, Some(2));
    assert_eq!((inc.work.rebuilt, inc.work.reused), (1, n - 1));
    let incremental = common::tree(&site);
    assert!(incremental != first);

    // The same as a site built from nothing, in a folder without a cache.
    let clean_site_dir = common::temp_dir("incremental-site-clean");
    let clean_site = clean_site_dir.join("site");
    let clean = run_site(&dir, &clean_site, None);
    assert_eq!(clean.work.reused, 0);
    assert!(common::tree(&clean_site) == incremental, "incremental = clean");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_bundle_and_a_site_share_their_web_editions() {
    let dir = common::project_copy("incremental-shared");
    let opts = guidepress::output::bundle::BundleOptions {
        guides_dir: dir.join("guides"),
        images_dir: dir.join("images"),
        out_dir: dir.join("out"),
        version: None,
        source_date_epoch: None,
        jobs: Some(2),
        cache: true,
    };
    let b = guidepress::output::bundle(&opts).expect("bundle");
    let site = run_site(&dir, &dir.join("out/site"), Some(2));
    assert_eq!((site.work.rebuilt, site.work.reused), (0, b.work.web.rebuilt));
    let again = guidepress::output::bundle(&opts).expect("bundle");
    assert_eq!(again.work.web.rebuilt, 0);
    let _ = std::fs::remove_dir_all(&dir);
}
