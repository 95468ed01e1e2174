//! The gaps between words that the boundary model scores, found from bit masks over
//! 64-byte blocks: only words that start with no small ASCII letter, line breaks and
//! terminators at a word's end are visited one by one. Most words start in lower case,
//! and a word-by-word pass spent more time finding them than the model spent scoring.

/// A gap before a word that could start a sentence: not after a terminator or a line
/// break that ends a line (see [`for_each_gap`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap {
    /// Start and end byte of the word before the gap.
    pub prev: (usize, usize),
    /// First byte of the word after it; its first byte is no small ASCII letter.
    pub next_start: usize,
    /// Gaps since the last line break or terminator (1 for the first word after it).
    pub since: usize,
}

/// Calls `f` for every gap between two whitespace-separated words where the next word
/// does not start with a small ASCII letter, the word before does not end in `.`, `!` or
/// `?`, and the whitespace has no line break (in `wrapped` text: fewer than two). Words
/// are split at ASCII whitespace and at any Unicode whitespace character.
pub fn for_each_gap(text: &str, wrapped: bool, mut f: impl FnMut(Gap)) {
    let bytes = text.as_bytes();
    let mut state = Walk {
        wrapped,
        started: false,
        since: 0,
        newlines: 0,
        after_terminator: false,
        last_word_start: 0,
    };
    // Bits carried into the next block: whether its first byte follows whitespace (the
    // text's start counts as whitespace) or a terminator, and the bytes of a wide
    // whitespace character that run over the block's end.
    let (mut after_ws, mut after_terminator, mut ws_spill) = (1u64, 0u64, 0u64);
    let mut padded = [b'a'; 64];
    for block_start in (0..bytes.len()).step_by(64) {
        let chunk: &[u8; 64] = match bytes.get(block_start..block_start + 64) {
            Some(full) => full.try_into().expect("64 bytes"),
            None => {
                // The last, short block: padded with a small letter, which starts no gap.
                let rest = &bytes[block_start..];
                padded[..rest.len()].copy_from_slice(rest);
                padded[rest.len()..].fill(b'a');
                &padded
            }
        };
        let masks = classify(chunk);
        let mut ws = masks.ws | ws_spill;
        ws_spill = 0;
        if masks.non_ascii != 0 {
            ws_spill = add_wide_spaces(text, block_start, masks.non_ascii, &mut ws);
        }
        let word_starts = !ws & (ws << 1 | after_ws);
        let terminated = ws & (masks.terminator << 1 | after_terminator);
        let lower_starts = word_starts & masks.lower;
        let other_starts = word_starts & !masks.lower;
        let mut events = other_starts | masks.newline | terminated;
        let mut done = 0u64; // bits below the next event already accounted for
        while events != 0 {
            let bit = events & events.wrapping_neg();
            events ^= bit;
            let below = bit - 1;
            state.lower_starts(block_start, lower_starts & below & !done);
            done = below | bit;
            if masks.newline & bit != 0 {
                state.newlines = (state.newlines + 1).min(2);
            }
            if terminated & bit != 0 {
                state.after_terminator = true;
            }
            if other_starts & bit != 0 {
                let at = block_start + bit.trailing_zeros() as usize;
                if let Some(prev_start) = state.word_start(at) {
                    f(Gap {
                        prev: (prev_start, word_end(text, prev_start)),
                        next_start: at,
                        since: state.since,
                    });
                }
            }
        }
        state.lower_starts(block_start, lower_starts & !done);
        after_ws = ws >> 63;
        after_terminator = masks.terminator >> 63;
    }
}

/// The running state of [`for_each_gap`] between word starts.
struct Walk {
    wrapped: bool,
    /// Whether the first word has been seen (no gap comes before it).
    started: bool,
    /// Gaps since the last line break or terminator, as [`Gap::since`].
    since: usize,
    /// Line breaks in the current gap, up to 2.
    newlines: u8,
    /// Whether the word before the current gap ends in a terminator.
    after_terminator: bool,
    last_word_start: usize,
}

impl Walk {
    /// A word starts at `at`: counts the gap before it. Returns the start of the word
    /// before when the gap is a candidate.
    fn word_start(&mut self, at: usize) -> Option<usize> {
        let prev = std::mem::replace(&mut self.last_word_start, at);
        let newlines = std::mem::take(&mut self.newlines);
        let after_terminator = std::mem::take(&mut self.after_terminator);
        if !std::mem::replace(&mut self.started, true) {
            return None;
        }
        let line_ends = newlines >= 2 || newlines == 1 && !self.wrapped;
        if line_ends || after_terminator {
            self.since = 0;
            return None;
        }
        self.since += 1;
        Some(prev)
    }

    /// Words that start with a small letter at the bits of `starts` (a block's mask):
    /// no candidates, but they count, and the first ends the gap before it.
    fn lower_starts(&mut self, block_start: usize, starts: u64) {
        if starts == 0 {
            return;
        }
        self.word_start(block_start + starts.trailing_zeros() as usize);
        self.since += starts.count_ones() as usize - 1;
        self.last_word_start = block_start + 63 - starts.leading_zeros() as usize;
    }
}

