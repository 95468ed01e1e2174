//! The statistical name tagger: hashed feature weights per BILOU tag, tag-to-tag
//! transition weights, and Viterbi decoding restricted to valid BILOU sequences
//! (so every decoded entity is well formed).

use super::features;
use super::gazetteers::Gazetteers;
use super::hashing;
use super::{Entity, Label};
use crate::text::tokens::Token;
use crate::text::Span;

/// Positions inside an entity: Begin, Inside, Last, Unit (single token).
pub const BEGIN: usize = 0;
pub const INSIDE: usize = 1;
pub const LAST: usize = 2;
pub const UNIT: usize = 3;

/// Tag 0 is "outside"; tag `1 + 4 * label + position` is a label's position.
pub fn tag_of(label: usize, position: usize) -> usize {
    1 + 4 * label + position
}

/// The number of tags for `labels` entity labels.
pub fn tag_count(labels: usize) -> usize {
    1 + 4 * labels
}

/// The (label, position) of a tag, None for "outside".
pub fn split_tag(tag: usize) -> Option<(usize, usize)> {
    (tag > 0).then(|| ((tag - 1) / 4, (tag - 1) % 4))
}

/// Whether `next` may follow `prev` (None: the sequence start) in BILOU.
pub fn allowed(prev: Option<usize>, next: usize) -> bool {
    let open = prev
        .and_then(split_tag)
        .filter(|&(_, p)| p == BEGIN || p == INSIDE);
    match (open, split_tag(next)) {
        (Some((l, _)), Some((m, p))) => l == m && (p == INSIDE || p == LAST),
        (Some(_), None) => false,
        (None, Some((_, p))) => p == BEGIN || p == UNIT,
        (None, None) => true,
    }
}

/// Whether a sequence may end on `tag`.
pub fn may_end(tag: usize) -> bool {
    !matches!(split_tag(tag), Some((_, p)) if p == BEGIN || p == INSIDE)
}

/// Bucket of a feature hash in a table of `1 << bits` rows.
#[inline]
pub fn bucket(feature: u64, bits: u32) -> usize {
    (hashing::finish(feature) & ((1u64 << bits) - 1)) as usize
}

/// The best valid tag sequence for per-token scores `emissions` (`n * tags`) and
/// `transitions` (`(tags + 1) * tags`, the last row scoring the sequence start).
pub fn viterbi(emissions: &[f32], tags: usize, transitions: &[f32]) -> Vec<usize> {
    let n = emissions.len() / tags;
    if n == 0 {
        return Vec::new();
    }
    let allowed_scores = masked(transitions, tags);
    let start = &allowed_scores[tags * tags..];
    let mut best: Vec<f32> = (0..tags).map(|t| start[t] + emissions[t]).collect();
    let mut next = vec![f32::NEG_INFINITY; tags];
    let mut back = vec![0u16; n * tags];
    for i in 1..n {
        for t in 0..tags {
            let mut top = f32::NEG_INFINITY;
            let mut arg = 0;
            for (p, &b) in best.iter().enumerate() {
                let s = b + allowed_scores[p * tags + t];
                if s > top {
                    top = s;
                    arg = p;
                }
            }
            next[t] = top + emissions[i * tags + t];
            back[i * tags + t] = arg as u16;
        }
        std::mem::swap(&mut best, &mut next);
    }
    let mut tag = (0..tags)
        .filter(|&t| may_end(t))
        .max_by(|&a, &b| best[a].total_cmp(&best[b]))
        .unwrap_or(0);
    let mut path = vec![0; n];
    for i in (0..n).rev() {
        path[i] = tag;
        tag = back[i * tags + tag] as usize;
    }
    path
}

/// `transitions` with forbidden BILOU moves at -inf, so searches only see valid paths.
fn masked(transitions: &[f32], tags: usize) -> Vec<f32> {
    let mut out = transitions.to_vec();
    for (k, s) in out.iter_mut().enumerate() {
        let prev = (k / tags < tags).then_some(k / tags);
        if !allowed(prev, k % tags) {
            *s = f32::NEG_INFINITY;
        }
    }
    out
}

/// `exp(transitions / temperature)`, forbidden moves 0, shifted so the largest is 1
/// (the shift cancels in `marginals`).
pub fn transition_factors(transitions: &[f32], tags: usize, temperature: f32) -> Vec<f64> {
    let masked = masked(transitions, tags);
    let top = masked.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    masked
        .iter()
        .map(|&t| (f64::from(t - top) / f64::from(temperature)).exp())
        .collect()
}

