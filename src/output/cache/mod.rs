//! The incremental cache: outputs stored under a hash of everything that
//! made them, in the output folder, so unchanged work is skipped.
//!
//! Layout: `<out>/.guidepress.cache/<namespace>/index.json` maps a unit's key (the
//! SHA-256 of its inputs, see [`keys`]) to the unit: its facts as serde
//! writes them, and its files, each kept as `blobs/<sha256 of the bytes>`.
//! A unit is reused only when every blob is there and hashes to its name,
//! so a damaged cache is detected and the unit is rebuilt; an unreadable
//! index is ignored whole. Saving keeps the units the run used and, for
//! [`MAX_UNUSED`] more saves, the ones it did not (a `pack` of one layout
//! keeps the bundle's other packs); older units and their blobs are
//! removed, so the cache does not grow without bound. Only files guidepress
//! can tell are its own are ever removed: blobs named by a SHA-256, in a
//! cache folder that carries guidepress's `CACHEDIR.TAG` (see [`tag_cache`]).

pub mod hash;
pub mod keys;
pub mod warnings;

use std::collections::{BTreeMap, BTreeSet};
use std::marker::PhantomData;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::fs::{cache_dir, cache_is_ours, tag_cache, write_atomic};
use hash::sha256_hex;

/// Version of the index format; another version is ignored.
/// 3: units are typed structs, their facts written by serde.
/// 4: warnings keep their messages as id and arguments, not English text.
const INDEX_VERSION: u32 = 4;

/// A unit of work the cache keeps: a typed struct whose facts serde writes
/// into the index and whose files are kept as blobs beside it.
pub trait Unit: Serialize + DeserializeOwned {
    /// The cache namespace it is kept in (`print`, `web`, `pack`).
    const NAMESPACE: &'static str;

    /// Its files, always in the same order. Serde skips them
    /// (`#[serde(skip)]`): the cache stores each as a blob.
    fn files(&mut self) -> Vec<&mut Vec<u8>>;
}

