//! A ranked graph of a document's content stems: stems are linked when they occur
//! within a few words of each other in one sentence, and a (personalised) PageRank
//! scores them. Shared by TextRank, PositionRank and the default method.

use rustc_hash::FxHashMap;

use super::candidates::{Document, Role};

/// How the graph is built and walked.
#[derive(Debug, Clone, Copy)]
pub struct GraphSettings {
    /// Two stems are linked when at most `window - 1` tokens apart.
    pub window: usize,
    /// Where the random walk restarts.
    pub bias: Bias,
    /// Count repeated co-occurrences as heavier edges.
    pub weighted: bool,
}

/// Where the random walk restarts: anywhere (TextRank) or early in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bias {
    Uniform,
    /// In proportion to 1 / (position among content words), summed over mentions (PositionRank).
    Word,
    /// In proportion to 1 / (sentence number), summed over mentions: as early-leaning, but
    /// every word of the title or lead sentence counts alike.
    Sentence,
}

const DAMPING: f64 = 0.85;
const MAX_ITERATIONS: usize = 30;
/// Total change in scores below which the walk has settled (the ranks no longer move:
/// the dev-set F1 is the same as with tighter tolerances).
const TOLERANCE: f64 = 1e-3;

/// The PageRank score of every content stem of `doc` (indexed like `doc.stems`).
pub fn stem_scores(doc: &Document, settings: GraphSettings) -> Vec<f64> {
    let n = doc.stems.len();
    if n == 0 {
        return Vec::new();
    }
    let mut teleport = vec![0.0; n];
    // Undirected edges keyed (low, high), with their co-occurrence counts.
    let mut edges: FxHashMap<(u32, u32), f64> = FxHashMap::with_capacity_and_hasher(
        doc.words.len() * settings.window / 2,
        Default::default(),
    );
    let mut recent: Vec<(usize, u32, u32)> = Vec::new(); // (token index, stem, sentence)
    let mut content_seen = 0usize;
    for (i, word) in doc.words.iter().enumerate() {
        let Some(stem) = word.stem else { continue };
        debug_assert!(word.role != Role::Boundary);
        content_seen += 1;
        teleport[stem as usize] += match settings.bias {
            Bias::Uniform => 1.0,
            Bias::Word => 1.0 / content_seen as f64,
            Bias::Sentence => 1.0 / (word.sentence as f64 + 1.0),
        };
        recent.retain(|&(j, _, s)| i - j < settings.window && s == word.sentence);
        for &(_, other, _) in &recent {
            if other != stem {
                let weight = edges
                    .entry((stem.min(other), stem.max(other)))
                    .or_insert(0.0);
                *weight = if settings.weighted {
                    *weight + 1.0
                } else {
                    1.0
                };
            }
        }
        recent.push((i, stem, word.sentence));
    }
    normalise(&mut teleport);
    // Adjacency in compressed rows, each edge stored in both directions.
    let mut row_start = vec![0usize; n + 1];
    for &(a, b) in edges.keys() {
        row_start[a as usize + 1] += 1;
        row_start[b as usize + 1] += 1;
    }
    for i in 0..n {
        row_start[i + 1] += row_start[i];
    }
    let mut fill = row_start.clone();
    let mut targets = vec![0u32; row_start[n]];
    let mut weights = vec![0.0f64; row_start[n]];
    for (&(a, b), &w) in &edges {
        for (from, to) in [(a, b), (b, a)] {
            let slot = fill[from as usize];
            targets[slot] = to;
            weights[slot] = w;
            fill[from as usize] += 1;
        }
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
