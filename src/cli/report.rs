//! Printing diagnostics and progress for people at a terminal or in CI logs.

use std::io::IsTerminal;

use guidepress::i18n::Msg;
use guidepress::model::Diagnostic;
use guidepress::msg;
use guidepress::output::Failure;
use indicatif::{ProgressBar, ProgressStyle};

/// Prints diagnostics to standard error, errors first, in a stable order.
/// A warning repeated word for word in more than [`GROUP_FROM`] - 1 files
/// (a picture many guides share) is printed once, with how many more files
/// have it.
pub fn print_diagnostics<'a>(diags: impl IntoIterator<Item = &'a Diagnostic>) {
    let mut all: Vec<&Diagnostic> = diags.into_iter().collect();
    all.sort_by(|a, b| {
        (a.severity, &a.file, a.line, a.column)
            .cmp(&(b.severity, &b.file, b.line, b.column))
    });
    for (d, others) in group_warnings(&all) {
        eprintln!("{}", d.render(super::lang::lang()));
        if others > 0 {
            eprintln!("  {}", super::lang::t(msg!("same-warning", count = others)));
        }
    }
}

/// From how many files an identical warning is printed once.
pub const GROUP_FROM: usize = 3;

/// Each diagnostic to print, with how many identical warnings (same code,
/// message and suggestion, other files) it stands for.
pub fn group_warnings<'a>(all: &[&'a Diagnostic]) -> Vec<(&'a Diagnostic, usize)> {
    let same = |a: &Diagnostic, b: &Diagnostic| {
        !a.is_error()
            && !b.is_error()
            && a.code == b.code
            && a.message == b.message
            && a.suggestion == b.suggestion
    };
    let mut out: Vec<(&Diagnostic, usize)> = Vec::new();
    let mut done = vec![false; all.len()];
    for (i, d) in all.iter().enumerate() {
        if done[i] {
            continue;
        }
        let twins: Vec<usize> =
            (i + 1..all.len()).filter(|&j| !done[j] && same(d, all[j])).collect();
        if twins.len() + 1 >= GROUP_FROM {
            twins.iter().for_each(|&j| done[j] = true);
            out.push((d, twins.len()));
        } else {
            out.push((d, 0));
        }
    }
    out
}

/// Prints why a job failed and returns the exit code: a usage error as
/// `error: …` (2); otherwise every problem, then `then` (what became of the
/// outputs) when given (1).
pub fn report_failure(failure: &Failure, then: Option<Msg>) -> i32 {
    match failure {
        Failure::Usage(message) => {
            super::lang::error(message.clone());
            super::USAGE
        }
        Failure::Refused(diags) => {
            print_diagnostics(diags);
            if let Some(then) = then {
                eprintln!("{}", super::lang::t(then));
            }
            super::FAILED
        }
    }
}

/// A progress bar on a terminal, nothing otherwise.
pub fn progress_bar(len: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}") {
        bar.set_style(style);
    }
    bar
}

/// The callback the build jobs call after each guide: moves `bar` and shows
/// the guide's id.
pub fn report_progress(bar: &ProgressBar) -> impl Fn(usize, usize, &str) + Sync + '_ {
    move |n, total, id| {
        bar.set_length(total as u64);
        bar.set_position(n as u64);
        bar.set_message(id.to_string());
    }
}
