//! The positions of a few given bytes in a text, for scans whose hits are dense (every
//! period of prose). A search that restarts after each hit pays its set-up per hit;
//! here 64 bytes are compared at a time into a bit mask whose bits are then read off.

/// The positions in `bytes` that hold one of `targets`, in order.
pub fn positions<const N: usize>(bytes: &[u8], targets: [u8; N]) -> Positions<'_, N> {
    Positions {
        bytes,
        targets,
        block: 0,
        mask: 0,
    }
}

/// Iterator of [`positions`].
pub struct Positions<'b, const N: usize> {
    bytes: &'b [u8],
    targets: [u8; N],
    /// Start of the next block to compare.
    block: usize,
    /// Hits of the last block not yet returned, by bit (bit i: byte `block - 64 + i`).
    mask: u64,
}

impl<const N: usize> Iterator for Positions<'_, N> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.mask == 0 {
            let rest = self.bytes.get(self.block..).filter(|r| !r.is_empty())?;
            self.mask = match rest.first_chunk::<64>() {
                Some(block) => block_mask(block, &self.targets),
                // The tail, shorter than a block: byte by byte.
                None => scalar_mask(rest, &self.targets),
            };
            self.block += 64;
        }
        let at = self.block - 64 + self.mask.trailing_zeros() as usize;
        self.mask &= self.mask - 1;
        Some(at)
    }
}

/// Bit i set when `block[i]` is one of `targets`: 16 bytes per SSE2 comparison (every
/// x86-64 CPU has SSE2).
#[cfg(target_arch = "x86_64")]
fn block_mask<const N: usize>(block: &[u8; 64], targets: &[u8; N]) -> u64 {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
        _mm_setzero_si128,
    };
    let mut mask = 0u64;
    for (part, chunk) in block.chunks_exact(16).enumerate() {
        // SAFETY: SSE2 is part of x86-64, and the unaligned load reads the 16 bytes of `chunk`.
        let bits = unsafe {
            let v = _mm_loadu_si128(chunk.as_ptr().cast());
            let mut any = _mm_setzero_si128();
            for &t in targets.iter() {
                any = _mm_or_si128(any, _mm_cmpeq_epi8(v, _mm_set1_epi8(t as i8)));
            }
            _mm_movemask_epi8(any) as u32 as u64
        };
        mask |= bits << (16 * part);
    }
    mask
}

#[cfg(not(target_arch = "x86_64"))]
fn block_mask<const N: usize>(block: &[u8; 64], targets: &[u8; N]) -> u64 {
    scalar_mask(block, targets)
}

/// Bit i set when `bytes[i]` (at most 64 bytes) is one of `targets`, byte by byte.
fn scalar_mask(bytes: &[u8], targets: &[u8]) -> u64 {
    bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| targets.contains(b))
        .fold(0, |mask, (i, _)| mask | 1 << i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_a_byte_walk_finds_at_every_length_and_offset() {
        let text: Vec<u8> = (0..300u32)
            .map(|i| match i % 7 {
                0 => b'.',
                3 if i % 2 == 0 => b')',
                _ => b'a' + (i % 26) as u8,
            })
            .chain([0xff, b'.', 0x80])
            .collect();
        for start in [0, 1, 5, 63, 64, 65, 130] {
            for end in [
                start,
                start + 1,
                start + 63,
                start + 64,
                start + 129,
                text.len(),
            ] {
                let bytes = &text[start..end.min(text.len())];
                let got: Vec<usize> = positions(bytes, [b'.', b')']).collect();
                let want: Vec<usize> = (0..bytes.len())
                    .filter(|&i| matches!(bytes[i], b'.' | b')'))
                    .collect();
                assert_eq!(got, want, "bytes {start}..{end}");
            }
        }
    }
}
