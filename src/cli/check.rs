//! `guidepress check`: validate everything, write nothing.

use guidepress::output::build::{load, render_sheet, with_pool};
use guidepress::pdf::PdfOptions;
use rayon::prelude::*;

use super::args::CheckArgs;
use super::report::print_diagnostics;

/// Runs the checks and returns the exit code.
pub fn run(args: &CheckArgs) -> i32 {
    let images = args.source.images_dir();
    let loaded = match load(&args.source.guides, &images) {
        Ok(l) => l,
        Err(diags) => {
            print_diagnostics(&diags);
            return super::FAILED;
        }
    };
    // Lay out and render in memory too: this catches what only layout and
    // the PDF validator can see (missing glyphs, accessibility problems).
    let pdf = PdfOptions::default();
    let mut diags = loaded.warnings.clone();
    let per_guide: Vec<_> = with_pool(None, || {
        loaded
            .guides
            .par_iter()
            .map(|g| {
                let mut d = g.warnings.clone();
                match &g.result {
                    Err(e) => d.extend(e.iter().cloned()),
                    Ok(guide) => match render_sheet(guide, &loaded.collection, &pdf) {
                        Ok((_, _, w)) => d.extend(w),
                        Err(e) => d.push(e),
                    },
                }
                d
            })
            .collect()
    });
    for d in per_guide {
        diags.extend(d);
    }
    print_diagnostics(&diags);
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let bad = loaded.guides.iter().filter(|g| g.result.is_err()).count();
    let warnings = diags.len() - errors;
    println!(
        "{} guides checked: {} ok, {} with errors, {} warning{}",
        loaded.guides.len(),
        loaded.guides.len() - bad,
        bad,
        warnings,
        if warnings == 1 { "" } else { "s" }
    );
    if errors > 0 {
        super::FAILED
    } else {
        super::OK
    }
}
