//! `guidepress bundle`: the release zip, with a summary of what was redone.

use std::time::Instant;

use guidepress::output::bundle;
use guidepress::output::bundle::{BundleOptions, BundleReport};
use guidepress::output::cache::CacheStats;
use guidepress::output::diagnostics::display_path;

use super::args::BundleArgs;
use super::report::{print_diagnostics, report_failure};

/// Builds the bundle and returns the exit code.
pub fn run(args: &BundleArgs) -> i32 {
    let source_date_epoch = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) if !v.trim().is_empty() => match v.trim().parse::<i64>() {
            Ok(secs) => Some(secs),
            Err(_) => {
                eprintln!("error: SOURCE_DATE_EPOCH=\"{v}\" is not a number of seconds");
                return super::USAGE;
            }
        },
        _ => None,
    };
    let opts = BundleOptions {
        guides_dir: args.source.guides.clone(),
        images_dir: args.source.images_dir(),
        out_dir: args.out.clone(),
        version: args.version.clone(),
        source_date_epoch,
        jobs: args.jobs.map(usize::from),
        cache: !args.no_cache,
    };
    let start = Instant::now();
    match bundle(&opts) {
        Err(failure) => report_failure(&failure, Some("no bundle written")),
        Ok(report) => {
            print_diagnostics(&report.warnings);
            summary(&report, start.elapsed().as_secs_f64());
            super::OK
        }
    }
}

fn summary(r: &BundleReport, secs: f64) {
    let w = r.warnings.len();
    println!(
        "{} guides, {} packs, {} files, {:.1} MB{} → {} in {secs:.2} s",
        r.report.guides.len(),
        r.report.packs.len(),
        r.report.sizes.files,
        r.bytes as f64 / 1e6,
        if w > 0 {
            format!(", {w} warning{}", if w > 1 { "s" } else { "" })
        } else {
            String::new()
        },
        display_path(&r.path),
    );
    let line = |name: &str, s: CacheStats| {
        format!("{name} {} rebuilt, {} reused", s.rebuilt, s.reused)
    };
    println!(
        "work: {}; {}; {}",
        line("print", r.work.print),
        line("web", r.work.web),
        line("pack", r.work.pack)
    );
}
