//! The command line: parses arguments, runs one subcommand, prints, exits.

pub mod args;
mod build;
mod bundle;
mod check;
mod clap_error;
mod help;
mod interrupt;
mod lang;
mod new;
mod pack;
mod report;
mod schema;
mod site;
mod watch;

use clap::{CommandFactory, FromArgMatches};

/// Exit code: everything went well.
pub const OK: i32 = 0;
/// Exit code: some input was refused or some output could not be written.
pub const FAILED: i32 = 1;
/// Exit code: the command line itself was wrong.
pub const USAGE: i32 = 2;
/// Exit code: stopped by Ctrl+C (128 + SIGINT, as shells report it).
pub const INTERRUPTED: i32 = 130;

/// Runs the CLI and returns the process exit code.
pub fn run() -> i32 {
    // First of all: a Ctrl+C while the arguments are read ends the process
    // with 130, as one during the job does (`watch` once missed one).
    interrupt::install();
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let ui = lang::init(&argv);
    let command = help::localise(args::Cli::command(), ui);
    let parsed =
        command.try_get_matches_from(argv).and_then(|m| args::Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { USAGE } else { OK };
            match clap_error::render(&e, ui) {
                Some(text) => eprint!("{text}"),
                None => {
                    let _ = e.print();
                }
            }
            return code;
        }
    };
    use args::Command as C;
    if matches!(
        cli.command,
        C::Build(_) | C::Check(_) | C::Site(_) | C::Pack(_) | C::Bundle(_) | C::Watch(_)
    ) {
        interrupt::jobs_check();
    }
    let code = match cli.command {
        args::Command::Build(a) => build::run(&a),
        args::Command::Check(a) => check::run(&a),
        args::Command::Schema(a) => schema::run(&a),
        args::Command::New(a) => new::run(&a),
        args::Command::Watch(a) => watch::run(&a),
        args::Command::Bundle(a) => bundle::run(&a),
        args::Command::Site(a) => site::run(&a),
        args::Command::Pack(a) => pack::run(&a),
    };
    if guidepress::output::interrupt::requested() {
        return INTERRUPTED;
    }
    code
}
