//! YAKE-style statistical scoring (Campos et al., 2020): a stem is important when it
//! is capitalised, early, frequent, spread over few sentences and has few distinct
//! neighbours; a candidate combines its stems and its own frequency. YAKE ranks low
//! scores first; here the reciprocal is returned so that higher is better.

use super::candidates::Document;

pub fn scores(doc: &Document) -> Vec<f64> {
    let n = doc.stems.len();
    let mut frequency = vec![0.0f64; n];
    let mut cased = vec![0.0f64; n];
    let mut acronym = vec![0.0f64; n];
    let mut sentences: Vec<Vec<u32>> = vec![Vec::new(); n];
    let mut left: Vec<Vec<u32>> = vec![Vec::new(); n];
    let mut right: Vec<Vec<u32>> = vec![Vec::new(); n];
    let mut previous: Option<(u32, u32)> = None; // (stem, sentence) of the last content word
    for word in &doc.words {
        let Some(stem) = word.stem else {
            previous = None;
            continue;
        };
        let s = stem as usize;
        frequency[s] += 1.0;
        if word.capitalised && !word.sentence_start {
            cased[s] += 1.0;
        }
        if word.acronym {
            acronym[s] += 1.0;
        }
        if sentences[s].last() != Some(&word.sentence) {
            sentences[s].push(word.sentence);
        }
        if let Some((p, sentence)) = previous {
            if sentence == word.sentence {
                left[s].push(p);
                right[p as usize].push(stem);
            }
        }
        previous = Some((stem, word.sentence));
    }
    let mean = frequency.iter().sum::<f64>() / n.max(1) as f64;
    let std = (frequency.iter().map(|f| (f - mean).powi(2)).sum::<f64>() / n.max(1) as f64).sqrt();
    let max_frequency = frequency.iter().copied().fold(1.0, f64::max);
    let sentence_count = doc.sentence_count.max(1) as f64;
    let stem_weight: Vec<f64> = (0..n)
        .map(|s| {
            let tf = frequency[s].max(1.0);
            let case = cased[s].max(acronym[s]) / (1.0 + tf.ln());
            let median = sentences[s]
                .get(sentences[s].len() / 2)
                .copied()
                .unwrap_or(0) as f64;
            let position = (3.0 + median).ln().ln();
            let norm_frequency = tf / (mean + std);
            let relatedness = 1.0
                + (distinct_share(&mut left[s]) + distinct_share(&mut right[s])) * tf
                    / max_frequency;
            let spread = sentences[s].len() as f64 / sentence_count;
            relatedness * position / (case + norm_frequency / relatedness + spread / relatedness)
        })
        .collect();
    doc.candidates
        .iter()
        .map(|c| {
            let product: f64 = c.stems.iter().map(|&s| stem_weight[s as usize]).product();
            let sum: f64 = c.stems.iter().map(|&s| stem_weight[s as usize]).sum();
            let yake = product / (c.count() as f64 * (1.0 + sum));
            if yake > 0.0 {
                1.0 / yake
            } else {
                f64::MAX
            }
        })
        .collect()
}

/// Distinct neighbours over all neighbours (0 when there are none).
fn distinct_share(neighbours: &mut Vec<u32>) -> f64 {
    if neighbours.is_empty() {
        return 0.0;
    }
    let total = neighbours.len() as f64;
    neighbours.sort_unstable();
    neighbours.dedup();
    neighbours.len() as f64 / total
}
