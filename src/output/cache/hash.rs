//! Hashes: the SHA-256 of bytes, and the hasher every cache key is made with.

use std::sync::OnceLock;

use sha2::{Digest, Sha256};

use crate::layout::fonts::FILES as FONT_FILES;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
