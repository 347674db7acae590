//! The incremental cache: outputs stored under a hash of everything that
//! made them, in the output folder, so unchanged work is skipped.
//!
//! Layout: `<out>/.cache/<namespace>/index.json` maps a unit's key (the
//! SHA-256 of its inputs, see [`KeyHasher`]) to its named outputs, each kept
//! as `blobs/<sha256 of the bytes>`. A unit is reused only when every blob is
//! there and hashes to its name, so a damaged cache is detected and the unit
//! is rebuilt; an unreadable index is ignored whole. Saving keeps the units
//! the run used and, for [`MAX_UNUSED`] more saves, the ones it did not (a
//! `pack` of one layout keeps the bundle's other packs); older units and
//! their blobs are removed, so the cache does not grow without bound.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::write::write_atomic;
use crate::layout::fonts::FILES as FONT_FILES;

/// Version of the index format; another version is ignored.
const INDEX_VERSION: u32 = 2;

/// Lowercase hex of SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Hash of the bundled font files, computed once: a font change invalidates
/// everything.
pub fn fonts_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| {
        let mut h = KeyHasher::new("fonts");
        for (_, bytes) in FONT_FILES {
            h.bytes(bytes);
        }
        h.finish()
    })
}

/// Raised whenever the same inputs and the same guidepress version give other
/// output bytes (e.g. pictures or compression written another way), so that
/// units cached before are made again instead of reused. 2: PNG pictures go
/// into PDFs as they are; print PDFs compressed for speed, web PDFs for size.
/// 3: typography rules (addresses, hyphenation, table columns, pagination).
const RENDERING: &str = "3";

/// Builds a key from a unit's inputs. Every item is written with its length,
/// so `("ab", "c")` and `("a", "bc")` give different keys. Every key starts
/// from the guidepress version and the fonts.
pub struct KeyHasher(Sha256);

impl KeyHasher {
    /// A hasher for units of kind `kind` (e.g. `print`).
    pub fn new(kind: &str) -> Self {
        let mut h = KeyHasher(Sha256::new());
        h.str("guidepress-cache");
        h.str(env!("CARGO_PKG_VERSION"));
        h.str(RENDERING);
        h.str(kind);
        if kind != "fonts" {
            h.str(fonts_hash());
        }
        h
    }

    /// Adds bytes.
    pub fn bytes(&mut self, b: &[u8]) -> &mut Self {
        self.0.update((b.len() as u64).to_le_bytes());
        self.0.update(b);
        self
    }

    /// Adds a string.
    pub fn str(&mut self, s: &str) -> &mut Self {
        self.bytes(s.as_bytes())
    }

    /// The key, lowercase hex.
    pub fn finish(self) -> String {
        hex(&self.0.finalize())
    }
}

/// What a unit produced: named files and small facts (e.g. a page count).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Unit {
    /// Output name → bytes.
    pub files: BTreeMap<String, Vec<u8>>,
    /// Facts about the outputs, as strings.
    pub facts: BTreeMap<String, String>,
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
    /// Output name → blob hash.
    files: BTreeMap<String, String>,
    facts: BTreeMap<String, String>,
    /// Saves since a run last used this unit (0: the run that saved it).
    #[serde(default)]
    unused: u32,
}

/// A unit no run used in this many saves is forgotten (and its blobs removed).
/// Commands share a namespace without using all of it (a `pack` of one
/// layout, a `bundle` of all four): the others' units stay a while.
const MAX_UNUSED: u32 = 8;

/// A cache namespace in an output folder (or a disabled one).
pub struct Cache {
    dir: Option<PathBuf>,
    old: Index,
    new: Mutex<Index>,
    reused: AtomicUsize,
    rebuilt: AtomicUsize,
    damaged: AtomicUsize,
}

impl Cache {
    /// Opens `<out_dir>/.cache/<namespace>`; a missing or unreadable index
    /// gives an empty cache.
    pub fn open(out_dir: &Path, namespace: &str) -> Cache {
        let dir = out_dir.join(".cache").join(namespace);
        let old = std::fs::read(dir.join("index.json"))
            .ok()
            .and_then(|b| serde_json::from_slice::<Index>(&b).ok())
            .filter(|i| i.version == INDEX_VERSION)
            .unwrap_or_default();
        Cache::with(Some(dir), old)
    }

    /// A cache that remembers nothing (every unit is rebuilt).
    pub fn disabled() -> Cache {
        Cache::with(None, Index::default())
    }

    fn with(dir: Option<PathBuf>, old: Index) -> Cache {
        Cache {
            dir,
            old,
            new: Mutex::new(Index { version: INDEX_VERSION, units: BTreeMap::new() }),
            reused: AtomicUsize::new(0),
            rebuilt: AtomicUsize::new(0),
            damaged: AtomicUsize::new(0),
        }
    }

