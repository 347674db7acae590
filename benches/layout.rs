//! Benchmark: layout alone (no PDF), per sheet, on the bundled guides in
//! every edition, and on paragraphs made of line breaks (how line layout
//! grows with a paragraph's length).
//!
//! Run: `cargo bench --bench layout` (add a number of runs, default 20; add
//! `--breaks 1000,2000,4000` to choose the paragraph lengths, `--only
//! sheets`, `packs` or `breaks` for one part). Times are the median of the
//! runs, one thread. Under `valgrind --tool=callgrind` (instruction counts,
//! steady on a noisy machine): `--only sheets 10`, then divide by the
//! sheets laid out (each run lays out every bundled guide once, plus one).

use std::path::{Path, PathBuf};
use std::time::Instant;

use guidepress::layout::pack::{layout_pack, PackLayout, PackOptions};
use guidepress::layout::{layout_guide, LayoutOptions};
use guidepress::model::{load, Block, Guide, Inline, LoadOptions, Located};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Median milliseconds of `runs` calls of `f`.
fn time(runs: usize, mut f: impl FnMut()) -> f64 {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect(),
    )
}

/// A guide whose one paragraph is `text`.
fn paragraph_guide(base: &Guide, text: String) -> Guide {
    let mut g = base.clone();
    g.body = vec![Located {
        value: Block::Paragraph { text: Inline::plain(text) },
        path: "body[0]".into(),
    }];
    g
}

/// A guide whose one table has a cell of `text`.
fn cell_guide(base: &Guide, text: String) -> Guide {
    let mut g = base.clone();
    g.body = vec![Located {
        value: Block::Table {
            header: None,
            rows: vec![vec![Inline::plain("a"), Inline::plain(text)]],
        },
        path: "body[0]".into(),
    }];
    g
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let runs: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(20).max(1);
    let only = args.iter().position(|a| a == "--only").and_then(|i| args.get(i + 1));
    let part = |name: &str| only.is_none_or(|o| o == name);
    let breaks: Vec<usize> = args
        .iter()
        .position(|a| a == "--breaks")
        .and_then(|i| args.get(i + 1))
        .map(|l| l.split(',').filter_map(|n| n.parse().ok()).collect())
        .unwrap_or_else(|| vec![500, 1000, 2000]);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let opts =
        LoadOptions { guides_dir: root.join("guides"), images_dir: root.join("images") };
    let loaded = load(&opts).expect("bundled collection loads");
    let guides: Vec<&Guide> =
        loaded.guides.iter().filter_map(|g| g.result.as_ref().ok()).collect();
    let c = &loaded.collection;
    println!(
        "guidepress {} — layout only, one thread, median of {runs}",
        env!("CARGO_PKG_VERSION")
    );

    if part("sheets") {
        println!("\nsheet\tpages\tlayout_ms");
        let mut total = 0.0;
        for g in &guides {
            let lo = LayoutOptions::for_collection(c);
            let pages = layout_guide(g, c, &lo).document.pages.len();
            let ms = time(runs, || {
                std::hint::black_box(layout_guide(g, c, &lo));
            });
            total += ms;
            println!("{}\t{pages}\t{ms:.3}", g.id);
        }
        println!("mean per sheet\t\t{:.3}", total / guides.len() as f64);
    }
    if part("packs") {
        println!("\npack\toptions\tpages\tlayout_ms\tms_per_guide");
        // One thread, so that the figure is per guide and not per core.
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
        pool.install(|| {
            for layout in PackLayout::ALL {
                for large_print in [false, true] {
                    let picked: &[&Guide] = if layout == PackLayout::Handout {
                        &guides[..1]
                    } else {
                        &guides
                    };
                    let po =
                        PackOptions { layout, large_print, ..PackOptions::default() };
                    let lay = || {
                        layout_pack(picked, c, Path::new("collection.json"), &po)
                            .expect("pack lays out")
                    };
                    let pages = lay().pages;
                    let ms = time(runs.div_ceil(4), || {
                        std::hint::black_box(lay());
                    });
                    let name = if large_print { "large print" } else { "" };
                    println!(
                        "{}\t{name}\t{pages}\t{ms:.2}\t{:.3}",
                        layout.name(),
                        ms / picked.len() as f64
                    );
                }
            }
        });
    }
    if !part("breaks") {
        return;
    }
    println!("\nparagraph of\tbreaks\tlayout_ms\tms_per_1000_breaks");
    let lo = LayoutOptions::for_collection(c);
    for &n in &breaks {
        for (name, make) in [
            ("\\n", paragraph_guide(guides[0], "\n".repeat(n))),
            ("\\n + space", paragraph_guide(guides[0], "\n ".repeat(n))),
            ("table cell \\n", cell_guide(guides[0], "\n".repeat(n))),
        ] {
            let ms = time(1, || {
                std::hint::black_box(layout_guide(&make, c, &lo));
            });
            println!("{name}\t{n}\t{ms:.1}\t{:.2}", ms / n as f64 * 1000.0);
        }
    }
}
