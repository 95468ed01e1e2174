//! A learned scorer for sentence boundaries that no terminator marks ("We met at the office
//! Thanks for coming"): a linear model over hashed features of the words on each side of a
//! space. Weights are trained by `bench/sentences_train/train_boundary_model.py` on UD
//! English-EWT train and compiled in from `data/models/sentences/`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::gaps;
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
    fixed: FixedWeights,
}

/// Weights of the features that take few values, looked up once when the model loads
/// instead of hashed and looked up at every gap.
#[derive(Debug, Default)]
struct FixedWeights {
    /// Template 0, present at every gap.
    bias: f32,
    /// Template 8 by words since the last line break or terminator (0 to 12).
    since: [f32; 13],
    /// Template 6 when the word before ends in a letter or digit.
    last_alphanumeric: f32,
    /// Template 6 by the word's last character, when it is other ASCII.
    last_ascii: Vec<f32>,
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
        model.fixed = FixedWeights {
            bias: model.weight(feature(0, &[])),
            since: std::array::from_fn(|k| model.weight(feature(8, &[&[b'0' + k as u8]]))),
            last_alphanumeric: model.weight(feature(6, &[b"aln"])),
            last_ascii: (0..128u8)
                .map(|b| model.weight(feature(6, &[&[b]])))
                .collect(),
        };
        model
    }

    fn weight(&self, feature: u64) -> f32 {
        self.weights.get(&feature).copied().unwrap_or(0.0)
    }

    /// The weights of one word's own features, on either side of a gap.
    fn word_weights(&self, parts: &WordParts) -> WordWeights {
        let tail = parts.shape_tail();
        let starter_flag: &[u8] = if parts.starter { b"1" } else { b"0" };
        WordWeights {
            before: parts.lower_before.map_or(0.0, |h| self.weight(h))
                + self.weight(parts.shape_before),
            after: parts.lower_after.map_or(0.0, |h| self.weight(h))
                + self.weight(parts.shape_after)
                + self.weight(feature(7, &[starter_flag])),
            tail_by_starter: [
                self.weight(feature(9, &[b"0", tail])),
                self.weight(feature(9, &[b"1", tail])),
            ],
        }
    }

    /// The sum of the weights of a gap's features (`Gap::features`), most of them
    /// precomputed per word, per value or (in `pairs`) per pair.
    fn score(&self, gap: &Gap, pairs: &mut PairWeights) -> f32 {
        let (before, after) = (&gap.before.weights, &gap.after.weights);
        let fixed = &self.fixed;
        let last_class = if gap.last.is_alphanumeric() {
            fixed.last_alphanumeric
        } else if gap.last.is_ascii() {
            fixed.last_ascii[gap.last as usize]
        } else {
            let mut last = [0u8; 4];
            self.weight(feature(6, &[gap.last.encode_utf8(&mut last).as_bytes()]))
        };
        fixed.bias
            + before.before
            + after.after
            + before.tail_by_starter[usize::from(gap.after.starter)]
            + fixed.since[gap.since.min(12)]
            + last_class
            + pairs.shape_pair(gap, self)
            + pairs.char_pair(gap, self)
    }

    /// Adds to `out` the byte offsets (ends of words) where the model puts a boundary in
    /// `text`, in order.
    pub fn add_boundaries(
        &self,
        text: &str,
        data: &LanguageData,
        wrapped: bool,
        out: &mut Vec<usize>,
    ) {
        WORD_MEMO.with_borrow_mut(|memo| {
            candidates_with(text, data, Some(self), wrapped, memo, &mut |gap, pairs| {
                if self.score(&gap, pairs) > self.threshold {
                    out.push(gap.prev_end);
                }
            });
        });
    }
}

/// FNV-1a, fed byte by byte: a feature's hash.
#[derive(Debug, Clone, Copy)]
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
        candidates_with(text, data, None, wrapped, memo, &mut |gap, _| {
            f(gap.prev_end, &gap.features());
        });
    });
}