/// Masks of one block: bit i describes byte i.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Masks {
    /// ASCII whitespace (space, tab, line feed, form feed, carriage return).
    ws: u64,
    newline: u64,
    /// `.`, `!`, `?`.
    terminator: u64,
    /// `a` to `z`.
    lower: u64,
    /// Bytes from 0x80 up.
    non_ascii: u64,
}

/// The masks of a block, byte by byte: the definition the vector version must match.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn classify_bytes(chunk: &[u8; 64]) -> Masks {
    let mut m = Masks::default();
    for (i, &b) in chunk.iter().enumerate() {
        let bit = 1u64 << i;
        let set = |mask: &mut u64, yes: bool| *mask |= if yes { bit } else { 0 };
        set(&mut m.ws, b.is_ascii_whitespace());
        set(&mut m.newline, b == b'\n');
        set(&mut m.terminator, matches!(b, b'.' | b'!' | b'?'));
        set(&mut m.lower, b.is_ascii_lowercase());
        set(&mut m.non_ascii, b >= 0x80);
    }
    m
}

#[cfg(not(target_arch = "x86_64"))]
fn classify(chunk: &[u8; 64]) -> Masks {
    classify_bytes(chunk)
}

/// [`classify_bytes`] with SSE2 (part of every x86-64 CPU), 16 bytes per comparison.
#[cfg(target_arch = "x86_64")]
fn classify(chunk: &[u8; 64]) -> Masks {
    use std::arch::x86_64::{
        _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_loadu_si128,
        _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    let mut m = Masks::default();
    for (k, part) in chunk.chunks_exact(16).enumerate() {
        let shift = 16 * k;
        // SAFETY: SSE2 is part of x86-64; the unaligned load reads the 16 bytes of `part`.
        unsafe {
            let v = _mm_loadu_si128(part.as_ptr().cast());
            let is = |b: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8));
            let bits = |x| (_mm_movemask_epi8(x) as u32 as u64) << shift;
            let newline = is(b'\n');
            let ws = _mm_or_si128(
                _mm_or_si128(is(b' '), is(b'\t')),
                _mm_or_si128(newline, _mm_or_si128(is(0x0c), is(b'\r'))),
            );
            m.ws |= bits(ws);
            m.newline |= bits(newline);
            m.terminator |= bits(_mm_or_si128(is(b'.'), _mm_or_si128(is(b'!'), is(b'?'))));
            // Signed comparisons: bytes from 0x80 up are negative, so never letters.
            let lower = _mm_and_si128(
                _mm_cmpgt_epi8(v, _mm_set1_epi8(b'a' as i8 - 1)),
                _mm_cmplt_epi8(v, _mm_set1_epi8(b'z' as i8 + 1)),
            );
            m.lower |= bits(lower);
            m.non_ascii |= bits(v);
        }
    }
    m
}

/// Marks in `ws` the bytes of the whitespace characters outside ASCII (no-break space,
/// ideographic space, ...) that start in the block at `block_start`; returns the bits of
/// those that run on into the next block.
fn add_wide_spaces(text: &str, block_start: usize, non_ascii: u64, ws: &mut u64) -> u64 {
    let bytes = text.as_bytes();
    let mut spill = 0u64;
    let mut rest = non_ascii;
    while rest != 0 {
        let i = rest.trailing_zeros() as usize;
        rest &= rest - 1;
        let at = block_start + i;
        // Continuation bytes belong to the character of their lead byte.
        if at >= bytes.len() || bytes[at] < 0xc0 {
            continue;
        }
        let c = text[at..].chars().next().expect("a character starts here");
        if !c.is_whitespace() {
            continue;
        }
        let run = (1u128 << c.len_utf8()) - 1;
        let bits = run << i;
        *ws |= bits as u64;
        spill |= (bits >> 64) as u64;
    }
    spill
}

/// The end of the word starting at `start`: the first whitespace character after it.
pub fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    loop {
        i = next_space_or_other(bytes, i);
        if i >= bytes.len() || space_len(text, i) > 0 {
            return i;
        }
        // A control byte or a non-space character outside ASCII: part of the word.
        i += text[i..].chars().next().map_or(1, char::len_utf8);
    }
}

/// Byte length of the whitespace character at `i`, or 0 when it is none.
#[inline]
fn space_len(text: &str, i: usize) -> usize {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return usize::from(b.is_ascii_whitespace());
    }
    match text[i..].chars().next() {
        Some(c) if c.is_whitespace() => c.len_utf8(),
        _ => 0,
    }
}

