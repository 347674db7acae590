//! Stopping on request (Ctrl+C): the command line raises a flag; jobs check
//! it between guides and before they write, stop without leaving a partial
//! file, and report what was done.

use crate::i18n::Msg;
use crate::msg;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::model::Diagnostic;

static REQUESTED: AtomicBool = AtomicBool::new(false);

/// Asks running jobs to stop as soon as they safely can.
pub fn request() {
    REQUESTED.store(true, Ordering::SeqCst);
}

/// Whether a stop was asked for.
pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}

/// The error a job returns when it stopped on request; `out` is what it
/// was writing and `kept` what became of it.
pub fn stopped(out: &Path, kept: Msg) -> Diagnostic {
    Diagnostic::error("interrupted", out, msg!("interrupted", kept = kept))
        .help(msg!("interrupted-help"))
}
