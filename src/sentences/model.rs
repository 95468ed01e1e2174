//! A learned scorer for sentence boundaries that no terminator marks ("We met at the office
//! Thanks for coming"): a linear model over hashed features of the words on each side of a
//! space. Weights are trained by `bench/sentences_train/train_boundary_model.py` on UD
//! English-EWT train and compiled in from `data/models/sentences/`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::words::{contains_folded, FOLDED_MAX};
use crate::lang::abbreviations::LanguageData;

/// The keys are FNV hashes already: hashing them again would only cost time.
#[derive(Default)]
struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Weights by feature hash, and the score above which a gap is a boundary.
#[derive(Debug, Default)]
pub struct BoundaryModel {
    weights: HashMap<u64, f32, BuildHasherDefault<IdentityHasher>>,
    threshold: f32,
}

const EN_WEIGHTS: &str = include_str!("../../data/models/sentences/en_boundaries.tsv");

/// The model of `language`, if one ships (English only) and it has weights.
pub fn bundled(language: &str) -> Option<&'static BoundaryModel> {
    static EN: OnceLock<BoundaryModel> = OnceLock::new();
    match language {
        "en" => Some(EN.get_or_init(|| BoundaryModel::parse(EN_WEIGHTS)))
            .filter(|m| !m.weights.is_empty()),
        _ => None,
    }
}

impl BoundaryModel {
    /// Lines `threshold\t<f>` and `<hex hash>\t<weight>`; `#` starts a comment.
    pub fn parse(source: &str) -> BoundaryModel {
        let mut model = BoundaryModel::default();
        for line in source.lines().filter(|l| !l.starts_with('#')) {
            let Some((key, value)) = line.split_once('\t') else {
                continue;
            };
            let Ok(value) = value.trim().parse::<f32>() else {
                continue;
            };
            if key == "threshold" {
                model.threshold = value;
            } else if let Ok(hash) = u64::from_str_radix(key, 16) {
                model.weights.insert(hash, value);
            }
        }
        model
    }

    fn score(&self, features: &[u64]) -> f32 {
        features
            .iter()
            .map(|h| self.weights.get(h).copied().unwrap_or(0.0))
            .sum()
    }

    /// Byte offsets (ends of words) where the model puts a boundary in `text`.
    pub fn boundaries(&self, text: &str, data: &LanguageData, wrapped: bool) -> Vec<usize> {
        let mut out = Vec::new();
        for_each_candidate(text, data, wrapped, |end, features| {
            if self.score(features) > self.threshold {
                out.push(end);
            }
        });
        out
    }
}

/// FNV-1a, fed byte by byte: a feature's hash.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    /// The hash state after a template number.
    fn template(template: u8) -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325).eat(template)
    }

    #[inline]
    fn eat(self, b: u8) -> Fnv {
        Fnv((self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
    }

    /// Adds one part: a separator, then its bytes.
    fn part(self, bytes: &[u8]) -> Fnv {
        bytes.iter().fold(self.eat(0xff), |h, &b| h.eat(b))
    }

    /// Adds `word` lower-cased as one part, without a buffer; `None` when the lower-cased
    /// word would not fit `FOLDED_MAX` bytes (the rule the lexical features have always followed).
    fn folded_part(self, word: &str) -> Option<Fnv> {
        let mut hash = self.eat(0xff);
        if word.is_ascii() {
            if word.len() > FOLDED_MAX {
                return None;
            }
            return Some(
                word.bytes()
                    .fold(hash, |h, b| h.eat(b.to_ascii_lowercase())),
            );
        }
        let mut len = 0;
        let mut buf = [0u8; 4];
        for c in word.chars().flat_map(char::to_lowercase) {
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            len += bytes.len();
            if len > FOLDED_MAX {
                return None;
            }
            hash = bytes.iter().fold(hash, |h, &b| h.eat(b));
        }
        Some(hash)
    }
}

/// A feature's hash: FNV-1a over a template number and its parts.
fn feature(template: u8, parts: &[&[u8]]) -> u64 {
    parts
        .iter()
        .fold(Fnv::template(template), |h, part| h.part(part))
        .0
}

/// Word shape: ASCII capitals to X, small letters to x, digits to d, other characters
/// kept; runs of one symbol cut to two; at most 6 characters.
fn shape(word: &str, buf: &mut [u8; 24]) -> usize {
    let (mut len, mut chars) = (0, 0);
    let (mut last, mut run) = ('\0', 0);
    for c in word.chars() {
        let s = match c {
            'A'..='Z' => 'X',
            'a'..='z' => 'x',
            '0'..='9' => 'd',
            _ => c,
        };
        run = if s == last { run + 1 } else { 1 };
        last = s;
        if run > 2 {
            continue;
        }
        if len + s.len_utf8() > buf.len() {
            break;
        }
        len += s.encode_utf8(&mut buf[len..]).len();
        chars += 1;
        if chars == 6 {
            break;
        }
    }
    len
}

/// Most features a candidate has.
pub const MAX_FEATURES: usize = 11;

/// Byte length of the whitespace character at `i`, or 0 when it is none. ASCII is read
/// without decoding.
#[inline]
fn space_len(text: &str, i: usize) -> usize {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return usize::from(b.is_ascii_whitespace());
    }
    wide_space_len(text, i)
}

