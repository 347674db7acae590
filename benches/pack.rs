//! Benchmark: the print pack of the bundled collection in every layout,
//! with the time spent loading, laying out (all passes, imposition) and
//! writing the PDF (median of several runs, release build).
//!
//! Run: `cargo bench --bench pack` (add a number of runs, default 10).

use std::path::{Path, PathBuf};
use std::time::Instant;

use guidepress::layout::pack::{layout_pack, PackLayout, PackOptions};
use guidepress::model::{load, Guide, LoadOptions};
use guidepress::pdf::{write_pdf, PdfOptions};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let runs: usize = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .find_map(|a| a.parse().ok())
        .unwrap_or(10)
        .max(1);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let opts =
        LoadOptions { guides_dir: root.join("guides"), images_dir: root.join("images") };
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    println!(
        "guidepress {} — bundled collection pack, {cores} cores, median of {runs}",
        env!("CARGO_PKG_VERSION")
    );
    println!(
        "layout\toptions\tpages\tsides\tpasses\tload_ms\tlayout_ms\tpdf_ms\ttotal_ms\tKB"
    );
    for layout in PackLayout::ALL {
        for large_print in [false, true] {
            let (mut load_t, mut layout_t, mut pdf_t) =
                (Vec::new(), Vec::new(), Vec::new());
            let mut facts = (0, 0, 0, 0);
            for _ in 0..runs {
                let t0 = Instant::now();
                let loaded = load(&opts).expect("bundled collection loads");
                let t1 = Instant::now();
                let guides: Vec<&Guide> =
                    loaded.guides.iter().filter_map(|g| g.result.as_ref().ok()).collect();
                let picked = if layout == PackLayout::Handout {
                    &guides[..1]
                } else {
                    &guides[..]
                };
                let po = PackOptions { layout, large_print, ..PackOptions::default() };
                let pack = layout_pack(
                    picked,
                    &loaded.collection,
                    Path::new("collection.json"),
                    &po,
                )
                .expect("pack lays out");
                let t2 = Instant::now();
                let bytes = write_pdf(&pack.document, &PdfOptions::default())
                    .expect("pack renders");
                let t3 = Instant::now();
                load_t.push((t1 - t0).as_secs_f64() * 1e3);
                layout_t.push((t2 - t1).as_secs_f64() * 1e3);
                pdf_t.push((t3 - t2).as_secs_f64() * 1e3);
                facts = (pack.pages, pack.document.pages.len(), pack.passes, bytes.len());
            }
            let (l, y, p) = (median(load_t), median(layout_t), median(pdf_t));
            println!(
                "{}\t{}\t{}\t{}\t{}\t{l:.1}\t{y:.1}\t{p:.1}\t{:.1}\t{:.0}",
                layout.name(),
                if large_print { "large" } else { "-" },
                facts.0,
                facts.1,
                facts.2,
                l + y + p,
                facts.3 as f64 / 1024.0
            );
        }
    }
}