/// Per-token tag probabilities (`n * tags`) under the distribution that gives each valid
/// path a weight `exp(score / temperature)`: forward-backward with per-token
/// normalisation, `factors` from `transition_factors`.
pub fn marginals(emissions: &[f32], tags: usize, factors: &[f64], temperature: f32) -> Vec<f64> {
    let n = emissions.len() / tags;
    if n == 0 {
        return Vec::new();
    }
    let mut local = vec![0f64; n * tags];
    for (row, scores) in local
        .chunks_exact_mut(tags)
        .zip(emissions.chunks_exact(tags))
    {
        let top = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        for (l, &s) in row.iter_mut().zip(scores) {
            *l = (f64::from(s - top) / f64::from(temperature)).exp();
        }
    }
    let normalise = |row: &mut [f64]| {
        let total: f64 = row.iter().sum();
        if total > 0.0 {
            row.iter_mut().for_each(|x| *x /= total);
        }
    };
    let mut alpha = vec![0f64; n * tags];
    for t in 0..tags {
        alpha[t] = factors[tags * tags + t] * local[t];
    }
    normalise(&mut alpha[..tags]);
    for i in 1..n {
        let (done, rest) = alpha.split_at_mut(i * tags);
        let prev = &done[(i - 1) * tags..];
        for t in 0..tags {
            let into: f64 = (0..tags).map(|p| prev[p] * factors[p * tags + t]).sum();
            rest[t] = into * local[i * tags + t];
        }
        normalise(&mut rest[..tags]);
    }
    let mut beta = vec![0f64; n * tags];
    for t in 0..tags {
        beta[(n - 1) * tags + t] = if may_end(t) { 1.0 } else { 0.0 };
    }
    for i in (0..n - 1).rev() {
        let (head, tail) = beta.split_at_mut((i + 1) * tags);
        let next = &tail[..tags];
        let next_local = &local[(i + 1) * tags..(i + 2) * tags];
        for t in 0..tags {
            head[i * tags + t] = (0..tags)
                .map(|m| factors[t * tags + m] * next_local[m] * next[m])
                .sum();
        }
        normalise(&mut head[i * tags..]);
    }
    let mut out: Vec<f64> = alpha.iter().zip(&beta).map(|(a, b)| a * b).collect();
    for row in out.chunks_exact_mut(tags) {
        normalise(row);
    }
    out
}

/// Tokens on each side of an entity that its confidence looks at.
const CONFIDENCE_WINDOW: usize = 3;

/// Token ranges `[first, last]` and label indices of the entities in a tag sequence.
pub fn entity_runs(path: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &tag) in path.iter().enumerate() {
        match split_tag(tag) {
            Some((l, UNIT)) => out.push((i, i, l)),
            Some((_, BEGIN)) => start = i,
            Some((l, LAST)) => out.push((start, i, l)),
            _ => {}
        }
    }
    out
}

/// One decoding pass: quantised feature weights and tag transitions.
#[derive(Debug, Clone, PartialEq)]
pub struct Pass {
    /// `(1 << bits) * tags` weights, in units of `scale`.
    pub weights: Vec<i16>,
    pub scale: f32,
    /// `(tags + 1) * tags` transition weights (same units as `weights * scale`).
    pub transitions: Vec<f32>,
}

impl Pass {
    /// Adds the weights of `features` to one token's `scores`.
    #[inline]
    fn score(&self, scores: &mut [f32], sums: &mut [i32], bits: u32, features: &[u64]) {
        let tags = scores.len();
        sums.iter_mut().for_each(|s| *s = 0);
        for &f in features {
            let row = bucket(f, bits) * tags;
            for (s, &w) in sums.iter_mut().zip(&self.weights[row..row + tags]) {
                *s += i32::from(w);
            }
        }
        for (o, &s) in scores.iter_mut().zip(sums.iter()) {
            *o += s as f32 * self.scale;
        }
    }
}

/// A trained tagger: one pass, or two where the second also sees how the first
/// labelled the same words elsewhere in the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// The entity labels, in tag order.
    pub labels: Vec<Label>,
    /// log2 of the number of weight rows of each pass.
    pub bits: u32,
    pub passes: Vec<Pass>,
    /// Divides scores before the softmax that gives an entity's confidence.
    pub temperature: f32,
}

