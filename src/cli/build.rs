//! `guidepress build`: one PDF per guide.

use guidepress::msg;
use guidepress::output::{build, BuildOptions};

use super::lang::t;

use super::args::BuildArgs;
use super::report::{print_diagnostics, progress_bar, report_failure, report_progress};

/// Runs the build and returns the exit code.
pub fn run(args: &BuildArgs) -> i32 {
    let opts = BuildOptions {
        guides_dir: args.source.guides.clone(),
        images_dir: args.source.images_dir(),
        out_dir: args.out.clone(),
        jobs: args.jobs.map(usize::from),
    };
    let bar = progress_bar(0);
    let progress = report_progress(&bar);
    let result = build(&opts, &progress);
    bar.finish_and_clear();
    match result {
        Err(failure) => {
            let interrupted = guidepress::output::interrupt::requested();
            report_failure(&failure, (!interrupted).then(|| msg!("nothing-built")))
        }
        Ok(report) => {
            let failed: Vec<_> =
                report.failed.iter().flat_map(|(_, d)| d.iter()).collect();
            print_diagnostics(failed.into_iter().chain(report.warnings.iter()));
            let pdf_dir = opts.out_dir.join("pdf");
            println!("{} → {}", t(report.summary()), pdf_dir.display());
            if report.failed.is_empty() {
                super::OK
            } else {
                super::FAILED
            }
        }
    }
}
