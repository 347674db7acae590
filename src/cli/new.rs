//! `guidepress new`: write a starter guide that `check` accepts.

use super::lang::t;
use guidepress::msg;
use guidepress::output::new::{create_guide, today, StarterError};

use super::args::NewArgs;

/// Writes the guide and returns the exit code: 2 for an invalid id, 1 when
/// the file exists or cannot be written.
pub fn run(args: &NewArgs) -> i32 {
    match create_guide(&args.guides, &args.id, args.title.as_deref(), today()) {
        Ok(path) => {
            println!("{}", t(msg!("new-wrote", path = path.display().to_string())));
            println!("{}", t(msg!("new-next", id = &args.id)));
            super::OK
        }
        Err(e) => {
            super::lang::error(e.message());
            match e {
                StarterError::BadId { suggestion, .. } => {
                    if let Some(s) = suggestion {
                        super::lang::help(msg!("did-you-mean", value = s));
                    }
                    super::USAGE
                }
                StarterError::BadTitle(_) => {
                    super::lang::help(msg!("new-title-help"));
                    super::USAGE
                }
                StarterError::Exists(_) => {
                    super::lang::help(msg!("new-exists-help"));
                    super::FAILED
                }
                StarterError::Io(..) => super::FAILED,
            }
        }
    }
}