/// `space_len` for a character outside ASCII, kept out of line so the ASCII test inlines.
#[inline(never)]
fn wide_space_len(text: &str, i: usize) -> usize {
    match text[i..].chars().next() {
        Some(c) if c.is_whitespace() => c.len_utf8(),
        _ => 0,
    }
}

/// Whitespace-separated words as (start, end, line breaks in the gap before, up to 2).
fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

struct Words<'t> {
    text: &'t str,
    at: usize,
}

impl Iterator for Words<'_> {
    type Item = (usize, usize, u8);

    // Called once per word: left out of line, the call costs about 2% of a split.
    #[inline(always)]
    fn next(&mut self) -> Option<Self::Item> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        let mut i = self.at;
        let mut newlines = 0u8;
        loop {
            if i >= bytes.len() {
                return None;
            }
            let n = space_len(text, i);
            if n == 0 {
                break;
            }
            newlines = (newlines + u8::from(bytes[i] == b'\n')).min(2);
            i += n;
        }
        let start = i;
        loop {
            i = next_space_or_other(bytes, i);
            if i >= bytes.len() || space_len(text, i) > 0 {
                break;
            }
            // A control byte or a non-space character outside ASCII: part of the word.
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
        self.at = i;
        Some((start, i, newlines))
    }
}

