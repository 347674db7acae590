//! `guidepress site`: the folder the webmaster uploads.

use guidepress::i18n::{Arg, Msg};
use guidepress::msg;
use guidepress::output::site::{
    build_site, normalize_base_url, parse_standards, SiteLinks, SiteOptions,
};

use super::args::SiteArgs;
use super::report::{print_diagnostics, progress_bar, report_failure, report_progress};

/// Resolves the flags into options, or says what is wrong with them.
fn options(args: &SiteArgs) -> Result<SiteOptions, Msg> {
    let standards = parse_standards(&args.pdf_standard)?;
    let links = match (&args.base_url, args.relative) {
        (Some(url), _) => SiteLinks::Base(normalize_base_url(url)?),
        (None, true) => SiteLinks::Relative,
        (None, false) => SiteLinks::Collection,
    };
    Ok(SiteOptions {
        guides_dir: args.source.guides.clone(),
        images_dir: args.source.images_dir(),
        out_dir: args.out.clone(),
        links,
        standards,
        jobs: args.jobs.map(usize::from),
    })
}

/// Builds the site and returns the exit code.
pub fn run(args: &SiteArgs) -> i32 {
    let opts = match options(args) {
        Ok(o) => o,
        // An unknown standard or a malformed base URL is a wrong command
        // line: a usage error (exit 2), as the README promises.
        Err(m) => {
            super::lang::error(m);
            return super::USAGE;
        }
    };
    let bar = progress_bar(0);
    let progress = report_progress(&bar);
    let result = build_site(&opts, &progress);
    bar.finish_and_clear();
    match result {
        Err(failure) => {
            let dir = opts.out_dir.display().to_string();
            report_failure(&failure, Some(msg!("site-not-built", dir = dir)))
        }
        Ok(report) => {
            print_diagnostics(&report.warnings);
            let bytes: u64 = report.guides.iter().map(|g| g.bytes).sum();
            let standards: Vec<&str> = opts.standards.iter().map(|s| s.name()).collect();
            let summary = msg!(
                "summary-site",
                guides = report.guides.len(),
                files = report.files.len(),
                size = Arg::Size(bytes),
                standards = if standards.is_empty() {
                    Arg::from(msg!("no-standard"))
                } else {
                    Arg::Text(standards.join(" + "))
                }
            );
            let index = opts.out_dir.join("index.html");
            println!("{} → {}", super::lang::t(summary), index.display());
            super::OK
        }
    }
}
