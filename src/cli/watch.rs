//! `guidepress watch`: build once, then rebuild what changed each time a file
//! is saved, printing problems without stopping.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use guidepress::i18n::Arg;
use guidepress::model::Loaded;
use guidepress::msg;
use guidepress::output::diagnostics::display_path;
use guidepress::output::fs::check_output_dir;
use guidepress::output::interrupt;
use guidepress::output::run::{load, with_pool};
use guidepress::output::watch::{
    plan, rebuild, Debouncer, Deps, Rebuild, Snapshot, Watched,
};

use super::args::WatchArgs;
use super::lang::t;
use super::report::print_diagnostics;

/// Watches until interrupted (or `--exit-after` rebuilds) and returns the exit code.
pub fn run(args: &WatchArgs) -> i32 {
    let guides = args.source.guides.clone();
    let images = args.source.images_dir();
    if let Err(m) = check_output_dir(&args.out, &[&guides, &images]) {
        super::lang::error(m);
        return super::FAILED;
    }
    let jobs = args.jobs.map(usize::from);
    let mut watched = Watched {
        guides_dir: guides.clone(),
        images_dir: images.clone(),
        ..Default::default()
    };
    let watching =
        msg!("watching", guides = display_path(&guides), images = display_path(&images));
    println!("{}", t(watching));
    let mut deps = cycle(args, &Rebuild::All, None, jobs).unwrap_or_default();
    watched.extra = deps.extra_files();
    let mut snapshot = Snapshot::take(&watched);
    let mut debouncer = Debouncer::new(Duration::from_millis(args.debounce_ms));
    let mut rebuilds = 0;
    loop {
        if args.exit_after.is_some_and(|n| rebuilds >= n) {
            return super::OK;
        }
        if interrupt::requested() {
            println!("{}", t(msg!("stopped-watching")));
            return super::INTERRUPTED;
        }
        if !sleep_unless_stopped(Duration::from_millis(args.poll_ms.max(10))) {
            continue;
        }
        let now = Snapshot::take(&watched);
        debouncer.observe(now.changes_since(&snapshot), Instant::now());
        snapshot = now;
        let Some(changed) = debouncer.ready(Instant::now()) else { continue };
        let names: Vec<String> = changed.iter().map(|p| display_path(p)).collect();
        println!("{}", t(msg!("changed", files = names.join(", "))));
        let what = plan(&changed, &deps);
        if what == Rebuild::Nothing {
            println!("{}", t(msg!("nothing-to-rebuild")));
            continue;
        }
        if let Some(d) = cycle(args, &what, Some(&deps), jobs) {
            let new_extra = d.extra_files();
            for p in new_extra.difference(&watched.extra) {
                // Start watching newly attached files without reporting them as changed.
                let only = Watched { extra: [p.clone()].into(), ..Default::default() };
                snapshot.files.extend(Snapshot::take(&only).files);
            }
            watched.extra = new_extra;
            deps = d;
        }
        rebuilds += 1;
    }
}

/// Sleeps `d` in short steps; `false` as soon as a stop is asked for (the
/// loop then answers it at once, whatever `--poll-ms`).
fn sleep_unless_stopped(d: Duration) -> bool {
    let end = Instant::now() + d;
    while !interrupt::requested() {
        let left = end.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return true;
        }
        std::thread::sleep(left.min(Duration::from_millis(20)));
    }
    false
}

/// Loads the project and rebuilds what `what` says (everything when the ids
/// of the guides differ from `previous`: `guide:` links may have changed);
/// prints problems and a summary. `None` when the project as a whole could
/// not be read.
fn cycle(
    args: &WatchArgs,
    what: &Rebuild,
    previous: Option<&Deps>,
    jobs: Option<usize>,
) -> Option<Deps> {
    let start = Instant::now();
    let images = args.source.images_dir();
    let out = args.out.clone();
    with_pool(jobs, || {
        let loaded: Loaded = match load(&args.source.guides, &images) {
            Ok(l) => l,
            Err(diags) => {
                print_diagnostics(&diags);
                println!("{}", t(msg!("nothing-built-waiting")));
                return None;
            }
        };
        if interrupt::requested() {
            // Stopped while reading: build nothing, the loop stops.
            return None;
        }
        let deps = Deps::of(&loaded, &args.source.guides, &images);
        let ids = |d: &Deps| d.guides.values().cloned().collect::<BTreeSet<String>>();
        let same_ids = previous.is_some_and(|p| ids(p) == ids(&deps));
        let which = match what {
            Rebuild::Guides(g) if same_ids => Some(g.clone()),
            _ => None,
        };
        let r = rebuild(&loaded, &out, which.as_ref());
        print_diagnostics(&r.diagnostics);
        let pdf_dir: PathBuf = out.join("pdf");
        let names = if r.built.is_empty() {
            Arg::from(msg!("rebuilt-nothing"))
        } else if r.built.len() <= 5 {
            Arg::Text(r.built.join(", "))
        } else {
            Arg::from(msg!("n-guides", count = r.built.len()))
        };
        let secs = start.elapsed().as_secs_f64();
        let seconds = if super::lang::lang() == guidepress::i18n::UiLang::Fr {
            format!("{secs:.2}").replace('.', ",")
        } else {
            format!("{secs:.2}")
        };
        let rebuilt =
            msg!("rebuilt", names = names, built = r.built.len(), failed = r.failed);
        let timing = msg!("in-seconds", seconds = seconds);
        println!("{} → {} {}", t(rebuilt), display_path(&pdf_dir), t(timing));
        Some(deps)
    })
}
