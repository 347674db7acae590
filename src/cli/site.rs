//! `guidepress site`: the folder the webmaster uploads.

use guidepress::model::labels;
use guidepress::output::site::{
    build_site, normalize_base_url, parse_standards, SiteLinks, SiteOptions,
};

use super::args::SiteArgs;
use super::report::{print_diagnostics, progress_bar, report_failure, report_progress};

/// Resolves the flags into options, or says what is wrong with them.
fn options(args: &SiteArgs) -> Result<SiteOptions, String> {
    let standards = parse_standards(&args.pdf_standard)?;
    let links = match (&args.base_url, args.relative) {
        (Some(url), _) => SiteLinks::Base(
            normalize_base_url(url).map_err(|m| format!("--base-url: {m}"))?,
        ),
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
        // A standard or base URL the site cannot be built for is a failure
        // of the job (exit 1), like a guide that cannot meet the standard.
        Err(m) => {
            eprintln!("error: {m}");
            return super::FAILED;
        }
    };
    let bar = progress_bar(0);
    let progress = report_progress(&bar);
    let result = build_site(&opts, &progress);
    bar.finish_and_clear();
    match result {
        Err(failure) => {
            let kept =
                format!("site not built; {} left unchanged", opts.out_dir.display());
            report_failure(&failure, Some(&kept))
        }
        Ok(report) => {
            print_diagnostics(&report.warnings);
            let bytes: u64 = report.guides.iter().map(|g| g.bytes).sum();
            let standards: Vec<&str> = opts.standards.iter().map(|s| s.name()).collect();
            println!(
                "{} guides, {} attachment{}, {} of PDF ({}) → {}",
                report.guides.len(),
                report.files.len(),
                if report.files.len() == 1 { "" } else { "s" },
                labels::size(bytes, guidepress::model::Lang::En),
                if standards.is_empty() {
                    "no standard".into()
                } else {
                    standards.join(" + ")
                },
                opts.out_dir.join("index.html").display()
            );
            super::OK
        }
    }
}