/// The first byte at or after `from` (a character boundary) that may be whitespace: ASCII
/// below `!` or any non-ASCII byte (then a character's first byte); `bytes.len()` if none.
/// Sixteen bytes are tested at a time with SSE2 on x86-64, eight elsewhere, so a word
/// costs no branch per letter.
fn next_space_or_other(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    let mut i = from;
    #[cfg(target_arch = "x86_64")]
    while let Some(chunk) = bytes.get(i..i + 16) {
        use std::arch::x86_64::{
            _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8,
        };
        // SAFETY: SSE2 is part of x86-64; the unaligned load reads the 16 bytes of `chunk`.
        let found = unsafe {
            let v = _mm_loadu_si128(chunk.as_ptr().cast());
            // Signed: bytes from 0x80 up are negative, so below 0x21 too.
            _mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(0x21)))
        };
        if found != 0 {
            return i + found.trailing_zeros() as usize;
        }
        i += 16;
    }
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // High bit of each byte below 0x21 (exact up to the first one) or above 0x7f.
        let found = (x.wrapping_sub(ONES * 0x21) & !x | x) & HIGH;
        if found != 0 {
            return i + found.trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    i + bytes[i..]
        .iter()
        .position(|b| !(0x21..0x80).contains(b))
        .unwrap_or(bytes.len() - i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The gaps as a plain walk over the words finds them: the definition.
    fn gaps_word_by_word(text: &str, wrapped: bool) -> Vec<Gap> {
        let mut words = Vec::new(); // (start, end, line breaks before, up to 2)
        let mut i = 0;
        let mut newlines = 0u8;
        while i < text.len() {
            let n = space_len(text, i);
            if n > 0 {
                newlines = (newlines + u8::from(text.as_bytes()[i] == b'\n')).min(2);
                i += n;
                continue;
            }
            let end = word_end(text, i);
            words.push((i, end, newlines));
            (i, newlines) = (end, 0);
        }
        let mut found = Vec::new();
        let mut since = 0;
        for pair in words.windows(2) {
            let ((ps, pe, _), (start, _, newlines)) = (pair[0], pair[1]);
            since += 1;
            let line_ends = newlines >= 2 || newlines == 1 && !wrapped;
            if line_ends || matches!(text.as_bytes()[pe - 1], b'.' | b'!' | b'?') {
                since = 0;
            } else if !text.as_bytes()[start].is_ascii_lowercase() {
                found.push(Gap {
                    prev: (ps, pe),
                    next_start: start,
                    since,
                });
            }
        }
        found
    }

    fn gaps(text: &str, wrapped: bool) -> Vec<Gap> {
        let mut found = Vec::new();
        for_each_gap(text, wrapped, |g| found.push(g));
        found
    }

    #[test]
    fn gaps_are_found_as_a_walk_over_the_words_finds_them() {
        let text = "Posted by darin Ben made it. Then we left\nNext line\n\nand More";
        let found = gaps(text, false);
        assert_eq!(found, gaps_word_by_word(text, false));
        let words: Vec<_> = found.iter().map(|g| &text[g.prev.0..g.prev.1]).collect();
        assert_eq!(words, ["darin", "and"]);
        assert_eq!(found[0].since, 3);
        assert_eq!(gaps(text, true), gaps_word_by_word(text, true));
        assert_eq!(gaps(text, true).len(), 3);
    }

    #[test]
    fn blocks_edges_and_wide_spaces_give_the_same_gaps() {
        // Words, spaces and line breaks of every kind at every offset around the block
        // edges (64 and 128), with wide characters that run over them.
        let pieces = [
            "a",
            "Bc",
            "x.",
            "Y!",
            "\u{a0}",
            "\u{3000}",
            " ",
            "\n",
            "\n\n",
            "é",
            "É",
            "\t",
            "\u{1}",
            "ß.",
            "9",
            "😀",
            "\u{2028}",
            "—",
            "\r\n",
            "\u{b}",
            "\u{85}",
            "\u{1c}",
            "a)",
            "Abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ.",
            "Éééééééééééééééééééé",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..3000 {
            let mut text = String::new();
            while text.len() < 200 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
                if seed % 3 == 0 {
                    text.push(' ');
                }
            }
            for wrapped in [false, true] {
                assert_eq!(
                    gaps(&text, wrapped),
                    gaps_word_by_word(&text, wrapped),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn vector_masks_match_the_byte_definition() {
        for b in 0..=255u8 {
            for at in [0, 15, 16, 33, 63] {
                let mut chunk = [b'a'; 64];
                chunk[at] = b;
                assert_eq!(
                    classify(&chunk),
                    classify_bytes(&chunk),
                    "byte {b:#x} at {at}"
                );
            }
        }
    }

    #[test]
    fn word_ends_at_any_whitespace() {
        let text = "ab\u{1}c\u{a0}d é\u{3000}x";
        assert_eq!(word_end(text, 0), 4);
        assert_eq!(word_end(text, 6), 7);
        assert_eq!(word_end(text, 8), 10);
    }

    #[test]
    fn spaces_and_other_bytes_are_found_at_every_offset() {
        crate::sentences::tests::check_byte_search(next_space_or_other, |b| {
            !(0x21..0x80).contains(&b)
        });
        assert_eq!(next_space_or_other(b"abcdefghij", 0), 10);
        assert_eq!(next_space_or_other(b"abcdefghi jk", 2), 9);
    }
}
