//! A ranked graph of a document's content stems: stems are linked when they occur
//! within a few words of each other in one sentence, and a (personalised) PageRank
//! scores them. Shared by TextRank, PositionRank and the default method.

use super::candidates::{Document, Role};

/// How the graph is built and walked.
#[derive(Debug, Clone, Copy)]
pub struct GraphSettings {
    /// Two stems are linked when at most `window - 1` tokens apart.
    pub window: usize,
    /// Teleport to early words (PositionRank) rather than uniformly (TextRank).
    pub position_bias: bool,
    /// Count repeated co-occurrences as heavier edges.
    pub weighted: bool,
}

const DAMPING: f64 = 0.85;
const MAX_ITERATIONS: usize = 100;
const TOLERANCE: f64 = 1e-9;

/// The PageRank score of every content stem of `doc` (indexed like `doc.stems`).
pub fn stem_scores(doc: &Document, settings: GraphSettings) -> Vec<f64> {
    let n = doc.stems.len();
    if n == 0 {
        return Vec::new();
    }
    let mut teleport = vec![0.0; n];
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut recent: Vec<(usize, u32, u32)> = Vec::new(); // (token index, stem, sentence)
    let mut content_seen = 0usize;
    for (i, word) in doc.words.iter().enumerate() {
        let Some(stem) = word.stem else { continue };
        debug_assert!(word.role != Role::Boundary);
        content_seen += 1;
        teleport[stem as usize] += if settings.position_bias {
            1.0 / content_seen as f64
        } else {
            1.0
        };
        recent.retain(|&(j, _, s)| i - j < settings.window && s == word.sentence);
        for &(_, other, _) in &recent {
            if other != stem {
                pairs.push((stem, other));
                pairs.push((other, stem));
            }
        }
        recent.push((i, stem, word.sentence));
    }
    normalise(&mut teleport);
    // Adjacency in compressed rows: sorted pairs, repeated pairs summed (or not).
    pairs.sort_unstable();
    let mut row_start = vec![0usize; n + 1];
    let mut targets: Vec<u32> = Vec::with_capacity(pairs.len());
    let mut weights: Vec<f64> = Vec::with_capacity(pairs.len());
    let mut last: Option<(u32, u32)> = None;
    for &(from, to) in &pairs {
        if last == Some((from, to)) {
            if settings.weighted {
                if let Some(w) = weights.last_mut() {
                    *w += 1.0;
                }
            }
            continue;
        }
        last = Some((from, to));
        row_start[from as usize + 1] += 1;
        targets.push(to);
        weights.push(1.0);
    }
    for i in 0..n {
        row_start[i + 1] += row_start[i];
    }
    let out_weight: Vec<f64> = (0..n)
        .map(|v| weights[row_start[v]..row_start[v + 1]].iter().sum())
        .collect();
    let mut score = teleport.clone();
    let mut next = vec![0.0; n];
    for _ in 0..MAX_ITERATIONS {
        // Mass of stems with no links returns through the teleport vector.
        let dangling: f64 = (0..n)
            .filter(|&v| out_weight[v] == 0.0)
            .map(|v| score[v])
            .sum();
        for v in 0..n {
            next[v] = (1.0 - DAMPING + DAMPING * dangling) * teleport[v];
        }
        for v in 0..n {
            if out_weight[v] == 0.0 {
                continue;
            }
            let share = DAMPING * score[v] / out_weight[v];
            for e in row_start[v]..row_start[v + 1] {
                next[targets[e] as usize] += share * weights[e];
            }
        }
        let change: f64 = score.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut score, &mut next);
        if change < TOLERANCE {
            break;
        }
    }
    score
}

fn normalise(values: &mut [f64]) {
    let total: f64 = values.iter().sum();
    if total > 0.0 {
        values.iter_mut().for_each(|v| *v /= total);
    }
}