impl Model {
    pub fn tags(&self) -> usize {
        tag_count(self.labels.len())
    }

    /// The names in `text` (already tokenized), in text order.
    pub fn tag(&self, text: &str, tokens: &[Token], lists: &Gazetteers) -> Vec<Entity> {
        let tags = self.tags();
        let Some(first) = self.passes.first() else {
            return Vec::new();
        };
        let second = self.passes.get(1);
        let n = tokens.len();
        let mut sums = vec![0i32; tags];
        let mut scores = vec![0f32; n * tags];
        let mut rescored = vec![0f32; if second.is_some() { n * tags } else { 0 }];
        let contexts = features::for_each_token(text, tokens, lists, |i, feats| {
            let range = i * tags..(i + 1) * tags;
            first.score(&mut scores[range.clone()], &mut sums, self.bits, feats);
            if let Some(p) = second {
                p.score(&mut rescored[range], &mut sums, self.bits, feats);
            }
        });
        let mut path = viterbi(&scores, tags, &first.transitions);
        let mut transitions = &first.transitions;
        if let Some(p) = second {
            let first_path = path;
            features::history(
                &contexts,
                |i| split_tag(first_path[i]).map(|(l, _)| l),
                |i, feats| {
                    let range = i * tags..(i + 1) * tags;
                    p.score(&mut rescored[range], &mut sums, self.bits, feats);
                },
            );
            path = viterbi(&rescored, tags, &p.transitions);
            scores = rescored;
            transitions = &p.transitions;
        }
        let factors = transition_factors(transitions, tags, self.temperature);
        entity_runs(&path)
            .into_iter()
            .map(|(first, last, label)| {
                // The mean probability of the chosen tags, from a window around the entity.
                let from = first.saturating_sub(CONFIDENCE_WINDOW);
                let to = (last + 1 + CONFIDENCE_WINDOW).min(n);
                let window = &scores[from * tags..to * tags];
                let probs = marginals(window, tags, &factors, self.temperature);
                let confidence = ((first..=last)
                    .map(|i| probs[(i - from) * tags + path[i]])
                    .sum::<f64>()
                    / (last + 1 - first) as f64) as f32;
                let confidence = if confidence.is_finite() {
                    confidence.clamp(0.0, 1.0)
                } else {
                    0.0
                };
                Entity {
                    span: Span::new(tokens[first].span.start, tokens[last].span.end),
                    label: self.labels[label].clone(),
                    score: confidence,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_constraints() {
        let (b, i, l, u) = (
            tag_of(0, BEGIN),
            tag_of(0, INSIDE),
            tag_of(0, LAST),
            tag_of(0, UNIT),
        );
        assert!(allowed(None, b) && allowed(None, u) && allowed(None, 0));
        assert!(!allowed(None, i) && !allowed(None, l));
        assert!(allowed(Some(b), i) && allowed(Some(i), l) && !allowed(Some(b), 0));
        assert!(!allowed(Some(b), tag_of(1, LAST)));
        assert!(allowed(Some(l), u) && allowed(Some(u), b));
        assert!(may_end(l) && !may_end(b));
    }

    #[test]
    fn viterbi_repairs_invalid_local_choices() {
        let tags = tag_count(1);
        // Token scores prefer INSIDE alone (invalid); the decoder must return a valid path.
        let mut emissions = vec![0f32; 2 * tags];
        emissions[tag_of(0, INSIDE)] = 5.0;
        emissions[tags + tag_of(0, LAST)] = 5.0;
        let transitions = vec![0f32; (tags + 1) * tags];
        let path = viterbi(&emissions, tags, &transitions);
        assert_eq!(path, vec![tag_of(0, BEGIN), tag_of(0, LAST)]);
        assert_eq!(entity_runs(&path), vec![(0, 1, 0)]);
        assert!(viterbi(&[], tags, &transitions).is_empty());
        let factors = transition_factors(&transitions, tags, 1.0);
        let probs = marginals(&emissions, tags, &factors, 1.0);
        for i in 0..2 {
            let row = &probs[i * tags..(i + 1) * tags];
            assert!((row.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        }
        // Only B-L or O-O, U-U, ... are valid: INSIDE alone never is.
        assert_eq!(probs[tag_of(0, INSIDE)], 0.0);
        assert!(probs[tag_of(0, BEGIN)] > 0.9);
    }
}