    /// The unit with `key`: from the cache when it is there intact, else from
    /// `compute` (whose result is then stored). Errors are never cached.
    pub fn get_or_compute<E>(
        &self,
        key: &str,
        compute: impl FnOnce() -> Result<Unit, E>,
    ) -> Result<Unit, E> {
        if let Some(unit) = self.load(key) {
            self.reused.fetch_add(1, Ordering::Relaxed);
            self.remember(key, &unit);
            return Ok(unit);
        }
        let unit = compute()?;
        self.rebuilt.fetch_add(1, Ordering::Relaxed);
        self.store(key, &unit);
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

    fn load(&self, key: &str) -> Option<Unit> {
        let dir = self.dir.as_ref()?;
        let entry = self.old.units.get(key)?;
        let mut unit = Unit { facts: entry.facts.clone(), ..Unit::default() };
        for (name, blob) in &entry.files {
            match std::fs::read(dir.join("blobs").join(blob)) {
                Ok(bytes) if sha256_hex(&bytes) == *blob => {
                    unit.files.insert(name.clone(), bytes);
                }
                _ => {
                    self.damaged.fetch_add(1, Ordering::Relaxed);
                    return None;
                }
            }
        }
        Some(unit)
    }

    /// Writes the unit's blobs (best effort: a cache that cannot be written
    /// only makes the next run slower).
    fn store(&self, key: &str, unit: &Unit) {
        let Some(dir) = &self.dir else { return };
        let blobs = dir.join("blobs");
        for bytes in unit.files.values() {
            let path = blobs.join(sha256_hex(bytes));
            if !path.exists() && write_atomic(&path, bytes).is_err() {
                return;
            }
        }
        self.remember(key, unit);
    }

    fn remember(&self, key: &str, unit: &Unit) {
        let entry = Entry {
            files: unit.files.iter().map(|(n, b)| (n.clone(), sha256_hex(b))).collect(),
            facts: unit.facts.clone(),
            unused: 0,
        };
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
        if write_atomic(&dir.join("index.json"), &text).is_err() {
            return;
        }
        let live: BTreeSet<&String> =
            new.units.values().flat_map(|e| e.files.values()).collect();
        if let Ok(entries) = std::fs::read_dir(dir.join("blobs")) {
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if !live.contains(&name) {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(text: &str) -> Unit {
        let mut u = Unit::default();
        u.files.insert("a.pdf".into(), text.as_bytes().to_vec());
        u.facts.insert("pages".into(), "2".into());
        u
    }

    fn temp(name: &str) -> PathBuf {
        let d =
            std::env::temp_dir().join(format!("gp-cache-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn keys_separate_their_items() {
        let k = |items: &[&str]| {
            let mut h = KeyHasher::new("t");
            items.iter().for_each(|i| {
                h.str(i);
            });
            h.finish()
        };
        assert_ne!(k(&["ab", "c"]), k(&["a", "bc"]));
        assert_eq!(k(&["ab", "c"]), k(&["ab", "c"]));
    }

    #[test]
    fn reuses_intact_units_and_rebuilds_damaged_ones() {
        let out = temp("reuse");
        let run = |expect_compute: bool, text: &str| {
            let cache = Cache::open(&out, "t");
            let mut computed = false;
            let got = cache
                .get_or_compute::<()>("k", || {
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
        let blob = out.join(".cache/t/blobs").join(sha256_hex(b"one"));
        std::fs::write(&blob, b"tampered").unwrap();
        let (fixed, stats) = run(true, "one");
        assert_eq!((fixed, stats.damaged), (first.clone(), 1));

        // An unreadable index is ignored.
        std::fs::write(out.join(".cache/t/index.json"), b"{ not json").unwrap();
        let (fresh, stats) = run(true, "one");
        assert_eq!((fresh, stats.rebuilt), (first, 1));
        let _ = std::fs::remove_dir_all(&out);
    }

    #[test]
    fn save_forgets_units_no_run_used_for_a_while() {
        let out = temp("prune");
        let blobs = || -> Vec<String> {
            let mut b: Vec<_> = std::fs::read_dir(out.join(".cache/t/blobs"))
                .unwrap()
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            b.sort();
            b
        };
        let c = Cache::open(&out, "t");
        c.get_or_compute::<()>("a", || Ok(unit("a"))).unwrap();
        c.get_or_compute::<()>("b", || Ok(unit("b"))).unwrap();
        c.save();
        let mut both = vec![sha256_hex(b"a"), sha256_hex(b"b")];
        both.sort();
        // Runs that use only "a" keep "b" for MAX_UNUSED saves…
        for run in 1..=MAX_UNUSED + 1 {
            let c = Cache::open(&out, "t");
            c.get_or_compute::<()>("a", || Ok(unit("x"))).unwrap();
            c.save();
            if run <= MAX_UNUSED {
                assert_eq!(blobs(), both, "after {run} runs without b");
            }
        }
        // …then forget it and its blob.
        assert_eq!(blobs(), [sha256_hex(b"a")]);
        // A unit used again starts over.
        let c = Cache::open(&out, "t");
        c.get_or_compute::<()>("b", || Ok(unit("b"))).unwrap();
        c.save();
        let c = Cache::open(&out, "t");
        let mut recomputed = false;
        c.get_or_compute::<()>("b", || {
            recomputed = true;
            Ok(unit("b"))
        })
        .unwrap();
        assert!(!recomputed);
        let _ = std::fs::remove_dir_all(&out);
    }
}
