//! `guidepress bundle`: the release zip, with a summary of what was redone.

use std::time::Instant;

use guidepress::i18n::{Arg, UiLang};
use guidepress::msg;
use guidepress::output::bundle;
use guidepress::output::bundle::archive::ZIP_SECONDS;
use guidepress::output::bundle::valid_version;

use super::lang::{lang, t};
use guidepress::output::bundle::{BundleOptions, BundleReport};
use guidepress::output::cache::CacheStats;
use guidepress::output::diagnostics::display_path;

use super::args::BundleArgs;
use super::report::{print_diagnostics, report_failure};

/// Builds the bundle and returns the exit code.
pub fn run(args: &BundleArgs) -> i32 {
    let source_date_epoch = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) if !v.trim().is_empty() => match v.trim().parse::<i64>() {
            Ok(secs) if ZIP_SECONDS.contains(&secs) => Some(secs),
            Ok(_) => {
                let (first, last) = (*ZIP_SECONDS.start(), *ZIP_SECONDS.end());
                let (first, last) = (first.to_string(), last.to_string());
                let m = msg!(
                    "source-date-epoch-out-of-range",
                    value = v,
                    first = first,
                    last = last
                );
                super::lang::error(m);
                return super::USAGE;
            }
            Err(_) => {
                super::lang::error(msg!("bad-source-date-epoch", value = v));
                return super::USAGE;
            }
        },
        _ => None,
    };
    // A version that cannot be a file name is a wrong command line.
    if let Some(v) = args.version.as_deref().filter(|v| !valid_version(v)) {
        super::lang::error(msg!("bad-version", version = v));
        super::lang::help(msg!("bad-version-help"));
        return super::USAGE;
    }
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
        Err(failure) => report_failure(&failure, Some(msg!("no-bundle-written"))),
        Ok(report) => {
            print_diagnostics(&report.warnings);
            summary(&report, start.elapsed().as_secs_f64());
            super::OK
        }
    }
}

fn summary(r: &BundleReport, secs: f64) {
    let summary = msg!(
        "summary-bundle",
        guides = r.report.guides.len(),
        packs = r.report.packs.len(),
        files = r.report.sizes.files,
        size = Arg::Size(r.bytes as u64),
        warnings = r.warnings.len()
    );
    let seconds = if lang() == UiLang::Fr {
        format!("{secs:.2}").replace('.', ",")
    } else {
        format!("{secs:.2}")
    };
    let timing = msg!("in-seconds", seconds = seconds);
    println!("{} → {} {}", t(summary), display_path(&r.path), t(timing));
    let line = |name: &'static str, s: CacheStats| {
        msg!("work-line", what = name, rebuilt = s.rebuilt, reused = s.reused)
    };
    let work = msg!(
        "summary-work",
        print = line("print", r.work.print),
        web = line("web", r.work.web),
        pack = line("pack", r.work.pack)
    );
    println!("{}", t(work));
}
