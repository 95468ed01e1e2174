//! Searching a sorted slice from its front, for scans that walk it front to back (the
//! tokens of each sentence in turn): a binary search over the whole rest per step would
//! cost O(log n) each, O(n log n) in all; this costs O(log k) for an answer k.

/// `slice.partition_point(pred)` (`pred` true on a prefix, false after), found by
/// doubling a probe from the front, then bisecting the last step.
pub fn partition_point_from_front<T>(slice: &[T], mut pred: impl FnMut(&T) -> bool) -> usize {
    let mut low = 0;
    let mut step = 1;
    // Invariant: pred holds on slice[..low].
    while low + step <= slice.len() && pred(&slice[low + step - 1]) {
        low += step;
        step *= 2;
    }
    let high = (low + step).min(slice.len());
    low + slice[low..high].partition_point(pred)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_standard_partition_point() {
        for len in 0..70usize {
            let slice: Vec<usize> = (0..len).collect();
            for cut in 0..=len {
                assert_eq!(
                    partition_point_from_front(&slice, |&x| x < cut),
                    slice.partition_point(|&x| x < cut),
                    "len {len} cut {cut}"
                );
            }
        }
    }

    #[test]
    fn probes_near_the_front_only() {
        let slice: Vec<usize> = (0..1_000_000).collect();
        let mut probes = 0;
        assert_eq!(
            partition_point_from_front(&slice, |&x| {
                probes += 1;
                x < 3
            }),
            3
        );
        assert!(probes <= 6, "{probes} probes");
    }
}
