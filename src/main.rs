//! The `guidepress` command: thin glue over the library.

// The only unsafe code is one allocator setting, in `malloc.rs`.
#![deny(unsafe_code)]

mod cli;
mod malloc;

fn main() {
    malloc::tune();
    std::process::exit(cli::run());
}
