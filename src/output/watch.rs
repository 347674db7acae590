//! Watching a project: which files changed, when to act (debounce), and which
//! guides to rebuild.
//!
//! Changes are found by polling modification times and sizes: no platform
//! notification API, so it behaves the same on every system, on network
//! folders and with editors that save by renaming a temporary file. A poll of
//! a project of 500 guides reads 500 directory entries, well under a
//! millisecond of work every 100 ms.

use crate::msg;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use super::fs::{canon, clean_debris, json_files, list_files, write_atomic};
use super::interrupt;
use super::lint::figures;
use super::run::{each_guide, no_progress};
use super::units::PrintSheet;
use crate::model::{Block, Diagnostic, Loaded};

/// What a file looked like at one poll.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileState {
    /// Last modification time.
    pub modified: Option<SystemTime>,
    /// Size in bytes.
    pub len: u64,
}

/// The watched files at one moment, by resolved path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// Every watched file and its state.
    pub files: BTreeMap<PathBuf, FileState>,
}

/// The folders and files to watch.
#[derive(Debug, Clone, Default)]
pub struct Watched {
    /// Folder of guides: its `*.json` files (hidden ones aside), not recursive.
    pub guides_dir: PathBuf,
    /// Folder of pictures, recursively (hidden files and folders aside).
    pub images_dir: PathBuf,
    /// Other files guides use (local attachments).
    pub extra: BTreeSet<PathBuf>,
}

impl Snapshot {
    /// Reads the state of every watched file.
    pub fn take(w: &Watched) -> Snapshot {
        let mut files = BTreeMap::new();
        let mut add = |p: &Path| {
            if let Ok(m) = std::fs::metadata(p) {
                if m.is_file() {
                    files.insert(
                        canon(p),
                        FileState { modified: m.modified().ok(), len: m.len() },
                    );
                }
            }
        };
        json_files(&w.guides_dir).iter().for_each(|p| add(p));
        let mut images = Vec::new();
        list_files(&w.images_dir, &mut images);
        images.iter().for_each(|p| add(p));
        w.extra.iter().for_each(|p| add(p));
        Snapshot { files }
    }

    /// Files added, removed or modified since `before`.
    pub fn changes_since(&self, before: &Snapshot) -> BTreeSet<PathBuf> {
        let mut out = BTreeSet::new();
        for (p, state) in &self.files {
            if before.files.get(p) != Some(state) {
                out.insert(p.clone());
            }
        }
        for p in before.files.keys() {
            if !self.files.contains_key(p) {
                out.insert(p.clone());
            }
        }
        out
    }
}

/// Collects changes and releases them once nothing changed for `quiet`
/// (an editor saving several files, or one file in several writes, gives one rebuild).
#[derive(Debug, Clone)]
pub struct Debouncer {
    quiet: Duration,
    pending: BTreeSet<PathBuf>,
    last_change: Option<Instant>,
}

impl Debouncer {
    /// A debouncer waiting for `quiet` without changes.
    pub fn new(quiet: Duration) -> Self {
        Debouncer { quiet, pending: BTreeSet::new(), last_change: None }
    }

    /// Records the changes seen at `now` (nothing happens for an empty set).
    pub fn observe(&mut self, changes: BTreeSet<PathBuf>, now: Instant) {
        if !changes.is_empty() {
            self.pending.extend(changes);
            self.last_change = Some(now);
        }
    }

    /// The changes to act on, once `quiet` has passed since the last one.
    pub fn ready(&mut self, now: Instant) -> Option<BTreeSet<PathBuf>> {
        let last = self.last_change?;
        if now.duration_since(last) < self.quiet {
            return None;
        }
        self.last_change = None;
        Some(std::mem::take(&mut self.pending))
    }
}

/// What each guide reads, from the last load: enough to map a changed file to
/// the guides it affects.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Deps {
    /// The guides folder (resolved): a `.json` file appearing there is a new guide.
    pub guides_dir: PathBuf,
    /// `collection.json`, when there is one.
    pub collection: Option<PathBuf>,
    /// Guide file → guide id.
    pub guides: BTreeMap<PathBuf, String>,
    /// Picture or attachment → the ids of the guides that use it.
    pub uses: BTreeMap<PathBuf, BTreeSet<String>>,
    /// Files the whole collection reads (the logo).
    pub shared: BTreeSet<PathBuf>,
    /// Guides that were refused: any change may fix them.
    pub failed: BTreeSet<String>,
}

impl Deps {
    /// The dependencies of a loaded project.
    pub fn of(loaded: &Loaded, guides_dir: &Path, images_dir: &Path) -> Deps {
        let mut d = Deps {
            guides_dir: canon(guides_dir),
            collection: loaded.collection_file.as_deref().map(canon),
            ..Deps::default()
        };
        if let Some(logo) = &loaded.collection.logo {
            d.shared.insert(canon(&images_dir.join(&logo.src)));
        }
        for g in &loaded.guides {
            d.guides.insert(canon(&g.file), g.id.clone());
            let Ok(guide) = &g.result else {
                d.failed.insert(g.id.clone());
                continue;
            };
            let mut use_file = |p: PathBuf| {
                d.uses.entry(p).or_default().insert(guide.id.clone());
            };
            for (f, _) in figures(guide) {
                use_file(canon(&images_dir.join(&f.image.src)));
            }
            for b in guide.all_blocks() {
                if let Block::Attachment { local: Some(l), .. } = &b.value {
                    use_file(canon(&l.abs_path));
                }
            }
        }
        d
    }

