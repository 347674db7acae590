//! `guidepress watch`: build once, then rebuild what changed each time a file
//! is saved, printing problems without stopping.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use guidepress::model::Loaded;
use guidepress::output::diagnostics::display_path;
use guidepress::output::fs::check_output_dir;
use guidepress::output::interrupt;
use guidepress::output::run::{load, with_pool};
use guidepress::output::watch::{
    plan, rebuild, Debouncer, Deps, Rebuild, Snapshot, Watched,
};

use super::args::WatchArgs;
use super::report::print_diagnostics;

/// Watches until interrupted (or `--exit-after` rebuilds) and returns the exit code.
pub fn run(args: &WatchArgs) -> i32 {
    let guides = args.source.guides.clone();
    let images = args.source.images_dir();
    if let Err(m) = check_output_dir(&args.out, &[&guides, &images]) {
        eprintln!("error: {m}");
        return super::FAILED;
    }
    let jobs = args.jobs.map(usize::from);
    let mut watched = Watched {
        guides_dir: guides.clone(),
        images_dir: images.clone(),
        ..Default::default()
    };
    println!(
        "watching {} and {} (Ctrl+C to stop)",
        display_path(&guides),
        display_path(&images)
    );
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
            println!("stopped watching");
            return super::INTERRUPTED;
        }
        std::thread::sleep(Duration::from_millis(args.poll_ms.max(10)));
        let now = Snapshot::take(&watched);
        debouncer.observe(now.changes_since(&snapshot), Instant::now());
        snapshot = now;
        let Some(changed) = debouncer.ready(Instant::now()) else { continue };
        let names: Vec<String> = changed.iter().map(|p| display_path(p)).collect();
        println!("changed: {}", names.join(", "));
        let what = plan(&changed, &deps);
        if what == Rebuild::Nothing {
            println!("no guide reads it; nothing to rebuild");
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
                println!("nothing built; waiting for changes");
                return None;
            }
        };
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
        let names = if r.built.len() <= 5 {
            r.built.join(", ")
        } else {
            format!("{} guides", r.built.len())
        };
        println!(
            "rebuilt {} ({} built, {} failed) → {} in {:.2} s",
            if names.is_empty() { "nothing".to_string() } else { names },
            r.built.len(),
            r.failed,
            display_path(&pdf_dir),
            start.elapsed().as_secs_f64()
        );
        Some(deps)
    })
}
