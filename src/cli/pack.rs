//! `guidepress pack`: the whole collection as one PDF for the office printer.

use guidepress::layout::pack::{PackLayout, PackOptions};
use guidepress::msg;
use guidepress::output::pack::{pack, PackJob};

use super::args::{LayoutArg, PackArgs};
use super::report::{print_diagnostics, report_failure};

/// Runs the pack and returns the exit code.
pub fn run(args: &PackArgs) -> i32 {
    let layout = match args.layout {
        LayoutArg::Single => PackLayout::Single,
        LayoutArg::TwoUp => PackLayout::TwoUp,
        LayoutArg::Booklet => PackLayout::Booklet,
        LayoutArg::Handout => PackLayout::Handout,
    };
    if args.fold_marks && layout == PackLayout::Single {
        super::lang::error(msg!("fold-marks-single"));
        return super::USAGE;
    }
    // `--only ',,,'` names no guide: not "every guide".
    if !args.only.is_empty() && args.only.iter().all(|s| s.trim().is_empty()) {
        super::lang::error(msg!("only-names-nothing"));
        return super::USAGE;
    }
    let job = PackJob {
        guides_dir: args.source.guides.clone(),
        images_dir: args.source.images_dir(),
        out: args.out.clone(),
        options: PackOptions {
            layout,
            duplex: args.duplex,
            large_print: args.large_print,
            fold_marks: args.fold_marks,
        },
        only: args
            .only
            .iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
        jobs: args.jobs.map(usize::from),
    };
    match pack(&job) {
        Err(failure) => report_failure(&failure, Some(msg!("no-pack-written"))),
        Ok(report) => {
            print_diagnostics(&report.warnings);
            let sides = if report.sides == report.pages { 0 } else { report.sides };
            let summary = msg!(
                "summary-pack",
                guides = report.starts.len(),
                pages = report.pages,
                sides = sides,
                layout = report.layout.name()
            );
            println!("{} → {}", super::lang::t(summary), report.path.display());
            super::OK
        }
    }
}