    /// Files outside the guides and pictures folders that guides read.
    pub fn extra_files(&self) -> BTreeSet<PathBuf> {
        self.uses.keys().cloned().collect()
    }
}

/// Which guides to rebuild.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rebuild {
    /// Nothing that any guide reads changed.
    Nothing,
    /// Every guide (the collection, or the set of guides, changed).
    All,
    /// Only these guides, by id.
    Guides(BTreeSet<String>),
}

/// Decides what to rebuild after `changed` files (resolved paths), given what
/// each guide read at the last load:
/// - `collection.json`, a shared file (logo), or a guide file added or removed:
///   everything (defaults, ids and `guide:` links may change);
/// - a guide file: that guide;
/// - a picture or attachment: the guides that use it;
/// - anything else: nothing, except that guides refused last time are retried
///   on any change (a missing picture may have appeared).
pub fn plan(changed: &BTreeSet<PathBuf>, deps: &Deps) -> Rebuild {
    let mut ids = BTreeSet::new();
    let mut any = false;
    for p in changed {
        let is_guide_file = p.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"))
            && p.parent() == Some(deps.guides_dir.as_path());
        if Some(p) == deps.collection.as_ref() || deps.shared.contains(p) {
            return Rebuild::All;
        }
        if let Some(id) = deps.guides.get(p) {
            if !p.exists() {
                return Rebuild::All; // removed
            }
            ids.insert(id.clone());
        } else if is_guide_file {
            return Rebuild::All; // added
        } else if let Some(users) = deps.uses.get(p) {
            ids.extend(users.iter().cloned());
        }
        any = true;
    }
    if any {
        ids.extend(deps.failed.iter().cloned());
    }
    if ids.is_empty() {
        Rebuild::Nothing
    } else {
        Rebuild::Guides(ids)
    }
}

/// The outcome of a rebuild of some guides.
#[derive(Debug, Default)]
pub struct Rebuilt {
    /// Ids of the guides written, in collection order.
    pub built: Vec<String>,
    /// Problems: errors of refused guides, warnings of the rebuilt ones.
    pub diagnostics: Vec<Diagnostic>,
    /// Guides refused.
    pub failed: usize,
}

