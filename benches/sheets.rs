//! Benchmark: builds collections of 1, 100, 1000 (and on request 10 000)
//! copies of the reference sheet and reports per-stage time, sheets per
//! second, peak memory and thread scaling.
//!
//! Run: `cargo bench --bench sheets` (add `-- 10000` for larger counts, and
//! `--repeat 3` to print the run with the median time of three).
//! Each measurement runs in a fresh child process so peak memory is its own.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use guidepress::layout::{layout_guide, LayoutOptions};
use guidepress::model::{scan, LoadOptions};
use guidepress::output::fs::write_atomic;
use guidepress::output::lint::figures;
use guidepress::pdf::{prepare_images, write_pdf, PdfOptions};
use rayon::prelude::*;

fn reference() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/reference")
}

/// Writes `n` copies of the reference guide (distinct ids) into `dir/guides`.
fn generate(dir: &Path, n: usize) {
    let src = reference();
    let guide =
        std::fs::read_to_string(src.join("guides/exception-firefox.json")).unwrap();
    let guides = dir.join("guides");
    std::fs::create_dir_all(&guides).unwrap();
    std::fs::copy(src.join("guides/collection.json"), guides.join("collection.json"))
        .unwrap();
    for i in 0..n {
        let id = format!("fiche-{i:05}");
        let text =
            guide.replace("\"id\": \"exception-firefox\"", &format!("\"id\": \"{id}\""));
        std::fs::write(guides.join(format!("{id}.json")), text).unwrap();
    }
    let images = dir.join("images");
    std::fs::create_dir_all(&images).unwrap();
    for e in std::fs::read_dir(src.join("images")).unwrap().flatten() {
        std::fs::copy(e.path(), images.join(e.file_name())).unwrap();
    }
}

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse::<f64>().ok())
        .map(|kb| kb / 1024.0)
        .unwrap_or(f64::NAN)
}

/// One measurement, in this process: prints a tab-separated result line.
fn measure(n: usize, threads: usize) {
    let dir =
        std::env::temp_dir().join(format!("guidepress-bench-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    generate(&dir, n);
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
    let (parse_ns, layout_ns, pdf_ns, write_ns) =
        (AtomicU64::new(0), AtomicU64::new(0), AtomicU64::new(0), AtomicU64::new(0));
    let bytes = AtomicU64::new(0);
    let t0 = Instant::now();
    let total_s = pool.install(|| {
        // As `build` does: list and identify the guides, then read, lay out,
        // write and drop each one.
        let opts = LoadOptions {
            guides_dir: dir.join("guides"),
            images_dir: dir.join("images"),
        };
        let project = scan(&opts).expect("reference collection scans");
        parse_ns.fetch_add(t0.elapsed().as_nanos() as u64, Ordering::Relaxed);
        let lopts = LayoutOptions::for_collection(&project.collection);
        let pdf = PdfOptions::default();
        project.entries.par_iter().for_each(|entry| {
            let t = Instant::now();
            let outcome = project.load_guide(entry);
            let guide = outcome.result.as_ref().expect("reference guide is valid");
            let t0 = Instant::now();
            // Pictures are prepared on another thread during layout.
            prepare_images(figures(guide).into_iter().map(|(f, _)| &f.image));
            let laid = layout_guide(guide, &project.collection, &lopts);
            let t1 = Instant::now();
            let data = write_pdf(&laid.document, &pdf).expect("reference guide renders");
            let t2 = Instant::now();
            write_atomic(&out.join(format!("{}.pdf", guide.id)), &data).unwrap();
            let t3 = Instant::now();
            parse_ns.fetch_add((t0 - t).as_nanos() as u64, Ordering::Relaxed);
            layout_ns.fetch_add((t1 - t0).as_nanos() as u64, Ordering::Relaxed);
            pdf_ns.fetch_add((t2 - t1).as_nanos() as u64, Ordering::Relaxed);
            write_ns.fetch_add((t3 - t2).as_nanos() as u64, Ordering::Relaxed);
            bytes.fetch_add(data.len() as u64, Ordering::Relaxed);
        });
        t0.elapsed().as_secs_f64()
    });
    let ms = |ns: &AtomicU64| ns.load(Ordering::Relaxed) as f64 / 1e6 / n as f64;
    println!(
        "{n}\t{threads}\t{total_s:.4}\t{:.1}\t{:.3}\t{:.3}\t{:.3}\t{:.3}\t{:.1}\t{:.1}",
        n as f64 / total_s,
        ms(&parse_ns),
        ms(&layout_ns),
        ms(&pdf_ns),
        ms(&write_ns),
        peak_rss_mb(),
        bytes.load(Ordering::Relaxed) as f64 / 1024.0 / n as f64,
    );
    let _ = std::fs::remove_dir_all(&dir);
}

fn run_child(n: usize, threads: usize) -> String {
    let exe = std::env::current_exe().unwrap();
    let out = std::process::Command::new(exe)
        .args(["--one", &n.to_string(), &threads.to_string()])
        .output()
        .expect("bench child runs");
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return format!("{n}\t{threads}\tfailed: {}", err.lines().last().unwrap_or(""));
    }
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// The run with the median wall time among `repeat` runs (a noisy machine
/// makes single runs wander; the median of three is steadier).
fn median_run(n: usize, threads: usize, repeat: usize) -> String {
    let mut runs: Vec<(f64, String)> = (0..repeat.max(1))
        .map(|_| {
            let line = run_child(n, threads);
            let wall = line.split('\t').nth(2).and_then(|w| w.parse().ok());
            (wall.unwrap_or(f64::INFINITY), line)
        })
        .collect();
    runs.sort_by(|a, b| a.0.total_cmp(&b.0));
    runs.swap_remove(runs.len() / 2).1
}

fn main() {
    // As the command does.
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    if args.first().map(String::as_str) == Some("--one") {
        let n = args[1].parse().unwrap();
        let t = args[2].parse().unwrap();
        measure(n, t);
        return;
    }
    let repeat = args
        .iter()
        .position(|a| a == "--repeat")
        .and_then(|i| args.get(i + 1))
        .and_then(|r| r.parse().ok())
        .unwrap_or(1);
    let mut counts: Vec<usize> = args
        .iter()
        .enumerate()
        .filter(|(i, _)| *i == 0 || args[i - 1] != "--repeat")
        .filter_map(|(_, a)| a.parse().ok())
        .collect();
    if counts.is_empty() {
        counts = vec![1, 100, 1000];
    }
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    println!(
        "guidepress {} — reference sheet ×N, {cores} cores",
        env!("CARGO_PKG_VERSION")
    );
    println!(
        "sheets\tthreads\twall_s\tsheets/s\tparse_ms/sheet\tlayout_ms/sheet\tpdf_ms/sheet\twrite_ms/sheet\tpeak_MB\tKB/sheet"
    );
    for &n in &counts {
        for threads in [1, cores.max(2)] {
            println!("{}", median_run(n, threads, repeat));
        }
    }
}
