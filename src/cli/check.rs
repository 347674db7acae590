//! `guidepress check`: validate everything, write nothing, report in the asked format.

use guidepress::msg;
use guidepress::output::check::{check, json_text, CheckOptions, CheckReport};
use guidepress::output::diagnostics::github_annotation;

use super::lang::t;

use super::args::{CheckArgs, DiagnosticFormat};
use super::report::print_diagnostics;

/// Runs the checks and returns the exit code.
pub fn run(args: &CheckArgs) -> i32 {
    let opts = CheckOptions {
        guides_dir: args.source.guides.clone(),
        images_dir: args.source.images_dir(),
        jobs: None,
    };
    let report = check(&opts);
    print(&report, args.format);
    if report.passes(args.deny_warnings) {
        super::OK
    } else {
        if args.format == DiagnosticFormat::Human
            && report.summary.errors == 0
            && args.deny_warnings
        {
            eprintln!("{}", t(msg!("failing-warnings")));
        }
        super::FAILED
    }
}

/// Prints the report: people read standard error, tools read standard output.
fn print(report: &CheckReport, format: DiagnosticFormat) {
    let s = report.summary;
    let summary = t(msg!(
        "summary-check",
        guides = s.guides,
        ok = s.ok,
        failed = s.failed,
        warnings = s.warnings
    ));
    match format {
        DiagnosticFormat::Human => {
            print_diagnostics(&report.diagnostics);
            println!("{summary}");
        }
        DiagnosticFormat::Json => print!("{}", json_text(report, super::lang::lang())),
        DiagnosticFormat::Github => {
            for d in &report.diagnostics {
                println!("{}", github_annotation(d));
            }
            println!("{summary}");
        }
    }
}
