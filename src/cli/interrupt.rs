//! Ctrl+C at any moment. The handler is installed before anything else runs
//! (before the arguments are parsed): until a job that checks for a stop
//! has started, Ctrl+C quits at once (exit 130), nothing being written yet;
//! during such a job, the first one asks it to stop cleanly (no partial
//! file, earlier outputs kept), a second one quits at once.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use guidepress::output::interrupt;

/// Whether the running command checks [`interrupt::requested`] (set by
/// [`jobs_check`]); until then Ctrl+C ends the process.
static CHECKED: AtomicBool = AtomicBool::new(false);

/// Installs the Ctrl+C handler (once; later calls do nothing).
pub fn install() {
    let presses = AtomicUsize::new(0);
    let _ = ctrlc::set_handler(move || {
        if CHECKED.load(Ordering::SeqCst) && presses.fetch_add(1, Ordering::SeqCst) == 0 {
            interrupt::request();
            eprintln!("\n{}", super::lang::t(guidepress::msg!("stopping")));
        } else {
            std::process::exit(super::INTERRUPTED);
        }
    });
}

/// From now on the command checks for a stop between its steps: the first
/// Ctrl+C asks it to stop instead of ending the process.
pub fn jobs_check() {
    CHECKED.store(true, Ordering::SeqCst);
}
