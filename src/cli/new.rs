//! `guidepress new`: write a starter guide that `check` accepts.

use guidepress::output::new::{create_guide, today, StarterError};

use super::args::NewArgs;

/// Writes the guide and returns the exit code: 2 for an invalid id, 1 when
/// the file exists or cannot be written.
pub fn run(args: &NewArgs) -> i32 {
    match create_guide(&args.guides, &args.id, args.title.as_deref(), today()) {
        Ok(path) => {
            println!("wrote {}", path.display());
            println!(
                "next: fill it in, add \"{}\" to \"order\" in collection.json if the \
                 collection has one, then run `guidepress check`",
                args.id
            );
            super::OK
        }
        Err(e) => {
            eprintln!("error: {e}");
            match e {
                StarterError::BadId { suggestion, .. } => {
                    if let Some(s) = suggestion {
                        eprintln!("  help: did you mean \"{s}\"?");
                    }
                    super::USAGE
                }
                StarterError::Exists(_) => {
                    eprintln!("  help: choose another id, or edit the existing guide");
                    super::FAILED
                }
                StarterError::Io(..) => super::FAILED,
            }
        }
    }
}