/// The candidate gaps of `text`, with `memo` remembering word parts for `data` and `model`.
fn candidates_with(
    text: &str,
    data: &LanguageData,
    model: Option<&BoundaryModel>,
    wrapped: bool,
    memo: &mut WordMemo,
    f: &mut impl FnMut(Gap, &mut PairWeights),
) {
    memo.prepare(data, model);
    gaps::for_each_gap(text, wrapped, |gap| {
        // The cheap test first: a small letter outside ASCII starts no sentence either.
        let Some(first) = first_of_candidate(text, gap.next_start) else {
            return;
        };
        let prev = &text[gap.prev.0..gap.prev.1];
        if is_item_marker(prev) {
            return;
        }
        let next = &text[gap.next_start..gaps::word_end(text, gap.next_start)];
        let before = memo.parts(prev, data, model);
        let after = memo.parts(next, data, model);
        // A word too long to fold gives no candidate.
        if before.lower_before.is_some() && after.lower_after.is_some() {
            f(
                Gap {
                    prev_end: gap.prev.1,
                    before: &before,
                    after: &after,
                    last: prev.chars().next_back().unwrap_or(' '),
                    first,
                    since: gap.since,
                },
                &mut memo.pairs,
            );
        }
    });
}

/// The first character of the word at byte `start` when a sentence could start with it (a
/// capital, digit or symbol), else `None`. Tested before the word is sliced: most words
/// start in lower case and need nothing more.
#[inline]
fn first_of_candidate(text: &str, start: usize) -> Option<char> {
    let b = *text.as_bytes().get(start)?;
    if b < 0x80 {
        return (!b.is_ascii_lowercase()).then_some(char::from(b));
    }
    text.get(start..)?
        .chars()
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
    /// Template 5 hashed up to this word's shape, for a gap after it (the hash streams,
    /// so a gap adds only the next word's shape).
    shape_pair_start: Fnv,
    /// The shape's id in the memo's `PairWeights`, when it has one.
    shape_id: Option<u8>,
    /// With a model: the weights of the features above (zero without one).
    weights: WordWeights,
}

/// A word's share of a gap's score, by the side of the gap it stands on.
#[derive(Debug, Clone, Copy, Default)]
struct WordWeights {
    /// Templates 1 and 3.
    before: f32,
    /// Templates 2, 4 and 7.
    after: f32,
    /// Template 9 (this word's shape tail with the next word's starter flag), by that flag.
    tail_by_starter: [f32; 2],
}

impl WordParts {
    fn of(word: &str, data: &LanguageData, model: Option<&BoundaryModel>) -> WordParts {
        let core = core(word);
        let mut shape_buf = [0u8; 24];
        let shape_len = shape(word, &mut shape_buf);
        let word_shape = &shape_buf[..shape_len];
        let mut parts = WordParts {
            lower_before: Fnv::template(1).folded_part(core).map(|h| h.0),
            lower_after: Fnv::template(2).folded_part(core).map(|h| h.0),
            shape_before: feature(3, &[word_shape]),
            shape_after: feature(4, &[word_shape]),
            starter: contains_folded(&data.starters, core.trim_matches(['.', ','])),
            shape: shape_buf,
            // At most 24.
            shape_len: shape_len as u8,
            shape_pair_start: Fnv::template(5).part(word_shape),
            shape_id: None,
            weights: WordWeights::default(),
        };
        if let Some(model) = model {
            parts.weights = model.word_weights(&parts);
        }
        parts
    }

    fn shape(&self) -> &[u8] {
        &self.shape[..usize::from(self.shape_len)]
    }

    /// The shape's last two bytes.
    fn shape_tail(&self) -> &[u8] {
        let shape = self.shape();
        &shape[shape.len().saturating_sub(2)..]
    }
}

/// Words whose parts a thread remembers: words recur ("The", "said", names), and
/// folding, hashing and the starter and weight lookups cost more than one lookup here.
struct WordMemo {
    /// Addresses of the language data (starters differ) and of the model (weights
    /// differ; 0 for none) the parts were computed with.
    data: usize,
    model: usize,
    words: FxHashMap<Box<str>, WordParts>,
    pairs: PairWeights,
}

/// Longer words are computed every time (no text kept for them).
const MEMO_WORD_BYTES: usize = 32;
/// Words remembered before starting afresh (bounds memory to a few MB).
const MEMO_WORDS: usize = 50_000;

