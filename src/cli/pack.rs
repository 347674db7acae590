//! `guidepress pack`: the whole collection as one PDF for the office printer.

use guidepress::layout::pack::{PackLayout, PackOptions};
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
        eprintln!(
            "error: --fold-marks marks the middle of 2up and booklet sheets; \
             add --layout 2up or --layout booklet"
        );
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
        Err(failure) => report_failure(&failure, Some("no pack written")),
        Ok(report) => {
            print_diagnostics(&report.warnings);
            let sheets = if report.sides == report.pages {
                String::new()
            } else {
                format!(" on {} sheet sides", report.sides)
            };
            println!(
                "{} guide{}, {} pages{sheets} ({}) → {}",
                report.starts.len(),
                if report.starts.len() == 1 { "" } else { "s" },
                report.pages,
                report.layout.name(),
                report.path.display()
            );
            super::OK
        }
    }
}