/// How much work a run reused and redid.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CacheStats {
    /// Units taken from the cache.
    pub reused: usize,
    /// Units computed (not cached, or the cache entry was damaged).
    pub rebuilt: usize,
    /// Cache entries found damaged (a missing or altered blob) and ignored.
    pub damaged: usize,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Index {
    version: u32,
    units: BTreeMap<String, Entry>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Entry {
    /// The blob of each file, in [`Unit::files`] order.
    files: Vec<String>,
    /// The unit without its files.
    unit: serde_json::Value,
    /// Saves since a run last used this unit (0: the run that saved it).
    #[serde(default)]
    unused: u32,
}

/// A unit no run used in this many saves is forgotten (and its blobs removed).
/// Commands share a namespace without using all of it (a `pack` of one
/// layout, a `bundle` of all four): the others' units stay a while.
const MAX_UNUSED: u32 = 8;

/// The cache of one kind of unit in an output folder (or a disabled one).
pub struct Cache<U> {
    dir: Option<PathBuf>,
    old: Index,
    new: Mutex<Index>,
    reused: AtomicUsize,
    rebuilt: AtomicUsize,
    damaged: AtomicUsize,
    unit: PhantomData<fn() -> U>,
}

impl<U: Unit> Cache<U> {
    /// Opens the cache of `U` in the output folder `root` (see
    /// [`cache_dir`]); a missing or unreadable index gives an empty cache.
    pub fn open(root: &Path) -> Self {
        let dir = cache_dir(root, U::NAMESPACE);
        let old = std::fs::read(dir.join("index.json"))
            .ok()
            .and_then(|b| serde_json::from_slice::<Index>(&b).ok())
            .filter(|i| i.version == INDEX_VERSION)
            .unwrap_or_default();
        Cache::with(Some(dir), old)
    }

    /// A cache that remembers nothing (every unit is rebuilt).
    pub fn disabled() -> Self {
        Cache::with(None, Index::default())
    }

    fn with(dir: Option<PathBuf>, old: Index) -> Self {
        Cache {
            dir,
            old,
            new: Mutex::new(Index { version: INDEX_VERSION, units: BTreeMap::new() }),
            reused: AtomicUsize::new(0),
            rebuilt: AtomicUsize::new(0),
            damaged: AtomicUsize::new(0),
            unit: PhantomData,
        }
    }

    /// The unit with `key`: from the cache when it is there intact, else from
    /// `compute` (whose result is then stored). Errors are never cached. A
    /// unit without a key (its inputs changed during the run) is computed
    /// and neither stored nor counted.
    pub fn get_or_compute<E>(
        &self,
        key: Option<&str>,
        compute: impl FnOnce() -> Result<U, E>,
    ) -> Result<U, E> {
        let Some(key) = key else { return compute() };
        if let Some(unit) = self.load(key) {
            self.reused.fetch_add(1, Ordering::Relaxed);
            return Ok(unit);
        }
        let mut unit = compute()?;
        self.rebuilt.fetch_add(1, Ordering::Relaxed);
        self.store(key, &mut unit);
        Ok(unit)
    }

    /// Counts so far.
    pub fn stats(&self) -> CacheStats {
        CacheStats {
            reused: self.reused.load(Ordering::Relaxed),
            rebuilt: self.rebuilt.load(Ordering::Relaxed),
            damaged: self.damaged.load(Ordering::Relaxed),
        }
    }

    /// The unit of `key` from the cache, remembered as used; `None` when it
    /// is not there or damaged.
    fn load(&self, key: &str) -> Option<U> {
        let dir = self.dir.as_ref()?;
        let entry = self.old.units.get(key)?;
        let damaged = || {
            self.damaged.fetch_add(1, Ordering::Relaxed);
            None
        };
        let Ok(mut unit) = serde_json::from_value::<U>(entry.unit.clone()) else {
            return damaged();
        };
        let slots = unit.files();
        if slots.len() != entry.files.len() {
            return damaged();
        }
        for (slot, blob) in slots.into_iter().zip(&entry.files) {
            match std::fs::read(dir.join("blobs").join(blob)) {
                Ok(bytes) if sha256_hex(&bytes) == *blob => *slot = bytes,
                _ => return damaged(),
            }
        }
        self.remember(key, Entry { unused: 0, ..entry.clone() });
        Some(unit)
    }

    /// Writes the unit's blobs (best effort: a cache that cannot be written
    /// only makes the next run slower).
    fn store(&self, key: &str, unit: &mut U) {
        let Some(dir) = &self.dir else { return };
        let Ok(facts) = serde_json::to_value(&*unit) else { return };
        let blobs = dir.join("blobs");
        let mut files = Vec::new();
        for bytes in unit.files() {
            let blob = sha256_hex(bytes);
            let path = blobs.join(&blob);
            if !path.exists() && write_atomic(&path, bytes).is_err() {
                return;
            }
            files.push(blob);
        }
        self.remember(key, Entry { files, unit: facts, unused: 0 });
    }

    fn remember(&self, key: &str, entry: Entry) {
        let mut new = self.new.lock().unwrap_or_else(|e| e.into_inner());
        new.units.insert(key.to_string(), entry);
    }

    /// Writes the index of the units used by this run and removes the blobs
    /// no unit refers to any more. Best effort.
    pub fn save(&self) {
        let Some(dir) = &self.dir else { return };
        let mut new = self.new.lock().unwrap_or_else(|e| e.into_inner()).clone();
        for (key, entry) in &self.old.units {
            if entry.unused < MAX_UNUSED && !new.units.contains_key(key) {
                let aged = Entry { unused: entry.unused + 1, ..entry.clone() };
                new.units.insert(key.clone(), aged);
            }
        }
        let Ok(text) = serde_json::to_vec(&new) else { return };
        if tag_cache(dir).is_err()
            || write_atomic(&dir.join("index.json"), &text).is_err()
        {
            return;
        }
        if !cache_is_ours(dir) {
            return;
        }
        let live: BTreeSet<&String> =
            new.units.values().flat_map(|e| e.files.iter()).collect();
        if let Ok(entries) = std::fs::read_dir(dir.join("blobs")) {
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                let is_file = e.file_type().is_ok_and(|t| t.is_file());
                if is_file && is_blob_name(&name) && !live.contains(&name) {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
    }
}

/// Whether `name` is one guidepress gives a blob: a SHA-256 in lowercase hex.
fn is_blob_name(name: &str) -> bool {
    name.len() == 64 && name.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::temp_project::TempProject;

    /// A unit of the tests: one file and one fact.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    struct Sheet {
        #[serde(skip)]
        pdf: Vec<u8>,
        pages: usize,
    }

    impl Unit for Sheet {
        const NAMESPACE: &'static str = "t";
        fn files(&mut self) -> Vec<&mut Vec<u8>> {
            vec![&mut self.pdf]
        }
    }

    fn unit(text: &str) -> Sheet {
        Sheet { pdf: text.as_bytes().to_vec(), pages: 2 }
    }

    fn temp(name: &str) -> TempProject {
        TempProject::new(&format!("cache-{name}"))
    }

    #[test]
    fn reuses_intact_units_and_rebuilds_damaged_ones() {
        let out = temp("reuse");
        let run = |expect_compute: bool, text: &str| {
            let cache = Cache::<Sheet>::open(&out);
            let mut computed = false;
            let got = cache
                .get_or_compute::<()>(Some("k"), || {
                    computed = true;
                    Ok(unit(text))
                })
                .unwrap();
            cache.save();
            assert_eq!(computed, expect_compute);
            (got, cache.stats())
        };
        let (first, stats) = run(true, "one");
        assert_eq!((stats.reused, stats.rebuilt), (0, 1));
        let (again, stats) = run(false, "unused");
        assert_eq!((again, stats.reused), (first.clone(), 1));

        // A damaged blob is detected and the unit rebuilt.
        let blob = out.join(".guidepress.cache/t/blobs").join(sha256_hex(b"one"));
        std::fs::write(&blob, b"tampered").unwrap();
        let (fixed, stats) = run(true, "one");
        assert_eq!((fixed, stats.damaged), (first.clone(), 1));

        // An unreadable index is ignored.
        std::fs::write(out.join(".guidepress.cache/t/index.json"), b"{ not json")
            .unwrap();
        let (fresh, stats) = run(true, "one");
        assert_eq!((fresh, stats.rebuilt), (first, 1));
    }

    #[test]
    fn save_forgets_units_no_run_used_for_a_while() {
        let out = temp("prune");
        let blobs = || -> Vec<String> {
            let mut b: Vec<_> = std::fs::read_dir(out.join(".guidepress.cache/t/blobs"))
                .unwrap()
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            b.sort();
            b
        };
        let c = Cache::<Sheet>::open(&out);
        c.get_or_compute::<()>(Some("a"), || Ok(unit("a"))).unwrap();
        c.get_or_compute::<()>(Some("b"), || Ok(unit("b"))).unwrap();
        c.save();
        let mut both = vec![sha256_hex(b"a"), sha256_hex(b"b")];
        both.sort();
        // Runs that use only "a" keep "b" for MAX_UNUSED saves…
        for run in 1..=MAX_UNUSED + 1 {
            let c = Cache::<Sheet>::open(&out);
            c.get_or_compute::<()>(Some("a"), || Ok(unit("x"))).unwrap();
            c.save();
            if run <= MAX_UNUSED {
                assert_eq!(blobs(), both, "after {run} runs without b");
            }
        }
        // …then forget it and its blob.
        assert_eq!(blobs(), [sha256_hex(b"a")]);
        // A unit used again starts over.
        let c = Cache::<Sheet>::open(&out);
        c.get_or_compute::<()>(Some("b"), || Ok(unit("b"))).unwrap();
        c.save();
        let c = Cache::<Sheet>::open(&out);
        let mut recomputed = false;
        c.get_or_compute::<()>(Some("b"), || {
            recomputed = true;
            Ok(unit("b"))
        })
        .unwrap();
        assert!(!recomputed);
    }

    #[test]
    fn prunes_only_its_own_blobs_in_a_tagged_folder() {
        let out = temp("own");
        let blobs = out.join(".guidepress.cache/t/blobs");
        std::fs::create_dir_all(&blobs).unwrap();
        let stray_hash = sha256_hex(b"someone else's");
        for name in ["notes.txt", "ABCDEF", &stray_hash] {
            std::fs::write(blobs.join(name), b"someone else's").unwrap();
        }
        // A folder with another tag: the index is written, nothing pruned.
        let tag = out.join(".guidepress.cache/CACHEDIR.TAG");
        std::fs::write(&tag, "Signature: 8a477f597d28d172789f06886806bc55\n").unwrap();
        let c = Cache::<Sheet>::open(&out);
        c.get_or_compute::<()>(Some("a"), || Ok(unit("a"))).unwrap();
        c.save();
        assert!(blobs.join(&stray_hash).exists());
        // In guidepress's own folder, only hash-named files are pruned.
        std::fs::remove_file(&tag).unwrap();
        let c = Cache::<Sheet>::open(&out);
        c.get_or_compute::<()>(Some("a"), || Ok(unit("a"))).unwrap();
        c.save();
        assert_eq!(std::fs::read_to_string(&tag).unwrap(), crate::output::fs::CACHE_TAG);
        assert!(blobs.join("notes.txt").exists() && blobs.join("ABCDEF").exists());
        assert!(!blobs.join(&stray_hash).exists());
        assert!(blobs.join(sha256_hex(b"a")).exists());
    }
}