thread_local! {
    static WORD_MEMO: RefCell<WordMemo> = RefCell::new(WordMemo::new());
}

impl WordMemo {
    fn new() -> WordMemo {
        WordMemo {
            data: 0,
            model: 0,
            words: FxHashMap::default(),
            pairs: PairWeights::default(),
        }
    }

    fn prepare(&mut self, data: &LanguageData, model: Option<&BoundaryModel>) {
        let data = std::ptr::from_ref(data) as usize;
        let model = model.map_or(0, |m| std::ptr::from_ref(m) as usize);
        if (self.data, self.model) != (data, model) {
            self.words.clear();
            self.pairs.forget_weights();
            (self.data, self.model) = (data, model);
        }
    }

    /// The parts of `word`; `data` and `model` are those the memo was prepared for.
    fn parts(
        &mut self,
        word: &str,
        data: &LanguageData,
        model: Option<&BoundaryModel>,
    ) -> WordParts {
        let kept = word.len() <= MEMO_WORD_BYTES;
        if let Some(&parts) = kept.then(|| self.words.get(word)).flatten() {
            return parts;
        }
        let mut parts = WordParts::of(word, data, model);
        parts.shape_id = self.pairs.shape_id(parts.shape());
        if kept {
            if self.words.len() >= MEMO_WORDS {
                self.words.clear();
            }
            self.words.insert(word.into(), parts);
        }
        parts
    }
}

/// Shapes given an id, at most; other shapes' pairs are hashed and looked up each time.
const PAIR_SHAPES: usize = 128;

/// The weights of the two pair features (templates 5 and 10) by small ids, remembered as
/// pairs occur: hashing a pair and looking it up costs as much as the rest of a gap's
/// score, and a few pairs of shapes and characters recur at most gaps.
#[derive(Default)]
struct PairWeights {
    /// Ids of the shapes met so far; a word keeps its shape's in `WordParts`.
    shape_ids: FxHashMap<Box<[u8]>, u8>,
    /// By before-shape id and after-shape id; NaN until first needed.
    shapes: Vec<f32>,
    /// By the last character before the gap and the first after it, both ASCII; NaN
    /// until first needed.
    chars: Vec<f32>,
}

impl PairWeights {
    /// The id of `shape`, given now if it has none and ids are left.
    fn shape_id(&mut self, shape: &[u8]) -> Option<u8> {
        if let Some(&id) = self.shape_ids.get(shape) {
            return Some(id);
        }
        let id = u8::try_from(self.shape_ids.len())
            .ok()
            .filter(|&id| usize::from(id) < PAIR_SHAPES)?;
        self.shape_ids.insert(shape.into(), id);
        Some(id)
    }

    /// Forgets the weights (another model), keeping the shape ids.
    fn forget_weights(&mut self) {
        self.shapes.clear();
        self.chars.clear();
    }

    fn shape_pair(&mut self, gap: &Gap, model: &BoundaryModel) -> f32 {
        let weight = || model.weight(gap.shape_pair());
        match (gap.before.shape_id, gap.after.shape_id) {
            (Some(a), Some(b)) => remembered(
                &mut self.shapes,
                PAIR_SHAPES * PAIR_SHAPES,
                usize::from(a) * PAIR_SHAPES + usize::from(b),
                weight,
            ),
            _ => weight(),
        }
    }

    fn char_pair(&mut self, gap: &Gap, model: &BoundaryModel) -> f32 {
        let weight = || model.weight(gap.char_pair());
        if gap.last.is_ascii() && gap.first.is_ascii() {
            remembered(
                &mut self.chars,
                128 * 128,
                (gap.last as usize) << 7 | gap.first as usize,
                weight,
            )
        } else {
            weight()
        }
    }
}

/// `table[index]`, computed by `weight` the first time; the table (of `size`) is
/// allocated when first used. A NaN weight is computed again each time, which is harmless.
fn remembered(
    table: &mut Vec<f32>,
    size: usize,
    index: usize,
    weight: impl FnOnce() -> f32,
) -> f32 {
    if table.is_empty() {
        table.resize(size, f32::NAN);
    }
    let slot = &mut table[index];
    if slot.is_nan() {
        *slot = weight();
    }
    *slot
}