/// The first byte at or after `from` (a character boundary) that may be whitespace: ASCII
/// below `!` or any non-ASCII byte (then a character's first byte); `bytes.len()` if none.
/// Eight bytes are tested at a time, so a word costs no branch per letter.
fn next_space_or_other(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    let mut i = from;
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

/// Calls `f(end, features)` for every space between two words where the first word ends
/// in no terminator and the second starts with a capital, digit or symbol: the gaps the
/// rules never split. In `wrapped` text a single line break counts as a space.
pub fn for_each_candidate(
    text: &str,
    data: &LanguageData,
    wrapped: bool,
    mut f: impl FnMut(usize, &[u64]),
) {
    WORD_MEMO.with_borrow_mut(|memo| {
        memo.prepare(data);
        candidates_with(text, data, wrapped, memo, &mut f);
    });
}

/// `for_each_candidate` with the thread's word memo.
fn candidates_with(
    text: &str,
    data: &LanguageData,
    wrapped: bool,
    memo: &mut WordMemo,
    f: &mut impl FnMut(usize, &[u64]),
) {
    let bytes = text.as_bytes();
    let mut previous: Option<(usize, usize)> = None;
    let mut since = 0usize;
    for (start, end, newlines) in words(text) {
        if let Some((ps, pe)) = previous {
            since += 1;
            let line_ends = newlines >= 2 || newlines == 1 && !wrapped;
            // Terminators are ASCII, so the word's last byte tells.
            if line_ends || matches!(bytes[pe - 1], b'.' | b'!' | b'?') {
                since = 0;
            } else {
                let next = &text[start..end];
                let prev = &text[ps..pe];
                // The cheap test first: most words start in lower case.
                if let Some(first) = first_of_candidate(next) {
                    if !is_item_marker(prev) {
                        let before = memo.parts(prev, data);
                        let after = memo.parts(next, data);
                        candidate(prev, pe, &before, &after, first, since, f);
                    }
                }
            }
        }
        previous = Some((start, end));
    }
}

/// The first character of `next` when a sentence could start with it (a capital, digit or
/// symbol), else `None`.
#[inline]
fn first_of_candidate(next: &str) -> Option<char> {
    let b = *next.as_bytes().first()?;
    if b < 0x80 {
        return (!b.is_ascii_lowercase()).then_some(char::from(b));
    }
    next.chars()
        .next()
        .filter(|&c| c.is_uppercase() || c.is_numeric() || !c.is_alphanumeric())
}

/// "•", "1)", "2.)", "a)": a list item's marker, which its text follows.
fn is_item_marker(word: &str) -> bool {
    let body = word.trim_end_matches([')', '.']);
    let mut chars = word.chars();
    let bullet =
        matches!((chars.next(), chars.next()), (Some(c), None) if super::punctuation::is_bullet(c));
    bullet
        || body.len() < word.len()
            && (1..=2).contains(&body.len())
            && (body.bytes().all(|b| b.is_ascii_digit())
                || body.len() == 1 && body.bytes().all(|b| b.is_ascii_lowercase()))
}

/// `word` without the quotes and brackets around it.
fn core(word: &str) -> &str {
    word.trim_matches(['"', '\'', '(', ')'])
}

/// What the features take from one word, on either side of a gap: its lower-cased form
/// (templates 1 and 2), its shape (3 and 4, and the pairs), whether it starts sentences.
#[derive(Debug, Clone, Copy)]
struct WordParts {
    /// Keys of templates 1 and 2; `None` when the word is too long to fold (then a gap
    /// next to it is no candidate).
    lower_before: Option<u64>,
    lower_after: Option<u64>,
    /// Keys of templates 3 and 4.
    shape_before: u64,
    shape_after: u64,
    starter: bool,
    shape: [u8; 24],
    shape_len: u8,
}

impl WordParts {
    fn of(word: &str, data: &LanguageData) -> WordParts {
        let core = core(word);
        let mut shape_buf = [0u8; 24];
        let shape_len = shape(word, &mut shape_buf);
        let word_shape = &shape_buf[..shape_len];
        WordParts {
            lower_before: Fnv::template(1).folded_part(core).map(|h| h.0),
            lower_after: Fnv::template(2).folded_part(core).map(|h| h.0),
            shape_before: feature(3, &[word_shape]),
            shape_after: feature(4, &[word_shape]),
            starter: contains_folded(&data.starters, core.trim_matches(['.', ','])),
            shape: shape_buf,
            // At most 24.
            shape_len: shape_len as u8,
        }
    }

    fn shape(&self) -> &[u8] {
        &self.shape[..usize::from(self.shape_len)]
    }
}

/// Words whose parts a thread remembers: words recur ("The", "said", names), and
/// folding, hashing and the starter lookup cost more than one lookup here.
struct WordMemo {
    /// Address of the language data the parts were computed with (starters differ).
    data: usize,
    words: FxHashMap<Box<str>, WordParts>,
}

/// Longer words are computed every time (no text kept for them).
const MEMO_WORD_BYTES: usize = 32;
/// Words remembered before starting afresh (bounds memory to a few MB).
const MEMO_WORDS: usize = 50_000;

thread_local! {
    static WORD_MEMO: RefCell<WordMemo> = RefCell::new(WordMemo {
        data: 0,
        words: FxHashMap::default(),
    });
}

impl WordMemo {
    fn prepare(&mut self, data: &LanguageData) {
        let address = std::ptr::from_ref(data) as usize;
        if self.data != address {
            self.words.clear();
            self.data = address;
        }
    }

    fn parts(&mut self, word: &str, data: &LanguageData) -> WordParts {
        if word.len() > MEMO_WORD_BYTES {
            return WordParts::of(word, data);
        }
        if let Some(&parts) = self.words.get(word) {
            return parts;
        }
        if self.words.len() >= MEMO_WORDS {
            self.words.clear();
        }
        let parts = WordParts::of(word, data);
        self.words.insert(word.into(), parts);
        parts
    }
}

/// The features of the gap after `prev` (ending at byte `prev_end`, with parts `before`)
/// before the word with parts `after` (whose first character is `first`), with `since`
/// words since the last line break or terminator.
fn candidate(
    prev: &str,
    prev_end: usize,
    before: &WordParts,
    after: &WordParts,
    first: char,
    since: usize,
    f: &mut impl FnMut(usize, &[u64]),
) {
    let (Some(prev_lower), Some(next_lower)) = (before.lower_before, after.lower_after) else {
        return;
    };
    let (prev_shape, next_shape) = (before.shape(), after.shape());
    let last = prev.chars().next_back().unwrap_or(' ');
    let (mut last_buf, mut first_buf) = ([0u8; 4], [0u8; 4]);
    let last_bytes: &[u8] = last.encode_utf8(&mut last_buf).as_bytes();
    let first_bytes: &[u8] = first.encode_utf8(&mut first_buf).as_bytes();
    let last_class: &[u8] = if last.is_alphanumeric() {
        b"aln"
    } else {
        last_bytes
    };
    let starter_flag: &[u8] = if after.starter { b"1" } else { b"0" };
    let since_bucket = [b'0' + since.min(12) as u8];
    let shape_tail = &prev_shape[prev_shape.len().saturating_sub(2)..];
    let features: [u64; MAX_FEATURES] = [
        feature(0, &[]),
        prev_lower,
        next_lower,
        before.shape_before,
        after.shape_after,
        feature(5, &[prev_shape, next_shape]),
        feature(6, &[last_class]),
        feature(7, &[starter_flag]),
        feature(8, &[&since_bucket]),
        feature(9, &[starter_flag, shape_tail]),
        feature(10, &[last_bytes, first_bytes]),
    ];
    f(prev_end, &features);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_are_short_and_collapsed() {
        let mut buf = [0u8; 24];
        let n = shape("Hello", &mut buf);
        assert_eq!(&buf[..n], b"Xxx");
        let n = shape("AB12345cd!", &mut buf);
        assert_eq!(&buf[..n], b"XXddxx");
    }

    #[test]
    fn candidates_are_unpunctuated_gaps_before_capitals() {
        let data = crate::lang::abbreviations::bundled("en").unwrap();
        let mut ends = Vec::new();
        let text = "Posted by darin Ben made it. Then we left\nNext line and more";
        for_each_candidate(text, data, false, |end, features| {
            assert_eq!(features.len(), MAX_FEATURES);
            ends.push(end);
        });
        // "darin|Ben" only: "it.|Then" has a terminator, "left|Next" a line break.
        assert_eq!(ends, [15]);
        let mut wrapped = Vec::new();
        for_each_candidate(text, data, true, |end, _| wrapped.push(end));
        assert_eq!(wrapped, [15, 41]);
    }

    #[test]
    fn folded_words_hash_as_their_lower_case() {
        for word in ["HeLLo", "Zoë", "İstanbul", "ΣΟΦΙΑ"] {
            let lower = word.to_lowercase();
            let streamed = Fnv::template(1).folded_part(word).unwrap().0;
            assert_eq!(streamed, feature(1, &[lower.as_bytes()]), "{word}");
        }
        assert!(Fnv::template(1)
            .folded_part(&"x".repeat(FOLDED_MAX + 1))
            .is_none());
    }

    #[test]
    fn words_split_at_any_whitespace() {
        let text = "a\tbcdefghijk lm\u{a0}n\u{1}o é\u{3000}x\n\ny";
        let found: Vec<_> = words(text).map(|(s, e, n)| (&text[s..e], n)).collect();
        assert_eq!(
            found,
            [
                ("a", 0),
                ("bcdefghijk", 0),
                ("lm", 0),
                ("n\u{1}o", 0),
                ("é", 0),
                ("x", 0),
                ("y", 2)
            ]
        );
        assert_eq!(next_space_or_other(b"abcdefghij", 0), 10);
        assert_eq!(next_space_or_other(b"abcdefghi jk", 2), 9);
    }

    #[test]
    fn remembered_words_give_the_features_computed_afresh() {
        let en = crate::lang::abbreviations::bundled("en").unwrap();
        let de = crate::lang::abbreviations::bundled("de").unwrap();
        let text = "Posted by darin Ben made it Then we saw The Guardian Report 2 ok";
        let collect = |data| {
            let mut found = Vec::new();
            for_each_candidate(text, data, false, |end, features| {
                found.push((end, features.to_vec()))
            });
            found
        };
        let first = collect(en);
        assert!(!first.is_empty());
        // The second pass reads every word from the memo; another language resets it.
        assert_eq!(collect(en), first);
        collect(de);
        assert_eq!(collect(en), first);
        // Against a memo that starts empty (the text has no repeated word).
        let mut fresh = Vec::new();
        let mut empty = WordMemo {
            data: 0,
            words: FxHashMap::default(),
        };
        empty.prepare(en);
        candidates_with(text, en, false, &mut empty, &mut |end, features: &[u64]| {
            fresh.push((end, features.to_vec()))
        });
        assert_eq!(fresh, first);
    }

    #[test]
    fn list_markers_are_no_candidates() {
        assert!(is_item_marker("•") && is_item_marker("2.)") && is_item_marker("a)"));
        assert!(!is_item_marker("word") && !is_item_marker("(see)"));
    }

    #[test]
    fn weights_parse() {
        let m = BoundaryModel::parse("# c\nthreshold\t0.5\nff\t1.25\nbad line\n");
        assert_eq!(m.threshold, 0.5);
        assert_eq!(m.weights.get(&0xff), Some(&1.25));
    }
}
