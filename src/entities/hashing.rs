//! The stable 64-bit hash behind the tagger's hashed features.
//!
//! A trained model stores weights by hash bucket, so this function is part of the
//! model file format: changing it means bumping `format::VERSION`.

const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

/// Folds `value` into the running hash `state`.
#[inline]
pub fn combine(state: u64, value: u64) -> u64 {
    (state.rotate_left(5) ^ value).wrapping_mul(MULTIPLIER)
}

/// The hash of a byte string (length included, so "ab"+"c" differs from "a"+"bc").
pub fn bytes(data: &[u8]) -> u64 {
    let mut h = combine(0x51_7C_C1_B7_27_22_0A_95, data.len() as u64);
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        h = combine(
            h,
            u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]),
        );
    }
    let mut last = [0u8; 8];
    let rest = chunks.remainder();
    last[..rest.len()].copy_from_slice(rest);
    combine(h, u64::from_le_bytes(last))
}

/// Final avalanche (murmur3's fmix64) so the low bits used as a bucket are well mixed.
#[inline]
pub fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}

/// A `Hasher` for keys that are already well-mixed 64-bit hashes: it passes them
/// through (the std default, SipHash, would hash them again, slowly).
#[derive(Default, Clone, Copy)]
pub struct Prehashed(u64);

impl std::hash::Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = bytes.iter().fold(self.0, |h, &b| combine(h, u64::from(b)));
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = finish(value);
    }
}

/// A map keyed by 64-bit hashes.
pub type HashMap<V> = std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<Prehashed>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_values() {
        // Pinned: a change here silently invalidates every saved model.
        assert_eq!(finish(bytes(b"Reuters")), 16_450_981_126_959_836_650);
        assert_ne!(bytes(b"ab"), bytes(b"ab\0"));
    }
}