/// Writes `<out_dir>/pdf/<id>.pdf` for the guides `which` selects (all when
/// `None`), from an already loaded project.
pub fn rebuild(
    loaded: &Loaded,
    out_dir: &Path,
    which: Option<&BTreeSet<String>>,
) -> Rebuilt {
    let pdf_dir = out_dir.join("pdf");
    let selected: Vec<_> = loaded
        .guides
        .iter()
        .filter(|g| which.is_none_or(|w| w.contains(&g.id)))
        .collect();
    let results = each_guide(
        &selected,
        |g| &g.id,
        &no_progress,
        |g| {
            let mut diags = g.warnings.clone();
            let guide = match &g.result {
                Ok(guide) => guide,
                Err(e) => {
                    diags.extend(e.iter().cloned());
                    return (g.id.clone(), false, diags);
                }
            };
            match PrintSheet::render(guide, &loaded.collection) {
                Ok(sheet) => {
                    diags.extend(sheet.warnings.restore(&guide.file));
                    let path = pdf_dir.join(format!("{}.pdf", guide.id));
                    match write_atomic(&path, &sheet.pdf) {
                        Ok(()) => (g.id.clone(), true, diags),
                        Err(e) => {
                            diags.push(Diagnostic::error(
                                "write",
                                &path,
                                msg!("write-pdf", reason = e.to_string()),
                            ));
                            (g.id.clone(), false, diags)
                        }
                    }
                }
                Err(f) => {
                    diags.extend(f.into_diagnostics());
                    (g.id.clone(), false, diags)
                }
            }
        },
    );
    if interrupt::requested() {
        // No temporary file of a PDF in progress is left behind.
        clean_debris(&pdf_dir);
    }
    let mut out = Rebuilt::default();
    for (g, done) in selected.iter().zip(results) {
        // A guide not started (interrupted) is not built.
        let (id, ok, diags) = done.unwrap_or_else(|| (g.id.clone(), false, Vec::new()));
        if ok {
            out.built.push(id);
        } else {
            out.failed += 1;
        }
        out.diagnostics.extend(diags);
    }
    out.diagnostics.extend(loaded.warnings.iter().cloned());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::temp_project::TempProject;

    fn p(s: &str) -> PathBuf {
        PathBuf::from(s)
    }

    fn set(items: &[&str]) -> BTreeSet<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    fn paths(items: &[&str]) -> BTreeSet<PathBuf> {
        items.iter().map(|s| p(s)).collect()
    }

    /// Two guides in /nonexistent/guides: `a` shows a.png, `b` shows a.png
    /// and b.png and attaches f.pdf; `c` was refused.
    fn deps() -> Deps {
        let mut d = Deps {
            guides_dir: p("/nonexistent/guides"),
            collection: Some(p("/nonexistent/guides/collection.json")),
            shared: paths(&["/nonexistent/images/logo.png"]),
            failed: set(&["c"]),
            ..Deps::default()
        };
        for id in ["a", "b", "c"] {
            d.guides.insert(p(&format!("/nonexistent/guides/{id}.json")), id.to_string());
        }
        d.uses.insert(p("/nonexistent/images/a.png"), set(&["a", "b"]));
        d.uses.insert(p("/nonexistent/images/b.png"), set(&["b"]));
        d.uses.insert(p("/nonexistent/files/f.pdf"), set(&["b"]));
        d
    }

    #[test]
    fn plans_the_smallest_rebuild() {
        let d = deps();
        let guides = |ids: &[&str]| Rebuild::Guides(set(ids));
        // (changed files, expected plan); paths under /nonexistent do not
        // exist, so a changed guide file there reads as removed.
        let table: Vec<(Vec<&str>, Rebuild)> = vec![
            (vec![], Rebuild::Nothing),
            (vec!["/nonexistent/guides/collection.json"], Rebuild::All),
            (vec!["/nonexistent/images/logo.png"], Rebuild::All),
            (vec!["/nonexistent/images/b.png"], guides(&["b", "c"])),
            (vec!["/nonexistent/images/a.png"], guides(&["a", "b", "c"])),
            (vec!["/nonexistent/files/f.pdf"], guides(&["b", "c"])),
            (vec!["/nonexistent/images/new.png"], guides(&["c"])),
            (vec!["/nonexistent/guides/a.json"], Rebuild::All),
            (vec!["/nonexistent/guides/new.json"], Rebuild::All),
        ];
        for (changed, expect) in table {
            assert_eq!(plan(&paths(&changed), &d), expect, "{changed:?}");
        }
    }

    #[test]
    fn a_modified_guide_rebuilds_only_itself() {
        let dir = TempProject::new("watch-plan");
        let file = canon(&dir.join("a.json"));
        std::fs::write(&file, "{}").unwrap();
        let mut d = Deps { guides_dir: canon(&dir), ..Deps::default() };
        d.guides.insert(file.clone(), "a".into());
        d.guides.insert(canon(&dir.join("b.json")), "b".into());
        let changed = [file].into_iter().collect();
        assert_eq!(plan(&changed, &d), Rebuild::Guides(set(&["a"])));
    }

    #[test]
    fn debounce_waits_for_quiet() {
        let t0 = Instant::now();
        let ms = Duration::from_millis;
        let mut d = Debouncer::new(ms(300));
        assert_eq!(d.ready(t0), None);
        d.observe(paths(&["a"]), t0);
        assert_eq!(d.ready(t0 + ms(100)), None);
        d.observe(paths(&["b"]), t0 + ms(200)); // a second save restarts the wait
        d.observe(BTreeSet::new(), t0 + ms(300)); // a quiet poll changes nothing
        assert_eq!(d.ready(t0 + ms(450)), None);
        assert_eq!(d.ready(t0 + ms(500)), Some(paths(&["a", "b"])));
        assert_eq!(d.ready(t0 + ms(900)), None, "released once");
    }

    #[test]
    fn snapshots_see_added_modified_and_removed_files() {
        let dir = TempProject::new("watch-snap");
        let (guides, images) = (dir.join("guides"), dir.join("images"));
        std::fs::create_dir_all(images.join("sub")).unwrap();
        std::fs::create_dir_all(&guides).unwrap();
        std::fs::write(guides.join("a.json"), "{}").unwrap();
        std::fs::write(guides.join(".#a.json"), "lock").unwrap();
        std::fs::write(guides.join("notes.txt"), "x").unwrap();
        std::fs::write(images.join("sub/x.png"), "x").unwrap();
        let w = Watched {
            guides_dir: guides.clone(),
            images_dir: images.clone(),
            ..Default::default()
        };
        let before = Snapshot::take(&w);
        assert_eq!(before.files.len(), 2, "{before:?}");
        std::fs::write(guides.join("a.json"), "{ }").unwrap();
        std::fs::write(guides.join("b.json"), "{}").unwrap();
        std::fs::remove_file(images.join("sub/x.png")).unwrap();
        let after = Snapshot::take(&w);
        let changed: Vec<String> = after
            .changes_since(&before)
            .iter()
            .map(|p| p.strip_prefix(canon(&dir)).unwrap().display().to_string())
            .collect();
        assert_eq!(changed, ["guides/a.json", "guides/b.json", "images/sub/x.png"]);
    }
}
