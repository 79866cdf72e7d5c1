//! Ctrl-C: a handler that only sets a flag, so the game can end cleanly (summary shown, history saved,
//! cursor restored, exit code 130). A second Ctrl-C while the first is being handled ends the process at
//! once, after showing the cursor again.

use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

static INTERRUPTED: AtomicBool = AtomicBool::new(false);
static INSTALL: Once = Once::new();

/// Installs the handler (once per process) and returns the flag it sets, cleared for a new game.
pub fn interrupt_flag() -> &'static AtomicBool {
    INSTALL.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            if INTERRUPTED.swap(true, Ordering::SeqCst) {
                let _ = dialoguer::console::Term::stderr().show_cursor();
                std::process::exit(130);
            }
        });
    });
    INTERRUPTED.store(false, Ordering::SeqCst);
    &INTERRUPTED
}
