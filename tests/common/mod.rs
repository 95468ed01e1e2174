//! Helpers shared by the Rust integration tests.

/// A deterministic pseudo-random sequence (64-bit LCG), so generated inputs
/// are the same on every run.
pub struct Sequence(pub u64);

impl Sequence {
    /// The next number below `below`.
    pub fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % below
    }
}