/// A candidate gap: after the word ending at byte `prev_end` (with parts `before`, whose
/// last character is `last`), before the word with parts `after` (whose first character
/// is `first`), `since` words after the last line break or terminator.
struct Gap<'a> {
    prev_end: usize,
    before: &'a WordParts,
    after: &'a WordParts,
    last: char,
    first: char,
    since: usize,
}

impl Gap<'_> {
    /// Template 5: the two words' shapes.
    fn shape_pair(&self) -> u64 {
        self.before.shape_pair_start.part(self.after.shape()).0
    }

    /// Template 10: the last character before the gap and the first after it.
    fn char_pair(&self) -> u64 {
        let (mut last, mut first) = ([0u8; 4], [0u8; 4]);
        let last: &[u8] = self.last.encode_utf8(&mut last).as_bytes();
        feature(10, &[last, self.first.encode_utf8(&mut first).as_bytes()])
    }

    /// The hashes of the gap's features, as the model was trained on them.
    fn features(&self) -> [u64; MAX_FEATURES] {
        let (before, after) = (self.before, self.after);
        let mut last = [0u8; 4];
        let last_class: &[u8] = if self.last.is_alphanumeric() {
            b"aln"
        } else {
            self.last.encode_utf8(&mut last).as_bytes()
        };
        let starter_flag: &[u8] = if after.starter { b"1" } else { b"0" };
        let since_bucket = [b'0' + self.since.min(12) as u8];
        [
            feature(0, &[]),
            before.lower_before.unwrap_or_default(),
            after.lower_after.unwrap_or_default(),
            before.shape_before,
            after.shape_after,
            self.shape_pair(),
            feature(6, &[last_class]),
            feature(7, &[starter_flag]),
            feature(8, &[&since_bucket]),
            feature(9, &[starter_flag, before.shape_tail()]),
            self.char_pair(),
        ]
    }
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
        let mut empty = WordMemo::new();
        candidates_with(text, en, None, false, &mut empty, &mut |gap, _| {
            fresh.push((gap.prev_end, gap.features().to_vec()))
        });
        assert_eq!(fresh, first);
    }

    #[test]
    fn list_markers_are_no_candidates() {
        assert!(is_item_marker("•") && is_item_marker("2.)") && is_item_marker("a)"));
        assert!(!is_item_marker("word") && !is_item_marker("(see)"));
    }

    #[test]
    fn precomputed_scores_are_the_sums_of_the_feature_weights() {
        let en = crate::lang::abbreviations::bundled("en").unwrap();
        let model = bundled("en").unwrap();
        let text = "Posted by darin Ben made it Then we saw The Guardian Report 2 ok \
                    (see) Über Ärzte, “Quoted” Words; x7 2024 Élan résumé: Zoë 42% NASA";
        // With shape ids to spare, and with none left (the pairs hashed at every gap).
        let mut exhausted = WordMemo::new();
        for k in 0..PAIR_SHAPES {
            exhausted.pairs.shape_id(format!("#{k}").as_bytes());
        }
        for mut memo in [WordMemo::new(), exhausted] {
            let mut gaps = 0;
            candidates_with(
                text,
                en,
                Some(model),
                false,
                &mut memo,
                &mut |gap, pairs| {
                    let shapes = [gap.before.shape(), gap.after.shape()];
                    assert_eq!(gap.shape_pair(), feature(5, &shapes));
                    let summed: f32 = gap.features().iter().map(|&h| model.weight(h)).sum();
                    // Twice: the pair weights computed, then remembered.
                    for _ in 0..2 {
                        let score = model.score(&gap, pairs);
                        assert!((score - summed).abs() < 1e-4, "gap at {}", gap.prev_end);
                    }
                    gaps += 1;
                },
            );
            assert!(gaps >= 10, "{gaps} gaps");
        }
    }

    #[test]
    fn weights_parse() {
        let m = BoundaryModel::parse("# c\nthreshold\t0.5\nff\t1.25\nbad line\n");
        assert_eq!(m.threshold, 0.5);
        assert_eq!(m.weights.get(&0xff), Some(&1.25));
    }
}
