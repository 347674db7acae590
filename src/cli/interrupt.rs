//! Ctrl+C during a job that writes: the first asks it to stop cleanly (no
//! partial file, earlier outputs kept), a second one quits at once.

use std::sync::atomic::{AtomicUsize, Ordering};

use guidepress::output::interrupt;

/// Installs the Ctrl+C handler (once; later calls do nothing).
pub fn install() {
    let presses = AtomicUsize::new(0);
    let _ = ctrlc::set_handler(move || {
        if presses.fetch_add(1, Ordering::SeqCst) == 0 {
            interrupt::request();
            eprintln!("\n{}", super::lang::t(guidepress::msg!("stopping")));
        } else {
            std::process::exit(super::INTERRUPTED);
        }
    });
}
