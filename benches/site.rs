//! Benchmark: the web site of the bundled collection (median build time),
//! and the size of each guide's web PDF against its print edition.
//!
//! Run: `cargo bench --bench site` (add a number of runs, default 5).

use std::path::PathBuf;
use std::time::Instant;

use guidepress::output::site::{build_site, SiteOptions};
use guidepress::output::{build, BuildOptions};

fn main() {
    let runs: usize = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .find_map(|a| a.parse().ok())
        .unwrap_or(5)
        .max(1);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let tmp = std::env::temp_dir()
        .join(format!("guidepress-bench-site-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let (guides, images) = (root.join("guides"), root.join("images"));

    let mut times = Vec::new();
    for i in 0..runs {
        // A folder of its own per run: the site's cache lives beside the
        // site, and a run must not reuse the previous one's work.
        let opts = SiteOptions {
            out_dir: tmp.join(format!("run-{i}/site")),
            ..SiteOptions::new(&guides, &images)
        };
        let t = Instant::now();
        build_site(&opts, &|_, _, _| {}).expect("the bundled site builds");
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    println!(
        "guidepress {} — bundled collection, {cores} cores",
        env!("CARGO_PKG_VERSION")
    );
    println!("site build: median {:.0} ms over {runs} runs", times[times.len() / 2]);

    let print = BuildOptions {
        guides_dir: guides.clone(),
        images_dir: images.clone(),
        out_dir: tmp.join("print"),
        jobs: None,
    };
    let report = build(&print, &|_, _, _| {}).expect("the bundled guides build");
    println!("guide\tprint_KB\tweb_KB\tweb/print");
    for b in &report.built {
        let web =
            std::fs::metadata(tmp.join("run-0/site/pdf").join(format!("{}.pdf", b.id)))
                .map(|m| m.len())
                .unwrap_or(0);
        println!(
            "{}\t{:.1}\t{:.1}\t{:.2}",
            b.id,
            b.bytes as f64 / 1024.0,
            web as f64 / 1024.0,
            web as f64 / b.bytes as f64
        );
    }
    let _ = std::fs::remove_dir_all(&tmp);
}
