//! Command-line arguments (clap derive); nothing below the CLI sees these types.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Turns JSON guide sheets into print-quality, accessible PDFs.
#[derive(Debug, Parser)]
#[command(name = "guidepress", version, about, long_about = None)]
pub struct Cli {
    /// Language of messages and help: fr or en [default: from GUIDEPRESS_UI_LANG,
    /// else LC_ALL, LC_MESSAGES, LANG].
    #[arg(long, global = true, value_name = "LANG", value_parser = ["fr", "en"])]
    pub ui_lang: Option<String>,
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
    /// Print the JSON Schema of guide files (or of collection.json), for editors.
    Schema(SchemaArgs),
    /// Write a starter guide <GUIDES>/<ID>.json that `check` accepts.
    New(NewArgs),
    /// Rebuild the PDFs of what changed each time a file is saved; stop with Ctrl+C.
    Watch(WatchArgs),
    /// Validate, then build print sheets, every pack layout and the site into one
    /// reproducible zip: <OUT>/bundle/<collection>-<version>.zip.
    Bundle(BundleArgs),
    /// Publish a folder for a website: screen PDFs, thumbnails, index.html, manifest.json.
    Site(SiteArgs),
    /// Build the print pack: cover, contents and every guide in one PDF for the office printer.
    Pack(PackArgs),
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
    /// How to print problems: human (standard error), json (standard output, see
    /// docs/diagnostics.md) or github (workflow annotations on standard output).
    #[arg(long, value_enum, value_name = "FORMAT", default_value = "human")]
    pub format: DiagnosticFormat,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
}

/// How `check` prints its findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiagnosticFormat {
    /// `file:line:col: error: path: message`, for people.
    Human,
    /// One JSON document with a stable schema, for tools.
    Json,
    /// `::error file=…,line=…::…` annotations, for GitHub Actions.
    Github,
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

/// `guidepress site`.
#[derive(Debug, Args)]
pub struct SiteArgs {
    #[command(flatten)]
    pub source: SourceArgs,
    /// The site folder; replaced as a whole, only after a successful build.
    #[arg(long, value_name = "DIR", default_value = "out/site")]
    pub out: PathBuf,
    /// Where the site will live (overrides the collection's base_url).
    #[arg(long, value_name = "URL", conflicts_with = "relative")]
    pub base_url: Option<String>,
    /// Use relative links even if the collection has a base_url.
    #[arg(long)]
    pub relative: bool,
    /// Standards the PDFs must meet: ua-1, a-2b, a-2u, a-2a, or one PDF/A level with ua-1 (e.g. a-2a,ua-1).
    #[arg(long, value_name = "LIST", default_value = "ua-1")]
    pub pdf_standard: String,
    /// Number of worker threads [default: all cores].
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..=512))]
    pub jobs: Option<u16>,
}

/// `guidepress schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which file's schema: a guide, or collection.json.
    #[arg(value_enum, value_name = "OF", default_value = "guide")]
    pub of: SchemaOf,
}

/// The files `guidepress schema` describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemaOf {
    /// A guide sheet, guides/<id>.json.
    Guide,
    /// The collection settings, guides/collection.json.
    Collection,
}

/// `guidepress new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The new guide's id: lowercase letters and digits joined by dashes, e.g. vider-cache.
    #[arg(value_name = "ID")]
    pub id: String,
    /// Folder of guides.
    #[arg(value_name = "GUIDES", default_value = "guides")]
    pub guides: PathBuf,
    /// The guide's title [default: a placeholder to replace].
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
}

/// `guidepress watch`.
#[derive(Debug, Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub source: SourceArgs,
    /// Output folder.
    #[arg(long, value_name = "DIR", default_value = "out")]
    pub out: PathBuf,
    /// Number of worker threads [default: all cores].
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..=512))]
    pub jobs: Option<u16>,
    /// Quiet time after the last change before rebuilding, in milliseconds.
    #[arg(long, value_name = "MS", default_value = "300", hide = true)]
    pub debounce_ms: u64,
    /// How often to look for changes, in milliseconds.
    #[arg(long, value_name = "MS", default_value = "100", hide = true)]
    pub poll_ms: u64,
    /// Stop after this many rebuilds (for tests).
    #[arg(long, value_name = "N", hide = true)]
    pub exit_after: Option<usize>,
}

/// `guidepress pack`.
#[derive(Debug, Args)]
pub struct PackArgs {
    #[command(flatten)]
    pub source: SourceArgs,
    /// How pages go onto paper.
    #[arg(long, value_enum, value_name = "LAYOUT", default_value = "single")]
    pub layout: LayoutArg,
    /// Start every guide on a right-hand (odd) page, for double-sided printing.
    #[arg(long)]
    pub duplex: bool,
    /// Only these guides (ids separated by commas), in the collection's order.
    #[arg(long, value_name = "ID,…", value_delimiter = ',')]
    pub only: Vec<String>,
    /// Large print: body text at least 16 pt, headings larger, re-laid out.
    #[arg(long)]
    pub large_print: bool,
    /// Marks in the middle of each sheet where to fold or cut (2up, booklet).
    #[arg(long)]
    pub fold_marks: bool,
    /// Output file [default: out/pack/<collection>-<layout>.pdf].
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Number of worker threads [default: all cores].
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..=512))]
    pub jobs: Option<u16>,
}

/// How `guidepress pack` puts pages onto paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LayoutArg {
    /// One page per side, at the collection's paper size, with cover and contents.
    Single,
    /// Two A5 pages side by side on A4 landscape.
    #[value(name = "2up")]
    TwoUp,
    /// A5 booklet on A4 landscape: print double-sided (flip on short edge), fold, staple.
    Booklet,
    /// One guide (--only ID), two A5 copies per A4 landscape side, to cut in half.
    Handout,
}

/// `guidepress bundle`.
#[derive(Debug, Args)]
pub struct BundleArgs {
    #[command(flatten)]
    pub source: SourceArgs,
    /// Output folder: the zip goes to <OUT>/bundle/, the cache to <OUT>/.guidepress.cache/.
    #[arg(long, value_name = "DIR", default_value = "out")]
    pub out: PathBuf,
    /// Version in the file name [default: the newest "updated" date and a content hash].
    #[arg(long, value_name = "V")]
    pub version: Option<String>,
    /// Number of worker threads [default: all cores].
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..=512))]
    pub jobs: Option<u16>,
    /// Rebuild everything, ignoring (and not updating) the cache.
    #[arg(long)]
    pub no_cache: bool,
}
