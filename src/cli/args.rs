//! Command-line arguments (clap derive); nothing below the CLI sees these types.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Turns JSON guide sheets into print-quality, accessible PDFs.
#[derive(Debug, Parser)]
#[command(name = "guidepress", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build one PDF per guide into <OUT>/pdf/.
    Build(BuildArgs),
    /// Validate every guide (pictures included) without writing anything.
    Check(CheckArgs),
}

/// Where the guides and pictures are.
#[derive(Debug, Args)]
pub struct SourceArgs {
    /// Folder of guides (*.json, with an optional collection.json).
    #[arg(value_name = "GUIDES", default_value = "guides")]
    pub guides: PathBuf,
    /// Folder of pictures [default: the images/ folder beside GUIDES].
    #[arg(long, value_name = "DIR")]
    pub images: Option<PathBuf>,
}

/// `guidepress build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub source: SourceArgs,
    /// Output folder.
    #[arg(long, value_name = "DIR", default_value = "out")]
    pub out: PathBuf,
    /// Number of worker threads [default: all cores].
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..=512))]
    pub jobs: Option<u16>,
}

/// `guidepress check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub source: SourceArgs,
}

impl SourceArgs {
    /// The pictures folder, defaulting to `images/` beside the guides folder.
    pub fn images_dir(&self) -> PathBuf {
        self.images.clone().unwrap_or_else(|| {
            let parent = self.guides.parent().filter(|p| !p.as_os_str().is_empty());
            parent.map(|p| p.join("images")).unwrap_or_else(|| PathBuf::from("images"))
        })
    }
}
